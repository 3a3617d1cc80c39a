"""The diff: the classes of requests whose decision changes from one version to another.

For each pair of outcomes, and for each duty, the requests that change so are a formula;
the solver finds a witness of it, the conditions of the law that witness meets are
generalized into a class (the fewest that still imply the change), the class is blocked,
and the search goes on until no changed request is left, or :data:`_DIFF_LIMIT` classes
have been found. Each witness is judged again by the engine under both versions.
"""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Callable, Iterator, Sequence

import attrs

from frpolicy.analysis._boundaries import boundaries
from frpolicy.analysis._session import _near, _revisions, _Session
from frpolicy.analysis._solver import Z3, AnalysisError
from frpolicy.analysis._witnesses import Witness, _json, _label, _outcome, _undecided
from frpolicy.jurisdictions import Version
from frpolicy.policy import Effect, Outcome, Rule
from frpolicy.predicates import All, Any, Condition, Leaf, Not, Predicate


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
        if not self.changes and self.complete and not self.undecided:
            lines.append("No request changes outcome or obligations.")
        elif not self.changes:
            lines.append("No change is established; what may change is undecided (below).")
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
        self,
        target: Z3,
        shows: Callable[[Witness], bool],
        what: str,
        *,
        by_outcome: bool = False,
    ) -> tuple[list[tuple[list[_Literal], Witness, _NearMiss | None]], bool, list[str]]:
        """Cover the requests of ``target`` with classes, each a conjunction of conditions.

        A class is given with a witness the engine ``shows`` changing as ``what`` says. One
        whose witness the engine does not change so rests on an opaque leaf the solver read
        otherwise: it is undecided, and the classes are not complete.
        """
        z3 = self.z3
        session = self.session
        found_classes: list[tuple[list[_Literal], Witness, _NearMiss | None]] = []
        undecided: list[str] = []
        blocked: list[Z3] = []
        settled = True
        while len(blocked) < _DIFF_LIMIT:
            found = _near(session, z3.And(target, *(z3.Not(b) for b in blocked)), self.wishes)
            if found is None:
                return found_classes, settled, undecided
            witness, differing = session.witness(found, self.versions)
            if differing:
                undecided.append(_undecided(differing, session.u))
            ordered, near_miss = self.literals(found, self._outcomes(found), by_outcome=by_outcome)
            kept = _generalize(session, ordered, target)
            blocked.append(z3.And(session.u.true, *(lit.formula for lit in kept)))
            if shows(witness):
                found_classes.append((kept, witness, near_miss))
            else:
                undecided.append(f"{what}, for some requests: {_undecided(differing, session.u)}")
                settled = False
        whole = session.solve(target, *(z3.Not(b) for b in blocked)) is None
        return found_classes, whole and settled, undecided

    def _outcomes(self, found: Z3) -> list[Outcome]:
        """The outcome of each version in a model: the solver's, whatever the engine says."""
        z3 = self.z3
        return [
            next(
                o
                for o, f in self.session.outcomes[id(v)].items()
                if z3.is_true(found.eval(f, model_completion=True))
            )
            for v in self.versions
        ]


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


def _changes_outcome(before: Outcome, after: Outcome, witness: Witness) -> bool:
    """Whether the engine decides a witness ``before`` under one version, ``after`` the other."""
    one, other = witness.decisions
    return (one.outcome, other.outcome) == (before, after)


def _changes_duty(duty: str, witness: Witness, *, added: bool, revised: bool) -> bool:
    """Whether the engine attaches a duty to a witness as its class of change says.

    Under both versions the outcome is the same; the duty attaches under the second only
    (``added``), the first only, or both (``revised``, on other terms).
    """
    one, other = witness.decisions
    in_one = duty in {o.duty for o in one.obligations}
    in_other = duty in {o.duty for o in other.obligations}
    if one.outcome is not other.outcome:
        return False
    if revised:
        return in_one and in_other
    return (in_one, in_other) == (not added, added)


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
        what = (
            f"{_outcome(old).upper()} under {_label(before)}, "
            f"{_outcome(new).upper()} under {_label(after)}"
        )
        classes, whole, unsure = differ.classes(
            z3.And(a[old], b[new]),
            functools.partial(_changes_outcome, old, new),
            what,
        )
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
            classes, whole, unsure = differ.classes(
                z3.And(same, target),
                functools.partial(_changes_duty, duty_id, added=added, revised=bool(terms)),
                f"the duty {duty_id} {'revised' if terms else 'added' if added else 'dropped'}",
                by_outcome=True,
            )
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
    found = Diff(
        jurisdiction=jurisdiction or before.policy.jurisdiction,
        before=_label(before),
        after=_label(after),
        changes=tuple(changes),
        complete=complete,
        undecided=tuple(dict.fromkeys(undecided)),
    )
    _check_on_boundaries(session, found)
    return found


def _check_on_boundaries(session: _Session, found: Diff) -> None:
    """Check "no request changes so" on the engine's boundary requests.

    Where the classes are complete, a change the engine makes on a request at the
    boundaries of the leaves must be of a kind some class gives: an outcome changed from
    one to the other, a duty added, dropped or revised.

    Raises:
        AnalysisError: the engine changes a boundary request in a way no class gives, or
            disagrees with the solver on a leaf, an outcome or a duty of one.
    """
    kinds = {_kind_of(change) for change in found.changes}
    for _, witness in boundaries(session, session.u.leaves):
        if not found.complete:
            continue  # every boundary request is still checked leaf by leaf, above
        missing = [kind for kind in _kinds(session, witness) if kind not in kinds]
        if missing:
            msg = (
                f"the engine contradicts the diff from {found.before} to {found.after}, which "
                f"finds no request that changes so ({missing[0]}): on the request "
                f"{_json(witness.request)}, it does. A leaf is translated wrong, or is opaque "
                "where it should not be"
            )
            raise AnalysisError(msg)


def _kind_of(change: Change) -> str:
    if change.duty is None:
        return f"{change.before.name} becomes {change.after.name}"
    verb = "revised" if change.revised else "added" if change.added else "dropped"
    return f"{change.duty} {verb}"


def _kinds(session: _Session, witness: Witness) -> list[str]:
    """The kinds of change the engine makes on a request, as :func:`_kind_of` names them."""
    one, other = witness.decisions
    if one.outcome is not other.outcome:
        return [f"{one.outcome.name} becomes {other.outcome.name}"]
    before, after = session.versions
    duties = {d.id: d for d in before.policy.duties}
    others = {d.id: d for d in after.policy.duties}
    mine = {o.duty for o in one.obligations}
    theirs = {o.duty for o in other.obligations}
    kinds = [f"{d} dropped" for d in sorted(mine - theirs)]
    kinds += [f"{d} added" for d in sorted(theirs - mine)]
    kinds += [f"{d} revised" for d in sorted(mine & theirs) if _revisions(duties[d], others[d])]
    return kinds
