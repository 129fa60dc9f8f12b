"""Results that say what they rest on: a number and an array with ``attrs``, like a pandas object's.

``netpay.gross_for_net`` and ``netpay.equivalent_salary`` answer a number with a number, a list or an
array with an array, and a Series with a Series. So that each answer says the status of the figures
it used (verified, unverified, not enacted, projected: :data:`netpay.tables.schema.STATUSES`), the
number is a :class:`LabelledFloat` (a ``float``) and the array a :class:`LabelledArray` (a numpy
array), each with the same ``attrs`` dict a Series carries (:func:`tables_attrs`).

Arithmetic gives plain floats (``x + 1``), and an array's views and results keep the ``attrs`` of the
array they came from, as pandas does: the status describes the answer, not what is made of it.

>>> x = LabelledFloat(12.5, {"status": "projected"})
>>> x == 12.5, isinstance(x, float), x.attrs["status"]
(True, True, 'projected')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from netpay.tables.status import TaxTablesStatus, tax_tables_status

__all__ = ["LabelledArray", "LabelledFloat", "labelled", "tables_attrs", "tax_attrs"]


class LabelledFloat(float):
    """A float with ``attrs``: what the number rests on (see the module's docstring)."""

    attrs: dict[str, Any]

    def __new__(cls, value: float, attrs: Mapping[str, Any] | None = None) -> LabelledFloat:
        out = super().__new__(cls, value)
        out.attrs = dict(attrs or {})
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        return (LabelledFloat, (float(self), self.attrs))


class LabelledArray(np.ndarray):
    """A numpy array with ``attrs`` (see the module's docstring); views and results keep them."""

    attrs: dict[str, Any]

    def __new__(cls, values: Any, attrs: Mapping[str, Any] | None = None) -> LabelledArray:
        out = np.asarray(values).view(cls)
        out.attrs = dict(attrs or {})
        return out

    def __array_finalize__(self, obj: Any) -> None:
        self.attrs = dict(getattr(obj, "attrs", None) or {})

    def __array_wrap__(self, obj: Any, context: Any = None, return_scalar: bool = False) -> Any:
        """A reduction to one value (``a.max()``) is a numpy scalar, as for a plain array."""
        out = super().__array_wrap__(obj, context, return_scalar)
        return out[()] if np.ndim(out) == 0 else out

    def __reduce__(self) -> tuple[Any, ...]:
        return (LabelledArray, (np.asarray(self), self.attrs))


def labelled(value: Any, attrs: Mapping[str, Any]) -> Any:
    """``value`` carrying ``attrs``: a pandas object gets them in its own ``attrs``, a number becomes a
    :class:`LabelledFloat`, anything else a :class:`LabelledArray`."""
    if hasattr(value, "attrs") and not isinstance(value, LabelledArray | LabelledFloat):
        value.attrs.update(attrs)
        return value
    if np.ndim(value) == 0:
        return LabelledFloat(float(value), attrs)
    return LabelledArray(value, attrs)


def tables_attrs(found: TaxTablesStatus) -> dict[str, Any]:
    """What a result computed from one (province, year)'s tax tables says of them, in the words of
    ``compare(...).attrs['sources'][column]``: ``status`` (the weakest), ``statuses`` ({'tax_tables':
    status}), ``verified`` ({'tax_tables': bool}), ``projected``, ``flagged`` (each figure not
    verified: 'data/tax_tables/2026/sk.yaml: credit_rate (unverified)'), ``province``, ``year``, and
    for a projected year ``projection`` (its basis, as ``take_home(...).attrs``)."""
    out: dict[str, Any] = {
        "status": found.status,
        "statuses": {"tax_tables": found.status},
        "verified": {"tax_tables": found.status == "verified"},
        "projected": found.projected,
        "flagged": [str(f) for f in found.flagged],
        "province": found.province,
        "year": found.year,
    }
    if found.projected:
        out["projection"] = found.projection
    return out


def tax_attrs(province: str, year: int, household: bool = False) -> dict[str, Any]:
    """:func:`tables_attrs` of the federal, payroll and ``province`` tables of ``year`` (``household``:
    with the figures only a household uses)."""
    return tables_attrs(tax_tables_status(province, year, household=household))
