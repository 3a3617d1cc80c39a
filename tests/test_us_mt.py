"""Montana, provision by provision: each scenario names what it proves, in the law's terms."""

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
    Classification,
    CourtKind,
    Decision,
    Disclosure,
    Emergency,
    Event,
    EventKind,
    Harm,
    ImageSource,
    InconsistentRequest,
    MediaKind,
    ObligationStatus,
    Offense,
    Outcome,
    Penalty,
    ProbeImage,
    Purpose,
    SearchRequest,
    Suspicion,
    Technology,
    Verification,
    Version,
    Warrant,
)
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.jurisdictions.us_mt import ch781
from frpolicy.jurisdictions.us_mt.common import AGENCIES
from frpolicy.jurisdictions.us_mt.offenses import SERIOUS_CRIMES, classify
from frpolicy.policy import NO_LAW, Rule
from frpolicy.testing import LawPropertyError, check_property

MT = frpolicy.jurisdiction("US-MT")
LAW = MT.version("Laws of Montana 2023, ch. 781")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"

SUBMITTED = datetime(2024, 8, 12, 16, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=2)

AGENCY = {a.id: a for a in AGENCIES}
DCI, HIGHWAY_PATROL, MVD = AGENCY["MTDOJ-DCI"], AGENCY["MHP"], AGENCY["MVD"]
BILLINGS, COUNTY_ATTORNEY, LABOR = AGENCY["BILPD"], AGENCY["YCAO"], AGENCY["DLI"]
FBI, BORDER_PATROL = AGENCY["FBI-BIL"], AGENCY["USBP-HAV"]
IDAHO_STATE_POLICE = Agency(
    id="ISP", name="Idaho State Police", kind=AgencyKind.STATE_POLICE, home="US-ID"
)

