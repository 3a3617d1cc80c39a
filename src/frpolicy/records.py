r"""Decision records: what decided, on which input, under which law, kept so it can be proved.

A :class:`~frpolicy.policy.Decision` says what the law allowed. A :class:`DecisionRecord`
adds what an auditor will ask later: a decision id, the request itself and a hash of its
canonical form (:func:`request_sha256`), the jurisdiction, the instrument and every
reading in force, the version of frpolicy (and of the package that registered the
jurisdiction), and the wall-clock time the decision was made. :func:`record_decision`
makes one; it is the only place a record reads the clock, and only for that time, which
is provenance and never an input to the decision.

A :class:`DecisionLog` keeps records in an SQLite file, in order, each row chained to the
one before by a SHA-256 hash, so that an edit, a deletion or an insertion anywhere is
found by :meth:`DecisionLog.verify` (or :func:`verify`, which also checks a JSON Lines
export). What the chain cannot prove alone, and how to anchor it, is in the
documentation's explanation of decision records.

:func:`replay` decides stored records again: under the law each one names (is the
decision reproduced?) and under the law in force today or a chosen version (would it
still be decided the same?).

>>> import tempfile
>>> from datetime import datetime, timezone
>>> from pathlib import Path
>>> import frpolicy
>>> from frpolicy import examples
>>> request = frpolicy.from_json(examples.read("request.json"), frpolicy.SearchRequest)
>>> ma = frpolicy.jurisdiction("US-MA")
>>> noon = datetime(2024, 3, 4, 17, 0, tzinfo=timezone.utc)
>>> record = record_decision(ma, request, evaluated_at=noon)
>>> record.instrument, record.decision.outcome.value
('St. 2020, c.253', 'permitted')
>>> record.request_sha256 == request_sha256(request)
True
>>> with tempfile.TemporaryDirectory() as folder, DecisionLog(Path(folder, "d.db")) as log:
...     log.append(record)
...     log.verify().valid
1
True
"""

from __future__ import annotations

import contextlib
import csv
import enum
import functools
import hashlib
import io
import json
import os
import re
import sqlite3
import stat
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any, BinaryIO, Self

import attrs

from frpolicy import _jsonl
from frpolicy._text import printable
from frpolicy.compliance import InputProblem
from frpolicy.jurisdictions import (
    ENTRY_POINT_GROUP,
    Jurisdiction,
    Version,
    jurisdiction,
)
from frpolicy.model import SearchRequest
from frpolicy.policy import Decision
from frpolicy.predicates import evaluation_time
from frpolicy.reports._document import Kind, machine
from frpolicy.serialization import InputError, from_json, to_dict

__all__ = [
    "EXPORT_FORMATS",
    "GENESIS_HASH",
    "MAX_RECORD",
    "SCHEMA_VERSION",
    "Anchor",
    "ChainBreak",
    "DecisionLog",
    "DecisionRecord",
    "LogError",
    "ReadingChoice",
    "Replay",
    "Verification",
    "canonical_json",
    "chain_hash",
    "read_jsonl",
    "read_record",
    "read_records",
    "record_decision",
    "replay",
    "request_sha256",
    "verify",
]

SCHEMA_VERSION = 1
"""The version of a decision record's JSON shape.

A reader refuses a record of any version it does not know, naming it, and never guesses:
a newer record needs a newer frpolicy. Records are read as strictly as any input (an
unknown field is refused), so the version is raised by any change of shape (a field added,
removed or renamed), by a change of a field's meaning, and by a change of the canonical
form of the request.
"""

GENESIS_HASH = "0" * 64
"""The ``previous`` hash of a log's first row."""

EXPORT_FORMATS = ("jsonl", "csv")
"""The formats :meth:`DecisionLog.export` writes."""

MAX_RECORD = 64 * 2**20
"""The most bytes a record's JSON text may have, in UTF-8: a log refuses a longer one.

Every record a log holds is then a line its JSON Lines export can be read back by: a
longer line is not read, so that no file makes a reader hold more. A request read by
the command line has at most 16 MiB; its record, a little more.
"""


# -- the canonical form of a request ---------------------------------------------------------


_SURROGATE = re.compile("[\ud800-\udfff]")


class _UnwritableError(ValueError):
    """A value with no canonical form; ``path`` is filled in on the way out."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path: list[str] = []


_FIELDS: dict[type, tuple[tuple[str, object], ...] | None] = {}
_NO_DEFAULT = object()


def _fields(cls: type) -> tuple[tuple[str, object], ...] | None:
    """The fields of an attrs class, in order, with their defaults (``None``: not attrs)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = (
            tuple((f.name, _default(f)) for f in attrs.fields(cls) if f.init)
            if attrs.has(cls)
            else None
        )
    return _FIELDS[cls]


def _default(field: attrs.Attribute[Any]) -> object:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return _NO_DEFAULT if default.takes_self else default.factory()
    return _NO_DEFAULT if default is attrs.NOTHING else default


def _canonical(value: object) -> object:  # noqa: C901, PLR0911 - one return per kind of value
    kind: type[Any] = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, datetime):
        return _utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    fields = _fields(kind)
    if fields is not None:
        members: dict[str, object] = {}
        for name, default in fields:
            field = getattr(value, name)
            if field is None or (default is not _NO_DEFAULT and field == default):
                continue
            try:
                members[name] = _canonical(field)
            except _UnwritableError as error:
                error.path.append(f".{name}")
                raise
        return members
    if isinstance(value, tuple | frozenset):
        items = []
        for index, item in enumerate(value):
            try:
                items.append(_canonical(item))
            except _UnwritableError as error:
                error.path.append(f"[{index}]" if isinstance(value, tuple) else "[]")
                raise
        return items if isinstance(value, tuple) else sorted(items, key=_dumps)
    if isinstance(value, str | int):  # a subclass, written as its base type
        return str(value) if isinstance(value, str) else int(value)
    msg = f"no canonical JSON for a {kind.__name__}"
    raise _UnwritableError(msg)


