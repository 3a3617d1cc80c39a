"""The text format: a report as plain text for a terminal, aligned columns, one row a line."""

from __future__ import annotations

from frpolicy._text import printable
from frpolicy.reports._document import Document, Filing, Kind, Table, human, listing_note

__all__ = ["text"]


def _heading(title: str, rule: str) -> list[str]:
    title = printable(title)
    return [title, rule * len(title)]


def _pairs(pairs: tuple[tuple[str, str], ...]) -> list[str]:
    width = max(len(label) for label, _ in pairs) + 1
    return [f"  {label + ':':<{width}} {printable(value)}" for label, value in pairs]


def _table(table: Table) -> list[str]:
    out = _heading(table.title, "-")
    note = listing_note(table)
    if note:
        out.append(f"  ({note})")
    if not table.rows:
        return out + (["  (none)", ""] if not table.cut else [""])
    shown = [i for i, c in enumerate(table.columns) if c.terminal]
    columns = [table.columns[i] for i in shown]
    header = [c.label for c in columns]
    cells = [[human(r[i], table.columns[i].kind) for i in shown] for r in table.rows]
    widths = [max(len(x) for x in column) for column in zip(header, *cells, strict=True)]
    right = [c.kind in {Kind.COUNT, Kind.HOURS} for c in columns]
    for row in (header, *cells):
        padded = [
            x.rjust(w) if r else x.ljust(w) for x, w, r in zip(row, widths, right, strict=True)
        ]
        out.append("  " + "  ".join(padded).rstrip())
    return [*out, ""]


def _certification(filing: Filing) -> list[str]:
    return [
        *_heading("Certification", "-"),
        f"  {printable(filing.certification)}",
        "",
        *_pairs(filing.signature),
        "",
    ]


def text(document: Document) -> str:
    """The document as plain text for a terminal: aligned columns, one row a line."""
    out = _heading(document.title, "=")
    if document.filing is not None:
        out += [*_pairs(document.filing.rows), ""]
    out += [printable(f) for f in document.header]
    out += ["", printable(document.findings)]
    if document.sureness:
        out.append(printable(document.sureness))
    out += [printable(f"{span.label}: {span.said}") for span in document.spans]
    out.append("")
    for table in document.sections:
        out += _table(table)
    if document.filing is not None:
        out += _certification(document.filing)
    out.append(printable(document.footer))
    return "\n".join(out) + "\n"
