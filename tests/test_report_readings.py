"""An audit under every reading of the law: how far each count moves, from one pass over the log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import frpolicy
from frpolicy import CaseRecord, SearchRecord
from frpolicy.cli import main
from frpolicy.compliance import Entry, audit_log
from frpolicy.reports import ReadingsAudit, audit_report, other_choices, render

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
LOG = EXAMPLES / "ma_search_log.jsonl"
CASES = EXAMPLES / "ma_cases.jsonl"
AS_OF = datetime.fromisoformat("2025-06-30T00:00:00-04:00")
AUDIT = ["audit", str(LOG), "--cases", str(CASES), "--jurisdiction", "US-MA"]
MA = frpolicy.jurisdiction("US-MA")
RECORDS = [frpolicy.from_json(line, SearchRecord) for line in LOG.read_text("utf-8").splitlines()]
CASE_RECORDS = [frpolicy.from_json(x, CaseRecord) for x in CASES.read_text("utf-8").splitlines()]


def _entries() -> Iterator[tuple[int, Entry]]:
    return iter(enumerate(RECORDS, start=1))


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    main([*args, "--format", "json"])
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def _totals_under(choices: dict[str, str]) -> dict[str, int]:
    """The audit's totals with one reading taken otherwise: an audit of its own."""
    result = audit_log(_entries(), MA.with_readings(choices), as_of=AS_OF, cases=CASE_RECORDS)
    t = audit_report(result).totals
    return {
        "violations": t.violations,
        "unauthorized_searches": t.unauthorized_searches,
        "obligations_violated": t.obligations_violated,
    }


def test_the_other_choices_are_those_of_each_reading_of_the_law_that_can_be_in_force() -> None:
    choices = other_choices(MA)
    in_force = [v for v in MA.versions if v.instrument.status.value != "proposed"]
    expected = {
        (r.id, c.id) for v in in_force for r in v.readings for c in r.choices if c.id != r.chosen
    }
    assert set(choices) == expected
    assert ("quarterly-report-due", "same-quarter") in choices
    bill = MA.version("H.1728")
    assert set(other_choices(MA, bill)) == {
        (r.id, c.id) for r in bill.readings for c in r.choices if c.id != r.chosen
    }


def test_each_count_ranges_over_the_audits_under_each_other_reading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, *AUDIT, "--as-of", AS_OF.isoformat(), "--every-reading")
    sensitivity = data["sensitivity"]
    adopted = _totals_under({})
    under = {f"{r}={c}": _totals_under({r: c}) for r, c in other_choices(MA)}
    ranges = {x["measure"]: x for x in sensitivity["ranges"]}
    for measure, count in adopted.items():
        values = [count, *(t[measure] for t in under.values())]
        found = ranges[measure]
        assert (found["in_force"], found["low"], found["high"]) == (
            count,
            min(values),
            max(values),
        )
        high = [label for label, t in under.items() if t[measure] == max(values)]
        if count != max(values):
            assert found["high_under"] == high


def test_the_obligations_violated_run_from_the_adopted_reading_to_the_same_quarter_reading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    adopted = _totals_under({})["obligations_violated"]
    same = _totals_under({"quarterly-report-due": "same-quarter"})["obligations_violated"]
    assert adopted < same
    main([*AUDIT, "--as-of", AS_OF.isoformat(), "--every-reading"])
    out = capsys.readouterr().out
    expected = (
        f"obligations violated: {adopted:,} (the adopted readings) — {same:,} "
        "(quarterly-report-due=same-quarter)"
    )
    assert expected in out


def test_a_reading_no_count_of_the_log_rests_on_is_named_as_changing_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, *AUDIT, "--as-of", AS_OF.isoformat(), "--every-reading")
    adopted = _totals_under({})
    # by the headline counts, which the others follow in this log
    unchanged = [r for r, c in other_choices(MA) if _totals_under({r: c}) == adopted]
    assert unchanged
    assert set(data["sensitivity"]["unchanged"]) == set(unchanged)
    for choice in data["sensitivity"]["choices"]:
        assert choice["changes_a_count"] == (choice["reading"] not in unchanged)


def test_the_log_is_read_once_whatever_the_number_of_readings() -> None:
    read = 0

    def counted() -> Iterator[tuple[int, Entry]]:
        nonlocal read
        for item in _entries():
            read += 1
            yield item

    run = ReadingsAudit(MA, choices=other_choices(MA), as_of=AS_OF, cases=CASE_RECORDS)
    run.read(counted())
    result, others = run.result()
    assert read == len(RECORDS)
    assert len(others) == len(other_choices(MA))
    assert all(o.result.audit.lines_read == len(RECORDS) for o in others)
    assert result.audit.lines_read == len(RECORDS)


def test_the_other_audits_list_nothing_and_so_keep_memory_flat() -> None:
    run = ReadingsAudit(MA, choices=other_choices(MA), as_of=AS_OF)
    run.read(_entries())
    _, others = run.result()
    assert all(o.result.audit.violations == [] for o in others)
    assert any(o.result.audit.violation_count for o in others)


def test_an_audit_of_the_log_in_parts_under_every_reading_is_the_audit_in_one_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [*AUDIT, "--as-of", AS_OF.isoformat(), "--every-reading"]
    whole = _json(capsys, *args)
    parts = _json(capsys, *args, "--jobs", "2")
    assert parts == whole


def test_the_ranges_are_in_every_format_and_the_html_headline() -> None:
    run = ReadingsAudit(MA, choices=other_choices(MA), as_of=AS_OF, cases=CASE_RECORDS)
    run.read(_entries())
    result, others = run.result()
    report = audit_report(result, other_readings=others)
    assert report.sensitivity is not None
    moved = next(x for x in report.sensitivity.ranges if x.measure == "obligations_violated")
    for fmt in ("text", "markdown", "html"):
        assert f"{moved.high:,}" in render(report, fmt)
    assert 'class="span"' in render(report, "html")
    for table in ("readings-ranges", "readings-provisions", "readings"):
        assert render(report, "csv", table=table).startswith(("measure", "provision", "reading"))
