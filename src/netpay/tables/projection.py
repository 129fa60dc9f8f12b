"""Projected tax years: a table for a year netpay ships no data for, built from the last shipped year.

Each figure that ``data/indexation/indexed.yaml`` lists as indexed grows year by year by its index's
factor (published, set by law, or assumed: ``netpay.tables.indexation.step``) and is rounded as the
statute says, each year; legislated steps (Saskatchewan's $500) are added; derived figures (YAMPE =
1.14 x YMPE) are recomputed; everything else (rates, Ontario's $150,000 / $220,000 thresholds, the
Health Premium, PEI's amounts) is held. Every field's source is a projected ``Source`` whose note
gives the basis, e.g. "2026 figure x 1.0200 (assumed), rounded to the nearest dollar".
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from netpay.errors import DataFileError
from netpay.tables.indexation import Indexing, Step, grow, indexing, round_to, step
from netpay.tables.schema import Source

#: Words for each rounding, in a basis note.
ROUNDING_WORDS = {
    "dollar": "rounded to the nearest dollar",
    "five": "rounded to the nearest $5",
    "up5": "rounded up to the $5",
    "down100": "rounded down to the $100",
    "down500": "rounded down to the $500",
}

#: The address every projected figure cites: the methodology page.
METHOD_HREF = "doc:methodology/projection"

StepFn = Callable[[str, int], Step]


def leaves(raw: Any, prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(dotted path, container, key) of every number in a data file's figures (not its sources)."""
    items = raw.items() if isinstance(raw, dict) else enumerate(raw) if isinstance(raw, list) else ()
    for k, v in items:
        if not prefix and k in ("jurisdiction", "year", "sources", "notes"):
            continue
        path = f"{prefix}{k}"
        if isinstance(v, dict | list):
            yield from leaves(v, path + ".")
        elif isinstance(v, int | float) and not isinstance(v, bool):
            yield path, raw, k


def matches(pattern: str, path: str) -> bool:
    """Whether a dotted ``path`` matches ``pattern``; ``*`` matches one segment, a final ``*`` the rest."""
    p, q = pattern.split("."), path.split(".")
    if p[-1] == "*" and len(q) >= len(p):
        q = q[: len(p) - 1] + ["*"]
    return len(p) == len(q) and all(a in ("*", b) for a, b in zip(p, q, strict=True))


def classify(entry: Indexing, path: str, key: str, strict: bool = False) -> tuple[str, Any, str]:
    """How ``path`` of table ``key`` moves: ('indexed', rounding), ('derived', Derived) or ('held',
    reason), with the pattern of ``indexed.yaml`` that names it.

    Every figure must say how it is indexed: one the indexation data does not name is an error with
    ``strict`` (the tests), else held and said so (a new field merged before its indexation entry).
    """
    for pattern, rounding in entry.indexed.items():
        if matches(pattern, path):
            return "indexed", rounding, pattern
    if path in entry.derived:
        return "derived", entry.derived[path], path
    for pattern, reason in entry.held.items():
        if matches(pattern, path):
            return "held", reason, pattern
    if not strict:
        return "held", "not named in data/indexation/indexed.yaml, so held (add it there)", path
    raise DataFileError(
        f"data/indexation/indexed.yaml: {key}: figure {path!r} is neither indexed nor held; "
        "add it under 'indexed' (with its rounding) or 'held' (with the reason)"
    )


