"""The domain of a police facial-recognition search, in the law's own words.

Every object here is a frozen :mod:`attrs` class: an offense and its penalty, the agencies
and officers involved, the authorizations a search may rest on (a :class:`Warrant`, a
:class:`CourtOrder`, an :class:`Emergency`, an :class:`Authorization` asked of a court or an
administrative authority), the :class:`ProbeImage` searched, the
:class:`SearchRequest` itself, what was done (:class:`SearchRecord`), and what follows in
court (:class:`Notice`, :class:`CaseRecord`).

The model knows nothing of any particular law: whether a search is permitted is decided by
a jurisdiction's policy, not here. What the model does enforce is that an object is
coherent on its own, and it refuses an invalid object at construction, so no half-built
object ever exists:

- every field holds a value of its annotated type: ``approved="false"`` is not a boolean,
  and an offense without a penalty is not an offense (``TypeError``);
- every timestamp carries a timezone and lies in the calendar every time zone can name
  the day of: from 0001-01-02 to 9999-12-30, in UTC; it is kept at its offset from UTC, so
  times compare and add as the instants they name, also in an hour a clock repeats;
- an identifier or a name has a visible character (a letter, digit, punctuation mark or
  symbol: not only spaces, control or zero-width characters) and at most 1,000
  characters;
- a warrant does not expire before it is issued, nor a trial come before its arraignment.

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
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timezone
from typing import Any

import attrs

from frpolicy._repr import attrs_repr

__all__ = [
    "Agency",
    "AgencyKind",
    "Analysis",
    "Authority",
    "Authorization",
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
    "ProtectedGround",
    "Purpose",
    "Race",
    "SearchRecord",
    "SearchRequest",
    "Suspicion",
    "SwornStatement",
    "Technology",
    "Training",
    "Warrant",
    "is_place_code",
]


# -- validators -----------------------------------------------------------------------------

_MAX_NAME = 1_000
"""The most characters an identifier or a name may have: they are kept in every report."""
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Letters and symbols that print nothing: the Hangul fillers and the blank braille pattern."""


def _shows(char: str) -> bool:
    """Whether a character prints something: a letter, digit, punctuation mark or symbol."""
    return unicodedata.category(char)[0] in "LNPS" and char not in _BLANK


@attrs.frozen(repr=False)
class _Name:
    """The check of an identifier or a name: a visible character, at most ``longest`` in all.

    A check is data, as a predicate is: the JSON Schema states its terms from here, so the
    schema and the check cannot disagree.
    """

    __repr__ = attrs_repr

    longest: int

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            return  # the type check, which runs next, says what is wrong
        if len(value) > self.longest:
            msg = f"{attribute.name}: at most {self.longest:,} characters, got {len(value):,}"
            raise ValueError(msg)
        if "!" <= value[:1] <= "~" or any(map(_shows, value)):  # first: most identifiers
            return
        what = "must not be empty" if not value.strip() else "has no visible character"
        msg = f"{attribute.name}: {what}"
        raise ValueError(msg)


_non_empty = _Name(longest=_MAX_NAME)


_EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
_LATEST = datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=UTC)


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, datetime):
        return  # None, or of the wrong type: the type check, which runs next, says so
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"{attribute.name}: naive datetime, give a timezone"
        raise ValueError(msg)
    if value.year in {_EARLIEST.year, _LATEST.year} and not _EARLIEST <= value <= _LATEST:
        # a day beyond the calendar's ends has no date in some time zone: refuse it here,
        # so the law in force and every deadline can be computed for any moment accepted
        msg = f"{attribute.name}: {value.isoformat()} is outside the calendar "
        msg += "(from 0001-01-02 to 9999-12-30, in UTC)"
        raise ValueError(msg)


_PLACE_CODE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3}(?:-[A-Z0-9]{1,8})?)?")
"""A place code: a country (ISO 3166-1 alpha-2), a subdivision of it (ISO 3166-2), and a
locality within that subdivision, each part after a hyphen: ``US``, ``US-MA``, ``US-MI-DET``."""


def is_place_code(value: str) -> bool:
    """Whether ``value`` is a place code: ``US``, ``US-MA`` or ``US-MI-DET``.

    >>> [is_place_code(code) for code in ("US-ME", "DE", "US-MI-DET", "us-me", "US_ME")]
    [True, True, True, False, False]
    """
    return _PLACE_CODE.fullmatch(value) is not None


@attrs.frozen(repr=False)
class _PlaceCode:
    """The check of a home: a place code (data, as :class:`_Name` is: the schema reads it)."""

    __repr__ = attrs_repr

    pattern: str = _PLACE_CODE.pattern

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, str) and not is_place_code(value):
            shown = value if len(value) <= 40 else f"{value[:40]}..."  # noqa: PLR2004 - a message's length
            msg = f"{attribute.name}: {shown!r} is not a place code such as 'US-MA', 'US' or "
            msg += "'US-MI-DET'"
            raise ValueError(msg)


_place_code = _PlaceCode()


@attrs.frozen(repr=False)
class _AtLeast:
    """The check of a count or a term: at least ``least`` (data, as :class:`_Name` is)."""

    __repr__ = attrs_repr

    least: int

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, int) and value < self.least:
            what = "must not be negative" if self.least == 0 else f"must be at least {self.least}"
            msg = f"{attribute.name}: {what}, got {value}"
            raise ValueError(msg)


_not_negative = _AtLeast(least=0)


_WHOLE = 10_000
"""A whole, in hundredths of a percent: 100.00 %."""


@attrs.frozen(repr=False)
class _Between:
    """The check of a number in a range, both ends included (data, as :class:`_AtLeast` is)."""

    __repr__ = attrs_repr

    least: int
    most: int
    unit: str

    def __call__(self, _instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, int) and not self.least <= value <= self.most:
            msg = f"{attribute.name}: {self.unit}, from {self.least} to {self.most:,}, "
            msg += f"got {value}"
            raise ValueError(msg)


_hundredths_of_a_percent = _Between(least=0, most=_WHOLE, unit="a share in hundredths of a percent")


