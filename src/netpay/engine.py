"""The pipeline: a jurisdiction's chain of rules compiled into one loop over people, and ``take_home``.

For each person (``netpay.rules``, in the order of the forms):

1. Contributions: CPP/CPP2 or QPP/QPP2, EI, QPIP (``rules.payroll``).
2. Net income (line 23600) = employment income - line 22215 (enhanced CPP/QPP) - other deductions;
   taxable income (line 26000) = net income - deductions from taxable income only (line 24900:
   the security options deduction; none for most people).
3. Federal tax (``rules.federal``), less the Québec abatement in Québec.
4. Provincial tax (``rules.provinces.<code>``), less the territories' refundable cost of living credit.
5. Beside the returns: the NT/NU employee payroll tax (``rules.payroll.payroll_tax``) and, for a
   Québec resident without a group plan, the drug insurance premium (TP-1 line 447).
6. Take-home pay = income - contributions - federal tax - provincial tax - payroll tax - premium.

One person's chain is ``netpay.chain`` (:func:`~netpay.chain.tax_return`); the rules are scalar
functions, and numba compiles the chain into a loop that writes one
(lines x people) block (``njit(cache=True)``, compiled on first use per jurisdiction and cached on
disk). ``NETPAY_JIT=0`` runs the same functions as plain Python. :class:`Ruleset` holds the tables
and records for (province, year): it is the one place that knows Québec differs.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from netpay import tables
from netpay.block import EXTRA as EXTRA
from netpay.block import INPUTS as INPUTS
from netpay.block import ROWS as ROWS
from netpay.block import Incomes as Incomes
from netpay.block import TaxResult as TaxResult
from netpay.block import kernel_array as kernel_array
from netpay.chain import Common as Common
from netpay.chain import Return as Return
from netpay.chain import marginal_step as marginal_step
from netpay.chain import provincial_tax as provincial_tax
from netpay.chain import provincial_taxable_income as provincial_taxable_income
from netpay.chain import tax_return as tax_return
from netpay.chain import total_deductions as total_deductions
from netpay.jurisdictions import normalize
from netpay.lines import COLUMNS
from netpay.lines import LABELS as LABELS  # version 1 read the labels here
from netpay.money import FloatArray, as_amounts
from netpay.rules import federal, household, payroll
from netpay.rules.context import FULL_YEAR, Residence
from netpay.rules.jit import JIT, compiled, rule
from netpay.rules.provinces import module_for, qc
from netpay.tables.status import require_verified_tables

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# The rows by name, as constants the compiled loops read.
_INCOME, _CPP, _EI, _QPIP, _DEDUCTIONS = (ROWS[k] for k in ("income", "cpp", "ei", "qpip", "deductions"))
_TAXABLE, _PROV_TAXABLE = ROWS["taxable_income"], ROWS["provincial_taxable_income"]
_FEDERAL, _PROVINCIAL = ROWS["federal_tax"], ROWS["provincial_tax"]
_PAYROLL_TAX, _RAMQ = ROWS["payroll_tax"], ROWS["ramq_premium"]
_TOTAL, _NET, _MONTHLY = (ROWS[k] for k in ("total_deductions", "net_income", "monthly_net_income"))
_AVERAGE, _MARGINAL = ROWS["average_rate"], ROWS["marginal_rate"]
_CPP_BASE, _CPP_ENHANCED, _NET_23600 = (ROWS[k] for k in EXTRA)
_UNINSURED = INPUTS.index("uninsured")

# --------------------------------------------------------------------------- the tables of one computation


@dataclass(frozen=True)
class Ruleset:
    """The tables and the rules' records for one province and year, loaded once (cached)."""

    year: int
    province: str
    federal: Any
    payroll: Any
    provincial: Any
    common: Common
    params: Any

    @property
    def quebec(self) -> bool:
        """Québec residents file the TP-1, contribute to the QPP and QPIP, and get the federal abatement."""
        return is_quebec(self.province)

    @property
    def pension_plan(self) -> Any:
        """The CPP table, or the QPP's for a Québec resident."""
        return self.payroll.qpp if self.quebec else self.payroll.cpp

    @property
    def has_qpip(self) -> bool:
        return self.quebec

    @functools.cached_property
    def kernel(self) -> Any:
        """:func:`kernel` compiled for this province's records (see :func:`entry_point`)."""
        return entry_point(
            run, np.zeros((len(INPUTS), 1)), np.empty((len(ROWS), 1)), self.common, self.params, 1.0, True, True
        )

    @functools.cached_property
    def salary_kernel(self) -> Any:
        """:func:`salary_kernel` compiled for this province's records (see :func:`entry_point`)."""
        return entry_point(run_salary, np.zeros(1), np.empty((len(COLUMNS), 1)), self.common, self.params, True)

    @classmethod
    def load(cls, province: str, year: int | None = None) -> Ruleset:
        """The rules for ``province`` (code or name) and ``year`` (``None``: the latest); clear errors for either."""
        return _ruleset(normalize(province), tables.year_in_use(year))  # warns for a projected year


