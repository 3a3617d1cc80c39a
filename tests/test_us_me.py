"""Maine, provision by provision: each scenario names what it proves, in the law's terms."""

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
    Decision,
    Event,
    EventKind,
    ImageSource,
    InconsistentRequest,
    MediaKind,
    ObligationStatus,
    Outcome,
    ProbeImage,
    Purpose,
    SearchRequest,
    Suspicion,
    Technology,
    Verification,
    Version,
)
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.conditions import requested_by_any
from frpolicy.jurisdictions.us_me.common import AGENCIES
from frpolicy.jurisdictions.us_me.offenses import REPORTED_SERIOUS_CRIMES, classify
from frpolicy.policy import NO_LAW, Rule
from frpolicy.testing import LawPropertyError, check_property

ME = frpolicy.jurisdiction("US-ME")
LAW = ME.version("LD 1585")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"

SUBMITTED = datetime(2023, 5, 9, 14, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=3)

AGENCY = {a.id: a for a in AGENCIES}
STATE_POLICE, LEWISTON, BMV = AGENCY["MSP"], AGENCY["LPD"], AGENCY["BMV"]
PROSECUTOR, MEDICAL_EXAMINER = AGENCY["DA-CUMB"], AGENCY["OCME"]
FBI, DEA = AGENCY["FBI-BS"], AGENCY["DEA-NE"]
NEW_HAMPSHIRE_STATE_POLICE = Agency(
    id="NHSP", name="New Hampshire State Police", kind=AgencyKind.STATE_POLICE, home="US-NH"
)

EXCEPTED: set[Purpose] = {Purpose.IDENTIFY_DECEASED, Purpose.IDENTIFY_MISSING}
"""The identification purposes the exceptions name, read as adopted."""
LAW_ENFORCEMENT = {
    AgencyKind.LOCAL_POLICE,
    AgencyKind.STATE_POLICE,
    AgencyKind.PROSECUTOR,
    AgencyKind.FBI,
    AgencyKind.FEDERAL,
}
PLACES = ["US-ME", "US-NH", "CA-QC", "US", None]


def request(**changes: Any) -> SearchRequest:
    """Lewiston police ask the Bureau to search a still image, on probable cause of a robbery."""
    fields: dict[str, Any] = {
        "id": "ME-TEST-1",
        "requesting_agency": LEWISTON,
        "performing_agency": BMV,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme", approved=True),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("17-A-651"),
        "suspicion": Suspicion.PROBABLE_CAUSE,
    }
    return SearchRequest(**(fields | changes))


def identification(purpose: Purpose, **changes: Any) -> SearchRequest:
    """A request to identify someone, with no crime and no suspicion stated."""
    return request(purpose=purpose, offense=None, suspicion=Suspicion.NONE, **changes)


def from_(agency: Agency, home: str | None) -> Agency:
    """The agency, as one of the same kind at home elsewhere (``None``: no home stated)."""
    return attrs.evolve(agency, id=f"{agency.id}-{home}", home=home)


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- the exceptions: probable cause of a serious crime ---------------------------------------


def test_a_maine_police_request_to_the_bureau_on_probable_cause_of_a_serious_crime_is_permitted_without_a_warrant() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert request().warrant is None
    assert determining(decision) == {"ME-PROBABLE-CAUSE"}
    assert {o.duty for o in decision.obligations} == {"ME-LOG", "ME-MATCH-NOT-PROBABLE-CAUSE"}
    assert "[summary, medium confidence]" in decision.explain()
    assert_invariants_hold(LAW, request())


@pytest.mark.parametrize("code", [o.code for o in LAW.offenses])
def test_a_crime_is_serious_when_punishable_by_more_than_a_year_or_on_the_reported_list(
    code: str,
) -> None:
    offense = LAW.offense(code)
    longer = offense.penalty.life or (offense.penalty.max_term_months or 0) > 12
    serious = longer or REPORTED_SERIOUS_CRIMES.id in offense.listed_in
    expected = Outcome.PERMITTED if serious else Outcome.NOT_PERMITTED
    assert LAW.decide(request(offense=offense)) is expected
    assert_invariants_hold(LAW, request(offense=offense))


def test_reasonable_suspicion_of_a_serious_crime_is_not_the_probable_cause_maine_asks() -> None:
    req = request(suspicion=Suspicion.REASONABLE_SUSPICION)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: there is probable cause" in decision.explain()


