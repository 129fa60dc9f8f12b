"""The benchmark runs: ``bench/run.py --quick --smoke`` measures every figure on tiny sizes and prints them.

Speed is never asserted here (the benchmark is not a test); only that every figure is measured and printed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Every figure of issue 9's "Speed and memory" section, as the table names it.
FIGURES = (
    "take_home ON, marginal rate",
    "take_home ON, marginal=False",
    "take_home BC, marginal rate",
    "take_home QC, marginal rate",
    "take_home AB, marginal rate",
    "fused numpy ON vs take_home, money",
    "fused numpy ON vs take_home, rates",
    "fused numpy ON, marginal rate",
    "fused numpy ON, marginal=False",
    "take_home ON / fused numpy ON",
    "one income to a DataFrame",
    "import netpay",
    "first take_home, warm JIT cache",
    "first take_home, cold JIT cache",
    "peak RSS / result block",
    "tracemalloc peak / result block",
    "compare of offers",
    "load average at start",
    "load average at end",
)


def test_smoke_run_prints_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--smoke"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    missing = [name for name in FIGURES if name not in done.stdout]
    assert not missing, f"not printed: {missing}\n{done.stdout}"
    # The fused numpy kernel is checked against take_home to the cent before it is timed.
    agreement = next(row for row in done.stdout.splitlines() if row.startswith("fused numpy ON vs take_home, money"))
    assert agreement.rstrip().endswith("yes"), agreement
