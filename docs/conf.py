"""Sphinx configuration for the frpolicy documentation."""

from __future__ import annotations

import datetime as dt
import sys
from importlib import metadata as _metadata
from pathlib import Path

# The documentation's own extension lives beside this file; the law pages' is shipped.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project information ------------------------------------------------------

project = "frpolicy"
author = "The frpolicy authors"
copyright = f"{dt.datetime.now(tz=dt.UTC).year}, {author}"

try:
    release = _metadata.version("frpolicy")
except _metadata.PackageNotFoundError:
    release = "0.1.0.dev0"
version = ".".join(release.split(".")[:2])

# -- General configuration ----------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "myst_parser",
    "sphinx_copybutton",
    "frpolicy.sphinx",
    "frpolicy_docs",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
# The law pages (frpolicy.sphinx) link to the guides and the reference that only these
# pages have; a jurisdiction's own documentation leaves this off.
frpolicy_documentation_links = True
# Terms of the glossary can be linked from any page with {term}`warrant`.
myst_heading_anchors = 3

napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

autodoc_typehints = "description"
autodoc_member_order = "bysource"

# Other projects' names link to their documentation through inventories kept in the
# repository (scripts/inventories.py writes them), so the build never needs a network.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/stable/", "_inventories/attrs.inv"),
    "cattrs": ("https://catt.rs/en/stable/", "_inventories/cattrs.inv"),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", "_inventories/hypothesis.inv"),
    "holidays": ("https://holidays.readthedocs.io/en/latest/", "_inventories/holidays.inv"),
}
intersphinx_timeout = 1

# Every cross-reference must resolve; only names no documentation defines are let through.
# With -W this checks every internal link too: a role ({doc}, {class}...) or a Markdown link
# to a page or heading that does not exist fails the build, so no linkcheck run is needed
# (linkcheck's purpose, the external links, needs a network the build does without).
nitpicky = True
nitpick_ignore_regex = [
    (r"py:(class|obj)", r"(frpolicy\.[a-z_.]+\.)?T"),
    # frpolicy.strategies annotates with Hypothesis's customary alias `st`.
    (r"py:class", r"st\..*"),
    # autodoc leaves a class's constructor annotations as written: `Path`, not pathlib.Path
    (r"py:class", r"(Path|datetime|ZoneInfo)"),
    # frpolicy.sphinx's setup takes Sphinx's application; no inventory of Sphinx is kept
    (r"py:class", r"Sphinx"),
]

# The pages' {doctest} blocks run in the doctest build; the docstrings' examples are
# run by pytest --doctest-modules, so they are not run twice.
doctest_test_doctest_blocks = ""

# -- HTML output --------------------------------------------------------------

html_theme = "furo"
html_title = f"frpolicy {release}"
html_static_path = ["_static"]

# The copy button copies commands and code without their prompts and without output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
