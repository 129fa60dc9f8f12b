"""Helpers for tests of single rules: scalar contexts and records, one income at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from netpay.engine import Ruleset, compute
from netpay.rules.context import TaxContext


def params(code: str, year: int) -> Any:
    """The record the rules of ``code``'s return read for ``year``."""
    return Ruleset.load(code, year).params


def contexts(
    year: int, net_income: Sequence[float], residence_fraction: float = 1.0, code: str = "ON"
) -> list[TaxContext]:
    """One context per income whose employment, net and taxable income are that income, with the
    contributions netpay computes on it (the rules tested with it do not need net below employment)."""
    ni = np.asarray(net_income, dtype=np.float64)
    r = compute(ni, Ruleset.load(code, year))
    return [
        TaxContext(x, x, 0.0, x, x, float(b), float(e), float(ei), float(q), 0.0, residence_fraction, True)
        for x, b, e, ei, q in zip(ni, r.cpp_base, r.cpp_enhanced, r.ei, r.qpip, strict=True)
    ]


def each(rule: Callable[..., float], values: Sequence[Any], *args: Any) -> list[float]:
    """``rule(value, *args)`` for each value."""
    return [float(rule(v, *args)) for v in values]
