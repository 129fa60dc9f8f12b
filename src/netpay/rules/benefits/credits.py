"""Provincial refundable credits for households: the Ontario sales tax credit and the Ontario energy
and property tax credit (both paid in the Ontario Trillium Benefit) and the BC renter's tax credit.

Ontario sales tax credit = per_person x (you + spouse + each child under 19)
                           - rate x (AFNI - threshold), single or family threshold, not below 0.
Ontario energy and property tax credit (renters under 64, CRA's OEPTC calculation sheet):
    occupancy cost = rent_share x rent paid in Ontario                                 (step 1)
    energy         = min(occupancy cost, energy_maximum)                               (step 2)
    property tax   = min(occupancy cost, min(property_tax_rate x occupancy cost,
                                             property_tax_cap) + property_tax_supplement) (step 3)
    credit         = energy + property tax - rate x (AFNI - threshold), not below 0     (step 4)
BC renter's tax credit   = maximum - rate x (adjusted family income - threshold), not below 0.
Québec solidarity credit = QST component (basic + spouse, or basic + living alone)
                           + housing component (single or couple amount + per child)
                           - rate x (family income - threshold), not below 0; the rate is 6%, or
                           3% when only one component applies (Schedule D of the TP-1).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import (
    EnergyPropertyTaxCreditTable,
    RenterCreditTable,
    SalesTaxCreditTable,
    SolidarityCreditTable,
)


class SalesTax(NamedTuple):
    per_person: float
    threshold_single: float
    threshold_family: float
    rate: float


class EnergyPropertyTax(NamedTuple):
    rent_share: float
    energy_maximum: float
    property_tax_rate: float
    property_tax_cap: float
    property_tax_supplement: float
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


def energy_property_tax_params(t: EnergyPropertyTaxCreditTable) -> EnergyPropertyTax:
    return EnergyPropertyTax(
        t.rent_share,
        t.energy_maximum,
        t.property_tax_rate,
        t.property_tax_cap,
        t.property_tax_supplement,
        t.threshold_single,
        t.threshold_family,
        t.rate,
    )


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
def ontario_energy_property_tax_credit(afni: float, rent: float, family: bool, p: EnergyPropertyTax) -> float:
    """The annual Ontario energy and property tax credit of a renter under 64 (ON-BEN Part B; CRA's
    OEPTC calculation sheet, steps 1 to 4) on ``rent`` paid in Ontario in the year before the benefit
    year; ``family``: a spouse or the sole care of a child (the higher threshold)."""
    occupancy = p.rent_share * max(rent, 0.0)
    energy = min(occupancy, p.energy_maximum)
    property_tax = min(occupancy, min(p.property_tax_rate * occupancy, p.property_tax_cap) + p.property_tax_supplement)
    threshold = p.threshold_family if family else p.threshold_single
    return max(energy + property_tax - p.rate * max(afni - threshold, 0.0), 0.0)


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
