"""What a report rests on: readings in force, inputs by SHA-256, how sure each count is."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import frpolicy
from frpolicy import _jsonl
from frpolicy.cli import main
from frpolicy.law import Confidence, Source, Verification
from frpolicy.reports import ASSUMPTIONS_VERSION, FORMATS, AuditReport, InputFile

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
LOG = EXAMPLES / "ma_search_log.jsonl"
CASES = EXAMPLES / "ma_cases.jsonl"
AUDIT = ["audit", str(LOG), "--cases", str(CASES), "--jurisdiction", "US-MA"]
SAME_QUARTER = "quarterly-report-due=same-quarter"
MA = frpolicy.jurisdiction("US-MA")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(list(args))
    return capsys.readouterr().out


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_run(capsys, *args, "--format", "json"))
    return data


def _sha256sum(path: Path) -> str:
    """The hash as the sha256sum program prints it (hashlib where it is not installed)."""
    program = shutil.which("sha256sum")
    if program is None:  # pragma: no cover - a system without coreutils
        return hashlib.sha256(path.read_bytes()).hexdigest()
    printed = subprocess.run([program, str(path)], capture_output=True, text=True, check=True)  # noqa: S603 - a fixed program on a file of the repository
    return printed.stdout.split()[0]


# -- the inputs ------------------------------------------------------------------------------


def test_the_input_hashes_of_an_audit_are_what_sha256sum_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    inputs = _json(capsys, *AUDIT)["assumptions"]["inputs"]
    assert [(i["role"], i["name"]) for i in inputs] == [("log", str(LOG)), ("cases", str(CASES))]
    for given_file, path in zip(inputs, (LOG, CASES), strict=True):
        assert given_file["sha256"] == _sha256sum(path)
        assert given_file["bytes"] == path.stat().st_size
        assert given_file["lines"] == path.read_bytes().count(b"\n")


def test_a_log_piped_on_standard_input_is_hashed_as_it_streams() -> None:
    data = LOG.read_bytes()
    command = [sys.executable, "-m", "frpolicy", "audit", "-", "--jurisdiction", "US-MA"]
    piped = subprocess.run(  # noqa: S603 - this interpreter, frpolicy's own module
        [*command, "--format", "json"],
        input=data,
        capture_output=True,
        check=False,
    )
    inputs = json.loads(piped.stdout)["assumptions"]["inputs"]
    assert inputs == [
        {
            "role": "log",
            "name": "standard input",
            "lines": data.count(b"\n"),
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    ]


def test_a_log_audited_in_parts_is_hashed_whole(capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _json(capsys, *AUDIT, "--jobs", "2")["assumptions"]["inputs"]
    assert inputs[0]["sha256"] == _sha256sum(LOG)


def test_the_hash_of_a_statutory_report_is_of_the_log_it_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = _json(capsys, "report", "eopss", str(LOG), "--period", "2024Q3")
    assert report["assumptions"]["inputs"][0]["sha256"] == _sha256sum(LOG)


@given(st.lists(st.sampled_from([b"{}", b"\n", b"\r\n", b"x", _jsonl.BOM]), max_size=12))
def test_a_file_counts_the_lines_frpolicy_reads_and_hashes_every_byte(parts: list[bytes]) -> None:
    data = b"".join(parts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "log.jsonl")
        path.write_bytes(data)
        found = InputFile.of(path)
    # a line ends at a line feed; a last line without one counts; a mark alone is no line
    text = data.removeprefix(_jsonl.BOM)
    expected = text.count(b"\n") + (1 if text and not text.endswith(b"\n") else 0)
    assert (found.lines, found.bytes) == (expected, len(data))
    assert found.sha256 == hashlib.sha256(data).hexdigest()


# -- the readings in force -------------------------------------------------------------------


def test_a_reading_asked_on_the_command_line_is_said_in_every_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for fmt in ("text", "markdown", "html"):
        out = _run(capsys, *AUDIT, "--reading", SAME_QUARTER, "--format", fmt)
        assert SAME_QUARTER in out, fmt
        assert "NOT the adopted reading" in out, fmt
    data = _json(capsys, *AUDIT, "--reading", SAME_QUARTER)
    (asked,) = [r for r in data["assumptions"]["readings"] if not r["adopted"]]
    assert (asked["reading"], asked["choice"], asked["origin"]) == (
        "quarterly-report-due",
        "same-quarter",
        "asked",
    )
    reading = MA.versions[0].policy.reading("quarterly-report-due")
    assert (asked["verification"], asked["confidence"]) == (
        reading.source.verification.value,
        reading.source.confidence.value,
    )
    table = _run(
        capsys, *AUDIT, "--reading", SAME_QUARTER, "--format", "csv", "--table", "assumptions"
    )
    row = next(r for r in csv.DictReader(io.StringIO(table)) if r["name"] == "quarterly-report-due")
    assert (row["kind"], row["value"], row["verification"], row["confidence"]) == (
        "reading",
        "same-quarter",
        "unverified",
        "low",
    )


def test_the_reports_under_two_readings_have_different_headings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    adopted = _run(capsys, *AUDIT).split("\n\n", 1)[0]
    other = _run(capsys, *AUDIT, "--reading", SAME_QUARTER).split("\n\n", 1)[0]
    assert adopted != other
    assert "quarterly-report-due=next-quarter (adopted" in adopted
    assert "Read otherwise than adopted" not in adopted


def test_every_reading_of_the_versions_applied_is_listed_once_with_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, *AUDIT)
    applied = {law["instrument"] for law in data["assumptions"]["laws"]}
    expected = {
        (r.id, r.chosen, r.source.verification.value, r.source.confidence.value)
        for v in MA.versions
        if v.instrument.id in applied
        for r in v.readings
    }
    listed = [
        (r["reading"], r["choice"], r["verification"], r["confidence"])
        for r in data["assumptions"]["readings"]
    ]
    assert sorted(listed) == sorted(expected)
    assert all(r["origin"] == "adopted" and r["adopted"] for r in data["assumptions"]["readings"])
    assert data["assumptions"]["schema_version"] == ASSUMPTIONS_VERSION
    assert data["assumptions"]["library"].startswith("frpolicy ")


def test_the_assumptions_are_in_the_published_schema_of_each_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(_run(capsys, "schema", "AuditReport"))
    assert "assumptions" in schema["$defs"]["AuditReport"]["required"]
    assert "Assumptions" in schema["$defs"]
    data = _json(capsys, *AUDIT, "--reading", SAME_QUARTER)
    jsonschema.validate(data, schema)
    assert frpolicy.from_dict(data, AuditReport).assumptions.not_adopted


# -- how sure each count is ------------------------------------------------------------------

_ORDER = (list(Verification), list(Confidence))


def _least_sure(*sources: Source) -> tuple[str, str]:
    worst = max(
        sources,
        key=lambda s: (_ORDER[0].index(s.verification), _ORDER[1].index(s.confidence)),
    )
    return worst.verification.value, worst.confidence.value


def test_each_violation_is_as_sure_as_its_provision_and_the_readings_that_change_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, *AUDIT)
    for v in data["violations"]:
        version = MA.version(v["version"])
        policy = version.policy
        items = {r.id: r.source for r in policy.rules} | {d.id: d.source for d in policy.duties}
        provision = v["provisions"][0]
        readings = [r.source for r in version.readings if provision in policy.resting_on(r.id)]
        assert (v["verification"], v["confidence"]) == _least_sure(items[provision], *readings)


def test_a_late_quarterly_report_rests_on_the_unverified_reading_of_its_due_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, *AUDIT)
    late = [v for v in data["violations"] if v["provisions"] == ["MA-LAW-REPORT"]]
    assert late
    assert {(v["verification"], v["confidence"]) for v in late} == {("unverified", "low")}


def test_the_findings_by_how_they_were_read_add_up_to_the_violations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, *AUDIT)
    by = {x["verification"]: x["violations"] for x in data["violations_by_verification"]}
    assert set(by) == {v.value for v in Verification}
    assert sum(by.values()) == data["totals"]["violations"]
    counted: dict[str, int] = dict.fromkeys(by, 0)
    for v in data["violations"]:
        counted[v["verification"]] += 1
    assert counted == by


def test_the_html_report_shows_each_source_as_the_documentation_badges_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = _run(capsys, *AUDIT, "--format", "html")
    assert '<span class="frp-badge frp-unverified">M · unverified · low</span>' in page
    assert 'class="sureness"' in page


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_every_format_names_the_files_read_and_their_hash(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = _run(capsys, *AUDIT, "--format", fmt)
    assert _sha256sum(LOG) in out
    assert _sha256sum(CASES) in out
