"""Childcare parent fees (data/costs/childcare.csv): the caps and flat fees of the $10-a-day
agreements, a month at 261 days a year, the national average standing in where a province's fee was
not found."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    # (2024: a child born 2022, in care all 12 months of 2024)
    assert childcare_fee("Montréal", D(2022, 3, 1), 2024) == (197.93, childcare_fee("Montréal", D(2022, 3, 1), 2024)[1])
    assert childcare_fee("Montréal", D(2022, 3, 1), 2024)[1].verified


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
    # born 2020-10-01: 4 by 31 December 2024 -> Ontario junior kindergarten from September 2024, so no
    # fee in 2026 (under the old under-6-on-1-September rule it was 478.50)
    fee, source = childcare_fee("Toronto", D(2020, 10, 1), 2026)
    assert fee == 0 and "junior kindergarten" in (source.note or "")
    assert "before- and after-school care not modelled" in (source.note or "")


def test_a_year_before_every_fee_uses_the_earliest_one_unverified():
    fee, source = childcare_fee("Calgary", D(2022, 3, 1), 2024)  # in care all of 2024
    assert fee == 326.25 and not source.verified and "2025-04" in (source.note or "")


def test_bad_inputs():
    with pytest.raises(UnknownCityError):
        childcare_fee("Toronot", TODDLER, 2026)
    with pytest.raises(TypeError, match="born"):
        childcare_fee("Toronto", 2024, 2026)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="year"):
        childcare_fee("Toronto", TODDLER, "2026")  # type: ignore[arg-type]
    assert childcare.DAYS_PER_YEAR == 261


# --------------------------------------------------------------------------- kindergarten


def test_every_province_and_territory_has_a_kindergarten_row():
    rows = childcare.load_kindergarten()
    assert len(rows) == 13
    # Ontario's junior kindergarten, the NWT's junior kindergarten and Nova Scotia's pre-primary at 4;
    # Québec's maternelle 5 ans at 5 by 30 September; BC at 5 by 31 December (verified, gov.bc.ca)
    assert {p for p, r in rows.items() if r.entry_age == 4} == {"ON", "NT", "NS"}
    assert (rows["QC"].entry_age, rows["QC"].cutoff) == (5, "09-30")
    assert (rows["BC"].entry_age, rows["BC"].cutoff, rows["BC"].verified) == (5, "12-31", True)


def test_a_toronto_child_starting_junior_kindergarten():
    # Born 2022 (taken as 1 July): 4 by 31 December 2026 -> junior kindergarten from September 2026.
    # Fee January-August 2026 = 8 months x 478.50 ($22 x 261 / 12) = 3,828.00 a year,
    # shown as the year's average a month: 3,828.00 / 12 = 319.00.
    fee, source = childcare_fee("Toronto", D(2022, 7, 1), 2026)
    assert fee == 319.00
    assert "8 of 12 months" in (source.note or "") and "junior kindergarten from September 2026" in (source.note or "")
    assert not source.verified  # Ontario's entry age is from a secondary source
    # 2025 (turns 3): all 12 months, 478.50; 2027 (senior kindergarten): nothing
    assert childcare_fee("Toronto", D(2022, 7, 1), 2025)[0] == 478.50
    assert childcare_fee("Toronto", D(2022, 7, 1), 2027)[0] == 0


def test_a_vancouver_child_starting_kindergarten():
    # Born 2021: 5 by 31 December 2026 -> kindergarten from September 2026 (gov.bc.ca). Fee
    # January-August = 8 x $200 = 1,600.00 a year; / 12 = 133.333 -> 133.33 a month.
    fee, source = childcare_fee("Vancouver", D(2021, 7, 1), 2026)
    assert fee == 133.33 and "kindergarten from September 2026" in (source.note or "")


def test_a_montreal_child_born_2023_pays_all_year():
    # Born 2023: 3 in 2026, maternelle 5 ans not before September 2028 -> 12 months at $9.65 x 261 / 12
    # = 209.8875 -> 209.89.
    assert childcare_fee("Montréal", D(2023, 7, 1), 2026)[0] == 209.89
    assert childcare.fee_months(D(2023, 7, 1), 2026, "QC") == 12


def test_quebec_cut_off_is_30_september():
    # 5 on 30 September 2026 -> maternelle in September 2026: January-August = 8 months;
    # 5 on 1 October 2026 -> maternelle in September 2027: 12 months in 2026, 8 in 2027.
    assert childcare.fee_months(D(2021, 9, 30), 2026, "QC") == 8
    assert childcare.fee_months(D(2021, 10, 1), 2026, "QC") == 12
    assert childcare.fee_months(D(2021, 10, 1), 2027, "QC") == 8
    # in Ontario, 31 December: born 31 December 2022 -> JK September 2026; 1 January 2023 -> 2027
    assert childcare.fee_months(D(2022, 12, 31), 2026, "ON") == 8
    assert childcare.fee_months(D(2023, 1, 1), 2026, "ON") == 12


def test_no_fee_before_birth():
    # Born 1 July 2026: July-December = 6 months x 478.50 = 2,871.00; / 12 = 239.25 a month.
    assert childcare_fee("Toronto", D(2026, 7, 1), 2026)[0] == 239.25
    # born 15 July: the first month that starts after birth is August: August-December = 5
    assert childcare.fee_months(D(2026, 7, 15), 2026, "ON") == 5
    assert childcare.fee_months(D(2026, 7, 15), 2025, "ON") == 0


@given(
    born=st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)),
    province=st.sampled_from(sorted(childcare.load_kindergarten())),
)
def test_the_months_add_up_to_birth_to_kindergarten(born, province):
    # Summed over the years, the fee is charged for every month from the first 1st-of-a-month on or
    # after birth up to 31 August of the kindergarten year, and at most 12 in any year.
    row = childcare.load_kindergarten()[province]
    first = born if born.day == 1 else D(born.year + born.month // 12, born.month % 12 + 1, 1)
    cut = D(born.year, int(row.cutoff[:2]), int(row.cutoff[3:]))
    entry_year = born.year + row.entry_age + (born > cut)
    expected = (entry_year * 12 + 8) - (first.year * 12 + first.month - 1)
    months = [childcare.fee_months(born, y, province) for y in range(born.year - 1, entry_year + 2)]
    assert sum(months) == expected and max(months) <= 12
