"""Nova Scotia: form NS428. Tax = brackets - the lowest rate x credits - low-income tax reduction.

Up to 2024 the basic personal amount was a base amount plus an income-tested supplement, reduced by
a rate of taxable income over a threshold. From 2025 the supplement is folded into a flat, indexed amount.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Clawback, Lines, clawed_back, less_reduction
from netpay.rules.context import TaxContext, prorated
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_provincial_tax, credit_amounts, federal_taxable_income
from netpay.rules.provinces.atlantic import low_income_tax_reduction, reduction
from netpay.tables.taxes import NovaScotiaTable


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    #: the BPA supplement to 2024 (an amount of 0: none that year)
    bpa_supplement: Clawback
    low_income_reduction: Clawback


def params(table: NovaScotiaTable) -> Params:
    s = table.bpa_supplement
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        table.basic_personal_amount,
        Clawback(0.0, 0.0, 0.5) if s is None else Clawback(s.max_amount, s.threshold, s.rate),
        reduction(table.low_income_reduction),
    )


@rule
def nova_scotia_basic_personal_amount(ctx: TaxContext, p: Params) -> float:
    """NS428 line 58040: the basic amount plus, to 2024, the income-tested supplement, which falls by a
    rate of taxable income (line 26000) over its threshold; prorated for part-year residence."""
    supplement = clawed_back(ctx.taxable_income, p.bpa_supplement)
    return prorated(p.basic_personal_amount, ctx) + ctx.residence_fraction * supplement


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """Nova Scotia tax (T1 line 42800): NS428 Parts A-B, less the NS low-income tax reduction
    (Part C), not below zero."""
    credits = credit_amounts(nova_scotia_basic_personal_amount(ctx, p), ctx)
    basic = basic_provincial_tax(ctx, p.lines, p.credit_rate, credits)
    return less_reduction(basic, low_income_tax_reduction(ctx.net_income, p.low_income_reduction))


provincial_taxable_income = federal_taxable_income
