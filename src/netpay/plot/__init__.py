"""Charts for notebooks and reports: salary against rent, where an offer's money goes, tax rates,
the first year's pay cheques.

matplotlib is an optional dependency (``pip install netpay[plot]``), imported inside each function.
Every function takes ``ax=None`` (a new figure is created only then), draws on the Axes, writes the
sources of what it drew in a caption below the Axes and returns the Axes. None calls ``plt.show()``
or touches matplotlib's global style. ``year=None`` is the latest year netpay has tables for, and
amounts are validated as ``netpay.take_home`` validates them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from netpay.captions import RentRow, rent_source_line, tax_source_line
from netpay.lines import SEGMENTS as _SEGMENTS
from netpay.plot.noncash import NONCASH_LINES, draw_noncash

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
        raise ImportError("netpay.plot needs matplotlib, an optional dependency: pip install netpay[plot]") from exc
    return plt


def _axes(ax: Axes | None, figsize: tuple[float, float] = (8.0, 5.0)) -> Axes:
    """``ax``, or the Axes of a new figure of ``figsize`` inches with a constrained layout."""
    plt = _pyplot()
    if ax is not None:
        from matplotlib.axes import Axes

        if not isinstance(ax, Axes):
            raise TypeError(f"ax must be a matplotlib Axes (e.g. from plt.subplots()) or None, not {ax!r}")
        return ax
    fig, new_ax = plt.subplots(figsize=figsize, layout="constrained")
    return new_ax


def _dollars(ax_axis: Any) -> None:
    from matplotlib.ticker import FuncFormatter

    ax_axis.set_major_formatter(FuncFormatter(lambda v, _pos: f"-${-v:,.0f}" if v < 0 else f"${v:,.0f}"))


def _percent(ax_axis: Any) -> None:
    from matplotlib.ticker import PercentFormatter

    ax_axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def _below_x_axis(ax: Axes) -> Any:
    """A callable giving, at draw time, the box of ``ax``'s x axis with its tick labels and label."""

    def bbox(renderer: Any) -> Any:
        box = ax.xaxis.get_tightbbox(renderer)
        return box if box is not None and box.height > 0 else ax.get_window_extent(renderer)

    return bbox


