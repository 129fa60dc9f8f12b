"""Offer: validation, and one worked example per compensation component, by hand from the 2026 rates.

Reference case: British Columbia, 2026, base salary $60,000 (below the YMPE $74,600 and the EI
maximum $68,900, so an extra insurable or pensionable dollar shows; federal taxable income
60,000 - 565 = 59,435 is in the 20.5% bracket (58,523-117,045) and BC's 7.7% bracket
(50,363-100,728); the BC tax reduction is nil above $44,950 of net income).

2026 rates used (data/tax_tables/2026): CPP 4.95% base + 1% first additional over $3,500;
EI 1.63%; federal 14% / 20.5%, credit rate 14%, BPA 16,452, Canada employment amount 1,501;
BC 5.6% / 7.7%, credit rate 5.6%, BPA 13,216. Québec: QPP 5.3% + 1%, EI 1.30%, QPIP 0.43%,
Québec 14% / 19% (54,345-108,680), deduction for workers 6% up to 1,450, abatement 16.5%.

Each component's worked example is a difference from the reference case, so that the hand
arithmetic is short; engine rounding (each tax to the cent) allows a cent or two.
"""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

import netpay
from netpay import Offer, evaluate

CENT = 0.02


def bc(**kw):
    return evaluate(Offer(base_salary=kw.pop("base_salary", 60_000), city="Vancouver", **kw), 2026)


@pytest.fixture(scope="module")
def ref():
    return bc()


# --------------------------------------------------------------------------- the reference case


def test_reference_case_by_hand(ref):
    cpp = 0.0595 * (60_000 - 3_500)  # 3,361.75: base 2,796.75 + first additional 565.00
    ei = 0.0163 * 60_000  # 978.00
    taxable = 60_000 - 565.00  # line 22215 deducts the first additional CPP
    federal = 58_523 * 0.14 + (taxable - 58_523) * 0.205 - 0.14 * (16_452 + 1_501 + 2_796.75 + ei)
    bc_tax = 50_363 * 0.056 + (taxable - 50_363) * 0.077 - 0.056 * (13_216 + 2_796.75 + ei)
    assert ref.cpp == pytest.approx(cpp, abs=CENT)
    assert ref.ei == pytest.approx(ei, abs=CENT)
    assert ref.taxable_income == pytest.approx(taxable, abs=CENT)
    assert ref.federal_tax == pytest.approx(federal, abs=CENT)  # 5,338.30
    assert ref.provincial_tax == pytest.approx(bc_tax, abs=CENT)  # 2,567.39
    net = 60_000 - cpp - ei - federal - bc_tax  # 47,754.56
    assert ref.net_cash == pytest.approx(net, abs=2 * CENT)
    assert ref.net_cash == pytest.approx(netpay.take_home(60_000, "BC", 2026).loc[0, "net_income"], abs=1e-6)


# --------------------------------------------------------------------------- components


def test_bonus_percent_is_of_base_and_taxed_like_salary(ref):
    e = bc(bonus_percent=5)  # 5% of 60,000 = 3,000: CPP, EI and tax as salary
    assert e.bonus == 3_000
    assert e.cpp - ref.cpp == pytest.approx(0.0595 * 3_000, abs=CENT)  # 178.50
    assert e.ei - ref.ei == pytest.approx(0.0163 * 3_000, abs=CENT)  # 48.90
    # taxable +3,000 - 30 (1% first additional CPP); credits + 148.50 CPP base + 48.90 EI
    fed = 0.205 * (3_000 - 30) - 0.14 * (0.0495 * 3_000 + 0.0163 * 3_000)  # 581.226
    prov = 0.077 * (3_000 - 30) - 0.056 * (0.0495 * 3_000 + 0.0163 * 3_000)  # 217.7226
    assert e.federal_tax - ref.federal_tax == pytest.approx(fed, abs=CENT)
    assert e.provincial_tax - ref.provincial_tax == pytest.approx(prov, abs=CENT)
    assert bc(bonus=3_000).net_cash == e.net_cash


