"""Prince Edward Island: form PE428. Tax = brackets - lowest rate x credits - low-income tax reduction.

PEI's 10% surtax ended with the 2023 tax year; PEI indexes nothing, so every amount is set by
legislation year by year (see the data files).
"""

from __future__ import annotations

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.provinces.rules import LowIncomeReduction, less_reduction, low_income_tax_reduction


class Table(ProvincialTable):
    """``data/tax_tables/<year>/pe.yaml``."""

    low_income_reduction: LowIncomeReduction


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """PEI tax (T1 line 42800): PE428 Parts A-B, less the PEI low-income tax reduction (Part C:
    $350 less 5% of adjusted family net income over the threshold), not below zero."""
    credits = ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)
    basic = basic_provincial_tax(ctx, table, credits)
    return less_reduction(basic, low_income_tax_reduction(ctx.net_income, table.low_income_reduction))
