"""Cities netpay knows, and what living in them costs: rent and other monthly costs.

Data (validated on load, errors name the file, the row and the field):

- ``data/cities.yaml``: one item per city, ``{name, province, cma, aliases}``; ``cma`` is the
  Statistics Canada census metropolitan area the rent figures refer to.
- ``data/rent/rents.csv``: one row per (city, bedrooms, basis, period), with its source. Two bases,
  never mixed: ``asking`` (Statistics Canada quarterly asking rents, table 46-10-0092-01: what a
  newcomer signs today) and ``average`` (CMHC Rental Market Survey, table 34-10-0133-01: all
  purpose-built units, including long-time tenants under rent control).
- ``data/costs/other_costs.csv``: other monthly costs per city (transit pass, ...), with sources.

City names match in any case, with or without accents and punctuation ("montreal", "St Johns");
an unknown name raises :class:`netpay.errors.UnknownCityError` naming the closest city. A figure
we do not have (a bedroom count or basis for a city) raises :class:`netpay.errors.NoDataError`
saying what we do have: netpay never invents a rent.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import re
from collections.abc import Callable, Iterable, Iterator
from os import PathLike
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from netpay import tables
from netpay.errors import DataFileError, NoDataError, UnknownCityError
from netpay.jurisdictions import NAMES, fold, normalize

Basis = Literal["asking", "average"]
BASES: tuple[str, ...] = ("asking", "average")

#: Columns of ``data/rent/rents.csv`` (and of the frames the StatCan loaders return), in order.
RENT_COLUMNS: tuple[str, ...] = (
    "city",
    "bedrooms",
    "basis",
    "amount",
    "period",
    "source",
    "url",
    "retrieved",
    "verified",
    "note",
)
#: Columns of ``data/costs/other_costs.csv``, in order.
COST_COLUMNS: tuple[str, ...] = (
    "city",
    "item",
    "amount",
    "unit",
    "period",
    "source",
    "url",
    "retrieved",
    "verified",
    "note",
)

CITIES_FILE = "cities.yaml"
RENTS_FILE = "rent/rents.csv"
COSTS_FILE = "costs/other_costs.csv"

#: Monthly equivalent of one unit of each cost unit.
_PER_MONTH: dict[str, float] = {"CAD/month": 1.0, "CAD/year": 1.0 / 12.0, "CAD/week": 52.0 / 12.0}

# A period: "2026", "2026Q2", "2025-10".
_PERIOD = r"^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _key(text: str) -> str:
    """Matching key of a name: folded (no case, no accents), punctuation dropped, hyphens as spaces."""
    s = fold(text).replace("-", " ")
    s = re.sub(r"[.'’,()]", "", s)
    return " ".join(s.split())


# --------------------------------------------------------------------------- the registry


class City(_Frozen):
    """A city: display name, province code, Statistics Canada CMA, other names it answers to."""

    name: str = Field(min_length=2)
    province: str
    cma: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()

    @field_validator("province")
    @classmethod
    def _province_code(cls, value: str) -> str:
        code = normalize(value)
        return code

    @property
    def province_name(self) -> str:
        return NAMES[self.province]


def _data_file(relative: str) -> Any:
    root = tables.data_root()
    file = root
    for part in relative.split("/"):
        file = file / part
    return file


@functools.cache
def _registry() -> tuple[tuple[City, ...], dict[str, City]]:
    label = f"data/{CITIES_FILE}"
    raw = tables.read_yaml(_data_file(CITIES_FILE), label)
    if not isinstance(raw, list) or not raw:
        raise DataFileError(f"{label}: expected a non-empty list of cities, got {type(raw).__name__}")
    out: list[City] = []
    lookup: dict[str, City] = {}
    for i, item in enumerate(raw):
        where = f"{label}, item {i}" + (f" ({item.get('name')!r})" if isinstance(item, dict) else "")
        try:
            city = City.model_validate(item)
        except ValidationError as exc:
            raise DataFileError(f"{where}: {_problems(exc)}") from None
        except ValueError as exc:  # an unknown province code
            raise DataFileError(f"{where}: field 'province': {exc}") from None
        out.append(city)
        for alias in (city.name, *city.aliases):
            k = _key(alias)
            if k in lookup and lookup[k] is not city:
                raise DataFileError(f"{where}: name or alias {alias!r} is also used by {lookup[k].name!r}")
            lookup[k] = city
    return tuple(out), lookup


def city(name: str) -> City:
    """The city called ``name`` (or one of its aliases), in any case, with or without accents.

    >>> city("montreal").name, city("MTL").province
    ('Montréal', 'QC')
    """
    if isinstance(name, City):
        return name
    if not isinstance(name, str):
        raise UnknownCityError(f"city must be a name such as 'Toronto', not {name!r}")
    known, lookup = _registry()
    k = _key(name)
    if k in lookup:
        return lookup[k]
    close = difflib.get_close_matches(k, list(lookup), n=1, cutoff=0.6)
    hint = f" Did you mean {lookup[close[0]].name!r}?" if close else ""
    raise UnknownCityError(f"Unknown city {name!r}.{hint} netpay has: {', '.join(c.name for c in known)}.")


def cities() -> pd.DataFrame:
    """The supported cities: name, province code and name, CMA, aliases, and the rent data we have.

    ``asking_bedrooms`` / ``average_bedrooms`` list the bedroom counts with a figure on each basis
    (0 = bachelor); ``other_costs`` lists the other monthly costs we have.
    """
    known, _ = _registry()
    rents = _rents()
    costs = _costs()
    rows = []
    for c in known:
        row: dict[str, Any] = {
            "name": c.name,
            "province": c.province,
            "province_name": c.province_name,
            "cma": c.cma,
            "aliases": ", ".join(c.aliases),
        }
        for basis in BASES:
            have = sorted({r.bedrooms for r in rents if r.city == c.name and r.basis == basis})
            row[f"{basis}_bedrooms"] = ", ".join(map(str, have))
        row["other_costs"] = ", ".join(sorted({r.item for r in costs if r.city == c.name}))
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- CSV rows


class _CsvRow(_Frozen):
    """Fields every cited CSV row has."""

    city: str
    amount: float = Field(ge=0)
    period: str = Field(pattern=_PERIOD)
    source: str = Field(min_length=5)
    url: str = Field(pattern=r"^https?://")
    retrieved: dt.date
    verified: bool
    note: str | None = None

    @field_validator("note", mode="before")
    @classmethod
    def _empty_note(cls, value: Any) -> Any:
        return None if value in ("", None) else value

    @field_validator("city")
    @classmethod
    def _known_city(cls, value: str) -> str:
        _, lookup = _registry()
        k = _key(value)
        if k not in lookup:
            raise ValueError(f"unknown city {value!r}: add it to data/{CITIES_FILE} first")
        return lookup[k].name


class Rent(_CsvRow):
    """One rent figure: monthly rent for ``bedrooms`` (0 = bachelor, 3 = three or more) on ``basis``."""

    bedrooms: int = Field(ge=0, le=3)
    basis: Basis
    amount: float = Field(gt=0, description="dollars per month")

    @property
    def period_key(self) -> tuple[int, int]:
        return _period_key(self.period)


class Cost(_CsvRow):
    """One other cost of living in a city: ``amount`` per ``unit`` (``monthly`` gives dollars a month)."""

    item: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    unit: Literal["CAD/month", "CAD/year", "CAD/week"]

    @property
    def monthly(self) -> float:
        return self.amount * _PER_MONTH[self.unit]


def _period_key(period: str) -> tuple[int, int]:
    """Sortable (year, month) of a period's start: '2026Q2' -> (2026, 4); '2025-10' -> (2025, 10)."""
    year = int(period[:4])
    if len(period) == 4:
        return year, 1
    if period[4] == "Q":
        return year, 3 * (int(period[5]) - 1) + 1
    return year, int(period[5:7])


