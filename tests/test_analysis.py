from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import frpolicy
from frpolicy import analysis
from frpolicy.analysis import ClaimKind, Status, check_agreement, diff, prove, query, verify
from frpolicy.cli import main
from frpolicy.jurisdictions import Invariant, Version
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma import h1728
from frpolicy.model import (
    Agency,
    AgencyKind,
    CourtKind,
    CourtOrder,
    Emergency,
    Harm,
    MediaKind,
    ProbeImage,
    Purpose,
    SearchRequest,
    SwornStatement,
    Technology,
    Warrant,
)
from frpolicy.policy import Effect, Outcome, Rule
from frpolicy.predicates import Predicate, leaf
from frpolicy.strategies import search_requests

MA = frpolicy.jurisdiction("US-MA")
BILL = h1728.H1728
CURRENT = MA.version("St. 2020, c.253")


def _with_rules(version: Version, *rules: Rule, drop: tuple[str, ...] = ()) -> Version:
    kept = tuple(r for r in version.policy.rules if r.id not in drop)
    return attrs.evolve(version, policy=attrs.evolve(version.policy, rules=(*kept, *rules)))


def _replace(version: Version, rule_id: str, **changes: Any) -> Version:
    rules = tuple(
        attrs.evolve(r, **changes) if r.id == rule_id else r for r in version.policy.rules
    )
    return attrs.evolve(version, policy=attrs.evolve(version.policy, rules=rules))


def _rule(rule_id: str, effect: Effect, when: Predicate) -> Rule:
    return attrs.evolve(BILL.policy.rules[1], id=rule_id, effect=effect, when=when)


def _invariant(version: Version, invariant_id: str) -> Invariant:
    (found,) = [i for i in version.invariants if i.id == invariant_id]
    return found


def _disproved(version: Version, invariant_id: str) -> analysis.Claim:
    claim = prove(version, _invariant(version, invariant_id))
    assert claim.status is Status.DISPROVED, str(claim)
    assert claim.witness is not None
    # the counterexample is a valid request the engine itself finds permitted
    assert version.decide(claim.witness.request) is Outcome.PERMITTED
    return claim


# -- every version of the law, and the plug-in, verify clean --------------------------------


@pytest.mark.parametrize("name", [v.instrument.id for v in MA.versions])
def test_every_version_of_massachusetts_verifies_clean(name: str) -> None:
    result = verify(MA.version(name))
    assert result.ok, str(result)
    kinds = {claim.kind for claim in result.claims}
    assert {ClaimKind.INVARIANT, ClaimKind.DECIDES, ClaimKind.ATTACHES} <= kinds


def test_the_plug_in_jurisdiction_verifies_clean() -> None:
    if "XX-SAMPLE" not in {j.code for j in frpolicy.jurisdictions()}:
        pytest.skip("the plug-in package is not installed")
    (version,) = frpolicy.jurisdiction("XX-SAMPLE").versions
    assert verify(version).ok


# -- planted mistakes, each caught by a proof -----------------------------------------------


def test_any_warrant_will_do_is_caught_by_the_warrant_invariant() -> None:
    any_warrant = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
    broken = _replace(BILL, "MA-WARRANT", when=h1728.CENTRAL_SEARCH & any_warrant)
    claim = _disproved(broken, "warrant-emergency-or-exempt")
    assert not h1728.FELONY_WARRANT(claim.witness.request)  # type: ignore[union-attr]


def test_local_police_searching_on_a_felony_warrant_breaks_the_central_searcher_invariant() -> None:
    searcher = h1728.STATE_POLICE_SEARCH | c.performed_by(AgencyKind.LOCAL_POLICE)
    broken = _replace(
        BILL, "MA-WARRANT", when=searcher & c.TECHNOLOGY_APPROVED & h1728.FELONY_WARRANT
    )
    claim = _disproved(broken, "central-searcher")
    assert claim.witness is not None
    assert claim.witness.request.performing_agency.kind is AgencyKind.LOCAL_POLICE


@pytest.mark.parametrize("ban", ["MA-NO-EMOTION", "MA-NO-VIDEO"])
def test_a_deleted_section_220k_ban_is_caught_by_the_stills_only_invariant(ban: str) -> None:
    _disproved(_with_rules(BILL, drop=(ban,)), "stills-only")


