"""Where citydata's files are: ``data/cities.yaml``, ``data/rent/``, ``data/costs/``."""

from __future__ import annotations

from importlib.abc import Traversable

from netpay import tables


def data_file(relative: str) -> Traversable:
    """The shipped data file ``data/<relative>`` ('rent/rents.csv'), wherever netpay's data folder is.

    Like :func:`netpay.tables.data_file`, but ``netpay.tables.data_root`` is looked up on each call, so
    a test (or a user) can point citydata at a folder of their own by replacing that one function.
    """
    file = tables.data_root()
    for part in relative.split("/"):
        file = file / part
    return file
