"""A horizon of years (``evaluate(..., horizon=)``, ``compare(..., horizon=)``): each rule by hand.

Figures used (data/rrsp_limits.yaml): RRSP dollar limit 2024 $31,560, 2025 $32,490, 2026 $33,810,
2027 $35,390. RRSP room for year Y = unused room at the end of Y-1 + min(18% x earned income of
Y-1, dollar limit of Y) - pension adjustment of Y-1 (ITA s. 146(1)). Tax years 2024-2026 are the
ones netpay ships, so the horizons below start in 2024 (a four-year one needs 2027's tables).
"""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netpay
from netpay import rrsp, tables
from netpay.errors import NetpayError
from netpay.evaluation.horizon import earned_bonus, raised_salary
from netpay.lines import LINES
from netpay.timeline import Arrival, horizon_years

CENT = 0.005


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the RRSP dollar-limit note
        yield


def offer(**kw) -> netpay.Offer:
    return netpay.Offer(**({"base_salary": 100_000, "city": "Toronto"} | kw))


# --------------------------------------------------------------------------- the years and the raises


def test_the_years_of_a_horizon():
    # arrival 1 September 2024: 30 + 31 + 30 + 31 = 122 days of 366 -> 4.0 months; then full years
    years = horizon_years(2024, 3, Arrival.of(2024, "2024-09-01"))
    assert [y.year for y in years] == [2024, 2025, 2026]
    assert [y.months for y in years] == [12 * 122 / 366, 12.0, 12.0]
    assert [y.residence.resident_jan1 for y in years] == [False, True, True]
    assert [y.months for y in horizon_years(2024, 2)] == [12.0, 12.0]


def test_raises_compound():
    o = offer(raise_percent=3, bonus_percent=10)
    # 100,000; x 1.03 = 103,000; x 1.03 = 106,090; x 1.03 = 109,272.70
    assert [raised_salary(o, k) for k in range(4)] == [100_000, 103_000, 106_090, 109_272.70]
    # a bonus in percent follows the salary: 10% of 109,272.70 = 10,927.27
    assert earned_bonus(o, 3, None) == 10_927.27
    # a bonus in dollars does not
    assert earned_bonus(offer(raise_percent=3, bonus=5_000), 3, None) == 5_000
    e = netpay.evaluate(o, 2024, horizon=3)
    assert [y.base_salary for y in e.years] == [100_000, 103_000, 106_090]
    assert [y.bonus for y in e.years] == [10_000, 10_300, 10_609]


def test_a_bonus_paid_the_next_year():
    # bonus_paid='next_year': year one pays none; year two the 10% of year one's 100,000; year three
    # the 10% of year two's 103,000
    e = netpay.evaluate(offer(raise_percent=3, bonus_percent=10, bonus_paid="next_year"), 2024, horizon=3)
    assert [y.bonus for y in e.years] == [0, 10_000, 10_300]


def test_one_time_payments_only_in_year_one():
    e = netpay.evaluate(offer(signing_bonus=20_000, relocation_bonus=5_000), 2024, horizon=3)
    assert [y.signing_bonus for y in e.years] == [20_000, 0, 0]
    assert [y.relocation_bonus for y in e.years] == [5_000, 0, 0]


# --------------------------------------------------------------------------- RRSP room


def test_new_room_by_hand():
    # min(18% x 61,250 = 11,025, 32,490) = 11,025
    assert rrsp.new_room(2025, 61_250) == 11_025
    # 18% x 200,000 = 36,000 > 32,490: the dollar limit
    assert rrsp.new_room(2025, 200_000) == 32_490
    # 18% x 100,000 = 18,000 - a pension adjustment of 3,000 = 15,000
    assert rrsp.new_room(2025, 100_000, 3_000) == 15_000
    # unused 6,025 + 18% x 105,000 = 18,900 -> 24,925
    assert rrsp.next_room(2026, 6_025, 105_000) == 24_925
    assert rrsp.dollar_limit(2027) == 35_390


