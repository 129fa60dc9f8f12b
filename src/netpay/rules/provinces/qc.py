"""Québec: the TP-1 return (Revenu Québec), for an employee.

Québec taxable income = employment income (with the employer health premiums taxable in Québec only)
- deduction for workers (line 201) - deduction for QPP contributions on the additional plan (line
248) - RRSP/RPP and other deductions. Québec tax = brackets on that income - the credit rate x the
basic personal amount (line 350), not below zero. Québec grants no non-refundable credit for QPP,
EI or QPIP contributions: they are credits on the federal return only (the deduction for workers
stands in for them).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines, bracket_tax
from netpay.rules.context import TaxContext, prorated
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.tables.taxes import QuebecTable


class DeductionForWorkers(NamedTuple):
    rate: float
    max_amount: float


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    deduction_for_workers: DeductionForWorkers


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