def _utc_text(value: datetime) -> str:
    """A date-time as its instant in UTC: ``2024-03-04T14:00:00.000000Z``."""
    if value.utcoffset() is None:
        msg = "naive datetime, give a timezone"
        raise _UnwritableError(msg)
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        msg = f"{value.isoformat()} cannot be written in UTC"
        raise _UnwritableError(msg) from None
    return utc.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _dumps(data: object) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # a lone surrogate has no UTF-8 form: written as JSON's \u escape, as RFC 8785 does
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def canonical_json(value: object) -> str:
    """The canonical JSON text of a frpolicy object, the same for every equal object.

    It is the JSON form :func:`~frpolicy.serialization.to_json` writes, rewritten so that
    two objects that are equal give the same text:

    - every date-time is the same instant in UTC, always with six digits of
      microseconds and a ``Z``: ``2024-03-04T14:00:00.000000Z``;
    - a member whose value is null, or the field's default, is left out: a field omitted
      and a field given its default read as the same object, and a field added to the
      model later, with a default, does not change the text of an object that does not
      use it;
    - the members of every object are sorted by name, the items of every set by their
      own canonical text; arrays that are sequences keep their order;
    - there is no whitespace, and text is not escaped beyond what JSON requires.

    The result is the JSON Canonicalization Scheme (RFC 8785) of the rewritten data:
    frpolicy's objects hold no floating-point numbers.

    >>> from datetime import datetime, timedelta, timezone
    >>> from frpolicy.model import Notice
    >>> boston = timezone(timedelta(hours=-5))
    >>> canonical_json(Notice(search_id="S-1", served_at=datetime(2024, 3, 4, 9, tzinfo=boston)))
    '{"search_id":"S-1","served_at":"2024-03-04T14:00:00.000000Z"}'

    Raises:
        ValueError: a date-time is naive or has no UTC form (year 1 with a negative
            offset), or the object holds a value with no JSON form (a float); the message
            starts with the value's path.
    """
    try:
        return _dumps(_canonical(value))
    except _UnwritableError as error:
        path = "$" + "".join(reversed(error.path))
        msg = f"{path}: {error.problem}"
        raise ValueError(msg) from None


def request_sha256(request: SearchRequest) -> str:
    """The SHA-256 of a request's :func:`canonical_json`, in UTF-8, as 64 hexadecimal digits.

    Equal requests hash the same whatever time zones their times were written in and
    whatever the order of their JSON members; any difference in what they say changes it.
    """
    return hashlib.sha256(canonical_json(request).encode("utf-8")).hexdigest()


# -- records ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ReadingChoice:
    """A reading of the law in force when a decision was made, and the choice taken."""

    reading: str
    choice: str


def _aware(_instance: object, attribute: attrs.Attribute[Any], value: datetime) -> None:
    if value.utcoffset() is None:
        msg = f"{attribute.name}: naive datetime, give a timezone"
        raise ValueError(msg)


def _known_version(_instance: object, _attribute: attrs.Attribute[Any], value: int) -> None:
    if value != SCHEMA_VERSION:
        msg = _version_message(value)
        raise ValueError(msg)


def _version_message(value: object) -> str:
    return (
        f"schema_version: decision record schema version {value!r} is not one this "
        f"frpolicy reads (it reads version {SCHEMA_VERSION}); a newer record needs a "
        "newer frpolicy"
    )


@attrs.frozen(kw_only=True)
class DecisionRecord:
    """A decision with its provenance: which law and which library decided, on what input.

    ``id`` names this decision (a UUID). ``evaluated_at`` is the wall-clock time it was
    made: provenance, never read by the decision, which is judged at ``decision.at``.
    ``library_version`` is frpolicy's version; ``jurisdiction_package`` the installed
    distribution (name and version) that registers the jurisdiction, when one does.
    ``readings`` are every reading of the version in force, with the choice taken (the
    decision's own ``readings`` are those it rests on). ``request_sha256`` is
    :func:`request_sha256` of ``request``: :func:`record_decision` computes it, and
    :func:`read_record` checks it.

    Raises:
        ValueError: ``schema_version`` is not :data:`SCHEMA_VERSION`; ``evaluated_at`` is
            naive; or the decision is of another request, jurisdiction or instrument.
    """

    schema_version: int = attrs.field(validator=_known_version)
    id: str
    evaluated_at: datetime = attrs.field(validator=_aware)
    library_version: str
    jurisdiction_package: str | None
    jurisdiction: str
    instrument: str
    readings: tuple[ReadingChoice, ...]
    request_sha256: str
    request: SearchRequest
    decision: Decision

    def __attrs_post_init__(self) -> None:
        decision = self.decision
        for name, mine, theirs in (
            ("jurisdiction", self.jurisdiction, decision.jurisdiction),
            ("instrument", self.instrument, decision.instrument),
            ("request.id", self.request.id, decision.request_id),
        ):
            if mine != theirs:
                msg = f"{name}: {mine!r}, but the decision is of {theirs!r}"
                raise ValueError(msg)


@functools.cache
def _library_version() -> str:
    try:
        return metadata.version("frpolicy")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"


@functools.cache
def _package(code: str) -> str | None:
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP, name=code):
        if entry.dist is not None:
            return f"{entry.dist.name} {entry.dist.version}"
    return None


def record_decision(
    law: Jurisdiction | Version,
    request: SearchRequest,
    *,
    at: datetime | None = None,
    evaluated_at: datetime | None = None,
    decision_id: str | None = None,
) -> DecisionRecord:
    """Decide a request and record the decision with its provenance.

    Args:
        law: A jurisdiction (the request is judged under the law in force when it is
            judged) or one version of its law, with the readings it has in force.
        request: The request.
        at: When the request is judged (default: when it was performed, else submitted).
        evaluated_at: The wall-clock time to record (default: now, in UTC). It is
            provenance only: the decision does not read it.
        decision_id: The decision's id (default: a new random UUID).

    Raises:
        LookupError: ``law`` is a jurisdiction with no encoded law in force that day.
        ValueError: ``at`` or ``evaluated_at`` is naive.
    """
    if evaluated_at is None:
        evaluated_at = datetime.now(UTC)
    judged = evaluation_time(request, at)
    version = law.in_force(judged) if isinstance(law, Jurisdiction) else law
    decision = version.evaluate(request, judged)
    return DecisionRecord(
        schema_version=SCHEMA_VERSION,
        id=decision_id if decision_id is not None else str(uuid.uuid4()),
        evaluated_at=evaluated_at,
        library_version=_library_version(),
        jurisdiction_package=_package(decision.jurisdiction),
        jurisdiction=decision.jurisdiction,
        instrument=decision.instrument,
        readings=tuple(ReadingChoice(reading=r.id, choice=r.chosen) for r in version.readings),
        request_sha256=request_sha256(request),
        request=request,
        decision=decision,
    )


