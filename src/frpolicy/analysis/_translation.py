"""The translation: every request the model can express, and each leaf, as logic.

This is the part of the analysis that decides whether a proof is sound; it reads on its
own. :class:`_Universe` is the **symbolic request**: a variable for each field of
:class:`~frpolicy.model.SearchRequest` and of the objects below it, and the model's own
checks as constraints over them, so that the solver considers every request the model
accepts and no other. :class:`_Translation` reads one leaf's Python expression node by node
and gives two formulas over those variables: the leaf's value, and when evaluating it
raises. :class:`_Symbolic` combines the leaves as the engine does: short-circuiting ``&``
and ``|``, the errors a verdict records, and the combining algorithm of
:meth:`~frpolicy.policy.Policy.evaluate`.

**Python's meaning, exactly, or nothing.** A leaf means what Python makes of it, and the
translation follows Python where it is easy to miss:

- a value that takes finitely many values (an enumeration member, a boolean, or ``None``
  where the field is optional) is compared with a constant, or with another such value,
  by asking Python itself, value by value: ``r.analysis == "identification"``, a
  ``StrEnum`` member equal to a string, ``True == 1``, ``x in (1,)``, an ordering that
  raises ``TypeError``, each comes out as Python has it;
- numbers are one tower, as in Python: ``12 == 12.0``, ``True == 1``, ``months < 12.5``; a
  float is compared as the exact rational it is, ``nan`` and ``inf`` as Python compares
  them;
- values of other types are never equal (``"5" != 5``, a time is not a date), and
  ordering them raises, as Python's ``TypeError``; ``None`` equals only ``None``;
- truth: an empty string, ``0``, an empty duration and an empty set are false, a time or
  a date always true; ``a or b`` is ``a`` or ``b`` where both are of one type, and only
  its truth is known otherwise;
- a time carries its clock's offset from UTC where arithmetic reads it: ``t + duration``
  raises ``OverflowError`` past the year 9999 *on that clock*, as Python's does;
- the model's checks on strings are constraints: an id is never empty or blank and has
  at most 1,000 characters, a place code is a place code, for every string a leaf names
  and every prefix it tests.

What the translation cannot model exactly (a constant of a type it does not know, a
``StrEnum`` member against a string read from the request, the truth of a set of strings,
a call, a subscript) raises :class:`_Opaque`, and the leaf is **opaque**: a free value, on
which nothing is proved.

The stages after it (the solver session, the witnesses, the claims and the diff) ask
questions of these formulas; none of them adds meaning to a leaf.
"""

from __future__ import annotations

import ast
import builtins
import enum
import functools
import itertools
import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from fractions import Fraction

import attrs

from frpolicy import model
from frpolicy.analysis._solver import Z3, _z3
from frpolicy.jurisdictions import Version
from frpolicy.policy import Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import All, Any, Leaf, Not, Predicate, Verdict, namespace

_T = typing.TypeVar("_T")


# -- the symbolic request -------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _instant(value: datetime) -> int:
    """An aware time as microseconds since 1970, UTC: the instant it names, on any clock."""
    return (value - _EPOCH) // _MICROSECOND


