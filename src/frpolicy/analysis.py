r"""Proofs about the law: a version's rules compiled to logic, and questions answered exactly.

The law-property suite *samples* requests; this module *proves*. It compiles a version's
scope, rules, duties and invariants into formulas over a **symbolic search request**, one
that stands for every :class:`~frpolicy.model.SearchRequest` the model can express, and
asks an SMT solver (`z3 <https://github.com/Z3Prover/z3>`_, the optional ``verify`` extra:
``pip install 'frpolicy[verify]'``) questions about all of them at once:

- :func:`prove`: does a declared :class:`~frpolicy.jurisdictions.Invariant` hold for every
  request? If not, a counterexample;
- :func:`verify`: every invariant, and whether each rule can decide a request (not vacuous,
  not shadowed by a prohibition), is needed (not redundant), each duty can attach, each
  leaf never raises and each reading the version rests on decides something;
- :func:`diff`: the exact classes of requests whose outcome, or obligations, change from one
  version to another, or from one reading of a version to another, each stated as
  conditions of the law with a witness request;
- :func:`query`: can any request satisfy a condition (with a given outcome)?

Every answer is a :class:`Claim` that is :attr:`~Status.PROVED`,
:attr:`~Status.DISPROVED` or :attr:`~Status.UNDECIDED`, never more than the analysis
knows. Every request the solver produces is built through the model, so its validators run,
and judged again by the concrete engine (:meth:`~frpolicy.policy.Policy.evaluate`); if the
engine disagrees with the solver on a leaf, that is a bug of the translation, and
:class:`AnalysisError` says which leaf.

>>> import frpolicy
>>> from frpolicy.analysis import prove
>>> h1728 = frpolicy.jurisdiction("US-MA").version("H.1728")
>>> central = next(i for i in h1728.invariants if i.id == "central-searcher")
>>> print(prove(h1728, central))  # doctest: +ELLIPSIS
proved: invariant central-searcher holds under H.1728: A permitted search is performed by ...

**What is translated.** A leaf's expression is Python; the analysis reads a checked subset
of it, the one leaves are written in:

- attribute paths on ``r`` that name fields of the model (``r.warrant.expires_at``), and
  ``at``, the time of evaluation (when the request was performed, else submitted);
- ``is None`` and ``is not None``; ``is``/``is not`` between enumeration members or
  booleans; ``==``, ``!=``; ``<``, ``<=``, ``>``, ``>=`` between numbers, dates, times and
  durations; ``in``/``not in`` against a constant collection or a set-valued field;
- ``and``, ``or``, ``not`` and truth values, with Python's short-circuit and its errors
  (reading a field of a missing warrant raises, and the analysis knows when);
- constants, the leaf's parameters and namespace values, enumeration members; ``+`` and
  ``-`` on times and durations (``timedelta``), and ``timedelta``, ``datetime`` and
  ``date`` called with constant arguments.

A field becomes a variable of its type: an enumeration a finite sort, a boolean a boolean,
a number an integer, a time an integer count of microseconds since 1970 (UTC), a date a day
number, a string an element of an unordered domain, a set its membership, an optional
value its presence and its value. A leaf outside the subset (a call of a helper function, a
property, a loop) is kept **opaque**: a free value that may be anything. A result that
holds whatever an opaque leaf says is still proved; one that depends on it is
:attr:`~Status.UNDECIDED` and names the leaf.

The model's own checks are constraints of the symbolic request too (a warrant does not
expire before it is issued, a search is not performed before it is asked for, a sworn
statement is not filed before its emergency is declared), so every counterexample can be
built.

.. versionadded:: 0.1
"""

from __future__ import annotations

import ast
import builtins
import enum
import functools
import itertools
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

import attrs

from frpolicy import model
from frpolicy.jurisdictions import Invariant, Version
from frpolicy.policy import Decision, Duty, Effect, Outcome, Policy, Reason, Rule, Variant
from frpolicy.predicates import (
    All,
    Any,
    Condition,
    Leaf,
    Not,
    Predicate,
    Verdict,
    evaluation_time,
    namespace,
)
from frpolicy.serialization import to_dict

if typing.TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "AnalysisError",
    "Change",
    "Claim",
    "ClaimKind",
    "Diff",
    "Status",
    "Verification",
    "Witness",
    "check_agreement",
    "diff",
    "prove",
    "query",
    "require_solver",
    "verify",
]

#: A z3 expression (the solver's library ships no type information).
Z3 = typing.Any
_T = typing.TypeVar("_T")


def _z3() -> ModuleType:
    """The z3 module, imported on first use: ``import frpolicy`` never loads it."""
    try:
        import z3  # noqa: PLC0415 - the optional extra is loaded only when asked for
    except ImportError:
        msg = "frpolicy.analysis needs the optional 'verify' extra: pip install 'frpolicy[verify]'"
        raise ImportError(msg) from None
    return typing.cast("ModuleType", z3)


def require_solver() -> None:
    """Check that the solver is installed.

    Raises:
        ImportError: the ``verify`` extra is not installed; the message says how to install
            it.
    """
    _z3()


class AnalysisError(RuntimeError):
    """The solver and the concrete engine disagree: a bug of the translation, never of the law.

    The message names the leaf (or the part of the combining algorithm) at fault and the
    request on which they disagree.
    """


# -- results --------------------------------------------------------------------------------


class Status(enum.Enum):
    """What the analysis established about a claim."""

    PROVED = "proved"
    """True of every request the model can express (or shown by a witness, for "some")."""
    DISPROVED = "disproved"
    """False: a counterexample the engine confirms, or proved that no request has it."""
    UNDECIDED = "undecided"
    """Not established either way: the answer depends on an opaque leaf, named in the detail."""


class ClaimKind(enum.Enum):
    """The questions a claim answers."""

    INVARIANT = "invariant"
    """A declared invariant holds for every request."""
    APPLIES = "applies"
    """A declared invariant concerns some request (else it is vacuous: it proves nothing)."""
    DECIDES = "decides"
    """A rule determines the outcome of some request (else it is vacuous or shadowed)."""
    NEEDED = "needed"
    """Taking a rule away changes the decision on some request (else it is redundant)."""
    ATTACHES = "attaches"
    """A duty attaches to some request."""
    NEVER_RAISES = "never_raises"
    """A leaf can be evaluated on every valid request."""
    ANALYSABLE = "analysable"
    """A leaf is written in the subset of Python the analysis translates."""
    READING = "reading"
    """Another choice of a reading changes some decision (else the reading is moot)."""
    QUERY = "query"
    """Some request satisfies a condition asked by :func:`query`."""

    @property
    def universal(self) -> bool:
        """Whether the claim is about every request (a failure has a counterexample)."""
        return self in {ClaimKind.INVARIANT, ClaimKind.NEVER_RAISES, ClaimKind.ANALYSABLE}


@attrs.frozen(kw_only=True)
class Witness:
    """A concrete request the solver found, and the decisions the engine gives it.

    For a claim about every request it is the counterexample; for a claim that some
    request exists, the example; for a change between versions, one request of the class.
    """

    request: model.SearchRequest
    decisions: tuple[Decision, ...]
    versions: tuple[str, ...] = ()
    """The version of each decision, named with any reading not the adopted one."""

    def _names(self) -> tuple[str, ...]:
        return self.versions or tuple(d.instrument for d in self.decisions)

    def describe(self) -> str:
        """One line per decision: the outcome, and the rules and duties that made it."""
        lines = []
        for name, d in zip(self._names(), self.decisions, strict=True):
            rules = ", ".join(r.rule for r in d.determining if r.applies)
            duties = ", ".join(o.duty for o in d.obligations)
            text = f"{name}: {_outcome(d.outcome)}"
            if rules and d.outcome in {Outcome.PERMITTED, Outcome.FORBIDDEN}:
                text += f" by {rules}"
            if duties:
                text += f"; obliges {duties}"
            lines.append(text)
        return "; ".join(lines)

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: the request, and each version's outcome, rules and obligations."""
        return {
            "request": to_dict(self.request),
            "decisions": [
                {
                    "instrument": d.instrument,
                    "version": name,
                    "outcome": d.outcome.value,
                    "rules": [r.rule for r in d.determining if r.applies],
                    "obligations": [o.duty for o in d.obligations],
                    "readings": [f"{r.id}={r.chosen}" for r in d.readings],
                }
                for name, d in zip(self._names(), self.decisions, strict=True)
            ],
        }


def _outcome(outcome: Outcome) -> str:
    return outcome.value.replace("_", " ")


def _label(version: Version) -> str:
    """A version's name: its instrument, and each reading in force that is not the adopted one.

    ``H.1728``, or ``H.1728 [notice-scope=state-police-route]`` for the bill read another way.
    """
    other = [f"{r.id}={r.chosen}" for r in version.readings if not r.adopted]
    return f"{version.instrument.id} [{', '.join(other)}]" if other else version.instrument.id


@attrs.frozen(kw_only=True)
class Claim:
    """One question about a version, and what the analysis established.

    ``witness`` is the counterexample of a disproved claim about every request, or the
    example that proves a claim that some request exists.
    """

    kind: ClaimKind
    subject: str
    version: str
    statement: str
    status: Status
    detail: str = ""
    witness: Witness | None = None

    @property
    def proved(self) -> bool:
        """Whether the claim is proved."""
        return self.status is Status.PROVED

    def __str__(self) -> str:
        """The claim as a sentence: ``proved: invariant X holds under H.1728 ...``."""
        text = f"{self.status.value}: {self.statement}"
        if self.detail:
            text += f". {self.detail}"
        if self.witness is not None:
            label = "counterexample" if self.kind.universal else "for example"
            text += f" ({label}: request {self.witness.request.id}; {self.witness.describe()})"
        return text

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: the claim, its status, and the witness request if there is one."""
        return {
            "kind": self.kind.value,
            "subject": self.subject,
            "version": self.version,
            "statement": self.statement,
            "status": self.status.value,
            "detail": self.detail,
            "witness": None if self.witness is None else self.witness.to_dict(),
        }


@attrs.frozen(kw_only=True)
class Verification:
    """Everything :func:`verify` established about one version."""

    jurisdiction: str
    version: str
    claims: tuple[Claim, ...]

    @property
    def ok(self) -> bool:
        """Whether every claim is proved."""
        return all(c.proved for c in self.claims)

    def failures(self) -> tuple[Claim, ...]:
        """The claims disproved or undecided."""
        return tuple(c for c in self.claims if not c.proved)

    def __str__(self) -> str:
        """A report: a summary line, then every claim that is not proved, then the rest."""
        failing = self.failures()
        head = f"{self.jurisdiction} {self.version}: {len(self.claims) - len(failing)} of "
        head += f"{len(self.claims)} claims proved"
        head += "." if not failing else f"; {len(failing)} not."
        lines = [head]
        lines += [f"  {c}" for c in failing]
        lines += [f"  {c}" for c in self.claims if c.proved]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: the version, whether all is proved, and every claim."""
        return {
            "jurisdiction": self.jurisdiction,
            "version": self.version,
            "ok": self.ok,
            "claims": [c.to_dict() for c in self.claims],
        }


