"""One offer's breakdown for one tax year (:class:`YearEvaluation`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from pydantic import BaseModel, ConfigDict

from netpay.lines import LINES
from netpay.offer import Offer


class YearEvaluation(BaseModel):
    """One offer's breakdown for one tax year: annual amounts, monthly city costs, and their sources.

    ``annual`` and ``monthly`` give every line of :data:`netpay.lines.LINES`; ``table()`` shows both.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    offer: Offer
    label: str
    city: str
    province: str
    year: int
    bedrooms: int
    rent_basis: str
    # annual amounts
    base_salary: float
    bonus: float
    signing_bonus: float
    relocation_bonus: float
    equity_vesting: float
    taxable_benefits: float
    employer_rrsp_match: float
    employment_income: float
    cash_income: float
    taxable_income: float
    provincial_taxable_income: float
    cpp: float
    ei: float
    qpip: float
    federal_tax: float
    provincial_tax: float
    employee_rrsp: float
    employee_pension: float
    net_cash: float
    net_cash_recurring: float
    savings_rrsp: float
    savings_pension: float
    equity_shares: float
    non_taxable_benefits: float
    moving_reimbursement: float
    # monthly city costs and their sources
    rent: float
    rent_period: str | None
    rent_source: str
    rent_url: str | None
    rent_retrieved: dt.date | None
    other_costs: dict[str, float]
    other_costs_sources: dict[str, str]
    #: months of the year the amounts cover: 12, or in the year of arrival the months resident
    #: (days resident / days in the year x 12); rent and other costs are paid for these months.
    months: float = 12.0
    #: days resident in Canada / days in the year (1.0: resident all year)
    residence_fraction: float = 1.0
    #: the RRSP deduction limit applied, and the RRSP contributions above it (not deducted this
    #: year; carried forward)
    rrsp_room: float | None = None
    rrsp_not_deducted: float = 0.0
    #: living-cost items netpay has no figure for (``Housing.living``): shown as NaN lines, not counted
    living_missing: tuple[str, ...] = ()
    #: the NT/NU employee payroll tax withheld, and Québec's drug insurance premium (TP-1 line 447)
    payroll_tax: float = 0.0
    ramq_premium: float = 0.0

    @property
    def monthly_net_cash(self) -> float:
        """Net cash per month covered (per month in Canada in the year of arrival)."""
        return self.net_cash / self.months

    @property
    def monthly_other_costs(self) -> float:
        return float(sum(self.other_costs.values()))

    @property
    def monthly_disposable(self) -> float:
        """Monthly net cash - rent - other monthly costs."""
        return self.monthly_net_cash - self.rent - self.monthly_other_costs

    @property
    def monthly_disposable_recurring(self) -> float:
        """Monthly disposable income without the signing and relocation bonuses."""
        return self.net_cash_recurring / self.months - self.rent - self.monthly_other_costs

    @property
    def annual(self) -> dict[str, float]:
        """Every line of the breakdown, per year (rent and other costs for the months covered)."""
        return dict(zip(LINES, self.values("annual"), strict=True))

    @property
    def monthly(self) -> dict[str, float]:
        """Every line of the breakdown, per month (per month covered, see ``months``)."""
        return dict(zip(LINES, self.values("monthly"), strict=True))

    def values(self, per: str) -> list[float]:
        """The lines of :data:`LINES`, in order, ``per`` 'annual' or 'monthly': amounts a year are
        divided by the months covered for 'monthly'; amounts a month are multiplied by them for
        'annual'."""
        months = self.months if per == "annual" else 1.0
        per_year = 1.0 if per == "annual" else 1.0 / self.months
        costs = self.monthly_other_costs
        monthly = {
            "rent": self.rent,
            "other_costs": costs,
            "disposable": self.net_cash / self.months - self.rent - costs,
            "disposable_recurring": self.net_cash_recurring / self.months - self.rent - costs,
        }
        return [monthly[key] * months if key in monthly else float(getattr(self, key)) * per_year for key in LINES]

    def table(self) -> pd.DataFrame:
        """The breakdown: one row per line (labels of :data:`LINES`), columns ``annual`` and ``monthly``."""
        return pd.DataFrame({"annual": self.annual, "monthly": self.monthly}).rename(index=LINES)


#: What an :class:`Evaluation` reads from its first full year (the version-1 attributes).
FULL_YEAR_ATTRIBUTES: frozenset[str] = frozenset(
    {
        name
        for name in YearEvaluation.model_fields
        if name not in ("residence_fraction", "rrsp_room", "rrsp_not_deducted")
    }
    | {"monthly_net_cash", "monthly_other_costs", "monthly_disposable", "monthly_disposable_recurring"}
    | {"annual", "monthly"}
)
