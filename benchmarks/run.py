"""Run frpolicy's benchmarks and print tables of medians and ratios.

    python benchmarks/run.py            # the full run (about a quarter of an hour)
    python benchmarks/run.py --smoke    # a tiny workload, a few seconds: keeps the code alive

Six measurements, side by side in one run:

1. decision cost per request, on a seeded workload of Massachusetts requests under H.1728:
   frpolicy's outcome-only path, its explained path warm and cold, a hand-written function
   with the same logic (the floor), peer engines (Cedar, Rego, django-rules) where
   installed, and the peers' input conversion on its own;
2. the same on a workload whose requests are all distinct in what the law reads of them,
   so that nothing an explanation is built from repeats;
3. audit cost: ``frpolicy audit`` over generated logs, CPU time per line beside a bare
   ``json.loads`` of the same lines, requests per second, peak memory, and the speed-up
   of ``--jobs 2`` (whose report must equal that of one process);
4. scaling: decision cost as a generated policy grows from 10 to 1,000 rules, with the
   size of a cached explanation and the memory of a cold pass;
5. import time: ``import frpolicy`` in fresh interpreters;
6. the audit under every reading of the law (``--every-reading``, one pass) beside the plain
   audit and beside one audit per choice of each reading.

Times are CPU time (``process_time``) beside wall time: the machine is shared, and CPU
time is what other processes disturb least. Ratios to the floor are of CPU times.

Before anything is timed, every engine is run on the whole workload and must agree with
frpolicy's outcome on every request; a disagreement stops the run.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import audit
import engines
import readings
import scaling
import timing
import workload

import frpolicy
from frpolicy import Outcome, SearchRequest
from frpolicy.policy import DEFAULT_CACHE_BYTES

FLOOR, OUTCOME, EXPLAINED, COLD = engines.FLOOR, engines.OUTCOME, engines.EXPLAINED, engines.COLD
WARM = f"{EXPLAINED}, warm"
ONE_PASS = f"{EXPLAINED}, one cold pass"


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


def _met(ok: bool) -> str:  # noqa: FBT001 - a verdict to print
    return "met" if ok else "MISSED"


def _frpolicy_runs(
    version: frpolicy.Version, requests: list[SearchRequest]
) -> dict[str, timing.Run]:
    """The paths of frpolicy and the floor, each with what is done before it is timed."""
    found = engines.frpolicy_engines(version)
    cache = version.policy.cache

    def warm_up() -> None:
        found[EXPLAINED](requests)

    return {
        FLOOR: timing.Run(lambda: found[FLOOR](requests)),
        OUTCOME: timing.Run(lambda: found[OUTCOME](requests)),
        WARM: timing.Run(lambda: found[EXPLAINED](requests), setup=warm_up),
        ONE_PASS: timing.Run(lambda: found[EXPLAINED](requests), setup=cache.clear),
        COLD: timing.Run(lambda: found[COLD](requests)),
    }


def _decision_table(results: dict[str, timing.Timing]) -> None:
    floor = results[FLOOR].cpu_median
    rows = []
    for name, t in sorted(results.items(), key=lambda item: item[1].cpu_median):
        low, high = t.spread
        rows.append(
            [
                name,
                _us(t.cpu_median),
                _us(t.median),
                f"{_us(low)}-{_us(high)}",
                f"{t.cpu_median / floor:.1f}x",
            ]
        )
    header = ["engine", "CPU µs/request", "wall µs/request", "wall fastest-slowest", "vs floor"]
    print(_table(header, rows))


def decisions(count: int, repeats: int) -> None:
    """Section 1: decision cost per request under H.1728, against the floor and the peers."""
    version = frpolicy.jurisdiction("US-MA").version("H.1728")
    requests = workload.requests(count)
    reference = [version.decide(r) for r in requests]
    shares = {o: sum(x is o for x in reference) / count for o in Outcome}
    mine = engines.frpolicy_engines(version)
    peers, missing = engines.peer_engines()
    _check_agreement(mine | peers, requests, reference)
    runs: dict[str, timing.Run | Callable[[], Any]] = dict(_frpolicy_runs(version, requests))
    runs |= {n: (lambda f=f: f(requests)) for n, f in peers.items()}
    if peers:  # conversion alone, for the installed peers
        runs |= {n: (lambda f=f: f(requests)) for n, f in engines.conversions().items()}
    results = timing.interleaved(runs, count, repeats)
    version.policy.cache.clear()
    distinct = len({version.decide(r) for r in requests})
    print(
        f"\n## 1. Decision cost per request: {count:,} requests under H.1728, "
        f"median of {repeats} interleaved repeats"
    )
    print(
        "outcomes: "
        + ", ".join(f"{o.value} {share:.1%}" for o, share in shares.items())
        + f"; all {len(mine) + len(peers)} engines agree with frpolicy on every request"
        + f" ({distinct} outcomes met)\n"
    )
    _decision_table(results)
    for name, why in missing.items():
        print(f"- {name}: skipped, {why}")
    _targets(results)


def _targets(results: dict[str, timing.Timing]) -> None:
    floor = results[FLOOR].cpu_median
    outcome = results[OUTCOME].cpu_median / floor
    warm = results[WARM].cpu_median / floor
    cold = results[COLD].cpu_median / floor
    print("\ntargets (CPU time):")
    print(f"- outcome-only within 1.5x of the floor: {outcome:.2f}x, {_met(outcome <= 1.5)}")
    print(f"- explained, warm, within 10x of the floor: {warm:.1f}x, {_met(warm <= 10)}")
    print(
        f"- explained with nothing cached within 30x of the floor: {cold:.1f}x, {_met(cold <= 30)}"
    )
    peers = {
        n: t.cpu_median
        for n, t in results.items()
        if not n.startswith(("floor", "frpolicy")) and " input " not in n
    }
    if peers:
        fastest = min(peers, key=peers.__getitem__)
        explained = results[COLD].cpu_median
        print(
            f"- explained with nothing cached faster than every peer's bare decision: fastest "
            f"peer {fastest} at {_us(peers[fastest])} µs, {_met(explained < peers[fastest])}"
        )


def distinct_decisions(count: int, repeats: int) -> None:
    """Section 2: the same paths on requests no two alike in what the law reads of them."""
    version = frpolicy.jurisdiction("US-MA").version("H.1728")
    requests = workload.distinct(version, count)
    reference = [version.decide(r) for r in requests]
    _check_agreement(engines.frpolicy_engines(version), requests, reference)
    results = timing.interleaved(_frpolicy_runs(version, requests), len(requests), repeats)
    version.policy.cache.clear()
    shares = {o: sum(x is o for x in reference) / len(requests) for o in Outcome}
    print(
        f"\n## 2. Decision cost with nothing to reuse: {len(requests):,} requests under "
        f"H.1728, no two alike in their leaves' values, median of {repeats} repeats"
    )
    print("outcomes: " + ", ".join(f"{o.value} {share:.1%}" for o, share in shares.items()))
    print("(one cold pass builds an explanation for every request)\n")
    _decision_table(results)


def audits(sizes: Sequence[int]) -> None:
    """Section 3: ``frpolicy audit`` end to end over generated logs."""
    print("\n## 3. Audit: frpolicy audit --version H.1728 --format json --limit 1000, end to end\n")
    if not audit.cli_available():
        print("- skipped: frpolicy.cli is not there yet in this installation")
        return
    rows, runs, bare, same = [], {}, {}, False
    with tempfile.TemporaryDirectory(prefix="frpolicy-bench-") as folder:
        for lines in sizes:
            log = Path(folder) / f"log-{lines}.jsonl"
            audit.write_log(log, lines)
            loads = bare[lines] = audit.json_loads_cpu(log)
            for jobs in (1, 2) if lines == sizes[0] else (1,):
                out = Path(folder) / f"report-{lines}-{jobs}.json"
                # --limit: the report lists 1,000 violations, so its own size stays flat
                run = audit.run_audit(log, out, "--jobs", str(jobs), "--limit", "1000")
                runs[lines, jobs] = run
                rows.append(
                    [
                        f"{lines:,}",
                        f"{run.log_bytes / 2**20:,.0f}",
                        jobs,
                        f"{run.seconds:.1f}",
                        f"{run.per_second:,.0f}",
                        f"{run.cpu_per_line:.1f}",
                        f"{loads:.1f}",
                        f"{run.cpu_per_line / loads:.1f}x",
                        f"{run.peak_rss_kib / 1024:,.0f}",
                    ]
                )
            if (lines, 2) in runs:
                same = filecmp.cmp(
                    Path(folder) / f"report-{lines}-1.json",
                    Path(folder) / f"report-{lines}-2.json",
                    shallow=False,
                )
            for out in Path(folder).glob(f"report-{lines}-*.json"):
                out.unlink()
            log.unlink()
    header = [
        "lines",
        "log MiB",
        "jobs",
        "wall s",
        "lines/s",
        "CPU µs/line",
        "json.loads µs/line",
        "vs json.loads",
        "peak RSS MiB",
    ]
    print(_table(header, rows))
    first, last = runs[sizes[0], 1], runs[sizes[-1], 1]
    cost = last.cpu_per_line / bare[sizes[-1]]
    print("\ntargets:")
    print(
        f"- CPU per line of {last.lines:,} within 4x a bare json.loads of it: {cost:.1f}x, "
        f"{_met(cost <= 4)}"
    )
    two = runs[sizes[0], 2]
    print(
        f"- --jobs 2 on {sizes[0]:,} lines: {runs[sizes[0], 1].seconds / two.seconds:.2f}x "
        f"faster (wall), the same report: {same}"
    )
    if len(sizes) > 1:
        growth = last.peak_rss_kib / first.peak_rss_kib
        print(
            f"- peak memory flat from {first.lines:,} to {last.lines:,} lines: "
            f"x{growth:.2f}, {_met(growth <= 1.1)}"
        )


def every_reading(lines: int, repeats: int) -> None:
    """Section 6: the audit under every reading, beside the plain one and one per choice."""
    print(
        f"\n## 6. Audit under every reading: {lines:,} lines, --version {readings.VERSION}, "
        f"median of {repeats}\n"
    )
    if not audit.cli_available():
        print("- skipped: frpolicy.cli is not there yet in this installation")
        return
    print(readings.report(readings.measure(lines, repeats)))


def scale(sizes: Sequence[int], count: int, repeats: int) -> None:
    """Section 4: decision cost, cache entries and a cold pass's memory as a policy grows."""
    requests = workload.requests(count, seed=workload.SEED + 1)
    runs: dict[str, timing.Run | Callable[[], Any]] = {}
    policies = {}
    for size in sizes:
        policy = scaling.generated_policy(size)
        policies[size] = policy
        scaling.check_paths_agree(policy, requests)
        cache = policy.cache
        decide, evaluate = policy.decide, policy.evaluate

        def cold(e: Callable[..., Any] = evaluate, clear: Callable[[], None] = cache.clear) -> None:
            for r in requests:
                clear()
                e(r)

        runs[f"decide {size}"] = lambda d=decide: [d(r) for r in requests]
        runs[f"warm {size}"] = timing.Run(
            lambda e=evaluate: [e(r) for r in requests],
            setup=lambda e=evaluate: [e(r) for r in requests],
        )
        runs[f"cold {size}"] = cold
    results = timing.interleaved(runs, count, repeats, seed=1)
    print(
        f"\n## 4. Scaling with policy size: {count:,} requests, median of {repeats} repeats, "
        "CPU time (compiled and explained paths agree on every request)\n"
    )
    rows = []
    for size in sizes:
        policy = policies[size]
        growth = scaling.cold_pass_growth(size, count)
        entry = policy.cache.entry_bytes
        rows.append(
            [
                f"{size:,}",
                f"{scaling.outcome_share(policy, requests):.1%}",
                _us(results[f"decide {size}"].cpu_median),
                _us(results[f"warm {size}"].cpu_median),
                _us(results[f"cold {size}"].cpu_median),
                f"{entry / 1024:,.1f}",
                f"{DEFAULT_CACHE_BYTES // entry:,}",
                f"{growth / 2**20:,.1f}",
            ]
        )
    header = [
        "rules",
        "permitted",
        "decide µs",
        "evaluate warm µs",
        "evaluate cold µs",
        "cache entry KiB (bound)",
        "entries in 32 MiB",
        "cold pass, resident growth MiB",
    ]
    print(_table(header, rows))