def _record_text(record: DecisionRecord) -> str:
    """The record's JSON text as a log stores it: sorted members, no whitespace, one line."""
    return _dumps(to_dict(record))


def read_record(text: str | bytes) -> DecisionRecord:
    """A decision record from its JSON text, read as :func:`~frpolicy.from_json` reads input.

    A record of a schema version this frpolicy does not know is refused with that version
    named, and nothing else: its other fields may be what that version means by them.

    Raises:
        InputError: the text is not JSON, is of an unknown schema version, does not
            describe a valid record, or its ``request_sha256`` is not its request's hash;
            every problem is listed with its JSON path.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            msg = "$: not UTF-8 text"
            raise InputError([msg]) from None
    try:
        record = from_json(text, DecisionRecord)
    except InputError as error:
        raise InputError(_version_problem(text) or error.errors) from None
    if record.request_sha256 != request_sha256(record.request):
        msg = "$.request_sha256: not the hash of the request's canonical JSON"
        raise InputError([msg])
    return record


def _version_problem(text: str) -> list[str] | None:
    """What to say first of a document that is not a record: that it is of another version."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    if "schema_version" not in data:
        return ["$.schema_version: required field missing: is this a decision record?"]
    found = data["schema_version"]
    if type(found) is not int or found != SCHEMA_VERSION:
        return [f"$.{_version_message(found)}"]
    return None


# -- the log ---------------------------------------------------------------------------------


class LogError(Exception):
    """A decision log that cannot be used: not a log, damaged, or refusing an append."""


@attrs.frozen(kw_only=True)
class Anchor:
    """A row of a log and its hash, kept elsewhere to prove later that the log still holds it.

    Written ``SEQ:HASH``, the form :meth:`parse` reads and ``frpolicy log verify`` prints
    for the head of a log.
    """

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Self:
        """An anchor from its ``SEQ:HASH`` form.

        Raises:
            ValueError: the text is not a positive row number, a colon and 64 hexadecimal
                digits.
        """
        seq, _, digest = text.strip().partition(":")
        if not (seq.isdecimal() and int(seq) > 0 and re.fullmatch("[0-9a-f]{64}", digest)):
            msg = f"expected ROW:SHA256 (a row number, a colon, 64 hex digits), got {text!r}"
            raise ValueError(msg)
        return cls(seq=int(seq), hash=digest)


@attrs.frozen(kw_only=True)
class ChainBreak:
    """Where a log's chain first fails to hold, and why.

    ``position`` is a row of a log, or a line of its JSON Lines export (``unit`` says
    which).
    """

    position: int
    reason: str
    unit: str = "row"

    def describe(self) -> str:
        """``row 7: its hash is not the hash of its contents: it was edited``."""
        return f"{self.unit} {self.position}: {self.reason}"


@attrs.frozen(kw_only=True)
class Verification:
    """What checking a log's chain found: how many rows, its head, or where it breaks."""

    rows: int
    head: Anchor | None
    broken: ChainBreak | None = None

    @property
    def valid(self) -> bool:
        """Whether every row checked holds and every anchor was found."""
        return self.broken is None


def chain_hash(previous: str, seq: int, text: str) -> str:
    """The hash of a row: SHA-256 of ``previous``, a line feed, ``seq``, a line feed, the text.

    In UTF-8, as 64 hexadecimal digits; ``previous`` is the hash of the row before
    (:data:`GENESIS_HASH` for the first row) and ``text`` the record's JSON text as stored.
    """
    return hashlib.sha256(f"{previous}\n{seq}\n{text}".encode()).hexdigest()


