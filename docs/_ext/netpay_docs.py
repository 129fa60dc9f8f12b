"""Sphinx extension: write the pages that come from netpay's data files, at build time.

On ``builder-inited`` it writes Markdown into ``docs/_generated/`` (git-ignored), so the figures,
coverage tables, worked examples and command help in the docs are always those of the data and
code being documented:

- ``fragments/figures/<key>.md``: every figure of a jurisdiction's tables, one column per year, with
  the sources of the latest year (included by the methodology pages);
- ``fragments/examples/<key>.md``: a worked example computed by netpay's own rule functions, checked
  against ``netpay.take_home`` (the build fails if they disagree);
- ``methodology/<code>.md``: a page for each province or territory without a hand-written one;
- ``coverage.md``: tax years x jurisdictions, and cities x bedrooms x rent basis with periods and
  sources;
- ``fragments/cli.md``: ``netpay --help`` and each command's help;
- ``compare_offers.ipynb``: a copy of ``notebooks/compare_offers.ipynb`` (the tutorial).

A file is rewritten only when its text changes, so incremental builds stay incremental.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

DOCS = Path(__file__).resolve().parents[1]
REPO = DOCS.parent
OUT = DOCS / "_generated"
FRAGMENTS = OUT / "fragments"

#: Jurisdictions with a hand-written methodology page in docs/methodology/ (file stem -> table key).
HAND_WRITTEN = {"federal": "federal", "payroll": "payroll", "on": "ON", "bc": "BC", "qc": "QC", "ab": "AB"}

#: Incomes of the worked examples: one where low-income rules bite, the offer of the tutorial.
EXAMPLE_INCOMES = (35_000.0, 140_000.0)


# --------------------------------------------------------------------------- small Markdown helpers


def esc(text: Any) -> str:
    """Text safe inside a Markdown table cell or list item."""
    s = " ".join(str(text).split())
    for ch in "\\`*_[]<>|$":
        s = s.replace(ch, "\\" + ch)
    return s


def money(v: float, cents: bool = False) -> str:
    s = f"{abs(v):,.2f}" if cents else f"{abs(v):,.0f}"
    return f"-${s}" if v < 0 else f"${s}"


def pct(v: float) -> str:
    s = f"{v * 100:.4f}".rstrip("0").rstrip(".")
    return f"{s}%"


def table(header: list[str], rows: Iterable[list[str]], align: str | None = None) -> str:
    rows = list(rows)
    align = align or ("l" + "r" * (len(header) - 1))
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(marks[a] for a in align) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- figures of a table


def _is_rate(key: str, value: float) -> bool:
    last = key.rsplit(".", 1)[-1]
    return "rate" in last or last in ("quebec_abatement",) or (0 < value < 1 and "amount" not in last)


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return pct(float(value)) if _is_rate(key, float(value)) else money(float(value))
    return esc(value)


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else k, v, out)
    elif isinstance(value, list) and value and isinstance(value[0], dict) and "from" in value[0]:
        if set(value[0]) == {"from", "rate"}:
            out[prefix] = "; ".join(f"{pct(r['rate'])} from {money(r['from'])}" for r in value)
        else:
            for i, row in enumerate(value, start=1):
                _flatten(f"{prefix}[{i}]", row, out)
    elif isinstance(value, list):
        out[prefix] = ", ".join(map(str, value))
    else:
        out[prefix] = value


def figures(key: str) -> str:
    """Every figure of ``key``'s tables, one column per year, then the latest year's sources."""
    from netpay import tables

    years = [y for y, have in tables.available().items() if key in have]
    if not years:
        return "netpay ships no table for this jurisdiction yet.\n"
    dumps = {
        y: tables.load(y, key).model_dump(by_alias=True, exclude={"sources", "notes", "jurisdiction", "year"})
        for y in years
    }
    brackets = {y: d.pop("brackets", None) for y, d in dumps.items()}
    parts = []
    if any(brackets.values()):
        depth = max(len(b or []) for b in brackets.values())
        rows = []
        for i in range(depth):
            row = [str(i + 1)]
            for y in years:
                b = brackets[y] or []
                row.append(f"{pct(b[i]['rate'])} from {money(b[i]['from'])}" if i < len(b) else "—")
            rows.append(row)
        parts.append(
            "**Brackets** (rate on taxable income from each threshold up to the next)\n\n"
            + table(["bracket", *map(str, years)], rows)
        )
    flat = {}
    for y, d in dumps.items():
        f: dict[str, Any] = {}
        _flatten("", d, f)
        flat[y] = f
    names = list(dict.fromkeys(k for y in years for k in flat[y]))
    # a block absent in early years (None) but present later is shown by its sub-figures only
    names = [
        n
        for n in names
        if not (all(flat[y].get(n) is None for y in years) and any(m.startswith(n + ".") for m in names))
    ]
    if names:
        rows = [[f"`{n}`", *(_fmt(n, flat[y].get(n)) for y in years)] for n in names]
        parts.append("**Other figures**\n\n" + table(["figure", *map(str, years)], rows))
    latest = years[-1]
    src_lines = []
    for field, items in tables.sources(latest, key).items():
        for s in items:
            mark = "seen in the source" if s.verified else "**not verified** in the source"
            if s.enactment:
                mark += f"; **{esc(s.enactment)}**"
            note = f" — {esc(s.note)}" if s.note else ""
            src_lines.append(f"- `{field}`: [{esc(s.title)}]({s.href}) (read {s.retrieved}; {mark}){note}")
    notes = tables.load(latest, key).notes
    parts.append(
        f"**Sources ({latest})**, from `data/tax_tables/{latest}/{key.lower()}.yaml`:\n\n" + "\n".join(src_lines) + "\n"
    )
    if notes:
        parts.append(f"**Notes in the {latest} file**\n\n" + "\n".join(f"- {esc(n)}" for n in notes) + "\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------- worked examples


def _context(income: float, year: int, province: str) -> tuple[Any, Any]:
    """The TaxContext the engine builds for one income (full-year resident), and the Ruleset."""
    from netpay.engine import Ruleset, compute
    from netpay.rules.context import TaxContext

    t = Ruleset.load(province, year)
    r = compute(np.array([float(income)]), t)
    net = float(r.net_income_23600[0])
    ctx = TaxContext(
        float(income),
        float(income),
        0.0,
        net,
        net,
        float(r.cpp_base[0]),
        float(r.cpp_enhanced[0]),
        float(r.ei[0]),
        float(r.qpip[0]),
        0.0,
        1.0,
        True,
    )
    return ctx, t


Step = tuple[str, Callable[[Any, Any], Any], str]


def _example(title: str, province: str, steps: list[Step], check: str | None, year: int) -> str:
    """A table of steps (label, value function, rule) at each example income, checked against take_home."""
    from netpay import take_home

    cols = []
    for income in EXAMPLE_INCOMES:
        ctx, t = _context(income, year, province)
        values = [float(np.asarray(fn(ctx, t)).ravel()[0]) for _, fn, _ in steps]
        if check is not None:
            expected = float(take_home(income, province, year)[check].iloc[0])
            if abs(values[-1] - expected) > 0.006:
                raise RuntimeError(f"docs worked example {title} at {income}: {values[-1]} != take_home {expected}")
        cols.append(values)
    rows = []
    for i, (label, _, rule) in enumerate(steps):
        rows.append([esc(label), *(money(c[i], cents=True) for c in cols), esc(rule)])
    head = ["step", *(f"at {money(x)}" for x in EXAMPLE_INCOMES), "rule"]
    checked = (
        (
            f' The last line equals `netpay.take_home(income, "{province}", {year})["{check}"]` '
            "(checked when these docs are built)."
        )
        if check
        else ""
    )
    return (
        f"Employment income only, resident all year, {year} tables. Amounts are per year, "
        f"before rounding to the cent where the line is an intermediate figure.{checked}\n\n"
        + table(head, rows, align="l" + "r" * len(EXAMPLE_INCOMES) + "l")
    )


def _examples(year: int) -> dict[str, str]:
    from netpay.rules import federal as fed
    from netpay.rules.arithmetic import bracket_tax
    from netpay.rules.provinces import basic_provincial_tax, credit_amounts

    out: dict[str, str] = {}

    def personal(ctx: Any, t: Any) -> Any:
        return ctx.residence_fraction * t.params.basic_personal_amount

    def prov_credits(ctx: Any, t: Any) -> Any:
        return credit_amounts(personal(ctx, t), ctx)

    def prov_brackets(ctx: Any, t: Any) -> Any:
        return bracket_tax(ctx.taxable_income, t.params.lines)

    def prov_basic(ctx: Any, t: Any) -> Any:
        return basic_provincial_tax(ctx, t.params.lines, t.params.credit_rate, prov_credits(ctx, t))

    common: list[Step] = [
        ("Employment income", lambda c, t: c.employment_income, "T1 line 10100"),
        ("Taxable income", lambda c, t: c.taxable_income, "line 26000 = income - line 22215"),
        ("Tax by the brackets", prov_brackets, "428 form, Part A"),
        ("Credit amounts: BPA + CPP base + EI", prov_credits, "428 lines 58040, 58240, 58300"),
        ("Basic tax: brackets - lowest rate x credits", prov_basic, "not below zero"),
    ]

    # payroll, shown for Ontario (CPP) and Québec (QPP)
    def pay_steps(plan: str) -> list[Step]:
        return [
            ("Pensionable earnings", lambda c, t: c.employment_income, "T4 box 26"),
            (
                f"{plan} base part",
                lambda c, t: c.pension_base,
                "base rate x (earnings up to YMPE - basic exemption): a credit",
            ),
            (
                f"{plan} first additional + {plan}2",
                lambda c, t: c.pension_enhanced,
                "deducted from income, line 22215",
            ),
            (f"{plan} + {plan}2, total", lambda c, t: c.pension_base + c.pension_enhanced, ""),
            ("EI premiums", lambda c, t: c.ei, "rate x insurable earnings up to the maximum"),
            ("QPIP premiums", lambda c, t: c.qpip, "Québec only"),
            ("Total contributions", lambda c, t: c.pension_base + c.pension_enhanced + c.ei + c.qpip, ""),
        ]

    out["payroll"] = (
        "**Outside Québec (Ontario)**\n\n"
        + _example("payroll ON", "ON", pay_steps("CPP"), None, year)
        + "\n**In Québec**\n\n"
        + _example("payroll QC", "QC", pay_steps("QPP"), None, year)
    )

    def fed_steps(quebec: bool) -> list[Step]:
        steps: list[Step] = [
            ("Taxable income", lambda c, t: c.taxable_income, "line 26000"),
            (
                "Tax by the brackets",
                lambda c, t: bracket_tax(c.taxable_income, t.common.federal.lines),
                "Schedule 1, Part A",
            ),
            (
                "Basic personal amount",
                lambda c, t: fed.basic_personal_amount(c, t.common.federal),
                "line 30000, phased down on net income",
            ),
            (
                "Canada employment amount",
                lambda c, t: fed.canada_employment_amount(
                    c.employment_income, t.common.federal.canada_employment_amount
                ),
                "line 31260",
            ),
            (
                "All credit amounts",
                lambda c, t: fed.credit_amounts(c, t.common.federal),
                "line 33500: BPA + CEA + CPP/QPP base + EI + QPIP",
            ),
            (
                "Basic federal tax",
                lambda c, t: fed.basic_federal_tax(c, t.common.federal),
                "brackets - credit rate x credits",
            ),
        ]
        if quebec:
            steps.append(
                (
                    "Québec abatement",
                    lambda c, t: fed.quebec_abatement(fed.basic_federal_tax(c, t.common.federal), t.common.federal),
                    "line 44000",
                )
            )
        steps.append(("Federal tax", lambda c, t: fed.federal_tax(c, t.common.federal), ""))
        return steps

    out["federal"] = (
        "**Outside Québec (Ontario)**\n\n"
        + _example("federal", "ON", fed_steps(False), "federal_tax", year)
        + "\n**In Québec**\n\n"
        + _example("federal QC", "QC", fed_steps(True), "federal_tax", year)
    )

    from netpay.rules.provinces import ab, bc, on, qc

    def on_tax(c: Any, t: Any) -> Any:
        return on.provincial_tax(c, t.params)

    out["ON"] = _example(
        "ON",
        "ON",
        [
            *common,
            (
                "Surtax",
                lambda c, t: on.ontario_surtax(on.ontario_basic_tax(c, t.params), t.params.surtax),
                "ON428 Part C",
            ),
            (
                "Ontario tax reduction",
                lambda c, t: on.ontario_tax_reduction(
                    (b := on.ontario_basic_tax(c, t.params)) + on.ontario_surtax(b, t.params.surtax),
                    t.params.tax_reduction,
                ),
                "ON428 Part C",
            ),
            (
                "LIFT credit (before the cap at the tax left)",
                lambda c, t: on.lift_credit(c, t.params.lift),
                "ON428-A",
            ),
            (
                "Ontario Health Premium",
                lambda c, t: on.ontario_health_premium(c.taxable_income, t.params.health_premium),
                "ON428 Part D",
            ),
            ("Ontario tax", on_tax, "basic + surtax - reduction - LIFT + premium"),
        ],
        "provincial_tax",
        year,
    )

    out["BC"] = _example(
        "BC",
        "BC",
        [
            *common,
            (
                "BC tax reduction",
                lambda c, t: bc.bc_tax_reduction(c.net_income, t.params.tax_reduction),
                "BC428 Part C",
            ),
            ("BC tax", lambda c, t: bc.provincial_tax(c, t.params), "basic - reduction, not below zero"),
        ],
        "provincial_tax",
        year,
    )

    out["AB"] = _example(
        "AB",
        "AB",
        [
            *common,
            (
                "Supplemental tax credit",
                lambda c, t: ab.supplemental_tax_credit(prov_credits(c, t), t.params.supplemental_credit),
                "2% of credit amounts over the threshold",
            ),
            ("Alberta tax", lambda c, t: ab.provincial_tax(c, t.params), "basic - supplemental credit"),
        ],
        "provincial_tax",
        year,
    )

    out["QC"] = _example(
        "QC",
        "QC",
        [
            ("Employment income", lambda c, t: c.employment_income, "TP-1 line 101"),
            (
                "Deduction for workers",
                lambda c, t: qc.deduction_for_workers(c.employment_income, t.params.deduction_for_workers),
                "line 201",
            ),
            ("QPP additional + QPP2 deduction", lambda c, t: c.pension_enhanced, "line 248"),
            ("Québec taxable income", lambda c, t: qc.provincial_taxable_income(c, t.params), "line 299"),
            (
                "Tax by the brackets",
                lambda c, t: bracket_tax(qc.provincial_taxable_income(c, t.params), t.params.lines),
                "line 401",
            ),
            (
                "Basic personal amount x credit rate",
                lambda c, t: t.params.credit_rate * c.residence_fraction * t.params.basic_personal_amount,
                "line 350 x rate",
            ),
            ("Québec tax", lambda c, t: qc.provincial_tax(c, t.params), "line 432, not below zero"),
        ],
        "provincial_tax",
        year,
    )
    return out


def generic_example(code: str, year: int) -> str:
    """For a jurisdiction without a hand-written page: take_home's lines at the example incomes."""
    from netpay import take_home

    frame = take_home(list(EXAMPLE_INCOMES), code, year)
    labels = {
        "income": "Employment income",
        "cpp": "CPP + CPP2",
        "ei": "EI premiums",
        "taxable_income": "Taxable income",
        "federal_tax": "Federal tax",
        "provincial_tax": "Provincial or territorial tax",
        "payroll_tax": "Territorial payroll tax",
        "net_income": "Net income",
        "monthly_net_income": "Net income per month",
        "average_rate": "Average rate",
        "marginal_rate": "Marginal rate",
    }
    rows = []
    for col, label in labels.items():
        vals = frame[col].to_numpy()
        if col == "payroll_tax" and not vals.any():
            continue  # only NT and NU have one
        rows.append([label, *((pct(v) if col.endswith("rate") else money(v, cents=True)) for v in vals)])
    return f'`netpay.take_home([35_000, 140_000], "{code}", {year})`:\n\n' + table(
        ["line", *(f"at {money(x)}" for x in EXAMPLE_INCOMES)], rows
    )


