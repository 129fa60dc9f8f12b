"""Indexation as data: the factors by index and year, what each table indexes and how it rounds,
and the user's assumptions for years without a published factor.

``data/indexation/factors.yaml`` holds the published factors (federal and each jurisdiction's own,
cited), the rates the law sets for future years (Manitoba's pause, BC's proposed pause), statutory caps
(Alberta) and the two assumptions: 2% indexation (the Bank of Canada's target midpoint) and 3% wage
growth. ``data/indexation/indexed.yaml`` says, for every figure of every table, whether it is indexed
(by which index, with which rounding) or held, and why. :func:`assume` overrides the assumptions.
"""

from __future__ import annotations

import decimal
import functools
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from netpay.errors import DataFileError, NetpayError
from netpay.jurisdictions import NAMES
from netpay.tables.files import data_file, read_yaml, validate
from netpay.tables.schema import Frozen, Source

Rounding = Literal["dollar", "five", "up5", "down100", "down500"]


class Factor(Frozen):
    """One year's factor of an index: the rate (0.02 = 2%) and where it is published."""

    rate: float = Field(gt=-0.5, lt=0.5)
    source: Source


class Index(Frozen):
    """An index: its published factors by year, the rate the law sets after them, a statutory cap."""

    description: str
    factors: dict[int, Factor] = Field(default_factory=dict)
    after: Factor | None = None
    cap: Factor | None = None


class Factors(Frozen):
    """``data/indexation/factors.yaml``."""

    assumption: Factor
    wage_growth: Factor
    indices: dict[str, Index]


class Derived(Frozen):
    """A figure computed from another figure of the same year (YAMPE = 1.14 x YMPE, rounded down)."""

    of: str
    times: float = Field(gt=0)
    rounding: Rounding
    source: Source


class Addition(Frozen):
    """A legislated step added to a figure after indexation, by year (Saskatchewan's $500 a year)."""

    years: dict[int, float]
    source: Source


class Indexing(Frozen):
    """What one table indexes: the index, its statute, indexed paths and roundings, held paths and why."""

    index: str | None
    source: Source
    indexed: dict[str, Rounding]
    held: dict[str, str] = Field(default_factory=dict)
    derived: dict[str, Derived] = Field(default_factory=dict)
    additions: dict[str, Addition] = Field(default_factory=dict)


@functools.cache
def factors() -> Factors:
    """The indexation factors (``data/indexation/factors.yaml``), validated and cached."""
    label = "data/indexation/factors.yaml"
    return validate(read_yaml(data_file("indexation/factors.yaml"), label), Factors, label)


@functools.cache
def indexing() -> dict[str, Indexing]:
    """What each table indexes (``data/indexation/indexed.yaml``), by file key ('federal', 'payroll', codes)."""
    label = "data/indexation/indexed.yaml"
    raw = read_yaml(data_file("indexation/indexed.yaml"), label)
    if not isinstance(raw, dict):
        raise DataFileError(f"{label}: expected a mapping at the top level")
    known = factors().indices.keys() | {"wages"}
    out = {}
    for key, value in raw.items():
        entry = validate(value, Indexing, f"{label}: {key}")
        if entry.index is not None and entry.index not in known:
            raise DataFileError(f"{label}: {key}: index {entry.index!r} is not in factors.yaml ({sorted(known)})")
        out[str(key)] = entry
    return out


# --------------------------------------------------------------------------- rounding


def round_to(value: float, rounding: Rounding) -> float:
    """``value`` rounded as the statute says: nearest $1 or $5 (half up), up to the $5 ('up5'), or
    down to $100 / $500.

    Decimal arithmetic, so 57,375 x 1.02 = 58,522.5 rounds up to 58,523 (a float product is 58,522.4999...).
    """
    d = Decimal(repr(value))
    if rounding == "dollar":
        return float(d.quantize(Decimal(1), rounding=decimal.ROUND_HALF_UP))
    if rounding == "five":
        return float((d / 5).quantize(Decimal(1), rounding=decimal.ROUND_HALF_UP) * 5)
    if rounding == "up5":
        return float((d / 5).to_integral_value(rounding=decimal.ROUND_CEILING) * 5)
    step = 100 if rounding == "down100" else 500
    return float((d / step).to_integral_value(rounding=decimal.ROUND_FLOOR) * step)


def grow(value: float, rate: float) -> float:
    """``value`` x (1 + ``rate``), exactly (decimal), before rounding."""
    return float(Decimal(repr(value)) * (1 + Decimal(repr(rate))))


# --------------------------------------------------------------------------- assumptions


@dataclass(frozen=True)
class Assumptions:
    """The user's assumptions for projected years: indexation rate by index, and wage growth."""

    indexation: tuple[tuple[str, float], ...] = ()
    wage_growth: float | None = None

    def rate_for(self, index: str) -> float | None:
        return dict(self.indexation).get(index)


#: The assumptions in force: one per session (a plain module state, so a notebook cell's call holds
#: for the next cells); ``with assume(...)`` restores the previous state on exit.
_STATE: list[Assumptions] = [Assumptions()]


def current() -> Assumptions:
    """The assumptions in force (the defaults of factors.yaml where the user set none)."""
    return _STATE[0]


