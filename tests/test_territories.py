"""The territories' payroll tax and cost of living credits, and Québec's drug insurance premium (issue 10).

Each expected figure is worked by hand below from the published rates (the data files' sources),
never read back from netpay.

2025 rates used: CPP 5.95% (4.95% base + 1% first additional) over $3,500 to the YMPE $71,300, CPP2
4% to $81,200 (maxima 4,034.10 and 396); EI 1.64% to $65,700 (1,077.48). Federal 14.5% to 57,375,
20.5% to 114,750, 26% to 177,882, 29% to 253,414, 33% above; credits at 14.5% on BPA 16,129 (14,538
from net income 253,414), Canada employment amount 1,471, CPP base and EI.
NT 2025: 5.9% / 8.6% / 12.2% / 14.05% from 0 / 51,964 / 103,930 / 168,967; BPA 17,842; credits 5.9%.
NU 2025: 4% / 7% / 9% / 11.5% from 0 / 54,707 / 109,413 / 177,881; BPA 19,274; credits 4%.
NT479: 2.6% of adjusted net income to 12,000 (312), 1.25% to 48,000 (+450 = 762), 1% to 66,000
(+180 = 942), at most 942, at least the adult's 350. NU479: 2%, at most 1,500.
Payroll tax (NT, NU): 2% of gross remuneration, withheld, not on the T1.
"""

from __future__ import annotations

import numpy as np
import pytest

import netpay
from netpay import Offer, engine, evaluate, tables
from netpay.components import IncomeComponents, tax
from netpay.first_year.payroll import per_pay_contributions
from netpay.jurisdictions import NAMES
from netpay.rules.provinces import territorial

CENT = 0.005
COLUMNS = ("cpp", "ei", "federal_tax", "provincial_tax", "payroll_tax", "total_deductions", "net_income")

