"""Hostile input, as Hypothesis strategies: the classes of input the fuzz suite throws at frpolicy.

Each strategy in :data:`CLASSES` draws one JSON Lines line (bytes, without its line end)
of one class of hostile input: arbitrary bytes, arbitrary JSON, deep nesting, huge
numbers, text from every Unicode category, repeated keys, mangled date-times, and valid
records with a few bytes changed. Most start from a real line of the sample log, so they
reach far into the model before they break it.

Beside the lines: :func:`near_valid_documents` moves one value of a record to either side
of a rule of the JSON Schema; :func:`planted_texts` puts control characters and line
breaks in a field a person wrote; :func:`log_scenarios`, :data:`TAMPERING` and
:data:`EDITS` have writers share a decision log and someone tamper with it.

A decoder of frpolicy's JSON must give, for every such line, a valid object or an
:class:`~frpolicy.serialization.InputError` whose errors are single short lines:
:func:`check_answer` says so. A second decoder (a faster one) must give the same answer
as :func:`~frpolicy.serialization.from_json` on every line: :func:`check_same_answer`.
Add it to :data:`DECODERS` and the fuzz suite runs every class through it.

:data:`LEAF_CLASSES` draws leaves of a jurisdiction at the edge of the subset of Python the
symbolic analysis translates (numbers of three types, enumerations equal to their values,
the truth of strings and sets, equality across types, the model's checks of ids, times and
place codes), each with requests at the same edge: :func:`check_edge` says the analysis
never claims what the engine contradicts on them.
"""

from __future__ import annotations

import enum
import json
import math
import re
import typing
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import strategies as st

from frpolicy import (
    InputError,
    SearchRecord,
    examples,
    from_json,
    jurisdiction,
    serialization,
    to_json,
)
from frpolicy.jurisdictions import Invariant, Version
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
    CourtKind,
    Database,
    ImageSource,
    MediaKind,
    Offense,
    Penalty,
    ProbeImage,
    Purpose,
    SearchRequest,
    Technology,
    Warrant,
)
from frpolicy.policy import Effect
from frpolicy.predicates import Leaf, leaf
from frpolicy.serialization import Decoder

__all__ = [
    "CLASSES",
    "DECODERS",
    "EDITS",
    "FIELDS",
    "LEAF_CLASSES",
    "MARK",
    "TAMPERING",
    "VALID_LINES",
    "Edge",
    "check_answer",
    "check_edge",
    "check_no_forged_line",
    "check_same_answer",
    "check_schema_agrees",
    "log_lines",
    "log_scenarios",
    "near_valid_documents",
    "planted_record",
    "planted_texts",
]

LOG = examples.path("ma_search_log.jsonl")
VALID_LINES: tuple[bytes, ...] = tuple(LOG.read_bytes().splitlines()[:40])
"""Real lines of the sample log: the seeds the hostile lines are grown from."""

Decode = Callable[[bytes], SearchRecord]


def _standard_library_decoder() -> Decoder[SearchRecord]:
    """The fast decoder on the standard library's parser, as without the ``fast`` extra."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialization, "_orjson", lambda: None)
        return Decoder(SearchRecord)


DECODERS: dict[str, Decode] = {
    "from_json": lambda line: from_json(line, SearchRecord),
    "Decoder": Decoder(SearchRecord),
    "Decoder without orjson": _standard_library_decoder(),
}
"""Every decoder of log lines, by name; each must give :func:`from_json`'s answers."""

_CATEGORIES: tuple[typing.Any, ...] = (
    *("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No"),
    *("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"),
    *("Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"),
)
"""Every general category of Unicode, surrogates (Cs) and unassigned (Cn) included."""


def _seed() -> st.SearchStrategy[dict[str, typing.Any]]:
    return st.sampled_from(VALID_LINES).map(json.loads)


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path into a JSON value: object keys and array indexes, the root included."""
    found: list[tuple[object, ...]] = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _replace(value: typing.Any, path: tuple[typing.Any, ...], new: object) -> typing.Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _replace(value[head], tuple(rest), new)
    return copy


def _dumps(value: object, *, ascii_only: bool = True) -> bytes:
    # a raw lone surrogate, written with surrogatepass, makes bytes that are not UTF-8
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


@st.composite
def _planted(draw: st.DrawFn, values: st.SearchStrategy[object]) -> bytes:
    """A real log line with one value, anywhere in it, replaced by a drawn one."""
    record = draw(_seed())
    path = draw(st.sampled_from(_paths(record)))
    return _dumps(_replace(record, path, draw(values)), ascii_only=draw(st.booleans()))


def json_values() -> st.SearchStrategy[object]:
    """Any JSON value, small: what a careless system might write on a line."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20)
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=8,
    )


