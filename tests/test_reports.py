"""Reports: one report in every format with the same numbers, nothing cut silently, EOPSS."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import frpolicy
from frpolicy import (
    Agency,
    AgencyKind,
    CaseRecord,
    CourtKind,
    CourtOrder,
    Database,
    Emergency,
    Gender,
    Harm,
    ImageSource,
    MediaKind,
    ProbeImage,
    Purpose,
    Race,
    SearchRecord,
    SearchRequest,
    Technology,
)
from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, main
from frpolicy.compliance import Entry, InputProblem, audit_log
from frpolicy.reports import (
    AUDIT_TABLES,
    EOPSS_TABLES,
    FORMATS,
    AuditReport,
    Basis,
    DatabaseCount,
    EopssReport,
    InputFile,
    Period,
    ReadingsAudit,
    audit_report,
    eopss_report,
    other_choices,
    render,
)
from frpolicy.reports._json import _indented_json

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "frpolicy" / "examples"
LOG = EXAMPLES / "ma_search_log.jsonl"
CASES = EXAMPLES / "ma_cases.jsonl"
AS_OF = "2025-06-30T00:00:00-04:00"
AUDIT = [
    "audit",
    str(LOG),
    "--cases",
    str(CASES),
    "--jurisdiction",
    "US-MA",
    "--as-of",
    AS_OF,
    "--compare",
    "--every-reading",
]
MA = frpolicy.jurisdiction("US-MA")
BOSTON = ZoneInfo("America/New_York")


def _entries(lines: list[str]) -> Iterator[tuple[int, Entry]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            yield number, None
            continue
        try:
            yield number, frpolicy.from_json(line, SearchRecord)
        except frpolicy.InputError as error:
            yield number, InputProblem(line=number, errors=error.errors)


@functools.cache  # the report is frozen: one audit of the sample per limit serves every test
def _sample_report(limit: int | None = None) -> AuditReport:
    cases = [
        frpolicy.from_json(line, CaseRecord)
        for line in CASES.read_text(encoding="utf-8").splitlines()
    ]
    run = ReadingsAudit(
        MA,
        choices=other_choices(MA),
        as_of=datetime.fromisoformat(AS_OF),
        cases=cases,
        compare=MA.version("H.1728"),
        limit=limit,
    )
    run.read(_entries(LOG.read_text(encoding="utf-8").splitlines()))
    result, others = run.result()
    return audit_report(
        result,
        log=str(LOG),
        as_of_source="--as-of",
        cases=str(CASES),
        case_records=len(cases),
        inputs=(InputFile.of(LOG, "log"), InputFile.of(CASES, "cases")),
        other_readings=others,
    )


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- one report, every format ---------------------------------------------------------------


def test_the_sample_audit_renders_in_every_format_with_the_same_numbers_from_python_and_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = _sample_report()
    t = report.totals
    assert t.violations == t.unauthorized_searches + t.obligations_violated > 0
    for fmt in FORMATS:
        code, out, _ = _cli(capsys, *AUDIT, "--format", fmt)
        assert code == EXIT_VIOLATIONS
        rendered = render(report, fmt)
        if fmt == "json":  # the same but for the version of the library that made it
            assert json.loads(out) == json.loads(rendered)
        else:
            assert out == rendered, fmt
    data = json.loads(render(report, "json"))
    assert data["totals"]["violations"] == t.violations
    assert len(data["violations"]) == t.violations
    rows = _csv(render(report, "csv"))
    assert len(rows) == t.violations
    totals = {r["measure"]: int(r["count"]) for r in _csv(render(report, "csv", table="totals"))}
    assert totals == attrs.asdict(t)
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        for number in (t.violations, t.unauthorized_searches, t.obligations_violated):
            assert f"{number:,}" in out
    text = render(report, "text")
    assert re.search(rf"^  violations\s+{t.violations}$", text, re.MULTILINE)
    assert f'<td class="num">{t.violations:,}</td>' in render(report, "html")


def test_every_table_of_the_audit_renders_as_csv_with_the_keys_as_header() -> None:
    report = _sample_report()
    for name in AUDIT_TABLES:
        rows = list(csv.reader(io.StringIO(render(report, "csv", table=name))))
        assert rows[0]
        assert all(len(row) == len(rows[0]) for row in rows)
    violations = _csv(render(report, "csv", table="violations"))
    assert list(violations[0]) == [
        "line",
        "request_id",
        "agency",
        "performing_agency",
        "submitted_at",
        "searched_at",
        "kind",
        "provision",
        "citation",
        "case_id",
        "due",
        "fulfilled_at",
        "late_by_hours",
        "version",
        "verification",
        "confidence",
        "missing",
    ]
    late = [v for v in violations if v["kind"] == "obligation"]
    assert late
    assert all(float(v["late_by_hours"]) > 0 for v in late)
    assert all(datetime.fromisoformat(v["due"]).tzinfo is not None for v in late)
    assert all(v["submitted_at"] and v["agency"] and v["performing_agency"] for v in violations)
    unauthorized = [v for v in violations if v["kind"] == "unauthorized_search"]
    assert all(v["searched_at"] for v in unauthorized)


def test_the_json_report_matches_its_published_schema_and_parses_back_to_the_same_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    report = _sample_report()
    data = json.loads(render(report, "json"))
    _, out, _ = _cli(capsys, "schema", "AuditReport")
    schema = json.loads(out)
    assert schema == frpolicy.json_schema(AuditReport)
    jsonschema.validate(data, schema)
    assert frpolicy.from_dict(data, AuditReport) == report


def test_a_table_is_chosen_for_csv_only_and_an_unknown_one_is_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = _sample_report()
    with pytest.raises(ValueError, match="csv format only"):
        render(report, "text", table="violations")
    with pytest.raises(ValueError, match=r"no table 'nothing'.*tables: violations"):
        render(report, "csv", table="nothing")
    code, out, err = _cli(capsys, *AUDIT, "--table", "totals")
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err == "frpolicy: --table: chooses the table of --format csv\n"


# -- nothing cut silently -------------------------------------------------------------------


def test_every_violation_is_listed_unless_a_limit_is_asked_and_then_the_listing_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    full = _sample_report()
    assert len(full.violations) == full.totals.violations
    assert full.violations_not_listed == 0
    short = _sample_report(limit=3)
    assert short.totals == full.totals  # the counts are whole either way
    assert len(short.violations) == 3
    assert short.violations_not_listed == full.totals.violations - 3
    n = full.totals.violations
    text = render(short, "text")
    section = text.split("\nViolations\n", 1)[1]
    assert section.startswith(f"----------\n  (3 of {n:,} violations listed; the other {n - 3:,}")
    assert f"3 of {n:,} violations listed" in render(short, "markdown")
    assert f'<p class="cut" role="note">3 of {n:,} violations listed' in render(short, "html")
    code, out, _ = _cli(capsys, *AUDIT, "--format", "json", "--limit", "3")
    assert json.loads(out)["violations_not_listed"] == n - 3
    assert code == EXIT_VIOLATIONS


def test_a_limit_of_0_lists_nothing_and_says_how_many_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _cli(capsys, *AUDIT, "--limit", "0")
    n = _sample_report().totals.violations
    assert code == EXIT_VIOLATIONS
    assert f"(None of the {n:,} violations is listed: the report was made with a limit of 0." in out
    assert "(none)" not in out.split("\nViolations\n", 1)[1].split("\n\n", 1)[0]


def test_a_csv_listing_is_never_written_short(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="a CSV table is always whole"):
        render(_sample_report(limit=3), "csv")
    code, out, err = _cli(capsys, *AUDIT, "--format", "csv", "--limit", "3")
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.count("\n") == 1
    assert "a CSV table is always whole" in err


def test_a_negative_limit_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _cli(capsys, *AUDIT, "--limit", "-1")
    assert code == EXIT_BAD_INPUT
    assert err == "frpolicy: --limit: must not be negative\n"


# -- breakdowns -----------------------------------------------------------------------------


def test_the_counts_by_agency_by_month_and_by_provision_add_up_to_the_totals() -> None:
    report = _sample_report()
    t = report.totals
    assert sum(a.requests for a in report.by_agency) == t.records
    assert sum(a.searches for a in report.by_agency) == t.searches_performed
    assert sum(a.violations for a in report.by_agency) == t.violations
    assert sum(m.unauthorized_searches for m in report.violations_by_month) == (
        t.unauthorized_searches
    )
    assert sum(m.obligations_violated for m in report.violations_by_month) == (
        t.obligations_violated
    )
    assert sum(p.violations for p in report.violations_by_provision) == t.violations
    months = [m.month for m in report.violations_by_month]
    assert months == sorted(months)
    assert len(months) == len(set(months))
    by_agency = {a.agency: a for a in report.by_agency}
    registry = by_agency["RMV"]
    assert registry.not_applicable == registry.requests  # its own licensing checks


def test_a_limit_cuts_the_listing_never_the_counts_by_agency_or_month() -> None:
    assert _sample_report(limit=0).by_agency == _sample_report().by_agency
    assert _sample_report(limit=0).violations_by_month == _sample_report().violations_by_month


def test_a_request_id_logged_twice_is_an_input_problem_naming_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = LOG.read_text(encoding="utf-8").splitlines()[:5]
    log = tmp_path / "log.jsonl"
    log.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    args = ["audit", str(log), "--jurisdiction", "US-MA", "--format", "json", "--as-of", AS_OF]
    code, out, _ = _cli(capsys, *args)
    report = json.loads(out)
    assert code == EXIT_BAD_INPUT
    assert report["totals"]["records"] == 6  # audited all the same: no line is lost
    assert report["totals"]["duplicate_request_ids"] == 1
    request_id = json.loads(lines[1])["request"]["id"]
    assert report["input_problems"] == [
        {
            "file": str(log),
            "line": 6,
            "errors": [f"$.request.id: {request_id!r} is also the id of line 2"],
        }
    ]
    code, _, _ = _cli(capsys, *args, "--keep-going")
    assert code in {EXIT_CLEAN, EXIT_VIOLATIONS}


# -- hostile text ---------------------------------------------------------------------------

FORGED = "MA-1\nviolations 0\x1b[2J\u202e"


def _forged_report() -> AuditReport:
    line = LOG.read_text(encoding="utf-8").splitlines()[2]
    record = frpolicy.from_json(line, SearchRecord)
    local = Agency(id="<b>=cmd", name="A\rB", kind=AgencyKind.LOCAL_POLICE)
    request = attrs.evolve(
        record.request, id=FORGED, requesting_agency=local, performing_agency=local
    )
    forged = attrs.evolve(record, request=request)
    result = audit_log(
        [(1, forged)], MA, as_of=datetime.fromisoformat(AS_OF), version=MA.version("H.1728")
    )
    assert result.audit.violation_count
    return audit_report(result, log="log\n.jsonl")


def test_control_characters_from_the_input_are_escaped_in_every_format_people_read() -> None:
    report = _forged_report()
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "\x1b" not in out
        assert "\u202e" not in out
        assert "\r" not in out
        assert "violations 0" not in out.splitlines()
        assert "\\x1b" in out.replace("\\\\", "\\"), fmt  # shown, as an escape
        assert "\\u202e" in out.replace("\\\\", "\\"), fmt
    html = render(report, "html")
    assert "<b>=cmd" not in html
    assert "&lt;b&gt;=cmd" in html
    rows = _csv(render(report, "csv"))
    assert rows[0]["request_id"] == "MA-1\\nviolations 0\\x1b[2J\\u202e"
    assert rows[0]["agency"] == "<b>=cmd"
    data = json.loads(render(report, "json"))  # the data itself is kept as it was
    assert data["violations"][0]["request_id"] == FORGED


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_marked_as_text() -> None:
    report = _forged_report()
    tampered = attrs.evolve(
        report,
        violations=tuple(
            attrs.evolve(v, request_id="=HYPERLINK(1)", agency="+1", performing_agency="@x")
            for v in report.violations
        ),
    )
    row = _csv(render(tampered, "csv"))[0]
    assert (row["request_id"], row["agency"], row["performing_agency"]) == (
        "'=HYPERLINK(1)",
        "'+1",
        "'@x",
    )


# -- the page -------------------------------------------------------------------------------

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def test_the_html_report_is_one_self_contained_well_formed_page_with_charts() -> None:
    report = _sample_report()
    html = render(report, "html")
    root = ET.fromstring(html)  # noqa: S314 - our own output
    assert root.tag == f"{XHTML}html"
    for tag in ("script", "link", "img", "iframe", "object"):
        assert not root.findall(f".//{XHTML}{tag}")
    assert "http://" not in html.replace('xmlns="http://www.w3.org/', "")
    assert "https://" not in html
    assert "@media print" in html
    charts = {
        section.get("id"): section.find(f".//{SVG}svg") for section in root.iter(f"{XHTML}section")
    }
    for name in (
        "violations-by-provision",
        "agencies",
        "violations-by-month",
        "obligations",
        "changes-by-outcome",
    ):
        chart = charts[name]
        assert chart is not None, name
        assert chart.get("role") == "img"
        assert chart.find(f"{SVG}title") is not None
        assert chart.findall(f".//{SVG}rect")
    bars = {
        r.findtext(f"{SVG}title")
        for r in charts["violations-by-provision"].iter(f"{SVG}rect")  # type: ignore[union-attr]
    }
    for p in report.violations_by_provision:
        kind = "unauthorized searches" if p.violations and "search" in p.kind.value else None
        if kind:
            assert f"{p.provision}: {p.violations:,} {kind}" in bars


def test_a_printed_page_breaks_an_inputs_sha_256_which_it_cannot_scroll_but_never_a_short_id() -> (
    None
):
    report = _sample_report(limit=3)
    report = attrs.evolve(
        report, assumptions=attrs.evolve(report.assumptions, inputs=(InputFile.of(LOG),))
    )
    html = render(report, "html")
    digest = report.assumptions.inputs[0].sha256
    assert f'<td class="id"><span class="long">{digest}</span></td>' in html
    assert "td.id span.long { white-space: normal; overflow-wrap: anywhere; }" in html
    first = report.violations[0].request_id
    assert f'<td class="id">{first}</td>' in html


# -- the reports the law requires -----------------------------------------------------------

STATE_POLICE = Agency(id="MSP", name="Massachusetts State Police", kind=AgencyKind.STATE_POLICE)
REGISTRY = Agency(
    id="RMV", name="Registry of Motor Vehicles", kind=AgencyKind.MOTOR_VEHICLE_REGISTRY
)
LOCAL = tuple(
    Agency(id=code, name=f"{code} Police Department", kind=AgencyKind.LOCAL_POLICE)
    for code in ("BPD", "WPD", "SPD", "LPD")
)
PERIOD = Period(start=date(2023, 9, 1), end=date(2024, 9, 30))


def _record(  # noqa: PLR0913 - each published figure sets one of them
    number: int,
    submitted: datetime,
    *,
    basis: Basis,
    requester: Agency,
    performer: Agency = STATE_POLICE,
    purpose: Purpose = Purpose.CRIMINAL_INVESTIGATION,
    performed: bool = True,
) -> SearchRecord:
    at = submitted + timedelta(hours=3)
    request = SearchRequest(
        id=f"EOPSS-{number:03d}",
        requesting_agency=requester,
        performing_agency=performer,
        purpose=purpose,
        probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
        technology=Technology(name="Issuance 360", approved=True),
        submitted_at=submitted,
        written_request=True,
        court_order=CourtOrder(
            docket_number=f"23MO{number:03d}",
            court=CourtKind.DISTRICT_COURT,
            judge="A. Ames",
            issued_at=submitted - timedelta(days=1),
            authorizes_facial_recognition=True,
        )
        if basis is Basis.COURT_ORDERED
        else None,
        emergency=Emergency(
            harm=Harm.DEATH, immediate=True, declared_by="MSP-1", declared_at=submitted
        )
        if basis is Basis.EXIGENT
        else None,
        databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}),
        performed_at=at if performed else None,
    )
    races = (*Race, None)
    genders = (Gender.FEMALE, Gender.MALE, None)
    return SearchRecord(
        request=request,
        candidates_returned=number % 4,
        subject_race=races[number % len(races)],
        subject_gender=genders[number % len(genders)],
    )


def _published_log() -> list[SearchRecord]:
    """A log built to match the EOPSS figures for 1 September 2023 to 30 September 2024.

    45 requests to the State Police (37 court-ordered, 7 exigent, and one on neither
    basis, refused), none to the FBI, every search on the Registry's database; and
    around them what the figures leave out: requests of the months before and after,
    and the Registry's own licensing checks, which the law does not govern.
    """
    start = datetime(2023, 9, 1, 9, tzinfo=BOSTON)
    bases = [Basis.COURT_ORDERED] * 37 + [Basis.EXIGENT] * 7 + [Basis.NEITHER]
    records = [
        _record(
            i,
            start + timedelta(days=8 * i),
            basis=basis,
            requester=LOCAL[i % len(LOCAL)],
            performed=basis is not Basis.NEITHER,
        )
        for i, basis in enumerate(bases, start=1)
    ]
    # the period's last evening in Boston is already 1 October in UTC: still in the period
    last = datetime(2024, 9, 30, 23, 30, tzinfo=BOSTON)
    records[-2] = _record(44, last, basis=Basis.EXIGENT, requester=LOCAL[0])
    records[-2] = attrs.evolve(
        records[-2],
        request=attrs.evolve(records[-2].request, performed_at=last + timedelta(minutes=20)),
    )
    outside = [
        _record(
            100,
            datetime(2023, 8, 31, 20, 0, tzinfo=BOSTON),
            basis=Basis.COURT_ORDERED,
            requester=LOCAL[1],
        ),
        _record(
            101,
            datetime(2024, 10, 1, 0, 5, tzinfo=BOSTON),
            basis=Basis.COURT_ORDERED,
            requester=LOCAL[2],
        ),
        *(
            _record(
                200 + i,
                start + timedelta(days=30 * i),
                basis=Basis.NEITHER,
                requester=REGISTRY,
                performer=REGISTRY,
                purpose=Purpose.LICENSE_ISSUANCE,
            )
            for i in range(5)
        ),
    ]
    return records + outside


def _write_log(path: Path, records: list[SearchRecord]) -> Path:
    path.write_text("".join(frpolicy.to_json(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_published_eopss_figures_for_sep_2023_to_sep_2024_come_out_of_their_log() -> None:
    records = _published_log()
    report = eopss_report(enumerate(records, start=1), period=PERIOD, log="published.jsonl")
    police, fbi, registry = report.by_searcher[:3]
    assert police.searcher is AgencyKind.STATE_POLICE
    assert (police.requests, police.court_ordered, police.exigent) == (45, 37, 7)
    assert police.neither == 1
    assert fbi.searcher is AgencyKind.FBI
    assert (fbi.requests, fbi.searches) == (0, 0)
    assert registry.requests == 0
    assert report.by_database == (
        DatabaseCount(database=Database.MOTOR_VEHICLE_RECORDS, searches=44),
    )
    t = report.totals
    assert (t.requests, t.searches, t.reported) == (45, 44, 45)
    assert (t.outside_period, t.outside_scope) == (2, 5)
    assert t.records == t.outside_period + t.outside_scope + t.reported == len(records)
    assert sum(a.requests for a in report.by_agency) == 45
    assert sum(a.to_state_police for a in report.by_agency) == 45
    assert sum(r.searches for r in report.by_race) == 44
    assert len(report.records) == 45


def test_the_eopss_report_comes_out_of_the_command_line_as_csv_and_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write_log(tmp_path / "published.jsonl", _published_log())
    args = ["report", "eopss", str(log), "--period", "2023-09-01/2024-09-30"]
    code, out, _ = _cli(capsys, *args, "--format", "csv", "--table", "searchers")
    assert code == EXIT_CLEAN
    searchers = {r["searcher"]: r for r in _csv(out)}
    assert searchers["state_police"] == {
        "searcher": "state_police",
        "requests": "45",
        "court_ordered": "37",
        "exigent": "7",
        "neither": "1",
        "searches": "44",
    }
    assert searchers["fbi"]["requests"] == "0"
    code, out, _ = _cli(capsys, *args, "--format", "csv")
    assert len(_csv(out)) == 45
    assert {r["databases"] for r in _csv(out)} == {"motor_vehicle_records"}
    code, html, _ = _cli(capsys, *args, "--format", "html")
    ET.fromstring(html)  # noqa: S314 - our own output
    assert "45 requests to the State Police (37 court-ordered, 7 exigent, 1 neither)" in html
    assert "0 to the FBI" in html
    for name in EOPSS_TABLES:
        code, out, _ = _cli(capsys, *args, "--format", "csv", "--table", name)
        assert code == EXIT_CLEAN, name


def test_the_eopss_json_matches_its_schema_and_parses_back() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    report = eopss_report(enumerate(_published_log(), start=1), period=PERIOD)
    data = json.loads(render(report, "json"))
    jsonschema.validate(data, frpolicy.json_schema(EopssReport))
    assert frpolicy.from_dict(data, EopssReport) == report


def test_the_bills_statistics_count_searches_by_race_and_gender() -> None:
    records = _published_log()
    report = eopss_report(enumerate(records, start=1), period=PERIOD)
    searched = [r for r in records[:45] if r.request.performed_at is not None]
    for row in report.by_race:
        mine = [r for r in searched if r.subject_race is row.race]
        assert row.searches == len(mine)
        assert row.female == sum(r.subject_gender is Gender.FEMALE for r in mine)
        assert row.gender_not_recorded == sum(r.subject_gender is None for r in mine)
    assert [r.race for r in report.by_race] == [*Race, None]


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2024Q3", date(2024, 7, 1), date(2024, 9, 30), "2024 Q3"),
        ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31), "2024 Q4"),
        ("2024Q1", date(2024, 1, 1), date(2024, 3, 31), "2024 Q1"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (
            "2023-09-01/2024-09-30",
            date(2023, 9, 1),
            date(2024, 9, 30),
            "1 September 2023 to 30 September 2024",
        ),
    ],
)
def test_a_period_is_a_quarter_a_year_or_two_days(
    text: str, start: date, end: date, label: str
) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    "text", ["", "2024Q5", "24Q1", "2024-13-01/2024-12-31", "2024-02-01/2024-01-01"]
)
def test_a_period_that_is_none_of_these_is_refused_in_one_line(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match="expected a quarter"):
        Period.parse(text)
    log = _write_log(tmp_path / "log.jsonl", _published_log()[:2])
    code, out, err = _cli(capsys, "report", "eopss", str(log), "--period", text)
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.startswith("frpolicy: --period: expected a quarter")
    assert err.count("\n") == 1


def test_a_day_of_the_period_is_a_massachusetts_day() -> None:
    period = Period.parse("2024Q3")
    assert period.includes(datetime(2024, 10, 1, 3, 30, tzinfo=UTC), BOSTON)
    assert not period.includes(datetime(2024, 10, 1, 4, 30, tzinfo=UTC), BOSTON)


def test_the_eopss_report_accounts_for_every_line_of_a_log_with_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [frpolicy.to_json(r) for r in _published_log()[:3]]
    log = tmp_path / "log.jsonl"
    log.write_text("\n".join([lines[0], "", "{broken", lines[1], lines[1], lines[2]]) + "\n")
    args = ["report", "eopss", str(log), "--period", "2023", "--format", "json"]
    code, out, _ = _cli(capsys, *args)
    t: dict[str, Any] = json.loads(out)["totals"]
    assert code == EXIT_BAD_INPUT
    assert t["lines_read"] == 6
    assert t["lines_read"] == t["records"] + t["malformed_lines"] + t["blank_lines"]
    assert t["duplicate_request_ids"] == 1
    assert _cli(capsys, *args, "--keep-going")[0] == EXIT_CLEAN


def test_a_request_counts_in_the_period_it_was_asked_in_and_its_search_in_the_one_it_ran_in() -> (
    None
):
    asked_in_june = _record(
        1, datetime(2024, 6, 30, 22, tzinfo=BOSTON), basis=Basis.EXIGENT, requester=LOCAL[0]
    )
    q2, q3 = Period.parse("2024Q2"), Period.parse("2024Q3")
    june = eopss_report([(1, asked_in_june)], period=q2).totals
    july = eopss_report([(1, asked_in_june)], period=q3).totals
    assert (june.requests, june.searches) == (1, 0)
    assert (july.requests, july.searches) == (0, 1)


def test_one_agencys_own_report_holds_only_the_requests_it_made_or_the_searches_it_ran(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _published_log()
    mine = eopss_report(enumerate(records, start=1), period=PERIOD, agency="BPD")
    t = mine.totals
    assert t.requests == sum(
        1
        for r in records[:45]
        if r.request.requesting_agency.id == "BPD"
        and PERIOD.includes(r.request.submitted_at, BOSTON)
    )
    assert {r.agency for r in mine.records} == {"BPD"}
    assert t.records == t.outside_period + t.other_agencies + t.outside_scope + t.reported
    state_police = eopss_report(enumerate(records, start=1), period=PERIOD, agency="MSP")
    assert state_police.totals.reported == 45  # every search it ran, for whichever agency
    log = _write_log(tmp_path / "log.jsonl", records)
    code, out, _ = _cli(
        capsys, "report", "eopss", str(log), "--period", "2023-09-01/2024-09-30", "--agency", "BPD"
    )
    assert code == EXIT_CLEAN
    assert out.startswith("Facial recognition requests and searches, 1 September 2023 to 30 ")
    assert ", of BPD\n" in out.splitlines()[0] + "\n"


_JSON_READY = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(_JSON_READY)
def test_a_json_report_is_written_as_the_standard_library_writes_it(data: object) -> None:
    # orjson writes it when installed; whatever it would write otherwise, json.dumps does
    assert _indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "data",
    [
        {"late_by_hours": [0.01, 1.5, 87_600_000.5, 1e16]},
        {"late_by_hours": [1e-05, 0.0001]},  # Python writes 1e-05, orjson 0.00001
        {"log": "searches-\udcff.jsonl"},  # a file name the system could not decode
        {"count": 2**64},
    ],
)
def test_a_json_report_of_hours_names_and_counts_is_written_as_the_standard_library_does(
    data: object,
) -> None:
    assert _indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)
