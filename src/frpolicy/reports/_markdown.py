"""The Markdown format: a report as GitHub's Markdown tables, for a wiki, a ticket or a review."""

from __future__ import annotations

from collections.abc import Iterator

from frpolicy._text import printable
from frpolicy.reports._document import Document, Kind, Table, human, listing_note

__all__ = ["markdown", "markdown_lines"]


def _md(cell: str) -> str:
    escaped = "".join(f"\\{ch}" if ch in "\\`*_[]<>|#" else ch for ch in cell)
    return escaped or " "


def _table(table: Table) -> Iterator[str]:
    yield from [f"## {_md(printable(table.title))}", ""]
    if table.about:
        yield from [_md(table.about), ""]
    note = listing_note(table)
    if note:
        yield from [f"> {_md(note)}", ""]
    if not table.rows:
        yield from (["(none)", ""] if not table.cut else [])
        return
    yield "| " + " | ".join(_md(c.label) for c in table.columns) + " |"
    yield (
        "|"
        + "".join("---:|" if c.kind in {Kind.COUNT, Kind.HOURS} else "---|" for c in table.columns)
    )
    for row in table.rows:
        cells = (_md(human(v, c.kind)) for v, c in zip(row, table.columns, strict=True))
        yield "| " + " | ".join(cells) + " |"
    yield ""


def markdown_lines(document: Document) -> Iterator[str]:
    """The document as Markdown, a line at a time, each with its line end."""
    return (line + "\n" for line in _lines(document))


def _lines(document: Document) -> Iterator[str]:
    yield from [f"# {_md(printable(document.title))}", ""]
    filing = document.filing
    if filing is not None:
        yield from (f"**{_md(label)}:** {_md(printable(value))}  " for label, value in filing.rows)
        yield ""
    yield from (f"{_md(printable(f))}  " for f in document.header)
    yield from ["", _md(printable(document.findings)), ""]
    if document.sureness:
        yield from [_md(printable(document.sureness)), ""]
    if document.spans:
        yield from (f"- {_md(printable(f'{span.label}: {span.said}'))}" for span in document.spans)
        yield ""
    for table in document.sections:
        yield from _table(table)
    if filing is not None:
        yield from ["## Certification", "", _md(printable(filing.certification)), ""]
        yield from (f"**{_md(label)}:** {_md(value)}  " for label, value in filing.signature)
        yield ""
    yield f"*{_md(printable(document.footer))}*"


def markdown(document: Document) -> str:
    """The document as Markdown (GitHub's tables), for a wiki, a ticket or a pull request."""
    return "".join(markdown_lines(document))
