"""Money: validating amounts (the one ``as_amounts``), float64 arrays, rounding half-up to cents.

``np.round`` rounds half to even and ``round(2.675, 2)`` is 2.67 in binary floating point, so
neither rounds a tax form's cents the way CRA's forms and payroll formulas do (half-up: 0.005 -> 0.01).
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import numbers
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from netpay.errors import InvalidIncomeError

if TYPE_CHECKING:  # pandas is imported only by callers that have a Series
    import pandas as pd

FloatArray = npt.NDArray[np.float64]


def as_money(values: npt.ArrayLike) -> FloatArray:
    """Return ``values`` as a float64 array (never float32), at least one-dimensional."""
    return np.atleast_1d(np.asarray(values, dtype=np.float64))


def round_cents(amount: npt.ArrayLike) -> FloatArray:
    """Round to cents, half away from zero (the rule of CRA's forms and payroll formulas).

    The value is first rounded to 1/10,000 of a cent to remove binary representation error
    (1.005 is stored as 1.00499999999999989...), then half-cents go away from zero.
    """
    a = np.asarray(amount, dtype=np.float64)
    cents = np.round(np.abs(a) * 100.0, 4)
    return np.copysign(np.floor(cents + 0.5), a) / 100.0


def clip_between(x: FloatArray, low: float, high: float) -> FloatArray:
    """The part of ``x`` that lies between ``low`` and ``high`` (0 below, high - low above)."""
    return np.clip(x - low, 0.0, high - low)


# --------------------------------------------------------------------------- validating amounts

#: Amounts at or above this are refused (``as_amounts``); the bracket tables extend to it. The one
#: definition of netpay's ceiling: past the last bracket knot a schedule would freeze the tax.
MAX_AMOUNT: float = 1e15

_FINITE = "a finite amount of zero or more"
_CEILING = f"below {MAX_AMOUNT:,.0f}, where netpay's tax tables end (netpay.money.MAX_AMOUNT)"

# A dollar amount written as text: 140000, 140_000, 140,000, $140,000, 140k, 1.2m (as the CLI reads it).
_WRITTEN_AMOUNT = re.compile(r"^\$?\s*(\d+(?:[,_ ]\d{3})*(?:\.\d+)?|\d*\.\d+)\s*([kKmM]?)$")

# Element types numpy turns into float64 exactly as float() would (bool is not one of them).
_PLAIN_NUMBERS: frozenset[type] = frozenset(
    {float, int, np.float64, np.float32, np.float16, np.int64, np.int32, np.int16, np.int8}
    | {np.uint64, np.uint32, np.uint16, np.uint8}
)


def as_amounts(values: Any, name: str = "income") -> tuple[FloatArray, pd.Index | None]:
    """Validate amounts of dollars: a float64 1-D array, and the index if ``values`` is a Series.

    Accepted: a number (int, float, numpy number, ``Decimal``, ``Fraction``), a list or tuple of
    them, a 0-D or 1-D numeric array, a numeric pandas Series (its index is returned, so results
    can keep it); an empty input is zero rows. Every amount must be finite, zero or more and below
    ``MAX_AMOUNT``. Refused with :class:`InvalidIncomeError` naming ``name``, the position (and
    the Series label), what was wrong and the fix: bools (also in arrays: ``True`` is almost surely
    a bug at the call site), dates, times and durations, text and bytes (``"140k"``: write 140000),
    ``None`` and pandas' missing values, complex numbers, masked values of a masked array, other
    objects, and arrays of two or more dimensions.

    A masked array is accepted when nothing is masked (its data are the amounts) and refused at its
    first masked value otherwise.

    Numeric arrays are checked without a Python loop (their minimum and maximum); lists of plain
    numbers are checked by their element types; anything else element by element. The array is
    C-contiguous; a contiguous float64 array (or Series) in is returned without a copy: do not write to it.

    >>> as_amounts([50_000, 1e5])[0]
    array([ 50000., 100000.])
    """
    if type(values) in _PLAIN_NUMBERS:  # one number, the common case: checked at once
        return np.array([float(values) if 0 <= values < MAX_AMOUNT else _scalar(values, name, "")]), None
    if isinstance(values, bytes | bytearray | memoryview):  # numpy would read each byte as a number
        _scalar(bytes(values), name, "")
    values, index = _unwrap_pandas(values, name)
    if isinstance(values, np.ma.MaskedArray):
        values = _unmasked(values, name)
    if isinstance(values, list | tuple):
        return _from_sequence(values, name, index), index
    if not isinstance(values, np.ndarray):
        values = _scalar_or_array(values, name)
        if isinstance(values, float):
            return np.array([values]), None
    return _from_array(values, name, index), index


def as_amount(value: Any, name: str) -> float:
    """One amount of dollars as a float, by the rules of :func:`as_amounts` (an array is refused).

    >>> as_amount(140_000, "base_salary")
    140000.0
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    elif isinstance(value, list | tuple | set | frozenset | dict) or np.ndim(value) > 0:
        raise InvalidIncomeError(f"{name} must be one amount of dollars, not {_show(value)}")
    return _scalar(value, name, "")


def _unwrap_pandas(values: Any, name: str) -> tuple[Any, pd.Index | None]:
    """A Series' values (checked for dtype) and its index; a DataFrame refused; anything else as is."""
    pd_ = sys.modules.get("pandas")  # a Series can only exist once pandas is imported
    if pd_ is None:
        return values, None
    if isinstance(values, pd_.Series):
        return _series_values(values, name), values.index
    if isinstance(values, pd_.DataFrame):
        column = f"frame[{str(values.columns[0])!r}]" if len(values.columns) else "frame[column]"
        raise InvalidIncomeError(
            f"{name} must be a number or one column of numbers, not a DataFrame of shape {values.shape}: "
            f"pass one column, e.g. {column}"
        )
    return values, None


def _scalar_or_array(values: Any, name: str) -> float | np.ndarray:
    """Anything but a list, tuple or ndarray: one amount, or an array-like (range, Index) as an array."""
    if isinstance(values, dict):
        raise InvalidIncomeError(
            f"{name} must be a number or a sequence of numbers, not a dict: pass pandas.Series(d) to keep its keys"
        )
    if isinstance(values, set | frozenset):
        raise InvalidIncomeError(f"{name} must be a sequence of numbers, not a set (it has no order): pass a list")
    if isinstance(values, Iterator):
        raise InvalidIncomeError(f"{name} must be a number or a sequence of numbers, not an iterator: pass a list")
    if np.ndim(values) == 0:
        return _scalar(values, name, "")
    try:
        return np.asarray(values)
    except (TypeError, ValueError) as e:
        raise InvalidIncomeError(f"{name} must be a number or a sequence of numbers, not {_show(values)}") from e


def _from_array(a: np.ndarray, name: str, index: pd.Index | None) -> FloatArray:
    """A numpy array checked by its dtype, then (numbers) by its minimum and maximum."""
    if a.ndim > 1:
        raise InvalidIncomeError(
            f"{name} must be a number or a one-dimensional array, got shape {a.shape}: "
            "pass one row or column (a[:, 0]) or flatten it (a.ravel())"
        )
    kind = a.dtype.kind
    if kind in "iuf":
        if a.size and not (a.min() >= 0 and a.max() < MAX_AMOUNT):  # NaN fails both
            _refuse_first(a, name, index)
        return np.ascontiguousarray(a, dtype=np.float64)  # what a compiled kernel reads; 0-D becomes 1-D
    if kind == "b":
        raise InvalidIncomeError(
            f"{name} must be numbers of dollars, not booleans (dtype bool): True and False are not amounts; "
            "if you mean 1 and 0 dollars, convert with .astype(float)"
        )
    if kind in "mM":
        what = "dates" if kind == "M" else "durations"
        raise InvalidIncomeError(
            f"{name} must be numbers of dollars, not {what} (dtype {a.dtype}): give the amounts themselves"
        )
    if kind == "c":
        raise InvalidIncomeError(f"{name} must be real numbers of dollars, not complex numbers (dtype {a.dtype})")
    return _from_objects([a[()]] if a.ndim == 0 else list(a), name, index)


def _from_sequence(seq: list[Any] | tuple[Any, ...], name: str, index: pd.Index | None) -> FloatArray:
    """A list or tuple: the fast path when every element is a plain number, else one by one."""
    if set(map(type, seq)) <= _PLAIN_NUMBERS:
        try:
            return _from_array(np.array(seq, dtype=np.float64), name, index)
        except OverflowError:  # an int too large for a float: found with its position below
            pass
    return _from_objects(seq, name, index)


def _from_objects(seq: Any, name: str, index: pd.Index | None) -> FloatArray:
    """Element by element (object arrays, mixed lists, Decimal): the first bad one is refused."""
    out = np.empty(len(seq), dtype=np.float64)
    for pos, value in enumerate(seq):
        out[pos] = _scalar(value, name, _where(pos, index))
    return out


def _series_values(s: pd.Series, name: str) -> Any:
    """A Series' values as numpy: nullable numbers with NaN for missing; bool and dates refused."""
    import pandas as pd

    dtype = s.dtype
    if pd.api.types.is_bool_dtype(dtype):
        raise InvalidIncomeError(
            f"{name} must be numbers of dollars, not a Series of booleans (dtype {dtype}): True and False are "
            "not amounts; if you mean 1 and 0 dollars, convert with .astype(float)"
        )
    if pd.api.types.is_datetime64_any_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype):
        raise InvalidIncomeError(
            f"{name} must be numbers of dollars, not a Series of dates or durations (dtype {dtype})"
        )
    if isinstance(dtype, np.dtype):
        return s.to_numpy()
    if pd.api.types.is_numeric_dtype(dtype):  # Int64, Float64, ...: pd.NA becomes NaN, refused as missing
        return s.to_numpy(dtype=np.float64, na_value=np.nan)
    return np.asarray(s, dtype=object)


