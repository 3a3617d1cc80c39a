"""Decision records: provenance, the canonical hash, the chained log, and replay."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
import unprivileged
from hypothesis import given
from hypothesis import strategies as st

import frpolicy
from frpolicy import Disclosure, SearchRecord, SearchRequest, examples, from_json, to_json
from frpolicy.jurisdictions import Jurisdiction
from frpolicy.model import Database, Notice
from frpolicy.policy import Outcome
from frpolicy.records import (
    GENESIS_HASH,
    SCHEMA_VERSION,
    Anchor,
    DecisionLog,
    DecisionRecord,
    LogError,
    ReadingChoice,
    canonical_json,
    chain_hash,
    read_jsonl,
    read_record,
    read_records,
    record_decision,
    replay,
    request_sha256,
    verify,
)
from frpolicy.serialization import InputError, json_schema, to_dict
from frpolicy.strategies import search_requests

MA = frpolicy.jurisdiction("US-MA")
CURRENT = MA.version("St. 2020, c.253")
BILL = MA.version("H.1728")
REQUEST = from_json(examples.read("request.json"), SearchRequest)
SAMPLE = {
    r.request.id: r.request
    for r in (
        from_json(line, SearchRecord) for line in examples.read("ma_search_log.jsonl").splitlines()
    )
}
# a search under a court order on a written request: permitted by the law in force, refused
# by H.1728, which asks for a warrant
PERMITTED_NOW_REFUSED_BY_THE_BILL = SAMPLE["MA-2024-0001"]
# the Registry's own search: outside current law's scope, so its record is small
OUT_OF_SCOPE = SAMPLE["MA-2024-0003"]
NOON = datetime(2025, 1, 6, 17, 0, tzinfo=UTC)


def record(request: SearchRequest = REQUEST, **changes: Any) -> DecisionRecord:
    law = changes.pop("law", MA)
    return record_decision(law, request, **({"evaluated_at": NOON} | changes))


def records(count: int, request: SearchRequest = REQUEST) -> list[DecisionRecord]:
    base = record(request)
    return [attrs.evolve(base, id=f"decision-{i}") for i in range(count)]


def filled(path: Path, count: int = 6) -> Path:
    with DecisionLog(path) as log:
        log.extend(records(count))
    return path


def sql(path: Path, *statements: str, values: tuple[Any, ...] = ()) -> None:
    connection = sqlite3.connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement, values if "?" in statement else ())
    connection.close()


def row(path: Path, seq: int) -> tuple[str, str, str]:
    connection = sqlite3.connect(path)
    found = connection.execute(
        "SELECT record, previous, hash FROM decisions WHERE seq = ?", (seq,)
    ).fetchone()
    connection.close()
    return found[0], found[1], found[2]


# -- the canonical form and its hash -----------------------------------------------------------


def _in_zone(value: Any, zone: timezone) -> Any:
    """The same value, every date-time in it written on another clock."""
    if isinstance(value, datetime):
        return value.astimezone(zone)
    if attrs.has(type(value)):
        return attrs.evolve(
            value,
            **{f.name: _in_zone(getattr(value, f.name), zone) for f in attrs.fields(type(value))},
        )
    return value


def _reversed_keys(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _reversed_keys(data[k]) for k in reversed(list(data))}
    if isinstance(data, list):
        return [_reversed_keys(item) for item in data]
    return data


def test_the_canonical_form_is_sorted_utc_to_the_microsecond_without_nulls_or_defaults() -> None:
    boston = timezone(timedelta(hours=-5))
    notice = Notice(search_id="S-1", served_at=datetime(2024, 3, 4, 9, 0, 0, 5, tzinfo=boston))
    assert canonical_json(notice) == '{"search_id":"S-1","served_at":"2024-03-04T14:00:00.000005Z"}'
    disclosed = attrs.evolve(notice, disclosures=frozenset({Disclosure.ALGORITHM}))
    assert '"disclosures":["algorithm"]' in canonical_json(disclosed)
    text = canonical_json(REQUEST)
    assert ": " not in text
    assert "null" not in text
    assert '"submitted_at":"2024-11-04T14:00:00.000000Z"' in text
    assert '"categories":["property","violent","weapons"]' in text
    assert list(json.loads(text)) == sorted(json.loads(text))


@given(search_requests(MA), st.integers(-14 * 60, 14 * 60))
def test_equal_requests_written_in_other_time_zones_or_key_orders_hash_the_same(
    request: SearchRequest, minutes: int
) -> None:
    moved = _in_zone(request, timezone(timedelta(minutes=minutes)))
    assert request_sha256(moved) == request_sha256(request)
    shuffled = json.dumps(_reversed_keys(json.loads(to_json(moved))))
    assert request_sha256(from_json(shuffled, SearchRequest)) == request_sha256(request)


@given(search_requests(MA), search_requests(MA))
def test_requests_that_say_different_things_hash_differently(
    one: SearchRequest, other: SearchRequest
) -> None:
    assert (request_sha256(one) == request_sha256(other)) is (one == other)


@pytest.mark.parametrize(
    "change",
    [
        {"id": "MSP-2024-0118"},
        {"performed_at": REQUEST.performed_at + timedelta(microseconds=1)},  # type: ignore[operator]
        {"databases": frozenset({Database.MOTOR_VEHICLE_RECORDS, Database.BOOKING_PHOTOS})},
        {"warrant": None},
        {"real_time": True},
    ],
    ids=["id", "a microsecond", "a set", "an absent authorization", "a flag"],
)
def test_any_change_to_a_request_changes_its_hash(change: dict[str, Any]) -> None:
    assert request_sha256(attrs.evolve(REQUEST, **change)) != request_sha256(REQUEST)


def test_a_member_given_as_null_and_one_left_out_hash_the_same() -> None:
    data = json.loads(to_json(REQUEST))
    assert data["court_order"] is None
    del data["court_order"]
    assert request_sha256(from_json(json.dumps(data), SearchRequest)) == request_sha256(REQUEST)


@given(search_requests(MA))
def test_the_canonical_form_reads_back_as_the_same_request(request: SearchRequest) -> None:
    assert from_json(canonical_json(request), SearchRequest) == request


@attrs.frozen
class _Moment:
    """A value no model validator guards, to reach the canonical form's own edges."""

    label: str
    at: datetime
    tags: frozenset[str] = frozenset()


