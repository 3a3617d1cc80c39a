"""Colorado, provision by provision: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

import json
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
    ProtectedGround,
    Purpose,
    SearchRequest,
    Suspicion,
    Technology,
    Verification,
    Version,
    Warrant,
)
from frpolicy import conditions as c
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.jurisdictions.us_co import ch463
from frpolicy.jurisdictions.us_co.common import AGENCIES
from frpolicy.policy import NO_LAW, Rule
from frpolicy.testing import LawPropertyError, check_property

CO = frpolicy.jurisdiction("US-CO")
LAW = CO.version("2022 Colo. Sess. Laws ch. 463")
WASHINGTON = frpolicy.jurisdiction("US-WA").version("Laws 2020 c 257")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"

SUBMITTED = datetime(2024, 11, 18, 17, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=1)

AGENCY = {a.id: a for a in AGENCIES}
CBI, DENVER, DMV, AIRPORT = AGENCY["CBI"], AGENCY["DENPD"], AGENCY["CODMV"], AGENCY["DEN"]
DISTRICT_ATTORNEY, FBI, HSI = AGENCY["DA2"], AGENCY["FBI-DN"], AGENCY["HSI-DN"]
WYOMING_HIGHWAY_PATROL = Agency(
    id="WHP", name="Wyoming Highway Patrol", kind=AgencyKind.STATE_POLICE, home="US-WY"
)

PLACES = ["US-CO", "US-WY", "CA-AB", "US", None]
LAW_ENFORCEMENT = {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
LIVE = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
SURVEILLANCE = {
    "ongoing-surveillance": {"ongoing_surveillance": True},
    "real-time": {"real_time": True},
    "live-video": {"probe": LIVE},
    "persistent-tracking": {"analysis": Analysis.TRACKING},
}


def request(**changes: Any) -> SearchRequest:
    """Denver police search a still image, after the fact, with a service they reported on."""
    fields: dict[str, Any] = {
        "id": "CO-TEST-1",
        "requesting_agency": DENVER,
        "performing_agency": DENVER,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("CRS-18-4-301"),
    }
    return SearchRequest(**(fields | changes))


def watching(**changes: Any) -> SearchRequest:
    """Denver police watch a live feed for a crowd's faces, for no investigation, on nothing."""
    fields: dict[str, Any] = {"purpose": Purpose.OTHER, "offense": None, "probe": LIVE}
    return request(**(fields | changes))


def warrant(**changes: Any) -> Warrant:
    fields: dict[str, Any] = {
        "case_number": "24SW1187",
        "court": CourtKind.DISTRICT_COURT,
        "judge": "Hon. A. Romero",
        "issued_at": SUBMITTED - timedelta(days=1),
        "expires_at": SUBMITTED + timedelta(days=10),
        "authorizes_facial_recognition": True,
    }
    return Warrant(**(fields | changes))


def court_order(**changes: Any) -> CourtOrder:
    fields: dict[str, Any] = {
        "docket_number": "24CV30551",
        "court": CourtKind.DISTRICT_COURT,
        "judge": "Hon. B. Lindqvist",
        "issued_at": SUBMITTED - timedelta(hours=3),
        "authorizes_facial_recognition": True,
        "purpose": Purpose.IDENTIFY_MISSING,
    }
    return CourtOrder(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def duties(decision: Decision) -> set[str]:
    return {o.duty for o in decision.obligations}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- a one-off identification: a service reported on, no warrant, no threshold -----------------


def test_a_denver_police_search_of_a_still_with_a_service_reported_on_needs_no_warrant() -> None:
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"CO-USE"}
    assert duties(decision) == {"CO-HUMAN-REVIEW", "CO-DISCLOSE", "CO-SOLE-BASIS"}
    assert_invariants_hold(LAW, request())


@pytest.mark.parametrize("code", [o.code for o in LAW.offenses])
def test_no_offense_threshold_applies(code: str) -> None:
    assert LAW.decide(request(offense=LAW.offense(code))) is Outcome.PERMITTED


