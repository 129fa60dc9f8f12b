"""Newfoundland and Labrador: form NL428. Tax = eight brackets - 8.7% x credits - low-income tax reduction.

The temporary deficit reduction levy applied to 2016-2019 only; the Health and Post-Secondary
Education Tax is an employer payroll tax. Neither reaches an employee's return here.
"""

from __future__ import annotations

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.provinces.rules import LowIncomeReduction, less_reduction, low_income_tax_reduction


class Table(ProvincialTable):
    """``data/tax_tables/<year>/nl.yaml``."""

    low_income_reduction: LowIncomeReduction


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """NL tax (T1 line 42800): NL428 Parts A-B, less the NL low-income tax reduction (Part C:
    basic reduction less 16% of adjusted family net income over the threshold), not below zero."""
    credits = ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)
    basic = basic_provincial_tax(ctx, table, credits)
    return less_reduction(basic, low_income_tax_reduction(ctx.net_income, table.low_income_reduction))
