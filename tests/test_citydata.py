"""citydata as a package: the cited-CSV rows, Housing (validated once) and monthly_costs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest

import netpay
from netpay import citydata
from netpay.citydata import (
    RENT_COLUMNS,
    CityCosts,
    Housing,
    Rent,
    bedroom_label,
    monthly_costs,
    other_costs,
    shared_cost_items,
)
from netpay.citydata.rows import period_start, read_csv
from netpay.errors import DataFileError, InvalidIncomeError, NoDataError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
DAY = dt.date(2026, 11, 25)  # the date every shipped figure was read (data/, column 'retrieved')

# Shipped figures (data/rent/rents.csv, data/costs/other_costs.csv), as in test_compare.py:
# 1-bedroom asking rent, Statistics Canada table 46-10-0092-01, 2026 Q2
RENT_1BR_ASKING = {"Toronto": 2_090, "Vancouver": 2_280, "Montréal": 1_480}
# adult monthly transit pass: TTC (2026, verified), TransLink 1 zone (2025-07, not verified), ARTM zone A
TRANSIT = {"Toronto": 156.00, "Vancouver": 111.60, "Montréal": 97.00}


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """A data folder with the shipped cities and rents and the costs of ``other_costs_two_periods.csv``."""
    (tmp_path / "rent").mkdir()
    (tmp_path / "costs").mkdir()
    shutil.copy(ROOT / "data" / "cities.yaml", tmp_path / "cities.yaml")
    shutil.copy(ROOT / "data" / "rent" / "rents.csv", tmp_path / "rent" / "rents.csv")
    shutil.copy(FIXTURES / "other_costs_two_periods.csv", tmp_path / "costs" / "other_costs.csv")
    monkeypatch.setattr(netpay.tables, "data_root", lambda: tmp_path)
    citydata.clear_cache()
    yield tmp_path
    monkeypatch.undo()
    citydata.clear_cache()


# --------------------------------------------------------------------------- cited CSV rows


def test_other_costs_with_two_periods_of_one_item_keeps_the_latest(data_folder):
    # Regression: Cost had no period_key (it was on Rent only), so a second period of one item made
    # other_costs() raise AttributeError. Fixture periods of Toronto's pass: 2025 ($150), 2026-07
    # ($160), 2026Q1 ($156); July 2026 starts last.
    got = other_costs("Toronto")["transit_pass"]
    assert (got.period, got.amount) == ("2026-07", 160.00)
    assert monthly_costs("Toronto").other_costs == {"transit_pass": 160.00}


def test_weekly_and_yearly_costs_per_month(data_folder):
    got = {item: c.monthly for item, c in other_costs("Montréal").items()}
    # 19.50 a week x 52 weeks / 12 months = 1,014 / 12 = 84.50; 300 a year / 12 = 25.00
    assert got == {"internet": pytest.approx(84.50), "tenant_insurance": pytest.approx(25.00)}
    assert list(got) == ["internet", "tenant_insurance"]  # items in alphabetical order


def test_cities_frame_lists_every_cost_item(data_folder):
    frame = citydata.cities().set_index("name")
    assert frame.loc["Montréal", "other_costs"] == "internet, tenant_insurance"
    assert frame.loc["Vancouver", "other_costs"] == ""


def test_same_item_twice_in_one_period_is_refused(data_folder):
    path = data_folder / "costs" / "other_costs.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")
    citydata.clear_cache()
    with pytest.raises(DataFileError, match=r"data/costs/other_costs.csv: duplicate row for .*'period': '2025'"):
        other_costs("Toronto")


@pytest.mark.parametrize(
    ("period", "start"), [("2026", (2026, 1)), ("2026Q2", (2026, 4)), ("2025Q4", (2025, 10)), ("2025-10", (2025, 10))]
)
def test_period_start(period, start):
    assert period_start(period) == start


@pytest.mark.parametrize("amount", ["inf", "-inf", "nan"])
def test_infinite_or_nan_amount_in_a_data_row_is_refused(amount):
    good = "Toronto,1,asking,2090,2026Q2,StatCan 46-10-0092-01,https://example.org,2026-11-25,false,"
    text = f"{','.join(RENT_COLUMNS)}\n{good.replace(',2090,', f',{amount},')}\n"
    with pytest.raises(DataFileError, match=r"data/rent/rents.csv, line 2 .*field 'amount'"):
        read_csv(text, "data/rent/rents.csv", RENT_COLUMNS, Rent)


@pytest.mark.parametrize(("bedrooms", "label"), [(0, "bachelor"), (1, "1-bedroom"), (2, "2-bedroom"), (3, "3-bedroom")])
def test_bedroom_label(bedrooms, label):
    assert bedroom_label(bedrooms) == label


# --------------------------------------------------------------------------- Housing


def test_housing_defaults():
    h = Housing()
    assert (h.bedrooms, h.rent_basis, h.rent, h.other_costs) == (1, "asking", None, None)


def test_housing_is_frozen_hashable_and_keeps_its_own_copy():
    costs = {"internet": 80}
    h = Housing(bedrooms=np.int64(2), rent=1_500, other_costs=costs)
    costs["internet"] = 1  # the caller's dict changing later does not change the Housing
    assert h.bedrooms == 2 and type(h.bedrooms) is int
    assert h.rent == 1_500.0 and type(h.rent) is float
    assert dict(h.other_costs) == {"internet": 80.0}
    assert h == Housing(bedrooms=2.0, rent=1_500.0, other_costs={"internet": 80.0})
    assert hash(h) == hash(Housing(bedrooms=2, rent=1_500, other_costs={"internet": 80}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.bedrooms = 3
    with pytest.raises(TypeError):
        h.other_costs["internet"] = 0


BEDROOMS_FIX = r"bedrooms must be 0 \(bachelor\), 1, 2 or 3 \(three or more: use 3 for a larger unit\), not "
BASIS_FIX = "Unknown rent basis {}: give rent_basis='asking'.*or rent_basis='average'"
RENT_FIX = "rent must be a finite amount of zero or more dollars a month, not {}; .*rent=None"
RENT_TYPE = r"rent must be a number of dollars a month \(zero or more\), not "
ITEM = r"other_costs\['internet'\] must be "


@pytest.mark.parametrize(
    ("kw", "error", "message"),
    [
        ({"bedrooms": 4}, NoDataError, BEDROOMS_FIX + "4"),
        ({"bedrooms": -1}, NoDataError, BEDROOMS_FIX + "-1"),
        ({"bedrooms": 1.5}, NoDataError, BEDROOMS_FIX + "1.5"),
        ({"bedrooms": "two"}, NoDataError, BEDROOMS_FIX + "'two'"),
        ({"bedrooms": "2"}, NoDataError, BEDROOMS_FIX + "'2'"),
        ({"bedrooms": True}, NoDataError, BEDROOMS_FIX + "True"),
        ({"bedrooms": None}, NoDataError, BEDROOMS_FIX + "None"),
        ({"bedrooms": float("nan")}, NoDataError, BEDROOMS_FIX + "nan"),
        ({"rent_basis": "median"}, NoDataError, BASIS_FIX.format("'median'")),
        ({"rent_basis": None}, NoDataError, BASIS_FIX.format("None")),
        ({"rent": -1}, InvalidIncomeError, RENT_FIX.format("-1")),
        ({"rent": float("nan")}, InvalidIncomeError, RENT_FIX.format("nan")),
        ({"rent": float("inf")}, InvalidIncomeError, RENT_FIX.format("inf")),
        ({"rent": "1,500"}, InvalidIncomeError, RENT_TYPE + "the text '1,500': write it as a number"),
        ({"rent": True}, InvalidIncomeError, RENT_TYPE + r"True \(bool\); .*rent=None"),
        ({"rent": [1500]}, InvalidIncomeError, RENT_TYPE + r"\[1500\] \(list\)"),
        ({"other_costs": [("internet", 80)]}, InvalidIncomeError, "other_costs must be a mapping of item -> dollars"),
        (
            {"other_costs": {"internet": -5}},
            InvalidIncomeError,
            ITEM + "a finite amount .*-5; .*0 to leave 'internet' out",
        ),
        ({"other_costs": {"internet": "80"}}, InvalidIncomeError, ITEM + "a number .*not the text '80'"),
        ({"other_costs": {"internet": float("nan")}}, InvalidIncomeError, ITEM + "a finite amount"),
        ({"other_costs": {3: 80}}, InvalidIncomeError, "other_costs keys must be item names such as 'internet', not 3"),
        ({"other_costs": {"": 80}}, InvalidIncomeError, "other_costs keys must be item names"),
    ],
)
def test_bad_housing_names_the_field_and_the_fix(kw, error, message):
    with pytest.raises(error, match=message):
        Housing(**kw)


def test_housing_errors_are_value_errors():
    for kw in ({"bedrooms": 9}, {"rent_basis": "paid"}, {"rent": -1}):
        with pytest.raises(ValueError):
            Housing(**kw)


# --------------------------------------------------------------------------- monthly_costs


def test_monthly_costs_default_housing_is_one_bedroom_asking_with_sources():
    c = monthly_costs("toronto")
    assert isinstance(c, CityCosts) and c.city.name == "Toronto" and c.housing == Housing()
    assert c.rent.amount == RENT_1BR_ASKING["Toronto"]
    assert (c.rent.period, c.rent.retrieved, c.rent.verified) == ("2026Q2", DAY, False)
    assert "46-10-0092-01" in c.rent.source and c.rent.url.startswith("https://www150.statcan.gc.ca/")
    assert c.rent_basis == "asking"
    assert c.other_costs == {"transit_pass": TRANSIT["Toronto"]}
    assert c.items["transit_pass"].verified is True and c.items["transit_pass"].period == "2026"
    transit = c.items["transit_pass"]
    assert c.other_costs_sources == {"transit_pass": f"{transit.source} (2026) {transit.url}"}
    # 2,090 rent + 156.00 TTC pass
    assert c.total == pytest.approx(2_246.00)
    assert c.unverified == ("rent",)  # the rent was read in a secondary source


def test_monthly_costs_bedrooms_and_basis():
    c = monthly_costs("Montréal", Housing(bedrooms=2, rent_basis="average"))
    # CMHC October 2025 average, 2 bedrooms (Montreal Gazette's report of CMHC's Rental Market Report)
    assert (c.rent.amount, c.rent.period, c.rent.verified) == (1_346, "2025-10", True)
    assert c.rent_basis == "average"
    assert c.total == pytest.approx(1_346 + 97.00)
    assert c.rent == citydata.CostFigure.from_row(netpay.rent("Montréal", 2, "average"))


def test_user_overrides_win():
    c = monthly_costs("Montréal", Housing(rent=1_000, other_costs={"transit_pass": 0, "internet": 80}))
    assert (c.rent.amount, c.rent.source, c.rent.period, c.rent.url, c.rent.verified) == (
        1_000.0,
        "user override",
        None,
        None,
        None,
    )
    assert c.rent_basis == "user override"
    assert c.other_costs == {"transit_pass": 0.0, "internet": 80.0}
    assert c.other_costs_sources == {"transit_pass": "user override", "internet": "user override"}
    assert c.total == 1_080.0  # 1,000 + 0 + 80
    assert c.unverified == ()  # the user's own figures are not netpay's to flag


def test_a_missing_rent_is_an_error_saying_what_exists_unless_the_user_gives_one():
    with pytest.raises(NoDataError, match=r"No asking rent for bachelor units in Kelowna.*asking: 1, 2 bedroom"):
        monthly_costs("Kelowna", Housing(bedrooms=0))
    assert monthly_costs("Kelowna", Housing(bedrooms=0, rent=1_500)).rent.amount == 1_500


def test_a_city_without_other_costs_counts_rent_only():
    c = monthly_costs("Saskatoon")
    assert c.other_costs == {}
    assert c.total == 1_300  # Saskatoon 1-bedroom asking rent, 2025Q4


def test_items_keep_only_the_named_costs_but_overrides_always_count():
    assert monthly_costs("Vancouver", items=set()).total == RENT_1BR_ASKING["Vancouver"]
    assert monthly_costs("Vancouver", items={"transit_pass"}).total == pytest.approx(2_280 + 111.60)
    kept = monthly_costs("Vancouver", Housing(other_costs={"internet": 80}), items=set())
    assert kept.other_costs == {"internet": 80.0}


def test_monthly_costs_by_keyword_and_with_a_city():
    place = citydata.city("GTA")
    assert monthly_costs(city=place, housing=Housing()) == monthly_costs("Toronto")


def test_housing_repr_reads_like_the_call():
    h = Housing(bedrooms=2, other_costs={"internet": 80})
    assert repr(h) == "Housing(bedrooms=2, rent_basis='asking', rent=None, other_costs={'internet': 80.0})"


def test_monthly_costs_refuses_what_is_not_a_housing():
    with pytest.raises(TypeError, match=r"housing must be a netpay Housing\(bedrooms=..., rent_basis=...\)"):
        monthly_costs("Toronto", {"bedrooms": 2})
    with pytest.raises(TypeError, match="items must be a collection of item names"):
        monthly_costs("Toronto", items="transit_pass")


# --------------------------------------------------------------------------- shared cost items


def test_shared_cost_items_of_two_cities_with_the_same_items():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert shared_cost_items("Toronto", "Montréal") == {"transit_pass"}


def test_shared_cost_items_warns_about_an_item_one_city_lacks():
    with pytest.warns(UserWarning, match="leaves out transit_pass: netpay has a figure for Vancouver only") as caught:
        assert shared_cost_items("Vancouver", "Saskatoon", stacklevel=2) == frozenset()
    assert caught[0].filename == __file__  # stacklevel=2: the line that called shared_cost_items


def test_equivalent_salary_cost_difference_from_monthly_costs():
    items = shared_cost_items("Toronto", "Montréal")
    delta = monthly_costs("Toronto", items=items).total - monthly_costs("Montréal", items=items).total
    # Toronto's rent and transit are (2,090 + 156) - (1,480 + 97) = 669 a month higher
    assert delta == pytest.approx(669.00)


# --------------------------------------------------------------------------- the package


def test_public_names_import_from_the_old_path():
    for name in ("city", "cities", "rent", "rents", "other_costs", "costs", "clear_cache"):
        assert callable(getattr(citydata, name))
    for name in ("load_statcan_asking_rents", "load_cmhc_average_rents", "Housing", "monthly_costs"):
        assert name in citydata.__all__
    assert citydata.BASES == ("asking", "average")
    assert citydata.City is type(citydata.city("Toronto"))


@pytest.mark.parametrize("module", ["registry", "rents", "costs", "housing"])
def test_docstring_examples(module):
    import importlib

    result = doctest.testmod(importlib.import_module(f"netpay.citydata.{module}"), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
