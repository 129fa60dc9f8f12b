"""One offer's breakdown for one tax year (:class:`YearEvaluation`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, InstanceOf

from netpay.lines import LINES
from netpay.offer import Offer
from netpay.status import overall


class YearEvaluation(BaseModel):
    """One offer's breakdown for one tax year: annual amounts, monthly city costs, and their sources.

    ``annual`` and ``monthly`` give every line of :data:`netpay.lines.LINES`; ``table()`` shows both.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: the offer evaluated, as given (validated when it was made: an Offer is not validated again,
    #: which would run its checks once more for each year of each offer)
    offer: InstanceOf[Offer]
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
    #: RRSP contributions of earlier years deducted this year (a horizon's year after year one)
    rrsp_carried_deducted: float = 0.0
    # --- lines of a horizon (``evaluate(..., horizon=)``; None in a one-year evaluation)
    #: contributions and taxes due because of the shares received (with them - without them)
    equity_tax: float | None = None
    #: the part of ``equity_tax`` paid from cash (in ``net_cash``); the rest is covered by shares
    equity_tax_from_cash: float | None = None
    #: the value of the year's grants taken off by their ``haircut`` (the user's risk view of the
    #: shares' value, face value - after the haircut; tax stays on the face value)
    equity_haircut: float | None = None
    #: the strike paid in cash for options exercised with ``exercise_funding="cash"`` (in ``net_cash``;
    #: the shares received, ``equity_shares``, are worth that much more)
    exercise_cost: float | None = None
    #: the tax on RRSP excess contributions (1% a month, T1-OVP: ``netpay.evaluation.risk``), a separate
    #: return: not in ``net_cash``, taken off ``disposable_sell_to_cover`` and so the total value
    rrsp_excess_tax: float | None = None
    #: 1 / (1 + discount rate) ** (years after year one)
    discount_factor: float = 1.0
    #: living-cost items netpay has no figure for (``Housing.living``): shown as NaN lines, not counted
    living_missing: tuple[str, ...] = ()
    #: the NT/NU employee payroll tax withheld, and Québec's drug insurance premium (TP-1 line 447)
    payroll_tax: float = 0.0
    ramq_premium: float = 0.0
    #: the status of each figure used (:data:`netpay.tables.schema.STATUSES`, or 'user override'):
    #: 'tax_tables' (federal, payroll and provincial tables of the year), 'rent', 'other_costs.<item>'
    statuses: dict[str, str] = Field(default_factory=dict)
    #: each figure used that is unverified, not enacted or projected, named by file and field or by
    #: city and item, with its status (what ``strict=True`` refuses)
    flagged_figures: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """The weakest status of the figures used: what an output of this year must show."""
        return overall(self.statuses.values())

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
    def equity_after_tax(self) -> float:
        """Shares received less the contributions and taxes due on them (NaN in a one-year evaluation)."""
        return _nan_if_none(self.equity_tax, lambda t: round(self.equity_shares - t, 2))

    @property
    def disposable_sell_to_cover(self) -> float:
        """Disposable income of the year (annual) with the tax on shares covered by shares, not cash:
        net cash + tax on shares paid from cash - rent and other costs for the months covered - the tax
        on RRSP excess contributions."""
        penalty = self.rrsp_excess_tax or 0.0
        return _nan_if_none(
            self.equity_tax_from_cash,
            lambda t: round(self.net_cash + t - (self.rent + self.monthly_other_costs) * self.months - penalty, 2),
        )

    @property
    def savings(self) -> float:
        """RRSP and pension contributions, the employer's and the employee's."""
        return round(self.savings_rrsp + self.savings_pension, 2)

    @property
    def total_value(self) -> float:
        """Disposable (tax on shares covered by shares) + equity after tax + savings, for the year."""
        return round(self.disposable_sell_to_cover + self.equity_after_tax + self.savings, 2)

    @property
    def equity_after_haircut(self) -> float:
        """Equity after tax less the haircut on its value (NaN in a one-year evaluation)."""
        return _nan_if_none(self.equity_haircut, lambda h: round(self.equity_after_tax - h, 2))

    @property
    def total_value_after_haircut(self) -> float:
        """``total_value`` with the equity after the haircut (the tax is the same: on face value)."""
        return _nan_if_none(self.equity_haircut, lambda h: round(self.total_value - h, 2))

    @property
    def present_value(self) -> float:
        """``total_value`` x ``discount_factor``."""
        return round(self.total_value * self.discount_factor, 2)

    def horizon_value(self, key: str) -> float:
        """A line of a horizon, per year: an evaluation line (annual) or a horizon line."""
        if key not in _HORIZON_ATTRIBUTES:
            return self.annual[key]
        value = getattr(self, key)
        return float("nan") if value is None else float(value)

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
        fields = self.__dict__  # the lines but the monthly ones are fields (read 10,000 times in a comparison)
        return [monthly[key] * months if key in monthly else float(fields[key]) * per_year for key in LINES]

    def table(self) -> pd.DataFrame:
        """The breakdown: one row per line (labels of :data:`LINES`), columns ``annual`` and ``monthly``."""
        return pd.DataFrame({"annual": self.annual, "monthly": self.monthly}).rename(index=LINES)


def _nan_if_none(value: float | None, of: Callable[[float], float]) -> float:
    return float("nan") if value is None else of(value)


#: Lines of a horizon that are attributes of a year evaluation rather than lines of :data:`LINES`.
_HORIZON_ATTRIBUTES = frozenset(
    {"equity_tax", "equity_tax_from_cash", "equity_after_tax", "disposable_sell_to_cover", "savings"}
    | {"exercise_cost", "rrsp_excess_tax"}
    | {"total_value", "discount_factor", "present_value", "equity_after_haircut", "total_value_after_haircut"}
)

#: What an :class:`Evaluation` reads from its first full year (the version-1 attributes).
FULL_YEAR_ATTRIBUTES: frozenset[str] = frozenset(
    {
        name
        for name in YearEvaluation.model_fields
        if name not in ("residence_fraction", "rrsp_room", "rrsp_not_deducted", "rrsp_carried_deducted")
    }
    | _HORIZON_ATTRIBUTES
    | {"monthly_net_cash", "monthly_other_costs", "monthly_disposable", "monthly_disposable_recurring"}
    | {"status"}
    | {"annual", "monthly"}
)
