"""``netpay cash-flow``: the pay cheques of the first year in Canada and what the return settles the
next spring."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netpay import citydata, first_year
from netpay.cli.args import (
    YEAR_OF_THE_OFFER,
    add_arrival_options,
    add_offer_options,
    add_year_option,
    arrival_from_args,
    arrival_keywords,
    date_options,
    offer_from_args,
    tax_year,
)
from netpay.cli.output import (
    BONUS_RULE_TEXT,
    add_csv_option,
    add_plot_option,
    money,
    money0,
    print_frame,
    write_files,
)
from netpay.cli.parse import PROG, UsageError, naming
from netpay.cli.status import add_strict_option, require_verified_tables, status_footer

#: Columns shown: heading -> cash-flow column(s) summed (CPP headings read QPP in Québec).
FLOW_COLUMNS: dict[str, tuple[str, ...]] = {
    "salary": ("salary",),
    "one-time": ("bonus", "signing_bonus", "relocation_bonus"),
    "gross": ("gross_pay",),
    "CPP": ("cpp",),
    "CPP2": ("cpp2",),
    "EI": ("ei",),
    "QPIP": ("qpip",),
    "income tax": ("income_tax",),
    "RRSP/pension": ("other_withholdings",),
    "net pay": ("net_pay",),
}
#: Columns left out when zero on every row.
OPTIONAL_COLUMNS = ("one-time", "RRSP/pension")


def add_parser(subparsers: Any) -> None:
    """Declare ``cash-flow`` and its options."""
    parser = subparsers.add_parser(
        "cash-flow",
        help="the first year's pay cheques and the refund or balance on the return the next spring",
        description="The pay cheques of the first year in Canada, from --start to December 31: gross pay, "
        "CPP/QPP, CPP2, EI, QPIP, income tax withheld and net pay, pay by pay (or month by month), then "
        "what the part-year return settles the next spring (withheld minus due; positive is a refund). "
        "Give one --city and --start (or --arrival).",
    )
    add_offer_options(parser)
    add_year_option(parser, YEAR_OF_THE_OFFER)
    add_arrival_options(parser)
    parser.add_argument(
        "--by",
        choices=("period", "month"),
        default="period",
        help="one row per pay period ('period', the default) or per calendar month, pays summed ('month')",
    )
    add_plot_option(parser)
    add_csv_option(parser)
    add_strict_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the pay cheques and the settlement (and write the CSV and the chart)."""
    if len(args.city) != 1:
        raise UsageError(
            f"give one --city, the city of the job (not {len(args.city)}: compare cities with `{PROG} compare`)"
        )
    dates = arrival_from_args(args)
    if dates is None:
        raise UsageError("give --start YYYY-MM-DD (the first day of work) or --arrival YYYY-MM-DD")
    year = tax_year(args)
    with naming(f"--city {args.city[0]}"):
        place = citydata.city(args.city[0])
    offer = offer_from_args(args, place.name)
    if args.strict:
        require_verified_tables(place.province, year)
    with naming(dates=date_options(args)):
        flow = first_year.monthly_cash_flow(offer, year, dates[1], arrival=dates[0], by=args.by, **_keywords(args))
    written = write_files(args, flow, lambda: first_year.plot_monthly_cash_flow(flow))
    print_header(flow, offer, args.by)
    print_frame(flow_table(flow, args.by))
    arrival = flow.attrs["arrival"]
    print(
        f"\nThe {year} return, filed in the spring of {year + 1}: withheld minus due as a part-year "
        f"resident ({first_year.days_resident(arrival, year)} days):"
    )
    print("\n".join(settlement_lines(flow)))
    print(f"The rules: docs/first-year.md; the year one next to a full year: `{PROG} compare --arrival`.")
    print("\n".join(status_footer([place.province], year)))
    for path in written:
        print(f"Wrote {path}")
    return 0


def _keywords(args: argparse.Namespace) -> dict[str, Any]:
    """The first-year options by ``monthly_cash_flow``'s names (it calls the bonus rule ``bonus``)."""
    keywords = arrival_keywords(args)
    if "first_year_bonus" in keywords:
        keywords["bonus"] = keywords.pop("first_year_bonus")
    return keywords


def print_header(flow: pd.DataFrame, offer: Any, by: str) -> None:
    """Who, where, when, how often; the one-time payments."""
    a = flow.attrs
    rows = "per calendar month, pays summed" if by == "month" else "per pay, by pay date"
    place = citydata.city(a["city"])
    print(
        f"Pay cheques, {place.name} ({place.province}), {a['year']}: {money0(offer.base_salary)} a year paid "
        f"{first_year.PAY_PERIODS[a['pay_periods']]} from {a['start'].isoformat()}, resident in Canada from "
        f"{a['arrival'].isoformat()}; dollars {rows}."
    )
    lumps = [
        f"{name} {money0(amount)} with the first pay"
        for name, amount in (("signing bonus", offer.signing_bonus), ("relocation bonus", offer.relocation_bonus))
        if amount
    ]
    if offer.bonus_amount:
        lumps.append(BONUS_RULE_TEXT[a["bonus_rule"]])
    if lumps:
        print("One-time: " + "; ".join(lumps) + ".")
    print(
        "Payroll withholds as for a resident all year (each pay annualized, full personal amounts); "
        "CPP/EI stop at the annual maximum.\n"
    )


def _quebec(flow: pd.DataFrame) -> bool:
    from netpay.engine import is_quebec

    return is_quebec(str(flow.attrs.get("province", "")))


def flow_table(flow: pd.DataFrame, by: str) -> pd.DataFrame:
    """The pay cheques (or months) of a cash flow with a total row, amounts to the cent."""
    data: dict[str, pd.Series] = {}
    for heading, cols in FLOW_COLUMNS.items():
        values = flow[list(cols)].sum(axis=1)
        if heading in OPTIONAL_COLUMNS and not values.abs().gt(0.005).any():
            continue
        data[heading.replace("CPP", "QPP") if _quebec(flow) else heading] = values
    table = pd.DataFrame(data)
    fmt = "%b %Y" if by == "month" else "%Y-%m-%d"
    table.index = [pd.Timestamp(d).strftime(fmt) for d in flow["pay_date"]]
    table.loc["total"] = table.sum(axis=0)
    return table.apply(lambda col: col.map(money))


def settlement_lines(flow: pd.DataFrame) -> list[str]:
    """Withheld, due and the difference for income tax and each contribution; the total."""
    s = flow.attrs["settlement"]
    rows = [
        ("Income tax", "tax_withheld", "tax_due", "tax_refund"),
        ("QPP + QPP2" if _quebec(flow) else "CPP + CPP2", "cpp_withheld", "cpp_due", "cpp_overpayment"),
        ("EI", "ei_withheld", "ei_due", "ei_overpayment"),
    ]
    if _quebec(flow):
        rows.append(("QPIP", "qpip_withheld", "qpip_due", "qpip_overpayment"))
    out = [
        f"  {label + ':':<12} withheld {money(s[withheld]):>12}, due {money(s[due]):>12}: {refund_or_balance(s[diff])}"
        for label, withheld, due, diff in rows
    ]
    out.append(f"  {'Total:':<12} {refund_or_balance(s['total'])}")
    return out


def refund_or_balance(amount: float) -> str:
    """'refund $1.00', 'balance owing $1.00' or 'nothing to settle'."""
    if abs(amount) < 0.005:
        return "nothing to settle"
    return f"refund {money(amount)}" if amount > 0 else f"balance owing {money(-amount)}"
