"""What every benefit shares: the :class:`Benefit` value, newcomers' first month, the tables of a
benefit year, and the household's months (children counted at the start of each month)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from netpay.errors import InvalidIncomeError
from netpay.jurisdictions import normalize
from netpay.money import round_cents
from netpay.tables.benefits import benefit_year_name, load_benefit, periods
from netpay.tables.schema import Source, weakest_status

#: Immigration statuses :func:`eligible_from` knows.
STATUSES = ("work_permit", "permanent_resident", "citizen")
#: A temporary resident must have lived in Canada for the previous 18 months (CCB, Québec's family allowance).
TEMPORARY_RESIDENT_MONTHS = 18


@dataclasses.dataclass(frozen=True)
class Benefit:
    """One benefit for one calendar year, as paid: ``amount`` is the year's total, ``monthly`` the
    twelve payments January to December (empty for a credit claimed on the return)."""

    key: str
    label: str
    amount: float
    monthly: tuple[float, ...]
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """The weakest status of the figures used ('verified' < 'unverified' < 'not enacted' < 'projected')."""
        if not self.sources:  # nothing cited: a benefit netpay does not model
            return "unverified"
        return weakest_status(s.status for s in self.sources)


# --------------------------------------------------------------------------- dates and eligibility


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def age_on(born: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def eligible_from(status: str, arrival: dt.date) -> dt.date:
    """The first day of the first month the CCB (and the provincial benefits paid with it, and
    Québec's family allowance) can be paid to a newcomer who arrived on ``arrival``.

    - ``'permanent_resident'`` and ``'citizen'``: the month after the month of arrival (the CCB is
      paid for a month when you are eligible at its start);
    - ``'work_permit'``: a temporary resident "who has lived in Canada for the previous 18 months,
      and who has a valid permit in the 19th month" (CRA, 'Canada child benefit - How to apply'):
      the 19th month of residence, counting the arrival month when arrival is on its first day and
      the next month otherwise. Arriving 15 March 2026: April 2026 is month 1, October 2027 month 19.

    >>> eligible_from("work_permit", dt.date(2026, 3, 15))
    datetime.date(2027, 10, 1)
    >>> eligible_from("permanent_resident", dt.date(2026, 3, 15))
    datetime.date(2026, 4, 1)
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if not isinstance(arrival, dt.date) or isinstance(arrival, dt.datetime):
        raise TypeError(f"arrival must be a datetime.date such as date(2026, 3, 15), not {arrival!r}")
    if status != "work_permit":
        return add_months(arrival, 1)
    first_full = month_start(arrival) if arrival.day == 1 else add_months(arrival, 1)
    return add_months(first_full, TEMPORARY_RESIDENT_MONTHS)


# --------------------------------------------------------------------------- tables by benefit year


@dataclasses.dataclass(frozen=True)
class Table:
    """A benefit table for one period, its sources, and a note when a nearby period stood in for it."""

    table: Any
    sources: tuple[Source, ...]
    note: str | None = None


def table_for(name: str, period: str, kind: str = "benefit year") -> Table:
    """The ``name`` table for ``period``; a missing period uses the nearest one netpay has, marked
    projected (its figures were not indexed), with a note."""
    have = [p for p, names in periods().items() if name in names and ("-" in p) == (kind == "benefit year")]
    if not have:
        raise LookupError(f"netpay has no {name} table")
    chosen = period if period in have else min(have, key=lambda p: abs(int(p[:4]) - int(period[:4])))
    table = load_benefit(chosen, name)
    sources = tuple(s for v in table.sources.values() for s in (v if isinstance(v, list) else [v]))
    if chosen == period:
        return Table(table, dedupe(sources))
    note = f"no {name} table for {period}: the {chosen} figures are used as they are (not indexed)"
    return Table(table, dedupe(tuple(s.model_copy(update={"projected": True}) for s in sources)), note)


def dedupe(sources: tuple[Source, ...]) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(sources))


# --------------------------------------------------------------------------- the household's months