def _unmasked(a: np.ma.MaskedArray, name: str) -> np.ndarray:
    """A masked array's data if nothing is masked; a masked value has no amount to compute."""
    masked = np.ma.getmaskarray(a)
    if masked.any():
        pos = int(np.flatnonzero(masked.ravel())[0])
        raise InvalidIncomeError(
            f"{name} at position {pos} must be a number of dollars: the value is masked, it has no amount; "
            "fill it (a.filled(0)) or drop it (a.compressed())"
        )
    return np.ma.getdata(a)


def _refuse_first(a: np.ndarray, name: str, index: pd.Index | None) -> None:
    """Raise for the first element of a numeric array outside [0, MAX_AMOUNT), counting the rest."""
    bad = ~((a >= 0) & (a < MAX_AMOUNT))
    where = np.flatnonzero(bad)
    pos = int(where[0])
    more = f"; {where.size - 1} more invalid value(s)" if where.size > 1 else ""
    _scalar(a[pos].item(), name, _where(pos, index), more)
    raise AssertionError("unreachable: the element was refused above")  # pragma: no cover


def _where(pos: int, index: pd.Index | None) -> str:
    label = f" (index {index[pos]!r})" if index is not None else ""
    return f" at position {pos}{label}"


def _scalar(value: Any, name: str, where: str, more: str = "") -> float:
    """``value`` as a float if it is one valid amount; otherwise InvalidIncomeError saying why."""
    problem = _problem(value)
    if isinstance(problem, float):
        return problem
    rule, what, fix = problem
    fix = f"; {fix}" if fix else ""
    raise InvalidIncomeError(f"{name}{where} must be {rule}: {_show(value)} is {what}{fix}{more}")