@attrs.frozen(kw_only=True)
class Change:
    """A class of requests whose decision changes between two versions.

    Every request that meets all of ``conditions`` changes so (and the class was found from
    ``witness``). For an outcome change, ``before`` and ``after`` are the outcomes; for a
    change of obligations (the outcome is the same), ``duty`` names the duty that attaches
    under one version and not the other, and ``added`` says which way; or, when
    ``revised`` is not empty, the duty attaches under both but on other terms (a deadline,
    say), each revision stated as ``term: before → after``.
    """

    before: Outcome
    after: Outcome
    conditions: tuple[Condition, ...]
    witness: Witness
    duty: str | None = None
    added: bool = False
    revised: tuple[str, ...] = ()
    duty_action: str = ""
    closest: str | None = None
    has: tuple[Condition, ...] = ()
    lacks: tuple[Condition, ...] = ()

    def headline(self, before: str, after: str) -> str:
        """What changes, in one sentence."""
        if self.duty is None:
            return (
                f"{_outcome(self.before).upper()} under {before}, "
                f"{_outcome(self.after).upper()} under {after}"
            )
        what = f"{self.duty} ({self.duty_action})" if self.duty_action else self.duty
        if self.revised:
            return (
                f"{_outcome(self.after).upper()} under both; {after} revises the duty {what}: "
                + "; ".join(self.revised)
            )
        if self.added:
            return f"{_outcome(self.after).upper()} under both; {after} adds the duty {what}"
        return f"{_outcome(self.after).upper()} under both; {after} drops the duty {what}"

    def describe(self, before: str, after: str) -> str:
        """The class in prose: the change, the conditions, and the witness."""
        lines = [f"{self.headline(before, after)}, when:"]
        lines += [f"  - {c}" for c in self.conditions] or ["  - (every request)"]
        if self.closest:
            lines.append(f"  The nearest permission, {self.closest}, lacks:")
            lines += [f"    - {_need(c)}" for c in self.lacks]
            if self.has:
                lines.append("    though it has:")
                lines += [f"    - {c}" for c in self.has]
        lines.append(f"  e.g. request {self.witness.request.id}: {self.witness.describe()}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: the change, its conditions and its witness."""
        return {
            "before": self.before.value,
            "after": self.after.value,
            "duty": self.duty,
            "added": self.added if self.duty and not self.revised else None,
            "revised": list(self.revised),
            "conditions": [
                {"leaf": c.name, "description": c.description, "held": c.held}
                for c in self.conditions
            ],
            "closest": self.closest,
            "has": [_condition_dict(c) for c in self.has],
            "lacks": [_condition_dict(c) for c in self.lacks],
            "witness": self.witness.to_dict(),
        }


def _need(condition: Condition) -> str:
    """What a condition needs, where it failed: the leaf's description, or its negation."""
    return condition.description if not condition.held else f"not: {condition.description}"


def _condition_dict(condition: Condition) -> dict[str, object]:
    return {"name": condition.name, "description": condition.description, "held": condition.held}


@attrs.frozen(kw_only=True)
class Diff:
    """The requests whose decision changes from ``before`` to ``after``, class by class.

    ``complete`` says whether the classes cover every changed request; ``undecided`` lists
    what could not be settled (a class that depends on an opaque leaf).
    """

    jurisdiction: str
    before: str
    after: str
    changes: tuple[Change, ...]
    complete: bool
    undecided: tuple[str, ...] = ()

    @property
    def outcome_changes(self) -> tuple[Change, ...]:
        """The classes whose outcome changes."""
        return tuple(c for c in self.changes if c.duty is None)

    @property
    def obligation_changes(self) -> tuple[Change, ...]:
        """The classes whose outcome stays and whose obligations change."""
        return tuple(c for c in self.changes if c.duty is not None)

    def __str__(self) -> str:
        """Every class of change in prose, outcome changes first."""
        lines = [f"{self.jurisdiction}: what changes from {self.before} to {self.after}."]
        if not self.changes:
            lines.append("No request changes outcome or obligations.")
        for title, changes in (
            ("Outcomes", self.outcome_changes),
            ("Obligations", self.obligation_changes),
        ):
            if changes:
                lines += ["", f"{title} ({len(changes)} classes):"]
                for change in changes:
                    lines += ["", change.describe(self.before, self.after)]
        if not self.complete:
            lines += ["", "Not every changed request is covered by the classes above."]
        lines += [f"Undecided: {u}" for u in self.undecided]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: both versions, each class of change, and whether they are complete."""
        return {
            "jurisdiction": self.jurisdiction,
            "before": self.before,
            "after": self.after,
            "complete": self.complete,
            "undecided": list(self.undecided),
            "changes": [c.to_dict() for c in self.changes],
        }


# -- the symbolic request -------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECONDS = 1_000_000
# Python's own range, a day in from each end, so that no time zone pushes a request past it.
_FIRST_INSTANT = (datetime(1, 1, 2, tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1)
_LAST_INSTANT = (datetime(9999, 12, 30, tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1)
# Witnesses are sought in a recent year first, so that they read as real requests.
_WINDOW = (
    (datetime(2024, 1, 1, tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1),
    (datetime(2025, 1, 1, tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1),
)
_TIMES = ("performed_at", "submitted_at")  # the time of evaluation, as evaluation_time reads it


def _order_constraints() -> dict[type, tuple[tuple[str, str], ...]]:
    """The model's checks of order, as (earlier, later) fields of a class.

    The model checks them in ``__attrs_post_init__``, which cannot be read as data; the
    tests check each entry against the model, and a request the model refuses is reported
    as a constraint missing here.
    """
    return {
        model.SearchRequest: (("submitted_at", "performed_at"),),
        model.Warrant: (("issued_at", "expires_at"),),
        model.CourtOrder: (("issued_at", "expires_at"),),
        model.Authorization: (("requested_at", "decided_at"), ("decided_at", "expires_at")),
        model.Emergency: (("declared_at", "sworn_statement.filed_at"),),
        model.Training: (("completed_on", "expires_on"),),
        model.CaseRecord: (
            ("arraignment_at", "pretrial_conference_at"),
            ("pretrial_conference_at", "trial_at"),
        ),
    }


class _Kind(enum.Enum):
    BOOL = "bool"
    INT = "int"
    ENUM = "enum"
    TEXT = "text"
    INSTANT = "instant"
    DAY = "day"
    DURATION = "duration"
    SET = "set"


_ORDERED = frozenset({_Kind.INT, _Kind.INSTANT, _Kind.DAY, _Kind.DURATION})


@attrs.frozen
class _Type:
    kind: _Kind
    enum: type[enum.Enum] | None = None
    element: _Type | None = None


def _scalar_type(tp: object) -> _Type | None:  # noqa: PLR0911 - one return per type
    """The symbolic type of a field's (non-optional) type, or None if it has none."""
    if tp is bool:
        return _Type(_Kind.BOOL)
    if tp is int:
        return _Type(_Kind.INT)
    if tp is str:
        return _Type(_Kind.TEXT)
    if tp is datetime:
        return _Type(_Kind.INSTANT)
    if tp is date:
        return _Type(_Kind.DAY)
    if tp is timedelta:
        return _Type(_Kind.DURATION)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _Type(_Kind.ENUM, enum=tp)
    if typing.get_origin(tp) in {frozenset, set}:
        (element,) = typing.get_args(tp)
        inner = _scalar_type(element)
        if inner is not None and inner.kind in {_Kind.ENUM, _Kind.TEXT}:
            return _Type(_Kind.SET, element=inner)
    return None


def _type_of(value: object) -> _Type | None:
    """The symbolic type of a constant, or None when it has none."""
    if isinstance(value, bool):
        return _Type(_Kind.BOOL)
    if isinstance(value, enum.Enum):
        return _Type(_Kind.ENUM, enum=type(value))
    if isinstance(value, datetime):
        return _Type(_Kind.INSTANT) if value.utcoffset() is not None else None
    for kind, python in (
        (_Kind.INT, int),
        (_Kind.TEXT, str),
        (_Kind.DAY, date),
        (_Kind.DURATION, timedelta),
    ):
        if isinstance(value, python):
            return _Type(kind)
    return None


def _optional(tp: object) -> tuple[object, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in {typing.Union, types.UnionType} and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], True
    return tp, False


@functools.cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


@attrs.frozen
class _Obj:
    """A symbolic attrs object: its class, path and whether it is there (not ``None``)."""

    cls: type
    path: str
    present: Z3


@attrs.frozen
class _Scalar:
    """A symbolic value of a type; ``present`` is false where an optional field is None."""

    type: _Type
    value: Z3
    present: Z3
    path: str = ""


@attrs.frozen
class _Const:
    value: object


_Sym = _Obj | _Scalar | _Const


class _Opaque(Exception):  # noqa: N818 - an internal signal, never escapes this module
    """A leaf's expression leaves the translated subset; the message says where."""


@functools.cache
def _enum_sort(cls: type[enum.Enum]) -> tuple[Z3, dict[enum.Enum, Z3]]:
    z3 = _z3()
    members = list(cls)
    sort, consts = z3.EnumSort(f"{cls.__module__}.{cls.__qualname__}", [m.name for m in members])
    return sort, dict(zip(members, consts, strict=True))


_PLACE_PREFIX = re.compile(
    r"[A-Z]{0,2}|[A-Z]{2}-[A-Z0-9]{0,3}|[A-Z]{2}-[A-Z0-9]{1,3}-[A-Z0-9]{0,8}"
)
"""The strings some place code starts with (see :func:`frpolicy.model.is_place_code`)."""


def _place_prefix(start: str) -> bool:
    """Whether some place code starts with ``start``."""
    return _PLACE_PREFIX.fullmatch(start) is not None


def _fresh_text(  # noqa: PLR0913 - what a new string must and must not be
    base: str,
    start: str,
    avoid: Sequence[str],
    taken: set[str],
    numbers: Iterator[int],
    *,
    place: bool,
) -> str | None:
    """A new string that starts with ``start`` and with none of ``avoid``, and is not taken.

    For a field of place codes it is a place code (``ZZ``, ``US-MA-Z``); otherwise the
    field's name and the next of ``numbers`` follow ``start`` (``id-3``). ``None`` if none
    can be found.
    """

    def fits(text: str) -> bool:
        return (
            text not in taken
            and text.startswith(start)
            and not any(text.startswith(a) for a in avoid)
            and (not place or model.is_place_code(text))
        )

    if not place:
        # each candidate fails at most one avoided prefix or taken string
        tries = len(avoid) + len(taken) + 1
        return next(
            (
                t
                for _, n in zip(range(tries), numbers, strict=False)
                if fits(t := f"{start}{base}-{n}")
            ),
            None,
        )
    for length in range(7):
        for tail in itertools.product("-ZY19", repeat=length):
            candidate = start + "".join(tail)
            if fits(candidate):
                return candidate
    return None


@functools.cache
def _text_sort() -> Z3:
    return _z3().DeclareSort("Text")


_RESERVED_NAMES = frozenset({"r", "at"})
_CONSTRUCTORS: tuple[object, ...] = (timedelta, datetime, date)


class _Universe:
    """Every request the model can express, as variables and the model's constraints."""

    def __init__(self) -> None:
        self.z3 = _z3()
        z3 = self.z3
        self.true, self.false = z3.BoolVal(val=True), z3.BoolVal(val=False)
        self.constraints: list[Z3] = []
        self.fields: dict[str, _Obj | _Scalar] = {}
        self.unsupported: dict[str, str] = {}
        self.instants: list[Z3] = []
        self.literals: dict[str, Z3] = {}
        self.prefixes: dict[str, Z3] = {}
        self.texts: list[_Scalar] = []
        self.places: list[_Scalar] = []
        self.set_queries: dict[str, list[Z3]] = {}
        self.touched: set[str] = set()
        self.leaves: dict[Leaf, tuple[Z3, Z3]] = {}
        self.opaque: dict[Leaf, str] = {}
        self.root = self._build(model.SearchRequest, "", self.true)
        performed = self.fields["performed_at"]
        submitted = self.fields["submitted_at"]
        assert isinstance(performed, _Scalar)  # noqa: S101 - the model's own fields
        assert isinstance(submitted, _Scalar)  # noqa: S101 - as above
        self.at = _Scalar(
            _Type(_Kind.INSTANT),
            z3.If(performed.present, performed.value, submitted.value),
            self.true,
            "at",
        )

    # -- building --

    def _build(self, cls: type, path: str, present: Z3) -> _Obj:
        z3 = self.z3
        obj = _Obj(cls, path, present)
        hints = _hints(cls)
        for field in attrs.fields(cls):
            if not field.init:
                continue
            where = f"{path}.{field.name}" if path else field.name
            tp, optional = _optional(hints[field.name])
            own = z3.Bool(f"{where}?") if optional else self.true
            if isinstance(tp, type) and attrs.has(tp):
                self.fields[where] = self._build(tp, where, own)
                continue
            kind = _scalar_type(tp)
            if kind is None:
                self.unsupported[where] = str(hints[field.name])
                continue
            value = self._variable(where, kind)
            scalar = _Scalar(kind, value, own, where)
            self.fields[where] = scalar
            self._bound(field.validator, own, value)
            if kind.kind is _Kind.TEXT:
                self.texts.append(scalar)
                if field.validator is getattr(model, "_place_code", None):
                    self.places.append(scalar)
        for earlier, later in _order_constraints().get(cls, ()):
            first, last = self._relative(path, earlier), self._relative(path, later)
            if first is not None and last is not None:
                self.constraints.append(z3.Implies(z3.And(first[1], last[1]), first[0] <= last[0]))
        return obj

    def _bound(self, validator: object, present: Z3, value: Z3) -> None:
        """The range a validator of the model keeps a number in, as a constraint."""
        z3 = self.z3
        if validator is getattr(model, "_not_negative", None):
            self.constraints.append(z3.Implies(present, value >= 0))
        elif validator is getattr(model, "_hundredths_of_a_percent", None):
            whole = getattr(model, "_WHOLE", 10_000)  # a share: at most 100.00 %
            self.constraints.append(z3.Implies(present, z3.And(value >= 0, value <= whole)))

    def _relative(self, path: str, relative: str) -> tuple[Z3, Z3] | None:
        """A field below ``path``: its value and whether it and its parents are there."""
        parts = relative.split(".")
        present = []
        where = path
        for part in parts:
            where = f"{where}.{part}" if where else part
            found = self.fields.get(where)
            if found is None:
                return None
            present.append(found.present)
        assert isinstance(found, _Scalar)  # noqa: S101 - order constraints name scalars
        return found.value, self.z3.And(*present)

    def _variable(self, path: str, kind: _Type) -> Z3:
        z3 = self.z3
        if kind.kind is _Kind.BOOL:
            return z3.Bool(path)
        if kind.kind is _Kind.ENUM:
            assert kind.enum is not None  # noqa: S101 - an enum type has its class
            return z3.Const(path, _enum_sort(kind.enum)[0])
        if kind.kind is _Kind.TEXT:
            return z3.Const(path, _text_sort())
        if kind.kind is _Kind.SET:
            assert kind.element is not None  # noqa: S101 - a set type has its element
            self.set_queries[path] = []
            return z3.Function(path, self._sort(kind.element), z3.BoolSort())
        value = z3.Int(path)
        if kind.kind is _Kind.INSTANT:
            self.instants.append(value)
            self.constraints.append(z3.And(value >= _FIRST_INSTANT, value <= _LAST_INSTANT))
        elif kind.kind is _Kind.DAY:
            self.constraints.append(z3.And(value >= 1, value <= date.max.toordinal()))
        return value

    def _sort(self, kind: _Type) -> Z3:
        if kind.kind is _Kind.ENUM:
            assert kind.enum is not None  # noqa: S101 - an enum type has its class
            return _enum_sort(kind.enum)[0]
        return _text_sort()

    def literal(self, text: str) -> Z3:
        """A string constant, distinct from every other string constant.

        What each ``startswith`` test says of it is known, and a field that holds only place
        codes never holds it unless it is one.
        """
        z3 = self.z3
        found = self.literals.get(text)
        if found is None:
            found = z3.Const(repr(text), _text_sort())
            self.constraints.extend(found != other for other in self.literals.values())
            self.constraints.extend(
                test(found) == z3.BoolVal(text.startswith(start))
                for start, test in self.prefixes.items()
            )
            if not model.is_place_code(text):
                self.constraints.extend(
                    z3.Implies(place.present, place.value != found) for place in self.places
                )
            self.literals[text] = found
        return found

    def prefix(self, start: str) -> Z3:
        """The test ``text.startswith(start)``, a function of the string domain.

        A string starts with two prefixes only if one starts with the other; every constant's
        answer is known; a field of place codes starts only with what a place code can.
        """
        z3 = self.z3
        found = self.prefixes.get(start)
        if found is not None:
            return found
        found = z3.Function(f"startswith {start!r}", _text_sort(), z3.BoolSort())
        self.constraints.extend(
            found(const) == z3.BoolVal(text.startswith(start))
            for text, const in self.literals.items()
        )
        for other, test in self.prefixes.items():
            for field in self.texts:
                if start.startswith(other):
                    self.constraints.append(z3.Implies(found(field.value), test(field.value)))
                elif other.startswith(start):
                    self.constraints.append(z3.Implies(test(field.value), found(field.value)))
                else:
                    self.constraints.append(z3.Not(z3.And(found(field.value), test(field.value))))
        if not _place_prefix(start):
            self.constraints.extend(
                z3.Implies(place.present, z3.Not(found(place.value))) for place in self.places
            )
        self.prefixes[start] = found
        return found

    def constant(self, kind: _Type, value: object) -> Z3 | None:  # noqa: PLR0911 - one return per type
        """A constant as an expression of ``kind``, or None if it is not of that kind."""
        own = _type_of(value)
        if own is None or own.kind is not kind.kind:
            return None
        z3 = self.z3
        if kind.kind is _Kind.ENUM:
            assert isinstance(value, enum.Enum)  # noqa: S101 - checked by _type_of
            return _enum_sort(type(value))[1][value] if own.enum is kind.enum else None
        if kind.kind is _Kind.BOOL:
            return z3.BoolVal(value)
        if kind.kind is _Kind.TEXT:
            assert isinstance(value, str)  # noqa: S101 - checked by _type_of
            return self.literal(value)
        if kind.kind is _Kind.INSTANT:
            assert isinstance(value, datetime)  # noqa: S101 - checked by _type_of
            return z3.IntVal((value - _EPOCH) // timedelta(microseconds=1))
        if kind.kind is _Kind.DURATION:
            assert isinstance(value, timedelta)  # noqa: S101 - checked by _type_of
            return z3.IntVal(value // timedelta(microseconds=1))
        if kind.kind is _Kind.DAY:
            assert isinstance(value, date)  # noqa: S101 - checked by _type_of
            return z3.IntVal(value.toordinal())
        return z3.IntVal(typing.cast("int", value))

    # -- leaves --

    def leaf(self, item: Leaf) -> tuple[Z3, Z3]:
        """The leaf's value and whether it raises, as formulas (cached)."""
        found = self.leaves.get(item)
        if found is None:
            try:
                found = _Translation(self, item).run()
            except _Opaque as opaque:
                self.opaque[item] = str(opaque)
                found = (
                    self.z3.Bool(f"opaque {item!r}"),
                    self.z3.Bool(f"opaque {item!r} raises"),
                )
            self.leaves[item] = found
        return found


class _Translation:
    """One leaf's expression, translated node by node; unsupported nodes raise _Opaque."""

    def __init__(self, universe: _Universe, item: Leaf) -> None:
        self.u = universe
        self.z3 = universe.z3
        self.leaf = item
        self.env: dict[str, object] = {**namespace(), **item.namespace, **dict(item.params)}

    def run(self) -> tuple[Z3, Z3]:
        tree = ast.parse(self.leaf.expression.strip(), mode="eval")
        sym, raises = self.expr(tree.body)
        return self.truth(sym), self.z3.simplify(raises)

    # -- helpers --

    def truth(self, sym: _Sym) -> Z3:
        z3 = self.z3
        if isinstance(sym, _Const):
            return z3.BoolVal(bool(sym.value))
        if isinstance(sym, _Obj):
            return sym.present
        kind = sym.type.kind
        if kind is _Kind.BOOL:
            return z3.And(sym.present, sym.value)
        if kind in {_Kind.INT, _Kind.DURATION}:
            return z3.And(sym.present, sym.value != 0)
        if kind is _Kind.TEXT:
            return z3.And(sym.present, sym.value != self.u.literal(""))
        if kind is _Kind.SET:
            msg = "the truth value of a set (whether it is empty)"
            raise _Opaque(msg)
        return sym.present  # an enumeration member, a time or a date is always true

    def _boolean(self, value: Z3) -> _Scalar:
        return _Scalar(_Type(_Kind.BOOL), value, self.u.true)

    def sequence(
        self, steps: Sequence[Callable[[], tuple[Z3, Z3]]], *, stop_on: bool
    ) -> tuple[Z3, Z3]:
        """Left to right, stopping at the first step whose value is ``stop_on``: and/or."""
        z3 = self.z3
        reached = self.u.true
        raises = []
        values = []
        for step in steps:
            value, error = step()
            raises.append(z3.And(reached, error))
            values.append(value)
            reached = z3.And(reached, z3.Not(error), value if not stop_on else z3.Not(value))
        combined = z3.Or(*values) if stop_on else z3.And(*values)
        return combined, z3.Or(*raises)

    # -- nodes --

    def expr(self, node: ast.expr) -> tuple[_Sym, Z3]:
        """A node's symbolic value, and the condition under which evaluating it raises."""
        method = getattr(self, f"node_{type(node).__name__}", None)
        if method is None:
            msg = f"{_construct(node)} is outside the analysed subset"
            raise _Opaque(msg)
        return typing.cast("tuple[_Sym, Z3]", method(node))

    def node_Constant(self, node: ast.Constant) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        return _Const(node.value), self.u.false

    def node_Name(self, node: ast.Name) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        if node.id == "r":
            return self.u.root, self.u.false
        if node.id == "at":
            for name in _TIMES:
                self.u.touched.update({name, f"{name}?"})
            return self.u.at, self.u.false
        if node.id in self.env:
            return _Const(self.env[node.id]), self.u.false
        if hasattr(builtins, node.id):
            return _Const(getattr(builtins, node.id)), self.u.false
        msg = f"the name {node.id!r} is unknown"  # pragma: no cover - refused when declared
        raise _Opaque(msg)

    def node_Tuple(self, node: ast.Tuple | ast.List | ast.Set) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        items = []
        for element in node.elts:
            sym, _ = self.expr(element)
            if not isinstance(sym, _Const):
                msg = "a collection of values read from the request"
                raise _Opaque(msg)
            items.append(sym.value)
        return _Const(tuple(items)), self.u.false

    node_List = node_Tuple  # noqa: N815 - ast's name
    node_Set = node_Tuple  # noqa: N815 - ast's name

    def node_Attribute(self, node: ast.Attribute) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        base, raises = self.expr(node.value)
        if isinstance(base, _Const):
            owner = base.value
            if isinstance(owner, type) and issubclass(owner, enum.Enum):
                member = owner.__members__.get(node.attr)
                if member is not None:
                    return _Const(member), raises
            msg = f"the attribute {node.attr!r} of a constant ({_construct(node)})"
            raise _Opaque(msg)
        if isinstance(base, _Scalar):
            msg = f"the attribute {node.attr!r} of a value ({ast.unparse(node)})"
            raise _Opaque(msg)
        path = f"{base.path}.{node.attr}" if base.path else node.attr
        found = self.u.fields.get(path)
        if found is None:
            why = self.u.unsupported.get(path)
            msg = (
                f"r.{path} is a {why}, a type the analysis does not translate"
                if why
                else f"r.{path} is not a field of the model (a property or a method)"
            )
            raise _Opaque(msg)
        if base.path:
            self.u.touched.add(f"{base.path}?")
        self.u.touched.update({path, f"{path}?"})
        return found, self.z3.Or(raises, self.z3.Not(base.present))

    def node_BoolOp(self, node: ast.BoolOp) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        def step(operand: ast.expr) -> Callable[[], tuple[Z3, Z3]]:
            def run() -> tuple[Z3, Z3]:
                sym, raises = self.expr(operand)
                return self.truth(sym), raises

            return run

        value, raises = self.sequence(
            [step(v) for v in node.values], stop_on=isinstance(node.op, ast.Or)
        )
        return self._boolean(value), raises

    def node_UnaryOp(self, node: ast.UnaryOp) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        sym, raises = self.expr(node.operand)
        if isinstance(node.op, ast.Not):
            return self._boolean(self.z3.Not(self.truth(sym))), raises
        if isinstance(node.op, ast.USub):
            if isinstance(sym, _Const) and isinstance(sym.value, int | timedelta):
                return _Const(-sym.value), raises
            if isinstance(sym, _Scalar) and sym.type.kind in {_Kind.INT, _Kind.DURATION}:
                return _Scalar(sym.type, -sym.value, sym.present), self.z3.Or(
                    raises, self.z3.Not(sym.present)
                )
        msg = f"the operator {_construct(node)}"
        raise _Opaque(msg)

    def node_BinOp(self, node: ast.BinOp) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        z3 = self.z3
        left, left_raises = self.expr(node.left)
        right, right_raises = self.expr(node.right)
        raises = z3.Or(left_raises, z3.And(z3.Not(left_raises), right_raises))
        if isinstance(left, _Const) and isinstance(right, _Const):
            return self._fold(node, left, right, raises)
        if not isinstance(node.op, ast.Add | ast.Sub):
            msg = f"the operator {type(node.op).__name__} on values read from the request"
            raise _Opaque(msg)
        lt, rt = self._typed(left), self._typed(right)
        if lt is None or rt is None:
            msg = f"{ast.unparse(node)}: arithmetic on an object"
            raise _Opaque(msg)
        result = _ARITHMETIC.get((lt[0].kind, type(node.op).__name__, rt[0].kind))
        if result is None:
            msg = f"{ast.unparse(node)}: arithmetic on {lt[0].kind.value} and {rt[0].kind.value}"
            raise _Opaque(msg)
        value = lt[1] + rt[1] if isinstance(node.op, ast.Add) else lt[1] - rt[1]
        present = z3.And(lt[2], rt[2])
        # None in arithmetic raises TypeError; a time past Python's range, OverflowError
        raises = z3.Or(raises, z3.Not(present))
        if result is _Kind.INSTANT:
            low, high = _PYTHON_INSTANTS
            raises = z3.Or(raises, value < low, value > high)
        return _Scalar(_Type(result), value, self.u.true), raises

    def _fold(self, node: ast.BinOp, left: _Const, right: _Const, raises: Z3) -> tuple[_Sym, Z3]:
        operators: dict[type, Callable[[typing.Any, typing.Any], object]] = {
            ast.Add: lambda a, b: a + b,
            ast.Sub: lambda a, b: a - b,
            ast.Mult: lambda a, b: a * b,
        }
        operator = operators.get(type(node.op))
        if operator is None:
            msg = f"the operator {type(node.op).__name__}"
            raise _Opaque(msg)
        try:
            return _Const(operator(left.value, right.value)), raises
        except (TypeError, ValueError, OverflowError):
            return _Const(None), self.u.true

    def _typed(self, sym: _Sym) -> tuple[_Type, Z3, Z3] | None:
        """A value with its type, its expression and whether it is there; None for objects."""
        if isinstance(sym, _Scalar):
            return sym.type, sym.value, sym.present
        if isinstance(sym, _Const):
            kind = _type_of(sym.value)
            if kind is None:
                if sym.value is None:
                    return None
                msg = f"the constant {sym.value!r}, of a type the analysis does not translate"
                raise _Opaque(msg)
            return kind, self.u.constant(kind, sym.value), self.u.true
        return None

    def node_Call(self, node: ast.Call) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        if isinstance(node.func, ast.Attribute) and node.func.attr == "startswith":
            return self._startswith(node, node.func)
        function, _ = self.expr(node.func)
        name = ast.unparse(node.func)
        if not isinstance(function, _Const) or function.value not in _CONSTRUCTORS:
            msg = f"a call of {name}()"
            raise _Opaque(msg)
        args = [self.expr(a)[0] for a in node.args]
        kwargs = {k.arg: self.expr(k.value)[0] for k in node.keywords}
        if None in kwargs or not all(isinstance(a, _Const) for a in [*args, *kwargs.values()]):
            msg = f"{name}() called with values read from the request"
            raise _Opaque(msg)
        constructor = typing.cast("Callable[..., object]", function.value)
        values = [typing.cast("_Const", a).value for a in args]
        named = {str(k): typing.cast("_Const", v).value for k, v in kwargs.items()}
        try:
            return _Const(constructor(*values, **named)), self.u.false
        except (TypeError, ValueError, OverflowError):
            return _Const(None), self.u.true

    def _startswith(self, node: ast.Call, method: ast.Attribute) -> tuple[_Sym, Z3]:
        """``text.startswith(prefix)``: a string read from the request, a constant prefix."""
        z3 = self.z3
        base, raises = self.expr(method.value)
        args = [self.expr(a)[0] for a in node.args]
        if (
            node.keywords
            or len(args) != 1
            or not isinstance(args[0], _Const)
            or type(args[0].value) is not str
        ):
            msg = f"{_construct(node)} with other than one constant string"
            raise _Opaque(msg)
        start = args[0].value
        if isinstance(base, _Const):
            if type(base.value) is not str:
                msg = f"{_construct(node)} on a constant that is not a string"
                raise _Opaque(msg)
            return _Const(base.value.startswith(start)), raises
        if not isinstance(base, _Scalar) or base.type.kind is not _Kind.TEXT:
            msg = f"{_construct(node)} on a value that is not a string"
            raise _Opaque(msg)
        # None.startswith raises AttributeError
        raises = z3.Or(raises, z3.Not(base.present))
        if not start:
            return _Const(value=True), raises
        return self._boolean(self.u.prefix(start)(base.value)), raises

    def node_Compare(self, node: ast.Compare) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        z3 = self.z3
        first, first_raises = self.expr(node.left)
        operands: list[_Sym] = [first]

        def step(index: int) -> Callable[[], tuple[Z3, Z3]]:
            def run() -> tuple[Z3, Z3]:
                right, right_raises = self.expr(node.comparators[index])
                operands.append(right)
                value, compare_raises = self.compare(node.ops[index], operands[index], right, node)
                return value, z3.Or(right_raises, z3.And(z3.Not(right_raises), compare_raises))

            return run

        value, raises = self.sequence([step(i) for i in range(len(node.ops))], stop_on=False)
        return self._boolean(value), z3.Or(first_raises, z3.And(z3.Not(first_raises), raises))

    def compare(self, op: ast.cmpop, left: _Sym, right: _Sym, node: ast.AST) -> tuple[Z3, Z3]:
        """A comparison's value, and whether it raises (ordering None, say)."""
        z3 = self.z3
        if isinstance(left, _Const) and isinstance(right, _Const):
            try:
                return z3.BoolVal(_python_compare(op, left.value, right.value)), self.u.false
            except TypeError:
                return self.u.false, self.u.true
        if isinstance(op, ast.Is | ast.IsNot):
            value = self.identical(left, right, node)
            return (value if isinstance(op, ast.Is) else z3.Not(value)), self.u.false
        if isinstance(op, ast.Eq | ast.NotEq):
            value = self.equal(left, right, node)
            return (value if isinstance(op, ast.Eq) else z3.Not(value)), self.u.false
        if isinstance(op, ast.In | ast.NotIn):
            value, raises = self.member(left, right, node)
            return (value if isinstance(op, ast.In) else z3.Not(value)), raises
        return self.order(op, left, right, node)

    def _none(self, sym: _Sym) -> Z3 | None:
        """Whether a value is None, if that can be told."""
        if isinstance(sym, _Const):
            return self.z3.BoolVal(sym.value is None)
        return self.z3.Not(sym.present)

    def identical(self, left: _Sym, right: _Sym, node: ast.AST) -> Z3:
        for a, b in ((left, right), (right, left)):
            if isinstance(b, _Const) and b.value is None:
                return self._none(a)
        lt, rt = self._typed(left), self._typed(right)
        if (
            lt is not None
            and rt is not None
            and lt[0].kind in {_Kind.ENUM, _Kind.BOOL}
            and lt[0] == rt[0]
        ):
            return self.z3.And(lt[2], rt[2], lt[1] == rt[1])
        if (
            lt is not None
            and rt is not None
            and {lt[0].kind, rt[0].kind}
            <= {
                _Kind.ENUM,
                _Kind.BOOL,
            }
        ):
            return self.u.false  # members of different enumerations are never identical
        msg = f"an identity test other than with None, a member or a boolean ({_construct(node)})"
        raise _Opaque(msg)

    def equal(self, left: _Sym, right: _Sym, node: ast.AST) -> Z3:
        z3 = self.z3
        for a, b in ((left, right), (right, left)):
            if isinstance(b, _Const) and b.value is None:
                return self._none(a)
        lt, rt = self._typed(left), self._typed(right)
        if lt is None or rt is None:
            msg = f"equality of objects ({_construct(node)})"
            raise _Opaque(msg)
        if lt[0] != rt[0]:
            if {lt[0].kind, rt[0].kind} & {_Kind.BOOL, _Kind.INT, _Kind.SET}:
                msg = f"equality across types ({_construct(node)})"
                raise _Opaque(msg)
            return z3.And(z3.Not(lt[2]), z3.Not(rt[2]))  # only None equals None
        if lt[0].kind is _Kind.SET:
            msg = f"equality of sets ({_construct(node)})"
            raise _Opaque(msg)
        both_none = z3.And(z3.Not(lt[2]), z3.Not(rt[2]))
        return z3.Or(both_none, z3.And(lt[2], rt[2], lt[1] == rt[1]))

    def member(self, element: _Sym, container: _Sym, node: ast.AST) -> tuple[Z3, Z3]:  # noqa: C901 - one case per kind of collection
        z3 = self.z3
        if isinstance(container, _Const):
            items = container.value
            if isinstance(items, str) or not isinstance(items, Iterable):
                msg = f"'in' against {type(items).__name__} ({_construct(node)})"
                raise _Opaque(msg)
            typed = self._typed(element)
            if typed is None:
                msg = f"membership of an object ({_construct(node)})"
                raise _Opaque(msg)
            kind, value, present = typed
            options = []
            for item in _stable(items):
                if item is None:
                    options.append(z3.Not(present))
                    continue
                item_type = _type_of(item)
                if item_type is not None and {item_type.kind, kind.kind} == {
                    _Kind.BOOL,
                    _Kind.INT,
                }:
                    msg = f"booleans among numbers ({_construct(node)})"
                    raise _Opaque(msg)
                constant = self.u.constant(kind, item)
                if constant is not None:
                    options.append(z3.And(present, value == constant))
            return (z3.Or(*options) if options else self.u.false), self.u.false
        if isinstance(container, _Scalar) and container.type.kind is _Kind.SET:
            typed = self._typed(element)
            element_type = container.type.element
            assert element_type is not None  # noqa: S101 - a set type has its element
            if typed is None or typed[0] != element_type:
                if typed is not None or (isinstance(element, _Const) and element.value is None):
                    return self.u.false, z3.Not(container.present)
                msg = f"membership of an object ({_construct(node)})"
                raise _Opaque(msg)
            self.u.set_queries[container.path].append(typed[1])
            value = z3.And(typed[2], container.value(typed[1]))
            return value, z3.Not(container.present)
        msg = f"'in' against a value of the request that is not a set ({_construct(node)})"
        raise _Opaque(msg)

    def order(self, op: ast.cmpop, left: _Sym, right: _Sym, node: ast.AST) -> tuple[Z3, Z3]:
        z3 = self.z3
        lt, rt = self._typed(left), self._typed(right)
        none_left = isinstance(left, _Const) and left.value is None
        none_right = isinstance(right, _Const) and right.value is None
        if none_left or none_right:
            return self.u.false, self.u.true  # ordering None raises TypeError
        if lt is None or rt is None or lt[0] != rt[0] or lt[0].kind not in _ORDERED:
            msg = (
                f"an ordering other than of numbers, dates, times or durations ({_construct(node)})"
            )
            raise _Opaque(msg)
        a, b = lt[1], rt[1]
        compare: dict[type, Callable[[], Z3]] = {
            ast.Lt: lambda: a < b,
            ast.LtE: lambda: a <= b,
            ast.Gt: lambda: a > b,
            ast.GtE: lambda: a >= b,
        }
        value = compare[type(op)]()
        return value, z3.Or(z3.Not(lt[2]), z3.Not(rt[2]))


_ARITHMETIC = {
    (_Kind.INSTANT, "Add", _Kind.DURATION): _Kind.INSTANT,
    (_Kind.DURATION, "Add", _Kind.INSTANT): _Kind.INSTANT,
    (_Kind.INSTANT, "Sub", _Kind.DURATION): _Kind.INSTANT,
    (_Kind.INSTANT, "Sub", _Kind.INSTANT): _Kind.DURATION,
    (_Kind.DURATION, "Add", _Kind.DURATION): _Kind.DURATION,
    (_Kind.DURATION, "Sub", _Kind.DURATION): _Kind.DURATION,
    (_Kind.INT, "Add", _Kind.INT): _Kind.INT,
    (_Kind.INT, "Sub", _Kind.INT): _Kind.INT,
}
_PYTHON_INSTANTS = (
    (datetime.min.replace(tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1),
    (datetime.max.replace(tzinfo=UTC) - _EPOCH) // timedelta(microseconds=1),
)


def _python_compare(op: ast.cmpop, a: object, b: object) -> bool:
    a_ = typing.cast("typing.Any", a)
    b_ = typing.cast("typing.Any", b)
    compare: dict[type, Callable[[], bool]] = {
        ast.Eq: lambda: bool(a_ == b_),
        ast.NotEq: lambda: bool(a_ != b_),
        ast.Is: lambda: a_ is b_,
        ast.IsNot: lambda: a_ is not b_,
        ast.Lt: lambda: bool(a_ < b_),
        ast.LtE: lambda: bool(a_ <= b_),
        ast.Gt: lambda: bool(a_ > b_),
        ast.GtE: lambda: bool(a_ >= b_),
        ast.In: lambda: a_ in b_,
        ast.NotIn: lambda: a_ not in b_,
    }
    return compare[type(op)]()


def _construct(node: ast.AST) -> str:
    """The construct a node is, as a message names it: ``a call of explode()``."""
    names = {
        "Call": "a call",
        "Subscript": "a subscript",
        "IfExp": "a conditional expression",
        "Lambda": "a lambda",
        "ListComp": "a list comprehension",
        "SetComp": "a set comprehension",
        "DictComp": "a dict comprehension",
        "GeneratorExp": "a generator expression",
        "JoinedStr": "an f-string",
        "NamedExpr": "an assignment expression",
        "Starred": "a starred expression",
        "Dict": "a dict display",
        "Await": "an await",
    }
    kind = names.get(type(node).__name__, type(node).__name__)
    try:
        return f"{kind}: {ast.unparse(node)}"
    except Exception:  # noqa: BLE001 - unparse is a courtesy for the message  # pragma: no cover
        return kind


# -- predicates and policies as formulas ----------------------------------------------------


@attrs.frozen
class _Tri:
    """A predicate's verdict as formulas: it holds, or it raises (else it fails)."""

    holds: Z3
    raises: Z3


class _Symbolic:
    """The formulas of predicates, rules and decisions of one or more policies."""

    def __init__(self, universe: _Universe) -> None:
        self.u = universe
        self.z3 = universe.z3
        self.cache: dict[Predicate, _Tri] = {}

    def tri(self, predicate: Predicate) -> _Tri:
        found = self.cache.get(predicate)
        if found is not None:
            return found
        z3 = self.z3
        if isinstance(predicate, Leaf):
            value, raises = self.u.leaf(predicate)
            found = _Tri(z3.And(z3.Not(raises), value), raises)
        elif isinstance(predicate, Not):
            inner = self.tri(predicate.operand)
            found = _Tri(self.fails(inner), inner.raises)
        elif isinstance(predicate, All | Any):
            found = self._short_circuit(
                [self.tri(op) for op in predicate.operands], decisive=isinstance(predicate, Any)
            )
        else:  # pragma: no cover - the algebra has no other node
            msg = f"unknown predicate {predicate!r}"
            raise TypeError(msg)
        self.cache[predicate] = found
        return found

    def fails(self, tri: _Tri) -> Z3:
        return self.z3.And(self.z3.Not(tri.holds), self.z3.Not(tri.raises))

    def _short_circuit(self, children: list[_Tri], *, decisive: bool) -> _Tri:
        """As the engine: stop at the first child that raised or decided (held for Any)."""
        z3 = self.z3
        reached = self.u.true
        raises = []
        decided = []
        for child in children:
            raises.append(z3.And(reached, child.raises))
            decisive_here = child.holds if decisive else self.fails(child)
            decided.append(z3.And(reached, decisive_here))
            passing = self.fails(child) if decisive else child.holds
            reached = z3.And(reached, passing)
        raised = z3.Or(*raises)
        if decisive:
            return _Tri(z3.Or(*decided), raised)
        return _Tri(reached, raised)

    def outcomes(self, policy: Policy, rules: Sequence[Rule] | None = None) -> dict[Outcome, Z3]:
        """The condition for each outcome, by the combining algorithm of the engine."""
        z3 = self.z3
        rules = policy.rules if rules is None else rules
        scope = self.tri(policy.scope)
        in_scope = scope.holds
        tris = [(rule, self.tri(rule.when)) for rule in rules]
        forbidden = z3.Or(self.u.false, *(t.holds for r, t in tris if r.effect is Effect.FORBID))
        errors = self.errors(rules)
        permitted = z3.Or(self.u.false, *(t.holds for r, t in tris if r.effect is Effect.PERMIT))
        return {
            Outcome.NOT_APPLICABLE: self.fails(scope),
            Outcome.FORBIDDEN: z3.And(in_scope, forbidden),
            Outcome.PERMITTED: z3.And(in_scope, z3.Not(forbidden), z3.Not(errors), permitted),
            Outcome.NOT_PERMITTED: z3.Or(
                scope.raises,
                z3.And(in_scope, z3.Not(forbidden), z3.Or(errors, z3.Not(permitted))),
            ),
        }

    def errors(self, rules: Sequence[Rule]) -> Z3:
        """When the rules record an error, which refuses a search no prohibition forbids.

        As :meth:`~frpolicy.policy.Policy.evaluate` decides: a rule records the errors its
        verdict gives (:meth:`~frpolicy.predicates.Verdict.errors`). Whether those include
        a leaf that short-circuiting evaluation never reaches is the engine's to say, and
        :func:`_unreached_errors_count` asks it; the tests pin the answer against the
        engine on a request where it matters.
        """
        if _unreached_errors_count():
            leaves = dict.fromkeys(lf for rule in rules for lf in rule.when.leaves())
            return self.z3.Or(self.u.false, *(self.u.leaf(lf)[1] for lf in leaves))
        return self.z3.Or(self.u.false, *(self.tri(rule.when).raises for rule in rules))

    def attaches(self, duty: Duty, outcomes: Mapping[Outcome, Z3]) -> Z3:
        """When a duty attaches: its outcomes, and its condition holds or cannot be evaluated.

        As the engine: a duty whose condition raises attaches (an obligation too many is
        safer than one missed).
        """
        z3 = self.z3
        tri = self.tri(duty.when)
        on = z3.Or(self.u.false, *(outcomes[o] for o in _in_order(duty.outcomes)))
        return z3.And(on, z3.Or(tri.holds, tri.raises))


@functools.cache
def _unreached_errors_count() -> bool:
    """Whether a verdict counts the error of a leaf its evaluation never reaches.

    In ``a & b`` where ``a`` fails, ``b`` is never evaluated; whether an error of ``b``
    still refuses the search is the engine's rule, read here from its own verdicts rather
    than assumed.
    """
    first = Leaf("fails", "a condition that fails", "False")
    second = Leaf("raises", "a condition that raises", "False")

    def verdicts(item: Leaf) -> Verdict:
        return Verdict(item, value=False) if item is first else Verdict(item, None, error="x")

    return bool(All((first, second)).verdict(verdicts).errors())


def _in_order(outcomes: Iterable[Outcome]) -> tuple[Outcome, ...]:
    """Outcomes in the enumeration's order: a formula's shape never depends on a set's order."""
    wanted = frozenset(outcomes)
    return tuple(o for o in Outcome if o in wanted)


def _stable(items: Iterable[_T]) -> list[_T]:
    """A collection's items in an order that does not change between processes.

    The iteration order of a set of strings or enumeration members follows their hashes,
    which Python salts per process; the solver's formulas, and so its witnesses, must not.
    """
    if not isinstance(items, set | frozenset):
        return list(items)

    def key(item: object) -> tuple[str, int, str]:
        if isinstance(item, enum.Enum):
            return (type(item).__qualname__, list(type(item)).index(item), "")
        return (type(item).__qualname__, 0, repr(item))

    return sorted(items, key=key)


# -- from a model to a request, and back to the engine --------------------------------------


class _Session:
    """A solver over one universe, for the questions about one version or two."""

    def __init__(self, versions: Sequence[Version]) -> None:
        self.u = _Universe()
        self.z3 = self.u.z3
        self.sym = _Symbolic(self.u)
        self.versions = tuple(versions)
        self.outcomes = {id(v): self.sym.outcomes(v.policy) for v in self.versions}
        self.leaves: list[Leaf] = list(
            dict.fromkeys(itertools.chain.from_iterable(_version_leaves(v) for v in versions))
        )
        for item in self.leaves:
            self.u.leaf(item)
        self.solver = self.z3.Solver()
        self.solver.set("random_seed", 0)
        self.solver.add(*self.u.constraints)
        self.constraint_count = len(self.u.constraints)
        self.absent = [
            self.z3.Not(field.present)
            for field in self.u.fields.values()
            if isinstance(field, _Obj) and not self.z3.is_true(field.present)
        ]

    def sync(self) -> None:
        """Add the constraints new leaves brought (string constants, say)."""
        new = self.u.constraints[self.constraint_count :]
        if new:
            self.solver.add(*new)
            self.constraint_count = len(self.u.constraints)

    def tri(self, predicate: Predicate) -> _Tri:
        tri = self.sym.tri(predicate)
        self.sync()
        return tri

    def solve(self, *formulas: Z3) -> Z3 | None:
        """A model of the constraints and the formulas, as small as it can be; else None.

        Small: every optional object absent that can be, times in a recent year.
        """
        return _near(self, self.z3.And(self.u.true, *formulas), self.absent)

    def opaque_in(self, predicates: Iterable[Predicate]) -> list[Leaf]:
        return [
            lf
            for lf in dict.fromkeys(itertools.chain.from_iterable(p.leaves() for p in predicates))
            if lf in self.u.opaque
        ]

    # -- concretization --

    def request(self, found: Z3) -> model.SearchRequest:
        """The concrete request a model describes, built through the model's validators."""
        texts = self._texts(found)
        try:
            built = self._object(found, self.u.root, texts)
        except (ValueError, TypeError) as error:
            msg = (
                f"the model refused the request the solver described ({error}); a check of "
                "the model is missing from the analysis's constraints"
            )
            raise AnalysisError(msg) from error
        assert isinstance(built, model.SearchRequest)  # noqa: S101 - the root's class
        return built

    def _texts(self, found: Z3) -> dict[str, str]:
        """A string for each element of the string domain the model uses."""
        z3 = self.z3
        names: dict[str, str] = {}
        for text, constant in self.u.literals.items():
            names.setdefault(found.eval(constant, model_completion=True).sexpr(), text)
        counter = itertools.count(1)
        places = {id(p) for p in self.u.places}
        unnamed: dict[str, tuple[_Scalar, bool]] = {}  # element: a field holding it, a place?
        for field in self.u.texts:
            element = found.eval(field.value, model_completion=True).sexpr()
            if element in names or field.path not in self.u.touched:
                continue
            place = id(field) in places and z3.is_true(
                found.eval(field.present, model_completion=True)
            )
            held = unnamed.get(element)
            unnamed[element] = (field, place or (held is not None and held[1]))
        for element, (field, place) in unnamed.items():
            starts = {
                start: z3.is_true(found.eval(test(field.value), model_completion=True))
                for start, test in self.u.prefixes.items()
            }
            made = _fresh_text(
                field.path.rsplit(".", 1)[-1],
                max((s for s, held in starts.items() if held), key=len, default=""),
                [s for s, held in starts.items() if not held],
                set(names.values()),
                counter,
                place=place,
            )
            if made is None:
                msg = f"no string of r.{field.path} is what the solver describes"
                raise AnalysisError(msg)
            names[element] = made
        for queries in self.u.set_queries.values():
            for term in queries:
                element = found.eval(term, model_completion=True).sexpr()
                names.setdefault(element, f"text-{next(counter)}")
        return names

    def _object(self, found: Z3, obj: _Obj, texts: dict[str, str]) -> object:
        z3 = self.z3
        values: dict[str, object] = {}
        for field in attrs.fields(obj.cls):
            if not field.init:
                continue
            path = f"{obj.path}.{field.name}" if obj.path else field.name
            symbolic = self.u.fields.get(path)
            if symbolic is None:
                if field.default is attrs.NOTHING:  # pragma: no cover - no such model field
                    msg = f"r.{path}: a required field the analysis cannot build"
                    raise AnalysisError(msg)
                continue
            optional = not z3.is_true(symbolic.present)
            if optional:
                there = f"{path}?" in self.u.touched and z3.is_true(
                    found.eval(symbolic.present, model_completion=True)
                )
                if not there:
                    values[field.name] = None
                    continue
            if isinstance(symbolic, _Obj):
                values[field.name] = self._object(found, symbolic, texts)
            else:
                values[field.name] = self._value(found, symbolic, texts)
        return obj.cls(**values)

    def _value(self, found: Z3, scalar: _Scalar, texts: dict[str, str]) -> object:  # noqa: PLR0911 - one return per type
        z3 = self.z3
        kind = scalar.type
        if kind.kind is _Kind.SET:
            element = kind.element
            assert element is not None  # noqa: S101 - a set type has its element
            if element.kind is _Kind.ENUM:
                assert element.enum is not None  # noqa: S101 - an enum type has its class
                consts = _enum_sort(element.enum)[1]
                return frozenset(
                    m
                    for m, c in consts.items()
                    if z3.is_true(found.eval(scalar.value(c), model_completion=True))
                )
            return frozenset(
                texts[found.eval(t, model_completion=True).sexpr()]
                for t in self.u.set_queries[scalar.path]
                if z3.is_true(found.eval(scalar.value(t), model_completion=True))
            )
        if kind.kind is _Kind.TEXT and scalar.path not in self.u.touched:
            return _filler(scalar.path)
        value = found.eval(scalar.value, model_completion=True)
        if kind.kind is _Kind.BOOL:
            return z3.is_true(value)
        if kind.kind is _Kind.ENUM:
            assert kind.enum is not None  # noqa: S101 - an enum type has its class
            return kind.enum[value.sexpr()]
        if kind.kind is _Kind.TEXT:
            return texts[value.sexpr()]
        number = value.as_long()
        if kind.kind is _Kind.INSTANT:
            return _EPOCH + timedelta(microseconds=number)
        if kind.kind is _Kind.DAY:
            return date.fromordinal(number)
        if kind.kind is _Kind.DURATION:
            return timedelta(microseconds=number)
        return number

    # -- agreement --

    def agree(self, found: Z3, request: model.SearchRequest, leaves: Iterable[Leaf]) -> list[Leaf]:
        """Compare the solver's leaves with the engine's; return the opaque ones that differ.

        Raises:
            AnalysisError: a translated leaf differs: the translation is wrong.
        """
        z3 = self.z3
        at = evaluation_time(request, None)
        differing: list[Leaf] = []
        for item in leaves:
            value, raises = self.u.leaf(item)
            solver_raises = z3.is_true(found.eval(raises, model_completion=True))
            solver_value = z3.is_true(found.eval(value, model_completion=True))
            verdict = item.evaluate(request, at)
            engine_raises = verdict.value is None
            same = solver_raises == engine_raises and (
                engine_raises or solver_value == verdict.value
            )
            if same:
                continue
            if item in self.u.opaque:
                differing.append(item)
                continue
            solver = "raises" if solver_raises else str(solver_value)
            engine = f"raises ({verdict.error})" if engine_raises else str(verdict.value)
            msg = (
                f"the translation of leaf {item!r} is wrong: the solver says {solver}, the "
                f"engine says {engine}, on the request {_json(request)}"
            )
            raise AnalysisError(msg)
        return differing

    def witness(
        self, found: Z3, versions: Sequence[Version], extra: Iterable[Predicate] = ()
    ) -> tuple[Witness, list[Leaf]]:
        """The witness a model describes, checked leaf by leaf against the engine."""
        request = self.request(found)
        leaves = dict.fromkeys(
            itertools.chain(*(_version_leaves(v) for v in versions), *(p.leaves() for p in extra))
        )
        differing = self.agree(found, request, leaves)
        decisions = tuple(v.evaluate(request) for v in versions)
        if not differing:
            z3 = self.z3
            for version, decision in zip(versions, decisions, strict=True):
                outcomes = self.outcomes.get(id(version)) or self.sym.outcomes(version.policy)
                expected = [
                    o
                    for o, f in outcomes.items()
                    if z3.is_true(found.eval(f, model_completion=True))
                ]
                if expected != [decision.outcome]:
                    msg = (
                        f"the combining of {_label(version)} is wrong: the solver says "
                        f"{expected}, the engine {decision.outcome.name}, on {_json(request)}"
                    )
                    raise AnalysisError(msg)
        names = tuple(_label(v) for v in versions)
        return Witness(request=request, decisions=decisions, versions=names), differing


def _filler(path: str) -> str:
    """A readable value for a string no leaf reads: the field's own name."""
    return "witness" if path == "id" else path.replace("_", " ").replace(".", " ")


def _json(request: model.SearchRequest) -> str:
    from frpolicy.serialization import to_json  # noqa: PLC0415 - only for an error message

    return to_json(request)


def _version_leaves(version: Version) -> Iterator[Leaf]:
    policy = version.policy
    yield from policy.scope.leaves()
    for rule in policy.rules:
        yield from rule.when.leaves()
    for duty in policy.duties:
        yield from duty.when.leaves()


def _undecided(leaves: Iterable[Leaf], universe: _Universe) -> str:
    """Why a claim is undecided: the opaque leaves on whose value the witness turned.

    Raises:
        AnalysisError: no leaf is opaque, so the engine should have confirmed the witness.
    """
    named = "; ".join(f"leaf {lf!r} is opaque ({universe.opaque[lf]})" for lf in leaves)
    if not named:
        msg = "the engine does not confirm the solver's witness, and no leaf is opaque"
        raise AnalysisError(msg)
    return f"not proved: {named}"


# -- the questions --------------------------------------------------------------------------


def _invariant_claim(session: _Session, version: Version, invariant: Invariant) -> Claim:
    z3 = session.z3
    holds, when, obliges = invariant.holds, invariant.when, invariant.obliges
    outcomes = session.outcomes[id(version)]
    duties = {d.id: d for d in version.policy.duties}
    premise = [z3.Or(session.u.false, *(outcomes[o] for o in _in_order(invariant.outcomes)))]
    if when is not None:
        premise.append(z3.Not(session.sym.fails(session.tri(when))))
    broken = []
    if holds is not None:
        broken.append(z3.Not(session.tri(holds).holds))
    missing = [d for d in obliges if d not in duties]
    broken += [z3.Not(session.sym.attaches(duties[d], outcomes)) for d in obliges if d in duties]
    violation = z3.And(*premise, z3.Or(session.u.false, *broken))
    statement = f"invariant {invariant.id} holds under {_label(version)}: "
    statement += invariant.statement
    base = functools.partial(
        Claim,
        kind=ClaimKind.INVARIANT,
        subject=invariant.id,
        version=_label(version),
        statement=statement,
    )
    if missing:
        detail = f"it obliges {', '.join(missing)}, which this version does not have"
        premise_model = session.solve(*premise)
        if premise_model is None:  # no request is concerned: nothing is missed
            return base(status=Status.PROVED, detail=f"no request is concerned, though {detail}")
        witness, differing = session.witness(
            premise_model, [version], _invariant_predicates(invariant)
        )
        if _invariant_problem(invariant, witness.decisions[0], witness.request) is None:
            return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
        return base(status=Status.DISPROVED, detail=detail, witness=witness)
    found = session.solve(violation)
    if found is None:
        return base(status=Status.PROVED)
    witness, differing = session.witness(found, [version], _invariant_predicates(invariant))
    problem = _invariant_problem(invariant, witness.decisions[0], witness.request)
    if problem is None:
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    return base(status=Status.DISPROVED, detail=problem, witness=witness)


def _invariant_predicates(invariant: Invariant) -> list[Predicate]:
    return [p for p in (invariant.holds, invariant.when) if p is not None]


def _invariant_problem(
    invariant: Invariant, decision: Decision, request: model.SearchRequest
) -> str | None:
    """What the engine says breaks the invariant on a request, or None if nothing does."""
    try:
        broken = invariant.broken_by(request, decision)
    except Exception as error:  # noqa: BLE001 - an invariant whose condition raises is broken
        broken = f"its condition cannot be evaluated ({type(error).__name__}: {error})"
    if broken is None:
        return None
    return f"the outcome is {decision.outcome.name}, but {broken}"


def prove(version: Version, invariant: Invariant) -> Claim:
    """Prove that an invariant holds for every request, or find a counterexample.

    Args:
        version: The version of the law.
        invariant: A statement about its decisions (one of ``version.invariants``, or any).

    Returns:
        A claim of kind :attr:`~ClaimKind.INVARIANT`: proved; disproved, with a
        counterexample the engine confirms; or undecided, naming the opaque leaves.

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    session = _Session([version])
    return _invariant_claim(session, version, invariant)


def _decides_claim(session: _Session, version: Version, rule: Rule) -> Claim:
    z3 = session.z3
    policy = version.policy
    outcomes = session.outcomes[id(version)]
    tri = session.tri(rule.when)
    scope = session.tri(policy.scope).holds
    outcome = Outcome.PERMITTED if rule.effect is Effect.PERMIT else Outcome.FORBIDDEN
    decides = z3.And(outcomes[outcome], tri.holds)
    base = functools.partial(
        Claim,
        kind=ClaimKind.DECIDES,
        subject=rule.id,
        version=_label(version),
        statement=f"rule {rule.id} decides some request under {_label(version)}",
    )
    found = session.solve(decides)
    if found is not None:
        witness, differing = session.witness(found, [version])
        if any(r.rule == rule.id for r in witness.decisions[0].determining if r.applies) and (
            witness.decisions[0].outcome is outcome
        ):
            return base(status=Status.PROVED, witness=witness)
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    if session.solve(scope, tri.holds) is None:
        detail = "it is vacuous: its condition never holds of a request in scope"
    elif (
        rule.effect is Effect.PERMIT
        and session.solve(scope, tri.holds, z3.Not(_forbidden(session, policy))) is None
    ):
        overriding = [
            f.id
            for f in policy.rules
            if f.effect is Effect.FORBID
            and session.solve(scope, tri.holds, session.tri(f.when).holds) is not None
        ]
        detail = f"it is shadowed: whenever it applies, {', '.join(overriding)} forbids"
    else:
        detail = "it is vacuous: it applies only where another rule cannot be evaluated"
    return base(status=Status.DISPROVED, detail=detail)


def _forbidden(session: _Session, policy: Policy) -> Z3:
    z3 = session.z3
    return z3.Or(
        session.u.false,
        *(session.tri(r.when).holds for r in policy.rules if r.effect is Effect.FORBID),
    )


def _needed_claim(session: _Session, version: Version, rule: Rule) -> Claim:
    z3 = session.z3
    policy = version.policy
    with_rule = session.outcomes[id(version)]
    without = session.sym.outcomes(policy, [r for r in policy.rules if r is not rule])
    differs = z3.Or(*(z3.Xor(with_rule[o], without[o]) for o in Outcome))
    base = functools.partial(
        Claim,
        kind=ClaimKind.NEEDED,
        subject=rule.id,
        version=_label(version),
        statement=f"rule {rule.id} is needed under {_label(version)}: taking it "
        "away changes some decision",
    )
    found = session.solve(differs)
    if found is None:
        tri = session.tri(rule.when)
        same = [
            r.id
            for r in policy.rules
            if r is not rule
            and r.effect is rule.effect
            and session.solve(tri.holds, session.tri(r.when).holds) is not None
        ]
        detail = "it is redundant: no decision changes without it"
        if same:
            detail += f"; where it applies, {', '.join(same)} decide the same"
        return base(status=Status.DISPROVED, detail=detail)
    witness, differing = session.witness(found, [version])
    if _without(witness.decisions[0], rule) is witness.decisions[0].outcome:
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    return base(status=Status.PROVED, witness=witness)


def _combined(reasons: Iterable[Reason]) -> Outcome:
    """The outcome the engine's combining algorithm gives these reasons of a decision in scope."""
    reasons = list(reasons)
    if any(r.applies for r in reasons if r.effect is Effect.FORBID):
        return Outcome.FORBIDDEN
    if any(r.error is not None for r in reasons):
        return Outcome.NOT_PERMITTED
    if any(r.applies for r in reasons if r.effect is Effect.PERMIT):
        return Outcome.PERMITTED
    return Outcome.NOT_PERMITTED


def _without(decision: Decision, rule: Rule) -> Outcome:
    """The outcome of a decision had the policy not had ``rule``, from the engine's reasons.

    Raises:
        AnalysisError: the combining of all the reasons is not the decision's outcome.
    """
    if decision.outcome is Outcome.NOT_APPLICABLE or not decision.reasons:
        return decision.outcome  # out of scope, or the scope raised: no rule was asked
    if _combined(decision.reasons) is not decision.outcome:
        msg = f"the combining of {decision.instrument}'s reasons is not the engine's"
        raise AnalysisError(msg)
    return _combined(r for r in decision.reasons if r.rule != rule.id)


def _attaches_claim(session: _Session, version: Version, duty: Duty) -> Claim:
    z3 = session.z3
    outcomes = session.outcomes[id(version)]
    tri = session.tri(duty.when)
    on = z3.Or(session.u.false, *(outcomes[o] for o in _in_order(duty.outcomes)))
    base = functools.partial(
        Claim,
        kind=ClaimKind.ATTACHES,
        subject=duty.id,
        version=_label(version),
        statement=f"duty {duty.id} attaches to some request under {_label(version)}",
    )
    found = session.solve(on, tri.holds)
    if found is None:
        return base(
            status=Status.DISPROVED,
            detail="it can never attach: its condition never holds of a request whose outcome "
            "it follows",
        )
    witness, differing = session.witness(found, [version])
    if any(o.duty == duty.id for o in witness.decisions[0].obligations):
        return base(status=Status.PROVED, witness=witness)
    return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))


def _raises_claim(session: _Session, version: Version, item: Leaf) -> Claim:
    _, raises = session.u.leaf(item)
    base = functools.partial(
        Claim,
        kind=ClaimKind.NEVER_RAISES,
        subject=repr(item),
        version=_label(version),
        statement=f"leaf {item!r} can be evaluated on every valid request",
    )
    found = session.solve(raises)
    if found is None:
        return base(status=Status.PROVED)
    request = session.request(found)
    verdict = item.evaluate(request, evaluation_time(request, None))
    witness = Witness(
        request=request, decisions=(version.evaluate(request),), versions=(_label(version),)
    )
    if verdict.value is None:
        return base(status=Status.DISPROVED, detail=f"it raises {verdict.error}", witness=witness)
    session.agree(found, request, [item])  # raises AnalysisError for a translated leaf
    return base(status=Status.UNDECIDED, detail=_undecided([item], session.u))


def _applies_claim(session: _Session, version: Version, invariant: Invariant) -> Claim:
    z3 = session.z3
    outcomes = session.outcomes[id(version)]
    premise = [z3.Or(session.u.false, *(outcomes[o] for o in _in_order(invariant.outcomes)))]
    if invariant.when is not None:
        premise.append(session.tri(invariant.when).holds)
    base = functools.partial(
        Claim,
        kind=ClaimKind.APPLIES,
        subject=invariant.id,
        version=_label(version),
        statement=f"invariant {invariant.id} concerns some request under {_label(version)}",
    )
    found = session.solve(*premise)
    if found is None:
        wanted = " or ".join(_outcome(o) for o in _in_order(invariant.outcomes))
        where = " and meets its condition" if invariant.when is not None else ""
        return base(
            status=Status.DISPROVED,
            detail=f"it is vacuous: no request is {wanted}{where}, so it proves nothing",
        )
    witness, differing = session.witness(found, [version], _invariant_predicates(invariant))
    decision = witness.decisions[0]
    when = invariant.when
    if decision.outcome in invariant.outcomes and (
        when is None or when.explain(witness.request, decision.at).value is True
    ):
        return base(status=Status.PROVED, witness=witness)
    return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))


