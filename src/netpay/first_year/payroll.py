"""Payroll pay by pay: CPP/QPP, EI and QPIP withheld until the annual maximum, and income tax
withheld by annualization in the manner of CRA's T4127 (and Québec's TP-1015.F)."""

from __future__ import annotations

import numpy as np

from netpay.components import IncomeComponents, ruleset, tax
from netpay.money import FloatArray, round_cents


def per_period_exemption(basic_exemption: float, pay_periods: int) -> float:
    """CPP/QPP basic exemption per pay: 3,500 / P, truncated to the cent (CRA, "Manual calculation
    for CPP": "Do not round off to the nearest cent ... $3,500 / 52 = $67.30"): 291.66 monthly,
    145.83 semi-monthly, 134.61 biweekly, 67.30 weekly."""
    return float(np.floor(round(basic_exemption / pay_periods * 100.0, 6)) / 100.0)


def capped(raw: FloatArray, maximum: float) -> FloatArray:
    """Amounts withheld per pay until their year-to-date total reaches ``maximum`` (with one
    employer), then nothing: the last pay takes only what is left."""
    cumulative = np.minimum(np.cumsum(raw), maximum)
    return np.diff(cumulative, prepend=0.0)


def per_pay_contributions(pay: IncomeComponents, province: str, year: int, pay_periods: int) -> dict[str, FloatArray]:
    """CPP/QPP, CPP2/QPP2, EI and QPIP withheld from each pay (one employer from the first pay).

    - ``cpp``: first-tier rate x (pensionable pay - the exemption per pay), until the annual
      maximum (not prorated for a mid-year hire; CRA, "About the deduction of CPP contributions").
    - ``cpp2``: the second additional rate on year-to-date pensionable earnings between the YMPE
      and the YAMPE, so only once the YMPE is passed.
    - ``ei`` / ``qpip``: rate x insurable pay until the annual maximum premium (EI at Québec's
      rate in Québec, where QPIP applies).
    - ``payroll_tax``: the NT/NU payroll tax, the rate x each pay's gross remuneration (taxable pay:
      salary, bonuses, taxable benefits), "deducted at source ... at the time of payment" (gov.nu.ca).
    """
    rules = ruleset(province, year)
    plan = rules.pension_plan
    exemption = per_period_exemption(plan.basic_exemption, pay_periods)
    raw_cpp = round_cents(plan.first_tier_rate * np.maximum(pay.pensionable - exemption, 0.0))
    above = np.clip(np.cumsum(pay.pensionable), plan.ympe, plan.yampe) - plan.ympe
    raw_cpp2 = round_cents(plan.second_additional_rate * np.diff(above, prepend=0.0))
    ei, qpip = rules.common.ei, rules.common.qpip  # Québec's EI rate in Québec; QPIP's rate 0 elsewhere
    out = {
        "cpp": capped(raw_cpp, plan.max_first_tier),
        "cpp2": capped(raw_cpp2, plan.max_second_tier),
        "ei": capped(round_cents(ei.rate * pay.insurable), float(round_cents(ei.rate * ei.max_insurable_earnings))),
        "qpip": np.zeros_like(pay.insurable),
        "payroll_tax": round_cents(rules.common.payroll_tax.rate * pay.employment_income),
    }
    if rules.has_qpip:
        qpip_max = float(round_cents(qpip.rate * qpip.max_insurable_earnings))
        out["qpip"] = capped(round_cents(qpip.rate * pay.insurable), qpip_max)
    return out


def withheld_tax(
    regular: FloatArray,
    lump: FloatArray,
    deductions: FloatArray,
    full_period: tuple[float, float],
    province: str,
    year: int,
    pay_periods: int,
) -> FloatArray:
    """Income tax withheld per pay, an approximation of CRA's T4127 (and Québec's TP-1015.F).

    Regular pay is annualized (x P) and taxed as for a resident all year with full TD1 claim
    amounts (payroll does not prorate them); the pay's share is that tax / P. A lump sum paid with
    it (signing, relocation or annual bonus) is taxed by T4127's bonus method on the regular pay of
    a *full* period, ``full_period`` = (taxable pay, deductions) of a full period: tax on
    (annualized full-period pay + lump) - tax on annualized full-period pay. (Annualizing the
    partial first pay instead would tax a lump sum on a one-day first period as if the job paid a
    day's wage a period, and the spring settlement would swing by thousands with the start date.)
    """
    n = regular.shape[0]
    full_pay, full_deductions = (np.full(n, pay_periods * v) for v in full_period)
    income = np.concatenate((pay_periods * regular, full_pay, full_pay + lump))
    ded = np.concatenate((pay_periods * deductions, full_deductions, full_deductions))
    r = tax(IncomeComponents.of_income(income, ded), province, year)
    annual_tax = r.federal_tax + r.provincial_tax
    on_regular, on_full, on_full_and_lump = annual_tax[:n], annual_tax[n : 2 * n], annual_tax[2 * n :]
    return round_cents(on_regular / pay_periods + (on_full_and_lump - on_full))
