"""Offers -> evaluations: every line of every year, from the components, the engine and the city's costs.

Definitions (dollars; "monthly" is per month covered: annual / 12 in a full year, per month
resident in the year of arrival):

- net cash = cash paid (salary, bonus, signing and relocation bonuses, cash-settled equity)
  - CPP/QPP - EI - QPIP - federal tax - provincial tax - employee RRSP and pension contributions.
  Taxes on income received in kind (shares, taxable benefits, employer RRSP) are paid from cash.
- disposable (monthly) = monthly net cash - rent - other monthly costs.
- disposable without one-time payments: the same for the offer without its signing and relocation
  bonuses (what a later year looks like); one-time payments spread over twelve months flatter
  the first year.

A year of arrival is the same computation with a :class:`~netpay.components.Residence` (fraction,
January 1) and covers the months resident; there is no separate path for it.
"""

from netpay.evaluation.build import evaluate_offers, offer_list, year_evaluations
from netpay.evaluation.result import Evaluation
from netpay.evaluation.year import FULL_YEAR_ATTRIBUTES, YearEvaluation

__all__ = ["FULL_YEAR_ATTRIBUTES", "Evaluation", "YearEvaluation", "evaluate_offers", "offer_list", "year_evaluations"]
