"""Québec's refundable tax credit for childcare expenses (Schedule C of the TP-1, carried to line
455; Taxation Act ss. 1029.8.67 ff.), which in Québec takes the place of a deduction (the federal
line 21400 deduction still applies on the federal return).

eligible expenses = min(fees paid for eligible children, other than the reduced contribution of a
                        subsidised space,
                        limit_under_7 x children under 7 at the end of the year
                        + limit_other x the other eligible children, those under the age limit
                        at some point in the year, each with fees paid)
credit            = rate(family income) x eligible expenses
where rate is the table's rate for the band the family income (yours and your spouse's) falls in:
78% up to the first threshold, down to 67% above the last ('supérieur à ... sans dépasser').
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import ChildcareCreditTable

#: Rates in a table (thresholds: one fewer); a shorter table repeats its last band.
BANDS = 8
#: An income no family reaches: the top of a padded band.
NEVER = 1e18

Seven = tuple[float, float, float, float, float, float, float]
Eight = tuple[float, float, float, float, float, float, float, float]


class Params(NamedTuple):
    limit_under_7: float
    limit_other: float
    thresholds: Seven
    rates: Eight


def params(t: ChildcareCreditTable) -> Params:
    """The table as the rule reads it: thresholds padded with :data:`NEVER`, rates with the last rate."""
    tops = [float(x) for x in t.thresholds] + [NEVER] * (BANDS - 1 - len(t.thresholds))
    rates = [float(x) for x in t.rates] + [float(t.rates[-1])] * (BANDS - len(t.rates))
    return Params(float(t.limit_under_7), float(t.limit_other), tuple(tops), tuple(rates))  # type: ignore[arg-type]


@rule
def childcare_credit_rate(family_income: float, p: Params) -> float:
    """The credit rate for ``family_income``: the first band whose threshold it does not exceed."""
    for k in range(BANDS - 1):
        if family_income <= p.thresholds[k]:
            return p.rates[k]
    return p.rates[BANDS - 1]


@rule
def eligible_childcare_expenses(fees: float, under_7: float, others: float, p: Params) -> float:
    """Schedule C's eligible expenses: the non-subsidised ``fees`` paid in the year, up to the sum
    of the annual limits of the ``under_7`` and ``others`` eligible children they were paid for."""
    limit = p.limit_under_7 * under_7 + p.limit_other * others
    return min(max(fees, 0.0), limit)


@rule
def quebec_childcare_credit(family_income: float, fees: float, under_7: float, others: float, p: Params) -> float:
    """The year's refundable tax credit for childcare expenses (Schedule C; TP-1 line 455)."""
    return childcare_credit_rate(family_income, p) * eligible_childcare_expenses(fees, under_7, others, p)
