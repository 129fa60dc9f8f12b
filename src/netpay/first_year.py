"""The first year in Canada: arriving part-way through the year, part-year residence, and the moving
year's cash flow.

An employee who becomes resident in Canada on ``arrival`` (having had only foreign income before)
and starts work on ``start`` pays Canadian tax only on the income of the residence period
(ITA s. 114), to the province of residence on December 31:

- personal amounts (federal BPA and the like, the Ontario and BC basic amounts, Québec's basic
  amount) are prorated by :func:`residence_fraction`, days resident / days in the year, the arrival
  day counted (ITA s. 118.91; CRA, "Federal non-refundable tax credits for newcomers and
  emigrants"; Taxation Act (Québec) s. 752.0.24);
- the Canada employment amount and the CPP/QPP, EI and QPIP credits are not prorated; CPP/QPP on
  the return keeps the full $3,500 exemption and the full YMPE (Canada Pension Plan s. 19);
- Ontario's tax reduction and LIFT credit need residence in Canada on January 1, so are not
  claimed (ontario.ca); the Ontario Health Premium is not prorated.
- RRSP contributions (the employer's match and the employee's own) are deductible only up to the
  RRSP deduction limit, 18% of the *previous* year's earned income reported in Canada plus unused
  room (ITA s. 146(1), "RRSP deduction limit"; CRA, "How contributions affect your RRSP deduction
  limit"): a newcomer whose earlier income was earned abroad has none in year one. Year one
  deducts at most ``rrsp_room`` (default 0); contributions not deducted carry forward to later
  years. Payroll still withholds as if they were deductible, so the return claws that back.

The engine applies these rules (``netpay.engine.compute(..., residence_fraction=, resident_jan1=)``);
this module turns an :class:`~netpay.offer.Offer` into the first year's amounts and the pay cheques:

- :func:`residence_fraction` and :func:`days_resident`;
- :func:`first_year_offer`: the offer as paid in the first year (salary from ``start``, the annual
  bonus by a chosen rule, one-time payments in full, recurring amounts like the salary);
- :func:`evaluate_first_year` (also ``netpay.evaluate(..., arrival=, start=)``): year one next to
  the full year that follows, as a :class:`FirstYearEvaluation`;
- :func:`monthly_cash_flow`: one row per pay period from ``start`` to December 31 (CPP/QPP, EI and
  QPIP withheld per pay until the annual maximum, tax withheld by an annualization in the manner of
  CRA's T4127), with the refund or balance the return settles the next spring;
- :func:`plot_monthly_cash_flow`.

Rules, sources and what remains unverified: ``docs/first-year.md``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from netpay import citydata as _cities
from netpay.compare import LINES, Evaluation, _taxes, evaluate_many
from netpay.engine import Incomes, Year, compute
from netpay.errors import InvalidIncomeError, NetpayError
from netpay.money import FloatArray, as_amount, round_cents
from netpay.offer import AMOUNT_FIELDS, Offer

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

#: Pay frequencies: periods a year -> name.
PAY_PERIODS: dict[int, str] = {12: "monthly", 24: "semi-monthly", 26: "biweekly", 52: "weekly"}

#: How the annual bonus is treated in the first year (``bonus=``):
#: 'next_year': the bonus for year one is paid in the following year (nothing in year one);
#: 'prorated': bonus x days employed / days in the year, paid on the last pay of the year;
#: 'full': the whole annual bonus, paid on the last pay of the year (e.g. a guaranteed bonus).
BONUS_RULES: tuple[str, ...] = ("next_year", "prorated", "full")

#: Offer amounts paid every period like the salary, prorated like it in the first year.
#: Everything but the salary, the annual bonus (see BONUS_RULES) and the one-time payments.
RECURRING_FIELDS: tuple[str, ...] = tuple(
    f
    for f in AMOUNT_FIELDS
    if f not in ("base_salary", "bonus", "bonus_percent", "signing_bonus", "relocation_bonus", "moving_reimbursement")
)


# --------------------------------------------------------------------------- days


def _as_date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise NetpayError(f"{name} must be a date (datetime.date or 'YYYY-MM-DD'), not {value!r}")


def days_in_year(year: int) -> int:
    """366 in a leap year, else 365: the denominator of CRA's proration."""
    return 366 if calendar.isleap(int(year)) else 365


