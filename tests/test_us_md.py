"""Maryland, provision by provision: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

import frpolicy
from frpolicy import (
    Analysis,
    Decision,
    Disclosure,
    Event,
    EventKind,
    ImageSource,
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
from frpolicy.jurisdictions.us_md import ch808
from frpolicy.jurisdictions.us_md.common import AGENCIES
from frpolicy.jurisdictions.us_md.offenses import OFFENSE_LISTS
from frpolicy.policy import Rule
from frpolicy.testing import LawPropertyError, check_jurisdiction, check_property

MD = frpolicy.jurisdiction("US-MD")
LAW = MD.version("2024 Md. Laws ch. 808")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"

SUBMITTED = datetime(2024, 11, 12, 15, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=2)

AGENCY = {a.id: a for a in AGENCIES}
STATE_POLICE, BALTIMORE_POLICE, MVA = AGENCY["MDSP"], AGENCY["BALTPD"], AGENCY["MVA"]
FBI, STATES_ATTORNEY, DPSCS = AGENCY["FBI-BA"], AGENCY["BCSAO"], AGENCY["DPSCS"]


def request(**changes: Any) -> SearchRequest:
    """The State Police search a still image for Baltimore, in a first-degree assault case."""
    fields: dict[str, Any] = {
        "id": "MD-TEST-1",
        "requesting_agency": BALTIMORE_POLICE,
        "performing_agency": STATE_POLICE,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="MIRS", vendor="DataWorks Plus", approved=True),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("CR-3-202"),
    }
    return SearchRequest(**(fields | changes))


def probe(**changes: Any) -> ProbeImage:
    return attrs.evolve(request().probe, **changes)


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def cited(decision: Decision) -> set[str]:
    return {str(r.citation) for r in decision.determining}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- §2-503(a)(1)(i): twelve categories of crime ---------------------------------------------


def test_a_maryland_search_investigating_a_crime_of_violence_is_permitted_without_a_warrant_under_2_503_a_1_i() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert request().warrant is None
    assert determining(decision) == {"MD-OFFENSES"}
    assert cited(decision) == {"Md. Code, Crim. Proc. §2-503(a)(1)(i) (2024 Md. Laws ch. 808)"}
    assert_invariants_hold(LAW, request())


@pytest.mark.parametrize("category", OFFENSE_LISTS, ids=[c.id for c in OFFENSE_LISTS])
def test_each_of_the_twelve_categories_of_2_503_a_1_i_permits_a_maryland_search(
    category: frpolicy.OffenseList,
) -> None:
    offense = attrs.evolve(LAW.offense("CR-3-203"), listed_in=frozenset({category.id}))
    assert LAW.decide(request(offense=offense)) is Outcome.PERMITTED


def test_a_maryland_search_for_a_crime_outside_the_twelve_categories_is_forbidden_under_2_503_a_1_i() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = LAW.evaluate(request(offense=LAW.offense("CR-3-203")))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MD-UNLISTED"}
    assert_invariants_hold(LAW, request(offense=LAW.offense("CR-3-203")))


def test_a_felony_outside_the_categories_is_forbidden_too_the_test_is_the_list() -> None:
    felony = attrs.evolve(
        LAW.offense("CR-3-203"), code="CR-8-611", title="Counterfeiting", listed_in=frozenset()
    )
    felony = attrs.evolve(felony, classification=frpolicy.Classification.FELONY)
    assert LAW.decide(request(offense=felony)) is Outcome.FORBIDDEN
    assert LAW.decide(request(offense=LAW.offense("CR-3-802"))) is Outcome.PERMITTED  # stalking


def test_a_maryland_search_naming_no_offense_in_a_criminal_investigation_is_not_permitted() -> None:
    decision = LAW.evaluate(request(offense=None))
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: the offense (or the attempt) is in one of the twelve categories" in (
        decision.explain()
    )


# -- §2-503(a)(1)(ii): protected activity, bystanders -----------------------------------------


def test_a_maryland_search_of_a_person_engaged_in_protected_activity_without_reasonable_suspicion_is_not_permitted_under_2_503_a_1_ii() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(probe=probe(protected_activity=True))
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MD-PROTECTED"}
    assert cited(decision) == {"Md. Code, Crim. Proc. §2-503(a)(1)(ii)1 (2024 Md. Laws ch. 808)"}


@pytest.mark.parametrize("suspicion", [Suspicion.REASONABLE_SUSPICION, Suspicion.PROBABLE_CAUSE])
def test_reasonable_suspicion_lets_a_maryland_search_analyse_a_person_in_protected_activity(
    suspicion: Suspicion,
) -> None:
    req = request(probe=probe(protected_activity=True), suspicion=suspicion)
    assert LAW.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


def test_a_maryland_search_of_a_person_not_intended_to_be_identified_is_forbidden_under_2_503_a_1_ii_2() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = LAW.evaluate(request(probe=probe(bystander=True)))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MD-BYSTANDER"}


# -- §2-503(a)(1)(iii) ff., not read: reported bans ---------------------------------------------


def test_real_time_identification_is_forbidden_in_maryland_as_reported_news_low() -> None:
    live = request(probe=probe(kind=MediaKind.LIVE_VIDEO), real_time=True)
    decision = LAW.evaluate(live)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MD-REAL-TIME"}
    assert "[news, low confidence]" in decision.explain()
    (reason,) = decision.determining
    assert reason.source.verification is Verification.NEWS


def test_a_sketch_is_not_searched_in_a_maryland_investigation_as_reported() -> None:
    decision = LAW.evaluate(request(probe=probe(composite=True)))
    assert determining(decision) == {"MD-SKETCH"}


# -- §2-507: what the subtitle does not restrict -----------------------------------------------

EXCEPTIONS = [
    (Purpose.IDENTIFY_MISSING, "MD-EXCEPT-IDENTIFY", "(1)"),
    (Purpose.IDENTIFY_DECEASED, "MD-EXCEPT-IDENTIFY", "(1)"),
    (Purpose.IDENTIFY_INCAPACITATED, "MD-EXCEPT-IDENTIFY", "(1)"),
    (Purpose.IDENTIFY_MISSING_OR_INCAPACITATED, "MD-EXCEPT-IDENTIFY", "(1)"),
    (Purpose.REDACTION, "MD-EXCEPT-REDACTION", "(2)"),
    (Purpose.SEIZED_MEDIA_ANALYSIS, "MD-EXCEPT-SEIZED-MEDIA", "(3)"),
    (Purpose.FACILITY_SECURITY, "MD-EXCEPT-SECURITY", "(4)"),
    (Purpose.NON_INVESTIGATIVE, "MD-EXCEPT-NONINVESTIGATIVE", "(5)"),
]


@pytest.mark.parametrize(
    ("purpose", "rule", "item"), EXCEPTIONS, ids=[p.value for p, _, _ in EXCEPTIONS]
)
def test_each_exception_of_2_507_permits_a_maryland_search_the_subtitle_would_otherwise_forbid(
    purpose: Purpose, rule: str, item: str
) -> None:
    # no listed crime, a bystander in protected activity, on live video: all forbidden otherwise
    req = request(
        purpose=purpose,
        offense=None,
        probe=probe(kind=MediaKind.LIVE_VIDEO, protected_activity=True, bystander=True),
        real_time=True,
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {rule}
    assert cited(decision) == {f"Md. Code, Crim. Proc. §2-507{item} (2024 Md. Laws ch. 808)"}
    assert_invariants_hold(LAW, req)


def test_the_seized_media_exception_warns_that_a_charge_would_undo_it() -> None:
    (provision,) = [p for p in LAW.provisions if p.id == "MD-SEIZED-MEDIA-CHARGES"]
    assert "not charged" in provision.text


# -- who is bound ---------------------------------------------------------------------------


def test_a_maryland_state_police_search_at_the_fbis_request_is_governed() -> None:
    req = request(requesting_agency=FBI, offense=LAW.offense("CR-3-203"))
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_search_the_fbi_runs_for_itself_is_not_marylands_to_govern() -> None:
    decision = LAW.evaluate(request(requesting_agency=FBI, performing_agency=FBI))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert_invariants_hold(LAW, request(requesting_agency=FBI, performing_agency=FBI))


@pytest.mark.parametrize("performer", [MVA, DPSCS, FBI], ids=["mva", "dpscs", "fbi"])
def test_a_search_maryland_police_ask_another_body_to_run_is_governed_at_their_direction(
    performer: frpolicy.Agency,
) -> None:
    req = request(performing_agency=performer, offense=LAW.offense("CR-3-203"))
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_states_attorney_asking_the_mva_is_governed_unless_prosecutors_are_read_out() -> None:
    req = request(requesting_agency=STATES_ATTORNEY, performing_agency=MVA)
    assert LAW.evaluate(req).outcome is Outcome.PERMITTED
    police_only = LAW.with_readings({"md-prosecutors": "police-only"})
    assert police_only.decide(req) is Outcome.NOT_APPLICABLE
    assert_invariants_hold(police_only, req)


def test_inferring_emotions_is_not_facial_recognition_as_2_501_defines_it() -> None:
    req = request(analysis=Analysis.EMOTION_INFERENCE)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "identify, verify or track" in decision.explain()


def test_persistent_tracking_is_facial_recognition_under_2_501_and_is_governed() -> None:
    assert LAW.decide(request(analysis=Analysis.TRACKING)) is Outcome.PERMITTED


# -- §2-504: discovery ---------------------------------------------------------------------------

ALL_DISCLOSURES = frozenset(
    {
        Disclosure.FACIAL_RECOGNITION_USED,
        Disclosure.SYSTEM,
        Disclosure.DATABASES,
        Disclosure.RESULTS_ACTED_ON,
    }
)
ARRAIGNED = PERFORMED + timedelta(days=3)


def _discovery(version: Version, notice_days: int, disclosures: frozenset[Disclosure]) -> Any:
    (found,) = [o for o in version.evaluate(request()).obligations if o.duty == "MD-DISCOVERY"]
    events = [
        Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED),
        Event(kind=EventKind.ARRAIGNMENT, at=ARRAIGNED),
        Event(kind=EventKind.TRIAL, at=ARRAIGNED + timedelta(days=90)),
        Event(
            kind=EventKind.NOTICE_SERVED,
            at=ARRAIGNED + timedelta(days=notice_days),
            disclosures=disclosures,
        ),
    ]
    return found.check(events, ARRAIGNED + timedelta(days=100)).status


def test_the_state_discloses_the_search_in_discovery_within_30_days_of_the_arraignment_under_2_504() -> (  # noqa: E501 - the name is the sentence
    None
):
    assert _discovery(LAW, 29, ALL_DISCLOSURES) is ObligationStatus.MET
    assert _discovery(LAW, 31, ALL_DISCLOSURES) is ObligationStatus.VIOLATED


def test_a_disclosure_that_leaves_out_the_databases_searched_does_not_meet_2_504() -> None:
    partial = ALL_DISCLOSURES - {Disclosure.DATABASES}
    assert _discovery(LAW, 5, partial) is ObligationStatus.VIOLATED


def test_read_the_other_way_the_discovery_of_2_504_is_due_only_before_trial() -> None:
    before_trial = LAW.with_readings({"md-discovery-deadline": "before-trial"})
    assert _discovery(before_trial, 31, ALL_DISCLOSURES) is ObligationStatus.MET
    decision = LAW.evaluate(request())
    assert [r.id for r in decision.readings] == ["md-discovery-deadline"]


def test_a_forbidden_maryland_search_is_still_disclosed_in_discovery() -> None:
    decision = LAW.evaluate(request(offense=LAW.offense("CR-3-203")))
    assert decision.outcome is Outcome.FORBIDDEN
    assert {o.duty for o in decision.obligations} == {"MD-DISCOVERY", "MD-SOLE-BASIS"}


# -- §2-502(b)(2): never the sole basis ---------------------------------------------------------


def _sole_basis(corroborated_days: float | None, relied_days: float | None) -> ObligationStatus:
    (found,) = [o for o in LAW.evaluate(request()).obligations if o.duty == "MD-SOLE-BASIS"]
    events = [Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED)]
    if relied_days is not None:
        events.append(
            Event(kind=EventKind.RESULT_RELIED_ON, at=PERFORMED + timedelta(days=relied_days))
        )
    if corroborated_days is not None:
        at = PERFORMED + timedelta(days=corroborated_days)
        events.append(Event(kind=EventKind.RESULT_CORROBORATED, at=at))
    status: ObligationStatus = found.check(events, PERFORMED + timedelta(days=60)).status
    return status


def test_a_result_relied_on_for_probable_cause_without_independent_evidence_breaks_2_502_b_2() -> (
    None
):
    assert _sole_basis(corroborated_days=None, relied_days=2) is ObligationStatus.VIOLATED
    assert _sole_basis(corroborated_days=5, relied_days=2) is ObligationStatus.VIOLATED


def test_a_result_corroborated_before_it_is_relied_on_meets_2_502_b_2() -> None:
    assert _sole_basis(corroborated_days=1, relied_days=2) is ObligationStatus.MET


def test_a_result_never_relied_on_owes_no_corroboration_yet() -> None:
    assert _sole_basis(corroborated_days=None, relied_days=None) is ObligationStatus.PENDING


# -- offenses, as the law lists them ----------------------------------------------------------


def test_an_offense_of_the_catalog_sent_without_its_category_is_refused_with_its_path() -> None:
    unlisted = attrs.evolve(LAW.offense("CR-3-202"), listed_in=frozenset())
    (problem,) = LAW.problems(request(offense=unlisted))
    assert problem.startswith("$.offense.listed_in: 'CR-3-202' is on US-MD:crime-of-violence")


def test_an_offense_on_a_list_maryland_does_not_draw_is_refused() -> None:
    made_up = attrs.evolve(LAW.offense("CR-3-202"), listed_in=frozenset({"US-MD:jaywalking"}))
    (problem,) = LAW.problems(request(offense=made_up))
    assert "draws no list 'US-MD:jaywalking'" in problem


def test_another_jurisdictions_lists_are_not_marylands_concern() -> None:
    tagged = attrs.evolve(
        LAW.offense("CR-3-202"),
        listed_in=LAW.offense("CR-3-202").listed_in | {"US-XX:serious-crime"},
    )
    assert LAW.problems(request(offense=tagged)) == ()
    assert LAW.offense_list("US-MD:stalking").title == "stalking under Crim. Law §3-802"


# -- invariants from the provisions catch a misread rule --------------------------------------


def _misread(code: str, rule_id: str, when: frpolicy.Predicate) -> frpolicy.Jurisdiction:
    """Maryland, with one rule's condition replaced: a module that misread the statute."""

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    policy = attrs.evolve(
        LAW.policy,
        jurisdiction=code,
        rules=tuple(misread(r) for r in LAW.policy.rules),
    )
    return frpolicy.Jurisdiction(
        code=code,
        name="Maryland misread",
        versions=(attrs.evolve(LAW, policy=policy),),
        agencies=AGENCIES,
    )


