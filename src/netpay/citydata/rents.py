"""Rents: ``data/rent/rents.csv``, one row per (city, bedrooms, basis, period), with its source.

Two bases, never mixed: ``asking`` (Statistics Canada quarterly asking rents, table 46-10-0092-01:
what a newcomer signs today) and ``average`` (CMHC Rental Market Survey, table 34-10-0133-01: all
purpose-built units, including long-time tenants under rent control). Bedrooms are 0 (bachelor),
1, 2 or 3 (three or more). A figure netpay does not have raises :class:`netpay.errors.NoDataError`
saying what it has: netpay never invents a rent.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from netpay.citydata.registry import City, city
from netpay.citydata.rows import SOURCE_COLUMNS, CsvRow, latest_row, load_rows
from netpay.errors import NoDataError

if TYPE_CHECKING:
    import pandas as pd

Basis = Literal["asking", "average"]
BASES: tuple[str, ...] = ("asking", "average")
#: Bedroom counts a rent figure can have: 0 = bachelor, 3 = three or more.
BEDROOMS: tuple[int, ...] = (0, 1, 2, 3)

RENTS_FILE = "rent/rents.csv"
#: Columns of ``data/rent/rents.csv`` (and of the frames the StatCan loaders return), in order.
RENT_COLUMNS: tuple[str, ...] = (
    "city",
    "bedrooms",
    "basis",
    "amount",
    "period",
    *SOURCE_COLUMNS,
)


def bedroom_label(bedrooms: int) -> str:
    """How netpay writes a unit's size: 'bachelor' for 0, else '<n>-bedroom' ('3-bedroom' is three or more)."""
    return "bachelor" if bedrooms == 0 else f"{bedrooms}-bedroom"


def check_bedrooms(value: Any) -> int:
    """``value`` as a bedroom count 0-3 (a whole number; 2.0 is 2); else a NoDataError saying what to give."""
    whole: int | None = None
    if not isinstance(value, bool):
        try:
            whole = int(value)
        except (TypeError, ValueError, OverflowError):
            whole = None
    if whole is None or whole != value or whole not in BEDROOMS:
        raise NoDataError(
            f"bedrooms must be 0 (bachelor), 1, 2 or 3 (three or more: use 3 for a larger unit), not {value!r}."
        )
    return whole


def check_basis(value: Any, field: str = "basis") -> str:
    """``value`` if it is a rent basis; else a NoDataError naming ``field`` and the two bases."""
    if not isinstance(value, str) or value not in BASES:
        raise NoDataError(
            f"Unknown rent basis {value!r}: give {field}='asking' (asking rents, what a newcomer pays) "
            f"or {field}='average' (CMHC average of occupied units)."
        )
    return value


class Rent(CsvRow):
    """One rent figure: monthly rent for ``bedrooms`` (0 = bachelor, 3 = three or more) on ``basis``."""

    bedrooms: int = Field(ge=BEDROOMS[0], le=BEDROOMS[-1])
    basis: Basis
    amount: float = Field(gt=0, description="dollars per month")


@functools.cache
def load_rents() -> tuple[Rent, ...]:
    """Every row of ``data/rent/rents.csv``, validated; one per (city, bedrooms, basis, period)."""
    return load_rows(RENTS_FILE, RENT_COLUMNS, Rent, ("city", "bedrooms", "basis", "period"))


@functools.cache
def latest_rents() -> dict[tuple[str, int, str], Rent]:
    """(city, bedrooms, basis) -> the row of the latest period."""
    series: dict[tuple[str, int, str], list[Rent]] = {}
    for r in load_rents():
        series.setdefault((r.city, r.bedrooms, r.basis), []).append(r)
    return {k: latest_row(rows) for k, rows in series.items()}


def what_we_have(name: str) -> str:
    """The bedroom counts netpay has a rent for in the city ``name``, on each basis, in a sentence."""
    rows = [r for r in load_rents() if r.city == name]
    if not rows:
        return f"netpay has no rent figure for {name}."
    parts = []
    for basis in BASES:
        have = sorted({r.bedrooms for r in rows if r.basis == basis})
        if have:
            parts.append(f"{basis}: {', '.join(map(str, have))} bedroom(s)")
    return f"netpay has for {name}: {'; '.join(parts)} (0 = bachelor, 3 = three or more)."


def rent(city_name: str | City, bedrooms: int = 1, basis: str = "asking") -> Rent:
    """Monthly rent in ``city_name`` for ``bedrooms`` (0 = bachelor, 1, 2, 3 = three or more) on
    ``basis`` ('asking': what a newcomer signs today; 'average': CMHC average of occupied units).

    Returns the latest period we have, with its source, address and the date it was read. A
    bedroom count or basis we have no figure for raises ``NoDataError`` saying what we do have.

    >>> r = rent("Toronto", 1)
    >>> r.basis, r.amount > 0
    ('asking', True)
    """
    c = city(city_name)
    try:
        n = check_bedrooms(bedrooms)
        check_basis(basis)
    except NoDataError as exc:
        raise NoDataError(f"{exc} {what_we_have(c.name)}") from None
    return latest_rent(c, n, basis)


def latest_rent(place: City, bedrooms: int, basis: str) -> Rent:
    """The latest rent figure for a checked bedroom count and basis (see :func:`check_bedrooms`,
    :func:`check_basis`); a NoDataError saying what netpay has if there is none."""
    found = latest_rents().get((place.name, bedrooms, basis))
    if found is None:
        raise NoDataError(
            f"No {basis} rent for {bedroom_label(bedrooms)} units in {place.name}. {what_we_have(place.name)}"
        )
    return found


def rents() -> pd.DataFrame:
    """All rent figures as a tidy frame in the ``rents.csv`` format."""
    import pandas as pd  # loaded on first use: importing netpay stays quick

    return pd.DataFrame([r.model_dump() for r in load_rents()], columns=list(RENT_COLUMNS))
