"""What living in a city costs a household a month, item by item: the Market Basket Measure's food,
clothing, transportation (or the transit pass) and other necessities, scaled to the household and
brought to the evaluated year by CPI; utilities, internet and mobile where the basket does not
already hold them; every figure with its source, period and status.

- :class:`Living` — the choices: household, ``basket`` ('modest' or a multiplier), ``transit``
  (replace the basket's transportation by a transit pass per adult), ``rent_includes_utilities``,
  and the user's own figures (``overrides``, dollars a month, which win).
- :func:`living_items` — the items for a city and year (rent is not among them: see
  :func:`netpay.living_costs`, which adds it).

An item netpay has no figure for is kept with amount NaN and status 'not available', saying what is
missing: netpay never invents a cost. Only items with ``counted=True`` enter a total.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from netpay.citydata import basket as mbm
from netpay.citydata.costs import other_costs
from netpay.citydata.cpi import cpi_factor, latest_cpi_year
from netpay.citydata.people import People, people
from netpay.citydata.registry import City, city
from netpay.citydata.utilities import INSIDE_BASKET, UTILITY_ITEMS, counted_utilities, utility_figure
from netpay.errors import InvalidIncomeError

#: Status of a figure the user gave, and of an item netpay has no figure for.
USER_FIGURE = "user override"
NOT_AVAILABLE = "not available"
#: Status order, best first: an item's status is the worst of its figures'.
_ORDER = ("verified", "unverified", "projected", USER_FIGURE, NOT_AVAILABLE)


def worst(*statuses: str) -> str:
    """The least certain of ``statuses`` ('verified' < 'unverified' < 'projected')."""
    return max(statuses, key=_ORDER.index)


@dataclasses.dataclass(frozen=True)
class LivingItem:
    """One monthly cost: ``monthly`` dollars (NaN when not available), its source, period, status
    ('verified', 'unverified', 'projected', 'user override', 'not available'), whether it is
    ``counted`` in the total, and a note saying how it was obtained or why it is not counted."""

    item: str
    label: str
    monthly: float
    source: str
    period: str | None
    status: str
    counted: bool
    note: str = ""
    url: str | None = None


def check_overrides(value: Any) -> dict[str, float]:
    """The user's figures as item -> dollars a month (zero or more)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidIncomeError(
            f"overrides must be a mapping of item -> dollars a month, such as {{'food': 900}}, not {value!r}"
        )
    out = {}
    for item, amount in value.items():
        ok = isinstance(amount, int | float) and not isinstance(amount, bool) and math.isfinite(amount) and amount >= 0
        if not isinstance(item, str) or not ok:
            raise InvalidIncomeError(
                f"overrides[{item!r}] must be a finite number of dollars a month, zero or more, not {amount!r}"
            )
        out[item] = float(amount)
    return out


