from __future__ import annotations

import functools
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import frpolicy
from frpolicy import analysis
from frpolicy.analysis import ClaimKind, Status, check_agreement, diff, prove, query, verify
from frpolicy.analysis import _session as session
from frpolicy.analysis import _translation as translation
from frpolicy.cli import main
from frpolicy.jurisdictions import Invariant, Version
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma import h1728, st2020_c253
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
from frpolicy.policy import Effect, Outcome, Rule, Variant
from frpolicy.predicates import Predicate, Verdict, leaf
from frpolicy.strategies import search_requests
from frpolicy.testing import LawPropertyError, check_property

MA = frpolicy.jurisdiction("US-MA")
BILL = h1728.H1728
CURRENT = MA.version("St. 2020, c.253")
REDRAFT = MA.version("H.4359")


def _with_rules(version: Version, *rules: Rule, drop: tuple[str, ...] = ()) -> Version:
    kept = tuple(r for r in version.policy.rules if r.id not in drop)
    return attrs.evolve(version, policy=attrs.evolve(version.policy, rules=(*kept, *rules)))


def _replace(version: Version, rule_id: str, **changes: Any) -> Version:
    rules = tuple(
        attrs.evolve(r, **changes) if r.id == rule_id else r for r in version.policy.rules
    )
    return attrs.evolve(version, policy=attrs.evolve(version.policy, rules=rules))


def _without_duty(version: Version, duty_id: str) -> Version:
    duties = tuple(d for d in version.policy.duties if d.id != duty_id)
    return attrs.evolve(version, policy=attrs.evolve(version.policy, duties=duties))


def _duty_only_when_permitted(version: Version, duty_id: str) -> Version:
    duties = tuple(
        attrs.evolve(d, outcomes=frozenset({Outcome.PERMITTED})) if d.id == duty_id else d
        for d in version.policy.duties
    )
    return attrs.evolve(version, policy=attrs.evolve(version.policy, duties=duties))


def _rule(rule_id: str, effect: Effect, when: Predicate) -> Rule:
    return attrs.evolve(BILL.policy.rules[1], id=rule_id, effect=effect, when=when)


def _invariant(version: Version, invariant_id: str) -> Invariant:
    (found,) = [i for i in version.invariants if i.id == invariant_id]
    return found


def _disproved(version: Version, invariant_id: str) -> analysis.Claim:
    """The claim that the invariant holds, disproved by a counterexample the engine confirms."""
    invariant = _invariant(version, invariant_id)
    claim = prove(version, invariant)
    assert claim.status is Status.DISPROVED, str(claim)
    assert claim.witness is not None
    request = claim.witness.request
    # the engine's own reading of the invariant breaks on the solver's request
    assert invariant.broken_by(request, version.evaluate(request)) is not None
    return claim


# -- every version of the law, under every reading, and the plug-in verify clean -----------


@functools.cache
def _registered(code: str, name: str) -> analysis.Verification:
    """``verify`` of a registered version, proved once for every test here that reads it.

    The registry's versions are frozen and live for the whole run, so a proof of one holds
    for each test that asks again; versions a test builds are verified on their own.
    """
    return verify(frpolicy.jurisdiction(code).version(name), jurisdiction=code)


@pytest.mark.parametrize("name", [v.instrument.id for v in MA.versions])
def test_every_version_of_massachusetts_verifies_clean(name: str) -> None:
    result = _registered("US-MA", name)
    assert result.ok, str(result)
    kinds = {claim.kind for claim in result.claims}
    assert {
        ClaimKind.INVARIANT,
        ClaimKind.APPLIES,
        ClaimKind.DECIDES,
        ClaimKind.NEEDED,
        ClaimKind.ATTACHES,
        ClaimKind.NEVER_RAISES,
        ClaimKind.READING,
    } <= kinds


_OTHER_READINGS = [
    (v.instrument.id, r.id, choice.id)
    for v in MA.versions
    for r in v.readings
    for choice in r.choices
    if choice.id != r.chosen
]


