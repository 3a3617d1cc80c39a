r"""Rules, duties and the decision they give: the combining algorithm of frpolicy.

A :class:`Policy` encodes one instrument (a statute or a bill): a scope, :class:`Rule`\\ s
that permit or forbid a search, and :class:`Duty` rules that oblige things: once a search
is permitted, and for some duties (a public record of every request) whatever the outcome.
Every request gets one of four outcomes, always by the same algorithm, whatever the order
of the rules:

1. the request is outside the instrument's scope: ``NOT_APPLICABLE``;
2. a forbidding rule applies: ``FORBIDDEN`` (a prohibition overrides any permission);
3. a rule could not be evaluated (it raised): ``NOT_PERMITTED``, with the error as a reason;
4. a permitting rule applies: ``PERMITTED``;
5. otherwise ``NOT_PERMITTED``: what nothing authorizes is not permitted.

An error never yields ``PERMITTED``. Evaluation reads time only from the request or from
an explicit ``at``, so the same inputs give the same :class:`Decision` on any day.

Two paths give the outcome. :meth:`Policy.decide` compiles the whole policy into one Python
function and returns the bare :class:`Outcome`; :meth:`Policy.evaluate` returns the
explained :class:`Decision`, with reasons, citations and :class:`Obligation`\\ s. Both read
the same predicates, and the project's property tests check that they agree.
"""

from __future__ import annotations

import enum
import functools
import itertools
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs

from frpolicy.law import Citation, Instrument, Reading, Source
from frpolicy.model import CourtKind, Disclosure, Event, EventKind, SearchRequest
from frpolicy.predicates import (
    Condition,
    Leaf,
    Predicate,
    Verdict,
    evaluation_time,
    namespace,
)

if TYPE_CHECKING:
    import holidays

__all__ = [
    "Calendar",
    "Deadline",
    "Decision",
    "Duty",
    "Effect",
    "Obligation",
    "ObligationCheck",
    "ObligationStatus",
    "Outcome",
    "Policy",
    "Reason",
    "Rule",
    "Unit",
    "Variant",
]


class Effect(enum.Enum):
    """What a rule does when it applies."""

    PERMIT = "permit"
    FORBID = "forbid"


class Outcome(enum.Enum):
    """The four outcomes of a decision."""

    PERMITTED = "permitted"
    """An authorizing rule applies and no prohibition does."""
    FORBIDDEN = "forbidden"
    """An explicit prohibition applies; it overrides any permission."""
    NOT_PERMITTED = "not_permitted"
    """Nothing authorizes the search (the default), or a rule could not be evaluated."""
    NOT_APPLICABLE = "not_applicable"
    """The request is outside the instrument's scope."""


_IN_SCOPE = frozenset({Outcome.PERMITTED, Outcome.NOT_PERMITTED, Outcome.FORBIDDEN})


@attrs.frozen(kw_only=True)
class Rule:
    """A provision that permits or forbids a search when its condition holds."""

    id: str
    effect: Effect
    when: Predicate
    citation: Citation
    paraphrase: str
    source: Source


# -- deadlines ------------------------------------------------------------------------------


class Unit(enum.Enum):
    """How a deadline counts time from its anchor."""

    HOURS = "hours"
    """Elapsed hours: 48 hours are 48 hours, across a change of daylight-saving time."""
    CALENDAR_DAYS = "calendar_days"
    """To the end of the n-th day after the anchor's day, in the jurisdiction's time."""
    BUSINESS_DAYS = "business_days"
    """As calendar days, skipping weekends and the jurisdiction's legal holidays."""
    QUARTERS = "quarters"
    """To the end of the calendar quarter n quarters after the anchor's (0: its own)."""


_ANCHOR_PROSE = {
    EventKind.REQUEST_SUBMITTED: "the request",
    EventKind.SEARCH_PERFORMED: "the search",
    EventKind.SEARCH_DOCUMENTED: "the documentation of the search",
    EventKind.SEARCH_REPORTED: "the report of the search",
    EventKind.SWORN_STATEMENT_FILED: "the filing of the sworn statement",
    EventKind.ARRAIGNMENT: "the arraignment",
    EventKind.PRETRIAL_CONFERENCE: "the pretrial conference",
    EventKind.TRIAL: "trial",
    EventKind.NOTICE_SERVED: "the notice",
    EventKind.RESULT_REVIEWED: "the review of the result",
    EventKind.RESULT_RELIED_ON: "reliance on the result for probable cause or an identification",
    EventKind.RESULT_CORROBORATED: "the corroboration of the result",
}


