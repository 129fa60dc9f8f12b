"""netpay's speed and memory, side by side in one run: a benchmark, not a test (issue 9, design.md).

Run ``make bench`` (or ``.venv/bin/python bench/run.py``). Each figure is measured by its own function
and printed in one table with the best and the median over repeats, its target and whether it is met:

- ``take_home`` on 1,000,000 incomes (uniform $0-$500k, fixed seed) for ON, BC, QC and AB (all 13 with
  ``--all``), with the marginal rate and with ``marginal=False``;
- a hand-fused, chunked numpy kernel of Ontario's pipeline (``fused_numpy.py``), checked against
  ``take_home`` to the cent on the same incomes before it is timed;
- one income to a DataFrame; ``import netpay`` and a first ``take_home(140000)`` in fresh processes, the
  latter with a warm and with a cold JIT cache (``NUMBA_CACHE_DIR``);
- peak memory for 1 M and 10 M incomes against the result block (rows x columns x 8 bytes): process RSS
  in a fresh process, and tracemalloc's peak inside the call;
- ``compare`` of 10,000 offers over three cities (and of 1,000, to see how it grows), each in a fresh
  process stopped after a time limit (today's ``compare`` is cubic in repeated labels).

The machine's load average is printed at the start and the end: on a shared machine, read the best
figures (the minimum times). ``--quick`` takes fewer repeats and 100,000 incomes; ``--smoke`` runs every
measurement on tiny sizes once, to check that the benchmark itself works (tests/test_bench.py);
``--only CASE`` (repeatable) measures one case, e.g. ``--only compare``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata

import fused_numpy
import numpy as np

import netpay
from netpay import tables
from netpay.engine import COLUMNS

SEED = 2026
MAX_INCOME = 500_000.0
PROVINCES = ("ON", "BC", "QC", "AB")
CITIES = ("Toronto", "Vancouver", "Montréal")
#: Stop repeating a measurement once it has run this long: a slow figure is taken fewer times.
BUDGET_S = 20.0


@dataclass(frozen=True)
class Plan:
    """How big and how often: incomes per call, sizes for memory, offers, repeats."""

    incomes: int
    memory_sizes: tuple[int, ...]
    offers: tuple[int, ...]
    compare_timeout: float
    repeats: int
    single_rounds: int
    single_calls: int
    process_runs: int


FULL = Plan(1_000_000, (1_000_000, 10_000_000), (1_000, 10_000), 300.0, 5, 7, 300, 5)
QUICK = Plan(100_000, (100_000, 1_000_000), (100, 1_000), 60.0, 2, 3, 100, 2)
SMOKE = Plan(1_000, (1_000, 10_000), (10, 30), 60.0, 1, 1, 5, 1)


@dataclass(frozen=True)
class Figure:
    """One line of the table: the best and median measured values, and the target (None: no target)."""

    name: str
    n: str
    best: float
    median: float
    unit: str
    target: float | None = None
    higher_is_better: bool = False
    note: str = ""

    @property
    def met(self) -> str:
        if self.target is None:
            return ""
        ok = self.best >= self.target if self.higher_is_better else self.best <= self.target
        return "yes" if ok else "NO"

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "-"
        return f"{'>=' if self.higher_is_better else '<='} {self.target:g} {self.unit}"

    @property
    def measured_text(self) -> str:
        text = _num(self.best) if self.best == self.median else f"{_num(self.best)} / {_num(self.median)}"
        return f"{text} {self.unit}" + (f"  ({self.note})" if self.note else "")


def _num(v: float) -> str:
    """Three significant digits, without a trailing point or thousands without separators."""
    a = abs(v)
    if a == 0:
        return "0"
    if a >= 100:
        return f"{v:,.0f}"
    return f"{v:#.3g}" if a >= 0.001 else f"{v:.2e}"


# --------------------------------------------------------------------------- helpers


def repeat(fn: Callable[[], object], repeats: int) -> list[float]:
    """Wall times of ``repeats`` calls of ``fn`` (fewer once ``BUDGET_S`` is spent; at least one)."""
    times: list[float] = []
    start = time.perf_counter()
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if time.perf_counter() - start > BUDGET_S:
            break
    return times


def interleaved(fns: dict[str, Callable[[], object]], repeats: int) -> dict[str, list[float]]:
    """Wall times of each function, run in turn ``repeats`` times (fewer once ``BUDGET_S`` is spent),
    so that a change in the machine's load falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    start = time.perf_counter()
    for _ in range(repeats):
        for name, fn in fns.items():
            times[name] += repeat(fn, 1)
        if time.perf_counter() - start > BUDGET_S:
            break
    return times


