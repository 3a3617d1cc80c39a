"""What the Utah module shares: its instrument's name, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "INSTRUMENT_ID", "cite", "source"]

INSTRUMENT_ID = "Laws of Utah 2021, ch. 200"
"""S.B. 34 (2021 General Session), "Governmental Use of Facial Recognition Technology",
enacted as chapter 200 of the Laws of Utah 2021, which made Utah Code Title 77, Chapter 23e
(§§77-23e-101 to -106)."""

CALENDAR = Calendar(timezone="America/Denver", country="US", subdivision="UT")
"""Utah time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="DPS-SIAC",
        name="Department of Public Safety, Statewide Information and Analysis Center",
        kind=AgencyKind.STATE_POLICE,
        home="US-UT",
        unit="Statewide Information and Analysis Center",
    ),
    Agency(
        id="UHP",
        name="Utah Highway Patrol, Department of Public Safety",
        kind=AgencyKind.STATE_POLICE,
        home="US-UT",
    ),
    Agency(
        id="DLD",
        name="Driver License Division, Department of Public Safety",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-UT",
    ),
    Agency(
        id="SLCPD",
        name="Salt Lake City Police Department",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-UT",
    ),
    Agency(
        id="UCSO",
        name="Utah County Sheriff's Office",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-UT",
    ),
    Agency(
        id="SLCODA",
        name="Salt Lake County District Attorney's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-UT",
    ),
    Agency(
        id="DWS",
        name="Department of Workforce Services",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-UT",
    ),
    Agency(
        id="FBI-SU",
        name="Federal Bureau of Investigation, Salt Lake City Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-SLC",
        name="Homeland Security Investigations, Salt Lake City",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Utah agencies, one or more of each kind, for generated requests and examples.

The State Police kind and the motor vehicle registry kind stand for divisions of the
Department of Public Safety (the Statewide Information and Analysis Center and the Highway
Patrol; the Driver License Division): in Utah, "the department" of the chapter.
"""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of Utah Code Title 77, Chapter 23e, as enacted in 2021."""
    return Citation(
        instrument=INSTRUMENT_ID,
        section=f"Utah Code §77-23e-{section}",
        subsection=subsection,
        url=f"https://le.utah.gov/xcode/Title77/Chapter23E/77-23e-S{section}.html",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
