"""Benefit tables: the Canada Child Benefit, the GST/HST credit, the Canada Workers Benefit and the
provincial and territorial child and family benefits, each a cited YAML file.

Two kinds of folder under ``data/benefits/``:

- a **benefit year**, ``data/benefits/2025-26/``: payments from July 2025 to June 2026, computed on
  the adjusted family net income (AFNI) of tax year 2024 (``year`` in the file is 2025, the July);
- a **calendar year**, ``data/benefits/2026/``: amounts set per calendar or tax year (the Canada
  Workers Benefit on the 2026 return; Québec's family allowance, indexed each 1 January).

A benefit a province does not have is a file with ``none: true`` and a source saying so; ``none`` is
per period (a benefit that began later has ``none: true`` files for the periods before, and a
``starts:`` date, its first month, in the period it began).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from pydantic import Field, model_validator

from netpay.errors import DataFileError, UnknownYearError
from netpay.tables.files import data_root, read_yaml, validate
from netpay.tables.schema import CitedTable, Frozen

Rates = list[float]


def benefit_year_name(july_year: int) -> str:
    """The folder of the benefit year starting in July of ``july_year``: 2025 -> '2025-26'."""
    return f"{july_year}-{(july_year + 1) % 100:02d}"


class CcbTable(CitedTable):
    """Canada Child Benefit for one benefit year (CRA, 'CCB calculation sheet')."""

    max_under_6: float = Field(gt=0)
    max_6_to_17: float = Field(gt=0)
    threshold1: float = Field(gt=0)
    threshold2: float = Field(gt=0)
    #: Reduction rates between the thresholds, for 1, 2, 3 and 4 or more children.
    rates1: Rates = Field(min_length=4, max_length=4)
    #: Rates above the second threshold, for 1, 2, 3 and 4 or more children.
    rates2: Rates = Field(min_length=4, max_length=4)

    @model_validator(mode="after")
    def _ordered(self) -> CcbTable:
        if self.threshold2 <= self.threshold1:
            raise ValueError("threshold2 must be above threshold1")
        return self


class GstCreditTable(CitedTable):
    """GST/HST credit (the Canada Groceries and Essentials Benefit from July 2026), one benefit year."""

    adult: float = Field(gt=0)
    spouse: float = Field(gt=0)
    child: float = Field(gt=0)
    single_supplement: float = Field(ge=0)
    supplement_start: float = Field(gt=0, description="net income at which the single supplement phases in")
    supplement_rate: float = Field(gt=0, lt=1)
    threshold: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)
    #: The maximums are multiplied by this (1.25 from July 2026 for five benefit years, Bill C-19).
    increase: float | None = Field(default=None, ge=1, le=2)
    #: A one-time payment, as a fraction of this benefit year's annual entitlement (Bill C-19: 0.5 of
    #: 2025-26), and the month of the calendar year after the July it is paid in.
    one_time_fraction: float | None = Field(default=None, gt=0, le=1)
    one_time_month: int | None = Field(default=None, ge=1, le=12)


class CwbTable(CitedTable):
    """Canada Workers Benefit for one tax year (basic amount; the disability supplement is left out)."""

    max_single: float = Field(gt=0)
    max_family: float = Field(gt=0)
    phase_in_start: float = Field(ge=0)
    phase_in_rate: float = Field(gt=0, lt=1)
    threshold_single: float = Field(gt=0)
    threshold_family: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)
    #: Working income of the lower-earning spouse left out of family net income (secondary earner exemption).
    secondary_exemption: float = Field(ge=0)


class SalesTaxCreditTable(CitedTable):
    """Ontario sales tax credit (part of the Ontario Trillium Benefit), one benefit year."""

    per_person: float = Field(gt=0, description="for you, your spouse and each child under 19")
    threshold_single: float = Field(gt=0)
    threshold_family: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)


class EnergyPropertyTaxCreditTable(CitedTable):
    """Ontario energy and property tax credit (part of the Ontario Trillium Benefit) for renters under
    64, one benefit year: the figures of CRA's OEPTC calculation sheets (steps 1 to 4)."""

    rent_share: float = Field(gt=0, lt=1, description="the share of rent that counts as occupancy cost (step 1)")
    energy_maximum: float = Field(gt=0, description="the energy component is the occupancy cost up to this (step 2)")
    property_tax_rate: float = Field(gt=0, lt=1, description="share of the occupancy cost (step 3 A)")
    property_tax_cap: float = Field(gt=0, description="step 3 B: the lesser of A and this")
    property_tax_supplement: float = Field(ge=0, description="step 3 C: added to B")
    threshold_single: float = Field(gt=0, description="AFNI threshold, single without the sole care of a child")
    threshold_family: float = Field(gt=0, description="AFNI threshold, a couple or a single parent")
    rate: float = Field(gt=0, lt=1, description="reduction per dollar of AFNI over the threshold (step 4)")


