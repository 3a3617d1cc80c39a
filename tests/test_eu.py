"""The EU AI Act, article by article: each scenario names what it proves, in the law's terms."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
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
    Authority,
    Authorization,
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
from frpolicy.cli import EXIT_VIOLATIONS, main
from frpolicy.jurisdictions.eu import reg2024_1689
from frpolicy.jurisdictions.eu.common import AGENCIES, MEMBER_STATES
from frpolicy.jurisdictions.eu.offenses import ANNEX_II, OFFENSE_LISTS, OFFENSES
from frpolicy.policy import NO_LAW, Rule
from frpolicy.testing import LawPropertyError, check_property

EU = frpolicy.jurisdiction("EU")
LAW = EU.version("Regulation (EU) 2024/1689")
EXAMPLES = Path(__file__).parent.parent / "src" / "frpolicy" / "examples"
BERLIN = ZoneInfo("Europe/Berlin")

STARTED = datetime(2025, 9, 12, 16, 40, tzinfo=BERLIN)
AGENCY = {a.id: a for a in AGENCIES}
FEDERAL_POLICE, BERLIN_POLICE, NICE = AGENCY["BPOL"], AGENCY["POL-BE"], AGENCY["PM-NICE"]

VICTIMS = {"eu-opt-in-victims": "national-law"}
THREATS = {"eu-opt-in-threats": "national-law"}
SUSPECTS = {"eu-opt-in-suspects": "national-law"}
EVERY_OBJECTIVE = VICTIMS | THREATS | SUSPECTS
OPTED_IN = LAW.with_readings(VICTIMS)
"""The Regulation where the member state's law provides for the search for victims and
missing persons (point (i)), and for nothing else."""


def court(**changes: Any) -> Authorization:
    """A Berlin court's authorisation, asked for an hour before the use and granted."""
    fields: dict[str, Any] = {
        "authority": Authority.JUDICIAL,
        "authority_name": "Amtsgericht Tiergarten",
        "requested_at": STARTED - timedelta(hours=1),
        "decided_at": STARTED - timedelta(minutes=20),
        "granted": True,
        "expires_at": STARTED + timedelta(hours=12),
    }
    return Authorization(**(fields | changes))


def station(**changes: Any) -> SearchRequest:
    """The Federal Police look for a missing child on the live cameras of Berlin Hauptbahnhof.

    The system's impact was assessed and it was registered months before; a court authorised
    the use beforehand.
    """
    fields: dict[str, Any] = {
        "id": "BPOL-2025-0912-01",
        "requesting_agency": FEDERAL_POLICE,
        "performing_agency": FEDERAL_POLICE,
        "purpose": Purpose.IDENTIFY_MISSING,
        "probe": ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(
            name="Echtzeit-Gesichtserkennung",
            impact_assessed_at=STARTED - timedelta(days=120),
            registered_at=STARTED - timedelta(days=100),
        ),
        "submitted_at": STARTED - timedelta(hours=1),
        "performed_at": STARTED,
        "real_time": True,
        "publicly_accessible": True,
        "authorization": court(),
    }
    return SearchRequest(**(fields | changes))


def urgent(harm: Harm = Harm.DEATH) -> Emergency:
    """An immediate emergency, declared ten minutes before the use."""
    return Emergency(
        harm=harm,
        immediate=True,
        declared_by="BPOL-Einsatzleiter",
        declared_at=STARTED - timedelta(minutes=10),
        facts="a child seen taken onto a train by a stranger",
    )


