"""Housing: where the household lives, and what that costs a month in a city, with every figure's source.

- :class:`Housing` — bedrooms (0 bachelor .. 3 three or more), rent basis ('asking' or 'average'),
  and the user's own rent and other monthly costs, if any. Validated once, when it is made.
- :func:`monthly_costs` — a city's monthly rent and other costs for a :class:`Housing`: netpay's
  figures (each with its period, source, address, date read and ``verified``), the user's own
  figures winning. A rent netpay does not have raises :class:`netpay.errors.NoDataError` saying
  what it has, unless the user gave one: netpay never invents a rent.
- :func:`shared_cost_items` — the other-cost items two cities both have a figure for (what
  ``equivalent_salary`` compares), with a warning naming the rest.

An evaluation reads its rent lines from :class:`CityCosts`: ``rent.amount``, ``rent.period``,
``rent.source``, ``rent.url``, ``rent.retrieved``, ``rent_basis`` ('user override' for the user's own
rent), ``other_costs`` (item -> dollars a month) and ``other_costs_sources`` (item -> citation).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import numbers
import warnings
from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

from netpay.citydata import registry
from netpay.citydata.costs import Cost, other_costs
from netpay.citydata.living import Living, LivingItem, living_items
from netpay.citydata.registry import City
from netpay.citydata.rents import Rent, check_basis, check_bedrooms, latest_rent
from netpay.errors import InvalidIncomeError
from netpay.money import MAX_AMOUNT

#: The source of a figure the user gave (``Housing.rent``, ``Housing.other_costs``).
USER_OVERRIDE = "user override"


def monthly_amount(value: Any, name: str, fix: str) -> float:
    """``value`` as a finite number of dollars a month, zero or more; else an InvalidIncomeError
    naming ``name`` and saying ``fix``."""
    if isinstance(value, str):
        raise InvalidIncomeError(
            f"{name} must be a number of dollars a month (zero or more), not the text {value!r}: "
            f"write it as a number, e.g. 1500 rather than '1,500' or '1.5k'; {fix}"
        )
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidIncomeError(
            f"{name} must be a number of dollars a month (zero or more), not {value!r} ({type(value).__name__}); {fix}"
        )
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float (10**400)
        number = math.inf
    if not math.isfinite(number) or number < 0:
        raise InvalidIncomeError(
            f"{name} must be a finite amount of zero or more dollars a month, not {value!r}; {fix}"
        )
    if number >= MAX_AMOUNT:
        raise InvalidIncomeError(
            f"{name} must be below {MAX_AMOUNT:,.0f} dollars a month, where netpay's tables end "
            f"(netpay.money.MAX_AMOUNT), not {value!r}; {fix}"
        )
    return number


@dataclasses.dataclass(frozen=True)
class Housing:
    """Where the household lives: a unit of ``bedrooms`` (0 = bachelor, 1, 2, 3 = three or more) whose
    rent is netpay's figure on ``rent_basis`` ('asking': what a newcomer signs today; 'average':
    the CMHC average of occupied units) unless ``rent`` (dollars a month) is given; ``other_costs``
    (item -> dollars a month) replace or add to netpay's other costs for the city.

    Bad values are refused when the Housing is made, naming the field and the fix:

    >>> Housing(bedrooms=2).bedrooms, Housing().rent_basis
    (2, 'asking')
    >>> Housing(rent=-5)
    Traceback (most recent call last):
    ...
    netpay.errors.InvalidIncomeError: rent must be a finite amount of zero or more dollars a month, not -5; ...
    """

    bedrooms: int = 1
    rent_basis: str = "asking"
    rent: float | None = None
    other_costs: Mapping[str, float] | None = None
    #: the living-cost basket (:class:`netpay.citydata.living.Living`): None keeps the city's other
    #: costs only (the transit pass); given, the basket's items replace them (see monthly_costs)
    living: Living | None = None

    def __post_init__(self) -> None:
        set_field = object.__setattr__  # the dataclass is frozen: fields are set once, here
        set_field(self, "bedrooms", check_bedrooms(self.bedrooms))
        set_field(self, "rent_basis", check_basis(self.rent_basis, "rent_basis"))
        if self.rent is not None:
            fix = "give your expected monthly rent, or rent=None for netpay's figure for the city"
            set_field(self, "rent", monthly_amount(self.rent, "rent", fix))
        if self.other_costs is not None:
            set_field(self, "other_costs", MappingProxyType(_cost_overrides(self.other_costs)))
        if self.living is True:
            set_field(self, "living", Living())
        if self.living is not None and not isinstance(self.living, Living):
            raise TypeError(
                f"living must be a netpay.citydata.Living(household=..., basket=...) or None, not {self.living!r}"
            )

    def __hash__(self) -> int:
        costs = None if self.other_costs is None else tuple(self.other_costs.items())
        return hash((self.bedrooms, self.rent_basis, self.rent, costs, self.living))

    def __repr__(self) -> str:
        costs = None if self.other_costs is None else dict(self.other_costs)
        living = "" if self.living is None else f", living={self.living!r}"
        return (
            f"Housing(bedrooms={self.bedrooms!r}, rent_basis={self.rent_basis!r}, rent={self.rent!r}, "
            f"other_costs={costs!r}{living})"
        )


def _cost_overrides(value: Any) -> dict[str, float]:
    """The user's other costs as item -> dollars a month, each amount checked."""
    example = "{'transit_pass': 0, 'internet': 80}"
    if not isinstance(value, Mapping):
        raise InvalidIncomeError(
            f"other_costs must be a mapping of item -> dollars a month, such as {example}, not {value!r}"
        )
    out: dict[str, float] = {}
    for item, amount in value.items():
        if not isinstance(item, str) or not item.strip():
            raise InvalidIncomeError(f"other_costs keys must be item names such as 'internet', not {item!r}")
        fix = f"give a monthly amount, e.g. other_costs={{{item!r}: 80}}, or 0 to leave {item!r} out"
        out[item] = monthly_amount(amount, f"other_costs[{item!r}]", fix)
    return out


