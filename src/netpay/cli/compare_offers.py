"""``netpay compare --offers FILE`` (several different offers) and ``--horizon N`` (several years):
the side-by-side table, its CSV and its chart."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netpay.cli.offers_file import evaluations, read_offers
from netpay.cli.output import money0, print_frame, write_files
from netpay.cli.parse import PROG, UsageError, naming

#: Rows of a horizon printed (every row is in the CSV).
HORIZON_ROWS = (
    "base_salary",
    "bonus",
    "signing_bonus",
    "equity_vesting",
    "cash_income",
    "net_cash",
    "disposable",
    "equity_after_tax",
    "disposable_sell_to_cover",
    "savings",
    "total_value",
    "cumulative_total_value",
)

#: With a household, also these rows (before the total value), each benefit after ``benefits``.
HOUSEHOLD_ROWS = ("spouse_net_cash", "benefits", "childcare", "household_net_cash", "household_disposable")

#: Offer options that the file gives per offer (dest -> option, default).
_OFFER_OPTIONS: dict[str, tuple[str, Any]] = {
    "salary": ("--salary", None),
    "bonus": ("--bonus", None),
    "signing": ("--signing", 0.0),
    "relocation": ("--relocation", 0.0),
    "equity": ("--equity", 0.0),
    "rrsp_match": ("--rrsp-match", None),
}


def parse_horizon(text: str) -> int:
    """``--horizon``: a whole number of years."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of years: {text!r} (write e.g. 4)") from None


