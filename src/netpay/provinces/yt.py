"""Yukon: form YT428. Tax = brackets - 6.4% x (BPA + Canada employment amount + CPP base + EI).

Yukon's first three thresholds and its basic personal amount follow the federal ones, including
the federal phase-down of the BPA between the 29% and 33% federal thresholds; the top threshold
($500,000) is fixed. Yukon kept 6.4% when the federal lowest rate fell. Yukon has no low-income
tax reduction on YT428.
"""

from __future__ import annotations

import numpy as np
from pydantic import Field, model_validator

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.provinces.rules import PhaseDown, check_phase_down, phased_personal_amount


class Table(ProvincialTable):
    """``data/tax_tables/<year>/yt.yaml``: ``basic_personal_amount`` is the maximum."""

    bpa_phase_down: PhaseDown
    canada_employment_amount: float = Field(gt=0)

    @model_validator(mode="after")
    def _phase_down_lowers(self) -> Table:
        check_phase_down(self.basic_personal_amount, self.bpa_phase_down)
        return self


def yukon_basic_personal_amount(ctx: TaxContext, table: Table) -> FloatArray:
    """YT428 line 58040 (the amount from line 30000): the BPA reduced from its maximum to its
    minimum as net income (line 23600) rises across the federal phase-down range; for a part-year
    resident ``p x BPA(net income / p)``, as ``netpay.federal.basic_personal_amount``."""
    return phased_personal_amount(ctx, table.basic_personal_amount, table.bpa_phase_down)


def yukon_canada_employment_amount(employment_income: FloatArray, table: Table) -> FloatArray:
    """YT428 Part B, Canada employment amount (federal line 31260): the lesser of the maximum and
    employment income."""
    return np.minimum(employment_income, table.canada_employment_amount)


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """Yukon tax (T1 line 42800) for an employee: brackets minus 6.4% x the credit amounts."""
    credits = (
        yukon_basic_personal_amount(ctx, table)
        + yukon_canada_employment_amount(ctx.employment_income, table)
        + contribution_credit_amounts(ctx)
    )
    return basic_provincial_tax(ctx, table, credits)
