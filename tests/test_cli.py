"""The ``frpolicy`` command, run through its real entry points."""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import errno
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import threading
import typing
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Any

import pytest
import unprivileged

from frpolicy import _jsonl, cli
from frpolicy.cli import (
    EXIT_BAD_INPUT,
    EXIT_CLEAN,
    EXIT_INTERRUPTED,
    EXIT_VIOLATIONS,
    _Progress,
    main,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
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

    # the bill forbids Massachusetts law enforcement (every agency of the log states no
    # home, so is the Commonwealth's) emotion inference, moving images, and any search not
    # made through the State Police (§220(b), (k))
    def forbidden_by_the_bill(request: dict[str, Any]) -> bool:
        asker, searcher = request["requesting_agency"]["kind"], request["performing_agency"]["kind"]
        route = searcher == "state_police" or (searcher == "fbi" and asker == "state_police")
        return (asker in LAW_ENFORCEMENT or searcher in LAW_ENFORCEMENT) and (
            request["analysis"] == "emotion_inference"
            or request["real_time"]
            or request["probe"]["kind"] in {"recorded_video", "live_video"}
            or not route
        )

    forbidden = sum(1 for r in raw if forbidden_by_the_bill(r["request"]))
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


@pytest.mark.parametrize("jobs", ["2", "3"])
@pytest.mark.parametrize(
    "terms",
    [
        [],
        ["--compare"],
        ["--version", "H.1728", "--limit", "5"],
        ["--as-of", "2024-06-01T00:00:00Z"],
    ],
)
def test_several_processes_give_the_report_one_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str, terms: list[str]
) -> None:
    log = tmp_path / "log.jsonl"
    # a blank line, a malformed one and a line that is not UTF-8 among the records
    log.write_bytes(LOG.read_bytes() + b"\n{not json\n\xff\n" + LOG.read_bytes()[:5000])
    audit = ["audit", str(log), "--cases", str(CASES), "--jurisdiction", "US-MA"]
    one = main([*audit, "--format", "json", *terms])
    report = capsys.readouterr().out
    several = main([*audit, "--format", "json", "--jobs", jobs, *terms])
    assert capsys.readouterr().out == report
    assert several == one
    assert json.loads(report)["totals"]["lines_read"] == log.read_bytes().count(b"\n") + 1


def test_jobs_must_be_at_least_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*AUDIT, "--jobs", "0"]) == EXIT_BAD_INPUT
    assert "--jobs" in capsys.readouterr().err


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
    assert capsys.readouterr().out.startswith("FORBIDDEN")  # §220(b): not the State Police
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


def test_evaluate_judges_a_search_before_any_encoded_law_not_applicable_and_refuses_a_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = _raw()[0]["request"]
    request["submitted_at"] = "2019-05-01T12:00:00Z"
    request["performed_at"] = None
    for field in ("warrant", "court_order", "emergency"):
        request[field] = None
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    assert main(["evaluate", str(path), "--jurisdiction", "US-MA"]) == EXIT_CLEAN
    out = capsys.readouterr().out
    assert out.startswith("NOT APPLICABLE")
    assert "No encoded law governed this request" in out
    named = ["evaluate", str(path), "--jurisdiction", "US-MA", "--version", "H.9"]
    assert main(named) == EXIT_BAD_INPUT
    assert "has no version 'H.9'" in capsys.readouterr().err


def test_evaluate_refuses_a_classification_the_law_does_not_give_as_strict_evaluation_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = json.loads((EXAMPLES / "request.json").read_text(encoding="utf-8"))
    request["offense"]["classification"] = "misdemeanor"
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    assert main(["evaluate", str(path), "--jurisdiction", "US-MA"]) == EXIT_BAD_INPUT
    assert "$.offense.classification: 'misdemeanor'" in capsys.readouterr().err


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
    assert "St. 2020, c.253: statute, in force from 2021-07-01" in out
    assert "H.1728 (also S.927): bill, proposed" in out


