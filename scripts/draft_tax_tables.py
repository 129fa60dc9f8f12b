"""Draft ``data/tax_tables/<year>/`` from netpay's projection, for a maintainer to check.

Once CRA, the provinces, ESDC, Retraite Québec and Revenu Québec publish a year's figures, run

    .venv/bin/python scripts/draft_tax_tables.py 2027

to write one YAML file per table with the projected figures and, for every field, a source that is
``verified: false``, cites the address the last shipped figure came from (where to look for the new
one) and gives the projection's basis in its note. Check each figure against the published source,
correct it, replace the source with the one you read, set ``verified: true`` only for what you saw, and
update ``data/indexation/factors.yaml`` with the year's published factors. The drafts are never
``projected: true`` (that flag is for netpay's own projections, never for a shipped file).

Options: ``--out DIR`` (default ``data/tax_tables``), ``--force`` to overwrite an existing folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path
from typing import Any

import yaml

from netpay import tables
from netpay.errors import ProjectedYearWarning

HEADER = (
    "# DRAFT for {year}, written {today} by scripts/draft_tax_tables.py from netpay's projection of the\n"
    "# {base} tables. EVERY figure is unchecked (verified: false): check each against its published\n"
    "# source, correct it, cite what you read, then delete this header.\n"
)


def draft(year: int, key: str) -> dict[str, Any]:
    """The file of table ``key`` for ``year``: projected figures, every source ``verified: false``."""
    base = tables.last_shipped()
    table = tables.load(year, key)
    shipped = tables.sources(base, key)
    raw = table.model_dump(by_alias=True, exclude_none=True, exclude={"sources", "notes"})
    sources: dict[str, Any] = {}
    for field, (projected, *_) in tables.sources(year, key).items():
        where = shipped.get(field, [projected])[0]
        sources[field] = {
            "title": f"DRAFT (projected, unchecked): check against {where.title}",
            "href": where.href,
            "retrieved": dt.date.today(),
            "verified": False,
            "note": f"netpay projection: {projected.note}",
        }
    return {"jurisdiction": raw.pop("jurisdiction"), "year": year, **_whole(raw), "sources": sources}


def _whole(value: Any) -> Any:
    """Whole-dollar floats as ints (74600.0 -> 74600), so the draft reads like the shipped files."""
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    if isinstance(value, float) and value.is_integer() and (value == 0 or abs(value) >= 1):
        return int(value)
    return value


def write(year: int, out: Path, force: bool = False) -> list[Path]:
    """Write every table's draft for ``year`` under ``out/<year>/``; returns the files written."""
    if year in tables.years():
        raise SystemExit(f"{year} is shipped already (data/tax_tables/{year}/); draft a later year")
    if not tables.is_projected(year):
        raise SystemExit(f"{year} is not a projectable year ({tables.projectable_years()})")
    folder = out / str(year)
    if folder.exists() and not force:
        raise SystemExit(f"{folder} exists; pass --force to overwrite")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    header = HEADER.format(year=year, today=dt.date.today(), base=tables.last_shipped())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProjectedYearWarning)
        for key in [tables.FEDERAL, tables.PAYROLL, *tables.provinces(year)]:
            path = folder / f"{key.lower()}.yaml"
            body = yaml.safe_dump(draft(year, key), sort_keys=False, allow_unicode=True, width=120)
            path.write_text(header + body, encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("year", type=int)
    parser.add_argument("--out", type=Path, default=Path("data/tax_tables"))
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    for path in write(args.year, args.out, args.force):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
