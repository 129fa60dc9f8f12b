"""Cities netpay knows, and what living in them costs: rent and other monthly costs.

Data (validated on load, errors name the file, the row and the field):

- ``data/cities.yaml``: one item per city, ``{name, province, cma, aliases}``; ``cma`` is the
  Statistics Canada census metropolitan area the rent figures refer to (:mod:`.registry`).
- ``data/rent/rents.csv``: one row per (city, bedrooms, basis, period), with its source. Two bases,
  never mixed: ``asking`` (Statistics Canada quarterly asking rents, table 46-10-0092-01: what a
  newcomer signs today) and ``average`` (CMHC Rental Market Survey, table 34-10-0133-01: all
  purpose-built units, including long-time tenants under rent control) (:mod:`.rents`).
- ``data/costs/other_costs.csv``: other monthly costs per city (transit pass, ...), with sources
  (:mod:`.costs`).

City names match in any case, with or without accents and punctuation ("montreal", "St Johns");
an unknown name raises :class:`netpay.errors.UnknownCityError` naming the closest city. A figure
we do not have (a bedroom count or basis for a city) raises :class:`netpay.errors.NoDataError`
saying what we do have: netpay never invents a rent.

:class:`Housing` and :func:`monthly_costs` (:mod:`.housing`) give a city's monthly costs for a
household's housing, user overrides winning. The Statistics Canada loaders (:mod:`.statcan`) are
refresh tooling: they read the official downloads into the ``rents.csv`` layout.

Living costs (issue 13): :func:`living_costs` (:mod:`.report`) gives a household's monthly items in a
city — the Market Basket Measure's components (:mod:`.basket`, refreshed by :mod:`.mbm`), scaled by
√n / 2 and brought to the year by CPI (:mod:`.cpi`), utilities, internet and mobile where the basket
does not hold them (:mod:`.utilities`); :func:`move_costs` (:mod:`.move`) the one-time costs of the
move. ``Housing(living=Living(...))`` puts the basket's items into an evaluation.
"""

from __future__ import annotations

from netpay.citydata.basket import family_scale, published_threshold, thresholds
from netpay.citydata.catalog import cities, clear_cache
from netpay.citydata.costs import COST_COLUMNS, COSTS_FILE, Cost, costs, other_costs
from netpay.citydata.cpi import cpi, cpi_factor
from netpay.citydata.housing import (
    USER_OVERRIDE,
    CityCosts,
    CostFigure,
    Housing,
    monthly_costs,
    shared_cost_items,
)
from netpay.citydata.living import Living, LivingItem, living_items
from netpay.citydata.mbm import load_mbm_thresholds
from netpay.citydata.move import Move, move_costs, move_items
from netpay.citydata.registry import CITIES_FILE, City, city, resolved_as
from netpay.citydata.rents import (
    BASES,
    BEDROOMS,
    RENT_COLUMNS,
    RENTS_FILE,
    Basis,
    Rent,
    bedroom_label,
    rent,
    rents,
)
from netpay.citydata.report import living_costs
from netpay.citydata.statcan import (
    CMHC_AVERAGE_SOURCE,
    CMHC_AVERAGE_URL,
    STATCAN_ASKING_SOURCE,
    STATCAN_ASKING_URL,
    load_cmhc_average_rents,
    load_statcan_asking_rents,
)

__all__ = [
    "BASES",
    "BEDROOMS",
    "CITIES_FILE",
    "CMHC_AVERAGE_SOURCE",
    "CMHC_AVERAGE_URL",
    "COSTS_FILE",
    "COST_COLUMNS",
    "RENTS_FILE",
    "RENT_COLUMNS",
    "STATCAN_ASKING_SOURCE",
    "STATCAN_ASKING_URL",
    "USER_OVERRIDE",
    "Basis",
    "City",
    "CityCosts",
    "Cost",
    "CostFigure",
    "Housing",
    "Living",
    "LivingItem",
    "Move",
    "Rent",
    "bedroom_label",
    "cities",
    "city",
    "clear_cache",
    "costs",
    "cpi",
    "cpi_factor",
    "family_scale",
    "living_costs",
    "living_items",
    "load_mbm_thresholds",
    "move_costs",
    "move_items",
    "published_threshold",
    "resolved_as",
    "thresholds",
    "load_cmhc_average_rents",
    "load_statcan_asking_rents",
    "monthly_costs",
    "other_costs",
    "rent",
    "rents",
    "shared_cost_items",
]
