"""A household's year: each adult's return, the transfers, the benefits, child care, what is left.

Each adult files a return (two earners: two sets of CPP/EI and tax). The engine runs twice: once
for each adult alone (to find who has the lower net income and what each return leaves unused),
then with the household's inputs (:mod:`netpay.evaluation.transfers`). Benefits
(``netpay.benefits``) are paid on the adjusted family net income - line 23600 of both adults,
after the child care deduction; the benefit year July Y to June Y+1 uses year Y-1's income, so
calendar year Y is paid on the incomes of Y-2 and Y-1 (a credit on the return, as the Canada
Workers Benefit, on Y's), which netpay takes equal to the year evaluated (the same offer and
household in the years before). Child
care fees are netpay's figures for the city's province for each child under 6 (``Child.childcare``
overrides them, at any age).

Household net cash = both adults' net cash + benefits; household disposable (a month) = household
net cash / months - child care fees - rent - other costs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from netpay import tables
from netpay.components import FULL_YEAR, IncomeComponents, Residence, ruleset, tax
from netpay.errors import NetpayError
from netpay.evaluation.build import year_evaluations
from netpay.evaluation.transfers import FIELDS, Adult, Family, inputs
from netpay.evaluation.year import YearEvaluation
from netpay.household import Household
from netpay.money import round_cents
from netpay.offer import Offer
from netpay.rules import household as rules


@dataclass(frozen=True)
class Timing:
    """A newcomer's year: the first day the CCB (and the benefits paid with it) can be paid, the first
    day of residence (the GST/HST credit, the CWB), and the family net income of the years before the
    one evaluated (world income before arrival). None: resident for years, the same income each year."""

    eligible_from: dt.date | None = None
    resident_from: dt.date | None = None
    incomes_before: Mapping[int, float] = field(default_factory=dict)


class BenefitLine(BaseModel):
    """One benefit the household receives in the calendar year, as paid, with its sources."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    label: str
    amount: float
    status: str
    sources: tuple[str, ...] = ()


class HouseholdYear(BaseModel):
    """The household's lines for one tax year (dollars a year unless said): the spouse's return,
    the transfers, each benefit, child care (a month) and what is left. ``sources`` maps each line
    to the citations of the figures it uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    household: Household
    months: float
    #: adjusted family net income: both adults' line 23600, after the child care deduction
    family_net_income: float
    primary_net_cash: float
    spouse: dict[str, float]
    transfers: dict[str, float]
    benefits: tuple[BenefitLine, ...]
    childcare: float
    rent: float
    other_costs: float
    sources: dict[str, tuple[str, ...]]

    @property
    def benefits_total(self) -> float:
        return float(sum(b.amount for b in self.benefits))

    @property
    def household_net_cash(self) -> float:
        """Both adults' net cash + benefits, for the year (the months covered)."""
        return self.primary_net_cash + self.spouse.get("spouse_net_cash", 0.0) + self.benefits_total

    @property
    def monthly_disposable(self) -> float:
        """Household net cash a month - child care fees - rent - other costs."""
        return self.household_net_cash / self.months - self.childcare - self.rent - self.other_costs

    def lines(self, period: str) -> dict[str, float]:
        """The household lines (``netpay.lines.HOUSEHOLD_LINES``, then ``benefit.<key>``), 'monthly' or 'annual'."""
        per_year = 1.0 if period == "annual" else 1.0 / self.months
        per_month = self.months if period == "annual" else 1.0
        out = {k: v * per_year for k, v in (self.spouse | self.transfers).items()}
        out |= {
            "benefits": self.benefits_total * per_year,
            "childcare": self.childcare * per_month,
            "household_net_cash": self.household_net_cash * per_year,
            "household_disposable": self.monthly_disposable * per_month,
        }
        return out | {f"benefit.{b.key}": b.amount * per_year for b in self.benefits}


def citation(source: Any) -> str:
    """A source as one line: title (address; date read; status); a string as it is."""
    if isinstance(source, str):
        return source
    return f"{source.title} ({source.href}; read {source.retrieved}; {source.status})"


def _cite(year: int, code: str, key: str) -> tuple[str, ...]:
    return tuple(citation(s) for s in tables.sources(year, code).get(key, []))


def benefits_module() -> Any:
    """``netpay.benefits`` (imported on first use)."""
    try:
        from netpay import benefits
    except ImportError:  # pragma: no cover - until the benefits module ships with this branch
        raise NetpayError("netpay.benefits is not installed: the household's benefits cannot be computed") from None
    return benefits


