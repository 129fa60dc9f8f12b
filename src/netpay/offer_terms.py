"""The terms of an offer over the years (a horizon, ``evaluate(..., horizon=N)``): raises, when the
bonus is paid, the signing bonus clawback. :class:`netpay.Offer` inherits them."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class HorizonTerms(BaseModel):
    """What changes from one year of an offer to the next; a one-year evaluation ignores them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    raise_percent: float = Field(
        default=0.0,
        ge=0.0,
        le=100.0,
        description="Yearly raise of the base salary over a horizon, in percent (3 means 3%): year k "
        "pays base x (1 + raise/100)^(k-1). A one-year evaluation ignores it.",
    )
    bonus_paid: Literal["same_year", "next_year"] = Field(
        default="same_year",
        description="When the annual bonus is paid over a horizon: 'same_year', or 'next_year' (the "
        "bonus earned in a year is paid, and taxed, in the next: ITA s. 5(1), income when received). "
        "A one-year evaluation pays the year's bonus.",
    )
    clawback_months: int = Field(
        default=0,
        ge=0,
        le=120,
        description="Months after the start within which leaving means repaying the signing bonus "
        "(0: no clawback). Shown as a risk line with its cost after tax in each year it could be "
        "repaid: the repayment is deductible in the year repaid (ITA s. 8(1)(n), T1 line 22900; "
        "Québec TP-1 line 207), netpay.evaluation.risk.",
    )


class ClawbackCost(BaseModel):
    """What leaving within the clawback period would cost, if the signing bonus were repaid in ``year``:
    the gross ``repaid``, the income tax it saves that year (the deduction of ITA s. 8(1)(n), T1 line
    22900, at the marginal rates of the year as evaluated, worked out by the engine), and the rest."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int
    repaid: float
    tax_saved: float

    @property
    def after_tax(self) -> float:
        """The cost after tax: repaid - tax saved."""
        return round(self.repaid - self.tax_saved, 2)


def keyword_advice(key: str, elsewhere: Mapping[str, str], fields: Sequence[str]) -> str:
    """What to write instead of ``key``: ``elsewhere``'s advice for it, or the closest of ``fields``
    (those it starts first: employer_rrsp -> employer_rrsp_match), or all of them."""
    word = key.strip().lower()
    if word in elsewhere:
        return elsewhere[word]
    starting = [f for f in fields if f.startswith(word)]
    close = list(dict.fromkeys(starting + difflib.get_close_matches(word, list(fields), n=3, cutoff=0.6)))[:3]
    if close:
        return f"did you mean {' or '.join(close)}?"
    return f"Offer's fields are {', '.join(fields)}"
