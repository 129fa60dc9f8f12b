"""One module per province or territory whose return differs in shape; the pieces they share here.

Each module has ``Params`` (the record its rules read), ``params(table)`` (built once from the
validated table of ``netpay.tables.taxes``), ``provincial_tax(ctx, p)`` (the tax its return takes
from an employee) and ``provincial_taxable_income(ctx, p)`` (the federal one, except in Québec).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from netpay.jurisdictions import NAMES
from netpay.rules.arithmetic import Lines, bracket_tax
from netpay.rules.context import TaxContext, contribution_credits
from netpay.rules.jit import rule

#: Jurisdiction code -> module implementing its return.
MODULES: dict[str, str] = {
    "AB": "netpay.rules.provinces.ab",
    "BC": "netpay.rules.provinces.bc",
    "MB": "netpay.rules.provinces.mb",
    "NB": "netpay.rules.provinces.atlantic",
    "NL": "netpay.rules.provinces.atlantic",
    "NS": "netpay.rules.provinces.ns",
    "NT": "netpay.rules.provinces.territorial",
    "NU": "netpay.rules.provinces.territorial",
    "ON": "netpay.rules.provinces.on",
    "PE": "netpay.rules.provinces.atlantic",
    "QC": "netpay.rules.provinces.qc",
    "SK": "netpay.rules.provinces.standard",
    "YT": "netpay.rules.provinces.yt",
}
if set(MODULES) != set(NAMES):  # pragma: no cover - a guard for whoever adds a jurisdiction
    raise RuntimeError(f"MODULES and NAMES differ: {sorted(set(MODULES) ^ set(NAMES))}")


def module_for(code: str) -> ModuleType:
    """The module implementing ``code``'s return."""
    return importlib.import_module(MODULES[code])


@rule
def credit_amounts(personal: float, ctx: TaxContext) -> float:
    """The credit amounts of a 428 form for an employee: the personal amount(s) + CPP/QPP base + EI,
    plus the household's (spouse or eligible dependant amount, amounts for children: lines 58120-58210)."""
    return personal + contribution_credits(ctx) + ctx.provincial_household_amount


@rule
def basic_provincial_tax(ctx: TaxContext, lines: Lines, credit_rate: float, credits: float) -> float:
    """Tax on taxable income by the brackets, minus the credit rate x the credit amounts, not below zero."""
    return max(bracket_tax(ctx.taxable_income, lines) - credit_rate * credits, 0.0)


@rule
def basic_tax(ctx: TaxContext, p: Any) -> float:
    """A 428 form's basic tax for an employee: brackets minus the credit rate x (the basic personal
    amount, prorated for part-year residence, + CPP/QPP base + EI). ``p`` has ``lines``,
    ``credit_rate`` and ``basic_personal_amount``."""
    credits = credit_amounts(p.basic_personal_amount * ctx.residence_fraction, ctx)
    return basic_provincial_tax(ctx, p.lines, p.credit_rate, credits)


@rule
def federal_taxable_income(ctx: TaxContext, p: Any) -> float:
    """The provincial return starts from federal taxable income (T1 line 26000), outside Québec
    (``p``, the province's record, is not needed)."""
    return ctx.taxable_income