def post(**changes: Any) -> SearchRequest:
    """A still from a station camera searched afterwards, in 2028, for an armed robbery."""
    at = datetime(2028, 3, 6, 10, 0, tzinfo=BERLIN)
    fields: dict[str, Any] = {
        "real_time": False,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "offense": LAW.offense("DE-StGB-250"),
        "suspicion": Suspicion.REASONABLE_SUSPICION,
        "submitted_at": at,
        "performed_at": at,
        "authorization": None,
    }
    return station(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def duties(decision: Decision) -> set[str]:
    return {o.duty for o in decision.obligations}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- the railway station: a missing child, with and without the member state's law ------------


def test_a_german_police_search_for_a_missing_child_on_live_video_at_a_station_is_forbidden_without_a_national_law() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = EU.evaluate(station())
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"EU-NO-NATIONAL-LAW"}
    memo = decision.explain()
    assert "FORBIDDEN: request BPOL-2025-0912-01 under Regulation (EU) 2024/1689 (EU)" in memo
    assert "Art. 5(5) (Regulation (EU) 2024/1689)" in memo
    assert "the use is the targeted search for a victim of abduction" in memo
    assert "or for a missing person" in memo
    assert "the search identifies people in real time" in memo
    assert "eu-opt-in-victims=no-national-law, the adopted reading" in memo
    assert {"EU-NOTIFY", "EU-NOT-SOLE-BASIS"} <= duties(decision)
    assert_invariants_hold(LAW, station())


def test_the_same_search_is_permitted_where_the_member_state_has_opted_in_and_a_court_authorised_it() -> (  # noqa: E501 - the name is the sentence
    None
):
    decision = EU.with_readings(VICTIMS).evaluate(station())
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"EU-REAL-TIME-EXCEPTION"}
    memo = decision.explain()
    assert "Permitted by:\n  Art. 5(1)(h) (Regulation (EU) 2024/1689)" in memo
    assert "a judicial authority or an independent administrative authority" in memo
    assert "eu-opt-in-victims=national-law, not the adopted reading" in memo
    assert "notify the use to the market surveillance authority" in memo
    assert "EU-URGENT-AUTHORISATION" not in duties(decision)
    assert_invariants_hold(OPTED_IN, station())


def row(text: str, place: str) -> str:
    """The line of a comparison's opening table for ``place``, its columns one space apart."""
    return next(
        " ".join(line.split()) for line in text.splitlines() if line.startswith(f"{place} ")
    )


def test_compare_judges_the_station_search_forbidden_without_the_opt_in_and_permitted_with_it() -> (
    None
):
    places = ["EU", "US-MI-DET", "US-MA", "US-WA"]
    without = frpolicy.compare(station(), places)
    assert without.judgment("EU").outcome is Outcome.FORBIDDEN
    # a German force is no agency of Detroit, Massachusetts or Washington
    assert {j.outcome for j in without.judgments if j.jurisdiction != "EU"} == {
        Outcome.NOT_APPLICABLE
    }
    opted = frpolicy.compare(station(), [EU.with_readings(VICTIMS), *places[1:]])
    assert opted.judgment("EU").outcome is Outcome.PERMITTED
    text = opted.explain()
    assert row(text, "EU").startswith("EU Regulation (EU) 2024/1689 PERMITTED")
    assert "eu-opt-in-victims=national-law, not the adopted reading" in text


