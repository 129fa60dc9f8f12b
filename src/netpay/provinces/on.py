"""Ontario: form ON428 (Ontario tax), ON428-A (LIFT credit) and the Ontario Health Premium.

Ontario tax = basic Ontario tax (brackets minus 5.05% of credits)
            + surtax (20% of basic tax over the first threshold + 36% over the second)
            - Ontario tax reduction (2 x the basic amount - Ontario tax, not below zero)
            - LIFT credit (ON428-A)
            + Ontario Health Premium (on taxable income).
"""

from __future__ import annotations

import functools

import numpy as np
from pydantic import Field, field_validator

from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.tables import Frozen


class Surtax(Frozen):
    """ON428 Part C: rate1 on basic Ontario tax over threshold1, plus rate2 over threshold2."""

    threshold1: float = Field(gt=0)
    rate1: float = Field(gt=0, lt=1)
    threshold2: float = Field(gt=0)
    rate2: float = Field(gt=0, lt=1)


class TaxReduction(Frozen):
    """ON428 Part C, Ontario tax reduction: the basic amount per person (no dependants here)."""

    basic_amount: float = Field(gt=0)


class Lift(Frozen):
    """ON428-A, Low-income individuals and families tax (LIFT) credit, single person."""

    max_credit: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1, description="share of employment income")
    threshold: float = Field(gt=0, description="adjusted net income above which the credit is reduced")
    reduction_rate: float = Field(gt=0, lt=1)


class PremiumStep(Frozen):
    """A ramp of the Health Premium: ``rate`` x taxable income over ``from``, adding at most ``increment``."""

    from_: float = Field(alias="from", gt=0)
    rate: float = Field(gt=0, lt=1)
    increment: float = Field(gt=0)


class Table(ProvincialTable):
    """``data/tax_tables/<year>/on.yaml``."""

    surtax: Surtax
    tax_reduction: TaxReduction
    lift: Lift
    health_premium: list[PremiumStep] = Field(min_length=1)

    @field_validator("health_premium")
    @classmethod
    def _ramps_ascending(cls, steps: list[PremiumStep]) -> list[PremiumStep]:
        ends = [(s.from_, s.from_ + s.increment / s.rate) for s in steps]
        if any(b[0] < a[1] for a, b in zip(ends, ends[1:], strict=False)):
            raise ValueError(f"health premium ramps must be ascending and not overlap, got {ends}")
        return steps

    @functools.cached_property
    def health_premium_chart(self) -> tuple[np.ndarray, np.ndarray]:
        """Corners of the premium chart: (taxable income, premium), flat beyond the last."""
        knots, premiums, total = [0.0], [0.0], 0.0
        for step in self.health_premium:
            knots += [step.from_, step.from_ + step.increment / step.rate]
            premiums += [total, total + step.increment]
            total += step.increment
        return np.array(knots), np.array(premiums)


def ontario_basic_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """ON428 line 'Ontario tax on taxable income' minus 5.05% x (BPA + CPP base + EI)."""
    credits = ctx.personal_amount(table.basic_personal_amount) + contribution_credit_amounts(ctx)
    return basic_provincial_tax(ctx, table, credits)


def ontario_surtax(basic_tax: FloatArray, table: Table) -> FloatArray:
    """ON428 Part C: 20% of basic Ontario tax over the first threshold plus 36% over the second."""
    s = table.surtax
    return s.rate1 * np.maximum(basic_tax - s.threshold1, 0.0) + s.rate2 * np.maximum(basic_tax - s.threshold2, 0.0)


def ontario_tax_reduction(tax_with_surtax: FloatArray, table: Table) -> FloatArray:
    """ON428 Part C: 2 x the basic reduction minus Ontario tax (with surtax), between zero and that tax."""
    return np.clip(2.0 * table.tax_reduction.basic_amount - tax_with_surtax, 0.0, tax_with_surtax)


def lift_credit(ctx: TaxContext, table: Table) -> FloatArray:
    """ON428-A: the lesser of the maximum and 5.05% of employment income, reduced by 5% of adjusted
    net income over the single threshold (Taxation Act, 2007 (Ontario), s. 8.6.2)."""
    li = table.lift
    earned = np.minimum(li.max_credit, li.rate * ctx.employment_income)
    return np.maximum(earned - li.reduction_rate * np.maximum(ctx.net_income - li.threshold, 0.0), 0.0)


def ontario_health_premium(taxable_income: FloatArray, table: Table) -> FloatArray:
    """ON428 Part D: the Ontario Health Premium on taxable income, from $0 to $900 in ramps.

    The chart is piecewise linear (flat, then ``rate`` x income over ``from`` until the ramp has
    added ``increment``), so it is interpolated between its corners in one pass.
    """
    knots, premiums = table.health_premium_chart
    return np.interp(taxable_income, knots, premiums)


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """Net Ontario tax (T1 line 42800): basic tax + surtax - tax reduction - LIFT + Health Premium."""
    basic = ontario_basic_tax(ctx, table)
    tax = basic + ontario_surtax(basic, table)
    # Both need residence in Canada on January 1 and in Ontario on December 31: ontario.ca,
    # "Ontario Tax Reduction" and "Low-income Individuals and Families Tax (LIFT) Credit".
    if ctx.resident_jan1:
        tax = tax - ontario_tax_reduction(tax, table)
        tax = tax - np.minimum(lift_credit(ctx, table), tax)
    return tax + ontario_health_premium(ctx.taxable_income, table)