_zone = functools.cache(ZoneInfo)


@functools.cache
def _legal_holidays(country: str, subdivision: str | None) -> holidays.HolidayBase:
    import holidays  # noqa: PLC0415 - imported only when business days are counted

    return holidays.country_holidays(country, subdiv=subdivision)


@attrs.frozen(kw_only=True)
class Calendar:
    """A jurisdiction's clock: its time zone and its legal holidays.

    ``country`` and ``subdivision`` name the holiday calendar in the maintained
    :mod:`holidays` library (``"US"``, ``"MA"``).
    """

    timezone: str
    country: str
    subdivision: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The time zone."""
        return _zone(self.timezone)

    def is_business_day(self, day: date) -> bool:
        """A weekday that is not a legal holiday."""
        return day.weekday() < 5 and day not in _legal_holidays(self.country, self.subdivision)  # noqa: PLR2004 - Saturday is 5


@attrs.frozen(kw_only=True)
class Deadline:
    """When an obligation is due: an anchoring event plus an amount of time."""

    anchor: EventKind
    amount: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    unit: Unit = Unit.HOURS

    def due(self, anchor_at: datetime, calendar: Calendar) -> datetime | None:
        """The last moment the obligation can be met, in the jurisdiction's time zone.

        ``None`` when that moment falls past the end of the calendar (the year 9999): no
        time the model can hold ever reaches the deadline, so an obligation due then is
        pending until it is met, never late.

        Raises:
            ValueError: ``anchor_at`` has no local time in the jurisdiction's zone (it lies
                within a day of the calendar's ends, where the model accepts no moment).
        """
        zone = calendar.zone
        try:
            local = anchor_at.astimezone(zone)
        except OverflowError:
            msg = f"anchor_at: {anchor_at.isoformat()} has no local time in {calendar.timezone}"
            raise ValueError(msg) from None
        if self.unit is Unit.HOURS:
            offset = local.utcoffset()
            assert offset is not None  # noqa: S101 - a time zone's local time has an offset
            # elapsed hours: counted at the anchor's fixed offset, across a change of DST
            try:
                return (
                    local.replace(tzinfo=timezone(offset)) + timedelta(hours=self.amount)
                ).astimezone(zone)
            except OverflowError:
                return None
        if self.unit is Unit.CALENDAR_DAYS:
            day = _day_after(local.date(), self.amount)
        elif self.unit is Unit.BUSINESS_DAYS:
            day = _business_days_after(local.date(), self.amount, calendar)
        else:
            day = _quarter_end(local.date(), self.amount)
        return None if day is None else datetime.combine(day, time.max, tzinfo=zone)

    def describe(self) -> str:
        """The deadline as prose: ``within 48 hours after the search``."""
        anchor = _ANCHOR_PROSE[self.anchor]
        if self.unit is Unit.QUARTERS:
            if self.amount == 0:
                return f"by the end of the calendar quarter of {anchor}"
            return f"by the end of the calendar quarter {self.amount} after that of {anchor}"
        if self.amount == 0:
            return (
                f"by {anchor}" if self.unit is Unit.HOURS else f"by the end of the day of {anchor}"
            )
        unit = {
            Unit.HOURS: "hours",
            Unit.CALENDAR_DAYS: "days",
            Unit.BUSINESS_DAYS: "business days",
        }
        return f"within {self.amount} {unit[self.unit]} after {anchor}"


def _day_after(day: date, count: int) -> date | None:
    """The day ``count`` days after ``day``; ``None`` past the end of the calendar."""
    ordinal = day.toordinal() + count
    return date.fromordinal(ordinal) if ordinal <= date.max.toordinal() else None


def _business_days_after(day: date, count: int, calendar: Calendar) -> date | None:
    """The ``count``-th business day after ``day`` (itself, if a business day, for 0)."""
    found: date | None = day
    while found is not None and not calendar.is_business_day(found):
        found = _day_after(found, 1)
    for _ in range(count):
        found = None if found is None else _day_after(found, 1)
        while found is not None and not calendar.is_business_day(found):
            found = _day_after(found, 1)
    return found


def _quarter_end(day: date, count: int) -> date | None:
    """The last day of the calendar quarter ``count`` quarters after the one of ``day``."""
    quarter = day.year * 4 + (day.month - 1) // 3 + count  # quarters counted from the year 0
    year, last_month = quarter // 4, 3 * (quarter % 4) + 3
    if year > date.max.year:
        return None
    if last_month == 12:  # noqa: PLR2004 - December
        return date(year, 12, 31)
    return date(year, last_month + 1, 1) - timedelta(days=1)


@attrs.frozen(kw_only=True)
class Duty:
    """A provision that obliges something when a request's outcome is one of ``outcomes``.

    It attaches when ``when`` holds and the outcome is one of ``outcomes``: by default
    only a permitted search obliges; a duty owed for every request the law governs (a
    public record, a report) attaches to refused ones too. The obligation arises with the
    event ``arises_on`` (the search, by default; the request itself for a record of every
    request): until it happens, nothing is owed.

    ``fulfilled_by`` is the kind of event that meets it. An event counts only if it also
    discloses ``disclosures`` (a notice), went to ``court`` and, when ``supervisory`` is
    set, was made by a supervisory official (a sworn statement). A ``deadline`` of
    ``None`` records that the law states none: the obligation is then met or pending,
    never late.

    Raises:
        ValueError: ``outcomes`` names ``NOT_APPLICABLE`` (nothing outside the law's
            scope obliges), or is empty.
    """

    id: str
    when: Predicate
    citation: Citation
    paraphrase: str
    source: Source
    action: str
    party: str
    deadline: Deadline | None
    fulfilled_by: EventKind
    disclosures: frozenset[Disclosure] = frozenset()
    court: CourtKind | None = None
    supervisory: bool = False
    outcomes: frozenset[Outcome] = frozenset({Outcome.PERMITTED})
    arises_on: EventKind = EventKind.SEARCH_PERFORMED

    def __attrs_post_init__(self) -> None:
        if not self.outcomes or not self.outcomes <= _IN_SCOPE:
            msg = f"outcomes: duty {self.id!r} must attach to outcomes within the law's scope"
            raise ValueError(msg)


EVERY_REQUEST = _IN_SCOPE
"""The outcomes of every request within a law's scope: for a duty owed whatever the outcome."""