def test_felony_suspicion_without_a_warrant_is_caught_by_the_warrant_invariant() -> None:
    broken = _with_rules(
        BILL, _rule("XX-SUSPICION", Effect.PERMIT, h1728.CENTRAL_SEARCH & c.OFFENSE_IS_FELONY)
    )
    claim = _disproved(broken, "warrant-emergency-or-exempt")
    assert claim.witness is not None
    assert claim.witness.request.warrant is None or not c.WARRANT_AUTHORIZES_SEARCH(
        claim.witness.request
    )


def test_an_expired_warrant_counting_is_caught_by_the_warrant_invariant() -> None:
    issued_only = leaf(
        "warrant_issued",
        "the warrant was issued by the time of the search",
        "r.warrant is not None and r.warrant.issued_at <= at",
    )
    felony_warrant = (
        c.WARRANT_AUTHORIZES_SEARCH & issued_only & c.WARRANT_COVERS_OFFENSE & c.OFFENSE_IS_FELONY
    )
    broken = _replace(BILL, "MA-WARRANT", when=h1728.CENTRAL_SEARCH & felony_warrant)
    claim = _disproved(broken, "warrant-emergency-or-exempt")
    assert claim.witness is not None
    request = claim.witness.request
    assert request.warrant is not None
    assert request.warrant.expires_at is not None
    assert request.warrant.expires_at < (request.performed_at or request.submitted_at)


def test_a_warrant_read_without_its_expiry_is_caught_by_the_warrant_invariant() -> None:
    present = leaf("warrant_present", "there is a warrant", "r.warrant is not None")
    felony_warrant = (
        c.WARRANT_AUTHORIZES_SEARCH & present & c.WARRANT_COVERS_OFFENSE & c.OFFENSE_IS_FELONY
    )
    broken = _replace(BILL, "MA-WARRANT", when=h1728.CENTRAL_SEARCH & felony_warrant)
    claim = _disproved(broken, "warrant-emergency-or-exempt")
    assert claim.witness is not None
    assert not c.WARRANT_IN_FORCE(claim.witness.request)


def test_a_ban_typed_as_a_permission_is_caught_by_the_stills_only_invariant() -> None:
    broken = _replace(BILL, "MA-NO-VIDEO", effect=Effect.PERMIT)
    _disproved(broken, "stills-only")
    assert not verify(broken).ok


def test_a_proof_that_passes_says_proved_and_has_no_witness() -> None:
    claim = prove(BILL, _invariant(BILL, "central-searcher"))
    assert claim.status is Status.PROVED
    assert claim.witness is None
    assert str(claim).startswith("proved: invariant central-searcher holds under H.1728")


def test_an_invariant_that_obliges_a_deleted_duty_is_disproved() -> None:
    if "obliges" not in attrs.fields_dict(Invariant):
        pytest.skip("Invariant.obliges is not in this version of the model")
    obliging = Invariant(  # type: ignore[call-arg]
        id="filing",
        statement="An emergency search without a felony warrant obliges the sworn statement.",
        when=h1728.EMERGENCY & ~h1728.FELONY_WARRANT,
        obliges=("MA-EMERGENCY-FILING",),
    )
    assert prove(BILL, obliging).status is Status.PROVED
    without = attrs.evolve(
        BILL,
        policy=attrs.evolve(
            BILL.policy,
            duties=tuple(d for d in BILL.policy.duties if d.id != "MA-EMERGENCY-FILING"),
        ),
    )
    claim = prove(without, obliging)
    assert claim.status is Status.DISPROVED
    assert "MA-EMERGENCY-FILING" in claim.detail


# -- rules that never decide, are overridden or redundant; duties that never attach ---------


def _claim(version: Version, kind: ClaimKind, subject: str) -> analysis.Claim:
    (found,) = [c for c in verify(version).claims if c.kind is kind and c.subject == subject]
    return found


def test_a_permission_every_prohibition_overrides_is_reported_as_shadowed() -> None:
    broken = _with_rules(
        BILL, _rule("XX-EMOTION", Effect.PERMIT, c.LAW_ENFORCEMENT_USE & c.EMOTION_INFERENCE)
    )
    claim = _claim(broken, ClaimKind.DECIDES, "XX-EMOTION")
    assert claim.status is Status.DISPROVED
    assert "shadowed" in claim.detail
    assert "MA-NO-EMOTION" in claim.detail


