"""Properties of take_home that must hold for every income, province and year."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import netpay
from netpay import tables

YEARS = tables.years()
PROVINCES = sorted({p for y in YEARS for p in tables.provinces(y)})
incomes = st.floats(min_value=0, max_value=2_000_000, allow_nan=False, allow_infinity=False)
cases = st.tuples(st.sampled_from(PROVINCES), st.sampled_from(YEARS))


@given(cases, st.lists(incomes, min_size=2, max_size=40))
def test_net_never_falls_as_income_rises(case, xs):
    province, year = case
    xs = np.sort(np.asarray(xs))
    net = netpay.take_home(xs, province, year)["net_income"].to_numpy()
    assert (np.diff(net) >= -0.011).all()  # rounding each tax to the cent may cost a cent


@given(cases, incomes)
def test_a_one_dollar_raise_moves_net_by_at_most_a_dollar(case, x):
    province, year = case
    r = netpay.take_home([x, x + 1.0], province, year)["net_income"].to_numpy()
    assert -0.011 <= r[1] - r[0] <= 1.011


@given(cases, st.lists(incomes, min_size=1, max_size=30))
def test_taxes_and_contributions_never_negative(case, xs):
    province, year = case
    r = netpay.take_home(xs, province, year)
    for col in ("cpp", "ei", "qpip", "federal_tax", "payroll_tax", "ramq_premium"):
        assert (r[col] >= 0).all(), col
    # the territories' refundable cost of living credits (NT479 at most $942, NU479 $1,500) go below
    # zero, and at a low income take-home can exceed income by them (NT: $350 at no income)
    credit = {"NT": 942.0, "NU": 1_500.0}.get(province, 0.0)
    assert (r["provincial_tax"] >= -credit).all() and (r["total_deductions"] >= -credit).all()
    assert (r["net_income"] <= r["income"] + credit + 1e-9).all()
    assert ((r["marginal_rate"] > -0.01) & (r["marginal_rate"] < 1.0)).all()


@given(cases, st.lists(incomes, min_size=1, max_size=12))
def test_array_equals_one_by_one(case, xs):
    province, year = case
    together = netpay.take_home(xs, province, year)
    alone = pd.concat([netpay.take_home(x, province, year) for x in xs], ignore_index=True)
    pd.testing.assert_frame_equal(together, alone, check_exact=True)


def test_series_keeps_its_index_and_list_matches_scalar():
    s = pd.Series([50_000.0, 140_000.0], index=["ana", "ben"])
    r = netpay.take_home(s, "ON", 2026)
    assert list(r.index) == ["ana", "ben"]
    assert r.loc["ben", "net_income"] == netpay.take_home(140_000, "ON", 2026).loc[0, "net_income"]
    assert r.dtypes.eq(np.float64).all()


def test_marginal_false_only_blanks_the_marginal_rate():
    xs = [0.0, 45_000.0, 140_000.0, 400_000.0]
    full = netpay.take_home(xs, "QC", 2026)
    fast = netpay.take_home(xs, "QC", 2026, marginal=False)
    assert fast["marginal_rate"].isna().all()
    pd.testing.assert_frame_equal(full.drop(columns="marginal_rate"), fast.drop(columns="marginal_rate"))
