r"""The ``frpolicy`` command: evaluate a request, audit a search log, list the law.

Subcommands:

``frpolicy evaluate REQUEST.json --jurisdiction US-MA [--version NAME] [--json]``
    The decision on one :class:`~frpolicy.model.SearchRequest` and its memo (``--json``:
    the decision record). Exit 0 when the search is permitted or outside the law's
    scope, 1 when it is not permitted or forbidden.

``frpolicy audit LOG [--cases CASES] --jurisdiction US-MA [--version NAME] [--compare [OTHER]]``
    Every :class:`~frpolicy.model.SearchRecord` of a JSON Lines log evaluated, every
    obligation checked against the search's timeline and the
    :class:`~frpolicy.model.CaseRecord`\\ s of ``CASES``; a report with totals, tables by
    outcome, provision and obligation, and each violation with its line, request id,
    provision and what was missing. ``--format`` is ``text`` (default), ``markdown``,
    ``json``, ``csv`` or ``html``; ``--output`` writes to a file.

    - *Which law.* Without ``--version`` each search is judged under the law in force on
      the day it was performed (in the jurisdiction's time zone); a search on a day no
      encoded law was in force is an input problem. ``--version NAME`` judges every
      search under one version, a bill included. ``--compare`` also judges the log under
      another version (default ``H.1728``) and reports what it would change: the requests
      whose outcome differs, with the provisions responsible, and its own totals.
    - *As of when.* Whether an unmet obligation is pending or violated depends on the time
      it is checked at. ``--as-of`` sets it (ISO 8601 with an offset); by default it is the
      latest event found in the inputs (a request, search, documentation, report, sworn
      statement, court date or notice), so the same files give the same report on any day.
      Finding that time reads the log once more before the audit.
    - *Lines.* Every line read is counted exactly once: as a record, as malformed, or as
      blank (blank lines are skipped, counted, and never an error). A malformed line is
      reported as ``line 17: $.request.warrant.expires_at: naive datetime, give a
      timezone``.
    - *Memory.* Records stream: the audit keeps counters and at most ``--limit``
      violations (default 1000) and input problems, counting the rest, so memory does not
      grow with the log. The cases file is read whole, indexed by search.
    - *Progress* goes to stderr, only when it is a terminal and the log is over 1 MB.

``frpolicy jurisdictions``
    The installed jurisdictions, their versions, status and dates.

``frpolicy schema [TYPE]``
    The JSON Schema of an input type: ``SearchRecord`` (default), ``SearchRequest`` or
    ``CaseRecord``.

Exit codes: 0 clean; 1 violations found (``audit``; ``evaluate``: not permitted);
2 bad input or usage (a malformed line makes it 2 unless ``--keep-going``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import IO, Any

from frpolicy.compliance import (
    Audit,
    Comparison,
    InputProblem,
    ObligationState,
    check_search,
    index_cases,
    latest_event,
    version_for,
)
from frpolicy.jurisdictions import Jurisdiction, Version, jurisdiction, jurisdictions
from frpolicy.model import CaseRecord, SearchRecord, SearchRequest
from frpolicy.policy import Outcome
from frpolicy.serialization import InputError, from_dict, from_json, json_schema, to_json

__all__ = ["EXIT_BAD_INPUT", "EXIT_CLEAN", "EXIT_VIOLATIONS", "main"]

EXIT_CLEAN = 0
"""Nothing wrong was found."""
EXIT_VIOLATIONS = 1
"""Violations were found (``evaluate``: the search is not permitted)."""
EXIT_BAD_INPUT = 2
"""Bad input or usage."""

_SCHEMA_TYPES: dict[str, type] = {
    "CaseRecord": CaseRecord,
    "SearchRecord": SearchRecord,
    "SearchRequest": SearchRequest,
}
_FORMATS = ("text", "markdown", "json", "csv", "html")
_PROGRESS_BYTES = 1_000_000
_PROGRESS_EVERY = 10_000
_LAW_IN_FORCE = "the law in force on each search's day"


def _say(text: str = "", *, end: str = "\n", stream: IO[str] | None = None) -> None:
    """Write a line to stdout (or ``stream``): the command's output, not a debug print."""
    (stream or sys.stdout).write(text + end)


