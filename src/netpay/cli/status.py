"""What the ``netpay`` commands say of their figures' status: the footer lines, and ``--strict``.

Every command that prints a figure that is unverified, projected or not enacted says so in its
footer (see :mod:`netpay.status`); with ``--strict`` it refuses such a figure instead, naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netpay import status
from netpay.tables.status import tax_tables_status

#: How to proceed, on the command line, when --strict refuses a figure.
FIX = (
    "To proceed: drop --strict to use these figures, labelled as they are; choose a --year or --province "
    "whose tax tables are verified; or, in Python, give your own rent and costs: "
    "netpay.evaluate(offer, rent=..., other_costs={...}, strict=True)."
)

#: What 'unverified copy' means, printed under a list that uses it.
COPY_NOTE = (
    "unverified copy: the figure was read in a copy of the cited table (a public repository's extract), "
    "not at the source itself; --strict refuses it."
)


def add_strict_option(parser: Any) -> None:
    """``--strict``."""
    parser.add_argument(
        "--strict",
        action="store_true",
        help="use verified figures only: refuse (naming them) figures that are unverified, projected or not enacted",
    )


#: How to proceed when --strict refuses a figure of the tax tables (a command without rents).
TABLES_FIX = (
    "To proceed: drop --strict to use these figures, labelled as they are, or choose a --year or --province "
    "whose tax tables are verified."
)


def require_verified(flagged: Mapping[str, Sequence[str]]) -> None:
    """--strict: an UnverifiedFigureError naming each figure, with the command line's way to proceed."""
    status.require_verified(flagged, FIX)


def require_verified_tables(province: str, year: int) -> None:
    """--strict for a command that uses the tax tables only."""
    found = tax_tables_status(province, year)
    who = f"tax tables {found.year} (federal, payroll, {found.province})"
    status.require_verified({who: [str(f) for f in found.flagged]}, TABLES_FIX)


def tax_table_lines(provinces: Iterable[str], year: int, household: bool = False) -> list[str]:
    """One line per province: 'tax tables 2026 (federal, payroll, SK): unverified: ...' (``household``:
    with the figures only a household uses)."""
    return [tax_tables_status(code, year, household=household).describe() for code in dict.fromkeys(provinces)]


def household_tax_figures(provinces: Iterable[str], year: int) -> list[str]:
    """--strict with a household: the tax-table figures only a household uses that are not verified."""
    return [str(f) for code in dict.fromkeys(provinces) for f in tax_tables_status(code, year, household=True).flagged]


def status_footer(
    provinces: Iterable[str],
    year: int,
    city_figures: Sequence[str] = (),
    copies: bool = False,
    household: bool = False,
    later_years: Sequence[int] = (),
) -> list[str]:
    """The footer's status block, the same in every command: each table's status, of ``year`` and of
    each of ``later_years`` (a horizon's; ``household``: with the figures only a household uses), each
    city figure that is not verified, and (``copies``: an unverified copy was used) what an unverified
    copy is."""
    codes = list(dict.fromkeys(provinces))
    lines = ["Status of the figures (verified: seen in the cited source):"]
    for y in dict.fromkeys([year, *later_years]):
        lines += [f"  {line}" for line in tax_table_lines(codes, y, household)]
    lines += [f"  {figure}" for figure in city_figures]
    if copies or any("(unverified copy)" in figure for figure in city_figures):
        lines.append(f"  {COPY_NOTE}")
    return lines


def household_benefit_figures(lines: Iterable[str], year: int) -> list[str]:
    """--strict with a household: each figure of its benefit lines ('benefit.<key>' among ``lines``)
    that is not verified, by file and field, as ``netpay.compare(..., household=..., strict=True)``."""
    keys = [line.removeprefix("benefit.") for line in lines if line.startswith("benefit.")]
    return status.flagged_benefit_figures(keys, [year])
