"""Cited CSV rows: the fields every row of ``data/rent/`` and ``data/costs/`` has, and how they are read.

Each row carries its figure's period ("2026", "2026Q2", "2025-10"), source title, address, the date it
was read and whether the figure was seen in that source (``verified``). A file is read whole and
validated; an error names the file, the line, the city and the field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from pydantic import Field, ValidationError, field_validator

from netpay.citydata.files import data_file
from netpay.citydata.registry import canonical_name
from netpay.errors import DataFileError
from netpay.tables import Frozen, validation_problems

#: A period: a year "2026", a quarter "2026Q2" or a month "2025-10".
PERIOD_PATTERN = r"^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$"


def period_start(period: str) -> tuple[int, int]:
    """Sortable (year, month) of a period's start: '2026' -> (2026, 1); '2026Q2' -> (2026, 4);
    '2025-10' -> (2025, 10)."""
    year = int(period[:4])
    if len(period) == 4:
        return year, 1
    if period[4] == "Q":
        return year, 3 * (int(period[5]) - 1) + 1
    return year, int(period[5:7])


class CitedRow(Frozen):
    """The source columns of a cited CSV row: its title, address, the date read, whether the figure
    was seen there, and a note (an empty cell is no note)."""

    source: str = Field(min_length=5)
    url: str = Field(pattern=r"^https?://")
    retrieved: dt.date
    verified: bool
    note: str | None = None

    @field_validator("note", mode="before")
    @classmethod
    def _empty_note(cls, value: Any) -> Any:
        return None if value in ("", None) else value


#: The source columns every cited CSV file ends with, in order.
SOURCE_COLUMNS: tuple[str, ...] = tuple(CitedRow.model_fields)


class CsvRow(CitedRow):
    """Fields every cited CSV row of a city has: an amount of zero or more (``Frozen`` refuses NaN and
    infinities), its period and its source."""

    city: str
    amount: float = Field(ge=0)
    period: str = Field(pattern=PERIOD_PATTERN)

    @field_validator("city")
    @classmethod
    def _known_city(cls, value: str) -> str:
        return canonical_name(value)

    @property
    def period_key(self) -> tuple[int, int]:
        """The period's start as (year, month), to find the latest of several periods."""
        return period_start(self.period)


Row = TypeVar("Row", bound=Frozen)


class Dated(Protocol):
    """A row with a period (``CsvRow``, ``netpay.citydata.cited.CitedFigure``)."""

    @property
    def period_key(self) -> tuple[int, int]: ...


D = TypeVar("D", bound=Dated)


def read_csv(text: str, label: str, columns: tuple[str, ...], model: type[Row], where: str = "city") -> list[Row]:
    """Parse and validate a cited CSV; an error names the file, the line, the row's ``where`` column
    (its city, or its geography) and the field."""
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
            place = f"{label}, line {line} ({where} {raw.get(where)!r})"
            raise DataFileError(f"{place}: {validation_problems(exc)}") from None
    return rows


def check_unique(rows: Iterable[Any], fields: tuple[str, ...], label: str) -> None:
    """Refuse two rows with the same values of ``fields`` (one figure per city, item and period)."""
    seen: set[tuple[Any, ...]] = set()
    for row in rows:
        k = tuple(getattr(row, f) for f in fields)
        if k in seen:
            raise DataFileError(f"{label}: duplicate row for {dict(zip(fields, k, strict=True))}")
        seen.add(k)


def load_rows(
    name: str, columns: tuple[str, ...], model: type[Row], key: tuple[str, ...], where: str = "city"
) -> tuple[Row, ...]:
    """Read and validate one shipped CSV (``data/<name>``); rows must be unique on ``key``; errors
    name each row by its ``where`` column."""
    label = f"data/{name}"
    file = data_file(name)
    if not file.is_file():
        raise DataFileError(f"{label}: file not found")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    rows = read_csv(text, label, columns, model, where)
    check_unique(rows, key, label)
    return tuple(rows)


def latest_row(rows: Iterable[D]) -> D:
    """The row of the latest period (rows of one city and one series)."""
    return max(rows, key=lambda r: r.period_key)
