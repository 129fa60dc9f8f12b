"""Employee payroll contributions on annual employment earnings: CPP/CPP2, QPP/QPP2, EI and QPIP;
and the territories' employee payroll tax.

The annual amounts are what the return settles (Schedule 8 for CPP, Schedule 13 for EI; Québec's
Schedule LE for QPIP): contributions on pensionable earnings above the basic exemption up to the
year's maximum pensionable earnings (YMPE), the second tier (CPP2/QPP2) between the YMPE and the
additional maximum (YAMPE), and EI/QPIP premiums up to the maximum insurable earnings. Each is
rounded to the cent, half-up, as payroll and the return do.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import clip_between, round_cents
from netpay.rules.jit import rule
from netpay.tables.taxes import PayrollTable, PensionPlan, ProvincialTable


class PensionRecord(NamedTuple):
    """CPP or QPP for one year, as the rules read it."""

    basic_exemption: float
    ympe: float
    yampe: float
    #: base + first additional rate
    first_tier_rate: float
    #: first additional rate / first tier rate: the share of first-tier contributions that is deducted
    first_additional_share: float
    second_additional_rate: float


class PremiumRecord(NamedTuple):
    """EI or QPIP for one year and province of residence: the rate (0 where the plan does not apply)."""

    rate: float
    max_insurable_earnings: float


class PayrollTaxRecord(NamedTuple):
    """An employee payroll tax withheld by the employer (NT, NU): the rate (0 where there is none)."""

    rate: float


def payroll_tax_record(table: ProvincialTable) -> PayrollTaxRecord:
    """The payroll tax of the jurisdiction of ``table`` (the employee works where they live)."""
    return PayrollTaxRecord(table.payroll_tax.rate if table.payroll_tax is not None else 0.0)


def pension_record(plan: PensionPlan) -> PensionRecord:
    """The record of a CPP or QPP table."""
    first_tier = plan.base_rate + plan.first_additional_rate
    return PensionRecord(
        basic_exemption=plan.basic_exemption,
        ympe=plan.ympe,
        yampe=plan.yampe,
        first_tier_rate=first_tier,
        first_additional_share=plan.first_additional_rate / first_tier,
        second_additional_rate=plan.second_additional_rate,
    )


def ei_record(table: PayrollTable, quebec: bool) -> PremiumRecord:
    """EI for a resident of Québec (the reduced rate) or elsewhere."""
    return PremiumRecord(table.ei.quebec_rate if quebec else table.ei.rate, table.ei.max_insurable_earnings)


def qpip_record(table: PayrollTable, quebec: bool) -> PremiumRecord:
    """QPIP: Québec residents only (rate 0 elsewhere)."""
    return PremiumRecord(table.qpip.rate if quebec else 0.0, table.qpip.max_insurable_earnings)


@rule
def pension_contributions(pensionable: float, plan: PensionRecord, rounded: bool) -> tuple[float, float]:
    """Employee CPP/QPP contributions on employment earnings: (base part, enhanced part).

    First tier (Schedule 8 Part 2/4): the first-tier rate x pensionable earnings between the basic
    exemption and the YMPE. Its base part is a credit; its first-additional part plus all of the
    second tier (the second additional rate on earnings between YMPE and YAMPE) is deducted from
    income (CRA: "Line 22215 - Deduction for CPP or QPP enhanced contributions on employment income").
    """
    first = plan.first_tier_rate * clip_between(pensionable, plan.basic_exemption, plan.ympe)
    second = plan.second_additional_rate * clip_between(pensionable, plan.ympe, plan.yampe)
    if rounded:
        first = round_cents(first)
        second = round_cents(second)
    first_additional = first * plan.first_additional_share
    if rounded:
        first_additional = round_cents(first_additional)
    return first - first_additional, first_additional + second


@rule
def premium(insurable: float, plan: PremiumRecord, rounded: bool) -> float:
    """EI or QPIP employee premiums: the rate x insurable earnings up to the maximum."""
    amount = plan.rate * min(insurable, plan.max_insurable_earnings)
    return round_cents(amount) if rounded else amount


@rule
def payroll_tax(remuneration: float, tax: PayrollTaxRecord, rounded: bool) -> float:
    """The Northwest Territories' or Nunavut's payroll tax: the rate x gross remuneration (salary,
    bonuses, taxable benefits, employer RRSP contributions: T4 box 14), withheld by the employer,
    not deductible and not on the T1 (Payroll Tax Act, 1993, s. 3; fin.gov.nt.ca, gov.nu.ca)."""
    amount = tax.rate * max(remuneration, 0.0)
    return round_cents(amount) if rounded else amount
