"""A horizon of years: one offer evaluated year after year (``evaluate(..., horizon=N)``).

The years (:func:`netpay.timeline.horizon_years`): year one is the tax year asked for, resident all
year, or with a move the year of arrival (part-year, paid from the start date, as
:mod:`netpay.first_year`); then full calendar years. Each year is an ordinary
:class:`YearEvaluation` on that year's tax tables, of the offer as paid that year
(:func:`offer_in_year`):

- the base salary raised ``raise_percent`` a year: base x (1 + raise / 100) ** k in year k + 1;
  a ``bonus_percent`` bonus follows the salary; a bonus in dollars does not change;
- the annual bonus in the year it is paid (``bonus_paid``): a bonus is income when received
  (ITA s. 5(1)); with 'next_year' year one pays none and each later year pays the previous year's;
  with a move, the year-one bonus 'next_year' (the default) is the bonus prorated to the days
  employed, paid in year two;
- signing and relocation bonuses and the moving reimbursement in year one only;
- equity: each grant's tranches in their tax years, vesting from the first day of work
  (``netpay.equity.income_in_year``), or the flat ``equity_vesting`` every year;
- RRSP room (:func:`netpay.rrsp.next_room`): year one's as in a one-year evaluation (given, a
  newcomer's 0, or the year's dollar limit); each later year the room left unused plus 18% of the
  previous year's employment income up to the year's dollar limit, less the previous year's
  pension contributions (the pension adjustment of a money-purchase plan). Contributions above the
  room are not deducted that year (``rrsp_not_deducted``); they are deducted in a later year within
  the room that year's own contributions leave (``rrsp_carried_deducted``): unused contributions
  carried forward on Schedule 7 (CRA, "What to do with unused RRSP, PRPP or SPP contributions").
  Unused contributions above the room + $2,000 are taxed 1% a month (``rrsp_excess_tax``), and a
  signing bonus clawback is costed after tax (``Evaluation.clawback``): :mod:`netpay.evaluation.risk`.

Per year, besides every line of a one-year evaluation: ``equity_tax`` (contributions and taxes with
the shares received less those without them), ``equity_after_tax`` (shares - their tax),
``exercise_cost`` (the strike of options exercised with cash), ``disposable_sell_to_cover`` (the
year's disposable income with the tax on shares paid by shares, as employers withhold it by selling
some, less ``rrsp_excess_tax``), ``savings`` (RRSP and pension contributions),
``total_value`` = disposable_sell_to_cover + equity_after_tax + savings; ``equity_haircut`` (the
value the grants' ``haircut`` takes off: a risk view of value, never of tax), ``equity_after_haircut``
and ``total_value_after_haircut`` (each less the haircut); discounted by
``discount_factor`` = 1 / (1 + discount_rate) ** k, ``present_value``. Cumulative lines are
running sums of the discounted yearly amounts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from netpay import rrsp, tables
from netpay.citydata import Housing
from netpay.equity import income_in_year
from netpay.errors import UnknownYearError
from netpay.evaluation import risk
from netpay.evaluation.build import year_evaluations
from netpay.evaluation.result import Evaluation
from netpay.evaluation.year import YearEvaluation
from netpay.first_year.evaluation import due_of
from netpay.first_year.offer import year_one_bonus, year_one_offer
from netpay.first_year.pay_cheques import pay_cheques
from netpay.lines import CUMULATIVE, HORIZON_LINES
from netpay.money import round_cents
from netpay.offer import Offer
from netpay.timeline import Arrival, HorizonYear, check_discount_rate, horizon_years

#: Contributions and taxes of a year (what the tax on shares is measured in).
_DUE = ("cpp", "ei", "qpip", "federal_tax", "provincial_tax")


def raised_salary(offer: Offer, k: int) -> float:
    """The base salary of year ``k`` + 1: base x (1 + raise_percent / 100) ** k, to the cent."""
    return float(round_cents(offer.base_salary * (1.0 + offer.raise_percent / 100.0) ** k))


def earned_bonus(offer: Offer, k: int, move: Arrival | None) -> float:
    """The annual bonus earned in year ``k`` + 1: a percent of that year's salary, or the dollars
    given; with a move, year one's is prorated to the days employed."""
    if k == 0 and move is not None:
        return year_one_bonus(offer, dataclasses.replace(move, bonus_rule="prorated"))
    if offer.bonus_percent is not None:
        return float(round_cents(raised_salary(offer, k) * offer.bonus_percent / 100.0))
    return offer.bonus_amount


