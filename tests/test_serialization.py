from __future__ import annotations

import json
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

SAMPLE = Path(__file__).parent.parent / "examples" / "request.json"


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
        for field in spec["required"]:
            assert field in spec["properties"], name


def test_the_json_schema_describes_the_sample_request() -> None:
    schema = json_schema(SearchRequest)
    request_schema = schema["$defs"]["SearchRequest"]
    data = sample()
    assert set(request_schema["required"]) <= set(data)
    assert set(data) <= set(request_schema["properties"])
    assert request_schema["properties"]["submitted_at"] == {"type": "string", "format": "date-time"}