# --------------------------------------------------------------------------- generated pages


def methodology_page(code: str) -> str:
    import importlib

    from netpay import tables
    from netpay.jurisdictions import NAMES
    from netpay.rules.provinces import MODULES

    name = NAMES[code]
    years = [y for y, have in tables.available().items() if code in have]
    module = MODULES[code]
    try:
        doc = (importlib.import_module(module).__doc__ or "").strip()
    except ImportError:
        doc = ""
    lines = [
        f"# {name} ({code})\n",
        "This page is generated from the data files and the code; it has no hand-written walk-through yet.\n",
    ]
    if doc:
        lines.append(f"The rules are in `{module}`, whose description reads:\n")
        lines.append("```text\n" + doc + "\n```\n")
    if not years:
        lines.append(
            f'netpay ships **no tax table for {name} yet**: `netpay.take_home(..., "{code}")` '
            "raises an error naming the years it has. See the [coverage](../../coverage.md) page.\n"
        )
        return "\n".join(lines)
    lines.append("## Figures and sources\n")
    lines.append(figures(code))
    lines.append("## Worked example\n")
    lines.append(generic_example(code, years[-1]))
    return "\n".join(lines)


def coverage() -> str:
    from netpay import citydata as cities
    from netpay import tables
    from netpay.coverage import coverage_table
    from netpay.jurisdictions import NAMES

    frame = coverage_table()
    cols = [str(c) for c in frame.columns]
    rows = [[str(y), *(str(v) for v in frame.loc[y])] for y in frame.index]
    out = [
        "# Data coverage\n",
        f"Generated from the data files of netpay's data edition **{tables.DATA_EDITION}** when these docs "
        "were built.\n",
        "## Tax tables: years x jurisdictions\n",
        "`yes`: `data/tax_tables/<year>/<jurisdiction>.yaml` exists and every figure in it was seen in its "
        "cited source; `yes (n unverified)`: n of its sources are marked `verified: false` (read in a "
        "secondary source); `no`: netpay has no table, and `take_home` raises an error saying which years "
        "it has. The same table is in the README (`netpay.coverage`). `netpay tables --sources ON` lists a "
        "file's sources.\n",
        table(["year", *cols], rows, align="l" + "c" * len(cols)),
        "\nCodes: " + ", ".join(f"{c} {NAMES[c]}" for c in NAMES) + ".\n",
        "## Rent: cities x bedrooms x basis\n",
        "Monthly rent of an apartment, the latest period netpay has for each cell (0 = bachelor, "
        "3 = three or more bedrooms). **asking**: Statistics Canada quarterly asking rents (what a newcomer "
        "signs today; the default). **average**: CMHC Rental Market Survey average of occupied purpose-built "
        "units (includes long-time tenants under rent control). — means netpay has no figure and will say "
        "so rather than invent one.\n",
    ]
    rents = cities.rents()
    registry = cities.cities()
    head = ["city", "province"] + [f"{b} {n}" for b in cities.BASES for n in cities.BEDROOMS]
    rows = []
    for _, c in registry.iterrows():
        row = [esc(c["name"]), c["province"]]
        for b in cities.BASES:
            for n in cities.BEDROOMS:
                sel = rents[(rents.city == c["name"]) & (rents.basis == b) & (rents.bedrooms == n)]
                if sel.empty:
                    row.append("—")
                else:
                    r = cities.rent(c["name"], n, b)
                    row.append(f"{money(r.amount)} ({r.period})")
        rows.append(row)
    out.append(table(head, rows, align="ll" + "r" * 8))
    out.append("\n### Rent sources\n")
    seen = rents.drop_duplicates(["basis", "source", "url"])
    for _, r in seen.iterrows():
        n = int(((rents.source == r.source) & (rents.basis == r.basis)).sum())
        ver = int(((rents.source == r.source) & (rents.basis == r.basis) & rents.verified.astype(bool)).sum())
        out.append(
            f"- **{r.basis}**: [{esc(r.source)}]({r.url}) — {n} figures, read {r.retrieved}, "
            f"{ver} of them seen on the source's own site (see `data/rent/README.md`)."
        )
    costs = cities.costs()
    if not costs.empty:
        out.append("\n## Other monthly costs\n")
        crow = [
            [
                esc(r.city),
                esc(r.item),
                money(r.monthly, cents=True),
                esc(r.period),
                f"[{esc(r.source)}]({r.url})",
                "yes" if r.verified else "no",
            ]
            for r in costs.itertuples()
        ]
        out.append(table(["city", "item", "per month", "period", "source", "seen in source"], crow, align="llrlll"))
    return "\n".join(out) + "\n"


