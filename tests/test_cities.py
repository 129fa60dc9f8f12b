"""Cities: the registry, rent and other-cost lookups, data validation, and the StatCan loaders."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import netpay
from netpay import citydata as cities_mod
from netpay.citydata import (
    RENT_COLUMNS,
    Cost,
    Rent,
    city,
    load_cmhc_average_rents,
    load_statcan_asking_rents,
    other_costs,
    rent,
)
from netpay.citydata.rows import read_csv
from netpay.errors import DataFileError, NoDataError, UnknownCityError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
DAY = dt.date(2026, 11, 25)


def csv_rows(relative: str) -> list[dict[str, str]]:
    with open(ROOT / "data" / relative, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- registry


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Toronto", "Toronto"),
        ("toronto", "Toronto"),
        ("  TORONTO ", "Toronto"),
        ("Montréal", "Montréal"),
        ("montreal", "Montréal"),
        ("MTL", "Montréal"),
        ("Québec City", "Québec City"),
        ("quebec", "Québec City"),
        ("St Johns", "St. John's"),
        ("st. john's", "St. John's"),
        ("Kitchener-Waterloo", "Waterloo Region"),
        ("GTA", "Toronto"),
    ],
)
def test_city_names_aliases_accents_case(text, name):
    assert city(text).name == name


def test_city_has_province_and_cma():
    c = city("Vancouver")
    assert (c.province, c.cma, c.province_name) == ("BC", "Vancouver", "British Columbia")


@pytest.mark.parametrize(
    ("typo", "suggestion"), [("Torono", "Toronto"), ("Vancover", "Vancouver"), ("Montrel", "Montréal")]
)
def test_unknown_city_suggests_the_closest(typo, suggestion):
    with pytest.raises(UnknownCityError, match=f"Did you mean '{suggestion}'") as info:
        city(typo)
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)
    assert "Toronto" in str(info.value)  # and lists what we have


def test_unknown_city_without_close_match_lists_cities():
    with pytest.raises(UnknownCityError, match="netpay has: Toronto") as info:
        city("Xyzzy")
    assert "Did you mean" not in str(info.value)


def test_cities_frame_and_callable_module():
    frame = netpay.cities()
    assert list(frame.columns[:4]) == ["name", "province", "province_name", "cma"]
    assert {"Toronto", "Vancouver", "Montréal"} <= set(frame["name"])
    assert frame["name"].is_unique
    assert frame.equals(cities_mod.cities())
    kelowna = frame.set_index("name").loc["Kelowna"]
    assert kelowna["asking_bedrooms"] == "1, 2"  # what the data have, said plainly


# --------------------------------------------------------------------------- rent


def test_rent_is_the_csv_figure_with_its_source():
    row = next(
        r for r in csv_rows("rent/rents.csv") if (r["city"], r["bedrooms"], r["basis"]) == ("Toronto", "1", "asking")
    )
    r = netpay.rent("toronto", bedrooms=1, basis="asking")
    assert isinstance(r, Rent)
    assert r.amount == float(row["amount"]) and r.period == row["period"]
    assert "46-10-0092-01" in r.source and r.url.startswith("https://")
    assert r.retrieved == dt.date.fromisoformat(row["retrieved"])


def test_rent_default_is_one_bedroom_asking():
    assert rent("Vancouver") == rent("Vancouver", 1, "asking")


def test_average_basis_is_cmhc_and_below_asking_in_montreal():
    avg = rent("Montréal", 1, "average")
    assert "34-10-0133-01" in avg.source
    assert avg.amount < rent("Montréal", 1, "asking").amount  # long-time tenants under rent control


def test_missing_bedroom_count_says_what_we_have():
    with pytest.raises(
        NoDataError, match=r"No asking rent for bachelor units in Kelowna.*asking: 1, 2 bedroom"
    ) as info:
        rent("Kelowna", 0, "asking")
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("bedrooms", [-1, 4, 5])
def test_rent_bedrooms_out_of_range_says_0_to_3(bedrooms):
    # Regression: 5 bedrooms said "No asking rent for 5-bedroom units" (and -1 "-1-bedroom"), as if
    # data were missing; 3 means three or more.
    with pytest.raises(NoDataError, match=r"bedrooms must be 0 \(bachelor\), 1, 2 or 3 \(three or more"):
        rent("Toronto", bedrooms)


@pytest.mark.parametrize("bedrooms", [4, -1, 1.5, "two"])
def test_bad_bedrooms(bedrooms):
    with pytest.raises(NoDataError, match="Toronto"):
        rent("Toronto", bedrooms)


def test_unknown_basis_names_the_bases():
    with pytest.raises(NoDataError, match="'asking'.*'average'"):
        rent("Toronto", 1, "paid")


def test_other_costs_monthly():
    costs = other_costs("Toronto")
    assert isinstance(costs["transit_pass"], Cost)
    assert costs["transit_pass"].monthly == costs["transit_pass"].amount
    assert other_costs("Saskatoon") == {} or all(c.monthly >= 0 for c in other_costs("Saskatoon").values())


def test_every_rent_row_names_a_known_city_and_a_source():
    frame = cities_mod.rents()
    assert list(frame.columns) == list(RENT_COLUMNS)
    assert set(frame["city"]) <= set(netpay.cities()["name"])
    assert frame["source"].str.len().min() > 5
    assert set(frame["basis"]) <= {"asking", "average"}


# --------------------------------------------------------------------------- validation of the CSVs

HEADER = ",".join(RENT_COLUMNS)
GOOD = "Toronto,1,asking,2090,2026Q2,StatCan 46-10-0092-01,https://example.org,2026-11-25,false,"


def read(text: str) -> list[Rent]:
    return read_csv(text, "data/rent/rents.csv", RENT_COLUMNS, Rent)


def test_good_row_validates():
    (row,) = read(f"{HEADER}\n{GOOD}\n")
    assert row.amount == 2090 and row.note is None


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (GOOD.replace(",2090,", ",-5,"), "amount"),
        (GOOD.replace(",asking,", ",paid,"), "basis"),
        (GOOD.replace("Toronto,", "Gotham,"), "city"),
        (GOOD.replace("2026Q2", "spring"), "period"),
        (GOOD.replace(",1,", ",7,"), "bedrooms"),
        (GOOD.replace("https://example.org", "example.org"), "url"),
        (GOOD.replace("2026-11-25", "yesterday"), "retrieved"),
    ],
)
def test_bad_row_names_file_line_and_field(bad, field):
    with pytest.raises(DataFileError, match=rf"data/rent/rents.csv, line 3 .*field '{field}'"):
        read(f"{HEADER}\n{GOOD}\n{bad}\n")


def test_bad_header_is_named():
    with pytest.raises(DataFileError, match="header"):
        read("city,amount\nToronto,1\n")


def test_broken_data_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "cities.yaml").write_text("- {name: Atlantis, province: XX, cma: Atlantis}\n", encoding="utf-8")
    monkeypatch.setattr(netpay.tables, "data_root", lambda: tmp_path)
    cities_mod.clear_cache()
    try:
        with pytest.raises(DataFileError, match=r"data/cities.yaml, item 0 \('Atlantis'\): field 'province'"):
            city("Atlantis")
    finally:
        monkeypatch.undo()
        cities_mod.clear_cache()
    assert city("Toronto").province == "ON"


# --------------------------------------------------------------------------- StatCan loaders


def test_statcan_asking_loader_on_fixture():
    frame = load_statcan_asking_rents(FIXTURES / "statcan_46100092.csv", retrieved=DAY)
    assert list(frame.columns) == list(RENT_COLUMNS)
    assert set(frame["basis"]) == {"asking"}
    got = {(r.city, r.bedrooms, r.period): r.amount for r in frame.itertuples()}
    # read off the fixture by hand: apartments only, 'Average asking rent' only, published values only
    assert got[("Toronto", 0, "2026Q2")] == 1750
    assert got[("Toronto", 1, "2026Q2")] == 2090  # the 'Average paid rent' row (1840) is left out
    assert got[("Toronto", 3, "2026Q2")] == 3270
    assert got[("Montréal", 1, "2025Q4")] == 1550  # REF_DATE 2025-10 is the fourth quarter
    assert got[("Ottawa", 2, "2025Q4")] == 2390  # Ottawa - Gatineau (Ontario part)
    assert got[("Gatineau", 2, "2025Q4")] == 1660  # Ottawa - Gatineau (Quebec part)
    assert got[("Waterloo Region", 2, "2025Q4")] == 2120  # Kitchener - Cambridge - Waterloo
    assert got[("St. John's", 2, "2025Q4")] == 1650
    assert ("St. John's", 0, "2025Q4") not in got  # '..': not available
    assert ("Kelowna", 3, "2025Q4") not in got
    assert not any(k[0] == "Toronto" and k[2] == "2025Q4" for k in got)  # only a house row then
    assert len(got) == 16
    note = frame[(frame.city == "St. John's")].iloc[0]["note"]
    assert "use with caution" in note
    assert (frame["retrieved"] == DAY).all() and not frame["verified"].any()


def test_statcan_asking_matches_shipped_rents():
    frame = load_statcan_asking_rents(FIXTURES / "statcan_46100092.csv", retrieved=DAY, latest=True)
    toronto = frame[(frame.city == "Toronto") & (frame.bedrooms == 1)].iloc[0]
    assert toronto["amount"] == rent("Toronto", 1, "asking").amount
    assert toronto["period"] == rent("Toronto", 1, "asking").period


def test_cmhc_average_loader_on_fixture():
    frame = load_cmhc_average_rents(FIXTURES / "statcan_34100133.csv", retrieved=DAY)
    assert list(frame.columns) == list(RENT_COLUMNS)
    got = {(r.city, r.bedrooms, r.period): r.amount for r in frame.itertuples()}
    assert [got[("Toronto", b, "2025-10")] for b in range(4)] == [1491, 1761, 2045, 2294]
    assert got[("Ottawa", 2, "2025-10")] == 1916  # 'Ottawa-Gatineau, Ontario part, Ontario/Quebec'
    assert got[("Gatineau", 2, "2025-10")] == 1451
    assert got[("Québec City", 0, "2025-10")] == 855  # GEO 'Québec, Quebec'
    assert got[("Waterloo Region", 1, "2025-10")] == 1546
    assert ("Toronto", 3, "2024-10") not in got  # 'Apartment structures' only, not row and apartment
    assert len(got) == 16
    assert set(frame["basis"]) == {"average"}
    assert got[("Toronto", 1, "2025-10")] == rent("Toronto", 1, "average").amount


def test_loader_keeps_the_latest_period():
    frame = load_statcan_asking_rents(FIXTURES / "statcan_46100092.csv", retrieved=DAY, latest=True)
    assert not frame.duplicated(["city", "bedrooms", "basis"]).any()


def test_loader_errors_name_the_file(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("REF_DATE,GEO,VALUE\n2025-10,Toronto,1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"x.csv: missing column\(s\)"):
        load_statcan_asking_rents(bad)
    with pytest.raises(DataFileError, match="file not found"):
        load_cmhc_average_rents(tmp_path / "nope.csv")
    frame = pd.read_csv(FIXTURES / "statcan_46100092.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.loc[3, "VALUE"] = "lots"
    broken = tmp_path / "broken.csv"
    frame.to_csv(broken, index=False)
    with pytest.raises(DataFileError, match=r"broken.csv, line 5: field 'VALUE'"):
        load_statcan_asking_rents(broken)


def test_a_province_given_as_a_city_lists_its_cities():
    # 'Ontario' is close to no city ('London' was suggested): say it is a province and name its cities
    with pytest.raises(UnknownCityError) as info:
        netpay.citydata.city("Ontario")
    text = str(info.value)
    assert "Ontario (ON) is a province or territory, not a city: give one of its cities: Toronto" in text
    assert "Did you mean 'London'" not in text
    with pytest.raises(
        UnknownCityError, match=r"Nunavut \(NU\) is a province or territory, not a city: netpay has no city"
    ):
        netpay.citydata.city("Nunavut")
