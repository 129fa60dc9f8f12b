"""netpay.plot: what was drawn (lines, labels, values at a point, captions), not pixels."""

from __future__ import annotations

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")  # before pyplot is imported anywhere in this process's tests

import datetime as dt  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

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


# --------------------------------------------------------------------------- layout: nothing collides


def _drawn(ax):
    """Draw ``ax``'s figure with Agg and return its renderer, so text extents are final."""
    ax.figure.canvas.draw()
    return ax.figure.canvas.get_renderer()


def _boxes(texts, renderer):
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text()]


def _pairs_overlapping(boxes):
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j and a.overlaps(b)]


LABELLED = (
    (140_000, "Toronto", "Bank (Toronto)"),
    (135_000, "Vancouver", "Startup (Vancouver)"),
    (125_000, "Montréal", "Scale-up (Montréal)"),
)


def _labelled_first_year_table():
    # ux_newcomer.md B1: three labelled offers, arriving 1 July 2026, starting 15 July
    offers = [netpay.Offer(base_salary=s, city=c, label=label) for s, c, label in LABELLED]
    return netpay.compare(offers, 2026, arrival=dt.date(2026, 7, 1), start=dt.date(2026, 7, 15))


def test_first_year_breakdown_tick_labels_are_short_lines_that_do_not_collide():
    ax = plot.breakdown(_labelled_first_year_table())
    labels = [t.get_text() for t in ax.get_xticklabels()]
    # the offer's name wrapped above its part: "Bank (Toronto)" -> "Bank" / "(Toronto)" / "year one"
    assert labels[0] == "Bank\n(Toronto)\nyear one"
    assert labels[3] == "Startup\n(Vancouver)\nfull year"
    assert all(len(line) <= 12 for label in labels for line in label.split("\n"))
    renderer = _drawn(ax)
    ticks = _boxes(ax.get_xticklabels(), renderer)
    assert len(ticks) == 6
    assert _pairs_overlapping(ticks) == []
    # nor do the "gross $… left $…" notes above the bars, nor the caption and the tick labels
    notes = _boxes([t for t in ax.texts if t.get_gid() != plot.CAPTION_GID], renderer)
    assert len(notes) == 6 and _pairs_overlapping(notes) == []
    (cap,) = _boxes([t for t in ax.texts if t.get_gid() == plot.CAPTION_GID], renderer)
    assert all(cap.y1 < t.y0 for t in ticks)  # the caption hangs below the lowest tick label


def test_first_year_breakdown_on_a_small_axes_still_does_not_collide():
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    plot.breakdown(_labelled_first_year_table(), ax=ax)
    renderer = _drawn(ax)
    assert _pairs_overlapping(_boxes(ax.get_xticklabels(), renderer)) == []
    notes = _boxes([t for t in ax.texts if t.get_gid() != plot.CAPTION_GID], renderer)
    assert _pairs_overlapping(notes) == []


def test_first_year_breakdown_sets_offers_apart_and_says_so_in_the_title():
    ax = plot.breakdown(_labelled_first_year_table())
    x = list(ax.get_xticks())
    # year one and full year of an offer one apart; half a bar more between offers
    assert x == [0.0, 1.0, 2.5, 3.5, 5.0, 6.0]
    assert ax.get_title() == "Where the money goes each month: year one in Canada and a full year, 2026"


def test_breakdown_legend_is_outside_the_bars():
    ax = plot.breakdown(_labelled_first_year_table())
    renderer = _drawn(ax)
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.x0 > ax.get_window_extent(renderer).x1


# --------------------------------------------------------------------------- breakdown refuses other frames


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param(lambda: netpay.take_home([50_000, 100_000]), id="take_home"),
        pytest.param(lambda: pd.DataFrame({"a": [1, 2]}), id="any frame"),
    ],
)
def test_breakdown_refuses_a_frame_that_is_not_a_comparison(frame):
    with pytest.raises(TypeError, match=r"pass the result of netpay\.compare\(\.\.\.\)") as err:
        plot.breakdown(frame())
    assert "'sources'" in str(err.value)
    assert plt.get_fignums() == []  # refused before any figure is made


