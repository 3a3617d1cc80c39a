from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import frpolicy
from frpolicy import (
    CaseRecord,
    InputError,
    Outcome,
    SearchRecord,
    SearchRequest,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)

SAMPLE = Path(__file__).parent.parent / "src" / "frpolicy" / "examples" / "request.json"


def sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


def errors_of(data: object) -> tuple[str, ...]:
    with pytest.raises(InputError) as caught:
        from_dict(data, SearchRequest)
    return caught.value.errors


def test_the_sample_request_round_trips_and_is_permitted_under_the_bill() -> None:
    request = from_json(SAMPLE.read_text(encoding="utf-8"), SearchRequest)
    assert from_json(to_json(request), SearchRequest) == request
    assert to_dict(request)["databases"] == ["motor_vehicle_records"]
    bill = frpolicy.jurisdiction("US-MA").version("H.1728")
    assert bill.decide(request) is Outcome.PERMITTED


def test_datetimes_are_written_in_iso_8601_with_their_offset() -> None:
    request = from_json(SAMPLE.read_text(encoding="utf-8"), SearchRequest)
    assert to_dict(request)["submitted_at"] == "2024-11-04T09:00:00-05:00"


def test_a_naive_datetime_is_an_error_at_its_path() -> None:
    data = sample()
    data["warrant"]["expires_at"] = "2024-03-10T10:00:00"
    assert errors_of(data) == ("$.warrant.expires_at: naive datetime, give a timezone",)


def test_an_unknown_enumeration_value_is_an_error_that_lists_the_known_ones() -> None:
    data = sample()
    data["probe"]["kind"] = "hologram"
    (error,) = errors_of(data)
    assert error.startswith("$.probe.kind: unknown value 'hologram'; expected one of ")
    assert "'still_image'" in error


def test_an_unknown_key_is_an_error_at_its_path() -> None:
    data = sample()
    data["warrant"]["signed_in_blood"] = True
    assert errors_of(data) == ("$.warrant.signed_in_blood: unknown field",)


def test_a_value_of_the_wrong_type_is_an_error_never_coerced() -> None:
    data = sample()
    data["written_request"] = "yes"
    data["id"] = 117
    assert set(errors_of(data)) == {
        "$.written_request: expected a boolean, got string",
        "$.id: expected a string, got integer",
    }


def test_a_missing_field_is_an_error_at_its_path() -> None:
    data = sample()
    del data["technology"]
    assert errors_of(data) == ("$.technology: required field missing",)


def test_a_warrant_expiring_before_it_was_issued_is_an_error_at_the_expiry() -> None:
    data = sample()
    data["warrant"]["expires_at"] = "2024-03-01T00:00:00-05:00"
    (error,) = errors_of(data)
    assert error.startswith("$.warrant.expires_at: 2024-03-01T00:00:00-05:00 is before issued_at")


def test_every_error_in_a_document_is_reported_at_once() -> None:
    data = sample()
    data["purpose"] = "curiosity"
    data["databases"] = ["fbi", "the internet"]
    data["probe"]["altered"] = 1
    assert len(errors_of(data)) == 3


def test_text_that_is_not_json_or_not_an_object_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"\$: not valid JSON"):
        from_json("{", SearchRequest)
    with pytest.raises(InputError, match=r"\$: expected an object, got array"):
        from_json("[]", SearchRequest)
    with pytest.raises(InputError, match=r"\$.warrant: expected an object, got string"):
        from_dict(sample() | {"warrant": "yes"}, SearchRequest)


@pytest.mark.parametrize("cls", [SearchRequest, SearchRecord, CaseRecord])
def test_the_json_schema_requires_what_the_converter_requires(cls: type) -> None:
    schema = json_schema(cls)
    assert schema["$ref"] == f"#/$defs/{cls.__name__}"
    definition = schema["$defs"][cls.__name__]
    assert definition["additionalProperties"] is False
    for name, spec in schema["$defs"].items():
        for field in spec.get("required", ()):  # an object's; Name is a string's
            assert field in spec["properties"], name


