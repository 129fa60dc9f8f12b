"""Charts for notebooks and reports: salary against rent, where an offer's money goes, tax rates.

matplotlib is an optional dependency (``pip install netpay[plot]``), imported inside each function.
Every function takes ``ax=None`` (a new figure is created only then), draws on the Axes, writes the
sources of what it drew in a caption below the Axes and returns the Axes. None calls ``plt.show()``
or touches matplotlib's global style.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from netpay.tables import DATA_EDITION

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

#: The ``gid`` of the caption text, so callers and tests can find it among the Axes' texts.
CAPTION_GID = "netpay-caption"

#: Default incomes for rate and salary sweeps.
DEFAULT_INCOMES = np.arange(0, 300_001, 250, dtype=np.float64)
DEFAULT_SALARIES = np.arange(40_000, 250_001, 2_500, dtype=np.float64)


def _pyplot() -> Any:
    """matplotlib.pyplot, or an ImportError that says how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - exercised only without matplotlib
        raise ImportError(
            "netpay.plot needs matplotlib, an optional dependency: pip install netpay[plot]"
        ) from exc
    return plt


def _axes(ax: Axes | None, figsize: tuple[float, float] = (8.0, 5.0)) -> Axes:
    plt = _pyplot()
    if ax is not None:
        return ax
    fig, new_ax = plt.subplots(figsize=figsize, layout="constrained")
    return new_ax


def _dollars(ax_axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    ax_axis.set_major_formatter(FuncFormatter(lambda v, _pos: f"-${-v:,.0f}" if v < 0 else f"${v:,.0f}"))


def _percent(ax_axis: Any) -> None:
    from matplotlib.ticker import PercentFormatter

    ax_axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def caption(ax: Axes, text: str) -> Any:
    """Write ``text`` as a small footnote below ``ax`` (replacing an earlier netpay caption)."""
    for old in [t for t in ax.texts if t.get_gid() == CAPTION_GID]:
        old.remove()
    # Wrap to the Axes' width so a long list of sources neither runs off the figure nor, under a
    # constrained layout, squeezes the Axes: about 17 characters of x-small text per inch.
    width_in = ax.get_position().width * ax.figure.get_figwidth()
    chars = max(40, int(width_in * 17))
    wrapped = "\n".join(textwrap.fill(par, chars) for par in text.split("\n"))
    return ax.annotate(
        wrapped,
        xy=(0.0, 0.0),
        xycoords="axes fraction",
        xytext=(0, -36),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize="x-small",
        color="0.35",
        annotation_clip=False,
        gid=CAPTION_GID,
    )


def caption_text(ax: Axes) -> str:
    """The caption netpay wrote below ``ax``, unwrapped ('' if none)."""
    return " ".join(t.get_text().replace("\n", " ") for t in ax.texts if t.get_gid() == CAPTION_GID)


def _tax_source_line(year: int, codes: Iterable[str]) -> str:
    return (
        f"Sources: netpay data edition {DATA_EDITION}; {year} tax tables: federal, payroll, "
        f"{', '.join(codes)} (each figure cited in data/tax_tables/{year}/; run `netpay tables`)."
    )


def _as_list(values: str | Iterable[Any]) -> list[Any]:
    return [values] if isinstance(values, str) else list(values)


# --------------------------------------------------------------------------- marginal rates


def marginal_rates(
    provinces: str | Iterable[str],
    year: int,
    incomes: Sequence[float] | np.ndarray | None = None,
    ax: Axes | None = None,
    *,
    average: bool = True,
) -> Axes:
    """Marginal (solid) and average (dashed) rates of tax and contributions by employment income.

    One solid line per province (``"<code> marginal"``) and, with ``average=True``, one dashed line
    of the same colour (``"<code> average"``). Rates count CPP/QPP, EI, QPIP, federal and
    provincial tax, as ``netpay.take_home`` does; the marginal rate is on the next dollar.
    """
    from netpay.engine import take_home
    from netpay.jurisdictions import normalize

    ax = _axes(ax)
    x = np.asarray(DEFAULT_INCOMES if incomes is None else incomes, dtype=np.float64)
    codes = [normalize(p) for p in _as_list(provinces)]
    for code in codes:
        frame = take_home(x, code, year)
        (line,) = ax.plot(x, frame["marginal_rate"].to_numpy(), label=f"{code} marginal", linewidth=1.4)
        if average:
            ax.plot(
                x,
                frame["average_rate"].to_numpy(),
                label=f"{code} average",
                linestyle="--",
                linewidth=1.2,
                color=line.get_color(),
            )
    _dollars(ax.xaxis)
    _percent(ax.yaxis)
    ax.set_xlabel("Employment income (per year)")
    ax.set_ylabel("Rate of tax and contributions")
    ax.set_title(f"Marginal and average rates, {year}")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small", ncols=2 if len(codes) > 1 else 1, loc="lower right")
    caption(ax, _tax_source_line(year, codes))
    return ax
