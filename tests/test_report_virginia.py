"""Virginia's annual public report, Va. Code §15.2-1723.2, against hand counts of the raw log."""

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
from frpolicy.reports import Period, ReportTerms, VirginiaAnnualReport, render, statutory_report

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "va_report_log.jsonl"
)
VIRGINIA = ZoneInfo("America/New_York")
YEAR = 2024
# 2022 Va. Acts ch. 737: in force from July 1, 2022, its provisions expiring July 1, 2026
ACT_FROM, ACT_UNTIL = date(2022, 7, 1), date(2026, 7, 1)
POLICE = {"local_police", "state_police"}
TRAFFICKING = "VA-18.2-357.1"
REPORT = statutory_report("US-VA:annual-report")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(VIRGINIA).date()


def _virginia_police(agency: dict[str, Any]) -> bool:
    return bool(agency["kind"] in POLICE and agency["home"] == "US-VA")


def _uses(year: int) -> list[dict[str, Any]]:
    """The uses the report counts, by hand: of the year, under the 2022 act, by Virginia police."""
    found = []
    for record in _raw():
        request = record["request"]
        if request["performed_at"] is None:
            continue
        day = _day(request["performed_at"])
        involved = _virginia_police(request["performing_agency"]) or _virginia_police(
            request["requesting_agency"]
        )
        if day.year == year and ACT_FROM <= day < ACT_UNTIL and involved:
            found.append(record)
    return found


def _whose(record: dict[str, Any], choice: str = "performing-agency") -> str:
    first, second = record["request"]["performing_agency"], record["request"]["requesting_agency"]
    if choice == "requesting-agency":
        first, second = second, first
    return str(first["id"] if _virginia_police(first) else second["id"])


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _report(period: str = str(YEAR), **terms: Any) -> VirginiaAnnualReport:
    made = REPORT.make(_entries(), ReportTerms(period=Period.parse(period), **terms))
    assert isinstance(made, VirginiaAnnualReport)
    return made


def _by_agency(report: VirginiaAnnualReport) -> Counter[str]:
    counted: Counter[str] = Counter()
    for x in report.purposes:
        counted[x.agency] += x.uses
    return counted


def test_each_use_of_the_year_counts_in_the_report_of_the_virginia_police_agency_that_ran_it() -> (
    None
):
    report = _report()
    uses = _uses(YEAR)
    assert report.totals.uses == len(uses)
    assert _by_agency(report) == Counter(_whose(r) for r in uses)
    for_locals = [
        r
        for r in uses
        if r["request"]["performing_agency"]["id"] == "VSP"
        and r["request"]["requesting_agency"]["id"] != "VSP"
    ]
    assert for_locals, "the State Police ran searches for local and campus police"


def test_a_use_the_fbi_ran_for_a_county_counts_in_the_countys_report() -> None:
    report = _report()
    listed = {x.request_id: x.agency for x in report.uses}
    fbi = [r for r in _uses(YEAR) if r["request"]["performing_agency"]["kind"] == "fbi"]
    assert fbi
    for record in fbi:
        assert listed[record["request"]["id"]] == record["request"]["requesting_agency"]["id"]


def test_read_the_other_way_a_use_counts_in_the_report_of_the_agency_that_asked() -> None:
    report = _report(asked={"va-annual-report-agency": "requesting-agency"})
    uses = _uses(YEAR)
    assert _by_agency(report) == Counter(_whose(r, "requesting-agency") for r in uses)
    assert _by_agency(report) != _by_agency(_report())
    (reading,) = [r for r in report.assumptions.readings if r.reading == "va-annual-report-agency"]
    assert (reading.choice, reading.adopted) == ("requesting-agency", False)


def test_the_individuals_whose_images_were_queried_are_counted_by_race_gender_and_age() -> None:
    report = _report()
    uses = _uses(YEAR)
    assert sum(x.individuals for x in report.people) == len(uses)
    races = Counter((r["subject_race"], r["subject_gender"]) for r in uses)
    counted: Counter[tuple[str | None, str | None]] = Counter()
    for x in report.people:
        race = x.race.value if x.race else None
        gender = x.gender.value if x.gender else None
        counted[race, gender] += x.individuals
    assert counted == races
    older = sum(1 for r in uses if r["subject_age"] is not None and r["subject_age"] >= 55)
    assert sum(x.individuals for x in report.people if x.age == "55 and over") == older
    recorded = [
        r for r in uses if r["subject_race"] or r["subject_gender"] or r["subject_age"] is not None
    ]
    assert report.totals.individuals_recorded == len(recorded)


