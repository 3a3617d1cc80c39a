"""What the Colorado module shares: its instrument's name, its clock, its sources, its agencies."""

from __future__ import annotations

from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "INSTRUMENT_ID", "TITLE_24", "cite", "source"]

INSTRUMENT_ID = "2022 Colo. Sess. Laws ch. 463"
"""Senate Bill 22-113, "Artificial Intelligence Facial Recognition", enacted as chapter 463 of
the Session Laws of Colorado 2022, which made part 3 of article 18 of title 24, C.R.S.
(§§24-18-301 to -309), created the task force of C.R.S. 2-3-1707 and paused new facial
recognition contracts of public schools."""

TITLE_24 = "https://leg.colorado.gov/sites/default/files/images/olls/crs2023-title-24.pdf"
"""The official text of title 24 of the Colorado Revised Statutes (2023), as the General
Assembly's Office of Legislative Legal Services publishes it: one document for the title, so
every citation of the part points to it."""

CALENDAR = Calendar(timezone="America/Denver", country="US", subdivision="CO")
"""Colorado time, and the State's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="CBI",
        name="Colorado Bureau of Investigation",
        kind=AgencyKind.STATE_POLICE,
        home="US-CO",
    ),
    Agency(id="CSP", name="Colorado State Patrol", kind=AgencyKind.STATE_POLICE, home="US-CO"),
    Agency(id="DENPD", name="Denver Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-CO"),
    Agency(
        id="CSPD",
        name="Colorado Springs Police Department",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-CO",
    ),
    Agency(
        id="CODMV",
        name="Division of Motor Vehicles, Department of Revenue",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-CO",
    ),
    Agency(
        id="DA2",
        name="Denver District Attorney's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-CO",
    ),
    Agency(
        id="DEN",
        name="Denver International Airport, City and County of Denver",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-CO",
    ),
    Agency(
        id="FBI-DN",
        name="Federal Bureau of Investigation, Denver Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-DN",
        name="Homeland Security Investigations, Denver",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample Colorado agencies, one or more of each kind, for generated requests and examples.

The airport stands for an agency that is not law enforcement, and that verifies travellers'
identity with a federal agency (a use C.R.S. 24-18-309 puts outside the part).
"""


def cite(section: str, subsection: str | None = None) -> Citation:
    """A citation of a section of part 3 of article 18 of title 24, C.R.S., as enacted in 2022.

    ``section`` is the section's number within the article, as the statutes write it:
    ``"307"`` for C.R.S. 24-18-307.
    """
    return Citation(
        instrument=INSTRUMENT_ID,
        section=f"C.R.S. 24-18-{section}",
        subsection=subsection,
        url=TITLE_24,
    )


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
