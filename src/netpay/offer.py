"""A job offer and the tax treatment of each of its parts.

Each component is classified on four axes, from CRA's payroll guidance (T4130 *Employers' Guide -
Taxable Benefits and Allowances*, T4001 *Payroll Deductions and Remittances*) and Revenu Québec's:

- **income**: included in employment income (T4 box 14, T1 line 10100) and so taxed;
- **pensionable**: subject to CPP/QPP contributions;
- **insurable**: subject to EI (and, in Québec, QPIP) premiums; CRA treats a taxable benefit paid
  in kind (non-cash) as not insurable;
- **cash**: money the person receives this year (what rent is paid from).

============================  ======  ===========  =========  ====  ==============================
component                     income  pensionable  insurable  cash  note
============================  ======  ===========  =========  ====  ==============================
base_salary, bonus            yes     yes          yes        yes
signing_bonus                 yes     yes          yes        yes   one-time
relocation_bonus              yes     yes          yes        yes   one-time; a cash allowance
moving_reimbursement          no      no           no         no    repays actual eligible costs
equity_vesting (shares)       yes     yes          no         no    s. 7 benefit at vest: equity
equity_vesting (cash)         yes     yes          yes        yes   cash-settled units: a bonus
taxable_benefits              yes     yes          no         no    e.g. group term life premiums
non_taxable_benefits          no*     no*          no         no    health/dental; *Québec: QC tax + QPP
employer_rrsp_match           yes     yes          yes**      no    + equal deduction; savings
employer_pension_match        no      no           no         no    RPP/DPSP; savings
employee_rrsp, employee_pension  (deductions from income; paid out of cash into savings)
============================  ======  ===========  =========  ====  ==============================

\\*\\* not insurable when the group RRSP does not let the employee withdraw before retirement or
leaving (``group_rrsp_locked=True``). The sources of each line are in ``docs/treatments.md`` and in
the docstrings of the fields below. The rules themselves are applied in one place,
:mod:`netpay.components`; the properties below read it.
"""

from __future__ import annotations

import datetime as dt
import numbers
from typing import Any, Literal, cast

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from netpay import components
from netpay.equity import RSU, StockOptions, events
from netpay.equity.grants import grants_from
from netpay.equity_tax import EquityEvent
from netpay.errors import InvalidIncomeError
from netpay.money import MAX_AMOUNT, as_amount, round_cents
from netpay.offer_terms import HorizonTerms, keyword_advice

#: Money fields of an offer, in the order of the breakdown.
AMOUNT_FIELDS: tuple[str, ...] = (
    "base_salary",
    "bonus",
    "bonus_percent",
    "signing_bonus",
    "relocation_bonus",
    "moving_reimbursement",
    "equity_vesting",
    "taxable_benefits",
    "non_taxable_benefits",
    "employer_rrsp_match",
    "employer_pension_match",
    "employee_rrsp",
    "employee_pension",
)

#: The largest ``bonus_percent``: ten times the base salary. Bonuses above 100% of base exist (banking,
#: trading), ten times base is past any plausible percentage, and the command line's ``--bonus 1000%``
#: has the same cap; a larger bonus is given in dollars (``bonus=``), where the ceiling still applies.
MAX_BONUS_PERCENT = 1000.0

_HOUSEHOLD = "give it to evaluate() / compare(): household=netpay.Household(spouse=..., children=[...])"
_HOUSING = "housing is given to evaluate() / compare(): e.g. evaluate(offer, year, bedrooms=2, rent=2_400)"
_MOVE = "the move is given to evaluate() / compare(): e.g. evaluate(offer, year, arrival=date(2026, 6, 1))"

