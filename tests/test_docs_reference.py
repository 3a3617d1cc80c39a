"""The documentation's check that the reference documents every public name.

The check runs in every documentation build (``-W`` makes each name it reports fail the
build); these tests show it asks for what it should.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from frpolicy.model import AgencyKind

pytest.importorskip("sphinx")
sys.path.insert(0, str(Path(__file__).parents[1] / "docs" / "_ext"))
frpolicy_docs = importlib.import_module("frpolicy_docs")


def test_the_reference_check_asks_for_every_enum_member_and_public_name() -> None:
    expected = frpolicy_docs.expected_objects()
    assert {f"frpolicy.model.AgencyKind.{m.name}" for m in AgencyKind} <= set(expected)
    assert "frpolicy.conditions.BYSTANDER" in expected
    assert "frpolicy.compliance.audit_log" in expected
    assert "frpolicy.jurisdictions.PluginError" in expected


def test_a_name_the_top_level_package_re_exports_is_asked_for_where_it_lives() -> None:
    expected = frpolicy_docs.expected_objects()
    assert "frpolicy.model.SearchRequest" in expected
    assert "frpolicy.jurisdictions.jurisdictions" in expected
    assert "frpolicy.SearchRequest" not in expected


def test_the_reference_check_reports_a_missing_member_and_nothing_when_all_are_there() -> None:
    everything = set(frpolicy_docs.expected_objects())
    assert frpolicy_docs.undocumented(everything) == {}
    missing = frpolicy_docs.undocumented(everything - {"frpolicy.model.AgencyKind.FBI"})
    assert missing == {"frpolicy.model.AgencyKind.FBI": "a member of frpolicy.model.AgencyKind"}


#: The modules whose every field is documented, as the reference shows each once.
FIELDS_DOCUMENTED = ("frpolicy.law", "frpolicy.model")


@pytest.mark.parametrize("module_name", FIELDS_DOCUMENTED)
def test_every_field_of_the_model_and_the_law_says_what_it_holds(module_name: str) -> None:
    module = importlib.import_module(module_name)
    classes = [
        getattr(module, n) for n in module.__all__ if frpolicy_docs.attrs.has(getattr(module, n))
    ]
    assert classes
    missing = {c.__name__: frpolicy_docs.undocumented_fields(c) for c in classes}
    assert {name: fields for name, fields in missing.items() if fields} == {}


def test_the_reference_lists_a_module_in_source_order_without_bases_object(
    tmp_path: Path,
) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(Path(__file__).parents[1] / 'docs' / '_ext')!r})\n"
        'extensions = ["sphinx.ext.autodoc", "frpolicy_docs"]\n'
        'autodoc_member_order = "bysource"\n',
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Law\n===\n\n.. automodule:: frpolicy.law\n   :members:\n   :show-inheritance:\n",
        encoding="utf-8",
    )
    out = tmp_path / "text"
    result = subprocess.run(  # noqa: S603 - a fixed command line over files the test wrote
        [sys.executable, "-m", "sphinx", "-q", "-b", "text", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (out / "index.txt").read_text(encoding="utf-8")
    order = [text.index(f"class frpolicy.law.{name}(") for name in ("Instrument", "Citation")]
    assert order == sorted(order)  # as the module defines them; __all__ has Citation first
    assert text.index("class frpolicy.law.InstrumentKind(") < text.index(
        "class frpolicy.law.Choice("
    )
    assert "Bases: object" not in text
    assert 'Bases: "Enum"' in text  # an enumeration's base says something
