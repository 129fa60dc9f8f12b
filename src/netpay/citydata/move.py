"""The move itself: one-time costs of year one, beside the relocation bonus (``data/costs/move_fees.csv``).

- **Immigration fees** a sponsored worker and family pay: the work permit ($155, IRPR s. 299(1)),
  a spouse's open work permit ($155 + the $100 open work permit holder fee, s. 303.2), biometrics
  ($85 a person, at most $170 for a family applying together). Children's study permits or visitor
  records are not included (not in netpay's data).
- **The rent deposit** where a province allows one: Ontario one month (the last month's rent, RTA
  s. 106), British Columbia half a month (security deposit, RTA s. 19), Québec none (C.c.Q.
  art. 1904). The first month's rent is the ordinary rent of month one, not an extra cost.
- **Temporary accommodation** (nights x your nightly rate) and **flights**: your figures (no cited
  default exists); the federal public-service per diem for meals and incidentals can be shown as a
  benchmark (``meals_benchmark=True``), never as a survey of what newcomers spend.

Every item is overridable; :func:`move_costs` says whether the relocation bonus covers the total.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from netpay.citydata.cited import CitedFigure, cited
from netpay.citydata.living import NOT_AVAILABLE, USER_FIGURE, LivingItem, check_overrides
from netpay.citydata.people import people
from netpay.citydata.registry import City, city
from netpay.errors import InvalidIncomeError

if TYPE_CHECKING:
    import pandas as pd

MOVE_FILE = "costs/move_fees.csv"


@dataclasses.dataclass(frozen=True)
class Move:
    """Your move: ``work_permit`` (the worker pays the $155 processing fee), ``spouse_permit`` (None:
    when the household has a spouse), ``temporary_nights`` at ``nightly_rate`` dollars, ``flights``
    (dollars, all travellers), ``meals_benchmark`` (add the federal per diem for the nights) and
    ``overrides`` (item -> dollars, winning over netpay's figures)."""

    work_permit: bool = True
    spouse_permit: bool | None = None
    temporary_nights: int = 0
    nightly_rate: float | None = None
    flights: float | None = None
    meals_benchmark: bool = False
    overrides: Mapping[str, float] | None = None

    def __post_init__(self) -> None:
        n = self.temporary_nights
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InvalidIncomeError(f"temporary_nights must be a whole number of nights, 0 or more, not {n!r}")
        for name in ("nightly_rate", "flights"):
            value = getattr(self, name)
            if value is not None:
                check_overrides({name: value})  # the same check as an override: a finite amount >= 0
        object.__setattr__(self, "overrides", check_overrides(self.overrides))


def _fee(geo: str, item: str) -> CitedFigure | None:
    rows = [r for r in cited(MOVE_FILE) if r.geo == geo and r.item == item]
    return max(rows, key=lambda r: r.period_key) if rows else None


def _item(name: str, label: str, amount: float, rows: list[CitedFigure], note: str) -> LivingItem:
    status = "verified" if all(r.verified for r in rows) else "unverified"
    first = rows[0]
    return LivingItem(
        name, label, amount, "; ".join(r.title for r in rows), first.period, status, True, note, first.href
    )


def _permits(move: Move, spouse: bool) -> list[LivingItem]:
    """Work permit, spouse's open work permit and biometrics (IRCC fees)."""
    permit, holder = _fee("Canada", "work_permit"), _fee("Canada", "open_work_permit_holder")
    bio, bio_family = _fee("Canada", "biometrics"), _fee("Canada", "biometrics_family")
    assert permit and holder and bio and bio_family, f"data/{MOVE_FILE} lacks an IRCC fee"
    out = []
    applicants = int(move.work_permit) + int(spouse)
    if move.work_permit:
        out.append(_item("work_permit", "work permit", permit.amount, [permit], "processing fee, IRPR s. 299(1)"))
    if spouse:
        amount = permit.amount + holder.amount
        out.append(
            _item(
                "spouse_work_permit",
                "spouse's open work permit",
                amount,
                [permit, holder],
                "$155 processing + $100 open work permit holder fee",
            )
        )
    if applicants:
        family = applicants >= 2
        amount = bio_family.amount if family else bio.amount * applicants
        note = "family applying together: the $170 maximum" if family else "$85 a person"
        out.append(_item("biometrics", "biometrics", amount, [bio_family if family else bio], note))
    return out


def _deposit(place: City, rent: float | None) -> LivingItem:
    """The rent deposit the province allows, in months of rent x the monthly rent."""
    rule = _fee(place.province, "rent_deposit")
    if rule is None or rent is None:
        why = "no monthly rent given" if rule is not None else f"netpay has no deposit rule for {place.province_name}"
        return LivingItem("rent_deposit", "rent deposit", math.nan, "-", None, NOT_AVAILABLE, False, why)
    note = f"{rule.amount:g} month(s) of rent x {rent:,.2f}; {rule.note or ''}"
    return _item("rent_deposit", "rent deposit", rule.amount * rent, [rule], note)


def _stay(move: Move, adults: int) -> list[LivingItem]:
    """Temporary accommodation and flights (your figures), and the per-diem benchmark if asked."""
    out = []
    if move.temporary_nights and move.nightly_rate is not None:
        amount = move.temporary_nights * move.nightly_rate
        note = f"{move.temporary_nights} nights x {move.nightly_rate:,.2f} (your figures)"
        out.append(
            LivingItem("temporary_stay", "temporary accommodation", amount, USER_FIGURE, None, USER_FIGURE, True, note)
        )
    else:
        note = "give temporary_nights and nightly_rate (no cited default exists)"
        out.append(
            LivingItem("temporary_stay", "temporary accommodation", math.nan, "-", None, NOT_AVAILABLE, False, note)
        )
    if move.meals_benchmark and move.temporary_nights:
        meals, extra = _fee("Canada", "meals_per_diem"), _fee("Canada", "incidentals_per_diem")
        assert meals and extra, f"data/{MOVE_FILE} lacks the NJC per diem"
        amount = move.temporary_nights * adults * (meals.amount + extra.amount)
        note = (
            f"{move.temporary_nights} days x {adults} adult(s) x "
            f"({meals.amount:.2f} + {extra.amount:.2f}): a federal travel benchmark"
        )
        out.append(_item("temporary_meals", "meals while in temporary accommodation", amount, [meals, extra], note))
    if move.flights is not None:
        out.append(LivingItem("flights", "flights", move.flights, USER_FIGURE, None, USER_FIGURE, True, "your figure"))
    else:
        out.append(
            LivingItem(
                "flights", "flights", math.nan, "-", None, NOT_AVAILABLE, False, "give flights=<dollars> (your figure)"
            )
        )
    return out


def move_items(
    place: str | City, household: Any = None, rent: float | None = None, move: Move | None = None
) -> list[LivingItem]:
    """The one-time costs of moving to ``place`` (amounts in dollars, not a month), see the module docstring."""
    where, choice, who = city(place), move or Move(), people(household)
    spouse = choice.spouse_permit if choice.spouse_permit is not None else who.adults >= 2
    items = [*_permits(choice, spouse), _deposit(where, rent), *_stay(choice, who.adults)]
    for name, amount in (choice.overrides or {}).items():
        items = [i for i in items if i.item != name]
        items.append(
            LivingItem(name, name.replace("_", " "), amount, USER_FIGURE, None, USER_FIGURE, True, "your figure")
        )
    return items


def move_costs(
    place: str | City,
    household: Any = None,
    rent: float | None = None,
    move: Move | None = None,
    relocation_bonus: float = 0.0,
) -> pd.DataFrame:
    """The one-time costs of the move, one row each (item, label, amount, source, period, status,
    counted, note), beside ``relocation_bonus``: ``attrs`` hold the counted ``total``, the
    ``relocation_bonus`` and ``covered`` (bonus - total: negative when the bonus falls short), and the
    items not available (give them to count them)."""
    import pandas as pd  # loaded on first use: importing netpay stays quick

    bonus = float(relocation_bonus)
    if not math.isfinite(bonus) or bonus < 0:
        raise InvalidIncomeError(
            f"relocation_bonus must be a finite amount of zero or more dollars, not {relocation_bonus!r}"
        )
    items = move_items(place, household, rent, move)
    frame = pd.DataFrame([dataclasses.asdict(i) for i in items]).rename(columns={"monthly": "amount"})
    total = float(frame.loc[frame["counted"], "amount"].sum())
    frame.attrs.update(
        city=city(place).name,
        total=total,
        relocation_bonus=bonus,
        covered=bonus - total,
        missing=[i.item for i in items if i.status == NOT_AVAILABLE],
    )
    return frame
