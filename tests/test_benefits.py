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


def test_unverified_benefit_figures_are_listed():
    """Prints what still needs checking (as test_data_lint does for the tax tables)."""
    unverified, unexplained = [], []
    for path in sorted(DATA.glob("*/*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, src in raw["sources"].items():
            for s in src if isinstance(src, list) else [src]:
                if not s["verified"]:
                    unverified.append(f"{path.parent.name}/{path.name}: {name}")
                    if len(s.get("note") or "") < 20:
                        unexplained.append(f"{path.parent.name}/{path.name}: {name}")
    print("\nunverified benefit figures:\n  " + "\n  ".join(unverified))
    assert not unexplained, f"an unverified figure must say why in its note: {unexplained}"


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


def test_ccb_2026_27_maximum_and_cras_worked_examples():
    # July 2026-June 2027: $8,157 per child under 6 (MoneySense, = 7,997 x 1.02), below $38,237
    p = ccb.params(load_benefit("2026-27", "ccb"))
    assert ccb.ccb_annual(38_000.0, 1.0, 0.0, p) == pytest.approx(8_157)
    # CRA's printed examples for 2026-27 (as quoted, see the data file's note):
    # two under 6 at $125,000: 16,314 - (6,022 + 5.7% x 42,153 = 2,402.721) = 7,889.279 -> $7,889.28
    assert ccb.ccb_annual(125_000.0, 2.0, 0.0, p) == pytest.approx(7_889.28, abs=0.005)
    # three 6-17 at $150,000: 20,649 - (8,476 + 8% x 67,153 = 5,372.24) = 6,800.76
    assert ccb.ccb_annual(150_000.0, 0.0, 3.0, p) == pytest.approx(6_800.76, abs=0.005)
    # four 6-17 at $200,000: 27,532 - (10,260 + 9.5% x 117,153 = 11,129.535) = 6,142.465 -> $6,142.47
    assert ccb.ccb_annual(200_000.0, 0.0, 4.0, p) == pytest.approx(6_142.47, abs=0.006)
    # one under 6 at $45,000: 8,157 - 7% x 6,763 = 8,157 - 473.41 = 7,683.59
    assert ccb.ccb_annual(45_000.0, 1.0, 0.0, p) == pytest.approx(7_683.59, abs=0.005)


def test_ccb_calendar_year_is_half_of_each_benefit_year():
    # one child born 2023-05-01 (under 6 all of 2026), AFNI $140,000 in 2024 and 2025.
    # Jan-Jun 2026 (2025-26 year, 2024 AFNI): 3,055.104 / 12 = 254.592 -> 254.59 a month
    # Jul-Dec 2026 (2026-27 year, 2025 AFNI): fixed 7% x (82,847 - 38,237 = 44,610) = 3,122.70 -> 3,123;
    #   8,157 - (3,123 + 3.2% x 57,153 = 1,828.896) = 3,205.104 / 12 = 267.092 -> 267.09 a month
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
    with pytest.raises(TypeError, match="list of birth dates"):
        household_benefits("ON", 2026, **{**base, "children": D(2023, 1, 1)})


def test_numpy_numbers_and_datetimes_are_accepted():
    import numpy as np

    a = household_benefits(
        "ON",
        np.int64(2026),
        family_net_income={np.int64(2024): np.float64(140_000), 2025: np.int64(140_000)},
        children=[dt.datetime(2023, 5, 1, 12, 0)],
        couple=True,
        working_income=np.float32(140_000),
    )
    b = household_benefits(
        "ON",
        2026,
        family_net_income={2024: 140_000, 2025: 140_000},
        children=[D(2023, 5, 1)],
        couple=True,
        working_income=140_000,
    )
    assert [x.amount for x in a] == [x.amount for x in b]


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


def test_gst_credit_matches_cras_payments_charts():
    # CRA chart 2025-26 (2024 base): single, 2 children, $55,000: $592.05
    # (349 + 349 + 184 + 184 = 1,066 - 5% x 9,479 = 1,066 - 473.95 = 592.05)
    assert gst_2025_26(55_000, False, 2) == pytest.approx(592.05)
    # married, 1 child, $60,000: 882 - 5% x 14,479 = 882 - 723.95 = 158.05
    assert gst_2025_26(60_000, True, 1) == pytest.approx(158.05)
    # single, $20,000: 349 + 2% x (20,000 - 11,337) = 349 + 173.26 = 522.26
    assert gst_2025_26(20_000, False, 0) == pytest.approx(522.26)
    # CRA chart 2024-25 (2023 base): single $12,000: 340 + 2% x 961 = 359.22; married 4 children $60,000:
    # 680 + 4 x 179 = 1,396 - 5% x 15,676 = 1,396 - 783.80 = 612.20
    from netpay.rules.benefits import gst_credit

    p = gst_credit.params(load_benefit("2024-25", "gst_credit"))
    assert gst_credit.gst_credit_annual(12_000.0, False, 0.0, p) == pytest.approx(359.22)
    assert gst_credit.gst_credit_annual(60_000.0, True, 4.0, p) == pytest.approx(612.20)


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


# --------------------------------------------------------------------------- provincial child benefits


def provincial(province: str, year: int, afni: float, children: list[dt.date], couple: bool = True) -> benefits.Benefit:
    result = household_benefits(
        province,
        year,
        family_net_income={year - 2: afni, year - 1: afni},
        children=children,
        couple=couple,
        working_income=afni,
    )
    return by_key(result)[f"child_{benefits.base.normalize(province).lower()}"]


def child_rule(period: str, name: str, afni: float, under_6: int, older: int, single: bool = False) -> float:
    from netpay.rules.benefits import child

    p = child.params(load_benefit(period, name))
    return child.child_benefit_annual(afni, float(under_6), float(older), single, p)


def test_ontario_child_benefit():
    # 2025-26: $1,727 a child less 8% of AFNI over $26,364.
    # one child, AFNI $30,000: 1,727 - 8% x 3,636 = 1,727 - 290.88 = 1,436.12
    assert child_rule("2025-26", "child_on", 30_000, 1, 0) == pytest.approx(1_436.12)
    # two children, AFNI $40,000: 3,454 - 8% x 13,636 = 3,454 - 1,090.88 = 2,363.12
    assert child_rule("2025-26", "child_on", 40_000, 0, 2) == pytest.approx(2_363.12)
    # at $140,000: 0
    assert provincial("ON", 2026, 140_000, [D(2023, 5, 1)]).amount == 0


def test_bc_family_benefit():
    # 2025-26, AFNI $50,000, two children: 1,750 + 1,100 = 2,850 - 4% x (50,000 - 29,526 = 20,474) =
    # 2,850 - 818.96 = 2,031.04 (above the minimum 775 + 750 = 1,525)
    assert child_rule("2025-26", "child_bc", 50_000, 1, 1) == pytest.approx(2_031.04)
    # AFNI $90,000: 2,850 - 4% x 60,474 = 431.04 < minimum -> 1,525
    assert child_rule("2025-26", "child_bc", 90_000, 1, 1) == pytest.approx(1_525)
    # AFNI $100,000: minimum 1,525 - 4% x (100,000 - 94,483 = 5,517) = 1,525 - 220.68 = 1,304.32
    assert child_rule("2025-26", "child_bc", 100_000, 1, 1) == pytest.approx(1_304.32)
    # one child at $140,000: 775 - 4% x 45,517 = 775 - 1,820.68 < 0 -> 0
    assert child_rule("2025-26", "child_bc", 140_000, 1, 0) == 0
    # single parent, one child, AFNI $20,000: 1,750 + 500 = 2,250 (below the threshold)
    assert child_rule("2025-26", "child_bc", 20_000, 1, 0, single=True) == pytest.approx(2_250)


def test_quebec_family_allowance_minimum_at_high_income():
    # 2026: at AFNI $140,000 a couple gets the minimum: 3,068 - 4% x (140,000 - 60,586) = -108.56 -> 1,221
    # a child, paid monthly: 1,221 / 12 = 101.75 a month, 12 x 101.75 = 1,221.00
    got = provincial("QC", 2026, 140_000, [D(2023, 5, 1)])
    assert got.monthly == (101.75,) * 12 and got.amount == pytest.approx(1_221.00)
    # single parent, two children at $140,000: 2 x 3,068 + 1,077 = 7,213 - 4% x (140,000 - 44,167 =
    # 95,833) = 7,213 - 3,833.32 = 3,379.68 (above the minimum 2 x 1,221 + 430 = 2,872)
    assert child_rule("2026", "qc_family_allowance", 140_000, 2, 0, single=True) == pytest.approx(3_379.68)
    # at $200,000: 7,213 - 4% x 155,833 = 979.68 < 2,872 -> the minimum 2,872
    assert child_rule("2026", "qc_family_allowance", 200_000, 2, 0, single=True) == pytest.approx(2_872)
    # couple, one child, $100,000 (2025 amounts): 3,006 - 4% x (100,000 - 59,369) = 1,380.76, the $1,381
    # of Retraite Québec's 2025 table (as quoted)
    assert child_rule("2025", "qc_family_allowance", 100_000, 1, 0) == pytest.approx(1_380.76)


def test_alberta_new_brunswick_pei_and_the_territories():
    # ACFB 2025-26 base, two children, AFNI $36,878 (half way from 27,565 to 46,191):
    # (1,499 + 749) x (1 - 0.5) = 1,124
    assert child_rule("2025-26", "child_ab", 36_878, 0, 2) == pytest.approx(1_124)
    # NB: two children at $24,000: 500 - 5% x 4,000 = 300; one child: 250 - 2.5% x 4,000 = 150
    assert child_rule("2025-26", "child_nb", 24_000, 0, 2) == pytest.approx(300)
    assert child_rule("2025-26", "child_nb", 24_000, 1, 0) == pytest.approx(150)
    # PE: $30 a month a child below $45,000, $20 to $80,000, nothing above
    assert child_rule("2025-26", "child_pe", 44_000, 1, 1) == pytest.approx(720)
    assert child_rule("2025-26", "child_pe", 60_000, 1, 1) == pytest.approx(480)
    assert child_rule("2025-26", "child_pe", 80_001, 1, 1) == 0
    # NT: one child under 6 and one 6-17 below $30,000: 815 + 522 = 1,337 (1,467 - 815 = 652 is the
    # second under-6; the second 6-17 is 1,174 - 652 = 522); at $55,000 half: 668.50
    assert child_rule("2025-26", "child_nt", 20_000, 1, 1) == pytest.approx(1_337)
    assert child_rule("2025-26", "child_nt", 55_000, 1, 1) == pytest.approx(668.5)


def test_saskatchewan_has_none():
    sk = provincial("SK", 2026, 20_000, [D(2023, 5, 1)])
    assert sk.amount == 0 and sk.sources and "no provincial child benefit" in sk.notes


def test_a_benefit_without_a_file_is_a_zero_that_says_not_modelled(monkeypatch):
    # No jurisdiction lacks a file today (Nunavut's is modelled): hide one to check the fallback
    from netpay.benefits import provincial as prov

    hidden = {p: tuple(n for n in names if n != "child_nu") for p, names in periods().items()}
    monkeypatch.setattr(prov, "periods", lambda: hidden)
    monkeypatch.setitem(prov.NOT_MODELLED, "NU", "Nunavut Child Benefit")
    nu = provincial("NU", 2026, 20_000, [D(2023, 5, 1)])
    assert nu.amount == 0 and "not modelled" in nu.label and nu.status == "unverified"


def test_yukon_child_benefit_uses_the_last_year_seen_marked_projected():
    # 2023-24 figures: one child at $50,000: 876 - 2.5% x 15,000 = 501; 876 / 12 = 73.00 a month below $35,000
    assert child_rule("2023-24", "child_yt", 50_000, 1, 0) == pytest.approx(501)
    got = provincial("YT", 2026, 30_000, [D(2023, 5, 1)])
    assert got.monthly == (73.0,) * 12 and got.status == "projected"
    assert any("2023-24" in n for n in got.notes)


def test_newfoundland_and_labrador_child_benefit():
    # 2025-26, one child, AFNI $20,000: 1,867.92 x (28,500 - 20,000) / (28,500 - 17,397)
    # = 1,867.92 x 8,500 / 11,103 = 15,877,320 / 11,103 = 1,430.00
    assert child_rule("2025-26", "child_nl", 20_000, 1, 0) == pytest.approx(1_430.00, abs=0.005)
    # two children below $17,397: 1,867.92 + 1,980 = 3,847.92
    assert child_rule("2025-26", "child_nl", 15_000, 0, 2) == pytest.approx(3_847.92)


@pytest.mark.parametrize(
    ("period", "name"),
    [("2025-26", "child_on"), ("2025-26", "child_bc"), ("2025-26", "child_ab"), ("2026", "qc_family_allowance"),
     ("2025-26", "child_nb"), ("2025-26", "child_ns"), ("2025-26", "child_pe"), ("2025-26", "child_nt"),
     ("2025-26", "child_mb"), ("2025-26", "child_nl"), ("2023-24", "child_yt")],
)  # fmt: skip
@given(a=incomes, b=incomes, under_6=counts, older=counts, single=st.booleans())
def test_provincial_benefits_never_rise_with_income(period, name, a, b, under_6, older, single):
    low, high = sorted((a, b))
    got_low = child_rule(period, name, low, under_6, older, single)
    got_high = child_rule(period, name, high, under_6, older, single)
    assert 0 <= got_high <= got_low + 1e-9


# --------------------------------------------------------------------------- provincial credits


def test_ontario_trillium_sales_tax_credit():
    from netpay.rules.benefits import credits

    p = credits.sales_tax_params(load_benefit("2025-26", "on_sales_tax_credit"))
    # couple + one child, AFNI $50,000: 3 x 371 = 1,113 - 4% x (50,000 - 35,632 = 14,368) = 1,113 - 574.72 = 538.28
    assert credits.ontario_sales_tax_credit(50_000.0, True, 1.0, p) == pytest.approx(538.28)
    # single, AFNI $30,000: 371 - 4% x (30,000 - 28,506 = 1,494) = 371 - 59.76 = 311.24
    # (CRA's July 2025 - June 2026 text: 'reduced by 4% of your adjusted net income over $28,506')
    assert credits.ontario_sales_tax_credit(30_000.0, False, 0.0, p) == pytest.approx(311.24)
    # at $140,000 nothing
    assert credits.ontario_sales_tax_credit(140_000.0, True, 2.0, p) == 0


def test_ontario_energy_property_tax_credit_for_renters():
    from netpay.rules.benefits import credits

    p = credits.energy_property_tax_params(load_benefit("2025-26", "on_energy_property_tax_credit"))
    # single renter, $2,000 a month = $24,000 of 2024 rent: occupancy 20% x 24,000 = 4,800;
    # energy min(4,800, 285) = 285; property tax min(4,800, min(10% x 4,800 = 480, 927) + 71) = 551;
    # 285 + 551 = 836 before the reduction
    # AFNI $30,000: 836 - 2% x (30,000 - 28,506 = 1,494) = 836 - 29.88 = 806.12
    assert credits.ontario_energy_property_tax_credit(30_000.0, 24_000.0, False, p) == pytest.approx(806.12)
    # AFNI $60,000: 836 - 2% x (60,000 - 28,506 = 31,494) = 836 - 629.88 = 206.12
    assert credits.ontario_energy_property_tax_credit(60_000.0, 24_000.0, False, p) == pytest.approx(206.12)
    # gone at 28,506 + 836 / 2% = 28,506 + 41,800 = 70,306 and above
    assert credits.ontario_energy_property_tax_credit(70_306.0, 24_000.0, False, p) == pytest.approx(0.0, abs=1e-6)
    assert credits.ontario_energy_property_tax_credit(80_000.0, 24_000.0, False, p) == 0
    # a family (couple or single parent), $2,500 a month = 30,000: occupancy 6,000; 285 + min(6,000, 600 + 71) = 956;
    # AFNI $50,000: 956 - 2% x (50,000 - 35,632 = 14,368) = 956 - 287.36 = 668.64
    assert credits.ontario_energy_property_tax_credit(50_000.0, 30_000.0, True, p) == pytest.approx(668.64)
    # the maximum: occupancy 20,000 -> 285 + min(2,000, 927) + 71 = 1,283 (the published 2025 non-senior maximum)
    assert credits.ontario_energy_property_tax_credit(20_000.0, 100_000.0, False, p) == pytest.approx(1_283.0)
    # small rent $1,000: occupancy 200; energy 200; property tax min(200, 20 + 71) = 91; 291
    assert credits.ontario_energy_property_tax_credit(20_000.0, 1_000.0, False, p) == pytest.approx(291.0)
    # no rent, nothing
    assert credits.ontario_energy_property_tax_credit(20_000.0, 0.0, False, p) == 0
    # 2026-27: 24,000 of 2025 rent at $30,000: 290 + min(4,800, 480 + 72 = 552) = 842 - 2% x (30,000 - 29,048 = 952)
    # = 842 - 19.04 = 822.96 (29,048 = 28,506 x 1.019 = 29,047.6, derived)
    q = credits.energy_property_tax_params(load_benefit("2026-27", "on_energy_property_tax_credit"))
    assert credits.ontario_energy_property_tax_credit(30_000.0, 24_000.0, False, q) == pytest.approx(822.96)


@pytest.mark.parametrize("period", ["2025-26", "2026-27"])
@given(a=incomes, b=incomes, rent=st.floats(0, 200_000), family=st.booleans())
def test_ontario_energy_property_tax_credit_falls_with_income_and_stays_under_its_maximum(period, a, b, rent, family):
    from netpay.rules.benefits import credits

    t = load_benefit(period, "on_energy_property_tax_credit")
    p = credits.energy_property_tax_params(t)
    low, high = sorted((a, b))
    got_low = credits.ontario_energy_property_tax_credit(low, rent, family, p)
    got_high = credits.ontario_energy_property_tax_credit(high, rent, family, p)
    maximum = t.energy_maximum + t.property_tax_cap + t.property_tax_supplement
    assert 0 <= got_high <= got_low + 1e-9 <= maximum + 1e-9
    # never more than the occupancy cost counted twice (each component is at most the occupancy cost)
    assert got_low <= 2 * t.rent_share * rent + 1e-9


def ontario_trillium(rent: float, resident_from: dt.date | None = None) -> benefits.Benefit:
    result = household_benefits(
        "ON",
        2026,
        family_net_income={2024: 30_000, 2025: 30_000},
        children=[],
        couple=False,
        working_income=30_000,
        rent_paid=rent,
        resident_from=resident_from,
    )
    return by_key(result)["on_trillium"]


def test_ontario_trillium_pays_the_energy_and_property_tax_credit_monthly():
    # 2026, single at $30,000, $24,000 rent: January-June from 2025-26 (806.12 / 12 = 67.177 a month), July-December
    # from 2026-27 (822.96 / 12 = 68.58): 6 x 67.177 + 6 x 68.58 = 403.06 + 411.48 = 814.54 (+- the cents roundings)
    with_rent, without = ontario_trillium(24_000), ontario_trillium(0)
    assert with_rent.amount - without.amount == pytest.approx(814.54, abs=0.05)
    assert with_rent.monthly[0] - without.monthly[0] == pytest.approx(67.177, abs=0.006)
    assert any("energy and property tax credit" in n for n in with_rent.notes)
    assert any("no Ontario energy and property tax credit" in n for n in without.notes)
    # arrived 1 March 2026: no rent paid in Ontario in 2024 or 2025, so no OEPTC in 2026 (the sales tax credit only)
    arrived = D(2026, 3, 1)
    assert ontario_trillium(24_000, arrived).amount == ontario_trillium(0, arrived).amount


def bc_renter(year: int, income: float, rent: float, resident_from: dt.date | None = None) -> benefits.Benefit:
    result = household_benefits(
        "BC",
        year,
        family_net_income={year: income},
        children=[],
        couple=False,
        working_income=income,
        rent_paid=rent,
        resident_from=resident_from,
    )
    return by_key(result)["bc_renters_credit"]


def test_bc_renters_tax_credit():
    # 2025, adjusted income $70,000, renting: 400 - 2% x (70,000 - 64,764 = 5,236) = 400 - 104.72 = 295.28
    assert bc_renter(2025, 70_000, 24_000).amount == pytest.approx(295.28)
    # 2025, $60,000: the full $400; $85,000: 400 - 2% x 20,236 < 0 -> 0
    assert bc_renter(2025, 60_000, 24_000).amount == 400
    assert bc_renter(2025, 85_000, 24_000).amount == 0
    # no rent: none; arrived 1 August 2025 (5 months of renting): none
    assert bc_renter(2025, 60_000, 0).amount == 0
    assert bc_renter(2025, 60_000, 24_000, resident_from=D(2025, 8, 1)).amount == 0
    # arrived 1 July 2025: July-December = 6 months -> the credit
    assert bc_renter(2025, 60_000, 24_000, resident_from=D(2025, 7, 1)).amount == 400


def solidarity(period: str, income: float, couple: bool, children: float, housing: bool = True) -> float:
    from netpay.rules.benefits import credits

    p = credits.solidarity_params(load_benefit(period, "qc_solidarity"))
    return credits.quebec_solidarity_credit(income, couple, not couple, children, housing, p)


def test_quebec_solidarity_credit_annual_amounts():
    # July 2025-June 2026, a single person living alone in Montréal, 2024 family income $30,000:
    # QST 356 + living alone 169 = 525; housing (no spouse) 731; 525 + 731 = 1,256;
    # 30,000 < threshold 42,325: no reduction -> 1,256
    assert solidarity("2025-26", 30_000, False, 0) == pytest.approx(1_256)
    # a couple with one child, $60,000: QST 356 + 356 = 712; housing 888 + 155 = 1,043; 1,755
    # - 6% x (60,000 - 42,325 = 17,675) = 1,755 - 1,060.50 = 694.50
    assert solidarity("2025-26", 60_000, True, 1) == pytest.approx(694.50)
    # July 2024-June 2025, the same couple: 346 + 346 + 863 + 151 = 1,706 - 6% x (60,000 - 41,150 = 18,850)
    # = 1,706 - 1,131 = 575
    assert solidarity("2024-25", 60_000, True, 1) == pytest.approx(575)
    # high income: a couple at $140,000 with two children: 1,755 + 155 - 6% x 97,675 < 0 -> 0
    assert solidarity("2025-26", 140_000, True, 2) == 0
    # only the QST component (no eligible dwelling): 3%: 525 - 3% x (50,000 - 42,325 = 7,675) = 525 - 230.25
    assert solidarity("2025-26", 50_000, False, 0, housing=False) == pytest.approx(294.75)


def test_quebec_solidarity_credit_ends_at_revenu_quebecs_maximum_family_income():
    # Revenu Québec (verified), July 2024-June 2025: none from $61,500 without a spouse, $67,067 with
    # one, + $2,517 per child. 1,221 - 6% x (61,500 - 41,150 = 20,350) = 1,221 - 1,221 = 0
    assert solidarity("2024-25", 61_500, False, 0) == pytest.approx(0, abs=1e-9)
    assert solidarity("2024-25", 61_400, False, 0) == pytest.approx(6)  # 6% x 100
    # 1,555 - 6% x (67,066 - 41,150 = 25,916) = 1,555 - 1,554.96 = 0.04; at 67,067: -0.02 -> 0
    assert solidarity("2024-25", 67_066, True, 0) == pytest.approx(0.04)
    assert solidarity("2024-25", 67_067, True, 0) == 0
    # one child: 67,067 + 2,517 = 69,584: 1,706 - 6% x 28,434 = 1,706 - 1,706.04 -> 0; 69,583: 0.02
    assert solidarity("2024-25", 69_584, True, 1) == 0
    assert solidarity("2024-25", 69_583, True, 1) == pytest.approx(0.02)


def test_quebec_solidarity_credit_single_parent_ends_where_revenu_quebec_says():
    # Revenu Québec (verified), 2024-25: a single-parent family's maximum is 61,500 + 2,517 per child,
    # so a single parent gets the amounts of a person without a spouse living alone (only with people
    # under 18): 346 + 164 + 711 + 151 = 1,372; at 64,016: 1,372 - 6% x 22,866 = 1,372 - 1,371.96 = 0.04
    from netpay.rules.benefits import credits

    p = credits.solidarity_params(load_benefit("2024-25", "qc_solidarity"))
    assert credits.quebec_solidarity_credit(64_016.0, False, True, 1.0, True, p) == pytest.approx(0.04)
    assert credits.quebec_solidarity_credit(64_017.0, False, True, 1.0, True, p) == 0


def qc_solidarity(year: int, income: float, couple: bool, kids: list[dt.date], **kw) -> benefits.Benefit:
    result = household_benefits(
        "QC",
        year,
        family_net_income={y: income for y in range(2022, 2028)},
        children=kids,
        couple=couple,
        working_income=income,
        **kw,
    )
    return by_key(result)["qc_solidarity"]


def test_quebec_solidarity_credit_paid_monthly_in_the_calendar_year():
    # 2025, single in Montréal at $30,000: January-June from 2024-25 (QST 346 + 164, housing 711 = 1,221;
    # 1,221 / 12 = 101.75 a month), July-December from 2025-26 (1,256 / 12 = 104.666... -> 104.67)
    b = qc_solidarity(2025, 30_000, False, [])
    assert b.monthly[:6] == (101.75,) * 6 and b.monthly[6:] == (104.67,) * 6
    # 6 x 101.75 + 6 x 104.67 = 610.50 + 628.02 = 1,238.52
    assert b.amount == pytest.approx(1_238.52)
    assert any("northern-village" in n for n in b.notes)
    # a couple with a child born in 2023, $60,000: 575 / 12 = 47.9166 -> 47.92; 694.50 / 12 = 57.875 -> 57.88
    b = qc_solidarity(2025, 60_000, True, [D(2023, 5, 1)])
    assert b.monthly[0] == 47.92 and b.monthly[11] == 57.88
    assert qc_solidarity(2025, 140_000, True, [D(2023, 5, 1)]).amount == 0


def test_quebec_solidarity_credit_for_newcomers():
    # the credit follows the situation on 31 December before the payment period (July to June).
    # A permanent resident arriving 15 March 2026 (eligible from 1 April 2026): not resident on
    # 31 December 2025, so nothing from January 2026 to June 2027; the July 2027 period (31 December
    # 2026) pays: 2027 = six months of 1,256 / 12 = 104.67 (2025-26 figures, used as they are)
    pr = qc_solidarity(2027, 30_000, False, [], eligible_from=D(2026, 4, 1))
    assert pr.monthly[:6] == (0.0,) * 6 and pr.monthly[6:] == (104.67,) * 6
    assert qc_solidarity(2026, 30_000, False, [], eligible_from=D(2026, 4, 1)).amount == 0
    # a work-permit holder arriving 15 March 2026: 18 months in Canada only from October 2027
    # (eligible_from("work_permit", 15 March 2026) = 1 October 2027): nothing in 2027 at all
    wp = eligible_from("work_permit", D(2026, 3, 15))
    assert qc_solidarity(2027, 30_000, False, [], eligible_from=wp).amount == 0
    # ... and from July 2028 (the period on 31 December 2027)
    assert qc_solidarity(2028, 30_000, False, [], eligible_from=wp).monthly[6] == 104.67


def test_every_benefit_is_never_negative_and_cites_or_says_it_is_not_modelled():
    for province in ("ON", "BC", "AB", "QC", "SK", "MB", "NB", "NS", "PE", "NL", "YT", "NT", "NU"):
        result = household_benefits(
            province,
            2026,
            family_net_income={2024: 45_000, 2025: 45_000, 2026: 45_000},
            children=[D(2022, 1, 1), D(2012, 1, 1)],
            couple=False,
            working_income=45_000,
            rent_paid=18_000,
        )
        for b in result:
            assert b.amount >= 0, (province, b.key)
            assert b.sources or any("not modelled" in n for n in b.notes), (province, b.key)
            assert b.amount == pytest.approx(sum(b.monthly)) or not b.monthly


@given(
    province=st.sampled_from(["ON", "BC", "AB", "QC", "SK", "MB", "NB", "NS", "PE", "NL", "YT", "NT", "NU"]),
    a=incomes,
    b=incomes,
    kids=st.lists(st.dates(min_value=D(2009, 1, 1), max_value=D(2026, 6, 1)), max_size=4),
)
def test_more_family_income_never_raises_a_households_benefits(province, a, b, kids):
    # a couple (no single supplement phasing in), the same working income: each benefit of the
    # household falls or stays as the family net income of every year rises
    low, high = sorted((a, b))

    def paid(afni: float) -> dict[str, float]:
        result = household_benefits(
            province,
            2026,
            family_net_income={2024: afni, 2025: afni, 2026: afni},
            children=kids,
            couple=True,
            working_income=30_000,
            rent_paid=12_000,
        )
        return {x.key: x.amount for x in result}

    at_low, at_high = paid(low), paid(high)
    for key, amount in at_high.items():
        assert 0 <= amount <= at_low[key] + 0.01 * 12, (key, low, high)  # 12 monthly roundings


def test_bc_family_benefit_2024_25_bonus_year():
    # 2024-25 (bonus year), two children at AFNI $50,000: 2,188 + 1,375 = 3,563 - 4% x (50,000 - 35,902 =
    # 14,098) = 3,563 - 563.92 = 2,999.08 (above the minimum 969 + 937 = 1,906)
    assert child_rule("2024-25", "child_bc", 50_000, 1, 1) == pytest.approx(2_999.08)
    # one child at $120,000: the minimum 969 - 4% x (120,000 - 114,887 = 5,113) = 969 - 204.52 = 764.48
    assert child_rule("2024-25", "child_bc", 120_000, 1, 0) == pytest.approx(764.48)


def test_a_child_turning_6_on_the_first_counts_as_under_6_that_month():
    # ITA s. 122.61(1): the under-6 amount is for a child who has not attained 6 "before the month".
    # A child born 1 July 2020 turns 6 on 1 July 2026: under 6 for July 2026, 6 to 17 from August.
    # One born 15 July 2020 turns 6 within July: the same months. One born 1 August 2020: under 6 in
    # August too. The 18 limit is on the month's first day: born 1 July 2008 -> not counted in July 2026.
    import datetime as dt

    from netpay.benefits.base import Family

    def family(*born: dt.date) -> Family:
        return Family("ON", 2026, {}, born, True, 0.0, 0.0, 0.0, None, None)

    july, august = dt.date(2026, 7, 1), dt.date(2026, 8, 1)
    assert family(dt.date(2020, 7, 1)).children_on(july) == (1, 0)
    assert family(dt.date(2020, 7, 1)).children_on(august) == (0, 1)
    assert family(dt.date(2020, 7, 15)).children_on(july) == (1, 0)
    assert family(dt.date(2020, 7, 15)).children_on(august) == (0, 1)
    assert family(dt.date(2020, 8, 1)).children_on(august) == (1, 0)
    assert family(dt.date(2008, 7, 1)).children_on(july) == (0, 0)
    assert family(dt.date(2008, 7, 2)).children_on(july) == (0, 1)
