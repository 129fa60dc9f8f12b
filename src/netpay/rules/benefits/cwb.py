"""Canada Workers Benefit, basic amount (Schedule 6; Income Tax Act s. 122.7). The disability
supplement and the Alberta, Québec and Nunavut parameters are not modelled.

CWB = min(max, phase_in_rate x (working income - phase_in_start))
      - rate x (adjusted net income - threshold), not below 0,
where a family (a spouse or an eligible dependant) uses the family maximum and threshold, both
spouses' working income, and an adjusted family net income from which up to
``secondary_exemption`` of the lower earner's working income is left out.
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.jit import rule
from netpay.tables.benefits import CwbTable


class Params(NamedTuple):
    max_single: float
    max_family: float
    phase_in_start: float
    phase_in_rate: float
    threshold_single: float
    threshold_family: float
    rate: float
    secondary_exemption: float


def params(t: CwbTable) -> Params:
    return Params(
        t.max_single, t.max_family, t.phase_in_start, t.phase_in_rate, t.threshold_single, t.threshold_family,
        t.rate, t.secondary_exemption,
    )  # fmt: skip


@rule
def cwb_basic(net_income: float, working_income: float, spouse_working_income: float, family: bool, p: Params) -> float:
    """The basic CWB for the tax year: phased in with working income, out with adjusted net income."""
    if not family:
        earned = working_income
        phased_in = min(p.max_single, p.phase_in_rate * max(earned - p.phase_in_start, 0.0))
        return max(phased_in - p.rate * max(net_income - p.threshold_single, 0.0), 0.0)
    earned = working_income + spouse_working_income
    exempt = min(min(working_income, spouse_working_income), p.secondary_exemption)
    phased_in = min(p.max_family, p.phase_in_rate * max(earned - p.phase_in_start, 0.0))
    return max(phased_in - p.rate * max(net_income - exempt - p.threshold_family, 0.0), 0.0)
