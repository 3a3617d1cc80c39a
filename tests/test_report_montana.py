"""Montana's two annual reports, MCA 44-15-111(2) and (3), against hand counts of the raw log."""

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
    MontanaDepartmentReport,
    MontanaLocalReport,
    Period,
    ReportTerms,
    render,
    statutory_report,
)

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "mt_search_log.jsonl"
)
MONTANA = ZoneInfo("America/Denver")
YEAR = 2024
LOCAL = statutory_report("US-MT:local-report")
DEPARTMENT = statutory_report("US-MT:department-report")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _run_in(record: dict[str, Any], year: int) -> bool:
    performed = record["request"]["performed_at"]
    return (
        performed is not None and datetime.fromisoformat(performed).astimezone(MONTANA).year == year
    )


def _montana_local(agency: dict[str, Any]) -> bool:
    """111(2): a city police department or sheriff's office of Montana."""
    return bool(agency["kind"] == "local_police" and agency["home"] == "US-MT")


def _local_agency(record: dict[str, Any], *, asking: bool = True) -> str | None:
    """The local agency whose June 30 report counts a search, by hand."""
    request = record["request"]
    if asking and _montana_local(request["requesting_agency"]):
        return str(request["requesting_agency"]["id"])
    if _montana_local(request["performing_agency"]):
        return str(request["performing_agency"]["id"])
    return None


def _the_departments(record: dict[str, Any]) -> bool:
    """111(3): a search the Department of Justice (its investigating divisions) ran."""
    agency = record["request"]["performing_agency"]
    return bool(agency["kind"] == "state_police" and agency["home"] == "US-MT")


def _offense(record: dict[str, Any]) -> str | None:
    offense = record["request"]["offense"]
    return None if offense is None else str(offense["code"])


def _by_offense(rows: Any) -> Counter[tuple[str, str | None]]:
    """A report's searches by agency and offense (those for no offense summed, whatever purpose)."""
    counts: Counter[tuple[str, str | None]] = Counter()
    for x in rows:
        counts[x.agency, x.offense] += x.searches
    return counts


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _local(period: str = str(YEAR), **terms: Any) -> MontanaLocalReport:
    made = LOCAL.make(_entries(), ReportTerms(period=Period.parse(period), **terms))
    assert isinstance(made, MontanaLocalReport)
    return made


def _department(period: str = str(YEAR), **terms: Any) -> MontanaDepartmentReport:
    made = DEPARTMENT.make(_entries(), ReportTerms(period=Period.parse(period), **terms))
    assert isinstance(made, MontanaDepartmentReport)
    return made


def test_the_searches_a_local_agency_asked_for_or_ran_are_counted_by_offense_as_111_2_asks() -> (
    None
):
    report = _local()
    counted = Counter(
        (agency, _offense(r))
        for r in _raw()
        if _run_in(r, YEAR) and (agency := _local_agency(r)) is not None
    )
    assert counted
    assert report.totals.searches == sum(counted.values())
    assert _by_offense(report.offenses) == counted


def test_read_as_the_agency_that_ran_it_a_search_the_department_ran_is_in_no_local_report() -> None:
    report = _local(asked={"mt-local-report-agency": "running-agency"})
    counted = Counter(
        (agency, _offense(r))
        for r in _raw()
        if _run_in(r, YEAR) and (agency := _local_agency(r, asking=False)) is not None
    )
    assert 0 < sum(counted.values()) < _local().totals.searches
    assert _by_offense(report.offenses) == counted


def test_a_search_for_a_missing_or_deceased_person_investigated_no_offense() -> None:
    report = _local()
    none = [r for r in _raw() if _local_agency(r) is not None and _offense(r) is None]
    assert none
    rows = [x for x in report.offenses if x.offense is None]
    assert sum(x.searches for x in rows) == len(none)
    assert all(x.description.startswith("no offense") for x in rows)