def _problems(exc: ValidationError) -> str:
    return "; ".join(
        f"field '{'.'.join(str(p) for p in err['loc']) or '(row)'}': {err['msg']}" for err in exc.errors()
    )


def _read_csv(text: str, label: str, columns: tuple[str, ...], model: type[_CsvRow]) -> list[Any]:
    """Parse and validate a cited CSV; an error names the file, the line, the city and the field."""
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(reader.fieldnames or ())
    if header != columns:
        raise DataFileError(f"{label}: header is {','.join(header)!r}, expected {','.join(columns)!r}")
    rows = []
    for line, raw in enumerate(reader, start=2):
        if None in raw or any(v is None for v in raw.values()):
            raise DataFileError(f"{label}, line {line}: expected {len(columns)} fields")
        try:
            rows.append(model.model_validate(raw))
        except ValidationError as exc:
            raise DataFileError(
                f"{label}, line {line} (city {raw.get('city')!r}): {_problems(exc)}"
            ) from None
    return rows


def _check_unique(rows: Iterable[Any], fields: tuple[str, ...], label: str) -> None:
    seen: set[tuple[Any, ...]] = set()
    for row in rows:
        k = tuple(getattr(row, f) for f in fields)
        if k in seen:
            raise DataFileError(f"{label}: duplicate row for {dict(zip(fields, k, strict=True))}")
        seen.add(k)