def test_rrsp_room_grows_from_year_one_earnings():
    # A newcomer arriving 1 June 2024, paid monthly: 7 pays. Salary 100,000 / 12 = 8,333.33 a pay
    # -> 58,333.31; employer RRSP match 5,000 / 12 = 416.67 a pay -> 2,916.69. Employment income of
    # year one 58,333.31 + 2,916.69 = 61,250.00.
    # 2024: room 0 (no Canadian earned income in 2023): the 2,916.69 match is not deducted.
    # 2025: room 0 + min(18% x 61,250 = 11,025, 32,490) = 11,025; the 5,000 match deducted, and
    #   in the 6,025 left, 2024's 2,916.69 (unused contributions carried forward): 3,108.31 unused.
    # 2026: room 3,108.31 + min(18% x (100,000 + 5,000) = 18,900, 33,810) = 22,008.31.
    e = netpay.evaluate(offer(employer_rrsp_match=5_000), 2024, arrival="2024-06-01", horizon=3)
    assert e.years[0].employment_income == pytest.approx(61_250.00, abs=0.005)
    assert [y.rrsp_room for y in e.years] == pytest.approx([0, 11_025, 22_008.31], abs=0.005)
    assert e.years[0].rrsp_not_deducted == pytest.approx(2_916.69, abs=0.005)
    assert [y.rrsp_not_deducted for y in e.years[1:]] == [0, 0]
    assert [y.rrsp_carried_deducted for y in e.years] == pytest.approx([0, 2_916.69, 0], abs=0.005)
    # the carried deduction lowers 2025's taxable income by 2,916.69 against the same offer without it
    plain = netpay.evaluate(offer(employer_rrsp_match=5_000), 2025, rrsp_room=11_025)
    assert plain.taxable_income - e.years[1].taxable_income == pytest.approx(2_916.69, abs=1.0)


def test_a_match_beyond_the_room_is_not_deducted():
    # room 2025 = 18% x 2024's 30,000 + 20,000 match = 9,000 < the 20,000 match: 11,000 not deducted,
    # and no room left for 2024's 20,000 (not deducted with rrsp_room=0)
    o = offer(base_salary=30_000, employer_rrsp_match=20_000)
    e = netpay.evaluate(o, 2024, rrsp_room=0, horizon=2)
    assert e.years[1].rrsp_room == pytest.approx(0.18 * 50_000)
    assert e.years[1].rrsp_not_deducted == pytest.approx(20_000 - 9_000)
    assert e.years[1].rrsp_carried_deducted == 0


# --------------------------------------------------------------------------- a part-year year one


def test_a_horizon_whose_year_one_is_part_year():
    # 120,000 with a 3% raise and a 10% bonus, a 10,000 signing bonus, arriving and starting
    # 1 September 2024 (122 days of 366: 4.0 months).
    # 2024: 4 pays of 10,000 = 40,000; the bonus for 2024 is paid in 2025 (first_year_bonus
    #   'next_year'): none; signing 10,000.
    # 2025: 120,000 x 1.03 = 123,600; bonus 10% x 123,600 = 12,360 + 2024's, prorated to the days
    #   employed: 12,000 x 122 / 366 = 4,000 -> 16,360.
    # 2026: 123,600 x 1.03 = 127,308; bonus 12,730.80.
    o = offer(base_salary=120_000, raise_percent=3, bonus_percent=10, signing_bonus=10_000)
    e = netpay.evaluate(o, 2024, arrival="2024-09-01", horizon=3)
    assert [y.year for y in e.years] == [2024, 2025, 2026]
    assert [round(y.base_salary, 2) for y in e.years] == [40_000.00, 123_600, 127_308]
    assert [round(y.bonus, 2) for y in e.years] == [0, 16_360, 12_730.80]
    assert [y.signing_bonus for y in e.years] == [10_000, 0, 0]
    assert e.years[0].months == pytest.approx(4.0)
    # year one is today's year one; later years are plain employment income, taxed as take_home
    today = netpay.evaluate(o, 2024, arrival="2024-09-01")
    for key in LINES:
        assert e.years[0].annual[key] == today.year_one.annual[key], key
    for y in e.years[1:]:
        t = netpay.take_home(y.base_salary + y.bonus, "ON", y.year)
        assert y.federal_tax + y.provincial_tax == pytest.approx(
            float((t["federal_tax"] + t["provincial_tax"]).iloc[0]), abs=0.01
        )
    # the version-1 attributes read the first full year, 2025
    assert e.full_year.year == 2025 and e.net_cash == e.years[1].net_cash