PLACES = ["US-MT", "US-ID", "CA-AB", "US", None]
LAW_ENFORCEMENT = {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
"""Montana's law enforcement agencies (44-15-103), by kind."""
ANY_LAW_ENFORCEMENT = LAW_ENFORCEMENT | {AgencyKind.FBI, AgencyKind.FEDERAL}
EXCEPTED = {
    Purpose.CRIMINAL_INVESTIGATION,
    Purpose.IDENTIFY_VICTIM,
    Purpose.IDENTIFY_WITNESS,
    Purpose.SEIZED_MEDIA_ANALYSIS,
    Purpose.IDENTIFY_MISSING,
    Purpose.IDENTIFY_DECEASED,
}
"""The purposes 44-15-106 excepts from the ban, as reported."""


def warrant(**changes: Any) -> Warrant:
    fields: dict[str, Any] = {
        "case_number": "DC-24-0815",
        "court": CourtKind.DISTRICT_COURT,
        "judge": "Hon. J. Harada",
        "issued_at": SUBMITTED - timedelta(days=1),
        "expires_at": SUBMITTED + timedelta(days=10),
        "authorizes_facial_recognition": True,
    }
    return Warrant(**(fields | changes))


def emergency(**changes: Any) -> Emergency:
    fields: dict[str, Any] = {
        "harm": Harm.DEATH,
        "immediate": True,
        "declared_by": "BILPD-Sgt-4410",
        "declared_at": SUBMITTED,
    }
    return Emergency(**(fields | changes))


def request(**changes: Any) -> SearchRequest:
    """Billings police ask the Department to search a still, for a robbery, on a warrant."""
    fields: dict[str, Any] = {
        "id": "MT-TEST-1",
        "requesting_agency": BILLINGS,
        "performing_agency": DCI,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("MCA-45-5-401"),
        "suspicion": Suspicion.PROBABLE_CAUSE,
        "warrant": warrant(),
    }
    return SearchRequest(**(fields | changes))


def identification(purpose: Purpose, **changes: Any) -> SearchRequest:
    """A request to identify someone, with no crime, no suspicion and no warrant stated."""
    fields: dict[str, Any] = {"offense": None, "suspicion": Suspicion.NONE, "warrant": None}
    return request(purpose=purpose, **(fields | changes))


def verification(**changes: Any) -> SearchRequest:
    """The Department of Labor and Industry verifies a claimant's identity, under its policy."""
    fields: dict[str, Any] = {
        "purpose": Purpose.NON_INVESTIGATIVE,
        "requesting_agency": LABOR,
        "performing_agency": LABOR,
        "analysis": Analysis.VERIFICATION,
        "offense": None,
        "suspicion": Suspicion.NONE,
        "warrant": None,
    }
    return request(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def duties(decision: Decision) -> set[str]:
    return {o.duty for o in decision.obligations}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- a serious crime: probable cause, and a warrant unless a person is in imminent danger ------


def test_a_billings_police_request_to_the_department_for_a_robbery_on_a_warrant_is_permitted() -> (
    None
):
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MT-SUSPECT"}
    assert duties(decision) == {
        "MT-DISCLOSE",
        "MT-SOLE-BASIS",
        "MT-LOCAL-REPORT",
        "MT-DEPARTMENT-REPORT",
    }
    assert "[news, medium confidence]" in decision.explain()
    assert_invariants_hold(LAW, request())


def test_a_search_for_a_serious_crime_without_a_warrant_is_not_permitted_for_want_of_it() -> None:
    req = request(warrant=None)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: (a warrant authorizes the facial-recognition search" in decision.explain()
    # the search is refused, but its request is still disclosed and, if run, reported
    assert "MT-DISCLOSE" in duties(decision)
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"warrant": warrant(authorizes_facial_recognition=False)}, Outcome.NOT_PERMITTED),
        ({"warrant": warrant(expires_at=SUBMITTED)}, Outcome.NOT_PERMITTED),
        ({"warrant": None, "emergency": emergency()}, Outcome.PERMITTED),
        (
            {"warrant": None, "emergency": emergency(harm=Harm.SERIOUS_PHYSICAL_INJURY)},
            Outcome.PERMITTED,
        ),
        ({"warrant": None, "emergency": emergency(harm=Harm.OTHER)}, Outcome.NOT_PERMITTED),
        ({"warrant": None, "emergency": emergency(immediate=False)}, Outcome.NOT_PERMITTED),
    ],
    ids=[
        "warrant-not-for-facial-recognition",
        "warrant-expired",
        "imminent-threat-of-death",
        "imminent-threat-of-injury",
        "threat-to-property-only",
        "threat-not-imminent",
    ],
)
def test_only_a_warrant_in_force_for_the_search_or_an_imminent_threat_to_a_person_will_do(
    changes: dict[str, Any], expected: Outcome
) -> None:
    req = request(**changes)
    assert LAW.decide(req) is expected
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize("code", [o.code for o in LAW.offenses])
def test_a_serious_crime_is_one_of_the_closed_list_whatever_its_sentence(code: str) -> None:
    offense = LAW.offense(code)
    serious = SERIOUS_CRIMES.id in offense.listed_in
    expected = Outcome.PERMITTED if serious else Outcome.NOT_PERMITTED
    assert LAW.decide(request(offense=offense)) is expected
    assert_invariants_hold(LAW, request(offense=offense))


def test_burglary_carries_twenty_years_and_is_no_serious_crime_while_indecent_exposure_to_a_minor_is() -> (  # noqa: E501 - the name is the sentence
    None
):
    burglary = LAW.offense("MCA-45-6-204")
    assert classify(burglary.penalty) is Classification.FELONY
    assert LAW.decide(request(offense=burglary)) is Outcome.NOT_PERMITTED
    assert LAW.decide(request(offense=LAW.offense("MCA-45-5-504-3"))) is Outcome.PERMITTED
    assert LAW.decide(request(offense=LAW.offense("MCA-45-5-504-1"))) is Outcome.NOT_PERMITTED


def test_a_substantially_similar_crime_of_another_state_is_a_serious_crime_when_tagged_so() -> None:
    idaho_robbery = Offense(
        code="ID-18-6501",
        title="Robbery (Idaho)",
        citation="Idaho Code §18-6501",
        penalty=Penalty(life=True),
        listed_in=frozenset({SERIOUS_CRIMES.id}),
    )
    assert LAW.decide(request(offense=idaho_robbery)) is Outcome.PERMITTED
    untagged = attrs.evolve(idaho_robbery, listed_in=frozenset())
    assert LAW.decide(request(offense=untagged)) is Outcome.NOT_PERMITTED


