"""Nova Scotia's spouse / eligible dependant amount (NS428 line 58120 / 58160), 2025 and 2026, by hand.

The figures (data/tax_tables/<year>/ns.yaml, sources there):
- maximum 11,744 (2025, NS Finance, verified) and 11,932 (2026, taxtips.ca, secondary);
- reduced dollar for dollar by the dependant's net income above a floor: NS's $848 (the NS428
  worksheet 5003-D 2023: "Enter whichever is more: $848 or your spouse's net income"; TD1NS-WS 2024:
  "between $848 and $9,329"), indexed from 2025 with NS's factors: 848 x 1.031 = 874.29 -> 874
  (taxtips 2025: 874), 874 x 1.016 = 887.98 -> 888 (taxtips 2026: 888, nil at 12,820).

The claim is worth the NS credit rate, 8.79%, on the primary earner's provincial tax; at $100,000 in
Halifax nothing else in the NS428 changes with a spouse (the low-income reduction is nil above
$21,000 of family income: 300 / 5% + 15,000). The spouse's income is employment income: their net
income (line 23600) is it less the enhanced CPP deduction (line 22215), 1% of the pensionable
earnings above the $3,500 exemption. Each return's tax is rounded to the cent, so the difference of
two taxes is the credit within a cent.
"""

from __future__ import annotations

import pytest

import netpay

HALIFAX = netpay.Offer(base_salary=100_000, city="Halifax")


def provincial_tax(year: int, spouse_income: float | None) -> float:
    home = None if spouse_income is None else netpay.Household(spouse=netpay.Spouse(income=spouse_income))
    e = netpay.evaluate(HALIFAX, year, rent=2_000, other_costs={"transit_pass": 0}, household=home)
    return e.full_year.provincial_tax


@pytest.mark.parametrize(
    ("year", "spouse_income", "credit"),
    [
        # 500: below the CPP exemption (net 500) and below the floor: the full 11,744 x 8.79% = 1,032.2976
        (2025, 500, 1_032.2976),
        # 5,000: net 5,000 - 1% x (5,000 - 3,500) = 4,985; 11,744 - (4,985 - 874) = 7,633; x 8.79% = 670.9407
        (2025, 5_000, 670.9407),
        # 12,000: net 12,000 - 85 = 11,915; 11,744 - (11,915 - 874) = 703; x 8.79% = 61.7937
        (2025, 12_000, 61.7937),
        # 2026: the full 11,932 x 8.79% = 1,048.8228
        (2026, 500, 1_048.8228),
        # net 4,985; 11,932 - (4,985 - 888) = 7,835; x 8.79% = 688.6965
        (2026, 5_000, 688.6965),
        # net 11,915; 11,932 - (11,915 - 888) = 905; x 8.79% = 79.5495
        (2026, 12_000, 79.5495),
        # net 13,000 - 95 = 12,905, above 12,820 (= 11,932 + 888): nil
        (2026, 13_000, 0.0),
    ],
)
def test_the_spouse_amount_falls_only_above_the_indexed_floor(year, spouse_income, credit):
    saved = provincial_tax(year, None) - provincial_tax(year, spouse_income)
    assert abs(saved - credit) <= 0.01


def test_the_floor_is_the_848_indexed_by_nova_scotia():
    # 848 x 1.031 = 874.288 -> 874; 874 x 1.016 = 887.984 -> 888 (nearest dollar, indexed.yaml)
    assert netpay.tables.load(2025, "NS").spouse_amount.threshold == 874
    assert netpay.tables.load(2026, "NS").spouse_amount.threshold == 888
