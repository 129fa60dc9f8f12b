"""The pay calendar of a year: periods, the ones worked from a start date, and what each pays."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np
import pandas as pd

from netpay.errors import NetpayError
from netpay.money import FloatArray, round_cents
from netpay.timeline import PAY_PERIODS


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


def employed_periods(year: int, start: dt.date, pay_periods: int) -> pd.DataFrame:
    """The pay periods from the one containing ``start`` on, with ``days_employed`` and ``share``
    (days employed in the period / days in the period)."""
    s = pay_schedule(year, pay_periods)
    s = s[s["period_end"] >= start].reset_index(drop=True)
    first_day = s["period_start"].map(lambda d: max(d, start))
    s["days_employed"] = [(e - f).days + 1 for f, e in zip(first_day, s["period_end"], strict=True)]
    length = [(e - b).days + 1 for b, e in zip(s["period_start"], s["period_end"], strict=True)]
    s["share"] = s["days_employed"] / np.asarray(length, dtype=np.float64)
    return s


def per_period(amount: float, shares: FloatArray, pay_periods: int) -> FloatArray:
    """An annual amount paid as ``amount / P`` each period, a period worked in part paying that
    share of it; each pay rounded to the cent."""
    return round_cents(amount / pay_periods * shares)


def period_of(day: dt.date, periods: pd.DataFrame) -> int:
    """Index of the period (among ``periods``) whose days contain ``day``."""
    hits = np.flatnonzero((periods["period_start"] <= day).to_numpy() & (periods["period_end"] >= day).to_numpy())
    if hits.size == 0:
        first, last = periods["period_start"].iloc[0], periods["period_end"].iloc[-1]
        raise NetpayError(f"payment date {day.isoformat()} is outside the periods paid, {first} to {last}")
    return int(hits[0])
