"""The combining algorithm, decisions and their memos, deadlines and obligations."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    Calendar,
    Citation,
    Confidence,
    Deadline,
    Decision,
    Duty,
    Effect,
    Event,
    EventKind,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    ObligationStatus,
    Outcome,
    Policy,
    Rule,
    SearchRequest,
    Source,
    Unit,
    Verification,
    from_json,
    to_json,
)
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.policy import Variant, _lazily
from frpolicy.predicates import Predicate, Verdict, leaf
from frpolicy.strategies import search_requests

MA = frpolicy.jurisdiction("US-MA")
NEW_YORK = ZoneInfo("America/New_York")
CALENDAR = Calendar(timezone="America/New_York", country="US", subdivision="MA")
SOURCE = Source(verification=Verification.TEXT, confidence=Confidence.HIGH, reference="test")
ACT = Instrument(
    id="Example Act",
    title="An example act, for tests",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2020, 1, 1),
)
RAISES = leaf("raises", "a condition that cannot be evaluated", "1 // 0 == 0")
ALWAYS = leaf("always", "always", "True")


def rule(rule_id: str, effect: Effect, when: Predicate) -> Rule:
    return Rule(
        id=rule_id,
        effect=effect,
        when=when,
        citation=Citation(instrument=ACT.id, section="s. 1", subsection=f"({rule_id})"),
        paraphrase=f"Rule {rule_id}.",
        source=SOURCE,
    )


FILING = Duty(
    id="filing",
    when=c.EMERGENCY_DECLARED,
    citation=Citation(instrument=ACT.id, section="s. 2"),
    paraphrase="File within 48 hours.",
    source=SOURCE,
    action="file a statement",
    party="police",
    deadline=Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=48),
    fulfilled_by=EventKind.SWORN_STATEMENT_FILED,
)
EXAMPLE = Policy(
    jurisdiction="XX-TEST",
    instrument=ACT,
    calendar=CALENDAR,
    scope=~c.requested_by(AgencyKind.OTHER_PUBLIC_AGENCY),
    rules=(
        rule(
            "warrant", Effect.PERMIT, c.performed_by(AgencyKind.STATE_POLICE) & c.WARRANT_IN_FORCE
        ),
        rule("emergency", Effect.PERMIT, c.EMERGENCY_DECLARED),
        rule("video", Effect.FORBID, c.MOVING_IMAGES),
    ),
    duties=(FILING,),
)
POLICIES = [EXAMPLE, *(v.policy for v in MA.versions)]
requests = search_requests(jurisdiction=MA)
policies = st.sampled_from(POLICIES)


def with_rules(policy: Policy, rules: tuple[Rule, ...]) -> Policy:
    return attrs.evolve(policy, rules=rules)


# -- the example policy ----------------------------------------------------------------------


@given(requests.filter(lambda r: EXAMPLE.decide(r) is Outcome.PERMITTED))
def test_a_permitted_decision_names_its_rules_their_citations_and_obligations(
    r: SearchRequest,
) -> None:
    decision = EXAMPLE.evaluate(r)
    assert decision.permitted
    assert decision.determining
    memo = decision.explain()
    assert memo.startswith(f"PERMITTED: request {r.id} under Example Act (XX-TEST)")
    for reason in decision.determining:
        assert reason.applies is True
        assert str(reason.citation) in memo
    if c.EMERGENCY_DECLARED(r) and r.performed_at is not None:
        (filing,) = decision.obligations
        assert filing.due == r.performed_at + timedelta(hours=48)
        assert "file a statement" in memo


@given(policies, requests)
def test_a_decision_survives_json_and_re_evaluation_reproduces_it(
    policy: Policy, r: SearchRequest
) -> None:
    decision = policy.evaluate(r)
    assert from_json(to_json(decision), Decision) == decision
    assert policy.evaluate(from_json(to_json(r), SearchRequest)) == decision


# -- the combining algorithm ------------------------------------------------------------------


@given(policies, requests)
def test_the_fast_path_and_the_explained_path_agree(policy: Policy, r: SearchRequest) -> None:
    assert policy.decide(r) is policy.evaluate(r).outcome


@given(policies, requests)
def test_each_reason_reports_what_its_rule_gives_on_its_own(
    policy: Policy, r: SearchRequest
) -> None:
    decision = policy.evaluate(r)
    for reason, rule_ in zip(decision.reasons, policy.rules, strict=False):
        assert reason.rule == rule_.id
        assert reason.applies is rule_.when(r)
        assert reason.conditions == rule_.when.explain(r).because()


@given(policies, requests, st.randoms(use_true_random=False))
def test_the_order_of_the_rules_never_changes_the_outcome(
    policy: Policy, r: SearchRequest, random: Random
) -> None:
    shuffled = list(policy.rules)
    random.shuffle(shuffled)
    reordered = with_rules(policy, tuple(shuffled))
    assert reordered.evaluate(r).outcome is policy.evaluate(r).outcome
    assert reordered.decide(r) is policy.decide(r)


@given(policies, requests, st.integers(min_value=1, max_value=5))
def test_a_forbidding_rule_beats_any_number_of_permissions(
    policy: Policy, r: SearchRequest, permits: int
) -> None:
    extra = tuple(rule(f"permit-{i}", Effect.PERMIT, ALWAYS) for i in range(permits))
    forbid = rule("forbid", Effect.FORBID, ALWAYS)
    changed = with_rules(policy, (*extra, *policy.rules, forbid))
    expected = Outcome.NOT_APPLICABLE if not policy.scope(r) else Outcome.FORBIDDEN
    assert changed.decide(r) is expected
    assert changed.evaluate(r).outcome is expected


@given(policies, requests, st.sampled_from(Effect), st.booleans())
def test_an_error_in_any_rule_never_permits(
    policy: Policy,
    r: SearchRequest,
    effect: Effect,
    first: bool,  # noqa: FBT001 - drawn by Hypothesis
) -> None:
    broken = rule("broken", effect, RAISES)
    rules = (broken, *policy.rules) if first else (*policy.rules, broken)
    changed = with_rules(policy, rules)
    decision = changed.evaluate(r)
    assert decision.outcome is not Outcome.PERMITTED
    assert changed.decide(r) is decision.outcome
    if decision.outcome is Outcome.NOT_PERMITTED:
        assert any("ZeroDivisionError" in e for e in decision.errors)
        assert "could not be evaluated" in decision.explain()


@given(policies, requests)
def test_an_error_in_the_scope_never_permits(policy: Policy, r: SearchRequest) -> None:
    changed = attrs.evolve(policy, scope=RAISES)
    assert changed.decide(r) is Outcome.NOT_PERMITTED
    assert changed.evaluate(r).errors


@given(requests)
def test_a_duty_that_cannot_be_evaluated_is_attached_rather_than_missed(r: SearchRequest) -> None:
    broken = attrs.evolve(FILING, id="broken-duty", when=RAISES)
    changed = attrs.evolve(EXAMPLE, duties=(broken,))
    decision = changed.evaluate(r)
    assert decision.outcome is changed.decide(r)
    if decision.permitted:
        assert [o.duty for o in decision.obligations] == ["broken-duty"]
        assert decision.errors


def test_rules_and_duties_need_distinct_ids() -> None:
    with pytest.raises(ValueError, match="repeated: video"):
        with_rules(EXAMPLE, (*EXAMPLE.rules, rule("video", Effect.PERMIT, ALWAYS)))


# a variant of EXAMPLE under a reading it does not have
_UNREAD = Variant(
    reading="unread", choice="other", scope=EXAMPLE.scope, rules=EXAMPLE.rules, duties=()
)


def test_a_policy_takes_its_variants_as_a_tuple_and_refuses_a_function() -> None:
    with pytest.raises(TypeError, match="expected a tuple of Variant, got function"):
        # what the type refuses, as an untyped caller could still pass it
        attrs.evolve(EXAMPLE, variants=lambda: ())  # type: ignore[arg-type]


def test_a_policy_refuses_variants_of_a_reading_it_does_not_have() -> None:
    with pytest.raises(ValueError, match="readings the policy does not have: unread"):
        attrs.evolve(EXAMPLE, variants=(_UNREAD,))


def test_variants_made_on_first_use_are_checked_once_made_and_a_copy_defers_them_too() -> None:
    made: list[None] = []

    def make() -> tuple[Variant, ...]:
        made.append(None)
        return (_UNREAD,)

    lazy = _lazily(EXAMPLE, make)
    copied = with_rules(lazy, EXAMPLE.rules[1:])
    assert made == []
    with pytest.raises(ValueError, match="readings the policy does not have: unread"):
        lazy.variants  # noqa: B018 - asking is what makes them
    with pytest.raises(ValueError, match="readings the policy does not have: unread"):
        copied.variants  # noqa: B018 - asking is what makes them
    assert len(made) == 2


@given(policies, requests)
def test_there_is_no_hidden_clock_the_same_request_gives_the_same_decision(
    policy: Policy, r: SearchRequest
) -> None:
    assert policy.evaluate(r) == policy.evaluate(r)
    moment = datetime(2024, 6, 1, tzinfo=UTC)
    assert policy.evaluate(r, moment).at == moment


@given(requests)
def test_batch_evaluation_gives_what_one_by_one_evaluation_gives(r: SearchRequest) -> None:
    batch = [r, attrs.evolve(r, id="other")]
    assert EXAMPLE.evaluate_many(batch) == [EXAMPLE.evaluate(x) for x in batch]
    assert EXAMPLE.decide_many(batch) == [EXAMPLE.decide(x) for x in batch]


# -- deadlines --------------------------------------------------------------------------------


def _day(due: datetime | None) -> date | None:
    return None if due is None else due.date()


def test_48_hours_are_elapsed_hours_across_the_change_to_daylight_saving_time() -> None:
    search = datetime(2024, 3, 9, 12, 0, tzinfo=NEW_YORK)  # EST; clocks go forward on the 10th
    due = Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=48).due(search, CALENDAR)
    assert due == datetime(2024, 3, 11, 13, 0, tzinfo=NEW_YORK)
    assert due is not None
    assert due.astimezone(UTC) - search.astimezone(UTC) == timedelta(hours=48)


def test_business_days_skip_the_weekend_and_massachusetts_holidays() -> None:
    friday = datetime(2024, 4, 5, 16, 0, tzinfo=NEW_YORK)
    one = Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=1, unit=Unit.BUSINESS_DAYS)
    assert _day(one.due(friday, CALENDAR)) == date(2024, 4, 8)
    before_patriots_day = datetime(2024, 4, 12, 16, 0, tzinfo=NEW_YORK)
    assert _day(one.due(before_patriots_day, CALENDAR)) == date(2024, 4, 16)
    elsewhere = Calendar(timezone="America/New_York", country="US")
    assert _day(one.due(before_patriots_day, elsewhere)) == date(2024, 4, 15)


def test_a_quarter_end_anchor_falls_on_the_last_day_of_the_quarter_in_local_time() -> None:
    late_evening = datetime(2024, 4, 1, 2, 0, tzinfo=UTC)  # still March 31 in Massachusetts
    same = Deadline(anchor=EventKind.SEARCH_PERFORMED, unit=Unit.QUARTERS)
    assert _day(same.due(late_evening, CALENDAR)) == date(2024, 3, 31)
    next_ = Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=1, unit=Unit.QUARTERS)
    assert _day(next_.due(datetime(2024, 11, 5, tzinfo=UTC), CALENDAR)) == date(2025, 3, 31)


def test_an_annual_report_due_february_1_takes_every_search_of_the_year_before() -> None:
    february_1 = Deadline(
        anchor=EventKind.SEARCH_PERFORMED, amount=32, unit=Unit.DAYS_INTO_NEXT_YEAR
    )
    first, last = (
        datetime(2024, 1, 2, 9, tzinfo=NEW_YORK),
        datetime(2024, 12, 31, 23, tzinfo=NEW_YORK),
    )
    for search in (first, last):
        due = february_1.due(search, CALENDAR)
        assert due == datetime(2025, 2, 1, 23, 59, 59, 999999, tzinfo=NEW_YORK)
    new_years_eve = datetime(2025, 1, 1, 3, 0, tzinfo=UTC)  # still 2024 in the law's time zone
    assert _day(february_1.due(new_years_eve, CALENDAR)) == date(2025, 2, 1)
    assert february_1.due(datetime(9999, 12, 1, tzinfo=UTC), CALENDAR) is None


def test_calendar_days_run_to_the_end_of_the_last_day() -> None:
    search = datetime(2024, 1, 30, 9, 0, tzinfo=NEW_YORK)
    due = Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=3, unit=Unit.CALENDAR_DAYS)
    assert due.due(search, CALENDAR) == datetime(2024, 2, 2, 23, 59, 59, 999999, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    ("deadline", "prose"),
    [
        (
            Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=48),
            "within 48 hours after the search",
        ),
        (Deadline(anchor=EventKind.PRETRIAL_CONFERENCE), "by the pretrial conference"),
        (
            Deadline(anchor=EventKind.ARRAIGNMENT, amount=2, unit=Unit.BUSINESS_DAYS),
            "within 2 business days after the arraignment",
        ),
        (
            Deadline(anchor=EventKind.SEARCH_PERFORMED, unit=Unit.QUARTERS),
            "by the end of the calendar quarter of the search",
        ),
        (
            Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=32, unit=Unit.DAYS_INTO_NEXT_YEAR),
            "by February 1 of the year after that of the search",
        ),
        (
            Deadline(anchor=EventKind.SEARCH_PERFORMED, unit=Unit.DAYS_INTO_NEXT_YEAR),
            "by the end of the calendar year of the search",
        ),
        (
            Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=90, unit=Unit.DAYS_INTO_NEXT_YEAR),
            "by the end of day 90 of the year after that of the search",
        ),
        (
            Deadline(anchor=EventKind.FIRST_APPEARANCE, amount=30, unit=Unit.CALENDAR_DAYS),
            "within 30 days after the first appearance in the case",
        ),
    ],
)
def test_a_deadline_reads_as_prose(deadline: Deadline, prose: str) -> None:
    assert deadline.describe() == prose


# -- obligations ------------------------------------------------------------------------------


def _obligation(performed: datetime) -> frpolicy.Obligation:
    return attrs.evolve(
        frpolicy.Obligation(
            duty=FILING.id,
            citation=FILING.citation,
            source=SOURCE,
            action=FILING.action,
            party=FILING.party,
            deadline=FILING.deadline,
            calendar=CALENDAR,
            fulfilled_by=FILING.fulfilled_by,
        ),
        due=performed + timedelta(hours=48),
    )


def test_an_obligation_is_met_pending_or_violated_by_what_happened_and_when() -> None:
    performed = datetime(2024, 5, 1, 12, tzinfo=UTC)
    obligation = _obligation(performed)
    filed = Event(kind=EventKind.SWORN_STATEMENT_FILED, at=performed + timedelta(hours=30))
    late = Event(kind=EventKind.SWORN_STATEMENT_FILED, at=performed + timedelta(hours=50))
    soon, later = performed + timedelta(hours=1), performed + timedelta(days=9)
    assert obligation.check([filed], later).status is ObligationStatus.MET
    assert obligation.check([late], later).status is ObligationStatus.VIOLATED
    assert obligation.check([], soon).status is ObligationStatus.PENDING
    violated = obligation.check([], later)
    assert violated.status is ObligationStatus.VIOLATED
    assert "not done" in violated.describe()


def test_an_anchor_in_the_events_overrides_the_due_time_known_at_decision() -> None:
    performed = datetime(2024, 5, 1, 12, tzinfo=UTC)
    obligation = _obligation(performed)
    actual = Event(kind=EventKind.SEARCH_PERFORMED, at=performed + timedelta(days=2))
    filed = Event(kind=EventKind.SWORN_STATEMENT_FILED, at=performed + timedelta(hours=90))
    check = obligation.check([actual, filed], performed + timedelta(days=9))
    assert check.status is ObligationStatus.MET
    assert check.due == performed + timedelta(days=2, hours=48)


def test_an_event_before_the_obligation_arose_is_not_its_fulfilment_and_is_named() -> None:
    performed = datetime(2024, 5, 1, 12, tzinfo=UTC)
    obligation = _obligation(performed)
    search = Event(kind=EventKind.SEARCH_PERFORMED, at=performed)
    years_before = Event(kind=EventKind.SWORN_STATEMENT_FILED, at=datetime(2019, 1, 2, tzinfo=UTC))
    check = obligation.check([search, years_before], performed + timedelta(days=9))
    assert check.status is ObligationStatus.VIOLATED
    assert check.fulfilled_at is None
    assert check.early == years_before.at
    assert check.describe().endswith(
        "; what was dated 2019-01-02 00:00 +00:00 came before the duty arose and is not its "
        "fulfilment"
    )
    filed = Event(kind=EventKind.SWORN_STATEMENT_FILED, at=performed + timedelta(hours=30))
    met = obligation.check([search, years_before, filed], performed + timedelta(days=9))
    assert met.status is ObligationStatus.MET
    assert met.fulfilled_at == filed.at


# -- the ends of the calendar (issue 13) --------------------------------------------------------

LAST_DAYS = datetime(9999, 12, 29, 12, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    "deadline",
    [
        Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=72),
        Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=10**6),
        Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=5, unit=Unit.CALENDAR_DAYS),
        Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=5, unit=Unit.BUSINESS_DAYS),
        Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=1, unit=Unit.QUARTERS),
    ],
)
def test_a_due_time_past_the_year_9999_is_none_and_the_obligation_stays_pending(
    deadline: Deadline,
) -> None:
    assert deadline.due(LAST_DAYS, CALENDAR) is None
    duty = attrs.evolve(MA.version("H.1728").policy.duties[0], deadline=deadline)
    obligation = frpolicy.Obligation(
        duty=duty.id,
        citation=duty.citation,
        source=duty.source,
        action=duty.action,
        party=duty.party,
        deadline=deadline,
        calendar=CALENDAR,
        fulfilled_by=duty.fulfilled_by,
    )
    search = Event(kind=EventKind.SEARCH_PERFORMED, at=LAST_DAYS)
    check = obligation.check([search], LAST_DAYS + timedelta(hours=30))
    assert check.status is ObligationStatus.PENDING
    assert check.due is None
    assert "pending (due " in check.describe()


def test_a_due_time_on_the_last_day_of_the_calendar_is_its_last_moment() -> None:
    quarter = Deadline(anchor=EventKind.SEARCH_PERFORMED, unit=Unit.QUARTERS)
    due = quarter.due(LAST_DAYS, CALENDAR)
    assert due == datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=NEW_YORK)
    hours = Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=24)
    assert hours.due(LAST_DAYS, CALENDAR) == LAST_DAYS + timedelta(hours=24)


def test_an_anchor_with_no_local_time_in_the_jurisdiction_is_refused_by_the_deadline() -> None:
    first_hour = datetime(1, 1, 1, 1, tzinfo=UTC)  # still the year 0 in Massachusetts
    with pytest.raises(ValueError, match=r"anchor_at: .* has no local time in America/New_York"):
        Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=48).due(first_hour, CALENDAR)


def test_a_search_in_the_last_days_of_the_calendar_is_decided_and_evaluated_alike() -> None:
    record = from_json(
        (frpolicy_examples() / "ma_search_log.jsonl").read_text(encoding="utf-8").splitlines()[0],
        frpolicy.SearchRecord,
    )
    request = record.request
    shift = LAST_DAYS - request.submitted_at
    court_order = request.court_order
    assert court_order is not None
    request = attrs.evolve(
        request,
        submitted_at=request.submitted_at + shift,
        performed_at=LAST_DAYS + timedelta(hours=1),
        court_order=attrs.evolve(court_order, issued_at=LAST_DAYS, expires_at=None),
    )
    for version in MA.versions:
        decision = version.evaluate(request)
        assert version.decide(request) is decision.outcome
    law = MA.version("St. 2020, c.253")
    decision = law.evaluate(request)
    assert decision.outcome is Outcome.PERMITTED
    assert any(o.due is None for o in decision.obligations)  # the quarterly report, in 10000


def frpolicy_examples() -> Path:
    return Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"


# -- the compiled explanation and its cache ----------------------------------------------------

NEVER = leaf("never", "never", "False")


def _leaf_values(policy: Policy) -> st.SearchStrategy[tuple[bool, ...]]:
    size = len(policy._compiled().leaves)  # noqa: SLF001 - the engine under test
    return st.lists(st.booleans(), min_size=size, max_size=size).map(tuple)


@given(st.data())
def test_the_compiled_explanation_equals_the_explanation_from_verdict_trees(
    data: st.DataObject,
) -> None:
    policy = data.draw(policies)
    engine = policy._compiled()  # noqa: SLF001 - the engine under test
    values = data.draw(_leaf_values(policy))
    index = dict(zip(engine.leaves, values, strict=True))
    reference = policy._skeleton(lambda lf: Verdict(lf, index[lf]))  # noqa: SLF001
    assert engine.explain(values) == reference


@given(policies, requests)
def test_an_error_the_evaluation_order_never_reaches_is_not_an_error(
    policy: Policy, r: SearchRequest
) -> None:
    guarded = rule("guarded", Effect.PERMIT, NEVER & RAISES)
    changed = with_rules(policy, (guarded, *policy.rules))
    decision = changed.evaluate(r)
    assert decision.outcome is policy.evaluate(r).outcome
    assert decision.outcome is changed.decide(r)
    assert decision.errors == policy.evaluate(r).errors
    assert all(reason.error is None for reason in decision.reasons[:1])


@pytest.mark.parametrize("version", ["H.1728", "H.4359"])
def test_an_emergency_search_whose_offense_has_no_penalty_is_decided_alike_on_both_paths(
    version: str,
) -> None:
    law = MA.version(version)
    at = datetime(2024, 6, 1, 12, tzinfo=UTC)
    offense = law.offenses[0]
    object.__setattr__(offense := attrs.evolve(offense), "penalty", None)  # as if unchecked
    police = frpolicy.Agency(id="MSP", name="State Police", kind=AgencyKind.STATE_POLICE)
    request = SearchRequest(
        id="R-1",
        requesting_agency=police,
        performing_agency=police,
        purpose=frpolicy.Purpose.EMERGENCY,
        probe=frpolicy.ProbeImage(
            kind=frpolicy.MediaKind.STILL_IMAGE, source=frpolicy.ImageSource.WITNESS
        ),
        technology=frpolicy.Technology(name="system", approved=True),
        submitted_at=at,
        offense=offense,
        emergency=frpolicy.Emergency(
            harm=frpolicy.Harm.DEATH, immediate=True, declared_by="Lt. A", declared_at=at
        ),
        performed_at=at,
    )
    decision = law.evaluate(request)
    assert decision.outcome is Outcome.PERMITTED
    assert law.decide(request) is Outcome.PERMITTED
    assert decision.errors == ()


def _fill(policy: Policy, entries: int, seed: int = 0) -> None:
    """Explain ``entries`` random combinations of leaf values and cache them."""
    engine = policy._compiled()  # noqa: SLF001 - the engine under test
    random = Random(seed)  # noqa: S311 - seeded for repeatable tests, not for secrecy
    for _ in range(entries):
        values = tuple(random.random() < 0.5 for _ in engine.leaves)
        engine.cache._add(values, engine.explain(values))  # noqa: SLF001


def _grown(rules: int) -> Policy:
    """H.1728 with ``rules`` more permissions, each with a leaf of its own."""
    bill = MA.version("H.1728").policy
    extra = tuple(
        rule(f"extra-{i}", Effect.PERMIT, c.TECHNOLOGY_APPROVED & leaf(f"x{i}", f"x{i}", "True"))
        for i in range(rules)
    )
    return with_rules(bill, (*bill.rules, *extra))


def test_the_cache_never_holds_more_than_its_budget() -> None:
    policy = attrs.evolve(EXAMPLE)
    cache = policy.cache
    cache.budget = 5 * cache.entry_bytes + 1
    for seed in range(50):
        _fill(policy, 1, seed)
        assert len(cache) <= cache.capacity == 5
        assert cache.size <= cache.budget


def test_a_budget_of_zero_turns_the_cache_off_and_a_smaller_one_empties_it() -> None:
    policy = attrs.evolve(EXAMPLE)
    cache = policy.cache
    _fill(policy, 10)
    assert len(cache) > 1
    cache.budget = cache.entry_bytes
    assert len(cache) == 0
    cache.budget = 0
    _fill(policy, 10)
    assert len(cache) == 0
    with pytest.raises(ValueError, match="budget"):
        cache.budget = -1


@pytest.mark.parametrize("rules", [0, 30, 300])
def test_an_entry_of_the_cache_takes_no_more_than_the_bytes_it_is_counted_for(rules: int) -> None:
    policy = _grown(rules)
    entries = 20  # a few suffice: each is traced, which costs about 100 times the work
    policy.cache.budget = entries * policy.cache.entry_bytes
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        _fill(policy, entries)
        taken = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(policy.cache) > entries // 2
    assert taken <= policy.cache.size


@given(policies, requests)
def test_each_obligation_is_due_by_its_deadline_from_the_request_s_own_events(
    policy: Policy, r: SearchRequest
) -> None:
    own = {EventKind.SEARCH_PERFORMED: r.performed_at, EventKind.REQUEST_SUBMITTED: r.submitted_at}
    for obligation in policy.evaluate(r).obligations:
        deadline = obligation.deadline
        anchor = own.get(deadline.anchor) if deadline is not None else None
        expected = (
            None if deadline is None or anchor is None else deadline.due(anchor, policy.calendar)
        )
        assert obligation.due == expected
        assert obligation.calendar == policy.calendar


_MARYLAND = frpolicy.jurisdiction("US-MD")
# read once for every example: building a version under a reading compiles a new policy
_POLICE_ONLY = _MARYLAND.versions[-1].with_readings({"md-prosecutors": "police-only"})
_PROSECUTOR = Agency(
    id="BCSAO", name="Office of the State's Attorney for Baltimore City", kind=AgencyKind.PROSECUTOR
)


@given(search_requests(_MARYLAND, _MARYLAND.versions[-1]))
def test_a_search_outside_the_scope_under_one_reading_names_it_under_both(
    request: SearchRequest,
) -> None:
    # Maryland's md-prosecutors: read as adopted, a prosecutor's office that searches is
    # bound; read as binding the police only, the search is outside the law. Either
    # memo names the reading, the one out of scope included.
    adopted = _MARYLAND.versions[-1]
    request = attrs.evolve(request, requesting_agency=_PROSECUTOR, performing_agency=_PROSECUTOR)
    one, other = adopted.policy.evaluate(request), _POLICE_ONLY.policy.evaluate(request)
    assume(one.outcome is not Outcome.NOT_APPLICABLE)
    assert other.outcome is Outcome.NOT_APPLICABLE
    assert "md-prosecutors" in [r.id for r in one.readings]
    assert "md-prosecutors" in [r.id for r in other.readings]


# -- threads --------------------------------------------------------------------------------


def test_threads_sharing_a_policy_get_the_decisions_a_single_thread_gets() -> None:
    import sys  # noqa: PLC0415 - the switch interval is this test's alone
    import threading  # noqa: PLC0415 - as above

    law = MA.version("H.1728").policy
    requests = [
        frpolicy.from_json(line, frpolicy.SearchRecord).request
        for line in (frpolicy_examples() / "ma_search_log.jsonl").read_text("utf-8").splitlines()
    ]
    serial = [frpolicy.to_json(attrs.evolve(law).evaluate(r)) for r in requests]
    shared = attrs.evolve(law)  # a fresh copy: compiled and cached by the threads themselves
    start = threading.Barrier(16)
    found: dict[int, list[str]] = {}

    def judge(thread: int) -> None:
        # each thread its own order, so threads meet on different entries at once
        order = list(range(len(requests)))
        Random(thread).shuffle(order)  # noqa: S311 - an order for each thread, not a secret
        start.wait()
        if thread == 0:
            # a cache that fills and empties again many times while the others read it
            shared.cache.budget = 8 * shared.cache.entry_bytes
        decided = dict.fromkeys(order, "")
        for i in order:
            decided[i] = frpolicy.to_json(shared.evaluate(requests[i]))
        found[thread] = [decided[i] for i in range(len(requests))]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter allows
    try:
        threads = [threading.Thread(target=judge, args=(t,)) for t in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert sorted(found) == list(range(16))
    assert all(decisions == serial for decisions in found.values())
    assert len(shared.cache) <= shared.cache.capacity == 8