def test_a_lone_surrogate_is_escaped_so_the_canonical_form_has_utf8_bytes() -> None:
    text = canonical_json(_Moment(label="MSP-\ud800", at=NOON))
    assert text.startswith('{"at":"2025-01-06T17:00:00.000000Z","label":"MSP-\\ud800"')
    text.encode("utf-8")


def test_a_time_with_no_utc_form_is_refused_naming_its_path() -> None:
    east = timezone(timedelta(hours=5))
    moment = _Moment(label="x", at=datetime(1, 1, 1, tzinfo=east))
    with pytest.raises(ValueError, match=r"^\$\.at: .* cannot be written in UTC"):
        canonical_json(moment)
    with pytest.raises(ValueError, match=r"^\$\.at: naive datetime"):
        canonical_json(_Moment(label="x", at=datetime(2024, 1, 1)))  # noqa: DTZ001 - the point
    with pytest.raises(ValueError, match=r"^\$\[1\]: no canonical JSON for a float"):
        canonical_json(("x", 1.5))


# -- records -----------------------------------------------------------------------------------


def test_a_record_names_the_decision_the_law_its_readings_and_the_library() -> None:
    made = record()
    assert made.schema_version == SCHEMA_VERSION
    assert made.jurisdiction == "US-MA"
    assert made.instrument == "St. 2020, c.253"
    assert made.decision == CURRENT.evaluate(REQUEST)
    assert made.request == REQUEST
    assert made.request_sha256 == request_sha256(REQUEST)
    assert made.readings == tuple(
        ReadingChoice(reading=r.id, choice=r.chosen) for r in CURRENT.readings
    )
    assert made.library_version
    assert made.jurisdiction_package is not None
    assert made.jurisdiction_package.startswith("frpolicy ")
    assert made.evaluated_at == NOON


def test_a_record_under_another_reading_names_the_choice_taken() -> None:
    other = CURRENT.with_readings({"warrant-as-court-order": "no"})
    made = record(law=other)
    assert ReadingChoice(reading="warrant-as-court-order", choice="no") in made.readings
    assert made.decision.outcome is Outcome.NOT_PERMITTED


def test_the_wall_clock_time_is_provenance_and_never_changes_the_decision() -> None:
    early, late = record(), record(evaluated_at=datetime(2031, 1, 1, tzinfo=UTC))
    assert early.decision == late.decision
    assert early.evaluated_at != late.evaluated_at


def test_by_default_a_record_has_a_new_id_and_the_time_it_was_made() -> None:
    before = datetime.now(UTC)
    one, two = record_decision(MA, REQUEST), record_decision(MA, REQUEST)
    assert one.id != two.id
    assert before <= one.evaluated_at <= datetime.now(UTC)


def test_a_record_reads_back_from_its_json_as_the_same_record() -> None:
    made = record(PERMITTED_NOW_REFUSED_BY_THE_BILL, law=BILL)
    assert read_record(to_json(made)) == made
    assert read_record(to_json(made).encode()) == made


def test_a_record_of_an_unknown_schema_version_is_refused_naming_the_version() -> None:
    data = to_dict(record()) | {"schema_version": 2, "a_field_of_version_2": True}
    with pytest.raises(InputError) as caught:
        read_record(json.dumps(data))
    message = (
        "$.schema_version: decision record schema version 2 is not one this frpolicy reads "
        "(it reads version 1); a newer record needs a newer frpolicy"
    )
    assert caught.value.errors == (message,)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("{", "$: not valid JSON"),
        ("[]", "$: expected an object"),
        ('{"id": "x"}', "$.schema_version: required field missing"),
        ('{"schema_version": "1"}', "$.schema_version: decision record schema version '1'"),
        (b"\xff", "$: not UTF-8 text"),
    ],
)
def test_text_that_is_not_a_record_is_refused_with_one_line(text: str | bytes, error: str) -> None:
    with pytest.raises(InputError) as caught:
        read_record(text)
    assert len(caught.value.errors) == 1
    assert caught.value.errors[0].startswith(error)


