"""A household over a horizon of years (``evaluate(..., household=, horizon=)``): each year's benefits
by hand from the benefit tables, the incomes of the years before, children ageing, child care by
age, and the properties (a horizon of one is the one-year household; a household of one is the
single person's horizon; total value is the sum of its parts).

Figures: data/benefits/2025-26/ccb.yaml (max_under_6 7,997, threshold1 37,487) and
data/benefits/2026-27/ccb.yaml (max_under_6 8,157, max_6_to_17 6,883, threshold1 38,237); one
child: the reduction is 7% of the family net income above threshold1 up to threshold2 (81,222 and
82,847, never reached here). netpay ships no CCB table after 2026-27: later benefit years use the
2026-27 figures as they are (marked projected). The enhanced CPP deduction (line 22215) is 1% of
earnings above $3,500 up to the YMPE (the 1% rate and the $3,500 exemption are fixed in law; every
salary below is under 2026's YMPE of 74,600, which the projected years raise).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netpay
from netpay.errors import NetpayError
from netpay.household import Child, Household, Spouse

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

ONE_CHILD = Household(spouse=Spouse(income=0), children=[Child(born=2023)])


def ccb(h) -> float:
    return next(b.amount for b in h.benefits if b.key == "ccb")


# --------------------------------------------------------------------------- by hand


def test_a_couple_with_a_child_born_2023_in_ontario_over_three_years():
    # One earner in Toronto, $60,000 raised 10% a year: 60,000, 66,000, 72,600; the spouse has no
    # income. Family net income (line 23600, both adults) = salary - 1% x (salary - 3,500):
    #   2026: 60,000 - 565 = 59,435; 2027: 66,000 - 625 = 65,375; 2028: 72,600 - 691 = 71,909.
    o = netpay.Offer(base_salary=60_000, raise_percent=10, city="Toronto")
    e = netpay.evaluate(o, 2026, household=ONE_CHILD, horizon=3)
    h = e.households
    assert [x.family_net_income for x in h] == pytest.approx([59_435, 65_375, 71_909])
    # The child (born 2023, taken as 1 July 2023) is under 6 all through 2026-2028.
    # 2026 - January-June: 2025-26 table on 2024's income (before the horizon: taken as 2026's):
    #   7,997 - 7% x (59,435 - 37,487 = 21,948) = 7,997 - 1,536.36 = 6,460.64 a year; / 12 = 538.39 x 6
    #   = 3,230.34. July-December: 2026-27 on 2025's (taken as 2026's): 8,157 - 7% x (59,435 - 38,237
    #   = 21,198) = 8,157 - 1,483.86 = 6,673.14; / 12 = 556.095 -> 556.10 x 6 = 3,336.60. Total 6,566.94.
    # 2027 - January-June: 2026-27 on 2025's (59,435): 3,336.60. July-December: 2027-28 (the 2026-27
    #   figures) on 2026's income, which the horizon knows: 59,435 again: 3,336.60. Total 6,673.20
    #   (not on 2027's own 65,375, which a one-year evaluation would assume).
    # 2028 - January-June on 2026's 59,435: 3,336.60. July-December on 2027's 65,375: 8,157 - 7% x
    #   (65,375 - 38,237 = 27,138) = 8,157 - 1,899.66 = 6,257.34; / 12 = 521.445 -> 521.45 x 6 = 3,128.70.
    #   Total 6,465.30.
    assert [ccb(x) for x in h] == pytest.approx([6_566.94, 6_673.20, 6_465.30], abs=0.001)
    # Child care: Ontario's $22-a-day cap (data/costs/childcare.csv) x 261 days / 12 = 478.50 a month,
    # the child under 6 on 1 September of each year.
    assert [x.childcare for x in h] == [478.50, 478.50, 478.50]
    # The spouse amount follows each year's tables: 16,452 in 2026 (the spouse's income is 0).
    assert h[0].transfers["federal_household_amount"] == 16_452
    # tax tables labelled year by year
    t = e.by_year()
    assert t.attrs["tax_tables"] == {2026: "shipped", 2027: "projected", 2028: "projected"}
    assert t.loc["benefit.ccb"].tolist() == pytest.approx([6_566.94, 6_673.20, 6_465.30], abs=0.001)
    # later benefit years stand in for unshipped ones, and say so
    cited = [b for b in h[1].benefits if b.key == "ccb"][0]
    assert cited.status == "projected" and any("no ccb table for 2027-28" in s for s in cited.sources)


def test_a_child_turning_6_changes_ccb_band_and_leaves_child_care():
    # The same family with a child born 15 March 2021: 6 on 15 March 2027. The CCB's under-6 amount is
    # for a child who had not turned 6 before the month (ITA s. 122.61(1)): January-March 2027 under 6,
    # April on at the 6-17 amount.
    # 2026 (under 6 all year): 6,566.94 as above.
    # 2027 - January-March: 2026-27 on 59,435: 556.10 x 3 = 1,668.30. April-June: 6,883 - 1,483.86 =
    #   5,399.14; / 12 = 449.928 -> 449.93 x 3 = 1,349.79. July-December (2027-28, the 2026-27
    #   figures) on 2026's 59,435: 449.93 x 6 = 2,699.58. Total 5,717.67.
    # 2028 - January-June on 2026's 59,435: 449.93 x 6 = 2,699.58. July-December on 2027's 65,375:
    #   6,883 - 1,899.66 = 4,983.34; / 12 = 415.278 -> 415.28 x 6 = 2,491.68. Total 5,191.26.
    home = Household(spouse=Spouse(income=0), children=[Child(born="2021-03-15")])
    o = netpay.Offer(base_salary=60_000, raise_percent=10, city="Toronto")
    h = netpay.evaluate(o, 2026, household=home, horizon=3).households
    assert [ccb(x) for x in h] == pytest.approx([6_566.94, 5_717.67, 5_191.26], abs=0.001)
    # child care: 5 on 1 September 2026 (478.50 a month); 6 on 1 September 2027: none from 2027
    assert [x.childcare for x in h] == [478.50, 0.0, 0.0]


def test_the_years_before_a_move_are_the_world_income_before_arrival():
    # A permanent resident couple arriving 1 March 2026 with one child: the CCB is paid from April 2026
    # (the month after arrival). 2026's April-June months are from the 2025-26 year on 2024's income,
    # July-December from 2026-27 on 2025's: both years before arrival, the household's
    # prior_world_income, here 0: the maximum, 7,997 / 12 = 666.4167 -> 666.42 x 3 = 1,999.26 and
    # 8,157 / 12 = 679.75 x 6 = 4,078.50; total 6,077.76.
    home = ONE_CHILD.model_copy(update={"status": "permanent_resident"})
    o = netpay.Offer(base_salary=60_000, city="Toronto")
    e = netpay.evaluate(o, 2026, arrival="2026-03-01", household=home, horizon=3)
    assert ccb(e.households[0]) == pytest.approx(6_077.76)
    # 2027: January-June from 2026-27 on 2025's income (before arrival: 0): 679.75 x 6 = 4,078.50.
    # July-December on 2026's, the year of arrival, which the horizon knows: 10 monthly pays of 5,000
    # (March-December) = 50,000 - 1% x (50,000 - 3,500) = 49,535; 8,157 - 7% x (49,535 - 38,237 =
    # 11,298) = 8,157 - 790.86 = 7,366.14; / 12 = 613.845 -> 613.85 x 6 = 3,683.10. Total 7,761.60.
    assert e.households[0].family_net_income == pytest.approx(49_535)
    assert ccb(e.households[1]) == pytest.approx(7_761.60)
    # year one is the one-year evaluation's year of arrival, to the cent
    one = netpay.evaluate(o, 2026, arrival="2026-03-01", household=home)
    assert e.year_one_household == one.year_one_household
    assert e.years[0].net_cash == one.year_one.net_cash


def test_a_work_permit_holder_is_paid_the_ccb_from_the_19th_month_in_its_own_year():
    # Arriving 1 April 2026 on a work permit: April 2026 is month 1, October 2027 month 19; the
    # horizon's 2027 is the real 2027 (a one-year evaluation's "full year" can only approximate it).
    # 2026: no CCB. Year one's family net income: 9 monthly pays of 5,000 (April-December) = 45,000
    # - 1% x (45,000 - 3,500) = 44,585.
    # 2027: October-December from the 2027-28 year (the 2026-27 figures) on 2026's 44,585: 8,157 - 7% x
    #   (44,585 - 38,237 = 6,348) = 8,157 - 444.36 = 7,712.64; / 12 = 642.72 x 3 = 1,928.16.
    # 2028: January-June on 2026's 44,585: 642.72 x 6 = 3,856.32; July-December on 2027's 59,435
    #   (60,000 - 565): 556.10 x 6 = 3,336.60 (as above). Total 7,192.92.
    home = ONE_CHILD.model_copy(update={"status": "work_permit"})
    o = netpay.Offer(base_salary=60_000, city="Toronto")
    e = netpay.evaluate(o, 2026, arrival="2026-04-01", household=home, horizon=3)
    assert [x.family_net_income for x in e.households] == pytest.approx([44_585, 59_435, 59_435])
    assert [ccb(x) for x in e.households] == pytest.approx([0.0, 1_928.16, 7_192.92], abs=0.001)
    table = e.table()
    assert list(table.columns) == ["2026", "2027", "2028"] and "Household disposable income" in table.index


def test_the_spouse_income_is_held_flat_and_the_spouse_offer_is_raised():
    o = netpay.Offer(base_salary=100_000, city="Calgary")
    flat = netpay.evaluate(o, 2026, household=Household(spouse=Spouse(income=40_000)), horizon=3)
    assert [h.spouse["spouse_employment_income"] for h in flat.households] == [40_000, 40_000, 40_000]
    # a spouse's offer of 40,000 raised 5% a year: 40,000, 42,000, 44,100
    job = netpay.Offer(base_salary=40_000, raise_percent=5, city="Calgary")
    raised = netpay.evaluate(o, 2026, household=Household(spouse=Spouse(offer=job)), horizon=3)
    assert [h.spouse["spouse_employment_income"] for h in raised.households] == pytest.approx([40_000, 42_000, 44_100])


# --------------------------------------------------------------------------- properties


cities = st.sampled_from(["Toronto", "Montréal", "Vancouver", "Calgary", "Halifax"])
homes = st.builds(
    Household,
    spouse=st.one_of(st.none(), st.builds(Spouse, income=st.floats(0, 150_000))),
    children=st.lists(st.integers(2008, 2026).map(lambda y: Child(born=y)), max_size=3),
)


@settings(max_examples=10, deadline=None)
@given(salary=st.floats(0, 300_000), city=cities, home=homes)
def test_a_horizon_of_one_year_is_the_one_year_household_to_the_cent(salary, city, home):
    o = netpay.Offer(base_salary=salary, city=city, bonus_percent=10)
    one = netpay.evaluate(o, 2026, household=home)
    e = netpay.evaluate(o, 2026, household=home, horizon=1)
    assert e.household == one.household
    for line in ("cpp", "ei", "qpip", "federal_tax", "provincial_tax", "net_cash", "net_cash_recurring"):
        assert getattr(e, line) == getattr(one, line), line
    assert e.monthly_disposable == one.monthly_disposable


@settings(max_examples=8, deadline=None)
@given(salary=st.floats(0, 300_000), city=cities, raise_percent=st.floats(0, 10), years=st.integers(2, 4))
def test_a_household_of_one_is_the_single_persons_horizon_to_the_cent(salary, city, raise_percent, years):
    o = netpay.Offer(base_salary=salary, raise_percent=raise_percent, bonus_percent=5, city=city)
    alone = netpay.evaluate(o, 2026, horizon=years).by_year()
    e = netpay.evaluate(o, 2026, household=Household(), horizon=years)
    table = e.by_year()
    for line in ("cpp", "ei", "federal_tax", "provincial_tax", "net_cash", "savings", "equity_after_tax"):
        assert table.loc[line].tolist() == alone.loc[line].tolist(), line
    # the household's value adds only the benefits a person alone is paid (GST/HST credit, CWB, ...)
    assert table.loc["total_value"].tolist() == pytest.approx(
        (alone.loc["total_value"] + table.loc["benefits"]).tolist(), abs=0.011
    )


@settings(max_examples=6, deadline=None)
@given(salary=st.floats(50_000, 250_000), spouse=st.floats(20_000, 120_000), match=st.floats(0, 8_000))
def test_total_value_is_the_sum_of_its_parts(salary, spouse, match):
    grant = netpay.RSU(grant_value=80_000, years=4, cliff_months=12, frequency="quarterly")
    o = netpay.Offer(base_salary=salary, equity=[grant], employer_rrsp_match=match, city="Vancouver")
    job = netpay.Offer(base_salary=spouse, employer_rrsp_match=2_000, equity_vesting=5_000, city="Vancouver")
    home = Household(spouse=Spouse(offer=job), children=[Child(born=2022)])
    e = netpay.evaluate(o, 2026, household=home, horizon=3, discount_rate=0.05)
    for y in e.years:
        h = y.household
        assert y.total_value == pytest.approx(y.disposable_sell_to_cover + y.equity_after_tax + y.savings, abs=0.011)
        disposable = h.monthly_disposable * h.months + y.equity_tax_from_cash - (y.rrsp_excess_tax or 0.0)
        assert y.disposable_sell_to_cover == pytest.approx(disposable, abs=0.006)
        # both adults' savings: the primary's match and the spouse's 2,000
        assert y.savings == pytest.approx(y.savings_rrsp + 2_000, abs=0.006)
        assert y.equity_after_tax == pytest.approx(y.equity_shares + 5_000 - y.equity_tax, abs=0.006)
    t = e.by_year()
    running = 0.0
    for year, factor in zip(t.columns, (1.0, 1 / 1.05, 1 / 1.05**2), strict=True):
        running += t.loc["total_value", year] * factor
        assert t.loc["cumulative_total_value", year] == pytest.approx(running, abs=0.02)


# --------------------------------------------------------------------------- compare, errors


def test_compare_has_offer_and_year_columns_with_the_household_rows():
    offers = [netpay.Offer(base_salary=90_000, city=c) for c in ("Toronto", "Montréal")]
    t = netpay.compare(offers, 2026, household=ONE_CHILD, horizon=2)
    assert list(t.columns) == [("Toronto", 2026), ("Toronto", 2027), ("Montréal", 2026), ("Montréal", 2027)]
    for row in ("household_disposable", "benefit.ccb", "benefit.child_qc", "childcare", "cumulative_total_value"):
        assert row in t.index, row
    assert t.loc["benefit.child_qc", ("Toronto", 2026)] == 0.0 and t.loc["benefit.child_qc", ("Montréal", 2026)] > 0
    assert t.loc["total_value"].tolist() == pytest.approx(t.loc["household_disposable"].tolist())
    assert t.attrs["sources"]["Toronto"]["household"]["benefit.ccb"]
    assert t.attrs["tax_tables"] == {2026: "shipped", 2027: "projected"}
    single = netpay.compare(offers, 2026, horizon=2)
    assert "household_disposable" not in single.index


def test_household_horizon_errors_are_named():
    o = netpay.Offer(base_salary=90_000, city="Toronto")
    with pytest.raises(netpay.errors.UnknownYearError, match="horizon=30 from 2024 runs to 2053"):
        netpay.evaluate(o, 2024, household=ONE_CHILD, horizon=30)
    with pytest.raises(NetpayError, match="horizon must be a whole number of years"):
        netpay.evaluate(o, 2026, household=ONE_CHILD, horizon=0)
    with pytest.raises(NetpayError, match="give horizon= too"):
        netpay.evaluate(o, 2026, household=ONE_CHILD, discount_rate=0.05)
    with pytest.raises(netpay.errors.UnverifiedFigureError):
        netpay.evaluate(o, 2026, household=ONE_CHILD, horizon=2, strict=True)


def test_cli_compare_with_a_household_over_a_horizon(capsys):
    from netpay.cli import main

    code = main(["compare", "--salary", "60k", "--city", "Toronto", "--spouse-income", "0", "--child", "2023",
                 "--horizon", "3", "--year", "2026"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "1 offer over 2026-2028" in out and "the household's disposable income" in out
    assert "Household disposable income" in out and "Canada Child Benefit" in out
    # no raise: the family net income is 59,435 every year, so the CCB is as worked out above for 2026
    # (6,566.94) and 2027 (6,673.20), and 6,673.20 again in 2028 (both halves on 59,435)
    ccb_row = next(line for line in out.splitlines() if line.startswith("Canada Child Benefit"))
    assert ccb_row.split()[-3:] == ["$6,567", "$6,673", "$6,673"]
    assert "Tax tables: 2026 shipped; 2027, 2028 projected" in out