class ObligationStatus(enum.Enum):
    """Where an obligation stands at a given time."""

    MET = "met"
    PENDING = "pending"
    VIOLATED = "violated"


@attrs.frozen(kw_only=True)
class Obligation:
    """What a request obliges, and by when.

    ``due`` is known at decision time when the anchoring event is (the search itself);
    otherwise it is ``None`` until the event is known (a pretrial conference). Nothing is
    owed before the event ``arises_on`` (the search, or the request itself).
    """

    duty: str
    citation: Citation
    source: Source
    action: str
    party: str
    deadline: Deadline | None
    calendar: Calendar
    fulfilled_by: EventKind
    disclosures: frozenset[Disclosure] = frozenset()
    court: CourtKind | None = None
    supervisory: bool = False
    due: datetime | None = None
    arises_on: EventKind = EventKind.SEARCH_PERFORMED

    def fulfils(self, event: Event) -> bool:
        """Whether an event meets this obligation, whenever it came."""
        return (
            event.kind is self.fulfilled_by
            and self.disclosures <= event.disclosures
            and (self.court is None or event.court is self.court)
            and (event.supervisory or not self.supervisory)
        )

    def check(self, events: Iterable[Event], at: datetime) -> ObligationCheck:
        """Whether the events met this obligation, as it stands at time ``at``.

        The anchor is taken from the events when they hold it, else the decision's ``due``
        is used. Met: a fulfilling event came at or before the due time. Violated: it came
        late, or none came and the due time has passed. Otherwise pending.
        """
        events = tuple(events)
        due = self.due
        if self.deadline is not None:
            anchor = min((e.at for e in events if e.kind is self.deadline.anchor), default=None)
            if anchor is not None:
                due = self.deadline.due(anchor, self.calendar)
        done = min((e.at for e in events if self.fulfils(e)), default=None)
        if done is not None and (due is None or done <= due):
            status = ObligationStatus.MET
        elif done is not None or (due is not None and at > due):
            status = ObligationStatus.VIOLATED
        else:
            status = ObligationStatus.PENDING
        return ObligationCheck(obligation=self, status=status, due=due, fulfilled_at=done, at=at)


