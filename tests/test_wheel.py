"""The wheel carries the data: build it, install it in a clean virtual environment outside the
repository, and load every table (and the rent data) from the installed package."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CHECK = textwrap.dedent(
    """
    import netpay, netpay.tables as t
    root = str(t.data_root())
    assert "site-packages" in root, root
    n = 0
    for year, names in t.available().items():
        for name in names:
            t.load(year, name); n += 1
    assert n >= 18, n
    r = netpay.take_home(140_000, "ON", 2026)
    print("tables", n, "net", round(float(r.net_income[0]), 2), "root", root)
    """
)


@pytest.mark.slow
def test_wheel_installs_and_loads_every_table(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(REPO)],
        check=True,
        cwd=tmp_path,
    )
    wheels = list(dist.glob("netpay-*.whl"))
    assert len(wheels) == 1, wheels
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheels[0])], check=True, cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = subprocess.run([str(py), "-c", CHECK], check=True, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert "net 98660.85" in out.stdout, out.stdout