def test_a_maryland_rule_that_forgets_the_categories_is_caught_by_its_invariant() -> None:
    misread = _misread("XX-MISREAD-CATEGORIES", "MD-OFFENSES", ch808.INVESTIGATION)
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread, LAW.instrument.id, "invariants", max_examples=300)
    (failure,) = caught.value.failures
    assert "invariant 'twelve-categories' does not hold" in failure.detail


def test_a_maryland_rule_that_forgets_suspicion_breaks_its_invariant() -> None:
    never = frpolicy.leaf("never", "never", "False")
    (version,) = _misread("XX-MISREAD-SUSPICION", "MD-PROTECTED", never).versions
    req = request(probe=probe(protected_activity=True))
    decision = version.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    broken = {i.id for i in version.invariants if i.broken_by(req, decision) is not None}
    assert broken == {"protected-activity-needs-suspicion"}


@pytest.mark.parametrize(
    "choices",
    [{"md-prosecutors": "police-only"}, {"md-discovery-deadline": "before-trial"}],
    ids=["police-only", "before-trial"],
)
def test_maryland_read_the_other_way_still_passes_the_law_property_suite(
    choices: dict[str, str],
) -> None:
    check_jurisdiction(MD.with_readings(choices), max_examples=30)


# -- the sample log ---------------------------------------------------------------------------


def test_the_audit_of_the_maryland_sample_log_finds_each_scenario_s_violation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "md_search_log.jsonl"),
            "--cases",
            str(EXAMPLES / "md_cases.jsonl"),
            "--jurisdiction",
            "US-MD",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {(v["request_id"], tuple(v["provisions"])) for v in report["violations"]}
    (unlisted,) = [v for v in report["violations"] if v["request_id"] == "MD-0003"]
    assert "the offense is not in one of the twelve categories" in unlisted["missing"]
    assert found == {
        ("MD-0002", ("MD-DISCOVERY",)),
        ("MD-0003", ("MD-UNLISTED",)),
        ("MD-0004", ("MD-PROTECTED",)),
        ("MD-0006", ("MD-BYSTANDER",)),
        ("MD-0007", ("MD-REAL-TIME",)),
        ("MD-0011", ("MD-DISCOVERY",)),
        ("MD-0011", ("MD-SOLE-BASIS",)),
        ("MD-0013", ("MD-UNLISTED",)),
    }
