"""netpay: what a Canadian job offer is really worth.

Cited federal, provincial and territorial tax tables and payroll contributions, turned into annual
and monthly take-home pay by vectorized functions: one income or a million, same call.
"""

from __future__ import annotations

from netpay import plot, tables  # plot imports matplotlib only when a chart is drawn
from netpay.citydata import cities, rent
from netpay.compare import compare, equivalent_salary, evaluate, gross_for_net
from netpay.engine import take_home
from netpay.errors import (
    DataFileError,
    InvalidIncomeError,
    NetpayError,
    UnknownJurisdictionError,
    UnknownYearError,
)
from netpay.first_year import monthly_cash_flow, residence_fraction
from netpay.offer import Offer
from netpay.tables import DATA_EDITION

__version__ = "0.1.0"

__all__ = [
    "DATA_EDITION",
    "DataFileError",
    "InvalidIncomeError",
    "NetpayError",
    "Offer",
    "UnknownJurisdictionError",
    "UnknownYearError",
    "__version__",
    "cities",
    "compare",
    "equivalent_salary",
    "evaluate",
    "gross_for_net",
    "monthly_cash_flow",
    "rent",
    "residence_fraction",
    "plot",
    "tables",
    "take_home",
]
