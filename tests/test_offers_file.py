"""``netpay compare --offers FILE``: the shipped example, the file's keys, and errors naming the file,
the offer and the key (one line on stderr, exit 2)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import netpay
from netpay import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "offers.toml"
HOUSEHOLD_EXAMPLE = EXAMPLE.with_name("household_offers.toml")


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def error_of(capsys, tmp_path, text, *extra):
    path = tmp_path / "offers.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "compare", "--offers", str(path), *extra)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, (code, out, err)
    assert "Traceback" not in err
    return err.replace(str(path), "offers.toml")


# --------------------------------------------------------------------------- the example


def test_the_example_compares_three_different_offers(capsys, tmp_path):
    csv = tmp_path / "out.csv"
    code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE), "--csv", str(csv))
    assert code == 0, err
    for label in ("Toronto bank", "Vancouver Series B", "Montréal scale-up"):
        assert label in out
    assert "3 offers over 2026-2029" in out
    assert "Tax tables: 2026 shipped; 2027, 2028, 2029 projected" in out
    assert "Risk, Vancouver Series B: signing bonus clawback" in out
    table = pd.read_csv(csv, header=[0, 1], index_col=0)
    # Toronto bank, starting 15 June 2026, paid monthly: 140,000 / 12 = 11,666.67 x 16/30 =
    # 6,222.22 for June + 6 x 11,666.67 = 76,222.24; then raised 3% a year: 144,200, 148,526,
    # 148,526 x 1.03 = 152,981.78
    assert list(table.loc["base_salary", "Toronto bank"]) == pytest.approx([76_222.24, 144_200, 148_526, 152_981.78])
    # the 10% bonus: none in 2026 (year one's is paid the next year, prorated to the 200 days
    # employed, 15 June - 31 December: 14,000 x 200 / 365 = 7,671.23), so 2027 pays 14,420 +
    # 7,671.23 = 22,091.23; then 14,852.60 and 15,298.18
    assert list(table.loc["bonus", "Toronto bank"]) == pytest.approx([0, 22_091.23, 14_852.60, 15_298.18])
    # Vancouver: 160,000 of RSUs, a one-year cliff, then monthly: nothing in 2026; 25% = 40,000 on
    # 15 June 2027 + 6 monthly vests of 120,000 / 36 = 3,333.33 (July - December) = 60,000 in 2027;
    # 12 x 3,333.33 = 40,000 in 2028 and 2029
    assert list(table.loc["equity_vesting", "Vancouver Series B"]) == pytest.approx([0, 60_000, 40_000, 40_000])
    assert list(table.loc["equity_after_tax", "Vancouver Series B"])[0] == 0
    assert all(table.loc["equity_after_tax", "Vancouver Series B"].iloc[1:] > 0)
    assert list(table.loc["signing_bonus", "Vancouver Series B"]) == [10_000, 0, 0, 0]
    # its own rent, 2,600 a month x 12 = 31,200 a year
    assert table.loc["rent", ("Vancouver Series B", "2027")] == pytest.approx(31_200)
    # Montréal: the employer's 6,250 RRSP match, paid like the salary from 15 June: 520.83 x 16/30
    # = 277.78 + 6 x 520.83 = 3,402.76 in 2026 (each pay to the cent), then 6,250 a year
    assert list(table.loc["savings", "Montréal scale-up"]) == pytest.approx([3_402.76, 6_250, 6_250, 6_250], abs=0.03)
    # the same as the library, offer by offer
    startup = netpay.Offer(
        base_salary=135_000,
        equity=[netpay.RSU(grant_value=160_000, years=4, cliff_months=12, frequency="monthly")],
        signing_bonus=10_000,
        clawback_months=12,
        city="Vancouver",
        label="Vancouver Series B",
    )
    expected = netpay.evaluate(startup, 2026, rent=2_600, horizon=4, start="2026-06-15").by_year()
    assert table.loc["total_value", "Vancouver Series B"].tolist() == pytest.approx(
        expected.loc["total_value"].tolist(), abs=0.005
    )


def test_a_projected_year_is_noted_once(capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE))
    assert code == 0, err
    assert err.count("2027 is a projected tax year") == 1  # once, not once per offer


def test_the_example_draws_the_horizon(capsys, tmp_path):
    png = tmp_path / "h.png"
    code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE), "--plot", str(png))
    assert code == 0, err
    assert png.stat().st_size > 1000


def test_a_file_without_a_horizon_is_one_year_a_month(capsys, tmp_path):
    path = tmp_path / "o.toml"
    path.write_text(
        'year = 2025\n[[offers]]\ncity = "Toronto"\nsalary = 100_000\n'
        '[[offers]]\ncity = "Calgary"\nsalary = 90_000\nbonus = "5%"\nrent = 1_500\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "compare", "--offers", str(path))
    assert code == 0, err
    assert "2 offers, 2025, dollars per month" in out
    assert "$1,500" in out  # Calgary's rent as given


def test_the_horizon_option_overrides_the_file(capsys):
    code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE), "--horizon", "2", "--discount-rate", "5%")
    assert code == 0, err
    assert "3 offers over 2026-2027" in out and "discounted 5% a year" in out


def test_horizon_without_a_file(capsys):
    code, out, err = run(capsys, "compare", "--salary", "100k", "--city", "Toronto", "--year", "2024", "--horizon", "2")
    assert code == 0, err
    assert "1 offer over 2024-2025" in out


# --------------------------------------------------------------------------- errors


def test_an_unknown_key_names_the_file_the_offer_and_the_closest(capsys, tmp_path):
    err = error_of(
        capsys,
        tmp_path,
        '[[offers]]\ncity = "Toronto"\nsalary = 1e5\n[[offers]]\nlabel = "B"\n'
        'city = "Toronto"\nsalary = 1e5\nequity_vestin = 5\n',
    )
    assert "offers.toml: offer 2 ('B'): " in err and "equity_vestin" in err and "equity_vesting" in err


def test_a_bad_amount_names_the_key(capsys, tmp_path):
    err = error_of(capsys, tmp_path, '[[offers]]\ncity = "Toronto"\nsalary = -5\n')
    assert "offers.toml: offer 1: salary:" in err


def test_a_missing_salary_and_a_bad_city(capsys, tmp_path):
    assert "offer 1: give salary" in error_of(capsys, tmp_path, '[[offers]]\ncity = "Toronto"\n')
    err = error_of(capsys, tmp_path, '[[offers]]\ncity = "Torronto"\nsalary = 1e5\n')
    assert "offer 1: city:" in err and "Toronto" in err


def test_file_level_errors(capsys, tmp_path):
    assert "not valid TOML" in error_of(capsys, tmp_path, "[[offers]\n")
    assert "[[offers]] tables" in error_of(capsys, tmp_path, "year = 2024\n")
    assert "did you mean horizon" in error_of(capsys, tmp_path, 'horizn = 3\n[[offers]]\ncity="Toronto"\nsalary=1\n')
    err = error_of(capsys, tmp_path, '[household]\nspouse = 1\n[[offers]]\ncity="Toronto"\nsalary=1\n')
    assert "offers.toml: [household]: unknown key 'spouse'" in err and "spouse_income" in err
    err = error_of(capsys, tmp_path, '[move]\narival = "2024-06-01"\n[[offers]]\ncity="Toronto"\nsalary=1\n')
    assert "[move]: unknown key 'arival'" in err and "arrival" in err
    err = error_of(capsys, tmp_path, '[[offers]]\ncity="Toronto"\nsalary=1e5\nbonus="ten%"\n')
    assert "offer 1: bonus:" in err


def test_a_horizon_past_the_tables_names_the_offer(capsys, tmp_path):
    err = error_of(capsys, tmp_path, 'year = 2024\nhorizon = 30\n[[offers]]\nlabel="A"\ncity="Toronto"\nsalary=1e5\n')
    assert "offers.toml: offer 1 ('A'): horizon=30 from 2024" in err


def test_offer_options_go_in_the_file(capsys):
    code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE), "--salary", "100k")
    assert code == 2 and "--salary is given per offer in the --offers file" in err
    code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE), "--arrival", "2024-06-01")
    assert code == 2 and "[move]" in err
    code, out, err = run(capsys, "compare", "--offers", "/nonexistent/offers.toml")
    assert code == 2 and "cannot read it" in err
    code, out, err = run(capsys, "compare", "--city", "Toronto")
    assert code == 2 and "give --salary" in err


def test_a_bad_grant_names_the_grant(capsys, tmp_path):
    base = '[[offers]]\nlabel = "S"\ncity = "Vancouver"\nsalary = 1e5\n[[offers.equity]]\n'
    err = error_of(capsys, tmp_path, base + 'type = "rsus"\ngrant_value = 1e5\n')
    assert "offers.toml: offer 1 ('S'): equity grant 1: type must be" in err
    err = error_of(capsys, tmp_path, base + 'type = "rsu"\ngrant_value = 1e5\ncliff_months = -3\n')
    assert "offers.toml: offer 1 ('S'): equity grant 1: cliff_months" in err


def test_a_misspelt_salary_is_named_not_taken_as_missing(capsys, tmp_path):
    # 'salry' is not a key: the error names it and the closest key, instead of "give salary"
    err = error_of(capsys, tmp_path, '[[offers]]\nlabel = "B"\ncity = "Toronto"\nsalry = 140000\n')
    assert "offers.toml: offer 1 ('B'): unknown key 'salry': did you mean salary" in err
    assert "give salary (e.g. salary = 140_000)" in error_of(capsys, tmp_path, '[[offers]]\ncity = "Toronto"\n')
    assert 'give city (e.g. city = "Toronto")' in error_of(capsys, tmp_path, "[[offers]]\nsalary = 1e5\n")


def test_a_misspelt_grant_key_names_the_closest(capsys, tmp_path):
    base = '[[offers]]\nlabel = "S"\ncity = "Vancouver"\nsalary = 1e5\n[[offers.equity]]\ntype = "rsu"\n'
    err = error_of(capsys, tmp_path, base + "grant_value = 1e5\ncliff = 12\n")
    assert "equity grant 1: unknown key 'cliff': did you mean cliff_months?" in err
    err = error_of(capsys, tmp_path, base.replace('"rsu"', '"options"') + "shares = 10\nstrik = 1\n")
    assert "equity grant 1: unknown key 'strik': did you mean strike?" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # a type error in the option's own parser was a traceback (UsageError escaping argparse)
        (("--horizon", "abc"), "argument --horizon: not a whole number of years: 'abc'"),
        (("--horizon", "2", "--discount-rate", "ten"), "argument --discount-rate: not a rate: 'ten'"),
        # 5 is 500% a year: named as --discount-rate (not --horizon) in the command's spelling, 5% or 0.05
        (
            ("--horizon", "2", "--discount-rate", "5"),
            "'5' is 500% a year: give 0 to under 100% (for 5% a year write 5% or 0.05)",
        ),
        (("--discount-rate", "5%"), "--discount-rate discounts the later years of a horizon: give --horizon N too"),
    ],
)
def test_bad_horizon_and_rate_options_are_one_line(capsys, argv, expected):
    code, out, err = run(capsys, "compare", "--salary", "140k", "--city", "Toronto", *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert expected in err and "horizon=" not in err and "discount_rate" not in err


def test_the_rrsp_note_names_the_file_key_not_a_refused_option(capsys):
    # the note said "give --rrsp-room", which --offers refuses ("give it in the file's [move] table")
    warnings.simplefilter("always")  # the notes are the library's warnings, which _quiet ignores
    code, out, err = run(capsys, "compare", "--offers", str(EXAMPLE))
    assert code == 0 and "give rrsp_room = ... in the file's [move] table to use it" in err
    assert "give --rrsp-room" not in err


# --------------------------------------------------------------------------- a household in the file


def test_the_household_example(capsys, tmp_path):
    csv = tmp_path / "out.csv"
    code, out, err = run(capsys, "compare", "--offers", str(HOUSEHOLD_EXAMPLE), "--csv", str(csv))
    assert code == 0, err
    assert "2 offers over 2026-2029" in out and "Household disposable income" in out
    table = pd.read_csv(csv, header=[0, 1], index_col=0)
    # the spouse's own offer, 55,000 raised 2% a year: 56,100, 57,222, 57,222 x 1.02 = 58,366.44
    assert list(table.loc["spouse_employment_income", "Toronto bank"]) == pytest.approx(
        [55_000, 56_100, 57_222, 58_366.44]
    )
    # children born 2023 and 2020: child care until Ontario's junior kindergarten (the September of the
    # year the child turns 4), at $22 a day x 261 / 12 = 478.50 a month: the 2023 child (JK September
    # 2027) 12 x 478.50 = 5,742 in 2026, January-August 8 x 478.50 = 3,828 in 2027, none after; the
    # 2020 child has been in kindergarten since September 2024: none
    assert list(table.loc["childcare", "Toronto bank"]) == pytest.approx([5_742, 3_828, 0, 0])
    # bedrooms default to the household's: one for the adults, one per child = 3
    home = netpay.Household(
        spouse=netpay.Spouse(offer=netpay.Offer(base_salary=55_000, raise_percent=2, city="Toronto")),
        children=[2023, 2020],
    )
    bank = netpay.Offer(base_salary=140_000, bonus_percent=10, raise_percent=3, city="Toronto", label="Toronto bank")
    expected = netpay.evaluate(bank, 2026, household=home, horizon=4).by_year()
    assert expected.loc["rent", 2026] == pytest.approx(table.loc["rent", ("Toronto bank", "2026")])
    assert table.loc["total_value", "Toronto bank"].tolist() == pytest.approx(
        expected.loc["total_value"].tolist(), abs=0.005
    )


def test_a_household_from_the_options_applies_to_every_offer_of_the_file(capsys, tmp_path):
    code, out, err = run(
        capsys, "compare", "--offers", str(EXAMPLE), "--spouse-income", "0", "--child", "2023", "--horizon", "2"
    )
    assert code == 0, err
    assert "3 offers over 2026-2027" in out and "Household disposable income" in out
    code, out, err = run(capsys, "compare", "--offers", str(HOUSEHOLD_EXAMPLE), "--spouse-income", "0")
    assert code == 2 and "has a [household] table" in err


OFFER = '[[offers]]\ncity = "Toronto"\nsalary = 1e5\n'


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ("[household]\nchildren = [2023, 'soon']\n", "offers.toml: [household]: children[2]: born must be"),
        ("[household]\nchildren = 2023\n", "offers.toml: [household]: children: give a list"),
        ("[household]\nchildren = [{ born = 2023, childcare = -4 }]\n", "[household]: children[1]: childcare"),
        ("[household]\nspouse_income = -5\n", "offers.toml: [household]: spouse_income: spouse income"),
        ("[household]\nspouse_income = 0\nstatus = 'workpermit'\n", "[household]: status: status 'workpermit'"),
        ("[household]\nstatus = 'citizen'\n", "[household]: give spouse_income, [household.spouse_offer]"),
        ("[household]\nspouse_income = 1\n[household.spouse_offer]\nsalary = 1\n", "not both"),
        ("[household.spouse_offer]\nsalary = -1\n", "offers.toml: [household.spouse_offer]: salary:"),
        (
            "[household.spouse_offer]\nsalary = 1\nraise_percnt = 2\n",
            "[household.spouse_offer]: unknown key 'raise_percnt': did you mean raise_percent",
        ),
        ("[household.spouse_offer]\nsalary = 1\nrent = 2\n", "[household.spouse_offer]: rent: the housing"),
        ("household = 3\n", "offers.toml: [household]: household must be a table"),
        ("[household]\nchildren = [2023]\nsubsidised = false\n", "[household]: children[1]: subsidised=False needs"),
    ],
)
def test_household_errors_name_the_file_the_table_and_the_key(capsys, tmp_path, table, words):
    assert words in error_of(capsys, tmp_path, table + OFFER)
