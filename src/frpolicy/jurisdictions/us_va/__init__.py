"""Virginia: Va. Code §§15.2-1723.2 (local police), 23.1-815.1 (campus), 52-4.5 (State Police).

Three versions, from two texts:

- :data:`CH537`: the 2021 ban (2021 Va. Acts Sp. Sess. I ch. 537), in force from July 1, 2021:
  no local or campus police may purchase or deploy facial recognition unless a statute
  expressly authorizes it;
- :data:`CH737`: 2022 Va. Acts ch. 737 (SB 741), in force from July 1, 2022 until July 1,
  2026: fourteen authorized uses, approved and tested technology, no real-time tracking, no
  match in a warrant affidavit, an annual public report; for the State Police too;
- :data:`CH537_FROM_2026`: the 2021 ban again, from July 1, 2026, when the provisions of the
  2022 act expire.

Each text reads like the annotated statute in its module
(:mod:`~frpolicy.jurisdictions.us_va.ch537`, :mod:`~frpolicy.jurisdictions.us_va.ch737`); the
trafficking line the 2022 act draws and a sample of Virginia crimes are in
:mod:`~frpolicy.jurisdictions.us_va.offenses`; the sample agencies, the clock and the citation
helper in :mod:`~frpolicy.jurisdictions.us_va.common`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_va.ch537 import CH537, CH537_FROM_2026
from frpolicy.jurisdictions.us_va.ch737 import CH737
from frpolicy.jurisdictions.us_va.common import AGENCIES

__all__ = ["CH537", "CH537_FROM_2026", "CH737", "VIRGINIA"]

VIRGINIA = Jurisdiction(
    code="US-VA", name="Virginia", versions=(CH537, CH737, CH537_FROM_2026), agencies=AGENCIES
)
"""The Commonwealth of Virginia."""