def parse_rate(text: str) -> float:
    """``--discount-rate``: a fraction (0.05) or a percent (5%)."""
    t = text.strip()
    try:
        rate = float(t[:-1]) / 100.0 if t.endswith("%") else float(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a rate: {text!r} (write a fraction, 0.05, or a percent, 5%)") from None
    if not 0 <= rate < 1:
        meant = f"for {t}% a year write {t}% or {rate / 100:g}" if 1 <= rate < 100 else "e.g. 0.05 or 5%"
        raise argparse.ArgumentTypeError(f"{text!r} is {100 * rate:g}% a year: give 0 to under 100% ({meant})")
    return rate


def add_options(parser: Any) -> None:
    """--offers, --horizon, --discount-rate."""
    group = parser.add_argument_group(
        "several offers, several years",
        "--offers reads different offers (salary, bonus, equity, city, rent, ...) from a TOML file, "
        "e.g. examples/offers.toml; --horizon compares them year after year.",
    )
    group.add_argument("--offers", metavar="FILE", help="a TOML file of offers, each with its own city and pay")
    group.add_argument(
        "--horizon",
        type=parse_horizon,
        metavar="N",
        help="years to compare: year one (the year of the move with --arrival), then full years, with "
        "raises, RRSP room and equity by year (default: the file's, else one year)",
    )
    group.add_argument(
        "--discount-rate",
        type=parse_rate,
        metavar="RATE",
        help="with --horizon: a yearly rate (0.05 or 5%%) discounting later years in the cumulative rows",
    )


def _refuse_offer_options(args: argparse.Namespace) -> None:
    for dest, (option, default) in _OFFER_OPTIONS.items():
        if getattr(args, dest) != default:
            raise UsageError(f"{option} is given per offer in the --offers file: write it there")
    if args.city:
        raise UsageError("--city is given per offer in the --offers file: write city = ... there")
    for option in ("arrival", "start", "pay_periods", "first_year_bonus", "rrsp_room", "view"):
        if getattr(args, option, None) is not None:
            raise UsageError(f"--{option.replace('_', '-')} with --offers: give it in the file's [move] table")


def _year(args: argparse.Namespace, settings: dict[str, Any], where: str) -> int:
    from netpay import tables

    if args.year is not None:
        with naming(f"--year {args.year}"):
            return tables.check_year(args.year)
    with naming(f"{where}: year"):
        return tables.check_year(settings.get("year"))


def _from_file(args: argparse.Namespace, household: Any) -> tuple[list[Any], int, Any, Any]:
    _refuse_offer_options(args)
    file = read_offers(args.offers)
    if household is not None and file.household is not None:
        raise UsageError(
            f"{args.offers} has a [household] table: give the household there or with --spouse-income/--child, not both"
        )
    year = _year(args, file.settings, args.offers)
    horizon = args.horizon if args.horizon is not None else file.settings.get("horizon")
    rate = args.discount_rate if args.discount_rate is not None else file.settings.get("discount_rate")
    if args.bedrooms is not None:
        file.settings["bedrooms"] = args.bedrooms
    return evaluations(file, year, horizon, rate, household), year, horizon, rate


def _from_options(args: argparse.Namespace, household: Any) -> tuple[list[Any], int, Any, Any]:
    import netpay
    from netpay.cli.args import arrival_from_args, arrival_keywords, tax_year
    from netpay.cli.compare import city_offers

    if args.salary is None:
        raise UsageError("give --salary and --city (one offer in each city), or --offers FILE")
    if args.bedrooms is None:
        args.bedrooms = household.bedrooms if household is not None else 1
    dates = arrival_from_args(args)
    options: dict[str, Any] = {"bedrooms": args.bedrooms, "rent_basis": args.basis}
    if household is not None:
        options["household"] = household
    if dates is not None:
        options |= {"arrival": dates[0], "start": dates[1], **arrival_keywords(args)}
    elif args.rrsp_room is not None:
        options["rrsp_room"] = args.rrsp_room
    if args.horizon is not None:
        options["horizon"] = args.horizon
    elif args.discount_rate is not None:
        raise UsageError("--discount-rate discounts the later years of a horizon: give --horizon N too")
    if args.discount_rate is not None:
        options["discount_rate"] = args.discount_rate
    year = tax_year(args)
    with naming("--horizon" if args.horizon is not None else "--discount-rate"):
        out = [netpay.evaluate(o, year, **options) for o in city_offers(args)]
    return out, year, args.horizon, args.discount_rate


def table_of(evaluations: list[Any], year: int, horizon: Any) -> pd.DataFrame:
    """The comparison table of ``evaluations``: by (offer, year) with a horizon, else as
    ``netpay.compare``; with a household, its rows follow."""
    from netpay import comparison
    from netpay.evaluation.household_result import HouseholdEvaluation, with_household_rows

    household = all(isinstance(e, HouseholdEvaluation) for e in evaluations)
    if horizon is not None:
        table, period, view = comparison.horizon_table(evaluations, year), "annual", "horizon"
    elif any(e.move is not None for e in evaluations):
        table, period, view = comparison.first_year_table(evaluations, year, "monthly", "both"), "monthly", "both"
    else:
        table, period, view = comparison.comparison_table(evaluations, year, "monthly"), "monthly", None
    return with_household_rows(table, evaluations, period, view) if household else table


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """A horizon's printed rows, as $1,234 with labels (with a household, its rows too)."""
    from netpay.cli.household import short_label
    from netpay.lines import HORIZON_LINES, label

    household = "household_disposable" in table.index
    rows = HORIZON_ROWS if not household else (*HORIZON_ROWS[:-2], *HOUSEHOLD_ROWS, *HORIZON_ROWS[-2:])
    benefits = [k for k in table.index if k.startswith("benefit.")]
    rows = (*rows[: rows.index("benefits") + 1], *benefits, *rows[rows.index("benefits") + 1 :]) if household else rows
    always = ("net_cash", "total_value", "household_disposable")
    keep = [k for k in rows if k in always or (table.loc[k].abs() > 0.005).any()]
    out = table.loc[keep].apply(lambda col: col.map(money0))
    labels = table.attrs.get("labels", {})
    out.index = [short_label(labels[k]) if k in labels else HORIZON_LINES.get(k) or label(k) for k in keep]
    return out


def tables_line(status: dict[int, str]) -> str:
    """'Tax tables: 2026 shipped; 2027, 2028 projected (...)'."""
    parts = [
        f"{', '.join(str(y) for y in years)} {word}"
        for word in ("shipped", "projected")
        if (years := [y for y, s in sorted(status.items()) if s == word])
    ]
    note = (
        f" (indexed by netpay: `{PROG} tables --year YEAR` shows each figure's basis)"
        if "projected" in status.values()
        else ""
    )
    return f"Tax tables: {'; '.join(parts)}{note}."


def _count(evals: list[Any]) -> str:
    return f"{len(evals)} offer{'' if len(evals) == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    """Print the offers side by side (and write the CSV and the chart)."""
    import netpay
    from netpay.cli.compare import comparison, print_footer
    from netpay.cli.household import household_footer, household_from_args
    from netpay.tables import one_warning

    household = household_from_args(args)
    with one_warning():  # a projected year is noted once, not once per offer
        from_file = args.offers is not None
        evals, year, horizon, _rate = _from_file(args, household) if from_file else _from_options(args, household)
    table = table_of(evals, year, horizon)
    chart = (lambda: netpay.plot.horizon(table)) if horizon is not None else (lambda: netpay.plot.breakdown(table))
    written = write_files(args, table, chart)
    if horizon is None:
        print(f"{_count(evals)}, {year}, dollars per month. One-time payments are spread over 12 months.\n")
        print_frame(comparison(table))
    else:
        last = max(e.years[-1].year for e in evals)
        rate = table.attrs.get("discount_rate", 0.0)
        discounted = f", later years discounted {100 * rate:g}% a year in the cumulative row" if rate else ""
        print(f"{_count(evals)} over {year}-{last}, dollars a year{discounted}.")
        whose = "the household's disposable income" if "household_disposable" in table.index else "disposable"
        print(
            f"Total value = {whose} (tax on shares paid by selling shares) + equity after tax + RRSP and "
            "pension savings.\n"
        )
        print_frame(shown(table))
        print("\n" + tables_line(table.attrs.get("tax_tables", {})))
        for name, risks in table.attrs.get("risks", {}).items():
            for risk in risks:
                print(f"Risk, {name}: {risk}.")
    if "household_disposable" in table.index:
        print("\n" + "\n".join(household_footer(table)))
    print_footer(table, year, first=False)
    if horizon is not None:
        print(
            f"Each line of each year: the CSV (--csv); the rules: docs/methodology/horizon.md. `{PROG} compare --help`."
        )
    for path in written:
        print(f"Wrote {path}")
    return 0
