"""What every report shares: the schema version, the period it covers, the lines it could not use.

A report is of a log, over a :class:`Period` (a quarter, a year, or any run of days, in the
jurisdiction's time zone), and lists the lines it could not use as :class:`ProblemRecord`
rows. :data:`SCHEMA_VERSION` is the version of every report's JSON shape.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, tzinfo
from typing import TypeVar

import attrs

from frpolicy.compliance import InputProblem, ViolationKind, check_search
from frpolicy.jurisdictions import Jurisdiction, Version, jurisdiction
from frpolicy.law import Confidence, Source, Verification
from frpolicy.model import Gender, Race, SearchRecord
from frpolicy.policy import Decision, Effect, Outcome
from frpolicy.reports._assumptions import NOT_FOUND, ProvisionSources
from frpolicy.reports._assumptions import library as generator
from frpolicy.reports._charts import BLUE, GREY, MET, PENDING, Series
from frpolicy.reports._document import Chart, Column, Kind, Table

T = TypeVar("T")

__all__ = [
    "AGE_BANDS",
    "SCHEMA_VERSION",
    "Filer",
    "LogTally",
    "NotAllowedRecord",
    "Period",
    "ProblemRecord",
    "age_band",
    "counted",
    "demographic_order",
    "generator",
    "law_of",
    "not_allowed",
    "not_allowed_table",
    "owes",
    "people_chart",
    "problem_records",
]

SCHEMA_VERSION = 1
"""The version of the reports' JSON shape: raised when a field is removed or changes meaning."""


@attrs.frozen(kw_only=True)
class Filer:
    """Who files a report: the agency (its id and name, when one agency files) and a contact.

    An empty ``name`` or ``contact`` is a line the filer fills in on the printed report.
    """

    agency: str | None
    name: str
    contact: str


_AGE_BANDS = ((18, "under 18"), (25, "18-24"), (35, "25-34"), (45, "35-44"), (55, "45-54"))
AGE_BANDS = (*(band for _, band in _AGE_BANDS), "55 and over", "not recorded")
"""The age bands of the reports, youngest first."""


def age_band(age: int | None) -> str:
    """An age as the reports count it, in a band that identifies no one (``25-34``)."""
    if age is None:
        return "not recorded"
    for below, band in _AGE_BANDS:
        if age < below:
            return band
    return "55 and over"


def counted(n: int, noun: str, plural: str = "") -> str:
    """A count and its noun, as a sentence says it: ``1 search``, ``3 searches``.

    ``plural`` is the noun's plural when it is not the noun and an ``s``.
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def demographic_order(
    key: tuple[str, str, Race | None, Gender | None],
) -> tuple[str, int, str]:
    """How the reports order counts of people by agency, age band, race and gender."""
    agency, age, race, gender = key
    return agency, AGE_BANDS.index(age), str((race, gender))


_GENDERS = ((Gender.FEMALE, BLUE), (Gender.MALE, PENDING), (Gender.NONBINARY, MET), (None, GREY))


def people_chart(title: str, people: Iterable[tuple[Race | None, Gender | None, int]]) -> Chart:
    """People counted by race and gender: a bar a race, stacked by gender.

    ``people`` are counts of race and gender (``None``: not recorded), in any order and
    any number of rows for each pair; a race not recorded comes last.
    """
    counts: Counter[tuple[Race | None, Gender | None]] = Counter()
    for race, gender, n in people:
        counts[race, gender] += n
    races = sorted({race for race, _ in counts}, key=lambda r: r.value if r else "~")
    return Chart(
        title=title,
        labels=tuple(race.label if race else "not recorded" for race in races),
        series=tuple(
            Series(
                gender.label if gender else "not recorded",
                color,
                tuple(counts[race, gender] for race in races),
            )
            for gender, color in _GENDERS
        ),
    )


def owes(decision: Decision, duty: str) -> bool:
    """Whether a decision obliges what the duty ``duty`` asks: a report counts what is owed it."""
    return any(obligation.duty == duty for obligation in decision.obligations)


@attrs.frozen(kw_only=True)
class ProblemRecord:
    """A line of an input file that could not be used, and why, field path first."""

    file: str
    line: int
    errors: tuple[str, ...]


_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:-?Q(?P<quarter>[1-4]))?|(?P<start>\d{4}-\d{2}-\d{2})/(?P<end>\d{4}-\d{2}-\d{2})"
)


@attrs.frozen(kw_only=True)
class Period:
    """The days a report covers, both included, in the jurisdiction's own time zone.

    Raises:
        ValueError: ``end`` is before ``start``.
    """

    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = f"end: {self.end.isoformat()} is before start {self.start.isoformat()}"
            raise ValueError(msg)

    @classmethod
    def parse(cls, text: str) -> Period:
        """A period as people write it: a quarter, a year, or two days.

        >>> Period.parse("2024Q3")
        Period(start=datetime.date(2024, 7, 1), end=datetime.date(2024, 9, 30))
        >>> Period.parse("2023-09-01/2024-09-30").label
        '1 September 2023 to 30 September 2024'

        Raises:
            ValueError: the text is none of these.
        """
        found = _PERIOD.fullmatch(text.strip())
        try:
            if found is None:
                raise ValueError  # noqa: TRY301 - one message for every malformed period
            if found["start"]:
                return cls(
                    start=date.fromisoformat(found["start"]), end=date.fromisoformat(found["end"])
                )
            year = int(found["year"])
            if found["quarter"]:
                first = 3 * int(found["quarter"]) - 2
                last = calendar.monthrange(year, first + 2)[1]  # 9999Q4 ends in year 9999
                return cls(start=date(year, first, 1), end=date(year, first + 2, last))
            return cls(start=date(year, 1, 1), end=date(year, 12, 31))
        except ValueError as error:
            detail = f" ({error})" if str(error) else ""
            msg = (
                "expected a quarter (2024Q3), a year (2024) or two days "
                f"(2023-09-01/2024-09-30), got {text!r}{detail}"
            )
            raise ValueError(msg) from None

    @property
    def label(self) -> str:
        """The period in words, such as ``2024 Q3``, ``2024`` or ``1 September 2023 to ...``."""
        year = f"{self.start.year:04}"  # as it is written: 0001Q1
        for candidate in (f"{year}Q{(self.start.month + 2) // 3}", year):
            if Period.parse(candidate) == self:
                return candidate.replace("Q", " Q")
        return f"{_day(self.start)} to {_day(self.end)}"

    @property
    def during(self) -> str:
        """The period as it follows a count, ``in 2024 Q3`` or ``from 1 September 2023 to ...``."""
        label = self.label
        return f"in {label}" if label[0].isdigit() and " to " not in label else f"from {label}"

    def includes(self, moment: datetime, zone: tzinfo) -> bool:
        """Whether a moment falls on one of the period's days, in ``zone``."""
        return self.start <= moment.astimezone(zone).date() <= self.end


