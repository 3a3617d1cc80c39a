"""How an audit's counts move under the other readings of the law, from one pass over the log.

Where the text of a law admits more than one reading, a finding may rest on the choice:
Massachusetts law gives no date by which a request must be in a quarterly report, and an
audit counts late reports by the reading in force. :class:`ReadingsAudit` audits a log
under the readings in force and, in the same pass (each line read and parsed once), under
each other choice of each reading of the law that could judge it, one reading changed at
a time. :func:`sensitivity` then says, for each headline count and each provision, the
range the counts span and under which choice each end is reached; a reading none of whose
other choices changes any count is named as changing nothing in this log.

The cost is one more evaluation of every record for each other choice: reading and
parsing the log, usually most of an audit's time, is shared (see the audit how-to for
figures).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

from frpolicy.compliance import AuditPart, AuditResult, Entry, LogAudit
from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.law import InstrumentStatus
from frpolicy.model import CaseRecord

__all__ = [
    "ADOPTED_READINGS",
    "READINGS_IN_FORCE",
    "OtherReading",
    "ReadingsAudit",
    "other_choices",
]

READINGS_IN_FORCE = "the readings in force"
"""How a range names the audit under the readings in force, at one of its ends."""
ADOPTED_READINGS = "the adopted readings"
"""As :data:`READINGS_IN_FORCE`, when those are the readings the jurisdiction adopts."""


@attrs.frozen(kw_only=True)
class OtherReading:
    """The audit of a log under one other choice of one reading, the others as in force."""

    reading: str
    choice: str
    result: AuditResult

    @property
    def label(self) -> str:
        """``quarterly-report-due=same-quarter``: the choice as ``--reading`` takes it."""
        return f"{self.reading}={self.choice}"


def other_choices(law: Jurisdiction, version: Version | None = None) -> list[tuple[str, str]]:
    """Each other choice of each reading of the law that could judge a record.

    That is the readings of ``version``, when every record is judged under it; otherwise
    those of every version that can be in force on some day (a bill never is).
    """
    if version is not None:
        versions: Iterable[Version] = (version,)
    else:
        versions = (v for v in law.versions if v.instrument.status is not InstrumentStatus.PROPOSED)
    found: dict[tuple[str, str], None] = {}
    for v in versions:
        for reading in v.readings:
            for choice in reading.choices:
                if choice.id != reading.chosen:
                    found[reading.id, choice.id] = None
    return list(found)


@attrs.define(init=False)
class ReadingsAudit:
    """The audit of a log under the readings in force and under other choices, in one pass.

    Each line is read once and given to every audit; each other choice is audited under
    the jurisdiction with that one reading changed (and ``version``, if given, so read).

    Raises:
        ValueError: as :class:`~frpolicy.compliance.LogAudit`; or a choice is not one of
            the reading's.
        LookupError: no version of the law has one of the readings.
    """

    main: LogAudit
    others: list[tuple[str, str, LogAudit]]

    def __init__(  # noqa: PLR0913 - the parts of an audit, each named
        self,
        law: Jurisdiction,
        *,
        choices: Sequence[tuple[str, str]] = (),
        as_of: datetime | None = None,
        cases: Iterable[CaseRecord] = (),
        version: Version | None = None,
        compare: Version | None = None,
        limit: int | None = None,
        problem_limit: int | None = None,
    ) -> None:
        """Start the audits; ``choices`` are the (reading, choice) pairs to audit under too."""
        cases = tuple(cases)
        main = LogAudit(
            law,
            as_of=as_of,
            cases=cases,
            version=version,
            compare=compare,
            limit=limit,
            problem_limit=problem_limit,
        )
        others = []
        for reading, choice in choices:
            other = law.with_readings({reading: choice})
            judged = other.version(version.instrument.id) if version is not None else None
            # the other audits list nothing: only their counts are reported
            audit = LogAudit(other, as_of=as_of, cases=cases, version=judged, limit=0)
            others.append((reading, choice, audit))
        self.__attrs_init__(main=main, others=others)

    def read(self, entries: Iterable[tuple[int, Entry]]) -> None:
        """Audit numbered lines of the log, in order, under every reading at once."""
        if not self.others:
            self.main.read(entries)
            return
        audits = [self.main, *(audit for _, _, audit in self.others)]
        for item in entries:
            one = (item,)
            for audit in audits:
                audit.read(one)

    def part(self) -> tuple[AuditPart, ...]:
        """What each audit found so far, the one under the readings in force first."""
        return (self.main.part(), *(audit.part() for _, _, audit in self.others))

    def join(self, parts: Sequence[AuditPart]) -> None:
        """Add the audits of the part of the log that follows the lines read so far."""
        audits = [self.main, *(audit for _, _, audit in self.others)]
        for audit, part in zip(audits, parts, strict=True):
            audit.join(part)

    def result(self) -> tuple[AuditResult, tuple[OtherReading, ...]]:
        """End the audits: the one under the readings in force, and one per other choice."""
        return self.main.result(), tuple(
            OtherReading(reading=reading, choice=choice, result=audit.result())
            for reading, choice, audit in self.others
        )
