"""What a horizon's offer may cost beyond its yearly lines: the signing bonus clawback after tax, and
the tax on RRSP excess contributions (``evaluate(..., horizon=N)``; issue 12).

**The clawback** (``Offer.clawback_months``): leaving before the end of the period means repaying the
signing bonus, gross. A repayment of remuneration received for a period in which the duties were not
performed is deductible in the year repaid (ITA s. 8(1)(n); CRA, "Line 22900 - Other employment
expenses": "Repayment of salary or wages"; CRA T.I. 2010-037597 on a signing bonus). Québec allows the
same deduction (Revenu Québec, TP-1 line 207, point 12). The year the bonus was taxed is not reopened.
For each year of the horizon in which the bonus could be repaid, :func:`clawback_costs` asks the
engine for that year's contributions and taxes with and without a deduction of the bonus: the tax
saved, and the cost after tax = repaid - tax saved. It takes the year's income as evaluated (as if
a new job paid the same); CPP/QPP and EI/QPIP are not refunded.

**RRSP excess contributions** (CRA, "What happens if you go over your RRSP/PRPP deduction limit"):
unused contributions (those not yet deducted, carried from earlier years, plus the year's own to
date) above the year's RRSP deduction limit plus $2,000 are taxed 1% a month (ITA s. 204.1(2.1),
form T1-OVP; figures in ``data/equity.yaml``). :func:`rrsp_excess_tax` spreads a year's
contributions evenly over the months worked (from the start month in year one) and sums the month-end
excesses. The tax is a line of the horizon (``rrsp_excess_tax``, a separate return, not in
``net_cash``) taken off the year's disposable and total value. Required contributions to a group RRSP
under a qualifying arrangement (qualifying group plan amounts, s. 204.2(1.3)) can escape it: netpay
does not model that, and says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from netpay.components import IncomeComponents, tax
from netpay.equity.schedule import add_months
from netpay.equity_tax import figures
from netpay.evaluation.build import carried_deduction
from netpay.evaluation.year import YearEvaluation
from netpay.money import round_cents
from netpay.offer import Offer
from netpay.offer_terms import ClawbackCost
from netpay.timeline import HorizonYear

__all__ = ["ClawbackCost", "YearInputs", "clawback_costs", "risk_lines", "rrsp_excess_tax", "with_rrsp_excess_tax"]


@dataclass(frozen=True)
class YearInputs:
    """What a horizon evaluated one year from: the offer as paid that year, the year, its RRSP
    deduction limit and the contributions of earlier years not deducted yet."""

    offer: Offer
    year: HorizonYear
    room: float
    carried: float


def tax_saved(province: str, inputs: YearInputs, start: dt.date, deduction: float) -> float:
    """The contributions and taxes ``deduction`` (a deduction from net income, such as T1 line 22900)
    saves in the year of ``inputs``, by the engine: the year as evaluated less the year with it."""
    y = inputs.year
    base = IncomeComponents.from_offers([inputs.offer], province, inputs.room, year=y.year, start=start)
    extra = carried_deduction(base, [inputs.offer], inputs.room, inputs.carried)
    base = dataclasses.replace(base, deductions=base.deductions + extra)
    both = base.concat(dataclasses.replace(base, deductions=base.deductions + deduction))
    due = tax(both, province, y.year, y.residence).total_deductions
    return float(round_cents(due[0] - due[1]))


def clawback_end(offer: Offer, start: dt.date) -> dt.date:
    """The first day on which leaving no longer means repaying: ``start`` + ``clawback_months``."""
    return add_months(start, offer.clawback_months)


def clawback_costs(
    offer: Offer, inputs: Sequence[YearInputs], years: Sequence[YearEvaluation], start: dt.date
) -> tuple[ClawbackCost, ...]:
    """The cost of repaying the signing bonus in each year of the horizon that the clawback period
    (``start`` to :func:`clawback_end`) reaches: gross, tax saved, after tax (module docstring)."""
    if offer.clawback_months == 0 or offer.signing_bonus == 0:
        return ()
    last = (clawback_end(offer, start) - dt.timedelta(days=1)).year
    repaid = float(offer.signing_bonus)
    return tuple(
        ClawbackCost(year=i.year.year, repaid=repaid, tax_saved=tax_saved(y.province, i, start, repaid))
        for i, y in zip(inputs, years, strict=True)
        if start.year <= i.year.year <= last
    )


def rrsp_excess_tax(carried: float, contributions: float, room: float, months: int) -> float:
    """The tax on RRSP excess contributions of a year (T1-OVP): 1% of each month-end excess of the
    unused contributions (``carried`` + the year's ``contributions`` to date, made evenly over the
    last ``months`` months) over the deduction limit ``room`` + $2,000, summed over the months."""
    f = figures()
    excess = (
        max(carried + contributions * (i / months) - room - f.rrsp_excess_cushion, 0.0) for i in range(1, months + 1)
    )
    return float(round_cents(f.rrsp_excess_monthly_rate * sum(excess)))


def with_rrsp_excess_tax(years: Sequence[YearEvaluation], start: dt.date) -> list[YearEvaluation]:
    """``years`` with their ``rrsp_excess_tax``; the contributions carried into each year are those
    the years before did not deduct (the horizon's Schedule 7 carry-forward)."""
    out, carried = [], 0.0
    for k, y in enumerate(years):
        months = 13 - start.month if k == 0 and start.year == y.year else 12
        owed = rrsp_excess_tax(carried, y.savings_rrsp, y.rrsp_room or 0.0, months)
        out.append(y.model_copy(update={"rrsp_excess_tax": owed}))
        carried = round(carried - y.rrsp_carried_deducted + y.rrsp_not_deducted, 2)
    return out


def risk_lines(
    offer: Offer, start: dt.date, clawback: Sequence[ClawbackCost], years: Sequence[YearEvaluation]
) -> tuple[str, ...]:
    """One sentence per risk: the clawback with its cost after tax, the RRSP excess contributions tax."""
    out = []
    if clawback:
        costs = "; ".join(
            f"repaid in {c.year} it costs ${c.after_tax:,.0f} after the ${c.tax_saved:,.0f} of tax it saves"
            for c in clawback
        )
        out.append(
            f"signing bonus clawback: leaving before {clawback_end(offer, start).isoformat()} means repaying the "
            f"${offer.signing_bonus:,.0f} signing bonus, gross; the repayment is deductible in the year repaid "
            f"(ITA s. 8(1)(n), T1 line 22900; TP-1 line 207), which does not reopen the year it was taxed: {costs} "
            "(the year's income as evaluated; CPP/EI not refunded)"
        )
    taxed = [y for y in years if (y.rrsp_excess_tax or 0.0) > 0]
    if taxed:
        f = figures()
        each = ", ".join(f"${y.rrsp_excess_tax:,.2f} in {y.year}" for y in taxed)
        out.append(
            f"RRSP excess contributions: contributions above the RRSP deduction limit + ${f.rrsp_excess_cushion:,.0f} "
            f"are taxed {f.rrsp_excess_monthly_rate:.0%} a month (ITA s. 204.1(2.1), form T1-OVP): {each}, taken off "
            "the total value; withdraw the excess or contribute less (required group-plan contributions under a "
            "qualifying arrangement may be exempt: not modelled)"
        )
    return tuple(out)
