"""The public façade: ``evaluate`` and ``compare`` with the version-1 keywords, turned into value
objects (:class:`~netpay.citydata.Housing`, :class:`~netpay.timeline.Arrival`) once.

``year=None`` is the latest year netpay has (with ``arrival``: the year of arrival). Options of
the first year in Canada (``start``, ``pay_periods``, ``first_year_bonus``, ``view``) need
``arrival``: without it they are refused, not ignored. ``rrsp_room`` is the RRSP deduction limit
of the first year evaluated: of the year of arrival with ``arrival`` (default 0, a newcomer's),
else of the year (default: the year's RRSP dollar limit, with a warning).
"""

from __future__ import annotations

import datetime as dt
import difflib
import inspect
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import pandas as pd

from netpay.citydata import Housing, Living, move_costs
from netpay.comparison import check_period, comparison_table, first_year_table, horizon_table
from netpay.errors import NetpayError
from netpay.evaluation import Evaluation, evaluate_offers, offer_list
from netpay.evaluation.household_first_year import household_first_year
from netpay.evaluation.household_result import HouseholdEvaluation, evaluate_household, with_household_rows
from netpay.first_year.evaluation import first_year_evaluation
from netpay.household import Household
from netpay.offer import Offer
from netpay.status import require_verified
from netpay.tables import check_year, one_warning
from netpay.tables.status import tax_tables_status
from netpay.timeline import Arrival, as_date, check_discount_rate, check_horizon, check_room

#: Keywords people give evaluate()/compare() for what netpay models elsewhere, with where it goes.
ELSEWHERE: dict[str, str] = {
    **{
        word: "the household is one keyword: household=netpay.Household(spouse=netpay.Spouse(income=...), "
        "children=[netpay.Child(born=2023)])"
        for word in ("spouse", "partner", "children", "child", "dependants", "dependents")
    },
    "salary": "the salary is part of the offer: netpay.Offer(base_salary=..., city=...)",
    "city": "the city is part of the offer: netpay.Offer(base_salary=..., city=...)",
    "province": "the province follows from the offer's city (netpay.cities())",
    "discount": "did you mean discount_rate? (a fraction a year: 0.05 is 5%)",
    "years": "did you mean horizon? (the number of years, e.g. horizon=4)",
}


def _refuse_unknown(function: str, unknown: Mapping[str, Any], known: Iterable[str]) -> None:
    """An unknown keyword is an error saying what netpay models instead, or the closest keywords."""
    if not unknown:
        return
    name = sorted(unknown)[0]
    hint = ELSEWHERE.get(name)
    if hint is None:
        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}?" if close else f"the keywords are {', '.join(known)}"
    raise TypeError(f"{function}() got an unknown keyword {name}=: {hint}")


def _basis(rent_basis: str, basis: str | None) -> str:
    """``basis`` is another name for ``rent_basis``; giving both, differently, is an error."""
    if basis is None:
        return rent_basis
    if rent_basis not in ("asking", basis):
        raise ValueError(f"give rent_basis or basis, not both: {rent_basis!r} and {basis!r}")
    return basis


def _year(year: int | None, arrival: Any) -> int:
    """The tax year: ``year``; if None, the year of ``arrival`` when given, else the latest year."""
    if year is None and arrival is not None:
        return check_year(as_date(arrival, "arrival").year)
    return check_year(year)


def _arrival(year: int, arrival: Any, first_year_options: dict[str, Any], rrsp_room: Any) -> Arrival | None:
    """The move, if ``arrival`` is given; first-year options without it are an error naming them."""
    given = {k: v for k, v in first_year_options.items() if v is not None}
    if arrival is None:
        if "start" in given:
            raise NetpayError("give arrival, the date the person becomes resident in Canada (start defaults to it)")
        if given:
            raise NetpayError(
                f"{', '.join(sorted(given))} apply only to the first year in Canada: give arrival= too "
                "(the date the person becomes resident), or leave them out"
            )
        return None
    given.pop("view", None)
    return Arrival.of(
        year,
        arrival,
        given.get("start"),
        given.get("pay_periods", 12),
        given.get("first_year_bonus", "next_year"),
        0.0 if rrsp_room is None else rrsp_room,
    )


def _household(household: Any) -> Household | None:
    """``household`` if it is a :class:`Household` (or None), else a TypeError saying what to give."""
    if household is None or isinstance(household, Household):
        return household
    raise TypeError(f"household must be a netpay.Household(spouse=..., children=[...]), not {type(household).__name__}")


def _bedrooms(bedrooms: int | None, household: Household | None) -> int:
    """``bedrooms`` if given, else the household's default (a couple with one child: 2), else 1."""
    if bedrooms is not None:
        return bedrooms
    return household.bedrooms if household is not None else 1