def _texts() -> st.SearchStrategy[str]:
    return st.text(st.characters(categories=_CATEGORIES), max_size=12)


@st.composite
def _every_category(draw: st.DrawFn) -> bytes:
    """A real line with a string or a key (an id, a name, a value, a time) made of any text."""
    record = draw(_seed())
    strings = [p for p in _paths(record) if p and isinstance(_get(record, p), str)]
    text = draw(_texts())
    if draw(st.booleans()):
        path = draw(st.sampled_from(strings))
        return _dumps(_replace(record, path, text), ascii_only=draw(st.booleans()))
    objects = [p for p in _paths(record) if isinstance(_get(record, p), dict)]
    path = draw(st.sampled_from(objects))
    renamed = {text if i == 0 else k: v for i, (k, v) in enumerate(_get(record, path).items())}
    return _dumps(_replace(record, path, renamed), ascii_only=draw(st.booleans()))


def _get(value: typing.Any, path: tuple[object, ...]) -> typing.Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def _deep(draw: st.DrawFn) -> bytes:
    """Arrays and objects nested tens to thousands deep, alone or inside a real line."""
    depth = draw(st.integers(min_value=30, max_value=3000))
    opening, closing = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ('[{"a":', "}]")]))
    closed = draw(st.booleans())
    nested = (opening * depth + "1" + closing * depth * closed).encode()
    if draw(st.booleans()):
        return nested
    line = draw(st.sampled_from(VALID_LINES))
    where = draw(st.sampled_from([b"{", b'"request": {', b'"probe": {']))
    return line.replace(where, where + b'"deep": ' + nested + b", ", 1)


@st.composite
def _huge_numbers(draw: st.DrawFn) -> bytes:
    """A real line with a number of up to 10,000 digits, or an exponent, somewhere in it."""
    digits = draw(st.integers(min_value=1, max_value=10_000))
    number = draw(st.sampled_from(["", "-"])) + "9" * digits
    number += draw(st.sampled_from(["", ".5", "e400", "E-400", "e9"]))
    record = draw(_seed())
    path = draw(st.sampled_from(_paths(record)))
    marker = "\x00number\x00"
    return _dumps(_replace(record, path, marker)).replace(
        json.dumps(marker).encode(), number.encode()
    )


@st.composite
def _repeated_keys(draw: st.DrawFn) -> bytes:
    """A real line in which one object repeats one of its keys, with another value."""
    record = draw(_seed())
    objects = [p for p in _paths(record) if isinstance(_get(record, p), dict) and _get(record, p)]
    path = draw(st.sampled_from(objects))
    key = draw(st.sampled_from(sorted(_get(record, path))))
    marker = "\x00repeated\x00"
    text = _dumps(_replace(record, (*path, key), marker))
    again = _dumps(draw(json_values()))
    old = json.dumps(marker).encode()
    return text.replace(
        old, _dumps(_get(record, (*path, key))) + b", " + _dumps(key) + b": " + again
    )


