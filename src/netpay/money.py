"""Money arithmetic: float64 arrays, rounding half-up to cents where the law rounds.

``np.round`` rounds half to even and ``round(2.675, 2)`` is 2.67 in binary floating point, so
neither rounds a tax form's cents the way CRA's forms and payroll formulas do (half-up: 0.005 -> 0.01).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def as_money(values: npt.ArrayLike) -> FloatArray:
    """Return ``values`` as a float64 array (never float32), at least one-dimensional."""
    return np.atleast_1d(np.asarray(values, dtype=np.float64))


def round_cents(amount: npt.ArrayLike) -> FloatArray:
    """Round to cents, half away from zero (the rule of CRA's forms and payroll formulas).

    The value is first rounded to 1/10,000 of a cent to remove binary representation error
    (1.005 is stored as 1.00499999999999989...), then half-cents go away from zero.
    """
    a = np.asarray(amount, dtype=np.float64)
    cents = np.round(np.abs(a) * 100.0, 4)
    return np.copysign(np.floor(cents + 0.5), a) / 100.0


def clip_between(x: FloatArray, low: float, high: float) -> FloatArray:
    """The part of ``x`` that lies between ``low`` and ``high`` (0 below, high - low above)."""
    return np.clip(x - low, 0.0, high - low)
