"""Worked examples: each expected figure is a hand calculation written out here from the
published rates (see the data files' sources), not a value read back from netpay."""

from __future__ import annotations

import pytest

import netpay
from tests import reference

CENT = 0.005  # compare to the cent


def row(income: float, province: str, year: int):
    return netpay.take_home(income, province, year).iloc[0]


# ----------------------------------------------------------------------------- 2026, $140,000
# Contributions outside Québec (2026): CPP 5.95% x (74,600 - 3,500) = 4,230.45 (the maximum);
#   first additional part 4,230.45 x 1/5.95 = 711.00, base part 3,519.45;
#   CPP2 4% x (85,000 - 74,600) = 416.00. Deduction (line 22215) 711 + 416 = 1,127.
#   EI 1.63% x 68,900 = 1,123.07. Net = taxable income = 140,000 - 1,127 = 138,873.
# Federal (2026) on 138,873: 14% x 58,523 = 8,193.22; 20.5% x 58,522 = 11,997.01;
#   26% x (138,873 - 117,045 = 21,828) = 5,675.28; total 25,865.51.
#   Credits: BPA 16,452 (net income below 181,440) + CEA 1,501 + CPP base 3,519.45 + EI 1,123.07
#   = 22,595.52 x 14% = 3,163.3728. Federal tax 25,865.51 - 3,163.3728 = 22,702.1372 -> 22,702.14.
FED_140K_2026 = 22_702.14


def test_ontario_2026_140k():
    # Ontario brackets on 138,873: 5.05% x 53,891 = 2,721.4955; 9.15% x 53,894 = 4,931.301;
    #   11.16% x (138,873 - 107,785 = 31,088) = 3,469.4208; total 11,122.2173.
    # Credits (12,989 + 3,519.45 + 1,123.07 = 17,631.52) x 5.05% = 890.39176; basic 10,231.82554.
    # Surtax 20% x (10,231.82554 - 5,818) = 882.765108 + 36% x (10,231.82554 - 7,446) = 1,002.897194.
    # Tax reduction: 2 x 300 - 12,117.48784 < 0 -> 0. LIFT: 875 - 5% x (138,873 - 32,500) < 0 -> 0.
    # Health premium at 138,873 (72,600 to 200,000): 750. Total 12,867.48784 -> 12,867.49.
    r = row(140_000, "ON", 2026)
    assert r.cpp == pytest.approx(4_646.45, abs=CENT)
    assert r.ei == pytest.approx(1_123.07, abs=CENT)
    assert r.qpip == 0
    assert r.taxable_income == pytest.approx(138_873.00, abs=CENT)
    assert r.federal_tax == pytest.approx(FED_140K_2026, abs=CENT)
    assert r.provincial_tax == pytest.approx(12_867.49, abs=CENT)
    # net = 140,000 - 4,646.45 - 1,123.07 - 22,702.14 - 12,867.49 = 98,660.85
    assert r.net_income == pytest.approx(98_660.85, abs=CENT)
    assert r.monthly_net_income == pytest.approx(98_660.85 / 12, abs=CENT)


def test_british_columbia_2026_140k():
    # BC brackets on 138,873: 5.60% x 50,363 = 2,820.328; 7.70% x 50,365 = 3,878.105;
    #   10.50% x 14,920 = 1,566.60; 12.29% x (138,873 - 115,648 = 23,225) = 2,854.3525; total 11,119.3855.
    # Credits (13,216 + 3,519.45 + 1,123.07 = 17,858.52) x 5.60% = 1,000.07712.
    # BC tax reduction: 690 - 3.56% x (138,873 - 25,570) < 0 -> 0. Tax 10,119.30838 -> 10,119.31.
    r = row(140_000, "BC", 2026)
    assert r.federal_tax == pytest.approx(FED_140K_2026, abs=CENT)
    assert r.provincial_tax == pytest.approx(10_119.31, abs=CENT)
    assert r.net_income == pytest.approx(140_000 - 4_646.45 - 1_123.07 - 22_702.14 - 10_119.31, abs=CENT)


