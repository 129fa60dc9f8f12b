"""Alberta: form AB428. Tax = brackets - lowest rate x credits - supplemental tax credit (2025+)."""

from __future__ import annotations

import numpy as np
from pydantic import Field

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.tables import Frozen


class SupplementalCredit(Frozen):
    """Alberta supplemental tax credit (Budget 2025): ``rate`` x credit amounts above ``threshold``.

    It restores the old 10% value on non-refundable credit amounts above $60,000 once the lowest
    rate, and so the credit rate, fell to 8%.
    """

    rate: float = Field(gt=0, lt=1)
    threshold: float = Field(gt=0)


class Table(ProvincialTable):
    """``data/tax_tables/<year>/ab.yaml``."""

    supplemental_credit: SupplementalCredit | None = None


def alberta_credit_amounts(ctx: TaxContext, table: Table) -> FloatArray:
    """AB428 Part B for an employee: BPA + CPP base contributions + EI premiums."""
    return ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)


def supplemental_tax_credit(credit_amounts: FloatArray, table: Table) -> FloatArray:
    """The supplemental credit: 2% of non-refundable credit amounts over the threshold (zero before 2025)."""
    s = table.supplemental_credit
    if s is None:
        return np.zeros_like(credit_amounts)
    return s.rate * np.maximum(credit_amounts - s.threshold, 0.0)


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """Alberta tax (T1 line 42800)."""
    credits = alberta_credit_amounts(ctx, table)
    basic = basic_provincial_tax(ctx, table, credits)
    return np.maximum(basic - supplemental_tax_credit(credits, table), 0.0)
