"""The ``netpay`` command: main([...]) output and exit codes; bad input is one line, exit 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
    code, out, err = run(capsys, "take-home", "60k", "140,000", "-p", "ontario", "-y", "2026", "--csv", str(target))
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


@pytest.mark.parametrize("command", ["take-home", "tables", "cities", "compare", "cash-flow"])
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
    for command in ("take-home", "tables", "cities", "compare", "cash-flow"):
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
    code, _, _ = run(capsys, "compare", "-s", "100k", "--bonus", "5000", "-c", "Calgary", "--csv", str(target))
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
        ("compare", "--salary", "140000", "--city", "Toronto", "--year", "2041"),
    ],
)
def test_compare_bad_input(capsys, argv):
    assert_one_line_error(*run(capsys, *argv))


# --------------------------------------------------------------------------- the first year in Canada

#: The documented scenario (docs/first-year.md): arrive 1 June 2026, start 15 June, $140,000 base,
#: $15,000 relocation, $10,000 signing.
ARRIVAL, START = dt.date(2026, 6, 1), dt.date(2026, 6, 15)
CITIES = ("Toronto", "Vancouver", "Montréal")
FIRST_YEAR = (
    "compare",
    "--salary",
    "140000",
    "--relocation",
    "15000",
    "--signing",
    "10000",
    *[a for c in CITIES for a in ("--city", c)],
    "--year",
    "2026",
    "--arrival",
    "2026-06-01",
    "--start",
    "2026-06-15",
)


def _first_year_offers(**extra):
    return [
        netpay.Offer(base_salary=140_000, relocation_bonus=15_000, signing_bonus=10_000, city=c, **extra)
        for c in CITIES
    ]


def _whole(value):
    """A dollar amount as the tables print it: $1,234 or -$1,234."""
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def _cents(value):
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def _row(out, label):
    """The values of the table row starting with ``label`` (the label's words removed)."""
    line = next(ln for ln in out.splitlines() if ln.startswith(label))
    return line[len(label) :].split()


def test_parse_date():
    assert cli.parse_date("2026-06-01") == ARRIVAL
    for text in ("2026-13-01", "2026-02-30"):
        with pytest.raises(Exception, match="no such date"):
            cli.parse_date(text)
    for text in ("1/6/2026", "20260601", "2026-W23-1"):  # fromisoformat takes the last two, the CLI does not
        with pytest.raises(Exception, match="write YYYY-MM-DD"):
            cli.parse_date(text)


def test_compare_first_year_prints_year_one_next_to_the_full_year(capsys):
    code, out, err = run(capsys, *FIRST_YEAR)
    assert code == 0, err
    expected = netpay.compare(_first_year_offers(), 2026, arrival=ARRIVAL, start=START)
    lines = out.splitlines()
    header = next(i for i, ln in enumerate(lines) if ln.split() == list(CITIES))
    assert lines[header + 1].split() == ["year", "one", "full", "year"] * 3
    for key, label in [
        ("base_salary", "Base salary"),
        ("signing_bonus", "Signing bonus (one-time)"),
        ("relocation_bonus", "Relocation bonus (one-time)"),
        ("cash_income", "Cash paid"),
        ("cpp", "CPP/QPP + CPP2/QPP2"),  # the one label of lines.py (take_home says the same)
        ("federal_tax", "Federal tax"),
        ("provincial_tax", "Provincial tax"),
        ("net_cash", "Net cash"),
        ("rent", "Rent"),
        ("disposable", "Disposable income"),
    ]:
        shown = [_whole(v) for v in expected.loc[key]]
        assert _row(out, label) == shown, key
    # year one is per month in Canada: the one-time payments lift it above the full year
    toronto = expected["Toronto"]
    assert toronto.loc["disposable", "year one"] > toronto.loc["disposable", "full year"]
    assert 'In year one "per month" means per month resident in Canada (214 of 365 days = 7.04 months)' in out
    assert "Full year:" in out
    for name in CITIES:
        facts = expected.attrs["first_year"][name]
        total = facts["settlement"]["total"]
        assert total > 0
        assert f"  {name}: 214 days resident (7.04 months); refund of {_whole(total)} in spring 2027" in out
    # the figure docs/first-year.md gives for Toronto. It was $4,457.69 when the $25,000 of bonuses was
    # withheld on the partial June pay annualized (74,666.64 a year); withheld by the bonus method on a
    # full period's pay (140,000.04 a year) it is 3,759.17 more: [t(165,000.04) - t(140,000.04)] -
    # [t(99,666.64) - t(74,666.64)] = 11,068.82 - 7,309.65 (t: take_home's federal + Ontario tax).
    assert "refund of $8,217 in spring 2027" in out


def test_compare_first_year_views_and_options_reach_compare(capsys, tmp_path):
    target = tmp_path / "year-one.csv"
    code, out, err = run(
        capsys,
        *FIRST_YEAR,
        "--bonus",
        "10%",
        "--view",
        "year-one",
        "--pay-periods",
        "26",
        "--first-year-bonus",
        "prorated",
        "--rrsp-match",
        "5%",
        "--rrsp-room",
        "2,000",
        "--csv",
        str(target),
    )
    assert code == 0, err
    offers = _first_year_offers(bonus_percent=10, employer_rrsp_match=7_000)
    expected = netpay.compare(
        offers,
        2026,
        arrival=ARRIVAL,
        start=START,
        view="year_one",
        pay_periods=26,
        first_year_bonus="prorated",
        rrsp_room=2_000,
    )
    import pandas as pd

    frame = pd.read_csv(target, index_col=0)
    assert list(frame.columns) == list(CITIES)
    for key in ("bonus", "net_cash", "disposable"):
        assert frame.loc[key].to_numpy() == pytest.approx(expected.loc[key].to_numpy())
    assert _row(out, "Net cash") == [_whole(v) for v in expected.loc["net_cash"]]
    assert expected.loc["bonus", "Toronto"] > 0  # prorated: paid in year one
    assert "paid biweekly" in out and "prorated" in out
    assert "Full year:" not in out
    assert "RRSP contributions not deductible in year one" in out


def test_compare_first_year_full_year_view_and_plot(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    target = tmp_path / "fy.png"
    code, out, err = run(capsys, *FIRST_YEAR, "--view", "full_year", "--plot", str(target))
    assert code == 0, err
    expected = netpay.compare(_first_year_offers(), 2026, arrival=ARRIVAL, start=START, view="full_year")
    assert _row(out, "Disposable income") == [_whole(v) for v in expected.loc["disposable"]]
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_year_defaults_to_the_arrival_year(capsys):
    code, out, err = run(capsys, "compare", "-s", "100k", "-c", "Calgary", "--arrival", "2025-09-01")
    assert code == 0, err
    assert "Calgary" in out and ", 2025, dollars per month" in out


CASH_FLOW = (
    "cash-flow",
    "--salary",
    "140000",
    "--city",
    "Toronto",
    "--year",
    "2026",
    "--start",
    "2026-06-15",
    "--arrival",
    "2026-06-01",
    "--signing",
    "10000",
    "--relocation",
    "15000",
)


def _money_cells(line):
    return [float(v.replace("$", "").replace(",", "")) for v in line.split() if v.startswith(("$", "-$"))]


def test_cash_flow_rows_sum_to_the_year_one_salary(capsys, tmp_path):
    target = tmp_path / "flow.csv"
    code, out, err = run(capsys, *CASH_FLOW, "--csv", str(target))
    assert code == 0, err
    lines = out.splitlines()
    header = next(ln for ln in lines if ln.split()[:2] == ["salary", "one-time"])
    columns = header.replace("income tax", "income_tax").replace("net pay", "net_pay").split()
    assert columns == ["salary", "one-time", "gross", "CPP", "CPP2", "EI", "QPIP", "income_tax", "net_pay"]
    rows = [ln for ln in lines if ln[:10].count("-") == 2 and ln[:4] == "2026"]
    month_ends = [(6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31)]
    assert [r.split()[0] for r in rows] == [f"2026-{m:02d}-{d}" for m, d in month_ends]
    cells = [_money_cells(r) for r in rows]
    total = _money_cells(next(ln for ln in lines if ln.startswith("total")))
    sums = [round(sum(c[i] for c in cells), 2) for i in range(len(columns))]
    assert sums == pytest.approx(total, abs=0.005)
    fye = netpay.evaluate(_first_year_offers()[0], 2026, arrival=ARRIVAL, start=START)
    salary, gross = sums[0], sums[2]
    assert salary == pytest.approx(fye.year_one.base_salary, abs=0.005) == pytest.approx(76_222.24)
    assert gross == pytest.approx(fye.year_one.cash_income, abs=0.005)
    assert cells[0][1] == 25_000  # the signing and relocation bonuses with the first pay
    from netpay import first_year

    flow = first_year.monthly_cash_flow(_first_year_offers()[0], 2026, START, arrival=ARRIVAL)
    assert [c[-1] for c in cells] == pytest.approx(list(flow["net_pay"]), abs=0.005)
    assert [c[7] for c in cells] == pytest.approx(list(flow["income_tax"]), abs=0.005)
    s = flow.attrs["settlement"]
    assert s == fye.settlement
    assert f"Income tax:  withheld   {_cents(s['tax_withheld'])}, due   {_cents(s['tax_due'])}" in out
    assert f"Total:       refund {_cents(s['total'])}" in out
    assert "spring of 2027" in out
    import pandas as pd

    frame = pd.read_csv(target, index_col=0)
    assert frame["salary"].sum() == pytest.approx(76_222.24)
    assert list(frame.columns) == list(first_year.CASH_FLOW_COLUMNS)


def test_cash_flow_by_month_quebec_bonus_and_plot(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    target = tmp_path / "cashflow.png"
    argv = ("cash-flow", "-s", "140k", "-c", "montreal", "--start", "2026-06-15", "--arrival", "2026-06-01")
    extra = ("--bonus", "10%", "--first-year-bonus", "full", "--pay-periods", "biweekly", "--by", "month")
    code, out, err = run(capsys, *argv, *extra, "--plot", str(target))
    assert code == 0, err
    assert "Montréal (QC), 2026" in out and "paid biweekly" in out
    header = next(ln for ln in out.splitlines() if ln.split()[:2] == ["salary", "one-time"])
    assert "QPP" in header.split() and "QPP2" in header.split() and "QPIP" in header.split()
    rows = [ln for ln in out.splitlines() if ln.endswith(tuple("0123456789")) and ln[:3] in ("Jun", "Jul", "Dec")]
    assert [r.split()[0] for r in rows] == ["Jun", "Jul", "Dec"]
    offer = netpay.Offer(base_salary=140_000, bonus_percent=10, city="Montréal")
    from netpay import first_year

    flow = first_year.monthly_cash_flow(offer, 2026, START, arrival=ARRIVAL, pay_periods=26, bonus="full", by="month")
    december = _money_cells(rows[-1])
    assert december[1] == pytest.approx(14_000)  # the full bonus, with the last pay
    assert december[-1] == pytest.approx(flow["net_pay"].iloc[-1])
    assert "QPIP:" in out
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "argv",
    [
        ("--arrival", "2026-13-01"),  # no such month
        ("--arrival", "2026-02-30"),  # no such day
        ("--arrival", "01/06/2026"),  # not YYYY-MM-DD
        ("--arrival", "2026-06-01", "--start", "2026-05-15"),  # start before arrival
        ("--arrival", "2025-06-01", "--year", "2026"),  # arrival outside the year
        ("--arrival", "2026-06-01", "--start", "2027-01-04", "--year", "2026"),  # start outside the year
        ("--arrival", "2026-06-01", "--view", "half"),
        ("--arrival", "2026-06-01", "--pay-periods", "13"),
        ("--arrival", "2026-06-01", "--first-year-bonus", "sometimes"),
        ("--arrival", "2026-06-01", "--rrsp-room", "lots"),
        ("--arrival", "2041-06-01"),  # no tables for that year (nor projected)
        ("--view", "year-one"),  # a first-year option without --arrival
        ("--pay-periods", "26"),
    ],
)
def test_compare_first_year_bad_input(capsys, argv):
    code, out, err = run(capsys, "compare", "--salary", "140000", "--city", "Toronto", *argv)
    assert_one_line_error(code, out, err)


def test_compare_first_year_errors_name_the_option(capsys):
    _, _, err = run(capsys, "compare", "-s", "1", "-c", "Toronto", "--arrival", "2026-06-01", "--start", "2026-05-15")
    assert "--start 2026-05-15 is before --arrival 2026-06-01" in err
    _, _, err = run(capsys, "compare", "-s", "1", "-c", "Toronto", "--arrival", "2025-06-01", "--year", "2026")
    assert "--arrival 2025-06-01 is not in tax year 2026" in err
    _, _, err = run(capsys, "compare", "-s", "1", "-c", "Toronto", "--rrsp-room", "0")
    assert "--rrsp-room limits the deduction of RRSP contributions: give --rrsp-match too" in err


@pytest.mark.parametrize(
    "argv",
    [
        (),  # no --start
        ("--start", "2026-6-15"),
        ("--start", "2026-06-31"),
        ("--start", "2026-06-15", "--arrival", "2026-07-01"),  # start before arrival
        ("--start", "2026-06-15", "--year", "2025"),  # start outside the year
        ("--start", "2026-06-15", "--arrival", "2025-12-01"),  # arrival outside the year of start
        ("--start", "2026-06-15", "--by", "week"),
        ("--start", "2026-06-15", "--pay-periods", "0"),
        ("--start", "2026-06-15", "--bonus", "10"),  # 10% or $10?
        ("--start", "2041-06-15"),  # no tables (nor projected)
    ],
)
def test_cash_flow_bad_input(capsys, argv):
    code, out, err = run(capsys, "cash-flow", "--salary", "140000", "--city", "Toronto", *argv)
    assert_one_line_error(code, out, err)


def test_cash_flow_unknown_city_and_missing_salary(capsys):
    assert_one_line_error(*run(capsys, "cash-flow", "-s", "1", "-c", "Gotham", "--start", "2026-06-15"))
    assert_one_line_error(*run(capsys, "cash-flow", "-c", "Toronto", "--start", "2026-06-15"))


# --------------------------------------------------------------------------- --plot writes the name it reports


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("chart", "chart.png"),  # matplotlib would write chart.png and the CLI said "Wrote chart"
        ("chart.png", "chart.png"),
        ("chart.SVG", "chart.SVG"),
        ("chart.pdf", "chart.pdf"),
        ("chart.v2", "chart.v2.png"),  # not an image extension
        ("out.txt", "out.txt.png"),
    ],
)
def test_chart_path(name, written):
    from netpay.cli.output import chart_path

    assert chart_path(name, {"png", "svg", "pdf"}) == Path(written)


