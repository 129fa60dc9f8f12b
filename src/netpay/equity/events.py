"""A grant and a start date -> dated tranches and taxable events (vests, exercises).

The $200,000 annual vesting limit (ITA s. 110(1.31); CRA, *Option benefit deductions*) is measured
at the FMV at grant of the options that first become exercisable in each calendar year (the
"vesting year", s. 110(0.1)) and used up by the earliest grants first: grants are taken in the
order given. Within one grant and vesting year the options over the limit are a proportion of each
tranche (the A/B of s. 110(1.31)).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Sequence
from typing import TypeAlias

from netpay.equity.grants import RSU, StockOptions
from netpay.equity.schedule import Tranche, add_months, fractions, growth_factor
from netpay.equity_tax import EquityEvent, figures

Grant: TypeAlias = RSU | StockOptions

#: The annual vesting limit of s. 110(1.31), FMV at grant (CRA, Option benefit deductions; data/equity.yaml).
VESTING_LIMIT = figures().vesting_limit


def vests(grant: Grant, start: dt.date) -> list[tuple[dt.date, float]]:
    """(date, shares) of each vest of ``grant`` made on ``start``."""
    total = grant.total_shares if isinstance(grant, RSU) else grant.shares
    return [
        (add_months(start, m), total * f)
        for m, f in fractions(grant.years, grant.cliff_months, grant.schedule, grant.frequency)
    ]


def option_value(grant: StockOptions, start: dt.date, on: dt.date) -> float:
    """The value of one share on ``on``: the given value at exercise, or the FMV at grant grown."""
    if grant.value_per_share_at_exercise is not None:
        return grant.value_per_share_at_exercise
    return grant.fmv_at_grant * growth_factor(start, on, grant.price_growth)


def tranches(grant: Grant, start: dt.date) -> list[Tranche]:
    """Each vest of ``grant``: date, shares, and value on that date (RSU: shares x price; options:
    the spread, (value - strike) x shares, not below zero)."""
    if isinstance(grant, RSU):
        p = grant.start_price
        return [Tranche(d, n, n * p * growth_factor(start, d, grant.price_growth)) for d, n in vests(grant, start)]
    return [Tranche(d, n, max(option_value(grant, start, d) - grant.strike, 0.0) * n) for d, n in vests(grant, start)]


def rsu_events(grant: RSU, start: dt.date) -> list[EquityEvent]:
    """One event per tranche, on its vesting date (a warning for cash paid past the 3-year window)."""
    if grant.settlement == "cash":
        warn_salary_deferral(tranches(grant, start)[-1].date, start)
    return [
        EquityEvent(
            date=t.date,
            kind="rsu",
            shares=t.shares,
            value=t.value,
            settlement=grant.settlement,
            tax_paid=grant.tax_paid,
            haircut=grant.haircut,
        )
        for t in tranches(grant, start)
    ]


def warn_salary_deferral(last: dt.date, start: dt.date) -> None:
    """Cash-settled units paid after the end of the third year after the year of the services are
    a salary deferral arrangement (ITA 248(1), para. (k) of the definition), taxed as they accrue
    (s. 6(11)); CRA presumes a grant rewards the previous year's services (T.I. 2020-0864831I7).
    netpay taxes each payment when received, so it warns, without modelling the accrual."""
    if last.year > start.year + 2:
        warnings.warn(
            f"cash-settled RSUs paid until {last.isoformat()}, after 31 December {start.year + 2}: CRA may "
            "treat the plan as a salary deferral arrangement (ITA 248(1), para. (k): payment within 3 years "
            "after the year of the services), taxed as the units accrue; netpay taxes each tranche when paid",
            UserWarning,
            stacklevel=4,
        )


def exercise_date(grant: StockOptions, start: dt.date, vested: dt.date) -> dt.date:
    """When a tranche vesting on ``vested`` is exercised: at its vest, or at the fixed anniversary
    (exercise at year n, or the exit) if it has vested by then."""
    n = grant.exercise_years
    return vested if n is None else max(vested, add_months(start, 12 * n))


def option_events(grant: StockOptions, start: dt.date, used: dict[int, float]) -> list[EquityEvent]:
    """One event per tranche, at its exercise; ``used`` is the vesting limit used so far by vesting
    year (updated: this grant's options use it after the earlier grants')."""
    vested = vests(grant, start)
    qualified = {year: 1.0 for year in {d.year for d, _ in vested}}
    if grant.large_employer and not grant.ccpc:
        for year in qualified:
            at_grant = sum(n for d, n in vested if d.year == year) * grant.fmv_at_grant
            room = max(VESTING_LIMIT - used.get(year, 0.0), 0.0)
            qualified[year] = min(room / at_grant, 1.0)
            used[year] = used.get(year, 0.0) + min(at_grant, room)
    sale = None if grant.sale_year is None else add_months(start, 12 * grant.sale_year)
    deferred = grant.ccpc and grant.settlement == "shares"  # a cash-out has no shares to defer to (s. 7(1.1))
    out = []
    for d, n in vested:
        on = exercise_date(grant, start, d)
        out.append(
            EquityEvent(
                date=on,
                kind="option",
                shares=n,
                value=n * option_value(grant, start, on),
                cost=n * grant.strike,
                settlement=grant.settlement,
                haircut=grant.haircut,
                ccpc=deferred,
                sold=(max(sale, on) if sale is not None else on) if deferred else None,
                strike_at_least_fmv=grant.strike >= grant.fmv_at_grant,
                qualified=qualified[d.year],
                quebec_large_employer=grant.quebec_large_employer,
                quebec_innovative_sme=grant.quebec_innovative_sme,
                funding=grant.exercise_funding,
                acquired_or_elected=grant.settlement == "shares" or grant.cash_out_election,
            )
        )
    return out


def events(grants: Iterable[Grant], start: dt.date) -> list[EquityEvent]:
    """Every taxable event of ``grants`` (in grant order), all made on ``start``, by date."""
    used: dict[int, float] = {}
    out: list[EquityEvent] = []
    for g in grants:
        out += rsu_events(g, start) if isinstance(g, RSU) else option_events(g, start, used)
    return sorted(out, key=lambda e: e.date)


def check_start(start: object) -> dt.date:
    """``start`` as a date, or a clear error."""
    if isinstance(start, dt.datetime):
        return start.date()
    if not isinstance(start, dt.date):
        raise TypeError(f"start must be a datetime.date (the first day of work), not {start!r}")
    return start


def as_grants(grants: Grant | Sequence[Grant]) -> list[Grant]:
    """One grant or several, as a list; anything else is refused naming the types."""
    items = [grants] if isinstance(grants, RSU | StockOptions) else list(grants)
    for g in items:
        if not isinstance(g, RSU | StockOptions):
            raise TypeError(f"equity grants are netpay.RSU or netpay.StockOptions, not {g!r}")
    return items