def test_a_service_without_a_notice_of_intent_and_an_accountability_report_is_not_permitted() -> (
    None
):
    unreported = request(technology=Technology(name="Face search", approved=False))
    assert LAW.decide(unreported) is Outcome.NOT_PERMITTED
    assert_invariants_hold(LAW, unreported)


# -- surveillance, real-time identification, tracking: the four alternatives of 307(1) ---------


@pytest.mark.parametrize("changes", list(SURVEILLANCE.values()), ids=list(SURVEILLANCE))
def test_law_enforcement_surveillance_on_none_of_the_four_grounds_is_forbidden(
    changes: dict[str, Any],
) -> None:
    req = watching(**({"probe": request().probe} | changes))
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"CO-SURVEILLANCE"}
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(
    "changes",
    [
        {"warrant": warrant()},
        {"suspicion": Suspicion.PROBABLE_CAUSE},
        {"purpose": Purpose.CRIMINAL_INVESTIGATION},
        {"purpose": Purpose.IDENTIFY_MISSING, "court_order": court_order()},
        {
            "purpose": Purpose.IDENTIFY_DECEASED,
            "court_order": court_order(purpose=Purpose.IDENTIFY_DECEASED),
        },
    ],
    ids=[
        "a-warrant",
        "probable-cause",
        "leads-in-an-investigation",
        "order-for-a-missing-person",
        "order-for-a-deceased-person",
    ],
)
def test_any_one_of_the_four_grounds_lets_law_enforcement_watch_live_video(
    changes: dict[str, Any],
) -> None:
    req = watching(**changes)
    assert LAW.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(
    "changes",
    [
        {"warrant": warrant(expires_at=SUBMITTED)},
        {"warrant": warrant(authorizes_facial_recognition=False)},
        {"suspicion": Suspicion.REASONABLE_SUSPICION},
        {"court_order": court_order()},
        {"purpose": Purpose.IDENTIFY_MISSING, "court_order": court_order(purpose=None)},
    ],
    ids=[
        "expired-warrant",
        "warrant-not-for-the-service",
        "reasonable-suspicion",
        "missing-person-order-for-another-search",
        "order-naming-no-purpose",
    ],
)
def test_a_ground_that_falls_short_does_not_let_law_enforcement_watch(
    changes: dict[str, Any],
) -> None:
    assert LAW.decide(watching(**changes)) is Outcome.FORBIDDEN


OUTSIDE = {
    Purpose.FEDERALLY_MANDATED,
    Purpose.TRAVEL_VERIFICATION,
    Purpose.FACILITY_SECURITY,
    Purpose.REDACTION,
}
"""The purposes of a Denver police search the part does not reach (24-18-301, -309)."""
INVESTIGATING = {
    Purpose.CRIMINAL_INVESTIGATION,
    Purpose.IDENTIFY_VICTIM,
    Purpose.IDENTIFY_WITNESS,
    Purpose.SEIZED_MEDIA_ANALYSIS,
}


@pytest.mark.parametrize("purpose", list(Purpose), ids=lambda p: p.value)
def test_every_purpose_of_a_one_off_identification_and_of_watching_live(purpose: Purpose) -> None:
    still, live = request(purpose=purpose, offense=None), watching(purpose=purpose)
    if purpose in OUTSIDE:
        expected = (Outcome.NOT_APPLICABLE, Outcome.NOT_APPLICABLE)
    elif purpose is Purpose.RECORD_PROTECTED_ACTIVITY:
        expected = (Outcome.FORBIDDEN, Outcome.FORBIDDEN)
    else:  # watching live develops leads only in the investigation of a crime
        watched = Outcome.PERMITTED if purpose in INVESTIGATING else Outcome.FORBIDDEN
        expected = (Outcome.PERMITTED, watched)
    assert (LAW.decide(still), LAW.decide(live)) == expected
    assert_invariants_hold(LAW, live)


