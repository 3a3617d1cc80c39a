"""The conditions Massachusetts law puts on a search, declared once as predicate leaves.

Each leaf reads a few fields of the request and says, in its description, what it tests.
The versions of §220 (:mod:`.st2020_c253`, :mod:`.h1728`, :mod:`.h4359`) compose them into
rules; the documentation renders them as prose.

Where §220 names an agency, it names one of the Commonwealth: "the department of state
police" is the Massachusetts State Police, "the registrar" the Massachusetts Registrar of
Motor Vehicles, "a law enforcement agency" one of Massachusetts. So the rules read an
agency's kind with its home (an :class:`~frpolicy.model.Agency`'s ``home``) through
:func:`performed_by_massachusetts` and :func:`requested_by_massachusetts`: the New
Hampshire State Police are not "the State Police" of §220(d). An agency that states no
home is taken as the Commonwealth's, as every document written before homes were. The
FBI alone is named by its kind: there is one FBI, and its home (``US``) is not read.

>>> from frpolicy.model import AgencyKind
>>> performed_by_massachusetts(AgencyKind.STATE_POLICE).describe()
'the search is performed by the State Police of Massachusetts'
"""

from __future__ import annotations

from frpolicy.conditions import (
    COURT_ORDER_AUTHORIZES_SEARCH,
    COURT_ORDER_IN_FORCE,
    EMERGENCY_DECLARED,
    EMERGENCY_HARM_TO_A_PERSON,
    EMERGENCY_IMMEDIATE,
    IDENTIFY_OR_VERIFY,
    TECHNOLOGY_APPROVED,
    WARRANT_AUTHORIZES_SEARCH,
    WARRANT_IN_FORCE,
    performed_by_agency_of,
    requested_by_agency_of,
)
from frpolicy.jurisdictions.us_ma.offenses import HOUSE_OF_CORRECTION_MONTHS
from frpolicy.model import AgencyKind, Harm, MediaKind
from frpolicy.predicates import leaf, leaf_family

__all__ = [
    "COURT_ORDER_AUTHORIZES_SEARCH",
    "COURT_ORDER_IN_FORCE",
    "EMERGENCY_DECLARED",
    "EMERGENCY_HARM_TO_A_PERSON",
    "EMERGENCY_IMMEDIATE",
    "EMERGENCY_IMMEDIATE_DANGER",
    "EMOTION_INFERENCE",
    "IDENTIFY_OR_VERIFY",
    "LAW_ENFORCEMENT_OR_REGISTRAR_USE",
    "LAW_ENFORCEMENT_REQUEST",
    "LAW_ENFORCEMENT_SEARCH",
    "LAW_ENFORCEMENT_USE",
    "MASSACHUSETTS_LAW_ENFORCEMENT",
    "MASSACHUSETTS_REQUESTER",
    "MASSACHUSETTS_SEARCHER",
    "MOVING_IMAGES",
    "OFFENSE_IS_FELONY",
    "OFFENSE_OF_MASSACHUSETTS",
    "REGISTRY_REQUEST",
    "REGISTRY_SEARCH",
    "STATE_POLICE_ROUTE",
    "TECHNOLOGY_APPROVED",
    "WARRANT_AUTHORIZES_SEARCH",
    "WARRANT_COVERS_OFFENSE",
    "WARRANT_IN_FORCE",
    "WRITTEN_REQUEST",
    "performed_by",
    "performed_by_massachusetts",
    "purpose_is",
    "requested_by",
    "requested_by_massachusetts",
]

