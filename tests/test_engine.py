"""The engine: compiled and plain-Python rules agree, the marginal rate stays exact at any income,
a one-cent raise costs at most the rounding of each rounded line, and the data loader refuses what
YAML 1.1 would misread."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netpay
from netpay import tables
from netpay.engine import Incomes, Ruleset, compute
from netpay.errors import DataFileError
from netpay.jurisdictions import NAMES
from netpay.rules.context import Residence
from netpay.rules.jit import JIT

SAMPLE = [
    0.0,
    0.01,
    3_500.0,
    12_345.67,
    30_000.0,
    58_523.0,
    74_600.0,
    99_999.99,
    140_000.0,
    181_440.0,
    258_482.0,
    300_000.0,
    1_234_567.89,
    5e7,
    9.99e14,
]
PART_YEAR = Residence(214 / 365, False)

# Computes the same sample in a fresh process; run with and without NETPAY_JIT=0.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    import netpay
    from netpay.engine import Incomes, Ruleset, compute
    from netpay.rules.context import Residence
    from netpay.rules.jit import JIT
    sample, codes = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    x = np.array(sample)
    out = {"jit": JIT}
    for code in codes:
        full = netpay.take_home(x, code, 2026).to_numpy().tolist()
        part = compute(Incomes(x, deductions=0.05 * x, provincial_only=0.01 * x), Ruleset.load(code, 2026),
                       Residence(214 / 365, False)).block.tolist()
        out[code] = [full, part]
    print(json.dumps(out))
    """
)


def _run(jit: bool, codes: list[str]) -> dict:
    env = {**os.environ, "NETPAY_JIT": "1" if jit else "0"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(SAMPLE), json.dumps(codes)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.slow
def test_compiled_and_plain_python_rules_agree():
    """The same rules, compiled by numba and run as plain Python, agree on a sample in all 13
    jurisdictions: every money line to the cent, the rates to 1e-9 (a full year, and a part-year
    newcomer with deductions and Québec-only income)."""
    codes = sorted(NAMES)
    plain = _run(False, codes)
    assert plain["jit"] is False
    compiled = _run(True, codes) if not JIT else None
    for code in codes:
        full = (
            np.array(netpay.take_home(np.array(SAMPLE), code, 2026).to_numpy()) if JIT else np.array(compiled[code][0])
        )
        part = (
            compute(
                Incomes(np.array(SAMPLE), deductions=0.05 * np.array(SAMPLE), provincial_only=0.01 * np.array(SAMPLE)),
                Ruleset.load(code, 2026),
                PART_YEAR,
            ).block
            if JIT
            else np.array(compiled[code][1])
        )
        assert np.array(plain[code][0]) == pytest.approx(full, abs=1e-9, nan_ok=True), code
        assert np.array(plain[code][1]) == pytest.approx(part, abs=1e-9, nan_ok=True), code


# --------------------------------------------------------------------------- the marginal rate


@pytest.mark.parametrize("income", [300_000.0, 2.0**21 - 1, 2.0**21 + 1, 1e7, 1e8, 1e11, 3e13, 9.99e14])
def test_marginal_rate_is_the_top_rate_at_any_income(income):
    # Ontario 2026 above every threshold: federal 33% + Ontario 13.16% x (1 + 20% + 36% surtax)
    # = 0.33 + 0.205296 = 0.535296 (53.53% published, tests/test_published_figures.py). A $1 step in
    # float64 gave a wrong rate above about 1e11 (reliability.md §2).
    r = netpay.take_home(income, "ON", 2026).iloc[0]
    assert r.marginal_rate == pytest.approx(0.535296, abs=1e-9)


def test_marginal_rate_is_the_one_dollar_step_below_two_to_the_24():
    # Just below the 20.5% federal bracket (58,523 of taxable income = 59,650 of employment income in
    # 2026, line 22215 deduction 1,127): the next dollar is taxed at 14% federally; at the kink, the
    # $1 step is an average of both sides, as version 1 defined it.
    x = 59_650.0 - 0.5
    both = netpay.take_home([x, x + 1.0], "ON", 2026, marginal=False)["total_deductions"].to_numpy()
    r = netpay.take_home(x, "ON", 2026).iloc[0].marginal_rate
    assert r == pytest.approx(both[1] - both[0], abs=0.02)  # the rounded step is within 2 cents


# --------------------------------------------------------------------------- the rounding property

CASES = st.tuples(st.sampled_from(sorted(NAMES)), st.sampled_from(tables.years()))
#: Lines of the total rounded to the cent on their own: CPP/QPP first tier, CPP2/QPP2, EI, QPIP,
#: federal tax, provincial tax. Each may round the other way at x and at x + 1 cent: 1 cent each.
ROUNDED_LINES = 6


@given(CASES, st.floats(min_value=0, max_value=2_000_000, allow_nan=False))
def test_a_one_cent_raise_never_costs_more_than_the_rounding_of_each_line(case, x):
    """net(x + 0.01) >= net(x) - 6 cents: take-home pay is monotone before rounding (every marginal
    rate is below 100%), and each of the six rounded lines can add at most a cent against it."""
    code, year = case
    x = round(x, 2)
    net = netpay.take_home([x, x + 0.01], code, year, marginal=False)["net_income"].to_numpy()
    assert net[1] - net[0] >= -0.01 * ROUNDED_LINES - 1e-9


# --------------------------------------------------------------------------- the data loader


def test_yaml_refuses_a_key_given_twice():
    with pytest.raises(DataFileError, match="'rate' appears twice"):
        tables.parse_yaml("brackets:\n  - {from: 0, rate: 0.1, rate: 0.2}\n", "t.yaml")


def test_yaml_reads_no_sexagesimals_and_no_yaml11_booleans():
    raw = tables.parse_yaml("a: 1:30\nb: ON\nc: 16_452\nd: 0.0505\ne: true\nf: 1e3\n", "t.yaml")
    assert raw == {"a": "1:30", "b": "ON", "c": 16_452, "d": 0.0505, "e": True, "f": 1000.0}


def test_a_table_with_an_infinity_is_refused(tmp_path, monkeypatch):
    good = (tables.data_root() / "tax_tables" / "2026" / "ab.yaml").read_text(encoding="utf-8")
    bad = good.replace("basic_personal_amount: 22_769", "basic_personal_amount: .inf")
    assert bad != good
    raw = tables.parse_yaml(bad, "ab.yaml")
    with pytest.raises(DataFileError, match="basic_personal_amount"):
        tables.validate(raw, tables.taxes.SCHEMAS["AB"], "ab.yaml")


def test_the_data_edition_is_read_from_the_data():
    # data/edition.yaml: the latest date any shipped figure was read (YAML `retrieved:` and the CSVs'
    # retrieved column)
    import re
    from pathlib import Path

    root = Path(str(tables.data_root()))
    dates = [
        d
        for f in root.rglob("*")
        if f.suffix in (".yaml", ".csv")
        for d in re.findall(r"(?:retrieved: |,)(20\d\d-\d\d-\d\d)(?=[,}\s])", f.read_text(encoding="utf-8"))
    ]
    assert dates and tables.DATA_EDITION == max(dates)
    assert netpay.DATA_EDITION == tables.DATA_EDITION
