"""The engine against the scalar form-by-form reference in ``tests/reference.py`` (ON, BC, QC, AB).

The worked examples that were here (a hand calculation per province, year and income) are data:
``tests/cases/<year>/<code>.yaml``, run by ``tests/test_cases.py``."""

from __future__ import annotations

import pytest

import netpay
from tests import reference

CENT = 0.005  # compare to the cent


# ----------------------------------------------------------------------------- all provinces x years
INCOMES = (12_000, 25_000, 48_300, 60_000, 95_000, 140_000, 180_000, 250_000, 300_000, 1_000_000)


@pytest.mark.parametrize("year", (2024, 2025, 2026))
@pytest.mark.parametrize("province", sorted(reference.PROVINCIAL))
def test_matches_form_by_form_reference(province: str, year: int):
    """The engine agrees, to the cent, with the scalar form-by-form reference at ten incomes."""
    got = netpay.take_home(list(INCOMES), province, year)
    for i, income in enumerate(INCOMES):
        want = reference.take_home(income, province, year)
        for col, value in want.items():
            assert got[col].iloc[i] == pytest.approx(value, abs=CENT), (province, year, income, col)