def test_the_command_line_compares_the_station_search_under_either_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tmp_path / "station.json"
    request.write_text(frpolicy.to_json(station()), encoding="utf-8")
    code = main(["compare", str(request), "--jurisdiction", "EU", "--jurisdiction", "US-MI-DET"])
    assert code == EXIT_VIOLATIONS
    assert row(capsys.readouterr().out, "EU").startswith("EU Regulation (EU) 2024/1689 FORBIDDEN")
    code = main(
        [
            "compare",
            str(request),
            "--jurisdiction",
            "EU",
            "--jurisdiction",
            "US-MI-DET",
            "--reading",
            "eu-opt-in-victims=national-law",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert row(out, "EU").startswith("EU Regulation (EU) 2024/1689 PERMITTED")
    assert row(out, "US-MI-DET").startswith(
        "US-MI-DET Williams v. City of Detroit (2024) NOT APPLICABLE"
    )


# -- Article 5(1)(h): the prohibition and its three objectives ----------------------------------


def test_a_real_time_search_for_a_shoplifter_serves_no_objective_and_is_prohibited() -> None:
    shoplifter = station(
        purpose=Purpose.CRIMINAL_INVESTIGATION,
        offense=LAW.offense("DE-StGB-242"),
        suspicion=Suspicion.REASONABLE_SUSPICION,
    )
    for version in (LAW, LAW.with_readings(EVERY_OBJECTIVE)):
        decision = version.evaluate(shoplifter)
        assert decision.outcome is Outcome.FORBIDDEN
        assert determining(decision) == {"EU-REAL-TIME-BAN"}
        assert "not: the use serves one of the three objectives" in decision.explain()


OBJECTIVES: list[tuple[str, dict[str, Any], dict[str, str]]] = [
    ("a missing person", {"purpose": Purpose.IDENTIFY_MISSING}, VICTIMS),
    (
        "a victim of trafficking",
        {"purpose": Purpose.IDENTIFY_VICTIM, "offense": LAW.offense("DE-StGB-232")},
        VICTIMS,
    ),
    (
        "a victim of forced prostitution",
        {"purpose": Purpose.IDENTIFY_VICTIM, "offense": LAW.offense("DE-StGB-232a")},
        VICTIMS,
    ),
    (
        "a child abducted by a parent",
        {"purpose": Purpose.IDENTIFY_VICTIM, "offense": LAW.offense("DE-StGB-235")},
        VICTIMS,
    ),
    (
        "an imminent threat to life",
        {"purpose": Purpose.EMERGENCY, "emergency": urgent()},
        THREATS,
    ),
    ("a terrorist attack", {"purpose": Purpose.PREVENT_TERRORIST_ATTACK}, THREATS),
    (
        "a suspect of armed robbery",
        {
            "purpose": Purpose.CRIMINAL_INVESTIGATION,
            "offense": LAW.offense("DE-StGB-250"),
            "suspicion": Suspicion.REASONABLE_SUSPICION,
        },
        SUSPECTS,
    ),
]


@pytest.mark.parametrize(
    ("objective", "changes", "opt_in"), OBJECTIVES, ids=[o for o, _, _ in OBJECTIVES]
)
@pytest.mark.parametrize("read", ["no national law", "its own law", "another's law"])
def test_each_objective_is_excepted_only_where_the_member_state_s_law_provides_for_it(
    objective: str, changes: dict[str, Any], opt_in: dict[str, str], read: str
) -> None:
    del objective
    req = station(**changes)
    choices = {} if read == "no national law" else opt_in
    if read == "another's law":
        choices = {k: v for k, v in EVERY_OBJECTIVE.items() if k not in opt_in}
    decision = LAW.with_readings(choices).evaluate(req)
    if read == "its own law":
        assert decision.outcome is Outcome.PERMITTED
    else:
        assert decision.outcome is Outcome.FORBIDDEN
        assert determining(decision) == {"EU-NO-NATIONAL-LAW"}


@pytest.mark.parametrize("code", [o.code for o in OFFENSES])
def test_a_suspect_is_sought_only_for_an_annex_ii_offence_punishable_by_four_years_or_more(
    code: str,
) -> None:
    offense = LAW.offense(code)
    on_annex = bool(offense.listed_in & {lst.id for lst in ANNEX_II})
    four_years = offense.penalty.life or (offense.penalty.max_term_months or 0) >= 48
    req = station(
        purpose=Purpose.CRIMINAL_INVESTIGATION,
        offense=offense,
        suspicion=Suspicion.REASONABLE_SUSPICION,
    )
    expected = Outcome.PERMITTED if on_annex and four_years else Outcome.FORBIDDEN
    assert LAW.with_readings(SUSPECTS).decide(req) is expected


def test_robbery_neither_armed_nor_organised_is_not_annex_ii_s_organised_or_armed_robbery() -> None:
    robbery, armed = LAW.offense("DE-StGB-249"), LAW.offense("DE-StGB-250")
    assert robbery.penalty.max_term_months == armed.penalty.max_term_months == 180
    assert robbery.listed_in == frozenset()
    entry = next(lst for lst in ANNEX_II if lst.id in armed.listed_in)
    assert entry.title == "organised or armed robbery (Annex II, entry 14)"
    assert all("organised crime" not in lst.title for lst in OFFENSE_LISTS)


def test_annex_ii_lists_sixteen_offences_and_every_list_is_the_regulation_s_own() -> None:
    assert len(ANNEX_II) == 16
    assert [lst.title.rsplit("entry ", 1)[1] for lst in ANNEX_II] == [f"{n})" for n in range(1, 17)]
    assert all(lst.id.startswith("EU:") for lst in OFFENSE_LISTS)
    assert {lst.source.verification for lst in OFFENSE_LISTS} == {Verification.TEXT}


def test_a_suspicion_not_stated_is_no_localisation_of_a_suspect() -> None:
    req = station(purpose=Purpose.CRIMINAL_INVESTIGATION, offense=LAW.offense("DE-StGB-211"))
    assert LAW.with_readings(SUSPECTS).decide(req) is Outcome.FORBIDDEN


def test_a_victim_search_serves_point_i_only_for_victims_of_abduction_trafficking_or_sexual_exploitation() -> (  # noqa: E501 - the name is the sentence
    None
):
    murder_victim = station(purpose=Purpose.IDENTIFY_VICTIM, offense=LAW.offense("DE-StGB-212"))
    no_offence = station(purpose=Purpose.IDENTIFY_VICTIM)
    assert OPTED_IN.decide(murder_victim) is Outcome.FORBIDDEN
    assert OPTED_IN.decide(no_offence) is Outcome.FORBIDDEN


@pytest.mark.parametrize(
    ("harm", "immediate", "expected"),
    [
        (Harm.DEATH, True, Outcome.PERMITTED),
        (Harm.SERIOUS_PHYSICAL_INJURY, True, Outcome.PERMITTED),
        (Harm.OTHER_HARM_TO_A_PERSON, True, Outcome.FORBIDDEN),
        (Harm.OTHER, True, Outcome.FORBIDDEN),
        (Harm.DEATH, False, Outcome.FORBIDDEN),
    ],
)
def test_a_threat_is_excepted_only_when_imminent_and_to_life_or_physical_safety(
    harm: Harm, *, immediate: bool, expected: Outcome
) -> None:
    emergency = attrs.evolve(urgent(harm), immediate=immediate)
    req = station(purpose=Purpose.EMERGENCY, emergency=emergency)
    assert LAW.with_readings(THREATS).decide(req) is expected


# -- Article 5(2) and (3): assessment, registration, authorisation, urgency ----------------------


def test_without_a_prior_authorisation_only_a_duly_justified_urgency_lets_the_use_start() -> None:
    unauthorised = station(authorization=None)
    decision = OPTED_IN.evaluate(unauthorised)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"EU-PRIOR-AUTHORISATION"}
    started = OPTED_IN.evaluate(station(authorization=None, emergency=urgent()))
    assert started.outcome is Outcome.PERMITTED
    assert "EU-URGENT-AUTHORISATION" in duties(started)
    assert_invariants_hold(OPTED_IN, station(authorization=None, emergency=urgent()))


@pytest.mark.parametrize(
    ("authority", "expected"),
    [
        (Authority.JUDICIAL, Outcome.PERMITTED),
        (Authority.INDEPENDENT_ADMINISTRATIVE, Outcome.PERMITTED),
        (Authority.ADMINISTRATIVE, Outcome.FORBIDDEN),
    ],
)
def test_a_prior_authorisation_is_a_court_s_or_an_independent_administrative_authority_s(
    authority: Authority, expected: Outcome
) -> None:
    req = station(authorization=court(authority=authority))
    assert OPTED_IN.decide(req) is expected


def test_an_authorisation_not_yet_decided_or_already_lapsed_authorises_nothing() -> None:
    pending = station(authorization=court(decided_at=None))
    lapsed = station(authorization=court(expires_at=STARTED - timedelta(minutes=1)))
    for req in (pending, lapsed):
        decision = OPTED_IN.evaluate(req)
        assert decision.outcome is Outcome.FORBIDDEN
        assert determining(decision) == {"EU-PRIOR-AUTHORISATION"}


def test_a_use_after_its_authorisation_was_refused_is_forbidden_even_in_urgency() -> None:
    refused = court(granted=False)
    decision = OPTED_IN.evaluate(station(authorization=refused, emergency=urgent()))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"EU-AUTHORISATION-REFUSED"}


