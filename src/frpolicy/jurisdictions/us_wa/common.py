"""What the Washington module shares: its instrument, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = [
    "AGENCIES",
    "CALENDAR",
    "INSTRUMENT_ID",
    "LICENSING_SYSTEM_ID",
    "cite",
    "cite_licensing_system",
    "source",
]

INSTRUMENT_ID = "Laws 2020 c 257"
"""Engrossed Substitute Senate Bill 6280, chapter 257 of the Laws of Washington 2020, which
made chapter 43.386 RCW."""

LICENSING_SYSTEM_ID = "Laws 2012 c 80"
"""Engrossed Substitute Senate Bill 6150, chapter 80 of the Laws of Washington 2012, which
gave RCW 46.20.037 (the Department of Licensing's facial recognition matching system) its
present text: another chapter of Washington law than 43.386, which a rule of the Washington
jurisdiction cites."""

CALENDAR = Calendar(timezone="America/Los_Angeles", country="US", subdivision="WA")
"""Washington time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="WSP",
        name="Washington State Patrol",
        kind=AgencyKind.STATE_POLICE,
        home="US-WA",
        unit="Criminal Investigation Division",
    ),
    Agency(
        id="SEAPD", name="Seattle Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-WA"
    ),
    Agency(
        id="SPKPD", name="Spokane Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-WA"
    ),
    Agency(
        id="DOL",
        name="Department of Licensing",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-WA",
    ),
    Agency(
        id="KCPAO",
        name="King County Prosecuting Attorney's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-WA",
    ),
    Agency(id="POS", name="Port of Seattle", kind=AgencyKind.OTHER_PUBLIC_AGENCY, home="US-WA"),
    Agency(
        id="FBI-SE",
        name="Federal Bureau of Investigation, Seattle Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-SE",
        name="Homeland Security Investigations, Seattle",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Washington agencies, one or more of each kind, for generated requests and examples."""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of chapter 43.386 RCW, as enacted in 2020."""
    return Citation(
        instrument=INSTRUMENT_ID,
        section=f"RCW 43.386.{section}",
        subsection=subsection,
        url=f"https://app.leg.wa.gov/RCW/default.aspx?cite=43.386.{section}",
    )


def cite_licensing_system(subsection: str | None = None) -> Citation:
    """A citation of RCW 46.20.037, the Department of Licensing's matching system."""
    return Citation(
        instrument=LICENSING_SYSTEM_ID,
        section="RCW 46.20.037",
        subsection=subsection,
        url="https://app.leg.wa.gov/RCW/default.aspx?cite=46.20.037",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
