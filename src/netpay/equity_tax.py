"""The tax treatment of equity grants by tax year: the equity rows of :mod:`netpay.components`.

An event is a vest of RSUs or an exercise of stock options, worked out by ``netpay.equity`` from a
grant and the start date; :func:`equity_year` sums a year's events by treatment:

- RSU tranche: employment income at its value on the vesting date (ITA s. 7(1)(a) for units settled
  in treasury shares; s. 5(1) / 6(1)(a) for cash); pensionable (CPP/QPP); insurable (EI/QPIP) only
  if cash-settled: CRA treats a benefit received in shares as non-cash ("Security options are
  considered a non-cash benefit, so they are not insurable": CRA, *Withholding payroll deductions
  on options*), while a benefit paid in cash is insurable;
- stock option: the benefit (value at exercise - strike) x shares is employment income in the year
  of exercise (s. 7(1)(a)); pensionable, not insurable (same CRA page); less the security options
  deduction from taxable income (T1 line 24900): 1/2 if the strike was at least the FMV at grant
  (s. 110(1)(d)), none for shares beyond the $200,000 annual vesting limit of a non-CCPC employer
  with revenue over $500 million, for grants from 1 July 2021 (s. 110(1.31); CRA, *Option benefit
  deductions*); Québec (TP-1 line 297): 25% (TA s. 725.2), 50% for listed shares of an employer
  with at least $10 million of Québec payroll, 50% for an innovative SME (unverified); the strike
  paid in cash (``exercise_funding="cash"``: every share kept, a cash outflow) or by selling shares
  ("cashless"), the same benefit and tax either way;
- option cash-out (``settlement="cash"``: the employer pays the spread in cash, no shares): the
  benefit is income when paid (s. 7(1)(b)), pensionable and insurable ("Cash outs - Deduct CPP
  Contribution, EI premiums and income tax": CRA, *Withholding payroll deductions on options*), with
  the deduction only if the employer elects under s. 110(1.1) not to deduct the payment (CRA,
  *Employee security option cash-out rights*; Québec: RL-1 box L-8, TP-1 line 297); no CCPC deferral;
- CCPC option: the benefit, still measured at exercise, is income in the year the shares are sold
  (s. 7(1.1); TA s. 49.2), with no CPP and no withholding (CRA, *Withholding payroll deductions on
  options*); deduction 1/2 under (d), or under (d.1) if the shares were held two years (Québec:
  25%, TA s. 725.3).

The rates and the vesting limit are in ``data/equity.yaml`` (:func:`figures`), each with its source.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from netpay import tables

__all__ = ["EquityEvent", "EquityFigures", "EquityYear", "equity_year", "figures"]

FILE = "equity.yaml"


class EquityFigures(tables.Frozen):
    """``data/equity.yaml``: the deduction rates, the vesting limit and the RRSP excess tax, each cited."""

    #: federal security options deduction: 1/2 (ITA s. 110(1)(d), (d.1); T1 line 24900)
    option_deduction: float = Field(ge=0, le=1)
    #: the annual vesting limit of s. 110(1.31), FMV at grant
    vesting_limit: float = Field(gt=0)
    #: Québec (TP-1 line 297): 25% (TA s. 725.2), 50% for a large listed employer, 50% for an innovative SME
    quebec_option_deduction: float = Field(ge=0, le=1)
    quebec_large_employer_deduction: float = Field(ge=0, le=1)
    quebec_innovative_sme_deduction: float = Field(ge=0, le=1)
    #: RRSP excess contributions: the $2,000 cushion and the 1% a month tax (ITA s. 204.1(2.1), T1-OVP)
    rrsp_excess_cushion: float = Field(ge=0)
    rrsp_excess_monthly_rate: float = Field(ge=0, le=1)
    sources: dict[str, list[tables.Source]]

    def cited(self) -> EquityFigures:
        """Every figure has a source."""
        missing = sorted(set(type(self).model_fields) - {"sources"} - set(self.sources))
        if missing:
            raise ValueError(f"no source for {missing}")
        return self


@functools.cache
def figures() -> EquityFigures:
    """The validated ``data/equity.yaml`` (cached)."""
    label = f"data/{FILE}"
    table: EquityFigures = tables.validate(tables.read_yaml(tables.data_root() / FILE, label), EquityFigures, label)
    return table.cited()


@dataclass(frozen=True)
class EquityEvent:
    """One taxable equity event of a grant (a vest of RSUs, an exercise of options): the facts the
    treatment reads, worked out by ``netpay.equity`` from the grant and the start date."""

    #: the vesting date (RSU) or the exercise date (options): when the shares (or cash) are received
    date: dt.date
    kind: Literal["rsu", "option"]
    shares: float
    #: value of the shares (or cash) received, at the event date
    value: float
    #: what the employee pays for them (strike x shares; 0 for RSUs)
    cost: float = 0.0
    settlement: Literal["shares", "cash"] = "shares"
    tax_paid: Literal["sell_to_cover", "cash"] = "sell_to_cover"
    #: the user's risk view: the fraction of the value taken off (value only, never tax)
    haircut: float = 0.0
    #: a CCPC option: the benefit is income when the shares are sold (ITA s. 7(1.1))
    ccpc: bool = False
    #: the sale date of CCPC shares (None: not a CCPC, or sold on the event date)
    sold: dt.date | None = None
    #: strike >= FMV at grant (the price condition of s. 110(1)(d))
    strike_at_least_fmv: bool = False
    #: the share of these options within the $200,000 annual vesting limit (s. 110(1.31)); 1.0: all
    qualified: float = 1.0
    #: Québec: listed shares and an employer with >= $10 million of Québec payroll (50%, not 25%)
    quebec_large_employer: bool = False
    #: Québec: an innovative SME, a "qualified corporation" of TA s. 725.1.3 (50%, not 25%; unverified)
    quebec_innovative_sme: bool = False
    #: options: the strike paid in cash (``exercise_funding="cash"``, all shares kept) or by selling
    #: shares ("cashless": the shares received are worth the benefit only)
    funding: Literal["cashless", "cash"] = "cashless"
    #: options: shares were acquired, or (a cash-out, ``settlement="cash"``) the employer elected under
    #: s. 110(1.1) not to deduct the payment: the condition of s. 110(1)(d)(i) for the deduction
    acquired_or_elected: bool = True

    @property
    def benefit(self) -> float:
        """The employment benefit: value received - amount paid, not below zero (s. 7(1)(a))."""
        return max(self.value - self.cost, 0.0)

    @property
    def taxed_on(self) -> dt.date:
        """The date whose tax year includes the benefit: the sale date for a CCPC option (s. 7(1.1))."""
        return self.sold if (self.ccpc and self.sold is not None) else self.date

    @property
    def held_two_years(self) -> bool:
        """CCPC shares held at least two years after acquisition (s. 110(1)(d.1); TA s. 725.3)."""
        end = self.sold if self.sold is not None else self.date
        return (end.year - self.date.year, end.month, end.day) >= (2, self.date.month, self.date.day)

    @property
    def strike_paid(self) -> float:
        """Cash paid for the strike: strike x shares when the exercise is funded in cash, else 0 (and
        0 for options under water, which nobody exercises: nothing paid, nothing received)."""
        paying = self.kind == "option" and self.funding == "cash" and self.settlement == "shares"
        return self.cost if (paying and self.value > self.cost) else 0.0

    def _deductible(self) -> bool:
        """The conditions of s. 110(1)(d) (or (d.1) for CCPC shares held two years) netpay reads."""
        if self.kind != "option" or not self.acquired_or_elected:
            return False
        return self.strike_at_least_fmv or (self.ccpc and self.held_two_years)

    def option_deduction(self) -> float:
        """Federal line 24900 (s. 110(1)(d), or (d.1) for CCPC shares held two years): 1/2 of the
        benefit of the qualified share (none beyond the $200,000 vesting limit; a cash-out only with
        the employer's s. 110(1.1) election); none for RSUs."""
        if not self._deductible():
            return 0.0
        # CCPC options are outside the vesting limit (CRA, option benefit deductions): qualified is 1
        return figures().option_deduction * self.benefit * self.qualified

    def quebec_option_deduction(self) -> float:
        """TP-1 line 297: 25% (TA s. 725.2; s. 725.3 for CCPC shares held two years), 50% for a large
        listed employer or an innovative SME; Québec applies the $200,000 limit too (Revenu Québec),
        and allows a cash-out's deduction when the employer elected (RL-1 box L-8, T4 box 86)."""
        if not self._deductible():
            return 0.0
        f = figures()
        rate = f.quebec_option_deduction
        if not self.ccpc and self.quebec_large_employer:
            rate = f.quebec_large_employer_deduction
        if self.quebec_innovative_sme:  # CCPC or not: how the rate combines with s. 725.3 is unverified
            rate = max(rate, f.quebec_innovative_sme_deduction)
        return rate * self.benefit * self.qualified


@dataclass(frozen=True)
class EquityYear:
    """What a person's equity grants give in one tax year, by treatment (:func:`equity_year`)."""

    year: int
    #: T4 box 14: RSU tranches and option benefits taxed this year
    employment_income: float = 0.0
    #: T4 box 26: all of it but CCPC option benefits (no CPP on them: CRA, withholding on options)
    pensionable: float = 0.0
    #: T4 box 24: cash-settled RSU tranches only (shares are a non-cash benefit)
    insurable: float = 0.0
    #: cash-settled RSU tranches paid this year
    cash: float = 0.0
    #: share-settled income taxed this year (RSU value, option spread): income that is not cash
    shares_value: float = 0.0
    #: of ``shares_value``, the part whose tax is paid by selling shares (``tax_paid="sell_to_cover"``)
    sell_to_cover: float = 0.0
    #: T1 line 24900: the security options deduction, from taxable income only
    option_deduction: float = 0.0
    #: TP-1 line 297 (Québec residents)
    quebec_option_deduction: float = 0.0
    #: CCPC option benefits acquired this year, taxed in the later year of sale
    deferred: float = 0.0
    #: the strike paid in cash for options exercised this year with ``exercise_funding="cash"``
    #: (a cash outflow; the shares received are then worth the benefit + this)
    strike_paid: float = 0.0
    #: value received this year (RSU tranches; options: value - strike, or the shares' value when
    #: the strike is paid in cash), before the haircut
    face_value: float = 0.0
    #: ``face_value`` after each grant's haircut (a risk view of value; tax is on the face value)
    after_haircut: float = 0.0
    #: the events received or taxed this year
    tranches: tuple[EquityEvent, ...] = field(default=())


def equity_year(events: Iterable[EquityEvent], year: int) -> EquityYear:
    """The treatment of equity events in tax ``year``: income in the year of the vest or exercise
    (the sale, for CCPC options), value in the year received (module docstring)."""
    totals = dict.fromkeys(EquityYear.__dataclass_fields__, 0.0)
    seen: list[EquityEvent] = []
    for e in events:
        received, taxed = e.date.year == year, e.taxed_on.year == year
        if received or taxed:
            seen.append(e)
        if received:
            net = (e.value if e.kind == "rsu" else e.benefit) + e.strike_paid
            totals["face_value"] += net
            totals["after_haircut"] += net * (1.0 - e.haircut)
            totals["strike_paid"] += e.strike_paid
            if e.ccpc and e.taxed_on.year > year:
                totals["deferred"] += e.benefit
        if not taxed:
            continue
        cash = e.benefit if e.settlement == "cash" else 0.0
        totals["employment_income"] += e.benefit
        totals["pensionable"] += 0.0 if e.ccpc else e.benefit
        totals["insurable"] += cash
        totals["cash"] += cash
        totals["shares_value"] += e.benefit - cash
        totals["sell_to_cover"] += (e.benefit - cash) if e.tax_paid == "sell_to_cover" else 0.0
        totals["option_deduction"] += e.option_deduction()
        totals["quebec_option_deduction"] += e.quebec_option_deduction()
    del totals["year"], totals["tranches"]
    return EquityYear(year=year, tranches=tuple(seen), **totals)
