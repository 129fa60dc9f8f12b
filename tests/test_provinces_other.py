"""SK, MB, NB, NS, PE, NL, YT, NT and NU (issue 3): agreement with the form-by-form reference, rule
edges, properties across all 13 jurisdictions, and the registry of tables.

The worked examples (a hand calculation per jurisdiction, year and income) are data:
``tests/cases/<year>/<code>.yaml``, run by ``tests/test_cases.py``. Figures here are typed from the
published rates (as in ``tests/reference_provinces.py``), not read back from netpay's data.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netpay
from netpay import tables
from netpay.jurisdictions import NAMES
from netpay.rules.federal import canada_employment_amount
from netpay.rules.provinces import mb, ns, yt
from netpay.rules.provinces.atlantic import low_income_tax_reduction
from tests import reference_provinces
from tests.rules import contexts, each, params

CENT = 0.005
YEARS = (2024, 2025, 2026)
NEW = ("SK", "MB", "NB", "NS", "PE", "NL", "YT", "NT", "NU")


def provincial(code: str, year: int, incomes: tuple[float, ...]) -> list[float]:
    return netpay.take_home(list(incomes), code, year)["provincial_tax"].tolist()


# ============================================================================= the form-by-form reference
INCOMES = (0, 9_000, 16_000, 21_000, 26_000, 48_300, 60_000, 95_000, 140_000, 210_000, 300_000, 1_500_000)


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("code", NEW)
def test_matches_form_by_form_reference(code: str, year: int):
    """The engine agrees, to the cent, with the scalar reference at twelve incomes."""
    got = netpay.take_home(list(INCOMES), code, year)
    for i, income in enumerate(INCOMES):
        for col, value in reference_provinces.take_home(income, code, year).items():
            assert got[col].iloc[i] == pytest.approx(value, abs=CENT), (code, year, income, col)


# ============================================================================= rule edges
@pytest.mark.parametrize("year", (2025, 2026))
def test_manitoba_bpa_phase_out_edges(year: int):
    # 15,780 up to net income 200,000; then 15,780 / 200,000 = 0.0789 less per dollar; nil from 400,000.
    ctx = contexts(year, [199_999, 200_000, 200_001, 300_000, 399_999, 400_000, 400_001])
    got = each(mb.manitoba_basic_personal_amount, ctx, params("MB", year))
    assert got == pytest.approx([15_780, 15_780, 15_779.9211, 7_890, 0.0789, 0, 0], abs=1e-6)


def test_manitoba_bpa_not_phased_out_in_2024():
    ctx = contexts(2024, [199_999, 300_000, 500_000])
    assert each(mb.manitoba_basic_personal_amount, ctx, params("MB", 2024)) == pytest.approx([15_780] * 3)


@pytest.mark.parametrize("year", YEARS)
def test_manitoba_family_tax_benefit_ends_at_22944(year: int):
    # 10.8% x (2,065 - 9% x net income): 10.8% x 265 = 28.62 at 20,000; nil from 2,065 / 0.09 = 22,944.44.
    got = each(mb.family_tax_benefit, [20_000.0, 22_944.0, 22_945.0, 60_000.0], params("MB", year))
    assert got == pytest.approx([28.62, 0.108 * (2_065 - 0.09 * 22_944), 0, 0], abs=1e-9)


YUKON_PHASE = {
    2024: (15_705, 14_156, 173_205, 246_752),
    2025: (16_129, 14_538, 177_882, 253_414),
    2026: (16_452, 14_829, 181_440, 258_482),
}


@pytest.mark.parametrize("year", YEARS)
def test_yukon_bpa_follows_the_federal_phase_down(year: int):
    high, low, start, end = YUKON_PHASE[year]
    step = (high - low) / (end - start)
    ctx = contexts(year, [start - 1, start, start + 1, end - 1, end, end + 1, 1_000_000])
    got = each(yt.yukon_basic_personal_amount, ctx, params("YT", year))
    assert got == pytest.approx([high, high, high - step, low + step, low, low, low], abs=1e-6)


def test_yukon_part_year_resident_gets_p_times_bpa_of_net_over_p():
    # p = 0.5, net income 100,000 -> 0.5 x BPA(200,000); in 2026
    # BPA(200,000) = 16,452 - 1,623 x (200,000 - 181,440 = 18,560) / 77,042 = 16,061.0048.
    ctx = contexts(2026, [100_000.0], residence_fraction=0.5)
    got = each(yt.yukon_basic_personal_amount, ctx, params("YT", 2026))
    assert got == pytest.approx([0.5 * (16_452 - 1_623 * 18_560 / 77_042)], abs=1e-6)


def test_yukon_canada_employment_amount_is_the_lesser():
    employment = [0.0, 900.0, 1_501.0, 50_000.0]
    got = each(canada_employment_amount, employment, params("YT", 2026).canada_employment_amount)
    assert got == pytest.approx([0, 900, 1_501, 1_501])


def test_nova_scotia_2024_bpa_supplement_edges():
    # 8,481 + 3,000 to taxable income 25,000; less 6% of the excess; 8,481 from 75,000.
    ctx = contexts(2024, [24_999, 25_000, 25_001, 50_000, 74_999, 75_000, 75_001])
    got = each(ns.nova_scotia_basic_personal_amount, ctx, params("NS", 2024))
    assert got == pytest.approx([11_481, 11_481, 11_480.94, 9_981, 8_481.06, 8_481, 8_481], abs=1e-6)


@pytest.mark.parametrize(("year", "flat"), ((2025, 11_744), (2026, 11_932)))
def test_nova_scotia_bpa_is_flat_from_2025(year: int, flat: float):
    ctx = contexts(year, [20_000, 25_001, 50_000, 74_999, 200_000])
    assert each(ns.nova_scotia_basic_personal_amount, ctx, params("NS", year)) == pytest.approx([flat] * 5)


# (basic reduction, base amount, rate) typed from the sources; the reduction ends at base + basic / rate.
LOW_INCOME = {
    ("NB", 2024): (781, 21_343, 0.03),
    ("NB", 2025): (802, 21_920, 0.03),
    ("NB", 2026): (818, 22_358, 0.03),
    ("NS", 2024): (300, 15_000, 0.05),
    ("NS", 2025): (300, 15_000, 0.05),
    ("NS", 2026): (300, 15_000, 0.05),
    ("PE", 2024): (350, 21_500, 0.05),
    ("PE", 2025): (350, 22_650, 0.05),
    ("PE", 2026): (350, 23_000, 0.05),
    ("NL", 2024): (974, 23_390, 0.16),
    ("NL", 2025): (997, 23_928, 0.16),
    ("NL", 2026): (1_008, 24_191, 0.16),
}


@pytest.mark.parametrize(("code", "year"), sorted(LOW_INCOME))
def test_low_income_reduction_threshold_and_end(code: str, year: int):
    basic, start, rate = LOW_INCOME[(code, year)]
    end = start + basic / rate
    ni = [start - 1, start, start + 1, end - 1, end, end + 1]
    got = each(low_income_tax_reduction, ni, params(code, year).low_income_reduction)
    assert got == pytest.approx([basic, basic, basic - rate, rate, 0, 0], abs=1e-6)


@pytest.mark.parametrize(("code", "year"), sorted(LOW_INCOME))
def test_low_income_reduction_never_makes_tax_negative(code: str, year: int):
    """Across the reduction's range the tax is between zero and the tax without it (the reference's
    basic tax), and a dollar past its end the reduction is gone."""
    basic, start, rate = LOW_INCOME[(code, year)]
    xs = np.linspace(0, start + basic / rate + 5_000, 400)
    got = netpay.take_home(xs, code, year)["provincial_tax"].to_numpy()
    assert (got >= 0).all()
    want = [reference_provinces.PROVINCIAL[code](float(x), year) for x in xs]
    assert got == pytest.approx(want, abs=CENT)


# Top thresholds and the two top rates, typed from the sources. Above the CPP/EI maxima the credits
# are constant, so the provincial tax grows at the bracket rate on each side of the threshold.
TOP = {
    "SK": {2024: (148_734, 0.125, 0.145), 2025: (152_750, 0.125, 0.145), 2026: (155_805, 0.125, 0.145)},
    "MB": {2024: (100_000, 0.1275, 0.174), 2025: (100_000, 0.1275, 0.174), 2026: (100_000, 0.1275, 0.174)},
    "NB": {2024: (185_064, 0.16, 0.195), 2025: (190_060, 0.16, 0.195), 2026: (193_861, 0.16, 0.195)},
    "NS": {2024: (150_000, 0.175, 0.21), 2025: (154_650, 0.175, 0.21), 2026: (157_124, 0.175, 0.21)},
    "PE": {2024: (140_000, 0.18, 0.1875), 2025: (140_000, 0.1762, 0.19), 2026: (142_520, 0.1762, 0.19)},
    "NL": {2024: (1_103_478, 0.213, 0.218), 2025: (1_128_858, 0.213, 0.218), 2026: (1_141_275, 0.213, 0.218)},
    "YT": {2024: (500_000, 0.128, 0.15), 2025: (500_000, 0.128, 0.15), 2026: (500_000, 0.128, 0.15)},
    "NT": {2024: (164_525, 0.122, 0.1405), 2025: (168_967, 0.122, 0.1405), 2026: (172_346, 0.122, 0.1405)},
    "NU": {2024: (173_205, 0.09, 0.115), 2025: (177_881, 0.09, 0.115), 2026: (181_439, 0.09, 0.115)},
}
LINE_22215 = {2024: 838, 2025: 1_074, 2026: 1_127}


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("code", NEW)
def test_top_bracket_starts_at_its_threshold(code: str, year: int):
    threshold, below, above = TOP[code][year]
    at = threshold + LINE_22215[year]  # employment income whose taxable income is the threshold
    tax = provincial(code, year, (at - 100, at, at + 100))
    assert tax[1] - tax[0] == pytest.approx(100 * below, abs=0.011)
    assert tax[2] - tax[1] == pytest.approx(100 * above, abs=0.011)


# ============================================================================= properties, all 13
ALL = sorted(NAMES)
incomes = st.floats(min_value=0, max_value=1_500_000, allow_nan=False, allow_infinity=False)
cases = st.tuples(st.sampled_from(ALL), st.sampled_from(YEARS))


@given(cases, st.lists(incomes, min_size=2, max_size=30))
def test_net_never_falls_as_income_rises(case, xs):
    code, year = case
    net = netpay.take_home(np.sort(np.asarray(xs)), code, year)["net_income"].to_numpy()
    assert (np.diff(net) >= -0.011).all()  # rounding each tax to the cent may cost a cent


@given(cases, st.lists(incomes, min_size=1, max_size=30))
def test_taxes_never_negative(case, xs):
    code, year = case
    r = netpay.take_home(xs, code, year)
    # the territories' refundable cost of living credits (NT479 at most $942, NU479 $1,500) go below zero
    floor = {"NT": -942.0, "NU": -1_500.0}.get(code, 0.0)
    assert (r["provincial_tax"] >= floor).all() and (r["federal_tax"] >= 0).all()


@given(cases, st.lists(incomes, min_size=1, max_size=12))
def test_array_equals_one_by_one(case, xs):
    code, year = case
    together = netpay.take_home(xs, code, year)
    for i, x in enumerate(xs):
        alone = netpay.take_home(x, code, year).iloc[0]
        for col in ("provincial_tax", "federal_tax", "net_income"):
            assert together[col].iloc[i] == alone[col], (col, x)


@given(cases, incomes)
def test_a_one_dollar_raise_moves_net_by_at_most_a_dollar(case, x):
    code, year = case
    r = netpay.take_home([x, x + 1.0], code, year)["net_income"].to_numpy()
    assert -0.011 <= r[1] - r[0] <= 1.011


# ============================================================================= the registry
def test_available_covers_all_13_jurisdictions_every_year():
    have = tables.available()
    assert set(have) >= set(YEARS)
    for year in tables.years():
        assert set(have[year]) == set(NAMES) | {tables.FEDERAL, tables.PAYROLL}, year
        for code in NAMES:
            assert tables.load(year, code).jurisdiction == code


@pytest.mark.parametrize("code", NEW)
def test_every_new_table_names_its_module_and_cites_every_figure(code: str):
    from netpay.rules.provinces import MODULES

    shape = {
        "SK": "standard",
        "NT": "territorial",
        "NU": "territorial",
        "NB": "atlantic",
        "NL": "atlantic",
        "PE": "atlantic",
    }
    assert MODULES[code] == f"netpay.rules.provinces.{shape.get(code, code.lower())}"
    for year in YEARS:
        t = tables.load(year, code)
        assert t.notes, (code, year)  # each says what is (not) modelled
        for field, srcs in tables.sources(year, code).items():
            for s in srcs:
                # issue 10's and the household's figures were read on 2026-12-01
                assert str(s.retrieved) in ("2026-11-25", "2026-12-01"), (code, year, field)