# Shared by both territories (2025):
# $40,000: CPP 5.95% x 36,500 = 2,171.75 (first additional 1% x 36,500 = 365, base 1,806.75);
#   EI 1.64% x 40,000 = 656. Net income 40,000 - 365 = 39,635.
#   Federal 14.5% x 39,635 = 5,747.075 - 14.5% x (16,129 + 1,471 + 1,806.75 + 656 = 20,062.75)
#   = 2,909.09875 -> 2,837.97625 -> 2,837.98. Payroll tax 2% x 40,000 = 800.
# $140,000: CPP 4,034.10 + CPP2 396 = 4,430.10 (deduction 678 + 396 = 1,074; base 3,356.10); EI 1,077.48.
#   Net income 138,926. Federal 14.5% x 57,375 = 8,319.375 + 20.5% x 57,375 = 11,761.875 + 26% x
#   24,176 = 6,285.76; total 26,367.01 - 14.5% x (16,129 + 1,471 + 3,356.10 + 1,077.48 = 22,033.58)
#   = 3,194.8691 -> 23,172.1409 -> 23,172.14. Payroll tax 2,800.
# $300,000: CPP 4,430.10, EI 1,077.48, net income 298,926. Federal 8,319.375 + 11,761.875 + 26% x 63,132
#   = 16,414.32 + 29% x 75,532 = 21,904.28 + 33% x 45,512 = 15,018.96; total 73,418.81 - 14.5% x
#   (BPA 14,538 + 1,471 + 3,356.10 + 1,077.48 = 20,442.58) = 2,964.1741 -> 70,454.6359 -> 70,454.64.
#   Payroll tax 6,000.
WORKED_2025 = {
    # NT $40,000: 5.9% x 39,635 = 2,338.465 - 5.9% x (17,842 + 1,806.75 + 656 = 20,304.75) = 1,197.98025
    #   -> 1,140.48475; NT479 312 + 1.25% x (39,635 - 12,000) = 657.4375; tax 483.04725 -> 483.05.
    #   Total 2,171.75 + 656 + 2,837.98 + 483.05 + 800 = 6,948.78; take-home 33,051.22.
    ("NT", 40_000): (2_171.75, 656.00, 2_837.98, 483.05, 800.00, 6_948.78, 33_051.22),
    # NT $140,000: 5.9% x 51,964 = 3,065.876 + 8.6% x 51,966 = 4,469.076 + 12.2% x 34,996 = 4,269.512;
    #   total 11,804.464 - 5.9% x (17,842 + 3,356.10 + 1,077.48 = 22,275.58) = 1,314.25922 -> 10,490.20478;
    #   NT479: adjusted net income >= 66,000: 942; tax 9,548.20478 -> 9,548.20.
    #   Total 4,430.10 + 1,077.48 + 23,172.14 + 9,548.20 + 2,800 = 41,027.92; take-home 98,972.08.
    ("NT", 140_000): (4_430.10, 1_077.48, 23_172.14, 9_548.20, 2_800.00, 41_027.92, 98_972.08),
    # NT $300,000: 3,065.876 + 4,469.076 + 12.2% x 65,037 = 7,934.514 + 14.05% x 129,959 = 18,259.2395;
    #   total 33,728.7055 - 1,314.25922 = 32,414.44628 - 942 = 31,472.44628 -> 31,472.45.
    #   Total 4,430.10 + 1,077.48 + 70,454.64 + 31,472.45 + 6,000 = 113,434.67; take-home 186,565.33.
    ("NT", 300_000): (4_430.10, 1_077.48, 70_454.64, 31_472.45, 6_000.00, 113_434.67, 186_565.33),
    # NU $40,000: 4% x 39,635 = 1,585.40 - 4% x (19,274 + 1,806.75 + 656 = 21,736.75) = 869.47 -> 715.93;
    #   NU479 2% x 39,635 = 792.70; tax 715.93 - 792.70 = -76.77 (refundable: below zero).
    #   Total 2,171.75 + 656 + 2,837.98 - 76.77 + 800 = 6,388.96; take-home 33,611.04.
    ("NU", 40_000): (2_171.75, 656.00, 2_837.98, -76.77, 800.00, 6_388.96, 33_611.04),
    # NU $140,000: 4% x 54,707 = 2,188.28 + 7% x 54,706 = 3,829.42 + 9% x 29,513 = 2,656.17; total
    #   8,673.87 - 4% x (19,274 + 3,356.10 + 1,077.48 = 23,707.58) = 948.3032 -> 7,725.5668; NU479 2% x
    #   138,926 = 2,778.52, at most 1,500; tax 6,225.5668 -> 6,225.57.
    #   Total 4,430.10 + 1,077.48 + 23,172.14 + 6,225.57 + 2,800 = 37,705.29; take-home 102,294.71.
    ("NU", 140_000): (4_430.10, 1_077.48, 23_172.14, 6_225.57, 2_800.00, 37_705.29, 102_294.71),
    # NU $300,000: 2,188.28 + 3,829.42 + 9% x 68,468 = 6,162.12 + 11.5% x 121,045 = 13,920.175; total
    #   26,099.995 - 948.3032 = 25,151.6918 - 1,500 = 23,651.6918 -> 23,651.69.
    #   Total 4,430.10 + 1,077.48 + 70,454.64 + 23,651.69 + 6,000 = 105,613.91; take-home 194,386.09.
    ("NU", 300_000): (4_430.10, 1_077.48, 70_454.64, 23_651.69, 6_000.00, 105_613.91, 194_386.09),
}


@pytest.mark.parametrize(("code", "income"), sorted(WORKED_2025))
def test_take_home_with_payroll_tax_and_cost_of_living_credit(code: str, income: float):
    got = netpay.take_home(income, code, 2025).iloc[0]
    for column, want in zip(COLUMNS, WORKED_2025[(code, income)], strict=True):
        assert got[column] == pytest.approx(want, abs=CENT), (code, income, column)


def test_the_payroll_tax_is_two_percent_everywhere_it_applies_and_nowhere_else():
    # 2% x 140,000 = 2,800 in NT and NU, every year; no other jurisdiction has one
    for year in (2024, 2025, 2026):
        for code in NAMES:
            r = netpay.take_home(140_000, code, year).iloc[0]
            assert r.payroll_tax == (2_800.0 if code in ("NT", "NU") else 0.0), (code, year)
            assert r.ramq_premium == 0.0  # take_home's employee has a group plan


