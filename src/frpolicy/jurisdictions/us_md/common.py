"""What the Maryland module shares: its instrument's name, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "INSTRUMENT_ID", "cite", "source"]

INSTRUMENT_ID = "2024 Md. Laws ch. 808"
"""SB 182, enacted as chapter 808 of the Laws of Maryland 2024 (HB 338, chapter 809, is its
cross-file), adding Criminal Procedure §§2-501 to 2-510."""

CALENDAR = Calendar(timezone="America/New_York", country="US", subdivision="MD")
"""Maryland time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="MDSP",
        name="Maryland State Police",
        kind=AgencyKind.STATE_POLICE,
        home="US-MD",
        unit="Maryland Coordination and Analysis Center",
    ),
    Agency(
        id="BALTPD", name="Baltimore Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-MD"
    ),
    Agency(
        id="MCPD",
        name="Montgomery County Police Department",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-MD",
    ),
    Agency(
        id="MVA",
        name="Motor Vehicle Administration",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-MD",
    ),
    Agency(
        id="DPSCS",
        name="Department of Public Safety and Correctional Services",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-MD",
        unit="Maryland Image Repository System",
    ),
    Agency(
        id="BCSAO",
        name="Office of the State's Attorney for Baltimore City",
        kind=AgencyKind.PROSECUTOR,
        home="US-MD",
    ),
    Agency(
        id="FBI-BA",
        name="Federal Bureau of Investigation, Baltimore Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-BA",
        name="Homeland Security Investigations, Baltimore",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Maryland agencies, one or more of each kind, for generated requests and examples."""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of the Criminal Procedure Article, as enacted in 2024."""
    return Citation(
        instrument=INSTRUMENT_ID,
        section=f"Md. Code, Crim. Proc. §{section}",
        subsection=subsection,
        url=f"https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcp&section={section}",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
