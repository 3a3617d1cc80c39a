"""Maine: 25 M.R.S. §6001, "Facial surveillance", in force from October 1, 2021.

One version, in one module that reads like the annotated statute:
:mod:`~frpolicy.jurisdictions.us_me.ld1585`. Maine's line for a serious crime, and a sample
of offenses on each side of it, are in :mod:`~frpolicy.jurisdictions.us_me.offenses`; the
sample agencies, the clock and the citation helper in
:mod:`~frpolicy.jurisdictions.us_me.common`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_me.common import AGENCIES
from frpolicy.jurisdictions.us_me.ld1585 import LD1585

__all__ = ["LD1585", "MAINE"]

MAINE = Jurisdiction(code="US-ME", name="Maine", versions=(LD1585,), agencies=AGENCIES)
"""The State of Maine."""
