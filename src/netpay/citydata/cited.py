"""Cited figures of the living-cost files ``data/costs/{basket,cpi,utilities,move_fees}.csv``.

Every row is one figure: where it applies (``geo``: 'Canada', a province, a city or a Market Basket
Measure region), what it is (``item``), its ``amount`` and ``unit``, the ``period`` it refers to, and
its source: ``title``, ``href``, the date it was ``retrieved`` and whether the figure was seen in that
source (``verified``), with a ``note`` saying how it was read or derived. A file is read whole and
validated; an error names the file, the line and the field.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from typing import Any, TypeVar

from pydantic import Field, ValidationError, field_validator

from netpay.citydata.files import data_file
from netpay.citydata.rows import PERIOD_PATTERN, period_start
from netpay.errors import DataFileError
from netpay.tables import Frozen, validation_problems

#: Columns of the cited living-cost files, in order (``basket.csv`` adds ``base`` after ``geo``).
CITED_COLUMNS: tuple[str, ...] = (
    "geo",
    "item",
    "amount",
    "unit",
    "period",
    "title",
    "href",
    "retrieved",
    "verified",
    "note",
)


class CitedFigure(Frozen):
    """One cited figure: ``amount`` in ``unit`` for ``item`` in ``geo`` and ``period``, with its source."""

    geo: str = Field(min_length=2)
    item: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    amount: float = Field(ge=0)
    unit: str = Field(min_length=2)
    period: str = Field(pattern=PERIOD_PATTERN)
    title: str = Field(min_length=5)
    href: str = Field(pattern=r"^https?://")
    retrieved: dt.date
    verified: bool
    note: str | None = None

    @field_validator("note", mode="before")
    @classmethod
    def _empty_note(cls, value: Any) -> Any:
        return None if value in ("", None) else value

    @property
    def period_key(self) -> tuple[int, int]:
        """The period's start as (year, month), to find the latest of several periods."""
        return period_start(self.period)

    @property
    def status(self) -> str:
        """'verified' when the figure was seen in its source, else 'unverified'."""
        return "verified" if self.verified else "unverified"

    @property
    def citation(self) -> str:
        """'<title> (<period>) <href>'."""
        return f"{self.title} ({self.period}) {self.href}"


Row = TypeVar("Row", bound=CitedFigure)


def parse_cited(text: str, label: str, columns: tuple[str, ...], model: type[Row]) -> tuple[Row, ...]:
    """Parse and validate a cited CSV; an error names the file, the line and the field."""
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(reader.fieldnames or ())
    if header != columns:
        raise DataFileError(f"{label}: header is {','.join(header)!r}, expected {','.join(columns)!r}")
    rows = []
    seen: set[tuple[Any, ...]] = set()
    for line, raw in enumerate(reader, start=2):
        if None in raw or any(v is None for v in raw.values()):
            raise DataFileError(f"{label}, line {line}: expected {len(columns)} fields")
        try:
            row = model.model_validate(raw)
        except ValidationError as exc:
            raise DataFileError(f"{label}, line {line} ({raw.get('geo')!r}): {validation_problems(exc)}") from None
        key = tuple(raw[c] for c in columns if c in ("geo", "base", "item", "period", "unit"))
        if key in seen:
            raise DataFileError(f"{label}, line {line}: a second row for {key}")
        seen.add(key)
        rows.append(row)
    return tuple(rows)


def read_cited(name: str, columns: tuple[str, ...] = CITED_COLUMNS, model: type[Row] = CitedFigure) -> tuple[Row, ...]:  # type: ignore[assignment]
    """Every row of the shipped file ``data/<name>``, validated."""
    label = f"data/{name}"
    file = data_file(name)
    if not file.is_file():
        raise DataFileError(f"{label}: file not found")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    return parse_cited(text, label, columns, model)


@functools.cache
def cited(name: str) -> tuple[CitedFigure, ...]:
    """The rows of ``data/<name>`` (a file in the common layout), read once per session."""
    return read_cited(name)


def latest(rows: list[Row]) -> Row:
    """The row of the latest period."""
    return max(rows, key=lambda r: r.period_key)
