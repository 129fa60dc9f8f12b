"""Evaluations side by side: comparison tables, unique column names, the equivalent salary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netpay import citydata, status
from netpay.citydata import USER_OVERRIDE, CityCosts, Housing, Living, monthly_costs, shared_cost_items
from netpay.errors import NetpayError
from netpay.evaluation import Evaluation, YearEvaluation
from netpay.evaluation.household_inverse import household_equivalent
from netpay.evaluation.household_result import evaluate_household
from netpay.household import Household
from netpay.inverse import net_of, shape_like, solve
from netpay.lines import LINES
from netpay.money import as_amounts, round_cents
from netpay.offer import Offer
from netpay.tables import check_year, one_warning

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
        **_statuses(y),
    }


def _statuses(y: YearEvaluation) -> dict[str, Any]:
    """What can be claimed of each line's figures: ``statuses`` (line -> status: 'tax_tables', 'rent',
    'other_costs.<item>'), ``verified`` (line -> True, False, or None for the user's own figure),
    ``projected`` (the tax tables are a projection), ``status`` (the weakest) and ``flagged`` (each
    figure that is not verified, by file and field or city and item)."""
    verified = {k: None if v == USER_OVERRIDE else v == "verified" for k, v in y.statuses.items()}
    return {
        "statuses": dict(y.statuses),
        "verified": verified,
        "rent_verified": verified.get("rent"),
        "projected": y.statuses.get("tax_tables") == "projected",
        "status": y.status,
        "flagged": list(y.flagged_figures),
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


def horizon_table(evaluations: Sequence[Evaluation], year: int) -> pd.DataFrame:
    """Evaluations over a horizon side by side: columns (offer, tax year), a MultiIndex; rows the
    lines of ``netpay.lines.HORIZON_LINES``, annual amounts per year, then the cumulative lines
    (running sums, discounted when a discount rate was given). ``attrs``: ``sources``, ``year``,
    ``horizon``, ``discount_rate``, ``risks`` (per offer, what it may take back) and ``tax_tables``
    (each year: 'shipped' or 'projected')."""
    from netpay.evaluation.horizon import frames_by_name, tax_tables

    names = unique_labels([e.year_one for e in evaluations])
    frame = pd.concat(frames_by_name(list(evaluations), names), axis=1, names=["offer", "year"])
    frame.attrs.update(
        sources=_sources_by_name([e.year_one for e in evaluations], names),
        period="annual",
        year=int(year),
        horizon=max(len(e.years) for e in evaluations),
        discount_rate=evaluations[0].discount_rate,
        risks={n: list(e.risks) for n, e in zip(names, evaluations, strict=True)},
        tax_tables={y: s for e in evaluations for y, s in tax_tables(e).items()},
    )
    if any(e.move is not None for e in evaluations):
        frame.attrs["first_year"] = {n: e.facts() for n, e in zip(names, evaluations, strict=True)}
    return frame


@one_warning()
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

    The answer says what its figures are worth: ``result.attrs`` (a Series' own; a number is a
    :class:`~netpay.labelled.LabelledFloat`, an array a :class:`~netpay.labelled.LabelledArray`) holds
    ``statuses`` (per city: 'tax_tables', 'rent', 'other_costs.<item>' and, with a household,
    'benefit.<key>' -> 'verified', 'unverified', 'not enacted' or 'projected'; the tax tables with the
    household-only figures when a household is given), ``status`` (the weakest), ``projected`` (and
    then ``projection``, the basis), ``flagged`` (each figure not verified) and ``year``.

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
        if living is not None:  # refused, not ignored: the household's answer compares the cities' own costs
            raise NetpayError(
                "equivalent_salary does not model living= with household= yet: give one of them (with household=, "
                "each city's rent and other costs are compared; evaluate(..., household=..., living=...) has both)"
            )
        rooms = household.bedrooms if bedrooms is None else bedrooms
        out = household_equivalent(arr, a.name, b.name, y, rooms, rent_basis, household)
        attrs = _household_attrs(arr, out, (a.name, b.name), y, Housing(rooms, rent_basis), household)
        return shape_like(out, salary, index, "salary", attrs)
    bedrooms = 1 if bedrooms is None else bedrooms
    net_a = net_of(arr, a.province, y)
    housing = Housing(bedrooms, rent_basis, living=living)
    # stacklevel 4: the caller of equivalent_salary (and its one_warning decorator)
    items = shared_cost_items(a, b, housing=housing, year=y, stacklevel=4)
    costs = monthly_costs(a, housing, items, y), monthly_costs(b, housing, items, y)
    delta = costs[1].total - costs[0].total
    target = round_cents(net_a + 12.0 * delta)
    out = np.full(arr.shape, np.nan)
    ok = target >= 0
    if ok.any():
        out[ok] = solve(target[ok], b.province, y)
    return shape_like(out, salary, index, "salary", _costs_attrs(costs, y))


def _costs_attrs(costs: Sequence[CityCosts], year: int, household: bool = False) -> dict[str, Any]:
    """The ``attrs`` of an equivalent salary: the status of each city's tax tables, rent and costs."""
    found = {c.city.name: status.place_statuses(c, year, household) for c in costs}
    flagged = [f for _, figures in found.values() for f in figures]
    return status.result_attrs({place: statuses for place, (statuses, _) in found.items()}, flagged, year)


def _household_attrs(
    salaries: npt.NDArray[np.float64],
    answers: npt.NDArray[np.float64],
    cities: tuple[str, str],
    year: int,
    housing: Housing,
    household: Household,
) -> dict[str, Any]:
    """:func:`_costs_attrs` for a household (the tax tables with the household-only figures, the cost
    items both cities have), with the status of each benefit the household receives at each salary in
    the first city and at each answer in the second ('benefit.<key>')."""
    have = [set(monthly_costs(city, housing, year=year).other_costs) for city in cities]
    items = have[0] & have[1]
    costs = [monthly_costs(city, housing, items, year) for city in cities]
    attrs = _costs_attrs(costs, year, household=True)
    for city, pay in zip(cities, (salaries, answers), strict=True):
        shown = attrs["statuses"][citydata.city(city).name]
        for amount in dict.fromkeys(float(x) for x in pay if x == x):  # each distinct salary, NaN left out
            e = evaluate_household([Offer(base_salary=amount, city=city)], year, housing, household)[0]
            for b in e.household.benefits:
                key = f"benefit.{b.key}"
                shown[key] = status.overall([shown.get(key, "verified"), b.status])
                if b.status in status.FLAGGED:
                    attrs["flagged"].append(f"{city} {b.label} ({b.status})")
    attrs["flagged"] = list(dict.fromkeys(attrs["flagged"]))
    attrs["status"] = status.overall(s for per in attrs["statuses"].values() for s in per.values())
    return attrs