class _UsageError(Exception):
    """Bad usage or unreadable input: reported on stderr, exit 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frpolicy",
        description="Police facial-recognition law as code: evaluate, explain, audit.",
        epilog="Exit codes: 0 clean, 1 violations found, 2 bad input or usage.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    evaluate = sub.add_parser("evaluate", help="the decision on one search request")
    evaluate.add_argument("request", type=Path, help="a SearchRequest as JSON")
    evaluate.add_argument("--jurisdiction", required=True, help="e.g. US-MA")
    evaluate.add_argument("--version", help="an instrument's name (default: the law in force)")
    evaluate.add_argument("--json", action="store_true", help="print the decision record")

    audit = sub.add_parser("audit", help="audit a JSON Lines log of SearchRecords")
    audit.add_argument("log", type=Path, help="JSON Lines, one SearchRecord a line")
    audit.add_argument("--cases", type=Path, help="JSON Lines, one CaseRecord a line")
    audit.add_argument("--jurisdiction", required=True, help="e.g. US-MA")
    audit.add_argument(
        "--version", help="judge every search under this version (default: the law in force)"
    )
    audit.add_argument(
        "--compare",
        nargs="?",
        const="H.1728",
        metavar="OTHER",
        help="also judge the log under OTHER (default H.1728) and show what changes",
    )
    audit.add_argument("--format", choices=_FORMATS, default="text")
    audit.add_argument("--output", type=Path, help="write the report here (default: stdout)")
    audit.add_argument(
        "--as-of", help="check obligations as of this ISO 8601 time (default: latest event)"
    )
    audit.add_argument(
        "--keep-going", action="store_true", help="malformed lines do not make the exit code 2"
    )
    audit.add_argument(
        "--limit", type=int, default=1000, help="violations and problems listed (others counted)"
    )

    sub.add_parser("jurisdictions", help="list the installed jurisdictions and versions")

    schema = sub.add_parser("schema", help="the JSON Schema of an input type")
    schema.add_argument("type", nargs="?", default="SearchRecord", choices=sorted(_SCHEMA_TYPES))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Args:
        argv: the arguments, without the program name (default: ``sys.argv[1:]``).
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse exits 2 on bad usage, 0 for --help
        return EXIT_CLEAN if exit_.code in {0, None} else EXIT_BAD_INPUT
    try:
        if args.command == "evaluate":
            return _evaluate(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "jurisdictions":
            return _jurisdictions()
        return _schema(args.type)
    except _UsageError as error:
        _say(f"frpolicy: {error}", stream=sys.stderr)
        return EXIT_BAD_INPUT


# -- small commands -------------------------------------------------------------------------


def _find(code: str) -> Jurisdiction:
    try:
        return jurisdiction(code)
    except LookupError as error:
        raise _UsageError(str(error).strip("'\"")) from None


def _version(place: Jurisdiction, name: str) -> Version:
    try:
        return place.version(name)
    except LookupError as error:
        raise _UsageError(str(error).strip("'\"")) from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        msg = f"cannot read {path}: {error}"
        raise _UsageError(msg) from None


def _evaluate(args: argparse.Namespace) -> int:
    place = _find(args.jurisdiction)
    try:
        request = from_json(_read(args.request), SearchRequest)
    except InputError as error:
        msg = f"{args.request}: " + "; ".join(error.errors)
        raise _UsageError(msg) from None
    if args.version:
        decision = _version(place, args.version).evaluate(request)
    else:
        try:
            decision = place.evaluate(request)
        except LookupError as error:
            msg = f"{error}; choose a version with --version"
            raise _UsageError(msg) from None
    _say(to_json(decision, indent=2) if args.json else decision.explain())
    refused = decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}
    return EXIT_VIOLATIONS if refused else EXIT_CLEAN


def _jurisdictions() -> int:
    for place in jurisdictions():
        _say(f"{place.code}  {place.name}")
        for v in place.versions:
            instrument = v.instrument
            dates = ""
            if instrument.effective_from is not None:
                dates = f", from {instrument.effective_from.isoformat()}"
            if instrument.effective_until is not None:
                dates += f" until {instrument.effective_until.isoformat()}"
            aliases = f" (also {', '.join(v.aliases)})" if v.aliases else ""
            _say(f"  {instrument.id}{aliases}: {instrument.status.value}{dates}")
            if v.summary:
                _say(f"    {v.summary}")
    return EXIT_CLEAN


def _schema(name: str) -> int:
    _say(json.dumps(json_schema(_SCHEMA_TYPES[name]), indent=2, ensure_ascii=False))
    return EXIT_CLEAN


# -- audit ----------------------------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The lines of a file, numbered from 1, read one at a time."""
    try:
        with path.open(encoding="utf-8") as handle:
            yield from enumerate(handle, start=1)
    except (OSError, UnicodeDecodeError) as error:
        msg = f"cannot read {path}: {error}"
        raise _UsageError(msg) from None