@one_warning()
def evaluate(
    offer: Offer,
    year: int | None = None,
    bedrooms: int | None = None,
    rent_basis: str = "asking",
    rent: float | None = None,
    other_costs: Mapping[str, float] | None = None,
    *,
    basis: str | None = None,
    arrival: dt.date | str | None = None,
    start: dt.date | str | None = None,
    pay_periods: int | None = None,
    first_year_bonus: str | None = None,
    rrsp_room: float | None = None,
    strict: bool = False,
    horizon: int | None = None,
    discount_rate: float | None = None,
    living: Living | bool | None = None,
    household: Household | None = None,
    **unknown: Any,
) -> Evaluation:
    """The full breakdown of ``offer`` for tax ``year`` (None: the latest, or with ``arrival`` the
    year of arrival), living in its city.

    Rent is the city's figure for ``bedrooms`` (0 = bachelor ... 3 = three or more) on
    ``rent_basis`` ('asking' or 'average'), unless ``rent`` (dollars a month) overrides it. Other
    monthly costs are the city's figures, with ``other_costs`` ({item: dollars a month}) overriding
    or adding items (set an item to 0 to leave it out). RRSP deductions are limited to
    ``rrsp_room`` (default: the year's RRSP dollar limit, with a warning).

    Returns an :class:`Evaluation` (one year). Given ``arrival`` (the date the person becomes
    resident in Canada, in ``year``) and optionally ``start`` (the first day of work; default:
    ``arrival``), its ``years`` are the first year in Canada (part-year residence, salary from
    ``start`` paid every one of ``pay_periods`` periods a year, the annual bonus by
    ``first_year_bonus``: 'next_year' (default, nothing in year one), 'prorated' or 'full'; RRSP
    contributions deducted only up to ``rrsp_room``, default 0: a newcomer has none in the year of
    arrival) and the full year that follows. See :mod:`netpay.first_year` and docs/first-year.md.

    ``strict=True``: verified figures only; an unverified, projected or not-enacted figure raises
    :class:`~netpay.errors.UnverifiedFigureError` naming it (statuses: ``result.statuses``, see
    :mod:`netpay.status`). A ``horizon`` of N years: year one, then full years with raises, RRSP
    room and equity tranches, per year equity after tax, savings and total value, discounted at
    ``discount_rate`` in the cumulative lines (:mod:`netpay.evaluation.horizon`).

    ``living`` (a :class:`netpay.Living`, or True for one adult's modest basket): the city's other
    costs become the items of :func:`netpay.living_costs`, each a line with its source.

    ``household`` (a :class:`netpay.Household`; None: a single person, exactly as without it): each
    adult files a return, the household's transfers and benefits are added, child care is paid; the
    result is a :class:`~netpay.evaluation.household.HouseholdEvaluation` whose ``household`` holds
    the household's lines and whose ``monthly_disposable`` is the household's. ``bedrooms`` defaults
    to the household's (one for the adults, one per child, at most 3), else 1. With ``arrival`` too,
    ``year_one_household`` holds the year of arrival's: benefits from the month the household's
    ``status`` allows (see ``netpay.evaluation.household_first_year``). With ``horizon`` too, the
    household year after year (:mod:`netpay.evaluation.household_horizon`).

    >>> o = Offer(base_salary=100_000, city="Toronto")
    >>> e = evaluate(o, 2026, rent=2_000, other_costs={"transit_pass": 0})
    >>> round(e.monthly_disposable, 2) == round(e.net_cash / 12 - 2_000, 2)
    True
    """
    _refuse_unknown("evaluate", unknown, _KEYWORDS["evaluate"])
    if not isinstance(offer, Offer):
        raise TypeError(f"expected a netpay.Offer, got {type(offer).__name__}")
    y = _year(year, arrival)
    home = _household(household)
    housing = Housing(_bedrooms(bedrooms, home), _basis(rent_basis, basis), rent, other_costs, _living(living))
    work_start = _work_start(horizon, arrival, start)
    options = {"start": None if work_start else start, "pay_periods": pay_periods, "first_year_bonus": first_year_bonus}
    move = _arrival(y, arrival, options, rrsp_room)
    room = None if rrsp_room is None else check_room(rrsp_room)
    if horizon is not None or discount_rate is not None:
        return _checked(_horizon([offer], y, housing, move, room, horizon, discount_rate, work_start, home), strict)[0]
    if move is not None:
        if home is not None:
            return _checked([household_first_year(offer, move, housing, home)], strict)[0]
        return _checked([first_year_evaluation(offer, move, housing)], strict)[0]
    if home is not None:
        return _checked(evaluate_household([offer], y, housing, home, room), strict)[0]
    return _checked(evaluate_offers([offer], y, housing, room), strict)[0]