def _not_before(earlier: str, later: str, instance: object) -> None:
    start = getattr(instance, earlier)
    end = getattr(instance, later)
    if start is not None and end is not None and end < start:
        msg = f"{later}: {end.isoformat()} is before {earlier} {start.isoformat()}"
        raise ValueError(msg)


# -- types ----------------------------------------------------------------------------------


def _article(name: str) -> str:
    return f"an {name}" if name[:1] in "AEIOU" else f"a {name}"


def _describe(tp: object) -> str:
    """A field's type in words: ``a boolean``, ``a frozenset of Database``, ``None`` ..."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in {typing.Union, types.UnionType}:
        return " or ".join("None" if a is type(None) else _describe(a) for a in args)
    if origin in {frozenset, tuple}:
        return f"a {origin.__name__} of {args[0].__name__}"
    names: dict[object, str] = {str: "a string", bool: "a boolean", int: "an integer"}
    return names.get(tp) or _article(getattr(tp, "__name__", str(tp)))


def _check(tp: object, var: str, names: dict[str, object]) -> str:
    """A Python expression that holds when the value named ``var`` is of the type ``tp``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in {typing.Union, types.UnionType}:
        return " or ".join(
            f"{var} is None" if a is type(None) else f"({_check(a, var, names)})" for a in args
        )
    if origin in {frozenset, tuple}:
        item = _check(args[0], "item", names)
        return f"isinstance({var}, {origin.__name__}) and all({item} for item in {var})"
    if tp is bool:
        return f"{var} is True or {var} is False"
    alias = f"_{len(names)}"
    names[alias] = tp
    if tp is int:  # a bool is an int to Python, never to the law
        return f"isinstance({var}, int) and not isinstance({var}, bool)"
    if tp is date:  # a datetime is a date to Python: a day is not a moment
        return f"isinstance({var}, {alias}) and not isinstance({var}, _datetime)"
    return f"isinstance({var}, {alias})"


def _kind(value: object) -> str:
    """What a value is, for a message: its type, and for a collection its items' types."""
    if value is None:
        return "None"
    name = type(value).__name__
    if isinstance(value, frozenset | set | tuple | list) and value:
        return f"{name} of {', '.join(sorted({type(item).__name__ for item in value}))}"
    return name


def _refuse(name: str, value: object, expected: str) -> typing.NoReturn:
    msg = f"{name}: expected {expected}, got {_kind(value)}"
    raise TypeError(msg)


C = typing.TypeVar("C", bound=type)


def _at_its_offset(moment: datetime) -> datetime:
    """The same moment, at the same offset from UTC, with that fixed offset as its zone.

    Python compares and adds two times of one named zone (``ZoneInfo``) by their wall
    clocks: in the hour a clock repeats in the autumn 01:30 comes after the 01:10 that
    follows it, and 24 hours after a time across the spring change is 23 hours of real
    time. A time at a fixed offset is an instant, as the law counts time and as the
    analysis reads it; its text (``2024-11-03T01:30:00-04:00``) is unchanged.
    """
    offset = moment.utcoffset()
    return moment if offset is None else moment.astimezone(timezone(offset))


def _typed(cls: C) -> C:
    """Check the type of every field of a model class at construction, before its own checks.

    The check is compiled into one function per class from the class's annotations, so it
    costs about what a hand-written one would; it runs first in ``__attrs_post_init__``.
    It also keeps every time at its offset (:func:`_at_its_offset`). It is compiled when
    the first object of the class is made, not when frpolicy is imported: a program pays
    for the classes it uses. Apply it below ``attrs.frozen``.
    """
    own = cls.__dict__.get("__attrs_post_init__")

    def first(self: object) -> None:
        # compile the check, and put it in place of this function on the attrs class
        check = _type_check(cls)
        if own is None:
            final = check
        else:

            def final(self: object) -> None:
                check(self)
                own(self)

        built = next(
            c for c in type(self).__mro__ if c.__dict__.get("__attrs_post_init__") is first
        )
        built.__attrs_post_init__ = final  # type: ignore[attr-defined]
        final(self)

    cls.__attrs_post_init__ = first  # type: ignore[attr-defined]
    return cls


def _type_check(cls: type) -> Callable[[object], None]:
    """The function that checks the type of every field of ``cls`` (see :func:`_typed`)."""
    names: dict[str, object] = {
        "_refuse": _refuse,
        "_datetime": datetime,
        "_timezone": timezone,
        "_at_its_offset": _at_its_offset,
        "_set": object.__setattr__,
    }
    lines = ["def check_types(self):"]
    for field, tp in typing.get_type_hints(cls).items():
        names[f"_expected_{field}"] = _describe(tp)
        lines += [
            f"    value = self.{field}",
            f"    if not ({_check(tp, 'value', names)}):",
            f"        _refuse({field!r}, value, _expected_{field})",
        ]
        if datetime in {tp, *typing.get_args(tp)}:  # a moment, kept at its offset
            lines += [
                "    if value is not None and type(value.tzinfo) is not _timezone:",
                f"        _set(self, {field!r}, _at_its_offset(value))",
            ]
    exec("\n".join(lines), names)  # noqa: S102 - built from the model's own annotations
    return typing.cast("Callable[[object], None]", names["check_types"])


# -- enumerations ---------------------------------------------------------------------------


E = typing.TypeVar("E", bound=type[enum.Enum])


def _by_identity(cls: E) -> E:
    """Hash an enumeration's members by identity, as they are compared.

    A member is one object, equal only to itself; :class:`enum.Enum` hashes it by its name,
    in Python, on every look-up in a dict or a set. By identity the dicts and sets are the
    same, and a look-up costs a C call: the audit counts by outcome, kind and event, and
    the law tests purposes and databases in sets, on every line.
    """
    cls.__hash__ = object.__hash__  # type: ignore[method-assign]
    return cls


@_by_identity
class Classification(enum.Enum):
    """How a jurisdiction classes an offense."""

    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    OTHER = "other"