def _load_cases(path: Path | None) -> tuple[list[CaseRecord], list[InputProblem]]:
    cases: list[CaseRecord] = []
    problems: list[InputProblem] = []
    if path is None:
        return cases, problems
    for number, line in _lines(path):
        if not line.strip():
            continue
        try:
            cases.append(from_json(line, CaseRecord))
        except InputError as error:
            problems.append(InputProblem(line=number, errors=error.errors))
    return cases, problems


def _latest_in_log(path: Path) -> datetime | None:
    """The latest event in the log; lines that do not parse are left to the audit to report."""
    latest: datetime | None = None
    for _, line in _lines(path):
        if not line.strip():
            continue
        try:
            record = from_json(line, SearchRecord)
        except InputError:
            continue
        at = latest_event(record)
        if at is not None and (latest is None or at > latest):
            latest = at
    return latest


def _as_of(args: argparse.Namespace, cases: list[CaseRecord]) -> tuple[datetime, str]:
    if args.as_of:
        try:
            return from_dict(args.as_of, datetime), "--as-of"
        except InputError as error:
            msg = "--as-of: " + "; ".join(e.removeprefix("$: ") for e in error.errors)
            raise _UsageError(msg) from None
    found = [t for t in (latest_event(c) for c in cases) if t is not None]
    in_log = _latest_in_log(args.log)
    if in_log is not None:
        found.append(in_log)
    if not found:
        # nothing to check an obligation against: any time serves, and none is read
        return datetime.fromisoformat("1970-01-01T00:00:00+00:00"), "no event in the inputs"
    return max(found), "the latest event in the inputs"


class _Progress:
    """A line count on stderr, for long logs on a terminal only."""

    def __init__(self, path: Path) -> None:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        self.size = size
        self.active = size > _PROGRESS_BYTES and sys.stderr.isatty()

    def show(self, lines: int, done: int) -> None:
        if self.active and lines % _PROGRESS_EVERY == 0:
            _say(f"\r{lines:,} lines, {100 * done // self.size}%", end="", stream=sys.stderr)

    def close(self) -> None:
        if self.active:
            _say(stream=sys.stderr)


def _audit(args: argparse.Namespace) -> int:  # noqa: C901 - one streaming loop, read in order
    place = _find(args.jurisdiction)
    version = _version(place, args.version) if args.version else None
    other = _version(place, args.compare) if args.compare else None
    if args.limit < 0:
        msg = "--limit: must not be negative"
        raise _UsageError(msg)
    if not args.log.is_file():
        msg = f"cannot read {args.log}: no such file"
        raise _UsageError(msg)
    cases, case_problems = _load_cases(args.cases)
    by_search = index_cases(cases)
    as_of, as_of_source = _as_of(args, cases)
    audit = Audit(violation_limit=args.limit)
    bill = Audit(violation_limit=args.limit) if other else None
    compared = (
        Comparison(
            before=version.instrument.id if version else _LAW_IN_FORCE,
            after=other.instrument.id,
            change_limit=args.limit,
        )
        if other
        else None
    )
    progress = _Progress(args.log)
    done = 0
    for number, line in _lines(args.log):
        done += len(line)
        progress.show(number, done)
        if not line.strip():
            audit.add_blank()
            if bill:
                bill.add_blank()
            continue
        try:
            record = from_json(line, SearchRecord)
            judged = version or version_for(place, record)
        except InputError as error:
            audit.add_problem(InputProblem(line=number, errors=error.errors))
            if bill:
                bill.add_problem(InputProblem(line=number, errors=error.errors))
            continue
        except LookupError as error:
            problem = InputProblem(
                line=number, errors=(f"$.request.performed_at: {error}; choose --version",)
            )
            audit.add_problem(problem)
            if bill:
                bill.add_problem(problem)
            continue
        cases_of = by_search.get(record.request.id, ())
        finding = check_search(record, cases_of, judged, as_of, line=number)
        audit.add(finding)
        if other and bill and compared:
            hypothetical = check_search(record, cases_of, other, as_of, line=number)
            bill.add(hypothetical)
            compared.add(finding.decision, hypothetical.decision, line=number)
    progress.close()
    report = _report(args, place, as_of, as_of_source, audit, case_problems, bill, compared)
    _write(args, report)
    if (audit.problem_count or case_problems) and not args.keep_going:
        return EXIT_BAD_INPUT
    return EXIT_VIOLATIONS if audit.violation_count else EXIT_CLEAN