def _horizon(
    offers: list[Offer],
    year: int,
    housing: Housing,
    move: Arrival | None,
    room: Any,
    horizon: Any,
    discount_rate: Any,
    start: Any = None,
    household: Household | None = None,
) -> list[Evaluation]:
    """Each offer over ``horizon`` years (a discount rate needs a horizon); ``start``: the first day
    of work of a resident (no move); with ``household``, the household's years
    (:mod:`netpay.evaluation.household_horizon`)."""
    from netpay.evaluation.horizon import horizon_evaluation
    from netpay.evaluation.household_horizon import household_horizon

    if horizon is None:
        raise NetpayError("discount_rate discounts the years of a horizon: give horizon= too (e.g. horizon=4)")
    n = check_horizon(horizon)
    rate = 0.0 if discount_rate is None else check_discount_rate(discount_rate)
    room = None if room is None else check_room(room)
    if household is not None:
        return [household_horizon(o, year, n, housing, household, move, room, rate, start) for o in offers]
    return [horizon_evaluation(o, year, n, housing, move, room, rate, start) for o in offers]


def _offers(offers: Any) -> list[Offer]:
    """``offers`` as a non-empty list of :class:`Offer`, else an error saying what was given."""
    items = offer_list(offers)
    if not items:
        raise NetpayError("compare needs at least one netpay.Offer, got an empty list")
    return items


def _horizon_period(horizon: Any, period: str | None, view: str | None) -> str:
    """The period of a comparison: a horizon's table is annual and has no first-year view."""
    if horizon is not None and period not in (None, "annual"):
        raise ValueError(f"a horizon's table is annual (one column per year): leave period out, not {period!r}")
    if horizon is not None and view is not None:
        raise NetpayError("view chooses the columns of a first year; with horizon= every year is a column")
    return check_period(period or "monthly")


def _work_start(horizon: Any, arrival: Any, start: Any) -> dt.date | None:
    """With a horizon and no move, ``start`` is the first day of work of a resident (year one is
    paid from it, grants vest from it); otherwise None (``start`` then belongs to the move)."""
    if horizon is None or arrival is not None or start is None:
        return None
    return as_date(start, "start")


@one_warning()
def compare(
    offers: Iterable[Offer],
    year: int | None = None,
    bedrooms: int | None = None,
    rent_basis: str = "asking",
    period: str | None = None,
    *,
    basis: str | None = None,
    arrival: dt.date | str | None = None,
    start: dt.date | str | None = None,
    view: str | None = None,
    pay_periods: int | None = None,
    first_year_bonus: str | None = None,
    rrsp_room: float | None = None,
    strict: bool = False,
    horizon: int | None = None,
    discount_rate: float | None = None,
    living: Living | bool | None = None,
    household: Household | None = None,
    **unknown: Any,
) -> pd.DataFrame:
    """Offers side by side: one column per offer (its label, else its city's name as netpay spells
    it, made unique with ' (2)', ...), one row per line of the breakdown (keys of
    :data:`netpay.lines.LINES`; other costs also item by item as ``other_costs.<item>``, NaN where
    netpay has no figure for that item in that city: the total leaves it out). ``offers`` is a
    list of :class:`Offer` (a single Offer gives a one-column table; an empty list is an error);
    ``year=None`` is the latest year (with ``arrival``, the year of arrival).

    ``period`` is 'monthly' (default) or 'annual'; ``basis`` is another name for ``rent_basis``.
    ``result.attrs['sources']`` holds, per column, each figure's source and status (``statuses``,
    ``verified``, ``projected``, ``status``: the weakest, ``flagged``: each figure not verified; see
    docs/api.md); ``strict=True`` raises :class:`~netpay.errors.UnverifiedFigureError` instead.

    First year in Canada: given ``arrival`` (and optionally ``start``, ``pay_periods``,
    ``first_year_bonus``, ``rrsp_room``, as for :func:`evaluate`), ``view`` chooses the columns:
    'both' (default) gives two columns per offer, a MultiIndex (offer, 'year one' | 'full year');
    'year_one' or 'full_year' one column per offer. In year one, 'monthly' is per month resident,
    'annual' the part of the year resident; ``attrs['first_year']``: per offer the dates, days,
    residence fraction and the spring settlement.

    ``horizon``, ``discount_rate``: columns (offer, tax year), rows ``netpay.lines.HORIZON_LINES``,
    cumulative last; ``attrs['risks']``: what an offer may take back.

    ``living`` as for :func:`evaluate` (rows ``other_costs.<item>``). With ``arrival``,
    ``result.attrs['move']``: per offer the move's one-time costs (:func:`netpay.move_costs`) beside
    its relocation bonus (``total``, ``relocation_bonus``, ``covered``, the items).

    ``household`` (a :class:`netpay.Household`, as for :func:`evaluate`): the rows of the primary
    adult (taxes with the household's claims) are followed by the household's (``netpay.lines.HOUSEHOLD_LINES``:
    the spouse's return, the transfers, ``benefit.<key>`` for each benefit, child care, household net
    cash and disposable income); ``result.attrs['sources'][column]['household']`` cites each. With
    ``horizon`` too: columns (offer, tax year), the household's rows for each year, the value lines
    (total value, cumulative) the household's.
    """
    _refuse_unknown("compare", unknown, _KEYWORDS["compare"])
    period, items = _horizon_period(horizon, period, view), _offers(offers)
    y = _year(year, arrival)
    home = _household(household)
    housing = Housing(_bedrooms(bedrooms, home), _basis(rent_basis, basis), living=_living(living))
    work_start = _work_start(horizon, arrival, start)
    options = {"start": None if work_start else start, "pay_periods": pay_periods}
    move = _arrival(y, arrival, options | {"first_year_bonus": first_year_bonus, "view": view}, rrsp_room)
    if horizon is not None or discount_rate is not None:
        evaluations = _horizon(items, y, housing, move, rrsp_room, horizon, discount_rate, work_start, home)
        return _horizon_table(_checked(evaluations, strict), y)
    if move is None:
        room = None if rrsp_room is None else check_room(rrsp_room)
        if home is not None:
            households = _checked(evaluate_household(items, y, housing, home, room), strict)
            return with_household_rows(comparison_table(households, y, period), households, period)
        return comparison_table(_checked(evaluate_offers(items, y, housing, room), strict), y, period)
    if home is not None:
        households = _checked([household_first_year(o, move, housing, home) for o in items], strict)
        frame = first_year_table(households, y, period, view or "both")
        return with_household_rows(frame, households, period, view or "both")
    evaluations = _checked([first_year_evaluation(o, move, housing) for o in items], strict)
    table = first_year_table(evaluations, y, period, view or "both")
    table.attrs["move"] = _moves(evaluations, list(table.attrs["first_year"]), housing)
    return table