MASSACHUSETTS_LAW_ENFORCEMENT = frozenset(
    {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
)
"""The kinds of Massachusetts law enforcement agency: the police and prosecutors.

The FBI and other federal agencies are law enforcement too, but Massachusetts does not
bind them when they act on their own account.
"""

MASSACHUSETTS_REQUESTER = requested_by_agency_of("US-MA", "Massachusetts")
MASSACHUSETTS_SEARCHER = performed_by_agency_of("US-MA", "Massachusetts")
_HOMES = {"PLACE": "US-MA", "WITHIN": "US-MA-"}


def _of_massachusetts(agency: str) -> str:
    """The test that an agency is of Massachusetts: its home is there, or not stated."""
    return (
        f" and (r.{agency}.home is None or r.{agency}.home == PLACE"
        f" or r.{agency}.home.startswith(WITHIN))"
    )


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
purpose_is = leaf_family(
    "purpose_is", "the purpose is {purpose}", "r.purpose is purpose", ["purpose"]
)
performed_by_massachusetts = leaf_family(
    "performed_by_massachusetts",
    "the search is performed by {kind} of Massachusetts",
    "r.performing_agency.kind is kind" + _of_massachusetts("performing_agency"),
    ["kind"],
    **_HOMES,
)
"""The search is performed by the Commonwealth's agency of this kind (its State Police)."""
requested_by_massachusetts = leaf_family(
    "requested_by_massachusetts",
    "the search is requested by {kind} of Massachusetts",
    "r.requesting_agency.kind is kind" + _of_massachusetts("requesting_agency"),
    ["kind"],
    **_HOMES,
)
"""The search is requested by the Commonwealth's agency of this kind."""

LAW_ENFORCEMENT_REQUEST = leaf(
    "law_enforcement_request",
    "the search is requested by a Massachusetts law enforcement agency",
    "r.requesting_agency.kind in LAW_ENFORCEMENT" + _of_massachusetts("requesting_agency"),
    LAW_ENFORCEMENT=MASSACHUSETTS_LAW_ENFORCEMENT,
    **_HOMES,
)
LAW_ENFORCEMENT_SEARCH = leaf(
    "law_enforcement_search",
    "the search is performed by a Massachusetts law enforcement agency",
    "r.performing_agency.kind in LAW_ENFORCEMENT" + _of_massachusetts("performing_agency"),
    LAW_ENFORCEMENT=MASSACHUSETTS_LAW_ENFORCEMENT,
    **_HOMES,
)
LAW_ENFORCEMENT_USE = leaf(
    "law_enforcement_use",
    "Massachusetts law enforcement (its police or a prosecutor) asks for or performs the search",
    "r.requesting_agency.kind in LAW_ENFORCEMENT"
    + _of_massachusetts("requesting_agency")
    + " or r.performing_agency.kind in LAW_ENFORCEMENT"
    + _of_massachusetts("performing_agency"),
    LAW_ENFORCEMENT=MASSACHUSETTS_LAW_ENFORCEMENT,
    **_HOMES,
)
"""Whom §220(k) binds: a federal agency takes part only at the asking of one of these."""
LAW_ENFORCEMENT_OR_REGISTRAR_USE = leaf(
    "law_enforcement_or_registrar_use",
    "Massachusetts law enforcement (its police or a prosecutor) or its Registrar asks for or "
    "performs the search",
    "r.requesting_agency.kind in USERS"
    + _of_massachusetts("requesting_agency")
    + " or r.performing_agency.kind in USERS"
    + _of_massachusetts("performing_agency"),
    USERS=MASSACHUSETTS_LAW_ENFORCEMENT | {AgencyKind.MOTOR_VEHICLE_REGISTRY},
    **_HOMES,
)
"""Whom §220(k) binds when the Registrar is read as bound as law enforcement is."""
REGISTRY_REQUEST = leaf(
    "registry_request",
    "the search is requested by the Massachusetts Registry of Motor Vehicles",
    "r.requesting_agency.kind is AgencyKind.MOTOR_VEHICLE_REGISTRY"
    + _of_massachusetts("requesting_agency"),
    **_HOMES,
)
REGISTRY_SEARCH = leaf(
    "registry_search",
    "the search is performed by the Massachusetts Registry of Motor Vehicles",
    "r.performing_agency.kind is AgencyKind.MOTOR_VEHICLE_REGISTRY"
    + _of_massachusetts("performing_agency"),
    **_HOMES,
)

STATE_POLICE_ROUTE = leaf(
    "state_police_route",
    "the search is made through the State Police: the State Police of Massachusetts perform "
    "it, or the FBI does at their request",
    "r.performing_agency.kind is AgencyKind.STATE_POLICE"
    + _of_massachusetts("performing_agency")
    + " or r.performing_agency.kind is AgencyKind.FBI"
    " and r.requesting_agency.kind is AgencyKind.STATE_POLICE"
    + _of_massachusetts("requesting_agency"),
    **_HOMES,
)
"""The bills' one route (§220(d)): the Commonwealth's State Police search, or ask the FBI to."""

WRITTEN_REQUEST = leaf(
    "written_request", "the search was asked for in a written request", "r.written_request"
)

WARRANT_COVERS_OFFENSE = leaf(
    "warrant_covers_offense",
    "the warrant names the offense under investigation",
    "r.warrant is not None and r.offense is not None and r.offense.code in r.warrant.offense_codes",
)
OFFENSE_IS_FELONY = leaf(
    "offense_is_felony",
    "the offense is a felony: punishable by death or by imprisonment in the state prison"
    " (G.L. c.274 §1), as life or a term over 2½ years can only be (G.L. c.279 §23)",
    "r.offense is not None and (r.offense.penalty.death or r.offense.penalty.life"
    " or r.offense.penalty.confinement is Confinement.STATE_PRISON"
    " or (r.offense.penalty.max_term_months is not None"
    " and r.offense.penalty.max_term_months > HOUSE_OF_CORRECTION_MONTHS))",
    HOUSE_OF_CORRECTION_MONTHS=HOUSE_OF_CORRECTION_MONTHS,
)

OFFENSE_OF_MASSACHUSETTS = leaf(
    "offense_of_massachusetts",
    "the offense is a crime under the laws of the Commonwealth",
    "r.offense is not None and (r.offense.place is None or r.offense.place == PLACE"
    " or r.offense.place.startswith(WITHIN))",
    **_HOMES,
)
"""The offense is the Commonwealth's (``Offense.place``), or states no place."""


EMERGENCY_IMMEDIATE_DANGER = leaf(
    "emergency_immediate_danger",
    "the emergency involves immediate danger of death or serious physical injury",
    "r.emergency is not None and r.emergency.immediate and r.emergency.harm in GRAVE_HARMS",
    GRAVE_HARMS=frozenset({Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY}),
)

EMOTION_INFERENCE = leaf(
    "emotion_inference",
    "the system is used to infer a person's emotions",
    "r.analysis is Analysis.EMOTION_INFERENCE",
)
MOVING_IMAGES = leaf(
    "moving_images",
    "the system analyses moving images (recorded or live video, or real-time identification)",
    "r.real_time or r.probe.kind in MOVING",
    MOVING=frozenset({MediaKind.RECORDED_VIDEO, MediaKind.LIVE_VIDEO}),
)
