"""Utilities, home internet and a mobile plan: ``data/costs/utilities.csv``, and which of them the
Market Basket Measure already holds, so that nothing is counted twice.

- **Electricity (and heat)** is inside the MBM's *shelter* component (median rent of a 2- or
  3-bedroom unit *including* electricity, heat, water and appliances). netpay replaces shelter by
  the user's rent, so electricity is a line of its own only when the rent excludes it
  (``rent_includes_utilities=False``). Figures: Hydro-Québec's *Comparison of Electricity Prices in
  Major North American Cities* (1,000 kWh a month; 2018/2019 editions, later ones not seen).
- **Internet and mobile** are inside the MBM's *other necessities* (2018 base: "including those for
  cellular services"; internet access in "other expenses"), or its *communication services*
  component if the table has one. So they are lines of their own only when the basket's other
  necessities are not counted. Figures: CRTC national averages (2018).

Every figure is the latest period netpay has: for the city when it has one, else for Canada.
"""

from __future__ import annotations

from netpay.citydata.cited import CitedFigure, cited
from netpay.citydata.registry import City, city
from netpay.citydata.rows import latest_row

UTILITIES_FILE = "costs/utilities.csv"
#: The utility items, and the MBM component each is already inside.
INSIDE_BASKET: dict[str, str] = {"electricity": "shelter", "internet": "other", "mobile": "other"}
UTILITY_ITEMS: tuple[str, ...] = tuple(INSIDE_BASKET)


def utility_figure(place: str | City, item: str) -> CitedFigure | None:
    """The latest figure for ``item`` ('electricity', 'internet', 'mobile') in the city, else for
    Canada; None when netpay has neither."""
    where = city(place)
    if item not in INSIDE_BASKET:
        raise ValueError(f"unknown utility item {item!r}: give one of {', '.join(UTILITY_ITEMS)}")
    rows = [r for r in cited(UTILITIES_FILE) if r.item == item]
    own = [r for r in rows if r.geo == where.name]
    national = [r for r in rows if r.geo == "Canada"]
    if own:
        return latest_row(own)
    return latest_row(national) if national else None


def counted_utilities(rent_includes_utilities: bool, basket_other_counted: bool) -> dict[str, bool]:
    """Whether each utility item is added as a line of its own: electricity only when the rent excludes
    it; internet and mobile only when the basket's other necessities are not counted.

    >>> counted_utilities(True, True)
    {'electricity': False, 'internet': False, 'mobile': False}
    """
    inside = {"shelter": rent_includes_utilities, "other": basket_other_counted}
    return {item: not inside[component] for item, component in INSIDE_BASKET.items()}
