"""Provincial and territorial child benefits of one common shape (``ChildBenefitTable``): the
Ontario Child Benefit, BC Family Benefit, Alberta Child and Family Benefit (base component), Québec's
family allowance, the New Brunswick Child Tax Benefit, the Nova Scotia, Prince Edward Island,
Newfoundland and Labrador, Yukon, Northwest Territories, Nunavut and Manitoba child benefits.

full    = the per-child amounts by rank (children under 6 first, at their own amounts where they
          differ; the last rank repeats; with ``per_age_group_counts`` each age group ranks by its
          own count: the NWT's level for the number under 6 plus that for the number aged 6-17)
          + the single-parent supplement + a working family's
          supplement by number of children when the family's earned income is above a threshold
          (Nunavut's territorial workers' supplement)
step 1  = full - rate(n) x (AFNI - threshold), or full x (1 - the share of the way from threshold
          to zero_at), not below the minimum (per child + the single parent's minimum)
step 2  = above threshold2, the remaining amount less rate2(n) x (AFNI - threshold2), not below 0.
Income bands instead pay flat per-child amounts for the band the AFNI falls in.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import linear_phase
from netpay.rules.jit import rule
from netpay.tables.benefits import ChildBenefitTable

RANKS = 5
BANDS = 3
#: An income no family reaches: the top of an open-ended band, or a threshold that never binds.
NEVER = 1e18

Five = tuple[float, float, float, float, float]
Four = tuple[float, float, float, float]


class Params(NamedTuple):
    amounts: Five
    amounts_under_6: Five
    single_parent: float
    threshold: float
    threshold_single_parent: float
    rates: Four
    zero_at: float
    minimum: Five
    single_parent_minimum: float
    threshold2: float
    rates2: Four
    band_tops: tuple[float, float, float]
    band_amounts: tuple[Five, Five, Five]
    banded: bool
    working_supplement: Four
    working_threshold: float
    per_group: bool


def ranks(values: list[float] | None, n: int) -> tuple[float, ...]:
    """``values`` padded to ``n`` by repeating the last (empty: zeros)."""
    v = [float(x) for x in (values or [0.0])]
    return tuple(v[:n] + [v[-1]] * max(n - len(v), 0))


def params(t: ChildBenefitTable) -> Params:
    bands = list(t.bands or [])[:BANDS]
    tops = [float(b.up_to) if b.up_to is not None else NEVER for b in bands] + [NEVER] * (BANDS - len(bands))
    amounts = [ranks(b.amounts, RANKS) for b in bands] + [ranks(None, RANKS)] * (BANDS - len(bands))
    threshold = float(t.threshold if t.threshold is not None else NEVER)
    return Params(
        ranks(t.amounts, RANKS),  # type: ignore[arg-type]
        ranks(t.amounts_under_6 or t.amounts, RANKS),  # type: ignore[arg-type]
        float(t.single_parent or 0.0),
        threshold,
        float(t.threshold_single_parent if t.threshold_single_parent is not None else threshold),
        ranks(t.rates, 4),  # type: ignore[arg-type]
        float(t.zero_at or 0.0),
        ranks(t.minimum, RANKS),  # type: ignore[arg-type]
        float(t.single_parent_minimum or 0.0),
        float(t.threshold2 if t.threshold2 is not None else NEVER),
        ranks(t.rates2, 4),  # type: ignore[arg-type]
        (tops[0], tops[1], tops[2]),
        (amounts[0], amounts[1], amounts[2]),  # type: ignore[arg-type]
        bool(bands),
        ranks(t.working_supplement, 4),  # type: ignore[arg-type]
        float(t.working_income_threshold if t.working_income_threshold is not None else NEVER),
        bool(t.per_age_group_counts),
    )


@rule
def per_child(under_6: float, older: float, younger_amounts: Five, amounts: Five) -> float:
    """The sum of the per-child amounts, children under 6 taking the first ranks."""
    total = 0.0
    rank = 0
    for _ in range(int(under_6)):
        total += younger_amounts[min(rank, 4)]
        rank += 1
    for _ in range(int(older)):
        total += amounts[min(rank, 4)]
        rank += 1
    return total


@rule
def full_amounts(under_6: float, older: float, p: Params) -> float:
    """The per-child amounts before any reduction: all children ranked together (under 6 first), or,
    with ``per_age_group_counts``, the under-6 level for the number under 6 plus the 6-17 level for
    the number aged 6 to 17 (GNWT Finance, 'NWT Child Benefit': NWTCB = C + D)."""
    if p.per_group:
        younger = per_child(under_6, 0.0, p.amounts_under_6, p.amounts_under_6)
        return younger + per_child(0.0, older, p.amounts, p.amounts)
    return per_child(under_6, older, p.amounts_under_6, p.amounts)


@rule
def banded_amount(afni: float, children: float, p: Params) -> float:
    """Flat per-child amounts of the income band AFNI falls in."""
    for b in range(3):
        if afni <= p.band_tops[b]:
            return per_child(0.0, children, p.band_amounts[b], p.band_amounts[b])
    return 0.0


@rule
def working_supplement(children: float, earned_income: float, p: Params) -> float:
    """The working family's supplement for ``children`` (by number, 4 or more alike) when the
    family's earned income is above the threshold; nil without one in the table."""
    if children <= 0.0 or earned_income <= p.working_threshold:
        return 0.0
    return p.working_supplement[int(min(children, 4.0)) - 1]


@rule
def child_benefit_annual(afni: float, under_6: float, older: float, single_parent: bool, p: Params) -> float:
    """The annual benefit for the family as it stands at the start of the month, without a working
    family's supplement (a family with no earned income)."""
    return child_benefit_for_family(afni, under_6, older, single_parent, 0.0, p)


@rule
def child_benefit_for_family(
    afni: float, under_6: float, older: float, single_parent: bool, earned_income: float, p: Params
) -> float:
    """The annual benefit for the family as it stands at the start of the month, with the working
    family's supplement on the family's ``earned_income`` where the table has one."""
    children = under_6 + older
    if children <= 0.0:
        return 0.0
    if p.banded:
        return banded_amount(afni, children, p)
    k = int(min(children, 4.0)) - 1
    supplement = p.single_parent if single_parent else 0.0
    full = full_amounts(under_6, older, p) + supplement
    full += working_supplement(children, earned_income, p)
    threshold = p.threshold_single_parent if single_parent else p.threshold
    if p.zero_at > 0.0:
        step1 = full * (1.0 - linear_phase(afni, threshold, p.zero_at))
    else:
        step1 = full - p.rates[k] * max(afni - threshold, 0.0)
    floor = per_child(under_6, older, p.minimum, p.minimum) + (p.single_parent_minimum if single_parent else 0.0)
    remaining = max(step1, floor)
    if afni > p.threshold2:
        remaining -= p.rates2[k] * (afni - p.threshold2)
    return max(remaining, 0.0)
