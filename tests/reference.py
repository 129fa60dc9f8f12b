"""An independent, scalar, form-by-form reference for the worked examples.

Written as a person fills in the forms: one income at a time, plain Python floats, constants
typed in here from the published figures (not read from netpay's data files), so that a wrong
figure in ``data/`` or a wrong rule in ``src/`` makes the tests fail. Only for tests.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def cents(x: float) -> float:
    """Round half-up to cents, as the forms do."""
    return float(Decimal(repr(round(x, 6))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def brackets(income: float, rows: list[tuple[float, float]]) -> float:
    """Tax by a rate table: rows of (threshold, rate), thresholds ascending from 0."""
    tax = 0.0
    for i, (start, rate) in enumerate(rows):
        end = rows[i + 1][0] if i + 1 < len(rows) else float("inf")
        if income > start:
            tax += (min(income, end) - start) * rate
    return tax


# Payroll: (YMPE, YAMPE, CPP base rate, QPP base rate, EI MIE, EI rate, EI QC rate, QPIP MIE, QPIP rate)
PAYROLL = {
    2024: (68_500, 73_200, 0.0495, 0.054, 63_200, 0.0166, 0.0132, 94_000, 0.00494),
    2025: (71_300, 81_200, 0.0495, 0.054, 65_700, 0.0164, 0.0131, 98_000, 0.00494),
    2026: (74_600, 85_000, 0.0495, 0.053, 68_900, 0.0163, 0.0130, 103_000, 0.0043),
}

# Federal: (brackets, credit rate, BPA max, BPA min, CEA)
FEDERAL = {
    2024: (
        [(0, 0.15), (55_867, 0.205), (111_733, 0.26), (173_205, 0.29), (246_752, 0.33)],
        0.15,
        15_705,
        14_156,
        1_433,
    ),
    2025: (
        [(0, 0.145), (57_375, 0.205), (114_750, 0.26), (177_882, 0.29), (253_414, 0.33)],
        0.145,
        16_129,
        14_538,
        1_471,
    ),
    2026: (
        [(0, 0.14), (58_523, 0.205), (117_045, 0.26), (181_440, 0.29), (258_482, 0.33)],
        0.14,
        16_452,
        14_829,
        1_501,
    ),
}


def payroll(income: float, year: int, quebec: bool) -> dict[str, float]:
    ympe, yampe, cpp_base, qpp_base, ei_mie, ei_rate, ei_qc, qpip_mie, qpip_rate = PAYROLL[year]
    base_rate = qpp_base if quebec else cpp_base
    first = cents((base_rate + 0.01) * min(max(income - 3_500, 0), ympe - 3_500))
    first_additional = cents(first * 0.01 / (base_rate + 0.01))
    second = cents(0.04 * min(max(income - ympe, 0), yampe - ympe))
    ei = cents((ei_qc if quebec else ei_rate) * min(income, ei_mie))
    qpip = cents(qpip_rate * min(income, qpip_mie)) if quebec else 0.0
    return {
        "base": first - first_additional,
        "enhanced": first_additional + second,
        "cpp": first + second,
        "ei": ei,
        "qpip": qpip,
    }


def federal(income: float, year: int, quebec: bool) -> float:
    rows, rate, bpa_max, bpa_min, cea = FEDERAL[year]
    p = payroll(income, year, quebec)
    net = income - p["enhanced"]
    t29, t33 = rows[3][0], rows[4][0]
    share = min(max((net - t29) / (t33 - t29), 0.0), 1.0)
    bpa = bpa_max - (bpa_max - bpa_min) * share
    credits = bpa + min(cea, income) + p["base"] + p["ei"] + p["qpip"]
    basic = max(brackets(net, rows) - rate * credits, 0.0)
    return cents(basic * (1 - 0.165) if quebec else basic)


ONTARIO = {  # brackets, BPA, surtax thresholds, tax reduction basic amount
    2024: (
        [(0, 0.0505), (51_446, 0.0915), (102_894, 0.1116), (150_000, 0.1216), (220_000, 0.1316)],
        12_399,
        5_554,
        7_108,
        286,
    ),
    2025: (
        [(0, 0.0505), (52_886, 0.0915), (105_775, 0.1116), (150_000, 0.1216), (220_000, 0.1316)],
        12_747,
        5_710,
        7_307,
        294,
    ),
    2026: (
        [(0, 0.0505), (53_891, 0.0915), (107_785, 0.1116), (150_000, 0.1216), (220_000, 0.1316)],
        12_989,
        5_818,
        7_446,
        300,
    ),
}


def health_premium(ti: float) -> float:
    """Ontario Health Premium chart (ON428 Part D)."""
    if ti <= 20_000:
        return 0.0
    if ti <= 25_000:
        return 0.06 * (ti - 20_000)
    if ti <= 36_000:
        return 300.0
    if ti <= 38_500:
        return 300 + 0.06 * (ti - 36_000)
    if ti <= 48_000:
        return 450.0
    if ti <= 48_600:
        return 450 + 0.25 * (ti - 48_000)
    if ti <= 72_000:
        return 600.0
    if ti <= 72_600:
        return 600 + 0.25 * (ti - 72_000)
    if ti <= 200_000:
        return 750.0
    if ti <= 200_600:
        return 750 + 0.25 * (ti - 200_000)
    return 900.0


def ontario(income: float, year: int) -> float:
    rows, bpa, s1, s2, red = ONTARIO[year]
    p = payroll(income, year, False)
    ti = income - p["enhanced"]
    basic = max(brackets(ti, rows) - 0.0505 * (bpa + p["base"] + p["ei"]), 0.0)
    tax = basic + 0.20 * max(basic - s1, 0) + 0.36 * max(basic - s2, 0)
    tax -= min(max(2 * red - tax, 0.0), tax)
    lift = max(min(875, 0.0505 * income) - 0.05 * max(ti - 32_500, 0), 0.0)
    tax -= min(lift, tax)
    return cents(tax + health_premium(ti))


BRITISH_COLUMBIA = {  # lowest rate, thresholds, BPA, reduction max, reduction threshold
    2024: (0.0506, (47_937, 95_875, 110_076, 133_664, 181_232, 252_752), 12_580, 547, 24_338),
    2025: (0.0506, (49_279, 98_560, 113_158, 137_407, 186_306, 259_829), 12_932, 562, 25_020),
    2026: (0.056, (50_363, 100_728, 115_648, 140_430, 190_405, 265_545), 13_216, 690, 25_570),
}


def british_columbia(income: float, year: int) -> float:
    low, t, bpa, red_max, red_from = BRITISH_COLUMBIA[year]
    rows = list(zip((0, *t), (low, 0.077, 0.105, 0.1229, 0.147, 0.168, 0.205), strict=True))
    p = payroll(income, year, False)
    ni = income - p["enhanced"]
    basic = max(brackets(ni, rows) - low * (bpa + p["base"] + p["ei"]), 0.0)
    reduction = max(red_max - 0.0356 * max(ni - red_from, 0), 0.0)
    return cents(basic - min(reduction, basic))


QUEBEC = {  # thresholds, BPA, deduction for workers maximum
    2024: ((51_780, 103_545, 126_000), 18_056, 1_380),
    2025: ((53_255, 106_495, 129_590), 18_571, 1_420),
    2026: ((54_345, 108_680, 132_245), 18_952, 1_450),
}


def quebec(income: float, year: int) -> float:
    t, bpa, dfw_max = QUEBEC[year]
    rows = list(zip((0, *t), (0.14, 0.19, 0.24, 0.2575), strict=True))
    p = payroll(income, year, True)
    qti = max(income - min(0.06 * income, dfw_max) - p["enhanced"], 0.0)
    return cents(max(brackets(qti, rows) - 0.14 * bpa, 0.0))


ALBERTA = {  # brackets, BPA, credit rate, supplemental threshold
    2024: ([(0, 0.10), (148_269, 0.12), (177_922, 0.13), (237_230, 0.14), (355_845, 0.15)], 21_885, 0.10, None),
    2025: (
        [(0, 0.08), (60_000, 0.10), (151_234, 0.12), (181_481, 0.13), (241_974, 0.14), (362_961, 0.15)],
        22_323,
        0.08,
        60_000,
    ),
    2026: (
        [(0, 0.08), (61_200, 0.10), (154_259, 0.12), (185_111, 0.13), (246_813, 0.14), (370_220, 0.15)],
        22_769,
        0.08,
        61_200,
    ),
}


def alberta(income: float, year: int) -> float:
    rows, bpa, rate, sup = ALBERTA[year]
    p = payroll(income, year, False)
    credits = bpa + p["base"] + p["ei"]
    basic = max(brackets(income - p["enhanced"], rows) - rate * credits, 0.0)
    supplemental = 0.02 * max(credits - sup, 0) if sup else 0.0
    return cents(max(basic - supplemental, 0.0))


PROVINCIAL = {"ON": ontario, "BC": british_columbia, "QC": quebec, "AB": alberta}


def take_home(income: float, province: str, year: int) -> dict[str, float]:
    qc = province == "QC"
    p = payroll(income, year, qc)
    fed = federal(income, year, qc)
    prov = PROVINCIAL[province](income, year)
    net = income - p["cpp"] - p["ei"] - p["qpip"] - fed - prov
    return {
        "cpp": p["cpp"],
        "ei": p["ei"],
        "qpip": p["qpip"],
        "federal_tax": fed,
        "provincial_tax": prov,
        "net_income": round(net, 2),
    }
