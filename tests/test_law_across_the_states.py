"""The canonical scenarios, judged under every version of every law frpolicy ships.

The documentation's page "The law across the states" is this matrix; these tests hold the
cells whose answers the statutes make plain, and the promises of how the scenarios are
written (no home but where place is the point, no class but the penalty, each place's lists).
"""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

import frpolicy
from frpolicy import Outcome
from frpolicy.comparison import scenarios
from frpolicy.jurisdictions import ENTRY_POINT_GROUP, Jurisdiction, Version

SCENARIOS = {s.id: s for s in scenarios()}


def shipped() -> list[tuple[Jurisdiction, Version]]:
    """Every version of every jurisdiction frpolicy itself registers (no test plug-in)."""
    codes = {
        e.name
        for e in entry_points(group=ENTRY_POINT_GROUP)
        if e.dist is not None and e.dist.name == "frpolicy"
    }
    return [(j, v) for j in frpolicy.jurisdictions() if j.code in codes for v in j.versions]


def judged(scenario: str, code: str, version: str | None = None) -> frpolicy.Decision:
    place = frpolicy.jurisdiction(code)
    law = (
        place.version(version)
        if version
        else place.law_at(SCENARIOS[scenario].request.submitted_at)
    )
    return law.evaluate(SCENARIOS[scenario].request)


def rules(decision: frpolicy.Decision) -> set[str]:
    return {r.rule for r in decision.determining}


# -- the law the statutes make plain -------------------------------------------------------


def test_the_portland_maine_department_s_request_is_outside_every_law_but_maine_s() -> None:
    request = SCENARIOS["portland-maine-department"].request
    elsewhere = {
        f"{j.code} {v.instrument.id}": v.evaluate(request).outcome
        for j, v in shipped()
        if j.code != "US-ME"
    }
    assert elsewhere
    assert set(elsewhere.values()) == {Outcome.NOT_APPLICABLE}, elsewhere


def test_maine_lets_its_motor_vehicle_bureau_search_for_a_maine_department_on_probable_cause() -> (
    None
):
    maine = judged("portland-maine-department", "US-ME")
    assert maine.outcome is Outcome.PERMITTED
    assert rules(maine) == {"ME-PROBABLE-CAUSE"}


@pytest.mark.parametrize("bill", ["H.1728", "H.4359"])
def test_inferring_emotions_is_forbidden_under_the_massachusetts_bills_by_220_k(bill: str) -> None:
    decision = judged("emotion-inference", "US-MA", bill)
    assert decision.outcome is Outcome.FORBIDDEN
    assert {str(r.citation) for r in decision.determining} == {f"G.L. c.6 §220(k) ({bill})"}


@pytest.mark.parametrize("bill", ["H.1728", "H.4359"])
def test_live_video_is_forbidden_under_the_massachusetts_bills_even_with_a_warrant(
    bill: str,
) -> None:
    assert judged("live-video", "US-MA", bill).outcome is Outcome.FORBIDDEN
    assert judged("robbery-still", "US-MA", bill).outcome is Outcome.PERMITTED


@pytest.mark.parametrize("bill", ["H.1728", "H.4359"])
def test_the_massachusetts_bills_let_the_state_police_identify_a_deceased_person_without_a_warrant(
    bill: str,
) -> None:
    decision = judged("deceased-person", "US-MA", bill)
    assert decision.outcome is Outcome.PERMITTED
    assert {r.citation.subsection for r in decision.determining} == {"(d)"}


def test_a_shoplifting_suspect_may_not_be_searched_for_in_maryland_whose_list_omits_it() -> None:
    shoplifting = judged("misdemeanor", "US-MD")
    assert shoplifting.outcome is Outcome.FORBIDDEN
    assert {
        str(r.citation.section) + (r.citation.subsection or "") for r in shoplifting.determining
    } == {"Md. Code, Crim. Proc. §2-503(a)(1)(i)"}
    assert judged("robbery-still", "US-MD").outcome is Outcome.PERMITTED  # a crime of violence


