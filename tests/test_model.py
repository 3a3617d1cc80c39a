from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from frpolicy import (
    Agency,
    AgencyKind,
    CaseRecord,
    Classification,
    Confinement,
    CourtKind,
    Emergency,
    Gender,
    Harm,
    ImageSource,
    InputError,
    MediaKind,
    Notice,
    Offense,
    Penalty,
    ProbeImage,
    ProtectedGround,
    Purpose,
    Race,
    SearchRecord,
    SearchRequest,
    Suspicion,
    SwornStatement,
    Technology,
    Training,
    Warrant,
    from_json,
    model,
    to_dict,
    to_json,
)
from frpolicy.jurisdictions.us_ma.offenses import classify
from frpolicy.jurisdictions.us_md.offenses import OFFENSES as MARYLAND_OFFENSES

NOON = datetime(2024, 5, 1, 12, tzinfo=UTC)
MSP = Agency(id="msp", name="State Police", kind=AgencyKind.STATE_POLICE)
BPD = Agency(id="bpd", name="Boston Police", kind=AgencyKind.LOCAL_POLICE)


def search(**changes: object) -> SearchRequest:
    fields: dict[str, object] = {
        "id": "R-1",
        "requesting_agency": BPD,
        "performing_agency": MSP,
        "purpose": Purpose.CRIMINAL_INVESTIGATION,
        "probe": ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.WITNESS),
        "technology": Technology(name="FaceMatch"),
        "submitted_at": NOON,
    }
    return SearchRequest(**(fields | changes))  # type: ignore[arg-type]


def test_a_naive_timestamp_is_refused_with_a_message_that_says_so() -> None:
    with pytest.raises(ValueError, match=r"submitted_at: naive datetime, give a timezone"):
        search(submitted_at=datetime(2024, 5, 1, 12))  # noqa: DTZ001 - the point


def test_a_warrant_that_expires_before_it_is_issued_is_refused() -> None:
    with pytest.raises(ValueError, match=r"expires_at: .* is before issued_at"):
        Warrant(
            case_number="1",
            court=CourtKind.SUPERIOR_COURT,
            judge="J",
            issued_at=NOON,
            expires_at=NOON - timedelta(seconds=1),
        )


def test_an_empty_identifier_is_refused() -> None:
    with pytest.raises(ValueError, match=r"id: must not be empty"):
        search(id="  ")


def test_a_search_cannot_be_performed_before_it_is_requested() -> None:
    with pytest.raises(ValueError, match=r"performed_at: .* is before submitted_at"):
        search(performed_at=NOON - timedelta(minutes=1))


def test_a_sworn_statement_cannot_be_filed_before_the_emergency_is_declared() -> None:
    statement = SwornStatement(
        filed_at=NOON - timedelta(hours=1),
        filed_by="MSP-1",
        supervisory=True,
        court=CourtKind.SUPERIOR_COURT,
    )
    with pytest.raises(ValueError, match=r"sworn_statement.filed_at"):
        Emergency(
            harm=Harm.DEATH,
            immediate=True,
            declared_by="MSP-2",
            declared_at=NOON,
            sworn_statement=statement,
        )


def test_a_case_holds_only_notices_of_its_own_search_and_court_dates_in_order() -> None:
    with pytest.raises(ValueError, match=r"a notice for search 'S-2'"):
        CaseRecord(
            id="C-1",
            defendant="D",
            search_id="S-1",
            notices=(Notice(search_id="S-2", served_at=NOON),),
        )
    with pytest.raises(ValueError, match=r"pretrial_conference_at: .* is before arraignment_at"):
        CaseRecord(
            id="C-1",
            defendant="D",
            search_id="S-1",
            arraignment_at=NOON,
            pretrial_conference_at=NOON - timedelta(days=1),
        )


def test_training_cannot_lapse_before_it_is_completed() -> None:
    with pytest.raises(ValueError, match=r"expires_on"):
        Training(course="FR", completed_on=date(2024, 1, 2), expires_on=date(2024, 1, 1))


def test_a_search_for_another_agency_is_performed_on_its_behalf() -> None:
    assert search().on_behalf_of_another_agency
    assert not search(requesting_agency=MSP).on_behalf_of_another_agency


def test_domain_objects_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        search().id = "other"  # type: ignore[misc]


