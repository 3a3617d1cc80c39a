"""Washington's January warrant reports, RCW 43.386.070(3)-(4), against hand counts of the log."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frpolicy
from frpolicy import SearchRecord
from frpolicy.compliance import Entry
from frpolicy.reports import (
    Period,
    ReportTerms,
    WarrantReport,
    WarrantSubjectsReport,
    render,
    statutory_report,
)

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "wa_report_log.jsonl"
)
WASHINGTON = ZoneInfo("America/Los_Angeles")
YEAR = 2025


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(WASHINGTON).date()


def _surveillance(request: dict[str, Any]) -> bool:
    """.080(1): ongoing surveillance, real-time identification or persistent tracking."""
    live = request["probe"]["kind"] == "live_video"
    tracking = request["analysis"] == "tracking"
    return bool(request["ongoing_surveillance"] or request["real_time"] or live or tracking)


def _warrants() -> dict[tuple[str, str, str, str], list[dict[str, Any]]]:
    """Each warrant for facial recognition surveillance, with the records of its searches."""
    found: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for record in _raw():
        request = record["request"]
        warrant = request["warrant"]
        if warrant and warrant["authorizes_facial_recognition"] and _surveillance(request):
            key = (warrant["judge"], warrant["court"], warrant["case_number"], warrant["issued_at"])
            found.setdefault(key, []).append(record)
    return found


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _judges(**terms: Any) -> WarrantReport:
    made = statutory_report("US-WA:warrant-report").make(
        _entries(), ReportTerms(period=Period.parse(str(YEAR)), **terms)
    )
    assert isinstance(made, WarrantReport)
    return made


def _subjects(**terms: Any) -> WarrantSubjectsReport:
    made = statutory_report("US-WA:warrant-subjects").make(
        _entries(), ReportTerms(period=Period.parse(str(YEAR)), **terms)
    )
    assert isinstance(made, WarrantSubjectsReport)
    return made


def test_each_surveillance_warrant_that_expired_in_the_year_is_reported_by_its_judge() -> None:
    report = _judges()
    expected = {
        key: records
        for key, records in _warrants().items()
        if (expires := records[0]["request"]["warrant"]["expires_at"]) is not None
        and _day(expires).year == YEAR
    }
    assert expected
    assert {w.case_number for w in report.warrants} == {key[2] for key in expected}
    assert report.totals.warrants == len(expected)
    by_judge = Counter(key[0] for key in expected)
    assert {j.judge: j.warrants for j in report.judges} == by_judge
    searches = {key[2]: len(records) for key, records in expected.items()}
    assert {w.case_number: w.searches for w in report.warrants} == searches


def test_a_warrant_with_several_searches_is_one_warrant() -> None:
    report = _judges()
    several = [w for w in report.warrants if w.searches > 1]
    assert several
    assert len({w.case_number for w in report.warrants}) == len(report.warrants)


def test_a_warrant_with_no_expiry_recorded_is_counted_apart() -> None:
    report = _judges()
    warrants = [records[0]["request"]["warrant"] for records in _warrants().values()]
    no_expiry = sum(1 for w in warrants if w["expires_at"] is None)
    assert no_expiry
    assert report.totals.no_expiry == no_expiry


def test_surveillance_without_a_warrant_or_under_one_not_for_facial_recognition_is_not_listed() -> (
    None
):
    report = _judges()
    raw = _raw()
    exigent = [r for r in raw if _surveillance(r["request"]) and r["request"]["warrant"] is None]
    other = [
        r
        for r in raw
        if _surveillance(r["request"])
        and r["request"]["warrant"]
        and not r["request"]["warrant"]["authorizes_facial_recognition"]
    ]
    assert exigent
    assert other
    assert report.totals.no_warrant == len(exigent)
    assert report.totals.not_for_facial_recognition == len(other)
    assert report.totals.not_surveillance == sum(not _surveillance(r["request"]) for r in raw)
    assert report.totals.records == len(raw)


def test_the_judges_report_says_what_a_search_log_cannot_hold() -> None:
    text = render(_judges(), "text")
    assert "Applications denied or modified, extensions, and who authorized" in text
    assert "Filed with: the administrator for the courts" in text
    assert "in January 2026" in text
    data = json.loads(render(_judges(), "json"))
    assert data["filer"]["agency"] is None


def test_the_subjects_report_counts_the_applications_of_the_year_by_age_race_and_gender() -> None:
    report = _subjects()
    expected = [
        records[0]
        for key, records in _warrants().items()
        if _day(key[3]).year == YEAR  # the warrant's issue dates the application
    ]
    assert report.totals.warrants == len(expected)
    assert sum(s.subjects for s in report.subjects) == len(expected)
    races = Counter((r["request"]["requesting_agency"]["id"], r["subject_race"]) for r in expected)
    counted: Counter[tuple[str, str | None]] = Counter()
    for s in report.subjects:
        counted[s.agency, s.race.value if s.race else None] += s.subjects
    assert counted == races


def test_read_the_other_way_the_subjects_report_counts_the_warrants_that_expired_in_the_year() -> (
    None
):
    report = _subjects(asked={"wa-subjects-report-period": "expired-in-year"})
    expected = [
        records[0]
        for records in _warrants().values()
        if (expires := records[0]["request"]["warrant"]["expires_at"]) is not None
        and _day(expires).year == YEAR
    ]
    assert report.totals.warrants == len(expected)
    assert any(not r.adopted for r in report.assumptions.readings)


def test_one_agencys_subjects_report_holds_only_its_applications() -> None:
    report = _subjects(agency="SEAPD")
    mine = [
        records[0]
        for key, records in _warrants().items()
        if _day(key[3]).year == YEAR and records[0]["request"]["requesting_agency"]["id"] == "SEAPD"
    ]
    assert report.totals.warrants == len(mine)
    assert {w.agency for w in report.warrants} <= {"SEAPD"}
    assert report.filer.name == "Seattle Police Department"


def test_the_judges_report_is_made_by_judges_not_for_one_agency() -> None:
    with pytest.raises(ValueError, match="judges make this report"):
        _judges(agency="WSP")
