"""Schemas of the tax tables, ``data/tax_tables/<year>/<file>.yaml``: federal, payroll, each province.

A model per file whose shape differs; the rule that reads each block is named in its docstring
(``netpay.rules``). ``SCHEMAS`` maps each file to its model.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from netpay.money import round_cents
from netpay.tables.levies import CostOfLivingCredit, DrugInsurancePremium, EmployeePayrollTax
from netpay.tables.schema import THRESHOLD_LIMIT, BracketTable, CitedTable, Frozen, PhaseDown

Rate = float

# --------------------------------------------------------------------------- payroll


class PensionPlan(Frozen):
    """CPP or QPP parameters for one year (employee share)."""

    basic_exemption: float = Field(ge=0)
    ympe: float = Field(gt=0, description="year's maximum pensionable earnings (QPP: MPE)")
    yampe: float = Field(gt=0, description="year's additional maximum pensionable earnings")
    base_rate: Rate = Field(ge=0, lt=0.2)
    first_additional_rate: Rate = Field(ge=0, lt=0.2)
    second_additional_rate: Rate = Field(ge=0, lt=0.2)

    @model_validator(mode="after")
    def _ascending(self) -> PensionPlan:
        if not self.basic_exemption < self.ympe <= self.yampe:
            raise ValueError("need basic_exemption < ympe <= yampe")
        return self

    @property
    def first_tier_rate(self) -> float:
        return self.base_rate + self.first_additional_rate

    @property
    def max_first_tier(self) -> float:
        """The year's maximum first-tier contribution (base + first additional), to the cent."""
        return float(round_cents(self.first_tier_rate * (self.ympe - self.basic_exemption)))

    @property
    def max_second_tier(self) -> float:
        """The year's maximum CPP2/QPP2 contribution, to the cent."""
        return float(round_cents(self.second_additional_rate * (self.yampe - self.ympe)))


class Insurance(Frozen):
    """EI parameters for one year: one rate outside Québec, a reduced one in Québec."""

    max_insurable_earnings: float = Field(gt=0)
    rate: Rate = Field(ge=0, lt=0.1)
    quebec_rate: Rate = Field(ge=0, lt=0.1)


class ParentalInsurance(Frozen):
    """QPIP (Québec Parental Insurance Plan) employee premium parameters for one year."""

    max_insurable_earnings: float = Field(gt=0)
    rate: Rate = Field(ge=0, lt=0.1)


class PayrollTable(CitedTable):
    """``payroll.yaml``: read by ``netpay.rules.payroll``."""

    cpp: PensionPlan
    qpp: PensionPlan
    ei: Insurance
    qpip: ParentalInsurance


# --------------------------------------------------------------------------- federal


class ChildCareLimits(Frozen):
    """T778 / ITA s. 63(3): the annual child care expense amount per eligible child: ``young`` for a
    child ``young_max_age`` or under at year end, ``older`` for one under ``older_max_age`` + 1 at some
    time in the year (read by ``netpay.rules.household``; the disability limit is not modelled)."""

    young: float = Field(gt=0)
    young_max_age: int = Field(ge=0, le=18)
    older: float = Field(gt=0)
    older_max_age: int = Field(ge=0, le=18)


class FederalTable(BracketTable):
    """``federal.yaml``: read by ``netpay.rules.federal``."""

    #: line 21400's per-child limits (None: not in the file for that year)
    child_care_expenses: ChildCareLimits | None = None

    credit_rate: float = Field(gt=0, lt=1, description="rate applied to non-refundable credit amounts")
    basic_personal_amount: PhaseDown
    canada_employment_amount: float = Field(gt=0)
    quebec_abatement: float = Field(ge=0, lt=1)


# --------------------------------------------------------------------------- provinces and territories


class SpouseAmount(Frozen):
    """428 lines 58120 and 58160, the spouse or common-law partner amount and the amount for an
    eligible dependant: ``max`` less the dependant's net income above ``threshold`` (nil at ``max +
    threshold``). ``follows_basic_personal_amount``: the maximum is the claimant's own basic personal
    amount after its phase-down (Yukon, as the federal amount); read by ``netpay.rules.household``."""

    max: float = Field(ge=0)
    threshold: float = Field(default=0.0, ge=0, lt=THRESHOLD_LIMIT)
    follows_basic_personal_amount: bool = False


class ChildAmounts(Frozen):
    """Non-refundable amounts for children on a 428 form, claimed by the lower-income spouse or a
    single parent: ``per_child`` for each child ``max_age`` or under at year end (SK428 line 58210),
    ``young_child`` for each child under 6 (PE428, NU428: $100 a month)."""

    per_child: float = Field(default=0.0, ge=0)
    max_age: int = Field(default=18, ge=0, le=25)
    young_child: float = Field(default=0.0, ge=0)