def test_the_json_schema_describes_the_sample_request() -> None:
    schema = json_schema(SearchRequest)
    request_schema = schema["$defs"]["SearchRequest"]
    data = sample()
    assert set(request_schema["required"]) <= set(data)
    assert set(data) <= set(request_schema["properties"])
    submitted_at = request_schema["properties"]["submitted_at"]
    assert submitted_at["format"] == "date-time"
    assert re.search(submitted_at["pattern"], data["submitted_at"])
    assert not re.search(submitted_at["pattern"], data["submitted_at"] + "\n")


# -- hostile input: each class is refused with one line, never a crash (issue 13) ------------

GOOD = SAMPLE.read_text(encoding="utf-8")


def text_errors(text: str | bytes, cls: type = SearchRequest) -> tuple[str, ...]:
    with pytest.raises(InputError) as caught:
        from_json(text, cls)
    return caught.value.errors


@pytest.mark.parametrize("depth", [65, 1_000, 100_000])
def test_nesting_deeper_than_64_is_an_input_error_however_deep(depth: int) -> None:
    deep = ("$: nested deeper than 64 arrays and objects",)
    assert text_errors("[" * depth + "]" * depth) == deep
    assert text_errors('{"a":' * depth + "1" + "}" * depth) == deep
    assert text_errors("[" * depth) == deep
    assert text_errors(GOOD.replace('"databases": [', '"databases": ' + "[" * depth, 1)) == deep


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    request = from_json(json.dumps(sample() | {"id": '["\\[{' * 100}), SearchRequest)
    assert request.id.startswith('["\\[{')


@pytest.mark.parametrize("digits", [17, 4_300, 4_301, 100_000])
def test_an_integer_beyond_2_to_the_53_is_an_input_error_however_long(digits: int) -> None:
    line = json.dumps({"request": sample(), "candidates_returned": 1})
    (error,) = text_errors(line.replace(": 1}", f": {'9' * digits}}}"), SearchRecord)
    assert error.startswith("$.candidates_returned: integer out of range")
    (error,) = text_errors(json.dumps(sample()).replace('"MSP-2024-0117"', "-" + "9" * digits))
    assert error.startswith("$.id: ")


