"""``make demo``: 2026 take-home pay at $140,000 in Ontario, British Columbia, Québec and Alberta."""

from __future__ import annotations

import pandas as pd

from netpay.engine import take_home

PROVINCES = ("ON", "BC", "QC", "AB")
ROWS = {
    "income": "Gross employment income",
    "cpp": "CPP/QPP + CPP2/QPP2",
    "ei": "EI premiums",
    "qpip": "QPIP premiums",
    "taxable_income": "Taxable income (federal)",
    "provincial_taxable_income": "Taxable income (provincial)",
    "federal_tax": "Federal tax",
    "provincial_tax": "Provincial tax",
    "total_deductions": "Total deductions",
    "net_income": "Net income (year)",
    "monthly_net_income": "Net income (month)",
    "average_rate": "Average rate",
    "marginal_rate": "Marginal rate",
}


def take_home_table(income: float = 140_000, year: int = 2026) -> pd.DataFrame:
    """One column per province, one row per line of the breakdown."""
    cols = {p: take_home(income, p, year).iloc[0] for p in PROVINCES}
    return pd.DataFrame(cols).loc[list(ROWS)].rename(index=ROWS)


def _fmt(row: str, value: float) -> str:
    return f"{value:.1%}" if row.endswith("rate") else f"{value:,.2f}"


def main() -> None:
    table = take_home_table()
    print("netpay: 2026 take-home pay on $140,000 of employment income, resident all year\n")
    shown = table.apply(lambda col: [_fmt(r, v) for r, v in zip(table.index, col, strict=True)])
    print(shown.to_string())


if __name__ == "__main__":
    main()
