"""The household on the command line: ``--spouse-income``, ``--child YEAR`` (repeatable), ``--status``,
``--childcare`` (a monthly fee for each child, overriding netpay's), ``--subsidised`` (that fee is a
subsidised space's); read into a ``netpay.Household``."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netpay.cli.output import money0
from netpay.cli.parse import UsageError, choice, metavar, naming, parse_amount, parse_year

#: ``--status``: the adults' status in Canada (``netpay.household.STATUSES``).
STATUSES: tuple[str, ...] = ("citizen", "permanent_resident", "work_permit")


def add_household_options(parser: Any) -> None:
    """Declare the household options of a command."""
    group = parser.add_argument_group(
        "household", "a spouse and children: each adult files a return; benefits and child care are counted"
    )
    group.add_argument(
        "--spouse-income",
        type=parse_amount,
        metavar="AMOUNT",
        help="the spouse's or common-law partner's employment income a year (0: a spouse without income)",
    )
    group.add_argument(
        "--child",
        type=parse_year,
        action="append",
        default=[],
        metavar="YEAR",
        help="a child's year of birth; repeat for each child (--child 2023 --child 2020)",
    )
    group.add_argument(
        "--status",
        type=choice(STATUSES),
        metavar=metavar(STATUSES),
        help="the adults' status in Canada (for the benefits' residence rules); default citizen",
    )
    group.add_argument(
        "--childcare",
        type=parse_amount,
        metavar="AMOUNT",
        help="the child care fee a month for each child, instead of netpay's figure for a child under 6 "
        "(taken as a non-subsidised daycare's: in Québec it earns the childcare tax credit)",
    )
    group.add_argument(
        "--subsidised",
        action="store_true",
        help="the --childcare fee is a subsidised space's (Québec's reduced contribution: no childcare credit)",
    )


def check_children(children: list[Any], year: int) -> None:
    """Refuse a ``--child`` that the tax ``year`` would leave out in silence: born after it, or older
    than 18 at its end (``Household.children_in``)."""
    for child in children:
        born, age = child.born.year, child.age(year)
        if age < 0:
            raise UsageError(
                f"--child {born}: born after the tax year {year}, so not counted: give the children born by "
                f"{year} (or --year {born} or later)"
            )
        if age > 18:
            raise UsageError(
                f"--child {born}: {age} at the end of {year}, so not counted (benefits and child amounts stop at 18): "
                "leave out children over 18, or check the year of birth"
            )


def household_from_args(args: argparse.Namespace, year: int | None = None) -> Any:
    """The ``netpay.Household`` the options describe, or None when none is given (a single person);
    with ``year`` (the tax year), a child the year would not count is refused."""
    import netpay

    subsidised = bool(getattr(args, "subsidised", False))
    if args.spouse_income is None and not args.child:
        given = (("--status", args.status), ("--childcare", args.childcare), ("--subsidised", subsidised or None))
        for option, value in given:
            if value is not None:
                raise UsageError(f"{option} describes a household: give --spouse-income or --child too")
        return None
    with naming("--spouse-income"):
        spouse = None if args.spouse_income is None else netpay.Spouse(income=args.spouse_income)
    if subsidised and args.childcare is None:
        raise UsageError("--subsidised describes the --childcare fee: give --childcare AMOUNT too")
    with naming("--child"):
        children = [
            netpay.Child(born=born, childcare=args.childcare, subsidised=True if subsidised else None)
            for born in args.child
        ]
    if year is not None:
        check_children(children, year)
    with naming("--status"):
        return netpay.Household(spouse=spouse, children=children, status=args.status or "citizen")


def short_label(text: str) -> str:
    """A benefit's label without its payment schedule ('Canada Child Benefit, paid in 2026: ...' ->
    'Canada Child Benefit'), for the printed table; the full label is in the CSV and ``attrs``."""
    return text.split(", paid in")[0].split(" on the ")[0]


def _amount(table: pd.DataFrame, key: str, name: str) -> str:
    """' $1,234:' for the line in the column ``name`` (the full year's, with a move), '' without one."""
    if key not in table.index:
        return ""
    value = table.loc[key, name]
    if isinstance(value, pd.Series):
        value = value.get("full year", value.iloc[-1])
    return f" {money0(float(value))}:"


def household_footer(table: pd.DataFrame) -> list[str]:
    """Per city: the sources of the household's lines and of each benefit, with its status."""
    out = ["Household (each adult files a return; benefits as paid in the calendar year):"]
    labels = table.attrs.get("labels", {})
    for name, s in table.attrs.get("sources", {}).items():
        for key, sources in s.get("household", {}).items():
            if sources:
                label = short_label(labels.get(key, key))
                out.append(f"  {name}, {label}:{_amount(table, key, name)} " + "; ".join(sources))
    return out