def _totals(audit: Audit) -> dict[str, int]:
    obligations = audit.obligation_totals()
    return {
        "lines_read": audit.lines_read,
        "records": audit.records,
        "malformed_lines": audit.problem_count,
        "blank_lines": audit.blank_lines,
        "searches_performed": audit.performed,
        "violations": audit.violation_count,
        **{
            f"violations_{k.value}": n for k, n in sorted(audit.violations_by_kind.items(), key=str)
        },
        **{f"obligations_{s.value}": obligations.get(s, 0) for s in ObligationState},
    }


def _audit_section(audit: Audit) -> dict[str, Any]:
    duties = sorted({duty for duty, _ in audit.by_obligation})
    return {
        "totals": _totals(audit),
        "by_instrument": dict(sorted(audit.by_instrument.items())),
        "by_outcome": {o.value: audit.by_outcome.get(o, 0) for o in Outcome},
        "by_provision": [
            {
                "provision": rule,
                "citation": audit.citations.get(rule, ""),
                "outcome": outcome,
                "requests": n,
            }
            for (rule, outcome), n in sorted(audit.by_provision.items())
        ],
        "obligations": [
            {
                "duty": duty,
                "citation": audit.citations.get(duty, ""),
                **{s.value: audit.by_obligation.get((duty, s), 0) for s in ObligationState},
            }
            for duty in duties
        ],
        "violations": [
            {
                "line": v.line,
                "request_id": v.request_id,
                "kind": v.kind.value,
                "provisions": list(v.provisions),
                "citations": list(v.citations),
                "case_id": v.case_id,
                "instrument": v.instrument,
                "missing": v.missing,
            }
            for v in audit.violations
        ],
        "violations_not_listed": audit.omitted_violations,
    }


def _report(  # noqa: PLR0913, PLR0917 - the parts of the report, gathered once
    args: argparse.Namespace,
    place: Jurisdiction,
    as_of: datetime,
    as_of_source: str,
    audit: Audit,
    case_problems: list[InputProblem],
    bill: Audit | None,
    compared: Comparison | None,
) -> dict[str, Any]:
    report: dict[str, Any] = {
        "jurisdiction": place.code,
        "version": args.version or _LAW_IN_FORCE,
        "as_of": as_of.isoformat(),
        "as_of_source": as_of_source,
        "log": str(args.log),
        "cases": str(args.cases) if args.cases else None,
        "case_records": None,
        **_audit_section(audit),
        "input_problems": [
            {"file": str(args.log), "line": p.line, "errors": list(p.errors)}
            for p in audit.problems
        ]
        + [
            {"file": str(args.cases), "line": p.line, "errors": list(p.errors)}
            for p in case_problems
        ],
        "input_problems_not_listed": audit.omitted_problems,
        "comparison": None,
    }
    if args.cases:
        report["case_records"] = sum(1 for _ in _lines(args.cases) if _[1].strip()) - len(
            case_problems
        )
    if bill and compared:
        section = _audit_section(bill)
        report["comparison"] = {
            "before": compared.before,
            "after": compared.after,
            "compared": compared.compared,
            "changed": compared.change_count,
            "transitions": [
                {"before": b.value, "after": a.value, "requests": n}
                for (b, a), n in sorted(compared.transitions.items(), key=str)
                if a is not b
            ],
            "changes_by_provision": dict(sorted(compared.by_provision.items())),
            "changes": [
                {
                    "line": c.line,
                    "request_id": c.request_id,
                    "before": c.before.value,
                    "after": c.after.value,
                    "responsible": list(c.responsible),
                }
                for c in compared.changes
            ],
            "changes_not_listed": compared.omitted_changes,
            "totals": section["totals"],
            "by_outcome": section["by_outcome"],
            "obligations": section["obligations"],
        }
    return report