def _variant_version(version: Version, variant: Variant) -> Version:
    """The version with a variant's scope, rules and duties: the law under another reading."""
    policy = version.policy
    readings = tuple(
        r.choose(variant.choice) if r.id == variant.reading else r for r in policy.readings
    )
    other = attrs.evolve(
        policy,
        scope=variant.scope,
        rules=variant.rules,
        duties=variant.duties,
        readings=readings,
        variants=(),
    )
    return attrs.evolve(version, policy=other)


def _differs(session: _Session, one: Version, other: Version, *, deadlines_only: bool) -> Z3:
    """When two versions decide a request differently: its outcome, or its obligations.

    Obligations differ when a duty attaches under one and not the other, or under both on
    other terms (only other deadlines, with ``deadlines_only``: what a decision's
    ``Decision.readings`` compares).
    """
    z3 = session.z3
    a = session.outcomes.get(id(one)) or session.sym.outcomes(one.policy)
    b = session.outcomes.get(id(other)) or session.sym.outcomes(other.policy)
    parts = [z3.Xor(a[o], b[o]) for o in Outcome]
    mine = {d.id: d for d in one.policy.duties}
    theirs = {d.id: d for d in other.policy.duties}
    for duty_id in dict.fromkeys([*mine, *theirs]):
        in_a = session.sym.attaches(mine[duty_id], a) if duty_id in mine else None
        in_b = session.sym.attaches(theirs[duty_id], b) if duty_id in theirs else None
        if in_a is None or in_b is None:
            parts.append(in_a if in_b is None else in_b)
            continue
        parts.append(z3.Xor(in_a, in_b))
        same_terms = (
            mine[duty_id].deadline == theirs[duty_id].deadline
            if deadlines_only
            else not _revisions(mine[duty_id], theirs[duty_id])
        )
        if not same_terms:
            parts.append(z3.And(in_a, in_b))
    return z3.Or(session.u.false, *parts)


