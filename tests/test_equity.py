"""Equity grants (netpay.RSU, netpay.StockOptions): vesting dates, each tax year's amounts, their
tax. Every expected figure is worked out by hand in the comments (2026 tables: data/tax_tables/2026)."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import netpay
from netpay.components import IncomeComponents, tax, tax_on_equity
from netpay.equity import RSU, StockOptions, income_in_year, tranches

CENT = 0.005


def by_year(grants, start, years):
    return {y: income_in_year(grants, start, y) for y in years}


# --------------------------------------------------------------------------- RSUs


STARTUP = RSU(grant_value=160_000, years=4, cliff_months=12, frequency="quarterly")
JUNE_15 = dt.date(2025, 6, 15)


def test_cliff_then_quarterly_from_15_june():
    # 160,000 over 4 years = 40,000 a year. Nothing before the cliff (15 June 2026): 2025 is empty.
    # Cliff: 25% = 40,000 on 15 Jun 2026; then 1/16 = 10,000 every quarter: 15 Sep, 15 Dec 2026,
    # 15 Mar, Jun, Sep, Dec 2027 and 2028, 15 Mar and 15 Jun 2029 (the 48th month).
    t = tranches(STARTUP, JUNE_15)
    assert [x.date for x in t[:4]] == [
        dt.date(2026, 6, 15),
        dt.date(2026, 9, 15),
        dt.date(2026, 12, 15),
        dt.date(2027, 3, 15),
    ]
    assert t[-1].date == dt.date(2029, 6, 15)
    assert [x.value for x in t] == pytest.approx([40_000] + [10_000] * 12)
    years = by_year([STARTUP], JUNE_15, range(2025, 2031))
    # 2026: 40,000 + 10,000 + 10,000 = 60,000; 2027 and 2028: 4 x 10,000; 2029: 2 x 10,000; 2030: 0
    want = {2025: 0, 2026: 60_000, 2027: 40_000, 2028: 40_000, 2029: 20_000, 2030: 0}
    for y, amount in want.items():
        e = years[y]
        assert e.employment_income == pytest.approx(amount)
        assert e.pensionable == pytest.approx(amount)  # CPP: yes
        assert e.insurable == 0.0  # share-settled: a non-cash benefit, not insurable
        assert e.cash == 0.0
        assert e.shares_value == pytest.approx(amount)
        assert e.sell_to_cover == pytest.approx(amount)  # tax paid by selling shares (default)
        assert e.option_deduction == 0.0  # no deduction for RSUs
        assert e.face_value == e.after_haircut == pytest.approx(amount)


def test_cliff_year_tax_by_hand_alberta_2026():
    """Salary 50,000 + the 2026 RSU tranches (60,000, share-settled) for a Calgary resident.

    Employment income 110,000; pensionable 110,000 (above the YAMPE); insurable 50,000 (shares are
    not insurable).
    CPP base: (74,600 - 3,500) x 4.95% = 3,519.45; first additional 71,100 x 1% = 711.00;
    CPP2: (85,000 - 74,600) x 4% = 416.00 -> enhanced 1,127.00 (line 22215), cpp = 4,646.45.
    EI: 50,000 x 1.63% = 815.00 (not the 1,123.07 maximum a cash bonus would reach).
    Net income = taxable income = 110,000 - 1,127 = 108,873.
    Federal: 58,523 x 14% = 8,193.22 + (108,873 - 58,523) x 20.5% = 10,321.75 -> 18,514.97;
      credits (16,452 BPA + 1,501 CEA + 3,519.45 + 815.00) = 22,287.45 x 14% = 3,120.243
      -> 15,394.727 -> 15,394.73.
    Alberta: 61,200 x 8% = 4,896.00 + (108,873 - 61,200) x 10% = 4,767.30 -> 9,663.30;
      credits (22,769 + 3,519.45 + 815.00) = 27,103.45 x 8% = 2,168.276 (under the supplemental
      credit's 61,200 threshold: no supplement) -> 7,495.024 -> 7,495.02.
    Total = 4,646.45 + 815.00 + 15,394.73 + 7,495.02 = 28,351.20.
    """
    offer = netpay.Offer(base_salary=50_000, equity=[STARTUP], city="Calgary")
    c = IncomeComponents.from_offers([offer], "AB", year=2026, start=JUNE_15)
    assert c.employment_income[0] == 110_000
    assert c.insurable[0] == 50_000
    assert c.cash[0] == 50_000
    assert c.equity_shares[0] == 60_000
    r = tax(c, "AB", 2026)
    assert r.cpp[0] == pytest.approx(4_646.45, abs=CENT)
    assert r.ei[0] == pytest.approx(815.00, abs=CENT)
    assert r.taxable_income[0] == pytest.approx(108_873.00, abs=CENT)
    assert r.federal_tax[0] == pytest.approx(15_394.73, abs=CENT)
    assert r.provincial_tax[0] == pytest.approx(7_495.02, abs=CENT)
    assert r.total_deductions[0] == pytest.approx(28_351.20, abs=CENT)
    # The tax the RSUs add: the salary alone (50,000) pays CPP (50,000 - 3,500) x 4.95% = 2,301.75
    # + 46,500 x 1% = 465.00; EI 815.00; net income 49,535; federal 49,535 x 14% = 6,934.90 -
    # (16,452 + 1,501 + 2,301.75 + 815) x 14% = 2,949.765 -> 3,985.135 -> 3,985.14 (half up);
    # Alberta 49,535 x 8% = 3,962.80 - (22,769 + 2,301.75 + 815) x 8% = 2,070.86 -> 1,891.94;
    # total 9,458.83. So the RSUs add 28,351.20 - 9,458.83 = 18,892.37.
    base = IncomeComponents.from_offers([offer], "AB")
    ey = income_in_year([STARTUP], JUNE_15, 2026)
    assert tax_on_equity(base, [ey], "AB", 2026)[0] == pytest.approx(18_892.37, abs=CENT)
    # 2025, the year of the start: the cliff is not reached, only the salary counts
    c25 = IncomeComponents.from_offers([offer], "AB", year=2025, start=JUNE_15)
    assert c25.employment_income[0] == 50_000


@pytest.mark.filterwarnings("ignore:cash-settled RSUs paid until")
def test_cash_settled_tranches_are_insurable_cash():
    # The same grant settled in cash: a bonus, so EI applies: insurable 50,000 + 60,000 = 110,000,
    # above the 68,900 maximum -> EI 68,900 x 1.63% = 1,123.07; and the 60,000 is cash.
    grant = STARTUP.model_copy(update={"settlement": "cash"})
    e = income_in_year([grant], JUNE_15, 2026)
    assert (e.insurable, e.cash, e.shares_value, e.sell_to_cover) == (60_000, 60_000, 0, 0)
    offer = netpay.Offer(base_salary=50_000, equity=[grant], city="Calgary")
    c = IncomeComponents.from_offers([offer], "AB", year=2026, start=JUNE_15)
    assert tax(c, "AB", 2026).ei[0] == pytest.approx(1_123.07, abs=CENT)


def test_cash_settled_past_three_years_warns_of_a_salary_deferral_arrangement():
    # paid until 15 June 2029, after 31 Dec 2027 (2025 + 2): the 3-year window of ITA 248(1) (k)
    grant = STARTUP.model_copy(update={"settlement": "cash"})
    with pytest.warns(UserWarning, match="salary deferral arrangement"):
        income_in_year([grant], JUNE_15, 2026)
    # two years, last paid 15 June 2027: inside the window, no warning
    short = RSU(grant_value=1_000, years=2, settlement="cash")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        income_in_year([short], JUNE_15, 2026)


def test_amazon_5_15_40_40_quarterly():
    # 100,000 from 1 May 2025, cliff 12 months, quarterly: 5,000 on 1 May 2026; year 2: 15% / 4 =
    # 3,750 on 1 Aug, 1 Nov 2026, 1 Feb, 1 May 2027; years 3-4: 40% / 4 = 10,000 on 1 Aug, 1 Nov
    # 2027, 1 Feb, 1 May, 1 Aug, 1 Nov 2028, 1 Feb, 1 May 2029.
    # 2026: 5,000 + 2 x 3,750 = 12,500; 2027: 2 x 3,750 + 2 x 10,000 = 27,500; 2028: 40,000; 2029: 20,000
    g = RSU(grant_value=100_000, schedule=[5, 15, 40, 40], frequency="quarterly")
    preset = RSU(grant_value=100_000, schedule="amazon")
    assert tranches(preset, dt.date(2025, 5, 1)) == tranches(g, dt.date(2025, 5, 1))
    years = by_year([g], dt.date(2025, 5, 1), range(2025, 2030))
    got = {y: e.employment_income for y, e in years.items()}
    assert got == pytest.approx({2025: 0, 2026: 12_500, 2027: 27_500, 2028: 40_000, 2029: 20_000})


def test_price_growth_and_haircut():
    # 1,000 units at $100, one vest a year from 1 Jan 2024, 10% a year: the last vest is 1 Jan 2028,
    # 1,461 days = exactly 4 years of 365.25 days -> 250 x 100 x 1.1^4 = 25,000 x 1.4641 = 36,602.50.
    # A haircut of 0.4 shows 60% of it, 21,961.50; the tax stays on the full 36,602.50.
    g = RSU(shares=1_000, price=100, frequency="annual", price_growth=0.10, haircut=0.4)
    e = income_in_year(g, dt.date(2024, 1, 1), 2028)
    assert e.employment_income == pytest.approx(36_602.50)
    assert e.face_value == pytest.approx(36_602.50)
    assert e.after_haircut == pytest.approx(21_961.50)


# --------------------------------------------------------------------------- stock options


def public_options(shares: float, **kw) -> StockOptions:
    # all options vest on the first anniversary; exercised then at $30 a share; strike = FMV = $10
    return StockOptions(
        shares=shares, strike=10, fmv_at_grant=10, years=1, frequency="annual", value_per_share_at_exercise=30, **kw
    )


def test_public_company_option_deduction_by_hand_alberta_2026():
    """10,000 options, strike $10 = FMV at grant, exercised at vest (1 Mar 2026) at $30.

    Benefit (30 - 10) x 10,000 = 200,000: employment income in 2026 (s. 7(1)(a)); FMV at grant of
    the options vesting in 2026 = 100,000 <= 200,000: all qualify; deduction 1/2 = 100,000 from
    taxable income (line 24900), not from net income.
    With salary 50,000: employment income 250,000, pensionable 250,000, insurable 50,000.
    CPP 3,519.45 + 1,127.00 = 4,646.45; EI 50,000 x 1.63% = 815.00.
    Net income 250,000 - 1,127 = 248,873 (the BPA reads it); taxable 248,873 - 100,000 = 148,873.
    Federal BPA: 16,452 - 1,623 x (248,873 - 181,440) / (258,482 - 181,440)
      = 16,452 - 1,623 x 67,433 / 77,042 = 16,452 - 1,420.573 = 15,031.427.
    Federal bracket tax on 148,873: 8,193.22 + 58,522 x 20.5% = 11,997.01 + (148,873 - 117,045)
      x 26% = 8,275.28 -> 28,465.51; credits (15,031.427 + 1,501 + 3,519.45 + 815) = 20,866.877 x
      14% = 2,921.363 -> 25,544.147 -> 25,544.15.
    Alberta on 148,873: 4,896.00 + 87,673 x 10% = 8,767.30 -> 13,663.30 - 2,168.276 = 11,495.024
      -> 11,495.02.
    """
    g = public_options(10_000)
    e = income_in_year([g], dt.date(2025, 3, 1), 2026)
    assert (e.employment_income, e.pensionable, e.insurable, e.cash) == (200_000, 200_000, 0, 0)
    assert e.option_deduction == 100_000
    assert e.quebec_option_deduction == 50_000  # Québec: 25% (TA s. 725.2)
    offer = netpay.Offer(base_salary=50_000, equity=[g], city="Calgary")
    r = tax(IncomeComponents.from_offers([offer], "AB", year=2026, start=dt.date(2025, 3, 1)), "AB", 2026)
    assert r.net_income_23600[0] == pytest.approx(248_873.00, abs=CENT)
    assert r.taxable_income[0] == pytest.approx(148_873.00, abs=CENT)
    assert r.federal_tax[0] == pytest.approx(25_544.15, abs=CENT)
    assert r.provincial_tax[0] == pytest.approx(11_495.02, abs=CENT)


def test_options_over_the_200000_vesting_limit():
    # 30,000 options vesting in 2026 at FMV at grant $10: 300,000 > 200,000, so 200,000 / 300,000 = 2/3
    # qualify (s. 110(1.31)). Benefit 20 x 30,000 = 600,000; deduction 1/2 x 600,000 x 2/3 = 200,000.
    e = income_in_year(public_options(30_000), dt.date(2025, 3, 1), 2026)
    assert e.employment_income == 600_000
    assert e.option_deduction == pytest.approx(200_000)
    # An employer under $500 million of revenue: no limit, 1/2 x 600,000 = 300,000
    small = income_in_year(public_options(30_000, large_employer=False), dt.date(2025, 3, 1), 2026)
    assert small.option_deduction == pytest.approx(300_000)
    # Two grants vesting the same year: the first uses 100,000 of the limit, the second (also
    # 100,000 at grant) the other 100,000: all qualify. A third of 10,000 options (100,000) gets none.
    three = [public_options(10_000), public_options(10_000), public_options(10_000)]
    e3 = income_in_year(three, dt.date(2025, 3, 1), 2026)
    assert e3.option_deduction == pytest.approx(2 * 100_000)  # 1/2 x 200,000 x 2 qualified grants
    # strike below the FMV at grant: no deduction at all
    cheap = StockOptions(
        shares=10_000, strike=5, fmv_at_grant=10, years=1, frequency="annual", value_per_share_at_exercise=30
    )
    assert income_in_year(cheap, dt.date(2025, 3, 1), 2026).option_deduction == 0.0


def test_ccpc_option_deferred_to_sale_deduction_after_two_years():
    # 10,000 options of a CCPC, strike $0.50 below the FMV at grant $1 (so no 110(1)(d)), vesting
    # 15 Jan 2025, exercised then at $5: benefit (5 - 0.5) x 10,000 = 45,000, measured at exercise.
    start = dt.date(2024, 1, 15)
    kw = dict(
        shares=10_000, strike=0.5, fmv_at_grant=1, years=1, frequency="annual", value_per_share_at_exercise=5, ccpc=True
    )
    held = StockOptions(**kw, sale_year=3)  # sold 15 Jan 2027: held 2 years -> s. 110(1)(d.1)
    y25, y26, y27 = (income_in_year(held, start, y) for y in (2025, 2026, 2027))
    assert (y25.employment_income, y25.deferred, y25.face_value) == (0, 45_000, 45_000)
    assert y26.employment_income == 0
    # 2027, the year of sale (s. 7(1.1)): income 45,000, no CPP (CRA: no CPP on a CCPC benefit),
    # no EI; deduction 1/2 = 22,500 (d.1); Québec 25% = 11,250 (TA s. 725.3)
    assert (y27.employment_income, y27.pensionable, y27.insurable) == (45_000, 0, 0)
    assert y27.option_deduction == 22_500
    assert y27.quebec_option_deduction == 11_250
    # Sold after one year (15 Jan 2026): taxed in 2026, no deduction (strike < FMV, not held 2 years)
    quick = income_in_year(StockOptions(**kw, sale_year=2), start, 2026)
    assert (quick.employment_income, quick.option_deduction) == (45_000, 0)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("kw", "says"),
    [
        ({"grant_value": 1, "schedule": [5, 15, 40, 30]}, "schedule must sum to 100"),
        ({"grant_value": 1, "schedule": [50, 50]}, "schedule has 2 yearly percents but years=4"),
        ({"grant_value": 1, "schedule": "amazn"}, "did you mean amazon"),
        ({"grant_value": 1, "cliff_months": 60}, "cliff_months must be 0 to years x 12 = 48"),
        ({"grant_value": 1, "haircut": 30}, "haircut must be a fraction from 0 to 1"),
        ({"shares": 100}, "needs grant_value= .* or shares= and price="),
        ({"grant_value": "160k"}, "grant_value"),
        ({"grant_value": 1, "frequency": "weekly"}, "frequency"),
    ],
)
def test_rsu_errors_name_the_parameter(kw, says):
    with pytest.raises(ValidationError, match=says):
        RSU(**kw)


@pytest.mark.parametrize(
    ("kw", "says"),
    [
        ({"exercise": "at_exit"}, "needs exit_year="),
        ({"exercise": "at_exitt"}, "did you mean 'at_exit'"),
        ({"exercise": 2029}, "counts years after the start date"),
        ({"sale_year": 3}, "sale_year matters only for a CCPC"),
    ],
)
def test_option_errors_name_the_parameter(kw, says):
    with pytest.raises(ValidationError, match=says):
        StockOptions(shares=1_000, strike=1, fmv_at_grant=1, **kw)


def test_offer_takes_grants_or_the_flat_shorthand_not_both():
    with pytest.raises(ValidationError, match="not both"):
        netpay.Offer(base_salary=1, equity=[STARTUP], equity_vesting=10_000, city="Calgary")
    assert netpay.Offer(base_salary=1, equity=STARTUP, city="Calgary").equity == (STARTUP,)


def test_grants_written_as_mappings_with_a_type():
    # as an offers file writes them: [[equity]] type = "rsu", ...
    o = netpay.Offer(
        base_salary=1,
        city="Calgary",
        equity=[
            {"type": "rsu", "grant_value": 160_000},
            {"type": "options", "shares": 10, "strike": 1, "fmv_at_grant": 1},
        ],
    )
    assert [type(g) for g in o.equity] == [RSU, StockOptions]
    assert o.equity[0] == STARTUP
    with pytest.raises(ValidationError, match="equity\\[0\\]: type 'rsus' is not a grant type .*did you mean 'rsu'"):
        netpay.Offer(base_salary=1, city="Calgary", equity=[{"type": "rsus", "grant_value": 1}])


def test_exercise_at_a_year_waits_for_the_anniversary():
    # vests 1 Mar 2026 (annual, one year); exercise="at_year:3" -> 1 Mar 2028: income in 2028, none in 2026
    g = StockOptions(
        shares=100,
        strike=1,
        fmv_at_grant=1,
        years=1,
        frequency="annual",
        value_per_share_at_exercise=3,
        exercise="at_year:3",
    )
    start = dt.date(2025, 3, 1)
    assert income_in_year(g, start, 2026).employment_income == 0
    assert income_in_year(g, start, 2028).employment_income == 200  # (3 - 1) x 100


# --------------------------------------------------------------------------- property


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)),
    growth=st.floats(min_value=0.0, max_value=0.3),
    frequency=st.sampled_from(["monthly", "quarterly", "annual"]),
    options=st.booleans(),
)
def test_a_day_later_start_moves_each_year_a_little(start, growth, frequency, options):
    """Shifting the start by a day moves a year's income by at most the one tranche that crosses the
    year's end (plus a few days' price growth), and the total over all years by a few days' growth:
    a vest on the 31st lands on the month's last day (29 Jan and 31 Jan both vest on 28 Feb), so a
    tranche's days since the start change by 3 at most."""
    g = (
        StockOptions(shares=10_000, strike=10, fmv_at_grant=10, frequency=frequency, price_growth=growth)
        if options
        else RSU(grant_value=100_000, cliff_months=12, frequency=frequency, price_growth=growth)
    )
    later = start + dt.timedelta(days=1)
    years = range(start.year, start.year + 6)
    a, b = by_year([g], start, years), by_year([g], later, years)
    # each tranche's share price moves by a factor of (1 + g)^(3 / 365.25) at most, so the total by
    # at most (that factor - 1) x the shares' gross value (options: the spread plus the strike)
    drift = (1 + growth) ** (3 / 365.25)
    gross = sum(t.value + (g.strike * t.shares if options else 0.0) for t in tranches(g, later))
    moved = gross * drift * (drift - 1) + 1e-6
    biggest = max(t.value for t in tranches(g, later))
    for y in years:
        assert abs(a[y].employment_income - b[y].employment_income) <= biggest * drift + moved
    total_a = sum(e.employment_income for e in a.values())
    total_b = sum(e.employment_income for e in b.values())
    assert abs(total_b - total_a) <= moved