def entry_point(dispatcher: Any, *sample: Any) -> Any:
    """The compiled function ``dispatcher`` runs for arguments like ``sample``, to be called directly:
    numba's dispatcher works out the type of every record on each call (15 us of a one-income call)."""
    if not JIT:
        return dispatcher
    import numba
    from numba.core.errors import NumbaIRAssumptionWarning

    with warnings.catch_warnings():
        # numba's own "internal pedantic check" of the inlined provincial rules: not about netpay's input
        warnings.simplefilter("ignore", NumbaIRAssumptionWarning)
        dispatcher(*sample)  # compiles, or loads the compiled kernel from the disk cache
    return dispatcher.overloads[tuple(numba.typeof(a) for a in sample)].entry_point


def is_quebec(province: str) -> bool:
    """Whether ``province`` (code or name) is Québec: the one test of it outside the rules (Québec's
    return, pension plan, QPIP, EI rate and abatement differ; ``Ruleset`` answers each)."""
    return normalize(province) == "QC"


@functools.lru_cache(maxsize=256)
def _ruleset(code: str, year: int) -> Ruleset:
    quebec = is_quebec(code)
    fed, pay, prov = tables.load(year, tables.FEDERAL), tables.load(year, tables.PAYROLL), tables.load(year, code)
    common = Common(
        pension=payroll.pension_record(pay.qpp if quebec else pay.cpp),
        ei=payroll.ei_record(pay, quebec),
        qpip=payroll.qpip_record(pay, quebec),
        federal=federal.record(fed, quebec),
        household=household.record(prov),
        payroll_tax=payroll.payroll_tax_record(prov),
        drug_plan=qc.drug_plan_record(prov) if quebec else qc.NO_DRUG_PLAN,
    )
    return Ruleset(year, code, fed, pay, prov, common, module_for(code).params(prov))


tables.on_clear(_ruleset.cache_clear)

#: The version-1 name of :class:`Ruleset`.
Year = Ruleset


# --------------------------------------------------------------------------- the block of a kernel


@rule
def write_return(out: FloatArray, i: int, x: float, r: Return, every_row: bool = True) -> None:
    """Column ``i`` of the block: the rows of ``COLUMNS`` but the marginal rate; with ``every_row``
    False, not the deductions, QPIP, payroll tax and drug premium rows (zero for most of take_home's
    employees: :func:`salary_kernel` leaves them zero, or writes them in loops of their own)."""
    c = r.ctx
    total = total_deductions(r)
    out[_INCOME, i] = x
    out[_CPP, i] = c.pension_base + c.pension_enhanced
    out[_EI, i] = c.ei
    out[_TAXABLE, i] = c.taxable_income
    out[_PROV_TAXABLE, i] = r.provincial_taxable_income
    out[_FEDERAL, i] = r.federal_tax
    out[_PROVINCIAL, i] = r.provincial_tax
    if every_row:
        out[_DEDUCTIONS, i] = c.deductions + c.childcare_deduction
        out[_QPIP, i] = c.qpip
        out[_PAYROLL_TAX, i] = r.payroll_tax
        out[_RAMQ, i] = r.ramq_premium
    out[_TOTAL, i] = total
    out[_NET, i] = x - total
    out[_MONTHLY, i] = (x - total) / 12.0
    out[_AVERAGE, i] = total / x if x > 0.0 else 0.0