def test_a_rule_whose_condition_never_holds_in_scope_is_reported_as_vacuous() -> None:
    never = c.performed_by(AgencyKind.STATE_POLICE) & c.performed_by(AgencyKind.FEDERAL)
    claim = _claim(
        _with_rules(BILL, _rule("XX-NEVER", Effect.PERMIT, never)), ClaimKind.DECIDES, "XX-NEVER"
    )
    assert claim.status is Status.DISPROVED
    assert "vacuous" in claim.detail


def test_a_rule_implied_by_another_is_reported_as_redundant() -> None:
    twin = attrs.evolve(BILL.policy.rules[1], id="XX-TWIN")
    claim = _claim(_with_rules(BILL, twin), ClaimKind.NEEDED, "XX-TWIN")
    assert claim.status is Status.DISPROVED
    assert "redundant" in claim.detail
    assert "MA-WARRANT" in claim.detail


def test_a_duty_that_can_never_attach_is_reported() -> None:
    local = attrs.evolve(
        BILL.policy.duties[0], id="XX-LOCAL", when=c.performed_by(AgencyKind.LOCAL_POLICE)
    )
    broken = attrs.evolve(
        BILL, policy=attrs.evolve(BILL.policy, duties=(*BILL.policy.duties, local))
    )
    claim = _claim(broken, ClaimKind.ATTACHES, "XX-LOCAL")
    assert claim.status is Status.DISPROVED


def test_a_leaf_that_can_raise_is_reported_with_a_request_on_which_it_raises() -> None:
    careless = leaf("careless_in_force", "the warrant is in force", "r.warrant.issued_at <= at")
    broken = _with_rules(BILL, _rule("XX-CARELESS", Effect.PERMIT, h1728.CENTRAL_SEARCH & careless))
    claim = _claim(broken, ClaimKind.NEVER_RAISES, "careless_in_force")
    assert claim.status is Status.DISPROVED
    assert claim.witness is not None
    assert claim.witness.request.warrant is None
    assert "AttributeError" in claim.detail


def test_an_opaque_leaf_leaves_what_depends_on_it_undecided_and_proves_the_rest() -> None:
    def explode(_request: object) -> bool:
        return True

    helper = leaf("helper", "a helper says so", "explode(r)", explode=explode)
    broken = _with_rules(BILL, _rule("XX-HELPER", Effect.PERMIT, h1728.CENTRAL_SEARCH & helper))
    result = verify(broken)
    assert not result.ok
    analysable = _claim(broken, ClaimKind.ANALYSABLE, "helper")
    assert analysable.status is Status.UNDECIDED
    assert "a call of explode()" in analysable.detail
    # still proved whatever the helper says: a permitted search is central
    assert prove(broken, _invariant(broken, "central-searcher")).status is Status.PROVED
    # depends on it: the helper could permit a search without a warrant
    claim = prove(broken, _invariant(broken, "warrant-emergency-or-exempt"))
    assert claim.status is not Status.PROVED


# -- queries --------------------------------------------------------------------------------


def test_a_local_police_department_is_never_permitted_to_search_under_h1728() -> None:
    claim = query(BILL, c.performed_by(AgencyKind.LOCAL_POLICE))
    assert claim.status is Status.DISPROVED
    assert claim.witness is None


def test_the_state_police_can_be_permitted_to_search_and_the_witness_shows_it() -> None:
    claim = query(BILL, c.performed_by(AgencyKind.STATE_POLICE))
    assert claim.status is Status.PROVED
    assert claim.witness is not None
    assert BILL.decide(claim.witness.request) is Outcome.PERMITTED


# -- diff -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def current_to_bill() -> analysis.Diff:
    return diff(CURRENT, BILL)


def _refused_by_the_bill(found: analysis.Diff, lacking: str) -> list[analysis.Change]:
    return [
        change
        for change in found.outcome_changes
        if change.before is Outcome.PERMITTED
        and change.after is Outcome.NOT_PERMITTED
        and change.closest == "MA-WARRANT (H.1728)"
        and [cond.name for cond in change.lacks] == [lacking]
    ]


def test_the_diff_says_a_court_order_alone_no_longer_suffices(
    current_to_bill: analysis.Diff,
) -> None:
    (change, *_) = [
        ch
        for ch in _refused_by_the_bill(current_to_bill, "warrant_authorizes_search")
        if any(cond.name == "St. 2020, c.253 MA-LAW-COURT-ORDER" for cond in ch.conditions)
    ]
    request = change.witness.request
    assert request.court_order is not None
    assert not c.WARRANT_AUTHORIZES_SEARCH(request)
    text = change.describe(current_to_bill.before, current_to_bill.after)
    assert "MA-LAW-COURT-ORDER (St. 2020, c.253) permits it" in text
    assert "lacks:\n    - a warrant authorizes the facial-recognition search" in text


