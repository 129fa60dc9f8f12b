"""Northwest Territories and Nunavut: brackets minus credits (NT428, NU428), less the refundable
cost of living tax credit (NT479, NU479, claimed on T1 line 47900).

Territorial tax = brackets on taxable income - the lowest rate x (basic personal amount + CPP base
contributions + EI premiums), not below zero; then minus the cost of living tax credit, which is
refundable, so the result can be negative (a refund beyond the tax).

The credit is figured on adjusted net income: net income (line 23600) less lines 24400 and 25000
and treaty-exempt foreign income (none for an employee here), so line 23600 itself:

- NT479: 2.6% of the first $12,000, 1.25% of the next $36,000, 1% of the next $18,000 (the "basic
  credit for self", at most $942 from $66,000), and for an adult at least the $350 "basic supplement
  for self" (the supplement is $350 less the basic credit, if positive); the total at most $942.
- NU479: 2% of adjusted net income, at most $1,500 (the single-parent supplement is not modelled).

A resident of the territory on December 31 claims it: netpay's person lives there, so a part-year
resident of Canada (an arrival in the year) gets the whole credit (the forms do not prorate it).

The employees' payroll tax, withheld by the employer, is not on the return: see
``netpay.rules.payroll.payroll_tax``.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines
from netpay.rules.context import TaxContext
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_tax, federal_taxable_income
from netpay.tables.taxes import TerritorialTable


class CostOfLivingRecord(NamedTuple):
    """The cost of living tax credit's bands (as lines: the credit is the least), maximum and adult minimum."""

    bands: Lines
    maximum: float
    adult_minimum: float


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    cost_of_living: CostOfLivingRecord


def params(table: TerritorialTable) -> Params:
    c = table.cost_of_living_credit
    return Params(
        lines(table.schedule),
        table.effective_credit_rate,
        table.basic_personal_amount,
        CostOfLivingRecord(lines(c.schedule), c.maximum, c.adult_minimum),
    )


@rule
def concave_schedule(income: float, bands: Lines) -> float:
    """An amount by bands whose rates fall as income rises: the least of the bands' lines."""
    amount = income * bands.rates[0]
    for k in range(1, len(bands.rates)):
        amount = min(amount, income * bands.rates[k] + bands.intercepts[k])
    return amount


@rule
def cost_of_living_credit(adjusted_net_income: float, c: CostOfLivingRecord) -> float:
    """NT479 lines 5-14 / NU479 lines 5-8 for a single adult: the basic credit by the bands, at
    least the adult supplement, at most the maximum."""
    basic = concave_schedule(max(adjusted_net_income, 0.0), c.bands)
    return min(max(basic, c.adult_minimum), c.maximum)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """NT428/NU428 tax for an employee less the refundable cost of living tax credit (line 47900)."""
    return basic_tax(ctx, p) - cost_of_living_credit(ctx.net_income, p.cost_of_living)


provincial_taxable_income = federal_taxable_income
