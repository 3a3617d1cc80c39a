"""The engine's check of every proof: requests at the edges of what the leaves test.

A proof is the solver finding no request; nothing the engine runs confirms it. So, once a
version's claims are made, the analysis builds requests at the **boundaries** of its
leaves: each field a leaf reads set to each value the leaf names (and to its neighbours:
``12`` for ``months >= 12`` gives 11, 12 and 13), each member of each enumeration it reads,
each optional object there and absent. The boundaries come from the leaf as written, not
from its translation, so a translation that dropped a value still meets it here. Each
request is judged by the engine and compared, leaf by leaf, outcome by outcome and duty by
duty, with what the solver says of it; the claims and the diff are then checked on the
engine's decisions (:func:`frpolicy.analysis.verify`, :func:`frpolicy.analysis.diff`).

A disagreement is an :class:`~frpolicy.analysis.AnalysisError` naming the leaf, never a
proof.
"""

from __future__ import annotations

import ast
import itertools
import math
import typing
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from frpolicy.analysis._session import _Session
from frpolicy.analysis._solver import Z3, AnalysisError
from frpolicy.analysis._translation import (
    _CONSTRUCTORS,
    _MICROSECOND,
    _TIMES,
    _enum_sort,
    _instant,
    _Kind,
    _Obj,
    _Scalar,
    _stable,
)
from frpolicy.analysis._witnesses import Witness, _json, _label
from frpolicy.predicates import Leaf, namespace

_MAX_VALUES = 200
"""The most values of one leaf's constants a boundary is made of (a long list is sampled)."""
_ALLOWED = (
    ast.Constant,
    ast.Name,
    ast.Attribute,
    ast.Call,
    ast.Tuple,
    ast.List,
    ast.Set,
    ast.UnaryOp,
    ast.BinOp,
    ast.keyword,
    ast.Load,
    ast.USub,
    ast.Add,
    ast.Sub,
    ast.Mult,
)


def _named_values(item: Leaf) -> list[object]:
    """The values a leaf names: its constants, parameters and members, items of collections.

    Every sub-expression that reads neither the request nor the time, and is built of
    names, constants, members, constructors (``timedelta(hours=48)``) and arithmetic, is
    evaluated as the engine would evaluate it; a collection gives its items.
    """
    env: dict[str, object] = {**namespace(), **item.namespace, **dict(item.params)}
    tree = ast.parse(item.expression.strip(), mode="eval")
    values: list[object] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.expr) or not _closed(node, env):
            continue
        try:
            value = eval(  # noqa: S307 - the leaf's own code, which the engine runs too
                compile(ast.Expression(node), "<boundary>", "eval"), dict(env)
            )
        except Exception:  # noqa: BLE001, S112 - a part that raises names no value
            continue
        if type(value) in {tuple, list, set, frozenset, dict}:
            items = typing.cast("Iterable[object]", value)
            values.extend(itertools.islice(_stable(items), _MAX_VALUES))
        else:
            values.append(value)
    return values[:_MAX_VALUES]


def _closed(node: ast.AST, env: dict[str, object]) -> bool:
    """Whether a node reads neither the request nor the time, and calls only constructors."""
    for part in ast.walk(node):
        if not isinstance(part, _ALLOWED):
            return False
        if isinstance(part, ast.Name) and (part.id in {"r", "at"} or part.id not in env):
            return False
        if isinstance(part, ast.Call) and not (
            isinstance(part.func, ast.Name) and env.get(part.func.id) in _CONSTRUCTORS
        ):
            return False
    return True


def _paths(item: Leaf) -> list[str]:
    """The fields a leaf reads, each with the objects above it; the time as its two fields."""
    paths: dict[str, None] = {}
    for path in sorted(item.read_paths):
        parts = path.split(".")
        for end in range(1, len(parts) + 1):
            paths[".".join(parts[:end])] = None
    if item.reads_time:
        paths.update(dict.fromkeys(_TIMES))
    paths.pop("", None)
    return list(paths)


