"""Sampleland: a made-up jurisdiction, installed as a separate package to test plug-ins.

Nothing here is law. It shows the smallest complete jurisdiction a third party can ship:
its own leaf, frpolicy's model, one permission, one prohibition, one duty and one
invariant, registered under the ``frpolicy.jurisdictions`` entry-point group; and the
smallest report its law could require, registered under ``frpolicy.reports``: the searches
each agency performed in a period.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date

import attrs

from frpolicy import (
    AgencyKind,
    Calendar,
    Citation,
    Confidence,
    Deadline,
    Duty,
    Effect,
    EventKind,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Invariant,
    Jurisdiction,
    Policy,
    Rule,
    Source,
    Unit,
    Verification,
    Version,
    leaf,
)
from frpolicy.compliance import Entry
from frpolicy.model import SearchRecord
from frpolicy.reports import (
    Assumptions,
    Column,
    Document,
    Kind,
    Period,
    ReportTerms,
    StatutoryReport,
    Table,
)

__all__ = ["SAMPLELAND", "SEARCHES", "AgencySearches", "SampleReport"]

_ACT = Instrument(
    id="Sample Act 1",
    title="The Sampleland Face Search Act (fictional)",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2022, 1, 1),
)
_SOURCE = Source(verification=Verification.TEXT, confidence=Confidence.HIGH, reference="fictional")

POLICE = leaf(
    "police_request",
    "the search is requested by police",
    "r.requesting_agency.kind in POLICE_KINDS",
    POLICE_KINDS=frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE}),
)
WARRANT = leaf(
    "any_warrant",
    "a warrant authorizes the search",
    "r.warrant is not None and r.warrant.authorizes_facial_recognition",
)
LIVE = leaf("live", "the probe is live video", "r.probe.kind is MediaKind.LIVE_VIDEO")

SAMPLELAND = Jurisdiction(
    code="XX-SAMPLE",
    name="Sampleland (fictional)",
    versions=(
        Version(
            policy=Policy(
                jurisdiction="XX-SAMPLE",
                instrument=_ACT,
                calendar=Calendar(timezone="UTC", country="US"),
                scope=POLICE,
                rules=(
                    Rule(
                        id="SL-WARRANT",
                        effect=Effect.PERMIT,
                        when=WARRANT,
                        citation=Citation(instrument=_ACT.id, section="s. 2"),
                        paraphrase="Police may search under a warrant.",
                        source=_SOURCE,
                    ),
                    Rule(
                        id="SL-NO-LIVE",
                        effect=Effect.FORBID,
                        when=LIVE,
                        citation=Citation(instrument=_ACT.id, section="s. 3"),
                        paraphrase="No search of live video.",
                        source=_SOURCE,
                    ),
                ),
                duties=(
                    Duty(
                        id="SL-LOG",
                        when=WARRANT,
                        citation=Citation(instrument=_ACT.id, section="s. 4"),
                        paraphrase="Each search is logged within three business days.",
                        source=_SOURCE,
                        action="log the search",
                        party="police",
                        deadline=Deadline(
                            anchor=EventKind.SEARCH_PERFORMED, amount=3, unit=Unit.BUSINESS_DAYS
                        ),
                        fulfilled_by=EventKind.SEARCH_DOCUMENTED,
                    ),
                ),
            ),
            invariants=(
                Invariant(
                    id="warrant",
                    statement="A permitted search has a warrant.",
                    holds=WARRANT,
                ),
            ),
            summary="A fictional statute for tests.",
        ),
    ),
)
"""The made-up jurisdiction, as its entry point names it."""


@attrs.frozen(kw_only=True)
class AgencySearches:
    """The searches one agency performed."""

    agency: str
    searches: int


@attrs.frozen(kw_only=True)
class SampleReport:
    """The searches each agency performed in a period (fictional)."""

    period: Period
    lines_read: int
    searches: tuple[AgencySearches, ...]
    assumptions: Assumptions

    def document(self) -> Document:
        """The report laid out for people."""
        total = sum(x.searches for x in self.searches)
        return Document(
            title=f"Sampleland searches, {self.period.label}",
            facts=("A fictional report of a fictional law.",),
            headline=(("searches", total),),
            findings=f"{total} searches in {self.lines_read} lines.",
            tables=(
                Table(
                    name="searches",
                    title="Searches by agency",
                    columns=(
                        Column("agency", "agency", Kind.ID),
                        Column("searches", "searches", Kind.COUNT),
                    ),
                    rows=tuple((x.agency, x.searches) for x in self.searches),
                ),
            ),
            footer="Not law.",
            assumptions=self.assumptions,
        )


def _searches(entries: Iterable[tuple[int, Entry]], terms: ReportTerms) -> SampleReport:
    law = terms.place("XX-SAMPLE")
    counts: Counter[str] = Counter()
    lines = 0
    for _, entry in entries:
        lines += 1
        if not isinstance(entry, SearchRecord):
            continue
        performed = entry.request.performed_at
        if performed is not None and terms.period.includes(performed, UTC):
            counts[entry.request.requesting_agency.id] += 1
    return SampleReport(
        period=terms.period,
        lines_read=lines,
        searches=tuple(AgencySearches(agency=a, searches=n) for a, n in sorted(counts.items())),
        assumptions=Assumptions.of(law.versions, inputs=terms.inputs, asked=terms.asked),
    )


SEARCHES = StatutoryReport(
    jurisdiction="XX-SAMPLE",
    name="searches",
    title="Searches by agency (fictional)",
    citation=Citation(instrument=_ACT.id, section="s. 5"),
    source=_SOURCE,
    who="each police agency",
    recipient="the Sampleland registrar",
    due="by March 1 each year",
    period="the prior calendar year",
    report_type=SampleReport,
    tables=("searches", "assumptions"),
    make=_searches,
)
"""The made-up law's report, as its entry point names it."""