def test_a_local_agencys_own_report_counts_its_searches_and_is_due_june_30() -> None:
    report = _local(agency="MCSO", contact="Records, 406-555-0100")
    own = [r for r in _raw() if _run_in(r, YEAR) and _local_agency(r) == "MCSO"]
    assert own
    assert report.totals.searches == len(own)
    assert report.filer.name == "Missoula County Sheriff's Office"
    assert report.due == date(YEAR + 1, 6, 30)
    text = render(report, "text")
    assert "by 30 June 2025" in text
    assert "Criminal Intelligence Information Section" in text


def test_the_department_counts_every_search_it_ran_with_who_asked_as_111_3_asks() -> None:
    report = _department()
    theirs = [r for r in _raw() if _run_in(r, YEAR) and _the_departments(r)]
    assert theirs
    assert report.totals.searches == len(theirs)
    assert _by_offense(report.offenses) == Counter(
        (r["request"]["performing_agency"]["id"], _offense(r)) for r in theirs
    )
    asked = Counter(r["request"]["requesting_agency"]["id"] for r in theirs)
    assert {x.requester: x.searches for x in report.requesters} == asked
    assert any(x.home != "US-MT" for x in report.requesters)
    assert report.due == date(YEAR + 1, 9, 1)


def test_the_departments_report_holds_what_the_local_reports_hold_as_item_a() -> None:
    department, local = _department(), _local()
    assert department.local_offenses == local.offenses
    assert department.totals.local_searches == local.totals.searches


@pytest.mark.parametrize("report", [_local, _department])
def test_the_arrests_and_convictions_are_said_not_to_be_in_a_search_log(report: Any) -> None:
    text = render(report(), "markdown")
    assert "arrests and convictions" in text
    assert "not in a search log" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_report_renders_its_counts_in_every_format(fmt: str) -> None:
    for report, made in ((LOCAL, _local()), (DEPARTMENT, _department())):
        tables = report.tables if fmt == "csv" else (None,)
        for table in tables:
            assert render(made, fmt, table=table)
        if fmt == "json":
            data = json.loads(render(made, "json"))
            assert data["totals"]["searches"] == made.totals.searches


def test_every_line_of_the_log_is_accounted_for() -> None:
    for report in (_local(), _department()):
        t = report.totals
        assert t.lines_read == t.records == len(_raw())


def test_the_searches_of_another_year_are_counted_apart() -> None:
    assert _local("2023").totals.searches == 0
    assert _local("2023").totals.outside_period == len(_raw())


def test_a_search_of_a_day_before_the_chapter_was_in_force_is_counted_apart() -> None:
    raw = _raw()
    raw[0]["request"]["submitted_at"] = "2023-01-09T09:00:00-07:00"
    raw[0]["request"]["performed_at"] = "2023-01-09T11:00:00-07:00"
    entries: list[tuple[int, Entry]] = [
        (n, frpolicy.from_json(json.dumps(r), SearchRecord)) for n, r in enumerate(raw, 1)
    ]
    made = LOCAL.make(entries, ReportTerms(period=Period.parse("2023")))
    assert isinstance(made, MontanaLocalReport)
    assert made.totals.before_the_law == 1
    assert made.totals.searches == 0


def test_a_request_never_run_is_no_search_run() -> None:
    raw = _raw()
    raw[0]["request"]["performed_at"] = None
    entries: list[tuple[int, Entry]] = [
        (n, frpolicy.from_json(json.dumps(r), SearchRecord)) for n, r in enumerate(raw, 1)
    ]
    made = LOCAL.make(entries, ReportTerms(period=Period.parse(str(YEAR))))
    assert isinstance(made, MontanaLocalReport)
    assert made.totals.not_run == 1
    assert made.totals.searches == _local().totals.searches - 1


def test_the_reports_are_not_made_under_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-MT applies US-MT's law"):
        _local(law=frpolicy.jurisdiction("US-ME"))
