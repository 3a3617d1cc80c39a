"""G.L. c.6 §220 as inserted by St. 2020, c.253: the law in force since July 1, 2021.

"An Act relative to justice, equity and accountability in law enforcement in the
Commonwealth", signed December 31, 2020; its facial-recognition provisions are described
as effective July 1, 2021. The statute's text was not read: the provisions rest on
legislative summaries and news, and the standards for a court order and an emergency on
background knowledge, marked unverified. Subsections are not cited for that reason.

What it asks, in short: police do not run facial-recognition searches themselves; they
send a written request to the Registry of Motor Vehicles, the State Police or the FBI,
resting on a court order or an emergency; each request and search is documented and
reported to EOPSS quarterly (not a public record), and EOPSS publishes an annual report.

§220 binds law enforcement: every search a Massachusetts police department or prosecutor
asks for, and every search one performs (the State Police's own, whoever asked for it).
The Registry and the State Police it names are the Commonwealth's
(:mod:`~frpolicy.jurisdictions.us_ma.conditions`):
another state's are not among the bodies that may search, while an agency of another
state that sends the Commonwealth's a written request is served on the same grounds. A
search the FBI runs on its own account is federal business, outside it.

Five questions the sources leave open are named readings (:data:`READINGS`, the first
choice adopted): whether a warrant meets the requirement of a court order, what the State
Police's identification-document exemption lifts, when a quarterly report is due, what
emergency permits a search (``emergency-standard``: a risk of harm to a person that
requires the search without delay, adopted, since a search that can wait for a court order
is no emergency and EOPSS counts these requests as "exigent"; or any risk of harm to a
person, as read before; or immediate danger of death or serious physical injury, the
bills' standard), and whether identifying a deceased person is a basis of its own
(``deceased-identification``: adopted, no, since no source names a third basis; EOPSS's
2023-24 figures, 37 court-ordered and 7 exigent of 45 requests, leave one counted as
neither). Both are unverified and of low confidence: the statute's words were not read
(fastdemocracy MAB00081266 and the EOPSS figures it quotes; 2020 House Amendment #180).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma.common import CALENDAR, SECTION, quarterly_report_due, source
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES, classify
from frpolicy.law import (
    Choice,
    Citation,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Reading,
    Verification,
)
from frpolicy.model import AgencyKind, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule, Unit
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate

__all__ = ["CURRENT_LAW", "INSTRUMENT", "READINGS"]

INSTRUMENT = Instrument(
    id="St. 2020, c.253",
    title="An Act relative to justice, equity and accountability in law enforcement in the "
    "Commonwealth (St. 2020, c.253), inserting G.L. c.6 §220",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2021, 7, 1),
    url="https://malegislature.gov/Laws/GeneralLaws/PartI/TitleII/Chapter6/Section220",
)

CITATION = Citation(instrument=INSTRUMENT.id, section=SECTION)
_SUMMARY = "fastdemocracy MAB00081266; idtechwire; EOPSS report data"
_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_SP, _FBI, _RMV = AgencyKind.STATE_POLICE, AgencyKind.FBI, AgencyKind.MOTOR_VEHICLE_REGISTRY

# -- readings: where the sources admit more than one answer ---------------------------------

WARRANT_AS_COURT_ORDER = Reading(
    id="warrant-as-court-order",
    question="Does a warrant that authorizes the search meet the requirement of a court order?",
    choices=(
        Choice(
            id="yes",
            text="Yes: a warrant is a court's order too, issued on a higher standard "
            "(probable cause), so a warrant authorizing the search meets the requirement.",
        ),
        Choice(id="no", text="No: only a court order meets it; a warrant alone does not."),
    ),
    source=source(
        Verification.UNVERIFIED, _MED, "an interpretation; the statute's text was not read"
    ),
    citation=CITATION,
)
IDENTIFICATION_DOCUMENTS_EXEMPTION = Reading(
    id="identification-documents",
    question="What does the State Police's exemption for their own investigative work on "
    "identification documents lift?",
    choices=(
        Choice(
            id="written-request",
            text="The written request only: the search still rests on a court order or an "
            "emergency. The summary names only the written request.",
        ),
        Choice(
            id="written-request-and-basis",
            text="The written request and the basis: such a search needs neither a written "
            "request nor a court order or emergency.",
        ),
    ),
    source=source(Verification.SUMMARY, _LOW, "fastdemocracy MAB00081266; provisions catalog §1.7"),
    citation=CITATION,
)
QUARTERLY_REPORT_DUE = quarterly_report_due(CITATION)
EMERGENCY_STANDARD = Reading(
    id="emergency-standard",
    question="What emergency permits a search without a court order? The statute's words "
    "were not read: a summary says only 'emergency situations', EOPSS counts 'exigent' "
    "requests, and the bills and their 2020 precursor say 'immediate danger of death or "
    "serious physical injury'; what emergency is read?",
    choices=(
        Choice(
            id="harm-requiring-haste",
            text="A risk of harm to a person or group (death, serious physical injury or "
            "other harm to a person) that requires the search without delay: a search that "
            "can wait for a court order is no emergency, and 'exigent', EOPSS's word for "
            "these requests, means one that cannot.",
        ),
        Choice(
            id="harm-to-a-person",
            text="A risk of harm to a person or group, immediate or not: the standard "
            "recalled as 'a substantial risk of harm to any individual or group of people' "
            "names no haste.",
        ),
        Choice(
            id="immediate-danger",
            text="Immediate danger of death or serious physical injury, the bills' standard "
            "and that of the 2020 House Amendment #180.",
        ),
    ),
    source=source(
        Verification.UNVERIFIED,
        _LOW,
        "the statute's text was not read; fastdemocracy MAB00081266 ('emergency "
        "situations'; 37 court-ordered and 7 exigent requests); Amend. #180 to H.4860",
    ),
    citation=CITATION,
)
DECEASED_IDENTIFICATION = Reading(
    id="deceased-identification",
    question="EOPSS's 2023-24 figures count 45 requests: 37 court-ordered, 7 exigent and 1 "
    "neither. Does identifying a deceased person need a court order or an emergency, as "
    "any search does, or is it a basis of its own?",
    choices=(
        Choice(
            id="court-order-or-emergency",
            text="A court order or an emergency, as for any search: no source seen names a "
            "third basis, and one request of 45 counted as neither may be one refused or "
            "withdrawn.",
        ),
        Choice(
            id="own-basis",
            text="A basis of its own: a written request to identify a deceased person, as "
            "the bills allow, and as the one request EOPSS counted as neither "
            "court-ordered nor exigent suggests.",
        ),
    ),
    source=source(
        Verification.UNVERIFIED,
        _LOW,
        "fastdemocracy MAB00081266 (EOPSS report, 2023-09-01 to 2024-09-30); provisions "
        "catalog §14 item 2",
    ),
    citation=CITATION,
)
READINGS = (
    WARRANT_AS_COURT_ORDER,
    IDENTIFICATION_DOCUMENTS_EXEMPTION,
    QUARTERLY_REPORT_DUE,
    EMERGENCY_STANDARD,
    DECEASED_IDENTIFICATION,
)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

SCOPE = c.LAW_ENFORCEMENT_REQUEST | c.LAW_ENFORCEMENT_SEARCH
"""§220 governs every search a Massachusetts law enforcement agency asks for or performs."""

# Police send a written request to one of three bodies, which alone search: the
# Commonwealth's Registry and State Police, or the FBI.
AUTHORIZED_SEARCHER = (
    c.performed_by_massachusetts(_RMV) | c.performed_by_massachusetts(_SP) | c.performed_by(_FBI)
)
COURT_ORDERED = c.COURT_ORDER_AUTHORIZES_SEARCH & c.COURT_ORDER_IN_FORCE
WARRANT_IN_HAND = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
# The emergency standard is unverified: read as a risk of harm to a person that cannot
# wait (a reading, EMERGENCY_STANDARD).
EMERGENCY = c.EMERGENCY_DECLARED & c.EMERGENCY_HARM_TO_A_PERSON & c.EMERGENCY_IMMEDIATE
"""An emergency as adopted: harm to a person, requiring the search without delay."""
_EMERGENCIES = {
    "harm-requiring-haste": EMERGENCY,
    "harm-to-a-person": c.EMERGENCY_DECLARED & c.EMERGENCY_HARM_TO_A_PERSON,
    "immediate-danger": c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE_DANGER,
}
IDENTIFICATION_DOCUMENTS = (
    c.performed_by_massachusetts(_SP)
    & c.requested_by_massachusetts(_SP)
    & c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
)


def _court_order(readings: Mapping[str, Reading]) -> Predicate:
    if readings[WARRANT_AS_COURT_ORDER.id].chosen == "yes":
        return COURT_ORDERED | WARRANT_IN_HAND
    return COURT_ORDERED


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    court_order = _court_order(readings)
    emergency = _EMERGENCIES[readings[EMERGENCY_STANDARD.id].chosen]
    id_docs: Predicate = IDENTIFICATION_DOCUMENTS
    if readings[IDENTIFICATION_DOCUMENTS_EXEMPTION.id].chosen == "written-request":
        id_docs &= court_order | emergency
    deceased: tuple[Rule, ...] = ()
    if readings[DECEASED_IDENTIFICATION.id].chosen == "own-basis":
        deceased = (
            Rule(
                id="MA-LAW-DECEASED",
                effect=Effect.PERMIT,
                when=AUTHORIZED_SEARCHER
                & c.WRITTEN_REQUEST
                & c.purpose_is(Purpose.IDENTIFY_DECEASED),
                citation=CITATION,
                paraphrase="On a written request to identify a deceased person, the Registry "
                "of Motor Vehicles, the State Police or the FBI may perform a search without "
                "a court order or an emergency. Read so (a reading), not from the text.",
                source=DECEASED_IDENTIFICATION.source,
            ),
        )
    return (
        Rule(
            id="MA-LAW-COURT-ORDER",
            effect=Effect.PERMIT,
            when=AUTHORIZED_SEARCHER & c.WRITTEN_REQUEST & court_order,
            citation=CITATION,
            paraphrase="On a written request resting on a court order, the Registry of Motor "
            "Vehicles, the State Police or the FBI may perform a search. The court order's "
            "standard (specific and articulable facts, relevance to an investigation) is not "
            "verified.",
            source=source(
                Verification.SUMMARY, _HIGH, _SUMMARY + "; the order's standard unverified (M)"
            ),
        ),
        Rule(
            id="MA-LAW-EMERGENCY",
            effect=Effect.PERMIT,
            when=AUTHORIZED_SEARCHER & c.WRITTEN_REQUEST & emergency,
            citation=CITATION,
            paraphrase="On a written request in an emergency, the Registry of Motor "
            "Vehicles, the State Police or the FBI may perform a search. The standard is not "
            "verified; it is read as a risk of harm to a person or group that requires the "
            "search without delay (a reading).",
            source=source(
                Verification.SUMMARY, _MED, _SUMMARY + "; the emergency standard unverified (M)"
            ),
        ),
        Rule(
            id="MA-LAW-MSP-IDDOCS",
            effect=Effect.PERMIT,
            when=id_docs,
            citation=CITATION,
            paraphrase="The State Police need no written request for their own investigative "
            "work on identification documents, such as license fraud.",
            source=source(Verification.SUMMARY, _LOW, "fastdemocracy MAB00081266"),
        ),
        *deceased,
    )


_PARTY = (
    "the Massachusetts agency that asked for or performed the search (for an FBI search, the "
    "one that asked)"
)


def _duties(readings: Mapping[str, Reading]) -> tuple[Duty, ...]:
    quarters = 1 if readings[QUARTERLY_REPORT_DUE.id].chosen == "next-quarter" else 0
    return (
        Duty(
            id="MA-LAW-LOG",
            when=SCOPE,
            citation=CITATION,
            paraphrase="Each request and each search is documented (date, number of matches, "
            "basis), permitted or not. The documentation is not a public record. No deadline "
            "is stated. State law cannot oblige the FBI: for its searches the duty is the "
            "asking agency's.",
            source=source(Verification.SUMMARY, _MED, _SUMMARY),
            action="document the request and the search",
            party=_PARTY,
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
        Duty(
            id="MA-LAW-REPORT",
            when=SCOPE,
            citation=CITATION,
            paraphrase="Requests and searches, permitted or not, are reported to EOPSS "
            "quarterly; EOPSS publishes an annual report. The report's due date was not "
            "found (a reading).",
            source=source(Verification.SUMMARY, _MED, _SUMMARY),
            action="include the request in a quarterly report to EOPSS",
            party=_PARTY,
            deadline=Deadline(
                anchor=EventKind.REQUEST_SUBMITTED, amount=quarters, unit=Unit.QUARTERS
            ),
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------

_MASSACHUSETTS_LAW_ENFORCEMENT = (AgencyKind.LOCAL_POLICE, _SP, AgencyKind.PROSECUTOR)


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    involved = [
        c.requested_by(k) & c.MASSACHUSETTS_REQUESTER for k in _MASSACHUSETTS_LAW_ENFORCEMENT
    ]
    involved += [
        c.performed_by(k) & c.MASSACHUSETTS_SEARCHER for k in _MASSACHUSETTS_LAW_ENFORCEMENT
    ]
    court_order = c.COURT_ORDER_AUTHORIZES_SEARCH & c.COURT_ORDER_IN_FORCE
    if readings[WARRANT_AS_COURT_ORDER.id].chosen == "yes":
        court_order |= c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
    emergency = c.EMERGENCY_DECLARED & c.EMERGENCY_HARM_TO_A_PERSON
    standard = readings[EMERGENCY_STANDARD.id].chosen
    if standard == "harm-requiring-haste":
        emergency &= c.EMERGENCY_IMMEDIATE
    elif standard == "immediate-danger":
        emergency = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE_DANGER
    own_id_work = (
        c.performed_by(_SP)
        & c.MASSACHUSETTS_SEARCHER
        & c.requested_by(_SP)
        & c.MASSACHUSETTS_REQUESTER
        & c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
    )
    basis = court_order | emergency
    if readings[IDENTIFICATION_DOCUMENTS_EXEMPTION.id].chosen == "written-request-and-basis":
        basis |= own_id_work
    if readings[DECEASED_IDENTIFICATION.id].chosen == "own-basis":
        basis |= c.purpose_is(Purpose.IDENTIFY_DECEASED)
    return (
        Invariant(
            id="binds-law-enforcement",
            statement="Every search a Massachusetts police department or prosecutor asks for "
            "or performs is governed by §220, whoever else takes part: a State Police search "
            "at the FBI's request is governed.",
            holds=~AnyOf(tuple(involved)),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=CITATION,
        ),
        Invariant(
            id="named-searchers",
            statement="A permitted search is performed by the Registry of Motor Vehicles, the "
            "State Police or the FBI, never by the police department that asked for it.",
            holds=(c.performed_by(_RMV) | c.performed_by(_SP)) & c.MASSACHUSETTS_SEARCHER
            | c.performed_by(_FBI),
            citation=CITATION,
        ),
        Invariant(
            id="no-other-federal-agency",
            statement="No federal agency other than the FBI performs a permitted search: the "
            "statute names the FBI only.",
            holds=~c.performed_by(AgencyKind.FEDERAL),
            citation=CITATION,
        ),
        Invariant(
            id="written-request",
            statement="A permitted search was asked for in writing, unless it is the State "
            "Police's own investigative work on identification documents.",
            holds=c.WRITTEN_REQUEST | own_id_work,
            citation=CITATION,
        ),
        Invariant(
            id="court-order-or-emergency",
            statement="A permitted search rests on a court order in force that authorizes it, "
            "or on an emergency as the standard is read (or, read so, identifies a deceased "
            "person).",
            holds=basis,
            citation=CITATION,
        ),
        Invariant(
            id="every-request-documented-and-reported",
            statement="Every request §220 governs, permitted or not, is documented and "
            "reported to EOPSS quarterly.",
            obliges=("MA-LAW-LOG", "MA-LAW-REPORT"),
            outcomes=EVERY_REQUEST,
            citation=CITATION,
        ),
    )


PROVISIONS = (
    Provision(
        id="MA-LAW-ANNUAL",
        citation=CITATION,
        text="EOPSS publishes an annual report aggregating requests and searches by agency, "
        "with State Police and FBI searches counted apart. A duty of EOPSS, not of a search.",
        source=source(Verification.SUMMARY, _MED, _SUMMARY),
    ),
    Provision(
        id="MA-LAW-GAPS",
        text="What the statute does not ask, as far as the sources show: a probable-cause "
        "warrant, an offense threshold, notice to defendants, an after-the-fact court "
        "filing for emergencies, or public search logs. These are what the 2023 bill adds.",
        source=source(Verification.SUMMARY, _MED, "provisions catalog §1.3"),
    ),
)


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MA",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=SCOPE,
            rules=_rules(readings),
            duties=_duties(readings),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        invariants=_invariants(readings),
        provisions=PROVISIONS,
        summary="The law in force: written requests to the RMV, the State Police or the FBI, "
        "on a court order or in an emergency; every request documented and reported "
        "quarterly to EOPSS.",
        classify=classify,
    )


CURRENT_LAW = Version.from_builder(_make)
"""G.L. c.6 §220 as in force since July 1, 2021, under the readings adopted."""
