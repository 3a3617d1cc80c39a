r"""What a report assumes: the library and law that made it, the readings in force, the inputs.

A finding is only as good as what it rests on. Every report carries an
:class:`Assumptions` value, which every format shows and the JSON keeps under the key
``assumptions`` (with its own ``schema_version``, :data:`ASSUMPTIONS_VERSION`):

- the library that made it, and for each jurisdiction the instruments applied and the
  package that registers them (:class:`LawApplied`);
- each reading of the law in force (:class:`ReadingInForce`): the question, the choice,
  how sure that choice is, and whether it is the reading the jurisdiction module adopts
  or one asked for (on the command line, ``--reading``);
- each input file read (:class:`InputFile`): its name, its lines and its SHA-256, so the
  report can be checked against the very bytes it read (``sha256sum`` gives the same);
- the time obligations were checked at, and where that time came from.

:class:`HashingReader` hashes a file as it is read, so a log streamed once (from standard
input too) is hashed without being read twice.

>>> import io
>>> reader = HashingReader(io.BytesIO(b'{"a": 1}\n'))
>>> reader.readline()
b'{"a": 1}\n'
>>> reader.input_file("log", "a.jsonl", lines=1).sha256[:16]
'e8c628edc9968ef0'
"""

from __future__ import annotations

import enum
import functools
import hashlib
import typing
from collections.abc import Iterable, Mapping
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

import attrs

from frpolicy import _jsonl
from frpolicy.jurisdictions import ENTRY_POINT_GROUP, Version
from frpolicy.law import Confidence, Reading, Source, Verification

__all__ = [
    "ASSUMPTIONS_VERSION",
    "NOT_FOUND",
    "Assumptions",
    "ChoiceOrigin",
    "HashingReader",
    "InputFile",
    "LawApplied",
    "ProvisionSources",
    "ReadingInForce",
    "assumptions",
    "library",
    "readings_in_force",
]

ASSUMPTIONS_VERSION = 1
"""The version of the assumptions' JSON shape, raised when a field is removed or changes meaning."""


@attrs.frozen(kw_only=True)
class InputFile:
    """A file a report read: its role, its name as given, its lines, bytes and SHA-256.

    ``lines`` are counted as frpolicy reads them (a line ends at a line feed; a last line
    without one counts; a byte order mark alone is no line); ``sha256`` is the hash of
    every byte, as ``sha256sum`` prints it.
    """

    role: str
    name: str
    lines: int
    bytes: int
    sha256: str

    @classmethod
    def of(cls, path: str | Path, role: str = "log") -> InputFile:
        """A file read whole, to hash it and count its lines.

        Raises:
            OSError: the file cannot be read.
        """
        with Path(path).open("rb") as handle:
            reader = HashingReader(handle)
            # the reader reads as the file does: counted as frpolicy reads lines
            lines = sum(1 for _ in _jsonl.lines(typing.cast("BinaryIO", reader)))
        return reader.input_file(role, str(path), lines=lines)


class HashingReader:
    """A binary file read through, line by line or in blocks, hashing every byte read.

    It reads forward only (``seekable()`` is false), so the hash is of the file as read,
    from where it stood: standard input included.
    """

    def __init__(self, handle: BinaryIO) -> None:
        """Read ``handle`` through this reader."""
        self._handle = handle
        self._hash = hashlib.sha256()
        self._bytes = 0

    def readline(self, size: int = -1) -> bytes:
        """A line, at most ``size`` bytes, as the file's own ``readline``."""
        data = self._handle.readline(size)
        self._note(data)
        return data

    def read(self, size: int = -1) -> bytes:
        """At most ``size`` bytes (all that is left: ``-1``)."""
        data = self._handle.read(size)
        self._note(data)
        return data

    def seekable(self) -> bool:
        """Never: what is hashed is what was read, in order."""
        return False

    def _note(self, data: bytes) -> None:
        self._hash.update(data)
        self._bytes += len(data)

    def drain(self) -> None:
        """Read what is left, so the hash is of the whole file."""
        while self.read(2**20):
            pass

    def input_file(self, role: str, name: str, *, lines: int) -> InputFile:
        """What was read so far, as a report names it."""
        return InputFile(
            role=role, name=name, lines=lines, bytes=self._bytes, sha256=self._hash.hexdigest()
        )


