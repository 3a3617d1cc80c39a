"""Virginia, provision by provision: each scenario names what it proves, in the law's terms."""

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
    Decision,
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
    Suspicion,
    Technology,
    Verification,
    Version,
)
from frpolicy.jurisdictions.us_va import ch737
from frpolicy.jurisdictions.us_va.common import AGENCIES
from frpolicy.policy import NO_LAW, Rule

VA = frpolicy.jurisdiction("US-VA")
BAN_2021 = VA.version("2021 Va. Acts Sp. Sess. I ch. 537")
LAW = VA.version("2022 Va. Acts ch. 737")
BAN_2026 = VA.version("Va. Code §15.2-1723.2 (from 2026-07-01)")

SUBMITTED = datetime(2024, 5, 14, 14, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=1)

AGENCY = {a.id: a for a in AGENCIES}
STATE_POLICE, FAIRFAX_POLICE, RICHMOND_POLICE = AGENCY["VSP"], AGENCY["FCPD"], AGENCY["RPD"]
CAMPUS_POLICE, SHERIFF, DMV = AGENCY["VTPD"], AGENCY["HCSO"], AGENCY["VADMV"]
PROSECUTOR, CORRECTIONS, FBI = AGENCY["RCA"], AGENCY["VADOC"], AGENCY["FBI-NF"]
MARYLAND_POLICE = Agency(
    id="MCPD",
    name="Montgomery County Police Department",
    kind=AgencyKind.LOCAL_POLICE,
    home="US-MD",
)
APPROVED = Technology(name="Clearview AI", vendor="Clearview", approved=True, tested_accuracy=9870)


def request(**changes: Any) -> SearchRequest:
    """Fairfax police ask the State Police to identify a robbery suspect on reasonable suspicion."""
    fields: dict[str, Any] = {
        "id": "VA-TEST-1",
        "requesting_agency": FAIRFAX_POLICE,
        "performing_agency": STATE_POLICE,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": APPROVED,
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("VA-18.2-58"),
        "suspicion": Suspicion.REASONABLE_SUSPICION,
    }
    return SearchRequest(**(fields | changes))


def no_suspect(**changes: Any) -> SearchRequest:
    """The same search for no suspect: no suspicion, no offense, only its purpose."""
    return request(**({"suspicion": Suspicion.NONE, "offense": None} | changes))


def emergency(**changes: Any) -> Emergency:
    fields: dict[str, Any] = {
        "harm": Harm.DEATH,
        "immediate": True,
        "declared_by": "VSP-0412",
        "declared_at": SUBMITTED,
    }
    return Emergency(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


def on(day: date, req: SearchRequest | None = None) -> SearchRequest:
    """The request, asked for and performed at noon UTC on a day."""
    at = datetime(day.year, day.month, day.day, 16, tzinfo=UTC)
    return attrs.evolve(req or request(), submitted_at=at, performed_at=at)


# -- §15.2-1723.2(A)(i): a suspect, on reasonable suspicion ----------------------------------


def test_a_virginia_search_for_a_suspect_on_reasonable_suspicion_needs_no_warrant_under_a_i() -> (
    None
):
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert request().warrant is None
    assert determining(decision) == {"VA-SUSPECT"}
    assert {str(r.citation) for r in decision.determining} == {
        "Va. Code §15.2-1723.2(A)(i) (2022 Va. Acts ch. 737)"
    }
    assert_invariants_hold(LAW, request())


@pytest.mark.parametrize("code", [o.code for o in LAW.offenses])
def test_reasonable_suspicion_of_any_crime_will_do_under_a_i(code: str) -> None:
    assert LAW.decide(request(offense=LAW.offense(code))) is Outcome.PERMITTED


def test_probable_cause_is_reasonable_suspicion_and_more() -> None:
    assert LAW.decide(request(suspicion=Suspicion.PROBABLE_CAUSE)) is Outcome.PERMITTED


def test_searching_for_a_suspect_without_reasonable_suspicion_is_forbidden_as_a_crime_of_its_operator() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(suspicion=Suspicion.NONE)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"VA-UNAUTHORIZED-USE"}
    assert "Class 3 misdemeanor" in decision.explain()
    assert_invariants_hold(LAW, req)


# -- (A)(iv): trafficking ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["VA-18.2-248", "VA-18.2-357.1"], ids=["drugs", "humans"])
def test_a_person_involved_in_trafficking_may_be_identified_without_reasonable_suspicion_under_a_iv(
    code: str,
) -> None:
    req = request(offense=LAW.offense(code), suspicion=Suspicion.NONE)
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"VA-TRAFFICKING"}
    assert_invariants_hold(LAW, req)


