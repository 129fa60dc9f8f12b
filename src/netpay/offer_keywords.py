"""Keywords people write that :class:`netpay.Offer` does not take, and what netpay models instead
(the advice of ``Offer``'s error for an unknown keyword)."""

from __future__ import annotations

_HOUSEHOLD = "give it to evaluate() / compare(): household=netpay.Household(spouse=..., children=[...])"
_HOUSING = "housing is given to evaluate() / compare(): e.g. evaluate(offer, year, bedrooms=2, rent=2_400)"
_MOVE = "the move is given to evaluate() / compare(): e.g. evaluate(offer, year, arrival=date(2026, 6, 1))"

#: Keywords people write that Offer does not take, and what netpay models instead.
ELSEWHERE: dict[str, str] = {
    "spouse": f"a spouse belongs to the household: {_HOUSEHOLD}",
    "partner": f"a partner belongs to the household: {_HOUSEHOLD}",
    "household": f"the household is not part of an offer: {_HOUSEHOLD}",
    "children": f"children belong to the household: {_HOUSEHOLD}",
    "child": f"a child belongs to the household: {_HOUSEHOLD}",
    "dependants": f"dependants belong to the household: {_HOUSEHOLD}",
    "dependents": f"dependants belong to the household: {_HOUSEHOLD}",
    "salary": "did you mean base_salary?",
    "base": "did you mean base_salary?",
    "income": "did you mean base_salary?",
    "gross": "did you mean base_salary?",
    "pay": "did you mean base_salary?",
    "rsu": "give equity=[netpay.RSU(grant_value=..., years=4, cliff_months=12)]",
    "rsus": "give equity=[netpay.RSU(grant_value=..., years=4, cliff_months=12)]",
    "grants": "give equity=[netpay.RSU(...), netpay.StockOptions(...)]",
    "stock_options": "give equity=[netpay.StockOptions(shares=..., strike=..., fmv_at_grant=...)]",
    "options": "give equity=[netpay.StockOptions(shares=..., strike=..., fmv_at_grant=...)]",
    "province": "the province follows from city= (see netpay.cities()); for a province alone use "
    "netpay.take_home(income, province, year)",
    "year": "the tax year is given to evaluate(offer, year) / compare(offers, year)",
    "rent": _HOUSING,
    "bedrooms": _HOUSING,
    "rent_basis": _HOUSING,
    "other_costs": _HOUSING,
    "arrival": _MOVE,
    "start": _MOVE,
    "pay_periods": _MOVE,
    "rrsp_room": _MOVE,
}
