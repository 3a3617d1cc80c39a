r"""JSON in and out, strictly, at the edges of the library.

One :mod:`cattrs` converter turns frpolicy's objects into JSON-ready data and back:
enumerations as their values, datetimes as RFC 3339 with their offset, sets as sorted
lists. Input is checked without mercy: an unknown key, a value of the wrong type, a naive
datetime or an unknown enumeration value is an error, and every error in a document is
reported at once, each on a line with its JSON path, in one :class:`InputError`.

>>> from frpolicy.model import Notice
>>> from_json('{"search_id": "S-1", "served_at": "2024-05-01T09:00:00"}', Notice)
Traceback (most recent call last):
...
frpolicy.serialization.InputError: $.served_at: naive datetime, give a timezone

What :func:`from_json` accepts is one set of rules, whichever decoder applies them; a
document breaking any of them is refused with an :class:`InputError`, never half read:

- The text is JSON (RFC 8259) encoded in UTF-8. Bytes that are not UTF-8, a byte order
  mark, and the literals ``NaN`` and ``Infinity`` (which are not JSON) are refused.
- No object repeats a key (I-JSON, RFC 7493 §2.3): ``{"warrant": {...}, "warrant": null}``
  means different things to different readers, so it is refused at the repeated key's path.
- Arrays and objects nest at most 64 deep (the model itself nests 5 deep).
- Integers lie between -(2^53 - 1) and 2^53 - 1 (I-JSON §2.2): the integers every JSON
  reader reads alike. A number written with a fraction or an exponent that equals an
  integer is that integer (``1.0`` is 1, ``1e2`` is 100), as JSON Schema reads it.
- Strings are Unicode text: an escaped lone surrogate such as ``"\ud800"`` is refused.
- A date-time is an RFC 3339 ``date-time``, as the JSON Schema's ``format`` says:
  ``2024-03-04T09:00:00-05:00`` or ``2024-03-04T14:00:00Z``, with seconds, an offset and
  the ``T``. Fractions of a second finer than a microsecond are cut. A date is an RFC 3339
  ``full-date``, ``2024-03-04``.
- The object is then built by its own constructor, so the model's checks apply too.

Every error message is one line, starting with the path of the value at fault. A bad
value is quoted up to 40 characters (the message says when it was cut), and at most 20
problems are listed for one document, the last line counting the rest, so an error never
costs more memory than the few lines it shows.

:func:`json_schema` describes the input types as JSON Schema, so systems written in other
languages can validate a document before they send it. Its terms are written from the
declarations the decoder checks, so the two agree (a test holds them to it).
"""

from __future__ import annotations

import decimal
import enum
import functools
import json
import re
import sys
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime

import attrs

from frpolicy.model import _AtLeast, _Between, _Name, _PlaceCode, _shows

if typing.TYPE_CHECKING:
    import cattrs

__all__ = [
    "Decoder",
    "InputError",
    "from_dict",
    "from_json",
    "json_schema",
    "to_dict",
    "to_json",
]

T = typing.TypeVar("T")

_MAX_DEPTH = 64
"""How deep arrays and objects may nest in a document."""
_MAX_INTEGER = 2**53 - 1
"""The largest integer magnitude accepted: I-JSON's, which every JSON reader reads exactly."""
_MAX_PROBLEMS = 20
"""How many problems of one document an :class:`InputError` lists; the rest are counted."""
_SHOWN = 40
"""How many characters of a bad value an error message quotes."""
_MAX_LINE = 400
"""How long one error line may be before it is cut (a path of long keys, say)."""


class InputError(ValueError):
    """Input that does not describe a valid frpolicy object.

    ``errors`` holds one line per problem, each starting with the JSON path of the value
    at fault: ``$.warrant.expires_at: naive datetime, give a timezone``. A line never
    holds a line break or another control character (they are escaped), nor more than
    400 characters; at most 20 problems are listed, and a last line counts the others.
    """

    def __init__(self, errors: Iterable[str]) -> None:
        """Collect the error lines."""
        lines = [_one_line(e) for e in errors]
        if len(lines) > _MAX_PROBLEMS:
            more = len(lines) - _MAX_PROBLEMS
            lines[_MAX_PROBLEMS:] = [f"$: and {more:,} more problems, not listed"]
        self.errors = tuple(lines)
        super().__init__("\n".join(self.errors))


def _one_line(text: str) -> str:
    r"""``text`` with its unprintable characters escaped, cut to :data:`_MAX_LINE`.

    Unprintable are line breaks, control and format characters (bidirectional overrides),
    separators other than the space, and lone surrogates: ``\n``, ``\u202e``.
    """
    if not text.isprintable():
        text = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    if len(text) > _MAX_LINE:
        text = f"{text[:_MAX_LINE]} (cut; {len(text):,} characters in all)"
    return text