def test_signing_bonus_is_one_time_cash(ref):
    e = bc(signing_bonus=2_000)
    assert e.cash_income - ref.cash_income == 2_000
    assert e.cpp - ref.cpp == pytest.approx(0.0595 * 2_000, abs=CENT)
    assert e.ei - ref.ei == pytest.approx(0.0163 * 2_000, abs=CENT)
    # the year without one-time payments is the reference year
    assert e.net_cash_recurring == pytest.approx(ref.net_cash, abs=1e-6)
    assert e.net_cash > ref.net_cash


def test_relocation_bonus_is_taxable_cash_moving_reimbursement_is_not_income(ref):
    reloc = bc(relocation_bonus=2_000)
    signing = bc(signing_bonus=2_000)
    assert reloc.net_cash == signing.net_cash  # same treatment: cash, CPP, EI, tax
    moving = bc(moving_reimbursement=8_000)
    assert moving.employment_income == ref.employment_income
    assert moving.net_cash == ref.net_cash and moving.federal_tax == ref.federal_tax
    assert moving.moving_reimbursement == 8_000
    assert moving.monthly["moving_reimbursement"] == pytest.approx(8_000 / 12)
    assert moving.monthly_disposable == pytest.approx(ref.monthly_disposable)


def test_taxable_benefit_income_pensionable_not_insurable_not_cash(ref):
    e = bc(taxable_benefits=2_000)  # e.g. group term life premiums
    cpp = 0.0595 * 2_000  # 119.00: base 99.00 (credit), first additional 20.00 (deduction)
    assert e.employment_income - ref.employment_income == 2_000
    assert e.cash_income == ref.cash_income
    assert e.cpp - ref.cpp == pytest.approx(cpp, abs=CENT)
    assert e.ei == ref.ei  # a benefit in kind is not insurable
    fed = 0.205 * (2_000 - 20) - 0.14 * 99  # 405.90 - 13.86 = 392.04
    prov = 0.077 * (2_000 - 20) - 0.056 * 99  # 152.46 - 5.544 = 146.916
    assert e.federal_tax - ref.federal_tax == pytest.approx(fed, abs=CENT)
    assert e.provincial_tax - ref.provincial_tax == pytest.approx(prov, abs=CENT)
    # the tax on a benefit in kind is paid out of cash
    assert ref.net_cash - e.net_cash == pytest.approx(cpp + fed + prov, abs=2 * CENT)  # 657.96


def test_equity_vesting_as_shares_is_income_not_cash_not_insurable(ref):
    e = bc(equity_vesting=2_000)  # share-settled RSUs: ITA s. 7 benefit, CPP yes, EI no
    t = bc(taxable_benefits=2_000)
    assert e.ei == ref.ei
    assert e.net_cash == t.net_cash  # same treatment as a benefit in kind
    assert e.equity_shares == 2_000 and e.savings_rrsp == 0


def test_equity_vesting_settled_in_cash_is_a_bonus(ref):
    e = bc(equity_vesting=2_000, equity_settlement="cash")
    s = bc(signing_bonus=2_000)
    assert e.ei - ref.ei == pytest.approx(0.0163 * 2_000, abs=CENT)
    assert e.net_cash == pytest.approx(s.net_cash, abs=1e-6)
    assert e.equity_shares == 0


def test_employer_rrsp_match_income_and_equal_deduction(ref):
    e = bc(employer_rrsp_match=2_000)  # withdrawable group RRSP: cash-like, CPP and EI apply
    cpp, ei = 0.0595 * 2_000, 0.0163 * 2_000  # 119.00 and 32.60
    assert e.employment_income - ref.employment_income == 2_000
    assert e.taxable_income - ref.taxable_income == pytest.approx(-20.0, abs=CENT)  # +2,000 - 2,000 - 20
    assert e.cpp - ref.cpp == pytest.approx(cpp, abs=CENT)
    assert e.ei - ref.ei == pytest.approx(ei, abs=CENT)
    fed = 0.205 * -20 - 0.14 * (99 + ei)  # -4.10 - 18.424 = -22.524
    prov = 0.077 * -20 - 0.056 * (99 + ei)  # -1.54 - 7.3696 = -8.9096
    assert e.federal_tax - ref.federal_tax == pytest.approx(fed, abs=CENT)
    assert e.provincial_tax - ref.provincial_tax == pytest.approx(prov, abs=CENT)
    assert e.savings_rrsp == 2_000
    assert ref.net_cash - e.net_cash == pytest.approx(cpp + ei + fed + prov, abs=2 * CENT)  # 120.17


