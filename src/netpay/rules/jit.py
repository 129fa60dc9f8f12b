"""The one switch between compiled and plain-Python rules.

``NETPAY_JIT=0`` in the environment (read when netpay's rules are first imported) runs every rule
and kernel as plain Python, for debugging and for the tests that compare both; so does numba's own
``NUMBA_DISABLE_JIT=1``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Whether rules are compiled (numba) or run as plain Python.
JIT: bool = os.environ.get("NETPAY_JIT", "1") != "0" and os.environ.get("NUMBA_DISABLE_JIT", "0") in ("", "0")


def rule(fn: F) -> F:
    """Mark ``fn`` as a rule: compiled by numba to be inlined into the engine's kernels (or left as is)."""
    if not JIT:
        return fn
    from numba import njit

    return njit(inline="always", error_model="numpy", cache=True)(fn)  # type: ignore[no-any-return]
