"""Other monthly costs of living in a city (transit pass, ...): ``data/costs/other_costs.csv``, with sources.

One row per (city, item, period); a figure may be given per month, year or week (``unit``) and
:attr:`Cost.monthly` turns it into dollars a month. The latest period of each item is the one used.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from netpay.citydata.registry import City, city
from netpay.citydata.rows import SOURCE_COLUMNS, CsvRow, latest_row, load_rows

if TYPE_CHECKING:
    import pandas as pd

COSTS_FILE = "costs/other_costs.csv"
#: Columns of ``data/costs/other_costs.csv``, in order.
COST_COLUMNS: tuple[str, ...] = (
    "city",
    "item",
    "amount",
    "unit",
    "period",
    *SOURCE_COLUMNS,
)

#: Monthly equivalent of one dollar in each cost unit.
PER_MONTH: dict[str, float] = {"CAD/month": 1.0, "CAD/year": 1.0 / 12.0, "CAD/week": 52.0 / 12.0}


class Cost(CsvRow):
    """One other cost of living in a city: ``amount`` per ``unit`` (``monthly`` gives dollars a month)."""

    item: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    unit: Literal["CAD/month", "CAD/year", "CAD/week"]

    @property
    def monthly(self) -> float:
        """The amount in dollars a month (a yearly figure / 12, a weekly one x 52 / 12)."""
        return self.amount * PER_MONTH[self.unit]


@functools.cache
def load_costs() -> tuple[Cost, ...]:
    """Every row of ``data/costs/other_costs.csv``, validated; one per (city, item, period)."""
    return load_rows(COSTS_FILE, COST_COLUMNS, Cost, ("city", "item", "period"))


@functools.cache
def latest_costs() -> dict[str, dict[str, Cost]]:
    """City -> item -> the row of the item's latest period, items in alphabetical order."""
    series: dict[str, dict[str, list[Cost]]] = {}
    for row in load_costs():
        series.setdefault(row.city, {}).setdefault(row.item, []).append(row)
    return {name: {item: latest_row(rows) for item, rows in sorted(items.items())} for name, items in series.items()}


def other_costs(city_name: str | City) -> dict[str, Cost]:
    """Other monthly costs in ``city_name`` (latest period of each item), keyed by item.

    ``Cost.monthly`` gives dollars a month whatever the unit of the source. A city without any
    other-cost figure gives an empty mapping: the comparison then counts rent only, and says so.

    >>> other_costs("Toronto")["transit_pass"].unit
    'CAD/month'
    """
    return dict(latest_costs().get(city(city_name).name, {}))


def costs() -> pd.DataFrame:
    """All other-cost figures as a tidy frame in the ``other_costs.csv`` format, plus ``monthly``."""
    import pandas as pd  # loaded on first use: importing netpay stays quick

    rows = [{**r.model_dump(), "monthly": r.monthly} for r in load_costs()]
    return pd.DataFrame(rows, columns=[*COST_COLUMNS, "monthly"])
