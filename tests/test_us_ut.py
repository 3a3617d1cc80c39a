"""Utah, provision by provision: each scenario names what it proves, in the law's terms."""

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
    Classification,
    Database,
    Decision,
    Emergency,
    Event,
    EventKind,
    Harm,
    ImageSource,
    InconsistentRequest,
    MediaKind,
    ObligationStatus,
    Outcome,
    ProbeImage,
    Purpose,
    SearchRequest,
    Technology,
    Verification,
    Version,
)
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.jurisdictions.us_ut import ch200
from frpolicy.jurisdictions.us_ut.common import AGENCIES
from frpolicy.policy import Rule
from frpolicy.testing import LawPropertyError, check_property

UT = frpolicy.jurisdiction("US-UT")
LAW = UT.version("Laws of Utah 2021, ch. 200")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"

SUBMITTED = datetime(2024, 9, 17, 16, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=2)

AGENCY = {a.id: a for a in AGENCIES}
SIAC, HIGHWAY_PATROL, DRIVER_LICENSE = AGENCY["DPS-SIAC"], AGENCY["UHP"], AGENCY["DLD"]
SALT_LAKE_POLICE, SHERIFF, PROSECUTOR = AGENCY["SLCPD"], AGENCY["UCSO"], AGENCY["SLCODA"]
WORKFORCE, FBI, HSI = AGENCY["DWS"], AGENCY["FBI-SU"], AGENCY["HSI-SLC"]

DRIVER_LICENSES = frozenset({Database.MOTOR_VEHICLE_RECORDS})
LAW_ENFORCEMENT = {
    AgencyKind.LOCAL_POLICE,
    AgencyKind.STATE_POLICE,
    AgencyKind.PROSECUTOR,
    AgencyKind.FBI,
    AgencyKind.FEDERAL,
}
IDENTIFICATIONS: set[Purpose] = {Purpose.IDENTIFY_DECEASED, Purpose.IDENTIFY_INCAPACITATED}
"""103(2)(c)(ii): deceased, incapacitated (and at risk, which the adopted reading does not
take a missing person to be)."""
PLACES = ["US-UT", "US-NV", "CA-QC", "US", None]


def request(**changes: Any) -> SearchRequest:
    """Salt Lake City police ask the Department to compare a still image, in a robbery case."""
    fields: dict[str, Any] = {
        "id": "UT-TEST-1",
        "requesting_agency": SALT_LAKE_POLICE,
        "performing_agency": SIAC,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=False),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("UT-76-6-301"),
        "databases": DRIVER_LICENSES,
        "written_request": True,
        "case_number": "SL2024-118233",
        "factual_narrative": "A store camera recorded the person taking cash at gunpoint.",
    }
    return SearchRequest(**(fields | changes))


def identification(purpose: Purpose, **changes: Any) -> SearchRequest:
    """A written request with a case number, to identify someone: no crime is stated."""
    return request(purpose=purpose, offense=None, factual_narrative=None, **changes)


def threat(harm: Harm) -> Emergency:
    return Emergency(harm=harm, immediate=True, declared_by="SLCPD-4411", declared_at=SUBMITTED)


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- 103(2)(b)-(c): the request, its case number, its purposes --------------------------------


def test_a_written_police_request_with_a_case_number_to_investigate_a_felony_is_completed_without_a_warrant() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert request().warrant is None
    assert determining(decision) == {"UT-FELONY-OR-VIOLENT-CRIME"}
    assert {str(r.citation) for r in decision.determining} == {
        "Utah Code §77-23e-103(2)(b)-(c) (Laws of Utah 2021, ch. 200)"
    }
    assert {o.duty for o in decision.obligations} == {"UT-ANNUAL-REPORT"}
    assert_invariants_hold(LAW, request())


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"case_number": None}, "not: the request includes a case identification number"),
        ({"written_request": False}, "not: the request was submitted in writing"),
        ({"factual_narrative": None}, "not: the request states the specific crime"),
        ({"offense": None}, "not: the request states the specific crime"),
    ],
    ids=["no-case-number", "not-in-writing", "no-narrative", "no-crime-stated"],
)
def test_a_request_without_its_case_number_writing_crime_or_narrative_is_not_completed(
    changes: dict[str, Any], missing: str
) -> None:
    decision = LAW.evaluate(request(**changes))
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert missing in decision.explain()
    assert_invariants_hold(LAW, request(**changes))


