"""A hand-fused, chunked, in-place numpy kernel of Ontario's take-home pipeline: the yardstick.

Not project code: the benchmark runs it next to ``netpay.take_home`` to show what plain numpy can do on
this machine (design.md: netpay should be at least 2.5x this kernel). It computes what
``take_home(incomes, "ON", year)`` computes for an employee resident all year with employment income
only, to the cent, with the exact unrounded $1-step marginal rate, and returns the same DataFrame.

Why it is fast for numpy (research/v2/performance.md, section 2): every operation writes into a scratch
array of one chunk (the chunk's arrays stay in the CPU cache), nothing n-sized is allocated besides
the result block, and bracket tax is the maximum of the schedule's lines instead of ``np.interp``.

Every figure comes from netpay's tables through :func:`ontario_figures`, the only function that knows
the tables' attribute names.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

#: Incomes per chunk: 32 Ki incomes x 12 scratch arrays is 3 MiB, inside one core's L2 cache.
CHUNK = 32 * 1024


class Lines(NamedTuple):
    """A convex progressive schedule as lines: tax(z) = max over k of rates[k] * z + intercepts[k]."""

    rates: tuple[float, ...]
    intercepts: tuple[float, ...]


class Ramp(NamedTuple):
    """A Health Premium ramp: ``rate`` x (taxable income - ``start``), between 0 and ``increment``."""

    start: float
    rate: float
    increment: float


class OntarioFigures(NamedTuple):
    """The figures of the Ontario pipeline for one year, flattened from netpay's tables."""

    cpp_exemption: float
    ympe: float
    yampe: float
    cpp_first_rate: float
    cpp_first_additional_share: float
    cpp_second_rate: float
    ei_max_insurable: float
    ei_rate: float
    federal_lines: Lines
    federal_credit_rate: float
    bpa_max: float
    bpa_min: float
    bpa_start: float
    bpa_end: float
    canada_employment_amount: float
    ontario_lines: Lines
    ontario_credit_rate: float
    ontario_bpa: float
    surtax_threshold1: float
    surtax_rate1: float
    surtax_threshold2: float
    surtax_rate2: float
    tax_reduction: float
    lift_max: float
    lift_rate: float
    lift_threshold: float
    lift_reduction_rate: float
    health_premium: tuple[Ramp, ...]


def schedule_lines(brackets: list[tuple[float, float]]) -> Lines:
    """The lines of a progressive schedule given as (threshold, rate) rows from 0 upwards.

    The tax up to threshold k is the sum of each lower bracket's width times its rate; the line of
    bracket k passes through that point with slope rate k. With rates ascending the schedule is
    convex, so the tax at any income is the highest of the lines.
    """
    rates = [rate for _, rate in brackets]
    if any(b < a for a, b in zip(rates, rates[1:], strict=False)):
        raise ValueError(f"bracket rates must ascend for the max-of-lines form, got {rates}")
    intercepts, tax_below = [], 0.0
    for k, (threshold, rate) in enumerate(brackets):
        if k:
            previous, previous_rate = brackets[k - 1]
            tax_below += (threshold - previous) * previous_rate
        intercepts.append(tax_below - rate * threshold)
    return Lines(tuple(rates), tuple(intercepts))


def ontario_figures(year: int) -> OntarioFigures:
    """Read the Ontario pipeline's figures for ``year`` from netpay's tables (the one place that knows
    their attribute names: ``netpay.tables.load(year, 'payroll' | 'federal' | 'ON')``)."""
    from netpay import tables

    payroll, federal, ontario = (tables.load(year, key) for key in ("payroll", "federal", "ON"))
    cpp, bpa = payroll.cpp, federal.basic_personal_amount
    first_rate = cpp.base_rate + cpp.first_additional_rate
    on_credit_rate = ontario.credit_rate if ontario.credit_rate is not None else ontario.brackets[0].rate
    return OntarioFigures(
        cpp_exemption=cpp.basic_exemption,
        ympe=cpp.ympe,
        yampe=cpp.yampe,
        cpp_first_rate=first_rate,
        cpp_first_additional_share=cpp.first_additional_rate / first_rate,
        cpp_second_rate=cpp.second_additional_rate,
        ei_max_insurable=payroll.ei.max_insurable_earnings,
        ei_rate=payroll.ei.rate,
        federal_lines=schedule_lines([(b.from_, b.rate) for b in federal.brackets]),
        federal_credit_rate=federal.credit_rate,
        bpa_max=bpa.max,
        bpa_min=bpa.min,
        bpa_start=bpa.start,
        bpa_end=bpa.end,
        canada_employment_amount=federal.canada_employment_amount,
        ontario_lines=schedule_lines([(b.from_, b.rate) for b in ontario.brackets]),
        ontario_credit_rate=on_credit_rate,
        ontario_bpa=ontario.basic_personal_amount,
        surtax_threshold1=ontario.surtax.threshold1,
        surtax_rate1=ontario.surtax.rate1,
        surtax_threshold2=ontario.surtax.threshold2,
        surtax_rate2=ontario.surtax.rate2,
        tax_reduction=ontario.tax_reduction.basic_amount,
        lift_max=ontario.lift.max_credit,
        lift_rate=ontario.lift.rate,
        lift_threshold=ontario.lift.threshold,
        lift_reduction_rate=ontario.lift.reduction_rate,
        health_premium=tuple(Ramp(s.from_, s.rate, s.increment) for s in ontario.health_premium),
    )


