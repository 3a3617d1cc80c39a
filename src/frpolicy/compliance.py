r"""Compliance: what a search log and its case timelines show about obedience to the law.

A decision says what the law allowed *before* a search; compliance asks what happened
*after*. For each :class:`~frpolicy.model.SearchRecord` of a log, :func:`check_search`

1. builds the search's :func:`timeline` of events (:class:`~frpolicy.model.Event`): the request,
   the search, its documentation and report, the emergency's sworn statement, and, from the
   :class:`~frpolicy.model.CaseRecord` objects of the people it identified, their arraignment,
   pretrial conference, trial and the notices served on them;
2. evaluates the request under a :class:`~frpolicy.jurisdictions.Version` of the law;
3. checks every obligation of the decision against the timeline, as it stands at an
   explicit time ``as_of`` (there is no hidden clock).

Two kinds of :class:`Violation` follow. A search that was performed although the law did
not permit it (``NOT_PERMITTED`` or ``FORBIDDEN``) is itself a violation, citing the
provisions that decided. An obligation whose deadline passed unmet, or that was met late,
is a violation citing the duty. Obligations owed to a defendant (anchored to an arraignment,
a pretrial conference or a trial, or met by a notice) engage only when a case exists for the
search: with no case there is no defendant to notify, and they are reported as
:attr:`ObligationState.NOT_ENGAGED`, never as violated. So are the obligations of a search
that was asked for but never performed, unless they are owed for the request itself (a
record of every request: see :class:`~frpolicy.policy.Duty`). A defendant's
obligations are checked once per case. Obligations attach to refused requests too where
the law says so: a search performed without authority and never documented is two
violations.

An :class:`Audit` accumulates findings as a log streams past: it keeps counters and the
violations, never the decisions; with a limit it keeps only so many violations, counting
the rest, so its memory does not grow with the log. A :class:`Comparison` does the same
for two versions of the law: which requests change outcome, and the provisions responsible.

>>> import frpolicy
>>> from frpolicy.compliance import Audit
>>> audit = Audit(violation_limit=10)
>>> audit.lines_read, audit.violation_count
(0, 0)
"""

from __future__ import annotations

import contextlib
import enum
import functools
import heapq
import json
import operator
import os
import re
import sqlite3
import tempfile
import typing
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TypeVar

import attrs

from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.model import (
    Authority,
    CaseRecord,
    CourtKind,
    Disclosure,
    Event,
    EventKind,
    SearchRecord,
    SearchRequest,
    _by_identity,
)
from frpolicy.policy import (
    Decision,
    Effect,
    Obligation,
    ObligationCheck,
    ObligationStatus,
    Outcome,
    Reason,
    _before_it_arose,
)
from frpolicy.predicates import All, Leaf, Not, Predicate, Verdict, evaluation_time

T = TypeVar("T")

__all__ = [
    "CASE_EVENTS",
    "LAW_IN_FORCE",
    "NO_EVENT",
    "Audit",
    "AuditPart",
    "AuditResult",
    "Change",
    "Comparison",
    "InputProblem",
    "LogAudit",
    "ObligationFinding",
    "ObligationState",
    "SearchFinding",
    "Violation",
    "ViolationKind",
    "audit_log",
    "case_timeline",
    "check_search",
    "engages_case",
    "index_cases",
    "latest_event",
    "timeline",
    "version_for",
]

CASE_EVENTS = frozenset(
    {
        EventKind.FIRST_APPEARANCE,
        EventKind.ARRAIGNMENT,
        EventKind.PRETRIAL_CONFERENCE,
        EventKind.TRIAL,
        EventKind.RESULT_RELIED_ON,
        EventKind.PHOTO_LINEUP,
        EventKind.ARREST,
    }
)
"""Events of a case against a person: obligations anchored to them need a case.

Reliance on a result for probable cause or an identification is one: it is recorded in the
case of the person identified (``CaseRecord.relied_on_at``); so are a photo lineup with
that person in it and their arrest.
"""


@_by_identity
class ObligationState(enum.Enum):
    """Where an obligation of a search stands: as :class:`ObligationStatus`, or not engaged."""

    MET = "met"
    PENDING = "pending"
    VIOLATED = "violated"
    NOT_ENGAGED = "not_engaged"
    """The obligation does not arise: no case exists for the search, or no search was run."""


@_by_identity
class ViolationKind(enum.Enum):
    """What a violation is."""

    UNAUTHORIZED_SEARCH = "unauthorized_search"
    """A search was performed that the law did not permit."""
    OBLIGATION = "obligation"
    """An obligation of a permitted search was not met in time."""

    @property
    def label(self) -> str:
        """The kind as a report names it, ``unauthorized search`` or ``obligation not met``."""
        return "obligation not met" if self is ViolationKind.OBLIGATION else "unauthorized search"


_AT = operator.attrgetter("at")


# -- timelines ------------------------------------------------------------------------------


def timeline(record: SearchRecord) -> tuple[Event, ...]:
    """The events of a search itself, from its log record, in order of time.

    A log that says a person reviewed the candidates (``human_review``) records that review
    as part of the search, at the time it was performed. The request's authorization, if any,
    was requested, and perhaps refused, by the authority it names; the system's registration
    is an event of the search too.
    """
    request = record.request
    events = [Event(kind=EventKind.REQUEST_SUBMITTED, at=request.submitted_at)]
    reviewed = request.performed_at if record.human_review else None
    for kind, at in (
        (EventKind.SEARCH_PERFORMED, request.performed_at),
        (EventKind.RESULT_REVIEWED, reviewed),
        (EventKind.SEARCH_DOCUMENTED, record.documented_at),
        (EventKind.SEARCH_REPORTED, record.reported_at),
        (EventKind.USE_STOPPED, record.stopped_at),
        (EventKind.DATA_DELETED, record.deleted_at),
        (EventKind.USE_NOTIFIED, record.notified_at),
        (EventKind.SYSTEM_REGISTERED, request.technology.registered_at),
    ):
        if at is not None:
            events.append(Event(kind=kind, at=at))
    statement = request.emergency.sworn_statement if request.emergency else None
    if statement is not None:
        events.append(
            Event(
                kind=EventKind.SWORN_STATEMENT_FILED,
                at=statement.filed_at,
                court=statement.court,
                supervisory=statement.supervisory,
            )
        )
    events.extend(_authorization_events(request))
    return tuple(sorted(events, key=_AT))


def _authorization_events(request: SearchRequest) -> list[Event]:
    """The authorization's request and, when it was decided and not granted, its refusal."""
    asked = request.authorization
    if asked is None:
        return []
    events = [
        Event(
            kind=EventKind.AUTHORIZATION_REQUESTED, at=asked.requested_at, authority=asked.authority
        )
    ]
    if asked.decided_at is not None and not asked.granted:
        events.append(
            Event(
                kind=EventKind.AUTHORIZATION_REFUSED, at=asked.decided_at, authority=asked.authority
            )
        )
    return events


def case_timeline(case: CaseRecord) -> tuple[Event, ...]:
    """The events of a defendant's case, in order.

    Its court dates, the notices served, when the search's result was relied on and
    corroborated, and when the defendant was shown in a photo lineup and arrested. The first
    appearance is the earlier of the one recorded and the arraignment, itself an appearance: a
    case that records only its arraignment has its first appearance then.
    """
    appearances = [at for at in (case.first_appearance_at, case.arraignment_at) if at is not None]
    events = [
        Event(kind=kind, at=at)
        for kind, at in (
            (EventKind.FIRST_APPEARANCE, min(appearances, default=None)),
            (EventKind.ARRAIGNMENT, case.arraignment_at),
            (EventKind.PRETRIAL_CONFERENCE, case.pretrial_conference_at),
            (EventKind.TRIAL, case.trial_at),
            (EventKind.RESULT_RELIED_ON, case.relied_on_at),
            (EventKind.RESULT_CORROBORATED, case.corroborated_at),
            (EventKind.PHOTO_LINEUP, case.lineup_at),
            (EventKind.ARREST, case.arrested_at),
        )
        if at is not None
    ]
    events.extend(
        Event(kind=EventKind.NOTICE_SERVED, at=n.served_at, disclosures=n.disclosures)
        for n in case.notices
    )
    return tuple(sorted(events, key=_AT))


def latest_event(record: SearchRecord | CaseRecord) -> datetime | None:
    """The time of the latest event of a search record or a case record (``None``: none)."""
    events = timeline(record) if isinstance(record, SearchRecord) else case_timeline(record)
    return max((e.at for e in events), default=None)


def index_cases(cases: Iterable[CaseRecord]) -> dict[str, tuple[CaseRecord, ...]]:
    """The cases by the id of the search that identified their defendant."""
    index: dict[str, list[CaseRecord]] = {}
    for case in cases:
        index.setdefault(case.search_id, []).append(case)
    return {search: tuple(found) for search, found in index.items()}


def engages_case(obligation: Obligation) -> bool:
    """Whether an obligation is owed in a defendant's case (so needs a case to arise)."""
    anchored = obligation.deadline is not None and obligation.deadline.anchor in CASE_EVENTS
    return anchored or obligation.fulfilled_by is EventKind.NOTICE_SERVED


# -- findings -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ObligationFinding:
    """One obligation of a search, checked (in one case, when it is owed in a case)."""

    request_id: str
    obligation: Obligation
    state: ObligationState
    case_id: str | None = None
    check: ObligationCheck | None = None

    def describe(self) -> str:
        """What happened, in a sentence."""
        if self.check is None:
            return f"{self.obligation.action}: not engaged"
        return self.check.describe()