def test_breakdown_refuses_a_comparison_missing_rows():
    table = netpay.compare(_offers(), year=2026, bedrooms=1)
    with pytest.raises(ValueError, match="pass the whole table"):
        plot.breakdown(table.loc[["rent", "disposable"]])


def test_breakdown_of_some_columns_cites_only_their_sources():
    table = netpay.compare(_offers(), year=2026, bedrooms=1)
    text = plot.caption_text(plot.breakdown(table[["Vancouver"]]))
    assert "2026 tax tables: federal, payroll, BC (" in text
    assert "(Vancouver)" in text and "Toronto" not in text


@pytest.mark.parametrize("thing", [None, 5, "Toronto"])
def test_breakdown_refuses_non_offers_with_the_expected_inputs(thing):
    with pytest.raises(TypeError, match=r"netpay\.Offer .*netpay\.compare"):
        plot.breakdown(thing)


def test_breakdown_refuses_results_of_different_years():
    o = _offers()[0]
    with pytest.raises(ValueError, match=r"one year at a time.*\[2025, 2026\]"):
        plot.breakdown([netpay.evaluate(o, 2026), netpay.evaluate(o, 2025)])


def test_a_bad_axes_is_named():
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plot.breakdown(_offers(), ax="x", year=2026)


# --------------------------------------------------------------------------- inputs: names, amounts, year


@pytest.mark.parametrize("provinces", [None, 5])
def test_marginal_rates_names_a_bad_provinces_argument(provinces):
    with pytest.raises(TypeError, match="provinces must be a name such as 'ON'"):
        plot.marginal_rates(provinces, 2026)


def test_empty_provinces_and_cities_are_refused():
    with pytest.raises(ValueError, match="provinces is empty"):
        plot.marginal_rates([], 2026)
    with pytest.raises(ValueError, match="cities is empty"):
        plot.salary_vs_rent([], year=2026)


@pytest.mark.parametrize("bad", ["abc", [-1.0], [float("nan")], [float("inf")], [1e15], [[1.0, 2.0]]])
def test_plot_amounts_are_validated_as_take_home_validates_them(bad):
    # the same InvalidIncomeError take_home raises, naming the plot's own parameter
    with pytest.raises(netpay.InvalidIncomeError, match="^incomes "):
        plot.marginal_rates("ON", 2026, incomes=bad)
    with pytest.raises(netpay.InvalidIncomeError, match="^salaries "):
        plot.salary_vs_rent("Toronto", salaries=bad, year=2026)
    assert plt.get_fignums() == []


def test_empty_amounts_are_refused():
    with pytest.raises(ValueError, match="incomes is empty"):
        plot.marginal_rates("ON", 2026, incomes=[])


def test_a_single_salary_is_an_amount():
    ax = plot.salary_vs_rent("Toronto", salaries=100_000, year=2026)
    assert list(_line(ax, "Toronto net pay").get_xdata()) == [100_000.0]


def test_year_none_is_the_latest_year_in_every_plot():
    latest = netpay.tables.years()[-1]
    assert str(latest) in plot.marginal_rates("ON", incomes=[100_000]).get_title()
    assert str(latest) in plot.salary_vs_rent("Toronto", salaries=[100_000]).get_title()
    assert str(latest) in plot.breakdown(_offers()).get_title()
    assert f"{latest} tax tables" in plot.caption_text(plot.marginal_rates("ON", None, incomes=[1]))


# --------------------------------------------------------------------------- pay_cheques


def _cash_flow(total: float):
    """Three hand-made pay cheques of $5,000 (net 3,500 + CPP 300 + CPP2 0 + EI 80 + tax 1,120) and a
    settlement of ``total``, with the attrs monthly_cash_flow sets."""
    n = 3
    frame = pd.DataFrame(
        {
            "pay_date": [dt.date(2026, m, 28) for m in (10, 11, 12)],
            "net_pay": [3_500.0] * n,
            "other_withholdings": [0.0] * n,
            "cpp": [300.0] * n,
            "cpp2": [0.0] * n,
            "ei": [80.0] * n,
            "qpip": [0.0] * n,
            "income_tax": [1_120.0] * n,
        }
    )
    frame.attrs.update(
        settlement={"total": total},
        settled_in="spring 2027",
        year=2026,
        province="ON",
        arrival=dt.date(2026, 10, 1),
        label="Toronto",
    )
    return frame


