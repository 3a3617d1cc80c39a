"""The documentation's check that the reference documents every public name.

The check runs in every documentation build (``-W`` makes each name it reports fail the
build); these tests show it asks for what it should.
"""

from __future__ import annotations

import importlib
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
