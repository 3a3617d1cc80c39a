"""Alabama, provision by provision: each scenario names what it proves, in the law's terms."""

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
    Event,
    EventKind,
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
)
from frpolicy.jurisdictions.us_al.common import AGENCIES
from frpolicy.policy import NO_LAW, Rule

AL = frpolicy.jurisdiction("US-AL")
LAW = AL.version("Act 2022-420")

SUBMITTED = datetime(2024, 9, 3, 15, 0, tzinfo=UTC)
PERFORMED = SUBMITTED + timedelta(hours=2)

AGENCY = {a.id: a for a in AGENCIES}
STATE_POLICE, BIRMINGHAM_POLICE, SHERIFF = AGENCY["ALEA"], AGENCY["BHMPD"], AGENCY["MCSO"]
DRIVER_LICENSE, DISTRICT_ATTORNEY, FBI = AGENCY["ALEA-DL"], AGENCY["JCDA"], AGENCY["FBI-BH"]
GEORGIA_POLICE = Agency(
    id="APD", name="Atlanta Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-GA"
)


def request(**changes: Any) -> SearchRequest:
    """Birmingham police ask ALEA to identify a robbery suspect from a still image."""
    fields: dict[str, Any] = {
        "id": "AL-TEST-1",
        "requesting_agency": BIRMINGHAM_POLICE,
        "performing_agency": STATE_POLICE,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="Face search", vendor="Acme"),
        "submitted_at": SUBMITTED,
        "performed_at": PERFORMED,
        "offense": LAW.offense("AL-13A-8-41"),
    }
    return SearchRequest(**(fields | changes))


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


def on(day: date, req: SearchRequest | None = None) -> SearchRequest:
    at = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)  # noon in Alabama
    return attrs.evolve(req or request(), submitted_at=at, performed_at=at)


# -- §15-10-111: a duty, not a gate ---------------------------------------------------------


def test_an_alabama_search_is_permitted_and_obliges_corroboration_before_probable_cause_under_15_10_111() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = LAW.evaluate(request())
    assert decision.outcome is Outcome.PERMITTED
    assert {r.rule for r in decision.determining} == {"AL-SEARCH"}
    assert {o.duty for o in decision.obligations} == {"AL-SOLE-BASIS"}
    assert "Ala. Code §15-10-111(a)-(b) (Act 2022-420)" in decision.explain()
    assert_invariants_hold(LAW, request())