def _obligations_differ(one: Decision, other: Decision, *, deadlines_only: bool) -> bool:
    """Whether two concrete decisions differ in outcome or obligations (as :func:`_differs`)."""
    if one.outcome is not other.outcome:
        return True

    def terms(decision: Decision) -> dict[str, object]:
        return {
            o.duty: o.deadline
            if deadlines_only
            else (
                o.action,
                o.party,
                o.deadline,
                o.fulfilled_by,
                o.disclosures,
                o.court,
                o.supervisory,
                o.arises_on,
            )
            for o in decision.obligations
        }

    return terms(one) != terms(other)


def _reading_claim(session: _Session, version: Version, variant: Variant) -> Claim:
    reading = version.policy.reading(variant.reading)
    other = _variant_version(version, variant)
    base = functools.partial(
        Claim,
        kind=ClaimKind.READING,
        subject=f"{variant.reading}={variant.choice}",
        version=_label(version),
        statement=f"reading {variant.reading}: choosing {variant.choice} rather than "
        f"{reading.chosen} changes some decision under {_label(version)}",
    )
    found = session.solve(_differs(session, version, other, deadlines_only=False))
    if found is None:
        return base(
            status=Status.DISPROVED,
            detail="the reading is moot: under either choice every request has the same "
            "outcome and the same obligations",
        )
    witness, differing = session.witness(found, [version, other])
    mine, theirs = witness.decisions
    if not _obligations_differ(mine, theirs, deadlines_only=False):
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    named = variant.reading in {r.id for r in mine.readings}
    if _obligations_differ(mine, theirs, deadlines_only=True) and not named:
        return base(
            status=Status.DISPROVED,
            detail="the decision changes with the reading ("
            + _difference(version, other, witness)
            + "), but its memo does not name it (Decision.readings)",
            witness=witness,
        )
    return base(status=Status.PROVED, detail=_difference(version, other, witness), witness=witness)