def _shown(text: str) -> str:
    """A bad value, quoted for a message: at most :data:`_SHOWN` characters of it."""
    if len(text) <= _SHOWN:
        return repr(text)
    return f"{text[:_SHOWN]!r} (cut; {len(text):,} characters in all)"


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def _member(path: str, key: object) -> str:
    """The path of an object's member: ``$.warrant``, or ``$["a key"]`` for any other key."""
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}"
    text = key if isinstance(key, str) else repr(key)
    quoted = json.dumps(text[:_SHOWN])
    if len(text) > _SHOWN:
        quoted += f" (cut; {len(text):,} characters in all)"
    return f"{path}[{quoted}]"


# -- reading JSON text ----------------------------------------------------------------------


class _NotJSONError(Exception):
    """Raised from inside the parser for text that is not JSON."""


class _LongInteger:
    """An integer literal too long to be in range, kept as its length: never converted."""

    __slots__ = ("digits",)

    def __init__(self, literal: str) -> None:
        self.digits = len(literal.lstrip("-"))


def _integer(literal: str) -> int | _LongInteger:
    # 2**53 - 1 has 16 digits: a longer literal is out of range, and converting one of
    # thousands of digits is slow (Python refuses past 4,300)
    return int(literal) if len(literal) <= 17 else _LongInteger(literal)  # noqa: PLR2004


def _number(literal: str) -> int | float | _LongInteger:
    """A number with a fraction or an exponent: the integer it equals, if it equals one.

    JSON Schema reads ``1.0`` and ``1e2`` as the integers 1 and 100, and so does this
    module: the number is read exactly (as a decimal), never rounded into an integer.
    """
    try:
        exact = decimal.Decimal(literal)
        whole = exact == exact.to_integral_value()
    except (ArithmeticError, ValueError):  # an exponent past what a decimal holds
        return float(literal)
    if not whole:
        return float(literal)
    if abs(exact) > _MAX_INTEGER:
        return _LongInteger("9" * (exact.adjusted() + 1))
    return int(exact)


def _constant(name: str) -> typing.NoReturn:
    msg = f"{name} is not a JSON value"
    raise _NotJSONError(msg)


def _object(
    repeated: list[tuple[dict[str, object], list[str]]], pairs: list[tuple[str, object]]
) -> dict[str, object]:
    found = dict(pairs)
    if len(found) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        repeated.append((found, [key for key, n in counts.items() if n > 1]))
    return found


_STRUCTURE = re.compile(r'[\[\]{}"\\]')


