"""What an audit under every reading of the law costs: ``frpolicy audit --every-reading``.

The audit of a log under the readings in force is set beside the same audit with
``--every-reading``, which also audits it under each other choice of each reading, in the
same pass; and beside what the alternative costs, an audit of its own for each choice (each
reading and parsing the log again). Each run is a child process over the same generated log
(:mod:`audit`), its CPU time (user and system) from ``os.wait4`` beside its wall time;
the runs are interleaved and repeated, and medians are shown.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import attrs
from audit import AuditRun, run_audit, write_log

import frpolicy
from frpolicy.reports import other_choices

__all__ = ["ReadingsCost", "measure"]

VERSION = "H.1728"


@attrs.frozen
class ReadingsCost:
    """The medians of the audits of one log: plain, under every reading, one audit per choice."""

    lines: int
    choices: int
    plain: AuditRun
    every: AuditRun
    separate_cpu: float
    separate_seconds: float
    same_counts: bool

    @property
    def cpu_per_choice(self) -> float:
        """CPU time each other choice adds to the one pass, per line, in microseconds."""
        return (self.every.cpu_seconds - self.plain.cpu_seconds) / self.choices / self.lines * 1e6

    @property
    def share_per_choice(self) -> float:
        """What each other choice adds, as a share of the plain audit's CPU time."""
        return (
            (self.every.cpu_seconds - self.plain.cpu_seconds)
            / self.choices
            / (self.plain.cpu_seconds)
        )


def _median(runs: list[AuditRun]) -> AuditRun:
    middle = sorted(runs, key=lambda r: r.cpu_seconds)[len(runs) // 2]
    return attrs.evolve(middle, seconds=statistics.median(r.seconds for r in runs))


def _counts(report: Path) -> tuple[int, int]:
    data = frpolicy.from_json(report.read_text(encoding="utf-8"), frpolicy.reports.AuditReport)
    return data.totals.unauthorized_searches, data.totals.obligations_violated


def measure(lines: int, repeats: int) -> ReadingsCost:
    """Time the three ways over a generated log of ``lines`` lines, ``repeats`` times each."""
    law = frpolicy.jurisdiction("US-MA")
    choices = other_choices(law, law.version(VERSION))
    plain: list[AuditRun] = []
    every: list[AuditRun] = []
    separate: list[tuple[float, float]] = []
    same = True
    with tempfile.TemporaryDirectory(prefix="frpolicy-bench-") as folder:
        log = Path(folder) / "log.jsonl"
        write_log(log, lines)
        out = Path(folder) / "report.json"
        for _ in range(repeats):
            plain.append(run_audit(log, out, "--limit", "0"))
            every.append(run_audit(log, out, "--limit", "0", "--every-reading"))
            found = frpolicy.from_json(
                out.read_text(encoding="utf-8"), frpolicy.reports.AuditReport
            )
            cpu = seconds = 0.0
            for reading, choice in choices:
                run = run_audit(log, out, "--limit", "0", "--reading", f"{reading}={choice}")
                cpu, seconds = cpu + run.cpu_seconds, seconds + run.seconds
                # the one pass must count what the audit of the choice on its own counts
                assert found.sensitivity is not None  # noqa: S101 - made with --every-reading
                mine = next(
                    c
                    for c in found.sensitivity.choices
                    if (c.reading, c.choice) == (reading, choice)
                )
                same &= (mine.totals.unauthorized_searches, mine.totals.obligations_violated) == (
                    _counts(out)
                )
            separate.append((cpu + plain[-1].cpu_seconds, seconds + plain[-1].seconds))
    return ReadingsCost(
        lines=lines,
        choices=len(choices),
        plain=_median(plain),
        every=_median(every),
        separate_cpu=statistics.median(c for c, _ in separate),
        separate_seconds=statistics.median(s for _, s in separate),
        same_counts=same,
    )


def report(cost: ReadingsCost) -> str:
    """The measurements as a Markdown table and a few lines of what they mean."""
    rows = [
        ("the readings in force", cost.plain.cpu_seconds, cost.plain.seconds),
        (
            f"--every-reading ({cost.choices} other choices, one pass)",
            cost.every.cpu_seconds,
            cost.every.seconds,
        ),
        (
            f"one audit per choice ({1 + cost.choices} passes)",
            cost.separate_cpu,
            cost.separate_seconds,
        ),
    ]
    saving = cost.separate_cpu / cost.every.cpu_seconds
    out = [
        "| audit of the log | CPU s | wall s | CPU µs/line |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {cpu:.2f} | {wall:.2f} | {cpu / cost.lines * 1e6:.1f} |"
            for name, cpu, wall in rows
        ),
        "",
        (
            f"- each other choice adds {cost.cpu_per_choice:.1f} µs of CPU a line, "
            f"{cost.share_per_choice:.0%} of the plain audit's CPU time"
        ),
        f"- the one pass against one audit per choice: {saving:.2f}x less CPU",
        f"- the one pass counts what each choice's own audit counts: {cost.same_counts}",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    smoke = "--smoke" in sys.argv
    result = measure(2_000 if smoke else 100_000, 1 if smoke else 3)
    print(f"## Audit under every reading: {result.lines:,} lines, --version {VERSION}\n")
    print(report(result))
