"""Packaging contracts: public API hygiene, import cost, and typing marker."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.resources
import importlib.util
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import frpolicy

if TYPE_CHECKING:
    from types import ModuleType

#: The public modules that need an optional extra, with the package each one imports.
OPTIONAL_MODULES = {
    "frpolicy.sphinx": "sphinx",
    "frpolicy.strategies": "hypothesis",
    "frpolicy.testing": "hypothesis",
}

ALLOWED_THIRD_PARTY = frozenset(
    {"attr", "attrs", "cattr", "cattrs", "frpolicy", "typing_extensions", "exceptiongroup"},
)


def _public_module_names() -> list[str]:
    """Return the dotted names of every public module in the package.

    A module is public when no component of its name after ``frpolicy``
    starts with an underscore. A module that needs an optional extra is left
    out when the extra is not installed.
    """
    names = ["frpolicy"]
    for info in pkgutil.walk_packages(frpolicy.__path__, prefix="frpolicy."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        needs = OPTIONAL_MODULES.get(info.name)
        if needs is not None and importlib.util.find_spec(needs) is None:
            continue
        names.append(info.name)
    return sorted(names)


PUBLIC_MODULES = _public_module_names()


def _all_sort_key(name: str) -> tuple[int, list[str | int]]:
    """Order ``__all__`` as ruff's RUF022 does, so ``ruff check --fix`` can sort it.

    SCREAMING_SNAKE_CASE constants come first, then CamelCase names, then the
    rest; within each group names are in natural order (``v2`` before ``v10``).
    """
    if len(name) > 1 and name.isupper():
        group = 0
    elif name[:1].isupper():
        group = 1
    else:
        group = 2
    parts: list[str | int] = [
        int(part) if index % 2 else part for index, part in enumerate(re.split(r"(\d+)", name))
    ]
    return group, parts


def _all_of(module: ModuleType) -> list[str]:
    """Return the module's ``__all__`` as a list, failing the test if it is missing."""
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{module.__name__} has no __all__"
    assert isinstance(exported, list | tuple), f"{module.__name__}.__all__ is not a sequence"
    assert all(isinstance(name, str) for name in exported)
    return [str(name) for name in exported]


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_every_public_module_has_a_sorted_all_of_documented_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert inspect.getdoc(module), f"{module_name} has no module docstring"
    exported = _all_of(module)
    assert exported == sorted(exported, key=_all_sort_key), (
        f"{module_name}.__all__ is not sorted (`ruff check --fix` sorts it)"
    )
    assert len(exported) == len(set(exported)), f"{module_name}.__all__ has duplicates"
    for name in exported:
        assert hasattr(module, name), f"{module_name}.__all__ names missing {name!r}"
        obj = getattr(module, name)
        if inspect.ismodule(obj) or inspect.isclass(obj) or inspect.isroutine(obj):
            # The object's own docstring: inspect.getdoc would inherit one.
            own_doc = getattr(obj, "__doc__", None)
            assert own_doc, f"{module_name}.{name} has no docstring"
            assert own_doc.strip(), f"{module_name}.{name} has an empty docstring"


def _top_level_modules_after(statement: str) -> set[str]:
    """Run ``statement`` in a fresh interpreter; return the top-level modules then loaded."""
    code = f"{statement}; import sys; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(  # noqa: S603 - fixed command line, no user input
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    return {name.partition(".")[0] for name in result.stdout.split()}


def test_import_frpolicy_loads_only_attrs_and_cattrs() -> None:
    # Whatever the interpreter loads at start-up (site hooks, .pth files) is
    # not frpolicy's doing, so it is subtracted first.
    baseline = _top_level_modules_after("pass")
    loaded = _top_level_modules_after("import frpolicy")
    foreign = sorted(
        name
        for name in loaded - baseline
        if name not in sys.stdlib_module_names
        and name not in ALLOWED_THIRD_PARTY
        # sysconfig's per-platform data module is standard library but unlisted.
        and not name.startswith("_sysconfigdata_")
    )
    assert foreign == [], f"importing frpolicy also imported {foreign}"


def test_import_frpolicy_leaves_the_json_edge_and_the_comparison_to_their_first_use() -> None:
    code = (
        "import sys, frpolicy; "
        "print(sorted(m for m in ('cattrs', 'frpolicy.serialization', 'frpolicy.comparison') "
        "if m in sys.modules)); "
        "print(frpolicy.compare.__module__, frpolicy.from_json.__module__)"
    )
    result = subprocess.run(  # noqa: S603 - fixed command line, no user input
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == [
        "[]",
        "frpolicy.comparison frpolicy.serialization",
    ]


def test_py_typed_marker_ships_with_the_package() -> None:
    marker = importlib.resources.files("frpolicy").joinpath("py.typed")
    assert marker.is_file()


def test_the_license_the_project_declares_ships_with_the_installed_package_and_the_sdist() -> None:
    root = Path(__file__).resolve().parent.parent
    assert "Apache License" in (root / "LICENSE").read_text(encoding="utf-8")
    files = importlib.metadata.distribution("frpolicy").files or []
    shipped = [f for f in files if f.name == "LICENSE" and "licenses" in f.parts]
    assert shipped, "the built distribution carries no licenses/LICENSE"
    assert "Apache License" in shipped[0].read_text(encoding="utf-8")
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '"/LICENSE"' in pyproject  # the sdist's include list


def test_a_top_level_name_is_the_object_its_module_documents() -> None:
    for name in frpolicy.__all__:
        value = getattr(frpolicy, name)
        home = importlib.import_module(value.__module__)
        assert getattr(home, value.__qualname__) is value, f"frpolicy.{name}"
        assert name in _all_of(home), f"frpolicy.{name} is not public in {value.__module__}"


def test_the_top_level_jurisdictions_is_the_listing_and_from_imports_reach_the_subpackage() -> None:
    from frpolicy.jurisdictions import jurisdiction, us_ma  # noqa: PLC0415 - the point

    assert frpolicy.jurisdictions is sys.modules["frpolicy.jurisdictions"].jurisdictions
    assert frpolicy.jurisdiction is jurisdiction
    assert us_ma.MASSACHUSETTS in frpolicy.jurisdictions()


_WITHOUT = """
import importlib.abc, sys

class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {missing!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, Missing())
try:
    {statement}
except ImportError as error:
    print(error)
"""


@pytest.mark.parametrize(
    ("statement", "missing", "extra"),
    [
        ("import frpolicy.strategies", {"hypothesis"}, "hypothesis"),
        ("import frpolicy.testing", {"hypothesis"}, "hypothesis"),
        ("import frpolicy.sphinx", {"sphinx", "docutils"}, "docs"),
        ("import frpolicy.analysis as a; a.require_solver()", {"z3"}, "verify"),
    ],
)
def test_a_module_whose_extra_is_missing_says_which_extra_to_install(
    statement: str, missing: set[str], extra: str
) -> None:
    code = _WITHOUT.format(missing=missing, statement=statement)
    result = subprocess.run(  # noqa: S603 - a fixed command line, no user input
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert f"needs the optional '{extra}' extra: pip install 'frpolicy[{extra}]'" in result.stdout