def test_a_search_record_holds_the_race_and_gender_of_the_person_searched_or_none() -> None:
    record = SearchRecord(
        request=search(), subject_race=Race.HISPANIC_OR_LATINO, subject_gender=Gender.NONBINARY
    )
    assert record.subject_race.label == "Hispanic or Latino"  # type: ignore[union-attr]
    assert record.subject_gender.label == "non-binary"  # type: ignore[union-attr]
    assert SearchRecord(request=search()).subject_race is None


def test_a_race_or_gender_outside_the_categories_is_refused() -> None:
    with pytest.raises(TypeError, match="subject_race"):
        SearchRecord(request=search(), subject_race="white")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"\$\.subject_gender: unknown value 'x'"):
        from_json('{"request": ' + to_json(search()) + ', "subject_gender": "x"}', SearchRecord)


# -- the open model: facts many laws ask, with safe defaults ----------------------------------


def test_a_request_written_before_the_open_model_reads_each_new_fact_at_its_safe_default() -> None:
    old = to_dict(search())
    for field in ("suspicion", "protected_grounds", "ongoing_surveillance"):
        del old[field]
    for field in ("protected_activity", "bystander"):
        del old["probe"][field]
    request = from_json(json.dumps(old), SearchRequest)
    assert request.suspicion is Suspicion.NONE
    assert request.protected_grounds == frozenset()
    assert not request.ongoing_surveillance
    assert not request.probe.protected_activity
    assert not request.probe.bystander


def test_a_request_states_no_case_number_or_narrative_unless_it_gives_a_visible_one() -> None:
    old = to_dict(search())
    for field in ("case_number", "factual_narrative"):
        del old[field]
    request = from_json(json.dumps(old), SearchRequest)
    assert request.case_number is None
    assert request.factual_narrative is None
    stated = search(case_number="SL2024-118233", factual_narrative="Seen at the scene.")
    assert from_json(to_json(stated), SearchRequest) == stated
    with pytest.raises(ValueError, match="case_number: must not be empty"):
        search(case_number="  ")
    old["factual_narrative"] = 7
    with pytest.raises(InputError, match=r"\$\.factual_narrative: expected a string"):
        from_json(json.dumps(old), SearchRequest)


def test_a_request_is_continuous_surveillance_only_when_it_says_so_and_old_documents_are_not() -> (
    None
):
    old = to_dict(search())
    del old["continuous_surveillance"]
    assert not from_json(json.dumps(old), SearchRequest).continuous_surveillance
    watching = search(continuous_surveillance=True)
    assert from_json(to_json(watching), SearchRequest) == watching
    assert not watching.ongoing_surveillance  # watching for a list is not following one person
    old["continuous_surveillance"] = "yes"
    with pytest.raises(InputError, match=r"\$\.continuous_surveillance: expected a boolean"):
        from_json(json.dumps(old), SearchRequest)


def test_a_search_can_be_based_on_gender_expression_as_colorado_names_it() -> None:
    request = search(protected_grounds=frozenset({ProtectedGround.GENDER_EXPRESSION}))
    assert from_json(to_json(request), SearchRequest) == request
    assert to_dict(request)["protected_grounds"] == ["gender_expression"]


def test_an_agency_written_before_homes_were_stated_reads_with_no_home() -> None:
    old = to_dict(search())
    del old["requesting_agency"]["home"]
    request = from_json(json.dumps(old), SearchRequest)
    assert request.requesting_agency.home is None


@pytest.mark.parametrize("home", ["US", "US-MA", "DE-BE", "US-MI-DET", "GB-ENG"])
def test_an_agency_belongs_to_a_country_a_subdivision_or_a_locality_within_one(home: str) -> None:
    assert Agency(id="A", name="Agency", kind=AgencyKind.LOCAL_POLICE, home=home).home == home


@pytest.mark.parametrize("home", ["", "us-ma", "US_MA", "USA", "US-", "US-MASS", "US-MI-DET-X"])
def test_a_home_that_is_not_a_place_code_is_refused(home: str) -> None:
    with pytest.raises(ValueError, match="is not a place code"):
        Agency(id="A", name="Agency", kind=AgencyKind.LOCAL_POLICE, home=home)


def test_an_offense_may_come_without_a_classification_each_law_gives_its_own() -> None:
    assert offense(classification=None).classification is None


def test_an_offense_names_the_place_whose_law_defines_it_by_a_place_code() -> None:
    assert offense().place is None  # each law takes it as its own, as before
    assert offense(place="US").place == "US"
    with pytest.raises(ValueError, match="place: 'federal' is not a place code"):
        offense(place="federal")
    assert from_json(to_json(offense(place="US-NH")), Offense).place == "US-NH"


