"""One module per province or territory whose return differs in shape; shared pieces here.

Each module exposes ``Table`` (the pydantic model of its data file) and
``provincial_tax(ctx, table)``, the tax its return takes from an employee; it may also expose
``provincial_taxable_income(ctx, table)`` when the province defines its own (Québec).
"""

from __future__ import annotations

import importlib
from types import ModuleType

import numpy as np
from pydantic import Field

from netpay.brackets import bracket_tax
from netpay.context import TaxContext
from netpay.jurisdictions import NAMES
from netpay.money import FloatArray
from netpay.tables import TableBase

#: Jurisdiction code -> module implementing its return.
MODULES: dict[str, str] = {
    "AB": "netpay.provinces.ab",
    "BC": "netpay.provinces.bc",
    "MB": "netpay.provinces.mb",
    "NB": "netpay.provinces.nb",
    "NL": "netpay.provinces.nl",
    "NS": "netpay.provinces.ns",
    "NT": "netpay.provinces.standard",
    "NU": "netpay.provinces.standard",
    "ON": "netpay.provinces.on",
    "PE": "netpay.provinces.pe",
    "QC": "netpay.provinces.qc",
    "SK": "netpay.provinces.standard",
    "YT": "netpay.provinces.yt",
}
assert set(MODULES) == set(NAMES)


def module_for(code: str) -> ModuleType:
    """The module implementing ``code``'s return."""
    return importlib.import_module(MODULES[code])


class ProvincialTable(TableBase):
    """Fields every provincial or territorial table has."""

    basic_personal_amount: float = Field(gt=0)
    credit_rate: float | None = Field(
        default=None, gt=0, lt=1, description="rate for non-refundable credits; default: the lowest bracket rate"
    )

    @property
    def rate_for_credits(self) -> float:
        return self.credit_rate if self.credit_rate is not None else self.schedule.lowest_rate


def contribution_credit_amounts(ctx: TaxContext) -> FloatArray:
    """CPP/QPP base contributions and EI premiums (428 forms, lines 58240 and 58300)."""
    return ctx.contributions.pension_base + ctx.contributions.ei


def basic_provincial_tax(
    ctx: TaxContext, table: ProvincialTable, credit_amounts: FloatArray
) -> FloatArray:
    """Tax on taxable income by the brackets, minus the credit rate x credit amounts, not below zero."""
    gross = bracket_tax(ctx.taxable_income, table.schedule)
    return np.maximum(gross - table.rate_for_credits * credit_amounts, 0.0)
