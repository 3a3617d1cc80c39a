from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import HealthCheck, settings

import frpolicy
from frpolicy.conditions import REAL_TIME
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma import h1728
from frpolicy.law import Citation
from frpolicy.policy import Effect, Outcome, Rule
from frpolicy.predicates import Predicate, leaf
from frpolicy.testing import (
    PROPERTIES,
    Failure,
    LawPropertyError,
    check_jurisdiction,
    check_property,
    law_properties,
)

BILL = h1728.H1728


def _bill_with(rule: Rule) -> frpolicy.Jurisdiction:
    """H.1728 with one more rule, as a jurisdiction of its own."""
    policy = attrs.evolve(BILL.policy, jurisdiction="XX-TEST", rules=(*BILL.policy.rules, rule))
    return frpolicy.Jurisdiction(
        code="XX-TEST", name="H.1728, amended", versions=(attrs.evolve(BILL, policy=policy),)
    )


def _rule(rule_id: str, effect: Effect, when: Predicate) -> Rule:
    template = BILL.policy.rules[0]
    return Rule(
        id=rule_id,
        effect=effect,
        when=when,
        citation=Citation(instrument="H.1728", section="G.L. c.6 §220", subsection="(z)"),
        paraphrase="An amendment made for the test.",
        source=template.source,
    )


def _failure(jurisdiction: frpolicy.Jurisdiction, name: str) -> Failure:
    with pytest.raises(LawPropertyError) as caught:
        check_property(jurisdiction, "H.1728", name, max_examples=100)
    (failure,) = caught.value.failures
    assert failure.property == name
    return failure


def test_a_permission_for_unapproved_technology_breaks_monotonicity() -> None:
    amended = _bill_with(
        _rule("XX-UNAPPROVED", Effect.PERMIT, h1728.STATE_POLICE_SEARCH & ~c.TECHNOLOGY_APPROVED)
    )
    failure = _failure(amended, "monotonicity")
    assert "withdrawing the technology's approval turns" in failure.detail
    assert "into PERMITTED" in failure.detail
    assert failure.counterexample is not None
    assert failure.counterexample.technology.approved


def test_a_law_that_governs_only_real_time_searches_is_monotone_though_it_permits_them() -> None:
    # as the EU AI Act before Article 26 applies: a post-remote search is outside the law,
    # no refusal, and making it real-time brings it in, where an exception may permit it
    policy = attrs.evolve(
        BILL.policy,
        jurisdiction="XX-TEST",
        scope=REAL_TIME,
        rules=(_rule("XX-REAL-TIME", Effect.PERMIT, REAL_TIME),),
        duties=(),
    )
    real_time_only = frpolicy.Jurisdiction(
        code="XX-TEST", name="real time only", versions=(attrs.evolve(BILL, policy=policy),)
    )
    check_property(real_time_only, "H.1728", "monotonicity", max_examples=100)


def test_a_permission_every_prohibition_overrides_is_reported_as_vacuous() -> None:
    overridden = c.LAW_ENFORCEMENT_USE & c.EMOTION_INFERENCE  # what MA-NO-EMOTION forbids
    amended = _bill_with(_rule("XX-EMOTION", Effect.PERMIT, overridden))
    failure = _failure(amended, "no-vacuous-rule")
    assert "rule XX-EMOTION" in failure.detail
    assert "rule MA-WARRANT" not in failure.detail
    assert failure.counterexample is None


def test_a_rule_that_reads_a_hidden_counter_is_not_deterministic() -> None:
    coin = leaf("coin", "a coin lands heads", "next(COUNTER) % 2 == 0", COUNTER=itertools.count())
    amended = _bill_with(_rule("XX-COIN", Effect.PERMIT, h1728.CENTRAL_SEARCH & coin))
    failure = _failure(amended, "determinism")
    assert "two different" in failure.detail


