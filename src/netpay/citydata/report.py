"""``netpay.living_costs``: what living in a city costs a household a month, one row per item."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from netpay.citydata import basket as mbm
from netpay.citydata.cpi import latest_cpi_year
from netpay.citydata.housing import Housing, monthly_costs
from netpay.citydata.living import Living, LivingItem, counted_total, living_items
from netpay.citydata.registry import city, resolved_as

if TYPE_CHECKING:
    import pandas as pd

#: Columns of :func:`living_costs`.
LIVING_COLUMNS: tuple[str, ...] = ("item", "label", "monthly", "source", "period", "status", "counted", "note", "url")


def _rent_item(place: str, housing: Housing) -> LivingItem:
    """The rent as an item (the basket's shelter: netpay's rent replaces it)."""
    costs = monthly_costs(place, housing)
    r = costs.rent
    status = "user override" if r.is_override else ("verified" if r.verified else "unverified")
    note = f"{costs.rent_basis} rent, {housing.bedrooms} bedroom(s) (0 = bachelor); replaces the MBM shelter component"
    return LivingItem("rent", "rent", r.amount, r.source, r.period, status, True, note, r.url)


def _replaced(item: LivingItem, items: list[LivingItem]) -> bool:
    """True for the MBM transportation component when a counted transit pass replaces it."""
    return item.item == "transportation" and any(i.item == "transit_pass" and i.counted for i in items)


def living_costs(
    city_name: str,
    household: Any = None,
    year: int | None = None,
    *,
    bedrooms: int = 1,
    rent_basis: str = "asking",
    rent: float | None = None,
    basket: Any = "modest",
    transit: bool = True,
    rent_includes_utilities: bool = True,
    overrides: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """What living in ``city_name`` costs ``household`` a month in ``year``, one row per item.

    Columns: ``item``, ``label``, ``monthly`` (dollars; NaN when netpay has no figure), ``source``,
    ``period``, ``status`` ('verified', 'unverified', 'projected', 'user override', 'not available'),
    ``counted`` (in the total; False for an item already inside another, e.g. internet inside the
    basket's other necessities, or one not available), ``note`` (how it was obtained) and ``url``.

    Items: the rent (``bedrooms``, ``rent_basis``, or your ``rent``), the Market Basket Measure's food,
    clothing, transportation (replaced by a transit pass per adult when ``transit``) and other
    necessities for the household (None: one adult; a number of people; or an object with
    spouse/children, adults/children or size), scaled by √n / 2 and brought to ``year`` by CPI, times
    ``basket`` ('modest' or a multiplier); electricity when ``rent_includes_utilities`` is False;
    internet and mobile when the basket's other necessities are not counted. ``overrides`` (item ->
    dollars a month) win. Childcare is not included.

    ``attrs``: ``city``, ``cma``, ``mbm_region`` (and ``mbm_size_class``), ``read_as`` (how a suburb
    was read), ``household``, ``basket``, ``year``, ``total`` (counted items, rent included) and
    ``missing`` (items not available).

    >>> t = living_costs("Toronto", rent=2_000)
    >>> t.attrs["mbm_region"], float(t.set_index("item").loc["rent", "monthly"])
    ('Toronto, Ontario', 2000.0)
    """
    import pandas as pd  # loaded on first use: importing netpay stays quick

    place = city(city_name)
    year = latest_cpi_year() if year is None else int(year)
    choice = Living(household, basket, transit, rent_includes_utilities, overrides)
    items = [_rent_item(place.name, Housing(bedrooms, rent_basis, rent)), *living_items(place, choice, year)]
    frame = pd.DataFrame([dataclasses.asdict(i) for i in items], columns=list(LIVING_COLUMNS))
    _, basket_label = mbm.basket_multiplier(basket)
    frame.attrs.update(
        city=place.name,
        cma=place.cma,
        mbm_region=place.mbm_region,
        mbm_size_class=place.mbm_size_class,
        region=mbm.region_label(place),
        read_as=resolved_as(city_name),
        household=choice.people.label,
        basket=basket_label,
        year=year,
        total=counted_total(items),
        missing=[i.item for i in items if i.status == "not available" and not _replaced(i, items)],
    )
    if any(math.isnan(i.monthly) for i in items if i.counted):  # pragma: no cover - a bug guard
        raise AssertionError("a counted item has no figure")
    return frame