_EVERY_JURISDICTION = [
    (j.code, v.instrument.id) for j in frpolicy.jurisdictions() for v in j.versions
]


@pytest.mark.parametrize(
    ("code", "name"), _EVERY_JURISDICTION, ids=[" ".join(c) for c in _EVERY_JURISDICTION]
)
def test_every_registered_jurisdiction_verifies_clean(code: str, name: str) -> None:
    result = _registered(code, name)
    assert result.ok, str(result)
    assert not [c for c in result.claims if c.kind is ClaimKind.ANALYSABLE]


def test_the_plug_in_jurisdiction_is_among_those_verified() -> None:
    if "XX-SAMPLE" not in {j.code for j in frpolicy.jurisdictions()}:
        pytest.skip("the plug-in package is not installed")
    assert ("XX-SAMPLE", "Sample Act 1") in _EVERY_JURISDICTION


# -- planted mistakes, each caught by a proof, deterministically ----------------------------


def _any_warrant_will_do() -> Version:
    any_warrant = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
    return _replace(BILL, "MA-WARRANT", when=h1728.CENTRAL_SEARCH & any_warrant)


def _local_police_on_a_felony_warrant() -> Version:
    searcher = h1728.STATE_POLICE_SEARCH | c.performed_by(AgencyKind.LOCAL_POLICE)
    return _replace(
        BILL, "MA-WARRANT", when=searcher & c.TECHNOLOGY_APPROVED & h1728.FELONY_WARRANT
    )


def _felony_suspicion_without_a_warrant() -> Version:
    return _with_rules(
        BILL, _rule("XX-SUSPICION", Effect.PERMIT, h1728.CENTRAL_SEARCH & c.OFFENSE_IS_FELONY)
    )


def _warrant_rule(warrant_condition: Predicate) -> Version:
    felony_warrant = (
        c.WARRANT_AUTHORIZES_SEARCH
        & warrant_condition
        & c.WARRANT_COVERS_OFFENSE
        & c.OFFENSE_IS_FELONY
    )
    return _replace(BILL, "MA-WARRANT", when=h1728.CENTRAL_SEARCH & felony_warrant)


def _an_expired_warrant_counts() -> Version:
    return _warrant_rule(
        leaf(
            "warrant_issued",
            "the warrant was issued by the time of the search",
            "r.warrant is not None and r.warrant.issued_at <= at",
        )
    )


def _a_warrant_read_without_its_expiry() -> Version:
    return _warrant_rule(leaf("warrant_present", "there is a warrant", "r.warrant is not None"))


def _scope_without_the_performing_agency(version: Version) -> Version:
    scope: Predicate = c.LAW_ENFORCEMENT_REQUEST
    if version is not CURRENT:
        scope |= c.REGISTRY_REQUEST
    return attrs.evolve(version, policy=attrs.evolve(version.policy, scope=scope))


def _any_federal_agency_as_the_fbi() -> Version:
    # the bills' ban (§220(b)) forbids a request to any federal agency but the FBI whatever
    # the permissions say: the mistake shows in current law, which has no such ban
    searcher = st2020_c253.AUTHORIZED_SEARCHER | c.performed_by(AgencyKind.FEDERAL)
    return _replace(
        CURRENT,
        "MA-LAW-COURT-ORDER",
        when=searcher & c.WRITTEN_REQUEST & st2020_c253.COURT_ORDERED,
    )


