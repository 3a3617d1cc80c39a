"""The Markdown format: a report as GitHub's Markdown tables, for a wiki, a ticket or a review."""

from __future__ import annotations

from frpolicy._text import printable
from frpolicy.reports._document import Document, Kind, Table, human, listing_note

__all__ = ["markdown"]


def _md(cell: str) -> str:
    escaped = "".join(f"\\{ch}" if ch in "\\`*_[]<>|#" else ch for ch in cell)
    return escaped or " "


def _table(table: Table) -> list[str]:
    out = [f"## {_md(printable(table.title))}", ""]
    if table.about:
        out += [_md(table.about), ""]
    note = listing_note(table)
    if note:
        out += [f"> {_md(note)}", ""]
    if not table.rows:
        return out + (["(none)", ""] if not table.cut else [])
    out.append("| " + " | ".join(_md(c.label) for c in table.columns) + " |")
    out.append(
        "|"
        + "".join("---:|" if c.kind in {Kind.COUNT, Kind.HOURS} else "---|" for c in table.columns)
    )
    for row in table.rows:
        cells = (_md(human(v, c.kind)) for v, c in zip(row, table.columns, strict=True))
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def markdown(document: Document) -> str:
    """The document as Markdown (GitHub's tables), for a wiki, a ticket or a pull request."""
    out = [f"# {_md(printable(document.title))}", ""]
    filing = document.filing
    if filing is not None:
        out += [f"**{_md(label)}:** {_md(printable(value))}  " for label, value in filing.rows]
        out.append("")
    out += [f"{_md(printable(f))}  " for f in document.header]
    out += ["", _md(printable(document.findings)), ""]
    if document.sureness:
        out += [_md(printable(document.sureness)), ""]
    if document.spans:
        out += [f"- {_md(printable(f'{span.label}: {span.said}'))}" for span in document.spans]
        out.append("")
    for table in document.sections:
        out += _table(table)
    if filing is not None:
        out += ["## Certification", "", _md(printable(filing.certification)), ""]
        out += [f"**{_md(label)}:** {_md(value)}  " for label, value in filing.signature]
        out.append("")
    out.append(f"*{_md(printable(document.footer))}*")
    return "\n".join(out) + "\n"
