"""One person's return as the engine's kernels compute it: the chain of rules (``netpay.rules``, in
the order of the forms) from incomes and the household's claims to contributions, taxes, the payroll
tax and the drug insurance premium.

:class:`Common` holds the records every return reads; the provincial return is chosen by the type of
its ``Params`` record (at compile time when compiled). Every function here is inlined into the
kernels of ``netpay.engine``.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import Any, NamedTuple

from netpay.rules import federal, household, payroll
from netpay.rules.arithmetic import round_cents
from netpay.rules.context import TaxContext
from netpay.rules.jit import JIT, rule
from netpay.rules.provinces import MODULES, module_for, qc


class Common(NamedTuple):
    """The records every return reads: payroll plans and Schedule 1, for one year and province."""

    pension: payroll.PensionRecord
    ei: payroll.PremiumRecord
    qpip: payroll.PremiumRecord
    federal: federal.FederalRecord
    #: the 428 form's household amounts (spouse, eligible dependant, children)
    household: household.ProvincialHousehold
    payroll_tax: payroll.PayrollTaxRecord
    drug_plan: qc.DrugPlanRecord


@cache
def _modules_by_params() -> dict[type, ModuleType]:
    return {module_for(code).Params: module_for(code) for code in MODULES}


def provincial_tax(ctx: TaxContext, p: Any) -> float:
    """The provincial return of the module whose ``Params`` ``p`` is (compiled: chosen at compile time)."""
    return _modules_by_params()[type(p)].provincial_tax(ctx, p)


def provincial_taxable_income(ctx: TaxContext, p: Any) -> float:
    """The provincial taxable income of the module whose ``Params`` ``p`` is."""
    return _modules_by_params()[type(p)].provincial_taxable_income(ctx, p)


if JIT:
    from numba.extending import overload

    @overload(provincial_tax, inline="always")
    def _provincial_tax_compiled(ctx, p):  # numba matches the argument names: no annotations
        fn = _modules_by_params()[p.instance_class].provincial_tax
        return lambda ctx, p: fn(ctx, p)

    @overload(provincial_taxable_income, inline="always")
    def _provincial_taxable_income_compiled(ctx, p):
        fn = _modules_by_params()[p.instance_class].provincial_taxable_income
        return lambda ctx, p: fn(ctx, p)


class Return(NamedTuple):
    """One person's return: the context, the two taxes and the provincial taxable income."""

    ctx: TaxContext
    federal_tax: float
    provincial_tax: float
    provincial_taxable_income: float
    payroll_tax: float
    ramq_premium: float


@rule
def tax_return(
    employment: float,
    pensionable: float,
    insurable: float,
    deductions: float,
    provincial_only: float,
    h: household.HouseholdInputs,
    rounded: bool,
    common: Common,
    prov: Any,
    fraction: float,
    jan1: bool,
    taxable_deductions: float = 0.0,
    provincial_taxable_deductions: float = 0.0,
    uninsured: float = 0.0,
) -> Return:
    """Steps 1-5 for one person; with ``rounded`` each contribution and tax is rounded to the cent;
    ``h``: the household's claims on this return (``netpay.rules.household``); ``uninsured``: the
    share of the year without access to a group drug plan (Québec's premium)."""
    base, enhanced = payroll.pension_contributions(pensionable, common.pension, rounded)
    ei = payroll.premium(insurable, common.ei, rounded)
    qpip = payroll.premium(insurable, common.qpip, rounded)
    net = max(employment - enhanced - deductions - h.childcare_deduction, 0.0)
    taxable = max(net - taxable_deductions, 0.0)
    fed_amount, prov_amount, dependants = household.amounts(h, net, common.federal, common.household, fraction)
    ctx = TaxContext(
        employment, employment, deductions, net, taxable, base, enhanced, ei, qpip, provincial_only, fraction, jan1,
        taxable_deductions, provincial_taxable_deductions,
        h.childcare_deduction, fed_amount, prov_amount, dependants, h.credits_transferred, h.role, h.spouse_net_income,
    )  # fmt: skip
    fed = federal.federal_tax(ctx, common.federal)
    ptax = provincial_tax(ctx, prov)
    prov_taxable = provincial_taxable_income(ctx, prov)
    ramq = qc.drug_insurance_premium(prov_taxable, common.drug_plan, uninsured, ctx)
    if rounded:
        fed, ptax, ramq = round_cents(fed), round_cents(ptax), round_cents(ramq)
    return Return(ctx, fed, ptax, prov_taxable, payroll.payroll_tax(employment, common.payroll_tax, rounded), ramq)


@rule
def total_deductions(r: Return) -> float:
    """CPP/QPP (both parts) + EI + QPIP + federal and provincial tax + payroll tax + drug insurance premium."""
    c = r.ctx
    total = c.pension_base + c.pension_enhanced + c.ei + c.qpip + r.federal_tax + r.provincial_tax
    return total + r.payroll_tax + r.ramq_premium  # in this order: bit for bit as before where they are 0


@rule
def marginal_step(income: float) -> float:
    """The step of the marginal rate: $1, and above 2**21 dollars (beyond every threshold, where the
    slope is the top rate whatever the step) 2**-21 of the income, so the difference of two totals
    keeps about nine significant digits at any income. Returned as the step float64 actually takes."""
    return (income + max(1.0, income * 2.0**-21)) - income
