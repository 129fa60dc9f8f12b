"""What the ``netpay`` command writes: money formatting, tables on stdout, CSV files and charts
(``save_chart`` is shared with ``netpay.demo``), and the options that ask for the files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from netpay.cli.parse import UsageError

#: What each rule of ``netpay.first_year.BONUS_RULES`` means, as printed above the tables.
BONUS_RULE_TEXT: dict[str, str] = {
    "next_year": "the annual bonus for year one is paid the next year (none in year one)",
    "prorated": "the annual bonus is prorated to the days employed, paid with the last pay",
    "full": "the whole annual bonus is paid with the last pay of year one",
}


def money(value: float) -> str:
    """Dollars to the cent: $1,234.56, -$1,234.56."""
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def money0(value: float) -> str:
    """Whole dollars: $1,235, -$1,235; NaN (no figure) is 'n/a'."""
    if value != value:
        return "n/a"
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def rooms(bedrooms: int) -> str:
    """'bachelor' or '2-bedroom'."""
    return "bachelor" if bedrooms == 0 else f"{bedrooms}-bedroom"


def line_label(key: str) -> str:
    """The label of a line of ``netpay.compare`` (``other_costs.<item>`` as an indented item)."""
    from netpay.compare import LINES

    if key.startswith("other_costs."):
        return "  " + key.split(".", 1)[1].replace("_", " ")
    return LINES.get(key, key)


def print_frame(frame: pd.DataFrame) -> None:
    """A formatted table on stdout, as pandas lays it out."""
    print(frame.to_string())


def add_csv_option(parser: Any) -> None:
    """``--csv PATH``."""
    parser.add_argument("--csv", metavar="PATH", help="also write the full result, unrounded, to a CSV file")


def add_plot_option(parser: Any) -> None:
    """``--plot FILE``."""
    parser.add_argument(
        "--plot",
        metavar="FILE",
        help="also draw the chart to this image file: PNG, or the format of its extension (.svg, .pdf, ...); "
        "a name without an image extension gets .png",
    )


def write_files(args: Any, frame: pd.DataFrame, chart: Callable[[], Any] | None = None) -> list[Path]:
    """Write what ``--csv`` and ``--plot`` ask for, before anything is printed (so that a path that
    cannot be written is one line on stderr): ``frame`` to the CSV file, the Axes ``chart()`` draws to
    the image file. Return the paths written, to report."""
    jobs: list[tuple[str, str, Callable[[str], Path]]] = []
    if args.csv is not None:
        jobs.append(("--csv", args.csv, lambda name: write_csv(frame, name)))
    if chart is not None and args.plot is not None:
        jobs.append(("--plot", args.plot, lambda name: save_chart(chart(), name)))
    written = []
    for option, name, write in jobs:
        try:
            written.append(write(name))
        except OSError as exc:
            raise UsageError(f"{option} {name}: cannot write it ({exc.strerror or exc}); give another path") from None
    return written


def write_csv(frame: pd.DataFrame, path: str) -> Path:
    """Write ``frame`` to ``path`` (its folder created if missing); return the path written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(target)
    return target


def chart_path(name: str, formats: set[str]) -> Path:
    """The file a chart named ``name`` is written to: ``name`` itself if its extension is one of the
    image ``formats`` (matplotlib's), else ``name`` + '.png'. Never the name with an extension that
    matplotlib would add without saying so."""
    path = Path(name)
    if path.suffix[1:].lower() in formats:
        return path
    return path.with_name(path.name + ".png")


def save_chart(ax: Any, name: str) -> Path:
    """Save the figure of ``ax`` to :func:`chart_path` of ``name`` (its folder created if missing),
    close it, and return the path written."""
    import matplotlib.pyplot as plt

    target = chart_path(name, set(ax.figure.canvas.get_supported_filetypes()))
    target.parent.mkdir(parents=True, exist_ok=True)
    ax.figure.savefig(target, dpi=120, bbox_inches="tight")
    plt.close(ax.figure)
    return target
