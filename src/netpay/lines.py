"""The one registry of output lines: every quantity netpay reports, its label, unit and form line.

A line is named by its ``key`` and ``unit``: ``year`` (dollars a year, or for the months a result
covers), ``month`` (dollars a month: rent and city costs as published), ``rate`` (a fraction) or
``pay`` (dollars per pay cheque). One quantity has one label wherever it is shown; the same key in
two units is two quantities (``cpp`` a year counts CPP2, ``cpp`` per pay does not: the pay cheques
show CPP2 apart).

Everything else derives from the registry:

- :data:`COLUMNS` and :data:`LABELS`: the columns of ``take_home`` (``netpay.engine.COLUMNS``);
- :data:`LINES`: the lines of an evaluation and of ``netpay.compare``'s tables;
- :data:`CASH_FLOW_COLUMNS`: the columns of the pay cheques (``netpay.first_year.CASH_FLOW_COLUMNS``);
- :data:`SEGMENTS`: the segments of ``netpay.plot.breakdown``;
- :data:`TAKE_HOME_ROWS`: the rows the command line and the demo print for ``take_home``.

Names: ``net_income`` (take_home's column) is take-home pay, not T1 line 23600 (net income for tax
purposes, ``net_income_23600`` inside the engine); ``deductions`` are RRSP/RPP deductions, while
``total_deductions`` are contributions and taxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["year", "month", "rate", "pay"]


@dataclass(frozen=True)
class Line:
    """One output line: ``key``, label, unit, the form line it reports (if any), chart segment."""

    key: str
    label: str
    unit: Unit
    form: str | None = None
    segment: str | None = None


#: Every line, in display order within each view.
REGISTRY: tuple[Line, ...] = (
    # --- what is paid (evaluation)
    Line("base_salary", "Base salary", "year"),
    Line("bonus", "Bonus", "year"),
    Line("signing_bonus", "Signing bonus (one-time)", "year"),
    Line("relocation_bonus", "Relocation bonus (one-time)", "year"),
    Line("equity_vesting", "Equity vesting", "year"),
    Line("taxable_benefits", "Taxable benefits (in kind)", "year", "T4 box 14, code 40"),
    Line("employer_rrsp_match", "Employer RRSP contributions", "year", "T4 box 14, code 40"),
    Line("income", "Gross employment income", "year", "T1 line 10100"),
    Line("employment_income", "Employment income (T4 box 14)", "year", "T4 box 14"),
    Line("cash_income", "Cash paid", "year"),
    # --- the return
    Line("deductions", "RRSP/RPP deductions", "year", "T1 lines 20700, 20800"),
    Line("taxable_income", "Taxable income (federal)", "year", "T1 line 26000"),
    Line("provincial_taxable_income", "Taxable income (provincial)", "year", "TP-1 line 299"),
    Line("cpp", "CPP/QPP + CPP2/QPP2", "year", "T1 lines 30800, 22215", "Contributions"),
    Line("ei", "EI premiums", "year", "T1 line 31200", "Contributions"),
    Line("qpip", "QPIP premiums", "year", "T1 line 31205", "Contributions"),
    Line("federal_tax", "Federal tax", "year", "T1 line 42000", "Taxes"),
    Line("provincial_tax", "Provincial tax", "year", "T1 line 42800", "Taxes"),
    Line("payroll_tax", "Territorial payroll tax", "year", "NT/NU Payroll Tax Act (withheld; not on the T1)", "Taxes"),
    Line("ramq_premium", "Québec drug insurance premium", "year", "TP-1 line 447 (Schedule K)", "Taxes"),
    Line("total_deductions", "Total deductions", "year"),
    Line("net_income", "Net income (year)", "year"),
    Line("monthly_net_income", "Net income (month)", "month"),
    Line("average_rate", "Average rate", "rate"),
    Line("marginal_rate", "Marginal rate", "rate"),
    # --- out of pay, and what is left (evaluation)
    Line("employee_rrsp", "Employee RRSP contributions", "year", "T1 line 20800", "Savings"),
    Line("employee_pension", "Employee pension contributions", "year", "T1 line 20700", "Savings"),
    Line("net_cash", "Net cash", "year"),
    Line("rent", "Rent", "month", segment="Rent"),
    Line("other_costs", "Other costs", "month", segment="Other costs"),
    Line("disposable", "Disposable income", "month", segment="Disposable"),
    Line("net_cash_recurring", "Net cash without one-time payments", "year"),
    Line("disposable_recurring", "Disposable without one-time payments", "month"),
    Line("savings_rrsp", "Savings: RRSP (employer + employee)", "year"),
    Line("savings_pension", "Savings: pension (employer + employee)", "year"),
    Line("equity_shares", "Equity received as shares", "year"),
    Line("non_taxable_benefits", "Non-taxable benefits (health, dental)", "year", "RL-1 box J"),
    Line("moving_reimbursement", "Moving costs reimbursed (not income)", "year"),
    # --- a horizon of years (``evaluate(..., horizon=)``): per year, then cumulative
    Line("equity_tax", "Tax and contributions on shares received", "year"),
    Line("equity_tax_from_cash", "  of which paid from cash", "year"),
    Line("equity_after_tax", "Equity after tax", "year"),
    Line("equity_after_haircut", "Equity after tax and the haircut", "year"),
    Line("exercise_cost", "Strike paid in cash (options exercised)", "year"),
    Line("rrsp_excess_tax", "Tax on RRSP excess contributions", "year", "T1-OVP (ITA s. 204.1(2.1))"),
    Line("disposable_sell_to_cover", "Disposable (tax on shares sold to cover paid by shares)", "year"),
    Line("savings", "Savings (RRSP + pension)", "year"),
    Line("total_value", "Total value", "year"),
    Line("total_value_after_haircut", "Total value after the equity haircut", "year"),
    Line("discount_factor", "Discount factor", "rate"),
    Line("present_value", "Total value, discounted", "year"),
    *(
        Line(f"cumulative_{k}", f"Cumulative: {label}", "year")
        for k, label in (
            ("net_cash", "net cash"),
            ("disposable_sell_to_cover", "disposable"),
            ("equity_after_tax", "equity after tax"),
            ("savings", "savings"),
            ("total_value", "total value"),
            ("total_value_after_haircut", "total value after the haircut"),
        )
    ),
    # --- the household (netpay.evaluation.household): the spouse's return, the transfers, benefits, childcare
    Line("spouse_employment_income", "Spouse: employment income", "year", "T4 box 14"),
    Line("spouse_cpp", "Spouse: CPP/QPP + CPP2/QPP2", "year", "T1 lines 30800, 22215"),
    Line("spouse_ei", "Spouse: EI premiums", "year", "T1 line 31200"),
    Line("spouse_qpip", "Spouse: QPIP premiums", "year", "T1 line 31205"),
    Line("spouse_federal_tax", "Spouse: federal tax", "year", "T1 line 42000"),
    Line("spouse_provincial_tax", "Spouse: provincial tax", "year", "T1 line 42800"),
    Line("spouse_net_cash", "Spouse: net cash", "year"),
    Line("federal_household_amount", "Spouse or eligible dependant amount (federal)", "year", "T1 line 30300 / 30400"),
    Line(
        "provincial_household_amount",
        "Spouse, dependant and child amounts (provincial)",
        "year",
        "428 lines 58120-58230",
    ),
    Line("childcare_deduction", "Child care expenses deducted", "year", "T1 line 21400"),
    Line("quebec_credit_transfer", "Credits transferred between spouses (Québec)", "year", "TP-1 line 431"),
    Line("benefits", "Benefits (total, as paid in the year)", "year"),
    Line("childcare", "Child care fees", "month"),
    Line("household_net_cash", "Household net cash (both adults + benefits)", "year"),
    Line("household_disposable", "Household disposable income", "month"),
    # --- pay cheques: dates, then dollars per pay
    Line("pay_date", "Pay date", "pay"),
    Line("period_start", "Period start", "pay"),
    Line("period_end", "Period end", "pay"),
    Line("days_employed", "Days employed", "pay"),
    Line("salary", "Salary", "pay"),
    Line("bonus", "Bonus", "pay"),
    Line("signing_bonus", "Signing bonus (one-time)", "pay"),
    Line("relocation_bonus", "Relocation bonus (one-time)", "pay"),
    Line("gross_pay", "Gross pay", "pay"),
    Line("taxable_pay", "Taxable pay", "pay"),
    Line("cpp", "CPP/QPP (base + first additional)", "pay"),
    Line("cpp2", "CPP2/QPP2 (second additional)", "pay"),
    Line("ei", "EI premiums", "pay"),
    Line("qpip", "QPIP premiums", "pay"),
    Line("income_tax", "Income tax withheld", "pay"),
    Line("payroll_tax", "Territorial payroll tax", "pay"),
    Line("other_withholdings", "RRSP/pension withheld", "pay"),
    Line("net_pay", "Net pay", "pay"),
    Line("moving_reimbursement", "Moving costs reimbursed (not income)", "pay"),
    *(
        Line(f"cum_{k}", f"{label} to date", "pay")
        for k, label in (
            ("gross_pay", "Gross pay"),
            ("cpp", "CPP/QPP"),
            ("cpp2", "CPP2/QPP2"),
            ("ei", "EI premiums"),
            ("qpip", "QPIP premiums"),
            ("income_tax", "Income tax withheld"),
            ("net_pay", "Net pay"),
        )
    ),
)


#: Lines of a horizon only (``VIEWS['horizon']``): a one-year evaluation does not compute them.
HORIZON_ONLY: tuple[str, ...] = tuple(
    k
    for k in (
        "equity_tax",
        "equity_tax_from_cash",
        "equity_after_tax",
        "equity_after_haircut",
        "exercise_cost",
        "rrsp_excess_tax",
        "disposable_sell_to_cover",
        "savings",
        "total_value",
        "total_value_after_haircut",
        "discount_factor",
        "present_value",
    )
)

#: The cumulative lines of a horizon: running sums of these lines, discounted when asked.
CUMULATIVE: dict[str, str] = {
    f"cumulative_{k}": k
    for k in (
        "net_cash",
        "disposable_sell_to_cover",
        "equity_after_tax",
        "savings",
        "total_value",
        "total_value_after_haircut",
    )
}

#: Lines of a household's evaluation (``netpay.evaluation.household``), which a single person's does not show.
HOUSEHOLD_LINES: tuple[str, ...] = (
    "spouse_employment_income",
    "spouse_cpp",
    "spouse_ei",
    "spouse_qpip",
    "spouse_federal_tax",
    "spouse_provincial_tax",
    "spouse_net_cash",
    "federal_household_amount",
    "provincial_household_amount",
    "childcare_deduction",
    "quebec_credit_transfer",
    "benefits",
    "childcare",
    "household_net_cash",
    "household_disposable",
)

#: Lines of take_home that an evaluation does not show.
_TAKE_HOME_ONLY = frozenset(
    {"income", "deductions", "total_deductions", "net_income", "monthly_net_income", "average_rate", "marginal_rate"}
)


def line(key: str, unit: Unit = "year") -> Line:
    """The registered line ``key`` in ``unit`` (a yearly view also shows the monthly lines: rent, costs)."""
    for candidate in REGISTRY:
        if candidate.key == key and (
            candidate.unit == unit or (unit == "year" and candidate.unit in ("month", "rate"))
        ):
            return candidate
    raise KeyError(f"no {unit} line {key!r}; lines: {sorted({ln.key for ln in REGISTRY if ln.unit == unit})}")


def label(key: str, unit: Unit = "year") -> str:
    """The one label of line ``key`` in ``unit``."""
    return line(key, unit).label


#: The views: which lines each result shows, in order.
VIEWS: dict[str, tuple[str, ...]] = {
    "take_home": (
        "income",
        "cpp",
        "ei",
        "qpip",
        "deductions",
        "taxable_income",
        "provincial_taxable_income",
        "federal_tax",
        "provincial_tax",
        "payroll_tax",
        "ramq_premium",
        "total_deductions",
        "net_income",
        "monthly_net_income",
        "average_rate",
        "marginal_rate",
    ),
    "evaluation": tuple(
        ln.key
        for ln in REGISTRY
        if ln.unit != "pay"
        and ln.key not in _TAKE_HOME_ONLY | set(HOUSEHOLD_LINES) | set(HORIZON_ONLY) | set(CUMULATIVE)
    ),
    "household": HOUSEHOLD_LINES,
    "pay_cheques": tuple(ln.key for ln in REGISTRY if ln.unit == "pay"),
}

#: Rows of a horizon, per year (annual amounts): the evaluation lines, the horizon lines, the cumulative ones.
VIEWS["horizon"] = (*VIEWS["evaluation"], *HORIZON_ONLY, *CUMULATIVE)

#: Rows of a horizon, key -> label.
HORIZON_LINES: dict[str, str] = {k: label(k) for k in VIEWS["horizon"]}

#: Columns of take_home's result, in order (``netpay.engine.COLUMNS``).
COLUMNS: tuple[str, ...] = VIEWS["take_home"]

#: Labels of take_home's lines, for printed tables (``netpay.engine.LABELS``).
LABELS: dict[str, str] = {k: label(k) for k in COLUMNS}

#: Rows printed for take_home by the command line and the demo: all but the RRSP/RPP deductions.
TAKE_HOME_ROWS: tuple[str, ...] = tuple(k for k in COLUMNS if k != "deductions")

#: Lines of an evaluation, key -> label (the rows of ``netpay.compare``'s tables). Amounts are per year except
#: rent, other costs and the disposable lines, which are per month.
LINES: dict[str, str] = {k: label(k) for k in VIEWS["evaluation"]}

#: Evaluation lines given per month (rent and other costs as published, and what is left after them).
MONTHLY_LINES: frozenset[str] = frozenset(k for k in VIEWS["evaluation"] if line(k).unit == "month")

#: Columns of the pay cheques, in order (``netpay.first_year.CASH_FLOW_COLUMNS``).
CASH_FLOW_COLUMNS: tuple[str, ...] = VIEWS["pay_cheques"]

#: Pay-cheque columns that add up over a month: every column but the dates and running totals.
SUMMED_PAY_COLUMNS: tuple[str, ...] = tuple(
    c for c in CASH_FLOW_COLUMNS if c not in ("pay_date", "period_start", "period_end") and not c.startswith("cum_")
)

#: Pay-cheque columns with a running total (``cum_<column>``).
RUNNING_TOTALS: tuple[str, ...] = tuple(c.removeprefix("cum_") for c in CASH_FLOW_COLUMNS if c.startswith("cum_"))

#: Segments of a breakdown bar, bottom to top: segment -> evaluation lines that make it up
#: (``netpay.plot.SEGMENTS``).
SEGMENTS: dict[str, tuple[str, ...]] = {
    segment: tuple(k for k in VIEWS["evaluation"] if line(k).segment == segment)
    for segment in ("Contributions", "Taxes", "Savings", "Rent", "Other costs", "Disposable")
}
