"""Every record ``import frpolicy`` defines shows itself as attrs would show it."""

from __future__ import annotations

import importlib
import subprocess
import sys
import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime

import attrs

import frpolicy
from frpolicy import conditions, examples
from frpolicy._repr import attrs_repr
from frpolicy.model import CaseRecord, Event, EventKind, SearchRecord, Training
from frpolicy.policy import Decision
from frpolicy.serialization import from_json


def _on_the_import_path() -> set[type]:
    """The attrs classes of the modules ``import frpolicy`` loads, in a fresh interpreter."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import frpolicy, sys; print(*sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {
        value
        for name in loaded
        if name.startswith("frpolicy")
        for value in vars(importlib.import_module(name)).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == name
    }


def _attrs_wrote(cls: type) -> bool:
    code = getattr(cls.__dict__.get("__repr__"), "__code__", None)
    return code is not None and code.co_filename.startswith("<attrs generated")


def _fields(obj: object) -> typing.Any:
    return attrs.fields(typing.cast("type[attrs.AttrsInstance]", type(obj)))


def _reachable(roots: list[object]) -> Iterator[object]:
    """Every attrs object the roots hold, at any depth, each once."""
    seen: set[int] = set()
    todo = list(roots)
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if attrs.has(type(obj)):
            yield obj
            todo.extend(getattr(obj, field.name) for field in _fields(obj))
        elif isinstance(obj, tuple | list | frozenset | set):
            todo.extend(obj)
        elif isinstance(obj, dict):
            todo.extend(obj.values())


def _attrs_own_repr(obj: object) -> str:
    """What attrs's own ``__repr__`` writes of ``obj``: a twin class, the same fields and values."""
    twin = attrs.make_class(
        type(obj).__name__,
        {field.name: attrs.field(repr=field.repr) for field in _fields(obj)},
        slots=True,
        frozen=True,
    )
    made: object = object.__new__(twin)
    for field in _fields(obj):
        object.__setattr__(made, field.name, getattr(obj, field.name))
    return repr(made)


def test_every_record_import_frpolicy_defines_is_shown_as_attrs_shows_it() -> None:
    on_the_path = _on_the_import_path()
    # each shows itself by attrs_repr or by a __repr__ of its own, none by one attrs compiled
    assert sorted(c.__qualname__ for c in on_the_path if _attrs_wrote(c)) == []
    classes = {c for c in on_the_path if c.__dict__.get("__repr__") is attrs_repr}
    assert len(classes) >= 40
    places = frpolicy.jurisdictions()
    roots: list[object] = list(places)
    for name in examples.names():
        if name.endswith("search_log.jsonl"):
            records = [from_json(line, SearchRecord) for line in examples.read(name).splitlines()]
            roots += records
            roots += [
                v.evaluate(r.request) for r in records[:20] for j in places for v in j.versions
            ]
        elif name.endswith("cases.jsonl"):
            roots += [from_json(line, CaseRecord) for line in examples.read(name).splitlines()]
    roots += [field.validator for cls in classes for field in attrs.fields(cls)]
    roots += vars(conditions).values()  # the leaf families
    at = datetime(2025, 3, 1, 12, tzinfo=UTC)
    served = Event(kind=EventKind.NOTICE_SERVED, at=at)
    roots += [served, Training(course="Face recognition", completed_on=date(2024, 1, 8))]
    for decision in (d for d in roots[:] if isinstance(d, Decision)):
        roots += [obligation.check([served], at) for obligation in decision.obligations]
    request = next(r for r in roots if isinstance(r, SearchRecord)).request
    roots += [rule.when.explain(request, at) for j in places for rule in j.versions[0].policy.rules]
    found: dict[type, list[object]] = {}
    for obj in _reachable(roots):
        if type(obj) in classes and len(found.setdefault(type(obj), [])) < 20:
            found[type(obj)].append(obj)
    assert sorted(c.__qualname__ for c in classes - found.keys()) == []
    for objects in found.values():
        for obj in objects:
            assert repr(obj) == _attrs_own_repr(obj)