def cli_help() -> str:
    from netpay import cli

    parts = []
    for argv, title in [
        (["--help"], "netpay"),
        *[([c, "--help"], f"netpay {c}") for c in ("take-home", "tables", "cities", "compare", "cash-flow")],
    ]:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            cli.main(argv)
        parts.append(f"## `{title}`\n\n```text\n{buf.getvalue().rstrip()}\n```\n")
    return "\n".join(parts)


def generate(app: Any = None) -> None:
    """Write every generated page (see the module docstring)."""
    from netpay import tables
    from netpay.jurisdictions import NAMES

    latest = tables.years()[-1]
    for stem, key in HAND_WRITTEN.items():
        write(FRAGMENTS / "figures" / f"{stem}.md", figures(key))
    for key, text in _examples(latest).items():
        write(FRAGMENTS / "examples" / f"{key.lower()}.md", text)
    wanted = {f"{c.lower()}.md" for c in NAMES if c.lower() not in HAND_WRITTEN}
    for code in NAMES:
        if code.lower() not in HAND_WRITTEN:
            write(OUT / "methodology" / f"{code.lower()}.md", methodology_page(code))
    for stale in (OUT / "methodology").glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    write(OUT / "coverage.md", coverage())
    write(FRAGMENTS / "cli.md", cli_help())
    nb = REPO / "notebooks" / "compare_offers.ipynb"
    target = OUT / "compare_offers.ipynb"
    if nb.exists() and (not target.exists() or target.read_bytes() != nb.read_bytes()):
        shutil.copyfile(nb, target)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":  # python docs/_ext/netpay_docs.py: write the pages without building
    generate()
    print(f"wrote {OUT}")