def test_the_impact_assessment_always_comes_first_and_the_registration_may_follow_in_urgency() -> (
    None
):
    unassessed = Technology(name="System", registered_at=STARTED - timedelta(days=1))
    unregistered = Technology(name="System", impact_assessed_at=STARTED - timedelta(days=1))
    for emergency in (None, urgent()):
        decision = OPTED_IN.evaluate(station(technology=unassessed, emergency=emergency))
        assert decision.outcome is Outcome.FORBIDDEN
        assert "EU-IMPACT-ASSESSMENT" in determining(decision)
    decision = OPTED_IN.evaluate(station(technology=unregistered))
    assert determining(decision) == {"EU-REGISTRATION"}
    decision = OPTED_IN.evaluate(station(technology=unregistered, emergency=urgent()))
    assert decision.outcome is Outcome.PERMITTED
    assert "EU-URGENT-REGISTRATION" in duties(decision)


def test_an_urgent_start_must_ask_a_court_or_an_independent_authority_within_24_hours() -> None:
    req = station(authorization=None, emergency=urgent())
    (ask,) = [o for o in OPTED_IN.evaluate(req).obligations if o.duty == "EU-URGENT-AUTHORISATION"]
    assert ask.due == STARTED + timedelta(hours=24)
    later = STARTED + timedelta(days=3)

    def asked(hours: float, authority: Authority) -> Event:
        return Event(
            kind=EventKind.AUTHORIZATION_REQUESTED,
            at=STARTED + timedelta(hours=hours),
            authority=authority,
        )

    assert ask.check([asked(6, Authority.JUDICIAL)], later).status is ObligationStatus.MET
    assert ask.check([asked(23.9, Authority.INDEPENDENT_ADMINISTRATIVE)], later).status is (
        ObligationStatus.MET
    )
    assert ask.check([asked(25, Authority.JUDICIAL)], later).status is ObligationStatus.VIOLATED
    # an administrative authority not shown independent is not the authority Article 5(3) names
    assert ask.check([asked(2, Authority.ADMINISTRATIVE)], later).status is (
        ObligationStatus.VIOLATED
    )
    assert ask.check([], STARTED + timedelta(hours=2)).status is ObligationStatus.PENDING


