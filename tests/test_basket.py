"""The Market Basket Measure basket, CPI adjustment, utilities and the living-cost items (issue 13)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netpay
from netpay import citydata
from netpay.citydata import Living, cpi, cpi_factor, family_scale, living_items, published_threshold
from netpay.citydata.basket import BASKET_COLUMNS, basket_multiplier, region_basket, thresholds
from netpay.citydata.mbm import component_name, load_mbm_thresholds
from netpay.citydata.people import people
from netpay.citydata.registry import load_registry, resolved_as
from netpay.errors import DataFileError, InvalidIncomeError, NoDataError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MBM_FIXTURE = FIXTURES / "statcan_11100066.csv"

# --------------------------------------------------------------------------- family size: √n / 2

# Statistics Canada, Census of Population 2016 Dictionary, Table 4.5 "MBM thresholds for economic
# families and persons not in economic families, 2015" (2008 base),
# https://www12.statcan.gc.ca/census-recensement/2016/ref/dict/tab/t4_5-eng.cfm
# region: 4-person (reference family) threshold, then the published 1, 2, 3 and 5-person thresholds
PUBLISHED_2015 = {
    "Newfoundland and Labrador, rural areas": (39_751, {1: 19_876, 2: 28_108, 3: 34_425, 5: 44_443}),
    "St. John's (CMA)": (38_028, {1: 19_014, 2: 26_890, 3: 32_933, 5: 42_517}),
    "Halifax (CMA)": (37_778, {1: 18_889, 2: 26_713, 3: 32_717, 5: 42_237}),
    # 35,493 / 2 = 17,746.5 -> published 17,747: Statistics Canada rounds half up
    "Moncton (CMA)": (35_493, {1: 17_747, 2: 25_097, 3: 30_738, 5: 39_682}),
}


@pytest.mark.parametrize("region", sorted(PUBLISHED_2015))
def test_square_root_scale_reproduces_statcan_family_size_table(region):
    reference, published = PUBLISHED_2015[region]
    assert published_threshold(reference, 4) == reference
    for size, figure in published.items():
        assert published_threshold(reference, size) == figure


def test_family_scale_by_hand():
    # √1/2 = 0.5; √2/2 = 0.70711; √4/2 = 1; √9/2 = 1.5
    assert family_scale(1) == 0.5
    assert family_scale(2) == pytest.approx(0.707107, abs=1e-6)
    assert family_scale(4) == 1.0
    assert family_scale(9) == 1.5
    for bad in (0, -1, 1.5, "two", True):
        with pytest.raises(NoDataError, match="whole number of people"):
            family_scale(bad)


def test_one_city_figure_against_the_published_table_value():
    # data/costs/basket.csv: St. John's 2015 reference family 38,028 (2008 base), Census 2016
    # dictionary Table 4.5; the same table publishes 19,014 for one person (= 38,028 x √1/2).
    rows = thresholds()
    row = rows[(rows["geo"] == "St. John's, Newfoundland and Labrador") & (rows["period"] == "2015")].iloc[0]
    assert (row["amount"], row["base"], bool(row["verified"])) == (38_028, "2008 base", True)
    assert published_threshold(row["amount"], 1) == 19_014


# --------------------------------------------------------------------------- CPI


def test_cpi_factor_by_hand():
    # Canada all-items annual averages in data/costs/cpi.csv: 2024 160.9, 2025 164.2
    got = cpi_factor(2024, 2025)
    assert got.factor == pytest.approx(164.2 / 160.9)  # = 1.02051
    assert got.status == "unverified"  # both annual values are secondary / derived
    assert cpi_factor(2025, 2025).factor == 1.0


def test_cpi_of_a_partial_and_a_later_year_is_projected():
    # 2026: mean of Jan-Apr 2026 = (165.0 + 165.9 + 167.4 + 168.0) / 4 = 666.3 / 4 = 166.575
    got = cpi(2026)
    assert got.value == pytest.approx(166.575)
    assert got.status == "projected"
    # 2027: 2026 x the latest 12-month change, Apr 2026 / Apr 2025 = 168.0 / 163.4 = 1.028152
    assert cpi(2027).value == pytest.approx(166.575 * 168.0 / 163.4)
    assert cpi(2027).status == "projected"
    assert cpi_factor(2025, 2026).factor == pytest.approx(166.575 / 164.2)  # = 1.014464


def test_cpi_before_the_data_is_refused():
    with pytest.raises(NoDataError, match="no CPI for 2019"):
        cpi(2019)


# --------------------------------------------------------------------------- regions and aliases


def test_every_city_maps_to_an_mbm_region():
    provinces = {"ON": "Ontario", "QC": "Quebec", "BC": "British Columbia"}
    for c in load_registry().cities:
        assert c.mbm_region, c.name
        if c.mbm_size_class:
            # a size class is the province's own region: 'Ontario, population 500,000 and over'
            assert c.mbm_region.startswith(provinces[c.province] + ", population"), c.name
        else:
            assert "population" not in c.mbm_region, c.name
    assert citydata.city("Sherbrooke").mbm_region == "Quebec, population 100,000 to 499,999"


@pytest.mark.parametrize(
    ("alias", "cma"),
    [
        ("Mississauga", "Toronto"),
        ("Brampton", "Toronto"),
        ("Markham", "Toronto"),
        ("Burnaby", "Vancouver"),
        ("Richmond", "Vancouver"),
        ("Surrey", "Vancouver"),
        ("Laval", "Montréal"),
        ("Longueuil", "Montréal"),
        ("Waterloo", "Kitchener - Cambridge - Waterloo"),
    ],
)
def test_suburbs_use_their_cma_and_say_so(alias, cma):
    assert citydata.city(alias).cma == cma
    assert f"in the {cma} CMA" in (resolved_as(alias) or "")
    assert netpay.living_costs(alias, rent=1_000).attrs["read_as"] == resolved_as(alias)
    assert resolved_as("Toronto") is None


# --------------------------------------------------------------------------- the official CSV loader


def test_loader_reads_the_official_layout():
    got = load_mbm_thresholds(MBM_FIXTURE)
    assert list(got.columns) == list(BASKET_COLUMNS)
    toronto = got[(got["geo"] == "Toronto, Ontario") & (got["base"] == "2023 base")].set_index("item")["amount"]
    # fixture (synthetic values): 2023 base, 2025 food 12,600, clothing 3,000, ..., total 54,600
    assert toronto.to_dict() == {
        "food": 12_600,
        "clothing": 3_000,
        "transportation": 4_200,
        "shelter": 24_600,
        "other": 10_200,
        "total": 54_600,
    }
    # constant dollars (9,999), the '..' cell and 'Ontario, rural' (no netpay city) are left out
    assert 9_999 not in set(got["amount"])
    assert set(got["geo"]) == {"Toronto, Ontario", "Montréal, Québec"}  # '(map)' stripped
    assert got.attrs["bases"] == ["2018 base", "2023 base"]
    assert "Vancouver" in got.attrs["unmatched"] and "Toronto" not in got.attrs["unmatched"]


def test_loader_errors_name_the_problem(tmp_path):
    with pytest.raises(DataFileError, match="unknown MBM component 'Dessert'"):
        component_name("Dessert")
    bad = tmp_path / "bad.csv"
    bad.write_text('"REF_DATE","GEO","VALUE"\n"2025","Toronto, Ontario","1"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        load_mbm_thresholds(bad)


@pytest.fixture
def with_basket(tmp_path, monkeypatch):
    """A data folder whose basket.csv is the shipped one plus the loader's rows from the fixture."""
    shutil.copytree(ROOT / "data", tmp_path, dirs_exist_ok=True)
    loaded = load_mbm_thresholds(MBM_FIXTURE, retrieved=pd.Timestamp("2026-12-01").date())
    shipped = pd.read_csv(tmp_path / "costs" / "basket.csv", dtype=str, keep_default_na=False)
    both = pd.concat([shipped, loaded.astype(str)], ignore_index=True)
    both.to_csv(tmp_path / "costs" / "basket.csv", index=False)
    monkeypatch.setattr(netpay.tables, "data_root", lambda: tmp_path)
    citydata.clear_cache()
    yield tmp_path
    monkeypatch.undo()
    citydata.clear_cache()