def _load_rows(name: str, columns: tuple[str, ...], model: type[Any], key: tuple[str, ...]) -> tuple[Any, ...]:
    """Read and validate one shipped CSV (``data/<name>``); rows must be unique on ``key``."""
    label = f"data/{name}"
    file = _data_file(name)
    if not file.is_file():
        raise DataFileError(f"{label}: file not found")
    rows = _read_csv(file.read_text(encoding="utf-8"), label, columns, model)
    _check_unique(rows, key, label)
    return tuple(rows)


@functools.cache
def _rents() -> tuple[Rent, ...]:
    return _load_rows(RENTS_FILE, RENT_COLUMNS, Rent, ("city", "bedrooms", "basis", "period"))


@functools.cache
def _costs() -> tuple[Cost, ...]:
    return _load_rows(COSTS_FILE, COST_COLUMNS, Cost, ("city", "item", "period"))


def clear_cache() -> None:
    """Forget loaded city, rent and cost data (after editing the data files in a session)."""
    _registry.cache_clear()
    _rents.cache_clear()
    _costs.cache_clear()


# --------------------------------------------------------------------------- lookups


def _what_we_have(name: str) -> str:
    rows = [r for r in _rents() if r.city == name]
    if not rows:
        return f"netpay has no rent figure for {name}."
    parts = []
    for basis in BASES:
        have = sorted({r.bedrooms for r in rows if r.basis == basis})
        if have:
            parts.append(f"{basis}: {', '.join(map(str, have))} bedroom(s)")
    return f"netpay has for {name}: {'; '.join(parts)} (0 = bachelor, 3 = three or more)."


def rent(city_name: str, bedrooms: int = 1, basis: str = "asking") -> Rent:
    """Monthly rent in ``city_name`` for ``bedrooms`` (0 = bachelor, 1, 2, 3 = three or more) on
    ``basis`` ('asking': what a newcomer signs today; 'average': CMHC average of occupied units).

    Returns the latest period we have, with its source, address and the date it was read. A
    bedroom count or basis we have no figure for raises ``NoDataError`` saying what we do have.

    >>> r = rent("Toronto", 1)
    >>> r.basis, r.amount > 0
    ('asking', True)
    """
    c = city(city_name)
    if isinstance(bedrooms, bool) or not isinstance(bedrooms, int):
        try:
            as_int = int(bedrooms)
        except (TypeError, ValueError):
            as_int = None
        if as_int is None or as_int != bedrooms:
            raise NoDataError(
                f"bedrooms must be a whole number 0-3, not {bedrooms!r}. {_what_we_have(c.name)}"
            )
        bedrooms = as_int
    if not 0 <= bedrooms <= 3:
        raise NoDataError(
            f"bedrooms must be 0 (bachelor), 1, 2 or 3 (three or more: use 3 for a larger unit), "
            f"not {bedrooms!r}. {_what_we_have(c.name)}"
        )
    if basis not in BASES:
        raise NoDataError(
            f"Unknown rent basis {basis!r}: netpay has 'asking' (asking rents, what a newcomer pays) "
            f"and 'average' (CMHC average of occupied units). {_what_we_have(c.name)}"
        )
    rows = [r for r in _rents() if r.city == c.name and r.basis == basis and r.bedrooms == bedrooms]
    if not rows:
        label = "bachelor" if bedrooms == 0 else f"{bedrooms}-bedroom"
        raise NoDataError(f"No {basis} rent for {label} units in {c.name}. {_what_we_have(c.name)}")
    return max(rows, key=lambda r: r.period_key)