@pytest.mark.parametrize(
    ("reading", "stopped_after", "expected"),
    [
        ("at-the-refusal", timedelta(0), ObligationStatus.MET),
        ("at-the-refusal", timedelta(hours=3), ObligationStatus.VIOLATED),
        ("same-day", timedelta(hours=3), ObligationStatus.MET),
        ("same-day", timedelta(days=1), ObligationStatus.VIOLATED),
    ],
)
def test_a_refused_use_is_stopped_and_its_data_deleted_immediately_as_read(
    reading: str, stopped_after: timedelta, expected: ObligationStatus
) -> None:
    version = OPTED_IN.with_readings({"eu-immediately": reading})
    decision = version.evaluate(station(authorization=None, emergency=urgent()))
    refused_at = datetime(2025, 9, 12, 20, 0, tzinfo=BERLIN)
    refusal = Event(kind=EventKind.AUTHORIZATION_REFUSED, at=refused_at)
    for duty, kind in (
        ("EU-STOP-ON-REFUSAL", EventKind.USE_STOPPED),
        ("EU-DELETE-ON-REFUSAL", EventKind.DATA_DELETED),
    ):
        (owed,) = [o for o in decision.obligations if o.duty == duty]
        assert owed.arises_on is EventKind.AUTHORIZATION_REFUSED
        done = Event(kind=kind, at=refused_at + stopped_after)
        assert owed.check([refusal, done], refused_at + timedelta(days=5)).status is expected


