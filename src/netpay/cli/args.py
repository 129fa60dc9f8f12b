"""The options the ``netpay`` commands share, each declared once with one help text, and their one
translation into netpay's keywords: the tax year, the offer (``netpay.Offer``) and the first year in
Canada (arrival and start dates, pay periods, the bonus rule, RRSP room).

The library checks the values (dates in the year, start on or after arrival, amounts); its errors come
back as one line naming the option (:func:`netpay.cli.parse.naming`).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from pydantic import ValidationError

from netpay import first_year, tables
from netpay.cli.parse import (
    UsageError,
    choice,
    library_message,
    metavar,
    naming,
    parse_amount,
    parse_date,
    parse_pay_periods,
    parse_share_of_salary,
    parse_year,
)


def tax_year(args: argparse.Namespace) -> int:
    """``--year``; else the year of ``--arrival`` (or ``--start``); else the latest year netpay has
    tables for. Checked by ``netpay.tables.check_year``, its error naming the option that set the year."""
    day = getattr(args, "arrival", None) or getattr(args, "start", None)
    if args.year is not None:
        option, year = f"--year {args.year}", args.year
    elif day is not None:
        option, year = ("--arrival" if args.arrival else "--start") + f" {day.isoformat()}", day.year
    else:
        return tables.years()[-1]  # the one place 'no year given' means the latest
    with naming(option):
        return tables.check_year(year)


#: ``--year`` of the commands that take an offer (compare, cash-flow).
YEAR_OF_THE_OFFER = "tax year (default: the year of --arrival or --start, else the latest year netpay has tables for)"


def add_year_option(parser: Any, meaning: str) -> None:
    """``--year``/``-y``: ``meaning`` says what the year selects and its default, per command."""
    parser.add_argument("--year", "-y", type=parse_year, default=None, help=meaning)


def refuse(args: argparse.Namespace, options: dict[str, str], reason: str) -> None:
    """Refuse the first of ``options`` (dest -> option) given, with ``reason`` (what to give instead)."""
    for dest, option in options.items():
        if getattr(args, dest, None) is not None:
            raise UsageError(f"{option} {reason}")


# --------------------------------------------------------------------------- the offer

#: ``netpay.Offer`` field -> the option that sets it (to name the option in the library's errors).
OFFER_OPTIONS: dict[str, str] = {
    "base_salary": "--salary",
    "bonus": "--bonus",
    "bonus_percent": "--bonus",
    "signing_bonus": "--signing",
    "relocation_bonus": "--relocation",
    "equity_vesting": "--equity",
    "employer_rrsp_match": "--rrsp-match",
    "city": "--city",
}


def add_offer_options(parser: Any, salary_required: bool = True) -> None:
    """The offer: --salary, --bonus, --city, --signing, --relocation, --equity, --rrsp-match
    (``salary_required=False``: a command that can read its offers elsewhere checks --salary itself)."""
    parser.add_argument(
        "--salary",
        "-s",
        type=parse_amount,
        required=salary_required,
        help="annual base salary, e.g. 140000 or 140k",
    )
    parser.add_argument(
        "--bonus",
        type=parse_share_of_salary,
        metavar="AMOUNT|PCT",
        help="annual bonus: an amount (14000) or a percentage of the base salary (10%%); in the first year "
        "in Canada, --first-year-bonus says whether year one pays it",
    )
    parser.add_argument(
        "--city",
        "-c",
        action="append",
        default=[],
        metavar="CITY",
        help="the city of the job, name or alias, accents optional (it sets the province); compare takes "
        "several: repeat --city for each",
    )
    for option, what in (
        ("--signing", "one-time signing bonus, employment income (in the first year in Canada: with the first pay)"),
        ("--relocation", "relocation bonus paid in cash, employment income (first year: with the first pay)"),
        ("--equity", "RSU/stock vesting in the year, as shares (employment income, not cash)"),
    ):
        parser.add_argument(option, type=parse_amount, default=0.0, metavar="AMOUNT", help=what)
    parser.add_argument(
        "--rrsp-match",
        type=parse_share_of_salary,
        metavar="AMOUNT|PCT",
        help="employer RRSP/pension match paid into an RRSP: an amount or a percentage of salary",
    )


def _share(spec: tuple[str, float], salary: float) -> float:
    kind, value = spec
    return salary * value if kind == "percent" else value


def offer_from_args(args: argparse.Namespace, city: str) -> Any:
    """The ``netpay.Offer`` that the offer options describe, in ``city``; the library's refusal of a
    value comes back as one line naming the option."""
    import netpay

    keywords: dict[str, Any] = {
        "base_salary": args.salary,
        "signing_bonus": args.signing,
        "relocation_bonus": args.relocation,
        "equity_vesting": args.equity,
        "city": city,
    }
    if args.bonus is not None:
        kind, value = args.bonus
        # Offer reads bonus_percent under 1 as a fraction written by mistake (0.1 for 10%); a '%'
        # typed on the command line is not ambiguous, so a bonus under 1% goes in dollars.
        if kind == "percent" and value >= 0.01:
            keywords["bonus_percent"] = value * 100.0
        else:
            keywords["bonus"] = _share(args.bonus, args.salary)
    if args.rrsp_match is not None:
        keywords["employer_rrsp_match"] = _share(args.rrsp_match, args.salary)
    try:
        return netpay.Offer(**keywords)
    except ValidationError as exc:
        field = next((str(e["loc"][0]) for e in exc.errors() if e["loc"]), "")
        raise UsageError(f"{OFFER_OPTIONS.get(field, field)}: {library_message(exc)}") from None


# --------------------------------------------------------------------------- the first year in Canada

#: The first-year options (dest -> option) that need a move to Canada, besides the dates.
ARRIVAL_OPTIONS: dict[str, str] = {
    "pay_periods": "--pay-periods",
    "first_year_bonus": "--first-year-bonus",
    "rrsp_room": "--rrsp-room",
}


def add_arrival_options(parser: Any) -> Any:
    """The first year in Canada, as an argument group (returned, for a command to add its own):
    --arrival, --start, --pay-periods, --first-year-bonus, --rrsp-room. Defaults are the library's."""
    group = parser.add_argument_group(
        "first year in Canada",
        "The year of the move: resident from --arrival, paid from --start (each defaults to the other); "
        "the tax year is theirs unless --year is given, and both must fall in it.",
    )
    group.add_argument("--arrival", type=parse_date, metavar="YYYY-MM-DD", help="the day you become resident in Canada")
    group.add_argument(
        "--start", type=parse_date, metavar="YYYY-MM-DD", help="the first day of work, on or after --arrival"
    )
    group.add_argument(
        "--pay-periods",
        type=parse_pay_periods,
        metavar="{12,24,26,52}",
        help="pays a year: 12 (monthly, the default), 24 (semi-monthly), 26 (biweekly) or 52 (weekly)",
    )
    group.add_argument(
        "--first-year-bonus",
        type=choice(first_year.BONUS_RULES),
        metavar=metavar(first_year.BONUS_RULES),
        help="the annual --bonus in year one: 'next-year' (paid the following year, nothing in year one; "
        "the default), 'prorated' (to the days employed) or 'full' (both with the last pay of the year)",
    )
    group.add_argument(
        "--rrsp-room",
        type=parse_amount,
        metavar="AMOUNT",
        help="your RRSP deduction limit (on your notice of assessment): with --arrival, of year one "
        "(default 0: a newcomer has none); without, of the year (default: the year's RRSP dollar "
        "limit); --rrsp-match contributions above it are not deducted",
    )
    return group


