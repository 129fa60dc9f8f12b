"""The ``netpay`` command: main([...]) output and exit codes; bad input is one line, exit 2."""

from __future__ import annotations

import pytest

import netpay
from netpay import cli


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, out, err):
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("140000", 140_000),
        ("140,000", 140_000),
        ("$140,000", 140_000),
        ("140_000", 140_000),
        ("140k", 140_000),
        ("1.2M", 1_200_000),
        ("99.50", 99.5),
    ],
)
def test_parse_amount(text, value):
    assert cli.parse_amount(text) == value


def test_parse_amount_or_percent():
    assert cli.parse_amount_or_percent("10%") == ("percent", 0.10)
    assert cli.parse_amount_or_percent("14,000") == ("amount", 14_000)


# --------------------------------------------------------------------------- take-home


def test_take_home_prints_the_breakdown(capsys):
    code, out, err = run(capsys, "take-home", "140000", "--province", "QC", "--year", "2025")
    assert code == 0, err
    expected = netpay.take_home(140_000, "QC", 2025).iloc[0]
    assert "Quebec (QC), 2025" in out
    assert f"${expected.net_income:,.2f}" in out
    assert f"${expected.qpip:,.2f}" in out
    for label in ("Federal tax", "Provincial tax", "Net income (month)", "Marginal rate"):
        assert label in out
    assert "data/tax_tables/2025/" in out


def test_take_home_several_incomes_and_csv(capsys, tmp_path):
    target = tmp_path / "th.csv"
    code, out, err = run(
        capsys, "take-home", "60k", "140,000", "-p", "ontario", "-y", "2026", "--csv", str(target)
    )
    assert code == 0, err
    assert "$60,000" in out and "$140,000" in out
    import pandas as pd

    frame = pd.read_csv(target, index_col=0)
    assert list(frame["income"]) == [60_000, 140_000]
    assert frame["net_income"].iloc[1] == pytest.approx(netpay.take_home(140_000, "ON", 2026).net_income[0])


def test_take_home_defaults_to_the_latest_year(capsys):
    code, out, _ = run(capsys, "take-home", "100000")
    assert code == 0
    assert f"Ontario (ON), {netpay.tables.years()[-1]}" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("take-home", "abc"),
        ("take-home", "-5000"),
        ("take-home", "100000", "--province", "Atlantis"),
        ("take-home", "100000", "--year", "1999"),
        ("take-home", "100000", "--year", "twenty"),
        ("take-home",),
        ("no-such-command",),
        ("tables", "--sources", "XX"),
        ("cities", "--city", "Gotham"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, argv):
    assert_one_line_error(*run(capsys, *argv))


def test_unknown_province_suggests_the_closest(capsys):
    _, _, err = run(capsys, "take-home", "1", "--province", "Ontaro")
    assert "Ontario" in err


# --------------------------------------------------------------------------- tables and cities


def test_tables_years_by_jurisdictions(capsys):
    code, out, _ = run(capsys, "tables")
    assert code == 0
    for year in netpay.tables.years():
        assert str(year) in out
    header = next(line for line in out.splitlines() if "federal" in line and "payroll" in line)
    for code_ in ("ON", "QC", "BC", "AB", "NU"):
        assert code_ in header.split()
    assert "--sources" in out


def test_tables_sources_lists_titles_and_addresses(capsys):
    code, out, _ = run(capsys, "tables", "--year", "2026", "--sources", "Ontario")
    assert code == 0
    for field, items in netpay.tables.sources(2026, "ON").items():
        for s in items:
            assert s.href in out
        assert f"- {field}:" in out


def test_tables_sources_federal(capsys):
    code, out, _ = run(capsys, "tables", "--sources", "federal")
    assert code == 0
    assert "federal.yaml" in out


def test_cities(capsys):
    code, out, _ = run(capsys, "cities")
    assert code == 0
    for name in ("Toronto", "Vancouver", "Montréal"):
        assert name in out


def test_cities_rents_for_one_city(capsys):
    code, out, _ = run(capsys, "cities", "--rents", "--city", "montreal")
    assert code == 0
    assert "Montréal" in out and "Toronto" not in out
    assert "asking" in out and "average" in out


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", ["take-home", "tables", "cities", "compare"])
def test_help_explains_every_option(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    parser = cli.build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]  # noqa: SLF001
    for action in sub._actions:  # noqa: SLF001
        assert action.help, f"{command}: option {action.option_strings or action.dest} has no help"
        for opt in action.option_strings:
            assert opt in out


def test_top_level_help_and_version(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("take-home", "tables", "cities", "compare"):
        assert command in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and netpay.__version__ in out
