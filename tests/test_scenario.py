"""The scenario layers: the line registry, income components, the engine gateway, evaluations with
years, the façade's refusals and defaults, RRSP limits in every year, and the bonus method.

2026 figures used (data/tax_tables/2026): CPP 5.95% on 3,500-74,600 (first additional 1%: 711.00 at
the maximum), CPP2 4% on 74,600-85,000 (416.00): line 22215 deducts 711 + 416 = 1,127 at the
maxima. 2025: YMPE 71,300, YAMPE 81,200: 1% x 67,800 = 678 + 4% x 9,900 = 396 -> 1,074. 2024: YMPE
68,500, YAMPE 73,200: 1% x 65,000 = 650 + 4% x 4,700 = 188 -> 838.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import warnings
from pathlib import Path

import numpy as np
import pytest
import yaml

import netpay
from netpay import api, components, engine, first_year, lines, plot
from netpay.comparison import unique_labels
from netpay.components import FULL_YEAR, IncomeComponents, Residence
from netpay.errors import NetpayError
from netpay.evaluation import Evaluation
from netpay.timeline import Arrival

SRC = Path(__file__).resolve().parents[1] / "src" / "netpay"
D = dt.date


def quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kw)


# --------------------------------------------------------------------------- lines.py


def test_take_home_columns_and_labels_come_from_the_registry():
    # engine.py still declares its own; the registry must equal them so engine can import it
    assert lines.COLUMNS == engine.COLUMNS
    assert lines.LABELS == engine.LABELS
    assert len(lines.COLUMNS) == 16  # 14, then the territorial payroll tax and the RAMQ premium (issue 10)


def test_every_view_derives_from_the_registry():
    assert first_year.CASH_FLOW_COLUMNS == lines.CASH_FLOW_COLUMNS
    assert lines.SEGMENTS == plot.SEGMENTS
    assert lines.TAKE_HOME_ROWS == tuple(k for k in engine.LABELS if k != "deductions")
    from netpay import demo
    from netpay.cli import take_home as cli_take_home

    assert cli_take_home.TAKE_HOME_ROWS == demo.ROWS == lines.TAKE_HOME_ROWS  # they can import it from lines
    assert set(demo.OFFER_ROWS) <= set(lines.LINES)
    # one label per quantity: CPP on the return has one label in every view (it had three)
    assert lines.LINES["cpp"] == lines.LABELS["cpp"] == "CPP/QPP + CPP2/QPP2"
    # and a quantity is a (key, unit): no duplicates
    keys = [(ln.key, ln.unit) for ln in lines.REGISTRY]
    assert len(keys) == len(set(keys))
    # CPP per pay is another quantity (CPP2 is a column of its own) with a label of its own
    assert lines.label("cpp", "pay") != lines.label("cpp")
    with pytest.raises(KeyError, match="no pay line"):
        lines.label("rent", "pay")


# --------------------------------------------------------------------------- components.py


def test_components_treatment_table_by_hand():
    o = netpay.Offer(
        base_salary=100_000,
        bonus=10_000,
        signing_bonus=5_000,
        relocation_bonus=7_000,
        moving_reimbursement=9_000,
        equity_vesting=20_000,
        taxable_benefits=600,
        non_taxable_benefits=1_200,
        employer_rrsp_match=3_000,
        employee_rrsp=4_000,
        employee_pension=1_000,
        city="Toronto",
    )
    c = IncomeComponents.from_offers([o, o], "ON")
    cash = 100_000 + 10_000 + 5_000 + 7_000  # 122,000: not the moving reimbursement, not the shares
    assert c.cash.tolist() == [cash, cash]
    assert c.employment_income[0] == cash + 20_000 + 600 + 3_000  # box 14
    assert c.pensionable[0] == c.employment_income[0]  # box 26 outside Québec
    assert c.insurable[0] == cash + 3_000  # box 24: cash + withdrawable employer RRSP
    assert c.deductions[0] == 3_000 + 4_000 + 1_000  # lines 20800 + 20700
    assert c.out_of_cash[0] == 4_000 + 1_000
    assert c.quebec_health_premiums[0] == 0 and c.equity_shares[0] == 20_000
    # Québec: the health premiums are RL-1 box J, pensionable (QPP) but not federal income
    q = IncomeComponents.from_offers([o.model_copy(update={"city": "Montréal"})], "QC")
    assert q.quebec_health_premiums[0] == 1_200 and q.pensionable[0] == c.pensionable[0] + 1_200
    assert q.employment_income[0] == c.employment_income[0]
    # RRSP deductions within the limit: 7,000 contributed, 2,500 of room
    r = IncomeComponents.from_offers([o], "ON", rrsp_room=2_500)
    assert r.deductions[0] == 2_500 + 1_000 and r.rrsp_not_deducted[0] == 4_500
    # a later year: no signing or relocation bonus
    later = IncomeComponents.from_offers([o], "ON", one_time=False)
    assert later.cash[0] == cash - 12_000
    # the Offer's own properties read the same table
    assert (o.cash_income, o.employment_income, o.insurable_earnings) == (cash, 145_600, cash + 3_000)


def test_per_period_components_add_up_to_the_year():
    o = netpay.Offer(base_salary=120_000, employer_rrsp_match=6_000, taxable_benefits=1_200, city="Toronto")
    twelfths = {name: np.full(12, float(getattr(o, name)) / 12) for name in components.AMOUNTS if name != "bonus"}
    twelfths["bonus"] = np.zeros(12)
    pays = IncomeComponents.per_period(twelfths, o, "ON")
    year = IncomeComponents.from_offers([o], "ON")
    for name in ("employment_income", "pensionable", "insurable", "cash", "deductions"):
        assert getattr(pays, name).sum() == pytest.approx(getattr(year, name)[0])


def test_every_call_of_the_engine_goes_through_components():
    # engine.compute and Year.load are called in one module only, so the new engine is plugged there
    callers = {
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if p.name != "engine.py"
        and re.search(r"\bcompute\(|Year\.load\(|Ruleset\.load\(", p.read_text(encoding="utf-8"))
    }
    assert callers == {"components.py"}


def test_tax_gateway_matches_take_home():
    income = np.array([0.0, 60_000.0, 140_000.0])
    r = components.tax(IncomeComponents.of_income(income), "ON", 2026)
    th = netpay.take_home(income, "ON", 2026)
    assert r.net_income.tolist() == th["net_income"].tolist()
    assert r.federal_tax.tolist() == th["federal_tax"].tolist()
    with pytest.raises(ValueError, match="residence fraction"):
        components.tax(IncomeComponents.of_income(income), "ON", 2026, Residence(0.0, False))


def test_year_one_is_taxed_once_per_comparison(monkeypatch):
    # Year one used to be taxed twice (for the evaluation and again for the settlement).
    calls: list[float] = []
    real = components.compute

    def counting(incomes, rules, residence, **kw):
        calls.append(residence.fraction)
        return real(incomes, rules, residence, **kw)

    monkeypatch.setattr(components, "compute", counting)
    o = netpay.Offer(base_salary=140_000, signing_bonus=10_000, city="Toronto")
    netpay.compare([o], 2026, arrival="2026-06-01")
    part_year = [p for p in calls if p < 1.0]
    assert part_year == [214 / 365]  # one pass for year one (with its recurring twin in the same array)
    assert len(calls) == 3  # year one, the full year, and the withholding of the pay cheques


# --------------------------------------------------------------------------- Evaluation with years


def test_one_return_type_with_years():
    o = netpay.Offer(base_salary=100_000, signing_bonus=5_000, city="Toronto")
    plain = netpay.evaluate(o, 2026)
    first = netpay.evaluate(o, 2026, arrival="2026-06-01")
    assert type(plain) is type(first) is Evaluation
    assert first_year.FirstYearEvaluation is Evaluation
    assert len(plain.years) == 1 and len(first.years) == 2
    # the version-1 attributes read the first full year
    assert first.net_cash == first.full_year.net_cash == first.years[1].net_cash
    assert first.monthly_disposable == first.full_year.monthly_disposable
    assert first.full_year.signing_bonus == 0 and first.year_one.signing_bonus == 5_000
    assert plain.net_cash == plain.years[0].net_cash and plain.residence_fraction == 1.0
    assert first.residence_fraction == 214 / 365 and first.year_one.months == pytest.approx(12 * 214 / 365)
    with pytest.raises(AttributeError, match="no move"):
        _ = plain.arrival
    with pytest.raises(AttributeError):
        _ = plain.no_such_line


def test_the_year_of_arrival_is_a_year_with_a_residence():
    # Year one through the ordinary path: the first-year offer, evaluated at its residence, gives
    # the same lines as evaluate(..., arrival=)
    from netpay.citydata import Housing
    from netpay.evaluation import year_evaluations
    from netpay.first_year.offer import year_one_offer

    o = netpay.Offer(base_salary=90_000, city="Vancouver")
    move = Arrival.of(2026, "2026-09-01")
    assert move.residence == Residence(122 / 365, False) and move.months == pytest.approx(12 * 122 / 365)
    y = year_evaluations([year_one_offer(o, move)], 2026, Housing(), move.residence, move.rrsp_room)[0]
    assert y == netpay.evaluate(o, 2026, arrival="2026-09-01").year_one
    assert year_evaluations([o], 2026, Housing(), FULL_YEAR)[0].months == 12


# --------------------------------------------------------------------------- the façade


def test_year_none_is_the_latest_year_everywhere():
    latest = netpay.tables.years()[-1]
    o = netpay.Offer(base_salary=80_000, city="Toronto")
    assert netpay.evaluate(o).year == latest
    assert netpay.evaluate(o).net_cash == netpay.evaluate(o, latest).net_cash
    assert netpay.compare([o]).attrs["year"] == latest
    assert netpay.equivalent_salary(80_000, "Toronto", "Montréal") == netpay.equivalent_salary(
        80_000, "Toronto", "Montréal", latest
    )
    assert netpay.evaluate(o, arrival=f"{latest}-07-01").year_one.year == latest
    # with an arrival, the year of arrival (as on the command line)
    assert netpay.compare([o], arrival="2025-07-01").attrs["year"] == 2025


def test_compare_of_nothing_is_an_error():
    with pytest.raises(NetpayError, match="at least one"):
        netpay.compare([], 2026)


@pytest.mark.parametrize(
    ("kw", "named"),
    [
        ({"pay_periods": 26}, "pay_periods"),
        ({"first_year_bonus": "full"}, "first_year_bonus"),
        ({"view": "year_one"}, "view"),
    ],
)
def test_first_year_options_without_arrival_are_refused(kw, named):
    o = netpay.Offer(base_salary=80_000, city="Toronto")
    with pytest.raises(NetpayError, match=f"{named}.*arrival"):
        netpay.compare([o], 2026, **kw)
    if named != "view":
        with pytest.raises(NetpayError, match=f"{named}.*arrival"):
            netpay.evaluate(o, 2026, **kw)
    with pytest.raises(NetpayError, match="give arrival"):
        netpay.compare([o], 2026, start="2026-06-01")


def test_column_names_are_canonical_city_names():
    offers = [netpay.Offer(base_salary=90_000, city=c) for c in ("montreal", "GTA", "VANCOUVER")]
    frame = netpay.compare(offers, 2026)
    assert list(frame.columns) == ["Montréal", "Toronto", "Vancouver"]
    labelled = netpay.Offer(base_salary=90_000, city="montreal", label="my montreal job")
    assert list(netpay.compare([labelled], 2026).columns) == ["my montreal job"]
    first = netpay.compare(offers[:1], 2026, arrival="2026-06-01")
    assert list(first.columns) == [("Montréal", "year one"), ("Montréal", "full year")]
    assert list(first.attrs["first_year"]) == ["Montréal"]


def test_unique_labels_is_linear_and_keeps_its_rule():
    class L:
        def __init__(self, label):
            self.label = label

    tricky = [L(x) for x in ("A", "A (2)", "A", "A", "B", "A (3)")]
    # the rule: each label, then ' (2)', ' (3)', ... skipping names already taken
    assert unique_labels(tricky) == ["A", "A (2)", "A (3)", "A (4)", "B", "A (3) (2)"]
    many = [L("Toronto") for _ in range(20_000)]
    t0 = time.perf_counter()
    names = unique_labels(many)
    # quadratic-or-worse code needs minutes here (compare of 10,000 offers took 105 s); linear, milliseconds
    assert time.perf_counter() - t0 < 5.0
    assert names[-1] == "Toronto (20000)" and len(set(names)) == 20_000


# --------------------------------------------------------------------------- RRSP limits, every year

ROOT = Path(__file__).resolve().parents[1] / "data"


def test_rrsp_dollar_limits_are_cited_data():
    raw = yaml.safe_load((ROOT / "rrsp_limits.yaml").read_text(encoding="utf-8"))
    # 2027: one secondary source (research/issue12_equity_data.md 3.4), marked verified: false
    assert raw["limits"] == {2024: 31_560, 2025: 32_490, 2026: 33_810, 2027: 35_390}
    for year in raw["limits"]:
        for s in raw["sources"][str(year)]:
            assert s["href"].startswith("https://") and {"title", "retrieved", "verified"} <= set(s)
    assert set(netpay.tables.years()) <= set(raw["limits"])  # every year netpay has tables for


@pytest.mark.parametrize(
    ("year", "limit", "line_22215"), [(2024, 31_560, 838), (2025, 32_490, 1_074), (2026, 33_810, 1_127)]
)
def test_rrsp_deduction_limited_to_the_dollar_limit_in_a_full_year(year, limit, line_22215):
    # 200,000 salary + 20,000 employer match = 220,000 of employment income; 20,000 + 20,000 = 40,000
    # of RRSP contributions, of which only the year's dollar limit is deductible without rrsp_room
    o = netpay.Offer(base_salary=200_000, employer_rrsp_match=20_000, employee_rrsp=20_000, city="Toronto")
    with pytest.warns(UserWarning, match="RRSP dollar limit.*rrsp_room"):
        capped = netpay.evaluate(o, year)
    assert capped.taxable_income == pytest.approx(220_000 - line_22215 - limit)
    assert capped.rrsp_room == limit and capped.rrsp_not_deducted == 40_000 - limit
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a room given: nothing to warn about
        ample = netpay.evaluate(o, year, rrsp_room=50_000)
        some = netpay.evaluate(o, year, rrsp_room=10_000)
    assert ample.taxable_income == pytest.approx(220_000 - line_22215 - 40_000)
    assert some.taxable_income == pytest.approx(220_000 - line_22215 - 10_000)
    assert some.rrsp_not_deducted == 30_000
    # the same through compare
    table = quiet(netpay.compare, [o], year, period="annual")
    assert table.loc["taxable_income", "Toronto"] == pytest.approx(capped.taxable_income)


def test_rrsp_room_is_validated():
    o = netpay.Offer(base_salary=100_000, employee_rrsp=5_000, city="Toronto")
    for bad in (-1, float("nan"), "lots", True):
        with pytest.raises(NetpayError, match="rrsp_room"):
            netpay.evaluate(o, 2026, rrsp_room=bad)


# --------------------------------------------------------------------------- the bonus method

#: The offer of the user who saw the settlement swing (ux_newcomer.md B3).
SWING_OFFER = dict(base_salary=125_000, signing_bonus=10_000, relocation_bonus=15_000, city="Montréal")

#: The most any dollar of pay can cost in Québec in 2026: federal top rate 33% less the 16.5% abatement
#: (27.555%) + Québec top rate 25.75% + QPP 6.3% + QPP2 4% + EI 1.30% + QPIP 0.43% = 65.335%.
TOP = 0.33 * 0.835 + 0.2575 + 0.063 + 0.04 + 0.013 + 0.0043


@pytest.mark.parametrize(("periods", "start"), [(26, D(2026, 7, 15)), (12, D(2026, 7, 15)), (26, D(2026, 8, 12))])
def test_moving_the_start_by_one_day_moves_the_settlement_by_little(periods, start):
    # Starting one day later removes one day of salary from year one and nothing else: the lump sums
    # are withheld on a full period's regular pay whatever the first pay is. The settlement (withheld -
    # due) moves by the change in withholding minus the change in tax due, each at most that day's pay
    # times the most a dollar of pay can cost (TOP), and both of the same sign: at most pay x TOP.
    # Biweekly: 125,000 / 26 / 14 days = 343.41 a day; monthly, July: 125,000 / 12 / 31 = 336.02.
    o = netpay.Offer(**SWING_OFFER)
    day_pay = 125_000 / periods / (14 if periods == 26 else 31)
    totals = [
        first_year.monthly_cash_flow(o, 2026, s, arrival=D(2026, 7, 1), pay_periods=periods).attrs["settlement"][
            "total"
        ]
        for s in (start, start + dt.timedelta(days=1))
    ]
    assert abs(totals[1] - totals[0]) < day_pay * TOP  # < 224.37 biweekly; it was 8,385.93 (B3)
    assert abs(totals[1] - totals[0]) < 200


def test_start_dates_over_two_months_give_a_smooth_settlement():
    # every consecutive pair of start dates in July and August, biweekly: no jump bigger than a day's pay
    o = netpay.Offer(**SWING_OFFER)
    days = [D(2026, 7, 1) + dt.timedelta(days=k) for k in range(62)]
    totals = np.array(
        [
            first_year.monthly_cash_flow(o, 2026, d, arrival=D(2026, 7, 1), pay_periods=26).attrs["settlement"]["total"]
            for d in days
        ]
    )
    assert np.abs(np.diff(totals)).max() < 125_000 / 26 / 14 * TOP


def test_a_lump_sum_on_a_partial_first_pay_is_withheld_as_on_a_full_pay():
    # The one-day first pay of 15 July (biweekly periods from 1 January: 2-15 July) and the full pay
    # of 16-29 July withhold the same tax on the 25,000 of bonuses, T4127's bonus method on the
    # annualized regular pay of a full period (125,000 / 26 = 4,807.69 a pay).
    o = netpay.Offer(**SWING_OFFER)
    plain = netpay.Offer(base_salary=125_000, city="Montréal")

    def tax_on_lumps(start):
        kw = dict(arrival=D(2026, 7, 1), pay_periods=26)
        with_lumps = first_year.monthly_cash_flow(o, 2026, start, **kw)["income_tax"].iloc[0]
        without = first_year.monthly_cash_flow(plain, 2026, start, **kw)["income_tax"].iloc[0]
        return with_lumps - without

    one_day, full = tax_on_lumps(D(2026, 7, 15)), tax_on_lumps(D(2026, 7, 16))
    assert one_day == pytest.approx(full, abs=0.01)
    # by hand, at the marginal rates of a 125,000 job: federal taxable income 125,000 - 1,127 (line
    # 22215, QPP at its maxima) = 123,873 -> 148,873, all at 26% less the 16.5% abatement:
    # 25,000 x 26% x 0.835 = 5,427.50. Québec taxable income 125,000 - 1,450 (deduction for workers)
    # - 1,127 = 122,423 -> 147,423: 9,822 x 24% = 2,357.28 to 132,245, then 15,178 x 25.75% = 3,908.34
    assert full == pytest.approx(5_427.50 + 2_357.28 + 3_908.34, abs=0.05)


def test_arrival_is_validated_once_with_clear_errors():
    with pytest.raises(NetpayError, match="before arrival"):
        Arrival.of(2026, "2026-06-15", "2026-06-01")
    with pytest.raises(NetpayError, match="pay_periods"):
        Arrival.of(2026, "2026-06-15", pay_periods=13)
    with pytest.raises(NetpayError, match="bonus"):
        Arrival.of(2026, "2026-06-15", bonus_rule="sometimes")
    with pytest.raises(NetpayError, match="not in tax year"):
        Arrival.of(2026, "2025-12-31")
    move = Arrival.of(2026, D(2026, 1, 1), "2026-03-01")
    assert move.resident_jan1 and move.residence == FULL_YEAR and move.start == D(2026, 3, 1)


def test_api_module_is_the_facade():
    assert netpay.evaluate is api.evaluate
    assert netpay.compare is api.compare


def test_no_submodule_is_named_like_a_public_function():
    # version 1's netpay.compare was both a module and the function: importing the module rebound
    # the package attribute. No submodule shares a public name now, so every import leaves
    # netpay.compare the function (in a fresh interpreter that imports every submodule first).
    import subprocess
    import sys

    code = (
        "import importlib, pkgutil, warnings; warnings.simplefilter('ignore'); import netpay; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(netpay.__path__, 'netpay.') "
        "if not m.name.endswith('__main__')]; "
        "t = netpay.compare([netpay.Offer(base_salary=90_000, city='Toronto')], 2026); "
        "assert list(t.columns) == ['Toronto'] and callable(netpay.compare)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("kw", "says"),
    [
        ({"spouse": 1}, "household=netpay.Household"),
        ({"children": [2023]}, "household=netpay.Household"),
        ({"bedroom": 2}, "did you mean bedrooms"),
        ({"arival": "2026-06-01"}, "did you mean arrival"),
        ({"horizn": 4}, "did you mean horizon"),
    ],
)
def test_unknown_keywords_say_what_netpay_models_instead(kw, says):
    offer = netpay.Offer(base_salary=100_000, city="Toronto")
    for call in (lambda: netpay.evaluate(offer, 2026, **kw), lambda: netpay.compare([offer], 2026, **kw)):
        with pytest.raises(TypeError, match=says):
            call()
