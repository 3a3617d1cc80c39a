"""Colorado: C.R.S. 24-18-301 to -309, in force from August 10, 2022.

Part 3 of article 18 of title 24 governs the use of facial recognition services by state and
local government agencies. One version, in one module that reads like the annotated statute:
:mod:`~frpolicy.jurisdictions.us_co.ch463`. The part sets no offense threshold;
:mod:`~frpolicy.jurisdictions.us_co.offenses` holds a sample of Colorado crimes for generated
requests, and :mod:`~frpolicy.jurisdictions.us_co.common` the sample agencies, the clock and
the citation helper.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_co.ch463 import CH463
from frpolicy.jurisdictions.us_co.common import AGENCIES

__all__ = ["CH463", "COLORADO"]

COLORADO = Jurisdiction(code="US-CO", name="Colorado", versions=(CH463,), agencies=AGENCIES)
"""The State of Colorado."""
