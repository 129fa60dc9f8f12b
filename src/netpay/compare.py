"""Version-1 home of ``evaluate``, ``compare`` and their helpers; kept so every name still imports.

The code lives in the scenario layers: :mod:`netpay.lines` (``LINES``), :mod:`netpay.evaluation`
(``Evaluation``), :mod:`netpay.comparison` (``unique_labels``, ``equivalent_salary``),
:mod:`netpay.inverse` (``gross_for_net``) and :mod:`netpay.api` (``evaluate``, ``compare``).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Mapping
from typing import Any

from netpay.api import compare, evaluate
from netpay.citydata import Housing
from netpay.comparison import FIRST_YEAR_VIEWS, equivalent_salary, unique_labels
from netpay.evaluation import Evaluation, YearEvaluation, evaluate_offers
from netpay.inverse import gross_for_net
from netpay.lines import LINES, MONTHLY_LINES
from netpay.offer import Offer

__all__ = [
    "FIRST_YEAR_VIEWS",
    "LINES",
    "MONTHLY_LINES",
    "Evaluation",
    "YearEvaluation",
    "compare",
    "equivalent_salary",
    "evaluate",
    "evaluate_many",
    "gross_for_net",
    "unique_labels",
]


def evaluate_many(
    offers: Iterable[Offer],
    year: int,
    bedrooms: int = 1,
    rent_basis: str = "asking",
    rent: float | None = None,
    other_costs: Mapping[str, float] | None = None,
) -> list[Evaluation]:
    """Several offers evaluated for a full ``year`` (version-1 keywords of
    :func:`netpay.evaluation.evaluate_offers`); offers in one province go through the engine together."""
    return evaluate_offers(offers, year, Housing(bedrooms, rent_basis, rent, other_costs))


class _CallableModule(types.ModuleType):
    """This module, callable as :func:`compare`.

    ``netpay.compare`` names both this module and the function. Importing the module (``from
    netpay.compare import LINES``) binds the package attribute ``netpay.compare`` to the module;
    calling the module calls the function, so ``netpay.compare(offers, ...)`` works either way.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