def rate_figure(name: str, n: int, times: Sequence[float], target: float | None = None) -> Figure:
    """Incomes per second, in millions, from the best and the median time."""
    return Figure(name, f"{n:,}", n / min(times) / 1e6, n / statistics.median(times) / 1e6, "M/s", target, True)


def python(code: str, *args: object, env: dict[str, str] | None = None, timeout: float | None = None) -> str:
    """Run ``code`` in a fresh interpreter (this one's), return its standard output; past ``timeout``
    seconds the process is stopped and ``subprocess.TimeoutExpired`` raised."""
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"benchmark subprocess failed:\n{done.stderr}")
    return done.stdout


def incomes(n: int) -> np.ndarray:
    """``n`` incomes uniform over $0-$500k, the same on every run."""
    return np.random.default_rng(SEED).uniform(0.0, MAX_INCOME, n)


def provinces(year: int, everything: bool) -> tuple[str, ...]:
    """ON, BC, QC, AB; or every province and territory with a table for ``year``."""
    if not everything:
        return PROVINCES
    return tuple(code for code in tables.available()[year] if len(code) == 2 and code.isupper())


# --------------------------------------------------------------------------- measurements


def measure_throughput(x: np.ndarray, province: str, year: int, repeats: int) -> tuple[Figure, Figure]:
    """take_home on ``x`` in one call, with the marginal rate and with marginal=False, interleaved."""
    netpay.take_home(x[:100], province, year)  # tables loaded (and kernels compiled) before timing
    netpay.take_home(x[:100], province, year, marginal=False)
    times = interleaved(
        {
            "marginal": lambda: netpay.take_home(x, province, year),
            "none": lambda: netpay.take_home(x, province, year, marginal=False),
        },
        repeats,
    )
    return (
        rate_figure(f"take_home {province}, marginal rate", len(x), times["marginal"], 15.0),
        rate_figure(f"take_home {province}, marginal=False", len(x), times["none"]),
    )


def measure_fused_agreement(x: np.ndarray, year: int) -> tuple[Figure, Figure]:
    """The fused numpy kernel against take_home on ``x``: the largest difference in a money column
    (it must be 0: the same cents) and in the marginal rate."""
    figures = fused_numpy.ontario_figures(year)
    ours = fused_numpy.take_home(x, figures, COLUMNS)
    theirs = netpay.take_home(x, "ON", year)
    diff = (ours - theirs).abs().max()
    money = float(diff.drop(["average_rate", "marginal_rate"]).max())
    rate = float(max(diff["average_rate"], diff["marginal_rate"]))
    return (
        Figure("fused numpy ON vs take_home, money", f"{len(x):,}", money, money, "$", 0.0),
        Figure("fused numpy ON vs take_home, rates", f"{len(x):,}", rate, rate, "", 1e-6),
    )


def measure_fused(x: np.ndarray, year: int, repeats: int) -> tuple[Figure, Figure, Figure]:
    """The fused numpy Ontario kernel on ``x``, with the exact marginal rate and without, interleaved
    with take_home ON (with the marginal rate) for the ratio of the two."""
    figures = fused_numpy.ontario_figures(year)
    times = interleaved(
        {
            "fused": lambda: fused_numpy.take_home(x, figures, COLUMNS),
            "fused, none": lambda: fused_numpy.take_home(x, figures, COLUMNS, marginal=False),
            "netpay": lambda: netpay.take_home(x, "ON", year),
        },
        repeats,
    )
    return (
        rate_figure("fused numpy ON, marginal rate", len(x), times["fused"]),
        rate_figure("fused numpy ON, marginal=False", len(x), times["fused, none"]),
        Figure(
            "take_home ON / fused numpy ON",
            f"{len(x):,}",
            min(times["fused"]) / min(times["netpay"]),
            statistics.median(times["fused"]) / statistics.median(times["netpay"]),
            "x",
            2.5,
            True,
            note="both with the marginal rate",
        ),
    )


def measure_single_income(year: int, rounds: int, calls: int) -> Figure:
    """One income (140,000, ON) to a DataFrame: microseconds per call, over rounds of ``calls`` calls."""
    netpay.take_home(140_000.0, "ON", year)

    def calls_of_one() -> None:
        for _ in range(calls):
            netpay.take_home(140_000.0, "ON", year)

    us = [t / calls * 1e6 for t in repeat(calls_of_one, rounds)]
    return Figure("one income to a DataFrame", "1", min(us), statistics.median(us), "us", 25.0)


