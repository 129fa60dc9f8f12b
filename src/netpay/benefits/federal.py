"""The federal benefits: the Canada Child Benefit (monthly), the GST/HST credit / Canada Groceries
and Essentials Benefit (quarterly) and the Canada Workers Benefit (claimed on the return)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netpay.benefits.base import Benefit, Family, benefit_year_payments, dedupe, table_for
from netpay.money import round_cents
from netpay.rules.benefits import ccb, cwb, gst_credit
from netpay.tables.benefits import benefit_year_name

#: GST/HST credit payment months (the 5th of July, October, January and April).
QUARTERS = (1, 4, 7, 10)


def paid_label(name: str, year: int) -> str:
    """What a benefit-year benefit's calendar-year amount is made of."""
    return (
        f"{name}, paid in {year}: January-June from the July {year - 1}-June {year} year (on {year - 2} "
        f"income), July-December from the July {year}-June {year + 1} year (on {year - 1} income)"
    )


def canada_child_benefit(family: Family) -> Benefit:
    """The CCB paid in the calendar year: monthly (the 20th), a twelfth of the annual amount."""

    def annual(table: Any, afni: float, day: dt.date, f: Family) -> float:
        under_6, older = f.children_on(day)
        return ccb.ccb_annual(afni, float(under_6), float(older), ccb.params(table))

    monthly, sources, notes = benefit_year_payments(family, "ccb", annual, range(1, 13), 12, family.eligible_from)
    start = family.eligible_from
    if start is not None and start > dt.date(family.year, 1, 1) and family.children:
        rule = "the month after arrival for a permanent resident, the 19th month in Canada on a permit"
        paid = "nothing this year" if start.year > family.year else f"paid from {start:%B}"
        notes.append(f"{paid}: not eligible before ({rule})")
    label = paid_label("Canada Child Benefit", family.year)
    return Benefit("ccb", label, round(sum(monthly), 2), monthly, tuple(sources), tuple(notes))


def gst_annual(table: Any, afni: float, day: dt.date, f: Family) -> float:
    """The annual GST/HST credit for the family as it stands on ``day`` (children under 19)."""
    return gst_credit.gst_credit_annual(afni, f.couple, float(f.children_under(19, day)), gst_credit.params(table))


def one_time_top_up(family: Family) -> tuple[float, int, list[str]]:
    """Bill C-19's one-time payment falling in the calendar year: (amount, month, notes), or 0."""
    july = family.year - 1
    found = table_for("gst_credit", benefit_year_name(july))
    t = found.table
    if t.one_time_fraction is None or found.note is not None or t.one_time_month > 6:
        return 0.0, 0, []
    january = dt.date(family.year, 1, 1)  # paid to the recipients of the January payment
    if not family.paid(january, family.resident_from):
        return 0.0, 0, []
    notes: list[str] = []
    amount = t.one_time_fraction * gst_annual(t, family.afni(july - 1, notes), january, family)
    return float(round_cents(amount)), int(t.one_time_month), notes


def gst_hst_credit(family: Family) -> Benefit:
    """The GST/HST credit (the Canada Groceries and Essentials Benefit) paid in the calendar year:
    a quarter of the annual amount in January, April, July and October, plus any one-time top-up."""
    monthly, sources, notes = benefit_year_payments(family, "gst_credit", gst_annual, QUARTERS, 4, family.resident_from)
    top_up, month, more = one_time_top_up(family)
    if top_up:
        paid = list(monthly)
        paid[month - 1] += top_up
        monthly = tuple(paid)
        notes += [
            *more,
            f"includes the one-time top-up of {top_up:,.2f} (50% of the 2025-26 credit), booked in month {month}",
        ]
    label = paid_label("GST/HST credit (Canada Groceries and Essentials Benefit from July 2026)", family.year)
    return Benefit("gst_credit", label, round(sum(monthly), 2), monthly, tuple(sources), tuple(dict.fromkeys(notes)))


def canada_workers_benefit(family: Family) -> Benefit:
    """The CWB claimed on the year's return (refund the next spring; advance payments not modelled).
    Needs residence in Canada throughout the year: none in the arrival year."""
    found = table_for("cwb", str(family.year), kind="calendar year")
    notes = [found.note] if found.note else []
    if family.province in ("AB", "QC", "NU"):
        notes.append(f"{family.province} sets its own CWB parameters; the rest of Canada's are used (not verified)")
    arrived = family.resident_from is not None and family.resident_from > dt.date(family.year, 1, 1)
    amount = 0.0
    if arrived:
        notes.append("not resident in Canada throughout the year: no CWB")
    else:
        if family.year in family.incomes:
            afni = float(family.incomes[family.year])
        else:  # the year's own return: its net income is not known yet, so estimate it by the earnings
            afni = family.working_income + (family.spouse_working_income if family.couple else 0.0)
            notes.append(f"no family net income given for {family.year}: the working incomes stand in for it")
        spouse = family.spouse_working_income if family.couple else 0.0
        value = cwb.cwb_basic(afni, family.working_income, spouse, family.family, cwb.params(found.table))
        amount = float(round_cents(value))
    label = (
        f"Canada Workers Benefit on the {family.year} return (basic amount; paid with the refund in {family.year + 1})"
    )
    return Benefit("cwb", label, amount, (), dedupe(found.sources), tuple(notes))
