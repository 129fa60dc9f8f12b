"""Offers -> income components (T4 / RL-1 boxes) -> the tax engine: the one home of treatment rules.

How each part of an offer is treated (``netpay.offer`` and ``docs/treatments.md`` give the sources):

- employment income (T4 box 14, T1 line 10100): cash paid + shares vested + taxable benefits +
  employer RRSP contributions;
- pensionable earnings (T4 box 26): all of employment income; in Québec also the employer's health
  plan premiums (RL-1 box J: a taxable benefit for Québec tax and QPP, not for QPIP or federal tax);
- insurable earnings (T4 box 24): cash paid, plus employer RRSP contributions the employee can
  withdraw (not a locked group RRSP); benefits in kind and shares are not insurable;
- cash: salary, bonus, signing and relocation bonuses, cash-settled equity;
- deductions: RRSP contributions (employer and employee, line 20800) up to the RRSP deduction
  limit when one is given, and RPP contributions (line 20700);
- out of cash: the employee's RRSP and pension contributions, taken from pay;
- equity grants (``netpay.RSU``, ``netpay.StockOptions``), by tax year (:func:`equity_year`):
  an RSU tranche is employment income at its value on the vesting date (ITA s. 7(1)(a) for shares,
  s. 5(1)/6(1)(a) for cash), pensionable, insurable only if cash-settled; a stock option's benefit
  (value at exercise - strike) x shares is employment income in the year of exercise (s. 7(1)(a)),
  pensionable, not insurable, less the security options deduction from taxable income (line 24900:
  1/2 under s. 110(1)(d), none for shares over the $200,000 vesting limit of s. 110(1.31); Québec
  line 297: 25%, TA s. 725.2, or 50% for a large listed employer); a CCPC option's benefit is
  deferred to the year the shares are sold (s. 7(1.1)), neither pensionable nor insurable, with the
  deduction of s. 110(1)(d.1) if they were held two years (the equity part of this table is
  :mod:`netpay.equity_tax`, applied here by :meth:`IncomeComponents.with_equity`).
- no group insurance (Québec): the public drug plan's premium, on the return (TP-1 line 447).

:func:`tax` is the only function in netpay that calls the tax engine (``netpay.engine.compute``),
and :func:`ruleset` the only one outside the engine that loads a year's rules (``Ruleset.load``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from netpay.engine import Incomes, Ruleset, TaxResult, compute, is_quebec
from netpay.equity_tax import EquityEvent, EquityYear, equity_year
from netpay.money import FloatArray
from netpay.rules.context import FULL_YEAR, Residence


class Offer(Protocol):
    """What the treatment rules read of a ``netpay.Offer`` (declared here so that this module, at
    the engine's layer, imports nothing above it: ``netpay.offer`` reads its amounts from here)."""

    @property
    def base_salary(self) -> float: ...
    @property
    def bonus_amount(self) -> float: ...
    @property
    def signing_bonus(self) -> float: ...
    @property
    def relocation_bonus(self) -> float: ...
    @property
    def equity_vesting(self) -> float: ...
    @property
    def equity_settlement(self) -> str: ...
    @property
    def taxable_benefits(self) -> float: ...
    @property
    def non_taxable_benefits(self) -> float: ...
    @property
    def employer_rrsp_match(self) -> float: ...
    @property
    def group_rrsp_locked(self) -> bool: ...
    @property
    def group_insurance(self) -> bool: ...
    @property
    def employee_rrsp(self) -> float: ...
    @property
    def employee_pension(self) -> float: ...
    def equity_events(self, start: dt.date) -> Sequence[EquityEvent]: ...


#: Offer amounts the treatment rules read (``bonus`` in dollars: ``Offer.bonus_amount``).
AMOUNTS: tuple[str, ...] = (
    "base_salary",
    "bonus",
    "signing_bonus",
    "relocation_bonus",
    "equity_vesting",
    "taxable_benefits",
    "non_taxable_benefits",
    "employer_rrsp_match",
    "employee_rrsp",
    "employee_pension",
)


__all__ = [
    "AMOUNTS",
    "FULL_YEAR",
    "EquityEvent",
    "EquityYear",
    "IncomeComponents",
    "Residence",
    "TaxResult",
    "equity_year",
    "ruleset",
    "tax",
    "tax_on_equity",
]


@dataclass(frozen=True)
class IncomeComponents:
    """Income of one or more people for a year (or a pay period) by T4 / RL-1 box, as arrays."""

    #: T4 box 14: employment income (T1 line 10100)
    employment_income: FloatArray
    #: T4 box 26 (RL-1 box G in Québec): pensionable earnings
    pensionable: FloatArray
    #: T4 box 24: EI insurable earnings (QPIP in Québec: the same)
    insurable: FloatArray
    #: money paid: what rent is paid from
    cash: FloatArray
    #: RRSP (line 20800, within the deduction limit) and RPP (line 20700) deductions
    deductions: FloatArray
    #: employee RRSP and pension contributions taken from pay, and the strike of options exercised
    #: with cash (``exercise_funding="cash"``)
    out_of_cash: FloatArray
    #: RL-1 box J: employer health plan premiums, taxable for Québec income tax only
    quebec_health_premiums: FloatArray
    #: RRSP contributions (employer and employee) not deducted: above the deduction limit
    rrsp_not_deducted: FloatArray
    #: shares received (share-settled equity): the employment income that is not cash, plus the
    #: strike paid in cash for options exercised with cash (what those shares are worth)
    equity_shares: FloatArray
    #: deductions from taxable income only (T1 line 24900: the security options deduction)
    taxable_deductions: FloatArray | None = None
    #: Québec's own (TP-1 line 297: the security options deduction, TA s. 725.2)
    quebec_taxable_deductions: FloatArray | None = None

    #: share of the year without access to a group drug plan (1: none; Québec's premium, Schedule K)
    uninsured: FloatArray | None = None

    def __post_init__(self) -> None:
        for name in ("taxable_deductions", "quebec_taxable_deductions", "uninsured"):
            if getattr(self, name) is None:
                object.__setattr__(self, name, np.zeros_like(self.employment_income))

    @classmethod
    def from_offers(
        cls,
        offers: Sequence[Offer],
        province: str,
        rrsp_room: float | None = None,
        *,
        one_time: bool = True,
        year: int | None = None,
        start: dt.date | None = None,
    ) -> IncomeComponents:
        """The components of offers resident in ``province`` for a year; ``rrsp_room`` is the RRSP
        deduction limit (None: the contributions are deducted in full). ``one_time=False``: without
        the signing and relocation bonuses (a later year). With ``year`` and ``start`` (the first day
        of work), the offers' equity grants add the tranches and exercises of tax year ``year``
        (:func:`equity_year`); without them only the flat ``equity_vesting`` counts."""
        amounts = {name: _array(offers, name) for name in AMOUNTS}
        if not one_time:
            amounts["signing_bonus"] = amounts["relocation_bonus"] = np.zeros(len(offers))
        cash_settled = np.array([o.equity_settlement == "cash" for o in offers], dtype=bool)
        locked = np.array([o.group_rrsp_locked for o in offers], dtype=bool)
        flat = treat(amounts, cash_settled, locked, is_quebec(province), rrsp_room)
        uninsured = np.array([0.0 if o.group_insurance else 1.0 for o in offers], dtype=np.float64)
        flat = dataclasses.replace(flat, uninsured=uninsured)
        if year is None or start is None:
            return flat
        return flat.with_equity([equity_year(o.equity_events(start), year) for o in offers], is_quebec(province))

    def with_equity(self, years: Sequence[EquityYear], quebec: bool) -> IncomeComponents:
        """These components plus one :class:`EquityYear` per person (grants' amounts for a tax year);
        :func:`tax_on_equity` is the tax the equity adds."""

        def add(name: str, attr: str) -> FloatArray:
            return getattr(self, name) + np.array([getattr(y, attr) for y in years], dtype=np.float64)

        qc = np.ones(len(years)) if quebec else np.zeros(len(years))
        strike = np.array([y.strike_paid for y in years], dtype=np.float64)  # paid in cash, shares kept
        return IncomeComponents(
            employment_income=add("employment_income", "employment_income"),
            pensionable=add("pensionable", "pensionable"),
            insurable=add("insurable", "insurable"),
            cash=add("cash", "cash"),
            deductions=self.deductions,
            out_of_cash=self.out_of_cash + strike,
            quebec_health_premiums=self.quebec_health_premiums,
            rrsp_not_deducted=self.rrsp_not_deducted,
            equity_shares=add("equity_shares", "shares_value") + strike,
            taxable_deductions=add("taxable_deductions", "option_deduction"),
            quebec_taxable_deductions=add("quebec_taxable_deductions", "quebec_option_deduction") * qc,
            uninsured=self.uninsured,
        )

    @classmethod
    def per_period(cls, amounts: Mapping[str, FloatArray], offer: Offer, province: str) -> IncomeComponents:
        """The components of each pay of ``offer``: ``amounts`` maps the fields of :data:`AMOUNTS` to
        one amount per pay. Payroll deducts RRSP contributions in full (no deduction limit)."""
        return treat(amounts, offer.equity_settlement == "cash", offer.group_rrsp_locked, is_quebec(province))

    @classmethod
    def of_income(cls, income: FloatArray, deductions: FloatArray | float = 0.0) -> IncomeComponents:
        """Plain employment income, all of it cash, pensionable and insurable, less ``deductions``."""
        zeros = np.zeros_like(income)
        ded = np.broadcast_to(np.asarray(deductions, dtype=np.float64), income.shape)
        return cls(income, income, income, income, ded, zeros, zeros, zeros, zeros)

    def __len__(self) -> int:
        return int(self.employment_income.shape[0])

    def concat(self, other: IncomeComponents) -> IncomeComponents:
        """These components followed by ``other``'s (one pass of the engine for both)."""
        return IncomeComponents(
            **{name: np.concatenate((getattr(self, name), getattr(other, name))) for name in _FIELDS}
        )


_FIELDS = tuple(IncomeComponents.__dataclass_fields__)


def _array(offers: Sequence[Offer], name: str) -> FloatArray:
    attr = "bonus_amount" if name == "bonus" else name
    return np.array([float(getattr(o, attr)) for o in offers], dtype=np.float64)


def treat(
    amounts: Mapping[str, Any],
    cash_settled: Any,
    rrsp_locked: Any,
    quebec: bool,
    rrsp_room: float | None = None,
) -> IncomeComponents:
    """The treatment table (module docstring) applied to amounts by offer field, element by element."""
    a = {name: np.asarray(amounts[name], dtype=np.float64) for name in AMOUNTS}
    equity_cash = np.where(cash_settled, a["equity_vesting"], 0.0)
    equity_shares = a["equity_vesting"] - equity_cash
    cash = a["base_salary"] + a["bonus"] + a["signing_bonus"] + a["relocation_bonus"] + equity_cash
    employment_income = cash + equity_shares + a["taxable_benefits"] + a["employer_rrsp_match"]
    health = a["non_taxable_benefits"] if quebec else np.zeros_like(cash)
    rrsp = a["employer_rrsp_match"] + a["employee_rrsp"]
    deducted = rrsp if rrsp_room is None else np.minimum(rrsp, float(rrsp_room))
    return IncomeComponents(
        employment_income=employment_income,
        pensionable=employment_income + health,
        insurable=cash + np.where(rrsp_locked, 0.0, a["employer_rrsp_match"]),
        cash=cash,
        deductions=deducted + a["employee_pension"],
        out_of_cash=a["employee_rrsp"] + a["employee_pension"],
        quebec_health_premiums=health,
        rrsp_not_deducted=rrsp - deducted,
        equity_shares=equity_shares,
    )


def _zero_if_none(values: FloatArray | None) -> FloatArray | float:
    return 0.0 if values is None else values


def of_offer(offer: Offer) -> IncomeComponents:
    """One offer's components outside Québec, RRSP contributions deducted in full (``Offer``'s
    properties read these)."""
    return IncomeComponents.from_offers([offer], "ON")


# --------------------------------------------------------------------------- the tax engine


def ruleset(province: str, year: int) -> Ruleset:
    """The rules and tables of (province, year), cached by the engine: the one ``Ruleset.load`` call
    outside the engine (pay-by-pay payroll reads its pension plan, EI and QPIP from it)."""
    return Ruleset.load(province, year)


def tax(
    components: IncomeComponents,
    province: str,
    year: int,
    residence: Residence = FULL_YEAR,
    *,
    exact: bool = False,
    household: Mapping[str, Any] | None = None,
) -> TaxResult:
    """Contributions and taxes on ``components`` for a resident of ``province`` in ``year``: the
    one call of the tax engine (``netpay.engine.compute``).

    Québec's RL-1 box J premiums are taxable for Québec income tax only (the engine's
    ``provincial_only`` income). With ``exact=True`` nothing is rounded to the cent (for marginal
    rates and inverses). ``household``: the household's inputs of each return, by field of
    :class:`~netpay.engine.Incomes` (``netpay.evaluation.household``; None: a single person).
    """
    incomes = Incomes(
        components.employment_income,
        pensionable=components.pensionable,
        insurable=components.insurable,
        deductions=components.deductions,
        provincial_only=components.quebec_health_premiums,
        taxable_deductions=_zero_if_none(components.taxable_deductions),
        provincial_taxable_deductions=_zero_if_none(components.quebec_taxable_deductions),
        uninsured=_zero_if_none(components.uninsured),
        **(household or {}),
    )
    return compute(incomes, ruleset(province, year), residence, exact=exact)


def tax_on_equity(
    base: IncomeComponents, years: Sequence[EquityYear], province: str, year: int, residence: Residence = FULL_YEAR
) -> FloatArray:
    """The contributions and taxes a year's equity adds to ``base`` (the components without it):
    what sell-to-cover sells shares for (``EquityYear.sell_to_cover`` says how much of the income is
    paid that way), or what is paid from cash."""
    full = base.with_equity(years, is_quebec(province))
    before = tax(base, province, year, residence).total_deductions
    return np.asarray(tax(full, province, year, residence).total_deductions - before, dtype=np.float64)