@pytest.mark.parametrize("name", ["SearchRecord", "SearchRequest", "CaseRecord", "Decision"])
def test_schema_prints_a_json_schema(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", name]) == EXIT_CLEAN
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == name


def test_the_decision_evaluate_json_prints_matches_the_schema_of_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema", "Decision"]) == EXIT_CLEAN
    schema = json.loads(capsys.readouterr().out)
    for index in range(0, len(_raw()), 25):  # a spread of outcomes, obligations and readings
        path = _request_file(tmp_path, index)
        main(["evaluate", str(path), "--jurisdiction", "US-MA", "--json"])
        jsonschema.validate(json.loads(capsys.readouterr().out), schema)


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


def test_a_log_ten_times_as_long_is_audited_in_about_the_same_memory(tmp_path: Path) -> None:
    # what each line leaves behind would show as megabytes here (a decision is kilobytes);
    # the benchmarks measure memory up to a million lines
    lines = LOG.read_text(encoding="utf-8").splitlines()
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    for path, count in ((small, 2_000), (large, 20_000)):
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


# -- hostile input and output (issue 13) ------------------------------------------------------

GOOD = LOG.read_bytes().splitlines()[0]
AS_OF = ["--as-of", "2025-01-01T00:00:00-05:00"]


def _bytes_log(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "log.jsonl"
    path.write_bytes(data)
    return path


def _audit_json(capsys: pytest.CaptureFixture[str], log: Path, *args: str) -> tuple[int, Any]:
    code = main(["audit", str(log), "--jurisdiction", "US-MA", "--format", "json", *AS_OF, *args])
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, json.loads(captured.out)


def _one_line(stderr: str | bytes) -> str:
    text = stderr.decode("utf-8") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text
    assert text.endswith("\n")
    assert text.count("\n") == 1, text
    assert text.startswith("frpolicy: ")
    return text


def _frpolicy(
    *args: str,
    stdin: bytes = b"",
    env: dict[str, str] | None = None,
    stdout: int | IO[bytes] = subprocess.PIPE,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-m", "frpolicy", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=None if env is None else os.environ | env,
        check=False,
        timeout=120,
    )


def test_a_line_that_is_not_utf_8_is_a_malformed_line_with_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin_1 = GOOD.replace(b'"id": "', b'"id": "\xe9', 1)  # an e-acute, as Latin-1 writes it
    log = _bytes_log(tmp_path, GOOD + b"\n\xff\xfe{}\n" + latin_1)
    code, report = _audit_json(capsys, log)
    assert code == EXIT_BAD_INPUT
    totals = report["totals"]
    assert (totals["lines_read"], totals["records"], totals["malformed_lines"]) == (3, 1, 2)
    problems = {p["line"]: p["errors"] for p in report["input_problems"]}
    assert problems[2] == ["$: not valid UTF-8: invalid start byte, byte 0xff at offset 0"]
    assert problems[3][0].startswith("$: not valid UTF-8: invalid continuation byte, byte 0xe9")


def test_a_byte_order_mark_at_the_start_of_the_log_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _bytes_log(tmp_path, b"\xef\xbb\xbf" + GOOD + b"\n" + GOOD + b"\n")
    _, report = _audit_json(capsys, log)
    assert (report["totals"]["records"], report["totals"]["malformed_lines"]) == (2, 0)


def test_a_carriage_return_inside_a_record_does_not_split_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spaced = GOOD.replace(b", ", b",\r ")
    assert spaced.count(b"\r") > 10
    log = _bytes_log(tmp_path, spaced + b"\n" + GOOD + b"\r\n\r\n")
    _, report = _audit_json(capsys, log)
    totals = report["totals"]
    assert (totals["lines_read"], totals["records"], totals["blank_lines"]) == (3, 2, 1)


def test_a_line_too_long_to_read_is_a_malformed_line_and_the_next_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_jsonl, "MAX_LINE", 4096)
    log = _bytes_log(tmp_path, b'{"request": "' + b"x" * 100_000 + b'"}\n' + GOOD + b"\n")
    _, report = _audit_json(capsys, log)
    assert report["totals"]["records"] == 1
    assert report["input_problems"] == [
        {"file": str(log), "line": 1, "errors": ["$: longer than 4,096 bytes, not read"]}
    ]


def test_thirty_megabyte_values_make_a_report_of_kilobytes_that_says_what_it_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = GOOD.replace(b'"local_police"', b'"' + b"x" * 1_000_000 + b'"')
    log = _bytes_log(tmp_path, (huge + b"\n") * 30)
    code = main(["audit", str(log), "--jurisdiction", "US-MA", *AS_OF])
    out = capsys.readouterr().out
    assert code == EXIT_BAD_INPUT
    assert len(out) < 30_000
    assert out.count("(cut; 1,000,000 characters in all)") == 30


class _Pipe(io.RawIOBase):
    """Bytes that can be read once, as from a pipe: not seekable."""

    def __init__(self, data: bytes) -> None:
        self.data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self.data.readinto(buffer)


def _piped(
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
    *args: str,
    stdin: bytes = b"",
) -> tuple[int, bytes, bytes]:
    """``frpolicy ARGS`` in this process, with ``stdin`` piped in: exit code, stdout, stderr."""
    pipe = io.TextIOWrapper(io.BufferedReader(_Pipe(stdin)), encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdin", pipe)
        code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out, err


def test_the_log_and_the_request_can_be_read_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = LOG.read_bytes()
    audit = ("audit", "--jurisdiction", "US-MA", "--format", "json")
    from_file = _piped(monkeypatch, capsysbinary, *audit, str(LOG))
    from_stdin = _piped(monkeypatch, capsysbinary, *audit, "-", stdin=data)
    assert from_stdin[0] == from_file[0] == EXIT_VIOLATIONS
    report, expected = json.loads(from_stdin[1]), json.loads(from_file[1])
    assert report["log"] == "standard input"
    assert report["as_of"] == expected["as_of"]  # found as the log streams, without --as-of
    assert report["totals"] == expected["totals"]
    eopss = ("report", "eopss", "--period", "2024", "--format", "json")
    piped = _piped(monkeypatch, capsysbinary, *eopss, "-", stdin=data)
    filed = _piped(monkeypatch, capsysbinary, *eopss, str(LOG))
    assert piped[0] == filed[0] == EXIT_CLEAN, piped[2]
    assert json.loads(piped[1])["totals"] == json.loads(filed[1])["totals"]
    request = json.dumps(json.loads(GOOD)["request"]).encode()
    code, out, _ = _piped(
        monkeypatch,
        capsysbinary,
        *("evaluate", "-", "--jurisdiction", "US-MA"),
        stdin=b"\xef\xbb\xbf" + request,
    )
    assert code in {EXIT_CLEAN, EXIT_VIOLATIONS}
    assert b"request MA-2024-0001" in out.splitlines()[0]
    code, _, err = _piped(
        monkeypatch, capsysbinary, *("evaluate", "-", "--jurisdiction", "US-MA"), stdin=b"\xff"
    )
    assert code == EXIT_BAD_INPUT
    assert "-: $: not valid UTF-8" in _one_line(err)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--version", ""], "US-MA has no version ''; known: "),
        (["--compare", ""], "US-MA has no version ''; known: "),
        (["--as-of", ""], "--as-of: not an RFC 3339 date-time: ''"),
        (["--output", ""], "argument --output: empty file name"),
        (["--cases", ""], "argument --cases: empty file name"),
        (["--as-of", "2025-01-01 00:00:00Z"], "--as-of: not an RFC 3339 date-time"),
        (["--as-of", "2025-01-01T00:00:00"], "--as-of: naive datetime, give a timezone"),
    ],
)
def test_an_empty_or_malformed_option_is_refused_in_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*AUDIT, *args]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in _one_line(captured.err)


