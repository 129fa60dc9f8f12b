"""The pay cheques of the year of arrival, and what the part-year return settles the next spring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from netpay import citydata
from netpay.components import IncomeComponents, tax
from netpay.errors import NetpayError
from netpay.first_year.calendar import period_of
from netpay.first_year.offer import paid_from_start, recurring_per_period, year_one_offer
from netpay.first_year.payroll import per_pay_contributions, withheld_tax
from netpay.labelled import tax_attrs
from netpay.lines import CASH_FLOW_COLUMNS, RUNNING_TOTALS, SUMMED_PAY_COLUMNS
from netpay.money import FloatArray, round_cents
from netpay.offer import Offer
from netpay.timeline import Arrival, as_date


def _lump_at(amount: float, day: Any, default: int, periods: pd.DataFrame) -> FloatArray:
    """``amount`` paid on the pay covering ``day`` (default: the pay at index ``default``)."""
    out = np.zeros(len(periods))
    k = default if day is None else period_of(as_date(day, "payment date"), periods)
    out[k] += amount
    return out


def _pays(
    offer: Offer, move: Arrival, bonus_paid: Any, relocation_paid: Any
) -> tuple[pd.DataFrame, dict[str, FloatArray], FloatArray]:
    """Periods paid, each offer amount per pay (lump sums on their pays), and the moving reimbursement."""
    periods, amounts, bonus = paid_from_start(offer, move)
    n = len(periods)
    amounts["bonus"] = _lump_at(bonus, bonus_paid, n - 1, periods)
    amounts["signing_bonus"] = _lump_at(offer.signing_bonus, None, 0, periods)
    amounts["relocation_bonus"] = _lump_at(offer.relocation_bonus, relocation_paid, 0, periods)
    return periods, amounts, _lump_at(offer.moving_reimbursement, None, 0, periods)


def _full_period(offer: Offer, move: Arrival, province: str) -> tuple[float, float]:
    """Taxable pay and deductions of one full period of regular pay (no lump sum)."""
    amounts: dict[str, Any] = recurring_per_period(offer, np.ones(1), move.pay_periods)
    amounts |= {"bonus": 0.0, "signing_bonus": 0.0, "relocation_bonus": 0.0}
    full = IncomeComponents.per_period(amounts, offer, province)
    return float(full.employment_income[0]), float(full.deductions[0])


def _by_month(frame: pd.DataFrame) -> pd.DataFrame:
    """Pays summed by the calendar month of their pay date."""
    month = frame["pay_date"].map(lambda d: dt.date(d.year, d.month, 1))
    grouped = frame.groupby(month, sort=True)
    out = grouped[list(SUMMED_PAY_COLUMNS)].sum()
    out.insert(0, "period_end", grouped["period_end"].max())
    out.insert(0, "period_start", grouped["period_start"].min())
    out.insert(0, "pay_date", grouped["pay_date"].max())
    return out.reset_index(drop=True)


def settlement(frame: pd.DataFrame, due: Mapping[str, float]) -> dict[str, float]:
    """What the return settles: withheld (the pay cheques' totals) minus ``due`` (the year-one
    return's cpp, ei, qpip, federal_tax, provincial_tax), item by item; positive is a refund."""
    out: dict[str, float] = {}
    for item, columns in (("cpp", ("cpp", "cpp2")), ("ei", ("ei",)), ("qpip", ("qpip",))):
        withheld = float(sum(frame[c].sum() for c in columns))
        out[f"{item}_withheld"] = round(withheld, 2)
        out[f"{item}_due"] = due[item]
        out[f"{item}_overpayment"] = round(withheld - due[item], 2)
    out["tax_withheld"] = round(float(frame["income_tax"].sum()), 2)
    out["tax_due"] = round(due["federal_tax"] + due["provincial_tax"], 2)
    out["tax_refund"] = round(out["tax_withheld"] - out["tax_due"], 2)
    parts = ("cpp_overpayment", "ei_overpayment", "qpip_overpayment", "tax_refund")
    out["total"] = round(sum(out[k] for k in parts), 2)
    return out


def year_one_due(offer: Offer, move: Arrival, province: str) -> dict[str, float]:
    """Contributions and taxes due on the year-one return (part-year, RRSP within ``move.rrsp_room``)."""
    components = IncomeComponents.from_offers([year_one_offer(offer, move)], province, move.rrsp_room)
    r = tax(components, province, move.year, move.residence)
    return {k: float(getattr(r, k)[0]) for k in ("cpp", "ei", "qpip", "federal_tax", "provincial_tax")}


def pay_cheques(
    offer: Offer,
    move: Arrival,
    *,
    bonus_paid: Any = None,
    relocation_paid: Any = None,
    by: str = "period",
    due: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The pay cheques from ``move.start`` to December 31 (columns :data:`CASH_FLOW_COLUMNS`), by
    pay or by month, with the spring settlement in ``attrs`` and the status of the year's tax tables
    (:func:`netpay.labelled.tables_attrs`); ``due`` is the year-one return's contributions and taxes
    when already computed (else computed here, once)."""
    if by not in ("period", "month"):
        raise NetpayError(f"by must be 'period' or 'month', not {by!r}")
    place = citydata.city(offer.city)
    periods, amounts, moving = _pays(offer, move, bonus_paid, relocation_paid)
    pay = IncomeComponents.per_period(amounts, offer, place.province)
    withheld = per_pay_contributions(pay, place.province, move.year, move.pay_periods)
    lump = amounts["bonus"] + amounts["signing_bonus"] + amounts["relocation_bonus"]
    full = _full_period(offer, move, place.province)
    income_tax = withheld_tax(
        pay.employment_income - lump, lump, pay.deductions, full, place.province, move.year, move.pay_periods
    )
    taken = (
        withheld["cpp"] + withheld["cpp2"] + withheld["ei"] + withheld["qpip"] + withheld["payroll_tax"] + income_tax
    )
    frame = pd.DataFrame(
        {
            **{c: periods[c] for c in ("pay_date", "period_start", "period_end", "days_employed")},
            "salary": amounts["base_salary"],
            **{c: amounts[c] for c in ("bonus", "signing_bonus", "relocation_bonus")},
            "gross_pay": round_cents(pay.cash),
            "taxable_pay": round_cents(pay.employment_income),
            **withheld,
            "income_tax": income_tax,
            "other_withholdings": pay.out_of_cash,
            "net_pay": round_cents(pay.cash - taken - pay.out_of_cash),
            "moving_reimbursement": moving,
        }
    )
    if by == "month":
        frame = _by_month(frame)
    for col in RUNNING_TOTALS:
        frame[f"cum_{col}"] = round_cents(frame[col].cumsum().to_numpy())
    frame = frame[list(CASH_FLOW_COLUMNS)]
    frame.attrs["settlement"] = settlement(frame, due or year_one_due(offer, move, place.province))
    frame.attrs |= tax_attrs(place.province, move.year) | _facts(offer, move, place)
    return frame


def _facts(offer: Offer, move: Arrival, place: citydata.City) -> dict[str, Any]:
    return {
        "settled_in": f"spring {move.year + 1}",
        "year": move.year,
        "arrival": move.arrival,
        "start": move.start,
        "pay_periods": move.pay_periods,
        "province": place.province,
        "city": place.name,
        "label": offer.label or place.name,
        "bonus_rule": move.bonus_rule,
        "rrsp_room": move.rrsp_room,
    }


def spring_settlement(cash_flow: pd.DataFrame) -> pd.Series:
    """The settlement of a :func:`monthly_cash_flow` as a Series (positive: a refund)."""
    if not isinstance(cash_flow, pd.DataFrame) or "settlement" not in cash_flow.attrs:
        raise TypeError("spring_settlement needs the result of netpay.monthly_cash_flow(...), which carries it")
    return pd.Series(cash_flow.attrs["settlement"], name=cash_flow.attrs.get("settled_in"))
