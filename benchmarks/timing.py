"""Timing on a shared, noisy machine: interleaved repeats, CPU time beside wall time, medians.

Every repeat runs each engine once over the whole workload, in an order shuffled afresh
each repeat, so a burst of load from another process spreads over all engines instead of
falling on one. The garbage collector is run before each timed run and left on during it,
as it would be in production. Each run is timed twice over: by the wall clock
(``perf_counter``) and by the CPU time of this process (``process_time``), which other
processes on the machine disturb far less. The statistic reported is the median per-item
time over the repeats, with the fastest and slowest repeat beside it.

A run may come with a setup, called before it and not timed: to warm a cache, or to
empty one.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

__all__ = ["Run", "Timing", "interleaved"]


@attrs.frozen
class Run:
    """What to time, and what to do, untimed, before each repeat of it."""

    work: Callable[[], Any]
    setup: Callable[[], Any] | None = None


@attrs.frozen
class Timing:
    """The per-item times, in nanoseconds, of one engine's repeats: wall and CPU."""

    name: str
    items: int
    samples: tuple[float, ...]
    cpu: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median per-item wall time over the repeats, in nanoseconds."""
        return statistics.median(self.samples)

    @property
    def cpu_median(self) -> float:
        """The median per-item CPU time over the repeats, in nanoseconds."""
        return statistics.median(self.cpu)

    @property
    def spread(self) -> tuple[float, float]:
        """The fastest and slowest repeat, per item, wall time, in nanoseconds."""
        return min(self.samples), max(self.samples)


def interleaved(
    runs: Mapping[str, Run | Callable[[], Any]], items: int, repeats: int, seed: int = 0
) -> dict[str, Timing]:
    """Time each run ``repeats`` times, interleaved in a shuffled order, per item of work."""
    rng = random.Random(seed)  # noqa: S311 - seeded for repeatable runs, not for secrecy
    plans = {name: run if isinstance(run, Run) else Run(run) for name, run in runs.items()}
    wall: dict[str, list[float]] = {name: [] for name in plans}
    cpu: dict[str, list[float]] = {name: [] for name in plans}
    names: Sequence[str] = list(plans)
    for _ in range(repeats):
        order = list(names)
        rng.shuffle(order)
        for name in order:
            plan = plans[name]
            if plan.setup is not None:
                plan.setup()
            gc.collect()
            start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
            plan.work()
            cpu[name].append((time.process_time_ns() - start_cpu) / items)
            wall[name].append((time.perf_counter_ns() - start) / items)
    return {name: Timing(name, items, tuple(wall[name]), tuple(cpu[name])) for name in names}
