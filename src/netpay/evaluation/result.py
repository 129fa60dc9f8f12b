"""One offer evaluated over the years (:class:`Evaluation`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from netpay.evaluation.year import FULL_YEAR_ATTRIBUTES, YearEvaluation
from netpay.lines import LINES
from netpay.offer_terms import ClawbackCost
from netpay.status import overall
from netpay.timeline import Arrival

_MOVE_ATTRIBUTES = frozenset({"arrival", "start", "pay_periods", "bonus_rule", "days_resident", "days_in_year"})


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
    #: years of a horizon (``evaluate(..., horizon=)``): None for a one-year evaluation (and its move)
    horizon: int | None = None
    #: the yearly discount rate of a horizon's present values and cumulative lines
    discount_rate: float = 0.0
    #: what the offer may take back (e.g. a signing bonus clawback), one sentence each
    risks: tuple[str, ...] = ()
    #: a horizon's signing bonus clawback: the cost of repaying it in each year it could be repaid
    #: (gross, tax saved, after tax: ``netpay.evaluation.risk``)
    clawback: tuple[ClawbackCost, ...] = ()

    def __getattr__(self, name: str) -> Any:
        if name in FULL_YEAR_ATTRIBUTES:
            return getattr(self.full_year, name)
        if name in _MOVE_ATTRIBUTES:  # a property of the move, and there is no move
            raise AttributeError(f"this evaluation has no move: give evaluate(..., arrival=) for its {name}")
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def full_year(self) -> YearEvaluation:
        """The first year resident all year (the year after the year of arrival, with a move)."""
        return self.years[1] if self.move is not None and len(self.years) > 1 else self.years[0]

    @property
    def year_one(self) -> YearEvaluation:
        """The year of arrival (with a move; else the first year)."""
        return self.years[0]

    @property
    def status(self) -> str:
        """The weakest status of the figures any of its years used (``YearEvaluation.status``)."""
        return overall(y.status for y in self.years)

    @property
    def flagged_figures(self) -> tuple[str, ...]:
        """Each figure any of its years used that is unverified, not enacted or projected."""
        return tuple(dict.fromkeys(f for y in self.years for f in y.flagged_figures))

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

    def by_year(self) -> pd.DataFrame:
        """A horizon's lines (``netpay.lines.HORIZON_LINES``), one column per tax year, annual
        amounts, with the cumulative lines (see :mod:`netpay.evaluation.horizon`)."""
        from netpay.evaluation.horizon import horizon_frame

        return horizon_frame(self)

    def named_years(self) -> dict[str, YearEvaluation]:
        """The years by column name: 'year one' and 'full year' with a move, else 'full year'; the
        tax years ('2026', '2027', ...) of a horizon."""
        if self.horizon is not None:
            return {str(y.year): y for y in self.years}
        if self.move is None:
            return {"full year": self.years[0]}
        return {"year one": self.years[0], "full year": self.years[1]}
