"""From an offer to monthly disposable income per city; comparisons and inverses.

- :func:`evaluate`: one offer -> :class:`Evaluation`, the full breakdown, annual and monthly.
- :func:`compare`: several offers -> a DataFrame, one column per offer, one row per line.
- :func:`gross_for_net`: the inverse of ``take_home``, vectorized, to the cent.
- :func:`equivalent_salary`: the salary in another city that leaves the same monthly disposable income.

The tax computation is :func:`netpay.engine.compute`; offers in the same province are computed
together, as one array. How each part of an offer is treated (income, pensionable, insurable,
cash) is in :mod:`netpay.offer` and ``docs/treatments.md``.

Definitions (dollars; "monthly" is annual / 12):

- net cash = cash paid (salary, bonus, signing and relocation bonuses, cash-settled equity)
  - CPP/QPP - EI - QPIP - federal tax - provincial tax - employee RRSP and pension contributions.
  Taxes on income received in kind (shares, taxable benefits, employer RRSP) are paid from cash.
- disposable (monthly) = monthly net cash - rent - other monthly costs.
- disposable without one-time payments: the same for the offer without its signing and relocation
  bonuses (what a later year looks like); one-time payments spread over twelve months flatter
  the first year.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import BaseModel, ConfigDict

from netpay import citydata as _cities
from netpay.engine import Incomes, Year, compute
from netpay.errors import InvalidIncomeError
from netpay.money import FloatArray, as_amount, as_amounts, round_cents
from netpay.offer import Offer
from netpay.rules.context import Residence

#: Lines of the breakdown: key -> label. Amounts are annual except the city costs, which are monthly.
LINES: dict[str, str] = {
    "base_salary": "Base salary",
    "bonus": "Bonus",
    "signing_bonus": "Signing bonus (one-time)",
    "relocation_bonus": "Relocation bonus (one-time)",
    "equity_vesting": "Equity vesting",
    "taxable_benefits": "Taxable benefits (in kind)",
    "employer_rrsp_match": "Employer RRSP contributions",
    "employment_income": "Employment income (T4 box 14)",
    "cash_income": "Cash paid",
    "taxable_income": "Taxable income (federal)",
    "provincial_taxable_income": "Taxable income (provincial)",
    "cpp": "CPP/QPP contributions",
    "ei": "EI premiums",
    "qpip": "QPIP premiums",
    "federal_tax": "Federal tax",
    "provincial_tax": "Provincial tax",
    "employee_rrsp": "Employee RRSP contributions",
    "employee_pension": "Employee pension contributions",
    "net_cash": "Net cash",
    "rent": "Rent",
    "other_costs": "Other costs",
    "disposable": "Disposable income",
    "net_cash_recurring": "Net cash without one-time payments",
    "disposable_recurring": "Disposable without one-time payments",
    "savings_rrsp": "Savings: RRSP (employer + employee)",
    "savings_pension": "Savings: pension (employer + employee)",
    "equity_shares": "Equity received as shares",
    "non_taxable_benefits": "Non-taxable benefits (health, dental)",
    "moving_reimbursement": "Moving costs reimbursed (not income)",
}

#: Lines given per month in the data (rent and other costs); all others are annual amounts.
MONTHLY_LINES: frozenset[str] = frozenset({"rent", "other_costs"})


class Evaluation(BaseModel):
    """One offer's breakdown for one year: annual amounts, monthly city costs, and where they come from.

    ``annual`` and ``monthly`` give every line of :data:`LINES`; ``table()`` shows both side by side.
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
    #: months of the year the amounts cover: 12, or for the first year in Canada the months resident
    #: (days resident / days in the year x 12); rent and other costs are paid for these months.
    months: float = 12.0
    #: days resident in Canada / days in the year (1.0: resident all year; see netpay.first_year)
    residence_fraction: float = 1.0

    @property
    def monthly_net_cash(self) -> float:
        """Net cash per month covered (per month in Canada in the first year)."""
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
        return {key: self._line(key, months=self.months, per_year=1.0) for key in LINES}

    @property
    def monthly(self) -> dict[str, float]:
        """Every line of the breakdown, per month (per month covered, see ``months``)."""
        return {key: self._line(key, months=1.0, per_year=1.0 / self.months) for key in LINES}

    def _line(self, key: str, months: float, per_year: float) -> float:
        if key == "other_costs":
            return self.monthly_other_costs * months
        if key == "rent":
            return self.rent * months
        if key == "disposable":
            return self.monthly_disposable * months
        if key == "disposable_recurring":
            return self.monthly_disposable_recurring * months
        return float(getattr(self, key)) * per_year

    def table(self) -> pd.DataFrame:
        """The breakdown: one row per line (labels of :data:`LINES`), columns ``annual`` and ``monthly``."""
        return pd.DataFrame({"annual": self.annual, "monthly": self.monthly}).rename(index=LINES)