# -- (A)(ii)-(xiv): every purpose -------------------------------------------------------------

# Read from the fourteen clauses: the purposes that are an authorized use by themselves.
AUTHORIZED_ALONE = {
    Purpose.IDENTIFY_VICTIM: "(ii) a crime victim; (iv) a victim of trafficking",
    Purpose.SEIZED_MEDIA_ANALYSIS: "(ii) a victim of online sexual abuse material",
    Purpose.IDENTIFY_MISSING: "(iii) a missing person",
    Purpose.IDENTIFY_WITNESS: "(iii) a witness to criminal activity",
    Purpose.IDENTIFY_MISSING_OR_INCAPACITATED: "(iii) missing; (viii) incapacitated",
    Purpose.IDENTIFY_INCAPACITATED: "(vi) cannot communicate; (viii) incapacitated",
    Purpose.IDENTIFY_DECEASED: "(vii) a deceased person",
    Purpose.IDENTIFY_DANGER_TO_SELF_OR_OTHERS: "(ix) a danger to himself or others",
    Purpose.IDENTIFY_DETAINED: "(x) an individual lawfully detained",
    Purpose.EMERGENCY: "(xi) an imminent threat",
    Purpose.VET_UNDERCOVER_OFFICER: "(xii) vetting undercover law enforcement",
    Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION: "(xiii) identity documents obtained by fraud",
    Purpose.IDENTIFY_CONCEALING_IDENTITY: "(xiv) concealing his identity",
}


@pytest.mark.parametrize("purpose", list(Purpose), ids=[p.value for p in Purpose])
def test_every_purpose_is_judged_by_the_fourteen_authorized_uses_of_a(purpose: Purpose) -> None:
    # no suspicion, no offense: only the purpose can make it an authorized use
    req = no_suspect(purpose=purpose)
    decision = LAW.evaluate(req)
    if purpose in AUTHORIZED_ALONE:
        assert decision.outcome is Outcome.PERMITTED, AUTHORIZED_ALONE[purpose]
        assert determining(decision) == {"VA-AUTHORIZED-PURPOSE"}
    elif purpose is Purpose.REDACTION:  # redaction identifies no one
        assert decision.outcome is Outcome.NOT_APPLICABLE
    else:
        assert decision.outcome is Outcome.FORBIDDEN
        assert determining(decision) == {"VA-UNAUTHORIZED-USE"}
    assert_invariants_hold(LAW, req)


def test_the_authorized_purposes_constant_names_the_clauses_it_reads() -> None:
    assert set().union(*ch737.AUTHORIZED_PURPOSES.values()) == set(AUTHORIZED_ALONE)


# -- (A)(xi): an imminent threat ----------------------------------------------------------------


def test_an_imminent_threat_declared_before_the_search_permits_it_whatever_it_is_for_under_a_xi() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(suspicion=Suspicion.NONE, emergency=emergency())
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"VA-IMMINENT-THREAT"}
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(
    "threat",
    [emergency(immediate=False), emergency(declared_at=PERFORMED + timedelta(minutes=5))],
    ids=["can-wait", "declared-after-the-search"],
)
def test_a_threat_that_can_wait_or_came_after_the_search_is_no_imminent_threat(
    threat: Emergency,
) -> None:
    assert LAW.decide(request(suspicion=Suspicion.NONE, emergency=threat)) is Outcome.FORBIDDEN


# -- the technology: approved, and NIST-tested at 98 % ----------------------------------------


def test_a_technology_the_division_of_purchases_and_supply_did_not_approve_is_not_permitted() -> (
    None
):
    req = request(technology=attrs.evolve(APPROVED, approved=False))
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: the facial-recognition technology used is approved" in decision.explain()


@pytest.mark.parametrize(
    ("accuracy", "outcome"),
    [(9799, Outcome.NOT_PERMITTED), (9800, Outcome.PERMITTED), (10_000, Outcome.PERMITTED)],
    ids=["97.99", "98.00", "100.00"],
)
def test_the_technology_scores_at_least_98_percent_true_positives_across_demographic_groups(
    accuracy: int, outcome: Outcome
) -> None:
    req = request(technology=attrs.evolve(APPROVED, tested_accuracy=accuracy))
    assert LAW.decide(req) is outcome


