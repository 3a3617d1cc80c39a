r"""Text a person reads, made safe to show: control characters escaped, one line kept one line.

A request id, an agency name or a file name comes from input, and input is hostile: a
newline in an id would forge a row of a text report, an ANSI escape would drive the
terminal, a right-to-left override would reorder what the reader sees. :func:`printable`
shows each such character as a visible escape instead, in every human-readable output.

>>> printable("MA-1\n\x1b[31mviolations 0")
'MA-1\\n\\x1b[31mviolations 0'
>>> printable("line one\nline two", keep_newlines=True)
'line one\nline two'
"""

from __future__ import annotations

import unicodedata

__all__ = ["printable"]

# Cc: C0 and C1 controls; Cf: format characters (bidirectional overrides, zero-width
# characters); Cs: lone surrogates, which no encoder writes; Zl, Zp: line and paragraph
# separators, which break a line as a newline does.
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if unicodedata.category(char) not in _UNSAFE:
        return char
    code = ord(char)
    if code < 0x100:  # noqa: PLR2004 - the \x escape holds one byte
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"  # noqa: PLR2004 - BMP


def printable(text: str, *, keep_newlines: bool = False) -> str:
    r"""``text`` with every control, format or separator character shown as an escape.

    Args:
        text: What to show.
        keep_newlines: Keep ``\n`` as a line break (for text of several lines, such as a
            memo); every other such character is still escaped.
    """
    if keep_newlines:
        return "\n".join(printable(line) for line in text.split("\n"))
    if text.isprintable():  # the common case: nothing to escape
        return text
    return "".join(_escape(char) for char in text)
