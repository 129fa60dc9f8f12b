"""Equity grants of an offer (``netpay.RSU``, ``netpay.StockOptions``) and what they give each tax year.

>>> import datetime as dt
>>> g = RSU(grant_value=160_000, cliff_months=12, frequency="quarterly")
>>> income_in_year([g], dt.date(2026, 6, 15), 2026).employment_income  # the cliff: nothing in 2026
0.0
>>> income_in_year([g], dt.date(2026, 6, 15), 2027).employment_income  # the cliff tranche (25%)
40000.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from netpay.equity.events import VESTING_LIMIT, Grant, as_grants, check_start, events
from netpay.equity.events import tranches as _tranches
from netpay.equity.grants import RSU, StockOptions
from netpay.equity.schedule import PRESETS, Tranche
from netpay.equity_tax import EquityEvent, EquityYear, equity_year

__all__ = [
    "PRESETS",
    "RSU",
    "VESTING_LIMIT",
    "EquityEvent",
    "EquityYear",
    "Grant",
    "StockOptions",
    "Tranche",
    "events",
    "income_in_year",
    "tranches",
]


def tranches(grant: Grant, start: dt.date) -> list[Tranche]:
    """The vests of ``grant`` made on ``start`` (the first day of work): (date, shares, value on
    that date); options' value is the spread over the strike."""
    return _tranches(as_grants(grant)[0], check_start(start))


def income_in_year(grants: Grant | Sequence[Grant], start: dt.date, year: int) -> EquityYear:
    """What ``grants`` (made on ``start``, the first day of work) give in tax ``year``: employment
    income, pensionable and insurable earnings, cash, shares, the option deductions, CCPC benefits
    deferred, and the value received at face value and after the haircut."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be a calendar year such as 2027, not {year!r}")
    return equity_year(events(as_grants(grants), check_start(start)), year)