def test_an_unstated_accuracy_is_shown_only_if_the_approval_is_read_to_show_it() -> None:
    req = request(technology=attrs.evolve(APPROVED, tested_accuracy=None))
    decision = LAW.evaluate(req)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert [r.id for r in decision.readings] == ["va-tested-accuracy"]
    approval_suffices = LAW.with_readings({"va-tested-accuracy": "approval-suffices"})
    assert approval_suffices.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(approval_suffices, req)


# -- no real-time tracking (reported) ---------------------------------------------------------

LIVE = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)


@pytest.mark.parametrize(
    "tracking",
    [
        {"real_time": True, "ongoing_surveillance": True},
        {"probe": LIVE, "analysis": Analysis.TRACKING},
    ],
    ids=["real-time-surveillance", "live-tracking"],
)
def test_tracking_an_identified_person_in_real_time_is_forbidden_as_reported_news_low(
    tracking: dict[str, Any],
) -> None:
    decision = LAW.evaluate(request(**tracking))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"VA-REAL-TIME"}
    assert "[news, low confidence]" in decision.explain()
    (reason,) = decision.determining
    assert reason.source.verification is Verification.NEWS


def test_a_real_time_identification_that_follows_no_one_is_banned_only_if_all_real_time_use_is() -> (  # noqa: E501 - the name is the sentence
    None
):
    req = request(probe=LIVE, real_time=True)
    assert LAW.decide(req) is Outcome.PERMITTED
    any_real_time = LAW.with_readings({"va-real-time": "any-real-time"})
    assert any_real_time.decide(req) is Outcome.FORBIDDEN
    assert_invariants_hold(any_real_time, req)


def test_following_a_person_through_stored_images_after_the_fact_is_not_real_time_tracking() -> (
    None
):
    assert LAW.decide(request(ongoing_surveillance=True)) is Outcome.PERMITTED


def test_a_warrant_does_not_lift_the_ban_on_real_time_tracking() -> None:
    warrant = frpolicy.Warrant(
        case_number="CR24-1187",
        court=frpolicy.CourtKind.SUPERIOR_COURT,
        judge="Hon. T. Alvarez",
        issued_at=SUBMITTED - timedelta(days=1),
        authorizes_facial_recognition=True,
    )
    req = request(warrant=warrant, real_time=True, ongoing_surveillance=True)
    assert LAW.decide(req) is Outcome.FORBIDDEN


# -- who is bound: every agency kind, from every place ------------------------------------------

PLACES = ("US-VA", "US-VA-RIC", "US-MD", "US", "CA-QC", None)
BOUND = {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE}
VIRGINIAS_OWN = {"US-VA", "US-VA-RIC", None}  # a place within Virginia, or no home stated


def _agency(kind: AgencyKind, home: str | None) -> Agency:
    return Agency(id=f"{kind.value}-{home}", name=f"{kind.label} of {home}", kind=kind, home=home)


CASES = [(kind, home) for kind in AgencyKind for home in PLACES]
CASE_IDS = [f"{kind.value}-{home or 'no-home'}" for kind, home in CASES]


@pytest.mark.parametrize(("kind", "home"), CASES, ids=CASE_IDS)
def test_a_search_run_by_an_agency_is_governed_when_it_is_virginias_police(
    kind: AgencyKind, home: str | None
) -> None:
    # asked by the FBI for itself, so only the agency that runs it can bring it in; with no
    # suspicion, a governed search is forbidden
    req = request(requesting_agency=FBI, performing_agency=_agency(kind, home))
    governed = kind in BOUND and home in VIRGINIAS_OWN
    expected = Outcome.FORBIDDEN if governed else Outcome.NOT_APPLICABLE
    assert LAW.decide(attrs.evolve(req, suspicion=Suspicion.NONE)) is expected
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(("kind", "home"), CASES, ids=CASE_IDS)
def test_a_search_asked_for_by_an_agency_is_governed_when_it_is_virginias_police_unless_read_as_own_use(  # noqa: E501 - the name is the sentence
    kind: AgencyKind, home: str | None
) -> None:
    req = request(
        requesting_agency=_agency(kind, home), performing_agency=FBI, suspicion=Suspicion.NONE
    )
    governed = kind in BOUND and home in VIRGINIAS_OWN
    assert LAW.decide(req) is (Outcome.FORBIDDEN if governed else Outcome.NOT_APPLICABLE)
    own_use = LAW.with_readings({"va-requested-searches": "own-use"})
    assert own_use.decide(req) is Outcome.NOT_APPLICABLE


def test_a_maryland_department_asking_the_virginia_state_police_is_bound_by_their_authorized_uses() -> (  # noqa: E501 - the name is the sentence
    None
):
    asked = request(requesting_agency=MARYLAND_POLICE)
    assert LAW.decide(asked) is Outcome.PERMITTED
    assert LAW.decide(attrs.evolve(asked, suspicion=Suspicion.NONE)) is Outcome.FORBIDDEN


