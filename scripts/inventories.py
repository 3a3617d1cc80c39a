"""Write the Sphinx inventories the documentation links other projects' docs through.

The documentation is built without a network, so intersphinx reads inventories kept in
``docs/_inventories/``. Python's is the ``objects.inv`` of its documentation, copied as
published (``--python PATH`` copies one, for example from Debian's ``python3-doc``). Those
of attrs, cattrs, Hypothesis and holidays are written here by hand: the few names
frpolicy's documentation refers to, each with its address in that project's documentation.

Run: ``python scripts/inventories.py [--python PATH/objects.inv]``.
"""

from __future__ import annotations

import argparse
import shutil
import zlib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "_inventories"

# project: (version, [(name, role, address relative to the project's documentation)])
# An address ending in "$" stands for the name itself, as inventories write it.
HAND_MADE: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "attrs": (
        "stable",
        [
            ("attrs", "py:module", "api.html#module-attrs"),
            ("attrs.Attribute", "py:class", "api.html#$"),
            ("attrs.asdict", "py:function", "api.html#$"),
            ("attrs.define", "py:function", "api.html#$"),
            ("attrs.evolve", "py:function", "api.html#$"),
            ("attrs.field", "py:function", "api.html#$"),
            ("attrs.frozen", "py:function", "api.html#$"),
        ],
    ),
    "cattrs": (
        "stable",
        [
            ("cattrs", "py:module", "api/cattrs.html#module-cattrs"),
            ("cattrs.BaseConverter", "py:class", "api/cattrs.html#$"),
            ("cattrs.Converter", "py:class", "api/cattrs.html#$"),
        ],
    ),
    "hypothesis": (
        "latest",
        [
            ("hypothesis", "py:module", "reference/api.html#module-hypothesis"),
            ("hypothesis.given", "py:function", "reference/api.html#$"),
            ("hypothesis.settings", "py:class", "reference/api.html#$"),
            (
                "hypothesis.strategies",
                "py:module",
                "reference/strategies.html#module-hypothesis.strategies",
            ),
            ("hypothesis.strategies.SearchStrategy", "py:class", "reference/strategies.html#$"),
        ],
    ),
    "holidays": ("latest", [("holidays", "py:module", "index.html")]),
}


def inventory(project: str, version: str, entries: list[tuple[str, str, str]]) -> bytes:
    """An inventory in Sphinx's version 2 format."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(entries))
    return header.encode() + zlib.compress(body.encode())


def main() -> None:
    """Write the hand-made inventories, and copy Python's when given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", type=Path, help="the objects.inv of Python's documentation")
    args = parser.parse_args()
    FOLDER.mkdir(exist_ok=True)
    for project, (version, entries) in HAND_MADE.items():
        (FOLDER / f"{project}.inv").write_bytes(inventory(project, version, entries))
    if args.python is not None:
        shutil.copyfile(args.python, FOLDER / "python.inv")


if __name__ == "__main__":
    main()
