"""Building evaluations: offers -> components -> the engine -> :class:`YearEvaluation` lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from netpay import citydata, rrsp, status
from netpay.citydata import CityCosts, Housing, monthly_costs
from netpay.components import FULL_YEAR, IncomeComponents, Residence, TaxResult, tax
from netpay.evaluation.result import Evaluation
from netpay.evaluation.year import YearEvaluation
from netpay.money import FloatArray, round_cents
from netpay.offer import Offer


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
    offers: Sequence[Offer],
    province: str,
    year: int,
    residence: Residence,
    room: float,
    start: dt.date | None = None,
    carried: float = 0.0,
) -> tuple[IncomeComponents, TaxResult, FloatArray]:
    """The offers and their twins without one-time payments, taxed in one pass of the engine (with
    ``start``, the first day of work, the equity grants' tranches of ``year`` count), and the RRSP
    contributions of earlier years deducted this year (``carried``, see :func:`carried_deduction`)."""
    components, extra = offer_components(offers, province, year, room, start, carried)
    return components, tax(components, province, year, residence), extra


def offer_components(
    offers: Sequence[Offer],
    province: str,
    year: int,
    room: float,
    start: dt.date | None = None,
    carried: float = 0.0,
) -> tuple[IncomeComponents, FloatArray]:
    """The components of the offers followed by their twins without one-time payments (with
    ``start``, the equity grants' tranches of ``year``), the deductions including the RRSP
    contributions of earlier years deducted this year (``carried``), and that carried deduction."""
    components = IncomeComponents.from_offers(offers, province, room, year=year, start=start).concat(
        IncomeComponents.from_offers(offers, province, room, one_time=False, year=year, start=start)
    )
    extra = carried_deduction(components, [*offers, *offers], room, carried)
    return dataclasses.replace(components, deductions=components.deductions + extra), extra


def carried_deduction(components: IncomeComponents, offers: Sequence[Offer], room: float, carried: float) -> FloatArray:
    """RRSP contributions of earlier years not yet deducted (``carried``) are deductible in a later
    year, within the room this year's own contributions leave: "unused RRSP contributions", reported
    on Schedule 7 and carried forward (CRA, "What to do with unused RRSP, PRPP or SPP contributions"):
    min(carried, room - this year's contributions deducted)."""
    own = np.array([o.employer_rrsp_match + o.employee_rrsp for o in offers]) - components.rrsp_not_deducted
    return np.minimum(float(carried), np.maximum(float(room) - own, 0.0))


def year_evaluations(
    offers: Sequence[Offer],
    year: int,
    housing: Housing,
    residence: Residence = FULL_YEAR,
    rrsp_room: float | None = None,
    start: dt.date | None = None,
    rrsp_carried: float = 0.0,
) -> list[YearEvaluation]:
    """Each offer evaluated for one tax ``year`` at ``residence`` (a year of arrival covers 12 x the
    residence fraction months); offers in the same province go through the engine together.
    ``rrsp_room`` is the RRSP deduction limit (None: the year's dollar limit). ``start``: the first
    day of work, from which equity grants vest (None: only the flat ``equity_vesting`` counts).
    ``rrsp_carried``: RRSP contributions of earlier years not deducted yet (a horizon's)."""
    contributing = any(o.employer_rrsp_match + o.employee_rrsp > 0 for o in offers)
    room = rrsp.deduction_limit(year, rrsp_room, contributing)
    cities = {name: citydata.city(name) for name in dict.fromkeys(o.city for o in offers)}
    places = [cities[o.city] for o in offers]
    costs = {place.name: monthly_costs(place, housing, year=year) for place in cities.values()}
    # what only the city and the drug plan decide, built once per (city, drug plan), not per offer
    shared: dict[tuple[str, bool], dict[str, Any]] = {}
    out: list[YearEvaluation | None] = [None] * len(offers)
    for province in dict.fromkeys(p.province for p in places):
        idx = [i for i, p in enumerate(places) if p.province == province]
        here = [offers[i] for i in idx]
        components, result, carried = _offer_taxes(here, province, year, residence, room, start, rrsp_carried)
        net = round_cents(components.cash - result.total_deductions - components.out_of_cash).tolist()
        columns = {k: getattr(result, k).tolist() for k in _TAX_LINES}
        columns |= {
            "rrsp_not_deducted": round_cents(components.rrsp_not_deducted).tolist(),
            "employment_income": components.employment_income.tolist(),
            "cash_income": components.cash.tolist(),
            "equity_shares": components.equity_shares.tolist(),
            "rrsp_carried_deducted": round_cents(carried).tolist(),
        }
        for j, i in enumerate(idx):
            lines = {k: v[j] for k, v in columns.items()}
            lines |= {"net_cash": net[j], "net_cash_recurring": net[len(idx) + j]}
            c, drug_plan = costs[places[i].name], not offers[i].group_insurance
            if (c.city.name, drug_plan) not in shared:
                shared[c.city.name, drug_plan] = {**_city_lines(c), **_status_lines(c, year, drug_plan)}
            out[i] = _year(offers[i], c, year, residence, room, lines | shared[c.city.name, drug_plan])
    return [y for y in out if y is not None]


#: Lines of the engine's result an evaluation shows.
_TAX_LINES = (
    *("taxable_income", "provincial_taxable_income", "cpp", "ei", "qpip", "federal_tax", "provincial_tax"),
    *("payroll_tax", "ramq_premium"),
)


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
        "living_missing": c.missing,
    }


def _status_lines(c: CityCosts, year: int, drug_plan: bool) -> dict[str, Any]:
    """The status of every figure used (tax tables of the city's province, rent, other costs), and
    those to point out; ``drug_plan``: the offer has no group plan (Québec's premium is used)."""
    tax = status.tax_tables_status(c.city.province, year, drug_plan=drug_plan)
    flagged = (*status.flagged_tax_figures(tax), *status.flagged_city_figures(c))
    return {"statuses": {"tax_tables": tax.status, **status.city_statuses(c)}, "flagged_figures": flagged}


def _year(
    o: Offer, costs: CityCosts, year: int, residence: Residence, room: float, lines: dict[str, Any]
) -> YearEvaluation:
    """One offer's year: ``lines`` holds its taxes and its city's lines (:func:`_city_lines`,
    :func:`_status_lines`)."""
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
