"""Refresh tooling: Statistics Canada's full-table CSV of Table 11-10-0066-01 (Market Basket Measure
thresholds for the reference family by MBM region, component and base year), read into the
``data/costs/basket.csv`` layout.

Download ``https://www150.statcan.gc.ca/n1/tbl/csv/11100066-eng.zip`` and give the ``11100066.csv``
inside it to :func:`load_mbm_thresholds`; append the rows it returns to ``data/costs/basket.csv``.
Columns are found by name (``REF_DATE``, ``GEO``, ``Component``, ``Base year``, ``Dollar concept``,
``VALUE``, ``STATUS``, ``VECTOR``), so their order does not matter. Only current-dollar rows are kept;
cells without a figure ('..', 'x', 'F' or empty) are skipped. netpay's runtime never reads the
download: it reads ``data/costs/basket.csv``.
"""

from __future__ import annotations

import datetime as dt
from os import PathLike
from typing import TYPE_CHECKING

from pydantic import ValidationError

from netpay.citydata.basket import BASKET_COLUMNS, TABLE, TABLE_URL, BasketFigure
from netpay.citydata.registry import load_registry, match_key
from netpay.citydata.statcan import read_statcan, statcan_value
from netpay.errors import DataFileError
from netpay.jurisdictions import fold
from netpay.tables import validation_problems

if TYPE_CHECKING:
    import pandas as pd

#: The columns the loader needs.
MBM_COLUMNS: tuple[str, ...] = ("REF_DATE", "GEO", "Component", "Base year", "Dollar concept", "VALUE")
#: Start of a ``Component`` member (folded) -> netpay's component name.
_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("food", "food"),
    ("clothing", "clothing"),
    ("transportation", "transportation"),
    ("shelter", "shelter"),
    ("other", "other"),
    ("communication", "communication"),
    ("total", "total"),
)
_NO_FIGURE = {"..", "...", "x", "F"}


def component_name(member: str, label: str = "Component") -> str:
    """netpay's name of a ``Component`` member: 'Clothing and footwear' -> 'clothing'; an unknown
    member is a DataFileError naming it (read the table's metadata before mapping it)."""
    folded = fold(member).strip()
    for start, name in _COMPONENTS:
        if folded.startswith(start):
            return name
    raise DataFileError(f"{label}: unknown MBM component {member!r}; netpay knows {[s for s, _ in _COMPONENTS]}")


def region_name(geo: str) -> str:
    """The MBM region of a GEO cell, without the '(map)' StatCan's table view appends."""
    text = geo.strip()
    return text[: -len("(map)")].strip() if text.endswith("(map)") else text


def load_mbm_thresholds(
    path: str | PathLike[str], *, retrieved: dt.date | None = None, all_regions: bool = False
) -> pd.DataFrame:
    """Read the official 11100066.csv into the ``basket.csv`` layout (annual dollars, reference family).

    Keeps the MBM regions of netpay's cities (``all_regions=True``: every region). ``attrs['unmatched']``
    lists the cities whose ``mbm_region`` is not in the file (fix ``data/cities.yaml`` for them);
    ``attrs['bases']`` the base years present. Every row is validated; an error names the file and line.
    """
    import pandas as pd  # loaded on first use: importing netpay stays quick

    label = str(path)
    frame = read_statcan(path, MBM_COLUMNS)
    wanted = {match_key(c.mbm_region) for c in load_registry().cities}
    day = retrieved or dt.date.today()
    rows, seen = [], set()
    for line, raw in enumerate(frame.to_dict("records"), start=2):
        if fold(raw["Dollar concept"]).strip() != "current dollars":
            continue
        region = region_name(raw["GEO"])
        if not all_regions and match_key(region) not in wanted:
            continue
        if raw["VALUE"].strip() in _NO_FIGURE or raw.get("STATUS", "").strip() in _NO_FIGURE:
            continue
        value = statcan_value(raw["VALUE"], label, line)
        if value is None:
            continue
        note = f"read from the official CSV ({label.rsplit('/', 1)[-1]}, line {line}"
        note += f", vector {raw['VECTOR']})" if raw.get("VECTOR") else ")"
        item = {
            "geo": region,
            "base": raw["Base year"].strip(),
            "item": component_name(raw["Component"], f"{label}, line {line}"),
            "amount": value,
            "unit": "CAD/year, reference family of 4, current dollars",
            "period": raw["REF_DATE"].strip()[:4],
            "title": TABLE,
            "href": TABLE_URL,
            "retrieved": day,
            "verified": True,
            "note": note,
        }
        try:
            BasketFigure.model_validate(item)
        except ValidationError as exc:
            raise DataFileError(f"{label}, line {line}: {validation_problems(exc)}") from None
        seen.add(match_key(region))
        rows.append(item)
    out = pd.DataFrame(rows, columns=list(BASKET_COLUMNS))
    out.attrs["unmatched"] = [c.name for c in load_registry().cities if match_key(c.mbm_region) not in seen]
    out.attrs["bases"] = sorted(set(out["base"]))
    return out
