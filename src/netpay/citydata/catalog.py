"""What netpay has for each city, as one frame; and forgetting the loaded data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netpay.citydata import cpi
from netpay.citydata.basket import load_basket
from netpay.citydata.cited import cited
from netpay.citydata.costs import latest_costs, load_costs
from netpay.citydata.registry import load_registry
from netpay.citydata.rents import BASES, latest_rents, load_rents

if TYPE_CHECKING:
    import pandas as pd


def cities() -> pd.DataFrame:
    """The supported cities: name, province code and name, CMA, aliases, and the rent data we have.

    ``asking_bedrooms`` / ``average_bedrooms`` list the bedroom counts with a figure on each basis
    (0 = bachelor); ``other_costs`` lists the other monthly costs we have; ``mbm_region`` is the
    Market Basket Measure region whose basket the city uses (``mbm_size_class``: a provincial size
    class, the city having no region of its own).
    """
    import pandas as pd  # loaded on first use: importing netpay stays quick

    rents = load_rents()
    costs = load_costs()
    rows = []
    for c in load_registry().cities:
        row: dict[str, Any] = {
            "name": c.name,
            "province": c.province,
            "province_name": c.province_name,
            "cma": c.cma,
            "aliases": ", ".join(c.aliases),
            "mbm_region": c.mbm_region,
            "mbm_size_class": c.mbm_size_class,
        }
        for basis in BASES:
            have = sorted({r.bedrooms for r in rents if r.city == c.name and r.basis == basis})
            row[f"{basis}_bedrooms"] = ", ".join(map(str, have))
        row["other_costs"] = ", ".join(sorted({r.item for r in costs if r.city == c.name}))
        rows.append(row)
    return pd.DataFrame(rows)


def clear_cache() -> None:
    """Forget loaded city, rent and cost data (after editing the data files in a session)."""
    for cached in (
        load_registry,
        load_rents,
        latest_rents,
        load_costs,
        latest_costs,
        load_basket,
        cited,
        cpi.cpi_series,
    ):
        cached.cache_clear()
