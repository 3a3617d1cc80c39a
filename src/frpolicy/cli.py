r"""The ``frpolicy`` command: evaluate a request, audit a search log, list the law.

Subcommands:

``frpolicy evaluate REQUEST.json --jurisdiction US-MA [--version NAME] [--json]``
    The decision on one :class:`~frpolicy.model.SearchRequest`, read from a file (or ``-``),
    and its memo; ``--json`` prints the decision as JSON instead. Exit 0 when the search is
    permitted or outside the law's scope, 1 when it is not permitted or forbidden.

``frpolicy evaluate ... --db LOG``
    Also appends the :class:`~frpolicy.records.DecisionRecord` of the decision (its id,
    the request and its hash, the law and readings in force, frpolicy's version, the time)
    to the decision log ``LOG``, an SQLite file created if missing; says on stderr at
    which row. Nothing is printed if the record cannot be appended (exit 2).

``frpolicy log verify LOG [--anchor ROW:SHA256]...``
    Checks the hash chain of a decision log (or of its JSON Lines export) and prints its
    head, ``ROW:SHA256``, to keep elsewhere; or names the first row where the chain
    breaks (exit 1). ``--anchor`` checks that the log still holds a head kept before. A
    file that is not a decision log, or a record of a schema version this frpolicy does
    not read, is bad input (exit 2).

``frpolicy log export LOG --format jsonl|csv``
    Writes every record of the log to stdout: ``jsonl``, each record's text as stored and
    hashed; ``csv``, a row per record with the chain's hashes.

``frpolicy replay SOURCE [--version NAME | --on DAY] [--reading ID=CHOICE] [--json]``
    Decides every record of a decision log or JSON Lines file of records again, under the
    law each names and under the law in force on ``DAY`` (default: today) or the version
    ``NAME``, and reports each record decided differently, with both memos; a record
    whose law is no longer known is reported too. Exit 1 when any is found; 2 when a line
    or row cannot be read as a record (each is named). ``--json`` writes JSON Lines: a
    line per record found, then a line of totals.

``frpolicy audit LOG [--cases CASES] --jurisdiction US-MA [--version NAME] [--compare [OTHER]]``
    Every :class:`~frpolicy.model.SearchRecord` of a JSON Lines log evaluated, every
    obligation checked against the search's timeline and the
    :class:`~frpolicy.model.CaseRecord` objects of ``CASES``; a report with totals, tables by
    outcome, provision and obligation, and each violation with its line, request id,
    provision and what was missing. ``--format`` is ``text`` (default), ``markdown``,
    ``json``, ``csv`` or ``html``; ``--output`` writes to a file. The report is built by
    :func:`frpolicy.reports.audit_report` and written by :func:`frpolicy.reports.stream`.

    - *Which law.* Without ``--version`` each search is judged under the law in force on
      the day it was performed (in the jurisdiction's time zone); a search on a day no
      encoded law was in force is an input problem. ``--version NAME`` judges every
      search under one version, a bill included. ``--compare`` also judges the log under
      another version (default ``H.1728``) and reports what it would change: the requests
      whose outcome differs, with the provisions responsible, and its own totals.
    - *As of when.* Whether an unmet obligation is pending or violated depends on the time
      it is checked at. ``--as-of`` sets it (RFC 3339, with an offset); by default it is the
      latest event found in the inputs (a request, search, documentation, report, sworn
      statement, court date or notice), so the same files give the same report on any day.
      The log is read once either way: the few obligations whose answer depends on that
      time wait for the end of the log, or for an event past their due time.
    - *Lines.* Every line read is counted exactly once: as a record, as malformed, or as
      blank (blank lines are skipped, counted, and never an error). A malformed line is
      reported as ``line 17: $.request.warrant.expires_at: naive datetime, give a
      timezone``.
    - *Nothing cut silently.* Every violation and change is listed, in every format,
      and the first 1,000 input problems (the rest are counted, and the listing says how
      many it does not show: memory never grows with a log of garbage). ``--limit N``
      lists at most N of each (``--limit 0``: counts only), for a short look in a
      terminal or flat memory on a huge log. A CSV table is always whole, the table of
      input problems included, so ``--limit`` is refused with ``--format csv``.
    - *CSV.* One table a file: ``--table violations`` (the default: a row per violation,
      with line, request id, agencies, search time, provisions, citations, kind, due,
      fulfilled at, hours late and what was missing), or ``totals``, ``agencies``,
      ``obligations``, ... (``frpolicy audit --help`` lists them).
    - *Repeated request ids.* A record whose request id an earlier line had is audited,
      and listed as an input problem naming both lines.
    - *Memory.* Records stream: the audit keeps counters, and past a few thousand of
      each, the violations it lists and the request ids seen (to find repeats) in
      temporary files; the report is written as it is read back. The cases file is read
      whole.
    - *Processors.* ``--jobs N`` audits N parts of a log file at once, one process each,
      and joins what they found: the report is the one a single process writes. N is
      capped at the number of processors this process may run on; standard input, a pipe
      or a FIFO is read by one process.
    - *What it rests on.* The report states the readings of the law in force (adopted, or
      asked with ``--reading``, and how sure each is), frpolicy's version and the law's,
      each input file with its lines and SHA-256, and the as-of time; each count by
      provision and each violation says how sure the provision behind it is.
    - *Every reading.* ``--every-reading`` also audits the log under each other choice of
      each reading of the law that could judge it, in the same pass, and shows the range of
      each count and under which choice each end is reached; a reading that changes nothing
      in the log is named as such.
    - *Progress.* On a terminal, a line on stderr once the audit has run a second: lines
      read, share of the log, lines a second, time left; cleared at the end. Nothing is
      written there when stderr is a pipe or a file.

``frpolicy reports``
    The reports the law of each installed jurisdiction requires
    (:class:`frpolicy.reports.StatutoryReport`): code, title, provision and how sure its
    reading is, who files it, with whom, by when, for what period, its tables and its own
    readings. A report plug-in that cannot be used is listed with the reason.

``frpolicy report CODE LOG --period PERIOD [--agency ID] [--contact TEXT] [--version NAME]``
    A report the law requires, made from a search log, for a period (``2024Q3``, ``2024``,
    or ``2023-09-01/2024-09-30``, in the jurisdiction's time): ``US-MA:eopss`` (or
    ``eopss``, a name only one place has), the quarterly report to the Executive Office of
    Public Safety and Security (:func:`frpolicy.reports.eopss_report`);
    ``US-MD:annual-report``, Maryland's §2-510 annual report; ``US-WA:warrant-report`` and
    ``US-WA:warrant-subjects``, Washington's January reports of surveillance warrants;
    ``US-UT:annual-report`` and ``US-VA:annual-report``, Utah's and Virginia's annual
    reports; ``US-MT:local-report`` and ``US-MT:department-report``, Montana's June 30 and
    September 1 reports; ``US-CO:warrant-report`` and ``US-CO:warrant-subjects``,
    Colorado's January reports of surveillance warrants; ``US-ME:bmv-log``, the Maine
    Bureau of Motor Vehicles' public log of requests.
    ``--agency`` makes one agency's own report, ``--contact`` fills in whom to ask about
    it; ``--reading`` takes a reading of the law, or of the report itself, another way.
    Each report says who files it, with whom and by when, and ends with a certification to
    sign. Same formats, ``--table``, ``--limit`` and ``--output`` as ``audit``. Exit 0, or
    2 for bad input.

``frpolicy compare REQUEST.json [--jurisdiction CODE[=VERSION] ...] [--on DATE] [--json]``
    One request judged side by side under every installed jurisdiction (or those named),
    each under its law in force on a day (``--on``, ISO 8601 date or date-time; by default
    the day the request was performed): a table first, a line per jurisdiction with the
    law applied, the outcome and the provisions that decided it, then each memo in full
    (``--json``: the records). ``CODE=VERSION`` applies a version of the law instead of the
    one in force (a bill). Exit 0 when every law permits the search or does not govern it,
    1 when one refuses it or could not judge it.

``frpolicy jurisdictions``
    Every installed jurisdiction with its instruments: each one's kind (statute, bill,
    regulation, policy), status and dates in force (from, until), a summary, and the
    readings it rests on, each with its choice and the others. A plug-in that cannot be
    used (it fails to import, two packages register its code, or it registers the code
    of a place frpolicy ships) is listed with the reason, and the others are listed and
    work as ever.

``frpolicy schema [TYPE]``
    The JSON Schema of an input type, ``SearchRecord`` (default), ``SearchRequest`` or
    ``CaseRecord``, of a ``Decision`` or a ``DecisionRecord``, or of a report's JSON,
    ``AuditReport``, ``EopssReport``, ``BureauLog`` (Maine), ``EuNotificationReport``,
    ``MarylandAnnualReport``,
    ``MontanaLocalReport``, ``MontanaDepartmentReport``, ``UtahAnnualReport``,
    ``VirginiaAnnualReport``, ``WarrantReport`` or ``WarrantSubjectsReport``.

``frpolicy verify JURISDICTION [--version NAME] [--reading ID=CHOICE] [--every-reading]``
    Every claim :func:`frpolicy.analysis.verify` establishes about each version (or one):
    each invariant proved or its counterexample (as JSON), each vacuous, shadowed or
    redundant rule, each duty that can never attach, each leaf that can raise or cannot
    be analysed, each reading that decides nothing. ``--reading`` verifies the law read
    another way; ``--every-reading`` also verifies each version under each other choice
    of each of its readings; ``--format json`` prints the claims as JSON. Exit 0 when
    every claim is proved, 1 otherwise. Needs the ``verify`` extra.

``frpolicy example [NAME ...] [--directory DIR]``
    Writes the sample files that ship with frpolicy (:mod:`frpolicy.examples`: a request,
    search logs, case timelines) into the current directory, or ``DIR``, under their own
    names; without a name, lists them. A file already there with other contents is never
    replaced (exit 2).

``frpolicy new-jurisdiction CODE [--name NAME] [--directory DIR]``
    Writes a new jurisdiction package to start from: its entry point, one version with a
    rule, a reading, an invariant and a provision, a sample offense and agencies, tests
    that run the law-property suite, and a documentation page. Nothing in it is law until
    its author makes it so: every source is marked unverified. It installs and passes its
    own tests and ``frpolicy verify CODE`` as written.

``frpolicy diff JURISDICTION BEFORE [AFTER] [--reading ID=CHOICE] [--format text|json]``
    The classes of requests whose outcome or obligations change from one version to
    another (:func:`frpolicy.analysis.diff`), each with its conditions and a witness
    request. ``--reading`` reads AFTER (by default BEFORE itself) another way: ``diff
    US-MA H.1728 --reading notice-scope=state-police-route`` gives the requests that
    reading decides. Exit 0. Needs the ``verify`` extra.

Input. ``-`` names standard input, for the log (``audit -``) or the request
(``evaluate -``); a log is read once, as it streams, from a file or a pipe alike. Files
are read as bytes: lines end at a line feed only (a carriage return inside a record never
splits it; CRLF endings are fine), a UTF-8 byte order mark at the start of a file is
skipped, and a line that is not UTF-8, or longer than 16 MiB, is a malformed line like any
other, counted and reported with its number. An empty option (``--version ""``,
``--as-of ""``, an empty file name) is refused.
``--as-of`` takes an RFC 3339 date-time; a bare day is refused with the moment to write
instead (its start in the jurisdiction's time zone), since "as of a day" could mean its
start or its end.

Output. Reports and every other output are UTF-8, whatever the locale, so the same inputs
give the same bytes everywhere. ``--output FILE`` (``-``: standard output) is written to a
temporary file beside it and renamed over it once complete, so a failed, interrupted or
ended run leaves any earlier report whole, and no temporary file. An output that is an
input is refused, standard input included (by device and inode), and so is a file a
shell's ``>`` could not write.

Errors. Every failure ends with one line on stderr, never a traceback: exit 2 for bad
input, usage, a broken plug-in, a closed standard input or an output that cannot be
written (standard output closed or full); 130 when interrupted (Ctrl-C), 128 and the
signal's number when ended by SIGTERM, SIGHUP or SIGQUIT; and 2 for an unexpected error,
which the line names as a bug in frpolicy. A closed standard error changes nothing else.

Exit codes: 0 clean; 1 violations found (``audit``; for ``evaluate``, not permitted);
2 bad input or usage (a malformed line makes it 2 unless ``--keep-going``), or an error;
130 interrupted; 143, 129, 131 ended by SIGTERM, SIGHUP, SIGQUIT.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import io
import itertools
import json
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NoReturn

import attrs

from frpolicy import _jsonl
from frpolicy import reports as report_types
from frpolicy._jsonl import BOM
from frpolicy._text import printable
from frpolicy.comparison import compare
from frpolicy.compliance import AuditPart, Entry, InputProblem
from frpolicy.jurisdictions import (
    _SHIPPED,
    ENTRY_POINT_GROUP,
    Jurisdiction,
    PluginError,
    Version,
    _claim,
    _codes,
    entry_points,
    jurisdiction,
)
from frpolicy.model import CaseRecord, SearchRecord, SearchRequest
from frpolicy.policy import Decision, Outcome
from frpolicy.predicates import evaluation_time
from frpolicy.records import (
    EXPORT_FORMATS,
    Anchor,
    DecisionLog,
    DecisionRecord,
    LogError,
    Replay,
    read_records,
    record_decision,
    replay,
    verify,
)
from frpolicy.reports import (
    AUDIT_TABLES,
    FORMATS,
    AuditReport,
    EopssReport,
    HashingReader,
    InputFile,
    Period,
    ReadingsAudit,
    Report,
    ReportTerms,
    StatutoryReport,
    audit_report,
    other_choices,
    report_errors,
    statutory_report,
    statutory_reports,
    stream,
)
from frpolicy.serialization import (
    Decoder,
    InputError,
    from_dict,
    from_json,
    json_schema,
    to_json,
)

if TYPE_CHECKING:
    from types import ModuleType

    from _typeshed import SupportsWrite

__all__ = ["EXIT_BAD_INPUT", "EXIT_CLEAN", "EXIT_INTERRUPTED", "EXIT_VIOLATIONS", "main"]

T = typing.TypeVar("T")

EXIT_CLEAN = 0
"""Nothing wrong was found."""
EXIT_VIOLATIONS = 1
"""Violations were found; for ``evaluate``, the search is not permitted or forbidden."""
EXIT_BAD_INPUT = 2
"""Bad input or usage, or an error (a broken plug-in, an output that cannot be written)."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C, SIGINT), as a shell reports a command that signal ends."""

