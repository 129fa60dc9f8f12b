"""netpay.plot: what was drawn (lines, labels, values at a point, captions), not pixels."""

from __future__ import annotations

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")  # before pyplot is imported anywhere in this process's tests

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import netpay  # noqa: E402
from netpay import plot  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _line(ax, label):
    (found,) = [ln for ln in ax.lines if ln.get_label() == label]
    return found


def _y_at(line, x):
    xs, ys = (np.asarray(a, dtype=float) for a in line.get_data())
    (i,) = np.flatnonzero(xs == x)
    return ys[i]


# --------------------------------------------------------------------------- marginal_rates


def test_marginal_rates_draws_a_marginal_and_an_average_line_per_province():
    ax = plot.marginal_rates(["ON", "québec"], 2026, incomes=[50_000, 100_000, 140_000])
    assert [ln.get_label() for ln in ax.lines] == ["ON marginal", "ON average", "QC marginal", "QC average"]
    # the dashed average line has its province's colour
    assert _line(ax, "ON average").get_color() == _line(ax, "ON marginal").get_color()
    assert _line(ax, "ON average").get_linestyle() == "--"


def test_marginal_rates_values_are_take_homes():
    ax = plot.marginal_rates("ON", 2026, incomes=[50_000, 140_000])
    expected = netpay.take_home([50_000, 140_000], "ON", 2026)
    assert _y_at(_line(ax, "ON marginal"), 140_000) == pytest.approx(expected["marginal_rate"][1])
    assert _y_at(_line(ax, "ON average"), 140_000) == pytest.approx(expected["average_rate"][1])


def test_marginal_rates_without_average():
    ax = plot.marginal_rates(["BC", "AB"], 2025, incomes=[60_000], average=False)
    assert [ln.get_label() for ln in ax.lines] == ["BC marginal", "AB marginal"]


def test_marginal_rates_axes_are_money_and_percent():
    ax = plot.marginal_rates("AB", 2026, incomes=[0, 100_000])
    fmt_x = ax.xaxis.get_major_formatter()
    fmt_y = ax.yaxis.get_major_formatter()
    assert fmt_x(140_000, 0) == "$140,000"
    assert fmt_y(0.25, 0) == "25%"
    assert "2026" in ax.get_title()


def test_marginal_rates_caption_names_the_data_edition_and_tables():
    ax = plot.marginal_rates(["ON", "BC"], 2026, incomes=[100_000])
    text = plot.caption_text(ax)
    assert text.startswith("Sources: netpay data edition " + netpay.DATA_EDITION)
    assert "2026 tax tables: federal, payroll, ON, BC" in text
    # exactly one caption, drawn below the Axes (negative offset from the bottom-left corner)
    (cap,) = [t for t in ax.texts if t.get_gid() == plot.CAPTION_GID]
    assert cap.xyann[1] < 0


def test_given_axes_are_used_and_no_figure_is_created():
    fig, ax = plt.subplots()
    before = plt.get_fignums()
    out = plot.marginal_rates("ON", 2026, incomes=[100_000], ax=ax)
    assert out is ax
    assert plt.get_fignums() == before


def test_plotting_leaves_global_style_alone():
    before = dict(matplotlib.rcParams)
    plot.marginal_rates("QC", 2026, incomes=[100_000])
    after = dict(matplotlib.rcParams)
    assert {k: v for k, v in after.items() if before.get(k) != v} == {}


def test_bad_province_is_a_netpay_error():
    with pytest.raises(netpay.NetpayError):
        plot.marginal_rates("Atlantis", 2026, incomes=[1])


def test_missing_matplotlib_names_the_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.startswith("matplotlib"):
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(ImportError, match=r"pip install netpay\[plot\]"):
        plot.marginal_rates("ON", 2026, incomes=[1])


# --------------------------------------------------------------------------- salary_vs_rent

CITIES = ("Toronto", "Vancouver", "Montréal")


def test_salary_vs_rent_draws_net_pay_and_rent_per_city():
    ax = plot.salary_vs_rent(CITIES, salaries=range(60_000, 200_001, 20_000), year=2026, bedrooms=1)
    labels = [ln.get_label() for ln in ax.lines]
    assert labels == [
        "Toronto net pay",
        "Toronto rent",
        "Vancouver net pay",
        "Vancouver rent",
        "Montréal net pay",
        "Montréal rent",
    ]
    # net pay at $140,000 is take_home's monthly net income in the city's province
    expected = netpay.take_home(140_000, "QC", 2026)["monthly_net_income"][0]
    assert _y_at(_line(ax, "Montréal net pay"), 140_000) == pytest.approx(expected)
    # the rent line is flat at the city's rent
    rent = netpay.rent("Vancouver", bedrooms=1, basis="asking").amount
    assert set(np.asarray(_line(ax, "Vancouver rent").get_ydata(), dtype=float)) == {rent}
    assert _line(ax, "Vancouver rent").get_color() == _line(ax, "Vancouver net pay").get_color()


def test_salary_vs_rent_basis_and_bedrooms_change_the_rent_line():
    ax = plot.salary_vs_rent("Montréal", salaries=[100_000], year=2026, bedrooms=2, basis="average")
    rent = netpay.rent("Montréal", bedrooms=2, basis="average")
    assert np.asarray(_line(ax, "Montréal rent").get_ydata(), dtype=float)[0] == rent.amount
    assert "average" in ax.get_title() and "2-bedroom" in ax.get_title()
    assert f"rent (2 bedrooms, average): {rent.source} {rent.period} (Montréal)" in plot.caption_text(ax)