def test_every_real_time_use_is_notified_reported_and_never_the_sole_basis_whatever_its_outcome() -> (  # noqa: E501 - the name is the sentence
    None
):
    for version, req in ((LAW, station()), (OPTED_IN, station())):
        decision = version.evaluate(req)
        assert {"EU-NOTIFY", "EU-ANNUAL-REPORT", "EU-NOT-SOLE-BASIS"} <= duties(decision)
        (notify,) = [o for o in decision.obligations if o.duty == "EU-NOTIFY"]
        assert notify.deadline is None  # 5(4) names no time: met or pending, never late
        assert notify.fulfilled_by is EventKind.USE_NOTIFIED


# -- who and what Article 5 governs ----------------------------------------------------------------

PLACES = ["DE", "DE-BE", "FR", "NL", "US", "US-MA", "CA-QC", None]


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_article_5_binds_the_agencies_of_member_states_of_every_kind_and_no_others(
    kind: AgencyKind, home: str | None
) -> None:
    agency = Agency(id=f"A-{kind.value}", name="Agency", kind=kind, home=home)
    req = station(requesting_agency=agency, performing_agency=agency)
    decision = LAW.evaluate(req)
    member = home is None or home.split("-")[0] in MEMBER_STATES
    assert (decision.outcome is not Outcome.NOT_APPLICABLE) is member
    assert_invariants_hold(LAW, req)


def test_a_member_state_s_police_asking_a_foreign_agency_to_search_is_still_bound() -> None:
    fbi = AGENCY["FBI-LEGAT-BERLIN"]
    assert LAW.decide(station(performing_agency=fbi)) is Outcome.FORBIDDEN
    assert LAW.decide(station(requesting_agency=fbi, performing_agency=fbi)) is (
        Outcome.NOT_APPLICABLE
    )


def test_a_real_time_use_in_a_place_not_open_to_the_public_is_outside_article_5() -> None:
    assert LAW.decide(station(publicly_accessible=False)) is Outcome.NOT_APPLICABLE
    assert LAW.decide(station(publicly_accessible=None)) is Outcome.FORBIDDEN  # not stated


@pytest.mark.parametrize("analysis", [Analysis.VERIFICATION, Analysis.EMOTION_INFERENCE])
def test_verifying_a_claimed_identity_or_inferring_emotions_is_no_remote_identification(
    analysis: Analysis,
) -> None:
    assert LAW.decide(station(analysis=analysis)) is Outcome.NOT_APPLICABLE


@pytest.mark.parametrize(
    "purpose",
    [Purpose.LICENSE_ISSUANCE, Purpose.TRAVEL_VERIFICATION, Purpose.IMMIGRATION_ENFORCEMENT],
)
def test_a_use_for_licensing_border_checks_or_immigration_control_is_not_law_enforcement(
    purpose: Purpose,
) -> None:
    assert LAW.decide(station(purpose=purpose)) is Outcome.NOT_APPLICABLE