IMPORT_PROBE = """
import time
t0 = time.perf_counter()
import netpay
print(time.perf_counter() - t0)
"""


def measure_import(runs: int) -> Figure:
    """``import netpay`` in a fresh process (the import alone, timed inside the process)."""
    seconds = [float(python(IMPORT_PROBE)) for _ in range(runs)]
    return Figure("import netpay", "-", min(seconds), statistics.median(seconds), "s", 0.1)


FIRST_RESULT_PROBE = """
import time
t0 = time.perf_counter()
import netpay
netpay.take_home(140000)
print(time.perf_counter() - t0)
"""


def measure_first_result(runs: int) -> tuple[Figure, Figure]:
    """A fresh process's import + first take_home(140000): with a warm JIT cache (netpay's usual one,
    filled by an untimed run if need be) and with a cold one (an empty ``NUMBA_CACHE_DIR`` each run)."""
    python(FIRST_RESULT_PROBE)
    warm = [float(python(FIRST_RESULT_PROBE)) for _ in range(runs)]
    cold = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="netpay-bench-jit-") as cold_dir:
            cold.append(float(python(FIRST_RESULT_PROBE, env={"NUMBA_CACHE_DIR": cold_dir})))
    return (
        Figure("first take_home, warm JIT cache", "1", min(warm), statistics.median(warm), "s", 1.0),
        Figure("first take_home, cold JIT cache", "1", min(cold), statistics.median(cold), "s"),
    )


MEMORY_PROBE = """
import json, resource, sys, tracemalloc
import numpy as np
import netpay
def peak_rss():
    # Linux: this process's own peak (VmHWM); ru_maxrss would start at the parent's peak, kept across exec.
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) * 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
n, year, seed, top = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
x = np.random.default_rng(seed).uniform(0.0, top, n)
netpay.take_home(x[:1000], "ON", year)  # tables loaded, kernels compiled
baseline = peak_rss()
result = netpay.take_home(x, "ON", year)
rss = peak_rss() - baseline
block = result.shape[0] * result.shape[1] * 8
del result
tracemalloc.start()
result = netpay.take_home(x, "ON", year)
traced = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({"rss": rss, "traced": traced, "block": block}))
"""


def measure_memory(n: int, year: int) -> tuple[Figure, Figure]:
    """Peak memory of take_home on ``n`` ON incomes in a fresh process, over the result block: the
    growth of peak RSS past the baseline after import and warm-up, and tracemalloc's peak in the call.

    Peak RSS is the process's VmHWM on Linux: there ``ru_maxrss`` of a child starts at its parent's
    peak (the kernel keeps it across exec), which hid a 1 M-income call's peak under the benchmark's
    own; elsewhere it is ``ru_maxrss``.

    tracemalloc sees what numpy and Python allocate; memory a compiled kernel allocates by itself
    (numba's own allocator) shows only in the RSS figure."""
    m = json.loads(python(MEMORY_PROBE, n, year, SEED, MAX_INCOME))
    rss, traced = m["rss"] / m["block"], m["traced"] / m["block"]
    mib = 1024 * 1024
    block = f"block {m['block'] / mib:,.1f} MiB"
    return (
        Figure("peak RSS / result block", f"{n:,}", rss, rss, "x", 1.3, note=f"{m['rss'] / mib:,.1f} MiB, {block}"),
        Figure(
            "tracemalloc peak / result block", f"{n:,}", traced, traced, "x", 1.3, note=f"{m['traced'] / mib:,.1f} MiB"
        ),
    )


COMPARE_PROBE = """
import json, sys, time
import numpy as np
import netpay
n, year, seed, repeats = map(int, sys.argv[1:5])
budget = float(sys.argv[5])
cities = sys.argv[6:]
salaries = np.random.default_rng(seed).integers(40, 251, n) * 1_000
offers = [netpay.Offer(base_salary=float(s), city=cities[i % len(cities)]) for i, s in enumerate(salaries)]
netpay.compare(offers[:3], year)
times, start = [], time.perf_counter()
for _ in range(repeats):
    t0 = time.perf_counter()
    netpay.compare(offers, year)
    times.append(time.perf_counter() - t0)
    if time.perf_counter() - start > budget:
        break
print(json.dumps(times))
"""