class RenterCreditTable(CitedTable):
    """BC renter's tax credit (refundable, claimed on the return), one tax year."""

    maximum: float = Field(gt=0)
    threshold: float = Field(gt=0)
    rate: float = Field(gt=0, lt=1)
    min_months: int = Field(ge=1, le=12, description="months of renting in BC in the year")


class SolidarityCreditTable(CitedTable):
    """Québec's solidarity tax credit (Schedule D of the TP-1), one payment period (July to June),
    on the family income of the year before. The northern-village component is not modelled."""

    qst_basic: float = Field(gt=0, description="QST component: basic amount")
    qst_spouse: float = Field(gt=0, description="QST component: amount for a spouse")
    qst_living_alone: float = Field(gt=0, description="QST component: additional amount for a person living alone")
    housing_single: float = Field(gt=0, description="housing component: an individual without a spouse")
    housing_couple: float = Field(gt=0, description="housing component: a couple")
    housing_child: float = Field(gt=0, description="housing component: per dependent child")
    threshold: float = Field(gt=0, description="family income above which the credit is reduced")
    rate: float = Field(gt=0, lt=1, description="reduction rate when two or more components apply")
    rate_one_component: float = Field(gt=0, lt=1, description="reduction rate when one component applies")


class ChildcareCreditTable(CitedTable):
    """Québec's refundable tax credit for childcare expenses (Schedule C of the TP-1, line 455), one
    tax year: the annual limits on eligible expenses per child and the rate table by family income."""

    limit_under_7: float = Field(gt=0, description="a child under 7 at the end of the year")
    limit_disability: float = Field(gt=0, description="a child with a severe and prolonged impairment (not modelled)")
    limit_other: float = Field(gt=0, description="any other eligible child")
    age_limit: int = Field(ge=7, le=18, description="an eligible child is under this age at some point in the year")
    #: Family income up to which each rate applies ('sans dépasser'); the last rate is for more.
    thresholds: Rates = Field(min_length=1, max_length=7)
    rates: Rates = Field(min_length=2, max_length=8)

    @model_validator(mode="after")
    def _table(self) -> ChildcareCreditTable:
        if len(self.rates) != len(self.thresholds) + 1:
            raise ValueError("'rates' needs one more entry than 'thresholds' (the last rate is for any higher income)")
        if any(b <= a for a, b in zip(self.thresholds, self.thresholds[1:], strict=False)):
            raise ValueError(f"'thresholds' must be strictly ascending, got {self.thresholds}")
        if any(not 0 < r < 1 for r in self.rates) or any(
            b > a for a, b in zip(self.rates, self.rates[1:], strict=False)
        ):
            raise ValueError(f"'rates' must be between 0 and 1 and never rise with income, got {self.rates}")
        return self


class Band(Frozen):
    """Flat per-child amounts (by rank; the last repeats) for AFNI up to ``up_to`` (None: no limit)."""

    up_to: float | None = Field(default=None, gt=0)
    amounts: Rates = Field(min_length=1)


