"""What the Montana module shares: its instrument's name, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "INSTRUMENT_ID", "cite", "source"]

INSTRUMENT_ID = "Laws of Montana 2023, ch. 781"
"""Senate Bill 397 of the 68th Montana Legislature (2023), the "Facial Recognition for
Government Use Act", enacted as chapter 781 of the Laws of Montana 2023, which made Title 44,
chapter 15, part 1 of the Montana Code Annotated (MCA 44-15-101 to -112)."""

CALENDAR = Calendar(timezone="America/Denver", country="US", subdivision="MT")
"""Montana time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="MTDOJ-DCI",
        name="Department of Justice, Division of Criminal Investigation",
        kind=AgencyKind.STATE_POLICE,
        home="US-MT",
    ),
    Agency(
        id="MHP",
        name="Montana Highway Patrol, Department of Justice",
        kind=AgencyKind.STATE_POLICE,
        home="US-MT",
    ),
    Agency(
        id="MVD",
        name="Motor Vehicle Division, Department of Justice",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-MT",
    ),
    Agency(
        id="BILPD", name="Billings Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-MT"
    ),
    Agency(
        id="MCSO",
        name="Missoula County Sheriff's Office",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-MT",
    ),
    Agency(
        id="YCAO",
        name="Yellowstone County Attorney's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-MT",
    ),
    Agency(
        id="DLI",
        name="Department of Labor and Industry",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-MT",
    ),
    Agency(
        id="FBI-BIL",
        name="Federal Bureau of Investigation, Billings Resident Agency",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="USBP-HAV",
        name="U.S. Border Patrol, Havre Sector",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Montana agencies, one or more of each kind, for generated requests and examples.

The State Police kind stands for the divisions of the Department of Justice that investigate
crime (the Division of Criminal Investigation, the Highway Patrol): in Montana, "the
department" of the chapter (MCA 44-15-103). The Motor Vehicle Division is a division of the
same department, but it is not a law enforcement agency; the Department of Labor and
Industry stands for an agency that verifies the identity of the people it serves (MCA
44-15-108).
"""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of MCA Title 44, chapter 15, part 1, as enacted in 2023.

    ``section`` is the section's number within the part, as the Code writes it: ``"106"``
    for MCA 44-15-106.
    """
    number = f"{int(section) - 100:03d}0"
    return Citation(
        instrument=INSTRUMENT_ID,
        section=f"MCA 44-15-{section}",
        subsection=subsection,
        url=f"https://leg.mt.gov/bills/mca/title_0440/chapter_0150/part_0010/section_{number}/"
        f"0440-0150-0010-{number}.html",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
