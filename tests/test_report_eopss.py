"""Massachusetts' report to EOPSS as an agency files it: who files it, by when, what it explains."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frpolicy
from frpolicy import SearchRecord, compliance
from frpolicy.cli import main
from frpolicy.reports import Period, eopss_report, render

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "ma_search_log.jsonl"
)
BOSTON = ZoneInfo("America/New_York")
RECORDS = [frpolicy.from_json(line, SearchRecord) for line in LOG.read_text("utf-8").splitlines()]
QUARTER = Period.parse("2024Q3")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _in(period: Period, text: str | None) -> bool:
    if text is None:
        return False
    return period.start <= datetime.fromisoformat(text).astimezone(BOSTON).date() <= period.end


def test_each_search_local_police_performed_in_the_period_is_listed_as_not_allowed() -> None:
    # current law lets only the Registry, the State Police and the FBI search
    local = {
        r["request"]["id"]
        for r in _raw()
        if r["request"]["performing_agency"]["kind"] == "local_police"
        and _in(QUARTER, r["request"]["performed_at"])
    }
    assert local
    report = eopss_report(enumerate(RECORDS, start=1), period=QUARTER)
    listed = {x.request_id: x for x in report.not_allowed}
    assert local <= set(listed)
    for request_id in local:
        assert listed[request_id].outcome.value == "not_permitted"
        assert listed[request_id].missing
    assert report.totals.not_allowed == len(report.not_allowed)


def test_a_request_not_allowed_is_one_the_law_refuses() -> None:
    report = eopss_report(enumerate(RECORDS, start=1), period=QUARTER)
    law = frpolicy.jurisdiction("US-MA")
    by_id = {r.request.id: r for r in RECORDS}
    for row in report.not_allowed:
        decided = law.evaluate(by_id[row.request_id].request).outcome
        assert decided in {frpolicy.Outcome.NOT_PERMITTED, frpolicy.Outcome.FORBIDDEN}
    reported = {r.request_id for r in report.records}
    refused = {
        r.request_id
        for r in report.records
        if law.evaluate(by_id[r.request_id].request).outcome.value in {"not_permitted", "forbidden"}
    }
    assert {x.request_id for x in report.not_allowed} == refused <= reported


def test_the_report_as_filed_names_the_agency_a_contact_the_period_and_a_signature() -> None:
    report = eopss_report(
        enumerate(RECORDS, start=1), period=QUARTER, agency="BPD", contact="Sgt. A. Ames"
    )
    assert (report.filer.agency, report.filer.name, report.filer.contact) == (
        "BPD",
        "Boston Police Department",
        "Sgt. A. Ames",
    )
    for fmt in ("text", "markdown", "html"):
        page = render(report, fmt)
        assert "Boston Police Department (BPD)" in page, fmt
        assert "Sgt. A. Ames" in page, fmt
        assert "Certification" in page, fmt
        assert "Signature" in page, fmt


def test_a_blank_filing_block_leaves_lines_to_fill_in() -> None:
    text = render(eopss_report(enumerate(RECORDS, start=1), period=QUARTER), "text")
    assert "Reporting agency: ________" in text
    assert "Contact:          ________" in text


def _due(report_period: Period, choice: str | None) -> str:
    law = frpolicy.jurisdiction("US-MA")
    if choice is not None:
        law = law.with_readings({"quarterly-report-due": choice})
    return eopss_report(enumerate(RECORDS, start=1), period=report_period, law=law).due


def test_the_quarterly_report_is_due_by_the_reading_of_the_due_date_in_force() -> None:
    assert _due(QUARTER, None).startswith(f"by {date(2024, 12, 31).day} December 2024")
    assert _due(QUARTER, "same-quarter").startswith("by 30 September 2024")
    assert "quarterly-report-due=next-quarter" in _due(QUARTER, None)
    assert "unverified, low confidence" in _due(QUARTER, None)


def test_the_eopss_report_states_the_readings_it_applied(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["report", "eopss", str(LOG), "--period", "2024Q3", "--format", "json"]
    main([*args, "--reading", "quarterly-report-due=same-quarter"])
    data = json.loads(capsys.readouterr().out)
    (asked,) = [r for r in data["assumptions"]["readings"] if not r["adopted"]]
    assert asked["reading"] == "quarterly-report-due"
    assert asked["origin"] == "asked"
    assert data["due"].startswith("by 30 September 2024")


def test_the_eopss_report_refuses_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-MA applies US-MA's law"):
        eopss_report([], period=QUARTER, law=frpolicy.jurisdiction("US-MD"))


def test_a_request_id_repeated_after_the_ids_held_in_memory_names_its_first_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # past the ids held in memory the report finds them on disk, as the audit does
    monkeypatch.setattr(compliance, "_IDS_KEPT", 4)
    records = [*RECORDS, RECORDS[1]]
    report = eopss_report(enumerate(records, start=1), period=QUARTER)
    assert report.totals.duplicate_request_ids == 1
    (problem,) = report.input_problems
    assert problem.line == len(records)
    assert problem.errors == (f"$.request.id: {RECORDS[1].request.id!r} is also the id of line 2",)