_SCHEMA_TYPES: dict[str, type] = {
    "AuditReport": AuditReport,
    "CaseRecord": CaseRecord,
    "Decision": Decision,
    "DecisionRecord": DecisionRecord,
    "EopssReport": EopssReport,
    "SearchRecord": SearchRecord,
    "SearchRequest": SearchRequest,
}
_STATE_REPORT_TYPES = (
    "BureauLog",
    "EuNotificationReport",
    "MarylandAnnualReport",
    "MontanaDepartmentReport",
    "MontanaLocalReport",
    "UtahAnnualReport",
    "VirginiaAnnualReport",
    "WarrantReport",
    "WarrantSubjectsReport",
)
"""The reports of one state, found by name when asked for: each loads its state's law."""
_PROGRESS_AFTER = 1.0
"""Seconds an audit runs before its progress is shown: a short one shows none."""
_PROGRESS_EVERY = 0.25
_BLANK = b" \t\r\n"  # JSON's whitespace


def _say(text: str = "", *, end: str = "\n", stream: IO[str] | None = None) -> None:
    """Write a line to stderr (or ``stream``): progress and messages, not the output.

    A closed or full stderr leaves nothing else to say it on: the exit code still does.
    """
    stream = stream or sys.stderr
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            stream.write(text + end)
            stream.flush()


class _UsageError(Exception):
    """Bad usage, unreadable input or unwritable output: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, as every other error."""

    def error(self, message: str) -> NoReturn:
        """Raise the usage error, for :func:`main` to report on one line."""
        msg = f"{message} (see {self.prog} --help)"
        raise _UsageError(msg)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        """Write the help as every output is written: UTF-8, or one line saying why not."""
        if file is None:
            _write(None, self.format_help())
        else:
            super().print_help(file)


