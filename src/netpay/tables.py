"""Tax tables: pydantic schemas of the data files, loading, validation and caching.

Data live in ``data/tax_tables/<year>/<jurisdiction>.yaml`` (``federal``, ``payroll`` and one file
per province or territory, named by its lower-case code). The wheel carries them as
``netpay/data``; an editable install reads them from the source tree. Every figure carries a
source (title, address, date read, and whether it was seen in that source).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib
import re
from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from netpay.errors import DataFileError, UnknownYearError
from netpay.jurisdictions import NAMES, normalize

#: The date the shipped data were last read from their sources.
DATA_EDITION = "2026-11-25"

#: Files that are not a province or territory.
FEDERAL = "federal"
PAYROLL = "payroll"


# --------------------------------------------------------------------------- schema pieces


class Frozen(BaseModel):
    """Base of every data model: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Source(Frozen):
    """Where a figure comes from."""

    title: str = Field(min_length=5)
    href: str = Field(pattern=r"^(https?://|doc:)")
    retrieved: dt.date
    verified: bool
    note: str | None = None


class Bracket(Frozen):
    """One row of a progressive schedule: ``rate`` applies to income from ``from_`` upwards."""

    from_: float = Field(alias="from", ge=0)
    rate: float = Field(ge=0, lt=1)


#: Incomes at or above this are refused (netpay.engine.as_amounts); bracket tables extend to it.
MAX_AMOUNT = 1e15


@dataclasses.dataclass(frozen=True)
class Schedule:
    """A progressive schedule as arrays, ready for vectorized lookup (see ``netpay.brackets``).

    ``knots``/``tax_at_knots`` are the thresholds and the tax payable up to each, plus one knot at
    ``MAX_AMOUNT``: tax is piecewise linear between them, so ``np.interp`` evaluates it in one pass.
    """

    thresholds: np.ndarray
    rates: np.ndarray
    knots: np.ndarray
    tax_at_knots: np.ndarray

    @property
    def lowest_rate(self) -> float:
        return float(self.rates[0])


def _schedule(rows: list[Bracket]) -> Schedule:
    t = np.array([b.from_ for b in rows], dtype=np.float64)
    r = np.array([b.rate for b in rows], dtype=np.float64)
    base = np.concatenate(([0.0], np.cumsum(np.diff(t) * r[:-1])))
    knots = np.append(t, MAX_AMOUNT)
    tax_at_knots = np.append(base, base[-1] + r[-1] * (MAX_AMOUNT - t[-1]))
    for a in (t, r, knots, tax_at_knots):
        a.setflags(write=False)
    return Schedule(thresholds=t, rates=r, knots=knots, tax_at_knots=tax_at_knots)


Money = float  # whole dollars or cents; never negative (enforced by Field(ge=0) where used)


class CitedTable(Frozen):
    """Fields every data file has: who, which year, notes, and a source for every figure."""

    jurisdiction: str
    year: int = Field(ge=2000, le=2100)
    sources: dict[str, Source | list[Source]]
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_figure_cited(self) -> CitedTable:
        return _check_cited(self)


class TableBase(CitedTable):
    """A tax table: a cited file with a progressive schedule."""

    brackets: list[Bracket] = Field(min_length=1)

    @field_validator("brackets")
    @classmethod
    def _ascending(cls, rows: list[Bracket]) -> list[Bracket]:
        if rows[0].from_ != 0:
            raise ValueError("the first bracket must start at 0")
        froms = [b.from_ for b in rows]
        if any(b <= a for a, b in zip(froms, froms[1:], strict=False)):
            raise ValueError(f"bracket thresholds must be strictly ascending, got {froms}")
        return rows

    @functools.cached_property
    def schedule(self) -> Schedule:
        return _schedule(self.brackets)


_META = {"jurisdiction", "year", "sources", "notes"}


def _check_cited(model: BaseModel) -> Any:
    """Every data field that is set has a source, and every source names a field that exists."""
    fields = [name for name in type(model).model_fields if name not in _META]
    present = {name for name in fields if getattr(model, name) is not None}
    sources: dict[str, Any] = model.sources  # type: ignore[attr-defined]
    cited = {key.split(".")[0] for key in sources}
    missing = sorted(present - cited)
    if missing:
        raise ValueError(f"no source for field(s) {missing}; add them under 'sources'")
    unknown = sorted(cited - set(fields))
    if unknown:
        raise ValueError(f"sources name field(s) that do not exist: {unknown}")
    return model


# --------------------------------------------------------------------------- finding the data


def data_root() -> Traversable:
    """The folder holding ``tax_tables/`` and ``rent/``: in the installed package, else the source tree."""
    packaged = resources.files("netpay") / "data"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[2] / "data"
    if source_tree.is_dir():
        return source_tree
    raise DataFileError(
        f"netpay's data folder is missing: looked in {packaged} and {source_tree}. Reinstall netpay."
    )