@pytest.mark.parametrize("code", [o.code for o in LAW.offenses])
def test_a_comparison_investigates_a_felony_or_a_violent_crime_and_no_lesser_crime(
    code: str,
) -> None:
    offense = LAW.offense(code)
    felony = offense.penalty.life or (offense.penalty.max_term_months or 0) > 12
    violent = frpolicy.OffenseCategory.VIOLENT in offense.categories
    expected = Outcome.PERMITTED if felony or violent else Outcome.NOT_PERMITTED
    assert LAW.decide(request(offense=offense)) is expected


def test_a_felony_is_read_from_the_penalty_not_the_class_the_client_sends() -> None:
    burglary = attrs.evolve(LAW.offense("UT-76-6-202"), classification=Classification.MISDEMEANOR)
    req = request(offense=burglary)
    assert LAW.decide(req) is Outcome.PERMITTED
    (problem,) = LAW.problems(req)
    assert "US-UT law classes an offense with this penalty as 'felony'" in problem
    with pytest.raises(InconsistentRequest):
        LAW.evaluate(req, strict=True)
    theft = LAW.offense("UT-76-6-404-MA")  # a class A misdemeanor: 364 days
    assert theft.classification is Classification.MISDEMEANOR
    assert LAW.decide(request(offense=theft)) is Outcome.NOT_PERMITTED


def test_a_threat_to_human_life_needs_no_crime_but_a_lesser_harm_is_not_one() -> None:
    to_life = identification(Purpose.EMERGENCY, emergency=threat(Harm.DEATH))
    decision = LAW.evaluate(to_life)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"UT-THREAT-TO-LIFE"}
    injury = identification(Purpose.EMERGENCY, emergency=threat(Harm.SERIOUS_PHYSICAL_INJURY))
    assert LAW.decide(injury) is Outcome.NOT_PERMITTED


def test_a_threat_to_life_in_a_criminal_investigation_still_states_the_crime_and_narrative() -> (
    None
):
    trespass = LAW.offense("UT-76-6-206")
    with_narrative = request(offense=trespass, emergency=threat(Harm.DEATH))
    assert LAW.decide(with_narrative) is Outcome.PERMITTED
    without = attrs.evolve(with_narrative, factual_narrative=None)
    assert LAW.decide(without) is Outcome.NOT_PERMITTED


@pytest.mark.parametrize("purpose", [p for p in Purpose if p in IDENTIFICATIONS])
def test_identifying_a_deceased_or_incapacitated_person_needs_no_crime(purpose: Purpose) -> None:
    decision = LAW.evaluate(identification(purpose))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"UT-IDENTIFY"}


@pytest.mark.parametrize("purpose", list(Purpose), ids=lambda p: p.value)
def test_without_a_crime_or_a_threat_only_the_identifications_of_103_2_c_ii_are_completed(
    purpose: Purpose,
) -> None:
    req = identification(purpose)
    expected = Outcome.PERMITTED if purpose in IDENTIFICATIONS else Outcome.NOT_PERMITTED
    assert LAW.decide(req) is expected
    assert_invariants_hold(LAW, req)


def test_a_missing_person_is_at_risk_and_unable_to_give_an_identity_only_when_read_so() -> None:
    missing = identification(Purpose.IDENTIFY_MISSING)
    assert LAW.decide(missing) is Outcome.NOT_PERMITTED
    at_risk = LAW.with_readings({"ut-missing-person": "at-risk"})
    assert at_risk.decide(missing) is Outcome.PERMITTED
    (reading,) = at_risk.evaluate(missing).readings
    assert reading.id == "ut-missing-person"


@pytest.mark.parametrize(
    "purpose",
    [Purpose.IDENTIFY_VICTIM, Purpose.IDENTIFY_WITNESS],
    ids=["victim", "witness"],
)
def test_identifying_a_victim_or_a_witness_investigates_the_crime_and_states_it(
    purpose: Purpose,
) -> None:
    assert LAW.decide(request(purpose=purpose)) is Outcome.PERMITTED
    assert LAW.decide(identification(purpose)) is Outcome.NOT_PERMITTED


