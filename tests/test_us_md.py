"""Maryland, provision by provision: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    Analysis,
    CaseRecord,
    Decision,
    Disclosure,
    Emergency,
    Event,
    EventKind,
    Harm,
    ImageSource,
    MediaKind,
    Notice,
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
from frpolicy import conditions as c
from frpolicy.analysis import ClaimKind, Status, prove, verify
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.compliance import case_timeline
from frpolicy.jurisdictions.us_md import ch808
from frpolicy.jurisdictions.us_md.common import AGENCIES
from frpolicy.jurisdictions.us_md.offenses import OFFENSE_LISTS, OFFENSES
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


def _emergency(**changes: Any) -> Emergency:
    fields: dict[str, Any] = {
        "harm": Harm.DEATH,
        "immediate": True,
        "declared_by": "MDSP-0417",
        "declared_at": SUBMITTED,
        "facts": "a man on a bridge threatening to jump; no crime",
    }
    return Emergency(**(fields | changes))


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
APPEARED = PERFORMED + timedelta(days=3)  # counsel enters an appearance
ARRAIGNED = APPEARED + timedelta(days=20)


def _case(notice_days: int, disclosures: frozenset[Disclosure], **dates: Any) -> CaseRecord:
    """The case of the person identified, noticed ``notice_days`` after counsel appeared."""
    fields: dict[str, Any] = {
        "id": "C-1",
        "defendant": "J. Doe",
        "search_id": request().id,
        "first_appearance_at": APPEARED,
        "arraignment_at": ARRAIGNED,
        "trial_at": ARRAIGNED + timedelta(days=90),
        "notices": (
            Notice(
                search_id=request().id,
                served_at=APPEARED + timedelta(days=notice_days),
                disclosures=disclosures,
            ),
        ),
    }
    return CaseRecord(**(fields | dates))


def _discovery(
    version: Version, notice_days: int, disclosures: frozenset[Disclosure], **dates: Any
) -> ObligationStatus:
    (found,) = [o for o in version.evaluate(request()).obligations if o.duty == "MD-DISCOVERY"]
    case = _case(notice_days, disclosures, **dates)
    events = [Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED), *case_timeline(case)]
    status: ObligationStatus = found.check(events, ARRAIGNED + timedelta(days=100)).status
    return status


def test_the_state_discloses_the_search_within_30_days_of_counsels_appearance_not_of_the_arraignment_under_2_504_and_rule_4_263() -> (  # noqa: E501 - the name is the sentence
    None
):
    assert _discovery(LAW, 29, ALL_DISCLOSURES) is ObligationStatus.MET
    # 31 days after counsel appeared is 11 after the arraignment: late all the same
    assert _discovery(LAW, 31, ALL_DISCLOSURES) is ObligationStatus.VIOLATED
    (found,) = [o for o in LAW.evaluate(request()).obligations if o.duty == "MD-DISCOVERY"]
    assert found.deadline is not None
    assert found.deadline.describe() == "within 30 days after the first appearance in the case"


def test_a_case_that_records_only_its_arraignment_runs_discovery_from_the_arraignment() -> None:
    # the arraignment is itself an appearance: no later than it, the first appearance was
    assert _discovery(LAW, 45, ALL_DISCLOSURES, first_appearance_at=None) is (ObligationStatus.MET)
    assert _discovery(LAW, 51, ALL_DISCLOSURES, first_appearance_at=None) is (
        ObligationStatus.VIOLATED
    )


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
    assert {o.duty for o in decision.obligations} == {
        "MD-DISCOVERY",
        "MD-SOLE-BASIS",
        "MD-ANNUAL-REPORT",
    }


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


# -- lists drawn by subsection: §2-503(a)(1)(i)6, Crim. Law §4-203(a)(1), §14-101 ----------


def test_plain_carrying_of_a_handgun_under_crim_law_4_203_a_1_i_is_on_no_list_and_its_search_is_forbidden_under_2_503_a_1_i() -> (  # noqa: E501 - the name is the sentence
    None
):
    carrying = LAW.offense("CR-4-203-a1-i")
    assert carrying.listed_in == frozenset()
    req = request(offense=carrying)
    assert LAW.problems(req) == ()  # the correct request is accepted at the edge
    decision = LAW.evaluate(req, strict=True)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"MD-UNLISTED"}


@pytest.mark.parametrize(
    ("code", "subsection"),
    [("CR-4-203-a1-iii", "(a)(1)(iii)"), ("CR-4-203-a1-iv", "(a)(1)(iv)")],
    ids=["on-public-school-property", "with-the-purpose-of-injuring-or-killing"],
)
def test_carrying_a_handgun_on_school_property_or_to_injure_or_kill_is_a_weapon_crime_of_item_6(
    code: str, subsection: str
) -> None:
    offense = LAW.offense(code)
    assert offense.citation == f"Crim. Law §4-203{subsection}"
    assert offense.listed_in == {"US-MD:weapon-crime-criminal-law"}
    assert LAW.evaluate(request(offense=offense), strict=True).outcome is Outcome.PERMITTED


def test_plain_carrying_sent_as_a_weapon_crime_of_item_6_is_refused_as_the_catalog_lists_it() -> (
    None
):
    as_listed = attrs.evolve(
        LAW.offense("CR-4-203-a1-i"), listed_in=frozenset({"US-MD:weapon-crime-criminal-law"})
    )
    (problem,) = LAW.problems(request(offense=as_listed))
    assert problem.startswith("$.offense.listed_in: 'CR-4-203-a1-i' is on no list")
    with pytest.raises(frpolicy.InconsistentRequest):
        LAW.evaluate(request(offense=as_listed), strict=True)


def test_first_degree_child_abuse_is_accepted_on_both_its_lists_child_abuse_and_a_crime_of_violence_under_14_101() -> (  # noqa: E501 - the name is the sentence
    None
):
    abuse = LAW.offense("CR-3-601-b")
    assert abuse.listed_in == {"US-MD:child-abuse", "US-MD:crime-of-violence"}
    assert LAW.problems(request(offense=abuse)) == ()
    assert LAW.evaluate(request(offense=abuse), strict=True).outcome is Outcome.PERMITTED
    # second-degree child abuse is item 3 only: §14-101 names the first degree
    assert LAW.offense("CR-3-601-d").listed_in == {"US-MD:child-abuse"}


def test_importing_fentanyl_is_item_9_by_its_subsection_5_614_a_1_xii() -> None:
    fentanyl = LAW.offense("CR-5-614-a1-xii")
    assert fentanyl.citation == "Crim. Law §5-614(a)(1)(xii)"
    assert fentanyl.listed_in == {"US-MD:fentanyl-importation"}


@pytest.mark.parametrize("offense", OFFENSES, ids=[o.code for o in OFFENSES])
def test_every_offense_of_the_catalog_sent_as_the_catalog_lists_it_is_accepted(
    offense: frpolicy.Offense,
) -> None:
    assert LAW.problems(request(offense=offense)) == ()


# -- §2-503(a)(1): only use "in the furtherance of a criminal investigation" is restricted -----

NO_CRIME = {"offense": None, "suspicion": Suspicion.NONE}


def test_the_state_police_identifying_a_person_threatening_suicide_with_no_crime_suspected_is_permitted_under_2_507_5() -> (  # noqa: E501 - the name is the sentence
    None
):
    crisis = request(
        requesting_agency=STATE_POLICE,
        purpose=Purpose.EMERGENCY,
        emergency=_emergency(),
        **NO_CRIME,
    )
    decision = LAW.evaluate(crisis)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MD-EXCEPT-NONINVESTIGATIVE"}
    assert cited(decision) == {"Md. Code, Crim. Proc. §2-507(5) (2024 Md. Laws ch. 808)"}
    assert "md-emergency-without-crime" in [r.id for r in decision.readings]
    # the subtitle still governs it: disclosed if a case follows, counted in the report
    assert {o.duty for o in decision.obligations} == {
        "MD-DISCOVERY",
        "MD-SOLE-BASIS",
        "MD-ANNUAL-REPORT",
    }
    assert_invariants_hold(LAW, crisis)


def test_read_the_other_way_an_emergency_with_no_crime_suspected_is_an_investigation_and_not_permitted() -> (  # noqa: E501 - the name is the sentence
    None
):
    every_emergency = LAW.with_readings({"md-emergency-without-crime": "investigation"})
    crisis = request(purpose=Purpose.EMERGENCY, emergency=_emergency(), **NO_CRIME)
    assert every_emergency.decide(crisis) is Outcome.NOT_PERMITTED
    assert_invariants_hold(every_emergency, crisis)


@pytest.mark.parametrize(
    ("code", "outcome"),
    [("CR-2-201", Outcome.PERMITTED), ("CR-7-104-under-100", Outcome.FORBIDDEN)],
    ids=["a-listed-crime", "an-unlisted-crime"],
)
def test_an_emergency_whose_request_names_a_crime_furthers_its_investigation(
    code: str, outcome: Outcome
) -> None:
    req = request(purpose=Purpose.EMERGENCY, emergency=_emergency(), offense=LAW.offense(code))
    assert LAW.decide(req) is outcome


def test_a_suspicion_that_names_no_crime_does_not_make_an_emergency_an_investigation() -> None:
    # the twelve categories are drawn by offense: as read, a request names the crime it
    # investigates; and taking a suspicion away never permits what it refused
    suspected = request(
        purpose=Purpose.EMERGENCY,
        emergency=_emergency(),
        offense=None,
        suspicion=Suspicion.REASONABLE_SUSPICION,
    )
    assert LAW.decide(suspected) is Outcome.PERMITTED
    assert LAW.decide(attrs.evolve(suspected, suspicion=Suspicion.NONE)) is Outcome.PERMITTED


@pytest.mark.parametrize(
    "purpose",
    [
        Purpose.IDENTIFY_DETAINED,
        Purpose.IDENTIFY_CONCEALING_IDENTITY,
        Purpose.IDENTIFY_DANGER_TO_SELF_OR_OTHERS,
        Purpose.VET_UNDERCOVER_OFFICER,
    ],
)
def test_identifying_a_detained_or_dangerous_person_is_an_investigation_only_of_a_named_crime(
    purpose: Purpose,
) -> None:
    assert LAW.decide(request(purpose=purpose, **NO_CRIME)) is Outcome.PERMITTED
    unlisted = request(purpose=purpose, offense=LAW.offense("CR-7-104-under-100"))
    assert LAW.decide(unlisted) is Outcome.FORBIDDEN


@pytest.mark.parametrize(
    "purpose",
    [
        Purpose.NON_INVESTIGATIVE,
        Purpose.LICENSE_ISSUANCE,
        Purpose.TRAVEL_VERIFICATION,
        Purpose.FEDERALLY_MANDATED,
        Purpose.OTHER,
    ],
    ids=lambda p: p.value,
)
def test_a_use_unrelated_to_a_criminal_investigation_is_not_restricted_by_2_503_and_is_permitted_under_2_507_5(  # noqa: E501 - the name is the sentence
    purpose: Purpose,
) -> None:
    # on live video, of a bystander in protected activity: each banned in an investigation
    req = request(
        purpose=purpose,
        probe=probe(kind=MediaKind.LIVE_VIDEO, protected_activity=True, bystander=True),
        real_time=True,
        **NO_CRIME,
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"MD-EXCEPT-NONINVESTIGATIVE"}
    assert_invariants_hold(LAW, req)


def test_another_purpose_naming_an_unlisted_crime_is_a_criminal_investigation_and_forbidden() -> (
    None
):
    req = request(purpose=Purpose.OTHER, offense=LAW.offense("CR-6-402"))
    assert LAW.evaluate(req).outcome is Outcome.FORBIDDEN


@pytest.mark.parametrize(
    ("purpose", "code", "outcome"),
    [
        (Purpose.IDENTIFY_VICTIM, "CR-3-1102", Outcome.PERMITTED),
        (Purpose.IDENTIFY_WITNESS, "CR-7-104-under-100", Outcome.FORBIDDEN),
        (Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION, "CR-6-402", Outcome.FORBIDDEN),
    ],
    ids=["victim-of-trafficking", "witness-of-a-petty-theft", "identity-documents"],
)
def test_identifying_a_victim_or_a_witness_investigates_the_crime_and_needs_it_listed(
    purpose: Purpose, code: str, outcome: Outcome
) -> None:
    assert LAW.decide(request(purpose=purpose, offense=LAW.offense(code))) is outcome


def test_recording_protected_activity_is_read_as_investigative_and_refused() -> None:
    req = request(purpose=Purpose.RECORD_PROTECTED_ACTIVITY, probe=probe(protected_activity=True))
    assert LAW.decide(attrs.evolve(req, offense=None)) is Outcome.FORBIDDEN  # §2-503(a)(1)(ii)1


def test_every_purpose_lands_where_the_statute_puts_it_investigative_open_or_excepted() -> None:
    excepted = [p for purposes in ch808.EXCEPTED_PURPOSES.values() for p in purposes]
    placed = [*ch808.INVESTIGATIVE_PURPOSES, *ch808.OPEN_PURPOSES, *excepted]
    assert sorted(placed, key=lambda p: p.value) == sorted(Purpose, key=lambda p: p.value)


# -- §2-503(a)(1)(iii) ff., not read: the reported bans are readings ----------------------------


@pytest.mark.parametrize(
    ("reading", "changes"),
    [
        ("md-real-time-ban", {"real_time": True}),
        (
            "md-sketch-ban",
            {
                "probe": ProbeImage(
                    kind=MediaKind.STILL_IMAGE, source=ImageSource.WITNESS, composite=True
                )
            },
        ),
    ],
    ids=["real-time", "sketch"],
)
def test_a_ban_read_from_the_news_only_can_be_switched_off_and_the_memo_names_it(
    reading: str, changes: dict[str, Any]
) -> None:
    req = request(**changes)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert reading in [r.id for r in decision.readings]
    unread = LAW.with_readings({reading: "not-encoded"})
    other = unread.evaluate(req)
    assert other.outcome is Outcome.PERMITTED
    assert reading in [r.id for r in other.readings]
    assert_invariants_hold(unread, req)


# -- §2-510: every search counted in the agency's annual report --------------------------------


def _report(decision: Decision) -> frpolicy.Obligation:
    (found,) = [o for o in decision.obligations if o.duty == "MD-ANNUAL-REPORT"]
    return found


@pytest.mark.parametrize(
    "changes",
    [{}, {"offense": LAW.offense("CR-3-203")}, {"offense": None}, {"purpose": Purpose.REDACTION}],
    ids=["permitted", "forbidden", "not-permitted", "excepted"],
)
def test_every_maryland_search_permitted_or_not_is_counted_in_the_annual_report_due_february_1_under_2_510(  # noqa: E501 - the name is the sentence
    changes: dict[str, Any],
) -> None:
    report = _report(LAW.evaluate(request(**changes)))
    assert report.due == datetime(
        2025, 2, 1, 23, 59, 59, 999999, tzinfo=ZoneInfo("America/New_York")
    )
    assert report.fulfilled_by is EventKind.SEARCH_REPORTED
    assert str(report.citation) == "Md. Code, Crim. Proc. §2-510(a) (2024 Md. Laws ch. 808)"


def test_a_search_left_out_of_the_report_due_february_1_breaks_2_510() -> None:
    report = _report(LAW.evaluate(request()))
    searched = Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED)

    def status(reported: datetime | None, at: datetime) -> ObligationStatus:
        events = [searched]
        if reported is not None:
            events.append(Event(kind=EventKind.SEARCH_REPORTED, at=reported))
        found: ObligationStatus = report.check(events, at).status
        return found

    january, march = datetime(2025, 1, 20, tzinfo=UTC), datetime(2025, 3, 1, tzinfo=UTC)
    assert status(january, march) is ObligationStatus.MET
    assert status(None, january) is ObligationStatus.PENDING
    assert status(None, march) is ObligationStatus.VIOLATED
    assert status(datetime(2025, 2, 3, tzinfo=UTC), march) is ObligationStatus.VIOLATED


def test_a_search_maryland_does_not_govern_is_in_no_maryland_report() -> None:
    decision = LAW.evaluate(request(requesting_agency=FBI, performing_agency=FBI))
    assert decision.obligations == ()


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


def _without_duty(duty_id: str) -> Version:
    duties = tuple(d for d in LAW.policy.duties if d.id != duty_id)
    return attrs.evolve(LAW, policy=attrs.evolve(LAW.policy, duties=duties))


def test_a_deleted_2_510_duty_fails_frpolicy_verify_with_a_counterexample() -> None:
    result = verify(_without_duty("MD-ANNUAL-REPORT"))
    assert not result.ok
    (failure,) = [f for f in result.failures() if f.kind is ClaimKind.INVARIANT]
    assert (failure.subject, failure.status) == ("annual-report", Status.DISPROVED)
    assert "MD-ANNUAL-REPORT" in failure.detail
    assert failure.witness is not None


def test_a_module_that_bans_by_default_outside_a_criminal_investigation_fails_frpolicy_verify() -> (
    None
):
    # §2-507(5) misread as covering only the purposes it names in words
    narrow = c.purpose_in(ch808.EXCEPTED_PURPOSES["(5)"])
    (version,) = _misread("XX-DEFAULT-BAN", "MD-EXCEPT-NONINVESTIGATIVE", narrow).versions
    claim = prove(version, next(i for i in version.invariants if i.id == "no-default-ban"))
    assert claim.status is Status.DISPROVED


def test_maryland_with_both_reported_bans_off_still_passes_the_law_property_suite() -> None:
    # each reading read the other way alone: test_jurisdictions_properties; these two together
    choices = {"md-real-time-ban": "not-encoded", "md-sketch-ban": "not-encoded"}
    check_jurisdiction(MD.with_readings(choices), max_examples=30)


# -- where agencies belong: every kind, from every place ---------------------------------------

HOMES = {"Maryland": "US-MD", "Baltimore": "US-MD-BAL", "Delaware": "US-DE", "federal": "US"}
HOMES_AND_NONE: dict[str, str | None] = {**HOMES, "no home": None}
BOUND = {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
"""The law enforcement agencies of §2-501(c), prosecutors as read (md-prosecutors)."""
# an agency that binds no one: another state's motor vehicle registry
DELAWARE_REGISTRY = Agency(
    id="DEDMV",
    name="Delaware Division of Motor Vehicles",
    kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
    home="US-DE",
)


def _governed(kind: AgencyKind, home: str | None) -> bool:
    """Read from §2-501: a law enforcement agency of the State or its subdivisions."""
    return kind in BOUND and (home is None or home == "US-MD" or home.startswith("US-MD-"))


@pytest.mark.parametrize("home", HOMES_AND_NONE, ids=list(HOMES_AND_NONE))
@pytest.mark.parametrize("kind", list(AgencyKind), ids=[k.value for k in AgencyKind])
@pytest.mark.parametrize("role", ["requesting_agency", "performing_agency"])
def test_a_search_is_maryland_s_when_a_maryland_law_enforcement_agency_asks_for_or_performs_it(
    role: str, kind: AgencyKind, home: str
) -> None:
    place = HOMES_AND_NONE[home]
    agency = Agency(id="X-1", name="An agency", kind=kind, home=place)
    parties: dict[str, Any] = {
        "requesting_agency": DELAWARE_REGISTRY,
        "performing_agency": DELAWARE_REGISTRY,
    }
    req = request(**(parties | {role: agency}))
    governed = LAW.decide(req) is not Outcome.NOT_APPLICABLE
    assert governed is _governed(kind, place)
    assert_invariants_hold(LAW, req)


def test_a_delaware_department_asking_the_maryland_state_police_is_governed_by_the_search_it_runs() -> (  # noqa: E501 - the name is the sentence
    None
):
    delaware = Agency(
        id="WPD", name="Wilmington Police", kind=AgencyKind.LOCAL_POLICE, home="US-DE"
    )
    req = request(requesting_agency=delaware, offense=LAW.offense("CR-3-203"))
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_maryland_department_asking_the_virginia_state_police_is_governed_as_run_at_its_direction() -> (  # noqa: E501 - the name is the sentence
    None
):
    virginia = Agency(
        id="VSP", name="Virginia State Police", kind=AgencyKind.STATE_POLICE, home="US-VA"
    )
    req = request(performing_agency=virginia, offense=LAW.offense("CR-3-203"))
    assert LAW.decide(req) is Outcome.FORBIDDEN


def test_a_delaware_department_asking_the_motor_vehicle_administration_is_not_marylands_to_govern() -> (  # noqa: E501 - the name is the sentence
    None
):
    delaware = Agency(
        id="WPD", name="Wilmington Police", kind=AgencyKind.LOCAL_POLICE, home="US-DE"
    )
    req = request(
        requesting_agency=delaware, performing_agency=MVA, offense=LAW.offense("CR-3-203")
    )
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "the search is requested by an agency of Maryland" in decision.explain()


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
        ("MD-0005", ("MD-ANNUAL-REPORT",)),  # left out of the report due 2025-02-01
        ("MD-0017", ("MD-UNLISTED",)),  # plain carrying of a handgun, §4-203(a)(1)(i)
    }
    # MD-0016, an emergency with no crime suspected, is permitted: no search is refused
    # for want of an authorizing rule
    assert {row["outcome"]: row["requests"] for row in report["by_outcome"]} == {
        "permitted": 8,
        "forbidden": 7,
        "not_permitted": 0,
        "not_applicable": 2,
    }
