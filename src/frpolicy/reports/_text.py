"""The text format: a report as plain text for a terminal, aligned columns, one row a line."""

from __future__ import annotations

from frpolicy._text import printable
from frpolicy.reports._document import Document, Kind, human, listing_note

__all__ = ["text"]


def text(document: Document) -> str:
    """The document as plain text for a terminal: aligned columns, one row a line."""
    out = [printable(document.title), "=" * len(printable(document.title))]
    out += [printable(f) for f in document.facts]
    out += ["", printable(document.findings), ""]
    for table in document.tables:
        title = printable(table.title)
        out += [title, "-" * len(title)]
        note = listing_note(table)
        if note:
            out.append(f"  ({note})")
        if not table.rows:
            out += ["  (none)", ""] if not table.cut else [""]
            continue
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
        out.append("")
    out.append(printable(document.footer))
    return "\n".join(out) + "\n"