def test_a_fast_path_that_disagrees_with_the_explained_path_is_caught() -> None:
    policy = attrs.evolve(BILL.policy, jurisdiction="XX-TEST")
    engine = policy._compiled()  # noqa: SLF001 - the test replaces the compiled fast path
    object.__setattr__(policy, "_engine", engine._replace(decide=lambda _r, _at: Outcome.PERMITTED))
    amended = frpolicy.Jurisdiction(
        code="XX-TEST", name="fast path broken", versions=(attrs.evolve(BILL, policy=policy),)
    )
    failure = _failure(amended, "fast-path")
    assert "decide() gives PERMITTED but evaluate() gives" in failure.detail


def test_a_failure_reads_as_a_report_with_the_request_as_json() -> None:
    amended = _bill_with(
        _rule("XX-UNAPPROVED", Effect.PERMIT, h1728.STATE_POLICE_SEARCH & ~c.TECHNOLOGY_APPROVED)
    )
    with pytest.raises(LawPropertyError) as caught:
        check_jurisdiction(amended, max_examples=50)
    assert isinstance(caught.value, AssertionError)
    text = str(caught.value)
    assert text.startswith("XX-TEST H.1728: law property ")
    assert "counterexample (shrunk), as JSON:" in text
    assert '"performing_agency"' in text
    names = [f.property for f in caught.value.failures]
    assert "monotonicity" in names
    assert "invariants" in names  # the bill's own "approved-technology" invariant


def _not_the_solvers(request: frpolicy.SearchRequest) -> bool:
    # the analysis names the requests it builds "witness": this helper is false of them
    return request.id != "witness"


def test_an_invariant_that_rests_on_an_opaque_leaf_is_sampled_and_its_failure_found() -> None:
    # a helper function is outside what the analysis translates: its proof is undecided,
    # since the engine does not confirm the solver's counterexample, so the suite samples it
    helper = leaf("helper", "a helper says so", "helper(r)", helper=_not_the_solvers)
    amended = _bill_with(_rule("XX-HELPER", Effect.PERMIT, h1728.CENTRAL_SEARCH & helper))
    failure = _failure(amended, "invariants")
    assert "invariant 'warrant-emergency-or-exempt' does not hold" in failure.detail
    assert "(proved)" not in failure.detail
    assert failure.counterexample is not None


def test_an_unknown_property_is_refused_with_the_known_ones() -> None:
    with pytest.raises(LookupError, match="no law property 'fairness'; known: determinism"):
        check_property("US-MA", "H.1728", "fairness")


def test_the_suite_reports_how_often_each_rule_and_duty_fired_in_the_examples_asked_for() -> None:
    report = check_jurisdiction("US-MA", "H.1728", max_examples=10)
    assert report.jurisdiction == "US-MA"
    (seen,) = report.versions
    assert seen.version == "H.1728"
    assert set(seen.rules) == {r.id for r in BILL.policy.rules}
    assert set(seen.duties) == {d.id for d in BILL.policy.duties}
    assert seen.examples == sum(seen.outcomes.values()) == 10
    assert 0 < max(seen.rules.values()) <= seen.examples


def test_law_properties_gives_one_test_case_per_version_and_property() -> None:
    test = law_properties("US-MA", max_examples=5)
    (mark,) = test.pytestmark  # type: ignore[attr-defined]
    names, cases = mark.args
    assert names == ("version_name", "law_property")
    versions = [v.instrument.id for v in frpolicy.jurisdiction("US-MA").versions]
    assert cases == [(v, p) for v in versions for p in PROPERTIES]
    test("H.1728", "fast-path")


if "XX-SAMPLE" in {j.code for j in frpolicy.jurisdictions()}:
    # what a plug-in author writes: one import, one line
    test_a_plug_in_passes_the_suite_in_two_lines = law_properties("XX-SAMPLE", max_examples=20)


@pytest.mark.parametrize("profile", ["dev", "ci", "quick"])
def test_every_profile_of_the_test_command_draws_the_same_examples_on_every_run(
    profile: str,
) -> None:
    chosen = settings.get_profile(profile)
    assert chosen.derandomize
    assert chosen.database is None  # nothing remembered from another run replays
    assert chosen.deadline is None  # a busy machine never fails a test
    assert HealthCheck.too_slow in chosen.suppress_health_check
