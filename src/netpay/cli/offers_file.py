"""``netpay compare --offers FILE``: several different offers from a TOML file (standard-library
``tomllib``), each evaluated with its own city, rent and costs, side by side.

The file (``examples/offers.toml`` is a worked one)::

    year = 2024            # optional: the tax year (default: the latest netpay has)
    horizon = 3            # optional: years of a horizon (each offer's years side by side)
    discount_rate = 0.03   # optional, with a horizon: a fraction a year
    start = "2024-06-15"   # optional, with a horizon: the first day of work (grants vest from it)
    bedrooms = 1           # optional: the rented apartment of every offer (an offer may override)
    rent_basis = "asking"

    [move]                 # optional: the first year in Canada (arrival, start, pay_periods,
    arrival = "2024-06-01" #   first_year_bonus, rrsp_room)

    [household]            # optional: a spouse and children, for every offer
    spouse_income = 0      #   or a [household.spouse_offer] table (salary, bonus, raise_percent, ...)
    children = [2023]      #   birth years or dates, or tables { born = 2023, childcare = 400 }
    status = "citizen"     #   or "permanent_resident", "work_permit"

    [[offers]]
    label = "Toronto bank"
    city = "Toronto"
    salary = 140000        # or base_salary
    bonus = "10%"          # dollars (14000) or a percent of salary ("10%"), or bonus_percent = 10
    rent = 2400            # optional: this offer's rent a month (default: the city's figure)
    other_costs = { transit_pass = 0 }   # optional: this offer's costs a month, by item

    [[offers.equity]]      # optional: equity grants, type "rsu" or "options"
    type = "rsu"
    grant_value = 160000
    cliff_months = 12

Every other key of an offer is a ``netpay.Offer`` field (``equity_vesting``, ``signing_bonus``,
``raise_percent``, ``bonus_paid``, ``clawback_months``, ``employer_rrsp_match``, ...). An error
names the file, the offer (its number and label) or the table, and the key. ``[household]`` keys:
``spouse_income`` or ``[household.spouse_offer]`` (an offer's keys; its city defaults to the first
offer's and does not matter), ``children``, ``status``, ``prior_world_income``, ``childcare`` (a
monthly fee for every child, instead of netpay's figure) and ``subsidised`` (that fee is a
subsidised space's).
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from netpay.cli.parse import UsageError, library_message

#: Top-level keys of the file, besides ``offers`` and ``move``.
SETTINGS = ("year", "horizon", "discount_rate", "bedrooms", "rent_basis", "start")

#: ``type`` of an ``[[offers.equity]]`` table -> the grant class of netpay.
GRANT_TYPES = {"rsu": "RSU", "options": "StockOptions"}

#: Keys of ``[move]``: the keywords of ``netpay.evaluate`` for the first year in Canada.
MOVE_KEYS = ("arrival", "start", "pay_periods", "first_year_bonus", "rrsp_room")

#: Keys of an offer that are not ``netpay.Offer`` fields: the offer's housing.
HOUSING_KEYS = ("rent", "other_costs", "bedrooms", "rent_basis")

#: The tables of the file.
TABLES = ("offers", "move", "household")

#: Keys of ``[household]``: the spouse's income or offer, the children, the adults' status, the
#: income earned abroad before arrival, a monthly child care fee for every child (and whether it is a
#: subsidised space's).
HOUSEHOLD_KEYS = (
    "spouse_income",
    "spouse_offer",
    "children",
    "status",
    "prior_world_income",
    "childcare",
    "subsidised",
)


@dataclass(frozen=True)
class FileOffer:
    """One offer of the file, and the keywords of ``netpay.evaluate`` it is evaluated with."""

    offer: Any
    housing: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OffersFile:
    """The offers of a file and the settings they share."""

    path: Path
    offers: list[FileOffer]
    settings: dict[str, Any]
    move: dict[str, Any]
    #: the ``[household]`` table as a ``netpay.Household`` (None: a single person)
    household: Any = None


def _closest(key: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.5)
    return f"did you mean {' or '.join(close)}?" if close else f"the keys are {', '.join(known)}"


def read_offers(path: str) -> OffersFile:
    """The file at ``path``, parsed and checked: a :class:`UsageError` naming the file, the offer
    and the key for anything wrong."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"--offers {path}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise UsageError(f"--offers {path}: not a text file (TOML is UTF-8 text)") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    for key in data:
        if key not in (*SETTINGS, *TABLES):
            raise UsageError(f"{path}: unknown key {key!r}: {_closest(key, [*SETTINGS, *TABLES])}")
    offers = data.get("offers")
    if not isinstance(offers, list) or not offers or not all(isinstance(o, dict) for o in offers):
        raise UsageError(f"{path}: give the offers as [[offers]] tables, one per offer (see examples/offers.toml)")
    move = data.get("move", {})
    if not isinstance(move, dict):
        raise UsageError(f"{path}: move must be a table, [move], with {', '.join(MOVE_KEYS)}")
    for key in move:
        if key not in MOVE_KEYS:
            raise UsageError(f"{path}: [move]: unknown key {key!r}: {_closest(key, MOVE_KEYS)}")
    settings = {k: data[k] for k in SETTINGS if k in data}
    items = [_offer(path, i + 1, o) for i, o in enumerate(offers)]
    household = _household(path, data["household"], items[0].offer.city) if "household" in data else None
    return OffersFile(p, items, settings, dict(move), household)