def test_locked_group_rrsp_is_not_insurable(ref):
    e = bc(employer_rrsp_match=2_000, group_rrsp_locked=True)
    assert e.ei == ref.ei
    assert e.cpp - ref.cpp == pytest.approx(0.0595 * 2_000, abs=CENT)


def test_employer_pension_match_is_not_income(ref):
    e = bc(employer_pension_match=3_000)
    assert e.employment_income == ref.employment_income
    assert e.net_cash == ref.net_cash and e.cpp == ref.cpp
    assert e.savings_pension == 3_000


@pytest.mark.parametrize("field", ["employee_rrsp", "employee_pension"])
def test_employee_rrsp_and_pension_are_deductions_out_of_cash(ref, field):
    e = bc(**{field: 500})  # taxable 59,435 - 500 = 58,935 stays in the 20.5% bracket
    assert e.cpp == ref.cpp and e.ei == ref.ei  # contributions still on the full salary
    assert e.taxable_income - ref.taxable_income == pytest.approx(-500, abs=CENT)
    fed, prov = 0.205 * 500, 0.077 * 500  # 102.50 and 38.50 saved
    assert ref.federal_tax - e.federal_tax == pytest.approx(fed, abs=CENT)
    assert ref.provincial_tax - e.provincial_tax == pytest.approx(prov, abs=CENT)
    assert ref.net_cash - e.net_cash == pytest.approx(500 - fed - prov, abs=2 * CENT)  # 359.00
    assert e.savings_rrsp + e.savings_pension == 500
    # a larger contribution crosses into the 14% bracket: 912 x 20.5% + 1,088 x 14% = 339.28
    big = bc(**{field: 2_000})
    assert ref.federal_tax - big.federal_tax == pytest.approx(912 * 0.205 + 1_088 * 0.14, abs=CENT)


def test_non_taxable_benefits_shown_not_taxed_outside_quebec(ref):
    e = bc(non_taxable_benefits=1_500)
    assert e.net_cash == ref.net_cash and e.employment_income == ref.employment_income
    assert e.non_taxable_benefits == 1_500


def test_health_benefit_is_taxable_in_quebec():
    """Revenu Québec: employer health plan contributions are a taxable benefit for Québec tax and QPP."""
    base = evaluate(Offer(base_salary=60_000, city="Montréal"), 2026)
    e = evaluate(Offer(base_salary=60_000, non_taxable_benefits=1_000, city="Montréal"), 2026)
    qpp = 0.063 * 1_000  # 63.00: base 53.00 (credit), first additional 10.00 (deduction)
    assert e.cpp - base.cpp == pytest.approx(qpp, abs=CENT)
    assert e.ei == base.ei and e.qpip == base.qpip  # a benefit in kind
    assert e.employment_income == base.employment_income  # not federal income
    fed = (0.205 * -10 - 0.14 * 53) * (1 - 0.165)  # -9.47 x 0.835 = -7.90745
    # Québec taxable 60,000 - 1,450 - 565 = 57,985 (19% bracket) becomes + 1,000 - 10
    prov = 0.19 * (1_000 - 10)  # 188.10
    assert e.federal_tax - base.federal_tax == pytest.approx(fed, abs=CENT)
    assert e.provincial_tax - base.provincial_tax == pytest.approx(prov, abs=CENT)
    assert base.net_cash - e.net_cash == pytest.approx(qpp + fed + prov, abs=2 * CENT)  # 243.19


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "field",
    [
        "base_salary",
        "bonus",
        "bonus_percent",
        "signing_bonus",
        "relocation_bonus",
        "moving_reimbursement",
        "equity_vesting",
        "taxable_benefits",
        "non_taxable_benefits",
        "employer_rrsp_match",
        "employer_pension_match",
        "employee_rrsp",
        "employee_pension",
    ],
)
def test_negative_amount_is_a_clear_value_error(field):
    kw = {"base_salary": 50_000, "city": "Toronto", field: -1}
    with pytest.raises(ValueError, match=rf"{field} must be zero or more"):
        Offer(**kw)


