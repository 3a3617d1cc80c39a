"""The fuzz suite: every class of hostile input, into each edge of frpolicy.

The classes are the strategies of ``tests/hostile.py``. A decoder answers each line with a
valid record or an :class:`~frpolicy.serialization.InputError` of short single lines (and
a second decoder with the same answer as ``from_json``). The command line answers any log
with exit 0, 1 or 2, a report, nothing on stderr, and totals that count every line once.
The JSON Schema finds valid exactly what the decoder accepts, over near-valid documents
and every hostile line. A field of the input holding control characters forges no line of
any output. Writers sharing a decision log lose no append they were told of, and every
tampering with it is refused or named. The symbolic analysis, given a leaf at the edge of
the subset it translates, never claims what the engine contradicts, on the requests the
solver chooses or on requests at the same edge. A hostile line is cheap to try, so their
number follows the profile (more in ``ci``); a test whose example is a whole audit, a
solver run or a shared log keeps a small fixed number, the same in every profile.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import attrs
import jsonschema  # type: ignore[import-untyped]  # it ships no type information
import pytest
from hostile import (
    CLASSES,
    DECODERS,
    EDITS,
    FIELDS,
    LEAF_CLASSES,
    TAMPERING,
    VALID_LINES,
    check_edge,
    check_no_forged_line,
    check_same_answer,
    check_schema_agrees,
    log_lines,
    log_scenarios,
    near_valid_documents,
    planted_record,
    planted_texts,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frpolicy import InputError, SearchRecord, from_json, json_schema, jurisdiction
from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, main
from frpolicy.records import (
    DecisionLog,
    DecisionRecord,
    LogError,
    read_records,
    record_decision,
    verify,
)
from frpolicy.reports import FORMATS

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow])
"""The fuzz suite's settings: the profile's examples unless a test fixes its own."""


@pytest.mark.parametrize("decoder", sorted(DECODERS))
@pytest.mark.parametrize("hostile_class", sorted(CLASSES))
@FUZZ
@given(data=st.data())
def test_every_hostile_line_decodes_to_a_valid_record_or_an_input_error(
    decoder: str, hostile_class: str, data: st.DataObject
) -> None:
    check_same_answer(DECODERS[decoder], data.draw(CLASSES[hostile_class], label="line"))


def _lines_in(data: bytes) -> int:
    """How many lines a file holds: ends of line, and a last line without one."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


@settings(FUZZ, max_examples=50)
@given(
    lines=log_lines(),
    end=st.sampled_from([b"\n", b"\r\n"]),
    last_end=st.booleans(),
    bom=st.booleans(),
)
def test_frpolicy_audit_reports_on_any_log_and_counts_every_line_once(
    lines: list[bytes], end: bytes, *, last_end: bool, bom: bool
) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + end.join(lines) + (end if last_end else b"")
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.jsonl"
        log.write_bytes(data)
        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
        args = ["audit", str(log), "--jurisdiction", "US-MA", "--format", "json"]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    assert code in {EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_BAD_INPUT}
    assert err.getvalue() == ""
    out.flush()
    assert isinstance(out.buffer, io.BytesIO)
    report = json.loads(out.buffer.getvalue())
    totals = report["totals"]
    read = _lines_in(data[3:] if bom else data)
    assert totals["lines_read"] == read
    assert totals["records"] + totals["malformed_lines"] + totals["blank_lines"] == read
    problems = totals["malformed_lines"] + totals["duplicate_request_ids"]
    assert (code == EXIT_BAD_INPUT) == (problems > 0)
    assert len(report["input_problems"]) == problems


SCHEMA = jsonschema.Draft202012Validator(json_schema(SearchRecord))


@settings(FUZZ, max_examples=200)
@given(document=near_valid_documents())
def test_the_schema_finds_valid_exactly_the_documents_the_decoder_accepts(
    document: dict[str, object],
) -> None:
    check_schema_agrees(SCHEMA, document)


@pytest.mark.parametrize("hostile_class", sorted(CLASSES))
@settings(FUZZ, max_examples=50)
@given(data=st.data())
def test_every_hostile_line_the_decoder_accepts_the_schema_finds_valid(
    hostile_class: str, data: st.DataObject
) -> None:
    line = data.draw(CLASSES[hostile_class], label="line")
    try:
        from_json(line, SearchRecord)
    except InputError:
        return
    assert SCHEMA.is_valid(json.loads(line)), list(SCHEMA.iter_errors(json.loads(line)))[:2]


# -- text a person wrote, with control characters, through every output -------------------------

TEXT_OUTPUTS: tuple[tuple[str, ...], ...] = (
    ("evaluate", "REQUEST", "--jurisdiction", "US-MA", "--db", "DB"),
    ("compare", "REQUEST", "--jurisdiction", "US-MA", "--jurisdiction", "US-WA"),
    ("replay", "DB", "--version", "H.1728"),
    *(("audit", "LOG", "--jurisdiction", "US-MA", "--format", f) for f in FORMATS),
    *(
        (
            "report",
            "eopss",
            "LOG",
            "--period",
            "2024",
            "--format",
            f,
            *(("--table", "requests") if f == "csv" else ()),
        )
        for f in FORMATS
    ),
    ("log", "export", "DB", "--format", "csv"),
)
"""Every output that shows a field of the input, with where the input goes."""


