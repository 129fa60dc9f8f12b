"""An independent, scalar, form-by-form reference for SK, MB, NB, NS, PE, NL, YT, NT and NU.

As ``tests/reference.py``: one income at a time, plain floats, every constant typed in here from
the published figures (not read from netpay's data files), each 428 form filled in the way a
person would. Payroll contributions and federal tax come from ``tests/reference.py``.
"""

from __future__ import annotations

from tests.reference import brackets, cents, federal, payroll


def _rows(thresholds: tuple[float, ...], rates: tuple[float, ...]) -> list[tuple[float, float]]:
    return list(zip((0, *thresholds), rates, strict=True))


def _contributions(income: float, year: int) -> tuple[float, float, float]:
    """(net income line 23600, CPP base line 30800, EI line 31200) for an employee outside Québec."""
    p = payroll(income, year, False)
    return income - p["enhanced"], p["base"], p["ei"]


def _litr(net: float, basic: float, threshold: float, rate: float) -> float:
    """A low-income tax reduction: basic less rate x net income over the threshold, not below zero."""
    return max(basic - rate * max(net - threshold, 0.0), 0.0)


# ----------------------------------------------------------------------------- Saskatchewan SK428
SASKATCHEWAN = {  # thresholds, BPA
    2024: ((52_057, 148_734), 18_491),
    2025: ((53_463, 152_750), 19_491),
    2026: ((54_532, 155_805), 20_381),
}


def saskatchewan(income: float, year: int) -> float:
    t, bpa = SASKATCHEWAN[year]
    ni, base, ei = _contributions(income, year)
    tax = brackets(ni, _rows(t, (0.105, 0.125, 0.145))) - 0.105 * (bpa + base + ei)
    return cents(max(tax, 0.0))


# ----------------------------------------------------------------------------- Manitoba MB428, MB428-A
def manitoba(income: float, year: int) -> float:
    ni, base, ei = _contributions(income, year)
    bpa = 15_780.0
    if year >= 2025:  # Budget 2025: BPA nil at net income $400,000, full to $200,000
        if ni >= 400_000:
            bpa = 0.0
        elif ni > 200_000:
            bpa = 15_780 - (ni - 200_000) * 15_780 / 200_000
    tax = max(brackets(ni, _rows((47_000, 100_000), (0.108, 0.1275, 0.174))) - 0.108 * (bpa + base + ei), 0.0)
    ftb = 0.108 * max(2_065 - 0.09 * ni, 0.0)  # MB428-A line 61470
    return cents(tax - min(ftb, tax))


# ----------------------------------------------------------------------------- New Brunswick NB428
NEW_BRUNSWICK = {  # thresholds, BPA, LITR basic, LITR base amount
    2024: ((49_958, 99_916, 185_064), 13_044, 781, 21_343),
    2025: ((51_306, 102_614, 190_060), 13_396, 802, 21_920),  # 21,920: issue 10
    2026: ((52_333, 104_666, 193_861), 13_664, 818, 22_358),
}


def new_brunswick(income: float, year: int) -> float:
    t, bpa, basic, base_amount = NEW_BRUNSWICK[year]
    ni, base, ei = _contributions(income, year)
    tax = max(brackets(ni, _rows(t, (0.094, 0.14, 0.16, 0.195))) - 0.094 * (bpa + base + ei), 0.0)
    return cents(tax - min(_litr(ni, basic, base_amount, 0.03), tax))


# ----------------------------------------------------------------------------- Nova Scotia NS428
NOVA_SCOTIA = {  # thresholds, BPA (2024: the basic amount before the supplement)
    2024: ((29_590, 59_180, 93_000, 150_000), 8_481),
    2025: ((30_507, 61_015, 95_883, 154_650), 11_744),
    2026: ((30_995, 61_991, 97_417, 157_124), 11_932),
}


def nova_scotia(income: float, year: int) -> float:
    t, bpa = NOVA_SCOTIA[year]
    ni, base, ei = _contributions(income, year)
    ti = ni  # taxable income = net income for an employee here
    if year == 2024:  # Worksheet NS428 line 58040
        if ti <= 25_000:
            bpa += 3_000
        elif ti < 75_000:
            bpa += 3_000 - 0.06 * (ti - 25_000)
    tax = max(brackets(ti, _rows(t, (0.0879, 0.1495, 0.1667, 0.175, 0.21))) - 0.0879 * (bpa + base + ei), 0.0)
    return cents(tax - min(_litr(ni, 300, 15_000, 0.05), tax))


# ----------------------------------------------------------------------------- Prince Edward Island PE428
PRINCE_EDWARD_ISLAND = {  # thresholds, rates, BPA, LITR threshold
    2024: ((32_656, 64_313, 105_000, 140_000), (0.0965, 0.1363, 0.1665, 0.18, 0.1875), 13_500, 21_500),
    2025: ((33_328, 64_656, 105_000, 140_000), (0.095, 0.1347, 0.166, 0.1762, 0.19), 14_650, 22_650),  # issue 10
    # 2026: a sixth bracket, 20% above $200,000 (Countworthy's and BuildCanada's transcriptions of CRA's 2026
    # rates page; data/tax_tables/2026/pe.yaml)
    2026: ((33_928, 65_820, 106_890, 142_520, 200_000), (0.095, 0.1347, 0.166, 0.1762, 0.19, 0.20), 15_000, 23_000),
}


def prince_edward_island(income: float, year: int) -> float:
    t, rates, bpa, litr_from = PRINCE_EDWARD_ISLAND[year]
    ni, base, ei = _contributions(income, year)
    tax = max(brackets(ni, _rows(t, rates)) - rates[0] * (bpa + base + ei), 0.0)
    return cents(tax - min(_litr(ni, 350, litr_from, 0.05), tax))


