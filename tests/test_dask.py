"""The recipe for users past one machine (docs/getting-started.md, "More incomes than memory"):
dask.dataframe.map_partitions over take_home gives the same rows as one call."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netpay

dd = pytest.importorskip("dask.dataframe")


def test_map_partitions_over_take_home_equals_one_call():
    incomes = pd.Series(np.linspace(0, 500_000, 10_001), name="income")
    frame = dd.from_pandas(incomes.to_frame(), npartitions=4)
    meta = netpay.take_home([], "ON", 2026)  # the columns and dtypes of a result with no rows
    lazy = frame["income"].map_partitions(netpay.take_home, "ON", 2026, meta=meta)
    result = lazy.compute(scheduler="threads")
    pd.testing.assert_frame_equal(result, netpay.take_home(incomes, "ON", 2026))


def test_a_reduction_over_partitions():
    # the total tax on 10,001 incomes, summed partition by partition, equals the one-call sum
    incomes = pd.Series(np.linspace(0, 500_000, 10_001), name="income")
    frame = dd.from_pandas(incomes.to_frame(), npartitions=3)
    meta = netpay.take_home([], "BC", 2026)
    total = frame["income"].map_partitions(netpay.take_home, "BC", 2026, meta=meta)["total_deductions"].sum()
    assert total.compute(scheduler="threads") == pytest.approx(
        netpay.take_home(incomes, "BC", 2026)["total_deductions"].sum(), rel=1e-12
    )
