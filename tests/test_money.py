"""Money: rounding to cents, half-up; validating amounts (as_amounts), by example and by property."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from netpay.errors import InvalidIncomeError
from netpay.money import MAX_AMOUNT, as_amount, as_amounts, as_money, round_cents


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.005, 1.01),
        (2.675, 2.68),
        (0.125, 0.13),
        (103.495, 103.50),
        (22_267.605, 22_267.61),
        (-1.005, -1.01),
        (0.004999, 0.0),
        (1e9 + 0.005, 1e9 + 0.01),
    ],
)
def test_half_up(value, expected):
    assert round_cents(value) == pytest.approx(expected, abs=1e-9)


def test_never_float32():
    assert as_money(np.float32(1.5)).dtype == np.float64
    assert round_cents(np.array([1.0], dtype=np.float32)).dtype == np.float64


# --------------------------------------------------------------------------- as_amounts: the one validation


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (140_000, [140_000.0]),
        (140_000.5, [140_000.5]),
        (np.float32(1.5), [1.5]),
        (np.int64(7), [7.0]),
        (np.array(5.0), [5.0]),
        (Decimal("0.10"), [0.1]),
        (Fraction(3, 2), [1.5]),
        ([1, 2.5, np.float64(3)], [1.0, 2.5, 3.0]),
        ((0, 999_999_999_999_999.9), [0.0, 999_999_999_999_999.9]),  # just below the ceiling
        (range(3), [0.0, 1.0, 2.0]),
        (np.array([1, 2], dtype=np.int32), [1.0, 2.0]),
        (np.array([1, Decimal("2")], dtype=object), [1.0, 2.0]),
        (np.ma.masked_array([1e5, 2e5]), [1e5, 2e5]),  # nothing masked
        (pd.Index([10, 20]), [10.0, 20.0]),
        (np.arange(6.0)[::2], [0.0, 2.0, 4.0]),  # a strided view becomes contiguous
    ],
)
def test_valid_amounts_become_float64(values, expected):
    arr, index = as_amounts(values)
    assert arr.dtype == np.float64 and arr.ndim == 1 and arr.flags.c_contiguous
    assert arr.tolist() == expected
    assert index is None


@pytest.mark.parametrize("empty", [[], (), np.array([]), pd.Series([], dtype=float)])
def test_empty_input_is_zero_rows(empty):
    assert as_amounts(empty)[0].shape == (0,)


def test_series_keeps_its_index_and_nullable_numbers():
    s = pd.Series([1, 2], index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)]), dtype="Int64")
    arr, index = as_amounts(s)
    assert arr.tolist() == [1.0, 2.0] and index is s.index
    with pytest.raises(InvalidIncomeError, match=r"position 1 \(index 'b'\).*NaN"):
        as_amounts(pd.Series([1, None], index=["a", "b"], dtype="Int64"))


#: (bad input, what the message must say). Each is refused, never turned into a number.
BAD_AMOUNTS = [
    (True, "True is a bool"),
    (np.True_, "is a bool"),
    (np.array([True, False]), "not booleans"),
    ([1e5, True], r"position 1 .*True is a bool"),
    (pd.Series([True, False]), "Series of booleans"),
    (np.datetime64("2020-01-01"), "is a date"),  # was income 18,262 (days since 1970)
    (np.timedelta64(5, "D"), "is a duration"),  # was income 5
    (np.array(["2020-01-01"], dtype="datetime64[D]"), "not dates"),
    (pd.Series(pd.to_datetime(["2020-01-01"])), "Series of dates"),
    (dt.date(2026, 6, 1), "is a date"),
    (dt.datetime(2026, 6, 1, 9, 30), "is a date"),
    (dt.timedelta(days=5), "is a duration"),
    (
        np.ma.masked_array([1e5, 2e5], mask=[False, True]),
        r"position 1 must be a number of dollars: the value is masked.*compressed\(\)",
    ),
    ("140k", "write 140000"),
    ("140,000", "write 140000"),
    ("$1.2m", "write 1200000"),
    ("lots", "must be a number.*as a number, e.g. 140000"),
    (b"100", "is bytes; write 100"),
    (np.array(["1", "2"]), "position 0 .*is text; write 1"),
    (pd.Series(["140k"], index=["bob"]), r"position 0 \(index 'bob'\).*write 140000"),
    (None, "None is missing"),
    ([1e5, None], r"position 1 .*None is missing"),
    (pd.NA, "is missing"),
    (1 + 2j, "real number.*complex"),
    (np.array([1 + 0j]), "complex"),
    (np.zeros((2, 2)), r"one-dimensional array, got shape \(2, 2\)"),
    (pd.DataFrame({"gross": [1.0]}), r"DataFrame.*frame\['gross'\]"),
    ([[1, 2], [3, 4]], "position 0 .*is a list"),
    ({1, 2}, "not a set"),
    ({"amy": 1}, r"pandas.Series\(d\)"),
    ((x for x in [1.0]), "iterator: pass a list"),
    (object(), "not a number"),
    (-1.0, "must be zero or more: -1.0 is negative"),
    (-(10**400), "negative"),
    (float("nan"), "must be a finite amount of zero or more: nan is NaN"),
    (Decimal("NaN"), "NaN"),
    (float("inf"), "infinite"),
    (-float("inf"), "infinite"),
    (Decimal("Infinity"), "infinite"),
    (MAX_AMOUNT, "must be below 1,000,000,000,000,000.*too large"),
    (1e16, "too large"),
    (2**64, "too large"),
    (10**400, "too large"),  # was OverflowError: int too large to convert to float
    ([10**400], "position 0 .*too large"),
    (Fraction(10**400), "too large"),
    (np.longdouble("1e400"), "too large"),
]


@pytest.mark.parametrize(("bad", "says"), BAD_AMOUNTS, ids=[f"{i}-{s[:20]}" for i, (_, s) in enumerate(BAD_AMOUNTS)])
def test_bad_amounts_are_refused_clearly(bad, says):
    with pytest.raises(InvalidIncomeError, match=says) as e:
        as_amounts(bad, "salary")
    assert str(e.value).startswith("salary")  # names the parameter


def test_first_bad_value_and_how_many_more():
    with pytest.raises(InvalidIncomeError, match=r"position 1 .*-5.0 is negative; 2 more invalid value\(s\)"):
        as_amounts(np.array([1.0, -5.0, np.nan, 1e16]))


def test_as_amount_is_one_number():
    assert as_amount(Decimal("140000.25"), "base_salary") == 140_000.25
    assert as_amount(np.array(3.0), "rent") == 3.0
    with pytest.raises(InvalidIncomeError, match=r"rent must be one amount of dollars, not \[1\]"):
        as_amount([1], "rent")
    with pytest.raises(InvalidIncomeError, match="rent must be a number of dollars: True is a bool"):
        as_amount(True, "rent")


# --------------------------------------------------------------------------- properties of as_amounts

valid = st.floats(min_value=0.0, max_value=MAX_AMOUNT, exclude_max=True, allow_nan=False)
bad_element = st.one_of(
    st.floats(max_value=-1e-300),
    st.floats(min_value=MAX_AMOUNT),
    st.just(float("nan")),
    st.sampled_from([True, False, None, "140k", b"1", dt.date(2026, 1, 1), np.datetime64("2026"), 1j, 10**400]),
)


@given(st.lists(valid, max_size=50))
def test_valid_floats_round_trip(xs):
    for values in (xs, tuple(xs), np.array(xs, dtype=np.float64)):
        arr, index = as_amounts(values)
        assert arr.tolist() == xs and index is None
    s = pd.Series(xs, index=[f"p{i}" for i in range(len(xs))], dtype=np.float64)
    arr, index = as_amounts(s)
    assert arr.tolist() == xs and list(index) == list(s.index)


@given(st.lists(valid, max_size=30), st.data())
def test_any_bad_element_anywhere_is_refused_with_its_position(xs, data):
    pos = data.draw(st.integers(min_value=0, max_value=len(xs)))
    bad = data.draw(bad_element)
    values = [*xs[:pos], bad, *xs[pos:]]
    with pytest.raises(InvalidIncomeError, match=rf"^income at position {pos} "):
        as_amounts(values)
    s = pd.Series(values, index=[f"p{i}" for i in range(len(values))], dtype=object)
    with pytest.raises(InvalidIncomeError, match=rf"^income at position {pos} \(index 'p{pos}'\)"):
        as_amounts(s)


@given(xs=st.lists(valid, min_size=1, max_size=30), data=st.data())
def test_any_bad_number_in_an_array_is_refused_with_its_position(xs, data):
    pos = data.draw(st.integers(min_value=0, max_value=len(xs)))
    bad = data.draw(st.one_of(st.floats(max_value=-1e-300), st.floats(min_value=MAX_AMOUNT), st.just(float("nan"))))
    arr = np.array([*xs[:pos], bad, *xs[pos:]], dtype=np.float64)
    with pytest.raises(InvalidIncomeError, match=rf"^income at position {pos} "):
        as_amounts(arr)


@given(st.one_of(st.floats(), st.integers(min_value=-(10**20), max_value=10**20)))
def test_a_scalar_is_accepted_exactly_when_finite_non_negative_and_below_the_ceiling(x):
    if 0 <= x < MAX_AMOUNT:
        assert as_amounts(x)[0].tolist() == [float(x)]
    else:
        with pytest.raises(InvalidIncomeError):
            as_amounts(x)
