"""Who claims what in a household, and how much: the inputs of each adult's return.

From the adults' first returns (each filed alone), for one tax year:

- the **child care expense deduction** (T1 line 21400, Form T778) is claimed by the spouse with the
  lower net income (line 23600), or the single parent: the least of the fees paid, 2/3 of the
  claimant's earned income (here employment income) and the per-child limits summed over every
  eligible child (ITA s. 63). A spouse without earned income can deduct nothing (the exceptions -
  a spouse at school, infirm, in prison or separated - are not modelled).
- the **spouse amount** (line 30300 and the 428 forms' line 58120) is claimed by the spouse with the
  higher net income, on the other's net income after the child care deduction; a single parent
  claims the **eligible dependant amount** (line 30400, 58160) for one child under 18 (net income 0).
- in **Québec** the spouse with the lower income transfers the unused part of their basic personal
  amount credit to the other (TP-1 line 431); the TP-1 has no spouse amount and no child care
  deduction (its refundable credit for non-subsidized child care is a benefit,
  ``netpay.benefits.childcare_credit``).
- the **amounts for children** on the 428 forms go to the lower-income spouse or single parent; the
  Ontario tax reduction's dependants to the higher-income one (``netpay.rules.household``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netpay.rules import household as rules

#: Fields of :class:`netpay.engine.Incomes` the household sets.
FIELDS = (
    "childcare_deduction",
    "claim",
    "dependant_net_income",
    "role",
    "children_under_6",
    "children",
    "credits_transferred",
    "spouse_net_income",
)


@dataclass(frozen=True)
class Adult:
    """What the transfers read of one adult's first return (filed alone)."""

    net_income: float
    earned_income: float
    quebec_taxable_income: float


@dataclass(frozen=True)
class Family:
    """The household's facts for one tax year: children by age, child care fees paid, and the rules'
    figures (per-child limits of line 21400; Québec's basic personal amount credit, or None)."""

    couple: bool
    children_under_6: int
    children: int
    #: children under 18 (the eligible dependant amount)
    minors: int
    #: children 6 or under and 7 to 16 at year end (line 21400's limits)
    young: int
    older: int
    childcare_fees: float
    young_limit: float
    older_limit: float
    #: Québec: (credit rate, basic personal amount prorated, lines of the schedule); None elsewhere
    quebec: tuple[float, float, Any] | None = None


def inputs(primary: Adult, spouse: Adult | None, f: Family) -> tuple[dict[str, float], dict[str, float]]:
    """The household inputs of the primary adult's return and of the spouse's (zeros without a spouse)."""
    none = dict.fromkeys(FIELDS, 0.0)
    limit = rules.child_care_limit(f.young, f.older, f.young_limit, f.older_limit)
    if spouse is None:
        p = dict(none, children_under_6=float(f.children_under_6), children=float(f.children))
        p["childcare_deduction"] = rules.child_care_deduction(f.childcare_fees, primary.earned_income, limit)
        p["claim"] = 1.0 if f.minors > 0 else 0.0
        return p, none
    primary_higher = primary.net_income >= spouse.net_income
    higher, lower = (primary, spouse) if primary_higher else (spouse, primary)
    deduction = rules.child_care_deduction(f.childcare_fees, lower.earned_income, limit)
    kids = {"children_under_6": float(f.children_under_6), "children": float(f.children)}
    h = dict(none, **kids, role=rules.HIGHER, claim=1.0)
    h["dependant_net_income"] = h["spouse_net_income"] = max(lower.net_income - deduction, 0.0)
    low = dict(none, **kids, role=rules.LOWER, childcare_deduction=deduction, spouse_net_income=higher.net_income)
    if f.quebec is not None:
        rate, bpa, lines = f.quebec
        h["credits_transferred"] = rules.quebec_unused_credits(lower.quebec_taxable_income, bpa, rate, lines)
    return (h, low) if primary_higher else (low, h)