def _offer(path: str, number: int, table: dict[str, Any]) -> FileOffer:
    """Offer ``number`` of the file (1 is the first)."""
    label = table.get("label")
    where = f"{path}: offer {number}" + (f" ({label!r})" if isinstance(label, str) else "")
    return FileOffer(_offer_at(where, table), {k: table[k] for k in HOUSING_KEYS if k in table})


def _offer_at(where: str, table: dict[str, Any]) -> Any:
    """The ``netpay.Offer`` of an offer's table (``where`` names it in errors)."""
    import netpay

    keywords = {k: v for k, v in table.items() if k not in HOUSING_KEYS}
    if "equity" in keywords:
        keywords["equity"] = _grants(where, keywords["equity"])
    if "salary" in keywords:
        if "base_salary" in keywords:
            raise UsageError(f"{where}: give salary or base_salary, not both")
        keywords["base_salary"] = keywords.pop("salary")
    bonus = keywords.get("bonus")
    if isinstance(bonus, str) and bonus.strip().endswith("%"):
        keywords.pop("bonus")
        try:
            keywords["bonus_percent"] = float(bonus.strip()[:-1])
        except ValueError:
            raise UsageError(f'{where}: bonus: {bonus!r} is not a percent; write e.g. "10%" or dollars') from None
    _refuse_unknown_keys(where, table)
    for key, example in (("base_salary", "salary = 140_000"), ("city", 'city = "Toronto"')):
        if key not in keywords:
            raise UsageError(f"{where}: give {example.split(' ')[0]} (e.g. {example})")
    try:
        return netpay.Offer(**keywords)
    except ValidationError as exc:
        loc = next((str(e["loc"][0]) for e in exc.errors() if e["loc"]), "")
        key = "salary" if loc == "base_salary" and "salary" in table else loc
        raise UsageError(f"{where}: {key + ': ' if key else ''}{library_message(exc)}") from None


def _household(path: str, table: Any, city: str) -> Any:
    """The ``[household]`` table as a ``netpay.Household``: each error names the file, the table and
    the key. The spouse's offer (``[household.spouse_offer]``) is in the city of the first offer
    unless it says (its city does not matter: the household lives in the city of the offer evaluated)."""
    import netpay

    where = f"{path}: [household]"
    if not isinstance(table, dict):
        raise UsageError(f"{where}: household must be a table, [household], with {', '.join(HOUSEHOLD_KEYS)}")
    for key in table:
        if key not in HOUSEHOLD_KEYS:
            raise UsageError(f"{where}: unknown key {key!r}: {_closest(key, HOUSEHOLD_KEYS)}")
    if "spouse_income" in table and "spouse_offer" in table:
        raise UsageError(f"{where}: give spouse_income or [household.spouse_offer], not both")
    spouse = None
    if "spouse_offer" in table:
        offer = table["spouse_offer"]
        if not isinstance(offer, dict):
            raise UsageError(f"{where}: spouse_offer must be a table, [household.spouse_offer], with salary = ...")
        for key in HOUSING_KEYS:
            if key in offer:
                raise UsageError(f"{where[:-1]}.spouse_offer]: {key}: the housing is each offer's, not the spouse's")
        spouse = netpay.Spouse(offer=_offer_at(f"{where[:-1]}.spouse_offer]", {"city": city, **offer}))
    elif "spouse_income" in table:
        spouse = _field(where, "spouse_income", lambda: netpay.Spouse(income=table["spouse_income"]))
    fees = {k: table[k] for k in ("childcare", "subsidised") if k in table}
    children = table.get("children", [])
    if not isinstance(children, list):
        raise UsageError(f"{where}: children: give a list of birth years or dates, e.g. children = [2023, 2020]")
    kids = [_child(where, n, c, fees) for n, c in enumerate(children, start=1)]
    if spouse is None and not kids:
        raise UsageError(f"{where}: give spouse_income, [household.spouse_offer] or children (or leave it out)")
    other = {k: table[k] for k in ("status", "prior_world_income") if k in table}
    return _field(where, None, lambda: netpay.Household(spouse=spouse, children=kids, **other))


