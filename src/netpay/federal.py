"""Federal income tax: the T1 return's Schedule 1 for an employee.

Basic federal tax = tax on taxable income by the federal brackets, minus the lowest rate times the
non-refundable credit amounts (basic personal amount, Canada employment amount, CPP/QPP base
contributions, EI and QPIP premiums), never below zero. Québec residents then subtract the
refundable Québec abatement, 16.5% of basic federal tax (T1 line 44000).
"""

from __future__ import annotations

import numpy as np
from pydantic import Field, model_validator

from netpay.brackets import bracket_tax, linear_phase
from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.tables import Frozen, TableBase


class PhasedAmount(Frozen):
    """An amount that falls linearly from ``max`` to ``min`` as net income rises from ``start`` to ``end``."""

    max: float = Field(ge=0)
    min: float = Field(ge=0)
    start: float = Field(ge=0, description="net income at which the phase-down starts")
    end: float = Field(gt=0, description="net income at which the amount reaches min")

    @model_validator(mode="after")
    def _ordered(self) -> PhasedAmount:
        if self.min > self.max or self.end <= self.start:
            raise ValueError("need min <= max and start < end")
        return self

    def amount(self, net_income: FloatArray) -> FloatArray:
        return self.max - (self.max - self.min) * linear_phase(net_income, self.start, self.end)


class FederalTable(TableBase):
    """``data/tax_tables/<year>/federal.yaml``."""

    credit_rate: float = Field(gt=0, lt=1, description="rate applied to non-refundable credit amounts")
    basic_personal_amount: PhasedAmount
    canada_employment_amount: float = Field(gt=0)
    quebec_abatement: float = Field(ge=0, lt=1)


def basic_personal_amount(net_income: FloatArray, table: FederalTable, residence_fraction: float = 1.0) -> FloatArray:
    """Line 30000: the BPA, reduced from its maximum to its minimum as net income (line 23600)
    rises from the 29% bracket's threshold to the 33% bracket's (ITA s. 118(1)(c), 5000-D1 worksheet).

    A part-year resident (ITA s. 118.91) gets the amount prorated by days of residence ``p``. CRA
    publishes no method for the phase-down of a prorated BPA ("contact the CRA"); netpay prorates
    the maximum, the minimum and both thresholds, as CRA's newcomer example does for the age amount,
    which is ``p x BPA(net income / p)``.
    """
    p = residence_fraction
    return p * table.basic_personal_amount.amount(net_income / p)


def canada_employment_amount(employment_income: FloatArray, table: FederalTable) -> FloatArray:
    """Line 31260: the lesser of the year's maximum and employment income (ITA s. 118(10))."""
    return np.minimum(employment_income, table.canada_employment_amount)


def credit_amounts(ctx: TaxContext, table: FederalTable) -> FloatArray:
    """Schedule 1 line 33500 for an employee: BPA + CEA + CPP/QPP base + EI + QPIP (lines 30000-31260).

    For a part-year resident only the BPA is prorated; the CEA and the contribution credits are
    claimed in full for the resident period (ITA s. 118.91(b)(i); CRA, newcomers' credits page).
    """
    c = ctx.contributions
    return (
        basic_personal_amount(ctx.net_income, table, ctx.residence_fraction)
        + canada_employment_amount(ctx.employment_income, table)
        + c.pension_base
        + c.ei
        + c.qpip
    )


def basic_federal_tax(ctx: TaxContext, table: FederalTable) -> FloatArray:
    """Schedule 1 line 42900: bracket tax minus ``credit_rate`` x credit amounts, not below zero."""
    gross = bracket_tax(ctx.taxable_income, table.schedule)
    return np.maximum(gross - table.credit_rate * credit_amounts(ctx, table), 0.0)


def quebec_abatement(basic_tax: FloatArray, table: FederalTable) -> FloatArray:
    """T1 line 44000: refundable Québec abatement, 16.5% of basic federal tax (Income Tax Act s. 120(2))."""
    return table.quebec_abatement * basic_tax


def federal_tax(ctx: TaxContext, table: FederalTable, quebec: bool) -> FloatArray:
    """Federal tax an employee pays: basic federal tax, less the Québec abatement for Québec residents."""
    basic = basic_federal_tax(ctx, table)
    return basic - quebec_abatement(basic, table) if quebec else basic
