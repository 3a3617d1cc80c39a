"""Massachusetts: G.L. c.6 §220 in force, and the bills that would rewrite it.

Three versions, each a module that reads like an annotated statute:

- :mod:`~frpolicy.jurisdictions.us_ma.st2020_c253`: the law in force since July 1, 2021;
- :mod:`~frpolicy.jurisdictions.us_ma.h1728`: the 2023-24 bill as filed (H.1728 = S.927);
- :mod:`~frpolicy.jurisdictions.us_ma.h4359`: the Judiciary Committee's 2024 redraft.

The conditions they share are in :mod:`~frpolicy.jurisdictions.us_ma.conditions`, the
sample offense catalog in :mod:`~frpolicy.jurisdictions.us_ma.offenses`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_ma.common import AGENCIES
from frpolicy.jurisdictions.us_ma.h1728 import H1728
from frpolicy.jurisdictions.us_ma.h4359 import H4359
from frpolicy.jurisdictions.us_ma.st2020_c253 import CURRENT_LAW

__all__ = ["CURRENT_LAW", "H1728", "H4359", "MASSACHUSETTS"]

MASSACHUSETTS = Jurisdiction(
    code="US-MA", name="Massachusetts", versions=(CURRENT_LAW, H1728, H4359), agencies=AGENCIES
)
"""The Commonwealth of Massachusetts."""
