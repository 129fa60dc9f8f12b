"""``netpay cities``: the cities netpay has rent data for, and their rents with sources."""

from __future__ import annotations

import argparse
from typing import Any

from netpay import citydata, status
from netpay.cli.output import money0
from netpay.cli.parse import PROG, naming
from netpay.cli.status import COPY_NOTE


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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the cities (or, with --rents, the rent figures), all or one."""
    name = None
    if args.city is not None:
        with naming(f"--city {args.city}"):
            name = citydata.city(args.city).name
    if args.rents:
        rents = citydata.rents()
        if name is not None:
            rents = rents[rents["city"] == name]
        shown = rents[["city", "bedrooms", "basis", "amount", "period", "source"]].copy()
        shown["amount"] = shown["amount"].map(money0)
        shown.insert(5, "status", [status.row_status(bool(v)) for v in rents["verified"]])
        print(shown.to_string(index=False))
        if (~rents["verified"].astype(bool)).any():
            print(f"\n{COPY_NOTE} Each row's note in data/rent/rents.csv says where it was read.")
        return 0
    frame = citydata.cities()
    if name is not None:
        frame = frame[frame["name"] == name]
    shown = frame[["name", "province", "cma", "asking_bedrooms", "average_bedrooms", "other_costs"]]
    print("Cities netpay has rent data for (bedrooms: 0 = bachelor, 3 = three or more):\n")
    print(shown.to_string(index=False))
    print(f"\nRents and their sources: `{PROG} cities --rents [--city NAME]`.")
    return 0
