"""The provincial and territorial child benefits, paid with the CCB (the same 18-month rule for
temporary residents) and by benefit year, except Québec's family allowance: Retraite Québec indexes
its amounts each 1 January and recalculates each July on the previous year's family income.

A province whose benefit netpay does not model yet gets a zero :class:`Benefit` saying so; one with
no child benefit (Saskatchewan) a zero saying that, with its source. A benefit that began later (the
PEI Child Benefit, January 2025) is nil in the months before: a period's ``none: true`` table, or
a month before its ``starts`` date, pays nothing (with a note), and a nearby period's figures stand
in only for a period without a table, and only from the start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from netpay.benefits.base import Benefit, Family, benefit_year_payments, dedupe, table_for
from netpay.benefits.federal import paid_label
from netpay.jurisdictions import NAMES
from netpay.money import round_cents
from netpay.rules.benefits import child
from netpay.tables.benefits import periods
from netpay.tables.schema import Source

#: Benefits the research found but netpay does not compute yet (province code -> name; none today:
#: every province and territory has a ``child_<code>`` file, or ``none: true``).
NOT_MODELLED: dict[str, str] = {}


def child_annual(table: Any, afni: float, day: dt.date, f: Family) -> float:
    """The annual provincial child benefit for the family as it stands on ``day``; a working family's
    supplement (Nunavut) on both adults' working income, taken as that of the benefit year's base
    year (netpay evaluates the same incomes in the years before)."""
    under_6, older = f.children_on(day)
    single_parent = not f.couple
    earned = f.working_income + f.spouse_working_income
    return child.child_benefit_for_family(
        afni, float(under_6), float(older), single_parent, earned, child.params(table)
    )


def quebec_family_allowance(family: Family) -> Benefit:
    """Retraite Québec's family allowance paid in the calendar year: the year's amounts (indexed each
    January) on the family income of the benefit year the month belongs to; a twelfth a month
    (Retraite Québec pays quarterly unless asked to pay monthly: the year's total is the same)."""
    found = table_for("qc_family_allowance", str(family.year), kind="calendar year")
    notes = [found.note] if found.note else []
    monthly = [0.0] * 12
    for month in range(1, 13):
        day = dt.date(family.year, month, 1)
        if not family.paid(day, family.eligible_from):
            continue
        july = family.year if month >= 7 else family.year - 1
        amount = child_annual(found.table, family.afni(july - 1, notes), day, family)
        monthly[month - 1] = float(round_cents(amount / 12.0))
    notes.append("the supplement for school supplies ($127 in 2026 per child aged 4 to 16) is not included")
    label = (
        f"Québec family allowance, paid in {family.year}: {family.year} amounts; January-June on "
        f"{family.year - 2} family income, July-December on {family.year - 1}"
    )
    paid = tuple(monthly)
    return Benefit("child_qc", label, round(sum(paid), 2), paid, found.sources, tuple(notes))


def provincial_child_benefit(family: Family) -> Benefit:
    """The province's or territory's child benefit paid in the calendar year (monthly with the CCB)."""
    code = family.province
    if code == "QC":
        return quebec_family_allowance(family)
    name = f"child_{code.lower()}"
    if not any(name in files for files in periods().values()):
        what = NOT_MODELLED.get(code, f"{NAMES[code]} child benefit")
        return Benefit(
            name, f"{what} (not modelled)", 0.0, (0.0,) * 12, (), (f"{what}: not modelled yet, counted as 0",)
        )
    tables = [table_for(name, p) for p, files in periods().items() if name in files]
    first = tables[0]
    if all(t.table.none for t in tables):  # none in every period: a province without one
        return Benefit(name, first.table.name, 0.0, (0.0,) * 12, first.sources, ("no provincial child benefit",))
    monthly, sources, notes = benefit_year_payments(family, name, child_annual, range(1, 13), 12, family.eligible_from)
    label = paid_label(first.table.name, family.year)
    return Benefit(
        name, label, round(sum(monthly), 2), monthly, tuple(dedupe(tuple[Source, ...](sources))), tuple(notes)
    )
