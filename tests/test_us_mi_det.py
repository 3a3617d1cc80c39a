"""Detroit, section by section: each scenario names what it proves, in the policy's terms."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    Analysis,
    CaseRecord,
    Decision,
    Disclosure,
    Event,
    EventKind,
    ImageSource,
    InstrumentKind,
    MediaKind,
    Notice,
    ObligationStatus,
    Outcome,
    ProbeImage,
    ProtectedGround,
    Purpose,
    SearchRecord,
    SearchRequest,
    Suspicion,
    Technology,
    Verification,
    Version,
)
from frpolicy.compliance import ObligationState, check_search
from frpolicy.jurisdictions.us_mi_det.common import AGENCIES
from frpolicy.policy import NO_LAW

DET = frpolicy.jurisdiction("US-MI-DET")
DIRECTIVE = DET.version("DPD Manual Directive 307.5")
SETTLEMENT = DET.version("Williams v. City of Detroit (2024)")
BOTH = [DIRECTIVE, SETTLEMENT]
DETROIT = ZoneInfo("America/Detroit")

AGENCY = {a.id: a for a in AGENCIES}
CRIME_INTELLIGENCE, PRECINCT, STATE_POLICE = AGENCY["DPD-CIU"], AGENCY["DPD-3RD"], AGENCY["MSP"]
DEARBORN, TRANSIT = AGENCY["DEARBORN-PD"], AGENCY["DDOT"]


def request(version: Version, **changes: Any) -> SearchRequest:
    """A precinct asks the Crime Intelligence Unit to search a still, in an armed robbery.

    On reasonable suspicion, and dated within the version's time.
    """
    at = (
        datetime(2022, 5, 10, 10, 0, tzinfo=DETROIT)
        if version is DIRECTIVE
        else datetime(2025, 5, 12, 10, 0, tzinfo=DETROIT)
    )
    fields: dict[str, Any] = {
        "id": "DPD-TEST-1",
        "requesting_agency": PRECINCT,
        "performing_agency": CRIME_INTELLIGENCE,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        "technology": Technology(name="DataWorks Plus", vendor="DataWorks Plus"),
        "submitted_at": at,
        "performed_at": at + timedelta(hours=3),
        "offense": DIRECTIVE.offense("MI-750.529"),
        "suspicion": Suspicion.REASONABLE_SUSPICION,
    }
    return SearchRequest(**(fields | changes))


def determining(decision: Decision) -> set[str]:
    return {r.rule for r in decision.determining}


def assert_invariants_hold(version: Version, req: SearchRequest) -> None:
    decision = version.evaluate(req)
    for invariant in version.invariants:
        assert invariant.broken_by(req, decision) is None, invariant.statement


# -- 307.5-1: reasonable suspicion, a Part 1 violent crime or a home invasion, a still ---------


@pytest.mark.parametrize("version", BOTH, ids=["directive", "settlement"])
def test_a_still_searched_on_reasonable_suspicion_of_an_armed_robbery_is_permitted(
    version: Version,
) -> None:
    decision = version.evaluate(request(version))
    assert decision.outcome is Outcome.PERMITTED
    assert determining(decision) == {"DET-VIOLENT-CRIME-OR-HOME-INVASION"}
    assert str(decision.determining[0].citation) == "307.5-1 (DPD Manual Directive 307.5)"
    assert_invariants_hold(version, request(version))


@pytest.mark.parametrize("version", BOTH, ids=["directive", "settlement"])
def test_the_memo_says_the_law_is_a_police_department_s_policy_or_a_settlement(
    version: Version,
) -> None:
    heading = version.evaluate(request(version)).explain().splitlines()[0]
    if version is DIRECTIVE:
        assert version.instrument.kind is InstrumentKind.POLICY
        assert "under DPD Manual Directive 307.5, a police department's own policy (US-MI-DET)" in (
            heading
        )
    else:
        assert version.instrument.kind is InstrumentKind.SETTLEMENT
        assert "under Williams v. City of Detroit (2024), a settlement a court enforces" in heading


@pytest.mark.parametrize("code", [o.code for o in DIRECTIVE.offenses])
def test_only_a_part_1_violent_crime_or_a_home_invasion_opens_a_search(code: str) -> None:
    offense = DIRECTIVE.offense(code)
    listed = offense.listed_in & {
        "US-MI-DET:part-1-violent-crime",
        "US-MI-DET:home-invasion",
    }
    expected = Outcome.PERMITTED if listed else Outcome.NOT_PERMITTED
    for version in BOTH:
        assert version.decide(request(version, offense=offense)) is expected


def test_mr_williams_s_retail_fraud_search_is_one_the_directive_never_allowed() -> None:
    fraud = request(
        DIRECTIVE,
        requesting_agency=PRECINCT,
        performing_agency=STATE_POLICE,  # the Michigan State Police ran it for the Department
        offense=DIRECTIVE.offense("MI-750.356c"),
        probe=ProbeImage(kind=MediaKind.VIDEO_FRAME, source=ImageSource.SURVEILLANCE_CAMERA),
    )
    decision = DIRECTIVE.evaluate(fraud)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert "not: the offense is a Part 1 violent crime" in decision.explain()


def test_read_so_only_a_first_degree_home_invasion_opens_a_search() -> None:
    first, second = DIRECTIVE.offense("MI-750.110a(2)"), DIRECTIVE.offense("MI-750.110a(3)")
    narrow = DIRECTIVE.with_readings({"det-home-invasion": "first-degree"})
    assert DIRECTIVE.decide(request(DIRECTIVE, offense=second)) is Outcome.PERMITTED
    assert narrow.decide(request(DIRECTIVE, offense=second)) is Outcome.NOT_PERMITTED
    assert narrow.decide(request(DIRECTIVE, offense=first)) is Outcome.PERMITTED


@pytest.mark.parametrize("suspicion", list(Suspicion), ids=lambda s: s.value)
def test_a_search_needs_reasonable_suspicion_at_least(suspicion: Suspicion) -> None:
    expected = Outcome.NOT_PERMITTED if suspicion is Suspicion.NONE else Outcome.PERMITTED
    assert DIRECTIVE.decide(request(DIRECTIVE, suspicion=suspicion)) is expected


@pytest.mark.parametrize("purpose", list(Purpose), ids=lambda p: p.value)
def test_a_search_serves_an_investigation_of_the_crime_and_no_other_purpose(
    purpose: Purpose,
) -> None:
    investigating = {
        Purpose.CRIMINAL_INVESTIGATION,
        Purpose.IDENTIFY_VICTIM,
        Purpose.IDENTIFY_WITNESS,
    }
    forbidden = {Purpose.IMMIGRATION_ENFORCEMENT, Purpose.PREDICTIVE_ANALYSIS}
    outcome = DIRECTIVE.decide(request(DIRECTIVE, purpose=purpose))
    if purpose in forbidden:
        assert outcome is Outcome.FORBIDDEN
    else:
        assert (outcome is Outcome.PERMITTED) is (purpose in investigating)


# -- 307.5-3 and 5.1: what members may never do ------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"ongoing_surveillance": True}, "DET-NO-SURVEILLANCE"),
        ({"analysis": Analysis.TRACKING}, "DET-NO-SURVEILLANCE"),
        (
            {
                "probe": ProbeImage(
                    kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA
                )
            },
            "DET-NO-VIDEO",
        ),
        (
            {
                "probe": ProbeImage(
                    kind=MediaKind.RECORDED_VIDEO, source=ImageSource.BODY_WORN_CAMERA
                )
            },
            "DET-NO-VIDEO",
        ),
        ({"real_time": True}, "DET-NO-VIDEO"),
        ({"mobile": True}, "DET-NO-MOBILE"),
        ({"purpose": Purpose.PREDICTIVE_ANALYSIS}, "DET-NO-PREDICTIVE-ANALYSIS"),
        ({"purpose": Purpose.IMMIGRATION_ENFORCEMENT}, "DET-NO-IMMIGRATION-ENFORCEMENT"),
        (
            {"protected_grounds": frozenset({ProtectedGround.POLITICAL_VIEWS})},
            "DET-FIRST-AMENDMENT",
        ),
        ({"protected_grounds": frozenset({ProtectedGround.RACE})}, "DET-FIRST-AMENDMENT"),
    ],
    ids=[
        "surveillance",
        "tracking",
        "live-video",
        "recorded-video",
        "real-time",
        "mobile",
        "predictive",
        "immigration",
        "political-views",
        "race",
    ],
)
def test_a_prohibited_use_is_forbidden_however_serious_the_crime(
    changes: dict[str, Any], rule: str
) -> None:
    for version in BOTH:
        decision = version.evaluate(
            request(version, offense=version.offense("MI-750.316"), **changes)
        )
        assert decision.outcome is Outcome.FORBIDDEN
        assert rule in determining(decision)
        assert_invariants_hold(version, request(version, **changes))


def test_a_still_taken_from_a_video_is_a_still_unless_read_as_video() -> None:
    frame = ProbeImage(kind=MediaKind.VIDEO_FRAME, source=ImageSource.SURVEILLANCE_CAMERA)
    req = request(DIRECTIVE, probe=frame)
    assert DIRECTIVE.decide(req) is Outcome.PERMITTED
    as_video = DIRECTIVE.with_readings({"det-video-frame": "video"}).evaluate(req)
    assert as_video.outcome is Outcome.FORBIDDEN
    assert determining(as_video) == {"DET-NO-VIDEO"}
    assert "det-video-frame=video" in as_video.explain()


def test_a_search_on_protected_grounds_is_reported_to_the_board_within_24_hours() -> None:
    req = request(DIRECTIVE, protected_grounds=frozenset({ProtectedGround.RELIGIOUS_VIEWS}))
    (report,) = [
        o for o in DIRECTIVE.evaluate(req).obligations if o.duty == "DET-FIRST-AMENDMENT-REPORT"
    ]
    performed = req.performed_at
    assert performed is not None
    assert report.due == performed + timedelta(hours=24)
    done = Event(kind=EventKind.SEARCH_REPORTED, at=performed + timedelta(hours=30))
    assert report.check([done], performed + timedelta(days=3)).status is ObligationStatus.VIOLATED


# -- who is bound ------------------------------------------------------------------------------

PLACES = ["US-MI-DET", "US-MI", "US-NH", "CA-QC", "US", None]


@pytest.mark.parametrize("home", PLACES, ids=lambda h: h or "no-home")
@pytest.mark.parametrize("kind", list(AgencyKind), ids=lambda k: k.value)
def test_the_policy_binds_the_detroit_police_alone_whether_it_asks_or_searches(
    kind: AgencyKind, home: str | None
) -> None:
    agency = Agency(id=f"A-{kind.value}", name="Agency", kind=kind, home=home)
    detroit_police = kind is AgencyKind.LOCAL_POLICE and home in {"US-MI-DET", None}
    for version in BOTH:
        alone = request(version, requesting_agency=agency, performing_agency=agency)
        asked_by_dpd = request(version, performing_agency=agency)
        assert (version.decide(alone) is not Outcome.NOT_APPLICABLE) is detroit_police
        assert version.decide(asked_by_dpd) is not Outcome.NOT_APPLICABLE
        assert_invariants_hold(version, alone)


def test_another_city_agency_and_the_state_police_searching_for_themselves_are_not_bound() -> None:
    for agency in (TRANSIT, STATE_POLICE, DEARBORN):
        req = request(SETTLEMENT, requesting_agency=agency, performing_agency=agency)
        assert SETTLEMENT.decide(req) is Outcome.NOT_APPLICABLE


# -- the settlement: no lineup or arrest on the match alone ------------------------------------


def _case(**changes: Any) -> CaseRecord:
    performed = request(SETTLEMENT).performed_at
    assert performed is not None
    fields: dict[str, Any] = {
        "id": "CASE-1",
        "defendant": "R. Doe",
        "search_id": "DPD-TEST-1",
        "lineup_at": performed + timedelta(days=2),
        "arrested_at": performed + timedelta(days=5),
    }
    return CaseRecord(**(fields | changes))


def _states(case: CaseRecord) -> dict[str, ObligationState]:
    record = SearchRecord(request=request(SETTLEMENT), candidates_returned=3)
    found = check_search(record, [case], SETTLEMENT, datetime(2025, 12, 1, tzinfo=DETROIT))
    return {f.obligation.duty: f.state for f in found.obligations}


def test_a_lineup_and_an_arrest_on_the_match_alone_break_the_settlement() -> None:
    states = _states(_case())
    assert states["DET-NO-LINEUP-ON-THE-LEAD-ALONE"] is ObligationState.VIOLATED
    assert states["DET-NO-ARREST-ON-THE-MATCH-ALONE"] is ObligationState.VIOLATED


def test_evidence_in_hand_before_the_lineup_meets_both_and_after_it_only_the_arrest_s() -> None:
    performed = request(SETTLEMENT).performed_at
    assert performed is not None
    before = _states(_case(corroborated_at=performed + timedelta(days=1)))
    assert before["DET-NO-LINEUP-ON-THE-LEAD-ALONE"] is ObligationState.MET
    assert before["DET-NO-ARREST-ON-THE-MATCH-ALONE"] is ObligationState.MET
    between = _states(_case(corroborated_at=performed + timedelta(days=3)))
    assert between["DET-NO-LINEUP-ON-THE-LEAD-ALONE"] is ObligationState.VIOLATED
    assert between["DET-NO-ARREST-ON-THE-MATCH-ALONE"] is ObligationState.MET


def test_the_person_charged_is_told_of_the_search_with_no_deadline_stated() -> None:
    notice = Notice(
        search_id="DPD-TEST-1",
        served_at=datetime(2025, 7, 1, tzinfo=DETROIT),
        disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
    )
    assert _states(_case())["DET-DISCLOSE-THE-SEARCH"] is ObligationState.PENDING
    assert _states(_case(notices=(notice,)))["DET-DISCLOSE-THE-SEARCH"] is ObligationState.MET


def test_the_settlement_binds_even_a_search_the_policy_refuses() -> None:
    refused = request(SETTLEMENT, offense=SETTLEMENT.offense("MI-750.356c"))
    decision = SETTLEMENT.evaluate(refused)
    assert decision.outcome is Outcome.NOT_PERMITTED
    assert {"DET-NO-LINEUP-ON-THE-LEAD-ALONE", "DET-NO-ARREST-ON-THE-MATCH-ALONE"} <= {
        o.duty for o in decision.obligations
    }


def test_the_settlement_s_terms_are_marked_as_news_and_the_directive_s_as_its_text() -> None:
    directive_sources = {r.source.verification for r in DIRECTIVE.policy.rules}
    assert directive_sources == {Verification.TEXT}
    settlement_duties = [d for d in SETTLEMENT.policy.duties if d.id.startswith("DET-NO-")]
    assert {d.source.verification for d in settlement_duties} == {Verification.NEWS}


# -- when each instrument governs --------------------------------------------------------------


def test_the_directive_governs_from_september_2019_and_the_settlement_from_28_june_2024() -> None:
    assert DET.in_force(date(2019, 9, 19)) is DIRECTIVE
    assert DET.in_force(date(2024, 6, 27)) is DIRECTIVE
    assert DET.in_force(date(2024, 6, 28)) is SETTLEMENT
    early = request(
        DIRECTIVE,
        submitted_at=datetime(2019, 6, 3, tzinfo=DETROIT),
        performed_at=datetime(2019, 6, 3, 2, tzinfo=DETROIT),
    )
    decision = DET.evaluate(early)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert decision.instrument == NO_LAW
