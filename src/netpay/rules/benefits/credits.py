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
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import EnergyPropertyTaxCreditTable, RenterCreditTable, SalesTaxCreditTable


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
