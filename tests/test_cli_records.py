"""The command line over decision records: ``evaluate --db``, ``log verify|export``, ``replay``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import frpolicy
from frpolicy import SearchRecord, from_json, to_json
from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, main
from frpolicy.records import DecisionLog, chain_hash, record_decision

ROOT = Path(__file__).resolve().parent.parent
REQUEST = ROOT / "src" / "frpolicy" / "examples" / "request.json"
SAMPLE = ROOT / "src" / "frpolicy" / "examples" / "ma_search_log.jsonl"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    assert err.count("\n") == 1, err
    assert err.startswith("frpolicy: ")
    assert "Traceback" not in err
    return err


@pytest.fixture
def sample_requests(tmp_path: Path) -> list[Path]:
    """Three requests of the sample log as files: the first permitted now, refused by H.1728."""
    paths = []
    for line in SAMPLE.read_text("utf-8").splitlines()[:3]:
        request = from_json(line, SearchRecord).request
        path = tmp_path / f"{request.id}.json"
        path.write_text(to_json(request), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def log(tmp_path: Path, capsys: pytest.CaptureFixture[str], sample_requests: list[Path]) -> Path:
    path = tmp_path / "decisions.db"
    for request in sample_requests:
        main(["evaluate", str(request), "--jurisdiction", "US-MA", "--db", str(path)])
    capsys.readouterr()
    return path


def test_evaluate_with_a_log_appends_the_record_and_prints_the_same_memo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "decisions.db"
    plain = run(capsys, "evaluate", REQUEST, "--jurisdiction", "US-MA")
    code, out, err = run(capsys, "evaluate", REQUEST, "--jurisdiction", "US-MA", "--db", path)
    assert (code, out) == plain[:2]
    assert err.startswith(f"frpolicy: recorded as row 1 of {path} (decision ")
    run(capsys, "evaluate", REQUEST, "--jurisdiction", "US-MA", "--version", "H.1728", "--db", path)
    with DecisionLog(path, readonly=True) as opened:
        (first, one), (second, two) = opened.records()
    assert (first, second) == (1, 2)
    assert (one.instrument, two.instrument) == ("St. 2020, c.253", "H.1728")
    assert one.request == two.request
    assert one.id != two.id


def test_evaluate_with_a_log_records_the_readings_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "decisions.db"
    reading = ["--reading", "warrant-as-court-order=no"]
    code, _, _ = run(capsys, "evaluate", REQUEST, "--jurisdiction", "US-MA", *reading, "--db", path)
    assert code == EXIT_VIOLATIONS
    with DecisionLog(path, readonly=True) as opened:
        ((_, record),) = opened.records()
    assert ("warrant-as-court-order", "no") in {(r.reading, r.choice) for r in record.readings}
    code, out, _ = run(capsys, "replay", path, "--on", "2025-06-01")
    assert code == EXIT_VIOLATIONS  # the law in force, as adopted, reads a warrant as an order
    assert "under St. 2020, c.253: permitted" in out
    code, _, _ = run(capsys, "replay", path, "--on", "2025-06-01", *reading)
    assert code == EXIT_CLEAN


def test_evaluate_with_a_log_that_cannot_be_used_prints_no_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "foreign.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    code, out, err = run(capsys, "evaluate", REQUEST, "--jurisdiction", "US-MA", "--db", foreign)
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert "not a frpolicy decision log" in one_line_error(err)


def test_log_verify_prints_the_head_to_anchor_and_checks_it_later(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "log", "verify", log)
    assert code == EXIT_CLEAN
    summary, head = out.splitlines()
    assert summary == f"{log}: a whole chain of 3 records"
    anchor = head.removeprefix("head ")
    assert anchor.startswith("3:")
    assert run(capsys, "log", "verify", log, "--anchor", anchor)[0] == EXIT_CLEAN
    connection = sqlite3.connect(log)
    with connection:
        connection.execute("DELETE FROM decisions WHERE seq = 3")
    connection.close()
    assert run(capsys, "log", "verify", log)[0] == EXIT_CLEAN  # a shorter chain is whole
    code, out, _ = run(capsys, "log", "verify", log, "--anchor", anchor)
    assert code == EXIT_VIOLATIONS
    assert out == (
        f"{log}: the chain is broken at row 3: row 3 was anchored, but the log ends at row 2\n"
    )


def test_log_verify_names_the_first_row_edited(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(log)
    with connection:
        connection.execute("UPDATE decisions SET record = record || ' ' WHERE seq = 2")
    connection.close()
    code, out, _ = run(capsys, "log", "verify", log)
    assert code == EXIT_VIOLATIONS
    assert out.endswith(
        "broken at row 2: its hash is not the hash of its contents: it was edited\n"
    )


def test_a_bad_anchor_is_a_usage_error(log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "log", "verify", log, "--anchor", "3:abc")
    assert code == EXIT_BAD_INPUT
    assert "--anchor: expected ROW:SHA256" in one_line_error(err)


def test_log_export_writes_json_lines_that_verify_to_the_same_head(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "log", "export", log, "--format", "jsonl")
    assert code == EXIT_CLEAN
    assert len(out.splitlines()) == 3
    export = tmp_path / "decisions.jsonl"
    export.write_text(out, encoding="utf-8")
    assert run(capsys, "log", "verify", export)[2].splitlines()[-1:] == []
    head_of_log = run(capsys, "log", "verify", log)[1].splitlines()[1]
    head_of_export = run(capsys, "log", "verify", export)[1].splitlines()[1]
    assert head_of_export == head_of_log


def test_log_export_writes_csv_a_row_per_record(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "log", "export", log, "--format", "csv")
    assert code == EXIT_CLEAN
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["seq"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["request_id"] == "MA-2024-0001"
    assert rows[0]["outcome"] == "permitted"
    assert rows[1]["previous"] == rows[0]["hash"]


def test_replay_finds_the_decision_h1728_would_refuse_with_both_memos(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "replay", log, "--version", "H.1728")
    assert code == EXIT_VIOLATIONS
    assert out.startswith("row 1: decision ")
    assert "  under H.1728: not permitted" in out
    assert "--- memo as recorded ---" in out
    assert "--- memo under H.1728 ---" in out
    assert f"Replay of {log}: 3 records, against H.1728" in out
    code, out, _ = run(capsys, "replay", log, "--on", "2025-06-01")
    assert code == EXIT_CLEAN
    assert "against the law in force on 2025-06-01" in out


def test_replay_writes_json_lines_a_line_per_record_found_then_the_totals(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "replay", log, "--version", "H.1728", "--json")
    assert code == EXIT_VIOLATIONS
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[-1]["kind"] == "totals"
    assert lines[-1]["records"] == 3
    found = [line for line in lines if line["kind"] == "differs"]
    assert len(found) == lines[-1]["changed"]
    first = found[0]
    assert first["where"] == "row 1"
    assert first["recorded"]["outcome"] == "permitted"
    assert first["against"]["outcome"] == "not_permitted"
    assert first["against"]["memo"].startswith("NOT PERMITTED")


def test_replay_of_json_lines_with_bad_lines_names_each_and_replays_the_rest(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = run(capsys, "log", "export", log)[1].splitlines()
    newer = json.dumps(json.loads(good[0]) | {"schema_version": 2})
    path = tmp_path / "records.jsonl"
    path.write_bytes("\n".join([good[0], "", "{oops", newer, good[1]]).encode() + b"\n\xff\n")
    code, out, _ = run(capsys, "replay", path, "--version", "H.1728")
    assert code == EXIT_BAD_INPUT
    assert "line 3: cannot be read: $: not valid JSON" in out
    assert "line 4: cannot be read: $.schema_version: decision record schema version 2" in out
    assert "line 6: cannot be read: $: not UTF-8 text" in out
    assert "line 1: decision " in out
    assert "records.jsonl: 2 records" in out
    assert "unreadable:                                    3" in out


def test_log_and_replay_output_shows_control_characters_as_escapes(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a file name may hold any character but "/": one that moves the terminal's cursor or
    # turns text right to left is shown, never obeyed
    named = tmp_path / "log\x1b[2K\u202e.db"
    named.write_bytes(log.read_bytes())
    code, out, _ = run(capsys, "log", "verify", named)
    assert code == EXIT_CLEAN
    assert "log\\x1b[2K\\u202e.db: a whole chain of" in out
    export = tmp_path / "records\x1b[2K.jsonl"
    export.write_text(run(capsys, "log", "export", log)[1], encoding="utf-8")
    code, out, _ = run(capsys, "replay", export, "--version", "H.1728")
    assert "records\\x1b[2K.jsonl: 3 records" in out
    assert "\x1b" not in out


def test_replay_reports_a_record_whose_law_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ma = frpolicy.jurisdiction("US-MA")
    request = from_json(REQUEST.read_text("utf-8"), frpolicy.SearchRequest)
    data = json.loads(to_json(record_decision(ma, request)))
    data["instrument"] = data["decision"]["instrument"] = "St. 2019, c.1"
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(data) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "replay", path)
    assert code == EXIT_VIOLATIONS
    assert "the law it names is not known: US-MA has no version 'St. 2019, c.1'" in out
    assert "naming a law no longer known:                  1" in out


def test_a_log_holding_a_record_of_a_newer_schema_version_is_one_line_and_exit_2(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(log)
    with connection:
        text, previous = connection.execute(
            "SELECT record, previous FROM decisions WHERE seq = 3"
        ).fetchone()
        newer = json.dumps(json.loads(text) | {"schema_version": 9})
        connection.execute(
            "UPDATE decisions SET record = ?, hash = ? WHERE seq = 3",
            (newer, chain_hash(previous, 3, newer)),
        )
    connection.close()
    for command in ("log", "verify"), ("replay",), ("log", "export", "--format", "csv"):
        code, _, err = run(capsys, *command[:2], log, *command[2:])
        assert code == EXIT_BAD_INPUT, command
        assert "schema version 9" in one_line_error(err)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"SQLite format 3\x00" + b"\x01" * 300, "not a readable SQLite database"),
        (b"\x00\x01 binary", "neither a decision log nor an export of one"),
    ],
    ids=["a damaged database", "a file of another kind"],
)
def test_a_file_that_is_not_a_decision_log_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "log.db"
    path.write_bytes(content)
    code, out, err = run(capsys, "log", "verify", path)
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert message in one_line_error(err)
    code, _, err = run(capsys, "log", "export", path)
    assert code == EXIT_BAD_INPUT
    one_line_error(err)
    code, out, err = run(capsys, "replay", path)
    assert code == EXIT_BAD_INPUT
    if "neither" in message:  # read as JSON Lines: its one line is named as unreadable
        assert out.startswith("line 1: cannot be read: $: not valid JSON")
    else:
        one_line_error(err)


@pytest.mark.parametrize(
    "command",
    [["log", "verify"], ["log", "export"], ["replay"]],
    ids=["verify", "export", "replay"],
)
def test_a_missing_log_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, _, err = run(capsys, *command, tmp_path / "none.db")
    assert code == EXIT_BAD_INPUT
    assert "No such file or directory" in one_line_error(err)
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--version", "H.9"], "US-MA has no version 'H.9'"),
        (["--version", "Laws 2020 c 257"], "US-MA has no version 'Laws 2020 c 257'"),
        (["--on", "2019-01-01"], "no encoded law is in force on 2019-01-01"),
        (["--on", "someday"], "--on: not an ISO 8601 date"),
        (["--reading", "nope"], "--reading: expected ID=CHOICE"),
    ],
)
def test_replay_against_a_law_that_cannot_be_found_is_one_line_and_exit_2(
    log: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    code, _, err = run(capsys, "replay", log, *options)
    assert code == EXIT_BAD_INPUT
    assert message in one_line_error(err)


def test_schema_prints_the_decision_records_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "DecisionRecord")
    assert code == EXIT_CLEAN
    schema = json.loads(out)
    assert schema["title"] == "DecisionRecord"
    assert "schema_version" in schema["$defs"]["DecisionRecord"]["required"]


def test_python_dash_m_frpolicy_keeps_and_verifies_a_log(tmp_path: Path) -> None:
    path = tmp_path / "decisions.db"
    for args in (
        ["evaluate", str(REQUEST), "--jurisdiction", "US-MA", "--db", str(path)],
        ["log", "verify", str(path)],
    ):
        result = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [sys.executable, "-m", "frpolicy", *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == EXIT_CLEAN, result.stderr
    assert result.stdout.startswith(f"{path}: a whole chain of 1 record\nhead 1:")


@pytest.mark.parametrize("content", [b"", b"\n"])
def test_replay_against_a_version_no_jurisdiction_has_is_refused_even_with_no_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    empty = tmp_path / "records.jsonl"
    empty.write_bytes(content)
    code, out, err = run(capsys, "replay", empty, "--version", "NOPE")
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert "--version: no installed jurisdiction has a version 'NOPE'" in one_line_error(err)
