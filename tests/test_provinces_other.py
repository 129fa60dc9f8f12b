"""SK, MB, NB, NS, PE, NL, YT, NT and NU (issue 3): worked examples, agreement with the form-by-form
reference, rule edges, properties across all 13 jurisdictions, and the registry of tables.

Each worked example's expected figure is the hand calculation in its comments, from the published
rates typed in ``tests/reference_provinces.py`` (not read back from netpay's data). Contributions:
2024 CPP base 816.75 / EI 332 at $20,000 and 3,217.50 / 1,049.12 above the maxima (line 22215:
165 and 838); 2025: 816.75 / 328 and 3,356.10 / 1,077.48 (165, 1,074); 2026: 816.75 / 326 and
3,519.45 / 1,123.07 (165, 1,127).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netpay
from netpay import payroll, tables
from netpay.context import TaxContext
from netpay.jurisdictions import NAMES
from netpay.provinces import mb, ns, yt
from netpay.provinces.rules import low_income_tax_reduction
from tests import reference_provinces

CENT = 0.005
YEARS = (2024, 2025, 2026)
NEW = ("SK", "MB", "NB", "NS", "PE", "NL", "YT", "NT", "NU")


def provincial(code: str, year: int, incomes: tuple[float, ...]) -> list[float]:
    return netpay.take_home(list(incomes), code, year)["provincial_tax"].tolist()


def context(year: int, net_income: list[float]) -> TaxContext:
    """A context whose net and taxable income are ``net_income`` (employment income above the
    CPP/EI maxima is not needed for the rules tested with it)."""
    ni = np.asarray(net_income, dtype=np.float64)
    c = payroll.contributions(ni, ni, tables.load(year, tables.PAYROLL), False)
    zero = np.zeros_like(ni)
    return TaxContext(year=year, employment_income=ni, total_income=ni, deductions=zero,
                      net_income=ni, taxable_income=ni, contributions=c)


# ============================================================================= worked examples
def test_saskatchewan_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 10.5% x 19,835 = 2,082.675; total 2,082.675.
    #   Credits (BPA 18,491 + CPP base 816.75 + EI 332 = 19,639.75) x 10.5% = 2,062.17375; basic tax
    #   20.50125.
    #   Tax 20.50125 -> 20.50.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 10.5% x 52,057 = 5,465.985; 12.5% x 87,105 =
    #   10,888.125; total 16,354.11.
    #   Credits (BPA 18,491 + CPP base 3,217.5 + EI 1,049.12 = 22,757.62) x 10.5% = 2,389.5501; basic tax
    #   13,964.5599.
    #   Tax 13,964.5599 -> 13,964.56.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 10.5% x 52,057 = 5,465.985; 12.5% x 96,677 =
    #   12,084.625; 14.5% x 150,428 = 21,812.06; total 39,362.67.
    #   Credits (BPA 18,491 + CPP base 3,217.5 + EI 1,049.12 = 22,757.62) x 10.5% = 2,389.5501; basic tax
    #   36,973.1199.
    #   Tax 36,973.1199 -> 36,973.12.
    got = provincial("SK", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([20.50, 13_964.56, 36_973.12], abs=CENT)


def test_saskatchewan_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 10.5% x 19,835 = 2,082.675; total 2,082.675.
    #   Credits (BPA 19,491 + CPP base 816.75 + EI 328 = 20,635.75) x 10.5% = 2,166.75375; basic tax 0.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 10.5% x 53,463 = 5,613.615; 12.5% x 85,463
    #   = 10,682.875; total 16,296.49.
    #   Credits (BPA 19,491 + CPP base 3,356.1 + EI 1,077.48 = 23,924.58) x 10.5% = 2,512.0809; basic tax
    #   13,784.4091.
    #   Tax 13,784.4091 -> 13,784.41.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 10.5% x 53,463 = 5,613.615; 12.5% x 99,287
    #   = 12,410.875; 14.5% x 146,176 = 21,195.52; total 39,220.01.
    #   Credits (BPA 19,491 + CPP base 3,356.1 + EI 1,077.48 = 23,924.58) x 10.5% = 2,512.0809; basic tax
    #   36,707.9291.
    #   Tax 36,707.9291 -> 36,707.93.
    got = provincial("SK", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 13_784.41, 36_707.93], abs=CENT)


def test_saskatchewan_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 10.5% x 19,835 = 2,082.675; total 2,082.675.
    #   Credits (BPA 20,381 + CPP base 816.75 + EI 326 = 21,523.75) x 10.5% = 2,259.99375; basic tax 0.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 10.5% x 54,532 = 5,725.86; 12.5% x 84,341
    #   = 10,542.625; total 16,268.485.
    #   Credits (BPA 20,381 + CPP base 3,519.45 + EI 1,123.07 = 25,023.52) x 10.5% = 2,627.4696; basic tax
    #   13,641.0154.
    #   Tax 13,641.0154 -> 13,641.02.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 10.5% x 54,532 = 5,725.86; 12.5% x 101,273
    #   = 12,659.125; 14.5% x 143,068 = 20,744.86; total 39,129.845.
    #   Credits (BPA 20,381 + CPP base 3,519.45 + EI 1,123.07 = 25,023.52) x 10.5% = 2,627.4696; basic tax
    #   36,502.3754.
    #   Tax 36,502.3754 -> 36,502.38.
    got = provincial("SK", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 13_641.02, 36_502.38], abs=CENT)


def test_manitoba_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 10.8% x 19,835 = 2,142.18; total 2,142.18.
    #   Credits (BPA 15,780 + CPP base 816.75 + EI 332 = 16,928.75) x 10.8% = 1,828.305; basic tax
    #   313.875.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 19,835, 0) = 30.2238.
    #   Tax 283.6512 -> 283.65.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 10.8% x 47,000 = 5,076; 12.75% x 53,000 =
    #   6,757.5; 17.4% x 39,162 = 6,814.188; total 18,647.688.
    #   Credits (BPA 15,780 + CPP base 3,217.5 + EI 1,049.12 = 20,046.62) x 10.8% = 2,165.03496; basic tax
    #   16,482.65304.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 139,162, 0) = 0.
    #   Tax 16,482.65304 -> 16,482.65.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 10.8% x 47,000 = 5,076; 12.75% x 53,000 =
    #   6,757.5; 17.4% x 199,162 = 34,654.188; total 46,487.688.
    #   Credits (BPA 15,780 + CPP base 3,217.5 + EI 1,049.12 = 20,046.62) x 10.8% = 2,165.03496; basic tax
    #   44,322.65304.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 299,162, 0) = 0.
    #   Tax 44,322.65304 -> 44,322.65.
    got = provincial("MB", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([283.65, 16_482.65, 44_322.65], abs=CENT)


def test_manitoba_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 10.8% x 19,835 = 2,142.18; total 2,142.18.
    #   Credits (BPA 15,780 + CPP base 816.75 + EI 328 = 16,924.75) x 10.8% = 1,827.873; basic tax
    #   314.307.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 19,835, 0) = 30.2238.
    #   Tax 284.0832 -> 284.08.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 10.8% x 47,000 = 5,076; 12.75% x 53,000 =
    #   6,757.5; 17.4% x 38,926 = 6,773.124; total 18,606.624.
    #   Credits (BPA 15,780 + CPP base 3,356.1 + EI 1,077.48 = 20,213.58) x 10.8% = 2,183.06664; basic tax
    #   16,423.55736.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 138,926, 0) = 0.
    #   Tax 16,423.55736 -> 16,423.56.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 10.8% x 47,000 = 5,076; 12.75% x 53,000 =
    #   6,757.5; 17.4% x 198,926 = 34,613.124; total 46,446.624.
    #   BPA phase-out: net income 298,926 -> 15,780 - (298,926 - 200,000) x 15,780 / 200,000 = 7,974.7386.
    #   Credits (BPA 7,974.7386 + CPP base 3,356.1 + EI 1,077.48 = 12,408.3186) x 10.8% = 1,340.098409;
    #   basic tax 45,106.525591.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 298,926, 0) = 0.
    #   Tax 45,106.525591 -> 45,106.53.
    got = provincial("MB", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([284.08, 16_423.56, 45_106.53], abs=CENT)


def test_manitoba_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 10.8% x 19,835 = 2,142.18; total 2,142.18.
    #   Credits (BPA 15,780 + CPP base 816.75 + EI 326 = 16,922.75) x 10.8% = 1,827.657; basic tax
    #   314.523.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 19,835, 0) = 30.2238.
    #   Tax 284.2992 -> 284.30.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 10.8% x 47,000 = 5,076; 12.75% x 53,000 =
    #   6,757.5; 17.4% x 38,873 = 6,763.902; total 18,597.402.
    #   Credits (BPA 15,780 + CPP base 3,519.45 + EI 1,123.07 = 20,422.52) x 10.8% = 2,205.63216; basic
    #   tax 16,391.76984.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 138,873, 0) = 0.
    #   Tax 16,391.76984 -> 16,391.77.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 10.8% x 47,000 = 5,076; 12.75% x 53,000 =
    #   6,757.5; 17.4% x 198,873 = 34,603.902; total 46,437.402.
    #   BPA phase-out: net income 298,873 -> 15,780 - (298,873 - 200,000) x 15,780 / 200,000 = 7,978.9203.
    #   Credits (BPA 7,978.9203 + CPP base 3,519.45 + EI 1,123.07 = 12,621.4403) x 10.8% = 1,363.115552;
    #   basic tax 45,074.286448.
    #   Family tax benefit: 10.8% x max(2,065 - 9% x 298,873, 0) = 0.
    #   Tax 45,074.286448 -> 45,074.29.
    got = provincial("MB", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([284.30, 16_391.77, 45_074.29], abs=CENT)


def test_new_brunswick_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 9.4% x 19,835 = 1,864.49; total 1,864.49.
    #   Credits (BPA 13,044 + CPP base 816.75 + EI 332 = 14,192.75) x 9.4% = 1,334.1185; basic tax
    #   530.3715.
    #   Low-income reduction: 781 - 3% x max(19,835 - 21,343, 0) -> 781, capped at the tax 530.3715.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 9.4% x 49,958 = 4,696.052; 14% x 49,958 =
    #   6,994.12; 16% x 39,246 = 6,279.36; total 17,969.532.
    #   Credits (BPA 13,044 + CPP base 3,217.5 + EI 1,049.12 = 17,310.62) x 9.4% = 1,627.19828; basic tax
    #   16,342.33372.
    #   Low-income reduction: 781 - 3% x max(139,162 - 21,343, 0) -> 0.
    #   Tax 16,342.33372 -> 16,342.33.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 9.4% x 49,958 = 4,696.052; 14% x 49,958 =
    #   6,994.12; 16% x 85,148 = 13,623.68; 19.5% x 114,098 = 22,249.11; total 47,562.962.
    #   Credits (BPA 13,044 + CPP base 3,217.5 + EI 1,049.12 = 17,310.62) x 9.4% = 1,627.19828; basic tax
    #   45,935.76372.
    #   Low-income reduction: 781 - 3% x max(299,162 - 21,343, 0) -> 0.
    #   Tax 45,935.76372 -> 45,935.76.
    got = provincial("NB", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 16_342.33, 45_935.76], abs=CENT)


def test_new_brunswick_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 9.4% x 19,835 = 1,864.49; total 1,864.49.
    #   Credits (BPA 13,396 + CPP base 816.75 + EI 328 = 14,540.75) x 9.4% = 1,366.8305; basic tax
    #   497.6595.
    #   Low-income reduction: 802 - 3% x max(19,835 - 21,919, 0) -> 802, capped at the tax 497.6595.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 9.4% x 51,306 = 4,822.764; 14% x 51,308 =
    #   7,183.12; 16% x 36,312 = 5,809.92; total 17,815.804.
    #   Credits (BPA 13,396 + CPP base 3,356.1 + EI 1,077.48 = 17,829.58) x 9.4% = 1,675.98052; basic tax
    #   16,139.82348.
    #   Low-income reduction: 802 - 3% x max(138,926 - 21,919, 0) -> 0.
    #   Tax 16,139.82348 -> 16,139.82.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 9.4% x 51,306 = 4,822.764; 14% x 51,308 =
    #   7,183.12; 16% x 87,446 = 13,991.36; 19.5% x 108,866 = 21,228.87; total 47,226.114.
    #   Credits (BPA 13,396 + CPP base 3,356.1 + EI 1,077.48 = 17,829.58) x 9.4% = 1,675.98052; basic tax
    #   45,550.13348.
    #   Low-income reduction: 802 - 3% x max(298,926 - 21,919, 0) -> 0.
    #   Tax 45,550.13348 -> 45,550.13.
    got = provincial("NB", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 16_139.82, 45_550.13], abs=CENT)


def test_new_brunswick_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 9.4% x 19,835 = 1,864.49; total 1,864.49.
    #   Credits (BPA 13,664 + CPP base 816.75 + EI 326 = 14,806.75) x 9.4% = 1,391.8345; basic tax
    #   472.6555.
    #   Low-income reduction: 818 - 3% x max(19,835 - 22,358, 0) -> 818, capped at the tax 472.6555.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 9.4% x 52,333 = 4,919.302; 14% x 52,333 =
    #   7,326.62; 16% x 34,207 = 5,473.12; total 17,719.042.
    #   Credits (BPA 13,664 + CPP base 3,519.45 + EI 1,123.07 = 18,306.52) x 9.4% = 1,720.81288; basic tax
    #   15,998.22912.
    #   Low-income reduction: 818 - 3% x max(138,873 - 22,358, 0) -> 0.
    #   Tax 15,998.22912 -> 15,998.23.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 9.4% x 52,333 = 4,919.302; 14% x 52,333 =
    #   7,326.62; 16% x 89,195 = 14,271.2; 19.5% x 105,012 = 20,477.34; total 46,994.462.
    #   Credits (BPA 13,664 + CPP base 3,519.45 + EI 1,123.07 = 18,306.52) x 9.4% = 1,720.81288; basic tax
    #   45,273.64912.
    #   Low-income reduction: 818 - 3% x max(298,873 - 22,358, 0) -> 0.
    #   Tax 45,273.64912 -> 45,273.65.
    got = provincial("NB", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 15_998.23, 45_273.65], abs=CENT)


def test_nova_scotia_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 8.79% x 19,835 = 1,743.4965; total 1,743.4965.
    #   BPA 8,481 + supplement 3,000 (taxable income <= 25,000)
    #   Credits (BPA 11,481 + CPP base 816.75 + EI 332 = 12,629.75) x 8.79% = 1,110.155025; basic tax
    #   633.341475.
    #   Low-income reduction: 300 - 5% x max(19,835 - 15,000, 0) -> 58.25.
    #   Tax 575.091475 -> 575.09.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 8.79% x 29,590 = 2,600.961; 14.95% x 29,590
    #   = 4,423.705; 16.67% x 33,820 = 5,637.794; 17.5% x 46,162 = 8,078.35; total 20,740.81.
    #   BPA 8,481 + supplement max(3,000 - 6% x (139,162 - 25,000), 0) = 0
    #   Credits (BPA 8,481 + CPP base 3,217.5 + EI 1,049.12 = 12,747.62) x 8.79% = 1,120.515798; basic tax
    #   19,620.294202.
    #   Low-income reduction: 300 - 5% x max(139,162 - 15,000, 0) -> 0.
    #   Tax 19,620.294202 -> 19,620.29.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 8.79% x 29,590 = 2,600.961; 14.95% x 29,590
    #   = 4,423.705; 16.67% x 33,820 = 5,637.794; 17.5% x 57,000 = 9,975; 21% x 149,162 = 31,324.02; total
    #   53,961.48.
    #   BPA 8,481 + supplement max(3,000 - 6% x (299,162 - 25,000), 0) = 0
    #   Credits (BPA 8,481 + CPP base 3,217.5 + EI 1,049.12 = 12,747.62) x 8.79% = 1,120.515798; basic tax
    #   52,840.964202.
    #   Low-income reduction: 300 - 5% x max(299,162 - 15,000, 0) -> 0.
    #   Tax 52,840.964202 -> 52,840.96.
    got = provincial("NS", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([575.09, 19_620.29, 52_840.96], abs=CENT)


def test_nova_scotia_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 8.79% x 19,835 = 1,743.4965; total 1,743.4965.
    #   Credits (BPA 11,744 + CPP base 816.75 + EI 328 = 12,888.75) x 8.79% = 1,132.921125; basic tax
    #   610.575375.
    #   Low-income reduction: 300 - 5% x max(19,835 - 15,000, 0) -> 58.25.
    #   Tax 552.325375 -> 552.33.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 8.79% x 30,507 = 2,681.5653; 14.95% x
    #   30,508 = 4,560.946; 16.67% x 34,868 = 5,812.4956; 17.5% x 43,043 = 7,532.525; total 20,587.5319.
    #   Credits (BPA 11,744 + CPP base 3,356.1 + EI 1,077.48 = 16,177.58) x 8.79% = 1,422.009282; basic
    #   tax 19,165.522618.
    #   Low-income reduction: 300 - 5% x max(138,926 - 15,000, 0) -> 0.
    #   Tax 19,165.522618 -> 19,165.52.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 8.79% x 30,507 = 2,681.5653; 14.95% x
    #   30,508 = 4,560.946; 16.67% x 34,868 = 5,812.4956; 17.5% x 58,767 = 10,284.225; 21% x 144,276 =
    #   30,297.96; total 53,637.1919.
    #   Credits (BPA 11,744 + CPP base 3,356.1 + EI 1,077.48 = 16,177.58) x 8.79% = 1,422.009282; basic
    #   tax 52,215.182618.
    #   Low-income reduction: 300 - 5% x max(298,926 - 15,000, 0) -> 0.
    #   Tax 52,215.182618 -> 52,215.18.
    got = provincial("NS", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([552.33, 19_165.52, 52_215.18], abs=CENT)


def test_nova_scotia_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 8.79% x 19,835 = 1,743.4965; total 1,743.4965.
    #   Credits (BPA 11,932 + CPP base 816.75 + EI 326 = 13,074.75) x 8.79% = 1,149.270525; basic tax
    #   594.225975.
    #   Low-income reduction: 300 - 5% x max(19,835 - 15,000, 0) -> 58.25.
    #   Tax 535.975975 -> 535.98.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 8.79% x 30,995 = 2,724.4605; 14.95% x
    #   30,996 = 4,633.902; 16.67% x 35,426 = 5,905.5142; 17.5% x 41,456 = 7,254.8; total 20,518.6767.
    #   Credits (BPA 11,932 + CPP base 3,519.45 + EI 1,123.07 = 16,574.52) x 8.79% = 1,456.900308; basic
    #   tax 19,061.776392.
    #   Low-income reduction: 300 - 5% x max(138,873 - 15,000, 0) -> 0.
    #   Tax 19,061.776392 -> 19,061.78.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 8.79% x 30,995 = 2,724.4605; 14.95% x
    #   30,996 = 4,633.902; 16.67% x 35,426 = 5,905.5142; 17.5% x 59,707 = 10,448.725; 21% x 141,749 =
    #   29,767.29; total 53,479.8917.
    #   Credits (BPA 11,932 + CPP base 3,519.45 + EI 1,123.07 = 16,574.52) x 8.79% = 1,456.900308; basic
    #   tax 52,022.991392.
    #   Low-income reduction: 300 - 5% x max(298,873 - 15,000, 0) -> 0.
    #   Tax 52,022.991392 -> 52,022.99.
    got = provincial("NS", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([535.98, 19_061.78, 52_022.99], abs=CENT)


def test_prince_edward_island_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 9.65% x 19,835 = 1,914.0775; total 1,914.0775.
    #   Credits (BPA 13,500 + CPP base 816.75 + EI 332 = 14,648.75) x 9.65% = 1,413.604375; basic tax
    #   500.473125.
    #   Low-income reduction: 350 - 5% x max(19,835 - 21,500, 0) -> 350.
    #   Tax 150.473125 -> 150.47.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 9.65% x 32,656 = 3,151.304; 13.63% x 31,657
    #   = 4,314.8491; 16.65% x 40,687 = 6,774.3855; 18% x 34,162 = 6,149.16; total 20,389.6986.
    #   Credits (BPA 13,500 + CPP base 3,217.5 + EI 1,049.12 = 17,766.62) x 9.65% = 1,714.47883; basic tax
    #   18,675.21977.
    #   Low-income reduction: 350 - 5% x max(139,162 - 21,500, 0) -> 0.
    #   Tax 18,675.21977 -> 18,675.22.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 9.65% x 32,656 = 3,151.304; 13.63% x 31,657
    #   = 4,314.8491; 16.65% x 40,687 = 6,774.3855; 18% x 35,000 = 6,300; 18.75% x 159,162 = 29,842.875;
    #   total 50,383.4136.
    #   Credits (BPA 13,500 + CPP base 3,217.5 + EI 1,049.12 = 17,766.62) x 9.65% = 1,714.47883; basic tax
    #   48,668.93477.
    #   Low-income reduction: 350 - 5% x max(299,162 - 21,500, 0) -> 0.
    #   Tax 48,668.93477 -> 48,668.93.
    got = provincial("PE", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([150.47, 18_675.22, 48_668.93], abs=CENT)


def test_prince_edward_island_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 9.5% x 19,835 = 1,884.325; total 1,884.325.
    #   Credits (BPA 14,250 + CPP base 816.75 + EI 328 = 15,394.75) x 9.5% = 1,462.50125; basic tax
    #   421.82375.
    #   Low-income reduction: 350 - 5% x max(19,835 - 22,250, 0) -> 350.
    #   Tax 71.82375 -> 71.82.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 9.5% x 33,328 = 3,166.16; 13.47% x 31,328
    #   = 4,219.8816; 16.6% x 40,344 = 6,697.104; 17.62% x 33,926 = 5,977.7612; total 20,060.9068.
    #   Credits (BPA 14,250 + CPP base 3,356.1 + EI 1,077.48 = 18,683.58) x 9.5% = 1,774.9401; basic tax
    #   18,285.9667.
    #   Low-income reduction: 350 - 5% x max(138,926 - 22,250, 0) -> 0.
    #   Tax 18,285.9667 -> 18,285.97.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 9.5% x 33,328 = 3,166.16; 13.47% x 31,328
    #   = 4,219.8816; 16.6% x 40,344 = 6,697.104; 17.62% x 35,000 = 6,167; 19% x 158,926 = 30,195.94; total
    #   50,446.0856.
    #   Credits (BPA 14,250 + CPP base 3,356.1 + EI 1,077.48 = 18,683.58) x 9.5% = 1,774.9401; basic tax
    #   48,671.1455.
    #   Low-income reduction: 350 - 5% x max(298,926 - 22,250, 0) -> 0.
    #   Tax 48,671.1455 -> 48,671.15.
    got = provincial("PE", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([71.82, 18_285.97, 48_671.15], abs=CENT)


def test_prince_edward_island_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 9.5% x 19,835 = 1,884.325; total 1,884.325.
    #   Credits (BPA 15,000 + CPP base 816.75 + EI 326 = 16,142.75) x 9.5% = 1,533.56125; basic tax
    #   350.76375.
    #   Low-income reduction: 350 - 5% x max(19,835 - 23,000, 0) -> 350.
    #   Tax 0.76375 -> 0.76.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 9.5% x 33,928 = 3,223.16; 13.47% x 31,892
    #   = 4,295.8524; 16.6% x 41,070 = 6,817.62; 17.62% x 31,983 = 5,635.4046; total 19,972.037.
    #   Credits (BPA 15,000 + CPP base 3,519.45 + EI 1,123.07 = 19,642.52) x 9.5% = 1,866.0394; basic tax
    #   18,105.9976.
    #   Low-income reduction: 350 - 5% x max(138,873 - 23,000, 0) -> 0.
    #   Tax 18,105.9976 -> 18,106.00.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 9.5% x 33,928 = 3,223.16; 13.47% x 31,892
    #   = 4,295.8524; 16.6% x 41,070 = 6,817.62; 17.62% x 35,630 = 6,278.006; 19% x 156,353 = 29,707.07;
    #   total 50,321.7084.
    #   Credits (BPA 15,000 + CPP base 3,519.45 + EI 1,123.07 = 19,642.52) x 9.5% = 1,866.0394; basic tax
    #   48,455.669.
    #   Low-income reduction: 350 - 5% x max(298,873 - 23,000, 0) -> 0.
    #   Tax 48,455.669 -> 48,455.67.
    got = provincial("PE", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.76, 18_106.00, 48_455.67], abs=CENT)


def test_newfoundland_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 8.7% x 19,835 = 1,725.645; total 1,725.645.
    #   Credits (BPA 10,818 + CPP base 816.75 + EI 332 = 11,966.75) x 8.7% = 1,041.10725; basic tax
    #   684.53775.
    #   Low-income reduction: 974 - 16% x max(19,835 - 23,390, 0) -> 974, capped at the tax 684.53775.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 8.7% x 43,198 = 3,758.226; 14.5% x 43,197 =
    #   6,263.565; 15.8% x 52,767 = 8,337.186; total 18,358.977.
    #   Credits (BPA 10,818 + CPP base 3,217.5 + EI 1,049.12 = 15,084.62) x 8.7% = 1,312.36194; basic tax
    #   17,046.61506.
    #   Low-income reduction: 974 - 16% x max(139,162 - 23,390, 0) -> 0.
    #   Tax 17,046.61506 -> 17,046.62.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 8.7% x 43,198 = 3,758.226; 14.5% x 43,197 =
    #   6,263.565; 15.8% x 67,849 = 10,720.142; 17.8% x 61,699 = 10,982.422; 19.8% x 59,927 = 11,865.546;
    #   20.8% x 23,292 = 4,844.736; total 48,434.637.
    #   Credits (BPA 10,818 + CPP base 3,217.5 + EI 1,049.12 = 15,084.62) x 8.7% = 1,312.36194; basic tax
    #   47,122.27506.
    #   Low-income reduction: 974 - 16% x max(299,162 - 23,390, 0) -> 0.
    #   Tax 47,122.27506 -> 47,122.28.
    got = provincial("NL", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 17_046.62, 47_122.28], abs=CENT)


def test_newfoundland_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 8.7% x 19,835 = 1,725.645; total 1,725.645.
    #   Credits (BPA 11,067 + CPP base 816.75 + EI 328 = 12,211.75) x 8.7% = 1,062.42225; basic tax
    #   663.22275.
    #   Low-income reduction: 997 - 16% x max(19,835 - 23,928, 0) -> 997, capped at the tax 663.22275.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 8.7% x 44,192 = 3,844.704; 14.5% x 44,190
    #   = 6,407.55; 15.8% x 50,544 = 7,985.952; total 18,238.206.
    #   Credits (BPA 11,067 + CPP base 3,356.1 + EI 1,077.48 = 15,500.58) x 8.7% = 1,348.55046; basic tax
    #   16,889.65554.
    #   Low-income reduction: 997 - 16% x max(138,926 - 23,928, 0) -> 0.
    #   Tax 16,889.65554 -> 16,889.66.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 8.7% x 44,192 = 3,844.704; 14.5% x 44,190
    #   = 6,407.55; 15.8% x 69,410 = 10,966.78; 17.8% x 63,118 = 11,235.004; 19.8% x 61,304 = 12,138.192;
    #   20.8% x 16,712 = 3,476.096; total 48,068.326.
    #   Credits (BPA 11,067 + CPP base 3,356.1 + EI 1,077.48 = 15,500.58) x 8.7% = 1,348.55046; basic tax
    #   46,719.77554.
    #   Low-income reduction: 997 - 16% x max(298,926 - 23,928, 0) -> 0.
    #   Tax 46,719.77554 -> 46,719.78.
    got = provincial("NL", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 16_889.66, 46_719.78], abs=CENT)


def test_newfoundland_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 8.7% x 19,835 = 1,725.645; total 1,725.645.
    #   Credits (BPA 13,094 + CPP base 816.75 + EI 326 = 14,236.75) x 8.7% = 1,238.59725; basic tax
    #   487.04775.
    #   Low-income reduction: 1,008 - 16% x max(19,835 - 24,191, 0) -> 1,008, capped at the tax 487.04775.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 8.7% x 44,678 = 3,886.986; 14.5% x 44,676
    #   = 6,478.02; 15.8% x 49,519 = 7,824.002; total 18,189.008.
    #   Credits (BPA 13,094 + CPP base 3,519.45 + EI 1,123.07 = 17,736.52) x 8.7% = 1,543.07724; basic tax
    #   16,645.93076.
    #   Low-income reduction: 1,008 - 16% x max(138,873 - 24,191, 0) -> 0.
    #   Tax 16,645.93076 -> 16,645.93.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 8.7% x 44,678 = 3,886.986; 14.5% x 44,676
    #   = 6,478.02; 15.8% x 70,174 = 11,087.492; 17.8% x 63,812 = 11,358.536; 19.8% x 61,979 = 12,271.842;
    #   20.8% x 13,554 = 2,819.232; total 47,902.108.
    #   Credits (BPA 13,094 + CPP base 3,519.45 + EI 1,123.07 = 17,736.52) x 8.7% = 1,543.07724; basic tax
    #   46,359.03076.
    #   Low-income reduction: 1,008 - 16% x max(298,873 - 24,191, 0) -> 0.
    #   Tax 46,359.03076 -> 46,359.03.
    got = provincial("NL", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 16_645.93, 46_359.03], abs=CENT)


def test_yukon_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 6.4% x 19,835 = 1,269.44; total 1,269.44.
    #   Credits (BPA 15,705 + CEA 1,433 + CPP base 816.75 + EI 332 = 18,286.75) x 6.4% = 1,170.352; basic
    #   tax 99.088.
    #   Tax 99.088 -> 99.09.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 6.4% x 55,867 = 3,575.488; 9% x 55,866 =
    #   5,027.94; 10.9% x 27,429 = 2,989.761; total 11,593.189.
    #   Credits (BPA 15,705 + CEA 1,433 + CPP base 3,217.5 + EI 1,049.12 = 21,404.62) x 6.4% =
    #   1,369.89568; basic tax 10,223.29332.
    #   Tax 10,223.29332 -> 10,223.29.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 6.4% x 55,867 = 3,575.488; 9% x 55,866 =
    #   5,027.94; 10.9% x 61,472 = 6,700.448; 12.8% x 125,957 = 16,122.496; total 31,426.372.
    #   BPA at its minimum 14,156.
    #   Credits (BPA 14,156 + CEA 1,433 + CPP base 3,217.5 + EI 1,049.12 = 19,855.62) x 6.4% =
    #   1,270.75968; basic tax 30,155.61232.
    #   Tax 30,155.61232 -> 30,155.61.
    got = provincial("YT", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([99.09, 10_223.29, 30_155.61], abs=CENT)


def test_yukon_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 6.4% x 19,835 = 1,269.44; total 1,269.44.
    #   Credits (BPA 16,129 + CEA 1,471 + CPP base 816.75 + EI 328 = 18,744.75) x 6.4% = 1,199.664; basic
    #   tax 69.776.
    #   Tax 69.776 -> 69.78.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 6.4% x 57,375 = 3,672; 9% x 57,375 =
    #   5,163.75; 10.9% x 24,176 = 2,635.184; total 11,470.934.
    #   Credits (BPA 16,129 + CEA 1,471 + CPP base 3,356.1 + EI 1,077.48 = 22,033.58) x 6.4% =
    #   1,410.14912; basic tax 10,060.78488.
    #   Tax 10,060.78488 -> 10,060.78.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 6.4% x 57,375 = 3,672; 9% x 57,375 =
    #   5,163.75; 10.9% x 63,132 = 6,881.388; 12.8% x 121,044 = 15,493.632; total 31,210.77.
    #   BPA at its minimum 14,538.
    #   Credits (BPA 14,538 + CEA 1,471 + CPP base 3,356.1 + EI 1,077.48 = 20,442.58) x 6.4% =
    #   1,308.32512; basic tax 29,902.44488.
    #   Tax 29,902.44488 -> 29,902.44.
    got = provincial("YT", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([69.78, 10_060.78, 29_902.44], abs=CENT)


def test_yukon_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 6.4% x 19,835 = 1,269.44; total 1,269.44.
    #   Credits (BPA 16,452 + CEA 1,501 + CPP base 816.75 + EI 326 = 19,095.75) x 6.4% = 1,222.128; basic
    #   tax 47.312.
    #   Tax 47.312 -> 47.31.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 6.4% x 58,523 = 3,745.472; 9% x 58,522 =
    #   5,266.98; 10.9% x 21,828 = 2,379.252; total 11,391.704.
    #   Credits (BPA 16,452 + CEA 1,501 + CPP base 3,519.45 + EI 1,123.07 = 22,595.52) x 6.4% =
    #   1,446.11328; basic tax 9,945.59072.
    #   Tax 9,945.59072 -> 9,945.59.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 6.4% x 58,523 = 3,745.472; 9% x 58,522 =
    #   5,266.98; 10.9% x 64,395 = 7,019.055; 12.8% x 117,433 = 15,031.424; total 31,062.931.
    #   BPA at its minimum 14,829.
    #   Credits (BPA 14,829 + CEA 1,501 + CPP base 3,519.45 + EI 1,123.07 = 20,972.52) x 6.4% =
    #   1,342.24128; basic tax 29,720.68972.
    #   Tax 29,720.68972 -> 29,720.69.
    got = provincial("YT", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([47.31, 9_945.59, 29_720.69], abs=CENT)


def test_northwest_territories_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 5.9% x 19,835 = 1,170.265; total 1,170.265.
    #   Credits (BPA 17,373 + CPP base 816.75 + EI 332 = 18,521.75) x 5.9% = 1,092.78325; basic tax
    #   77.48175.
    #   Tax 77.48175 -> 77.48.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 5.9% x 50,597 = 2,985.223; 8.6% x 50,601 =
    #   4,351.686; 12.2% x 37,964 = 4,631.608; total 11,968.517.
    #   Credits (BPA 17,373 + CPP base 3,217.5 + EI 1,049.12 = 21,639.62) x 5.9% = 1,276.73758; basic tax
    #   10,691.77942.
    #   Tax 10,691.77942 -> 10,691.78.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 5.9% x 50,597 = 2,985.223; 8.6% x 50,601 =
    #   4,351.686; 12.2% x 63,327 = 7,725.894; 14.05% x 134,637 = 18,916.4985; total 33,979.3015.
    #   Credits (BPA 17,373 + CPP base 3,217.5 + EI 1,049.12 = 21,639.62) x 5.9% = 1,276.73758; basic tax
    #   32,702.56392.
    #   Tax 32,702.56392 -> 32,702.56.
    got = provincial("NT", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([77.48, 10_691.78, 32_702.56], abs=CENT)


def test_northwest_territories_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 5.9% x 19,835 = 1,170.265; total 1,170.265.
    #   Credits (BPA 17,842 + CPP base 816.75 + EI 328 = 18,986.75) x 5.9% = 1,120.21825; basic tax
    #   50.04675.
    #   Tax 50.04675 -> 50.05.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 5.9% x 51,964 = 3,065.876; 8.6% x 51,966 =
    #   4,469.076; 12.2% x 34,996 = 4,269.512; total 11,804.464.
    #   Credits (BPA 17,842 + CPP base 3,356.1 + EI 1,077.48 = 22,275.58) x 5.9% = 1,314.25922; basic tax
    #   10,490.20478.
    #   Tax 10,490.20478 -> 10,490.20.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 5.9% x 51,964 = 3,065.876; 8.6% x 51,966 =
    #   4,469.076; 12.2% x 65,037 = 7,934.514; 14.05% x 129,959 = 18,259.2395; total 33,728.7055.
    #   Credits (BPA 17,842 + CPP base 3,356.1 + EI 1,077.48 = 22,275.58) x 5.9% = 1,314.25922; basic tax
    #   32,414.44628.
    #   Tax 32,414.44628 -> 32,414.45.
    got = provincial("NT", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([50.05, 10_490.20, 32_414.45], abs=CENT)


def test_northwest_territories_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 5.9% x 19,835 = 1,170.265; total 1,170.265.
    #   Credits (BPA 18,198 + CPP base 816.75 + EI 326 = 19,340.75) x 5.9% = 1,141.10425; basic tax
    #   29.16075.
    #   Tax 29.16075 -> 29.16.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 5.9% x 53,003 = 3,127.177; 8.6% x 53,006 =
    #   4,558.516; 12.2% x 32,864 = 4,009.408; total 11,695.101.
    #   Credits (BPA 18,198 + CPP base 3,519.45 + EI 1,123.07 = 22,840.52) x 5.9% = 1,347.59068; basic tax
    #   10,347.51032.
    #   Tax 10,347.51032 -> 10,347.51.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 5.9% x 53,003 = 3,127.177; 8.6% x 53,006 =
    #   4,558.516; 12.2% x 66,337 = 8,093.114; 14.05% x 126,527 = 17,777.0435; total 33,555.8505.
    #   Credits (BPA 18,198 + CPP base 3,519.45 + EI 1,123.07 = 22,840.52) x 5.9% = 1,347.59068; basic tax
    #   32,208.25982.
    #   Tax 32,208.25982 -> 32,208.26.
    got = provincial("NT", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([29.16, 10_347.51, 32_208.26], abs=CENT)


def test_nunavut_2024():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 4% x 19,835 = 793.4; total 793.4.
    #   Credits (BPA 18,767 + CPP base 816.75 + EI 332 = 19,915.75) x 4% = 796.63; basic tax 0.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 838 = 139,162. Brackets: 4% x 53,268 = 2,130.72; 7% x 53,269 =
    #   3,728.83; 9% x 32,625 = 2,936.25; total 8,795.8.
    #   Credits (BPA 18,767 + CPP base 3,217.5 + EI 1,049.12 = 23,033.62) x 4% = 921.3448; basic tax
    #   7,874.4552.
    #   Tax 7,874.4552 -> 7,874.46.
    # $300,000: Net income 300,000 - 838 = 299,162. Brackets: 4% x 53,268 = 2,130.72; 7% x 53,269 =
    #   3,728.83; 9% x 66,668 = 6,000.12; 11.5% x 125,957 = 14,485.055; total 26,344.725.
    #   Credits (BPA 18,767 + CPP base 3,217.5 + EI 1,049.12 = 23,033.62) x 4% = 921.3448; basic tax
    #   25,423.3802.
    #   Tax 25,423.3802 -> 25,423.38.
    got = provincial("NU", 2024, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 7_874.46, 25_423.38], abs=CENT)


def test_nunavut_2025():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 4% x 19,835 = 793.4; total 793.4.
    #   Credits (BPA 19,274 + CPP base 816.75 + EI 328 = 20,418.75) x 4% = 816.75; basic tax 0.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,074 = 138,926. Brackets: 4% x 54,707 = 2,188.28; 7% x 54,706 =
    #   3,829.42; 9% x 29,513 = 2,656.17; total 8,673.87.
    #   Credits (BPA 19,274 + CPP base 3,356.1 + EI 1,077.48 = 23,707.58) x 4% = 948.3032; basic tax
    #   7,725.5668.
    #   Tax 7,725.5668 -> 7,725.57.
    # $300,000: Net income 300,000 - 1,074 = 298,926. Brackets: 4% x 54,707 = 2,188.28; 7% x 54,706 =
    #   3,829.42; 9% x 68,468 = 6,162.12; 11.5% x 121,045 = 13,920.175; total 26,099.995.
    #   Credits (BPA 19,274 + CPP base 3,356.1 + EI 1,077.48 = 23,707.58) x 4% = 948.3032; basic tax
    #   25,151.6918.
    #   Tax 25,151.6918 -> 25,151.69.
    got = provincial("NU", 2025, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 7_725.57, 25_151.69], abs=CENT)


def test_nunavut_2026():
    # $20,000: Net income 20,000 - 165 = 19,835. Brackets: 4% x 19,835 = 793.4; total 793.4.
    #   Credits (BPA 19,659 + CPP base 816.75 + EI 326 = 20,801.75) x 4% = 832.07; basic tax 0.
    #   Tax 0 -> 0.00.
    # $140,000: Net income 140,000 - 1,127 = 138,873. Brackets: 4% x 55,801 = 2,232.04; 7% x 55,800 =
    #   3,906; 9% x 27,272 = 2,454.48; total 8,592.52.
    #   Credits (BPA 19,659 + CPP base 3,519.45 + EI 1,123.07 = 24,301.52) x 4% = 972.0608; basic tax
    #   7,620.4592.
    #   Tax 7,620.4592 -> 7,620.46.
    # $300,000: Net income 300,000 - 1,127 = 298,873. Brackets: 4% x 55,801 = 2,232.04; 7% x 55,800 =
    #   3,906; 9% x 69,838 = 6,285.42; 11.5% x 117,434 = 13,504.91; total 25,928.37.
    #   Credits (BPA 19,659 + CPP base 3,519.45 + EI 1,123.07 = 24,301.52) x 4% = 972.0608; basic tax
    #   24,956.3092.
    #   Tax 24,956.3092 -> 24,956.31.
    got = provincial("NU", 2026, (20_000, 140_000, 300_000))
    assert got == pytest.approx([0.00, 7_620.46, 24_956.31], abs=CENT)


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
    ctx = context(year, [199_999, 200_000, 200_001, 300_000, 399_999, 400_000, 400_001])
    got = mb.manitoba_basic_personal_amount(ctx, tables.load(year, "MB"))
    assert got == pytest.approx([15_780, 15_780, 15_779.9211, 7_890, 0.0789, 0, 0], abs=1e-6)


def test_manitoba_bpa_not_phased_out_in_2024():
    ctx = context(2024, [199_999, 300_000, 500_000])
    assert mb.manitoba_basic_personal_amount(ctx, tables.load(2024, "MB")) == pytest.approx([15_780] * 3)


@pytest.mark.parametrize("year", YEARS)
def test_manitoba_family_tax_benefit_ends_at_22944(year: int):
    # 10.8% x (2,065 - 9% x net income): 10.8% x 265 = 28.62 at 20,000; nil from 2,065 / 0.09 = 22,944.44.
    got = mb.family_tax_benefit(np.array([20_000.0, 22_944.0, 22_945.0, 60_000.0]), tables.load(year, "MB"))
    assert got == pytest.approx([28.62, 0.108 * (2_065 - 0.09 * 22_944), 0, 0], abs=1e-9)


YUKON_PHASE = {2024: (15_705, 14_156, 173_205, 246_752), 2025: (16_129, 14_538, 177_882, 253_414),
               2026: (16_452, 14_829, 181_440, 258_482)}


@pytest.mark.parametrize("year", YEARS)
def test_yukon_bpa_follows_the_federal_phase_down(year: int):
    high, low, start, end = YUKON_PHASE[year]
    step = (high - low) / (end - start)
    ctx = context(year, [start - 1, start, start + 1, end - 1, end, end + 1, 1_000_000])
    got = yt.yukon_basic_personal_amount(ctx, tables.load(year, "YT"))
    assert got == pytest.approx([high, high, high - step, low + step, low, low, low], abs=1e-6)


def test_yukon_part_year_resident_gets_p_times_bpa_of_net_over_p():
    # p = 0.5, net income 100,000 -> 0.5 x BPA(200,000); in 2026
    # BPA(200,000) = 16,452 - 1,623 x (200,000 - 181,440 = 18,560) / 77,042 = 16,061.0048.
    ni = np.array([100_000.0])
    c = payroll.contributions(ni, ni, tables.load(2026, tables.PAYROLL), False)
    ctx = TaxContext(year=2026, employment_income=ni, total_income=ni, deductions=ni * 0, net_income=ni,
                     taxable_income=ni, contributions=c, residence_fraction=0.5)
    got = yt.yukon_basic_personal_amount(ctx, tables.load(2026, "YT"))
    assert got == pytest.approx([0.5 * (16_452 - 1_623 * 18_560 / 77_042)], abs=1e-6)


def test_yukon_canada_employment_amount_is_the_lesser():
    employment = np.array([0.0, 900.0, 1_501.0, 50_000.0])
    got = yt.yukon_canada_employment_amount(employment, tables.load(2026, "YT"))
    assert got == pytest.approx([0, 900, 1_501, 1_501])


def test_nova_scotia_2024_bpa_supplement_edges():
    # 8,481 + 3,000 to taxable income 25,000; less 6% of the excess; 8,481 from 75,000.
    ctx = context(2024, [24_999, 25_000, 25_001, 50_000, 74_999, 75_000, 75_001])
    got = ns.nova_scotia_basic_personal_amount(ctx, tables.load(2024, "NS"))
    assert got == pytest.approx([11_481, 11_481, 11_480.94, 9_981, 8_481.06, 8_481, 8_481], abs=1e-6)


@pytest.mark.parametrize(("year", "flat"), ((2025, 11_744), (2026, 11_932)))
def test_nova_scotia_bpa_is_flat_from_2025(year: int, flat: float):
    ctx = context(year, [20_000, 25_001, 50_000, 74_999, 200_000])
    assert ns.nova_scotia_basic_personal_amount(ctx, tables.load(year, "NS")) == pytest.approx([flat] * 5)


# (basic reduction, base amount, rate) typed from the sources; the reduction ends at base + basic / rate.
LOW_INCOME = {
    ("NB", 2024): (781, 21_343, 0.03), ("NB", 2025): (802, 21_919, 0.03), ("NB", 2026): (818, 22_358, 0.03),
    ("NS", 2024): (300, 15_000, 0.05), ("NS", 2025): (300, 15_000, 0.05), ("NS", 2026): (300, 15_000, 0.05),
    ("PE", 2024): (350, 21_500, 0.05), ("PE", 2025): (350, 22_250, 0.05), ("PE", 2026): (350, 23_000, 0.05),
    ("NL", 2024): (974, 23_390, 0.16), ("NL", 2025): (997, 23_928, 0.16), ("NL", 2026): (1_008, 24_191, 0.16),
}


@pytest.mark.parametrize(("code", "year"), sorted(LOW_INCOME))
def test_low_income_reduction_threshold_and_end(code: str, year: int):
    basic, start, rate = LOW_INCOME[(code, year)]
    end = start + basic / rate
    ni = np.array([start - 1, start, start + 1, end - 1, end, end + 1], dtype=np.float64)
    got = low_income_tax_reduction(ni, tables.load(year, code).low_income_reduction)
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
    assert (r["provincial_tax"] >= 0).all() and (r["federal_tax"] >= 0).all()


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
    from netpay.provinces import MODULES

    assert MODULES[code] == f"netpay.provinces.{'standard' if code in ('SK', 'NT', 'NU') else code.lower()}"
    for year in YEARS:
        t = tables.load(year, code)
        assert t.notes, (code, year)  # each says what is (not) modelled
        for field, srcs in tables.sources(year, code).items():
            for s in srcs:
                assert str(s.retrieved) == "2026-11-25", (code, year, field)
