"""Detroit: the police department's Directive 307.5, and the Williams settlement of 2024.

Not statutes: a police department's own policy (an instrument of the ``policy`` kind) and the
settlement of a lawsuit that a court enforces (``settlement``). Two versions, one module
each: :mod:`~frpolicy.jurisdictions.us_mi_det.directive_307_5` (the Directive of 2019, until
28 June 2024) and :mod:`~frpolicy.jurisdictions.us_mi_det.williams_2024` (the settlement, with
the Directive as revised under it, from that day). The crimes the Directive names, and a
sample of Michigan offenses, are in :mod:`~frpolicy.jurisdictions.us_mi_det.offenses`; the
sample agencies, the clock and the citation helpers in
:mod:`~frpolicy.jurisdictions.us_mi_det.common`.

Detroit's place code, ``US-MI-DET``, lies within Michigan's (``US-MI``): the Detroit Police
Department is a local police department whose home is ``US-MI-DET``.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_mi_det.common import AGENCIES
from frpolicy.jurisdictions.us_mi_det.directive_307_5 import DIRECTIVE
from frpolicy.jurisdictions.us_mi_det.williams_2024 import SETTLEMENT

__all__ = ["DETROIT", "DIRECTIVE", "SETTLEMENT"]

DETROIT = Jurisdiction(
    code="US-MI-DET", name="Detroit", versions=(DIRECTIVE, SETTLEMENT), agencies=AGENCIES
)
"""The City of Detroit, Michigan: its police department's policy, and the settlement."""