@_by_identity
class Confinement(enum.Enum):
    """Where a sentence of imprisonment may be served, for the laws that draw a line by place.

    Most laws draw their lines by the length of the term (``Penalty.max_term_months``);
    Massachusetts draws its felony line by the place: a crime punishable by imprisonment in
    the state prison is a felony (G.L. c.274 §1). A penalty states its place only where a law
    asks for it, and then the most severe place the law allows: an offense punishable "in the
    state prison or the house of correction" is a state-prison offense.
    """

    STATE_PRISON = "state_prison"
    """A state prison: a penitentiary for long sentences. Also the place of an offense
    punishable in the state prison or a house of correction, at the court's choice."""
    HOUSE_OF_CORRECTION = "house_of_correction"
    """A house of correction or a county jail: local confinement for short sentences."""
    NONE = "none"
    """No confinement at all: a fine only."""


@_by_identity
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


@_by_identity
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


@_by_identity
class CourtKind(enum.Enum):
    """The court that issued an authorization or received a filing."""

    SUPERIOR_COURT = "superior_court"
    DISTRICT_COURT = "district_court"
    FEDERAL_COURT = "federal_court"
    OTHER = "other"


@_by_identity
class Harm(enum.Enum):
    """The harm an emergency threatens: the gravest of them, when it threatens several."""

    DEATH = "death"
    SERIOUS_PHYSICAL_INJURY = "serious_physical_injury"
    """Serious physical injury: among others, the danger of a person abducted, held hostage,
    or threatened with a weapon. An abduction in progress is this harm, ordinarily
    immediate."""
    OTHER_HARM_TO_A_PERSON = "other_harm_to_a_person"
    """Harm to a person short of death or serious physical injury: a minor injury, distress,
    or the loss of liberty without danger to the body (a child kept from a parent against a
    custody order, with no sign of violence)."""
    OTHER = "other"
    """Harm to no person: to property, or to another interest."""


@_by_identity
class MediaKind(enum.Enum):
    """What the probe is: a still image, one frame taken from video, or video itself."""

    STILL_IMAGE = "still_image"
    VIDEO_FRAME = "video_frame"
    RECORDED_VIDEO = "recorded_video"
    LIVE_VIDEO = "live_video"


@_by_identity
class ImageSource(enum.Enum):
    """Where the probe image came from."""

    SURVEILLANCE_CAMERA = "surveillance_camera"
    BODY_WORN_CAMERA = "body_worn_camera"
    SOCIAL_MEDIA = "social_media"
    BOOKING_PHOTO = "booking_photo"
    WITNESS = "witness"
    OTHER = "other"


@_by_identity
class Purpose(enum.Enum):
    """Why the search is asked for, in the words the statutes use for their purposes."""

    CRIMINAL_INVESTIGATION = "criminal_investigation"
    EMERGENCY = "emergency"
    IDENTIFY_DECEASED = "identify_deceased"
    IDENTIFY_MISSING = "identify_missing"
    """Locating or identifying a missing person."""
    IDENTIFY_INCAPACITATED = "identify_incapacitated"
    """Identifying a person who is incapacitated and cannot give their own identity."""
    IDENTIFY_MISSING_OR_INCAPACITATED = "identify_missing_or_incapacitated"
    """A missing or an incapacitated person, not said which: a law that names only one of
    them is not met by it."""
    LICENSE_ISSUANCE = "license_issuance"
    IDENTIFICATION_DOCUMENT_INVESTIGATION = "identification_document_investigation"
    REDACTION = "redaction"
    """Redacting a recording or an image before it is released, to protect the privacy of
    the people it shows."""
    SEIZED_MEDIA_ANALYSIS = "seized_media_analysis"
    """Forensic analysis of electronic media seized in an investigation, to identify a person
    who is not to be charged as a result (a victim, a witness)."""
    FACILITY_SECURITY = "facility_security"
    """Securing an agency's premises, information or property against unauthorized access."""
    NON_INVESTIGATIVE = "non_investigative"
    """Lawful work of the agency unrelated to any criminal investigation."""
    RECORD_PROTECTED_ACTIVITY = "record_protected_activity"
    """Making a record of a person's exercise of constitutional rights: speech, assembly,
    religion, association."""
    FEDERALLY_MANDATED = "federally_mandated"
    """A use a federal regulation or order mandates, or one with a federal agency to meet a
    congressional mandate."""
    TRAVEL_VERIFICATION = "travel_verification"
    """Verifying, with a federal agency, the identity of travellers at an airport or seaport."""
    IDENTIFY_VICTIM = "identify_victim"
    """Identifying or locating a victim of a crime (of trafficking, abduction, sexual
    exploitation...), not a suspect."""
    IDENTIFY_WITNESS = "identify_witness"
    """Identifying a witness to a crime, not a suspect."""
    IDENTIFY_DETAINED = "identify_detained"
    """Identifying a person lawfully detained: at an arrest, a stop or a booking."""
    IDENTIFY_CONCEALING_IDENTITY = "identify_concealing_identity"
    """Identifying a person an officer reasonably believes is concealing their identity."""
    IDENTIFY_DANGER_TO_SELF_OR_OTHERS = "identify_danger_to_self_or_others"
    """Identifying a person reasonably believed to be a danger to themselves or to others."""
    VET_UNDERCOVER_OFFICER = "vet_undercover_officer"
    """Vetting an undercover officer, for the officer's safety."""
    OTHER = "other"
    PREVENT_TERRORIST_ATTACK = "prevent_terrorist_attack"
    """Preventing a terrorist attack whose threat is genuine and present, or foreseeable."""
    IMMIGRATION_ENFORCEMENT = "immigration_enforcement"
    """Assessing a person's immigration status, or enforcing immigration law."""
    PREDICTIVE_ANALYSIS = "predictive_analysis"
    """Predicting who will commit a crime, or where or when one will happen (predictive
    analysis), rather than identifying a person in an investigation."""

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
    Purpose.IDENTIFY_MISSING: "locating or identifying a missing person",
    Purpose.IDENTIFY_INCAPACITATED: "identifying an incapacitated person",
    Purpose.IDENTIFY_MISSING_OR_INCAPACITATED: "identifying a missing or incapacitated person",
    Purpose.LICENSE_ISSUANCE: "verifying identity to issue a license",
    Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION: "investigating identification documents",
    Purpose.REDACTION: "redacting an image or a recording for release",
    Purpose.SEIZED_MEDIA_ANALYSIS: "forensic analysis of seized electronic media",
    Purpose.FACILITY_SECURITY: "securing the agency's premises and property",
    Purpose.NON_INVESTIGATIVE: "work unrelated to a criminal investigation",
    Purpose.RECORD_PROTECTED_ACTIVITY: "recording a person's exercise of constitutional rights",
    Purpose.FEDERALLY_MANDATED: "a use federal law mandates",
    Purpose.TRAVEL_VERIFICATION: "verifying travellers' identity at an airport or seaport",
    Purpose.IDENTIFY_VICTIM: "identifying or locating a victim of a crime",
    Purpose.IDENTIFY_WITNESS: "identifying a witness to a crime",
    Purpose.IDENTIFY_DETAINED: "identifying a person lawfully detained",
    Purpose.IDENTIFY_CONCEALING_IDENTITY: "identifying a person believed to conceal their identity",
    Purpose.IDENTIFY_DANGER_TO_SELF_OR_OTHERS: (
        "identifying a person believed to be a danger to themselves or others"
    ),
    Purpose.VET_UNDERCOVER_OFFICER: "vetting an undercover officer",
    Purpose.OTHER: "another purpose",
    Purpose.PREVENT_TERRORIST_ATTACK: "preventing a terrorist attack",
    Purpose.IMMIGRATION_ENFORCEMENT: "assessing immigration status or enforcing immigration law",
    Purpose.PREDICTIVE_ANALYSIS: "predictive analysis",
}


