"""Federal income tax: the T1 return's Schedule 1 for an employee.

Basic federal tax = tax on taxable income by the federal brackets, minus the lowest rate times the
non-refundable credit amounts (basic personal amount, Canada employment amount, CPP/QPP base
contributions, EI and QPIP premiums), never below zero. Québec residents then subtract the
refundable Québec abatement, a share of basic federal tax (T1 line 44000).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines, bracket_tax, linear_phase
from netpay.rules.context import TaxContext
from netpay.rules.jit import rule
from netpay.tables.schema import PhaseDown, Schedule
from netpay.tables.taxes import FederalTable


class PhaseDownRecord(NamedTuple):
    """An amount falling from ``max`` to ``min`` as net income rises from ``start`` to ``end``."""

    max: float
    min: float
    start: float
    end: float


class FederalRecord(NamedTuple):
    """Schedule 1 for one year and province of residence, as the rules read it."""

    lines: Lines
    credit_rate: float
    basic_personal_amount: PhaseDownRecord
    canada_employment_amount: float
    #: the Québec abatement rate for a Québec resident; 0 elsewhere
    abatement: float


def lines(schedule: Schedule) -> Lines:
    """The lines of a schedule, as the rules read them."""
    return Lines(schedule.rates, schedule.intercepts)


def phase_down_record(p: PhaseDown) -> PhaseDownRecord:
    return PhaseDownRecord(p.max, p.min, p.start, p.end)


def record(table: FederalTable, quebec: bool) -> FederalRecord:
    """The record of the federal table for a resident of Québec or elsewhere."""
    return FederalRecord(
        lines=lines(table.schedule),
        credit_rate=table.credit_rate,
        basic_personal_amount=phase_down_record(table.basic_personal_amount),
        canada_employment_amount=table.canada_employment_amount,
        abatement=table.quebec_abatement if quebec else 0.0,
    )


@rule
def phased_amount(net_income: float, phase: PhaseDownRecord, residence_fraction: float) -> float:
    """An amount after its phase-down on net income, for a resident ``p`` of the year: ``p x amount(net / p)``.

    CRA publishes no method for the phase-down of a prorated amount ("contact the CRA"); netpay
    prorates the maximum, the minimum and both thresholds, as CRA's newcomer example does for the
    age amount.
    """
    p = residence_fraction
    return p * (phase.max - (phase.max - phase.min) * linear_phase(net_income / p, phase.start, phase.end))


@rule
def basic_personal_amount(ctx: TaxContext, f: FederalRecord) -> float:
    """Line 30000: the BPA, reduced from its maximum to its minimum as net income (line 23600) rises
    from the second-highest bracket's threshold to the highest's (ITA s. 118(1)(c), 5000-D1 worksheet);
    prorated for a part-year resident (ITA s. 118.91)."""
    return phased_amount(ctx.net_income, f.basic_personal_amount, ctx.residence_fraction)


@rule
def canada_employment_amount(employment_income: float, maximum: float) -> float:
    """Line 31260: the lesser of the year's maximum and employment income (ITA s. 118(10))."""
    return min(employment_income, maximum)


@rule
def credit_amounts(ctx: TaxContext, f: FederalRecord) -> float:
    """Schedule 1 line 33500 for an employee: BPA + CEA + CPP/QPP base + EI + QPIP (lines 30000-31260),
    plus the spouse or eligible dependant amount a household claims (line 30300 or 30400).

    For a part-year resident only the BPA is prorated; the CEA and the contribution credits are
    claimed in full for the resident period (ITA s. 118.91(b)(i); CRA, newcomers' credits page).
    """
    return (
        basic_personal_amount(ctx, f)
        + canada_employment_amount(ctx.employment_income, f.canada_employment_amount)
        + ctx.pension_base
        + ctx.ei
        + ctx.qpip
        + ctx.federal_household_amount
    )


@rule
def basic_federal_tax(ctx: TaxContext, f: FederalRecord) -> float:
    """Schedule 1 line 42900: bracket tax minus the credit rate x credit amounts, not below zero."""
    return max(bracket_tax(ctx.taxable_income, f.lines) - f.credit_rate * credit_amounts(ctx, f), 0.0)


@rule
def quebec_abatement(basic_tax: float, f: FederalRecord) -> float:
    """T1 line 44000: the refundable Québec abatement, a share of basic federal tax (ITA s. 120(2));
    nil outside Québec."""
    return f.abatement * basic_tax


@rule
def federal_tax(ctx: TaxContext, f: FederalRecord) -> float:
    """Federal tax an employee pays: basic federal tax, less the Québec abatement for Québec residents."""
    basic = basic_federal_tax(ctx, f)
    return basic - quebec_abatement(basic, f)