def test_the_payroll_tax_takes_two_percent_of_each_further_dollar():
    # at $140,000 in NT 2026 (net income 138,873) the marginal rate is 26% federal (117,045-181,440)
    # + 12.2% NT (106,009-172,346) + 2% payroll = 40.2% (CPP, CPP2 and EI are at their maxima; the
    # $942 credit is at its maximum)
    assert netpay.take_home(140_000, "NT", 2026).iloc[0].marginal_rate == pytest.approx(0.402, abs=1e-9)


def test_payroll_tax_base_is_gross_remuneration_with_benefits_and_bonus():
    # base 90,000 + bonus 10,000 + taxable benefits 1,000 + employer RRSP 2,000 = employment income
    # 103,000 (T4 box 14); the employee's own RRSP contribution does not reduce the base:
    # 2% x 103,000 = 2,060 (fin.gov.nt.ca: "salaries and wages, bonuses ... value of allowances and
    # benefits taxable under the federal Income Tax Act; contributions by employers to RRSP").
    offer = Offer(
        base_salary=90_000,
        bonus=10_000,
        taxable_benefits=1_000,
        employer_rrsp_match=2_000,
        employee_rrsp=3_000,
        city="Montréal",  # no NT city in netpay's data: the province is given to the treatment directly
    )
    components = IncomeComponents.from_offers([offer], "NT")
    r = tax(components, "NT", 2026)
    assert r.payroll_tax[0] == pytest.approx(2_060.00, abs=CENT)
    # and it is in total deductions: total = CPP + EI + taxes + 2,060
    parts = r.cpp[0] + r.ei[0] + r.federal_tax[0] + r.provincial_tax[0] + 2_060.0
    assert r.total_deductions[0] == pytest.approx(parts, abs=CENT)


def test_payroll_tax_is_withheld_pay_by_pay():
    # 26 biweekly pays of 3,000: 2% x 3,000 = 60.00 each, 1,560 a year = 2% x 78,000
    pay = IncomeComponents.of_income(np.full(26, 3_000.0))
    withheld = per_pay_contributions(pay, "NU", 2026, 26)
    assert withheld["payroll_tax"] == pytest.approx([60.0] * 26)
    assert per_pay_contributions(pay, "ON", 2026, 26)["payroll_tax"] == pytest.approx([0.0] * 26)


@pytest.mark.parametrize(
    ("ani", "want"),
    [
        (0.0, 350.0),  # the adult's basic supplement for self
        (12_000.0, 350.0),  # basic 2.6% x 12,000 = 312 < 350
        (15_040.0, 350.0),  # basic 312 + 1.25% x 3,040 = 350
        (20_000.0, 412.0),  # 312 + 1.25% x 8,000 = 412
        (48_000.0, 762.0),  # 312 + 1.25% x 36,000 = 762
        (60_000.0, 882.0),  # 762 + 1% x 12,000 = 882
        (66_000.0, 942.0),  # 762 + 1% x 18,000 = 942
        (250_000.0, 942.0),  # the maximum
    ],
)
def test_nt479_basic_credit_and_supplement(ani: float, want: float):
    p = territorial.params(tables.load(2025, "NT"))
    assert territorial.cost_of_living_credit(ani, p.cost_of_living) == pytest.approx(want, abs=1e-9)


@pytest.mark.parametrize(("ani", "want"), [(0.0, 0.0), (40_000.0, 800.0), (75_000.0, 1_500.0), (90_000.0, 1_500.0)])
def test_nu479_basic_credit(ani: float, want: float):
    # 2% x adjusted net income, at most 1,500 (reached at 75,000)
    p = territorial.params(tables.load(2026, "NU"))
    assert territorial.cost_of_living_credit(ani, p.cost_of_living) == pytest.approx(want, abs=1e-9)


def test_the_credit_is_refundable_and_not_prorated_for_an_arrival():
    # NU 2026, $20,000: basic territorial tax 0 (4% x 19,835 = 793.40 < credits 832.07), credit
    # 2% x 19,835 = 396.70 -> provincial tax -396.70. Resident half the year: the BPA is prorated,
    # 793.40 - 4% x (9,829.50 + 816.75 + 326 = 10,972.25) = 438.89 -> 354.51, but the credit is not
    # (it goes to a resident of Nunavut on December 31): 354.51 - 396.70 = -42.19.
    full = engine.compute(np.array([20_000.0]), engine.Ruleset.load("NU", 2026))
    assert full.provincial_tax[0] == pytest.approx(-396.70, abs=CENT)
    half = engine.compute(np.array([20_000.0]), engine.Ruleset.load("NU", 2026), engine.Residence(0.5, False))
    assert half.provincial_tax[0] == pytest.approx(-42.19, abs=CENT)


