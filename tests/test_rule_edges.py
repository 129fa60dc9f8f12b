"""Each rule just below, at and just above its thresholds (federal, ON, BC, QC, AB)."""

from __future__ import annotations

import numpy as np
import pytest

import netpay
from netpay import tables
from netpay.engine import Ruleset, compute
from netpay.rules import federal
from netpay.rules.context import Residence
from netpay.rules.provinces import ab, bc, on, qc
from netpay.tables.taxes import OntarioTable
from tests.rules import contexts, each, params

CENT = 0.005


def a(*xs: float) -> np.ndarray:
    return np.array(xs, dtype=np.float64)


# --------------------------------------------------------------------------- federal BPA phase-down
@pytest.mark.parametrize(
    ("year", "start", "end", "bpa_max", "bpa_min"),
    [
        (2024, 173_205, 246_752, 15_705, 14_156),
        (2025, 177_882, 253_414, 16_129, 14_538),
        (2026, 181_440, 258_482, 16_452, 14_829),
    ],
)
def test_bpa_phase_down(year, start, end, bpa_max, bpa_min):
    f = Ruleset.load("ON", year).common.federal
    mid = (start + end) / 2
    got = each(federal.basic_personal_amount, contexts(year, [start - 1, start, mid, end, end + 1]), f)
    # full below and at the 29% threshold; halfway: max - (max - min) / 2; minimum from the 33% threshold
    assert got == pytest.approx([bpa_max, bpa_max, bpa_max - (bpa_max - bpa_min) / 2, bpa_min, bpa_min])


def test_bpa_part_year_prorates_thresholds_too():
    # 2025, resident 170 of 365 days: p = 170/365. Net income 60,000 is below p x 177,882 = 82,849.32:
    # BPA = 16,129 x 170/365 = 7,512.14. At net income 120,000: 120,000 / p = 257,647 > 253,414, so
    # BPA = 14,538 x 170/365 = 6,771.12 (CRA's age-amount method; see federal.basic_personal_amount).
    f = Ruleset.load("ON", 2025).common.federal
    got = each(federal.basic_personal_amount, contexts(2025, [60_000, 120_000], residence_fraction=170 / 365), f)
    assert got == pytest.approx([7_512.14, 6_771.12], abs=CENT)


def test_canada_employment_amount_is_lesser_of_cap_and_income():
    cea = tables.load(2026, "federal").canada_employment_amount
    assert each(federal.canada_employment_amount, [0, 1_000, 1_501, 90_000], cea) == pytest.approx(
        [0, 1_000, 1_501, 1_501]
    )


# --------------------------------------------------------------------------- Ontario
def test_ontario_surtax_thresholds_2026():
    s = params("ON", 2026).surtax
    # below and at 5,818: nil; 100 over: 20% x 100 = 20; 100 over 7,446: 20% x 1,728 + 36% x 100 = 381.60
    got = each(on.ontario_surtax, [5_000, 5_818, 5_918, 7_446, 7_546], s)
    assert got == pytest.approx([0, 0, 20.0, 0.20 * 1_628, 0.20 * 1_728 + 36.0])


@pytest.mark.parametrize(
    ("taxable", "premium"),
    [
        (20_000, 0),
        (22_500, 150),
        (25_000, 300),
        (36_000, 300),
        (37_250, 375),
        (38_500, 450),
        (48_000, 450),
        (48_300, 525),
        (48_600, 600),
        (72_000, 600),
        (72_300, 675),
        (72_600, 750),
        (200_000, 750),
        (200_300, 825),
        (200_600, 900),
        (1_000_000, 900),
    ],
)
def test_ontario_health_premium_chart(taxable, premium):
    # ON428 Part D chart: 6% of income over 20,000 to 300; 6% over 36,000 to 450; 25% over 48,000 to 600;
    # 25% over 72,000 to 750; 25% over 200,000 to 900.
    assert on.ontario_health_premium(float(taxable), params("ON", 2026).health_premium) == pytest.approx(premium)


def test_ontario_tax_reduction_2025():
    # 2 x 294 = 588 less Ontario tax, never more than the tax: tax 300 -> 288; tax 500 -> 88; tax 588 -> 0
    basic = params("ON", 2025).tax_reduction
    assert each(on.ontario_tax_reduction, [100, 300, 500, 588, 900], basic) == pytest.approx([100, 288, 88, 0, 0])


def test_lift_credit_edges_2026():
    # min(875, 5.05% x employment income), less 5% of net income over 32,500: full 875 from
    # employment income 875 / 0.0505 = 17,326.73; nil at net income 32,500 + 875 / 0.05 = 50,000.
    ctx = contexts(2026, [10_000, 20_000, 32_500, 41_250, 50_000, 60_000])
    assert each(on.lift_credit, ctx, params("ON", 2026).lift) == pytest.approx([505.0, 875, 875, 437.5, 0, 0])


