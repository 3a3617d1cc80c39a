"""Utah's annual report, Utah Code §77-23e-106(3), against hand counts of the raw log."""

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
    UtahAnnualReport,
    render,
    statutory_report,
)

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "ut_report_log.jsonl"
)
UTAH = ZoneInfo("America/Denver")
YEAR = 2024
IN_FORCE_FROM = date(2021, 5, 5)
# 102: image databases are those of images a government entity captures of people
IMAGE_DATABASES = {"motor_vehicle_records", "booking_photos", "other"}
# 102(5): the state's bodies and, as read, its cities' and counties'; not a federal agency
GOVERNMENT = {"state_police", "motor_vehicle_registry", "other_public_agency", "local_police"}
GOVERNMENT |= {"prosecutor"}
# 102(1): the Department of Public Safety, of which these kinds of agency are divisions
THE_DEPARTMENT = {"state_police", "motor_vehicle_registry"}
REPORT = statutory_report("US-UT:annual-report")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(UTAH).date()


def _counted(record: dict[str, Any]) -> bool:
    """A Utah government entity's comparison on an image database (or on none named)."""
    request = record["request"]
    entity = request["performing_agency"]
    databases = set(request["databases"])
    on_an_image_database = not databases or bool(databases & IMAGE_DATABASES)
    return entity["home"] == "US-UT" and entity["kind"] in GOVERNMENT and on_an_image_database


def _received(year: int) -> list[dict[str, Any]]:
    """The requests the report counts, received in the year, by hand."""
    return [r for r in _raw() if _counted(r) and _day(r["request"]["submitted_at"]).year == year]


def _matches(record: dict[str, Any]) -> int:
    """The probable matches given: none for a request not completed."""
    return record["candidates_returned"] if record["request"]["performed_at"] else 0


def _type_of_crime(record: dict[str, Any]) -> str:
    request = record["request"]
    return str((request["offense"] or {}).get("code") or request["purpose"])


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _report(period: str = str(YEAR), **terms: Any) -> UtahAnnualReport:
    made = REPORT.make(_entries(), ReportTerms(period=Period.parse(period), **terms))
    assert isinstance(made, UtahAnnualReport)
    return made


def test_the_requests_received_are_counted_by_type_of_crime_as_items_i_and_ii_ask() -> None:
    report = _report()
    received = _received(YEAR)
    assert report.totals.requests == len(received)
    by_type = Counter(
        (r["request"]["performing_agency"]["id"], _type_of_crime(r)) for r in received
    )
    assert {(x.entity, x.crime): x.requests for x in report.crimes} == by_type


def test_a_request_not_completed_is_counted_and_gave_no_probable_match() -> None:
    report = _report()
    refused = [r for r in _received(YEAR) if r["request"]["performed_at"] is None]
    assert refused
    assert report.totals.not_completed == len(refused)
    listed = {x.request_id: x.probable_matches for x in report.requests}
    assert all(listed[r["request"]["id"]] == 0 for r in refused)


def test_the_probable_matches_provided_for_each_request_are_listed_as_item_iii_asks() -> None:
    report = _report()
    received = _received(YEAR)
    assert {x.request_id: x.probable_matches for x in report.requests} == {
        r["request"]["id"]: _matches(r) for r in received
    }
    assert report.totals.probable_matches == sum(_matches(r) for r in received)


def test_the_matches_are_counted_by_the_database_they_were_made_from_as_item_iv_asks() -> None:
    report = _report()
    by_database: Counter[str] = Counter()
    for record in _received(YEAR):
        for database in record["request"]["databases"]:
            by_database[database] += _matches(record)
    counted: Counter[str] = Counter()
    for x in report.sources:
        counted[x.source] += x.probable_matches
    assert counted == +by_database


def test_read_as_the_origin_of_the_image_compared_the_matches_are_counted_by_probe_source() -> None:
    report = _report(asked={"ut-image-source": "probe"})
    by_source: Counter[str] = Counter()
    for record in _received(YEAR):
        by_source[record["request"]["probe"]["source"]] += _matches(record)
    counted: Counter[str] = Counter()
    for x in report.sources:
        counted[x.source] += x.probable_matches
    assert counted == +by_source


def test_read_as_the_departments_items_only_its_requests_are_counted() -> None:
    report = _report(asked={"ut-report-items": "the-departments"})
    received = _received(YEAR)
    theirs = [r for r in received if r["request"]["performing_agency"]["kind"] in THE_DEPARTMENT]
    assert 0 < len(theirs) < len(received)
    assert report.totals.requests == len(theirs)
    assert report.totals.other_entities == len(received) - len(theirs)
    assert {x.entity for x in report.crimes} == {"DPS-SIAC"}


def test_a_comparison_on_a_commercial_or_the_fbis_database_is_outside_the_chapters_report() -> None:
    report = _report()
    outside = [
        r for r in _raw() if not _counted(r) and _day(r["request"]["submitted_at"]).year == YEAR
    ]
    assert outside
    assert report.totals.outside_the_chapter == len(outside)


def test_an_entitys_own_report_counts_the_requests_it_received() -> None:
    report = _report(agency="UCSO", contact="Records bureau, 801-555-0142")
    own = [r for r in _received(YEAR) if r["request"]["performing_agency"]["id"] == "UCSO"]
    assert own
    assert report.totals.requests == len(own)
    assert report.filer.name == "Utah County Sheriff's Office"
    text = render(report, "text")
    assert "on or after 1 August 2025 and before 15 October 2025" in text
    assert "the Government Operations Interim Committee" in text


@pytest.mark.parametrize(
    ("period", "opens"),
    [("2024", date(2025, 8, 1)), ("2023-07-01/2024-06-30", date(2024, 8, 1))],
)
def test_the_report_is_provided_on_or_after_august_1_and_before_october_15_after_its_period(
    period: str, opens: date
) -> None:
    report = _report(period)
    assert (report.window_opens, report.window_closes) == (opens, date(opens.year, 10, 15))


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_discloses_a_case_number_or_a_narrative_of_an_investigation(fmt: str) -> None:
    report = _report()
    secrets = {r["request"]["case_number"] for r in _received(YEAR)} - {None}
    secrets |= {r["request"]["factual_narrative"] for r in _received(YEAR)} - {None}
    assert secrets
    tables = REPORT.tables if fmt == "csv" else (None,)
    for table in tables:
        out = render(report, fmt, table=table)
        assert not [s for s in secrets if s in out]


def test_every_line_of_the_log_is_accounted_for() -> None:
    report = _report()
    t = report.totals
    raw = _raw()
    assert t.lines_read == t.records == len(raw)
    assert t.outside_period == sum(_day(r["request"]["submitted_at"]).year != YEAR for r in raw)


def test_a_request_of_a_day_before_the_chapter_was_in_force_is_counted_apart() -> None:
    report = _report("2021")
    before = [r for r in _raw() if _day(r["request"]["submitted_at"]) < IN_FORCE_FROM]
    assert before
    assert report.totals.before_the_law == len(before)


def test_the_report_is_not_made_under_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-UT applies US-UT's law"):
        _report(law=frpolicy.jurisdiction("US-ME"))
