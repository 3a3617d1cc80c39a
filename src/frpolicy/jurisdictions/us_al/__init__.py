"""Alabama: Ala. Code §§15-10-110 and 15-10-111 (Act 2022-420), in force since 2022.

One version, in one module that reads like the annotated article:
:mod:`~frpolicy.jurisdictions.us_al.act2022_420`. The article draws no line by offense;
:mod:`~frpolicy.jurisdictions.us_al.offenses` holds a sample of Alabama crimes for generated
requests, and :mod:`~frpolicy.jurisdictions.us_al.common` the sample agencies, the clock and
the citation helper.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_al.act2022_420 import ACT_2022_420
from frpolicy.jurisdictions.us_al.common import AGENCIES

__all__ = ["ACT_2022_420", "ALABAMA"]

ALABAMA = Jurisdiction(code="US-AL", name="Alabama", versions=(ACT_2022_420,), agencies=AGENCIES)
"""The State of Alabama."""
