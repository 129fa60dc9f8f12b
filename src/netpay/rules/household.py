"""Transfers between the adults of a household: the spouse amounts, the eligible dependant amount,
the child care expense deduction, the amounts for children on the 428 forms and Québec's transfer
of unused credits between spouses.

Each adult files a return. What the household decides (who claims what) is an input of each
return: ``claim`` (1: this adult claims the spouse amount, line 30300, or for a single parent the
eligible dependant amount, line 30400; 0: no claim), the dependant's net income, the adult's
``role`` (:data:`SINGLE`, :data:`HIGHER` or :data:`LOWER` net income of the couple) and the number of
children. The rules below turn those into the amounts each return claims.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from netpay.rules.arithmetic import Lines, bracket_tax
from netpay.rules.federal import FederalRecord, PhaseDownRecord, phased_amount
from netpay.rules.jit import rule

#: ``role`` of an adult: no spouse (a single person or a single parent).
SINGLE = 0.0
#: ``role`` of an adult: the spouse with the higher net income (line 23600).
HIGHER = 1.0
#: ``role`` of an adult: the spouse with the lower net income.
LOWER = 2.0

#: ITA s. 63(2)(b)(vi): the child care expense deduction is at most 2/3 of the claimant's earned income.
EARNED_INCOME_SHARE = 2.0 / 3.0


class ProvincialHousehold(NamedTuple):
    """A 428 form's household amounts, as the rules read them (one record per province and year).

    ``spouse`` is the maximum spouse / eligible dependant amount as a phase-down on the claimant's
    net income (a flat maximum: ``min == max``; Yukon: its BPA's federal-style phase-down);
    ``spouse_threshold`` the dependant's net income above which it falls dollar for dollar;
    ``per_child`` an amount per child of ``child_max_age`` or under at year end and ``young_child``
    per child under 6 (both claimed by the lower-income spouse or a single parent)."""

    spouse: PhaseDownRecord
    spouse_threshold: float
    per_child: float
    child_max_age: float
    young_child: float


class HouseholdInputs(NamedTuple):
    """What the household gives one adult's return (all zero: a single person without children,
    version 1's return), the last rows of ``netpay.engine.Incomes``: ``childcare_deduction`` (line
    21400, as allowed), ``claim`` (1: this adult claims the spouse amount, line 30300, or as a single
    parent the eligible dependant amount, line 30400), ``dependant_net_income`` (the spouse's or
    dependant's line 23600), ``role`` (:data:`SINGLE`, :data:`HIGHER` or :data:`LOWER`),
    ``children_under_6`` and ``children`` (18 or under at year end), ``credits_transferred`` (Québec
    line 431, dollars of tax), ``spouse_net_income`` (the other spouse's line 23600, for the 428
    forms' family income tests)."""

    childcare_deduction: float
    claim: float
    dependant_net_income: float
    role: float
    children_under_6: float
    children: float
    credits_transferred: float
    spouse_net_income: float


#: The first of the household's rows in the engine's input (``netpay.engine.INPUTS``).
FIRST_ROW = 7


@rule
def inputs_at(incomes: Any, i: int) -> HouseholdInputs:
    """The household inputs of person ``i`` from the engine's input rows (``netpay.engine.INPUTS``:
    rows 7 to 14)."""
    return HouseholdInputs(
        incomes[7, i], incomes[8, i], incomes[9, i], incomes[10, i], incomes[11, i], incomes[12, i], incomes[13, i],
        incomes[14, i],
    )  # fmt: skip


@rule
def no_household() -> HouseholdInputs:
    """A single person without children: version 1's return."""
    return HouseholdInputs(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)


#: A phase-down that never starts (no threshold reaches it: netpay.tables.schema.THRESHOLD_LIMIT).
_NEVER = 2.0**60


def record(table: Any) -> ProvincialHousehold:
    """The household amounts of a provincial table as the rules read them (none in the file: zeros;
    the household evaluation refuses a year whose file lacks them, ``missing_household_figures``)."""
    s, c = table.spouse_amount, table.child_amounts
    if s is None:
        spouse = PhaseDownRecord(0.0, 0.0, _NEVER, 2.0 * _NEVER)
    elif s.follows_basic_personal_amount:
        phase = table.bpa_phase_down
        spouse = PhaseDownRecord(s.max, phase.minimum, phase.start, phase.end)
    else:
        spouse = PhaseDownRecord(s.max, s.max, _NEVER, 2.0 * _NEVER)
    threshold = 0.0 if s is None else s.threshold
    if c is None:
        return ProvincialHousehold(spouse, threshold, 0.0, 18.0, 0.0)
    return ProvincialHousehold(spouse, threshold, c.per_child, float(c.max_age), c.young_child)


@rule
def spouse_or_dependant_amount(maximum: float, dependant_net_income: float, threshold: float) -> float:
    """Lines 30300 / 30400 (and 58120 / 58160): the maximum less the dependant's net income (line
    23600) above ``threshold``, not below zero (ITA s. 118(1)(a) and (b); the 428 forms)."""
    return max(min(maximum, maximum + threshold - dependant_net_income), 0.0)


@rule
def federal_household_amount(
    claim: float, net_income: float, dependant_net_income: float, bpa: PhaseDownRecord, residence_fraction: float
) -> float:
    """Federal line 30300 (spouse or common-law partner) or 30400 (eligible dependant): the claimant's
    own basic personal amount, with its enhanced part phased down on the claimant's net income
    (line 23600), less the dependant's net income (ITA s. 118(1)(a)/(b) and (c): the same amount as
    line 30000), prorated for a part-year resident like the BPA. Nil without a claim."""
    if claim <= 0.0:
        return 0.0
    maximum = phased_amount(net_income, bpa, residence_fraction)
    return spouse_or_dependant_amount(maximum, dependant_net_income, 0.0)


@rule
def claims_children(role: float) -> bool:
    """Whether this adult claims the 428 amounts for children: the lower-income spouse, or a single
    parent (SK428 line 58210, PE428 and NU428 amounts for young children)."""
    return role != HIGHER


@rule
def provincial_household_amount(
    claim: float,
    net_income: float,
    dependant_net_income: float,
    role: float,
    children_under_6: float,
    children: float,
    h: ProvincialHousehold,
    residence_fraction: float,
) -> float:
    """A 428 form's household credit amounts: line 58120 / 58160 (the spouse or eligible dependant
    amount, when claimed), plus the amounts per child of the lower-income spouse or single parent
    (``children``: aged ``child_max_age`` or under at year end; ``children_under_6``). Prorated like
    the basic personal amount for a part-year resident."""
    amount = 0.0
    if claim > 0.0:
        maximum = phased_amount(net_income, h.spouse, residence_fraction)
        amount = spouse_or_dependant_amount(maximum, dependant_net_income, h.spouse_threshold)
    if claims_children(role):
        amount += residence_fraction * (h.per_child * children + h.young_child * children_under_6)
    return amount


@rule
def ontario_reduction_dependants(role: float, children: float) -> float:
    """ON428 Part C, line 60969: the dependent children (18 or under) counted in the Ontario tax
    reduction; "only the person with the higher net income" of a couple claims them (ontario.ca,
    Ontario Tax Reduction)."""
    return children if role != LOWER else 0.0


@rule
def quebec_unused_credits(
    quebec_taxable_income: float, basic_personal_amount: float, credit_rate: float, lines: Lines
) -> float:
    """TP-1 line 430 when negative: the part of a spouse's non-refundable credits (here the basic
    personal amount, line 350) their own tax on taxable income does not use; it is transferred to the
    other spouse on line 431 (Revenu Québec, line 431)."""
    return max(credit_rate * basic_personal_amount - bracket_tax(quebec_taxable_income, lines), 0.0)


@rule
def child_care_limit(children_young: float, children_older: float, young_limit: float, older_limit: float) -> float:
    """T778 Part B / ITA s. 63(3) "annual child care expense amount": the per-child limits summed over
    every eligible child (not only those with expenses)."""
    return children_young * young_limit + children_older * older_limit


@rule
def child_care_deduction(expenses: float, earned_income: float, limit: float) -> float:
    """Line 21400 (Form T778): the least of the expenses paid, 2/3 of the claimant's earned income and
    the sum of the per-child limits (ITA s. 63(1)); claimed by the lower-income spouse."""
    return max(min(expenses, EARNED_INCOME_SHARE * earned_income, limit), 0.0)


@rule
def amounts(
    h: HouseholdInputs, net_income: float, f: FederalRecord, p: ProvincialHousehold, residence_fraction: float
) -> tuple[float, float, float]:
    """One adult's household amounts: the federal line 30300 / 30400 amount, the 428 form's household
    credit amounts, and the dependants of the Ontario tax reduction."""
    fed = federal_household_amount(
        h.claim, net_income, h.dependant_net_income, f.basic_personal_amount, residence_fraction
    )
    prov = provincial_household_amount(
        h.claim, net_income, h.dependant_net_income, h.role, h.children_under_6, h.children, p, residence_fraction
    )
    return fed, prov, ontario_reduction_dependants(h.role, h.children)
