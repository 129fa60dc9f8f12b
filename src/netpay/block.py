"""The engine's arrays: what each person's return starts from (:class:`Incomes`, the rows
:data:`INPUTS` of the kernel's input) and the block it writes (:class:`TaxResult`, one row per line
of :data:`ROWS`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from netpay.lines import COLUMNS
from netpay.money import FloatArray

#: Further rows of the block ``compute`` returns: the CPP/QPP split and net income (line 23600).
EXTRA: tuple[str, ...] = ("cpp_base", "cpp_enhanced", "net_income_23600")
ROWS: dict[str, int] = {name: i for i, name in enumerate(COLUMNS + EXTRA)}


def kernel_array(values: Any) -> FloatArray:
    """``values`` as the kernel takes them: a writable, C-contiguous float64 array (copied if not)."""
    arr = np.asarray(values, dtype=np.float64)
    if not (arr.flags.c_contiguous and arr.flags.writeable and arr.ndim == 1):
        arr = np.array(arr, dtype=np.float64, order="C", ndmin=1)
    return arr


@dataclass(frozen=True)
class Incomes:
    """What each person's return starts from, one entry per person (T4 and RL-1 boxes).

    ``pensionable`` (box 26) and ``insurable`` (box 24) default to employment income (box 14);
    ``deductions`` are RRSP/RPP and other deductions from income (not line 22215, computed here);
    ``provincial_only`` is income taxable on the provincial return only (Québec: employer health
    premiums, RL-1 box J); ``taxable_deductions`` come off net income in computing taxable income
    only (T1 line 24900, the security options deduction: not off net income, so credits and
    clawbacks that read net income do not see them), and ``provincial_taxable_deductions`` are
    Québec's own (TP-1 line 297).

    The household's inputs follow (zero: a single person), as ``rules.household.HouseholdInputs`` says.
    """

    employment: FloatArray
    pensionable: FloatArray | None = None
    insurable: FloatArray | None = None
    deductions: FloatArray | float = 0.0
    provincial_only: FloatArray | float = 0.0
    taxable_deductions: FloatArray | float = 0.0
    provincial_taxable_deductions: FloatArray | float = 0.0
    childcare_deduction: FloatArray | float = 0.0
    claim: FloatArray | float = 0.0
    dependant_net_income: FloatArray | float = 0.0
    role: FloatArray | float = 0.0
    children_under_6: FloatArray | float = 0.0
    children: FloatArray | float = 0.0
    credits_transferred: FloatArray | float = 0.0
    spouse_net_income: FloatArray | float = 0.0
    #: share of the year (0 to 1) without access to a group drug plan: a Québec resident pays the
    #: public plan's premium for it (TP-1 line 447, Schedule K)
    uninsured: FloatArray | float = 0.0

    def matrix(self) -> FloatArray:
        """The inputs (:data:`INPUTS`) as the rows of one float64 array (defaults and constants filled in)."""
        e = np.asarray(self.employment, dtype=np.float64)
        out = np.empty((len(INPUTS), e.shape[0]), dtype=np.float64)
        out[0] = e
        for row, name in enumerate(INPUTS[1:], start=1):
            value = getattr(self, name)
            out[row] = (e if name in ("pensionable", "insurable") else 0.0) if value is None else value
        return out


#: The rows of the kernel's input, in order: the fields of :class:`Incomes`.
INPUTS: tuple[str, ...] = tuple(Incomes.__dataclass_fields__)


class TaxResult:
    """The engine's block: one row per line (``COLUMNS`` then ``EXTRA``), one column per person."""

    def __init__(self, block: FloatArray) -> None:
        self.block = block

    def __getitem__(self, name: str) -> FloatArray:
        if name == "net_income_line_23600":  # the version-1 key
            name = "net_income_23600"
        return self.block[ROWS[name]]

    def __getattr__(self, name: str) -> FloatArray:
        if name in ROWS:
            return self.block[ROWS[name]]
        raise AttributeError(name)

    def keys(self) -> tuple[str, ...]:
        """Every line but the marginal rate (``compute`` leaves it NaN)."""
        return COLUMNS[:-1] + EXTRA

    def items(self) -> list[tuple[str, FloatArray]]:
        return [(k, self[k]) for k in self.keys()]

    def __len__(self) -> int:
        return int(self.block.shape[1])
