"""The household: spouse and eligible dependant amounts, the child care deduction, Québec's transfer of
unused credits, and the household's lines. Every expected figure is worked out by hand below from the
2026 tables (data/tax_tables/2026/), as a change from the single person's return (whose own figures
the single-person tests check).

Child care fees are given (``Child(childcare=...)``) so the tests do not depend on the fee data.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netpay
from netpay.household import Child, Household, Spouse
from netpay.jurisdictions import NAMES
from netpay.rules import household as rules

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

YEAR = 2026


def single(salary: float, city: str) -> netpay.Evaluation:
    return netpay.evaluate(netpay.Offer(base_salary=salary, city=city), YEAR)


def with_household(salary: float, city: str, household: Household) -> netpay.Evaluation:
    return netpay.evaluate(netpay.Offer(base_salary=salary, city=city), YEAR, household=household)


ONE_EARNER = Household(spouse=Spouse(income=0), children=[Child(born=2023, childcare=0)])


# --------------------------------------------------------------------------- a couple, one earner, one child under 6


def test_one_earner_one_child_ontario():
    # $140,000 salary: net income = 140,000 - enhanced CPP 1% x (74,600 - 3,500) - 4% x (85,000 - 74,600)
    #   = 140,000 - 711 - 416 = 138,873 < 181,440, so the claimant's BPA is the full 16,452.
    # Federal line 30300: 16,452 - spouse's net income 0 = 16,452; x 14% = 2,303.28 less federal tax.
    # ON428 line 58120: min(11,029, 11,029 + 1,103 - 0) = 11,029; x 5.05% = 556.96 less basic Ontario tax.
    # Basic Ontario tax is above both surtax thresholds before and after (thousands above 7,446), so the
    # surtax falls by (20% + 36%) x 556.96: Ontario tax falls 1.56 x 556.9645 = 868.86 (the tax
    # reduction is nil at this income either way; the health premium is on unchanged taxable income).
    alone, family = single(140_000, "Toronto"), with_household(140_000, "Toronto", ONE_EARNER)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 2_303.28, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 868.86, abs=0.02)
    assert family.household.transfers["federal_household_amount"] == pytest.approx(16_452)
    assert family.household.transfers["provincial_household_amount"] == pytest.approx(11_029)
    # the spouse without income pays nothing and deducts no child care (no earned income)
    assert family.household.spouse["spouse_federal_tax"] == 0.0
    assert family.household.transfers["childcare_deduction"] == 0.0


def test_one_earner_one_child_british_columbia():
    # Federal as in Ontario: 16,452 x 14% = 2,303.28.
    # BC428 line 58120: the spouse's income 0 is under the 1,132 threshold: 11,317; x 5.6% (BC's 2026
    # lowest rate, bc.yaml credit_rate) = 633.75. No surtax; the BC tax reduction is nil at 138,873.
    alone, family = single(140_000, "Vancouver"), with_household(140_000, "Vancouver", ONE_EARNER)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 2_303.28, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 633.75, abs=0.01)


def test_one_earner_one_child_quebec():
    # Federal: 16,452 x 14% = 2,303.28 off basic federal tax, of which the Québec abatement (16.5% of
    # basic federal tax) gives back 16.5%: federal tax falls 2,303.28 x (1 - 0.165) = 1,923.24.
    # Québec: no spouse amount; the spouse's unused basic personal amount credit moves to line 431:
    # 14% x 18,952 - tax on 0 = 2,653.28 less Québec tax.
    alone, family = single(140_000, "Montréal"), with_household(140_000, "Montréal", ONE_EARNER)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 1_923.24, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 2_653.28, abs=0.01)
    assert family.household.transfers["quebec_credit_transfer"] == pytest.approx(2_653.28)
    assert family.household.transfers["provincial_household_amount"] == 0.0


def solidarity_line(e: netpay.Evaluation) -> float:
    return next(b.amount for b in e.household.benefits if b.key == "qc_solidarity")


def test_quebec_solidarity_credit_in_montreal():
    # A single person in Montréal at $30,000: net income is under 30,000, below the 2025-26 threshold
    # of 42,325, so the full credit: QST 356 + living alone 169 + housing 731 = 1,256 a year, 1,256 / 12
    # = 104.666... -> 104.67 a month; 2026 pays January-June from July 2025-June 2026 and July-December
    # from July 2026-June 2027 (the 2025-26 figures, used as they are): 12 x 104.67 = 1,256.04.
    assert solidarity_line(with_household(30_000, "Montréal", Household())) == pytest.approx(1_256.04)
    # A couple, one earner at $60,000, one child: family net income = 60,000 - the enhanced QPP
    # deduction 1% x (60,000 - 3,500) = 60,000 - 565 = 59,435 (the spouse's is 0). QST 356 + 356,
    # housing 888 + 155: 1,755 - 6% x (59,435 - 42,325 = 17,110) = 1,755 - 1,026.60 = 728.40 a year,
    # 60.70 a month, 12 x 60.70 = 728.40.
    assert solidarity_line(with_household(60_000, "Montréal", ONE_EARNER)) == pytest.approx(728.40)
    # at $140,000 nothing
    assert solidarity_line(with_household(140_000, "Montréal", ONE_EARNER)) == 0


# --------------------------------------------------------------------------- two earners, two children


def test_two_earners_two_children_child_care_deducted_by_the_lower_earner():
    # Spouse $60,000 (the lower net income), children born 2022 (4 at the end of 2026) and 2018 (8),
    # child care $1,000 a month each: fees 24,000 a year.
    # Line 21400 = least of 24,000, 2/3 x 60,000 = 40,000, and 8,000 (6 or under) + 5,000 (7 to 16) = 13,000.
    # Spouse's net income 60,000 - enhanced CPP 1% x (60,000 - 3,500) = 59,435 -> 46,435 after it.
    # Federal tax on the 13,000 removed: 59,435 - 58,523 = 912 at 20.5% = 186.96, 12,088 at 14% = 1,692.32:
    #   1,879.28 (credits unchanged).
    # Ontario: 59,435 - 53,891 = 5,544 at 9.15% = 507.28, 7,456 at 5.05% = 376.53: 883.81; no surtax either
    #   way (basic tax under 5,818); health premium 600 at 59,435 -> 450 at 46,435 (the 48,000 ramp goes):
    #   Ontario tax falls 1,033.81. The spouse's 46,435 is far above the spouse amounts: the earner claims none.
    kids = [Child(born=2022, childcare=1_000), Child(born=2018, childcare=1_000)]
    home = Household(spouse=Spouse(income=60_000), children=kids)
    family = with_household(140_000, "Toronto", home)
    spouse_alone = single(60_000, "Toronto")
    assert family.household.transfers["childcare_deduction"] == pytest.approx(13_000)
    s = family.household.spouse
    assert s["spouse_federal_tax"] == pytest.approx(spouse_alone.federal_tax - 1_879.28, abs=0.01)
    assert s["spouse_provincial_tax"] == pytest.approx(spouse_alone.provincial_tax - 1_033.81, abs=0.02)
    assert s["spouse_cpp"] == spouse_alone.cpp and s["spouse_ei"] == spouse_alone.ei  # payroll is per person
    assert family.household.transfers["federal_household_amount"] == 0.0
    alone = single(140_000, "Toronto")
    assert family.federal_tax == alone.federal_tax and family.provincial_tax == alone.provincial_tax
    # household net cash = both adults' net cash + benefits; disposable = that / 12 - child care - rent - costs
    h = family.household
    assert h.household_net_cash == pytest.approx(family.net_cash + s["spouse_net_cash"] + h.benefits_total)
    assert h.monthly_disposable == pytest.approx(
        h.household_net_cash / 12 - 2_000 - family.rent - family.monthly_other_costs
    )


def test_child_care_limited_to_two_thirds_of_earned_income():
    # Spouse $9,000: 2/3 x 9,000 = 6,000 < fees 12,000 and the 8,000 limit of one child under 7.
    home = Household(spouse=Spouse(income=9_000), children=[Child(born=2024, childcare=1_000)])
    assert with_household(140_000, "Toronto", home).household.transfers["childcare_deduction"] == pytest.approx(6_000)


# --------------------------------------------------------------------------- a single parent


def test_single_parent_claims_the_eligible_dependant_amount():
    # $80,000, one child born 2020 (6), no child care. Federal line 30400: 16,452 - the child's income 0
    # = 16,452; x 14% = 2,303.28. ON428 line 58160: 11,029; x 5.05% = 556.9645. Net income 80,000 - enhanced
    # CPP (1% x 71,100 + 4% x 5,400 = 927) = 79,073; basic Ontario tax 2,721.50 + 9.15% x 25,182 = 5,025.65
    # less credits, under the 5,818 surtax threshold: no surtax either way. Ontario tax reduction: 2 x (300
    # + 554 for the child) = 1,708 less a tax of over 3,000: nil. Ontario tax falls 556.96 (each total is
    # rounded to the cent: within 2 cents).
    home = Household(children=[Child(born=2020, childcare=0)])
    alone, family = single(80_000, "Toronto"), with_household(80_000, "Toronto", home)
    assert family.federal_tax == pytest.approx(alone.federal_tax - 2_303.28, abs=0.01)
    assert family.provincial_tax == pytest.approx(alone.provincial_tax - 556.96, abs=0.02)


def test_ontario_tax_reduction_counts_the_children_of_the_higher_earner():
    # $45,000 single parent, two children. Taxable income 45,000 - 1% x 41,500 = 44,585; basic Ontario
    # tax 5.05% x 44,585 = 2,251.54 less 5.05% x (12,989 + CPP base + EI + 11,029 for the eligible
    # dependant) - under 1,000. Tax reduction: 2 x (300 + 2 x 554) = 2,816 less that tax: more than the
    # tax, so all of it goes. Left: the health premium on 44,585, 300 + min(6% x 8,585, 150) = 450.
    # Alone the reduction is 2 x 300 = 600 less a tax of about 1,450: nil, and Ontario tax stays above 450.
    home = Household(children=[Child(born=2019, childcare=0), Child(born=2021, childcare=0)])
    assert with_household(45_000, "Toronto", home).provincial_tax == 450.0
    assert single(45_000, "Toronto").provincial_tax > 450.0


# --------------------------------------------------------------------------- newcomers


def test_year_of_arrival_prorates_the_spouse_amount():
    # Arrival 15 March 2026: 17 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 292 days of 365 = 0.8 of
    # the year. Line 30300 is prorated like the BPA: 0.8 x 16,452 = 13,161.60; x 14% = 1,842.62 less
    # federal tax in year one than alone (1,842.624; each total rounded to the cent: within 2 cents).
    o = netpay.Offer(base_salary=140_000, city="Toronto")
    alone = netpay.evaluate(o, arrival="2026-03-15")
    family = netpay.evaluate(o, arrival="2026-03-15", household=ONE_EARNER)
    assert family.year_one.federal_tax == pytest.approx(alone.year_one.federal_tax - 1_842.62, abs=0.02)
    assert family.year_one_household.transfers["federal_household_amount"] == pytest.approx(13_161.60)


def test_work_permit_waits_for_the_child_benefit_and_a_permanent_resident_does_not():
    # CCB: a permanent resident from the month after arrival (April 2026); a work-permit holder in the
    # 19th month of residence (October 2027: none in year one; in the full year, a later year, from
    # October only). The GST/HST credit has no 18-month rule.
    o = netpay.Offer(base_salary=140_000, city="Toronto")

    def ccb(status: str) -> tuple[float, float]:
        home = ONE_EARNER.model_copy(update={"status": status})
        e = netpay.evaluate(o, arrival="2026-03-15", household=home)
        pick = lambda h: next(b.amount for b in h.benefits if b.key == "ccb")  # noqa: E731
        return pick(e.year_one_household), pick(e.household)

    pr, wp = ccb("permanent_resident"), ccb("work_permit")
    assert pr[0] > 0 and wp[0] == 0.0
    assert 0 < wp[1] < pr[1]


# --------------------------------------------------------------------------- properties


@settings(max_examples=15, deadline=None)
@given(salary=st.floats(0, 400_000), city=st.sampled_from(["Toronto", "Montréal", "Calgary", "Halifax"]))
def test_no_spouse_no_children_is_the_single_person_to_the_cent(salary, city):
    alone, family = single(salary, city), with_household(salary, city, Household())
    for line in ("cpp", "ei", "qpip", "federal_tax", "provincial_tax", "net_cash", "net_cash_recurring"):
        assert getattr(family, line) == getattr(alone, line), line
    assert family.household.household_net_cash == pytest.approx(alone.net_cash + family.household.benefits_total)


def test_none_household_is_version_one():
    o = netpay.Offer(base_salary=140_000, city="Toronto")
    assert netpay.evaluate(o, YEAR, household=None) == netpay.evaluate(o, YEAR)
    assert netpay.compare([o], YEAR, household=None).equals(netpay.compare([o], YEAR))


@settings(max_examples=200, deadline=None)
@given(
    code=st.sampled_from(sorted(NAMES)),
    claimant=st.floats(0, 400_000),
    low=st.floats(0, 40_000),
    more=st.floats(0, 40_000),
)
def test_more_spouse_income_never_raises_the_spouse_amount(code, claimant, low, more):
    rs = netpay.engine.Ruleset.load(code, YEAR)
    bpa = rs.common.federal.basic_personal_amount
    for f in (
        lambda s: rules.federal_household_amount(1.0, claimant, s, bpa, 1.0),
        lambda s: rules.provincial_household_amount(1.0, claimant, s, rules.HIGHER, 0.0, 0.0, rs.common.household, 1.0),
    ):
        assert f(low + more) <= f(low) + 1e-9
        assert f(low) >= 0.0


def test_the_household_rows_of_the_engine_input():
    # rules.household.inputs_at reads rows FIRST_ROW.. of the engine's input, in HouseholdInputs' order
    # (the drug plan share, issue 10, follows them)
    fields = rules.HouseholdInputs._fields
    assert netpay.engine.INPUTS[rules.FIRST_ROW : rules.FIRST_ROW + len(fields)] == fields


def test_spouse_amount_edges():
    # BC 2026: 11,317 in full up to a spouse income of 1,132, then dollar for dollar, nil from 12,449.
    h = netpay.engine.Ruleset.load("BC", YEAR).common.household
    amount = lambda s: rules.provincial_household_amount(1.0, 100_000, s, rules.HIGHER, 0, 0, h, 1.0)  # noqa: E731
    assert amount(1_132) == 11_317 and amount(1_133) == 11_316 and amount(12_449) == 0.0
    # Federal: the claimant's BPA phases down from 181,440 to 258,482 (16,452 -> 14,829).
    bpa = netpay.engine.Ruleset.load("ON", YEAR).common.federal.basic_personal_amount
    assert rules.federal_household_amount(1.0, 181_440, 0.0, bpa, 1.0) == pytest.approx(16_452)
    assert rules.federal_household_amount(1.0, 258_482, 0.0, bpa, 1.0) == pytest.approx(14_829)
    assert rules.federal_household_amount(0.0, 50_000, 0.0, bpa, 1.0) == 0.0


# --------------------------------------------------------------------------- the model and its errors


def test_household_defaults_and_bedrooms():
    assert ONE_EARNER.bedrooms == 2 and Household().bedrooms == 1
    assert Household(children=[2020, 2021, 2022, 2023]).bedrooms == 3
    e = netpay.evaluate(netpay.Offer(base_salary=100_000, city="Toronto"), YEAR, household=ONE_EARNER)
    assert e.bedrooms == 2
    given = netpay.evaluate(netpay.Offer(base_salary=100_000, city="Toronto"), YEAR, bedrooms=1, household=ONE_EARNER)
    assert given.bedrooms == 1


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: Household(status="workpermit"), "work_permit"),
        (lambda: Child(born=True), "born"),
        (lambda: Child(born="soon"), "YYYY-MM-DD"),
        (lambda: Spouse(income=-5), "spouse income"),
        (lambda: Spouse(income=10, offer=netpay.Offer(base_salary=1, city="Toronto")), "not both"),
    ],
)
def test_bad_household_input_is_named(make, words):
    with pytest.raises(ValueError, match=words):
        make()


def test_household_errors_in_evaluate():
    o = netpay.Offer(base_salary=100_000, city="Toronto")
    with pytest.raises(TypeError, match="netpay.Household"):
        netpay.evaluate(o, YEAR, household="spouse")
    with pytest.raises(TypeError, match="household=netpay.Household"):
        netpay.evaluate(o, YEAR, spouse=Spouse())


def test_compare_shows_each_adult_each_benefit_childcare_and_disposable_cited():
    home = Household(spouse=Spouse(income=0), children=[Child(born=2023, childcare=400)])
    offers = [netpay.Offer(base_salary=140_000, city=c) for c in ("Toronto", "Montréal")]
    table = netpay.compare(offers, YEAR, household=home)
    for row in ("federal_tax", "spouse_federal_tax", "childcare", "household_disposable", "benefit.ccb"):
        assert row in table.index, row
    assert table.loc["childcare", "Toronto"] == 400.0
    cited = table.attrs["sources"]["Toronto"]["household"]
    assert cited["provincial_household_amount"] and cited["benefit.ccb"]


def test_equivalent_salary_with_a_household_leaves_the_same_household_disposable():
    from netpay.citydata import Housing, shared_cost_items
    from netpay.evaluation.household_inverse import household_disposable

    home = Household(spouse=Spouse(income=0), children=[Child(born=2023, childcare=400)])
    s = netpay.equivalent_salary(140_000, "Toronto", "Montréal", YEAR, household=home)
    items = shared_cost_items("Toronto", "Montréal")
    assert items == {"transit_pass"}  # both cities have only this item: the full monthly costs compare
    a = household_disposable(140_000, "Toronto", YEAR, Housing(2), home)
    b = household_disposable(s, "Montréal", YEAR, Housing(2), home)
    assert b == pytest.approx(a, abs=0.01)


def test_cli_compare_with_a_household(capsys):
    from netpay.cli import main

    code = main(["compare", "--salary", "140k", "--city", "Toronto", "--spouse-income", "0", "--child", "2023",
                 "--childcare", "400", "--year", "2026"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "Household disposable income" in out and "2-bedroom" in out and "Child care fees" in out
    assert main(["compare", "--salary", "140k", "--city", "Toronto", "--status", "work-permit"]) == 2
    assert "--status describes a household" in capsys.readouterr().err


def test_a_child_outside_the_years_evaluated_is_refused_not_left_out():
    # A child born after the last year evaluated, or 18 at the end of the year before the first, is no
    # child of the household in any year evaluated: a clear error, never a table without the child.
    toronto = netpay.Offer(base_salary=140_000, city="Toronto")
    unborn = netpay.Household(children=[netpay.Child(born=2030)])
    unborn_error = r"children\[1\]: Child\(born=2030-07-01\) is born after 2026.*horizon="
    with pytest.raises(netpay.NetpayError, match=unborn_error):
        netpay.compare([toronto], 2026, household=unborn)
    with pytest.raises(netpay.NetpayError, match=r"is 35 at the end of 2025: netpay models children under 18"):
        netpay.evaluate(toronto, 2026, household=netpay.Household(children=[netpay.Child(born=1990)]))
    # a child born within a horizon is the household's from its birth; one turning 18 in the year counts
    netpay.evaluate(toronto, 2026, household=unborn, horizon=5)
    netpay.evaluate(toronto, 2026, household=netpay.Household(children=[netpay.Child(born=2008)]))


def test_a_ccb_of_zero_for_a_newcomer_says_why():
    # A work-permit holder arriving 15 June 2026 is eligible from the 19th month (January 2028): the
    # year of arrival's CCB is 0 and its line says so, as a permanent resident's says from which month.
    toronto = netpay.Offer(base_salary=140_000, city="Toronto")

    def ccb_line(status: str):
        home = netpay.Household(spouse=netpay.Spouse(income=0), children=[netpay.Child(born=2023)], status=status)
        e = netpay.evaluate(toronto, arrival="2026-06-15", household=home)
        return next(b for b in e.year_one_household.benefits if b.key == "ccb")

    permit, resident = ccb_line("work_permit"), ccb_line("permanent_resident")
    assert permit.amount == 0 and any("nothing this year: not eligible before" in s for s in permit.sources)
    assert resident.amount > 0 and any(s.startswith("paid from July: not eligible before") for s in resident.sources)
