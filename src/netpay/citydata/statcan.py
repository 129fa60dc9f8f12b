"""Refresh tooling: Statistics Canada's full-table CSVs of rents, read into the ``rents.csv`` layout.

- :func:`load_statcan_asking_rents`: table 46-10-0092-01, quarterly asking rents (basis ``asking``).
- :func:`load_cmhc_average_rents`: table 34-10-0133-01, CMHC Rental Market Survey averages (``average``).

Both keep the census metropolitan areas of the cities netpay knows, validate every row as a
:class:`~netpay.citydata.rents.Rent` and name the file and line of any bad cell. The runtime
lookups (:func:`netpay.citydata.rent`) never read these downloads; they read ``data/rent/rents.csv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from os import PathLike
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from netpay.citydata.registry import City, load_registry, match_key
from netpay.citydata.rents import RENT_COLUMNS, Rent, bedroom_label
from netpay.citydata.rows import latest_row
from netpay.errors import DataFileError
from netpay.jurisdictions import NAMES, fold
from netpay.tables import validation_problems

if TYPE_CHECKING:
    import pandas as pd

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
_PROVINCE_WORDS = {match_key(n) for n in NAMES.values()} | {
    "quebec",
    "nova scotia",
    "newfoundland and labrador",
    "ontario/quebec",
    "quebec/ontario",
    "ontario quebec",
}


def _geo_lookup() -> dict[str, City]:
    """Matching keys for the GEO column: each city's CMA and name, with and without the province."""
    out: dict[str, City] = {}
    for c in load_registry().cities:
        for text in (c.cma, c.name):
            out.setdefault(match_key(text), c)
    return out


def _match_geo(geo: str, lookup: dict[str, City]) -> City | None:
    """The city a StatCan GEO label refers to, or None: 'Toronto, Ontario (CMA)' -> Toronto,
    'Ottawa - Gatineau (Ontario part), Census metropolitan area (CMA)' -> Ottawa."""
    text = _GEO_SUFFIX.sub("", geo.strip())
    candidates = [text]
    head, _, tail = text.rpartition(",")
    if head and match_key(tail) in _PROVINCE_WORDS | {"ontario part", "quebec part"}:
        candidates.append(head)
        if match_key(tail) in ("ontario part", "quebec part"):
            candidates.append(f"{head} ({tail.strip()})")
    # "Ottawa-Gatineau, Ontario part, Ontario/Quebec" -> "Ottawa-Gatineau (Ontario part)"
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 2 and match_key(parts[1]) in ("ontario part", "quebec part"):
        candidates.append(f"{parts[0]} ({parts[1]})")
    for cand in candidates:
        found = lookup.get(match_key(cand))
        if found is not None:
            return found
    return None


def read_statcan(path: str | PathLike[str], needed: tuple[str, ...]) -> pd.DataFrame:
    """A Statistics Canada full-table CSV, every cell as text; an error names the file and what is missing."""
    import pandas as pd  # loaded on first use: importing netpay stays quick

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


def statcan_value(raw: str, label: str, line: int) -> float | None:
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
    for line, row, place, bedrooms, amount, flag in _published_cells(read_statcan(path, needed), label, bedrooms_of):
        ref = row["REF_DATE"].strip()
        m = re.fullmatch(r"(\d{4})-(\d{2})(-\d{2})?", ref)
        if not m:
            raise DataFileError(f"{label}, line {line}: field 'REF_DATE': expected YYYY-MM, got {ref!r}")
        quarter = (int(m.group(2)) - 1) // 3 + 1
        period = f"{m.group(1)}Q{quarter}"
        note = f"GEO '{row['GEO']}'; REF_DATE {ref}{flag}"
        records.append(_rent_record(line, place, bedrooms, "asking", amount, period, note, retrieved, verified))
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
    for line, row, place, bedrooms, amount, flag in _published_cells(read_statcan(path, needed), label, bedrooms_of):
        ref = row["REF_DATE"].strip()
        if not re.fullmatch(r"\d{4}", ref):
            raise DataFileError(f"{label}, line {line}: field 'REF_DATE': expected a year YYYY, got {ref!r}")
        note = (
            f"GEO '{row['GEO']}'; all occupied and vacant purpose-built rental units, incl. long-tenured "
            f"rent-controlled tenants{flag}"
        )
        records.append(_rent_record(line, place, bedrooms, "average", amount, f"{ref}-10", note, retrieved, verified))
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
        amount = statcan_value(row["VALUE"], label, line)
        if amount is None:
            continue
        status = str(row.get("STATUS", "")).strip()
        yield line, row, place, bedrooms, amount, (f"; {_STATUS.get(status, 'STATUS ' + status)}" if status else "")


def _rent_record(
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
    import pandas as pd  # loaded on first use: importing netpay stays quick

    clean = []
    for rec in records:
        line = rec.pop("_line")
        try:
            clean.append(Rent.model_validate(rec))
        except ValidationError as exc:
            raise DataFileError(f"{label}, line {line}: {validation_problems(exc)}") from None
    seen: set[tuple[str, int, str, str]] = set()
    for r in clean:
        k = (r.city, r.bedrooms, r.basis, r.period)
        if k in seen:
            raise DataFileError(
                f"{label}: two rows for {bedroom_label(r.bedrooms)} units in {r.city}, {r.period}: does the file "
                f"hold two geographies netpay maps to the same city?"
            )
        seen.add(k)
    if latest:
        series: dict[tuple[str, int, str], list[Rent]] = {}
        for r in clean:
            series.setdefault((r.city, r.bedrooms, r.basis), []).append(r)
        clean = [latest_row(rows) for rows in series.values()]
    order = {c.name: i for i, c in enumerate(load_registry().cities)}
    clean.sort(key=lambda r: (order[r.city], r.basis, r.bedrooms, r.period_key))
    frame = pd.DataFrame([r.model_dump() for r in clean], columns=list(RENT_COLUMNS))
    return frame.astype({"bedrooms": "int64", "amount": "float64", "verified": "bool"})
