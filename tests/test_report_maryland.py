"""Maryland's annual report, Crim. Proc. §2-510, against counts made by hand from the raw log."""

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
from frpolicy.reports import MarylandAnnualReport, Period, ReportTerms, render, statutory_report

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "md_report_log.jsonl"
)
MARYLAND = ZoneInfo("America/New_York")
YEAR = 2025
LAW_IN_FORCE_FROM = date(2024, 10, 1)
# §2-503(a)(1)(i): the twelve categories; the sample's offenses on none of them, by code
NOT_LISTED = {"CR-3-203", "CR-6-402"}
POLICE = {"state_police", "local_police", "prosecutor"}
REPORT = statutory_report("US-MD:annual-report")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).astimezone(MARYLAND).date()


def _searches_of(year: int) -> list[dict[str, Any]]:
    """The searches a hand count takes: performed in the year, on a day the law was in force."""
    found = []
    for record in _raw():
        day = _day(record["request"]["performed_at"])
        if day is not None and day.year == year and day >= LAW_IN_FORCE_FROM:
            found.append(record)
    return found


def _whose(record: dict[str, Any], choice: str = "performing-agency") -> str:
    request = record["request"]
    performer = request["performing_agency"]
    if choice == "performing-agency" and performer["kind"] in POLICE:
        return str(performer["id"])
    return str(request["requesting_agency"]["id"])


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _report(**terms: Any) -> MarylandAnnualReport:
    made = REPORT.make(_entries(), ReportTerms(period=Period.parse(str(YEAR)), **terms))
    assert isinstance(made, MarylandAnnualReport)
    return made


def test_each_search_of_the_year_is_counted_under_the_agency_that_performed_it() -> None:
    report = _report()
    searches = _searches_of(YEAR)
    assert report.totals.searches == len(searches)
    by_agency = Counter(_whose(r) for r in searches)
    counted: Counter[str] = Counter()
    for system in report.systems:
        counted[system.agency] += system.searches
    assert counted == by_agency


def test_a_search_the_registry_or_the_fbi_runs_counts_in_the_report_of_the_police_that_asked() -> (
    None
):
    report = _report()
    outside = [
        r for r in _searches_of(YEAR) if r["request"]["performing_agency"]["kind"] not in POLICE
    ]
    assert outside
    listed = {s.request_id: s.agency for s in report.searches}
    for record in outside:
        request = record["request"]
        assert listed[request["id"]] == request["requesting_agency"]["id"]


def test_read_the_other_way_a_search_counts_under_the_agency_that_asked() -> None:
    report = _report(asked={"md-annual-report-agency": "requesting-agency"})
    expected = Counter(_whose(r, "requesting-agency") for r in _searches_of(YEAR))
    counted: Counter[str] = Counter()
    for system in report.systems:
        counted[system.agency] += system.searches
    assert counted == expected
    (reading,) = [r for r in report.assumptions.readings if r.reading == "md-annual-report-agency"]
    assert (reading.choice, reading.adopted, reading.origin.value) == (
        "requesting-agency",
        False,
        "asked",
    )


def test_each_system_and_crime_or_incident_is_counted_as_item_2_asks() -> None:
    report = _report()
    searches = _searches_of(YEAR)
    systems = Counter((_whose(r), r["request"]["technology"]["name"]) for r in searches)
    assert {(x.agency, x.system): x.searches for x in report.systems} == systems
    crimes = Counter(
        (
            _whose(r),
            r["request"]["technology"]["name"],
            (r["request"]["offense"] or {}).get("code") or r["request"]["purpose"],
        )
        for r in searches
    )
    assert {(x.agency, x.system, x.crime): x.searches for x in report.crimes} == crimes


