"""Where the person lives: the housing chosen, and the city's monthly rent and other costs with sources."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from netpay import citydata
from netpay.money import as_amount


def non_negative(value: Any, name: str) -> float:
    """``value`` as one amount of dollars a month (``netpay.money.as_amount``: finite, >= 0, below
    the ceiling, not a bool), or an error naming ``name``."""
    return as_amount(value, name)


@dataclass(frozen=True)
class Housing:
    """Bedrooms (0 = bachelor ... 3), the rent basis ('asking' or 'average'), and the user's monthly
    rent and other-cost overrides ({item: dollars a month}; 0 leaves an item out)."""

    bedrooms: int = 1
    rent_basis: str = "asking"
    rent: float | None = None
    other_costs: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.rent is not None:
            object.__setattr__(self, "rent", non_negative(self.rent, "rent"))
        costs = {item: non_negative(v, f"other_costs[{item!r}]") for item, v in (self.other_costs or {}).items()}
        object.__setattr__(self, "other_costs", costs)


@functools.lru_cache(maxsize=1024)
def _published_rent(city: str, bedrooms: int, basis: str) -> dict[str, Any]:
    r = citydata.rent(city, bedrooms, basis)
    return {
        "rent": r.amount,
        "rent_period": r.period,
        "rent_source": r.source,
        "rent_url": r.url,
        "rent_retrieved": r.retrieved,
    }


@functools.lru_cache(maxsize=256)
def _published_costs(city: str) -> tuple[dict[str, float], dict[str, str]]:
    data = citydata.other_costs(city)
    return (
        {item: c.monthly for item, c in data.items()},
        {item: f"{c.source} ({c.period}) {c.url}" for item, c in data.items()},
    )


def city_costs(city: citydata.City, housing: Housing) -> dict[str, Any]:
    """Monthly rent and other costs for ``city`` with their sources (fields of an evaluation); the
    user's overrides win. (Published figures are cached per process: ``clear_cache`` after editing data.)"""
    if housing.rent is not None:
        info: dict[str, Any] = {
            "rent": housing.rent,
            "rent_period": None,
            "rent_source": "user override",
            "rent_url": None,
            "rent_retrieved": None,
        }
    else:
        info = dict(_published_rent(city.name, housing.bedrooms, housing.rent_basis))
    published, published_sources = _published_costs(city.name)
    costs, sources = dict(published), dict(published_sources)
    for item, value in housing.other_costs.items():
        costs[item] = value
        sources[item] = "user override"
    info["other_costs"] = costs
    info["other_costs_sources"] = sources
    return info


def clear_cache() -> None:
    """Forget the published rents and costs read so far."""
    _published_rent.cache_clear()
    _published_costs.cache_clear()


def monthly_city_costs(place: citydata.City, bedrooms: int, basis: str, items: set[str]) -> float:
    """Monthly rent plus the other monthly costs named in ``items``."""
    r = citydata.rent(place.name, bedrooms, basis)
    return r.amount + sum(c.monthly for name, c in citydata.other_costs(place.name).items() if name in items)


def shared_cost_items(a: citydata.City, b: citydata.City) -> set[str]:
    """The other-cost items both cities have a figure for; warns, naming them, about the rest."""
    have_a, have_b = set(citydata.other_costs(a.name)), set(citydata.other_costs(b.name))
    for name, only in ((a.name, have_a - have_b), (b.name, have_b - have_a)):
        if only:
            warnings.warn(
                f"equivalent_salary leaves out {', '.join(sorted(only))}: netpay has a figure for {name} only; "
                "compare with evaluate(..., other_costs={...}) to count it in both cities",
                stacklevel=3,
            )
    return have_a & have_b
