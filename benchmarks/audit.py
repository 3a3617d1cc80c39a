r"""Audit throughput: ``frpolicy audit`` over generated search logs, end to end.

Two kinds of log, JSON Lines of :class:`~frpolicy.SearchRecord` in a temporary directory:

- *the benchmark log* (:func:`write_log`): the seeded workload's records, written with
  :func:`frpolicy.to_json` (UTF-8, no escapes);
- *the sample-shaped log* (:func:`write_sample_log`): records of the mix that
  ``examples/generate.py`` draws for the shipped sample, written as Python's
  :func:`json.dumps` writes by default, every non-ASCII character escaped (``"§"`` as
  ``"\u00a7"``), as many producers of logs write them.

Writing a million records one by one would take longer than auditing them, so a log is
written from a pool of distinct seeded records, each line given its own request id: the
audit still parses, structures and evaluates every line.

The command runs in a child process; its wall time gives requests per second, its CPU
time (user and system, its worker processes included, from ``os.wait4``) the cost per
line, and GNU ``time`` (or, without it, ``os.wait4``) its peak resident memory. The cost
per line is set beside a bare ``json.loads`` of the same lines, timed in this process. A
run may hide ``orjson`` from the command, to measure the audit as installed without the
``fast`` extra.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import attrs
import workload

import frpolicy

__all__ = [
    "AuditRun",
    "cli_available",
    "json_loads_cpu",
    "run_audit",
    "write_log",
    "write_sample_log",
]

_POOL = 20_000
_EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"


@attrs.frozen
class AuditRun:
    """One timed run of the audit command over a log."""

    lines: int
    seconds: float
    cpu_seconds: float
    peak_rss_kib: int
    log_bytes: int

    @property
    def per_second(self) -> float:
        """Requests audited per second, end to end."""
        return self.lines / self.seconds

    @property
    def cpu_per_line(self) -> float:
        """CPU time per line, in microseconds, start-up and report included."""
        return self.cpu_seconds / self.lines * 1e6


def cli_available() -> bool:
    """Whether this installation of frpolicy has its command line (``frpolicy.cli``)."""
    try:
        import frpolicy.cli  # noqa: F401, PLC0415 - only probing for it
    except ImportError:
        return False
    return True


def write_log(path: Path, lines: int, seed: int = workload.SEED) -> int:
    """Write a search log of ``lines`` records to ``path``; return its size in bytes."""
    pool = [
        (frpolicy.to_json(record), record.request.id)
        for record in workload.records(min(lines, _POOL), seed)
    ]
    with path.open("w", encoding="utf-8") as log:
        for n in range(lines):
            text, request_id = pool[n % len(pool)]
            if n >= len(pool):
                text = text.replace(f'"{request_id}"', f'"MA-{n:07d}"', 1)
            log.write(text)
            log.write("\n")
    return path.stat().st_size


def write_sample_log(path: Path, lines: int, seed: int = 20240101) -> int:
    """Write ``lines`` records of the shipped sample's mix, escaped as ``json.dumps`` writes.

    Returns the size of the log in bytes.
    """
    spec = importlib.util.spec_from_file_location(
        "generate", _EXAMPLES.parent.parent.parent / "examples" / "generate.py"
    )
    assert spec is not None  # noqa: S101 - the file is in the repository
    assert spec.loader is not None  # noqa: S101 - a source file has a loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generator = generate.Generator(seed)
    pool = [frpolicy.to_dict(generator.record()) for _ in range(min(lines, _POOL))]
    with path.open("w", encoding="ascii") as log:
        for n in range(lines):
            data = pool[n % len(pool)]
            data["request"]["id"] = f"MA-{n:07d}"
            log.write(json.dumps(data))  # the defaults: "\\u00a7" for every "§"
            log.write("\n")
    return path.stat().st_size


_NO_ORJSON = "import sys; sys.modules['orjson'] = None; "
"""Hides orjson from the command: ``import orjson`` raises ImportError, as if not installed."""


def _command(*, fast: bool) -> list[str]:
    script = Path(sys.executable).with_name("frpolicy")
    if script.exists() and fast:
        return [str(script)]
    hide = "" if fast else _NO_ORJSON
    return [
        sys.executable,
        "-c",
        f"{hide}import sys; from frpolicy.cli import main; sys.exit(main())",
    ]


def run_audit(
    log: Path, output: Path, *options: str, version: str | None = "H.1728", fast: bool = True
) -> AuditRun:
    """Run ``frpolicy audit`` on ``log`` in a child process: wall and CPU time, peak memory.

    ``options`` are more options of the command (``--jobs 2``). ``version`` ``None`` judges
    each search under the law in force on its day; ``fast`` false hides orjson.

    Raises:
        RuntimeError: the command failed (its standard error is in the message).
    """
    chosen = () if version is None else ("--version", version)
    command = [
        *_command(fast=fast),
        "audit",
        str(log),
        "--jurisdiction",
        "US-MA",
        *chosen,
        "--format",
        "json",
        "--output",
        str(output),
        *options,
    ]
    # A forked child's peak-memory record starts from its parent's (the benchmark, holding
    # its workload); GNU time is a small parent, so its figure is the audit's own.
    peak_file = output.with_suffix(".peak")
    gnu_time = shutil.which("time") if Path("/usr/bin/time").exists() else None
    if gnu_time is not None:
        command = [gnu_time, "-f", "%M", "-o", str(peak_file), *command]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603 - our own command line
    assert child.stderr is not None  # noqa: S101 - set by stderr=PIPE
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss
    if gnu_time is not None and peak_file.exists():
        peak = int(peak_file.read_text(encoding="utf-8").split()[-1])
        peak_file.unlink()
    # The audit exits non-zero when it finds violations; only a crash or a usage error fails.
    if child.returncode not in {0, 1} or not output.exists():
        msg = f"frpolicy audit exited {child.returncode}: {errors.decode(errors='replace')[-2000:]}"
        raise RuntimeError(msg)
    lines = sum(1 for _ in log.open("rb"))
    cpu = usage.ru_utime + usage.ru_stime
    return AuditRun(lines, seconds, cpu, peak, log.stat().st_size)


def json_loads_cpu(log: Path, lines: int = 100_000, repeats: int = 3) -> float:
    """CPU microseconds per line of a bare ``json.loads`` of the log's first ``lines`` lines.

    The lines are read into memory first; the median of ``repeats`` runs is returned.
    """
    with log.open("rb") as handle:
        text = [line.decode("utf-8") for line in itertools.islice(handle, lines)]
    loads, samples = json.loads, []
    for _ in range(repeats):
        start = time.process_time()
        for line in text:
            loads(line)
        samples.append((time.process_time() - start) / len(text) * 1e6)
    return sorted(samples)[len(samples) // 2]


def disk_free(path: Path) -> int:
    """Free bytes on the disk that holds ``path``."""
    return shutil.disk_usage(path).free