@attrs.frozen(kw_only=True)
class LawApplied:
    """An instrument a report applied, and the package (name and version) that encodes it."""

    jurisdiction: str
    instrument: str
    status: str
    package: str


class ChoiceOrigin(enum.Enum):
    """Whose choice a reading in force is."""

    ADOPTED = "adopted"
    """The jurisdiction module's: the reading it adopts, not asked otherwise."""
    ASKED = "asked"
    """Asked for when the report was made (on the command line, ``--reading``)."""


@attrs.frozen(kw_only=True)
class ReadingInForce:
    """A reading of the law a report was made under: the question, the choice, how sure.

    ``adopted`` says whether the choice is the one the jurisdiction module adopts;
    ``origin`` whether it was asked for. ``verification`` and ``confidence`` are those of
    the adopted reading's source: how sure anyone can be of the choice the module makes
    (a choice not adopted is, if anything, less sure). ``instruments`` are those applied
    that rest on it.
    """

    jurisdiction: str
    instruments: tuple[str, ...]
    reading: str
    question: str
    choice: str
    choice_text: str
    adopted: bool
    origin: ChoiceOrigin
    verification: Verification
    confidence: Confidence
    citation: str | None
    reference: str

    @property
    def label(self) -> str:
        """``quarterly-report-due=same-quarter``: the reading as ``--reading`` takes it."""
        return f"{self.reading}={self.choice}"


@attrs.frozen(kw_only=True)
class Assumptions:
    """What a report rests on: library, law, readings, inputs and the time it checked at.

    ``as_of`` is the time obligations were checked at (``None`` for a report of what
    happened in a period, which checks no obligation), and ``as_of_source`` where it came
    from.
    """

    schema_version: int = ASSUMPTIONS_VERSION
    library: str
    laws: tuple[LawApplied, ...]
    readings: tuple[ReadingInForce, ...]
    inputs: tuple[InputFile, ...]
    as_of: datetime | None
    as_of_source: str

    @property
    def not_adopted(self) -> tuple[ReadingInForce, ...]:
        """The readings in force that are not those the jurisdiction modules adopt."""
        return tuple(r for r in self.readings if not r.adopted)

    @classmethod
    def of(  # noqa: PLR0913 - what a report rests on, each named
        cls,
        versions: Iterable[Version],
        *,
        inputs: Iterable[InputFile] = (),
        asked: Mapping[str, str] | None = None,
        as_of: datetime | None = None,
        as_of_source: str = "",
        extra: Iterable[tuple[str, str, Reading]] = (),
    ) -> Assumptions:
        """The assumptions of a report this frpolicy makes under ``versions``.

        Args:
            versions: The versions applied, each once, with their readings in force.
            inputs: The files read.
            asked: The reading choices asked for (reading id to choice id); the others are
                as adopted.
            as_of: The time obligations were checked at, if any were.
            as_of_source: Where that time came from.
            extra: Readings of the report itself, as (jurisdiction, report, reading).
        """
        return assumptions(
            versions,
            library=library(),
            inputs=inputs,
            asked=asked or {},
            as_of=as_of,
            as_of_source=as_of_source,
            extra=extra,
        )


def library() -> str:
    """Frpolicy and its version, as a report names what made it."""
    try:
        return f"frpolicy {metadata.version('frpolicy')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "frpolicy"


@functools.cache
def _package(code: str) -> str:
    """The distribution (name and version) that registers a jurisdiction's code."""
    from importlib.metadata import entry_points  # noqa: PLC0415 - costly, read when first asked

    for entry in entry_points(group=ENTRY_POINT_GROUP, name=code):
        if entry.dist is not None:
            return f"{entry.dist.name} {entry.dist.version}"
    return "not an installed package"