@_by_identity
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


@_by_identity
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


@_by_identity
class Suspicion(enum.Enum):
    """The basis stated to believe the person sought is involved in a crime.

    The belief is that they have committed, are committing or are about to commit one. Each
    level includes the one below it: probable cause is also reasonable suspicion.
    """

    NONE = "none"
    """No individualized suspicion is stated."""
    REASONABLE_SUSPICION = "reasonable_suspicion"
    """Specific and articulable facts that reasonably warrant the belief."""
    PROBABLE_CAUSE = "probable_cause"
    """Facts that would lead a reasonable person to believe it: the standard of a warrant."""


@_by_identity
class ProtectedGround(enum.Enum):
    """A view, association or characteristic the law forbids a search to be based on.

    The list is Washington's (RCW 43.386.080(2)); Colorado, Detroit and others name the same
    grounds, and Colorado adds gender expression (C.R.S. 24-18-307(2)).
    ``OTHER_PROTECTED_CHARACTERISTIC`` is any other characteristic protected by law.
    """

    RELIGIOUS_VIEWS = "religious_views"
    POLITICAL_VIEWS = "political_views"
    SOCIAL_VIEWS = "social_views"
    NONCRIMINAL_ORGANIZATION = "noncriminal_organization"
    """Participation in a particular noncriminal organization."""
    LAWFUL_EVENT = "lawful_event"
    """Participation in a lawful event."""
    RACE = "race"
    ETHNICITY = "ethnicity"
    CITIZENSHIP = "citizenship"
    PLACE_OF_ORIGIN = "place_of_origin"
    IMMIGRATION_STATUS = "immigration_status"
    AGE = "age"
    DISABILITY = "disability"
    GENDER = "gender"
    GENDER_IDENTITY = "gender_identity"
    SEXUAL_ORIENTATION = "sexual_orientation"
    OTHER_PROTECTED_CHARACTERISTIC = "other_protected_characteristic"
    GENDER_EXPRESSION = "gender_expression"
    """How a person expresses their gender (dress, appearance, behaviour), apart from their
    gender identity: Colorado names it (C.R.S. 24-18-307(2))."""


@_by_identity
class Database(enum.Enum):
    """A database of reference images a search may run against."""

    MOTOR_VEHICLE_RECORDS = "motor_vehicle_records"
    FBI = "fbi"
    BOOKING_PHOTOS = "booking_photos"
    COMMERCIAL = "commercial"
    OTHER = "other"


@_by_identity
class Analysis(enum.Enum):
    """What the system is asked to do with a face."""

    IDENTIFICATION = "identification"
    VERIFICATION = "verification"
    EMOTION_INFERENCE = "emotion_inference"
    TRACKING = "tracking"


@_by_identity
class Disclosure(enum.Enum):
    """What a notice to a defendant discloses."""

    FACIAL_RECOGNITION_USED = "facial_recognition_used"
    SYSTEM = "system"
    ALGORITHM = "algorithm"
    ACCURACY = "accuracy"
    MATCH_SELECTION = "match_selection"
    ALL_RESULTS = "all_results"
    DATABASES = "databases"
    """A description and the names of the databases searched."""
    RESULTS_ACTED_ON = "results_acted_on"
    """Every result that led to further investigative action."""


@_by_identity
class EventKind(enum.Enum):
    """Things that happen to a search and its case, and anchor or fulfil obligations."""

    REQUEST_SUBMITTED = "request_submitted"
    SEARCH_PERFORMED = "search_performed"
    SEARCH_DOCUMENTED = "search_documented"
    SEARCH_REPORTED = "search_reported"
    SWORN_STATEMENT_FILED = "sworn_statement_filed"
    FIRST_APPEARANCE = "first_appearance"
    """The first appearance in a case: defence counsel's entry of appearance or the
    defendant's first appearance before the court, whichever came first. Never later than
    the arraignment, which is itself an appearance of the defendant."""
    ARRAIGNMENT = "arraignment"
    PRETRIAL_CONFERENCE = "pretrial_conference"
    TRIAL = "trial"
    NOTICE_SERVED = "notice_served"
    RESULT_REVIEWED = "result_reviewed"
    """A person reviewed the search's candidates before anything was done on them."""
    RESULT_RELIED_ON = "result_relied_on"
    """The search's result was relied on for probable cause or a positive identification: a
    warrant, an arrest, a charge, a preliminary hearing; a decision with legal effect."""
    RESULT_CORROBORATED = "result_corroborated"
    """Other evidence, independently and lawfully obtained, supports the identification."""
    AUTHORIZATION_REQUESTED = "authorization_requested"
    """An authorization of the search was asked of an authority (:class:`Authorization`)."""
    AUTHORIZATION_REFUSED = "authorization_refused"
    """The authority asked refused to authorize the search."""
    USE_STOPPED = "use_stopped"
    """The use of the system for the search was stopped."""
    DATA_DELETED = "data_deleted"
    """The data the search captured, and its results, were deleted."""
    USE_NOTIFIED = "use_notified"
    """The use was notified to the supervisory authorities the law names."""
    SYSTEM_REGISTERED = "system_registered"
    """The use of the system was registered in the public database the law names."""
    PHOTO_LINEUP = "photo_lineup"
    """A witness was shown a photo lineup that included the person the search found."""
    ARREST = "arrest"
    """The person the search found was arrested."""


