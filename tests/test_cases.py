"""Worked examples as data: ``tests/cases/<year>/<code>.yaml``, one list of cases per jurisdiction and year.

Each case is ``{name, income, expect: {<take_home column>: value, ...}, working: <the hand calculation>}``;
the province is the file's name and the year its folder's. The expected figures are hand calculations
from the published rates, written out in ``working`` (never values read back from netpay). Only the
public ``netpay.take_home`` is called, so the cases outlive any rewrite of the engine.

Adding a year means adding a folder of case files; the coverage test below says which are missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import netpay
from netpay import tables

CASES = Path(__file__).resolve().parent / "cases"
CENT = 0.005  # compare to the cent
FIELDS = {"name", "income", "expect", "working"}
NOT_RESIDENCES = {"federal", "payroll"}  # tables netpay ships that are not a place of residence


def case_files() -> list[Path]:
    """Every case file, as ``cases/<year>/<code>.yaml``, sorted."""
    return sorted(CASES.glob("*/*.yaml"))


def where(path: Path) -> tuple[int, str]:
    """The (year, jurisdiction code) a case file is for: its folder and its name, e.g. 2026/on.yaml -> (2026, "ON")."""
    return int(path.parent.name), path.stem.upper()


def read_cases(path: Path) -> list[dict[str, Any]]:
    """The cases in ``path``, checked for shape; a malformed case fails naming the file and the case."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(cases, list) and cases, f"{path}: expected a non-empty list of cases"
    names = [c.get("name") if isinstance(c, dict) else None for c in cases]
    assert len(set(names)) == len(names), f"{path}: case names must be unique, got {names}"
    for case in cases:
        assert isinstance(case, dict) and set(case) == FIELDS, f"{path}: a case has exactly the keys {sorted(FIELDS)}"
        label = f"{path}, case {case['name']!r}"
        assert isinstance(case["name"], str) and case["name"], f"{label}: name must be a non-empty string"
        assert isinstance(case["income"], int | float) and case["income"] >= 0, f"{label}: income must be >= 0"
        expect = case["expect"]
        assert isinstance(expect, dict) and expect, f"{label}: expect must map take_home columns to figures"
        for column, value in expect.items():
            assert isinstance(column, str), f"{label}: column {column!r} must be a string (quote it in YAML)"
            assert isinstance(value, int | float) and not isinstance(value, bool), f"{label}: {column} not a number"
        assert isinstance(case["working"], str) and case["working"].strip(), f"{label}: working must show the sum"
    return cases


def all_cases() -> list[Any]:
    """One pytest param per case, with ids like ``2026/on/140k``. Read without the shape checks, so that
    one malformed case fails ``test_case_file_parses`` (naming it) instead of the collection of every case."""
    params = []
    for path in case_files():
        year, code = where(path)
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(cases if isinstance(cases, list) else []):
            name = case.get("name", i) if isinstance(case, dict) else i
            params.append(pytest.param(year, code, case, id=f"{year}/{path.stem}/{name}"))
    return params


@pytest.mark.parametrize(("year", "code", "case"), all_cases())
def test_case(year: int, code: str, case: dict[str, Any]):
    """Each expected column of ``take_home(income, code, year)`` comes out as worked by hand, to the cent."""
    assert isinstance(case, dict) and set(case) == FIELDS, f"a case has exactly the keys {sorted(FIELDS)}"
    got = netpay.take_home(case["income"], code, year).iloc[0]
    for column, want in case["expect"].items():
        assert column in got.index, f"{column!r} is not a take_home column (one of {list(got.index)})"
        assert got[column] == pytest.approx(want, abs=CENT), f"{column}, worked by hand:\n{case['working']}"


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_file_parses(path: Path):
    """Each file is a list of well-formed cases whose expected columns are take_home columns."""
    for case in read_cases(path):
        unknown = sorted(set(case["expect"]) - set(netpay.engine.COLUMNS))
        assert not unknown, f"{path}, case {case['name']!r}: {unknown} not among {netpay.engine.COLUMNS}"


def shipped() -> set[tuple[int, str]]:
    """Every (year, jurisdiction) netpay ships tables for."""
    have = tables.available()
    return {(year, code) for year, codes in have.items() for code in codes if code not in NOT_RESIDENCES}


def test_every_shipped_jurisdiction_and_year_has_a_case():
    covered = {where(path) for path in case_files()}
    missing = sorted(shipped() - covered)
    assert not missing, f"no worked example for {missing}: add tests/cases/<year>/<code>.yaml"


def test_no_case_file_for_what_netpay_does_not_ship():
    extra = sorted({where(path) for path in case_files()} - shipped())
    assert not extra, f"case files for years/jurisdictions netpay does not ship: {extra}"


def test_case_files_are_named_in_lower_case():
    for path in case_files():
        assert path.stem == path.stem.lower() and path.parent.name.isdigit(), path
