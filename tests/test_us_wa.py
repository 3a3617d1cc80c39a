"""Washington, provision by provision: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
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
    Database,
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
    ProtectedGround,
    Purpose,
    SearchRequest,
    Technology,
    Verification,
    Version,
    Warrant,
)
from frpolicy.analysis import ClaimKind, Status, verify
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.jurisdictions.us_wa.common import AGENCIES
from frpolicy.policy import Rule
from frpolicy.testing import LawPropertyError, check_property

WA = frpolicy.jurisdiction("US-WA")
LAW = WA.version("Laws 2020 c 257")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"

SUBMITTED = datetime(2025, 3, 10, 18, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=1)

AGENCY = {a.id: a for a in AGENCIES}
STATE_PATROL, SEATTLE_POLICE, LICENSING = AGENCY["WSP"], AGENCY["SEAPD"], AGENCY["DOL"]
PORT, FBI, PROSECUTOR = AGENCY["POS"], AGENCY["FBI-SE"], AGENCY["KCPAO"]
HSI = AGENCY["HSI-SE"]


def request(**changes: Any) -> SearchRequest:
    """Seattle police search a still image, after the fact, with a service they reported on."""
    fields: dict[str, Any] = {
        "id": "WA-TEST-1",
        "requesting_agency": SEATTLE_POLICE,
        "performing_agency": SEATTLE_POLICE,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("RCW-9A.56.200"),
    }
    return SearchRequest(**(fields | changes))


def probe(**changes: Any) -> ProbeImage:
    return attrs.evolve(request().probe, **changes)


def warrant(**changes: Any) -> Warrant:
    fields: dict[str, Any] = {
        "case_number": "25-1-00417-9 SEA",
        "court": CourtKind.SUPERIOR_COURT,
        "judge": "Hon. R. Okafor",
        "issued_at": SUBMITTED - timedelta(days=1),
        "expires_at": SUBMITTED + timedelta(days=10),
        "authorizes_facial_recognition": True,
    }
    return Warrant(**(fields | changes))


def court_order(**changes: Any) -> CourtOrder:
    fields: dict[str, Any] = {
        "docket_number": "25-2-01188-1 SEA",
        "court": CourtKind.SUPERIOR_COURT,
        "judge": "Hon. M. Chen",
        "issued_at": SUBMITTED - timedelta(hours=3),
        "authorizes_facial_recognition": True,
        "purpose": Purpose.IDENTIFY_MISSING,
    }
    return CourtOrder(**(fields | changes))


def emergency(**changes: Any) -> Emergency:
    fields: dict[str, Any] = {
        "harm": Harm.DEATH,
        "immediate": True,
        "declared_by": "WSP-1123",
        "declared_at": SUBMITTED,
    }
    return Emergency(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


LIVE = {"probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)}
SURVEILLANCE = [
    {"ongoing_surveillance": True},
    {"real_time": True},
    LIVE,
    {"analysis": Analysis.TRACKING},
]
SURVEILLANCE_IDS = ["ongoing-surveillance", "real-time", "live-video", "persistent-tracking"]


# -- .020: a service the agency reported on, no warrant, no offense threshold -----------------


def test_a_one_off_identification_from_a_still_image_needs_no_warrant_under_rcw_43_386() -> None:
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"WA-USE"}
    assert {str(r.citation) for r in decision.determining} == {"RCW 43.386.020 (Laws 2020 c 257)"}
    assert_invariants_hold(LAW, request())


@pytest.mark.parametrize("code", [o.code for o in LAW.offenses])
def test_washington_has_no_offense_threshold(code: str) -> None:
    assert LAW.decide(request(offense=LAW.offense(code))) is Outcome.PERMITTED


def test_a_service_without_notice_of_intent_or_accountability_report_is_not_permitted_020() -> None:
    unreported = request(technology=Technology(name="Trial system"))
    decision = LAW.evaluate(unreported)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: the facial-recognition technology used is approved" in decision.explain()


# -- .080(1): surveillance, real-time identification, persistent tracking --------------------


@pytest.mark.parametrize("watching", SURVEILLANCE, ids=SURVEILLANCE_IDS)
def test_surveillance_without_a_warrant_exigency_or_court_order_is_forbidden_under_080_1(
    watching: dict[str, Any],
) -> None:
    decision = LAW.evaluate(request(**watching))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"WA-SURVEILLANCE"}


@pytest.mark.parametrize("watching", SURVEILLANCE, ids=SURVEILLANCE_IDS)
def test_a_warrant_authorizing_the_service_permits_surveillance_under_080_1_a(
    watching: dict[str, Any],
) -> None:
    req = request(warrant=warrant(), **watching)
    assert LAW.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(
    "bad",
    [
        warrant(authorizes_facial_recognition=False),
        warrant(expires_at=SUBMITTED),
    ],
    ids=["does-not-authorize-the-service", "expired"],
)
def test_a_warrant_that_does_not_cover_the_surveillance_permits_none(bad: Warrant) -> None:
    assert LAW.decide(request(warrant=bad, ongoing_surveillance=True)) is Outcome.FORBIDDEN


def test_exigent_circumstances_permit_real_time_identification_under_080_1_b_with_no_filing_after() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(emergency=emergency(), real_time=True, **LIVE)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert all(o.fulfilled_by is not EventKind.SWORN_STATEMENT_FILED for o in decision.obligations)


def test_an_exigency_threatening_escape_or_evidence_counts_as_washingtons_courts_read_it_unless_read_as_danger_to_a_person() -> (  # noqa: E501 - the name is the sentence
    None
):
    # State v. Tibbles: a delay that would facilitate escape or the destruction of evidence
    req = request(emergency=emergency(harm=Harm.OTHER, facts="suspect fleeing"), real_time=True)
    assert LAW.decide(req) is Outcome.PERMITTED
    (adopted,) = [r for r in LAW.readings if r.id == "wa-exigent-circumstances"]
    assert "Tibbles" in adopted.source.reference
    strict = LAW.with_readings({"wa-exigent-circumstances": "danger-to-a-person"})
    assert strict.decide(req) is Outcome.FORBIDDEN
    assert [r.id for r in LAW.evaluate(req).readings] == ["wa-exigent-circumstances"]


def test_an_emergency_that_can_wait_for_a_warrant_is_no_exigency() -> None:
    req = request(emergency=emergency(immediate=False), real_time=True)
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_court_order_to_find_a_missing_person_permits_tracking_them_under_080_1_c() -> None:
    req = request(
        purpose=Purpose.IDENTIFY_MISSING, court_order=court_order(), ongoing_surveillance=True
    )
    assert LAW.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


def test_a_court_order_to_identify_a_deceased_person_permits_a_real_time_search_for_that() -> None:
    req = request(
        purpose=Purpose.IDENTIFY_DECEASED,
        court_order=court_order(purpose=Purpose.IDENTIFY_DECEASED),
        real_time=True,
    )
    assert LAW.decide(req) is Outcome.PERMITTED


def test_a_missing_person_order_does_not_cover_surveillance_in_a_criminal_investigation() -> None:
    req = request(court_order=court_order(), ongoing_surveillance=True)
    assert LAW.decide(req) is Outcome.FORBIDDEN
    read_loosely = LAW.with_readings({"wa-court-order-purpose": "order-purpose-only"})
    assert read_loosely.decide(req) is Outcome.PERMITTED


@pytest.mark.parametrize(
    "purpose",
    [None, Purpose.CRIMINAL_INVESTIGATION, Purpose.IDENTIFY_MISSING_OR_INCAPACITATED],
    ids=["names-none", "criminal-investigation", "missing-or-incapacitated"],
)
def test_a_court_order_not_issued_to_find_a_missing_or_identify_a_deceased_person_permits_no_surveillance(  # noqa: E501 - the name is the sentence
    purpose: Purpose | None,
) -> None:
    req = request(
        purpose=purpose or Purpose.CRIMINAL_INVESTIGATION,
        court_order=court_order(purpose=purpose),
        ongoing_surveillance=True,
    )
    assert LAW.decide(req) is Outcome.FORBIDDEN


# -- .080(2)-(3): protected grounds, First Amendment records -----------------------------------


@pytest.mark.parametrize(
    "ground",
    [ProtectedGround.POLITICAL_VIEWS, ProtectedGround.RACE, ProtectedGround.LAWFUL_EVENT],
    ids=lambda g: g.value,
)
def test_a_search_based_on_a_protected_ground_is_forbidden_under_080_2(
    ground: ProtectedGround,
) -> None:
    decision = LAW.evaluate(request(protected_grounds=frozenset({ground})))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"WA-PROTECTED-GROUNDS"}


def test_a_warrant_does_not_permit_a_search_based_on_a_protected_ground() -> None:
    req = request(warrant=warrant(), protected_grounds=frozenset({ProtectedGround.RELIGIOUS_VIEWS}))
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_search_to_record_first_amendment_activity_is_forbidden_under_080_3() -> None:
    decision = LAW.evaluate(request(purpose=Purpose.RECORD_PROTECTED_ACTIVITY))
    assert determining(decision) == {"WA-FIRST-AMENDMENT"}


def test_identifying_a_protester_in_a_criminal_investigation_is_not_a_record_under_the_adopted_reading() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(probe=probe(protected_activity=True))
    assert LAW.decide(req) is Outcome.PERMITTED
    strict = LAW.with_readings({"wa-first-amendment-record": "any-identification"})
    assert strict.decide(req) is Outcome.FORBIDDEN
    assert_invariants_hold(strict, req)


# -- .080(6), recalled: sketches --------------------------------------------------------------


def test_a_sketch_is_not_searched_by_washington_police_and_the_rule_is_marked_unverified() -> None:
    decision = LAW.evaluate(request(probe=probe(composite=True)))
    assert determining(decision) == {"WA-SKETCH"}
    (reason,) = decision.determining
    assert reason.source.verification is Verification.UNVERIFIED


# -- .090 and .100: exemptions ---------------------------------------------------------------


@pytest.mark.parametrize("purpose", [Purpose.FEDERALLY_MANDATED, Purpose.TRAVEL_VERIFICATION])
def test_a_use_exempt_under_090_is_unrestricted_by_the_chapter_but_reported(
    purpose: Purpose,
) -> None:
    req = request(
        requesting_agency=PORT,
        performing_agency=PORT,
        purpose=purpose,
        technology=Technology(name="Biometric exit"),
        protected_grounds=frozenset({ProtectedGround.CITIZENSHIP}),
        real_time=True,
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"WA-FEDERAL-EXEMPTION"}
    assert {o.duty for o in decision.obligations} == {"WA-FEDERAL-REPORT"}
    assert_invariants_hold(LAW, req)


def test_the_department_of_licensings_own_licensing_is_outside_the_chapter_under_100() -> None:
    req = request(
        requesting_agency=LICENSING,
        performing_agency=LICENSING,
        purpose=Purpose.LICENSE_ISSUANCE,
        offense=None,
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "RCW 43.386.100" in decision.explain()


def test_the_department_of_licensing_searching_for_the_police_is_governed() -> None:
    assert LAW.decide(request(performing_agency=LICENSING, real_time=True)) is Outcome.FORBIDDEN


# -- RCW 46.20.037(1), another chapter: the Department of Licensing's system -----------------


def test_a_police_search_run_on_the_department_of_licensings_system_is_forbidden_by_rcw_46_20_037_though_chapter_43_386_permits_it() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(performing_agency=LICENSING)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"WA-DOL-SYSTEM"}
    assert {str(r.citation) for r in decision.determining} == {"RCW 46.20.037(1) (Laws 2012 c 80)"}
    assert_invariants_hold(LAW, req)
    chapter_only = attrs.evolve(
        LAW.policy, rules=tuple(r for r in LAW.policy.rules if r.id != "WA-DOL-SYSTEM")
    )
    assert chapter_only.evaluate(req).outcome is Outcome.PERMITTED  # what 43.386 alone says


@pytest.mark.parametrize(
    "purpose",
    [Purpose.CRIMINAL_INVESTIGATION, Purpose.FEDERALLY_MANDATED],
    ids=["an-investigation", "exempt-from-chapter-43-386"],
)
def test_homeland_security_investigations_searching_the_department_of_licensings_system_is_refused(
    purpose: Purpose,
) -> None:
    req = request(requesting_agency=HSI, performing_agency=LICENSING, purpose=purpose)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert "WA-DOL-SYSTEM" in determining(decision)
    assert_invariants_hold(LAW, req)


def test_the_department_seeking_a_license_issued_under_another_name_uses_its_system_lawfully() -> (
    None
):
    req = request(
        requesting_agency=LICENSING,
        performing_agency=LICENSING,
        purpose=Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        offense=LAW.offense("RCW-9.35.020"),
    )
    assert LAW.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


def test_a_court_order_opens_the_department_of_licensings_system_only_if_read_so() -> None:
    ordered = court_order(purpose=None, docket_number="25-1-04410-2 SEA")
    req = request(performing_agency=LICENSING, court_order=ordered)
    assert LAW.decide(req) is Outcome.FORBIDDEN
    opened = LAW.with_readings({"wa-dol-court-order": "court-order"})
    assert opened.decide(req) is Outcome.PERMITTED
    assert "wa-dol-court-order" in [r.id for r in LAW.evaluate(req).readings]
    assert_invariants_hold(opened, req)


def test_police_running_their_own_system_on_drivers_photos_do_not_use_the_departments() -> None:
    own = request(databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}))
    assert LAW.decide(own) is Outcome.PERMITTED


# -- who is bound ---------------------------------------------------------------------------


def test_every_state_or_local_agency_is_bound_not_only_the_police() -> None:
    housing = frpolicy.Agency(
        id="SHA", name="Seattle Housing Authority", kind=frpolicy.AgencyKind.OTHER_PUBLIC_AGENCY
    )
    req = request(requesting_agency=housing, performing_agency=housing, ongoing_surveillance=True)
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_search_the_fbi_runs_for_itself_is_outside_the_chapter_but_one_for_the_state_patrol_is_not() -> (  # noqa: E501 - the name is the sentence
    None
):
    assert LAW.decide(request(requesting_agency=FBI, performing_agency=FBI)) is (
        Outcome.NOT_APPLICABLE
    )
    for_the_patrol = request(requesting_agency=STATE_PATROL, performing_agency=FBI, real_time=True)
    assert LAW.decide(for_the_patrol) is Outcome.FORBIDDEN


def test_inferring_emotions_is_not_a_facial_recognition_service_as_010_defines_it() -> None:
    assert LAW.decide(request(analysis=Analysis.EMOTION_INFERENCE)) is Outcome.NOT_APPLICABLE


# -- who uses the service: the agency that asks, as read (.010(3), .020(2)(d)(i)) -------------


def test_seattle_asking_the_fbi_to_search_uses_the_service_through_it_and_is_governed_as_read() -> (
    None
):
    req = request(performing_agency=FBI, real_time=True)
    assert LAW.decide(req) is Outcome.FORBIDDEN
    runs_it_only = LAW.with_readings({"wa-requester-uses": "runs-it-only"})
    assert runs_it_only.decide(req) is Outcome.NOT_APPLICABLE
    assert "wa-requester-uses" in [r.id for r in LAW.evaluate(req).readings]
    # asked of another Washington agency, the search is governed either way
    patrol = request(performing_agency=STATE_PATROL, real_time=True)
    assert runs_it_only.decide(patrol) is Outcome.FORBIDDEN
    assert_invariants_hold(runs_it_only, req)
    assert_invariants_hold(runs_it_only, patrol)


# -- where agencies belong: every kind, from every place ---------------------------------------

HOMES: dict[str, str | None] = {
    "Washington": "US-WA",
    "King County": "US-WA-KIN",
    "Oregon": "US-OR",
    "federal": "US",
    "no home": None,
}
STATE_AND_LOCAL = set(AgencyKind) - {AgencyKind.FBI, AgencyKind.FEDERAL}
OREGON_REGISTRY = Agency(
    id="ORDMV",
    name="Oregon Driver and Motor Vehicle Services",
    kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
    home="US-OR",
)


def _of_washington(kind: AgencyKind, home: str | None) -> bool:
    """Read from .010(3): a state or local government agency, of Washington."""
    return kind in STATE_AND_LOCAL and (
        home is None or home == "US-WA" or home.startswith("US-WA-")
    )


@pytest.mark.parametrize("home", HOMES, ids=list(HOMES))
@pytest.mark.parametrize("kind", list(AgencyKind), ids=[k.value for k in AgencyKind])
@pytest.mark.parametrize("role", ["requesting_agency", "performing_agency"])
def test_a_search_is_washingtons_when_a_washington_state_or_local_agency_asks_for_or_runs_it(
    role: str, kind: AgencyKind, home: str
) -> None:
    agency = Agency(id="X-1", name="An agency", kind=kind, home=HOMES[home])
    parties: dict[str, Any] = {
        "requesting_agency": OREGON_REGISTRY,
        "performing_agency": OREGON_REGISTRY,
    }
    req = request(**(parties | {role: agency}))
    governed = LAW.decide(req) is not Outcome.NOT_APPLICABLE
    assert governed is _of_washington(kind, HOMES[home])
    assert_invariants_hold(LAW, req)


def test_the_sole_basis_rule_binds_washingtons_police_not_an_oregon_department() -> None:
    portland = Agency(
        id="PPB", name="Portland Police Bureau", kind=AgencyKind.LOCAL_POLICE, home="US-OR"
    )
    oregon = request(requesting_agency=portland, performing_agency=PORT)
    decision = LAW.evaluate(oregon)
    assert decision.outcome is Outcome.PERMITTED  # the Port runs it: Washington's to govern
    assert "WA-SOLE-BASIS" not in {o.duty for o in decision.obligations}
    seattle = request(performing_agency=PORT)
    assert "WA-SOLE-BASIS" in {o.duty for o in LAW.evaluate(seattle).obligations}


def test_the_licensing_exemption_of_100_is_washingtons_department_licensing_for_itself() -> None:
    req = request(
        requesting_agency=OREGON_REGISTRY,
        performing_agency=LICENSING,
        purpose=Purpose.LICENSE_ISSUANCE,
        offense=None,
    )
    assert LAW.decide(req) is not Outcome.NOT_APPLICABLE


# -- duties: .030 human review, .070 disclosure and records, .080(5) sole basis ------------------


def _status(req: SearchRequest, duty: str, events: list[Event], days: float) -> ObligationStatus:
    (found,) = [o for o in LAW.evaluate(req).obligations if o.duty == duty]
    every = [Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED), *events]
    status: ObligationStatus = found.check(every, PERFORMED + timedelta(days=days)).status
    return status


def _at(kind: EventKind, days: float, **fields: Any) -> Event:
    return Event(kind=kind, at=PERFORMED + timedelta(days=days), **fields)


def test_a_decision_with_legal_effect_rests_on_a_result_a_person_reviewed_under_030() -> None:
    relied = _at(EventKind.RESULT_RELIED_ON, 2)
    reviewed = _at(EventKind.RESULT_REVIEWED, 0)
    assert _status(request(), "WA-HUMAN-REVIEW", [relied, reviewed], 10) is ObligationStatus.MET
    assert _status(request(), "WA-HUMAN-REVIEW", [relied], 10) is ObligationStatus.VIOLATED
    assert _status(request(), "WA-HUMAN-REVIEW", [], 10) is ObligationStatus.PENDING


def test_a_result_is_not_the_sole_basis_for_probable_cause_under_080_5() -> None:
    relied = _at(EventKind.RESULT_RELIED_ON, 2)
    other_evidence = _at(EventKind.RESULT_CORROBORATED, 1)
    assert _status(request(), "WA-SOLE-BASIS", [relied, other_evidence], 9) is (
        ObligationStatus.MET
    )
    assert _status(request(), "WA-SOLE-BASIS", [relied], 9) is ObligationStatus.VIOLATED


def test_the_sole_basis_rule_of_080_5_binds_law_enforcement_only() -> None:
    port = request(requesting_agency=PORT, performing_agency=PORT)
    assert "WA-SOLE-BASIS" not in {o.duty for o in LAW.evaluate(port).obligations}
    prosecutor = request(requesting_agency=PROSECUTOR, performing_agency=STATE_PATROL)
    assert "WA-SOLE-BASIS" in {o.duty for o in LAW.evaluate(prosecutor).obligations}


def test_the_use_is_disclosed_to_the_defendant_before_trial_under_070_1() -> None:
    trial = _at(EventKind.TRIAL, 100)
    told = {"disclosures": frozenset({Disclosure.FACIAL_RECOGNITION_USED})}
    early = _at(EventKind.NOTICE_SERVED, 60, **told)
    late = _at(EventKind.NOTICE_SERVED, 101, **told)
    assert _status(request(), "WA-DISCLOSE", [trial, early], 120) is ObligationStatus.MET
    assert _status(request(), "WA-DISCLOSE", [trial, late], 120) is ObligationStatus.VIOLATED


def test_a_forbidden_use_is_still_recorded_and_disclosed_under_070() -> None:
    decision = LAW.evaluate(request(real_time=True))
    assert decision.outcome is Outcome.FORBIDDEN
    assert {"WA-RECORDS", "WA-DISCLOSE", "WA-HUMAN-REVIEW", "WA-SOLE-BASIS"} <= {
        o.duty for o in decision.obligations
    }


# -- invariants from the provisions catch a misread rule --------------------------------------


def _misread(code: str, rule_id: str, when: frpolicy.Predicate) -> frpolicy.Jurisdiction:
    """Washington, with one rule's condition replaced: a module that misread the statute."""

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    policy = attrs.evolve(
        LAW.policy, jurisdiction=code, rules=tuple(misread(r) for r in LAW.policy.rules)
    )
    return frpolicy.Jurisdiction(
        code=code,
        name="Washington misread",
        versions=(attrs.evolve(LAW, policy=policy),),
        agencies=AGENCIES,
    )