#: Keywords people write that Offer does not take, and what netpay models instead.
ELSEWHERE: dict[str, str] = {
    "spouse": f"a spouse belongs to the household: {_HOUSEHOLD}",
    "partner": f"a partner belongs to the household: {_HOUSEHOLD}",
    "household": f"the household is not part of an offer: {_HOUSEHOLD}",
    "children": f"children belong to the household: {_HOUSEHOLD}",
    "child": f"a child belongs to the household: {_HOUSEHOLD}",
    "dependants": f"dependants belong to the household: {_HOUSEHOLD}",
    "dependents": f"dependants belong to the household: {_HOUSEHOLD}",
    "salary": "did you mean base_salary?",
    "base": "did you mean base_salary?",
    "income": "did you mean base_salary?",
    "gross": "did you mean base_salary?",
    "pay": "did you mean base_salary?",
    "rsu": "give equity=[netpay.RSU(grant_value=..., years=4, cliff_months=12)]",
    "rsus": "give equity=[netpay.RSU(grant_value=..., years=4, cliff_months=12)]",
    "grants": "give equity=[netpay.RSU(...), netpay.StockOptions(...)]",
    "stock_options": "give equity=[netpay.StockOptions(shares=..., strike=..., fmv_at_grant=...)]",
    "options": "give equity=[netpay.StockOptions(shares=..., strike=..., fmv_at_grant=...)]",
    "province": "the province follows from city= (see netpay.cities()); for a province alone use "
    "netpay.take_home(income, province, year)",
    "horizon": "the horizon is given to evaluate() / compare(): e.g. evaluate(offer, year, horizon=4)",
    "year": "the tax year is given to evaluate(offer, year) / compare(offers, year)",
    "rent": _HOUSING,
    "bedrooms": _HOUSING,
    "rent_basis": _HOUSING,
    "other_costs": _HOUSING,
    "arrival": _MOVE,
    "start": _MOVE,
    "pay_periods": _MOVE,
    "rrsp_room": _MOVE,
}