# --------------------------------------------------------------------------- evaluation


def _basis(rent_basis: str, basis: str | None) -> str:
    """``basis`` is another name for ``rent_basis``; giving both, differently, is an error."""
    if basis is None:
        return rent_basis
    if rent_basis not in ("asking", basis):
        raise ValueError(f"give rent_basis or basis, not both: {rent_basis!r} and {basis!r}")
    return basis


def _costs_for(
    city: _cities.City, bedrooms: int, basis: str, rent: float | None, overrides: Mapping[str, float] | None
) -> dict[str, Any]:
    """Monthly rent and other costs for a city, with sources; user overrides win."""
    if rent is not None:
        amount = as_amount(rent, "rent")
        info: dict[str, Any] = {
            "rent": amount,
            "rent_period": None,
            "rent_source": "user override",
            "rent_url": None,
            "rent_retrieved": None,
        }
    else:
        r = _cities.rent(city.name, bedrooms, basis)
        info = {
            "rent": r.amount,
            "rent_period": r.period,
            "rent_source": r.source,
            "rent_url": r.url,
            "rent_retrieved": r.retrieved,
        }
    data = _cities.other_costs(city.name)
    costs = {item: c.monthly for item, c in data.items()}
    sources = {item: f"{c.source} ({c.period}) {c.url}" for item, c in data.items()}
    for item, value in (overrides or {}).items():
        costs[item] = as_amount(value, f"other_costs[{item!r}]")
        sources[item] = "user override"
    info["other_costs"] = costs
    info["other_costs_sources"] = sources
    return info


def _offer_list(offers: Any) -> list[Offer]:
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


def _column(offers: Sequence[Offer], attr: str) -> FloatArray:
    return np.array([float(getattr(o, attr)) for o in offers], dtype=np.float64)


def _taxes(
    offers: Sequence[Offer],
    province: str,
    year: int,
    *,
    residence_fraction: float = 1.0,
    resident_jan1: bool = True,
    rrsp_room: float | None = None,
) -> dict[str, FloatArray]:
    """Contributions and taxes for offers resident in one province, as arrays (one call to the engine
    for the year as offered and the year without one-time payments together).

    ``residence_fraction`` and ``resident_jan1`` describe a part-year resident (the first year in
    Canada, :mod:`netpay.first_year`); the defaults are a resident all year. ``rrsp_room`` caps the
    RRSP deduction (employer and employee contributions, line 20800) at the RRSP deduction limit;
    None: not checked (the contributions are deducted in full)."""
    t = Year.load(province, year)
    n = len(offers)
    recurring = [o.without_one_time() for o in offers]
    both = [*offers, *recurring]
    income = _column(both, "employment_income")
    pensionable = _column(both, "pensionable_earnings")
    insurable = _column(both, "insurable_earnings")
    deductions = _column(both, "deductions")
    if rrsp_room is not None:
        rrsp = _column(both, "employer_rrsp_match") + _column(both, "employee_rrsp")
        deductions = deductions - rrsp + np.minimum(rrsp, float(rrsp_room))
    health = _column(both, "non_taxable_benefits")
    # Revenu Québec: employer contributions to a private health services plan are a taxable
    # benefit for Québec income tax and QPP (RL-1 boxes A, G, J), a benefit in kind (no QPIP).
    quebec_health = health if t.quebec else np.zeros_like(health)
    r = compute(
        Incomes(income, pensionable + quebec_health, insurable, deductions, provincial_only=quebec_health),
        t,
        Residence(residence_fraction, resident_jan1),
    )
    cash = _column(both, "cash_income")
    out_of_cash = _column(both, "employee_rrsp") + _column(both, "employee_pension")
    net_cash = cash - r["cpp"] - r["ei"] - r["qpip"] - r["federal_tax"] - r["provincial_tax"] - out_of_cash
    out = {k: v[:n] for k, v in r.items()}
    out["net_cash"] = round_cents(net_cash[:n])
    out["net_cash_recurring"] = round_cents(net_cash[n:])
    return out


