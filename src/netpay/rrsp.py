"""The RRSP dollar limit of each tax year (``data/rrsp_limits.yaml``).

A person's RRSP deduction limit is 18% of the previous year's earned income, up to the year's
dollar limit, less the pension adjustment, plus unused room carried forward (ITA s. 146(1)); it is
printed on the notice of assessment. Without it, netpay caps RRSP deductions at the dollar limit,
the most anyone can have from one year's income, and says so.
"""

from __future__ import annotations

import functools
import warnings

from pydantic import BaseModel, ConfigDict, Field

from netpay import tables
from netpay.errors import UnknownYearError

FILE = "rrsp_limits.yaml"


class RrspLimits(BaseModel):
    """The file's schema: the dollar limit by year, and a source for each year."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    limits: dict[int, float] = Field(min_length=1)
    sources: dict[str, list[tables.Source]]

    def cited(self) -> RrspLimits:
        """Every year's limit has a source."""
        missing = sorted(str(y) for y in self.limits if str(y) not in self.sources)
        if missing:
            raise ValueError(f"no source for year(s) {missing}")
        return self


@functools.cache
def dollar_limits() -> RrspLimits:
    """The validated file (cached)."""
    label = f"data/{FILE}"
    table: RrspLimits = tables.validate(tables.read_yaml(tables.data_root() / FILE, label), RrspLimits, label)
    return table.cited()


def dollar_limit(year: int) -> float:
    """The RRSP dollar limit of ``year``: the most that can be deducted for it (line 20800)."""
    limits = dollar_limits().limits
    if int(year) not in limits and int(year) > max(limits) and tables.is_projected(int(year)):
        return projected_dollar_limit(int(year))
    if int(year) not in limits:
        have = ", ".join(map(str, sorted(limits)))
        raise UnknownYearError(f"no RRSP dollar limit for {year} in data/{FILE} (it has {have}); give rrsp_room=")
    return limits[int(year)]


def projected_dollar_limit(year: int) -> float:
    """A projected year's dollar limit: the last shipped one grown by the assumed wage growth each year,
    rounded to the nearest $10 (the money purchase limit, ITA s. 147.1(1), follows the average wage;
    projected, not published)."""
    limits = dollar_limits().limits
    last = max(limits)
    value = limits[last]
    for y in range(last + 1, year + 1):
        value = (
            tables.indexation.round_to(
                tables.indexation.grow(value, tables.indexation.step("wages", y).rate) / 10, "dollar"
            )
            * 10
        )
    return value


def deduction_limit(year: int, rrsp_room: float | None, contributing: bool) -> float:
    """The RRSP deduction limit to apply in ``year``: ``rrsp_room`` if given, else the year's dollar
    limit, with a warning when someone contributes (their own limit may be lower)."""
    if rrsp_room is not None:
        return float(rrsp_room)
    limit = dollar_limit(year)
    if contributing:
        warnings.warn(
            f"RRSP contributions are deducted up to the {year} RRSP dollar limit (${limit:,.0f}); your own "
            "deduction limit is 18% of last year's earned income (up to that) plus unused room, on your "
            "notice of assessment: give rrsp_room= to use it",
            stacklevel=tables.user_stacklevel(),
        )
    return limit


# --------------------------------------------------------------------------- room over the years

#: The share of the previous year's earned income that becomes RRSP room (ITA s. 146(1), "RRSP
#: deduction limit": the lesser of the RRSP dollar limit for the year and 18% of the earned income
#: for the preceding year).
EARNED_INCOME_SHARE = 0.18


def new_room(year: int, earned_income_before: float, pension_adjustment_before: float = 0.0) -> float:
    """The RRSP room a year adds: min(18% x earned income of ``year`` - 1, the dollar limit of
    ``year``) - the pension adjustment of ``year`` - 1 (ITA s. 146(1)), to the cent. A newcomer's
    earned income of the year before arrival is 0: no room in the year of arrival."""
    accrued = min(EARNED_INCOME_SHARE * max(earned_income_before, 0.0), dollar_limit(year))
    return round(accrued - pension_adjustment_before, 2)


def next_room(
    year: int, unused_before: float, earned_income_before: float, pension_adjustment_before: float = 0.0
) -> float:
    """The RRSP deduction limit of ``year``: the room left unused at the end of ``year`` - 1 plus
    :func:`new_room` (never below 0)."""
    return max(round(unused_before + new_room(year, earned_income_before, pension_adjustment_before), 2), 0.0)