@pytest.mark.parametrize("command", [COMPARE, CASH_FLOW])
def test_plot_without_an_extension_writes_and_reports_name_png(capsys, tmp_path, command):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    code, out, err = run(capsys, *command, "--plot", str(tmp_path / "chart"))
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"Wrote {tmp_path / 'chart.png'}\n" in out


def test_plot_svg_is_written_under_its_own_name(capsys, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    target = tmp_path / "chart.svg"
    code, out, err = run(capsys, *COMPARE, "--plot", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert f"Wrote {target}\n" in out


# --------------------------------------------------------------------------- options that do not apply are refused


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("compare", "-s", "140k", "-c", "Toronto", "--view", "year-one"), "--view is for the first year in Canada"),
        (("compare", "-s", "140k", "-c", "Toronto", "--pay-periods", "26"), "--pay-periods is for the first year"),
        (
            ("compare", "-s", "140k", "-c", "Toronto", "--bonus", "10%", "--first-year-bonus", "full"),
            "--first-year-bonus is for the first year in Canada: give --arrival",
        ),
        (("compare", "-s", "140k", "-c", "Toronto", "--rrsp-room", "0"), "--rrsp-room limits the deduction"),
        (
            ("compare", "-s", "140k", "-c", "Toronto", "--arrival", "2026-06-01", "--first-year-bonus", "full"),
            "--first-year-bonus says when year one pays the annual bonus: give --bonus too",
        ),
        (
            ("compare", "-s", "140k", "-c", "Toronto", "--arrival", "2026-06-01", "--rrsp-room", "5000"),
            "--rrsp-room limits the deduction of RRSP contributions: give --rrsp-match too",
        ),
        (
            ("cash-flow", "-s", "140k", "-c", "Toronto", "--start", "2026-06-15", "--first-year-bonus", "prorated"),
            "--first-year-bonus says when year one pays the annual bonus: give --bonus too",
        ),
        (
            ("cash-flow", "-s", "140k", "-c", "Toronto", "--start", "2026-06-15", "--rrsp-room", "5000"),
            "--rrsp-room limits the deduction of RRSP contributions: give --rrsp-match too",
        ),
        (
            ("cash-flow", "-s", "140k", "-c", "Toronto", "-c", "Ottawa", "--start", "2026-06-15"),
            "give one --city, the city of the job (not 2",
        ),
        (("cash-flow", "-s", "140k", "-c", "Toronto"), "give --start YYYY-MM-DD"),
        (("cities", "--city", ""), "--city : Unknown city ''"),  # an empty name listed every city
    ],
)
def test_options_that_do_not_apply_are_refused(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert_one_line_error(code, out, err)
    assert message in err


# --------------------------------------------------------------------------- errors name the option


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("take-home", "100000", "--year", "1999"), "netpay take-home: --year 1999: No tax tables for 1999."),
        (("take-home", "1", "-p", "Ontaro"), "netpay take-home: --province Ontaro: Unknown province"),
        (("take-home", "1e15"), "netpay take-home: INCOME: income at position 0 must be below 1,000,000,000,000,000"),
        (("tables", "--sources", "XX"), "netpay tables: --sources XX: Unknown province"),
        (("cities", "--city", "Gotham"), "netpay cities: --city Gotham: Unknown city 'Gotham'."),
        (("compare", "-s", "1", "-c", "Gotham"), "netpay compare: --city Gotham: Unknown city"),
        (
            ("compare", "-s", "1", "-c", "Kelowna", "-b", "0"),
            "netpay compare: --bedrooms 0 --basis asking: No asking rent for bachelor units in Kelowna.",
        ),
        (("compare", "-s", "1", "-c", "Toronto", "--arrival", "2041-06-01"), "--arrival 2041-06-01: No tax tables"),
        # only --start given: the arrival defaults to it, and the error names the option that was given
        (
            ("cash-flow", "-s", "1", "-c", "Toronto", "--start", "2026-06-15", "--year", "2025"),
            "netpay cash-flow: --start 2026-06-15 is not in tax year 2025",
        ),
        (
            ("compare", "-s", "1", "-c", "Toronto", "--arrival", "2026-06-15", "--year", "2025"),
            "netpay compare: --arrival 2026-06-15 is not in tax year 2025",
        ),
    ],
)
def test_errors_name_the_option(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert_one_line_error(code, out, err)
    assert message in err


def test_a_bonus_under_one_percent_is_taken_in_dollars(capsys, tmp_path):
    # Regression: --bonus 0.5% gave a pydantic dump advising "write bonus_percent=50".
    # 0.5% of $140,000 = $700 a year, $58.33 a month.
    target = tmp_path / "cmp.csv"
    code, _, err = run(capsys, "compare", "-s", "140k", "-c", "Toronto", "--bonus", "0.5%", "--csv", str(target))
    assert code == 0, err
    import pandas as pd

    assert pd.read_csv(target, index_col=0).loc["bonus", "Toronto"] == pytest.approx(700 / 12)


def test_compare_columns_are_the_cities_canonical_names(capsys):
    code, out, err = run(capsys, "compare", "-s", "100k", "-c", "montreal", "-c", "TORONTO")
    assert code == 0, err
    assert out.splitlines()[2].split() == ["Montréal", "Toronto"]


def test_cash_flow_takes_the_offer_options_of_compare(capsys, tmp_path):
    # --rrsp-match and --equity are offer options declared once, for both commands.
    target = tmp_path / "flow.csv"
    extra = ("--rrsp-match", "5%", "--equity", "20k", "--rrsp-room", "2000", "--csv", str(target))
    code, out, err = run(capsys, *CASH_FLOW, *extra)
    assert code == 0, err
    from netpay import first_year

    offer = _first_year_offers(employer_rrsp_match=7_000, equity_vesting=20_000)[0]  # 5% of $140,000
    flow = first_year.monthly_cash_flow(offer, 2026, START, arrival=ARRIVAL, rrsp_room=2_000)
    import pandas as pd

    frame = pd.read_csv(target, index_col=0)
    assert list(frame["income_tax"]) == pytest.approx(list(flow["income_tax"]), abs=0.005)
    assert f"Total:       {'refund' if flow.attrs['settlement']['total'] > 0 else 'balance owing'}" in out


def test_options_shared_by_commands_have_one_help_text():
    # compare and cash-flow declared --salary, --city, --year, --signing, --relocation, --bonus, --arrival,
    # --start, --csv and --plot twice, with different help texts.
    commands = cli.build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    helps: dict[str, set[str]] = {}
    for name in ("compare", "cash-flow"):
        for action in commands[name]._actions:  # noqa: SLF001
            for opt in action.option_strings:
                helps.setdefault(opt, set()).add(action.help)
    shared = {
        "--year",
        "--salary",
        "--city",
        "--signing",
        "--relocation",
        "--bonus",
        "--arrival",
        "--start",
        "--csv",
        "--plot",
    }
    for opt in shared | {"--equity", "--rrsp-match", "--pay-periods", "--first-year-bonus", "--rrsp-room"}:
        assert len(helps[opt]) == 1, opt


@pytest.mark.parametrize("option", ["--csv", "--plot"])
def test_a_path_that_cannot_be_written_is_one_line_before_any_output(capsys, tmp_path, option):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    (tmp_path / "file").write_text("not a folder")
    target = tmp_path / "file" / "out.png"
    code, out, err = run(capsys, *COMPARE, option, str(target))
    assert_one_line_error(code, out, err)
    assert f"{option} {target}: cannot write it" in err


def test_rrsp_room_limits_the_full_year_too_and_warnings_are_one_line(capsys):
    # Without --rrsp-room the library deducts up to the year's dollar limit and says so: one line,
    # in the CLI's words. With it (a full year, no --arrival) the note is not needed.
    code, out, err = run(capsys, "compare", "-s", "140k", "-c", "Toronto", "--rrsp-match", "5%")
    assert code == 0 and err.count("\n") == 1
    assert err.startswith("netpay compare: note: RRSP contributions") and "give --rrsp-room to use it" in err
    code, out, err = run(capsys, "compare", "-s", "140k", "-c", "Toronto", "--rrsp-match", "5%", "--rrsp-room", "4000")
    assert code == 0 and err == ""


def test_amounts_in_scientific_notation():
    # 1.4e5 is 140,000 (numbers as a spreadsheet exports them); the ceiling still applies
    assert cli.parse_amount("1.4e5") == 140_000 and cli.parse_amount("9.99e14") == 999_000_000_000_000
