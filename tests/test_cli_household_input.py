"""``netpay compare --child``: a child the tax year would leave out in silence (born after it, or over
18 at its end) is refused in one line naming the option, instead of a table without the child."""

from __future__ import annotations

import pytest

from netpay import cli


def run(capsys, *argv):
    code = cli.main(["compare", "--salary", "140k", "--city", "Toronto", "--spouse-income", "0", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # 2030 is after the tax year 2026: age at the end of 2026 = 2026 - 2030 = -4
        (("--child", "2030", "--year", "2026"), "--child 2030: born after the tax year 2026"),
        # 1990: 2026 - 1990 = 36 at the end of 2026, over 18
        (("--child", "1990", "--year", "2026"), "--child 1990: 36 at the end of 2026"),
        # with --arrival the tax year is the year of arrival: 2027 is after 2026
        (("--child", "2027", "--arrival", "2026-06-01"), "--child 2027: born after the tax year 2026"),
    ],
)
def test_a_child_the_year_does_not_count_is_refused(capsys, argv, expected):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert expected in err and "Traceback" not in err


def test_a_child_of_18_at_the_end_of_the_year_is_counted(capsys):
    # 2026 - 2008 = 18: the last year netpay counts (Household.children_in: 18 or under)
    code, out, err = run(capsys, "--child", "2008", "--year", "2026")
    assert code == 0 and "Household disposable income" in out, err
