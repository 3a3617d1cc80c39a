"""Time to verify every version of Massachusetts, and to diff consecutive versions.

Each version is verified from scratch (a new solver, nothing cached), as ``frpolicy verify``
does; wall time and CPU time of this process are reported side by side. The budget for
verifying every version is 10 s on the project's 2-core machine. Verifying each version
under each other choice of each reading (``frpolicy verify --every-reading``) and the diff
of each reading (``frpolicy diff US-MA VERSION --reading ID=CHOICE``) are timed too.

    python benchmarks/verify.py [--repeat N]
"""

from __future__ import annotations

import argparse
import itertools
import time

import attrs

import frpolicy
from frpolicy import analysis

BUDGET_SECONDS = 10.0


def _timed(label: str, run: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run() if callable(run) else None
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"  {label:<40} wall {wall:6.2f} s   cpu {cpu:6.2f} s   {result}")
    return wall, cpu


def _verify_all(versions: tuple[frpolicy.Version, ...]) -> float:
    total_wall = total_cpu = 0.0
    for version in versions:

        def check(v: frpolicy.Version = version) -> str:
            result = analysis.verify(attrs.evolve(v))  # a copy: verify keeps what it proved
            proved = sum(c.proved for c in result.claims)
            return f"{proved}/{len(result.claims)} claims proved"

        wall, cpu = _timed(f"verify {version.instrument.id}", check)
        total_wall += wall
        total_cpu += cpu
    print(f"  {'all versions':<40} wall {total_wall:6.2f} s   cpu {total_cpu:6.2f} s")
    return total_wall


def _diff_consecutive(versions: tuple[frpolicy.Version, ...]) -> None:
    for before, after in itertools.pairwise(versions):

        def compare(a: frpolicy.Version = before, b: frpolicy.Version = after) -> str:
            found = analysis.diff(a, b)
            return f"{len(found.changes)} classes, complete={found.complete}"

        _timed(f"diff {before.instrument.id} -> {after.instrument.id}", compare)


def _every_reading(versions: tuple[frpolicy.Version, ...]) -> None:
    total_wall = total_cpu = 0.0
    for version in versions:
        for reading in version.readings:
            for choice in reading.choices:
                if choice.id == reading.chosen:
                    continue
                other = version.with_readings({reading.id: choice.id})

                def check(v: frpolicy.Version = other) -> str:
                    result = analysis.verify(attrs.evolve(v))  # a copy, as above
                    return f"{sum(c.proved for c in result.claims)}/{len(result.claims)} proved"

                def compare(a: frpolicy.Version = version, b: frpolicy.Version = other) -> str:
                    return f"{len(analysis.diff(a, b).changes)} classes"

                name = f"{version.instrument.id} {reading.id}={choice.id}"
                wall, cpu = _timed(f"verify {name}", check)
                total_wall, total_cpu = total_wall + wall, total_cpu + cpu
                _timed(f"diff {name}", compare)
    print(
        f"  {'every other reading, verified':<40} wall {total_wall:6.2f} s   cpu {total_cpu:6.2f} s"
    )


def main() -> int:
    """Verify and diff every version of US-MA, under every reading; exit 1 past the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    versions = frpolicy.jurisdiction("US-MA").versions
    worst = 0.0
    for run in range(args.repeat):
        print(f"run {run + 1}: verify every version")
        worst = max(worst, _verify_all(versions))
        print(f"run {run + 1}: diff consecutive versions")
        _diff_consecutive(versions)
        print(f"run {run + 1}: every other reading of every version")
        _every_reading(versions)
    verdict = "within" if worst <= BUDGET_SECONDS else "OVER"
    print(
        f"verify, every version: worst {worst:.2f} s, {verdict} the {BUDGET_SECONDS:.0f} s budget"
    )
    return 0 if worst <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