def test_ontario_newcomer_gets_no_tax_reduction_or_lift():
    # Same $30,000 in 2026: Ontario tax 754.74 + 300 premium when not resident on January 1,
    # against 300 for a full-year resident (LIFT wipes out the basic tax; see tests/cases/2026/on.yaml, 30k).
    t = Ruleset.load("ON", 2026)
    full = compute(a(30_000), t)
    newcomer = compute(a(30_000), t, Residence(1.0, resident_jan1=False))
    assert full["provincial_tax"][0] == pytest.approx(300.00, abs=CENT)
    assert newcomer["provincial_tax"][0] == pytest.approx(754.74 + 300.00, abs=CENT)


# --------------------------------------------------------------------------- British Columbia
def test_bc_tax_reduction_range_2026():
    # 690 up to net income 25,570, less 3.56% of the excess: nil from 25,570 + 690 / 0.0356 = 44,952.25
    r = params("BC", 2026).tax_reduction
    got = each(bc.bc_tax_reduction, [20_000, 25_570, 35_000, 44_952, 44_953], r)
    assert got == pytest.approx([690, 690, 690 - 0.0356 * 9_430, 690 - 0.0356 * 19_382, 0], abs=1e-6)


def test_bc_2025_rate_before_budget_2026():
    assert tables.load(2025, "BC").effective_credit_rate == 0.0506
    assert tables.load(2026, "BC").effective_credit_rate == 0.056


# --------------------------------------------------------------------------- Québec
def test_quebec_deduction_for_workers_cap():
    # 6% of employment income up to 1,450 (2026), reached at 1,450 / 0.06 = 24,166.67
    d = params("QC", 2026).deduction_for_workers
    got = each(qc.deduction_for_workers, [0, 20_000, 24_166.66, 24_166.67, 100_000], d)
    assert got == pytest.approx([0, 1_200, 1_449.9996, 1_450, 1_450], abs=1e-3)


def test_quebec_gives_no_credit_for_contributions():
    # Two Québec residents with the same Québec taxable income pay the same Québec tax whatever their
    # QPP/EI/QPIP: the TP-1 has no credit for them. At $30,000 (2026): 14% x 28,285 - 14% x 18,952.
    r = netpay.take_home(30_000, "QC", 2026).iloc[0]
    assert r.provincial_tax == pytest.approx(0.14 * 28_285 - 0.14 * 18_952, abs=CENT)


# --------------------------------------------------------------------------- Alberta
def test_alberta_supplemental_credit():
    # 2% of credit amounts over 61,200 (2026); nil in 2024 (no such credit)
    s2026, s2024 = params("AB", 2026).supplemental_credit, params("AB", 2024).supplemental_credit
    assert each(ab.supplemental_tax_credit, [30_000, 61_200, 71_200], s2026) == pytest.approx([0, 0, 200])
    assert ab.supplemental_tax_credit(71_200.0, s2024) == 0


# --------------------------------------------------------------------------- no jump at any edge
EDGES = {  # employment incomes at which some rule starts or stops (2026)
    "ON": [
        3_500,
        20_000 + 265,
        25_000,
        32_500,
        50_000,
        68_900,
        74_600,
        85_000,
        107_785,
        150_000 + 1_127,
        182_567,
        200_000 + 1_127,
        200_600 + 1_127,
        259_609,
    ],
    "BC": [25_570 + 265, 44_952, 50_363, 68_900, 74_600, 85_000, 265_545 + 1_127],
    "QC": [24_166.67, 54_345, 68_900, 74_600, 85_000, 103_000, 132_245 + 2_577],
    "AB": [61_200 + 1_127, 68_900, 74_600, 85_000, 370_220 + 1_127],
}


@pytest.mark.parametrize("province", sorted(EDGES))
def test_no_jump_at_edges(province):
    edges = np.array(EDGES[province], dtype=np.float64)
    below = netpay.take_home(edges - 1.0, province, 2026)["net_income"].to_numpy()
    above = netpay.take_home(edges + 1.0, province, 2026)["net_income"].to_numpy()
    gain = above - below
    # $2 more income: net rises by between 0 and $2 (plus a cent or two of rounding)
    assert (gain >= -0.02).all() and (gain <= 2.02).all(), dict(zip(edges, gain, strict=True))


def test_overlapping_health_premium_ramps_are_rejected():
    import pydantic

    raw = tables.load(2026, "ON").model_dump(by_alias=True)
    # the first ramp (6% from 20,000, +300) ends at 25,000: a ramp starting at 24,000 overlaps it
    raw["health_premium"][1]["from"] = 24_000
    with pytest.raises(pydantic.ValidationError, match="must be ascending and not overlap"):
        OntarioTable.model_validate(raw)