@st.composite
def _date_times(draw: st.DrawFn) -> bytes:
    """A real line with its request's time mangled: characters changed, added or removed."""
    record = draw(_seed())
    text = list(record["request"]["submitted_at"])
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        change = draw(st.sampled_from(["set", "insert", "delete"]))
        char = draw(st.sampled_from("0123456789-:T tZz.+,W\u00a0\uff10"))
        if change == "insert" or not text:
            text.insert(at, char)
        elif change == "set":
            text[min(at, len(text) - 1)] = char
        else:
            del text[min(at, len(text) - 1)]
    record["request"]["submitted_at"] = "".join(text)
    record["request"]["performed_at"] = None
    return _dumps(record, ascii_only=draw(st.booleans()))


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    """A real line with a few bytes changed, added or taken away."""
    line = bytearray(draw(st.sampled_from(VALID_LINES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(line) - 1))
        byte = draw(st.integers(min_value=0, max_value=255))
        change = draw(st.sampled_from(["set", "insert", "delete"]))
        if change == "set":
            line[at] = byte
        elif change == "insert":
            line.insert(at, byte)
        else:
            del line[at]
    return bytes(line)


CLASSES: dict[str, st.SearchStrategy[bytes]] = {
    "arbitrary bytes": st.binary(max_size=300),
    "arbitrary JSON": st.builds(_dumps, json_values(), ascii_only=st.booleans()),
    "a value planted anywhere": _planted(json_values()),
    "deep nesting": _deep(),
    "huge numbers": _huge_numbers(),
    "every Unicode category": _every_category(),
    "repeated keys": _repeated_keys(),
    "mangled date-times": _date_times(),
    "changed bytes": _mutated(),
}
"""The classes of hostile lines, by name."""


def log_lines() -> st.SearchStrategy[list[bytes]]:
    """The lines of a hostile log: valid, blank and hostile lines of every class, mixed."""
    blank = st.sampled_from([b"", b" ", b"\t", b"\r"])
    line = st.sampled_from(VALID_LINES) | blank | st.one_of(*CLASSES.values())
    return st.lists(line, max_size=8)


_MAX_ERROR_LINE = 500


def check_answer(decode: Decode, line: bytes) -> SearchRecord | InputError:
    """The answer of a decoder on a line, checked: a valid record, or an honest refusal.

    Raises:
        AssertionError: the decoder raised something else, accepted a record that cannot
            be written back as UTF-8 JSON, or gave an error that is not single short lines.
    """
    try:
        record = decode(line)
    except InputError as error:
        _check_error(error)
        return error
    assert isinstance(record, SearchRecord)
    _check_rules(line)
    text = to_json(record)
    text.encode("utf-8")  # no lone surrogate made it in
    assert from_json(text, SearchRecord) == record
    return record


_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"accepted a repeated key: {keys}"
    return dict(pairs)


def _check_rules(line: bytes) -> None:
    """Check an accepted line against the rules, restated here apart from the decoder.

    UTF-8 without a byte order mark, no repeated key, integers within 2^53, no lone
    surrogate, date-times (``..._at``) and dates (``..._on``) in RFC 3339 form.
    """
    text = line.decode("utf-8")
    assert not text.startswith("\ufeff")
    pending: list[tuple[str, object]] = [("$", json.loads(text, object_pairs_hook=_unique))]
    while pending:
        key, value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.items())
        elif isinstance(value, list):
            pending.extend((key, item) for item in value)
        elif isinstance(value, int) and not isinstance(value, bool):
            assert abs(value) <= 2**53 - 1, value
        elif isinstance(value, str):
            value.encode("utf-8")
            if key.endswith("_at"):
                assert _DATE_TIME.fullmatch(value), f"accepted {key}: {value!r}"
            if key.endswith("_on"):
                assert _FULL_DATE.fullmatch(value), f"accepted {key}: {value!r}"


def _check_error(error: InputError) -> None:
    assert error.errors
    for message in error.errors:
        assert message.startswith("$"), message
        assert message.isprintable(), message  # one line: no line break, no control
        assert len(message) <= _MAX_ERROR_LINE, len(message)


def check_same_answer(decode: Decode, line: bytes) -> None:
    """Check that a decoder answers a line as :func:`~frpolicy.serialization.from_json` does.

    The same record, or a refusal from both (the messages may differ).
    """
    reference = check_answer(DECODERS["from_json"], line)
    answer = check_answer(decode, line)
    if isinstance(reference, InputError):
        assert isinstance(answer, InputError), f"accepted what from_json refuses: {reference}"
    else:
        assert answer == reference


# -- the schema and the decoder ----------------------------------------------------------------

_INVISIBLE = ("", " ", "\t", "\u200b", "\u3164", "\u2800", "\u115f\u1160", "\u0301", "\xa0")
_BAD_TIMES = (
    "2024-03-04T09:00:00",
    "2024-03-04T09:00:60Z",
    "2024-03-04T24:00:00Z",
    "2024-03-04T09:00:00+24:00",
    "2024-13-04T09:00:00Z",
    "0000-03-04T09:00:00Z",
    "2024-03-04 09:00:00Z",
    "2024-03-04T09:00Z",
)


def _schema_terms(value: str) -> st.SearchStrategy[object]:
    """What a string of a document may be replaced by: each side of each rule's edge."""
    return st.sampled_from(
        [
            *_INVISIBLE,
            "x" * 1000,
            "x" * 1001,
            "\u200bx",
            "\u3164\u0416",
            "\U0001f600",
            "\ufe0f",
            value.upper(),
            value + "!",
            *(_BAD_TIMES if value[:4].isdigit() and "T" in value else ()),
            7,
            None,
        ]
    )


def _number_terms(value: int) -> st.SearchStrategy[object]:
    return st.sampled_from(
        [value, -1, 0, float(value), value + 0.5, 2**53 - 1, 2**53, -(2**53), True, str(value)]
    )