def _file_name(value: str) -> str:
    """A file name given on the command line; ``-`` is standard input or output."""
    if not value:
        msg = "empty file name"
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="frpolicy",
        description="Police facial-recognition law as code: evaluate, explain, audit.",
        epilog="Exit codes: 0 clean, 1 violations found, 2 bad input or usage, 130 interrupted.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    evaluate = sub.add_parser("evaluate", help="the decision on one search request")
    evaluate.add_argument(
        "request",
        type=_file_name,
        metavar="REQUEST",
        help="a file holding one SearchRequest as JSON; - reads standard input",
    )
    evaluate.add_argument(
        "--jurisdiction", required=True, metavar="CODE", help="a jurisdiction's code, e.g. US-MA"
    )
    evaluate.add_argument(
        "--version", metavar="NAME", help="an instrument's name (default: the law in force)"
    )
    evaluate.add_argument(
        "--json", action="store_true", help="print the decision as JSON instead of its memo"
    )
    evaluate.add_argument(
        "--db", type=Path, metavar="LOG", help="also append the decision's record to this log"
    )
    _reading_option(evaluate)

    audit = sub.add_parser("audit", help="audit a JSON Lines log of SearchRecords")
    audit.add_argument(
        "log",
        type=_file_name,
        metavar="LOG",
        help="a JSON Lines file, one SearchRecord a line; - reads standard input",
    )
    audit.add_argument(
        "--cases",
        type=_file_name,
        metavar="CASES",
        help="a JSON Lines file, one CaseRecord a line: the cases of the people identified",
    )
    audit.add_argument(
        "--jurisdiction", required=True, metavar="CODE", help="a jurisdiction's code, e.g. US-MA"
    )
    audit.add_argument(
        "--version",
        metavar="NAME",
        help="judge every search under this version (default: the law in force)",
    )
    audit.add_argument(
        "--compare",
        nargs="?",
        const="H.1728",
        metavar="OTHER",
        help="also judge the log under OTHER (default H.1728) and show what changes",
    )
    _output_options(audit, AUDIT_TABLES)
    audit.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="audit N parts of the log at once, one process each (default 1)",
    )
    audit.add_argument(
        "--as-of",
        metavar="TIME",
        help="check obligations as of this RFC 3339 time (default: latest event)",
    )
    _reading_option(audit)
    audit.add_argument(
        "--every-reading",
        action="store_true",
        help="also audit the log under each other choice of each reading of the law, in the "
        "same pass, and show how far each count moves",
    )

    report = sub.add_parser(
        "report",
        help="a report the law requires, made from a search log",
        description="A report the law of a place requires, made from a search log: "
        "Massachusetts' quarterly report to EOPSS, Maryland's annual report under §2-510, "
        "Washington's January reports of surveillance warrants... 'frpolicy reports' lists "
        "every installed one, with who files it, with whom and by when.",
    )
    report.add_argument(
        "report",
        metavar="REPORT",
        help="a report's code (US-MD:annual-report), or its name alone when one place has it "
        "(eopss)",
    )
    report.add_argument(
        "log",
        type=_file_name,
        metavar="LOG",
        help="a JSON Lines file, one SearchRecord a line; - reads standard input",
    )
    report.add_argument(
        "--period",
        help="a quarter (2024Q3), a year (2024) or two days, both included "
        "(2023-09-01/2024-09-30), in the jurisdiction's time",
    )
    report.add_argument(
        "--agency",
        metavar="ID",
        help="one agency's own report: the requests it made and the searches it ran "
        "(default: every agency's)",
    )
    report.add_argument(
        "--contact",
        metavar="TEXT",
        help="whom to ask about the report, for the block of who files it (default: a line "
        "to fill in)",
    )
    report.add_argument(
        "--version",
        metavar="NAME",
        help="judge every record under this version (default: the law in force)",
    )
    _reading_option(report)
    _output_options(report, ())

    side = sub.add_parser(
        "compare", help="one request judged under several jurisdictions, side by side"
    )
    side.add_argument(
        "request",
        type=_file_name,
        metavar="REQUEST",
        help="a file holding one SearchRequest as JSON; - reads standard input",
    )
    side.add_argument(
        "--jurisdiction",
        action="append",
        default=[],
        metavar="CODE[=VERSION]",
        help="a jurisdiction to judge under, optionally with a version (repeatable; default: "
        "every installed one)",
    )
    side.add_argument(
        "--on",
        metavar="DAY",
        help="the day whose law applies, ISO 8601 (default: when the request was performed)",
    )
    side.add_argument("--json", action="store_true", help="print the judgments as JSON")
    _reading_option(side)

    sub.add_parser("jurisdictions", help="list the installed jurisdictions and versions")
    sub.add_parser(
        "reports",
        help="list the reports the law requires: who files each, with whom, by when",
    )

    schema = sub.add_parser(
        "schema", help="the JSON Schema of an input, a decision, a decision record or a report"
    )
    schema.add_argument(
        "type",
        nargs="?",
        default="SearchRecord",
        choices=sorted([*_SCHEMA_TYPES, *_STATE_REPORT_TYPES]),
        metavar="TYPE",
        help=f"one of {', '.join(sorted([*_SCHEMA_TYPES, *_STATE_REPORT_TYPES]))} "
        "(default: SearchRecord)",
    )
    _record_parsers(sub)
    _analysis_parsers(sub)
    _starting_parsers(sub)
    return parser


def _record_parsers(sub: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    """The commands over decision records: ``log verify``, ``log export``, ``replay``."""
    log = sub.add_parser("log", help="check or export a decision log")
    commands = log.add_subparsers(dest="log_command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "verify", help="check a decision log's hash chain and print its head"
    )
    check.add_argument(
        "log", type=Path, metavar="LOG", help="a decision log (SQLite) or its JSON Lines export"
    )
    check.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="ROW:SHA256",
        help="a head printed before and kept elsewhere: the log must still hold it (repeatable)",
    )
    export = commands.add_parser("export", help="write a decision log's records to stdout")
    export.add_argument("log", type=Path, metavar="LOG", help="a decision log (SQLite)")
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="jsonl",
        help="JSON Lines, each record's text as stored and hashed (jsonl, the default), or a "
        "CSV row per record with the chain's hashes (csv)",
    )

    again = sub.add_parser(
        "replay", help="decide stored records again and report those decided differently"
    )
    again.add_argument(
        "source", type=Path, metavar="SOURCE", help="a decision log, or JSON Lines of records"
    )
    which = again.add_mutually_exclusive_group()
    which.add_argument(
        "--version", metavar="NAME", help="replay against this version of each record's law"
    )
    which.add_argument(
        "--on", metavar="DAY", help="replay against the law in force on DAY (default: today)"
    )
    again.add_argument("--json", action="store_true", help="write JSON Lines")
    _reading_option(again)


def _reading_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar="ID=CHOICE",
        help="read the law another way: a reading's id and the choice to take (repeatable; "
        "'frpolicy jurisdictions' lists them)",
    )