def test_bonus_and_bonus_percent_exclusive():
    with pytest.raises(ValueError, match="either bonus"):
        Offer(base_salary=100_000, bonus=5_000, bonus_percent=5, city="Toronto")


def test_offer_rejects_unknown_fields_and_is_frozen():
    with pytest.raises(ValidationError, match="salary"):
        Offer(salary=100_000, city="Toronto")
    o = Offer(base_salary=100_000, city="Toronto")
    with pytest.raises(ValidationError):
        o.base_salary = 1  # type: ignore[misc]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "lots"])
def test_non_finite_or_non_numeric_amounts(bad):
    with pytest.raises(ValueError, match="signing_bonus"):
        Offer(base_salary=1, signing_bonus=bad, city="Toronto")


def test_offer_amounts_by_treatment():
    o = Offer(
        base_salary=100_000,
        bonus_percent=10,
        signing_bonus=5_000,
        relocation_bonus=7_000,
        moving_reimbursement=9_000,
        equity_vesting=20_000,
        taxable_benefits=600,
        non_taxable_benefits=2_400,
        employer_rrsp_match=3_000,
        employer_pension_match=4_000,
        employee_rrsp=3_000,
        employee_pension=1_000,
        city="Toronto",
    )
    assert o.bonus_amount == 10_000
    assert o.cash_income == 100_000 + 10_000 + 5_000 + 7_000
    assert o.employment_income == 122_000 + 20_000 + 600 + 3_000
    assert o.insurable_earnings == 122_000 + 3_000
    assert o.deductions == 3_000 + 3_000 + 1_000
    assert o.savings == 3_000 + 3_000 + 4_000 + 1_000 + 20_000
    assert o.name == "Toronto" and o.model_copy(update={"label": "A"}).name == "A"


def test_bonus_percent_written_as_a_fraction_is_refused():
    with pytest.raises(ValueError, match=r"bonus_percent is in percent.*bonus_percent=10"):
        Offer(base_salary=100_000, bonus_percent=0.1, city="Toronto")


# --------------------------------------------------------------------------- every amount field refuses bad input
# reliability.md §1-3: "offer components (12 fields x -1, nan, inf, "140k", 1e16, 10**400, True, list)" gave 25
# silent numbers and 12 crashes (OverflowError); each must be a clear error naming the field.

BAD_FIELD_VALUES = [
    (-1, "must be zero or more"),
    (float("nan"), "must be a finite amount"),
    (float("inf"), "must be a finite amount"),
    ("140k", "write 140000"),
    ("140,000", "write 140000"),
    (1e16, "must be below 1,000,000,000,000,000"),
    (10**400, "must be below 1,000,000,000,000,000"),
    (True, "True is a bool"),
    ([1], "must be one amount"),
    (None, "None is missing"),
]


@pytest.mark.parametrize("field", [f for f in netpay.offer.AMOUNT_FIELDS if f not in ("bonus_percent",)])
@pytest.mark.parametrize(("bad", "says"), BAD_FIELD_VALUES, ids=[repr(b)[:12] for b, _ in BAD_FIELD_VALUES])
def test_every_amount_field_refuses_bad_input_clearly(field, bad, says):
    if bad is None and field == "bonus":  # bonus=None means no bonus given in dollars
        assert Offer(base_salary=50_000, city="Toronto", bonus=None).bonus_amount == 0
        return
    with pytest.raises(ValidationError, match=rf"{field} must .*{says}|{field}.*{says}") as e:
        Offer(**{"base_salary": 50_000, "city": "Toronto", field: bad})
    assert "errors.pydantic.dev" not in str(e.value) and "Value error" not in str(e.value)


