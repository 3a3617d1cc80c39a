"""Compliance checks: timelines, obligations engaged or not, violations, the audit's totals."""

from __future__ import annotations

import json
import pickle
import tempfile
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frpolicy
from frpolicy import AgencyKind, CaseRecord, EventKind, Outcome, SearchRecord, compliance
from frpolicy.compliance import (
    _NO_EVENTS,
    CASE_EVENTS,
    LAW_IN_FORCE,
    NO_EVENT,
    Audit,
    AuditResult,
    Comparison,
    Entry,
    InputProblem,
    LogAudit,
    ObligationState,
    Violation,
    ViolationKind,
    _case_events,
    _checked,
    _judge,
    _month,
    _own_events,
    audit_log,
    case_timeline,
    check_search,
    index_cases,
    latest_event,
    timeline,
    version_for,
)
from frpolicy.reports import AuditReport, audit_report
from frpolicy.strategies import case_records, search_requests, timestamps

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
MA = frpolicy.jurisdiction("US-MA")
BILL = MA.version("H.1728")
LATER = datetime(2026, 1, 1, tzinfo=UTC)


def _records() -> list[SearchRecord]:
    text = (EXAMPLES / "ma_search_log.jsonl").read_text(encoding="utf-8")
    return [frpolicy.from_json(line, SearchRecord) for line in text.splitlines()]


def _cases() -> dict[str, tuple[CaseRecord, ...]]:
    text = (EXAMPLES / "ma_cases.jsonl").read_text(encoding="utf-8")
    return index_cases(frpolicy.from_json(line, CaseRecord) for line in text.splitlines())


def test_an_emergency_timeline_carries_the_sworn_statement_with_its_court_and_rank() -> None:
    record = next(
        r for r in _records() if r.request.emergency and r.request.emergency.sworn_statement
    )
    assert record.request.emergency is not None
    statement = record.request.emergency.sworn_statement
    assert statement is not None
    filed = [e for e in timeline(record) if e.kind is EventKind.SWORN_STATEMENT_FILED]
    assert len(filed) == 1
    assert filed[0].court is statement.court
    assert filed[0].supervisory is statement.supervisory
    assert [e.at for e in timeline(record)] == sorted(e.at for e in timeline(record))


def test_notice_to_a_defendant_is_not_engaged_when_nobody_was_charged() -> None:
    cases = _cases()
    record = next(
        r
        for r in _records()
        if BILL.decide(r.request) is Outcome.PERMITTED
        and r.request.id not in cases
        and r.request.purpose is frpolicy.Purpose.CRIMINAL_INVESTIGATION
    )
    finding = check_search(record, (), BILL, LATER)
    notice = [f for f in finding.obligations if f.obligation.duty == "MA-NOTICE"]
    assert [f.state for f in notice] == [ObligationState.NOT_ENGAGED]
    assert all("MA-NOTICE" not in v.provisions for v in finding.violations)


def test_a_partial_notice_to_a_charged_defendant_violates_the_bills_notice_duty() -> None:
    cases = _cases()
    partial = next(
        (r, cases[r.request.id])
        for r in _records()
        if BILL.decide(r.request) is Outcome.PERMITTED
        and r.request.id in cases
        and any(
            n.disclosures and frpolicy.Disclosure.ALL_RESULTS not in n.disclosures
            for c in cases[r.request.id]
            for n in c.notices
        )
    )
    finding = check_search(partial[0], partial[1], BILL, LATER)
    violated = [v for v in finding.violations if v.provisions == ("MA-NOTICE",)]
    assert violated
    assert violated[0].case_id == partial[1][0].id
    assert violated[0].citations == ("G.L. c.6 §220(f) (H.1728)",)


def test_a_video_search_performed_under_the_bill_is_a_violation_citing_subsection_k() -> None:
    record = next(
        r for r in _records() if r.request.probe.kind is frpolicy.MediaKind.RECORDED_VIDEO
    )
    finding = check_search(record, (), BILL, LATER)
    assert finding.decision.outcome is Outcome.FORBIDDEN
    [violation] = [v for v in finding.violations if v.kind is ViolationKind.UNAUTHORIZED_SEARCH]
    assert violation.provisions == ("MA-NO-VIDEO",)
    assert violation.missing.startswith("MA-NO-VIDEO: forbidden")
    assert violation.missing.endswith("the system analyses moving images")


