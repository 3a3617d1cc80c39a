"""The fast path reads exactly what the reference reads: the same objects, the same errors.

Differential tests: every document, valid or hostile, is given to
:class:`~frpolicy.serialization.Decoder`, to :func:`~frpolicy.serialization.from_json`
(which tries the fast path first) and to the reference, which parses the text with every
rule checked on the way and structures it with the converter; they must return equal
objects or raise equal errors.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import frpolicy
from frpolicy import CaseRecord, SearchRecord, from_json, serialization, to_dict
from frpolicy.serialization import Decoder
from frpolicy.strategies import case_records, search_records

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"


def _without_orjson(cls: type) -> Decoder[Any]:
    """A decoder on the standard library's parser, as without the ``fast`` extra."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialization, "_orjson", lambda: None)
        return Decoder(cls)


RECORDS = Decoder(SearchRecord)
CASES = Decoder(CaseRecord)
PLAIN_RECORDS = _without_orjson(SearchRecord)
PLAIN_CASES = _without_orjson(CaseRecord)


def _outcome(read: Callable[[str | bytes], object], text: str | bytes) -> tuple[str, object]:
    """What reading gives: the object, or the kind of error and what it says."""
    try:
        return "value", read(text)
    except frpolicy.InputError as error:
        return "input error", error.errors
    except Exception as error:  # noqa: BLE001 - whatever from_json raises, both must raise
        return type(error).__name__, str(error)


def _same(decoder: Decoder[Any], text: str | bytes) -> None:
    slow = _outcome(lambda t: serialization._read_strictly(t, decoder.cls), text)  # noqa: SLF001
    assert _outcome(decoder, text) == slow
    assert _outcome(lambda t: from_json(t, decoder.cls), text) == slow
    plain = PLAIN_RECORDS if decoder.cls is SearchRecord else PLAIN_CASES
    assert _outcome(plain, text) == slow


# -- documents as pairs, so that a key can be repeated ------------------------------------


class Pairs(list[tuple[str, Any]]):
    """A JSON object written as its pairs, in order, repeats allowed."""


def _pairs(value: object) -> object:
    if isinstance(value, dict):
        return Pairs((k, _pairs(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_pairs(v) for v in value]
    return value


def _text(value: object) -> str:
    if isinstance(value, Pairs):
        return "{" + ", ".join(f"{json.dumps(k)}: {_text(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _objects(value: object) -> list[Pairs]:
    """Every object in a document, outermost first."""
    found: list[Pairs] = []
    if isinstance(value, Pairs):
        found.append(value)
        for _, v in value:
            found.extend(_objects(v))
    elif isinstance(value, list):
        for v in value:
            found.extend(_objects(v))
    return found


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3).map(_pairs)
    ),
    max_leaves=8,
)
"""Any JSON value, to put where a valid one was."""


def _mutate(data: st.DataObject, document: Pairs) -> str:
    """The document's text after one change a hostile or careless writer might make."""
    target = data.draw(st.sampled_from(_objects(document)))
    kind = data.draw(
        st.sampled_from(["replace", "drop", "add", "repeat", "as-string", "escape", "number"])
    )
    if kind in {"replace", "drop", "repeat", "as-string", "number"} and target:
        index = data.draw(st.integers(0, len(target) - 1))
        key, value = target[index]
        if kind == "replace":
            target[index] = (key, data.draw(JSON_VALUES))
        elif kind == "drop":
            del target[index]
        elif kind == "repeat":
            target.insert(data.draw(st.integers(0, len(target))), (key, data.draw(JSON_VALUES)))
        elif kind == "as-string":
            target[index] = (key, _text(value))
        else:
            target[index] = (key, data.draw(st.sampled_from([2**63, -(2**64), 10**40, 1.0, 0.5])))
    elif kind == "add":
        target.append((data.draw(st.text(max_size=8)), data.draw(JSON_VALUES)))
    text = _text(document)
    if kind == "escape" and '"' in text:
        # one character written as a \u escape: a lone surrogate, a colon, a pair of
        # surrogates (one character), a section sign or a plain letter
        escape = data.draw(
            st.sampled_from(
                [
                    "\\ud800",
                    "\\uDBFF",
                    "\\u003a",
                    "\\u003A",
                    "\\u0041",
                    "\\u00a7",
                    "\\ud83d\\ude00",
                    "\\udfff\\ud800",
                ]
            )
        )
        quotes = [i for i, c in enumerate(text) if c == '"']
        at = data.draw(st.sampled_from(quotes)) + 1
        text = text[:at] + escape + text[at:]
    return text


# -- the tests -----------------------------------------------------------------------------


@given(search_records(), st.booleans())
def test_a_valid_record_is_read_as_from_json_reads_it(
    record: SearchRecord,
    as_bytes: bool,  # noqa: FBT001 - drawn by Hypothesis
) -> None:
    text = frpolicy.to_json(record)
    _same(RECORDS, text.encode() if as_bytes else text)
    assert RECORDS(text) == record


@given(search_records())
def test_a_valid_record_with_every_non_ascii_character_escaped_is_read_on_the_fast_path(
    record: SearchRecord,
) -> None:
    # as json.dumps writes by default, and many producers of logs: "\u00a7" for "§"
    text = json.dumps(to_dict(record))
    _same(RECORDS, text)
    before = RECORDS.fallbacks
    assert RECORDS(text) == record
    if not serialization._RISKY_ESCAPE.search(text):  # noqa: SLF001 - the rule under test
        assert RECORDS.fallbacks == before


