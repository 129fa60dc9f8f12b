"""Benefit figures reviewers found wrong or unsaid (issue 11): the NWT Child Benefit's levels by count
per age group, benefits paid before they existed, and ``strict=True`` with a household."""

from __future__ import annotations

import pytest

from netpay.rules.benefits import child
from netpay.tables.benefits import load_benefit


def nt(afni: float, under_6: int, older: int, period: str = "2025-26") -> float:
    return child.child_benefit_annual(afni, float(under_6), float(older), False, child.params(load_benefit(period, "child_nt")))


# GNWT Finance, 'NWT Child Benefit': NWTCB = C + D below $30,000, (C + D) - (A - 30,000)(C + D) / (80,000 - 30,000)
# above; C by the number of children under 6 (1: $815, 2: $1,467, 3: $1,997, 4: $2,445), D by the number
# aged 6 to 17 (1: $652, 2: $1,174, 3: $1,597, 4: $1,956).


@pytest.mark.parametrize("period", ["2024-25", "2025-26", "2026-27"])
def test_nt_one_child_of_each_age_group_adds_both_first_levels(period):
    # C(1) + D(1) = 815 + 652 = 1,467 (ranked together it was 815 + 522 = 1,337)
    assert nt(20_000, 1, 1, period) == pytest.approx(1_467)


def test_nt_two_under_6_take_the_two_child_level():
    # C(2) = 1,467 (= 815 + 652 by rank); D(0) = 0
    assert nt(20_000, 2, 0) == pytest.approx(1_467)
    # two aged 6-17: D(2) = 1,174
    assert nt(20_000, 0, 2) == pytest.approx(1_174)
    # two under 6 and one older: C(2) + D(1) = 1,467 + 652 = 2,119
    assert nt(20_000, 2, 1) == pytest.approx(2_119)


def test_nt_mixed_family_at_the_reduction():
    # at the threshold nothing is taken: 1,467
    assert nt(30_000, 1, 1) == pytest.approx(1_467)
    # $40,000: 1,467 - (40,000 - 30,000) x 1,467 / 50,000 = 1,467 - 293.40 = 1,173.60
    assert nt(40_000, 1, 1) == pytest.approx(1_173.60)
    # $80,000: 1,467 - 50,000 x 1,467 / 50,000 = 0
    assert nt(80_000, 1, 1) == pytest.approx(0.0, abs=1e-9)


def test_other_provinces_still_rank_all_children_together():
    # only the NWT table sets the flag (the other tables have no separate under-6 amounts)
    from netpay.tables.benefits import periods

    flagged = {
        (p, n)
        for p, names in periods().items()
        for n in names
        if n.startswith("child_") and getattr(load_benefit(p, n), "per_age_group_counts", None)
    }
    assert flagged == {("2024-25", "child_nt"), ("2025-26", "child_nt"), ("2026-27", "child_nt")}
