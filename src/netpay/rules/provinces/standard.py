"""A province whose employee return is brackets minus credits, nothing more (SK).

Provincial tax = brackets on taxable income - the lowest rate x (basic personal amount + CPP base
contributions + EI premiums).
"""

from __future__ import annotations

from typing import NamedTuple

from netpay.rules.arithmetic import Lines
from netpay.rules.context import TaxContext
from netpay.rules.federal import lines
from netpay.rules.jit import rule
from netpay.rules.provinces import basic_tax, federal_taxable_income
from netpay.tables.taxes import StandardTable


class Params(NamedTuple):
    lines: Lines
    credit_rate: float
    basic_personal_amount: float


def params(table: StandardTable) -> Params:
    return Params(lines(table.schedule), table.effective_credit_rate, table.basic_personal_amount)


@rule
def provincial_tax(ctx: TaxContext, p: Params) -> float:
    """428 form, Parts A-C for an employee: brackets minus non-refundable credits."""
    return basic_tax(ctx, p)


provincial_taxable_income = federal_taxable_income
