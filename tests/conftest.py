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

A derandomized test draws the same examples only from the same constants: Hypothesis mixes
into its draws the literals of the local modules imported so far (``frpolicy``, installed
editable, is local). Which of its modules a process has imported depends on the tests it
ran before (the registry, the analysis and the reports load lazily), so this file imports
every one of them first: every process, in any order and with any worker, has the same
pool, and a failure seen once under ``-n 2`` comes back alone.
"""

from __future__ import annotations

import importlib
import os
import pkgutil

from hypothesis import HealthCheck, settings

import frpolicy

for _module in pkgutil.walk_packages(frpolicy.__path__, f"{frpolicy.__name__}."):
    try:
        importlib.import_module(_module.name)
    except ImportError:  # an optional extra not installed: no process here can import it
        continue

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