class Offer(HorizonTerms):
    """A job offer for one calendar year, in dollars per year, in one city.

    >>> o = Offer(base_salary=140_000, bonus_percent=10, signing_bonus=10_000, city="Toronto")
    >>> o.bonus_amount, o.cash_income
    (14000.0, 164000.0)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    base_salary: float = Field(description="Annual salary. Employment income (T4 box 14); CPP and EI apply.")
    bonus: float | None = Field(
        default=None,
        description="Annual bonus in dollars (or give bonus_percent, not both). CRA special payments "
        "chart: bonuses are subject to CPP, EI and income tax.",
    )
    bonus_percent: float | None = Field(
        default=None, description="Annual bonus as a percent of base salary: 10 means 10%."
    )
    signing_bonus: float = Field(
        default=0.0,
        description="One-time signing bonus: employment income (ITA s. 6(3)), a bonus for CPP/EI.",
    )
    relocation_bonus: float = Field(
        default=0.0,
        description="Cash relocation allowance the employee need not account for: a taxable "
        "allowance (CRA, moving and relocation expenses), paid in cash, so CPP and EI apply.",
    )
    moving_reimbursement: float = Field(
        default=0.0,
        description="Employer payment or reimbursement of actual eligible moving costs: not a "
        "taxable benefit (CRA, moving and relocation expenses). Not income; it repays costs, so it "
        "is shown apart and never counted as money to spend.",
    )
    equity_vesting: float = Field(
        default=0.0,
        description="Value at vesting of RSUs/shares vesting this year: employment income at vest "
        "(ITA s. 7 for share-settled units; s. 6(1)(a) if cash-settled).",
    )
    equity_settlement: Literal["shares", "cash"] = Field(
        default="shares",
        description="'shares': a security benefit, a non-cash benefit: CPP applies, EI does not "
        "(CRA, security options / withholding on options); the shares are equity, not cash. "
        "'cash': a bonus in cash: CPP and EI apply, and it is cash.",
    )
    equity: tuple[RSU | StockOptions, ...] = Field(
        default=(),
        description="Equity grants made on the start date: netpay.RSU and netpay.StockOptions. Each "
        "tranche or exercise counts in its tax year (netpay.equity.income_in_year); give these or the "
        "flat equity_vesting=, not both.",
    )
    taxable_benefits: float = Field(
        default=0.0,
        description="Taxable benefits in kind, e.g. employer-paid group term life insurance "
        "premiums (ITA s. 6(4)): income (T4 box 14, code 40), pensionable, not insurable (non-cash), "
        "and not cash.",
    )
    non_taxable_benefits: float = Field(
        default=0.0,
        description="Employer-paid private health services plan premiums (health, dental): not a "
        "taxable benefit federally (CRA, premiums and contributions to insurance plans). In Québec "
        "they are a taxable benefit for Québec income tax and QPP (RL-1 box J), not QPIP.",
    )
    employer_rrsp_match: float = Field(
        default=0.0,
        description="Employer contributions to the employee's (group) RRSP: a taxable benefit (CRA, "
        "contributions to savings and pension plans; T4 box 14, code 40), deducted back as an RRSP "
        "contribution (line 20800). Pensionable; insurable unless the group RRSP is locked. Savings.",
    )
    group_rrsp_locked: bool = Field(
        default=False,
        description="True if the employee cannot withdraw employer contributions before retirement "
        "or leaving (HBP/LLP aside): they are then a non-cash benefit, not insurable.",
    )
    group_insurance: bool = Field(
        default=True,
        description="True if the job gives access to a group insurance plan with basic prescription "
        "drug coverage (most salaried jobs). False: a Québec resident pays the public plan's premium "
        "on the return (TP-1 line 447, Schedule K; Revenu Québec, line 447). No effect elsewhere.",
    )
    employer_pension_match: float = Field(
        default=0.0,
        description="Employer contributions to a registered pension plan or DPSP: not a taxable "
        "benefit (ITA s. 6(1)(a)(i); CRA, contributions to savings and pension plans). Savings.",
    )
    employee_rrsp: float = Field(
        default=0.0,
        description="The employee's own RRSP contributions (e.g. by payroll into the group RRSP): "
        "deducted from income (line 20800), still subject to CPP/EI; paid out of cash into savings.",
    )
    employee_pension: float = Field(
        default=0.0,
        description="The employee's RPP contributions: deducted from income (line 20700), still "
        "subject to CPP/EI; withheld from pay into savings.",
    )
    city: str = Field(min_length=1, description="City of residence (see netpay.cities()).")
    label: str | None = Field(default=None, description="Name shown in comparisons; default: the city.")

    @model_validator(mode="before")
    @classmethod
    def _known_keywords(cls, data: Any) -> Any:
        """Refuse keywords Offer does not take, saying what netpay models instead or the closest fields."""
        if isinstance(data, dict):
            unknown = [key for key in data if key not in cls.model_fields]
            if unknown:
                advice = "; ".join(f"{key!s}: {unknown_keyword_advice(str(key))}" for key in unknown)
                raise PydanticCustomError("unknown_keyword", "Offer has no keyword {advice}", {"advice": advice})
        return data

    @field_validator(*AMOUNT_FIELDS, mode="before")
    @classmethod
    def _amount(cls, value: Any, info: ValidationInfo) -> Any:
        name = str(info.field_name)
        if value is None and cls.model_fields[name].default is None:
            return None  # bonus / bonus_percent not given
        if name == "bonus_percent":
            return _bonus_percent(value)
        try:
            return as_amount(value, name)
        except InvalidIncomeError as e:
            raise _invalid(str(e)) from None

    @field_validator("equity", mode="before")
    @classmethod
    def _grants(cls, value: Any) -> Any:
        return grants_from(value)

    @model_validator(mode="after")
    def _one_equity(self) -> Offer:
        if self.equity and self.equity_vesting:
            raise _invalid(
                "give equity grants (equity=[netpay.RSU(...)]) or the flat equity_vesting= (this year's "
                "value vesting), not both"
            )
        return self

    @model_validator(mode="after")
    def _one_bonus(self) -> Offer:
        if self.bonus is not None and self.bonus_percent is not None:
            raise _invalid(
                f"give either bonus (dollars) or bonus_percent (percent of base), not both: "
                f"bonus={self.bonus}, bonus_percent={self.bonus_percent}"
            )
        if self.bonus_percent is not None and 0 < self.bonus_percent < 1:
            # 0.1 is far more often "10%" written as a fraction than a 0.1% bonus
            raise _invalid(
                f"bonus_percent is in percent (10 means 10%), got {self.bonus_percent}: for "
                f"{self.bonus_percent * 100:g}% write bonus_percent={self.bonus_percent * 100:g}; "
                "for a bonus under 1% of base give bonus= in dollars"
            )
        return self

    @field_validator("city")
    @classmethod
    def _known_city(cls, value: str) -> str:
        """An unknown city is an error now (naming the closest), not at the first evaluation."""
        from netpay.citydata import city

        city(value)
        return value

    @model_validator(mode="after")
    def _contributions_from_pay(self) -> Offer:
        """The employee's own RRSP and pension contributions come out of pay: they cannot exceed it."""
        own = self.employee_rrsp + self.employee_pension
        pay = self.base_salary + self.bonus_amount
        if own > pay:
            raise _invalid(
                f"employee_rrsp + employee_pension ({own:,.2f}) exceed the salary and bonus they are paid "
                f"from ({pay:,.2f}): give the contributions in dollars a year"
            )
        return self

    @model_validator(mode="after")
    def _below_ceiling(self) -> Offer:
        total = self.bonus_amount + sum(
            getattr(self, name) for name in AMOUNT_FIELDS if name not in ("bonus", "bonus_percent")
        )
        if total >= MAX_AMOUNT:
            raise _invalid(
                f"the offer's amounts add up to {total:,.0f}; together they must be below "
                f"{MAX_AMOUNT:,.0f}, where netpay's tax tables end (netpay.money.MAX_AMOUNT)"
            )
        return self

    # ------------------------------------------------------------------ amounts by treatment

    @property
    def bonus_amount(self) -> float:
        """The bonus in dollars: ``bonus``, or ``bonus_percent`` % of base, rounded to the cent."""
        if self.bonus is not None:
            return self.bonus
        if self.bonus_percent is not None:
            return float(round_cents(self.base_salary * self.bonus_percent / 100.0))
        return 0.0

    @property
    def equity_cash(self) -> float:
        """Equity paid in cash (cash-settled units)."""
        return self.equity_vesting - self.equity_shares

    @property
    def equity_shares(self) -> float:
        """Equity received as shares: income, but not cash this year."""
        return float(components.of_offer(self).equity_shares[0])

    @property
    def one_time_cash(self) -> float:
        """Signing and relocation bonuses: paid once, not every year."""
        return self.signing_bonus + self.relocation_bonus

    @property
    def cash_income(self) -> float:
        """Money paid to the employee before deductions: salary, bonus, signing and relocation
        bonuses, cash-settled equity. Not reimbursements, benefits in kind or shares."""
        return float(components.of_offer(self).cash[0])

    @property
    def employment_income(self) -> float:
        """T4 box 14 / T1 line 10100: cash income + shares vested + taxable benefits + employer RRSP."""
        return float(components.of_offer(self).employment_income[0])

    @property
    def pensionable_earnings(self) -> float:
        """CPP pensionable earnings outside Québec (T4 box 26): all of employment income."""
        return float(components.of_offer(self).pensionable[0])

    @property
    def insurable_earnings(self) -> float:
        """EI insurable earnings (T4 box 24): what is paid in cash, plus employer RRSP contributions
        the employee can withdraw; benefits in kind and share-settled equity are not insurable."""
        return float(components.of_offer(self).insurable[0])

    @property
    def deductions(self) -> float:
        """RRSP (line 20800: employer and employee contributions) and RPP (line 20700) deductions."""
        return float(components.of_offer(self).deductions[0])

    @property
    def savings(self) -> float:
        """What goes to retirement savings and equity: RRSP and pension contributions (both sides)
        and shares vested."""
        return (
            self.employer_rrsp_match
            + self.employee_rrsp
            + self.employer_pension_match
            + self.employee_pension
            + self.equity_shares
        )

    def equity_events(self, start: dt.date) -> list[EquityEvent]:
        """The vests and exercises of the equity grants, all made on ``start`` (the first day of work)."""
        return events(self.equity, start)

    @property
    def name(self) -> str:
        """The label, or the city."""
        return self.label or self.city

    def without_one_time(self) -> Offer:
        """The same offer without signing and relocation bonuses (a typical later year)."""
        return self.model_copy(update={"signing_bonus": 0.0, "relocation_bonus": 0.0, "moving_reimbursement": 0.0})