def _difference(one: Version, other: Version, witness: Witness) -> str:
    """What changes on a witness from one version to the other: outcome, duties, their terms."""
    mine, theirs = witness.decisions
    if mine.outcome is theirs.outcome:
        parts = [f"a request {_outcome(mine.outcome)} under both"]
    else:
        parts = [f"a request {_outcome(mine.outcome)} becomes {_outcome(theirs.outcome)}"]
    duties = {d.id: d for d in one.policy.duties}
    others = {d.id: d for d in other.policy.duties}
    before = [o.duty for o in mine.obligations]
    after = [o.duty for o in theirs.obligations]
    parts += [f"{d} is dropped" for d in before if d not in after]
    parts += [f"{d} is added" for d in after if d not in before]
    parts += [
        f"{d}'s {revision}"
        for d in before
        if d in after
        for revision in _revisions(duties[d], others[d])
    ]
    return "; ".join(parts)


def _claims(session: _Session, version: Version) -> list[Claim]:
    policy = version.policy
    claims: list[Claim] = [
        Claim(
            kind=ClaimKind.ANALYSABLE,
            subject=repr(item),
            version=_label(version),
            statement=f"leaf {item!r} is written in the subset the analysis translates",
            status=Status.UNDECIDED,
            detail=f"it is opaque: {session.u.opaque[item]}",
        )
        for item in dict.fromkeys(_version_leaves(version))
        if item in session.u.opaque
    ]
    for inv in version.invariants:
        claims += [
            _invariant_claim(session, version, inv),
            _applies_claim(session, version, inv),
        ]
    claims += [_decides_claim(session, version, rule) for rule in policy.rules]
    decided = {c.subject for c in claims if c.kind is ClaimKind.DECIDES and c.proved}
    claims += [_needed_claim(session, version, rule) for rule in policy.rules if rule.id in decided]
    claims += [_attaches_claim(session, version, duty) for duty in policy.duties]
    claims += [
        _raises_claim(session, version, item)
        for item in dict.fromkeys(_version_leaves(version))
        if item not in session.u.opaque
    ]
    claims += [_reading_claim(session, version, variant) for variant in policy.variants]
    return claims


