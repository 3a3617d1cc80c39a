"""The package ``frpolicy new-jurisdiction`` writes: its files, its law, and what it refuses.

That the package installs, passes its own tests and ``frpolicy verify`` is proved by the
test command, in a fresh environment; here it is imported from where it was written.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from frpolicy import Verification
from frpolicy._scaffold import write_package
from frpolicy.cli import main
from frpolicy.jurisdictions import Jurisdiction
from frpolicy.testing import check_jurisdiction


@pytest.fixture(scope="module")
def vermont(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = write_package("US-VT", "Vermont", tmp_path_factory.mktemp("new") / "vermont")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("frpolicy_us_vt")
    finally:
        sys.path.remove(str(folder / "src"))
        for name in [m for m in sys.modules if m.startswith("frpolicy_us_vt")]:
            del sys.modules[name]


def test_the_package_has_its_entry_point_its_law_its_tests_and_its_documentation(
    tmp_path: Path,
) -> None:
    folder = write_package("US-VT", "Vermont", tmp_path / "vermont")
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == [
        ".gitignore",
        "README.md",
        "docs/conf.py",
        "docs/index.md",
        "pyproject.toml",
        "src/frpolicy_us_vt/__init__.py",
        "src/frpolicy_us_vt/act.py",
        "src/frpolicy_us_vt/common.py",
        "src/frpolicy_us_vt/offenses.py",
        "src/frpolicy_us_vt/py.typed",
        "tests/conftest.py",
        "tests/test_act.py",
    ]
    pyproject = (folder / "pyproject.toml").read_text(encoding="utf-8")
    assert 'US-VT = "frpolicy_us_vt:VERMONT"' in pyproject
    assert 'frpolicy_distributions = ["frpolicy-us-vt"]' in (folder / "docs" / "conf.py").read_text(
        encoding="utf-8"
    )


def test_the_template_s_law_is_one_version_with_a_rule_a_reading_an_invariant_and_an_offense(
    vermont: ModuleType,
) -> None:
    place = vermont.VERMONT
    assert isinstance(place, Jurisdiction)
    (act,) = place.versions
    (rule,) = act.policy.rules
    assert str(rule.citation) == "§2 (Vermont Template Act)"
    assert [r.id for r in act.readings] == ["vt-emergency"]
    assert [i.id for i in act.invariants] == ["serious-crimes-only"]
    assert [o.code for o in act.offenses] == ["ROBBERY"]
    assert len(act.provisions) == 1
    assert {a.kind.value for a in place.agencies} == {
        "state_police",
        "local_police",
        "motor_vehicle_registry",
    }


def test_nothing_in_the_template_is_presented_as_law(vermont: ModuleType) -> None:
    (act,) = vermont.VERMONT.versions
    sources = [r.source for r in act.policy.rules] + [r.source for r in act.readings]
    sources += [p.source for p in act.provisions] + [lst.source for lst in act.offense_lists]
    assert {s.verification for s in sources} == {Verification.UNVERIFIED}
    assert all("not law" in s.reference for s in sources)


def test_the_template_s_law_passes_the_law_property_suite_and_every_proof(
    vermont: ModuleType,
) -> None:
    from frpolicy import analysis  # noqa: PLC0415 - the optional extra, as the suite loads it

    (act,) = vermont.VERMONT.versions
    assert analysis.verify(act, jurisdiction="US-VT").ok
    check_jurisdiction(vermont.VERMONT, max_examples=10)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["us-vt"], "'us-vt' is not a jurisdiction code"),
        (["US-VT", "--name", 'Ver"mont'], "cannot be a place's name"),
    ],
)
def test_a_code_or_name_that_cannot_be_used_is_refused_in_one_line(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["new-jurisdiction", *arguments, "--directory", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_a_folder_that_exists_is_never_written_into(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["new-jurisdiction", "US-VT", "--directory", str(tmp_path)]) == 2
    assert "exists" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_code_an_installed_package_registers_is_refused_so_neither_law_breaks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # two packages registering US-ME would leave neither usable: the scaffold says so first
    assert main(["new-jurisdiction", "US-ME", "--directory", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "US-ME is installed already (the entry point US-ME = " in err
    assert err.count("\n") == 1
    assert not (tmp_path / "x").exists()
