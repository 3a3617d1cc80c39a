"""The CSV format: one table of a report a file, every row listed, for a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from frpolicy.law import Source
from frpolicy.reports._document import Cell, Column, Kind, Table, machine

__all__ = ["csv_lines", "csv_table"]


def _keys(column: Column) -> list[str]:
    # a provision's source is two facts a spreadsheet filters on apart
    return ["verification", "confidence"] if column.kind is Kind.SOURCE else [column.key]


def _cells(value: Cell, column: Column) -> list[str]:
    if column.kind is not Kind.SOURCE:
        return [machine(value, column.kind)]
    if isinstance(value, Source):
        return [value.verification.value, value.confidence.value]
    return ["", ""]


def csv_table(table: Table) -> str:
    """One table as CSV, a header row of column keys and a row per row, every row listed.

    A column of provisions' sources is written as two, ``verification`` and
    ``confidence``.

    Raises:
        ValueError: the table is a listing that was cut: a CSV table is always whole.
    """
    return "".join(csv_lines(table))


def csv_lines(table: Table) -> Iterator[str]:
    """As :func:`csv_table`, a row at a time (the table is checked before the first).

    Raises:
        ValueError: the table is a listing that was cut: a CSV table is always whole.
    """
    if table.cut:
        msg = (
            f"the {table.name} table lists {len(table.rows):,} of {table.total:,} "
            f"{table.noun}; a CSV table is always whole: make the report without a limit"
        )
        raise ValueError(msg)
    return _rows(table)


def _rows(table: Table) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([key for c in table.columns for key in _keys(c)])
    yield buffer.getvalue()
    for row in table.rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(
            [cell for v, c in zip(row, table.columns, strict=True) for cell in _cells(v, c)]
        )
        yield buffer.getvalue()
