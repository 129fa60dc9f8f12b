"""Alberta: form AB428. Tax = brackets - the lowest rate x credits - supplemental tax credit (2025+)."""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines
from netpay.rules.context import TaxContext, prorated
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_provincial_tax, credit_amounts, federal_taxable_income
from netpay.tables.taxes import AlbertaTable


class SupplementalCredit(NamedTuple):
    """A rate of the credit amounts above a threshold (a rate of 0: no such credit that year)."""

    rate: float
    threshold: float


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    supplemental_credit: SupplementalCredit


def params(table: AlbertaTable) -> Params:
    s = table.supplemental_credit
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        table.basic_personal_amount,
        SupplementalCredit(0.0, 0.0) if s is None else SupplementalCredit(s.rate, s.threshold),
    )


@rule
def supplemental_tax_credit(credits: float, s: SupplementalCredit) -> float:
    """The supplemental credit (Budget 2025): its rate x non-refundable credit amounts over the threshold."""
    return s.rate * max(credits - s.threshold, 0.0)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """Alberta tax (T1 line 42800): AB428 Parts A-B (BPA + CPP base + EI), less the supplemental credit."""
    credits = credit_amounts(prorated(p.basic_personal_amount, ctx), ctx)
    basic = basic_provincial_tax(ctx, p.lines, p.credit_rate, credits)
    return max(basic - supplemental_tax_credit(credits, p.supplemental_credit), 0.0)


provincial_taxable_income = federal_taxable_income
