"""GST/HST credit, the Canada Groceries and Essentials Benefit from July 2026 (Income Tax Act s. 122.5;
Bill C-19, S.C. 2026, c. 1).

Annual credit = increase x (adult + spouse, or for a single parent the spouse amount for the first
child, + child x each other child + the single supplement) - rate x (AFNI - threshold), not below 0.
The single supplement is paid in full to a single parent and phased in for a single person without
children at ``supplement_rate`` of net income over ``supplement_start``; a couple has none.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import GstCreditTable


class Params(NamedTuple):
    adult: float
    spouse: float
    child: float
    single_supplement: float
    supplement_start: float
    supplement_rate: float
    threshold: float
    rate: float
    increase: float


def params(t: GstCreditTable) -> Params:
    return Params(
        t.adult, t.spouse, t.child, t.single_supplement, t.supplement_start, t.supplement_rate, t.threshold, t.rate,
        t.increase or 1.0,
    )  # fmt: skip


@rule
def gst_credit_maximum(net_income: float, couple: bool, children: float, p: Params) -> float:
    """The credit before the income reduction: the amounts for the adults, the children and the supplement."""
    if couple:
        return p.adult + p.spouse + p.child * children
    if children > 0.0:  # a single parent: the first child counts as a spouse, and the full supplement
        return p.adult + p.spouse + p.child * (children - 1.0) + p.single_supplement
    return p.adult + min(p.single_supplement, p.supplement_rate * max(net_income - p.supplement_start, 0.0))


@rule
def gst_credit_annual(afni: float, couple: bool, children: float, p: Params) -> float:
    """The annual GST/HST credit (CGEB): the increased maximum less 5% of AFNI over the threshold."""
    full = p.increase * gst_credit_maximum(afni, couple, children, p)
    return max(full - p.rate * max(afni - p.threshold, 0.0), 0.0)
