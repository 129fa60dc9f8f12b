"""Provincial refundable credits for households: the Ontario sales tax credit (Ontario Trillium
Benefit) and the BC renter's tax credit.

Ontario sales tax credit = per_person x (you + spouse + each child under 19)
                           - rate x (AFNI - threshold), single or family threshold, not below 0.
BC renter's tax credit   = maximum - rate x (adjusted family income - threshold), not below 0.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import RenterCreditTable, SalesTaxCreditTable


class SalesTax(NamedTuple):
    per_person: float
    threshold_single: float
    threshold_family: float
    rate: float


class Renter(NamedTuple):
    maximum: float
    threshold: float
    rate: float


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
