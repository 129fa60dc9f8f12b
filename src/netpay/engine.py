"""take_home(): employment income -> contributions -> taxable income -> taxes -> net, as arrays.

The pipeline, for a person resident in one province all year with employment income only:

1. Contributions (``netpay.payroll``): CPP/CPP2 or QPP/QPP2, EI, QPIP.
2. Net income (line 23600) = total income - line 22215 (enhanced CPP/QPP) - other deductions;
   taxable income (line 26000) = net income here.
3. Federal tax (``netpay.federal``), less the Québec abatement in Québec.
4. Provincial tax (``netpay.provinces.<code>``).
5. Net income = income - contributions - federal tax - provincial tax.

Every step is an array operation; a scalar is an array of one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from netpay import federal as fed
from netpay import payroll, tables
from netpay.context import TaxContext
from netpay.errors import InvalidIncomeError
from netpay.jurisdictions import normalize
from netpay.money import FloatArray, round_cents
from netpay.provinces import module_for

#: Columns of take_home's result, in order.
COLUMNS: tuple[str, ...] = (
    "income",
    "cpp",
    "ei",
    "qpip",
    "deductions",
    "taxable_income",
    "provincial_taxable_income",
    "federal_tax",
    "provincial_tax",
    "total_deductions",
    "net_income",
    "monthly_net_income",
    "average_rate",
    "marginal_rate",
)

#: Human labels of take_home's money lines, for printed tables (demo, command line).
LABELS: dict[str, str] = {
    "income": "Gross employment income",
    "cpp": "CPP/QPP + CPP2/QPP2",
    "ei": "EI premiums",
    "qpip": "QPIP premiums",
    "deductions": "RRSP/RPP deductions",
    "taxable_income": "Taxable income (federal)",
    "provincial_taxable_income": "Taxable income (provincial)",
    "federal_tax": "Federal tax",
    "provincial_tax": "Provincial tax",
    "total_deductions": "Total deductions",
    "net_income": "Net income (year)",
    "monthly_net_income": "Net income (month)",
    "average_rate": "Average rate",
    "marginal_rate": "Marginal rate",
}


def as_amounts(values: Any, name: str = "income") -> tuple[FloatArray, pd.Index | None]:
    """Validate amounts: a float64 array (and the Series index, if any); no negative, NaN or infinite value."""
    index = values.index if isinstance(values, pd.Series) else None
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidIncomeError(f"{name} must be a number or an array of numbers, not {values!r}") from None
    arr = np.atleast_1d(arr)
    if arr.ndim != 1:
        raise InvalidIncomeError(f"{name} must be a number or a one-dimensional array, got shape {arr.shape}")
    bad = ~np.isfinite(arr) | (arr < 0) | (arr >= tables.MAX_AMOUNT)
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        label = f" (index {index[pos]!r})" if index is not None else ""
        v = float(arr[pos])
        what = "NaN" if np.isnan(v) else "infinite" if np.isinf(v) else "negative" if v < 0 else "too large"
        more = f"; {int(bad.sum()) - 1} more invalid value(s)" if bad.sum() > 1 else ""
        raise InvalidIncomeError(
            f"{name} at position {pos}{label} is {what} ({v!r}); amounts must be finite, >= 0 and < 1e15{more}"
        )
    return arr, index


@dataclass(frozen=True)
class Year:
    """The tables one computation needs, loaded once (cached by ``netpay.tables``)."""

    year: int
    province: str
    federal: fed.FederalTable
    payroll: payroll.PayrollTable
    provincial: Any

    @classmethod
    def load(cls, province: str, year: int) -> Year:
        """The tables for ``province`` (code or name) and ``year``; raises a clear error for either."""
        return _load_year(normalize(province), tables.check_year(year))


@functools.lru_cache(maxsize=256)
def _load_year(code: str, y: int) -> Year:
    return Year(
        year=y,
        province=code,
        federal=tables.load(y, tables.FEDERAL),
        payroll=tables.load(y, tables.PAYROLL),
        provincial=tables.load(y, code),
    )


def tax_context(
    employment_income: FloatArray,
    t: Year,
    *,
    deductions: FloatArray | float = 0.0,
    pensionable: FloatArray | None = None,
    insurable: FloatArray | None = None,
    exact: bool = False,
    residence_fraction: float = 1.0,
    resident_jan1: bool = True,
) -> TaxContext:
    """Steps 1-2 of the pipeline: contributions, then net and taxable income (lines 23600, 26000).

    ``pensionable``/``insurable`` default to employment income. ``deductions`` are RRSP/RPP and
    other deductions from income (not line 22215, computed here). With ``exact=True`` nothing is
    rounded to cents. ``residence_fraction`` (days resident / days in the year) and
    ``resident_jan1`` describe a part-year resident; the defaults are a full-year resident.
    """
    if not 0.0 < residence_fraction <= 1.0:
        raise ValueError(f"residence_fraction must be in (0, 1], got {residence_fraction!r}")
    contrib = payroll.contributions(
        employment_income if pensionable is None else pensionable,
        employment_income if insurable is None else insurable,
        t.payroll,
        t.province == "QC",
        exact,
    )
    deductions_arr = np.broadcast_to(np.asarray(deductions, dtype=np.float64), employment_income.shape)
    net = np.maximum(employment_income - contrib.pension_enhanced - deductions_arr, 0.0)
    return TaxContext(
        year=t.year,
        employment_income=employment_income,
        total_income=employment_income,
        deductions=deductions_arr,
        net_income=net,
        taxable_income=net,
        contributions=contrib,
        exact=exact,
        residence_fraction=residence_fraction,
        resident_jan1=resident_jan1,
    )


def compute(
    employment_income: FloatArray,
    t: Year,
    *,
    deductions: FloatArray | float = 0.0,
    pensionable: FloatArray | None = None,
    insurable: FloatArray | None = None,
    exact: bool = False,
    residence_fraction: float = 1.0,
    resident_jan1: bool = True,
) -> dict[str, FloatArray]:
    """The whole pipeline on validated arrays; the keywords are those of ``tax_context``.

    Returns a dict of arrays: the columns of ``take_home`` (but the rates) and the CPP/QPP split.
    """
    ctx = tax_context(
        employment_income,
        t,
        deductions=deductions,
        pensionable=pensionable,
        insurable=insurable,
        exact=exact,
        residence_fraction=residence_fraction,
        resident_jan1=resident_jan1,
    )
    quebec = t.province == "QC"
    rnd = (lambda x: x) if exact else round_cents
    module = module_for(t.province)
    federal_tax = rnd(fed.federal_tax(ctx, t.federal, quebec))
    provincial_tax = rnd(module.provincial_tax(ctx, t.provincial))
    prov_taxable = (
        module.provincial_taxable_income(ctx, t.provincial)
        if hasattr(module, "provincial_taxable_income")
        else ctx.net_income
    )
    contrib = ctx.contributions
    pension = contrib.pension
    total = pension + contrib.ei + contrib.qpip + federal_tax + provincial_tax
    return {
        "income": employment_income,
        "cpp": pension,
        "cpp_base": contrib.pension_base,
        "cpp_enhanced": contrib.pension_enhanced,
        "ei": contrib.ei,
        "qpip": contrib.qpip,
        "deductions": ctx.deductions,
        "net_income_line_23600": ctx.net_income,
        "taxable_income": ctx.taxable_income,
        "provincial_taxable_income": prov_taxable,
        "federal_tax": federal_tax,
        "provincial_tax": provincial_tax,
        "total_deductions": total,
        "net_income": employment_income - total,
    }


def marginal_rate(employment_income: FloatArray, t: Year, step: float = 1.0) -> FloatArray:
    """Share of the next ``step`` dollars of employment income taken by contributions and taxes,
    computed without rounding to cents (so a $1 step is not swamped by a cent of rounding)."""
    both = compute(np.concatenate((employment_income, employment_income + step)), t, exact=True)
    total = both["total_deductions"]
    n = employment_income.shape[0]
    return (total[n:] - total[:n]) / step


def take_home(
    income: npt.ArrayLike | pd.Series, province: str = "ON", year: int | None = None, *, marginal: bool = True
) -> pd.DataFrame:
    """Annual and monthly take-home pay of an employee resident in ``province`` all ``year``.

    ``income`` is annual employment income: a number, a list, a numpy array or a pandas Series
    (whose index the result keeps). ``year`` is the tax year (``None``: the latest netpay has,
    as on the command line). ``province`` is a two-letter code (AB BC MB NB NL NS NT NU ON PE
    QC SK YT) or a name in any case, with or without accents. Returns one row per income with the
    columns in ``netpay.engine.COLUMNS``; amounts are dollars per year, rounded to cents where the
    law rounds; ``monthly_net_income`` is ``net_income / 12``; rates are fractions.

    The marginal rate costs two more passes of the pipeline (at the income and $1 above it, without
    rounding); for large sweeps that do not need it, ``marginal=False`` leaves that column NaN and
    runs about three times faster.

    >>> round(take_home(140_000, "ON", 2026).loc[0, "net_income"] > 90_000)
    1
    """
    arr, index = as_amounts(income)
    t = Year.load(province, year)
    r = compute(arr, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        average = np.where(arr > 0, r["total_deductions"] / arr, 0.0)
    columns = {
        **r,
        "monthly_net_income": r["net_income"] / 12.0,
        "average_rate": average,
        "marginal_rate": marginal_rate(arr, t) if marginal else np.full_like(arr, np.nan),
    }
    # One (columns x rows) block, filled row by row: pandas keeps it as its single float64 block
    # without the strided copy that column_stack and a row-major 2-D array would cost.
    block = np.empty((len(COLUMNS), arr.shape[0]), dtype=np.float64)
    for i, name in enumerate(COLUMNS):
        block[i] = columns[name]
    return pd.DataFrame(block.T, columns=list(COLUMNS), index=index, copy=False)
