"""The benefits a household receives in a calendar year, as paid, each with its sources.

A benefit year runs from July to June and is computed on the adjusted family net income (AFNI) of
the tax year before it began: calendar year 2026 receives January-June from the July 2025-June 2026
year (on 2024's AFNI) and July-December from the July 2026-June 2027 year (on 2025's AFNI).
:func:`household_benefits` walks the twelve months of the year, counts the children at the start of
each month (the CCB's under-6 amount ends the month after the sixth birthday, a child counts
from the month after birth to the month of the 18th birthday) and sums what is paid in the year.

:func:`eligible_from` gives the first month a newcomer can be paid the CCB (and the provincial
benefits paid with it, and Québec's family allowance): the month after arrival for a permanent
resident or citizen, the 19th month of residence for a temporary resident (work permit).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from netpay.errors import InvalidIncomeError
from netpay.jurisdictions import normalize
from netpay.money import round_cents
from netpay.rules.benefits import ccb
from netpay.tables.benefits import benefit_year_name, load_benefit, periods
from netpay.tables.schema import Source, weakest_status

__all__ = ["STATUSES", "Benefit", "eligible_from", "household_benefits"]

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
        """(children under 6, children 6 to 17) at the start of ``day``: born before it, under 18 on it."""
        ages = [age_on(b, day) for b in self.children if b < day]
        return sum(a < 6 for a in ages), sum(6 <= a < 18 for a in ages)

    def paid(self, day: dt.date, start: dt.date | None) -> bool:
        return start is None or day >= start


MonthlyRule = Callable[[Any, float, int, int, "Family"], float]


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
        under_6, older = family.children_on(day)
        amount = annual(found.table, family.afni(july - 1, notes), under_6, older, family)
        paid[month - 1] = float(round_cents(amount / per_year))
    return tuple(paid), list(dedupe(tuple(sources))), notes


def canada_child_benefit(family: Family) -> Benefit:
    """The CCB paid in the calendar year: monthly (the 20th), a twelfth of the annual amount."""

    def annual(table: Any, afni: float, under_6: int, older: int, _: Family) -> float:
        return ccb.ccb_annual(afni, float(under_6), float(older), ccb.params(table))

    monthly, sources, notes = benefit_year_payments(family, "ccb", annual, range(1, 13), 12, family.eligible_from)
    label = (
        f"Canada Child Benefit, paid in {family.year}: January-June from the July {family.year - 1}-June "
        f"{family.year} year (on {family.year - 2} income), July-December from the July {family.year}-June "
        f"{family.year + 1} year (on {family.year - 1} income)"
    )
    return Benefit("ccb", label, round(sum(monthly), 2), monthly, tuple(sources), tuple(notes))


# --------------------------------------------------------------------------- the public entry point


def check_family(
    province: str,
    year: int,
    family_net_income: Mapping[int, float],
    children: Sequence[dt.date],
    amounts: Mapping[str, float],
) -> tuple[str, dict[int, float], tuple[dt.date, ...]]:
    """Validate the inputs of :func:`household_benefits`; each error names the parameter and the fix."""
    code = normalize(province)  # UnknownJurisdictionError names the closest one
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be a whole number such as 2026, not {year!r}")
    if not isinstance(family_net_income, Mapping):
        raise TypeError("family_net_income must map a tax year to an amount, e.g. {2024: 90000, 2025: 95000}")
    incomes = {}
    for y, v in family_net_income.items():
        if isinstance(y, bool) or not isinstance(y, int):
            raise TypeError(f"family_net_income: keys are tax years such as 2025, not {y!r}")
        incomes[y] = check_amount(f"family_net_income[{y}]", v)
    born = tuple(children)
    for i, b in enumerate(born):
        if not isinstance(b, dt.date) or isinstance(b, dt.datetime):
            raise TypeError(f"children[{i}] must be a birth date (datetime.date), not {b!r}")
    for name, value in amounts.items():
        check_amount(name, value)
    return code, incomes, born


def check_amount(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidIncomeError(f"{name} must be a finite amount of dollars (a number), not {value!r}")
    if value < 0:
        raise InvalidIncomeError(f"{name} must be zero or more, not {value!r}")
    return float(value)


def household_benefits(
    province: str,
    year: int,
    *,
    family_net_income: Mapping[int, float],
    children: Sequence[dt.date],
    couple: bool,
    working_income: float,
    spouse_working_income: float = 0.0,
    rent_paid: float = 0.0,
    eligible_from: dt.date | None = None,
    resident_from: dt.date | None = None,
) -> list[Benefit]:
    """Every benefit the household is paid in calendar ``year``, one :class:`Benefit` each.

    ``family_net_income`` maps a tax year to the adjusted family net income (both spouses' line
    23600); a benefit year July Y-June Y+1 uses year Y-1's, and a year not given counts as 0 with a
    note. ``children`` are birth dates. ``eligible_from`` is the first day the CCB and the benefits
    paid with it can start (a newcomer's; see :func:`eligible_from`; None: eligible all along);
    ``resident_from`` the first day of residence for the benefits without the 18-month rule (the
    GST/HST credit, the Canada Workers Benefit; default: ``eligible_from``).

    >>> b = household_benefits("ON", 2026, family_net_income={2024: 140_000, 2025: 140_000},
    ...     children=[dt.date(2023, 5, 1)], couple=True, working_income=140_000)
    >>> b[0].key
    'ccb'
    """
    amounts = {
        "working_income": working_income,
        "spouse_working_income": spouse_working_income,
        "rent_paid": rent_paid,
    }
    code, incomes, born = check_family(province, year, family_net_income, children, amounts)
    for name, value in (("eligible_from", eligible_from), ("resident_from", resident_from)):
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise TypeError(f"{name} must be a datetime.date or None, not {value!r}")
    family = Family(
        code,
        year,
        incomes,
        born,
        bool(couple),
        float(working_income),
        float(spouse_working_income),
        float(rent_paid),
        eligible_from,
        resident_from if resident_from is not None else eligible_from,
    )
    return [canada_child_benefit(family)]