def test_read_so_a_missing_person_order_covers_any_search() -> None:
    order_only = LAW.with_readings({"co-court-order-purpose": "order-purpose-only"})
    assert order_only.decide(watching(court_order=court_order())) is Outcome.PERMITTED


def test_read_so_developing_leads_is_never_shown_by_a_request() -> None:
    not_shown = LAW.with_readings({"co-develop-leads": "not-shown"})
    investigation = watching(purpose=Purpose.CRIMINAL_INVESTIGATION)
    assert LAW.decide(investigation) is Outcome.PERMITTED
    assert not_shown.decide(investigation) is Outcome.FORBIDDEN
    assert not_shown.decide(watching(warrant=warrant())) is Outcome.PERMITTED
    assert_invariants_hold(not_shown, investigation)


def _anywhere(req: SearchRequest) -> SearchRequest:
    """The same search by police that state no home: each law takes them as its own."""
    police = attrs.evolve(DENVER, home=None)
    return attrs.evolve(req, requesting_agency=police, performing_agency=police)


def test_colorado_has_no_exigency_clause_where_washington_has_one() -> None:
    emergency = Emergency(
        harm=Harm.DEATH, immediate=True, declared_by="DPD-Lt-2291", declared_at=SUBMITTED
    )
    req = _anywhere(watching(purpose=Purpose.EMERGENCY, emergency=emergency))
    assert LAW.decide(req) is Outcome.FORBIDDEN
    assert WASHINGTON.decide(req) is Outcome.PERMITTED


def test_developing_leads_lets_colorado_police_watch_where_washington_needs_a_warrant() -> None:
    req = _anywhere(watching(purpose=Purpose.CRIMINAL_INVESTIGATION))
    assert LAW.decide(req) is Outcome.PERMITTED
    assert WASHINGTON.decide(req) is Outcome.FORBIDDEN


@pytest.mark.parametrize("agency", [DMV, AIRPORT], ids=["dmv", "airport"])
def test_the_limits_of_307_bind_law_enforcement_alone(agency: Agency) -> None:
    req = watching(requesting_agency=agency, performing_agency=agency)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert "CO-SOLE-BASIS" not in duties(decision)


# -- protected grounds and First Amendment activity -----------------------------------------------


@pytest.mark.parametrize(
    "ground",
    [
        ProtectedGround.GENDER_EXPRESSION,
        ProtectedGround.POLITICAL_VIEWS,
        ProtectedGround.LAWFUL_EVENT,
        ProtectedGround.IMMIGRATION_STATUS,
    ],
    ids=lambda g: g.value,
)
def test_no_search_is_based_on_a_protected_ground_gender_expression_among_them(
    ground: ProtectedGround,
) -> None:
    req = request(protected_grounds=frozenset({ground}), warrant=warrant())
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"CO-PROTECTED-GROUNDS"}
    assert_invariants_hold(LAW, req)


def test_no_search_is_made_to_record_first_amendment_activity() -> None:
    req = request(purpose=Purpose.RECORD_PROTECTED_ACTIVITY)
    assert determining(LAW.evaluate(req)) == {"CO-FIRST-AMENDMENT"}


def test_identifying_a_person_at_a_protest_is_such_a_record_only_when_read_so() -> None:
    protest = request(
        probe=ProbeImage(
            kind=MediaKind.STILL_IMAGE,
            source=ImageSource.SOCIAL_MEDIA,
            protected_activity=True,
        )
    )
    assert LAW.decide(protest) is Outcome.PERMITTED
    read_so = LAW.with_readings({"co-first-amendment-record": "any-identification"})
    assert read_so.decide(protest) is Outcome.FORBIDDEN


