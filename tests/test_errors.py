"""Bad input gets a clear error, never a silent number."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import netpay
from netpay import tables
from netpay.errors import DataFileError, InvalidIncomeError, UnknownJurisdictionError, UnknownYearError


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