@dataclasses.dataclass(frozen=True)
class CostFigure:
    """One monthly figure (``amount``, dollars a month) and where it comes from.

    For netpay's data: the figure's ``period`` ('2026Q2'), ``source`` title, ``url``, the date it
    was ``retrieved`` and whether it was seen in that source (``verified``). For the user's own
    figure: source 'user override', and no period, address, date or verification (None).
    """

    amount: float
    source: str
    period: str | None = None
    url: str | None = None
    retrieved: dt.date | None = None
    verified: bool | None = None

    @classmethod
    def from_row(cls, row: Rent | Cost) -> CostFigure:
        """A data row's figure in dollars a month, with its citation."""
        amount = row.monthly if isinstance(row, Cost) else row.amount
        return cls(amount, row.source, row.period, row.url, row.retrieved, row.verified)

    @classmethod
    def from_item(cls, item: LivingItem) -> CostFigure:
        """A living-cost item's monthly figure, with its citation ('verified' only when it is)."""
        return cls(item.monthly, item.source, item.period, item.url, None, item.status == "verified")

    @classmethod
    def override(cls, amount: float) -> CostFigure:
        """A figure the user gave."""
        return cls(amount, USER_OVERRIDE)

    @property
    def is_override(self) -> bool:
        """True for a figure the user gave."""
        return self.source == USER_OVERRIDE

    @property
    def citation(self) -> str:
        """'<source> (<period>) <url>' for netpay's data; 'user override' for the user's own."""
        return self.source if self.is_override else f"{self.source} ({self.period}) {self.url}"


@dataclasses.dataclass(frozen=True)
class CityCosts:
    """A city's monthly rent and other costs for one :class:`Housing`, each with its source."""

    city: City
    housing: Housing
    rent: CostFigure
    items: Mapping[str, CostFigure]
    #: living-cost items netpay has no figure for (with ``Housing.living``): not in ``items``
    missing: tuple[str, ...] = ()

    @property
    def rent_basis(self) -> str:
        """The housing's rent basis, or 'user override' when the user gave the rent."""
        return USER_OVERRIDE if self.rent.is_override else self.housing.rent_basis

    @property
    def other_costs(self) -> dict[str, float]:
        """Other costs: item -> dollars a month."""
        return {item: f.amount for item, f in self.items.items()}

    @property
    def other_costs_sources(self) -> dict[str, str]:
        """Other costs: item -> citation ('<source> (<period>) <url>' or 'user override')."""
        return {item: f.citation for item, f in self.items.items()}

    @property
    def total(self) -> float:
        """Rent plus every other cost, dollars a month."""
        return self.rent.amount + sum(f.amount for f in self.items.values())

    @property
    def unverified(self) -> tuple[str, ...]:
        """Names of netpay's figures not seen in their cited source ('rent', items): say so where shown."""
        figures = {"rent": self.rent, **self.items}
        return tuple(name for name, f in figures.items() if f.verified is False)