def test_a_record_whose_hash_is_not_its_requests_is_refused() -> None:
    data = to_dict(record()) | {"request_sha256": "0" * 64}
    with pytest.raises(InputError, match=r"\$\.request_sha256: not the hash"):
        read_record(json.dumps(data))


def test_a_record_cannot_pair_a_decision_with_another_request() -> None:
    made = record()
    with pytest.raises(ValueError, match=r"request\.id"):
        attrs.evolve(made, request=attrs.evolve(REQUEST, id="another"))
    with pytest.raises(ValueError, match="instrument"):
        attrs.evolve(made, instrument="H.1728")


def test_the_json_schema_of_a_record_describes_every_field() -> None:
    schema = json_schema(DecisionRecord)
    definition = schema["$defs"]["DecisionRecord"]
    assert set(definition["required"]) == {f.name for f in attrs.fields(DecisionRecord)}
    assert definition["properties"]["schema_version"]["type"] == "integer"
    assert {"Decision", "SearchRequest", "ReadingChoice"} <= set(schema["$defs"])


# -- the log -----------------------------------------------------------------------------------


def test_appended_records_read_back_in_order_with_their_row_numbers(tmp_path: Path) -> None:
    made = records(5)
    with DecisionLog(tmp_path / "log.db") as log:
        assert log.append(made[0]) == 1
        assert log.extend(made[1:]) == range(2, 6)
        assert log.extend([]) == range(6, 6)
        assert list(log.records()) == list(enumerate(made, start=1))
        assert len(log) == 5


def test_a_new_log_is_in_wal_mode_and_marked_as_a_decision_log(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 1)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA application_id").fetchone() == (0x66727064,)
    connection.close()


def test_each_row_is_chained_to_the_one_before(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 2)
    text, previous, digest = row(path, 1)
    assert previous == GENESIS_HASH
    assert digest == chain_hash(GENESIS_HASH, 1, text)
    assert row(path, 2)[1] == digest
    assert read_record(text) == records(1)[0]


def test_a_batch_is_appended_whole_or_not_at_all(tmp_path: Path) -> None:
    made = records(3)
    with DecisionLog(tmp_path / "log.db") as log:
        log.append(made[0])
        with pytest.raises(LogError, match="decision decision-0 is already in the log, at row 1"):
            log.extend(made[1:] + made[:1])
        with pytest.raises(LogError, match="decision decision-1 is twice"):
            log.extend([made[1], made[1]])
        assert len(log) == 1
        assert log.verify().valid


def test_a_log_opened_read_only_refuses_to_append_and_a_missing_one_is_not_made(
    tmp_path: Path,
) -> None:
    with pytest.raises(LogError, match=r"cannot read .*: No such file"):
        DecisionLog(tmp_path / "none.db", readonly=True)
    assert not (tmp_path / "none.db").exists()
    path = filled(tmp_path / "log.db", 1)
    with DecisionLog(path, readonly=True) as log, pytest.raises(LogError, match="read-only"):
        log.append(records(2)[1])