class ProvincialTable(BracketTable):
    """Fields every provincial or territorial table has."""

    basic_personal_amount: float = Field(gt=0)
    credit_rate: float | None = Field(
        default=None, gt=0, lt=1, description="rate for non-refundable credits; default: the lowest bracket rate"
    )
    #: an employee payroll tax of the jurisdiction where the employee works (NT, NU); None: none
    payroll_tax: EmployeePayrollTax | None = None
    #: None: netpay has no figure for the year (a household with a spouse or a single parent is refused)
    spouse_amount: SpouseAmount | None = None
    #: None: the form has no amount for children (the file's notes say so)
    child_amounts: ChildAmounts | None = None

    def missing_household_figures(self) -> list[str]:
        """The household figures this year's file lacks (a household is refused without them)."""
        return [] if self.spouse_amount is not None else ["spouse_amount"]

    @property
    def effective_credit_rate(self) -> float:
        """The credit rate the return applies: ``credit_rate`` if the file sets one, else the lowest rate."""
        return self.credit_rate if self.credit_rate is not None else self.schedule.lowest_rate


class StandardTable(ProvincialTable):
    """A jurisdiction whose employee return is brackets minus credits, nothing more (SK)."""


class TerritorialTable(StandardTable):
    """Northwest Territories and Nunavut: brackets minus credits, the refundable cost of living tax
    credit (read by ``netpay.rules.provinces.territorial``) and the employee payroll tax."""

    cost_of_living_credit: CostOfLivingCredit


class PersonalAmountPhaseDown(Frozen):
    """A personal amount that falls linearly from its maximum to ``minimum`` as net income (line 23600)
    rises from ``start`` to ``end`` (Manitoba's phase-out, Yukon's federal-style phase-down)."""

    minimum: float = Field(ge=0)
    start: float = Field(gt=0, lt=THRESHOLD_LIMIT, description="net income at which the phase-down starts")
    end: float = Field(gt=0, lt=THRESHOLD_LIMIT, description="net income at which the amount reaches minimum")

    @model_validator(mode="after")
    def _ordered(self) -> PersonalAmountPhaseDown:
        if self.end <= self.start:
            raise ValueError(f"need start < end, got {self.start} and {self.end}")
        return self


def check_phase_down(maximum: float, phase: PersonalAmountPhaseDown | None) -> None:
    """Raise if a phase-down would raise the amount (its minimum above the maximum)."""
    if phase is not None and phase.minimum > maximum:
        raise ValueError(f"phase-down minimum {phase.minimum} exceeds the basic personal amount {maximum}")


class LowIncomeReduction(Frozen):
    """A low-income tax reduction for a single person: ``basic_amount`` less ``rate`` x adjusted
    family net income over ``threshold``, never below zero (the Atlantic provinces' 428 Part C)."""

    basic_amount: float = Field(gt=0)
    threshold: float = Field(gt=0, lt=THRESHOLD_LIMIT)
    rate: float = Field(gt=0, lt=1)


class AtlanticTable(ProvincialTable):
    """New Brunswick, Newfoundland and Labrador, Prince Edward Island: brackets, credits, low-income reduction."""

    low_income_reduction: LowIncomeReduction


class OntarioSurtax(Frozen):
    """ON428 Part C: rate1 on basic Ontario tax over threshold1, plus rate2 over threshold2."""

    threshold1: float = Field(gt=0, lt=THRESHOLD_LIMIT)
    rate1: float = Field(gt=0, lt=1)
    threshold2: float = Field(gt=0, lt=THRESHOLD_LIMIT)
    rate2: float = Field(gt=0, lt=1)


class OntarioTaxReduction(Frozen):
    """ON428 Part C, Ontario tax reduction: the basic amount per person and the amount per dependent
    child 18 or under (line 60969; None: not in the file for that year)."""

    basic_amount: float = Field(gt=0)
    per_dependant: float | None = Field(default=None, ge=0)


class Lift(Frozen):
    """ON428-A, Low-income individuals and families tax (LIFT) credit, single person."""

    max_credit: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1, description="share of employment income")
    threshold: float = Field(gt=0, lt=THRESHOLD_LIMIT, description="adjusted net income above which it is reduced")
    reduction_rate: float = Field(gt=0, lt=1)
    #: Part B (a spouse): adjusted family net income above which it is reduced (None: not in the file)
    family_threshold: float | None = Field(default=None, gt=0, lt=THRESHOLD_LIMIT)


class PremiumStep(Frozen):
    """A ramp of the Health Premium: ``rate`` x taxable income over ``from``, adding at most ``increment``."""

    from_: float = Field(alias="from", gt=0, lt=THRESHOLD_LIMIT)
    rate: float = Field(gt=0, lt=1)
    increment: float = Field(gt=0)