def _living_figures(where: City, living: Living, year: int | None) -> tuple[dict[str, CostFigure], tuple[str, ...]]:
    """The counted living-cost items as figures, and the names of those not available."""
    found = living_items(where, living, year)
    figures = {i.item: CostFigure.from_item(i) for i in found if i.counted}
    replaced = {"transportation"} if "transit_pass" in figures else set()
    missing = tuple(i.item for i in found if i.status == "not available" and i.item not in replaced)
    return figures, missing


def monthly_costs(
    city: str | City, housing: Housing | None = None, items: Collection[str] | None = None, year: int | None = None
) -> CityCosts:
    """Monthly rent and other costs in ``city`` (a name or a :class:`City`) for ``housing`` (default
    ``Housing()``: one bedroom, asking rent), with their sources; the user's own rent and other costs win.

    The rent is netpay's latest figure for the city, bedrooms and basis (as :func:`netpay.citydata.rent`),
    or ``housing.rent``; a figure netpay does not have raises ``NoDataError`` saying what it has.
    The other costs are netpay's for the city (the latest period of each item) — only those named in
    ``items`` when it is given — then ``housing.other_costs``, which replace or add to them.

    >>> c = monthly_costs("Toronto", Housing(rent=2_000, other_costs={"internet": 80}))
    >>> c.rent.amount, c.rent.source, c.other_costs["internet"]
    (2000.0, 'user override', 80.0)
    """
    where = registry.city(city)
    if housing is None:
        housing = Housing()
    if not isinstance(housing, Housing):
        raise TypeError(f"housing must be a netpay Housing(bedrooms=..., rent_basis=...), not {housing!r}")
    if isinstance(items, str):
        raise TypeError(f"items must be a collection of item names, such as {{{items!r}}}, not the text {items!r}")
    if housing.rent is not None:
        rent_figure = CostFigure.override(housing.rent)
    else:
        rent_figure = CostFigure.from_row(latest_rent(where, housing.bedrooms, housing.rent_basis))
    figures = {
        item: CostFigure.from_row(row) for item, row in other_costs(where).items() if items is None or item in items
    }
    missing: tuple[str, ...] = ()
    if housing.living is not None:  # the basket replaces the city's other costs (the transit pass is in it)
        living, missing = _living_figures(where, housing.living, year)
        figures = {k: v for k, v in living.items() if items is None or k in items}
    for item, amount in (housing.other_costs or {}).items():
        figures[item] = CostFigure.override(amount)
    return CityCosts(where, housing, rent_figure, MappingProxyType(figures), missing)


def shared_cost_items(
    a: str | City, b: str | City, *, stacklevel: int = 3, housing: Housing | None = None, year: int | None = None
) -> frozenset[str]:
    """The other-cost items both cities have a figure for (what ``equivalent_salary`` compares).

    Items only one city has are left out, with a warning naming them and the city that has them
    (a cost counted on one side only would move the answer by that cost). ``stacklevel`` is passed
    to :func:`warnings.warn`: the default points at the caller of the function that calls this one.
    """
    first, second = registry.city(a), registry.city(b)
    if housing is not None and housing.living is not None:  # the whole basket of each city
        have_a = set(monthly_costs(first, housing, year=year).items) - set(housing.other_costs or {})
        have_b = set(monthly_costs(second, housing, year=year).items) - set(housing.other_costs or {})
    else:
        have_a, have_b = set(other_costs(first)), set(other_costs(second))
    for name, only in ((first.name, have_a - have_b), (second.name, have_b - have_a)):
        if only:
            warnings.warn(
                f"equivalent_salary leaves out {', '.join(sorted(only))}: netpay has a figure for {name} only; "
                "compare with evaluate(..., other_costs={...}) to count it in both cities",
                stacklevel=stacklevel,
            )
    return frozenset(have_a & have_b)
