"""Benefits by benefit year, paid by calendar month: hand-worked cases (arithmetic in the comments)
from the cited figures in data/benefits/, newcomers' first months, and properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from netpay import benefits
from netpay.benefits import eligible_from, household_benefits
from netpay.errors import InvalidIncomeError, UnknownJurisdictionError
from netpay.rules.benefits import ccb
from netpay.tables.benefits import load_benefit, periods, schema_of

D = dt.date
DATA = Path(__file__).resolve().parents[1] / "data" / "benefits"


def by_key(result: list[benefits.Benefit]) -> dict[str, benefits.Benefit]:
    return {b.key: b for b in result}


def ccb_2025_26(afni: float, under_6: int, older: int) -> float:
    return ccb.ccb_annual(afni, float(under_6), float(older), ccb.params(load_benefit("2025-26", "ccb")))


# --------------------------------------------------------------------------- the data


@pytest.mark.parametrize("path", sorted(DATA.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_benefit_file_loads_and_cites_every_figure(path: Path):
    table = load_benefit(path.parent.name, path.stem)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(raw) - {"jurisdiction", "year", "sources", "notes"} <= {k.split(".")[0] for k in raw["sources"]}
    assert isinstance(table, schema_of(path.stem))


def test_the_three_benefit_years_are_there():
    assert {"2024-25", "2025-26", "2026-27"} <= set(periods())


# --------------------------------------------------------------------------- Canada Child Benefit


def test_ccb_at_and_below_the_first_threshold_is_the_maximum():
    # 2025-26: AFNI $37,487 (the first threshold) -> no reduction: one child under 6 = $7,997
    assert ccb_2025_26(37_487, 1, 0) == pytest.approx(7_997)
    # two children, one under 6 and one 6-17: 7,997 + 6,748 = 14,745
    assert ccb_2025_26(20_000, 1, 1) == pytest.approx(14_745)


def test_ccb_between_the_thresholds():
    # 2025-26, one child under 6, AFNI $60,000: 7,997 - 7% x (60,000 - 37,487) = 7,997 - 1,575.91 = 6,421.09
    assert ccb_2025_26(60_000, 1, 0) == pytest.approx(6_421.09)
    # two children under 6: 15,994 - 13.5% x 22,513 = 15,994 - 3,039.255 = 12,954.745
    assert ccb_2025_26(60_000, 2, 0) == pytest.approx(12_954.745)


def test_ccb_at_the_second_threshold_and_above():
    # 2025-26, one child under 6, AFNI $81,222: 7,997 - 7% x 43,735 = 7,997 - 3,061.45 = 4,935.55
    assert ccb_2025_26(81_222, 1, 0) == pytest.approx(4_935.55)
    # AFNI $140,000: fixed part = 7% x 43,735 = 3,061.45 -> $3,061 (the sheet rounds to the dollar),
    # 7,997 - (3,061 + 3.2% x 58,778 = 1,880.896) = 3,055.104
    assert ccb_2025_26(140_000, 1, 0) == pytest.approx(3_055.104)
    # two children under 6 at $140,000: fixed 13.5% x 43,735 = 5,904.225 -> 5,904;
    # 15,994 - (5,904 + 5.7% x 58,778 = 3,350.346) = 6,739.654 (the research note's $6,739/yr)
    assert ccb_2025_26(140_000, 2, 0) == pytest.approx(6_739.654)


def test_ccb_2024_25_fixed_amount_is_the_calculation_sheets():
    # 2024-25 sheet: '$2,981 + 3.2% of line 10' for one child; AFNI $100,000, one child 6-17:
    # 6,570 - (2,981 + 3.2% x (100,000 - 79,087) = 669.216) = 2,919.784
    p = ccb.params(load_benefit("2024-25", "ccb"))
    assert ccb.ccb_annual(100_000.0, 0.0, 1.0, p) == pytest.approx(2_919.784)


def test_ccb_2026_27_maximum():
    # July 2026-June 2027: $8,157 per child under 6 (MoneySense, = 7,997 x 1.02), below $38,237
    p = ccb.params(load_benefit("2026-27", "ccb"))
    assert ccb.ccb_annual(38_000.0, 1.0, 0.0, p) == pytest.approx(8_157)


def test_ccb_calendar_year_is_half_of_each_benefit_year():
    # one child born 2023-05-01 (under 6 all of 2026), AFNI $140,000 in 2024 and 2025.
    # Jan-Jun 2026 (2025-26 year, 2024 AFNI): 3,055.104 / 12 = 254.592 -> 254.59 a month
    # Jul-Dec 2026 (2026-27 year, 2025 AFNI): fixed 7% x (82,846 - 38,237 = 44,609) = 3,122.63 -> 3,123;
    #   8,157 - (3,123 + 3.2% x 57,154 = 1,828.928) = 3,205.072 / 12 = 267.089 -> 267.09 a month
    # year: 6 x 254.59 + 6 x 267.09 = 1,527.54 + 1,602.54 = 3,130.08
    result = by_key(
        household_benefits(
            "ON",
            2026,
            family_net_income={2024: 140_000, 2025: 140_000},
            children=[D(2023, 5, 1)],
            couple=True,
            working_income=140_000,
        )
    )
    got = result["ccb"]
    assert got.monthly == (254.59,) * 6 + (267.09,) * 6
    assert got.amount == pytest.approx(3_130.08)
    assert "January-June" in got.label
    assert got.status == "unverified"  # the 2026-27 figures are secondary


def test_ccb_child_turning_6_and_a_newborn():
    # AFNI $30,000 (below both years' first thresholds: maximum amounts).
    # Child born 2020-03-10 turns 6 on 2026-03-10: under 6 at the start of Jan, Feb, Mar (7,997/12 =
    # 666.42 a month), 6-17 from April: Apr-Jun 6,748/12 = 562.33; Jul-Dec 6,883/12 = 573.58.
    # Newborn born 2026-08-15 counts from September: Sep-Dec 8,157/12 = 679.75.
    result = by_key(
        household_benefits(
            "ON",
            2026,
            family_net_income={2024: 30_000, 2025: 30_000},
            children=[D(2020, 3, 10), D(2026, 8, 15)],
            couple=True,
            working_income=30_000,
        )
    )
    m = result["ccb"].monthly
    assert m[:3] == (666.42,) * 3
    assert m[3:6] == (562.33,) * 3
    assert m[6:8] == (573.58,) * 2
    assert m[8:] == (573.58 + 679.75,) * 4


def test_missing_income_year_counts_as_zero_with_a_note():
    result = by_key(
        household_benefits(
            "ON", 2026, family_net_income={2025: 30_000}, children=[D(2023, 1, 1)], couple=True, working_income=0
        )
    )
    # 2024 AFNI missing -> 0 -> Jan-Jun at the 2025-26 maximum 7,997/12 = 666.42
    assert result["ccb"].monthly[0] == 666.42
    assert any("2024" in n and "0" in n for n in result["ccb"].notes)


# --------------------------------------------------------------------------- newcomers


def test_eligible_from_by_status():
    # work permit, arrival 15 March 2026: first full month April 2026 = month 1; month 19 = October 2027
    assert eligible_from("work_permit", D(2026, 3, 15)) == D(2027, 10, 1)
    # arrival on the 1st: March 2026 is month 1, month 19 = September 2027
    assert eligible_from("work_permit", D(2026, 3, 1)) == D(2027, 9, 1)
    # permanent resident or citizen: the month after arrival
    assert eligible_from("permanent_resident", D(2026, 3, 15)) == D(2026, 4, 1)
    assert eligible_from("citizen", D(2026, 12, 31)) == D(2027, 1, 1)
    with pytest.raises(ValueError, match="permanent_resident"):
        eligible_from("visitor", D(2026, 1, 1))


def newcomer(status: str, year: int) -> benefits.Benefit:
    start = eligible_from(status, D(2026, 3, 15))
    result = household_benefits(
        "ON",
        year,
        family_net_income={2025: 0, 2026: 30_000},
        children=[D(2024, 1, 1)],
        couple=True,
        working_income=30_000,
        eligible_from=start,
    )
    return by_key(result)["ccb"]


def test_work_permit_holder_arriving_mid_year_gets_no_ccb_until_month_19():
    # arrival 2026-03-15: nothing in 2026, nothing Jan-Sep 2027; October 2027 onwards.
    assert newcomer("work_permit", 2026).amount == 0
    got = newcomer("work_permit", 2027)
    assert got.monthly[:9] == (0.0,) * 9
    # Oct-Dec 2027 are in the 2027-28 year, which netpay has no table for: the 2026-27 figures stand
    # in (marked projected): 8,157 / 12 = 679.75 a month on 2026 AFNI $30,000 (below the threshold)
    assert got.monthly[9:] == (679.75,) * 3
    assert got.status == "projected"


def test_permanent_resident_arriving_mid_year_is_paid_from_the_next_month():
    # arrival 2026-03-15 -> April 2026. Apr-Jun: 2025-26 maximum on 2024 AFNI (not given: 0, noted),
    # 7,997/12 = 666.42; Jul-Dec: 2026-27 on 2025 AFNI 0: 8,157/12 = 679.75.
    # year = 3 x 666.42 + 6 x 679.75 = 1,999.26 + 4,078.50 = 6,077.76
    got = newcomer("permanent_resident", 2026)
    assert got.monthly[:3] == (0.0,) * 3
    assert got.amount == pytest.approx(6_077.76)


# --------------------------------------------------------------------------- errors


def test_bad_inputs_name_the_parameter():
    base = {"family_net_income": {2025: 1}, "children": [], "couple": False, "working_income": 0}
    with pytest.raises(UnknownJurisdictionError, match="Ontario"):
        household_benefits("Ontaro", 2026, **base)
    with pytest.raises(InvalidIncomeError, match="working_income"):
        household_benefits("ON", 2026, **{**base, "working_income": -1})
    with pytest.raises(InvalidIncomeError, match=r"family_net_income\[2025\]"):
        household_benefits("ON", 2026, **{**base, "family_net_income": {2025: float("nan")}})
    with pytest.raises(TypeError, match=r"children\[0\]"):
        household_benefits("ON", 2026, **{**base, "children": [2023]})


# --------------------------------------------------------------------------- properties

incomes = st.floats(min_value=0, max_value=400_000, allow_nan=False)
counts = st.integers(min_value=0, max_value=5)


@given(incomes, incomes, counts, counts)
def test_ccb_never_rises_with_income_and_is_never_negative(a, b, under_6, older):
    low, high = sorted((a, b))
    got_low, got_high = ccb_2025_26(low, under_6, older), ccb_2025_26(high, under_6, older)
    assert 0 <= got_high <= got_low + 1e-9


# --------------------------------------------------------------------------- GST/HST credit, CWB


def gst_2025_26(afni: float, couple: bool, children: int) -> float:
    from netpay.rules.benefits import gst_credit

    return gst_credit.gst_credit_annual(
        afni, couple, float(children), gst_credit.params(load_benefit("2025-26", "gst_credit"))
    )


def test_gst_credit_single_and_couple():
    # single, AFNI $30,000: 349 + min(184, 2% x (30,000 - 11,337) = 373.26) = 533, below $45,521 -> 533
    assert gst_2025_26(30_000, False, 0) == pytest.approx(533)
    # single, AFNI $50,000: 533 - 5% x (50,000 - 45,521 = 4,479) = 533 - 223.95 = 309.05
    assert gst_2025_26(50_000, False, 0) == pytest.approx(309.05)
    # couple, AFNI $50,000: 349 + 349 - 223.95 = 474.05
    assert gst_2025_26(50_000, True, 0) == pytest.approx(474.05)
    # CRA's verified zero points for 2024: single $56,181, couple $59,481, couple + 1 child $63,161,
    # and a single parent with one child also $63,161 (the first child counts as a spouse, + supplement)
    for afni, couple, kids in ((56_181, False, 0), (59_481, True, 0), (63_161, True, 1), (63_161, False, 1)):
        assert gst_2025_26(afni, couple, kids) == pytest.approx(0, abs=1e-6)
        assert gst_2025_26(afni - 100, couple, kids) == pytest.approx(5)  # 5% x 100


def test_gst_credit_calendar_2026_with_the_25_percent_increase_and_the_top_up():
    # couple, two children (born 2020 and 2022, under 19), AFNI $40,000 in 2024 and 2025.
    # Jan, Apr 2026 (2025-26): 349 + 349 + 2 x 184 = 1,066 / 4 = 266.50 each
    # one-time top-up (June): 50% x 1,066 = 533 -- the government's example for a couple with two
    #   children at $40,000 ('$533')
    # Jul, Oct 2026 (2026-27): 1.25 x (356 + 356 + 2 x 187 = 1,086) = 1,357.50 / 4 = 339.375 -> 339.38
    #   (1,357.50 + 533 = 1,890.50: Finance's 'a family of four will receive up to $1,890')
    # year: 2 x 266.50 + 533 + 2 x 339.38 = 533 + 533 + 678.76 = 1,744.76
    got = by_key(
        household_benefits(
            "ON",
            2026,
            family_net_income={2024: 40_000, 2025: 40_000},
            children=[D(2020, 6, 1), D(2022, 6, 1)],
            couple=True,
            working_income=40_000,
        )
    )["gst_credit"]
    assert got.monthly[0] == got.monthly[3] == 266.50
    assert got.monthly[5] == 533.00
    assert got.monthly[6] == got.monthly[9] == 339.38
    assert got.amount == pytest.approx(1_744.76)
    assert "Groceries" in got.label


def cwb_2026(couple: bool, children: list[dt.date], earned: float, spouse: float, afni: float) -> benefits.Benefit:
    result = household_benefits(
        "ON",
        2026,
        family_net_income={2026: afni},
        children=children,
        couple=couple,
        working_income=earned,
        spouse_working_income=spouse,
    )
    return by_key(result)["cwb"]


def test_cwb_for_a_low_earner():
    # 2026 single, working income = net income = $20,000: 27% x (20,000 - 3,000) = 4,590 -> capped at
    # the maximum 1,666; net income below 27,392 -> 1,666.00
    assert cwb_2026(False, [], 20_000, 0, 20_000).amount == 1_666.00
    # $30,000: 1,666 - 15% x (30,000 - 27,392 = 2,608) = 1,666 - 391.20 = 1,274.80
    assert cwb_2026(False, [], 30_000, 0, 30_000).amount == pytest.approx(1_274.80)
    # $5,000: 27% x 2,000 = 540.00 (phase-in)
    assert cwb_2026(False, [], 5_000, 0, 5_000).amount == pytest.approx(540.00)
    # couple earning 25,000 + 10,000, AFNI 35,000: phase-in 27% x 32,000 = 8,640 -> 2,869 (family max);
    # the spouse's 10,000 (< 14,000) is left out: 35,000 - 10,000 = 25,000 < 31,252 -> 2,869.00
    assert cwb_2026(True, [], 25_000, 10_000, 35_000).amount == 2_869.00
    # a professional salary: none
    assert cwb_2026(True, [], 140_000, 0, 140_000).amount == 0


def test_no_cwb_in_the_arrival_year():
    result = household_benefits(
        "ON",
        2026,
        family_net_income={2026: 20_000},
        children=[],
        couple=False,
        working_income=20_000,
        resident_from=D(2026, 4, 1),
    )
    got = by_key(result)["cwb"]
    assert got.amount == 0 and any("throughout" in n for n in got.notes)


@given(incomes, incomes, st.booleans(), counts)
def test_gst_credit_never_rises_with_income(a, b, couple, kids):
    # past the single supplement's phase-in (by design it rises with income up to 11,337 + 184 / 2%
    # = 20,537 for a single person without children), more income never raises the credit
    low, high = sorted((a + 20_537, b + 20_537))
    assert 0 <= gst_2025_26(high, couple, kids) <= gst_2025_26(low, couple, kids) + 1e-9


@given(incomes, incomes, counts)
def test_calendar_year_is_half_of_each_benefit_year_when_months_are_constant(a, b, kids):
    # children born in 2000s so that none changes age band in 2026 (ages 8..12 all year)
    born = [D(2014, 1, 1)] * kids
    result = by_key(
        household_benefits(
            "ON", 2026, family_net_income={2024: a, 2025: b}, children=born, couple=True, working_income=0
        )
    )
    first = ccb.ccb_annual(a, 0.0, float(kids), ccb.params(load_benefit("2025-26", "ccb")))
    second = ccb.ccb_annual(b, 0.0, float(kids), ccb.params(load_benefit("2026-27", "ccb")))
    assert result["ccb"].amount == pytest.approx(first / 2 + second / 2, abs=0.06)  # 12 roundings to the cent
