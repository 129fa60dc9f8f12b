"""The Market Basket Measure (Statistics Canada Table 11-10-0066-01): Canada's official poverty line,
priced per MBM region, and what netpay takes from it.

- **What it is.** The cost of a *modest, basic* standard of living for a reference family of four
  (two adults, two children) in an MBM region: food, clothing and footwear, transportation, shelter
  and other necessities. It is not a typical spend (see :func:`basket_multiplier`).
- **Regions.** Each city uses its CMA's region, or its province's population size class where it has
  none (``City.mbm_region``, ``City.mbm_size_class`` in ``data/cities.yaml``).
- **Family size.** Threshold for n people = reference family's x √n / 2 (Statistics Canada's
  square-root scale; it reproduces the published family-size table, rounded half up:
  :func:`published_threshold`).
- **Shelter is not added**: netpay's rent is the shelter. The totals are shown for reference only.
- **Bases are never mixed**: a region's figures come from one base year (the newest that has them).

Data: ``data/costs/basket.csv`` (annual dollars, reference family, current dollars), refreshed from
the official download with :func:`netpay.citydata.mbm.load_mbm_thresholds`.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any, NamedTuple

from netpay.citydata.cited import CITED_COLUMNS, CitedFigure, read_cited
from netpay.citydata.registry import City, city
from netpay.errors import NoDataError

if TYPE_CHECKING:
    import pandas as pd

BASKET_FILE = "costs/basket.csv"
#: Columns of ``data/costs/basket.csv``: the cited columns with the MBM ``base`` after ``geo``.
BASKET_COLUMNS: tuple[str, ...] = (CITED_COLUMNS[0], "base", *CITED_COLUMNS[1:])
#: People in the MBM reference family (two adults, two children).
REFERENCE_FAMILY = 4
#: The components netpay adds to rent, in the order shown (shelter is the rent itself).
SHOWN_COMPONENTS: tuple[str, ...] = ("food", "clothing", "transportation", "other")
#: Every component name a basket row may carry ('communication': the 2023 base's separate
#: communication services component, if the table has it; 'total' includes shelter).
COMPONENTS: tuple[str, ...] = (*SHOWN_COMPONENTS, "communication", "shelter", "total")
#: How netpay names each component in its output.
COMPONENT_LABELS: dict[str, str] = {
    "food": "food",
    "clothing": "clothing and footwear",
    "transportation": "transportation",
    "other": "other necessities",
    "communication": "communication services",
    "shelter": "shelter",
    "total": "total threshold",
}
TABLE = "Statistics Canada Table 11-10-0066-01, Market Basket Measure (MBM) thresholds for the reference family"
TABLE_URL = "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1110006601"


class BasketFigure(CitedFigure):
    """One MBM figure: ``amount`` dollars a year for the reference family in region ``geo``, base ``base``."""

    base: str


@functools.cache
def load_basket() -> tuple[BasketFigure, ...]:
    """Every row of ``data/costs/basket.csv``, validated."""
    return read_cited(BASKET_FILE, BASKET_COLUMNS, BasketFigure)


def family_scale(people: int) -> float:
    """The MBM's square-root scale relative to the reference family: √people / 2 (1 person: 0.5).

    >>> family_scale(4), family_scale(1)
    (1.0, 0.5)
    """
    return math.sqrt(check_people(people)) / 2.0


def published_threshold(reference_family: float, people: int) -> int:
    """The threshold for ``people`` as Statistics Canada publishes it: reference family x √n / 2,
    rounded half up to a whole dollar (Moncton 2015: 35,493 / 2 = 17,746.5 -> published 17,747)."""
    return math.floor(reference_family * family_scale(people) + 0.5)


def check_people(people: Any) -> int:
    """``people`` as a whole number of 1 or more; else a NoDataError saying what to give."""
    if isinstance(people, bool) or not isinstance(people, int | float) or people != int(people) or people < 1:
        raise NoDataError(f"the household size must be a whole number of people, 1 or more, not {people!r}")
    return int(people)


class RegionBasket(NamedTuple):
    """One region's basket for one base and year: component -> its row (reference family, a year)."""

    region: str
    base: str
    year: int
    figures: dict[str, BasketFigure]


def _base_rank(base: str) -> int:
    """Sort key of a base name ('2018 base' -> 2018); an unreadable name sorts first."""
    digits = "".join(ch for ch in base if ch.isdigit())[:4]
    return int(digits) if digits else 0


def region_basket(place: str | City, components: tuple[str, ...] = SHOWN_COMPONENTS) -> RegionBasket | None:
    """The latest basket of the city's MBM region that has any of ``components``: the newest base
    with such rows, and in it the latest year (None when netpay has none)."""
    where = city(place)
    rows = [r for r in load_basket() if r.geo == where.mbm_region and r.item in components]
    if not rows:
        return None
    base = max({r.base for r in rows}, key=_base_rank)
    year = max(int(r.period[:4]) for r in rows if r.base == base)
    figures = {r.item: r for r in rows if r.base == base and int(r.period[:4]) == year}
    return RegionBasket(where.mbm_region, base, year, figures)


def region_label(place: City) -> str:
    """'Toronto, Ontario' or 'Ontario, population 500,000 and over (size class: Waterloo Region has no
    MBM region of its own)'."""
    if place.mbm_size_class:
        return f"{place.mbm_region} (size class: {place.name} has no MBM region of its own)"
    return place.mbm_region


def basket_multiplier(basket: Any) -> tuple[float, str]:
    """The factor applied to the basket's components and how the output names it.

    'modest' (or 1): the MBM as published, a modest basic standard. A number > 0 scales it (1.3 =
    30% above the poverty-line basket). 'typical' would need a cited ratio of Survey of Household
    Spending (Table 11-10-0222-01) spending to the MBM components for the same year; netpay has not
    got those cells, so 'typical' is refused with what is missing rather than guessed.
    """
    if basket in (None, "modest"):
        return 1.0, "modest (the MBM as published: Canada's official poverty line, not a typical spend)"
    if basket == "typical":
        raise NoDataError(
            "basket='typical' needs Survey of Household Spending 2023 cells (Table 11-10-0222-01) and "
            "the MBM components for the same region and year; netpay has neither, so it has no cited "
            "'typical / modest' ratio. Give a multiplier instead, e.g. basket=1.3 (30% above the MBM)."
        )
    if isinstance(basket, bool) or not isinstance(basket, int | float) or not math.isfinite(basket) or basket <= 0:
        raise NoDataError(f"basket must be 'modest', 'typical' or a multiplier above 0 such as 1.3, not {basket!r}")
    if basket == 1:
        return 1.0, "modest (the MBM as published: Canada's official poverty line, not a typical spend)"
    return float(basket), f"x {basket:g} of the MBM (a multiplier you chose; the MBM itself is a modest basic standard)"


def thresholds() -> pd.DataFrame:
    """Every MBM figure netpay has, one row per (region, base, component, year), in the file's layout."""
    import pandas as pd  # loaded on first use: importing netpay stays quick

    return pd.DataFrame([r.model_dump() for r in load_basket()], columns=list(BASKET_COLUMNS))
