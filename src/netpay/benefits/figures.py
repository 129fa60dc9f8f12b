"""Each figure a household's benefit line rests on that is not verified, named by file and field
('data/benefits/2026-27/ccb.yaml: max_under_6 (unverified)'): what ``strict=True`` with a household
refuses, beside the tax-table figures (see :func:`netpay.status.require_verified`)."""

from __future__ import annotations

from netpay.benefits.base import table_for
from netpay.tables.benefits import benefit_year_name, load_benefit, periods
from netpay.tables.status import TableFigure, field_status

#: A benefit line's files where they are not the line's key.
FILES: dict[str, tuple[str, ...]] = {
    "child_qc": ("qc_family_allowance",),
    "on_trillium": ("on_sales_tax_credit", "on_energy_property_tax_credit"),
}


def benefit_files(key: str) -> tuple[str, ...]:
    """The benefit files (names under ``data/benefits/<period>/``) a benefit line ``key`` reads."""
    return FILES.get(key, (key,))


def year_periods(name: str, year: int) -> tuple[str, ...]:
    """The periods a calendar ``year``'s payments of ``name`` come from: the two benefit years it
    straddles (January-June, July-December), or the calendar year itself."""
    if any(name in files and "-" in p for p, files in periods().items()):
        return (benefit_year_name(year - 1), benefit_year_name(year))
    return (str(year),)


def flagged_benefit_figures(key: str, year: int) -> tuple[TableFigure, ...]:
    """Each figure of the tables benefit line ``key`` uses in calendar ``year`` that is not verified;
    a figure of another period standing in for a missing one is 'projected'. A benefit netpay has no
    table for is one unverified figure ('benefit child_nu: not modelled')."""
    out: list[TableFigure] = []
    for name in benefit_files(key):
        if not any(name in files for files in periods().values()):
            out.append(TableFigure(f"benefit {key}", "not modelled", "unverified"))
            continue
        for period in year_periods(name, year):
            kind = "benefit year" if "-" in period else "calendar year"
            found = table_for(name, period, kind=kind)
            borrowed = found.period != period
            label = f"data/benefits/{found.period}/{name}.yaml" + (f" standing in for {period}" if borrowed else "")
            for field, given in load_benefit(found.period, name).sources.items():
                if field == "name":  # the benefit's name, not a figure
                    continue
                status = "projected" if borrowed else field_status(given if isinstance(given, list) else [given])
                if status != "verified":
                    out.append(TableFigure(label, field, status))
    return tuple(dict.fromkeys(out))
