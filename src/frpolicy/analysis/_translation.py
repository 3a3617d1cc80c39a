"""The translation: every request the model can express, and each leaf, as logic.

This is the part of the analysis that decides whether a proof is sound; it reads on its
own. :class:`_Universe` is the **symbolic request**: a variable for each field of
:class:`~frpolicy.model.SearchRequest` and of the objects below it, and the model's own
checks as constraints over them, so that the solver considers every request the model
accepts and no other. :class:`_Translation` reads one leaf's Python expression node by node
and gives two formulas over those variables: the leaf's value, and when evaluating it
raises. A node it cannot model exactly makes the leaf **opaque** (:class:`_Opaque`): a
free value, on which nothing is proved. :class:`_Symbolic` combines the leaves as the
engine does: short-circuiting ``&`` and ``|``, the errors a verdict records, and the
combining algorithm of :meth:`~frpolicy.policy.Policy.evaluate`.

The stages after it (the solver session, the witnesses, the claims and the diff) ask
questions of these formulas; none of them adds meaning to a leaf.
"""

from __future__ import annotations

import ast
import builtins
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta

import attrs

from frpolicy import model
from frpolicy.analysis._solver import Z3, _z3
from frpolicy.jurisdictions import Version
from frpolicy.policy import Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import All, Any, Leaf, Not, Predicate, Verdict, namespace

_T = typing.TypeVar("_T")


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
            if field.validator is getattr(model, "_not_negative", None):
                self.constraints.append(z3.Implies(own, value >= 0))
            if kind.kind is _Kind.TEXT:
                self.texts.append(scalar)
                if field.validator is getattr(model, "_place_code", None):
                    self.places.append(scalar)
        for earlier, later in _order_constraints().get(cls, ()):
            first, last = self._relative(path, earlier), self._relative(path, later)
            if first is not None and last is not None:
                self.constraints.append(z3.Implies(z3.And(first[1], last[1]), first[0] <= last[0]))
        return obj

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


def _version_leaves(version: Version) -> Iterator[Leaf]:
    policy = version.policy
    yield from policy.scope.leaves()
    for rule in policy.rules:
        yield from rule.when.leaves()
    for duty in policy.duties:
        yield from duty.when.leaves()
