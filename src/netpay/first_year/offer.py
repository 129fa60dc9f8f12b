"""The offer as paid in the year of arrival: salary from the start date, the bonus by its rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from netpay.first_year.calendar import employed_periods, per_period
from netpay.money import FloatArray, round_cents
from netpay.offer import AMOUNT_FIELDS, Offer
from netpay.timeline import Arrival, days_in_year

#: Offer amounts paid every period like the salary, prorated like it in the first year.
#: Everything but the salary, the annual bonus (see BONUS_RULES) and the one-time payments.
RECURRING_FIELDS: tuple[str, ...] = tuple(
    f
    for f in AMOUNT_FIELDS
    if f not in ("base_salary", "bonus", "bonus_percent", "signing_bonus", "relocation_bonus", "moving_reimbursement")
)


def year_one_bonus(offer: Offer, move: Arrival) -> float:
    """The annual bonus paid in year one, by ``move.bonus_rule``: nothing ('next_year'), all of it
    ('full'), or bonus x days employed / days in the year ('prorated'), to the cent."""
    if move.bonus_rule == "next_year":
        return 0.0
    if move.bonus_rule == "full":
        return offer.bonus_amount
    employed = (dt.date(move.year, 12, 31) - move.start).days + 1
    return float(round_cents(offer.bonus_amount * employed / days_in_year(move.year)))


def recurring_per_period(offer: Offer, shares: FloatArray, pay_periods: int) -> dict[str, FloatArray]:
    """The salary and each recurring amount per period, for periods worked ``shares`` of."""
    amounts = {"base_salary": per_period(offer.base_salary, shares, pay_periods)}
    for name in RECURRING_FIELDS:
        amounts[name] = per_period(float(getattr(offer, name)), shares, pay_periods)
    return amounts


def paid_from_start(offer: Offer, move: Arrival) -> tuple[Any, dict[str, FloatArray], float]:
    """Periods employed, the per-period amounts of the salary and each recurring field, and the
    first year's annual bonus."""
    periods = employed_periods(move.year, move.start, move.pay_periods)
    shares = periods["share"].to_numpy(dtype=np.float64)
    return periods, recurring_per_period(offer, shares, move.pay_periods), year_one_bonus(offer, move)


def year_one_offer(offer: Offer, move: Arrival) -> Offer:
    """The offer as paid from ``move.start`` to December 31 (see :func:`first_year_offer`)."""
    _, amounts, bonus = paid_from_start(offer, move)
    update: dict[str, Any] = {name: float(v.sum()) for name, v in amounts.items()}
    update["bonus"] = bonus
    update["bonus_percent"] = None
    return offer.model_copy(update=update)


def first_year_offer(
    offer: Offer, year: int, start: dt.date | str, pay_periods: int = 12, bonus: str = "next_year"
) -> Offer:
    """The offer as paid from ``start`` to December 31 of ``year``.

    - Salary: base / ``pay_periods`` each period from the one containing ``start``; that first
      period, worked in part, pays base / P x days worked / days in the period; each pay rounded to
      the cent. (A monthly salary of 140,000 from 15 June 2026: 11,666.67 x 16/30 = 6,222.22 for
      June, then 6 x 11,666.67.)
    - Annual bonus: by ``bonus`` (:data:`BONUS_RULES`); default 'next_year', nothing in year one.
    - Signing and relocation bonuses and the moving reimbursement: in full (paid on arrival).
    - Equity vesting, benefits, RRSP and pension amounts: per period like the salary.
    """
    return year_one_offer(offer, Arrival.of(year, start, start, pay_periods, bonus))
