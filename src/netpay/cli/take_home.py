"""``netpay take-home``: the take-home pay of an employee resident all year in one province."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netpay.cli.args import add_year_option, province, tax_year
from netpay.cli.output import add_csv_option, money, money0, print_frame, write_files
from netpay.cli.parse import PROG, naming, parse_amount
from netpay.cli.status import add_strict_option, require_verified_tables, status_footer
from netpay.lines import LABELS, TAKE_HOME_ROWS
from netpay.tables.status import tables_folder


def add_parser(subparsers: Any) -> None:
    """Declare ``take-home`` and its options."""
    parser = subparsers.add_parser(
        "take-home",
        help="annual and monthly take-home pay on employment income",
        description="Take-home pay of an employee resident all year in one province: CPP/QPP, EI, QPIP, "
        "federal and provincial tax, net income per year and per month, average and marginal rates.",
    )
    parser.add_argument(
        "income",
        nargs="+",
        type=parse_amount,
        metavar="INCOME",
        help="annual employment income, e.g. 140000, 140,000 or 140k; several give several columns",
    )
    parser.add_argument(
        "--province",
        "-p",
        default="ON",
        help="province or territory: code (ON, QC, ...) or name, any case, accents optional (default ON)",
    )
    add_year_option(parser, "tax year (default: the latest year netpay has tables for)")
    add_csv_option(parser)
    add_strict_option(parser)
    parser.set_defaults(run=run)


def breakdown(frame: pd.DataFrame) -> pd.DataFrame:
    """The result of ``netpay.take_home`` as printed: one column per income, rates in %, amounts in $."""
    table = frame.T.loc[list(TAKE_HOME_ROWS)]
    table.index = [LABELS[k] for k in table.index]
    table.columns = [money0(v) for v in frame["income"]]
    return table.apply(
        lambda col: [
            f"{v:.1%}" if label.endswith("rate") else money(v) for label, v in zip(table.index, col, strict=True)
        ]
    )


def run(args: argparse.Namespace) -> int:
    """Print the breakdown (and write the CSV)."""
    import netpay

    year = tax_year(args)
    code, name = province(args.province)
    if args.strict:
        require_verified_tables(code, year)
    with naming("INCOME"):
        frame = netpay.take_home(args.income, code, year)
    written = write_files(args, frame)
    print(f"Take-home pay, {name} ({code}), {year}: employment income, resident all year\n")
    print_frame(breakdown(frame))
    print(
        f"\nSources: {tables_folder(year)}: federal.yaml, payroll.yaml, {code.lower()}.yaml "
        f"(run `{PROG} tables --year {year} --sources {code}` to list them)."
    )
    print("\n".join(status_footer([code], year)))
    for path in written:
        print(f"Wrote {path}")
    return 0
