"""The first year in Canada: arriving part-way through the year, part-year residence, and the moving
year's cash flow.

An employee who becomes resident in Canada on ``arrival`` (having had only foreign income before)
and starts work on ``start`` pays Canadian tax only on the income of the residence period
(ITA s. 114), to the province of residence on December 31:

- personal amounts (federal BPA and the like, the Ontario and BC basic amounts, Québec's basic
  amount) are prorated by :func:`residence_fraction`, days resident / days in the year, the arrival
  day counted (ITA s. 118.91; CRA, "Federal non-refundable tax credits for newcomers and
  emigrants"; Taxation Act (Québec) s. 752.0.24);
- the Canada employment amount and the CPP/QPP, EI and QPIP credits are not prorated; CPP/QPP on
  the return keeps the full $3,500 exemption and the full YMPE (Canada Pension Plan s. 19);
- Ontario's tax reduction and LIFT credit need residence in Canada on January 1, so are not
  claimed (ontario.ca); the Ontario Health Premium is not prorated.
- RRSP contributions (the employer's match and the employee's own) are deductible only up to the
  RRSP deduction limit, 18% of the *previous* year's earned income reported in Canada plus unused
  room (ITA s. 146(1), "RRSP deduction limit"; CRA, "How contributions affect your RRSP deduction
  limit"): a newcomer whose earlier income was earned abroad has none in year one. Year one
  deducts at most ``rrsp_room`` (default 0); contributions not deducted carry forward to later
  years. Payroll still withholds as if they were deductible, so the return claws that back.

The year of arrival is validated once, as a :class:`~netpay.timeline.Arrival`; it is taxed like any
year, with its residence (``netpay.components.Residence``). The modules:

- :mod:`netpay.timeline`: :func:`residence_fraction`, :func:`days_resident`, ``Arrival``;
- :mod:`.calendar`: :func:`pay_schedule`; :mod:`.offer`: :func:`first_year_offer` (salary from
  ``start``, the annual bonus by a chosen rule, one-time payments in full, recurring amounts like
  the salary);
- :mod:`.evaluation`: :func:`evaluate_first_year` (also ``netpay.evaluate(..., arrival=, start=)``):
  year one next to the full year that follows, an ``Evaluation`` with a move;
- :mod:`.pay_cheques`: :func:`monthly_cash_flow` (= :func:`pay_cheques` with the version-1
  keywords): one row per pay period from ``start`` to December 31, with the refund or balance the
  return settles the next spring; :mod:`.payroll`: contributions and tax withheld per pay;
- :func:`plot_monthly_cash_flow`.

Rules, sources and what remains unverified: ``docs/first-year.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from netpay.first_year.calendar import pay_schedule
from netpay.first_year.chart import plot_monthly_cash_flow
from netpay.first_year.evaluation import FirstYearEvaluation, evaluate_first_year, first_year_evaluation
from netpay.first_year.offer import RECURRING_FIELDS, first_year_offer
from netpay.first_year.pay_cheques import pay_cheques, spring_settlement
from netpay.first_year.payroll import per_period_exemption
from netpay.lines import CASH_FLOW_COLUMNS
from netpay.offer import Offer
from netpay.tables import one_warning
from netpay.timeline import BONUS_RULES, PAY_PERIODS, Arrival, days_in_year, days_resident, residence_fraction

__all__ = [
    "BONUS_RULES",
    "CASH_FLOW_COLUMNS",
    "PAY_PERIODS",
    "RECURRING_FIELDS",
    "Arrival",
    "FirstYearEvaluation",
    "days_in_year",
    "days_resident",
    "evaluate_first_year",
    "first_year_evaluation",
    "first_year_offer",
    "monthly_cash_flow",
    "pay_cheques",
    "pay_schedule",
    "per_period_exemption",
    "plot_monthly_cash_flow",
    "residence_fraction",
    "spring_settlement",
]


@one_warning()
def monthly_cash_flow(
    offer: Offer,
    year: int,
    start: dt.date | str,
    arrival: dt.date | str | None = None,
    pay_periods: int = 12,
    *,
    bonus: str = "next_year",
    bonus_paid: dt.date | str | None = None,
    relocation_paid: dt.date | str | None = None,
    by: str = "period",
    rrsp_room: Any = 0.0,
) -> pd.DataFrame:
    """The pay cheques of the first year, from ``start`` to December 31: one row per pay period
    (``by='period'``) or per calendar month of the pay dates (``by='month'``, pays summed).

    Per pay (amounts in dollars; ``cpp``/``cpp2`` are QPP/QPP2 in Québec):

    - ``gross_pay``: cash paid: salary (as :func:`first_year_offer`), the annual bonus by ``bonus``
      on the last pay of the year (or on the pay covering ``bonus_paid``), the signing bonus on the
      first pay, the relocation bonus on the first pay (or on the pay covering
      ``relocation_paid``), cash-settled equity. ``taxable_pay`` adds income not paid in cash
      (shares vested, taxable benefits, employer RRSP contributions).
    - ``cpp``: (rate) x (pensionable pay - 3,500 / P truncated to the cent), until the year-to-date
      total reaches the annual maximum (not prorated for a mid-year hire; CRA, "About the deduction
      of CPP contributions"). ``cpp2``: 4% of year-to-date pensionable earnings between the YMPE
      and the YAMPE, so only once the YMPE is passed.
    - ``ei`` / ``qpip``: rate x insurable pay until the annual maximum premium is reached.
    - ``income_tax``: federal + provincial tax withheld, by annualization
      (:func:`netpay.first_year.payroll.withheld_tax`; a lump sum by the bonus method on the
      regular pay of a full period); payroll uses full TD1 claim amounts, so it withholds more
      than a newcomer owes.
    - ``other_withholdings``: the employee's RRSP and pension contributions taken from pay.
    - ``net_pay`` = gross_pay - cpp - cpp2 - ei - qpip - income_tax - other_withholdings.
    - ``moving_reimbursement``: repayment of actual moving costs, on the first pay: not income, not
      in ``gross_pay`` or ``net_pay``.
    - ``cum_*``: totals to date.

    ``result.attrs['settlement']``: what the return filed in the spring of ``year + 1`` settles,
    withheld minus due, positive for a refund: ``cpp_overpayment`` (line 44800; Québec TP-1 line
    445), ``ei_overpayment`` (line 45000), ``qpip_overpayment`` (TP-1 line 459), ``tax_refund``
    (tax withheld - tax due on the part-year return) and ``total``. The amounts due come from the
    year-one return (residence from ``arrival``, default ``start``), whose RRSP deduction is
    capped at ``rrsp_room`` (default 0, see :func:`evaluate_first_year`): payroll withholds as if
    the RRSP contributions were deductible, so without room the return claws the difference back.

    What the figures are worth: ``result.attrs['status']`` is the weakest status of the year's federal,
    payroll and provincial tables ('verified', 'unverified', 'not enacted' or 'projected'), with
    ``statuses`` ({'tax_tables': status}), ``verified``, ``projected``, ``flagged`` (each figure not
    verified, by file and field) and, for a projected year, ``projection`` (its basis), as
    ``compare(...).attrs['sources']`` and :func:`netpay.gross_for_net`.
    """
    if not isinstance(offer, Offer):
        raise TypeError(f"monthly_cash_flow needs a netpay.Offer, got {type(offer).__name__}")
    move = Arrival.of(year, start if arrival is None else arrival, start, pay_periods, bonus, rrsp_room)
    return pay_cheques(offer, move, bonus_paid=bonus_paid, relocation_paid=relocation_paid, by=by)
