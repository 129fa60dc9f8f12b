"""Rule blocks several provincial and territorial returns share: a personal amount phased down
over a net-income range (Manitoba, Yukon) and the low-income tax reduction of the Atlantic
provinces (New Brunswick, Nova Scotia, Prince Edward Island, Newfoundland and Labrador)."""

from __future__ import annotations

import numpy as np
from pydantic import Field, model_validator

from netpay.brackets import clawback, linear_phase
from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.tables import Frozen


class PhaseDown(Frozen):
    """A personal amount that falls linearly from its maximum to ``minimum`` as net income
    (line 23600) rises from ``start`` to ``end``."""

    minimum: float = Field(ge=0)
    start: float = Field(gt=0, description="net income at which the phase-down starts")
    end: float = Field(gt=0, description="net income at which the amount reaches minimum")

    @model_validator(mode="after")
    def _ordered(self) -> PhaseDown:
        if self.end <= self.start:
            raise ValueError(f"need start < end, got {self.start} and {self.end}")
        return self


def check_phase_down(maximum: float, phase: PhaseDown | None) -> None:
    """Raise if a phase-down would raise the amount (its minimum above the maximum)."""
    if phase is not None and phase.minimum > maximum:
        raise ValueError(f"phase-down minimum {phase.minimum} exceeds the basic personal amount {maximum}")


def phased_personal_amount(ctx: TaxContext, maximum: float, phase: PhaseDown | None) -> FloatArray:
    """A personal amount after its phase-down on net income, prorated for part-year residence.

    A part-year resident with residence fraction ``p`` gets ``p x amount(net income / p)``: the
    maximum, the minimum and both thresholds prorated, the convention ``netpay.federal`` uses for
    the federal BPA (CRA publishes no method for a prorated phase-down).
    """
    p = ctx.residence_fraction
    if phase is None:
        return np.full_like(ctx.net_income, ctx.personal_amount(maximum))
    share = linear_phase(ctx.net_income / p, phase.start, phase.end)
    return p * (maximum - (maximum - phase.minimum) * share)


class LowIncomeReduction(Frozen):
    """A low-income tax reduction for a single person: ``basic_amount`` less ``rate`` x adjusted
    family net income over ``threshold``, never below zero."""

    basic_amount: float = Field(gt=0)
    threshold: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)


def low_income_tax_reduction(adjusted_net_income: FloatArray, block: LowIncomeReduction) -> FloatArray:
    """The reduction claimed (428 forms, Part C): the basic reduction less ``rate`` x adjusted family
    net income (for a single employee: net income, line 23600) over the base amount."""
    return clawback(block.basic_amount, adjusted_net_income, block.threshold, block.rate)


def less_reduction(tax: FloatArray, reduction: FloatArray) -> FloatArray:
    """Tax after a non-refundable reduction: the reduction is capped at the tax, so never negative."""
    return tax - np.minimum(np.maximum(reduction, 0.0), tax)
