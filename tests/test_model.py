from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

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
    Penalty,
    ProbeImage,
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


def test_a_penalty_is_its_longest_term_and_states_a_place_only_where_a_law_asks() -> None:
    ten_years = Penalty(max_term_months=120)
    assert ten_years.confinement is None
    # Massachusetts draws its felony line at the state prison, so it needs the place
    in_state_prison = Penalty(confinement=Confinement.STATE_PRISON, max_term_months=120)
    assert classify(in_state_prison) is Classification.FELONY
    assert classify(ten_years) is Classification.MISDEMEANOR


def test_an_offense_names_the_lists_of_offenses_it_is_on_by_their_ids() -> None:
    stalking = next(o for o in MARYLAND_OFFENSES if o.code == "CR-3-802")
    assert stalking.listed_in == frozenset({"US-MD:stalking"})
