"""Run frpolicy's benchmarks and print a table of medians and ratios.

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --smoke    # a tiny workload, a few seconds: keeps the code alive

Three measurements, side by side in one run:

1. decision cost per request, on a seeded workload of Massachusetts requests under H.1728:
   frpolicy's outcome-only and explained paths, a hand-written function with the same
   logic (the floor), and peer engines (Cedar, Rego, django-rules) where installed;
2. audit throughput: ``frpolicy audit`` over generated logs, requests per second and peak
   memory;
3. scaling: decision cost as a generated policy grows from 10 to 1,000 rules.

Before anything is timed, every engine is run on the whole workload and must agree with
frpolicy's outcome on every request; a disagreement stops the run.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import audit
import engines
import scaling
import timing
import workload

import frpolicy
from frpolicy import Outcome, SearchRequest

FLOOR = "floor (hand-written)"
OUTCOME = "frpolicy decide (outcome)"
EXPLAINED = "frpolicy evaluate (explained)"


def _check_agreement(
    runs: dict[str, engines.Engine], requests: list[SearchRequest], reference: list[Outcome]
) -> None:
    for name, run in runs.items():
        answers = run(requests)
        if len(answers) != len(reference):
            sys.exit(f"{name}: {len(answers)} answers for {len(reference)} requests")
        for request, answer, expected in zip(requests, answers, reference, strict=True):
            agree = (
                answer is expected
                if isinstance(answer, Outcome)
                else answer is (expected is Outcome.PERMITTED)
            )
            if not agree:
                sys.exit(
                    f"DISAGREEMENT: {name} answers {answer!r} for {request.id}, "
                    f"frpolicy {expected.value}; nothing timed"
                )


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [list(map(str, header)), *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _us(ns: float) -> str:
    return f"{ns / 1000:.2f}"


def decisions(count: int, repeats: int) -> dict[str, timing.Timing]:
    """Section 1: decision cost per request under H.1728, against the floor and the peers."""
    version = frpolicy.jurisdiction("US-MA").version("H.1728")
    requests = workload.requests(count)
    reference = [version.decide(r) for r in requests]
    shares = {o: sum(x is o for x in reference) / count for o in Outcome}
    runs = engines.frpolicy_engines(version)
    peers, missing = engines.peer_engines()
    runs |= peers
    _check_agreement(runs, requests, reference)
    results = timing.interleaved(
        {n: (lambda f=f: f(requests)) for n, f in runs.items()}, count, repeats
    )
    floor = results[FLOOR].median
    print(
        f"\n## 1. Decision cost per request: {count:,} requests under H.1728, "
        f"median of {repeats} interleaved repeats"
    )
    print(
        "outcomes: "
        + ", ".join(f"{o.value} {share:.1%}" for o, share in shares.items())
        + f"; all {len(runs)} engines agree with frpolicy on every request\n"
    )
    rows = []
    for name, t in sorted(results.items(), key=lambda item: item[1].median):
        low, high = t.spread
        rows.append([name, _us(t.median), f"{_us(low)}-{_us(high)}", f"{t.median / floor:.1f}x"])
    print(_table(["engine", "median µs/request", "fastest-slowest repeat", "vs floor"], rows))
    for name, why in missing.items():
        print(f"- {name}: skipped, {why}")
    _targets(results)
    return results


def _targets(results: dict[str, timing.Timing]) -> None:
    floor = results[FLOOR].median
    outcome = results[OUTCOME].median / floor
    explained = results[EXPLAINED].median
    peers = {n: t.median for n, t in results.items() if not n.startswith(("floor", "frpolicy"))}
    print("\ntargets:")
    print(f"- outcome-only within 3x of the floor: {outcome:.1f}x, {_met(outcome <= 3)}")
    ratio = explained / floor
    print(f"- explained within 30x of the floor: {ratio:.1f}x, {_met(ratio <= 30)}")
    if peers:
        fastest = min(peers, key=peers.__getitem__)
        print(
            f"- explained faster than every peer's bare decision: fastest peer {fastest} at "
            f"{_us(peers[fastest])} µs, {_met(explained < peers[fastest])}"
        )


def _met(ok: bool) -> str:  # noqa: FBT001 - a verdict to print
    return "met" if ok else "MISSED"


def scale(sizes: Sequence[int], count: int, repeats: int) -> None:
    """Section 3: decision cost as a generated policy grows."""
    requests = workload.requests(count, seed=workload.SEED + 1)
    runs: dict[str, Any] = {}
    shares = {}
    for size in sizes:
        policy = scaling.generated_policy(size)
        scaling.check_paths_agree(policy, requests)
        shares[size] = scaling.outcome_share(policy, requests)
        decide, evaluate = policy.decide, policy.evaluate
        runs[f"decide {size}"] = lambda d=decide: [d(r) for r in requests]
        runs[f"evaluate {size}"] = lambda e=evaluate: [e(r) for r in requests]
    results = timing.interleaved(runs, count, repeats, seed=1)
    print(
        f"\n## 3. Scaling with policy size: {count:,} requests, median of {repeats} repeats "
        "(compiled and explained paths agree on every request)\n"
    )
    base = sizes[0]
    rows = []
    for size in sizes:
        d, e = results[f"decide {size}"].median, results[f"evaluate {size}"].median
        rows.append(
            [
                size,
                f"{shares[size]:.1%}",
                _us(d),
                f"{d / results[f'decide {base}'].median:.1f}x",
                _us(e),
                f"{e / results[f'evaluate {base}'].median:.1f}x",
            ]
        )
    header = ["rules", "permitted", "decide µs", f"vs {base}", "evaluate µs", f"vs {base}"]
    print(_table(header, rows))


def audits(sizes: Sequence[int]) -> None:
    """Section 2: ``frpolicy audit`` end to end over generated logs."""
    print("\n## 2. Audit throughput: frpolicy audit --format json, end to end\n")
    if not audit.cli_available():
        print("- skipped: frpolicy.cli is not there yet in this installation")
        return
    rows, runs = [], []
    with tempfile.TemporaryDirectory(prefix="frpolicy-bench-") as folder:
        for lines in sizes:
            log, out = Path(folder) / f"log-{lines}.jsonl", Path(folder) / f"report-{lines}.json"
            audit.write_log(log, lines)
            run = audit.run_audit(log, out)
            runs.append(run)
            rows.append(
                [
                    f"{lines:,}",
                    f"{run.log_bytes / 2**20:,.0f}",
                    f"{run.seconds:.1f}",
                    f"{run.per_second:,.0f}",
                    f"{run.peak_rss_kib / 1024:,.0f}",
                ]
            )
            log.unlink()
            out.unlink()
    print(_table(["lines", "log MiB", "seconds", "requests/s", "peak RSS MiB"], rows))
    first, last = runs[0], runs[-1]
    print("\ntargets:")
    print(
        f"- {last.lines:,} lines at 50,000 requests/s or more: {last.per_second:,.0f}/s, "
        f"{_met(last.per_second >= 50_000)}"
    )
    if len(runs) > 1:
        growth = last.peak_rss_kib / first.peak_rss_kib
        print(
            f"- peak memory flat from {first.lines:,} to {last.lines:,} lines: "
            f"x{growth:.2f}, {_met(growth <= 1.1)}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny workload, a few seconds")
    parser.add_argument("--requests", type=int, default=20_000, help="decision workload size")
    parser.add_argument("--repeats", type=int, default=9, help="interleaved repeats")
    parser.add_argument(
        "--skip", action="append", default=[], choices=["decisions", "audit", "scaling"]
    )
    args = parser.parse_args(argv)
    print(
        f"# frpolicy benchmarks{' (smoke)' if args.smoke else ''}: Python "
        f"{platform.python_version()}, {platform.machine()}, frpolicy {_version()}"
    )
    if args.smoke:
        count, repeats, audit_sizes, rule_sizes, scale_count = 300, 3, [2_000], [10, 100], 200
    else:
        count, repeats = args.requests, args.repeats
        audit_sizes, rule_sizes, scale_count = [100_000, 1_000_000], [10, 30, 100, 300, 1000], 5_000
    if "decisions" not in args.skip:
        decisions(count, repeats)
    if "audit" not in args.skip:
        audits(audit_sizes)
    if "scaling" not in args.skip:
        scale(rule_sizes, scale_count, max(3, repeats // 2))
    return 0


def _version() -> str:
    from importlib.metadata import version  # noqa: PLC0415 - only for the heading

    return version("frpolicy")


if __name__ == "__main__":
    sys.exit(main())
