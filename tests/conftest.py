"""Shared test configuration: Hypothesis profiles.

The profile is chosen by the ``HYPOTHESIS_PROFILE`` environment variable (``dev`` when
unset); ``scripts/test`` selects ``ci`` when ``CI=true``.

Every profile the test command runs is deterministic, so a fresh clone never sees a test
fail by chance: examples are derandomized (each test draws the same ones on every run and
every machine, until its code or Hypothesis changes), and nothing depends on the speed of
a busy machine (no deadline, no "too slow" health check).

- ``dev``: 50 examples a test, the default.
- ``ci``: 300 examples a test.
- ``quick``: 20 examples a test, for a fast loop while editing.
- ``explore``: 1,000 random examples a test, remembered in the example database: to look
  for new failures on purpose, never in the test command.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

DETERMINISTIC = settings(
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""What every profile of the test command shares."""

settings.register_profile("dev", DETERMINISTIC, max_examples=50)
settings.register_profile("ci", DETERMINISTIC, max_examples=300, print_blob=True)
settings.register_profile("quick", DETERMINISTIC, max_examples=20)
settings.register_profile("explore", max_examples=1000, deadline=None)

PROFILE: str = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)