def test_a_serious_crime_is_read_from_the_penalty_not_the_class_the_client_sends() -> None:
    robbery = attrs.evolve(LAW.offense("17-A-651"), classification=Classification.MISDEMEANOR)
    req = request(offense=robbery)
    assert LAW.decide(req) is Outcome.PERMITTED
    (problem,) = LAW.problems(req)
    assert "US-ME law classes an offense with this penalty as 'felony'" in problem
    with pytest.raises(InconsistentRequest):
        LAW.evaluate(req, strict=True)


def test_a_class_d_crime_is_not_felony_level_and_a_class_c_crime_is() -> None:
    assert classify(LAW.offense("29-A-2411").penalty) is Classification.MISDEMEANOR
    assert classify(LAW.offense("17-A-401").penalty) is Classification.FELONY


def test_read_as_felonies_only_the_reported_misdemeanors_are_not_serious_crimes() -> None:
    assault = request(offense=LAW.offense("17-A-207"))
    assert LAW.decide(assault) is Outcome.PERMITTED
    felonies_only = LAW.with_readings({"me-serious-crime": "felony-only"})
    assert felonies_only.decide(assault) is Outcome.NOT_PERMITTED
    assert felonies_only.decide(request()) is Outcome.PERMITTED
    (reading,) = LAW.evaluate(assault).readings
    assert reading.id == "me-serious-crime"
    assert reading.source.verification is Verification.NEWS


def test_the_reported_list_is_marked_news_and_a_catalog_offense_sent_without_it_is_refused() -> (
    None
):
    assert REPORTED_SERIOUS_CRIMES.source.verification is Verification.NEWS
    untagged = attrs.evolve(LAW.offense("15-1092"), listed_in=frozenset())
    (problem,) = LAW.problems(request(offense=untagged))
    assert problem.startswith("$.offense.listed_in: '15-1092' is on US-ME:reported-serious-crime")


# -- the exceptions: deceased, missing and endangered persons ---------------------------------


@pytest.mark.parametrize("purpose", [p for p in Purpose if p in EXCEPTED])
def test_a_search_to_help_identify_a_deceased_or_missing_person_needs_no_crime_and_no_warrant(
    purpose: Purpose,
) -> None:
    decision = LAW.evaluate(identification(purpose))
    assert decision.outcome is Outcome.PERMITTED
    expected = "ME-DECEASED" if purpose is Purpose.IDENTIFY_DECEASED else "ME-MISSING"
    assert determining(decision) == {expected}


@pytest.mark.parametrize(
    "purpose", [p for p in Purpose if p not in EXCEPTED], ids=lambda p: p.value
)
def test_no_other_purpose_opens_the_exceptions_without_probable_cause_of_a_serious_crime(
    purpose: Purpose,
) -> None:
    req = identification(purpose)
    assert LAW.decide(req) is Outcome.NOT_PERMITTED
    assert_invariants_hold(LAW, req)


def test_an_incapacitated_person_is_an_endangered_one_only_when_read_so() -> None:
    incapacitated = identification(Purpose.IDENTIFY_INCAPACITATED)
    assert LAW.decide(incapacitated) is Outcome.NOT_PERMITTED
    read_so = LAW.with_readings({"me-endangered": "incapacitated-too"})
    assert read_so.decide(incapacitated) is Outcome.PERMITTED
    assert read_so.decide(identification(Purpose.IDENTIFY_MISSING_OR_INCAPACITATED)) is (
        Outcome.PERMITTED
    )


# -- the ban: no department runs a system but the Bureau ---------------------------------------


@pytest.mark.parametrize(
    "agency", [STATE_POLICE, LEWISTON, PROSECUTOR, MEDICAL_EXAMINER], ids=lambda a: a.id
)
def test_a_maine_department_other_than_the_bureau_may_not_run_a_search_itself_even_for_a_deceased_person(  # noqa: E501 - the name is the sentence
    agency: Agency,
) -> None:
    req = identification(
        Purpose.IDENTIFY_DECEASED, requesting_agency=agency, performing_agency=agency
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"ME-BAN"}
    assert_invariants_hold(LAW, req)


def test_the_bureau_searches_for_itself_against_license_fraud() -> None:
    req = identification(Purpose.LICENSE_ISSUANCE, requesting_agency=BMV, performing_agency=BMV)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"ME-BMV-FRAUD"}
    assert {o.duty for o in decision.obligations} == {"ME-LOG"}


def test_the_bureau_is_not_law_enforcement_and_may_not_search_for_itself_in_a_criminal_case() -> (
    None
):
    req = request(requesting_agency=BMV)
    assert LAW.decide(req) is Outcome.NOT_PERMITTED


