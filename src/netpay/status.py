"""Every figure's status, in every output: what an evaluation used and what can be claimed of it.

A figure is 'verified' (seen in its cited source), 'unverified' (e.g. a copy of a Statistics Canada
table read from a public repository, not from Statistics Canada), 'not enacted' (a budget measure
before Royal Assent was seen) or 'projected' (a future year's table built by indexation); see
:data:`netpay.tables.schema.STATUSES`. A figure the user gave (``rent=``, ``other_costs=``) is
'user override': nothing to flag, it is theirs.

- :func:`city_statuses` and :func:`flagged_city_figures`: the rent and each other cost of a
  :class:`~netpay.citydata.CityCosts`.
- :func:`netpay.tables.status.tax_tables_status`: the federal, payroll and provincial tables.
- :func:`flagged_benefit_figures`: the figures of a household's benefit lines
  (:mod:`netpay.benefits.figures`).
- :func:`require_verified`: strict mode, an :class:`~netpay.errors.UnverifiedFigureError` naming each
  figure that is not verified and how to proceed.
- :data:`LABELS`: what a footer or a caption writes next to a figure of each status.
- :func:`place_statuses` and :func:`result_attrs`: what a result computed for several cities (as
  ``netpay.equivalent_salary``) says in its ``attrs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netpay.benefits.figures import flagged_benefit_figures as benefit_figures
from netpay.citydata import USER_OVERRIDE, CityCosts, CostFigure, bedroom_label
from netpay.errors import UnverifiedFigureError
from netpay.tables.schema import STATUSES, weakest_status
from netpay.tables.status import TaxTablesStatus, tax_tables_status

__all__ = [
    "FLAGGED",
    "LABELS",
    "USER_OVERRIDE",
    "TaxTablesStatus",
    "city_statuses",
    "cost_status",
    "flagged_benefit_figures",
    "flagged_city_figures",
    "flagged_tax_figures",
    "label",
    "overall",
    "place_statuses",
    "require_verified",
    "result_attrs",
    "row_status",
    "tax_tables_status",
]

#: The statuses an output must point out (all but 'verified' and the user's own figures).
FLAGGED: tuple[str, ...] = tuple(s for s in STATUSES if s != "verified")

#: What is written next to a figure of each status ('' for a verified one or the user's own).
LABELS: dict[str, str] = {
    "verified": "",
    USER_OVERRIDE: "",
    "unverified": "unverified copy",
    "not enacted": "budget measure; enactment not verified",
    "projected": "projected",
}

#: Where each kind of city figure is kept.
RENTS_FILE, COSTS_FILE = "data/rent/rents.csv", "data/costs/other_costs.csv"


def label(status: str, copy: bool = True) -> str:
    """The words for ``status`` next to a figure: 'unverified copy', 'projected', ... ('' when verified).
    ``copy=False`` for a figure that is not a copy of its source (a derived cost): 'unverified'."""
    if status == "unverified" and not copy:
        return "unverified"
    return LABELS.get(status, status)


def cost_status(figure: CostFigure) -> str:
    """The status of a city figure: 'user override' for the user's own, else verified or unverified."""
    if figure.is_override:
        return USER_OVERRIDE
    if figure.status in STATUSES:  # a living-cost item's own status ('projected': CPI carried forward)
        return figure.status
    return "verified" if figure.verified else "unverified"


def row_status(verified: bool) -> str:
    """The status column of a listed rent row: 'verified', or 'unverified copy' (read in a copy of
    the cited table, not at the source)."""
    return "verified" if verified else label("unverified")


def overall(statuses: Iterable[str]) -> str:
    """The weakest of ``statuses`` (the one an output shows); the user's own figures count as verified."""
    return weakest_status(s for s in statuses if s in STATUSES)


def city_statuses(costs: CityCosts) -> dict[str, str]:
    """'rent' and 'other_costs.<item>' -> the status of that figure."""
    return {
        "rent": cost_status(costs.rent),
        **{f"other_costs.{item}": cost_status(f) for item, f in costs.items.items()},
    }