def test_a_penalty_is_its_longest_term_and_states_a_place_only_where_a_law_asks() -> None:
    ten_years = Penalty(max_term_months=120)
    assert ten_years.confinement is None
    # Massachusetts draws its felony line at the state prison: ten years can be served
    # nowhere else (a house of correction holds 2½ years at most, G.L. c.279 §23)
    assert classify(ten_years) is Classification.FELONY
    in_state_prison = Penalty(confinement=Confinement.STATE_PRISON, max_term_months=12)
    assert classify(in_state_prison) is Classification.FELONY
    # a short term needs its place: without one it is no state-prison penalty
    assert classify(Penalty(max_term_months=12)) is Classification.MISDEMEANOR


def test_an_offense_names_the_lists_of_offenses_it_is_on_by_their_ids() -> None:
    stalking = next(o for o in MARYLAND_OFFENSES if o.code == "CR-3-802")
    assert stalking.listed_in == frozenset({"US-MD:stalking"})


# -- types, visible identifiers, the calendar (issue 13) ---------------------------------------

PENALTY = Penalty(confinement=Confinement.STATE_PRISON)


def build(cls: Callable[..., object], **fields: Any) -> object:
    """Call a constructor with fields its annotations forbid: what the type checks are for."""
    return cls(**fields)


def offense(**changes: Any) -> Offense:
    fields: dict[str, Any] = {
        "code": "265-17",
        "title": "Armed robbery",
        "citation": "G.L. c.265 §17",
        "classification": Classification.FELONY,
        "penalty": PENALTY,
    }
    return Offense(**(fields | changes))


@pytest.mark.parametrize(
    ("construct", "message"),
    [
        (
            lambda: build(Technology, name="FaceMatch", approved="false"),
            "approved: expected a boolean",
        ),
        (
            lambda: build(Technology, name="FaceMatch", approved=1),
            "approved: expected a boolean, got int",
        ),
        (lambda: build(Technology, name=5), "name: expected a string, got int"),
        (lambda: offense(penalty=None), "penalty: expected a Penalty, got None"),
        (lambda: offense(classification="felony"), "classification: expected a Classification"),
        (lambda: Penalty(confinement=Confinement.NONE, max_term_months=True), "max_term_months"),
        (
            lambda: build(Penalty, confinement=Confinement.NONE, max_term_months="12"),
            "max_term_months",
        ),
        (lambda: search(submitted_at="2024-05-01T12:00:00Z"), "submitted_at: expected a datetime"),
        (lambda: search(databases=["fbi"]), "databases: expected a frozenset of Database"),
        (lambda: search(databases=frozenset({"fbi"})), "got frozenset of str"),
        (lambda: search(warrant="yes"), "warrant: expected a Warrant or None, got str"),
        (lambda: search(written_request="true"), "written_request: expected a boolean"),
        (lambda: search(offense=MSP), "offense: expected an Offense or None, got Agency"),
        (lambda: Training(course="FR", completed_on=NOON), "completed_on: expected a date"),
        (
            lambda: build(Notice, search_id="S", served_at=NOON, disclosures={"system"}),
            "disclosures",
        ),
    ],
)
def test_a_field_of_the_wrong_type_is_refused_at_construction(
    construct: Callable[[], object], message: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        construct()


def test_a_technology_approved_as_the_string_false_is_never_approved_technology() -> None:
    with pytest.raises(TypeError, match="approved"):
        search(technology=build(Technology, name="FaceMatch", approved="false"))


def test_an_offense_without_a_penalty_is_not_an_offense() -> None:
    with pytest.raises(TypeError, match=r"penalty: expected a Penalty, got None"):
        offense(penalty=None)
    assert offense().penalty is PENALTY


@pytest.mark.parametrize(
    "invisible",
    [
        "\x00",
        "\x00\x00",
        "\u200b",
        "\u200b\u200c\u200d",
        "\ufeff",
        "\u202e",
        "\u00ad",
        "\u3164",
        "\u115f",
        "\u2800",
        "\u0301",
        "\u2028",
        "\u00a0",
        "\ue000",
        "\x1b",
    ],
)
def test_an_identifier_of_only_invisible_characters_is_refused(invisible: str) -> None:
    with pytest.raises(ValueError, match=r"^id: (has no visible character|must not be empty)"):
        search(id=invisible)


@pytest.mark.parametrize("visible", ["A", "é", "中", "-", "0", "\U0001f600", "\x1bA"])
def test_an_identifier_with_a_visible_character_is_accepted(visible: str) -> None:
    assert search(id=visible).id == visible


def test_an_identifier_of_more_than_1000_characters_is_refused() -> None:
    assert search(id="R" * 1000).id == "R" * 1000
    with pytest.raises(ValueError, match=r"^id: at most 1,000 characters, got 1,001"):
        search(id="R" * 1001)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(1, 1, 1, 20, tzinfo=timezone(timedelta(hours=5))),
        datetime(9999, 12, 31, tzinfo=UTC),
        datetime(9999, 12, 30, 23, tzinfo=timezone(timedelta(hours=-5))),
    ],
)
def test_a_moment_within_a_day_of_the_calendars_ends_is_refused(moment: datetime) -> None:
    with pytest.raises(ValueError, match=r"submitted_at: .* is outside the calendar"):
        search(submitted_at=moment)