def verify(version: Version, *, jurisdiction: str | None = None) -> Verification:
    """Everything the analysis can establish about a version, each as a :class:`Claim`.

    The claims: each leaf is analysable; each declared invariant holds, and concerns some
    request (else it is vacuous); each rule decides some request (else it is vacuous, or
    shadowed by a prohibition) and is needed (else it is redundant); each duty attaches to
    some request; each leaf can be evaluated on every valid request; and each other choice
    of each reading the version rests on (its policy's ``variants``)
    changes the outcome or the obligations of
    some request (else the reading is moot), on a witness whose memo names the reading.

    The claims are about the version under the readings it has in force; verify
    ``version.with_readings({...})`` for the law read another way.

    Args:
        version: The version of the law.
        jurisdiction: The code shown in the report (default: the policy's).

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    session = _Session([version])
    return Verification(
        jurisdiction=jurisdiction or version.policy.jurisdiction,
        version=_label(version),
        claims=tuple(_claims(session, version)),
    )


def query(
    version: Version,
    predicate: Predicate,
    *,
    outcomes: Iterable[Outcome] = (Outcome.PERMITTED,),
) -> Claim:
    """Whether some request with one of ``outcomes`` satisfies ``predicate``, with a witness.

    "Can a local police department ever be permitted to search?" is
    ``query(version, performed_by(AgencyKind.LOCAL_POLICE))``: proved with a witness
    request, or disproved: no request the model can express is both.

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    wanted = frozenset(outcomes)
    session = _Session([version])
    z3 = session.z3
    tri = session.tri(predicate)
    on = z3.Or(session.u.false, *(session.outcomes[id(version)][o] for o in _in_order(wanted)))
    names = " or ".join(sorted(o.name for o in wanted))
    base = functools.partial(
        Claim,
        kind=ClaimKind.QUERY,
        subject=repr(predicate),
        version=_label(version),
        statement=f"under {_label(version)}, some {names} request satisfies: "
        + predicate.describe(),
    )
    found = session.solve(on, tri.holds)
    if found is None:
        return base(status=Status.DISPROVED, detail="no request the model can express does")
    witness, differing = session.witness(found, [version], [predicate])
    if witness.decisions[0].outcome in wanted and predicate.explain(witness.request).value:
        return base(status=Status.PROVED, witness=witness)
    return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))