def test_reasonable_suspicion_of_a_serious_crime_is_not_the_probable_cause_montana_asks() -> None:
    decision = LAW.evaluate(request(suspicion=Suspicion.REASONABLE_SUSPICION))
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: there is probable cause" in decision.explain()


def test_the_list_not_the_class_the_client_sends_draws_the_line() -> None:
    robbery = attrs.evolve(LAW.offense("MCA-45-5-401"), classification=Classification.MISDEMEANOR)
    req = request(offense=robbery)
    assert LAW.decide(req) is Outcome.PERMITTED
    (problem,) = LAW.problems(req)
    assert "US-MT law classes an offense with this penalty as 'felony'" in problem
    with pytest.raises(InconsistentRequest):
        LAW.evaluate(req, strict=True)


def test_a_catalog_offense_sent_without_the_list_it_is_on_is_refused() -> None:
    untagged = attrs.evolve(LAW.offense("MCA-45-5-202"), listed_in=frozenset())
    (problem,) = LAW.problems(request(offense=untagged))
    assert problem.startswith("$.offense.listed_in: 'MCA-45-5-202' is on US-MT:serious-crime")


# -- victims, witnesses, missing and deceased persons ------------------------------------------


@pytest.mark.parametrize("purpose", [Purpose.IDENTIFY_VICTIM, Purpose.IDENTIFY_WITNESS])
def test_a_victim_or_a_witness_of_a_serious_crime_is_sought_on_probable_cause_and_a_warrant(
    purpose: Purpose,
) -> None:
    assert LAW.decide(request(purpose=purpose)) is Outcome.PERMITTED
    assert LAW.decide(request(purpose=purpose, warrant=None)) is Outcome.NOT_PERMITTED
    theft = LAW.offense("MCA-45-6-301")
    assert LAW.decide(request(purpose=purpose, offense=theft)) is Outcome.NOT_PERMITTED
    suspects_only = LAW.with_readings({"mt-warrant": "suspects-only"})
    assert suspects_only.decide(request(purpose=purpose, warrant=None)) is Outcome.PERMITTED
    assert suspects_only.decide(request(warrant=None)) is Outcome.NOT_PERMITTED


@pytest.mark.parametrize("purpose", [Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_DECEASED])
def test_a_missing_or_deceased_person_is_identified_without_a_crime_or_a_warrant(
    purpose: Purpose,
) -> None:
    decision = LAW.evaluate(identification(purpose))
    assert decision.outcome is Outcome.PERMITTED
    expected = "MT-MISSING" if purpose is Purpose.IDENTIFY_MISSING else "MT-DECEASED"
    assert determining(decision) == {expected}
    every_search = LAW.with_readings({"mt-warrant": "every-search"})
    assert every_search.decide(identification(purpose)) is Outcome.NOT_PERMITTED
    assert every_search.decide(identification(purpose, warrant=warrant())) is Outcome.PERMITTED


@pytest.mark.parametrize(
    "purpose", [p for p in Purpose if p not in EXCEPTED], ids=lambda p: p.value
)
def test_no_other_purpose_is_excepted_from_the_ban(purpose: Purpose) -> None:
    req = request(purpose=purpose)
    decision = LAW.evaluate(req)
    if purpose in {Purpose.TRAVEL_VERIFICATION, Purpose.FACILITY_SECURITY}:
        assert decision.outcome is Outcome.NOT_APPLICABLE
    else:
        assert decision.outcome is Outcome.FORBIDDEN
        assert determining(decision) == {"MT-BAN"}
    assert_invariants_hold(LAW, req)


def test_a_missing_or_incapacitated_person_not_said_which_is_not_a_missing_person() -> None:
    req = identification(Purpose.IDENTIFY_MISSING_OR_INCAPACITATED)
    assert LAW.decide(req) is Outcome.FORBIDDEN


# -- continuous facial surveillance -------------------------------------------------------------

WATCHING = {
    "watchlist": {"continuous_surveillance": True},
    "real-time": {"real_time": True},
    "live-video": {
        "probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
    },
    "following-a-person": {"ongoing_surveillance": True},
    "tracking": {"analysis": Analysis.TRACKING},
}