@_by_identity
class Authority(enum.Enum):
    """The kind of authority outside the agency that an :class:`Authorization` is asked of.

    Laws that require a search to be authorized name who may authorize it. A court issues a
    :class:`Warrant` or a :class:`CourtOrder`; the EU AI Act asks, for each use, the
    authorization of "a judicial authority or an independent administrative authority whose
    decision is binding" (Regulation (EU) 2024/1689, Art. 5(3)), and for a post-event
    identification that of "a judicial authority or an administrative authority whose
    decision is binding and subject to judicial review" (Art. 26(10)).
    """

    JUDICIAL = "judicial"
    """A court or a judge."""
    INDEPENDENT_ADMINISTRATIVE = "independent_administrative"
    """An administrative authority independent of the police, whose decision binds them."""
    ADMINISTRATIVE = "administrative"
    """An administrative authority whose decision binds the police and is subject to judicial
    review, not shown to be independent of them."""

    @property
    def label(self) -> str:
        """The authority as a sentence names it, such as ``a judicial authority``."""
        return _AUTHORITY_LABELS[self]


_AUTHORITY_LABELS = {
    Authority.JUDICIAL: "a judicial authority",
    Authority.INDEPENDENT_ADMINISTRATIVE: "an independent administrative authority",
    Authority.ADMINISTRATIVE: "an administrative authority subject to judicial review",
}


# -- offenses -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Penalty:
    """The most severe sentence the law allows for an offense.

    A penalty is its longest term: ``max_term_months`` (``None`` when no term of
    imprisonment is set: a fine only, or life, which ``life`` says), or ``death``. Where a
    law draws its lines by the place of confinement (Massachusetts), ``confinement`` says
    where the term may be served, the most severe place when the law gives a choice (state
    prison or house of correction: ``STATE_PRISON``); ``None`` when the place is not stated,
    and each law then reads what it can from the term (in Massachusetts, life or more than
    30 months can only be served in the state prison).
    """

    __repr__ = attrs_repr

    confinement: Confinement | None = None
    """Where a term may be served, where the law says (``None``: not stated)."""
    max_term_months: int | None = attrs.field(default=None, validator=_not_negative)
    """The longest term of imprisonment, in months (``None``: none set)."""
    life: bool = False
    """Imprisonment for life is allowed."""
    death: bool = False
    """Death is allowed."""


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Offense:
    """A crime, with the statute that defines it and the penalty it carries.

    How an offense is classed is the law of each place, not a fact of the offense: each law
    classes the penalty itself (Massachusetts by the place of confinement, G.L. c.274 §1).
    ``classification`` is the class the sender gives it, advisory: a law that classes
    offenses by their penalty reports a classification it does not give
    (:meth:`~frpolicy.jurisdictions.Version.problems`), and judges by its own. ``None``: not
    given.

    ``categories`` are broad kinds of crime; ``listed_in`` names the lists of offenses a
    jurisdiction's law draws (Maryland's twelve categories of Crim. Proc. §2-503), by the
    ids the jurisdiction gives them (``US-MD:crime-of-violence``): the law says which lists
    exist, the offense says which it is on.

    ``place`` is the place whose law defines the offense, as a place code
    (:func:`is_place_code`), as an :class:`Agency`'s ``home`` is: ``US-MA`` for a crime
    under the General Laws, ``US`` for a federal crime, ``US-NH`` for one of New Hampshire.
    A law that asks whose crime it is (is a federal felony a "felony" of Massachusetts
    §220(d)?) reads it. ``None`` (the default, and every offense written before) says
    nothing: each law then takes the offense as one of its own.
    """

    __repr__ = attrs_repr

    code: str = attrs.field(validator=_non_empty)
    """The offense's code in the catalog it comes from (``265-17``)."""
    title: str = attrs.field(validator=_non_empty)
    """The offense's name (``Armed robbery``)."""
    citation: str = attrs.field(validator=_non_empty)
    """The statute that defines it (``G.L. c.265 §17``)."""
    classification: Classification | None = None
    """How the sender classes it (advisory: each law classes the penalty itself); ``None``:
    not given."""
    penalty: Penalty
    """The most severe sentence the law allows for it."""
    categories: frozenset[OffenseCategory] = frozenset()
    """The broad kinds of crime it is (empty: none stated)."""
    listed_in: frozenset[str] = frozenset()
    """The ids of the lists of offenses it is on (``US-MD:crime-of-violence``)."""
    place: str | None = attrs.field(default=None, validator=_place_code)
    """Where the offense is a crime: the place code of the law that defines it (``US`` for a
    federal crime, ``US-NH`` for New Hampshire's); ``None``: the law judging the request's
    own, as an agency with no home is."""