def _invalid(reason: str) -> PydanticCustomError:
    """A validation error whose message is ``reason`` as written (no "Value error," nor link)."""
    return PydanticCustomError("invalid_offer", "{reason}", {"reason": reason})


def _bonus_percent(value: Any) -> float:
    """A bonus as a percent of base: an amount (as_amount's rules) of at most MAX_BONUS_PERCENT."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and cast(Any, value) > MAX_BONUS_PERCENT:
        shown = repr(value) if len(repr(value)) <= 24 else repr(value)[:21] + "..."
        raise _invalid(
            f"bonus_percent must be at most {MAX_BONUS_PERCENT:g} (percent of base salary: "
            f"{MAX_BONUS_PERCENT:g} is {MAX_BONUS_PERCENT / 100:g} times the base): {shown} is too large; "
            "for a larger bonus give bonus= in dollars"
        )
    try:
        return as_amount(value, "bonus_percent")
    except InvalidIncomeError as e:
        raise _invalid(str(e)) from None


def unknown_keyword_advice(key: str) -> str:
    """What to write instead of ``key``, a keyword Offer does not take: what netpay models instead
    (``spouse``), or the closest field names, or all of them (the terms over the years last)."""
    fields = [f for f in Offer.model_fields if f not in HorizonTerms.model_fields] + list(HorizonTerms.model_fields)
    return keyword_advice(key, ELSEWHERE, fields)
