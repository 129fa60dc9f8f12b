"""Manitoba: form MB428 and schedule MB428-A (family tax benefit).

Manitoba tax = brackets - 10.8% x (basic personal amount + CPP base + EI)
             - family tax benefit (MB428-A, non-refundable), not below zero.
From 2025 the basic personal amount is phased out as net income rises from $200,000 to $400,000.
Refundable credits claimed on form MB479 (personal tax credit, ...) are not modelled: netpay
leaves out all refundable credits.
"""

from __future__ import annotations

import numpy as np
from pydantic import Field, model_validator

from netpay.brackets import clawback
from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable, basic_provincial_tax, contribution_credit_amounts
from netpay.provinces.rules import PhaseDown, check_phase_down, less_reduction, phased_personal_amount
from netpay.tables import Frozen


class FamilyTaxBenefit(Frozen):
    """MB428-A for a single person: (``basic_amount`` - ``reduction_rate`` x net income) x the credit rate."""

    basic_amount: float = Field(gt=0)
    reduction_rate: float = Field(gt=0, lt=1)


class Table(ProvincialTable):
    """``data/tax_tables/<year>/mb.yaml``."""

    bpa_phase_out: PhaseDown | None = None
    family_tax_benefit: FamilyTaxBenefit | None = None

    @model_validator(mode="after")
    def _phase_down_lowers(self) -> Table:
        check_phase_down(self.basic_personal_amount, self.bpa_phase_out)
        return self


def manitoba_basic_personal_amount(ctx: TaxContext, table: Table) -> FloatArray:
    """MB428 line 58040: the BPA, reduced to nil as net income (line 23600) rises from $200,000 to
    $400,000 (2025 onward; Manitoba Budget 2025, T4127 formula BPAMB)."""
    return phased_personal_amount(ctx, table.basic_personal_amount, table.bpa_phase_out)


def family_tax_benefit(net_income: FloatArray, table: Table) -> FloatArray:
    """MB428-A, family tax benefit (MB428 line 61470) for a single person: the basic amount less 9%
    of net income, not below zero, times the credit rate. Zero when the year has no block."""
    b = table.family_tax_benefit
    if b is None:
        return np.zeros_like(net_income)
    return table.rate_for_credits * clawback(b.basic_amount, net_income, 0.0, b.reduction_rate)


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """Manitoba tax (T1 line 42800): basic Manitoba tax less the family tax benefit, not below zero."""
    credits = manitoba_basic_personal_amount(ctx, table) + contribution_credit_amounts(ctx)
    basic = basic_provincial_tax(ctx, table, credits)
    return less_reduction(basic, family_tax_benefit(ctx.net_income, table))
