"""A household over a horizon of years (``evaluate(..., household=H, horizon=N)``).

The primary adult's years are those of the single-person horizon (:mod:`netpay.evaluation.horizon`:
raises, the bonus in the year paid, one-time payments in year one, equity tranches, RRSP room year
after year, year one part-year with a move), each then taxed with the household's claims
(:func:`netpay.evaluation.household.household_year`), on that year's tax tables, shipped or
projected. Each year:

- **the spouse's return**: a ``Spouse(income=...)`` earns the same income every year (held flat: no
  raise is assumed; with a move, year one's is the year's income x the fraction of the year
  resident, as :mod:`netpay.evaluation.household_first_year`); a ``Spouse(offer=...)`` is paid as
  that offer is paid in that year of the horizon (:func:`netpay.evaluation.horizon.offer_in_year`:
  its raises, its bonus timing, its one-time payments in year one, its grants vesting from the same
  first day of work). The spouse's RRSP deduction limit is the primary adult's, as in a one-year
  household evaluation (the spouse's own room and carried contributions are not tracked).
- **the children** are counted at their age that year: the Canada Child Benefit and the provincial
  benefits at the start of each month (the under-6 amount ends when a child turns 6), the child
  care deduction's limits at the end of the year, netpay's child care fee by the fee's age group in
  that year (``netpay.citydata.childcare``: none from the year a child is 6 on 1 September).
- **the benefits by benefit year**: calendar year Y receives January-June on the family net income
  of Y-2 and July-December on that of Y-1. Within the horizon those incomes are the household's own
  (both adults' line 23600 of that year, after the child care deduction); the years before year one
  are taken equal to year one (as a one-year evaluation takes them), or with a move the household's
  ``prior_world_income``. A benefit year whose table netpay does not ship uses the nearest one as it
  is, marked projected (``netpay.benefits``).
- **the value lines** are the household's: ``equity_tax`` is the change in both adults'
  contributions and taxes that the shares received cause (with them - without them, each with the
  household's claims), ``equity_after_tax`` = both adults' shares - that tax, ``savings`` both
  adults' RRSP and pension contributions, ``disposable_sell_to_cover`` the household's disposable
  income of the year (household net cash - child care - rent - other costs, for the months covered)
  with the tax on shares paid by shares (less the primary adult's tax on RRSP excess contributions),
  and ``total_value`` = disposable_sell_to_cover + equity_after_tax + savings; present values and
  cumulative lines as for one person. The risk lines and the clawback's cost are the single
  horizon's (the primary adult's return alone).

A horizon of one year is the one-year household evaluation to the cent; a household without spouse
or children is the single person's horizon to the cent, plus the benefits it is paid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from netpay.citydata import Housing
from netpay.components import FULL_YEAR, IncomeComponents
from netpay.equity import income_in_year
from netpay.evaluation.build import offer_components
from netpay.evaluation.horizon import (
    cash_paid_share,
    check_bonus_timing,
    employment_start,
    horizon_evaluation,
    horizon_frame,
    offer_in_year,
    without_shares,
)
from netpay.evaluation.household import HouseholdYear, Timing, benefits_module, household_year
from netpay.evaluation.household_result import HouseholdEvaluation, household_labels
from netpay.evaluation.result import Evaluation
from netpay.evaluation.year import YearEvaluation
from netpay.household import Household
from netpay.lines import HOUSEHOLD_LINES
from netpay.offer import Offer
from netpay.timeline import Arrival

#: Each adult's contributions and taxes (what the tax on shares is measured in).
_DUE = ("cpp", "ei", "qpip", "federal_tax", "provincial_tax")


class HouseholdYearEvaluation(YearEvaluation):
    """One year of a household's horizon: the primary adult's lines (taxes with the household's
    claims), ``household`` (the household's lines that year), and the household's value lines
    (module docstring): the spouse's shares and savings count with the primary's."""

    household: HouseholdYear
    #: the spouse's RRSP and pension contributions (employer's and employee's), and shares received
    spouse_savings: float = 0.0
    spouse_equity_shares: float = 0.0

    @property
    def equity_after_tax(self) -> float:
        """Both adults' shares received less the contributions and taxes due on them."""
        if self.equity_tax is None:
            return float("nan")
        return round(self.equity_shares + self.spouse_equity_shares - self.tax_sold_to_cover, 2)

    @property
    def disposable_sell_to_cover(self) -> float:
        """The household's disposable income of the year with the tax on shares paid by shares."""
        if self.equity_tax_from_cash is None:
            return float("nan")
        penalty = self.rrsp_excess_tax or 0.0  # the tax on RRSP excess contributions, a separate return
        disposable = self.household.monthly_disposable * self.household.months
        return round(disposable + self.tax_sold_to_cover - penalty, 2)

    @property
    def savings(self) -> float:
        """Both adults' RRSP and pension contributions, the employers' and their own."""
        return round(self.savings_rrsp + self.savings_pension + self.spouse_savings, 2)


class HouseholdHorizon(HouseholdEvaluation):
    """A household over a horizon: ``years`` are :class:`HouseholdYearEvaluation`; ``household`` is
    the first full year's household lines (``year_one_household`` the year of arrival's, with a move)."""

    @property
    def households(self) -> tuple[HouseholdYear, ...]:
        """The household's lines, year by year."""
        return tuple(y.household for y in self.years if isinstance(y, HouseholdYearEvaluation))

    def by_year(self) -> pd.DataFrame:
        """The horizon's lines (with the household's value lines), then the household's, by tax year."""
        return household_horizon_frame(self)

    def table(self, period: str | None = None) -> pd.DataFrame:
        """The lines of each year (columns: the tax years), then the household's (labelled)."""
        if len(self.years) == 1 and period is None and self.move is None:
            return super().table()
        per = period or "annual"
        base = Evaluation.table(self, per)
        block = pd.DataFrame(
            {str(h_year): h.lines(per) for h_year, h in zip(self.tax_years, self.households, strict=True)}
        )
        return pd.concat([base, block.fillna(0.0).rename(index=_labels(self.households))])

    @property
    def tax_years(self) -> tuple[int, ...]:
        return tuple(y.year for y in self.years)


def _labels(households: Sequence[HouseholdYear]) -> dict[str, str]:
    return {k: v for h in households for k, v in household_labels(h).items()}


def household_horizon_frame(e: HouseholdHorizon) -> pd.DataFrame:
    """:func:`netpay.evaluation.horizon.horizon_frame` of ``e`` (its value lines the household's),
    followed by the household's rows (``HOUSEHOLD_LINES``, then ``benefit.<key>``), annual."""
    frame = horizon_frame(e)
    lines = [h.lines("annual") for h in e.households]
    benefit_keys = sorted({k for ln in lines for k in ln if k.startswith("benefit.")})
    rows = [*HOUSEHOLD_LINES, *benefit_keys]
    block = pd.DataFrame(
        {c: [ln.get(k, 0.0) for k in rows] for c, ln in zip(frame.columns, lines, strict=True)}, index=rows
    )
    out = pd.concat([frame, block])
    out.columns.name = frame.columns.name
    out.attrs = dict(frame.attrs) | {"labels": _labels(e.households)}
    return out


# --------------------------------------------------------------------------- the spouse, year by year


def _spouse_offer(household: Household) -> Offer | None:
    return None if household.spouse is None else household.spouse.offer


def _spouse_components(
    household: Household, k: int, y: YearEvaluation, paid_from: Arrival | None, first_day: dt.date, shares: bool
) -> tuple[IncomeComponents | None, float, float]:
    """The spouse's components in year ``k`` + 1 (None: no spouse), their savings and shares;
    ``shares=False``: without the shares the spouse's offer delivers (the twin)."""
    s = household.spouse
    if s is None:
        return None, 0.0, 0.0
    if s.offer is None:
        income = s.income * (y.residence_fraction if k == 0 else 1.0)
        return IncomeComponents.of_income(np.array([income], dtype=np.float64)), 0.0, 0.0
    paid = offer_in_year(s.offer, k, paid_from)
    if not shares:
        paid = without_shares(paid) or paid
    c = IncomeComponents.from_offers([paid], y.province, y.rrsp_room, year=y.year, start=first_day)
    savings = paid.employer_rrsp_match + paid.employee_rrsp + paid.employer_pension_match + paid.employee_pension
    return c, round(savings, 2), float(c.equity_shares[0])


def _spouse_haircut(household: Household, first_day: dt.date, year: int) -> float:
    offer = _spouse_offer(household)
    if offer is None or not offer.equity:
        return 0.0
    granted = income_in_year(list(offer.equity), first_day, year)
    return round(granted.face_value - granted.after_haircut, 2)


# --------------------------------------------------------------------------- the years


def _timing(household: Household, move: Arrival | None, first: int, known: dict[int, float]) -> Timing:
    """Year ``first`` + len(known)'s timing: the incomes of the years before year one (year one's,
    or with a move the world income before arrival), then those of the horizon's earlier years."""
    if not known:  # year one: as a one-year evaluation (or a year of arrival) takes it
        if move is None:
            return Timing()
        prior = household.prior_world_income
        return Timing(
            benefits_module().eligible_from(household.status, move.arrival), move.arrival, _before(first, prior)
        )
    before = _before(first, known[first] if move is None else household.prior_world_income)
    if move is None:
        return Timing(incomes_before=before | known)
    starts = benefits_module().eligible_from(household.status, move.arrival)
    return Timing(starts, move.arrival, before | known)


def _before(first: int, income: float) -> dict[int, float]:
    return {first - 2: income, first - 1: income}


def _due(y: YearEvaluation, h: HouseholdYear) -> float:
    return sum(getattr(y, k) for k in _DUE) + sum(h.spouse.get(f"spouse_{k}", 0.0) for k in _DUE)


def _cash(y: YearEvaluation, h: HouseholdYear) -> float:
    return y.net_cash + h.spouse.get("spouse_net_cash", 0.0)


def _carried(years: Sequence[YearEvaluation], k: int) -> float:
    """RRSP contributions of years before ``k`` not deducted yet (the single horizon's running sum)."""
    carried = 0.0
    for prev in years[:k]:
        carried = round(carried - prev.rrsp_carried_deducted + prev.rrsp_not_deducted, 2)
    return carried


def _household_year(
    household: Household, single: Evaluation, k: int, paid_from: Arrival | None, first_day: dt.date, timing: Timing
) -> HouseholdYearEvaluation:
    """Year ``k`` + 1 of the horizon with the household, and the tax its shares cause."""
    y = single.years[k]
    residence = single.move.residence if k == 0 and single.move is not None else FULL_YEAR
    carried = _carried(single.years, k)

    def run(offer: Offer, shares: bool) -> tuple[YearEvaluation, HouseholdYear, float, float]:
        primary, _ = offer_components([offer], y.province, y.year, y.rrsp_room or 0.0, first_day, carried)
        spouse, savings, spouse_shares = _spouse_components(household, k, y, paid_from, first_day, shares)
        one, h = household_year(
            offer, y, household, residence, y.rrsp_room, timing=timing, spouse=spouse, primary=primary
        )
        return one, h, savings, spouse_shares

    with_shares, h, savings, spouse_shares = run(y.offer, True)
    twin, spouse_offer = without_shares(y.offer), _spouse_offer(household)
    tax = from_cash = 0.0
    if twin is not None or (spouse_offer is not None and without_shares(spouse_offer) is not None):
        without, h_without, _, _ = run(twin or y.offer, False)
        tax = round(_due(with_shares, h) - _due(without, h_without), 2)
        strike = y.exercise_cost or 0.0  # the strike paid in cash for options is no tax
        drop = _cash(without, h_without) - _cash(with_shares, h) - strike
        paid_by = [y.offer] + ([spouse_offer] if spouse_offer is not None else [])
        from_cash = round(drop * cash_paid_share(paid_by, first_day, y.year), 2)
    haircut = round((y.equity_haircut or 0.0) + _spouse_haircut(household, first_day, y.year), 2)
    update = {"equity_tax": tax, "equity_tax_from_cash": from_cash, "equity_haircut": haircut}
    return HouseholdYearEvaluation(
        **(dict(with_shares) | update), household=h, spouse_savings=savings, spouse_equity_shares=spouse_shares
    )


def household_horizon(
    offer: Offer,
    year: int,
    horizon: int,
    housing: Housing,
    household: Household,
    move: Arrival | None = None,
    rrsp_room: float | None = None,
    discount_rate: float = 0.0,
    start: Any = None,
) -> HouseholdHorizon:
    """``offer`` with ``household`` over ``horizon`` years from tax ``year`` (module docstring);
    ``move``, ``rrsp_room``, ``discount_rate`` and ``start`` as for
    :func:`netpay.evaluation.horizon.horizon_evaluation`."""
    single = horizon_evaluation(offer, year, horizon, housing, move, rrsp_room, discount_rate, start)
    household.check_children(single.years[0].year, single.years[-1].year)
    paid_from = employment_start(year, move, start)
    spouse_offer = _spouse_offer(household)
    if spouse_offer is not None:
        check_bonus_timing(spouse_offer, paid_from)
    first_day = paid_from.start if paid_from is not None else dt.date(int(year), 1, 1)
    years: list[HouseholdYearEvaluation] = []
    known: dict[int, float] = {}
    for k in range(len(single.years)):
        timing = _timing(household, move, single.years[0].year, known)
        years.append(_household_year(household, single, k, paid_from, first_day, timing))
        known[years[-1].year] = years[-1].household.family_net_income
    full = 1 if move is not None and len(years) > 1 else 0
    return HouseholdHorizon(
        years=tuple(years),
        move=move,
        settlement=single.settlement,
        horizon=single.horizon,
        discount_rate=single.discount_rate,
        risks=single.risks,
        clawback=single.clawback,
        household=years[full].household,
        year_one_household=years[0].household if move is not None else None,
    )
