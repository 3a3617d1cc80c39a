"""Conditions many laws put on a search, declared once as leaves any jurisdiction can use.

Most statutes ask the same few questions of a request: who asks for it and who runs it,
for what purpose, on what authority (a warrant, a court order, an emergency), about
whom (a person in protected activity, a bystander, a person picked for a protected
characteristic), and how (once, or in real time, or by following the person). Each
question is a leaf here, with a description a memo can quote; a jurisdiction module
composes them into its rules with ``&``, ``|`` and ``~``, and adds leaves of its own for
what only its law asks.

>>> from frpolicy.model import AgencyKind, Purpose
>>> rule = performed_by(AgencyKind.STATE_POLICE) & ~purpose_is(Purpose.EMERGENCY)
>>> rule.describe()
'the search is performed by the State Police AND NOT the purpose is an emergency'

Every expression reads fields of the model, compares them with constants, tests them
against constant sets or for ``None``: nothing a symbolic analysis cannot read.
"""

from __future__ import annotations

import re

from frpolicy.law import OffenseList
from frpolicy.model import Analysis, Harm, ProtectedGround, Suspicion, is_place_code
from frpolicy.predicates import Leaf, leaf, leaf_family

__all__ = [
    "BASED_ON_PROTECTED_GROUND",
    "BYSTANDER",
    "CONTINUOUS_SURVEILLANCE",
    "COURT_ORDER_AUTHORIZES_SEARCH",
    "COURT_ORDER_FOR_THE_SEARCH_PURPOSE",
    "COURT_ORDER_IN_FORCE",
    "EMERGENCY_DECLARED",
    "EMERGENCY_HARM_TO_A_PERSON",
    "EMERGENCY_IMMEDIATE",
    "IDENTIFY_OR_VERIFY",
    "IDENTIFY_VERIFY_OR_TRACK",
    "LIVE_VIDEO",
    "ONGOING_SURVEILLANCE",
    "PERSISTENT_TRACKING",
    "PROTECTED_ACTIVITY",
    "REAL_TIME",
    "REASONABLE_SUSPICION",
    "SKETCH",
    "TECHNOLOGY_APPROVED",
    "WARRANT_AUTHORIZES_SEARCH",
    "WARRANT_IN_FORCE",
    "analysis_is",
    "based_on",
    "court_order_for",
    "offense_on",
    "offense_on_any",
    "performed_by",
    "performed_by_agency_of",
    "performed_by_any",
    "purpose_in",
    "purpose_is",
    "requested_by",
    "requested_by_agency_of",
    "requested_by_any",
]

# -- who, and why -----------------------------------------------------------------------------

performed_by = leaf_family(
    "performed_by",
    "the search is performed by {kind}",
    "r.performing_agency.kind is kind",
    ["kind"],
)
requested_by = leaf_family(
    "requested_by",
    "the search is requested by {kind}",
    "r.requesting_agency.kind is kind",
    ["kind"],
)
performed_by_any = leaf_family(
    "performed_by_any",
    "the search is performed by {kinds}",
    "r.performing_agency.kind in kinds",
    ["kinds"],
)
requested_by_any = leaf_family(
    "requested_by_any",
    "the search is requested by {kinds}",
    "r.requesting_agency.kind in kinds",
    ["kinds"],
)
purpose_is = leaf_family(
    "purpose_is", "the purpose is {purpose}", "r.purpose is purpose", ["purpose"]
)
purpose_in = leaf_family(
    "purpose_in", "the purpose is {purposes}", "r.purpose in purposes", ["purposes"]
)


def _agency_of(role: str, place: str, name: str) -> Leaf:
    if not is_place_code(place):
        msg = f"place: {place!r} is not a place code such as 'US-MA', 'US' or 'US-MI-DET'"
        raise ValueError(msg)
    agency = f"{role}_agency"
    verb = "requested" if role == "requesting" else "performed"
    return leaf(
        f"{verb}_by_agency_of_{place.lower().replace('-', '_')}",
        f"the search is {verb} by an agency of {name}",
        f"r.{agency}.home is None or r.{agency}.home == PLACE"
        f" or r.{agency}.home.startswith(WITHIN)",
        PLACE=place,
        WITHIN=f"{place}-",
    )


