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


# --------------------------------------------------------------------------- compare

COMPARE = (
    "compare",
    "--salary",
    "140000",
    "--bonus",
    "10%",
    "--city",
    "Toronto",
    "--city",
    "Vancouver",
    "--city",
    "Montréal",
    "--year",
    "2026",
    "--bedrooms",
    "1",
)


def _offers(**extra):
    return [
        netpay.Offer(base_salary=140_000, bonus_percent=10, city=c, **extra)
        for c in ("Toronto", "Vancouver", "Montréal")
    ]


def test_compare_prints_disposable_income_per_city(capsys):
    code, out, err = run(capsys, *COMPARE)
    assert code == 0, err
    header = out.splitlines()[2]
    assert header.split() == ["Toronto", "Vancouver", "Montréal"]
    results = [netpay.evaluate(o, 2026, bedrooms=1) for o in _offers()]
    line = next(ln for ln in out.splitlines() if ln.startswith("Disposable income"))
    assert line.split()[2:] == [f"${r.monthly_disposable:,.0f}" for r in results]
    assert "Statistics Canada Table 46-10-0092-01" in out
    assert "Signing bonus" not in out  # zero for every offer: left out


def test_compare_options_reach_the_offer(capsys, tmp_path):
    target = tmp_path / "cmp.csv"
    code, out, err = run(
        capsys,
        *COMPARE,
        "--signing",
        "10,000",
        "--relocation",
        "15k",
        "--basis",
        "average",
        "--csv",
        str(target),
    )
    assert code == 0, err
    import pandas as pd

    frame = pd.read_csv(target, index_col=0)
    expected = netpay.compare(_offers(signing_bonus=10_000, relocation_bonus=15_000), 2026, 1, "average")
    assert frame.loc["disposable"].to_numpy() == pytest.approx(expected.loc["disposable"].to_numpy())
    assert "Signing bonus" in out and "average rents" in out


def test_compare_a_missing_other_cost_is_na_not_zero(capsys):
    # Regression: Saskatoon has no transit pass figure; the comparison showed "$0" for it, as if
    # transit were free there. It is n/a, and the output says it is not counted.
    code, out, err = run(capsys, "compare", "--salary", "100k", "--city", "Saskatoon", "--city", "Regina")
    assert code == 0, err
    (row,) = [line for line in out.splitlines() if line.strip().startswith("transit pass")]
    assert row.split()[2:] == ["n/a", "$88"]
    assert "no figure for (n/a, not counted): Saskatoon: transit pass." in out


@pytest.mark.parametrize("option", ["--bonus", "--rrsp-match"])
def test_compare_a_bare_small_number_is_not_taken_as_dollars(capsys, option):
    # Regression: --bonus 10 meant a $10 bonus, silently; it is almost surely 10%.
    code, out, err = run(capsys, "compare", "--salary", "140k", "--city", "Toronto", option, "10")
    assert_one_line_error(code, out, err)
    assert "write 10% for a percentage" in err
    code, out, err = run(capsys, "compare", "--salary", "140k", "--city", "Toronto", option, "10%")
    assert code == 0, err


def test_compare_bonus_as_an_amount(capsys, tmp_path):
    target = tmp_path / "cmp.csv"
    code, _, _ = run(
        capsys, "compare", "-s", "100k", "--bonus", "5000", "-c", "Calgary", "--csv", str(target)
    )
    assert code == 0
    import pandas as pd

    assert pd.read_csv(target, index_col=0).loc["bonus", "Calgary"] == pytest.approx(5_000 / 12)


def test_compare_plot_writes_a_png(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    target = tmp_path / "sub" / "comparison.png"
    code, out, err = run(capsys, *COMPARE, "--plot", str(target))
    assert code == 0, err
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"Wrote {target}" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("compare", "--salary", "140000"),  # no city
        ("compare", "--city", "Toronto"),  # no salary
        ("compare", "--salary", "lots", "--city", "Toronto"),
        ("compare", "--salary", "140000", "--city", "Gotham"),
        ("compare", "--salary", "140000", "--city", "Toronto", "--bedrooms", "5"),
        ("compare", "--salary", "140000", "--city", "Toronto", "--basis", "median"),
        ("compare", "--salary", "140000", "--city", "Toronto", "--bonus", "ten%"),
        ("compare", "--salary", "140000", "--city", "Kelowna", "--bedrooms", "0"),  # no such rent figure
        ("compare", "--salary", "140000", "--city", "Toronto", "--year", "2031"),
    ],
)
def test_compare_bad_input(capsys, argv):
    assert_one_line_error(*run(capsys, *argv))
