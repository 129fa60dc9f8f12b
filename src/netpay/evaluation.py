"""Offers -> evaluations: every line of every year, from the components, the engine and the city's costs.

Definitions (dollars; "monthly" is per month covered: annual / 12 in a full year, per month
resident in the year of arrival):

- net cash = cash paid (salary, bonus, signing and relocation bonuses, cash-settled equity)
  - CPP/QPP - EI - QPIP - federal tax - provincial tax - employee RRSP and pension contributions.
  Taxes on income received in kind (shares, taxable benefits, employer RRSP) are paid from cash.
- disposable (monthly) = monthly net cash - rent - other monthly costs.
- disposable without one-time payments: the same for the offer without its signing and relocation
  bonuses (what a later year looks like); one-time payments spread over twelve months flatter
  the first year.

A year of arrival is the same computation with a :class:`~netpay.components.Residence` (fraction,
January 1) and covers the months resident; there is no separate path for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from netpay import citydata, rrsp
from netpay.citydata import CityCosts, Housing, monthly_costs
from netpay.components import FULL_YEAR, IncomeComponents, Residence, TaxResult, tax
from netpay.lines import LINES
from netpay.money import round_cents
from netpay.offer import Offer
from netpay.timeline import Arrival


class YearEvaluation(BaseModel):
    """One offer's breakdown for one tax year: annual amounts, monthly city costs, and their sources.

    ``annual`` and ``monthly`` give every line of :data:`netpay.lines.LINES`; ``table()`` shows both.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    offer: Offer
    label: str
    city: str
    province: str
    year: int
    bedrooms: int
    rent_basis: str
    # annual amounts
    base_salary: float
    bonus: float
    signing_bonus: float
    relocation_bonus: float
    equity_vesting: float
    taxable_benefits: float
    employer_rrsp_match: float
    employment_income: float
    cash_income: float
    taxable_income: float
    provincial_taxable_income: float
    cpp: float
    ei: float
    qpip: float
    federal_tax: float
    provincial_tax: float
    employee_rrsp: float
    employee_pension: float
    net_cash: float
    net_cash_recurring: float
    savings_rrsp: float
    savings_pension: float
    equity_shares: float
    non_taxable_benefits: float
    moving_reimbursement: float
    # monthly city costs and their sources
    rent: float
    rent_period: str | None
    rent_source: str
    rent_url: str | None
    rent_retrieved: dt.date | None
    other_costs: dict[str, float]
    other_costs_sources: dict[str, str]
    #: months of the year the amounts cover: 12, or in the year of arrival the months resident
    #: (days resident / days in the year x 12); rent and other costs are paid for these months.
    months: float = 12.0
    #: days resident in Canada / days in the year (1.0: resident all year)
    residence_fraction: float = 1.0
    #: the RRSP deduction limit applied, and the RRSP contributions above it (not deducted this
    #: year; carried forward)
    rrsp_room: float | None = None
    rrsp_not_deducted: float = 0.0

    @property
    def monthly_net_cash(self) -> float:
        """Net cash per month covered (per month in Canada in the year of arrival)."""
        return self.net_cash / self.months

    @property
    def monthly_other_costs(self) -> float:
        return float(sum(self.other_costs.values()))

    @property
    def monthly_disposable(self) -> float:
        """Monthly net cash - rent - other monthly costs."""
        return self.monthly_net_cash - self.rent - self.monthly_other_costs

    @property
    def monthly_disposable_recurring(self) -> float:
        """Monthly disposable income without the signing and relocation bonuses."""
        return self.net_cash_recurring / self.months - self.rent - self.monthly_other_costs

    @property
    def annual(self) -> dict[str, float]:
        """Every line of the breakdown, per year (rent and other costs for the months covered)."""
        return dict(zip(LINES, self.values("annual"), strict=True))

    @property
    def monthly(self) -> dict[str, float]:
        """Every line of the breakdown, per month (per month covered, see ``months``)."""
        return dict(zip(LINES, self.values("monthly"), strict=True))

    def values(self, per: str) -> list[float]:
        """The lines of :data:`LINES`, in order, ``per`` 'annual' or 'monthly': amounts a year are
        divided by the months covered for 'monthly'; amounts a month are multiplied by them for
        'annual'."""
        months = self.months if per == "annual" else 1.0
        per_year = 1.0 if per == "annual" else 1.0 / self.months
        costs = self.monthly_other_costs
        monthly = {
            "rent": self.rent,
            "other_costs": costs,
            "disposable": self.net_cash / self.months - self.rent - costs,
            "disposable_recurring": self.net_cash_recurring / self.months - self.rent - costs,
        }
        return [monthly[key] * months if key in monthly else float(getattr(self, key)) * per_year for key in LINES]

    def table(self) -> pd.DataFrame:
        """The breakdown: one row per line (labels of :data:`LINES`), columns ``annual`` and ``monthly``."""
        return pd.DataFrame({"annual": self.annual, "monthly": self.monthly}).rename(index=LINES)


