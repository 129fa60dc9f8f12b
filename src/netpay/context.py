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
