"""The CSV format: one table of a report a file, every row listed, for a spreadsheet."""

from __future__ import annotations

import csv
import io

from frpolicy.reports._document import Table, machine

__all__ = ["csv_table"]


def csv_table(table: Table) -> str:
    """One table as CSV, a header row of column keys and a row per row, every row listed.

    Raises:
        ValueError: the table is a listing that was cut: a CSV table is always whole.
    """
    if table.cut:
        msg = (
            f"the {table.name} table lists {len(table.rows):,} of {table.total:,} "
            f"{table.noun}; a CSV table is always whole: make the report without a limit"
        )
        raise ValueError(msg)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.rows:
        writer.writerow([machine(v, c.kind) for v, c in zip(row, table.columns, strict=True)])
    return buffer.getvalue()