@pytest.mark.skipif(2027 not in tables.projectable_years() + tables.years(), reason="needs 2027's tables")
def test_a_four_year_horizon_whose_year_one_is_part_year():
    e = netpay.evaluate(offer(raise_percent=2), 2024, arrival="2024-09-01", horizon=4)
    # 2027: 100,000 x 1.02^3 = 106,120.80
    assert [round(y.base_salary, 2) for y in e.years][1:] == [102_000, 104_040, 106_120.80]


def test_the_clawback_is_a_risk_line():
    o = offer(signing_bonus=20_000, clawback_months=12)
    e = netpay.evaluate(o, 2024, arrival="2024-06-01", start="2024-06-15", horizon=2)
    assert len(e.risks) == 1 and "2025-06-15" in e.risks[0] and "$20,000" in e.risks[0] and "8(1)(n)" in e.risks[0]
    t = netpay.compare([o, offer(label="other")], 2024, horizon=2)
    assert len(t.attrs["risks"]["Toronto"]) == 1 and t.attrs["risks"]["other"] == []


# --------------------------------------------------------------------------- the comparison


def test_compare_with_a_horizon_has_offer_and_year_columns():
    bank = offer(base_salary=140_000, bonus_percent=10, label="bank")
    startup = netpay.Offer(base_salary=135_000, equity_vesting=40_000, city="Vancouver", label="startup")
    t = netpay.compare([bank, startup], 2024, horizon=3)
    assert list(t.columns) == [(n, y) for n in ("bank", "startup") for y in (2024, 2025, 2026)]
    assert t.columns.names == ["offer", "year"]
    assert t.loc["equity_after_tax", ("bank", 2025)] == 0
    # the tax on the shares is most of 40,000 x (BC + federal top-ish rates), never all of it
    assert 0 < t.loc["equity_tax", ("startup", 2024)] < 40_000
    assert t.attrs["horizon"] == 3


def test_bad_horizons_are_refused():
    o = offer()
    for bad in (0, 2.5, "4", True, 41):
        with pytest.raises(NetpayError, match="horizon must be a whole number"):
            netpay.evaluate(o, 2024, horizon=bad)
    with pytest.raises(NetpayError, match="0.05"):
        netpay.evaluate(o, 2024, horizon=2, discount_rate=5)
    with pytest.raises(NetpayError, match="give horizon="):
        netpay.evaluate(o, 2024, discount_rate=0.05)
    with pytest.raises(ValueError, match="annual"):
        netpay.compare([o], 2024, horizon=2, period="monthly")
    last = tables.projectable_years()[-1]
    with pytest.raises(NetpayError, match=f"horizon=2 from {last} runs to {last + 1}: .*{last + 1}"):
        netpay.evaluate(o, last, horizon=2)


def test_bonus_next_year_conflicts_with_a_first_year_bonus():
    with pytest.raises(ValueError, match="first_year_bonus"):
        netpay.evaluate(
            offer(bonus_percent=10, bonus_paid="next_year"),
            2024,
            arrival="2024-06-01",
            first_year_bonus="full",
            horizon=2,
        )


# --------------------------------------------------------------------------- properties

