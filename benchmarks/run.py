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
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
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
        f"- explained with nothing cached within 15x of the floor: {cold:.1f}x, {_met(cold <= 15)}"
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


@attrs.frozen
class _AuditCase:
    """One run of the audit command in section 3: which log, and how it is run."""

    kind: str
    lines: int
    jobs: int = 1
    fast: bool = True
    limit: int | None = None

    @property
    def options(self) -> list[str]:
        limit = [] if self.limit is None else ["--limit", str(self.limit)]
        return ["--jobs", str(self.jobs), *limit]


BENCHMARK_LOG, SAMPLE_LOG = "benchmark", "sample-shaped, escaped"
_AUDIT_HEADER = [
    "log",
    "lines",
    "listed",
    "jobs",
    "orjson",
    "wall s",
    "lines/s",
    "CPU µs/line",
    "json.loads µs/line",
    "vs json.loads",
    "peak RSS MiB",
]


def _write(kind: str, log: Path, lines: int) -> None:
    if kind == BENCHMARK_LOG:
        audit.write_log(log, lines)
    else:
        audit.write_sample_log(log, lines)


def _audit_row(case: _AuditCase, run: audit.AuditRun, loads: float) -> list[str]:
    return [
        case.kind,
        f"{case.lines:,}",
        "all" if case.limit is None else f"{case.limit:,}",
        str(case.jobs),
        "yes" if case.fast else "no",
        f"{run.seconds:.1f}",
        f"{run.per_second:,.0f}",
        f"{run.cpu_per_line:.1f}",
        f"{loads:.1f}",
        f"{run.cpu_per_line / loads:.1f}x",
        f"{run.peak_rss_kib / 1024:,.0f}",
    ]


def audits(sizes: Sequence[int], sample: int, listed: Sequence[int]) -> None:
    """Section 3: ``frpolicy audit`` end to end over generated logs of both kinds.

    ``sizes``: lines of the benchmark log (the first is also audited with every violation
    listed, on two processes, and without orjson); ``sample``: lines of the sample-shaped
    log; ``listed``: the sizes of sample-shaped logs whose memory is compared with every
    violation listed.
    """
    print("\n## 3. Audit: frpolicy audit --jurisdiction US-MA --format json, end to end\n")
    if not audit.cli_available():
        print("- skipped: frpolicy.cli is not there yet in this installation")
        return
    first = sizes[0]
    cases = [
        _AuditCase(BENCHMARK_LOG, first),
        _AuditCase(BENCHMARK_LOG, first, jobs=2),
        _AuditCase(BENCHMARK_LOG, first, fast=False),
        *(_AuditCase(BENCHMARK_LOG, n, limit=1000) for n in sizes),
        _AuditCase(SAMPLE_LOG, sample),
        _AuditCase(SAMPLE_LOG, sample, fast=False),
        *(_AuditCase(SAMPLE_LOG, n) for n in listed if n != sample),
    ]
    runs: dict[_AuditCase, audit.AuditRun] = {}
    bare: dict[tuple[str, int], float] = {}
    same: dict[str, bool] = {}
    rows = []
    with tempfile.TemporaryDirectory(prefix="frpolicy-bench-") as folder:
        for kind, lines in dict.fromkeys((c.kind, c.lines) for c in cases):
            log = Path(folder) / "log.jsonl"
            _write(kind, log, lines)
            loads = bare[kind, lines] = audit.json_loads_cpu(log)
            reports: dict[_AuditCase, Path] = {}
            for case in (c for c in cases if (c.kind, c.lines) == (kind, lines)):
                out = reports[case] = Path(folder) / f"report-{len(reports)}.json"
                # the benchmark log is judged under H.1728, the sample-shaped one under the
                # law in force on each search's day
                version = "H.1728" if kind == BENCHMARK_LOG else None
                run = runs[case] = audit.run_audit(
                    log, out, *case.options, version=version, fast=case.fast
                )
                rows.append(_audit_row(case, run, loads))
            _same_reports(kind, reports, same)
            for out in reports.values():
                out.unlink()
            log.unlink()
    print(
        "Listed: the violations the report lists (all, or the first 1,000 with --limit "
        "1000). The benchmark log is judged under H.1728, the sample-shaped log under the "
        "law in force on each search's day.\n"
    )
    print(_table(_AUDIT_HEADER, rows))
    timed = {(BENCHMARK_LOG, first), (SAMPLE_LOG, sample)}
    ratios = [c for c in cases if (c.kind, c.lines) in timed and c.limit is None and c.jobs == 1]
    _audit_targets(ratios, runs, bare, same, sizes=sizes, listed=listed)


def _same_reports(kind: str, reports: dict[_AuditCase, Path], same: dict[str, bool]) -> None:
    """Note whether the runs of one log that list everything wrote one report, byte for byte."""
    whole = [path for case, path in reports.items() if case.limit is None]
    for path in whole[1:]:
        same[kind] = same.get(kind, True) and filecmp.cmp(whole[0], path, shallow=False)


