"""JSON in and out, strictly, at the edges of the library.

One :mod:`cattrs` converter turns frpolicy's objects into JSON-ready data and back:
enumerations as their values, datetimes as ISO 8601 with their offset, sets as sorted
lists. Input is checked without mercy: an unknown key, a value of the wrong type, a naive
datetime or an unknown enumeration value is an error, and every error in a document is
reported at once, each on a line with its JSON path, in one :class:`InputError`.

>>> from frpolicy.model import Notice
>>> from_json('{"search_id": "S-1", "served_at": "2024-05-01T09:00:00"}', Notice)
Traceback (most recent call last):
...
frpolicy.serialization.InputError: $.served_at: naive datetime, give a timezone

:func:`json_schema` describes the input types as JSON Schema, so systems written in other
languages can validate a document before they send it.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

__all__ = [
    "InputError",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
]

T = typing.TypeVar("T")


class InputError(ValueError):
    """Input that does not describe a valid frpolicy object.

    ``errors`` holds one line per problem, each starting with the JSON path of the value
    at fault: ``$.warrant.expires_at: naive datetime, give a timezone``.
    """

    def __init__(self, errors: Iterable[str]) -> None:
        """Collect the error lines."""
        self.errors = tuple(errors)
        super().__init__("\n".join(self.errors))


# -- hooks ----------------------------------------------------------------------------------


def _expect(value: object, kind: type | tuple[type, ...], name: str) -> None:
    # bool is an int in Python, never in JSON
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        msg = f"expected {name}, got {_json_type(value)}"
        raise TypeError(msg)


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "object"
    return names.get(type(value), type(value).__name__)


def _structure_datetime(value: object, _: type) -> datetime:
    _expect(value, str, "an ISO 8601 date-time string")
    assert isinstance(value, str)  # noqa: S101 - narrowed by _expect
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        msg = f"not an ISO 8601 date-time: {value!r}"
        raise ValueError(msg) from None
    if parsed.tzinfo is None:
        msg = "naive datetime, give a timezone"
        raise ValueError(msg)
    return parsed


def _structure_date(value: object, _: type) -> date:
    _expect(value, str, "an ISO 8601 date string")
    assert isinstance(value, str)  # noqa: S101 - narrowed by _expect
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"not an ISO 8601 date: {value!r}"
        raise ValueError(msg) from None


def _strict(kind: type, name: str) -> Callable[[object, type], object]:
    def structure(value: object, _: type) -> object:
        _expect(value, kind, name)
        return value

    return structure


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        msg = f"unknown value {value!r}; expected one of {allowed}"
        raise ValueError(msg) from None


def _is_collection(cls: object) -> bool:
    return typing.get_origin(cls) in {frozenset, tuple}


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(bool, _strict(bool, "a boolean"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook_func(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _structure_enum
    )

    def structure_collection(value: object, cls: type) -> object:
        _expect(value, list, "an array")
        assert isinstance(value, list)  # noqa: S101 - narrowed by _expect
        args = typing.get_args(cls)
        item_type = args[0]
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(converter.structure(item, item_type))
            except Exception as error:  # noqa: BLE001 - collected, then raised as a group
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring {cls} @ index {index}", index, item_type),
                ]
                errors.append(error)
        if errors:
            msg = f"While structuring {cls!r}"
            raise IterableValidationError(msg, errors, cls)
        return frozenset(items) if typing.get_origin(cls) is frozenset else tuple(items)

    def unstructure_collection(value: frozenset[object] | tuple[object, ...]) -> list[object]:
        items = [converter.unstructure(item) for item in value]
        if isinstance(value, frozenset):
            items.sort(key=lambda item: json.dumps(item, sort_keys=True))
        return items

    def structure_attrs_factory(cls: type) -> Callable[[object, type], object]:
        inner: Callable[[typing.Any, type], object] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True
        )

        def structure(value: object, _: type) -> object:
            _expect(value, dict, "an object")
            return inner(value, cls)

        return structure

    converter.register_structure_hook_factory(attrs.has, structure_attrs_factory)
    converter.register_structure_hook_func(_is_collection, structure_collection)
    converter.register_unstructure_hook_func(
        lambda cls: _is_collection(cls) or cls in {frozenset, tuple}, unstructure_collection
    )
    return converter


_CONVERTER = _make_converter()


# -- errors ---------------------------------------------------------------------------------


_UNKNOWN = "unknown fields: "


def _format(error: BaseException, cls: type | None) -> str:
    if isinstance(error, ForbiddenExtraKeysError):
        return _UNKNOWN + ", ".join(sorted(error.extra_fields))
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, TypeError | ValueError) and error.args:
        message = str(error.args[0])
        if "__init__() missing" in message:
            return "required field missing"
        if isinstance(error, TypeError) and "__init__()" in message:
            return message.split("__init__() ", 1)[1]
        return message
    name = getattr(cls, "__name__", repr(cls))
    return f"invalid value for {name}"


def _error_lines(error: BaseException) -> list[str]:
    lines: list[str] = []
    for line in cattrs.transform_error(error, path="$", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        if message.startswith(_UNKNOWN):
            lines.extend(
                f"{path}.{key}: unknown field" for key in message[len(_UNKNOWN) :].split(", ")
            )
            continue
        field, sep, rest = message.partition(": ")
        # a model validator names the field at fault first: move it into the path
        if sep and field.replace("_", "").replace(".", "").isalnum() and " " not in field:
            path, message = f"{path}.{field}", rest
        lines.append(f"{path}: {message}")
    return lines


# -- the public face ------------------------------------------------------------------------


def to_dict(value: object) -> typing.Any:  # noqa: ANN401 - JSON-ready data is any of its types
    """The JSON-ready form of a frpolicy object (dicts, lists, strings, numbers, booleans)."""
    return _CONVERTER.unstructure(value)


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from its JSON-ready form.

    Raises:
        InputError: the data does not describe a valid ``cls``; every problem is listed.
    """
    try:
        return _CONVERTER.structure(data, cls)
    except (BaseValidationError, ValueError, TypeError, KeyError) as error:
        raise InputError(_error_lines(error)) from None


