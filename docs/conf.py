"""Sphinx configuration for netpay's documentation (MyST Markdown + myst-nb).

Pages built from the data (figures, coverage, worked examples, command help, the tutorial notebook)
are written into ``docs/_generated/`` by the ``netpay_docs`` extension (``docs/_ext/``) at the start
of every build, so they cannot go stale.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))  # the source tree, should netpay not be installed

import netpay  # noqa: E402

project = "netpay"
author = "netpay contributors"
copyright = "2026, netpay contributors"  # noqa: A001
version = release = netpay.__version__

extensions = [
    "myst_nb",  # includes myst_parser
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "netpay_docs",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = [
    "_build",
    "_generated/fragments/**",
    "jupyter_execute",
    "**.ipynb_checkpoints",
    ".gitignore",
]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The tutorial notebook is stored without outputs and executed by the test suite
# (tests/test_notebook.py). Here it is executed while building, so the rendered tutorial shows its
# tables and charts; NETPAY_DOCS_EXECUTE=off builds without running it.
nb_execution_mode = os.environ.get("NETPAY_DOCS_EXECUTE", "force")
nb_execution_timeout = 180
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_kernel_rgx_aliases = {".*": "python3"}

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = True

html_theme = "alabaster"
html_title = f"netpay {release}"
html_static_path = ["_static"]
html_theme_options = {"description": "What a Canadian job offer is really worth", "fixed_sidebar": True}

suppress_warnings = ["mystnb.unknown_mime_type"]
