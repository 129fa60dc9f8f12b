"""Vectorized progressive-bracket tax and the credit helpers every return shares."""

from __future__ import annotations

import numpy as np

from netpay.money import FloatArray
from netpay.tables import Schedule


def bracket_tax(taxable_income: FloatArray, schedule: Schedule) -> FloatArray:
    """Tax on ``taxable_income`` by a progressive schedule (the rate table of every 428 form, Part A/B).

    The form's "tax on the amount up to the threshold + rate x the amount over it": tax is linear
    between thresholds, so interpolating the tax payable at each threshold gives it exactly, in
    one pass over the incomes (no Python loop over brackets).
    """
    return np.interp(taxable_income, schedule.knots, schedule.tax_at_knots)


def linear_phase(value: FloatArray, start: float, end: float) -> FloatArray:
    """Share of a phase-down done: 0 at or below ``start``, 1 at or above ``end``, linear between."""
    return np.clip((value - start) / (end - start), 0.0, 1.0)


def clawback(amount: float, base: FloatArray, threshold: float, rate: float) -> FloatArray:
    """``amount`` reduced by ``rate`` x the part of ``base`` above ``threshold``, never below zero."""
    return np.maximum(amount - rate * np.maximum(base - threshold, 0.0), 0.0)
