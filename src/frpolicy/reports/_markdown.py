"""The Markdown format: a report as GitHub's Markdown tables, for a wiki, a ticket or a review."""

from __future__ import annotations

from frpolicy._text import printable
from frpolicy.reports._document import Document, Kind, human, listing_note

__all__ = ["markdown"]


def _md(cell: str) -> str:
    escaped = "".join(f"\\{ch}" if ch in "\\`*_[]<>|#" else ch for ch in cell)
    return escaped or " "


def markdown(document: Document) -> str:
    """The document as Markdown (GitHub's tables), for a wiki, a ticket or a pull request."""
    out = [f"# {_md(printable(document.title))}", ""]
    out += [f"{_md(printable(f))}  " for f in document.facts]
    out += ["", _md(printable(document.findings)), ""]
    for table in document.tables:
        out += [f"## {_md(printable(table.title))}", ""]
        if table.about:
            out += [_md(table.about), ""]
        note = listing_note(table)
        if note:
            out += [f"> {_md(note)}", ""]
        if not table.rows:
            out += ["(none)", ""] if not table.cut else []
            continue
        out.append("| " + " | ".join(_md(c.label) for c in table.columns) + " |")
        out.append(
            "|"
            + "".join(
                "---:|" if c.kind in {Kind.COUNT, Kind.HOURS} else "---|" for c in table.columns
            )
        )
        for row in table.rows:
            cells = (_md(human(v, c.kind)) for v, c in zip(row, table.columns, strict=True))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    out.append(f"*{_md(printable(document.footer))}*")
    return "\n".join(out) + "\n"