# --------------------------------------------------------------------------- in-place steps


def round_cents_inplace(a: np.ndarray) -> None:
    """Round non-negative dollars to cents half-up in place, as ``netpay.money.round_cents`` does
    (first to 1/10,000 of a cent, to remove binary representation error)."""
    a *= 100.0
    np.round(a, 4, out=a)
    a += 0.5
    np.floor(a, out=a)
    a /= 100.0


def clip_between_into(out: np.ndarray, x: np.ndarray, low: float, high: float) -> None:
    """out = the part of ``x`` between ``low`` and ``high``."""
    np.subtract(x, low, out=out)
    np.clip(out, 0.0, high - low, out=out)


def lines_tax_into(out: np.ndarray, z: np.ndarray, lines: Lines, tmp: np.ndarray) -> None:
    """out = tax on ``z`` by a schedule given as lines (the highest line; the first has no intercept)."""
    np.multiply(z, lines.rates[0], out=out)
    for rate, intercept in zip(lines.rates[1:], lines.intercepts[1:], strict=True):
        np.multiply(z, rate, out=tmp)
        tmp += intercept
        np.maximum(out, tmp, out=out)


def health_premium_add(out: np.ndarray, z: np.ndarray, ramps: tuple[Ramp, ...], tmp: np.ndarray) -> None:
    """out += the Ontario Health Premium on taxable income ``z``: the sum of its clipped ramps."""
    for ramp in ramps:
        np.subtract(z, ramp.start, out=tmp)
        tmp *= ramp.rate
        np.clip(tmp, 0.0, ramp.increment, out=tmp)
        out += tmp


class Outputs(NamedTuple):
    """Where one pass of the pipeline writes its lines (arrays of one chunk)."""

    pension: np.ndarray
    ei: np.ndarray
    net: np.ndarray
    federal: np.ndarray
    provincial: np.ndarray
    total: np.ndarray


