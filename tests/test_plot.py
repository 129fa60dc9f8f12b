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