def _settlement_note(ax):
    (bar,) = [c for c in ax.containers if c.get_label().startswith(("refund", "balance owing"))]
    notes = [t for t in ax.texts if t.get_gid() != plot.CAPTION_GID]
    return bar, [t.get_text() for t in notes]


def test_pay_cheques_label_the_refund_in_dollars():
    ax = plot.pay_cheques(_cash_flow(4_458.49))
    bar, notes = _settlement_note(ax)
    assert bar.get_label() == "refund on the return (spring 2027)"
    assert notes == ["$4,458\nrefund"]
    # three pays of four parts (no RRSP/pension withheld), each adding up to $5,000, then the return
    assert len(ax.patches) == 4 * 3 + 1
    tops = np.sum([np.asarray(c.datavalues) for c in ax.containers if c is not bar], axis=0)
    assert list(tops) == [5_000.0] * 3
    assert [t.get_text() for t in ax.get_xticklabels()] == ["28\nOct", "28\nNov", "28\nDec", "\nreturn"]


def test_pay_cheques_label_a_balance_owing():
    bar, notes = _settlement_note(plot.pay_cheques(_cash_flow(-1_152.23)))
    assert bar.get_label() == "balance owing on the return (spring 2027)"
    assert notes == ["$1,152\nowing"]


def test_pay_cheques_legend_covers_no_bar():
    ax = plot.pay_cheques(_cash_flow(4_458.49))
    renderer = _drawn(ax)
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.x0 > ax.get_window_extent(renderer).x1
    # nor does the refund's label run into the pays or the top of the Axes
    (note,) = _boxes([t for t in ax.texts if t.get_gid() != plot.CAPTION_GID], renderer)
    assert note.y1 < ax.get_window_extent(renderer).y1
    pays = [p.get_window_extent(renderer) for c in ax.containers[:-1] for p in c]
    assert not any(note.overlaps(p) for p in pays)


def test_pay_cheques_caption_cites_the_tables():
    text = plot.caption_text(plot.pay_cheques(_cash_flow(100.0)))
    assert text.startswith("Sources: netpay data edition " + netpay.DATA_EDITION)
    assert "2026 tax tables: federal, payroll, ON (" in text
    assert "T4127" in text and "resident from 1 October 2026" in text


def test_plot_monthly_cash_flow_is_pay_cheques():
    from netpay import first_year

    flow = first_year.monthly_cash_flow(
        netpay.Offer(base_salary=140_000, city="Toronto"), 2026, dt.date(2026, 7, 15), dt.date(2026, 7, 1), 26
    )
    a = _segments(first_year.plot_monthly_cash_flow(flow))
    b = _segments(plot.pay_cheques(flow))
    assert list(a) == list(b)
    for label in a:
        assert a[label] == pytest.approx(b[label])
    _bar, notes = _settlement_note(plot.pay_cheques(flow))
    total = flow.attrs["settlement"]["total"]
    assert notes == [f"${abs(total):,.0f}\n{'refund' if total >= 0 else 'owing'}"]


@pytest.mark.parametrize("periods", [12, 26, 52])
def test_pay_cheques_date_labels_do_not_collide(periods):
    flow = netpay.first_year.monthly_cash_flow(
        netpay.Offer(base_salary=90_000, city="Calgary"), 2026, dt.date(2026, 1, 1), pay_periods=periods
    )
    ax = plot.pay_cheques(flow)
    renderer = _drawn(ax)
    ticks = _boxes(ax.get_xticklabels(), renderer)
    assert len(ticks) == len(flow) + 1
    assert _pairs_overlapping(ticks) == []
    (cap,) = _boxes([t for t in ax.texts if t.get_gid() == plot.CAPTION_GID], renderer)
    assert all(cap.y1 < t.y0 for t in ticks)


