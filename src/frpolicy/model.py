"""The domain of a police facial-recognition search, in the law's own words.

Every object here is a frozen :mod:`attrs` class: an offense and its penalty, the agencies
and officers involved, the authorizations a search may rest on (a :class:`Warrant`, a
:class:`CourtOrder`, an :class:`Emergency`), the :class:`ProbeImage` searched, the
:class:`SearchRequest` itself, what was done (:class:`SearchRecord`), and what follows in
court (:class:`Notice`, :class:`CaseRecord`).

The model knows nothing of any particular law: whether a search is permitted is decided by
a jurisdiction's policy, not here. What the model does enforce is that an object is
coherent on its own: every timestamp carries a timezone, identifiers are not empty, and a
warrant does not expire before it is issued. Invalid objects are refused at construction,
so no half-built object ever exists.

>>> from datetime import datetime, timezone
>>> Warrant(
...     case_number="2384CR0001",
...     court=CourtKind.SUPERIOR_COURT,
...     judge="J. Doe",
...     issued_at=datetime(2024, 3, 1, 12, tzinfo=timezone.utc),
...     expires_at=datetime(2024, 2, 1, tzinfo=timezone.utc),
...     offense_codes=frozenset({"265-17"}),
...     subject="unidentified person in the probe image",
...     authorizes_facial_recognition=True,
... )
Traceback (most recent call last):
...
ValueError: expires_at: 2024-02-01T00:00:00+00:00 is before issued_at 2024-03-01T12:00:00+00:00
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import attrs

__all__ = [
    "Agency",
    "AgencyKind",
    "Analysis",
    "CaseRecord",
    "Classification",
    "Confinement",
    "CourtKind",
    "CourtOrder",
    "Database",
    "Disclosure",
    "Emergency",
    "Event",
    "EventKind",
    "Gender",
    "Harm",
    "ImageSource",
    "MediaKind",
    "Notice",
    "Offense",
    "OffenseCategory",
    "Officer",
    "Penalty",
    "ProbeImage",
    "Purpose",
    "Race",
    "SearchRecord",
    "SearchRequest",
    "SwornStatement",
    "Technology",
    "Training",
    "Warrant",
]


# -- validators -----------------------------------------------------------------------------


def _non_empty(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name}: must not be empty"
        raise ValueError(msg)


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        msg = f"{attribute.name}: naive datetime, give a timezone"
        raise ValueError(msg)


def _not_negative(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        msg = f"{attribute.name}: must not be negative, got {value}"
        raise ValueError(msg)


def _not_before(earlier: str, later: str, instance: object) -> None:
    start = getattr(instance, earlier)
    end = getattr(instance, later)
    if start is not None and end is not None and end < start:
        msg = f"{later}: {end.isoformat()} is before {earlier} {start.isoformat()}"
        raise ValueError(msg)


# -- enumerations ---------------------------------------------------------------------------


class Classification(enum.Enum):
    """How a jurisdiction classes an offense."""

    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    OTHER = "other"


class Confinement(enum.Enum):
    """The place of confinement a penalty allows; Massachusetts keys its felony line on it."""

    STATE_PRISON = "state_prison"
    HOUSE_OF_CORRECTION = "house_of_correction"
    NONE = "none"


class OffenseCategory(enum.Enum):
    """Broad categories of offense, as statutes that list serious crimes group them."""

    VIOLENT = "violent"
    SEXUAL = "sexual"
    TRAFFICKING = "trafficking"
    PROPERTY = "property"
    WEAPONS = "weapons"
    DRUGS = "drugs"
    MOTOR_VEHICLE = "motor_vehicle"
    PUBLIC_ORDER = "public_order"
    ADMINISTRATION_OF_JUSTICE = "administration_of_justice"


class AgencyKind(enum.Enum):
    """What kind of public body an agency is.

    The FBI is a kind of its own: statutes name it (Massachusetts lets the State Police ask
    it to search), so it must not be mistaken for any other federal agency.
    """

    LOCAL_POLICE = "local_police"
    STATE_POLICE = "state_police"
    FBI = "fbi"
    """The Federal Bureau of Investigation."""
    FEDERAL = "federal"
    """A federal agency other than the FBI, such as Homeland Security Investigations."""
    MOTOR_VEHICLE_REGISTRY = "motor_vehicle_registry"
    PROSECUTOR = "prosecutor"
    OTHER_PUBLIC_AGENCY = "other_public_agency"

    @property
    def label(self) -> str:
        """The kind as a sentence names it, such as ``the State Police``."""
        return _AGENCY_LABELS[self]


class CourtKind(enum.Enum):
    """The court that issued an authorization or received a filing."""

    SUPERIOR_COURT = "superior_court"
    DISTRICT_COURT = "district_court"
    FEDERAL_COURT = "federal_court"
    OTHER = "other"


class Harm(enum.Enum):
    """The harm an emergency threatens."""

    DEATH = "death"
    SERIOUS_PHYSICAL_INJURY = "serious_physical_injury"
    OTHER_HARM_TO_A_PERSON = "other_harm_to_a_person"
    """Harm to a person short of death or serious physical injury, such as an abduction."""
    OTHER = "other"
    """Harm to no person: to property, or to another interest."""


class MediaKind(enum.Enum):
    """What the probe is: a still image, one frame taken from video, or video itself."""

    STILL_IMAGE = "still_image"
    VIDEO_FRAME = "video_frame"
    RECORDED_VIDEO = "recorded_video"
    LIVE_VIDEO = "live_video"


class ImageSource(enum.Enum):
    """Where the probe image came from."""

    SURVEILLANCE_CAMERA = "surveillance_camera"
    BODY_WORN_CAMERA = "body_worn_camera"
    SOCIAL_MEDIA = "social_media"
    BOOKING_PHOTO = "booking_photo"
    WITNESS = "witness"
    OTHER = "other"


class Purpose(enum.Enum):
    """Why the search is asked for."""

    CRIMINAL_INVESTIGATION = "criminal_investigation"
    EMERGENCY = "emergency"
    IDENTIFY_DECEASED = "identify_deceased"
    IDENTIFY_MISSING_OR_INCAPACITATED = "identify_missing_or_incapacitated"
    LICENSE_ISSUANCE = "license_issuance"
    IDENTIFICATION_DOCUMENT_INVESTIGATION = "identification_document_investigation"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The purpose as a sentence names it, such as ``identifying a deceased person``."""
        return _PURPOSE_LABELS[self]


