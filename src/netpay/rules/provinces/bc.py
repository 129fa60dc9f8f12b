"""British Columbia: form BC428. Tax = brackets - the lowest rate x credits - BC tax reduction."""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Clawback, Lines, clawed_back, less_reduction
from netpay.rules.context import TaxContext
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_tax, federal_taxable_income
from netpay.tables.taxes import BritishColumbiaTable


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    tax_reduction: Clawback


def params(table: BritishColumbiaTable) -> Params:
    r = table.tax_reduction
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        table.basic_personal_amount,
        Clawback(r.max_amount, r.threshold, r.rate),
    )


@rule
def bc_basic_tax(ctx: TaxContext, p: Params) -> float:
    """BC428 Parts A-B: brackets minus the lowest rate x (BPA + CPP base + EI)."""
    return basic_tax(ctx, p)


@rule
def bc_tax_reduction(net_income: float, r: Clawback) -> float:
    """BC428 Part C: the reduction, less a rate x net income (line 23600) over the threshold."""
    return clawed_back(net_income, r)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """BC tax (T1 line 42800): basic BC tax less the BC tax reduction, not below zero."""
    return less_reduction(bc_basic_tax(ctx, p), bc_tax_reduction(ctx.net_income, p.tax_reduction))


provincial_taxable_income = federal_taxable_income
