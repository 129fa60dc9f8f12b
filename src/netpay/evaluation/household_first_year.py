"""A household in its year of arrival, next to the full year that follows.

Year one: each adult taxed as a part-year resident (the spouse's ``income`` is a year's and is
earned from arrival: x days resident / days in the year; a spouse's offer is paid from the start
date, as the primary's); benefits from the month ``netpay.benefits.eligible_from`` gives for the
household's ``status`` (a permanent resident or citizen: the month after arrival; a work-permit
holder: the 19th month of residence), on the household's world income before arrival
(``Household.prior_world_income``, default 0) for the benefit months based on the years before.

The full year is a later year resident all year on the same year's tables (as for one person): its
benefits start where the newcomer's eligibility reaches that later year, and its July-December
months are based on the year of arrival's family net income.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from netpay.citydata import Housing
from netpay.components import FULL_YEAR, IncomeComponents
from netpay.evaluation import year_evaluations
from netpay.evaluation.household import Timing, benefits_module, household_year
from netpay.evaluation.household_result import HouseholdEvaluation
from netpay.first_year.evaluation import due_of
from netpay.first_year.offer import year_one_offer
from netpay.first_year.pay_cheques import pay_cheques
from netpay.household import Household
from netpay.offer import Offer
from netpay.timeline import Arrival


def _year_earlier(day: dt.date) -> dt.date:
    """The same day a year earlier (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _spouse_year_one(household: Household, move: Arrival, province: str) -> IncomeComponents | None:
    s = household.spouse
    if s is None:
        return None
    if s.offer is not None:
        return IncomeComponents.from_offers([year_one_offer(s.offer, move)], province, move.rrsp_room)
    return IncomeComponents.of_income(np.array([s.income * move.residence.fraction], dtype=np.float64))


def household_first_year(offer: Offer, move: Arrival, housing: Housing, household: Household) -> HouseholdEvaluation:
    """Year one and the full year of ``offer`` with ``household`` (see the module docstring)."""
    household.check_children(move.year, move.year)
    first = year_one_offer(offer, move)
    single_one = year_evaluations([first], move.year, housing, move.residence, move.rrsp_room)[0]
    single_full = year_evaluations([offer.without_one_time()], move.year, housing, FULL_YEAR)[0]
    starts = benefits_module().eligible_from(household.status, move.arrival)
    prior = household.prior_world_income
    one_timing = Timing(starts, move.arrival, {move.year - 2: prior, move.year - 1: prior})
    one, h_one = household_year(
        first,
        single_one,
        household,
        move.residence,
        move.rrsp_room,
        timing=one_timing,
        spouse=_spouse_year_one(household, move, single_one.province),
    )
    afni_one = h_one.family_net_income
    full_timing = Timing(
        _year_earlier(starts), _year_earlier(move.arrival), {move.year - 2: prior, move.year - 1: afni_one}
    )
    full, h_full = household_year(
        offer.without_one_time(), single_full, household, FULL_YEAR, single_full.rrsp_room, timing=full_timing
    )
    flow = pay_cheques(offer, move, due=due_of(one))
    return HouseholdEvaluation(
        years=(one, full),
        move=move,
        settlement=dict(flow.attrs["settlement"]),
        household=h_full,
        year_one_household=h_one,
    )