amounts = st.floats(0, 300_000).map(lambda v: round(v, 2))
cities = st.sampled_from(["Toronto", "Vancouver", "Montréal", "Calgary"])


@settings(max_examples=15)
@given(
    salary=st.floats(20_000, 400_000).map(lambda v: round(v, 2)),
    equity=amounts,
    city=cities,
    year=st.sampled_from([2024, 2025, 2026]),
)
def test_a_horizon_of_one_is_todays_answer(salary, equity, city, year):
    o = netpay.Offer(base_salary=salary, equity_vesting=equity, bonus_percent=10, city=city)
    one, today = netpay.evaluate(o, year, horizon=1), netpay.evaluate(o, year)
    assert len(one.years) == 1
    assert one.years[0].annual == today.years[0].annual  # every line, to the cent


@settings(max_examples=15)
@given(
    salary=st.floats(20_000, 400_000).map(lambda v: round(v, 2)),
    equity=amounts,
    match=st.floats(0, 20_000),
    city=cities,
    rate=st.sampled_from([0.0, 0.03, 0.1]),
)
def test_total_value_is_the_sum_of_its_parts_and_cumulative_the_sum_of_years(salary, equity, match, city, rate):
    o = netpay.Offer(
        base_salary=salary, equity_vesting=equity, employer_rrsp_match=round(match, 2), city=city, raise_percent=2
    )
    e = netpay.evaluate(o, 2024, horizon=3, discount_rate=rate)
    for y in e.years:
        assert y.total_value == pytest.approx(y.disposable_sell_to_cover + y.equity_after_tax + y.savings, abs=0.015)
        # flat share-settled equity is sold to cover: none of its tax is paid from pay
        assert y.equity_tax_from_cash == 0.0
        assert y.disposable_sell_to_cover == pytest.approx(y.annual["disposable"] + y.equity_tax, abs=0.015)
        assert y.equity_after_tax == pytest.approx(y.equity_shares - y.equity_tax, abs=0.005)
    frame = e.by_year()
    discounted = sum(y.total_value / (1 + rate) ** k for k, y in enumerate(e.years))
    assert frame.loc["cumulative_total_value", 2026] == pytest.approx(discounted, abs=0.03)
    assert frame.loc["cumulative_net_cash", 2026] == pytest.approx(
        sum(y.net_cash / (1 + rate) ** k for k, y in enumerate(e.years)), abs=0.03
    )
    assert not math.isnan(frame.loc["total_value", 2024])


# --------------------------------------------------------------------------- equity grants by year


def test_the_cliff_and_the_tax_on_the_shares_by_hand():
    # 160,000 of RSUs over 4 years, a one-year cliff, then annual, granted on 1 January 2025 (the
    # first day of year one without a start): nothing in 2025; 25% = 40,000 on 1 January 2026.
    # 2026 tax on the 40,000 of shares over a 135,000 salary in Vancouver: CPP/CPP2 and EI already
    # at their maximums (YAMPE 85,000; shares are not insurable), so only income tax. Taxable income
    # is employment income less the enhanced CPP deduction (line 22215): 1% x (74,600 - 3,500) = 711
    # + CPP2 4% x (85,000 - 74,600) = 416 -> 1,127: 133,873 without the shares, 173,873 with them.
    #   federal 26% (117,045 - 181,440) x 40,000 = 10,400.00
    #   BC 12.29% x (140,430 - 133,873 = 6,557) = 805.86 + 14.7% x (173,873 - 140,430 = 33,443)
    #   = 4,916.12 -> 5,721.98
    #   = 16,121.98; equity after tax 40,000 - 16,121.98 = 23,878.02
    rsu = netpay.RSU(grant_value=160_000, years=4, cliff_months=12, frequency="annual")
    o = netpay.Offer(base_salary=135_000, equity=[rsu], city="Vancouver")
    e = netpay.evaluate(o, 2025, horizon=2)
    assert [y.equity_vesting for y in e.years] == [0, 40_000]
    assert e.years[0].equity_tax == 0 and e.years[0].equity_after_tax == 0
    assert e.years[1].equity_tax == pytest.approx(16_121.98, abs=0.02)
    assert e.years[1].equity_after_tax == pytest.approx(23_878.02, abs=0.02)
    # the shares are not cash: net cash pays their tax, the sell-to-cover disposable does not
    assert e.years[1].cash_income == 135_000
    assert e.years[1].disposable_sell_to_cover == pytest.approx(e.years[1].annual["disposable"] + 16_121.98, abs=0.02)