def test_article_5_applies_from_2_february_2025_in_brussels_time() -> None:
    eve = datetime(2025, 2, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 February in Brussels
    early = station(submitted_at=eve - timedelta(hours=1), performed_at=eve, authorization=None)
    assert EU.evaluate(early).outcome is Outcome.FORBIDDEN
    before = eve - timedelta(hours=1)  # 23:30 on 1 February in Brussels
    earlier = attrs.evolve(early, submitted_at=before - timedelta(hours=1), performed_at=before)
    decision = EU.evaluate(earlier)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.instrument == NO_LAW
    assert EU.in_force(date(2025, 2, 2)) is LAW


# -- Article 26(10): post-remote identification ------------------------------------------------


def test_a_post_identification_is_outside_article_26_10_until_2_december_2027() -> None:
    before = post(
        submitted_at=datetime(2027, 12, 1, 10, tzinfo=BERLIN),
        performed_at=datetime(2027, 12, 1, 10, tzinfo=BERLIN),
    )
    assert LAW.evaluate(before).outcome is Outcome.NOT_APPLICABLE
    assert LAW.evaluate(post()).outcome is Outcome.PERMITTED


def test_a_search_on_an_imminent_threat_is_outside_the_act_after_the_fact_until_article_26_applies_and_permitted_in_real_time() -> (  # noqa: E501 - the name is the sentence
    None
):
    # Art. 5(1)(h)(ii) governs the live use; Art. 26(10) the later one, from 2 December 2027:
    # before, the still searched afterwards is no refusal for the real-time use to loosen
    threats = LAW.with_readings(THREATS)
    live = station(purpose=Purpose.EMERGENCY, emergency=urgent(), authorization=None)
    assert threats.decide(live) is Outcome.PERMITTED
    after = attrs.evolve(
        live, real_time=False, probe=attrs.evolve(live.probe, kind=MediaKind.STILL_IMAGE)
    )
    assert threats.decide(after) is Outcome.NOT_APPLICABLE


def test_an_untargeted_post_identification_is_never_allowed() -> None:
    untargeted = post(purpose=Purpose.OTHER, offense=None, suspicion=Suspicion.NONE)
    decision = LAW.evaluate(untargeted)
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"EU-POST-UNTARGETED"}
    assert LAW.decide(post(purpose=Purpose.IDENTIFY_MISSING, offense=None)) is Outcome.PERMITTED


def test_a_post_suspect_search_asks_for_authorisation_within_48_hours_unless_an_initial_identification() -> (  # noqa: E501 - the name is the sentence
    None
):
    with_facts = post(factual_narrative="The camera shows the person drawing the knife.")
    assert "EU-POST-AUTHORISATION" not in duties(LAW.evaluate(with_facts))
    searched = post().performed_at
    assert searched is not None
    (ask,) = [o for o in LAW.evaluate(post()).obligations if o.duty == "EU-POST-AUTHORISATION"]
    assert ask.due == searched + timedelta(hours=48)
    never = LAW.with_readings({"eu-initial-identification": "never"})
    assert "EU-POST-AUTHORISATION" in duties(never.evaluate(with_facts))
    asked = Event(
        kind=EventKind.AUTHORIZATION_REQUESTED,
        at=searched + timedelta(hours=30),
        authority=Authority.ADMINISTRATIVE,
    )
    later = datetime(2028, 4, 1, tzinfo=UTC)
    assert ask.check([asked], later).status is ObligationStatus.MET  # binding, reviewable


def test_a_post_use_whose_authorisation_was_refused_stops() -> None:
    refused = Authorization(
        authority=Authority.JUDICIAL,
        requested_at=datetime(2028, 3, 5, tzinfo=UTC),
        decided_at=datetime(2028, 3, 5, 12, tzinfo=UTC),
    )
    decision = LAW.evaluate(post(authorization=refused))
    assert decision.outcome is Outcome.FORBIDDEN
    assert determining(decision) == {"EU-POST-AUTHORISATION-REFUSED"}


# -- what was read, and the law read other ways --------------------------------------------------


def test_the_rules_rest_on_the_text_and_the_opt_in_is_a_named_reading_not_a_silent_choice() -> None:
    assert {r.source.verification for r in LAW.policy.rules} == {Verification.TEXT}
    assert [r.id for r in LAW.readings][:3] == [
        "eu-opt-in-victims",
        "eu-opt-in-threats",
        "eu-opt-in-suspects",
    ]
    assert all(r.choices[0].id == "no-national-law" for r in LAW.readings[:3])
    assert LAW.instrument.kind is frpolicy.InstrumentKind.REGULATION


