"""What every report shares: the schema version, the period it covers, the lines it could not use.

A report is of a log, over a :class:`Period` (a quarter, a year, or any run of days, in the
jurisdiction's time zone), and lists the lines it could not use as :class:`ProblemRecord`
rows. :data:`SCHEMA_VERSION` is the version of every report's JSON shape.

A statutory report reads its log through a :class:`LogTally`, which accounts for every
line (read, blank, malformed, a repeated id) and hands each record to the report's own
sorting; what the law asks of the report is the report module's. What every report lays
out alike is here too: the law it was judged under (:func:`judged_under`), its own readings
in force (:func:`reading_in_force`, :func:`report_assumptions`), who files it
(:func:`filed_by`), and its tables of totals, of people and of input problems.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from frpolicy.compliance import (
    LAW_IN_FORCE,
    Entry,
    InputProblem,
    ViolationKind,
    _SeenIds,
    check_search,
)
from frpolicy.jurisdictions import Jurisdiction, Version, jurisdiction
from frpolicy.law import Confidence, Reading, Source, Verification
from frpolicy.model import Gender, Race, SearchRecord
from frpolicy.policy import Decision, Effect, Outcome
from frpolicy.reports._assumptions import NOT_FOUND, Assumptions, ProvisionSources, assumptions
from frpolicy.reports._assumptions import library as generator
from frpolicy.reports._charts import BLUE, GREY, MET, PENDING, Series
from frpolicy.reports._document import COUNT_COLUMNS, Chart, Column, Kind, Table, count_rows

if TYPE_CHECKING:
    from frpolicy.reports._registry import ReportTerms

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
    "filed_by",
    "generator",
    "judged_under",
    "law_of",
    "made_by",
    "not_allowed",
    "not_allowed_table",
    "owes",
    "people_chart",
    "people_table",
    "problem_records",
    "problems_table",
    "reading_in_force",
    "report_assumptions",
    "totals_table",
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


def filed_by(filer: Filer) -> str:
    """Who files a report, as its block of who files it says: ``Name (ID)``, the id, or ``""``.

    Nothing (``""``) is a line the filer fills in.
    """
    return f"{filer.name} ({filer.agency})" if filer.name else filer.agency or ""


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


def people_table(  # noqa: PLR0913 - a table's name, words and rows, each named
    *,
    name: str,
    title: str,
    about: str,
    noun: str,
    chart: str,
    rows: Iterable[tuple[str, str, Race | None, Gender | None, int]],
) -> Table:
    """People counted by agency, age band, race and gender, with a chart by race and gender.

    ``rows`` are (agency, age band, race, gender, count), in the report's order; ``noun``
    names the count's column (``individuals``), ``chart`` titles the chart.
    """
    rows = tuple(rows)
    return Table(
        name=name,
        title=title,
        about=about,
        columns=(
            Column("agency", "agency", Kind.ID),
            Column("age", "age"),
            Column("race", "race"),
            Column("gender", "gender"),
            Column(noun, noun, Kind.COUNT),
        ),
        rows=tuple(
            (agency, age, race or "not recorded", gender or "not recorded", n)
            for agency, age, race, gender, n in rows
        ),
        chart=people_chart(chart, ((race, gender, n) for _, _, race, gender, n in rows)),
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
    A report subclasses it with its own counts, and :meth:`read` hands it each record.

    Raises:
        ValueError: ``limit`` is negative.
    """

    limit: int | None
    problem_limit: int | None = None
    lines_read: int = 0
    blank: int = 0
    problems: list[InputProblem] = attrs.Factory(list)
    problem_count: int = 0
    # the first line of each id, on disk past a few thousand: memory stays flat on any log
    first_lines: _SeenIds = attrs.field(factory=_SeenIds, eq=False, repr=False)
    duplicates: list[InputProblem] = attrs.Factory(list)
    duplicate_count: int = 0

    def __attrs_post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            msg = f"limit: must not be negative, got {self.limit}"
            raise ValueError(msg)

    def read(
        self, entries: Iterable[tuple[int, Entry]], take: Callable[[int, SearchRecord], None]
    ) -> None:
        """Account for each line of a log, and hand each record, with its line, to ``take``.

        A blank line and a line that could not be used are counted; a record's id is noted
        (one an earlier line had is an input problem) before ``take`` sorts the record.
        """
        for number, entry in entries:
            self.lines_read += 1
            if entry is None:
                self.blank += 1
            elif isinstance(entry, InputProblem):
                self.problem(entry)
            else:
                self.note_id(entry.request.id, number)
                take(number, entry)

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
        first = self.first_lines.first(request_id, line)
        if first is not None and first != line:
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


def judged_under(version: str, noun: str) -> str:
    """The law a report judged its records under, in words: a version, or the law in force.

    ``version`` is the report's (:data:`~frpolicy.compliance.LAW_IN_FORCE` when none was
    chosen); ``noun`` is what the report counts (``use``): each is judged under the law in
    force on its own day.
    """
    return f"the law in force on each {noun}'s day" if version == LAW_IN_FORCE else version


def reading_in_force(a: Assumptions, reading: Reading) -> str:
    """A report's own reading as its facts say it, after a "by": its choice, then what it means.

    ``the reading me-log-entries=requests-received in force, every request the Bureau
    receives, ...``: the choice's text follows, its first letter in lower case.
    """
    found = next(x for x in a.readings if x.reading == reading.id)
    text = found.choice_text
    return f"the reading {found.label} in force, {text[0].lower()}{text[1:]}"


def report_assumptions(
    versions: Iterable[Version],
    terms: ReportTerms,
    *,
    report: str,
    readings: Iterable[Reading] = (),
    counted: str,
) -> Assumptions:
    """What a statutory report of a log rests on: the law applied, its readings, the inputs.

    ``versions`` are those applied to some record; ``report`` is the report's code
    (``US-VA:annual-report``) and ``readings`` its own readings in force. ``counted`` says
    what the report counts (``the report counts the uses of its year``): why it checks no
    obligation at a time, as an audit does.
    """
    code = report.partition(":")[0]
    return assumptions(
        versions,
        library=generator(),
        inputs=terms.inputs,
        asked=terms.asked,
        as_of_source=f"not used: {counted}",
        extra=tuple((code, report, reading) for reading in readings),
    )


def made_by(library: str, schema_version: int) -> str:
    """The line that ends a report: the library that made it, and the version of its JSON."""
    return f"Made by {library} (report schema {schema_version})."


def totals_table(totals: Any, *, about: str) -> Table:  # noqa: ANN401 - any attrs class of counts
    """The table of a report's totals, a row a count; ``about`` says how every line is counted."""
    return Table(
        name="totals",
        title="Totals",
        about=about,
        columns=COUNT_COLUMNS,
        rows=count_rows(totals),
    )


def problems_table(problems: Sequence[ProblemRecord], not_listed: int) -> Table:
    """The table of the lines a report could not use, each with why; ``not_listed`` were cut."""
    return Table(
        name="problems",
        title="Input problems",
        columns=(
            Column("file", "file"),
            Column("line", "line", Kind.COUNT),
            Column("errors", "problem", Kind.LIST),
        ),
        rows=tuple((p.file, p.line, p.errors) for p in problems),
        total=len(problems) + not_listed,
        noun="input problems",
    )