# -- rendering ------------------------------------------------------------------------------


def _write(args: argparse.Namespace, report: dict[str, Any]) -> None:
    render = {
        "text": _text,
        "markdown": _markdown,
        "json": lambda r: json.dumps(r, indent=2, ensure_ascii=False) + "\n",
        "csv": _csv,
        "html": _html,
    }[args.format]
    text = render(report)
    if args.output is None:
        sys.stdout.write(text)
        return
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        msg = f"cannot write {args.output}: {error}"
        raise _UsageError(msg) from None


_Table = tuple[str, list[str], list[list[str]]]


def _tables(report: dict[str, Any]) -> list[_Table]:
    """The report as titled tables: one shape for text, Markdown and HTML."""
    t = report["totals"]
    tables: list[_Table] = [
        ("Totals", ["", "count"], [[k.replace("_", " "), str(v)] for k, v in t.items()]),
        (
            "Requests by outcome",
            ["outcome", "requests"],
            [[k.replace("_", " "), str(v)] for k, v in report["by_outcome"].items()],
        ),
        (
            "Requests by version judged under",
            ["version", "requests"],
            [[k, str(v)] for k, v in report["by_instrument"].items()],
        ),
        (
            "Provisions that decided",
            ["provision", "citation", "outcome", "requests"],
            [
                [p["provision"], p["citation"], p["outcome"].replace("_", " "), str(p["requests"])]
                for p in report["by_provision"]
            ],
        ),
        (
            "Obligations",
            ["duty", "citation", *(s.value.replace("_", " ") for s in ObligationState)],
            [
                [o["duty"], o["citation"], *(str(o[s.value]) for s in ObligationState)]
                for o in report["obligations"]
            ],
        ),
        (
            "Violations"
            + (
                f" (first {len(report['violations'])}; {report['violations_not_listed']} more)"
                if report["violations_not_listed"]
                else ""
            ),
            ["line", "request", "provision", "citation", "case", "what was missing"],
            [
                [
                    str(v["line"]),
                    v["request_id"],
                    ", ".join(v["provisions"]),
                    "; ".join(v["citations"]),
                    v["case_id"] or "",
                    v["missing"],
                ]
                for v in report["violations"]
            ],
        ),
    ]
    if report["input_problems"]:
        tables.append(
            (
                "Input problems"
                + (
                    f" ({report['input_problems_not_listed']} more not listed)"
                    if report["input_problems_not_listed"]
                    else ""
                ),
                ["file", "line", "problem"],
                [
                    [p["file"], str(p["line"]), "; ".join(p["errors"])]
                    for p in report["input_problems"]
                ],
            )
        )
    comparison = report["comparison"]
    if comparison:
        after = comparison["after"]
        tables.extend(
            [
                (
                    f"What {after} would change: outcomes",
                    ["before", f"under {after}", "requests"],
                    [
                        [
                            x["before"].replace("_", " "),
                            x["after"].replace("_", " "),
                            str(x["requests"]),
                        ]
                        for x in comparison["transitions"]
                    ],
                ),
                (
                    f"What {after} would change: provisions responsible",
                    ["provision", "requests changed"],
                    [[k, str(v)] for k, v in comparison["changes_by_provision"].items()],
                ),
                (
                    f"Requests whose outcome {after} would change",
                    [
                        "line",
                        "request",
                        "before",
                        f"under {after}",
                        "responsible",
                    ],
                    [
                        [
                            str(c["line"]),
                            c["request_id"],
                            c["before"].replace("_", " "),
                            c["after"].replace("_", " "),
                            ", ".join(c["responsible"]),
                        ]
                        for c in comparison["changes"]
                    ],
                ),
                (
                    f"Under {after}: totals",
                    ["", "count"],
                    [[k.replace("_", " "), str(v)] for k, v in comparison["totals"].items()],
                ),
                (
                    f"Under {after}: obligations",
                    ["duty", "citation", *(s.value.replace("_", " ") for s in ObligationState)],
                    [
                        [o["duty"], o["citation"], *(str(o[s.value]) for s in ObligationState)]
                        for o in comparison["obligations"]
                    ],
                ),
            ]
        )
    return tables