# -- through whom: the Bureau or the FBI (me-route) -------------------------------------------


def test_a_maine_police_department_may_have_the_fbi_search_for_it() -> None:
    req = request(performing_agency=FBI)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert {o.duty for o in decision.obligations} == {"ME-MATCH-NOT-PROBABLE-CAUSE"}


@pytest.mark.parametrize(
    "searcher",
    [NEW_HAMPSHIRE_STATE_POLICE, DEA, from_(BMV, "US-NH")],
    ids=["new-hampshire-state-police", "dea", "new-hampshire-registry"],
)
def test_a_maine_department_may_not_have_a_third_party_search_for_it(searcher: Agency) -> None:
    req = request(performing_agency=searcher)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"ME-THIRD-PARTY"}
    assert decision.determining[0].source.verification is Verification.NEWS
    any_searcher = LAW.with_readings({"me-route": "any-searcher"})
    assert any_searcher.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(any_searcher, req)


# -- who is bound, and who may ask: every kind of agency from every place ----------------------


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_the_bureau_runs_a_search_on_probable_cause_of_a_serious_crime_for_law_enforcement_from_anywhere(  # noqa: E501 - the name is the sentence
    kind: AgencyKind, home: str | None
) -> None:
    asker = Agency(id=f"ASK-{kind.value}", name="Requester", kind=kind, home=home)
    decision = LAW.evaluate(request(requesting_agency=asker))
    expected = Outcome.PERMITTED if kind in LAW_ENFORCEMENT else Outcome.NOT_PERMITTED
    assert decision.outcome is expected
    assert "ME-LOG" in {o.duty for o in decision.obligations}


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_a_maine_police_request_is_run_by_the_bureau_or_the_fbi_and_by_no_other_searcher(
    kind: AgencyKind, home: str | None
) -> None:
    searcher = Agency(id=f"RUN-{kind.value}", name="Searcher", kind=kind, home=home)
    decision = LAW.evaluate(identification(Purpose.IDENTIFY_DECEASED, performing_agency=searcher))
    of_maine = home in {"US-ME", None}
    bureau = kind is AgencyKind.MOTOR_VEHICLE_REGISTRY and of_maine
    if bureau or kind is AgencyKind.FBI:
        assert decision.outcome is Outcome.PERMITTED
    elif of_maine and kind not in {AgencyKind.FBI, AgencyKind.FEDERAL}:
        assert determining(decision) == {"ME-BAN"}
    else:
        assert determining(decision) == {"ME-THIRD-PARTY"}


@pytest.mark.parametrize(
    "searcher", [NEW_HAMPSHIRE_STATE_POLICE, FBI, DEA], ids=["new-hampshire", "fbi", "dea"]
)
def test_a_search_an_agency_from_outside_maine_runs_for_itself_is_not_maines_to_govern(
    searcher: Agency,
) -> None:
    req = request(requesting_agency=searcher, performing_agency=searcher)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert_invariants_hold(LAW, req)


def test_read_so_the_bureau_serves_maine_agencies_only() -> None:
    maine_only = LAW.with_readings({"me-out-of-state": "maine-agencies-only"})
    new_hampshire = request(requesting_agency=NEW_HAMPSHIRE_STATE_POLICE)
    assert LAW.decide(new_hampshire) is Outcome.PERMITTED
    assert maine_only.decide(new_hampshire) is Outcome.NOT_PERMITTED
    assert maine_only.decide(request(requesting_agency=FBI)) is Outcome.NOT_PERMITTED
    assert maine_only.decide(request()) is Outcome.PERMITTED
    assert_invariants_hold(maine_only, new_hampshire)


def test_the_medical_examiner_may_ask_the_bureau_to_identify_the_dead_only_when_read_so() -> None:
    req = identification(Purpose.IDENTIFY_DECEASED, requesting_agency=MEDICAL_EXAMINER)
    assert LAW.decide(req) is Outcome.NOT_PERMITTED
    any_department = LAW.with_readings({"me-requesters": "any-department"})
    assert any_department.decide(req) is Outcome.PERMITTED


def test_facial_surveillance_covers_capturing_any_information_from_the_face() -> None:
    req = request(analysis=Analysis.EMOTION_INFERENCE)
    assert LAW.decide(req) is not Outcome.NOT_APPLICABLE


# -- duties: the Bureau's public log, and a match that is not probable cause --------------------