def check_agreement(version: Version, request: model.SearchRequest) -> None:
    """Check that the solver, pinned to one request, agrees with the engine on everything.

    The translation's differential test: every leaf's value (or error), every rule's
    verdict, the outcome, the duties attached and the readings the decision rests on
    (``Decision.readings``), as the solver computes them for this
    request, must be the engine's. The law-property suite runs it on generated requests
    (the ``symbolic-agreement`` property). Where a leaf is opaque only the leaves are
    compared: an opaque leaf's value is free, so nothing built on it can be pinned.

    The translation of a version is made once and kept for the next request (for the
    last few versions checked).

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: they disagree; the message names the leaf, rule, duty or reading.
    """
    _agreement(version).check(request)


_AGREEMENTS: dict[int, tuple[Version, _Agreement]] = {}
_AGREEMENTS_KEPT = 8


def _agreement(version: Version) -> _Agreement:
    """The translation of a version for :func:`check_agreement`, made once."""
    found = _AGREEMENTS.get(id(version))
    if found is not None and found[0] is version:
        return found[1]
    if len(_AGREEMENTS) >= _AGREEMENTS_KEPT:
        del _AGREEMENTS[next(iter(_AGREEMENTS))]
    made = _Agreement(version)
    _AGREEMENTS[id(version)] = (version, made)  # the version is kept, so its id is not reused
    return made


class _Agreement:
    """One version translated, and checked against the engine request by request."""

    def __init__(self, version: Version) -> None:
        self.version = version
        self.session = session = _Session([version])
        self.opaque = any(lf in session.u.opaque for lf in session.leaves)
        self.rules = [(rule, session.tri(rule.when)) for rule in version.policy.rules]
        outcomes = session.outcomes[id(version)]
        self.duties = [
            (duty, session.sym.attaches(duty, outcomes)) for duty in version.policy.duties
        ]
        self.readings = [
            (
                variant,
                _differs(session, version, _variant_version(version, variant), deadlines_only=True),
            )
            for variant in version.policy.variants
        ]
        session.sync()

    def check(self, request: model.SearchRequest) -> None:
        session, z3 = self.session, self.session.z3
        solver = session.solver
        solver.push()
        try:
            solver.add(*_pin(session.u, request))
            if solver.check() != z3.sat:
                msg = f"the analysis's constraints exclude a valid request: {_json(request)}"
                raise AnalysisError(msg)
            found = solver.model()
        finally:
            solver.pop()
        session.agree(found, request, [lf for lf in session.leaves if lf not in session.u.opaque])
        if self.opaque:
            return

        def value(formula: Z3) -> bool:
            return bool(z3.is_true(found.eval(formula, model_completion=True)))

        problem = self._rules(request, value) or self._decision(request, value)
        if problem is not None:
            msg = f"{problem}, on {_json(request)}"
            raise AnalysisError(msg)

    def _rules(self, request: model.SearchRequest, value: Callable[[Z3], bool]) -> str | None:
        at = evaluation_time(request, None)
        for rule, tri in self.rules:
            engine = rule.when.explain(request, at).value
            solver_says = None if value(tri.raises) else value(tri.holds)
            if solver_says != engine:
                return f"rule {rule.id}: the solver says {solver_says}, the engine {engine}"
        return None

    def _decision(self, request: model.SearchRequest, value: Callable[[Z3], bool]) -> str | None:
        version = self.version
        decision = version.evaluate(request)
        expected = [o for o, f in self.session.outcomes[id(version)].items() if value(f)]
        if expected != [decision.outcome]:
            return f"{_label(version)}: the solver says {expected}, the engine {decision.outcome}"
        attached = {o.duty for o in decision.obligations}
        for duty, formula in self.duties:
            if value(formula) != (duty.id in attached):
                return (
                    f"duty {duty.id}: the solver says it attaches: {value(formula)}, the engine: "
                    f"{duty.id in attached}"
                )
        named = {r.id for r in decision.readings}
        changing = {v.reading for v, f in self.readings if value(f)}
        if named != changing:
            return (
                f"the solver says the decision rests on the readings {sorted(changing)}, the "
                f"engine {sorted(named)}"
            )
        return None


def _pin(universe: _Universe, request: model.SearchRequest) -> list[Z3]:  # noqa: C901 - one case per kind of field
    """Formulas that hold of exactly this request (as far as the leaves can tell).

    A string of the request that no leaf names is a constant of its own, distinct from every
    other string, made for this request only: the formulas are added in a solver scope and
    leave the universe as it was.
    """
    z3 = universe.z3
    pins: list[Z3] = []
    scratch: dict[str, Z3] = {}

    def text(value: str) -> Z3:
        known = universe.literals.get(value)
        if known is not None:
            return known
        made = scratch.get(value)
        if made is None:
            made = z3.Const(f"request {value!r}", _text_sort())
            pins.extend(made != other for other in universe.literals.values())
            pins.extend(made != other for other in scratch.values())
            pins.extend(
                test(made) == z3.BoolVal(value.startswith(start))
                for start, test in universe.prefixes.items()
            )
            scratch[value] = made
        return made

    def walk(obj: object, path: str) -> None:  # noqa: C901 - one case per kind of field
        for field in attrs.fields(typing.cast("type[typing.Any]", type(obj))):
            if not field.init:
                continue
            where = f"{path}.{field.name}" if path else field.name
            symbolic = universe.fields.get(where)
            if symbolic is None:
                continue
            value = getattr(obj, field.name)
            if not z3.is_true(symbolic.present):
                pins.append(symbolic.present if value is not None else z3.Not(symbolic.present))
            if value is None:
                continue
            if isinstance(symbolic, _Obj):
                walk(value, where)
            elif symbolic.type.kind is _Kind.SET:
                element = symbolic.type.element
                assert element is not None  # noqa: S101 - a set type has its element
                if element.kind is _Kind.ENUM:
                    assert element.enum is not None  # noqa: S101 - an enum has its class
                    for member, const in _enum_sort(element.enum)[1].items():
                        member_of = symbolic.value(const)
                        pins.append(member_of if member in value else z3.Not(member_of))
                else:
                    sets.append((symbolic, value))
            elif symbolic.type.kind is _Kind.TEXT:
                pins.append(symbolic.value == text(value))
            else:
                pins.append(symbolic.value == universe.constant(symbolic.type, value))

    sets: list[tuple[_Scalar, frozenset[str]]] = []
    walk(request, "")
    for _, members in sets:
        for member in _stable(members):
            text(member)
    strings = {**universe.literals, **scratch}
    for symbolic, members in sets:  # every string named, in the set or out of it
        for name, constant in strings.items():
            member_of = symbolic.value(constant)
            pins.append(member_of if name in members else z3.Not(member_of))
    return pins


# -- diff -----------------------------------------------------------------------------------

_DIFF_LIMIT = 40
"""Classes sought per transition at most; past it the diff says it is not complete."""


@attrs.frozen
class _Atom:
    """A condition a class of requests can be stated with: a leaf, or a version's rule."""

    name: str
    description: str
    holds: Z3
    fails: Z3
    raises: Z3
    leaf: bool = False


@attrs.frozen(kw_only=True)
class _NearMiss:
    rule: str
    has: tuple[Condition, ...]
    lacks: tuple[Condition, ...]


@attrs.frozen
class _Literal:
    atom: _Atom
    state: str  # "holds", "fails" or "raises"

    @property
    def formula(self) -> Z3:
        return typing.cast("Z3", getattr(self.atom, self.state))

    def condition(self) -> Condition:
        if self.state == "raises":
            return Condition(
                self.atom.name, f"cannot be evaluated: {self.atom.description}", held=False
            )
        return Condition(self.atom.name, self.atom.description, held=self.state == "holds")