@attrs.frozen(kw_only=True)
class ObligationCheck:
    """The result of checking an obligation against what happened."""

    obligation: Obligation
    status: ObligationStatus
    due: datetime | None
    fulfilled_at: datetime | None
    at: datetime

    def describe(self) -> str:
        """What happened, in a sentence."""
        o = self.obligation
        due = _due(o.deadline, self.due)
        if self.fulfilled_at is not None:
            how = "met" if self.status is ObligationStatus.MET else "done late,"
            return f"{o.action}: {how} on {self.fulfilled_at.isoformat()} ({due})"
        if self.status is ObligationStatus.VIOLATED:
            return f"{o.action}: not done ({due}; checked {self.at.isoformat()})"
        return f"{o.action}: pending ({due})"


def _due(deadline: Deadline | None, due: datetime | None) -> str:
    if due is not None:
        return f"due {due.isoformat()}"
    return "no deadline stated" if deadline is None else f"due {deadline.describe()}"


# -- decisions ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Reason:
    """How one rule bore on a decision: whether it applied, and the conditions why."""

    rule: str
    effect: Effect
    applies: bool | None
    citation: Citation
    paraphrase: str
    source: Source
    conditions: tuple[Condition, ...] = ()
    error: str | None = None


@attrs.frozen(kw_only=True)
class Decision:
    """The outcome for a request, the reasons for it in law, and what it obliges.

    ``reasons`` holds one :class:`Reason` per rule of the policy (none when the request is
    out of scope; ``scope`` then says why). ``readings`` are the interpretations of the law
    this decision rests on, as they were chosen: those under whose other choice the
    outcome or the obligations would differ.
    """

    request_id: str
    outcome: Outcome
    jurisdiction: str
    instrument: str
    at: datetime
    scope: tuple[Condition, ...] = ()
    reasons: tuple[Reason, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    errors: tuple[str, ...] = ()
    readings: tuple[Reading, ...] = ()

    @property
    def permitted(self) -> bool:
        """Whether the search is permitted."""
        return self.outcome is Outcome.PERMITTED

    @property
    def determining(self) -> tuple[Reason, ...]:
        """The reasons that determined the outcome.

        The applying prohibitions of a forbidden search, the applying permissions of a
        permitted one, and for a search not permitted every permission that failed (and
        every rule that raised).
        """
        return _determining(self.outcome, self.reasons)

    def explain(self) -> str:
        """A short memo, in plain English, citing the provisions that decided."""
        title = self.outcome.value.replace("_", " ").upper()
        heading = f"{title}: request {self.request_id} under {self.instrument}"
        lines = [f"{heading} ({self.jurisdiction}), judged at {self.at.isoformat()}.", ""]
        if self.outcome is Outcome.NOT_APPLICABLE:
            lines.append(f"{self.instrument} does not govern this request:")
            lines.extend(f"  - {c}" for c in self.scope)
        elif self.outcome is Outcome.FORBIDDEN:
            lines.append("Forbidden by:")
        elif self.outcome is Outcome.PERMITTED:
            lines.append("Permitted by:")
        elif self.errors:
            lines.append(
                "Not permitted: a rule could not be evaluated, and an error never permits."
            )
        else:
            lines.append(
                "Not permitted: no provision authorizes this search, and what nothing "
                "authorizes is not permitted. The provisions that could have authorized it:"
            )
        for reason in self.determining:
            lines.append(f"  {reason.citation}: {reason.paraphrase} [{reason.source}]")
            if reason.error:
                lines.append(f"    could not be evaluated: {reason.error}")
            lines.extend(f"    - {c}" for c in reason.conditions)
        if self.obligations:
            lines.extend(["", "Obligations:"])
            for o in self.obligations:
                due = _due(o.deadline, o.due)
                lines.append(f"  - {o.party}: {o.action}, {due}. {o.citation} [{o.source}]")
        lines.extend(_reading_lines(self.readings))
        if self.errors:
            lines.extend(["", "Errors:", *(f"  - {e}" for e in self.errors)])
        return "\n".join(lines)


def _combine(values: list[tuple[Effect, bool | None]], errors: bool) -> Outcome:  # noqa: FBT001 - private
    """The combining algorithm: a prohibition wins, an error never permits, default deny."""
    if any(value for effect, value in values if effect is Effect.FORBID):
        return Outcome.FORBIDDEN
    if errors:
        return Outcome.NOT_PERMITTED
    if any(value for effect, value in values if effect is Effect.PERMIT):
        return Outcome.PERMITTED
    return Outcome.NOT_PERMITTED


def _attach(
    outcome: Outcome, duties: tuple[Duty, ...], leaf_verdict: Callable[[Leaf], Verdict]
) -> tuple[tuple[Duty, ...], tuple[str, ...]]:
    """The duties an outcome attaches, and the errors met deciding them."""
    attached: list[Duty] = []
    errors: list[str] = []
    for duty in duties:
        if outcome not in duty.outcomes:
            continue
        v = duty.when.verdict(leaf_verdict)
        # A duty that cannot be evaluated is attached anyway: an obligation too many is
        # safer than one missed, and the outcome stays what the rules gave.
        if v.value is not False:
            attached.append(duty)
        errors.extend(v.errors())
    return tuple(attached), tuple(errors)


def _determining(outcome: Outcome, reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    if outcome is Outcome.FORBIDDEN:
        return tuple(r for r in reasons if r.effect is Effect.FORBID and r.applies)
    if outcome is Outcome.PERMITTED:
        return tuple(r for r in reasons if r.effect is Effect.PERMIT and r.applies)
    return tuple(r for r in reasons if r.effect is Effect.PERMIT or r.applies is None)


def _reading_lines(readings: tuple[Reading, ...]) -> list[str]:
    if not readings:
        return []
    lines = ["", "Readings of the law this decision rests on:"]
    for r in readings:
        taken = "the adopted reading" if r.adopted else "not the adopted reading"
        lines.append(f"  - {r.question} Read as: {r.choice.text}")
        lines.append(f"    ({r.id}={r.chosen}, {taken}) [{r.source}]")
    return lines


# -- the policy -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Variant:
    """The rules and duties a policy would have under another choice of one of its readings."""

    reading: str
    choice: str
    rules: tuple[Rule, ...]
    duties: tuple[Duty, ...]


@attrs.frozen(kw_only=True)
class _Skeleton:
    """What a decision holds that depends only on the leaves' values, so can be shared."""

    outcome: Outcome
    scope: tuple[Condition, ...]
    reasons: tuple[Reason, ...]
    duties: tuple[Duty, ...]
    errors: tuple[str, ...]
    readings: tuple[Reading, ...] = ()


_MEMO_LIMIT = 65_536


@attrs.frozen(kw_only=True)
class _Engine:
    decide: Callable[[SearchRequest, datetime], Outcome]
    leaf_values: Callable[[SearchRequest, datetime], tuple[bool, ...]]
    index: dict[Leaf, int]
    memo: dict[tuple[bool, ...], _Skeleton]


@attrs.frozen(kw_only=True)
class Policy:
    """The rules and duties of one instrument, in one jurisdiction.

    ``readings`` are the interpretations the encoding rests on, each with its choice in
    force; ``variants`` are the rules and duties the policy would have under each other
    choice (a jurisdiction module's builder makes them). A decision names the readings
    whose other choice would change its outcome or its obligations.

    Raises:
        ValueError: two rules or two duties share an id, two readings share an id, or a
            variant is of a reading the policy does not have.
    """

    jurisdiction: str
    instrument: Instrument
    calendar: Calendar
    scope: Predicate
    rules: tuple[Rule, ...]
    duties: tuple[Duty, ...] = ()
    readings: tuple[Reading, ...] = ()
    variants: tuple[Variant, ...] = attrs.field(default=(), eq=False, repr=False)
    _engine: _Engine | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        ids = Counter([r.id for r in self.rules] + [d.id for d in self.duties])
        repeated = sorted(i for i, n in ids.items() if n > 1)
        if repeated:
            msg = f"rules and duties need distinct ids; repeated: {', '.join(repeated)}"
            raise ValueError(msg)
        known = [r.id for r in self.readings]
        if len(set(known)) != len(known):
            msg = f"readings need distinct ids: {', '.join(known)}"
            raise ValueError(msg)
        unknown = sorted({v.reading for v in self.variants} - set(known))
        if unknown:
            msg = f"variants of readings the policy does not have: {', '.join(unknown)}"
            raise ValueError(msg)

    def resting_on(self, reading_id: str) -> tuple[str, ...]:
        """The rules and duties that a reading's other choices would change, by id."""
        mine: dict[str, Rule | Duty] = {r.id: r for r in self.rules}
        mine.update((d.id, d) for d in self.duties)
        changed: dict[str, None] = {}
        for variant in self.variants:
            if variant.reading != reading_id:
                continue
            theirs: dict[str, Rule | Duty] = {r.id: r for r in variant.rules}
            theirs.update((d.id, d) for d in variant.duties)
            for item_id in (*mine, *theirs):
                if mine.get(item_id) != theirs.get(item_id):
                    changed[item_id] = None
        return tuple(changed)

    def reading(self, reading_id: str) -> Reading:
        """The reading of this id, as chosen.

        Raises:
            LookupError: the policy has no such reading.
        """
        for reading in self.readings:
            if reading.id == reading_id:
                return reading
        known = ", ".join(r.id for r in self.readings) or "none"
        msg = f"{self.instrument.id} has no reading {reading_id!r}; known: {known}"
        raise LookupError(msg)

    def decide(self, request: SearchRequest, at: datetime | None = None) -> Outcome:
        """The outcome alone, by the compiled fast path."""
        at = evaluation_time(request, at)
        try:
            return self._compiled().decide(request, at)
        except Exception:  # noqa: BLE001 - the explained path records the error and fails closed
            return self.evaluate(request, at).outcome

    def decide_many(
        self, requests: Iterable[SearchRequest], at: datetime | None = None
    ) -> list[Outcome]:
        """The outcomes of many requests, in order."""
        return [self.decide(request, at) for request in requests]

    def evaluate(self, request: SearchRequest, at: datetime | None = None) -> Decision:
        """The explained decision: outcome, reasons with citations, and obligations."""
        at = evaluation_time(request, at)
        engine = self._compiled()
        try:
            values = engine.leaf_values(request, at)
        except Exception:  # noqa: BLE001 - evaluate leaf by leaf, recording each error
            skeleton = self._skeleton(lambda lf: lf.evaluate(request, at))
        else:
            skeleton = engine.memo.get(values) or self._remember(engine, values)
        return Decision(
            request_id=request.id,
            outcome=skeleton.outcome,
            jurisdiction=self.jurisdiction,
            instrument=self.instrument.id,
            at=at,
            scope=skeleton.scope,
            reasons=skeleton.reasons,
            obligations=tuple(self._obligation(d, request) for d in skeleton.duties),
            errors=skeleton.errors,
            readings=skeleton.readings,
        )

    def evaluate_many(
        self, requests: Iterable[SearchRequest], at: datetime | None = None
    ) -> list[Decision]:
        """The decisions on many requests, in order."""
        return [self.evaluate(request, at) for request in requests]

    def _remember(self, engine: _Engine, values: tuple[bool, ...]) -> _Skeleton:
        skeleton = self._skeleton(lambda lf: Verdict(lf, values[engine.index[lf]]))
        if len(engine.memo) >= _MEMO_LIMIT:
            engine.memo.clear()
        engine.memo[values] = skeleton
        return skeleton

    def _skeleton(self, leaf_verdict: Callable[[Leaf], Verdict]) -> _Skeleton:
        scope = self.scope.verdict(leaf_verdict)
        if scope.value is None:
            return _Skeleton(
                outcome=Outcome.NOT_PERMITTED,
                scope=(),
                reasons=(),
                duties=(),
                errors=scope.errors(),
            )
        if not scope.value:
            return _Skeleton(
                outcome=Outcome.NOT_APPLICABLE,
                scope=scope.because(),
                reasons=(),
                duties=(),
                errors=(),
            )
        verdicts = [(rule, rule.when.verdict(leaf_verdict)) for rule in self.rules]
        reasons = tuple(
            Reason(
                rule=rule.id,
                effect=rule.effect,
                applies=v.value,
                citation=rule.citation,
                paraphrase=rule.paraphrase,
                source=rule.source,
                conditions=v.because(),
                error="; ".join(v.errors()) or None,
            )
            for rule, v in verdicts
        )
        errors = tuple(itertools.chain.from_iterable(v.errors() for _, v in verdicts))
        outcome = _combine([(rule.effect, v.value) for rule, v in verdicts], bool(errors))
        duties, duty_errors = _attach(outcome, self.duties, leaf_verdict)
        return _Skeleton(
            outcome=outcome,
            scope=(),
            reasons=reasons,
            duties=duties,
            errors=errors + duty_errors,
            readings=self._deciding_readings(outcome, duties, leaf_verdict),
        )

    def _deciding_readings(
        self, outcome: Outcome, duties: tuple[Duty, ...], leaf_verdict: Callable[[Leaf], Verdict]
    ) -> tuple[Reading, ...]:
        """The readings under whose other choice the outcome or the obligations would differ."""
        if not self.variants:
            return ()
        attached = [(d.id, d.deadline) for d in duties]
        deciding: set[str] = set()
        for variant in self.variants:
            if variant.reading in deciding:
                continue
            verdicts = [(rule.effect, rule.when.verdict(leaf_verdict)) for rule in variant.rules]
            errors = any(v.errors() for _, v in verdicts)
            other = _combine([(effect, v.value) for effect, v in verdicts], errors)
            theirs, _ = _attach(other, variant.duties, leaf_verdict)
            if other is not outcome or [(d.id, d.deadline) for d in theirs] != attached:
                deciding.add(variant.reading)
        return tuple(r for r in self.readings if r.id in deciding)

    def _obligation(self, duty: Duty, request: SearchRequest) -> Obligation:
        deadline, due = duty.deadline, None
        if deadline is not None:
            # only the request's own events are known when the search is decided
            if deadline.anchor is EventKind.SEARCH_PERFORMED and request.performed_at:
                due = deadline.due(request.performed_at, self.calendar)
            elif deadline.anchor is EventKind.REQUEST_SUBMITTED:
                due = deadline.due(request.submitted_at, self.calendar)
        return Obligation(
            duty=duty.id,
            citation=duty.citation,
            source=duty.source,
            action=duty.action,
            party=duty.party,
            deadline=duty.deadline,
            calendar=self.calendar,
            fulfilled_by=duty.fulfilled_by,
            disclosures=duty.disclosures,
            court=duty.court,
            supervisory=duty.supervisory,
            due=due,
            arises_on=duty.arises_on,
        )

    def _compiled(self) -> _Engine:
        engine = self._engine
        if engine is None:
            engine = self._compile()
            object.__setattr__(self, "_engine", engine)
        return engine

    def _compile(self) -> _Engine:
        forbid = [r.when for r in self.rules if r.effect is Effect.FORBID]
        permit = [r.when for r in self.rules if r.effect is Effect.PERMIT]
        names = namespace() | {"Outcome": Outcome}
        scope_src = self.scope.to_python(names)
        forbid_src = " or ".join(p.to_python(names) for p in forbid) or "False"
        # every permission is evaluated (no short-circuit): one that raises must not be skipped
        permit_src = " | ".join(f"bool({p.to_python(names)})" for p in permit) or "False"
        leaves = list(
            dict.fromkeys(
                itertools.chain(
                    self.scope.leaves(),
                    *(r.when.leaves() for r in self.rules),
                    *(d.when.leaves() for d in self.duties),
                    *(r.when.leaves() for v in self.variants for r in v.rules),
                    *(d.when.leaves() for v in self.variants for d in v.duties),
                )
            )
        )
        values_src = ", ".join(f"bool({lf.to_python(names)})" for lf in leaves)
        source = (
            "def decide(r, at):\n"
            f"    if not {scope_src}:\n        return Outcome.NOT_APPLICABLE\n"
            f"    if {forbid_src}:\n        return Outcome.FORBIDDEN\n"
            f"    if {permit_src}:\n        return Outcome.PERMITTED\n"
            "    return Outcome.NOT_PERMITTED\n"
            f"def leaf_values(r, at):\n    return ({values_src},)\n"
        )
        exec(compile(source, f"<frpolicy policy {self.instrument.id}>", "exec"), names)  # noqa: S102 - built from leaves
        return _Engine(
            decide=typing.cast("Callable[[SearchRequest, datetime], Outcome]", names["decide"]),
            leaf_values=typing.cast(
                "Callable[[SearchRequest, datetime], tuple[bool, ...]]", names["leaf_values"]
            ),
            index={lf: i for i, lf in enumerate(leaves)},
            memo={},
        )