def _misread(rule_id: str, when: frpolicy.Predicate, *, dropped: str) -> frpolicy.Jurisdiction:
    """The EU read as opted in for victims, one rule's condition replaced and another dropped."""
    version = OPTED_IN

    def misread(rule: Rule) -> Rule:
        return attrs.evolve(rule, when=when) if rule.id == rule_id else rule

    rules = tuple(misread(r) for r in version.policy.rules if r.id != dropped)
    policy = attrs.evolve(version.policy, jurisdiction="XX-EU", rules=rules, variants=())
    return frpolicy.Jurisdiction(
        code="XX-EU", name="EU misread", versions=(attrs.evolve(version, policy=policy),)
    )


def test_a_module_that_forgets_the_prior_authorisation_is_caught_by_its_invariant() -> None:
    m = reg2024_1689
    forgetful = m.REAL_TIME_IN_PUBLIC & m.OBJECTIVE_VICTIMS & m.IMPACT_ASSESSED & m.REGISTERED
    misread = _misread("EU-REAL-TIME-EXCEPTION", forgetful, dropped="EU-PRIOR-AUTHORISATION")
    with pytest.raises(LawPropertyError) as caught:
        check_property(misread, LAW.instrument.id, "invariants", max_examples=300)
    details = " ".join(f.detail for f in caught.value.failures)
    assert "invariant 'real-time-authorised-or-urgent' does not hold" in details


# -- the sample log -------------------------------------------------------------------------------


def test_the_audit_of_the_eu_sample_log_counts_each_duty_as_counted_by_hand(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "audit",
            str(EXAMPLES / "eu_search_log.jsonl"),
            "--jurisdiction",
            "EU",
            "--reading",
            "eu-opt-in-victims=national-law",
            "--reading",
            "eu-opt-in-threats=national-law",
            "--format",
            "json",
        ]
    )
    assert code == EXIT_VIOLATIONS
    report = json.loads(capsys.readouterr().out)
    found = {v["request_id"]: set(v["provisions"]) for v in report["violations"]}
    # by hand, from the scenarios of examples/generate_eu.py
    assert found == {
        "EU-0003": {"EU-URGENT-AUTHORISATION"},  # asked for 30 hours after the urgent start
        "EU-0004": {"EU-DELETE-ON-REFUSAL"},  # stopped at the refusal, data deleted 2 days on
        "EU-0005": {"EU-URGENT-AUTHORISATION"},  # never asked for
        "EU-0006": {"EU-NO-NATIONAL-LAW"},  # a suspect: no opt-in for point (iii)
        "EU-0007": {"EU-REAL-TIME-BAN"},  # a shoplifter: no objective
        "EU-0010": {"EU-PRIOR-AUTHORISATION"},  # a prefecture's authorisation
        "EU-0011": {"EU-IMPACT-ASSESSMENT"},  # no impact assessment
    }
    counts = {
        o["duty"]: (o["met"], o["pending"], o["violated"], o["not_engaged"])
        for o in report["obligations"]
    }
    # ten uses are governed (8 and 9 are not): urgent starts 2, 3, 4, 5 and 12
    assert counts["EU-URGENT-AUTHORISATION"] == (3, 0, 2, 0)  # 2, 4, 12 in time; 3 late, 5 never
    assert counts["EU-STOP-ON-REFUSAL"] == (2, 0, 0, 8)  # refused: 4 and 12, both stopped at once
    assert counts["EU-DELETE-ON-REFUSAL"] == (1, 0, 1, 8)  # 12 at once, 4 two days late
    assert counts["EU-NOTIFY"] == (9, 1, 0, 0)  # every use but 5 notified; no deadline
    outcomes = {row["outcome"]: row["requests"] for row in report["by_outcome"]}
    assert outcomes == {
        "permitted": 6,
        "forbidden": 4,
        "not_permitted": 0,
        "not_applicable": 2,
    }