def test_quebec_takes_its_own_deduction_from_taxable_income():
    # 10,000 public options as above, a Montréal resident: federal taxable income is 100,000 lower
    # (1/2 of 200,000), Québec taxable income 50,000 lower (25%, TA s. 725.2, TP-1 line 297); the
    # federal and Québec net incomes are unchanged.
    import dataclasses

    import numpy as np

    offer = netpay.Offer(base_salary=50_000, equity=[public_options(10_000)], city="Montréal")
    c = IncomeComponents.from_offers([offer], "QC", year=2026, start=dt.date(2025, 3, 1))
    none = dataclasses.replace(c, taxable_deductions=np.zeros(1), quebec_taxable_deductions=np.zeros(1))
    r, r0 = tax(c, "QC", 2026), tax(none, "QC", 2026)
    assert r0.taxable_income[0] - r.taxable_income[0] == pytest.approx(100_000, abs=CENT)
    assert r0.provincial_taxable_income[0] - r.provincial_taxable_income[0] == pytest.approx(50_000, abs=CENT)
    assert r.net_income_23600[0] == r0.net_income_23600[0]


# --------------------------------------------------------------------------- funding the strike, cash-outs


def test_the_strike_paid_in_cash_keeps_every_share_and_is_a_cash_outflow():
    # public_options(10,000): vest 1 Mar 2026 at $30, strike $10. Benefit (30 - 10) x 10,000 = 200,000
    # either way (s. 7(1)(a)). Cashless: shares are sold for the strike, 10,000 x 10 = 100,000, and
    # the shares kept are worth the benefit, 200,000. Cash: the 100,000 strike is paid from the year's
    # cash and all 10,000 shares are kept, worth 10,000 x 30 = 300,000.
    start = dt.date(2025, 3, 1)
    cashless = income_in_year(public_options(10_000), start, 2026)
    cash = income_in_year(public_options(10_000, exercise_funding="cash"), start, 2026)
    assert (cashless.strike_paid, cash.strike_paid) == (0.0, 100_000.0)
    assert cashless.employment_income == cash.employment_income == 200_000
    assert cashless.option_deduction == cash.option_deduction == 100_000
    assert (cashless.face_value, cash.face_value) == (200_000, 300_000)
    grants = (public_options(10_000), public_options(10_000, exercise_funding="cash"))
    offers = [netpay.Offer(base_salary=50_000, equity=[g], city="Calgary") for g in grants]
    c = IncomeComponents.from_offers(offers, "AB", year=2026, start=start)
    # the shares received: 200,000 and 300,000; the strike leaves pay with the RRSP/pension contributions
    assert list(c.equity_shares) == [200_000, 300_000]
    assert list(c.out_of_cash) == [0, 100_000]
    r = tax(c, "AB", 2026)
    assert r.total_deductions[0] == pytest.approx(r.total_deductions[1], abs=CENT)  # the same tax


