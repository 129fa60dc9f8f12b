"""The salary in another city that leaves a household the same monthly disposable income."""

from __future__ import annotations

import numpy as np

from netpay import citydata
from netpay.citydata import Housing, shared_cost_items
from netpay.evaluation.household_result import evaluate_household
from netpay.household import Household
from netpay.money import FloatArray
from netpay.offer import Offer

#: Bisection steps: the bracket [0, hi] shrinks to under a cent for any salary netpay accepts.
STEPS = 60


def _housing(city: str, bedrooms: int, rent_basis: str, items: frozenset[str]) -> Housing:
    """The city's housing with only the cost items both cities have (the others set to 0: left out)."""
    own = set(citydata.monthly_costs(city, Housing(bedrooms, rent_basis)).other_costs)
    return Housing(bedrooms, rent_basis, other_costs={item: 0.0 for item in own - items})


def household_disposable(salary: float, city: str, year: int, housing: Housing, household: Household) -> float:
    """The household's monthly disposable income with a plain ``salary`` in ``city``."""
    offer = Offer(base_salary=salary, city=city)
    return evaluate_household([offer], year, housing, household)[0].monthly_disposable


def household_equivalent(
    salaries: FloatArray, from_city: str, to_city: str, year: int, bedrooms: int, rent_basis: str, household: Household
) -> FloatArray:
    """For each salary in ``from_city``, the salary in ``to_city`` with the same household disposable
    income (bisection: disposable income rises with salary, every marginal rate being under 100%); NaN
    where no salary reaches it (zero salary already leaves more)."""
    items = shared_cost_items(from_city, to_city, stacklevel=4)
    home_a = _housing(from_city, bedrooms, rent_basis, items)
    home_b = _housing(to_city, bedrooms, rent_basis, items)
    out = np.full(salaries.shape, np.nan)
    for i, salary in enumerate(salaries):
        target = household_disposable(float(salary), from_city, year, home_a, household)
        lo, hi = 0.0, max(4.0 * float(salary), 1e6)
        if household_disposable(lo, to_city, year, home_b, household) > target:
            continue
        if household_disposable(hi, to_city, year, home_b, household) < target:
            continue
        for _ in range(STEPS):
            mid = 0.5 * (lo + hi)
            lo, hi = (mid, hi) if household_disposable(mid, to_city, year, home_b, household) < target else (lo, mid)
            if hi - lo < 0.005:
                break
        out[i] = round(0.5 * (lo + hi), 2)
    return out