def test_newest_base_is_used_never_mixed(with_basket):
    found = region_basket("Toronto")
    assert (found.base, found.year) == ("2023 base", 2025)
    assert {r.base for r in found.figures.values()} == {"2023 base"}


def test_basket_scaled_and_cpi_adjusted_by_hand(with_basket):
    items = {i.item: i for i in living_items("Toronto", Living(household=1, transit=False), 2026)}
    # food: 12,600 a year (2023 base, 2025) / 12 = 1,050 x √1/2 = 525 x CPI 2026/2025 (166.575 / 164.2)
    assert items["food"].monthly == pytest.approx(525 * 166.575 / 164.2)  # = 532.59
    assert items["food"].status == "projected"
    # family of 4, 2025: no scaling, no CPI: other necessities 10,200 / 12 = 850
    four = {i.item: i for i in living_items("Toronto", Living(household=4, transit=False), 2025)}
    assert four["other"].monthly == pytest.approx(850.0)
    assert four["transportation"].counted and "transit_pass" not in four


def test_transit_replaces_the_transportation_component(with_basket):
    items = {
        i.item: i for i in living_items("Toronto", Living(household=SimpleNamespace(spouse="x", children=[1, 2])), 2025)
    }
    assert not items["transportation"].counted
    # TTC adult monthly pass 156.00 x 2 adults = 312.00 (children's fares not counted)
    assert items["transit_pass"].monthly == pytest.approx(312.0) and items["transit_pass"].counted


