"""The ``frpolicy`` command, run through its real entry points."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, _Progress, main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LOG = EXAMPLES / "ma_search_log.jsonl"
CASES = EXAMPLES / "ma_cases.jsonl"
AUDIT = ["audit", str(LOG), "--cases", str(CASES), "--jurisdiction", "US-MA"]
LAW_ENFORCEMENT = {"local_police", "state_police", "prosecutor"}


def _raw() -> list[Any]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _json_report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = main([*AUDIT, "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_python_dash_m_frpolicy_audits_the_sample_log_and_finds_violations() -> None:
    result = subprocess.run(  # noqa: S603 - fixed command line
        [sys.executable, "-m", "frpolicy", *AUDIT, "--compare"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_VIOLATIONS
    assert "Requests by outcome" in result.stdout
    assert "What H.1728 would change" in result.stdout
    assert result.stderr == ""  # no progress when stderr is not a terminal


def test_the_report_counts_agree_with_an_independent_count_of_the_raw_log(
    capsys: pytest.CaptureFixture[str],
) -> None:
    raw = _raw()
    code, report = _json_report(capsys, "--compare")
    assert code == EXIT_VIOLATIONS
    totals = report["totals"]
    assert isinstance(totals, dict)
    assert totals["lines_read"] == totals["records"] == len(raw)
    performed = sum(1 for r in raw if r["request"]["performed_at"] is not None)
    assert totals["searches_performed"] == performed
    # §220 as in force governs what Massachusetts law enforcement asks for or performs: the
    # Registry's own searches and the FBI's for itself are outside
    outside = sum(
        1
        for r in raw
        if r["request"]["requesting_agency"]["kind"] not in LAW_ENFORCEMENT
        and r["request"]["performing_agency"]["kind"] not in LAW_ENFORCEMENT
    )
    by_outcome = {o["outcome"]: o["requests"] for o in report["by_outcome"]}
    assert by_outcome["not_applicable"] == outside
    assert sum(by_outcome.values()) == len(raw)
    # the bill forbids emotion inference and moving images, whoever searches
    forbidden = sum(
        1
        for r in raw
        if r["request"]["analysis"] == "emotion_inference"
        or r["request"]["real_time"]
        or r["request"]["probe"]["kind"] in {"recorded_video", "live_video"}
    )
    comparison = report["comparison"]
    assert isinstance(comparison, dict)
    compared = {o["outcome"]: o["requests"] for o in comparison["by_outcome"]}
    assert compared["forbidden"] == forbidden
    # a search performed but not permitted is itself a violation; one only asked for is not
    refused = by_outcome["not_permitted"] + by_outcome["forbidden"]
    asked_only = sum(1 for r in raw if r["request"]["performed_at"] is None)
    assert totals["unauthorized_searches"] == refused - asked_only


def test_each_violation_names_its_line_request_and_provision(
    capsys: pytest.CaptureFixture[str],
) -> None:
    raw = _raw()
    _, report = _json_report(capsys)
    violations = report["violations"]
    assert isinstance(violations, list)
    assert violations
    for v in violations:
        assert raw[v["line"] - 1]["request"]["id"] == v["request_id"]
        assert v["provisions"]
        assert v["citations"]
        assert v["missing"]


def test_csv_output_parses_back_with_the_csv_module(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*AUDIT, "--format", "csv", "--compare", "--table", "totals"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == EXIT_VIOLATIONS
    totals = {r["measure"]: int(r["count"]) for r in rows}
    assert totals["lines_read"] == len(_raw())
    main([*AUDIT, "--format", "csv", "--compare", "--table", "changes"])
    changes = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert changes
    assert set(changes[0]) == {"line", "request_id", "before", "after", "responsible"}


def test_html_output_is_well_formed(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*AUDIT, "--format", "html", "--compare"])
    root = ET.fromstring(capsys.readouterr().out)  # noqa: S314 - our own output
    assert code == EXIT_VIOLATIONS
    assert root.tag.endswith("html")
    assert root.findall(".//{http://www.w3.org/1999/xhtml}table")


def test_markdown_output_has_a_table_per_section(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*AUDIT, "--format", "markdown"])
    out = capsys.readouterr().out
    assert code == EXIT_VIOLATIONS
    assert "## Requests by outcome" in out
    assert "| outcome | requests |" in out


def test_output_goes_to_a_file_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code = main([*AUDIT, "--format", "json", "--output", str(target)])
    assert code == EXIT_VIOLATIONS
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["records"] == len(_raw())


def _log(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "log.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_malformed_line_is_reported_with_its_number_and_field_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = LOG.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(good)
    record["request"]["submitted_at"] = record["request"]["submitted_at"][:19]
    naive = json.dumps(record)
    path = _log(tmp_path, [good, "", "{not json", naive])
    args = ["audit", str(path), "--jurisdiction", "US-MA", "--format", "json"]
    code = main(args)
    report = json.loads(capsys.readouterr().out)
    assert code == EXIT_BAD_INPUT
    t = report["totals"]
    assert (t["lines_read"], t["records"], t["blank_lines"], t["malformed_lines"]) == (4, 1, 1, 2)
    problems = {p["line"]: p["errors"] for p in report["input_problems"]}
    assert set(problems) == {3, 4}
    assert problems[4] == ["$.request.submitted_at: naive datetime, give a timezone"]
    code = main([*args, "--keep-going"])
    capsys.readouterr()
    assert code in {EXIT_CLEAN, EXIT_VIOLATIONS}


def test_a_malformed_line_is_shown_in_the_text_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _log(tmp_path, ['{"request": {}}'])
    assert main(["audit", str(path), "--jurisdiction", "US-MA"]) == EXIT_BAD_INPUT
    out = capsys.readouterr().out
    assert "Input problems" in out
    assert "$.request.id" in out


def test_an_empty_log_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _log(tmp_path, [])
    path.write_text("", encoding="utf-8")
    code = main(["audit", str(path), "--jurisdiction", "US-MA", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == EXIT_CLEAN
    assert report["totals"]["lines_read"] == 0
    assert report["violations"] == []


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["audit", str(LOG)]) == EXIT_BAD_INPUT  # no --jurisdiction
    assert main(["audit", str(LOG), "--jurisdiction", "XX"]) == EXIT_BAD_INPUT
    assert main([*AUDIT, "--version", "H.9999"]) == EXIT_BAD_INPUT
    assert main([*AUDIT, "--as-of", "2025-01-01T00:00:00"]) == EXIT_BAD_INPUT
    assert main(["audit", str(tmp_path / "missing.jsonl"), "--jurisdiction", "US-MA"]) == 2
    assert main(["no-such-command"]) == EXIT_BAD_INPUT
    assert "naive datetime" in capsys.readouterr().err


def test_as_of_decides_whether_an_unmet_obligation_is_pending_or_violated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, early = _json_report(capsys, "--as-of", "2024-01-05T00:00:00-05:00")
    _, late = _json_report(capsys)
    assert early["totals"]["obligations_pending"] > late["totals"]["obligations_pending"]
    assert early["as_of_source"] == "--as-of"


def _request_file(tmp_path: Path, index: int) -> Path:
    request = _raw()[index]["request"]
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    return path


def test_evaluate_prints_the_memo_and_exits_by_the_outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = _raw()
    local = next(
        i for i, r in enumerate(raw) if r["request"]["performing_agency"]["kind"] == "local_police"
    )
    path = _request_file(tmp_path, local)
    code = main(["evaluate", str(path), "--jurisdiction", "US-MA", "--version", "H.1728"])
    assert code == EXIT_VIOLATIONS
    assert capsys.readouterr().out.startswith("NOT PERMITTED")
    code = main(["evaluate", str(path), "--jurisdiction", "US-MA", "--json"])
    decision = json.loads(capsys.readouterr().out)
    assert decision["instrument"] == "St. 2020, c.253"
    assert decision["outcome"] == "not_permitted"
    registry = next(
        i
        for i, r in enumerate(raw)
        if r["request"]["requesting_agency"]["kind"] == "motor_vehicle_registry"
    )
    path = _request_file(tmp_path, registry)
    assert main(["evaluate", str(path), "--jurisdiction", "US-MA", "--version", "H.1728"]) == 0


def test_evaluate_refuses_a_bad_request_with_its_field_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text('{"id": ""}', encoding="utf-8")
    assert main(["evaluate", str(path), "--jurisdiction", "US-MA"]) == EXIT_BAD_INPUT
    assert "$." in capsys.readouterr().err


def test_jurisdictions_lists_massachusetts_and_its_versions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["jurisdictions"]) == EXIT_CLEAN
    out = capsys.readouterr().out
    assert "US-MA" in out
    assert "St. 2020, c.253: in_force, from 2021-07-01" in out
    assert "H.1728 (also S.927): proposed" in out


@pytest.mark.parametrize("name", ["SearchRecord", "SearchRequest", "CaseRecord"])
def test_schema_prints_a_json_schema(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", name]) == EXIT_CLEAN
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == name


def _peak_kib(path: Path) -> int:
    code = (
        "import resource, sys\n"
        "from frpolicy.cli import main\n"
        f"code = main(['audit', {str(path)!r}, '--jurisdiction', 'US-MA', '--format', 'json',"
        " '--as-of', '2025-06-30T00:00:00-04:00', '--limit', '50', '--compare',"
        " '--output', sys.argv[1]])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = path.with_suffix(".json")
    result = subprocess.run(  # noqa: S603 - fixed command line
        [sys.executable, "-c", code, str(out)], capture_output=True, text=True, check=True
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    with path.open(encoding="utf-8") as handle:
        assert report["totals"]["lines_read"] == sum(1 for _ in handle)
    return int(result.stdout.strip())


def test_a_log_of_100000_requests_is_audited_in_bounded_memory(tmp_path: Path) -> None:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    for path, count in ((small, 10_000), (large, 100_000)):
        with path.open("w", encoding="utf-8") as handle:
            for i in range(count):
                handle.write(lines[i % len(lines)] + "\n")
    small_peak, large_peak = _peak_kib(small), _peak_kib(large)
    # ten times the lines, far less than ten times the memory: counters, not decisions
    assert large_peak < small_peak * 1.5


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_once_the_audit_has_run_a_second_and_is_cleared(
    tmp_path: Path,
) -> None:
    log = _log(tmp_path, ["x" * 999])
    ticks = iter([0.0, 0.5, 1.2, 1.3, 1.6])
    screen = _Terminal()
    progress = _Progress(log, stream=screen, clock=lambda: next(ticks))
    progress.show(10, 100)
    assert screen.getvalue() == ""  # a short audit shows nothing
    progress.show(20, 500)
    assert screen.getvalue().startswith("\r20 lines, 50% of 0.0 MB, 17 lines/s, about 1 s left")
    shown = screen.getvalue()
    progress.show(21, 510)
    assert screen.getvalue() == shown  # not more than a few times a second
    progress.show(30, 800)
    assert "30 lines, 80%" in screen.getvalue()
    progress.close()
    assert screen.getvalue().endswith("\r\x1b[K")


def test_no_progress_is_written_where_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    log = _log(tmp_path, ["x"])
    ticks = iter([0.0, 5.0])
    pipe = io.StringIO()
    progress = _Progress(log, stream=pipe, clock=lambda: next(ticks))
    progress.show(1, 1)
    progress.close()
    assert pipe.getvalue() == ""