def measure_compare(n: int, year: int, repeats: int, timeout: float) -> Figure:
    """``netpay.compare`` of ``n`` offers over three cities, salaries $40k-$250k (so city names repeat
    as labels), built beforehand, in a fresh process stopped after ``timeout`` seconds."""
    try:
        seconds = json.loads(python(COMPARE_PROBE, n, year, SEED, repeats, BUDGET_S, *CITIES, timeout=timeout))
    except subprocess.TimeoutExpired:
        return Figure("compare of offers", f"{n:,}", timeout, timeout, "s", 1.0, note=f"stopped: over {timeout:g} s")
    return Figure("compare of offers", f"{n:,}", min(seconds), statistics.median(seconds), "s", 1.0)


# --------------------------------------------------------------------------- the run


def machine() -> str:
    """The interpreter, libraries and CPUs the figures were measured with."""
    versions = ", ".join(f"{lib} {metadata.version(lib)}" for lib in ("netpay", "numpy", "pandas"))
    try:
        versions += f", numba {metadata.version('numba')}"
    except metadata.PackageNotFoundError:
        versions += ", no numba"
    switches = "".join(f", {k}={os.environ[k]}" for k in ("NETPAY_JIT", "NUMBA_DISABLE_JIT") if k in os.environ)
    return f"Python {platform.python_version()}, {versions}{switches}; {os.cpu_count()} CPUs ({platform.machine()})"


def load() -> str:
    """The machine's load average over 1, 5 and 15 minutes."""
    return " / ".join(f"{v:.2f}" for v in os.getloadavg()) + " (1 / 5 / 15 min)"


_STARTED = time.perf_counter()


def step(what: str) -> None:
    """Say on standard error what is being measured, and when (a full run takes minutes)."""
    print(f"  {time.perf_counter() - _STARTED:6.1f} s: measuring {what} ...", file=sys.stderr, flush=True)


#: The cases ``--only`` chooses from, in the order of the table.
CASES = ("throughput", "fused", "single", "processes", "memory", "compare")


def measure_all(plan: Plan, year: int, everything: bool, only: Sequence[str] = CASES) -> list[Figure]:
    """Every figure of the table, in order (of the cases ``only``)."""
    x = incomes(plan.incomes)
    figures: list[Figure] = []
    if "throughput" in only:
        for province in provinces(year, everything):
            step(f"take_home {province}")
            figures += measure_throughput(x, province, year, plan.repeats)
    if "fused" in only:
        step("the fused numpy kernel")
        figures += measure_fused_agreement(x, year)
        figures += measure_fused(x, year, plan.repeats)
    if "single" in only:
        step("one income")
        figures.append(measure_single_income(year, plan.single_rounds, plan.single_calls))
    if "processes" in only:
        step("fresh processes")
        figures.append(measure_import(plan.process_runs))
        figures += measure_first_result(plan.process_runs)
    for n in plan.memory_sizes if "memory" in only else ():
        step(f"memory for {n:,} incomes")
        figures += measure_memory(n, year)
    for n in plan.offers if "compare" in only else ():
        step(f"compare of {n:,} offers")
        figures.append(measure_compare(n, year, plan.repeats, plan.compare_timeout))
    return figures


def table(figures: Sequence[Figure]) -> str:
    """The figures as an aligned text table."""
    rows = [("figure", "n", "measured (best / median)", "target", "met?")]
    rows += [(f.name, f.n, f.measured_text, f.target_text, f.met) for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths, strict=True)) + "  " + r[4] for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 100,000 incomes")
    parser.add_argument("--smoke", action="store_true", help="every measurement on tiny sizes, once")
    parser.add_argument("--all", action="store_true", help="take_home in all 13 provinces and territories")
    parser.add_argument("--year", type=int, default=None, help="tax year (default: the latest netpay has)")
    parser.add_argument(
        "--only",
        action="append",
        choices=CASES,
        help="measure only this case (repeat the option for several): take_home's throughput, the fused "
        "kernel, one income, fresh processes (import, first take_home), memory, compare",
    )
    args = parser.parse_args(argv)
    plan = SMOKE if args.smoke else QUICK if args.quick else FULL
    year = args.year if args.year is not None else max(tables.years())
    print(f"netpay benchmark, tax year {year}: {machine()}")
    print(f"load average at start: {load()}", flush=True)
    figures = measure_all(plan, year, args.all, args.only or CASES)
    print(table(figures))
    print(f"load average at end:   {load()}")
    if plan is not FULL:
        print("(reduced sizes and repeats: the targets are for the full run, make bench)")
    if args.only:
        print(f"(only: {', '.join(args.only)})")


if __name__ == "__main__":
    main()