# -- agencies and officers ------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Agency:
    """A public body that asks for or performs searches; ``unit`` names the unit searching.

    ``home`` is the place the agency belongs to, as a place code (:func:`is_place_code`): the
    ISO 3166-2 code of its state or province for an agency of the state, of a county or of a
    city within it (``US-ME`` for the Maine State Police and the Portland, Maine police
    alike); the ISO 3166-1 code of its country for a national or federal body (``US`` for the
    FBI, ``DE`` for Germany's federal police); and, for the agency of a place that has an
    instrument of its own, that place's code (``US-MI-DET`` for the Detroit Police
    Department). A law reads an agency as one of its place when the agency's home is the
    place or lies within it (``US-MI-DET`` lies within ``US-MI``, which lies within ``US``),
    so "a Massachusetts law enforcement agency" is a law enforcement agency whose home is
    ``US-MA`` or a place within it, and a Portland, Maine department is none.

    ``None`` (the default, and every agency written before homes were stated) says nothing
    of where the agency belongs: every law then takes it as an agency of its own place, as
    :func:`~frpolicy.comparison.compare` took every agency before.
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The agency's identifier in the requesting system."""
    name: str = attrs.field(validator=_non_empty)
    """The agency's name."""
    kind: AgencyKind
    """What kind of public body it is, as the statutes name them."""
    unit: str | None = None
    """The unit that searches, where it is a part of the agency (``None``: not named)."""
    home: str | None = attrs.field(default=None, validator=_place_code)
    """Where the agency belongs, as a place code (``US-MA``; ``US`` for a federal body);
    ``None``: not stated, taken as each law's own."""


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Training:
    """A course an officer completed, with the day it lapses if it does."""

    __repr__ = attrs_repr

    course: str = attrs.field(validator=_non_empty)
    """The course's name."""
    completed_on: date
    """The day it was completed."""
    expires_on: date | None = None
    """The day it lapses (``None``: it does not)."""

    def __attrs_post_init__(self) -> None:
        _not_before("completed_on", "expires_on", self)


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Officer:
    """A sworn member of an agency; ``supervisory`` says whether they hold a supervisory rank."""

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The officer's identifier (a badge number, say)."""
    agency_id: str = attrs.field(validator=_non_empty)
    """The id of the officer's agency."""
    rank: str = attrs.field(validator=_non_empty)
    """The officer's rank."""
    supervisory: bool = False
    """The rank is a supervisory one."""
    training: tuple[Training, ...] = ()
    """The courses the officer completed."""