def arrival_from_args(args: argparse.Namespace) -> tuple[dt.date, dt.date] | None:
    """(arrival, start) of the first year in Canada, each defaulting to the other; None without either.
    Refuses options that need another one (--first-year-bonus without --bonus, --rrsp-room without
    --rrsp-match). The dates themselves are checked by the library."""
    if args.bonus is None:
        refuse(
            args,
            {"first_year_bonus": "--first-year-bonus"},
            "says when year one pays the annual bonus: give --bonus too",
        )
    if args.rrsp_match is None:
        refuse(args, {"rrsp_room": "--rrsp-room"}, "limits the deduction of RRSP contributions: give --rrsp-match too")
    if args.arrival is None and args.start is None:
        return None
    return args.arrival or args.start, args.start or args.arrival


def date_options(args: argparse.Namespace) -> dict[str, str]:
    """The library's names of the two dates -> the option that gave each (the one given, if only one
    was), to name them in the library's errors."""
    given = [f"--{name}" for name in ("arrival", "start") if getattr(args, name) is not None]
    return {"arrival": given[0], "start": given[-1]} if given else {}


def arrival_keywords(args: argparse.Namespace) -> dict[str, Any]:
    """The first-year options given (``pay_periods``, ``first_year_bonus``, ``rrsp_room``), by the
    library's names; those not given take the library's defaults."""
    return {dest: getattr(args, dest) for dest in ARRIVAL_OPTIONS if getattr(args, dest) is not None}


def province_names() -> dict[str, str]:
    """Province and territory codes -> names, in the order of the tax tables (the one place the CLI
    reads them)."""
    return dict(tables.NAMES)


def province(text: str, option: str = "--province") -> tuple[str, str]:
    """The code and name of the province or territory ``text`` (given as ``option``), as the tax tables
    name it."""
    with naming(f"{option} {text}"):
        code = tables.normalize(text)
    return code, province_names()[code]
