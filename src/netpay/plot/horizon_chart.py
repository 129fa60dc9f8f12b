"""``netpay.plot.horizon``: cumulative total value per offer over the years of a horizon."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netpay.plot import caption

#: The row drawn, and the rows a horizon table must have.
DRAWN = "cumulative_total_value"


def check_horizon_table(table: Any) -> None:
    """Refuse anything but a table of ``netpay.compare(..., horizon=N)``, saying what is expected."""
    import pandas as pd

    ok = isinstance(table, pd.DataFrame) and "horizon" in table.attrs and isinstance(table.columns, pd.MultiIndex)
    if not ok:
        raise TypeError(
            "horizon() draws a table from netpay.compare(offers, year, horizon=N) (columns offer, year); "
            f"got {type(table).__name__}: pass netpay.compare(..., horizon=4)"
        )
    if DRAWN not in table.index:
        raise ValueError(f"horizon() needs the row {DRAWN!r} of the table: pass the whole table, not a selection")


def horizon_chart(table: Any, make_axes: Callable[[], Any]) -> Any:
    """One line per offer: the cumulative total value (disposable with the tax on shares paid by
    shares + equity after tax + savings, discounted when the table was) at the end of each year."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    check_horizon_table(table)
    ax = make_axes()
    for offer in dict.fromkeys(table.columns.get_level_values(0)):
        row = table.loc[DRAWN, offer]
        ax.plot([int(y) for y in row.index], row.to_numpy(dtype=float), marker="o", label=str(offer))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"-${-v:,.0f}" if v < 0 else f"${v:,.0f}"))
    rate = float(table.attrs.get("discount_rate", 0.0))
    ax.set_ylabel("Cumulative total value" + (f" (discounted {100 * rate:g}% a year)" if rate else ""))
    ax.set_xlabel("Tax year")
    ax.set_title("Total value over the years, per offer")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    years = sorted({int(y) for y in table.columns.get_level_values(1)})
    caption(
        ax,
        f"Total value = disposable income after rent and costs (tax on shares paid by selling shares) + "
        f"equity after tax + RRSP and pension savings, summed from {years[0]}. "
        f"{tables_caption(years, table.attrs.get('tax_tables', {}))}",
    )
    return ax


def tables_caption(years: list[int], kinds: dict[int, str]) -> str:
    """Which tax tables the years used: the shipped ones by folder, the projected ones named as
    projected (they have no folder: netpay indexes the latest shipped year)."""
    projected = [y for y in years if kinds.get(y) == "projected"]
    shipped = [y for y in years if y not in projected]
    text = "Tax tables: " + ", ".join(f"data/tax_tables/{y}/" for y in shipped)
    if projected:
        span = f"{projected[0]}" if len(projected) == 1 else f"{projected[0]}-{projected[-1]}"
        text += ("; " if shipped else "") + f"{span} projected from the latest shipped year"
    return text + " (run `netpay tables`)."