@pytest.mark.parametrize(
    "thing, match",
    [
        (None, "DataFrame of pay cheques"),
        (lambda: netpay.take_home(100_000), "needs the columns pay_date"),
    ],
)
def test_pay_cheques_refuse_what_is_not_a_cash_flow(thing, match):
    with pytest.raises(TypeError, match=match) as err:
        plot.pay_cheques(thing() if callable(thing) else thing)
    assert r"monthly_cash_flow(...)" in str(err.value)


def test_pay_cheques_refuse_a_cash_flow_without_its_attrs():
    flow = _cash_flow(1.0)
    flow.attrs.clear()
    with pytest.raises(TypeError, match="needs attrs 'settlement', 'year', 'province'"):
        plot.pay_cheques(flow)


def test_pay_cheques_validate_amounts():
    flow = _cash_flow(1.0)
    flow.loc[1, "income_tax"] = float("nan")
    with pytest.raises(netpay.InvalidIncomeError, match=r"df\['income_tax'\]"):
        plot.pay_cheques(flow)


def test_breakdown_refuses_a_year_that_is_not_the_tables():
    table = netpay.compare(_offers(), year=2026, bedrooms=1)
    with pytest.raises(ValueError, match="year=2025 does not apply: this netpay.compare table is for 2026"):
        plot.breakdown(table, year=2025)
    with pytest.raises(ValueError, match="year=2025 does not apply"):
        plot.breakdown([netpay.evaluate(o, 2026) for o in _offers()], year=2025)
    assert _segments(plot.breakdown(table, year=2026))  # the table's own year is fine


def test_breakdown_notes_on_a_narrow_axes_go_to_four_short_lines():
    # narrow, and tall enough for the caption, which now names each figure's status (issue 10):
    # ten lines for three provinces with unverified rents and BC's budget measure
    fig, ax = plt.subplots(figsize=(5.5, 5.0), layout="constrained")
    plot.breakdown(_labelled_first_year_table(), ax=ax)
    notes = [t.get_text() for t in ax.texts if t.get_gid() != plot.CAPTION_GID]
    # Bank (Toronto), year one: cash paid 10,701 a month resident, 5,840 left (as drawn at full width)
    assert notes[0] == "gross\n$10,701\nleft\n$5,840"
    renderer = _drawn(ax)
    boxes = _boxes([t for t in ax.texts if t.get_gid() != plot.CAPTION_GID], renderer)
    inside = ax.get_window_extent(renderer)
    assert all(b.y1 <= inside.y1 for b in boxes)  # under the title, inside the Axes
    assert _pairs_overlapping(boxes) == []


@pytest.mark.parametrize(
    "draw",
    [
        lambda: plot.marginal_rates("ON", 2026, incomes=[100_000]),
        lambda: plot.salary_vs_rent("Toronto", salaries=[100_000], year=2026),
        lambda: plot.breakdown(_offers(), year=2026),
        lambda: plot.pay_cheques(
            netpay.first_year.monthly_cash_flow(
                netpay.Offer(base_salary=100_000, city="Toronto"), 2026, dt.date(2026, 9, 1)
            )
        ),
    ],
    ids=["marginal_rates", "salary_vs_rent", "breakdown", "pay_cheques"],
)
def test_every_chart_cites_its_sources(draw):
    text = plot.caption_text(draw())
    assert text.startswith(f"Sources: netpay data edition {netpay.DATA_EDITION}; 2026 tax tables: federal, payroll, ")
    assert "data/tax_tables/2026/" in text


def test_breakdown_notes_too_wide_for_any_bar_are_left_out():
    fig, ax = plt.subplots(figsize=(4.5, 3.5), layout="constrained")
    plot.breakdown(_labelled_first_year_table(), ax=ax)
    assert [t for t in ax.texts if t.get_gid() != plot.CAPTION_GID] == []
    assert plot.caption_text(ax).startswith("Sources:")


def test_horizon_caption_names_projected_years_as_projected():
    # 2026 is shipped (data/tax_tables/2026/); 2027 and 2028 have no folder: they are projected
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = netpay.compare([netpay.Offer(base_salary=100_000, city="Toronto")], 2026, horizon=3)
    text = plot.caption_text(netpay.plot.horizon(table))
    assert "Tax tables: data/tax_tables/2026/; 2027-2028 projected from the latest shipped year" in text
    assert "data/tax_tables/2028/" not in text