def test_an_empty_file_name_and_bad_usage_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for args in (["audit", "", "--jurisdiction", "US-MA"], ["audit", str(LOG)], ["evaluate"]):
        assert main(args) == EXIT_BAD_INPUT
        assert "(see frpolicy " in _one_line(capsys.readouterr().err)


def test_a_bare_day_for_as_of_is_refused_with_the_moment_to_write_instead(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*AUDIT, "--as-of", "2025-01-01"]) == EXIT_BAD_INPUT
    assert _one_line(capsys.readouterr().err) == (
        "frpolicy: --as-of: 2025-01-01 is a day, not a moment; give the time as well, such as "
        "2025-01-01T00:00:00-05:00 for its start in US-MA\n"
    )
    assert main([*AUDIT, "--as-of", "2025-07-01"]) == EXIT_BAD_INPUT
    assert "2025-07-01T00:00:00-04:00" in capsys.readouterr().err


def test_an_output_that_names_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _bytes_log(tmp_path, GOOD + b"\n")
    cases = tmp_path / "cases.jsonl"
    cases.write_bytes(CASES.read_bytes())
    link = tmp_path / "link.jsonl"
    link.symlink_to(log)
    for output, what in ((log, "the log"), (cases, "the cases file"), (link, "the log")):
        args = ["audit", str(log), "--cases", str(cases), "--jurisdiction", "US-MA"]
        assert main([*args, "--output", str(output)]) == EXIT_BAD_INPUT
        assert f"is {what}; writing the report there would destroy it" in _one_line(
            capsys.readouterr().err
        )
    assert log.read_bytes() == GOOD + b"\n"
    assert cases.read_bytes() == CASES.read_bytes()