_PLANTED: dict[str, tuple[Callable[[], Version], str]] = {
    # the table
    "any warrant will do (felony test dropped)": (
        _any_warrant_will_do,
        "warrant-emergency-or-exempt",
    ),
    "local police may search on a felony warrant": (
        _local_police_on_a_felony_warrant,
        "central-searcher",
    ),
    "§220(k) emotion ban deleted": (
        lambda: _with_rules(BILL, drop=("MA-NO-EMOTION",)),
        "stills-only",
    ),
    "§220(k) video ban deleted": (lambda: _with_rules(BILL, drop=("MA-NO-VIDEO",)), "stills-only"),
    "felony suspicion without a warrant": (
        _felony_suspicion_without_a_warrant,
        "warrant-emergency-or-exempt",
    ),
    "an expired warrant counts": (_an_expired_warrant_counts, "warrant-emergency-or-exempt"),
    "the emergency filing duty deleted": (
        lambda: _without_duty(BILL, "MA-EMERGENCY-FILING"),
        "emergency-filing",
    ),
    "the defendant-notice duty deleted": (
        lambda: _without_duty(BILL, "MA-NOTICE"),
        "defendant-notice",
    ),
    # and more
    "a ban typed as a permission": (
        lambda: _replace(BILL, "MA-NO-VIDEO", effect=Effect.PERMIT),
        "stills-only",
    ),
    "a scope that drops the performing agency (H.1728)": (
        lambda: _scope_without_the_performing_agency(BILL),
        "binds-law-enforcement-and-registrar",
    ),
    "a scope that drops the performing agency (current law)": (
        lambda: _scope_without_the_performing_agency(CURRENT),
        "binds-law-enforcement",
    ),
    "a warrant read without its expiry": (
        _a_warrant_read_without_its_expiry,
        "warrant-emergency-or-exempt",
    ),
    "any federal agency taken for the FBI": (
        _any_federal_agency_as_the_fbi,
        "no-other-federal-agency",
    ),
    "the public-record duty deleted (H.4359)": (
        lambda: _without_duty(REDRAFT, "MA-LOG-FBI"),
        "public-record-ma-log-fbi",
    ),
    "the quarterly report duty deleted (current law)": (
        lambda: _without_duty(CURRENT, "MA-LAW-REPORT"),
        "every-request-documented-and-reported",
    ),
    "the §220(i) public-record duty deleted (H.1728)": (
        lambda: _without_duty(BILL, "MA-NONLE-LOG"),
        "public-agency-record-and-report",
    ),
    "the §220(i)-(j) report deleted (H.4359)": (
        lambda: _without_duty(REDRAFT, "MA-NONLE-REPORT"),
        "public-agency-record-and-report",
    ),
    "the emergency filing detached from unlawful emergency searches": (
        lambda: _duty_only_when_permitted(BILL, "MA-EMERGENCY-FILING"),
        "emergency-filing",
    ),
    "the emergency record detached from unlawful emergency searches": (
        lambda: _duty_only_when_permitted(BILL, "MA-EMERGENCY-RECORD"),
        "emergency-record",
    ),
    "the §220(b) ban deleted": (
        lambda: _with_rules(BILL, drop=("MA-BAN",)),
        "state-police-route",
    ),
    "a ban on other public agencies (H.1728)": (
        lambda: _with_rules(BILL, drop=("MA-NONLE",)),
        "no-ban-beyond-law-enforcement",
    ),
    "the written request dropped (current law)": (
        lambda: _replace(
            CURRENT,
            "MA-LAW-COURT-ORDER",
            when=st2020_c253.AUTHORIZED_SEARCHER & st2020_c253.COURT_ORDERED,
        ),
        "written-request",
    ),
}


@pytest.mark.parametrize("mistake", list(_PLANTED))
def test_a_planted_mistake_fails_the_law_property_suite_with_a_counterexample_every_time(
    mistake: str,
) -> None:
    make, invariant_id = _PLANTED[mistake]
    broken = make()
    place = frpolicy.Jurisdiction(code="US-MA", name="planted", versions=(broken,))
    # proved, not sampled: ten examples are as good as any number
    with pytest.raises(LawPropertyError) as caught:
        check_property(place, broken, "invariants", max_examples=10)
    (failure,) = caught.value.failures
    assert f"invariant {invariant_id!r} does not hold (proved)" in failure.detail
    request = failure.counterexample
    assert request is not None
    invariant = _invariant(broken, invariant_id)
    assert invariant.broken_by(request, broken.evaluate(request)) is not None
    # the law as it stands is sound: the mistake, not the invariant, is what fails
    sound = MA.version(broken.instrument.id)
    assert _invariant(sound, invariant_id).broken_by(request, sound.evaluate(request)) is None


