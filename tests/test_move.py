"""One-time costs of the move (issue 13): IRCC fees, rent deposits, your own figures, the bonus."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import netpay
from netpay.citydata import Move, move_costs
from netpay.errors import InvalidIncomeError

FAMILY = SimpleNamespace(spouse="Ana", children=["a", "b"])


def test_toronto_family_fees_and_deposit_by_hand():
    t = move_costs("Toronto", FAMILY, rent=2_500, relocation_bonus=5_000)
    got = t.set_index("item")["amount"]
    # IRPR s. 299(1) work permit $155; spouse: $155 + $100 open work permit holder fee (s. 303.2);
    # biometrics: family applying together, $170 maximum; Ontario: one month's rent deposit (RTA s. 106)
    assert got["work_permit"] == 155
    assert got["spouse_work_permit"] == 255
    assert got["biometrics"] == 170
    assert got["rent_deposit"] == 2_500
    # 155 + 255 + 170 + 2,500 = 3,080; the bonus covers it with 5,000 - 3,080 = 1,920 to spare
    assert t.attrs["total"] == pytest.approx(3_080)
    assert t.attrs["covered"] == pytest.approx(1_920)
    assert set(t.attrs["missing"]) == {"temporary_stay", "flights"}


def test_deposit_rules_by_province():
    # BC: half a month (RTA s. 19): 0.5 x 2,400 = 1,200; Québec: no deposit (C.c.Q. art. 1904)
    assert move_costs("Vancouver", rent=2_400).set_index("item").loc["rent_deposit", "amount"] == 1_200
    assert move_costs("Montréal", rent=1_500).set_index("item").loc["rent_deposit", "amount"] == 0
    single = move_costs("Montréal", rent=1_500).set_index("item")
    assert single.loc["biometrics", "amount"] == 85 and "spouse_work_permit" not in single.index
    calgary = move_costs("Calgary", rent=1_500).set_index("item")
    assert calgary.loc["rent_deposit", "status"] == "not available" and not calgary.loc["rent_deposit", "counted"]


def test_your_figures_and_the_benchmark():
    move = Move(temporary_nights=14, nightly_rate=150, flights=3_200, meals_benchmark=True)
    t = move_costs("Montréal", 1, rent=1_500, move=move, relocation_bonus=2_000).set_index("item")
    # 14 nights x 150 = 2,100; meals 14 x 1 adult x (111.80 + 17.30) = 14 x 129.10 = 1,807.40
    assert t.loc["temporary_stay", "amount"] == 2_100
    assert t.loc["temporary_meals", "amount"] == pytest.approx(1_807.40)
    assert t.loc["flights", "amount"] == 3_200
    # 155 + 85 + 0 + 2,100 + 1,807.40 + 3,200 = 7,347.40; bonus 2,000 -> short by 5,347.40
    total = move_costs("Montréal", 1, rent=1_500, move=move, relocation_bonus=2_000)
    assert total.attrs["covered"] == pytest.approx(2_000 - 7_347.40)


def test_overrides_win_and_bad_input_is_named():
    t = move_costs("Toronto", rent=2_000, move=Move(overrides={"rent_deposit": 0})).set_index("item")
    assert t.loc["rent_deposit", "amount"] == 0 and t.loc["rent_deposit", "status"] == "user override"
    with pytest.raises(InvalidIncomeError, match="temporary_nights"):
        Move(temporary_nights=-1)
    with pytest.raises(InvalidIncomeError, match="relocation_bonus"):
        move_costs("Toronto", relocation_bonus=-5)
    assert netpay.move_costs is move_costs


def test_year_one_view_says_whether_the_relocation_bonus_covers_the_move():
    offers = [netpay.Offer(base_salary=140_000, relocation_bonus=15_000, city=c) for c in ("Toronto", "Montréal")]
    t = netpay.compare(offers, 2026, arrival="2026-06-01", living=netpay.Living(household=2), rrsp_room=0)
    toronto, montreal = t.attrs["move"]["Toronto"], t.attrs["move"]["Montréal"]
    # Toronto, 2 adults: 155 + 255 + 170 + one month's 1-bedroom asking rent 2,090 = 2,670; 15,000 - 2,670
    assert toronto["total"] == pytest.approx(2_670) and toronto["covered"] == pytest.approx(12_330)
    # Montréal: the same fees, no deposit (C.c.Q. art. 1904): 155 + 255 + 170 = 580
    assert montreal["total"] == pytest.approx(580) and montreal["items"]["rent_deposit"] == 0