def _check_in_year(day: dt.date, year: int, name: str) -> None:
    if day.year != int(year):
        raise NetpayError(
            f"{name} {day.isoformat()} is not in tax year {year}: it must fall between "
            f"{year}-01-01 and {year}-12-31"
        )


def days_resident(arrival: dt.date | str, year: int) -> int:
    """Days resident in Canada in ``year`` for a person arriving on ``arrival``: from the arrival day
    to December 31, both counted (CRA's newcomer examples count the arrival day: 6 May 2024 gives
    240 days)."""
    day = _as_date(arrival, "arrival")
    _check_in_year(day, year, "arrival")
    return (dt.date(int(year), 12, 31) - day).days + 1


def residence_fraction(arrival: dt.date | str, year: int) -> float:
    """Days resident / days in the year: the share of the personal amounts a newcomer claims.

    ``days_resident(arrival, year) / days_in_year(year)``; 1.0 for an arrival on January 1.
    CRA, "Federal non-refundable tax credits for newcomers and emigrants": "240 days in Canada
    divided by 366 days in 2024 times by $15,705 equals $10,298.36". An arrival outside ``year``
    is an error.

    >>> round(residence_fraction(dt.date(2026, 6, 1), 2026) * 365)
    214
    """
    return days_resident(arrival, year) / days_in_year(year)


# --------------------------------------------------------------------------- pay periods


def pay_schedule(year: int, pay_periods: int = 12) -> pd.DataFrame:
    """The pay periods of ``year``: ``period_start``, ``period_end`` and ``pay_date`` (the period's
    last day), one row per period.

    Monthly: calendar months. Semi-monthly: the 1st-15th and the 16th-end of each month. Biweekly
    and weekly: periods of 14 or 7 days from January 1, the last one running to December 31 (it
    takes the one or two days left over). Real biweekly calendars are anchored on an earlier pay
    date and some years have 27 pays; netpay's stylised calendar keeps the salary per period at
    exactly base / P.
    """
    if pay_periods not in PAY_PERIODS:
        raise NetpayError(f"pay_periods must be one of {sorted(PAY_PERIODS)}, not {pay_periods!r}")
    y = int(year)
    starts: list[dt.date] = []
    ends: list[dt.date] = []
    if pay_periods == 12:
        for m in range(1, 13):
            starts.append(dt.date(y, m, 1))
            ends.append(dt.date(y, m, calendar.monthrange(y, m)[1]))
    elif pay_periods == 24:
        for m in range(1, 13):
            last = calendar.monthrange(y, m)[1]
            starts += [dt.date(y, m, 1), dt.date(y, m, 16)]
            ends += [dt.date(y, m, 15), dt.date(y, m, last)]
    else:
        length = 364 // pay_periods
        jan1 = dt.date(y, 1, 1)
        for k in range(pay_periods):
            starts.append(jan1 + dt.timedelta(days=length * k))
            ends.append(jan1 + dt.timedelta(days=length * (k + 1) - 1))
        ends[-1] = dt.date(y, 12, 31)
    return pd.DataFrame({"period_start": starts, "period_end": ends, "pay_date": ends})


def _employed_periods(year: int, start: dt.date, pay_periods: int) -> pd.DataFrame:
    """The pay periods from the one containing ``start`` on, with ``days_employed`` and ``share``
    (days employed in the period / days in the period)."""
    s = pay_schedule(year, pay_periods)
    s = s[s["period_end"] >= start].reset_index(drop=True)
    first_day = s["period_start"].map(lambda d: max(d, start))
    s["days_employed"] = [(e - f).days + 1 for f, e in zip(first_day, s["period_end"], strict=True)]
    length = [(e - b).days + 1 for b, e in zip(s["period_start"], s["period_end"], strict=True)]
    s["share"] = s["days_employed"] / np.asarray(length, dtype=np.float64)
    return s


def _per_period(amount: float, shares: FloatArray, pay_periods: int) -> FloatArray:
    """An annual amount paid as ``amount / P`` each period, a period worked in part paying that
    share of it; each pay rounded to the cent."""
    return round_cents(amount / pay_periods * shares)


