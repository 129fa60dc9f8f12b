"""The year of arrival next to the full year that follows, for one offer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from netpay.citydata import Housing
from netpay.components import FULL_YEAR
from netpay.evaluation import Evaluation, YearEvaluation, year_evaluations
from netpay.first_year.offer import year_one_offer
from netpay.first_year.pay_cheques import pay_cheques
from netpay.offer import Offer
from netpay.timeline import Arrival

#: The first-year evaluation is an :class:`~netpay.evaluation.Evaluation` with a move (version 1
#: had a class of its own).
FirstYearEvaluation = Evaluation


def due_of(y: YearEvaluation) -> dict[str, float]:
    """What the return of year ``y`` asks: its contributions and taxes."""
    return {k: float(getattr(y, k)) for k in ("cpp", "ei", "qpip", "federal_tax", "provincial_tax")}


def first_year_evaluation(offer: Offer, move: Arrival, housing: Housing) -> Evaluation:
    """Year one (the offer as paid from ``move.start``, taxed at ``move.residence`` with RRSP
    deductions within ``move.rrsp_room``) and the full year (the offer without one-time payments,
    resident all year, RRSP deductions within the year's dollar limit), and the settlement of the
    year-one return from the pay cheques and year one's own tax result (no second tax pass)."""
    year_one = year_evaluations([year_one_offer(offer, move)], move.year, housing, move.residence, move.rrsp_room)[0]
    full_year = year_evaluations([offer.without_one_time()], move.year, housing, FULL_YEAR)[0]
    flow = pay_cheques(offer, move, due=due_of(year_one))
    return Evaluation(years=(year_one, full_year), move=move, settlement=dict(flow.attrs["settlement"]))


def evaluate_first_year(
    offer: Offer,
    year: int,
    arrival: dt.date | str | None,
    start: dt.date | str | None = None,
    bedrooms: int = 1,
    rent_basis: str = "asking",
    rent: float | None = None,
    other_costs: Mapping[str, float] | None = None,
    pay_periods: int = 12,
    bonus: str = "next_year",
    rrsp_room: float = 0.0,
) -> Evaluation:
    """Year one in Canada (arriving on ``arrival``, working from ``start``, default ``arrival``)
    next to the full year; ``netpay.evaluate(offer, year, arrival=..., start=...)`` calls this.

    Year one: :func:`first_year_offer` taxed as a part-year resident (personal amounts x days
    resident / days in the year; resident on January 1 only for an arrival that day), in the
    province of the offer's city (the province of residence on December 31). Rent and other costs
    are paid for the months resident, days resident / days in the year x 12. RRSP contributions
    are deducted in year one only up to ``rrsp_room``, the RRSP deduction limit (default 0: a
    newcomer without earned income reported in Canada the year before has none); the rest is
    ``rrsp_not_deducted``. The full year deducts them up to the year's RRSP dollar limit.
    """
    move = Arrival.of(year, arrival, start, pay_periods, bonus, rrsp_room)
    housing = Housing(bedrooms, rent_basis, rent, other_costs)
    return first_year_evaluation(offer, move, housing)