@dataclasses.dataclass(frozen=True)
class Family:
    """What every benefit rule reads, validated once."""

    province: str
    year: int
    incomes: Mapping[int, float]
    children: tuple[dt.date, ...]
    couple: bool
    working_income: float
    spouse_working_income: float
    rent_paid: float
    eligible_from: dt.date | None
    resident_from: dt.date | None
    #: Non-subsidised childcare fees paid in the year for each child (as ``children``; empty: none).
    childcare_fees: tuple[float, ...] = ()

    def afni(self, tax_year: int, notes: list[str]) -> float:
        """AFNI of ``tax_year``; a year not given counts as 0, with a note."""
        if tax_year not in self.incomes:
            note = (
                f"no family net income given for {tax_year}: counted as 0 "
                "(for a newcomer, the world income before arrival)"
            )
            if note not in notes:
                notes.append(note)
            return 0.0
        return float(self.incomes[tax_year])

    def children_on(self, day: dt.date) -> tuple[int, int]:
        """(children under 6, children 6 to 17) for the month that starts on ``day``: born before it,
        under 18 on it; a child counts as under 6 until the month after the one in which it turns 6
        (ITA s. 122.61(1): qualified dependants "who have not attained the age of six years before
        the month"; CRA: the amount changes the month after the child turns 6), so a child turning 6
        on the 1st of a month still counts as under 6 that month. The statute's words are quoted from
        memory, not seen in a stored copy: unverified."""
        born = [b for b in self.children if b < day]
        under_6 = sum(age_on(b, day - dt.timedelta(days=1)) < 6 for b in born)
        return under_6, sum(age_on(b, day) < 18 for b in born) - under_6

    def children_under(self, age: int, day: dt.date) -> int:
        """Children born before ``day`` and under ``age`` on it (the GST/HST credit counts those under 19)."""
        return sum(1 for b in self.children if b < day and age_on(b, day) < age)

    @property
    def family(self) -> bool:
        """A couple or a single parent (the CWB's 'family')."""
        return self.couple or bool(self.children)

    def paid(self, day: dt.date, start: dt.date | None) -> bool:
        return start is None or day >= start


#: (table, AFNI, the month's first day, the family) -> the annual amount as the family stands that month.
MonthlyRule = Callable[[Any, float, dt.date, "Family"], float]


def benefit_year_payments(
    family: Family, name: str, annual: MonthlyRule, months: Sequence[int], per_year: int, start: dt.date | None
) -> tuple[tuple[float, ...], list[Source], list[str]]:
    """Payments in each month of the calendar year for a benefit paid ``per_year`` times in ``months``:
    each a ``1/per_year`` share of the annual amount for the family as it stands that month, from
    the benefit year (July-June) the month belongs to, on the AFNI of the year before it began."""
    paid, sources, notes = [0.0] * 12, list[Source](), list[str]()
    for month in months:
        day = dt.date(family.year, month, 1)
        july = family.year if month >= 7 else family.year - 1
        found = table_for(name, benefit_year_name(july))
        sources += found.sources
        if found.note and found.note not in notes:
            notes.append(found.note)
        if not family.paid(day, start):
            continue
        amount = annual(found.table, family.afni(july - 1, notes), day, family)
        paid[month - 1] = float(round_cents(amount / per_year))
    return tuple(paid), list(dedupe(tuple(sources))), notes


def check_family(
    province: str,
    year: int,
    family_net_income: Mapping[int, float],
    children: Sequence[dt.date],
    amounts: Mapping[str, float],
) -> tuple[str, dict[int, float], tuple[dt.date, ...]]:
    """Validate the inputs of :func:`household_benefits`; each error names the parameter and the fix."""
    code = normalize(province)  # UnknownJurisdictionError names the closest one
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        raise TypeError(f"year must be a whole number such as 2026, not {year!r}")
    if not isinstance(family_net_income, Mapping):
        raise TypeError("family_net_income must map a tax year to an amount, e.g. {2024: 90000, 2025: 95000}")
    incomes = {}
    for y, v in family_net_income.items():
        if isinstance(y, bool) or not isinstance(y, numbers.Integral):
            raise TypeError(f"family_net_income: keys are tax years such as 2025, not {y!r}")
        incomes[int(y)] = check_amount(f"family_net_income[{y}]", v)
    if isinstance(children, (str, bytes, dt.date)):
        raise TypeError(f"children must be a list of birth dates, e.g. [date(2023, 5, 1)], not {children!r}")
    born = tuple(as_date(f"children[{i}]", b) for i, b in enumerate(children))
    for name, value in amounts.items():
        check_amount(name, value)
    return code, incomes, born


def check_fees(fees: Sequence[float], children: int) -> tuple[float, ...]:
    """``childcare_fees`` of :func:`household_benefits`: one amount per child, or none at all."""
    if isinstance(fees, (str, bytes)) or not isinstance(fees, Sequence):
        raise TypeError(f"childcare_fees must be a list of yearly amounts, one per child, not {fees!r}")
    if fees and len(fees) != children:
        raise ValueError(
            f"childcare_fees has {len(fees)} amounts for {children} children: give one per child "
            "(0 for a child without non-subsidised fees), in the order of children"
        )
    return tuple(check_amount(f"childcare_fees[{i}]", v) for i, v in enumerate(fees))


def as_date(name: str, value: Any) -> dt.date:
    """A date from a ``datetime.date`` (a ``datetime`` gives its date); anything else names ``name``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"{name} must be a birth date (datetime.date), not {value!r}")
    return value


def check_amount(name: str, value: Any) -> float:
    """A finite amount of zero or more, as a float; anything else names ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise InvalidIncomeError(f"{name} must be a finite amount of dollars (a number), not {value!r}")
    if value < 0:
        raise InvalidIncomeError(f"{name} must be zero or more, not {value!r}")
    return float(value)
