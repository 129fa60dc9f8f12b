"""The pay-cheque chart of the year of arrival (moving to ``netpay.plot.pay_cheques``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes


def plot_monthly_cash_flow(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Stacked bars of one :func:`monthly_cash_flow`: net pay, RRSP/pension withheld, CPP/QPP
    (+ CPP2), EI (+ QPIP) and income tax per pay, adding up to the pay (gross pay plus any income
    not paid in cash is not drawn); the spring settlement of the return as a last, hatched bar.

    Takes ``ax`` (a new figure only if None), returns the Axes; no ``plt.show()``; matplotlib is
    imported here (``pip install netpay[plot]``).
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter
    except ImportError as exc:  # pragma: no cover - exercised only without matplotlib
        raise ImportError("plotting needs matplotlib, an optional dependency: pip install netpay[plot]") from exc
    if ax is None:
        _, ax = plt.subplots(figsize=(9.0, 5.0), layout="constrained")
    labels = [pd.Timestamp(d).strftime("%d %b") for d in df["pay_date"]]
    x = np.arange(len(df), dtype=np.float64)
    parts = (
        ("net pay", df["net_pay"], "#2a9d8f"),
        ("RRSP/pension", df["other_withholdings"], "#8ab17d"),
        ("CPP/QPP", df["cpp"] + df["cpp2"], "#e9c46a"),
        ("EI/QPIP", df["ei"] + df["qpip"], "#f4a261"),
        ("income tax", df["income_tax"], "#e76f51"),
    )
    bottom = np.zeros(len(df))
    for name, values, color in parts:
        v = values.to_numpy(dtype=np.float64)
        if not v.any() and name == "RRSP/pension":
            continue
        ax.bar(x, v, bottom=bottom, label=name, color=color, width=0.8)
        bottom += v
    settlement = df.attrs.get("settlement", {}).get("total")
    if settlement is not None:
        when = df.attrs.get("settled_in", "next spring")
        ax.bar(
            [float(len(df))],
            [settlement],
            color="#264653",
            hatch="//",
            width=0.8,
            label=f"{'refund' if settlement >= 0 else 'balance owing'} on the return ({when})",
        )
        labels.append("return")
        x = np.append(x, float(len(df)))
    ax.set_xticks(x, labels, rotation=45, ha="right")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"-${-v:,.0f}" if v < 0 else f"${v:,.0f}"))
    ax.set_ylabel("dollars per pay")
    title = df.attrs.get("label", "")
    ax.set_title(f"First year in Canada: pay cheques{' - ' + title if title else ''}")
    ax.legend(loc="upper right", fontsize="small")
    return ax
