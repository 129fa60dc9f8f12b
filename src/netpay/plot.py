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
DEFAULT_SALARIES = np.arange(30_000, 200_001, 2_500, dtype=np.float64)


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


# --------------------------------------------------------------------------- sources of city figures


def _rent_source_line(rows: Iterable[tuple[str, str, str | None, str, int]]) -> str:
    """'rent (1 bedroom, asking): <source> 2026Q2 (Toronto, Vancouver)' for each distinct source.

    ``rows`` are (city, source, period, basis, bedrooms).
    """
    groups: dict[tuple[str, str | None, str, int], list[str]] = {}
    for city, source, period, basis, bedrooms in rows:
        groups.setdefault((source, period, basis, bedrooms), []).append(city)
    parts = []
    for (source, period, basis, bedrooms), names in groups.items():
        rooms = "bachelor" if bedrooms == 0 else f"{bedrooms} bedroom{'s' if bedrooms > 1 else ''}"
        when = f" {period}" if period else ""
        parts.append(f"rent ({rooms}, {basis}): {source}{when} ({', '.join(dict.fromkeys(names))})")
    return "; ".join(parts)


def _latest_year() -> int:
    from netpay import tables

    return tables.years()[-1]


# --------------------------------------------------------------------------- salary against rent


def salary_vs_rent(
    cities: str | Iterable[str],
    salaries: Sequence[float] | np.ndarray | range | None = None,
    year: int | None = None,
    bedrooms: int = 1,
    basis: str = "asking",
    ax: Axes | None = None,
    *,
    other_costs: bool = True,
) -> Axes:
    """Monthly take-home pay across a range of salaries in each city, against that city's rent.

    For each city: a solid line of monthly net income (``take_home`` in the city's province) over
    ``salaries`` (label ``"<city> net pay"``), and a dashed horizontal line at the city's monthly
    rent for ``bedrooms`` on ``basis`` (label ``"<city> rent"``); with ``other_costs=True`` a light
    band above the rent line shows the city's other monthly costs (transit pass, ...). The gap
    between a city's net-pay line and the top of its band is the monthly disposable income of a
    plain salary. ``year`` defaults to the latest year netpay has tables for.
    """
    from netpay import citydata as cities_mod
    from netpay.engine import take_home

    ax = _axes(ax)
    year = _latest_year() if year is None else year
    x = np.asarray(DEFAULT_SALARIES if salaries is None else list(salaries), dtype=np.float64)
    places = [cities_mod.city(c) for c in _as_list(cities)]
    rent_rows = []
    for place in places:
        monthly = take_home(x, place.province, year)["monthly_net_income"].to_numpy()
        (line,) = ax.plot(x, monthly, label=f"{place.name} net pay", linewidth=1.8)
        r = cities_mod.rent(place.name, bedrooms, basis)
        colour = line.get_color()
        ax.axhline(r.amount, color=colour, linestyle="--", linewidth=1.2, label=f"{place.name} rent")
        if other_costs:
            extra = sum(c.monthly for c in cities_mod.other_costs(place.name).values())
            if extra > 0:
                ax.axhspan(r.amount, r.amount + extra, color=colour, alpha=0.15, linewidth=0)
        rent_rows.append((place.name, r.source, r.period, basis, bedrooms))
    _dollars(ax.xaxis)
    _dollars(ax.yaxis)
    ax.set_xlabel("Salary (per year)")
    ax.set_ylabel("Dollars per month")
    rooms = "bachelor" if bedrooms == 0 else f"{bedrooms}-bedroom"
    ax.set_title(f"Monthly take-home pay against {basis} rent of a {rooms} apartment, {year}")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small", ncols=2 if len(places) > 1 else 1, loc="upper left")
    codes = list(dict.fromkeys(p.province for p in places))
    shaded = " Shaded: other monthly costs (data/costs/other_costs.csv)." if other_costs else ""
    caption(ax, f"{_tax_source_line(year, codes)} {_rent_source_line(rent_rows)}.{shaded}")
    return ax


# --------------------------------------------------------------------------- where the money goes

#: Segments of a breakdown bar, bottom to top: label -> lines of the comparison that make it up.
SEGMENTS: dict[str, tuple[str, ...]] = {
    "Contributions": ("cpp", "ei", "qpip"),
    "Taxes": ("federal_tax", "provincial_tax"),
    "Savings": ("employee_rrsp", "employee_pension"),
    "Rent": ("rent",),
    "Other costs": ("other_costs",),
    "Disposable": ("disposable",),
}

#: Fixed colours, so a segment keeps its colour whichever segments a chart shows.
SEGMENT_COLOURS: dict[str, str] = {
    "Contributions": "tab:blue",
    "Taxes": "tab:orange",
    "Savings": "tab:purple",
    "Rent": "tab:red",
    "Other costs": "tab:brown",
    "Disposable": "tab:green",
}


