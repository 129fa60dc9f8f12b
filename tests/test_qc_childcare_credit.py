"""Québec's refundable tax credit for childcare expenses (Schedule C of the TP-1, line 455).

Every expected figure is worked out by hand below from data/benefits/<year>/qc_childcare_credit.yaml:
2025's rate table is Revenu Québec's (verified); 2026's thresholds and limits are 2025's x 1.0205,
rounded to the nearest $5 (derived): rate 78% up to 25,305, 75% to 44,620, ..., 70% from 51,225 to
122,290, 67% above; limits 12,525 (a child under 7 at the end of the year) and 6,305 (other eligible
children, under 14 at some point in 2026).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netpay
from netpay import benefits
from netpay.household import Child, Household, Spouse
from netpay.rules.benefits import childcare_credit as rules
from netpay.tables.benefits import load_benefit

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

D = dt.date


def credit(year: int, income: float, children: list[dt.date], fees: list[float], **kw) -> benefits.Benefit:
    found = benefits.household_benefits(
        "QC",
        year,
        family_net_income={year - 2: income, year - 1: income, year: income},
        children=children,
        couple=True,
        working_income=income,
        childcare_fees=fees,
        **kw,
    )
    return next(b for b in found if b.key == "qc_childcare_credit")


def params(year: int) -> rules.Params:
    return rules.params(load_benefit(str(year), "qc_childcare_credit"))


# --------------------------------------------------------------------------- the rate table and its edges


def test_rate_table_2025_band_edges():
    # Revenu Québec's 2025 table: 'supérieur à 0 sans dépasser 24 795: 78' ... '119 835 ou plus: 67'.
    p = params(2025)
    assert rules.childcare_credit_rate(0.0, p) == 0.78
    assert rules.childcare_credit_rate(24_795.0, p) == 0.78  # 'sans dépasser': the edge is in the band
    assert rules.childcare_credit_rate(24_795.01, p) == 0.75
    assert rules.childcare_credit_rate(43_725.01, p) == 0.74
    assert rules.childcare_credit_rate(50_195.0, p) == 0.71
    assert rules.childcare_credit_rate(50_195.01, p) == 0.70
    assert rules.childcare_credit_rate(119_835.0, p) == 0.70
    assert rules.childcare_credit_rate(119_835.01, p) == 0.67
    assert rules.childcare_credit_rate(1e9, p) == 0.67


def test_credit_at_the_first_band_edge_2026():
    # A child born 2023 (3 at the end of 2026), $500 a month: 12 x 500 = 6,000, under the 12,525 limit.
    # Family income 25,305 (the edge, still 78%): 78% x 6,000 = 4,680.00; one cent more: 75% x 6,000 = 4,500.00.
    assert credit(2026, 25_305, [D(2023, 5, 1)], [6_000]).amount == 4_680.00
    assert credit(2026, 25_305.01, [D(2023, 5, 1)], [6_000]).amount == 4_500.00
    # At the top edge 122,290: 70% x 6,000 = 4,200.00; above it 67% x 6,000 = 4,020.00.
    assert credit(2026, 122_290, [D(2023, 5, 1)], [6_000]).amount == 4_200.00
    assert credit(2026, 122_290.01, [D(2023, 5, 1)], [6_000]).amount == 4_020.00


def test_limits_and_two_children_2026():
    # $1,100 a month for a child born 2023: 13,200 > the 12,525 limit: 70% (income 100,000) x 12,525 = 8,767.50.
    assert credit(2026, 100_000, [D(2023, 5, 1)], [13_200]).amount == 8_767.50
    # A child of 4 (born 2022) at 13,200 and one of 10 (born 2016) at 4,800: 18,000 paid, under the
    # children's limits 12,525 + 6,305 = 18,830, so all of it: 70% x 18,000 = 12,600.00.
    assert credit(2026, 100_000, [D(2022, 3, 1), D(2016, 3, 1)], [13_200, 4_800]).amount == 12_600.00
    # A child without fees adds no limit: the same 4,800 for the 10-year-old alone is 70% x 4,800 = 3,360.00,
    # and 9,000 for that child alone is capped at 6,305: 70% x 6,305 = 4,413.50.
    assert credit(2026, 100_000, [D(2022, 3, 1), D(2016, 3, 1)], [0, 4_800]).amount == 3_360.00
    assert credit(2026, 100_000, [D(2016, 3, 1)], [9_000]).amount == 4_413.50


def test_age_limit_falls_from_16_to_14_in_2026():
    # Born 1 July 2011: 13 on 1 January 2025 (under 16 in 2025: eligible, 'other' limit 6,180), 14 on
    # 1 January 2026 (not under 14 at any point in 2026: not eligible).
    # 2025: 2,000 paid, income 100,000 (50,195 < 100,000 <= 119,835: 70%): 70% x 2,000 = 1,400.00.
    assert credit(2025, 100_000, [D(2011, 7, 1)], [2_000]).amount == 1_400.00
    assert credit(2026, 100_000, [D(2011, 7, 1)], [2_000]).amount == 0.0
    # Born 2 January 2012: 13 on 1 January 2026, under 14 until its birthday: eligible in 2026
    # (70% x 2,000 = 1,400.00).
    assert credit(2026, 100_000, [D(2012, 1, 2)], [2_000]).amount == 1_400.00


def test_not_resident_in_quebec_on_31_december_gets_none():
    b = credit(2026, 100_000, [D(2023, 5, 1)], [6_000], resident_from=D(2027, 1, 5))
    assert b.amount == 0.0
    assert any("31 December 2026" in n for n in b.notes)


def test_label_says_when_it_is_received_and_a_year_without_table_is_projected():
    b = credit(2026, 100_000, [D(2023, 5, 1)], [6_000])
    assert "on the 2026 return" in b.label and "refund in 2027" in b.label and "advance payments" in b.label
    assert b.status == "unverified"  # 2026's figures are derived
    later = credit(2028, 100_000, [D(2023, 5, 1)], [6_000])
    assert later.status == "projected" and any("2026 figures are used" in n for n in later.notes)
    assert later.amount == 4_200.00  # the 2026 table as it is: 70% x 6,000


def test_childcare_fees_are_checked():
    with pytest.raises(ValueError, match="one per child"):
        credit(2026, 100_000, [D(2023, 5, 1)], [6_000, 1_000])
    with pytest.raises(netpay.errors.InvalidIncomeError, match=r"childcare_fees\[0\]"):
        credit(2026, 100_000, [D(2023, 5, 1)], [-1])


def test_only_quebec_has_it():
    found = benefits.household_benefits(
        "ON",
        2026,
        family_net_income={2026: 100_000},
        children=[D(2023, 5, 1)],
        couple=True,
        working_income=100_000,
        childcare_fees=[6_000],
    )
    assert "qc_childcare_credit" not in {b.key for b in found}


# --------------------------------------------------------------------------- the data: the years agree


@pytest.mark.parametrize(("before", "after", "rate"), [(2024, 2025, 0.0285), (2025, 2026, 0.0205)])
def test_each_year_is_the_one_before_indexed_to_the_nearest_5(before: int, after: int, rate: float):
    # Québec indexes the thresholds and limits each year (2.85% for 2025, 2.05% for 2026) and rounds to
    # the nearest $5: e.g. 24,110 x 1.0285 = 24,797.14 -> 24,795 (Revenu Québec's 2025 table).
    a, b = load_benefit(str(before), "qc_childcare_credit"), load_benefit(str(after), "qc_childcare_credit")
    for old, new in zip(
        [*a.thresholds, a.limit_under_7, a.limit_disability, a.limit_other],
        [*b.thresholds, b.limit_under_7, b.limit_disability, b.limit_other],
        strict=True,
    ):
        assert new == 5 * round(old * (1 + rate) / 5), (old, new)
    assert a.rates == b.rates == [0.78, 0.75, 0.74, 0.73, 0.72, 0.71, 0.70, 0.67]


# --------------------------------------------------------------------------- the household in Montréal


def montreal(children: list[Child], salary: float = 60_000) -> netpay.Evaluation:
    home = Household(spouse=Spouse(income=0), children=children)
    return netpay.evaluate(netpay.Offer(base_salary=salary, city="Montréal"), 2026, household=home)


def line(e: netpay.Evaluation) -> float:
    return next(b.amount for b in e.household.benefits if b.key == "qc_childcare_credit")


def test_montreal_couple_non_subsidised_daycare():
    # One earner at $60,000, a spouse without income, a child born 2023 (3 at the end of 2026) in a
    # non-subsidised daycare at $1,100 a month. Family income = 60,000 - the enhanced QPP deduction
    # 1% x (60,000 - 3,500) = 59,435 (the spouse's 0; no federal child care deduction: the lower-income
    # spouse has no earned income), in the 70% band (51,225 < 59,435 <= 122,290).
    # Eligible expenses = min(12 x 1,100 = 13,200, 12,525) = 12,525; credit = 70% x 12,525 = 8,767.50.
    private = montreal([Child(born=2023, childcare=1_100)])
    assert line(private) == 8_767.50
    # The same fee marked as a subsidised space's earns nothing, and everything else is the same: the
    # household's net cash differs by the credit exactly.
    subsidised = montreal([Child(born=2023, childcare=1_100, subsidised=True)])
    assert line(subsidised) == 0.0
    assert private.household.household_net_cash - subsidised.household.household_net_cash == pytest.approx(8_767.50)


def test_montreal_reduced_contribution_by_default_gets_none():
    # netpay's Québec fee is the reduced contribution ($9.65 a day in 2026): not an eligible expense.
    e = montreal([Child(born=2023)])
    assert e.household.childcare > 0
    assert line(e) == 0.0


def test_child_subsidised_option_is_checked():
    with pytest.raises(ValueError, match=r"subsidised=False needs the fee you pay: give childcare="):
        Child(born=2023, subsidised=False)
    with pytest.raises(ValueError, match="subsidised must be True, False or None"):
        Child(born=2023, childcare=900, subsidised="yes")
    assert Child(born=2023, childcare=900, subsidised=False).non_subsidised_fee == 900.0
    assert Child(born=2023).non_subsidised_fee == 0.0


# --------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(
    year=st.sampled_from([2024, 2025, 2026]),
    low=st.floats(0, 300_000),
    more=st.floats(0, 300_000),
    fees=st.floats(0, 40_000),
    under_7=st.integers(0, 3),
    others=st.integers(0, 3),
)
def test_more_family_income_never_raises_the_credit(year, low, more, fees, under_7, others):
    p = params(year)
    poorer = rules.quebec_childcare_credit(low, fees, float(under_7), float(others), p)
    richer = rules.quebec_childcare_credit(low + more, fees, float(under_7), float(others), p)
    assert richer <= poorer
    assert 0.0 <= poorer <= 0.78 * fees + 1e-9


def test_cli_childcare_credit_and_subsidised(capsys):
    from netpay.cli import main

    args = ["compare", "--salary", "60k", "--city", "Montréal", "--spouse-income", "0", "--child", "2023",
            "--childcare", "1100", "--year", "2026"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    # 8,767.50 a year (the Montréal case above) is 730.625 a month, printed to the dollar
    assert "Québec tax credit for childcare expenses" in out and "$731" in out
    assert main([*args, "--subsidised"]) == 0
    out = capsys.readouterr().out
    # no credit: the CLI leaves out a benefit of $0; the household's benefits fall by 731 a month
    assert "Québec tax credit for childcare expenses" not in out.split("Household (each adult")[0]
    assert "Benefits (total, as paid in the year)" in out
    assert main(["compare", "--salary", "60k", "--city", "Montréal", "--child", "2023", "--subsidised"]) == 2
    assert "--subsidised describes the --childcare fee" in capsys.readouterr().err