class ChildBenefitTable(CitedTable):
    """A provincial or territorial child benefit of the common shape, or ``none: true``.

    amount = per-child amounts by rank (1st, 2nd, ...; the last repeats), the under-6 amounts where
    they differ, + the single-parent supplement; less ``rates[n-1]`` x AFNI over ``threshold``
    (or linearly to zero at ``zero_at``); not below the ``minimum`` amounts until ``threshold2``,
    above which the rest falls at ``rates2``. ``bands`` instead gives flat per-child amounts by
    income band (each band's ``up_to`` AFNI, the last open-ended). ``working_supplement`` adds a
    family amount by number of children when the family's earned income is above
    ``working_income_threshold``, before the reduction.
    """

    name: str = Field(min_length=3)
    none: bool | None = None
    #: The first month the benefit was paid (nil before it); on a ``none: true`` file of an earlier
    #: period, when it began.
    starts: dt.date | None = None
    amounts: Rates | None = None
    amounts_under_6: Rates | None = None
    #: Rank the children under 6 and those aged 6 to 17 each by their own count (the NWT Child
    #: Benefit's C + D: the level for the number under 6 plus the level for the number aged 6-17);
    #: otherwise all children rank together, those under 6 first.
    per_age_group_counts: bool | None = None
    single_parent: float | None = Field(default=None, ge=0)
    threshold: float | None = Field(default=None, ge=0)
    #: A single parent's threshold where it differs (Québec's family allowance).
    threshold_single_parent: float | None = Field(default=None, ge=0)
    rates: Rates | None = None
    zero_at: float | None = Field(default=None, gt=0)
    minimum: Rates | None = None
    single_parent_minimum: float | None = Field(default=None, ge=0)
    threshold2: float | None = Field(default=None, ge=0)
    rates2: Rates | None = None
    bands: list[Band] | None = None
    #: A family supplement by number of children (1, 2, 3, 4 or more; the last repeats), paid when the
    #: family's earned income is above ``working_income_threshold`` and reduced with the rest
    #: (Nunavut's territorial workers' supplement).
    working_supplement: Rates | None = None
    working_income_threshold: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _shape(self) -> ChildBenefitTable:
        if self.none:
            if any(getattr(self, f) is not None for f in ("amounts", "bands", "threshold")):
                raise ValueError("a 'none: true' file has no amounts")
            return self
        if (self.amounts is None) == (self.bands is None):
            raise ValueError("give either 'amounts' (with 'threshold') or 'bands'")
        if self.amounts is not None and self.threshold is None:
            raise ValueError("'amounts' needs a 'threshold'")
        if self.amounts is not None and self.rates is None and self.zero_at is None:
            raise ValueError("'amounts' needs 'rates' or 'zero_at'")
        if (self.threshold2 is None) != (self.rates2 is None) or (self.threshold2 is not None and self.minimum is None):
            raise ValueError("'minimum', 'threshold2' and 'rates2' go together")
        if (self.working_supplement is None) != (self.working_income_threshold is None):
            raise ValueError("'working_supplement' and 'working_income_threshold' go together")
        return self


#: File name -> schema (the province's child benefit is ``child_<code>.yaml``).
SCHEMAS: dict[str, type[CitedTable]] = {
    "ccb": CcbTable,
    "gst_credit": GstCreditTable,
    "cwb": CwbTable,
    "on_sales_tax_credit": SalesTaxCreditTable,
    "on_energy_property_tax_credit": EnergyPropertyTaxCreditTable,
    "bc_renters_credit": RenterCreditTable,
    "qc_solidarity": SolidarityCreditTable,
    "qc_childcare_credit": ChildcareCreditTable,
}
_FOLDER = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def schema_of(name: str) -> type[CitedTable]:
    """The schema of a benefit file by its name: ``ccb``, ``gst_credit``, ``cwb`` or ``child_on``..."""
    if name.startswith("child_") or name == "qc_family_allowance":
        return ChildBenefitTable
    try:
        return SCHEMAS[name]
    except KeyError:
        raise DataFileError(f"unknown benefit file {name!r}") from None


@functools.cache
def periods() -> dict[str, tuple[str, ...]]:
    """Folder ('2025-26' or '2026') -> the benefit files in it."""
    root = data_root() / "benefits"
    found: dict[str, tuple[str, ...]] = {}
    for entry in root.iterdir():
        if entry.is_dir() and _FOLDER.match(entry.name):
            found[entry.name] = tuple(sorted(f.name[:-5] for f in entry.iterdir() if f.name.endswith(".yaml")))
    return dict(sorted(found.items()))


@functools.cache
def load_benefit(period: str, name: str) -> Any:
    """One benefit table: ``period`` is a benefit year ('2025-26') or a calendar year ('2026')."""
    have = periods()
    if period not in have or name not in have[period]:
        where = [p for p, names in have.items() if name in names]
        raise UnknownYearError(
            f"No {name} table for {period}; netpay has it for {', '.join(where) or 'no period'}. "
            "Benefit years run July to June ('2025-26')."
        )
    label = f"data/benefits/{period}/{name}.yaml"
    table = validate(read_yaml(data_root() / "benefits" / period / f"{name}.yaml", label), schema_of(name), label)
    year = int(_FOLDER.match(period).group(1))  # type: ignore[union-attr]
    if table.year != year:
        raise DataFileError(f"{label}: field 'year' is {table.year} but the file is in the {period} folder")
    return table


def clear_cache() -> None:
    """Forget loaded benefit tables (after editing data files in a session)."""
    periods.cache_clear()
    load_benefit.cache_clear()