# -- who is bound: every kind of agency from every place ----------------------------------------


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_colorado_police_watching_for_anyone_from_anywhere_are_bound_by_307(
    kind: AgencyKind, home: str | None
) -> None:
    asker = Agency(id=f"ASK-{kind.value}", name="Requester", kind=kind, home=home)
    req = watching(requesting_agency=asker)
    assert LAW.decide(req) is Outcome.FORBIDDEN
    assert LAW.decide(request(requesting_agency=asker)) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_colorado_police_asking_any_body_anywhere_to_watch_are_bound_by_307(
    kind: AgencyKind, home: str | None
) -> None:
    searcher = Agency(id=f"RUN-{kind.value}", name="Searcher", kind=kind, home=home)
    req = watching(performing_agency=searcher)
    assert LAW.decide(req) is Outcome.FORBIDDEN
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_a_search_colorado_agencies_neither_ask_for_nor_run_is_not_colorados_to_govern(
    kind: AgencyKind, home: str | None
) -> None:
    agency = Agency(id=f"OWN-{kind.value}", name="Agency", kind=kind, home=home)
    req = watching(requesting_agency=agency, performing_agency=agency)
    of_colorado = home in {"US-CO", None} and kind not in {AgencyKind.FBI, AgencyKind.FEDERAL}
    if not of_colorado:
        assert LAW.decide(req) is Outcome.NOT_APPLICABLE
    elif kind in LAW_ENFORCEMENT:
        assert LAW.decide(req) is Outcome.FORBIDDEN
    else:
        assert LAW.decide(req) is Outcome.PERMITTED


def test_the_wyoming_highway_patrol_asking_the_cbi_is_governed_as_the_cbi_runs_the_search() -> None:
    req = watching(requesting_agency=WYOMING_HIGHWAY_PATROL, performing_agency=CBI)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert "CO-SOLE-BASIS" in duties(decision)


# -- outside the part ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"purpose": Purpose.FEDERALLY_MANDATED},
        {
            "purpose": Purpose.TRAVEL_VERIFICATION,
            "requesting_agency": AIRPORT,
            "performing_agency": AIRPORT,
            "analysis": Analysis.VERIFICATION,
        },
        {"purpose": Purpose.FACILITY_SECURITY, "analysis": Analysis.VERIFICATION},
        {"purpose": Purpose.REDACTION},
        {"analysis": Analysis.EMOTION_INFERENCE},
    ],
    ids=["federal-mandate", "airport-travellers", "access-control", "redaction", "emotion"],
)
def test_some_uses_are_outside_the_part(changes: dict[str, Any]) -> None:
    req = watching(**changes)
    assert LAW.decide(req) is Outcome.NOT_APPLICABLE
    assert_invariants_hold(LAW, req)


def test_redaction_is_outside_the_part_only_for_law_enforcement() -> None:
    req = request(
        purpose=Purpose.REDACTION, requesting_agency=DMV, performing_agency=DMV, offense=None
    )
    assert LAW.decide(req) is Outcome.PERMITTED


# -- duties: human review, disclosure before trial, probable cause, the January report ----------


def test_every_use_is_disclosed_to_the_defendant_before_trial_and_reviewed_by_a_person() -> None:
    decision = LAW.evaluate(request(requesting_agency=DMV, performing_agency=DMV))
    assert duties(decision) == {"CO-HUMAN-REVIEW", "CO-DISCLOSE"}
    (disclose,) = [o for o in decision.obligations if o.duty == "CO-DISCLOSE"]
    trial = Event(kind=EventKind.TRIAL, at=PERFORMED + timedelta(days=90))
    served = Event(
        kind=EventKind.NOTICE_SERVED,
        at=PERFORMED + timedelta(days=30),
        disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
    )
    later = PERFORMED + timedelta(days=120)
    assert disclose.check([trial, served], later).status is ObligationStatus.MET
    assert disclose.check([trial], later).status is ObligationStatus.VIOLATED
    (review,) = [o for o in decision.obligations if o.duty == "CO-HUMAN-REVIEW"]
    assert review.source.verification is Verification.SUMMARY


