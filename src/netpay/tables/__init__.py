"""The data layer: tax tables by year and jurisdiction, loaded, validated and cached. It knows no rule.

Data live in ``data/tax_tables/<year>/<file>.yaml`` (``federal``, ``payroll`` and one file per
province or territory, named by its lower-case code); their schemas are in ``netpay.tables.taxes``.
Every figure carries a source (title, address, date read, and whether it was seen in that source).
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Iterator
from importlib.abc import Traversable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from netpay.errors import DataFileError, ProjectedYearWarning, UnknownYearError
from netpay.jurisdictions import NAMES, normalize
from netpay.tables import indexation, projection
from netpay.tables.files import data_file, data_root, parse_yaml, read_yaml, validate, validation_problems
from netpay.tables.indexation import assume
from netpay.tables.schema import BracketTable, CitedTable, Frozen, Schedule, Source
from netpay.tables.taxes import SCHEMAS

#: Files that are not a province or territory.
FEDERAL = "federal"
PAYROLL = "payroll"

__all__ = [
    "DATA_EDITION",
    "FEDERAL",
    "HORIZON",
    "PAYROLL",
    "BracketTable",
    "CitedTable",
    "Frozen",
    "Schedule",
    "Source",
    "assume",
    "available",
    "check_year",
    "clear_cache",
    "data_file",
    "data_root",
    "edition",
    "is_projected",
    "labelled",
    "last_shipped",
    "load",
    "one_warning",
    "parse_yaml",
    "projectable_years",
    "projection_basis",
    "provinces",
    "read_yaml",
    "sources",
    "validate",
    "validation_problems",
    "user_stacklevel",
    "warn_if_projected",
    "year_in_use",
    "years",
]

#: How many years past the last shipped one netpay projects.
HORIZON = 10


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
    """The tax years netpay ships tables for (published figures); see :func:`projectable_years`."""
    return tuple(sorted(available()))


def last_shipped() -> int:
    """The latest shipped tax year: the base of every projection."""
    return years()[-1]


def projectable_years() -> tuple[int, ...]:
    """The years after the last shipped one that netpay projects (:data:`HORIZON` of them)."""
    last = last_shipped()
    return tuple(range(last + 1, last + HORIZON + 1))


def is_projected(year: Any) -> bool:
    """Whether ``year`` is a projected year (after the last shipped one, within the horizon)."""
    return check_year(year) > last_shipped()


def provinces(year: int) -> tuple[str, ...]:
    """Province and territory codes with a table for ``year`` (a projected year: the last shipped year's)."""
    y = check_year(year)
    return tuple(c for c in available()[min(y, last_shipped())] if c in NAMES)


def check_year(year: Any) -> int:
    """``year`` as an int (``None``: the latest shipped year), or ``UnknownYearError`` listing the years.

    Shipped years and :func:`projectable_years` are accepted."""
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
    if y not in have and y not in projectable_years():
        later = projectable_years()
        raise UnknownYearError(
            f"No tax tables for {y}. netpay has tables for: {', '.join(map(str, have))}, and projects "
            f"{later[0]}-{later[-1]} from {have[-1]} (labelled projected)."
        )
    return y


def _key(jurisdiction: str) -> str:
    return jurisdiction if jurisdiction in (FEDERAL, PAYROLL) else normalize(jurisdiction)


def _file(year: int, key: str) -> tuple[Traversable, str]:
    y = min(check_year(year), last_shipped())
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

    A projected year (:func:`is_projected`) gives the last shipped table indexed forward, every source
    ``projected`` (``netpay.tables.projection``).

    >>> load(2026, "ON").jurisdiction
    'ON'
    >>> load(last_shipped() + 1, "ON").sources["basic_personal_amount"].status
    'projected'
    """
    y, key = check_year(year), _key(jurisdiction)
    if y > last_shipped():
        return _projected(y, key, indexation.current())
    return _load(y, key)


@functools.lru_cache(maxsize=512)
def _projected(year: int, key: str, assumptions: indexation.Assumptions) -> Any:
    base_year = last_shipped()
    file, label = _file(base_year, key)
    raw, notes = projection.project_raw(read_yaml(file, label), key, base_year, year)
    raw["sources"] = projection.projected_sources(notes, base_year, year, dt.date.fromisoformat(edition()))
    return validate(raw, SCHEMAS[key], f"{label} projected to {year}")


def projection_basis(year: int | None) -> str | None:
    """What a projected year rests on (for a result's ``attrs['projection']``); None for a shipped year."""
    y = check_year(year)
    return projection.basis_summary(last_shipped(), y) if y > last_shipped() else None


def year_in_use(year: Any) -> int:
    """:func:`check_year`, warning (:func:`warn_if_projected`) if the year is projected: the year a
    computation uses."""
    y = check_year(year)
    warn_if_projected(y)
    return y


def labelled(frame: Any, year: int) -> Any:
    """``frame`` (a result for ``year``) with ``attrs['status'] = 'projected'``, ``attrs['projection']``
    (the basis) and ``attrs['year']`` if the year is projected; a shipped year's result is unchanged."""
    basis = projection_basis(year)
    if basis is not None:
        frame.attrs.update(status="projected", projection=basis, year=year)
    return frame


def warn_if_projected(year: int | None, what: str | None = None) -> None:
    """Warn (:class:`netpay.ProjectedYearWarning`) if ``year`` is projected, once per public call
    (inside :func:`one_warning`), pointing at the caller's code outside netpay."""
    y = check_year(year)
    if y <= last_shipped():
        return
    seen = _WARNED[-1] if _WARNED else None
    if seen is not None:
        if y in seen:
            return
        seen.add(y)
    warnings.warn(
        ProjectedYearWarning(
            f"{what + ': ' if what else ''}{y} is a projected tax year (netpay ships tables to {last_shipped()}): "
            f"{projection.basis_summary(last_shipped(), y)}. Override with netpay.assume(...)."
        ),
        stacklevel=user_stacklevel(),
    )


#: One set of warned years per public call in progress (innermost last).
_WARNED: list[set[int]] = []


class one_warning:  # noqa: N801 - a decorator/context manager named for what it does
    """Within it, :func:`warn_if_projected` warns once per year (nested public calls share it)."""

    def __enter__(self) -> None:
        _WARNED.append(_WARNED[-1] if _WARNED else set())

    def __exit__(self, *exc: object) -> None:
        _WARNED.pop()

    def __call__(self, fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with one_warning():
                return fn(*args, **kwargs)

        return wrapper


def user_stacklevel() -> int:
    """The ``stacklevel`` for a ``warnings.warn`` in the calling function that names the first frame
    outside netpay: the user's line, however many netpay frames (decorators included) lie between."""
    import sys

    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == "netpay":
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


_SOURCES: TypeAdapter[dict[str, Source | list[Source]]] = TypeAdapter(dict[str, Source | list[Source]])


def sources(year: int | None, jurisdiction: str) -> dict[str, list[Source]]:
    """The sources a table cites, one list per field (read without the rules' schemas); for a
    projected year the projected sources, each ``projected=True`` with its basis in the note."""
    y = check_year(year)
    if y > last_shipped():
        return {k: (v if isinstance(v, list) else [v]) for k, v in load(y, jurisdiction).sources.items()}
    file, label = _file(y, _key(jurisdiction))
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
    _projected.cache_clear()
    indexation.clear()
    available.cache_clear()
    edition.cache_clear()
    for callback in _ON_CLEAR:
        callback()


indexation._ON_CHANGE.append(clear_cache)