def test_matches_acted_on_are_counted_by_system_and_database_as_item_3_asks() -> None:
    report = _report()
    searches = _searches_of(YEAR)
    assert report.totals.matches_returned == sum(r["candidates_returned"] for r in searches)
    assert report.totals.matches_acted_on == sum(r["matches_acted_on"] or 0 for r in searches)
    assert report.totals.matches_not_recorded == sum(
        r["matches_acted_on"] is None for r in searches
    )
    by_database: Counter[tuple[str, str, str]] = Counter()
    for r in searches:
        for database in r["request"]["databases"] or ["none"]:
            key = (_whose(r), r["request"]["technology"]["name"], database)
            by_database[key] += r["matches_acted_on"] or 0
    assert {
        (x.agency, x.system, x.database.value if x.database else "none"): x.matches_acted_on
        for x in report.matches
    } == by_database


def test_the_people_matches_were_acted_on_are_counted_by_age_race_and_gender() -> None:
    report = _report()
    acted = [r for r in _searches_of(YEAR) if r["matches_acted_on"]]
    assert report.totals.individuals == len(acted) == sum(p.individuals for p in report.people)
    races = Counter(r["subject_race"] for r in acted)
    counted: Counter[str | None] = Counter()
    for p in report.people:
        counted[p.race.value if p.race else None] += p.individuals
    assert counted == races
    teenagers = sum(1 for r in acted if r["subject_age"] is not None and r["subject_age"] < 18)
    assert sum(p.individuals for p in report.people if p.age == "under 18") == teenagers


def test_a_search_for_a_crime_on_none_of_the_twelve_lists_is_an_unauthorized_use() -> None:
    report = _report()
    expected = {
        r["request"]["id"]
        for r in _searches_of(YEAR)
        if (r["request"]["offense"] or {}).get("code") in NOT_LISTED
    }
    assert expected
    assert {u.request_id for u in report.unauthorized_uses} == expected
    assert report.totals.unauthorized_uses == len(expected)
    assert all(u.outcome.value == "forbidden" for u in report.unauthorized_uses)


def test_every_line_of_the_log_is_accounted_for() -> None:
    report = _report()
    t = report.totals
    raw = _raw()
    assert t.lines_read == t.records == len(raw)
    assert t.not_performed == sum(r["request"]["performed_at"] is None for r in raw)
    assert t.outside_period == sum(
        1
        for r in raw
        if (day := _day(r["request"]["performed_at"])) is not None and day.year != YEAR
    )


def test_a_search_of_a_day_before_the_law_was_in_force_is_counted_apart() -> None:
    made = REPORT.make(_entries(), ReportTerms(period=Period.parse("2024")))
    assert isinstance(made, MarylandAnnualReport)
    before = sum(
        1
        for r in _raw()
        if (day := _day(r["request"]["performed_at"])) is not None and day < LAW_IN_FORCE_FROM
    )
    assert before
    assert made.totals.before_the_law == before
    assert made.totals.searches == len(_searches_of(2024))


def test_the_report_is_due_february_1_and_submitted_by_may_1_of_the_next_year() -> None:
    report = _report(agency="MDSP", contact="Lt. K. Oduya, 410-555-0199")
    assert (report.due, report.submit_by) == (date(YEAR + 1, 2, 1), date(YEAR + 1, 5, 1))
    assert report.filer.name == "Maryland State Police"
    text = render(report, "text")
    assert "publish by 1 February 2026; submit by 1 May 2026" in text
    assert "Lt. K. Oduya, 410-555-0199" in text
    assert "Certification" in text
    assert all(s.agency == "MDSP" for s in report.searches)


@pytest.mark.parametrize("limit", [0, 2])
def test_a_limit_cuts_the_listings_never_the_counts(limit: int) -> None:
    report = _report(limit=limit)
    whole = _report()
    assert report.totals == whole.totals
    assert len(report.searches) == limit
    assert report.searches_not_listed == whole.totals.searches - limit


def test_the_report_is_not_made_under_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-MD applies US-MD's law"):
        _report(law=frpolicy.jurisdiction("US-WA"))
