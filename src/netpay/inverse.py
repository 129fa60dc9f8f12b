"""Inverses of take-home pay: the gross income that leaves a given net, to the cent."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netpay.components import IncomeComponents, tax
from netpay.errors import InvalidIncomeError
from netpay.labelled import labelled, tax_attrs
from netpay.money import MAX_AMOUNT, FloatArray, as_amounts
from netpay.tables import check_year, one_warning

#: Half-width, in cents, of the window searched around the continuous solution (widened if needed).
_WINDOW = 40


def net_of(gross: FloatArray, province: str, year: int, exact: bool = False) -> FloatArray:
    """Take-home pay (take_home's ``net_income``) on plain employment income ``gross``."""
    return tax(IncomeComponents.of_income(gross), province, year, exact=exact).net_income


def _bisect(goal: FloatArray, province: str, year: int) -> FloatArray:
    """The gross whose unrounded net is ``goal``, to 1/100 of a cent (net is monotone in gross:
    every marginal rate is below 100%); returns the lower end of the final bracket."""
    lo = goal.copy()  # net never exceeds gross
    hi = np.maximum(2.0 * goal, goal + 1_000.0)
    for _ in range(64):
        short = net_of(hi, province, year, exact=True) < goal
        if not short.any():
            break
        hi[short] *= 2.0
    lo = np.minimum(lo, hi)
    for _ in range(200):
        if (hi - lo).max() <= 1e-4:
            break
        mid = 0.5 * (lo + hi)
        below = net_of(mid, province, year, exact=True) < goal
        lo = np.where(below, mid, lo)
        hi = np.where(below, hi, mid)
    return lo


def _to_the_cent(goal: FloatArray, lo: FloatArray, province: str, year: int) -> FloatArray:
    """Cent-level correction: the rounded net of the cents around ``lo``, all in one array, with the
    window widened where it was too narrow; the first cent whose net is exactly the goal, else the
    first whose net exceeds it."""
    tol = 1e-7
    base = np.floor(lo * 100.0) - _WINDOW  # cents
    found = np.full(goal.shape, np.nan)
    pending = np.ones(goal.shape, dtype=bool)
    offsets = np.arange(2 * _WINDOW + 1, dtype=np.float64)
    for _ in range(100):
        if not pending.any():
            break
        idx = np.flatnonzero(pending)
        cents = np.maximum(base[idx, None] + offsets[None, :], 0.0)
        gross = cents / 100.0
        net = net_of(gross.ravel(), province, year).reshape(cents.shape)
        want = goal[idx, None]
        ok = net >= want - tol
        hit = np.abs(net - want) <= tol
        any_ok = ok.any(axis=1)
        first = np.where(hit.any(axis=1), hit.argmax(axis=1), ok.argmax(axis=1))
        # The first candidate already reaching the target means the window may start too high
        # (unless it starts at zero); no candidate reaching it means the window is too low.
        too_high = ok[:, 0] & (cents[:, 0] > 0)
        done = any_ok & ~too_high
        found[idx[done]] = gross[done, first[done]]
        base[idx[too_high]] -= 2 * _WINDOW
        base[idx[~any_ok]] += 2 * _WINDOW
        pending[idx[done]] = False
    if pending.any():  # pragma: no cover - would need a marginal rate of 100% or more
        raise ArithmeticError(f"gross_for_net did not converge for net {goal[pending][:5]}")
    return found


def solve(target: FloatArray, province: str, year: int) -> FloatArray:
    """Whole-cent gross whose (rounded) net income is ``target``, per element: the first cent whose
    net is exactly the target if there is one, else the first whose net exceeds it."""
    target = np.asarray(target, dtype=np.float64)
    out = np.zeros_like(target)
    todo = target > 0
    if todo.any():
        goal = target[todo]
        out[todo] = _to_the_cent(goal, _bisect(goal, province, year), province, year)
    return out


def shape_like(
    values: FloatArray, original: Any, index: pd.Index | None, name: str, attrs: dict[str, Any] | None = None
) -> Any:
    """``values`` shaped like the input: a Series with its index, a float for a scalar, else an array;
    with ``attrs``, each carries them (a Series in its ``attrs``, else :mod:`netpay.labelled`)."""
    if index is not None:
        out: Any = pd.Series(values, index=index, name=name)
    elif np.ndim(original) == 0:
        out = float(values[0])
    else:
        out = values
    return out if attrs is None else labelled(out, attrs)


@one_warning()
def gross_for_net(net: npt.ArrayLike | pd.Series, province: str = "ON", year: int | None = None) -> Any:
    """The employment income whose take-home pay (``take_home(...).net_income``) is ``net``
    (``year=None``: the latest year netpay has).

    Vectorized: ``net`` is a number (-> float), a list or array (-> ndarray) or a Series (-> Series
    with its index). The answer is in whole cents: the first gross whose net income, computed
    exactly as ``take_home`` does (each contribution and tax rounded to the cent), equals ``net``
    to the cent; where no gross gives exactly that net, the first whose net exceeds it.

    Every marginal rate is above zero, so one cent more gross adds less than a cent of net, and
    several grosses a cent apart can have the same net (about half of all cents above $100,000):
    no inverse can tell them apart. ``take_home(gross_for_net(n)).net_income == n`` for every
    reachable ``n``; ``gross_for_net(take_home(x).net_income)`` is ``x`` or a gross a few cents
    away with exactly the same take-home pay.

    The answer says what its tax tables are worth: ``result.attrs`` (a Series' own; a number is a
    :class:`~netpay.labelled.LabelledFloat`, an array a :class:`~netpay.labelled.LabelledArray`) holds
    ``status`` (the weakest of the federal, payroll and provincial tables' figures: 'verified',
    'unverified', 'not enacted' or 'projected'), ``statuses`` ({'tax_tables': status}), ``verified``,
    ``projected``, ``flagged`` (each figure not verified, by file and field), ``province``, ``year``
    and, for a projected year, ``projection`` (its basis), as ``compare(...).attrs['sources']``.

    >>> from netpay.engine import take_home
    >>> g = gross_for_net(take_home(100_000, "BC", 2026).loc[0, "net_income"], "BC", 2026)
    >>> abs(g - 100_000) < 0.10
    True
    >>> g.attrs["status"]  # BC 2026's rate cut and reduction are a budget measure (Royal Assent not seen)
    'not enacted'
    """
    arr, index = as_amounts(net, "net")
    y = check_year(year)
    net_of(np.zeros(1), province, y)  # an unknown province is an error even when every net is 0
    gross = solve(arr, province, y)
    beyond = gross >= MAX_AMOUNT
    if beyond.any():
        pos = int(np.flatnonzero(beyond)[0])
        raise InvalidIncomeError(
            f"net at position {pos} ({float(arr[pos])!r}) needs a gross income at or above "
            f"{MAX_AMOUNT:,.0f}, where netpay's tax tables end: give a smaller net"
        )
    return shape_like(gross, net, index, "gross", tax_attrs(province, y))