def test_a_report_that_cannot_be_written_leaves_the_previous_one_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("the previous report", encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main([*AUDIT, "--output", str(report)]) == EXIT_BAD_INPUT
    assert _one_line(capsys.readouterr().err) == (
        f"frpolicy: cannot write {report}: No space left on device\n"
    )
    assert report.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_report_replaces_the_previous_one_whole_and_keeps_its_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    assert main([*AUDIT, "--format", "json", "--output", str(report)]) == EXIT_VIOLATIONS
    assert capsys.readouterr() == ("", "")
    assert json.loads(report.read_text(encoding="utf-8"))["totals"]["records"] == len(_raw())
    assert report.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_an_interrupted_write_leaves_no_temporary_file_and_exits_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.txt"

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    assert main([*AUDIT, "--output", str(report)]) == EXIT_INTERRUPTED == 130
    assert _one_line(capsys.readouterr().err) == "frpolicy: interrupted\n"
    assert list(tmp_path.iterdir()) == []


def _interruptible() -> None:
    # a shell starts a background job with Ctrl-C ignored, and a child inherits that; the
    # command is run here as from a terminal, where Ctrl-C interrupts
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_ends_the_command_with_exit_130_and_one_line() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "frpolicy", "audit", "-", "--jurisdiction", "US-MA"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_interruptible,  # noqa: PLW1509 (no threads are started before it)
    ) as process:
        assert process.stdin is not None
        # more than a pipe holds: once it is written, the command is reading its input
        process.stdin.write(LOG.read_bytes() * 3)
        process.stdin.flush()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == EXIT_INTERRUPTED
    assert out == b""
    assert _one_line(err) == "frpolicy: interrupted\n"


def test_an_unexpected_error_is_one_line_that_names_a_bug_and_exit_2_never_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        msg = "division by zero\nsecond line"
        raise ZeroDivisionError(msg)

    monkeypatch.setattr(cli, "ReadingsAudit", broken)
    assert main(AUDIT) == EXIT_BAD_INPUT
    message = _one_line(capsys.readouterr().err)
    assert message.startswith(
        "frpolicy: internal error, a bug in frpolicy (please report it): ZeroDivisionError: "
        "division by zero\\nsecond line (at test_cli.py:"
    )


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"}, {"LC_ALL": "C", "LANG": "C"}],
)
def test_output_is_utf_8_whatever_the_locale(tmp_path: Path, env: dict[str, str]) -> None:
    log = tmp_path / "log-é-中-😀.jsonl"
    log.write_bytes(GOOD + b"\n")
    for fmt in ("text", "json", "html"):
        result = _frpolicy("audit", str(log), "--jurisdiction", "US-MA", "--format", fmt, env=env)
        assert result.returncode == EXIT_CLEAN, result.stderr
        assert result.stderr == b""
        assert "log-é-中-😀.jsonl" in result.stdout.decode("utf-8")


