"""Québec: the TP-1 return (Revenu Québec), for an employee.

Québec taxable income = employment income - deduction for workers (line 201) - deduction for
QPP contributions on the additional plan (line 248) - RRSP/RPP and other deductions.
Québec tax = brackets on that income - 14% x the basic personal amount (line 350), not below zero.
Québec grants no non-refundable credit for QPP, EI or QPIP contributions: they are credits on the
federal return only (the deduction for workers stands in for them).
"""

from __future__ import annotations

import numpy as np
from pydantic import Field

from netpay.brackets import bracket_tax
from netpay.context import TaxContext
from netpay.money import FloatArray
from netpay.provinces import ProvincialTable
from netpay.tables import Frozen


class DeductionForWorkers(Frozen):
    """TP-1 line 201: ``rate`` of eligible employment income, at most ``max_amount``."""

    rate: float = Field(gt=0, lt=1)
    max_amount: float = Field(gt=0)


class Table(ProvincialTable):
    """``data/tax_tables/<year>/qc.yaml``."""

    deduction_for_workers: DeductionForWorkers


def deduction_for_workers(employment_income: FloatArray, table: Table) -> FloatArray:
    """TP-1 line 201: 6% of employment income, up to the year's maximum."""
    d = table.deduction_for_workers
    return np.minimum(d.rate * employment_income, d.max_amount)


def provincial_taxable_income(ctx: TaxContext, table: Table) -> FloatArray:
    """TP-1 line 299: total income less lines 201 (workers), 248 (QPP additional plan) and
    other deductions (RRSP line 214, RPP line 205), not below zero."""
    qc_net = (
        ctx.total_income
        - deduction_for_workers(ctx.employment_income, table)
        - ctx.contributions.pension_enhanced
        - ctx.deductions
    )
    return np.maximum(qc_net, 0.0)


def provincial_tax(ctx: TaxContext, table: Table) -> FloatArray:
    """TP-1 line 432 for an employee: tax on Québec taxable income less 14% x line 350 (BPA)."""
    gross = bracket_tax(provincial_taxable_income(ctx, table), table.schedule)
    return np.maximum(gross - table.rate_for_credits * ctx.personal_amount(table.basic_personal_amount), 0.0)