# -- 103(2)(a)(i): only law enforcement asks, from any place -----------------------------------


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_only_a_law_enforcement_agency_of_any_place_may_ask_the_department_for_a_comparison(
    kind: AgencyKind, home: str | None
) -> None:
    asker = Agency(id=f"ASK-{kind.value}", name="Requester", kind=kind, home=home)
    decision = LAW.evaluate(request(requesting_agency=asker))
    if kind in LAW_ENFORCEMENT:
        assert decision.outcome is Outcome.PERMITTED
    else:
        assert determining(decision) == {"UT-LAW-ENFORCEMENT-ONLY"}
    assert {o.duty for o in decision.obligations} == {"UT-ANNUAL-REPORT"}


def test_the_department_checks_a_license_application_without_a_request() -> None:
    req = identification(
        Purpose.LICENSE_ISSUANCE,
        requesting_agency=DRIVER_LICENSE,
        written_request=False,
        case_number=None,
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"UT-LICENSE-APPLICATIONS"}
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize("asker", [DRIVER_LICENSE, WORKFORCE], ids=["driver-license", "workforce"])
def test_a_body_that_is_not_law_enforcement_may_not_have_a_criminal_comparison_run(
    asker: Agency,
) -> None:
    decision = LAW.evaluate(request(requesting_agency=asker))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"UT-LAW-ENFORCEMENT-ONLY"}


# -- 104(1) and 105(2): the Department alone on its databases; notice before use -----------------


@pytest.mark.parametrize(
    "agency", [SALT_LAKE_POLICE, SHERIFF, PROSECUTOR, WORKFORCE], ids=lambda a: a.id
)
def test_no_entity_but_the_department_runs_a_comparison_on_driver_license_photos(
    agency: Agency,
) -> None:
    req = request(performing_agency=agency, technology=Technology(name="x", approved=True))
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"UT-DEPARTMENT-DATABASES"}


@pytest.mark.parametrize("agency", [SIAC, HIGHWAY_PATROL, DRIVER_LICENSE], ids=lambda a: a.id)
def test_each_division_of_the_department_may_run_the_comparison(agency: Agency) -> None:
    assert LAW.decide(request(performing_agency=agency)) is Outcome.PERMITTED


def test_booking_photos_are_the_departments_to_search_unless_read_as_the_entitys_own() -> None:
    own = request(
        performing_agency=SALT_LAKE_POLICE,
        databases=frozenset({Database.BOOKING_PHOTOS}),
        technology=Technology(name="x", approved=True),
    )
    assert LAW.decide(own) is Outcome.FORBIDDEN
    entity_own = LAW.with_readings({"ut-booking-photos": "entity-own"})
    assert entity_own.decide(own) is Outcome.PERMITTED
    assert_invariants_hold(entity_own, own)


def test_an_entity_searches_its_own_image_database_only_after_public_notice_and_comment() -> None:
    own = request(performing_agency=SALT_LAKE_POLICE, databases=frozenset({Database.OTHER}))
    decision = LAW.evaluate(own)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"UT-NOTICE-BEFORE-USE"}
    noticed = attrs.evolve(own, technology=Technology(name="x", approved=True))
    assert LAW.decide(noticed) is Outcome.PERMITTED
    assert LAW.decide(request()) is Outcome.PERMITTED  # the Department gives no such notice


# -- who is bound: the Utah entity that runs it, on an image database, to identify -------------


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_the_chapter_binds_the_utah_government_entity_that_runs_the_comparison(
    kind: AgencyKind, home: str | None
) -> None:
    searcher = Agency(id=f"RUN-{kind.value}", name="Searcher", kind=kind, home=home)
    req = request(performing_agency=searcher, databases=frozenset({Database.OTHER}))
    of_utah = home in {"US-UT", None}
    governed = of_utah and kind not in {AgencyKind.FBI, AgencyKind.FEDERAL}
    assert (LAW.decide(req) is not Outcome.NOT_APPLICABLE) is governed


@pytest.mark.parametrize(
    "databases",
    [frozenset({Database.COMMERCIAL}), frozenset({Database.FBI, Database.COMMERCIAL})],
    ids=["commercial", "fbi-and-commercial"],
)
def test_a_comparison_on_no_image_database_of_a_government_entity_is_outside_the_chapter(
    databases: frozenset[Database],
) -> None:
    req = request(databases=databases)
    assert LAW.decide(req) is Outcome.NOT_APPLICABLE
    assert_invariants_hold(LAW, req)


def test_a_request_that_names_no_database_is_governed() -> None:
    assert LAW.decide(request(databases=frozenset())) is Outcome.PERMITTED


