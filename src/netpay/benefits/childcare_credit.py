"""Québec's refundable tax credit for childcare expenses (Schedule C of the TP-1, line 455), on the
household's return for the year: a share (78% to 67%, falling with family income) of the childcare
fees paid for eligible children, up to each child's annual limit. The reduced contribution of a
subsidised space ('place à contribution réduite') is not an eligible expense: netpay's default
Québec fee is that contribution, so only a fee the household gives (``Child(childcare=...)``, not
marked ``subsidised=True``) earns the credit.

Like the Canada Workers Benefit, it is booked in the year evaluated and labelled as received with
the refund the next spring; Revenu Québec's optional monthly advance payments are not modelled.
"""

from __future__ import annotations

import datetime as dt

from netpay.benefits.base import Benefit, Family, age_on, dedupe, table_for
from netpay.money import round_cents
from netpay.rules.benefits import childcare_credit as rules

KEY = "qc_childcare_credit"


def eligible_children(family: Family, age_limit: int) -> tuple[float, float, float]:
    """(non-subsidised fees paid, children under 7 at the end of the year, other eligible children)
    over the children with such fees: under ``age_limit`` at some point in the year (on 1 January,
    or born during it)."""
    fees = under_7 = others = 0.0
    january, december = dt.date(family.year, 1, 1), dt.date(family.year, 12, 31)
    for born, paid in zip(family.children, family.childcare_fees, strict=False):
        if paid <= 0 or born > december or (born < january and age_on(born, january) >= age_limit):
            continue
        fees += paid
        if age_on(born, december) < 7:
            under_7 += 1.0
        else:
            others += 1.0
    return fees, under_7, others


def family_income(family: Family, notes: list[str]) -> float:
    """The year's family income (yours and your spouse's): the family net income given for the year,
    else the working incomes, with a note."""
    if family.year in family.incomes:
        return float(family.incomes[family.year])
    notes.append(f"no family net income given for {family.year}: the working incomes stand in for it")
    return family.working_income + (family.spouse_working_income if family.couple else 0.0)


def quebec_childcare_credit(family: Family) -> Benefit:
    """The credit claimed on the year's return (refund the next spring; advance payments not modelled).
    Needs residence in Québec on 31 December; only fees paid while resident count (the household's
    fees are already those of the months resident)."""
    found = table_for(KEY, str(family.year), kind="calendar year")
    notes = [found.note] if found.note else []
    notes += [
        "Québec childcare credit: the reduced contribution of a subsidised space is not an eligible expense; "
        "netpay's Québec fee is that contribution, so only a fee given for a child (and not marked "
        "subsidised=True) counts, as a non-subsidised daycare's",
        "Québec childcare credit: family income (yours and your spouse's) is taken as the family net income "
        "given, both adults' federal line 23600; Québec's line 275 differs (no child care deduction, the "
        "deduction for workers), not modelled; the adult with the offer works, which the credit requires",
        "Québec childcare credit: the limit for a child with a severe and prolonged impairment, boarding "
        "schools' and camps' weekly limits and an infirm child over the age limit are not modelled",
    ]
    t = found.table
    fees, under_7, others = eligible_children(family, t.age_limit)
    amount = 0.0
    if family.resident_from is not None and family.resident_from > dt.date(family.year, 12, 31):
        notes.append(f"not resident in Québec on 31 December {family.year}: no credit")
    elif fees > 0:
        income = family_income(family, notes)
        amount = float(round_cents(rules.quebec_childcare_credit(income, fees, under_7, others, rules.params(t))))
    label = (
        f"Québec tax credit for childcare expenses on the {family.year} return (refundable, Schedule C, "
        f"TP-1 line 455; received with the refund in {family.year + 1}; optional advance payments not modelled)"
    )
    return Benefit(KEY, label, amount, (), dedupe(found.sources), tuple(notes))
