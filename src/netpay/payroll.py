"""Employee payroll contributions: CPP/CPP2, QPP/QPP2, EI and QPIP, on annual employment earnings.

The annual amounts are what the return settles (Schedule 8 for CPP, Schedule 13 for EI; Québec's
Schedule LE for QPIP): contributions on pensionable earnings above the basic exemption up to the
year's maximum pensionable earnings (YMPE), the second tier (CPP2/QPP2) between the YMPE and the
additional maximum (YAMPE), and EI/QPIP premiums up to the maximum insurable earnings. Each is
rounded to the cent, half-up, as payroll and the return do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydantic import Field, model_validator

from netpay.money import FloatArray, clip_between, round_cents
from netpay.tables import CitedTable, Frozen

Rate = float


class PensionPlan(Frozen):
    """CPP or QPP parameters for one year (employee share)."""

    basic_exemption: float = Field(ge=0)
    ympe: float = Field(gt=0, description="year's maximum pensionable earnings (QPP: MPE)")
    yampe: float = Field(gt=0, description="year's additional maximum pensionable earnings")
    base_rate: Rate = Field(ge=0, lt=0.2)
    first_additional_rate: Rate = Field(ge=0, lt=0.2)
    second_additional_rate: Rate = Field(ge=0, lt=0.2)

    @model_validator(mode="after")
    def _ascending(self) -> PensionPlan:
        if not self.basic_exemption < self.ympe <= self.yampe:
            raise ValueError("need basic_exemption < ympe <= yampe")
        return self

    @property
    def first_tier_rate(self) -> float:
        return self.base_rate + self.first_additional_rate

    @property
    def max_first_tier(self) -> float:
        return float(round_cents(self.first_tier_rate * (self.ympe - self.basic_exemption)))

    @property
    def max_second_tier(self) -> float:
        return float(round_cents(self.second_additional_rate * (self.yampe - self.ympe)))


class Insurance(Frozen):
    """EI parameters for one year: one rate outside Québec, a reduced one in Québec."""

    max_insurable_earnings: float = Field(gt=0)
    rate: Rate = Field(ge=0, lt=0.1)
    quebec_rate: Rate = Field(ge=0, lt=0.1)


class ParentalInsurance(Frozen):
    """QPIP (Québec Parental Insurance Plan) employee premium parameters for one year."""

    max_insurable_earnings: float = Field(gt=0)
    rate: Rate = Field(ge=0, lt=0.1)


class PayrollTable(CitedTable):
    """``data/tax_tables/<year>/payroll.yaml``."""

    cpp: PensionPlan
    qpp: PensionPlan
    ei: Insurance
    qpip: ParentalInsurance


@dataclass(frozen=True)
class Contributions:
    """An employee's contributions for the year, split as the returns treat them."""

    #: CPP/QPP base part: a non-refundable credit (federal line 30800; provincial 58240).
    pension_base: FloatArray
    #: first additional part + CPP2/QPP2: a deduction (federal line 22215; Québec line 248).
    pension_enhanced: FloatArray
    #: EI premiums: a non-refundable credit (federal line 31200; provincial 58300).
    ei: FloatArray
    #: QPIP premiums (Québec): a federal non-refundable credit (line 31205).
    qpip: FloatArray

    @property
    def pension(self) -> FloatArray:
        """All CPP+CPP2 (or QPP+QPP2) contributions."""
        return self.pension_base + self.pension_enhanced

    @property
    def total(self) -> FloatArray:
        return self.pension + self.ei + self.qpip


def pension_contributions(pensionable: FloatArray, plan: PensionPlan, exact: bool = False) -> tuple[
    FloatArray, FloatArray
]:
    """Employee CPP/QPP contributions on employment earnings: (base part, enhanced part).

    First tier (Schedule 8 Part 2/4): ``(base + first additional rate) x`` pensionable earnings
    between the basic exemption and the YMPE. The base part (4.95/5.95 of it for CPP; 5.3/6.3 for
    QPP in 2026) is a credit; the first-additional part (1/5.95) plus all of the second tier (4% of
    earnings between YMPE and YAMPE) is deducted from income (line 22215). CRA: "Line 22215 -
    Deduction for CPP or QPP enhanced contributions on employment income".
    """
    rnd = (lambda x: x) if exact else round_cents
    first = rnd(plan.first_tier_rate * clip_between(pensionable, plan.basic_exemption, plan.ympe))
    second = rnd(plan.second_additional_rate * clip_between(pensionable, plan.ympe, plan.yampe))
    first_additional = rnd(first * (plan.first_additional_rate / plan.first_tier_rate))
    return first - first_additional, first_additional + second


def ei_premiums(insurable: FloatArray, table: PayrollTable, quebec: bool, exact: bool = False) -> FloatArray:
    """EI employee premiums: rate x insurable earnings up to the maximum (Québec: the reduced rate)."""
    rate = table.ei.quebec_rate if quebec else table.ei.rate
    amount = rate * np.minimum(insurable, table.ei.max_insurable_earnings)
    return amount if exact else round_cents(amount)


def qpip_premiums(insurable: FloatArray, table: PayrollTable, quebec: bool, exact: bool = False) -> FloatArray:
    """QPIP employee premiums (Québec residents only; zero elsewhere)."""
    if not quebec:
        return np.zeros_like(insurable)
    amount = table.qpip.rate * np.minimum(insurable, table.qpip.max_insurable_earnings)
    return amount if exact else round_cents(amount)


def contributions(
    pensionable: FloatArray, insurable: FloatArray, table: PayrollTable, quebec: bool, exact: bool = False
) -> Contributions:
    """All employee contributions for a resident of Québec (``quebec=True``) or elsewhere."""
    plan = table.qpp if quebec else table.cpp
    base, enhanced = pension_contributions(pensionable, plan, exact)
    return Contributions(
        pension_base=base,
        pension_enhanced=enhanced,
        ei=ei_premiums(insurable, table, quebec, exact),
        qpip=qpip_premiums(insurable, table, quebec, exact),
    )