def test_a_washington_module_that_asks_a_warrant_of_every_search_is_caught_by_its_invariant() -> (
    None
):
    from frpolicy import conditions as c  # noqa: PLC0415 - the conditions of the misreading

    every_search = c.TECHNOLOGY_APPROVED & c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
    misread = _misread("XX-MISREAD-WARRANT", "WA-USE", every_search)
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread, LAW.instrument.id, "invariants", max_examples=200)
    (failure,) = caught.value.failures
    assert "no-warrant-for-a-one-off-identification" in failure.detail


def test_a_washington_module_whose_surveillance_rule_forgets_the_warrant_breaks_its_invariant() -> (
    None
):
    never = frpolicy.leaf("never", "never", "False")
    (version,) = _misread("XX-MISREAD-SURVEILLANCE", "WA-SURVEILLANCE", never).versions
    req = request(ongoing_surveillance=True)
    decision = version.evaluate(req)
    broken = {i.id for i in version.invariants if i.broken_by(req, decision) is not None}
    assert broken == {"surveillance-authorized"}


def test_a_module_that_forgets_rcw_46_20_037_fails_frpolicy_verify_with_a_counterexample() -> None:
    rules = tuple(r for r in LAW.policy.rules if r.id != "WA-DOL-SYSTEM")
    forgetful = attrs.evolve(LAW, policy=attrs.evolve(LAW.policy, rules=rules))
    result = verify(forgetful)
    disproved = {f.subject for f in result.failures() if f.kind is ClaimKind.INVARIANT}
    assert "licensing-system-verifies-licensees-only" in disproved
    (failure,) = [
        f for f in result.failures() if f.subject == "licensing-system-verifies-licensees-only"
    ]
    assert failure.status is Status.DISPROVED
    assert failure.witness is not None


# -- the sample log ---------------------------------------------------------------------------


def test_the_audit_of_the_washington_sample_log_finds_each_scenario_s_violation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "wa_search_log.jsonl"),
            "--cases",
            str(EXAMPLES / "wa_cases.jsonl"),
            "--jurisdiction",
            "US-WA",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {(v["request_id"], v["provisions"][0]) for v in report["violations"]}
    assert found == {
        ("WA-0002", "WA-USE"),
        ("WA-0004", "WA-SURVEILLANCE"),
        ("WA-0007", "WA-PROTECTED-GROUNDS"),
        ("WA-0008", "WA-FIRST-AMENDMENT"),
        ("WA-0009", "WA-SKETCH"),
        ("WA-0013", "WA-HUMAN-REVIEW"),
        ("WA-0013", "WA-DISCLOSE"),
        ("WA-0013", "WA-SOLE-BASIS"),
        ("WA-0015", "WA-SURVEILLANCE"),
        ("WA-0016", "WA-DOL-SYSTEM"),  # HSI has the Department of Licensing search
    }
    assert {row["outcome"]: row["requests"] for row in report["by_outcome"]} == {
        "permitted": 7,
        "forbidden": 6,
        "not_permitted": 1,
        "not_applicable": 2,
    }