def test_a_request_the_bureau_refuses_is_still_logged_as_a_public_record() -> None:
    decision = LAW.evaluate(request(suspicion=Suspicion.NONE))
    assert decision.outcome is Outcome.NOT_PERMITTED
    (log,) = [o for o in decision.obligations if o.duty == "ME-LOG"]
    assert log.due is None
    done = Event(kind=EventKind.SEARCH_DOCUMENTED, at=SUBMITTED + timedelta(days=2))
    assert log.check([done], SUBMITTED + timedelta(days=3)).status is ObligationStatus.MET
    assert log.check([], SUBMITTED + timedelta(days=300)).status is ObligationStatus.PENDING


def test_a_match_relied_on_for_probable_cause_without_other_evidence_breaks_the_reported_rule() -> (
    None
):
    (rule,) = [
        o for o in LAW.evaluate(request()).obligations if o.duty == "ME-MATCH-NOT-PROBABLE-CAUSE"
    ]
    relied = Event(kind=EventKind.RESULT_RELIED_ON, at=PERFORMED + timedelta(days=1))
    corroborated = Event(kind=EventKind.RESULT_CORROBORATED, at=PERFORMED + timedelta(hours=5))
    later = PERFORMED + timedelta(days=5)
    assert rule.check([relied], later).status is ObligationStatus.VIOLATED
    assert rule.check([corroborated, relied], later).status is ObligationStatus.MET
    assert rule.source.verification is Verification.NEWS


def test_another_states_request_owes_maine_no_probable_cause_duty() -> None:
    decision = LAW.evaluate(request(requesting_agency=NEW_HAMPSHIRE_STATE_POLICE))
    assert {o.duty for o in decision.obligations} == {"ME-LOG"}


# -- when the law is in force --------------------------------------------------------------------


def test_a_search_before_october_1_2021_is_judged_by_no_encoded_law() -> None:
    early = request(submitted_at=datetime(2021, 9, 1, tzinfo=UTC), performed_at=None)
    decision = ME.evaluate(early)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.instrument == NO_LAW
    assert ME.in_force(date(2021, 10, 1)) is LAW


# -- what was read, and what was not ---------------------------------------------------------


def test_only_the_definitions_are_marked_as_read_from_the_text() -> None:
    read = {p.id for p in LAW.provisions if p.source.verification is Verification.TEXT}
    assert read == {"ME-DEF"}
    assert all(r.source.verification is not Verification.TEXT for r in LAW.policy.rules)


# -- invariants from the provisions catch a misread rule --------------------------------------


def _misread(code: str, rule_id: str, when: frpolicy.Predicate) -> frpolicy.Jurisdiction:
    """Maine, with one rule's condition replaced: a module that misread the statute."""

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    policy = attrs.evolve(
        LAW.policy, jurisdiction=code, rules=tuple(misread(r) for r in LAW.policy.rules)
    )
    return frpolicy.Jurisdiction(
        code=code,
        name="Maine misread",
        versions=(attrs.evolve(LAW, policy=policy),),
        agencies=AGENCIES,
    )


def test_a_maine_rule_that_forgets_probable_cause_is_caught_by_its_invariant() -> None:
    forgetful = requested_by_any(frozenset(LAW_ENFORCEMENT))
    misread = _misread("XX-MISREAD-PROBABLE-CAUSE", "ME-PROBABLE-CAUSE", forgetful)
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread, LAW.instrument.id, "invariants", max_examples=300)
    (failure,) = caught.value.failures
    assert "invariant 'excepted-purposes' does not hold" in failure.detail


# -- the sample log ---------------------------------------------------------------------------


def test_the_audit_of_the_maine_sample_log_finds_each_scenario_s_violation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "me_search_log.jsonl"),
            "--cases",
            str(EXAMPLES / "me_cases.jsonl"),
            "--jurisdiction",
            "US-ME",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {v["request_id"]: set(v["provisions"]) for v in report["violations"]}
    assert set(found) == {"ME-0006", "ME-0007", "ME-0008", "ME-0009", "ME-0011"}
    assert found["ME-0006"] == {"ME-BAN"}
    assert found["ME-0008"] == {"ME-THIRD-PARTY"}
    assert found["ME-0011"] == {"ME-MATCH-NOT-PROBABLE-CAUSE"}
    # the Bureau's searches for other states and the DEA are permitted; the DEA's went unlogged
    (log,) = [o for o in report["obligations"] if o["duty"] == "ME-LOG"]
    assert (log["met"], log["pending"], log["violated"]) == (7, 1, 0)
