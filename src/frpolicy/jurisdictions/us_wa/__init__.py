"""Washington: chapter 43.386 RCW, "Facial recognition", in force from July 1, 2021.

One version, in one module that reads like the annotated statute:
:mod:`~frpolicy.jurisdictions.us_wa.laws2020_c257`. The chapter sets no offense threshold;
:mod:`~frpolicy.jurisdictions.us_wa.offenses` holds a sample of Washington crimes for
generated requests, and :mod:`~frpolicy.jurisdictions.us_wa.common` the sample agencies, the
clock and the citation helper.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_wa.common import AGENCIES
from frpolicy.jurisdictions.us_wa.laws2020_c257 import LAWS_2020_C257

__all__ = ["LAWS_2020_C257", "WASHINGTON"]

WASHINGTON = Jurisdiction(
    code="US-WA", name="Washington", versions=(LAWS_2020_C257,), agencies=AGENCIES
)
"""The State of Washington."""
