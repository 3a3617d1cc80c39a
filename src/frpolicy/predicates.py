"""Predicates over a search request: conditions of the law, as data.

A predicate is a frozen object, never an opaque function. Leaves are declared once, with a
plain-language description and a Python expression over ``r`` (the
:class:`~frpolicy.model.SearchRequest`) and ``at`` (the time of evaluation). ``&``, ``|``
and ``~`` build new predicates. Because a predicate is data it can be:

- evaluated, fast: the whole tree is compiled once into one Python function;
- explained: :meth:`Predicate.explain` returns a :class:`Verdict` tree saying which
  conditions held and which failed;
- rendered as prose for the documentation (:meth:`Predicate.describe`);
- analysed: its leaves, and the fields of the request it reads (:meth:`Predicate.reads`).

>>> from frpolicy.model import AgencyKind
>>> performed_by = leaf_family(
...     "performed_by", "performed by {kind}", "r.performing_agency.kind is kind", ["kind"]
... )
>>> has_warrant = leaf("has_warrant", "a warrant", "r.warrant is not None")
>>> rule = performed_by(AgencyKind.STATE_POLICE) & ~has_warrant
>>> rule
performed_by(AgencyKind.STATE_POLICE) & ~has_warrant
>>> rule.describe()
'performed by the State Police AND NOT a warrant'
>>> sorted(rule.reads())
['performing_agency.kind', 'warrant']

A leaf's expression is code written by the author of a jurisdiction module, checked when
the leaf is declared; it must not raise for any valid request (test for ``None`` first).
"""

from __future__ import annotations

import ast
import builtins
import enum
import functools
import itertools
import types
import typing
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from datetime import datetime

import attrs

from frpolicy import model
from frpolicy._repr import attrs_repr

__all__ = [
    "All",
    "Any",
    "Condition",
    "Leaf",
    "LeafFamily",
    "Not",
    "Predicate",
    "Verdict",
    "leaf",
    "leaf_family",
]

Evaluator = Callable[[model.SearchRequest, datetime], bool]

#: Names every leaf expression can use without declaring them: the model's types and enums.
_MODEL_NAMES: dict[str, object] = {name: getattr(model, name) for name in model.__all__}
_RESERVED = frozenset({"r", "at"})
_BUILTINS = frozenset(dir(builtins))
#: What an expression reads: request paths, those read only for presence, and ``at``.
_Reads = tuple[frozenset[str], frozenset[str], bool]


def evaluation_time(request: model.SearchRequest, at: datetime | None) -> datetime:
    """The time a request is judged at: ``at`` if given, else when it was performed or asked.

    Raises:
        ValueError: ``at`` is a naive datetime.
    """
    if at is None:
        return request.performed_at or request.submitted_at
    if at.tzinfo is None or at.utcoffset() is None:
        msg = "at: naive datetime, give a timezone"
        raise ValueError(msg)
    return at


def prose(value: object) -> str:
    """Render a parameter value for a description: enums by label or value, sets as lists."""
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", str(value.value).replace("_", " ")))
    if isinstance(value, frozenset | set | tuple | list):
        items = sorted(prose(item) for item in value)
        if len(items) > 1:
            return ", ".join(items[:-1]) + " or " + items[-1]
        return "".join(items)
    return str(value)


class _Placeholder:
    """A parameter's value as a description's placeholder receives it.

    ``{kind}`` gives the value in prose (:func:`prose`); ``{kind.label}``, ``{kind.value}``
    or ``{kind!r}`` reach the value itself.
    """

    __slots__ = ("_value",)

    def __init__(self, value: object) -> None:
        self._value = value

    def __format__(self, spec: str) -> str:
        return format(prose(self._value), spec)

    def __str__(self) -> str:
        return prose(self._value)

    def __repr__(self) -> str:
        return repr(self._value)

    def __getattr__(self, name: str) -> object:
        return getattr(self._value, name)

    def __getitem__(self, key: object) -> object:
        return self._value[key]  # type: ignore[index]


def _show(value: object) -> str:
    """Render a parameter value for a repr, so the repr reads like the expression."""
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, frozenset):
        return "frozenset({" + ", ".join(sorted(_show(item) for item in value)) + "})"
    return repr(value)