_APPLICATION_ID = 0x66727064  # "frpd": marks an SQLite file as a frpolicy decision log
_FORMAT = 1  # PRAGMA user_version: the layout of the tables
_SQLITE_MAGIC = b"SQLite format 3\x00"
_COLUMNS = (
    "seq",
    "decision_id",
    "request_id",
    "request_sha256",
    "jurisdiction",
    "instrument",
    "outcome",
    "evaluated_at",
    "record",
    "previous",
    "hash",
)
_CREATE = (
    """CREATE TABLE decisions (
        seq INTEGER PRIMARY KEY,
        decision_id TEXT NOT NULL UNIQUE,
        request_id TEXT NOT NULL,
        request_sha256 TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        instrument TEXT NOT NULL,
        outcome TEXT NOT NULL,
        evaluated_at TEXT NOT NULL,
        record TEXT NOT NULL,
        previous TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX decisions_by_request ON decisions (request_id)",
    f"PRAGMA application_id = {_APPLICATION_ID}",
    f"PRAGMA user_version = {_FORMAT}",
)


_NOT_UTF8 = "its record is not UTF-8 text: it was altered"
_DATABASE_ERRORS = (sqlite3.Error, UnicodeDecodeError)
"""What SQLite raises on a damaged file: its message is not UTF-8 when the damage is in it."""
_Stamp = tuple[int, int, int, int]
"""What tells that a file was written: its device, inode, size and time of last change."""


def _stamp(path: Path) -> _Stamp:
    try:
        found = path.stat()
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise LogError(msg) from None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def _reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "SQLite names text in it that is not UTF-8: the file is damaged"
    return str(error)


def _text(data: bytes) -> str | bytes:
    """A text column as text, or as the bytes it holds when they are not UTF-8 (tampering)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


def _text_of(value: object) -> str:
    return value.decode("utf-8", "backslashreplace") if isinstance(value, bytes) else str(value)


def _layout(
    connection: sqlite3.Connection, *, transaction: bool = True
) -> tuple[int, int, frozenset[tuple[object, ...]]]:
    """A file's application id, layout and database objects, read from one snapshot."""
    if transaction:  # else the caller holds one
        connection.execute("BEGIN")
    try:
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        layout = connection.execute("PRAGMA user_version").fetchone()[0]
        objects = frozenset(
            (kind, name, table, " ".join(sql.split()) if isinstance(sql, str) else sql)
            for kind, name, table, sql in connection.execute(
                # the statistics ANALYZE keeps are SQLite's own, and change no row
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE NOT (type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\')"
            )
        )
    finally:
        if transaction:
            connection.execute("COMMIT")
    return int(application), int(layout), objects


@functools.cache
def _log_objects() -> frozenset[tuple[object, ...]]:
    """The tables and indexes of a decision log, exactly: nothing else is in one."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for statement in _CREATE:
            connection.execute(statement)
        return _layout(connection)[2]
    finally:
        connection.close()


def _columns(record: DecisionRecord) -> tuple[str, ...]:
    """The searchable columns of a record's row (between ``seq`` and ``record``)."""
    return (
        record.id,
        record.request.id,
        record.request_sha256,
        record.jurisdiction,
        record.instrument,
        record.decision.outcome.value,
        _utc_text(record.evaluated_at),
    )


class DecisionLog:
    """Decision records in an SQLite file, in order, each row chained to the one before.

    A row holds the record's JSON text, a few of its fields as columns to search by
    (decision id, request id, request hash, jurisdiction, instrument, outcome, and
    ``evaluated_at`` in UTC), the hash of the row before (``previous``) and its own
    :func:`chain_hash`. Appends are serialized by an immediate transaction, so several
    processes (and threads) can append to one log at once, or make a new one at once, and
    the chain stays whole. Each append is read back in its own transaction before it is
    committed. The file is in WAL mode and synchronous ``FULL``: a committed append
    survives a crash. A record's text is at most :data:`MAX_RECORD` bytes.

    A log holds its table and its index and nothing else: a file that is not a decision
    log, or a log holding anything more (a trigger or a view could drop or divert what is
    appended), raises :class:`LogError`; so does opening a missing one ``readonly``.

    A log opened ``readonly`` is never written, and nothing is made beside it: one that no
    process has open is read as an unchanging file, so a log in a read-only directory (an
    archive, an auditor's copy) reads as well; a read during which a writer changed it
    raises :class:`LogError`, to be read again. Use the log as a context manager, or
    :meth:`close` it.

    Args:
        path: The SQLite file; created (with its tables) when missing, unless ``readonly``.
        readonly: Open for reading only: appends raise.
        timeout: How long, in seconds, an append waits for another writer's transaction.

    Raises:
        LogError: the file cannot be opened, is not a frpolicy decision log, or is of a
            newer layout than this frpolicy knows.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = 60.0) -> None:
        """Open (or create) the log."""
        self.path = Path(path)
        self.readonly = readonly
        self.timeout = timeout
        self._lock = threading.Lock()
        self._connection, self._stamp = self._connect(create=not readonly)

    def __repr__(self) -> str:
        return f"DecisionLog({str(self.path)!r}, readonly={self.readonly})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._connection.close()

    def _fail(self, problem: object) -> LogError:
        return LogError(f"{self.path}: {problem}")

    def _connect(self, *, create: bool) -> tuple[sqlite3.Connection, _Stamp | None]:
        """A connection, checked; and for one to an unchanging file, the file's stamp."""
        stamp = None
        if not create:
            try:
                self.path.open("rb").close()  # a missing file is not created, but named
            except OSError as error:
                msg = f"cannot read {self.path}: {error.strerror or error}"
                raise LogError(msg) from None
            target, uri, stamp = self._reading_uri()
        else:
            target, uri = str(self.path), False
        try:
            connection = sqlite3.connect(
                target,
                timeout=self.timeout,
                isolation_level=None,
                check_same_thread=False,
                uri=uri,
            )
        except _DATABASE_ERRORS as error:
            msg = f"cannot open: {_reason(error)}"
            raise self._fail(msg) from None
        connection.text_factory = _text
        try:
            self._check(connection, create=create)
            if create:
                connection.execute("PRAGMA synchronous = FULL")
        except _DATABASE_ERRORS as error:
            connection.close()
            msg = f"not a readable SQLite database ({_reason(error)})"
            raise self._fail(msg) from None
        except LogError:
            connection.close()
            raise
        return connection, stamp

    def _reading_uri(self) -> tuple[str, bool, _Stamp | None]:
        """How to open the file for reading only, creating nothing beside it.

        A log in WAL mode is read through its ``-wal`` and ``-shm`` files, which SQLite
        makes when they are missing. They are missing when no connection has the log open:
        then every row is in the file itself, which is opened as unchanging (``immutable``),
        so nothing is made beside it and a log in a read-only directory (an archive, an
        auditor's copy) reads as well; :meth:`_unchanged` then checks, after each read, that
        no writer came in the meantime.
        """
        real = self.path.resolve()  # /dev/stdin: the file it stands for, and its -wal
        uri = f"{real.as_uri()}?mode=ro"
        if Path(f"{real}-wal").exists():
            return uri, True, None
        return f"{uri}&immutable=1", True, _stamp(real)

    def _unchanged(self, stamp: _Stamp | None) -> None:
        """Refuse what was read from an unchanging file that a writer changed meanwhile."""
        if stamp is not None and _stamp(self.path.resolve()) != stamp:
            msg = "it was written while it was read; read it again"
            raise self._fail(msg)

    def _check(self, connection: sqlite3.Connection, *, create: bool) -> None:
        """Refuse a file that is not a decision log; make the tables of a new one, once."""
        application, layout, objects = _layout(connection)
        if application == _APPLICATION_ID:
            self._check_layout(layout, objects)
            return
        if application != 0 or objects:
            msg = "not a frpolicy decision log (an SQLite database of another kind)"
            raise self._fail(msg)
        if not create:
            msg = "not a frpolicy decision log (an empty SQLite database)"
            raise self._fail(msg)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            self._create(connection)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _create(self, connection: sqlite3.Connection) -> None:
        """Make the tables, in the caller's transaction, unless another process just did."""
        application, layout, objects = _layout(connection, transaction=False)
        if application == _APPLICATION_ID:
            self._check_layout(layout, objects)
        elif application != 0 or objects:
            msg = "not a frpolicy decision log (an SQLite database of another kind)"
            raise self._fail(msg)
        else:
            for statement in _CREATE:
                connection.execute(statement)

    def _check_layout(self, layout: int, objects: frozenset[tuple[object, ...]]) -> None:
        """Refuse a log of a newer layout, or one whose tables are not exactly a log's."""
        if layout > _FORMAT:
            msg = f"a decision log of layout {layout}, newer than this frpolicy reads"
            raise self._fail(msg)
        if objects == _log_objects():
            return
        if not any(o[:2] == ("table", "decisions") for o in objects):
            msg = "a damaged decision log: its table of decisions is missing"
            raise self._fail(msg)
        foreign = sorted(objects - _log_objects(), key=repr)
        what = (
            f"its {_text_of(foreign[0][0])} {_text_of(foreign[0][1])!r} is not a decision log's"
            if foreign
            else "a table or index of a decision log is missing"
        )
        # a trigger or a view could drop or divert what is appended: nothing is trusted
        msg = f"a damaged or altered decision log, refused: {what}"
        raise self._fail(msg)

    # -- appending

    def append(self, record: DecisionRecord) -> int:
        """Append one record; return its row number (1 for the first row).

        Raises:
            LogError: the log is read-only, the decision id is already in it, or the file
                cannot be written.
        """
        return self.extend([record])[0]

    def extend(self, records: Iterable[DecisionRecord]) -> range:
        """Append records in one transaction, in order; return their row numbers.

        Either all are appended or, on an error, none. A batch is much faster than as many
        single appends: one lock and one write to disk for all.

        Raises:
            LogError: the log is read-only, a decision id is repeated or already in the
                log, a record is longer than :data:`MAX_RECORD`, or the file cannot be
                written; or the rows did not read back as written (nothing is appended).
        """
        if self.readonly:
            msg = "opened read-only"
            raise self._fail(msg)
        # the records are written out before the lock is taken, so writers wait little
        rows = [(_columns(r), _record_text(r)) for r in records]
        for columns, text in rows:
            if (
                len(text) > MAX_RECORD // 4
                and len(text.encode("utf-8", "surrogatepass")) > MAX_RECORD
            ):
                msg = f"decision {columns[0]}: its record is longer than {MAX_RECORD:,} bytes"
                raise self._fail(msg)
        ids = [columns[0] for columns, _ in rows]
        if len(set(ids)) != len(ids):
            repeated = next(i for i in ids if ids.count(i) > 1)
            msg = f"decision {repeated} is twice in the records appended"
            raise self._fail(msg)
        with self._lock:
            try:
                return self._insert(rows)
            except sqlite3.IntegrityError:
                raise self._fail(self._duplicate(ids)) from None
            except _DATABASE_ERRORS as error:
                msg = f"cannot append: {_reason(error)}"
                raise self._fail(msg) from None

    def _insert(self, rows: list[tuple[tuple[str, ...], str]]) -> range:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            last = connection.execute(
                "SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, previous = (int(last[0]), str(last[1])) if last else (0, GENESIS_HASH)
            first = seq + 1
            values: list[tuple[object, ...]] = []
            for columns, text in rows:
                seq += 1
                digest = chain_hash(previous, seq, text)
                values.append((seq, *columns, text, previous, digest))
                previous = digest
            connection.executemany(
                f"INSERT INTO decisions ({', '.join(_COLUMNS)}) "  # noqa: S608 - fixed names
                f"VALUES ({', '.join('?' * len(_COLUMNS))})",
                values,
            )
            self._read_back(first, values)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        return range(first, seq + 1)

    def _read_back(self, first: int, values: list[tuple[object, ...]]) -> None:
        """Refuse rows that do not read back as written, in the appending transaction.

        The layout is checked when the log is opened; this is the proof, for each append,
        that what is committed is what was appended.
        """
        kept = self._connection.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM decisions "  # noqa: S608 - fixed names
            "WHERE seq >= ? ORDER BY seq",
            (first,),
        ).fetchall()
        if kept != values:
            msg = "the rows appended did not read back as written: nothing was appended"
            raise self._fail(msg)

    def _duplicate(self, ids: list[str]) -> str:
        for decision_id in ids:
            row = self._connection.execute(
                "SELECT seq FROM decisions WHERE decision_id = ?", (decision_id,)
            ).fetchone()
            if row is not None:
                return f"decision {decision_id} is already in the log, at row {row[0]}"
        return "a decision id is already in the log"  # pragma: no cover - raced by a writer

    # -- reading

    def _rows(self, columns: str) -> Iterator[tuple[Any, ...]]:
        """The rows in order, from one snapshot of the log, on a connection of their own."""
        reader, stamp = self._connect(create=False) if not self.readonly else (None, self._stamp)
        connection = reader or self._connection
        try:
            cursor = connection.execute(f"SELECT {columns} FROM decisions ORDER BY seq")  # noqa: S608 - fixed names
            while batch := cursor.fetchmany(256):
                yield from batch
        except _DATABASE_ERRORS as error:
            self._unchanged(stamp)  # a file changed under an immutable read reads as damaged
            msg = f"cannot read: {_reason(error)}"
            raise self._fail(msg) from None
        finally:
            if reader is not None:
                reader.close()
        self._unchanged(stamp)

    def _one(self, query: str) -> tuple[Any, ...] | None:
        """The first row a query gives, read under the lock."""
        with self._lock:
            try:
                found: tuple[Any, ...] | None = self._connection.execute(query).fetchone()
            except _DATABASE_ERRORS as error:
                msg = f"cannot read: {_reason(error)}"
                raise self._fail(msg) from None
        return found

    def __len__(self) -> int:
        """The number of rows."""
        row = self._one("SELECT count(*) FROM decisions")
        return int(row[0]) if row is not None else 0

    def head(self) -> Anchor | None:
        """The last row and its hash (``None`` for an empty log): what to anchor elsewhere."""
        row = self._one("SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1")
        return None if row is None else Anchor(seq=int(row[0]), hash=str(row[1]))

    def records(self) -> Iterator[tuple[int, DecisionRecord]]:
        """Every record with its row number, in order.

        Raises:
            LogError: a row's record cannot be read (the log is damaged: see
                :meth:`verify`).
        """
        for seq, text in self._rows("seq, record"):
            try:
                record = read_record(text)
            except InputError as error:
                msg = f"row {seq}: {'; '.join(error.errors)}"
                raise self._fail(msg) from None
            yield int(seq), record

    def verify(self, anchors: Iterable[Anchor] = ()) -> Verification:
        """Check the chain, row by row, and name the first row where it breaks.

        Every row must follow the one before (rows numbered 1, 2, 3... with no gap, each
        ``previous`` the hash of the row before), its hash must be that of its contents,
        its record must be the JSON of a decision record and agree with the row's columns,
        and each anchor's row must still be there with the anchored hash. The chain proves
        the rows unaltered since they were written, up to its head; the documentation's
        explanation of decision records says what it cannot prove. Records are not read in
        full here: :meth:`records` and :func:`replay` do, and refuse one whose request
        does not hash to its ``request_sha256``.

        Raises:
            LogError: the file cannot be read, or a row holds a record of a schema version
                newer than this frpolicy reads (its columns cannot be checked).
        """
        rows = (
            _Row(
                int(r[0]),
                r[8] if isinstance(r[8], str) else None,
                r[1:8],
                r[9],
                r[10],
                unreadable=_NOT_UTF8 if isinstance(r[8], bytes) else "its record is not text",
            )
            for r in self._rows(", ".join(_COLUMNS))
        )
        try:
            return _verify(rows, anchors, "row")
        except LogError as error:
            raise self._fail(error) from None

    def export(self, stream: IO[str], fmt: str = "jsonl") -> int:
        """Write every record to ``stream``; return how many were written.

        ``jsonl``: each row's record text exactly as stored and hashed, one a line, in
        order (so that :func:`verify` recomputes the chain and its head from the export
        alone). ``csv``: a row per record, with the chain's columns and the record's main
        fields; the request and the reasons stay in the JSON.

        Raises:
            ValueError: ``fmt`` is not one of :data:`EXPORT_FORMATS`.
            LogError: a row's record cannot be read (``csv``).
        """
        if fmt not in EXPORT_FORMATS:
            msg = f"format: expected one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}"
            raise ValueError(msg)
        count = 0
        if fmt == "jsonl":
            for seq, text in self._rows("seq, record"):
                if not isinstance(text, str):
                    # an export holds text; verify names this row as it is in the log
                    msg = f"row {seq}: {_NOT_UTF8 if isinstance(text, bytes) else 'not text'}"
                    raise self._fail(msg)
                stream.write(f"{text}\n")
                count += 1
            return count
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(_CSV_HEADER)
        for seq, text, previous, digest in self._rows("seq, record, previous, hash"):
            try:
                record = read_record(text)
            except InputError as error:
                msg = f"row {seq}: {'; '.join(error.errors)}"
                raise self._fail(msg) from None
            writer.writerow([seq, *_csv_fields(record), previous, digest])
            count += 1
        return count


_CSV_HEADER = (
    "seq",
    "decision_id",
    "evaluated_at",
    "jurisdiction",
    "instrument",
    "readings",
    "request_id",
    "request_sha256",
    "judged_at",
    "outcome",
    "obligations",
    "library_version",
    "jurisdiction_package",
    "previous",
    "hash",
)


def _csv_fields(record: DecisionRecord) -> list[str]:
    """A record's columns, each as a spreadsheet can open it safely (no formula runs)."""
    decision = record.decision
    fields = [
        record.id,
        record.evaluated_at.isoformat(),
        record.jurisdiction,
        record.instrument,
        " ".join(f"{r.reading}={r.choice}" for r in record.readings),
        record.request.id,
        record.request_sha256,
        decision.at.isoformat(),
        decision.outcome.value,
        " ".join(o.duty for o in decision.obligations),
        record.library_version,
        record.jurisdiction_package or "",
    ]
    return [machine(field, Kind.TEXT) for field in fields]


@attrs.frozen
class _Row:
    """A row to check: its number and text; for a log, its columns and stored hashes too."""

    seq: int
    text: str | None
    columns: tuple[Any, ...] | None = None
    previous: object = None
    hash: object = None
    unreadable: str = "it is not text"


def _verify(rows: Iterable[_Row], anchors: Iterable[Anchor], unit: str) -> Verification:
    """The chain over rows in order: the first that breaks it, or the head."""
    wanted = {a.seq: a.hash for a in anchors}
    previous, count = GENESIS_HASH, 0

    def broken(position: int, reason: str) -> Verification:
        found = ChainBreak(position=position, reason=reason, unit=unit)
        return Verification(rows=count, head=None, broken=found)

    for row in rows:
        if row.seq != count + 1:
            return broken(
                count + 1,
                f"{unit} {count + 1} is missing: after {unit} {count} comes {unit} {row.seq}",
            )
        reason = _row_problem(row, previous, unit)
        if reason is not None:
            return broken(row.seq, reason)
        assert row.text is not None  # noqa: S101 - a row without text is a problem above
        digest = chain_hash(previous, row.seq, row.text)
        if wanted.get(row.seq, digest) != digest:
            return broken(
                row.seq,
                f"its hash is not the one anchored for {unit} {row.seq}: the log was "
                f"rewritten at or before this {unit}",
            )
        previous, count = digest, row.seq
    gone = sorted(s for s in wanted if s > count)
    if gone:
        return broken(gone[0], f"{unit} {gone[0]} was anchored, but the log ends at {unit} {count}")
    return Verification(rows=count, head=Anchor(seq=count, hash=previous) if count else None)


def _row_problem(row: _Row, previous: str, unit: str) -> str | None:
    """Why a row breaks the chain, or ``None``."""
    if row.text is None:
        return row.unreadable
    if row.columns is not None:  # a row of a log, with its stored hashes
        link = _link_problem(row, previous, unit)
        if link is not None:
            return link
    try:
        data = json.loads(row.text)
    except json.JSONDecodeError as error:
        return f"its record is not JSON: {error.msg} (column {error.colno})"
    found = data.get("schema_version") if isinstance(data, dict) else None
    if type(found) is int and found > SCHEMA_VERSION:
        # not broken, but not readable here: the columns of a newer record are unknown
        msg = (
            f"{unit} {row.seq}: a decision record of schema version {found}, newer than "
            f"this frpolicy reads ({SCHEMA_VERSION}); verify the log with a newer frpolicy"
        )
        raise LogError(msg)
    if found != SCHEMA_VERSION:
        return f"its record is not a decision record of schema version {SCHEMA_VERSION}"
    if row.columns is not None:
        for name, stored, value in zip(
            _COLUMNS[1:8], row.columns, _data_columns(data), strict=True
        ):
            if stored != value:
                return f"its {name} column is {stored!r}, but its record says {value!r}"
    return None


def _data_columns(data: dict[str, Any]) -> tuple[object, ...]:
    """The searchable columns of a row, as its record's JSON data gives them."""

    def member(*path: str) -> object:
        value: object = data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    evaluated_at = member("evaluated_at")
    with contextlib.suppress(ValueError):  # else left as it is, and will not match the column
        evaluated_at = _utc_text(datetime.fromisoformat(str(evaluated_at)))
    return (
        member("id"),
        member("request", "id"),
        member("request_sha256"),
        member("jurisdiction"),
        member("instrument"),
        member("decision", "outcome"),
        evaluated_at,
    )


def _link_problem(row: _Row, previous: str, unit: str) -> str | None:
    """Why a log's row does not follow the one before, or was edited; or ``None``."""
    assert row.text is not None  # noqa: S101 - checked by the caller
    if row.previous != previous:
        if row.seq == 1:
            return f"its previous hash is not {GENESIS_HASH[:8]}..., as a first {unit}'s is"
        return (
            f"it does not follow {unit} {row.seq - 1}: its previous hash is not the hash of "
            f"{unit} {row.seq - 1} (a {unit} was deleted, inserted or rewritten before it)"
        )
    if row.hash != chain_hash(previous, row.seq, row.text):
        return "its hash is not the hash of its contents: it was edited"
    return None


class _Replayed(io.RawIOBase):
    """A stream whose first bytes were read already (to tell what it is): given back first."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 - a writable buffer of bytes
        if self.head:
            count = min(len(buffer), len(self.head))
            buffer[:count] = self.head[:count]
            self.head = self.head[count:]
            return count
        return self.rest.readinto(buffer)  # type: ignore[attr-defined,no-any-return]


@contextlib.contextmanager
def _source(path: str | Path) -> Iterator[BinaryIO | None]:
    """A file of records opened once: ``None`` for a decision log, else its bytes from the start.

    The file is read once, so a pipe (``/dev/stdin``, ``<(...)``) reads as well as a file.
    """
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 - closed below
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise LogError(msg) from None
    with handle:
        try:
            head = handle.read(len(_SQLITE_MAGIC))
            regular = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
            if head == _SQLITE_MAGIC:
                if not regular:
                    msg = (
                        f"{path}: a decision log is an SQLite file, and cannot be read from a pipe"
                    )
                    raise LogError(msg)
                yield None
                return
            if regular:
                handle.seek(0)
                yield handle
            else:
                yield io.BufferedReader(_Replayed(head, handle))
        except OSError as error:
            msg = f"cannot read {path}: {error.strerror or error}"
            raise LogError(msg) from None


def _jsonl_lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """The lines of a file, numbered from 1; ``None`` for one over :data:`MAX_RECORD` bytes."""
    yield from _jsonl.lines(handle, limit=MAX_RECORD)


def _line_text(line: bytes) -> str:
    text = line.decode("utf-8")
    return text.removesuffix("\n")


def read_jsonl(path: str | Path) -> Iterator[tuple[int, DecisionRecord | InputProblem | None]]:
    """The records of a JSON Lines file, one a line, with their line numbers.

    A line that cannot be read as a record (not UTF-8, not JSON, of an unknown schema
    version, invalid, longer than :data:`MAX_RECORD` bytes) gives an
    :class:`~frpolicy.compliance.InputProblem`; a blank line gives ``None``. Every line is
    accounted for. The file is read once, as it streams: it may be a pipe.

    Raises:
        LogError: the file cannot be read.
    """
    with _source(path) as handle:
        if handle is None:
            msg = f"{path}: a decision log, not a JSON Lines file"
            raise LogError(msg)
        yield from _jsonl_entries(handle)


def _jsonl_entries(handle: BinaryIO) -> Iterator[tuple[int, DecisionRecord | InputProblem | None]]:
    for number, line in _jsonl_lines(handle):
        if line is None:
            problem = (f"$: longer than {MAX_RECORD:,} bytes",)
            yield number, InputProblem(line=number, errors=problem)
            continue
        if not line.strip():
            yield number, None
            continue
        try:
            yield number, read_record(_line_text(line))
        except UnicodeDecodeError:
            yield number, InputProblem(line=number, errors=("$: not UTF-8 text",))
        except InputError as error:
            yield number, InputProblem(line=number, errors=error.errors)


def read_records(
    path: str | Path,
) -> Iterator[tuple[str, DecisionRecord | InputProblem | None]]:
    """The records of a decision log or of a JSON Lines file, each with where it is.

    A decision log (an SQLite file) gives ``("row 1", record)``...; a JSON Lines file
    gives ``("line 1", ...)`` as :func:`read_jsonl` does, with an
    :class:`~frpolicy.compliance.InputProblem` for a line that cannot be read and ``None``
    for a blank one.

    Raises:
        LogError: the file cannot be read, is an SQLite database but not a decision log,
            or a row of the log cannot be read.
    """
    with _source(path) as handle:
        if handle is not None:
            for line, entry in _jsonl_entries(handle):
                yield f"line {line}", entry
            return
    with DecisionLog(path, readonly=True) as log:
        for row, record in log.records():
            yield f"row {row}", record


def _export_rows(handle: BinaryIO) -> Iterator[_Row]:
    """The lines of an export as rows; blank lines after the last record are no rows."""
    blank = None  # the first of the blank lines since the last record
    for number, line in _jsonl_lines(handle):
        if line is not None and not line.strip():
            blank = blank or number
            continue
        if blank is not None:  # a record follows: the blank line stands where one was
            yield _Row(blank, None, unreadable="it is blank, but records follow it")
            return
        if line is None:
            yield _Row(number, None, unreadable=f"it is longer than {MAX_RECORD:,} bytes")
            return
        try:
            yield _Row(number, _line_text(line))
        except UnicodeDecodeError:
            yield _Row(number, None, unreadable="it is not UTF-8 text")


def verify(path: str | Path, anchors: Iterable[Anchor] = ()) -> Verification:
    """Check the chain of a decision log, or of its JSON Lines export.

    An SQLite file is checked as :meth:`DecisionLog.verify` does. A JSON Lines export
    (:meth:`DecisionLog.export`) holds each record's text as stored, line ``n`` being row
    ``n``, and may end with blank lines: its chain and head are recomputed, each record is
    read, and the anchors are checked, so an export can be proved to be the log whose head
    was published. An export is read once, as it streams: it may come through a pipe.

    Raises:
        LogError: the file cannot be read, is an SQLite database but not a decision log,
            or is neither (its first line is not a record); or a record is of a schema
            version newer than this frpolicy reads.
    """
    anchors = tuple(anchors)
    with _source(path) as handle:
        if handle is not None:
            try:
                found = _verify(_export_rows(handle), anchors, "line")
            except LogError as error:
                msg = f"{path}: {error}"
                raise LogError(msg) from None
            if found.broken is not None and found.broken.position == 1 and not anchors:
                msg = (
                    f"{path}: neither a decision log nor an export of one: "
                    f"{found.broken.describe()}"
                )
                raise LogError(msg)
            return found
    with DecisionLog(path, readonly=True) as log:
        return log.verify(anchors)


# -- replay ----------------------------------------------------------------------------------


def _owed(decision: Decision) -> frozenset[tuple[str, datetime | None]]:
    return frozenset((o.duty, o.due) for o in decision.obligations)


def _same(before: Decision, after: Decision) -> bool:
    """Whether two decisions decide the same: the same outcome, the same obligations due."""
    return before.outcome is after.outcome and _owed(before) == _owed(after)


@attrs.frozen(kw_only=True)
class Replay:
    """A stored record decided again: under the law it names, and under the law replayed against.

    ``again`` is the decision of the law the record names (its jurisdiction, instrument
    and readings) as this frpolicy makes it now; ``against`` the decision of the law it is
    replayed against. Either is ``None`` when that law cannot be found, and ``problems``
    then says why. Two decisions decide the same when their outcome and their obligations
    (duty and due time) are the same.
    """

    record: DecisionRecord
    again: Decision | None
    against: Decision | None
    problems: tuple[str, ...] = ()

    @property
    def reproduced(self) -> bool | None:
        """Whether the law the record names still decides as recorded; ``None`` if not found."""
        return None if self.again is None else _same(self.record.decision, self.again)

    @property
    def changed(self) -> bool | None:
        """Whether the law replayed against decides otherwise; ``None`` if it is not found."""
        return None if self.against is None else not _same(self.record.decision, self.against)

    @property
    def differs(self) -> bool:
        """Whether there is anything to report (a change, a decision not reproduced, a law gone)."""
        return bool(self.problems) or self.reproduced is False or self.changed is True

    def explain(self) -> str:
        """What the replay found, with the memo as recorded and each memo that differs from it."""
        record, decision = self.record, self.record.decision
        lines = [
            (
                f"decision {record.id}, request {decision.request_id}, judged at "
                f"{decision.at.isoformat()}"
            ),
            (
                f"  recorded under {record.instrument}: {_outcome(decision)} "
                f"(frpolicy {record.library_version}, {record.evaluated_at.isoformat()})"
            ),
        ]
        lines.extend(f"  {problem}" for problem in self.problems)
        memos = [("as recorded", decision)]
        if self.again is not None and self.reproduced is False:
            lines.append(
                f"  under {record.instrument} as this frpolicy decides it now: "
                f"{_outcome(self.again)}"
            )
            memos.append((f"{record.instrument}, decided now", self.again))
        if self.against is not None and self.changed:
            lines.append(f"  under {self.against.instrument}: {_outcome(self.against)}")
            memos.append((f"under {self.against.instrument}", self.against))
        lines = [printable(line) for line in lines]  # a field of the input forges no line
        if len(memos) > 1:
            for title, memo in memos:
                lines.extend(["", f"  --- memo {title} ---"])
                lines.extend(f"  {line}".rstrip() for line in memo.explain().split("\n"))
        return "\n".join(lines)


def _outcome(decision: Decision) -> str:
    owed = ", ".join(o.duty for o in decision.obligations)
    return decision.outcome.value.replace("_", " ") + (f"; obliges {owed}" if owed else "")


class _Laws:
    """The laws records name and the law they are replayed against, each looked up once."""

    def __init__(
        self,
        laws: Mapping[str, Jurisdiction] | None,
        version: str | None,
        on: date,
        readings: Mapping[str, str],
    ) -> None:
        self.laws, self.version, self.on, self.readings = laws, version, on, readings
        self.named: dict[tuple[str, str, tuple[ReadingChoice, ...]], Version | str] = {}
        self.against: dict[str, Version] = {}

    def place(self, code: str) -> Jurisdiction:
        if self.laws is not None:
            if code not in self.laws:
                msg = f"no jurisdiction {code!r} among those given"
                raise LookupError(msg)
            return self.laws[code]
        return jurisdiction(code)

    def named_law(self, record: DecisionRecord) -> Version | str:
        key = (record.jurisdiction, record.instrument, record.readings)
        if key not in self.named:
            try:
                version = self.place(record.jurisdiction).version(record.instrument)
                choices = {r.reading: r.choice for r in record.readings}
                self.named[key] = version.with_readings(choices)
            except (LookupError, ValueError) as error:
                self.named[key] = f"the law it names is not known: {_plain(error)}"
        return self.named[key]

    def against_law(self, code: str) -> Version:
        if code not in self.against:
            place = self.place(code)
            if self.readings:
                place = place.with_readings(self.readings)
            self.against[code] = (
                place.version(self.version) if self.version is not None else place.in_force(self.on)
            )
        return self.against[code]


def replay(
    records: Iterable[DecisionRecord],
    *,
    version: str | None = None,
    on: date | None = None,
    readings: Mapping[str, str] | None = None,
    laws: Mapping[str, Jurisdiction] | None = None,
) -> Iterator[Replay]:
    """Decide stored records again, one :class:`Replay` per record, in order.

    Each record is judged at the time it was judged (``decision.at``), on the request it
    holds, twice: under the law it names (jurisdiction, instrument and every reading, as
    recorded) and under the law replayed against: the version named ``version``, or the
    law in force on ``on``. A record whose law is no longer known is reported with the
    reason, never skipped.

    Args:
        records: The records.
        version: The version to replay against, by name (default: the law in force).
        on: The day whose law is replayed against when no version is named (default:
            today; a datetime is taken in the jurisdiction's time zone).
        readings: Readings to take in the law replayed against (reading id to choice id).
        laws: The jurisdictions to look laws up in, by code (default: those installed).

    Raises:
        LookupError: the law to replay against cannot be found for a record's
            jurisdiction (no such version, no law in force on ``on``, no such reading).
        ValueError: a reading has no such choice.
    """
    found = _Laws(laws, version, on if on is not None else datetime.now(UTC), readings or {})
    for record in records:
        try:
            found.place(record.jurisdiction)
        except LookupError as error:
            problem = f"the law it names is not known: {_plain(error)}"
            yield Replay(record=record, again=None, against=None, problems=(problem,))
            continue
        request, at = record.request, record.decision.at
        named = found.named_law(record)
        yield Replay(
            record=record,
            again=named.evaluate(request, at) if isinstance(named, Version) else None,
            against=found.against_law(record.jurisdiction).evaluate(request, at),
            problems=(named,) if isinstance(named, str) else (),
        )


def _plain(error: BaseException) -> str:
    """An error's message, without the quotes a KeyError or LookupError may add."""
    return str(error).strip("'\"")