def test_a_request_never_performed_is_no_unauthorized_search_and_owes_only_its_record() -> None:
    record = next(r for r in _records() if r.request.id.endswith("1"))
    unperformed = attrs.evolve(
        record,
        request=attrs.evolve(record.request, performed_at=None),
        documented_at=record.request.submitted_at,
        reported_at=record.request.submitted_at,
    )
    finding = check_search(unperformed, (), BILL, LATER)
    assert finding.violations == ()
    engaged = {f.obligation.duty: f.state for f in finding.obligations}
    # §220(g)-(h): a public record and a report of every request, performed or not
    assert engaged.pop("MA-LOG") is ObligationState.MET
    assert engaged.pop("MA-REPORT") is ObligationState.MET
    assert all(state is ObligationState.NOT_ENGAGED for state in engaged.values())


def test_a_refused_request_never_recorded_breaks_the_public_record_duty_of_220g() -> None:
    record = next(r for r in _records() if r.request.id.endswith("1"))
    refused = attrs.evolve(
        record,
        request=attrs.evolve(
            record.request, performed_at=None, warrant=None, court_order=None, emergency=None
        ),
        documented_at=None,
        reported_at=None,
    )
    finding = check_search(refused, (), BILL, LATER)
    assert finding.decision.outcome is Outcome.NOT_PERMITTED
    assert {v.provisions for v in finding.violations} == {("MA-REPORT",)}
    states = {f.obligation.duty: f.state for f in finding.obligations}
    assert states["MA-LOG"] is ObligationState.PENDING  # (g) states no deadline


def test_an_unauthorized_search_never_logged_is_reported_as_both_violations() -> None:
    record = next(
        r
        for r in _records()
        if r.request.performing_agency.kind is AgencyKind.LOCAL_POLICE
        and r.request.performed_at is not None
    )
    unlogged = attrs.evolve(record, documented_at=None, reported_at=None)
    finding = check_search(unlogged, (), version_for(MA, record), LATER)
    kinds = {v.kind for v in finding.violations}
    assert kinds == {ViolationKind.UNAUTHORIZED_SEARCH, ViolationKind.OBLIGATION}
    assert ("MA-LAW-REPORT",) in {v.provisions for v in finding.violations}


def test_the_law_in_force_in_2024_is_the_2020_statute() -> None:
    record = _records()[0]
    assert version_for(MA, record).instrument.id == "St. 2020, c.253"


def test_the_audit_totals_add_up_and_the_violation_list_is_capped() -> None:
    audit = Audit(violation_limit=5)
    comparison = Comparison(before="St. 2020, c.253", after="H.1728", change_limit=3)
    cases = _cases()
    records = _records()
    for record in records:
        finding = check_search(
            record, cases.get(record.request.id, ()), version_for(MA, record), LATER
        )
        audit.add(finding)
        comparison.add(finding.decision, BILL.evaluate(record.request))
    audit.add_blank()
    assert audit.totals_add_up
    assert audit.lines_read == len(records) + 1
    assert sum(audit.by_outcome.values()) == len(records)
    assert len(audit.violations) == 5
    assert audit.omitted_violations == audit.violation_count - 5
    assert len(comparison.changes) == 3
    changed = sum(
        1 for r in records if version_for(MA, r).decide(r.request) is not BILL.decide(r.request)
    )
    assert comparison.change_count == changed
    assert all(c.responsible for c in comparison.changes)


def _unauthorized(record: SearchRecord, **changes: object) -> Violation:
    request = attrs.evolve(record.request, **changes)  # type: ignore[arg-type]
    finding = check_search(attrs.evolve(record, request=request), (), BILL, LATER)
    [violation] = [v for v in finding.violations if v.kind is ViolationKind.UNAUTHORIZED_SEARCH]
    return violation


def _state_police_search() -> SearchRecord:
    return next(
        r
        for r in _records()
        if r.request.performing_agency.kind is frpolicy.AgencyKind.STATE_POLICE
        and r.request.warrant is not None
        and r.request.offense is not None
        and BILL.decide(r.request) is Outcome.PERMITTED
    )