def to_json(value: object, *, indent: int | None = None) -> str:
    """The JSON text of a frpolicy object."""
    return json.dumps(to_dict(value), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Build a ``cls`` from JSON text.

    Raises:
        InputError: the text is not JSON, or does not describe a valid ``cls``.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        msg = f"$: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise InputError([msg]) from None
    return from_dict(data, cls)


# -- JSON Schema ----------------------------------------------------------------------------


def json_schema(cls: type) -> dict[str, typing.Any]:
    """The JSON Schema (draft 2020-12) of a frpolicy type, as :func:`from_json` accepts it."""
    definitions: dict[str, dict[str, typing.Any]] = {}
    root = _schema(cls, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _schema(tp: object, definitions: dict[str, dict[str, typing.Any]]) -> dict[str, typing.Any]:  # noqa: PLR0911 - one return per kind of type
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in {typing.Union, types.UnionType}:
        return {"anyOf": [_schema(arg, definitions) for arg in args]}
    if origin in {frozenset, tuple}:
        return {"type": "array", "items": _schema(args[0], definitions)} | (
            {"uniqueItems": True} if origin is frozenset else {}
        )
    if tp is type(None):
        return {"type": "null"}
    simple = {str: "string", bool: "boolean", int: "integer", float: "number"}
    if tp in simple:
        return {"type": simple[tp]}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is date:
        return {"type": "string", "format": "date"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp)
            fields = [f for f in attrs.fields(tp) if f.init]
            definitions[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().split("\n")[0],
                "properties": {f.name: _schema(hints[f.name], definitions) for f in fields},
                "required": [f.name for f in fields if f.default is attrs.NOTHING],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)