def readings_in_force(
    versions: Iterable[Version],
    asked: Mapping[str, str] = {},
    *,
    extra: Iterable[tuple[str, str, Reading]] = (),
) -> tuple[ReadingInForce, ...]:
    """The readings the versions rest on, one row a reading, with the instruments resting on it.

    Args:
        versions: The versions applied.
        asked: The choices asked for (reading id to choice id); the others are as adopted.
        extra: Readings of something else than a version (a report's own), as
            (jurisdiction, what rests on it, reading).
    """
    found: dict[tuple[str, str], tuple[list[str], Reading]] = {}
    for version in versions:
        for reading in version.readings:
            key = (version.policy.jurisdiction, reading.id)
            found.setdefault(key, ([], reading))[0].append(version.instrument.id)
    for code, what, reading in extra:
        found.setdefault((code, reading.id), ([], reading))[0].append(what)
    rows = []
    for (code, _), (instruments, r) in found.items():
        rows.append(
            ReadingInForce(
                jurisdiction=code,
                instruments=tuple(dict.fromkeys(instruments)),
                reading=r.id,
                question=r.question,
                choice=r.chosen,
                choice_text=r.choice.text,
                adopted=r.adopted,
                origin=ChoiceOrigin.ASKED if r.id in asked else ChoiceOrigin.ADOPTED,
                verification=r.source.verification,
                confidence=r.source.confidence,
                citation=str(r.citation) if r.citation is not None else None,
                reference=r.source.reference,
            )
        )
    return tuple(sorted(rows, key=lambda r: (r.jurisdiction, r.reading)))


def assumptions(  # noqa: PLR0913 - what a report rests on, each named
    versions: Iterable[Version],
    *,
    library: str,
    inputs: Iterable[InputFile] = (),
    asked: Mapping[str, str] = {},
    as_of: datetime | None = None,
    as_of_source: str = "",
    extra: Iterable[tuple[str, str, Reading]] = (),
) -> Assumptions:
    """The assumptions of a report made under ``versions`` (each applied to some record).

    Args:
        versions: The versions applied, each once.
        library: The library that made the report, with its version.
        inputs: The files read.
        asked: The reading choices asked for (reading id to choice id).
        as_of: The time obligations were checked at, if any were.
        as_of_source: Where that time came from.
        extra: Readings of the report itself, as (jurisdiction, report, reading).
    """
    versions = list(versions)
    return Assumptions(
        library=library,
        laws=tuple(
            LawApplied(
                jurisdiction=v.policy.jurisdiction,
                instrument=v.instrument.id,
                status=v.instrument.status.value,
                package=_package(v.policy.jurisdiction),
            )
            for v in versions
        ),
        readings=readings_in_force(versions, asked, extra=extra),
        inputs=tuple(inputs),
        as_of=as_of,
        as_of_source=as_of_source,
    )


_LEAST_SURE = {v: i for i, v in enumerate(Verification)}
_LEAST_CONFIDENT = {c: i for i, c in enumerate(Confidence)}
NOT_FOUND = Source(
    verification=Verification.UNVERIFIED,
    confidence=Confidence.LOW,
    reference="not a provision of the law applied",
)
"""The source of a provision a report names but the law applied does not hold: unchecked."""


class ProvisionSources:
    """How sure each rule and duty of the versions applied is, by instrument and by id.

    A rule or duty is no surer than the least sure of its own source and the sources of
    the readings of the text it rests on (those whose other choice would change it): a
    late quarterly report in Massachusetts rests on a reading of the due date as much as
    on the duty to report.
    """

    def __init__(self, versions: Iterable[Version]) -> None:
        """Index the rules and duties of ``versions``."""
        self._by: dict[tuple[str, str], Source] = {}
        self._least: dict[str, Source] = {}
        for version in versions:
            policy = version.policy
            found = [(r.id, r.source) for r in policy.rules]
            found += [(d.id, d.source) for d in policy.duties]
            for reading in version.readings:
                resting = set(policy.resting_on(reading.id))
                found = [
                    (i, reading.source if i in resting and _rank(reading.source) > _rank(s) else s)
                    for i, s in found
                ]
            for item, source in found:
                self._by[version.instrument.id, item] = source
                known = self._least.get(item)
                if known is None or _rank(source) > _rank(known):
                    self._least[item] = source

    def of(self, instrument: str, provision: str) -> Source:
        """The source of a provision of one instrument (unchecked, if it has none)."""
        return self._by.get((instrument, provision), NOT_FOUND)

    def least_sure(self, provision: str) -> Source:
        """The least sure source of a provision among the instruments applied that hold it."""
        return self._least.get(provision, NOT_FOUND)


def _rank(source: Source) -> tuple[int, int]:
    return _LEAST_SURE[source.verification], _LEAST_CONFIDENT[source.confidence]