def requested_by_agency_of(place: str, name: str) -> Leaf:
    """The leaf: the requesting agency belongs to ``place`` (a place code), or lies within it.

    ``name`` is the place as a memo names it (``Massachusetts``). An agency belongs to a place
    when its home (:class:`~frpolicy.model.Agency`) is the place or a place within it; an agency
    that states no home is taken as one of the place's own.

    >>> requested_by_agency_of("US-MA", "Massachusetts").describe()
    'the search is requested by an agency of Massachusetts'

    Raises:
        ValueError: ``place`` is not a place code.
    """
    return _agency_of("requesting", place, name)


def performed_by_agency_of(place: str, name: str) -> Leaf:
    """The leaf: the performing agency belongs to ``place``, as :func:`requested_by_agency_of`.

    Raises:
        ValueError: ``place`` is not a place code.
    """
    return _agency_of("performing", place, name)


TECHNOLOGY_APPROVED = leaf(
    "technology_approved",
    "the facial-recognition technology used is approved",
    "r.technology.approved",
)

# -- authority --------------------------------------------------------------------------------

WARRANT_AUTHORIZES_SEARCH = leaf(
    "warrant_authorizes_search",
    "a warrant authorizes the facial-recognition search",
    "r.warrant is not None and r.warrant.authorizes_facial_recognition",
)
WARRANT_IN_FORCE = leaf(
    "warrant_in_force",
    "the warrant is in force when the search is performed",
    "r.warrant is not None and r.warrant.issued_at <= at"
    " and (r.warrant.expires_at is None or at <= r.warrant.expires_at)",
)
COURT_ORDER_AUTHORIZES_SEARCH = leaf(
    "court_order_authorizes_search",
    "a court order authorizes the facial-recognition search",
    "r.court_order is not None and r.court_order.authorizes_facial_recognition",
)
COURT_ORDER_IN_FORCE = leaf(
    "court_order_in_force",
    "the court order is in force when the search is performed",
    "r.court_order is not None and r.court_order.issued_at <= at"
    " and (r.court_order.expires_at is None or at <= r.court_order.expires_at)",
)
court_order_for = leaf_family(
    "court_order_for",
    "the court order was issued for {purposes}",
    "r.court_order is not None and r.court_order.purpose in purposes",
    ["purposes"],
)
COURT_ORDER_FOR_THE_SEARCH_PURPOSE = leaf(
    "court_order_for_the_search_purpose",
    "the search is for the purpose the court order was issued for",
    "r.court_order is not None and r.court_order.purpose is r.purpose",
)
EMERGENCY_DECLARED = leaf(
    "emergency_declared",
    "an emergency was declared at or before the search",
    "r.emergency is not None and r.emergency.declared_at <= at",
)
EMERGENCY_IMMEDIATE = leaf(
    "emergency_immediate",
    "the emergency demands action at once, before a warrant could be had",
    "r.emergency is not None and r.emergency.immediate",
)
EMERGENCY_HARM_TO_A_PERSON = leaf(
    "emergency_harm_to_a_person",
    "the emergency threatens harm to a person (death, serious physical injury or other harm "
    "to a person), not to property alone",
    "r.emergency is not None and r.emergency.harm in PERSONAL_HARMS",
    PERSONAL_HARMS=frozenset(
        {Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY, Harm.OTHER_HARM_TO_A_PERSON}
    ),
)
REASONABLE_SUSPICION = leaf(
    "reasonable_suspicion",
    "there is reasonable suspicion (or probable cause) that the person has committed, is "
    "committing or is about to commit a crime",
    "r.suspicion in SUSPECTED",
    SUSPECTED=frozenset({Suspicion.REASONABLE_SUSPICION, Suspicion.PROBABLE_CAUSE}),
)

# -- whom -------------------------------------------------------------------------------------