def imports(repeats: int) -> None:
    """Section 5: ``import frpolicy`` in fresh interpreters, beside ``import attrs``."""
    print(f"\n## 5. Import time: fresh interpreters, {repeats} each, bytecode cached\n")
    rows = []
    found: dict[str, list[float]] = {"frpolicy": [], "attrs": []}
    for module in found:
        _import_ms(module)  # writes the bytecode cache
    for _ in range(repeats):
        for module, samples in found.items():
            samples.append(_import_ms(module))
    for module, samples in found.items():
        rows.append(
            [f"import {module}", f"{min(samples):.1f}", f"{statistics.median(samples):.1f}"]
        )
    print(_table(["statement", "fastest ms", "median ms"], rows))
    fastest = min(found["frpolicy"])
    print(f"\ntargets:\n- import frpolicy within 60 ms: {fastest:.1f} ms, {_met(fastest <= 60)}")


def _import_ms(module: str) -> float:
    """The cumulative time ``-X importtime`` gives a module, in a fresh interpreter, in ms.

    Bytecode is written and read as an installation does, whatever this environment says.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed statement
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    last = [line for line in result.stderr.splitlines() if line.rstrip().endswith(f"| {module}")]
    return int(last[-1].split("|")[1]) / 1000


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a tiny workload, a few seconds")
    parser.add_argument("--requests", type=int, default=20_000, help="decision workload size")
    parser.add_argument("--repeats", type=int, default=9, help="interleaved repeats")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["decisions", "distinct", "audit", "scaling", "import", "readings"],
    )
    args = parser.parse_args(argv)
    print(
        f"# frpolicy benchmarks{' (smoke)' if args.smoke else ''}: Python "
        f"{platform.python_version()}, {platform.machine()}, frpolicy {_version()}"
    )
    if args.smoke:
        count, repeats, audit_sizes, rule_sizes, scale_count = 300, 3, [2_000], [10, 100], 200
        distinct, import_repeats = 200, 2
    else:
        count, repeats = args.requests, args.repeats
        audit_sizes, rule_sizes, scale_count = [100_000, 1_000_000], [10, 30, 100, 300, 1000], 5_000
        distinct, import_repeats = 5_000, 15
    if "decisions" not in args.skip:
        decisions(count, repeats)
    if "distinct" not in args.skip:
        distinct_decisions(distinct, repeats)
    if "audit" not in args.skip:
        audits(audit_sizes)
    if "scaling" not in args.skip:
        scale(rule_sizes, scale_count, max(3, repeats // 2))
    if "import" not in args.skip:
        imports(import_repeats)
    if "readings" not in args.skip:
        every_reading(2_000 if args.smoke else 100_000, 1 if args.smoke else 3)
    return 0


def _version() -> str:
    from importlib.metadata import version  # noqa: PLC0415 - only for the heading

    return version("frpolicy")


if __name__ == "__main__":
    sys.exit(main())
