"""The fuzz suite: every class of hostile input, into the decoder, ``frpolicy audit``, the analysis.

The classes are the strategies of ``tests/hostile.py``. A decoder answers each line with a
valid record or an :class:`~frpolicy.serialization.InputError` of short single lines (and
a second decoder with the same answer as ``from_json``). The command line answers any log
with exit 0, 1 or 2, a report, nothing on stderr, and totals that count every line once.
The symbolic analysis, given a leaf at the edge of the subset it translates, never claims
what the engine contradicts, on the requests the solver chooses or on requests at the same
edge. The numbers of examples are fixed, so the suite takes the same few seconds in every
profile.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hostile import CLASSES, DECODERS, LEAF_CLASSES, check_edge, check_same_answer, log_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frpolicy.cli import EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_VIOLATIONS, main

FUZZ = settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("decoder", sorted(DECODERS))
@pytest.mark.parametrize("hostile_class", sorted(CLASSES))
@FUZZ
@given(data=st.data())
def test_every_hostile_line_decodes_to_a_valid_record_or_an_input_error(
    decoder: str, hostile_class: str, data: st.DataObject
) -> None:
    check_same_answer(DECODERS[decoder], data.draw(CLASSES[hostile_class], label="line"))


def _lines_in(data: bytes) -> int:
    """How many lines a file holds: ends of line, and a last line without one."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


@settings(FUZZ, max_examples=50)
@given(
    lines=log_lines(),
    end=st.sampled_from([b"\n", b"\r\n"]),
    last_end=st.booleans(),
    bom=st.booleans(),
)
def test_frpolicy_audit_reports_on_any_log_and_counts_every_line_once(
    lines: list[bytes], end: bytes, *, last_end: bool, bom: bool
) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + end.join(lines) + (end if last_end else b"")
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "log.jsonl"
        log.write_bytes(data)
        out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
        args = ["audit", str(log), "--jurisdiction", "US-MA", "--format", "json"]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    assert code in {EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_BAD_INPUT}
    assert err.getvalue() == ""
    out.flush()
    assert isinstance(out.buffer, io.BytesIO)
    report = json.loads(out.buffer.getvalue())
    totals = report["totals"]
    read = _lines_in(data[3:] if bom else data)
    assert totals["lines_read"] == read
    assert totals["records"] + totals["malformed_lines"] + totals["blank_lines"] == read
    problems = totals["malformed_lines"] + totals["duplicate_request_ids"]
    assert (code == EXIT_BAD_INPUT) == (problems > 0)
    assert len(report["input_problems"]) == problems


@pytest.mark.parametrize("leaf_class", sorted(LEAF_CLASSES))
@settings(FUZZ, max_examples=12)
@given(data=st.data())
def test_the_analysis_never_claims_what_the_engine_contradicts_for_a_leaf_at_the_subsets_edge(
    leaf_class: str, data: st.DataObject
) -> None:
    pytest.importorskip("z3")
    check_edge(data.draw(LEAF_CLASSES[leaf_class], label="leaf"))
