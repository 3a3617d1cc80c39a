"""Reading JSON Lines: one line at a time, numbered, never more than a line's limit held."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

__all__ = ["BOM", "MAX_LINE", "lines"]

MAX_LINE = 16 * 2**20
"""The most bytes one line (or a request) may have: a longer one is not read."""
BOM = b"\xef\xbb\xbf"
"""UTF-8's byte order mark, which some editors write at the start of a text."""


def lines(
    handle: BinaryIO, start: int = 0, end: int | None = None, *, limit: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """The lines of a file, numbered from 1, read one at a time from ``start``.

    A line ends at a line feed only; a byte order mark at the start of the file is not
    part of its first line, and a file of the mark alone has no line. ``None`` stands for
    a line longer than ``limit`` bytes (:data:`MAX_LINE`), skipped without being held in
    memory.
    ``start`` and ``end`` (offsets, each at the start of a line) read a part of the file,
    numbered from 1.
    """
    limit = MAX_LINE if limit is None else limit
    if start or handle.seekable():  # standard input is read from where it stands
        handle.seek(start)
    at = start
    number = 0
    while (end is None or at < end) and (line := handle.readline(limit + 1)):
        at += len(line)
        if number == 0 and start == 0:
            line = line.removeprefix(BOM)
            if not line:  # the mark and nothing else: an empty text
                break
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                at += len(rest)
            at += len(rest)
            yield number, None
            continue
        yield number, line
