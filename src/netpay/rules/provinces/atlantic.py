"""New Brunswick, Newfoundland and Labrador, Prince Edward Island: forms NB428, NL428, PE428.

Tax = brackets - the credit rate x (basic personal amount + CPP base + EI), less the low-income tax
reduction (Part C: the basic reduction less a rate x adjusted family net income over the threshold;
for a single employee, net income, line 23600), not below zero. NL's temporary deficit reduction
levy applied to 2016-2019 only, and its Health and Post-Secondary Education Tax is an employer
payroll tax; PEI's 10% surtax ended with 2023 and PEI indexes nothing (amounts set year by year).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Clawback, Lines, clawed_back, less_reduction
from netpay.rules.context import TaxContext
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_tax, federal_taxable_income
from netpay.tables.taxes import AtlanticTable, LowIncomeReduction


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    low_income_reduction: Clawback


def reduction(r: LowIncomeReduction) -> Clawback:
    return Clawback(r.basic_amount, r.threshold, r.rate)


def params(table: AtlanticTable) -> Params:
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        table.basic_personal_amount,
        reduction(table.low_income_reduction),
    )


@rule
def low_income_tax_reduction(adjusted_net_income: float, r: Clawback) -> float:
    """The reduction claimed (428 forms, Part C): the basic reduction less the rate x adjusted family
    net income over the base amount, not below zero."""
    return clawed_back(adjusted_net_income, r)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """Tax (T1 line 42800): Parts A-B, less the low-income tax reduction, not below zero."""
    return less_reduction(basic_tax(ctx, p), low_income_tax_reduction(ctx.net_income, p.low_income_reduction))


provincial_taxable_income = federal_taxable_income