def _problem(v: Any) -> float | tuple[str, str, str]:
    """The amount ``v`` as a float, or (rule broken, what ``v`` is, the fix)."""
    number = "a number of dollars"
    if isinstance(v, bool | np.bool_):
        return number, "a bool", "True and False are not amounts; if you mean dollars, write 1 or 0"
    if v is None or _is_pandas_missing(v):
        return number, "missing", "give 0 for no amount"
    if isinstance(v, str | bytes | bytearray):
        return number, "text" if isinstance(v, str) else "bytes", _text_hint(v)
    if isinstance(v, dt.date | np.datetime64):
        return number, "a date", "give the amount itself"
    if isinstance(v, dt.timedelta | np.timedelta64 | dt.time):
        return number, "a duration or a time", "give the amount itself"
    if isinstance(v, complex | np.complexfloating):
        return "a real number of dollars", "complex", ""
    if isinstance(v, decimal.Decimal) and v.is_nan():
        return _FINITE, "NaN (not a number)", "drop or fill missing values"
    if isinstance(v, numbers.Real | decimal.Decimal):
        return _range_problem(v)
    if isinstance(v, list | tuple | set | dict | np.ndarray):
        return number, f"a {type(v).__name__}", "give one amount per position (a one-dimensional list)"
    return number, f"not a number ({type(v).__name__})", ""


def _range_problem(v: Any) -> float | tuple[str, str, str]:
    """A real number's problem: NaN, infinite, negative or at the ceiling; else the float."""
    if v != v:
        return _FINITE, "NaN (not a number)", "drop or fill missing values"
    if v in (math.inf, -math.inf):
        return _FINITE, "infinite", ""
    if v < 0:
        return "zero or more", "negative", ""
    if v >= MAX_AMOUNT:
        return _CEILING, "too large", ""
    return float(v)


def _text_hint(text: str | bytes | bytearray) -> str:
    """'write 140000' for text that reads as an amount ("140k", "140,000", "$1.2m"), else how to."""
    if isinstance(text, bytes | bytearray):
        text = text.decode("ascii", errors="replace")
    m = _WRITTEN_AMOUNT.match(text.strip())
    if not m:
        return "write the amount as a number, e.g. 140000 (for a column of text: pandas.to_numeric)"
    value = float(re.sub(r"[,_ ]", "", m.group(1))) * {"": 1.0, "k": 1e3, "m": 1e6}[m.group(2).lower()]
    if value >= MAX_AMOUNT:
        return f"give a number below {MAX_AMOUNT:,.0f}"
    return f"write {value:.15g} (a number, not text)"


def _is_pandas_missing(v: Any) -> bool:
    pd_ = sys.modules.get("pandas")
    return pd_ is not None and (v is pd_.NA or v is pd_.NaT)


def _show(value: Any) -> str:
    """A short repr: numpy scalars as their Python value, long reprs cut."""
    if isinstance(value, np.generic) and not isinstance(value, np.datetime64 | np.timedelta64):
        value = value.item()
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
