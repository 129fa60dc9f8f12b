"""Nova Scotia: form NS428. Tax = brackets - 8.79% x credits - low-income tax reduction.

Up to 2024 the basic personal amount was $8,481 plus a supplement of up to $3,000, reduced by 6%
of taxable income over $25,000 (nil from $75,000). From 2025 the supplement is folded into a flat,
indexed amount ($11,744 in 2025).
"""

from __future__ import annotations

import numpy as np
from pydantic import Field

from netpay.brackets import clawback
from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.provinces.rules import LowIncomeReduction, less_reduction, low_income_tax_reduction
from netpay.tables import Frozen


class BpaSupplement(Frozen):
    """Worksheet NS428 line 58040 (to 2024): ``max_amount`` less ``rate`` x taxable income over
    ``threshold``."""

    max_amount: float = Field(gt=0)
    threshold: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)


class Table(ProvincialTable):
    """``data/tax_tables/<year>/ns.yaml``."""

    bpa_supplement: BpaSupplement | None = None
    low_income_reduction: LowIncomeReduction


def nova_scotia_basic_personal_amount(ctx: TaxContext, table: Table) -> FloatArray:
    """NS428 line 58040: the basic amount plus, to 2024, the income-tested supplement, which falls by
    6% of taxable income (line 26000) over $25,000; prorated for part-year residence."""
    s = table.bpa_supplement
    if s is None:
        supplement = np.zeros_like(ctx.taxable_income)
    else:
        supplement = clawback(s.max_amount, ctx.taxable_income, s.threshold, s.rate)
    return ctx.personal_amount(table.basic_personal_amount) + ctx.residence_fraction * supplement


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """Nova Scotia tax (T1 line 42800): NS428 Parts A-B, less the NS low-income tax reduction
    (Part C: $300 less 5% of adjusted family net income over $15,000), not below zero."""
    credits = nova_scotia_basic_personal_amount(ctx, table) + contribution_credit_amounts(ctx)
    basic = basic_provincial_tax(ctx, table, credits)
    return less_reduction(basic, low_income_tax_reduction(ctx.net_income, table.low_income_reduction))
