"""``netpay cities``: the cities netpay has rent data for, and their rents with sources."""

from __future__ import annotations

import argparse
from typing import Any

from netpay import citydata
from netpay.cli.output import money0
from netpay.cli.parse import PROG, UsageError, naming


def add_parser(subparsers: Any) -> None:
    """Declare ``cities`` and its options."""
    parser = subparsers.add_parser(
        "cities",
        help="cities netpay has rent data for",
        description="The cities netpay knows: province, census metropolitan area, the bedroom counts with an "
        "asking or an average rent, and the other monthly costs it has.",
    )
    parser.add_argument("--city", help="show one city only (name or alias, accents optional)")
    parser.add_argument("--rents", action="store_true", help="list the rent figures with their periods and sources")
    parser.add_argument(
        "--costs",
        action="store_true",
        help="the city's monthly living costs item by item (needs --city): rent, the Market Basket Measure "
        "basket, transit, utilities not in the basket, each with source, period and status",
    )
    parser.add_argument("--people", type=int, default=1, help="household size for --costs (default 1)")
    parser.add_argument("--bedrooms", type=int, default=1, help="bedrooms for the rent in --costs (default 1)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the cities (or, with --rents, the rent figures), all or one."""
    name = None
    if args.city is not None:
        with naming(f"--city {args.city}"):
            name = citydata.city(args.city).name
    if getattr(args, "costs", False):
        return _costs(args, name)
    if args.rents:
        rents = citydata.rents()
        if name is not None:
            rents = rents[rents["city"] == name]
        shown = rents[["city", "bedrooms", "basis", "amount", "period", "source"]].copy()
        shown["amount"] = shown["amount"].map(money0)
        print(shown.to_string(index=False))
        return 0
    frame = citydata.cities()
    if name is not None:
        frame = frame[frame["name"] == name]
    shown = frame[["name", "province", "cma", "asking_bedrooms", "average_bedrooms", "other_costs"]]
    print("Cities netpay has rent data for (bedrooms: 0 = bachelor, 3 = three or more):\n")
    print(shown.to_string(index=False))
    print(f"\nRents and their sources: `{PROG} cities --rents [--city NAME]`.")
    return 0


def _costs(args: argparse.Namespace, name: str | None) -> int:
    """Print one city's living costs (``--costs --city NAME``)."""
    if name is None:
        raise UsageError(f"--costs needs --city NAME (e.g. {PROG} cities --costs --city Toronto)")
    with naming("--costs"):
        table = citydata.living_costs(args.city, args.people, bedrooms=args.bedrooms)
    shown = table[["label", "monthly", "status", "counted", "period", "source"]].copy()
    shown["monthly"] = [("n/a" if m != m else money0(m)) for m in shown["monthly"]]
    shown["counted"] = shown["counted"].map({True: "yes", False: "no"})
    shown["period"] = shown["period"].fillna("-")
    shown["source"] = [s if len(s) <= 60 else s[:57] + "..." for s in shown["source"]]
    a = table.attrs
    print(
        f"Living costs a month in {a['city']} (CMA {a['cma']}; MBM region {a['region']}), "
        f"{a['household']}, {a['year']}:"
    )
    if a["read_as"]:
        print(a["read_as"])
    print(f"Basket: {a['basket']}\n")
    print(shown.to_string(index=False))
    print(f"\nTotal of the counted items: {money0(a['total'])} a month.")
    if a["missing"]:
        print(f"Not available (not counted): {', '.join(a['missing'])}. netpay never invents a cost.")
    return 0