def _child(where: str, number: int, value: Any, fees: dict[str, Any]) -> Any:
    """Child ``number`` of ``children``: a year, a date, or a table {born = ..., childcare = ...};
    ``fees``: the household's ``childcare`` and ``subsidised``, for a child that does not say."""
    import netpay

    given = fees | (dict(value) if isinstance(value, dict) else {"born": value})
    return _field(where, f"children[{number}]", lambda: netpay.Child(**given))


def _field(where: str, key: str | None, make: Any) -> Any:
    """``make()``, its error naming ``where`` and ``key`` (None: the field the error is about)."""
    try:
        return make()
    except (ValidationError, TypeError, ValueError) as exc:
        loc = ""
        if isinstance(exc, ValidationError):
            loc = next((str(e["loc"][0]) for e in exc.errors() if e["loc"]), "")
        label = key or loc
        raise UsageError(f"{where}: {label + ': ' if label else ''}{library_message(exc)}") from None


def _refuse_unknown_keys(where: str, table: dict[str, Any]) -> None:
    """Refuse a key that is neither a ``netpay.Offer`` field nor one of the file's own (``salary``,
    the housing keys), with the closest names: a misspelt ``salry`` is named, not taken as missing."""
    from netpay.offer import ELSEWHERE, Offer
    from netpay.offer_terms import keyword_advice

    known = ["salary", *Offer.model_fields, *HOUSING_KEYS]
    for key in table:
        if key not in known:
            raise UsageError(f"{where}: unknown key {key!r}: {keyword_advice(key, ELSEWHERE, known)}")


def _grant_error(kind: str, exc: BaseException) -> str:
    """A grant's error as ``key: message``, with the closest keys of the grant for an unknown one."""
    import netpay

    if not isinstance(exc, ValidationError):
        return library_message(exc)
    errors = exc.errors()
    error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])  # a typo explains the rest
    loc = str(error["loc"][0]) if error["loc"] else ""
    if error["type"] == "extra_forbidden":
        fields = ["type", *getattr(netpay, GRANT_TYPES[kind]).model_fields]
        return f"unknown key {loc!r}: {_closest(loc, fields)}"
    return f"{loc + ': ' if loc else ''}{library_message(exc)}"


def _grants(where: str, tables: Any) -> list[Any]:
    """The ``[[offers.equity]]`` tables as ``netpay.RSU`` / ``netpay.StockOptions``."""
    import netpay

    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise UsageError(
            f'{where}: equity: give each grant as an [[offers.equity]] table with type = "rsu" or "options"'
        )
    grants = []
    for n, t in enumerate(tables, start=1):
        kind = t.get("type")
        if kind not in GRANT_TYPES:
            raise UsageError(f'{where}: equity grant {n}: type must be "rsu" or "options", not {kind!r}')
        try:
            grants.append(getattr(netpay, GRANT_TYPES[kind])(**{k: v for k, v in t.items() if k != "type"}))
        except (ValidationError, TypeError, ValueError) as exc:
            raise UsageError(f"{where}: equity grant {n}: {_grant_error(kind, exc)}") from None
    return grants


def evaluations(file: OffersFile, year: int, horizon: Any, discount_rate: Any, household: Any = None) -> list[Any]:
    """Each offer of the file evaluated with its housing, the file's move, ``horizon``,
    ``discount_rate`` and ``household`` (default: the file's ``[household]``); the library's error
    names the file and the offer."""
    import netpay

    home = household if household is not None else file.household
    out = []
    for number, item in enumerate(file.offers, start=1):
        keywords = {
            "bedrooms": file.settings.get("bedrooms", home.bedrooms if home is not None else 1),
            "rent_basis": file.settings.get("rent_basis", "asking"),
        }
        if home is not None:
            keywords["household"] = home
        keywords |= item.housing | file.move
        if "start" in file.settings and "start" not in file.move:
            keywords["start"] = file.settings["start"]
        if horizon is not None:
            keywords |= {"horizon": horizon, "discount_rate": discount_rate}
        elif discount_rate is not None:
            keywords["discount_rate"] = discount_rate
        where = f"{file.path}: offer {number} ({item.offer.name!r})"
        try:
            out.append(netpay.evaluate(item.offer, year, **keywords))
        except (ValidationError, ValueError, TypeError, KeyError, netpay.NetpayError) as exc:
            raise UsageError(f"{where}: {library_message(exc)}") from None
    return out