@pytest.mark.parametrize("changes", list(WATCHING.values()), ids=list(WATCHING))
def test_continuous_facial_surveillance_is_forbidden_even_on_a_warrant_for_a_serious_crime(
    changes: dict[str, Any],
) -> None:
    req = request(**changes)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert "MT-CONTINUOUS" in determining(decision)
    assert_invariants_hold(LAW, req)
    unless_excepted = LAW.with_readings({"mt-continuous-surveillance": "unless-excepted"})
    assert unless_excepted.decide(req) is Outcome.PERMITTED
    assert unless_excepted.decide(request(warrant=None, **changes)) is Outcome.NOT_PERMITTED


def test_one_frame_from_stored_footage_searched_once_is_not_continuous_surveillance() -> None:
    frame = ProbeImage(kind=MediaKind.VIDEO_FRAME, source=ImageSource.SURVEILLANCE_CAMERA)
    assert LAW.decide(request(probe=frame)) is Outcome.PERMITTED


# -- who is bound, who may ask, who may run: every kind of agency from every place -------------


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_the_department_searches_for_law_enforcement_from_anywhere_and_for_no_one_else(
    kind: AgencyKind, home: str | None
) -> None:
    asker = Agency(id=f"ASK-{kind.value}", name="Requester", kind=kind, home=home)
    req = request(requesting_agency=asker)
    decision = LAW.evaluate(req)
    expected = Outcome.PERMITTED if kind in ANY_LAW_ENFORCEMENT else Outcome.FORBIDDEN
    assert decision.outcome is expected
    # the Department counts every search it runs, with who asked for it
    assert "MT-DEPARTMENT-REPORT" in duties(decision)
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_a_montana_request_is_run_by_montana_law_enforcement_or_by_a_body_outside_montana(
    kind: AgencyKind, home: str | None
) -> None:
    searcher = Agency(id=f"RUN-{kind.value}", name="Searcher", kind=kind, home=home)
    req = request(performing_agency=searcher)
    of_montana = home in {"US-MT", None}
    allowed = kind in LAW_ENFORCEMENT if of_montana else True
    assert LAW.decide(req) is (Outcome.PERMITTED if allowed else Outcome.FORBIDDEN)
    department = LAW.with_readings({"mt-route": "through-the-department"})
    only_the_department = kind is AgencyKind.STATE_POLICE and of_montana
    expected = Outcome.PERMITTED if only_the_department else Outcome.FORBIDDEN
    assert department.decide(req) is expected
    assert_invariants_hold(department, req)


@pytest.mark.parametrize(
    "agency", [FBI, BORDER_PATROL, IDAHO_STATE_POLICE], ids=["fbi", "border-patrol", "idaho"]
)
def test_a_search_an_agency_from_outside_montana_runs_for_itself_is_not_montanas_to_govern(
    agency: Agency,
) -> None:
    req = request(requesting_agency=agency, performing_agency=agency, warrant=None)
    assert LAW.decide(req) is Outcome.NOT_APPLICABLE
    assert_invariants_hold(LAW, req)


def test_read_so_the_department_serves_montana_agencies_only() -> None:
    idaho = request(requesting_agency=IDAHO_STATE_POLICE)
    assert LAW.decide(idaho) is Outcome.PERMITTED
    montana_only = LAW.with_readings({"mt-out-of-state": "montana-agencies-only"})
    assert montana_only.decide(idaho) is Outcome.FORBIDDEN
    assert montana_only.decide(request(requesting_agency=FBI)) is Outcome.FORBIDDEN
    assert montana_only.decide(request()) is Outcome.PERMITTED
    assert_invariants_hold(montana_only, idaho)


def test_another_states_request_owes_montana_no_local_report_and_no_sole_basis_duty() -> None:
    decision = LAW.evaluate(request(requesting_agency=IDAHO_STATE_POLICE))
    assert duties(decision) == {"MT-DISCLOSE", "MT-DEPARTMENT-REPORT"}


