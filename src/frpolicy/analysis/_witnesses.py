"""Witnesses: from the solver's model to a concrete request, judged again by the engine.

A model of the formulas names a value for each variable of the symbolic request;
:class:`_Concretizer` builds the :class:`~frpolicy.model.SearchRequest` it describes,
through the model's own constructors, so that every check of the model runs on it. Strings
the solver only knows as distinct elements are named here: a constant of a leaf is itself,
another string is made fresh (``id-3``, or a place code for a field of place codes). The
engine then evaluates every leaf on that request; where a translated leaf's value differs
from the solver's, the translation is wrong (:class:`AnalysisError`), and where an opaque
leaf's differs, the claim resting on it is undecided.
"""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone

import attrs

from frpolicy import model
from frpolicy.analysis._solver import Z3, AnalysisError
from frpolicy.analysis._translation import (
    _EPOCH,
    Check,
    _accepts,
    _enum_sort,
    _Kind,
    _Obj,
    _Scalar,
    _Universe,
)
from frpolicy.jurisdictions import Version
from frpolicy.policy import Decision, Outcome
from frpolicy.predicates import Leaf, evaluation_time
from frpolicy.serialization import to_dict


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


def _fresh_text(  # noqa: PLR0913 - what a new string must and must not be
    base: str,
    start: str,
    avoid: Sequence[str],
    taken: set[str],
    numbers: Iterator[int],
    *,
    valid: Callable[[str], bool],
) -> str | None:
    """A new string that starts with ``start`` and with none of ``avoid``, and is not taken.

    It is ``valid``: the model's checks of every field that holds it accept it. The field's
    name and the next of ``numbers`` follow ``start`` (``id-3``) where that is valid; else
    a few characters do (a place code, ``ZZ`` or ``US-MA-Z``, or a name at its longest).
    ``None`` if none can be found.
    """

    def fits(text: str) -> bool:
        return (
            text not in taken
            and text.startswith(start)
            and not any(text.startswith(a) for a in avoid)
            and valid(text)
        )

    if valid(f"{start}{base}-1"):
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


class _Concretizer:
    """The requests a universe's models describe, and the engine's verdict on their leaves."""

    def __init__(self, universe: _Universe) -> None:
        self.u = universe
        self.z3 = universe.z3

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
        # each element no constant names: a field holding it, and the checks of all that do
        unnamed: dict[str, tuple[_Scalar, list[tuple[Check, attrs.Attribute[typing.Any]]]]] = {}
        for field in self.u.texts:
            element = found.eval(field.value, model_completion=True).sexpr()
            if element in names or field.path not in self.u.touched:
                continue
            _, checks = unnamed.setdefault(element, (field, []))
            if z3.is_true(found.eval(field.present, model_completion=True)):
                checks.extend(self.u.checked.get(field.path, (field, ()))[1])
        for element, (field, checks) in unnamed.items():
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
                valid=functools.partial(_accepts, checks),
            )
            if made is None:
                msg = f"no string of r.{field.path} is what the solver describes"
                raise AnalysisError(msg)
            names[element] = made
        for queries in self.u.set_queries.values():
            for term in queries:
                element = found.eval(term, model_completion=True).sexpr()
                if element not in names:
                    made = _fresh_text("text", "", (), set(names.values()), counter, valid=bool)
                    assert made is not None  # noqa: S101 - any string not taken will do
                    names[element] = made
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
            return self._filler(scalar, texts)
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
            return self._moment(found, scalar, number)
        if kind.kind is _Kind.DAY:
            return date.fromordinal(number)
        if kind.kind is _Kind.DURATION:
            return timedelta(microseconds=number)
        return number

    def _moment(self, found: Z3, scalar: _Scalar, number: int) -> datetime:
        """A time: on the clock the solver chose where arithmetic reads it, else in UTC."""
        moment = _EPOCH + timedelta(microseconds=number)
        offset = self.u.offsets.get(scalar.path)
        if offset is None:
            return moment
        clock = found.eval(offset, model_completion=True).as_long()
        return moment.astimezone(timezone(timedelta(microseconds=clock)))

    def _filler(self, scalar: _Scalar, texts: dict[str, str]) -> str:
        """A readable string for a field no leaf reads, which the field's checks accept."""
        checks = self.u.checked.get(scalar.path, (scalar, ()))[1]
        filler = _filler(scalar.path)
        if _accepts(checks, filler):
            return filler
        made = _fresh_text(
            scalar.path.rsplit(".", 1)[-1],
            "",
            (),
            set(texts.values()),
            itertools.count(1),
            valid=functools.partial(_accepts, checks),
        )
        if made is None:  # pragma: no cover - the model's checks accept some short string
            msg = f"no string of r.{scalar.path} is one the model accepts"
            raise AnalysisError(msg)
        return made

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


def _filler(path: str) -> str:
    """A readable value for a string no leaf reads: the field's own name."""
    return "witness" if path == "id" else path.replace("_", " ").replace(".", " ")


def _json(request: model.SearchRequest) -> str:
    from frpolicy.serialization import to_json  # noqa: PLC0415 - only for an error message

    return to_json(request)


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
