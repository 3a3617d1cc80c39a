"""Shared test configuration: Hypothesis profiles.

The profile is chosen by the ``HYPOTHESIS_PROFILE`` environment variable
(``dev`` when unset). ``scripts/test`` selects ``ci`` when ``CI=true``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=50)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("quick", max_examples=20)

PROFILE: str = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)