def test_what_a_search_lacked_is_said_in_a_few_words_per_permission_the_closest_first() -> None:
    record = _state_police_search()
    violation = _unauthorized(record, warrant=None, court_order=None, emergency=None)
    assert violation.missing.startswith("MA-WARRANT: no warrant; MA-EMERGENCY: no emergency; ")
    assert violation.provisions[:2] == ("MA-WARRANT", "MA-EMERGENCY")
    said = dict(part.split(": ", 1) for part in violation.missing.split("; "))
    assert set(said) == set(violation.provisions)
    assert [len(said[p]) < 20 for p in violation.provisions[:2]] == [True, True]
    assert all(len(what) < 200 for what in said.values())


def test_a_search_by_the_wrong_agency_is_forbidden_as_not_made_through_the_state_police() -> None:
    record = _state_police_search()
    local = attrs.evolve(record.request.requesting_agency)
    violation = _unauthorized(record, performing_agency=local)
    assert violation.provisions == ("MA-BAN",)
    assert violation.missing.endswith("not made through the State Police")


def test_a_warrant_for_a_misdemeanor_lacks_a_felony() -> None:
    record = _state_police_search()
    offenses = BILL.offenses
    misdemeanor = next(
        o for o in offenses if o.classification is not frpolicy.Classification.FELONY
    )
    warrant = record.request.warrant
    assert warrant is not None
    violation = _unauthorized(
        record,
        offense=misdemeanor,
        warrant=attrs.evolve(warrant, offense_codes=frozenset({misdemeanor.code})),
    )
    assert violation.missing.startswith("MA-WARRANT: the offense is not a felony; ")


def test_a_forbidden_search_names_the_prohibition_and_what_made_it_apply() -> None:
    record = _state_police_search()
    violation = _unauthorized(record, analysis=frpolicy.Analysis.EMOTION_INFERENCE)
    assert violation.provisions == ("MA-NO-EMOTION",)
    assert violation.missing == (
        "MA-NO-EMOTION: forbidden, Massachusetts law enforcement asks for or performs the search, "
        "the system is used to infer a person's emotions"
    )


def test_a_violation_says_who_asked_who_searched_when_and_when_a_duty_was_due() -> None:
    cases = _cases()
    found = [
        v
        for r in _records()
        for v in check_search(r, cases.get(r.request.id, ()), BILL, LATER).violations
        if v.kind is ViolationKind.OBLIGATION
    ]
    assert found
    for v in found:
        assert v.agency
        assert v.performing_agency
        assert v.due is not None
        assert v.fulfilled_at is None or v.fulfilled_at > v.due
        assert str(v.submitted_at.tzinfo) == "America/New_York"
        assert v.searched_at is None or v.searched_at >= v.submitted_at


_EVERY_VERSION = [(j, v) for j in frpolicy.jurisdictions() for v in j.versions]


@pytest.mark.parametrize(
    ("place", "version"),
    _EVERY_VERSION,
    ids=[f"{j.code} {v.instrument.id}" for j, v in _EVERY_VERSION],
)
@given(data=st.data())
def test_what_a_search_lacked_is_said_in_words_never_in_the_formula_s_capitals(
    place: frpolicy.Jurisdiction, version: frpolicy.Version, data: st.DataObject
) -> None:
    # a permission with a negated compound condition ("NOT (A OR B)") is said part by
    # part ("not A and not B"), under every jurisdiction's law
    request = data.draw(search_requests(place, version), label="request")
    record = SearchRecord(request=request)
    finding = check_search(record, (), version, LATER)
    for violation in finding.violations:
        if violation.kind is ViolationKind.UNAUTHORIZED_SEARCH:
            for word in ("NOT ", " OR ", " AND ", "(", ")"):
                assert word not in violation.missing, violation.missing