def test_a_full_or_closed_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        for args in (AUDIT, ["jurisdictions"], ["schema"], ["--help"]):
            result = _frpolicy(*args, stdout=full)
            assert result.returncode == EXIT_BAD_INPUT
            assert _one_line(result.stderr) == (
                "frpolicy: cannot write to standard output: No space left on device\n"
            )
    command = f"exec {shlex.quote(sys.executable)} -m frpolicy jurisdictions >&-"
    closed = subprocess.run(  # noqa: S602 - a fixed command line, to start with stdout closed
        command, shell=True, stderr=subprocess.PIPE, check=False, cwd=tmp_path
    )
    assert closed.returncode == EXIT_BAD_INPUT
    assert _one_line(closed.stderr) == "frpolicy: cannot write to standard output: it is closed\n"
    with subprocess.Popen(  # noqa: S603 - the command under test
        [sys.executable, "-m", "frpolicy", *AUDIT], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # the reader went away, as `| head` does
        err = process.stderr.read()
        assert process.wait(timeout=60) == EXIT_BAD_INPUT
    assert _one_line(err) == "frpolicy: cannot write to standard output: Broken pipe\n"


def _plug_ins(tmp_path: Path, entry_points: str) -> dict[str, str]:
    """An environment in which a made-up package registers these entry points."""
    (tmp_path / "broken_land.py").write_text(
        "raise RuntimeError('this plug-in is broken')\n", encoding="utf-8"
    )
    (tmp_path / "copy_land.py").write_text(
        "import attrs\nfrom frpolicy.jurisdictions.us_ma import MASSACHUSETTS\n"
        "from frpolicy_sample import SAMPLELAND\n"
        "COPY = attrs.evolve(MASSACHUSETTS, name='Another Massachusetts')\n"
        "COPY_SAMPLE = attrs.evolve(SAMPLELAND, name='Another Sampleland')\n",
        encoding="utf-8",
    )
    info = tmp_path / "frpolicy_broken-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: frpolicy-broken\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[frpolicy.jurisdictions]\n{entry_points}\n", encoding="utf-8"
    )
    return {"PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}


def test_a_broken_plug_in_is_listed_with_its_error_and_the_others_keep_working(
    tmp_path: Path,
) -> None:
    env = _plug_ins(tmp_path, "XX-BROKEN = broken_land:LAND")
    listed = _frpolicy("jurisdictions", env=env)
    assert listed.returncode == EXIT_CLEAN
    lines = listed.stdout.decode().splitlines()
    assert "US-MA  Massachusetts" in lines
    assert (
        "XX-BROKEN  cannot be used: the entry point XX-BROKEN = broken_land:LAND of "
        "frpolicy-broken 1.0 failed to load: RuntimeError: this plug-in is broken"
    ) in lines
    asked = _frpolicy("evaluate", "-", "--jurisdiction", "XX-BROKEN", env=env, stdin=b"{}")
    assert asked.returncode == EXIT_BAD_INPUT
    assert "jurisdiction 'XX-BROKEN' cannot be used: " in _one_line(asked.stderr)
    audit = _frpolicy(*AUDIT, env=env)
    assert audit.returncode == EXIT_VIOLATIONS
    assert audit.stderr == b""


def test_a_package_registering_a_shipped_code_is_listed_and_the_shipped_place_answers(
    tmp_path: Path,
) -> None:
    env = _plug_ins(tmp_path, "US-MA = copy_land:COPY")
    asked = _frpolicy(*AUDIT, env=env)
    assert asked.returncode == EXIT_VIOLATIONS
    assert asked.stderr == b""
    listed = _frpolicy("jurisdictions", env=env)
    assert listed.returncode == EXIT_CLEAN
    lines = listed.stdout.decode().splitlines()
    assert "US-MA  Massachusetts" in lines
    assert "Another Massachusetts" not in listed.stdout.decode()
    assert (
        "US-MA  cannot be used: the entry point US-MA = copy_land:COPY of frpolicy-broken 1.0 "
        "registers a code frpolicy ships; frpolicy's own is used instead"
    ) in lines


def test_two_packages_registering_one_code_are_refused_without_a_traceback(
    tmp_path: Path,
) -> None:
    env = _plug_ins(tmp_path, "XX-SAMPLE = copy_land:COPY_SAMPLE")
    asked = _frpolicy("evaluate", "-", "--jurisdiction", "XX-SAMPLE", env=env, stdin=b"{}")
    assert asked.returncode == EXIT_BAD_INPUT
    assert "'XX-SAMPLE' cannot be used: 2 packages register it (" in _one_line(asked.stderr)
    listed = _frpolicy("jurisdictions", env=env)
    assert listed.returncode == EXIT_CLEAN
    assert b"XX-SAMPLE  cannot be used: 2 packages register it" in listed.stdout


# -- the last edges: closed streams, outputs a shell could not write, signals --------------------

REQUEST = EXAMPLES / "request.json"
READING_STANDARD_INPUT = [
    ["evaluate", "-", "--jurisdiction", "US-MA"],
    ["audit", "-", "--jurisdiction", "US-MA"],
    ["report", "eopss", "-", "--period", "2024"],
    ["compare", "-"],
]


@pytest.mark.parametrize("args", READING_STANDARD_INPUT, ids=lambda a: a[0])
def test_a_closed_standard_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python makes of a closed descriptor 0
    assert main(args) == EXIT_BAD_INPUT
    assert _one_line(capsys.readouterr().err) == (
        "frpolicy: cannot read standard input: it is closed\n"
    )


def test_a_closed_standard_error_changes_neither_the_exit_code_nor_the_output(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main([*AUDIT, "--format", "json"]) == EXIT_VIOLATIONS
    report = capsysbinary.readouterr().out
    monkeypatch.setattr(sys, "stderr", None)
    assert main([*AUDIT, "--format", "json"]) == EXIT_VIOLATIONS
    assert capsysbinary.readouterr().out == report


def test_closed_standard_streams_of_a_real_process_are_one_line_or_nothing() -> None:
    command = f"{shlex.quote(sys.executable)} -m frpolicy compare - <&-"
    closed = subprocess.run(  # noqa: S602 - a fixed command line, to start with stdin closed
        command, shell=True, capture_output=True, check=False
    )
    assert closed.returncode == EXIT_BAD_INPUT
    assert _one_line(closed.stderr) == "frpolicy: cannot read standard input: it is closed\n"


@pytest.mark.parametrize(
    "command",
    [["audit", "-", "--jurisdiction", "US-MA"], ["report", "eopss", "-", "--period", "2024"]],
    ids=["audit", "report eopss"],
)
def test_an_output_that_is_standard_input_is_refused_and_the_input_kept(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    log = _bytes_log(tmp_path, LOG.read_bytes())
    kept = os.dup(0)
    try:
        with log.open("rb") as given:  # `< LOG`
            os.dup2(given.fileno(), 0)
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.FileIO(0, closefd=False)))
        )
        assert main([*command, "--output", str(log)]) == EXIT_BAD_INPUT
    finally:
        os.dup2(kept, 0)
        os.close(kept)
    assert "is the log (standard input); writing there would destroy it" in _one_line(
        capsys.readouterr().err
    )
    assert log.read_bytes() == LOG.read_bytes()