def test_bytes_that_are_not_utf_8_are_an_input_error_with_their_offset() -> None:
    good = GOOD.encode()
    for bad in (b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x82"):
        (error,) = text_errors(good.replace(b"Acme", b"Ac" + bad + b"me"))
        assert error.startswith("$: not valid UTF-8: ")
        assert f"at offset {good.index(b'Acme') + 2}" in error
    assert text_errors(GOOD.encode("utf-16"))[0].startswith("$: not valid UTF-8")


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(text: str) -> None:
    assert text_errors(f'{{"id": {text}}}') == (f"$: not valid JSON: {text} is not a JSON value",)


def test_a_byte_order_mark_is_not_part_of_a_json_text() -> None:
    assert text_errors("\ufeff" + GOOD)[0].startswith("$: not valid JSON: the text begins with")
    assert text_errors(b"\xef\xbb\xbf" + GOOD.encode())[0].startswith("$: not valid JSON")


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b", "\\udc00\\ud800"])
def test_a_lone_surrogate_is_an_input_error_at_its_path(escape: str) -> None:
    text = GOOD.replace('"Acme"', f'"{escape}"')
    (error,) = text_errors(text)
    assert error.startswith("$.technology.vendor: not Unicode text: a lone surrogate U+D")
    assert text_errors(GOOD.replace("MSP-2024-0117", "\ud800")) == (
        "$.id: not Unicode text: a lone surrogate U+D800 at character 1",
    )


def test_a_surrogate_pair_is_one_character_and_welcome() -> None:
    request = from_json(GOOD.replace('"Acme"', '"\\ud83d\\ude00"'), SearchRequest)
    assert request.technology.vendor == "\U0001f600"


@pytest.mark.parametrize(
    ("repeated", "path"),
    [
        ('"written_request": true, "written_request": false', "$.written_request"),
        ('"written_request": false, "written_request": true', "$.written_request"),
        ('"approved": true, "approved": true', "$.technology.approved"),
        ('"warrant": null, "warrant": null', "$.warrant"),
        ('"extra": {"a b": 1, "a b": 2}', '$.extra["a b"]'),
    ],
)
def test_a_repeated_key_is_an_input_error_at_its_path(repeated: str, path: str) -> None:
    if path == "$.technology.approved":
        text = GOOD.replace('"approved": true', repeated, 1)
    else:
        text = GOOD.rstrip()[:-1] + ", " + repeated + "}"
    assert text_errors(text) == (f"{path}: duplicate key",)


def test_a_warrant_followed_by_a_null_warrant_is_refused_not_read_as_either() -> None:
    text = GOOD.replace('"probe":', '"warrant": null, "probe":', 1)
    assert text_errors(text) == ("$.warrant: duplicate key",)


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-04T09:00:00-05:00",
        "2024-03-04T14:00:00Z",
        "2024-03-04t14:00:00z",
        "2024-03-04T14:00:00.5Z",
        "2024-03-04T14:00:00.123456789+00:00",
        "2024-03-04T14:00:00-00:00",
    ],
)
def test_an_rfc_3339_date_time_is_accepted(value: str) -> None:
    at = from_dict(value, datetime)
    assert at.utcoffset() is not None
    assert at.replace(microsecond=0) == datetime(2024, 3, 4, 14, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-04 14:00:00Z",
        "2024-03-04T14:00Z",
        "2024-W10-1T14:00:00Z",
        "2024-064T14:00:00Z",
        "20240304T140000Z",
        "2024-03-04T14:00:00+0000",
        "2024-03-04T14:00:00+00",
        "2024-03-04T14:00:00,5Z",
        "2024-03-04T14:00:00Z ",
        "\uff12024-03-04T14:00:00Z",
        "2024-03-04",
    ],
)
def test_a_date_time_outside_rfc_3339_is_an_input_error(value: str) -> None:
    with pytest.raises(InputError, match=r"^\$: not an RFC 3339 date-time: "):
        from_dict(value, datetime)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30T14:00:00Z", "not a valid date-time: day is out of range for month"),
        ("2024-03-04T24:00:00Z", "not a valid date-time: hour must be in 0..23"),
        ("2016-12-31T23:59:60Z", "a leap second cannot be represented"),
        ("2024-03-04T14:00:00+24:00", "offset out of range"),
        ("0000-01-01T00:00:00Z", "not a valid date-time: year 0 is out of range"),
    ],
)
def test_a_date_time_of_rfc_3339_form_that_names_no_moment_is_an_input_error(
    value: str, message: str
) -> None:
    with pytest.raises(InputError, match=rf"^\$: {message}"):
        from_dict(value, datetime)


def test_a_date_is_accepted_only_in_rfc_3339_form() -> None:
    assert from_dict("2024-03-04", date) == date(2024, 3, 4)
    for value in ("20240304", "2024-W10-1", "2024-064", "2024-3-4"):
        with pytest.raises(InputError, match=r"^\$: not an RFC 3339 date: "):
            from_dict(value, date)


def test_an_error_message_is_one_short_line_whatever_the_value() -> None:
    huge = GOOD.replace('"local_police"', json.dumps("x" * 1_000_000))
    (error,) = text_errors(huge)
    assert error.startswith("$.requesting_agency.kind: unknown value 'xxxx")
    assert "(cut; 1,000,000 characters in all)" in error
    assert len(error) < 400
    (error,) = text_errors(GOOD[:-2] + ', "line\\nbreak\\u001b[31m": 1}')
    assert error == '$["line\\nbreak\\u001b[31m"]: unknown field'
    assert error.isprintable()


def test_at_most_20_problems_of_a_document_are_listed_and_the_rest_counted() -> None:
    many = GOOD[:-2] + "".join(f', "k{i}": 1' for i in range(100_000)) + "}"
    errors = text_errors(many)
    assert len(errors) == 21
    assert errors[-1] == "$: and 99,980 more problems, not listed"


def test_the_json_schema_bounds_integers_as_the_converter_does() -> None:
    spec = json_schema(SearchRecord)["$defs"]["SearchRecord"]["properties"]
    assert spec["candidates_returned"] == {
        "type": "integer",
        "minimum": 0,  # a count: the model's own check
        "maximum": 2**53 - 1,
    }


def _refs(node: object) -> set[str]:
    """Every ``$ref`` in a JSON document."""
    if isinstance(node, dict):
        found = {node["$ref"]} if "$ref" in node else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


