"""Ala. Code §§15-10-110 and 15-10-111, as added by Act 2022-420 (SB 56).

"Facial recognition technology, use of match as the sole basis of probable cause or arrest,
prohibited": SB 56 of the 2022 Regular Session, signed by the Governor on 2022-04-06 and
assigned Act No. 2022-420. It made Article 7, "Use of Facial Recognition Technology", of
Chapter 10 (Arrests) of Title 15.

What was read. The whole article: §15-10-110, the definitions (lexace.ai, counselstack), and
§15-10-111, the rule (policyrisk.com, regulon.ai), each with its history line (verification
``text``). The act's effective-date section was not reached: the day the article took
effect is a reading (:data:`EFFECTIVE_DATE`).

What it asks, in short: a state or local law enforcement agency may not use the match
results of facial recognition as the sole basis to establish probable cause in a criminal
investigation or to make an arrest; it may use them for either only together with other
lawfully obtained information and evidence. That is all: no warrant, no offense threshold,
no list of purposes, no report, no notice. The article governs what follows a search, not
the search, so every search it governs is permitted and obliges corroboration
(:data:`ACT_2022_420`): a duty, not a gate.

Who is bound: Alabama's state and local law enforcement agencies, when they use a match:
the agency that asks for the search, whoever runs it (the FBI for the Birmingham police
included). Facial recognition is a one-to-many search of a database of many people's
faces to identify an unknown person (§15-10-110): verifying a known person's identity, or
inferring emotions, is not it.

Three questions the text leaves open are named readings (:data:`READINGS`): whether a
district attorney's office is a law enforcement agency, whether an Alabama agency that runs
a search for another place's police is bound, and the day the article took effect.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_al.common import CALENDAR, INSTRUMENT_ID, cite, source
from frpolicy.jurisdictions.us_al.offenses import OFFENSES
from frpolicy.law import (
    Choice,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Reading,
    Verification,
)
from frpolicy.model import AgencyKind, Analysis, EventKind
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = ["ACT_2022_420", "EFFECTIVE_DATE", "INSTRUMENT", "READINGS"]

APPROVED = date(2022, 4, 6)
INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="Facial recognition technology, use of match as the sole basis of probable cause or "
    "arrest, prohibited (SB 56, Act 2022-420), adding Ala. Code §§15-10-110 and 15-10-111; "
    "in force from its approval or from July 1, 2022 (a reading)",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    # the earliest day it can have taken effect; the reading says which day it did
    effective_from=APPROVED,
    url="https://open.pluralpolicy.com/al/bills/2022rs/SB56",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of Ala. Code §§15-10-110 (lexace.ai, law.counselstack.com) and 15-10-111 "
    "(policyrisk.com, regulon.ai), history 'Act 2022-420'"
)

# -- readings: where the text admits more than one answer -----------------------------------

PROSECUTORS = Reading(
    id="al-prosecutors",
    question="Is a district attorney's office a 'state or local law enforcement agency' "
    "(§15-10-111), bound when it relies on a match to establish probable cause? The article "
    "does not define the term.",
    choices=(
        Choice(
            id="included",
            text="Yes: a prosecutor who relies on a match to seek a warrant or charge "
            "establishes probable cause as the police do; reading the term narrowly would let "
            "a match reach a court alone through a prosecutor's office.",
        ),
        Choice(
            id="police-only",
            text="No: only police agencies and sheriffs' offices are law enforcement agencies.",
        ),
    ),
    source=source(Verification.UNVERIFIED, _LOW, "the term is not defined in the article"),
    citation=cite("15-10-111"),
)
SEARCHES_FOR_OTHERS = Reading(
    id="al-searches-for-others",
    question="Is an Alabama agency that runs a search for the police of another place (the "
    "FBI, another state) bound, or only the agency that uses the match?",
    choices=(
        Choice(
            id="user",
            text="Only the agency that uses the match: the article binds an agency that "
            "establishes probable cause or arrests with it, and a search run for another "
            "state's police gives the match to an agency Alabama's law does not reach.",
        ),
        Choice(
            id="user-or-searcher",
            text="Both: an Alabama agency that runs a search is bound too, as the one that "
            "holds the match and may act on it.",
        ),
    ),
    source=source(Verification.TEXT, _MED, "§15-10-111: an interpretation of 'use'"),
    citation=cite("15-10-111"),
)
EFFECTIVE_DATE = Reading(
    id="al-effective-date",
    question="When did Act 2022-420 take effect? Its effective-date section was not read; the "
    "Governor approved it on April 6, 2022.",
    choices=(
        Choice(
            id="third-month",
            text="On July 1, 2022: the first day of the third month after its approval, as "
            "the usual clause of an Alabama act has it.",
        ),
        Choice(id="on-approval", text="On its approval, April 6, 2022."),
    ),
    source=source(
        Verification.UNVERIFIED,
        _LOW,
        "provisions catalog §8 ('likely July 1, 2022', M); the approval date from "
        "open.pluralpolicy.com",
    ),
)
READINGS = (PROSECUTORS, SEARCHES_FOR_OTHERS, EFFECTIVE_DATE)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound, and from when -------------------------------------------------------------

_POLICE = frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE})
ALABAMA_REQUESTER = c.requested_by_agency_of("US-AL", "Alabama")
ALABAMA_SEARCHER = c.performed_by_agency_of("US-AL", "Alabama")
# §15-10-110(a)(2): a one-to-many search of a database to identify an unknown individual
IDENTIFICATION = c.analysis_is(Analysis.IDENTIFICATION)
# the first moment of each day in Alabama, as an instant (UTC): a time with a fixed offset
# compares as Python and the analysis both read it, whatever zone a request is given in
_START = {
    "third-month": datetime(2022, 7, 1, tzinfo=ZoneInfo(CALENDAR.timezone)).astimezone(UTC),
    "on-approval": datetime(2022, 4, 6, tzinfo=ZoneInfo(CALENDAR.timezone)).astimezone(UTC),
}


def _law_enforcement(readings: Mapping[str, Reading]) -> frozenset[AgencyKind]:
    if readings[PROSECUTORS.id].chosen == "included":
        return _POLICE | {AgencyKind.PROSECUTOR}
    return _POLICE


def _in_force(readings: Mapping[str, Reading]) -> Predicate:
    start = _START[readings[EFFECTIVE_DATE.id].chosen]
    return leaf(
        "al_article_in_force",
        f"the search is judged on or after {start.date().isoformat()}, when Article 7 took "
        "effect (a reading)",
        "at >= START",
        START=start,
    )


def _bound(readings: Mapping[str, Reading]) -> Predicate:
    kinds = _law_enforcement(readings)
    bound = c.requested_by_any(kinds) & ALABAMA_REQUESTER
    if readings[SEARCHES_FOR_OTHERS.id].chosen == "user-or-searcher":
        bound |= c.performed_by_any(kinds) & ALABAMA_SEARCHER
    return bound


def _scope(readings: Mapping[str, Reading]) -> Predicate:
    return _bound(readings) & IDENTIFICATION & _in_force(readings)


def _rules() -> tuple[Rule, ...]:
    return (
        # §15-10-111 restricts the use of a match, not the search: nothing in the article
        # forbids or conditions a search.
        Rule(
            id="AL-SEARCH",
            effect=Effect.PERMIT,
            when=IDENTIFICATION,
            citation=cite("15-10-111"),
            paraphrase="Article 7 restricts how a match is used, not the search: an Alabama law "
            "enforcement agency may run a facial-recognition search, with no warrant, offense "
            "threshold or list of purposes; its match results may then establish probable "
            "cause or support an arrest only with other lawfully obtained evidence.",
            source=source(Verification.TEXT, _HIGH, _TEXT + "; the article has no other rule"),
        ),
    )


def _duties(readings: Mapping[str, Reading]) -> tuple[Duty, ...]:
    return (
        # §15-10-111(a)-(b) A match is never the sole basis for probable cause or an arrest.
        Duty(
            id="AL-SOLE-BASIS",
            when=_scope(readings),
            citation=cite("15-10-111", "(a)-(b)"),
            paraphrase="A state or local law enforcement agency may not use facial recognition "
            "match results as the sole basis to establish probable cause in a criminal "
            "investigation or to make an arrest; it may use them only in conjunction with "
            "other lawfully obtained information and evidence, in hand when it relies on them.",
            source=source(Verification.TEXT, _HIGH, _TEXT),
            action="have other lawfully obtained information and evidence before relying on the "
            "match for probable cause or an arrest",
            party="the law enforcement agency that uses the match",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    kinds = sorted(_law_enforcement(readings), key=lambda k: k.value)
    asked = [c.requested_by(k) & c.requested_by_agency_of("US-AL", "Alabama") for k in kinds]
    if readings[SEARCHES_FOR_OTHERS.id].chosen == "user-or-searcher":
        asked += [c.performed_by(k) & c.performed_by_agency_of("US-AL", "Alabama") for k in kinds]
    governed = AnyOf(tuple(asked)) & c.analysis_is(Analysis.IDENTIFICATION) & _in_force(readings)
    return (
        Invariant(
            id="binds-alabama-law-enforcement-and-refuses-nothing",
            statement="Every identification search an Alabama state or local law enforcement "
            "agency asks for, once the article took effect, is governed and permitted: the "
            "article sets no condition on a search.",
            holds=~governed,
            outcomes=frozenset({Outcome.NOT_APPLICABLE, Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite("15-10-111"),
        ),
        Invariant(
            id="alabamas-agencies-only",
            statement="The article governs only the searches of Alabama's law enforcement "
            "agencies: one the FBI or another state's police ask for is not Alabama's to "
            "govern, nor is verifying a known person's identity.",
            holds=governed,
            outcomes=frozenset({Outcome.PERMITTED}),
            citation=cite("15-10-110"),
        ),
        Invariant(
            id="never-the-sole-basis",
            statement="Every search the article governs obliges the agency to have other "
            "lawfully obtained evidence before it relies on the match for probable cause or "
            "an arrest.",
            obliges=("AL-SOLE-BASIS",),
            outcomes=EVERY_REQUEST,
            citation=cite("15-10-111", "(b)"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="AL-DEF",
            citation=cite("15-10-110", "(a)"),
            text="Facial biometric data: a unique numerical representation of an individual's "
            "face generated by facial recognition technology from measurements of a facial "
            "image (a facial template). Facial recognition technology: any software or "
            "application that, to attempt to determine the identity of an unknown individual, "
            "generates facial biometric data, searches for matching data in a database of many "
            "individuals' facial biometric data linked to personally identifiable information, "
            "and returns match results by similarity.",
            source=text,
        ),
        Provision(
            id="AL-NO-GATE",
            text="The article sets no condition on a search (no warrant, no offense threshold, "
            "no list of purposes, no approved technology) and asks no report, notice, record "
            "or audit. It names no remedy: a match used alone may be challenged as probable "
            "cause in the case.",
            source=source(
                Verification.TEXT,
                _HIGH,
                _TEXT + "; the remedy as regulon.ai analyses the article (summary)",
            ),
        ),
        Provision(
            id="AL-ACJIC-RULES",
            text="A regulation, not encoded: Ala. Admin. Code ch. 265-X-5, 'Law Enforcement Use "
            "of Facial Comparison Technology' (the Alabama Criminal Justice Information Center, "
            "now within the Alabama Law Enforcement Agency). Its §265-X-5-.06 lists acceptable "
            "uses: field identification on a mobile device when the person consents, when an "
            "officer has reasonable suspicion the person conceals their identity and committed "
            "another crime (after first trying other means), or when the person is "
            "incapacitated or dead and must be identified at once; non-field searches of a "
            "repository to identify suspects, victims or witnesses on the same grounds (the "
            "rest was not read). It governs the users of the Center's system, as a separate "
            "instrument read only in part.",
            source=source(
                Verification.TEXT,
                _MED,
                "regulations.justia.com, Ala. Admin. Code r. 265-X-5-.06 (through August 2024), "
                "read in part",
            ),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-AL",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=_scope(readings),
            rules=_rules(),
            duties=_duties(readings),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        invariants=_invariants(readings),
        provisions=_provisions(),
        aliases=("SB 56",),
        summary="A match is never the sole basis for probable cause or an arrest: other "
        "lawfully obtained evidence must support it. A duty, not a gate: no warrant, offense "
        "threshold or list of purposes. In force from July 1, 2022 under the reading adopted.",
    )


ACT_2022_420 = Version.from_builder(_make)
"""Ala. Code §§15-10-110 and 15-10-111 as in force since 2022, under the readings adopted."""
