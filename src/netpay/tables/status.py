"""What can be claimed of the tax tables a computation used: each figure's status, from its sources.

A figure's status is one of :data:`~netpay.tables.schema.STATUSES` ('verified', 'unverified', 'not
enacted', 'projected'). A figure cited by several sources is 'projected' or 'not enacted' if any of
them says so, else 'verified' if any of them was seen to print it, else 'unverified'. The tables of a
(province, year) are the federal table, the payroll table and the province's; the status an output
shows for them is the weakest of their figures' (:func:`tax_tables_status`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from netpay.errors import UnverifiedFigureError
from netpay.jurisdictions import normalize
from netpay.tables.schema import Source, weakest_status

#: Figures only a household uses (a spouse, an eligible dependant, children, child care): left out of
#: the status of a single person's tables, counted with ``household=True``.
HOUSEHOLD_FIELDS = frozenset(
    {"spouse_amount", "child_amounts", "child_care_expenses", "tax_reduction.per_dependant", "lift.family_threshold"}
)


#: Figures used only by a Québec resident without a group drug plan (``Offer.group_insurance=False``):
#: Schedule K's premium.
DRUG_PLAN_FIELDS = frozenset({"drug_insurance_premium"})


def household_only(field: str) -> bool:
    """Whether the figure ``field`` ('spouse_amount', 'tax_reduction.per_dependant', ...) serves a household only."""
    return field in HOUSEHOLD_FIELDS or field.split(".")[0] in HOUSEHOLD_FIELDS


def field_status(sources: Sequence[Source]) -> str:
    """The status of one figure cited by ``sources`` (see the module's docstring)."""
    statuses = {s.status for s in sources}
    for weak in ("projected", "not enacted", "verified"):
        if weak in statuses:
            return weak
    return "unverified"


@dataclasses.dataclass(frozen=True)
class TableFigure:
    """One figure of a tax table that is not verified: the file, the field, its status and why."""

    file: str
    field: str
    status: str
    note: str | None = None

    def __str__(self) -> str:
        return f"{self.file}: {self.field} ({self.status})"


@dataclasses.dataclass(frozen=True)
class TaxTablesStatus:
    """The status of the tax tables of one (province, year): the weakest of their figures', and the
    figures that are not verified (file and field)."""

    province: str
    year: int
    status: str
    flagged: tuple[TableFigure, ...] = ()
    #: for a projected year, what the projection rests on (``netpay.tables.projection_basis``)
    basis: str | None = None

    @property
    def projected(self) -> bool:
        return self.status == "projected"

    @property
    def notes(self) -> tuple[str, ...]:
        """The distinct notes of the weakest figures (for a projected year: its basis and assumption)."""
        return tuple(dict.fromkeys(f.note for f in self.flagged if f.status == self.status and f.note))

    @property
    def projection(self) -> str:
        """What a projection rests on: the year's basis, else the figures' notes."""
        return self.basis or brief(self.notes) or f"projected from the last shipped year before {self.year}"

    def describe(self) -> str:
        """'tax tables 2026 (federal, payroll, SK): unverified: data/tax_tables/2026/sk.yaml:
        basic_personal_amount, credit_rate'; for a projected year the projection's basis."""
        head = f"tax tables {self.year} (federal, payroll, {self.province})"
        if self.status == "verified":
            return f"{head}: verified"
        if self.projected:
            return f"{head}: projected ({self.projection})"
        by_file: dict[str, list[str]] = {}
        for f in self.flagged:
            shown = f.field if f.status == self.status else f"{f.field} ({f.status})"
            by_file.setdefault(f.file, []).append(shown)
        listed = "; ".join(f"{file}: {', '.join(fields)}" for file, fields in by_file.items())
        return f"{head}: {self.status}: {listed}"


def brief(notes: Sequence[str], most: int = 3) -> str:
    """Up to ``most`` notes joined by '; ', then 'and N more' (a projection notes each figure's basis)."""
    shown = "; ".join(notes[:most])
    return f"{shown}; and {len(notes) - most} more (`netpay tables`)" if len(notes) > most else shown


def shipped_year(year: int) -> int:
    """The year whose files a year's tables are read from: itself, or for a projected year the last
    shipped one."""
    from netpay import tables

    return min(year, tables.last_shipped())


def tables_folder(year: int) -> str:
    """'data/tax_tables/2026/', or for a projected year 'data/tax_tables/2026/ projected to 2027'."""
    base = shipped_year(year)
    return f"data/tax_tables/{base}/" + (f" projected to {year}" if base != year else "")


def table_file(year: int, key: str) -> str:
    """'data/tax_tables/2026/on.yaml', or for a projected year '... projected to 2027'."""
    base = shipped_year(year)
    return f"data/tax_tables/{base}/{key.lower()}.yaml" + (f" projected to {year}" if base != year else "")


def table_figures(year: int, key: str, table: object) -> tuple[TableFigure, ...]:
    """The figures of one loaded table (``key`` 'federal', 'payroll' or a code) that are not verified."""
    cited = getattr(table, "sources", {})
    label = table_file(year, key)
    out = []
    for field, given in cited.items():
        sources = given if isinstance(given, list) else [given]
        status = field_status(sources)
        if status != "verified":
            note = next((s.note for s in sources if s.status == status and s.note), None)
            out.append(TableFigure(label, field, status, note))
    return tuple(out)


def tax_tables_status(
    province: str, year: int | None, household: bool = False, drug_plan: bool = False
) -> TaxTablesStatus:
    """The status of the federal, payroll and ``province`` tables of ``year`` (None: the latest), for
    one person (``household=True``: with the figures only a household uses, :data:`HOUSEHOLD_FIELDS`;
    ``drug_plan=True``: with Québec's drug insurance premium, :data:`DRUG_PLAN_FIELDS`).

    >>> tax_tables_status("ON", 2026).status
    'verified'
    """
    from netpay import tables  # the loader (this module is imported by it lazily, never at its import)

    code, y = normalize(province), tables.check_year(year)
    loaded = tuple(tables.load(y, key) for key in (tables.FEDERAL, tables.PAYROLL, code))
    key = (code, y, bool(household), bool(drug_plan))
    cached = _STATUSES.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], loaded, strict=True)):
        return cached[1]
    found = _status_of(code, y, loaded, bool(household), bool(drug_plan))
    _STATUSES[key] = (loaded, found)
    return found


