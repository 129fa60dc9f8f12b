"""The ``netpay`` command: take-home pay, the tables netpay ships, its cities, and offer comparisons.

``main(argv)`` returns the exit code: 0 on success, 2 on bad input (one line on stderr, never a
traceback). Run ``netpay --help`` or ``netpay <command> --help`` for every option.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from netpay.engine import LABELS
from netpay.errors import NetpayError

PROG = "netpay"


class UsageError(Exception):
    """Bad command-line input, reported as one line on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors raise instead of printing the usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


# --------------------------------------------------------------------------- parsing amounts

_AMOUNT = re.compile(r"^\$?\s*(\d+(?:[,_ ]\d{3})*(?:\.\d+)?|\d*\.\d+)\s*([kKmM]?)$")


def parse_amount(text: str) -> float:
    """A dollar amount written as 140000, 140_000, 140,000, $140,000, 140k or 1.2m."""
    m = _AMOUNT.match(text.strip())
    if not m:
        raise argparse.ArgumentTypeError(
            f"not a dollar amount: {text!r} (write e.g. 140000, 140,000 or 140k)"
        )
    value = float(re.sub(r"[,_ ]", "", m.group(1)))
    return value * {"": 1.0, "k": 1e3, "m": 1e6}[m.group(2).lower()]


def parse_amount_or_percent(text: str) -> tuple[str, float]:
    """An amount (see ``parse_amount``) or a percentage of the base salary such as 10%."""
    t = text.strip()
    if t.endswith("%"):
        try:
            pct = float(t[:-1])
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a percentage: {text!r} (write e.g. 10%)") from None
        if not 0 <= pct <= 1000:
            raise argparse.ArgumentTypeError(f"percentage out of range: {text!r}")
        return ("percent", pct / 100.0)
    return ("amount", parse_amount(t))


def parse_share_of_salary(text: str) -> tuple[str, float]:
    """``parse_amount_or_percent`` for a bonus or an RRSP match, where a bare number under 100 is
    almost surely a percentage written without its sign (``--bonus 10``): an error that says so."""
    kind, value = parse_amount_or_percent(text)
    if kind == "amount" and 0 < value < 100:
        raise argparse.ArgumentTypeError(
            f"{text!r} would be ${value:g} a year: write {text.strip()}% for a percentage of the base "
            f"salary, or the amount in dollars (e.g. 14000)"
        )
    return kind, value


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r} (write e.g. 2026)") from None


