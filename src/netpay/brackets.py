"""Vectorized progressive-bracket tax and the credit helpers every return shares."""

from __future__ import annotations

import numpy as np

from netpay.money import FloatArray
from netpay.tables import Schedule


def bracket_tax(taxable_income: FloatArray, schedule: Schedule) -> FloatArray:
    """Tax on ``taxable_income`` by a progressive schedule (the rate table of every 428 form, Part A/B).

    Looks up each income's bracket with one ``searchsorted`` and adds the tax on the income in it
    to the tax payable up to its threshold, exactly as the form's "tax on the amount up to the
    threshold + rate x the amount over it" lines.
    """
    idx = np.searchsorted(schedule.thresholds, taxable_income, side="right") - 1
    np.maximum(idx, 0, out=idx)
    return schedule.base[idx] + schedule.rates[idx] * (taxable_income - schedule.thresholds[idx])


def marginal_bracket_rate(taxable_income: FloatArray, schedule: Schedule) -> FloatArray:
    """The statutory rate of the bracket each income falls in."""
    idx = np.searchsorted(schedule.thresholds, taxable_income, side="right") - 1
    return schedule.rates[np.maximum(idx, 0)]


def linear_phase(value: FloatArray, start: float, end: float) -> FloatArray:
    """Share of a phase-down done: 0 at or below ``start``, 1 at or above ``end``, linear between."""
    return np.clip((value - start) / (end - start), 0.0, 1.0)


def clawback(amount: float, base: FloatArray, threshold: float, rate: float) -> FloatArray:
    """``amount`` reduced by ``rate`` x the part of ``base`` above ``threshold``, never below zero."""
    return np.maximum(amount - rate * np.maximum(base - threshold, 0.0), 0.0)