def evaluate_many(
    offers: Iterable[Offer],
    year: int,
    bedrooms: int = 1,
    rent_basis: str = "asking",
    rent: float | None = None,
    other_costs: Mapping[str, float] | None = None,
    *,
    residence_fraction: float = 1.0,
    resident_jan1: bool = True,
    months: float = 12.0,
    rrsp_room: float | None = None,
) -> list[Evaluation]:
    """:func:`evaluate` for several offers; offers in the same province go through the engine together.

    ``residence_fraction``, ``resident_jan1``, ``months`` (the months the amounts cover) and
    ``rrsp_room`` (the RRSP deduction limit; None: not checked) are for the first year in Canada
    (:mod:`netpay.first_year`); the defaults are a resident all year.
    A single :class:`Offer` is taken as a list of one."""
    offers = _offer_list(offers)
    if not offers:
        return []
    places = [_cities.city(o.city) for o in offers]
    results: dict[int, dict[str, float]] = {}
    for province in dict.fromkeys(p.province for p in places):
        idx = [i for i, p in enumerate(places) if p.province == province]
        taxes = _taxes(
            [offers[i] for i in idx],
            province,
            year,
            residence_fraction=residence_fraction,
            resident_jan1=resident_jan1,
            rrsp_room=rrsp_room,
        )
        for j, i in enumerate(idx):
            results[i] = {k: float(v[j]) for k, v in taxes.items()}
    out = []
    for i, (o, place) in enumerate(zip(offers, places, strict=True)):
        r = results[i]
        city_costs = _costs_for(place, bedrooms, rent_basis, rent, other_costs)
        out.append(
            Evaluation(
                offer=o,
                label=o.name,
                city=place.name,
                province=place.province,
                year=int(year),
                bedrooms=bedrooms,
                rent_basis=rent_basis if rent is None else "user override",
                base_salary=o.base_salary,
                bonus=o.bonus_amount,
                signing_bonus=o.signing_bonus,
                relocation_bonus=o.relocation_bonus,
                equity_vesting=o.equity_vesting,
                taxable_benefits=o.taxable_benefits,
                employer_rrsp_match=o.employer_rrsp_match,
                employment_income=o.employment_income,
                cash_income=o.cash_income,
                taxable_income=r["taxable_income"],
                provincial_taxable_income=r["provincial_taxable_income"],
                cpp=r["cpp"],
                ei=r["ei"],
                qpip=r["qpip"],
                federal_tax=r["federal_tax"],
                provincial_tax=r["provincial_tax"],
                employee_rrsp=o.employee_rrsp,
                employee_pension=o.employee_pension,
                net_cash=r["net_cash"],
                net_cash_recurring=r["net_cash_recurring"],
                savings_rrsp=o.employer_rrsp_match + o.employee_rrsp,
                savings_pension=o.employer_pension_match + o.employee_pension,
                equity_shares=o.equity_shares,
                non_taxable_benefits=o.non_taxable_benefits,
                moving_reimbursement=o.moving_reimbursement,
                **city_costs,
                months=months,
                residence_fraction=residence_fraction,
            )
        )
    return out


def evaluate(
    offer: Offer,
    year: int,
    bedrooms: int = 1,
    rent_basis: str = "asking",
    rent: float | None = None,
    other_costs: Mapping[str, float] | None = None,
    *,
    basis: str | None = None,
    arrival: dt.date | None = None,
    start: dt.date | None = None,
    pay_periods: int = 12,
    first_year_bonus: str = "next_year",
    rrsp_room: float = 0.0,
) -> Any:
    """The full breakdown of ``offer`` for tax ``year``, living in the offer's city.

    Rent is the city's figure for ``bedrooms`` (0 = bachelor ... 3 = three or more) on
    ``rent_basis`` ('asking' or 'average'), unless ``rent`` (dollars a month) overrides it. Other
    monthly costs are the city's figures, with ``other_costs`` ({item: dollars a month}) overriding
    or adding items (set an item to 0 to leave it out).

    Returns an :class:`Evaluation`. Given ``arrival`` (the date the person becomes resident in
    Canada, in ``year``) and optionally ``start`` (the first day of work; default: ``arrival``), it
    returns a :class:`netpay.first_year.FirstYearEvaluation` instead: the first year in Canada
    (part-year residence, salary from ``start`` paid every one of ``pay_periods`` periods a year, the
    annual bonus by ``first_year_bonus``: 'next_year' (default, nothing in year one), 'prorated' or
    'full') next to the full year that follows; year one deducts RRSP contributions only up to
    ``rrsp_room``, the RRSP deduction limit (default 0: a newcomer has none in the year of arrival).
    See :mod:`netpay.first_year` and docs/first-year.md.

    >>> o = Offer(base_salary=100_000, city="Toronto")
    >>> e = evaluate(o, 2026, rent=2_000, other_costs={"transit_pass": 0})
    >>> round(e.monthly_disposable, 2) == round(e.net_cash / 12 - 2_000, 2)
    True
    """
    rent_basis = _basis(rent_basis, basis)
    if arrival is not None or start is not None:
        from netpay import first_year

        return first_year.evaluate_first_year(
            offer,
            year,
            arrival=arrival,
            start=start,
            bedrooms=bedrooms,
            rent_basis=rent_basis,
            rent=rent,
            other_costs=other_costs,
            pay_periods=pay_periods,
            bonus=first_year_bonus,
            rrsp_room=rrsp_room,
        )
    return evaluate_many([offer], year, bedrooms, rent_basis, rent, other_costs)[0]


