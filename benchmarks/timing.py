"""Timing on a shared, noisy machine: interleaved repeats, reported as medians.

Every repeat runs each engine once over the whole workload, in an order shuffled afresh
each repeat, so a burst of load from another process spreads over all engines instead of
falling on one. The garbage collector is run before each timed run and left on during it,
as it would be in production. The statistic reported is the median per-request time
over the repeats, with the fastest and slowest repeat beside it.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

__all__ = ["Timing", "interleaved"]


@attrs.frozen
class Timing:
    """The per-item times, in nanoseconds, of one engine's repeats."""

    name: str
    items: int
    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median per-item time over the repeats, in nanoseconds."""
        return statistics.median(self.samples)

    @property
    def spread(self) -> tuple[float, float]:
        """The fastest and slowest repeat, per item, in nanoseconds."""
        return min(self.samples), max(self.samples)


def interleaved(
    runs: Mapping[str, Callable[[], Any]], items: int, repeats: int, seed: int = 0
) -> dict[str, Timing]:
    """Time each run ``repeats`` times, interleaved in a shuffled order, per item of work."""
    rng = random.Random(seed)  # noqa: S311 - seeded for repeatable runs, not for secrecy
    samples: dict[str, list[float]] = {name: [] for name in runs}
    names: Sequence[str] = list(runs)
    for _ in range(repeats):
        order = list(names)
        rng.shuffle(order)
        for name in order:
            run = runs[name]
            gc.collect()
            start = time.perf_counter_ns()
            run()
            samples[name].append((time.perf_counter_ns() - start) / items)
    return {name: Timing(name, items, tuple(samples[name])) for name in names}