# ----------------------------------------------------------------------------- Newfoundland NL428
NEWFOUNDLAND = {  # thresholds, BPA, LITR basic, LITR base amount
    2024: ((43_198, 86_395, 154_244, 215_943, 275_870, 551_739, 1_103_478), 10_818, 974, 23_390),
    2025: ((44_192, 88_382, 157_792, 220_910, 282_214, 564_429, 1_128_858), 11_067, 997, 23_928),
    2026: ((44_678, 89_354, 159_528, 223_340, 285_319, 570_638, 1_141_275), 13_094, 1_008, 24_191),
}


def newfoundland(income: float, year: int) -> float:
    t, bpa, basic, base_amount = NEWFOUNDLAND[year]
    ni, base, ei = _contributions(income, year)
    rates = (0.087, 0.145, 0.158, 0.178, 0.198, 0.208, 0.213, 0.218)
    tax = max(brackets(ni, _rows(t, rates)) - 0.087 * (bpa + base + ei), 0.0)
    return cents(tax - min(_litr(ni, basic, base_amount, 0.16), tax))


# ----------------------------------------------------------------------------- Yukon YT428
# Yukon: thresholds, BPA max, BPA min, end of the phase-down (federal 33% threshold), CEA.
# The BPA phases down from the 3rd threshold (the federal 29% one) to that end.
YUKON = {
    2024: ((55_867, 111_733, 173_205, 500_000), 15_705, 14_156, 246_752, 1_433),
    2025: ((57_375, 114_750, 177_882, 500_000), 16_129, 14_538, 253_414, 1_471),
    2026: ((58_523, 117_045, 181_440, 500_000), 16_452, 14_829, 258_482, 1_501),
}


def yukon(income: float, year: int) -> float:
    t, bpa_max, bpa_min, end, cea = YUKON[year]
    ni, base, ei = _contributions(income, year)
    start = t[2]
    share = min(max((ni - start) / (end - start), 0.0), 1.0)
    bpa = bpa_max - (bpa_max - bpa_min) * share
    credits = bpa + min(cea, income) + base + ei
    tax = brackets(ni, _rows(t, (0.064, 0.09, 0.109, 0.128, 0.15))) - 0.064 * credits
    return cents(max(tax, 0.0))


# ----------------------------------------------------------------------------- territories NT428, NU428
NORTHWEST_TERRITORIES = {
    2024: ((50_597, 101_198, 164_525), 17_373),
    2025: ((51_964, 103_930, 168_967), 17_842),
    2026: ((53_003, 106_009, 172_346), 18_198),
}

NUNAVUT = {
    2024: ((53_268, 106_537, 173_205), 18_767),
    2025: ((54_707, 109_413, 177_881), 19_274),
    2026: ((55_801, 111_602, 181_439), 19_659),  # 111,602: issue 10
}


def nt_cost_of_living(ani: float) -> float:
    """NT479 (2023-2024 forms): basic credit for self by the 12,000 / 48,000 / 66,000 bands, at least
    the $350 supplement for an adult, at most $942."""
    if ani <= 12_000:
        basic = 0.026 * ani
    elif ani <= 48_000:
        basic = 312 + 0.0125 * (ani - 12_000)
    else:
        basic = min(762 + 0.01 * (ani - 48_000), 942.0)
    return min(max(basic, 350.0), 942.0)


def nu_cost_of_living(ani: float) -> float:
    """NU479 (2019-2024 forms): 2% of adjusted net income, at most $1,500."""
    return min(0.02 * ani, 1_500.0)


def northwest_territories(income: float, year: int) -> float:
    """NT428 less the refundable NT479 credit (adjusted net income = line 23600 for an employee)."""
    t, bpa = NORTHWEST_TERRITORIES[year]
    ni, base, ei = _contributions(income, year)
    tax = max(brackets(ni, _rows(t, (0.059, 0.086, 0.122, 0.1405))) - 0.059 * (bpa + base + ei), 0.0)
    return cents(tax - nt_cost_of_living(ni))


def nunavut(income: float, year: int) -> float:
    """NU428 less the refundable NU479 credit."""
    t, bpa = NUNAVUT[year]
    ni, base, ei = _contributions(income, year)
    tax = max(brackets(ni, _rows(t, (0.04, 0.07, 0.09, 0.115))) - 0.04 * (bpa + base + ei), 0.0)
    return cents(tax - nu_cost_of_living(ni))


PROVINCIAL = {
    "SK": saskatchewan,
    "MB": manitoba,
    "NB": new_brunswick,
    "NS": nova_scotia,
    "PE": prince_edward_island,
    "NL": newfoundland,
    "YT": yukon,
    "NT": northwest_territories,
    "NU": nunavut,
}


#: The employee payroll tax withheld where the employee works (NT and NU Payroll Tax Acts: 2%).
PAYROLL_TAX = {"NT": 0.02, "NU": 0.02}


def take_home(income: float, province: str, year: int) -> dict[str, float]:
    p = payroll(income, year, False)
    fed = federal(income, year, False)
    prov = PROVINCIAL[province](income, year)
    levy = cents(PAYROLL_TAX.get(province, 0.0) * income)
    net = income - p["cpp"] - p["ei"] - fed - prov - levy
    return {
        **{"cpp": p["cpp"], "ei": p["ei"], "federal_tax": fed, "provincial_tax": prov},
        **{"payroll_tax": levy, "net_income": round(net, 2)},
    }