def pipeline(x: np.ndarray, f: OntarioFigures, rounded: bool, out: Outputs, s: list[np.ndarray]) -> None:
    """One pass of the Ontario pipeline over a chunk of incomes ``x`` into ``out``, using the scratch
    arrays ``s`` (at least six, of the chunk's length). Unrounded (``rounded=False``) for the marginal rate.

    The order of every sum follows ``netpay.engine.compute`` so that the cents agree.
    """
    first, second, additional, base, a, b = s[:6]
    pension, ei, net, fed, tax, total = out
    rnd = round_cents_inplace if rounded else (lambda _: None)
    # CPP: first tier, second tier (CPP2), the first-additional part of the first tier; EI.
    clip_between_into(first, x, f.cpp_exemption, f.ympe)
    first *= f.cpp_first_rate
    rnd(first)
    clip_between_into(second, x, f.ympe, f.yampe)
    second *= f.cpp_second_rate
    rnd(second)
    np.multiply(first, f.cpp_first_additional_share, out=additional)
    rnd(additional)
    np.subtract(first, additional, out=base)  # base part: a credit
    np.add(additional, second, out=second)  # enhanced part: deducted (line 22215)
    np.add(base, second, out=pension)
    np.minimum(x, f.ei_max_insurable, out=ei)
    ei *= f.ei_rate
    rnd(ei)
    # Net income (line 23600) = taxable income here.
    np.subtract(x, second, out=net)
    np.maximum(net, 0.0, out=net)
    # Federal: brackets - credit rate x (BPA after its phase-down + CEA + CPP base + EI).
    np.subtract(net, f.bpa_start, out=a)
    a /= f.bpa_end - f.bpa_start
    np.clip(a, 0.0, 1.0, out=a)
    a *= f.bpa_max - f.bpa_min
    np.subtract(f.bpa_max, a, out=a)
    np.minimum(x, f.canada_employment_amount, out=b)
    a += b
    a += base
    a += ei
    a *= f.federal_credit_rate
    lines_tax_into(fed, net, f.federal_lines, b)
    fed -= a
    np.maximum(fed, 0.0, out=fed)
    rnd(fed)
    # Ontario basic tax: brackets - credit rate x (BPA + (CPP base + EI)).
    np.add(base, ei, out=a)
    a += f.ontario_bpa
    a *= f.ontario_credit_rate
    lines_tax_into(tax, net, f.ontario_lines, b)
    tax -= a
    np.maximum(tax, 0.0, out=tax)
    # Surtax on basic tax.
    np.subtract(tax, f.surtax_threshold1, out=a)
    np.maximum(a, 0.0, out=a)
    a *= f.surtax_rate1
    np.subtract(tax, f.surtax_threshold2, out=b)
    np.maximum(b, 0.0, out=b)
    b *= f.surtax_rate2
    a += b
    tax += a
    # Tax reduction: 2 x basic amount - tax, between 0 and the tax.
    np.subtract(2.0 * f.tax_reduction, tax, out=a)
    np.clip(a, 0.0, tax, out=a)
    tax -= a
    # LIFT: min(max, rate x income) - reduction rate x net income over the threshold, not below 0, at most the tax.
    np.multiply(x, f.lift_rate, out=a)
    np.minimum(a, f.lift_max, out=a)
    np.subtract(net, f.lift_threshold, out=b)
    np.maximum(b, 0.0, out=b)
    b *= f.lift_reduction_rate
    a -= b
    np.maximum(a, 0.0, out=a)
    np.minimum(a, tax, out=a)
    tax -= a
    health_premium_add(tax, net, f.health_premium, a)
    rnd(tax)
    # Total deductions = pension + EI + QPIP (0) + federal + provincial.
    np.add(pension, ei, out=total)
    total += fed
    total += tax


def take_home(incomes: np.ndarray, f: OntarioFigures, columns: tuple[str, ...], marginal: bool = True) -> pd.DataFrame:
    """``netpay.take_home(incomes, "ON", year)`` for validated float64 ``incomes``, chunk by chunk;
    ``columns`` are ``netpay.engine.COLUMNS`` (the order of the result)."""
    n = incomes.shape[0]
    row = {name: i for i, name in enumerate(columns)}
    block = np.empty((len(columns), n))
    scratch = [np.empty(min(CHUNK, n)) for _ in range(13)]
    for lo in range(0, n, CHUNK):
        hi = min(lo + CHUNK, n)
        s = [a[: hi - lo] for a in scratch]
        x = incomes[lo:hi]
        r = {name: block[i, lo:hi] for name, i in row.items()}
        out = Outputs(
            r["cpp"], r["ei"], r["taxable_income"], r["federal_tax"], r["provincial_tax"], r["total_deductions"]
        )
        pipeline(x, f, True, out, s)
        r["income"][:] = x
        r["qpip"][:] = 0.0
        for none in ("payroll_tax", "ramq_premium"):  # not in Ontario (NT/NU's payroll tax, Québec's premium)
            if none in r:
                r[none][:] = 0.0
        r["deductions"][:] = 0.0
        r["provincial_taxable_income"][:] = out.net
        np.subtract(x, out.total, out=r["net_income"])
        np.divide(r["net_income"], 12.0, out=r["monthly_net_income"])
        np.divide(out.total, x, out=r["average_rate"], where=x > 0)
        r["average_rate"][x <= 0] = 0.0
        if marginal:
            marginal_rate_into(r["marginal_rate"], x, f, s)
        else:
            r["marginal_rate"][:] = np.nan
    return pd.DataFrame(block.T, columns=pd.Index(columns), copy=False)


def marginal_rate_into(out: np.ndarray, x: np.ndarray, f: OntarioFigures, s: list[np.ndarray]) -> None:
    """out = the exact marginal rate: unrounded total deductions at x + $1 minus at x."""
    step, lines = s[6], Outputs(*s[7:13])
    pipeline(x, f, False, lines, s)
    np.copyto(out, lines.total)
    np.add(x, 1.0, out=step)
    pipeline(step, f, False, lines, s)
    np.subtract(lines.total, out, out=out)
