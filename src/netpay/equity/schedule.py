"""Vesting schedules: yearly percentages, a cliff and a frequency, turned into dated fractions.

The first vest is at the start date plus the cliff, then every period of the frequency after it
(research/issue12_equity_data.md §5). Within grant year ``y`` the share ``p_y`` vests evenly by
month, so the fraction vested ``m`` months after the start is the full years' percentages plus
``p_y x (m mod 12) / 12``; nothing vests before the cliff, and the cliff vests what has accrued.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

#: Named yearly percentages (secondary sources: levels.fyi community threads, salaryscript.com,
#: Blind; research/issue12_equity_data.md §5): the user's offer letter overrides them.
PRESETS: dict[str, tuple[float, ...]] = {
    "even": (),  # 100 / years each year
    "amazon": (5.0, 15.0, 40.0, 40.0),
    "google_2022": (33.0, 33.0, 22.0, 12.0),
    "google_2024": (38.0, 32.0, 20.0, 10.0),
    "front_40": (40.0, 30.0, 20.0, 10.0),
}

#: Months between vests after the cliff.
PERIOD_MONTHS: dict[str, int] = {"monthly": 1, "quarterly": 3, "annual": 12}


class Tranche(NamedTuple):
    """One vest: its date, the shares (or option shares) vesting, and their value on that date."""

    date: dt.date
    shares: float
    value: float


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus whole months, on the same day of the month (the last day if shorter: 31 Jan + 1
    month is 28 or 29 Feb)."""
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def yearly_percents(schedule: str | tuple[float, ...], years: int) -> tuple[float, ...]:
    """The percentage vesting in each grant year: a preset's, or ``schedule`` itself."""
    if isinstance(schedule, str):
        schedule = PRESETS[schedule]
    return schedule if schedule else tuple(100.0 / years for _ in range(years))


def vested_fraction(months: int, percents: tuple[float, ...]) -> float:
    """The fraction of the grant accrued ``months`` after the start (before the cliff is applied)."""
    full, part = divmod(months, 12)
    if full >= len(percents):
        return 1.0
    return (sum(percents[:full]) + percents[full] * part / 12.0) / 100.0


def vest_months(years: int, cliff_months: int, period: int) -> list[int]:
    """Months after the start on which shares vest: the cliff, then every ``period`` months after it
    (the first period's month when there is no cliff), to the end of the last year."""
    total = years * 12
    later = [m for m in range(period, total + 1, period) if m > cliff_months]
    if total % period:
        later.append(total)
    return ([cliff_months] if cliff_months > 0 else []) + later


def fractions(
    years: int, cliff_months: int, schedule: str | tuple[float, ...], frequency: str
) -> list[tuple[int, float]]:
    """(months after the start, fraction of the grant vesting then) for each vest, zeros left out."""
    percents = yearly_percents(schedule, years)
    out, before = [], 0.0
    for m in vest_months(years, cliff_months, PERIOD_MONTHS[frequency]):
        now = vested_fraction(m, percents)
        if now - before > 1e-12:
            out.append((m, now - before))
        before = now
    return out


def growth_factor(start: dt.date, on: dt.date, growth: float) -> float:
    """The price on ``on`` relative to the start date, at ``growth`` a year compounded by the day
    (years = days / 365.25), so a day's shift of the start moves the price a little."""
    return float((1.0 + growth) ** ((on - start).days / 365.25))