def test_a_negated_compound_condition_is_said_part_by_part() -> None:
    from frpolicy.jurisdictions.us_ma import conditions as c  # noqa: PLC0415

    # permitted only when approved technology is NOT used without (emotion or video):
    # an approved still-image search fails it, and is said as what held
    only = attrs.evolve(
        BILL.policy.rules[0],
        id="X-ONLY",
        effect=frpolicy.Effect.PERMIT,
        when=~(c.TECHNOLOGY_APPROVED & ~(c.EMOTION_INFERENCE | c.MOVING_IMAGES)),
    )
    version = attrs.evolve(BILL, policy=attrs.evolve(BILL.policy, rules=(only,), variants=()))
    finding = check_search(_state_police_search(), (), version, LATER)
    [violation] = [v for v in finding.violations if v.kind is ViolationKind.UNAUTHORIZED_SEARCH]
    assert violation.missing == (
        "X-ONLY: the facial-recognition technology used is approved and the system is not "
        "used to infer a person's emotions and not: the system analyses moving images"
    )


def test_what_was_missing_is_the_same_said_afresh_or_remembered() -> None:
    def said() -> list[str]:
        return [
            v.missing
            for r in _records()
            for v in check_search(r, (), BILL, LATER).violations
            if v.kind is ViolationKind.UNAUTHORIZED_SEARCH
        ]

    frpolicy.compliance._SAID.clear()  # noqa: SLF001 - the memory under test
    fresh = said()
    assert fresh
    assert said() == fresh


def test_a_case_records_when_a_result_was_relied_on_and_corroborated() -> None:
    relied = datetime(2025, 1, 10, 9, tzinfo=UTC)
    case = CaseRecord(
        id="C-1",
        defendant="A. Doe",
        search_id="S-1",
        relied_on_at=relied,
        corroborated_at=relied - timedelta(days=1),
    )
    kinds = [e.kind for e in case_timeline(case)]
    assert kinds == [EventKind.RESULT_CORROBORATED, EventKind.RESULT_RELIED_ON]
    assert EventKind.RESULT_RELIED_ON in CASE_EVENTS


def test_a_case_s_first_appearance_is_the_one_recorded_or_else_its_arraignment() -> None:
    arraigned = datetime(2025, 3, 3, 9, tzinfo=UTC)
    case = CaseRecord(id="C-1", defendant="A. Doe", search_id="S-1", arraignment_at=arraigned)

    def first(case: CaseRecord) -> datetime:
        (found,) = [e.at for e in case_timeline(case) if e.kind is EventKind.FIRST_APPEARANCE]
        return found

    assert first(case) == arraigned
    counsel = arraigned - timedelta(days=20)
    assert first(attrs.evolve(case, first_appearance_at=counsel)) == counsel
    # an appearance recorded after the arraignment is not the first: the arraignment was
    assert first(attrs.evolve(case, first_appearance_at=arraigned + timedelta(days=1))) == arraigned
    assert EventKind.FIRST_APPEARANCE in CASE_EVENTS
    assert case_timeline(attrs.evolve(case, arraignment_at=None)) == ()


def test_a_log_that_says_a_person_reviewed_the_candidates_records_the_review_at_the_search() -> (
    None
):
    record = attrs.evolve(_records()[0], human_review=True)
    (review,) = [e for e in timeline(record) if e.kind is EventKind.RESULT_REVIEWED]
    assert review.at == record.request.performed_at


def test_a_case_records_a_photo_lineup_and_an_arrest_as_events_of_the_case() -> None:
    lineup = datetime(2025, 2, 3, 10, tzinfo=UTC)
    case = CaseRecord(
        id="C-2",
        defendant="R. Roe",
        search_id="S-2",
        lineup_at=lineup,
        arrested_at=lineup + timedelta(days=2),
    )
    kinds = [e.kind for e in case_timeline(case)]
    assert kinds == [EventKind.PHOTO_LINEUP, EventKind.ARREST]
    assert {EventKind.PHOTO_LINEUP, EventKind.ARREST} <= CASE_EVENTS


