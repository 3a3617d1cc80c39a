"""A report as JSON, indented as the standard library writes it, faster where orjson is."""

from __future__ import annotations

import json
import re

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