def test_the_calendar_runs_from_the_second_day_of_year_1_to_the_eve_of_its_last() -> None:
    first = datetime(1, 1, 2, tzinfo=UTC)
    last = datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=UTC)
    assert search(submitted_at=first, performed_at=last).performed_at == last


def test_every_model_class_checks_the_types_of_its_fields() -> None:
    # the @_typed decorator below @attrs.frozen: a class without it would check nothing;
    # its check is compiled when the class's first object is made, and replaces `first`
    checked = {"_typed.<locals>.first", "check_types", "_typed.<locals>.first.<locals>.final"}
    for name in model.__all__:
        cls = getattr(model, name)
        if attrs.has(cls):
            post_init = getattr(cls, "__attrs_post_init__", None)
            assert getattr(post_init, "__qualname__", None) in checked, name


def test_a_request_states_no_authorization_public_place_or_mobile_use_unless_it_says_so() -> None:
    request = search()
    assert request.authorization is None
    assert request.publicly_accessible is None
    assert request.mobile is False
    assert request.technology.impact_assessed_at is None
    assert request.technology.registered_at is None
    old = json.loads(to_json(request))
    for field in ("authorization", "publicly_accessible", "mobile"):
        del old[field]
    assert from_json(json.dumps(old), SearchRequest) == request


def test_an_authorization_is_not_decided_before_it_is_asked_nor_lapses_before_its_decision() -> (
    None
):
    with pytest.raises(ValueError, match=r"decided_at: .* is before requested_at"):
        model.Authorization(
            authority=model.Authority.JUDICIAL,
            requested_at=NOON,
            decided_at=NOON - timedelta(minutes=1),
        )
    with pytest.raises(ValueError, match=r"expires_at: .* is before decided_at"):
        model.Authorization(
            authority=model.Authority.JUDICIAL,
            requested_at=NOON,
            decided_at=NOON,
            expires_at=NOON - timedelta(minutes=1),
        )
    pending = model.Authorization(authority=model.Authority.ADMINISTRATIVE, requested_at=NOON)
    assert (pending.decided_at, pending.granted) == (None, False)
    assert model.Authority.INDEPENDENT_ADMINISTRATIVE.label == (
        "an independent administrative authority"
    )


def test_a_case_states_no_lineup_or_arrest_unless_it_says_so() -> None:
    case = CaseRecord(id="C-1", defendant="A. Doe", search_id="R-1")
    assert (case.lineup_at, case.arrested_at) == (None, None)
    record = SearchRecord(request=search())
    assert (record.stopped_at, record.deleted_at, record.notified_at) == (None, None, None)


def test_a_time_given_in_a_zone_is_kept_as_the_instant_it_names_also_in_a_repeated_hour() -> None:
    new_york = ZoneInfo("America/New_York")
    before = datetime(2024, 11, 3, 1, 30, fold=0, tzinfo=new_york)  # 05:30 UTC
    after = datetime(2024, 11, 3, 1, 10, fold=1, tzinfo=new_york)  # 06:10 UTC, clocks back
    warrant = Warrant(
        case_number="W-1",
        court=CourtKind.SUPERIOR_COURT,
        judge="J. Doe",
        issued_at=before,
        expires_at=after,
    )
    assert warrant.expires_at is not None
    assert warrant.issued_at < warrant.expires_at  # by wall clock, Python would say not
    assert warrant.issued_at.isoformat() == "2024-11-03T01:30:00-04:00"
    assert warrant.expires_at.isoformat() == "2024-11-03T01:10:00-05:00"