def unique_labels(evaluations: Sequence[Evaluation]) -> list[str]:
    """Column names for evaluations: each label, with ' (2)', ' (3)', ... on repeats."""
    names: list[str] = []
    for e in evaluations:
        name, n = e.label, 2
        while name in names:
            name = f"{e.label} ({n})"
            n += 1
        names.append(name)
    return names


def _columns(
    evaluations: Sequence[Evaluation], period: str
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, Any]]]:
    """One column of lines per evaluation (named by its label, made unique) and its sources."""
    columns: dict[str, dict[str, float]] = {}
    sources: dict[str, dict[str, Any]] = {}
    items = sorted({item for e in evaluations for item in e.other_costs})
    for e, name in zip(evaluations, unique_labels(evaluations), strict=True):
        factor = 1.0 if period == "monthly" else e.months
        values = dict(e.monthly if period == "monthly" else e.annual)
        lines: dict[str, float] = {}
        for key, value in values.items():
            lines[key] = value
            if key == "other_costs":
                for item in items:
                    # An item netpay has no figure for in this city is NaN, not 0: never invent a cost.
                    lines[f"other_costs.{item}"] = e.other_costs.get(item, np.nan) * factor
        columns[name] = lines
        sources[name] = {
            "city": e.city,
            "province": e.province,
            "rent_basis": e.rent_basis,
            "bedrooms": e.bedrooms,
            "rent_period": e.rent_period,
            "rent_source": e.rent_source,
            "rent_url": e.rent_url,
            "rent_retrieved": e.rent_retrieved,
            "other_costs": dict(e.other_costs_sources),
        }
    return columns, sources


#: Column names of the two views of a first-year comparison.
FIRST_YEAR_VIEWS: dict[str, str] = {"year_one": "year one", "full_year": "full year"}


