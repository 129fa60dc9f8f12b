"""The figures a provincial return starts from, computed once by the engine and passed to each rule."""

from __future__ import annotations

from dataclasses import dataclass

from netpay.money import FloatArray
from netpay.payroll import Contributions


@dataclass(frozen=True)
class TaxContext:
    """One person's (or one array of people's) income and contributions for the year.

    ``net_income`` and ``taxable_income`` are the federal ones (T1 lines 23600 and 26000); a
    province that defines its own (Québec) derives them from ``total_income`` and ``deductions``.
    """

    year: int
    #: employment income, T4 box 14 (salary, bonuses, taxable benefits): T1 line 10100
    employment_income: FloatArray
    #: total income, T1 line 15000 (here: employment income)
    total_income: FloatArray
    #: RRSP, RPP and other deductions from income other than line 22215 (lines 20700, 20800, ...)
    deductions: FloatArray
    #: federal net income, line 23600
    net_income: FloatArray
    #: federal taxable income, line 26000
    taxable_income: FloatArray
    contributions: Contributions
    #: exact=True: no rounding to cents (the engine uses it for marginal rates)
    exact: bool = False
    #: share of the year resident in Canada (days resident / days in year; 1.0 all year). Personal
    #: amounts are prorated by it (ITA s. 118.91; Taxation Act (Québec) s. 752.0.24).
    residence_fraction: float = 1.0
    #: resident in Canada on January 1 (Ontario's tax reduction and LIFT credit require it)
    resident_jan1: bool = True

    def personal_amount(self, full_year_amount: float) -> float:
        """A personal amount (basic personal amount and the like) prorated for days of residence."""
        return full_year_amount * self.residence_fraction
