"""What every version of Massachusetts §220 shares: its section, its clock, its sources."""

from __future__ import annotations

from frpolicy.law import Confidence, Source, Verification
from frpolicy.policy import Calendar

__all__ = ["CALENDAR", "SECTION", "source"]

SECTION = "G.L. c.6 §220"
"""Every version writes or rewrites this section of the General Laws."""

CALENDAR = Calendar(timezone="America/New_York", country="US", subdivision="MA")
"""Massachusetts time, and the Commonwealth's legal holidays."""


def source(verification: Verification, confidence: Confidence, reference: str) -> Source:
    """A provision's source, as the provisions catalog tags it."""
    return Source(verification=verification, confidence=confidence, reference=reference)
