"""Canada Child Benefit (CRA, 'CCB calculation sheet'; Income Tax Act s. 122.61).

Annual benefit = $max_under_6 x children under 6 + $max_6_to_17 x children 6 to 17
               - rate1(n) x (AFNI - threshold1), for AFNI between the two thresholds
               - [fixed(n) + rate2(n) x (AFNI - threshold2)], above the second,
where n is the number of children (4 or more share the last rates) and fixed(n) is rate1(n) x
(threshold2 - threshold1) rounded to the dollar (the sheet's '$2,981 + 3.2%' for one child in 2024-25).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import CcbTable


class Params(NamedTuple):
    max_under_6: float
    max_6_to_17: float
    threshold1: float
    threshold2: float
    rates1: tuple[float, float, float, float]
    rates2: tuple[float, float, float, float]


def params(table: CcbTable) -> Params:
    r1, r2 = table.rates1, table.rates2
    return Params(
        float(table.max_under_6),
        float(table.max_6_to_17),
        float(table.threshold1),
        float(table.threshold2),
        (float(r1[0]), float(r1[1]), float(r1[2]), float(r1[3])),
        (float(r2[0]), float(r2[1]), float(r2[2]), float(r2[3])),
    )


@rule
def ccb_reduction(afni: float, children: float, p: Params) -> float:
    """Steps 1 and 2 of the calculation sheet: the reduction for ``children`` children at ``afni``."""
    k = int(min(children, 4.0)) - 1
    if afni <= p.threshold1:
        return 0.0
    if afni <= p.threshold2:
        return p.rates1[k] * (afni - p.threshold1)
    fixed = math.floor(p.rates1[k] * (p.threshold2 - p.threshold1) + 0.5)
    return fixed + p.rates2[k] * (afni - p.threshold2)


@rule
def ccb_annual(afni: float, under_6: float, aged_6_to_17: float, p: Params) -> float:
    """The annual CCB for a family with these children at the start of the month (not below 0)."""
    children = under_6 + aged_6_to_17
    if children <= 0.0:
        return 0.0
    full = under_6 * p.max_under_6 + aged_6_to_17 * p.max_6_to_17
    return max(full - ccb_reduction(afni, children, p), 0.0)
