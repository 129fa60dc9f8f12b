"""Lint the shipped data: every file validates, every figure is cited, thresholds ascend, rates are rates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from netpay import tables
from netpay.jurisdictions import NAMES

ROOT = Path(__file__).resolve().parents[1] / "data" / "tax_tables"
FILES = sorted(ROOT.glob("*/*.yaml"))


def test_there_are_tables():
    assert FILES, "no data files found"
    assert set(tables.years()) >= {2024, 2025, 2026}


@pytest.mark.parametrize("year", tables.years())
def test_every_year_has_federal_payroll_and_the_core_provinces(year):
    have = tables.available()[year]
    assert {"federal", "payroll", "ON", "BC", "QC", "AB"} <= set(have)
    assert set(have) - {"federal", "payroll"} <= set(NAMES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_loads_and_cites_every_figure(path: Path):
    year, key = int(path.parent.name), path.stem
    table = tables.load(year, key if key in ("federal", "payroll") else key.upper())
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    data_keys = set(raw) - {"jurisdiction", "year", "sources", "notes"}
    cited = {k.split(".")[0] for k in raw["sources"]}
    assert data_keys <= cited, f"{path}: uncited {sorted(data_keys - cited)}"
    for name, src in tables.sources(year, table.jurisdiction if key not in ("federal", "payroll") else key).items():
        for s in src:
            assert s.href.startswith(("https://", "http://", "doc:")), (name, s.href)
            assert s.retrieved.year >= 2024, (name, s.retrieved)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rates_are_fractions_and_brackets_ascend(path: Path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "sources":
                    continue
                if "rate" in str(k) and isinstance(v, (int, float)) and not isinstance(v, bool):
                    assert 0 <= v < 1, f"{path}: {where}.{k} = {v}"
                walk(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}[{i}]")

    walk(raw, path.stem)
    if "brackets" in raw:
        froms = [b["from"] for b in raw["brackets"]]
        assert froms[0] == 0 and froms == sorted(froms) and len(set(froms)) == len(froms)
        rates = [b["rate"] for b in raw["brackets"]]
        assert rates == sorted(rates), f"{path}: rates should rise with income: {rates}"


def test_indexed_thresholds_do_not_fall_from_year_to_year():
    for key in ("federal", *sorted(NAMES)):
        prev = None
        for year in tables.years():
            if (key if key == "federal" else key) not in tables.available()[year]:
                continue
            t = tables.load(year, key)
            if prev is not None and len(prev.brackets) == len(t.brackets):
                for b0, b1 in zip(prev.brackets, t.brackets, strict=True):
                    assert b1.from_ >= b0.from_, f"{key} {year}: threshold fell {b0.from_} -> {b1.from_}"
            prev = t


def test_unverified_figures_are_listed():
    """Not a failure: prints what still needs checking, so the test log carries the list."""
    unverified = []
    for path in FILES:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, src in raw["sources"].items():
            for s in src if isinstance(src, list) else [src]:
                if s.get("verified") is False:
                    unverified.append(f"{path.parent.name}/{path.name}: {name}")
    print("\nunverified figures:\n  " + "\n  ".join(unverified))
    assert all(isinstance(u, str) for u in unverified)
