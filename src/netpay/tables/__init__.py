"""The data layer: tax tables by year and jurisdiction, loaded, validated and cached. It knows no rule.

Data live in ``data/tax_tables/<year>/<file>.yaml`` (``federal``, ``payroll`` and one file per
province or territory, named by its lower-case code); their schemas are in ``netpay.tables.taxes``.
Every figure carries a source (title, address, date read, and whether it was seen in that source).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib.abc import Traversable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from netpay.errors import DataFileError, UnknownYearError
from netpay.jurisdictions import NAMES, normalize
from netpay.tables.files import data_file, data_root, parse_yaml, read_yaml, validate, validation_problems
from netpay.tables.schema import BracketTable, CitedTable, Frozen, Schedule, Source
from netpay.tables.taxes import SCHEMAS

#: Files that are not a province or territory.
FEDERAL = "federal"
PAYROLL = "payroll"

__all__ = [
    "DATA_EDITION",
    "FEDERAL",
    "PAYROLL",
    "BracketTable",
    "CitedTable",
    "Frozen",
    "Schedule",
    "Source",
    "available",
    "check_year",
    "clear_cache",
    "data_file",
    "data_root",
    "edition",
    "load",
    "parse_yaml",
    "provinces",
    "read_yaml",
    "sources",
    "validate",
    "validation_problems",
    "years",
]


@functools.cache
def edition() -> str:
    """The data edition (``data/edition.yaml``): the date the shipped figures were last read."""
    raw = read_yaml(data_file("edition.yaml"), "data/edition.yaml")
    if not isinstance(raw, dict) or "edition" not in raw:
        raise DataFileError("data/edition.yaml: expected a mapping with the key 'edition'")
    return str(raw["edition"])


def __getattr__(name: str) -> Any:
    if name == "DATA_EDITION":  # read from the data, on first use
        return edition()
    raise AttributeError(f"module 'netpay.tables' has no attribute {name!r}")


def _year_dirs() -> Iterator[tuple[int, Traversable]]:
    for entry in (data_root() / "tax_tables").iterdir():
        if entry.is_dir() and entry.name.isdigit():
            yield int(entry.name), entry


def _file_key(stem: str) -> str:
    return stem if stem in (FEDERAL, PAYROLL) else stem.upper()


@functools.cache
def available() -> dict[int, tuple[str, ...]]:
    """Years with tables and, for each, the files present (``federal``, ``payroll``, codes).

    >>> sorted(available())[:1]
    [2024]
    """
    return {
        year: tuple(
            sorted(_file_key(e.name.removesuffix(".yaml")) for e in folder.iterdir() if e.name.endswith(".yaml"))
        )
        for year, folder in sorted(_year_dirs())
    }


def years() -> tuple[int, ...]:
    """The tax years netpay has tables for."""
    return tuple(sorted(available()))


def provinces(year: int) -> tuple[str, ...]:
    """Province and territory codes with a table for ``year``."""
    y = check_year(year)
    return tuple(c for c in available()[y] if c in NAMES)


def check_year(year: Any) -> int:
    """``year`` as an int (``None``: the latest year netpay has), or ``UnknownYearError`` listing the years."""
    have = years()
    if year is None:
        return have[-1]
    if isinstance(year, bool):
        raise UnknownYearError(f"year must be a whole number such as {have[-1]}, not {year!r}")
    try:
        y = int(year)
        if y != year:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise UnknownYearError(f"year must be a whole number such as {have[-1]}, not {year!r}") from None
    if y not in have:
        raise UnknownYearError(f"No tax tables for {y}. netpay has tables for: {', '.join(map(str, have))}.")
    return y


def _key(jurisdiction: str) -> str:
    return jurisdiction if jurisdiction in (FEDERAL, PAYROLL) else normalize(jurisdiction)


def _file(year: int, key: str) -> tuple[Traversable, str]:
    y = check_year(year)
    if key not in available()[y]:
        raise UnknownYearError(
            f"No {NAMES.get(key, key)} table for {y}; netpay has {key} for "
            f"{', '.join(str(yy) for yy, have in available().items() if key in have) or 'no year'}."
        )
    return data_root() / "tax_tables" / str(y) / f"{key.lower()}.yaml", f"data/tax_tables/{y}/{key.lower()}.yaml"


@functools.cache
def _load(year: int, key: str) -> Any:
    file, label = _file(year, key)
    table = validate(read_yaml(file, label), SCHEMAS[key], label)
    want = "CA" if key in (FEDERAL, PAYROLL) else key
    if table.year != year:
        raise DataFileError(f"{label}: field 'year' is {table.year} but the file is in the {year} folder")
    if table.jurisdiction != want:
        raise DataFileError(f"{label}: field 'jurisdiction' is {table.jurisdiction!r}, expected {want!r}")
    return table


def load(year: int | None, jurisdiction: str) -> Any:
    """One table, validated by its schema and cached: ``jurisdiction`` is 'federal', 'payroll' or a province.

    >>> load(2026, "ON").jurisdiction
    'ON'
    """
    return _load(check_year(year), _key(jurisdiction))


_SOURCES: TypeAdapter[dict[str, Source | list[Source]]] = TypeAdapter(dict[str, Source | list[Source]])


def sources(year: int | None, jurisdiction: str) -> dict[str, list[Source]]:
    """The sources a table cites, one list per field (read without the rules' schemas)."""
    file, label = _file(check_year(year), _key(jurisdiction))
    raw = read_yaml(file, label)
    try:
        cited = _SOURCES.validate_python(raw.get("sources", {}) if isinstance(raw, dict) else {})
    except ValidationError as exc:
        raise DataFileError(f"{label}: sources: {validation_problems(exc)}") from None
    return {k: (v if isinstance(v, list) else [v]) for k, v in cited.items()}


#: Functions to call when the tables are forgotten (netpay.engine registers its Ruleset cache).
_ON_CLEAR: list[Any] = []


def on_clear(callback: Any) -> Any:
    """Register ``callback`` to run on :func:`clear_cache` (a cache built from the tables); returns it."""
    _ON_CLEAR.append(callback)
    return callback


def clear_cache() -> None:
    """Forget loaded tables (after editing data files in a session)."""
    _load.cache_clear()
    available.cache_clear()
    edition.cache_clear()
    for callback in _ON_CLEAR:
        callback()
