"""The household an offer supports: a spouse or common-law partner, children, immigration status.

``netpay.Household(spouse=netpay.Spouse(income=0), children=[netpay.Child(born=2023)])`` is given to
``evaluate``, ``compare`` and ``equivalent_salary`` (``household=``); ``None`` is a single person,
exactly as in version 1. Each adult files a return; the transfers between them (spouse amount,
eligible dependant, child care deduction) and the benefits are the household's
(:mod:`netpay.evaluation.household`, docs/methodology/household.md).
"""

from __future__ import annotations

import datetime as dt
import difflib
import numbers
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from netpay.errors import NetpayError
from netpay.money import as_amount
from netpay.offer import Offer

#: What ``Household.status`` may be: the status of the adults in Canada (for the benefits' residence
#: rules: a work-permit holder waits 18 months for the Canada Child Benefit).
STATUSES: tuple[str, ...] = ("citizen", "permanent_resident", "work_permit")

#: A child whose birth date is given by its year only is taken as born on July 1 of that year.
MIDYEAR = (7, 1)


def _closest(value: str, names: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.4)
    return f"did you mean {close[0]!r}? " if close else ""


class Child(BaseModel):
    """A child of the household: ``born`` (a year such as 2023, or a date). ``childcare``: the monthly
    child care fee paid for this child, overriding netpay's figure for the province (0: none).
    ``subsidised``: whether that fee is a subsidised space's parent contribution (Québec's reduced
    contribution earns no Québec childcare credit). netpay's own fee is a subsidised space's; a fee
    you give is taken as a non-subsidised daycare's unless ``subsidised=True``.

    >>> Child(born=2023, childcare=1_100).non_subsidised_fee
    1100.0
    >>> Child(born=2023, childcare=210, subsidised=True).non_subsidised_fee
    0.0
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    born: dt.date
    childcare: float | None = None
    subsidised: bool | None = None

    @field_validator("born", mode="before")
    @classmethod
    def _birth(cls, value: Any) -> dt.date:
        if isinstance(value, bool):
            raise ValueError(f"born must be a year (e.g. 2023) or a date, not {value!r}")
        if isinstance(value, numbers.Integral):
            if not 1950 <= int(value) <= 2100:
                raise ValueError(f"born must be a year between 1950 and 2100, got {value}")
            return dt.date(int(value), *MIDYEAR)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            text = value.strip()
            if text.isdigit():
                return cls._birth(int(text))
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        raise ValueError(f"born must be a year (e.g. 2023) or a date (YYYY-MM-DD), not {value!r}")

    @field_validator("childcare", mode="before")
    @classmethod
    def _fee(cls, value: Any) -> float | None:
        return None if value is None else as_amount(value, "childcare (dollars a month)")

    @field_validator("subsidised", mode="before")
    @classmethod
    def _subsidised(cls, value: Any) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        raise ValueError(f"subsidised must be True, False or None (not given), not {value!r}")

    @model_validator(mode="after")
    def _fee_for_private_care(self) -> Child:
        if self.subsidised is False and self.childcare is None:
            raise ValueError(
                "subsidised=False needs the fee you pay: give childcare= (dollars a month), e.g. "
                "Child(born=2023, childcare=1100, subsidised=False); netpay's own fee is a subsidised space's"
            )
        return self

    @property
    def non_subsidised_fee(self) -> float:
        """The monthly fee paid outside a subsidised space: the fee given unless ``subsidised=True``; 0
        for netpay's own fee (a subsidised space's)."""
        return 0.0 if self.childcare is None or self.subsidised else float(self.childcare)

    def age(self, year: int) -> int:
        """Age at the end of ``year`` (December 31), as the forms count it."""
        return int(year) - self.born.year


class Spouse(BaseModel):
    """The spouse or common-law partner: ``income`` (employment income a year, all of it cash,
    pensionable and insurable) or ``offer`` (their own job offer; its city is not where the household
    lives: the household lives in the city of the offer evaluated)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    income: float = 0.0
    offer: Offer | None = None

    @field_validator("income", mode="before")
    @classmethod
    def _income(cls, value: Any) -> float:
        return as_amount(value, "spouse income")

    @model_validator(mode="after")
    def _one_income(self) -> Spouse:
        if self.offer is not None and self.income:
            raise ValueError("give the spouse's income or offer, not both")
        return self


class Household(BaseModel):
    """A household: ``spouse`` (None: no spouse), ``children`` (a list of :class:`Child`), ``status``
    (one of :data:`STATUSES`), ``prior_world_income`` (income the household earned abroad in the year
    before arrival, for the first benefit year of a newcomer; default 0)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    spouse: Spouse | None = None
    children: Sequence[Child] = Field(default=())
    status: str = "citizen"
    prior_world_income: float = 0.0

    @field_validator("children", mode="before")
    @classmethod
    def _children(cls, value: Any) -> Any:
        if isinstance(value, Child | int | str | dt.date):
            value = [value]
        return tuple(c if isinstance(c, Child) else Child(born=c) for c in value)

    @field_validator("children", mode="after")
    @classmethod
    def _as_tuple(cls, value: Sequence[Child]) -> tuple[Child, ...]:
        return tuple(value)

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        if key not in STATUSES:
            raise ValueError(
                f"status {value!r} is unknown: {_closest(key, STATUSES)}choose one of {', '.join(STATUSES)}"
            )
        return key

    @field_validator("prior_world_income", mode="before")
    @classmethod
    def _prior(cls, value: Any) -> float:
        return as_amount(value, "prior_world_income")

    @property
    def couple(self) -> bool:
        return self.spouse is not None

    @property
    def size(self) -> int:
        """People in the household."""
        return 1 + int(self.couple) + len(self.children)

    @property
    def bedrooms(self) -> int:
        """Bedrooms by default (0-3): one for the adults and one for each child, at most 3 (netpay's
        largest rent category: three or more); a couple with one child: 2."""
        return min(1 + len(self.children), 3)

    def children_in(self, year: int) -> tuple[Child, ...]:
        """The children born by the end of ``year`` and 18 or under at its end."""
        return tuple(c for c in self.children if 0 <= c.age(year) <= 18)

    def check_children(self, first: int, last: int) -> None:
        """Refuse a child who is no child of the household in any year from ``first`` to ``last``:
        born after ``last`` (netpay counts a child from its birth), or 18 or older at the end of the
        year before ``first`` (the CCB and the provincial benefits stop at 18)."""
        for k, child in enumerate(self.children, start=1):
            born = child.born.isoformat()
            if child.born.year > last:
                reach = f"give horizon= to reach {child.born.year}, or " if first == last else ""
                raise NetpayError(
                    f"children[{k}]: Child(born={born}) is born after {last}, the last year evaluated: "
                    f"{reach}leave the child out"
                )
            if child.age(first - 1) >= 18:
                raise NetpayError(
                    f"children[{k}]: Child(born={born}) is {child.age(first - 1)} at the end of {first - 1}: "
                    "netpay models children under 18 (the age limit of the CCB); leave an adult child out"
                )
