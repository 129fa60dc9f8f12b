"""The benefits a household receives in a calendar year, as paid, each with its sources.

A benefit year runs from July to June and is computed on the adjusted family net income (AFNI) of
the tax year before it began: calendar year 2026 receives January-June from the July 2025-June 2026
year (on 2024's AFNI) and July-December from the July 2026-June 2027 year (on 2025's AFNI).
:func:`household_benefits` walks the twelve months of the year, counts the children at the start of
each month (the CCB's under-6 amount ends the month after the sixth birthday, a child counts
from the month after birth to the month of the 18th birthday) and sums what is paid in the year.

:func:`eligible_from` gives the first month a newcomer can be paid the CCB (and the provincial
benefits paid with it, and Québec's family allowance): the month after arrival for a permanent
resident or citizen, the 19th month of residence for a temporary resident (work permit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from netpay.benefits.base import STATUSES, Benefit, Family, check_family, check_fees, eligible_from
from netpay.benefits.credits import provincial_credits
from netpay.benefits.federal import canada_child_benefit, canada_workers_benefit, gst_hst_credit
from netpay.benefits.provincial import provincial_child_benefit
from netpay.citydata.childcare import childcare_fee

__all__ = ["STATUSES", "Benefit", "childcare_fee", "eligible_from", "household_benefits"]


def household_benefits(
    province: str,
    year: int,
    *,
    family_net_income: Mapping[int, float],
    children: Sequence[dt.date],
    couple: bool,
    working_income: float,
    spouse_working_income: float = 0.0,
    rent_paid: float = 0.0,
    eligible_from: dt.date | None = None,
    resident_from: dt.date | None = None,
    childcare_fees: Sequence[float] = (),
) -> list[Benefit]:
    """Every benefit the household is paid in calendar ``year``, one :class:`Benefit` each.

    ``family_net_income`` maps a tax year to the adjusted family net income (both spouses' line
    23600); a benefit year July Y-June Y+1 uses year Y-1's, and a year not given counts as 0 with a
    note. ``children`` are birth dates. ``eligible_from`` is the first day the CCB and the benefits
    paid with it can start (a newcomer's; see :func:`eligible_from`; None: eligible all along);
    ``resident_from`` the first day of residence for the benefits without the 18-month rule (the
    GST/HST credit, the Canada Workers Benefit; default: ``eligible_from``). ``childcare_fees``: the
    non-subsidised childcare fees paid in the year for each child, in the order of ``children``
    (Québec's childcare credit; empty: none).

    >>> b = household_benefits("ON", 2026, family_net_income={2024: 140_000, 2025: 140_000},
    ...     children=[dt.date(2023, 5, 1)], couple=True, working_income=140_000)
    >>> b[0].key
    'ccb'
    """
    amounts = {
        "working_income": working_income,
        "spouse_working_income": spouse_working_income,
        "rent_paid": rent_paid,
    }
    code, incomes, born = check_family(province, year, family_net_income, children, amounts)
    for name, value in (("eligible_from", eligible_from), ("resident_from", resident_from)):
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise TypeError(f"{name} must be a datetime.date or None, not {value!r}")
    fees = check_fees(childcare_fees, len(born))
    family = Family(
        code,
        int(year),
        incomes,
        born,
        bool(couple),
        float(working_income),
        float(spouse_working_income),
        float(rent_paid),
        eligible_from,
        resident_from if resident_from is not None else eligible_from,
        fees,
    )
    return [
        canada_child_benefit(family),
        gst_hst_credit(family),
        canada_workers_benefit(family),
        provincial_child_benefit(family),
        *provincial_credits(family),
    ]