def test_salary_vs_rent_caption_and_axes():
    ax = plot.salary_vs_rent(CITIES, salaries=[100_000], year=2026)
    text = plot.caption_text(ax)
    assert "Statistics Canada Table 46-10-0092-01" in text
    assert "2026Q2" in text
    assert "2026 tax tables: federal, payroll, ON, BC, QC" in text
    assert ax.yaxis.get_major_formatter()(2_000, 0) == "$2,000"
    assert ax.xaxis.get_major_formatter()(100_000, 0) == "$100,000"


def test_salary_vs_rent_other_costs_band():
    with_band = plot.salary_vs_rent("Toronto", salaries=[100_000], year=2026)
    assert len(with_band.patches) == 1  # Toronto has a transit pass figure
    plt.close("all")
    without = plot.salary_vs_rent("Toronto", salaries=[100_000], year=2026, other_costs=False)
    assert len(without.patches) == 0


def test_salary_vs_rent_missing_rent_says_so():
    with pytest.raises(netpay.NetpayError, match="Kelowna"):
        plot.salary_vs_rent("Kelowna", salaries=[100_000], year=2026, bedrooms=0)


# --------------------------------------------------------------------------- breakdown


def _offers():
    return [netpay.Offer(base_salary=140_000, bonus_percent=10, signing_bonus=10_000, city=c) for c in CITIES]


def _segments(ax):
    return {c.get_label(): np.asarray(c.datavalues, dtype=float) for c in ax.containers}


def test_breakdown_segments_add_up_to_cash_paid():
    ax = plot.breakdown(_offers(), year=2026, bedrooms=1)
    seg = _segments(ax)
    assert list(seg) == ["Contributions", "Taxes", "Rent", "Other costs", "Disposable"]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(CITIES)
    results = [netpay.evaluate(o, 2026, bedrooms=1) for o in _offers()]
    total = sum(seg.values())
    assert total == pytest.approx([r.cash_income / 12 for r in results], abs=0.01)
    assert seg["Rent"] == pytest.approx([r.rent for r in results])
    assert seg["Disposable"] == pytest.approx([r.monthly_disposable for r in results])
    assert seg["Taxes"][2] == pytest.approx((results[2].federal_tax + results[2].provincial_tax) / 12)


def test_breakdown_accepts_a_compare_table_and_evaluations():
    table = netpay.compare(_offers(), year=2026, bedrooms=1)
    from_table = _segments(plot.breakdown(table))
    from_results = _segments(plot.breakdown([netpay.evaluate(o, 2026) for o in _offers()]))
    for label in from_table:
        assert from_table[label] == pytest.approx(from_results[label])
    annual = netpay.compare(_offers(), year=2026, bedrooms=1, period="annual")
    assert _segments(plot.breakdown(annual))["Disposable"] == pytest.approx(from_table["Disposable"])


def test_breakdown_of_an_annual_first_year_table_is_per_month_in_canada():
    # Regression: an annual first-year table was divided by 12, not by the months resident, so
    # year one's bars were about 40% too short for an arrival on 1 June.
    kw = {"year": 2026, "bedrooms": 1, "arrival": "2026-06-01", "start": "2026-06-15"}
    monthly = netpay.compare(_offers(), **kw)
    annual = netpay.compare(_offers(), period="annual", **kw)
    ax = plot.breakdown(annual)
    seg = _segments(ax)
    want = _segments(plot.breakdown(monthly))
    for label in want:
        assert seg[label] == pytest.approx(want[label])
    year_one = netpay.evaluate(_offers()[0], **kw).year_one
    assert seg["Disposable"][0] == pytest.approx(year_one.monthly_disposable)
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Toronto\nyear one", "Toronto\nfull year"]
    assert "per month resident in Canada" in plot.caption_text(ax)
    one = netpay.compare(_offers(), period="annual", view="year_one", **kw)
    assert _segments(plot.breakdown(one))["Disposable"] == pytest.approx(want["Disposable"][::2])


def test_breakdown_savings_segment_appears_with_rrsp_contributions():
    offer = netpay.Offer(base_salary=100_000, employee_rrsp=6_000, city="Calgary")
    seg = _segments(plot.breakdown([offer], year=2026))
    assert seg["Savings"] == pytest.approx([500.0])


def test_breakdown_caption_and_labels():
    ax = plot.breakdown(_offers(), year=2026, bedrooms=1)
    text = plot.caption_text(ax)
    assert "rent (1 bedroom, asking): Statistics Canada Table 46-10-0092-01" in text
    assert "(Toronto, Vancouver, Montréal)" in text
    assert "2026 tax tables" in text
    assert "2026" in ax.get_title()
    notes = [t.get_text() for t in ax.texts if t.get_gid() != plot.CAPTION_GID]
    assert len(notes) == 3 and all(n.startswith("gross $") for n in notes)


def test_breakdown_rejects_other_things():
    with pytest.raises(TypeError, match="netpay.Offer"):
        plot.breakdown([1, 2, 3])


def test_importing_netpay_plot_does_not_import_matplotlib():
    import subprocess
    import sys

    code = "import sys, netpay, netpay.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_demo_writes_the_comparison_chart(tmp_path):
    from netpay import demo

    path = demo.write_comparison_chart(demo.offer_table(), str(tmp_path / "out" / "comparison.png"))
    assert path is not None
    assert (tmp_path / "out" / "comparison.png").read_bytes()[:4] == b"\x89PNG"
