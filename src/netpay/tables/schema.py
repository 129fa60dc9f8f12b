"""The pieces every data file is built from: cited tables, sources, brackets and the shared rule blocks.

Every model is frozen and refuses unknown keys, NaN and infinities (a table with ``.inf`` would tax
at a frozen amount). Every data field a file sets must have a source under ``sources``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Every threshold in the tax tables must lie below this: the engine's marginal rate takes a step
#: wider than $1 above it, which is exact only where no threshold is near (see netpay.engine).
THRESHOLD_LIMIT = 2.0**21


class Frozen(BaseModel):
    """Base of every data model: immutable, unknown keys rejected, no NaN or infinity."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, allow_inf_nan=False, defer_build=True)


class Source(Frozen):
    """Where a figure comes from: title, address, the date it was read, and whether it was seen there."""

    title: str = Field(min_length=5)
    href: str = Field(pattern=r"^(https?://|doc:)")
    retrieved: dt.date
    verified: bool
    note: str | None = None
    #: None: the figure is law (enacted). Otherwise what it is, e.g. "budget measure; enactment not
    #: verified" (a budget's figure shipped before Royal Assent was seen).
    enactment: str | None = None
    #: True only for a figure netpay projected (a future year's table built by indexation); never set
    #: in a shipped data file.
    projected: bool = False

    @property
    def status(self) -> str:
        """What every output says of the figure: one of :data:`STATUSES`, the weakest claim first
        ('projected' > 'not enacted' > 'unverified' > 'verified')."""
        if self.projected:
            return "projected"
        if self.enactment is not None:
            return "not enacted"
        return "verified" if self.verified else "unverified"


#: A figure's status, strongest first; an output using several figures shows the weakest (last).
STATUSES: tuple[str, ...] = ("verified", "unverified", "not enacted", "projected")


def weakest_status(statuses: Iterable[str]) -> str:
    """The weakest of ``statuses`` (the one an output must show); 'verified' for none."""
    return max(statuses, key=STATUSES.index, default="verified")


class Bracket(Frozen):
    """One row of a progressive schedule: ``rate`` applies to income from ``from_`` upwards."""

    from_: float = Field(alias="from", ge=0, lt=THRESHOLD_LIMIT)
    rate: float = Field(ge=0, lt=1)


@dataclasses.dataclass(frozen=True)
class Schedule:
    """A progressive schedule as the lines of the form's rate table.

    On each bracket the tax is ``rate x income + intercept`` ("tax on the amount up to the threshold
    + rate x the amount over it"); rates rise, so the tax is the greatest of these lines
    (``netpay.rules.arithmetic.bracket_tax``).
    """

    thresholds: tuple[float, ...]
    rates: tuple[float, ...]
    intercepts: tuple[float, ...]

    @property
    def lowest_rate(self) -> float:
        return self.rates[0]


def schedule_of(rows: list[Bracket]) -> Schedule:
    """The lines of a schedule: intercept_k = tax up to threshold_k - rate_k x threshold_k."""
    thresholds = tuple(float(b.from_) for b in rows)
    rates = tuple(float(b.rate) for b in rows)
    intercepts, tax_at = [0.0], 0.0
    for k in range(1, len(rows)):
        tax_at += rates[k - 1] * (thresholds[k] - thresholds[k - 1])
        intercepts.append(tax_at - rates[k] * thresholds[k])
    return Schedule(thresholds=thresholds, rates=rates, intercepts=tuple(intercepts))


#: Fields of a cited table that are not data figures.
META = frozenset({"jurisdiction", "year", "sources", "notes"})


class CitedTable(Frozen):
    """Fields every data file has: who, which year, notes, and a source for every figure."""

    jurisdiction: str
    year: int = Field(ge=2000, le=2100)
    sources: dict[str, Source | list[Source]]
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_figure_cited(self) -> CitedTable:
        fields = [name for name in type(self).model_fields if name not in META]
        present = {name for name in fields if getattr(self, name) is not None}
        cited = {key.split(".")[0] for key in self.sources}
        missing = sorted(present - cited)
        if missing:
            raise ValueError(f"no source for field(s) {missing}; add them under 'sources'")
        unknown = sorted(cited - set(fields))
        if unknown:
            raise ValueError(f"sources name field(s) that do not exist: {unknown}")
        return self


class BracketTable(CitedTable):
    """A tax table: a cited file with a progressive schedule whose rates never fall."""

    brackets: list[Bracket] = Field(min_length=1)

    @field_validator("brackets")
    @classmethod
    def _ascending(cls, rows: list[Bracket]) -> list[Bracket]:
        if rows[0].from_ != 0:
            raise ValueError("the first bracket must start at 0")
        froms = [b.from_ for b in rows]
        if any(b <= a for a, b in zip(froms, froms[1:], strict=False)):
            raise ValueError(f"bracket thresholds must be strictly ascending, got {froms}")
        rates = [b.rate for b in rows]
        if any(b < a for a, b in zip(rates, rates[1:], strict=False)):
            raise ValueError(f"bracket rates must not fall as income rises, got {rates}")
        return rows

    @functools.cached_property
    def schedule(self) -> Schedule:
        return schedule_of(self.brackets)


class PhaseDown(Frozen):
    """An amount that falls linearly from ``max`` to ``min`` as net income rises from ``start`` to ``end``."""

    max: float = Field(ge=0)
    min: float = Field(ge=0)
    start: float = Field(ge=0, lt=THRESHOLD_LIMIT, description="net income at which the phase-down starts")
    end: float = Field(gt=0, lt=THRESHOLD_LIMIT, description="net income at which the amount reaches min")

    @model_validator(mode="after")
    def _ordered(self) -> PhaseDown:
        if self.min > self.max or self.end <= self.start:
            raise ValueError("need min <= max and start < end")
        return self
