"""New Brunswick: form NB428. Tax = brackets - 9.4% x credits - low-income tax reduction."""

from __future__ import annotations

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.provinces.rules import LowIncomeReduction, less_reduction, low_income_tax_reduction


class Table(ProvincialTable):
    """``data/tax_tables/<year>/nb.yaml``."""

    low_income_reduction: LowIncomeReduction


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """New Brunswick tax (T1 line 42800): NB428 Parts A-B (brackets minus the lowest rate x
    (BPA + CPP base + EI)), less the NB low-income tax reduction (Part C), not below zero."""
    credits = ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)
    basic = basic_provincial_tax(ctx, table, credits)
    return less_reduction(basic, low_income_tax_reduction(ctx.net_income, table.low_income_reduction))
