"""Benefit figures reviewers found wrong or unsaid (issue 11): the NWT Child Benefit's levels by count
per age group, benefits paid before they existed, and ``strict=True`` with a household."""

from __future__ import annotations

import datetime as dt

import pytest

import netpay
from netpay.benefits import household_benefits
from netpay.benefits.base import nil_reason
from netpay.benefits.figures import flagged_benefit_figures
from netpay.cli import main
from netpay.errors import UnverifiedFigureError
from netpay.rules.benefits import child
from netpay.tables.benefits import load_benefit


def nt(afni: float, under_6: int, older: int, period: str = "2025-26") -> float:
    return child.child_benefit_annual(
        afni, float(under_6), float(older), False, child.params(load_benefit(period, "child_nt"))
    )


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


# --------------------------------------------------------------------------- a benefit before it began

D = dt.date


def pei(year: int, afni: float):
    born = D(2020, 5, 1)
    got = household_benefits(
        "PE",
        year,
        family_net_income={y: afni for y in range(year - 3, year)},
        children=[born],
        couple=True,
        working_income=afni,
    )
    return next(b for b in got if b.key == "child_pe")


def test_pei_child_benefit_is_nil_in_2024_and_says_when_it_began():
    # PEI: 'first payments beginning in January 2025'; 2024 months are nil, not the 2025-26 $30 a month
    got = pei(2024, 40_000)
    assert got.amount == 0 and got.monthly == (0.0,) * 12
    assert "Prince Edward Island Child Benefit began in January 2025: nil before" in got.notes
    assert not any("figures are used as they are" in n for n in got.notes)  # no stand-in period


def test_pei_child_benefit_is_nil_before_its_first_table_too():
    # 2023: January-June in 2022-23 (no table: the nearest, 2023-24, is 'none: true'), July-December in 2023-24
    got = pei(2023, 40_000)
    assert got.amount == 0 and any("began in January 2025" in n for n in got.notes)


def test_pei_child_benefit_is_paid_from_january_2025():
    # one child, AFNI $40,000 (< $45,000): $30 a month from January 2025 (2024-25 on 2023 income, then
    # 2025-26 on 2024 income): 12 x 30 = 360
    got = pei(2025, 40_000)
    assert got.monthly == (30.0,) * 12 and got.amount == pytest.approx(360)
    # AFNI $60,000 ($45,000-$80,000): $20 a month: 12 x 20 = 240
    assert pei(2025, 60_000).amount == pytest.approx(240)
    assert got.status == "verified"


def test_a_none_table_is_nil_for_its_own_period_only():
    # the 2023-24 'none: true' file zeroes 2023-24 months, not the later years (the old reading of the
    # first file's 'none' zeroed every year)
    assert pei(2026, 40_000).amount == pytest.approx(360)
    assert nil_reason(load_benefit("2023-24", "child_pe"), D(2024, 3, 1)) is not None
    assert nil_reason(load_benefit("2024-25", "child_pe"), D(2024, 12, 1)) is not None
    assert nil_reason(load_benefit("2024-25", "child_pe"), D(2025, 1, 1)) is None


def test_saskatchewan_with_none_in_every_period_still_says_so():
    got = household_benefits(
        "SK",
        2026,
        family_net_income={2024: 20_000, 2025: 20_000},
        children=[D(2023, 5, 1)],
        couple=True,
        working_income=20_000,
    )
    sk = next(b for b in got if b.key == "child_sk")
    assert sk.amount == 0 and "no provincial child benefit" in sk.notes


# --------------------------------------------------------------------------- strict=True with a household


def test_strict_with_a_household_names_each_unverified_benefit_figure():
    # every province's household tax figures and the CCB's 2026-27 figures (indexed, secondary) are
    # unverified, so no household passes strict today: the error names the benefit files and fields
    home = netpay.Household(spouse=netpay.Spouse(income=0), children=[netpay.Child(born=2023)])
    offer = netpay.Offer(base_salary=140_000, city="Toronto")
    with pytest.raises(UnverifiedFigureError) as caught:
        netpay.evaluate(offer, 2026, rent=2_000, other_costs={"transit_pass": 0}, household=home, strict=True)
    text = str(caught.value)
    assert "data/benefits/2026-27/ccb.yaml: max_under_6 (unverified)" in text
    assert "data/benefits/2026/cwb.yaml: max_family (unverified)" in text
    # a figure of another benefit year standing in is named as such, projected
    assert "data/benefits/2025-26/child_on.yaml standing in for 2026-27: amounts (projected)" in text
    assert "drop strict=True" in text
    # without strict the same household is evaluated, the lines labelled
    e = netpay.evaluate(offer, 2026, rent=2_000, other_costs={"transit_pass": 0}, household=home)
    assert {b.key: b.status for b in e.household.benefits}["ccb"] == "unverified"


def test_strict_leaves_out_a_benefit_line_whose_figures_are_verified():
    # PEI 2024: the PEI Child Benefit's 2023-24 'none' and 2024-25 figures are verified (nil before
    # January 2025): nothing to name
    assert flagged_benefit_figures("child_pe", 2024) == ()
    assert flagged_benefit_figures("ccb", 2024) == ()  # 2023-24 and 2024-25 CCB, both seen at CRA
    assert [str(f) for f in flagged_benefit_figures("ccb", 2025)] == [
        "data/benefits/2025-26/ccb.yaml: rates1 (unverified)",
        "data/benefits/2025-26/ccb.yaml: rates2 (unverified)",
    ]
    # a Toronto household in 2024: its CCB line rests on verified figures only, so strict does not name it
    home = netpay.Household(spouse=netpay.Spouse(income=0), children=[netpay.Child(born=2020)])
    offer = netpay.Offer(base_salary=90_000, city="Toronto")
    with pytest.raises(UnverifiedFigureError) as caught:
        netpay.evaluate(offer, 2024, rent=1_500, other_costs={"transit_pass": 0}, household=home, strict=True)
    assert "ccb.yaml" not in str(caught.value) and "data/benefits/2024/cwb.yaml" in str(caught.value)


def test_cli_strict_with_a_household_names_the_benefit_figures(capsys):
    args = ["compare", "--salary", "140k", "--city", "Toronto", "--spouse-income", "0", "--child", "2023",
            "--year", "2026", "--strict"]  # fmt: skip
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "data/benefits/2026-27/ccb.yaml: max_under_6 (unverified)" in err and "drop --strict" in err