def _output_options(parser: argparse.ArgumentParser, tables: Sequence[str]) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="the report's format (default: text)"
    )
    parser.add_argument(
        "--table",
        choices=tables or None,
        metavar="TABLE",
        help=f"with --format csv, the table to write: {', '.join(tables)} (default: {tables[0]})"
        if tables
        else "with --format csv, the table to write ('frpolicy reports' names each "
        "report's tables; default: its first)",
    )
    parser.add_argument(
        "--output",
        type=_file_name,
        metavar="FILE",
        help="write the report to this file, replacing it once complete (default, or -: "
        "standard output)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="list at most N of each listing, saying how many are not listed (default: all; "
        "0: counts only); not with --format csv",
    )
    parser.add_argument(
        "--keep-going", action="store_true", help="malformed lines do not make the exit code 2"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Nothing escapes as a traceback: a failure is one line on stderr and exit 2, an
    interruption exit 130 (see the module's documentation).

    Args:
        argv: the arguments, without the program name (default: ``sys.argv[1:]``).
    """
    try:
        with _ended_by_signals():
            code = _run(argv)
            _flush_stdout()  # what argparse wrote (--help) must reach its reader, or say why not
    except _UsageError as error:
        _say(f"frpolicy: {printable(str(error))}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say("frpolicy: interrupted")
        return EXIT_INTERRUPTED
    except _EndedError as ended:
        _say(f"frpolicy: ended by {ended.name}")
        return 128 + ended.signal
    except MemoryError:
        _say("frpolicy: out of memory")
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        _say(f"frpolicy: {printable(_bug(error))}")
        return EXIT_BAD_INPUT
    return code


_ENDING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)
"""The signals that end a run the way Ctrl-C does: what it was writing is not left behind."""


class _EndedError(BaseException):
    """A signal asked the run to end (raised from its handler, so ``finally`` blocks run)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.signal = number
        self.name = signal.Signals(number).name


def _end(number: int, _frame: object) -> NoReturn:
    raise _EndedError(number)


@contextlib.contextmanager
def _ended_by_signals() -> Iterator[None]:
    """Turn SIGTERM, SIGHUP and SIGQUIT into an exception while the run lasts, then restore.

    Only a signal left to its default is taken: one ignored (``nohup``, a background job
    of a shell) stays ignored, and one a program embedding the command handles stays its.
    """
    before: dict[int, Any] = {}
    try:
        for number in _ENDING:
            if signal.getsignal(number) is signal.SIG_DFL:
                before[number] = signal.signal(number, _end)
    except ValueError:  # not the main thread: signals stay as they are
        pass
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _bug(error: Exception) -> str:
    """An unexpected error, named as a bug, with where it was raised."""
    where = ""
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        frame = frames[-1]
        where = f" (at {Path(frame.filename).name}:{frame.lineno})"
    return (
        f"internal error, a bug in frpolicy (please report it): {type(error).__name__}: "
        f"{str(error)[:300]}{where}"
    )


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse exits 0 after --help; its usage errors are raised by _Parser.error
        return EXIT_CLEAN if exit_.code in {0, None} else EXIT_BAD_INPUT
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "evaluate": _evaluate,
        "audit": _audit,
        "report": _report,
        "reports": lambda _: _report_list(),
        "compare": _compare,
        "jurisdictions": lambda _: _jurisdictions(),
        "schema": lambda a: _schema(a.type),
        "log": lambda a: _log_verify(a) if a.log_command == "verify" else _log_export(a),
        "replay": _replay,
        "verify": _verify,
        "diff": _diff,
        "example": _example,
        "new-jurisdiction": _new_jurisdiction,
    }
    return commands[args.command](args)


# -- small commands -------------------------------------------------------------------------


def _find(code: str, readings: Sequence[str] = ()) -> Jurisdiction:
    try:
        place = jurisdiction(code)
    except LookupError as error:  # no such jurisdiction, or its plug-in is broken
        raise _UsageError(str(error).strip("'\"")) from None
    return _with_readings(place, _choices(readings))


def _with_readings(place: Jurisdiction, choices: dict[str, str]) -> Jurisdiction:
    try:
        return place.with_readings(choices)
    except (LookupError, ValueError) as error:
        raise _UsageError("--reading: " + str(error).strip("'\"")) from None


def _version(place: Jurisdiction, name: str) -> Version:
    try:
        return place.version(name)
    except LookupError as error:
        raise _UsageError(str(error).strip("'\"")) from None


@contextlib.contextmanager
def _input_errors(name: str) -> Iterator[None]:
    """Report a failure to read an input as bad input: one line, exit 2."""
    try:
        yield
    except OSError as error:
        msg = f"cannot read {name}: {error.strerror or error}"
        raise _UsageError(msg) from None


@contextlib.contextmanager
def _opened(name: str) -> Iterator[BinaryIO]:
    """A file named on the command line, opened for reading bytes (``-``: standard input)."""
    if name == "-":
        stdin: typing.TextIO | None = sys.stdin
        if stdin is None:  # the process was started with its standard input closed
            msg = "cannot read standard input: it is closed"
            raise _UsageError(msg)
        yield stdin.buffer
        return
    with _input_errors(name):
        handle = Path(name).open("rb")  # noqa: SIM115 - closed below
    with handle:
        yield handle


def _read(name: str) -> bytes:
    """The bytes of a small input (a request), at most ``MAX_LINE`` of them."""
    with _opened(name) as handle, _input_errors(name):
        data = handle.read(_jsonl.MAX_LINE + 1)
    if len(data) > _jsonl.MAX_LINE:
        msg = f"cannot read {name}: larger than {_jsonl.MAX_LINE:,} bytes"
        raise _UsageError(msg)
    return data.removeprefix(BOM)


def _evaluate(args: argparse.Namespace) -> int:
    place = _find(args.jurisdiction, args.reading)
    try:
        request = from_json(_read(args.request), SearchRequest)
    except InputError as error:
        msg = f"{args.request}: " + "; ".join(error.errors)
        raise _UsageError(msg) from None
    if args.version is not None:
        version = _version(place, args.version)
    else:
        version = place.law_at(evaluation_time(request, None))
    problems = version.problems(request)
    if problems:
        raise _UsageError(f"{args.request}: " + "; ".join(problems))
    if args.db is not None:
        decision = _record(args.db, version, request).decision
    else:
        decision = version.evaluate(request)
    _print(
        to_json(decision, indent=2)
        if args.json
        else printable(decision.explain(), keep_newlines=True)
    )
    refused = decision.outcome in {Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}
    return EXIT_VIOLATIONS if refused else EXIT_CLEAN


def _places(args: argparse.Namespace) -> tuple[list[Jurisdiction], dict[str, str]]:
    """The jurisdictions asked for, with readings applied where they have them."""
    given = [g.partition("=") for g in args.jurisdiction]
    codes = [code for code, _, _ in given] or [j.code for j in _installed()[0]]
    versions = {code: name for code, sep, name in given if sep}
    readings = _choices(args.reading)
    known = {r.id for code in codes for v in _find(code).versions for r in v.readings}
    unknown = sorted(set(readings) - known)
    if unknown:
        msg = f"--reading: no jurisdiction compared has a reading {unknown[0]!r}"
        raise _UsageError(msg)
    places = []
    for code in codes:
        place = _find(code)
        mine = {r.id for v in place.versions for r in v.readings}
        places.append(_with_readings(place, {k: c for k, c in readings.items() if k in mine}))
    return places, versions


def _day(text: str) -> datetime | date:
    for kind in (date, datetime):
        try:
            return from_dict(text, kind)
        except InputError:
            continue
    msg = f"--on: not an ISO 8601 date or date-time with an offset: {text!r}"
    raise _UsageError(msg)


def _compare(args: argparse.Namespace) -> int:
    places, versions = _places(args)
    try:
        request = from_json(_read(args.request), SearchRequest)
    except InputError as error:
        msg = f"{args.request}: " + "; ".join(error.errors)
        raise _UsageError(msg) from None
    on = _day(args.on) if args.on is not None else None
    try:
        side = compare(request, places, on=on, versions=versions)
    except (LookupError, ValueError) as error:
        raise _UsageError(str(error).strip("'\"")) from None
    _write(
        None,
        to_json(side, indent=2) if args.json else printable(side.explain(), keep_newlines=True),
    )
    clean = {Outcome.PERMITTED, Outcome.NOT_APPLICABLE}
    refused = any(j.outcome not in clean for j in side.judgments)
    return EXIT_VIOLATIONS if refused else EXIT_CLEAN


def _jurisdictions() -> int:
    lines: list[str] = []
    places, broken = _installed()
    for place in places:
        lines.append(printable(f"{place.code}  {place.name}"))
        for v in place.versions:
            instrument = v.instrument
            dates = ""
            if instrument.effective_from is not None:
                dates = f" from {instrument.effective_from.isoformat()}"
            if instrument.effective_until is not None:
                dates += f" until {instrument.effective_until.isoformat()}"
            aliases = f" (also {', '.join(v.aliases)})" if v.aliases else ""
            status = instrument.status.value.replace("_", " ")
            what = f"{instrument.kind.value}, {status}{dates}"
            lines.append(printable(f"  {instrument.id}{aliases}: {what}"))
            if v.summary:
                lines.append(printable(f"    {v.summary}"))
            for r in v.readings:
                others = ", ".join(c.id for c in r.choices if c.id != r.chosen)
                lines.append(printable(f"    reading {r.id}={r.chosen} (or: {others})"))
    lines.extend(f"{code}  cannot be used: {printable(reason)}" for code, reason in broken)
    _print("\n".join(lines))
    return EXIT_CLEAN


# -- plug-ins, each imported first in a process of its own -------------------------------------

_PLUGIN_IMPORT_LIMIT = 10.0
"""Seconds a plug-in's import may take in its trial process before it is stopped."""

_TRIAL = """
import sys
from importlib.metadata import entry_points
try:
    for entry in entry_points(group=sys.argv[1], name=sys.argv[2]):
        entry.load()
except (Exception, SystemExit):
    pass  # reported in the command's own process, as any broken plug-in is
except BaseException as error:  # KeyboardInterrupt raised by the plug-in itself
    sys.stdout.write(f"{type(error).__name__}: {error}")
    sys.exit(3)
"""
"""Import the plug-ins of one code, and say only what the command's own process cannot."""


def _installed() -> tuple[list[Jurisdiction], list[tuple[str, str]]]:
    """Every installed jurisdiction that can be used, and each plug-in that cannot, with why.

    A plug-in is code run on import, and one that raises ``KeyboardInterrupt``, ends its
    process (``os._exit``) or hangs would take the listing and the comparison of every
    place down with it. So before a third-party plug-in is imported here it is imported
    in a process of its own, for at most :data:`_PLUGIN_IMPORT_LIMIT` seconds: one that
    does any of that is reported, and never imported here. The other
    failures (an exception, a name that is not a jurisdiction) are found here, as ever.
    A command that names one jurisdiction (``--jurisdiction``) imports only that one, as
    its user asked, with no trial.
    """
    codes = _codes()
    unsafe = _trial_imports()
    places: list[Jurisdiction] = []
    broken: list[tuple[str, str]] = []
    for code in codes:
        if code in unsafe:
            broken.append((code, unsafe[code]))
            continue
        try:
            places.append(jurisdiction(code))
        except PluginError as error:
            broken.append((code, error.reason))
        claim = _claim(code)  # of a shipped code: never imported, so no trial
        if claim is not None:
            broken.append((code, claim.reason))
    return places, broken


def _trial_imports() -> dict[str, str]:
    """Why each third-party plug-in whose import cannot be survived is refused, by code."""
    codes = sorted(
        {
            entry.name
            for entry in entry_points(group=ENTRY_POINT_GROUP)
            # frpolicy's own are trusted; another's of a shipped code is never imported
            if (entry.dist is None or entry.dist.name != "frpolicy") and entry.name not in _SHIPPED
        }
    )
    if not codes or not sys.executable:
        return {}
    unsafe: dict[str, str] = {}
    for code in codes:  # one at a time: each has the time limit to itself
        trial = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed script
            [sys.executable, "-c", _TRIAL, ENTRY_POINT_GROUP, code],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            said, _ = trial.communicate(timeout=_PLUGIN_IMPORT_LIMIT)
        except subprocess.TimeoutExpired:
            trial.kill()
            trial.communicate()
            unsafe[code] = f"importing it took more than {_PLUGIN_IMPORT_LIMIT:g} s; it was stopped"
            continue
        if trial.returncode == 3 and said:  # noqa: PLR2004 - the trial's own code
            reason = said.decode("utf-8", "replace")
            unsafe[code] = f"importing it raised {reason.strip()}"
        elif trial.returncode != 0:
            unsafe[code] = f"importing it ended its process (exit status {trial.returncode})"
    return unsafe


def _schema(name: str) -> int:
    kind = _SCHEMA_TYPES.get(name) or typing.cast("type", getattr(report_types, name))
    _print(json.dumps(json_schema(kind), indent=2, ensure_ascii=False))
    return EXIT_CLEAN


# -- audit ----------------------------------------------------------------------------------


def _lines(
    name: str, handle: BinaryIO, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """The lines of a file, as ``_jsonl.lines`` reads them; errors as input's."""
    with _input_errors(name):
        yield from _jsonl.lines(handle, start, end)


def _read_line(number: int, line: bytes | None, cls: type[T]) -> T | InputProblem | None:
    """A line read: an object, a problem, or ``None`` for a blank line."""
    if line is None:
        errors = (f"$: longer than {_jsonl.MAX_LINE:,} bytes, not read",)
        return InputProblem(line=number, errors=errors)
    if line[:1] != b"{" and not line.strip(_BLANK):  # a record's line is never copied
        return None
    try:
        return _decoder(cls)(line)
    except InputError as error:
        return InputProblem(line=number, errors=error.errors)


_DECODERS: dict[type, Decoder[Any]] = {}


def _decoder(cls: type[T]) -> Decoder[T]:
    """The reader of many lines of one type: what from_json reads, faster."""
    found = _DECODERS.get(cls)
    if found is None:
        found = _DECODERS[cls] = Decoder(cls)
    return typing.cast("Decoder[T]", found)


def _load_cases(
    name: str | None,
) -> tuple[list[CaseRecord], list[InputProblem], InputFile | None]:
    """The cases file read: its records, its problems, and the file as a report names it."""
    cases: list[CaseRecord] = []
    problems: list[InputProblem] = []
    if name is None:
        return cases, problems, None
    lines = 0
    with _opened(name) as handle:
        reader = HashingReader(handle)
        for number, line in _lines(name, typing.cast("BinaryIO", reader)):
            lines = number
            found = _read_line(number, line, CaseRecord)
            if isinstance(found, CaseRecord):
                cases.append(found)
            elif found is not None:
                problems.append(found)
        with _input_errors(name):
            reader.drain()
    return cases, problems, reader.input_file("cases", _shown(name), lines=lines)


def _shown(name: str) -> str:
    """An input's name as a report shows it."""
    return "standard input" if name == "-" else name


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _as_of(args: argparse.Namespace, place: Jurisdiction) -> datetime | None:
    """The time ``--as-of`` gives, or ``None``: the latest event, which the audit finds."""
    if args.as_of is None:
        return None
    try:
        return from_dict(args.as_of, datetime)
    except InputError as error:
        problem = "; ".join(e.removeprefix("$: ") for e in error.errors)
        if _DAY.fullmatch(args.as_of):
            problem = f"{args.as_of} is a day, not a moment; {_start_of(args.as_of, place)}"
        msg = f"--as-of: {problem}"
        raise _UsageError(msg) from None


def _start_of(day: str, place: Jurisdiction) -> str:
    """What to write for the start of a day in a jurisdiction, as a sentence's end."""
    calendar = place.versions[0].policy.calendar
    try:
        start = datetime.combine(date.fromisoformat(day), datetime.min.time(), calendar.zone)
    except ValueError:
        return "give an RFC 3339 date-time with its offset"
    return f"give the time as well, such as {start.isoformat()} for its start in {place.code}"


class _Progress:
    """How far an audit has read, on stderr, when it is a terminal and the run takes a while.

    Nothing is shown for the first second, so a short audit writes nothing; then, a few
    times a second: the lines read, the share of the file, lines a second and the time
    left. The line is cleared when the audit ends.
    """

    def __init__(
        self,
        log: Path | BinaryIO,
        *,
        stream: IO[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream: IO[str] = stream or sys.stderr
        try:
            self.size = (
                log.stat().st_size if isinstance(log, Path) else os.fstat(log.fileno()).st_size
            )
        except (OSError, ValueError):
            self.size = 0
        try:
            self.active = self.stream is not None and self.stream.isatty()
        except (OSError, ValueError):  # a closed stream: nothing to show progress on
            self.active = False
        self.clock = clock
        self.start = clock()
        self.due = self.start + _PROGRESS_AFTER
        self.shown = False

    def show(self, lines: int, done: int) -> None:
        """Show the count, if it is time to: ``done`` is how much of the file was read."""
        if not self.active:
            return
        now = self.clock()
        if now < self.due:
            return
        self.due = now + _PROGRESS_EVERY
        elapsed = now - self.start
        parts = [f"{lines:,} lines"]
        if self.size and 0 < done <= self.size:
            share = done / self.size
            parts.append(f"{share:.0%} of {self.size / 1e6:,.1f} MB")
            left = elapsed * (1 - share) / share
            parts.append(f"{lines / elapsed:,.0f} lines/s")
            parts.append(f"about {_seconds(left)} left")
        else:
            parts.append(f"{lines / elapsed:,.0f} lines/s")
        self.stream.write("\r" + ", ".join(parts) + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the line, so the report is not written after it."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _seconds(seconds: float) -> str:
    if seconds < 90:  # noqa: PLR2004 - a minute and a half reads better in seconds
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def _entries(
    name: str,
    handle: BinaryIO,
    progress: _Progress | None = None,
    start: int = 0,
    end: int | None = None,
) -> Iterator[tuple[int, Entry]]:
    """The lines of a log, read: a record, a problem, or None for a blank line."""
    done = 0
    for number, line in _lines(name, handle, start, end):
        if progress is not None:
            done += _jsonl.MAX_LINE if line is None else len(line)
            progress.show(number, done)
        yield number, _read_line(number, line, SearchRecord)


def _audit(args: argparse.Namespace) -> int:
    place = _find(args.jurisdiction, args.reading)
    version = _version(place, args.version) if args.version is not None else None
    other = _version(place, args.compare) if args.compare is not None else None
    _check_output_options(args, {"the log": args.log, "the cases file": args.cases})
    if args.log == "-" and args.cases == "-":
        msg = "--cases: standard input is already the log"
        raise _UsageError(msg)
    if args.jobs < 1:
        msg = "--jobs: must be 1 or more"
        raise _UsageError(msg)
    cases, case_problems, cases_file = _load_cases(args.cases)
    as_of = _as_of(args, place)
    choices = tuple(other_choices(place, version)) if args.every_reading else ()
    run = ReadingsAudit(
        place,
        choices=choices,
        as_of=as_of,
        cases=cases,
        version=version,
        compare=other,
        limit=args.limit,
        problem_limit=_problem_limit(args),
    )
    jobs = min(args.jobs, _processors())
    if jobs > 1 and args.log != "-" and _is_file(args.log):
        for parts in _parts(args, jobs, cases, as_of, choices):
            run.join(parts)
        with _input_errors(args.log):
            log_file = InputFile.of(args.log, "log")
    else:
        with _opened(args.log) as log:
            reader = HashingReader(log)
            progress = _Progress(log)
            run.read(_entries(args.log, typing.cast("BinaryIO", reader), progress))
            with _input_errors(args.log):
                reader.drain()
            progress.close()
        log_file = reader.input_file("log", _shown(args.log), lines=run.main.lines)
    result, others = run.result()
    if as_of is not None:
        as_of_source = "--as-of"
    elif result.latest is not None:
        as_of_source = "the latest event in the inputs"
    else:  # nothing to check an obligation against: any time serves, and none is read
        as_of_source = "no event in the inputs"
    report = audit_report(
        result,
        log=_shown(args.log),
        as_of_source=as_of_source,
        cases=args.cases,
        case_records=len(cases) if args.cases else None,
        case_problems=case_problems,
        inputs=(log_file, *([cases_file] if cases_file is not None else [])),
        asked=_choices(args.reading),
        other_readings=others,
    )
    _write(args.output, _render(report, args))
    problems = result.audit.problem_count + result.audit.duplicate_count + len(case_problems)
    if problems and not args.keep_going:
        return EXIT_BAD_INPUT
    return EXIT_VIOLATIONS if result.audit.violation_count else EXIT_CLEAN


# -- several processes on one log -------------------------------------------------------------


def _processors() -> int:
    """How many processors this process may run on: more processes than that only wait."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _is_file(name: str) -> bool:
    """Whether a log is a file that can be cut into parts (not a pipe, a FIFO or a device)."""
    with _input_errors(name):
        return stat.S_ISREG(Path(name).stat().st_mode)


def _parts(
    args: argparse.Namespace,
    jobs: int,
    cases: list[CaseRecord],
    as_of: datetime | None,
    choices: tuple[tuple[str, str], ...],
) -> Iterator[tuple[AuditPart, ...]]:
    """The audits of ``jobs`` parts of the log, made at once, in the order of the log."""
    with _opened(args.log) as log:
        bounds = _bounds(args.log, log, jobs)
    tasks = [
        _Task(
            log=args.log,
            start=start,
            end=end,
            jurisdiction=args.jurisdiction,
            readings=tuple(args.reading),
            version=args.version,
            compare=args.compare,
            as_of=as_of,
            cases=cases,
            limit=args.limit,
            choices=choices,
            problem_limit=_problem_limit(args),
        )
        for start, end in itertools.pairwise(bounds)
    ]
    with concurrent.futures.ProcessPoolExecutor(max_workers=len(tasks)) as pool:
        yield from pool.map(_audit_part, tasks)


def _bounds(name: str, handle: BinaryIO, parts: int) -> list[int]:
    """Offsets cutting a file into about ``parts`` parts, each cut at a line's start."""
    with _input_errors(name):
        size = handle.seek(0, os.SEEK_END)
        bounds = [0]
        for i in range(1, parts):
            handle.seek(max(size * i // parts - 1, bounds[-1]))
            # to the end of the line the cut fell in, never holding more than a line's limit
            while (rest := handle.readline(_jsonl.MAX_LINE)) and not rest.endswith(b"\n"):
                pass
            bounds.append(max(handle.tell(), bounds[-1]))
    bounds.append(max(size, bounds[-1]))
    return sorted(set(bounds)) if size else [0, 0]


@attrs.frozen(kw_only=True)
class _Task:
    """One part of a log to audit in another process, and the audit's terms."""

    log: str
    start: int
    end: int
    jurisdiction: str
    readings: tuple[str, ...]
    version: str | None
    compare: str | None
    as_of: datetime | None
    cases: list[CaseRecord]
    limit: int | None
    choices: tuple[tuple[str, str], ...]
    problem_limit: int | None


def _audit_part(task: _Task) -> tuple[AuditPart, ...]:
    """Audit a part of a log (under each reading asked for): run in a process of its own."""
    place = _find(task.jurisdiction, task.readings)
    run = ReadingsAudit(
        place,
        choices=task.choices,
        as_of=task.as_of,
        cases=task.cases,
        version=_version(place, task.version) if task.version is not None else None,
        compare=_version(place, task.compare) if task.compare is not None else None,
        limit=task.limit,
        problem_limit=task.problem_limit,
    )
    with _opened(task.log) as log:
        run.read(_entries(task.log, log, start=task.start, end=task.end))
    return run.part()


_LISTED_PROBLEMS = 1_000
"""How many input problems a report lists when ``--limit`` does not say: the rest are counted.

A log of a million malformed lines is not the log meant; listing every one would cost
memory with each, and tell no more than the first thousand and the count.
"""


def _problem_limit(args: argparse.Namespace) -> int | None:
    """How many input problems to list: ``--limit``, or all for their own CSV table."""
    if args.limit is not None:
        return int(args.limit)
    if args.format == "csv" and args.table == "problems":
        return None  # a CSV table is whole
    return _LISTED_PROBLEMS


def _check_output_options(args: argparse.Namespace, inputs: dict[str, str | None]) -> None:
    if args.limit is not None and args.limit < 0:
        msg = "--limit: must not be negative"
        raise _UsageError(msg)
    if args.limit is not None and args.format == "csv":
        msg = "--limit: a CSV table is always whole; leave out --limit, or choose another format"
        raise _UsageError(msg)
    if args.table is not None and args.format != "csv":
        msg = "--table: chooses the table of --format csv"
        raise _UsageError(msg)
    _check_output(args.output, inputs)


def _render(report: Report, args: argparse.Namespace) -> Iterator[str]:
    """The report in pieces, refused (a usage error) before the first: written as they come."""
    try:
        return stream(report, args.format, table=args.table)
    except ValueError as error:
        raise _UsageError(str(error)) from None


def _statutory(name: str) -> StatutoryReport:
    """The report a code names, or a name only one place's report has (``eopss``)."""
    if ":" not in name:
        found = [r for r in statutory_reports() if r.name == name]
        if len(found) == 1:
            return found[0]
        if found:
            codes = ", ".join(r.code for r in found)
            msg = f"report {name!r} is the name of several places' reports: {codes}; give the code"
            raise _UsageError(msg)
    try:
        return statutory_report(name)
    except LookupError as error:
        raise _UsageError(str(error).strip("'\"")) from None


def _report_list() -> int:
    lines: list[str] = []
    for r in statutory_reports():
        lines += [
            printable(f"{r.code}  {r.title}"),
            printable(f"    {r.citation}, {r.source}"),
            printable(f"    by {r.who}, to {r.recipient}; due {r.due}; for {r.period}"),
            printable(f"    tables: {', '.join(r.tables)}"),
        ]
        lines.extend(
            printable(
                f"    reading {x.id}={x.chosen} (or: {', '.join(c.id for c in x.choices[1:])})"
            )
            for x in r.readings
        )
    lines.extend(f"{e.code}  cannot be used: {printable(e.reason)}" for e in report_errors())
    _print("\n".join(lines))
    return EXIT_CLEAN


def _report_terms(args: argparse.Namespace, kind: StatutoryReport) -> ReportTerms:
    """What a report is asked for on the command line, each option checked."""
    for option, given in (("--agency", args.agency), ("--contact", args.contact)):
        if given is not None and not given.strip():
            msg = f"{option}: empty; leave it out, or give one"
            raise _UsageError(msg)
    if args.period is None:
        msg = f"--period: {kind.code} is a report of a period; give one"
        raise _UsageError(msg)
    try:
        period = Period.parse(args.period)
    except ValueError as error:
        msg = f"--period: {error}"
        raise _UsageError(msg) from None
    asked = _choices(args.reading)
    place = _find(kind.jurisdiction)
    law_readings = {r.id for v in place.versions for r in v.readings}
    mine = {r.id: r for r in kind.readings}
    unknown = sorted(set(asked) - law_readings - set(mine))
    if unknown:
        known = ", ".join(sorted(law_readings | set(mine)))
        msg = f"--reading: {kind.code} has no reading {unknown[0]!r}; known: {known}"
        raise _UsageError(msg)
    for reading_id, choice in asked.items():
        if reading_id in mine:
            try:
                mine[reading_id].choose(choice)
            except ValueError as error:
                msg = f"--reading: {error}"
                raise _UsageError(msg) from None
    place = _with_readings(place, {k: c for k, c in asked.items() if k in law_readings})
    return ReportTerms(
        period=period,
        law=place,
        version=_version(place, args.version) if args.version is not None else None,
        agency=args.agency,
        contact=args.contact or "",
        log=_shown(args.log),
        asked=asked,
        limit=args.limit,
        problem_limit=_problem_limit(args),
    )


class _Counted:
    """The entries of a log, passed on, counting the lines read."""

    def __init__(self, entries: Iterator[tuple[int, Entry]]) -> None:
        self._entries = entries
        self.lines = 0

    def __iter__(self) -> Iterator[tuple[int, Entry]]:
        for number, entry in self._entries:
            self.lines = number
            yield number, entry


def _report(args: argparse.Namespace) -> int:
    kind = _statutory(args.report)
    if args.table is not None and args.table not in kind.tables:
        msg = f"--table: {kind.code} has no table {args.table!r}; tables: {', '.join(kind.tables)}"
        raise _UsageError(msg)
    terms = _report_terms(args, kind)
    _check_output_options(args, {"the log": args.log})
    with _opened(args.log) as log:
        reader = HashingReader(log)
        progress = _Progress(log)
        counted = _Counted(_entries(args.log, typing.cast("BinaryIO", reader), progress))
        try:
            report = kind.make(counted, terms)
        except ValueError as error:  # terms the report refuses (another place's law...)
            raise _UsageError(str(error)) from None
        with _input_errors(args.log):
            reader.drain()
        progress.close()
    # the log is hashed as it streams, so its hash is known only once the report is made
    log_file = reader.input_file("log", _shown(args.log), lines=counted.lines)
    report = attrs.evolve(
        typing.cast("Any", report),
        assumptions=attrs.evolve(report.assumptions, inputs=(log_file,)),
    )
    _write(args.output, _render(report, args))
    totals = getattr(report, "totals", None)
    problems = getattr(totals, "malformed_lines", 0) + getattr(totals, "duplicate_request_ids", 0)
    return EXIT_BAD_INPUT if problems and not args.keep_going else EXIT_CLEAN


# -- output ---------------------------------------------------------------------------------


def _check_output(output: str | None, inputs: dict[str, str | None]) -> None:
    """Refuse an output that is one of the inputs, or that a shell could not write either.

    An input read from standard input is compared by device and inode: ``audit - < LOG
    --output LOG`` would replace the log with its report. An existing file is opened for
    writing, as a shell's ``>`` would, and refused when it cannot be.
    """
    if output is None or output == "-":
        return
    for what, name in inputs.items():
        if name == "-" and _is_standard_input(output):
            msg = f"--output: {output} is {what} (standard input); writing there would destroy it"
            raise _UsageError(msg)
        if name is not None and name != "-" and _same_file(output, name):
            msg = f"--output: {output} is {what}; writing the report there would destroy it"
            raise _UsageError(msg)
    try:
        if Path(output).is_dir():
            msg = f"--output: {output} is a directory"
            raise _UsageError(msg)
        if Path(output).is_file():
            os.close(os.open(output, os.O_WRONLY))  # opened, not changed: may it be written?
    except OSError as error:
        msg = f"--output: cannot write {output}: {error.strerror or error}"
        raise _UsageError(msg) from None


def _is_standard_input(output: str) -> bool:
    try:
        given, target = os.fstat(0), Path(output).stat()
    except (OSError, ValueError):  # no standard input, or no such file yet
        return False
    return (given.st_dev, given.st_ino) == (target.st_dev, target.st_ino)


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).samefile(b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return os.path.realpath(a) == os.path.realpath(b)


def _print(text: str) -> None:
    """Write a piece of the command's output, and a line end, to standard output."""
    _write(None, text + "\n")


def _write(output: str | None, text: str | Iterable[str]) -> None:
    """Write the output, as UTF-8, to a file or (``None`` or ``-``) to standard output.

    The output is a text, or pieces of one (a long report), written as they come.
    """
    pieces = [text] if isinstance(text, str) else text
    if output is None or output == "-":
        _write_stdout(_encoded(pieces))
    else:
        _replace(output, _encoded(pieces))


_WRITTEN_AT_ONCE = 1 << 16
"""How many characters of output are gathered before they are written (64 KiB or so)."""


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """The pieces as UTF-8, gathered into blocks of :data:`_WRITTEN_AT_ONCE` or so."""
    gathered: list[str] = []
    size = 0
    for piece in pieces:
        gathered.append(piece)
        size += len(piece)
        if size >= _WRITTEN_AT_ONCE:
            yield _utf8("".join(gathered))
            gathered, size = [], 0
    if gathered:
        yield _utf8("".join(gathered))


def _utf8(text: str) -> bytes:
    # UTF-8 whatever the locale, so the same inputs give the same bytes on any machine;
    # a lone surrogate (from a file name the system could not decode) is escaped
    return text.encode("utf-8", "backslashreplace")


def _write_stdout(blocks: Iterable[bytes]) -> None:
    out = sys.stdout
    if out is None:  # the process was started with its standard output closed
        msg = "cannot write to standard output: it is closed"
        raise _UsageError(msg)
    with _output_errors():
        out.flush()
        buffer = getattr(out, "buffer", None)
        for data in blocks:
            if buffer is None:  # a text stream put in place of sys.stdout
                out.write(data.decode("utf-8"))
            else:
                buffer.write(data)
        out.flush()


def _flush_stdout() -> None:
    if sys.stdout is not None:
        with _output_errors():
            sys.stdout.flush()


@contextlib.contextmanager
def _output_errors() -> Iterator[None]:
    """Report a failure to write standard output (full, closed, a reader gone) in one line."""
    try:
        yield
    except (OSError, ValueError) as error:
        _drop_stdout()
        reason = error.strerror if isinstance(error, OSError) else None
        msg = f"cannot write to standard output: {reason or error}"
        raise _UsageError(msg) from None


def _drop_stdout() -> None:
    """Point standard output at the null device, so nothing is flushed there at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _replace(output: str, blocks: Iterable[bytes]) -> None:
    """Write a file whole or not at all: to a temporary file beside it, then renamed over it."""
    target = os.path.realpath(output)
    try:
        if Path(target).exists() and not Path(target).is_file():
            with Path(target).open("wb") as handle:  # a device or a pipe: written in place
                handle.writelines(blocks)
            return
        folder, base = os.path.split(target)
        # no signal may end the run between making the file and being ready to remove it
        masked = {signal.SIGINT, *_ENDING}
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, masked)
        try:
            fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=".tmp")
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            raise
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            with os.fdopen(fd, "wb") as handle:
                handle.writelines(blocks)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temporary).chmod(_mode(target))
            Path(temporary).replace(target)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise
    except OSError as error:
        msg = f"cannot write {output}: {error.strerror or error}"
        raise _UsageError(msg) from None


def _mode(target: str) -> int:
    """The permissions a new file gets (as the umask allows), or those of the one replaced."""
    try:
        return Path(target).stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# -- decision records -----------------------------------------------------------------------


def _record(path: Path, version: Version, request: SearchRequest) -> DecisionRecord:
    """Decide and append the record to the log; the wall-clock time is read here, the edge."""
    record = record_decision(version, request)
    try:
        with DecisionLog(path) as log:
            row = log.append(record)
    except LogError as error:
        raise _UsageError(str(error)) from None
    _say(f"frpolicy: recorded as row {row} of {path} (decision {record.id})", stream=sys.stderr)
    return record


def _log_verify(args: argparse.Namespace) -> int:
    try:
        anchors = [Anchor.parse(a) for a in args.anchor]
    except ValueError as error:
        msg = f"--anchor: {error}"
        raise _UsageError(msg) from None
    try:
        found = verify(args.log, anchors)
    except LogError as error:
        raise _UsageError(str(error)) from None
    if found.broken is not None:
        _print(printable(f"{args.log}: the chain is broken at {found.broken.describe()}"))
        return EXIT_VIOLATIONS
    if found.head is None:
        _print(printable(f"{args.log}: an empty log"))
        return EXIT_CLEAN
    checked = f"; {len(anchors)} anchor(s) found" if anchors else ""
    _print(printable(f"{args.log}: a whole chain of {_records(found.rows)}{checked}"))
    _print(f"head {found.head}")
    return EXIT_CLEAN


def _records(count: int) -> str:
    return f"{count:,} record" + ("" if count == 1 else "s")


def _log_export(args: argparse.Namespace) -> int:
    try:
        with DecisionLog(args.log, readonly=True) as log, _text_stdout() as stdout:
            log.export(stdout, args.format)
    except LogError as error:
        raise _UsageError(str(error)) from None
    return EXIT_CLEAN


@contextlib.contextmanager
def _text_stdout() -> Iterator[IO[str]]:
    """Standard output as a UTF-8 text stream, for output written piece by piece."""
    out = sys.stdout
    if out is None:  # the process was started with its standard output closed
        msg = "cannot write to standard output: it is closed"
        raise _UsageError(msg)
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text stream put in place of sys.stdout
        with _output_errors():
            yield out
            out.flush()
        return
    with _output_errors():
        out.flush()
        text = io.TextIOWrapper(buffer, encoding="utf-8", errors="backslashreplace", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the buffer stays standard output's


def _replay_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return (
            date.fromisoformat(text)
            if len(text) == len("2025-01-01")
            else from_dict(text, datetime)
        )
    except ValueError:
        pass
    except InputError as error:
        msg = "--on: " + "; ".join(e.removeprefix("$: ") for e in error.errors)
        raise _UsageError(msg) from None
    msg = f"--on: not an ISO 8601 date: {text!r}"
    raise _UsageError(msg)


def _replay(args: argparse.Namespace) -> int:
    choices = _choices(args.reading)
    on = _replay_day(args.on)
    against = args.version or f"the law in force on {(on or date.today()).isoformat()}"  # noqa: DTZ011 - a label
    totals = dict.fromkeys(
        (
            "records",
            "changed",
            "outcome_changed",
            "not_reproduced",
            "unknown_law",
            "unreadable",
            "blank_lines",
        ),
        0,
    )
    where: list[str] = []  # the position of the record being replayed
    records = _replay_records(args, totals, where)
    differ = 0
    try:
        for found in replay(records, version=args.version, on=on, readings=choices):
            if found.differs:
                differ += 1
                totals["changed"] += bool(found.changed)
                totals["outcome_changed"] += bool(
                    found.against and found.against.outcome is not found.record.decision.outcome
                )
                totals["not_reproduced"] += found.reproduced is False
                totals["unknown_law"] += bool(found.problems)
                _replay_found(args, where[0], found)
    except LogError as error:
        raise _UsageError(str(error)) from None
    except (LookupError, ValueError) as error:
        raise _UsageError(str(error).strip("'\"")) from None
    if args.version is not None and not totals["records"]:
        _check_version_exists(args.version)  # no record's law was looked up to refuse it
    _replay_totals(args, against, totals)
    if totals["unreadable"]:
        return EXIT_BAD_INPUT
    return EXIT_VIOLATIONS if differ else EXIT_CLEAN


def _check_version_exists(name: str) -> None:
    """Refuse a version no installed jurisdiction has: a replay of no record never looks."""
    for place in _installed()[0]:
        try:
            place.version(name)
        except LookupError:
            continue
        return
    msg = f"--version: no installed jurisdiction has a version {name!r}"
    raise _UsageError(msg)


def _replay_records(
    args: argparse.Namespace, totals: dict[str, int], where: list[str]
) -> Iterator[DecisionRecord]:
    """The records of the source, counted; ``where`` holds the position of the last one."""
    for position, entry in read_records(args.source):
        if isinstance(entry, DecisionRecord):
            totals["records"] += 1
            where[:] = [position]
            yield entry
        elif entry is None:
            totals["blank_lines"] += 1
        else:
            totals["unreadable"] += 1
            _replay_problem(args, position, entry.errors)


def _choices(readings: Sequence[str]) -> dict[str, str]:
    choices: dict[str, str] = {}
    for given in readings:
        reading, sep, choice = given.partition("=")
        if not sep or not reading or not choice:
            msg = f"--reading: expected ID=CHOICE, got {given!r}"
            raise _UsageError(msg)
        choices[reading] = choice
    return choices


def _replay_problem(args: argparse.Namespace, where: str, errors: Sequence[str]) -> None:
    if args.json:
        line = {"kind": "unreadable", "where": where, "errors": list(errors)}
        _print(json.dumps(line, ensure_ascii=False))
    else:
        _print(printable(f"{where}: cannot be read: {'; '.join(errors)}"))


def _decision_json(decision: Any) -> dict[str, Any]:  # noqa: ANN401 - a Decision or None
    if decision is None:
        return {}
    return {
        "instrument": decision.instrument,
        "outcome": decision.outcome.value,
        "obligations": [o.duty for o in decision.obligations],
        "memo": decision.explain(),
    }


def _replay_found(args: argparse.Namespace, where: str, found: Replay) -> None:
    if not args.json:
        _print(printable(f"{where}: {found.explain()}\n", keep_newlines=True))
        return
    record = found.record
    line = {
        "kind": "differs",
        "where": where,
        "decision_id": record.id,
        "request_id": record.request.id,
        "judged_at": record.decision.at.isoformat(),
        "reproduced": found.reproduced,
        "changed": found.changed,
        "problems": list(found.problems),
        "recorded": _decision_json(record.decision),
        "again": _decision_json(found.again) or None,
        "against": _decision_json(found.against) or None,
    }
    _print(json.dumps(line, ensure_ascii=False))


def _replay_totals(args: argparse.Namespace, against: str, totals: dict[str, int]) -> None:
    if args.json:
        _print(json.dumps({"kind": "totals", "against": against, **totals}))
        return
    lines = [
        printable(f"Replay of {args.source}: {_records(totals['records'])}, against {against}"),
        f"  decided otherwise under it:                    {totals['changed']:,}",
        f"    of which with another outcome:               {totals['outcome_changed']:,}",
        f"  not reproduced under the law they name:        {totals['not_reproduced']:,}",
        f"  naming a law no longer known:                  {totals['unknown_law']:,}",
        f"  unreadable:                                    {totals['unreadable']:,}",
    ]
    _print("\n".join(lines))


# -- verify and diff ------------------------------------------------------------------------


def _analysis_parsers(sub: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    proving = sub.add_parser("verify", help="prove a jurisdiction's invariants and check its rules")
    proving.add_argument("jurisdiction", metavar="CODE", help="a jurisdiction's code, e.g. US-MA")
    proving.add_argument(
        "--version", metavar="NAME", help="only this version (default: every version)"
    )
    proving.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or the claims as JSON",
    )
    _reading_option(proving)
    proving.add_argument(
        "--every-reading",
        action="store_true",
        help="also verify each version under each other choice of each of its readings",
    )

    comparing = sub.add_parser("diff", help="the requests whose decision changes between versions")
    comparing.add_argument("jurisdiction", metavar="CODE", help="a jurisdiction's code, e.g. US-MA")
    comparing.add_argument(
        "before", metavar="BEFORE", help="the version changed from, e.g. 'St. 2020, c.253'"
    )
    comparing.add_argument(
        "after",
        nargs="?",
        metavar="AFTER",
        help="the version changed to, e.g. H.1728 (default: BEFORE)",
    )
    comparing.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or the changes as JSON",
    )
    comparing.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar="ID=CHOICE",
        help="read AFTER another way (repeatable): 'diff US-MA H.1728 --reading "
        "notice-scope=state-police-route' gives the requests that reading decides",
    )


def _analysis() -> ModuleType:
    try:
        from frpolicy import analysis  # noqa: PLC0415 - needs the optional extra

        analysis.require_solver()
    except ImportError as error:
        raise _UsageError(str(error)) from None
    return analysis


def _alternatives(version: Version) -> list[Version]:
    """The version under each other choice of each of its readings, one reading at a time."""
    return [
        version.with_readings({reading.id: choice.id})
        for reading in version.readings
        for choice in reading.choices
        if choice.id != reading.chosen
    ]


def _verify(args: argparse.Namespace) -> int:
    analysis = _analysis()
    place = _find(args.jurisdiction, args.reading)
    versions = [_version(place, args.version)] if args.version else list(place.versions)
    if args.every_reading:
        versions = [w for v in versions for w in (v, *_alternatives(v))]
    results = [analysis.verify(v, jurisdiction=place.code) for v in versions]
    if args.format == "json":
        _print(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
    else:
        for result in results:
            _print(str(result))
            for claim in result.failures():
                if claim.witness is not None and claim.kind.universal:
                    _print(f"  counterexample to {claim.subject}, as JSON:")
                    text = to_json(claim.witness.request, indent=2)
                    _print("\n".join(f"    {line}" for line in text.splitlines()))
    return EXIT_CLEAN if all(r.ok for r in results) else EXIT_VIOLATIONS


def _diff(args: argparse.Namespace) -> int:
    analysis = _analysis()
    place = _find(args.jurisdiction)
    before = _version(place, args.before)
    after = _version(place, args.after or args.before)
    try:
        after = after.with_readings(_choices(args.reading))
    except (LookupError, ValueError) as error:
        raise _UsageError("--reading: " + str(error).strip("'\"")) from None
    found = analysis.diff(before, after, jurisdiction=place.code)
    if args.format == "json":
        _print(json.dumps(found.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print(str(found))
    return EXIT_CLEAN


# -- starting out: the samples, and a new jurisdiction ---------------------------------------


def _starting_parsers(sub: Any) -> None:  # noqa: ANN401 - argparse's subparsers action is private
    sample = sub.add_parser("example", help="write the sample files, or list them")
    sample.add_argument(
        "names", nargs="*", metavar="NAME", help="a sample's name, e.g. ma_search_log.jsonl"
    )
    sample.add_argument(
        "--directory",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="where to write them (default: the current directory)",
    )
    new = sub.add_parser(
        "new-jurisdiction", help="write a package to start a jurisdiction from, with its tests"
    )
    new.add_argument("code", metavar="CODE", help="the jurisdiction's code, e.g. US-ME")
    new.add_argument("--name", help="the place's name, e.g. Maine (default: CODE)")
    new.add_argument(
        "--directory",
        type=Path,
        metavar="DIR",
        help="the package's folder, which must not exist (default: frpolicy-CODE, in lower case)",
    )


def _example(args: argparse.Namespace) -> int:
    from frpolicy import examples  # noqa: PLC0415 - only this command reads the samples

    if not args.names:
        width = max(len(name) for name in examples.names())
        _print("\n".join(f"{n:<{width}}  {examples.describe(n)}" for n in examples.names()))
        return EXIT_CLEAN
    try:
        sources = [examples.path(name) for name in args.names]
    except LookupError as error:
        raise _UsageError(str(error).strip("'\"")) from None
    for source in sources:
        target = args.directory / source.name
        data = source.read_bytes()
        try:
            if target.exists() and target.read_bytes() != data:
                msg = f"{target} exists with other contents; move it, or give --directory"
                raise _UsageError(msg)
            target.write_bytes(data)
        except OSError as error:
            msg = f"cannot write {target}: {error.strerror or error}"
            raise _UsageError(msg) from None
        _say(f"wrote {target}")
    return EXIT_CLEAN


def _new_jurisdiction(args: argparse.Namespace) -> int:
    from frpolicy import _scaffold  # noqa: PLC0415 - only this command writes a package

    try:
        written = _scaffold.write_package(args.code, args.name, args.directory)
    except (ValueError, OSError) as error:
        raise _UsageError(str(error)) from None
    _say(f"wrote {written}: install it with  pip install -e '{written}[test]'")
    return EXIT_CLEAN