@settings(FUZZ, max_examples=12)
@given(field=st.sampled_from(FIELDS), text=planted_texts())
def test_a_control_character_in_a_field_forges_no_line_of_any_output(
    field: tuple[str, ...], text: str
) -> None:
    record = planted_record(field, text)
    with tempfile.TemporaryDirectory() as folder:
        paths = {
            "LOG": Path(folder, "log.jsonl"),
            "REQUEST": Path(folder, "request.json"),
            "DB": Path(folder, "decisions.db"),
        }
        paths["LOG"].write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths["REQUEST"].write_text(json.dumps(record["request"]), encoding="utf-8")
        for args in TEXT_OUTPUTS:
            out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main([str(paths.get(a, a)) for a in args])
            out.flush()
            assert isinstance(out.buffer, io.BytesIO)
            shown = out.buffer.getvalue().decode("utf-8")
            assert code in {EXIT_CLEAN, EXIT_VIOLATIONS}, (args, err.getvalue())
            check_no_forged_line(shown, " ".join(args), data="json" in args)


# -- decision logs, written by several and tampered with ------------------------------------------

BASE_RECORD = record_decision(
    jurisdiction("US-MA"),
    from_json(VALID_LINES[0], SearchRecord).request,
    evaluated_at=datetime(2025, 1, 6, 17, 0, tzinfo=UTC),
)


@settings(FUZZ, max_examples=25)
@given(
    steps=log_scenarios(),
    change=st.sampled_from([None, *sorted(TAMPERING), *sorted(EDITS)]),
    at=st.integers(min_value=0, max_value=8),
)
def test_writers_sharing_a_log_lose_nothing_and_every_tampering_is_found(
    steps: list[tuple[str, int, int]], change: str | None, at: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "log.db")
        writers: dict[int, DecisionLog] = {}
        appended, made, changed = 0, 0, None
        try:
            for number, (what, writer, count) in enumerate(steps):
                if number == at and change is not None and _rows(path):
                    _tamper(path, change)
                    changed = change
                if what == "append":
                    batch = [attrs.evolve(BASE_RECORD, id=f"d{made + i}") for i in range(count)]
                    made += count
                    try:
                        log = writers.get(writer) or writers.setdefault(writer, DecisionLog(path))
                        rows = log.extend(batch)
                    except LogError:
                        continue  # refused, in one line: nothing appended, nothing claimed
                    appended += len(rows)
                elif what == "close" and writer in writers:
                    writers.pop(writer).close()
                elif what == "read" and path.exists():
                    _read_all(path)
        finally:
            for log in writers.values():
                log.close()
        _check_log(path, appended, changed)


def _rows(path: Path) -> int:
    if not path.exists():
        return 0
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM decisions").fetchone()[0])
    finally:
        connection.close()


def _tamper(path: Path, change: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        for statement in TAMPERING.get(change, ()) or (EDITS[change],):
            connection.execute(statement)
    connection.close()


def _read_all(path: Path) -> None:
    """Every way of reading a log: a record, a break, or one refusal, never anything else."""
    with contextlib.suppress(LogError):
        verify(path)
    with contextlib.suppress(LogError):
        list(read_records(path))
    with contextlib.suppress(LogError), DecisionLog(path, readonly=True) as log:
        log.export(io.StringIO())


def _check_log(path: Path, appended: int, changed: str | None) -> None:
    """Every append confirmed is in the log, and every tampering is refused or named."""
    if changed in TAMPERING:
        for readonly in (True, False):
            with pytest.raises(LogError, match=r"altered|damaged"):
                DecisionLog(path, readonly=readonly)
        return
    if changed in EDITS:
        assert not verify(path).valid, changed
        return
    if not path.exists():
        assert appended == 0
        return
    found = verify(path)
    assert found.valid, found.broken
    assert found.rows == appended
    export = io.StringIO()
    with DecisionLog(path, readonly=True) as log:
        log.export(export)
    copy = path.with_suffix(".jsonl")
    copy.write_text(export.getvalue() + "\n", encoding="utf-8")
    assert verify(copy).head == found.head
    assert sum(isinstance(r, DecisionRecord) for _, r in read_records(copy)) == appended


@pytest.mark.parametrize("leaf_class", sorted(LEAF_CLASSES))
@settings(FUZZ, max_examples=12)
@given(data=st.data())
def test_the_analysis_never_claims_what_the_engine_contradicts_for_a_leaf_at_the_subsets_edge(
    leaf_class: str, data: st.DataObject
) -> None:
    pytest.importorskip("z3")
    check_edge(data.draw(LEAF_CLASSES[leaf_class], label="leaf"))