@pytest.mark.parametrize(
    "agency", [CAMPUS_POLICE, SHERIFF, RICHMOND_POLICE], ids=["campus", "sheriff", "city"]
)
def test_campus_police_and_sheriffs_are_bound_as_the_police_of_a_city_are(agency: Agency) -> None:
    req = request(requesting_agency=agency, performing_agency=agency, suspicion=Suspicion.NONE)
    assert LAW.decide(req) is Outcome.FORBIDDEN


@pytest.mark.parametrize(
    "agency", [DMV, PROSECUTOR, CORRECTIONS], ids=["dmv", "prosecutor", "corrections"]
)
def test_the_sections_do_not_name_the_dmv_a_prosecutor_or_the_department_of_corrections(
    agency: Agency,
) -> None:
    req = no_suspect(requesting_agency=agency, performing_agency=agency)
    assert LAW.decide(req) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(
    "changes",
    [{"analysis": Analysis.EMOTION_INFERENCE}, {"purpose": Purpose.REDACTION}],
    ids=["emotion-inference", "redaction"],
)
def test_what_identifies_no_one_is_not_facial_recognition_as_the_2022_act_defines_it(
    changes: dict[str, Any],
) -> None:
    decision = LAW.evaluate(request(**changes))
    assert decision.outcome is Outcome.NOT_APPLICABLE


# -- duties: no match in an affidavit, every use recorded ----------------------------------------


def _status(duty: str, events: list[Event]) -> ObligationStatus:
    (found,) = [o for o in LAW.evaluate(request()).obligations if o.duty == duty]
    timeline = [Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED), *events]
    status: ObligationStatus = found.check(timeline, PERFORMED + timedelta(days=30)).status
    return status


def _at(kind: EventKind, days: float) -> Event:
    return Event(kind=kind, at=PERFORMED + timedelta(days=days))


def test_probable_cause_for_a_warrant_rests_on_evidence_other_than_the_match() -> None:
    sought = _at(EventKind.RESULT_RELIED_ON, 3)
    other_evidence = _at(EventKind.RESULT_CORROBORATED, 2)
    assert _status("VA-AFFIDAVIT", [other_evidence, sought]) is ObligationStatus.MET
    assert _status("VA-AFFIDAVIT", [sought]) is ObligationStatus.VIOLATED
    assert _status("VA-AFFIDAVIT", []) is ObligationStatus.PENDING


def test_every_use_is_recorded_for_the_annual_report_with_no_deadline_of_its_own() -> None:
    assert _status("VA-RECORDS", [_at(EventKind.SEARCH_DOCUMENTED, 1)]) is ObligationStatus.MET
    assert _status("VA-RECORDS", []) is ObligationStatus.PENDING


def test_a_forbidden_search_is_still_recorded_and_its_match_still_kept_out_of_affidavits() -> None:
    decision = LAW.evaluate(request(suspicion=Suspicion.NONE))
    assert decision.outcome is Outcome.FORBIDDEN
    assert {o.duty for o in decision.obligations} == {"VA-AFFIDAVIT", "VA-RECORDS"}


def test_the_annual_report_due_april_1_is_recorded_with_its_source() -> None:
    (report,) = [p for p in LAW.provisions if p.id == "VA-ANNUAL-REPORT"]
    assert "April 1" in report.text
    assert "RD703" in report.source.reference


# -- three versions: the 2021 ban, the 2022 act, the ban again from July 1, 2026 ------------------


@pytest.mark.parametrize(
    ("day", "instrument"),
    [
        (date(2021, 6, 30), NO_LAW),
        (date(2021, 7, 1), "2021 Va. Acts Sp. Sess. I ch. 537"),
        (date(2022, 6, 30), "2021 Va. Acts Sp. Sess. I ch. 537"),
        (date(2022, 7, 1), "2022 Va. Acts ch. 737"),
        (date(2026, 6, 30), "2022 Va. Acts ch. 737"),
        (date(2026, 7, 1), "Va. Code §15.2-1723.2 (from 2026-07-01)"),
    ],
)
def test_the_virginia_law_in_force_on_each_day(day: date, instrument: str) -> None:
    assert VA.evaluate(on(day)).instrument == instrument


