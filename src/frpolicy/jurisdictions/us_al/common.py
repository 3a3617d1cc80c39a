"""What the Alabama module shares: its instrument, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "INSTRUMENT_ID", "cite", "source"]

INSTRUMENT_ID = "Act 2022-420"
"""SB 56 of the 2022 Regular Session, Act 2022-420, which added Article 7 ("Use of Facial
Recognition Technology") to Chapter 10 (Arrests) of Title 15 of the Code of Alabama."""

CALENDAR = Calendar(timezone="America/Chicago", country="US", subdivision="AL")
"""Alabama time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="ALEA",
        name="Alabama Law Enforcement Agency",
        kind=AgencyKind.STATE_POLICE,
        home="US-AL",
        unit="State Bureau of Investigation",
    ),
    Agency(
        id="BHMPD", name="Birmingham Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-AL"
    ),
    Agency(
        id="MCSO", name="Mobile County Sheriff's Office", kind=AgencyKind.LOCAL_POLICE, home="US-AL"
    ),
    Agency(
        id="ALEA-DL",
        name="Alabama Law Enforcement Agency, Driver License Division",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-AL",
    ),
    Agency(
        id="JCDA",
        name="Office of the District Attorney, Tenth Judicial Circuit (Jefferson County)",
        kind=AgencyKind.PROSECUTOR,
        home="US-AL",
    ),
    Agency(
        id="ADOC",
        name="Alabama Department of Corrections",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-AL",
    ),
    Agency(
        id="FBI-BH",
        name="Federal Bureau of Investigation, Birmingham Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-BH",
        name="Homeland Security Investigations, Birmingham",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Alabama agencies, one or more of each kind, for generated requests and examples."""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of Article 7 of Chapter 10 of Title 15, as Act 2022-420 made it."""
    return Citation(
        instrument=INSTRUMENT_ID,
        section=f"Ala. Code §{section}",
        subsection=subsection,
        url=f"https://alison.legislature.state.al.us/code-of-alabama?section={section}",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