def test_the_diff_says_a_warrant_must_name_a_felony(current_to_bill: analysis.Diff) -> None:
    (change, *_) = _refused_by_the_bill(current_to_bill, "offense_is_felony")
    has = {cond.name for cond in change.has}
    assert {"warrant_authorizes_search", "warrant_in_force", "warrant_covers_offense"} <= has
    assert not c.OFFENSE_IS_FELONY(change.witness.request)


def test_the_diff_is_complete_and_every_witness_changes_as_its_class_says(
    current_to_bill: analysis.Diff,
) -> None:
    assert current_to_bill.complete
    assert not current_to_bill.undecided
    for change in current_to_bill.changes:
        before, after = change.witness.decisions
        assert (before.outcome, after.outcome) == (change.before, change.after)
        assert before.outcome is CURRENT.decide(change.witness.request)
        if change.duty is not None:
            attached = change.duty in {o.duty for o in after.obligations}
            assert attached is change.added


def test_the_diff_names_the_bans_and_the_duties_the_bill_adds(
    current_to_bill: analysis.Diff,
) -> None:
    forbidden = {
        cond.name
        for change in current_to_bill.outcome_changes
        if change.after is Outcome.FORBIDDEN
        for cond in change.conditions
    }
    assert {"H.1728 MA-NO-EMOTION", "H.1728 MA-NO-VIDEO"} <= forbidden
    added = {ch.duty for ch in current_to_bill.obligation_changes if ch.added}
    assert {"MA-EMERGENCY-FILING", "MA-NOTICE", "MA-REPORT", "MA-LOG"} <= added


def test_the_diff_renders_as_json_with_a_witness_request(current_to_bill: analysis.Diff) -> None:
    data = json.loads(json.dumps(current_to_bill.to_dict()))
    assert data["before"] == "St. 2020, c.253"
    first = data["changes"][0]
    assert first["witness"]["request"]["performing_agency"]["kind"]
    assert {"before", "after", "conditions", "closest", "lacks"} <= set(first)


def test_the_redraft_adds_the_state_police_assisting_the_registrar() -> None:
    found = diff(BILL, MA.version("H.4359"))
    assert any(
        cond.name == "H.4359 MA-RMV-ASSIST"
        for change in found.outcome_changes
        if change.after is Outcome.PERMITTED
        for cond in change.conditions
    )


def test_a_version_compared_with_itself_has_no_changes() -> None:
    found = diff(BILL, BILL)
    assert found.changes == ()
    assert found.complete
    assert "No request changes" in str(found)


# -- the translation, against the engine ----------------------------------------------------


@pytest.mark.parametrize("name", [v.instrument.id for v in MA.versions])
def test_the_solver_agrees_with_the_engine_on_every_leaf_rule_and_outcome(name: str) -> None:
    version = MA.version(name)

    @settings(
        max_examples=60,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(search_requests(MA, version))
    def agrees(request: SearchRequest) -> None:
        check_agreement(version, request)

    agrees()


_AT = datetime(2024, 5, 1, 12, tzinfo=UTC)


def _request(**changes: Any) -> SearchRequest:
    police = Agency(id="MSP", name="State Police", kind=AgencyKind.STATE_POLICE)
    base = SearchRequest(
        id="R-1",
        requesting_agency=police,
        performing_agency=police,
        purpose=Purpose.CRIMINAL_INVESTIGATION,
        probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=analysis_source()),
        technology=Technology(name="System", approved=True),
        submitted_at=_AT,
        performed_at=_AT + timedelta(hours=1),
    )
    return attrs.evolve(base, **changes)


def analysis_source() -> frpolicy.ImageSource:
    return frpolicy.ImageSource.SURVEILLANCE_CAMERA