@settings(max_examples=15, deadline=None)
@given(
    strike=st.floats(1, 40),
    value=st.floats(1, 80),
    shares=st.floats(100, 50_000),
)
def test_cash_and_cashless_exercise_give_the_same_tax_and_total_value(strike, value, shares):
    # property: funding the strike moves value between cash and shares, never the tax
    def horizon(funding):
        g = StockOptions(
            shares=shares,
            strike=strike,
            fmv_at_grant=strike,
            years=1,
            frequency="annual",
            value_per_share_at_exercise=value,
            exercise_funding=funding,
        )
        return netpay.evaluate(netpay.Offer(base_salary=80_000, equity=[g], city="Calgary"), 2025, horizon=2).years[1]

    a, b = horizon("cashless"), horizon("cash")
    paid = shares * strike if value > strike else 0.0  # options under water are not exercised
    assert b.exercise_cost == pytest.approx(paid, abs=0.01)
    assert a.equity_tax == pytest.approx(b.equity_tax, abs=0.01)
    assert a.total_value == pytest.approx(b.total_value, abs=0.02)
    assert a.net_cash - b.net_cash == pytest.approx(paid, abs=0.02)
    assert b.equity_shares - a.equity_shares == pytest.approx(paid, abs=0.02)


def test_a_cash_out_is_insurable_cash_and_deductible_only_with_the_election():
    # A cash-out (settlement="cash"): the employer pays the spread, (30 - 10) x 10,000 = 200,000, in
    # cash (s. 7(1)(b)): employment income, pensionable and insurable (CRA: "Cash outs - Deduct CPP
    # Contribution, EI premiums and income tax"), no shares.
    start = dt.date(2025, 3, 1)
    plain = income_in_year(public_options(10_000, settlement="cash"), start, 2026)
    assert (plain.employment_income, plain.pensionable, plain.insurable, plain.cash) == (200_000,) * 4
    assert plain.shares_value == 0 and plain.strike_paid == 0
    # Without the employer's s. 110(1.1) election: no deduction, federal or Québec
    assert (plain.option_deduction, plain.quebec_option_deduction) == (0, 0)
    # With it: 1/2 x 200,000 = 100,000 federal; Québec 25% x 200,000 = 50,000 (RL-1 box L-8)
    elected = income_in_year(public_options(10_000, settlement="cash", cash_out_election=True), start, 2026)
    assert (elected.option_deduction, elected.quebec_option_deduction) == (100_000, 50_000)


