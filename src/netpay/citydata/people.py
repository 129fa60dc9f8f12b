"""How many people a household is, read from whatever the user gives (duck typing).

``None`` is one adult; a whole number is that many people (up to two of them adults); an object
with ``spouse`` and ``children`` (such as ``netpay.Household``) is 1 + (spouse is not None) +
len(children); an object with ``adults`` and ``children`` counts is their sum; an object with
``size`` is that many people.
"""

from __future__ import annotations

import math
from collections.abc import Sized
from typing import Any, NamedTuple

from netpay.errors import NoDataError


class People(NamedTuple):
    """The household's size and how many of them are adults (who buy a transit pass each)."""

    size: int
    adults: int

    @property
    def label(self) -> str:
        """'1 adult', '2 adults and 2 children'."""
        children = self.size - self.adults
        adults = f"{self.adults} adult{'s' if self.adults != 1 else ''}"
        return adults if not children else f"{adults} and {children} child{'ren' if children != 1 else ''}"


def _count(value: Any, name: str) -> int:
    if isinstance(value, Sized) and not isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise NoDataError(f"household.{name} must be a whole number or a list, not {value!r}")
    if value != int(value) or value < 0:
        raise NoDataError(f"household.{name} must be a whole number of zero or more, not {value!r}")
    return int(value)


def people(household: Any) -> People:
    """The household's size and adults (see the module docstring); else a NoDataError saying what to give.

    >>> people(None), people(3)
    (People(size=1, adults=1), People(size=3, adults=2))
    """
    fix = "give None (one adult), a number of people, or netpay.Household(spouse=..., children=[...])"
    if household is None:
        return People(1, 1)
    if isinstance(household, int | float) and not isinstance(household, bool):
        size = _count(household, "size")
        if size < 1:
            raise NoDataError(f"household must be 1 person or more, not {household!r}; {fix}")
        return People(size, min(size, 2))
    if hasattr(household, "children") and (hasattr(household, "spouse") or hasattr(household, "adults")):
        children = _count(household.children, "children")
        if hasattr(household, "spouse"):
            adults = 1 + (household.spouse is not None)
        else:
            adults = _count(household.adults, "adults")
        if adults < 1:
            raise NoDataError(f"household needs at least one adult, not {adults}; {fix}")
        return People(adults + children, adults)
    if hasattr(household, "size"):
        size = _count(household.size, "size")
        if size < 1:
            raise NoDataError(f"household.size must be 1 or more, not {household.size!r}; {fix}")
        return People(size, min(size, 2))
    raise NoDataError(f"household {household!r} has no size, adults/children or spouse/children; {fix}")
