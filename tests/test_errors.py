"""Bad input gets a clear error, never a silent number."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import netpay
from netpay import tables
from netpay.errors import (
    DataFileError,
    InvalidIncomeError,
    NetpayError,
    NoDataError,
    NotFoundError,
    UnknownCityError,
    UnknownJurisdictionError,
    UnknownYearError,
)


@pytest.mark.parametrize(("value", "word"), [(-1.0, "negative"), (math.nan, "NaN"), (math.inf, "infinite")])
def test_bad_income_names_value_and_position(value, word):
    with pytest.raises(InvalidIncomeError, match=rf"position 2.*{word}"):
        netpay.take_home([10_000, 20_000, value], "ON", 2026)


def test_bad_income_in_series_names_its_label():
    with pytest.raises(ValueError, match="index 'bob'"):
        netpay.take_home(pd.Series([1.0, -5.0], index=["amy", "bob"]), "ON", 2026)


def test_non_numeric_income():
    with pytest.raises(InvalidIncomeError, match="must be a number"):
        netpay.take_home("lots", "ON", 2026)


def test_unknown_province_suggests_closest_and_lists_codes():
    with pytest.raises(UnknownJurisdictionError, match=r"Did you mean 'Ontario'.*Valid codes: AB, BC"):
        netpay.take_home(50_000, "Ontaro", 2026)


@pytest.mark.parametrize("name", ["qc", "Québec", "QUEBEC", "quebec ", "British Columbia", "colombie-britannique"])
def test_province_names_any_case_and_accents(name):
    assert len(netpay.take_home(50_000, name, 2026)) == 1


def test_unknown_year_lists_years():
    with pytest.raises(UnknownYearError, match=r"No tax tables for 2019.*2024, 2025, 2026"):
        netpay.take_home(50_000, "ON", 2019)


def test_malformed_data_file_names_file_and_field(tmp_path, monkeypatch):
    bad = tmp_path / "tax_tables" / "2026"
    bad.mkdir(parents=True)
    good = (tables.data_root() / "tax_tables" / "2026" / "on.yaml").read_text(encoding="utf-8")
    (bad / "on.yaml").write_text(good.replace("basic_personal_amount: 12_989", "basic_personal_amount: -5"))
    (bad / "federal.yaml").write_text((tables.data_root() / "tax_tables" / "2026" / "federal.yaml").read_text())
    monkeypatch.setattr(tables, "data_root", lambda: tmp_path)
    tables.clear_cache()
    try:
        with pytest.raises(DataFileError, match=r"data/tax_tables/2026/on.yaml: field 'basic_personal_amount'"):
            tables.load(2026, "ON")
        bogus = "  bogus: {title: nothing here, href: 'https://x', retrieved: 2026-01-01, verified: true}"
        (bad / "on.yaml").write_text(good.replace("sources:", "sources:\n" + bogus))
        tables.clear_cache()
        with pytest.raises(DataFileError, match="sources name field"):
            tables.load(2026, "ON")
        (bad / "on.yaml").write_text("jurisdiction: [unclosed")
        tables.clear_cache()
        with pytest.raises(DataFileError, match="on.yaml: not valid YAML"):
            tables.load(2026, "ON")
    finally:
        monkeypatch.undo()
        tables.clear_cache()


def test_yaml_reads_on_as_a_code_not_a_boolean():
    assert tables.load(2026, "ON").jurisdiction == "ON"


def test_absurdly_large_income_is_refused():
    with pytest.raises(InvalidIncomeError, match="too large"):
        netpay.take_home(1e16, "ON", 2026)


def test_year_none_is_the_latest_year_we_have():
    latest = tables.years()[-1]
    pd.testing.assert_frame_equal(netpay.take_home(80_000, "NS"), netpay.take_home(80_000, "NS", latest))


def test_plot_module_reachable_without_importing_matplotlib():
    import subprocess
    import sys

    code = "import sys, netpay; assert callable(netpay.plot.marginal_rates); assert 'matplotlib' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- one error base for lookups


@pytest.mark.parametrize("cls", [UnknownJurisdictionError, UnknownYearError, UnknownCityError, NoDataError])
def test_lookup_errors_share_one_base_and_print_their_message_as_written(cls):
    e = cls("No tax tables for 2019")
    assert isinstance(e, NotFoundError) and isinstance(e, KeyError) and isinstance(e, NetpayError)
    assert str(e) == "No tax tables for 2019"  # a bare KeyError would print "'No tax tables for 2019'"


# --------------------------------------------------------------------------- every entry point refuses non-amounts
# reliability.md §2.6-2.8 and §3: inputs np.asarray turned into incomes (or an OverflowError). money.as_amounts
# refuses each (tests/test_money.py); these check that each public entry point validates with it. The entry
# points.

NOT_AMOUNTS = {
    "True": True,
    "datetime64": np.datetime64("2020-01-01"),  # was income 18,262
    "timedelta64": np.timedelta64(5, "D"),  # was income 5
    "masked": np.ma.masked_array([1e5, 2e5], mask=[False, True]),  # the mask was ignored
    "bytes": b"100",  # was $100
    "10**400": 10**400,  # was OverflowError
    "bool in a list": [1e5, True],
    "bool Series": pd.Series([True, False]),
}


def _plot(function_name):
    def draw(x):
        pytest.importorskip("matplotlib").use("Agg")
        import matplotlib.pyplot as plt

        try:
            if function_name == "marginal_rates":
                netpay.plot.marginal_rates("ON", 2026, incomes=x)
            else:
                netpay.plot.salary_vs_rent("Toronto", salaries=x, year=2026)
        finally:
            plt.close("all")

    return draw


#: Public entry points taking amounts.
ENTRY_POINTS = {
    "take_home": lambda x: netpay.take_home(x, "ON", 2026),
    "gross_for_net": lambda x: netpay.gross_for_net(x, "ON", 2026),
    "equivalent_salary": lambda x: netpay.equivalent_salary(x, "Toronto", "Montréal", 2026),
    "plot.marginal_rates": _plot("marginal_rates"),
    "plot.salary_vs_rent": _plot("salary_vs_rent"),
    "Offer": lambda x: netpay.Offer(base_salary=x, city="Toronto"),
}


def _entry_point_cases():
    for entry, call in ENTRY_POINTS.items():
        for what, bad in NOT_AMOUNTS.items():
            if entry == "Offer" and isinstance(bad, list | pd.Series | np.ndarray):
                continue  # an Offer field is one amount; sequences are refused in tests/test_offer.py
            yield pytest.param(call, bad, id=f"{entry}-{what}")


@pytest.mark.parametrize(("call", "bad"), list(_entry_point_cases()))
def test_every_entry_point_refuses_what_is_not_an_amount(call, bad):
    with pytest.raises(ValueError, match="must be"):  # InvalidIncomeError, or pydantic's for Offer
        call(bad)


OFFER = netpay.Offer(base_salary=100_000, city="Toronto")


@pytest.mark.parametrize(
    "kw",
    [
        pytest.param({"rent": True}, id="rent=True"),  # was rent $1
        pytest.param({"rent": 1e16}, id="rent=1e16"),  # no ceiling
        pytest.param({"rent": 10**400}, id="rent=10**400"),  # was OverflowError
        pytest.param({"other_costs": {"transit": True}}, id="other_costs=True"),
        pytest.param({"rent": -1}, id="rent=-1"),
        pytest.param({"rent": "1,500"}, id="rent='1,500'"),
    ],
)
def test_evaluate_refuses_bad_housing_amounts(kw):
    with pytest.raises(InvalidIncomeError):
        netpay.evaluate(OFFER, 2026, **kw)


def test_the_ceiling_is_ten_to_the_fifteen():
    from netpay import money

    assert money.MAX_AMOUNT == 1_000_000_000_000_000


def test_the_ceiling_is_one_constant():
    from netpay import engine, money

    copies = [
        m.__name__ for m in (engine, tables) if getattr(m, "MAX_AMOUNT", money.MAX_AMOUNT) is not money.MAX_AMOUNT
    ]
    assert not copies, f"MAX_AMOUNT defined again in {copies}: import it from netpay.money"