def _year_dirs() -> Iterator[tuple[int, Traversable]]:
    tax_tables = data_root() / "tax_tables"
    for entry in tax_tables.iterdir():
        if entry.is_dir() and entry.name.isdigit():
            yield int(entry.name), entry


@functools.cache
def available() -> dict[int, tuple[str, ...]]:
    """Years with tables and, for each, the jurisdiction files present (``federal``, ``payroll``, codes).

    >>> sorted(available())[:1]
    [2024]
    """
    out: dict[int, tuple[str, ...]] = {}
    for year, folder in sorted(_year_dirs()):
        names = sorted(
            e.name.removesuffix(".yaml").upper() if e.name.removesuffix(".yaml") not in (FEDERAL, PAYROLL)
            else e.name.removesuffix(".yaml")
            for e in folder.iterdir()
            if e.name.endswith(".yaml")
        )
        out[year] = tuple(names)
    return out


def years() -> tuple[int, ...]:
    """The tax years netpay has tables for."""
    return tuple(sorted(available()))


def provinces(year: int) -> tuple[str, ...]:
    """Province and territory codes with a table for ``year``."""
    check_year(year)
    return tuple(c for c in available()[year] if c in NAMES)


def check_year(year: Any) -> int:
    """Return ``year`` as an int (``None``: the latest year netpay has), or raise
    ``UnknownYearError`` listing the years we have."""
    have = years()
    if year is None:
        return have[-1]
    try:
        y = int(year)
        if y != year:
            raise ValueError
    except (TypeError, ValueError):
        raise UnknownYearError(f"year must be a whole number such as {have[-1]}, not {year!r}") from None
    if y not in have:
        raise UnknownYearError(
            f"No tax tables for {y}. netpay has tables for: {', '.join(map(str, have))}."
        )
    return y


# --------------------------------------------------------------------------- loading


def _model_for(jurisdiction: str) -> type[TableBase] | type[BaseModel]:
    if jurisdiction == FEDERAL:
        return importlib.import_module("netpay.federal").FederalTable
    if jurisdiction == PAYROLL:
        return importlib.import_module("netpay.payroll").PayrollTable
    from netpay.provinces import module_for

    return module_for(jurisdiction).Table


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. YAML 1.1 would read the code ON (Ontario) as True."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(file: Traversable, label: str) -> Any:
    """Parse a YAML file, naming it in any error."""
    try:
        return yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)
    except FileNotFoundError:
        raise DataFileError(f"{label}: file not found") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{label}: not valid YAML: {exc}") from None


def validate(raw: Any, model: type[BaseModel], label: str) -> Any:
    """Validate parsed data against ``model``; a failure names the file and each bad field."""
    if not isinstance(raw, dict):
        raise DataFileError(f"{label}: expected a mapping at the top level, got {type(raw).__name__}")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"field '{'.'.join(str(p) for p in err['loc']) or '(file)'}': {err['msg']}" for err in exc.errors()
        )
        raise DataFileError(f"{label}: {problems}") from None


@functools.cache
def _load(year: int, key: str) -> Any:
    file = data_root() / "tax_tables" / str(year) / f"{key.lower()}.yaml"
    label = f"data/tax_tables/{year}/{key.lower()}.yaml"
    if not file.is_file():
        raise DataFileError(f"{label}: file not found (netpay has {', '.join(available().get(year, ()))})")
    table = validate(read_yaml(file, label), _model_for(key), label)
    want = "CA" if key == FEDERAL else ("CA" if key == PAYROLL else key)
    if getattr(table, "year", year) != year:
        raise DataFileError(f"{label}: field 'year' is {table.year} but the file is in the {year} folder")
    if getattr(table, "jurisdiction", want) != want:
        raise DataFileError(f"{label}: field 'jurisdiction' is {table.jurisdiction!r}, expected {want!r}")
    return table


def load(year: int, jurisdiction: str) -> Any:
    """Load and validate one table (cached): ``jurisdiction`` is 'federal', 'payroll' or a province.

    >>> load(2026, "ON").jurisdiction
    'ON'
    """
    y = check_year(year)
    key = jurisdiction if jurisdiction in (FEDERAL, PAYROLL) else normalize(jurisdiction)
    if key not in available()[y]:
        raise UnknownYearError(
            f"No {NAMES.get(key, key)} table for {y}; netpay has {key} for "
            f"{', '.join(str(yy) for yy, have in available().items() if key in have) or 'no year'}."
        )
    return _load(y, key)


def sources(year: int, jurisdiction: str) -> dict[str, list[Source]]:
    """The sources cited by a table, one list per field."""
    table = load(year, jurisdiction)
    return {k: (v if isinstance(v, list) else [v]) for k, v in table.sources.items()}


def clear_cache() -> None:
    """Forget loaded tables (after editing data files in a session)."""
    _load.cache_clear()
    available.cache_clear()
    from netpay.engine import _load_year

    _load_year.cache_clear()
