"""Manitoba: form MB428 and schedule MB428-A (family tax benefit).

Manitoba tax = brackets - the lowest rate x (basic personal amount + CPP base + EI)
             - family tax benefit (MB428-A, non-refundable), not below zero.
From 2025 the basic personal amount is phased out over a range of net income. Refundable credits
claimed on form MB479 (personal tax credit, ...) are not modelled.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines, clawback, less_reduction
from netpay.rules.context import TaxContext
from netpay.rules.federal import PhaseDownRecord, lines, phased_amount
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_provincial_tax, credit_amounts, federal_taxable_income
from netpay.tables.taxes import ManitobaTable, PersonalAmountPhaseDown

#: A phase-down that never starts, for a year without one (no threshold reaches it: netpay.tables.schema).
NEVER = 2.0**60


class FamilyTaxBenefit(NamedTuple):
    """MB428-A for a single person (a basic amount of 0: no benefit that year)."""

    basic_amount: float
    reduction_rate: float


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: PhaseDownRecord
    family_tax_benefit: FamilyTaxBenefit


def phase_down(maximum: float, phase: PersonalAmountPhaseDown | None) -> PhaseDownRecord:
    """A provincial personal amount and its phase-down (none: the full amount at every income)."""
    if phase is None:
        return PhaseDownRecord(maximum, maximum, NEVER, 2.0 * NEVER)
    return PhaseDownRecord(maximum, phase.minimum, phase.start, phase.end)


def params(table: ManitobaTable) -> Params:
    b = table.family_tax_benefit
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        phase_down(table.basic_personal_amount, table.bpa_phase_out),
        FamilyTaxBenefit(0.0, 0.5) if b is None else FamilyTaxBenefit(b.basic_amount, b.reduction_rate),
    )


@rule
def manitoba_basic_personal_amount(ctx: TaxContext, p: Params) -> float:
    """MB428 line 58040: the BPA, reduced to nil across the phase-out range of net income (line 23600)
    (2025 onward; Manitoba Budget 2025, T4127 formula BPAMB); ``p x amount(net / p)`` part-year."""
    return phased_amount(ctx.net_income, p.basic_personal_amount, ctx.residence_fraction)


@rule
def family_tax_benefit(net_income: float, p: Params) -> float:
    """MB428-A, family tax benefit (MB428 line 61470) for a single person: the basic amount less a rate
    of net income, not below zero, times the credit rate."""
    b = p.family_tax_benefit
    return p.credit_rate * clawback(b.basic_amount, net_income, 0.0, b.reduction_rate)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """Manitoba tax (T1 line 42800): basic Manitoba tax less the family tax benefit, not below zero."""
    credits = credit_amounts(manitoba_basic_personal_amount(ctx, p), ctx)
    basic = basic_provincial_tax(ctx, p.lines, p.credit_rate, credits)
    return less_reduction(basic, family_tax_benefit(ctx.net_income, p))


provincial_taxable_income = federal_taxable_income