@st.composite
def near_valid_documents(draw: st.DrawFn) -> dict[str, typing.Any]:
    """A real record with one value moved just inside or just outside a rule of the schema.

    Each change is one the schema can state (a name's length and visible character, a
    count's sign, an integer written as 1.0, a repeated item of a set, an unknown or a
    missing member, a value of another type, a time of another form): what the schema
    says of it must be what the decoder does.
    """
    record = draw(_seed())
    paths = [p for p in _paths(record) if p]
    path = draw(st.sampled_from(paths))
    value = _get(record, path)
    if isinstance(value, str):
        new = draw(_schema_terms(value))
    elif isinstance(value, bool):
        new = draw(st.sampled_from([not value, None, 1, "true"]))
    elif isinstance(value, int):
        new = draw(_number_terms(value))
    elif isinstance(value, list):
        new = draw(st.sampled_from([[*value, *value[:1]], [], None, {}, value[::-1]]))
    elif isinstance(value, dict):
        choice = draw(st.sampled_from(["drop", "add", "null", "list"]))
        if choice == "drop" and value:
            key = draw(st.sampled_from(sorted(value)))
            new = {k: v for k, v in value.items() if k != key}
        elif choice == "add":
            new = value | {draw(st.sampled_from(["extra", "Id", "id "])): 1}
        else:
            new = None if choice == "null" else [value]
    else:
        new = draw(st.sampled_from(["x", 0, [], {}]))
    return typing.cast("dict[str, typing.Any]", _replace(record, path, new))


def check_schema_agrees(validator: typing.Any, document: object) -> None:
    """Check that the JSON Schema finds a document valid exactly when the decoder accepts it.

    ``validator`` validates against ``frpolicy schema SearchRecord``; the document is JSON
    data, without any of what the schema's ``$comment`` says it cannot state.
    """
    try:
        from_json(json.dumps(document), SearchRecord)
    except InputError as error:
        accepted, why = False, str(error)
    else:
        accepted, why = True, ""
    valid = validator.is_valid(document)
    found = [e.message[:200] for e in validator.iter_errors(document)][:3]
    assert valid == accepted, f"schema valid: {valid} ({found}); decoder: {accepted} ({why})"


# -- text a person wrote, with control characters, through every output -------------------------

MARK = "FORGED"
"""What a hostile text puts after a line break, hoping it starts a line of some output."""