def caption(ax: Axes, text: str) -> Any:
    """Write ``text`` as a small footnote below ``ax`` (replacing an earlier netpay caption).

    The caption hangs below the x axis's tick labels and label, measured when the figure is drawn,
    so two-line or rotated tick labels never run into it.
    """
    for old in [t for t in ax.texts if t.get_gid() == CAPTION_GID]:
        old.remove()
    # Wrap to the Axes' width so a long list of sources neither runs off the figure nor, under a
    # constrained layout, squeezes the Axes: about 17 characters of x-small text per inch.
    width_in = ax.get_position().width * _figure(ax).get_figwidth()
    chars = max(40, int(width_in * 17))
    wrapped = "\n".join(textwrap.fill(par, chars) for par in text.split("\n"))
    return ax.annotate(
        wrapped,
        xy=(0.0, 0.0),
        xycoords=("axes fraction", _below_x_axis(ax)),
        xytext=(0, -6),
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


def _names(values: Any, parameter: str, example: str) -> list[str]:
    """``values`` (one name or an iterable of names) as a non-empty list, or a TypeError naming ``parameter``."""
    if isinstance(values, str):
        return [values]
    try:
        names = list(values)
    except TypeError:
        raise TypeError(f"{parameter} must be a name such as {example!r} or a list of names, not {values!r}") from None
    if not names:
        raise ValueError(f"{parameter} is empty: give at least one, e.g. {example!r}")
    return names


def _amounts(values: Any, parameter: str) -> np.ndarray:
    """``values`` as a float64 array, validated as ``netpay.take_home`` validates incomes (the one place)."""
    from netpay.money import as_amounts  # the amount validation every public entry point shares

    arr, _index = as_amounts(values, parameter)
    if arr.size == 0:
        raise ValueError(f"{parameter} is empty: give at least one amount")
    return arr


def _year(year: int | None) -> int:
    """``year``, or the latest year netpay has tables for when it is None."""
    from netpay import tables

    return tables.years()[-1] if year is None else year


def marginal_rates(
    provinces: str | Iterable[str],
    year: int | None = None,
    incomes: Sequence[float] | np.ndarray | None = None,
    ax: Axes | None = None,
    *,
    average: bool = True,
) -> Axes:
    """Marginal (solid) and average (dashed) rates of tax and contributions by employment income.

    One solid line per province (``"<code> marginal"``) and, with ``average=True``, one dashed line
    of the same colour (``"<code> average"``). Rates count CPP/QPP, EI, QPIP, federal and
    provincial tax, as ``netpay.take_home`` does; the marginal rate is on the next dollar.
    ``year`` defaults to the latest year netpay has tables for.
    """
    from netpay.engine import take_home
    from netpay.jurisdictions import normalize

    codes = [normalize(p) for p in _names(provinces, "provinces", "ON")]
    x = DEFAULT_INCOMES if incomes is None else _amounts(incomes, "incomes")
    year = _year(year)
    ax = _axes(ax)
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
    caption(ax, tax_source_line(year, codes))
    return ax


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

    places = [cities_mod.city(c) for c in _names(cities, "cities", "Toronto")]
    x = DEFAULT_SALARIES if salaries is None else _amounts(salaries, "salaries")
    year = _year(year)
    ax = _axes(ax)
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
        rent_rows.append(
            RentRow(place.name, r.source, r.period, basis, bedrooms, "verified" if r.verified else "unverified")
        )
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
    caption(ax, f"{tax_source_line(year, codes)} {rent_source_line(rent_rows)}.{shaded}")
    return ax


# --------------------------------------------------------------------------- where the money goes

#: Segments of a breakdown bar, bottom to top: label -> lines of the comparison that make it up
#: (declared with the lines, in ``netpay.lines``).
SEGMENTS: dict[str, tuple[str, ...]] = _SEGMENTS

#: Fixed colours, so a segment keeps its colour whichever segments a chart shows.
SEGMENT_COLOURS: dict[str, str] = {
    "Contributions": "tab:blue",
    "Taxes": "tab:orange",
    "Savings": "tab:purple",
    "Rent": "tab:red",
    "Other costs": "tab:brown",
    "Disposable": "tab:green",
}


#: The attrs ``netpay.compare`` sets on its tables; a DataFrame without them is not a comparison.
COMPARISON_ATTRS: tuple[str, ...] = ("sources", "period", "year")

#: Lines of a comparison a breakdown bar is made of.
DRAWN_LINES: tuple[str, ...] = ("cash_income", *(k for keys in SEGMENTS.values() for k in keys), *NONCASH_LINES)

#: Column key of a comparison: an offer's name, or (name, 'year one' | 'full year') in a first-year table.
Column = str | tuple[str, str]


def _check_comparison(frame: Any) -> None:
    """Refuse a DataFrame that is not a table from ``netpay.compare``, saying what is expected."""
    missing = [k for k in COMPARISON_ATTRS if k not in frame.attrs]
    if missing:
        raise TypeError(
            "breakdown() draws a table from netpay.compare, and this DataFrame is not one (it has no "
            f"attrs {', '.join(map(repr, missing))}): pass the result of netpay.compare(...), "
            "or netpay.Offer objects, or results of netpay.evaluate"
        )
    if frame.attrs["period"] not in ("monthly", "annual"):
        raise ValueError(
            f"attrs['period'] of a netpay.compare table is 'monthly' or 'annual', not {frame.attrs['period']!r}"
        )
    absent = [k for k in DRAWN_LINES if k not in frame.index]
    if absent:
        raise ValueError(
            f"breakdown() needs the rows {', '.join(absent)} of the netpay.compare table: pass the whole table, "
            "not a selection of its rows"
        )
    if frame.shape[1] == 0:
        raise ValueError("breakdown() got a netpay.compare table with no columns: compare at least one offer")


def _comparison_columns(
    frame: Any,
) -> tuple[dict[Column, dict[str, float]], int, list[RentRow], list[str]]:
    """Monthly lines per column, the year, rent source rows and province codes of a ``compare`` table."""
    _check_comparison(frame)
    annual = frame.attrs["period"] == "annual"
    first_year = frame.attrs.get("first_year", {})
    view = frame.attrs.get("view")

    def months(column: Column) -> float:
        # An annual first-year table gives year one for the months resident, not for twelve.
        name, part = column if isinstance(column, tuple) else (column, None)
        one = part == "year one" or (part is None and view == "year_one")
        if one and name in first_year:
            return float(first_year[name]["months_in_canada"])
        return 12.0

    data: dict[Column, dict[str, float]] = {
        c: {k: float(frame.at[k, c]) / (months(c) if annual else 1.0) for k in DRAWN_LINES} for c in frame.columns
    }
    offers = {c[0] if isinstance(c, tuple) else c for c in frame.columns}
    sources = {k: v for k, v in frame.attrs["sources"].items() if k in offers} or frame.attrs["sources"]
    rows = [
        RentRow(
            s["city"],
            s["rent_source"],
            s["rent_period"],
            s["rent_basis"],
            s["bedrooms"],
            s.get("statuses", {}).get("rent", "verified"),
        )
        for s in sources.values()
    ]
    codes = list(dict.fromkeys(s["province"] for s in sources.values()))
    return data, int(frame.attrs["year"]), rows, codes


def _check_year_given(year: int | None, drawn: int, what: str) -> None:
    """Refuse a ``year`` that is not the year of what is drawn (rather than ignore it)."""
    if year is not None and year != drawn:
        raise ValueError(f"year={year!r} does not apply: {what} is for {drawn}; leave year out")


def _breakdown_columns(
    items: Any, year: int | None, bedrooms: int, basis: str
) -> tuple[dict[Column, dict[str, float]], int, list[RentRow], list[str]]:
    """Monthly lines per column, the year, rent source rows and province codes, from a comparison
    DataFrame, Evaluation objects or Offers."""
    import pandas as pd

    from netpay.citydata import Housing
    from netpay.comparison import unique_labels
    from netpay.evaluation import Evaluation, evaluate_offers
    from netpay.offer import Offer

    if isinstance(items, pd.DataFrame):
        found = _comparison_columns(items)
        _check_year_given(year, found[1], "this netpay.compare table")
        return found
    wrong = TypeError(
        "breakdown() takes netpay.Offer objects, results of netpay.evaluate, or a netpay.compare table "
        f"(pass the result of netpay.compare(...)), not {items!r}"
    )
    if isinstance(items, Offer | Evaluation):
        items = [items]
    elif isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise wrong
    items = list(items)
    if items and all(isinstance(i, Offer) for i in items):
        items = evaluate_offers(items, _year(year), Housing(bedrooms, basis))
    if not items or not all(isinstance(i, Evaluation) for i in items):
        raise wrong
    if len({e.year for e in items}) > 1:
        raise ValueError(
            f"breakdown() draws one year at a time; these results are for {sorted({e.year for e in items})}"
        )
    _check_year_given(year, items[0].year, "these results of netpay.evaluate")
    names = unique_labels(items)
    data: dict[Column, dict[str, float]] = {name: dict(e.monthly) for e, name in zip(items, names, strict=True)}
    rows = [
        RentRow(e.city, e.rent_source, e.rent_period, e.rent_basis, e.bedrooms, e.statuses.get("rent", "verified"))
        for e in items
    ]
    codes = list(dict.fromkeys(e.province for e in items))
    return data, items[0].year, rows, codes


def _positions(columns: Sequence[Column]) -> np.ndarray:
    """x of each bar: one apart, with half a bar more between offers when an offer has several columns."""
    groups = [c[0] if isinstance(c, tuple) else c for c in columns]
    if len(set(groups)) == len(groups):
        return np.arange(len(columns), dtype=np.float64)
    starts = np.cumsum([i > 0 and g != groups[i - 1] for i, g in enumerate(groups)])
    return np.arange(len(columns), dtype=np.float64) + 0.5 * starts


def _tick_label(column: Column, chars: int, *, wrap_part: bool = False) -> str:
    """A bar's x label: the offer's name wrapped at spaces to lines of about ``chars`` characters, then
    the column's part ('year one', 'full year') on a line of its own (wrapped too with ``wrap_part``)."""
    name, part = column if isinstance(column, tuple) else (column, None)
    lines = textwrap.wrap(str(name), max(chars, 1), break_long_words=False) or [""]
    if part is not None:
        lines += textwrap.wrap(str(part), max(chars, 1), break_long_words=False) if wrap_part else [str(part)]
    return "\n".join(lines)


def _note(gross: float, disposable: float, lines: int) -> str:
    """The note above a bar: the cash paid and what is left (or short), on two lines or, narrower, four."""
    word, amount = ("left", disposable) if disposable >= 0 else ("short", -disposable)
    parts = ("gross", f"${gross:,.0f}", word, f"${amount:,.0f}")
    return f"{parts[0]} {parts[1]}\n{parts[2]} {parts[3]}" if lines == 2 else "\n".join(parts)


#: Notes above the bars, widest first: (lines, font size); the first that fits a bar's slot is used.
NOTE_STYLES: tuple[tuple[int, str], ...] = ((2, "small"), (2, "x-small"), (4, "x-small"), (4, "xx-small"))


def _text_width(ax: Axes, text: str, fontsize: Any, rotation: float = 0.0) -> float:
    """Width in display pixels of ``text`` at ``fontsize`` and ``rotation``, as ``ax``'s figure draws it."""
    probe = ax.figure.text(0, 0, text, fontsize=fontsize, rotation=rotation)
    try:
        return float(probe.get_window_extent().width)
    finally:
        probe.remove()


def _text_height(ax: Axes, text: str, fontsize: Any) -> float:
    """Height in display pixels of ``text`` at ``fontsize``, as ``ax``'s figure draws it."""
    probe = ax.figure.text(0, 0, text, fontsize=fontsize)
    try:
        return float(probe.get_window_extent().height)
    finally:
        probe.remove()


def _fit_tick_labels(
    ax: Axes, x: np.ndarray, tries: Iterable[tuple[list[str], float, float]], last_slots: float = 1.0
) -> float:
    """Run the layout, then set the first of ``tries`` (labels, font size, rotation) whose labels each fit
    the width of one bar's slot (the last label: ``last_slots`` slots; the last try if none fits);
    return the slot's width in pixels."""
    _figure(ax).draw_without_rendering()
    slot = ax.get_window_extent().width / (float(x[-1] - x[0]) + 1.0)
    room = 0.9 * slot  # leave a gap to the next label
    for labels, size, rotation in tries:
        widths = [_text_width(ax, label, size, rotation) for label in labels]
        if max(widths[:-1], default=0.0) <= room and widths[-1] <= room * last_slots:
            break
    ax.set_xticks(x, labels, fontsize=size, rotation=rotation, ha="center")
    return slot


def _figure(ax: Axes) -> Any:
    """The figure an Axes is drawn on (its root figure, not a subfigure)."""
    return ax.get_figure(root=True)


def _make_room(ax: Axes, ends: Sequence[float], texts: Sequence[Any], offset_points: float) -> None:
    """Widen the y axis so that ``texts``, written ``offset_points`` beyond the bar ends ``ends`` (above
    an end >= 0, below one < 0, in data units), stay inside the Axes, clear of the title."""
    _figure(ax).draw_without_rendering()
    height = ax.get_window_extent().height
    ymin, ymax = ax.get_ylim()
    low, high = ymin, ymax
    for end, text in zip(ends, texts, strict=True):
        beyond = _text_height(ax, text.get_text(), text.get_fontsize()) + offset_points * ax.figure.dpi / 72.0
        share = max(0.2, 0.97 - beyond / height)  # the share of the height the bars may take
        if end >= 0:
            high = max(high, ymin + (end - ymin) / share)
        else:
            low = min(low, ymax - (ymax - end) / share)
    ax.set_ylim(low, high)


def _breakdown_tick_tries(columns: list[Column]) -> Any:
    """(labels, font size, rotation) to try for a breakdown's x labels, most readable first: names
    wrapped at spaces at 10 then 8 points, then the parts wrapped too, then each label turned upright."""
    longest = max(len(str(c[0] if isinstance(c, tuple) else c)) for c in columns)
    for wrap_part in (False, True):
        for size in (10, 8):
            for chars in range(longest, 0, -1):
                yield [_tick_label(c, chars, wrap_part=wrap_part) for c in columns], size, 0.0
    yield [_tick_label(c, longest) for c in columns], 8, 90.0


def _fit_to_slots(
    ax: Axes, x: np.ndarray, columns: list[Column], notes: list[tuple[Any, float, float]], marks: Any
) -> None:
    """Once the layout has placed the Axes (legend to the right, caption below), fit the x labels, the
    notes above the bars (``(annotation, gross, disposable)``) and the cash-paid marks to one bar's
    slot, so that neighbours never run into each other however narrow the Axes."""
    slot = _fit_tick_labels(ax, x, _breakdown_tick_tries(columns))
    width_points = 0.6 * slot * 72.0 / ax.figure.dpi  # as wide as a bar
    marks.set_sizes([width_points**2])
    title = ax.get_title()
    if ": " in title and _text_width(ax, title, "large") > 0.95 * ax.figure.bbox.width:
        ax.set_title(title.replace(": ", ":\n", 1))
    if not notes:
        return
    for lines, size in NOTE_STYLES:
        texts = [_note(g, d, lines) for _, g, d in notes]
        if max(_text_width(ax, t, size) for t in texts) <= 0.9 * slot:
            break
    else:  # too narrow for any: no notes rather than notes over one another
        for note, _, _ in notes:
            note.remove()
        return
    for (note, _, _), text in zip(notes, texts, strict=True):
        note.set_text(text)
        note.set_fontsize(size)
    _make_room(ax, [n.xy[1] for n, _, _ in notes], [n for n, _, _ in notes], offset_points=4.0)


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

    ``results_or_offers``: a table from ``netpay.compare`` (any other DataFrame is refused), results
    of ``netpay.evaluate``, or ``netpay.Offer`` objects (evaluated here for ``year``, default the
    latest, ``bedrooms`` and rent ``basis``; a ``year`` other than the table's or the results' is
    refused). One-time payments (signing, relocation) are spread over the year's twelve months, as in
    ``compare``. A first-year table draws year one and the full year of each offer side by side.

    Labels are fitted to the Axes once the layout has placed it: offers' names wrap under their bars
    (at 10, then 8 points, upright as a last resort), the notes above the bars shrink to four short
    lines and are left out only on an Axes too narrow for any (``annotate=False`` leaves them out).
    """
    data, year_used, rent_rows, codes = _breakdown_columns(results_or_offers, year, bedrooms, basis)
    columns = list(data)
    x = _positions(columns)
    ax = _axes(ax, figsize=(max(8.0, 2.5 + 1.1 * float(x[-1] + 1)), 5.0))
    bottom = np.zeros(len(columns))
    for label, keys in SEGMENTS.items():
        heights = np.array([sum(data[c].get(k, 0.0) for k in keys) for c in columns])
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
    gross = np.array([data[c].get("cash_income", 0.0) for c in columns])
    tops = draw_noncash(ax, x, columns, data)  # shares, employer RRSP, benefits: above the cash paid
    marks = ax.scatter(x, gross, marker="_", s=900, color="black", zorder=3, label="Cash paid (gross)")
    notes = []
    if annotate:
        for xi, g, top, c in zip(x, gross, tops, columns, strict=True):
            d = data[c].get("disposable", 0.0)
            note = ax.annotate(
                _note(g, d, 2),
                xy=(xi, top),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize="small",
            )
            notes.append((note, g, d))
    ax.set_xticks(x, [_tick_label(c, 12) for c in columns])
    _dollars(ax.yaxis)
    ax.set_ylabel("Dollars per month")
    first_year = getattr(results_or_offers, "attrs", {}).get("first_year")
    view = getattr(results_or_offers, "attrs", {}).get("view")
    what = {"both": ": year one in Canada and a full year", "year_one": ": year one in Canada"}.get(view or "", "")
    ax.set_title(f"Where the money goes each month{what if first_year else ''}, {year_used}")
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
    if first_year:
        spread = (
            "Year one: per month resident in Canada, one-time payments included; full year: a later year, without them."
        )
    caption(
        ax,
        f"{tax_source_line(year_used, codes)} {rent_source_line(rent_rows)}. "
        f"Other costs: data/costs/other_costs.csv. {spread}",
    )
    _fit_to_slots(ax, x, columns, notes, marks)
    return ax


# --------------------------------------------------------------------------- the first year's pay cheques

#: Parts of a pay-cheque bar, bottom to top: label -> (columns of ``monthly_cash_flow``, colour).
PAY_PARTS: dict[str, tuple[tuple[str, ...], str]] = {
    "net pay": (("net_pay",), "#2a9d8f"),
    "RRSP/pension": (("other_withholdings",), "#8ab17d"),
    "CPP/QPP": (("cpp", "cpp2"), "#e9c46a"),
    "EI/QPIP": (("ei", "qpip"), "#f4a261"),
    "income tax": (("income_tax",), "#e76f51"),
}

#: The attrs ``netpay.first_year.monthly_cash_flow`` sets that the chart reads.
CASH_FLOW_ATTRS: tuple[str, ...] = ("settlement", "year", "province")


def _check_cash_flow(df: Any) -> None:
    """Refuse anything but a table from ``netpay.first_year.monthly_cash_flow``, saying what is expected."""
    import pandas as pd

    expected = "pass the result of netpay.first_year.monthly_cash_flow(...)"
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"pay_cheques() draws a DataFrame of pay cheques: {expected}, not {df!r}")
    wanted = ["pay_date", *(c for cols, _ in PAY_PARTS.values() for c in cols)]
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise TypeError(f"pay_cheques() needs the columns {', '.join(missing)} of a cash flow: {expected}")
    absent = [k for k in CASH_FLOW_ATTRS if k not in df.attrs]
    if absent:
        raise TypeError(
            f"pay_cheques() needs attrs {', '.join(map(repr, absent))} (the settlement and the tables it "
            f"cites): {expected}"
        )
    if df.empty:
        raise ValueError(f"pay_cheques() got no pay cheques: {expected}")


def pay_cheques(df: Any, ax: Axes | None = None) -> Axes:
    """The first year's pay cheques: stacked bars of one :func:`netpay.first_year.monthly_cash_flow`,
    one per pay (or per month with ``by='month'``): net pay, RRSP/pension withheld, CPP/QPP (+ CPP2),
    EI (+ QPIP) and income tax, adding up to the pay (income not paid in cash is not drawn); then,
    set apart, the spring settlement of the return as a hatched bar labelled with its amount.

    The legend sits to the right of the Axes, so it covers no bar; the caption cites the tax tables.
    Also available as ``netpay.first_year.plot_monthly_cash_flow``.
    """
    _check_cash_flow(df)
    n = len(df)
    ax = _axes(ax, figsize=(min(16.0, max(9.0, 3.5 + 0.22 * (n + 2))), 5.0))
    x = np.arange(n, dtype=np.float64)
    bottom = np.zeros(n)
    for name, (cols, colour) in PAY_PARTS.items():
        v = sum((_amounts(df[c], f"df[{c!r}]") for c in cols), start=np.zeros(n))
        if not v.any() and name == "RRSP/pension":
            continue
        ax.bar(x, v, bottom=bottom, label=name, color=colour, width=0.8)
        bottom += v
    settlement = float(df.attrs["settlement"]["total"])
    when = df.attrs.get("settled_in", f"spring {int(df.attrs['year']) + 1}")
    refund = settlement >= 0
    at = float(n + 1)  # one empty slot sets the return apart from the pays
    bar = ax.bar(
        [at],
        [settlement],
        color="#264653",
        hatch="//",
        width=0.8,
        label=f"{'refund' if refund else 'balance owing'} on the return ({when})",
    )
    (note,) = ax.bar_label(
        bar,
        labels=[f"${abs(settlement):,.0f}" + ("" if abs(settlement) < 0.5 else "\nrefund" if refund else "\nowing")],
        padding=3,
        fontsize="small",
        fontweight="bold",
    )
    ax.axvline(n, color="0.6", linewidth=0.8, linestyle=":")
    _dollars(ax.yaxis)
    ax.set_ylabel("Dollars per pay")
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.margins(y=0.15)
    title = df.attrs.get("label", "")
    ax.set_title(f"First year in Canada: pay cheques{' - ' + title if title else ''}")
    handles, names = ax.get_legend_handles_labels()
    stacked = len(handles) - 1  # the parts, bottom to top, then the settlement
    ax.legend(
        [*handles[:stacked][::-1], handles[-1]],
        [*names[:stacked][::-1], names[-1]],
        fontsize="small",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
    )
    arrival = df.attrs.get("arrival")
    resident = f", resident from {arrival.day} {arrival:%B %Y}" if arrival is not None else ""
    caption(
        ax,
        f"{tax_source_line(int(df.attrs['year']), [df.attrs['province']])} Withheld per pay by annualization "
        f"as in CRA's T4127, with full TD1 claim amounts; the return taxes the part year{resident} "
        "(docs/first-year.md).",
    )
    days = [(f"{d.day:02d}", f"{d:%b}") for d in df["pay_date"]]
    tries = [
        ([*(f"{a}\n{b}" for a, b in days), "\nreturn"], 10, 0.0),
        ([*(f"{a}\n{b}" for a, b in days), "\nreturn"], 8, 0.0),
        ([*(f"{a} {b}" for a, b in days), "return"], 8, 90.0),
    ]
    _fit_tick_labels(ax, np.append(x, at), tries, last_slots=2.0)  # the return has an empty slot beside it
    _make_room(ax, [settlement], [note], offset_points=3.0)
    return ax


def horizon(table: Any, ax: Axes | None = None) -> Axes:
    """Cumulative total value per offer over the years of ``netpay.compare(..., horizon=N)``
    (:func:`netpay.plot.horizon_chart.horizon_chart`)."""
    from netpay.plot.horizon_chart import horizon_chart

    return horizon_chart(table, lambda: _axes(ax))