#: The last status computed for each (code, year, household, drug plan), with the three tables it was
#: read from: used again while the loader hands out those very tables (an evaluation of 10,000 offers
#: asks once per offer), forgotten with them (``tables.clear_cache``, which ``netpay.assume`` calls).
_STATUSES: dict[tuple[str, int, bool, bool], tuple[tuple[object, ...], TaxTablesStatus]] = {}


def _status_of(code: str, y: int, loaded: Sequence[object], household: bool, drug_plan: bool) -> TaxTablesStatus:
    """:func:`tax_tables_status` of the federal, payroll and provincial tables ``loaded`` for ``y``."""
    from netpay import tables

    flagged: list[TableFigure] = []
    for key, table in zip((tables.FEDERAL, tables.PAYROLL, code), loaded, strict=True):
        flagged.extend(
            f
            for f in table_figures(y, key, table)
            if (household or not household_only(f.field))
            and (drug_plan or f.field.split(".")[0] not in DRUG_PLAN_FIELDS)
        )
    weakest = weakest_status(f.status for f in flagged)
    basis = tables.projection_basis(y) if weakest == "projected" else None
    return TaxTablesStatus(code, y, weakest, tuple(flagged), basis)


def require_verified_tables(province: str, year: int | None) -> TaxTablesStatus:
    """Strict mode for a tax computation: the status of the (province, year) tables if every figure
    is verified, else an UnverifiedFigureError naming each figure that is not."""
    found = tax_tables_status(province, year)
    if found.flagged:
        listed = ", ".join(map(str, found.flagged))
        raise UnverifiedFigureError(
            f"strict: only verified figures were asked for, and the {found.year} tax tables for "
            f"{found.province} use figures that are not: {listed}. Choose another year, or drop strict=True "
            "to use them, labelled."
        )
    return found


def _forget_on_clear() -> None:
    from netpay import tables  # a submodule's import runs after the package's: netpay.tables is ready

    tables.on_clear(_STATUSES.clear)


_forget_on_clear()