def test_bank_versus_startup_over_four_years():
    # The example: Toronto bank 140,000 + 10%; Vancouver Series B 135,000 + 160,000 of RSUs
    # over 4 years, a one-year cliff, then quarterly; both starting 15 June 2026.
    # Vests: 25% = 40,000 on 15 June 2027, then 120,000 / 12 = 10,000 a quarter: 15 September and
    # 15 December 2027 (60,000 in 2027), four in 2028 and 2029 (40,000 each). Nothing in 2026.
    bank = netpay.Offer(base_salary=140_000, bonus_percent=10, city="Toronto", label="bank")
    rsu = netpay.RSU(grant_value=160_000, years=4, cliff_months=12, frequency="quarterly")
    startup = netpay.Offer(base_salary=135_000, equity=[rsu], city="Vancouver", label="startup")
    t = netpay.compare([bank, startup], 2026, horizon=4, start="2026-06-15")
    assert list(t.loc["equity_vesting", "startup"]) == [0, 60_000, 40_000, 40_000]
    assert t.loc["equity_after_tax", ("startup", 2026)] == 0  # the cliff
    for name in ("bank", "startup"):
        for year in (2026, 2027, 2028, 2029):
            parts = sum(t.loc[k, (name, year)] for k in ("disposable_sell_to_cover", "equity_after_tax", "savings"))
            assert t.loc["total_value", (name, year)] == pytest.approx(parts, abs=0.015)
    # the startup's equity after tax is its shares less a tax between the federal 26% and 26% + BC's 16.8%
    for year in (2027, 2028, 2029):
        shares = t.loc["equity_vesting", ("startup", year)]
        assert 0.26 * shares < t.loc["equity_tax", ("startup", year)] < (0.26 + 0.168) * shares
    assert t.attrs["tax_tables"] == {2026: "shipped", 2027: "projected", 2028: "projected", 2029: "projected"}


def test_a_haircut_takes_value_off_the_shares_never_tax():
    # The same grant as above (160,000 over 4 years, a one-year cliff, annual: 40,000 vests on
    # 1 January 2026 for a start on 1 January 2025) with the user's 25% haircut on its value:
    #   2025: nothing vests: haircut 0
    #   2026: 25% x 40,000 = 10,000 off the value; the tax on the shares is that of the full 40,000
    #   equity after tax and the haircut = equity after tax - 10,000; total value likewise
    plain = netpay.RSU(grant_value=160_000, years=4, cliff_months=12, frequency="annual")
    risky = netpay.RSU(grant_value=160_000, years=4, cliff_months=12, frequency="annual", haircut=0.25)
    a, b = (
        netpay.evaluate(netpay.Offer(base_salary=135_000, equity=[g], city="Vancouver"), 2025, horizon=2)
        for g in (plain, risky)
    )
    assert [y.equity_haircut for y in b.years] == [0, 10_000]
    assert b.years[1].equity_tax == a.years[1].equity_tax  # never to tax
    assert b.years[1].equity_after_haircut == pytest.approx(a.years[1].equity_after_tax - 10_000, abs=0.01)
    assert b.years[1].total_value_after_haircut == pytest.approx(a.years[1].total_value - 10_000, abs=0.01)
    assert a.years[1].total_value_after_haircut == a.years[1].total_value  # no haircut: the same
    frame = netpay.compare([netpay.Offer(base_salary=135_000, equity=[risky], city="Vancouver")], 2025, horizon=2)
    assert frame.loc["cumulative_total_value_after_haircut"].iloc[-1] == pytest.approx(
        frame.loc["cumulative_total_value"].iloc[-1] - 10_000, abs=0.02
    )


