"""British Columbia: form BC428. Tax = brackets - lowest rate x credits - BC tax reduction."""

from __future__ import annotations

import numpy as np
from pydantic import Field

from netpay.brackets import clawback
from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.tables import Frozen


class TaxReduction(Frozen):
    """BC428 Part C, BC tax reduction: ``max_amount`` less ``rate`` x net income over ``threshold``."""

    max_amount: float = Field(gt=0)
    threshold: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)


class Table(ProvincialTable):
    """``data/tax_tables/<year>/bc.yaml``."""

    tax_reduction: TaxReduction


def bc_basic_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """BC428 Parts A-B: brackets minus the lowest rate x (BPA + CPP base + EI)."""
    credits = ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)
    return basic_provincial_tax(ctx, table, credits)


def bc_tax_reduction(net_income: FloatArray, table: Table) -> FloatArray:
    """BC428 Part C: the reduction for net income (line 23600), 3.56% clawback above the threshold."""
    r = table.tax_reduction
    return clawback(r.max_amount, net_income, r.threshold, r.rate)


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """BC tax (T1 line 42800): basic BC tax less the BC tax reduction, not below zero."""
    basic = bc_basic_tax(ctx, table)
    return basic - np.minimum(bc_tax_reduction(ctx.net_income, table), basic)
