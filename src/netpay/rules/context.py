"""The figures a return starts from, computed once per person by the engine and passed to each rule."""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule


class Residence(NamedTuple):
    """How much of the year a person was resident in Canada.

    ``fraction``: days resident / days in the year (1.0: all year); personal amounts are prorated by
    it (ITA s. 118.91; Taxation Act (Québec) s. 752.0.24). ``resident_jan1``: resident on January 1
    (Ontario's tax reduction and LIFT credit require it).
    """

    fraction: float = 1.0
    resident_jan1: bool = True


#: A resident of Canada all year.
FULL_YEAR = Residence(1.0, True)


class TaxContext(NamedTuple):
    """One person's income, deductions and contributions for the year.

    ``net_income`` and ``taxable_income`` are the federal ones (T1 lines 23600 and 26000); a
    province that defines its own (Québec) derives them from ``total_income`` and ``deductions``.
    """

    #: employment income, T4 box 14 (salary, bonuses, taxable benefits): T1 line 10100
    employment_income: float
    #: total income, T1 line 15000 (here: employment income)
    total_income: float
    #: RRSP, RPP and other deductions from income other than line 22215 (lines 20700, 20800, ...)
    deductions: float
    #: federal net income, line 23600
    net_income: float
    #: federal taxable income, line 26000
    taxable_income: float
    #: CPP/QPP base contributions: a non-refundable credit (federal line 30800; provincial 58240)
    pension_base: float
    #: CPP/QPP first additional part + CPP2/QPP2: a deduction (line 22215; Québec line 248)
    pension_enhanced: float
    #: EI premiums: a non-refundable credit (federal line 31200; provincial 58300)
    ei: float
    #: QPIP premiums (Québec): a federal non-refundable credit (line 31205)
    qpip: float
    #: income taxable on the provincial return only (Québec: employer health premiums, RL-1 box J)
    provincial_only_income: float
    #: share of the year resident in Canada
    residence_fraction: float
    #: resident in Canada on January 1
    resident_jan1: bool
    #: deductions from net income in computing taxable income only (T1 lines 24900 and the like:
    #: the security options deduction, ITA s. 110(1)(d)/(d.1)); provinces other than Québec tax the
    #: federal taxable income, so they take these too
    taxable_deductions: float = 0.0
    #: Québec's own such deductions (TP-1 line 297: the security options deduction, TA s. 725.2)
    provincial_taxable_deductions: float = 0.0
    # --- the household (netpay.rules.household); zero for a single person without children
    #: the child care expense deduction, T1 line 21400 (in federal net income; not on the TP-1)
    childcare_deduction: float = 0.0
    #: the spouse or eligible dependant amount claimed, T1 line 30300 or 30400
    federal_household_amount: float = 0.0
    #: the 428 form's spouse or eligible dependant amount (58120 / 58160) and amounts for children
    provincial_household_amount: float = 0.0
    #: dependent children in the Ontario tax reduction (ON428 line 60969)
    reduction_dependants: float = 0.0
    #: Québec: the spouse's unused non-refundable credits transferred (TP-1 line 431), in dollars of tax
    credits_transferred: float = 0.0
    #: 0: no spouse; 1: the spouse with the higher net income; 2: the lower (``netpay.rules.household``)
    household_role: float = 0.0
    #: the spouse's net income (line 23600), for the forms' family income tests (ON428-A)
    spouse_net_income: float = 0.0


@rule
def prorated(full_year_amount: float, ctx: TaxContext) -> float:
    """A personal amount (basic personal amount and the like) prorated for days of residence."""
    return full_year_amount * ctx.residence_fraction


@rule
def contribution_credits(ctx: TaxContext) -> float:
    """CPP/QPP base contributions and EI premiums (428 forms, lines 58240 and 58300)."""
    return ctx.pension_base + ctx.ei
