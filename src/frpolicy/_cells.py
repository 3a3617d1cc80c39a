r"""A cell of a CSV file, made safe to open in a spreadsheet: no formula runs from input.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula; some
start it after leading spaces, or read a full-width equals sign (U+FF1D) as ``=``. A
request id or an agency name comes from input, and input is hostile: :func:`neutralised`
prefixes such a cell with ``'``, which spreadsheets take as the mark of plain text, and
leaves every other cell as it is.

>>> neutralised("=1+1"), neutralised(" =1+1"), neutralised("MA-1")
("'=1+1", "' =1+1", 'MA-1')
>>> neutralised("\uff1d1+1") == "'\uff1d1+1"
True
"""

from __future__ import annotations

import unicodedata

__all__ = ["neutralised"]

_STARTS_A_FORMULA = frozenset("=+-@")
# what a spreadsheet may pass over before the first character it reads: spaces, controls
# and invisible format characters
_PASSED_OVER = frozenset({"Zs", "Cc", "Cf"})


def neutralised(cell: str) -> str:
    """``cell``, prefixed with ``'`` when a spreadsheet could read it as a formula."""
    for char in cell:
        if unicodedata.category(char) in _PASSED_OVER:
            continue
        # compatibility forms read as what they stand for: a full-width = (U+FF1D) is =
        if unicodedata.normalize("NFKC", char)[:1] in _STARTS_A_FORMULA:
            return "'" + cell
        return cell
    return cell
