"""Canada's 13 provinces and territories: ISO-style codes, names and name matching."""

from __future__ import annotations

import difflib
import functools
import unicodedata

from netpay.errors import UnknownJurisdictionError

#: Code -> English name, in the order CRA lists them on the T1 package.
NAMES: dict[str, str] = {
    "NL": "Newfoundland and Labrador",
    "PE": "Prince Edward Island",
    "NS": "Nova Scotia",
    "NB": "New Brunswick",
    "QC": "Quebec",
    "ON": "Ontario",
    "MB": "Manitoba",
    "SK": "Saskatchewan",
    "AB": "Alberta",
    "BC": "British Columbia",
    "YT": "Yukon",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
}

_ALIASES: dict[str, str] = {
    "newfoundland": "NL",
    "labrador": "NL",
    "terre-neuve-et-labrador": "NL",
    "pei": "PE",
    "ile-du-prince-edouard": "PE",
    "nouvelle-ecosse": "NS",
    "nouveau-brunswick": "NB",
    "que": "QC",
    "pq": "QC",
    "colombie-britannique": "BC",
    "yukon territory": "YT",
    "territoires du nord-ouest": "NT",
    "nwt": "NT",
}


def fold(text: str) -> str:
    """Lower-case ``text`` without accents and with single spaces: 'Québec ' -> 'quebec'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("’", "'").split())


_LOOKUP: dict[str, str] = {}
for _code, _name in NAMES.items():
    _LOOKUP[fold(_code)] = _code
    _LOOKUP[fold(_name)] = _code
_LOOKUP.update({fold(k): v for k, v in _ALIASES.items()})


def normalize(province: str) -> str:
    """Return the two-letter code for a code or name, any case, with or without accents.

    >>> normalize("Québec"), normalize("bc"), normalize("Prince Edward Island")
    ('QC', 'BC', 'PE')
    """
    if not isinstance(province, str):
        raise UnknownJurisdictionError(f"province must be a string such as 'ON' or 'Ontario', not {province!r}")
    return _code_of(province)


@functools.lru_cache(maxsize=512)
def _code_of(province: str) -> str:
    key = fold(province)
    if key in _LOOKUP:
        return _LOOKUP[key]
    close = difflib.get_close_matches(key, list(_LOOKUP), n=1, cutoff=0.5)
    hint = f" Did you mean {NAMES[_LOOKUP[close[0]]]!r} ({_LOOKUP[close[0]]})?" if close else ""
    raise UnknownJurisdictionError(
        f"Unknown province or territory {province!r}.{hint} Valid codes: {', '.join(sorted(NAMES))}."
    )