@attrs.frozen(kw_only=True)
class Violation:
    """A breach found in the log: an unauthorized search or an obligation not met in time.

    ``provisions`` are the rule or duty ids, ``citations`` their citations as lawyers write
    them, and ``missing`` says what was missing in a few words (for an unauthorized search,
    per failed permission, the closest first). ``agency`` and ``performing_agency`` are the
    ids of the agency that asked for the search and of the one that ran it;
    ``submitted_at`` is when it was asked for and ``searched_at`` when it ran (``None``:
    never), in the jurisdiction's time zone. An obligation's violation also says when it
    was ``due`` and when it was ``fulfilled_at``, if ever.
    """

    request_id: str
    kind: ViolationKind
    provisions: tuple[str, ...]
    citations: tuple[str, ...]
    missing: str
    instrument: str
    agency: str
    performing_agency: str
    submitted_at: datetime
    searched_at: datetime | None
    case_id: str | None = None
    line: int | None = None
    due: datetime | None = None
    fulfilled_at: datetime | None = None


@attrs.frozen(kw_only=True)
class SearchFinding:
    """Everything the audit learned about one search record (``line``: its line in the log)."""

    request: SearchRequest
    decision: Decision
    performed: bool
    obligations: tuple[ObligationFinding, ...] = ()
    violations: tuple[Violation, ...] = ()
    line: int | None = None

    @property
    def request_id(self) -> str:
        """The id of the request."""
        return self.request.id


# -- what was missing, in a few words ---------------------------------------------------------

_ABSENT = {"offense": "no offense named", "requesting_officer": "no requesting officer named"}
"""How a missing optional field of a request is said, where ``no`` and its name do not do."""


_GLOSS = re.compile(r"\s*\([^()]*\)|: .*$")


@functools.lru_cache(maxsize=4096)  # a policy has few descriptions
def _unglossed(description: str) -> str:
    """A condition without its gloss: no parentheses, nothing after a colon."""
    return _GLOSS.sub("", description)


@functools.lru_cache(maxsize=4096)  # a policy has few descriptions
def _brief(description: str) -> str:
    """A condition in few words: ``the search is performed by X`` is ``performed by X``."""
    description = _unglossed(description)
    for subject in ("the search is ", "the search was "):
        if description.startswith(subject):
            return description.removeprefix(subject)
    return description


@functools.lru_cache(maxsize=4096)  # a policy has few descriptions
def _negated(description: str) -> str:
    """A condition that failed, said as what is missing: ``not performed by the State Police``."""
    full = _unglossed(description)
    short = _brief(description)
    if short != full:  # "the search is performed by X" -> "not performed by X"
        return f"not {short}"
    for article in ("a ", "an "):
        if short.startswith(article):
            return "no " + short.removeprefix(article)
    for verb in (" is ", " was "):
        if verb in short:
            return short.replace(verb, f"{verb}not ", 1)
    return f"not: {short}"


_OPTIONAL = tuple(f.name for f in attrs.fields(SearchRequest) if f.default is None)
"""The parts a request may lack (a warrant, an offense...), in the order the model lists them."""


@functools.cache
def _optional_parts(leaf: Leaf) -> tuple[str, ...]:
    """The parts a request may lack that a leaf reads."""
    tops = {path.split(".", 1)[0] for path in leaf.read_paths}
    return tuple(name for name in _OPTIONAL if name in tops)


def _absent(leaf: Leaf, request: SearchRequest) -> str | None:
    """``no warrant`` when the leaf reads a part of the request that it does not have."""
    for name in _optional_parts(leaf):
        if getattr(request, name) is None:
            return _ABSENT.get(name, "no " + name.replace("_", " "))
    return None


def _common_start(phrases: Sequence[str]) -> str:
    """The words every phrase starts with (two words at least), or ``""``."""
    words = [p.split(" ") for p in phrases]
    common: list[str] = []
    for column in zip(*words, strict=False):
        if len(set(column)) != 1:
            break
        common.append(column[0])
    return " ".join(common) + " " if len(common) >= 2 else ""  # noqa: PLR2004 - "not performed"


def _alternatives(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _said(predicate: Predicate, *, held: bool) -> str:
    """A condition in a few words: as it held (and should not have), or as it failed.

    A failed compound is said part by part, as De Morgan reads it: ``not A or not B``.
    """
    if isinstance(predicate, Leaf):
        return _brief(predicate.description) if held else _negated(predicate.description)
    if isinstance(predicate, Not):
        return _said(predicate.operand, held=not held)
    joiner = " and " if isinstance(predicate, All) == held else " or "
    return joiner.join(_said(p, held=held) for p in getattr(predicate, "operands", ()))


def _unmet(verdict: Verdict, request: SearchRequest) -> tuple[list[str], int]:
    """What made a false verdict false, in a few words each, and how many things it lacks.

    The count is how many conditions would have to change (a missing warrant is one,
    whatever number of conditions read it), so permissions can be ordered closest first.
    """
    node = verdict.predicate
    if isinstance(node, Leaf):
        return [_absent(node, request) or _negated(node.description)], 1
    if isinstance(node, Not):  # the operand held, and should not have
        return [_said(node.operand, held=True)], 1
    if isinstance(node, All):
        phrases: list[str] = []
        distance = 0
        for child in verdict.children:
            if child.value is False:
                said, lacks = _unmet(child, request)
                new = [p for p in said if p not in phrases]
                phrases += new
                distance += lacks if new else 0
        return phrases, distance
    # every alternative failed: one phrase each when each lacks one thing, else the
    # closest alternative's (the one that lacks least)
    options = [_unmet(c, request) for c in verdict.children]
    closest = min(options, key=lambda o: o[1])
    if not all(len(said) == 1 for said, _ in options):
        return closest
    single = list(dict.fromkeys(said[0] for said, _ in options))
    start = "no " if all(p.startswith("no ") for p in single) else _common_start(single)
    if start:
        return [start + _alternatives([p.removeprefix(start) for p in single])], closest[1]
    return single, closest[1]


_OPTIONAL_PARTS = operator.attrgetter(*_OPTIONAL)
_IS_NONE = functools.partial(operator.is_, None)

_SAID: dict[tuple[int, tuple[bool, ...]], tuple[object, tuple[tuple[str, ...], str]]] = {}
"""What :func:`_missing` said, by decision skeleton and missing parts (bounded, see below)."""
_SAID_LIMIT = 4096


def _missing(
    decision: Decision, version: Version, request: SearchRequest
) -> tuple[tuple[str, ...], str]:
    """What an unauthorized search failed, said once for each way of failing.

    Decisions on requests whose conditions all have the same values share one tuple of
    reasons (the policy keeps one per combination), so what was missing is the same for
    every request with those reasons and the same parts missing: it is kept, with the
    reasons it was said for, and used again only for that very tuple.
    """
    key = (id(decision.reasons), tuple(map(_IS_NONE, _OPTIONAL_PARTS(request))))
    kept = _SAID.get(key)
    if kept is not None and kept[0] is decision.reasons:
        return kept[1]
    said = _say_missing(decision, version, request)
    if len(_SAID) >= _SAID_LIMIT:
        _SAID.clear()
    _SAID[key] = (decision.reasons, said)
    return said


def _say_missing(
    decision: Decision, version: Version, request: SearchRequest
) -> tuple[tuple[str, ...], str]:
    """What an unauthorized search failed: the provisions, closest first, and in words.

    For a search not permitted, the permissions that failed, the closest first (the one
    that lacks fewest conditions), each with what it lacked in a few words; for a search
    forbidden, the prohibitions that applied and why.
    """
    deciding = tuple(dict.fromkeys(r.rule for r in decision.determining))
    if decision.outcome is Outcome.FORBIDDEN:
        return deciding, "; ".join(
            f"{r.rule}: forbidden, "
            + ", ".join(
                _brief(c.description) if c.held else _negated(c.description) for c in r.conditions
            )
            for r in decision.determining
        )
    if decision.errors:
        return deciding, "a rule could not be evaluated: " + "; ".join(decision.errors)
    failed = [
        (rule.id, *_unmet(rule.when.explain(request, decision.at), request))
        for rule in version.policy.rules
        if rule.effect is Effect.PERMIT
    ]
    if not failed:
        return deciding, "no provision authorizes this search"
    failed.sort(key=lambda item: item[2])  # stable: the law's order among equals
    return (
        tuple(rule for rule, _, _ in failed),
        "; ".join(f"{rule}: {', '.join(phrases)}" for rule, phrases, _ in failed),
    )


def _local(moment: datetime | None, zone: tzinfo) -> datetime | None:
    return None if moment is None else moment.astimezone(zone)


def check_search(
    record: SearchRecord,
    cases: Sequence[CaseRecord],
    version: Version,
    as_of: datetime,
    *,
    line: int | None = None,
) -> SearchFinding:
    """Evaluate a search record under ``version`` and check what it obliges, at ``as_of``.

    ``cases`` are the cases of the people the search identified (none if nobody was
    charged); ``line`` is the record's line in its log, carried into violations.

    Raises:
        ValueError: ``as_of`` is a naive datetime.
    """
    evaluation_time(record.request, as_of)  # refuses a naive as_of, as every clock here
    request = record.request
    decision = version.evaluate(request)
    performed = request.performed_at is not None
    violations: list[Violation] = []
    zone = version.policy.calendar.zone
    searched_at = _local(request.performed_at, zone)
    if performed and decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}:
        provisions, missing = _missing(decision, version, request)
        violations.append(
            Violation(
                request_id=request.id,
                kind=ViolationKind.UNAUTHORIZED_SEARCH,
                provisions=provisions,
                citations=tuple(dict.fromkeys(str(r.citation) for r in decision.determining)),
                missing=missing,
                instrument=decision.instrument,
                agency=request.requesting_agency.id,
                performing_agency=request.performing_agency.id,
                submitted_at=request.submitted_at.astimezone(zone),
                searched_at=searched_at,
                line=line,
            )
        )
    findings: list[ObligationFinding] = []
    if decision.obligations:
        events = timeline(record)
        for obligation in decision.obligations:
            findings.extend(_check(request.id, obligation, events, cases, as_of))
    violations.extend(
        _breach(
            finding.check.obligation,
            finding.check.due,
            finding.check.fulfilled_at,
            early=finding.check.early,
            request=request,
            instrument=decision.instrument,
            case_id=finding.case_id,
            zone=zone,
            line=line,
        )
        for finding in findings
        if finding.state is ObligationState.VIOLATED and finding.check is not None
    )
    return SearchFinding(
        request=request,
        decision=decision,
        performed=performed,
        obligations=tuple(findings),
        violations=tuple(violations),
        line=line,
    )