def flagged_city_figures(costs: CityCosts) -> tuple[str, ...]:
    """Each city figure that is not verified, named by city, item, file and source:
    'Toronto rent (1-bedroom, asking, 2026Q2): data/rent/rents.csv, Statistics Canada ... (unverified copy)'."""
    place = costs.city.name
    out = []
    if cost_status(costs.rent) in FLAGGED:
        r = costs.rent
        what = f"{bedroom_label(costs.housing.bedrooms)}, {costs.housing.rent_basis}, {r.period}"
        out.append(f"{place} rent ({what}): {RENTS_FILE}, {r.source} ({label(cost_status(r))})")
    for item, f in costs.items.items():
        if cost_status(f) in FLAGGED:
            out.append(f"{place} {item} ({f.period}): {COSTS_FILE}, {f.source} ({label(cost_status(f), copy=False)})")
    return tuple(out)


def flagged_benefit_figures(keys: Iterable[str], years: Iterable[int]) -> list[str]:
    """Each figure the benefit lines ``keys`` ('ccb', 'child_on', ...) rest on in each of ``years``
    that is not verified: 'data/benefits/2026-27/ccb.yaml: max_under_6 (unverified)'."""
    unique = list(dict.fromkeys(keys))
    return list(dict.fromkeys(str(f) for y in years for k in unique for f in benefit_figures(k, y)))


def flagged_tax_figures(tax: TaxTablesStatus) -> tuple[str, ...]:
    """Each tax-table figure that is not verified: 'data/tax_tables/2026/sk.yaml: credit_rate (unverified)'."""
    return tuple(str(f) for f in tax.flagged)


def place_statuses(costs: CityCosts, year: int, household: bool = False) -> tuple[dict[str, str], tuple[str, ...]]:
    """The status of each figure a city's answer used ('tax_tables': the federal, payroll and
    provincial tables of ``year``, with the household-only figures when ``household``; 'rent';
    'other_costs.<item>') and each figure not verified, named by file and field or city and item."""
    tax = tax_tables_status(costs.city.province, year, household=household)
    statuses = {"tax_tables": tax.status, **city_statuses(costs)}
    return statuses, (*flagged_tax_figures(tax), *flagged_city_figures(costs))


def result_attrs(statuses: Mapping[str, Mapping[str, str]], flagged: Iterable[str], year: int) -> dict[str, Any]:
    """The ``attrs`` of a result computed for several places, in ``compare``'s words: ``statuses``
    (place -> line -> status), ``status`` (the weakest of all), ``projected`` (a tax table is a
    projection; then ``projection``, its basis), ``flagged`` (each figure not verified) and ``year``."""
    from netpay import tables

    weakest = overall(s for per in statuses.values() for s in per.values())
    projected = any(per.get("tax_tables") == "projected" for per in statuses.values())
    out: dict[str, Any] = {
        "status": weakest,
        "statuses": {place: dict(per) for place, per in statuses.items()},
        "projected": projected,
        "flagged": list(dict.fromkeys(flagged)),
        "year": year,
    }
    if projected:
        out["projection"] = tables.projection_basis(year)
    return out


def require_verified(flagged: Mapping[str, Sequence[str]], fix: str | None = None) -> None:
    """Strict mode: nothing if no figure is flagged, else an UnverifiedFigureError naming each one
    (``flagged``: what used it -> the figures) and saying how to proceed (``fix``, default the
    Python API's keywords)."""
    named = {who: list(dict.fromkeys(figures)) for who, figures in flagged.items() if figures}
    if not named:
        return
    listed = "; ".join(f"{who}: {', '.join(figures)}" for who, figures in named.items())
    fix = fix or (
        "To proceed: give your own figures, evaluate(offer, rent=..., other_costs={item: amount}) (0 leaves "
        "an item out); choose a year or province whose tax tables are verified; or drop strict=True to use "
        "these figures, labelled as they are."
    )
    raise UnverifiedFigureError(f"strict: only verified figures were asked for, and these are not: {listed}. {fix}")
