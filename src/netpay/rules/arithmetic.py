"""The arithmetic every return shares: cents, brackets, phase-downs, clawbacks and reductions."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from netpay.rules.jit import rule


class Clawback(NamedTuple):
    """An amount less ``rate`` x a base over ``threshold``, never below zero (an amount of 0: none)."""

    amount: float
    threshold: float
    rate: float


class Lines(NamedTuple):
    """A progressive schedule as the lines of its rate table: rate_k x income + intercept_k."""

    rates: tuple[float, ...]
    intercepts: tuple[float, ...]


@rule
def round_cents(amount: float) -> float:
    """Round to the cent, half away from zero (the rule of CRA's forms and payroll formulas).

    The amount is first rounded to 1/10,000 of a cent, to remove binary representation error
    (1.005 is stored as 1.00499999999999989...), then half-cents go away from zero.
    """
    cents = np.floor(np.rint(abs(amount) * 100.0 * 10_000.0) / 10_000.0 + 0.5)
    return math.copysign(cents, amount) / 100.0


@rule
def bracket_tax(income: float, lines: Lines) -> float:
    """Tax by a progressive schedule (the rate table of every 428 form and Schedule 1): the form's "tax
    on the amount up to the threshold + rate x the amount over it". Rates rise, so this is the
    greatest of the schedule's lines."""
    tax = income * lines.rates[0]
    for k in range(1, len(lines.rates)):
        tax = max(tax, income * lines.rates[k] + lines.intercepts[k])
    return tax


@rule
def clip_between(x: float, low: float, high: float) -> float:
    """The part of ``x`` that lies between ``low`` and ``high`` (0 below, high - low above)."""
    return min(max(x - low, 0.0), high - low)


@rule
def linear_phase(value: float, start: float, end: float) -> float:
    """Share of a phase-down done: 0 at or below ``start``, 1 at or above ``end``, linear between."""
    return min(max((value - start) / (end - start), 0.0), 1.0)


@rule
def clawback(amount: float, base: float, threshold: float, rate: float) -> float:
    """``amount`` reduced by ``rate`` x the part of ``base`` above ``threshold``, never below zero."""
    return max(amount - rate * max(base - threshold, 0.0), 0.0)


@rule
def clawed_back(base: float, c: Clawback) -> float:
    """``clawback`` of a :class:`Clawback` record."""
    return clawback(c.amount, base, c.threshold, c.rate)


@rule
def less_reduction(tax: float, reduction: float) -> float:
    """Tax after a non-refundable reduction: the reduction is capped at the tax, so never negative."""
    return tax - min(max(reduction, 0.0), tax)