_AGENCY_LABELS = {
    AgencyKind.LOCAL_POLICE: "a local police department",
    AgencyKind.STATE_POLICE: "the State Police",
    AgencyKind.FBI: "the FBI",
    AgencyKind.FEDERAL: "a federal agency other than the FBI",
    AgencyKind.MOTOR_VEHICLE_REGISTRY: "the motor vehicle registry",
    AgencyKind.PROSECUTOR: "a prosecutor's office",
    AgencyKind.OTHER_PUBLIC_AGENCY: "another public agency",
}
_PURPOSE_LABELS = {
    Purpose.CRIMINAL_INVESTIGATION: "a criminal investigation",
    Purpose.EMERGENCY: "an emergency",
    Purpose.IDENTIFY_DECEASED: "identifying a deceased person",
    Purpose.IDENTIFY_MISSING_OR_INCAPACITATED: "identifying a missing or incapacitated person",
    Purpose.LICENSE_ISSUANCE: "verifying identity to issue a license",
    Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION: "investigating identification documents",
    Purpose.OTHER: "another purpose",
}


class Race(enum.Enum):
    """The race or ethnicity of a person, in the federal minimum categories (OMB SPD 15, 2024).

    The 2023 bill's statistics count searches by the race of the person searched; the bill's
    own categories were not seen, so the federal standard's are used. ``MULTIRACIAL`` is a
    person recorded in more than one category.
    """

    AMERICAN_INDIAN_OR_ALASKA_NATIVE = "american_indian_or_alaska_native"
    ASIAN = "asian"
    BLACK_OR_AFRICAN_AMERICAN = "black_or_african_american"
    HISPANIC_OR_LATINO = "hispanic_or_latino"
    MIDDLE_EASTERN_OR_NORTH_AFRICAN = "middle_eastern_or_north_african"
    NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER = "native_hawaiian_or_pacific_islander"
    WHITE = "white"
    MULTIRACIAL = "multiracial"

    @property
    def label(self) -> str:
        """The category as the standard writes it, such as ``Black or African American``."""
        return _RACE_LABELS[self]


class Gender(enum.Enum):
    """The gender of a person, as recorded (Massachusetts documents allow a non-binary X)."""

    FEMALE = "female"
    MALE = "male"
    NONBINARY = "nonbinary"

    @property
    def label(self) -> str:
        """The gender as a sentence names it, such as ``non-binary``."""
        return "non-binary" if self is Gender.NONBINARY else self.value


_RACE_LABELS = {
    Race.AMERICAN_INDIAN_OR_ALASKA_NATIVE: "American Indian or Alaska Native",
    Race.ASIAN: "Asian",
    Race.BLACK_OR_AFRICAN_AMERICAN: "Black or African American",
    Race.HISPANIC_OR_LATINO: "Hispanic or Latino",
    Race.MIDDLE_EASTERN_OR_NORTH_AFRICAN: "Middle Eastern or North African",
    Race.NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER: "Native Hawaiian or Pacific Islander",
    Race.WHITE: "White",
    Race.MULTIRACIAL: "Multiracial",
}


