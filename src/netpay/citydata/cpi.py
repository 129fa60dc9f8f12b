"""The Consumer Price Index (Statistics Canada Tables 18-10-0005-01, annual, and 18-10-0004-01,
monthly; 2002 = 100), used to bring a basket figure from its reference year to the evaluated year.

``data/costs/cpi.csv`` holds Canada all-items (and some provincial and component) values, each with
its source. For a year:

- an annual average (Table 18-10-0005-01) is used when netpay has one;
- else the mean of the months netpay has for that year — **projected** (a partial year);
- else, for a later year, the last known year grown by the latest 12-month change (latest month over
  the same month a year earlier) for each year beyond — **projected**.

A year before netpay's first CPI figure raises :class:`netpay.errors.NoDataError` naming what it has.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from netpay.citydata.cited import CitedFigure, cited
from netpay.errors import NoDataError

CPI_FILE = "costs/cpi.csv"
CPI_TABLES = "Statistics Canada Tables 18-10-0005-01 (annual) and 18-10-0004-01 (monthly), all-items, Canada"


class IndexValue(NamedTuple):
    """The CPI for one year, how it was obtained and whether it is projected or every figure verified."""

    value: float
    how: str
    status: str  # 'verified', 'unverified' or 'projected'


@functools.cache
def cpi_series(geo: str = "Canada", item: str = "all_items") -> tuple[dict[int, CitedFigure], dict[str, CitedFigure]]:
    """(year -> annual row, 'YYYY-MM' -> monthly row) of one CPI series."""
    annual: dict[int, CitedFigure] = {}
    monthly: dict[str, CitedFigure] = {}
    for r in cited(CPI_FILE):
        if r.geo == geo and r.item == item:
            if len(r.period) == 4:
                annual[int(r.period)] = r
            else:
                monthly[r.period] = r
    return annual, monthly


def latest_yearly_change() -> tuple[float, str]:
    """The latest month's CPI over the same month a year earlier, and which months those are."""
    _, monthly = cpi_series()
    last = max(monthly)
    before = f"{int(last[:4]) - 1}{last[4:]}"
    if before not in monthly:
        raise NoDataError(f"{CPI_FILE} has {last} but not {before}: cannot project the CPI")
    return monthly[last].amount / monthly[before].amount, f"{last} / {before}"


def cpi(year: int) -> IndexValue:
    """The Canada all-items CPI for ``year`` (2002 = 100), see the module docstring.

    >>> cpi(2024).value
    160.9
    """
    annual, monthly = cpi_series()
    if year in annual:
        row = annual[year]
        return IndexValue(row.amount, f"annual average {year}", row.status)
    months = sorted(p for p in monthly if p.startswith(f"{year}-"))
    if months:
        value = sum(monthly[p].amount for p in months) / len(months)
        return IndexValue(
            value, f"mean of {len(months)} months {months[0]} to {months[-1]} (year not complete)", "projected"
        )
    known = sorted({*annual, *(int(p[:4]) for p in monthly)})
    if not known or year < known[0]:
        raise NoDataError(
            f"netpay has no CPI for {year}: {CPI_FILE} covers {known[0] if known else '-'} to "
            f"{known[-1] if known else '-'}; add the year from Table 18-10-0005-01"
        )
    previous = cpi(year - 1)
    change, months_used = latest_yearly_change()
    return IndexValue(previous.value * change, f"{year - 1} x the latest 12-month change ({months_used})", "projected")


def latest_cpi_year() -> int:
    """The latest year netpay has a CPI figure (annual or a month) for: the default evaluated year."""
    annual, monthly = cpi_series()
    return max([*annual, *(int(p[:4]) for p in monthly)])


class CpiFactor(NamedTuple):
    """CPI(to) / CPI(from), with a sentence saying how, and 'projected' when either year is."""

    factor: float
    how: str
    status: str


def cpi_factor(from_year: int, to_year: int) -> CpiFactor:
    """How much prices rose from ``from_year`` to ``to_year``: CPI(to) / CPI(from) (1 for the same year).

    >>> round(cpi_factor(2024, 2025).factor, 4)  # 164.2 / 160.9
    1.0205
    """
    if from_year == to_year:
        return CpiFactor(1.0, f"no CPI adjustment ({from_year} figures for {to_year})", "verified")
    a, b = cpi(from_year), cpi(to_year)
    statuses = {a.status, b.status}
    status = "projected" if "projected" in statuses else ("unverified" if "unverified" in statuses else "verified")
    how = f"x CPI {to_year} / CPI {from_year} = {b.value:.2f} / {a.value:.2f} ({b.how}; {a.how}; {CPI_TABLES})"
    return CpiFactor(b.value / a.value, how, status)
