"""Ontario: form ON428 (Ontario tax), ON428-A (LIFT credit) and the Ontario Health Premium.

Ontario tax = basic Ontario tax (brackets minus the lowest rate x credits)
            + surtax (a rate of basic tax over the first threshold + a second rate over the second)
            - Ontario tax reduction (2 x the basic amount - Ontario tax, not below zero)
            - LIFT credit (ON428-A)
            + Ontario Health Premium (on taxable income).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines, clawback
from netpay.rules.context import TaxContext
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_tax, federal_taxable_income
from netpay.tables.taxes import OntarioTable

#: ON428 line 63: the tax reduction is "2 x" the basic reduction (plus amounts for dependants) minus tax.
REDUCTION_MULTIPLE = 2.0


class Surtax(NamedTuple):
    threshold1: float
    rate1: float
    threshold2: float
    rate2: float


class Lift(NamedTuple):
    max_credit: float
    rate: float
    threshold: float
    reduction_rate: float
    #: the adjusted family net income above which a spouse's credit is reduced (ON428-A Part B)
    family_threshold: float = 0.0


class Ramp(NamedTuple):
    """A ramp of the Health Premium: ``rate`` x taxable income over ``start``, adding at most ``increment``."""

    start: float
    rate: float
    increment: float


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float
    surtax: Surtax
    tax_reduction: float
    lift: Lift
    health_premium: tuple[Ramp, ...]
    #: ON428 Part C line 60969: the reduction's amount per dependent child (18 or under)
    reduction_per_dependant: float = 0.0


def params(table: OntarioTable) -> Params:
    s, li = table.surtax, table.lift
    return Params(
        lines=lines(table.schedule),
        credit_rate=table.effective_credit_rate,
        basic_personal_amount=table.basic_personal_amount,
        surtax=Surtax(s.threshold1, s.rate1, s.threshold2, s.rate2),
        tax_reduction=table.tax_reduction.basic_amount,
        lift=Lift(li.max_credit, li.rate, li.threshold, li.reduction_rate, li.family_threshold or 0.0),
        health_premium=tuple(Ramp(r.from_, r.rate, r.increment) for r in table.health_premium),
        reduction_per_dependant=table.tax_reduction.per_dependant or 0.0,
    )


@rule
def ontario_basic_tax(ctx: TaxContext, p: Params) -> float:
    """ON428 'Ontario tax on taxable income' minus the lowest rate x (BPA + CPP base + EI)."""
    return basic_tax(ctx, p)


@rule
def ontario_surtax(basic_tax: float, s: Surtax) -> float:
    """ON428 Part C: the first rate of basic Ontario tax over the first threshold plus the second over the second."""
    return s.rate1 * max(basic_tax - s.threshold1, 0.0) + s.rate2 * max(basic_tax - s.threshold2, 0.0)


@rule
def ontario_tax_reduction(tax_with_surtax: float, basic_reduction: float) -> float:
    """ON428 Part C: 2 x (the basic reduction + the amounts for dependants) minus Ontario tax (with
    surtax), between zero and that tax."""
    return min(max(REDUCTION_MULTIPLE * basic_reduction - tax_with_surtax, 0.0), tax_with_surtax)


@rule
def lift_credit(ctx: TaxContext, li: Lift) -> float:
    """ON428-A: the lesser of the maximum and a rate of employment income, reduced by a rate of adjusted
    net income over the single threshold or, with a spouse (Part B), of the greater of that and the
    adjusted family net income over the family threshold (Taxation Act, 2007 (Ontario), s. 8.6.2)."""
    earned = min(li.max_credit, li.rate * ctx.employment_income)
    single = clawback(earned, ctx.net_income, li.threshold, li.reduction_rate)
    if ctx.household_role == 0.0:
        return single
    family = clawback(earned, ctx.net_income + ctx.spouse_net_income, li.family_threshold, li.reduction_rate)
    return min(single, family)


@rule
def ontario_health_premium(taxable_income: float, ramps: tuple[Ramp, ...]) -> float:
    """ON428 Part D: the Ontario Health Premium on taxable income, a sum of ramps (flat, then the
    ramp's rate x income over its start until it has added its increment)."""
    premium = 0.0
    for r in ramps:
        premium += min(max((taxable_income - r.start) * r.rate, 0.0), r.increment)
    return premium


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """Net Ontario tax (T1 line 42800): basic tax + surtax - tax reduction - LIFT + Health Premium."""
    basic = ontario_basic_tax(ctx, p)
    tax = basic + ontario_surtax(basic, p.surtax)
    # Both need residence in Canada on January 1 and in Ontario on December 31: ontario.ca,
    # "Ontario Tax Reduction" and "Low-income Individuals and Families Tax (LIFT) Credit".
    if ctx.resident_jan1:
        basic_reduction = p.tax_reduction + p.reduction_per_dependant * ctx.reduction_dependants
        tax = tax - ontario_tax_reduction(tax, basic_reduction)
        tax = tax - min(lift_credit(ctx, p.lift), tax)
    return tax + ontario_health_premium(ctx.taxable_income, p.health_premium)


provincial_taxable_income = federal_taxable_income
