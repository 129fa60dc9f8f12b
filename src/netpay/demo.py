"""``make demo``: 2026 take-home pay at $140,000 in Ontario, British Columbia, Québec and Alberta,
then a $140,000 offer (10% bonus, $10,000 signing, $15,000 relocation) in Toronto, Vancouver and
Montréal: monthly take-home, rent and disposable income side by side, with the rent's source."""

from __future__ import annotations

import pandas as pd

from netpay.engine import take_home
from netpay.lines import LABELS, LINES
from netpay.lines import TAKE_HOME_ROWS as ROWS
from netpay.status import label

PROVINCES = ("ON", "BC", "QC", "AB")


def take_home_table(income: float = 140_000, year: int = 2026) -> pd.DataFrame:
    """One column per province, one row per line of the breakdown."""
    cols = {p: take_home(income, p, year).iloc[0] for p in PROVINCES}
    return pd.DataFrame(cols).loc[list(ROWS)].rename(index=LABELS)


def _fmt(row: str, value: float) -> str:
    return f"{value:.1%}" if row.endswith("rate") else f"{value:,.2f}"


OFFER_CITIES = ("Toronto", "Vancouver", "Montréal")
#: Lines of the monthly comparison shown by the demo (keys of netpay.lines.LINES).
OFFER_ROWS = (
    "base_salary",
    "bonus",
    "signing_bonus",
    "relocation_bonus",
    "cash_income",
    "cpp",
    "ei",
    "qpip",
    "federal_tax",
    "provincial_tax",
    "net_cash",
    "rent",
    "other_costs",
    "disposable",
    "net_cash_recurring",
    "disposable_recurring",
)


def offer_table(year: int = 2026) -> pd.DataFrame:
    """The demo offer in each city, monthly, one column per city (``netpay.compare``)."""
    from netpay.api import compare
    from netpay.offer import Offer

    offers = [
        Offer(base_salary=140_000, bonus_percent=10, signing_bonus=10_000, relocation_bonus=15_000, city=c)
        for c in OFFER_CITIES
    ]
    return compare(offers, year, bedrooms=1, rent_basis="asking")


def main() -> None:
    table = take_home_table()
    print("netpay: 2026 take-home pay on $140,000 of employment income, resident all year\n")
    shown = table.apply(lambda col: [_fmt(r, v) for r, v in zip(table.index, col, strict=True)])
    print(shown.to_string())

    offers = offer_table()
    print(
        "\n\nA $140,000 offer with a 10% bonus, a $10,000 signing bonus and a $15,000 relocation bonus,"
        "\n2026, one-bedroom apartment at asking rent: per month\n"
    )
    monthly = offers.loc[list(OFFER_ROWS)].rename(index=LINES)
    print(monthly.apply(lambda col: [f"{v:,.2f}" for v in col]).to_string())
    print("\nRent (1 bedroom, asking):")
    for name, src in offers.attrs["sources"].items():
        said = label(src["statuses"]["rent"])
        period = f"period {src['rent_period']}{', ' + said if said else ''}"
        print(f"  {name}: {src['rent_source']}, {period} ({src['rent_url']})")
    print("Other costs: adult monthly transit pass, data/costs/other_costs.csv (see `netpay cities`).")
    print("The signing and relocation bonuses are paid once; the last two lines leave them out.")
    chart = write_comparison_chart(offers)
    if chart is not None:
        print(f"\nWrote the comparison chart to {chart}")


def write_comparison_chart(offers: pd.DataFrame, path: str = "out/comparison.png") -> str | None:
    """Draw ``netpay.plot.breakdown`` of the demo comparison to ``path`` (None without matplotlib)."""
    try:
        import matplotlib  # noqa: F401

        from netpay import plot
    except ImportError:
        print("\n(pip install netpay[plot] to also draw the comparison chart)")
        return None
    from netpay.cli.output import save_chart

    return str(save_chart(plot.breakdown(offers), path))


if __name__ == "__main__":
    main()
