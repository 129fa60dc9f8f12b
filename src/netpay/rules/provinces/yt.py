"""Yukon: form YT428. Tax = brackets - the lowest rate x (BPA + Canada employment amount + CPP base + EI).

Yukon's first three thresholds and its basic personal amount follow the federal ones, including the
federal phase-down of the BPA; the top threshold is fixed. Yukon kept its 6.4% lowest rate when the
federal one fell. Yukon has no low-income tax reduction on YT428.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines
from netpay.rules.context import TaxContext
from netpay.rules.federal import PhaseDownRecord, canada_employment_amount, lines, phased_amount
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_provincial_tax, credit_amounts, federal_taxable_income
from netpay.rules.provinces.mb import phase_down
from netpay.tables.taxes import YukonTable


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: PhaseDownRecord
    canada_employment_amount: float


def params(table: YukonTable) -> Params:
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        phase_down(table.basic_personal_amount, table.bpa_phase_down),
        table.canada_employment_amount,
    )


@rule
def yukon_basic_personal_amount(ctx: TaxContext, p: Params) -> float:
    """YT428 line 58040 (the amount from line 30000): the BPA reduced from its maximum to its minimum as
    net income (line 23600) rises across the federal phase-down range; ``p x BPA(net / p)`` part-year."""
    return phased_amount(ctx.net_income, p.basic_personal_amount, ctx.residence_fraction)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """Yukon tax (T1 line 42800) for an employee: brackets minus the lowest rate x the credit amounts
    (the Canada employment amount as on federal line 31260)."""
    personal = yukon_basic_personal_amount(ctx, p) + canada_employment_amount(
        ctx.employment_income, p.canada_employment_amount
    )
    return basic_provincial_tax(ctx, p.lines, p.credit_rate, credit_amounts(personal, ctx))


provincial_taxable_income = federal_taxable_income
