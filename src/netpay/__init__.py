"""netpay: what a Canadian job offer is really worth.

Cited federal, provincial and territorial tax tables and payroll contributions, turned into annual
and monthly take-home pay: one income or a million, same call.

``import netpay`` loads nothing heavy: each public name below is imported on first use (PEP 562),
so pandas, numba and matplotlib load only when a function needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> the module that defines it (None: the name is that submodule).
_PUBLIC: dict[str, str] = {
    "take_home": "netpay.engine",
    "Offer": "netpay.offer",
    "Household": "netpay.household",
    "Spouse": "netpay.household",
    "Child": "netpay.household",
    "RSU": "netpay.equity",
    "StockOptions": "netpay.equity",
    "Housing": "netpay.citydata",
    "Evaluation": "netpay.evaluation",
    "YearEvaluation": "netpay.evaluation",
    "evaluate": "netpay.api",
    "compare": "netpay.api",
    "gross_for_net": "netpay.inverse",
    "equivalent_salary": "netpay.comparison",
    "cities": "netpay.citydata",
    "rent": "netpay.citydata",
    "living_costs": "netpay.citydata",
    "move_costs": "netpay.citydata",
    "Living": "netpay.citydata",
    "Move": "netpay.citydata",
    "monthly_cash_flow": "netpay.first_year",
    "residence_fraction": "netpay.first_year",
    "DATA_EDITION": "netpay.tables",
    "NetpayError": "netpay.errors",
    "InvalidIncomeError": "netpay.errors",
    "DataFileError": "netpay.errors",
    "NotFoundError": "netpay.errors",
    "UnknownJurisdictionError": "netpay.errors",
    "UnknownYearError": "netpay.errors",
    "UnknownCityError": "netpay.errors",
    "NoDataError": "netpay.errors",
}
#: Submodules reachable as attributes after ``import netpay``.
_SUBMODULES = ("plot", "tables", "engine", "citydata", "first_year", "rules", "equity")

__all__ = [
    "DATA_EDITION",
    "Child",
    "DataFileError",
    "Evaluation",
    "Household",
    "Housing",
    "InvalidIncomeError",
    "Living",
    "Move",
    "NetpayError",
    "NoDataError",
    "NotFoundError",
    "Offer",
    "RSU",
    "Spouse",
    "StockOptions",
    "UnknownCityError",
    "UnknownJurisdictionError",
    "UnknownYearError",
    "YearEvaluation",
    "__version__",
    "cities",
    "compare",
    "equivalent_salary",
    "evaluate",
    "gross_for_net",
    "living_costs",
    "monthly_cash_flow",
    "move_costs",
    "plot",
    "rent",
    "residence_fraction",
    "tables",
    "take_home",
]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"netpay.{name}")
    if name not in _PUBLIC:
        raise AttributeError(f"module 'netpay' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC, *_SUBMODULES])


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from netpay import plot, tables
    from netpay.api import compare, evaluate
    from netpay.citydata import Housing, Living, Move, cities, living_costs, move_costs, rent
    from netpay.comparison import equivalent_salary
    from netpay.engine import take_home
    from netpay.equity import RSU, StockOptions
    from netpay.errors import (
        DataFileError,
        InvalidIncomeError,
        NetpayError,
        NoDataError,
        NotFoundError,
        UnknownCityError,
        UnknownJurisdictionError,
        UnknownYearError,
    )
    from netpay.evaluation import Evaluation, YearEvaluation
    from netpay.first_year import monthly_cash_flow, residence_fraction
    from netpay.household import Child, Household, Spouse
    from netpay.inverse import gross_for_net
    from netpay.offer import Offer
    from netpay.tables import DATA_EDITION
