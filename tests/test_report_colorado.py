"""Colorado's January warrant reports, C.R.S. 24-18-308(2)-(3), against hand counts of the log."""

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
    FORMATS,
    Period,
    ReportTerms,
    WarrantReport,
    WarrantSubjectsReport,
    render,
    statutory_report,
)

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "co_search_log.jsonl"
)
COLORADO = ZoneInfo("America/Denver")
YEAR = 2024


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(COLORADO).date()


def _surveillance(request: dict[str, Any]) -> bool:
    """24-18-307(1): ongoing surveillance, real-time identification or persistent tracking."""
    live = request["probe"]["kind"] == "live_video"
    tracking = request["analysis"] == "tracking"
    return bool(request["ongoing_surveillance"] or request["real_time"] or live or tracking)


def _warrants() -> dict[str, list[dict[str, Any]]]:
    """Each warrant for facial recognition surveillance, by case, with its searches' records."""
    found: dict[str, list[dict[str, Any]]] = {}
    for record in _raw():
        request = record["request"]
        warrant = request["warrant"]
        if warrant and warrant["authorizes_facial_recognition"] and _surveillance(request):
            found.setdefault(warrant["case_number"], []).append(record)
    return found


def _issued_in(year: int) -> dict[str, list[dict[str, Any]]]:
    return {
        case: records
        for case, records in _warrants().items()
        if _day(records[0]["request"]["warrant"]["issued_at"]).year == year
    }


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _judges(period: str = str(YEAR), **terms: Any) -> WarrantReport:
    made = statutory_report("US-CO:warrant-report").make(
        _entries(), ReportTerms(period=Period.parse(period), **terms)
    )
    assert isinstance(made, WarrantReport)
    return made


def _subjects(period: str = str(YEAR), **terms: Any) -> WarrantSubjectsReport:
    made = statutory_report("US-CO:warrant-subjects").make(
        _entries(), ReportTerms(period=Period.parse(period), **terms)
    )
    assert isinstance(made, WarrantSubjectsReport)
    return made


def test_each_surveillance_warrant_a_judge_issued_in_the_year_is_in_the_judges_report() -> None:
    report = _judges()
    expected = _issued_in(YEAR)
    assert expected
    assert {w.case_number for w in report.warrants} == set(expected)
    assert report.totals.warrants == len(expected)
    judges = Counter(records[0]["request"]["warrant"]["judge"] for records in expected.values())
    assert {j.judge: j.warrants for j in report.judges} == judges
    assert {w.case_number: w.searches for w in report.warrants} == {
        case: len(records) for case, records in expected.items()
    }


def test_the_judges_report_counts_a_warrant_in_the_year_it_was_issued_not_the_year_it_expired() -> (
    None
):
    raw = _raw()
    last = next(r for r in raw if r["request"]["warrant"] and _surveillance(r["request"]))
    last["request"]["warrant"]["expires_at"] = "2025-01-05T09:00:00-07:00"
    entries: list[tuple[int, Entry]] = [
        (n, frpolicy.from_json(json.dumps(r), SearchRecord)) for n, r in enumerate(raw, start=1)
    ]
    terms = ReportTerms(period=Period.parse(str(YEAR)))
    made = statutory_report("US-CO:warrant-report").make(entries, terms)
    assert isinstance(made, WarrantReport)
    case = last["request"]["warrant"]["case_number"]
    assert case in {w.case_number for w in made.warrants}
    assert made.totals.warrants == len(_issued_in(YEAR))
    assert made.totals.no_expiry == 0


def test_the_judges_report_goes_to_the_state_court_administrator_in_january() -> None:
    text = render(_judges(), "text")
    assert "Filed with: the state court administrator" in text
    assert "C.R.S. 24-18-308(2)" in text
    assert "in January 2025" in text
    assert "(2)(a)-(e) Each warrant" in text


def test_each_warrant_says_the_kinds_of_surveillance_its_searches_were() -> None:
    report = _judges()
    for w in report.warrants:
        request = _warrants()[w.case_number][0]["request"]
        live = request["probe"]["kind"] == "live_video" or request["real_time"]
        assert ("real-time identification" in w.uses) == live
        assert ("persistent tracking" in w.uses) == (request["analysis"] == "tracking")
    assert all(w.uses for w in report.warrants)


def test_surveillance_without_a_warrant_is_not_in_the_judges_report() -> None:
    report = _judges()
    raw = _raw()
    assert report.totals.not_surveillance + report.totals.outside_scope == sum(
        not _surveillance(r["request"]) or r["request"]["performing_agency"]["home"] != "US-CO"
        for r in raw
    )
    assert report.totals.records == report.totals.lines_read == len(raw)


def test_each_agency_reports_the_subjects_of_its_applications_in_nonidentifying_figures() -> None:
    report = _subjects()
    expected = _issued_in(YEAR)
    by_hand = Counter(
        (
            records[0]["request"]["requesting_agency"]["id"],
            records[0]["subject_race"],
            records[0]["subject_gender"],
        )
        for records in expected.values()
    )
    assert by_hand
    counted: Counter[tuple[str, str | None, str | None]] = Counter()
    for x in report.subjects:
        race = x.race.value if x.race else None
        gender = x.gender.value if x.gender else None
        counted[x.agency, race, gender] += x.subjects
    assert counted == by_hand
    text = render(report, "text")
    assert "Filed with: the agency's reporting authority" in text
    assert "(3) Subjects by age, race and gender" in text


def test_one_agencys_subjects_report_counts_its_own_applications() -> None:
    report = _subjects(agency="CBI")
    own = [
        c
        for c, records in _issued_in(YEAR).items()
        if records[0]["request"]["requesting_agency"]["id"] == "CBI"
    ]
    assert own
    assert [w.case_number for w in report.warrants] == own
    assert report.totals.other_agencies == len(_issued_in(YEAR)) - len(own)


def test_read_as_the_warrants_expired_in_the_year_the_subjects_report_counts_those() -> None:
    report = _subjects(asked={"co-subjects-report-period": "expired-in-year"})
    expired = [
        case
        for case, records in _warrants().items()
        if _day(records[0]["request"]["warrant"]["expires_at"]).year == YEAR
    ]
    assert sorted(w.case_number for w in report.warrants) == sorted(expired)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_report_renders_in_every_format(fmt: str) -> None:
    for code, made in (
        ("US-CO:warrant-report", _judges()),
        ("US-CO:warrant-subjects", _subjects()),
    ):
        tables = statutory_report(code).tables if fmt == "csv" else (None,)
        for table in tables:
            assert render(made, fmt, table=table)
        if fmt == "json":
            assert json.loads(render(made, "json"))["totals"]["warrants"] == made.totals.warrants


def test_the_reports_are_not_made_under_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-CO applies US-CO's law"):
        _judges(law=frpolicy.jurisdiction("US-WA"))
