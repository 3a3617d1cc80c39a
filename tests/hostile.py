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
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable

import pytest
from hypothesis import strategies as st

from frpolicy import InputError, SearchRecord, examples, from_json, serialization, to_json
from frpolicy.serialization import Decoder

__all__ = [
    "CLASSES",
    "DECODERS",
    "EDITS",
    "FIELDS",
    "MARK",
    "TAMPERING",
    "VALID_LINES",
    "check_answer",
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
