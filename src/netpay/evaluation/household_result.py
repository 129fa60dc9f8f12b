"""A household's evaluation as netpay returns it, and its rows in comparison tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from netpay.evaluation.household import HouseholdYear, household_evaluations
from netpay.evaluation.result import Evaluation
from netpay.household import Household
from netpay.lines import HOUSEHOLD_LINES, label
from netpay.offer import Offer


class HouseholdEvaluation(Evaluation):
    """An :class:`Evaluation` of one offer with a household: the primary adult's lines (their taxes with
    the household's claims) and ``household``, the household's lines for the full year.
    ``monthly_disposable`` is the household's (``household_disposable``)."""

    household: HouseholdYear
    #: with a move: the household's lines in the year of arrival
    year_one_household: HouseholdYear | None = None

    @property
    def monthly_disposable(self) -> float:
        return self.household.monthly_disposable

    @property
    def household_disposable(self) -> float:
        return self.household.monthly_disposable

    def table(self, period: str | None = None) -> pd.DataFrame:
        """The lines of :meth:`Evaluation.table`, then the household's (labelled)."""
        base = super().table(period)
        if self.move is None and period is None:
            annual, monthly = self.household.lines("annual"), self.household.lines("monthly")
            columns = {"annual": annual, "monthly": {k: monthly[k] for k in annual}}
        else:
            per = period or "annual"
            one = self.year_one_household or self.household
            columns = {"year one": one.lines(per), "full year": self.household.lines(per)}
            columns = {k: v for k, v in columns.items() if k in base.columns}
        extra = pd.DataFrame(columns).rename(index=household_labels(self.household))
        return pd.concat([base, extra])


def household_labels(h: HouseholdYear) -> dict[str, str]:
    """Row labels of the household lines: the registry's, and each benefit's own."""
    return {k: label(k) for k in HOUSEHOLD_LINES} | {f"benefit.{b.key}": b.label for b in h.benefits}


def evaluate_household(
    offers: Sequence[Offer], year: int, housing: Any, household: Household, rrsp_room: float | None = None
) -> list[HouseholdEvaluation]:
    """Each offer evaluated for a full ``year`` with ``household``, as :class:`HouseholdEvaluation`."""
    household.check_children(year, year)
    return [
        HouseholdEvaluation(years=(y,), household=h)
        for y, h in household_evaluations(offers, year, housing, household, rrsp_room)
    ]


def _per_column(evaluations: Sequence[HouseholdEvaluation], view: str | None) -> list[HouseholdYear]:
    """The household lines of each column of a comparison: one per evaluation, or with a move per
    ``view`` ('both': year one then the full year), or 'horizon': one per year of each evaluation."""
    out: list[HouseholdYear] = []
    for e in evaluations:
        if view == "horizon":
            out += list(_yearly(e))
            continue
        one = e.year_one_household or e.household
        out += {None: [e.household], "full_year": [e.household], "year_one": [one], "both": [one, e.household]}[view]
    return out


def _yearly(e: HouseholdEvaluation) -> tuple[HouseholdYear, ...]:
    """The household lines of each year of a horizon (its ``households``), else the evaluation's."""
    return tuple(getattr(e, "households", ())) or (e.household,)


def with_household_rows(
    frame: pd.DataFrame, evaluations: Sequence[HouseholdEvaluation], period: str, view: str | None = None
) -> pd.DataFrame:
    """``frame`` (a comparison of the evaluations) followed by the household's rows (``HOUSEHOLD_LINES``,
    then ``benefit.<key>`` for every benefit any column has: 0 where a household receives none);
    ``attrs['sources'][name]['household']`` (and, with a move, ``'household_year_one'``) cites the
    lines and benefits."""
    lines = [h.lines(period) for h in _per_column(evaluations, view)]
    benefit_keys = sorted({k for ln in lines for k in ln if k.startswith("benefit.")})
    rows = [*HOUSEHOLD_LINES, *benefit_keys]
    block = {column: [ln.get(k, 0.0) for k in rows] for column, ln in zip(frame.columns, lines, strict=True)}
    out = pd.concat([frame, pd.DataFrame(block, index=rows, columns=frame.columns)])
    out.attrs = dict(frame.attrs)
    sources = {name: dict(s) for name, s in frame.attrs.get("sources", {}).items()}
    for name, e in zip(list(sources), evaluations, strict=True):
        sources[name]["household"] = _cited(*(_yearly(e) if view == "horizon" else (e.household,)))
        if e.year_one_household is not None:
            sources[name]["household_year_one"] = _cited(e.year_one_household)
    out.attrs["sources"] = sources
    out.attrs["labels"] = {k: v for e in evaluations for h in _yearly(e) for k, v in household_labels(h).items()}
    return out


def _cited(*households: HouseholdYear) -> dict[str, list[str]]:
    """The citations of each household line and benefit (of several years: each citation once)."""
    cited: dict[str, list[str]] = {}
    for h in households:
        lines = {k: list(v) for k, v in h.sources.items()}
        lines |= {f"benefit.{b.key}": [*b.sources, f"status: {b.status}"] for b in h.benefits}
        for k, v in lines.items():
            cited[k] = list(dict.fromkeys([*cited.get(k, []), *v]))
    return cited
