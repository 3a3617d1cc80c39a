"""A report as JSON, indented as the standard library writes it, faster where orjson is.

A report whose listing is too long to hold (a :class:`~frpolicy.reports.Listing`) is
written in pieces: what precedes the listing, then its items a batch at a time, each
indented exactly as :func:`json.dumps` indents it in place, then what follows; the pieces
make the text the whole report would, byte for byte.
"""

from __future__ import annotations

import itertools
import json
import re
import secrets
import typing
from collections.abc import Iterator

import attrs

from frpolicy.reports._document import Listing
from frpolicy.serialization import to_dict

_SMALL_FLOAT = re.compile(rb"0\.0000|\de-")
"""How orjson writes a number below 10^-4, which Python writes otherwise (``1e-05``).

A string holding the same characters matches too: then the text is written again by
:func:`json.dumps`, which is always right.
"""


def _indented_json(data: object) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``, by ``orjson`` when it is installed.

    The same text, several times as fast: the standard library's encoder is pure Python
    when it indents. ``data`` is JSON-ready (as :func:`~frpolicy.serialization.to_dict`
    gives it: finite numbers); what orjson does not write as Python does (an integer past
    64 bits, a lone surrogate from a file name, a number below 10^-4) is left to
    :func:`json.dumps`.
    """
    try:
        import orjson  # noqa: PLC0415 - the fast extra, imported when a report is written
    except ImportError:  # pragma: no cover - the test environment has the extra
        return json.dumps(data, indent=2, ensure_ascii=False)
    try:
        written = orjson.dumps(
            data,
            option=orjson.OPT_INDENT_2
            | orjson.OPT_PASSTHROUGH_DATETIME
            | orjson.OPT_PASSTHROUGH_DATACLASS,
        )
    except TypeError:  # orjson.JSONEncodeError: json.dumps writes it, or says why not
        pass
    else:
        if not _SMALL_FLOAT.search(written):
            return written.decode("utf-8")
    return json.dumps(data, indent=2, ensure_ascii=False)


_BATCH = 512
"""How many items of a listing are written at a time."""


def json_chunks(report: object) -> Iterator[str]:
    """The report's JSON text (with a final line end), in pieces, as :func:`_indented_json`.

    ``report`` is an attrs object. A field holding a :class:`~frpolicy.reports.Listing` is
    written item by item: the rest of the report is written with a marker in its place,
    which is then replaced, piece by piece, by the listing's items.
    """
    fields = attrs.fields(typing.cast("type[attrs.AttrsInstance]", type(report)))
    values = {f.name: getattr(report, f.name) for f in fields}
    listings = {name: value for name, value in values.items() if isinstance(value, Listing)}
    if not listings:
        yield _indented_json(to_dict(report)) + "\n"
        return
    data = to_dict(attrs.evolve(typing.cast("typing.Any", report), **dict.fromkeys(listings, ())))
    markers = {name: f"\x00{name}:{secrets.token_hex(16)}" for name in listings}
    data.update(markers)
    text = _indented_json(data)
    for name, listing in listings.items():
        quoted = json.dumps(markers[name])
        head, found, text = text.partition(quoted)
        if not found or quoted in text:  # pragma: no cover - a random marker is unique
            msg = f"the marker of {name} is not in the report's text once"
            raise RuntimeError(msg)
        yield head
        yield from _items(listing, head[head.rfind("\n") + 1 :].index('"'))
    yield text + "\n"


def _items(listing: Listing[object], depth: int) -> Iterator[str]:
    """A listing as the array :func:`_indented_json` writes at ``depth`` spaces in."""
    items = iter(listing)
    batch = list(itertools.islice(items, _BATCH))
    if not batch:
        yield "[]"
        return
    pad = " " * depth
    yield "["
    separator = "\n"
    while batch:
        written = _indented_json([to_dict(item) for item in batch])  # "[\n  {...},\n  {...}\n]"
        yield separator + pad + written[2:-2].replace("\n", "\n" + pad)
        separator = ",\n"
        batch = list(itertools.islice(items, _BATCH))
    yield "\n" + pad + "]"