# --------------------------------------------------------------------------- what leaving or over-contributing costs


def test_the_clawback_costs_the_bonus_less_the_tax_its_deduction_saves():
    """Calgary, salary 100,000, a 20,000 signing bonus repayable within 18 months of 1 Jan 2025:
    leaving before 1 Jul 2026 means repaying it, in 2025 or 2026 (ITA s. 8(1)(n), T1 line 22900).

    2026 by hand (data/tax_tables/2026): CPP2 deduction (line 22215) 4% x (85,000 - 74,600) = 416
    plus the enhanced CPP 1% x (74,600 - 3,500) = 711 -> taxable income 100,000 - 1,127 = 98,873.
    Less 20,000 = 78,873: every dollar taken off lies in the federal 20.5% bracket (58,523 to
    117,045) and Alberta's 10% one (61,200 to 154,259), no credit reads net income at this level:
    tax saved 20,000 x (20.5% + 10%) = 6,100.00; cost after tax 20,000 - 6,100 = 13,900.00.
    """
    o = netpay.Offer(base_salary=100_000, signing_bonus=20_000, clawback_months=18, city="Calgary")
    e = netpay.evaluate(o, 2025, horizon=3)
    assert [c.year for c in e.clawback] == [2025, 2026]  # not 2027: the period ends 1 Jul 2026
    c2026 = e.clawback[1]
    assert (c2026.repaid, c2026.tax_saved, c2026.after_tax) == (20_000, pytest.approx(6_100, abs=CENT), 13_900)
    assert "2026-07-01" in e.risks[0] and "$13,900" in e.risks[0] and "line 22900" in e.risks[0]
    # 2025 (income 120,000 with the bonus): some of it comes off the 26% bracket, so it saves more
    assert e.clawback[0].tax_saved > c2026.tax_saved


def test_the_clawback_in_quebec_saves_federal_tax_after_the_abatement_and_quebec_tax():
    """Montréal, the same offer: repaid in 2026 the 20,000 comes off federal taxable income 98,873
    (100,000 - 1,127 of CPP/QPP enhanced contributions) within the 20.5% bracket, less the Québec
    abatement of 16.5%: 20,000 x 20.5% x 0.835 = 3,423.50; and off Québec taxable income 97,423
    (98,873 less the deduction for workers, TP-1 line 201, 6% up to its 1,450 maximum) within the
    19% bracket (54,345 to 108,680; TP-1 line 207): 20,000 x 19% = 3,800. Together 7,223.50.
    """
    o = netpay.Offer(base_salary=100_000, signing_bonus=20_000, clawback_months=18, city="Montréal")
    e = netpay.evaluate(o, 2025, horizon=2)
    assert e.years[1].taxable_income == 98_873 and e.years[1].provincial_taxable_income == 97_423
    assert e.clawback[1].tax_saved == pytest.approx(7_223.50, abs=CENT)
    assert e.clawback[1].after_tax == 12_776.50


@settings(max_examples=12, deadline=None)
@given(salary=st.floats(20_000, 400_000), bonus=st.floats(1_000, 80_000), city=st.sampled_from(["Toronto", "Montréal"]))
def test_the_clawback_after_tax_costs_at_most_the_gross_repayment(salary, bonus, city):
    o = netpay.Offer(base_salary=salary, signing_bonus=bonus, clawback_months=12, city=city)
    for c in netpay.evaluate(o, 2025, start="2025-03-01", horizon=2).clawback:
        assert 0 <= c.tax_saved <= c.repaid and 0 <= c.after_tax <= c.repaid == bonus