class _Atoms:
    """The boundary conditions of a session's leaves, as formulas over its universe."""

    def __init__(self, session: _Session) -> None:
        self.session = session
        self.u = session.u
        self.z3 = session.z3
        self.atoms: dict[int, Z3] = {}

    def add(self, *formulas: Z3) -> None:
        for formula in formulas:
            self.atoms.setdefault(formula.get_id(), formula)

    def there(self, path: str) -> Z3:
        """Whether a field and every object above it are there."""
        parts = path.split(".")
        present = [self.u.fields[".".join(parts[:end])].present for end in range(1, len(parts) + 1)]
        return self.z3.And(self.u.true, *present)

    def leaf(self, item: Leaf) -> None:
        values = _named_values(item)
        paths = [p for p in _paths(item) if p in self.u.fields]
        times: list[_Scalar] = []
        for path in paths:
            field = self.u.fields[path]
            there = self.there(path)
            self.add(there)
            if not self.z3.is_true(field.present):
                self.add(self.z3.Not(field.present))
            if isinstance(field, _Obj):
                continue
            self.u.touched.update({path, f"{path}?"})
            self.add(*(self.z3.And(there, f) for f in self.values(field, values)))
            if field.type.kind is _Kind.INSTANT:
                times.append(field)
        self.time_pairs(times, values)

    def values(self, field: _Scalar, values: list[object]) -> Iterator[Z3]:  # noqa: C901, PLR0912 - one case per kind of field
        """Each value of a field the named values point to, as a formula."""
        z3, v = self.z3, field.value
        kind = field.type.kind
        if kind is _Kind.BOOL:
            yield from (v, z3.Not(v))
        elif kind is _Kind.ENUM:
            assert field.type.enum is not None  # noqa: S101 - an enum type has its class
            yield from (v == c for c in _enum_sort(field.type.enum)[1].values())
        elif kind is _Kind.INT:
            yield v == 0
            for value in values:
                if isinstance(value, int | float):
                    number = float(value)
                    if math.isfinite(number):
                        for whole in {math.floor(number), math.ceil(number)}:
                            yield from (v == whole - 1, v == whole, v == whole + 1)
        elif kind is _Kind.TEXT:
            literals = [
                self.u.literals[t] for t in values if type(t) is str and t in self.u.literals
            ]
            yield from (v == literal for literal in literals)
            yield z3.And(z3.BoolVal(val=True), *(v != literal for literal in literals))
            for test in self.u.prefixes.values():
                yield from (test(v), z3.Not(test(v)))
        elif kind in {_Kind.INSTANT, _Kind.DAY, _Kind.DURATION}:
            for value in values:
                point = _point(kind, value)
                if point is not None:
                    yield from (v == point - 1, v == point, v == point + 1)
        elif kind is _Kind.SET:
            element = field.type.element
            assert element is not None  # noqa: S101 - a set type has its element
            if element.kind is _Kind.ENUM:
                assert element.enum is not None  # noqa: S101 - an enum type has its class
                members = _enum_sort(element.enum)[1]
                named = [members[m] for m in values if m in members]
                yield z3.And(z3.BoolVal(val=True), *(z3.Not(v(c)) for c in members.values()))
                yield from itertools.chain.from_iterable((v(c), z3.Not(v(c))) for c in named)
            else:
                for text in values:
                    literal = self.u.literals.get(text) if type(text) is str else None
                    if literal is not None:
                        yield from (v(literal), z3.Not(v(literal)))

    def time_pairs(self, times: list[_Scalar], values: list[object]) -> None:
        """Two times a leaf reads: equal, a moment apart, and each duration it names apart."""
        z3 = self.z3
        gaps = [0] + [d // _MICROSECOND for d in values if type(d) is timedelta]
        for first, second in itertools.combinations(times, 2):
            both = z3.And(self.there(first.path), self.there(second.path))
            for gap in gaps:
                self.add(
                    *(z3.And(both, first.value - second.value == gap + step) for step in (-1, 0, 1))
                )


def _point(kind: _Kind, value: object) -> int | None:
    """A named value as a number of the field's kind: microseconds, or a day's number."""
    if kind is _Kind.INSTANT and type(value) is datetime and value.utcoffset() is not None:
        return _instant(value)
    if kind is _Kind.DAY and type(value) is date:
        return value.toordinal()
    if kind is _Kind.DURATION and type(value) is timedelta:
        return value // _MICROSECOND
    return None


def boundaries(session: _Session, leaves: Iterable[Leaf]) -> list[tuple[Z3, Witness]]:
    """Requests at the boundaries of the leaves, each the engine's, checked against the solver.

    Few requests cover many boundaries: each is solved for the first boundary not yet met
    and as many of the others as it can meet with it. Each is a witness of every version of
    the session, checked as every witness is (each translated leaf, each outcome), and for
    its duties.

    Raises:
        AnalysisError: the solver and the engine disagree on a request; the message names
            the leaf, the version or the duty.
    """
    z3 = session.z3
    atoms = _Atoms(session)
    checked = [item for item in dict.fromkeys(leaves) if item not in session.u.opaque]
    for item in checked:
        atoms.leaf(item)
    session.sync()
    pending = list(atoms.atoms.values())
    models: list[Z3] = []
    solver = session.solver
    while pending:
        first, *rest = pending
        base = solver.num_scopes()
        solver.push()
        try:
            solver.add(first)
            if solver.check() != z3.sat:
                pending = rest
                continue
            # as many other boundaries as can be met in the same request, in order
            settled = True
            for atom in rest:
                solver.push()
                solver.add(atom)
                settled = solver.check() == z3.sat
                if not settled:
                    solver.pop()
            if not settled:
                solver.check()
            found = solver.model()
        finally:
            while solver.num_scopes() > base:
                solver.pop()
        models.append(found)
        pending = [a for a in rest if not z3.is_true(found.eval(a, model_completion=True))]
    judged = []
    for found in models:
        witness, differing = session.witness(found, session.versions, checked)
        if not differing:
            _duties(session, found, witness)
        judged.append((found, witness))
    return judged


def _duties(session: _Session, found: Z3, witness: Witness) -> None:
    """Check that the duties the solver attaches to a witness are the engine's."""
    z3 = session.z3
    for version, decision in zip(session.versions, witness.decisions, strict=True):
        outcomes = session.outcomes[id(version)]
        attached = {o.duty for o in decision.obligations}
        for duty in version.policy.duties:
            solver = z3.is_true(
                found.eval(session.sym.attaches(duty, outcomes), model_completion=True)
            )
            if solver != (duty.id in attached):
                msg = (
                    f"the duty {duty.id} of {_label(version)}: the solver says it attaches: "
                    f"{solver}, the engine: {not solver}, on {_json(witness.request)}"
                )
                raise AnalysisError(msg)