# What other laws refuse, Article 7 does not ask about.
UNCONDITIONED = {
    "no-suspicion": {"suspicion": Suspicion.NONE},
    "misdemeanor": {"offense": LAW.offense("AL-13A-7-4")},
    "no-offense": {"offense": None},
    "unapproved-technology": {"technology": Technology(name="Trial system")},
    "live-video": {"probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.OTHER)},
    "real-time": {"real_time": True, "ongoing_surveillance": True},
    "protest": {
        "probe": ProbeImage(
            kind=MediaKind.STILL_IMAGE, source=ImageSource.SOCIAL_MEDIA, protected_activity=True
        )
    },
    "political-views": {"protected_grounds": frozenset({ProtectedGround.POLITICAL_VIEWS})},
}


@pytest.mark.parametrize("changes", UNCONDITIONED.values(), ids=UNCONDITIONED.keys())
def test_article_7_sets_no_condition_on_the_search_itself(changes: dict[str, Any]) -> None:
    req = request(**changes)
    assert LAW.decide(req) is Outcome.PERMITTED
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize("purpose", list(Purpose), ids=[p.value for p in Purpose])
def test_every_purpose_of_an_identification_search_is_governed_and_obliges_corroboration(
    purpose: Purpose,
) -> None:
    decision = LAW.evaluate(request(purpose=purpose, offense=None))
    assert decision.outcome is Outcome.PERMITTED
    assert {o.duty for o in decision.obligations} == {"AL-SOLE-BASIS"}


def _status(events: list[Event]) -> ObligationStatus:
    (found,) = LAW.evaluate(request()).obligations
    timeline = [Event(kind=EventKind.SEARCH_PERFORMED, at=PERFORMED), *events]
    status: ObligationStatus = found.check(timeline, PERFORMED + timedelta(days=30)).status
    return status


def _at(kind: EventKind, days: float) -> Event:
    return Event(kind=kind, at=PERFORMED + timedelta(days=days))


def test_a_match_relied_on_alone_for_probable_cause_or_an_arrest_breaks_15_10_111_a() -> None:
    assert _status([_at(EventKind.RESULT_RELIED_ON, 2)]) is ObligationStatus.VIOLATED
    late = [_at(EventKind.RESULT_RELIED_ON, 2), _at(EventKind.RESULT_CORROBORATED, 4)]
    assert _status(late) is ObligationStatus.VIOLATED


def test_a_match_used_in_conjunction_with_other_lawful_evidence_meets_15_10_111_b() -> None:
    met = [_at(EventKind.RESULT_CORROBORATED, 1), _at(EventKind.RESULT_RELIED_ON, 2)]
    assert _status(met) is ObligationStatus.MET
    assert _status([]) is ObligationStatus.PENDING


def test_the_duty_is_read_from_the_text_of_the_statute() -> None:
    (duty,) = LAW.policy.duties
    assert duty.source.verification is Verification.TEXT
    assert duty.source.confidence is frpolicy.Confidence.HIGH


# -- §15-10-110: what facial recognition is ------------------------------------------------------


@pytest.mark.parametrize(
    "analysis",
    [Analysis.VERIFICATION, Analysis.TRACKING, Analysis.EMOTION_INFERENCE],
    ids=lambda a: a.value,
)
def test_only_a_search_to_identify_an_unknown_person_is_facial_recognition_under_15_10_110(
    analysis: Analysis,
) -> None:
    decision = LAW.evaluate(request(analysis=analysis))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "not: the system is used for identification" in decision.explain()


# -- who is bound: every agency kind, from every place ------------------------------------------

PLACES = ("US-AL", "US-AL-BHM", "US-GA", "US", "CA-QC", None)
ALABAMAS_OWN = {"US-AL", "US-AL-BHM", None}
LAW_ENFORCEMENT = {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}


def _agency(kind: AgencyKind, home: str | None) -> Agency:
    return Agency(id=f"{kind.value}-{home}", name=f"{kind.label} of {home}", kind=kind, home=home)


CASES = [(kind, home) for kind in AgencyKind for home in PLACES]
CASE_IDS = [f"{kind.value}-{home or 'no-home'}" for kind, home in CASES]


@pytest.mark.parametrize(("kind", "home"), CASES, ids=CASE_IDS)
def test_the_agency_that_asks_for_the_search_is_bound_when_it_is_alabamas_law_enforcement(
    kind: AgencyKind, home: str | None
) -> None:
    req = request(requesting_agency=_agency(kind, home), performing_agency=FBI)
    bound = kind in LAW_ENFORCEMENT and home in ALABAMAS_OWN
    assert LAW.decide(req) is (Outcome.PERMITTED if bound else Outcome.NOT_APPLICABLE)
    assert_invariants_hold(LAW, req)


@pytest.mark.parametrize(("kind", "home"), CASES, ids=CASE_IDS)
def test_an_agency_that_only_runs_the_search_for_another_places_police_is_bound_only_if_read_so(
    kind: AgencyKind, home: str | None
) -> None:
    req = request(requesting_agency=GEORGIA_POLICE, performing_agency=_agency(kind, home))
    assert LAW.decide(req) is Outcome.NOT_APPLICABLE
    both = LAW.with_readings({"al-searches-for-others": "user-or-searcher"})
    bound = kind in LAW_ENFORCEMENT and home in ALABAMAS_OWN
    assert both.decide(req) is (Outcome.PERMITTED if bound else Outcome.NOT_APPLICABLE)
    assert_invariants_hold(both, req)


def test_a_search_the_fbi_runs_for_the_birmingham_police_is_governed_they_use_the_match() -> None:
    assert LAW.decide(request(performing_agency=FBI)) is Outcome.PERMITTED


def test_a_sheriffs_office_is_a_local_law_enforcement_agency() -> None:
    assert LAW.decide(request(requesting_agency=SHERIFF)) is Outcome.PERMITTED


def test_a_district_attorneys_search_is_governed_unless_prosecutors_are_read_out() -> None:
    req = request(requesting_agency=DISTRICT_ATTORNEY, performing_agency=DRIVER_LICENSE)
    assert LAW.decide(req) is Outcome.PERMITTED
    police_only = LAW.with_readings({"al-prosecutors": "police-only"})
    assert police_only.decide(req) is Outcome.NOT_APPLICABLE
    assert [r.id for r in LAW.evaluate(req).readings] == ["al-prosecutors"]


# -- when the article took effect ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "instrument", "outcome"),
    [
        (date(2022, 4, 5), NO_LAW, Outcome.NOT_APPLICABLE),
        (date(2022, 4, 6), "Act 2022-420", Outcome.NOT_APPLICABLE),
        (date(2022, 6, 30), "Act 2022-420", Outcome.NOT_APPLICABLE),
        (date(2022, 7, 1), "Act 2022-420", Outcome.PERMITTED),
    ],
)
def test_the_article_governs_searches_from_july_1_2022_under_the_reading_adopted(
    day: date, instrument: str, outcome: Outcome
) -> None:
    decision = AL.evaluate(on(day))
    assert decision.instrument == instrument
    assert decision.outcome is outcome


def test_read_as_in_force_on_approval_the_article_governs_searches_from_april_6_2022() -> None:
    req = on(date(2022, 5, 2))
    decision = AL.evaluate(req)
    assert "when Article 7 took effect (a reading)" in decision.explain()
    on_approval = AL.with_readings({"al-effective-date": "on-approval"})
    assert on_approval.evaluate(req).outcome is Outcome.PERMITTED


# -- the regulation and the invariants ---------------------------------------------------------


def test_the_criminal_justice_information_centers_rules_are_recorded_not_encoded() -> None:
    (rules,) = [p for p in LAW.provisions if p.id == "AL-ACJIC-RULES"]
    assert "265-X-5" in rules.text
    assert "read in part" in rules.source.reference


def test_an_alabama_module_that_adds_a_warrant_requirement_is_caught_by_its_invariant() -> None:
    from frpolicy import conditions as c  # noqa: PLC0415 - the conditions of the misreading

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=rule.when & c.WARRANT_AUTHORIZES_SEARCH)

    policy = attrs.evolve(LAW.policy, rules=tuple(misread(r) for r in LAW.policy.rules))
    version = attrs.evolve(LAW, policy=policy)
    decision = version.evaluate(request())
    assert decision.outcome is Outcome.NOT_PERMITTED
    broken = {i.id for i in version.invariants if i.broken_by(request(), decision) is not None}
    assert broken == {"binds-alabama-law-enforcement-and-refuses-nothing"}
