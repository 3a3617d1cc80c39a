"""Reports of an audit: the findings of a log as data, and that data as text, tables or a page.

:func:`audit_report` gathers what :func:`~frpolicy.compliance.audit_log` found into one
JSON-ready report; :func:`render` renders it in any of :data:`FORMATS`: plain text for a
terminal, Markdown, JSON, CSV, or a self-contained HTML page. Every format shows the same
numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from html import escape
from typing import Any

from frpolicy.compliance import Audit, AuditResult, InputProblem, ObligationState
from frpolicy.policy import Outcome

__all__ = ["FORMATS", "audit_report", "render"]


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


def audit_report(  # noqa: PLR0913 - the parts of the report, gathered once
    result: AuditResult,
    *,
    log: str,
    as_of_source: str,
    cases: str | None = None,
    case_records: int | None = None,
    case_problems: Sequence[InputProblem] = (),
) -> dict[str, Any]:
    """The report of an audit, as JSON-ready data: what every format renders.

    Args:
        result: What :func:`~frpolicy.compliance.audit_log` found.
        log: The name of the log audited, as the report shows it.
        as_of_source: Where the time obligations were checked at came from.
        cases: The name of the cases file, if one was read.
        case_records: How many case records were read from it.
        case_problems: The lines of the cases file that could not be read.
    """
    audit = result.audit
    report: dict[str, Any] = {
        "jurisdiction": result.jurisdiction,
        "version": result.version,
        "as_of": result.as_of.isoformat(),
        "as_of_source": as_of_source,
        "log": log,
        "cases": cases,
        "case_records": case_records,
        **_audit_section(audit),
        "input_problems": [
            {"file": log, "line": p.line, "errors": list(p.errors)} for p in audit.problems
        ]
        + [{"file": cases, "line": p.line, "errors": list(p.errors)} for p in case_problems],
        "input_problems_not_listed": audit.omitted_problems,
        "comparison": None,
    }
    compared, other = result.comparison, result.other
    if compared is not None and other is not None:
        section = _audit_section(other)
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


FORMATS = ("text", "markdown", "json", "csv", "html")
"""The formats a report renders in."""


def render(report: dict[str, Any], fmt: str) -> str:
    """The report in one of :data:`FORMATS`.

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
    """
    renderers = {
        "text": _text,
        "markdown": _markdown,
        "json": lambda r: json.dumps(r, indent=2, ensure_ascii=False) + "\n",
        "csv": _csv,
        "html": _html,
    }
    if fmt not in renderers:
        msg = f"no report format {fmt!r}; known: {', '.join(FORMATS)}"
        raise ValueError(msg)
    return renderers[fmt](report)


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
