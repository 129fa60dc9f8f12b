"""Provincial refundable credits for households: the Ontario sales tax credit (Ontario Trillium
Benefit) and the BC renter's tax credit.

Ontario sales tax credit = per_person x (you + spouse + each child under 19)
                           - rate x (AFNI - threshold), single or family threshold, not below 0.
BC renter's tax credit   = maximum - rate x (adjusted family income - threshold), not below 0.
Québec solidarity credit = QST component (basic + spouse, or basic + living alone)
                           + housing component (single or couple amount + per child)
                           - rate x (family income - threshold), not below 0; the rate is 6%, or
                           3% when only one component applies (Schedule D of the TP-1).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import RenterCreditTable, SalesTaxCreditTable, SolidarityCreditTable


class SalesTax(NamedTuple):
    per_person: float
    threshold_single: float
    threshold_family: float
    rate: float


class Renter(NamedTuple):
    maximum: float
    threshold: float
    rate: float


class Solidarity(NamedTuple):
    qst_basic: float
    qst_spouse: float
    qst_living_alone: float
    housing_single: float
    housing_couple: float
    housing_child: float
    threshold: float
    rate: float
    rate_one_component: float


def solidarity_params(t: SolidarityCreditTable) -> Solidarity:
    return Solidarity(
        t.qst_basic,
        t.qst_spouse,
        t.qst_living_alone,
        t.housing_single,
        t.housing_couple,
        t.housing_child,
        t.threshold,
        t.rate,
        t.rate_one_component,
    )


def sales_tax_params(t: SalesTaxCreditTable) -> SalesTax:
    return SalesTax(t.per_person, t.threshold_single, t.threshold_family, t.rate)


def renter_params(t: RenterCreditTable) -> Renter:
    return Renter(t.maximum, t.threshold, t.rate)


@rule
def ontario_sales_tax_credit(afni: float, couple: bool, children: float, p: SalesTax) -> float:
    """The annual Ontario sales tax credit (ON-BEN; paid monthly with the Trillium Benefit)."""
    people = 1.0 + (1.0 if couple else 0.0) + children
    family = couple or children > 0.0
    threshold = p.threshold_family if family else p.threshold_single
    return max(p.per_person * people - p.rate * max(afni - threshold, 0.0), 0.0)


@rule
def bc_renters_credit(adjusted_income: float, p: Renter) -> float:
    """The BC renter's tax credit for the year (BC479)."""
    return max(p.maximum - p.rate * max(adjusted_income - p.threshold, 0.0), 0.0)


@rule
def quebec_solidarity_credit(
    family_income: float, couple: bool, living_alone: bool, children: float, housing: bool, p: Solidarity
) -> float:
    """The annual Québec solidarity tax credit (Schedule D of the TP-1; paid July to June): the QST
    component, the housing component when the family lives in an eligible dwelling, reduced by
    6% of family income over the threshold (3% when only the QST component applies)."""
    qst = p.qst_basic + (p.qst_spouse if couple else 0.0) + (p.qst_living_alone if living_alone else 0.0)
    dwelling = 0.0
    if housing:
        dwelling = (p.housing_couple if couple else p.housing_single) + p.housing_child * children
    rate = p.rate if housing else p.rate_one_component
    return max(qst + dwelling - rate * max(family_income - p.threshold, 0.0), 0.0)