# -- authorizations -------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Warrant:
    """A warrant issued by a judge on probable cause, for the offenses it names."""

    __repr__ = attrs_repr

    case_number: str = attrs.field(validator=_non_empty)
    """The court's number for the warrant."""
    court: CourtKind
    """The court that issued it."""
    judge: str = attrs.field(validator=_non_empty)
    """The judge who issued it."""
    issued_at: datetime = attrs.field(validator=_aware)
    """When it was issued."""
    expires_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When it lapses (``None``: it states no end)."""
    offense_codes: frozenset[str] = frozenset()
    """The codes of the offenses it names."""
    subject: str = ""
    """The person or thing it names, in words."""
    authorizes_facial_recognition: bool = False
    """It authorizes a facial-recognition search."""

    def __attrs_post_init__(self) -> None:
        _not_before("issued_at", "expires_at", self)


@attrs.frozen(kw_only=True, repr=False)
@_typed
class CourtOrder:
    """A court order for a search: under current Massachusetts law, a lower bar than a warrant.

    ``purpose`` is the purpose the order was issued for, when it names one (Washington's
    orders to find a missing person or identify a deceased one); ``None`` when it names none.
    """

    __repr__ = attrs_repr

    docket_number: str = attrs.field(validator=_non_empty)
    """The court's docket number for the order."""
    court: CourtKind
    """The court that issued it."""
    judge: str = attrs.field(validator=_non_empty)
    """The judge who issued it."""
    issued_at: datetime = attrs.field(validator=_aware)
    """When it was issued."""
    expires_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When it lapses (``None``: it states no end)."""
    authorizes_facial_recognition: bool = False
    """It authorizes a facial-recognition search."""
    purpose: Purpose | None = None
    """The purpose it was issued for, when it names one (``None``: none named)."""

    def __attrs_post_init__(self) -> None:
        _not_before("issued_at", "expires_at", self)


@attrs.frozen(kw_only=True, repr=False)
@_typed
class SwornStatement:
    """A signed, sworn statement of the grounds for an emergency search, filed with a court."""

    __repr__ = attrs_repr

    filed_at: datetime = attrs.field(validator=_aware)
    """When it was filed."""
    filed_by: str = attrs.field(validator=_non_empty)
    """Who signed it."""
    supervisory: bool
    """The signer holds a supervisory rank."""
    court: CourtKind
    """The court it was filed with."""
    grounds: str = ""
    """The grounds it states, in words."""


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Emergency:
    """The facts of an emergency claimed for a search, and the later sworn statement, if any."""

    __repr__ = attrs_repr

    harm: Harm
    """The harm feared: death, serious physical injury, or another."""
    immediate: bool
    """The danger is immediate."""
    declared_by: str = attrs.field(validator=_non_empty)
    """Who declared the emergency."""
    declared_at: datetime = attrs.field(validator=_aware)
    """When it was declared."""
    facts: str = ""
    """The facts claimed, in words."""
    documented: bool = False
    """The emergency was documented in writing."""
    sworn_statement: SwornStatement | None = None
    """The sworn statement of its grounds filed later (``None``: none yet)."""

    def __attrs_post_init__(self) -> None:
        statement = self.sworn_statement
        if statement is not None and statement.filed_at < self.declared_at:
            msg = f"sworn_statement.filed_at: {statement.filed_at.isoformat()} is before "
            msg += f"declared_at {self.declared_at.isoformat()}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Authorization:
    """An authorization of a search asked of an authority outside the agency, and its answer.

    A :class:`Warrant` or a :class:`CourtOrder` is a court's order, already issued. Some laws
    follow the authorization from the asking on: the EU AI Act lets a real-time
    identification start in a duly justified urgency if its authorization is asked for
    within 24 hours, and stopped at once if it is refused (Regulation (EU) 2024/1689,
    Art. 5(3)). So an authorization says when it was ``requested_at``, and, once the
    authority ``decided_at``, whether it was ``granted``; a grant may end at
    ``expires_at``. Until ``decided_at`` is stated the authorization is pending, whatever
    ``granted`` says: a grant is shown only with the time it was given.

    Raises:
        ValueError: it was decided before it was asked for, or lapses before it was decided.
    """

    __repr__ = attrs_repr

    authority: Authority
    """The kind of authority it was asked of."""
    requested_at: datetime = attrs.field(validator=_aware)
    """When it was asked for."""
    authority_name: str = ""
    """The authority, by name (empty: not stated)."""
    decided_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the authority decided (``None``: not yet, or not stated)."""
    granted: bool = False
    """The authority granted it; read with ``decided_at``."""
    expires_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the authorization granted lapses (``None``: it states no end)."""

    def __attrs_post_init__(self) -> None:
        _not_before("requested_at", "decided_at", self)
        _not_before("decided_at", "expires_at", self)


# -- the search -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
@_typed
class ProbeImage:
    """The image or media searched against the reference databases, and what it shows."""

    __repr__ = attrs_repr

    kind: MediaKind
    """A still image, recorded video or live video."""
    source: ImageSource
    """Where the image comes from."""
    altered: bool = False
    """Features of the face were added, removed or changed (not cropped) before the search."""
    composite: bool = False
    """It is a sketch or another manually produced image, not a photograph."""
    protected_activity: bool = False
    """It shows the person in activity the constitution protects (speech, assembly...)."""
    bystander: bool = False
    """The face searched is one the search does not intend to identify (a passer-by)."""


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Technology:
    """The facial-recognition system used; ``approved`` says whether it is approved for use.

    ``tested_accuracy`` is how accurately the system identified people in an independent
    evaluation (the National Institute of Standards and Technology's), as its true-positive
    rate in the demographic group it does worst in, in hundredths of a percent: ``9812`` is
    98.12 %, true positives across all demographic groups. ``None`` (the default): no tested
    accuracy is stated, and a law that asks for one is not shown to be met.
    """

    __repr__ = attrs_repr

    name: str = attrs.field(validator=_non_empty)
    """The system's name."""
    vendor: str = ""
    """Who supplies it (empty: not stated)."""
    approved: bool = False
    """It is approved for use, as the law asks."""
    tested_accuracy: int | None = attrs.field(default=None, validator=_hundredths_of_a_percent)
    """Its true-positive rate in an independent evaluation (NIST's), in its worst demographic
    group, in hundredths of a percent: 9850 is 98.50 % (``None``: not stated)."""
    impact_assessed_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the agency completed an assessment of the impact its use of the system has on
    people's fundamental rights, as the EU AI Act asks before a use (Art. 27); ``None``: none
    stated."""
    registered_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the agency registered its use of the system in the public database the law names
    (the EU database of the AI Act, Art. 49); ``None``: not stated."""


@attrs.frozen(kw_only=True, repr=False)
@_typed
class SearchRequest:
    """A request for a facial-recognition search, and when it was performed if it was.

    ``requesting_agency`` asks for the search; ``performing_agency`` runs it. When they
    differ, the search is performed on behalf of the requesting agency. Only ``id``, the
    agencies, ``purpose``, ``probe``, ``technology`` and ``submitted_at`` are required;
    what a law asks beyond them (a warrant, an offense, a written request) is judged
    missing when it is left out.
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The request's identifier in the requesting system, quoted in every decision."""
    requesting_agency: Agency
    """The agency that asks for the search."""
    performing_agency: Agency
    """The agency that runs it: the requesting agency itself, or another on its behalf."""
    purpose: Purpose
    """Why the search is asked for."""
    probe: ProbeImage
    """The image or video searched."""
    technology: Technology
    """The facial-recognition system used."""
    submitted_at: datetime = attrs.field(validator=_aware)
    """When the request was made."""
    requesting_officer: Officer | None = None
    """The officer who made the request, where the law asks who did."""
    offense: Offense | None = None
    """The offense under investigation (``None``: none stated)."""
    warrant: Warrant | None = None
    """The warrant the search rests on, if any."""
    court_order: CourtOrder | None = None
    """The court order the search rests on, if any."""
    emergency: Emergency | None = None
    """The emergency declared for the search, if any."""
    databases: frozenset[Database] = frozenset()
    """The databases of images searched (empty: not stated)."""
    analysis: Analysis = Analysis.IDENTIFICATION
    """What the system is asked to do with a face: identify, verify, track, infer emotions."""
    real_time: bool = False
    """The search identifies people as the images are captured."""
    written_request: bool = False
    """The request was made in writing."""
    performed_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the search was run (``None``: not run, or not yet)."""
    suspicion: Suspicion = Suspicion.NONE
    """The basis stated to believe the person sought is involved in a crime."""
    protected_grounds: frozenset[ProtectedGround] = frozenset()
    """The views, associations or characteristics the person was chosen for (empty: none)."""
    ongoing_surveillance: bool = False
    """It follows a person's movements over time, live or in stored images, not once."""
    case_number: str | None = attrs.field(default=None, validator=_non_empty)
    """The case identification number the request carries, as Utah's requests must
    (Utah Code 77-23e-103(2)(b)); ``None``: none stated."""
    factual_narrative: str | None = attrs.field(default=None, validator=_non_empty)
    """The facts stated to connect the person sought to the crime under investigation
    (``None``: none stated)."""
    authorization: Authorization | None = None
    """The authorization asked of an authority for the search, and its answer (``None``: none
    asked for)."""
    publicly_accessible: bool | None = None
    """The images are captured in a place accessible to an undetermined number of people, as
    a street, a station or a shop is (``False``: a place that is not, such as a cell or a
    private home; ``None``: not stated)."""
    mobile: bool = False
    """The search is run from a mobile device in the field (a phone or a tablet), not by
    trained staff at a workstation."""
    continuous_surveillance: bool = False
    """It monitors public places or sets of images, live or stored, matching every face it
    finds against a list of faces prepared beforehand (a watchlist), rather than searching
    for one person's face: Montana's "continuous facial surveillance" (MCA 44-15-103). Not to
    be confused with ``ongoing_surveillance``, which follows one person."""

    def __attrs_post_init__(self) -> None:
        _not_before("submitted_at", "performed_at", self)

    @property
    def on_behalf_of_another_agency(self) -> bool:
        """Whether the agency performing the search is not the one that asked for it."""
        return self.requesting_agency.id != self.performing_agency.id


@attrs.frozen(kw_only=True, repr=False)
@_typed
class SearchRecord:
    """One line of a search log: the request, what the search returned, and its paperwork.

    ``subject_race``, ``subject_gender`` and ``subject_age`` (in years) describe the person
    whose image was searched, as recorded (``None``: not recorded); the 2023 Massachusetts
    bill's statistics (§220(h)) count searches by race and gender, Maryland's annual report
    (Crim. Proc. §2-510(a)(3)) the people matches were acted on by age, race and gender.

    ``human_review``: a person reviewed the candidates the search returned, as part of it.
    ``matches_acted_on``: how many of the candidates returned led to further investigative
    action (``None``: not recorded), which Maryland's annual report counts.

    Raises:
        ValueError: more matches were acted on than the search returned.
    """

    __repr__ = attrs_repr

    request: SearchRequest
    """The request, with when it was performed."""
    candidates_returned: int = attrs.field(default=0, validator=_not_negative)
    """How many candidates the search returned."""
    human_review: bool = False
    """A person reviewed the candidates, as part of the search."""
    documented_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the search was documented (``None``: not yet)."""
    reported_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When it was reported to the body the law names (``None``: not yet)."""
    subject_race: Race | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Race))
    )
    """The race of the person whose image was searched, as recorded."""
    subject_gender: Gender | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Gender))
    )
    """Their gender, as recorded."""
    subject_age: int | None = attrs.field(default=None, validator=_not_negative)
    """Their age in years, as recorded (``None``: not recorded)."""
    matches_acted_on: int | None = attrs.field(default=None, validator=_not_negative)
    """How many of the candidates returned led to further investigative action (``None``:
    not recorded); never more than the candidates returned."""
    stopped_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the use of the system for the search was stopped (``None``: not recorded)."""
    deleted_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the data the search captured, and its results, were deleted (``None``: not yet)."""
    notified_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the use was notified to the supervisory authorities the law names: under the EU
    AI Act, the market surveillance and data protection authorities (Art. 5(4)); ``None``:
    not yet."""

    def __attrs_post_init__(self) -> None:
        acted = self.matches_acted_on
        if acted is not None and acted > self.candidates_returned:
            msg = (
                f"matches_acted_on: {acted} is more than the {self.candidates_returned} "
                "candidates returned"
            )
            raise ValueError(msg)


# -- what follows in court ------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Notice:
    """Notice to a defendant that a facial-recognition search identified them."""

    __repr__ = attrs_repr

    search_id: str = attrs.field(validator=_non_empty)
    """The id of the search the notice discloses."""
    served_at: datetime = attrs.field(validator=_aware)
    """When it was served on the defendant."""
    disclosures: frozenset[Disclosure] = frozenset()
    """What it disclosed of the search."""


@attrs.frozen(kw_only=True, repr=False)
@_typed
class CaseRecord:
    """The criminal case of a person a search identified, with its court dates and notices.

    ``first_appearance_at`` is the first appearance in the case: defence counsel's entry of
    appearance or the defendant's first appearance before the court, whichever came first
    (some discovery rules run from it, Md. Rule 4-263(h)). When it is not given, the
    arraignment, itself an appearance, stands for it.

    ``relied_on_at`` is when the search's result was first relied on for probable cause or
    a positive identification (a warrant, an arrest, a preliminary hearing);
    ``corroborated_at`` is when other evidence, independently and lawfully obtained, was in
    hand to support the identification; ``lineup_at`` and ``arrested_at`` are when a witness
    was shown a photo lineup with the defendant in it and when the defendant was arrested,
    which Detroit's settlement allows only on evidence beyond the search. Each is ``None``
    when it has not happened.
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The case's identifier."""
    defendant: str = attrs.field(validator=_non_empty)
    """The defendant's name."""
    search_id: str = attrs.field(validator=_non_empty)
    """The id of the search that identified them."""
    charge_codes: frozenset[str] = frozenset()
    """The codes of the offenses charged."""
    first_appearance_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When counsel or the defendant first appeared in the case (``None``: not recorded)."""
    arraignment_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the defendant was arraigned (``None``: not yet)."""
    pretrial_conference_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the pretrial conference is held (``None``: not set)."""
    trial_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the trial begins (``None``: not set)."""
    notices: tuple[Notice, ...] = ()
    """The notices of the search served on the defendant."""
    relied_on_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the result was first relied on (``None``: not yet)."""
    corroborated_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When independent evidence supported the identification (``None``: not yet)."""
    lineup_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When a witness was first shown a photo lineup that included the defendant, after the
    search named them (``None``: no lineup)."""
    arrested_at: datetime | None = attrs.field(default=None, validator=_aware)
    """When the defendant was arrested (``None``: not arrested, or not recorded)."""

    def __attrs_post_init__(self) -> None:
        _not_before("arraignment_at", "pretrial_conference_at", self)
        _not_before("pretrial_conference_at", "trial_at", self)
        for notice in self.notices:
            if notice.search_id != self.search_id:
                msg = f"notices: a notice for search {notice.search_id!r} in the case of "
                msg += f"search {self.search_id!r}"
                raise ValueError(msg)


@attrs.frozen(kw_only=True, repr=False)
@_typed
class Event:
    """Something that happened at a time, against which obligations are checked."""

    __repr__ = attrs_repr

    kind: EventKind
    """What happened."""
    at: datetime = attrs.field(validator=_aware)
    """When it happened."""
    disclosures: frozenset[Disclosure] = frozenset()
    """What it disclosed, for a notice served."""
    court: CourtKind | None = None
    """The court it happened in, for a filing."""
    supervisory: bool = False
    """It was done by a supervisory official."""
    authority: Authority | None = None
    """The authority it was asked of or decided by, for an authorization requested or
    refused."""