def compare(
    offers: Iterable[Offer],
    year: int,
    bedrooms: int = 1,
    rent_basis: str = "asking",
    period: str = "monthly",
    *,
    basis: str | None = None,
    arrival: dt.date | None = None,
    start: dt.date | None = None,
    view: str = "both",
    pay_periods: int = 12,
    first_year_bonus: str = "next_year",
    rrsp_room: float = 0.0,
) -> pd.DataFrame:
    """Offers side by side: one column per offer (its label, else its city), one row per line of
    the breakdown (keys of :data:`LINES`; other costs also item by item as ``other_costs.<item>``,
    NaN where netpay has no figure for that item in that city: the total leaves it out).
    ``offers`` is a list of :class:`Offer` (a single Offer gives a one-column table).

    ``period`` is 'monthly' (default) or 'annual'; ``basis`` is accepted as another name for
    ``rent_basis`` (the ``netpay compare`` command uses it). ``result.attrs['sources']`` holds, per column,
    the rent basis, period, source and address, and the source of each other cost.

    First year in Canada: given ``arrival`` (and optionally ``start``, ``pay_periods``,
    ``first_year_bonus``, ``rrsp_room``, as for :func:`evaluate`), ``view`` chooses the columns:
    'both' (default) gives two columns per offer, a MultiIndex (offer, 'year one' | 'full year');
    'year_one' or 'full_year' gives one column per offer, as without ``arrival``. In year one,
    'monthly' is per month resident in Canada and 'annual' is the part of the year resident (rent for
    those months). ``result.attrs['first_year']`` holds, per offer, the dates, days, residence
    fraction and the spring settlement of the return (:func:`netpay.first_year.evaluate_first_year`).
    """
    if period not in ("monthly", "annual"):
        raise ValueError(f"period must be 'monthly' or 'annual', not {period!r}")
    rent_basis = _basis(rent_basis, basis)
    if arrival is None and start is None:
        evaluations = evaluate_many(offers, year, bedrooms, rent_basis)
        columns, sources = _columns(evaluations, period)
        frame = pd.DataFrame(columns)
        frame.attrs["sources"] = sources
        frame.attrs["period"] = period
        frame.attrs["year"] = int(year)
        return frame
    if view not in ("both", *FIRST_YEAR_VIEWS):
        raise ValueError(f"view must be 'both', 'year_one' or 'full_year', not {view!r}")
    from netpay import first_year

    offers = _offer_list(offers)
    results = [
        first_year.evaluate_first_year(
            o,
            year,
            arrival=arrival,
            start=start,
            bedrooms=bedrooms,
            rent_basis=rent_basis,
            pay_periods=pay_periods,
            bonus=first_year_bonus,
            rrsp_room=rrsp_room,
        )
        for o in offers
    ]
    frames: dict[str, pd.DataFrame] = {}
    sources = {}
    for key, label in FIRST_YEAR_VIEWS.items():
        columns, sources = _columns([getattr(r, key) for r in results], period)
        frames[label] = pd.DataFrame(columns)
    names = list(frames["year one"].columns)
    if view == "both":
        frame = pd.concat(frames, axis=1).swaplevel(axis=1)
        frame = frame[[(n, v) for n in names for v in FIRST_YEAR_VIEWS.values()]]
    else:
        frame = frames[FIRST_YEAR_VIEWS[view]]
    frame.attrs["sources"] = sources
    frame.attrs["period"] = period
    frame.attrs["year"] = int(year)
    frame.attrs["view"] = view
    frame.attrs["first_year"] = {n: r.facts() for n, r in zip(names, results, strict=True)}
    return frame


# --------------------------------------------------------------------------- inverses


def _net(gross: FloatArray, t: Year, exact: bool) -> FloatArray:
    return compute(gross, t, exact=exact)["net_income"]


#: Half-width, in cents, of the window searched around the continuous solution (widened if needed).
_WINDOW = 40


def _solve(target: FloatArray, t: Year) -> FloatArray:
    """Whole-cent gross whose (rounded) net income is ``target``, per element: the first cent whose
    net is exactly the target if there is one, else the first whose net exceeds it.

    1. Bisection on the unrounded net (monotone: every marginal rate is below 100%) to 1/100 of a cent.
    2. Cent-level correction: the rounded net of the cents around that point, all in one array,
       with the window widened where it was too narrow.
    """
    target = np.asarray(target, dtype=np.float64)
    out = np.zeros_like(target)
    todo = target > 0
    if not todo.any():
        return out
    goal = target[todo]
    lo = goal.copy()  # net never exceeds gross
    hi = np.maximum(2.0 * goal, goal + 1_000.0)
    for _ in range(64):
        short = _net(hi, t, exact=True) < goal
        if not short.any():
            break
        hi[short] *= 2.0
    lo = np.minimum(lo, hi)
    for _ in range(200):
        if (hi - lo).max() <= 1e-4:
            break
        mid = 0.5 * (lo + hi)
        below = _net(mid, t, exact=True) < goal
        lo = np.where(below, mid, lo)
        hi = np.where(below, hi, mid)
    tol = 1e-7
    base = np.floor(lo * 100.0) - _WINDOW  # cents
    found = np.full(goal.shape, np.nan)
    pending = np.ones(goal.shape, dtype=bool)
    offsets = np.arange(2 * _WINDOW + 1, dtype=np.float64)
    for _ in range(100):
        if not pending.any():
            break
        idx = np.flatnonzero(pending)
        cents = np.maximum(base[idx, None] + offsets[None, :], 0.0)
        gross = cents / 100.0
        net = _net(gross.ravel(), t, exact=False).reshape(cents.shape)
        want = goal[idx, None]
        ok = net >= want - tol
        hit = np.abs(net - want) <= tol
        any_ok = ok.any(axis=1)
        # The first cent whose net is exactly the target, else the first that exceeds it.
        first = np.where(hit.any(axis=1), hit.argmax(axis=1), ok.argmax(axis=1))
        # The first candidate already reaching the target means the window may start too high
        # (unless it starts at zero); no candidate reaching it means the window is too low.
        too_high = ok[:, 0] & (cents[:, 0] > 0)
        done = any_ok & ~too_high
        found[idx[done]] = gross[done, first[done]]
        base[idx[too_high]] -= 2 * _WINDOW
        base[idx[~any_ok]] += 2 * _WINDOW
        pending[idx[done]] = False
    if pending.any():  # pragma: no cover - would need a marginal rate of 100% or more
        raise ArithmeticError(f"gross_for_net did not converge for net {goal[pending][:5]}")
    out[todo] = found
    return out