@pytest.mark.parametrize("agency", [MVD, LABOR], ids=["motor-vehicle-division", "labor"])
def test_an_agency_that_is_not_law_enforcement_may_not_identify_anyone_even_the_dead(
    agency: Agency,
) -> None:
    asked = identification(Purpose.IDENTIFY_DECEASED, requesting_agency=agency)
    assert LAW.decide(asked) is Outcome.FORBIDDEN
    run = identification(Purpose.IDENTIFY_DECEASED, performing_agency=agency)
    assert LAW.decide(run) is Outcome.FORBIDDEN


def test_a_county_attorney_is_law_enforcement_and_may_ask_the_department() -> None:
    assert LAW.decide(request(requesting_agency=COUNTY_ATTORNEY)) is Outcome.PERMITTED


# -- facial verification under a written policy ----------------------------------------------------


def test_another_agency_verifies_a_known_person_under_its_written_use_and_privacy_policy() -> None:
    decision = LAW.evaluate(verification())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MT-VERIFICATION"}
    assert decision.determining[0].source.verification is Verification.TEXT
    no_policy = verification(technology=Technology(name="Face match", approved=False))
    assert LAW.decide(no_policy) is Outcome.NOT_PERMITTED
    assert LAW.decide(verification(analysis=Analysis.IDENTIFICATION)) is Outcome.FORBIDDEN


def test_the_police_verify_only_as_106_allows_unless_read_otherwise() -> None:
    police = verification(requesting_agency=BILLINGS, performing_agency=BILLINGS)
    assert LAW.decide(police) is Outcome.FORBIDDEN
    any_agency = LAW.with_readings({"mt-verification": "any-agency"})
    assert any_agency.decide(police) is Outcome.PERMITTED
    assert_invariants_hold(any_agency, police)


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"purpose": Purpose.TRAVEL_VERIFICATION}, "travellers verified with a federal agency"),
        (
            {"purpose": Purpose.FACILITY_SECURITY, "analysis": Analysis.IDENTIFICATION},
            "guarding access to a place",
        ),
        ({"analysis": Analysis.EMOTION_INFERENCE}, "no identification or verification"),
    ],
    ids=["travel", "access-control", "emotion"],
)
def test_some_uses_are_outside_the_chapter(changes: dict[str, Any], why: str) -> None:
    req = verification(**changes)
    assert LAW.decide(req) is Outcome.NOT_APPLICABLE, why


# -- duties: disclosure before trial, the reports of June 30 and September 1 --------------------


def test_every_search_montana_police_ask_for_is_disclosed_to_the_defendant_before_trial() -> None:
    (disclose,) = [o for o in LAW.evaluate(request()).obligations if o.duty == "MT-DISCLOSE"]
    trial = Event(kind=EventKind.TRIAL, at=PERFORMED + timedelta(days=120))
    served = Event(
        kind=EventKind.NOTICE_SERVED,
        at=PERFORMED + timedelta(days=60),
        disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
    )
    later = PERFORMED + timedelta(days=200)
    assert disclose.check([trial], later).status is ObligationStatus.VIOLATED
    assert disclose.check([trial, served], later).status is ObligationStatus.MET


def test_a_refused_search_run_anyway_is_still_counted_in_the_local_and_department_reports() -> None:
    decision = LAW.evaluate(request(warrant=None))
    assert decision.outcome is Outcome.NOT_PERMITTED
    (local,) = [o for o in decision.obligations if o.duty == "MT-LOCAL-REPORT"]
    assert local.due is None
    reported = Event(kind=EventKind.SEARCH_REPORTED, at=datetime(2025, 6, 2, tzinfo=UTC))
    assert local.check([reported], datetime(2025, 7, 1, tzinfo=UTC)).status is (
        ObligationStatus.MET
    )
    assert local.check([], datetime(2026, 1, 1, tzinfo=UTC)).status is ObligationStatus.PENDING
    assert "MT-DEPARTMENT-REPORT" in duties(decision)


def test_a_search_the_billings_police_run_themselves_is_theirs_to_report_not_the_departments() -> (
    None
):
    decision = LAW.evaluate(request(performing_agency=BILLINGS))
    assert decision.outcome is Outcome.PERMITTED
    assert duties(decision) == {"MT-DISCLOSE", "MT-SOLE-BASIS", "MT-LOCAL-REPORT"}