#: What an :class:`Evaluation` reads from its first full year (the version-1 attributes).
FULL_YEAR_ATTRIBUTES: frozenset[str] = frozenset(
    {
        name
        for name in YearEvaluation.model_fields
        if name not in ("residence_fraction", "rrsp_room", "rrsp_not_deducted")
    }
    | {"monthly_net_cash", "monthly_other_costs", "monthly_disposable", "monthly_disposable_recurring"}
    | {"annual", "monthly"}
)


class Evaluation(BaseModel):
    """One offer evaluated over the years: ``years`` holds one :class:`YearEvaluation` per year, the
    year of arrival first when there is a ``move``.

    The version-1 attributes (``net_cash``, ``monthly_disposable``, ``annual``, ``monthly``, every
    line of :data:`LINES`, ``city``, ``rent``, ...) read the first full year, ``full_year``.
    ``residence_fraction``, ``rrsp_room`` and ``rrsp_not_deducted`` are those of the first year;
    with a move, ``year_one``, the dates and days, and ``settlement`` (what the return filed next
    spring settles, see ``netpay.first_year.monthly_cash_flow``) describe the year of arrival.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    years: tuple[YearEvaluation, ...] = Field(min_length=1)
    move: Arrival | None = None
    settlement: dict[str, float] | None = None

    def __getattr__(self, name: str) -> Any:
        if name in FULL_YEAR_ATTRIBUTES:
            return getattr(self.full_year, name)
        if name in _MOVE_ATTRIBUTES:  # a property of the move, and there is no move
            raise AttributeError(f"this evaluation has no move: give evaluate(..., arrival=) for its {name}")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def full_year(self) -> YearEvaluation:
        """The first year resident all year (the year after the year of arrival, with a move)."""
        return self.years[1] if self.move is not None else self.years[0]

    @property
    def year_one(self) -> YearEvaluation:
        """The year of arrival (with a move; else the first year)."""
        return self.years[0]

    @property
    def residence_fraction(self) -> float:
        return self.years[0].residence_fraction

    @property
    def rrsp_room(self) -> float | None:
        return self.years[0].rrsp_room

    @property
    def rrsp_not_deducted(self) -> float:
        return self.years[0].rrsp_not_deducted

    def _moved(self) -> Arrival:
        if self.move is None:
            raise AttributeError("this evaluation has no move: give evaluate(..., arrival=) for the first year")
        return self.move

    @property
    def arrival(self) -> dt.date:
        """The day of arrival in Canada."""
        return self._moved().arrival

    @property
    def start(self) -> dt.date:
        """The first day of work."""
        return self._moved().start

    @property
    def pay_periods(self) -> int:
        return self._moved().pay_periods

    @property
    def bonus_rule(self) -> str:
        """How the annual bonus is paid in year one (``netpay.first_year.BONUS_RULES``)."""
        return self._moved().bonus_rule

    @property
    def days_resident(self) -> int:
        return self._moved().days_resident

    @property
    def days_in_year(self) -> int:
        return self._moved().days_in_year

    @property
    def resident_jan1(self) -> bool:
        """Resident on January 1 of the first year (always, without a move)."""
        return self.move is None or self.move.resident_jan1

    def facts(self) -> dict[str, Any]:
        """Dates, days, fraction and settlement as a dict (``compare(...).attrs['first_year']``)."""
        move = self._moved()
        return {
            "year": move.year,
            "arrival": move.arrival,
            "start": move.start,
            "days_resident": move.days_resident,
            "days_in_year": move.days_in_year,
            "residence_fraction": self.residence_fraction,
            "months_in_canada": self.year_one.months,
            "resident_jan1": move.resident_jan1,
            "pay_periods": move.pay_periods,
            "bonus_rule": move.bonus_rule,
            "rrsp_room": move.rrsp_room,
            "rrsp_not_deducted": self.rrsp_not_deducted,
            "settlement": dict(self.settlement or {}),
        }

    def table(self, period: str | None = None) -> pd.DataFrame:
        """Lines of :data:`LINES` (labelled). One year: columns 'annual' and 'monthly'. Several (year
        one and the full year): one column per year, 'year one' and 'full year', ``period``
        'annual' (default: year one for the months resident) or 'monthly' (per month covered)."""
        if period not in (None, "monthly", "annual"):
            raise ValueError(f"period must be 'monthly' or 'annual', not {period!r}")
        if len(self.years) == 1 and period is None:
            return self.years[0].table()
        per = period or "annual"
        columns = {name: (y.annual if per == "annual" else y.monthly) for name, y in self.named_years().items()}
        return pd.DataFrame(columns).rename(index=LINES)

    def named_years(self) -> dict[str, YearEvaluation]:
        """The years by column name: 'year one' and 'full year' with a move, else 'full year'."""
        if self.move is None:
            return {"full year": self.years[0]}
        return {"year one": self.years[0], "full year": self.years[1]}


# --------------------------------------------------------------------------- building evaluations


_MOVE_ATTRIBUTES = frozenset({"arrival", "start", "pay_periods", "bonus_rule", "days_resident", "days_in_year"})


def offer_list(offers: Any) -> list[Offer]:
    """``offers`` as a list of :class:`Offer`: one offer is a list of one; anything else is a
    TypeError naming what was given (iterating an Offer would otherwise yield its fields)."""
    if isinstance(offers, Offer):
        return [offers]
    if isinstance(offers, str | bytes) or not isinstance(offers, Iterable):
        raise TypeError(f"expected a netpay.Offer or a list of them, got {type(offers).__name__}")
    out = list(offers)
    for o in out:
        if not isinstance(o, Offer):
            raise TypeError(f"expected netpay.Offer objects, got {type(o).__name__}")
    return out


def _offer_taxes(
    offers: Sequence[Offer], province: str, year: int, residence: Residence, room: float
) -> tuple[IncomeComponents, TaxResult]:
    """The offers and their twins without one-time payments, taxed in one pass of the engine."""
    components = IncomeComponents.from_offers(offers, province, room).concat(
        IncomeComponents.from_offers(offers, province, room, one_time=False)
    )
    return components, tax(components, province, year, residence)


def year_evaluations(
    offers: Sequence[Offer],
    year: int,
    housing: Housing,
    residence: Residence = FULL_YEAR,
    rrsp_room: float | None = None,
) -> list[YearEvaluation]:
    """Each offer evaluated for one tax ``year`` at ``residence`` (a year of arrival covers 12 x the
    residence fraction months); offers in the same province go through the engine together.
    ``rrsp_room`` is the RRSP deduction limit (None: the year's dollar limit)."""
    contributing = any(o.employer_rrsp_match + o.employee_rrsp > 0 for o in offers)
    room = rrsp.deduction_limit(year, rrsp_room, contributing)
    cities = {name: citydata.city(name) for name in dict.fromkeys(o.city for o in offers)}
    places = [cities[o.city] for o in offers]
    costs = {place.name: monthly_costs(place, housing) for place in cities.values()}
    out: list[YearEvaluation | None] = [None] * len(offers)
    for province in dict.fromkeys(p.province for p in places):
        idx = [i for i, p in enumerate(places) if p.province == province]
        components, result = _offer_taxes([offers[i] for i in idx], province, year, residence, room)
        net = round_cents(components.cash - result.total_deductions - components.out_of_cash).tolist()
        columns = {k: getattr(result, k).tolist() for k in _TAX_LINES}
        columns |= {
            "rrsp_not_deducted": round_cents(components.rrsp_not_deducted).tolist(),
            "employment_income": components.employment_income.tolist(),
            "cash_income": components.cash.tolist(),
            "equity_shares": components.equity_shares.tolist(),
        }
        for j, i in enumerate(idx):
            lines = {k: v[j] for k, v in columns.items()}
            lines |= {"net_cash": net[j], "net_cash_recurring": net[len(idx) + j]}
            out[i] = _year(offers[i], costs[places[i].name], year, residence, room, lines)
    return [y for y in out if y is not None]


#: Lines of the engine's result an evaluation shows.
_TAX_LINES = ("taxable_income", "provincial_taxable_income", "cpp", "ei", "qpip", "federal_tax", "provincial_tax")


def _city_lines(c: CityCosts) -> dict[str, Any]:
    """The city lines of an evaluation: monthly rent and other costs, with their sources."""
    return {
        "rent": c.rent.amount,
        "rent_period": c.rent.period,
        "rent_source": c.rent.source,
        "rent_url": c.rent.url,
        "rent_retrieved": c.rent.retrieved,
        "other_costs": c.other_costs,
        "other_costs_sources": c.other_costs_sources,
    }


def _year(
    o: Offer, costs: CityCosts, year: int, residence: Residence, room: float, lines: dict[str, Any]
) -> YearEvaluation:
    place = costs.city
    return YearEvaluation(
        offer=o,
        label=o.label or place.name,
        city=place.name,
        province=place.province,
        year=int(year),
        bedrooms=costs.housing.bedrooms,
        rent_basis=costs.rent_basis,
        base_salary=o.base_salary,
        bonus=o.bonus_amount,
        signing_bonus=o.signing_bonus,
        relocation_bonus=o.relocation_bonus,
        equity_vesting=o.equity_vesting,
        taxable_benefits=o.taxable_benefits,
        employer_rrsp_match=o.employer_rrsp_match,
        employee_rrsp=o.employee_rrsp,
        employee_pension=o.employee_pension,
        savings_rrsp=o.employer_rrsp_match + o.employee_rrsp,
        savings_pension=o.employer_pension_match + o.employee_pension,
        non_taxable_benefits=o.non_taxable_benefits,
        moving_reimbursement=o.moving_reimbursement,
        **lines,
        **_city_lines(costs),
        months=12.0 * residence.fraction,
        residence_fraction=residence.fraction,
        rrsp_room=room,
    )


def evaluate_offers(
    offers: Iterable[Offer], year: int, housing: Housing | None = None, rrsp_room: float | None = None
) -> list[Evaluation]:
    """Each offer evaluated for a full ``year`` resident in its city (an :class:`Evaluation` of one year)."""
    years = year_evaluations(offer_list(offers), year, housing or Housing(), FULL_YEAR, rrsp_room)
    return [Evaluation(years=(y,)) for y in years]