def test_amounts_become_floats():
    from decimal import Decimal

    o = Offer(base_salary=Decimal("100000.50"), signing_bonus=np.int64(5), bonus=None, city="Toronto")
    assert (o.base_salary, o.signing_bonus, o.bonus) == (100_000.5, 5.0, None)


@pytest.mark.parametrize(("percent", "bonus"), [(0, 0.0), (1, 1_000.0), (100, 100_000.0), (1_000, 1_000_000.0)])
def test_bonus_percent_up_to_ten_times_base(percent, bonus):
    assert Offer(base_salary=100_000, bonus_percent=percent, city="Toronto").bonus_amount == bonus


@pytest.mark.parametrize(
    ("percent", "says"),
    [
        (1e300, "bonus_percent must be at most 1000"),  # was net_cash = inf
        (1_000.01, "bonus_percent must be at most 1000.*give bonus= in dollars"),
        (10**400, "bonus_percent must be at most 1000"),
        (-5, "bonus_percent must be zero or more"),
        (float("nan"), "bonus_percent must be a finite amount"),
        (True, "bonus_percent must be a number"),
        ("10%", "bonus_percent must be a number"),
    ],
)
def test_absurd_bonus_percent_is_refused(percent, says):
    with pytest.raises(ValidationError, match=says):
        Offer(base_salary=100_000, bonus_percent=percent, city="Toronto")


@pytest.mark.parametrize(
    "kw",
    [
        {"base_salary": 6e14, "signing_bonus": 5e14},  # 1.1e15 together
        {"base_salary": 1e14, "bonus_percent": 1_000},  # 1e14 + a bonus of 1e15
        {"base_salary": 999_999_999_999_999, "moving_reimbursement": 1},  # exactly the ceiling
    ],
)
def test_the_sum_of_amounts_stays_below_the_ceiling(kw):
    with pytest.raises(ValidationError, match="the offer's amounts add up to .* must be below 1,000,000,000,000,000"):
        Offer(city="Toronto", **kw)


def test_a_huge_offer_is_refused_not_taxed_at_a_frozen_amount():
    # reliability.md §2.1: evaluate(Offer(base_salary=1e16)) kept 94.6% of it
    with pytest.raises(ValidationError, match="base_salary must be below"):
        evaluate(Offer(base_salary=1e16, city="Toronto"), 2026)
    assert Offer(base_salary=999_999_999_999_999, city="Toronto").base_salary == 999_999_999_999_999


# --------------------------------------------------------------------------- unknown keywords


@pytest.mark.parametrize(
    ("kw", "says"),
    [
        (
            {"spouse": True},
            r"a spouse belongs to the household: give it to evaluate\(\) / compare\(\): household=netpay.Household\(",
        ),
        ({"children": 2}, "children belong to the household"),
        ({"salary": 100_000}, "salary: did you mean base_salary?"),
        ({"Salary": 100_000}, "did you mean base_salary?"),
        ({"bonus_pct": 10}, "did you mean bonus_percent"),
        ({"employer_rrsp": 1}, "did you mean employer_rrsp_match"),
        ({"stock_options": 1}, r"give equity=\[netpay.StockOptions\("),
        ({"rsus": 1}, r"give equity=\[netpay.RSU\("),
        ({"province": "ON"}, "the province follows from city="),
        ({"year": 2026}, r"evaluate\(offer, year\)"),
        ({"bedrooms": 2}, r"housing is given to evaluate\(\)"),
        ({"arrival": "2026-06-01"}, r"the move is given to evaluate\(\)"),
        ({"zzz": 1}, "Offer's fields are base_salary, bonus, bonus_percent"),
    ],
)
def test_unknown_keyword_says_what_netpay_models_instead(kw, says):
    with pytest.raises(ValidationError, match=says) as e:
        Offer(base_salary=100_000, city="Toronto", **kw)
    assert "Extra inputs are not permitted" not in str(e.value)


def test_every_unknown_keyword_is_named_once():
    with pytest.raises(ValidationError, match="salary: did you mean base_salary.*spouse: a spouse"):
        Offer.model_validate({"salary": 1, "spouse": True, "city": "Toronto"})