def _day(day: date) -> str:
    return f"{day.day} {day:%B} {day.year:04}"  # year 1 is 0001, as a period is written


def problem_records(
    file: str, problems: Iterable[InputProblem], *more: Iterable[InputProblem]
) -> list[ProblemRecord]:
    """The problems of one input file, in the order of its lines, as report rows."""
    merged = sorted((p for group in (problems, *more) for p in group), key=lambda p: p.line)
    return [ProblemRecord(file=file, line=p.line, errors=p.errors) for p in merged]


def law_of(code: str, law: Jurisdiction | None) -> Jurisdiction:
    """The law a report of ``code`` applies: ``law``, or the registered jurisdiction.

    Raises:
        ValueError: ``law`` is another jurisdiction's.
        LookupError: no jurisdiction of ``code`` is installed.
    """
    if law is None:
        return jurisdiction(code)
    if law.code != code:
        msg = f"law: a report of {code} applies {code}'s law, not {law.code}'s"
        raise ValueError(msg)
    return law


@attrs.frozen(kw_only=True)
class NotAllowedRecord:
    """A request of the period the law does not allow, and why: a row an agency must explain.

    ``outcome`` is not permitted or forbidden; ``provisions`` are the rules that decided
    (for a request not permitted, every permission that failed), with their ``citations``;
    ``missing`` says, for each, what the request lacked. ``verification`` and
    ``confidence`` are those of the first provision. ``performed_at`` is ``None`` for a
    request never performed.
    """

    line: int
    request_id: str
    submitted_at: datetime
    performed_at: datetime | None
    agency: str
    searcher: str
    outcome: Outcome
    provisions: tuple[str, ...]
    citations: tuple[str, ...]
    missing: str
    version: str
    verification: Verification
    confidence: Confidence


_SOURCES: dict[int, tuple[Version, ProvisionSources]] = {}
"""How sure the provisions of each version read are, by the version's identity (kept alive)."""


def _sources(version: Version) -> ProvisionSources:
    found = _SOURCES.get(id(version))
    if found is None or found[0] is not version:
        if len(_SOURCES) > 64:  # noqa: PLR2004 - a few versions a run; bounded all the same
            _SOURCES.clear()
        found = _SOURCES[id(version)] = (version, ProvisionSources((version,)))
    return found[1]