def _audit_targets(  # noqa: PLR0913 - what the section measured, each named
    ratios: list[_AuditCase],
    runs: dict[_AuditCase, audit.AuditRun],
    bare: dict[tuple[str, int], float],
    same: dict[str, bool],
    *,
    sizes: Sequence[int],
    listed: Sequence[int],
) -> None:
    print("\ntargets (CPU time, every violation listed):")
    for case in ratios:
        cost = runs[case].cpu_per_line / bare[case.kind, case.lines]
        bound = 4 if case.fast else 6
        orjson = "with orjson" if case.fast else "without orjson"
        print(
            f"- {case.kind} log of {case.lines:,} lines, {orjson}, within {bound}x a bare "
            f"json.loads of each line: {cost:.1f}x, {_met(cost <= bound)}"
        )
    one = runs[ratios[0]]
    two = runs[attrs.evolve(ratios[0], jobs=2)]
    print(
        f"- --jobs 2 on {ratios[0].lines:,} lines: {one.seconds / two.seconds:.2f}x faster "
        f"(wall); the same report with 1 or 2 processes, with or without orjson: "
        f"{all(same.values())}"
    )
    limited = [run for c, run in runs.items() if c.limit is not None]
    if len(sizes) > 1:
        growth = limited[-1].peak_rss_kib / limited[0].peak_rss_kib
        print(
            f"- peak memory flat from {sizes[0]:,} to {sizes[-1]:,} lines with --limit 1000: "
            f"x{growth:.2f}, {_met(growth <= 1.1)}"
        )
    whole = {c.lines: run for c, run in runs.items() if c.kind == SAMPLE_LOG and c.fast}
    if len(listed) > 1:
        small, large = whole[min(listed)], whole[max(listed)]
        growth = large.peak_rss_kib / small.peak_rss_kib
        print(
            f"- peak memory flat from {min(listed):,} to {max(listed):,} lines with every "
            f"violation listed: x{growth:.2f}, {_met(growth <= 1.2)}"
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
    found: dict[str, list[tuple[float, float]]] = {"frpolicy": [], "attrs": []}
    for module in found:
        _import_ms(module)  # writes the bytecode cache
    for _ in range(repeats):
        for module, samples in found.items():
            samples.append(_import_ms(module))
    for module, samples in found.items():
        cpu, wall = [s[0] for s in samples], [s[1] for s in samples]
        rows.append(
            [
                f"import {module}",
                f"{min(cpu):.1f}",
                f"{statistics.median(cpu):.1f}",
                f"{min(wall):.1f}",
                f"{statistics.median(wall):.1f}",
            ]
        )
    header = ["statement", "fastest CPU ms", "median CPU ms", "fastest wall ms", "median wall ms"]
    print(_table(header, rows))
    first = [_first_decision() for _ in range(repeats)]
    parts = ["import", "jurisdiction", "decode", "decide"]
    print(
        f"\nThe first decision in a fresh interpreter, {repeats} runs: import frpolicy, "
        "frpolicy.jurisdiction('US-MA'), from_json of examples/request.json, "
        "evaluate under the law in force (CPU ms; the run with the fastest total)\n"
    )
    best = min(first, key=lambda times: times["total"])
    print(
        _table(
            [*parts, "total", "median total"],
            [
                [
                    *(f"{best[p]:.1f}" for p in parts),
                    f"{best['total']:.1f}",
                    f"{statistics.median(t['total'] for t in first):.1f}",
                ]
            ],
        )
    )
    fastest = min(cpu for cpu, _ in found["frpolicy"])
    print(
        f"\ntargets:\n- import frpolicy within 60 ms of CPU time: {fastest:.1f} ms, "
        f"{_met(fastest <= 60)}"
    )
    total = best["total"]
    print(
        f"- the first decision in a fresh process within 100 ms: {total:.1f} ms, "
        f"{_met(total <= 100)}"
    )


_FIRST_DECISION = """
import json, time
clock = time.process_time
times = {}
start = mark = clock()
import frpolicy
times["import"], mark = clock() - mark, clock()
place = frpolicy.jurisdiction("US-MA")
times["jurisdiction"], mark = clock() - mark, clock()
with open(REQUEST, encoding="utf-8") as file:
    request = frpolicy.from_json(file.read(), frpolicy.SearchRequest)
times["decode"], mark = clock() - mark, clock()
place.evaluate(request)
times["decide"], mark = clock() - mark, clock()
times["total"] = clock() - start
print(json.dumps({k: v * 1000 for k, v in times.items()}))
"""


def _first_decision() -> dict[str, float]:
    """The CPU milliseconds of each step of a first decision, in a fresh interpreter."""
    request = (
        Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples" / "request.json"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed script
        [sys.executable, "-c", _FIRST_DECISION.replace("REQUEST", repr(str(request)))],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return typing.cast("dict[str, float]", json.loads(result.stdout))


_IMPORT = """
import sys, time
clock, wall = time.process_time, time.perf_counter
cpu, start = clock(), wall()
import MODULE
print(clock() - cpu, wall() - start)
"""


def _import_ms(module: str) -> tuple[float, float]:
    """The CPU and wall milliseconds of ``import module`` in a fresh interpreter.

    Bytecode is written and read as an installation does, whatever this environment says.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed statement
        [sys.executable, "-c", _IMPORT.replace("MODULE", module)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    cpu, wall = (float(part) * 1000 for part in result.stdout.split())
    return cpu, wall


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
        distinct, import_repeats, sample, listed = 200, 2, 1_000, [500, 1_000]
    else:
        count, repeats = args.requests, args.repeats
        audit_sizes, rule_sizes, scale_count = [100_000, 1_000_000], [10, 30, 100, 300, 1000], 5_000
        distinct, import_repeats, sample, listed = 5_000, 15, 50_000, [10_000, 1_000_000]
    if "decisions" not in args.skip:
        decisions(count, repeats)
    if "distinct" not in args.skip:
        distinct_decisions(distinct, repeats)
    if "audit" not in args.skip:
        audits(audit_sizes, sample, listed)
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