def _check_rate(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise NetpayError(f"{name} must be a rate such as 0.02 (2%), not {value!r}")
    if not -0.2 < value < 0.2:
        raise NetpayError(
            f"{name} must be a yearly rate between -0.2 and 0.2 (0.02 = 2%), not {value!r}; write 2% as 0.02"
        )
    return float(value)


def _index_name(name: Any) -> str:
    import difflib

    names = sorted(factors().indices)
    key = str(name).strip()
    key = "federal" if key.lower() == "federal" else key.upper()
    if key in names:
        return key
    if key in NAMES:
        uses = "it indexes nothing" if key == "PE" else "it uses the federal one"
        raise NetpayError(
            f"indexation: {NAMES[key]} has no index of its own ({uses}); set 'federal' instead. "
            f"Indices: {', '.join(names)}"
        )
    close = difflib.get_close_matches(key, names, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise NetpayError(f"indexation: unknown index {name!r}.{hint} Indices: {', '.join(names)}")


class assume:  # noqa: N801 - used as a function: netpay.assume(...)
    """Set the assumptions for projected years, e.g.
    ``assume(indexation={"federal": 0.021, "ON": 0.019}, wage_growth=0.03)``.

    A plain call sets them for the rest of the session (``assume()`` with no argument restores the
    defaults); as a context manager, ``with netpay.assume(...):``, they hold inside the block only.
    They replace the assumption (2% indexation, 3% wage growth) for years without a published factor;
    published factors, the law's pauses and caps (Manitoba, BC, Alberta's 2% ceiling) still apply,
    and shipped years never change. Rates are fractions (0.021 = 2.1%).
    """

    def __init__(self, indexation: dict[str, float] | None = None, wage_growth: float | None = None) -> None:
        if indexation is not None and not isinstance(indexation, dict):
            raise NetpayError(f"indexation must be a mapping such as {{'federal': 0.021}}, not {indexation!r}")
        rates = {_index_name(k): _check_rate(v, f"indexation[{k!r}]") for k, v in (indexation or {}).items()}
        wages = None if wage_growth is None else _check_rate(wage_growth, "wage_growth")
        new = Assumptions(tuple(sorted(rates.items())), wages)
        if indexation is not None or wage_growth is not None:
            old = current()
            new = Assumptions(
                tuple(sorted({**dict(old.indexation), **rates}.items())),
                wages if wages is not None else old.wage_growth,
            )
        self.assumptions, self._previous = new, current()
        _STATE[0] = new
        _changed()

    def __enter__(self) -> Assumptions:
        return self.assumptions

    def __exit__(self, *exc: object) -> None:
        _STATE[0] = self._previous
        _changed()

    def __repr__(self) -> str:
        a = self.assumptions
        return f"netpay.assume(indexation={dict(a.indexation)!r}, wage_growth={a.wage_growth!r})"


#: Called when the assumptions change (netpay.tables forgets projected tables and what was built on them).
_ON_CHANGE: list[Any] = []


def _changed() -> None:
    for callback in _ON_CHANGE:
        callback()


# --------------------------------------------------------------------------- the factor of a year


@dataclass(frozen=True)
class Step:
    """The rate applied to one index for one year, and what it is: 'published', 'law', 'assumed' (the
    default assumption) or 'user' (set by :class:`assume`)."""

    rate: float
    kind: str
    source: Source

    def describe(self) -> str:
        word = {
            "published": "published",
            "law": "set by law",
            "assumed": "assumed",
            "user": "assumed, set by netpay.assume",
        }[self.kind]
        if self.source.enactment:
            word = f"proposed: {self.source.enactment}"
        return f"{1 + self.rate:.4f} ({word})".replace("0.0000", "0")


def step(index: str, year: int, *, published_only: bool = False) -> Step:
    """The factor of ``index`` for ``year`` (``'wages'``: wage growth): published, set by law, or assumed.

    ``published_only``: ignore the user's assumptions (the back-test uses only published factors).
    """
    f = factors()
    if index == "wages":
        user = None if published_only else current().wage_growth
        if user is not None:
            return Step(
                user,
                "assumed",
                f.wage_growth.source.model_copy(update={"note": "set by netpay.assume(wage_growth=...)"}),
            )
        return Step(f.wage_growth.rate, "assumed", f.wage_growth.source)
    ind = f.indices[index]
    if year in ind.factors:
        fac = ind.factors[year]
        return Step(fac.rate, "published" if fac.source.enactment is None else "law", fac.source)
    if ind.after is not None and year > max(ind.factors, default=0):
        return Step(ind.after.rate, "law", ind.after.source)
    user = None if published_only else current().rate_for(index)
    if user is not None:
        src = f.assumption.source.model_copy(update={"note": f"set by netpay.assume(indexation={{{index!r}: {user}}})"})
        assumed = Step(user, "user", src)
    else:
        assumed = Step(f.assumption.rate, "assumed", f.assumption.source)
    if ind.cap is not None and assumed.rate > ind.cap.rate:
        return Step(ind.cap.rate, "law", ind.cap.source)
    return assumed


def clear() -> None:
    """Forget the loaded indexation files."""
    factors.cache_clear()
    indexing.cache_clear()