def _breach(  # noqa: PLR0913 - a violation's parts, each from where it is known
    o: Obligation,
    due: datetime | None,
    fulfilled_at: datetime | None,
    *,
    early: datetime | None = None,
    request: SearchRequest,
    instrument: str,
    case_id: str | None,
    zone: tzinfo,
    line: int | None,
) -> Violation:
    """The violation of an obligation checked and found violated (or pending, if listed)."""
    return Violation(
        request_id=request.id,
        kind=ViolationKind.OBLIGATION,
        provisions=(o.duty,),
        citations=(str(o.citation),),
        missing=f"{o.duty}: {o.party}: {o.action}: "
        + ("done late" if fulfilled_at else "not done")
        + _before_it_arose(early, o.calendar),
        case_id=case_id,
        due=_local(due, zone),
        fulfilled_at=_local(fulfilled_at, zone),
        instrument=instrument,
        agency=request.requesting_agency.id,
        performing_agency=request.performing_agency.id,
        submitted_at=request.submitted_at.astimezone(zone),
        searched_at=_local(request.performed_at, zone),
        line=line,
    )


def _check(
    request_id: str,
    obligation: Obligation,
    events: tuple[Event, ...],
    cases: Sequence[CaseRecord],
    as_of: datetime,
) -> Iterator[ObligationFinding]:
    for case_id, owed in _engagements(obligation, events, cases):
        if owed is None:
            yield ObligationFinding(
                request_id=request_id, obligation=obligation, state=ObligationState.NOT_ENGAGED
            )
            continue
        check = obligation.check(owed, as_of)
        yield ObligationFinding(
            request_id=request_id,
            obligation=obligation,
            state=ObligationState(check.status.value),
            case_id=case_id,
            check=check,
        )


def _engagements(
    obligation: Obligation, events: tuple[Event, ...], cases: Sequence[CaseRecord]
) -> Iterator[tuple[str | None, tuple[Event, ...] | None]]:
    """Where an obligation is owed, with the events it is checked against (None: nowhere).

    Nothing is owed before the event it arises on (the search, or the request itself),
    nor in a case that does not exist; an obligation owed in a defendant's case is owed
    once in each.
    """
    arises_on = obligation.arises_on
    if all(e.kind is not arises_on for e in events):
        yield None, None
    elif not engages_case(obligation):
        yield None, events
    elif not cases:
        yield None, None
    else:
        for case in cases:
            yield case.id, events + case_timeline(case)


_Happening = tuple[datetime, CourtKind | None, bool, frozenset[Disclosure], Authority | None]
"""What an obligation reads of an event: when, the court, whether supervisory, disclosures,
and the authority an authorization was asked of."""
_Events = Mapping[EventKind, Sequence[_Happening]]
"""Events by kind: what :func:`timeline` or :func:`case_timeline` holds, as an audit reads it."""

_NOTHING: frozenset[Disclosure] = frozenset()
_NO_EVENTS: _Events = {}
_DUE_AT_DECISION = frozenset({EventKind.SEARCH_PERFORMED, EventKind.REQUEST_SUBMITTED})
"""Anchors the decision reads from the request itself: its obligations hold their due time."""


def _own_events(record: SearchRecord) -> dict[EventKind, list[_Happening]]:
    """The events of :func:`timeline`, by kind, without building an :class:`Event` each."""
    request = record.request
    found: dict[EventKind, list[_Happening]] = {
        EventKind.REQUEST_SUBMITTED: [(request.submitted_at, None, False, _NOTHING, None)]
    }
    performed = request.performed_at
    reviewed = performed if record.human_review else None
    for kind, at in (
        (EventKind.SEARCH_PERFORMED, performed),
        (EventKind.RESULT_REVIEWED, reviewed),
        (EventKind.SEARCH_DOCUMENTED, record.documented_at),
        (EventKind.SEARCH_REPORTED, record.reported_at),
        (EventKind.USE_STOPPED, record.stopped_at),
        (EventKind.DATA_DELETED, record.deleted_at),
        (EventKind.USE_NOTIFIED, record.notified_at),
        (EventKind.SYSTEM_REGISTERED, request.technology.registered_at),
    ):
        if at is not None:
            found[kind] = [(at, None, False, _NOTHING, None)]
    statement = request.emergency.sworn_statement if request.emergency else None
    if statement is not None:
        found[EventKind.SWORN_STATEMENT_FILED] = [
            (statement.filed_at, statement.court, statement.supervisory, _NOTHING, None)
        ]
    asked = request.authorization
    if asked is not None:
        found[EventKind.AUTHORIZATION_REQUESTED] = [
            (asked.requested_at, None, False, _NOTHING, asked.authority)
        ]
        if asked.decided_at is not None and not asked.granted:
            found[EventKind.AUTHORIZATION_REFUSED] = [
                (asked.decided_at, None, False, _NOTHING, asked.authority)
            ]
    return found


def _case_events(case: CaseRecord) -> dict[EventKind, list[_Happening]]:
    """The events of :func:`case_timeline`, by kind, without building an :class:`Event` each."""
    found: dict[EventKind, list[_Happening]] = {}
    appearances = [at for at in (case.first_appearance_at, case.arraignment_at) if at is not None]
    for kind, at in (
        (EventKind.FIRST_APPEARANCE, min(appearances, default=None)),
        (EventKind.ARRAIGNMENT, case.arraignment_at),
        (EventKind.PRETRIAL_CONFERENCE, case.pretrial_conference_at),
        (EventKind.TRIAL, case.trial_at),
        (EventKind.RESULT_RELIED_ON, case.relied_on_at),
        (EventKind.RESULT_CORROBORATED, case.corroborated_at),
        (EventKind.PHOTO_LINEUP, case.lineup_at),
        (EventKind.ARREST, case.arrested_at),
    ):
        if at is not None:
            found[kind] = [(at, None, False, _NOTHING, None)]
    if case.notices:
        found[EventKind.NOTICE_SERVED] = [
            (n.served_at, None, False, n.disclosures, None) for n in case.notices
        ]
    return found


_Checked = tuple[ObligationStatus, datetime | None, datetime | None, datetime | None]
"""What a check finds: the status, the due time, when it was met, and an event too early."""


def _checked(obligation: Obligation, own: _Events, case: _Events, at: datetime) -> _Checked:
    """What :meth:`Obligation.check` finds against ``own`` and ``case`` events.

    The status, the due time, when the obligation was met, and the first event that would
    have met it but came before the obligation arose (which is not its fulfilment). The
    kinds of a search's own events and of a case's are apart, so each kind is looked up in
    one of them; the due time of an obligation anchored on the search or the request is the
    one its decision holds, computed from the same moment.
    """
    due = obligation.due
    deadline = obligation.deadline
    if deadline is not None and deadline.anchor not in _DUE_AT_DECISION:
        anchors = own.get(deadline.anchor) or case.get(deadline.anchor)
        if anchors:
            due = deadline.due(min(a[0] for a in anchors), obligation.calendar)
    arising = own.get(obligation.arises_on) or case.get(obligation.arises_on)
    arose = min(a[0] for a in arising) if arising else None
    done = early = None
    court, supervisory = obligation.court, obligation.supervisory
    disclosures, kind = obligation.disclosures, obligation.fulfilled_by
    authorities = obligation.authorities
    for moment, held_in, by_supervisor, disclosed, asked_of in own.get(kind) or case.get(kind, ()):
        if not (
            (court is None or held_in is court)
            and (by_supervisor or not supervisory)
            and disclosures <= disclosed
            and (not authorities or asked_of in authorities)
        ):
            continue
        if arose is not None and moment < arose:  # before the duty arose: not its fulfilment
            if early is None or moment < early:
                early = moment
        elif done is None or moment < done:
            done = moment
    if done is not None and (due is None or done <= due):
        return ObligationStatus.MET, due, done, early
    if done is not None or (due is not None and at > due):
        return ObligationStatus.VIOLATED, due, done, early
    return ObligationStatus.PENDING, due, done, early


def version_for(jurisdiction: Jurisdiction, record: SearchRecord) -> Version:
    """The version of the law in force when the record's search was performed (or asked).

    The day is taken in the jurisdiction's own time zone. On a day no encoded law was in
    force, the version that governs nothing: the search is ``NOT_APPLICABLE``
    (:meth:`~frpolicy.jurisdictions.Jurisdiction.law_at`).
    """
    return jurisdiction.law_at(evaluation_time(record.request, None))