def test_a_log_records_the_authorisation_asked_and_refused_the_use_stopped_and_its_data_deleted() -> (  # noqa: E501 - the name is the sentence
    None
):
    record = _records()[0]
    start = record.request.performed_at
    assert start is not None
    asked = frpolicy.Authorization(
        authority=frpolicy.Authority.INDEPENDENT_ADMINISTRATIVE,
        requested_at=start + timedelta(hours=3),
        decided_at=start + timedelta(hours=5),
        granted=False,
    )
    registered = start - timedelta(days=30)
    request = attrs.evolve(
        record.request,
        authorization=asked,
        technology=attrs.evolve(record.request.technology, registered_at=registered),
    )
    record = attrs.evolve(
        record,
        request=request,
        stopped_at=start + timedelta(hours=5),
        deleted_at=start + timedelta(hours=6),
        notified_at=start + timedelta(days=1),
    )
    found = {e.kind: e for e in timeline(record)}
    assert found[EventKind.AUTHORIZATION_REQUESTED].at == asked.requested_at
    assert found[EventKind.AUTHORIZATION_REQUESTED].authority is asked.authority
    assert found[EventKind.AUTHORIZATION_REFUSED].at == asked.decided_at
    assert found[EventKind.USE_STOPPED].at == start + timedelta(hours=5)
    assert found[EventKind.DATA_DELETED].at == start + timedelta(hours=6)
    assert found[EventKind.USE_NOTIFIED].at == start + timedelta(days=1)
    assert found[EventKind.SYSTEM_REGISTERED].at == registered
    granted = attrs.evolve(asked, granted=True)
    kinds = {
        e.kind
        for e in timeline(
            attrs.evolve(record, request=attrs.evolve(request, authorization=granted))
        )
    }
    assert EventKind.AUTHORIZATION_REQUESTED in kinds
    assert EventKind.AUTHORIZATION_REFUSED not in kinds


# -- one pass ---------------------------------------------------------------------------------