def test_uses_are_counted_by_purpose_crime_technology_and_database() -> None:
    report = _report()
    uses = _uses(YEAR)
    purposes = Counter(
        (r["request"]["purpose"], (r["request"]["offense"] or {}).get("code")) for r in uses
    )
    counted: Counter[tuple[str, str | None]] = Counter()
    for x in report.purposes:
        counted[x.purpose.value, x.crime] += x.uses
    assert counted == purposes
    systems = Counter(r["request"]["technology"]["name"] for r in uses)
    by_system: Counter[str] = Counter()
    for t in report.technologies:
        by_system[t.system] += t.uses
    assert by_system == systems
    databases = Counter(d for r in uses for d in r["request"]["databases"])
    by_database: Counter[str] = Counter()
    for d in report.databases:
        assert d.database is not None
        by_database[d.database.value] += d.uses
    assert by_database == databases


def test_a_use_for_no_authorized_purpose_with_an_unapproved_technology_or_tracking_is_listed() -> (
    None
):
    report = _report()
    expected = set()
    for record in _uses(YEAR):
        request = record["request"]
        offense = (request["offense"] or {}).get("code")
        suspect = request["suspicion"] != "none" or offense == TRAFFICKING
        if (
            (request["purpose"] == "criminal_investigation" and not suspect)
            or not request["technology"]["approved"]
            or (request["real_time"] and request["analysis"] == "tracking")
        ):
            expected.add(request["id"])
    assert expected
    assert {x.request_id for x in report.unauthorized_uses} == expected
    assert report.totals.unauthorized_uses == len(expected)


def test_a_request_never_run_and_a_check_by_the_department_of_motor_vehicles_are_no_use() -> None:
    report = _report()
    raw = _raw()
    assert report.totals.not_performed == sum(r["request"]["performed_at"] is None for r in raw)
    dmv = [
        r
        for r in raw
        if r["request"]["performing_agency"]["kind"] == "motor_vehicle_registry"
        and _day(r["request"]["performed_at"]).year == YEAR
    ]
    assert dmv
    assert report.totals.not_recorded_for_a_report == len(dmv)


@pytest.mark.parametrize("year", [2022, 2026])
def test_a_use_under_a_ban_is_recorded_for_no_report(year: int) -> None:
    report = _report(str(year))
    performed = [
        r
        for r in _raw()
        if r["request"]["performed_at"] and _day(r["request"]["performed_at"]).year == year
    ]
    banned = [
        r for r in performed if not ACT_FROM <= _day(r["request"]["performed_at"]) < ACT_UNTIL
    ]
    assert banned
    assert report.totals.not_recorded_for_a_report == len(banned)
    assert report.totals.uses == len(_uses(year))


def test_every_line_of_the_log_is_accounted_for() -> None:
    report = _report()
    t = report.totals
    assert t.lines_read == t.records == len(_raw())


def test_an_agencys_report_is_posted_by_april_1_of_the_next_year() -> None:
    report = _report(agency="RPD", contact="Office of the Chief, 804-555-0110")
    assert report.due == date(YEAR + 1, 4, 1)
    assert report.filer.name == "Richmond Police Department"
    assert {x.agency for x in report.uses} == {"RPD"}
    text = render(report, "text")
    assert "posted by 1 April 2025" in text
    assert "Office of the Chief, 804-555-0110" in text


@pytest.mark.parametrize("limit", [0, 2])
def test_a_limit_cuts_the_listings_never_the_counts(limit: int) -> None:
    report = _report(limit=limit)
    whole = _report()
    assert report.totals == whole.totals
    assert len(report.uses) == limit
    assert report.uses_not_listed == whole.totals.uses - limit


def test_the_report_is_not_made_under_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-VA applies US-VA's law"):
        _report(law=frpolicy.jurisdiction("US-MD"))