def _get(raw: dict[str, Any], path: str) -> Any:
    node: Any = raw
    for part in path.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _has(raw: dict[str, Any], path: str) -> bool:
    try:
        _get(raw, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _set(raw: dict[str, Any], path: str, value: float) -> None:
    *head, last = path.split(".")
    node: Any = raw
    for part in head:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[int(last) if isinstance(node, list) else last] = value


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def step_once(raw: dict[str, Any], key: str, year: int, steps: StepFn) -> dict[str, str]:
    """Move ``raw`` (a table of ``year - 1``, edited in place) to ``year``; returns each indexed or
    derived path's description of this year's step ("x 1.0200 (assumed)")."""
    entry = indexing()[key]
    done: dict[str, str] = {}
    for path, container, k in list(leaves(raw)):
        kind, how, _ = classify(entry, path, key)
        if kind != "indexed" or entry.index is None:
            continue
        s = steps(entry.index, year)
        value = round_to(grow(container[k], s.rate), how)
        added = entry.additions[path].years.get(year, 0.0) if path in entry.additions else 0.0
        container[k] = _whole(value + added)
        done[path] = f"x {s.describe()}" + (f" + {added:,.0f} (legislated)" if added else "")
    for path, d in entry.derived.items():
        if path not in done and not _has(raw, path):
            continue  # a figure this year's table does not have (a new field)
        _set(raw, path, _whole(round_to(d.times * float(_get(raw, d.of)), d.rounding)))
        done[path] = f"= {d.times:g} x {d.of}"
    return done


def _basis(key: str, raw: dict[str, Any], base_year: int, history: list[dict[str, str]]) -> dict[str, str]:
    """One basis note per top-level field: how each of its figures was obtained from ``base_year``'s."""
    entry = indexing()[key]
    notes: dict[str, dict[str, list[str]]] = {}
    for path, _, _ in leaves(raw):
        kind, how, pattern = classify(entry, path, key)
        field = path.split(".")[0]
        if kind == "indexed":
            chain = " ".join(h[path] for h in history)
            text = f"{base_year} figure {chain}, {ROUNDING_WORDS[how]} each year"
        elif kind == "derived":
            text = f"{how.times:g} x {how.of} of the same year, {ROUNDING_WORDS[how.rounding]}"
        else:
            text = f"held at {base_year}: {how}"
        names = notes.setdefault(field, {}).setdefault(text, [])
        if pattern not in names:
            names.append(pattern)
    return {
        field: "; ".join(f"{', '.join(paths)}: {text}" for text, paths in groups.items())
        for field, groups in notes.items()
    }


def project_raw(
    base: dict[str, Any], key: str, base_year: int, year: int, steps: StepFn = step
) -> tuple[dict[str, Any], dict[str, str]]:
    """The figures of ``year`` projected from ``base`` (the parsed file of ``base_year``) and a basis
    note per field. ``steps(index, year)`` gives each year's factor (default: published, law or assumed)."""
    if year <= base_year:
        raise ValueError(f"can only project forward: {year} is not after {base_year}")
    raw = copy.deepcopy({k: v for k, v in base.items() if k not in ("sources", "notes")})
    history = [step_once(raw, key, y, steps) for y in range(base_year + 1, year + 1)]
    raw["year"] = year
    return raw, _basis(key, raw, base_year, history)


def projected_sources(notes: dict[str, str], base_year: int, year: int, retrieved: dt.date) -> dict[str, Source]:
    """A projected ``Source`` per field, its note the basis (``Source.status`` is 'projected')."""
    return {
        field: Source(
            title=f"netpay projection of the {base_year} figure to {year} (indexation; see the methodology)",
            href=METHOD_HREF,
            retrieved=retrieved,
            verified=False,
            projected=True,
            note=note,
        )
        for field, note in notes.items()
    }


def basis_summary(base_year: int, year: int) -> str:
    """One line for a result's ``attrs['projection']``: what a projected year's figures rest on."""
    from netpay.tables.indexation import current, factors

    a, f = current(), factors()
    wages = a.wage_growth if a.wage_growth is not None else f.wage_growth.rate
    user = ", ".join(f"{k} {v:.2%}" for k, v in a.indexation)
    return (
        f"{year} projected from the {base_year} tables: published indexation factors where known, else "
        f"{f.assumption.rate:.1%} a year assumed"
        + (f" (set by netpay.assume: {user})" if user else "")
        + f"; wage growth {wages:.1%} assumed for the YMPE and EI maximum; rates held at {base_year}'s"
    )