def _period_of(day: dt.date, periods: pd.DataFrame) -> int:
    """Index of the period (among ``periods``) whose days contain ``day``."""
    hits = np.flatnonzero(
        (periods["period_start"] <= day).to_numpy() & (periods["period_end"] >= day).to_numpy()
    )
    if hits.size == 0:
        first, last = periods["period_start"].iloc[0], periods["period_end"].iloc[-1]
        raise NetpayError(f"payment date {day.isoformat()} is outside the periods paid, {first} to {last}")
    return int(hits[0])


# --------------------------------------------------------------------------- the first year's offer


def _check_room(rrsp_room: Any) -> float:
    try:
        return as_amount(rrsp_room, "rrsp_room")
    except InvalidIncomeError as exc:
        raise InvalidIncomeError(
            f"{exc} (rrsp_room is the RRSP deduction limit for the year in dollars; a newcomer with no "
            "earned income reported in Canada has 0)"
        ) from None


def _rrsp_not_deducted(offer: Offer, room: float) -> float:
    """RRSP contributions of ``offer`` (employer and employee) above the deduction limit ``room``."""
    return float(round_cents(max(offer.employer_rrsp_match + offer.employee_rrsp - room, 0.0)))


def _check_dates(year: int, arrival: Any, start: Any) -> tuple[dt.date, dt.date]:
    if arrival is None:
        raise NetpayError(
            "give arrival, the date the person becomes resident in Canada (start defaults to it)"
        )
    a = _as_date(arrival, "arrival")
    _check_in_year(a, year, "arrival")
    s = a if start is None else _as_date(start, "start")
    _check_in_year(s, year, "start")
    if s < a:
        raise NetpayError(
            f"start {s.isoformat()} is before arrival {a.isoformat()}: netpay taxes only work done "
            "while resident in Canada (income earned abroad before arrival is not Canadian income)"
        )
    return a, s


def _bonus(offer: Offer, year: int, start: dt.date, bonus: str) -> float:
    if bonus not in BONUS_RULES:
        raise NetpayError(f"bonus must be one of {BONUS_RULES}, not {bonus!r}")
    if bonus == "next_year":
        return 0.0
    if bonus == "full":
        return offer.bonus_amount
    employed = (dt.date(int(year), 12, 31) - start).days + 1
    return float(round_cents(offer.bonus_amount * employed / days_in_year(year)))


def _components(
    offer: Offer, year: int, start: dt.date, pay_periods: int, bonus: str
) -> tuple[pd.DataFrame, dict[str, FloatArray], float]:
    """Periods employed, the per-period amounts of the salary and each recurring field, and the
    first year's annual bonus."""
    periods = _employed_periods(year, start, pay_periods)
    shares = periods["share"].to_numpy(dtype=np.float64)
    amounts = {"base_salary": _per_period(offer.base_salary, shares, pay_periods)}
    for name in RECURRING_FIELDS:
        amounts[name] = _per_period(float(getattr(offer, name)), shares, pay_periods)
    return periods, amounts, _bonus(offer, year, start, bonus)


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
    s = _as_date(start, "start")
    _check_in_year(s, year, "start")
    _, amounts, bonus_amount = _components(offer, year, s, pay_periods, bonus)
    update: dict[str, Any] = {name: float(v.sum()) for name, v in amounts.items()}
    update["bonus"] = bonus_amount
    update["bonus_percent"] = None
    return offer.model_copy(update=update)


# --------------------------------------------------------------------------- evaluation