# -- accumulators ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class InputProblem:
    """A line of input that could not be read: its number and what was wrong, by field path."""

    line: int
    errors: tuple[str, ...]

    def describe(self) -> str:
        """``line 17: $.warrant.expires_at: naive datetime, give a timezone``."""
        return "; ".join(f"line {self.line}: {e}" for e in self.errors)


def _bounded_append(items: list[T], item: T, limit: int | None) -> None:
    if limit is None or len(items) < limit:
        items.append(item)


@attrs.frozen
class _Summary:
    """What an audit reads from a decision's reasons, the same for every request they explain.

    ``deciding`` are the rules that decided, ``citations`` theirs by rule, and ``cited``
    the citations of a violation, should the search have been unauthorized.
    """

    deciding: tuple[str, ...]
    citations: tuple[tuple[str, str], ...]
    cited: tuple[str, ...]


def _summarize(decision: Decision) -> _Summary:
    determining = decision.determining
    citations = {r.rule: str(r.citation) for r in reversed(determining)}  # the first wins
    return _Summary(
        deciding=tuple(dict.fromkeys(r.rule for r in determining)),
        citations=tuple(citations.items()),
        cited=tuple(dict.fromkeys(str(r.citation) for r in determining)),
    )


_SUMMARIES_KEPT = 4096


class _Summaries:
    """Summaries by decision explained alike: the reasons of a cached explanation are shared.

    Decisions built from one explanation hold the very same tuple of reasons, so its
    identity finds the summary; the tuple itself is kept beside it, so the identity is
    never reused while the summary is. Decisions with errors, or without reasons, are
    summarized afresh.
    """

    def __init__(self) -> None:
        self._found: dict[int, tuple[tuple[Reason, ...], _Summary]] = {}

    def of(self, decision: Decision) -> _Summary:
        reasons = decision.reasons
        if not reasons or decision.errors:
            return _summarize(decision)
        found = self._found.get(id(reasons))
        if found is not None and found[0] is reasons:
            return found[1]
        summary = _summarize(decision)
        if len(self._found) >= _SUMMARIES_KEPT:
            self._found.clear()
        self._found[id(reasons)] = (reasons, summary)
        return summary


_IDS_KEPT = 16_384
"""How many request ids an audit keeps in memory to find repeats; the rest go to disk."""


class _SeenIds:
    """The request ids an audit has seen, with the line of each one's first record.

    The latest :data:`_IDS_KEPT` are kept in a dictionary; when it is full they are written
    to a temporary SQLite file, so memory does not grow with the log by the ids it holds.
    A Bloom filter of the ids on disk (two bytes an id at most) answers most look-ups
    without reading the file: only a repeated id, or about one new id in 300, is looked
    up there. The file is deleted when the audit ends (:meth:`close`), or with the last
    reference to it. Sent to another process (the audit of a part of a log), the ids go
    with their file, which the receiver then owns.
    """

    def __init__(self) -> None:
        self._recent: dict[str, int] = {}
        self._path: str | None = None
        self._db: sqlite3.Connection | None = None
        self._owner = True
        self._on_disk = 0
        self._filter = bytearray()
        self._bits = 0

    def get(self, request_id: str) -> int | None:
        """The line of the first record with this id, or ``None``: not seen."""
        found = self._recent.get(request_id)
        if found is None and self._db is not None and self._may_hold(request_id):
            row = self._db.execute("SELECT line FROM ids WHERE id = ?", (request_id,)).fetchone()
            found = None if row is None else int(row[0])
        return found

    def first(self, request_id: str, line: int) -> int | None:
        """As :meth:`get`; an id not seen before is noted as first seen on ``line``."""
        found = self.get(request_id)
        if found is None:
            self._recent[request_id] = line
            if len(self._recent) >= _IDS_KEPT:
                self._spill()
        return found

    def items(self) -> Iterator[tuple[str, int]]:
        """Every id and its first line, in the order they were first seen."""
        if self._db is not None:
            yield from self._db.execute("SELECT id, line FROM ids ORDER BY rowid")
        yield from self._recent.items()

    def _may_hold(self, request_id: str) -> bool:
        """Whether the file may hold the id (never false when it does)."""
        hashed, bits, found = hash(request_id) & 0xFFFF_FFFF_FFFF_FFFF, self._bits, self._filter
        for at in (hashed % bits, (hashed >> 21) % bits, (hashed >> 42) % bits):
            if not found[at >> 3] >> (at & 7) & 1:
                return False
        return True

    def _mark(self, ids: Iterable[str]) -> None:
        bits, found = self._bits, self._filter
        for request_id in ids:
            hashed = hash(request_id) & 0xFFFF_FFFF_FFFF_FFFF
            for at in (hashed % bits, (hashed >> 21) % bits, (hashed >> 42) % bits):
                found[at >> 3] |= 1 << (at & 7)

    def _rebuild(self) -> None:
        """A filter of 16 to 32 bits an id on disk: about one false hit in 300 or fewer."""
        assert self._db is not None  # noqa: S101 - called once the file exists
        self._bits = max(2**23, 1 << (16 * self._on_disk).bit_length())  # a MiB at least
        self._filter = bytearray(self._bits // 8)
        self._mark(row[0] for row in self._db.execute("SELECT id FROM ids"))

    def _spill(self) -> None:
        if self._db is None:
            table = "ids (id TEXT PRIMARY KEY, line INTEGER NOT NULL)"
            self._path, self._db = _new_scratch("frpolicy-ids-", table)
        with self._db:
            self._db.executemany("INSERT INTO ids VALUES (?, ?)", self._recent.items())
        self._on_disk += len(self._recent)
        if 16 * self._on_disk > self._bits:
            self._rebuild()
        else:
            self._mark(self._recent)
        self._recent.clear()

    def close(self) -> None:
        """Forget every id, and delete the file that held them."""
        self._recent.clear()
        self._filter, self._bits, self._on_disk = bytearray(), 0, 0
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._path is not None and self._owner:
            with contextlib.suppress(OSError):
                Path(self._path).unlink()
        self._path = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at exit, or on a thread of the collector
            self.close()

    def __getstate__(self) -> dict[str, object]:
        if self._db is not None:  # all of them in the file, which the receiver owns
            self._spill()
            self._db.close()
            self._db = None
            self._owner = False
        return {"recent": self._recent, "path": self._path, "on_disk": self._on_disk}

    def __setstate__(self, state: dict[str, typing.Any]) -> None:
        self._recent, self._path, self._owner = state["recent"], state["path"], True
        self._on_disk, self._db = state["on_disk"], None
        self._filter, self._bits = bytearray(), 0
        if self._path is not None:
            self._db = _scratch(self._path)
            self._rebuild()  # str hashes differ from one process to another


def _scratch(path: str) -> sqlite3.Connection:
    """A connection to a scratch file, usable from any thread.

    The ids of an audit's part arrive on a thread of the process pool, and are read on the
    main one.
    """
    return sqlite3.connect(path, check_same_thread=False)


def _new_scratch(prefix: str, table: str) -> tuple[str, sqlite3.Connection]:
    """A new scratch file holding one empty ``table`` (its definition), and a connection."""
    handle, path = tempfile.mkstemp(prefix=prefix, suffix=".sqlite")
    os.close(handle)
    db = _scratch(path)
    # a scratch file, deleted after: nothing to recover from a crash
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"CREATE TABLE {table}")
    return path, db


_LISTED_KEPT = 2_048
"""How many listed violations an audit holds in memory; past that, all go to a scratch file."""

_LISTED_TABLE = (
    "listed (at_line INTEGER NOT NULL, arrival INTEGER NOT NULL, line INTEGER, "
    "request_id TEXT NOT NULL, kind TEXT NOT NULL, provisions TEXT NOT NULL, "
    "citations TEXT NOT NULL, missing TEXT NOT NULL, instrument TEXT NOT NULL, "
    "agency TEXT NOT NULL, performing_agency TEXT NOT NULL, submitted_at TEXT NOT NULL, "
    "searched_at TEXT, case_id TEXT, due TEXT, fulfilled_at TEXT, "
    "PRIMARY KEY (at_line, arrival)) WITHOUT ROWID"
)
"""A violation a row, under its place in the log: its line (0: none), then its arrival."""
_LISTED_FIELDS = (
    "line, request_id, kind, provisions, citations, missing, instrument, agency, "
    "performing_agency, submitted_at, searched_at, case_id, due, fulfilled_at"
)
_KINDS = {kind.value: kind for kind in ViolationKind}

_Placed = tuple[int, int, Violation]
"""A listed violation under its place in the log: its line (0: none) and its arrival."""
_Row = tuple[int | str | None, ...]
"""A listed violation as its scratch file holds it: text, numbers and nulls."""


def _moment(at: datetime | None) -> str | None:
    """A time as RFC 3339 text, its zone's name after it (RFC 9557): ``...-05:00[US/Eastern]``.

    Read back by :func:`_read_moment`, it is the same time in the same zone.
    """
    if at is None:
        return None
    zone = at.tzinfo
    key = getattr(zone, "key", None)
    return at.isoformat() if key is None else f"{at.isoformat()}[{key}]"


@functools.cache
def _zone_named(key: str) -> tzinfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - only a scratch file's rows need it

    return ZoneInfo(key)


def _read_moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    if text[-1] != "]":
        return datetime.fromisoformat(text)
    moment, _, key = text[:-1].partition("[")
    return datetime.fromisoformat(moment).astimezone(_zone_named(key))


