"""The pay-cheque chart of the year of arrival: ``netpay.plot.pay_cheques`` under its version-1 name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


def plot_monthly_cash_flow(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The pay cheques and the spring settlement of a :func:`monthly_cash_flow`: an alias of
    :func:`netpay.plot.pay_cheques` (matplotlib is imported only when it is called)."""
    from netpay import plot

    return plot.pay_cheques(df, ax)
