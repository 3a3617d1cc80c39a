"""The solver session: one universe, one solver, and the questions put to it.

:class:`_Session` translates the versions it is asked about once, gives the solver the
model's constraints, and answers satisfiability questions with a model **as small as it
can be** (every optional object absent that can be, times in a recent year), so that a
witness reads as a real request. Each model becomes a witness through the concretizer,
checked leaf by leaf and outcome by outcome against the engine.

:func:`check_agreement` is the translation's differential test: the solver pinned to one
concrete request (:func:`_pin`) must give the engine's value for every leaf, rule, outcome,
duty and reading.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

import attrs

from frpolicy import model
from frpolicy.analysis._solver import Z3, AnalysisError
from frpolicy.analysis._translation import (
    _MICROSECOND,
    _WINDOW,
    _enum_sort,
    _instant,
    _Kind,
    _Obj,
    _Scalar,
    _stable,
    _Symbolic,
    _text_sort,
    _Tri,
    _Universe,
    _version_leaves,
)
from frpolicy.analysis._witnesses import Witness, _Concretizer, _json, _label
from frpolicy.jurisdictions import Version
from frpolicy.policy import Duty, Outcome, Variant
from frpolicy.predicates import Leaf, Predicate, evaluation_time

# -- from a model to a request, and back to the engine --------------------------------------


class _Session:
    """A solver over one universe, for the questions about one version or two."""

    def __init__(self, versions: Sequence[Version]) -> None:
        self.u = _Universe()
        self.z3 = self.u.z3
        self.sym = _Symbolic(self.u)
        self.concrete = _Concretizer(self.u)
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
        return self.concrete.request(found)

    def agree(self, found: Z3, request: model.SearchRequest, leaves: Iterable[Leaf]) -> list[Leaf]:
        """Compare the solver's leaves with the engine's; return the opaque ones that differ.

        Raises:
            AnalysisError: a translated leaf differs: the translation is wrong.
        """
        return self.concrete.agree(found, request, leaves)

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
        settled = True  # whether the last check answered for the assertions as they are
        low, high = _WINDOW
        times = [z3.And(t >= low, t < high) for t in session.u.instants]
        clocks = [offset == 0 for offset in session.u.offsets.values()]  # clocks on UTC
        for wish in [*([w] for w in prefer), times, clocks]:
            if not wish:
                continue
            s.push()
            s.add(*wish)
            settled = s.check() == z3.sat
            if not settled:
                s.pop()
        if not settled:
            s.check()
        return s.model()
    finally:
        while s.num_scopes() > base:
            s.pop()


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


_K = typing.TypeVar("_K")
_R = typing.TypeVar("_R")


def _kept(
    store: dict[_K, tuple[Version, _R]], version: Version, key: _K, make: Callable[[], _R]
) -> _R:
    """What ``make`` gives for ``version``, made once and kept for the last few versions asked.

    ``key`` holds ``id(version)``; the version is kept beside what was made, so its id is
    not reused while the entry lives.
    """
    found = store.get(key)
    if found is not None and found[0] is version:
        return found[1]
    made = make()
    if len(store) >= _KEPT:
        store.pop(next(iter(store)), None)
    store[key] = (version, made)
    return made


_KEPT = 8
_AGREEMENTS: dict[int, tuple[Version, _Agreement]] = {}


def _agreement(version: Version) -> _Agreement:
    """The translation of a version for :func:`check_agreement`, made once."""
    return _kept(_AGREEMENTS, version, id(version), lambda: _Agreement(version))


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


def _pin(universe: _Universe, request: model.SearchRequest) -> list[Z3]:
    """Formulas that hold of exactly this request (as far as the leaves can tell).

    A string of the request that no leaf names is a constant of its own, distinct from every
    other string, made for this request only: the formulas are added in a solver scope and
    leave the universe as it was.
    """
    return _Pins(universe, request).pins


_STRANGERS_KEPT = 4096
"""The strings no leaf names a universe keeps pinned: a run of generated requests repeats few."""


class _Pins:
    """The formulas :func:`_pin` gives, field by field."""

    def __init__(self, universe: _Universe, request: model.SearchRequest) -> None:
        self.u = universe
        self.z3 = universe.z3
        self.pins: list[Z3] = []
        self.scratch: dict[str, Z3] = {}
        self.sets: list[tuple[_Scalar, frozenset[str]]] = []
        self.walk(request, "")
        for _, members in self.sets:
            for member in _stable(members):
                self.text(member)
        if self.scratch:  # one term, not a pair each: the universe's literals are distinct
            self.pins.append(self.z3.Distinct(*universe.literals.values(), *self.scratch.values()))
        strings = {**universe.literals, **self.scratch}
        for symbolic, members in self.sets:  # every string named, in the set or out of it
            for name, constant in strings.items():
                member_of = symbolic.value(constant)
                self.pins.append(member_of if name in members else self.z3.Not(member_of))

    def text(self, value: str) -> Z3:
        z3 = self.z3
        known = self.u.literals.get(value)
        if known is not None:
            return known
        made = self.scratch.get(value)
        if made is not None:
            return made
        prefixes = self.u.prefixes
        kept = self.u.strangers.get(value)
        if kept is not None and kept[0] == len(prefixes):
            _, made, starts = kept
        else:
            made = z3.Const(f"request {value!r}", _text_sort())
            starts = tuple(
                test(made) if value.startswith(start) else z3.Not(test(made))
                for start, test in prefixes.items()
            )
            if len(self.u.strangers) < _STRANGERS_KEPT:
                self.u.strangers[value] = (len(prefixes), made, starts)
        self.pins.extend(starts)
        self.scratch[value] = made
        return made

    def walk(self, obj: object, path: str) -> None:
        z3 = self.z3
        for field in attrs.fields(typing.cast("type[typing.Any]", type(obj))):
            if not field.init:
                continue
            where = f"{path}.{field.name}" if path else field.name
            symbolic = self.u.fields.get(where)
            if symbolic is None:
                continue
            value = getattr(obj, field.name)
            if not z3.is_true(symbolic.present):
                present = symbolic.present
                self.pins.append(present if value is not None else z3.Not(present))
            if value is None:
                continue
            if isinstance(symbolic, _Obj):
                self.walk(value, where)
            else:
                self.scalar(symbolic, value, where)

    def scalar(self, symbolic: _Scalar, value: object, where: str) -> None:
        z3 = self.z3
        kind = symbolic.type.kind
        if kind is _Kind.SET:
            element = symbolic.type.element
            assert element is not None  # noqa: S101 - a set type has its element
            members = typing.cast("frozenset[typing.Any]", value)
            if element.kind is _Kind.ENUM:
                assert element.enum is not None  # noqa: S101 - an enum has its class
                for member, const in _enum_sort(element.enum)[1].items():
                    member_of = symbolic.value(const)
                    self.pins.append(member_of if member in members else z3.Not(member_of))
            else:
                self.sets.append((symbolic, members))
        elif kind is _Kind.TEXT:
            self.pins.append(symbolic.value == self.text(typing.cast("str", value)))
        elif kind is _Kind.INSTANT:
            # the instant, on any clock; and the clock's offset where arithmetic reads it
            moment = typing.cast("datetime", value)
            self.pins.append(symbolic.value == _instant(moment))
            offset = self.u.offsets.get(where)
            if offset is not None:
                clock = typing.cast("timedelta", moment.utcoffset())
                self.pins.append(offset == clock // _MICROSECOND)
        else:
            self.pins.append(symbolic.value == self.u.constant(symbolic.type, value))