@functools.lru_cache(maxsize=4096)  # a law has few provisions, and few lists of them
def _names(items: tuple[str, ...]) -> str:
    return json.dumps(items, ensure_ascii=False)


@functools.lru_cache(maxsize=4096)
def _read_names(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def _row(place: _Placed) -> _Row:
    at_line, arrival, v = place
    return (
        at_line,
        arrival,
        v.line,
        v.request_id,
        v.kind.value,
        _names(v.provisions),
        _names(v.citations),
        v.missing,
        v.instrument,
        v.agency,
        v.performing_agency,
        _moment(v.submitted_at),
        _moment(v.searched_at),
        v.case_id,
        _moment(v.due),
        _moment(v.fulfilled_at),
    )


def _violation_of(row: _Row) -> Violation:
    """The violation a row of a scratch file holds (its fields, in :data:`_LISTED_FIELDS`)."""
    (line, request_id, kind, provisions, citations, missing, instrument, agency, performer) = row[
        :9
    ]
    submitted = _read_moment(typing.cast("str", row[9]))
    return Violation(
        line=typing.cast("int | None", line),
        request_id=typing.cast("str", request_id),
        kind=_KINDS[typing.cast("str", kind)],
        provisions=_read_names(typing.cast("str", provisions)),
        citations=_read_names(typing.cast("str", citations)),
        missing=typing.cast("str", missing),
        instrument=typing.cast("str", instrument),
        agency=typing.cast("str", agency),
        performing_agency=typing.cast("str", performer),
        submitted_at=typing.cast("datetime", submitted),
        searched_at=_read_moment(typing.cast("str | None", row[10])),
        case_id=typing.cast("str | None", row[11]),
        due=_read_moment(typing.cast("str | None", row[12])),
        fulfilled_at=_read_moment(typing.cast("str | None", row[13])),
    )


class _Listed(Sequence[Violation]):
    """The violations an audit lists, in the order of the log, held on disk past a few thousand.

    The first :data:`_LISTED_KEPT` are kept in memory; past that, every one is written to a
    temporary SQLite file as it is found, keyed by its place in the log (its line, then the
    order it was found in), so memory does not grow with the violations of a huge log. The
    sequence reads them back in the log's order, one at a time as it is iterated. The file
    is deleted with the last reference to the sequence (a report made from the audit holds
    one); sent to another process (the audit of a part of a log), the violations go with
    their file, which the receiver then owns, as :class:`_SeenIds` hands its ids over.
    """

    def __init__(self) -> None:
        self._waiting: list[_Placed] = []
        self._path: str | None = None
        self._db: sqlite3.Connection | None = None
        self._owner = True
        self._on_disk = 0

    @property
    def on_disk(self) -> bool:
        """Whether the violations went to a scratch file (there were many)."""
        return self._path is not None

    def add(self, line: int, arrival: int, violation: Violation) -> None:
        """List a violation at its place in the log: its line (0: none) and its arrival."""
        self._waiting.append((line, arrival, violation))
        if len(self._waiting) >= _LISTED_KEPT:
            self._spill()

    def join(self, other: _Listed, lines: int, arrivals: int) -> None:
        """List the violations of the part of the log after ``lines`` lines, then close it.

        Their lines move by ``lines`` (a violation without a line keeps none) and their
        arrivals by ``arrivals``, so they follow this part's.
        """
        if other._path is None:
            for _, arrival, found in other._waiting:
                moved = _moved(found, lines)
                self.add(moved.line or 0, arrival + arrivals, moved)
            other.close()
            return
        self._spill()
        other._spill()
        db = self._connection()
        other.close_connection()
        db.execute("ATTACH DATABASE ? AS part", (other._path,))
        with db:
            db.execute(
                f"INSERT INTO listed SELECT CASE WHEN line IS NULL THEN at_line "  # noqa: S608 - our own columns
                f"ELSE at_line + ? END, arrival + ?, line + ?, {_LISTED_FIELDS.split(', ', 1)[1]} "
                "FROM part.listed",
                (lines, arrivals, lines),
            )
        db.execute("DETACH DATABASE part")
        self._on_disk += other._on_disk
        other._owner = True
        other.close()

    def __len__(self) -> int:
        """How many violations are listed."""
        return self._on_disk + len(self._waiting)

    @typing.overload
    def __getitem__(self, index: int) -> Violation: ...
    @typing.overload
    def __getitem__(self, index: slice) -> Sequence[Violation]: ...
    def __getitem__(self, index: int | slice) -> Violation | Sequence[Violation]:
        """A violation, by its place in the log's order (or a slice of them, as a list)."""
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return list(self)[index]
            return list(self._read(start, max(stop - start, 0)))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            msg = "violation index out of range"
            raise IndexError(msg)
        (found,) = self._read(index, 1)
        return found

    def __iter__(self) -> Iterator[Violation]:
        """The violations in the log's order, read one at a time."""
        return self._read(0, len(self))

    def _read(self, start: int, count: int) -> Iterator[Violation]:
        if self._path is None:
            placed = sorted(self._waiting, key=operator.itemgetter(0, 1))
            return iter([v for _, _, v in placed[start : start + count]])
        self._flush()
        rows = self._connection().execute(
            f"SELECT {_LISTED_FIELDS} FROM listed ORDER BY at_line, arrival LIMIT ? OFFSET ?",  # noqa: S608 - our own columns
            (count, start),
        )
        return map(_violation_of, rows)

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            assert self._path is not None  # noqa: S101 - called once the file exists
            self._db = _scratch(self._path)
        return self._db

    def _spill(self) -> None:
        if self._path is None:
            self._path, self._db = _new_scratch("frpolicy-violations-", _LISTED_TABLE)
        self._flush()

    def _flush(self) -> None:
        if not self._waiting:
            return
        db = self._connection()
        with db:
            db.executemany(
                "INSERT INTO listed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                map(_row, self._waiting),
            )
        self._on_disk += len(self._waiting)
        self._waiting.clear()

    def close_connection(self) -> None:
        """Let go of the file's connection (it is opened again when read)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def close(self) -> None:
        """Forget every violation, and delete the file that held them."""
        self._waiting.clear()
        self._on_disk = 0
        self.close_connection()
        if self._path is not None and self._owner:
            with contextlib.suppress(OSError):
                Path(self._path).unlink()
        self._path = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at exit, or on a thread of the collector
            self.close()

    def __getstate__(self) -> dict[str, object]:
        if self._path is not None:  # all of them in the file, which the receiver owns
            self._flush()
            self.close_connection()
            self._owner = False
        return {"waiting": self._waiting, "path": self._path, "on_disk": self._on_disk}

    def __setstate__(self, state: dict[str, typing.Any]) -> None:
        self._waiting, self._path, self._on_disk = state["waiting"], state["path"], state["on_disk"]
        self._db, self._owner = None, True


_Kept = tuple[tuple[int, int], Violation]
"""A violation kept for the report, under its key negated: (-line, -arrival)."""

_Waiting = tuple[datetime, int, str, str, str, Violation | None]
"""An obligation pending at the latest event seen so far: due, arrival, duty, agency,
month, and its violation (kept only while it could still be among those listed).

Once an event later than its due time is seen it is violated, the audit's as-of time
being no earlier; if none is, it stays pending.
"""


@attrs.define(kw_only=True)
class Audit:
    """The running totals of an audit, fed one line at a time.

    Every line read is counted once: as blank, as malformed (:meth:`add_problem`) or as a
    search record (:meth:`add`), so ``lines_read`` always equals their sum. Violations,
    input problems and repeated request ids are all kept, or, with a ``violation_limit``,
    up to that many of each, the first of the log, the rest counted only, so memory stays
    flat on any log. The request ids seen, each remembered to find repeats, are kept in
    memory up to 16,384 of them, the rest in a temporary SQLite file (with two bytes each
    at most in memory, to find them fast). Without a limit, the violations listed are held
    in memory up to 2,048 of them, and past that in a temporary SQLite file too, from which
    :attr:`violations` reads them back in the log's order. A ``problem_limit`` caps the
    input problems and repeated ids kept on its own.

    Counts are also kept by agency (the agency that asked for the search, by id; its name
    in ``agency_names``) and by month of the search, or of the request for one never
    performed (``2024-03``, in the jurisdiction's time zone). A request id seen on an
    earlier line is a ``duplicate``: an input problem naming both lines, while the record
    is still audited, so no line is lost.
    """

    violation_limit: int | None = None
    problem_limit: int | None = None
    lines_read: int = 0
    blank_lines: int = 0
    records: int = 0
    performed: int = 0
    by_outcome: Counter[Outcome] = attrs.Factory(Counter)
    by_instrument: Counter[str] = attrs.Factory(Counter)
    by_provision: Counter[tuple[str, str]] = attrs.Factory(Counter)
    by_obligation: Counter[tuple[str, ObligationState]] = attrs.Factory(Counter)
    by_agency: Counter[tuple[str, Outcome]] = attrs.Factory(Counter)
    performed_by_agency: Counter[str] = attrs.Factory(Counter)
    agency_names: dict[str, str] = attrs.Factory(dict)
    violations_by_provision: Counter[tuple[str, str]] = attrs.Factory(Counter)
    violations_by_kind: Counter[ViolationKind] = attrs.Factory(Counter)
    violations_by_agency: Counter[tuple[str, ViolationKind]] = attrs.Factory(Counter)
    violations_by_month: Counter[tuple[str, ViolationKind]] = attrs.Factory(Counter)
    citations: dict[str, str] = attrs.Factory(dict)
    violation_count: int = 0
    problems: list[InputProblem] = attrs.Factory(list)
    problem_count: int = 0
    duplicates: list[InputProblem] = attrs.Factory(list)
    duplicate_count: int = 0
    reclassified: list[InputProblem] = attrs.Factory(list)
    reclassified_count: int = 0
    _kept: list[_Kept] = attrs.field(factory=list, init=False, repr=False)
    _listed: _Listed = attrs.field(factory=_Listed, init=False, repr=False, eq=False)
    _waiting: list[_Waiting] = attrs.field(factory=list, init=False, repr=False)
    _repeated: list[tuple[str, int]] = attrs.field(factory=list, init=False, repr=False)
    _seen: _SeenIds = attrs.field(factory=_SeenIds, init=False, repr=False, eq=False)
    _arrivals: int = attrs.field(default=0, init=False, repr=False)
    _summaries: _Summaries = attrs.field(factory=_Summaries, init=False, repr=False, eq=False)

    @property
    def violations(self) -> Sequence[Violation]:
        """The violations kept, in the order of the log (the first ``violation_limit``).

        Without a limit, past a few thousand of them, they are read from a temporary file
        as the sequence is iterated (see :class:`Audit`).
        """
        if self.violation_limit is None:
            return self._listed
        return [item for _, item in sorted(self._kept, key=operator.itemgetter(0), reverse=True)]

    def add(self, finding: SearchFinding) -> None:
        """Count a search record's finding."""
        self.lines_read += 1
        self.records += 1
        self.performed += finding.performed
        decision = finding.decision
        request = finding.request
        self._count_decision(request, decision, self._summaries.of(decision), finding.performed)
        self._note_id(request.id, finding.line)
        for o in finding.obligations:
            self._count_obligation(o.obligation, o.state)
        for v in finding.violations:
            month = f"{v.searched_at or v.submitted_at:%Y-%m}"
            self._count_violation(v.kind, v.provisions[0], v.agency, month)
            self._keep(v, v.line, self._arrive())

    def _note_id(self, request_id: str, line: int | None) -> None:
        if line is None:
            return
        first = self._seen.first(request_id, line)
        if first is not None and first != line:
            self._repeat(request_id, line, first)

    def _repeat(self, request_id: str, line: int, first: int) -> None:
        self.duplicate_count += 1
        limit = self._problem_limit
        if limit is None or len(self.duplicates) < limit:
            problem = InputProblem(
                line=line, errors=(f"$.request.id: {request_id!r} is also the id of line {first}",)
            )
            self.duplicates.append(problem)
            self._repeated.append((request_id, line))

    def add_problem(self, problem: InputProblem) -> None:
        """Count a line that could not be read."""
        self.lines_read += 1
        self.problem_count += 1
        _bounded_append(self.problems, problem, self._problem_limit)

    def add_reclassified(self, problem: InputProblem) -> None:
        """Note a record whose offense comes with a class the law does not give it.

        The record is audited all the same (before or after this note), by the law's own
        class; the note is listed with the input problems.
        """
        self.reclassified_count += 1
        _bounded_append(self.reclassified, problem, self._problem_limit)

    @property
    def _problem_limit(self) -> int | None:
        return self.violation_limit if self.problem_limit is None else self.problem_limit

    def add_blank(self) -> None:
        """Count a blank line (skipped, but counted so the totals add up)."""
        self.lines_read += 1
        self.blank_lines += 1

    @property
    def omitted_violations(self) -> int:
        """How many violations were counted but not kept."""
        return self.violation_count - len(self.violations)

    @property
    def omitted_problems(self) -> int:
        """How many input problems were counted but not kept."""
        return self.problem_count - len(self.problems)

    @property
    def omitted_duplicates(self) -> int:
        """How many repeated request ids were counted but not kept."""
        return self.duplicate_count - len(self.duplicates)

    @property
    def omitted_reclassified(self) -> int:
        """How many offenses classed otherwise than the law were counted but not kept."""
        return self.reclassified_count - len(self.reclassified)

    @property
    def totals_add_up(self) -> bool:
        """Whether every line read was counted exactly once."""
        return self.lines_read == self.blank_lines + self.problem_count + self.records

    def obligation_totals(self) -> Mapping[ObligationState, int]:
        """Obligations checked, by state."""
        totals: Counter[ObligationState] = Counter()
        for (_, state), n in self.by_obligation.items():
            totals[state] += n
        return totals

    # -- counting --------------------------------------------------------------------------

    def _count_decision(
        self,
        request: SearchRequest,
        decision: Decision,
        summary: _Summary,
        performed: bool,  # noqa: FBT001 - as the finding says
    ) -> None:
        outcome, agency = decision.outcome, request.requesting_agency
        self.by_outcome[outcome] += 1
        self.by_instrument[decision.instrument] += 1
        self.by_agency[agency.id, outcome] += 1
        self.performed_by_agency[agency.id] += performed
        names = self.agency_names
        for named in (agency, request.performing_agency):
            if named.id not in names:
                names[named.id] = named.name
        for rule in summary.deciding:
            self.by_provision[rule, outcome.value] += 1
        for rule, citation in summary.citations:
            if rule not in self.citations:
                self.citations[rule] = citation

    def _count_obligation(self, obligation: Obligation, state: ObligationState) -> None:
        self.by_obligation[obligation.duty, state] += 1
        if obligation.duty not in self.citations:
            self.citations[obligation.duty] = str(obligation.citation)

    def _count_violation(
        self, kind: ViolationKind, provision: str, agency: str, month: str
    ) -> None:
        # once, under its first provision: the closest permission, the prohibition, or the
        # duty, so the counts by provision add up to the violations
        self.violation_count += 1
        self.violations_by_kind[kind] += 1
        self.violations_by_agency[agency, kind] += 1
        self.violations_by_month[month, kind] += 1
        self.violations_by_provision[provision, kind.value] += 1

    # -- keeping the first violations of the log ----------------------------------------------

    def _arrive(self) -> int:
        self._arrivals += 1
        return self._arrivals

    def _could_keep(self, line: int | None, arrival: int) -> bool:
        """Whether a violation found now would be among the first ``violation_limit``."""
        kept, limit = self._kept, self.violation_limit
        if limit is None or len(kept) < limit:
            return True
        return bool(kept) and (-(line or 0), -arrival) > kept[0][0]

    def _keep(self, item: Violation, line: int | None, arrival: int) -> None:
        """Keep a violation while it is among the first ``violation_limit`` of the log.

        The log's order is by line, then by arrival within a line, as one pass finds them;
        a violation decided later (an obligation that waited) keeps its place.
        """
        kept, limit = self._kept, self.violation_limit
        if limit is None:  # every one listed: held on disk past a few thousand
            self._listed.add(line or 0, arrival, item)
            return
        key = (-(line or 0), -arrival)
        if len(kept) < limit:
            heapq.heappush(kept, (key, item))
        elif kept and key > kept[0][0]:  # earlier in the log than the last one kept
            heapq.heapreplace(kept, (key, item))

    # -- one pass ----------------------------------------------------------------------------

    def _add_decision(  # noqa: PLR0913 - one record, judged: each part named
        self,
        record: SearchRecord,
        decision: Decision,
        version: Version,
        *,
        cases: Sequence[CaseRecord],
        line: int,
        clock: _Clock,
    ) -> None:
        """Count a record's decision and obligations, as :meth:`add` counts its finding.

        ``clock`` gives the time obligations are checked at, or, until the audit's as-of
        time is known, the latest event seen so far: an obligation whose answer depends on
        the as-of time waits.
        """
        request = record.request
        performed = request.performed_at is not None
        self.lines_read += 1
        self.records += 1
        self.performed += performed
        summary = self._summaries.of(decision)
        self._count_decision(request, decision, summary, performed)
        self._note_id(request.id, line)
        zone = version.policy.calendar.zone
        month = _month(request.performed_at or request.submitted_at, zone)
        if performed and decision.outcome in _REFUSED:
            self._add_unauthorized(
                request, decision, version=version, summary=summary, line=line, month=month
            )
        if decision.obligations:
            own = _own_events(record)
            in_cases: list[tuple[str, _Events]] | None = None
            for obligation in decision.obligations:
                # where it is owed, as _engagements says: nowhere, once, or in each case
                if obligation.arises_on not in own or (cases == () and engages_case(obligation)):
                    self._count_obligation(obligation, ObligationState.NOT_ENGAGED)
                    continue
                owed: Iterable[tuple[str | None, _Events]] = ((None, _NO_EVENTS),)
                if engages_case(obligation):
                    if in_cases is None:
                        in_cases = [(case.id, _case_events(case)) for case in cases]
                    owed = in_cases
                for case_id, case_events in owed:
                    self._add_check(
                        obligation,
                        _checked(obligation, own, case_events, clock.time()),
                        request,
                        decision=decision,
                        case_id=case_id,
                        line=line,
                        month=month,
                        clock=clock,
                    )

    def _add_unauthorized(  # noqa: PLR0913 - one violation, with where it was found
        self,
        request: SearchRequest,
        decision: Decision,
        *,
        version: Version,
        summary: _Summary,
        line: int,
        month: str,
    ) -> None:
        zone = version.policy.calendar.zone
        provisions, missing = _missing(decision, version, request)
        kind, arrival = ViolationKind.UNAUTHORIZED_SEARCH, self._arrive()
        self._count_violation(kind, provisions[0], request.requesting_agency.id, month)
        if self._could_keep(line, arrival):  # built only if it is to be listed
            violation = Violation(
                request_id=request.id,
                kind=kind,
                provisions=provisions,
                citations=summary.cited,
                missing=missing,
                instrument=decision.instrument,
                agency=request.requesting_agency.id,
                performing_agency=request.performing_agency.id,
                submitted_at=request.submitted_at.astimezone(zone),
                searched_at=_local(request.performed_at, zone),
                line=line,
            )
            self._keep(violation, line, arrival)

    def _add_check(  # noqa: PLR0913 - one check, with where it was made
        self,
        obligation: Obligation,
        checked: _Checked,
        request: SearchRequest,
        *,
        decision: Decision,
        case_id: str | None,
        line: int,
        month: str,
        clock: _Clock,
    ) -> None:
        (status, due, done, early), arrival = checked, self._arrive()
        if status is ObligationStatus.MET:
            self._count_obligation(obligation, ObligationState.MET)
            return
        violation: Violation | None = None  # built only if it is to be listed
        if self._could_keep(line, arrival):
            violation = _breach(
                obligation,
                due,
                done,
                early=early,
                request=request,
                instrument=decision.instrument,
                case_id=case_id,
                zone=obligation.calendar.zone,
                line=line,
            )
        agency = request.requesting_agency.id
        if status is ObligationStatus.VIOLATED:
            self._count_obligation(obligation, ObligationState.VIOLATED)
            self._count_violation(ViolationKind.OBLIGATION, obligation.duty, agency, month)
            if violation is not None:
                self._keep(violation, line, arrival)
        elif clock.fixed or due is None:  # pending whatever the as-of time
            self._count_obligation(obligation, ObligationState.PENDING)
        else:  # pending at the latest event so far: the as-of time decides
            if obligation.duty not in self.citations:
                self.citations[obligation.duty] = str(obligation.citation)
            waiting = (due, arrival, obligation.duty, agency, month, violation)
            heapq.heappush(self._waiting, waiting)

    def _advance(self, moment: datetime) -> None:
        """An event at ``moment`` was seen: what waited and was due before it is violated."""
        waiting = self._waiting
        while waiting and waiting[0][0] < moment:
            _, arrival, duty, agency, month, violation = heapq.heappop(waiting)
            self.by_obligation[duty, ObligationState.VIOLATED] += 1
            self._count_violation(ViolationKind.OBLIGATION, duty, agency, month)
            if violation is not None:
                self._keep(violation, violation.line, arrival)

    def _finish(self, as_of: datetime) -> None:
        """The as-of time is known: what still waits is pending."""
        self._advance(as_of)
        for _, _, duty, _, _, _ in self._waiting:
            self.by_obligation[duty, ObligationState.PENDING] += 1
        self._waiting.clear()

    def _join(self, other: Audit, lines: int) -> None:
        """Add the audit of the part of the log that follows ``lines`` lines of this one."""
        for name in ("lines_read", "blank_lines", "records", "performed", "violation_count"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in (
            "by_outcome",
            "by_instrument",
            "by_provision",
            "by_obligation",
            "by_agency",
            "performed_by_agency",
            "violations_by_provision",
            "violations_by_kind",
            "violations_by_agency",
            "violations_by_month",
        ):
            getattr(self, name).update(getattr(other, name))
        for mine, theirs in (
            (self.citations, other.citations),
            (self.agency_names, other.agency_names),
        ):
            for key, value in theirs.items():
                mine.setdefault(key, value)
        for problem in other.problems:
            numbered = attrs.evolve(problem, line=problem.line + lines)
            _bounded_append(self.problems, numbered, self._problem_limit)
        self.problem_count += other.problem_count
        for noted in other.reclassified:
            numbered = attrs.evolve(noted, line=noted.line + lines)
            _bounded_append(self.reclassified, numbered, self._problem_limit)
        self.reclassified_count += other.reclassified_count
        self._join_ids(other, lines)
        offset = self._arrivals
        self._arrivals += other._arrivals
        for (_, arrival), item in other._kept:
            moved = _moved(item, lines)
            self._keep(moved, moved.line, offset - arrival)
        if self.violation_limit is None:
            self._listed.join(other._listed, lines, offset)
        for due, arrival, duty, agency, month, waiting in other._waiting:
            later = None if waiting is None else _moved(waiting, lines)
            heapq.heappush(self._waiting, (due, offset + arrival, duty, agency, month, later))

    def _join_ids(self, other: Audit, lines: int) -> None:
        """Repeated request ids of a later part: within it, and of ids seen before it."""
        seen, theirs = self._seen, other._seen
        before = [(line, rid) for rid, line in theirs.items() if seen.get(rid) is not None]
        within = [(line, rid) for rid, line in other._repeated]
        self.duplicate_count += other.duplicate_count - len(within)  # those beyond the limit
        for line, rid in sorted(before + within):
            first = seen.get(rid)
            if first is None:  # repeated within the later part only
                first = typing.cast("int", theirs.get(rid)) + lines
            self._repeat(rid, line + lines, first)
        for rid, line in theirs.items():
            seen.first(rid, line + lines)
        theirs.close()

    def _close(self) -> None:
        """Let go of the request ids: the audit has ended."""
        self._seen.close()


_REFUSED = frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN})


def _month(moment: datetime, zone: tzinfo) -> str:
    """The month of a moment in a time zone, ``2024-03``.

    Offsets differ by little more than a day, so a moment between the 2nd and the 27th of
    a month is in that month in any zone; only the others are converted.
    """
    if 2 <= moment.day <= 27:  # noqa: PLR2004 - a day from each end of the shortest month
        return f"{moment.year:04d}-{moment.month:02d}"
    return f"{moment.astimezone(zone):%Y-%m}"


def _moved(item: Violation, lines: int) -> Violation:
    """A violation found in a part of a log, numbered as in the whole log."""
    return item if item.line is None else attrs.evolve(item, line=item.line + lines)


@attrs.frozen(kw_only=True)
class Change:
    """A request whose outcome differs between two versions, and the provisions responsible.

    ``responsible`` names the rules that made the difference: when the second version
    permits or forbids the search, its rules that did; otherwise the rules of the first
    version that no longer decide (the permission that no longer suffices).
    """

    request_id: str
    before: Outcome
    after: Outcome
    responsible: tuple[str, ...]
    line: int | None = None


def _deciding(decision: Decision) -> tuple[str, ...]:
    """The rules that decided: for a search not permitted, every permission that failed."""
    return tuple(dict.fromkeys(r.rule for r in decision.determining))


def _responsible(before: Decision, after: Decision) -> tuple[str, ...]:
    if after.outcome in {Outcome.PERMITTED, Outcome.FORBIDDEN}:
        return _deciding(after)
    return _deciding(before)


@attrs.define(kw_only=True)
class Comparison:
    """Two versions' decisions on the same requests: which change, and why."""

    before: str
    after: str
    change_limit: int | None = None
    compared: int = 0
    transitions: Counter[tuple[Outcome, Outcome]] = attrs.Factory(Counter)
    by_provision: Counter[str] = attrs.Factory(Counter)
    changes: list[Change] = attrs.Factory(list)
    change_count: int = 0

    def add(self, before: Decision, after: Decision, *, line: int | None = None) -> None:
        """Compare two decisions on one request."""
        self.compared += 1
        self.transitions[before.outcome, after.outcome] += 1
        if before.outcome is after.outcome:
            return
        self.change_count += 1
        change = Change(
            request_id=before.request_id,
            before=before.outcome,
            after=after.outcome,
            responsible=_responsible(before, after),
            line=line,
        )
        for provision in change.responsible:
            self.by_provision[provision] += 1
        _bounded_append(self.changes, change, self.change_limit)

    @property
    def omitted_changes(self) -> int:
        """How many changes were counted but not kept."""
        return self.change_count - len(self.changes)

    def _join(self, other: Comparison, lines: int) -> None:
        """Add the comparison of the part of the log that follows ``lines`` lines of this one."""
        self.compared += other.compared
        self.transitions.update(other.transitions)
        self.by_provision.update(other.by_provision)
        self.change_count += other.change_count
        for change in other.changes:
            line = None if change.line is None else change.line + lines
            _bounded_append(self.changes, attrs.evolve(change, line=line), self.change_limit)


# -- a whole log ----------------------------------------------------------------------------

LAW_IN_FORCE = "the law in force on each search's day"
"""What an audit is judged under when no version is chosen."""

Entry = SearchRecord | InputProblem | None
"""A numbered line of a log, read: a record, a line that could not be read, or blank (None)."""


@attrs.define(kw_only=True)
class AuditResult:
    """What the audit of one log found, and, with a comparison, what another version would.

    ``version`` is the instrument every search was judged under, or :data:`LAW_IN_FORCE`.
    ``as_of`` is the time obligations were checked at; ``latest`` the latest event found
    in the inputs, which ``as_of`` is unless a time was given (``None``: no event at all).
    ``law`` is the jurisdiction the log was judged under, with the readings it had in
    force, so a report can say which (``None``: not known).
    """

    jurisdiction: str
    version: str
    as_of: datetime
    audit: Audit
    other: Audit | None = None
    comparison: Comparison | None = None
    latest: datetime | None = None
    law: Jurisdiction | None = None


NO_EVENT = datetime.fromisoformat("1970-01-01T00:00:00+00:00")
"""The as-of time of an audit whose inputs hold no event: with nothing to check, any serves."""


def _judge(
    record: SearchRecord, line: int, jurisdiction: Jurisdiction, version: Version | None
) -> tuple[Version | InputProblem, InputProblem | None]:
    """The version a record is judged under, or the problem that keeps it from being judged.

    With the version, what the record states that the law reads otherwise (a class of the
    offense the law does not give its penalty): the record is judged all the same, by the
    law's own class, and the disagreement is listed with the input problems.
    """
    judged = version or version_for(jurisdiction, record)
    inconsistent = judged.problems(record.request, classification=False)
    if inconsistent:
        errors = tuple(e.replace("$.", "$.request.", 1) for e in inconsistent)
        return InputProblem(line=line, errors=errors), None
    noted = judged.problems(record.request)
    if noted:
        errors = tuple(
            e.replace("$.", "$.request.", 1) + "; judged as that law classes it" for e in noted
        )
        return judged, InputProblem(line=line, errors=errors)
    return judged, None


def _latest(record: SearchRecord) -> datetime | None:
    """As :func:`latest_event`, without building the timeline: the first latest in its order."""
    request = record.request
    statement = request.emergency.sworn_statement if request.emergency else None
    latest = None
    for at in (
        request.submitted_at,
        request.performed_at,
        request.performed_at if record.human_review else None,
        record.documented_at,
        record.reported_at,
        statement.filed_at if statement is not None else None,
    ):
        if at is not None and (latest is None or at > latest):
            latest = at
    return latest


@attrs.define
class _Clock:
    """The time obligations are checked at: given, or the latest event seen so far."""

    fixed: bool
    now: datetime | None

    def time(self) -> datetime:
        """The time to check at now: the as-of time, or the latest event so far."""
        if self.now is None:  # pragma: no cover - a record always has an event
            msg = "no event seen yet"
            raise RuntimeError(msg)
        return self.now

    def see(self, moment: datetime | None) -> bool:
        """Note an event; whether it is the latest yet (the first of equal ones stays)."""
        if self.fixed or moment is None or (self.now is not None and moment <= self.now):
            return False
        self.now = moment
        return True


@attrs.frozen(kw_only=True)
class AuditPart:
    """What the audit of one part of a log found, to be joined into the audit of the whole.

    Lines are numbered from 1 in the part; ``lines`` is how many it had. ``latest`` is the
    latest event it held (``None``: none).
    """

    lines: int
    latest: datetime | None
    audit: Audit
    other: Audit | None
    comparison: Comparison | None


@attrs.define(kw_only=True, init=False)
class LogAudit:
    """The audit of a log in progress, fed its lines in one pass, in order.

    Without a given ``as_of`` the obligations are checked as of the latest event in the
    inputs (the cases, and every record that could be read), which is known only at the
    end: an obligation whose answer depends on it (pending so far, with a due time still
    ahead of every event seen) waits until then, or until an event past its due time is
    seen. :meth:`result` ends the audit. The audits of the parts of a log, made apart (on
    several processors), are joined in the order of the log by :meth:`join`, and give the
    result one pass over the whole would. ``limit`` caps each listing kept (violations,
    input problems, changes); ``problem_limit``, the input problems alone.

    Raises:
        ValueError: ``as_of`` is a naive datetime, or ``limit`` or ``problem_limit`` is
            negative.
    """

    jurisdiction: Jurisdiction
    version: Version | None
    compare: Version | None
    lines: int
    audit: Audit
    other: Audit | None
    comparison: Comparison | None
    _cases: dict[str, tuple[CaseRecord, ...]]
    _clock: _Clock
    _latest: datetime | None

    def __init__(  # noqa: PLR0913 - the parts of an audit, each named
        self,
        jurisdiction: Jurisdiction,
        *,
        as_of: datetime | None = None,
        cases: Iterable[CaseRecord] = (),
        version: Version | None = None,
        compare: Version | None = None,
        limit: int | None = None,
        problem_limit: int | None = None,
    ) -> None:
        """Start the audit of a log; ``cases`` are read whole, indexed by search."""
        if problem_limit is not None and problem_limit < 0:
            msg = f"problem_limit: must not be negative, got {problem_limit}"
            raise ValueError(msg)
        if limit is not None and limit < 0:
            msg = f"limit: must not be negative, got {limit}"
            raise ValueError(msg)
        if as_of is not None and (as_of.tzinfo is None or as_of.utcoffset() is None):
            msg = "as_of: naive datetime, give a timezone"
            raise ValueError(msg)
        cases = tuple(cases)
        latest = None
        for case in cases:
            at = latest_event(case)
            if at is not None and (latest is None or at > latest):
                latest = at
        self.__attrs_init__(
            jurisdiction=jurisdiction,
            version=version,
            compare=compare,
            lines=0,
            audit=Audit(violation_limit=limit, problem_limit=problem_limit),
            other=Audit(violation_limit=limit, problem_limit=problem_limit) if compare else None,
            comparison=(
                Comparison(
                    before=version.instrument.id if version else LAW_IN_FORCE,
                    after=compare.instrument.id,
                    change_limit=limit,
                )
                if compare
                else None
            ),
            cases=index_cases(cases),
            clock=_Clock(fixed=as_of is not None, now=as_of or latest),
            latest=latest,
        )

    def read(self, entries: Iterable[tuple[int, Entry]]) -> None:
        """Audit numbered lines of the log, in order."""
        audits = [a for a in (self.audit, self.other) if a is not None]
        for number, entry in entries:
            self.lines += 1
            if entry is None:
                for a in audits:
                    a.add_blank()
            elif isinstance(entry, InputProblem):
                for a in audits:
                    a.add_problem(entry)
            else:
                self._record(number, entry, audits)

    def _record(self, number: int, record: SearchRecord, audits: list[Audit]) -> None:
        moment = _latest(record)
        if moment is not None and (self._latest is None or moment > self._latest):
            self._latest = moment
        if self._clock.see(moment):
            for a in audits:
                a._advance(self._clock.time())  # noqa: SLF001 - the audit's own accumulators
        judged, noted = _judge(record, number, self.jurisdiction, self.version)
        if isinstance(judged, InputProblem):
            for a in audits:
                a.add_problem(judged)
            return
        if noted is not None:
            for a in audits:
                a.add_reclassified(noted)
        cases = self._cases.get(record.request.id, ())
        decision = judged.evaluate(record.request)
        clock = self._clock
        self.audit._add_decision(  # noqa: SLF001 - the audit's own accumulators
            record, decision, judged, cases=cases, line=number, clock=clock
        )
        if self.compare is not None and self.other is not None and self.comparison is not None:
            hypothetical = self.compare.evaluate(record.request)
            self.other._add_decision(  # noqa: SLF001 - the audit's own accumulators
                record, hypothetical, self.compare, cases=cases, line=number, clock=clock
            )
            self.comparison.add(decision, hypothetical, line=number)

    def part(self) -> AuditPart:
        """What this audit found so far, as a part of a longer log's audit."""
        return AuditPart(
            lines=self.lines,
            latest=self._latest,
            audit=self.audit,
            other=self.other,
            comparison=self.comparison,
        )

    def join(self, part: AuditPart) -> None:
        """Add the audit of the part of the log that follows the lines read so far."""
        for mine, theirs in ((self.audit, part.audit), (self.other, part.other)):
            if mine is not None and theirs is not None:
                mine._join(theirs, self.lines)  # noqa: SLF001 - the audit's own accumulators
        if self.comparison is not None and part.comparison is not None:
            self.comparison._join(part.comparison, self.lines)  # noqa: SLF001
        if part.latest is not None and (self._latest is None or part.latest > self._latest):
            self._latest = part.latest
        if self._clock.see(part.latest):
            for a in (self.audit, self.other):
                if a is not None:
                    a._advance(self._clock.time())  # noqa: SLF001 - its own accumulators
        self.lines += part.lines

    def result(self) -> AuditResult:
        """End the audit: the as-of time is known, and every obligation answered."""
        as_of = self._clock.now or NO_EVENT
        for a in (self.audit, self.other):
            if a is not None:
                a._finish(as_of)  # noqa: SLF001 - the audit's own accumulators
                a._close()  # noqa: SLF001
        return AuditResult(
            jurisdiction=self.jurisdiction.code,
            version=self.version.instrument.id if self.version else LAW_IN_FORCE,
            as_of=as_of,
            audit=self.audit,
            other=self.other,
            comparison=self.comparison,
            latest=self._latest,
            law=self.jurisdiction,
        )


def audit_log(  # noqa: PLR0913 - the parts of an audit, each named
    entries: Iterable[tuple[int, Entry]],
    jurisdiction: Jurisdiction,
    *,
    as_of: datetime | None = None,
    cases: Iterable[CaseRecord] = (),
    version: Version | None = None,
    compare: Version | None = None,
    limit: int | None = None,
) -> AuditResult:
    """Audit a log, line by line, and compare it with another version of the law if asked.

    Each entry is a line's number and what it held. A search is judged under ``version``,
    or else under the law in force on its day; a search on a day no encoded law was in
    force is not applicable. Obligations are checked as of ``as_of``, or,
    when it is ``None``, as of the latest event in the inputs; the log is read once either
    way (see :class:`LogAudit`). Every violation, input problem and change is kept, unless
    ``limit`` caps how many of each are (the rest are counted, and a report says how many
    are not listed).

    Raises:
        ValueError: ``as_of`` is a naive datetime, or ``limit`` is negative.
    """
    audit = LogAudit(
        jurisdiction, as_of=as_of, cases=cases, version=version, compare=compare, limit=limit
    )
    audit.read(entries)
    return audit.result()
