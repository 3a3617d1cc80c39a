"""Utah: Utah Code §§77-23e-101 to -106, "Government Use of Facial Recognition Technology".

In force from May 5, 2021. One version, in one module that reads like the annotated
statute: :mod:`~frpolicy.jurisdictions.us_ut.ch200`. Utah's felony line, and a sample of
offenses on each side of it, are in :mod:`~frpolicy.jurisdictions.us_ut.offenses`; the
sample agencies, the clock and the citation helper in
:mod:`~frpolicy.jurisdictions.us_ut.common`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_ut.ch200 import CH200
from frpolicy.jurisdictions.us_ut.common import AGENCIES

__all__ = ["CH200", "UTAH"]

UTAH = Jurisdiction(code="US-UT", name="Utah", versions=(CH200,), agencies=AGENCIES)
"""The State of Utah."""