class FirstYearEvaluation(BaseModel):
    """The first year in Canada next to the full year that follows, for one offer.

    ``year_one``: the part of ``year`` resident in Canada, taxed as a part-year resident, its
    ``annual`` lines covering the months resident (``year_one.months``) and its ``monthly`` lines
    per month resident. ``full_year``: the offer without its signing and relocation bonuses and
    moving reimbursement (a typical later year), resident all year, on the same year's tables.
    ``settlement``: what the return filed next spring settles (see :func:`monthly_cash_flow`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int
    arrival: dt.date
    start: dt.date
    days_resident: int
    days_in_year: int
    residence_fraction: float
    resident_jan1: bool
    pay_periods: int
    bonus_rule: str
    year_one: Evaluation
    full_year: Evaluation
    settlement: dict[str, float]
    #: the RRSP deduction limit used for year one, and the RRSP contributions of year one above it
    #: (not deducted in year one; carried forward)
    rrsp_room: float = 0.0
    rrsp_not_deducted: float = 0.0

    def facts(self) -> dict[str, Any]:
        """Dates, days, fraction and settlement as a dict (``compare(...).attrs['first_year']``)."""
        return {
            "year": self.year,
            "arrival": self.arrival,
            "start": self.start,
            "days_resident": self.days_resident,
            "days_in_year": self.days_in_year,
            "residence_fraction": self.residence_fraction,
            "months_in_canada": self.year_one.months,
            "resident_jan1": self.resident_jan1,
            "pay_periods": self.pay_periods,
            "bonus_rule": self.bonus_rule,
            "rrsp_room": self.rrsp_room,
            "rrsp_not_deducted": self.rrsp_not_deducted,
            "settlement": dict(self.settlement),
        }

    def table(self, period: str = "annual") -> pd.DataFrame:
        """Lines of :data:`netpay.compare.LINES` (labelled), columns 'year one' and 'full year'.

        ``period='annual'``: year one for the months resident, the full year for twelve;
        ``'monthly'``: per month resident in year one, per month in the full year.
        """
        if period not in ("monthly", "annual"):
            raise ValueError(f"period must be 'monthly' or 'annual', not {period!r}")
        pick = (lambda e: e.annual) if period == "annual" else (lambda e: e.monthly)
        return pd.DataFrame({"year one": pick(self.year_one), "full year": pick(self.full_year)}).rename(
            index=LINES
        )


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
) -> FirstYearEvaluation:
    """Year one in Canada (arriving on ``arrival``, working from ``start``, default ``arrival``)
    next to the full year; ``netpay.evaluate(offer, year, arrival=..., start=...)`` calls this.

    Year one: :func:`first_year_offer` taxed with ``engine.compute(..., residence_fraction=p,
    resident_jan1=False)`` (``resident_jan1`` is True only for an arrival on January 1), in the
    province of the offer's city (the province of residence on December 31). Rent and other costs
    are paid for the months resident, days resident / days in the year x 12. RRSP contributions
    are deducted in year one only up to ``rrsp_room``, the RRSP deduction limit (default 0: a
    newcomer without earned income reported in Canada the year before has none); the rest is
    ``rrsp_not_deducted``. The full year deducts them all.
    """
    room = _check_room(rrsp_room)
    a, s = _check_dates(year, arrival, start)
    p = residence_fraction(a, year)
    jan1 = a == dt.date(int(year), 1, 1)
    months = 12.0 * p
    yo = first_year_offer(offer, year, s, pay_periods, bonus)
    year_one = evaluate_many(
        [yo],
        year,
        bedrooms,
        rent_basis,
        rent,
        other_costs,
        residence_fraction=p,
        resident_jan1=jan1,
        months=months,
        rrsp_room=room,
    )[0]
    full_year = evaluate_many([offer.without_one_time()], year, bedrooms, rent_basis, rent, other_costs)[0]
    flow = monthly_cash_flow(
        offer, year, s, arrival=a, pay_periods=pay_periods, bonus=bonus, rrsp_room=room
    )
    return FirstYearEvaluation(
        year=int(year),
        arrival=a,
        start=s,
        days_resident=days_resident(a, year),
        days_in_year=days_in_year(year),
        residence_fraction=p,
        resident_jan1=jan1,
        pay_periods=pay_periods,
        bonus_rule=bonus,
        year_one=year_one,
        full_year=full_year,
        settlement=dict(flow.attrs["settlement"]),
        rrsp_room=room,
        rrsp_not_deducted=_rrsp_not_deducted(yo, room),
    )


# --------------------------------------------------------------------------- payroll


def per_period_exemption(basic_exemption: float, pay_periods: int) -> float:
    """CPP/QPP basic exemption per pay: 3,500 / P, truncated to the cent (CRA, "Manual calculation
    for CPP": "Do not round off to the nearest cent ... $3,500 / 52 = $67.30"): 291.66 monthly,
    145.83 semi-monthly, 134.61 biweekly, 67.30 weekly."""
    return float(np.floor(round(basic_exemption / pay_periods * 100.0, 6)) / 100.0)


def _capped(raw: FloatArray, maximum: float) -> FloatArray:
    """Amounts withheld per pay until their year-to-date total reaches ``maximum`` (with one
    employer), then nothing: the last pay takes only what is left."""
    cumulative = np.minimum(np.cumsum(raw), maximum)
    return np.diff(cumulative, prepend=0.0)


def _withheld_tax(
    regular: FloatArray, lump: FloatArray, deductions: FloatArray, t: Year, pay_periods: int
) -> FloatArray:
    """Income tax withheld per pay, an approximation of CRA's T4127 (and Québec's TP-1015.F).

    Regular pay is annualized (x P) and taxed with the engine as for a resident all year with full
    TD1 claim amounts (payroll does not prorate them); the pay's share is that tax / P. A lump sum
    paid with it (signing, relocation or annual bonus) is taxed by T4127's bonus method: tax on
    (annualized pay + lump) - tax on annualized pay.
    """
    annual = pay_periods * regular
    ded = pay_periods * deductions
    both = compute(Incomes(np.concatenate((annual, annual + lump)), deductions=np.concatenate((ded, ded))), t)
    tax = both["federal_tax"] + both["provincial_tax"]
    n = regular.shape[0]
    return round_cents(tax[:n] / pay_periods + (tax[n:] - tax[:n]))


#: Columns of :func:`monthly_cash_flow`, in order (amounts in dollars per pay period).
CASH_FLOW_COLUMNS: tuple[str, ...] = (
    "pay_date",
    "period_start",
    "period_end",
    "days_employed",
    "salary",
    "bonus",
    "signing_bonus",
    "relocation_bonus",
    "gross_pay",
    "taxable_pay",
    "cpp",
    "cpp2",
    "ei",
    "qpip",
    "income_tax",
    "other_withholdings",
    "net_pay",
    "moving_reimbursement",
    "cum_gross_pay",
    "cum_cpp",
    "cum_cpp2",
    "cum_ei",
    "cum_qpip",
    "cum_income_tax",
    "cum_net_pay",
)

#: Per-period amounts that add up over a month (every column but the dates and running totals).
_SUMMED = tuple(
    c for c in CASH_FLOW_COLUMNS if c not in ("pay_date", "period_start", "period_end") and not c.startswith("cum_")
)


def monthly_cash_flow(
    offer: Offer,
    year: int,
    start: dt.date | str,
    arrival: dt.date | str | None = None,
    pay_periods: int = 12,
    *,
    bonus: str = "next_year",
    bonus_paid: dt.date | str | None = None,
    relocation_paid: dt.date | str | None = None,
    by: str = "period",
    rrsp_room: float = 0.0,
) -> pd.DataFrame:
    """The pay cheques of the first year, from ``start`` to December 31: one row per pay period
    (``by='period'``) or per calendar month of the pay dates (``by='month'``, pays summed).

    Per pay (amounts in dollars; ``cpp``/``cpp2`` are QPP/QPP2 in Québec):

    - ``gross_pay``: cash paid: salary (as :func:`first_year_offer`), the annual bonus by ``bonus``
      on the last pay of the year (or on the pay covering ``bonus_paid``), the signing bonus on the
      first pay, the relocation bonus on the first pay (or on the pay covering
      ``relocation_paid``), cash-settled equity. ``taxable_pay`` adds income not paid in cash
      (shares vested, taxable benefits, employer RRSP contributions).
    - ``cpp``: (rate) x (pensionable pay - 3,500 / P truncated to the cent), until the year-to-date
      total reaches the annual maximum (not prorated for a mid-year hire; CRA, "About the deduction
      of CPP contributions"). ``cpp2``: 4% of year-to-date pensionable earnings between the YMPE
      and the YAMPE, so only once the YMPE is passed.
    - ``ei`` / ``qpip``: rate x insurable pay until the annual maximum premium is reached.
    - ``income_tax``: federal + provincial tax withheld, by annualization (:func:`_withheld_tax`);
      payroll uses full TD1 claim amounts, so it withholds more than a newcomer owes.
    - ``other_withholdings``: the employee's RRSP and pension contributions taken from pay.
    - ``net_pay`` = gross_pay - cpp - cpp2 - ei - qpip - income_tax - other_withholdings.
    - ``moving_reimbursement``: repayment of actual moving costs, on the first pay: not income, not
      in ``gross_pay`` or ``net_pay``.
    - ``cum_*``: totals to date.

    ``result.attrs['settlement']``: what the return filed in the spring of ``year + 1`` settles,
    withheld minus due, positive for a refund: ``cpp_overpayment`` (line 44800; Québec TP-1 line
    445), ``ei_overpayment`` (line 45000), ``qpip_overpayment`` (TP-1 line 459), ``tax_refund``
    (tax withheld - tax due on the part-year return) and ``total``. The amounts due come from the
    year-one evaluation (residence from ``arrival``, default ``start``), whose RRSP deduction is
    capped at ``rrsp_room`` (default 0, see :func:`evaluate_first_year`): payroll withholds as if
    the RRSP contributions were deductible, so without room the return claws the difference back.
    """
    room = _check_room(rrsp_room)
    s = _as_date(start, "start")
    a, s = _check_dates(year, s if arrival is None else arrival, s)
    if by not in ("period", "month"):
        raise NetpayError(f"by must be 'period' or 'month', not {by!r}")
    place = _cities.city(offer.city)
    t = Year.load(place.province, year)
    quebec = t.quebec
    periods, amounts, bonus_amount = _components(offer, year, s, pay_periods, bonus)
    n = len(periods)
    zeros = np.zeros(n)

    def lump_at(amount: float, day: Any, default: int) -> FloatArray:
        out = zeros.copy()
        k = default if day is None else _period_of(_as_date(day, "payment date"), periods)
        out[k] += amount
        return out

    salary = amounts["base_salary"]
    bonus_col = lump_at(bonus_amount, bonus_paid, n - 1)
    signing = lump_at(offer.signing_bonus, None, 0)
    relocation = lump_at(offer.relocation_bonus, relocation_paid, 0)
    moving = lump_at(offer.moving_reimbursement, None, 0)
    equity = amounts["equity_vesting"]
    equity_cash = equity if offer.equity_settlement == "cash" else zeros
    equity_shares = equity - equity_cash
    employer_rrsp = amounts["employer_rrsp_match"]
    lump = bonus_col + signing + relocation
    gross = salary + equity_cash + lump
    taxable = gross + equity_shares + amounts["taxable_benefits"] + employer_rrsp
    pensionable = taxable + (amounts["non_taxable_benefits"] if quebec else zeros)
    insurable = gross + (zeros if offer.group_rrsp_locked else employer_rrsp)
    deductions = employer_rrsp + amounts["employee_rrsp"] + amounts["employee_pension"]
    other = amounts["employee_rrsp"] + amounts["employee_pension"]

    plan = t.payroll.qpp if quebec else t.payroll.cpp
    exemption = per_period_exemption(plan.basic_exemption, pay_periods)
    cpp = _capped(
        round_cents(plan.first_tier_rate * np.maximum(pensionable - exemption, 0.0)), plan.max_first_tier
    )
    ytd = np.cumsum(pensionable)
    above = np.clip(ytd, plan.ympe, plan.yampe) - plan.ympe
    cpp2 = _capped(
        round_cents(plan.second_additional_rate * np.diff(above, prepend=0.0)), plan.max_second_tier
    )
    ei_rate = t.payroll.ei.quebec_rate if quebec else t.payroll.ei.rate
    ei_max = float(round_cents(ei_rate * t.payroll.ei.max_insurable_earnings))
    ei = _capped(round_cents(ei_rate * insurable), ei_max)
    if quebec:
        qpip_max = float(round_cents(t.payroll.qpip.rate * t.payroll.qpip.max_insurable_earnings))
        qpip = _capped(round_cents(t.payroll.qpip.rate * insurable), qpip_max)
    else:
        qpip = zeros.copy()
    tax = _withheld_tax(taxable - lump, lump, deductions, t, pay_periods)
    net = round_cents(gross - cpp - cpp2 - ei - qpip - tax - other)

    frame = pd.DataFrame(
        {
            "pay_date": periods["pay_date"],
            "period_start": periods["period_start"],
            "period_end": periods["period_end"],
            "days_employed": periods["days_employed"],
            "salary": salary,
            "bonus": bonus_col,
            "signing_bonus": signing,
            "relocation_bonus": relocation,
            "gross_pay": round_cents(gross),
            "taxable_pay": round_cents(taxable),
            "cpp": cpp,
            "cpp2": cpp2,
            "ei": ei,
            "qpip": qpip,
            "income_tax": tax,
            "other_withholdings": other,
            "net_pay": net,
            "moving_reimbursement": moving,
        }
    )
    if by == "month":
        month = frame["pay_date"].map(lambda d: dt.date(d.year, d.month, 1))
        grouped = frame.groupby(month, sort=True)
        frame = grouped[list(_SUMMED)].sum()
        frame.insert(0, "period_end", grouped["period_end"].max())
        frame.insert(0, "period_start", grouped["period_start"].min())
        frame.insert(0, "pay_date", grouped["pay_date"].max())
        frame = frame.reset_index(drop=True)
    for col in ("gross_pay", "cpp", "cpp2", "ei", "qpip", "income_tax", "net_pay"):
        frame[f"cum_{col}"] = round_cents(frame[col].cumsum().to_numpy())
    frame = frame[list(CASH_FLOW_COLUMNS)]

    # what the part-year return settles
    yo = first_year_offer(offer, year, s, pay_periods, bonus)
    p = residence_fraction(a, year)
    due = _taxes(
        [yo],
        place.province,
        year,
        residence_fraction=p,
        resident_jan1=a == dt.date(int(year), 1, 1),
        rrsp_room=room,
    )
    due1 = {k: float(v[0]) for k, v in due.items()}
    withheld_pension = float(frame["cpp"].sum() + frame["cpp2"].sum())
    withheld_tax = float(frame["income_tax"].sum())
    settlement = {
        "cpp_withheld": round(withheld_pension, 2),
        "cpp_due": due1["cpp"],
        "cpp_overpayment": round(withheld_pension - due1["cpp"], 2),
        "ei_withheld": round(float(frame["ei"].sum()), 2),
        "ei_due": due1["ei"],
        "ei_overpayment": round(float(frame["ei"].sum()) - due1["ei"], 2),
        "qpip_withheld": round(float(frame["qpip"].sum()), 2),
        "qpip_due": due1["qpip"],
        "qpip_overpayment": round(float(frame["qpip"].sum()) - due1["qpip"], 2),
        "tax_withheld": round(withheld_tax, 2),
        "tax_due": round(due1["federal_tax"] + due1["provincial_tax"], 2),
    }
    settlement["tax_refund"] = round(settlement["tax_withheld"] - settlement["tax_due"], 2)
    settlement["total"] = round(
        settlement["cpp_overpayment"]
        + settlement["ei_overpayment"]
        + settlement["qpip_overpayment"]
        + settlement["tax_refund"],
        2,
    )
    frame.attrs["settlement"] = settlement
    frame.attrs["settled_in"] = f"spring {int(year) + 1}"
    frame.attrs["year"] = int(year)
    frame.attrs["arrival"] = a
    frame.attrs["start"] = s
    frame.attrs["pay_periods"] = pay_periods
    frame.attrs["province"] = place.province
    frame.attrs["city"] = place.name
    frame.attrs["label"] = offer.name
    frame.attrs["bonus_rule"] = bonus
    frame.attrs["rrsp_room"] = room
    return frame


def spring_settlement(cash_flow: pd.DataFrame) -> pd.Series:
    """The settlement of a :func:`monthly_cash_flow` as a Series (positive: a refund)."""
    return pd.Series(cash_flow.attrs["settlement"], name=cash_flow.attrs.get("settled_in"))


# --------------------------------------------------------------------------- plot


def plot_monthly_cash_flow(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The pay cheques and the spring settlement of a :func:`monthly_cash_flow`: an alias of
    :func:`netpay.plot.pay_cheques` (matplotlib is imported only when it is called)."""
    from netpay import plot

    return plot.pay_cheques(df, ax)
