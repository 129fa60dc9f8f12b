"""The horizon's haircut lines, as docs/methodology/horizon.md describes them (the page said the
haircut was not applied to the horizon's lines, which it is)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import netpay

PAGE = Path(__file__).resolve().parents[1] / "docs" / "methodology" / "horizon.md"


def test_the_page_says_the_haircut_lines_exist():
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    assert "not applied to the horizon's lines" not in text
    assert "`equity_after_haircut`" in text and "`total_value_after_haircut`" in text


def test_the_haircut_takes_its_fraction_of_the_face_value_not_of_the_tax():
    # $160,000 of RSUs over 4 years from 2026-01-01, a one-year cliff then quarterly: 2028 vests
    # four quarterly tranches of 160,000 / 16 = 10,000, i.e. 40,000 at face value.
    # A haircut of 0.5 takes 0.5 x 40,000 = 20,000 off the value, the tax being the same.
    grant = netpay.RSU(grant_value=160_000, years=4, cliff_months=12, frequency="quarterly", haircut=0.5)
    offer = netpay.Offer(base_salary=135_000, city="Vancouver", equity=(grant,))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = netpay.compare([offer], 2026, horizon=3)
    year = table.xs(2028, axis=1, level=1).iloc[:, 0]
    assert year["equity_vesting"] == pytest.approx(40_000, abs=0.01)
    assert year["total_value"] - year["total_value_after_haircut"] == pytest.approx(20_000, abs=0.01)
    assert year["equity_after_tax"] - year["equity_after_haircut"] == pytest.approx(20_000, abs=0.01)