def _heading(report: dict[str, Any]) -> list[str]:
    lines = [
        f"Audit of {report['log']}"
        + (f" with the cases of {report['cases']}" if report["cases"] else ""),
        f"Jurisdiction {report['jurisdiction']}, judged under {report['version']}.",
        f"Obligations checked as of {report['as_of']} ({report['as_of_source']}).",
    ]
    if report["case_records"] is not None:
        lines.append(f"{report['case_records']} case records read.")
    if report["comparison"]:
        c = report["comparison"]
        lines.append(
            f"Compared with {c['after']}: {c['changed']} of {c['compared']} requests would "
            "change outcome."
        )
    return lines


def _text(report: dict[str, Any]) -> str:
    out = [*_heading(report), ""]
    for title, header, rows in _tables(report):
        out.extend([title, "-" * len(title)])
        if not rows:
            out.extend(["  (none)", ""])
            continue
        widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
        for row in (header, *rows):
            cells = [c.ljust(w) for c, w in zip(row, widths, strict=True)]
            out.append("  " + "  ".join(cells).rstrip())
        out.append("")
    return "\n".join(out)


def _md_cell(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _markdown(report: dict[str, Any]) -> str:
    out = [f"# {_heading(report)[0]}", "", *(f"{line}  " for line in _heading(report)[1:]), ""]
    for title, header, rows in _tables(report):
        out.extend([f"## {title}", ""])
        if not rows:
            out.extend(["(none)", ""])
            continue
        out.append("| " + " | ".join(_md_cell(h) or " " for h in header) + " |")
        out.append("|" + "---|" * len(header))
        out.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows)
        out.append("")
    return "\n".join(out)


def _html(report: dict[str, Any]) -> str:
    heading = _heading(report)
    out = [
        "<!DOCTYPE html>",
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">',
        '<head><meta charset="utf-8" /><title>frpolicy audit</title></head>',
        "<body>",
        f"<h1>{escape(heading[0])}</h1>",
        *(f"<p>{escape(line)}</p>" for line in heading[1:]),
    ]
    for title, header, rows in _tables(report):
        out.append(f"<h2>{escape(title)}</h2>")
        if not rows:
            out.append("<p>(none)</p>")
            continue
        out.append("<table>")
        out.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>")
        out.extend("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        out.append("</table>")
    out.extend(["</body>", "</html>", ""])
    return "\n".join(out)


_CSV_FIELDS = ["section", "name", "value", "line", "request_id", "provision", "detail"]


def _csv(report: dict[str, Any]) -> str:
    """One table of long rows: totals, counts and each violation, problem and change."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    _csv_audit(writer, report, "")
    for p in report["input_problems"]:
        writer.writerow(
            {
                "section": "input_problem",
                "name": p["file"],
                "line": p["line"],
                "detail": "; ".join(p["errors"]),
            }
        )
    comparison = report["comparison"]
    if comparison:
        for c in comparison["changes"]:
            writer.writerow(
                {
                    "section": "change",
                    "name": f"{c['before']} -> {c['after']}",
                    "line": c["line"],
                    "request_id": c["request_id"],
                    "provision": " ".join(c["responsible"]),
                }
            )
        for k, v in comparison["totals"].items():
            writer.writerow({"section": f"total:{comparison['after']}", "name": k, "value": v})
    return buffer.getvalue()


def _csv_audit(writer: csv.DictWriter[str], report: dict[str, Any], suffix: str) -> None:
    for k, v in report["totals"].items():
        writer.writerow({"section": "total" + suffix, "name": k, "value": v})
    for k, v in report["by_outcome"].items():
        writer.writerow({"section": "outcome" + suffix, "name": k, "value": v})
    for p in report["by_provision"]:
        writer.writerow(
            {
                "section": "provision" + suffix,
                "name": p["outcome"],
                "value": p["requests"],
                "provision": p["provision"],
                "detail": p["citation"],
            }
        )
    for o in report["obligations"]:
        for s in ObligationState:
            writer.writerow(
                {
                    "section": "obligation" + suffix,
                    "name": s.value,
                    "value": o[s.value],
                    "provision": o["duty"],
                    "detail": o["citation"],
                }
            )
    for v in report["violations"]:
        writer.writerow(
            {
                "section": "violation" + suffix,
                "name": v["kind"],
                "line": v["line"],
                "request_id": v["request_id"],
                "provision": " ".join(v["provisions"]),
                "detail": v["missing"],
            }
        )