def test_a_result_is_never_the_sole_basis_for_probable_cause() -> None:
    (rule,) = [o for o in LAW.evaluate(request()).obligations if o.duty == "CO-SOLE-BASIS"]
    relied = Event(kind=EventKind.RESULT_RELIED_ON, at=PERFORMED + timedelta(days=1))
    corroborated = Event(kind=EventKind.RESULT_CORROBORATED, at=PERFORMED + timedelta(hours=2))
    later = PERFORMED + timedelta(days=3)
    assert rule.check([relied], later).status is ObligationStatus.VIOLATED
    assert rule.check([corroborated, relied], later).status is ObligationStatus.MET


def test_the_subject_of_a_surveillance_warrant_is_described_in_the_january_report() -> None:
    decision = LAW.evaluate(watching(warrant=warrant()))
    assert decision.outcome is Outcome.PERMITTED
    (report,) = [o for o in decision.obligations if o.duty == "CO-WARRANT-SUBJECTS"]
    assert report.due is None
    assert "CO-WARRANT-SUBJECTS" not in duties(LAW.evaluate(request(warrant=warrant())))
    assert "CO-WARRANT-SUBJECTS" not in duties(LAW.evaluate(watching(purpose=Purpose.EMERGENCY)))


# -- when the law is in force, and what was read -------------------------------------------------


def test_a_search_before_august_10_2022_is_judged_by_no_encoded_law() -> None:
    early = request(submitted_at=datetime(2022, 8, 9, 12, tzinfo=UTC), performed_at=None)
    decision = CO.evaluate(early)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.instrument == NO_LAW
    assert CO.in_force(date(2022, 8, 10)) is LAW


def test_the_rules_were_read_in_the_text_and_the_unread_sections_are_said_so() -> None:
    assert all(r.source.verification is Verification.TEXT for r in LAW.policy.rules)
    unread = {p.id for p in LAW.provisions if p.source.verification is Verification.UNVERIFIED}
    assert unread == {"CO-DEF-NOT-READ", "CO-306"}
    assert {r.id for r in LAW.readings} == {r.id for r in ch463.READINGS}


# -- invariants from the provisions catch a misread rule --------------------------------------


def _misread(code: str, rule_id: str, when: frpolicy.Predicate) -> frpolicy.Jurisdiction:
    """Colorado, with one rule's condition replaced: a module that misread the statute."""

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    policy = attrs.evolve(
        LAW.policy, jurisdiction=code, rules=tuple(misread(r) for r in LAW.policy.rules)
    )
    return frpolicy.Jurisdiction(
        code=code,
        name="Colorado misread",
        versions=(attrs.evolve(LAW, policy=policy),),
        agencies=AGENCIES,
    )


def test_a_colorado_rule_that_reads_only_political_views_is_caught_by_its_invariant() -> None:
    narrow = ch463.LAW_ENFORCEMENT & c.based_on(ProtectedGround.POLITICAL_VIEWS)
    misread = _misread("XX-MISREAD-GROUNDS", "CO-PROTECTED-GROUNDS", narrow)
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread, LAW.instrument.id, "invariants", max_examples=300)
    (failure,) = caught.value.failures
    assert "invariant 'no-protected-grounds' does not hold" in failure.detail


# -- the sample log ---------------------------------------------------------------------------


def test_the_audit_of_the_colorado_sample_log_finds_each_scenario_s_violation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "co_search_log.jsonl"),
            "--jurisdiction",
            "US-CO",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {v["request_id"]: v["provisions"] for v in report["violations"]}
    assert found == {
        "CO-0005": ["CO-SURVEILLANCE"],
        "CO-0006": ["CO-PROTECTED-GROUNDS"],
        "CO-0007": ["CO-FIRST-AMENDMENT"],
        "CO-0008": ["CO-USE"],
        "CO-0011": ["CO-SURVEILLANCE"],
    }
    (subjects,) = [o for o in report["obligations"] if o["duty"] == "CO-WARRANT-SUBJECTS"]
    # two searches under surveillance warrants: one described in January, one left out
    assert (subjects["met"], subjects["pending"], subjects["violated"]) == (1, 1, 0)