def test_a_fresh_log_is_whole_and_gives_its_head(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    with DecisionLog(path) as log:
        found = log.verify()
        assert found.valid
        assert found.rows == 6
        assert found.head == log.head() == Anchor(seq=6, hash=row(path, 6)[2])
    with DecisionLog(tmp_path / "empty.db") as log:
        assert log.verify().head is None
        assert log.head() is None


def _verified(path: Path, *anchors: Anchor) -> str:
    found = verify(path, anchors)
    assert found.broken is not None
    assert found.head is None
    return found.broken.describe()


def test_an_edited_record_is_named(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    sql(
        path,
        "UPDATE decisions SET record = replace(record, 'permitted', 'forbidden') WHERE seq = 3",
    )
    assert _verified(path) == "row 3: its hash is not the hash of its contents: it was edited"


def test_an_edited_column_is_named(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    sql(path, "UPDATE decisions SET outcome = 'forbidden' WHERE seq = 4")
    assert _verified(path) == (
        "row 4: its outcome column is 'forbidden', but its record says 'permitted'"
    )


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_chain_at_the_next_row(
    tmp_path: Path,
) -> None:
    path = filled(tmp_path / "log.db")
    text, previous, _ = row(path, 3)
    forged = text.replace('"permitted"', '"forbidden"')
    sql(
        path,
        "UPDATE decisions SET record = ?, outcome = 'forbidden', hash = ? WHERE seq = 3",
        values=(forged, chain_hash(previous, 3, forged)),
    )
    assert _verified(path).startswith("row 4: it does not follow row 3")


def test_a_deleted_row_is_named(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    sql(path, "DELETE FROM decisions WHERE seq = 3")
    assert _verified(path) == "row 3: row 3 is missing: after row 2 comes row 4"


def test_a_deleted_row_with_the_rows_after_it_renumbered_is_named(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    sql(
        path,
        "DELETE FROM decisions WHERE seq = 3",
        "UPDATE decisions SET seq = seq - 1 WHERE seq > 3",
    )
    assert _verified(path).startswith("row 3: it does not follow row 2")


def test_an_inserted_row_is_named(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    forged = records(7)[6]
    text = json.dumps(to_dict(forged), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    previous = row(path, 2)[2]
    sql(
        path,
        "UPDATE decisions SET seq = seq + 1000 WHERE seq >= 3",
        "UPDATE decisions SET seq = seq - 999 WHERE seq >= 1000",
        "INSERT INTO decisions VALUES (3, 'decision-6', 'MSP-2024-0117', ?, 'US-MA', "
        "'St. 2020, c.253', 'permitted', '2025-01-06T17:00:00.000000Z', ?, ?, ?)",
        values=(forged.request_sha256, text, previous, chain_hash(previous, 3, text)),
    )
    assert _verified(path).startswith("row 4: it does not follow row 3")


def test_rows_removed_from_the_end_are_found_against_an_anchor(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    head = verify(path).head
    assert head is not None
    sql(path, "DELETE FROM decisions WHERE seq >= 5")
    assert verify(path).valid  # the chain alone cannot tell: its end is its head
    assert _verified(path, head) == "row 6: row 6 was anchored, but the log ends at row 4"


def test_a_chain_rewritten_whole_is_found_against_an_anchor(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    anchor = verify(path).head
    assert anchor is not None
    previous = row(path, 1)[2]
    for seq in range(2, 7):
        text = row(path, seq)[0].replace('"permitted"', '"forbidden"')
        digest = chain_hash(previous, seq, text)
        sql(
            path,
            "UPDATE decisions SET record = ?, outcome = 'forbidden', previous = ?, hash = ? "
            "WHERE seq = ?",
            values=(text, previous, digest, seq),
        )
        previous = digest
    assert verify(path).valid  # a writer who rewrites the whole chain is not caught by it
    assert _verified(path, anchor) == (
        "row 6: its hash is not the one anchored for row 6: the log was rewritten at or "
        "before this row"
    )


def test_the_json_lines_export_is_the_stored_text_and_gives_the_same_head(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db")
    export = tmp_path / "log.jsonl"
    with DecisionLog(path, readonly=True) as log, export.open("w", encoding="utf-8") as out:
        assert log.export(out, "jsonl") == 6
    assert export.read_text("utf-8").splitlines()[2] == row(path, 3)[0]
    assert verify(export) == verify(path)
    lines = export.read_text("utf-8").splitlines()
    lines[4] = lines[4].replace('"permitted"', '"forbidden"')
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    head = verify(path).head
    assert head is not None
    assert verify(export).head != head
    assert _verified(export, head).startswith("line 6: its hash is not the one anchored")


def test_the_csv_export_has_a_row_per_record_with_the_chain(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 2)
    export = tmp_path / "log.csv"
    with DecisionLog(path, readonly=True) as log, export.open("w", encoding="utf-8") as out:
        log.export(out, "csv")
    header, first, second = export.read_text("utf-8").splitlines()
    assert header.split(",")[:3] == ["seq", "decision_id", "evaluated_at"]
    assert first.startswith("1,decision-0,2025-01-06T17:00:00+00:00,US-MA,")
    assert second.endswith(row(path, 2)[2])
    with DecisionLog(path) as log, pytest.raises(ValueError, match="format"):
        log.export(io.StringIO(), "xml")


def test_the_csv_export_never_gives_a_spreadsheet_a_formula_to_run(tmp_path: Path) -> None:
    hostile = attrs.evolve(REQUEST, id='=HYPERLINK("http://x")')
    path = tmp_path / "log.db"
    with DecisionLog(path) as log:
        log.append(record(hostile))
    export = io.StringIO()
    with DecisionLog(path, readonly=True) as log:
        log.export(export, "csv")
    _, row_ = list(csv.reader(io.StringIO(export.getvalue())))
    assert '\'=HYPERLINK("http://x")' in row_
    assert not [cell for cell in row_ if cell.startswith(("=", "+", "-", "@"))]


def test_a_sqlite_database_of_another_kind_is_not_a_decision_log(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sql(path, "CREATE TABLE decisions (x)")
    for readonly in (True, False):
        with pytest.raises(LogError, match="not a frpolicy decision log"):
            DecisionLog(path, readonly=readonly)
    with pytest.raises(LogError, match="not a frpolicy decision log"):
        verify(path)


@pytest.mark.parametrize(
    "content", [b"not a database at all\n", b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_a_damaged_or_foreign_file_is_refused_with_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "log.db"
    path.write_bytes(content)
    with pytest.raises(LogError) as caught:
        DecisionLog(path)
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_log_of_a_newer_layout_is_refused(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 1)
    sql(path, "PRAGMA user_version = 2")
    with pytest.raises(LogError, match="layout 2, newer than this frpolicy reads"):
        DecisionLog(path, readonly=True)


def test_a_record_of_a_newer_schema_version_in_a_log_is_named_not_called_tampering(
    tmp_path: Path,
) -> None:
    path = filled(tmp_path / "log.db", 2)
    text = json.dumps(json.loads(row(path, 2)[0]) | {"schema_version": 2, "id": "newer"})
    previous = row(path, 2)[2]
    sql(
        path,
        "INSERT INTO decisions VALUES (3, 'newer', 'MSP-2024-0117', 'x', 'US-MA', "
        "'St. 2020, c.253', 'permitted', '2025-01-06T17:00:00.000000Z', ?, ?, ?)",
        values=(text, previous, chain_hash(previous, 3, text)),
    )
    with pytest.raises(LogError, match=r"log\.db: row 3: a decision record of schema version 2"):
        verify(path)
    newer = r"row 3: \$\.schema_version: .* version 2 is not"
    with DecisionLog(path, readonly=True) as log, pytest.raises(LogError, match=newer):
        list(log.records())


def test_threads_appending_to_one_log_keep_the_chain(tmp_path: Path) -> None:
    base = record(OUT_OF_SCOPE)
    with DecisionLog(tmp_path / "log.db") as log:

        def append(name: str) -> None:
            for i in range(50):
                log.extend([attrs.evolve(base, id=f"{name}-{i}-{j}") for j in range(5)])

        threads = [threading.Thread(target=append, args=(f"t{n}",)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        found = log.verify()
    assert found.valid
    assert found.rows == 1000


_WRITER = """
import sys
import attrs
from datetime import datetime, timezone
import frpolicy
from frpolicy.records import DecisionLog, read_record

name, path, count, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
base = read_record(sys.stdin.read())
records = [attrs.evolve(base, id=f"{name}-{i}") for i in range(count)]
with DecisionLog(path) as log:
    for start in range(0, count, batch):
        log.extend(records[start:start + batch])
"""


def test_four_processes_appending_two_thousand_records_each_leave_a_chain_of_eight_thousand(
    tmp_path: Path,
) -> None:
    # twenty batches of 100 small (out-of-scope) records each, so the writers' transactions
    # interleave; -s prints the times (benchmarks/decision_log.py measures the rates)
    path = tmp_path / "log.db"
    base = to_json(record(OUT_OF_SCOPE))
    started, before = time.perf_counter(), os.times()
    writers = [
        subprocess.Popen(  # noqa: S603 - this interpreter, a fixed script
            [sys.executable, "-c", _WRITER, f"w{n}", str(path), "2000", "100"],
            stdin=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    for writer in writers:
        writer.communicate(base, timeout=600)
    assert [w.returncode for w in writers] == [0, 0, 0, 0]
    after, appended = os.times(), time.perf_counter()
    cpu = (
        after.children_user + after.children_system - before.children_user - before.children_system
    )
    found = verify(path)
    verified = time.perf_counter()
    assert found.valid, found.broken
    assert found.rows == 8_000
    connection = sqlite3.connect(path)
    for n in range(4):
        ids = [
            r[0]
            for r in connection.execute(
                "SELECT decision_id FROM decisions WHERE decision_id LIKE ? ORDER BY seq",
                (f"w{n}-%",),
            )
        ]
        assert ids == [f"w{n}-{i}" for i in range(2_000)]  # each writer's order kept
    connection.close()
    print(  # noqa: T201 - the times, shown with -s
        f"4 x 2,000 appends: {appended - started:.1f} s (the writers' CPU: {cpu:.1f} s); "
        f"verifying 8,000 rows: {verified - appended:.1f} s"
    )


# -- reading records back ----------------------------------------------------------------------


def test_a_json_lines_file_gives_every_line_a_record_a_problem_or_a_blank(tmp_path: Path) -> None:
    made = record()
    path = tmp_path / "records.jsonl"
    lines = [to_json(made), "", "not json", json.dumps({"schema_version": 7})]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\n")
    found = list(read_jsonl(path))
    assert [n for n, _ in found] == [1, 2, 3, 4, 5]
    assert found[0] == (1, made)
    assert found[1] == (2, None)
    problems = [entry for _, entry in found[2:]]
    assert [p.line for p in problems] == [3, 4, 5]  # type: ignore[union-attr]
    assert "schema version 7" in problems[1].errors[0]  # type: ignore[union-attr]
    assert problems[2].errors == ("$: not UTF-8 text",)  # type: ignore[union-attr]


def test_a_json_lines_file_reads_past_a_byte_order_mark_and_of_the_mark_alone_has_no_line(
    tmp_path: Path,
) -> None:
    made = record()
    marked = tmp_path / "marked.jsonl"
    marked.write_bytes(b"\xef\xbb\xbf" + to_json(made).encode() + b"\n")
    assert list(read_jsonl(marked)) == [(1, made)]
    mark = tmp_path / "mark.jsonl"
    mark.write_bytes(b"\xef\xbb\xbf")
    assert list(read_jsonl(mark)) == []


def test_records_are_read_from_a_log_by_row_and_from_a_file_by_line(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 2)
    assert [where for where, _ in read_records(path)] == ["row 1", "row 2"]
    export = tmp_path / "log.jsonl"
    with DecisionLog(path, readonly=True) as log, export.open("w", encoding="utf-8") as out:
        log.export(out)
    assert [where for where, _ in read_records(export)] == ["line 1", "line 2"]


# -- replay ------------------------------------------------------------------------------------


def test_replay_finds_a_decision_of_current_law_that_h1728_would_refuse() -> None:
    planted = record(PERMITTED_NOW_REFUSED_BY_THE_BILL)
    unchanged = record(OUT_OF_SCOPE, law=CURRENT)
    assert planted.decision.outcome is Outcome.PERMITTED
    found = list(replay([unchanged, planted], version="H.1728"))
    assert [f.record for f in found] == [unchanged, planted]
    assert found[1].reproduced is True
    assert found[1].changed is True
    assert found[1].differs
    assert found[1].against is not None
    assert found[1].against.outcome is Outcome.NOT_PERMITTED
    memo = found[1].explain()
    assert "--- memo as recorded ---" in memo
    assert "--- memo under H.1728 ---" in memo
    assert "PERMITTED: request MA-2024-0001 under St. 2020, c.253" in memo
    assert "NOT PERMITTED: request MA-2024-0001 under H.1728" in memo


def test_replay_under_the_law_in_force_finds_nothing_when_the_law_has_not_changed() -> None:
    made = [record(request) for request in list(SAMPLE.values())[:40]]
    found = list(replay(made, on=date(2025, 6, 1)))
    assert [f.differs for f in found] == [False] * 40
    assert all(f.reproduced and f.changed is False for f in found)


def test_replay_judges_at_the_time_the_decision_was_judged() -> None:
    later = datetime(2024, 6, 1, tzinfo=UTC)  # the warrant has expired by then
    made = record(REQUEST, at=later)
    assert made.decision.outcome is not record().decision.outcome
    (found,) = replay([made], version="St. 2020, c.253")
    assert not found.differs


def test_replay_applies_the_readings_the_record_names() -> None:
    other = CURRENT.with_readings({"warrant-as-court-order": "no"})
    made = record(law=other)
    (found,) = replay([made], on=date(2025, 6, 1))
    assert found.reproduced is True
    assert found.changed is True  # the law in force, as adopted, reads a warrant as an order
    (found,) = replay([made], on=date(2025, 6, 1), readings={"warrant-as-court-order": "no"})
    assert not found.differs


def _without_rule(place: Jurisdiction, instrument: str, rule: str) -> Jurisdiction:
    versions = tuple(
        attrs.evolve(
            v,
            policy=attrs.evolve(v.policy, rules=tuple(r for r in v.policy.rules if r.id != rule)),
        )
        if v.instrument.id == instrument
        else v
        for v in place.versions
    )
    return attrs.evolve(place, versions=versions)


def test_replay_finds_a_decision_the_law_it_names_no_longer_reproduces() -> None:
    made = record(PERMITTED_NOW_REFUSED_BY_THE_BILL)
    (rule,) = (r.rule for r in made.decision.determining)
    changed = _without_rule(MA, "St. 2020, c.253", rule)
    (found,) = replay([made], on=date(2025, 6, 1), laws={"US-MA": changed})
    assert found.reproduced is False
    assert found.again is not None
    assert found.again.outcome is Outcome.NOT_PERMITTED
    assert "decided now ---" in found.explain()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"instrument": "H.9999"}, "US-MA has no version 'H.9999'"),
        (
            {"readings": (ReadingChoice(reading="a-reading-since-removed", choice="yes"),)},
            "has no reading 'a-reading-since-removed'",
        ),
        (
            {"readings": (ReadingChoice(reading="warrant-as-court-order", choice="maybe"),)},
            "has no choice 'maybe'",
        ),
    ],
    ids=["instrument", "reading", "choice"],
)
def test_replay_reports_a_record_whose_law_no_longer_exists(
    change: dict[str, Any], problem: str
) -> None:
    made = record()
    gone = attrs.evolve(
        made,
        decision=attrs.evolve(made.decision, instrument=change.get("instrument", made.instrument)),
        **change,
    )
    (found,) = replay([gone], on=date(2025, 6, 1))
    assert found.differs
    assert found.reproduced is None
    assert found.again is None
    assert found.against is not None  # still judged under the law in force
    assert len(found.problems) == 1
    assert found.problems[0].startswith("the law it names is not known: ")
    assert problem in found.problems[0]


def test_replay_reports_a_record_of_a_jurisdiction_no_longer_installed() -> None:
    made = record()
    (found,) = replay([made], laws={})
    assert found.problems == (
        "the law it names is not known: no jurisdiction 'US-MA' among those given",
    )
    assert found.again is None
    assert found.against is None


def test_replay_against_a_law_that_does_not_exist_is_an_error_not_a_finding() -> None:
    with pytest.raises(LookupError, match=r"no version 'H\.9'"):
        list(replay([record()], version="H.9"))
    with pytest.raises(LookupError, match="no encoded law is in force on 2019-01-01"):
        list(replay([record()], on=date(2019, 1, 1)))


def test_replay_reads_records_lazily() -> None:
    def endless() -> Iterator[DecisionRecord]:
        made = record()
        while True:
            yield made

    found = replay(endless(), version="H.1728")
    assert next(found).record == next(found).record


# -- logs made at once, read from read-only places, tampered with --------------------------------


def test_a_log_made_by_another_process_while_this_one_opens_it_is_one_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.db"
    other: list[threading.Thread] = []

    def make_it_now(statement: str) -> None:
        # between this opening's first look at the file and its second, another process
        # makes the log: the two looks must be one snapshot
        if statement.startswith("PRAGMA user_version") and not other:
            other.append(threading.Thread(target=filled, args=(path, 1)))
            other[0].start()
            other[0].join(0.2)

    class Watched(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            make_it_now(sql)
            return super().execute(sql, *args)

    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, **k, factory=Watched))
    with DecisionLog(path) as log:
        log.append(attrs.evolve(record(), id="mine"))
    other[0].join()
    found = verify(path)
    assert found.valid
    assert found.rows == 2


def _readers() -> dict[str, Any]:
    """Every way of reading a log, each given its path."""
    return {
        "verify": lambda path: verify(path).rows,
        "read_records": lambda path: len(list(read_records(path))),
        "records": lambda path: _with_log(path, lambda log: len(list(log.records()))),
        "export": lambda path: _with_log(path, lambda log: log.export(io.StringIO())),
        "len and head": lambda path: _with_log(path, lambda log: (len(log), log.head())),
    }


def _with_log(path: Path, use: Any) -> Any:
    with DecisionLog(path, readonly=True) as log:
        return use(log)


@pytest.mark.parametrize("reader", sorted(_readers()))
def test_reading_a_log_makes_no_file_beside_it(tmp_path: Path, reader: str) -> None:
    path = filled(tmp_path / "log.db", 2)
    before = sorted(tmp_path.iterdir())
    assert _readers()[reader](path)
    assert sorted(tmp_path.iterdir()) == before


def test_a_log_in_a_read_only_directory_is_read() -> None:
    with unprivileged.folder() as folder:
        path = filled(folder / "log.db", 2)
        folder.chmod(0o555)  # an archive: nothing may be made in it, nor changed

        def read() -> tuple[int, int, int]:
            exported = _with_log(path, lambda log: log.export(io.StringIO()))
            return verify(path).rows, exported, len(list(read_records(path)))

        assert unprivileged.run(read) == (2, 2, 2)
        assert [p.name for p in folder.iterdir()] == ["log.db"]


def test_a_writer_during_a_read_of_a_log_no_one_had_open_is_refused(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 300)
    with DecisionLog(path, readonly=True) as log:
        rows = log.records()
        next(rows)
        with DecisionLog(path) as writer:  # appends, and writes the file when it closes
            writer.append(attrs.evolve(record(), id="late"))
        with pytest.raises(LogError, match="it was written while it was read; read it again"):
            list(rows)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (
            (
                "CREATE TRIGGER t AFTER INSERT ON decisions BEGIN DELETE FROM decisions "
                "WHERE seq = new.seq; END"
            ),
            "its trigger 't' is not a decision log's",
        ),
        (
            "CREATE TRIGGER t BEFORE INSERT ON decisions BEGIN SELECT RAISE(IGNORE); END",
            "its trigger 't' is not a decision log's",
        ),
        ("CREATE TABLE notes (x)", "its table 'notes' is not a decision log's"),
        ("CREATE INDEX by_outcome ON decisions (outcome)", "its index 'by_outcome' is not"),
        ("DROP INDEX decisions_by_request", "a table or index of a decision log is missing"),
    ],
)
def test_a_log_holding_anything_but_a_logs_tables_is_refused(
    tmp_path: Path, change: str, named: str
) -> None:
    path = filled(tmp_path / "log.db", 1)
    sql(path, change)
    for readonly in (True, False):
        with pytest.raises(LogError, match=f"altered decision log, refused: {named}"):
            DecisionLog(path, readonly=readonly)
    assert row(path, 2 - 1)[0]  # the row there stays


def test_a_view_in_place_of_the_table_of_decisions_is_refused(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 1)
    sql(
        path,
        "ALTER TABLE decisions RENAME TO kept",
        "CREATE VIEW decisions AS SELECT * FROM kept",
        "CREATE TRIGGER t INSTEAD OF INSERT ON decisions BEGIN SELECT 1; END",
    )
    with pytest.raises(LogError, match="its table of decisions is missing"):
        DecisionLog(path)


def test_an_append_that_does_not_read_back_as_written_is_undone_and_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frpolicy import records as module  # noqa: PLC0415 - its private layout check

    path = filled(tmp_path / "log.db", 1)
    sql(
        path,
        "CREATE TRIGGER t AFTER INSERT ON decisions BEGIN UPDATE decisions SET "
        "record = '{}' WHERE seq = new.seq; END",
    )
    # as if the layout check had missed the trigger: the read-back still finds it
    connection = sqlite3.connect(path)
    objects = module._layout(connection)[2]  # noqa: SLF001 - the objects the file holds
    connection.close()
    monkeypatch.setattr(module, "_log_objects", lambda: objects)
    with DecisionLog(path) as log:
        with pytest.raises(LogError, match="did not read back as written: nothing was appended"):
            log.append(attrs.evolve(record(), id="diverted"))
        assert len(log) == 1


def test_a_record_that_is_not_utf8_is_named_as_tampering_at_its_row(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 3)
    sql(path, "UPDATE decisions SET record = CAST(X'7B22FF22' AS TEXT) WHERE seq = 2")
    assert _verified(path) == "row 2: its record is not UTF-8 text: it was altered"
    with DecisionLog(path, readonly=True) as log:
        with pytest.raises(LogError, match=r"row 2: \$: not UTF-8 text"):
            list(log.records())
        with pytest.raises(LogError, match="row 2: its record is not UTF-8 text"):
            log.export(io.StringIO())


def test_a_log_whose_schema_is_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    path = filled(tmp_path / "log.db", 1)
    data = bytearray(path.read_bytes())
    data[data.find(b"decisions_by_request") + 1] = 0xFF
    path.write_bytes(bytes(data))
    for readonly in (True, False):
        with pytest.raises(LogError, match="not a readable SQLite database") as caught:
            DecisionLog(path, readonly=readonly)
        assert "\n" not in str(caught.value)


def _export(path: Path) -> str:
    text = io.StringIO()
    with DecisionLog(path, readonly=True) as log:
        log.export(text)
    return text.getvalue()


def _feed(pipe: int, data: bytes) -> None:
    with os.fdopen(pipe, "wb") as out:
        out.write(data)


def test_an_export_verifies_and_replays_from_a_pipe_and_with_blank_lines_at_its_end(
    tmp_path: Path,
) -> None:
    path = filled(tmp_path / "log.db", 3)
    head = verify(path).head
    export = _export(path) + "\n \n"
    read, write = os.pipe()
    feeder = threading.Thread(target=_feed, args=(write, export.encode()))
    feeder.start()
    assert verify(f"/dev/fd/{read}").head == head
    feeder.join()
    os.close(read)
    (tmp_path / "export.jsonl").write_text(export, encoding="utf-8")
    assert verify(tmp_path / "export.jsonl").head == head
    assert [e is None for _, e in read_records(tmp_path / "export.jsonl")] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_a_blank_line_between_the_records_of_an_export_breaks_its_chain(tmp_path: Path) -> None:
    lines = _export(filled(tmp_path / "log.db", 3)).splitlines()
    (tmp_path / "e.jsonl").write_text("\n".join([*lines[:2], "", lines[2]]), encoding="utf-8")
    assert _verified(tmp_path / "e.jsonl") == "line 3: it is blank, but records follow it"


def test_a_decision_log_cannot_be_read_from_a_pipe_and_says_so(tmp_path: Path) -> None:
    data = filled(tmp_path / "log.db", 1).read_bytes()
    read, write = os.pipe()
    feeder = threading.Thread(target=_feed, args=(write, data[:4096]))
    feeder.start()
    with pytest.raises(LogError, match="a decision log is an SQLite file, and cannot be read"):
        verify(f"/dev/fd/{read}")
    feeder.join()
    os.close(read)


def test_the_export_of_a_record_longer_than_a_log_line_verifies_and_replays(
    tmp_path: Path,
) -> None:
    codes = frozenset(f"{i:05}" + "x" * 900 for i in range(19_000))  # 17 MB of offense codes
    assert REQUEST.warrant is not None
    huge = attrs.evolve(REQUEST, warrant=attrs.evolve(REQUEST.warrant, offense_codes=codes))
    path = tmp_path / "log.db"
    with DecisionLog(path) as log:
        log.append(record(huge))
    export = tmp_path / "export.jsonl"
    export.write_text(_export(path), encoding="utf-8")
    assert export.stat().st_size > 16 * 2**20
    assert verify(export).head == verify(path).head
    ((_, found),) = read_records(export)
    assert isinstance(found, DecisionRecord)
    assert found.request == huge


def test_a_record_longer_than_a_log_holds_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frpolicy import records as module  # noqa: PLC0415 - its limit, made small

    monkeypatch.setattr(module, "MAX_RECORD", 2_000)
    with DecisionLog(tmp_path / "log.db") as log:
        with pytest.raises(LogError, match="its record is longer than 2,000 bytes"):
            log.append(record())
        assert len(log) == 0
