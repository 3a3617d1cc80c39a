"""What every version of Massachusetts §220 shares: its section, its clock, its sources."""

from __future__ import annotations

from frpolicy.law import Choice, Citation, Confidence, Reading, Source, Verification
from frpolicy.model import Agency, AgencyKind
from frpolicy.policy import Calendar

__all__ = ["AGENCIES", "CALENDAR", "SECTION", "quarterly_report_due", "source"]

SECTION = "G.L. c.6 §220"
"""Every version writes or rewrites this section of the General Laws."""

CALENDAR = Calendar(timezone="America/New_York", country="US", subdivision="MA")
"""Massachusetts time, and the Commonwealth's legal holidays."""

AGENCIES: tuple[Agency, ...] = (
    Agency(
        id="MSP",
        name="Massachusetts State Police",
        kind=AgencyKind.STATE_POLICE,
        home="US-MA",
        unit="Commonwealth Fusion Center",
    ),
    Agency(id="BPD", name="Boston Police Department", kind=AgencyKind.LOCAL_POLICE, home="US-MA"),
    Agency(
        id="RMV",
        name="Registry of Motor Vehicles",
        kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
        home="US-MA",
    ),
    Agency(
        id="FBI",
        name="Federal Bureau of Investigation",
        kind=AgencyKind.FBI,
        home="US",
        unit="FACE Services",
    ),
    Agency(id="HSI", name="Homeland Security Investigations", kind=AgencyKind.FEDERAL, home="US"),
    Agency(
        id="SCDAO",
        name="Suffolk County District Attorney's Office",
        kind=AgencyKind.PROSECUTOR,
        home="US-MA",
    ),
    Agency(
        id="DOR", name="Department of Revenue", kind=AgencyKind.OTHER_PUBLIC_AGENCY, home="US-MA"
    ),
)
"""Sample Massachusetts agencies, one of each kind, for generated requests and examples."""


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)


def quarterly_report_due(citation: Citation) -> Reading:
    """The reading every version shares: when a request is due in a quarterly report."""
    return Reading(
        id="quarterly-report-due",
        question="By when must a request appear in a quarterly report to EOPSS? The sources "
        "give no due date.",
        choices=(
            Choice(
                id="next-quarter",
                text="By the end of the calendar quarter after the request's: late only when "
                "no report includes it by then.",
            ),
            Choice(id="same-quarter", text="By the end of the request's own calendar quarter."),
        ),
        source=source(Verification.UNVERIFIED, Confidence.LOW, "no due date found in the sources"),
        citation=citation,
    )