def not_allowed(line: int, record: SearchRecord, version: Version) -> NotAllowedRecord:
    """A request the law does not allow, as a report lists it: what decided, and why.

    Each is said as the audit says an unauthorized search: the permissions that failed, the
    closest first, each with what it lacked in a few words (or the prohibitions that
    forbade it). How sure the first provision is counts the readings it rests on, as the
    audit's do.
    """
    request = record.request
    decision = version.evaluate(request)
    determining = decision.determining
    provisions = tuple(dict.fromkeys(r.rule for r in determining))
    # a failed permission lacked what failed; a prohibition applied for what held
    missing = "; ".join(
        f"{r.rule}: "
        + ", ".join(str(c) for c in r.conditions if not c.held or r.effect is Effect.FORBID)
        for r in determining
    ) or "; ".join(decision.errors)
    performed = request.performed_at
    # said as the audit says a search performed; a request never run is judged at its
    # submission, so one run then is judged the same, and is said the same way
    when = performed or request.submitted_at
    searched = (
        record
        if performed
        else attrs.evolve(record, request=attrs.evolve(request, performed_at=when))
    )
    found = check_search(searched, (), version, when, line=line)
    if found.decision.outcome is decision.outcome:
        for v in found.violations:
            if v.kind is ViolationKind.UNAUTHORIZED_SEARCH:
                provisions, missing = v.provisions, v.missing
    first = _sources(version).of(version.instrument.id, provisions[0]) if provisions else NOT_FOUND
    zone = version.policy.calendar.zone
    return NotAllowedRecord(
        line=line,
        request_id=request.id,
        submitted_at=request.submitted_at.astimezone(zone),
        performed_at=performed.astimezone(zone) if performed is not None else None,
        agency=request.requesting_agency.id,
        searcher=request.performing_agency.id,
        outcome=decision.outcome,
        provisions=provisions,
        citations=tuple(dict.fromkeys(str(r.citation) for r in determining)),
        missing=missing,
        version=version.instrument.id,
        verification=first.verification,
        confidence=first.confidence,
    )


def not_allowed_table(
    rows: Sequence[NotAllowedRecord],
    *,
    total: int,
    about: str,
    name: str = "not-allowed",
    title: str = "Requests the law does not allow",
) -> Table:
    """The table of requests the law does not allow, each with why."""
    return Table(
        name=name,
        title=title,
        about=about,
        columns=(
            Column("line", "line", Kind.COUNT),
            Column("request_id", "request", Kind.ID),
            Column("submitted_at", "submitted", Kind.WHEN),
            Column("performed_at", "searched", Kind.WHEN),
            Column("agency", "agency", Kind.ID),
            Column("searcher", "searched by", Kind.ID),
            Column("outcome", "outcome"),
            Column("provisions", "provisions", Kind.LIST, terminal=False),
            Column("citations", "citations", Kind.LIST, terminal=False, page=False),
            Column("version", "judged under", terminal=False, page=False),
            Column("source", "how sure", Kind.SOURCE),
            Column("missing", "what was missing", under_row=True, terminal=False),
        ),
        rows=tuple(
            (
                x.line,
                x.request_id,
                x.submitted_at,
                x.performed_at,
                x.agency,
                x.searcher,
                x.outcome,
                x.provisions,
                x.citations,
                x.version,
                Source(verification=x.verification, confidence=x.confidence),
                x.missing,
            )
            for x in rows
        ),
        total=total,
        noun="requests",
    )


@attrs.define
class LogTally:
    """What every report of a log counts of its lines: read, blank, malformed, repeated ids.

    With a ``limit``, at most so many records of a listing are kept (the rest are counted);
    with a ``problem_limit`` (default: ``limit``), so many input problems and repeated ids.
    """

    limit: int | None
    problem_limit: int | None = None
    lines_read: int = 0
    blank: int = 0
    problems: list[InputProblem] = attrs.Factory(list)
    problem_count: int = 0
    first_lines: dict[str, int] = attrs.Factory(dict)
    duplicates: list[InputProblem] = attrs.Factory(list)
    duplicate_count: int = 0

    def keep(self, items: list[T], item: T) -> None:
        """Keep an item of a listing, unless the listing is full."""
        if self.limit is None or len(items) < self.limit:
            items.append(item)

    def _keep_problem(self, items: list[InputProblem], item: InputProblem) -> None:
        limit = self.limit if self.problem_limit is None else self.problem_limit
        if limit is None or len(items) < limit:
            items.append(item)

    def problem(self, problem: InputProblem) -> None:
        """Count a line that could not be used."""
        self.problem_count += 1
        self._keep_problem(self.problems, problem)

    def note_id(self, request_id: str, line: int) -> None:
        """Note a request's id: one an earlier line had is an input problem naming both."""
        first = self.first_lines.setdefault(request_id, line)
        if first != line:
            self.duplicate_count += 1
            message = f"$.request.id: {request_id!r} is also the id of line {first}"
            self._keep_problem(self.duplicates, InputProblem(line=line, errors=(message,)))

    def records(self, file: str) -> tuple[ProblemRecord, ...]:
        """The input problems kept, repeated ids among them, in the order of the lines."""
        return tuple(problem_records(file, self.problems, self.duplicates))

    @property
    def not_listed(self) -> int:
        """How many input problems were counted but not kept."""
        return (self.problem_count - len(self.problems)) + (
            self.duplicate_count - len(self.duplicates)
        )