@pytest.mark.parametrize("cls", [SearchRequest, SearchRecord, CaseRecord, frpolicy.Decision])
def test_a_schema_embedded_in_an_openapi_document_refers_only_to_its_components(
    cls: type,
) -> None:
    schema = json_schema(cls, ref_template="#/components/schemas/{name}")
    components = schema.pop("$defs")
    openapi = {"openapi": "3.1.0", "components": {"schemas": components}}
    refs = _refs(openapi) | _refs(schema)
    assert refs
    assert {ref.removeprefix("#/components/schemas/") for ref in refs} <= set(components)


def test_a_request_validates_against_its_schema_read_from_the_components_of_a_document() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema(SearchRequest, ref_template="#/components/schemas/{name}")
    document = {"components": {"schemas": schema.pop("$defs")}, "$ref": schema["$ref"]}
    jsonschema.Draft202012Validator(document).validate(json.loads(SAMPLE.read_text("utf-8")))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(document).validate({"id": "S-1"})


def test_a_reference_template_without_a_place_for_the_name_is_refused() -> None:
    with pytest.raises(ValueError, match=r"ref_template: '#/components/schemas/' has no \{name\}"):
        json_schema(SearchRequest, ref_template="#/components/schemas/")


# -- the schema and the decoder agree ---------------------------------------------------------


def _record(**changes: Any) -> dict[str, Any]:
    """The sample request in a search record, with changes at dotted paths."""
    record: dict[str, Any] = {"request": sample(), "candidates_returned": 2}
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = record
        for key in parents:
            target = target[key]
        target[last] = value
    return record


@pytest.mark.parametrize(
    ("changes", "accepted"),
    [
        ({"request__id": ""}, False),
        ({"request__id": "   "}, False),
        ({"request__id": "\u200b\u3164"}, False),
        ({"request__id": "x" * 1001}, False),
        ({"request__id": "x" * 1000}, True),
        ({"request__id": "\u3164\u0416"}, True),
        ({"candidates_returned": -1}, False),
        ({"request__offense__penalty__max_term_months": -3}, False),
        ({"candidates_returned": 1.0}, True),
        ({"candidates_returned": 1e2}, True),
        ({"candidates_returned": 1.5}, False),
        ({"request__databases": ["fbi", "fbi"]}, True),
        ({"request__requesting_agency__home": "US-MA"}, True),
        ({"request__requesting_agency__home": "US-MI-DET"}, True),
        ({"request__requesting_agency__home": "us-ma"}, False),
        ({"request__requesting_agency__home": "US-MA\n"}, False),
        ({"request__technology__tested_accuracy": 10_000}, True),
        ({"request__technology__tested_accuracy": 10_001}, False),
        ({"request__submitted_at": "2024-11-04T09:00:60-05:00"}, False),
        ({"request__submitted_at": "2024-11-04T24:00:00-05:00"}, False),
    ],
    ids=repr,
)
def test_the_schema_and_the_decoder_agree_at_the_edge_of_each_rule(
    changes: dict[str, Any], *, accepted: bool
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = _record(**changes)
    validator = jsonschema.Draft202012Validator(json_schema(SearchRecord))
    assert validator.is_valid(document) is accepted
    if accepted:
        from_json(json.dumps(document), SearchRecord)
    else:
        with pytest.raises(InputError):
            from_json(json.dumps(document), SearchRecord)


def test_a_number_that_equals_an_integer_is_that_integer_read_exactly() -> None:
    request = SAMPLE.read_text(encoding="utf-8")

    def record(count: str) -> str:
        return f'{{"request": {request}, "candidates_returned": {count}}}'

    read = from_json(record("3.0e0"), SearchRecord)
    assert read.candidates_returned == 3
    assert type(read.candidates_returned) is int
    # 2^53 - 1 and a half is no integer, though a float would round it to one
    with pytest.raises(InputError, match=r"candidates_returned: expected an integer, got number"):
        from_json(record("9007199254740990.5"), SearchRecord)
    with pytest.raises(InputError, match=r"integer out of range: .* got one of 301 digits"):
        from_json(record("1e300"), SearchRecord)
