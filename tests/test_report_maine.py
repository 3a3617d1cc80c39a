"""Maine's public log of the Bureau's requests, 25 M.R.S. §6001, against hand counts of the log."""

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
from frpolicy.reports import BureauLog, Period, ReportTerms, render, statutory_report

LOG = (
    Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "me_report_log.jsonl"
)
MAINE = ZoneInfo("America/New_York")
YEAR = 2024
IN_FORCE_FROM = date(2021, 10, 1)
# the sample's crimes below the line of a serious crime, by code (Class D and E crimes)
NOT_SERIOUS = {"17-A-501-A", "17-A-402"}
LAW_ENFORCEMENT = {"local_police", "state_police", "prosecutor", "fbi", "federal"}
REPORT = statutory_report("US-ME:bmv-log")


def _raw() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def _day(text: str) -> date:
    return datetime.fromisoformat(text).astimezone(MAINE).date()


def _the_bureaus(record: dict[str, Any]) -> bool:
    """The Bureau of Motor Vehicles, a Maine department, ran (or was asked to run) it."""
    performer = record["request"]["performing_agency"]
    return bool(performer["kind"] == "motor_vehicle_registry" and performer["home"] == "US-ME")


def _received(year: int) -> list[dict[str, Any]]:
    """The requests the Bureau received in the year, by hand."""
    return [
        r for r in _raw() if _the_bureaus(r) and _day(r["request"]["submitted_at"]).year == year
    ]


def _entries() -> list[tuple[int, Entry]]:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    return [(n, frpolicy.from_json(line, SearchRecord)) for n, line in enumerate(lines, start=1)]


def _log(period: str = str(YEAR), **terms: Any) -> BureauLog:
    made = REPORT.make(_entries(), ReportTerms(period=Period.parse(period), **terms))
    assert isinstance(made, BureauLog)
    return made


def test_the_log_lists_every_request_the_bureau_received_in_the_year_granted_or_refused() -> None:
    log = _log()
    received = _received(YEAR)
    refused = [r for r in received if r["request"]["performed_at"] is None]
    assert refused, "the sample has requests the Bureau refused"
    assert {x.request_id for x in log.requests} == {r["request"]["id"] for r in received}
    assert log.totals.requests == len(received)
    assert log.totals.not_run == len(refused)
    assert log.totals.searches == len(received) - len(refused)


def test_requests_are_counted_by_where_the_requesting_agency_belongs() -> None:
    log = _log()
    homes = Counter(r["request"]["requesting_agency"]["home"] for r in _received(YEAR))
    assert {x.place: x.requests for x in log.places} == homes
    assert log.totals.from_maine == homes["US-ME"]
    assert log.totals.federal == homes["US"]
    assert log.totals.from_other_states == sum(
        n for home, n in homes.items() if home not in {"US-ME", "US"}
    )
    assert log.totals.from_other_states > log.totals.from_maine


def test_requests_are_counted_by_the_crime_named_or_the_purpose() -> None:
    log = _log()
    crimes = Counter(
        (r["request"]["offense"] or {}).get("code") or r["request"]["purpose"]
        for r in _received(YEAR)
    )
    assert {x.crime: x.requests for x in log.purposes} == crimes


def test_a_request_the_bureau_never_logged_is_missing_from_the_public_record() -> None:
    log = _log()
    unlogged = {r["request"]["id"] for r in _received(YEAR) if r["documented_at"] is None}
    assert unlogged
    assert {x.request_id for x in log.not_logged} == unlogged
    assert log.totals.not_logged == len(unlogged)
    assert all(x.logged_at is None for x in log.not_logged)


def test_requests_without_probable_cause_of_a_serious_crime_or_not_from_law_enforcement_are_not_allowed() -> (  # noqa: E501 - a sentence
    None
):
    log = _log()
    expected = set()
    for record in _received(YEAR):
        request = record["request"]
        asker = request["requesting_agency"]
        if asker["kind"] == "motor_vehicle_registry":
            continue  # the Bureau's own fraud checks
        offense = (request["offense"] or {}).get("code")
        if (
            asker["kind"] not in LAW_ENFORCEMENT
            or offense in NOT_SERIOUS
            or (offense is not None and request["suspicion"] != "probable_cause")
        ):
            expected.add(request["id"])
    assert expected
    assert {x.request_id for x in log.not_allowed} == expected
    assert log.totals.not_allowed == len(expected)


def test_a_search_another_body_ran_is_not_in_the_bureaus_log() -> None:
    log = _log()
    others = [
        r for r in _raw() if not _the_bureaus(r) and _day(r["request"]["submitted_at"]).year == YEAR
    ]
    assert others
    assert log.totals.not_to_the_bureau == len(others)
    listed = {x.request_id for x in log.requests}
    assert not listed & {r["request"]["id"] for r in others}


def test_read_as_a_log_of_searches_the_requests_never_run_are_left_out() -> None:
    log = _log(asked={"me-log-entries": "searches-run"})
    received = _received(YEAR)
    run = [r for r in received if r["request"]["performed_at"] is not None]
    assert log.totals.requests == log.totals.searches == len(run)
    assert log.totals.not_run_left_out == len(received) - len(run)
    (reading,) = [r for r in log.assumptions.readings if r.reading == "me-log-entries"]
    assert (reading.choice, reading.adopted) == ("searches-run", False)


def test_every_line_of_the_log_is_accounted_for() -> None:
    log = _log()
    t = log.totals
    raw = _raw()
    assert t.lines_read == t.records == len(raw)
    assert t.outside_period == sum(_day(r["request"]["submitted_at"]).year != YEAR for r in raw)


def test_a_request_of_a_day_before_the_law_was_in_force_is_counted_apart() -> None:
    log = _log("2021")
    before = [
        r
        for r in _raw()
        if _day(r["request"]["submitted_at"]).year == 2021
        and _day(r["request"]["submitted_at"]) < IN_FORCE_FROM
    ]
    assert before
    assert log.totals.before_the_law == len(before)
    assert log.totals.requests == len(_received(2021)) - len(before)


def test_one_agencys_requests_are_those_it_asked_the_bureau_for() -> None:
    log = _log(agency="DEA-NE", contact="Records officer, 207-555-0150")
    asked = [r for r in _received(YEAR) if r["request"]["requesting_agency"]["id"] == "DEA-NE"]
    assert asked
    assert log.totals.requests == len(asked)
    assert log.totals.other_agencies == len(_received(YEAR)) - len(asked)
    text = render(log, "text")
    assert "Keeper of the log: Bureau of Motor Vehicles" in text
    assert "on request" in text
    assert "Records officer, 207-555-0150" in text


@pytest.mark.parametrize("limit", [0, 3])
def test_a_limit_cuts_the_listings_never_the_counts(limit: int) -> None:
    log = _log(limit=limit)
    whole = _log()
    assert log.totals == whole.totals
    assert len(log.requests) == limit
    assert log.requests_not_listed == whole.totals.requests - limit


def test_the_log_is_not_made_under_another_states_law() -> None:
    with pytest.raises(ValueError, match="a report of US-ME applies US-ME's law"):
        _log(law=frpolicy.jurisdiction("US-UT"))