@dataclasses.dataclass(frozen=True)
class Living:
    """The living-cost choices: ``household`` (None: one adult; a number of people; or an object with
    spouse/children, adults/children or size), ``basket`` ('modest': the MBM as published; or a
    multiplier such as 1.3), ``transit`` (the basket's transportation replaced by a transit pass per
    adult where netpay has one), ``rent_includes_utilities`` (False adds an electricity line) and
    ``overrides`` (item -> dollars a month, winning over netpay's figures)."""

    household: Any = None
    basket: Any = "modest"
    transit: bool = True
    rent_includes_utilities: bool = True
    overrides: Mapping[str, float] | None = None

    def __post_init__(self) -> None:
        people(self.household)  # refuse a bad household now, naming it
        mbm.basket_multiplier(self.basket)
        for name in ("transit", "rent_includes_utilities"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidIncomeError(f"{name} must be True or False, not {getattr(self, name)!r}")
        object.__setattr__(self, "overrides", MappingProxyType(check_overrides(self.overrides)))

    @property
    def people(self) -> People:
        """The household's size and adults."""
        return people(self.household)

    def key(self) -> tuple[Any, ...]:
        """What the items depend on (for hashing a Housing that holds this)."""
        return (
            self.people,
            self.basket,
            self.transit,
            self.rent_includes_utilities,
            tuple((self.overrides or {}).items()),
        )

    def __hash__(self) -> int:
        return hash(self.key())


def _component(
    place: City, found: mbm.RegionBasket | None, comp: str, year: int, who: People, factor: float, how: str
) -> LivingItem:
    """One MBM component for the household and year, or 'not available' saying what is missing."""
    label = mbm.COMPONENT_LABELS[comp]
    figure = None if found is None else found.figures.get(comp)
    if found is None or figure is None:
        note = (
            f"netpay has no MBM {label} figure for {mbm.region_label(place)}: the component values of "
            "Table 11-10-0066-01 were not available to netpay (no stored copy of the table); refresh "
            "data/costs/basket.csv from the official CSV (netpay.citydata.load_mbm_thresholds) or give "
            f"overrides={{{comp!r}: <dollars a month>}}"
        )
        return LivingItem(comp, label, math.nan, mbm.TABLE, None, NOT_AVAILABLE, False, note, mbm.TABLE_URL)
    adjust = cpi_factor(int(figure.period[:4]), year)
    scale = mbm.family_scale(who.size)
    monthly = figure.amount / 12.0 * scale * adjust.factor * factor
    note = (
        f"{found.region}, {found.base}, {figure.period}: {figure.amount:,.0f} a year for the reference family of 4 "
        f"/ 12 x √{who.size}/2 ({who.label}) {adjust.how}; basket {how}"
    )
    status = worst(figure.status, adjust.status)
    return LivingItem(
        comp, label, monthly, figure.title, f"{figure.period} ({found.base})", status, True, note, figure.href
    )


def _transit(place: City, who: People) -> LivingItem | None:
    """A transit pass per adult in the city, where netpay has one (children's fares not counted)."""
    found = other_costs(place).get("transit_pass")
    if found is None:
        return None
    note = (
        f"adult monthly pass x {who.adults} adult(s), replacing the MBM transportation component; "
        "children's fares not counted"
    )
    status = "verified" if found.verified else "unverified"
    return LivingItem(
        "transit_pass",
        "transit pass",
        found.monthly * who.adults,
        found.source,
        found.period,
        status,
        True,
        note,
        found.url,
    )


def _utility(place: City, item: str, counted: bool, who: People, component: str) -> LivingItem:
    """Electricity, internet or mobile (one plan per adult), counted or inside the basket."""
    figure = utility_figure(place, item)
    if figure is None:
        return LivingItem(item, item, math.nan, "-", None, NOT_AVAILABLE, False, f"netpay has no {item} figure")
    amount = figure.amount * (who.adults if item == "mobile" else 1)
    inside = {
        "shelter": "inside the MBM shelter component, i.e. in the rent (rent_includes_utilities=True)",
        "other": "inside the basket's other necessities",
    }[component]
    note = (figure.note or "") if counted else f"not added: {inside}; {figure.note or ''}"
    if item == "mobile":
        note = f"one plan per adult ({who.adults}); {note}"
    return LivingItem(item, item, amount, figure.title, figure.period, figure.status, counted, note, figure.href)


def _override(item: LivingItem | None, name: str, amount: float) -> LivingItem:
    """The user's figure for ``name``, keeping the item's label."""
    label = item.label if item is not None else name.replace("_", " ")
    return LivingItem(name, label, amount, USER_FIGURE, None, USER_FIGURE, True, "your figure")


def living_items(place: str | City, living: Living | None = None, year: int | None = None) -> list[LivingItem]:
    """The monthly living-cost items of ``living`` in ``place`` for ``year`` (None: the latest year
    netpay has a CPI figure for), see the module docstring."""
    where = city(place)
    year = latest_cpi_year() if year is None else int(year)
    choice = living if living is not None else Living()
    who = choice.people
    factor, how = mbm.basket_multiplier(choice.basket)
    found = mbm.region_basket(where)
    items: dict[str, LivingItem] = {}
    for comp in mbm.SHOWN_COMPONENTS:
        items[comp] = _component(where, found, comp, year, who, factor, how)
        if comp == "transportation" and choice.transit:
            transit = _transit(where, who)
            if transit is not None:
                replaced = dataclasses.replace(
                    items[comp], counted=False, note=f"replaced by the transit pass; {items[comp].note}"
                )
                items[comp] = replaced
                items["transit_pass"] = transit
    if found is not None and "communication" in found.figures:
        items["communication"] = _component(where, found, "communication", year, who, factor, how)
    overrides = dict(choice.overrides or {})
    for name in [n for n in overrides if n not in UTILITY_ITEMS]:
        items[name] = _override(items.get(name), name, overrides[name])
    if "transportation" in overrides and "transit_pass" in items and "transit_pass" not in overrides:
        note = f"replaced by your transportation figure; {items['transit_pass'].note}"
        items["transit_pass"] = dataclasses.replace(items["transit_pass"], counted=False, note=note)
    in_basket = items["other"].counted or ("communication" in items and items["communication"].counted)
    counted = counted_utilities(choice.rent_includes_utilities, in_basket)
    for item in UTILITY_ITEMS:
        items[item] = _utility(where, item, counted[item], who, INSIDE_BASKET[item])
        if item in overrides:  # the user's amount wins; whether it is counted still follows the basket
            mine = _override(items[item], item, overrides[item])
            items[item] = dataclasses.replace(
                mine, counted=counted[item], note=items[item].note if not counted[item] else "your figure"
            )
    return list(items.values())


def counted_total(items: list[LivingItem]) -> float:
    """The sum of the counted items, dollars a month."""
    return float(sum(i.monthly for i in items if i.counted))
