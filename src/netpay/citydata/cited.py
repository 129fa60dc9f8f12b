"""Cited figures of the living-cost files ``data/costs/{basket,cpi,utilities,move_fees}.csv``.

Every row is one figure: where it applies (``geo``: 'Canada', a province, a city or a Market Basket
Measure region), what it is (``item``), its ``amount`` and ``unit``, the ``period`` it refers to, and
its source: ``title``, ``href``, the date it was ``retrieved`` and whether the figure was seen in that
source (``verified``), with a ``note`` saying how it was read or derived. A file is read whole and
validated; an error names the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, TypeVar

from pydantic import Field, field_validator

from netpay.citydata.rows import PERIOD_PATTERN, load_rows, period_start
from netpay.tables import Frozen

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

#: Columns that identify a row: one figure per geography, base, item, unit and period.
KEY_COLUMNS = ("geo", "base", "item", "period", "unit")


def read_cited(name: str, columns: tuple[str, ...] = CITED_COLUMNS, model: type[Row] = CitedFigure) -> tuple[Row, ...]:  # type: ignore[assignment]
    """Every row of the shipped file ``data/<name>``, validated (``netpay.citydata.rows.load_rows``)."""
    return load_rows(name, columns, model, tuple(c for c in columns if c in KEY_COLUMNS), where="geo")


@functools.cache
def cited(name: str) -> tuple[CitedFigure, ...]:
    """The rows of ``data/<name>`` (a file in the common layout), read once per session."""
    return read_cited(name)
