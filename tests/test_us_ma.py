"""Massachusetts, provision by provision: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
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
from frpolicy.cli import main
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES, classify

MA = frpolicy.jurisdiction("US-MA")
CURRENT = MA.version("St. 2020, c.253")
BILL = MA.version("H.1728")
REDRAFT = MA.version("H.4359")
BILLS = pytest.mark.parametrize("bill", [BILL, REDRAFT], ids=["H.1728", "H.4359"])
EVERY_VERSION = pytest.mark.parametrize(
    "version", [CURRENT, BILL, REDRAFT], ids=["St. 2020, c.253", "H.1728", "H.4359"]
)

SUBMITTED = datetime(2024, 3, 4, 14, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=3)

STATE_POLICE = Agency(
    id="msp", name="Massachusetts State Police", kind=AgencyKind.STATE_POLICE, unit="FR unit"
)
BOSTON_POLICE = Agency(id="bpd", name="Boston Police Department", kind=AgencyKind.LOCAL_POLICE)
REGISTRY = Agency(
    id="rmv", name="Registry of Motor Vehicles", kind=AgencyKind.MOTOR_VEHICLE_REGISTRY
)
FBI = Agency(id="fbi", name="Federal Bureau of Investigation", kind=AgencyKind.FBI)
HSI = Agency(id="hsi", name="Homeland Security Investigations", kind=AgencyKind.FEDERAL)
CHILD_WELFARE = Agency(
    id="dcf", name="Department of Children and Families", kind=AgencyKind.OTHER_PUBLIC_AGENCY
)
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


HOMES = ("US-MA", "US-NH", "US", None)
"""Every place an agency may be from: the Commonwealth, another state, federal, unstated."""
HOME_IDS = ["own", "another-state", "federal", "no-home"]


def _of(kind: AgencyKind, home: str | None) -> Agency:
    return Agency(id=f"{kind.value}-{home}", name=f"A {kind.label}", kind=kind, home=home)


def _ours(home: str | None) -> bool:
    return home in {"US-MA", None}


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def cited(decision: Decision) -> set[str]:
    return {str(r.citation) for r in decision.determining}


def obligation(decision: Decision, duty: str) -> frpolicy.Obligation:
    (found,) = [o for o in decision.obligations if o.duty == duty]
    return found


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


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


def _murder(penalty: frpolicy.Penalty, **changes: Any) -> frpolicy.Offense:
    return attrs.evolve(BILL.offense("265-1"), penalty=penalty, **changes)


@EVERY_VERSION
def test_a_murder_warrant_sent_without_a_place_of_confinement_is_a_felony_warrant(
    version: Version,
) -> None:
    # life is served in the state prison: G.L. c.274 §1 needs no place to be stated
    murder = _murder(frpolicy.Penalty(life=True))
    req = request(offense=murder, warrant=warrant(offense_codes=frozenset({"265-1"})))
    assert version.problems(req) == ()
    assert version.evaluate(req, strict=True).outcome is Outcome.PERMITTED
    unclassified = attrs.evolve(req, offense=attrs.evolve(murder, classification=None))
    assert version.evaluate(unclassified, strict=True).outcome is Outcome.PERMITTED


def test_the_command_line_judges_a_murder_warrant_sent_without_a_place_of_confinement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    murder = _murder(frpolicy.Penalty(life=True))
    req = request(offense=murder, warrant=warrant(offense_codes=frozenset({"265-1"})))
    path = tmp_path / "murder.json"
    path.write_text(frpolicy.to_json(req), encoding="utf-8")
    for version in ("H.1728", "H.4359"):
        argv = ["evaluate", str(path), "--jurisdiction", "US-MA", "--version", version]
        assert main(argv) == 0
        assert capsys.readouterr().out.startswith("PERMITTED: ")


@BILLS
@pytest.mark.parametrize(
    ("penalty", "felony"),
    [
        (frpolicy.Penalty(max_term_months=31), True),
        (frpolicy.Penalty(max_term_months=120), True),
        (frpolicy.Penalty(life=True), True),
        (frpolicy.Penalty(max_term_months=30), False),
        (frpolicy.Penalty(confinement=frpolicy.Confinement.STATE_PRISON, max_term_months=12), True),
        (
            frpolicy.Penalty(
                confinement=frpolicy.Confinement.HOUSE_OF_CORRECTION, max_term_months=30
            ),
            False,
        ),
    ],
    ids=["31-months", "10-years", "life", "30-months", "state-prison-1-year", "hoc-30-months"],
)
def test_more_than_thirty_months_can_only_be_served_in_the_state_prison_so_is_a_felony(
    bill: Version, penalty: frpolicy.Penalty, *, felony: bool
) -> None:
    offense = _murder(penalty, classification=None)
    req = request(offense=offense, warrant=warrant(offense_codes=frozenset({"265-1"})))
    expected = frpolicy.Classification.FELONY if felony else frpolicy.Classification.MISDEMEANOR
    assert classify(penalty) is expected
    assert c.OFFENSE_IS_FELONY(req) is felony
    assert bill.decide(req) is (Outcome.PERMITTED if felony else Outcome.NOT_PERMITTED)


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
def test_a_local_police_departments_own_vendor_search_is_forbidden_by_the_ban_of_220b(
    bill: Version,
) -> None:
    # a felony warrant in hand changes nothing: no facts make this route lawful
    decision = bill.evaluate(request(performing_agency=BOSTON_POLICE))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MA-BAN"}
    assert cited(decision) == {f"G.L. c.6 §220(b) ({bill.instrument.id})"}
    assert_invariants_hold(bill, request(performing_agency=BOSTON_POLICE))
    # the State Police's own search lacking its grounds is not permitted, not forbidden
    assert bill.decide(request(warrant=None)) is Outcome.NOT_PERMITTED


@BILLS
@pytest.mark.parametrize(
    ("requester", "searcher"),
    [
        (BOSTON_POLICE, FBI),
        (BOSTON_POLICE, HSI),
        (BOSTON_POLICE, REGISTRY),
        (BOSTON_POLICE, HOUSING),
        (STATE_POLICE, HSI),
        (HOUSING, BOSTON_POLICE),
    ],
    ids=[
        "local-asks-the-fbi",
        "local-asks-hsi",
        "local-asks-the-registry",
        "local-asks-a-public-agency",
        "state-police-ask-hsi",
        "a-public-agency-asks-local-police",
    ],
)
def test_asking_anyone_but_the_state_police_to_search_is_forbidden_by_220b(
    bill: Version, requester: Agency, searcher: Agency
) -> None:
    req = request(requesting_agency=requester, performing_agency=searcher)
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert "MA-BAN" in determining(decision)
    assert_invariants_hold(bill, req)


@BILLS
def test_the_fbi_may_search_at_the_state_polices_request_but_not_at_local_polices(
    bill: Version,
) -> None:
    assert bill.decide(request(performing_agency=FBI, requesting_agency=STATE_POLICE)) is (
        Outcome.PERMITTED
    )
    assert bill.decide(request(performing_agency=FBI)) is Outcome.FORBIDDEN


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
def test_an_abduction_in_progress_is_an_immediate_danger_of_serious_physical_injury(
    bill: Version,
) -> None:
    # an abduction is classed by the gravest harm it threatens (Harm's guidance)
    abduction = emergency(harm=Harm.SERIOUS_PHYSICAL_INJURY, facts="a child taken into a van")
    decision = bill.evaluate(request(warrant=None, emergency=abduction))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-EMERGENCY"}
    # a child kept from a parent with no sign of violence is a lesser harm: no emergency here
    custody = emergency(harm=Harm.OTHER_HARM_TO_A_PERSON, facts="kept past a custody visit")
    assert bill.decide(request(warrant=None, emergency=custody)) is Outcome.NOT_PERMITTED


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
@pytest.mark.parametrize(
    "changes",
    [
        {"technology": Technology(name="Unvetted", approved=False)},
        {"emergency": emergency(harm=Harm.OTHER)},
        {"emergency": emergency(immediate=False)},
    ],
    ids=["unapproved-technology", "danger-to-property-only", "danger-not-immediate"],
)
def test_an_unlawful_emergency_search_still_owes_the_sworn_statement_and_its_record(
    bill: Version, changes: dict[str, Any]
) -> None:
    # §220(e): the court sees the grounds of every emergency search, above all of one that
    # did not meet the standard; the search was run, so the filing is owed
    req = request(**({"warrant": None, "emergency": emergency()} | changes))
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    filing = obligation(decision, "MA-EMERGENCY-FILING")
    assert filing.due == PERFORMED + timedelta(hours=48)
    assert obligation(decision, "MA-EMERGENCY-RECORD").due == PERFORMED + timedelta(hours=24)
    assert_invariants_hold(bill, req)


@BILLS
def test_a_search_on_a_felony_warrant_owes_no_emergency_filing_though_an_emergency_is_claimed(
    bill: Version,
) -> None:
    decision = bill.evaluate(request(emergency=emergency()))
    assert decision.outcome is Outcome.PERMITTED
    duties = {o.duty for o in decision.obligations}
    assert not duties & {"MA-EMERGENCY-FILING", "MA-EMERGENCY-RECORD"}


def _record_status(documented_hours: float, reading: str | None = None) -> ObligationStatus:
    bill = BILL if reading is None else BILL.with_readings({"emergency-record-due": reading})
    record = obligation(
        bill.evaluate(request(warrant=None, emergency=emergency())), "MA-EMERGENCY-RECORD"
    )
    events = [
        Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED),
        Event(kind=EventKind.SEARCH_DOCUMENTED, at=PERFORMED + timedelta(hours=documented_hours)),
    ]
    return record.check(events, PERFORMED + timedelta(days=5)).status


def test_an_emergency_search_is_immediately_documented_read_as_within_24_hours() -> None:
    assert _record_status(23) is ObligationStatus.MET
    assert _record_status(25) is ObligationStatus.VIOLATED
    # the search ran at noon in Boston: its day ends twelve hours on
    assert _record_status(11.5, "end-of-day") is ObligationStatus.MET
    assert _record_status(12.5, "end-of-day") is ObligationStatus.VIOLATED
    assert _record_status(47, "with-the-sworn-statement") is ObligationStatus.MET
    decision = BILL.evaluate(request(warrant=None, emergency=emergency()))
    assert "emergency-record-due" in {r.id for r in decision.readings}


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


def _licensing(**changes: Any) -> SearchRequest:
    fields: dict[str, Any] = {
        "requesting_agency": REGISTRY,
        "performing_agency": REGISTRY,
        "purpose": Purpose.LICENSE_ISSUANCE,
        "warrant": None,
        "offense": None,
        "technology": Technology(name="Issuance 360", approved=False),
    }
    return request(**(fields | changes))


@BILLS
@pytest.mark.parametrize(
    "changes",
    [
        {"analysis": Analysis.EMOTION_INFERENCE},
        {"probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.OTHER)},
    ],
    ids=["emotion-inference", "live-video"],
)
def test_the_registry_may_not_infer_emotions_or_analyse_video_when_it_issues_a_license(
    bill: Version, changes: dict[str, Any]
) -> None:
    licensing = _licensing(**changes)
    # read as the whole of the Registrar's authority, (c) does not reach it: not permitted
    decision = bill.evaluate(licensing)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "registrar-status" in {r.id for r in decision.readings}
    assert_invariants_hold(bill, licensing)
    # read as binding the Registrar as law enforcement, (k) forbids it
    bound = bill.with_readings({"registrar-status": "law-enforcement"})
    assert bound.decide(licensing) is Outcome.FORBIDDEN
    assert_invariants_hold(bound, licensing)
    # the police asking the Registry for it are bound by (k) under either reading
    for_the_police = attrs.evolve(licensing, requesting_agency=BOSTON_POLICE)
    assert bill.decide(for_the_police) is Outcome.FORBIDDEN


# -- H.1728 / H.4359: the Registry, §220(c) and H.4359 §220(d)(1) ------------------------------


@BILLS
def test_the_registry_may_verify_identity_when_issuing_licenses_under_220c(
    bill: Version,
) -> None:
    req = _licensing(analysis=Analysis.VERIFICATION)
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


def test_the_notice_follows_rule_14_as_split_on_2025_03_01_the_pretrial_conference_still() -> None:
    notice = obligation(BILL.evaluate(request()), "MA-NOTICE")
    duty = next(d for d in BILL.policy.duties if d.id == "MA-NOTICE")
    assert "Rules 14.1-14.4" in duty.paraphrase
    assert "Rule 14(b)" in notice.source.reference
    assert notice.deadline is not None
    assert notice.deadline.anchor is EventKind.PRETRIAL_CONFERENCE


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


REVENUE = Agency(
    id="dor", name="Department of Revenue", kind=AgencyKind.OTHER_PUBLIC_AGENCY, home="US-MA"
)


@BILLS
@pytest.mark.parametrize(
    "searcher",
    [REVENUE, FBI, HSI, _of(AgencyKind.LOCAL_POLICE, "US-NH")],
    ids=["itself", "the-fbi", "hsi", "another-states-police"],
)
def test_a_public_agency_outside_law_enforcement_keeps_each_request_public_and_reports_it(
    bill: Version, searcher: Agency
) -> None:
    # §220(i)-(j): the Department of Revenue is under no ban, but owes a public record and
    # a quarterly report to EOPSS for each search it asks for, whoever runs it
    req = request(requesting_agency=REVENUE, performing_agency=searcher, warrant=None)
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-NONLE"}
    duties = {o.duty for o in decision.obligations}
    assert {"MA-NONLE-LOG", "MA-NONLE-REPORT"} <= duties
    log = obligation(decision, "MA-NONLE-LOG")
    assert str(log.citation) == f"G.L. c.6 §220(i) ({bill.instrument.id})"
    assert log.arises_on is EventKind.REQUEST_SUBMITTED
    report = obligation(decision, "MA-NONLE-REPORT")
    assert report.due is not None
    assert report.due.date() == date(2024, 6, 30)
    assert_invariants_hold(bill, req)


@BILLS
def test_a_public_agencys_request_the_state_police_refuse_still_owes_its_record_and_report(
    bill: Version,
) -> None:
    # governed by (d) as any request to the State Police, and by (i)-(j) as the agency's
    req = request(requesting_agency=REVENUE, warrant=None)
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert {"MA-NONLE-LOG", "MA-NONLE-REPORT", "MA-LOG", "MA-REPORT"} <= {
        o.duty for o in decision.obligations
    }
    assert_invariants_hold(bill, req)


@BILLS
def test_another_states_public_agency_asking_the_fbi_is_outside_220(bill: Version) -> None:
    req = request(
        requesting_agency=_of(AgencyKind.OTHER_PUBLIC_AGENCY, "US-NH"), performing_agency=FBI
    )
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.obligations == ()


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


def test_an_emergency_of_harm_to_a_person_that_cannot_wait_permits_a_search_under_current_law() -> (
    None
):
    harm = emergency(harm=Harm.OTHER_HARM_TO_A_PERSON, immediate=True)
    decision = CURRENT.evaluate(request(warrant=None, emergency=harm))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-LAW-EMERGENCY"}
    # no after-the-fact court filing: the statute has none
    assert {o.duty for o in decision.obligations} == {"MA-LAW-LOG", "MA-LAW-REPORT"}
    assert_invariants_hold(CURRENT, request(warrant=None, emergency=harm))


@pytest.mark.parametrize(
    ("standard", "harm", "immediate", "permitted"),
    [
        ("harm-requiring-haste", Harm.OTHER_HARM_TO_A_PERSON, False, False),
        ("harm-to-a-person", Harm.OTHER_HARM_TO_A_PERSON, False, True),
        ("immediate-danger", Harm.OTHER_HARM_TO_A_PERSON, True, False),
        ("immediate-danger", Harm.SERIOUS_PHYSICAL_INJURY, True, True),
    ],
    ids=["haste-asked", "no-haste-asked", "lesser-harm", "serious-injury"],
)
def test_current_laws_emergency_standard_is_a_named_reading_each_choice_encoded(
    standard: str, harm: Harm, *, immediate: bool, permitted: bool
) -> None:
    law = CURRENT.with_readings({"emergency-standard": standard})
    req = request(warrant=None, emergency=emergency(harm=harm, immediate=immediate))
    decision = law.evaluate(req)
    assert (decision.outcome is Outcome.PERMITTED) is permitted
    assert_invariants_hold(law, req)
    # an emergency that is not pressing is where the readings part: its memo names it
    if not immediate:
        assert "emergency-standard" in {r.id for r in decision.readings}


def test_identifying_a_deceased_person_needs_a_court_order_under_current_law_as_read_here() -> None:
    written = request(warrant=None, offense=None, purpose=Purpose.IDENTIFY_DECEASED)
    decision = CURRENT.evaluate(written)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "deceased-identification" in {r.id for r in decision.readings}
    # read as a basis of its own (EOPSS counted one request of 45 as neither), permitted
    own = CURRENT.with_readings({"deceased-identification": "own-basis"})
    permitted = own.evaluate(written)
    assert permitted.outcome is Outcome.PERMITTED
    assert determining(permitted) == {"MA-LAW-DECEASED"}
    assert own.decide(attrs.evolve(written, written_request=False)) is Outcome.NOT_PERMITTED
    assert_invariants_hold(own, written)
    assert CURRENT.decide(attrs.evolve(written, court_order=court_order())) is Outcome.PERMITTED


def test_an_emergency_threatening_only_property_permits_no_search_under_current_law() -> None:
    decision = CURRENT.evaluate(request(warrant=None, emergency=emergency(harm=Harm.OTHER)))
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "the emergency threatens harm to a person" in decision.explain()
    standard = CURRENT.policy.reading("emergency-standard")
    assert standard.source.verification is frpolicy.Verification.UNVERIFIED
    assert standard.source.confidence is frpolicy.Confidence.LOW


def _id_document_work(**changes: Any) -> SearchRequest:
    fields: dict[str, Any] = {
        "requesting_agency": STATE_POLICE,
        "purpose": Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        "warrant": None,
        "written_request": False,
    }
    return request(**(fields | changes))


def test_the_state_polices_own_identification_document_work_needs_no_written_request() -> None:
    req = _id_document_work(court_order=court_order())
    decision = CURRENT.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MA-LAW-MSP-IDDOCS"}
    (reason,) = decision.determining
    assert reason.source.confidence is frpolicy.Confidence.LOW
    # on a court order, either reading of the exemption permits it: the memo names neither
    assert "identification-documents" not in {r.id for r in decision.readings}
    assert_invariants_hold(CURRENT, req)


def test_the_identification_document_exemption_lifts_the_written_request_not_the_court_order() -> (
    None
):
    bare = _id_document_work()
    decision = CURRENT.evaluate(bare)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "identification-documents=written-request" in decision.explain()
    # read as lifting the basis too, the same work needs nothing more
    broad = CURRENT.with_readings({"identification-documents": "written-request-and-basis"})
    assert broad.decide(bare) is Outcome.PERMITTED
    assert_invariants_hold(broad, bare)
    assert "not the adopted reading" in broad.evaluate(bare).explain()


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


# -- who the law binds: the performing agency as well as the requesting one ---------------------


@BILLS
def test_a_state_police_search_for_the_fbi_without_a_warrant_is_not_permitted_under_the_bill(
    bill: Version,
) -> None:
    for_the_fbi = request(requesting_agency=FBI, warrant=None, court_order=court_order())
    decision = bill.evaluate(for_the_fbi)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "MA-WARRANT" in determining(decision)
    assert_invariants_hold(bill, for_the_fbi)
    # on a felony warrant the State Police may search for the FBI as for anyone
    assert bill.decide(request(requesting_agency=FBI)) is Outcome.PERMITTED


@BILLS
def test_a_state_police_search_at_the_fbis_request_on_recorded_video_is_forbidden_under_220k(
    bill: Version,
) -> None:
    video = ProbeImage(kind=MediaKind.RECORDED_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
    decision = bill.evaluate(request(requesting_agency=FBI, probe=video))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MA-NO-VIDEO"}


def test_a_state_police_search_at_the_fbis_request_is_governed_by_current_law() -> None:
    written = request(requesting_agency=FBI, warrant=None, court_order=court_order())
    assert CURRENT.decide(written) is Outcome.PERMITTED
    unwritten = attrs.evolve(written, written_request=False)
    assert CURRENT.decide(unwritten) is Outcome.NOT_PERMITTED


@EVERY_VERSION
def test_a_state_police_search_asked_for_by_a_child_welfare_agency_is_governed(
    version: Version,
) -> None:
    asked = request(requesting_agency=CHILD_WELFARE, warrant=None, court_order=court_order())
    decision = version.evaluate(asked)
    assert decision.outcome is not Outcome.NOT_APPLICABLE
    expected = Outcome.PERMITTED if version is CURRENT else Outcome.NOT_PERMITTED
    assert decision.outcome is expected
    assert_invariants_hold(version, asked)


@EVERY_VERSION
def test_a_search_the_fbi_performs_for_itself_is_outside_massachusetts_law(
    version: Version,
) -> None:
    own = request(requesting_agency=FBI, performing_agency=FBI)
    decision = version.evaluate(own)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.obligations == ()


@EVERY_VERSION
def test_every_search_the_state_police_perform_is_governed_whoever_asked(version: Version) -> None:
    for requester in (STATE_POLICE, BOSTON_POLICE, FBI, HSI, REGISTRY, CHILD_WELFARE, HOUSING):
        assert version.decide(request(requesting_agency=requester)) is not (
            Outcome.NOT_APPLICABLE
        ), requester.name


# -- where agencies belong: §220 names the Commonwealth's own -----------------------------------


@EVERY_VERSION
@pytest.mark.parametrize("home", HOMES, ids=HOME_IDS)
@pytest.mark.parametrize("kind", list(AgencyKind), ids=[k.value for k in AgencyKind])
def test_only_the_commonwealths_own_named_searcher_may_search_for_a_boston_department(
    version: Version, kind: AgencyKind, home: str | None
) -> None:
    # §220(d) names the department of state police (and St. 2020's, the registry too): the
    # Commonwealth's, not New Hampshire's; the FBI is the FBI wherever it is filed
    searcher = _of(kind, home)
    req = request(performing_agency=searcher, court_order=court_order())
    named = {AgencyKind.STATE_POLICE}
    if version is CURRENT:
        named.add(AgencyKind.MOTOR_VEHICLE_REGISTRY)
    permitted = (kind in named and _ours(home)) or (version is CURRENT and kind is AgencyKind.FBI)
    assert (version.decide(req) is Outcome.PERMITTED) is permitted
    # a Boston department asks: the request is governed, whoever searches
    assert version.decide(req) is not Outcome.NOT_APPLICABLE
    assert_invariants_hold(version, req)


@EVERY_VERSION
@pytest.mark.parametrize("home", HOMES, ids=HOME_IDS)
@pytest.mark.parametrize("kind", list(AgencyKind), ids=[k.value for k in AgencyKind])
def test_the_state_police_may_search_for_an_agency_of_any_kind_from_any_place(
    version: Version, kind: AgencyKind, home: str | None
) -> None:
    # most of a state's out-of-state requests come from other states: the Commonwealth's
    # State Police search for them on the same grounds as for a Boston department
    req = request(requesting_agency=_of(kind, home), court_order=court_order())
    assert version.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(version, req)


@BILLS
@pytest.mark.parametrize("home", HOMES, ids=HOME_IDS)
def test_only_the_commonwealths_state_police_may_ask_the_fbi_under_220d(
    bill: Version, home: str | None
) -> None:
    req = request(requesting_agency=_of(AgencyKind.STATE_POLICE, home), performing_agency=FBI)
    expected = Outcome.PERMITTED if _ours(home) else Outcome.NOT_APPLICABLE
    assert bill.decide(req) is expected
    assert_invariants_hold(bill, req)


@EVERY_VERSION
@pytest.mark.parametrize("kind", list(AgencyKind), ids=[k.value for k in AgencyKind])
def test_a_search_no_agency_of_the_commonwealth_takes_part_in_is_outside_220(
    version: Version, kind: AgencyKind
) -> None:
    for requester_home, searcher_home in (("US-ME", "US-ME"), ("US-NH", "US"), ("US", "US-VT")):
        req = request(
            requesting_agency=_of(kind, requester_home),
            performing_agency=_of(kind, searcher_home),
        )
        decision = version.evaluate(req)
        assert decision.outcome is Outcome.NOT_APPLICABLE, (requester_home, searcher_home)
        assert decision.obligations == ()


@BILLS
@pytest.mark.parametrize("home", HOMES, ids=HOME_IDS)
def test_only_the_commonwealths_registrar_may_verify_identity_under_220c(
    bill: Version, home: str | None
) -> None:
    registry = _of(AgencyKind.MOTOR_VEHICLE_REGISTRY, home)
    req = _licensing(requesting_agency=registry, performing_agency=registry)
    expected = Outcome.PERMITTED if _ours(home) else Outcome.NOT_APPLICABLE
    assert bill.decide(req) is expected
    # a Registry of elsewhere searching for the Commonwealth's: governed, and no (c) search
    for_ours = attrs.evolve(req, requesting_agency=REGISTRY)
    assert (bill.decide(for_ours) is Outcome.PERMITTED) is _ours(home)


@BILLS
@pytest.mark.parametrize("home", HOMES, ids=HOME_IDS)
def test_the_ban_on_video_binds_the_commonwealths_law_enforcement_not_the_fbi_on_its_own(
    bill: Version, home: str | None
) -> None:
    video = ProbeImage(kind=MediaKind.RECORDED_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
    asks = request(requesting_agency=_of(AgencyKind.LOCAL_POLICE, home), probe=video)
    expected = Outcome.FORBIDDEN if _ours(home) else Outcome.NOT_APPLICABLE
    assert bill.decide(attrs.evolve(asks, performing_agency=FBI)) is expected
    # the Registrar asking the FBI for video: read as bound only by (c), not permitted; read
    # as law enforcement, forbidden; the FBI's part binds no one under Massachusetts law
    registrar = attrs.evolve(asks, requesting_agency=REGISTRY, performing_agency=FBI)
    assert bill.decide(registrar) is Outcome.NOT_PERMITTED
    bound = bill.with_readings({"registrar-status": "law-enforcement"})
    assert bound.decide(registrar) is Outcome.FORBIDDEN


@pytest.mark.parametrize("home", HOMES, ids=HOME_IDS)
def test_under_the_redraft_the_state_police_assist_only_the_commonwealths_registrar(
    home: str | None,
) -> None:
    assist = request(
        requesting_agency=_of(AgencyKind.MOTOR_VEHICLE_REGISTRY, home),
        purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        warrant=None,
        offense=None,
    )
    assert (REDRAFT.decide(assist) is Outcome.PERMITTED) is _ours(home)
    assert_invariants_hold(REDRAFT, assist)
    # nor do another state's State Police assist the Commonwealth's Registrar under (d)(1)
    elsewhere = attrs.evolve(
        assist,
        requesting_agency=REGISTRY,
        performing_agency=_of(AgencyKind.STATE_POLICE, "US-NH"),
    )
    assert REDRAFT.decide(elsewhere) is not Outcome.PERMITTED


# -- the FBI, not any federal agency -----------------------------------------------------------


def test_a_search_by_a_federal_agency_other_than_the_fbi_is_not_permitted_under_current_law() -> (
    None
):
    to_hsi = request(performing_agency=HSI, warrant=None, court_order=court_order())
    decision = CURRENT.evaluate(to_hsi)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "the search is performed by the FBI" in decision.explain()
    assert_invariants_hold(CURRENT, to_hsi)
    to_fbi = attrs.evolve(to_hsi, performing_agency=FBI)
    assert CURRENT.decide(to_fbi) is Outcome.PERMITTED


@BILLS
def test_the_state_police_may_not_ask_a_federal_agency_other_than_the_fbi_under_the_bill(
    bill: Version,
) -> None:
    to_hsi = request(requesting_agency=STATE_POLICE, performing_agency=HSI)
    assert bill.decide(to_hsi) is Outcome.FORBIDDEN
    assert_invariants_hold(bill, to_hsi)


def test_documenting_an_fbi_search_falls_on_the_massachusetts_agency_that_asked() -> None:
    to_fbi = request(performing_agency=FBI, warrant=None, court_order=court_order())
    log = obligation(CURRENT.evaluate(to_fbi), "MA-LAW-LOG")
    assert "for an FBI search, the one that asked" in log.party
    redraft = obligation(
        REDRAFT.evaluate(request(performing_agency=FBI, requesting_agency=STATE_POLICE)),
        "MA-LOG-FBI",
    )
    assert redraft.party.startswith("the Massachusetts agency that asked the FBI")


def test_under_the_redraft_a_local_departments_direct_request_to_the_fbi_is_documented() -> None:
    # forbidden by (b), and documented in writing all the same: (g) names the request to
    # the FBI, and (h)(ii) counts FBI requests by requesting agency
    direct = request(performing_agency=FBI)
    decision = REDRAFT.evaluate(direct)
    assert decision.outcome is Outcome.FORBIDDEN
    duties = {o.duty for o in decision.obligations}
    assert {"MA-LOG-FBI", "MA-REPORT"} <= duties
    assert "fbi-request-record" in {r.id for r in decision.readings}
    assert_invariants_hold(REDRAFT, direct)
    # read as the State Police's requests only, it is in the quarterly report alone
    narrow = REDRAFT.with_readings({"fbi-request-record": "state-police-requests"})
    duties = {o.duty for o in narrow.evaluate(direct).obligations}
    assert "MA-LOG-FBI" not in duties
    assert "MA-LOG" not in duties
    assert "MA-REPORT" in duties
    assert_invariants_hold(narrow, direct)


# -- duties of every request, permitted or not --------------------------------------------------


@BILLS
def test_a_refused_request_under_the_bill_still_carries_its_public_record_duty(
    bill: Version,
) -> None:
    refused = request(warrant=None, performed_at=None)
    decision = bill.evaluate(refused)
    assert decision.outcome is Outcome.NOT_PERMITTED
    duties = {o.duty for o in decision.obligations}
    assert {"MA-LOG", "MA-REPORT"} <= duties
    assert obligation(decision, "MA-LOG").arises_on is EventKind.REQUEST_SUBMITTED
    assert "MA-EMERGENCY-FILING" not in duties
    assert_invariants_hold(bill, refused)


def test_a_forbidden_search_under_the_bill_is_still_kept_as_a_public_record() -> None:
    video = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
    decision = BILL.evaluate(request(probe=video))
    assert decision.outcome is Outcome.FORBIDDEN
    assert {"MA-LOG", "MA-REPORT", "MA-NOTICE"} <= {o.duty for o in decision.obligations}


def test_a_refused_request_under_current_law_is_still_documented_and_reported() -> None:
    refused = request(performing_agency=BOSTON_POLICE, warrant=None)
    decision = CURRENT.evaluate(refused)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert {o.duty for o in decision.obligations} == {"MA-LAW-LOG", "MA-LAW-REPORT"}


@BILLS
def test_a_defendant_identified_through_an_unlawful_search_is_owed_notice_under_220f(
    bill: Version,
) -> None:
    unlawful = request(performing_agency=BOSTON_POLICE)
    decision = bill.evaluate(unlawful)
    assert decision.outcome is Outcome.FORBIDDEN
    assert "MA-NOTICE" in {o.duty for o in decision.obligations}


# -- notice on the Registry's searches: a reading ----------------------------------------------


@BILLS
def test_a_defendant_identified_through_the_registrys_own_search_is_owed_notice(
    bill: Version,
) -> None:
    own = _licensing(analysis=Analysis.VERIFICATION)
    decision = bill.evaluate(own)
    assert "MA-NOTICE" in {o.duty for o in decision.obligations}
    assert "notice-scope" in {r.id for r in decision.readings}
    narrow = bill.with_readings({"notice-scope": "state-police-route"})
    assert "MA-NOTICE" not in {o.duty for o in narrow.evaluate(own).obligations}
    assert "MA-NOTICE" in {o.duty for o in narrow.evaluate(request()).obligations}


def test_a_state_police_search_assisting_the_registrar_carries_notice_under_the_redraft() -> None:
    assist = request(
        requesting_agency=REGISTRY,
        purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        warrant=None,
        offense=None,
    )
    for reading in ("every-search", "state-police-route"):
        redraft = REDRAFT.with_readings({"notice-scope": reading})
        decision = redraft.evaluate(assist)
        assert decision.outcome is Outcome.PERMITTED
        assert "MA-NOTICE" in {o.duty for o in decision.obligations}


# -- the quarterly report's due date: a reading ----------------------------------------------


@EVERY_VERSION
def test_the_quarterly_report_is_due_by_the_end_of_the_next_quarter_as_read_here(
    version: Version,
) -> None:
    duty = "MA-LAW-REPORT" if version is CURRENT else "MA-REPORT"
    report = obligation(version.evaluate(request()), duty)
    assert report.due is not None
    assert report.due.date() == date(2024, 6, 30)
    assert "quarterly-report-due" in {r.id for r in version.evaluate(request()).readings}
    reports = (duty,) if version is CURRENT else (duty, "MA-NONLE-REPORT")
    assert version.policy.resting_on("quarterly-report-due") == reports
    same = version.with_readings({"quarterly-report-due": "same-quarter"})
    sooner = obligation(same.evaluate(request()), duty)
    assert sooner.due is not None
    assert sooner.due.date() == date(2024, 3, 31)


# -- the FBI's system, and whose felony: readings of §220(d) ----------------------------------


@BILLS
def test_the_fbis_own_system_must_be_approved_when_the_state_police_ask_it_as_read_here(
    bill: Version,
) -> None:
    unvetted = Technology(name="NGI-IPS", vendor="FBI", approved=False)
    via_fbi = request(requesting_agency=STATE_POLICE, performing_agency=FBI, technology=unvetted)
    decision = bill.evaluate(via_fbi)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "fbi-technology" in {r.id for r in decision.readings}
    exempt = bill.with_readings({"fbi-technology": "fbi-system-exempt"})
    assert exempt.decide(via_fbi) is Outcome.PERMITTED
    assert_invariants_hold(exempt, via_fbi)
    # the State Police's own system needs approval under either reading
    own = request(technology=unvetted)
    assert bill.decide(own) is exempt.decide(own) is Outcome.NOT_PERMITTED


def _robbery_of(place: str, months: int) -> frpolicy.Offense:
    return frpolicy.Offense(
        code=f"{place}-ROBBERY",
        title="Robbery",
        citation=f"robbery statute of {place}",
        penalty=frpolicy.Penalty(max_term_months=months),
        place=place,
    )


@BILLS
def test_another_places_crime_is_a_felony_of_220d_by_the_commonwealths_test_as_read_here(
    bill: Version,
) -> None:
    # a New Hampshire robbery (15 years): a state-prison term here, so a felony
    robbery = _robbery_of("US-NH", 180)
    req = request(offense=robbery, warrant=warrant(offense_codes=frozenset({robbery.code})))
    decision = bill.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert "felony-elsewhere" in {r.id for r in decision.readings}
    commonwealth = bill.with_readings({"felony-elsewhere": "commonwealth-only"})
    assert commonwealth.decide(req) is Outcome.NOT_PERMITTED
    assert_invariants_hold(commonwealth, req)
    # a federal crime of two years is a felony where it is defined, not by this test
    federal = _robbery_of("US", 24)
    two_years = request(offense=federal, warrant=warrant(offense_codes=frozenset({federal.code})))
    assert bill.decide(two_years) is Outcome.NOT_PERMITTED
    # the Commonwealth's own crime is a felony under either reading
    assert commonwealth.decide(request()) is Outcome.PERMITTED


# -- readings, named and switchable ----------------------------------------------------------


def test_a_warrant_meets_current_laws_court_order_requirement_only_as_read_here() -> None:
    decision = CURRENT.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    readings = {r.id: r for r in decision.readings}
    assert readings["warrant-as-court-order"].chosen == "yes"
    assert "Readings of the law this decision rests on:" in decision.explain()
    strict = CURRENT.with_readings({"warrant-as-court-order": "no"})
    assert strict.decide(request()) is Outcome.NOT_PERMITTED
    assert strict.decide(request(court_order=court_order())) is Outcome.PERMITTED


def test_every_reading_states_its_question_choices_and_source_and_its_adopted_choice() -> None:
    for version in MA.versions:
        assert version.readings
        for reading in version.readings:
            assert reading.question.endswith(("?", "date.", "read."))
            assert len(reading.choices) >= 2
            assert reading.adopted
            assert reading.source.reference
            assert reading.citation is not None
            assert reading.citation.instrument == version.instrument.id


def test_a_decision_names_only_the_readings_it_rests_on() -> None:
    emergency_search = CURRENT.evaluate(request(warrant=None, emergency=emergency()))
    # the emergency rule rests on no reading; the report's due date does
    assert [r.id for r in emergency_search.readings] == ["quarterly-report-due"]


def test_an_unknown_reading_or_choice_is_refused_with_what_is_known() -> None:
    with pytest.raises(LookupError, match="no reading 'no-such'"):
        BILL.with_readings({"no-such": "x"})
    with pytest.raises(ValueError, match="has no choice 'maybe'"):
        BILL.with_readings({"notice-scope": "maybe"})
    with pytest.raises(LookupError, match="US-MA has no reading 'no-such'"):
        MA.with_readings({"no-such": "x"})


def test_a_jurisdiction_read_another_way_changes_every_version_that_has_the_reading() -> None:
    same = MA.with_readings({"quarterly-report-due": "same-quarter"})
    for version in same.versions:
        assert version.policy.reading("quarterly-report-due").chosen == "same-quarter"
    strict = MA.with_readings({"warrant-as-court-order": "no"})
    assert strict.version("H.1728") == BILL
    assert strict.in_force(date(2024, 3, 4)).decide(request()) is Outcome.NOT_PERMITTED


def test_the_adopted_readings_give_the_versions_registered() -> None:
    for version in MA.versions:
        adopted = {r.id: r.choices[0].id for r in version.readings}
        assert version.with_readings(adopted) == version


# -- an offense's classification is the law's, not the client's -------------------------------


@EVERY_VERSION
def test_a_state_prison_offense_sent_as_a_misdemeanor_is_refused_with_its_path(
    version: Version,
) -> None:
    armed_robbery = version.offense("265-17")
    mislabelled = attrs.evolve(armed_robbery, classification=frpolicy.Classification.MISDEMEANOR)
    (problem,) = version.problems(request(offense=mislabelled))
    assert problem.startswith("$.offense.classification: 'misdemeanor'")
    assert "'felony'" in problem
    assert version.problems(request()) == ()
    with pytest.raises(LookupError, match="no offense 'nope'"):
        version.offense("nope")


def test_the_readings_a_decision_names_are_those_whose_other_choice_would_change_it() -> None:
    # a police search refused outright: whether the Registrar is bound changes nothing
    refused = BILL.evaluate(request(warrant=None))
    assert "registrar-status" not in {r.id for r in refused.readings}
    # the Registrar inferring emotions: not permitted as read, forbidden read the other way
    emotions = BILL.evaluate(_licensing(analysis=Analysis.EMOTION_INFERENCE))
    assert "registrar-status" in {r.id for r in emotions.readings}
    assert set(BILL.policy.resting_on("registrar-status")) == {"MA-NO-EMOTION", "MA-NO-VIDEO"}


@BILLS
def test_the_registrys_own_licensing_search_owes_no_emergency_court_filing(bill: Version) -> None:
    # §220(d)-(e): the sworn statement follows a search under the State Police's emergency route
    licensing = _licensing(analysis=Analysis.VERIFICATION, emergency=emergency())
    decision = bill.evaluate(licensing)
    assert decision.outcome is Outcome.PERMITTED
    assert "MA-EMERGENCY-FILING" not in {o.duty for o in decision.obligations}
    assert_invariants_hold(bill, licensing)
