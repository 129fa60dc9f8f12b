"""Childcare parent fees: ``data/costs/childcare.csv``, one cited row per province (a city row
where a city's fee differs), age group and period.

The fees are those of the $10-a-day agreements (CWELCC): each province's cap or flat fee in an
enrolled or subsidised space for a child under 6, found in ``data/costs/childcare.csv``. Spaces are
rationed and non-enrolled centres charge market rates, so the fee is what a family pays **if it
finds a space**; override it when you know yours. A fee per day is turned into a month at 261 days
a year (Québec's Ministère de la Famille: 'Your child is entitled to 261 days of childcare per
year'), 21.75 days a month. Provinces without a row (NS, NB) use Statistics Canada's national
average ($435 a month, 2025), and say so.

The full-day fee stops when the child starts free public kindergarten (``data/costs/kindergarten.csv``:
each province's entry age and birthday cut-off — Ontario's junior kindergarten and Nova Scotia's
pre-primary at 4, Québec's maternelle 5 ans at 5 by 30 September, elsewhere 5 by 31 December): it is
charged for the months from birth to the August before that September. Before- and after-school care
is not modelled.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from netpay.citydata.files import data_file
from netpay.citydata.registry import City, canonical_name, city
from netpay.citydata.rows import SOURCE_COLUMNS, CitedRow
from netpay.errors import DataFileError
from netpay.jurisdictions import NAMES
from netpay.money import round_cents
from netpay.tables import Frozen, Source, validation_problems

CHILDCARE_FILE = "costs/childcare.csv"
KINDERGARTEN_FILE = "costs/kindergarten.csv"
KINDERGARTEN_COLUMNS = ("province", "entry_age", "cutoff", "program", *SOURCE_COLUMNS)
COLUMNS = (
    "province",
    "city",
    "age_group",
    "amount",
    "unit",
    "period",
    *SOURCE_COLUMNS,
)
#: Childcare days a year (Québec's reduced-contribution program), hence 21.75 a month.
DAYS_PER_YEAR = 261
#: The row that stands in for a province without its own.
NATIONAL = "CA"
#: Age on 1 September from which a child is at school all day (no full-day childcare fee).
SCHOOL_AGE = 6


class FeeRow(CitedRow):
    """One cited parent fee: ``amount`` per ``unit`` for ``age_group`` in a province (or one city)."""

    province: str
    city: str | None = None
    age_group: Literal["under_6", "infant", "toddler", "preschool"]
    amount: float = Field(ge=0)
    unit: Literal["CAD/day", "CAD/month"]
    period: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")

    @field_validator("province")
    @classmethod
    def _province(cls, value: str) -> str:
        if value != NATIONAL and value not in NAMES:
            raise ValueError(f"not a province code: {value!r}")
        return value

    @field_validator("city", "note", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("city")
    @classmethod
    def _known_city(cls, value: str | None) -> str | None:
        return None if value is None else canonical_name(value)

    @property
    def monthly(self) -> float:
        """Dollars a month (a daily fee x 261 / 12)."""
        return self.amount * DAYS_PER_YEAR / 12.0 if self.unit == "CAD/day" else self.amount

    @property
    def start(self) -> tuple[int, int]:
        return int(self.period[:4]), int(self.period[5:])

    def source_record(self, note: str | None = None, stand_in: bool = False) -> Source:
        """The row as a :class:`Source`; a row standing in for another place or year is not verified for it."""
        text = "; ".join(x for x in (self.note, note) if x)
        verified = self.verified and not stand_in
        return Source(title=self.source, href=self.url, retrieved=self.retrieved, verified=verified, note=text)


class KindergartenRow(CitedRow):
    """One province's free public kindergarten: a child ``entry_age`` or older on ``cutoff`` (MM-DD)
    of a year starts in September of that year."""

    province: str
    entry_age: int = Field(ge=3, le=6)
    cutoff: str = Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
    program: str = Field(min_length=3)

    @field_validator("province")
    @classmethod
    def _province(cls, value: str) -> str:
        if value not in NAMES:
            raise ValueError(f"not a province code: {value!r}")
        return value

    def starts(self, born: dt.date) -> dt.date:
        """1 September of the year the child is ``entry_age`` by the cut-off (then the next year)."""
        month, day = int(self.cutoff[:2]), int(self.cutoff[3:])
        year = born.year + self.entry_age + ((born.month, born.day) > (month, day))
        return dt.date(year, 9, 1)


def _read(name: str, columns: tuple[str, ...], model: type[Frozen]) -> tuple[Frozen, ...]:
    label = f"data/{name}"
    reader = csv.DictReader(io.StringIO(data_file(name).read_text(encoding="utf-8")))
    if tuple(reader.fieldnames or ()) != columns:
        raise DataFileError(f"{label}: header is {reader.fieldnames!r}, expected {','.join(columns)!r}")
    rows = []
    for line, raw in enumerate(reader, start=2):
        try:
            rows.append(model.model_validate(raw))
        except ValidationError as exc:
            raise DataFileError(f"{label}, line {line}: {validation_problems(exc)}") from None
    return tuple(rows)


@functools.cache
def load_fees() -> tuple[FeeRow, ...]:
    """Every row of ``data/costs/childcare.csv``, validated."""
    return _read(CHILDCARE_FILE, COLUMNS, FeeRow)  # type: ignore[return-value]


@functools.cache
def load_kindergarten() -> dict[str, KindergartenRow]:
    """``data/costs/kindergarten.csv`` by province, validated; every province and territory has a row."""
    rows: tuple[KindergartenRow, ...] = _read(KINDERGARTEN_FILE, KINDERGARTEN_COLUMNS, KindergartenRow)  # type: ignore[assignment]
    by = {r.province: r for r in rows}
    missing = sorted(set(NAMES) - set(by) - {"CA"})
    if missing or len(by) != len(rows):
        raise DataFileError(f"data/{KINDERGARTEN_FILE}: one row per province needed; missing {missing}")
    return by


def fee_months(born: dt.date, year: int, province: str) -> int:
    """Months of ``year`` with a full-day childcare fee: each month whose first day is on or after
    ``born`` (so not before birth) and before 1 September of the year the child starts kindergarten
    in ``province`` (:class:`KindergartenRow`)."""
    starts = load_kindergarten()[province].starts(born)
    return sum(born <= dt.date(year, m, 1) < starts for m in range(1, 13))


def age_group(born: dt.date, year: int) -> str | None:
    """The fee's age group in ``year``: 'under_6' for a child under 6 on 1 September (not yet in
    grade 1), None for a school-age child or one not born by the end of the year."""
    september = dt.date(year, 9, 1)
    if born > dt.date(year, 12, 31):
        return None
    age = september.year - born.year - ((september.month, september.day) < (born.month, born.day))
    return "under_6" if age < SCHOOL_AGE else None


def fee_row(place: City, year: int) -> tuple[FeeRow, str | None]:
    """The row for ``place`` in ``year``: its city's, else its province's, else the national
    average; the latest period starting by the end of ``year`` (else the earliest, with a note)."""
    rows = load_fees()
    for match in (
        [r for r in rows if r.city == place.name],
        [r for r in rows if r.city is None and r.province == place.province],
        [r for r in rows if r.province == NATIONAL],
    ):
        if match:
            break
    note = None if match[0].province != NATIONAL else f"no {place.province_name} fee found: the national average"
    started = [r for r in match if r.start[0] <= year]
    if started:
        return max(started, key=lambda r: r.start), note
    earliest = min(match, key=lambda r: r.start)
    return earliest, "; ".join(x for x in (note, f"no fee for {year}: the {earliest.period} one") if x)


def childcare_fee(city_name: str | City, born: dt.date, year: int) -> tuple[float, Source]:
    """Monthly full-time parent fee for a child born on ``born``, in ``city_name``, in ``year``, and
    its source: the province's capped or flat fee in an enrolled space, averaged over the year's 12
    months when it is charged for fewer (:func:`fee_months`: not before birth, not from the September
    the child starts kindergarten); 0.0 from then on.

    >>> childcare_fee("Calgary", dt.date(2024, 3, 1), 2026)[0]
    326.25
    """
    if not isinstance(born, dt.date) or isinstance(born, dt.datetime):
        raise TypeError(f"born must be a birth date (datetime.date), not {born!r}")
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be a whole number such as 2026, not {year!r}")
    place = city(city_name)
    row, note = fee_row(place, year)
    stand_in = note is not None
    months = fee_months(born, year, place.province) if age_group(born, year) else 0
    k = load_kindergarten()[place.province]
    if months == 0:
        why = (
            f"no full-day childcare fee in {year} for a child born {born.isoformat()}: in {k.program} or school "
            f"(age {k.entry_age} by {k.cutoff}, data/{KINDERGARTEN_FILE}) or not yet born; before- and "
            "after-school care not modelled"
        )
        return 0.0, row.source_record(why)
    starts = k.starts(born)
    school = starts.year == year
    if months < 12:
        reasons = [f"{months} of 12 months (the year's average a month)"]
        if born > dt.date(year, 1, 1):
            reasons.append(f"from the month of birth ({born.isoformat()})")
        if school:
            reasons.append(
                f"{k.program} from September {year} (age {k.entry_age} by {k.cutoff}, data/{KINDERGARTEN_FILE}"
                f"{'' if k.verified else ', not verified'}); before- and after-school care not modelled"
            )
        note = "; ".join(x for x in (note, ", ".join(reasons)) if x)
    stand_in = stand_in or (school and not k.verified)
    return float(round_cents(row.monthly * months / 12.0)), row.source_record(note, stand_in=stand_in)
