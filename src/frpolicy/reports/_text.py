"""The text format: a report as plain text for a terminal, aligned columns, one row a line.

A table's columns are as wide as their widest cell, so its rows are read twice: once to
measure them, once to write them, one at a time (a long listing is never held whole).
"""

from __future__ import annotations

from collections.abc import Iterator

from frpolicy._text import printable
from frpolicy.reports._document import Document, Filing, Kind, Table, human, listing_note

__all__ = ["text", "text_lines"]


def _heading(title: str, rule: str) -> list[str]:
    title = printable(title)
    return [title, rule * len(title)]


def _pairs(pairs: tuple[tuple[str, str], ...]) -> list[str]:
    width = max(len(label) for label, _ in pairs) + 1
    return [f"  {label + ':':<{width}} {printable(value)}" for label, value in pairs]


def _table(table: Table) -> Iterator[str]:
    yield from _heading(table.title, "-")
    note = listing_note(table)
    if note:
        yield f"  ({note})"
    if not table.rows:
        yield from (["  (none)", ""] if not table.cut else [""])
        return
    shown = [i for i, c in enumerate(table.columns) if c.terminal]
    columns = [table.columns[i] for i in shown]
    header = [c.label for c in columns]
    widths = [len(label) for label in header]
    for cells in _cells(table, shown):
        widths = [max(w, len(x)) for w, x in zip(widths, cells, strict=True)]
    right = [c.kind in {Kind.COUNT, Kind.HOURS} for c in columns]
    for row in (header, *_cells(table, shown)):
        padded = [
            x.rjust(w) if r else x.ljust(w) for x, w, r in zip(row, widths, right, strict=True)
        ]
        yield "  " + "  ".join(padded).rstrip()
    yield ""


def _cells(table: Table, shown: list[int]) -> Iterator[list[str]]:
    """Each row's cells as a person reads them, in the columns shown."""
    kinds = [table.columns[i].kind for i in shown]
    for r in table.rows:
        yield [human(r[i], kind) for i, kind in zip(shown, kinds, strict=True)]


def _certification(filing: Filing) -> list[str]:
    return [
        *_heading("Certification", "-"),
        f"  {printable(filing.certification)}",
        "",
        *_pairs(filing.signature),
        "",
    ]


def text_lines(document: Document) -> Iterator[str]:
    """The document as plain text for a terminal, a line at a time, each with its line end."""
    return (line + "\n" for line in _lines(document))


def _lines(document: Document) -> Iterator[str]:
    yield from _heading(document.title, "=")
    if document.filing is not None:
        yield from [*_pairs(document.filing.rows), ""]
    yield from (printable(f) for f in document.header)
    yield from ["", printable(document.findings)]
    if document.sureness:
        yield printable(document.sureness)
    yield from (printable(f"{span.label}: {span.said}") for span in document.spans)
    yield ""
    for table in document.sections:
        yield from _table(table)
    if document.filing is not None:
        yield from _certification(document.filing)
    yield printable(document.footer)


def text(document: Document) -> str:
    """The document as plain text for a terminal: aligned columns, one row a line."""
    return "".join(text_lines(document))
