"""Evaluations side by side: comparison tables, unique column names, the equivalent salary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netpay import citydata
from netpay.citydata import Housing, Living, monthly_costs, shared_cost_items
from netpay.evaluation import Evaluation, YearEvaluation
from netpay.evaluation.household_inverse import household_equivalent
from netpay.household import Household
from netpay.inverse import net_of, shape_like, solve
from netpay.lines import LINES
from netpay.money import as_amounts, round_cents
from netpay.tables import check_year

#: Column names of the two views of a first-year comparison.
FIRST_YEAR_VIEWS: dict[str, str] = {"year_one": "year one", "full_year": "full year"}

#: What each table's ``period`` may be.
PERIODS = ("monthly", "annual")


def check_period(period: str) -> str:
    """``period`` if it is 'monthly' or 'annual', else an error saying so."""
    if period not in PERIODS:
        raise ValueError(f"period must be 'monthly' or 'annual', not {period!r}")
    return period


def unique_labels(evaluations: Sequence[Any]) -> list[str]:
    """Column names for evaluations: each label, with ' (2)', ' (3)', ... on repeats.

    Linear in the number of evaluations: each label remembers the next number to try."""
    names: list[str] = []
    used: set[str] = set()
    next_number: dict[str, int] = {}
    for e in evaluations:
        name, n = e.label, next_number.get(e.label, 2)
        while name in used:
            name = f"{e.label} ({n})"
            n += 1
        next_number[e.label] = n
        used.add(name)
        names.append(name)
    return names


def _sources(y: YearEvaluation) -> dict[str, Any]:
    return {
        "city": y.city,
        "province": y.province,
        "rent_basis": y.rent_basis,
        "bedrooms": y.bedrooms,
        "rent_period": y.rent_period,
        "rent_source": y.rent_source,
        "rent_url": y.rent_url,
        "rent_retrieved": y.rent_retrieved,
        "other_costs": dict(y.other_costs_sources),
        "not_available": list(y.living_missing),
    }


def _frame(years: Sequence[YearEvaluation], names: Sequence[str], period: str) -> pd.DataFrame:
    """One column of lines per year evaluation (rows: :data:`LINES`, with the other costs also item
    by item as ``other_costs.<item>``, NaN where the city has no figure for an item: never invent a
    cost), built as one block."""
    items = sorted({item for y in years for item in (*y.other_costs, *y.living_missing)})
    at = list(LINES).index("other_costs") + 1
    rows = [*list(LINES)[:at], *(f"other_costs.{item}" for item in items), *list(LINES)[at:]]
    block = np.empty((len(rows), len(years)), dtype=np.float64)
    for j, y in enumerate(years):
        values = y.values(period)
        factor = 1.0 if period == "monthly" else y.months
        block[:at, j] = values[:at]
        block[at : at + len(items), j] = [y.other_costs.get(item, np.nan) * factor for item in items]
        block[at + len(items) :, j] = values[at:]
    return pd.DataFrame(block, index=rows, columns=list(names))


def _sources_by_name(years: Sequence[YearEvaluation], names: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {name: _sources(y) for y, name in zip(years, names, strict=True)}


def comparison_table(evaluations: Sequence[Evaluation], year: int, period: str = "monthly") -> pd.DataFrame:
    """Full-year evaluations side by side: one column per evaluation (its label, made unique)."""
    years = [e.full_year for e in evaluations]
    names = unique_labels(years)
    frame = _frame(years, names, check_period(period))
    frame.attrs.update(sources=_sources_by_name(years, names), period=period, year=int(year))
    return frame


def first_year_table(evaluations: Sequence[Evaluation], year: int, period: str, view: str) -> pd.DataFrame:
    """Evaluations with a move side by side: per offer 'year one' and 'full year' (``view='both'``,
    a MultiIndex (offer, view)) or one of them (``view`` 'year_one' or 'full_year')."""
    if view not in ("both", *FIRST_YEAR_VIEWS):
        raise ValueError(f"view must be 'both', 'year_one' or 'full_year', not {view!r}")
    names = unique_labels([e.year_one for e in evaluations])
    frames = {
        label: _frame([getattr(e, key) for e in evaluations], names, check_period(period))
        for key, label in FIRST_YEAR_VIEWS.items()
    }
    sources = _sources_by_name([e.full_year for e in evaluations], names)
    if view == "both":
        frame = pd.concat(frames, axis=1).swaplevel(axis=1)
        frame = frame[[(n, v) for n in names for v in FIRST_YEAR_VIEWS.values()]]
    else:
        frame = frames[FIRST_YEAR_VIEWS[view]]
    frame.attrs.update(sources=sources, period=period, year=int(year), view=view)
    frame.attrs["first_year"] = {n: e.facts() for n, e in zip(names, evaluations, strict=True)}
    return frame


def equivalent_salary(
    salary: npt.ArrayLike | pd.Series,
    from_city: str,
    to_city: str,
    year: int | None = None,
    bedrooms: int | None = None,
    rent_basis: str = "asking",
    living: Living | None = None,
    household: Household | None = None,
) -> Any:
    """The salary in ``to_city`` that leaves the same monthly disposable income as ``salary`` in
    ``from_city``: rent (``bedrooms``, ``rent_basis``) and other monthly costs of each city, taxes
    of each city's province, a plain salary (no bonus or benefits). Only the cost items both
    cities have a figure for are compared; a warning names any left out. ``year=None``: the latest.
    With ``living`` (a :class:`netpay.Living`), the whole basket of each city is compared (rent, the
    MBM items, transit, utilities not in the basket), each for the household and year.

    Vectorized like :func:`netpay.gross_for_net`. Where no salary can do it (the other city is so
    much cheaper that the net needed would be negative) the answer is NaN.

    With ``household`` (a :class:`netpay.Household`): the salary that leaves the household the same
    monthly disposable income (each adult's return, the transfers, benefits and child care; the spouse's
    income the same in both cities); ``bedrooms`` defaults to the household's.

    >>> s = equivalent_salary(140_000, "Toronto", "Montréal", 2026)
    >>> 90_000 < s < 140_000
    True
    """
    arr, index = as_amounts(salary, "salary")
    y = check_year(year)
    a, b = citydata.city(from_city), citydata.city(to_city)
    if household is not None:
        if not isinstance(household, Household):
            raise TypeError(f"household must be a netpay.Household, not {type(household).__name__}")
        rooms = household.bedrooms if bedrooms is None else bedrooms
        out = household_equivalent(arr, a.name, b.name, y, rooms, rent_basis, household)
        return shape_like(out, salary, index, "salary")
    bedrooms = 1 if bedrooms is None else bedrooms
    net_a = net_of(arr, a.province, y)
    housing = Housing(bedrooms, rent_basis, living=living)
    items = shared_cost_items(a, b, housing=housing, year=y)
    delta = monthly_costs(b, housing, items, y).total - monthly_costs(a, housing, items, y).total
    target = round_cents(net_a + 12.0 * delta)
    out = np.full(arr.shape, np.nan)
    ok = target >= 0
    if ok.any():
        out[ok] = solve(target[ok], b.province, y)
    return shape_like(out, salary, index, "salary")
