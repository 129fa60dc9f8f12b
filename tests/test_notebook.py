"""The tutorial notebook runs from top to bottom without error, and is stored without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

import netpay

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "compare_offers.ipynb"

nbformat = pytest.importorskip("nbformat")


def _read():
    return nbformat.read(NOTEBOOK, as_version=4)


def test_notebook_is_valid_and_stored_without_outputs():
    nb = _read()
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], "clear the notebook's outputs before committing it"
            assert cell.execution_count is None
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_notebook_tells_the_story_and_ends_with_the_first_year_section():
    nb = _read()
    text = "\n".join(c.source for c in nb.cells)
    for city in ("Toronto", "Vancouver", "Montréal"):
        assert city in text
    for call in (
        "netpay.compare(",
        "plot.breakdown(",
        "plot.salary_vs_rent(",
        "plot.marginal_rates(",
        "netpay.equivalent_salary(",
        "rent_basis=basis",
        "bedrooms=bedrooms",
    ):
        assert call in text, call
    heads = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## ")]
    last = nb.cells[heads[-1]]
    assert last.source.startswith("## The first year in Canada")
    section = "\n".join(c.source for c in nb.cells[heads[-1] :])
    for call in ("arrival=ARRIVAL", "first_year.monthly_cash_flow(", "first_year.plot_monthly_cash_flow("):
        assert call in section, call


@pytest.mark.slow
def test_notebook_runs(tmp_path, monkeypatch):
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("MPLBACKEND", "Agg")  # the kernel inherits it: no display needed
    nb = _read()
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError, with the failing cell and traceback, on any error
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    # the kernel ran this interpreter's netpay (the venv's), not another installation
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    edition = netpay.DATA_EDITION
    assert any(edition in str(o.get("data", {}).get("text/plain", "")) for o in outputs)
