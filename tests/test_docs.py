"""The documentation builds with Sphinx, warnings as errors, including the pages generated from the
data (figures, coverage, worked examples) and the executed tutorial notebook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import netpay
from netpay.jurisdictions import NAMES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_nb")
    out = tmp_path_factory.mktemp("html")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # the notebook's charts render inline
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "docs", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"sphinx failed:\n{proc.stdout}\n{proc.stderr}"
    return out


@pytest.mark.slow
def test_docs_build_without_warnings(built):
    assert (built / "index.html").is_file()


@pytest.mark.slow
def test_docs_pages(built):
    for page in (
        "getting-started",
        "cli",
        "limitations",
        "api",
        "treatments",
        "methodology/index",
        "_generated/coverage",
        "_generated/compare_offers",
    ):
        assert (built / f"{page}.html").is_file(), page
    for code in NAMES:
        hand = built / "methodology" / f"{code.lower()}.html"
        generated = built / "_generated" / "methodology" / f"{code.lower()}.html"
        assert hand.is_file() or generated.is_file(), code


@pytest.mark.slow
def test_docs_figures_come_from_the_data(built):
    on = (built / "methodology" / "on.html").read_text(encoding="utf-8")
    latest = netpay.tables.years()[-1]
    table = netpay.tables.load(latest, "ON")
    assert f"${table.basic_personal_amount:,.0f}" in on
    for href in {s.href for items in netpay.tables.sources(latest, "ON").values() for s in items}:
        assert href.replace("&", "&amp;") in on
    expected = netpay.take_home(140_000, "ON", latest)["provincial_tax"][0]
    assert f"${expected:,.2f}" in on
    coverage = (built / "_generated" / "coverage.html").read_text(encoding="utf-8")
    for year in netpay.tables.years():
        assert f'<td class="text-left"><p>{year}</p></td>' in coverage or f">{year}<" in coverage
    assert "Montréal" in coverage and "46-10-0092-01" in coverage


@pytest.mark.slow
def test_docs_tutorial_is_executed_and_api_documented(built):
    tutorial = (built / "_generated" / "compare_offers.html").read_text(encoding="utf-8")
    assert tutorial.count("<img") >= 3  # the three charts
    assert "The first year in Canada" in tutorial
    api = (built / "api.html").read_text(encoding="utf-8")
    for name in (
        "take_home",
        "compare",
        "equivalent_salary",
        "salary_vs_rent",
        "breakdown",
        "marginal_rates",
    ):
        assert name in api
    assert (built / "_static" / "comparison.png").is_file()
