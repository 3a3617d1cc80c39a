"""The reports the law requires: registered by code, listed, each in every format."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import typing
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

import frpolicy
from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, main
from frpolicy.compliance import Entry, InputProblem
from frpolicy.model import SearchRecord
from frpolicy.reports import (
    FORMATS,
    REPORT_ENTRY_POINT_GROUP,
    Period,
    ReportError,
    ReportTerms,
    StatutoryReport,
    _registry,
    report_errors,
    statutory_report,
    statutory_reports,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
SAMPLES = {
    "EU:notifications": ("eu_search_log.jsonl", "2025"),
    "US-CO:warrant-report": ("co_search_log.jsonl", "2024"),
    "US-CO:warrant-subjects": ("co_search_log.jsonl", "2024"),
    "US-MA:eopss": ("ma_search_log.jsonl", "2024Q3"),
    "US-MD:annual-report": ("md_report_log.jsonl", "2025"),
    "US-ME:bmv-log": ("me_report_log.jsonl", "2024"),
    "US-MT:department-report": ("mt_search_log.jsonl", "2024"),
    "US-MT:local-report": ("mt_search_log.jsonl", "2024"),
    "US-UT:annual-report": ("ut_report_log.jsonl", "2024"),
    "US-VA:annual-report": ("va_report_log.jsonl", "2024"),
    "US-WA:warrant-report": ("wa_report_log.jsonl", "2025"),
    "US-WA:warrant-subjects": ("wa_report_log.jsonl", "2025"),
    "XX-SAMPLE:searches": ("ma_search_log.jsonl", "2024"),
}
"""A sample log of each registered report's place, and a period it covers."""


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_law_of_each_state_declares_its_reports() -> None:
    codes = {r.code for r in statutory_reports()}
    assert {"US-MA:eopss", "US-MD:annual-report", "US-WA:warrant-report"} <= codes
    assert "US-WA:warrant-subjects" in codes
    for report in statutory_reports():
        assert report.code == f"{report.jurisdiction}:{report.name}"
        assert report.tables
        assert report.tables[-1] == "assumptions"


def test_the_documentation_lists_every_report_frpolicy_ships() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs"
    page = (docs / "how-to" / "statutory-reports.md").read_text("utf-8")
    shipped = [
        entry.name
        for entry in importlib.metadata.entry_points(group=REPORT_ENTRY_POINT_GROUP)
        if entry.dist is not None and entry.dist.name == "frpolicy"
    ]
    assert shipped
    for code in shipped:
        assert f"| `{code}` |" in page, code


def test_a_plug_in_declares_its_own_report_beside_its_jurisdiction() -> None:
    sample = statutory_report("XX-SAMPLE:searches")
    assert sample.jurisdiction in {j.code for j in frpolicy.jurisdictions()}


def test_every_registered_report_has_a_sample_log_that_makes_it() -> None:
    assert {r.code for r in statutory_reports()} == set(SAMPLES)