def test_no_item_counted_twice(with_basket):
    # the basket's other necessities hold internet and mobile; the rent (shelter) holds electricity
    items = {i.item: i for i in living_items("Toronto", Living(), 2025)}
    assert items["other"].counted
    assert not items["internet"].counted and not items["mobile"].counted and not items["electricity"].counted
    excl = {i.item: i for i in living_items("Toronto", Living(rent_includes_utilities=False), 2025)}
    assert excl["electricity"].counted and not excl["internet"].counted
    # a city without basket figures (Vancouver): internet and mobile are counted on their own
    van = {i.item: i for i in living_items("Vancouver", Living(), 2025)}
    assert van["other"].status == "not available" and van["internet"].counted and van["mobile"].counted


def test_a_city_with_every_item_present(with_basket):
    t = netpay.living_costs("Toronto", 4, 2025, bedrooms=2, transit=False, rent_includes_utilities=False)
    assert t.attrs["missing"] == []
    assert not t["monthly"].isna().any()
    # rent 2-bedroom asking 2,650 + (12,600 + 3,000 + 4,200 + 10,200) / 12 + electricity 138.90
    expected = 2_650 + (12_600 + 3_000 + 4_200 + 10_200) / 12 + 138.90
    assert t.attrs["total"] == pytest.approx(expected)  # = 5,288.90


def test_overrides_win_and_say_so():
    t = netpay.living_costs("Toronto", rent=2_000, overrides={"food": 900, "internet": 60}).set_index("item")
    assert t.loc["food", "monthly"] == 900 and t.loc["food", "status"] == "user override" and t.loc["food", "counted"]
    # internet: your figure; counted because the basket's other necessities are not available here
    assert t.loc["internet", "monthly"] == 60 and t.loc["internet", "counted"]
    with pytest.raises(InvalidIncomeError, match=r"overrides\['food'\]"):
        netpay.living_costs("Toronto", overrides={"food": -1})


def test_missing_components_are_not_available_not_invented():
    t = netpay.living_costs("Calgary", rent=1_500).set_index("item")
    for comp in ("food", "clothing", "other"):
        assert math.isnan(t.loc[comp, "monthly"]) and t.loc[comp, "status"] == "not available"
        assert not t.loc[comp, "counted"] and "11-10-0066-01" in t.loc[comp, "note"]
    # total = rent 1,500 + Calgary transit pass 126.00 + internet 79.40 + mobile 51.05 = 1,756.45
    assert netpay.living_costs("Calgary", rent=1_500).attrs["total"] == pytest.approx(1_756.45)


