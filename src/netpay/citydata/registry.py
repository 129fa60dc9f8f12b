"""The cities netpay knows (``data/cities.yaml``) and how a name finds one.

A name matches in any case, with or without accents and punctuation ("montreal", "St Johns"), as the
city's name or one of its aliases; an unknown name raises :class:`netpay.errors.UnknownCityError`
naming the closest city and listing them all.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Any, NamedTuple

from pydantic import Field, ValidationError, field_validator

from netpay import tables
from netpay.citydata.files import data_file
from netpay.errors import DataFileError, UnknownCityError, UnknownJurisdictionError
from netpay.jurisdictions import NAMES, fold, normalize
from netpay.tables import Frozen, validation_problems

CITIES_FILE = "cities.yaml"


def match_key(text: str) -> str:
    """Matching key of a name: folded (no case, no accents), punctuation dropped, hyphens as spaces."""
    s = fold(text).replace("-", " ")
    s = re.sub(r"[.'’,()]", "", s)
    return " ".join(s.split())


class City(Frozen):
    """A city: display name, province code, Statistics Canada CMA, other names it answers to, and
    the Market Basket Measure region whose basket it uses (``mbm_size_class``: the city has no
    region of its own and falls into its province's population size class)."""

    name: str = Field(min_length=2)
    province: str
    cma: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    mbm_region: str = Field(min_length=2)
    mbm_size_class: bool = False
    mbm_region_verified: bool = False

    @field_validator("province")
    @classmethod
    def _province_code(cls, value: str) -> str:
        return normalize(value)

    @property
    def province_name(self) -> str:
        """The province's or territory's name: 'British Columbia' for BC."""
        return NAMES[self.province]


class Registry(NamedTuple):
    """The cities in file order, and each matching key (of a name or an alias) -> its city."""

    cities: tuple[City, ...]
    by_key: dict[str, City]


@functools.cache
def load_registry() -> Registry:
    """Read and validate ``data/cities.yaml``; an error names the item, its city and the field."""
    label = f"data/{CITIES_FILE}"
    raw = tables.read_yaml(data_file(CITIES_FILE), label)
    if not isinstance(raw, list) or not raw:
        raise DataFileError(f"{label}: expected a non-empty list of cities, got {type(raw).__name__}")
    out: list[City] = []
    by_key: dict[str, City] = {}
    for i, item in enumerate(raw):
        where = f"{label}, item {i}" + (f" ({item.get('name')!r})" if isinstance(item, dict) else "")
        try:
            place = City.model_validate(item)
        except ValidationError as exc:
            raise DataFileError(f"{where}: {validation_problems(exc)}") from None
        except ValueError as exc:  # an unknown province code
            raise DataFileError(f"{where}: field 'province': {exc}") from None
        out.append(place)
        for alias in (place.name, *place.aliases):
            k = match_key(alias)
            if k in by_key and by_key[k] is not place:
                raise DataFileError(f"{where}: name or alias {alias!r} is also used by {by_key[k].name!r}")
            by_key[k] = place
    return Registry(tuple(out), by_key)


def city(name: str | City) -> City:
    """The city called ``name`` (or one of its aliases), in any case, with or without accents.

    >>> city("montreal").name, city("MTL").province
    ('Montréal', 'QC')
    """
    if isinstance(name, City):
        return name
    if not isinstance(name, str):
        raise UnknownCityError(f"city must be a name such as 'Toronto', not {name!r}")
    known, by_key = load_registry()
    k = match_key(name)
    if k in by_key:
        return by_key[k]
    hint = _province_hint(name, known)
    if not hint:
        close = difflib.get_close_matches(k, list(by_key), n=1, cutoff=0.6)
        hint = f" Did you mean {by_key[close[0]].name!r}?" if close else ""
    raise UnknownCityError(f"Unknown city {name!r}.{hint} netpay has: {', '.join(c.name for c in known)}.")


def _province_hint(name: str, known: tuple[City, ...]) -> str:
    """For a province or territory given as a city ('Ontario'), the cities netpay has in it; else ''."""
    try:
        code = normalize(name)
    except UnknownJurisdictionError:
        return ""
    inside = [c.name for c in known if c.province == code]
    cities = f"give one of its cities: {', '.join(inside)}" if inside else "netpay has no city in it yet"
    return f" {NAMES[code]} ({code}) is a province or territory, not a city: {cities}."


def resolved_as(name: str) -> str | None:
    """How a name given by the user was read, when it is not the city's own name: 'Mississauga: in
    the Toronto CMA (figures are CMA-wide)'; None for the city's own name.

    >>> resolved_as("Mississauga")
    'Mississauga: in the Toronto CMA, whose figures netpay uses (rents and the basket are CMA-wide)'
    """
    place = city(name)
    if match_key(name) in (match_key(place.name),):
        return None
    return f"{name}: in the {place.cma} CMA, whose figures netpay uses (rents and the basket are CMA-wide)"


def canonical_name(text: Any) -> str:
    """The registry name of a city named in a data file; a ValueError (for pydantic) if unknown."""
    found = load_registry().by_key.get(match_key(str(text)))
    if found is None:
        raise ValueError(f"unknown city {text!r}: add it to data/{CITIES_FILE} first")
    return found.name