def bonus_paid_in_year(offer: Offer, k: int, move: Arrival | None) -> float:
    """The annual bonus paid (and taxed) in year ``k`` + 1, for a year after year one."""
    if offer.bonus_paid == "next_year":
        return earned_bonus(offer, k - 1, move)
    deferred = k == 1 and move is not None and move.bonus_rule == "next_year"
    return earned_bonus(offer, k, move) + (earned_bonus(offer, 0, move) if deferred else 0.0)


def check_bonus_timing(offer: Offer, move: Arrival | None) -> None:
    """A bonus paid the next year pays nothing in year one: a first-year bonus rule saying otherwise
    is an error naming both."""
    if offer.bonus_paid == "next_year" and move is not None and move.bonus_rule != "next_year":
        raise ValueError(
            f"the offer's bonus_paid='next_year' pays no bonus in year one, but first_year_bonus is "
            f"{move.bonus_rule!r}: leave first_year_bonus out or set bonus_paid='same_year'"
        )


def offer_in_year(offer: Offer, k: int, move: Arrival | None = None) -> Offer:
    """The offer as paid in year ``k`` + 1 of a horizon (module docstring)."""
    if k == 0 and move is not None:
        return year_one_offer(offer, move)
    if k == 0:  # the offer of a one-year evaluation, unless its bonus is paid next year
        return (
            offer if offer.bonus_paid == "same_year" else offer.model_copy(update={"bonus": 0.0, "bonus_percent": None})
        )
    update = {
        "base_salary": raised_salary(offer, k),
        "bonus": bonus_paid_in_year(offer, k, move),
        "bonus_percent": None,
    }
    return offer.without_one_time().model_copy(update=update)


def without_shares(offer: Offer) -> Offer | None:
    """The offer without the shares it delivers: no share-settled flat equity, no grants but
    cash-settled RSUs (None if it delivers no shares)."""
    kept = tuple(g for g in offer.equity if getattr(g, "settlement", "shares") == "cash")
    flat = offer.equity_vesting if offer.equity_settlement == "shares" else 0.0
    if flat == 0 and len(kept) == len(offer.equity):
        return None
    return offer.model_copy(update={"equity_vesting": offer.equity_vesting - flat, "equity": kept})


def _evaluate_year(
    offer: Offer, hy: HorizonYear, housing: Housing, room: float, factor: float, start: dt.date, carried: float = 0.0
) -> YearEvaluation:
    """One year of the horizon, with the tax on its shares (with them - without them) and its
    grants' tranches (vesting from ``start``) in ``equity_vesting``."""
    twin = without_shares(offer)
    both = [offer] if twin is None else [offer, twin]
    pair = year_evaluations(both, hy.year, housing, hy.residence, room, start=start, rrsp_carried=carried)
    y, haircut, strike = pair[0], 0.0, 0.0
    if offer.equity:
        granted = income_in_year(list(offer.equity), start, hy.year)
        haircut, strike = round(granted.face_value - granted.after_haircut, 2), granted.strike_paid
        y = y.model_copy(update={"equity_vesting": round(offer.equity_vesting + granted.employment_income, 2)})
    if twin is None:
        tax, from_cash = 0.0, 0.0
    else:
        tax = round(sum(getattr(y, k) for k in _DUE) - sum(getattr(pair[1], k) for k in _DUE), 2)
        from_cash = round(pair[1].net_cash - y.net_cash - strike, 2)  # the strike paid in cash is no tax
    update = {
        "equity_tax": tax,
        "equity_tax_from_cash": from_cash,
        "equity_haircut": haircut,
        "exercise_cost": round(strike, 2),
        "discount_factor": factor,
    }
    return y.model_copy(update=update)


def _checked_years(year: int, horizon: int, move: Arrival | None) -> tuple[HorizonYear, ...]:
    """The years of the horizon, each with tax tables, or an error naming the horizon."""
    years = horizon_years(year, horizon, move)
    for hy in years:
        try:
            tables.check_year(hy.year)
        except UnknownYearError as exc:
            raise UnknownYearError(
                f"horizon={len(years)} from {year} runs to {years[-1].year}: {exc} "
                "Start earlier or shorten the horizon."
            ) from None
    return years


