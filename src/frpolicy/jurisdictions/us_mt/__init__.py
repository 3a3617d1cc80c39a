"""Montana: MCA 44-15-101 to -112, the Facial Recognition for Government Use Act (2023).

One version, in one module that reads like the annotated statute:
:mod:`~frpolicy.jurisdictions.us_mt.ch781`. Montana's closed list of serious crimes, and a
sample of offenses on each side of it, are in :mod:`~frpolicy.jurisdictions.us_mt.offenses`;
the sample agencies, the clock and the citation helper in
:mod:`~frpolicy.jurisdictions.us_mt.common`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_mt.ch781 import CH781
from frpolicy.jurisdictions.us_mt.common import AGENCIES

__all__ = ["CH781", "MONTANA"]

MONTANA = Jurisdiction(code="US-MT", name="Montana", versions=(CH781,), agencies=AGENCIES)
"""The State of Montana."""