@rule
def fill(
    incomes: FloatArray, out: FloatArray, common: Common, prov: Any, fraction: float, jan1: bool, rounded: bool
) -> None:
    """Every row of the block but the marginal rate, person by person, from the rows of ``incomes``
    (:data:`INPUTS`: the incomes and deductions of :class:`Incomes`, then the household's inputs)."""
    for i in range(incomes.shape[1]):
        x = incomes[0, i]
        pen, ins, ded, prov_only, fed_ded, qc_ded = (
            incomes[1, i], incomes[2, i], incomes[3, i], incomes[4, i], incomes[5, i], incomes[6, i]
        )  # fmt: skip
        h = household.inputs_at(incomes, i)
        unins = incomes[_UNINSURED, i]
        r = tax_return(x, pen, ins, ded, prov_only, h, rounded, common, prov, fraction, jan1, fed_ded, qc_ded, unins)
        write_return(out, i, x, r)
        out[_MARGINAL, i] = np.nan
        out[_CPP_BASE, i] = r.ctx.pension_base
        out[_CPP_ENHANCED, i] = r.ctx.pension_enhanced
        out[_NET_23600, i] = r.ctx.net_income


def kernel(
    incomes: FloatArray, out: FloatArray, common: Common, prov: Any, fraction: float, jan1: bool, rounded: bool
) -> FloatArray:
    """The whole pipeline over people (the columns of ``incomes``), into ``out`` (rows ``COLUMNS``
    then ``EXTRA``); the marginal rate is left NaN."""
    if rounded:
        fill(incomes, out, common, prov, fraction, jan1, True)
    else:
        fill(incomes, out, common, prov, fraction, jan1, False)
    return out


def salary_kernel(salary: FloatArray, out: FloatArray, common: Common, prov: Any, marginal: bool) -> FloatArray:
    """``take_home``'s pipeline: a salary (employment income, all of it pensionable and insurable, no
    deductions, a group drug plan) of a resident all year, into ``out`` (rows ``COLUMNS``), which
    starts as zeros: the rows that stay zero are not written (deductions, the drug premium; QPIP
    outside Québec and the payroll tax outside NT/NU), a block of memory never touched.

    The marginal rate is the share of the next step of salary taken by contributions and taxes,
    unrounded, so a $1 step is not swamped by a cent of rounding; it runs as a loop of its own,
    which keeps both loops simple enough for the compiler to vectorize.
    """
    none = household.no_household()
    for i in range(salary.shape[0]):
        x = salary[i]
        write_return(out, i, x, tax_return(x, x, x, 0.0, 0.0, none, True, common, prov, 1.0, True), False)
    if common.qpip.rate != 0.0:
        for i in range(salary.shape[0]):
            out[_QPIP, i] = payroll.premium(salary[i], common.qpip, True)
    if common.payroll_tax.rate != 0.0:
        for i in range(salary.shape[0]):
            out[_PAYROLL_TAX, i] = payroll.payroll_tax(salary[i], common.payroll_tax, True)
    if not marginal:
        out[_MARGINAL, :] = np.nan
        return out
    for i in range(salary.shape[0]):
        x = salary[i]
        h = marginal_step(x)
        before = tax_return(x, x, x, 0.0, 0.0, none, False, common, prov, 1.0, True)
        after = tax_return(x + h, x + h, x + h, 0.0, 0.0, none, False, common, prov, 1.0, True)
        out[_MARGINAL, i] = (total_deductions(after) - total_deductions(before)) / h
    return out


#: The kernels, compiled (or plain Python with the JIT off).
run = compiled(kernel)
run_salary = compiled(salary_kernel)