def test_quebec_2026_140k():
    # QPP 2026: 6.30% x 71,100 = 4,479.30; first additional 4,479.30 / 6.3 = 711.00, base 3,768.30;
    #   QPP2 4% x 10,400 = 416.00. EI (Québec) 1.30% x 68,900 = 895.70. QPIP 0.430% x 103,000 = 442.90.
    # Federal: bracket tax on 138,873 = 25,865.51 (as above). Credits 16,452 + 1,501 + 3,768.30 + 895.70
    #   + 442.90 = 23,059.90 x 14% = 3,228.386; basic 22,637.124; less 16.5% abatement: x 0.835 = 18,902.0.
    # Québec taxable income = 140,000 - deduction for workers 1,450 - line 248 1,127 = 137,423.
    #   14% x 54,345 = 7,608.30; 19% x 54,335 = 10,323.65; 24% x 23,565 = 5,655.60;
    #   25.75% x (137,423 - 132,245 = 5,178) = 1,333.335; total 24,920.885 - 14% x 18,952 (2,653.28)
    #   = 22,267.605 -> 22,267.61 (half-up).
    r = row(140_000, "QC", 2026)
    assert r.cpp == pytest.approx(4_895.30, abs=CENT)
    assert r.ei == pytest.approx(895.70, abs=CENT)
    assert r.qpip == pytest.approx(442.90, abs=CENT)
    assert r.provincial_taxable_income == pytest.approx(137_423, abs=CENT)
    assert r.federal_tax == pytest.approx(18_902.00, abs=CENT)
    assert r.provincial_tax == pytest.approx(22_267.61, abs=CENT)


def test_alberta_2026_140k():
    # Alberta on 138,873: 8% x 61,200 = 4,896; 10% x 77,673 = 7,767.30; total 12,663.30.
    # Credits (22,769 + 3,519.45 + 1,123.07 = 27,411.52) x 8% = 2,192.9216 -> 10,470.3784.
    # Supplemental credit: credit amounts 27,411.52 < 61,200 -> 0. Tax 10,470.38.
    r = row(140_000, "AB", 2026)
    assert r.provincial_tax == pytest.approx(10_470.38, abs=CENT)
    assert r.federal_tax == pytest.approx(FED_140K_2026, abs=CENT)


# ----------------------------------------------------------------------------- 2026, low incomes
def test_ontario_2026_20k_tax_reduction_wipes_out_ontario_tax():
    # CPP 5.95% x 16,500 = 981.75 (first additional 165.00, base 816.75); EI 1.63% x 20,000 = 326.00.
    # Net income 19,835. Federal: 14% x 19,835 = 2,776.90 - 14% x (16,452 + 1,501 + 816.75 + 326
    #   = 19,095.75) = 2,673.405 -> 103.495 -> 103.50 (half-up).
    # Ontario: 5.05% x 19,835 = 1,001.6675 - 5.05% x (12,989 + 816.75 + 326) = 713.653375 -> 288.014125;
    #   reduction 600 - 288.01 = 311.99 >= tax -> 0. Health premium: 19,835 <= 20,000 -> 0.
    r = row(20_000, "ON", 2026)
    assert r.cpp == pytest.approx(981.75, abs=CENT)
    assert r.federal_tax == pytest.approx(103.50, abs=CENT)
    assert r.provincial_tax == 0


def test_ontario_2026_30k_lift_then_health_premium():
    # CPP 5.95% x 26,500 = 1,576.75 (first additional 265.00, base 1,311.75); EI 489.00; net 29,735.
    # Ontario basic: 5.05% x 29,735 = 1,501.6175 - 5.05% x (12,989 + 1,311.75 + 489) = 746.882375 = 754.735125.
    # Reduction 600 - 754.74 < 0 -> 0. LIFT: min(875, 5.05% x 30,000) = 875, net income < 32,500: 875,
    #   capped at the tax 754.74 -> Ontario tax 0. Health premium 25,000-36,000: 300.
    r = row(30_000, "ON", 2026)
    assert r.provincial_tax == pytest.approx(300.00, abs=CENT)


def test_british_columbia_2026_30k_tax_reduction():
    # BC: 5.60% x 29,735 = 1,665.16 - 5.60% x (13,216 + 1,311.75 + 489 = 15,016.75) = 840.938 -> 824.222.
    # Reduction 690 - 3.56% x (29,735 - 25,570) = 690 - 148.274 = 541.726. Tax 282.496 -> 282.50.
    assert row(30_000, "BC", 2026).provincial_tax == pytest.approx(282.50, abs=CENT)


def test_quebec_2026_30k():
    # QPP 6.30% x 26,500 = 1,669.50; first additional 265.00. Deduction for workers min(6% x 30,000, 1,450) = 1,450.
    # Québec taxable income 30,000 - 1,450 - 265 = 28,285. 14% x 28,285 = 3,959.90 - 2,653.28 = 1,306.62.
    r = row(30_000, "QC", 2026)
    assert r.provincial_taxable_income == pytest.approx(28_285, abs=CENT)
    assert r.provincial_tax == pytest.approx(1_306.62, abs=CENT)


