"""Provinces and territories whose employee return is brackets minus credits, nothing more.

Used where the data show no surtax, premium, low-income reduction or phase-out that reaches an
employee: provincial tax = brackets on taxable income - lowest rate x (basic personal amount +
CPP base contributions + EI premiums).
"""

from __future__ import annotations

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts


class Table(ProvincialTable):
    """``data/tax_tables/<year>/<code>.yaml`` for a jurisdiction with the standard shape."""


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """428 form, Parts A-C for an employee: brackets minus non-refundable credits."""
    credits = ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)
    return basic_provincial_tax(ctx, table, credits)
