"""``netpay tables``: the tax years and jurisdictions netpay ships tables for, and their sources."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netpay import tables
from netpay.cli.args import add_year_option, province, province_names, tax_year
from netpay.cli.output import print_frame
from netpay.cli.parse import PROG, naming


def add_parser(subparsers: Any) -> None:
    """Declare ``tables`` and its options."""
    parser = subparsers.add_parser(
        "tables",
        help="tax years and jurisdictions netpay has tables for, with their sources",
        description="Years x jurisdictions: the number of cited sources in each tax table ('-' = none). "
        "With --sources, list one table's sources with their addresses.",
    )
    add_year_option(parser, "one year only (with --sources: the year to list, default the latest)")
    parser.add_argument(
        "--sources",
        metavar="JURISDICTION",
        help="list the sources of one table: 'federal', 'payroll' or a province code or name",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the years x jurisdictions table, or one table's sources."""
    if args.sources is not None:
        return print_sources(tax_year(args), args.sources)
    if args.year is not None:
        years = [tax_year(args)]
        if tables.is_projected(years[0]):
            return print_projected(years[0])
    else:
        years = list(tables.years())
    have = tables.available()
    columns = [tables.FEDERAL, tables.PAYROLL, *province_names()]
    rows = {
        y: {j: str(sum(len(v) for v in tables.sources(y, j).values())) if j in have[y] else "-" for j in columns}
        for y in years
    }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "year"
    print(
        f"Tax tables netpay ships (data edition {tables.DATA_EDITION}): number of cited sources per file;"
        " '-' = no table.\n"
    )
    print_frame(frame)
    later = tables.projectable_years()
    print(
        f"\nFiles: data/tax_tables/<year>/<jurisdiction>.yaml. List one file's sources with "
        f"`{PROG} tables --year {years[-1]} --sources ON`.\nProjected (not shipped): {later[0]}-{later[-1]}, "
        f"indexed from {tables.last_shipped()}; see `{PROG} tables --year {later[0]}`."
    )
    return 0


def print_projected(year: int) -> int:
    """A projected year: every table's figures, each marked projected with its basis."""
    print(f"{year} is projected (netpay ships tables to {tables.last_shipped()}): {tables.projection_basis(year)}.\n")
    for key in [tables.FEDERAL, tables.PAYROLL, *tables.provinces(year)]:
        table = tables.load(year, key)
        print(f"{key}:")
        for field, items in tables.sources(year, key).items():
            value = getattr(table, field)
            shown = [b.from_ for b in value] if field == "brackets" else value
            print(f"  {field} = {_figure(shown)}\n    {items[0].status}: {items[0].note}")
    print("\nOverride the assumptions with netpay.assume(indexation={'federal': 0.021}, wage_growth=0.03).")
    return 0


def _figure(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_figure(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1 else f"{value:g}"
    if hasattr(value, "model_dump"):
        return ", ".join(f"{k}={_figure(v)}" for k, v in value.model_dump(by_alias=True).items())
    return str(value)


def print_sources(year: int, text: str) -> int:
    """List the cited sources of one table (``--sources``): federal, payroll or a province."""
    key = text.strip().lower()
    if key in (tables.FEDERAL, tables.PAYROLL):
        name = key
    else:
        key, name = province(text, "--sources")
    with naming(f"--sources {text}"):
        cited = tables.sources(year, key)
    print(f"Sources of data/tax_tables/{year}/{key.lower()}.yaml ({name}, {year}):\n")
    for field, items in cited.items():
        for s in items:
            mark = "verified" if s.verified else "not verified"
            if s.status != "verified" and s.status != "unverified":
                mark = f"{mark}, {s.status}"
            print(f"- {field}: {s.title}\n  {s.href} (retrieved {s.retrieved}, {mark})")
            if s.projected:
                print(f"  basis: {s.note}")
    return 0
