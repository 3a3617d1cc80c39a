"""Time to verify every version of Massachusetts, and to diff consecutive versions.

Each version is verified from scratch (a new solver, nothing cached), as ``frpolicy verify``
does; wall time and CPU time of this process are reported side by side. The budget for
verifying every version is 10 s on the project's 2-core machine.

    python benchmarks/verify.py [--repeat N]
"""

from __future__ import annotations

import argparse
import itertools
import time

import frpolicy
from frpolicy import analysis

BUDGET_SECONDS = 10.0


def _timed(label: str, run: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run() if callable(run) else None
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"  {label:<40} wall {wall:6.2f} s   cpu {cpu:6.2f} s   {result}")
    return wall, cpu


def main() -> int:
    """Verify and diff every version of US-MA; exit 1 past the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    versions = frpolicy.jurisdiction("US-MA").versions
    worst = 0.0
    for run in range(args.repeat):
        print(f"run {run + 1}: verify every version")
        total_wall = total_cpu = 0.0
        for version in versions:

            def check(v: frpolicy.Version = version) -> str:
                result = analysis.verify(v)
                proved = sum(c.proved for c in result.claims)
                return f"{proved}/{len(result.claims)} claims proved"

            wall, cpu = _timed(f"verify {version.instrument.id}", check)
            total_wall += wall
            total_cpu += cpu
        print(f"  {'all versions':<40} wall {total_wall:6.2f} s   cpu {total_cpu:6.2f} s")
        worst = max(worst, total_wall)
        print(f"run {run + 1}: diff consecutive versions")
        for before, after in itertools.pairwise(versions):

            def compare(a: frpolicy.Version = before, b: frpolicy.Version = after) -> str:
                found = analysis.diff(a, b)
                return f"{len(found.changes)} classes, complete={found.complete}"

            _timed(f"diff {before.instrument.id} -> {after.instrument.id}", compare)
    verdict = "within" if worst <= BUDGET_SECONDS else "OVER"
    print(
        f"verify, every version: worst {worst:.2f} s, {verdict} the {BUDGET_SECONDS:.0f} s budget"
    )
    return 0 if worst <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