class OntarioTable(ProvincialTable):
    """``on.yaml``: read by ``netpay.rules.provinces.on``."""

    surtax: OntarioSurtax
    tax_reduction: OntarioTaxReduction
    lift: Lift
    health_premium: list[PremiumStep] = Field(min_length=1)

    def missing_household_figures(self) -> list[str]:
        missing = super().missing_household_figures()
        missing += ["tax_reduction.per_dependant"] if self.tax_reduction.per_dependant is None else []
        return missing + (["lift.family_threshold"] if self.lift.family_threshold is None else [])

    @field_validator("health_premium")
    @classmethod
    def _ramps_ascending(cls, steps: list[PremiumStep]) -> list[PremiumStep]:
        ends = [(s.from_, s.from_ + s.increment / s.rate) for s in steps]
        if any(b[0] < a[1] for a, b in zip(ends, ends[1:], strict=False)):
            raise ValueError(f"health premium ramps must be ascending and not overlap, got {ends}")
        return steps


class AmountClawback(Frozen):
    """``max_amount`` less ``rate`` x a base over ``threshold``: BC428's tax reduction (on net income),
    NS428's BPA supplement to 2024 (on taxable income)."""

    max_amount: float = Field(gt=0)
    threshold: float = Field(gt=0, lt=THRESHOLD_LIMIT)
    rate: float = Field(gt=0, lt=1)


class BritishColumbiaTable(ProvincialTable):
    """``bc.yaml``: read by ``netpay.rules.provinces.bc``."""

    tax_reduction: AmountClawback


class DeductionForWorkers(Frozen):
    """TP-1 line 201: ``rate`` of eligible employment income, at most ``max_amount``."""

    rate: float = Field(gt=0, lt=1)
    max_amount: float = Field(gt=0)


class QuebecTable(ProvincialTable):
    """``qc.yaml``: read by ``netpay.rules.provinces.qc``."""

    deduction_for_workers: DeductionForWorkers
    #: Schedule K; None: no premium
    drug_insurance_premium: DrugInsurancePremium | None = None

    def missing_household_figures(self) -> list[str]:
        """None: the TP-1 has no spouse amount (the spouses transfer unused credits, line 431)."""
        return []


class SupplementalCredit(Frozen):
    """Alberta supplemental tax credit (Budget 2025): ``rate`` x credit amounts above ``threshold``.

    It restores the old 10% value on non-refundable credit amounts above the threshold once the
    lowest rate, and so the credit rate, fell to 8%.
    """

    rate: float = Field(gt=0, lt=1)
    threshold: float = Field(gt=0, lt=THRESHOLD_LIMIT)


class AlbertaTable(ProvincialTable):
    """``ab.yaml``: read by ``netpay.rules.provinces.ab``."""

    supplemental_credit: SupplementalCredit | None = None


class FamilyTaxBenefit(Frozen):
    """MB428-A for a single person: (``basic_amount`` - ``reduction_rate`` x net income) x the credit rate."""

    basic_amount: float = Field(gt=0)
    reduction_rate: float = Field(gt=0, lt=1)


class ManitobaTable(ProvincialTable):
    """``mb.yaml``: read by ``netpay.rules.provinces.mb``."""

    bpa_phase_out: PersonalAmountPhaseDown | None = None
    family_tax_benefit: FamilyTaxBenefit | None = None

    @model_validator(mode="after")
    def _phase_down_lowers(self) -> ManitobaTable:
        check_phase_down(self.basic_personal_amount, self.bpa_phase_out)
        return self


class NovaScotiaTable(ProvincialTable):
    """``ns.yaml``: read by ``netpay.rules.provinces.ns``."""

    #: worksheet NS428 line 58040 (to 2024)
    bpa_supplement: AmountClawback | None = None
    low_income_reduction: LowIncomeReduction


class YukonTable(ProvincialTable):
    """``yt.yaml``: ``basic_personal_amount`` is the maximum; read by ``netpay.rules.provinces.yt``."""

    bpa_phase_down: PersonalAmountPhaseDown
    canada_employment_amount: float = Field(gt=0)

    @model_validator(mode="after")
    def _phase_down_lowers(self) -> YukonTable:
        check_phase_down(self.basic_personal_amount, self.bpa_phase_down)
        return self


#: File key -> the model of that file ('federal', 'payroll', and each province or territory code).
SCHEMAS: dict[str, type[CitedTable]] = {
    "federal": FederalTable,
    "payroll": PayrollTable,
    "AB": AlbertaTable,
    "BC": BritishColumbiaTable,
    "MB": ManitobaTable,
    "NB": AtlanticTable,
    "NL": AtlanticTable,
    "NS": NovaScotiaTable,
    "NT": TerritorialTable,
    "NU": TerritorialTable,
    "ON": OntarioTable,
    "PE": AtlanticTable,
    "QC": QuebecTable,
    "SK": StandardTable,
    "YT": YukonTable,
}