def test_an_output_in_a_folder_that_cannot_be_searched_or_with_too_long_a_name_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    too_long = tmp_path / ("n" * 300)
    assert main([*AUDIT, "--output", str(too_long)]) == EXIT_BAD_INPUT
    assert "File name too long" in _one_line(capsys.readouterr().err)
    with unprivileged.folder() as folder:
        (folder / "closed").mkdir(mode=0o666)  # read and write, but never entered
        output = folder / "closed" / "report.txt"
        assert unprivileged.run(lambda: _main_quietly([*AUDIT, "--output", str(output)])) == (
            EXIT_BAD_INPUT,
            f"frpolicy: --output: cannot write {output}: Permission denied\n",
        )


def _main_quietly(args: list[str]) -> tuple[int, str]:
    """The exit code and standard error of a run; standard output is dropped."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(args)
    return code, err.getvalue()


def test_an_output_over_a_file_that_cannot_be_written_is_refused_as_a_shell_would() -> None:
    with unprivileged.folder() as folder:
        report = folder / "report.txt"
        report.write_text("kept", encoding="utf-8")
        report.chmod(0o444)
        assert unprivileged.run(lambda: _main_quietly([*AUDIT, "--output", str(report)])) == (
            EXIT_BAD_INPUT,
            f"frpolicy: --output: cannot write {report}: Permission denied\n",
        )
        assert report.read_text(encoding="utf-8") == "kept"


def _in_a_child(run: typing.Callable[[], tuple[int, str]]) -> tuple[int, str] | str:
    """What ``run()`` returns in a forked process, or how a signal ended that process."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, which never returns
        os.close(read)
        with os.fdopen(write, "w", encoding="utf-8") as out:
            out.write(json.dumps(run()))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as answered:
        said = answered.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return f"ended by {signal.Signals(os.WTERMSIG(status)).name}"
    code, err = json.loads(said)
    return code, err


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_a_signal_during_a_write_leaves_no_temporary_file_and_exits_as_a_shell_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    number = getattr(signal, name)

    def run() -> tuple[int, str]:
        signal.signal(number, signal.SIG_DFL)
        monkeypatch.setattr(os, "fsync", lambda _fd: os.kill(os.getpid(), number))
        return _main_quietly([*AUDIT, "--output", str(tmp_path / "report.txt")])

    assert _in_a_child(run) == (128 + number, f"frpolicy: ended by {name}\n")
    assert list(tmp_path.iterdir()) == []