def _check_data(province: str, year: int, household: Household) -> None:
    """A household with a spouse or children needs the year's household figures: refuse, naming them."""
    if household.spouse is None and not household.children:
        return
    missing = [f"{province.lower()}.yaml: {m}" for m in tables.load(year, province).missing_household_figures()]
    if tables.load(year, tables.FEDERAL).child_care_expenses is None and household.children:
        missing.append("federal.yaml: child_care_expenses")
    if missing:
        raise NetpayError(
            f"netpay has no household figures for {year} ({', '.join(missing)}): evaluate a later year "
            f"(e.g. year={max(tables.years())})"
        )


def _spouse_components(household: Household, province: str, room: float | None) -> IncomeComponents:
    s = household.spouse
    if s is not None and s.offer is not None:
        return IncomeComponents.from_offers([s.offer], province, room)
    income = 0.0 if s is None else s.income
    return IncomeComponents.of_income(np.array([income], dtype=np.float64))


def childcare(household: Household, city: str, province: str, year: int) -> tuple[float, tuple[str, ...]]:
    """Monthly child care fees of the household's children in ``year`` and their citations: each
    child's ``childcare`` if given, else netpay's fee in the city (``netpay.benefits.childcare_fee``:
    the province's cap or flat fee for a child under 6 in an enrolled space; nil at school age)."""
    total, cited = 0.0, []
    for child in household.children_in(year):
        if child.childcare is not None:
            total += child.childcare
            cited.append(f"given: {child.childcare:.2f} a month for the child born {child.born.isoformat()}")
            continue
        amount, source = benefits_module().childcare_fee(city, child.born, year)
        total += amount
        cited.append(f"{amount:.2f} a month for the child born {child.born.isoformat()}: {citation(source)}")
    return total, tuple(cited)


def _family(household: Household, province: str, year: int, fees: float, fraction: float) -> Family:
    kids = household.children_in(year)
    limits = tables.load(year, tables.FEDERAL).child_care_expenses
    ages = [c.age(year) for c in kids]
    young_age = limits.young_max_age if limits else 6
    older_age = limits.older_max_age if limits else 16
    quebec = None
    if province == "QC":
        p = ruleset(province, year).params
        quebec = (p.credit_rate, p.basic_personal_amount * fraction, p.lines)
    return Family(
        couple=household.couple,
        children_under_6=sum(a <= 5 for a in ages),
        children=len(ages),
        minors=sum(a <= 17 for a in ages),
        young=sum(a <= young_age for a in ages),
        older=sum(young_age < a <= older_age for a in ages),
        childcare_fees=12.0 * fees * fraction,
        young_limit=limits.young if limits else 0.0,
        older_limit=limits.older if limits else 0.0,
        quebec=quebec,
    )


def _adults(result: Any, i: int, j: int | None) -> tuple[Adult, Adult | None]:
    def adult(k: int) -> Adult:
        return Adult(
            float(result.net_income_23600[k]), float(result.income[k]), float(result.provincial_taxable_income[k])
        )

    return adult(i), None if j is None else adult(j)


def _household_inputs(first: Any, couple: bool, family: Family) -> dict[str, list[float]]:
    """The household inputs of the four returns: [primary, primary without one-time payments, spouse, spouse]."""
    rows: list[dict[str, float]] = [{}, {}, {}, {}]
    for primary, spouse in ((0, 2), (1, 3)):
        p, s = inputs(*_adults(first, primary, spouse if couple else None), family)
        rows[primary], rows[spouse] = p, s
    return {k: [r[k] for r in rows] for k in FIELDS}


def _transfers(
    result: Any, given: dict[str, list[float]], province: str, year: int, fraction: float
) -> dict[str, float]:
    """The amounts each return claimed (both adults summed), read back through the rules."""
    rules_ = ruleset(province, year)
    fed = prov = 0.0
    for k in (0, 2):
        net = float(result.net_income_23600[k])
        h = rules.HouseholdInputs(*(given[f][k] for f in FIELDS))
        a, b, _ = rules.amounts(h, net, rules_.common.federal, rules_.common.household, fraction)
        fed, prov = fed + a, prov + b
    return {
        "federal_household_amount": fed,
        "provincial_household_amount": prov,
        "childcare_deduction": given["childcare_deduction"][0] + given["childcare_deduction"][2],
        "quebec_credit_transfer": given["credits_transferred"][0] + given["credits_transferred"][2],
    }


def _spouse_lines(result: Any, components: IncomeComponents) -> dict[str, float]:
    k = 2
    net = components.cash[k] - result.total_deductions[k] - components.out_of_cash[k]
    return {
        "spouse_employment_income": float(result.income[k]),
        "spouse_cpp": float(result.cpp[k]),
        "spouse_ei": float(result.ei[k]),
        "spouse_qpip": float(result.qpip[k]),
        "spouse_federal_tax": float(result.federal_tax[k]),
        "spouse_provincial_tax": float(result.provincial_tax[k]),
        "spouse_net_cash": float(round_cents(net)),
    }