@pytest.mark.parametrize(
    "day", [date(2021, 9, 1), date(2026, 8, 3)], ids=["2021-ban", "2026-ban-again"]
)
def test_under_the_ban_every_search_a_virginia_local_agency_runs_is_forbidden_whatever_it_is_for(
    day: date,
) -> None:
    for purpose in (Purpose.CRIMINAL_INVESTIGATION, Purpose.IDENTIFY_DECEASED, Purpose.EMERGENCY):
        req = on(day, request(performing_agency=FAIRFAX_POLICE, purpose=purpose))
        decision = VA.evaluate(req)
        assert decision.outcome is Outcome.FORBIDDEN
        assert determining(decision) == {"VA-BAN"}


@pytest.mark.parametrize("version", [BAN_2021, BAN_2026], ids=["2021", "2026"])
def test_a_local_agency_asking_the_state_police_was_not_banned_unless_deploy_is_read_as_any_use(
    version: Version,
) -> None:
    req = request()  # Fairfax police ask, the State Police run it
    assert version.decide(req) is Outcome.NOT_APPLICABLE
    any_use = version.with_readings({"va-deploy": "any-use"})
    assert any_use.decide(req) is Outcome.FORBIDDEN
    assert_invariants_hold(any_use, req)


@pytest.mark.parametrize(("kind", "home"), CASES, ids=CASE_IDS)
def test_the_ban_reaches_virginias_local_and_campus_police_only(
    kind: AgencyKind, home: str | None
) -> None:
    req = request(requesting_agency=FBI, performing_agency=_agency(kind, home))
    banned = kind is AgencyKind.LOCAL_POLICE and home in VIRGINIAS_OWN
    expected = Outcome.FORBIDDEN if banned else Outcome.NOT_APPLICABLE
    assert BAN_2026.decide(req) is expected
    assert BAN_2021.decide(req) is expected


def test_the_2026_version_says_where_its_text_was_read_and_what_was_not() -> None:
    (revival,) = [p for p in BAN_2026.provisions if p.id == "VA-REVIVAL-2026"]
    assert "No act of the 2025 or 2026 sessions" in revival.text
    (rule,) = BAN_2026.policy.rules
    assert rule.source.confidence is frpolicy.Confidence.MEDIUM
    assert "instalawyer.io" in rule.source.reference
    assert not [p for p in BAN_2021.provisions if p.id == "VA-REVIVAL-2026"]


# -- offenses -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VA.versions, ids=[v.instrument.id for v in VA.versions])
def test_an_offense_tagged_as_trafficking_is_accepted_by_every_version_of_virginia_law(
    version: Version,
) -> None:
    assert version.problems(request(offense=LAW.offense("VA-18.2-248"))) == ()


def test_a_catalogued_offense_sent_without_its_trafficking_tag_is_refused_with_its_path() -> None:
    untagged = attrs.evolve(LAW.offense("VA-18.2-248"), listed_in=frozenset())
    (problem,) = LAW.problems(request(offense=untagged))
    assert problem.startswith("$.offense.listed_in: 'VA-18.2-248' is on US-VA:trafficking")


# -- invariants from the provisions catch a misread rule --------------------------------------


def _misread(rule_id: str, when: frpolicy.Predicate) -> Version:
    """The 2022 act, with one rule's condition replaced: a module that misread the statute."""

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    policy = attrs.evolve(LAW.policy, rules=tuple(misread(r) for r in LAW.policy.rules))
    return attrs.evolve(LAW, policy=policy)


def _broken(version: Version, req: SearchRequest) -> set[str]:
    decision = version.evaluate(req)
    return {i.id for i in version.invariants if i.broken_by(req, decision) is not None}


def test_a_virginia_module_that_forgets_the_operators_crime_is_caught_by_its_invariant() -> None:
    never = frpolicy.leaf("never", "never", "False")
    req = request(suspicion=Suspicion.NONE)
    assert _broken(_misread("VA-UNAUTHORIZED-USE", never), req) == {"unauthorized-use-is-a-crime"}


def test_a_virginia_module_that_forgets_the_real_time_ban_is_caught_by_its_invariant() -> None:
    never = frpolicy.leaf("never", "never", "False")
    req = request(real_time=True, ongoing_surveillance=True)
    assert _broken(_misread("VA-REAL-TIME", never), req) == {"no-real-time-tracking"}


def test_a_virginia_module_that_asks_a_warrant_of_every_search_is_caught_by_its_invariant() -> None:
    from frpolicy import conditions as c  # noqa: PLC0415 - the conditions of the misreading

    version = _misread("VA-SUSPECT", ch737.SUSPECT & c.WARRANT_AUTHORIZES_SEARCH)
    assert _broken(version, request()) == {"authorized-use-not-refused"}
