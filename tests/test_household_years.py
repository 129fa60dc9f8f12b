"""The household in every shipped year (2024 and 2025 as well as 2026) and the Nunavut Child Benefit.

Every expected figure is worked out by hand below from the cited tables (data/tax_tables/2024/,
data/tax_tables/2025/, data/benefits/2023-24/ to 2025-26/), as a change from the single person's
return where the tax is concerned. Child care fees are given (``childcare=0``) so the tests do not
depend on the fee data. A child born in 2021 is taken as born on 1 July 2021: under 6 all of 2024
and 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import netpay
from netpay import tables
from netpay.benefits import household_benefits
from netpay.errors import NetpayError
from netpay.household import Child, Household, Spouse
from netpay.jurisdictions import NAMES
from netpay.rules import household as rules
from netpay.rules.benefits import child
from netpay.tables.benefits import load_benefit, periods

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

D = dt.date
ONE_EARNER = Household(spouse=Spouse(income=0), children=[Child(born=2021, childcare=0)])


def pair(salary: float, city: str, year: int) -> tuple[netpay.Evaluation, netpay.Evaluation]:
    o = netpay.Offer(base_salary=salary, city=city)
    return netpay.evaluate(o, year), netpay.evaluate(o, year, household=ONE_EARNER)


def benefit(e: netpay.Evaluation, key: str) -> float:
    return next(b.amount for b in e.household.benefits if b.key == key)


# --------------------------------------------------------------------------- every year has the figures


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("code", sorted(NAMES))
def test_every_shipped_year_has_the_household_figures(code, year):
    assert tables.load(year, code).missing_household_figures() == []
    assert tables.load(year, tables.FEDERAL).child_care_expenses is not None


def test_a_year_without_the_figures_is_still_refused_by_name(monkeypatch):
    # no shipped year lacks them now: make Ontario's file say it does (no cached table is changed)
    from netpay.tables.taxes import OntarioTable

    monkeypatch.setattr(OntarioTable, "missing_household_figures", lambda self: ["spouse_amount"])
    with pytest.raises(NetpayError, match=r"no household figures for 2024 \(on.yaml: spouse_amount\)"):
        netpay.evaluate(netpay.Offer(base_salary=90_000, city="Toronto"), 2024, household=ONE_EARNER)


# --------------------------------------------------------------------------- Ontario 2024


def test_ontario_2024_one_earner_one_child():
    # $90,000 salary, 2024: net income (line 23600) = 90,000 - enhanced CPP 1% x (68,500 - 3,500) = 650
    #   - CPP2 4% x (73,200 - 68,500) = 188 -> 89,162; the spouse has none: family net income 89,162.
    # Federal line 30300: 89,162 < 173,205, so the claimant's BPA is the full 15,705; less the spouse's
    #   income 0 = 15,705; x 15% = 2,355.75 off federal tax.
    # ON428 line 58120 (TD1ON 2024): min(10,528, 10,528 + 1,053 - 0) = 10,528; x 5.05% = 531.66 off basic
    #   Ontario tax. Basic Ontario tax = 5.05% x 51,446 + 9.15% x (89,162 - 51,446) = 2,598.02 + 3,451.01
    #   = 6,049.03 less the single credits (12,399 + CPP base 4.95% x 65,000 = 3,217.50 + EI 1.66% x 63,200
    #   = 1,049.12) x 5.05% = 841.61 -> 5,207.42 < 5,554, the first surtax threshold: no surtax before or
    #   after; the tax reduction is nil (2 x 286 + 2 x 529 = 1,630 < the tax) and the health premium is on
    #   the same taxable income. So Ontario tax falls by 531.66 exactly.
    alone, family = pair(90_000, "Toronto", 2024)
    assert family.household.family_net_income == pytest.approx(89_162)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 2_355.75, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 531.66, abs=0.01)
    assert family.household.transfers["provincial_household_amount"] == pytest.approx(10_528)


def test_ontario_2024_ccb_from_two_benefit_years():
    # netpay takes the family net income of 2022 and 2023 equal to 2024's: 89,162.
    # January-June 2024 from July 2023-June 2024 (data/benefits/2023-24/ccb.yaml, CRA sheet): one child
    #   under 6: 7,437 - [0.07 x (75,537 - 34,863) = 2,847.18 -> 2,847 + 3.2% x (89,162 - 75,537 = 13,625)
    #   = 436.00] = 7,437 - 3,283 = 4,154.00 a year -> 4,154 / 12 = 346.17 a month.
    # July-December from July 2024-June 2025: 7,787 - [2,981 + 3.2% x (89,162 - 79,087 = 10,075) = 322.40]
    #   = 4,483.60 a year -> 373.63 a month.
    # Paid in 2024: 6 x 346.17 + 6 x 373.63 = 2,077.02 + 2,241.78 = 4,318.80, from verified tables only.
    _, family = pair(90_000, "Toronto", 2024)
    ccb = next(b for b in family.household.benefits if b.key == "ccb")
    assert ccb.amount == pytest.approx(4_318.80)
    assert ccb.status == "verified"
    # GST/HST credit 2023-24: 650 + 171 = 821 - 5% x (89,162 - 42,335) < 0 -> 0
    assert benefit(family, "gst_credit") == 0.0


def test_the_2023_24_tables_are_used_for_january_to_june_2024():
    # A family at AFNI $20,000 with one child under 6: below both thresholds, the maximum of each year.
    # CCB: January-June 7,437 / 12 = 619.75; July-December 7,787 / 12 = 648.916... -> 648.92.
    # GST/HST credit (couple): 2023-24 (325 + 325 + 171) / 4 = 205.25 in January and April; 2024-25
    #   (340 + 340 + 179) / 4 = 214.75 in July and October.
    got = {
        b.key: b
        for b in household_benefits(
            "ON",
            2024,
            family_net_income={2022: 20_000, 2023: 20_000},
            children=[D(2021, 7, 1)],
            couple=True,
            working_income=20_000,
        )
    }
    assert got["ccb"].monthly == (619.75,) * 6 + (648.92,) * 6
    assert got["gst_credit"].monthly[0] == 205.25 and got["gst_credit"].monthly[3] == 205.25
    assert got["gst_credit"].monthly[6] == 214.75 and got["gst_credit"].monthly[9] == 214.75
    assert not any("no ccb table" in n for n in got["ccb"].notes)
    # the Ontario Child Benefit has no 2023-24 table: January-June use 2024-25's, said so and projected
    assert got["child_on"].status == "projected" and any("2023-24" in n for n in got["child_on"].notes)


def test_bc_family_benefit_2023_24():
    # July 2023-June 2024 (data/benefits/2023-24/child_bc.yaml): one child, AFNI $50,000:
    # 1,750 - 4% x (50,000 - 27,354 = 22,646) = 1,750 - 905.84 = 844.16 (above the 775 minimum);
    # AFNI $95,000: the minimum 775 less 4% x (95,000 - 87,533 = 7,467) = 775 - 298.68 = 476.32.
    p = child.params(load_benefit("2023-24", "child_bc"))
    assert child.child_benefit_annual(50_000, 1, 0, False, p) == pytest.approx(844.16)
    assert child.child_benefit_annual(95_000, 1, 0, False, p) == pytest.approx(476.32)


def test_bc_family_benefit_paid_in_2024():
    # $90,000 in Vancouver, 2024: family net income 89,162 (as in Ontario: the same CPP).
    # January-June from 2023-24: 1,750 - 4% x (89,162 - 27,354) < 775 -> the minimum 775; above the second
    #   threshold 87,533: 775 - 4% x (89,162 - 87,533 = 1,629) = 775 - 65.16 = 709.84 -> 59.15 a month.
    # July-December from 2024-25 (the bonus year): 2,188 - 4% x (89,162 - 35,902) < 969 -> the minimum 969
    #   (89,162 < 114,887) -> 80.75 a month. Paid in 2024: 6 x 59.15 + 6 x 80.75 = 354.90 + 484.50 = 839.40.
    _, family = pair(90_000, "Vancouver", 2024)
    assert benefit(family, "child_bc") == pytest.approx(839.40)


def test_alberta_child_and_family_benefit_2023_24():
    # July 2023-June 2024 base component: (1,410 + 705) for two children, linear from $25,935 to zero at
    # $43,460: at the midpoint 34,697.50 half, 1,057.50; below $25,935 the full 2,115; at 43,460 nil.
    p = child.params(load_benefit("2023-24", "child_ab"))
    assert child.child_benefit_annual(34_697.5, 0, 2, False, p) == pytest.approx(1_057.50)
    assert child.child_benefit_annual(25_000, 0, 2, False, p) == pytest.approx(2_115)
    assert child.child_benefit_annual(43_460, 0, 2, False, p) == 0.0


# --------------------------------------------------------------------------- British Columbia and Alberta 2025


def test_british_columbia_2025_one_earner_one_child():
    # $90,000 salary, 2025: net income = 90,000 - 1% x (71,300 - 3,500) = 678 - 4% x (81,200 - 71,300)
    #   = 396 -> 88,926.
    # Federal: 16,129 (88,926 < 177,882) x 14.5% (2025's blended lowest rate) = 2,338.705 off federal tax.
    # BC428 line 58120 (gov.bc.ca 2025: 11,073): the spouse's income 0 is under the threshold: 11,073
    #   x 5.06% = 560.29 off BC tax (no surtax; the BC tax reduction is nil at 88,926).
    alone, family = pair(90_000, "Vancouver", 2025)
    assert family.household.family_net_income == pytest.approx(88_926)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 2_338.705, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 560.29, abs=0.02)
    # BC Family Benefit: January-June from 2024-25 (the bonus year), one child at 88,926:
    #   2,188 - 4% x (88,926 - 35,902 = 53,024) = 67.04 < the minimum 969 -> 969 / 12 = 80.75 a month;
    #   July-December from 2025-26: 1,750 - 4% x (88,926 - 29,526) = -626 -> the minimum 775 (88,926 is
    #   under the 94,483 second threshold) / 12 = 64.58. Paid in 2025: 6 x 80.75 + 6 x 64.58 = 871.98.
    assert benefit(family, "child_bc") == pytest.approx(871.98)
    # CCB: January-June 2024-25: 7,787 - (2,981 + 3.2% x 9,839 = 314.848) = 4,491.152 -> 374.26 a month;
    #   July-December 2025-26: 0.07 x (81,222 - 37,487) = 3,061.45 -> 3,061; 7,997 - (3,061 + 3.2% x
    #   (88,926 - 81,222 = 7,704) = 246.528) = 4,689.472 -> 390.79. 6 x 374.26 + 6 x 390.79 = 4,590.30.
    assert benefit(family, "ccb") == pytest.approx(4_590.30)


def test_alberta_2025_one_earner_one_child():
    # Federal as in BC: 2,338.705. AB428 line 58120 (= the Alberta BPA, derived): 22,323 - 0 = 22,323
    #   x 8% = 1,785.84 off Alberta tax. The supplemental credit needs credit amounts over 60,000: here
    #   22,323 + 22,323 + CPP base 4.95% x 67,800 = 3,356.10 + EI 1.64% x 65,700 = 1,077.48 = 49,079.58,
    #   so none. The Alberta Child and Family Benefit is nil at 88,926 (base zero at 45,285 / 46,191).
    alone, family = pair(90_000, "Calgary", 2025)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 2_338.705, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 1_785.84, abs=0.01)
    assert benefit(family, "child_ab") == 0.0


# --------------------------------------------------------------------------- the territories' returns


def test_nunavut_and_northwest_territories_household_amounts_2024_and_2025():
    # No NT or NU city ships, so the rules are read directly. NU 2025: spouse amount = the NU BPA 19,274
    # from the spouse's first dollar: a spouse with 1,000 leaves 18,274; plus $1,200 per child under 6
    # for the lower-income spouse (role LOWER): 2 children -> 2,400 (no spouse claim).
    nu = netpay.engine.Ruleset.load("NU", 2025).common.household
    assert rules.provincial_household_amount(1.0, 80_000, 1_000, rules.HIGHER, 0, 0, nu, 1.0) == 18_274
    assert rules.provincial_household_amount(0.0, 0, 0, rules.LOWER, 2, 2, nu, 1.0) == 2_400
    # NT 2024: 17,373 less the spouse's income 17,000 -> 373; NT has no amount for children.
    nt = netpay.engine.Ruleset.load("NT", 2024).common.household
    assert rules.provincial_household_amount(1.0, 80_000, 17_000, rules.HIGHER, 1, 1, nt, 1.0) == 373
    assert rules.provincial_household_amount(0.0, 0, 0, rules.LOWER, 1, 1, nt, 1.0) == 0
    # NS 2024 (TD1NS-WS): 8,481 in full to a spouse income of 848, nil from 9,329.
    ns = netpay.engine.Ruleset.load("NS", 2024).common.household
    assert rules.provincial_household_amount(1.0, 90_000, 848, rules.HIGHER, 0, 0, ns, 1.0) == 8_481
    assert rules.provincial_household_amount(1.0, 90_000, 9_329, rules.HIGHER, 0, 0, ns, 1.0) == 0
    # SK 2024: 18,491 to 1,849, and 7,015 for each child 18 or under claimed by the lower earner.
    sk = netpay.engine.Ruleset.load("SK", 2024).common.household
    assert rules.provincial_household_amount(1.0, 90_000, 1_849, rules.HIGHER, 0, 0, sk, 1.0) == 18_491
    assert rules.provincial_household_amount(0.0, 0, 0, rules.LOWER, 0, 2, sk, 1.0) == 14_030


# --------------------------------------------------------------------------- the Nunavut Child Benefit


def nucb(period: str, afni: float, under_6: int, older: int, earned: float) -> float:
    p = child.params(load_benefit(period, "child_nu"))
    return child.child_benefit_for_family(afni, float(under_6), float(older), False, earned, p)


def test_nunavut_child_benefit_2024_25():
    # 2024-25 (CRA): $29 a month a child = 348 a year; the territorial workers' supplement for earned
    # income over $3,955: $24.16 a month for one child = 289.92, $30.75 for two or more = 369.00.
    # Below AFNI $22,065, one child, earned income $20,000: 348 + 289.92 = 637.92.
    assert nucb("2024-25", 20_000, 1, 0, 20_000) == pytest.approx(637.92)
    # without earned income (or at exactly $3,955: "more than"), the basic benefit only: 348
    assert nucb("2024-25", 20_000, 1, 0, 0) == pytest.approx(348)
    assert nucb("2024-25", 3_955, 1, 0, 3_955) == pytest.approx(348)
    assert nucb("2024-25", 3_956, 1, 0, 3_956) == pytest.approx(637.92)
    # one child at AFNI $30,000: 637.92 - 3% x (30,000 - 22,065 = 7,935) = 637.92 - 238.05 = 399.87
    assert nucb("2024-25", 30_000, 1, 0, 30_000) == pytest.approx(399.87)
    # two children at $30,000: 2 x 348 + 369 = 1,065 - 5% x 7,935 = 1,065 - 396.75 = 668.25
    assert nucb("2024-25", 30_000, 1, 1, 30_000) == pytest.approx(668.25)
    # one child: nil from 22,065 + 637.92 / 3% = 43,329 (well under a $90,000 salary)
    assert nucb("2024-25", 43_330, 1, 0, 43_330) == 0.0


def test_nunavut_child_benefit_paid_in_2024_and_later_years_projected():
    # One child under 6, AFNI and earned income $30,000 in every year.
    # January-June 2024 from 2023-24: 28.91 x 12 = 346.92 + 24.08 x 12 = 288.96 -> 635.88
    #   - 3% x (30,000 - 21,999 = 8,001) = 635.88 - 240.03 = 395.85 a year -> 32.99 a month;
    # July-December from 2024-25: 399.87 -> 33.32 a month. 6 x 32.99 + 6 x 33.32 = 197.94 + 199.92 = 397.86.
    def paid(year: int) -> netpay.benefits.Benefit:
        found = household_benefits(
            "NU",
            year,
            family_net_income={year - 2: 30_000, year - 1: 30_000},
            children=[D(2021, 7, 1)],
            couple=True,
            working_income=30_000,
        )
        return next(b for b in found if b.key == "child_nu")

    got = paid(2024)
    assert got.monthly == (32.99,) * 6 + (33.32,) * 6
    assert got.amount == pytest.approx(397.86)
    assert "not modelled" not in got.label and got.status == "unverified"  # the reduction rates are not seen
    # 2026: no 2025-26 or 2026-27 table: the 2024-25 figures as they are, marked projected, each year named
    later = paid(2026)
    assert later.monthly == (33.32,) * 12 and later.status == "projected"
    assert any("2025-26" in n for n in later.notes) and any("2026-27" in n for n in later.notes)


@given(
    a=st.floats(0, 200_000),
    b=st.floats(0, 200_000),
    under_6=st.integers(0, 4),
    older=st.integers(0, 4),
    earned=st.floats(0, 100_000),
    period=st.sampled_from(["2023-24", "2024-25"]),
)
def test_nunavut_child_benefit_never_rises_with_income(a, b, under_6, older, earned, period):
    low, high = sorted((a, b))
    assert 0 <= nucb(period, high, under_6, older, earned) <= nucb(period, low, under_6, older, earned) + 1e-9


def test_every_province_and_territory_has_a_child_benefit_file():
    # Québec's family allowance is a calendar-year file; the others are child_<code> (SK: none: true)
    have = {name for names in periods().values() for name in names}
    assert {f"child_{c.lower()}" for c in NAMES if c != "QC"} <= have
    assert netpay.benefits.provincial.NOT_MODELLED == {}


def test_territories_child_benefits_apply_in_2024():
    # NT (unchanged since 2017, linear from $30,000 to $80,000): one child under 6 at AFNI $55,000:
    #   815 x (80,000 - 55,000) / 50,000 = 407.50 a year -> 33.958 -> 33.96 a month, twelve months.
    # YT: the 2023-24 figures (876 less 2.5% over 35,000): at $30,000 the full 876 -> 73.00 a month.
    for code, afni, month in (("NT", 55_000, 33.96), ("YT", 30_000, 73.00)):
        found = household_benefits(
            code,
            2024,
            family_net_income={2022: afni, 2023: afni},
            children=[D(2021, 7, 1)],
            couple=True,
            working_income=afni,
        )
        got = next(b for b in found if b.key == f"child_{code.lower()}")
        assert got.monthly == (month,) * 12, code
