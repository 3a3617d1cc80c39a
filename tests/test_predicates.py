"""The predicate algebra: data with structural equality, Boolean laws, explanations."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import frpolicy
from frpolicy import AgencyKind, SearchRequest, examples
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.predicates import All, Any, Leaf, Not, Predicate, leaf, leaf_family
from frpolicy.strategies import search_requests

MA = frpolicy.jurisdiction("US-MA")
BILL = MA.version("H.1728")

POOL: list[Predicate] = [
    c.performed_by(AgencyKind.STATE_POLICE),
    c.requested_by(AgencyKind.LOCAL_POLICE),
    c.TECHNOLOGY_APPROVED,
    c.WARRANT_AUTHORIZES_SEARCH,
    c.WARRANT_IN_FORCE,
    c.OFFENSE_IS_FELONY,
    c.EMERGENCY_IMMEDIATE_DANGER,
    c.MOVING_IMAGES,
    c.WRITTEN_REQUEST,
]
RAISES = leaf("raises", "a condition that cannot be evaluated", "1 // 0 == 0")


def trees(pool: list[Predicate]) -> st.SearchStrategy[Predicate]:
    return st.recursive(
        st.sampled_from(pool),
        lambda inner: st.one_of(
            st.tuples(inner, inner).map(lambda ab: ab[0] & ab[1]),
            st.tuples(inner, inner).map(lambda ab: ab[0] | ab[1]),
            inner.map(lambda p: ~p),
        ),
        max_leaves=8,
    )


predicates = trees(POOL)


def subpredicates(p: Predicate) -> set[Predicate]:
    """The predicate and every predicate it is built of."""
    if isinstance(p, All | Any):
        return {p}.union(*(subpredicates(q) for q in p.operands))
    if isinstance(p, Not):
        return {p} | subpredicates(p.operand)
    return {p}


requests = search_requests(jurisdiction=MA, version=BILL)


def test_a_predicate_reads_like_the_expression_that_built_it() -> None:
    rule = c.performed_by(AgencyKind.STATE_POLICE) & (c.WARRANT_IN_FORCE | ~c.MOVING_IMAGES)
    assert repr(rule) == (
        "performed_by(AgencyKind.STATE_POLICE) & (warrant_in_force | ~moving_images)"
    )
    assert rule.describe() == (
        "the search is performed by the State Police AND (the warrant is in force when the search "
        "is performed OR NOT the system analyses moving images (recorded or live video, or "
        "real-time identification))"
    )


def test_predicates_are_equal_and_hash_alike_when_built_alike() -> None:
    a = c.performed_by(AgencyKind.STATE_POLICE) & c.TECHNOLOGY_APPROVED
    b = c.performed_by(AgencyKind.STATE_POLICE) & c.TECHNOLOGY_APPROVED
    assert a == b
    assert hash(a) == hash(b)
    assert a != c.performed_by(AgencyKind.FEDERAL) & c.TECHNOLOGY_APPROVED
    assert len({a, b}) == 1


def test_conjunctions_flatten_and_double_negation_gives_back_the_predicate() -> None:
    x, y, z = POOL[:3]
    assert (x & y) & z == x & (y & z) == All((x, y, z))
    assert (x | y) | z == Any((x, y, z))
    assert ~~x == x
    assert isinstance(~x, Not)


def test_a_predicate_names_the_request_fields_it_reads() -> None:
    rule = c.WARRANT_COVERS_OFFENSE & c.performed_by(AgencyKind.STATE_POLICE)
    assert rule.reads() == {
        "warrant",
        "warrant.offense_codes",
        "offense",
        "offense.code",
        "performing_agency.kind",
    }


def test_a_leaf_with_invalid_python_or_an_unknown_name_is_refused_when_declared() -> None:
    with pytest.raises(ValueError, match="not valid Python"):
        leaf("broken", "broken", "r.warrant is")
    with pytest.raises(ValueError, match="unknown names undefined_helper"):
        leaf("unknown", "unknown", "undefined_helper(r)")


def test_leaves_written_alike_each_see_their_own_names_and_are_checked_each_time() -> None:
    held = leaf("flagged", "no warrant, or flagged", "r.warrant is None or flag", flag=True)
    failed = leaf("flagged", "no warrant, or flagged", "r.warrant is None or flag", flag=False)
    with_warrant = frpolicy.from_json(examples.read("request.json"), SearchRequest)
    at = datetime(2030, 1, 1, tzinfo=UTC)
    assert with_warrant.warrant is not None
    assert held.reads() == failed.reads() == {"warrant"}
    assert held.evaluate(with_warrant, at).value is True
    assert failed.evaluate(with_warrant, at).value is False
    with pytest.raises(ValueError, match="unknown names flag"):
        leaf("flagged", "no warrant, or flagged", "r.warrant is None or flag")


def test_a_parameterised_leaf_needs_exactly_its_parameters() -> None:
    family = leaf_family("kind_is", "kind {kind}", "r.performing_agency.kind is kind", ["kind"])
    assert family(kind=AgencyKind.FEDERAL) == family(AgencyKind.FEDERAL)
    with pytest.raises(TypeError, match="needs parameters kind"):
        family()
    with pytest.raises(TypeError, match="takes 1 parameters"):
        family(AgencyKind.FEDERAL, AgencyKind.STATE_POLICE)


def test_a_description_placeholder_gives_the_value_in_prose_and_reaches_the_value() -> None:
    family = leaf_family(
        "kinds_are",
        "{kind}; {kind.label}; {kind.value}; {kind!r}; {kinds}",
        "r.performing_agency.kind is kind and r.requesting_agency.kind in kinds",
        ["kind", "kinds"],
    )
    described = family(AgencyKind.FBI, frozenset({AgencyKind.FBI, AgencyKind.FEDERAL}))
    assert described.describe().split("; ") == [
        "the FBI",
        "the FBI",
        "fbi",
        "<AgencyKind.FBI: 'fbi'>",
        "a federal agency other than the FBI or the FBI",
    ]


def test_a_placeholder_naming_no_attribute_of_the_value_is_an_error_when_called() -> None:
    family = leaf_family("kind_is", "{kind.nothing}", "r.performing_agency.kind is kind", ["kind"])
    with pytest.raises(AttributeError, match="nothing"):
        family(AgencyKind.FBI)


@given(requests)
def test_a_naive_evaluation_time_is_refused(request: SearchRequest) -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        c.TECHNOLOGY_APPROVED(request, datetime(2024, 1, 1))  # noqa: DTZ001 - the point


@given(predicates, requests)
def test_the_reason_tree_gives_the_value_of_the_compiled_predicate(
    p: Predicate, r: SearchRequest
) -> None:
    assert p.explain(r).value is p(r)


@given(predicates, requests)
def test_a_verdict_is_explained_by_conditions_whose_values_it_reports(
    p: Predicate, r: SearchRequest
) -> None:
    verdict = p.explain(r)
    for condition in verdict.because():
        (found,) = {q for q in subpredicates(p) if repr(q) == condition.name}
        assert found(r) is condition.held


@given(predicates, predicates, requests)
def test_de_morgan(p: Predicate, q: Predicate, r: SearchRequest) -> None:
    assert (~(p & q))(r) is (~p | ~q)(r)
    assert (~(p | q))(r) is (~p & ~q)(r)


@given(predicates, predicates, requests)
def test_and_and_or_commute_and_absorb(p: Predicate, q: Predicate, r: SearchRequest) -> None:
    assert (p & q)(r) is (q & p)(r)
    assert (p | q)(r) is (q | p)(r)
    assert (p & (p | q))(r) is p(r)
    assert (p | (p & q))(r) is p(r)


@given(predicates, requests)
def test_idempotence_and_double_negation(p: Predicate, r: SearchRequest) -> None:
    assert (p & p)(r) is p(r)
    assert (p | p)(r) is p(r)
    assert Not(Not(p))(r) is p(r)


@given(trees([*POOL, RAISES]), requests)
def test_an_error_is_seen_alike_by_the_compiled_and_explained_paths(
    p: Predicate, r: SearchRequest
) -> None:
    verdict = p.explain(r)
    try:
        value: bool | None = p(r)
    except ZeroDivisionError:
        value = None
    assert verdict.value is value
    if value is None:
        assert any("ZeroDivisionError" in e for e in verdict.errors())


@given(requests)
def test_an_error_after_a_decisive_operand_is_never_reached_so_is_not_an_error(
    request: SearchRequest,
) -> None:
    never = leaf("never", "never", "False")
    verdict = (never & RAISES).explain(request)
    assert verdict.value is False
    assert verdict.errors() == ()
    assert verdict.children[1].error is not None  # the tree still shows what the leaf raised
    assert (never & RAISES)(request) is False
    assert (never & RAISES).explain(request).because() == verdict.because()
    with pytest.raises(ZeroDivisionError):
        (RAISES & never)(request)
    assert (RAISES & never).explain(request).errors()


@given(trees([*POOL, RAISES]), requests)
def test_a_verdict_has_errors_exactly_when_it_has_no_value(p: Predicate, r: SearchRequest) -> None:
    verdict = p.explain(r)
    assert (verdict.value is None) == bool(verdict.errors())
    assert len(verdict.errors()) <= 1


@given(requests.filter(lambda r: r.warrant is not None))
def test_a_leaf_is_evaluated_at_the_time_given(request: SearchRequest) -> None:
    before = datetime(1999, 1, 1, tzinfo=UTC)
    assert c.WARRANT_IN_FORCE(request, before) is False
    assert isinstance(c.WARRANT_IN_FORCE, Leaf)