class Database(enum.Enum):
    """A database of reference images a search may run against."""

    MOTOR_VEHICLE_RECORDS = "motor_vehicle_records"
    FBI = "fbi"
    BOOKING_PHOTOS = "booking_photos"
    COMMERCIAL = "commercial"
    OTHER = "other"


class Analysis(enum.Enum):
    """What the system is asked to do with a face."""

    IDENTIFICATION = "identification"
    VERIFICATION = "verification"
    EMOTION_INFERENCE = "emotion_inference"
    TRACKING = "tracking"


class Disclosure(enum.Enum):
    """What a notice to a defendant discloses."""

    FACIAL_RECOGNITION_USED = "facial_recognition_used"
    SYSTEM = "system"
    ALGORITHM = "algorithm"
    ACCURACY = "accuracy"
    MATCH_SELECTION = "match_selection"
    ALL_RESULTS = "all_results"


class EventKind(enum.Enum):
    """Things that happen to a search and its case, and anchor or fulfil obligations."""

    REQUEST_SUBMITTED = "request_submitted"
    SEARCH_PERFORMED = "search_performed"
    SEARCH_DOCUMENTED = "search_documented"
    SEARCH_REPORTED = "search_reported"
    SWORN_STATEMENT_FILED = "sworn_statement_filed"
    ARRAIGNMENT = "arraignment"
    PRETRIAL_CONFERENCE = "pretrial_conference"
    TRIAL = "trial"
    NOTICE_SERVED = "notice_served"


# -- offenses -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Penalty:
    """The most severe sentence the law allows for an offense.

    ``max_term_months`` is ``None`` when no term of imprisonment is set (fine only, or
    life, which ``life`` says).
    """

    confinement: Confinement
    max_term_months: int | None = attrs.field(default=None, validator=_not_negative)
    life: bool = False
    death: bool = False


@attrs.frozen(kw_only=True)
class Offense:
    """A crime, with the statute that defines it and the penalty it carries."""

    code: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    citation: str = attrs.field(validator=_non_empty)
    classification: Classification
    penalty: Penalty
    categories: frozenset[OffenseCategory] = frozenset()


