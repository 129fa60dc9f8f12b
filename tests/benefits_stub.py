"""A stand-in for ``netpay.benefits`` (built on branch i11-benefits) behind its agreed signature, for
the household tests only: the tests here check the transfers and the household's arithmetic, so
the stub pays fixed, made-up amounts that the tests add up by hand."""

from __future__ import annotations

import datetime as dt
import sys
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

#: The stub's benefit: $100 a month per child, whatever the income (not a real benefit).
STUB_PER_CHILD = 1_200.0
#: The stub's child care fee for a child under 6: $500 a month (not a real fee).
STUB_FEE = 500.0


@dataclass(frozen=True)
class Benefit:
    key: str
    label: str
    amount: float
    sources: tuple[str, ...] = field(default=("stub",))
    status: str = "unverified"


@dataclass(frozen=True)
class Fee:
    monthly: float
    source: str = "stub fee"


def household_benefits(
    province: str,
    year: int,
    *,
    family_net_income: Mapping[int, float],
    children: Sequence[dt.date],
    couple: bool,
    working_income: float,
    spouse_working_income: float = 0.0,
    rent_paid: float = 0.0,
    eligible_from: dt.date | None = None,
) -> list[Benefit]:
    CALLS.append(dict(province=province, year=year, family_net_income=dict(family_net_income), children=list(children), couple=couple))
    if not children:
        return []
    return [Benefit("stub_child", "Stub child benefit", STUB_PER_CHILD * len(children))]


def childcare_fees(place: str, born: dt.date, year: int) -> Fee:
    return Fee(STUB_FEE)


CALLS: list[dict] = []


def install() -> types.ModuleType:
    """Put the stub in ``sys.modules['netpay.benefits']`` (the real module, once merged, is left alone)."""
    try:
        import netpay.benefits as real  # noqa: F401

        if not getattr(real, "STUB", False):
            return real
    except ImportError:
        pass
    module = types.ModuleType("netpay.benefits")
    module.STUB = True  # type: ignore[attr-defined]
    module.household_benefits = household_benefits  # type: ignore[attr-defined]
    module.childcare_fees = childcare_fees  # type: ignore[attr-defined]
    sys.modules["netpay.benefits"] = module
    return module
