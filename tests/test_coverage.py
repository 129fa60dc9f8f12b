"""The README's coverage block is the generated one; the table itself says what it claims."""

from __future__ import annotations

from pathlib import Path

from netpay import coverage, tables
from netpay.jurisdictions import NAMES

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_block_equals_the_generated_one():
    text = README.read_text(encoding="utf-8")
    assert coverage.START in text and coverage.END in text, "run: python -m netpay.coverage --write-readme"
    block = text.split(coverage.START, 1)[1].split(coverage.END, 1)[0].strip("\n")
    stale = "README coverage is stale: python -m netpay.coverage --write-readme"
    assert block == coverage.readme_block(), stale


def test_coverage_table_has_every_year_and_jurisdiction():
    frame = coverage.coverage_table()
    assert list(frame.index) == list(tables.years())
    assert list(frame.columns) == [tables.FEDERAL, tables.PAYROLL, *NAMES]
    assert frame.map(lambda c: c == "yes" or c.startswith("yes (")).all().all()


def test_cell_counts_unverified_sources():
    # Nunavut 2026: the credit-rate rule is unverified, and the household's spouse amount (derived from
    # the BPA) and young-child amount (an old form's text), and the NU479 cost of living credit (the 2026
    # form not seen; issue 10). The BPA and the 2nd/3rd thresholds were seen in secondaries (2026-12-01).
    n = sum(not s.verified for srcs in tables.sources(2026, "NU").values() for s in srcs)
    assert n == 4
    assert coverage.cell(2026, "NU") == "yes (4 unverified)"


def test_rewrite_is_idempotent_and_appends_a_section_when_absent():
    once = coverage.rewrite_readme("# x\n")
    assert once.count("## Coverage") == 1 and once.endswith(coverage.END + "\n")
    assert coverage.rewrite_readme(once) == once