def _too_deep(text: str) -> bool:
    """Whether arrays and objects nest deeper than :data:`_MAX_DEPTH`, strings skipped."""
    depth = 0
    in_string = False
    escaped = -1  # the position of the character a backslash escapes
    for match in _STRUCTURE.finditer(text):
        at = match.start()
        char = text[at]
        if in_string:
            if at == escaped:
                continue
            if char == "\\":
                escaped = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _duplicates(data: object, repeated: list[tuple[dict[str, object], list[str]]]) -> list[str]:
    """The paths of the repeated keys, in the order of the document."""
    names = {id(found): keys for found, keys in repeated}
    lines: list[str] = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            lines.extend(f"{_member(path, key)}: duplicate key" for key in names.get(id(value), ()))
            for key, item in value.items():
                walk(item, _member(path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(data, "$")
    return lines


def _parse(text: str) -> object:
    """The JSON value of ``text``, by the rules of the module docstring.

    Raises:
        InputError: the text is not JSON, nests too deep or repeats a key.
    """
    too_deep = [f"$: nested deeper than {_MAX_DEPTH} arrays and objects"]
    # counting brackets is cheap and bounds the depth; only a document with many is scanned
    if text.count("[") + text.count("{") > _MAX_DEPTH and _too_deep(text):
        raise InputError(too_deep)
    if text.startswith("\ufeff"):
        msg = "$: not valid JSON: the text begins with a byte order mark (U+FEFF)"
        raise InputError([msg])
    repeated: list[tuple[dict[str, object], list[str]]] = []
    try:
        data = json.loads(
            text,
            object_pairs_hook=functools.partial(_object, repeated),
            parse_int=_integer,
            parse_float=_number,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as error:
        msg = f"$: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise InputError([msg]) from None
    except _NotJSONError as error:
        raise InputError([f"$: not valid JSON: {error}"]) from None
    except RecursionError:  # pragma: no cover - the depth check comes first; kept as a guard
        raise InputError(too_deep) from None
    if repeated:
        raise InputError(_duplicates(data, repeated))
    return data


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        msg = f"$: not valid UTF-8: {error.reason}, byte 0x{byte:02x} at offset {error.start}"
        raise InputError([msg]) from None


# -- hooks ----------------------------------------------------------------------------------


def _expect(value: object, kind: type, name: str) -> None:
    # the exact type first, the common case; then subclasses, but a bool is never an int
    if type(value) is not kind and (not isinstance(value, kind) or isinstance(value, bool)):
        msg = f"expected {name}, got {_json_type(value)}"
        raise TypeError(msg)


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, _LongInteger):
        return "integer"
    return names.get(type(value), type(value).__name__)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _structure_str(value: object, _: type) -> str:
    _expect(value, str, "a string")
    assert isinstance(value, str)  # noqa: S101 - narrowed by _expect
    if not value.isascii():
        found = _SURROGATE.search(value)
        if found is not None:
            msg = f"not Unicode text: a lone surrogate U+{ord(found.group()):04X} at "
            msg += f"character {found.start() + 1}"
            raise ValueError(msg)
    return value


def _structure_int(value: object, _: type) -> int:
    out_of_range = f"integer out of range: at most 2^53 - 1 ({_MAX_INTEGER}) in magnitude"
    if isinstance(value, _LongInteger):
        msg = f"{out_of_range}, got one of {value.digits:,} digits"
        raise ValueError(msg)  # noqa: TRY004 - out of range, not of the wrong type
    _expect(value, int, "an integer")
    assert isinstance(value, int)  # noqa: S101 - narrowed by _expect
    if not -_MAX_INTEGER <= value <= _MAX_INTEGER:
        raise ValueError(out_of_range)
    return value


def _structure_bool(value: object, _: type) -> bool:
    _expect(value, bool, "a boolean")
    return value is True


_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:(\d{2})(?:\.\d+)?(?:([Zz])|[+-](\d{2}):(\d{2}))?",
    re.ASCII,
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_YEAR, _MONTH, _DAY = "(?!0000)[0-9]{4}", "(?:0[1-9]|1[0-2])", "(?:0[1-9]|[12][0-9]|3[01])"
_RFC3339_DATE = f"{_YEAR}-{_MONTH}-{_DAY}"
_RFC3339_DATE_TIME = (
    f"{_RFC3339_DATE}[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?"
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
"""What a date-time must look like, every field in range, an offset given, no leap second.

The decoder accepts what this matches and is a date of the calendar (no 30 February), and
the JSON Schema states it as the ``pattern`` of every date-time: one rule, in one place.
The lenient :data:`_DATE_TIME` only words the error of what it does not match.
"""
_STRICT_DATE_TIME = re.compile(_RFC3339_DATE_TIME)
_STRICT_DATE = re.compile(_RFC3339_DATE)


def _structure_datetime(value: object, _: type) -> datetime:
    _expect(value, str, "an RFC 3339 date-time string")
    assert isinstance(value, str)  # noqa: S101 - narrowed by _expect
    found = _DATE_TIME.fullmatch(value)
    if found is None:
        msg = f"not an RFC 3339 date-time: {_shown(value)}; write it as 2024-03-04T09:00:00-05:00"
        raise ValueError(msg)
    second, utc, hours, minutes = found.groups()
    if utc is None and hours is None:
        msg = "naive datetime, give a timezone"
        raise ValueError(msg)
    if second == "60":
        msg = f"a leap second cannot be represented: {_shown(value)}"
        raise ValueError(msg)
    if hours is not None and (hours > "23" or minutes > "59"):
        msg = f"offset out of range: {_shown(value)}"
        raise ValueError(msg)
    try:
        # the syntax is checked: what is left to the parser is the calendar (a 30 February)
        found_at = datetime.fromisoformat(value.upper())
    except ValueError as error:
        msg = f"not a valid date-time: {error}: {_shown(value)}"
        raise ValueError(msg) from None
    if _STRICT_DATE_TIME.fullmatch(value) is None:  # the schema's rule, held to as well
        msg = f"not a valid date-time: a field is out of range: {_shown(value)}"
        raise ValueError(msg)
    return found_at


def _unstructure_datetime(value: datetime) -> str:
    offset = value.utcoffset()
    if offset is not None and offset.seconds % 60:
        # RFC 3339 offsets are whole minutes; a historical zone's local mean time is not
        value = value.astimezone(UTC)
    return value.isoformat()


def _structure_date(value: object, _: type) -> date:
    _expect(value, str, "an RFC 3339 date string")
    assert isinstance(value, str)  # noqa: S101 - narrowed by _expect
    if _FULL_DATE.fullmatch(value) is None:
        msg = f"not an RFC 3339 date: {_shown(value)}; write it as 2024-03-04"
        raise ValueError(msg)
    try:
        day = date.fromisoformat(value)
    except ValueError as error:
        msg = f"not a valid date: {error}: {_shown(value)}"
        raise ValueError(msg) from None
    if _STRICT_DATE.fullmatch(value) is None:  # the schema's rule, held to as well
        msg = f"not a valid date: a field is out of range: {_shown(value)}"
        raise ValueError(msg)
    return day


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    _expect(value, str, "a string")  # every enumeration of the model has string values
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        assert isinstance(value, str)  # noqa: S101 - narrowed by _expect
        msg = f"unknown value {_shown(value)}; expected one of {allowed}"
        raise ValueError(msg) from None


_COLLECTIONS = frozenset({frozenset, tuple, Sequence})
"""The collections of the model and its reports: a JSON array each (a sequence as a tuple)."""


def _is_collection(cls: object) -> bool:
    return typing.get_origin(cls) in _COLLECTIONS


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter, made when first needed.

    Importing cattrs and making the converter cost more than the rest of a first decision's
    reading: a document the fast path reads (:func:`from_json`) needs neither.
    """
    import cattrs  # noqa: PLC0415 - see above
    from cattrs.errors import IterableValidationError, IterableValidationNote  # noqa: PLC0415
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(datetime, _unstructure_datetime)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(int, _structure_int)
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


# -- errors ---------------------------------------------------------------------------------


def _message(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, TypeError | ValueError) and error.args:
        message = str(error.args[0])
        if "__init__() missing" in message:
            return "required field missing"
        if isinstance(error, TypeError) and "__init__()" in message:
            return message.split("__init__() ", 1)[1]
        return message
    return f"invalid value ({type(error).__name__})"


def _located(path: str, message: str) -> str:
    field, sep, rest = message.partition(": ")
    # a model validator names the field at fault first: move it into the path
    if sep and field.replace("_", "").replace(".", "").isalnum() and " " not in field:
        return f"{path}.{field}: {rest}"
    return f"{path}: {message}"


def _error_lines(error: BaseException, path: str = "$") -> Iterator[str]:
    """One line per problem in a cattrs error tree, each with the path of the value at fault."""
    from cattrs.errors import (  # noqa: PLC0415 - imported with the converter
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            where = f"{path}[{note.index}]" if isinstance(error, IterableValidationError) else ""
            where = where or f"{path}.{note.name}"  # type: ignore[union-attr]
            yield from _error_lines(inner, where)
        for inner in without:
            yield from _error_lines(inner, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield f"{_member(path, key)}: unknown field"
    else:
        yield _located(path, _message(error))


# -- the public face ------------------------------------------------------------------------


def to_dict(value: object) -> typing.Any:  # noqa: ANN401 - JSON-ready data is any of its types
    """The JSON-ready form of a frpolicy object (dicts, lists, strings, numbers, booleans)."""
    return _converter().unstructure(value)


def from_dict(data: object, cls: type[T]) -> T:
    """Build a ``cls`` from its JSON-ready form.

    The rules of this module apply to the values (a string is Unicode text, an integer is
    in range, a date-time is RFC 3339), as they do to JSON text.

    Raises:
        InputError: the data does not describe a valid ``cls``; every problem is listed.
    """
    converter = _converter()
    from cattrs.errors import ClassValidationError, IterableValidationError  # noqa: PLC0415

    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError, ValueError, TypeError, KeyError) as e:
        raise InputError(_error_lines(e)) from None


def to_json(value: object, *, indent: int | None = None) -> str:
    """The JSON text of a frpolicy object."""
    return json.dumps(to_dict(value), indent=indent, ensure_ascii=False)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Build a ``cls`` from JSON text (bytes are read as UTF-8).

    A text is accepted only by the rules of this module's docstring: what is not refused
    is a valid ``cls``, and what is refused raises :class:`InputError`, whatever the text.

    Raises:
        InputError: the text is not JSON, breaks a rule, or does not describe a valid
            ``cls``.
    """
    fast = _fast_reader(cls)
    if fast is not None:
        try:
            return fast(text)
        except Exception:  # noqa: BLE001, S110 - the reference reads it again, and decides
            pass
    return _read_strictly(text, cls)


def _read_strictly(text: str | bytes, cls: type[T]) -> T:
    """What :func:`from_json` gives, read the straightforward way: the reference.

    The text is parsed with every rule checked on the way, and the data structured by the
    converter, which words every error. The fast path (:class:`_FastReader`) must give
    what this gives, for any text; the differential tests hold it to it.
    """
    return from_dict(_parse(_decode(text) if isinstance(text, bytes) else text), cls)


_FAST_READERS: dict[type, _FastReader[typing.Any] | None] = {}


def _fast_reader(cls: type[T]) -> _FastReader[T] | None:
    """The fast path for documents of ``cls``, without sharing; ``None`` for a type it lacks.

    Made once a type (the types read are the model's few).
    """
    if cls not in _FAST_READERS:
        try:
            _FAST_READERS[cls] = _FastReader(cls, shared=False)
        except Exception:  # noqa: BLE001 - a type the fast path cannot build: the reference reads
            _FAST_READERS[cls] = None
    return _FAST_READERS[cls]


# -- JSON Schema ----------------------------------------------------------------------------


_BEYOND_THE_SCHEMA = (
    "What from_json accepts, but for what JSON Schema cannot say: the text is I-JSON (RFC "
    "7493: no repeated key, no lone surrogate) nested at most 64 deep; a date is one of the "
    "calendar (no 30 February); a time lies from 0001-01-02 to 9999-12-30 in UTC; and fields "
    "agree with each other (a warrant does not expire before it is issued)."
)


def json_schema(cls: type, *, ref_template: str = "#/$defs/{name}") -> dict[str, typing.Any]:
    """The JSON Schema (draft 2020-12) of a frpolicy type, as :func:`from_json` accepts it.

    Its terms come from the declarations the decoder checks: the types of the fields,
    the checks of the model (an identifier or a name has a visible character and at most
    1,000 characters, a count is not negative, a home is a place code), the form of a
    date-time. A document the decoder accepts is valid; a document the schema finds valid
    is accepted, but for what the schema's ``$comment`` names, which JSON Schema cannot
    say. A set's items are in any order, and an item repeated counts once.

    The type and every type it refers to are defined under ``$defs``, each referred to as
    ``ref_template`` says, with its name in place of ``{name}``. To embed the schema in
    another document, such as an OpenAPI description whose schemas live under
    ``components/schemas``, give that document's template and put the definitions there:

    >>> from frpolicy.model import SearchRequest
    >>> schema = json_schema(SearchRequest, ref_template="#/components/schemas/{name}")
    >>> schema["$ref"]
    '#/components/schemas/SearchRequest'
    >>> components = schema["$defs"]  # SearchRequest and every type it refers to
    >>> components["SearchRequest"]["properties"]["warrant"]["anyOf"][0]
    {'$ref': '#/components/schemas/Warrant'}

    Raises:
        ValueError: ``ref_template`` has no ``{name}``.
    """
    if "{name}" not in ref_template:
        msg = f"ref_template: {ref_template!r} has no {{name}} for the type's name"
        raise ValueError(msg)
    definitions: dict[str, dict[str, typing.Any]] = {}
    root = _schema(cls, definitions, ref_template)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": cls.__name__,
        "$comment": _BEYOND_THE_SCHEMA,
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def _schema(  # noqa: PLR0911 - one return per kind of type
    tp: object, definitions: dict[str, dict[str, typing.Any]], ref: str
) -> dict[str, typing.Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in {typing.Union, types.UnionType}:
        return {"anyOf": [_schema(arg, definitions, ref) for arg in args]}
    if origin in _COLLECTIONS:  # a set may repeat an item: it counts once
        return {"type": "array", "items": _schema(args[0], definitions, ref)}
    if tp is type(None):
        return {"type": "null"}
    simple: dict[object, dict[str, typing.Any]] = {
        str: {"type": "string"},
        bool: {"type": "boolean"},
        int: {"type": "integer", "minimum": -_MAX_INTEGER, "maximum": _MAX_INTEGER},
        float: {"type": "number"},
    }
    if tp in simple:
        return dict(simple[tp])
    if tp is datetime:
        return {"type": "string", "format": "date-time", "pattern": _whole(_RFC3339_DATE_TIME)}
    if tp is date:
        return {"type": "string", "format": "date", "pattern": _whole(_RFC3339_DATE)}
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
                "properties": {
                    f.name: _checked(_schema(hints[f.name], definitions, ref), f, definitions, ref)
                    for f in fields
                },
                "required": [f.name for f in fields if f.default is attrs.NOTHING],
                "additionalProperties": False,
            }
        return {"$ref": ref.replace("{name}", name)}
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)


def _whole(pattern: str) -> str:
    """A pattern the whole string must match, in every dialect a schema is read in.

    ``$`` would let a line break follow in Python's (which the ``jsonschema`` package uses);
    "no character follows" says the end the same way in Python's and ECMA 262's.
    """
    return f"^(?:{pattern})(?![\\s\\S])"


def _checked(
    found: dict[str, typing.Any],
    field: attrs.Attribute[typing.Any],
    definitions: dict[str, dict[str, typing.Any]],
    ref: str,
) -> dict[str, typing.Any]:
    """A field's schema with the terms of the model's check on it, where it has one."""
    check = field.validator
    if isinstance(check, _Name):
        definitions.setdefault("Name", _name_schema(check.longest))
        return _narrowed(found, "string", {"$ref": ref.replace("{name}", "Name")})
    if isinstance(check, _AtLeast):
        return _narrowed(found, "integer", {"minimum": check.least})
    if isinstance(check, _Between):
        return _narrowed(found, "integer", {"minimum": check.least, "maximum": check.most})
    if isinstance(check, _PlaceCode):
        return _narrowed(found, "string", {"pattern": _whole(check.pattern)})
    return found


def _narrowed(
    found: dict[str, typing.Any], kind: str, terms: dict[str, typing.Any]
) -> dict[str, typing.Any]:
    """A schema whose branch of JSON type ``kind`` (``null`` aside) takes the terms."""
    if "anyOf" in found:
        return {"anyOf": [_narrowed(branch, kind, terms) for branch in found["anyOf"]]}
    if found.get("type") != kind:
        return found
    return terms if "$ref" in terms else found | terms


def _name_schema(longest: int) -> dict[str, typing.Any]:
    return {
        "description": (
            f"An identifier or a name: at most {longest:,} characters, one of them visible "
            "(a letter, digit, punctuation mark or symbol; not only spaces, control or "
            "zero-width characters)."
        ),
        "type": "string",
        "minLength": 1,
        "maxLength": longest,
        "pattern": _visible_pattern(),
    }


@functools.cache
def _visible_pattern() -> str:
    r"""A character the model's check counts as visible, as a class of ranges of code points.

    Written from the check itself (:func:`frpolicy.model._shows`), code point by code point,
    with ``\u`` escapes in the Basic Multilingual Plane and the characters themselves above
    it: a form the regular expressions of JSON Schema (ECMA-262, with the ``u`` flag) and of
    Python read alike.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if _shows(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))

    def written(code: int) -> str:
        return f"\\u{code:04x}" if code <= 0xFFFF else chr(code)  # noqa: PLR2004 - the BMP

    parts = (written(a) if a == b else f"{written(a)}-{written(b)}" for a, b in ranges)
    return f"[{''.join(parts)}]"


# -- many documents of one type, fast -------------------------------------------------------


class _Refused(Exception):  # noqa: N818 - not an error: the document goes to from_json
    """The fast path does not take this document as it is."""


def _refuse() -> typing.NoReturn:
    raise _Refused


def _orjson() -> types.ModuleType | None:
    """The ``orjson`` parser, if the ``fast`` extra is installed."""
    try:
        import orjson  # noqa: PLC0415 - imported by the first Decoder, not with frpolicy
    except ImportError:  # pragma: no cover - the test environment has the extra
        return None
    return orjson


_SHARED_LIMIT = 4096
"""How many distinct repeated objects of one type a :class:`Decoder` keeps for reuse."""


class Decoder(typing.Generic[T]):
    r"""Reads many JSON documents of one type: what :func:`from_json` gives, faster.

    ``decoder(text)`` returns exactly what ``from_json(text, cls)`` returns, and raises
    exactly what it raises. It reads as :func:`from_json` does (a document is built straight
    from what the JSON parser gives, with the converter's own checks compiled into one
    function per type), and more: objects that name no moment in time (an agency, a
    technology, an offense) repeat from one document to the next, so each distinct one is
    built once and reused. With the ``fast`` extra installed the parser is ``orjson``.

    A document the fast path does not take as it is is read again the straightforward way,
    which decides, so every error reads as :func:`from_json` words it: any error at all,
    duplicate keys (found by counting colons: one a key, plus those inside strings), and
    the two ``\u`` escapes that could change what is checked: of a surrogate (it could
    be a lone one) and of a colon (it would upset the count of colons). Every other escape
    means the character it writes, to every JSON reader alike, so ``"G.L. c.265 \u00a722"``
    is read on the fast path, as Python's :func:`json.dumps` writes it by default.

    >>> from frpolicy.model import Agency
    >>> read = Decoder(Agency)
    >>> read('{"id": "MSP", "name": "State Police", "kind": "state_police"}').kind
    <AgencyKind.STATE_POLICE: 'state_police'>
    >>> read('{"id": "MSP", "kind": "state_police"}')
    Traceback (most recent call last):
    ...
    frpolicy.serialization.InputError: $.name: required field missing
    >>> read.fallbacks
    1

    .. versionadded:: 0.1.0
    """

    def __init__(self, cls: type[T]) -> None:
        """Compile the reader of ``cls`` documents."""
        self.cls = cls
        self.fallbacks = 0
        """How many documents were read the straightforward way (not on the fast path)."""
        self._fast = _FastReader(cls, shared=True)

    def __call__(self, text: str | bytes) -> T:
        """The ``cls`` the document describes.

        Raises:
            InputError: as :func:`from_json` raises it.
        """
        try:
            return self._fast(text)
        except Exception:  # noqa: BLE001 - the reference decides, and words the error
            self.fallbacks += 1
            return _read_strictly(text, self.cls)


class _FastReader(typing.Generic[T]):
    """The fast path: a document read as it is, or refused (any exception) for the reference.

    ``shared``: objects that name no moment are kept by their JSON and built once (with
    the ``fast`` extra, whose parser writes the key), as a :class:`Decoder` does.

    Raises:
        TypeError: ``cls`` has a field the fast path cannot build.
    """

    def __init__(self, cls: type[T], *, shared: bool) -> None:
        self._parser = _orjson()
        key = self._parser.dumps if shared and self._parser is not None else None
        self._structure = _FastPath(key=key).structurer(cls)

    def __call__(self, text: str | bytes) -> T:
        # the escapes of a colon or a surrogate all begin so: searched for only if one does
        if isinstance(text, bytes):
            if (b"\\u003" in text or b"\\ud" in text or b"\\uD" in text) and (
                _RISKY_ESCAPE_BYTES.search(text)
            ):
                _refuse()
            colons = text.count(b":")
        else:
            if ("\\u003" in text or "\\ud" in text or "\\uD" in text) and (
                _RISKY_ESCAPE.search(text)
            ):
                _refuse()
            colons = text.count(":")
        parser = self._parser
        if parser is not None:
            data = parser.loads(text)
            # Duplicate keys are dropped silently by the parser; each drops a colon.
            if parser.dumps(data).count(b":") != colons:
                _refuse()
        else:  # the "fast" extra is not installed
            if isinstance(text, bytes):
                text = text.decode()
            elif not text.isascii():
                text.encode()  # a lone surrogate raises
            data = json.loads(text, object_pairs_hook=_unique)
        return typing.cast("T", self._structure(data))


_RISKY = r"\\u(?:003[aA]|[dD][89a-fA-F])"
_RISKY_ESCAPE = re.compile(_RISKY)
r"""A ``\u`` escape the fast path leaves to :func:`from_json`: of a colon, or of a surrogate.

A colon written as an escape is a colon the parser gives but the text does not show, so
it could hide a duplicate key from the count of colons; a surrogate written as one could
be a lone one, which the standard library's parser lets through. Text that merely looks
like one (``"\\u003a"``, an escaped backslash and three letters) is refused too: refusing
is always safe.
"""
_RISKY_ESCAPE_BYTES = re.compile(_RISKY.encode())


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) != len(pairs):
        _refuse()
    return found


class _FastPath:
    """Compiles, for attrs classes, one Python function each that builds them from JSON data.

    The functions check what the converter checks (:func:`_converter`): unknown and
    missing keys, the exact JSON type of each value, enumeration values; date-times and
    dates are read as the converter's hooks read them (:func:`_read_datetime`), and each
    object goes through its class, so its validators. They do not say what is wrong: they
    raise, and the reference says.

    With a ``key`` (a function giving JSON data's exact text), objects of a class that
    names no moment are kept by the key of their JSON, and built once.
    """

    def __init__(self, *, key: Callable[[object], bytes] | None) -> None:
        self.key = key
        self.names: dict[str, object] = {"_refuse": _refuse, "_list": _list, "_absent": object()}
        self.functions: dict[type, str] = {}
        self.source: list[str] = []
        self.locals = 0

    def structurer(self, cls: type) -> Callable[[object], object]:
        name = self._function(cls)
        code = compile("\n".join(self.source), f"<frpolicy decoder {cls.__name__}>", "exec")
        exec(code, self.names)  # noqa: S102 - built from attrs fields
        return typing.cast("Callable[[object], object]", self.names[name])

    def _function(self, cls: type) -> str:
        """The name of the function that builds ``cls`` from a dict, written once."""
        known = self.functions.get(cls)
        if known is not None:
            return known
        name = f"_s{len(self.functions)}"
        self.functions[cls] = name
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        self.names[f"{name}_cls"] = cls
        self.names[f"{name}_keys"] = frozenset(f.name for f in fields)
        arguments = []
        for f in fields:
            if not f.init or f.alias != f.name:
                msg = f"no fast path for {cls.__name__}.{f.name}"
                raise TypeError(msg)
            if f.default is attrs.NOTHING:
                arguments.append(f"{f.name}={self._value(hints[f.name], f'd[{f.name!r}]')}")
            elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
                msg = f"no fast path for {cls.__name__}.{f.name}, whose default is a factory"
                raise TypeError(msg)
            else:
                # one look-up: an absent key gives the default, which is not structured
                self.names[f"{name}_{f.name}"] = f.default
                local = self._local()
                value = self._value(hints[f.name], local)
                arguments.append(
                    f'{f.name}={name}_{f.name} if ({local} := d.get("{f.name}", _absent)) '
                    f"is _absent else {value}"
                )
        self.source += [
            f"def {name}(d):",
            f"    if type(d) is not dict or not d.keys() <= {name}_keys:",
            "        _refuse()",
            f"    return {name}_cls(" + ", ".join(arguments) + ")",
        ]
        if self.key is not None and not _names_a_moment(cls):
            self.names[f"{name}_dumps"] = self.key
            self.names[f"{name}_built"] = {}
            self.source += [
                # the same JSON, the same object: built once, reused (frozen objects)
                f"def {name}_shared(d):",
                f"    key = {name}_dumps(d)",
                f"    found = {name}_built.get(key)",
                "    if found is None:",
                f"        found = {name}(d)",
                f"        if len({name}_built) >= {_SHARED_LIMIT}:",
                f"            {name}_built.clear()",
                f"        {name}_built[key] = found",
                "    return found",
            ]
            self.functions[cls] = f"{name}_shared"
        return self.functions[cls]

    def _value(self, tp: object, expression: str) -> str:
        """An expression building a value of type ``tp`` from the JSON ``expression``."""
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in {typing.Union, types.UnionType}:
            (inner,) = (arg for arg in args if arg is not type(None))
            local = self._local()
            return f"(None if ({local} := {expression}) is None else {self._value(inner, local)})"
        if origin in {frozenset, tuple}:
            if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):  # noqa: PLR2004 - tuple[X, ...]
                msg = f"no fast path for {tp!r}"
                raise TypeError(msg)
            return (
                f"{origin.__name__}([{self._value(args[0], '_i')} for _i in _list({expression})])"
            )
        if tp in {str, bool, int}:
            # what the converter's hooks accept (_structure_str, _structure_bool and
            # _structure_int): the exact JSON type, a boolean being no integer; integers
            # within I-JSON's range. A lone surrogate never gets this far: the parser
            # refuses it, and an escaped surrogate sends the document to from_json.
            local, kind = self._local(), self._constant(typing.cast("type", tp))
            test = f"type({local} := {expression}) is {kind}"
            if tp is int:
                self.names["_MAX_INTEGER"] = _MAX_INTEGER
                test += f" and -_MAX_INTEGER <= {local} <= _MAX_INTEGER"
            return f"({local} if {test} else _refuse())"
        if tp in {datetime, date}:
            hook = f"_read_{typing.cast('type', tp).__name__}"
            self.names[hook] = _read_datetime if tp is datetime else _read_date
            return f"{hook}({expression})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            table = f"_e_{tp.__name__}"
            self.names[table] = {m.value: m for m in tp}
            return f"{table}[{expression}]"
        if isinstance(tp, type) and attrs.has(tp):
            return f"{self._function(tp)}({expression})"
        msg = f"no fast path for {tp!r}"
        raise TypeError(msg)

    def _local(self) -> str:
        """A fresh name for a local variable."""
        self.locals += 1
        return f"_v{self.locals}"

    def _constant(self, tp: type) -> str:
        name = f"_{tp.__name__}"
        self.names[name] = tp
        return name


def _read_datetime(value: object) -> datetime:
    """A date-time as :func:`_structure_datetime` reads it, or a refusal: one match, one parse.

    A text the strict pattern matches passes every check of the hook but the calendar's,
    which the parse makes; the value is the hook's own.
    """
    if type(value) is not str or _STRICT_DATE_TIME.fullmatch(value) is None:
        _refuse()
    return datetime.fromisoformat(value.upper())


def _read_date(value: object) -> date:
    """A date as :func:`_structure_date` reads it, or a refusal (as :func:`_read_datetime`)."""
    if type(value) is not str or _STRICT_DATE.fullmatch(value) is None:
        _refuse()
    return date.fromisoformat(value)


def _list(value: object) -> list[object]:
    if type(value) is not list:
        _refuse()
    return typing.cast("list[object]", value)


def _names_a_moment(cls: type) -> bool:
    """Whether a class, or one it holds, has a date or a date-time: then it rarely repeats.

    A moment it may leave out does not count: a system's impact assessment and registration
    (``Technology``) are the same for every search the system runs.
    """
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        tp = hints[field.name]
        for part in (tp, *typing.get_args(tp)):
            if part in {datetime, date} and field.default is attrs.NOTHING:
                return True
            if isinstance(part, type) and attrs.has(part) and _names_a_moment(part):
                return True
    return False
