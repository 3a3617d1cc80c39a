"""The settlement of *Williams v. City of Detroit* (2024), and the Directive it revised.

A settlement, not a statute: Robert Williams sued the City after the Detroit Police
Department arrested him in 2020 on a false facial recognition match (a still from a store's
camera, run by the Michigan State Police for the Department, then a photo lineup shown to a
loss-prevention contractor who had only seen the same video). The settlement was filed, and
the case dismissed, on 28 June 2024 (U.S. District Court for the Eastern District of
Michigan, Judge Laurie J. Michelson); the court keeps jurisdiction to enforce it for four
years. The Department revised its policy under it.

The settlement's text was not read: its terms come from the announcements of the ACLU and
of the University of Michigan's Civil Rights Litigation Initiative, and from the news
(verification ``news``). As reported, the police may not arrest a person based solely on a
facial recognition result, or solely on a photo lineup that directly followed a facial
recognition search; may not conduct a lineup based solely on a facial recognition lead
without independent and reliable evidence linking the suspect to the crime; disclose the
technology's flaws, its use when making an arrest, and when it found no suspect or different
ones; train officers in its risks, including its higher misidentification rates for people
of color; and audit every case since 2017 in which it was used to obtain an arrest warrant.

Encoded: the Directive's rules as read (:mod:`~frpolicy.jurisdictions.us_mi_det.directive_307_5`),
which the revision keeps; the two bans as duties the audit checks against a case's events
(independent evidence in hand before the lineup, and before the arrest); the disclosure of
the search to the defendant. The rest is prose.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_mi_det.common import (
    CALENDAR,
    DPD_ASKS,
    DPD_SEARCHES,
    SETTLEMENT_ID,
    cite_settlement,
    source,
)
from frpolicy.jurisdictions.us_mi_det.directive_307_5 import (
    READINGS,
    directive_duties,
    directive_invariants,
    directive_provisions,
    directive_rules,
)
from frpolicy.jurisdictions.us_mi_det.offenses import OFFENSE_LISTS, OFFENSES
from frpolicy.law import (
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Reading,
    Verification,
)
from frpolicy.model import Disclosure, EventKind
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Policy

__all__ = ["INSTRUMENT", "SETTLEMENT"]

INSTRUMENT = Instrument(
    id=SETTLEMENT_ID,
    title="Settlement of Williams v. City of Detroit (U.S. District Court, E.D. Mich.), filed "
    "and the case dismissed on 28 June 2024, the court keeping jurisdiction to enforce it for "
    "four years; with DPD Manual Directive 307.5 as revised under it",
    kind=InstrumentKind.SETTLEMENT,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2024, 6, 28),
    url="https://www.aclu.org/cases/williams-v-city-of-detroit-face-recognition-false-arrest",
)

_HIGH, _MED = Confidence.HIGH, Confidence.MEDIUM
_REPORTED = (
    "the ACLU's and the University of Michigan Law School's announcements of the settlement "
    "(2024-06-28), MIRS (2024-07-02), the Detroit Free Press (as mirrored), Michigan Public"
)
_DETROIT_POLICE = DPD_ASKS | DPD_SEARCHES


def _settlement_duties() -> tuple[Duty, ...]:
    reported = source(Verification.NEWS, _HIGH, _REPORTED)
    return (
        Duty(
            id="DET-NO-LINEUP-ON-THE-LEAD-ALONE",
            when=_DETROIT_POLICE,
            citation=cite_settlement(),
            paraphrase="The police may not conduct a lineup based solely on a facial "
            "recognition investigative lead: independent and reliable evidence linking the "
            "suspect to the crime comes first.",
            source=reported,
            action="have independent and reliable evidence linking the person to the crime "
            "before showing them in a photo lineup",
            party="the Detroit Police Department",
            deadline=Deadline(anchor=EventKind.PHOTO_LINEUP),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        Duty(
            id="DET-NO-ARREST-ON-THE-MATCH-ALONE",
            when=_DETROIT_POLICE,
            citation=cite_settlement(),
            paraphrase="The police may not arrest a person based solely on a facial recognition "
            "result, or solely on a photo lineup that directly followed a facial recognition "
            "search: evidence independent of both is in hand before the arrest.",
            source=reported,
            action="have evidence independent of the search and of any lineup that followed it "
            "before the arrest",
            party="the Detroit Police Department",
            deadline=Deadline(anchor=EventKind.ARREST),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        Duty(
            id="DET-DISCLOSE-THE-SEARCH",
            when=_DETROIT_POLICE,
            citation=cite_settlement(),
            paraphrase="The police disclose that facial recognition was used when they make an "
            "arrest. To whom, and by when, was not reported: read as a notice to the person "
            "charged, with no deadline.",
            source=source(Verification.NEWS, _MED, _REPORTED),
            action="disclose to the person charged that facial recognition was used",
            party="the Detroit Police Department",
            deadline=None,
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
            outcomes=EVERY_REQUEST,
        ),
    )


def _settlement_invariants() -> tuple[Invariant, ...]:
    return (
        Invariant(
            id="no-lineup-or-arrest-on-the-match-alone",
            statement="Whatever the search's outcome, a lineup and an arrest that follow it wait "
            "for independent evidence, and the person charged is told of the search.",
            obliges=(
                "DET-NO-LINEUP-ON-THE-LEAD-ALONE",
                "DET-NO-ARREST-ON-THE-MATCH-ALONE",
                "DET-DISCLOSE-THE-SEARCH",
            ),
            outcomes=EVERY_REQUEST,
            citation=cite_settlement(),
        ),
    )


def _settlement_provisions() -> tuple[Provision, ...]:
    reported = source(Verification.NEWS, _HIGH, _REPORTED)
    return (
        Provision(
            id="DET-S-DISCLOSE-FAILURES",
            citation=cite_settlement(),
            text="The police disclose the technology's flaws, and disclose when facial "
            "recognition found no suspect, or gave different suspects. A log does not say what "
            "a search returned beyond its count of candidates: not encoded.",
            source=source(Verification.NEWS, _MED, _REPORTED),
        ),
        Provision(
            id="DET-S-TRAINING",
            citation=cite_settlement(),
            text="Officers are trained on facial recognition, its risks and dangers, and its "
            "higher rates of misidentifying people of color.",
            source=reported,
        ),
        Provision(
            id="DET-S-AUDIT",
            citation=cite_settlement(),
            text="An audit of every case since 2017 in which facial recognition was used to "
            "obtain an arrest warrant (one report says 2017 to 2023); a prosecutor is told "
            "where the audit finds a problem.",
            source=reported,
        ),
        Provision(
            id="DET-S-TERMS",
            citation=cite_settlement(),
            text="The court (E.D. Mich., Judge Laurie J. Michelson) keeps jurisdiction to "
            "enforce the agreement for four years from 28 June 2024; the City pays Mr. Williams "
            "$300,000 in damages, and attorneys' fees. After the four years the revised policy "
            "is the Department's to keep or change: encoded as still in force.",
            source=reported,
        ),
        Provision(
            id="DET-S-REVISED-POLICY",
            text="The Department revised Directive 307.5 under the settlement; the revised "
            "text was not read. The rules of 2019 that the news does not say were changed are "
            "kept as read.",
            source=source(Verification.NEWS, _MED, _REPORTED),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings: Mapping[str, Reading] = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MI-DET",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=_DETROIT_POLICE,
            rules=directive_rules(readings),
            duties=(*directive_duties(), *_settlement_duties()),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        offense_lists=OFFENSE_LISTS,
        invariants=(*directive_invariants(readings), *_settlement_invariants()),
        provisions=(*directive_provisions(), *_settlement_provisions()),
        aliases=("Williams settlement", "DPD 307.5 (2024)"),
        summary="A settlement a federal court enforces for four years, with the Department's "
        "policy revised under it: the Directive's rules, and no lineup or arrest on a facial "
        "recognition match alone; independent evidence comes first, and the person charged is "
        "told of the search.",
    )


SETTLEMENT = Version.from_builder(_make)
"""The settlement of 28 June 2024 and the Directive as kept under it, under the readings
adopted."""
