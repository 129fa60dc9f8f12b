"""What every citydata module shares: the frozen model base, the validation-error formatter, data files.

``netpay.tables`` has its own ``Frozen`` and formatter for the tax tables; these are citydata's, kept
here once (the tables layer may absorb them when it becomes a package).
"""

from __future__ import annotations

from importlib.resources.abc import Traversable

from pydantic import BaseModel, ConfigDict, ValidationError

from netpay import tables


class Frozen(BaseModel):
    """Base of citydata's models: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def validation_problems(exc: ValidationError) -> str:
    """One line naming each bad field of a pydantic error: "field 'amount': Input should be ..."."""
    return "; ".join(f"field '{'.'.join(str(p) for p in err['loc']) or '(row)'}': {err['msg']}" for err in exc.errors())


def data_file(relative: str) -> Traversable:
    """The shipped data file ``data/<relative>`` ('rent/rents.csv'), wherever netpay's data folder is."""
    file = tables.data_root()  # looked up on each call: tests point it at a folder of their own
    for part in relative.split("/"):
        file = file / part
    return file