def _bedrooms(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 0 <= n <= 3:
        raise argparse.ArgumentTypeError(
            f"bedrooms must be 0 (bachelor), 1, 2 or 3 (three or more), not {text!r}"
        )
    return n


def _latest_year() -> int:
    from netpay import tables

    return tables.years()[-1]


# --------------------------------------------------------------------------- formatting


def _money(value: float) -> str:
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def _money0(value: float) -> str:
    if value != value:  # NaN: no figure
        return "n/a"
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def _print_frame(frame: pd.DataFrame) -> None:
    print(frame.to_string())


# --------------------------------------------------------------------------- take-home

TAKE_HOME_ROWS: tuple[str, ...] = tuple(k for k in LABELS if k != "deductions")


def cmd_take_home(args: argparse.Namespace) -> int:
    from netpay.engine import take_home
    from netpay.jurisdictions import NAMES, normalize

    year = args.year if args.year is not None else _latest_year()
    code = normalize(args.province)
    frame = take_home(args.income, code, year)
    if args.csv:
        _write_csv(frame, args.csv)
    table = frame.T.loc[list(TAKE_HOME_ROWS)]
    table.index = [LABELS[k] for k in table.index]
    table.columns = [_money0(v) for v in frame["income"]]
    shown = table.apply(
        lambda col: [
            f"{v:.1%}" if label.endswith("rate") else _money(v)
            for label, v in zip(table.index, col, strict=True)
        ]
    )
    print(f"Take-home pay, {NAMES[code]} ({code}), {year}: employment income, resident all year\n")
    _print_frame(shown)
    print(
        f"\nSources: data/tax_tables/{year}/federal.yaml, payroll.yaml, {code.lower()}.yaml "
        f"(run `{PROG} tables --year {year} --sources {code}` to list them)."
    )
    if args.csv:
        print(f"Wrote {args.csv}")
    return 0


# --------------------------------------------------------------------------- tables


def cmd_tables(args: argparse.Namespace) -> int:
    from netpay import tables
    from netpay.jurisdictions import NAMES, normalize

    if args.sources:
        year = args.year if args.year is not None else _latest_year()
        key = (
            args.sources
            if args.sources.lower() in (tables.FEDERAL, tables.PAYROLL)
            else normalize(args.sources)
        )
        key = key.lower() if key.lower() in (tables.FEDERAL, tables.PAYROLL) else key
        cited = tables.sources(year, key)
        print(f"Sources of data/tax_tables/{year}/{key.lower()}.yaml ({NAMES.get(key, key)}, {year}):\n")
        for field, items in cited.items():
            for s in items:
                mark = "verified" if s.verified else "not verified"
                print(f"- {field}: {s.title}\n  {s.href} (retrieved {s.retrieved}, {mark})")
        return 0
    years = [tables.check_year(args.year)] if args.year is not None else list(tables.years())
    have = tables.available()
    columns = [tables.FEDERAL, tables.PAYROLL, *NAMES]
    rows = {}
    for y in years:
        row = {}
        for j in columns:
            row[j] = str(sum(len(v) for v in tables.sources(y, j).values())) if j in have[y] else "-"
        rows[y] = row
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame.index.name = "year"
    print(
        f"Tax tables netpay ships (data edition {tables.DATA_EDITION}): number of cited sources per file;"
        " '-' = no table.\n"
    )
    _print_frame(frame)
    print(
        f"\nFiles: data/tax_tables/<year>/<jurisdiction>.yaml. List one file's sources with "
        f"`{PROG} tables --year {years[-1]} --sources ON`."
    )
    return 0


# --------------------------------------------------------------------------- cities


def cmd_cities(args: argparse.Namespace) -> int:
    from netpay import citydata as cities_mod

    frame = cities_mod.cities()
    if args.rents:
        rents = cities_mod.rents()
        if args.city:
            name = cities_mod.city(args.city).name
            rents = rents[rents["city"] == name]
        shown = rents[["city", "bedrooms", "basis", "amount", "period", "source"]].copy()
        shown["amount"] = shown["amount"].map(_money0)
        print(shown.to_string(index=False))
        return 0
    if args.city:
        c = cities_mod.city(args.city)
        frame = frame[frame["name"] == c.name]
    shown = frame[["name", "province", "cma", "asking_bedrooms", "average_bedrooms", "other_costs"]]
    print("Cities netpay has rent data for (bedrooms: 0 = bachelor, 3 = three or more):\n")
    print(shown.to_string(index=False))
    print(f"\nRents and their sources: `{PROG} cities --rents [--city NAME]`.")
    return 0


# --------------------------------------------------------------------------- compare


def _resolve(spec: tuple[str, float] | None, salary: float) -> float:
    if spec is None:
        return 0.0
    kind, value = spec
    return salary * value if kind == "percent" else value


def build_offers(args: argparse.Namespace) -> list[Any]:
    """One ``netpay.Offer`` per ``--city``, all with the same pay."""
    import netpay

    salary = args.salary
    common: dict[str, Any] = {
        "base_salary": salary,
        "signing_bonus": args.signing,
        "relocation_bonus": args.relocation,
    }
    if args.bonus is not None:
        kind, value = args.bonus
        if kind == "percent":
            common["bonus_percent"] = value * 100.0
        else:
            common["bonus"] = value
    if args.equity:
        common["equity_vesting"] = args.equity
    if args.rrsp_match:
        common["employer_rrsp_match"] = _resolve(args.rrsp_match, salary)
    return [netpay.Offer(city=c, **common) for c in args.city]


def cmd_compare(args: argparse.Namespace) -> int:
    import netpay

    if not args.city:
        raise UsageError(f"{PROG} compare: give at least one --city (e.g. --city Toronto --city Montréal)")
    year = args.year if args.year is not None else _latest_year()
    offers = build_offers(args)
    table = netpay.compare(offers, year=year, bedrooms=args.bedrooms, rent_basis=args.basis)
    if args.csv:
        _write_csv(table, args.csv)
    rooms = "bachelor" if args.bedrooms == 0 else f"{args.bedrooms}-bedroom"
    print(
        f"The offer in {len(offers)} cit{'y' if len(offers) == 1 else 'ies'}, {year}, dollars per month; "
        f"rent of a {rooms} apartment ({args.basis} rents). One-time payments are spread over 12 months.\n"
    )
    _print_frame(_format_comparison(table))
    print("\nRent:")
    print("\n".join(_rent_lines(table)))
    missing = _missing_costs(table)
    if missing:
        print("Other costs netpay has no figure for (n/a, not counted): " + "; ".join(missing) + ".")
    print(
        f"Sources: tax tables data/tax_tables/{year}/ (`{PROG} tables`); rents data/rent/rents.csv "
        f"(`{PROG} cities --rents`); other costs data/costs/other_costs.csv."
    )
    if args.csv:
        print(f"Wrote {args.csv}")
    if args.plot:
        from netpay import plot

        ax = plot.breakdown(table)
        path = Path(args.plot)
        path.parent.mkdir(parents=True, exist_ok=True)
        ax.figure.savefig(path, dpi=120, bbox_inches="tight")
        _close(ax)
        print(f"Wrote {path}")
    return 0


#: Lines always shown by ``netpay compare``, even when zero.
_KEY_LINES = ("cash_income", "federal_tax", "provincial_tax", "net_cash", "rent", "other_costs", "disposable")


def _format_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """Monthly amounts as $1,234 with readable labels; lines that are zero for every offer left out."""
    from netpay.compare import LINES

    keep = [k for k in table.index if k in _KEY_LINES or (table.loc[k].abs() > 0.005).any()]
    shown = table.loc[keep].apply(lambda col: col.map(_money0))

    def label(key: str) -> str:
        if key.startswith("other_costs."):
            return "  " + key.split(".", 1)[1].replace("_", " ")
        return LINES.get(key, key)

    shown.index = [label(k) for k in keep]
    return shown


def _rent_lines(table: pd.DataFrame) -> list[str]:
    out = []
    for name, s in table.attrs.get("sources", {}).items():
        period = f" {s['rent_period']}" if s.get("rent_period") else ""
        out.append(f"  {name}: {s['rent_source']}{period}")
    return out


def _missing_costs(table: pd.DataFrame) -> list[str]:
    """'Saskatoon: transit pass' for each offer lacking an other-cost item another offer has."""
    out = []
    for name in table.columns:
        items = [
            k.split(".", 1)[1].replace("_", " ")
            for k in table.index
            if k.startswith("other_costs.") and pd.isna(table.loc[k, name])
        ]
        if items:
            out.append(f"{name}: {', '.join(items)}")
    return out


def _close(ax: Any) -> None:
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def _write_csv(frame: pd.DataFrame, path: str) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(p)


# --------------------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="What a Canadian job offer is really worth: take-home pay, rent and disposable income.",
        epilog=f"Run `{PROG} <command> --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="<command>", parser_class=_Parser)

    th = sub.add_parser(
        "take-home",
        help="annual and monthly take-home pay on employment income",
        description="Take-home pay of an employee resident all year in one province: CPP/QPP, EI, QPIP, "
        "federal and provincial tax, net income per year and per month, average and marginal rates.",
    )
    th.add_argument(
        "income",
        nargs="+",
        type=parse_amount,
        metavar="INCOME",
        help="annual employment income, e.g. 140000, 140,000 or 140k; several give several columns",
    )
    th.add_argument(
        "--province",
        "-p",
        default="ON",
        help="province or territory: code (ON, QC, ...) or name, any case, accents optional (default ON)",
    )
    th.add_argument(
        "--year",
        "-y",
        type=_year,
        default=None,
        help="tax year (default: the latest year netpay has tables for)",
    )
    th.add_argument(
        "--csv", metavar="PATH", help="also write the full result, unrounded columns, to a CSV file"
    )
    th.set_defaults(func=cmd_take_home)

    tb = sub.add_parser(
        "tables",
        help="tax years and jurisdictions netpay has tables for, with their sources",
        description="Years x jurisdictions: the number of cited sources in each tax table ('-' = none). "
        "With --sources, list one table's sources with their addresses.",
    )
    tb.add_argument(
        "--year",
        "-y",
        type=_year,
        default=None,
        help="one year only (with --sources: the year to list, default the latest)",
    )
    tb.add_argument(
        "--sources",
        metavar="JURISDICTION",
        help="list the sources of one table: 'federal', 'payroll' or a province code or name",
    )
    tb.set_defaults(func=cmd_tables)

    ci = sub.add_parser(
        "cities",
        help="cities netpay has rent data for",
        description="The cities netpay knows: province, census metropolitan area, the bedroom counts with an "
        "asking or an average rent, and the other monthly costs it has.",
    )
    ci.add_argument("--city", help="show one city only (name or alias, accents optional)")
    ci.add_argument(
        "--rents", action="store_true", help="list the rent figures with their periods and sources"
    )
    ci.set_defaults(func=cmd_cities)

    cp = sub.add_parser(
        "compare",
        help="compare one offer across cities: take-home pay, rent, disposable income",
        description="The same offer in several cities, side by side: cash pay, taxes and contributions, "
        "rent and other costs, and what is left each month.",
    )
    cp.add_argument(
        "--salary", "-s", type=parse_amount, required=True, help="annual base salary, e.g. 140000 or 140k"
    )
    cp.add_argument(
        "--bonus",
        type=parse_share_of_salary,
        default=None,
        help="annual bonus: an amount (14000) or a percentage of the base salary (10%%)",
    )
    cp.add_argument(
        "--city",
        "-c",
        action="append",
        default=[],
        metavar="CITY",
        help="a city to compare; repeat for each city (e.g. --city Toronto --city Montréal)",
    )
    cp.add_argument(
        "--year",
        "-y",
        type=_year,
        default=None,
        help="tax year (default: the latest year netpay has tables for)",
    )
    cp.add_argument(
        "--bedrooms",
        "-b",
        type=_bedrooms,
        default=1,
        help="bedrooms of the rented apartment: 0 (bachelor), 1, 2 or 3 (three or more); default 1",
    )
    cp.add_argument(
        "--basis",
        choices=("asking", "average"),
        default="asking",
        help="rent basis: 'asking' (what a newcomer signs today, the default) or 'average' "
        "(CMHC average of occupied units, including long-time tenants)",
    )
    cp.add_argument(
        "--signing",
        type=parse_amount,
        default=0.0,
        metavar="AMOUNT",
        help="one-time signing bonus (taxed as employment income in the year)",
    )
    cp.add_argument(
        "--relocation",
        type=parse_amount,
        default=0.0,
        metavar="AMOUNT",
        help="relocation bonus paid in cash (taxed as employment income in the year)",
    )
    cp.add_argument(
        "--equity",
        type=parse_amount,
        default=0.0,
        metavar="AMOUNT",
        help="RSU/stock vesting in the year (taxed as employment income)",
    )
    cp.add_argument(
        "--rrsp-match",
        type=parse_share_of_salary,
        default=None,
        metavar="AMOUNT|PCT",
        help="employer RRSP/pension match paid into an RRSP: an amount or a percentage of salary",
    )
    cp.add_argument("--plot", metavar="PNG", help="also draw the breakdown chart to this image file")
    cp.add_argument("--csv", metavar="PATH", help="also write the comparison table to a CSV file")
    cp.set_defaults(func=cmd_compare)
    return parser


def _version() -> str:
    from netpay import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``netpay`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        return int(args.func(args))
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # `netpay tables | head`: the reader left; not an error
        try:
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (NetpayError, ValueError, KeyError, OSError, ImportError) as exc:
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return 2


def _one_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