def test_a_signal_the_command_was_started_ignoring_stays_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run() -> tuple[int, str]:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup starts it
        monkeypatch.setattr(os, "fsync", lambda _fd: os.kill(os.getpid(), signal.SIGHUP))
        return _main_quietly([*AUDIT, "--output", str(tmp_path / "report.txt")])

    assert _in_a_child(run) == (EXIT_VIOLATIONS, "")
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_compare_on_an_empty_day_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(REQUEST), "--on", ""]) == EXIT_BAD_INPUT
    assert "--on: not an ISO 8601 date" in _one_line(capsys.readouterr().err)


@pytest.mark.parametrize(("period", "title"), [("9999Q4", "9999 Q4"), ("0001Q1", "0001 Q1")])
def test_report_eopss_takes_a_period_at_either_end_of_the_calendar(
    capsys: pytest.CaptureFixture[str], period: str, title: str
) -> None:
    assert main(["report", "eopss", str(LOG), "--period", period]) == EXIT_CLEAN
    assert title in capsys.readouterr().out.splitlines()[0]


class _Pool:
    """A process pool that runs its tasks here, and notes how many processes it was asked for."""

    asked: typing.ClassVar[list[int]] = []

    def __init__(self, max_workers: int) -> None:
        self.asked.append(max_workers)

    def __enter__(self) -> typing.Self:
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def map(self, task: Any, items: Any) -> Any:
        return map(task, items)


def test_jobs_beyond_the_processors_are_capped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _Pool)
    monkeypatch.setattr(cli, "_processors", lambda: 2)
    _Pool.asked.clear()
    assert main([*AUDIT, "--format", "json"]) == EXIT_VIOLATIONS
    report = capsys.readouterr().out
    assert main([*AUDIT, "--format", "json", "--jobs", "300"]) == EXIT_VIOLATIONS
    assert capsys.readouterr().out == report
    assert _Pool.asked == [2]


def test_jobs_on_a_fifo_read_it_once_in_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "log.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(LOG.read_bytes()))
    writer.start()
    code = main(["audit", str(fifo), "--jurisdiction", "US-MA", "--format", "json", "--jobs", "2"])
    writer.join()
    assert code == EXIT_VIOLATIONS
    assert json.loads(capsys.readouterr().out)["totals"]["lines_read"] == len(_raw())


def test_cutting_a_log_into_parts_never_holds_more_than_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_jsonl, "MAX_LINE", 1000)
    log = _bytes_log(tmp_path, GOOD + b"\n" + b"x" * 50_000 + b"\n" + GOOD + b"\n")
    asked: list[int] = []

    class Watched(io.BufferedReader):
        def readline(self, size: int | None = -1) -> bytes:
            asked.append(-1 if size is None else size)
            return super().readline(size)

    with Watched(io.FileIO(log)) as handle:
        bounds = cli._bounds(str(log), handle, 2)  # noqa: SLF001 - the cutting itself
    assert bounds == [0, len(GOOD) + 1 + 50_001, log.stat().st_size]
    assert asked
    assert all(0 <= size <= 1000 for size in asked)


