"""The one switch between compiled and plain-Python rules, and where compiled code is cached.

``NETPAY_JIT=0`` in the environment (read when netpay's rules are first imported) runs every rule
and kernel as plain Python, for debugging and for the tests that compare both; so does numba's own
``NUMBA_DISABLE_JIT=1``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Whether rules are compiled (numba) or run as plain Python.
JIT: bool = os.environ.get("NETPAY_JIT", "1") != "0" and os.environ.get("NUMBA_DISABLE_JIT", "0") in ("", "0")


@functools.cache
def cache_dir() -> str:
    """Where compiled rules and kernels are cached: one folder per version of the rules' and the
    engine's source (the kernels, one person's chain, the block's rows), because numba checks only a
    function's own file for changes and a rule inlines rules from other files. ``NUMBA_CACHE_DIR``
    overrides it."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1(usedforsecurity=False)
    engine = [package / name for name in ("engine.py", "chain.py", "block.py", "lines.py")]
    for path in sorted([*engine, *(package / "rules").rglob("*.py")]):
        digest.update(path.read_bytes())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "netpay", "numba", digest.hexdigest()[:16])
    try:  # a home without a writable cache (some containers): the temporary folder instead
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError:
        folder = os.path.join(tempfile.gettempdir(), f"netpay-numba-{digest.hexdigest()[:16]}")
    return folder


def compiled(fn: F, **options: Any) -> F:
    """``fn`` compiled by numba (nopython, numpy's error model, cached on disk), or ``fn`` itself
    when the JIT is off."""
    if not JIT:
        return fn
    import numba

    config: Any = numba.config
    given = config.CACHE_DIR
    config.CACHE_DIR = given or cache_dir()
    try:
        return numba.njit(error_model="numpy", cache=True, **options)(fn)
    finally:
        config.CACHE_DIR = given


def rule(fn: F) -> F:
    """Mark ``fn`` as a rule: compiled to be inlined into the engine's kernels (or left as is)."""
    return compiled(fn, inline="always")