def test_maryland_forbids_analysing_a_protester_without_reasonable_suspicion() -> None:
    decision = judged("protester", "US-MD")
    assert decision.outcome is Outcome.FORBIDDEN
    assert {r.citation.subsection for r in decision.determining} == {"(a)(1)(ii)1"}


def test_utah_permits_the_search_only_on_a_request_with_a_case_number_and_a_narrative() -> None:
    assert judged("robbery-still", "US-UT").outcome is Outcome.NOT_PERMITTED
    with_both = judged("case-number-and-narrative", "US-UT")
    assert with_both.outcome is Outcome.PERMITTED
    assert {r.citation.section for r in with_both.determining} == {"Utah Code §77-23e-103"}


def test_virginia_permits_the_search_of_a_suspect_only_on_a_system_nist_tested_at_98_percent() -> (
    None
):
    untested = judged("robbery-still", "US-VA", "2022 Va. Acts ch. 737")
    assert untested.outcome is Outcome.NOT_PERMITTED
    tested = judged("nist-tested-technology", "US-VA", "2022 Va. Acts ch. 737")
    assert tested.outcome is Outcome.PERMITTED
    assert {r.citation.subsection for r in tested.determining} == {"(A)(i)"}


def test_washington_forbids_identifying_a_person_from_a_sketch() -> None:
    assert judged("sketch", "US-WA").outcome is Outcome.FORBIDDEN
    assert judged("robbery-still", "US-WA").outcome is Outcome.PERMITTED


def test_washington_forbids_a_search_of_a_person_chosen_for_political_views() -> None:
    assert judged("political-views", "US-WA").outcome is Outcome.FORBIDDEN


# -- how the scenarios are written ---------------------------------------------------------


def test_every_scenario_is_judged_by_every_law_without_an_inconsistency() -> None:
    found = {
        (s.id, j.code, v.instrument.id): v.problems(s.request)
        for s in scenarios()
        for j, v in shipped()
    }
    assert {key: problems for key, problems in found.items() if problems} == {}


def test_a_scenario_states_the_agencies_homes_only_where_it_is_about_place() -> None:
    placed = {
        s.id
        for s in scenarios()
        if s.request.requesting_agency.home is not None
        or s.request.performing_agency.home is not None
    }
    assert placed == {
        "motor-vehicle-records-for-another-state",
        "federal-agency",
        "portland-maine-department",
    }


def test_a_scenario_s_offense_states_its_penalty_and_leaves_its_class_to_each_law() -> None:
    offenses = [s.request.offense for s in scenarios() if s.request.offense is not None]
    assert offenses
    assert {o.classification for o in offenses} == {None}
    massachusetts = frpolicy.jurisdiction("US-MA").versions[0]
    utah = frpolicy.jurisdiction("US-UT").versions[0]
    assert massachusetts.classify is not None
    assert utah.classify is not None
    robbery = SCENARIOS["robbery-still"].request.offense
    shoplifting = SCENARIOS["misdemeanor"].request.offense
    assert robbery is not None
    assert shoplifting is not None
    for law in (massachusetts.classify, utah.classify):
        assert law(robbery.penalty) is frpolicy.Classification.FELONY
        assert law(shoplifting.penalty) is frpolicy.Classification.MISDEMEANOR


def test_the_other_state_of_the_motor_vehicle_scenario_is_none_of_the_places_installed() -> None:
    asking = SCENARIOS["motor-vehicle-records-for-another-state"].request.requesting_agency
    assert asking.home == "US-NH"
    assert "US-NH" not in {j.code for j in frpolicy.jurisdictions()}


def test_each_scenario_differs_from_the_first_and_is_named_once() -> None:
    found = scenarios()
    assert len({s.id for s in found}) == len(found) >= 20
    first = found[0].request
    assert all(s.request != first for s in found[1:])
    assert all(s.title and s.text for s in found)