def test_basket_multiplier_and_typical():
    assert basket_multiplier("modest")[0] == 1.0
    assert basket_multiplier(1.3)[0] == 1.3
    with pytest.raises(NoDataError, match="11-10-0222-01"):
        basket_multiplier("typical")
    with pytest.raises(NoDataError, match="basket must be"):
        basket_multiplier(-2)


# --------------------------------------------------------------------------- households


def test_household_duck_typing():
    assert people(None) == (1, 1)
    assert people(3) == (3, 2)
    assert people(SimpleNamespace(spouse=None, children=[])) == (1, 1)
    assert people(SimpleNamespace(spouse="Ana", children=["a", "b"])) == (4, 2)
    assert people(SimpleNamespace(adults=2, children=1)) == (3, 2)
    assert people(SimpleNamespace(size=5)) == (5, 2)
    for bad in (0, "two", SimpleNamespace(colour="red"), SimpleNamespace(size=0)):
        with pytest.raises(NoDataError, match="household"):
            people(bad)


# --------------------------------------------------------------------------- evaluate / compare


def test_compare_shows_each_item_as_a_line():
    offers = [netpay.Offer(base_salary=120_000, city=c) for c in ("Toronto", "Vancouver", "Montréal")]
    t = netpay.compare(offers, 2026, living=netpay.Living(household=2))
    # transit pass x 2 adults: Toronto 156.00 x 2 = 312.00; Montréal 97.00 x 2 = 194.00
    assert t.loc["other_costs.transit_pass", "Toronto"] == pytest.approx(312.0)
    assert t.loc["other_costs.transit_pass", "Montréal"] == pytest.approx(194.0)
    assert math.isnan(t.loc["other_costs.food", "Toronto"])  # not available: shown, not counted
    assert "food" in t.attrs["sources"]["Toronto"]["not_available"]
    # other_costs = transit 312.00 + internet 79.40 + mobile 2 x 51.05 = 493.50
    assert t.loc["other_costs", "Toronto"] == pytest.approx(493.5)


# --------------------------------------------------------------------------- the command line


def test_cli_cities_costs(capsys):
    from netpay import cli

    assert cli.main(["cities", "--costs", "--city", "Laval", "--people", "2"]) == 0
    out = capsys.readouterr().out
    assert "Laval: in the Montréal CMA" in out and "MBM region Montréal, Québec" in out
    # 2 adults: ARTM monthly pass 97.00 x 2 = 194
    assert "$194" in out and "not available" in out.lower()
    assert cli.main(["cities", "--costs"]) == 2
    assert "--costs needs --city" in capsys.readouterr().err


# --------------------------------------------------------------------------- properties

CITIES = [c.name for c in load_registry().cities]


@settings(max_examples=40, deadline=None)
@given(
    place=st.sampled_from(CITIES),
    size=st.integers(1, 8),
    transit=st.booleans(),
    included=st.booleans(),
    other=st.one_of(st.none(), st.floats(0, 5_000)),
)
def test_no_item_is_ever_counted_twice_or_without_a_figure(place, size, transit, included, other):
    overrides = None if other is None else {"other": other}
    items = {i.item: i for i in living_items(place, Living(size, "modest", transit, included, overrides), 2026)}
    assert all(not math.isnan(i.monthly) for i in items.values() if i.counted)
    # internet and mobile are inside other necessities: never both counted
    if items["other"].counted:
        assert not items["internet"].counted and not items["mobile"].counted
    assert not (items["transportation"].counted and "transit_pass" in items and items["transit_pass"].counted)
    assert items["electricity"].counted == (not included and not math.isnan(items["electricity"].monthly))


@given(st.floats(1_000, 200_000), st.integers(1, 9))
def test_published_threshold_grows_with_the_family(reference, size):
    assert published_threshold(reference, size) <= published_threshold(reference, size + 1)
