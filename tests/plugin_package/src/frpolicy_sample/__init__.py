"""Sampleland: a made-up jurisdiction, installed as a separate package to test plug-ins.

Nothing here is law. It shows the smallest complete jurisdiction a third party can ship:
its own leaf, frpolicy's model, one permission, one prohibition, one duty and one
invariant, registered under the ``frpolicy.jurisdictions`` entry-point group.
"""

from __future__ import annotations

from datetime import date

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

__all__ = ["SAMPLELAND"]

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
