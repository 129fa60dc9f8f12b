"""The ``netpay`` command: take-home pay, the tables netpay ships, its cities, offer comparisons (also for
the first year in Canada) and the first year's pay cheques.

``main(argv)`` returns the exit code: 0 on success, 2 on bad input (one line on stderr, never a
traceback). Run ``netpay --help`` or ``netpay <command> --help`` for every option.
"""

from __future__ import annotations

import argparse
import datetime as dt
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


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> dt.date:
    """A calendar date written YYYY-MM-DD, e.g. 2026-06-01."""
    t = text.strip()
    try:
        if _DATE.match(t):
            return dt.date.fromisoformat(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such date: {text!r} (write YYYY-MM-DD, e.g. 2026-06-01)") from None
    raise argparse.ArgumentTypeError(f"not a date: {text!r} (write YYYY-MM-DD, e.g. 2026-06-01)")


#: Pay frequencies accepted by --pay-periods: a number of pays a year, or its name.
_PAY_PERIOD_NAMES = {"monthly": 12, "semi-monthly": 24, "semimonthly": 24, "biweekly": 26, "weekly": 52}


def _pay_periods(text: str) -> int:
    t = text.strip().lower()
    n = _PAY_PERIOD_NAMES.get(t)
    if n is None and t.isdigit():
        n = int(t)
    if n not in (12, 24, 26, 52):
        raise argparse.ArgumentTypeError(
            f"pay periods must be 12 (monthly), 24 (semi-monthly), 26 (biweekly) or 52 (weekly), not {text!r}"
        )
    return n


def _choice(*names: str) -> Any:
    """An argparse type for a choice written with '-' or '_', any case: returns the '_' spelling
    (the name the library uses)."""

    def convert(text: str) -> str:
        t = text.strip().lower().replace("-", "_")
        if t not in names:
            shown = ", ".join(n.replace("_", "-") for n in names)
            raise argparse.ArgumentTypeError(f"choose from {shown}, not {text!r}")
        return t

    return convert


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


#: Options of ``netpay compare`` that mean something only for the first year in Canada.
_FIRST_YEAR_OPTIONS = {
    "view": "--view",
    "pay_periods": "--pay-periods",
    "first_year_bonus": "--first-year-bonus",
    "rrsp_room": "--rrsp-room",
}


def _first_year_dates(
    command: str, year: int | None, arrival: dt.date | None, start: dt.date | None
) -> tuple[int, dt.date, dt.date]:
    """The tax year, arrival and start of the first year in Canada, checked: arrival defaults to
    start, the year to the arrival's; both dates in the year, start on or after arrival."""
    given = [(option, day) for option, day in (("--arrival", arrival), ("--start", start)) if day is not None]
    if not given:
        raise UsageError(f"{PROG} {command}: give --arrival YYYY-MM-DD (the day you become resident in Canada)")
    arrival = arrival or given[0][1]
    start = start or arrival
    year = arrival.year if year is None else year
    for option, day in given:
        if day.year != year:
            raise UsageError(
                f"{PROG} {command}: {option} {day.isoformat()} is not in tax year {year} "
                f"(give a date from {year}-01-01 to {year}-12-31, or --year {day.year})"
            )
    if start < arrival:
        raise UsageError(
            f"{PROG} {command}: --start {start.isoformat()} is before --arrival {arrival.isoformat()}: "
            "netpay counts only work done while resident in Canada"
        )
    return year, arrival, start


def cmd_compare(args: argparse.Namespace) -> int:
    import netpay

    if not args.city:
        raise UsageError(f"{PROG} compare: give at least one --city (e.g. --city Toronto --city Montréal)")
    first_year = args.arrival is not None or args.start is not None
    if not first_year:
        stray = [opt for dest, opt in _FIRST_YEAR_OPTIONS.items() if getattr(args, dest) is not None]
        if stray:
            raise UsageError(
                f"{PROG} compare: {stray[0]} is for the first year in Canada: give --arrival DATE too"
            )
        year = args.year if args.year is not None else _latest_year()
        options: dict[str, Any] = {}
    else:
        year, arrival, start = _first_year_dates("compare", args.year, args.arrival, args.start)
        options = {
            "arrival": arrival,
            "start": start,
            "view": args.view or "both",
            "pay_periods": args.pay_periods or 12,
            "first_year_bonus": args.first_year_bonus or "next_year",
            "rrsp_room": args.rrsp_room if args.rrsp_room is not None else 0.0,
        }
    offers = build_offers(args)
    table = netpay.compare(offers, year=year, bedrooms=args.bedrooms, rent_basis=args.basis, **options)
    if args.csv:
        _write_csv(table, args.csv)
    rooms = "bachelor" if args.bedrooms == 0 else f"{args.bedrooms}-bedroom"
    cities = f"{len(offers)} cit{'y' if len(offers) == 1 else 'ies'}"
    if not first_year:
        print(
            f"The offer in {cities}, {year}, dollars per month; rent of a {rooms} apartment "
            f"({args.basis} rents). One-time payments are spread over 12 months.\n"
        )
    else:
        print(
            f"The offer in {cities}, {year}, dollars per month; rent of a {rooms} apartment ({args.basis} rents)."
        )
        print("\n".join(_first_year_header(table, options)) + "\n")
    _print_frame(_format_comparison(table))
    if first_year:
        print(f"\nFirst year in Canada ({year}), per city:")
        print("\n".join(_first_year_lines(table)))
    print("\nRent:")
    print("\n".join(_rent_lines(table)))
    missing = _missing_costs(table)
    if missing:
        print("Other costs netpay has no figure for (n/a, not counted): " + "; ".join(missing) + ".")
    print(
        f"Sources: tax tables data/tax_tables/{year}/ (`{PROG} tables`); rents data/rent/rents.csv "
        f"(`{PROG} cities --rents`); other costs data/costs/other_costs.csv."
    )
    if first_year:
        print(f"Pay cheque by pay cheque: `{PROG} cash-flow`; the rules: docs/first-year.md.")
    if args.csv:
        print(f"Wrote {args.csv}")
    if args.plot:
        from netpay import plot

        ax = plot.breakdown(table)
        _save(ax, args.plot)
    return 0


_BONUS_RULE_TEXT = {
    "next_year": "the annual bonus for year one is paid the next year (none in year one)",
    "prorated": "the annual bonus is prorated to the days employed, paid with the last pay",
    "full": "the whole annual bonus is paid with the last pay of year one",
}


def _first_year_header(table: pd.DataFrame, options: dict[str, Any]) -> list[str]:
    """What the first-year columns mean: the explanation printed above the table."""
    from netpay.first_year import PAY_PERIODS

    facts = next(iter(table.attrs.get("first_year", {}).values()), None)
    arrival, start = options["arrival"], options["start"]
    lines = [
        f"Year one: resident in Canada from {arrival.isoformat()}, working from {start.isoformat()}, paid "
        f"{PAY_PERIODS[options['pay_periods']]}; {_BONUS_RULE_TEXT[options['first_year_bonus']]}."
    ]
    if facts is not None:
        lines.append(
            f"In year one \"per month\" means per month resident in Canada ({facts['days_resident']} of "
            f"{facts['days_in_year']} days = {facts['months_in_canada']:.2f} months): pay, taxes and "
            "one-time payments over those months, rent for those months."
        )
    if options["view"] != "year_one":
        lines.append(
            "Full year: a later year, resident all year, without the one-time payments, on the same year's tables."
        )
    return lines


def _first_year_lines(table: pd.DataFrame) -> list[str]:
    """Per city: days resident and what the return settles the next spring (``attrs['first_year']``)."""
    out = []
    for name, f in table.attrs.get("first_year", {}).items():
        s = f.get("settlement", {})
        total = s.get("total")
        when = f"spring {int(f['year']) + 1}"
        if total is None:
            settled = "no settlement figure"
        elif total >= 0:
            settled = f"refund of {_money0(total)} in {when}"
        else:
            settled = f"balance owing of {_money0(-total)} in {when}"
        line = f"  {name}: {f['days_resident']} days resident ({f['months_in_canada']:.2f} months); {settled}"
        if total is not None:
            line += (
                f" (income tax withheld {_money0(s['tax_withheld'])}, due {_money0(s['tax_due'])}"
                + _overpaid(s)
                + ")"
            )
        if f.get("rrsp_not_deducted"):
            line += f"; RRSP contributions not deductible in year one: {_money0(f['rrsp_not_deducted'])}"
        out.append(line)
    return out


def _overpaid(s: dict[str, float]) -> str:
    parts = [
        f"{label} {_money(s[key])}"
        for key, label in (("cpp_overpayment", "CPP/QPP"), ("ei_overpayment", "EI"), ("qpip_overpayment", "QPIP"))
        if abs(s.get(key, 0.0)) >= 0.005
    ]
    return f"; overpaid {', '.join(parts)}" if parts else ""


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
    found: dict[str, list[str]] = {}
    for column in table.columns:
        name = column[0] if isinstance(column, tuple) else column
        for k in table.index:
            if k.startswith("other_costs.") and pd.isna(table.loc[k, column]):
                item = k.split(".", 1)[1].replace("_", " ")
                if item not in found.setdefault(name, []):
                    found[name].append(item)
    return [f"{name}: {', '.join(items)}" for name, items in found.items() if items]


def _close(ax: Any) -> None:
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def _save(ax: Any, target: str) -> None:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    ax.figure.savefig(path, dpi=120, bbox_inches="tight")
    _close(ax)
    print(f"Wrote {path}")


def _write_csv(frame: pd.DataFrame, path: str) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(p)


# --------------------------------------------------------------------------- cash-flow

#: Columns of ``netpay cash-flow``: cash-flow column(s) -> heading (QPP/QPP2 in Québec).
_FLOW_COLUMNS: dict[str, tuple[str, ...]] = {
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


def _flow_table(flow: pd.DataFrame, by: str) -> pd.DataFrame:
    """The pay cheques (or months) of a cash flow with a total row, amounts to the cent."""
    quebec = flow.attrs.get("province") == "QC"
    data: dict[str, pd.Series] = {}
    for heading, cols in _FLOW_COLUMNS.items():
        values = flow[list(cols)].sum(axis=1)
        if heading in ("one-time", "RRSP/pension") and not values.abs().gt(0.005).any():
            continue  # nothing of that kind: no empty column
        if quebec and heading.startswith("CPP"):
            heading = heading.replace("CPP", "QPP")
        data[heading] = values
    table = pd.DataFrame(data)
    if by == "month":
        table.index = [pd.Timestamp(d).strftime("%b %Y") for d in flow["pay_date"]]
    else:
        table.index = [pd.Timestamp(d).strftime("%Y-%m-%d") for d in flow["pay_date"]]
    table.loc["total"] = table.sum(axis=0)
    return table.apply(lambda col: col.map(_money))


def _settlement_lines(flow: pd.DataFrame) -> list[str]:
    s = flow.attrs["settlement"]
    quebec = flow.attrs.get("province") == "QC"
    rows = [
        ("Income tax", "tax_withheld", "tax_due", "tax_refund"),
        ("QPP + QPP2" if quebec else "CPP + CPP2", "cpp_withheld", "cpp_due", "cpp_overpayment"),
        ("EI", "ei_withheld", "ei_due", "ei_overpayment"),
    ]
    if quebec:
        rows.append(("QPIP", "qpip_withheld", "qpip_due", "qpip_overpayment"))
    out = []
    for label, withheld, due, diff in rows:
        out.append(
            f"  {label + ':':<12} withheld {_money(s[withheld]):>12}, due {_money(s[due]):>12}: "
            f"{_refund_or_balance(s[diff])}"
        )
    out.append(f"  {'Total:':<12} {_refund_or_balance(s['total'])}")
    return out


def _refund_or_balance(amount: float) -> str:
    if abs(amount) < 0.005:
        return "nothing to settle"
    return f"refund {_money(amount)}" if amount > 0 else f"balance owing {_money(-amount)}"


def cmd_cash_flow(args: argparse.Namespace) -> int:
    import netpay
    from netpay import citydata
    from netpay.first_year import PAY_PERIODS, monthly_cash_flow

    year, arrival, start = _first_year_dates("cash-flow", args.year, args.arrival, args.start)
    place = citydata.city(args.city)
    common: dict[str, Any] = {
        "base_salary": args.salary,
        "signing_bonus": args.signing,
        "relocation_bonus": args.relocation,
        "city": place.name,
    }
    if args.bonus is not None:
        kind, value = args.bonus
        if kind == "percent":
            common["bonus_percent"] = value * 100.0
        else:
            common["bonus"] = value
    offer = netpay.Offer(**common)
    flow = monthly_cash_flow(
        offer,
        year,
        start,
        arrival=arrival,
        pay_periods=args.pay_periods,
        bonus=args.first_year_bonus,
        by=args.by,
    )
    if args.csv:
        _write_csv(flow, args.csv)
    rows = "per calendar month, pays summed" if args.by == "month" else "per pay, by pay date"
    print(
        f"Pay cheques, {place.name} ({place.province}), {year}: {_money0(args.salary)} a year paid "
        f"{PAY_PERIODS[args.pay_periods]} from {start.isoformat()}, resident in Canada from "
        f"{arrival.isoformat()}; dollars {rows}."
    )
    lumps = [
        f"{name} {_money0(amount)} with the first pay"
        for name, amount in (("signing bonus", args.signing), ("relocation bonus", args.relocation))
        if amount
    ]
    if offer.bonus_amount:
        lumps.append(_BONUS_RULE_TEXT[args.first_year_bonus])
    if lumps:
        print("One-time: " + "; ".join(lumps) + ".")
    print(
        "Payroll withholds as for a resident all year (each pay annualized, full personal amounts); "
        "CPP/EI stop at the annual maximum.\n"
    )
    _print_frame(_flow_table(flow, args.by))
    print(
        f"\nThe {year} return, filed in the spring of {year + 1}: withheld minus due as a part-year "
        f"resident ({(dt.date(year, 12, 31) - arrival).days + 1} days):"
    )
    print("\n".join(_settlement_lines(flow)))
    print(f"The rules: docs/first-year.md; the year one next to a full year: `{PROG} compare --arrival`.")
    if args.csv:
        print(f"Wrote {args.csv}")
    if args.plot:
        from netpay.first_year import plot_monthly_cash_flow

        _save(plot_monthly_cash_flow(flow), args.plot)
    return 0


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
        help="tax year (default: the year of --arrival, else the latest year netpay has tables for)",
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
    fy = cp.add_argument_group(
        "first year in Canada",
        "Give --arrival to see the year of the move (part-year resident, salary from --start) next to a "
        "full year. The other options here need --arrival (or --start).",
    )
    fy.add_argument(
        "--arrival",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the day you become resident in Canada (default: --start); it sets the tax year unless --year "
        "is given, and must fall in it",
    )
    fy.add_argument(
        "--start",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the first day of work, on or after --arrival (default: --arrival)",
    )
    fy.add_argument(
        "--view",
        type=_choice("both", "year_one", "full_year"),
        default=None,
        metavar="{both,year-one,full-year}",
        help="columns per city: 'both' (year one next to the full year, the default), 'year-one' or 'full-year'",
    )
    _first_year_pay_options(fy)
    fy.add_argument(
        "--rrsp-room",
        type=parse_amount,
        default=None,
        metavar="AMOUNT",
        help="your RRSP deduction limit for year one (default 0: a newcomer has none; contributions above "
        "it are not deducted in year one)",
    )
    cp.add_argument("--plot", metavar="PNG", help="also draw the breakdown chart to this image file")
    cp.add_argument("--csv", metavar="PATH", help="also write the comparison table to a CSV file")
    cp.set_defaults(func=cmd_compare)

    cf = sub.add_parser(
        "cash-flow",
        help="the first year's pay cheques and the refund or balance on the return the next spring",
        description="The pay cheques of the first year in Canada, from --start to December 31: gross pay, "
        "CPP/QPP, CPP2, EI, QPIP, income tax withheld and net pay, pay by pay (or month by month), then "
        "what the part-year return settles the next spring (withheld minus due; positive is a refund).",
    )
    cf.add_argument(
        "--salary", "-s", type=parse_amount, required=True, help="annual base salary, e.g. 140000 or 140k"
    )
    cf.add_argument("--city", "-c", required=True, help="the city of the job (it sets the province)")
    cf.add_argument(
        "--start",
        type=parse_date,
        required=True,
        metavar="YYYY-MM-DD",
        help="the first day of work; the first pay period is paid for the days from it",
    )
    cf.add_argument(
        "--arrival",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the day you become resident in Canada, on or before --start (default: --start)",
    )
    cf.add_argument(
        "--year",
        "-y",
        type=_year,
        default=None,
        help="tax year; --arrival and --start must fall in it (default: the year of --arrival, else of --start)",
    )
    cf.add_argument(
        "--signing",
        type=parse_amount,
        default=0.0,
        metavar="AMOUNT",
        help="one-time signing bonus, paid with the first pay",
    )
    cf.add_argument(
        "--relocation",
        type=parse_amount,
        default=0.0,
        metavar="AMOUNT",
        help="relocation bonus paid in cash, with the first pay (taxable)",
    )
    cf.add_argument(
        "--bonus",
        type=parse_share_of_salary,
        default=None,
        help="annual bonus: an amount (14000) or a percentage of the base salary (10%%); whether year one "
        "pays it is --first-year-bonus",
    )
    _first_year_pay_options(cf, defaults=True)
    cf.add_argument(
        "--by",
        choices=("period", "month"),
        default="period",
        help="one row per pay period ('period', the default) or per calendar month, pays summed ('month')",
    )
    cf.add_argument("--csv", metavar="PATH", help="also write every column of the cash flow to a CSV file")
    cf.add_argument("--plot", metavar="PNG", help="also draw the pay cheques and the settlement to this image file")
    cf.set_defaults(func=cmd_cash_flow)
    return parser


def _first_year_pay_options(group: Any, defaults: bool = False) -> None:
    """--pay-periods and --first-year-bonus, shared by compare (default None: only with --arrival)
    and cash-flow."""
    group.add_argument(
        "--pay-periods",
        type=_pay_periods,
        default=12 if defaults else None,
        metavar="{12,24,26,52}",
        help="pays a year: 12 (monthly, the default), 24 (semi-monthly), 26 (biweekly) or 52 (weekly)",
    )
    group.add_argument(
        "--first-year-bonus",
        type=_choice("next_year", "prorated", "full"),
        default="next_year" if defaults else None,
        metavar="{next-year,prorated,full}",
        help="the annual bonus in year one: 'next-year' (paid the following year, nothing in year one; the "
        "default), 'prorated' (to the days employed) or 'full' (both with the last pay of the year)",
    )


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