def test_a_result_relied_on_for_probable_cause_alone_breaks_the_reported_rule() -> None:
    (rule,) = [o for o in LAW.evaluate(request()).obligations if o.duty == "MT-SOLE-BASIS"]
    relied = Event(kind=EventKind.RESULT_RELIED_ON, at=PERFORMED + timedelta(days=1))
    corroborated = Event(kind=EventKind.RESULT_CORROBORATED, at=PERFORMED + timedelta(hours=5))
    later = PERFORMED + timedelta(days=5)
    assert rule.check([relied], later).status is ObligationStatus.VIOLATED
    assert rule.check([corroborated, relied], later).status is ObligationStatus.MET
    assert rule.source.verification is Verification.NEWS


# -- when the law is in force, and what was read -------------------------------------------------


def test_a_search_before_june_29_2023_is_judged_by_no_encoded_law() -> None:
    early = request(
        submitted_at=datetime(2023, 6, 1, tzinfo=UTC),
        performed_at=None,
        warrant=warrant(issued_at=datetime(2023, 5, 30, tzinfo=UTC)),
    )
    decision = MT.evaluate(early)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.instrument == NO_LAW
    assert MT.in_force(date(2023, 6, 29)) is LAW


def test_the_warrant_rests_on_the_news_and_the_definitions_on_the_text() -> None:
    sources = {r.id: r.source.verification for r in LAW.policy.rules}
    assert sources["MT-SUSPECT"] is Verification.NEWS
    assert sources["MT-VERIFICATION"] is Verification.TEXT
    read = {p.id for p in LAW.provisions if p.source.verification is Verification.TEXT}
    assert {"MT-DEF", "MT-108-POLICY", "MT-110-POLICY", "MT-PENALTY", "MT-AUDIT"} <= read
    assert SERIOUS_CRIMES.source.verification is Verification.TEXT
    assert {r.id for r in LAW.readings} == {r.id for r in ch781.READINGS}


# -- invariants from the provisions catch a misread rule --------------------------------------


def _misread(code: str, rule_id: str, when: frpolicy.Predicate) -> frpolicy.Jurisdiction:
    """Montana, with one rule's condition replaced: a module that misread the statute."""

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    policy = attrs.evolve(
        LAW.policy, jurisdiction=code, rules=tuple(misread(r) for r in LAW.policy.rules)
    )
    return frpolicy.Jurisdiction(
        code=code,
        name="Montana misread",
        versions=(attrs.evolve(LAW, policy=policy),),
        agencies=AGENCIES,
    )


def test_a_montana_rule_that_forgets_the_warrant_is_caught_by_its_invariant() -> None:
    forgetful = ch781.SUSPECT & ch781.PROBABLE_CAUSE & ch781.SERIOUS_CRIME
    misread = _misread("XX-MISREAD-WARRANT", "MT-SUSPECT", forgetful)
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread, LAW.instrument.id, "invariants", max_examples=300)
    (failure,) = caught.value.failures
    assert "invariant 'warrant-required' does not hold" in failure.detail


# -- the sample log ---------------------------------------------------------------------------


def test_the_audit_of_the_montana_sample_log_finds_each_scenario_s_violation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "mt_search_log.jsonl"),
            "--cases",
            str(EXAMPLES / "mt_cases.jsonl"),
            "--jurisdiction",
            "US-MT",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {v["request_id"]: v["provisions"] for v in report["violations"]}
    assert set(found) == {"MT-0006", "MT-0007", "MT-0008", "MT-0010", "MT-0011"}
    # a search the law does not allow names the closest permission first: the warrant, the list
    assert found["MT-0006"][0] == found["MT-0007"][0] == "MT-SUSPECT"
    assert found["MT-0008"] == ["MT-CONTINUOUS"]
    assert found["MT-0010"] == ["MT-BAN"]
    assert found["MT-0011"] == ["MT-DISCLOSE"]  # permitted, but never disclosed before trial
    counts = {o["duty"]: (o["met"], o["pending"], o["violated"]) for o in report["obligations"]}
    # the victim search of number 5 is left out of both reports; the FBI's is not Montana's
    assert counts["MT-LOCAL-REPORT"] == (8, 1, 0)
    assert counts["MT-DEPARTMENT-REPORT"] == (7, 1, 0)