class Predicate:
    """A condition on a search request, built from leaves with ``&``, ``|`` and ``~``.

    Calling a predicate evaluates it: ``predicate(request, at)`` is a ``bool``. The time of
    evaluation ``at`` defaults to when the request was performed, or else submitted.
    """

    __slots__ = ()

    def __and__(self, other: Predicate) -> Predicate:
        """Both conditions hold."""
        return All(tuple(_flatten(All, (self, other))))

    def __or__(self, other: Predicate) -> Predicate:
        """Either condition holds."""
        return Any(tuple(_flatten(Any, (self, other))))

    def __invert__(self) -> Predicate:
        """The condition does not hold."""
        return self.operand if isinstance(self, Not) else Not(self)

    def __call__(self, request: model.SearchRequest, at: datetime | None = None) -> bool:
        """Evaluate, short-circuiting; an error in a leaf propagates."""
        return self.compile()(request, evaluation_time(request, at))

    def compile(self) -> Evaluator:
        """The predicate as one Python function of ``(request, at)``, built once and kept."""
        fn: Evaluator | None = getattr(self, "_evaluator", None)
        if fn is None:
            fn = compile_predicates([self])[0]
            object.__setattr__(self, "_evaluator", fn)
        return fn

    def explain(self, request: model.SearchRequest, at: datetime | None = None) -> Verdict:
        """Evaluate every condition and return the tree of what held and what failed.

        The verdict equals what calling the predicate gives; an error in a leaf is caught
        and recorded, and makes the verdict ``None`` where the short-circuiting
        evaluation would have reached it.
        """
        at = evaluation_time(request, at)
        return self.verdict(lambda lf: lf.evaluate(request, at))

    def verdict(self, leaf_verdict: Callable[[Leaf], Verdict]) -> Verdict:
        """The verdict tree, given the verdict of each leaf (as :meth:`explain` builds it)."""
        raise NotImplementedError  # pragma: no cover - every concrete predicate overrides

    def leaves(self) -> Iterator[Leaf]:
        """The leaves of the tree, left to right, with repeats."""
        raise NotImplementedError  # pragma: no cover - every concrete predicate overrides

    def reads(self) -> frozenset[str]:
        """The dotted paths of the request fields the predicate reads (``"warrant.issued_at"``)."""
        return frozenset(itertools.chain.from_iterable(lf.read_paths for lf in self.leaves()))

    def describe(self) -> str:
        """The condition as prose: ``performed by the state police AND (a warrant OR ...)``."""
        raise NotImplementedError  # pragma: no cover - every concrete predicate overrides

    def to_python(self, names: dict[str, object]) -> str:
        """The predicate as a Python expression over ``r`` and ``at``.

        The values the expression refers to (parameters, helpers) are added to ``names``
        under fresh aliases, so several predicates can be compiled into one namespace.
        """
        raise NotImplementedError  # pragma: no cover - every concrete predicate overrides


def _flatten(kind: type[All | Any], operands: Sequence[Predicate]) -> Iterator[Predicate]:
    for operand in operands:
        if isinstance(operand, kind):
            yield from operand.operands
        else:
            yield operand