@pytest.mark.parametrize(
    "analysis", [Analysis.VERIFICATION, Analysis.TRACKING, Analysis.EMOTION_INFERENCE]
)
def test_only_identifying_an_unknown_person_is_the_chapters_facial_recognition(
    analysis: Analysis,
) -> None:
    assert LAW.decide(request(analysis=analysis)) is Outcome.NOT_APPLICABLE


def test_read_as_state_bodies_only_a_city_police_comparison_is_outside_the_chapter() -> None:
    own = request(performing_agency=SALT_LAKE_POLICE, databases=frozenset({Database.OTHER}))
    state_only = LAW.with_readings({"ut-government-entity": "state-bodies-only"})
    assert LAW.decide(own) is Outcome.FORBIDDEN
    assert state_only.decide(own) is Outcome.NOT_APPLICABLE
    assert state_only.decide(request()) is Outcome.PERMITTED


# -- 106(3): the annual report -------------------------------------------------------------------


def test_every_request_granted_or_not_is_counted_in_the_annual_report_which_names_no_day() -> None:
    decision = LAW.evaluate(request(case_number=None))
    assert decision.outcome is Outcome.NOT_PERMITTED
    (report,) = decision.obligations
    assert report.duty == "UT-ANNUAL-REPORT"
    assert report.due is None
    assert "August 1" in LAW.policy.duties[0].paraphrase
    reported = Event(kind=EventKind.SEARCH_REPORTED, at=datetime(2025, 9, 2, tzinfo=UTC))
    assert report.check([reported], reported.at).status is ObligationStatus.MET


# -- what was read, and what was not ---------------------------------------------------------


def test_every_rule_is_read_from_the_text_and_the_unread_subsections_are_prose() -> None:
    assert all(r.source.verification is Verification.TEXT for r in LAW.policy.rules)
    (unread,) = [p for p in LAW.provisions if p.id == "UT-103-3-ON"]
    assert unread.source.confidence is frpolicy.Confidence.LOW


# -- invariants from the provisions catch a misread rule --------------------------------------


def test_a_utah_rule_that_forgets_the_case_number_is_caught_by_its_invariant() -> None:
    forgetful = (
        ch200.LAW_ENFORCEMENT_ASKS
        & ch200.WRITTEN
        & ch200.INVESTIGATING_A_CRIME
        & ch200.CRIME_AND_NARRATIVE
        & ch200.FELONY
    )

    def misread(rule: Rule) -> Rule:
        return (
            attrs.evolve(rule, when=forgetful) if rule.id == "UT-FELONY-OR-VIOLENT-CRIME" else rule
        )

    policy = attrs.evolve(
        LAW.policy,
        jurisdiction="XX-MISREAD-CASE-NUMBER",
        rules=tuple(misread(r) for r in LAW.policy.rules),
    )
    misread_utah = frpolicy.Jurisdiction(
        code="XX-MISREAD-CASE-NUMBER",
        name="Utah misread",
        versions=(attrs.evolve(LAW, policy=policy),),
        agencies=AGENCIES,
    )
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread_utah, LAW.instrument.id, "invariants", max_examples=300)
    (failure,) = caught.value.failures
    assert "invariant 'written-with-a-case-number' does not hold" in failure.detail


# -- the sample log ---------------------------------------------------------------------------


def test_the_audit_of_the_utah_sample_log_finds_each_scenario_s_violation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "ut_search_log.jsonl"),
            "--jurisdiction",
            "US-UT",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {v["request_id"]: set(v["provisions"]) for v in report["violations"]}
    assert set(found) == {"UT-0005", "UT-0006", "UT-0007", "UT-0008", "UT-0009"}
    assert found["UT-0007"] == {"UT-LAW-ENFORCEMENT-ONLY"}
    assert found["UT-0008"] == {"UT-DEPARTMENT-DATABASES"}
    assert found["UT-0009"] == {"UT-NOTICE-BEFORE-USE"}
    (unnumbered,) = [v for v in report["violations"] if v["request_id"] == "UT-0006"]
    assert unnumbered["missing"].startswith("UT-FELONY-OR-VIOLENT-CRIME: no case number;")
    # every request the chapter governs is counted in the report; the FBI's was left out
    (report_duty,) = [o for o in report["obligations"] if o["duty"] == "UT-ANNUAL-REPORT"]
    assert (report_duty["met"], report_duty["pending"], report_duty["violated"]) == (10, 1, 0)