def _first_room(offer: Offer, year: int, move: Arrival | None, rrsp_room: float | None) -> float:
    """Year one's RRSP deduction limit, as a one-year evaluation takes it."""
    if move is not None:
        return move.rrsp_room
    contributing = offer.employer_rrsp_match + offer.employee_rrsp > 0
    return rrsp.deduction_limit(year, rrsp_room, contributing)


def employment_start(year: int, move: Arrival | None, start: Any = None) -> Arrival | None:
    """How year one is paid: ``move`` (the year of arrival), or for a resident starting work on
    ``start`` the year paid from that day (resident all year: an arrival on January 1), or None
    (employed all year)."""
    if move is not None or start is None:
        return move
    return Arrival.of(year, dt.date(int(year), 1, 1), start)


def horizon_evaluation(
    offer: Offer,
    year: int,
    horizon: int,
    housing: Housing,
    move: Arrival | None = None,
    rrsp_room: float | None = None,
    discount_rate: float = 0.0,
    start: Any = None,
) -> Evaluation:
    """``offer`` over ``horizon`` years from tax ``year`` (with ``move``: from the year of arrival;
    with ``start`` and no move: a resident paid from ``start`` in year one). Equity grants vest from
    the first day of work (January 1 of ``year`` if neither is given)."""
    paid_from = employment_start(year, move, start)
    check_bonus_timing(offer, paid_from)
    rate = check_discount_rate(discount_rate)
    checked = _checked_years(year, horizon, move)
    room = _first_room(offer, year, move, rrsp_room)
    first_day = paid_from.start if paid_from is not None else dt.date(int(year), 1, 1)
    years: list[YearEvaluation] = []
    inputs: list[risk.YearInputs] = []
    carried = 0.0  # RRSP contributions not deducted yet
    for hy in checked:
        paid = offer_in_year(offer, hy.index, paid_from)
        if hy.index > 0:
            prev = years[-1]
            deducted = prev.savings_rrsp - prev.rrsp_not_deducted + prev.rrsp_carried_deducted
            unused = max((prev.rrsp_room or 0.0) - deducted, 0.0)
            carried = round(carried - prev.rrsp_carried_deducted + prev.rrsp_not_deducted, 2)
            room = rrsp.next_room(hy.year, unused, prev.employment_income, prev.savings_pension)
        factor = (1.0 + rate) ** -hy.index
        years.append(_evaluate_year(paid, hy, housing, room, factor, first_day, carried))
        inputs.append(risk.YearInputs(paid, hy, room, carried))
    clawback = risk.clawback_costs(offer, inputs, years, first_day)
    years = risk.with_rrsp_excess_tax(years, first_day)
    settlement = None
    if move is not None:
        settlement = dict(pay_cheques(offer, move, due=due_of(years[0])).attrs["settlement"])
    return Evaluation(
        years=tuple(years),
        move=move,
        settlement=settlement,
        horizon=len(years),
        discount_rate=rate,
        risks=risk.risk_lines(offer, first_day, clawback, years),
        clawback=clawback,
    )


def horizon_frame(e: Evaluation) -> pd.DataFrame:
    """The horizon of ``e``: one row per line of ``netpay.lines.HORIZON_LINES`` (keys), one column
    per tax year, annual amounts (rent and other costs for the months covered); cumulative rows are
    running sums of each year's amount x its discount factor."""
    columns: dict[int, dict[str, float]] = {}
    running = dict.fromkeys(CUMULATIVE, 0.0)
    for y in e.years:
        values = {k: y.horizon_value(k) for k in HORIZON_LINES if k not in CUMULATIVE}
        for key, base in CUMULATIVE.items():
            running[key] = round(running[key] + values[base] * y.discount_factor, 2)
        columns[y.year] = values | running
    frame = pd.DataFrame(columns)
    frame.columns.name = "year"
    frame.attrs["tax_tables"] = tax_tables(e)
    return frame


def tax_tables(e: Evaluation) -> dict[int, str]:
    """Each year of ``e``: 'shipped' (published figures) or 'projected' (netpay's indexation)."""
    return {y.year: "projected" if tables.is_projected(y.year) else "shipped" for y in e.years}


def frames_by_name(evaluations: list[Evaluation], names: list[str]) -> dict[str, Any]:
    """``horizon_frame`` of each evaluation, by column name."""
    return {name: horizon_frame(e) for name, e in zip(names, evaluations, strict=True)}