def _breakdown_columns(
    items: Any, year: int | None, bedrooms: int, basis: str
) -> tuple[dict[str, dict[str, float]], int, list[tuple[str, str, str | None, str, int]], list[str]]:
    """Monthly lines per column, the year, rent source rows and province codes, from a comparison
    DataFrame, Evaluation objects or Offers."""
    import pandas as pd

    from netpay.compare import Evaluation, evaluate_many, unique_labels
    from netpay.offer import Offer

    if isinstance(items, pd.DataFrame):
        annual = items.attrs.get("period", "monthly") == "annual"
        sources = items.attrs.get("sources", {})
        first_year = items.attrs.get("first_year", {})
        view = items.attrs.get("view")

        def months(column: Any) -> float:
            # An annual first-year table gives year one for the months resident, not for twelve.
            name, part = column if isinstance(column, tuple) else (column, None)
            one = part == "year one" or (part is None and view == "year_one")
            if one and name in first_year:
                return float(first_year[name]["months_in_canada"])
            return 12.0

        def title(column: Any) -> str:
            return "\n".join(map(str, column)) if isinstance(column, tuple) else str(column)

        data = {
            title(c): {
                k: float(v) / (months(c) if annual else 1.0)
                for k, v in items[c].items()
                if isinstance(v, int | float)
            }
            for c in items
        }
        rows = [
            (s["city"], s["rent_source"], s["rent_period"], s["rent_basis"], s["bedrooms"])
            for s in sources.values()
        ]
        codes = list(dict.fromkeys(s["province"] for s in sources.values()))
        return data, int(items.attrs.get("year", year or _latest_year())), rows, codes
    items = [items] if isinstance(items, Offer | Evaluation) else list(items)
    if items and all(isinstance(i, Offer) for i in items):
        items = evaluate_many(items, _latest_year() if year is None else year, bedrooms, basis)
    if not items or not all(isinstance(i, Evaluation) for i in items):
        raise TypeError(
            "breakdown() takes netpay.Offer objects, results of netpay.evaluate, or a netpay.compare table"
        )
    data = {name: dict(e.monthly) for e, name in zip(items, unique_labels(items), strict=True)}
    rows = [(e.city, e.rent_source, e.rent_period, e.rent_basis, e.bedrooms) for e in items]
    codes = list(dict.fromkeys(e.province for e in items))
    return data, items[0].year, rows, codes


def breakdown(
    results_or_offers: Any,
    ax: Axes | None = None,
    *,
    year: int | None = None,
    bedrooms: int = 1,
    basis: str = "asking",
    annotate: bool = True,
) -> Axes:
    """Where each offer's monthly pay goes: one stacked bar per offer, from the cash paid (gross)
    down to what is left.

    Segments, bottom to top (see :data:`SEGMENTS`; one ``BarContainer`` labelled with the segment's
    name each, left out when zero for every offer): contributions (CPP/QPP, EI, QPIP), taxes
    (federal and provincial), savings paid out of pay (employee RRSP and pension contributions),
    rent, other costs, disposable income; they add up to the cash paid per month, marked on each bar.
    A negative disposable income is drawn below zero.

    ``results_or_offers``: a table from ``netpay.compare``, results of ``netpay.evaluate``, or
    ``netpay.Offer`` objects (evaluated here for ``year``, ``bedrooms`` and rent ``basis``).
    One-time payments (signing, relocation) are spread over the year's twelve months, as in
    ``compare``.
    """
    ax = _axes(ax)
    data, year_used, rent_rows, codes = _breakdown_columns(results_or_offers, year, bedrooms, basis)
    names = list(data)
    x = np.arange(len(names), dtype=np.float64)
    bottom = np.zeros(len(names))
    for label, keys in SEGMENTS.items():
        heights = np.array([sum(data[n].get(k, 0.0) for k in keys) for n in names])
        if label != "Disposable" and not heights.any():
            continue  # e.g. no savings out of pay: no empty legend entry
        base = np.where(heights < 0, 0.0, bottom)  # a deficit hangs below zero
        ax.bar(
            x,
            heights,
            bottom=base,
            label=label,
            width=0.6,
            color=SEGMENT_COLOURS[label],
            hatch="//" if label == "Disposable" and (heights < 0).any() else None,
        )
        bottom = bottom + np.maximum(heights, 0.0)
    gross = np.array([data[n].get("cash_income", 0.0) for n in names])
    ax.scatter(x, gross, marker="_", s=900, color="black", zorder=3, label="Cash paid (gross)")
    if annotate:
        disposable = [data[n].get("disposable", 0.0) for n in names]
        for xi, g, d in zip(x, gross, disposable, strict=True):
            ax.annotate(
                f"gross ${g:,.0f}\nleft ${d:,.0f}" if d >= 0 else f"gross ${g:,.0f}\nshort ${-d:,.0f}",
                xy=(xi, g),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize="small",
            )
    ax.set_xticks(x, names)
    _dollars(ax.yaxis)
    ax.set_ylabel("Dollars per month")
    ax.set_title(f"Where the money goes each month, {year_used}")
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.margins(y=0.12)
    ax.grid(True, axis="y", alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles[::-1],
        labels[::-1],
        fontsize="small",
        loc="center left",
        bbox_to_anchor=(1.01, 0.5),
        markerscale=0.3,
    )
    spread = "One-time payments are spread over 12 months."
    if getattr(results_or_offers, "attrs", {}).get("first_year"):
        spread = (
            "Year one: per month resident in Canada, one-time payments included; "
            "full year: a later year, without them."
        )
    caption(
        ax,
        f"{_tax_source_line(year_used, codes)} {_rent_source_line(rent_rows)}. "
        f"Other costs: data/costs/other_costs.csv. {spread}",
    )
    return ax
