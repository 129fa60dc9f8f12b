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
  with at least $10 million of Québec payroll;
- CCPC option: the benefit, still measured at exercise, is income in the year the shares are sold
  (s. 7(1.1); TA s. 49.2), with no CPP and no withholding (CRA, *Withholding payroll deductions on
  options*); deduction 1/2 under (d), or under (d.1) if the shares were held two years (Québec:
  25%, TA s. 725.3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["EquityEvent", "EquityYear", "equity_year"]


#: The security options deduction, federal: 1/2 of the benefit (ITA s. 110(1)(d) and (d.1); CRA,
#: "Option benefit deductions"; the 1/3 rate proposed for 2024 was cancelled on 21 March 2025: CRA,
#: "What's new for capital gains").
OPTION_DEDUCTION = 0.5
#: Québec's: 25% (TA s. 725.2; CCPC shares held two years, s. 725.3), or 50% for options on listed
#: shares from an employer with at least $10 million of Québec payroll (Revenu Québec, TP-1 line 297).
QUEBEC_OPTION_DEDUCTION, QUEBEC_LARGE_EMPLOYER_DEDUCTION = 0.25, 0.5


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

    def option_deduction(self) -> float:
        """Federal line 24900 (s. 110(1)(d), or (d.1) for CCPC shares held two years): 1/2 of the
        benefit of the qualified share (none beyond the $200,000 vesting limit); none for RSUs."""
        if self.kind != "option":
            return 0.0
        if self.ccpc:  # CCPC options are outside the vesting limit (CRA, option benefit deductions)
            return OPTION_DEDUCTION * self.benefit if (self.strike_at_least_fmv or self.held_two_years) else 0.0
        return OPTION_DEDUCTION * self.benefit * self.qualified if self.strike_at_least_fmv else 0.0

    def quebec_option_deduction(self) -> float:
        """TP-1 line 297: 25% (TA s. 725.2; s. 725.3 for CCPC shares held two years), 50% for a large
        listed employer; Québec applies the $200,000 limit too (Revenu Québec)."""
        if self.kind != "option":
            return 0.0
        if self.ccpc:
            ok = self.strike_at_least_fmv or self.held_two_years
            return QUEBEC_OPTION_DEDUCTION * self.benefit if ok else 0.0
        rate = QUEBEC_LARGE_EMPLOYER_DEDUCTION if self.quebec_large_employer else QUEBEC_OPTION_DEDUCTION
        return rate * self.benefit * self.qualified if self.strike_at_least_fmv else 0.0


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
    #: value received this year (RSU tranches; options: value - strike), before the haircut
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
            net = e.value if e.kind == "rsu" else e.benefit
            totals["face_value"] += net
            totals["after_haircut"] += net * (1.0 - e.haircut)
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
