"""Québec: the TP-1 return (Revenu Québec), for an employee.

Québec taxable income = employment income (with the employer health premiums taxable in Québec only)
- deduction for workers (line 201) - deduction for QPP contributions on the additional plan (line
248) - RRSP/RPP and other deductions. Québec tax = brackets on that income - the credit rate x the
basic personal amount (line 350), not below zero. Québec grants no non-refundable credit for QPP,
EI or QPIP contributions: they are credits on the federal return only (the deduction for workers
stands in for them).

A Québec resident without access to a group plan pays the public prescription drug insurance
premium on the return (TP-1 line 447, Schedule K): :func:`drug_insurance_premium`.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines, bracket_tax
from netpay.rules.context import TaxContext, prorated
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.tables.levies import DrugInsurancePremium
from netpay.tables.taxes import QuebecTable


class DeductionForWorkers(NamedTuple):
    rate: float
    max_amount: float


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    deduction_for_workers: DeductionForWorkers


class DrugPlanRecord(NamedTuple):
    """Schedule K for a person alone, as the rules read it (a maximum of 0: no premium)."""

    exemption: float
    first_band: float
    first_rate: float
    second_rate: float
    maximum: float


#: No premium: outside Québec, or a year without Schedule K figures.
NO_DRUG_PLAN = DrugPlanRecord(0.0, 1.0, 0.0, 0.0, 0.0)


def drug_plan_record(table: QuebecTable) -> DrugPlanRecord:
    """The record of ``qc.yaml``'s Schedule K block (none: :data:`NO_DRUG_PLAN`)."""
    k: DrugInsurancePremium | None = table.drug_insurance_premium
    if k is None:
        return NO_DRUG_PLAN
    return DrugPlanRecord(k.exemption, k.first_band, k.first_rate, k.second_rate, k.maximum)


@rule
def drug_insurance_premium(family_income: float, k: DrugPlanRecord, uninsured: float, ctx: TaxContext) -> float:
    """TP-1 line 447 (Schedule K) for a person alone: on family income (line 275) above the
    exemption, the first rate on the first band and the second rate above it, at most the year's
    maximum; x ``uninsured``, the share of the year without access to a group plan, and x the share
    of the year resident (Schedule K counts the months covered by the public plan)."""
    share = min(max(uninsured, 0.0), 1.0) * ctx.residence_fraction
    if share == 0.0:  # insured all year (take_home's employee): nothing to compute
        return 0.0
    excess = max(family_income - k.exemption, 0.0)
    premium = k.first_rate * min(excess, k.first_band) + k.second_rate * max(excess - k.first_band, 0.0)
    return min(premium, k.maximum) * share


def params(table: QuebecTable) -> Params:
    d = table.deduction_for_workers
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        table.basic_personal_amount,
        DeductionForWorkers(d.rate, d.max_amount),
    )


@rule
def deduction_for_workers(employment_income: float, d: DeductionForWorkers) -> float:
    """TP-1 line 201: a rate of employment income, up to the year's maximum."""
    return min(d.rate * employment_income, d.max_amount)


@rule
def provincial_taxable_income(ctx: TaxContext, p: Params) -> float:
    """TP-1 line 299: total income (with the employer health premiums, RL-1 box J) less lines 201
    (workers), 248 (QPP additional plan) and other deductions (RRSP line 214, RPP line 205), not below
    zero (line 275, net income), less the deductions of lines 276-297 (line 297: security options,
    TA s. 725.2), not below zero."""
    employment = ctx.employment_income + ctx.provincial_only_income
    qc_net = (
        ctx.total_income
        + ctx.provincial_only_income
        - deduction_for_workers(employment, p.deduction_for_workers)
        - ctx.pension_enhanced
        - ctx.deductions
    )
    return max(max(qc_net, 0.0) - ctx.provincial_taxable_deductions, 0.0)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """TP-1 line 432 for an employee: tax on Québec taxable income less the credit rate x line 350 (BPA)
    and less the spouse's unused credits transferred (line 431), not below zero."""
    gross = bracket_tax(provincial_taxable_income(ctx, p), p.lines)
    return max(gross - p.credit_rate * prorated(p.basic_personal_amount, ctx) - ctx.credits_transferred, 0.0)
