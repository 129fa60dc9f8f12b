"""The RRSP dollar limit of each tax year (``data/rrsp_limits.yaml``).

A person's RRSP deduction limit is 18% of the previous year's earned income, up to the year's
dollar limit, less the pension adjustment, plus unused room carried forward (ITA s. 146(1)); it is
printed on the notice of assessment. Without it, netpay caps RRSP deductions at the dollar limit,
the most anyone can have from one year's income, and says so.
"""

from __future__ import annotations

import functools

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
    if int(year) not in limits:
        have = ", ".join(map(str, sorted(limits)))
        raise UnknownYearError(f"no RRSP dollar limit for {year} in data/{FILE} (it has {have}); give rrsp_room=")
    return limits[int(year)]
