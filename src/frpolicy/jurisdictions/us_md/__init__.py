"""Maryland: Criminal Procedure §§2-501 to 2-510, in force from October 1, 2024.

One version, in one module that reads like the annotated statute:
:mod:`~frpolicy.jurisdictions.us_md.ch808`. The twelve categories of crime the law lets
facial recognition investigate, and a sample of offenses in them, are in
:mod:`~frpolicy.jurisdictions.us_md.offenses`; the sample agencies, the clock and the
citation helper in :mod:`~frpolicy.jurisdictions.us_md.common`.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Jurisdiction
from frpolicy.jurisdictions.us_md.ch808 import CH808
from frpolicy.jurisdictions.us_md.common import AGENCIES

__all__ = ["CH808", "MARYLAND"]

MARYLAND = Jurisdiction(code="US-MD", name="Maryland", versions=(CH808,), agencies=AGENCIES)
"""The State of Maryland."""
