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
from typing import Any

import pandas as pd

from netpay.citydata import Housing, Living, move_costs
from netpay.comparison import check_period, comparison_table, first_year_table
from netpay.errors import NetpayError
from netpay.evaluation import Evaluation, evaluate_offers, offer_list
from netpay.evaluation.household_first_year import household_first_year
from netpay.evaluation.household_result import evaluate_household, with_household_rows
from netpay.first_year.evaluation import first_year_evaluation
from netpay.household import Household
from netpay.offer import Offer
from netpay.tables import check_year
from netpay.timeline import Arrival, as_date, check_room

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
    "horizon": "a horizon of several years is not modelled yet: evaluate one year at a time",
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

    ``living`` (a :class:`netpay.Living`, or True for one adult's modest basket) replaces the city's
    other costs by the living-cost items of :func:`netpay.living_costs` (food, clothing, transit or
    transportation, other necessities, utilities not in the basket), each a line with its source.

    ``household`` (a :class:`netpay.Household`; None: a single person, exactly as without it): each
    adult files a return, the household's transfers and benefits are added, child care is paid; the
    result is a :class:`~netpay.evaluation.household.HouseholdEvaluation` whose ``household`` holds
    the household's lines and whose ``monthly_disposable`` is the household's. ``bedrooms`` defaults
    to the household's (one for the adults, one per child, at most 3), else 1. With ``arrival`` too,
    ``year_one_household`` holds the year of arrival's: benefits from the month the household's
    ``status`` allows (see ``netpay.evaluation.household_first_year``).

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
    options = {"start": start, "pay_periods": pay_periods, "first_year_bonus": first_year_bonus}
    move = _arrival(y, arrival, options, rrsp_room)
    if move is not None:
        if home is not None:
            return household_first_year(offer, move, housing, home)
        return first_year_evaluation(offer, move, housing)
    room = None if rrsp_room is None else check_room(rrsp_room)
    if home is not None:
        return evaluate_household([offer], y, housing, home, room)[0]
    return evaluate_offers([offer], y, housing, room)[0]


def compare(
    offers: Iterable[Offer],
    year: int | None = None,
    bedrooms: int | None = None,
    rent_basis: str = "asking",
    period: str = "monthly",
    *,
    basis: str | None = None,
    arrival: dt.date | str | None = None,
    start: dt.date | str | None = None,
    view: str | None = None,
    pay_periods: int | None = None,
    first_year_bonus: str | None = None,
    rrsp_room: float | None = None,
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

    ``period`` is 'monthly' (default) or 'annual'; ``basis`` is accepted as another name for
    ``rent_basis``. ``result.attrs['sources']`` holds, per column, the rent basis, period, source
    and address, and the source of each other cost.

    First year in Canada: given ``arrival`` (and optionally ``start``, ``pay_periods``,
    ``first_year_bonus``, ``rrsp_room``, as for :func:`evaluate`), ``view`` chooses the columns:
    'both' (default) gives two columns per offer, a MultiIndex (offer, 'year one' | 'full year');
    'year_one' or 'full_year' gives one column per offer, as without ``arrival``. In year one,
    'monthly' is per month resident in Canada and 'annual' is the part of the year resident (rent for
    those months). ``result.attrs['first_year']`` holds, per offer, the dates, days, residence
    fraction and the spring settlement of the return.

    ``living`` as for :func:`evaluate`: each living-cost item becomes a row ``other_costs.<item>``.
    With ``arrival``, ``result.attrs['move']`` holds, per offer, the one-time costs of the move
    (:func:`netpay.move_costs`: IRCC fees, the rent deposit the province allows) beside its relocation
    bonus: ``total``, ``relocation_bonus``, ``covered`` (bonus - total) and the items.

    ``household`` (a :class:`netpay.Household`, as for :func:`evaluate`): the rows of the primary
    adult (taxes with the household's claims) are followed by the household's (``netpay.lines.HOUSEHOLD_LINES``:
    the spouse's return, the transfers, ``benefit.<key>`` for each benefit, child care, household net
    cash and disposable income); ``result.attrs['sources'][column]['household']`` cites each.
    """
    _refuse_unknown("compare", unknown, _KEYWORDS["compare"])
    check_period(period)
    items = offer_list(offers)
    if not items:
        raise NetpayError("compare needs at least one netpay.Offer, got an empty list")
    y = _year(year, arrival)
    home = _household(household)
    housing = Housing(_bedrooms(bedrooms, home), _basis(rent_basis, basis), living=_living(living))
    options = {"start": start, "pay_periods": pay_periods, "first_year_bonus": first_year_bonus, "view": view}
    move = _arrival(y, arrival, options, rrsp_room)
    if move is None:
        room = None if rrsp_room is None else check_room(rrsp_room)
        if home is not None:
            households = evaluate_household(items, y, housing, home, room)
            return with_household_rows(comparison_table(households, y, period), households, period)
        return comparison_table(evaluate_offers(items, y, housing, room), y, period)
    if home is not None:
        households = [household_first_year(o, move, housing, home) for o in items]
        frame = first_year_table(households, y, period, view or "both")
        return with_household_rows(frame, households, period, view or "both")
    evaluations = [first_year_evaluation(o, move, housing) for o in items]
    table = first_year_table(evaluations, y, period, view or "both")
    table.attrs["move"] = _moves(evaluations, list(table.attrs["first_year"]), housing)
    return table


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


#: The keywords of each function, for the closest-name hint.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    f.__name__: tuple(p for p in inspect.signature(f).parameters if p != "unknown") for f in (evaluate, compare)
}