_BREAKS = ("\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_CONTROLS = ("\x1b[2K", "\x00", "\t", "\u202e", "\u200b", "\x7f", "\x9b")


@st.composite
def planted_texts(draw: st.DrawFn) -> str:
    """A visible start, then control characters and line breaks, each followed by :data:`MARK`."""
    pieces = [draw(st.sampled_from(["MA-1", "Agency", "x"]))]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        pieces.append(draw(st.sampled_from(_CONTROLS + _BREAKS)))
        pieces.append(draw(st.sampled_from(_BREAKS)) + MARK)
    return "".join(pieces)


FIELDS: tuple[tuple[str, ...], ...] = (
    ("request", "id"),
    ("request", "requesting_agency", "name"),
    ("request", "performing_agency", "unit"),
    ("request", "requesting_officer", "id"),
    ("request", "offense", "title"),
    ("request", "technology", "name"),
)
"""Where a log line holds text a person wrote, shown in memos and reports."""


def planted_record(path: tuple[str, ...], text: str) -> dict[str, typing.Any]:
    """The first real record with ``text`` at ``path``."""
    record = json.loads(VALID_LINES[0])
    return typing.cast("dict[str, typing.Any]", _replace(record, path, text))


def check_no_forged_line(output: str, where: str, *, data: bool = False) -> None:
    """Check that no line of an output starts with what a field planted after a line break.

    Text for people is split at every character that breaks a line (``str.splitlines``);
    JSON (``data``) at its own line ends, since any other character is inside a string,
    read back exactly.
    """
    lines = output.replace("\r", "\n").split("\n") if data else output.splitlines()
    forged = [line for line in lines if line.lstrip(" |>-*").startswith(MARK)]
    assert not forged, f"{where}: {forged[:2]}"


# -- decision logs, written by several and tampered with ------------------------------------------

TAMPERING: dict[str, tuple[str, ...]] = {
    "a trigger that deletes each row appended": (
        (
            "CREATE TRIGGER t AFTER INSERT ON decisions BEGIN "
            "DELETE FROM decisions WHERE seq = new.seq; END"
        ),
    ),
    "a trigger that ignores each append": (
        "CREATE TRIGGER t BEFORE INSERT ON decisions BEGIN SELECT RAISE(IGNORE); END",
    ),
    "a view in place of the table": (
        "ALTER TABLE decisions RENAME TO kept",
        "CREATE VIEW decisions AS SELECT * FROM kept",
        "CREATE TRIGGER t INSTEAD OF INSERT ON decisions BEGIN SELECT 1; END",
    ),
    "a table of its own": ("CREATE TABLE notes (x)",),
    "an index of its own": ("CREATE INDEX by_outcome ON decisions (outcome)",),
}
"""Changes to a log's layout: each must make every opening of the log refuse it."""

EDITS: dict[str, str] = {
    "a record edited": "UPDATE decisions SET record = replace(record, 'permitted', 'forbidden') "
    "WHERE seq = (SELECT max(seq) FROM decisions)",
    "a record made not UTF-8": "UPDATE decisions SET record = CAST(X'7B22FF22' AS TEXT) "
    "WHERE seq = (SELECT min(seq) FROM decisions)",
    "a row deleted": "DELETE FROM decisions WHERE seq = (SELECT min(seq) FROM decisions)",
    "a column edited": "UPDATE decisions SET outcome = 'x' "
    "WHERE seq = (SELECT max(seq) FROM decisions)",
}
"""Changes to a log's rows: each must make :func:`~frpolicy.records.verify` name a break."""


def log_scenarios() -> st.SearchStrategy[list[tuple[str, int, int]]]:
    """Steps of writers sharing one log: ``("append", writer, count)`` or ``("read", ...)``."""
    step = st.tuples(
        st.sampled_from(["append", "read", "close"]),
        st.integers(min_value=0, max_value=2),
        st.integers(min_value=1, max_value=3),
    )
    return st.lists(step, min_size=1, max_size=8)


# -- analysis leaves at the edge of the subset ----------------------------------------------
#
# A leaf is Python; the analysis translates a subset of it, and must give a leaf Python's
# meaning exactly or keep it opaque. These leaves sit where the two are easy to tell apart:
# numbers of three types, enumerations equal to their values, the truth of strings and sets,
# equality across types, None against fields that are never None, the model's checks of
# ids, times and place codes. Each comes with requests at the same edge.


class Months(enum.IntEnum):
    """A plug-in's own numbers, equal to ints."""

    YEAR = 12


class Code(enum.StrEnum):
    """A plug-in's own codes, equal to strings."""

    FIRST = "R-1"


class Colour(enum.Enum):
    """A plug-in's own enumeration, equal to nothing but its members."""

    RED = "identification"


@attrs.frozen
class Edge:
    """A leaf at the edge of the subset, and requests at the same edge."""

    expression: str
    names: dict[str, object]
    changes: tuple[dict[str, object], ...]

    def __str__(self) -> str:
        """The leaf as written, with its names and the changes of its requests."""
        return f"{self.expression}  where {self.names!r}  on {list(self.changes)!r}"


_AT = datetime(2024, 5, 1, 12, tzinfo=UTC)
_AHEAD = timezone(timedelta(hours=23))
_NUMBERS: tuple[object, ...] = (
    *(0, 1, -1, 11, 12, 13, 2**64),
    *(12.0, 12.5, 11.5, -0.0, float("nan"), float("inf"), float("-inf")),
    *(True, False),
)
_STRINGS: tuple[object, ...] = (
    *("", " ", "R-1", "US-MA", "US-MA-BOS", "us-ma", "US-", "identification", "265-17"),
    *("\u200b\u3164", "x" * 1_000, "x" * 1_001),
)
_MEMBERS: tuple[object, ...] = (
    *(Analysis.IDENTIFICATION, Analysis.TRACKING, Database.FBI, AgencyKind.STATE_POLICE),
    *(Purpose.CRIMINAL_INVESTIGATION, Months.YEAR, Code.FIRST, Colour.RED),
)
_TIMES_AT_EDGES: tuple[object, ...] = (
    _AT,
    datetime(9999, 12, 30, 23, 59, 59, 999_999, tzinfo=UTC),
    datetime(9999, 12, 31, 22, 59, tzinfo=_AHEAD),
    datetime(1, 1, 2, tzinfo=UTC),
    datetime(2024, 5, 1, 12),  # noqa: DTZ001 - a naive time, which no request's time equals
    datetime(2024, 5, 1, 8, tzinfo=timezone(timedelta(hours=-4))),
    date(2024, 5, 1),
    *(timedelta(0), timedelta(hours=2), timedelta(hours=48), timedelta(days=-1)),
)
_ODD: tuple[object, ...] = (None, (), (1,), b"R-1", frozenset(), Ellipsis)
_CONSTANTS = (*_NUMBERS, *_STRINGS, *_MEMBERS, *_TIMES_AT_EDGES, *_ODD)

#: Fields of the request a leaf may read: the expression, and the guard a careful author
#: would write before it (a careless one leaves it out, and the leaf can raise).
_FIELDS: dict[str, tuple[str, str]] = {
    "months": ("r.offense.penalty.max_term_months", "r.offense is not None"),
    "real time": ("r.real_time", ""),
    "written request": ("r.written_request", ""),
    "id": ("r.id", ""),
    "home": ("r.requesting_agency.home", ""),
    "unit": ("r.requesting_agency.unit", ""),
    "subject": ("r.warrant.subject", "r.warrant is not None"),
    "analysis": ("r.analysis", ""),
    "purpose": ("r.purpose", ""),
    "kind": ("r.performing_agency.kind", ""),
    "databases": ("r.databases", ""),
    "offense lists": ("r.offense.listed_in", "r.offense is not None"),
    "offense codes": ("r.warrant.offense_codes", "r.warrant is not None"),
    "submitted": ("r.submitted_at", ""),
    "performed": ("r.performed_at", ""),
    "expires": ("r.warrant.expires_at", "r.warrant is not None"),
    "time": ("at", ""),
    "probe": ("r.probe", ""),
    "warrant": ("r.warrant", ""),
}
_NUMBER_FIELDS = ("months", "real time", "written request")
_TEXT_FIELDS = ("id", "home", "unit", "subject")
_MEMBER_FIELDS = ("analysis", "purpose", "kind")
_SET_FIELDS = ("databases", "offense lists", "offense codes")
_TIME_FIELDS = ("submitted", "performed", "expires", "time")
_EQUALITY = ("==", "!=")
_ORDERING = ("<", "<=", ">", ">=")
_MEMBERSHIP = ("in", "not in")
_IDENTITY = ("is", "is not")


@attrs.frozen
class _Shape:
    """A comparison's shape: ``{f}`` a field, ``{c}`` a constant, ``{s}`` a collection of them."""

    text: str
    fields: tuple[str, ...]
    constants: tuple[object, ...] = ()
    ops: tuple[str, ...] = ("",)


@st.composite
def _leaf(draw: st.DrawFn, shapes: Sequence[_Shape]) -> Edge:
    """A leaf of one or two comparisons, and requests with the fields it reads at the edge."""
    names: dict[str, object] = {}
    read: list[str] = []

    def name(value: object) -> str:
        key = f"C{len(names)}"
        names[key] = value
        return key

    def comparison() -> str:
        shape = draw(st.sampled_from(shapes))
        text = shape.text.replace("{op}", draw(st.sampled_from(shape.ops)))
        guards = []
        while "{f}" in text:
            key = draw(st.sampled_from(shape.fields))
            read.append(key)
            path, guard = _FIELDS[key]
            guards += [guard] if guard else []
            text = text.replace("{f}", path, 1)
        while "{c}" in text:
            text = text.replace("{c}", name(draw(st.sampled_from(shape.constants))), 1)
        while "{s}" in text:
            kind = draw(st.sampled_from([tuple, list, frozenset]))
            items = draw(st.lists(st.sampled_from(shape.constants), min_size=1, max_size=3))
            text = text.replace("{s}", name(kind(items)), 1)
        careful = bool(guards) and draw(st.booleans())  # who tests for None first
        if careful:
            text = " and ".join(dict.fromkeys(guards)) + f" and ({text})"
        return text

    parts = [comparison() for _ in range(draw(st.integers(1, 2)))]
    joiner = draw(st.sampled_from([" and ", " or ", " and not "]))
    expression = joiner.join(f"({p})" for p in parts)
    named = [v for value in names.values() for v in _items(value)]

    def value_of(key: str) -> object:
        # most often a value the leaf names, as the field holds it: 12 for 12.0, "R-1" for
        # a StrEnum member; else one of the field's own
        near = [v for value in named for v in _as_held(key, value)]
        if near and draw(st.integers(0, 2)) > 0:
            return draw(st.sampled_from(near))
        return draw(st.sampled_from(_FIELD_VALUES.get(key, (None,))))

    changes = tuple(
        {
            key: value_of(key)
            for key in draw(st.lists(st.sampled_from(read), min_size=1, max_size=2, unique=True))
        }
        for _ in range(draw(st.integers(1, 3)))
    )
    return Edge(expression=expression, names=names, changes=changes)


def _items(value: object) -> list[object]:
    """A constant, or the items of a constant collection."""
    if isinstance(value, tuple | list | frozenset):
        return list(value)
    return [value]


def _as_held(key: str, value: object) -> list[object]:  # noqa: PLR0911 - one return per field
    """The values a field holds that a named value stands for: its own, or equal ones."""
    if key == "months" and isinstance(value, int | float) and math.isfinite(value) and value >= 0:
        return [math.floor(value), *([math.ceil(value)] if value % 1 else [])]
    if key in {"real time", "written request"} and value in (0, 1):
        return [bool(value)]
    if key in _TEXT_FIELDS and isinstance(value, str):
        return [str.__str__(value)]
    if key in {"offense lists", "offense codes"} and isinstance(value, str):
        return [frozenset({str.__str__(value)})]
    if key == "databases" and isinstance(value, Database):
        return [frozenset({value})]
    if key in _MEMBER_FIELDS:
        kind = {"analysis": Analysis, "purpose": Purpose, "kind": AgencyKind}[key]
        return [m for m in kind if value in (m, m.value)]
    if key in _TIME_FIELDS and isinstance(value, datetime) and value.tzinfo is not None:
        return [value]
    if key in _TIME_FIELDS and isinstance(value, date) and not isinstance(value, datetime):
        return [datetime.combine(value, datetime.min.time(), UTC)]
    return []


_FIELD_VALUES: dict[str, Sequence[object]] = {
    "months": (None, 0, 1, 11, 12, 13, 2**64),
    "real time": (True, False),
    "written request": (True, False),
    "id": ("R-1", "identification", "US-MA", "x" * 1_000, "265-17", "\u00e9"),
    "home": (None, "US-MA", "US-MA-BOS", "US", "DE"),
    "unit": (None, "", " ", "R-1", "identification"),
    "subject": ("", "R-1", "identification"),
    "analysis": tuple(Analysis),
    "purpose": tuple(Purpose),
    "kind": tuple(AgencyKind),
    "databases": (frozenset(), frozenset({Database.FBI}), frozenset(Database)),
    "offense lists": (frozenset(), frozenset({"R-1"}), frozenset({"US-", "identification"})),
    "offense codes": (frozenset(), frozenset({"R-1"}), frozenset({"265-17", "x"})),
    "submitted": _TIMES_AT_EDGES[:4],
    "performed": (None, *_TIMES_AT_EDGES[:4]),
    "expires": (None, *_TIMES_AT_EDGES[:4]),
}
_VALUES = (*_MEMBERS, "identification", "R-1", "state_police", 12, 12.0, True)
_TRUTHY = ("", "none", 0, None, False, ())
_DURATIONS = tuple(d for d in _TIMES_AT_EDGES if isinstance(d, timedelta))

LEAF_CLASSES: dict[str, st.SearchStrategy[Edge]] = {
    "numbers: int, float and bool": _leaf(
        [
            _Shape("{f} {op} {c}", _NUMBER_FIELDS, _NUMBERS, _EQUALITY + _ORDERING),
            _Shape("{c} {op} {f}", _NUMBER_FIELDS, _NUMBERS, _EQUALITY + _ORDERING),
            _Shape("{f} {op} {s}", _NUMBER_FIELDS, _NUMBERS, _MEMBERSHIP),
            _Shape("{f} {op} {f}", _NUMBER_FIELDS, (), _EQUALITY + _ORDERING),
        ]
    ),
    "enumerations equal to their values": _leaf(
        [
            _Shape("{f} {op} {c}", (*_MEMBER_FIELDS, *_NUMBER_FIELDS, "id"), _VALUES, _EQUALITY),
            _Shape("{f} {op} {c}", _MEMBER_FIELDS, _VALUES, _IDENTITY + _ORDERING),
            _Shape("{f} {op} {s}", (*_MEMBER_FIELDS, "months", "id"), _VALUES, _MEMBERSHIP),
            _Shape("{c} {op} {f}", ("databases", "offense codes"), _VALUES, _MEMBERSHIP),
            _Shape("{f} {op} {f}", (*_MEMBER_FIELDS, "id"), (), _EQUALITY),
        ]
    ),
    "the truth of strings, sets and numbers": _leaf(
        [
            _Shape("{f}", (*_TEXT_FIELDS, *_SET_FIELDS, *_NUMBER_FIELDS, "probe", "warrant")),
            _Shape("not {f}", (*_TEXT_FIELDS, *_SET_FIELDS, *_NUMBER_FIELDS, "analysis")),
            _Shape("({f} or {c}) {op} {c}", (*_TEXT_FIELDS, "months"), _TRUTHY, _EQUALITY),
            _Shape("({f} and {f}) {op} {c}", (*_NUMBER_FIELDS, "id"), _TRUTHY, _EQUALITY),
        ]
    ),
    "equality across types, and None": _leaf(
        [
            _Shape("{f} {op} {c}", tuple(_FIELDS), _CONSTANTS, _EQUALITY + _IDENTITY),
            _Shape("{f} {op} {c}", tuple(_FIELDS), _CONSTANTS, _ORDERING),
            _Shape("{f} {op} {f}", tuple(_FIELDS), (), _EQUALITY + _ORDERING),
            _Shape("{c} {op} {f}", _SET_FIELDS, _CONSTANTS, _MEMBERSHIP),
            _Shape("{f} {op} {s}", tuple(_FIELDS), _CONSTANTS, _MEMBERSHIP),
        ]
    ),
    "the model's checks: ids, times and place codes": _leaf(
        [
            _Shape("{f} {op} {c}", _TEXT_FIELDS, _STRINGS, _EQUALITY),
            _Shape("{f}.startswith({c})", _TEXT_FIELDS, _STRINGS),
            _Shape("not {f}", _TEXT_FIELDS),
            _Shape("{f} {op} {c}", _TIME_FIELDS, _TIMES_AT_EDGES, _EQUALITY + _ORDERING),
            _Shape("{f} + {c} {op} {f}", _TIME_FIELDS, _DURATIONS, _ORDERING + _EQUALITY),
            _Shape("{f} - {f} {op} {c}", _TIME_FIELDS, _DURATIONS, _ORDERING),
        ]
    ),
}
"""Generators of leaves at the edge of the analysed subset, by the edge they stand at."""


def _edge_request(changes: dict[str, object]) -> SearchRequest | None:
    """A request in scope with the given fields set, or None if the model refuses it."""
    police = Agency(id="MSP", name="State Police", kind=AgencyKind.STATE_POLICE, home="US-MA")
    request = SearchRequest(
        id="R-1",
        requesting_agency=police,
        performing_agency=police,
        purpose=Purpose.CRIMINAL_INVESTIGATION,
        probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        technology=Technology(name="System", approved=True),
        submitted_at=_AT,
        performed_at=_AT + timedelta(hours=1),
        offense=Offense(
            code="265-17", title="Armed robbery", citation="c.265 §17", penalty=Penalty()
        ),
        warrant=Warrant(
            case_number="C-1", court=CourtKind.SUPERIOR_COURT, judge="J. Doe", issued_at=_AT
        ),
    )
    try:
        for key, value in changes.items():
            if key == "time":
                continue  # the time of evaluation is the request's own
            path = _FIELDS[key][0].removeprefix("r.").split(".")
            request = _evolved(request, path, value)
    except (TypeError, ValueError):
        return None
    return request


def _evolved(obj: typing.Any, path: list[str], value: object) -> typing.Any:
    head, *rest = path
    if not rest:
        return attrs.evolve(obj, **{head: value})
    return attrs.evolve(obj, **{head: _evolved(getattr(obj, head), rest, value)})


def check_edge(edge: Edge) -> bool | None:
    """Check that the analysis of a leaf never claims what the engine contradicts.

    A version permits a search exactly when the leaf holds, and declares that it never
    does. Its verification (whose own check runs the engine on the solver's boundary
    requests) must not fail; and on each request at the edge, the solver pinned to it
    agrees with the engine, and no proved claim is broken: the invariant, and that the
    leaf never raises.

    Returns:
        Whether the leaf is translated (not opaque); None if it is no leaf at all.

    Raises:
        AssertionError: a claim the engine contradicts, or an error of the analysis.
    """
    from frpolicy.analysis import (  # noqa: PLC0415 - the optional extra, asked for by the test
        ClaimKind,
        check_agreement,
        verify,
    )

    try:
        tested = leaf("tested", "the tested condition holds", edge.expression, **edge.names)
    except ValueError:
        return None  # not a leaf the engine accepts either
    version, never = _permitting(tested)
    result = verify(version)
    claims = {(c.kind, c.subject): c for c in result.claims}
    holds = claims[ClaimKind.INVARIANT, never.id]
    raises = claims.get((ClaimKind.NEVER_RAISES, "tested"))
    for changes in edge.changes:
        request = _edge_request(changes)
        if request is None:
            continue
        decision = version.evaluate(request)
        if holds.proved:
            broken = never.broken_by(request, decision)
            assert broken is None, f"proved, yet the engine breaks it: {broken} on {request}"
        if raises is not None and raises.proved:
            verdict = tested.evaluate(request, decision.at)
            assert verdict.value is not None, f"proved never to raise, yet {verdict.error}"
        check_agreement(version, request)
    return (ClaimKind.ANALYSABLE, "tested") not in claims


_SCOPE = leaf("every_request", "every request", "True")


def _permitting(tested: Leaf) -> tuple[Version, Invariant]:
    """A version whose one permission is the tested leaf, and an invariant that it never holds."""
    bill = jurisdiction("US-MA").version("H.1728")
    rule = attrs.evolve(bill.policy.rules[1], id="XX-TESTED", effect=Effect.PERMIT, when=tested)
    policy = attrs.evolve(bill.policy, scope=_SCOPE, rules=(rule,), duties=(), variants=())
    never = Invariant(id="never-tested", statement="No search is permitted.", holds=~tested)
    return attrs.evolve(bill, build=None, policy=policy, invariants=(never,)), never
