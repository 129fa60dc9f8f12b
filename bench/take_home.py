"""Throughput of netpay.take_home: 1,000,000 incomes in one call per province, and one income.

Run with ``make bench``. Prints incomes per second (best of a few runs) and the single-income
latency once the tables are loaded. Numbers depend on the machine; they are not asserted anywhere.
"""

from __future__ import annotations

import os
import time

import numpy as np

import netpay
from netpay import engine, tables

N = int(os.environ.get("NETPAY_BENCH_N", 1_000_000))
YEAR = 2026


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    rng = np.random.default_rng(2026)
    incomes = rng.lognormal(mean=np.log(70_000), sigma=0.8, size=N)
    print(f"netpay {netpay.__version__}, data {tables.DATA_EDITION}, numpy {np.__version__}, {N:,} incomes, {YEAR}")
    print(f"{'province':<9}{'take_home /s':>14}{'marginal=False /s':>19}{'engine.compute /s':>19}{'1 income, µs':>14}")
    for province in tables.provinces(YEAR):
        netpay.take_home(incomes[:10], province, YEAR)  # load and cache the tables
        t_df = best_of(lambda p=province: netpay.take_home(incomes, p, YEAR), 3)
        t_fast = best_of(lambda p=province: netpay.take_home(incomes, p, YEAR, marginal=False), 3)
        year = engine.Year.load(province, YEAR)
        t_core = best_of(lambda y=year: engine.compute(incomes, y), 3)
        one = best_of(lambda p=province: netpay.take_home(140_000.0, p, YEAR), 200)
        print(f"{province:<9}{N / t_df:>14,.0f}{N / t_fast:>19,.0f}{N / t_core:>19,.0f}{one * 1e6:>14.0f}")


if __name__ == "__main__":
    main()
