"""Errors netpay raises. Each says what was wrong and what would be right."""

from __future__ import annotations


class NetpayError(ValueError):
    """Base class of netpay's errors; a ``ValueError`` so callers may catch either."""


class InvalidIncomeError(NetpayError):
    """An amount that is negative, NaN or infinite."""


class UnknownJurisdictionError(NetpayError, KeyError):
    """A province or territory netpay does not know; the message suggests the closest name."""

    def __str__(self) -> str:  # KeyError would otherwise print the message in quotes
        return str(self.args[0]) if self.args else ""


class UnknownYearError(NetpayError, KeyError):
    """A tax year for which netpay ships no table; the message lists the years it has."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class DataFileError(NetpayError):
    """A data file that is missing, unreadable or fails validation; names the file and the field."""


class UnknownCityError(NetpayError, KeyError):
    """A city netpay has no data for; the message suggests the closest name."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class NoDataError(NetpayError, KeyError):
    """A figure netpay does not have (e.g. a bedroom count or rent basis for a city); says what it has."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