# ----------------------------------------------------------------------------- 2026, above $250,000
def test_ontario_2026_300k():
    # Net income 300,000 - 1,127 = 298,873 (> 258,482: BPA at its minimum 14,829).
    # Federal brackets: 8,193.22 + 11,997.01 + 26% x 64,395 = 16,742.70 + 29% x 77,042 = 22,342.18
    #   + 33% x 40,391 = 13,329.03 = 72,604.14. Credits 14,829 + 1,501 + 3,519.45 + 1,123.07 = 20,972.52
    #   x 14% = 2,936.1528. Federal 69,667.9872 -> 69,667.99.
    # Ontario: 2,721.4955 + 4,931.301 + 11.16% x 42,215 = 4,711.194 + 12.16% x 70,000 = 8,512
    #   + 13.16% x 78,873 = 10,379.6868 = 31,255.6773 - 890.39176 = 30,365.28554.
    #   Surtax 20% x 24,547.28554 = 4,909.457108 + 36% x 22,919.28554 = 8,250.942794.
    #   Health premium 900. Total 44,425.68544 -> 44,425.69.
    r = row(300_000, "ON", 2026)
    assert r.federal_tax == pytest.approx(69_667.99, abs=CENT)
    assert r.provincial_tax == pytest.approx(44_425.69, abs=CENT)


def test_quebec_2026_300k_abatement():
    # Federal brackets on 298,873 = 72,604.14; credits 14,829 + 1,501 + 3,768.30 + 895.70 + 442.90
    #   = 21,436.90 x 14% = 3,001.166; basic 69,602.974 x 0.835 = 58,118.48329 -> 58,118.48.
    assert row(300_000, "QC", 2026).federal_tax == pytest.approx(58_118.48, abs=CENT)


def test_alberta_2025_8_percent_bracket():
    # 2025, $50,000: CPP 5.95% x 46,500 = 2,766.75 (first additional 465.00, base 2,301.75);
    #   EI 1.64% x 50,000 = 820.00. Net 49,535.
    # Alberta 8% x 49,535 = 3,962.80 - 8% x (22,323 + 2,301.75 + 820 = 25,444.75) = 2,035.58 -> 1,927.22.
    assert row(50_000, "AB", 2025).provincial_tax == pytest.approx(1_927.22, abs=CENT)


def test_alberta_2024_10_percent():
    # 2024, $50,000: CPP 2,766.75 (first additional 465.00, base 2,301.75); EI 1.66% x 50,000 = 830.00.
    # Alberta 10% x 49,535 = 4,953.50 - 10% x (21,885 + 2,301.75 + 830 = 25,016.75) = 2,501.675
    #   -> 2,451.825 -> 2,451.83.
    assert row(50_000, "AB", 2024).provincial_tax == pytest.approx(2_451.83, abs=CENT)


def test_federal_2025_blended_rate():
    # 2025, $100,000 in Ontario: CPP 5.95% x 67,800 = 4,034.10 (first additional 678.00, base 3,356.10);
    #   CPP2 4% x (81,200 - 71,300) = 396.00 -> deduction 1,074; EI 1.64% x 65,700 = 1,077.48.
    # Net 98,926. Federal 14.5% x 57,375 = 8,319.375 + 20.5% x 41,551 = 8,517.955 = 16,837.33
    #   - 14.5% x (16,129 + 1,471 + 3,356.10 + 1,077.48 = 22,033.58) = 3,194.8691 -> 13,642.4609 -> 13,642.46.
    r = row(100_000, "ON", 2025)
    assert r.cpp == pytest.approx(4_430.10, abs=CENT)
    assert r.federal_tax == pytest.approx(13_642.46, abs=CENT)


# ----------------------------------------------------------------------------- all provinces x years
INCOMES = (12_000, 25_000, 48_300, 60_000, 95_000, 140_000, 180_000, 250_000, 300_000, 1_000_000)


@pytest.mark.parametrize("year", (2024, 2025, 2026))
@pytest.mark.parametrize("province", sorted(reference.PROVINCIAL))
def test_matches_form_by_form_reference(province: str, year: int):
    """The engine agrees, to the cent, with the scalar form-by-form reference at ten incomes."""
    got = netpay.take_home(list(INCOMES), province, year)
    for i, income in enumerate(INCOMES):
        want = reference.take_home(income, province, year)
        for col, value in want.items():
            assert got[col].iloc[i] == pytest.approx(value, abs=CENT), (province, year, income, col)