_INSTANTS = (
    _instant(datetime(1, 1, 2, tzinfo=UTC)),
    _instant(datetime(9999, 12, 30, 23, 59, 59, 999_999, tzinfo=UTC)),
)
"""The first and last instants the model accepts (its check of every time, ``_aware``)."""
_CLOCKS = (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
_CLOCK_RANGE = (_instant(_CLOCKS[0]), _instant(_CLOCKS[1]))
"""The readings a clock can show (Python's years 1 to 9999), counted as the instants above."""
_DURATION_RANGE = (timedelta.min // _MICROSECOND, timedelta.max // _MICROSECOND)
_OFFSET = timedelta(days=1) // _MICROSECOND
"""A clock's offset from UTC is less than a day either way (:class:`datetime.timezone`)."""
# Witnesses are sought in a recent year first, so that they read as real requests.
_WINDOW = (
    _instant(datetime(2024, 1, 1, tzinfo=UTC)),
    _instant(datetime(2025, 1, 1, tzinfo=UTC)),
)
_TIMES = ("performed_at", "submitted_at")  # the time of evaluation, as evaluation_time reads it
_MAX_ITEMS = 10_000
"""The most items of a constant collection compared item by item; a larger one is opaque."""


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
    REAL = "real"  # a float: only constants are floats, the model has no such field
    ENUM = "enum"
    TEXT = "text"
    INSTANT = "instant"
    DAY = "day"
    DURATION = "duration"
    SET = "set"
    TRUTH = "truth"  # `a or b` of other than booleans: its truth is known, not its value
    FOREIGN = "foreign"  # a constant no value of a request ever equals: a tuple, a naive time


_ORDERED = frozenset({_Kind.INT, _Kind.INSTANT, _Kind.DAY, _Kind.DURATION})
_NUMBERS = frozenset({_Kind.BOOL, _Kind.INT, _Kind.REAL})
_FINITE = frozenset({_Kind.BOOL, _Kind.ENUM})


@attrs.frozen
class _Type:
    kind: _Kind
    enum: type[enum.Enum] | None = None
    element: _Type | None = None


def _enumerable(cls: type[enum.Enum]) -> bool:
    """Whether a field of this enumeration holds one of its members, listed, and nothing else.

    A :class:`enum.Flag` also holds combinations of its members, which are not listed.
    """
    return not issubclass(cls, enum.Flag) and len(cls) > 0


_VALUE_METHODS = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__", "__len__")


def _plain(cls: type[enum.Enum]) -> bool:
    """Whether an enumeration's members are only themselves to Python.

    Equal to nothing but themselves, unordered, always true: no mixed-in type (``IntEnum``,
    ``StrEnum``) and no comparison or truth of their own.
    """
    if getattr(cls, "_member_type_", object) is not object:
        return False
    for klass in cls.__mro__:
        if klass is enum.Enum:
            return True
        if any(name in vars(klass) for name in _VALUE_METHODS):
            return False
    return True  # pragma: no cover - every enumeration derives from Enum


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
        return _Type(_Kind.ENUM, enum=tp) if _enumerable(tp) else None
    if typing.get_origin(tp) in {frozenset, set}:
        (element,) = typing.get_args(tp)
        inner = _scalar_type(element)
        if inner is not None and inner.kind in {_Kind.ENUM, _Kind.TEXT}:
            return _Type(_Kind.SET, element=inner)
    return None


_EXACT_TYPES: dict[type, _Kind] = {
    int: _Kind.INT,
    float: _Kind.REAL,
    str: _Kind.TEXT,
    date: _Kind.DAY,
    timedelta: _Kind.DURATION,
}
_FOREIGN_TYPES = frozenset({bytes, tuple, list, frozenset, set, dict, type(None), type(...)})
"""Constants that equal no value a request holds (``None`` aside, which is handled first)."""


def _type_of(value: object) -> _Type | None:  # noqa: PLR0911 - one return per type
    """The symbolic type of a constant, or None when it has none.

    Exact types only: a subclass of ``str`` or ``int`` may mean something else by ``==``.
    A time is translated when its clock is a fixed offset from UTC (a
    :class:`datetime.timezone`), as every time read from JSON is.
    """
    if value is True or value is False:
        return _Type(_Kind.BOOL)
    if isinstance(value, enum.Enum):
        return _Type(_Kind.ENUM, enum=type(value)) if _enumerable(type(value)) else None
    kind = _EXACT_TYPES.get(type(value))
    if kind is not None:
        return _Type(kind)
    if type(value) is datetime:
        if value.tzinfo is None:
            return _Type(_Kind.FOREIGN)  # naive: never equal to a time of a request
        if isinstance(value.tzinfo, timezone):
            return _Type(_Kind.INSTANT)
        return None
    if type(value) in _FOREIGN_TYPES:
        return _Type(_Kind.FOREIGN)
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


def _defines_truth(cls: type) -> bool:
    """Whether a class's instances may be false (it defines ``__bool__`` or ``__len__``)."""
    return any(
        name in vars(klass) for klass in cls.__mro__[:-1] for name in ("__bool__", "__len__")
    )


@attrs.frozen
class _Obj:
    """A symbolic attrs object: its class, path and whether it is there (not ``None``)."""

    cls: type
    path: str
    present: Z3


@attrs.frozen
class _Scalar:
    """A symbolic value of a type; ``present`` is false where an optional field is None.

    A time computed by arithmetic keeps the ``offset`` of the clock it was read on.
    """

    type: _Type
    value: Z3
    present: Z3
    path: str = ""
    offset: Z3 | None = None


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


@functools.cache
def _text_sort() -> Z3:
    return _z3().DeclareSort("Text")


# -- the model's checks, as constraints -----------------------------------------------------

_PLACE_PREFIX = re.compile(
    r"[A-Z]{0,2}|[A-Z]{2}-[A-Z0-9]{0,3}|[A-Z]{2}-[A-Z0-9]{1,3}-[A-Z0-9]{0,8}"
)
"""The strings some place code starts with (see :func:`frpolicy.model.is_place_code`)."""


def _place_prefix(start: str) -> bool:
    """Whether some place code starts with ``start``."""
    return _PLACE_PREFIX.fullmatch(start) is not None


Check = Callable[[object, "attrs.Attribute[typing.Any]", object], None]


def _known_checks() -> dict[object, str]:
    """The model's checks of a field the analysis states exactly, by what they check.

    Each is a function of the value alone. A field checked by anything else is not
    translated: a leaf that reads it is opaque. The model's checks that are data (a name, a
    place code, a least or a range of numbers) are known by their class
    (:func:`_is_known`).
    """
    names = {"_aware": "instant"}
    return {getattr(model, name): what for name, what in names.items() if hasattr(model, name)}


_KNOWN_KINDS: tuple[type, ...] = (
    model._Name,  # noqa: SLF001 - the model's own checks, read as data
    model._PlaceCode,  # noqa: SLF001
    model._AtLeast,  # noqa: SLF001
    model._Between,  # noqa: SLF001
)


def _is_known(validator: object) -> bool:
    return isinstance(validator, _KNOWN_KINDS) or any(
        validator is known for known in _known_checks()
    )


def _checks(validator: object) -> tuple[Check, ...] | None:
    """A field's checks, each known; None if one is not."""
    if validator is None:
        return ()
    inner = getattr(validator, "_validators", None)  # attrs.validators.and_
    if inner is not None:
        found = [_checks(v) for v in inner]
        if any(f is None for f in found):
            return None
        return tuple(itertools.chain.from_iterable(typing.cast("list[tuple[Check, ...]]", found)))
    if _is_known(validator):
        return (typing.cast("Check", validator),)
    return None


def _accepts(checks: Iterable[tuple[Check, attrs.Attribute[typing.Any]]], text: str) -> bool:
    """Whether every check of a string field accepts ``text``."""
    try:
        for check, field in checks:
            check(None, field, text)
    except ValueError:
        return False
    return True


def _startable(check: Check, field: attrs.Attribute[typing.Any], start: str) -> bool:
    """Whether some string a check accepts starts with ``start``."""
    if isinstance(check, model._PlaceCode):  # noqa: SLF001 - the model's own check
        return _place_prefix(start)
    # a non-empty name: ``start`` itself, or ``start`` and a visible character (else too long)
    return _accepts([(check, field)], start) or _accepts([(check, field)], start + "x")


def _bounds(checks: Iterable[Check], value: Z3) -> Iterator[Z3]:
    """The range the model's checks of a number keep it in, as formulas."""
    for check in checks:
        if isinstance(check, model._AtLeast):  # noqa: SLF001 - the model's own check
            yield value >= check.least
        elif isinstance(check, model._Between):  # noqa: SLF001 - as above
            yield value >= check.least
            yield value <= check.most


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
        self.offsets: dict[str, Z3] = {}
        self.literals: dict[str, Z3] = {}
        self.prefixes: dict[str, Z3] = {}
        # a request's string no leaf names: its constant and what it starts with, pinned
        # (frpolicy.analysis._session._Pins), kept for the next request that has it
        self.strangers: dict[str, tuple[int, Z3, tuple[Z3, ...]]] = {}
        self.texts: list[_Scalar] = []
        self.checked: dict[
            str, tuple[_Scalar, tuple[tuple[Check, attrs.Attribute[typing.Any]], ...]]
        ]
        self.checked = {}
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
            checks = _checks(field.validator)
            if kind is None or checks is None:
                self.unsupported[where] = (
                    f"a {hints[field.name]}, a type the analysis does not translate"
                    if kind is None
                    else f"checked by {field.validator!r}, a check the analysis does not model"
                )
                continue
            value = self._variable(where, kind)
            scalar = _Scalar(kind, value, own, where)
            self.fields[where] = scalar
            self.constraints.extend(z3.Implies(own, bound) for bound in _bounds(checks, value))
            if kind.kind is _Kind.TEXT:
                self.texts.append(scalar)
                if checks:
                    self.checked[where] = (scalar, tuple((c, field) for c in checks))
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
            self.constraints.append(z3.And(value >= _INSTANTS[0], value <= _INSTANTS[1]))
        elif kind.kind is _Kind.DAY:
            self.constraints.append(z3.And(value >= 1, value <= date.max.toordinal()))
        return value

    def _sort(self, kind: _Type) -> Z3:
        if kind.kind is _Kind.ENUM:
            assert kind.enum is not None  # noqa: S101 - an enum type has its class
            return _enum_sort(kind.enum)[0]
        return _text_sort()

    def offset(self, path: str) -> Z3:
        """The offset from UTC of the clock a time field is read on, in microseconds.

        Made when arithmetic first reads the field: only there does the clock matter (a
        time past the year 9999 on its clock raises), and a witness that needs none is
        given in UTC.
        """
        found = self.offsets.get(path)
        if found is None:
            found = self.z3.Int(f"{path} offset")
            self.constraints.append(self.z3.And(found > -_OFFSET, found < _OFFSET))
            self.offsets[path] = found
        return found

    def literal(self, text: str) -> Z3:
        """A string constant, distinct from every other string constant.

        What each ``startswith`` test says of it is known, and a field the model checks
        (an id, a place code) never holds it unless the check accepts it.
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
            self.constraints.extend(
                z3.Implies(field.present, field.value != found)
                for field, checks in self.checked.values()
                if not _accepts(checks, text)
            )
            self.literals[text] = found
        return found

    def prefix(self, start: str) -> Z3:
        """The test ``text.startswith(start)``, a function of the string domain.

        A string starts with two prefixes only if one starts with the other; every constant's
        answer is known; a field the model checks starts only with what a string it accepts
        can start with.
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
        self.constraints.extend(
            z3.Implies(field.present, z3.Not(found(field.value)))
            for field, checks in self.checked.values()
            if not all(_startable(check, attribute, start) for check, attribute in checks)
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
            return z3.IntVal(_instant(value))
        if kind.kind is _Kind.DURATION:
            assert isinstance(value, timedelta)  # noqa: S101 - checked by _type_of
            return z3.IntVal(value // _MICROSECOND)
        if kind.kind is _Kind.DAY:
            assert isinstance(value, date)  # noqa: S101 - checked by _type_of
            return z3.IntVal(value.toordinal())
        if kind.kind is _Kind.INT:
            return z3.IntVal(typing.cast("int", value))
        return None

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


_COLLECTIONS = frozenset({tuple, list, set, frozenset, dict, range})
"""The constant collections ``in`` is translated against: their items are compared one by one."""


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
        return self.truth(sym, tree.body), self.z3.simplify(raises)

    # -- helpers --

    def truth(self, sym: _Sym, node: ast.AST) -> Z3:
        """Whether a value is true, as ``bool()`` says: never raising for the values here."""
        if isinstance(sym, _Const):
            try:
                return self.z3.BoolVal(bool(sym.value))
            except Exception as error:  # noqa: BLE001 - a constant's own __bool__ failed
                msg = f"the truth of {sym.value!r} ({type(error).__name__})"
                raise _Opaque(msg) from None
        if isinstance(sym, _Obj):
            if _defines_truth(sym.cls):
                msg = f"the truth value of an object that defines it ({_construct(node)})"
                raise _Opaque(msg)
            return sym.present
        return self._scalar_truth(sym, node)

    def _scalar_truth(self, sym: _Scalar, node: ast.AST) -> Z3:  # noqa: PLR0911 - one return per kind
        z3 = self.z3
        kind = sym.type.kind
        if kind is _Kind.TRUTH:
            return sym.value
        if kind is _Kind.BOOL:
            return z3.And(sym.present, sym.value)
        if kind in {_Kind.INT, _Kind.DURATION}:
            return z3.And(sym.present, sym.value != 0)
        if kind is _Kind.TEXT:
            return z3.And(sym.present, sym.value != self.u.literal(""))
        if kind is _Kind.ENUM:
            true = [case for case, member in self._values(sym) if self._bool(member, node)]
            return z3.Or(self.u.false, *true)
        if kind is _Kind.SET:
            return self._not_empty(sym, node)
        return sym.present  # a time or a date is always true

    def _not_empty(self, sym: _Scalar, node: ast.AST) -> Z3:
        """Whether a set is not empty: some member is in it, for a set of members."""
        element = sym.type.element
        assert element is not None  # noqa: S101 - a set type has its element
        if element.kind is not _Kind.ENUM or element.enum is None:
            msg = f"the truth value of a set of strings (whether it is empty): {_construct(node)}"
            raise _Opaque(msg)
        members = _enum_sort(element.enum)[1].values()
        return self.z3.And(sym.present, self.z3.Or(*(sym.value(c) for c in members)))

    def _bool(self, value: object, node: ast.AST) -> bool:
        try:
            return bool(value)
        except Exception as error:  # noqa: BLE001 - a member's own __bool__ failed
            msg = f"the truth of {value!r} ({type(error).__name__}): {_construct(node)}"
            raise _Opaque(msg) from None

    def _boolean(self, value: Z3) -> _Scalar:
        return _Scalar(_Type(_Kind.BOOL), value, self.u.true)

    def _is_boolean(self, sym: _Sym) -> bool:
        """Whether a value is a ``bool`` (and never ``None``): ``a or b`` of them is one."""
        if isinstance(sym, _Const):
            return sym.value is True or sym.value is False
        return (
            isinstance(sym, _Scalar)
            and sym.type.kind is _Kind.BOOL
            and self.z3.is_true(sym.present)
        )

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
        if isinstance(node, ast.Set):
            try:
                return _Const(set(items)), self.u.false
            except TypeError:  # an unhashable item: Python raises building the set
                return _Const(None), self.u.true
        return _Const(list(items) if isinstance(node, ast.List) else tuple(items)), self.u.false

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
                f"r.{path} is {why}"
                if why
                else f"r.{path} is not a field of the model (a property or a method)"
            )
            raise _Opaque(msg)
        if base.path:
            self.u.touched.add(f"{base.path}?")
        self.u.touched.update({path, f"{path}?"})
        return found, self.z3.Or(raises, self.z3.Not(base.present))

    def node_BoolOp(self, node: ast.BoolOp) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        operands: list[tuple[_Sym, Z3]] = []

        def step(operand: ast.expr) -> Callable[[], tuple[Z3, Z3]]:
            def run() -> tuple[Z3, Z3]:
                sym, raises = self.expr(operand)
                truth = self.truth(sym, operand)
                operands.append((sym, truth))
                return truth, raises

            return run

        either = isinstance(node.op, ast.Or)
        value, raises = self.sequence([step(v) for v in node.values], stop_on=either)
        if all(self._is_boolean(sym) for sym, _ in operands):
            return self._boolean(value), raises
        chosen = self._chosen(operands, either=either)
        if chosen is not None:
            return chosen, raises
        # `a or b` is a or b: of values of different types, only its truth is translated
        return _Scalar(_Type(_Kind.TRUTH), value, self.u.true), raises

    def _one_type(self, syms: list[_Sym]) -> list[tuple[_Type, Z3, Z3] | None] | None:
        """The operands of ``or``/``and`` as values of one type (None for a None), or None.

        Booleans among integers are the numbers 0 and 1, as to Python.
        """
        z3 = self.z3
        typed: list[tuple[_Type, Z3, Z3] | None] = []
        for sym in syms:
            if isinstance(sym, _Const) and sym.value is None:
                typed.append(None)  # None: absent, of whatever type the others are
                continue
            try:
                found = self._typed(sym, ast.Pass())
            except _Opaque:
                return None
            if found is None or found[0].kind in {_Kind.SET, _Kind.TRUTH}:
                return None
            typed.append(found)
        kinds = {t[0] for t in typed if t is not None}
        if kinds == {_Type(_Kind.BOOL), _Type(_Kind.INT)}:
            number = _Type(_Kind.INT)  # (``is`` of the result stays opaque)
            return [
                (number, z3.If(t[1], z3.IntVal(1), z3.IntVal(0)), t[2])
                if t is not None and t[0].kind is _Kind.BOOL
                else t
                for t in typed
            ]
        return typed if len(kinds) == 1 else None

    def _chosen(self, operands: list[tuple[_Sym, Z3]], *, either: bool) -> _Scalar | None:
        """The value ``a or b`` (``a and b``) gives, where every operand is of one type.

        ``or`` gives the first true operand, else the last; ``and`` the first false one,
        else the last (``None`` among them, where a field is absent). None where the types
        differ, or one is not translated.
        """
        z3 = self.z3
        typed = self._one_type([sym for sym, _ in operands])
        if typed is None:
            return None
        kinds = {t[0] for t in typed if t is not None}
        (kind,) = kinds
        some = next(t for t in typed if t is not None)

        def parts(found: tuple[_Type, Z3, Z3] | None) -> tuple[Z3, Z3]:
            return (some[1], self.u.false) if found is None else (found[1], found[2])

        def clock(sym: _Sym, found: tuple[_Type, Z3, Z3] | None) -> Z3:
            return z3.IntVal(0) if found is None else self._clock(sym)

        items = list(zip(operands, typed, strict=True))
        (last, _), found = items[-1]
        value, present = parts(found)
        timed = kind.kind is _Kind.INSTANT  # a time keeps the clock it is read on
        offset = clock(last, found) if timed else None
        for (sym, truth), found in reversed(items[:-1]):
            taken = truth if either else z3.Not(truth)
            this, there = parts(found)
            value, present = z3.If(taken, this, value), z3.If(taken, there, present)
            if offset is not None:
                offset = z3.If(taken, clock(sym, found), offset)
        return _Scalar(kind, value, present, offset=offset)

    def node_UnaryOp(self, node: ast.UnaryOp) -> tuple[_Sym, Z3]:  # noqa: N802 - ast's name
        sym, raises = self.expr(node.operand)
        if isinstance(node.op, ast.Not):
            return self._boolean(self.z3.Not(self.truth(sym, node.operand))), raises
        if isinstance(node.op, ast.USub):
            if isinstance(sym, _Const) and type(sym.value) in {int, float, timedelta}:
                return _Const(-typing.cast("int", sym.value)), raises
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
        lt, rt = self._typed(left, node), self._typed(right, node)
        if lt is None or rt is None:
            msg = f"{ast.unparse(node)}: arithmetic on an object"
            raise _Opaque(msg)
        result = _ARITHMETIC.get((lt[0].kind, type(node.op).__name__, rt[0].kind))
        if result is None:
            msg = f"{ast.unparse(node)}: arithmetic on {lt[0].kind.value} and {rt[0].kind.value}"
            raise _Opaque(msg)
        value = lt[1] + rt[1] if isinstance(node.op, ast.Add) else lt[1] - rt[1]
        present = z3.And(lt[2], rt[2])
        # None in arithmetic raises TypeError; a result past Python's range, OverflowError
        raises = z3.Or(raises, z3.Not(present))
        offset = None
        if result is _Kind.INSTANT:
            # a time and a duration: the time's own clock reads the result, and must stay
            # within the years 1 to 9999
            offset = self._clock(left if lt[0].kind is _Kind.INSTANT else right)
            low, high = _CLOCK_RANGE
            raises = z3.Or(raises, value + offset < low, value + offset > high)
        elif result is _Kind.DURATION:
            low, high = _DURATION_RANGE
            raises = z3.Or(raises, value < low, value > high)
        return _Scalar(_Type(result), value, self.u.true, offset=offset), raises

    def _clock(self, sym: _Sym) -> Z3:
        """The offset from UTC of the clock a time is read on, in microseconds."""
        z3 = self.z3
        if isinstance(sym, _Const):
            assert isinstance(sym.value, datetime)  # noqa: S101 - an instant constant
            offset = sym.value.utcoffset()
            assert offset is not None  # noqa: S101 - as above: a fixed offset
            return z3.IntVal(offset // _MICROSECOND)
        assert isinstance(sym, _Scalar)  # noqa: S101 - a time read from the request
        if sym.offset is not None:
            return sym.offset
        if sym.path == "at":
            performed = self.u.fields[_TIMES[0]]
            return z3.If(performed.present, self.u.offset(_TIMES[0]), self.u.offset(_TIMES[1]))
        return self.u.offset(sym.path)

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

    def _typed(self, sym: _Sym, node: ast.AST) -> tuple[_Type, Z3, Z3] | None:
        """A value with its type, its expression and whether it is there; None for objects.

        ``None`` itself is None too. A float, or a constant of no request's type, is opaque
        here: arithmetic and the other places that call this take none.
        """
        if isinstance(sym, _Scalar):
            if sym.type.kind is _Kind.TRUTH:
                msg = f"the value of an 'and' or 'or' of other than booleans ({_construct(node)})"
                raise _Opaque(msg)
            return sym.type, sym.value, sym.present
        if isinstance(sym, _Const):
            if sym.value is None:
                return None
            kind = _type_of(sym.value)
            constant = None if kind is None else self.u.constant(kind, sym.value)
            if kind is None or constant is None:
                msg = f"the constant {sym.value!r}, of a type the analysis does not translate here"
                raise _Opaque(msg)
            return kind, constant, self.u.true
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

    # -- comparisons --

    def compare(self, op: ast.cmpop, left: _Sym, right: _Sym, node: ast.AST) -> tuple[Z3, Z3]:
        """A comparison's value, and whether it raises (ordering None, say)."""
        z3 = self.z3
        if isinstance(left, _Const) and isinstance(right, _Const):
            return self._constants(op, left.value, right.value, node)
        evaluated = self._by_value(op, left, right, node)
        if evaluated is not None:
            return evaluated
        if isinstance(op, ast.In | ast.NotIn):
            value, raises = self.member(left, right, node)
            return (value if isinstance(op, ast.In) else z3.Not(value)), raises
        if isinstance(op, ast.Is | ast.IsNot):
            value = self.identical(left, right, node)
            return (value if isinstance(op, ast.Is) else z3.Not(value)), self.u.false
        if isinstance(op, ast.Eq | ast.NotEq):
            value = self.equal(left, right, node)
            return (value if isinstance(op, ast.Eq) else z3.Not(value)), self.u.false
        return self.order(op, left, right, node)

    def _constants(self, op: ast.cmpop, a: object, b: object, node: ast.AST) -> tuple[Z3, Z3]:
        """Two constants, compared by Python; ``is`` only where identity is not an accident."""
        if isinstance(op, ast.Is | ast.IsNot) and not (_singleton(a) or _singleton(b)):
            msg = f"an identity test of two values that are not singletons ({_construct(node)})"
            raise _Opaque(msg)
        try:
            result = _python_compare(op, a, b)
        except Exception:  # noqa: BLE001 - Python raises it when the leaf is evaluated too
            return self.u.false, self.u.true
        if type(result) is not bool:
            msg = f"a comparison whose result is not a boolean ({_construct(node)})"
            raise _Opaque(msg)
        return self.z3.BoolVal(result), self.u.false

    def _values(self, sym: _Scalar) -> list[tuple[Z3, object]]:
        """Each value a boolean or an enumeration member can take, and when it takes it."""
        z3 = self.z3
        if sym.type.kind is _Kind.BOOL:
            cases: list[tuple[Z3, object]] = [
                (z3.And(sym.present, sym.value), True),
                (z3.And(sym.present, z3.Not(sym.value)), False),
            ]
        else:
            assert sym.type.enum is not None  # noqa: S101 - an enum type has its class
            cases = [
                (z3.And(sym.present, sym.value == const), member)
                for member, const in _enum_sort(sym.type.enum)[1].items()
            ]
        if not z3.is_true(sym.present):
            cases.append((z3.Not(sym.present), None))
        return cases

    def _finite(self, sym: _Sym) -> list[tuple[Z3, object]] | None:
        if isinstance(sym, _Const):
            return [(self.u.true, sym.value)]
        if isinstance(sym, _Scalar) and sym.type.kind in _FINITE:
            return self._values(sym)
        return None

    def _by_value(
        self, op: ast.cmpop, left: _Sym, right: _Sym, node: ast.AST
    ) -> tuple[Z3, Z3] | None:
        """A comparison of values that take finitely many values, asked of Python value by value.

        When one side is a boolean or an enumeration member (or ``None``) and the other a
        constant or such a value too, Python itself says what each pair gives: whatever
        the enumeration means by ``==``, ``<``, ``in`` or its hash. None otherwise.
        """
        if not any(isinstance(s, _Scalar) and s.type.kind in _FINITE for s in (left, right)):
            return None
        lefts, rights = self._finite(left), self._finite(right)
        if lefts is None or rights is None:
            return None
        if isinstance(op, ast.In | ast.NotIn) and isinstance(right, _Const):
            self._collection(right.value, node)
        z3 = self.z3
        holds: list[Z3] = []
        raises: list[Z3] = []
        for (when_left, a), (when_right, b) in itertools.product(lefts, rights):
            when = z3.And(when_left, when_right)
            if isinstance(op, ast.Is | ast.IsNot) and not (_singleton(a) or _singleton(b)):
                msg = f"an identity test of values that are not singletons ({_construct(node)})"
                raise _Opaque(msg)
            try:
                result = _python_compare(op, a, b)
            except Exception:  # noqa: BLE001 - Python raises it when the leaf is evaluated too
                raises.append(when)
                continue
            if type(result) is not bool:
                msg = f"a comparison whose result is not a boolean ({_construct(node)})"
                raise _Opaque(msg)
            if result:
                holds.append(when)
        return z3.Or(self.u.false, *holds), z3.Or(self.u.false, *raises)

    def _none(self, sym: _Sym, node: ast.AST) -> Z3:
        """Whether a value is None."""
        if isinstance(sym, _Const):
            return self.z3.BoolVal(sym.value is None)
        if isinstance(sym, _Scalar) and sym.type.kind is _Kind.TRUTH:
            msg = f"the value of an 'and' or 'or' of other than booleans ({_construct(node)})"
            raise _Opaque(msg)
        return self.z3.Not(sym.present)

    def identical(self, left: _Sym, right: _Sym, node: ast.AST) -> Z3:
        """``is`` with ``None`` (the values taking finitely many values are asked of Python)."""
        for a, b in ((left, right), (right, left)):
            if isinstance(b, _Const) and b.value is None:
                return self._none(a, node)
        msg = f"an identity test other than with None, a member or a boolean ({_construct(node)})"
        raise _Opaque(msg)

    def _operand(self, sym: _Sym, node: ast.AST, what: str) -> tuple[_Type, Z3 | float, Z3]:
        """A value as ``==`` and ordering read it: its type, its value, whether it is there.

        A float is kept as a float (exact, or ``nan`` or an infinity); a constant that no
        value of a request equals is of kind FOREIGN. An object, a set, the value of an
        ``or``, an enumeration whose members mean more than themselves, or a constant of a
        type the analysis does not know, is opaque.
        """
        if isinstance(sym, _Obj) or (isinstance(sym, _Scalar) and sym.type.kind is _Kind.SET):
            msg = f"{what} of {'objects' if isinstance(sym, _Obj) else 'sets'} ({_construct(node)})"
            raise _Opaque(msg)
        if isinstance(sym, _Const):
            kind = _type_of(sym.value)
            if kind is None:
                msg = f"the constant {sym.value!r}, of a type the analysis does not translate"
                raise _Opaque(msg)
            if kind.kind is _Kind.REAL:
                return kind, typing.cast("float", sym.value), self.u.true
            if kind.kind is _Kind.FOREIGN:
                return kind, self.u.false, self.u.true
            return (
                self._plain_or_opaque(kind, node, what),
                self.u.constant(kind, sym.value),
                self.u.true,
            )
        typed = self._typed(sym, node)
        assert typed is not None  # noqa: S101 - a scalar
        return self._plain_or_opaque(typed[0], node, what), typed[1], typed[2]

    def _plain_or_opaque(self, kind: _Type, node: ast.AST, what: str) -> _Type:
        """An enumeration member against a value of another kind: it is nothing but itself."""
        if kind.kind is _Kind.ENUM:
            assert kind.enum is not None  # noqa: S101 - an enum type has its class
            if not _plain(kind.enum):
                msg = (
                    f"{what} of a {kind.enum.__name__} member, equal to its value, and a value "
                    f"read from the request ({_construct(node)})"
                )
                raise _Opaque(msg)
            return _Type(_Kind.FOREIGN)
        return kind

    def equal(self, left: _Sym, right: _Sym, node: ast.AST) -> Z3:
        """``==``: None equals None; numbers by value; other types never equal each other."""
        z3 = self.z3
        for a, b in ((left, right), (right, left)):
            if isinstance(b, _Const) and b.value is None:
                return self._none(a, node)
        lt, lv, lp = self._operand(left, node, "equality")
        rt, rv, rp = self._operand(right, node, "equality")
        both_none = z3.And(z3.Not(lp), z3.Not(rp))
        if lt.kind in _NUMBERS and rt.kind in _NUMBERS:
            same = self._numbers(ast.Eq(), lt, lv, rt, rv)
        elif lt == rt and lt.kind is not _Kind.FOREIGN:
            same = lv == rv
        else:
            same = self.u.false  # a string is not a number, a time not a date: never equal
        return z3.Or(both_none, z3.And(lp, rp, same))

    def _numbers(self, op: ast.cmpop, lt: _Type, lv: Z3 | float, rt: _Type, rv: Z3 | float) -> Z3:
        """Two numbers compared as Python compares them: a float exactly, as the rational it is."""
        z3 = self.z3

        def term(kind: _Type, value: Z3 | float) -> Z3 | float:
            if kind.kind is _Kind.BOOL:
                return z3.If(value, z3.IntVal(1), z3.IntVal(0))
            if kind.kind is _Kind.REAL:
                number = typing.cast("float", value)
                if not math.isfinite(number):
                    return number
                exact = Fraction(number)
                return z3.RealVal(f"{exact.numerator}/{exact.denominator}")
            return value

        a, b = term(lt, lv), term(rt, rv)
        if isinstance(a, float) or isinstance(b, float):
            # nan or an infinity against a finite number: the same answer for every number
            return z3.BoolVal(
                _python_compare(
                    op, 0 if not isinstance(a, float) else a, 0 if not isinstance(b, float) else b
                )
            )
        compare: dict[type, Callable[[], Z3]] = {
            ast.Eq: lambda: a == b,
            ast.Lt: lambda: a < b,
            ast.LtE: lambda: a <= b,
            ast.Gt: lambda: a > b,
            ast.GtE: lambda: a >= b,
        }
        return compare[type(op)]()

    def order(self, op: ast.cmpop, left: _Sym, right: _Sym, node: ast.AST) -> tuple[Z3, Z3]:
        """``<``, ``<=``, ``>``, ``>=``: numbers, and times, dates or durations of one kind."""
        z3 = self.z3
        none_left = isinstance(left, _Const) and left.value is None
        none_right = isinstance(right, _Const) and right.value is None
        if none_left or none_right:
            return self.u.false, self.u.true  # ordering None raises TypeError
        lt, lv, lp = self._operand(left, node, "an ordering")
        rt, rv, rp = self._operand(right, node, "an ordering")
        absent = z3.Or(z3.Not(lp), z3.Not(rp))
        if lt.kind in _NUMBERS and rt.kind in _NUMBERS:
            return self._numbers(op, lt, lv, rt, rv), absent
        if lt == rt and lt.kind in _ORDERED:
            return self._numbers(op, _Type(_Kind.INT), lv, _Type(_Kind.INT), rv), absent
        if lt.kind is _Kind.TEXT and rt.kind is _Kind.TEXT:
            msg = f"an ordering of strings ({_construct(node)})"
            raise _Opaque(msg)
        return self.u.false, self.u.true  # a string and a number, a time and a date: TypeError

    def member(self, element: _Sym, container: _Sym, node: ast.AST) -> tuple[Z3, Z3]:
        """``in``: against a constant collection item by item, or a set of the request."""
        z3 = self.z3
        if isinstance(container, _Const):
            collection = self._collection(container.value, node)
            if isinstance(element, _Obj):
                msg = f"membership of an object ({_construct(node)})"
                raise _Opaque(msg)
            # `x in items` is `x is item or x == item` for some item; for the values of a
            # request, identity is equality
            options = [self.equal(element, _Const(item), node) for item in _stable(collection)]
            return z3.Or(self.u.false, *options), self.u.false
        if isinstance(container, _Scalar) and container.type.kind is _Kind.SET:
            return self._in_set(element, container, node), z3.Not(container.present)
        msg = f"'in' against a value of the request that is not a set ({_construct(node)})"
        raise _Opaque(msg)

    def _collection(self, items: object, node: ast.AST) -> typing.Collection[object]:
        """A constant ``in`` is translated against: a tuple, list, set or dict, not too large."""
        if type(items) not in _COLLECTIONS:
            msg = f"'in' against {type(items).__name__} ({_construct(node)})"
            raise _Opaque(msg)
        collection = typing.cast("typing.Collection[object]", items)
        if len(collection) > _MAX_ITEMS:
            msg = f"'in' against more than {_MAX_ITEMS:,} items ({_construct(node)})"
            raise _Opaque(msg)
        return collection

    def _in_set(self, element: _Sym, container: _Scalar, node: ast.AST) -> Z3:
        """Whether a value is in a set the request holds (of strings, or of members)."""
        kind = container.type.element
        assert kind is not None  # noqa: S101 - a set type has its element
        if kind.kind is _Kind.ENUM:
            assert kind.enum is not None  # noqa: S101 - an enum type has its class
            return self._in_members(element, container, kind.enum, node)
        z3 = self.z3
        if isinstance(element, _Const) and type(element.value) is str:
            term = self.u.literal(element.value)
            self.u.set_queries[container.path].append(term)
            return container.value(term)
        if isinstance(element, _Scalar) and element.type.kind is _Kind.TEXT:
            self.u.set_queries[container.path].append(element.value)
            return z3.And(element.present, container.value(element.value))
        if _never_a_string(element):
            return self.u.false
        msg = f"membership in a set of strings of other than a string ({_construct(node)})"
        raise _Opaque(msg)

    def _in_members(
        self, element: _Sym, container: _Scalar, cls: type[enum.Enum], node: ast.AST
    ) -> Z3:
        """Whether a value is in a set of members: Python's answer, member by member."""
        z3 = self.z3
        values = self._finite(element)
        if values is None:
            if (
                _plain(cls)
                and isinstance(element, _Scalar)
                and element.type.kind is not _Kind.TRUTH
            ):
                return self.u.false  # a member of a plain enumeration is only itself
            msg = f"membership in a set of {cls.__name__} members ({_construct(node)})"
            raise _Opaque(msg)
        found = []
        for (when, value), (member, const) in itertools.product(values, _enum_sort(cls)[1].items()):
            try:
                held = frozenset((member,)).__contains__(value)  # a set's test: hash, then ==
            except TypeError:
                msg = f"membership of an unhashable value ({_construct(node)})"
                raise _Opaque(msg) from None
            if held:
                found.append(z3.And(when, container.value(const)))
        return z3.Or(self.u.false, *found)


def _never_a_string(sym: _Sym) -> bool:
    """Whether a value is never equal to a string: a number, a time, a plain member, a tuple."""
    kinds = {*_NUMBERS, _Kind.INSTANT, _Kind.DAY, _Kind.DURATION}
    if isinstance(sym, _Const):
        own = _type_of(sym.value)
        if own is None:
            return False
        if own.kind is _Kind.FOREIGN:
            return _hashable(sym.value)  # an unhashable one raises in a set's test
    elif isinstance(sym, _Scalar):
        own = sym.type
    else:
        return False
    if own.kind is _Kind.ENUM:
        return own.enum is not None and _plain(own.enum)
    return own.kind in kinds


def _singleton(value: object) -> bool:
    """Whether ``value`` is the only object of its value: identity is then equality."""
    return value is None or value is True or value is False or isinstance(value, enum.Enum)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


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


def _python_compare(op: ast.cmpop, a: object, b: object) -> object:
    a_ = typing.cast("typing.Any", a)
    b_ = typing.cast("typing.Any", b)
    compare: dict[type, Callable[[], object]] = {
        ast.Eq: lambda: a_ == b_,
        ast.NotEq: lambda: a_ != b_,
        ast.Is: lambda: a_ is b_,
        ast.IsNot: lambda: a_ is not b_,
        ast.Lt: lambda: a_ < b_,
        ast.LtE: lambda: a_ <= b_,
        ast.Gt: lambda: a_ > b_,
        ast.GtE: lambda: a_ >= b_,
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