def _shape_like(values: FloatArray, original: Any, index: pd.Index | None, name: str) -> Any:
    if index is not None:
        return pd.Series(values, index=index, name=name)
    if np.ndim(original) == 0:
        return float(values[0])
    return values


def gross_for_net(net: npt.ArrayLike | pd.Series, province: str = "ON", year: int | None = None) -> Any:
    """The employment income whose take-home pay (``take_home(...).net_income``) is ``net``
    (``year=None``: the latest year netpay has).

    Vectorized: ``net`` is a number (-> float), a list or array (-> ndarray) or a Series (-> Series
    with its index). The answer is in whole cents: the first gross whose net income, computed
    exactly as ``take_home`` does (each contribution and tax rounded to the cent), equals ``net``
    to the cent; where no gross gives exactly that net, the first whose net exceeds it.

    Every marginal rate is above zero, so one cent more gross adds less than a cent of net, and
    several grosses a cent apart can have the same net (about half of all cents above $100,000):
    no inverse can tell them apart. ``take_home(gross_for_net(n)).net_income == n`` for every
    reachable ``n``; ``gross_for_net(take_home(x).net_income)`` is ``x`` or a gross a few cents
    away with exactly the same take-home pay.

    >>> from netpay.engine import take_home
    >>> g = gross_for_net(take_home(100_000, "BC", 2026).loc[0, "net_income"], "BC", 2026)
    >>> abs(g - 100_000) < 0.10
    True
    """
    arr, index = as_amounts(net, "net")
    t = Year.load(province, year)
    return _shape_like(_solve(arr, t), net, index, "gross")


def _monthly_city_costs(place: _cities.City, bedrooms: int, basis: str, items: set[str]) -> float:
    """Monthly rent plus the other monthly costs named in ``items``."""
    r = _cities.rent(place.name, bedrooms, basis)
    return r.amount + sum(c.monthly for name, c in _cities.other_costs(place.name).items() if name in items)


def _shared_cost_items(a: _cities.City, b: _cities.City) -> set[str]:
    """The other-cost items both cities have a figure for; warns, naming them, about the rest."""
    have_a, have_b = set(_cities.other_costs(a.name)), set(_cities.other_costs(b.name))
    for name, only in ((a.name, have_a - have_b), (b.name, have_b - have_a)):
        if only:
            warnings.warn(
                f"equivalent_salary leaves out {', '.join(sorted(only))}: netpay has a figure for {name} only; "
                "compare with evaluate(..., other_costs={...}) to count it in both cities",
                stacklevel=3,
            )
    return have_a & have_b


def equivalent_salary(
    salary: npt.ArrayLike | pd.Series,
    from_city: str,
    to_city: str,
    year: int,
    bedrooms: int = 1,
    rent_basis: str = "asking",
) -> Any:
    """The salary in ``to_city`` that leaves the same monthly disposable income as ``salary`` in
    ``from_city``: rent (``bedrooms``, ``rent_basis``) and other monthly costs of each city, taxes
    of each city's province, a plain salary (no bonus or benefits). Only the cost items both
    cities have a figure for are compared; a warning names any left out.

    Vectorized like :func:`gross_for_net`. Where no salary can do it (the other city is so much
    cheaper that the net needed would be negative) the answer is NaN.

    >>> s = equivalent_salary(140_000, "Toronto", "Montréal", 2026)
    >>> 90_000 < s < 140_000
    True
    """
    arr, index = as_amounts(salary, "salary")
    a, b = _cities.city(from_city), _cities.city(to_city)
    net_a = _net(arr, Year.load(a.province, year), exact=False)
    items = _shared_cost_items(a, b)
    delta = _monthly_city_costs(b, bedrooms, rent_basis, items) - _monthly_city_costs(a, bedrooms, rent_basis, items)
    target = round_cents(net_a + 12.0 * delta)
    out = np.full(arr.shape, np.nan)
    ok = target >= 0
    if ok.any():
        out[ok] = _solve(target[ok], Year.load(b.province, year))
    return _shape_like(out, salary, index, "salary")
