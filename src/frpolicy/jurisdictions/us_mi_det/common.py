"""What the Detroit module shares: its instruments' names, its clock, its sources, its agencies.

Detroit's rules are not a statute: the Detroit Police Department's own Manual Directive
307.5, which binds its members, and from 28 June 2024 the settlement of *Williams v. City of
Detroit*, which a federal court enforces. Both bind the Detroit Police Department alone: a
local police department whose home is Detroit's place code, ``US-MI-DET``. Another agency
of the city is not bound, nor the Michigan State Police, whose home is ``US-MI``.
"""

from __future__ import annotations

from frpolicy import conditions as c
from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = [
    "AGENCIES",
    "CALENDAR",
    "DIRECTIVE_ID",
    "DPD_ASKS",
    "DPD_SEARCHES",
    "SETTLEMENT_ID",
    "cite",
    "cite_settlement",
    "source",
]

DIRECTIVE_ID = "DPD Manual Directive 307.5"
"""Detroit Police Department Manual Directive 307.5, "Facial Recognition", as revised and
approved by the Board of Police Commissioners on 19 September 2019."""

SETTLEMENT_ID = "Williams v. City of Detroit (2024)"
"""The settlement of *Williams v. City of Detroit* (U.S. District Court for the Eastern
District of Michigan), filed and the case dismissed on 28 June 2024, with the Department's
policy as revised under it."""

CALENDAR = Calendar(timezone="America/Detroit", country="US", subdivision="MI")
"""Detroit time, and Michigan's legal holidays."""

DPD_ASKS = c.requested_by(AgencyKind.LOCAL_POLICE) & c.requested_by_agency_of(
    "US-MI-DET", "Detroit"
)
"""The Detroit Police Department asks for the search (to run it itself, or of another
agency, as it asked the Michigan State Police in Mr. Williams's case)."""
DPD_SEARCHES = c.performed_by(AgencyKind.LOCAL_POLICE) & c.performed_by_agency_of(
    "US-MI-DET", "Detroit"
)
"""The Detroit Police Department runs the search, for itself or for another agency."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="DPD-CIU",
        name="Detroit Police Department, Crime Intelligence Unit",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-MI-DET",
        unit="Crime Intelligence Unit (Real Time Crime Center)",
    ),
    Agency(
        id="DPD-3RD",
        name="Detroit Police Department, Third Precinct",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-MI-DET",
    ),
    Agency(
        id="MSP",
        name="Michigan State Police",
        kind=AgencyKind.STATE_POLICE,
        home="US-MI",
        unit="Statewide Network of Agency Photos (SNAP)",
    ),
    Agency(
        id="DEARBORN-PD",
        name="Dearborn Police Department",
        kind=AgencyKind.LOCAL_POLICE,
        home="US-MI",
    ),
    Agency(
        id="MI-SOS",
        name="Michigan Department of State",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-MI",
    ),
    Agency(
        id="WCPO",
        name="Wayne County Prosecutor's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-MI",
    ),
    Agency(
        id="DDOT",
        name="Detroit Department of Transportation",
        kind=AgencyKind.OTHER_PUBLIC_AGENCY,
        home="US-MI-DET",
    ),
    Agency(
        id="FBI-DET",
        name="Federal Bureau of Investigation, Detroit Field Office",
        kind=AgencyKind.FBI,
        home="US",
    ),
    Agency(
        id="HSI-DET",
        name="Homeland Security Investigations, Detroit",
        kind=AgencyKind.FEDERAL,
        home="US",
    ),
)
"""Sample agencies, one or more of each kind: the Detroit Police Department's units, the
Michigan agencies it works with, a Detroit agency that is not its police, and federal
offices in Detroit."""


def cite(section: str) -> Citation:
    """A citation of a section of Directive 307.5: ``307.5-3.2 (DPD Manual Directive 307.5)``."""
    return Citation(instrument=DIRECTIVE_ID, section=f"307.5-{section}")


def cite_settlement() -> Citation:
    """A citation of the settlement agreement (its paragraphs were not read)."""
    return Citation(instrument=SETTLEMENT_ID, section="Settlement agreement")


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