# --------------------------------------------------------------------------- arrays in, block out


def _check_residence(residence: Residence) -> Residence:
    if not 0.0 < residence.fraction <= 1.0:
        raise ValueError(f"residence fraction must be in (0, 1], got {residence.fraction!r}")
    return Residence(float(residence.fraction), bool(residence.resident_jan1))


def compute(
    incomes: Incomes | FloatArray, rules: Ruleset, residence: Residence = FULL_YEAR, *, exact: bool = False
) -> TaxResult:
    """The whole pipeline on validated arrays; with ``exact=True`` nothing is rounded to cents.

    Returns a :class:`TaxResult`: the ``COLUMNS`` of ``take_home`` (the marginal rate left NaN:
    :func:`marginal_rate`) and the ``EXTRA`` rows.
    """
    if not isinstance(rules, Ruleset):
        raise TypeError(f"rules must be a netpay.engine.Ruleset (Ruleset.load(province, year)), not {rules!r}")
    if not isinstance(incomes, Incomes):
        incomes = Incomes(as_amounts(incomes, "employment income")[0])
    matrix = incomes.matrix()
    r = _check_residence(residence)
    out = np.empty((len(ROWS), matrix.shape[1]), dtype=np.float64)
    rules.kernel(matrix, out, rules.common, rules.params, r.fraction, r.resident_jan1, not exact)
    return TaxResult(out)


def marginal_rate(salary: FloatArray, rules: Ruleset) -> FloatArray:
    """The share of the next dollar of salary taken by contributions and taxes (unrounded), for a
    resident all year."""
    x = kernel_array(salary)
    out = np.zeros((len(COLUMNS), x.shape[0]), dtype=np.float64)
    return rules.salary_kernel(x, out, rules.common, rules.params, True)[ROWS["marginal_rate"]]


@functools.cache
def _column_index() -> pd.Index:
    import pandas as pd

    return pd.Index(COLUMNS, dtype=object)


def take_home(
    income: npt.ArrayLike | pd.Series,
    province: str = "ON",
    year: int | None = None,
    *,
    marginal: bool = True,
    strict: bool = False,
) -> pd.DataFrame:
    """Annual and monthly take-home pay of an employee resident in ``province`` all ``year``.

    ``income`` is annual employment income: a number, a list, a numpy array or a pandas Series
    (whose index the result keeps). ``year`` is the tax year (``None``: the latest netpay has,
    as on the command line). ``province`` is a two-letter code (AB BC MB NB NL NS NT NU ON PE
    QC SK YT) or a name in any case, with or without accents. Returns one row per income with the
    columns in ``netpay.engine.COLUMNS``; amounts are dollars per year, rounded to cents where the
    law rounds; ``monthly_net_income`` is ``net_income / 12``; rates are fractions.

    The marginal rate is the exact $1 step (unrounded) of the same pipeline; ``marginal=False``
    leaves that column NaN (for sweeps); a projected year warns and sets ``attrs['status']``.
    ``strict=True``: verified figures only; a tax table figure of (``province``, ``year``) that is
    unverified, projected or not enacted raises :class:`~netpay.errors.UnverifiedFigureError`
    naming it (``netpay.tables.status.require_verified_tables``).

    >>> round(take_home(140_000, "ON", 2026).loc[0, "net_income"] > 90_000)
    1
    """
    import pandas as pd

    arr, index = as_amounts(income)
    arr = kernel_array(arr)
    rules = Ruleset.load(province, year)
    if not isinstance(strict, bool):
        raise TypeError(f"strict must be True (verified figures only) or False, not {strict!r}")
    if strict:
        require_verified_tables(rules.province, rules.year)
    block = np.zeros((len(COLUMNS), arr.shape[0]), dtype=np.float64)
    rules.salary_kernel(arr, block, rules.common, rules.params, marginal)
    return tables.labelled(pd.DataFrame(block.T, columns=_column_index(), index=index, copy=False), rules.year)