def other_costs(city_name: str) -> dict[str, Cost]:
    """Other monthly costs in ``city_name`` (latest period of each item), keyed by item.

    ``Cost.monthly`` gives dollars a month whatever the unit of the source. A city without any
    other-cost figure gives an empty mapping: the comparison then counts rent only, and says so.
    """
    c = city(city_name)
    latest: dict[str, Cost] = {}
    for row in _costs():
        if row.city == c.name and (row.item not in latest or row.period_key > latest[row.item].period_key):
            latest[row.item] = row
    return dict(sorted(latest.items()))


def rents() -> pd.DataFrame:
    """All rent figures as a tidy frame in the ``rents.csv`` format."""
    return pd.DataFrame([r.model_dump() for r in _rents()], columns=list(RENT_COLUMNS))


def costs() -> pd.DataFrame:
    """All other-cost figures as a tidy frame in the ``other_costs.csv`` format, plus ``monthly``."""
    rows = [{**r.model_dump(), "monthly": r.monthly} for r in _costs()]
    return pd.DataFrame(rows, columns=[*COST_COLUMNS, "monthly"])


# --------------------------------------------------------------------------- Statistics Canada loaders

STATCAN_ASKING_SOURCE = (
    "Statistics Canada Table 46-10-0092-01 (Quarterly Rent Statistics; average asking rent, apartments)"
)
STATCAN_ASKING_URL = "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=4610009201"
CMHC_AVERAGE_SOURCE = (
    "CMHC Rental Market Survey (October) via Statistics Canada Table 34-10-0133-01 "
    "(row and apartment structures of three units and over)"
)
CMHC_AVERAGE_URL = "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=3410013301"

#: 46-10-0092-01 'Rental unit type' -> bedrooms (apartments only; houses and rooms are left out).
_ASKING_UNITS = {
    "apartment - no bedroom": 0,
    "apartment - 1 bedroom": 1,
    "apartment - 2 bedrooms": 2,
    "apartment - 3 or more bedrooms": 3,
}
#: 34-10-0133-01 'Type of unit' -> bedrooms.
_CMHC_UNITS = {"bachelor units": 0, "one bedroom units": 1, "two bedroom units": 2, "three bedroom units": 3}
_CMHC_STRUCTURE = "row and apartment structures of three units and over"

# StatCan status flags: E = use with caution; F, x, .. = no figure published.
_STATUS = {
    "E": "STATUS E (use with caution)",
    "A": "STATUS A (excellent)",
    "B": "STATUS B (very good)",
    "C": "STATUS C (good)",
    "D": "STATUS D (acceptable)",
}

# Province names (English and French) and suffixes StatCan appends to a CMA in the GEO column.
_GEO_SUFFIX = re.compile(
    r",\s*(census metropolitan area|census agglomeration)\s*\((cma|ca)\)\s*$|\s*\((cma|ca)\)\s*$",
    re.IGNORECASE,
)
_PROVINCE_WORDS = {_key(n) for n in NAMES.values()} | {
    "quebec",
    "nova scotia",
    "newfoundland and labrador",
    "ontario/quebec",
    "quebec/ontario",
    "ontario quebec",
}


def _geo_lookup() -> dict[str, City]:
    """Matching keys for the GEO column: each city's CMA and name, with and without the province."""
    known, _ = _registry()
    out: dict[str, City] = {}
    for c in known:
        for text in (c.cma, c.name):
            out.setdefault(_key(text), c)
    return out


