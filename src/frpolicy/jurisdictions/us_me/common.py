"""What the Maine module shares: its instrument's name, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "INSTRUMENT_ID", "cite", "source"]

INSTRUMENT_ID = "LD 1585"
"""Legislative Document 1585 of the 130th Maine Legislature (2021), "An Act To Increase
Privacy and Security by Regulating the Use of Facial Surveillance Systems by Departments,
Public Employees and Public Officials", which made chapter 701 of Title 25 (§6001). Its
chapter number in the session laws was not read, so the bill names the instrument."""

CALENDAR = Calendar(timezone="America/New_York", country="US", subdivision="ME")
"""Maine time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="MSP",
        name="Maine State Police",
        kind=AgencyKind.STATE_POLICE,
        home="US-ME",
        unit="Maine Information and Analysis Center",
    ),
    Agency(id="LPD", name="Lewiston Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-ME"),
    Agency(id="BPD", name="Bangor Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-ME"),
    Agency(
        id="BMV",
        name="Bureau of Motor Vehicles, Department of the Secretary of State",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-ME",
    ),
    Agency(
        id="DA-CUMB",
        name="Cumberland County District Attorney's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-ME",
    ),
    Agency(
        id="OCME",
        name="Office of Chief Medical Examiner",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-ME",
    ),
    Agency(
        id="FBI-BS",
        name="Federal Bureau of Investigation, Boston Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="DEA-NE",
        name="Drug Enforcement Administration, New England Division",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Maine agencies, one or more of each kind, for generated requests and examples.

Most of the Bureau of Motor Vehicles' searches are asked for by agencies of other states and
federal agencies (its logs, as reported by wraight.law): the strategies move an agency to
another state or to the federal level now and then, so those requests are drawn too.
"""


def cite() -> Citation:
    """A citation of 25 M.R.S. §6001, the chapter's one section, as enacted in 2021.

    The section's subsections were not read (only its definitions, in a copy that does not
    number them), so a citation names the section alone and the paraphrase says which part
    of it a rule encodes.
    """
    return Citation(
        instrument=INSTRUMENT_ID,
        section="25 M.R.S. §6001",
        url="https://legislature.maine.gov/statutes/25/title25sec6001.html",
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
