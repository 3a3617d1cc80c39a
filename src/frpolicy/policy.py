r"""Rules, duties and the decision they give: the combining algorithm of frpolicy.

A :class:`Policy` encodes one instrument (a statute or a bill): a scope, :class:`Rule` objects
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
explained :class:`Decision`, with reasons, citations and obligations (:class:`Obligation`).
Both read the same predicates, and the project's property tests check that they agree.
"""

from __future__ import annotations

import enum
import functools
import itertools
import sys
import threading
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

import attrs

from frpolicy._repr import attrs_repr
from frpolicy._text import printable
from frpolicy.law import Citation, Instrument, InstrumentKind, Reading, Source
from frpolicy.model import (
    Authority,
    CourtKind,
    Disclosure,
    Event,
    EventKind,
    SearchRequest,
    _by_identity,
)
from frpolicy.predicates import (
    All,
    Any,
    Condition,
    ExplanationWriter,
    Leaf,
    Not,
    Predicate,
    Verdict,
    evaluation_time,
    namespace,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import holidays

__all__ = [
    "DEFAULT_CACHE_BYTES",
    "NO_LAW",
    "Calendar",
    "Deadline",
    "Decision",
    "Duty",
    "Effect",
    "ExplanationCache",
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


@_by_identity
class Effect(enum.Enum):
    """What a rule does when it applies."""

    PERMIT = "permit"
    FORBID = "forbid"


@_by_identity
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


NO_LAW = "no encoded law"
"""The instrument a decision names when no encoded law of its place governed the search.

Such a decision is ``NOT_APPLICABLE``; its memo says when the place's encoded laws are in
force (:meth:`frpolicy.jurisdictions.Jurisdiction.law_at`)."""

_IN_SCOPE = frozenset({Outcome.PERMITTED, Outcome.NOT_PERMITTED, Outcome.FORBIDDEN})


@attrs.frozen(kw_only=True, repr=False)
class Rule:
    """A provision that permits or forbids a search when its condition holds."""

    __repr__ = attrs_repr

    id: str
    effect: Effect
    when: Predicate
    citation: Citation
    paraphrase: str
    source: Source


# -- deadlines ------------------------------------------------------------------------------


@_by_identity
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
    DAYS_INTO_NEXT_YEAR = "days_into_next_year"
    """To the end of the n-th day of the calendar year after the anchor's (0: the last day of
    the anchor's own): 32 is February 1, the day an annual report for the year before is due."""


_ANCHOR_PROSE = {
    EventKind.REQUEST_SUBMITTED: "the request",
    EventKind.SEARCH_PERFORMED: "the search",
    EventKind.SEARCH_DOCUMENTED: "the documentation of the search",
    EventKind.SEARCH_REPORTED: "the report of the search",
    EventKind.SWORN_STATEMENT_FILED: "the filing of the sworn statement",
    EventKind.FIRST_APPEARANCE: "the first appearance in the case",
    EventKind.ARRAIGNMENT: "the arraignment",
    EventKind.PRETRIAL_CONFERENCE: "the pretrial conference",
    EventKind.TRIAL: "trial",
    EventKind.NOTICE_SERVED: "the notice",
    EventKind.RESULT_REVIEWED: "the review of the result",
    EventKind.RESULT_RELIED_ON: "reliance on the result for probable cause or an identification",
    EventKind.RESULT_CORROBORATED: "the corroboration of the result",
    EventKind.AUTHORIZATION_REQUESTED: "the request for authorization",
    EventKind.AUTHORIZATION_REFUSED: "the refusal of the authorization",
    EventKind.USE_STOPPED: "the end of the use",
    EventKind.DATA_DELETED: "the deletion of the data",
    EventKind.USE_NOTIFIED: "the notification of the use",
    EventKind.SYSTEM_REGISTERED: "the registration of the system",
    EventKind.PHOTO_LINEUP: "the photo lineup",
    EventKind.ARREST: "the arrest",
}


@functools.cache
def _zone(key: str) -> ZoneInfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - imported with the first time zone asked for

    return ZoneInfo(key)


@functools.cache
def _legal_holidays(country: str, subdivision: str | None) -> holidays.HolidayBase:
    import holidays  # noqa: PLC0415 - imported only when business days are counted

    return holidays.country_holidays(country, subdiv=subdivision)


@attrs.frozen(kw_only=True, repr=False)
class Calendar:
    """A jurisdiction's clock: its time zone and its legal holidays.

    ``country`` and ``subdivision`` name the holiday calendar in the maintained
    :mod:`holidays` library (``"US"``, ``"MA"``).
    """

    __repr__ = attrs_repr

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


@attrs.frozen(kw_only=True, repr=False)
class Deadline:
    """When an obligation is due: an anchoring event plus an amount of time."""

    __repr__ = attrs_repr

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
        elif self.unit is Unit.DAYS_INTO_NEXT_YEAR:
            day = _day_after(date(local.year, 12, 31), self.amount)
        else:
            day = _quarter_end(local.date(), self.amount)
        return None if day is None else datetime.combine(day, time.max, tzinfo=zone)

    def describe(self) -> str:
        """The deadline as prose: ``within 48 hours after the search``."""
        anchor = _ANCHOR_PROSE[self.anchor]
        if self.unit is Unit.DAYS_INTO_NEXT_YEAR:
            return _into_next_year(self.amount, anchor)
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


_LEAP_FREE_DAYS = 59
"""The days of January and February but the 29th: the same date in every year."""


def _into_next_year(days: int, anchor: str) -> str:
    """A deadline ``days`` into the year after the anchor's, as prose: ``by February 1 ...``."""
    if days == 0:
        return f"by the end of the calendar year of {anchor}"
    if days <= _LEAP_FREE_DAYS:
        day = date(2001, 1, 1) + timedelta(days=days - 1)  # 2001: not a leap year
        month = ("January", "February")[day.month - 1]  # named here, whatever the locale
        return f"by {month} {day.day} of the year after that of {anchor}"
    return f"by the end of day {days} of the year after that of {anchor}"


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


@attrs.frozen(kw_only=True, repr=False)
class Duty:
    """A provision that obliges something when a request's outcome is one of ``outcomes``.

    It attaches when ``when`` holds and the outcome is one of ``outcomes``: by default
    only a permitted search obliges; a duty owed for every request the law governs (a
    public record, a report) attaches to refused ones too. The obligation arises with the
    event ``arises_on`` (the search, by default; the request itself for a record of every
    request): until it happens, nothing is owed.

    ``fulfilled_by`` is the kind of event that meets it. An event counts only if it also
    discloses ``disclosures`` (a notice), went to ``court``, when ``supervisory`` is set,
    was made by a supervisory official (a sworn statement), and, when ``authorities`` are
    named, went to one of them (an authorization requested). A ``deadline`` of
    ``None`` records that the law states none: the obligation is then met or pending,
    never late.

    Raises:
        ValueError: ``outcomes`` names ``NOT_APPLICABLE`` (nothing outside the law's
            scope obliges), or is empty.
    """

    __repr__ = attrs_repr

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
    authorities: frozenset[Authority] = frozenset()

    def __attrs_post_init__(self) -> None:
        if not self.outcomes or not self.outcomes <= _IN_SCOPE:
            msg = f"outcomes: duty {self.id!r} must attach to outcomes within the law's scope"
            raise ValueError(msg)


EVERY_REQUEST = _IN_SCOPE
"""The outcomes of every request within a law's scope: for a duty owed whatever the outcome."""


@_by_identity
class ObligationStatus(enum.Enum):
    """Where an obligation stands at a given time."""

    MET = "met"
    PENDING = "pending"
    VIOLATED = "violated"


@attrs.frozen(kw_only=True, repr=False)
class Obligation:
    """What a request obliges, and by when.

    ``due`` is known at decision time when the anchoring event is (the search itself);
    otherwise it is ``None`` until the event is known (a pretrial conference). Nothing is
    owed before the event ``arises_on`` (the search, or the request itself).
    """

    __repr__ = attrs_repr

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
    authorities: frozenset[Authority] = frozenset()

    def fulfils(self, event: Event) -> bool:
        """Whether an event meets this obligation, whenever it came."""
        return (
            event.kind is self.fulfilled_by
            and self.disclosures <= event.disclosures
            and (self.court is None or event.court is self.court)
            and (event.supervisory or not self.supervisory)
            and (not self.authorities or event.authority in self.authorities)
        )

    def check(self, events: Iterable[Event], at: datetime) -> ObligationCheck:
        """Whether the events met this obligation, as it stands at time ``at``.

        The anchor is taken from the events when they hold it, else the decision's ``due``
        is used. Met: a fulfilling event came at or before the due time. Violated: it came
        late, or none came and the due time has passed. Otherwise pending. An event before
        the obligation arose (before the event it ``arises_on``) is not its fulfilment: a
        search documented years before it was run was not documented; the check keeps the
        first such event as ``early``, to say so.
        """
        events = tuple(events)
        due = self.due
        if self.deadline is not None:
            anchor = min((e.at for e in events if e.kind is self.deadline.anchor), default=None)
            if anchor is not None:
                due = self.deadline.due(anchor, self.calendar)
        arose = min((e.at for e in events if e.kind is self.arises_on), default=None)
        fulfilling = [e.at for e in events if self.fulfils(e)]
        done = min((t for t in fulfilling if arose is None or t >= arose), default=None)
        early = min((t for t in fulfilling if arose is not None and t < arose), default=None)
        if done is not None and (due is None or done <= due):
            status = ObligationStatus.MET
        elif done is not None or (due is not None and at > due):
            status = ObligationStatus.VIOLATED
        else:
            status = ObligationStatus.PENDING
        return ObligationCheck(
            obligation=self, status=status, due=due, fulfilled_at=done, at=at, early=early
        )


@attrs.frozen(kw_only=True, repr=False)
class ObligationCheck:
    """The result of checking an obligation against what happened.

    ``early`` is the time of the first event that would have fulfilled the obligation but
    came before it arose, and so does not (``None`` when there was none).
    """

    __repr__ = attrs_repr

    obligation: Obligation
    status: ObligationStatus
    due: datetime | None
    fulfilled_at: datetime | None
    at: datetime
    early: datetime | None = None

    def describe(self) -> str:
        """What happened, in a sentence."""
        o = self.obligation
        due = _due(o.deadline, self.due, o.calendar)
        if self.fulfilled_at is not None:
            how = "met" if self.status is ObligationStatus.MET else "done late,"
            return f"{o.action}: {how} on {_moment(self.fulfilled_at, o.calendar)} ({due})"
        if self.status is ObligationStatus.VIOLATED:
            said = f"{o.action}: not done ({due}; checked {_moment(self.at, o.calendar)})"
        else:
            said = f"{o.action}: pending ({due})"
        return said + self.before_it_arose()

    def before_it_arose(self) -> str:
        """What an event before the obligation arose was: ``""`` when there was none."""
        return _before_it_arose(self.early, self.obligation.calendar)


def _before_it_arose(early: datetime | None, calendar: Calendar) -> str:
    if early is None:
        return ""
    when = _moment(early, calendar)
    return f"; what was dated {when} came before the duty arose and is not its fulfilment"


def _due(deadline: Deadline | None, due: datetime | None, calendar: Calendar) -> str:
    if due is not None:
        return f"due {_moment(due, calendar)}"
    return "no deadline stated" if deadline is None else f"due {deadline.describe()}"


def _moment(at: datetime, calendar: Calendar) -> str:
    """A time as a memo says it: the day a deadline ends on, or the minute.

    A deadline that runs to the end of a day in the jurisdiction's time zone is that day;
    any other time is given to the minute, with its offset (and its seconds, if any):

    >>> from zoneinfo import ZoneInfo
    >>> boston = Calendar(timezone="America/New_York", country="US", subdivision="MA")
    >>> _moment(datetime.combine(date(2024, 6, 30), time.max, ZoneInfo("America/New_York")), boston)
    'by the end of 2024-06-30 (America/New_York)'
    >>> _moment(datetime(2024, 11, 29, 22, 30, tzinfo=ZoneInfo("America/New_York")), boston)
    '2024-11-29 22:30 -05:00'
    """
    local = at.astimezone(calendar.zone) if at.tzinfo is not None else at
    if local.time() == time.max:
        return f"by the end of {local:%Y-%m-%d} ({calendar.timezone})"
    shown = f"{at:%Y-%m-%d %H:%M:%S}" if at.second or at.microsecond else f"{at:%Y-%m-%d %H:%M}"
    offset = at.strftime("%z")
    if offset:
        offset = f" {offset[:3]}:{offset[3:5]}"
    return shown + offset


# -- decisions ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Reason:
    """How one rule bore on a decision: whether it applied, and the conditions why."""

    __repr__ = attrs_repr

    rule: str
    effect: Effect
    applies: bool | None
    citation: Citation
    paraphrase: str
    source: Source
    conditions: tuple[Condition, ...] = ()
    error: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Decision:
    """The outcome for a request, the reasons for it in law, and what it obliges.

    ``reasons`` holds one :class:`Reason` per rule of the policy (none when the request is
    out of scope; ``scope`` then says why). ``readings`` are the interpretations of the law
    this decision rests on, as they were chosen: those under whose other choice the
    outcome or the obligations would differ. ``instrument_kind`` is the kind of the
    instrument that decided; the memo names a police department's policy or a settlement as
    such (``None``: a decision stored before the kind was recorded).
    """

    __repr__ = attrs_repr

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
    instrument_kind: InstrumentKind | None = None

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

    def _opening(self) -> str:
        """The memo's first sentence after its heading: what kind of answer this is."""
        if self.outcome is Outcome.NOT_APPLICABLE:
            if self.instrument == NO_LAW:
                return "No encoded law governed this request when it was judged:"
            return f"{self.instrument} does not govern this request:"
        if self.outcome is Outcome.FORBIDDEN:
            return "Forbidden by:"
        if self.outcome is Outcome.PERMITTED:
            return "Permitted by:"
        if self.errors:
            return "Not permitted: a rule could not be evaluated, and an error never permits."
        return (
            "Not permitted: no provision authorizes this search, and what nothing "
            "authorizes is not permitted. The provisions that could have authorized it:"
        )

    def explain(self) -> str:
        r"""A short memo, in plain English, citing the provisions that decided.

        Each line is one line: a control character in a field from the input (a line
        break in a request id) is shown escaped, ``\n``.
        """
        title = self.outcome.value.replace("_", " ").upper()
        heading = f"{title}: request {self.request_id} under {self.instrument}"
        kind = self.instrument_kind
        if kind is not None and kind in _NOT_LEGISLATION:  # not to be taken for a statute
            heading += f", {kind.label}"
        lines = [f"{heading} ({self.jurisdiction}), judged at {self.at.isoformat()}.", ""]
        lines.append(self._opening())
        if self.outcome is Outcome.NOT_APPLICABLE:
            lines.extend(f"  - {c}" for c in self.scope)
        for reason in self.determining:
            lines.append(f"  {reason.citation}: {reason.paraphrase} [{reason.source}]")
            if reason.error:
                lines.append(f"    could not be evaluated: {reason.error}")
            lines.extend(f"    - {c}" for c in reason.conditions)
        if self.obligations:
            lines.extend(["", "Obligations:"])
            for o in self.obligations:
                due = _due(o.deadline, o.due, o.calendar)
                lines.append(f"  - {o.party}: {o.action}, {due}. {o.citation} [{o.source}]")
        lines.extend(_reading_lines(self.readings))
        if self.errors:
            lines.extend(["", "Errors:", *(f"  - {e}" for e in self.errors)])
        # what a person wrote (an id, a name) is shown escaped: it never forges a line
        return "\n".join(map(printable, lines))


_NOT_LEGISLATION = frozenset({InstrumentKind.POLICY, InstrumentKind.SETTLEMENT})
"""The kinds of instrument a memo names in its heading: no legislature made them."""


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


@attrs.frozen(kw_only=True, repr=False)
class Variant:
    """The scope, rules and duties a policy would have under another choice of a reading."""

    __repr__ = attrs_repr

    reading: str
    choice: str
    scope: Predicate
    rules: tuple[Rule, ...]
    duties: tuple[Duty, ...]


class _Deferred:
    """A policy's variants not made yet: ``make`` makes them when they are first asked for."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], tuple[Variant, ...]]) -> None:
        self.make = make


def _given_variants(variants: tuple[Variant, ...]) -> tuple[Variant, ...] | _Deferred:
    """The variants a policy is given: a tuple, or a lazy policy's deferred ones, for a copy.

    Raises:
        TypeError: anything else (a function among them: see :func:`_lazily`).
    """
    given: object = variants  # attrs.evolve hands a copy of a lazy policy its deferred ones
    if isinstance(given, tuple | _Deferred):
        return given
    msg = f"variants: expected a tuple of Variant, got {type(given).__name__}"
    raise TypeError(msg)


class _Skeleton(typing.NamedTuple):
    """What a decision holds that depends only on the leaves' values, so can be shared."""

    outcome: Outcome
    scope: tuple[Condition, ...] = ()
    reasons: tuple[Reason, ...] = ()
    obligations: tuple[Callable[[SearchRequest], Obligation], ...] = ()
    errors: tuple[str, ...] = ()
    readings: tuple[Reading, ...] = ()


DEFAULT_CACHE_BYTES = 32 * 2**20
"""The memory a policy's :class:`ExplanationCache` may use unless told otherwise: 32 MiB."""

# What a dict spends on one entry, at worst (just after it grows), on CPython 3.11-3.13.
_DICT_ENTRY_BYTES = 64


def _clear_when_shrunk(cache: ExplanationCache, _: attrs.Attribute[int], budget: int) -> int:
    if len(cache) * cache.entry_bytes > budget:
        cache.clear()
    return budget


@attrs.define(kw_only=True, repr=False)
class ExplanationCache:
    """The explanations a policy has built, by the values of its leaves, within a budget.

    An explanation (outcome, reasons and their conditions, duties attached) depends only
    on the values of the policy's leaves, so :meth:`Policy.evaluate` builds it once for
    each combination of values it meets and reuses it after. The cache holds at most
    ``budget`` bytes: each entry counts for ``entry_bytes``, an upper bound on its size
    measured when the policy is compiled (it grows with the number of rules); when the
    next entry would pass the budget, the cache is emptied and starts again. A budget of 0
    turns the cache off: every evaluation builds its explanation afresh.

    Threads may share it: an entry is an immutable explanation that depends only on its key,
    so a reader finds the right one or none, and adding one (the rare path) takes a lock, so
    the budget holds whatever the threads do.

    >>> import frpolicy
    >>> cache = frpolicy.jurisdiction("US-MA").version("H.1728").policy.cache
    >>> cache.budget == DEFAULT_CACHE_BYTES
    True
    >>> cache.budget = 4 * 2**20  # 4 MiB for this policy
    >>> cache.capacity > 1000
    True

    .. versionadded:: 0.1.0
    """

    __repr__ = attrs_repr

    entry_bytes: int = attrs.field(validator=attrs.validators.gt(0))
    budget: int = attrs.field(
        default=DEFAULT_CACHE_BYTES,
        validator=attrs.validators.ge(0),
        on_setattr=[attrs.setters.validate, _clear_when_shrunk],
    )
    _entries: dict[tuple[bool, ...], _Skeleton] = attrs.field(factory=dict, init=False, repr=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False, eq=False)

    def __len__(self) -> int:
        """How many explanations the cache holds."""
        return len(self._entries)

    @property
    def capacity(self) -> int:
        """How many explanations fit in the budget."""
        return self.budget // self.entry_bytes

    @property
    def size(self) -> int:
        """The most bytes the cache's entries may take (entries times ``entry_bytes``)."""
        return len(self._entries) * self.entry_bytes

    def clear(self) -> None:
        """Forget every explanation."""
        with self._lock:
            self._entries.clear()

    def _add(self, values: tuple[bool, ...], skeleton: _Skeleton) -> None:
        entries = self._entries
        with self._lock:  # the count and the insertion as one step, or threads pass the budget
            if len(entries) >= self.budget // self.entry_bytes:
                entries.clear()
                if self.budget < self.entry_bytes:
                    return
            entries[values] = skeleton


class _Engine(typing.NamedTuple):
    """The policy compiled: the fast path, the leaves' values, the explanation from them."""

    decide: Callable[[SearchRequest, datetime | None], Outcome]
    leaves: tuple[Leaf, ...]
    leaf_values: Callable[[SearchRequest, datetime], tuple[bool, ...]]
    explain: Callable[[tuple[bool, ...]], _Skeleton]
    obligations: dict[str, Callable[[SearchRequest], Obligation]]
    cache: ExplanationCache


def _reason_fields(rule: Rule) -> dict[str, typing.Any]:
    """What every reason a rule gives states, whatever the request."""
    return {
        "rule": rule.id,
        "effect": rule.effect,
        "citation": rule.citation,
        "paraphrase": rule.paraphrase,
        "source": rule.source,
    }


_OBLIGATIONS_KEPT = 4096
"""How many obligations of one duty, by due day, are kept for reuse."""


def _obligations(duty: Duty, calendar: Calendar) -> Callable[[SearchRequest], Obligation]:
    """How a duty's obligation is made for a request: all of it is the duty's but ``due``.

    ``due`` is known when the decision is made only if the deadline's anchor is the
    request's own (the search, or the request): otherwise one obligation serves every
    request. A deadline counted in days falls due at the end of a day that depends only on
    the anchor's day: one obligation serves every request anchored on the same day.
    """
    fields: dict[str, typing.Any] = {
        "duty": duty.id,
        "citation": duty.citation,
        "source": duty.source,
        "action": duty.action,
        "party": duty.party,
        "deadline": duty.deadline,
        "calendar": calendar,
        "fulfilled_by": duty.fulfilled_by,
        "disclosures": duty.disclosures,
        "court": duty.court,
        "supervisory": duty.supervisory,
        "arises_on": duty.arises_on,
        "authorities": duty.authorities,
    }
    deadline = duty.deadline
    if deadline is None or deadline.anchor not in _KNOWN_AT_DECISION:
        shared = Obligation(**fields)
        return lambda _: shared
    after_search = deadline.anchor is EventKind.SEARCH_PERFORMED

    def anchored(request: SearchRequest) -> Obligation:
        at = request.performed_at if after_search else request.submitted_at
        return Obligation(**fields, due=deadline.due(at, calendar) if at else None)

    if deadline.unit is Unit.HOURS:
        return anchored
    kept: dict[date, Obligation] = {}
    zone = calendar.zone

    def by_day(request: SearchRequest) -> Obligation:
        at = request.performed_at if after_search else request.submitted_at
        if at is None:
            return anchored(request)
        day = at.astimezone(zone).date()  # the anchor's day where the law is
        found = kept.get(day)
        if found is None:
            found = anchored(request)
            if len(kept) >= _OBLIGATIONS_KEPT:
                kept.clear()
            kept[day] = found
        return found

    return by_day


_KNOWN_AT_DECISION = frozenset({EventKind.SEARCH_PERFORMED, EventKind.REQUEST_SUBMITTED})


@attrs.frozen(kw_only=True, repr=False)
class Policy:
    """The rules and duties of one instrument, in one jurisdiction.

    ``readings`` are the interpretations the encoding rests on, each with its choice in
    force; ``variants`` are the rules and duties the policy would have under each other
    choice (a jurisdiction module's builder makes them). A decision names the readings
    whose other choice would change its outcome or its obligations.

    Raises:
        ValueError: two rules or two duties share an id, two readings share an id, or a
            variant is of a reading the policy does not have.
        TypeError: ``variants`` is not a tuple.
    """

    __repr__ = attrs_repr

    jurisdiction: str
    instrument: Instrument
    calendar: Calendar
    scope: Predicate
    rules: tuple[Rule, ...]
    duties: tuple[Duty, ...] = ()
    readings: tuple[Reading, ...] = ()
    _variants: tuple[Variant, ...] | _Deferred = attrs.field(
        default=(), converter=_given_variants, eq=False, repr=False, alias="variants"
    )
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
        if isinstance(self._variants, tuple):  # deferred ones are checked once made
            self._check_variants(self._variants)

    def _check_variants(self, variants: tuple[Variant, ...]) -> None:
        unknown = sorted({v.reading for v in variants} - {r.id for r in self.readings})
        if unknown:
            msg = f"variants of readings the policy does not have: {', '.join(unknown)}"
            raise ValueError(msg)

    @property
    def variants(self) -> tuple[Variant, ...]:
        """The scope, rules and duties the policy would have under each other choice of a reading.

        Those of a version made by :meth:`~frpolicy.jurisdictions.Version.from_builder` are
        made when first asked for, once, whatever the threads.

        Raises:
            ValueError: a variant is of a reading the policy does not have.
        """
        found = self._variants
        if isinstance(found, _Deferred):
            with _BUILDING:
                found = self._variants
                if isinstance(found, _Deferred):
                    found = found.make()
                    self._check_variants(found)
                    object.__setattr__(self, "_variants", found)
        return found

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
        """The outcome alone, by the compiled fast path.

        It is always the outcome :meth:`evaluate` gives: when a condition raises, the
        explained path decides.
        """
        return (self._engine or self._compiled()).decide(request, at)

    def decide_many(
        self, requests: Iterable[SearchRequest], at: datetime | None = None
    ) -> list[Outcome]:
        """The outcomes of many requests, in order."""
        decide = (self._engine or self._compiled()).decide
        return [decide(request, at) for request in requests]

    @property
    def cache(self) -> ExplanationCache:
        """The explanations :meth:`evaluate` has built, and the memory they may take."""
        return (self._engine or self._compiled()).cache

    def evaluate(self, request: SearchRequest, at: datetime | None = None) -> Decision:
        """The explained decision: outcome, reasons with citations, and obligations."""
        at = evaluation_time(request, at)
        engine = self._engine or self._compiled()
        try:
            values = engine.leaf_values(request, at)
        except Exception:  # noqa: BLE001 - evaluate leaf by leaf, recording what is reached
            skeleton = self._skeleton(lambda lf: lf.evaluate(request, at))
        else:
            cache = engine.cache
            known = cache._entries.get(values)  # noqa: SLF001 - the engine's own cache
            if known is None:
                skeleton = engine.explain(values)
                cache._add(values, skeleton)  # noqa: SLF001 - the engine's own cache
            else:
                skeleton = known
        return Decision(
            request_id=request.id,
            outcome=skeleton.outcome,
            jurisdiction=self.jurisdiction,
            instrument=self.instrument.id,
            at=at,
            scope=skeleton.scope,
            reasons=skeleton.reasons,
            obligations=tuple([make(request) for make in skeleton.obligations]),
            errors=skeleton.errors,
            readings=skeleton.readings,
            instrument_kind=self.instrument.kind,
        )

    def evaluate_many(
        self, requests: Iterable[SearchRequest], at: datetime | None = None
    ) -> list[Decision]:
        """The decisions on many requests, in order."""
        return [self.evaluate(request, at) for request in requests]

    def _skeleton(self, leaf_verdict: Callable[[Leaf], Verdict]) -> _Skeleton:
        """The explanation from verdict trees: the reference the compiled one must equal.

        Used when a leaf raises: each condition then holds, fails or records the error
        that left-to-right evaluation meets.
        """
        scope = self.scope.verdict(leaf_verdict)
        if scope.value is None:
            return _Skeleton(outcome=Outcome.NOT_PERMITTED, errors=scope.errors())
        if not scope.value:
            return _Skeleton(
                outcome=Outcome.NOT_APPLICABLE,
                scope=scope.because(),
                readings=self._deciding_readings(Outcome.NOT_APPLICABLE, (), leaf_verdict),
            )
        verdicts = [(rule, rule.when.verdict(leaf_verdict)) for rule in self.rules]
        reasons = tuple(
            Reason(
                **_reason_fields(rule),
                applies=v.value,
                conditions=v.because(),
                error="; ".join(v.errors()) or None,
            )
            for rule, v in verdicts
        )
        errors = tuple(itertools.chain.from_iterable(v.errors() for _, v in verdicts))
        outcome = _combine([(rule.effect, v.value) for rule, v in verdicts], bool(errors))
        duties, duty_errors = _attach(outcome, self.duties, leaf_verdict)
        makers = self._compiled().obligations
        return _Skeleton(
            outcome=outcome,
            reasons=reasons,
            obligations=tuple(makers[d.id] for d in duties),
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
            inside = (
                outcome is not Outcome.NOT_APPLICABLE
                if variant.scope == self.scope
                else variant.scope.verdict(leaf_verdict).value
            )
            other, theirs = Outcome.NOT_APPLICABLE, typing.cast("tuple[Duty, ...]", ())
            if inside:
                verdicts = [(r.effect, r.when.verdict(leaf_verdict)) for r in variant.rules]
                errors = any(v.errors() for _, v in verdicts)
                other = _combine([(effect, v.value) for effect, v in verdicts], errors)
                theirs, _ = _attach(other, variant.duties, leaf_verdict)
            if other is not outcome or [(d.id, d.deadline) for d in theirs] != attached:
                deciding.add(variant.reading)
        return tuple(r for r in self.readings if r.id in deciding)

    def _compiled(self) -> _Engine:
        engine = self._engine
        if engine is None:
            self.variants  # noqa: B018 - made before the lock: a builder may compile a policy
            with _COMPILING:  # once: threads asking first share one engine and one cache
                engine = self._engine
                if engine is None:
                    engine = _compile(self)
                    object.__setattr__(self, "_engine", engine)
        return engine


def _lazily(policy: Policy, make: Callable[[], tuple[Variant, ...]]) -> Policy:
    """A copy of ``policy`` whose variants ``make`` makes, once, when they are first asked for.

    What :meth:`~frpolicy.jurisdictions.Version.from_builder` gives a version, so that a bill
    that is never applied never builds them. They are checked (of readings the policy has)
    once made; a copy of the policy (``attrs.evolve``) defers them too.
    """
    copy = attrs.evolve(policy, variants=())
    object.__setattr__(copy, "_variants", _Deferred(make))  # before anyone can ask for them
    return copy


# -- compiling a policy ---------------------------------------------------------------------

_COMPILING = threading.Lock()
"""Held while a policy is compiled, so each policy is compiled once, whatever the threads."""

_BUILDING = threading.RLock()
"""Held while a policy's variants are made, so they are made once, whatever the threads.

Reentrant: a builder may ask for another policy's variants while its own are made.
"""


def _compile(policy: Policy) -> _Engine:
    """Compile a policy into Python: its fast path, its leaves' values, its explanation."""
    names = namespace() | {
        "_evaluation_time": evaluation_time,
        "_Reason": Reason,
        "_Skeleton": _Skeleton,
        "_NOT_APPLICABLE": Outcome.NOT_APPLICABLE,
        "_FORBIDDEN": Outcome.FORBIDDEN,
        "_PERMITTED": Outcome.PERMITTED,
        "_NOT_PERMITTED": Outcome.NOT_PERMITTED,
        # when a condition raises, the explained path decides (and records the error)
        "_fallback": lambda r, at: policy.evaluate(r, at).outcome,
    }
    leaves = list(
        dict.fromkeys(
            itertools.chain(
                policy.scope.leaves(),
                *(r.when.leaves() for r in policy.rules),
                *(d.when.leaves() for d in policy.duties),
                *(v.scope.leaves() for v in policy.variants),
                *(r.when.leaves() for v in policy.variants for r in v.rules),
                *(d.when.leaves() for v in policy.variants for d in v.duties),
            )
        )
    )
    obligations = {d.id: _obligations(d, policy.calendar) for d in policy.duties}
    source = "\n".join(
        [
            *_decide_source(policy, names),
            "def leaf_values(r, at):",
            "    return ("
            + "".join(f"True if {lf.to_python(names)} else False, " for lf in leaves)
            + ")",
            *_explain_source(policy, leaves, obligations, names),
        ]
    )
    exec(compile(source, f"<frpolicy policy {policy.instrument.id}>", "exec"), names)  # noqa: S102 - built from leaves
    return _Engine(
        decide=typing.cast("Callable[[SearchRequest, datetime | None], Outcome]", names["decide"]),
        leaves=tuple(leaves),
        leaf_values=typing.cast(
            "Callable[[SearchRequest, datetime], tuple[bool, ...]]", names["leaf_values"]
        ),
        explain=typing.cast("Callable[[tuple[bool, ...]], _Skeleton]", names["explain"]),
        obligations=obligations,
        cache=ExplanationCache(entry_bytes=_entry_bytes(policy, len(leaves))),
    )


def _decide_source(policy: Policy, names: dict[str, object]) -> list[str]:
    """The fast path: scope, then prohibitions, then every permission, each node once.

    A sub-tree met more than once (a leaf, or a clause several rules share) is evaluated
    the first time it is reached and kept in a local, so the function does what a hand-
    written one would. Every permission is evaluated, none skipped: one that raises must
    hand the request to the explained path, which fails closed.
    """
    forbid = [r.when for r in policy.rules if r.effect is Effect.FORBID]
    permit = [r.when for r in policy.rules if r.effect is Effect.PERMIT]
    shared = _shared((policy.scope, *forbid, *permit))

    def python(p: Predicate) -> str:
        if isinstance(p, All | Any):
            joiner = " and " if isinstance(p, All) else " or "
            text = "(" + joiner.join(python(op) for op in p.operands) + ")"
        elif isinstance(p, Not):
            text = f"(not {python(p.operand)})"
        else:
            text = p.to_python(names)
        if p in shared:
            local = shared[p]
            return f"({local} if {local} is not None else ({local} := True if {text} else False))"
        return text

    lines = [
        "def decide(r, at=None):",
        "    at = r.performed_at or r.submitted_at if at is None else _evaluation_time(r, at)",
        "    try:",
    ]
    if shared:
        lines.append("        " + " = ".join(shared.values()) + " = None")
    lines += [
        f"        if not {python(policy.scope)}:",
        "            return _NOT_APPLICABLE",
        f"        if {' or '.join(python(p) for p in forbid) or 'False'}:",
        "            return _FORBIDDEN",
        "        permitted = False",
    ]
    for p in permit:
        lines += [f"        if {python(p)}:", "            permitted = True"]
    return [
        *lines,
        "        return _PERMITTED if permitted else _NOT_PERMITTED",
        "    except Exception:",
        "        return _fallback(r, at)",
    ]


def _shared(trees: Iterable[Predicate]) -> dict[Predicate, str]:
    """The sub-trees met more than once in ``trees``, each with the name of a local."""
    seen: Counter[Predicate] = Counter()

    def count(p: Predicate) -> None:
        seen[p] += 1
        if seen[p] == 1:
            for op in _operands(p):
                count(op)

    for tree in trees:
        count(tree)
    return {p: f"_k{i}" for i, p in enumerate(q for q, n in seen.items() if n > 1)}


def _explain_source(
    policy: Policy,
    leaves: list[Leaf],
    obligations: dict[str, Callable[[SearchRequest], Obligation]],
    names: dict[str, object],
) -> list[str]:
    """The explanation from the leaves' values: what :meth:`Policy._skeleton` gives, compiled.

    No leaf raised, so no rule has an error: the scope, each rule's reason, the outcome by
    the combining algorithm, the duties it attaches, and the readings under whose other
    choice the outcome or the duties would differ.
    """
    leaf_names = {lf: f"_l{i}" for i, lf in enumerate(leaves)}
    writer = ExplanationWriter(leaf_names, names)
    outside = writer.because(policy.scope, value=False)
    reasons = []
    for i, rule in enumerate(policy.rules):
        fields = "".join(f"{k}=_r{i}_{k}, " for k in _reason_fields(rule))
        names.update({f"_r{i}_{k}": v for k, v in _reason_fields(rule).items()})
        because = writer.because(rule.when)
        reasons.append(f"_Reason({fields}applies={writer.value(rule.when)}, conditions={because})")
    for i, duty in enumerate(policy.duties):
        names[f"_o{i}"] = obligations[duty.id]
        names[f"_sign{i}"] = (duty.id, duty.deadline)  # what the readings compare of a duty
    body = [f"if not {writer.value(policy.scope)}:"]
    # outside the scope, a reading decides if under its other choice the scope holds
    inside = [
        (f"_v{k}_reading", writer.value(v.scope))
        for k, v in enumerate(policy.variants)
        if v.scope != policy.scope
    ]
    if inside:
        names["_readings"] = policy.readings
        body += [
            "    deciding = {"
            + "".join(f"*(({name},) if {value} else ()), " for name, value in inside)
            + "}",
            "    readings = tuple([r for r in _readings if r.id in deciding])",
            f"    return _Skeleton(outcome=_NOT_APPLICABLE, scope={outside}, readings=readings)",
        ]
    else:
        body.append(f"    return _Skeleton(outcome=_NOT_APPLICABLE, scope={outside})")
    body.append("reasons = (" + "".join(f"{r}, " for r in reasons) + ")")
    outcome, attached = _outcome_source(writer, policy.rules, policy.duties)
    body.append(f"outcome = {outcome}")
    obliged = attached("_o", "outcome")
    if not policy.variants:
        body.append(f"return _Skeleton(outcome=outcome, reasons=reasons, obligations={obliged})")
    else:
        body.append(f"attached = {attached('_sign', 'outcome')}")
        body += _readings_source(policy, writer, names)
        body.append(
            f"return _Skeleton(outcome=outcome, reasons=reasons, obligations={obliged}, "
            "readings=readings)"
        )
    unpack = "".join(f"{leaf_names[lf]}, " for lf in leaves)
    return [
        "def explain(values):",
        f"    ({unpack}) = values" if leaves else "    pass",
        *(f"    {line}" for line in writer.assignments),
        *(f"    {line}" for line in body),
    ]


def _outcome_source(
    writer: ExplanationWriter, rules: tuple[Rule, ...], duties: tuple[Duty, ...]
) -> tuple[str, Callable[[str, str], str]]:
    """Expressions for the outcome of ``rules`` (``outcome``) and for the duties it attaches.

    The second, given the prefix of the names of the duties' constants and the name of the
    outcome, is the tuple of those it attaches: each whose outcomes hold it and whose
    condition holds.
    """
    forbid = " or ".join(writer.value(r.when) for r in rules if r.effect is Effect.FORBID)
    permit = " or ".join(writer.value(r.when) for r in rules if r.effect is Effect.PERMIT)
    outcome = f"_FORBIDDEN if {forbid or 'False'} else _PERMITTED if {permit or 'False'}"
    outcome += " else _NOT_PERMITTED"

    def attached(prefix: str, outcome: str) -> str:
        items = []
        for i, duty in enumerate(duties):
            condition = writer.value(duty.when)
            if not duty.outcomes >= _IN_SCOPE:  # else every outcome here (in scope) attaches it
                # tested by identity: an Enum hashes in Python, slowly
                held = " or ".join(f"{outcome} is _{o.name}" for o in duty.outcomes)
                condition = f"({held}) and {condition}"
            items.append(f"*(({prefix}{i},) if {condition} else ()), ")
        return "(" + "".join(items) + ")"

    return outcome, attached


def _readings_source(
    policy: Policy, writer: ExplanationWriter, names: dict[str, object]
) -> list[str]:
    """Statements setting ``readings``: those whose other choice changes outcome or duties.

    As :meth:`Policy._deciding_readings`: each variant's rules give an outcome, which
    attaches the variant's duties; a reading decides if any of its variants gives another
    outcome, or other duties (by id and deadline), than the policy as read.
    """
    # one object for equal signatures: tuples of them then compare by identity, fast
    signatures = {names[f"_sign{i}"]: names[f"_sign{i}"] for i in range(len(policy.duties))}
    lines = ["deciding = set()"]
    for k, variant in enumerate(policy.variants):
        for i, duty in enumerate(variant.duties):
            sign = (duty.id, duty.deadline)
            names[f"_v{k}_sign{i}"] = signatures.setdefault(sign, sign)
        names[f"_v{k}_reading"] = variant.reading
        other, attached = _outcome_source(writer, variant.rules, variant.duties)
        if variant.scope == policy.scope:
            lines += [
                f"other = {other}",
                f"if other is not outcome or {attached(f'_v{k}_sign', 'other')} != attached:",
                f"    deciding.add(_v{k}_reading)",
            ]
        else:  # outside the variant's scope, the request would not be governed
            lines += [
                f"if not {writer.value(variant.scope)}:",
                f"    deciding.add(_v{k}_reading)",
                "else:",
                f"    other = {other}",
                f"    if other is not outcome or {attached(f'_v{k}_sign', 'other')} != attached:",
                f"        deciding.add(_v{k}_reading)",
            ]
    names["_readings"] = policy.readings
    return [*lines, "readings = tuple([r for r in _readings if r.id in deciding])"]


def _entry_bytes(policy: Policy, leaves: int) -> int:
    """An upper bound on the bytes one cached explanation takes, measured on this Python.

    The key (the leaves' values), the skeleton, its reasons and their conditions (each
    at most one per node of the rule's tree), the obligations attached and the
    dictionary's slot. Conditions, rules and duties are shared constants, not counted.
    """
    reason = Reason(**_reason_fields(policy.rules[0]), applies=True) if policy.rules else None
    return (
        _DICT_ENTRY_BYTES
        + _tuple_bytes(leaves)
        + sys.getsizeof(_Skeleton(outcome=Outcome.PERMITTED))
        + _tuple_bytes(len(policy.rules))
        + len(policy.rules) * (sys.getsizeof(reason) if reason else 0)
        + sum(_tuple_bytes(_size(r.when)) for r in policy.rules)
        + _tuple_bytes(_size(policy.scope))
        + _tuple_bytes(len(policy.duties))
        + _tuple_bytes(len(policy.readings))
    )


def _tuple_bytes(items: int) -> int:
    return sys.getsizeof((None,) * items)


def _operands(predicate: Predicate) -> tuple[Predicate, ...]:
    if isinstance(predicate, All | Any):
        return predicate.operands
    if isinstance(predicate, Not):
        return (predicate.operand,)
    return ()


def _size(predicate: Predicate) -> int:
    """How many nodes a predicate's tree has."""
    return 1 + sum(_size(op) for op in _operands(predicate))