# -- agencies and officers ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Agency:
    """A public body that asks for or performs searches; ``unit`` names the unit searching."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    kind: AgencyKind
    unit: str | None = None


@attrs.frozen(kw_only=True)
class Training:
    """A course an officer completed, with the day it lapses if it does."""

    course: str = attrs.field(validator=_non_empty)
    completed_on: date
    expires_on: date | None = None

    def __attrs_post_init__(self) -> None:
        _not_before("completed_on", "expires_on", self)


@attrs.frozen(kw_only=True)
class Officer:
    """A sworn member of an agency; ``supervisory`` says whether they hold a supervisory rank."""

    id: str = attrs.field(validator=_non_empty)
    agency_id: str = attrs.field(validator=_non_empty)
    rank: str = attrs.field(validator=_non_empty)
    supervisory: bool = False
    training: tuple[Training, ...] = ()


# -- authorizations -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Warrant:
    """A warrant issued by a judge on probable cause, for the offenses it names."""

    case_number: str = attrs.field(validator=_non_empty)
    court: CourtKind
    judge: str = attrs.field(validator=_non_empty)
    issued_at: datetime = attrs.field(validator=_aware)
    expires_at: datetime | None = attrs.field(default=None, validator=_aware)
    offense_codes: frozenset[str] = frozenset()
    subject: str = ""
    authorizes_facial_recognition: bool = False

    def __attrs_post_init__(self) -> None:
        _not_before("issued_at", "expires_at", self)


@attrs.frozen(kw_only=True)
class CourtOrder:
    """A court order for a search: under current Massachusetts law, a lower bar than a warrant."""

    docket_number: str = attrs.field(validator=_non_empty)
    court: CourtKind
    judge: str = attrs.field(validator=_non_empty)
    issued_at: datetime = attrs.field(validator=_aware)
    expires_at: datetime | None = attrs.field(default=None, validator=_aware)
    authorizes_facial_recognition: bool = False

    def __attrs_post_init__(self) -> None:
        _not_before("issued_at", "expires_at", self)


@attrs.frozen(kw_only=True)
class SwornStatement:
    """A signed, sworn statement of the grounds for an emergency search, filed with a court."""

    filed_at: datetime = attrs.field(validator=_aware)
    filed_by: str = attrs.field(validator=_non_empty)
    supervisory: bool
    court: CourtKind
    grounds: str = ""


@attrs.frozen(kw_only=True)
class Emergency:
    """The facts of an emergency claimed for a search, and the later sworn statement, if any."""

    harm: Harm
    immediate: bool
    declared_by: str = attrs.field(validator=_non_empty)
    declared_at: datetime = attrs.field(validator=_aware)
    facts: str = ""
    documented: bool = False
    sworn_statement: SwornStatement | None = None

    def __attrs_post_init__(self) -> None:
        statement = self.sworn_statement
        if statement is not None and statement.filed_at < self.declared_at:
            msg = f"sworn_statement.filed_at: {statement.filed_at.isoformat()} is before "
            msg += f"declared_at {self.declared_at.isoformat()}"
            raise ValueError(msg)


# -- the search -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ProbeImage:
    """The image or media searched against the reference databases."""

    kind: MediaKind
    source: ImageSource
    altered: bool = False
    composite: bool = False


@attrs.frozen(kw_only=True)
class Technology:
    """The facial-recognition system used; ``approved`` says whether it is approved for use."""

    name: str = attrs.field(validator=_non_empty)
    vendor: str = ""
    approved: bool = False


@attrs.frozen(kw_only=True)
class SearchRequest:
    """A request for a facial-recognition search, and when it was performed if it was.

    ``requesting_agency`` asks for the search; ``performing_agency`` runs it. When they
    differ, the search is performed on behalf of the requesting agency.
    """

    id: str = attrs.field(validator=_non_empty)
    requesting_agency: Agency
    performing_agency: Agency
    purpose: Purpose
    probe: ProbeImage
    technology: Technology
    submitted_at: datetime = attrs.field(validator=_aware)
    requesting_officer: Officer | None = None
    offense: Offense | None = None
    warrant: Warrant | None = None
    court_order: CourtOrder | None = None
    emergency: Emergency | None = None
    databases: frozenset[Database] = frozenset()
    analysis: Analysis = Analysis.IDENTIFICATION
    real_time: bool = False
    written_request: bool = False
    performed_at: datetime | None = attrs.field(default=None, validator=_aware)

    def __attrs_post_init__(self) -> None:
        _not_before("submitted_at", "performed_at", self)

    @property
    def on_behalf_of_another_agency(self) -> bool:
        """Whether the agency performing the search is not the one that asked for it."""
        return self.requesting_agency.id != self.performing_agency.id


@attrs.frozen(kw_only=True)
class SearchRecord:
    """One line of a search log: the request, what the search returned, and its paperwork.

    ``subject_race`` and ``subject_gender`` describe the person whose image was searched,
    as recorded (``None``: not recorded); the 2023 bill's statistics (§220(h)) count
    searches by them.
    """

    request: SearchRequest
    candidates_returned: int = attrs.field(default=0, validator=_not_negative)
    human_review: bool = False
    documented_at: datetime | None = attrs.field(default=None, validator=_aware)
    reported_at: datetime | None = attrs.field(default=None, validator=_aware)
    subject_race: Race | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Race))
    )
    subject_gender: Gender | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Gender))
    )


# -- what follows in court ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Notice:
    """Notice to a defendant that a facial-recognition search identified them."""

    search_id: str = attrs.field(validator=_non_empty)
    served_at: datetime = attrs.field(validator=_aware)
    disclosures: frozenset[Disclosure] = frozenset()


@attrs.frozen(kw_only=True)
class CaseRecord:
    """The criminal case of a person a search identified, with its court dates and notices."""

    id: str = attrs.field(validator=_non_empty)
    defendant: str = attrs.field(validator=_non_empty)
    search_id: str = attrs.field(validator=_non_empty)
    charge_codes: frozenset[str] = frozenset()
    arraignment_at: datetime | None = attrs.field(default=None, validator=_aware)
    pretrial_conference_at: datetime | None = attrs.field(default=None, validator=_aware)
    trial_at: datetime | None = attrs.field(default=None, validator=_aware)
    notices: tuple[Notice, ...] = ()

    def __attrs_post_init__(self) -> None:
        _not_before("arraignment_at", "pretrial_conference_at", self)
        _not_before("pretrial_conference_at", "trial_at", self)
        for notice in self.notices:
            if notice.search_id != self.search_id:
                msg = f"notices: a notice for search {notice.search_id!r} in the case of "
                msg += f"search {self.search_id!r}"
                raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened at a time, against which obligations are checked."""

    kind: EventKind
    at: datetime = attrs.field(validator=_aware)
    disclosures: frozenset[Disclosure] = frozenset()
    court: CourtKind | None = None
    supervisory: bool = False
