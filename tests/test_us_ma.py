"""Massachusetts, provision by provision: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import attrs
import pytest

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    Analysis,
    CourtKind,
    CourtOrder,
    Decision,
    Disclosure,
    Emergency,
    Event,
    EventKind,
    Harm,
    ImageSource,
    MediaKind,
    ObligationStatus,
    Outcome,
    ProbeImage,
    Purpose,
    SearchRequest,
    SwornStatement,
    Technology,
    Version,
    Warrant,
)
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES, classify

MA = frpolicy.jurisdiction("US-MA")
CURRENT = MA.version("St. 2020, c.253")
BILL = MA.version("H.1728")
REDRAFT = MA.version("H.4359")
BILLS = pytest.mark.parametrize("bill", [BILL, REDRAFT], ids=["H.1728", "H.4359"])

SUBMITTED = datetime(2024, 3, 4, 14, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=3)

STATE_POLICE = Agency(
    id="msp", name="Massachusetts State Police", kind=AgencyKind.STATE_POLICE, unit="FR unit"
)
BOSTON_POLICE = Agency(id="bpd", name="Boston Police Department", kind=AgencyKind.LOCAL_POLICE)
REGISTRY = Agency(
    id="rmv", name="Registry of Motor Vehicles", kind=AgencyKind.MOTOR_VEHICLE_REGISTRY
)
FBI = Agency(id="fbi", name="Federal Bureau of Investigation", kind=AgencyKind.FEDERAL)
HOUSING = Agency(id="dhcd", name="Housing agency", kind=AgencyKind.OTHER_PUBLIC_AGENCY)


def warrant(**changes: Any) -> Warrant:
    fields: dict[str, Any] = {
        "case_number": "2484CR000123",
        "court": CourtKind.SUPERIOR_COURT,
        "judge": "Hon. A. Justice",
        "issued_at": SUBMITTED - timedelta(days=1),
        "expires_at": SUBMITTED + timedelta(days=7),
        "offense_codes": frozenset({"265-17"}),
        "subject": "the person in the probe image",
        "authorizes_facial_recognition": True,
    }
    return Warrant(**(fields | changes))


def emergency(**changes: Any) -> Emergency:
    fields: dict[str, Any] = {
        "harm": Harm.DEATH,
        "immediate": True,
        "declared_by": "MSP-4411",
        "declared_at": SUBMITTED,
        "facts": "armed person threatening hostages",
    }
    return Emergency(**(fields | changes))


def court_order(**changes: Any) -> CourtOrder:
    fields: dict[str, Any] = {
        "docket_number": "2401MI0042",
        "court": CourtKind.DISTRICT_COURT,
        "judge": "Hon. B. Judge",
        "issued_at": SUBMITTED - timedelta(days=1),
        "authorizes_facial_recognition": True,
    }
    return CourtOrder(**(fields | changes))


def request(**changes: Any) -> SearchRequest:
    """A State Police search for Boston police, under a felony warrant: permitted under the bill."""
    fields: dict[str, Any] = {
        "id": "MSP-2024-0001",
        "requesting_agency": BOSTON_POLICE,
        "performing_agency": STATE_POLICE,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="FaceMatch", vendor="Acme", approved=True),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": BILL.offense("265-17"),
        "warrant": warrant(),
        "written_request": True,
    }
    return SearchRequest(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def cited(decision: Decision) -> set[str]:
    return {str(r.citation) for r in decision.determining}


def obligation(decision: Decision, duty: str) -> frpolicy.Obligation:
    (found,) = [o for o in decision.obligations if o.duty == duty]
    return found


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    outcome = version.decide(req)
    for invariant in version.invariants:
        if outcome in invariant.outcomes:
            assert invariant.holds(req), invariant.statement


# -- H.1728 / H.4359: the permitted purposes of §220(d) ---------------------------------------


@BILLS
def test_a_state_police_search_executing_a_felony_warrant_is_permitted_under_220d(
    bill: Version,
) -> None:
    decision = bill.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-WARRANT"}
    assert cited(decision) == {f"G.L. c.6 §220(d) ({bill.instrument.id})"}
    assert_invariants_hold(bill, request())


@BILLS
def test_a_warrant_for_a_misdemeanor_does_not_permit_a_search_under_the_bill(
    bill: Version,
) -> None:
    shoplifting = bill.offense("266-30A")
    req = request(offense=shoplifting, warrant=warrant(offense_codes=frozenset({"266-30A"})))
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    (warrant_reason,) = [r for r in decision.determining if r.rule == "MA-WARRANT"]
    assert [c.name for c in warrant_reason.conditions if not c.held] == ["offense_is_felony"]


def test_the_felony_line_follows_the_state_prison_not_the_length_of_the_term() -> None:
    assert BILL.offense("90-24-1-a-1").classification is frpolicy.Classification.MISDEMEANOR
    assert BILL.offense("265-43-a").classification is frpolicy.Classification.FELONY
    assert {o.code for o in OFFENSES if o.classification is frpolicy.Classification.FELONY} == {
        o.code for o in OFFENSES if classify(o.penalty) is frpolicy.Classification.FELONY
    }
    oui = request(
        offense=BILL.offense("90-24-1-a-1"),
        warrant=warrant(offense_codes=frozenset({"90-24-1-a-1"})),
    )
    assert BILL.decide(oui) is Outcome.NOT_PERMITTED


@BILLS
@pytest.mark.parametrize(
    "bad_warrant",
    [
        warrant(offense_codes=frozenset({"265-1"})),
        warrant(authorizes_facial_recognition=False),
        warrant(expires_at=SUBMITTED + timedelta(hours=1)),
        warrant(issued_at=PERFORMED + timedelta(hours=1), expires_at=None),
    ],
    ids=["names-another-offense", "does-not-authorize-fr", "expired", "not-yet-issued"],
)
def test_a_warrant_that_does_not_cover_this_search_does_not_permit_it(
    bill: Version, bad_warrant: Warrant
) -> None:
    assert bill.decide(request(warrant=bad_warrant)) is Outcome.NOT_PERMITTED


@BILLS
def test_a_local_police_department_running_its_own_search_is_not_permitted_under_the_bill(
    bill: Version,
) -> None:
    decision = bill.evaluate(request(performing_agency=BOSTON_POLICE))
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "MA-WARRANT" in determining(decision)
    assert "not: the search is performed by the State Police" in decision.explain()


@BILLS
def test_the_fbi_may_search_at_the_state_polices_request_but_not_at_local_polices(
    bill: Version,
) -> None:
    assert bill.decide(request(performing_agency=FBI, requesting_agency=STATE_POLICE)) is (
        Outcome.PERMITTED
    )
    assert bill.decide(request(performing_agency=FBI)) is Outcome.NOT_PERMITTED


@BILLS
def test_an_emergency_of_immediate_danger_of_death_permits_a_search_without_a_warrant(
    bill: Version,
) -> None:
    decision = bill.evaluate(request(warrant=None, emergency=emergency()))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-EMERGENCY"}
    filing = obligation(decision, "MA-EMERGENCY-FILING")
    assert filing.due == PERFORMED + timedelta(hours=48)
    assert str(filing.citation) == f"G.L. c.6 §220(d)-(e) ({bill.instrument.id})"


@BILLS
@pytest.mark.parametrize(
    "claimed",
    [emergency(harm=Harm.OTHER), emergency(immediate=False)],
    ids=["danger-to-property", "danger-not-immediate"],
)
def test_an_emergency_without_immediate_danger_of_death_or_serious_injury_permits_nothing(
    bill: Version, claimed: Emergency
) -> None:
    assert bill.decide(request(warrant=None, emergency=claimed)) is Outcome.NOT_PERMITTED


def _statement(hours: float, **changes: Any) -> SwornStatement:
    fields: dict[str, Any] = {
        "filed_at": PERFORMED + timedelta(hours=hours),
        "filed_by": "MSP-0007",
        "supervisory": True,
        "court": CourtKind.SUPERIOR_COURT,
    }
    return SwornStatement(**(fields | changes))


def _filing_status(statement: SwornStatement | None, checked_at: datetime) -> ObligationStatus:
    req = request(warrant=None, emergency=emergency(sworn_statement=statement))
    filing = obligation(BILL.evaluate(req), "MA-EMERGENCY-FILING")
    events = [Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED)]
    if statement is not None:
        events.append(
            Event(
                kind=EventKind.SWORN_STATEMENT_FILED,
                at=statement.filed_at,
                court=statement.court,
                supervisory=statement.supervisory,
            )
        )
    return filing.check(events, checked_at).status


def test_an_emergency_search_without_the_sworn_statement_within_48_hours_leaves_a_violation() -> (
    None
):
    later = PERFORMED + timedelta(days=5)
    assert _filing_status(None, later) is ObligationStatus.VIOLATED
    assert _filing_status(_statement(49), later) is ObligationStatus.VIOLATED
    assert _filing_status(None, PERFORMED + timedelta(hours=47)) is ObligationStatus.PENDING
    assert _filing_status(_statement(47), later) is ObligationStatus.MET


def test_a_sworn_statement_counts_only_from_a_supervisory_official_in_the_superior_court() -> None:
    later = PERFORMED + timedelta(days=5)
    assert _filing_status(_statement(2, supervisory=False), later) is ObligationStatus.VIOLATED
    district = _statement(2, court=CourtKind.DISTRICT_COURT)
    assert _filing_status(district, later) is ObligationStatus.VIOLATED


@BILLS
def test_identifying_a_deceased_person_needs_no_warrant_and_obliges_no_defendant_notice(
    bill: Version,
) -> None:
    decision = bill.evaluate(request(warrant=None, offense=None, purpose=Purpose.IDENTIFY_DECEASED))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-DECEASED"}
    assert "MA-NOTICE" not in {o.duty for o in decision.obligations}


@BILLS
def test_identifying_a_missing_person_has_no_exception_in_the_bill(bill: Version) -> None:
    req = request(warrant=None, offense=None, purpose=Purpose.IDENTIFY_MISSING_OR_INCAPACITATED)
    assert bill.decide(req) is Outcome.NOT_PERMITTED


@BILLS
def test_a_search_with_unapproved_technology_is_not_permitted_under_220d(bill: Version) -> None:
    decision = bill.evaluate(request(technology=Technology(name="Unvetted", approved=False)))
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: the facial-recognition technology used is approved" in decision.explain()


# -- H.1728 / H.4359: the prohibitions of §220(k) ----------------------------------------------


@BILLS
def test_inferring_emotions_is_forbidden_under_220k_even_with_a_felony_warrant(
    bill: Version,
) -> None:
    decision = bill.evaluate(request(analysis=Analysis.EMOTION_INFERENCE))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MA-NO-EMOTION"}
    assert cited(decision) == {f"G.L. c.6 §220(k) ({bill.instrument.id})"}


@BILLS
@pytest.mark.parametrize(
    "changes",
    [
        {"probe": ProbeImage(kind=MediaKind.RECORDED_VIDEO, source=ImageSource.BODY_WORN_CAMERA)},
        {"probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)},
        {"real_time": True},
    ],
    ids=["recorded-video", "live-video", "real-time"],
)
def test_analysing_moving_images_is_forbidden_under_220k(
    bill: Version, changes: dict[str, Any]
) -> None:
    decision = bill.evaluate(request(**changes))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MA-NO-VIDEO"}


@BILLS
def test_a_still_frame_taken_from_video_may_be_searched(bill: Version) -> None:
    frame = ProbeImage(kind=MediaKind.VIDEO_FRAME, source=ImageSource.SURVEILLANCE_CAMERA)
    assert bill.decide(request(probe=frame)) is Outcome.PERMITTED


@BILLS
def test_the_bans_of_220k_bind_law_enforcement_not_the_registrys_own_licensing(
    bill: Version,
) -> None:
    live = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.OTHER)
    licensing = request(
        requesting_agency=REGISTRY,
        performing_agency=REGISTRY,
        purpose=Purpose.LICENSE_ISSUANCE,
        warrant=None,
        offense=None,
        probe=live,
    )
    assert bill.decide(licensing) is Outcome.PERMITTED
    assert_invariants_hold(bill, licensing)
    for_the_police = attrs.evolve(licensing, requesting_agency=BOSTON_POLICE)
    assert bill.decide(for_the_police) is Outcome.FORBIDDEN


# -- H.1728 / H.4359: the Registry, §220(c) and H.4359 §220(d)(1) ------------------------------


@BILLS
def test_the_registry_may_verify_identity_when_issuing_licenses_under_220c(
    bill: Version,
) -> None:
    req = request(
        requesting_agency=REGISTRY,
        performing_agency=REGISTRY,
        purpose=Purpose.LICENSE_ISSUANCE,
        warrant=None,
        offense=None,
        technology=Technology(name="Issuance 360", approved=False),
    )
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert cited(decision) == {f"G.L. c.6 §220(c) ({bill.instrument.id})"}
    assert_invariants_hold(bill, req)


def test_only_the_redraft_lets_the_registry_investigate_and_the_state_police_assist_it() -> None:
    investigate = request(
        requesting_agency=REGISTRY,
        performing_agency=REGISTRY,
        purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        warrant=None,
        offense=None,
    )
    assist = attrs.evolve(investigate, performing_agency=STATE_POLICE)
    assert BILL.decide(investigate) is Outcome.NOT_PERMITTED
    assert BILL.decide(assist) is Outcome.NOT_PERMITTED
    assert REDRAFT.decide(investigate) is Outcome.PERMITTED
    decision = REDRAFT.evaluate(assist)
    assert decision.outcome is Outcome.PERMITTED
    assert cited(decision) == {"G.L. c.6 §220(d)(1) (H.4359)"}
    assert_invariants_hold(REDRAFT, assist)


def test_the_redraft_narrows_outside_search_documentation_to_requests_to_the_fbi() -> None:
    via_fbi = request(performing_agency=FBI, requesting_agency=STATE_POLICE)
    assert {o.duty for o in BILL.evaluate(via_fbi).obligations} >= {"MA-LOG"}
    redraft = {o.duty for o in REDRAFT.evaluate(via_fbi).obligations}
    assert "MA-LOG-FBI" in redraft
    assert "MA-LOG" not in redraft
    assert "MA-LOG" in {o.duty for o in REDRAFT.evaluate(request()).obligations}


# -- H.1728: notice, records and reports, §220(f)-(h) ------------------------------------------

_ALL_RECORDS = frozenset(Disclosure) - {Disclosure.SYSTEM}


def _notice_status(disclosures: frozenset[Disclosure], served: datetime) -> ObligationStatus:
    notice = obligation(BILL.evaluate(request()), "MA-NOTICE")
    pretrial = datetime(2024, 6, 3, 9, 0, tzinfo=UTC)
    events = [
        Event(kind=EventKind.PRETRIAL_CONFERENCE, at=pretrial),
        Event(kind=EventKind.NOTICE_SERVED, at=served, disclosures=disclosures),
    ]
    return notice.check(events, datetime(2024, 7, 1, tzinfo=UTC)).status


def test_a_defendant_must_get_notice_and_all_search_records_by_the_pretrial_conference() -> None:
    before = datetime(2024, 5, 20, tzinfo=UTC)
    assert _notice_status(_ALL_RECORDS, before) is ObligationStatus.MET
    assert _notice_status(_ALL_RECORDS, datetime(2024, 6, 10, tzinfo=UTC)) is (
        ObligationStatus.VIOLATED
    )
    without_algorithm = _ALL_RECORDS - {Disclosure.ALGORITHM}
    assert _notice_status(without_algorithm, before) is ObligationStatus.VIOLATED


def test_the_notice_is_due_at_an_event_not_yet_known_when_the_search_is_decided() -> None:
    notice = obligation(BILL.evaluate(request()), "MA-NOTICE")
    assert notice.due is None
    assert notice.deadline is not None
    assert notice.deadline.describe() == "by the pretrial conference"


def test_a_search_must_be_in_a_quarterly_report_to_eopss_by_the_end_of_the_next_quarter() -> None:
    report = obligation(BILL.evaluate(request()), "MA-REPORT")
    assert report.due is not None
    assert report.due.date() == date(2024, 6, 30)
    assert report.due.utcoffset() == timedelta(hours=-4)


def test_keeping_the_search_as_a_public_record_has_no_deadline_so_is_never_late() -> None:
    log = obligation(BILL.evaluate(request()), "MA-LOG")
    assert log.deadline is None
    years_later = PERFORMED + timedelta(days=1000)
    assert log.check([], years_later).status is ObligationStatus.PENDING


@BILLS
def test_a_request_from_a_public_agency_outside_law_enforcement_is_outside_the_bills_scope(
    bill: Version,
) -> None:
    decision = bill.evaluate(request(requesting_agency=HOUSING, performing_agency=HOUSING))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.reasons == ()
    assert decision.scope


# -- current law: G.L. c.6 §220 as inserted by St. 2020, c.253 -------------------------------


def test_the_same_warrantless_court_ordered_request_is_permitted_now_and_not_under_the_bill() -> (
    None
):
    req = request(warrant=None, court_order=court_order())
    current = CURRENT.evaluate(req)
    assert current.outcome is Outcome.PERMITTED
    assert determining(current) == {"MA-LAW-COURT-ORDER"}
    assert cited(current) == {"G.L. c.6 §220 (St. 2020, c.253)"}
    assert BILL.decide(req) is Outcome.NOT_PERMITTED
    assert REDRAFT.decide(req) is Outcome.NOT_PERMITTED


def test_a_warrant_authorizing_the_search_meets_the_court_order_requirement_of_current_law() -> (
    None
):
    decision = CURRENT.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-LAW-COURT-ORDER"}
    assert CURRENT.decide(request(warrant=warrant(authorizes_facial_recognition=False))) is (
        Outcome.NOT_PERMITTED
    )


def test_a_local_police_department_running_its_own_search_is_not_permitted_under_current_law() -> (
    None
):
    req = request(performing_agency=BOSTON_POLICE, warrant=None, court_order=court_order())
    assert CURRENT.decide(req) is Outcome.NOT_PERMITTED


def test_a_search_without_a_written_request_is_not_permitted_under_current_law() -> None:
    req = request(warrant=None, court_order=court_order(), written_request=False)
    decision = CURRENT.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: the search was asked for in a written request" in decision.explain()


def test_the_registry_may_search_on_a_written_court_ordered_request_under_current_law() -> None:
    req = request(performing_agency=REGISTRY, warrant=None, court_order=court_order())
    assert CURRENT.decide(req) is Outcome.PERMITTED


def test_an_emergency_request_is_permitted_under_current_law_with_no_court_filing_after() -> None:
    decision = CURRENT.evaluate(request(warrant=None, emergency=emergency(harm=Harm.OTHER)))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-LAW-EMERGENCY"}
    assert {o.duty for o in decision.obligations} == {"MA-LAW-LOG", "MA-LAW-REPORT"}


def test_the_state_polices_own_identification_document_work_needs_no_written_request() -> None:
    req = request(
        requesting_agency=STATE_POLICE,
        purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        warrant=None,
        written_request=False,
    )
    decision = CURRENT.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-LAW-MSP-IDDOCS"}
    (reason,) = decision.determining
    assert reason.source.confidence is frpolicy.Confidence.LOW
    assert_invariants_hold(CURRENT, req)


def test_current_law_has_no_ban_on_video_which_the_bill_adds() -> None:
    video = ProbeImage(kind=MediaKind.RECORDED_VIDEO, source=ImageSource.BODY_WORN_CAMERA)
    req = request(warrant=None, court_order=court_order(), probe=video)
    assert CURRENT.decide(req) is Outcome.PERMITTED
    assert BILL.decide(req) is Outcome.FORBIDDEN


# -- versions and dates ------------------------------------------------------------------------


def test_a_search_is_judged_by_the_law_in_force_on_its_day_never_by_a_bill() -> None:
    decision = MA.evaluate(request(warrant=None, court_order=court_order()))
    assert decision.instrument == "St. 2020, c.253"
    assert decision.jurisdiction == "US-MA"
    assert MA.in_force(date(2026, 1, 1)) is CURRENT
    with pytest.raises(LookupError, match="no encoded law is in force on 2020-05-01"):
        MA.in_force(date(2020, 5, 1))


def test_the_senate_companion_s927_names_the_same_version_as_h1728() -> None:
    assert MA.version("S.927") is BILL


def test_every_provision_of_every_version_cites_section_220_and_states_its_source() -> None:
    for version in MA.versions:
        for rule in version.policy.rules:
            assert rule.citation.section == "G.L. c.6 §220"
            assert rule.citation.instrument == version.instrument.id
            assert rule.source.reference
        for duty in version.policy.duties:
            assert duty.citation.instrument == version.instrument.id