def _entries(lines: list[str]) -> list[tuple[int, Entry]]:
    entries: list[tuple[int, Entry]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            entries.append((number, None))
            continue
        try:
            entries.append((number, frpolicy.from_json(line, SearchRecord)))
        except frpolicy.InputError as error:
            entries.append((number, InputProblem(line=number, errors=error.errors)))
    return entries


def _two_passes(  # noqa: PLR0913 - the audit's terms, as audit_log takes them
    entries: list[tuple[int, Entry]],
    cases: list[CaseRecord],
    *,
    version: frpolicy.Version | None,
    compare: frpolicy.Version | None,
    limit: int,
    as_of: datetime | None,
) -> AuditResult:
    """The audit as it was made before it took one pass: a first read finds the as-of time."""
    if as_of is None:
        found = [t for t in (latest_event(c) for c in cases) if t is not None]
        latest = None
        for _, entry in entries:
            at = latest_event(entry) if isinstance(entry, SearchRecord) else None
            if at is not None and (latest is None or at > latest):
                latest = at
        as_of = max([*found, latest] if latest else found, default=NO_EVENT)
    by_search = index_cases(cases)
    audit, other = Audit(violation_limit=limit), Audit(violation_limit=limit)
    comparison = Comparison(
        before=version.instrument.id if version else LAW_IN_FORCE,
        after=compare.instrument.id if compare else "",
        change_limit=limit,
    )
    for number, entry in entries:
        if entry is None or isinstance(entry, InputProblem):
            for a in (audit, other):
                a.add_blank() if entry is None else a.add_problem(entry)
            continue
        judged, noted = _judge(entry, number, MA, version)
        if isinstance(judged, InputProblem):
            audit.add_problem(judged)
            other.add_problem(judged)
            continue
        if noted is not None:
            audit.add_reclassified(noted)
            other.add_reclassified(noted)
        found_cases = by_search.get(entry.request.id, ())
        finding = check_search(entry, found_cases, judged, as_of, line=number)
        audit.add(finding)
        if compare is not None:
            hypothetical = check_search(entry, found_cases, compare, as_of, line=number)
            other.add(hypothetical)
            comparison.add(finding.decision, hypothetical.decision, line=number)
    return AuditResult(
        jurisdiction=MA.code,
        version=version.instrument.id if version else LAW_IN_FORCE,
        as_of=as_of,
        audit=audit,
        other=other if compare else None,
        comparison=comparison if compare else None,
    )


def _report(result: AuditResult) -> AuditReport:
    return audit_report(result, log="log", as_of_source="test")


LOG_LINES = (EXAMPLES / "ma_search_log.jsonl").read_text(encoding="utf-8").splitlines()
ALL_CASES = [c for cs in _cases().values() for c in cs]


@pytest.mark.parametrize("limit", [None, 0, 1, 7])
@pytest.mark.parametrize("order", ["as written", "reversed"])
@pytest.mark.parametrize(("version", "compare"), [(None, None), ("H.1728", "H.4359")])
@pytest.mark.parametrize("as_of", [None, LATER, datetime(2024, 6, 1, tzinfo=UTC)])
def test_one_pass_reports_what_two_passes_report(
    limit: int, order: str, version: str | None, compare: str | None, as_of: datetime | None
) -> None:
    lines = [*LOG_LINES, "", "{not json", *LOG_LINES[:3]]
    if order == "reversed":
        lines.reverse()
    entries = _entries(lines)
    terms: dict[str, Any] = {
        "version": MA.version(version) if version else None,
        "compare": MA.version(compare) if compare else None,
        "limit": limit,
        "as_of": as_of,
    }
    one = audit_log(entries, MA, cases=ALL_CASES, **terms)
    two = _two_passes(entries, ALL_CASES, **terms)
    assert one.as_of == two.as_of
    assert one.as_of.isoformat() == two.as_of.isoformat()  # the same offset, too
    assert _report(one) == _report(two)


@pytest.mark.parametrize("parts", [2, 3, 50])
def test_the_audits_of_the_parts_of_a_log_join_into_the_audit_of_the_whole(parts: int) -> None:
    lines = [*LOG_LINES, "", "{not json", *LOG_LINES[:40]]
    terms: dict[str, Any] = {"version": None, "compare": BILL, "limit": 20}
    whole = audit_log(_entries(lines), MA, cases=ALL_CASES, **terms)
    joined = LogAudit(MA, cases=ALL_CASES, **terms)
    size = -(-len(lines) // parts)
    for start in range(0, len(lines), size):
        part = LogAudit(MA, cases=ALL_CASES, **terms)
        part.read(_entries(lines[start : start + size]))  # numbered from 1 in the part
        joined.join(part.part())
    assert _report(joined.result()) == _report(whole)


def test_an_obligation_pending_until_a_later_event_is_violated_as_of_the_end() -> None:
    entries = _entries(LOG_LINES)
    one = audit_log(entries, MA, cases=ALL_CASES, version=BILL)
    not_done = [v for v in one.audit.violations if "not done" in v.missing]
    assert not_done
    assert all(v.due is not None and v.due < one.as_of for v in not_done)
    # some were still pending at their own line: their own record's events came before
    # the due time, and only a later line's showed it had passed
    records = dict(_entries(LOG_LINES))
    waited = [
        v
        for v in not_done
        if v.line is not None
        and isinstance(record := records[v.line], SearchRecord)
        and v.due is not None
        and (latest_event(record) or v.due) <= v.due
    ]
    assert waited


def test_an_audit_with_no_event_is_checked_as_of_the_epoch() -> None:
    result = audit_log([(1, None)], MA)
    assert result.as_of == NO_EVENT
    assert result.latest is None
    assert result.audit.totals_add_up


NEW_YORK = ZoneInfo("America/New_York")


@given(
    st.datetimes(
        min_value=datetime(1900, 1, 2),  # noqa: DTZ001 - made aware below
        max_value=datetime(2200, 12, 30),  # noqa: DTZ001 - made aware below
        timezones=st.sampled_from([UTC, NEW_YORK, timezone(timedelta(hours=14))]),
    ),
    st.sampled_from([NEW_YORK, UTC, timezone(timedelta(hours=-12))]),
)
def test_a_month_is_counted_in_the_jurisdiction_s_time_zone(moment: datetime, zone: tzinfo) -> None:
    assert _month(moment, zone) == f"{moment.astimezone(zone):%Y-%m}"


_OPTED_IN = {"eu-opt-in-victims": "national-law", "eu-opt-in-threats": "national-law"}
"""The EU with a national law for two of its exceptions: its urgency and refusal duties."""
_PLACES = {
    **{code: frpolicy.jurisdiction(code) for code in ("US-MA", "US-MD", "US-WA", "US-MI-DET")},
    "EU": frpolicy.jurisdiction("EU"),
    "EU opted in": frpolicy.jurisdiction("EU").with_readings(_OPTED_IN),
}
_VERSIONS = [
    (key, version.instrument.id) for key, place in _PLACES.items() for version in place.versions
]


@pytest.mark.parametrize(("key", "name"), _VERSIONS)
@given(data=st.data())
def test_the_audit_checks_every_obligation_as_obligation_check_does(
    key: str, name: str, data: st.DataObject
) -> None:
    # the audit reads events by kind and the due time its decision holds; the reference
    # builds every Event of the timelines and computes the due time from them
    place = _PLACES[key]
    version = place.version(name)
    request = data.draw(search_requests(place, version))
    paperwork = st.none() | timestamps()
    record = SearchRecord(
        request=request,
        candidates_returned=1,
        human_review=data.draw(st.booleans()),
        documented_at=data.draw(paperwork),
        reported_at=data.draw(paperwork),
        stopped_at=data.draw(paperwork),
        deleted_at=data.draw(paperwork),
        notified_at=data.draw(paperwork),
    )
    drawn = data.draw(case_records())
    case = attrs.evolve(
        drawn,
        search_id=request.id,
        notices=tuple(attrs.evolve(n, search_id=request.id) for n in drawn.notices),
    )
    at = data.draw(timestamps())
    own = _own_events(record)
    for obligation in version.evaluate(request).obligations:
        for in_case, events in (
            (_NO_EVENTS, timeline(record)),
            (_case_events(case), timeline(record) + case_timeline(case)),
        ):
            check = obligation.check(events, at)
            expected = (check.status, check.due, check.fulfilled_at, check.early)
            assert _checked(obligation, own, in_case, at) == expected


@pytest.mark.parametrize("parts", [1, 3])
def test_repeated_ids_are_found_alike_when_the_ids_seen_overflow_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: int
) -> None:
    lines = [*LOG_LINES, "", *LOG_LINES[:40], *LOG_LINES[100:110]]
    terms: dict[str, Any] = {"version": None, "compare": BILL, "limit": None}
    in_memory = _report(audit_log(_entries(lines), MA, cases=ALL_CASES, **terms))
    assert in_memory.totals.duplicate_request_ids == 50
    monkeypatch.setattr(compliance, "_IDS_KEPT", 7)  # most ids go to the file
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    joined = LogAudit(MA, cases=ALL_CASES, **terms)
    size = -(-len(lines) // parts)
    for start in range(0, len(lines), size):
        part = LogAudit(MA, cases=ALL_CASES, **terms)
        part.read(_entries(lines[start : start + size]))
        # as the audit of a part comes back from another process
        joined.join(pickle.loads(pickle.dumps(part.part())))  # noqa: S301 - made just above
    assert list(tmp_path.glob("frpolicy-ids-*"))  # the ids went to disk
    assert _report(joined.result()) == in_memory
    assert not list(tmp_path.glob("frpolicy-ids-*"))  # and the files are gone


def test_a_record_classing_its_offense_otherwise_than_the_law_is_judged_by_the_laws_class() -> None:
    text = (EXAMPLES / "ma_search_log.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    chosen = next(
        r
        for r in records
        if r["request"]["offense"] is not None
        and r["request"]["offense"]["penalty"]["confinement"] == "state_prison"
    )
    misclassed = json.loads(json.dumps(chosen))
    misclassed["request"]["offense"]["classification"] = "misdemeanor"
    entries = [(1, frpolicy.from_json(json.dumps(chosen), SearchRecord))]
    judged_as_sent = [(1, frpolicy.from_json(json.dumps(misclassed), SearchRecord))]
    plain = audit_log(entries, MA, version=MA.version("H.1728"))
    noted = audit_log(judged_as_sent, MA, version=MA.version("H.1728"))
    assert noted.audit.records == 1  # judged, not refused
    assert noted.audit.by_outcome == plain.audit.by_outcome
    assert noted.audit.reclassified_count == 1
    (note,) = noted.audit.reclassified
    assert note.line == 1
    assert note.errors[0].startswith("$.request.offense.classification: 'misdemeanor'")
    assert note.errors[0].endswith("judged as that law classes it")
