"""Errors netpay raises. Each says what was wrong and what would be right."""

from __future__ import annotations


class NetpayError(ValueError):
    """Base class of netpay's errors; a ``ValueError`` so callers may catch either."""


class InvalidIncomeError(NetpayError):
    """An amount that is not a number of dollars, or is negative, NaN, infinite or beyond the tables' ceiling."""


class DataFileError(NetpayError):
    """A data file that is missing, unreadable or fails validation; names the file and the field."""


class NotFoundError(NetpayError, KeyError):
    """A name or figure netpay has no entry for; also a ``KeyError``, so lookups may catch it as one.

    The message is printed as written (``KeyError`` alone would print it in quotes).
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownJurisdictionError(NotFoundError):
    """A province or territory netpay does not know; the message suggests the closest name."""


class UnknownYearError(NotFoundError):
    """A tax year for which netpay ships no table; the message lists the years it has."""


class UnknownCityError(NotFoundError):
    """A city netpay has no data for; the message suggests the closest name."""


class NoDataError(NotFoundError):
    """A figure netpay does not have (e.g. a bedroom count or rent basis for a city); says what it has."""


class ProjectedYearWarning(UserWarning):
    """A result for a tax year netpay has no published tables for: its figures are projected from the
    last shipped year by indexation (see ``netpay.tables.is_projected`` and ``netpay.assume``)."""