# ============================================================================ Québec: Schedule K
def test_ramq_premium_for_an_offer_without_group_insurance():
    # Montréal, 2025, $100,000: Québec net income far above the 20,355 exemption + about 8,100, so the
    # premium is the 2025 maximum $755 = (744 + 766) / 2; with a group plan, none. Net cash falls by it.
    without = evaluate(Offer(base_salary=100_000, city="Montréal", group_insurance=False), 2025)
    with_plan = evaluate(Offer(base_salary=100_000, city="Montréal"), 2025)
    assert without.ramq_premium == pytest.approx(755.00, abs=CENT)
    assert with_plan.ramq_premium == 0.0
    assert with_plan.net_cash - without.net_cash == pytest.approx(755.00, abs=CENT)


def test_group_insurance_changes_nothing_outside_quebec():
    a = evaluate(Offer(base_salary=100_000, city="Toronto", group_insurance=False), 2025)
    b = evaluate(Offer(base_salary=100_000, city="Toronto"), 2025)
    assert a.ramq_premium == 0.0 and a.net_cash == b.net_cash


@pytest.mark.parametrize(
    ("year", "income", "want"),
    [
        # 2025, $25,000: Québec net income 25,000 - deduction for workers min(6% x 25,000, 1,420) = 1,420
        # - QPP first additional 1% x 21,500 = 215 -> 23,365; 23,365 - 20,355 = 3,010 x 7.47% = 224.847
        # -> 224.85
        (2025, 25_000, 224.85),
        # 2024, $15,000: 15,000 - 6% x 15,000 = 900 - 1% x 11,500 = 115 -> 13,985 < 19,790: nil
        (2024, 15_000, 0.0),
        # 2024, $60,000: the maximum, (731 + 744) / 2 = 737.50
        (2024, 60_000, 737.50),
    ],
)
def test_schedule_k_premium(year: int, income: float, want: float):
    incomes = engine.Incomes(np.array([float(income)]), uninsured=1.0)
    r = engine.compute(incomes, engine.Ruleset.load("QC", year))
    assert r.ramq_premium[0] == pytest.approx(want, abs=CENT)


def test_schedule_k_counts_the_months_without_a_group_plan():
    # half the year without access to a group plan (and resident all year): half of 755 = 377.50
    incomes = engine.Incomes(np.array([100_000.0]), uninsured=0.5)
    assert engine.compute(incomes, engine.Ruleset.load("QC", 2025)).ramq_premium[0] == pytest.approx(377.50)


# ============================================================================ statuses of disputed figures
def test_budget_and_bill_figures_are_labelled_not_enacted():
    # BC 2026 (5.60%, $690) and NL 2026 (Bill 16's $13,094) are shipped, labelled until Royal Assent is seen
    bc = tables.sources(2026, "BC")
    for field in ("brackets", "credit_rate", "tax_reduction"):
        assert {s.status for s in bc[field]} == {"not enacted"}, field
        assert {s.enactment for s in bc[field]} == {"budget measure; enactment not verified"}
    assert {s.status for s in tables.sources(2026, "NL")["basic_personal_amount"]} == {"not enacted"}


def test_settled_figures():
    # PEI 2025 BPA 14,650 and low-income threshold 22,650 (the 2025 PE428 as transcribed); NB 2025
    # threshold 21,920 (19,177 x 1.063 x 1.047 x 1.027 = 21,919.52); NU 2026 second threshold 111,602
    pe = tables.load(2025, "PE")
    assert (pe.basic_personal_amount, pe.low_income_reduction.threshold) == (14_650, 22_650)
    assert tables.load(2025, "NB").low_income_reduction.threshold == 21_920
    assert tables.load(2026, "NU").brackets[2].from_ == 111_602
