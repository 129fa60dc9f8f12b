"""The sources and the status of what a chart drew, as the words of its caption (``netpay.plot``).

A caption cites the tax tables and the rents a chart used, and says of each figure that is not
verified what it is: 'unverified copy' (a rent read in a copy of the cited table), 'unverified',
'budget measure; enactment not verified' or 'projected' (with the projection's basis); see
:mod:`netpay.status`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from netpay.status import label
from netpay.tables import DATA_EDITION
from netpay.tables.status import tables_folder, tax_tables_status


class RentRow(NamedTuple):
    """One rent a chart used: the city, the source, its period, the basis, bedrooms and its status."""

    city: str
    source: str
    period: str | None
    basis: str
    bedrooms: int
    status: str = "verified"


def rooms(bedrooms: int) -> str:
    """'bachelor', '1 bedroom', '2 bedrooms'."""
    return "bachelor" if bedrooms == 0 else f"{bedrooms} bedroom{'s' if bedrooms > 1 else ''}"


def tax_status_line(year: int, codes: Iterable[str]) -> str:
    """The status of the tax tables of ``year`` for each province: '' when all are verified, else
    e.g. '2026 tax tables: SK unverified (sk.yaml: basic_personal_amount, credit_rate).' or '2027 tax tables
    projected (<basis>).'"""
    parts = []
    for code in dict.fromkeys(codes):
        found = tax_tables_status(code, year)
        if found.status == "verified":
            continue
        if found.projected:
            parts.append(f"{code} projected ({found.projection})")
            continue
        by_file: dict[str, list[str]] = {}
        for f in found.flagged:
            by_file.setdefault(f.file.rsplit("/", 1)[-1], []).append(f.field)
        fields = "; ".join(f"{name}: {', '.join(names)}" for name, names in by_file.items())
        parts.append(f"{code} {label(found.status, copy=False)} ({fields})")
    return f" {year} tax tables: {'; '.join(parts)}." if parts else ""


def tax_source_line(year: int, codes: Iterable[str]) -> str:
    """Where the tax figures come from, and what is not verified of them."""
    codes = list(codes)
    return (
        f"Sources: netpay data edition {DATA_EDITION}; {year} tax tables: federal, payroll, "
        f"{', '.join(codes)} (cited in {tables_folder(year)})."
        f"{tax_status_line(year, codes)}"
    )


def rent_source_line(rows: Iterable[RentRow]) -> str:
    """'rent (1 bedroom, asking): <source> 2026Q2, unverified copy (Toronto, Vancouver)' for each
    distinct source and status."""
    groups: dict[tuple[str, str | None, str, int, str], list[str]] = {}
    for r in rows:
        groups.setdefault((r.source, r.period, r.basis, r.bedrooms, r.status), []).append(r.city)
    parts = []
    for (source, period, basis, bedrooms, status), names in groups.items():
        when = f" {period}" if period else ""
        said = label(status)
        parts.append(
            f"rent ({rooms(bedrooms)}, {basis}): {source}{when}{', ' + said if said else ''} "
            f"({', '.join(dict.fromkeys(names))})"
        )
    return "; ".join(parts)