def _horizon_table(evaluations: list[Evaluation], year: int) -> pd.DataFrame:
    """The horizon's table (``comparison.horizon_table``), with a household's rows for each year."""
    table = horizon_table(evaluations, year)
    households = [e for e in evaluations if isinstance(e, HouseholdEvaluation)]
    return with_household_rows(table, households, "annual", "horizon") if households else table


def _moves(evaluations: list[Evaluation], names: list[str], housing: Housing) -> dict[str, dict[str, Any]]:
    """Per offer, the one-time costs of the move beside its relocation bonus (:func:`netpay.move_costs`
    with the year-one rent and the household of ``housing.living``): total, bonus, covered, items."""
    household = None if housing.living is None else housing.living.household
    out = {}
    for name, e in zip(names, evaluations, strict=True):
        y1 = e.year_one
        m = move_costs(y1.city, household, y1.rent, relocation_bonus=y1.relocation_bonus)
        counted = m[m["counted"]]
        out[name] = {
            "total": m.attrs["total"],
            "relocation_bonus": m.attrs["relocation_bonus"],
            "covered": m.attrs["covered"],
            "items": dict(zip(counted["item"], counted["amount"], strict=True)),
            "not_available": m.attrs["missing"],
        }
    return out


def _living(living: Living | bool | None) -> Living | None:
    """``living`` as a Living (True: one adult's modest basket; None or False: no basket)."""
    if living is None or living is False:
        return None
    if living is True:
        return Living()
    if not isinstance(living, Living):
        raise TypeError(f"living must be a netpay.Living(household=..., basket=...), True or None, not {living!r}")
    return living


_E = TypeVar("_E", bound=Evaluation)


def _checked(evaluations: list[_E], strict: bool) -> list[_E]:
    """``evaluations``; with ``strict``, an UnverifiedFigureError naming each figure they used that
    is unverified, projected or not enacted, by offer."""
    if not isinstance(strict, bool):
        raise TypeError(f"strict must be True (verified figures only) or False, not {strict!r}")
    if strict:
        flagged = {e.label: [*e.flagged_figures, *_household_figures(e)] for e in evaluations}
        require_verified(flagged)
    return evaluations


def _household_figures(e: Evaluation) -> list[str]:
    """With a household, the figures of the tax tables only a household uses that are not verified."""
    if not isinstance(e, HouseholdEvaluation):
        return []
    return [str(f) for y in e.years for f in tax_tables_status(y.province, y.year, household=True).flagged]


#: The keywords of each function, for the closest-name hint.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    f.__name__: tuple(p for p in inspect.signature(f).parameters if p != "unknown") for f in (evaluate, compare)
}
