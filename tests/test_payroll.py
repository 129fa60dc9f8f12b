"""CPP/CPP2, QPP/QPP2, EI and QPIP: worked examples and the edges of each ceiling."""

from __future__ import annotations

import numpy as np
import pytest

from netpay.engine import Ruleset, TaxResult, compute

CENT = 0.005


class Contributions:
    """The contribution rows of the engine's result for one income."""

    def __init__(self, r: TaxResult) -> None:
        self.pension, self.pension_base, self.pension_enhanced = r.cpp, r.cpp_base, r.cpp_enhanced
        self.ei, self.qpip = r.ei, r.qpip


def contrib(income: float, year: int = 2026, quebec: bool = False) -> Contributions:
    x = np.array([income], dtype=np.float64)
    return Contributions(compute(x, Ruleset.load("QC" if quebec else "ON", year)))


def test_cpp_below_exemption_is_zero():
    c = contrib(3_500)
    assert c.pension[0] == 0 and c.pension_base[0] == 0 and c.pension_enhanced[0] == 0


def test_cpp_50k_2026():
    # 5.95% x (50,000 - 3,500) = 2,766.75; first additional 1/5.95 of it = 465.00; base 2,301.75.
    c = contrib(50_000)
    assert c.pension[0] == pytest.approx(2_766.75, abs=CENT)
    assert c.pension_enhanced[0] == pytest.approx(465.00, abs=CENT)
    assert c.pension_base[0] == pytest.approx(2_301.75, abs=CENT)


@pytest.mark.parametrize(
    ("year", "cpp_max", "cpp2_max", "ympe", "yampe"),
    [
        # max CPP = 5.95% x (YMPE - 3,500); max CPP2 = 4% x (YAMPE - YMPE)
        (2024, 3_867.50, 188.00, 68_500, 73_200),  # 5.95% x 65,000; 4% x 4,700
        (2025, 4_034.10, 396.00, 71_300, 81_200),  # 5.95% x 67,800; 4% x 9,900
        (2026, 4_230.45, 416.00, 74_600, 85_000),  # 5.95% x 71,100; 4% x 10,400
    ],
)
def test_cpp_ceilings(year, cpp_max, cpp2_max, ympe, yampe):
    at_ympe = contrib(ympe, year)
    assert at_ympe.pension[0] == pytest.approx(cpp_max, abs=CENT)
    # $1 over the YMPE: CPP2 starts at 4 cents per dollar
    assert contrib(ympe + 1, year).pension[0] == pytest.approx(cpp_max + 0.04, abs=CENT)
    assert contrib(yampe, year).pension[0] == pytest.approx(cpp_max + cpp2_max, abs=CENT)
    assert contrib(yampe + 10_000, year).pension[0] == pytest.approx(cpp_max + cpp2_max, abs=CENT)
    # the line 22215 deduction at the top: 1% x (YMPE - 3,500) + CPP2 max (CRA: $838 for 2024)
    assert contrib(yampe, year).pension_enhanced[0] == pytest.approx(0.01 * (ympe - 3_500) + cpp2_max, abs=CENT)


def test_cra_line_22215_maximum_2024_is_838():
    # CRA, line 22215 page: the 2024 maximum deduction is $838 (650 first additional + 188 CPP2).
    assert contrib(100_000, 2024).pension_enhanced[0] == pytest.approx(838.00, abs=CENT)


def test_qpp_2026_base_rate_5_3():
    # QPP 2026: (5.3% + 1%) x 71,100 = 4,479.30; additional 1/6.3 = 711.00; base 3,768.30; QPP2 416.
    c = contrib(100_000, 2026, quebec=True)
    assert c.pension[0] == pytest.approx(4_479.30 + 416.00, abs=CENT)
    assert c.pension_base[0] == pytest.approx(3_768.30, abs=CENT)
    assert c.pension_enhanced[0] == pytest.approx(1_127.00, abs=CENT)


def test_qpp_2025_base_rate_5_4():
    # QPP 2025: 6.4% x 67,800 = 4,339.20; additional 4,339.20 / 6.4 = 678.00; base 3,661.20.
    c = contrib(71_300, 2025, quebec=True)
    assert c.pension[0] == pytest.approx(4_339.20, abs=CENT)
    assert c.pension_base[0] == pytest.approx(3_661.20, abs=CENT)


@pytest.mark.parametrize(
    ("year", "mie", "rate", "ei_max", "qc_rate", "qc_max"),
    [
        (2024, 63_200, 0.0166, 1_049.12, 0.0132, 834.24),
        (2025, 65_700, 0.0164, 1_077.48, 0.0131, 860.67),
        (2026, 68_900, 0.0163, 1_123.07, 0.0130, 895.70),
    ],
)
def test_ei_maximum_and_edge(year, mie, rate, ei_max, qc_rate, qc_max):
    assert contrib(mie, year).ei[0] == pytest.approx(ei_max, abs=CENT)
    assert contrib(mie + 1_000, year).ei[0] == pytest.approx(ei_max, abs=CENT)
    # $100 below the maximum: 100 x rate less
    assert contrib(mie - 100, year).ei[0] == pytest.approx(ei_max - 100 * rate, abs=CENT)
    assert contrib(mie, year, quebec=True).ei[0] == pytest.approx(qc_max, abs=CENT)
    assert contrib(mie - 100, year, quebec=True).ei[0] == pytest.approx(qc_max - 100 * qc_rate, abs=CENT)


@pytest.mark.parametrize(
    ("year", "mie", "qpip_max"), [(2024, 94_000, 464.36), (2025, 98_000, 484.12), (2026, 103_000, 442.90)]
)
def test_qpip_maximum(year, mie, qpip_max):
    assert contrib(mie + 5_000, year, quebec=True).qpip[0] == pytest.approx(qpip_max, abs=CENT)
    assert contrib(mie + 5_000, year, quebec=False).qpip[0] == 0


def test_half_cent_rounds_up():
    # EI 2026 at $30.00 of insurable earnings: 1.63% x 30.00 = 0.489 -> 0.49; at $0.50: 0.00815 -> 0.01
    assert contrib(30.0).ei[0] == pytest.approx(0.49, abs=1e-9)
    assert contrib(0.5).ei[0] == pytest.approx(0.01, abs=1e-9)
