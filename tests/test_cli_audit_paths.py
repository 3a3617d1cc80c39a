r"""The audit's fast paths give the report the straightforward path gives, byte for byte.

``frpolicy audit`` reads each line with :class:`~frpolicy.serialization.Decoder` (orjson
when installed) and may split a log over several processes (``--jobs``). The reference is
one process reading every line the straightforward way, as the reference reader of
:mod:`frpolicy.serialization` reads it (no fast path). Each log
is audited every way, and the reports must be the same bytes: the shipped sample logs,
and logs of the sample's mix drawn afresh, each written as frpolicy writes JSON (UTF-8)
and as Python's :func:`json.dumps` writes it by default (every "§" as ``\u00a7``).

Past a few thousand, the violations an audit lists wait in a temporary file, and the report
is written from it a row at a time; the fast paths here send them there after a few, so
every format of a report read back from disk is compared with the one held in memory.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import frpolicy
from frpolicy import cli, compliance, serialization
from frpolicy.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"


def _generated(lines: int, seed: int) -> tuple[list[str], list[str]]:
    """Search records and cases of the shipped sample's mix, drawn from ``seed``, as JSON."""
    spec = importlib.util.spec_from_file_location(
        "generate", EXAMPLES.parent.parent.parent / "examples" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generator = generate.Generator(seed)
    records, cases = [], []
    for number in range(1, lines + 1):
        record = generator.record()
        record = attrs.evolve(record, request=attrs.evolve(record.request, id=f"MA-G-{number:05d}"))
        records.append(frpolicy.to_json(record))
        case = generator.case(record)
        if case is not None:
            cases.append(frpolicy.to_json(case))
    return records, cases


def _escaped(lines: list[str]) -> list[str]:
    """The lines as json.dumps writes them by default: every non-ASCII character escaped."""
    return [json.dumps(json.loads(line)) for line in lines]


def _reference(cls: type) -> Callable[[str | bytes], Any]:
    return lambda text: serialization._read_strictly(text, cls)  # noqa: SLF001 - the reference


def _report(
    tmp_path: Path, args: list[str], *, jobs: int, how: str, monkeypatch: pytest.MonkeyPatch
) -> bytes:
    """The JSON report of ``frpolicy audit ARGS``, read ``how``: fast, plain or reference."""
    out = tmp_path / f"report-{how}-{jobs}.json"
    with monkeypatch.context() as patch:
        patch.setattr(cli, "_DECODERS", {})  # decoders are made afresh, as patched
        if how != "reference":  # ids and violations go to disk, in every process, sent back
            patch.setattr(compliance, "_IDS_KEPT", 64)
            patch.setattr(compliance, "_LISTED_KEPT", 16)
        if how == "plain":  # the fast path on the standard library's parser
            patch.setattr(serialization, "_orjson", lambda: None)
        elif how == "reference":
            patch.setattr(cli, "_decoder", _reference)
        code = main([*args, "--format", "json", "--jobs", str(jobs), "--output", str(out)])
    assert code in {cli.EXIT_CLEAN, cli.EXIT_VIOLATIONS}
    return out.read_bytes()


def _logs() -> dict[str, tuple[list[str], list[str], str]]:
    """Each log to audit: its lines, its cases' lines and its jurisdiction."""
    found: dict[str, tuple[list[str], list[str], str]] = {}
    for code, prefix in (("US-MA", "ma"), ("US-MD", "md"), ("US-WA", "wa")):
        log = (EXAMPLES / f"{prefix}_search_log.jsonl").read_text(encoding="utf-8")
        cases = (EXAMPLES / f"{prefix}_cases.jsonl").read_text(encoding="utf-8")
        found[f"{prefix} sample"] = (log.splitlines(), cases.splitlines(), code)
    found["generated"] = (*_generated(300, seed=27), "US-MA")
    return found


LOGS = _logs()


@pytest.mark.parametrize("escaped", [False, True], ids=["as written", "escaped"])
@pytest.mark.parametrize("name", sorted(LOGS))
def test_the_report_is_the_same_bytes_from_every_decoder_and_any_number_of_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, *, escaped: bool
) -> None:
    lines, cases, code = LOGS[name]
    if escaped:
        non_ascii = not all(line.isascii() for line in lines)
        lines, cases = _escaped(lines), _escaped(cases)
        assert all(line.isascii() for line in lines)
        assert non_ascii == any("\\u" in line for line in lines)
    log, case_file = tmp_path / "log.jsonl", tmp_path / "cases.jsonl"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case_file.write_text("\n".join(cases) + "\n", encoding="utf-8")
    args = ["audit", str(log), "--cases", str(case_file), "--jurisdiction", code]
    reference = _report(tmp_path, args, jobs=1, how="reference", monkeypatch=monkeypatch)
    assert json.loads(reference)["violations"]  # something to list
    for how, jobs in (("fast", 1), ("plain", 1), ("fast", 2)):
        report = _report(tmp_path, args, jobs=jobs, how=how, monkeypatch=monkeypatch)
        assert report == reference, (how, jobs)


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "html"])
def test_every_format_lists_the_violations_held_on_disk_as_those_held_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    lines, cases, code = LOGS["generated"]
    log, case_file = tmp_path / "log.jsonl", tmp_path / "cases.jsonl"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case_file.write_text("\n".join(cases) + "\n", encoding="utf-8")
    args = ["audit", str(log), "--cases", str(case_file), "--jurisdiction", code, "--format", fmt]
    reports = {}
    for kept, jobs in ((100_000, 1), (16, 1), (16, 2)):
        out = tmp_path / f"report-{kept}-{jobs}.{fmt}"
        with monkeypatch.context() as patch:
            patch.setattr(compliance, "_LISTED_KEPT", kept)
            code_returned = main([*args, "--jobs", str(jobs), "--output", str(out)])
        assert code_returned == cli.EXIT_VIOLATIONS
        reports[kept, jobs] = out.read_bytes()
    assert reports[16, 1] == reports[100_000, 1]
    assert reports[16, 2] == reports[100_000, 1]
