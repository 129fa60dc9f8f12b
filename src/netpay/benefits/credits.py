"""Provincial credits for households: the Ontario Trillium Benefit (its sales tax credit and, for
renters, its energy and property tax credit; the Northern Ontario energy credit is not modelled), the
BC renter's tax credit, and Québec's solidarity tax credit (its QST and housing components; the
northern-village component is not modelled) and its tax credit for childcare expenses
(:mod:`netpay.benefits.childcare_credit`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netpay.benefits.base import Benefit, Family, benefit_year_payments, dedupe, table_for
from netpay.benefits.childcare_credit import quebec_childcare_credit
from netpay.benefits.federal import paid_label
from netpay.money import round_cents
from netpay.rules.benefits import credits


def ostc_annual(table: Any, afni: float, day: dt.date, f: Family) -> float:
    children = float(f.children_under(19, day))
    return credits.ontario_sales_tax_credit(afni, f.couple, children, credits.sales_tax_params(table))


def ontario_rent(f: Family, year: int) -> float:
    """Rent paid in Ontario in ``year``: the rent of ``f.year`` stands in for any year (a steady
    renter); none before the arrival year; in the arrival year, its months from arrival on."""
    start = f.resident_from
    if f.rent_paid <= 0 or (start is not None and start.year > year):
        return 0.0
    if start is None or start.year < year:
        return f.rent_paid
    return f.rent_paid * (13 - start.month) / 12


def oeptc_annual(table: Any, afni: float, day: dt.date, f: Family) -> float:
    """The OEPTC of the benefit year ``day`` falls in, on the rent of the year before it began."""
    rent_year = (day.year if day.month >= 7 else day.year - 1) - 1
    family = f.couple or sum(f.children_on(day)) > 0
    params = credits.energy_property_tax_params(table)
    return credits.ontario_energy_property_tax_credit(afni, ontario_rent(f, rent_year), family, params)


def ontario_trillium_benefit(family: Family) -> Benefit:
    """The Ontario Trillium Benefit paid in the calendar year, monthly (the 10th): its Ontario sales
    tax credit and its energy and property tax credit for a renter under 64 (20% of the rent paid in
    Ontario the year before the benefit year counts as occupancy cost; ON-BEN Part B). The
    Northern Ontario energy credit is not modelled."""
    start = family.resident_from
    ostc, sources, notes = benefit_year_payments(family, "on_sales_tax_credit", ostc_annual, range(1, 13), 12, start)
    oeptc, more, oeptc_notes = benefit_year_payments(
        family, "on_energy_property_tax_credit", oeptc_annual, range(1, 13), 12, start
    )
    monthly = tuple(round(a + b, 2) for a, b in zip(ostc, oeptc, strict=True))
    notes += [n for n in oeptc_notes if n not in notes]
    if family.rent_paid <= 0:
        notes.append("no rent paid: no Ontario energy and property tax credit (owners' property tax not modelled)")
    else:
        notes.append(
            f"energy and property tax credit: the rent of {family.year} stands in for the rent paid in Ontario "
            "in the year before each benefit year (none before arrival); renters under 64 only (seniors' "
            "amounts, owners' property tax, reserves, long-term care and student residences not modelled)"
        )
    notes += [
        "Northern Ontario energy credit not modelled (northern districts only)",
        "an annual entitlement of $360 or less is paid in one payment; netpay spreads it over the months",
    ]
    label = paid_label("Ontario Trillium Benefit (sales tax credit, energy and property tax credit)", family.year)
    sources = list(dedupe(tuple(sources + more)))
    return Benefit("on_trillium", label, round(sum(monthly), 2), monthly, tuple(sources), tuple(notes))


def bc_renters_tax_credit(family: Family) -> Benefit:
    """The BC renter's tax credit claimed on the year's return (needs 6 months of renting in BC)."""
    found = table_for("bc_renters_credit", str(family.year), kind="calendar year")
    notes = [found.note] if found.note else []
    resident = family.resident_from or dt.date(family.year, 1, 1)
    months = 12 - (resident.month - 1) if resident.year == family.year else (12 if resident.year < family.year else 0)
    amount = 0.0
    if family.rent_paid <= 0:
        notes.append("no rent paid: no renter's tax credit")
    elif months < found.table.min_months:
        notes.append(f"fewer than {found.table.min_months} months renting in BC in {family.year}: none")
    else:
        if family.year in family.incomes:
            income = float(family.incomes[family.year])
        else:
            income = family.working_income + (family.spouse_working_income if family.couple else 0.0)
            notes.append(f"no family net income given for {family.year}: the working incomes stand in for it")
        amount = float(round_cents(credits.bc_renters_credit(income, credits.renter_params(found.table))))
    label = (
        f"BC renter's tax credit on the {family.year} return (refundable; paid with the refund in {family.year + 1})"
    )
    return Benefit("bc_renters_credit", label, amount, (), dedupe(found.sources), tuple(notes))


def solidarity_eligible(family: Family, day: dt.date) -> bool:
    """Whether the family qualifies for the payment period holding ``day``: the credit follows the
    situation on 31 December before the period (Schedule D) — resident in Québec that day and, for a
    temporary resident, 18 months of living in Canada by then (the CCB's month-19 rule; Revenu
    Québec's eligibility conditions, seen in a copy at turbotax.community.intuit.ca)."""
    july = day.year if day.month >= 7 else day.year - 1
    december = dt.date(july - 1, 12, 31)
    if family.resident_from is not None and family.resident_from > december:
        return False
    return family.eligible_from is None or family.eligible_from <= december + dt.timedelta(days=1)


def solidarity_annual(table: Any, income: float, day: dt.date, f: Family) -> float:
    """The period's annual credit, the family as it stood on 31 December before the period."""
    if not solidarity_eligible(f, day):
        return 0.0
    july = day.year if day.month >= 7 else day.year - 1
    children = float(f.children_under(18, dt.date(july - 1, 12, 31) + dt.timedelta(days=1)))
    living_alone = not f.couple
    params = credits.solidarity_params(table)
    return credits.quebec_solidarity_credit(income, f.couple, living_alone, children, True, params)


def quebec_solidarity_credit(family: Family) -> Benefit:
    """Québec's solidarity tax credit paid in the calendar year, monthly (July to June periods, on the
    family income of the year before the period and the situation on its 31 December)."""
    monthly, sources, notes = benefit_year_payments(family, "qc_solidarity", solidarity_annual, range(1, 13), 12, None)
    notes += [
        "Québec solidarity credit: the family is taken to live in an eligible dwelling (tenant or owner, "
        "not an HLM, co-op or other subsidised dwelling), so the housing component applies",
        "Québec solidarity credit: a person without a spouse is taken to live alone (or only with people "
        "under 18), so the QST component's amount for a person living alone applies",
        "Québec solidarity credit: the northern-village component (the 14 northern villages) is not modelled",
        "Québec solidarity credit: netpay spreads the annual amount over 12 monthly payments; Revenu Québec "
        "has paid small annual amounts quarterly or in one payment",
        "Québec solidarity credit: family income is taken as the family net income given (TP-1 line 275 in Québec)",
    ]
    label = paid_label("Québec solidarity tax credit", family.year)
    return Benefit("qc_solidarity", label, round(sum(monthly), 2), monthly, tuple(sources), tuple(notes))


def provincial_credits(family: Family) -> list[Benefit]:
    """The province's household credits netpay knows of."""
    if family.province == "ON":
        return [ontario_trillium_benefit(family)]
    if family.province == "BC":
        return [bc_renters_tax_credit(family)]
    if family.province == "QC":
        return [quebec_solidarity_credit(family), quebec_childcare_credit(family)]
    return []
