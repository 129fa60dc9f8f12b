"""Reading what is typed on the ``netpay`` command line: argument types (amounts, percentages, years,
dates, pay periods, bedrooms, choices) and library errors turned into one line naming the option.

Values are checked by the library, not again here: a library error becomes one line that starts with
the option to change (:func:`naming`, :func:`library_message`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator

from pydantic import ValidationError

from netpay import first_year
from netpay.errors import NetpayError

PROG = "netpay"


class UsageError(Exception):
    """Bad command-line input: one line on stderr (after ``netpay <command>:``), exit code 2."""


# --------------------------------------------------------------------------- argument types

_AMOUNT = re.compile(r"^\$?\s*(\d+(?:[,_ ]\d{3})*(?:\.\d+)?(?:[eE]\+?\d+)?|\d*\.\d+)\s*([kKmM]?)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_amount(text: str) -> float:
    """A dollar amount written as 140000, 140_000, 140,000, $140,000, 140k, 1.2m or 1.4e5."""
    m = _AMOUNT.match(text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a dollar amount: {text!r} (write e.g. 140000, 140,000 or 140k)")
    value = float(re.sub(r"[,_ ]", "", m.group(1)))
    return value * {"": 1.0, "k": 1e3, "m": 1e6}[m.group(2).lower()]


def parse_amount_or_percent(text: str) -> tuple[str, float]:
    """``("amount", dollars)`` (see :func:`parse_amount`) or ``("percent", share)`` for e.g. 10% (0.10)."""
    t = text.strip()
    if not t.endswith("%"):
        return ("amount", parse_amount(t))
    try:
        pct = float(t[:-1])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r} (write e.g. 10%)") from None
    if not 0 <= pct <= 1000:
        raise argparse.ArgumentTypeError(f"percentage out of range: {text!r} (write 0% to 1000%)")
    return ("percent", pct / 100.0)


def parse_share_of_salary(text: str) -> tuple[str, float]:
    """:func:`parse_amount_or_percent` for a bonus or an RRSP match, where a bare number under 100 is
    almost surely a percentage written without its sign (``--bonus 10``): an error that says so."""
    kind, value = parse_amount_or_percent(text)
    if kind == "amount" and 0 < value < 100:
        raise argparse.ArgumentTypeError(
            f"{text!r} would be ${value:g} a year: write {text.strip()}% for a percentage of the base "
            f"salary, or the amount in dollars (e.g. 14000)"
        )
    return kind, value


def parse_year(text: str) -> int:
    """A tax year written as a whole number; whether netpay has its tables is checked by :func:`tax_year`."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r} (write e.g. 2026)") from None


def parse_date(text: str) -> dt.date:
    """A calendar date written YYYY-MM-DD, e.g. 2026-06-01."""
    t = text.strip()
    if not _DATE.match(t):
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write YYYY-MM-DD, e.g. 2026-06-01)")
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such date: {text!r} (write YYYY-MM-DD, e.g. 2026-06-01)") from None


def parse_pay_periods(text: str) -> int:
    """Pays a year: a number of :data:`netpay.first_year.PAY_PERIODS` or its name (biweekly, ...)."""
    t = text.strip().lower().replace("_", "-")
    names = {name: n for n, name in first_year.PAY_PERIODS.items()}
    names |= {name.replace("-", ""): n for name, n in names.items()}
    n = names.get(t, int(t) if t.isdigit() else None)
    if n not in first_year.PAY_PERIODS:
        shown = ", ".join(f"{n} ({name})" for n, name in first_year.PAY_PERIODS.items())
        raise argparse.ArgumentTypeError(f"pay periods must be one of {shown}, not {text!r}")
    return n


def parse_bedrooms(text: str) -> int:
    """A number of bedrooms, a whole number; which counts netpay has rents for is the library's to say
    (``netpay.citydata.rent``)."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"not a number of bedrooms: {text!r} (write 0 for a bachelor, 1, 2 or 3)")
    return int(text)


def choice(names: tuple[str, ...]) -> Callable[[str], str]:
    """An argument type for one of ``names``, written with '-' or '_', in any case: returns the '_'
    spelling (the library's)."""

    def convert(text: str) -> str:
        t = text.strip().lower().replace("-", "_")
        if t not in names:
            shown = ", ".join(n.replace("_", "-") for n in names)
            raise argparse.ArgumentTypeError(f"choose from {shown}, not {text!r}")
        return t

    return convert


def metavar(names: tuple[str, ...]) -> str:
    """``{a,b-c}``: the choices as the user writes them."""
    return "{" + ",".join(n.replace("_", "-") for n in names) + "}"


# --------------------------------------------------------------------------- library errors


#: The library's names for the dates of a move -> the options that give them.
DATE_OPTIONS: dict[str, str] = {"arrival": "--arrival", "start": "--start"}


def library_message(exc: BaseException, dates: dict[str, str] | None = None) -> str:
    """A library error on one line, the library's names of dates written as the options that gave them
    (``start 2026-05-15 is before arrival ...`` -> ``--start 2026-05-15 is before --arrival ...``).
    ``dates`` maps those names to options (default :data:`DATE_OPTIONS`; a date that defaulted to the
    other is named by the option given)."""
    if isinstance(exc, ValidationError):
        text = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
    else:
        text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    options = dates or DATE_OPTIONS
    text = re.sub(r"\b(arrival|start)(?= \d{4}-\d{2}-\d{2})", lambda m: options[m.group(1)], text)
    return " ".join(text.split())


@contextlib.contextmanager
def naming(option: str = "", dates: dict[str, str] | None = None) -> Iterator[None]:
    """Run a library call; its error (bad value, unknown name, missing data) becomes a
    :class:`UsageError` that starts with ``option`` (e.g. ``--city Gotham``), dates named as in
    :func:`library_message`."""
    try:
        yield
    except (NetpayError, ValidationError) as exc:
        message = library_message(exc, dates)
        raise UsageError(f"{option}: {message}" if option else message) from None
