"""What the Virginia module shares: its sections, its clock, its sources, its agencies.

Three sections of the Code of Virginia hold the law, one for each kind of police: §15.2-1723.2
for local law-enforcement agencies (the police departments and sheriffs' offices of counties,
cities and towns), §23.1-815.1 for the campus police departments of public institutions of
higher education, and §52-4.5 for the Department of State Police. A rule cites the section
of local police, which the two others follow word for word (campus police) or adopt by
reference (the State Police).
"""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = [
    "AGENCIES",
    "CALENDAR",
    "CAMPUS_POLICE",
    "LOCAL_POLICE",
    "STATE_POLICE",
    "cite",
    "source",
]

LOCAL_POLICE = "15.2-1723.2"
"""The section for local law-enforcement agencies, in Title 15.2 (Counties, Cities and Towns)."""
CAMPUS_POLICE = "23.1-815.1"
"""The section for campus police departments, in Title 23.1 (Institutions of Higher Education)."""
STATE_POLICE = "52-4.5"
"""The section for the Department of State Police, in Title 52 (Police (State)), from 2022."""

_URLS = {
    LOCAL_POLICE: "https://law.lis.virginia.gov/vacode/title15.2/chapter17/section15.2-1723.2/",
    CAMPUS_POLICE: "https://law.lis.virginia.gov/vacode/title23.1/chapter8/section23.1-815.1/",
    STATE_POLICE: "https://law.lis.virginia.gov/vacode/title52/chapter1/section52-4.5/",
}

CALENDAR = Calendar(timezone="America/New_York", country="US", subdivision="VA")
"""Virginia time, and the Commonwealth's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="VSP",
        name="Virginia State Police",
        kind=AgencyKind.STATE_POLICE,
        home="US-VA",
        unit="Virginia Fusion Center",
    ),
    Agency(
        id="FCPD",
        name="Fairfax County Police Department",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-VA",
    ),
    Agency(id="RPD", name="Richmond Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-VA"),
    Agency(
        id="HCSO",
        name="Henrico County Sheriff's Office",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-VA",
    ),
    # a campus police department is local police to the model: §23.1-815.1 binds it as
    # §15.2-1723.2 binds the police of a county or city
    Agency(
        id="VTPD",
        name="Virginia Tech Police Department",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-VA",
        unit="campus police of Virginia Polytechnic Institute and State University",
    ),
    Agency(
        id="VADMV",
        name="Virginia Department of Motor Vehicles",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-VA",
    ),
    Agency(
        id="RCA",
        name="Office of the Commonwealth's Attorney for the City of Richmond",
        kind=AgencyKind.PROSECUTOR,
        home="US-VA",
    ),
    Agency(
        id="VADOC",
        name="Virginia Department of Corrections",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-VA",
    ),
    Agency(
        id="FBI-NF",
        name="Federal Bureau of Investigation, Norfolk Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-NF",
        name="Homeland Security Investigations, Norfolk",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Virginia agencies, one or more of each kind, for generated requests and examples."""


def cite(instrument: str, section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of the Code of Virginia as an instrument wrote it."""
    return Citation(
        instrument=instrument,
        section=f"Va. Code §{section}",
        subsection=subsection,
        url=_URLS[section],
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
