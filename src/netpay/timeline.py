"""The move to Canada: arrival and start dates, validated once, and the residence they give.

An employee who becomes resident in Canada on ``arrival`` (having had only foreign income before)
and starts work on ``start`` pays Canadian tax only on the income of the residence period (ITA
s. 114): the year of arrival is a year with a residence fraction (days resident / days in the year,
arrival day counted) and no residence on January 1 (unless arriving that day). Later years are full.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from netpay.components import FULL_YEAR, Residence
from netpay.errors import InvalidIncomeError, NetpayError
from netpay.money import as_amount
from netpay.tables import check_year

#: Pay frequencies: periods a year -> name.
PAY_PERIODS: dict[int, str] = {12: "monthly", 24: "semi-monthly", 26: "biweekly", 52: "weekly"}

#: How the annual bonus is treated in the first year (``bonus_rule``):
#: 'next_year': the bonus for year one is paid in the following year (nothing in year one);
#: 'prorated': bonus x days employed / days in the year, paid on the last pay of the year;
#: 'full': the whole annual bonus, paid on the last pay of the year (e.g. a guaranteed bonus).
BONUS_RULES: tuple[str, ...] = ("next_year", "prorated", "full")


def as_date(value: Any, name: str) -> dt.date:
    """``value`` as a date: a ``datetime.date`` (a datetime gives its day) or 'YYYY-MM-DD'."""
    if isinstance(value, np.datetime64) and not np.isnat(value):
        return dt.date.fromisoformat(str(value.astype("datetime64[D]")))
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


def tax_year_of(year: Any, day: dt.date) -> int:
    """The calendar year of a tax year: ``year`` as a whole number (``None``: the year of ``day``).
    Days and fractions need no tax table, so any year is taken (``check_year``'s errors otherwise)."""
    if year is None:
        return day.year
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        check_year(year)  # the same error as everywhere for 2026.5, '2026', True ...
    return int(year)


def check_in_year(day: dt.date, year: int, name: str) -> None:
    """An error unless ``day`` falls in tax ``year``."""
    if day.year != int(year):
        raise NetpayError(
            f"{name} {day.isoformat()} is not in tax year {year}: it must fall between {year}-01-01 and {year}-12-31"
        )


def days_resident(arrival: dt.date | str, year: int) -> int:
    """Days resident in Canada in ``year`` for a person arriving on ``arrival``: from the arrival day
    to December 31, both counted (CRA's newcomer examples count the arrival day: 6 May 2024 gives
    240 days)."""
    day = as_date(arrival, "arrival")
    y = tax_year_of(year, day)
    check_in_year(day, y, "arrival")
    return (dt.date(y, 12, 31) - day).days + 1


def residence_fraction(arrival: dt.date | str, year: int) -> float:
    """Days resident / days in the year: the share of the personal amounts a newcomer claims.

    ``days_resident(arrival, year) / days_in_year(year)``; 1.0 for an arrival on January 1.
    CRA, "Federal non-refundable tax credits for newcomers and emigrants": "240 days in Canada
    divided by 366 days in 2024 times by $15,705 equals $10,298.36". An arrival outside ``year``
    is an error.

    >>> round(residence_fraction(dt.date(2026, 6, 1), 2026) * 365)
    214
    """
    y = tax_year_of(year, as_date(arrival, "arrival"))
    return days_resident(arrival, y) / days_in_year(y)


def check_room(rrsp_room: Any) -> float:
    """``rrsp_room`` as dollars (``netpay.money.as_amount``), or an error saying what it is."""
    try:
        return as_amount(rrsp_room, "rrsp_room")
    except InvalidIncomeError as exc:
        raise InvalidIncomeError(
            f"{exc} (rrsp_room is the RRSP deduction limit for the year in dollars; a newcomer with no "
            "earned income reported in Canada has 0)"
        ) from None


@dataclass(frozen=True)
class Arrival:
    """The year of arrival in Canada, validated once: dates in ``year``, ``start`` (default: the
    arrival day) not before ``arrival``, a known pay frequency and bonus rule, RRSP room >= 0
    (the RRSP deduction limit of year one: 0 for a newcomer without earned income reported in
    Canada the year before)."""

    year: int
    arrival: dt.date
    start: dt.date
    pay_periods: int = 12
    bonus_rule: str = "next_year"
    rrsp_room: float = 0.0

    @classmethod
    def of(
        cls,
        year: int,
        arrival: Any,
        start: Any = None,
        pay_periods: int = 12,
        bonus_rule: str = "next_year",
        rrsp_room: Any = 0.0,
    ) -> Arrival:
        """Validate and build: dates may be 'YYYY-MM-DD' strings; ``start=None`` is the arrival day."""
        if arrival is None:
            raise NetpayError("give arrival, the date the person becomes resident in Canada (start defaults to it)")
        a = as_date(arrival, "arrival")
        year = tax_year_of(year, a)
        check_in_year(a, year, "arrival")
        s = a if start is None else as_date(start, "start")
        check_in_year(s, year, "start")
        if s < a:
            raise NetpayError(
                f"start {s.isoformat()} is before arrival {a.isoformat()}: netpay taxes only work done "
                "while resident in Canada (income earned abroad before arrival is not Canadian income)"
            )
        if pay_periods not in PAY_PERIODS or isinstance(pay_periods, bool):
            raise NetpayError(f"pay_periods must be one of {sorted(PAY_PERIODS)}, not {pay_periods!r}")
        if bonus_rule not in BONUS_RULES:
            raise NetpayError(f"bonus must be one of {BONUS_RULES}, not {bonus_rule!r}")
        return cls(int(year), a, s, int(pay_periods), bonus_rule, check_room(rrsp_room))

    @property
    def days_resident(self) -> int:
        """Days from arrival to December 31, both counted."""
        return days_resident(self.arrival, self.year)

    @property
    def days_in_year(self) -> int:
        return days_in_year(self.year)

    @property
    def resident_jan1(self) -> bool:
        """Resident on January 1 only when arriving that day."""
        return self.arrival == dt.date(self.year, 1, 1)

    @property
    def residence(self) -> Residence:
        """The residence of year one, for the tax engine."""
        return Residence(self.days_resident / self.days_in_year, self.resident_jan1)

    @property
    def months(self) -> float:
        """Months resident in year one: 12 x the residence fraction (rent is paid for these)."""
        return 12.0 * self.residence.fraction


# --------------------------------------------------------------------------- a horizon of years

#: The longest horizon netpay evaluates, in years.
MAX_HORIZON = 40


@dataclass(frozen=True)
class HorizonYear:
    """One year of a horizon: ``index`` 0 is year one (the year of arrival with a move), then the
    calendar years after it, each resident all year."""

    index: int
    year: int
    residence: Residence

    @property
    def months(self) -> float:
        """Months the year covers: 12, or the months resident in the year of arrival."""
        return 12.0 * self.residence.fraction


def check_horizon(horizon: Any) -> int:
    """``horizon`` as a number of years, 1 to :data:`MAX_HORIZON`, or an error saying what it is."""
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or not 1 <= horizon <= MAX_HORIZON:
        raise NetpayError(
            f"horizon must be a whole number of years from 1 to {MAX_HORIZON} (e.g. horizon=4), not {horizon!r}"
        )
    return int(horizon)


def check_discount_rate(rate: Any) -> float:
    """``rate`` as a yearly discount rate, a fraction from 0 to under 1 (0.05 is 5%), or an error."""
    if isinstance(rate, bool) or not isinstance(rate, int | float | np.integer | np.floating):
        raise NetpayError(f"discount_rate must be a number such as 0.05 (5% a year), not {rate!r}")
    value = float(rate)
    if not 0.0 <= value < 1.0:
        hint = f": for {value:g}% write discount_rate={value / 100:g}" if 1.0 <= value < 100.0 else ""
        raise NetpayError(f"discount_rate is a fraction a year from 0 to under 1 (0.05 is 5%), not {rate!r}{hint}")
    return value


def horizon_years(year: int, horizon: int, move: Arrival | None = None) -> tuple[HorizonYear, ...]:
    """The years of a horizon of ``horizon`` years from tax ``year``: year one at the residence of
    ``move`` (part-year from the arrival day) or resident all year, then full years.

    >>> [(y.year, round(y.months, 2)) for y in horizon_years(2026, 3, Arrival.of(2026, "2026-07-01"))]
    [(2026, 6.05), (2027, 12.0), (2028, 12.0)]
    """
    n = check_horizon(horizon)
    first = move.residence if move is not None else FULL_YEAR
    return tuple(HorizonYear(k, int(year) + k, first if k == 0 else FULL_YEAR) for k in range(n))