def test_a_version_verified_again_is_answered_from_its_first_proof() -> None:
    planted = _an_expired_warrant_counts()
    first = verify(planted)
    assert verify(planted) is first
    assert verify(planted, jurisdiction="XX-SHOWN").jurisdiction == "XX-SHOWN"
    # the same law made again is another version, proved on its own
    assert verify(_an_expired_warrant_counts()) is not first


def test_verify_reports_a_planted_mistake_as_a_disproved_invariant() -> None:
    result = verify(_an_expired_warrant_counts())
    assert not result.ok
    (failure,) = result.failures()
    assert (failure.kind, failure.subject) == (ClaimKind.INVARIANT, "warrant-emergency-or-exempt")
    assert failure.status is Status.DISPROVED
    assert str(result).startswith("US-MA H.1728: ")


def test_a_deleted_duty_is_named_as_missing_from_the_version() -> None:
    claim = prove(_without_duty(BILL, "MA-NOTICE"), _invariant(BILL, "defendant-notice"))
    assert claim.status is Status.DISPROVED
    assert "it obliges MA-NOTICE, which this version does not have" in claim.detail
    assert claim.witness is not None


def test_the_notice_invariant_holds_whichever_searches_the_notice_follows() -> None:
    for choice in ("every-search", "state-police-route"):
        version = BILL.with_readings({h1728.NOTICE_SCOPE: choice})
        assert prove(version, _invariant(version, "defendant-notice")).proved


def test_a_proof_that_passes_says_proved_and_has_no_witness() -> None:
    claim = prove(BILL, _invariant(BILL, "central-searcher"))
    assert claim.status is Status.PROVED
    assert claim.witness is None
    assert str(claim).startswith("proved: invariant central-searcher holds under H.1728")


def test_an_invariant_that_concerns_no_request_is_reported_as_vacuous() -> None:
    never = Invariant(
        id="never",
        statement="A permitted search by the State Police for itself and for the FBI is logged.",
        when=c.performed_by(AgencyKind.STATE_POLICE) & c.performed_by(AgencyKind.FBI),
        obliges=("MA-LOG",),
    )
    version = attrs.evolve(BILL, invariants=(*BILL.invariants, never))
    claims = {(c.kind, c.subject): c for c in verify(version).claims}
    assert claims[ClaimKind.INVARIANT, "never"].proved
    vacuous = claims[ClaimKind.APPLIES, "never"]
    assert vacuous.status is Status.DISPROVED
    assert "it is vacuous" in vacuous.detail
    place = frpolicy.Jurisdiction(code="US-MA", name="vacuous", versions=(version,))
    with pytest.raises(LawPropertyError, match="invariant 'never' is vacuous"):
        check_property(place, version, "invariants", max_examples=10)


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
    twin = attrs.evolve(next(r for r in BILL.policy.rules if r.id == "MA-WARRANT"), id="XX-TWIN")
    claim = _claim(_with_rules(BILL, twin), ClaimKind.NEEDED, "XX-TWIN")
    assert claim.status is Status.DISPROVED
    assert "redundant" in claim.detail
    assert "MA-WARRANT" in claim.detail


