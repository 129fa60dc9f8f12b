"""Childcare parent fees (data/costs/childcare.csv): the caps and flat fees of the $10-a-day
agreements, a month at 261 days a year, the national average standing in where a province's fee was
not found."""

from __future__ import annotations

import datetime as dt

import pytest

from netpay.citydata import childcare
from netpay.citydata.childcare import childcare_fee, load_fees
from netpay.errors import UnknownCityError

D = dt.date
TODDLER = D(2024, 3, 1)  # 2 on 1 September 2026


def test_every_row_loads_and_each_province_has_at_most_one_row_per_period():
    rows = load_fees()
    keys = [(r.province, r.city, r.age_group, r.period) for r in rows]
    assert len(keys) == len(set(keys))
    assert {"ON", "QC", "BC", "AB", "CA"} <= {r.province for r in rows}


def test_ontario_cap_per_month():
    # $22 a day x 261 days / 12 months = 5,742 / 12 = 478.50 (ontario.ca: 'cap fees at $22 per day')
    fee, source = childcare_fee("Toronto", TODDLER, 2026)
    assert fee == 478.50 and source.verified and "ontario.ca" in source.href


def test_quebec_reduced_contribution_by_year():
    # 2026: $9.65 x 261 / 12 = 2,518.65 / 12 = 209.8875 -> 209.89 (secondary); 2024: $9.10 -> 197.925 -> 197.93
    assert childcare_fee("Montréal", TODDLER, 2026)[0] == 209.89
    assert childcare_fee("Montréal", TODDLER, 2024) == (197.93, childcare_fee("Montréal", TODDLER, 2024)[1])
    assert childcare_fee("Montréal", TODDLER, 2024)[1].verified


def test_alberta_flat_fee_and_bc_ten_a_day():
    assert childcare_fee("Calgary", TODDLER, 2026)[0] == 326.25  # alberta.ca, from April 2025
    assert childcare_fee("Vancouver", TODDLER, 2026)[0] == 200.00  # the $10-a-day sites' $200 a month


def test_a_province_without_a_fee_uses_the_national_average_and_says_so():
    fee, source = childcare_fee("Halifax", TODDLER, 2026)
    assert fee == 435.00  # StatCan SELCCA 2025, full-time centre-based, ages 0-5
    assert not source.verified and "national average" in (source.note or "")


def test_school_age_and_unborn_children_pay_no_full_day_fee():
    # born 2020-03-01: 6 on 1 September 2026 -> school age
    assert childcare_fee("Toronto", D(2020, 3, 1), 2026)[0] == 0
    assert childcare_fee("Toronto", D(2027, 1, 5), 2026)[0] == 0
    # born 2020-10-01: 5 on 1 September 2026 -> still a fee
    assert childcare_fee("Toronto", D(2020, 10, 1), 2026)[0] == 478.50


def test_a_year_before_every_fee_uses_the_earliest_one_unverified():
    fee, source = childcare_fee("Calgary", TODDLER, 2024)
    assert fee == 326.25 and not source.verified and "2025-04" in (source.note or "")


def test_bad_inputs():
    with pytest.raises(UnknownCityError):
        childcare_fee("Toronot", TODDLER, 2026)
    with pytest.raises(TypeError, match="born"):
        childcare_fee("Toronto", 2024, 2026)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="year"):
        childcare_fee("Toronto", TODDLER, "2026")  # type: ignore[arg-type]
    assert childcare.DAYS_PER_YEAR == 261
