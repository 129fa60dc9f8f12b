"""Rounding to cents, half-up."""

import numpy as np
import pytest

from netpay.money import as_money, round_cents


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.005, 1.01), (2.675, 2.68), (0.125, 0.13), (103.495, 103.50), (22_267.605, 22_267.61),
     (-1.005, -1.01), (0.004999, 0.0), (1e9 + 0.005, 1e9 + 0.01)],
)
def test_half_up(value, expected):
    assert round_cents(value) == pytest.approx(expected, abs=1e-9)


def test_never_float32():
    assert as_money(np.float32(1.5)).dtype == np.float64
    assert round_cents(np.array([1.0], dtype=np.float32)).dtype == np.float64