PROTECTED_ACTIVITY = leaf(
    "protected_activity",
    "the image shows the person engaged in constitutionally protected activity",
    "r.probe.protected_activity",
)
BYSTANDER = leaf(
    "bystander",
    "the face searched is of a person the search does not intend to identify",
    "r.probe.bystander",
)
SKETCH = leaf(
    "sketch",
    "the probe is a sketch or another manually produced image",
    "r.probe.composite",
)
BASED_ON_PROTECTED_GROUND = leaf(
    "based_on_protected_ground",
    "the search is based on the person's religious, political or social views or "
    "activities, their participation in a noncriminal organization or lawful event, or a "
    "characteristic protected by law (race, ethnicity, citizenship, place of origin, "
    "immigration status, age, disability, gender, gender expression, gender identity, sexual "
    "orientation...)",
    " or ".join(f"ProtectedGround.{g.name} in r.protected_grounds" for g in ProtectedGround),
)
based_on = leaf_family(
    "based_on",
    "the search is based on {ground}",
    "ground in r.protected_grounds",
    ["ground"],
)

# -- how --------------------------------------------------------------------------------------

REAL_TIME = leaf(
    "real_time",
    "the search identifies people in real time or near real time, as images are captured",
    "r.real_time or r.probe.kind is MediaKind.LIVE_VIDEO",
)
LIVE_VIDEO = leaf("live_video", "the probe is live video", "r.probe.kind is MediaKind.LIVE_VIDEO")
ONGOING_SURVEILLANCE = leaf(
    "ongoing_surveillance",
    "the search follows a specified person's movements over time (ongoing surveillance)",
    "r.ongoing_surveillance",
)
CONTINUOUS_SURVEILLANCE = leaf(
    "continuous_surveillance",
    "the search monitors public places or sets of images, matching every face it finds "
    "against a list of faces prepared beforehand (continuous surveillance)",
    "r.continuous_surveillance",
)
PERSISTENT_TRACKING = leaf(
    "persistent_tracking",
    "the system is used to track a person (persistent tracking)",
    "r.analysis is Analysis.TRACKING",
)
analysis_is = leaf_family(
    "analysis_is", "the system is used for {analysis}", "r.analysis is analysis", ["analysis"]
)
IDENTIFY_OR_VERIFY = leaf(
    "identify_or_verify",
    "the system is used to identify or verify a person, nothing more",
    "r.analysis in PLAIN",
    PLAIN=frozenset({Analysis.IDENTIFICATION, Analysis.VERIFICATION}),
)
IDENTIFY_VERIFY_OR_TRACK = leaf(
    "identify_verify_or_track",
    "the system is used to identify, verify or track a person (not, say, to infer emotions)",
    "r.analysis in DEFINED",
    DEFINED=frozenset({Analysis.IDENTIFICATION, Analysis.VERIFICATION, Analysis.TRACKING}),
)

# -- offenses ---------------------------------------------------------------------------------


def _name(list_id: str) -> str:
    return "offense_on_" + re.sub(r"[^a-z0-9]+", "_", list_id.lower()).strip("_")


def offense_on(offense_list: OffenseList) -> Leaf:
    """The leaf: the offense under investigation is on this list of the law.

    >>> from frpolicy.law import Citation, Confidence, Source, Verification
    >>> stalking = OffenseList(
    ...     id="US-MD:stalking",
    ...     title="stalking under Crim. Law §3-802",
    ...     citation=Citation(instrument="2024 Md. Laws ch. 808", section="Crim. Proc. §2-503"),
    ...     source=Source(verification=Verification.TEXT, confidence=Confidence.HIGH),
    ... )
    >>> offense_on(stalking)
    offense_on_us_md_stalking
    >>> offense_on(stalking).describe()
    'the offense is stalking under Crim. Law §3-802'
    """
    return leaf(
        _name(offense_list.id),
        f"the offense is {offense_list.title}",
        "r.offense is not None and LIST in r.offense.listed_in",
        LIST=offense_list.id,
    )


def offense_on_any(name: str, description: str, lists: tuple[OffenseList, ...]) -> Leaf:
    """One leaf: the offense is on one of these lists; ``description`` names them as a whole.

    A memo quotes one condition ("the offense is one of the twelve categories") rather than
    twelve alternatives.

    Raises:
        ValueError: ``lists`` is empty.
    """
    if not lists:
        msg = f"leaf {name!r}: give at least one list"
        raise ValueError(msg)
    names = {f"LIST_{i}": lst.id for i, lst in enumerate(lists)}
    tests = " or ".join(f"{alias} in r.offense.listed_in" for alias in names)
    return leaf(name, description, f"r.offense is not None and ({tests})", **names)