def _benefit_lines(
    household: Household, province: str, year: int, result: Any, rent_paid: float, timing: Timing, months: float = 12.0
) -> tuple[BenefitLine, ...]:
    afni = float(result.net_income_23600[0] + result.net_income_23600[2])
    kids = household.children_in(year)
    found = benefits_module().household_benefits(
        province,
        year,
        family_net_income={year - 2: afni, year - 1: afni, **timing.incomes_before, year: afni},
        children=[c.born for c in kids],
        childcare_fees=[c.non_subsidised_fee * months for c in kids],
        couple=household.couple,
        working_income=float(result.income[0]),
        spouse_working_income=float(result.income[2]),
        rent_paid=rent_paid,
        eligible_from=timing.eligible_from,
        resident_from=timing.resident_from,
    )
    return tuple(
        BenefitLine(
            key=b.key,
            label=b.label,
            amount=float(b.amount),
            status=str(b.status),
            sources=tuple(citation(s) for s in b.sources) + tuple(getattr(b, "notes", ())),
        )
        for b in found
    )


def household_year(
    o: Offer,
    single: YearEvaluation,
    household: Household,
    residence: Residence,
    room: float | None,
    *,
    timing: Timing | None = None,
    spouse: IncomeComponents | None = None,
    primary: IncomeComponents | None = None,
) -> tuple[YearEvaluation, HouseholdYear]:
    """The household evaluation of one offer for one year: the primary adult's lines (taxes with the
    household's claims) and the household's. ``timing``: a newcomer's (None: resident for years);
    ``spouse``: the spouse's components (None: from ``household``, a full year); ``primary``: the
    primary adult's two rows, with and without one-time payments (None: from ``o``, without equity
    grants; a horizon gives its year's, with the grants' tranches and carried RRSP deductions)."""
    province, year, fraction = single.province, single.year, residence.fraction
    _check_data(province, year, household)
    fees, fee_sources = childcare(household, single.city, province, year)
    if primary is None:
        primary = IncomeComponents.from_offers([o], province, room).concat(
            IncomeComponents.from_offers([o], province, room, one_time=False)
        )
    components = primary
    if spouse is None:
        spouse = _spouse_components(household, province, room)
    components = components.concat(spouse).concat(spouse)
    first = tax(components, province, year, residence)
    given = _household_inputs(first, household.couple, _family(household, province, year, fees, fraction))
    result = tax(components, province, year, residence, household={k: np.array(v) for k, v in given.items()})
    net = round_cents(components.cash - result.total_deductions - components.out_of_cash)
    updated = single.model_copy(
        update={
            "cpp": float(result.cpp[0]),
            "ei": float(result.ei[0]),
            "qpip": float(result.qpip[0]),
            "taxable_income": float(result.taxable_income[0]),
            "provincial_taxable_income": float(result.provincial_taxable_income[0]),
            "federal_tax": float(result.federal_tax[0]),
            "provincial_tax": float(result.provincial_tax[0]),
            "net_cash": float(net[0]),
            "net_cash_recurring": float(net[1]),
        }
    )
    code = province.lower()
    sources = {
        "federal_household_amount": _cite(year, "federal", "basic_personal_amount"),
        "provincial_household_amount": _cite(year, code, "spouse_amount") + _cite(year, code, "child_amounts"),
        "childcare_deduction": _cite(year, "federal", "child_care_expenses"),
        "childcare": fee_sources,
        "quebec_credit_transfer": _cite(year, "qc", "basic_personal_amount") if province == "QC" else (),
    }
    return updated, HouseholdYear(
        household=household,
        months=single.months,
        family_net_income=float(result.net_income_23600[0] + result.net_income_23600[2]),
        primary_net_cash=float(net[0]),
        spouse=_spouse_lines(result, components) if household.couple else {},
        transfers=_transfers(result, given, province, year, fraction),
        benefits=_benefit_lines(
            household, province, year, result, single.rent * single.months, timing or Timing(), single.months
        ),
        childcare=fees,
        rent=single.rent,
        other_costs=single.monthly_other_costs,
        sources=sources,
    )


def household_evaluations(
    offers: Sequence[Offer], year: int, housing: Any, household: Household, rrsp_room: float | None = None
) -> list[tuple[YearEvaluation, HouseholdYear]]:
    """Each offer evaluated for a full ``year`` with ``household`` (resident all year)."""
    singles = year_evaluations(offers, year, housing, FULL_YEAR, rrsp_room)
    return [household_year(o, y, household, FULL_YEAR, y.rrsp_room) for o, y in zip(offers, singles, strict=True)]
