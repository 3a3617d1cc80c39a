"""The European Union: the AI Act's Article 5 on real-time identification, and Article 26(10).

Regulation (EU) 2024/1689 in one module that reads like the annotated articles:
:mod:`~frpolicy.jurisdictions.eu.reg2024_1689`. Annex II's offences, the victims of Article
5(1)(h)(i) and a sample of German crimes are in :mod:`~frpolicy.jurisdictions.eu.offenses`;
the member states, the sample agencies, the clock and the citation helper in
:mod:`~frpolicy.jurisdictions.eu.common`.

The exceptions of Article 5(1)(h) exist only where a member state's law opts in (Art.
5(5)). No member state's law is encoded: each objective's opt-in is a reading whose adopted
choice is "no national law", and ``EU.with_readings({"eu-opt-in-victims": "national-law"})``
judges a request as the Regulation would where the member state concerned has opted in for
that objective.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.eu.common import AGENCIES
from frpolicy.jurisdictions.eu.reg2024_1689 import AI_ACT

__all__ = ["AI_ACT", "EU"]

EU = Jurisdiction(code="EU", name="European Union", versions=(AI_ACT,), agencies=AGENCIES)
"""The European Union, under the AI Act."""