@pytest.mark.parametrize("code", sorted(SAMPLES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_report_renders_in_every_format_from_its_sample_log(
    capsys: pytest.CaptureFixture[str], code: str, fmt: str
) -> None:
    log, period = SAMPLES[code]
    report = statutory_report(code)
    for table in report.tables if fmt == "csv" else [None]:
        extra = ["--table", table] if table else []
        status, out, err = _cli(
            capsys, "report", code, str(EXAMPLES / log), "--period", period, "--format", fmt, *extra
        )
        assert status == EXIT_CLEAN, err
        assert out
    if fmt == "json":
        data = json.loads(out)
        (read,) = data["assumptions"]["inputs"]
        assert read["name"] == str(EXAMPLES / log)
        assert read["sha256"] == hashlib.sha256((EXAMPLES / log).read_bytes()).hexdigest()
        assert frpolicy.from_dict(data, report.report_type) is not None
    if fmt == "html":
        ET.fromstring(out.removeprefix("<!DOCTYPE html>\n"))  # noqa: S314 - our own output


SHIPPED = sorted(code for code in SAMPLES if not code.startswith("XX-"))
"""The reports frpolicy ships (the sample plug-in's is its own)."""


def _first_record(code: str) -> SearchRecord:
    log, _ = SAMPLES[code]
    first = (EXAMPLES / log).read_text("utf-8").splitlines()[0]
    return frpolicy.from_json(first, SearchRecord)


@pytest.mark.parametrize("code", SHIPPED)
def test_each_report_accounts_for_a_blank_line_a_malformed_one_and_a_repeated_id(
    code: str,
) -> None:
    record = _first_record(code)
    entries: list[tuple[int, Entry]] = [
        (1, record),
        (2, None),
        (3, InputProblem(line=3, errors=("$: not JSON",))),
        (4, record),
    ]
    made = statutory_report(code).make(iter(entries), ReportTerms(period=Period.parse("2024")))
    totals = typing.cast("Any", made).totals
    assert (
        totals.lines_read,
        totals.blank_lines,
        totals.malformed_lines,
        totals.duplicate_request_ids,
    ) == (4, 1, 1, 1)


@pytest.mark.parametrize("code", SHIPPED)
def test_each_report_refuses_a_negative_limit_before_it_reads_a_line(code: str) -> None:
    read: list[int] = []

    def entries() -> Iterator[tuple[int, Entry]]:
        read.append(1)
        yield 1, None

    terms = ReportTerms(period=Period.parse("2024"), limit=-1)
    with pytest.raises(ValueError, match="limit: must not be negative, got -1"):
        statutory_report(code).make(entries(), terms)
    assert read == []


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_the_json_of_each_report_matches_its_published_schema(
    capsys: pytest.CaptureFixture[str], code: str
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    log, period = SAMPLES[code]
    report = statutory_report(code)
    _, out, _ = _cli(
        capsys, "report", code, str(EXAMPLES / log), "--period", period, "--format", "json"
    )
    jsonschema.validate(json.loads(out), frpolicy.json_schema(report.report_type))


def test_frpolicy_reports_lists_each_with_who_files_it_with_whom_and_by_when(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _cli(capsys, "reports")
    assert status == EXIT_CLEAN
    for report in statutory_reports():
        assert f"{report.code}  {report.title}" in out
        assert str(report.citation) in out
        assert report.due in out
    assert "reading md-annual-report-agency=performing-agency (or: requesting-agency)" in out


def test_a_report_is_named_by_its_code_or_by_a_name_only_one_place_has(
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = str(EXAMPLES / "ma_search_log.jsonl")
    _, by_name, _ = _cli(capsys, "report", "eopss", log, "--period", "2024Q3")
    _, by_code, _ = _cli(capsys, "report", "US-MA:eopss", log, "--period", "2024Q3")
    assert by_name == by_code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "US-XX:none", "log.jsonl", "--period", "2024"], "no report 'US-XX:none'"),
        (["report", "annual", "log.jsonl", "--period", "2024"], "no report 'annual'"),
        (["report", "US-MD:annual-report", "{log}"], "--period: US-MD:annual-report"),
        (
            ["report", "US-MD:annual-report", "{log}", "--period", "2025", "--reading", "x=y"],
            "--reading: US-MD:annual-report has no reading 'x'",
        ),
        (
            [
                "report",
                "US-MD:annual-report",
                "{log}",
                "--period",
                "2025",
                "--reading",
                "md-annual-report-agency=nobody",
            ],
            "--reading: reading 'md-annual-report-agency' has no choice 'nobody'",
        ),
        (
            ["report", "US-MD:annual-report", "{log}", "--period", "2025", "--table", "judges"],
            "--table: US-MD:annual-report has no table 'judges'",
        ),
        (
            ["report", "US-WA:warrant-report", "{log}", "--period", "2025", "--agency", "WSP"],
            "agency: judges make this report",
        ),
        (
            ["report", "US-MD:annual-report", "{log}", "--period", "2025", "--agency", " "],
            "--agency: empty",
        ),
        (
            ["report", "US-MD:annual-report", "{log}", "--period", "2025", "--contact", ""],
            "--contact: empty",
        ),
    ],
)
def test_a_report_asked_for_wrongly_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    log = str(EXAMPLES / "md_report_log.jsonl")
    status, out, err = _cli(capsys, *(a.replace("{log}", log) for a in args))
    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err.count("\n") == 1
    assert message in err


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[EntryPoint]]:
    """The report entry points the registry sees: the test sets them."""
    found: list[EntryPoint] = []
    monkeypatch.setattr(_registry, "entry_points", lambda group: found)  # noqa: ARG005
    _registry._registry.cache_clear()  # noqa: SLF001 - read again from the entry points set
    _registry._load.cache_clear()  # noqa: SLF001
    yield found
    _registry._registry.cache_clear()  # noqa: SLF001
    _registry._load.cache_clear()  # noqa: SLF001


def _entry(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=REPORT_ENTRY_POINT_GROUP)


def test_a_broken_report_plug_in_is_listed_with_why_and_the_others_still_work(
    entry_points: list[EntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points.extend(
        [
            _entry("US-MD:annual-report", "frpolicy.reports._us_md:ANNUAL_REPORT"),
            _entry("XX-BROKEN:gone", "no_such_module_anywhere:REPORT"),
            _entry("XX-WRONG:kind", "frpolicy.reports._us_md:AGENCY_READING"),
            _entry("XX-OTHER:name", "frpolicy.reports._us_md:ANNUAL_REPORT"),
        ]
    )
    assert [r.code for r in statutory_reports()] == ["US-MD:annual-report"]
    errors = {e.code: e.reason for e in report_errors()}
    assert "failed to load: ModuleNotFoundError" in errors["XX-BROKEN:gone"]
    assert "names Reading, not a StatutoryReport" in errors["XX-WRONG:kind"]
    assert "names the report 'US-MD:annual-report'" in errors["XX-OTHER:name"]
    with pytest.raises(ReportError, match="cannot be used"):
        statutory_report("XX-BROKEN:gone")
    status, out, _ = _cli(capsys, "reports")
    assert status == EXIT_CLEAN
    assert "XX-BROKEN:gone  cannot be used:" in out
    assert "US-MD:annual-report  Annual report" in out


def test_a_report_declares_no_empty_name() -> None:
    made = statutory_report("US-MD:annual-report")
    with pytest.raises(ValueError, match="name: must not be empty"):
        StatutoryReport(
            jurisdiction=made.jurisdiction,
            name=" ",
            title=made.title,
            citation=made.citation,
            source=made.source,
            who=made.who,
            recipient=made.recipient,
            due=made.due,
            period=made.period,
            report_type=made.report_type,
            tables=made.tables,
            make=made.make,
        )