class _Differ:
    """The atoms of two versions, and classes of requests stated with them."""

    def __init__(self, session: _Session, before: Version, after: Version) -> None:
        self.session = session
        self.z3 = session.z3
        self.versions = (before, after)
        self.leaf_atoms = {item: self._leaf_atom(item) for item in session.leaves}
        self.rule_atoms = {
            (id(v), rule.id): self._rule_atom(v, rule)
            for v in self.versions
            for rule in v.policy.rules
        }
        self.scope_atoms = {id(v): self._scope_atom(v) for v in self.versions}
        self.ban_atoms = {id(v): self._ban_atom(v) for v in self.versions}
        self.outcome_atoms = {
            (id(v), o): _Atom(
                f"{_label(v)} {o.name}",
                f"{_outcome(o)} under {_label(v)}",
                session.outcomes[id(v)][o],
                session.z3.Not(session.outcomes[id(v)][o]),
                session.u.false,
            )
            for v in self.versions
            for o in Outcome
        }
        self.wishes = _preferences(session, [after, before])

    def _atom(self, name: str, description: str, predicate: Predicate) -> _Atom:
        tri = self.session.tri(predicate)
        return _Atom(
            name,
            description,
            tri.holds,
            self.session.sym.fails(tri),
            tri.raises,
            leaf=isinstance(predicate, Leaf),
        )

    def _leaf_atom(self, item: Leaf) -> _Atom:
        return self._atom(repr(item), item.describe(), item)

    def _rule_atom(self, version: Version, rule: Rule) -> _Atom:
        verb = "permits" if rule.effect is Effect.PERMIT else "forbids"
        text = f"{rule.id} ({_label(version)}) {verb} it"
        return self._atom(f"{_label(version)} {rule.id}", text, rule.when)

    def _ban_atom(self, version: Version) -> _Atom:
        z3 = self.z3
        bans = [r for r in version.policy.rules if r.effect is Effect.FORBID]
        tris = [self.session.tri(r.when) for r in bans]
        names = ", ".join(r.id for r in bans) or "none"
        return _Atom(
            f"{_label(version)} prohibitions",
            f"a prohibition of {_label(version)} applies ({names})",
            z3.Or(self.session.u.false, *(t.holds for t in tris)),
            z3.And(self.session.u.true, *(z3.Not(t.holds) for t in tris)),
            self.session.u.false,
        )

    def _scope_atom(self, version: Version) -> _Atom:
        text = f"{_label(version)} governs it: {version.policy.scope.describe()}"
        return self._atom(f"{_label(version)} scope", text, version.policy.scope)

    def _state(self, found: Z3, atom: _Atom) -> _Literal:
        z3 = self.z3
        for state in ("raises", "holds"):
            if z3.is_true(found.eval(getattr(atom, state), model_completion=True)):
                return _Literal(atom, state)
        return _Literal(atom, "fails")

    def literals(
        self, found: Z3, outcomes: Sequence[Outcome], *, by_outcome: bool = False
    ) -> tuple[list[_Literal], _NearMiss | None]:
        """The witness's conditions, in the order they are kept, and its near miss.

        A version that permits or forbids is stated by its applying rules (by its outcome
        alone when ``by_outcome``). A version that refuses a request the other permits is
        stated by what it lacks: the conditions lacking from the permission it misses by the
        least come first, then its other permissions, its prohibitions, and its scope.
        """
        near_miss: _NearMiss | None = None
        deciding: list[_Literal] = []
        lacking: list[_Literal] = []
        refusing: list[_Literal] = []
        scopes: list[_Literal] = []
        # a permission under the other version points to its counterpart, if any
        counterparts = {
            lf
            for version, outcome in zip(self.versions, outcomes, strict=True)
            if outcome is Outcome.PERMITTED
            for rule in version.policy.rules
            if rule.effect is Effect.PERMIT
            and self._state(found, self.rule_atoms[(id(version), rule.id)]).state == "holds"
            for lf in rule.when.leaves()
        }
        for version, outcome in zip(self.versions, outcomes, strict=True):
            rules = version.policy.rules
            scope = self._state(found, self.scope_atoms[id(version)])
            if by_outcome:
                deciding.append(self._state(found, self.outcome_atoms[(id(version), outcome)]))
                continue
            if outcome is Outcome.NOT_APPLICABLE:
                deciding.append(scope)
                continue
            scopes.append(scope)
            if outcome in {Outcome.PERMITTED, Outcome.FORBIDDEN}:
                effect = Effect.PERMIT if outcome is Outcome.PERMITTED else Effect.FORBID
                deciding += [
                    lit
                    for r in rules
                    if r.effect is effect
                    and (lit := self._state(found, self.rule_atoms[(id(version), r.id)])).state
                    == "holds"
                ]
                continue
            if Outcome.PERMITTED not in outcomes:
                # refused under both, forbidden under one: the prohibition says it all
                deciding.append(self._state(found, self.outcome_atoms[(id(version), outcome)]))
                continue
            near = self._near_miss(found, version, counterparts)
            if near is not None:
                satisfied, missing = self._nearest(found, near.when, positive=True)
                lacking += missing
                near_miss = _NearMiss(
                    rule=f"{near.id} ({_label(version)})",
                    has=tuple(lit.condition() for lit in satisfied),
                    lacks=tuple(lit.condition() for lit in missing),
                )
            refusing += [
                self._state(found, self.rule_atoms[(id(version), r.id)])
                for r in rules
                if r.effect is Effect.PERMIT and r is not near
            ]
            refusing.append(self._state(found, self.ban_atoms[id(version)]))
        leaves = [self._state(found, atom) for atom in self.leaf_atoms.values()]
        return list(dict.fromkeys([*deciding, *lacking, *refusing, *scopes, *leaves])), near_miss

    def _near_miss(self, found: Z3, version: Version, counterparts: set[Leaf]) -> Rule | None:
        """The permission a refusing version misses by the least.

        The counterpart of the rules that decide under the other version (the one sharing
        the most conditions with them) first; then the one lacking the fewest conditions.
        """
        best: tuple[int, int, Rule] | None = None
        for rule in version.policy.rules:
            if rule.effect is not Effect.PERMIT:
                continue
            shared = len(set(rule.when.leaves()) & counterparts)
            missing = len(self._nearest(found, rule.when, positive=True)[1])
            if best is None or (-shared, missing) < (-best[0], best[1]):
                best = (shared, missing, rule)
        return None if best is None else best[2]

    def _nearest(
        self, found: Z3, predicate: Predicate, *, positive: bool
    ) -> tuple[list[_Literal], list[_Literal]]:
        """The leaves that hold as a predicate needs, and those lacking, on its nearest path.

        Of alternatives, only the one that holds (or, when none does, the one lacking the
        least) is followed: the conditions of the others say nothing of this request.
        """
        if isinstance(predicate, Leaf):
            lit = self._state(found, self.leaf_atoms[predicate])
            wanted = "holds" if positive else "fails"
            return ([lit], []) if lit.state == wanted else ([], [lit])
        if isinstance(predicate, Not):
            return self._nearest(found, predicate.operand, positive=not positive)
        assert isinstance(predicate, All | Any)  # noqa: S101 - the algebra has no other node
        paths = [self._nearest(found, op, positive=positive) for op in predicate.operands]
        if isinstance(predicate, All) == positive:  # every operand is needed
            return (
                [lit for have, _ in paths for lit in have],
                [lit for _, lack in paths for lit in lack],
            )
        return min(paths, key=lambda path: len(path[1]))

    def classes(
        self, target: Z3, *, by_outcome: bool = False
    ) -> tuple[list[tuple[list[_Literal], Witness, _NearMiss | None]], bool, list[str]]:
        """Cover the requests of ``target`` with classes, each a conjunction of conditions."""
        z3 = self.z3
        session = self.session
        found_classes: list[tuple[list[_Literal], Witness, _NearMiss | None]] = []
        undecided: list[str] = []
        blocked: list[Z3] = []
        while len(found_classes) < _DIFF_LIMIT:
            found = _near(session, z3.And(target, *(z3.Not(b) for b in blocked)), self.wishes)
            if found is None:
                return found_classes, True, undecided
            witness, differing = session.witness(found, self.versions)
            if differing:
                undecided.append(_undecided(differing, session.u))
            outcomes = [d.outcome for d in witness.decisions]
            ordered, near_miss = self.literals(found, outcomes, by_outcome=by_outcome)
            kept = _generalize(session, ordered, target)
            found_classes.append((kept, witness, near_miss))
            blocked.append(z3.And(session.u.true, *(lit.formula for lit in kept)))
        whole = session.solve(target, *(z3.Not(b) for b in blocked)) is None
        return found_classes, whole, undecided


def _generalize(session: _Session, rest: list[_Literal], target: Z3) -> list[_Literal]:
    """The fewest of a witness's literals that still imply ``target``.

    The rest are tried for removal from the last to the first (the leaves, which come last,
    first all at once): the order says which to keep.
    """
    z3 = session.z3
    s = session.solver
    base = s.num_scopes()
    s.push()
    try:
        s.add(z3.Not(target))
        marks = [z3.Bool(f"keep {i}") for i in range(len(rest))]
        for mark, lit in zip(marks, rest, strict=True):
            s.add(z3.Implies(mark, lit.formula))
        kept = list(range(len(rest)))
        leaves = [i for i in kept if rest[i].atom.leaf]
        if leaves and s.check(*(marks[i] for i in kept if i not in leaves)) == z3.unsat:
            kept = [i for i in kept if i not in leaves]
        for i in reversed(list(kept)):
            trial = [marks[j] for j in kept if j != i]
            if s.check(*trial) == z3.unsat:
                kept.remove(i)
        return [rest[i] for i in kept]
    finally:
        while s.num_scopes() > base:
            s.pop()


def _near(session: _Session, target: Z3, prefer: Sequence[Z3]) -> Z3 | None:
    """A model of ``target`` meeting as many of ``prefer`` as it can, greedily in order.

    Times are sought in a recent year first, so that a witness reads as a real request.
    """
    z3 = session.z3
    s = session.solver
    session.sync()
    base = s.num_scopes()
    s.push()
    try:
        s.add(target)
        if s.check() != z3.sat:
            return None
        for wish in prefer:
            s.push()
            s.add(wish)
            if s.check() != z3.sat:
                s.pop()
        low, high = _WINDOW
        s.push()
        s.add(*(z3.And(t >= low, t < high) for t in session.u.instants))
        if s.check() != z3.sat:
            s.pop()
            s.check()
        return s.model()
    finally:
        while s.num_scopes() > base:
            s.pop()


def _preferences(session: _Session, versions: Sequence[Version]) -> list[Z3]:
    """What a telling witness looks like: as many permitting conditions as possible hold.

    A request that misses a permission by one condition shows what that condition is. The
    conditions most permissions share come first, then none of the prohibited things.
    """
    counts: dict[tuple[Leaf, bool], int] = {}
    for version in versions:
        for rule in version.policy.rules:
            if rule.effect is Effect.PERMIT:
                for pair in dict.fromkeys(_polarities(rule.when)):
                    counts[pair] = counts.get(pair, 0) + 1
    wishes = sorted(counts, key=lambda pair: -counts[pair])
    for version in versions:
        for rule in version.policy.rules:
            if rule.effect is Effect.FORBID:
                wishes += [p for p in _polarities(rule.when, positive=False) if p not in wishes]
    out = []
    for item, positive in wishes:
        tri = session.sym.tri(item)
        out.append(tri.holds if positive else session.sym.fails(tri))
    return out


def _polarities(predicate: Predicate, *, positive: bool = True) -> Iterator[tuple[Leaf, bool]]:
    if isinstance(predicate, Leaf):
        yield predicate, positive
    elif isinstance(predicate, Not):
        yield from _polarities(predicate.operand, positive=not positive)
    elif isinstance(predicate, All | Any):
        for operand in predicate.operands:
            yield from _polarities(operand, positive=positive)


def _terms(duty: Duty) -> dict[str, str]:
    """What an obligation asks, term by term, in words: what a revision of a duty changes.

    Its citation, paraphrase and source are prose about the duty, not terms of it.
    """
    return {
        "action": duty.action,
        "party": duty.party,
        "deadline": duty.deadline.describe() if duty.deadline else "none stated",
        "met by": duty.fulfilled_by.value.replace("_", " "),
        "disclosures": ", ".join(d.value for d in _stable(duty.disclosures)) or "none",
        "court": duty.court.value.replace("_", " ") if duty.court else "any",
        "by a supervisory official": "yes" if duty.supervisory else "no",
        "arises with": duty.arises_on.value.replace("_", " "),
    }


def _revisions(before: Duty, after: Duty) -> tuple[str, ...]:
    """The terms of a duty that change between two versions: ``deadline: A → B``."""
    old, new = _terms(before), _terms(after)
    return tuple(f"{term}: {old[term]} → {new[term]}" for term in old if old[term] != new[term])


def diff(before: Version, after: Version, *, jurisdiction: str | None = None) -> Diff:
    """The exact classes of requests whose decision changes from ``before`` to ``after``.

    For each pair of outcomes, the requests that have the first under ``before`` and the
    second under ``after`` are covered by classes. Each class is a conjunction of
    conditions that implies the change: the rules that permit or forbid, and for a version
    that refuses, what it lacks, found from a witness request that misses a permission by
    as little as possible (its satisfied conditions are kept, so the class reads "a warrant,
    in force, naming the offense, but the offense is not a felony"). For requests whose
    outcome stays, each duty (matched by id) that attaches under one version and not the
    other gives classes too, and so does a duty attached under both on other terms (its
    deadline, its party, what meets it). Every witness is judged again by the engine under
    both versions.

    The two versions may be two instruments, or one instrument under two readings of the
    law: ``diff(version, version.with_readings({"notice-scope": "state-police-route"}))``
    gives the requests that reading decides. A version read otherwise than adopted is named
    with the reading: ``H.1728 [notice-scope=state-police-route]``.

    Args:
        before: The version changed from (``St. 2020, c.253``).
        after: The version changed to (``H.1728``, or the same version read another way).
        jurisdiction: The code shown in the report (default: ``before``'s).

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    session = _Session([before, after])
    z3 = session.z3
    differ = _Differ(session, before, after)
    a, b = session.outcomes[id(before)], session.outcomes[id(after)]
    changes: list[Change] = []
    complete = True
    undecided: list[str] = []

    for old, new in itertools.product(Outcome, Outcome):
        if old is new:
            continue
        classes, whole, unsure = differ.classes(z3.And(a[old], b[new]))
        complete = complete and whole
        undecided += unsure
        changes += [
            Change(
                before=old,
                after=new,
                conditions=tuple(lit.condition() for lit in kept),
                witness=witness,
                closest=near.rule if near else None,
                has=near.has if near else (),
                lacks=near.lacks if near else (),
            )
            for kept, witness, near in classes
        ]
    duties_a = {d.id: d for d in before.policy.duties}
    duties_b = {d.id: d for d in after.policy.duties}
    same = z3.Or(*(z3.And(a[o], b[o]) for o in Outcome))
    for duty_id in dict.fromkeys([*duties_a, *duties_b]):
        in_a = (
            session.sym.attaches(duties_a[duty_id], a) if duty_id in duties_a else session.u.false
        )
        in_b = (
            session.sym.attaches(duties_b[duty_id], b) if duty_id in duties_b else session.u.false
        )
        duty = duties_b.get(duty_id) or duties_a[duty_id]
        revised = (
            _revisions(duties_a[duty_id], duties_b[duty_id])
            if duty_id in duties_a and duty_id in duties_b
            else ()
        )
        targets: list[tuple[bool, tuple[str, ...], Z3]] = [
            (False, (), z3.And(in_a, z3.Not(in_b))),
            (True, (), z3.And(z3.Not(in_a), in_b)),
        ]
        if revised:  # attached under both, on other terms
            targets.append((False, revised, z3.And(in_a, in_b)))
        for added, terms, target in targets:
            classes, whole, unsure = differ.classes(z3.And(same, target), by_outcome=True)
            complete = complete and whole
            undecided += unsure
            changes += [
                Change(
                    before=witness.decisions[0].outcome,
                    after=witness.decisions[1].outcome,
                    conditions=tuple(lit.condition() for lit in kept),
                    witness=witness,
                    duty=duty_id,
                    added=added,
                    revised=terms,
                    duty_action=duty.action,
                )
                for kept, witness, _ in classes
            ]
    return Diff(
        jurisdiction=jurisdiction or before.policy.jurisdiction,
        before=_label(before),
        after=_label(after),
        changes=tuple(changes),
        complete=complete,
        undecided=tuple(dict.fromkeys(undecided)),
    )