def test_rrsp_contributions_over_the_room_and_the_cushion_are_taxed_1_percent_a_month():
    """Toronto, salary 30,000 with an employer RRSP match of 5,000 a year, rrsp_room=0 in 2024.

    2024: 5,000 / 12 = 416.67 a month against a limit of 0 + 2,000 (CRA: 1% a month on unused
    contributions above the deduction limit by more than $2,000, T1-OVP). Month-end excess 5,000 x
    m / 12 - 2,000 is positive from May (m = 5): sum over m = 5..12 = 5,000 x 68 / 12 - 8 x 2,000
    = 28,333.33 - 16,000 = 12,333.33; tax 1% = 123.33.
    2025: room 18% x 2024's employment income (30,000 + 5,000) = 6,300; carried 5,000 (not deducted
    in 2024). Excess 5,000 + 5,000 x m / 12 - 6,300 - 2,000 = 5,000 m / 12 - 3,300 > 0 from
    August (m = 8): 5,000 x (8 + 9 + 10 + 11 + 12) / 12 - 5 x 3,300 = 20,833.33 - 16,500 =
    4,333.33; tax 43.33.
    """
    o = offer(base_salary=30_000, employer_rrsp_match=5_000)
    e = netpay.evaluate(o, 2024, rrsp_room=0, horizon=2)
    assert [y.rrsp_excess_tax for y in e.years] == [123.33, 43.33]
    y = e.years[0]
    # a line of its own, taken off the disposable (and so the total value), not off net cash
    costs = (y.rent + y.monthly_other_costs) * y.months
    assert y.disposable_sell_to_cover == pytest.approx(y.net_cash + y.tax_sold_to_cover - costs - 123.33, abs=0.01)
    assert e.by_year().loc["rrsp_excess_tax", 2024] == 123.33
    assert any("T1-OVP" in r and "$123.33 in 2024" in r for r in e.risks)
    # within the room + 2,000 nothing is owed and nothing is said
    ok = netpay.evaluate(offer(employer_rrsp_match=5_000), 2024, rrsp_room=4_000, horizon=1)
    assert ok.years[0].rrsp_excess_tax == 0 and not ok.risks


def test_tax_paid_from_pay_keeps_every_share_and_the_same_total_value():
    # RSU(tax_paid=...): 'sell_to_cover' (the default, as employers do) sells shares for the tax on a
    # share-settled tranche; 'cash' pays it from pay and keeps every share. The tax is the same; what
    # moves is where it shows: sold to cover -> equity after tax = shares - tax, disposable untouched;
    # from pay -> equity after tax = every share, disposable lower by the tax. Total value is equal.
    def year_two(tax_paid: str):
        grant = netpay.RSU(grant_value=160_000, cliff_months=12, frequency="quarterly", tax_paid=tax_paid)
        o = netpay.Offer(base_salary=135_000, city="Vancouver", equity=[grant])
        return netpay.evaluate(o, 2026, horizon=2, start="2026-06-15").years[1]

    sold, paid = year_two("sell_to_cover"), year_two("cash")
    assert sold.equity_shares == paid.equity_shares == 60_000  # 2027: the cliff 40,000 + 2 quarters of 10,000
    assert sold.equity_tax == paid.equity_tax > 0
    assert sold.equity_tax_from_cash == 0.0 and sold.tax_sold_to_cover == sold.equity_tax
    assert paid.equity_tax_from_cash == paid.equity_tax and paid.tax_sold_to_cover == 0.0
    assert sold.equity_after_tax == pytest.approx(60_000 - sold.equity_tax, abs=0.005)
    assert paid.equity_after_tax == 60_000
    assert paid.disposable_sell_to_cover == pytest.approx(sold.disposable_sell_to_cover - sold.equity_tax, abs=0.015)
    assert paid.total_value == pytest.approx(sold.total_value, abs=0.015)
