"""``netpay compare``: one offer in several cities, side by side, per month; with ``--arrival``, the
first year in Canada next to a full year."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from netpay import citydata, first_year
from netpay.cli import compare_offers
from netpay.cli.args import (
    ARRIVAL_OPTIONS,
    YEAR_OF_THE_OFFER,
    add_arrival_options,
    add_offer_options,
    add_year_option,
    arrival_from_args,
    arrival_keywords,
    date_options,
    offer_from_args,
    refuse,
    tax_year,
)
from netpay.cli.household import add_household_options, household_footer, household_from_args, short_label
from netpay.cli.output import (
    BONUS_RULE_TEXT,
    add_csv_option,
    add_plot_option,
    line_label,
    money,
    money0,
    print_frame,
    rooms,
    write_files,
)
from netpay.cli.parse import PROG, UsageError, choice, metavar, naming, parse_bedrooms
from netpay.cli.status import (
    add_strict_option,
    household_benefit_figures,
    household_tax_figures,
    require_verified,
    status_footer,
)
from netpay.status import label
from netpay.tables.status import tables_folder

#: The views of the first year (``netpay.compare(view=...)``).
VIEWS: tuple[str, ...] = ("both", "year_one", "full_year")

#: Lines always shown, even when zero.
KEY_LINES = ("cash_income", "federal_tax", "provincial_tax", "net_cash", "rent", "other_costs", "disposable")
#: With a household, also these.
HOUSEHOLD_KEY_LINES = ("spouse_net_cash", "benefits", "childcare", "household_net_cash", "household_disposable")


def add_parser(subparsers: Any) -> None:
    """Declare ``compare`` and its options."""
    parser = subparsers.add_parser(
        "compare",
        help="compare one offer across cities: take-home pay, rent, disposable income",
        description="The same offer in several cities, side by side: cash pay, taxes and contributions, "
        "rent and other costs, and what is left each month. With --arrival (or --start), the year of the move "
        "next to a full year; the other first-year options need it.",
    )
    add_offer_options(parser, salary_required=False)
    add_year_option(parser, YEAR_OF_THE_OFFER)
    compare_offers.add_options(parser)
    parser.add_argument(
        "--bedrooms",
        "-b",
        type=parse_bedrooms,
        default=None,
        help="bedrooms of the rented apartment: 0 (bachelor), 1, 2 or 3 (three or more); default 1, "
        "or with a household one for the adults and one per child (at most 3)",
    )
    parser.add_argument(
        "--basis",
        choices=citydata.BASES,
        default="asking",
        help="rent basis: 'asking' (what a newcomer signs today, the default) or 'average' "
        "(CMHC average of occupied units, including long-time tenants)",
    )
    group = add_arrival_options(parser)
    group.add_argument(
        "--view",
        type=choice(VIEWS),
        metavar=metavar(VIEWS),
        help="columns per city: 'both' (year one next to the full year, the default), 'year-one' or 'full-year'",
    )
    add_household_options(parser)
    add_plot_option(parser)
    add_csv_option(parser)
    add_strict_option(parser)
    parser.set_defaults(run=run)


def city_offers(args: argparse.Namespace) -> list[Any]:
    """One offer per --city (its canonical name), after checking each city has the rent asked for."""
    if not args.city:
        raise UsageError("give at least one --city (e.g. --city Toronto --city Montréal)")
    offers = []
    for text in args.city:
        with naming(f"--city {text}"):
            place = citydata.city(text)
        with naming(f"--bedrooms {args.bedrooms} --basis {args.basis}"):
            citydata.rent(place.name, args.bedrooms, args.basis)
        offers.append(offer_from_args(args, place.name))
    return offers


def run(args: argparse.Namespace) -> int:
    """Print the comparison (and write the CSV and the chart)."""
    import netpay

    if args.offers is not None or args.horizon is not None or args.discount_rate is not None:
        return compare_offers.run(args)
    if args.salary is None:
        raise UsageError("give --salary (one offer in each --city) or --offers FILE (several offers)")
    if args.arrival is None and args.start is None:
        first_year_only = {k: v for k, v in ARRIVAL_OPTIONS.items() if k != "rrsp_room"}
        refuse(args, {**first_year_only, "view": "--view"}, "is for the first year in Canada: give --arrival DATE too")
    dates = arrival_from_args(args)
    options: dict[str, Any] = {}
    if dates is None and args.rrsp_room is not None:
        options["rrsp_room"] = args.rrsp_room  # the RRSP deduction limit of the year
    if dates is not None:
        options = {"arrival": dates[0], "start": dates[1], **arrival_keywords(args)}
        if args.view is not None:
            options["view"] = args.view
    year = tax_year(args)
    household = household_from_args(args, year)
    if household is not None:
        options["household"] = household
    if args.bedrooms is None:
        args.bedrooms = household.bedrooms if household is not None else 1
    offers = city_offers(args)
    with naming(dates=date_options(args)):
        table = netpay.compare(offers, year, bedrooms=args.bedrooms, rent_basis=args.basis, **options)
    if args.strict:
        flagged = {name: list(s["flagged"]) for name, s in table.attrs["sources"].items()}
        if household is not None:  # the figures only a household uses, as netpay.compare(strict=True)
            for name, s in table.attrs["sources"].items():
                flagged[name] += household_tax_figures([s["province"]], year)
                flagged[name] += household_benefit_figures(s.get("household", {}), year)
        require_verified(flagged)
    written = write_files(args, table, lambda: netpay.plot.breakdown(table))
    cities = f"{len(offers)} cit{'y' if len(offers) == 1 else 'ies'}"
    intro = f"The offer in {cities}, {year}, dollars per month; rent of a {rooms(args.bedrooms)} apartment "
    if dates is None:
        print(intro + f"({args.basis} rents). One-time payments are spread over 12 months.\n")
    else:
        print(intro + f"({args.basis} rents).")
        print("\n".join(first_year_header(table)) + "\n")
    print_frame(comparison(table))
    if dates is not None:
        print(f"\nFirst year in Canada ({year}), per city:")
        print("\n".join(first_year_lines(table)))
    if household is not None:
        print("\n" + "\n".join(household_footer(table)))
    print_footer(table, year, first=dates is not None)
    for path in written:
        print(f"Wrote {path}")
    return 0


def print_footer(table: pd.DataFrame, year: int, first: bool) -> None:
    """Rent sources, other costs without a figure, where the figures come from."""
    print("\nRent:")
    sources = table.attrs.get("sources", {})
    for name, s in sources.items():
        period = f" {s['rent_period']}" if s.get("rent_period") else ""
        shown = label(s.get("statuses", {}).get("rent", "verified"))
        print(f"  {name}: {s['rent_source']}{period}{f' ({shown})' if shown else ''}")
    missing = missing_costs(table)
    if missing:
        print("Other costs netpay has no figure for (n/a, not counted): " + "; ".join(missing) + ".")
    print(
        f"Sources: tax tables {tables_folder(year)} (`{PROG} tables`); rents data/rent/rents.csv "
        f"(`{PROG} cities --rents`); other costs data/costs/other_costs.csv."
    )
    # the rents' status is on their lines above; the tax tables' is printed by province
    costs = [
        f for s in sources.values() for f in s.get("flagged", []) if not f.startswith(("data/", f"{s['city']} rent "))
    ]
    copies = any(s.get("statuses", {}).get("rent") == "unverified" for s in sources.values())
    household = any("household" in s for s in sources.values())  # its tables' household-only figures count
    later = [y for y in sorted(table.attrs.get("tax_tables", {})) if y != year]  # a horizon's later years
    provinces = [s["province"] for s in sources.values()]
    print("\n".join(status_footer(provinces, year, costs, copies, household, later)))
    if first:
        print(f"Pay cheque by pay cheque: `{PROG} cash-flow`; the rules: docs/first-year.md.")


def comparison(table: pd.DataFrame) -> pd.DataFrame:
    """Monthly amounts as $1,234 with readable labels; lines that are zero for every offer left out."""
    household = "household_disposable" in table.index
    key_lines = KEY_LINES + (HOUSEHOLD_KEY_LINES if household else ())
    keep = [k for k in table.index if k in key_lines or (table.loc[k].abs() > 0.005).any()]
    shown = table.loc[keep].apply(lambda col: col.map(money0))
    labels = table.attrs.get("labels", {})
    shown.index = [short_label(labels[k]) if k in labels else line_label(k) for k in keep]
    return shown


def missing_costs(table: pd.DataFrame) -> list[str]:
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


def first_year_header(table: pd.DataFrame) -> list[str]:
    """What the first-year columns mean (from ``attrs['first_year']``): printed above the table."""
    f = next(iter(table.attrs["first_year"].values()))
    lines = [
        f"Year one: resident in Canada from {f['arrival'].isoformat()}, working from {f['start'].isoformat()}, "
        f"paid {first_year.PAY_PERIODS[f['pay_periods']]}; {BONUS_RULE_TEXT[f['bonus_rule']]}.",
        f'In year one "per month" means per month resident in Canada ({f["days_resident"]} of '
        f"{f['days_in_year']} days = {f['months_in_canada']:.2f} months): pay, taxes and "
        "one-time payments over those months, rent for those months. Its taxes are those the return "
        "settles: payroll withholds more during the year, and the difference is the spring refund below.",
    ]
    if table.attrs.get("view") != "year_one":
        lines.append(
            "Full year: a later year, resident all year, without the one-time payments, on the same year's tables."
        )
    return lines


def first_year_lines(table: pd.DataFrame) -> list[str]:
    """Per city: days resident and what the return settles the next spring (``attrs['first_year']``)."""
    out = []
    for name, f in table.attrs["first_year"].items():
        s = f["settlement"]
        total, when = s["total"], f"spring {int(f['year']) + 1}"
        settled = f"refund of {money0(total)}" if total >= 0 else f"balance owing of {money0(-total)}"
        line = (
            f"  {name}: {f['days_resident']} days resident ({f['months_in_canada']:.2f} months); {settled} in "
            f"{when} (income tax withheld {money0(s['tax_withheld'])}, due {money0(s['tax_due'])}{overpaid(s)})"
        )
        if f.get("rrsp_not_deducted"):
            line += f"; RRSP contributions not deductible in year one: {money0(f['rrsp_not_deducted'])}"
        out.append(line)
    return out


def overpaid(s: dict[str, float]) -> str:
    """'; overpaid CPP/QPP $12.34, EI $5.00' for the contributions the return refunds, else ''."""
    parts = [
        f"{label} {money(s[key])}"
        for key, label in (("cpp_overpayment", "CPP/QPP"), ("ei_overpayment", "EI"), ("qpip_overpayment", "QPIP"))
        if abs(s.get(key, 0.0)) >= 0.005
    ]
    return f"; overpaid {', '.join(parts)}" if parts else ""