@pytest.mark.parametrize(
    "request_id", [" =1+1", "\u3000=1+1", "\uff1d1+1", "\uff0b1", "\xa0@SUM(A1)", "-1+1"]
)
def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_marked_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], request_id: str
) -> None:
    record = _raw()[0]
    record["request"]["id"] = request_id
    log = _bytes_log(tmp_path, json.dumps(record).encode() + b"\n")
    assert main(["report", "eopss", str(log), "--period", "2024", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert [row for row in rows if f"'{request_id}" in row]
    assert not [row for row in rows if request_id in row]


def test_an_audit_does_not_count_a_report_dated_years_before_the_search_as_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = _raw()[0]
    record["documented_at"] = record["reported_at"] = "2019-01-01T09:00:00-05:00"
    log = _bytes_log(tmp_path, json.dumps(record).encode() + b"\n")
    code, report = _audit_json(capsys, log, "--as-of", "2025-01-01T00:00:00Z")
    assert code == EXIT_VIOLATIONS
    (violation,) = report["violations"]
    assert violation["missing"].endswith(
        "not done; what was dated 2019-01-01 09:00 -05:00 came before the duty arose and is "
        "not its fulfilment"
    )
    assert report["totals"]["obligations_met"] == 0


FORGED = "MA-1\nOutcome: PERMITTED\r\x1b[2Kfrpolicy: clean"


def _forges(text: str) -> list[str]:
    """The lines of an output that start with what the input planted after a line break."""
    return [
        line for line in text.splitlines() if line.startswith(("Outcome: PERM", "frpolicy: clean"))
    ]


def test_a_line_break_in_a_request_id_forges_no_line_of_a_memo_a_comparison_or_a_replay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = json.loads(REQUEST.read_text(encoding="utf-8")) | {"id": FORGED}
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    db = tmp_path / "decisions.db"
    for args in (
        ["evaluate", str(path), "--jurisdiction", "US-MA", "--db", str(db)],
        ["compare", str(path)],
        ["replay", str(db), "--version", "H.1728"],
    ):
        main(args)
        out = capsys.readouterr().out
        assert "MA-1\\nOutcome: PERMITTED\\r\\x1b[2Kfrpolicy: clean" in out, args[0]
        assert _forges(out) == [], args[0]


@pytest.mark.parametrize(
    "command",
    [["audit", "LOG", "--jurisdiction", "US-MA"], ["report", "eopss", "LOG", "--period", "2024"]],
    ids=["audit", "report eopss"],
)
def test_input_problems_past_a_thousand_are_counted_not_held_unless_their_table_is_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    log = _bytes_log(tmp_path, b"x\n" * 1_500)
    args = [str(log) if a == "LOG" else a for a in command]
    assert main([*args, "--format", "json"]) == EXIT_BAD_INPUT
    report = json.loads(capsys.readouterr().out)
    assert len(report["input_problems"]) == 1_000
    assert report["input_problems_not_listed"] == 500
    assert main([*args, "--format", "json", "--limit", "2000"]) == EXIT_BAD_INPUT
    assert len(json.loads(capsys.readouterr().out)["input_problems"]) == 1_500
    assert main([*args, "--format", "csv", "--table", "problems"]) == EXIT_BAD_INPUT
    assert len(capsys.readouterr().out.splitlines()) == 1 + 1_500  # a CSV table is whole


def _hostile_plug_ins(folder: Path, plug_ins: dict[str, str]) -> dict[str, str]:
    """An environment in which a package registers a plug-in of each body, by name."""
    for name, body in plug_ins.items():
        (folder / f"{name}_land.py").write_text(body + "\n", encoding="utf-8")
    info = folder / "frpolicy_hostile-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: frpolicy-hostile\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[frpolicy.jurisdictions]\n"
        + "".join(f"XX-{name.upper()} = {name}_land:LAND\n" for name in plug_ins),
        encoding="utf-8",
    )
    return os.environ | {
        "PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")])
    }


def _run_with_a_time_limit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The command, with the time a plug-in's import may take cut to 3 s."""
    quick = "import sys, frpolicy.cli as c; c._PLUGIN_IMPORT_LIMIT = 3.0; "
    quick += "sys.exit(c.main(sys.argv[1:]))"
    return subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-c", quick, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_a_plug_in_that_interrupts_or_ends_its_process_on_import_takes_nothing_down(
    tmp_path: Path,
) -> None:
    env = _hostile_plug_ins(
        tmp_path,
        {
            "interrupting": "raise KeyboardInterrupt('from the plug-in')",
            "ending": "import os\nos._exit(5)",
        },
    )
    listed = _run_with_a_time_limit(env, "jurisdictions")
    assert listed.returncode == EXIT_CLEAN, listed.stderr
    lines = listed.stdout.splitlines()
    assert "US-MA  Massachusetts" in lines
    assert (
        "XX-INTERRUPTING  cannot be used: importing it raised KeyboardInterrupt: from the plug-in"
    ) in lines
    assert "XX-ENDING  cannot be used: importing it ended its process (exit status 5)" in lines
    compared = _run_with_a_time_limit(env, "compare", str(REQUEST))
    assert compared.returncode in {EXIT_CLEAN, EXIT_VIOLATIONS}, compared.stderr
    assert "-- US-MA Massachusetts --" in compared.stdout


def test_a_plug_in_that_hangs_on_import_is_stopped_and_named(tmp_path: Path) -> None:
    env = _hostile_plug_ins(tmp_path, {"hanging": "import time\ntime.sleep(600)"})
    listed = _run_with_a_time_limit(env, "jurisdictions")
    assert listed.returncode == EXIT_CLEAN, listed.stderr
    assert (
        "XX-HANGING  cannot be used: importing it took more than 3 s; it was stopped"
    ) in listed.stdout.splitlines()
    assert "US-MA  Massachusetts" in listed.stdout.splitlines()