def _match_geo(geo: str, lookup: dict[str, City]) -> City | None:
    """The city a StatCan GEO label refers to, or None: 'Toronto, Ontario (CMA)' -> Toronto,
    'Ottawa - Gatineau (Ontario part), Census metropolitan area (CMA)' -> Ottawa."""
    text = _GEO_SUFFIX.sub("", geo.strip())
    candidates = [text]
    head, _, tail = text.rpartition(",")
    if head and _key(tail) in _PROVINCE_WORDS | {"ontario part", "quebec part"}:
        candidates.append(head)
        if _key(tail) in ("ontario part", "quebec part"):
            candidates.append(f"{head} ({tail.strip()})")
    # "Ottawa-Gatineau, Ontario part, Ontario/Quebec" -> "Ottawa-Gatineau (Ontario part)"
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 2 and _key(parts[1]) in ("ontario part", "quebec part"):
        candidates.append(f"{parts[0]} ({parts[1]})")
    for cand in candidates:
        found = lookup.get(_key(cand))
        if found is not None:
            return found
    return None


def _read_statcan(path: str | PathLike[str], needed: tuple[str, ...]) -> pd.DataFrame:
    label = str(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(f"{label}: file not found") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{label}: not a readable CSV: {exc}") from None
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataFileError(
            f"{label}: missing column(s) {missing}; expected a Statistics Canada full-table CSV "
            f"with columns {list(needed)}"
        )
    return frame


def _value(raw: str, label: str, line: int) -> float | None:
    text = raw.strip()
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise DataFileError(f"{label}, line {line}: field 'VALUE': not a number: {raw!r}") from None


def load_statcan_asking_rents(
    path: str | PathLike[str],
    *,
    retrieved: dt.date | None = None,
    verified: bool = False,
    latest: bool = False,
) -> pd.DataFrame:
    """Statistics Canada table 46-10-0092-01 (full-table CSV) as a tidy frame in the rents.csv format.

    Keeps the 'Average asking rent' of apartments (no bedroom, 1, 2, 3 or more bedrooms -> 0-3) for
    the CMAs of the cities netpay knows; drops houses, rooms, 'Average paid rent', other CMAs and
    cells without a published value (STATUS '..', 'F', 'x'). ``REF_DATE`` '2026-04' becomes period
    '2026Q2'. ``retrieved`` is the date the file was downloaded (default: today); ``latest=True``
    keeps only the newest quarter of each city and bedroom count.
    """
    needed = ("REF_DATE", "GEO", "Rental unit type", "Estimates", "VALUE")
    label = str(path)

    def bedrooms_of(row: dict[str, str]) -> int | None:
        if fold(row["Estimates"]) != "average asking rent":
            return None
        return _ASKING_UNITS.get(fold(row["Rental unit type"]))

    records = []
    for line, row, place, bedrooms, amount, flag in _published_cells(_read_statcan(path, needed), label, bedrooms_of):
        ref = row["REF_DATE"].strip()
        m = re.fullmatch(r"(\d{4})-(\d{2})(-\d{2})?", ref)
        if not m:
            raise DataFileError(f"{label}, line {line}: field 'REF_DATE': expected YYYY-MM, got {ref!r}")
        quarter = (int(m.group(2)) - 1) // 3 + 1
        period = f"{m.group(1)}Q{quarter}"
        note = f"GEO '{row['GEO']}'; REF_DATE {ref}{flag}"
        records.append(_record(line, place, bedrooms, "asking", amount, period, note, retrieved, verified))
    return _tidy_records(records, label, latest)


def load_cmhc_average_rents(
    path: str | PathLike[str],
    *,
    retrieved: dt.date | None = None,
    verified: bool = False,
    latest: bool = False,
) -> pd.DataFrame:
    """Statistics Canada table 34-10-0133-01 (CMHC average rents, full-table CSV) as a tidy frame in
    the rents.csv format.

    Keeps 'Row and apartment structures of three units and over' (bachelor, one, two, three
    bedroom units -> 0-3) for the CMAs of the cities netpay knows; drops other structure types,
    other places and cells without a value. The survey is taken in October: ``REF_DATE`` '2025'
    becomes period '2025-10'. ``retrieved``, ``verified`` and ``latest`` as in
    :func:`load_statcan_asking_rents`.
    """
    needed = ("REF_DATE", "GEO", "Type of structure", "Type of unit", "VALUE")
    label = str(path)

    def bedrooms_of(row: dict[str, str]) -> int | None:
        if fold(row["Type of structure"]) != _CMHC_STRUCTURE:
            return None
        return _CMHC_UNITS.get(fold(row["Type of unit"]))

    records = []
    for line, row, place, bedrooms, amount, flag in _published_cells(_read_statcan(path, needed), label, bedrooms_of):
        ref = row["REF_DATE"].strip()
        if not re.fullmatch(r"\d{4}", ref):
            raise DataFileError(f"{label}, line {line}: field 'REF_DATE': expected a year YYYY, got {ref!r}")
        note = (
            f"GEO '{row['GEO']}'; all occupied and vacant purpose-built rental units, incl. long-tenured "
            f"rent-controlled tenants{flag}"
        )
        records.append(_record(line, place, bedrooms, "average", amount, f"{ref}-10", note, retrieved, verified))
    return _tidy_records(records, label, latest)


def _published_cells(
    frame: pd.DataFrame, label: str, bedrooms_of: Callable[[dict[str, str]], int | None]
) -> Iterator[tuple[int, dict[str, str], City, int, float, str]]:
    """Rows of a Statistics Canada full-table CSV that netpay keeps: a rent series (``bedrooms_of``
    gives its bedroom count, or None to skip the row), a CMA of a city netpay knows, and a
    published value. Yields (CSV line, row, city, bedrooms, amount, '; <status note>' or '')."""
    lookup = _geo_lookup()
    for line, row in enumerate(frame.to_dict("records"), start=2):
        bedrooms = bedrooms_of(row)
        if bedrooms is None:
            continue
        place = _match_geo(row["GEO"], lookup)
        if place is None:
            continue
        amount = _value(row["VALUE"], label, line)
        if amount is None:
            continue
        status = str(row.get("STATUS", "")).strip()
        yield line, row, place, bedrooms, amount, (f"; {_STATUS.get(status, 'STATUS ' + status)}" if status else "")


def _record(
    line: int,
    place: City,
    bedrooms: int,
    basis: str,
    amount: float,
    period: str,
    note: str,
    retrieved: dt.date | None,
    verified: bool,
) -> dict[str, Any]:
    """One loader row in the rents.csv layout (with its CSV line, for error messages)."""
    asking = basis == "asking"
    return {
        "_line": line,
        "city": place.name,
        "bedrooms": bedrooms,
        "basis": basis,
        "amount": amount,
        "period": period,
        "source": STATCAN_ASKING_SOURCE if asking else CMHC_AVERAGE_SOURCE,
        "url": STATCAN_ASKING_URL if asking else CMHC_AVERAGE_URL,
        "retrieved": retrieved or dt.date.today(),
        "verified": verified,
        "note": note,
    }


def _tidy_records(records: list[dict[str, Any]], label: str, latest: bool) -> pd.DataFrame:
    """Validate loader records (each carrying its CSV line) and return the tidy frame."""
    clean = []
    for rec in records:
        line = rec.pop("_line")
        try:
            clean.append(Rent.model_validate(rec))
        except ValidationError as exc:
            raise DataFileError(f"{label}, line {line}: {_problems(exc)}") from None
    seen: set[tuple[str, int, str, str]] = set()
    for r in clean:
        k = (r.city, r.bedrooms, r.basis, r.period)
        if k in seen:
            raise DataFileError(
                f"{label}: two rows for {r.city}, {r.bedrooms} bedroom(s), {r.period}: does the file "
                f"hold two geographies netpay maps to the same city?"
            )
        seen.add(k)
    if latest:
        best: dict[tuple[str, int, str], Rent] = {}
        for r in clean:
            k2 = (r.city, r.bedrooms, r.basis)
            if k2 not in best or r.period_key > best[k2].period_key:
                best[k2] = r
        clean = list(best.values())
    order = {c.name: i for i, c in enumerate(_registry()[0])}
    clean.sort(key=lambda r: (order[r.city], r.basis, r.bedrooms, r.period_key))
    frame = pd.DataFrame([r.model_dump() for r in clean], columns=list(RENT_COLUMNS))
    return frame.astype({"bedrooms": "int64", "amount": "float64", "verified": "bool"})