def test_a_ccpc_cash_out_is_taxed_when_paid_not_deferred():
    # A CCPC's options cashed out on the vest, 1 Mar 2026: no shares, so no s. 7(1.1) deferral: the
    # 200,000 is income in 2026, pensionable (a deferred CCPC benefit would not be), nothing deferred.
    g = public_options(10_000, ccpc=True, settlement="cash")
    e = income_in_year(g, dt.date(2025, 3, 1), 2026)
    assert (e.employment_income, e.pensionable, e.deferred) == (200_000, 200_000, 0)


def test_quebec_innovative_sme_takes_50_percent():
    # TP-1 line 297 at 50% for an innovative SME (unverified rate, data/equity.yaml): 50% x 200,000
    # = 100,000, against 25% x 200,000 = 50,000 in general; federal 1/2 either way.
    start = dt.date(2025, 3, 1)
    sme = income_in_year(public_options(10_000, quebec_innovative_sme=True), start, 2026)
    assert (sme.option_deduction, sme.quebec_option_deduction) == (100_000, 100_000)
    ccpc = StockOptions(
        shares=10_000,
        strike=10,
        fmv_at_grant=10,
        years=1,
        frequency="annual",
        value_per_share_at_exercise=30,
        ccpc=True,
        quebec_innovative_sme=True,
    )
    assert income_in_year(ccpc, start, 2026).quebec_option_deduction == 100_000


@pytest.mark.parametrize(
    "kw, says",
    [
        ({"cash_out_election": True}, "settlement='cash'"),
        ({"settlement": "cash", "exercise_funding": "cash"}, "pays no strike"),
        ({"settlement": "cash", "ccpc": True, "sale_year": 3}, "no shares to sell"),
        ({"exercise_funding": "loan"}, "exercise_funding"),
    ],
)
def test_funding_and_settlement_errors_name_the_parameter(kw, says):
    with pytest.raises(ValidationError, match=says):
        public_options(10_000, **kw)


def test_the_equity_figures_are_cited_in_data():
    from netpay.equity_tax import figures

    f = figures()
    # CRA (option benefit deductions; excess contributions) and Revenu Québec (line 297), read 2026-12-01
    assert (f.option_deduction, f.vesting_limit) == (0.5, 200_000)
    assert (f.quebec_option_deduction, f.quebec_large_employer_deduction) == (0.25, 0.5)
    assert (f.rrsp_excess_cushion, f.rrsp_excess_monthly_rate) == (2_000, 0.01)
    assert not f.sources["quebec_innovative_sme_deduction"][0].verified