def test_a_duty_that_can_never_attach_is_reported() -> None:
    local = attrs.evolve(
        BILL.policy.duties[0],
        id="XX-LOCAL",
        when=c.performed_by_massachusetts(AgencyKind.LOCAL_POLICE),
        outcomes=frozenset({Outcome.PERMITTED}),
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
    claim = query(BILL, c.performed_by_massachusetts(AgencyKind.LOCAL_POLICE))
    assert claim.status is Status.DISPROVED
    assert claim.witness is None


def test_the_state_police_can_be_permitted_to_search_and_the_witness_shows_it() -> None:
    claim = query(BILL, c.performed_by(AgencyKind.STATE_POLICE))
    assert claim.status is Status.PROVED
    assert claim.witness is not None
    assert BILL.decide(claim.witness.request) is Outcome.PERMITTED


def test_a_witness_from_another_place_names_a_home_outside_massachusetts() -> None:
    outside = c.requested_by(AgencyKind.LOCAL_POLICE) & ~c.MASSACHUSETTS_REQUESTER
    claim = query(BILL, outside, outcomes=list(Outcome))
    assert claim.status is Status.PROVED
    assert claim.witness is not None
    home = claim.witness.request.requesting_agency.home
    assert home is not None
    assert frpolicy.model.is_place_code(home)
    assert home != "US-MA"
    assert not home.startswith("US-MA-")


def test_a_prefix_of_a_home_is_translated_exactly_and_its_witness_is_a_place_code() -> None:
    in_detroit = leaf(
        "requested_in_detroit",
        "the search is requested by an agency of a place within Michigan",
        "r.requesting_agency.home is not None and r.requesting_agency.home.startswith('US-MI-')",
    )
    claim = query(BILL, in_detroit, outcomes=list(Outcome))
    assert claim.status is Status.PROVED
    assert claim.witness is not None
    home = claim.witness.request.requesting_agency.home
    assert home is not None
    assert home.startswith("US-MI-")
    assert frpolicy.model.is_place_code(home)


def test_a_home_that_is_no_place_code_is_never_held_by_any_request() -> None:
    lowercase = leaf(
        "lowercase_home",
        "the requesting agency's home is written in lower case",
        "r.requesting_agency.home == 'us-ma' or r.requesting_agency.home.startswith('us')",
    )
    claim = query(BILL, lowercase, outcomes=list(Outcome))
    assert claim.status is Status.DISPROVED
    assert claim.witness is None


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


# -- readings --------------------------------------------------------------------------------


def test_the_diff_between_two_readings_of_current_law_is_the_warrant_read_as_a_court_order() -> (
    None
):
    strict = CURRENT.with_readings({"warrant-as-court-order": "no"})
    found = diff(CURRENT, strict)
    assert found.after == "St. 2020, c.253 [warrant-as-court-order=no]"
    assert found.complete
    assert found.changes
    assert not found.obligation_changes
    for change in found.changes:
        assert (change.before, change.after) == (Outcome.PERMITTED, Outcome.NOT_PERMITTED)
        request = change.witness.request
        # permitted only because a warrant in force was read as a court order
        assert c.WARRANT_AUTHORIZES_SEARCH(request)
        assert c.WARRANT_IN_FORCE(request)
        assert not (c.COURT_ORDER_AUTHORIZES_SEARCH(request) and c.COURT_ORDER_IN_FORCE(request))
        adopted, other = change.witness.decisions
        assert "warrant-as-court-order" in {r.id for r in adopted.readings}
        assert other.outcome is strict.decide(request)
    assert "St. 2020, c.253 [warrant-as-court-order=no]: not permitted" in str(found)


def test_the_diff_between_two_readings_of_the_report_due_date_revises_only_the_deadline() -> None:
    found = diff(CURRENT, CURRENT.with_readings({"quarterly-report-due": "same-quarter"}))
    assert found.complete
    assert not found.outcome_changes
    assert {ch.duty for ch in found.changes} == {"MA-LAW-REPORT"}
    for change in found.changes:
        (revision,) = change.revised
        assert revision.startswith("deadline: by the end of the calendar quarter 1 after")
        assert revision.endswith("→ by the end of the calendar quarter of the request")
        assert change.to_dict()["revised"] == [revision]


def test_the_diff_between_two_readings_of_the_notice_drops_it_outside_the_state_police() -> None:
    found = diff(BILL, BILL.with_readings({h1728.NOTICE_SCOPE: "state-police-route"}))
    assert found.complete
    assert not found.outcome_changes
    assert {(ch.duty, ch.added) for ch in found.changes} == {("MA-NOTICE", False)}
    for change in found.changes:
        assert not h1728.STATE_POLICE_SEARCH(change.witness.request)


def test_a_reading_whose_other_choice_changes_nothing_is_reported_as_moot() -> None:
    policy = BILL.policy
    same = Variant(
        reading=h1728.REGISTRAR_STATUS,
        choice="law-enforcement",
        scope=policy.scope,
        rules=policy.rules,
        duties=policy.duties,
    )
    # a version made by hand, without a builder: its variants are its other readings
    moot = attrs.evolve(BILL, build=None, policy=attrs.evolve(policy, variants=(same,)))
    (claim,) = [c for c in verify(moot).claims if c.kind is ClaimKind.READING]
    assert claim.subject == "registrar-status=law-enforcement"
    assert claim.status is Status.DISPROVED
    assert "moot" in claim.detail


def test_a_reading_that_matters_is_shown_by_a_request_whose_memo_names_it() -> None:
    claims = [c for c in _registered("US-MA", "H.1728").claims if c.kind is ClaimKind.READING]
    assert {c.subject for c in claims} == {
        "registrar-status=law-enforcement",
        "notice-scope=state-police-route",
        "quarterly-report-due=same-quarter",
        "emergency-record-due=end-of-day",
        "emergency-record-due=with-the-sworn-statement",
        "fbi-technology=fbi-system-exempt",
        "felony-elsewhere=commonwealth-only",
    }
    for claim in claims:
        assert claim.proved
        assert claim.witness is not None
        reading = claim.subject.split("=")[0]
        assert reading in {r.id for r in claim.witness.decisions[0].readings}


# -- the translation, against the engine ----------------------------------------------------


# the versions as registered are checked so by the law-property suite's symbolic-agreement,
# which test_jurisdictions_properties runs on every registered version


@pytest.mark.parametrize(
    ("name", "reading", "choice"),
    _OTHER_READINGS,
    ids=[" ".join(case) for case in _OTHER_READINGS],
)
def test_the_solver_agrees_with_the_engine_on_every_leaf_rule_outcome_duty_and_reading(
    name: str, reading: str, choice: str
) -> None:
    version = MA.version(name).with_readings({reading: choice})

    @settings(
        max_examples=30,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(search_requests(MA, version))
    def agrees(request: SearchRequest) -> None:
        check_agreement(version, request)

    agrees()


def test_a_wrong_translation_of_a_leaf_is_an_error_that_names_the_leaf(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = translation._Translation.run  # noqa: SLF001 - the translation under test

    def negated(self: Any) -> tuple[Any, Any]:
        value, raises = run(self)
        if self.leaf.name == "written_request":
            return self.z3.Not(value), raises
        return value, raises

    monkeypatch.setattr(translation._Translation, "run", negated)  # noqa: SLF001 - as above
    # translations made under the patch are kept apart, and forgotten after the test
    monkeypatch.setattr(session, "_AGREEMENTS", {})
    monkeypatch.setattr("frpolicy.analysis._claims._VERIFIED", {})
    request = _request(written_request=True)
    with pytest.raises(analysis.AnalysisError, match="the translation of leaf written_request"):
        check_agreement(CURRENT, request)
    with pytest.raises(analysis.AnalysisError, match="written_request"):
        verify(CURRENT)


def _raising_after_a_failed_condition() -> Version:
    """A permission whose second condition raises when the first fails, and one that holds."""
    careless = leaf("careless", "the warrant was issued", "r.warrant.issued_at <= at")
    never = leaf("never", "never", "r.written_request and not r.written_request")
    always = leaf("always", "always", "r.id is not None")
    return _with_rules(
        BILL,
        _rule("XX-CARELESS", Effect.PERMIT, never & careless),
        _rule("XX-ALWAYS", Effect.PERMIT, always),
        drop=tuple(r.id for r in BILL.policy.rules),
    )


def test_an_error_in_a_condition_evaluation_never_reaches_is_read_as_the_engine_reads_it() -> None:
    version = _raising_after_a_failed_condition()
    request = _request(warrant=None)
    # the analysis follows Policy.evaluate, whatever it decides here; check_agreement
    # raises if the two part
    check_agreement(version, request)
    outcome = version.evaluate(request).outcome
    claim = query(version, c.performed_by(AgencyKind.STATE_POLICE), outcomes=[outcome])
    assert claim.proved


def _every_error(self: Verdict) -> tuple[str, ...]:
    own = (f"{self.predicate!r}: {self.error}",) if self.error else ()
    return own + tuple(itertools.chain.from_iterable(c.errors() for c in self.children))


def _reached_errors(self: Verdict) -> tuple[str, ...]:
    if self.value is not None:
        return ()
    if self.error is not None:
        return (f"{self.predicate!r}: {self.error}",)
    return next(c for c in self.children if c.value is None).errors()


@pytest.mark.parametrize(
    ("errors", "outcome"),
    [(_every_error, Outcome.NOT_PERMITTED), (_reached_errors, Outcome.PERMITTED)],
    ids=["every error refuses", "only errors reached refuse"],
)
def test_the_analysis_follows_the_engine_whichever_errors_it_counts(
    monkeypatch: pytest.MonkeyPatch,
    errors: Callable[[Verdict], tuple[str, ...]],
    outcome: Outcome,
) -> None:
    monkeypatch.setattr(Verdict, "errors", errors)
    monkeypatch.setattr(session, "_AGREEMENTS", {})
    translation._unreached_errors_count.cache_clear()  # noqa: SLF001 - asked again of the engine
    try:
        version = _raising_after_a_failed_condition()
        request = _request(warrant=None)
        assert version.evaluate(request).outcome is outcome
        check_agreement(version, request)
        assert query(version, c.performed_by(AgencyKind.STATE_POLICE), outcomes=[outcome]).proved
    finally:
        translation._unreached_errors_count.cache_clear()  # noqa: SLF001 - as above


def test_the_analysis_gives_the_same_answers_in_every_process() -> None:
    # the order of a set of strings changes with the process's hash seed; witnesses must not
    command = [sys.executable, "-m", "frpolicy", "diff", "US-MA", "H.1728", "H.4359"]
    outputs = {
        subprocess.run(  # noqa: S603 - our own command, no shell
            [*command, "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


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
    for cls, pairs in translation._order_constraints().items():  # noqa: SLF001 - checks the table
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
    (stills,) = [
        c for c in data[0]["claims"] if c["subject"] == "stills-only" and c["kind"] == "invariant"
    ]
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


def test_verify_takes_the_law_read_another_way_and_every_reading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main(
            [
                "verify",
                "US-MA",
                "--version",
                "H.1728",
                "--reading",
                "notice-scope=state-police-route",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.startswith("US-MA H.1728 [notice-scope=state-police-route]: ")
    assert main(["verify", "US-MA", "--version", "St. 2020, c.253", "--every-reading"]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if line.startswith("US-MA")]
    assert [h.split(":")[0] for h in heads] == [
        "US-MA St. 2020, c.253",
        "US-MA St. 2020, c.253 [warrant-as-court-order=no]",
        "US-MA St. 2020, c.253 [identification-documents=written-request-and-basis]",
        "US-MA St. 2020, c.253 [quarterly-report-due=same-quarter]",
        "US-MA St. 2020, c.253 [emergency-standard=harm-to-a-person]",
        "US-MA St. 2020, c.253 [emergency-standard=immediate-danger]",
        "US-MA St. 2020, c.253 [deceased-identification=own-basis]",
    ]


def test_diff_of_one_version_with_a_reading_gives_what_the_reading_decides(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["diff", "US-MA", "St. 2020, c.253", "--reading", "warrant-as-court-order=no"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "US-MA: what changes from St. 2020, c.253 to St. 2020, c.253 [warrant-as-court-order=no]."
    )
    assert main(["diff", "US-MA", "H.1728", "--reading", "no-such-reading=x"]) == 2
    assert "--reading: " in capsys.readouterr().err