_WARRANT = Warrant(
    case_number="C-1",
    court=CourtKind.SUPERIOR_COURT,
    judge="J. Doe",
    issued_at=_AT - timedelta(days=1),
    expires_at=_AT + timedelta(days=1),
    offense_codes=frozenset({"265-17"}),
    authorizes_facial_recognition=True,
)
_EMERGENCY = Emergency(
    harm=Harm.DEATH,
    immediate=True,
    declared_by="Sgt. A",
    declared_at=_AT,
    sworn_statement=SwornStatement(
        filed_at=_AT + timedelta(hours=2),
        filed_by="Lt. B",
        supervisory=True,
        court=CourtKind.SUPERIOR_COURT,
    ),
)
_EXPRESSIONS = [
    "r.warrant is not None and '265-17' in r.warrant.offense_codes",
    (
        "r.warrant is not None and r.warrant.expires_at is not None"
        " and r.warrant.expires_at - r.warrant.issued_at <= timedelta(days=3)"
    ),
    (
        "r.emergency is not None and r.emergency.sworn_statement is not None"
        " and r.emergency.sworn_statement.filed_at - r.emergency.declared_at < WINDOW"
    ),
    "r.emergency.sworn_statement.filed_at <= at + WINDOW",
    "r.performed_at is not None and r.submitted_at <= r.performed_at <= at",
    "Database.FBI in r.databases or Database.OTHER not in r.databases",
    "r.purpose in (Purpose.EMERGENCY, Purpose.CRIMINAL_INVESTIGATION) and r.analysis != None",
    "r.court_order is None or r.court_order.court is CourtKind.SUPERIOR_COURT",
    "r.requesting_officer is not None and r.requesting_officer.supervisory",
    "at >= datetime(2024, 1, 1, tzinfo=UTC) and r.offense is None",
]


@pytest.mark.parametrize("expression", _EXPRESSIONS)
@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"warrant": _WARRANT},
        {"emergency": _EMERGENCY},
        {
            "court_order": CourtOrder(
                docket_number="D", court=CourtKind.OTHER, judge="J", issued_at=_AT
            )
        },
    ],
    ids=["bare", "warrant", "emergency", "court order"],
)
def test_each_construct_of_the_leaf_language_is_translated_as_python_evaluates_it(
    expression: str, changes: dict[str, Any]
) -> None:
    tested = leaf(
        "tested",
        "a tested condition",
        expression,
        timedelta=timedelta,
        datetime=datetime,
        UTC=UTC,
        WINDOW=timedelta(hours=48),
    )
    version = _with_rules(BILL, _rule("XX-TESTED", Effect.PERMIT, tested))
    check_agreement(version, _request(**changes))
    # and the leaf itself can be reasoned about: whether it can hold, and whether it can raise
    assert query(version, tested, outcomes=list(Outcome)).status is Status.PROVED


def test_the_model_refuses_what_the_analysis_forbids_in_order() -> None:
    for cls, pairs in analysis._order_constraints().items():  # noqa: SLF001 - checks the table
        for earlier, later in pairs:
            assert "." in later or later in attrs.fields_dict(cls)
            assert earlier in attrs.fields_dict(cls)


# -- the command line -----------------------------------------------------------------------


def test_verify_exits_0_when_every_claim_is_proved(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "US-MA", "--version", "H.1728"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("US-MA H.1728: ")
    assert "claims proved." in out


def test_verify_exits_1_with_the_counterexample_as_json_when_an_invariant_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = _with_rules(BILL, drop=("MA-NO-VIDEO",))
    place = frpolicy.Jurisdiction(code="US-MA", name="broken", versions=(broken,))
    monkeypatch.setattr("frpolicy.cli.jurisdiction", lambda _code: place)
    assert main(["verify", "US-MA"]) == 1
    out = capsys.readouterr().out
    assert "disproved: invariant stills-only" in out
    assert "counterexample to stills-only, as JSON:" in out
    assert main(["verify", "US-MA", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    (stills,) = [c for c in data[0]["claims"] if c["subject"] == "stills-only"]
    assert (
        stills["witness"]["request"]["probe"]["kind"] in {"recorded_video", "live_video"}
        or (stills["witness"]["request"]["real_time"])
    )


def test_verify_and_diff_exit_2_on_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "XX-NOWHERE"]) == 2
    assert main(["diff", "US-MA", "St. 2020, c.253", "H.9999"]) == 2
    assert "no version 'H.9999'" in capsys.readouterr().err


def test_diff_prints_the_change_classes_in_prose_and_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", "US-MA", "St. 2020, c.253", "H.1728"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("US-MA: what changes from St. 2020, c.253 to H.1728.")
    assert "The nearest permission, MA-WARRANT (H.1728), lacks:" in text
    assert main(["diff", "US-MA", "St. 2020, c.253", "H.1728", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["after"] == "H.1728"