def _unbound_names(tree: ast.AST) -> set[str]:
    """Names an expression loads that it does not bind itself (comprehension targets)."""
    bound = {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    loaded = {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    return loaded - bound


def _presence_tests(tree: ast.AST) -> set[int]:
    """The nodes ``x`` of the comparisons ``x is None`` and ``x is not None``."""
    return {
        id(node.left)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and len(node.ops) == 1
        and isinstance(node.ops[0], ast.Is | ast.IsNot)
        and isinstance(node.comparators[0], ast.Constant)
        and node.comparators[0].value is None
    }


def _analyse(tree: ast.AST) -> tuple[frozenset[str], frozenset[str], bool]:
    """What an expression reads: request paths, those read only for presence, and ``at``.

    ``r.warrant.issued_at`` reads ``warrant.issued_at``; ``r.warrant is None`` reads
    ``warrant`` for its presence only. A chain through something that is not a field (a
    property, a method) reads the whole request, ``""``, as does ``r`` passed on whole.
    """
    fields = attrs.fields_dict(model.SearchRequest)
    presence_nodes = _presence_tests(tree)
    whole: set[str] = set()
    presence: set[str] = set()
    inner: set[int] = set()
    for node in ast.walk(tree):  # breadth first: the outermost node of a chain comes first
        if not isinstance(node, ast.Attribute | ast.Name) or id(node) in inner:
            continue
        parts: list[str] = []
        current: ast.expr = node
        while isinstance(current, ast.Attribute):
            parts.append(current.attr)
            inner.add(id(current.value))
            current = current.value
        if not (isinstance(current, ast.Name) and current.id == "r"):
            continue
        path = ".".join(reversed(parts))
        if path and path.split(".", 1)[0] not in fields:
            path = ""
        (presence if path and id(node) in presence_nodes else whole).add(path)
    uses_time = any(isinstance(n, ast.Name) and n.id == "at" for n in ast.walk(tree))
    return frozenset(whole | presence), frozenset(presence - whole), uses_time


@functools.lru_cache(maxsize=4096)
def _parse(expression: str, name: str) -> tuple[frozenset[str], _Reads, types.CodeType]:
    """An expression's unbound names, reads and code, shared by every leaf that writes it.

    A family gives many leaves one expression, and every reading of a law builds its leaves
    anew: parsing and compiling each once keeps building a jurisdiction cheap.

    Raises:
        SyntaxError: the expression is not valid Python.
    """
    tree = ast.parse(expression, mode="eval")
    code = compile(f"lambda r, at: ({expression})", name, "eval")
    return frozenset(_unbound_names(tree)), _analyse(tree), code


@functools.lru_cache(maxsize=4096)
def _written(expression: str) -> tuple[bytes, tuple[tuple[int, int, str], ...]]:
    """An expression as one line of Python (UTF-8), and where each name it loads stands.

    A policy compiles each leaf into its own source, with the leaf's parameters renamed to
    fresh aliases: with the places of the names (byte offsets, as :mod:`ast` gives them)
    a name is renamed by splicing the line, not by parsing and writing the expression
    again for every leaf of every policy.
    """
    line = ast.unparse(ast.parse(expression, mode="eval").body)
    spans = sorted(
        (node.col_offset, typing.cast("int", node.end_col_offset), node.id)
        for node in ast.walk(ast.parse(line, mode="eval"))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    )
    return line.encode(), tuple(spans)


@attrs.frozen(repr=False)
class Leaf(Predicate):
    """A named condition of the law, with its description and its Python expression.

    Declare leaves with :func:`leaf` or :func:`leaf_family`; two leaves are equal when
    their name, description, expression and parameters are.
    """

    name: str
    description: str
    expression: str
    params: tuple[tuple[str, Hashable], ...] = ()
    namespace: Mapping[str, object] = attrs.field(factory=dict, eq=False)
    _reads: tuple[frozenset[str], frozenset[str], bool] = attrs.field(init=False, eq=False)
    _fn: Evaluator = attrs.field(init=False, eq=False)
    _evaluator: Evaluator | None = attrs.field(init=False, default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        try:
            unbound, reads, code = _parse(self.expression.strip(), self.name)
        except SyntaxError as error:
            msg = f"leaf {self.name!r}: expression is not valid Python: {error.msg}"
            raise ValueError(msg) from None
        env = self._env()
        unknown = sorted(unbound - env.keys() - _RESERVED - _BUILTINS)
        if unknown:
            msg = f"leaf {self.name!r}: expression uses unknown names {', '.join(unknown)}"
            raise ValueError(msg)
        object.__setattr__(self, "_reads", reads)
        object.__setattr__(self, "_fn", eval(code, env))  # noqa: S307 - module author's code

    def _env(self) -> dict[str, object]:
        return {**_MODEL_NAMES, **self.namespace, **dict(self.params)}

    def __repr__(self) -> str:
        """The leaf as it is written: ``name`` or ``name(param, ...)``."""
        if not self.params:
            return self.name
        return f"{self.name}({', '.join(_show(value) for _, value in self.params)})"

    @property
    def read_paths(self) -> frozenset[str]:
        """The request fields this leaf's expression reads; the empty path is the whole request."""
        return self._reads[0]

    @property
    def presence_paths(self) -> frozenset[str]:
        """The fields among :attr:`read_paths` read only to test whether they are ``None``."""
        return self._reads[1]

    @property
    def reads_time(self) -> bool:
        """Whether the expression reads ``at``, the time of evaluation."""
        return self._reads[2]

    def evaluate(self, request: model.SearchRequest, at: datetime) -> Verdict:
        """This leaf's verdict on a request; an error is caught and recorded."""
        try:
            return Verdict(self, bool(self._fn(request, at)))
        except Exception as error:  # noqa: BLE001 - recorded in the verdict: fail closed
            return Verdict(self, None, error=f"{type(error).__name__}: {error}")

    def verdict(self, leaf_verdict: Callable[[Leaf], Verdict]) -> Verdict:
        """The verdict given for this leaf."""
        return leaf_verdict(self)

    def leaves(self) -> Iterator[Leaf]:
        """This leaf."""
        yield self

    def describe(self) -> str:
        """The leaf's description."""
        return self.description

    def to_python(self, names: dict[str, object]) -> str:
        """The expression, its parameters and helpers renamed to fresh aliases in ``names``."""
        expression = self.expression.strip()
        unbound, _, _ = _parse(expression, self.name)
        params = dict(self.params)
        mapping: dict[str, str] = {}
        for name in sorted(unbound & (self.namespace.keys() | params.keys())):
            alias = f"_{len(names)}_{name}"
            names[alias] = params[name] if name in params else self.namespace[name]
            mapping[name] = alias
        line, spans = _written(expression)
        parts, done = [], 0
        for start, end, name in spans:
            if name in mapping:  # a name the expression loads and does not bind itself
                parts += [line[done:start], mapping[name].encode()]
                done = end
        parts.append(line[done:])
        return "(" + b"".join(parts).decode() + ")"


def _child_verdicts(
    operands: tuple[Predicate, ...], leaf_verdict: Callable[[Leaf], Verdict]
) -> tuple[Verdict, ...]:
    return tuple(operand.verdict(leaf_verdict) for operand in operands)


def _short_circuit(children: tuple[Verdict, ...], *, decisive: bool) -> bool | None:
    """The value left-to-right evaluation gives: stops at the first decisive or failed child."""
    for child in children:
        if child.value is None:
            return None
        if child.value is decisive:
            return decisive
    return not decisive


def _parenthesise(predicate: Predicate) -> str:
    text = predicate.describe()
    return f"({text})" if isinstance(predicate, All | Any) else text


@attrs.frozen(repr=False)
class All(Predicate):
    """Every operand holds. Build it with ``&``."""

    operands: tuple[Predicate, ...]
    _evaluator: Evaluator | None = attrs.field(init=False, default=None, eq=False)

    def __repr__(self) -> str:
        """The conjunction as written: ``a & b``."""
        return " & ".join(f"({op!r})" if isinstance(op, Any) else repr(op) for op in self.operands)

    def verdict(self, leaf_verdict: Callable[[Leaf], Verdict]) -> Verdict:
        """Every operand's verdict, combined as ``and`` would."""
        children = _child_verdicts(self.operands, leaf_verdict)
        return Verdict(self, _short_circuit(children, decisive=False), children)

    def leaves(self) -> Iterator[Leaf]:
        """The leaves of every operand."""
        for operand in self.operands:
            yield from operand.leaves()

    def describe(self) -> str:
        """The operands joined by AND."""
        return " AND ".join(_parenthesise(op) for op in self.operands)

    def to_python(self, names: dict[str, object]) -> str:
        """The operands joined by ``and``."""
        return "(" + " and ".join(op.to_python(names) for op in self.operands) + ")"


@attrs.frozen(repr=False)
class Any(Predicate):
    """At least one operand holds. Build it with ``|``."""

    operands: tuple[Predicate, ...]
    _evaluator: Evaluator | None = attrs.field(init=False, default=None, eq=False)

    def __repr__(self) -> str:
        """The disjunction as written: ``a | b``."""
        return " | ".join(f"({op!r})" if isinstance(op, All) else repr(op) for op in self.operands)

    def verdict(self, leaf_verdict: Callable[[Leaf], Verdict]) -> Verdict:
        """Every operand's verdict, combined as ``or`` would."""
        children = _child_verdicts(self.operands, leaf_verdict)
        return Verdict(self, _short_circuit(children, decisive=True), children)

    def leaves(self) -> Iterator[Leaf]:
        """The leaves of every operand."""
        for operand in self.operands:
            yield from operand.leaves()

    def describe(self) -> str:
        """The operands joined by OR."""
        return " OR ".join(_parenthesise(op) for op in self.operands)

    def to_python(self, names: dict[str, object]) -> str:
        """The operands joined by ``or``."""
        return "(" + " or ".join(op.to_python(names) for op in self.operands) + ")"


@attrs.frozen(repr=False)
class Not(Predicate):
    """The operand does not hold. Build it with ``~``."""

    operand: Predicate
    _evaluator: Evaluator | None = attrs.field(init=False, default=None, eq=False)

    def __repr__(self) -> str:
        """The negation as written: ``~a``."""
        inner = repr(self.operand)
        return f"~({inner})" if isinstance(self.operand, All | Any) else f"~{inner}"

    def verdict(self, leaf_verdict: Callable[[Leaf], Verdict]) -> Verdict:
        """The operand's verdict, negated."""
        child = self.operand.verdict(leaf_verdict)
        return Verdict(self, None if child.value is None else not child.value, (child,))

    def leaves(self) -> Iterator[Leaf]:
        """The leaves of the operand."""
        return self.operand.leaves()

    def describe(self) -> str:
        """NOT and the operand."""
        return f"NOT {_parenthesise(self.operand)}"

    def to_python(self, names: dict[str, object]) -> str:
        """``not`` and the operand."""
        return f"(not {self.operand.to_python(names)})"


def namespace() -> dict[str, object]:
    """The names every compiled predicate can use: the types and enums of the model."""
    return dict(_MODEL_NAMES)


def compile_predicates(predicates: Sequence[Predicate]) -> list[Evaluator]:
    """Compile predicates into Python functions of ``(request, at)``, sharing one namespace."""
    names = namespace()
    bodies = [p.to_python(names) for p in predicates]
    source = "\n".join(
        f"def _p{i}(r, at):\n    return bool({body})" for i, body in enumerate(bodies)
    )
    exec(compile(source, "<frpolicy predicates>", "exec"), names)  # noqa: S102 - built from leaves
    return [typing.cast("Evaluator", names[f"_p{i}"]) for i in range(len(bodies))]


class ExplanationWriter:
    """Writes Python that explains predicates from their leaves' values, without verdict trees.

    The code it writes reads each leaf's value from a local variable (``leaf_names``), so
    many predicates sharing leaves and sub-trees are explained in one function: every
    distinct node's value is computed once, in :attr:`assignments`, and the conditions of
    :meth:`Verdict.because` are constants made once, gathered by one expression per
    predicate. It is :meth:`Predicate.verdict` followed by :meth:`Verdict.because`,
    compiled, for leaves that did not raise; the two always give the same conditions.
    """

    def __init__(self, leaf_names: Mapping[Leaf, str], names: dict[str, object]) -> None:
        """Write code over the leaf values in ``leaf_names``, adding constants to ``names``."""
        self.leaf_names = dict(leaf_names)
        self.names = names
        self.assignments: list[str] = []
        self._nodes: dict[Predicate, str] = {}
        self._conditions: dict[Condition, str] = {}
        self._tuples: dict[tuple[Condition, ...], str] = {}

    def value(self, predicate: Predicate) -> str:
        """The name of a local that holds the predicate's value, assigned once."""
        if isinstance(predicate, Leaf):
            return self.leaf_names[predicate]
        name = self._nodes.get(predicate)
        if name is None:
            if isinstance(predicate, Not):
                expression = f"not {self.value(predicate.operand)}"
            else:
                assert isinstance(predicate, All | Any)  # noqa: S101 - no other kind of node
                joiner = " and " if isinstance(predicate, All) else " or "
                operands = [self.value(op) for op in predicate.operands]
                expression = joiner.join(operands) or repr(isinstance(predicate, All))
            name = f"_n{len(self._nodes)}"
            self._nodes[predicate] = name
            self.assignments.append(f"{name} = {expression}")
        return name

    def because(self, predicate: Predicate, *, value: bool | None = None) -> str:
        """An expression giving the conditions that gave the predicate its value.

        ``value`` is the predicate's value where the expression is evaluated, if it is
        known there.
        """
        if value is not None:
            return self._tuple(self._items(predicate, held=value))
        held, failed = self._items(predicate, held=True), self._items(predicate, held=False)
        return f"(({self._tuple(held)}) if {self.value(predicate)} else ({self._tuple(failed)}))"

    def _items(self, node: Predicate, *, held: bool) -> list[_Item]:
        """As :meth:`Verdict._because`: the conditions, each a constant or one under a test."""
        if isinstance(node, Leaf) or (isinstance(node, Any) and not held):
            return [self._condition(node, held=held)]
        if isinstance(node, Not):
            return self._items(node.operand, held=not held)
        assert isinstance(node, All | Any)  # noqa: S101 - the algebra has no other kind of node
        relevant = isinstance(node, All) == held
        items: list[_Item] = []
        for child in node.operands:
            inner = self._items(child, held=held)
            if relevant:
                items.extend(inner)
            else:
                value = self.value(child)
                items.append((value if held else f"not {value}", inner))
        return items

    def _tuple(self, items: list[_Item]) -> str:
        """The items as one tuple expression; a condition met twice is stated once."""
        text = self._render(items)
        return f"tuple(dict.fromkeys({text}))" if _repeats(items) else text

    def _render(self, items: list[_Item]) -> str:
        parts: list[str] = []
        constants: list[str] = []
        for item in items:
            if isinstance(item, str):
                constants.append(item)
                continue
            if constants:
                parts.append(self._constant(constants))
                constants = []
            test, inner = item
            parts.append(f"({self._render(inner)} if {test} else ())")
        if constants or not parts:
            parts.append(self._constant(constants))
        return " + ".join(parts)

    def _constant(self, conditions: list[str]) -> str:
        """A tuple of conditions made once, shared by every explanation that states them."""
        value = tuple(typing.cast("Condition", self.names[c]) for c in conditions)
        name = self._tuples.get(value)
        if name is None:
            name = f"_t{len(self._tuples)}"
            self._tuples[value] = name
            self.names[name] = value
        return name

    def _condition(self, node: Predicate, *, held: bool) -> str:
        condition = Condition(repr(node), node.describe(), held=held)
        name = self._conditions.get(condition)
        if name is None:
            name = f"_c{len(self._conditions)}"
            self._conditions[condition] = name
            self.names[name] = condition
        return name


_Item = typing.Union[str, tuple[str, list["_Item"]]]  # noqa: UP007 - a recursive alias
"""A condition's constant, or a test and the items that count when it holds."""


def _repeats(items: list[_Item]) -> bool:
    def constants(items: list[_Item]) -> Iterator[str]:
        for item in items:
            if isinstance(item, str):
                yield item
            else:
                yield from constants(item[1])

    found = list(constants(items))
    return len(found) != len(set(found))


@attrs.frozen(repr=False)
class Condition:
    """A condition that decided a verdict, and whether it held.

    A leaf, or a set of alternatives none of which held; ``name`` is its repr.
    """

    __repr__ = attrs_repr

    name: str
    description: str
    held: bool

    def __str__(self) -> str:
        """``a warrant`` if it held, ``not: a warrant`` if it did not."""
        return self.description if self.held else f"not: {self.description}"


@attrs.frozen(repr=False)
class Verdict:
    """The value of a predicate on a request, with the verdicts of its operands.

    ``value`` is ``None`` when a leaf raised; ``error`` then says what it raised.
    """

    __repr__ = attrs_repr

    predicate: Predicate
    value: bool | None
    children: tuple[Verdict, ...] = ()
    error: str | None = None

    def because(self) -> tuple[Condition, ...]:
        """The conditions that made the verdict what it is.

        For a false verdict, the conditions that failed, a failed ``|`` as one condition
        (none of its alternatives held); for a true one, the leaves that held. Empty for
        an error.
        """
        if self.value is None:
            return ()
        return tuple(dict.fromkeys(self._because(held=self.value)))

    def _because(self, *, held: bool) -> Iterator[Condition]:
        node = self.predicate
        if isinstance(node, Leaf) or (isinstance(node, Any) and not held):
            # alternatives that all failed are one missing condition, not several
            yield Condition(repr(node), node.describe(), held=held)
        elif isinstance(node, Not):
            yield from self.children[0]._because(held=not held)  # noqa: SLF001 - same class
        else:
            relevant = isinstance(node, All) == held  # all of an All that held, all of a failed Any
            for child in self.children:
                if relevant or child.value is held:
                    yield from child._because(held=held)  # noqa: SLF001 - same class

    def errors(self) -> tuple[str, ...]:
        """The errors that left-to-right, short-circuiting evaluation meets.

        Empty exactly when the verdict has a value. An error in an operand after a
        decisive one (``False`` in an ``&``, ``True`` in an ``|``) is never reached, so
        it is not an error of the verdict, though the operand's own verdict records it.
        """
        if self.value is not None:
            return ()
        if self.error is not None:
            return (f"{self.predicate!r}: {self.error}",)
        # the first operand without a value is where evaluation stopped
        failed = next(child for child in self.children if child.value is None)
        return failed.errors()


def leaf(name: str, description: str, expression: str, **namespace: object) -> Leaf:
    """Declare a leaf condition.

    Args:
        name: The identifier of the leaf, as it appears in reprs and reason records.
        description: The condition in plain words, as a memo would state it.
        expression: A Python expression over ``r`` (the request) and ``at`` (the time of
            evaluation); it may use the names of :mod:`frpolicy.model` and ``namespace``.
        **namespace: Further names (helper functions, constants) the expression uses.

    Raises:
        ValueError: The expression is not valid Python or uses a name it cannot see.
    """
    return Leaf(name, description, expression, namespace=namespace)


@attrs.frozen(repr=False)
class LeafFamily:
    """A parameterised leaf: calling it with values gives a :class:`Leaf`."""

    __repr__ = attrs_repr

    name: str
    description: str
    expression: str
    params: tuple[str, ...]
    namespace: Mapping[str, object] = attrs.field(factory=dict, eq=False, repr=False)

    def __call__(self, *args: Hashable, **kwargs: Hashable) -> Leaf:
        """The leaf for these parameter values (positional or by name)."""
        if len(args) > len(self.params):
            msg = f"{self.name}: takes {len(self.params)} parameters, got {len(args)}"
            raise TypeError(msg)
        values = dict(zip(self.params, args, strict=False)) | kwargs
        if set(values) != set(self.params):
            msg = f"{self.name}: needs parameters {', '.join(self.params)}"
            raise TypeError(msg)
        params = tuple((p, values[p]) for p in self.params)
        description = self.description.format(**{p: _Placeholder(v) for p, v in params})
        return Leaf(self.name, description, self.expression, params, namespace=self.namespace)


def leaf_family(
    name: str, description: str, expression: str, params: Sequence[str], **namespace: object
) -> LeafFamily:
    """Declare a parameterised leaf, such as ``offense_in(catalog)``.

    The description is a format string over the parameters; the expression uses them as
    names. A placeholder gives the value in prose (an enumeration member by its ``label``,
    a set as a list ending in "or"), and reaches the value itself through an attribute, an
    index or ``!r``:

    >>> from frpolicy.model import AgencyKind
    >>> by = leaf_family(
    ...     "by", "by {kind}, written {kind.value}", "r.performing_agency.kind is kind", ["kind"]
    ... )
    >>> by(AgencyKind.STATE_POLICE).describe()
    'by the State Police, written state_police'
    """
    return LeafFamily(name, description, expression, tuple(params), namespace=namespace)
