"""The decision log: how fast it takes records, one at a time and in batches.

    python benchmarks/decision_log.py            # a few minutes
    python benchmarks/decision_log.py --smoke    # a few seconds; the numbers mean nothing

Records are made once, before anything is timed, from the seeded workload's requests under
the law in force (about a third permitted, each record holding its whole decision: 2 to 7
KB of JSON). Each run appends them to a fresh log in a temporary directory (on the same
disk as the system's temporary files), either one append per record (one transaction and
one write to disk each: SQLite in WAL mode, synchronous FULL) or in batches. Every run is
repeated, the repeats interleaved and shuffled as in ``run.py``; the table gives the median
appends per second by wall time and by the process's CPU time (the machine is shared: wall
time includes waiting for the disk and for other processes, CPU time does not), then the
cost of making a record and of verifying the chain.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import workload

import frpolicy
from frpolicy.records import DecisionLog, DecisionRecord, record_decision


def _records(count: int) -> list[DecisionRecord]:
    ma = frpolicy.jurisdiction("US-MA")
    base = [record_decision(ma, r) for r in workload.requests(min(count, 2_000))]
    return [attrs.evolve(base[i % len(base)], id=f"bench-{i}") for i in range(count)]


def _append(records: list[DecisionRecord], batch: int) -> Callable[[Path], None]:
    def run(path: Path) -> None:
        with DecisionLog(path) as log:
            if batch == 1:
                for record in records:
                    log.append(record)
            else:
                for start in range(0, len(records), batch):
                    log.extend(records[start : start + batch])

    return run


def _timed(run: Callable[[Path], None], folder: Path, name: str) -> tuple[float, float]:
    path = folder / f"{name}.db"
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    for leftover in folder.glob(f"{name}.db*"):
        leftover.unlink()
    return wall, cpu


def appends(count: int, single: int, repeats: int, seed: int = 0) -> list[list[str]]:
    """The median appends per second of each way of appending, by wall and CPU time."""
    records = _records(count)
    runs = {
        "single (append)": (records[:single], _append(records[:single], 1)),
        "batches of 100 (extend)": (records, _append(records, 100)),
        "batches of 1,000 (extend)": (records, _append(records, 1_000)),
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    rng = random.Random(seed)  # noqa: S311 - a shuffled order, not a secret
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeats):
            order = list(runs)
            rng.shuffle(order)
            for name in order:
                done, run = runs[name]
                wall, cpu = _timed(run, Path(folder), "log")
                samples[name].append((len(done) / wall, len(done) / cpu))
    rows = []
    for name, (done, _) in runs.items():
        walls = sorted(w for w, _ in samples[name])
        cpus = [c for _, c in samples[name]]
        rows.append(
            [
                name,
                f"{len(done):,}",
                f"{statistics.median(walls):,.0f}",
                f"{walls[0]:,.0f}-{walls[-1]:,.0f}",
                f"{statistics.median(cpus):,.0f}",
            ]
        )
    return rows


def costs(count: int) -> list[str]:
    """Microseconds to make a record, and to verify a row of the chain."""
    ma = frpolicy.jurisdiction("US-MA")
    requests = workload.requests(count)
    start = time.process_time()
    records = [record_decision(ma, r) for r in requests]
    make = (time.process_time() - start) / count * 1e6
    with tempfile.TemporaryDirectory() as folder, DecisionLog(Path(folder, "v.db")) as log:
        log.extend(records)
        start = time.process_time()
        found = log.verify()
        check = (time.process_time() - start) / count * 1e6
    assert found.valid  # noqa: S101 - a benchmark of a broken chain would mean nothing
    return [
        f"- making a record (decide, hash the request): {make:.0f} µs of CPU per request",
        f"- verifying the chain: {check:.0f} µs of CPU per row",
    ]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    cells = [list(header), *rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def section(*, smoke: bool) -> None:
    """Print the section: appends per second, single and batched; the cost of a record."""
    count, single, repeats = (300, 30, 1) if smoke else (20_000, 2_000, 5)
    print(f"\n## Decision log: appends to SQLite, median of {repeats} repeats\n")
    header = ["appends", "records", "per s (wall)", "fastest-slowest (wall)", "per s (CPU)"]
    print(_table(header, appends(count, single, repeats)))
    print()
    print("\n".join(costs(min(count, 5_000))))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny workload, a few seconds")
    section(smoke=parser.parse_args(argv).smoke)
    return 0


if __name__ == "__main__":
    sys.exit(main())