@given(case_records())
def test_a_valid_case_is_read_as_from_json_reads_it(case: CaseRecord) -> None:
    _same(CASES, frpolicy.to_json(case))


@given(search_records(), st.data())
def test_a_changed_record_is_read_or_refused_as_from_json_reads_or_refuses_it(
    record: SearchRecord, data: st.DataObject
) -> None:
    text = _mutate(data, _pairs(to_dict(record)))  # type: ignore[arg-type]
    _same(RECORDS, text)
    _same(RECORDS, text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("duplicate key", '{"request": {}, "request": {}}'),
        ("escaped surrogate pair", '{"request": "\\ud83d\\ude00"}'),
        ("escaped high surrogate, upper case", '{"request": "\\uD83D"}'),
        ("lone surrogate", '{"request": "\\ud800"}'),
        ("raw surrogate", '{"request": "\ud800"}'),
        ("surrogate bytes", b'{"request": "\xed\xa0\x80"}'),
        ("huge integer", '{"candidates_returned": ' + "9" * 5000 + "}"),
        ("big integer", '{"candidates_returned": ' + "9" * 30 + "}"),
        ("integer past 2^53", '{"candidates_returned": 1152921504606846976}'),
        ("deep nesting", "[" * 100_000 + "]" * 100_000),
        ("nesting past the parser's limit", '{"request": ' + "[" * 2000 + "]" * 2000 + "}"),
        ("not a number", '{"candidates_returned": NaN}'),
        ("infinity", '{"candidates_returned": Infinity}'),
        ("byte order mark", "\ufeff{}"),
        ("byte order mark, as bytes", b"\xef\xbb\xbf{}"),
        ("invalid UTF-8", b'{"request": "\xff"}'),
        ("trailing garbage", "{} x"),
        ("empty", ""),
        ("not an object", "[]"),
        ("a boolean for an integer", '{"candidates_returned": true}'),
    ],
)
def test_hostile_input_gets_the_answer_from_json_gives(name: str, text: str | bytes) -> None:
    assert name
    _same(RECORDS, text)


@pytest.mark.parametrize("make", [Decoder, _without_orjson])
def test_every_line_of_the_sample_log_is_read_by_the_fast_path(
    make: Callable[[type], Decoder[Any]],
) -> None:
    decoder = make(SearchRecord)
    lines = (EXAMPLES / "ma_search_log.jsonl").read_bytes().splitlines()
    for line in lines:
        assert decoder(line) == from_json(line, SearchRecord)
    assert decoder.fallbacks == 0
    cases = make(CaseRecord)
    for line in (EXAMPLES / "ma_cases.jsonl").read_bytes().splitlines():
        assert cases(line) == from_json(line, CaseRecord)
    assert cases.fallbacks == 0


@pytest.mark.parametrize("escape", ["\\u003a", "\\u003A"])
def test_a_repeated_key_is_found_when_an_escaped_colon_makes_up_for_the_colon_it_drops(
    escape: str,
) -> None:
    line = (EXAMPLES / "ma_search_log.jsonl").read_text(encoding="utf-8").splitlines()[0]
    # the parser keeps one of the two keys, so its text has one colon fewer than this
    # line; the escaped colon gives one back
    text = line.replace('{"request"', '{"candidates_returned": 7, "request"', 1)
    text = text.replace("\u00a7", escape, 1)
    assert text.count(":") == line.count(":") + 1
    with pytest.raises(frpolicy.InputError, match="candidates_returned: duplicate key"):
        RECORDS(text)
    _same(RECORDS, text)


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\udc00\\ud83d"])
def test_an_escaped_lone_surrogate_in_a_valid_record_is_refused_by_every_parser(
    escape: str,
) -> None:
    line = (EXAMPLES / "ma_search_log.jsonl").read_text(encoding="utf-8").splitlines()[0]
    text = line.replace('"name": "', '"name": "' + escape, 1)
    with pytest.raises(frpolicy.InputError, match="lone surrogate"):
        from_json(text, SearchRecord)
    _same(RECORDS, text)


@pytest.mark.parametrize("make", [Decoder, _without_orjson])
def test_the_sample_log_written_with_escapes_is_read_by_the_fast_path(
    make: Callable[[type], Decoder[Any]],
) -> None:
    decoder = make(SearchRecord)
    lines = (EXAMPLES / "ma_search_log.jsonl").read_text(encoding="utf-8").splitlines()
    escaped = [json.dumps(json.loads(line)) for line in lines]  # "\u00a7" for every "§"
    assert sum("\\u00a7" in line for line in escaped) > len(lines) // 2
    for line in escaped:
        assert decoder(line) == from_json(line, SearchRecord)
    assert decoder.fallbacks == 0


def test_objects_that_repeat_from_line_to_line_are_built_once() -> None:
    decoder = Decoder(SearchRecord)
    first, second = (EXAMPLES / "ma_search_log.jsonl").read_bytes().splitlines()[:2]
    a, b = decoder(first), decoder(second)
    if to_dict(a.request.technology) == to_dict(b.request.technology):
        assert a.request.technology is b.request.technology
