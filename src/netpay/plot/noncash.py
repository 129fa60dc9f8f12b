"""The segment of a breakdown bar above the cash paid: what an offer gives that is not cash."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

#: Lines of an evaluation that are not cash: shares received, the employer's RRSP contributions,
#: benefits in kind and health/dental premiums, and (as savings_pension - employee_pension) the
#: employer's pension contributions.
NONCASH_LINES: tuple[str, ...] = (
    "equity_shares",
    "employer_rrsp_match",
    "taxable_benefits",
    "non_taxable_benefits",
    "savings_pension",
    "employee_pension",
)

#: The segment's legend label and colour.
NONCASH_LABEL = "Not cash: shares, employer RRSP/pension, benefits"
NONCASH_COLOUR = "#b8a9d9"


def noncash_amount(lines: Mapping[str, float]) -> float:
    """What a column gives that is not cash (per month, as its other lines): shares, employer RRSP
    and pension contributions, benefits."""
    get = lines.get
    employer_pension = get("savings_pension", 0.0) - get("employee_pension", 0.0)
    parts = ("equity_shares", "employer_rrsp_match", "taxable_benefits", "non_taxable_benefits")
    return float(sum(get(k, 0.0) for k in parts) + employer_pension)


def draw_noncash(ax: Any, x: np.ndarray, columns: Sequence[Any], data: Mapping[Any, Mapping[str, float]]) -> np.ndarray:
    """Draw the non-cash segment of each bar on top of its cash paid (``cash_income``), hatched, with
    one legend entry (none when no column has any); return the tops of the bars."""
    gross = np.array([data[c].get("cash_income", 0.0) for c in columns])
    extra = np.array([max(noncash_amount(data[c]), 0.0) for c in columns])
    if extra.any():
        ax.bar(x, extra, bottom=gross, width=0.6, label=NONCASH_LABEL, color=NONCASH_COLOUR, hatch="..", alpha=0.85)
    return gross + extra
