"""25 M.R.S. §6001, "Facial surveillance", as enacted by LD 1585 (2021).

"An Act To Increase Privacy and Security by Regulating the Use of Facial Surveillance
Systems by Departments, Public Employees and Public Officials" (Rep. Lookner), passed
unanimously and became law at the end of June 2021 (AP, 2021-06-30); the statewide program
it set up started on 2021-10-01. It made chapter 701 of Title 25, one section long.

**What was read, and what was not.** The section's operative text could not be reached by
the search tools. Its definitions were read in a code publisher's list of the terms the
section defines (lawserver.com, verification ``text``): "facial surveillance", "facial
surveillance system", "department" (a state, county or municipal government or a
department, agency or subdivision of one, or any other public instrumentality, including a
law enforcement agency) and "Bureau of Motor Vehicles". The ban and the permitted uses
rest on a close summary of the text (wp.dig.watch, verification ``summary``). That the
searches are run by the Bureau of Motor Vehicles or the FBI, that the State Police vet the
requests, that the Bureau's logs are public records, that a match does not by itself give
probable cause, that unlawfully obtained results are deleted and excluded, and that a
person may sue, rest on the news (techdirt, stareintothelightsmypretties, AP, the
penobscotbay blog, wraight.law; verification ``news``). The definition of "serious crime"
rests on wraight.law alone. Every such point keeps its low confidence, and where the
encoding must choose, the choice is a named reading (:data:`READINGS`).

What it asks, in short: no Maine department, public employee or official may obtain,
possess, access, request or use a facial surveillance system or information from one, nor
have a third party do it for them. By exception, law enforcement may request a search and
use its results when there is probable cause to believe that an unidentified person in an
image has committed a serious crime, to help identify a deceased person, or to help
identify a missing or endangered person; and the Bureau of Motor Vehicles may use facial
surveillance to prevent or investigate fraud. The searches are centralized: a Maine
department runs none itself; the Bureau runs them (for Maine's agencies, and for other
states' and federal agencies, which ask for most of them), or the FBI does. No warrant is
needed: the bar is probable cause, assessed by the requester and vetted by the State
Police.

Who is bound: every Maine department, whatever it does (the definition of facial
surveillance covers capturing any information about a person from the face, not only
identifying them), so the law governs every search a Maine department asks for or runs,
including the Bureau's searches for other states' police. A search another state's agency or
a federal agency runs for itself is not Maine's to govern.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_me.common import CALENDAR, INSTRUMENT_ID, cite, source
from frpolicy.jurisdictions.us_me.offenses import (
    OFFENSE_LISTS,
    OFFENSES,
    REPORTED_SERIOUS_CRIMES,
    classify,
)
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
from frpolicy.model import AgencyKind, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = ["INSTRUMENT", "LD1585", "READINGS"]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="An Act To Increase Privacy and Security by Regulating the Use of Facial "
    "Surveillance Systems by Departments, Public Employees and Public Officials (LD 1585, "
    "130th Maine Legislature), making 25 M.R.S. ch. 701",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2021, 10, 1),
    url="https://legislature.maine.gov/statutes/25/title25ch701sec0.html",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_DEFINITIONS = "the definitions of 25 M.R.S. §6001 (lawserver.com's list of the terms it defines)"
_SUMMARY = (
    "wp.dig.watch, 'Maine, USA enacts regulations for facial surveillance systems' (2021), "
    "a close summary of the section; the operative text was not read"
)
_NEWS = (
    "techdirt and stareintothelightsmypretties (2021-07), quoting the ACLU of Maine: 'Maine "
    "police will not have access to facial recognition, they will be able to ask the FBI and "
    "Maine Bureau of Motor Vehicles (BMV) to run these searches'; penobscotbay.blogspot.com "
    "(2021-07): requests 'must meet Maine State Police approval standards before being "
    "forwarded to the BMV'"
)
_LOGS = (
    "wraight.law (2024): the Bureau's logs of its searches, kept 'by statute' and released "
    "under the Freedom of Access Act, show requests mostly from other states and federal "
    "agencies; stareintothelightsmypretties (2021-07): 'Logs of all facial recognition "
    "searches by the BMV must be created and are designated as public records'"
)

# -- readings: where the text admits more than one answer, or was not read -------------------

SERIOUS_CRIME = Reading(
    id="me-serious-crime",
    question="What is a 'serious crime'? The definition's text was not read.",
    choices=(
        Choice(
            id="felony-or-listed",
            text="A crime punishable by more than one year (murder, Class A, B or C), or one "
            "of the offenses below that line the law is reported to add: certain driving "
            "offenses, crimes of violence and violations of bail conditions. The one source "
            "that describes the definition, a law practice that read it, says so.",
        ),
        Choice(
            id="felony-only",
            text="Only a crime punishable by more than one year: the additions are reported, "
            "not read, and an exception to a general ban is read narrowly.",
        ),
    ),
    source=source(Verification.NEWS, _LOW, "wraight.law (2024); provisions catalog ME-SERIOUS"),
    citation=cite(),
)
ROUTE = Reading(
    id="me-route",
    question="Through whom may a Maine department have a search run? The summary read says a "
    "department may not have a third party use a system for it, and that law enforcement may "
    "'request a search'; the news says the searches go to the Bureau of Motor Vehicles or the "
    "FBI.",
    choices=(
        Choice(
            id="bmv-or-fbi",
            text="Only through the Bureau of Motor Vehicles or the FBI: asking another "
            "state's police, another federal agency or a vendor is having a third party "
            "search for the department, which the ban forbids.",
        ),
        Choice(
            id="any-searcher",
            text="Through any searcher outside Maine's departments: the law limits why a "
            "search is asked for, not who runs it.",
        ),
    ),
    source=source(Verification.NEWS, _MED, _NEWS),
    citation=cite(),
)
OUT_OF_STATE = Reading(
    id="me-out-of-state",
    question="May the Bureau of Motor Vehicles run a search that another state's police or a "
    "federal agency asks for, and on what conditions?",
    choices=(
        Choice(
            id="same-conditions",
            text="Yes, on the conditions a Maine request meets: probable cause of a serious "
            "crime, or a deceased, missing or endangered person. The Bureau's logs show such "
            "requests answered since 2021, and nothing read confines the exceptions to "
            "Maine's agencies.",
        ),
        Choice(
            id="maine-agencies-only",
            text="No: the exceptions let Maine's own law enforcement ask; the Bureau serves no "
            "one else.",
        ),
    ),
    source=source(Verification.NEWS, _MED, _LOGS),
    citation=cite(),
)
REQUESTERS = Reading(
    id="me-requesters",
    question="Who may ask for a search under the exceptions: law enforcement only, or any "
    "Maine department (the Office of Chief Medical Examiner asked the Bureau to identify a "
    "deceased person in 2023)?",
    choices=(
        Choice(
            id="law-enforcement",
            text="Law enforcement only: the police, prosecutors and federal law enforcement, "
            "as the catalog's reading of the exceptions says; an exception to a general ban "
            "is read narrowly.",
        ),
        Choice(
            id="any-department",
            text="Law enforcement, and any Maine department besides: the summary read says "
            "'authorities' may request a search.",
        ),
    ),
    source=source(Verification.SUMMARY, _LOW, _SUMMARY + "; " + _LOGS),
    citation=cite(),
)
ENDANGERED = Reading(
    id="me-endangered",
    question="Is an incapacitated person who cannot give their identity an 'endangered "
    "person' whom a search may help identify?",
    choices=(
        Choice(
            id="missing-only",
            text="No: the exception names missing and endangered persons, and frpolicy's "
            "purpose of identifying an incapacitated person does not say the person is in "
            "danger; an exception to a general ban is read narrowly.",
        ),
        Choice(
            id="incapacitated-too",
            text="Yes: a person who cannot say who they are is in danger until identified.",
        ),
    ),
    source=source(Verification.SUMMARY, _LOW, _SUMMARY + "; an interpretation"),
    citation=cite(),
)
READINGS = (SERIOUS_CRIME, ROUTE, OUT_OF_STATE, REQUESTERS, ENDANGERED)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_DEPARTMENTS = frozenset(
    {
        AgencyKind.LOCAL_POLICE,
        AgencyKind.STATE_POLICE,
        AgencyKind.MOTOR_VEHICLE_REGISTRY,
        AgencyKind.PROSECUTOR,
        AgencyKind.OTHER_PUBLIC_AGENCY,
    }
)
"""The kinds of public body a Maine department can be: any but a federal agency."""
_LAW_ENFORCEMENT = frozenset(
    {
        AgencyKind.LOCAL_POLICE,
        AgencyKind.STATE_POLICE,
        AgencyKind.PROSECUTOR,
        AgencyKind.FBI,
        AgencyKind.FEDERAL,
    }
)
_BMV = AgencyKind.MOTOR_VEHICLE_REGISTRY

MAINE_REQUESTER = c.requested_by_agency_of("US-ME", "Maine")
MAINE_SEARCHER = c.performed_by_agency_of("US-ME", "Maine")
DEPARTMENT_ASKS = c.requested_by_any(_DEPARTMENTS) & MAINE_REQUESTER
DEPARTMENT_SEARCHES = c.performed_by_any(_DEPARTMENTS) & MAINE_SEARCHER
SCOPE = DEPARTMENT_ASKS | DEPARTMENT_SEARCHES
"""The section governs every search a Maine department asks for or runs."""
MAINE_LAW_ENFORCEMENT_ASKS = c.requested_by_any(_DEPARTMENTS & _LAW_ENFORCEMENT) & MAINE_REQUESTER
"""Maine's own police or prosecutors ask for the search."""
BUREAU_SEARCHES = c.performed_by(_BMV) & MAINE_SEARCHER
"""The Bureau of Motor Vehicles runs the search."""
FBI_SEARCHES = c.performed_by(AgencyKind.FBI)

# -- the exceptions ---------------------------------------------------------------------------

PROBABLE_CAUSE = leaf(
    "probable_cause",
    "there is probable cause to believe that the person sought has committed a crime",
    "r.suspicion is Suspicion.PROBABLE_CAUSE",
)
PUNISHABLE_BY_MORE_THAN_A_YEAR = leaf(
    "punishable_by_more_than_a_year",
    "the crime is punishable by imprisonment for more than one year (murder, a Class A, B or "
    "C crime): a serious crime",
    "r.offense is not None and (r.offense.penalty.death or r.offense.penalty.life"
    " or (r.offense.penalty.max_term_months is not None"
    " and r.offense.penalty.max_term_months > ONE_YEAR))",
    ONE_YEAR=12,
)
REPORTED_SERIOUS = c.offense_on(REPORTED_SERIOUS_CRIMES)
_MISSING = frozenset({Purpose.IDENTIFY_MISSING})
_INCAPACITATED = frozenset(
    {Purpose.IDENTIFY_INCAPACITATED, Purpose.IDENTIFY_MISSING_OR_INCAPACITATED}
)
_FRAUD = frozenset({Purpose.LICENSE_ISSUANCE, Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION})
BUREAU_FRAUD = c.requested_by(_BMV) & MAINE_REQUESTER & BUREAU_SEARCHES & c.purpose_in(_FRAUD)
"""The Bureau of Motor Vehicles searches for itself, to prevent or investigate fraud."""


def _serious(readings: Mapping[str, Reading]) -> Predicate:
    if readings[SERIOUS_CRIME.id].chosen == "felony-or-listed":
        return PUNISHABLE_BY_MORE_THAN_A_YEAR | REPORTED_SERIOUS
    return PUNISHABLE_BY_MORE_THAN_A_YEAR


def _missing(readings: Mapping[str, Reading]) -> frozenset[Purpose]:
    if readings[ENDANGERED.id].chosen == "incapacitated-too":
        return _MISSING | _INCAPACITATED
    return _MISSING


def _requester(readings: Mapping[str, Reading]) -> Predicate:
    """Who may ask for a search under the exceptions, and from where."""
    asks: Predicate = c.requested_by_any(_LAW_ENFORCEMENT)
    if readings[REQUESTERS.id].chosen == "any-department":
        asks |= DEPARTMENT_ASKS
    if readings[OUT_OF_STATE.id].chosen == "maine-agencies-only":
        asks &= DEPARTMENT_ASKS
    return asks


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    summary = source(Verification.SUMMARY, _MED, _SUMMARY)
    asks = _requester(readings)
    rules = [
        # The ban: no department obtains, possesses, accesses or uses a system, except the
        # Bureau of Motor Vehicles, which runs the searches the exceptions allow.
        Rule(
            id="ME-BAN",
            effect=Effect.FORBID,
            when=DEPARTMENT_SEARCHES & ~BUREAU_SEARCHES,
            citation=cite(),
            paraphrase="A Maine department, public employee or official may not obtain, "
            "retain, possess, access or use a facial surveillance system: the exceptions let "
            "law enforcement request a search and use its results, never run one. Only the "
            "Bureau of Motor Vehicles runs searches in Maine.",
            source=source(
                Verification.SUMMARY,
                _MED,
                _SUMMARY + "; that the Bureau alone runs them, " + _NEWS,
            ),
        ),
        # The exceptions: a search may be requested, and its results used, ...
        # ... on probable cause that an unidentified person in an image committed a serious
        # crime;
        Rule(
            id="ME-PROBABLE-CAUSE",
            effect=Effect.PERMIT,
            when=asks & PROBABLE_CAUSE & _serious(readings),
            citation=cite(),
            paraphrase="Law enforcement may request a search, and use its results, where there "
            "is probable cause to believe that an unidentified person in an image has "
            "committed a serious crime. No warrant is needed. What a serious crime is, is a "
            "reading.",
            source=summary,
        ),
        # ... to help identify a deceased person;
        Rule(
            id="ME-DECEASED",
            effect=Effect.PERMIT,
            when=asks & c.purpose_is(Purpose.IDENTIFY_DECEASED),
            citation=cite(),
            paraphrase="Law enforcement may request a search to help identify a person who is "
            "deceased or believed to be deceased.",
            source=summary,
        ),
        # ... to help identify a missing or endangered person.
        Rule(
            id="ME-MISSING",
            effect=Effect.PERMIT,
            when=asks & c.purpose_in(_missing(readings)),
            citation=cite(),
            paraphrase="Law enforcement may request a search to help identify a missing or "
            "endangered person (whether an incapacitated person is one is a reading).",
            source=summary,
        ),
        # The Bureau of Motor Vehicles may use facial surveillance against fraud.
        Rule(
            id="ME-BMV-FRAUD",
            effect=Effect.PERMIT,
            when=BUREAU_FRAUD,
            citation=cite(),
            paraphrase="The Bureau of Motor Vehicles may obtain, maintain and use a facial "
            "surveillance system, and its results, within the Bureau to prevent or "
            "investigate fraud: verifying an applicant's identity, investigating an "
            "identification document.",
            source=summary,
        ),
    ]
    if readings[ROUTE.id].chosen == "bmv-or-fbi":
        # ... nor have a third party search for it: only the Bureau or the FBI.
        rules.insert(
            1,
            Rule(
                id="ME-THIRD-PARTY",
                effect=Effect.FORBID,
                when=DEPARTMENT_ASKS & ~DEPARTMENT_SEARCHES & ~FBI_SEARCHES,
                citation=cite(),
                paraphrase="A Maine department may not enter into an agreement with a third "
                "party to obtain or use a facial surveillance system or information from one "
                "on its behalf: its searches are run by the Bureau of Motor Vehicles or the "
                "FBI, never by another state's police, another federal agency or a vendor.",
                source=source(
                    Verification.NEWS, _MED, _SUMMARY + " (the ban on third parties); " + _NEWS
                ),
            ),
        )
    return tuple(rules)


def _duties() -> tuple[Duty, ...]:
    return (
        # The Bureau's log of each search is a public record.
        Duty(
            id="ME-LOG",
            when=BUREAU_SEARCHES,
            citation=cite(),
            paraphrase="The Bureau of Motor Vehicles logs each search request it receives, "
            "granted or not, and the log is a public record under the Freedom of Access Act. "
            "The log's fields and any deadline were not read; the catalog recalls that the "
            "State Police log requests too.",
            source=source(Verification.NEWS, _MED, _LOGS),
            action="log the search request as a public record",
            party="the Bureau of Motor Vehicles",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
        # A match is not probable cause by itself.
        Duty(
            id="ME-MATCH-NOT-PROBABLE-CAUSE",
            when=MAINE_LAW_ENFORCEMENT_ASKS,
            citation=cite(),
            paraphrase="As reported, a facial surveillance match does not by itself establish "
            "probable cause: other evidence must support it before it is relied on. The text "
            "was not read.",
            source=source(
                Verification.NEWS,
                _LOW,
                "AP (2021-07), as quoted by computertalkradio.com: the law 'states that a match "
                "does not provide probable cause'",
            ),
            action="have other evidence before relying on the match for probable cause",
            party="the Maine law enforcement agency that asked for the search",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    of_maine = (MAINE_REQUESTER, MAINE_SEARCHER)
    kinds = sorted(_DEPARTMENTS, key=lambda k: k.value)
    asks_from_maine = AnyOf(tuple(c.requested_by(k) & of_maine[0] for k in kinds))
    runs_in_maine = AnyOf(tuple(c.performed_by(k) & of_maine[1] for k in kinds))
    not_the_bureau = AnyOf(tuple(c.performed_by(k) & of_maine[1] for k in kinds if k is not _BMV))
    bureau = c.performed_by(_BMV) & of_maine[1]
    own_fraud_check = (
        c.requested_by(_BMV)
        & of_maine[0]
        & bureau
        & (
            c.purpose_is(Purpose.LICENSE_ISSUANCE)
            | c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
        )
    )
    # "more than one year": written as the Code's classes, murder to Class C
    felony_level = leaf(
        "felony_level",
        "the crime is murder or a Class A, B or C crime (punishable by more than a year)",
        "r.offense is not None and not (r.offense.penalty.max_term_months is None"
        " or r.offense.penalty.max_term_months <= 12) or r.offense is not None"
        " and (r.offense.penalty.life or r.offense.penalty.death)",
    )
    serious: Predicate = felony_level
    if readings[SERIOUS_CRIME.id].chosen == "felony-or-listed":
        serious |= c.offense_on_any(
            "reported_serious", "the offense is on the reported list", (REPORTED_SERIOUS_CRIMES,)
        )
    probable_cause = leaf(
        "probable_cause_stated",
        "probable cause is stated",
        "r.suspicion is not Suspicion.NONE and r.suspicion is not Suspicion.REASONABLE_SUSPICION",
    )
    purposes = [Purpose.IDENTIFY_MISSING]
    if readings[ENDANGERED.id].chosen == "incapacitated-too":
        purposes += [Purpose.IDENTIFY_INCAPACITATED, Purpose.IDENTIFY_MISSING_OR_INCAPACITATED]
    excepted = (
        (probable_cause & serious)
        | c.purpose_is(Purpose.IDENTIFY_DECEASED)
        | AnyOf(tuple(c.purpose_is(p) for p in purposes))
    )
    law_enforcement = AnyOf(
        tuple(c.requested_by(k) for k in sorted(_LAW_ENFORCEMENT, key=lambda k: k.value))
    )
    allowed_to_ask: Predicate = law_enforcement
    if readings[REQUESTERS.id].chosen == "any-department":
        allowed_to_ask |= asks_from_maine
    invariants = [
        Invariant(
            id="binds-maine-departments",
            statement="Every search a Maine department asks for or runs is governed by the "
            "section, whatever it captures from the face; a search another state's agency "
            "asks the Bureau to run is governed.",
            holds=~asks_from_maine & ~runs_in_maine,
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite(),
        ),
        Invariant(
            id="no-department-runs-a-system",
            statement="No Maine department but the Bureau of Motor Vehicles runs a permitted "
            "search.",
            holds=~not_the_bureau,
            citation=cite(),
        ),
        Invariant(
            id="excepted-purposes",
            statement="A permitted search other than the Bureau's own fraud check rests on "
            "probable cause of a serious crime, or helps identify a deceased person or a "
            "missing or endangered one.",
            when=~own_fraud_check,
            holds=excepted,
            citation=cite(),
        ),
        Invariant(
            id="asked-for-by-law-enforcement",
            statement="A permitted search other than the Bureau's own fraud check is asked "
            "for by law enforcement (or, read so, by a Maine department).",
            when=~own_fraud_check,
            holds=allowed_to_ask,
            citation=cite(),
        ),
        Invariant(
            id="bureau-searches-logged",
            statement="Every request the Bureau of Motor Vehicles receives, granted or not, is "
            "logged as a public record.",
            when=bureau,
            obliges=("ME-LOG",),
            outcomes=EVERY_REQUEST,
            citation=cite(),
        ),
        Invariant(
            id="match-not-probable-cause",
            statement="The result of every search Maine's police or prosecutors ask for, lawful "
            "or not, is relied on for probable cause only with other evidence.",
            when=AnyOf(
                tuple(c.requested_by(k) & of_maine[0] for k in kinds if k in _LAW_ENFORCEMENT)
            ),
            obliges=("ME-MATCH-NOT-PROBABLE-CAUSE",),
            outcomes=EVERY_REQUEST,
            citation=cite(),
        ),
        Invariant(
            id="deceased-and-missing-never-refused",
            statement="A Maine police request to the Bureau of Motor Vehicles to help identify "
            "a deceased or a missing person is never refused: the exceptions need no warrant "
            "and no crime.",
            holds=~(
                (c.requested_by(AgencyKind.LOCAL_POLICE) | c.requested_by(AgencyKind.STATE_POLICE))
                & of_maine[0]
                & bureau
                & (c.purpose_is(Purpose.IDENTIFY_DECEASED) | c.purpose_is(Purpose.IDENTIFY_MISSING))
            ),
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite(),
        ),
    ]
    if readings[ROUTE.id].chosen == "bmv-or-fbi":
        invariants.append(
            Invariant(
                id="through-the-bureau-or-the-fbi",
                statement="A permitted search a Maine department asks for is run by the Bureau "
                "of Motor Vehicles or by the FBI.",
                when=asks_from_maine,
                holds=bureau | c.performed_by(AgencyKind.FBI),
                citation=cite(),
            )
        )
    if readings[OUT_OF_STATE.id].chosen == "maine-agencies-only":
        invariants.append(
            Invariant(
                id="bureau-serves-maine-only",
                statement="The Bureau of Motor Vehicles runs no permitted search for an agency "
                "of another state or a federal agency.",
                when=~own_fraud_check,
                holds=asks_from_maine,
                citation=cite(),
            )
        )
    return tuple(invariants)


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    definitions = source(Verification.TEXT, _HIGH, _DEFINITIONS)
    return (
        Provision(
            id="ME-DEF",
            citation=cite(),
            text="'Facial surveillance' is an automated or semi-automated process that assists "
            "in identifying or verifying an individual, or in capturing information about an "
            "individual, based on the physical characteristics of the face; a 'facial "
            "surveillance system' is software or an application that performs it. A "
            "'department' is a state, county or municipal government, a department, agency or "
            "subdivision of one, or any other entity identified in law as a public "
            "instrumentality, including a law enforcement agency. The 'Bureau of Motor "
            "Vehicles' is the Bureau of the Department of the Secretary of State.",
            source=definitions,
        ),
        Provision(
            id="ME-BAN-FULL",
            citation=cite(),
            text="The ban reaches obtaining, retaining, possessing, accessing, requesting and "
            "using a facial surveillance system or information derived from a search of one; "
            "entering into an agreement with a third party to do any of these for a department; "
            "and issuing a permit or agreement that lets a third party do them. frpolicy "
            "decides searches, not contracts or permits: those parts are kept here.",
            source=source(Verification.SUMMARY, _MED, _SUMMARY),
        ),
        Provision(
            id="ME-OTHER-EXCEPTIONS",
            citation=cite(),
            text="The summary read lists further exceptions after the Bureau's fraud use "
            "(beginning 'use facial surveillance technology that analy...'), cut off in the "
            "copy: not read, not encoded. The news reports that iris scans were excluded from "
            "the ban by amendment.",
            source=source(
                Verification.SUMMARY,
                _LOW,
                _SUMMARY + "; tracking.tenthamendmentcenter.com on the amendment",
            ),
        ),
        Provision(
            id="ME-STATE-POLICE-VETTING",
            citation=cite(),
            text="As reported, requests must meet the State Police's approval standards before "
            "they are forwarded to the Bureau, and out-of-state requests are vetted by the "
            "FBI. Not a condition frpolicy can check on a request: kept as prose.",
            source=source(Verification.NEWS, _LOW, _NEWS),
        ),
        Provision(
            id="ME-NO-WARRANT",
            text="No warrant is needed for a search: the bar is probable cause of a serious "
            "crime, or one of the identification purposes (inferred: no source mentions a "
            "warrant).",
            source=source(Verification.SUMMARY, _MED, "provisions catalog ME-NO-WARRANT, inferred"),
        ),
        Provision(
            id="ME-SURVEILLANCE",
            text="The law is reported to forbid facial recognition for surveillance. No "
            "separate clause on live or continuous use was read; the exceptions are searches "
            "to identify a person in an image, and are encoded as such.",
            source=source(Verification.NEWS, _LOW, "cnet.com (2021-07); techdirt (2021-07)"),
        ),
        Provision(
            id="ME-REMEDIES",
            citation=cite(),
            text="As reported: results obtained in violation of the section are deleted and "
            "may not be used as evidence, and a person unlawfully subjected to facial "
            "surveillance may sue. Consequences of a violation, not conditions of a search; "
            "the text was not read.",
            source=source(
                Verification.NEWS,
                _LOW,
                "stareintothelightsmypretties (2021-07); techdirt (2021-07); provisions catalog "
                "ME-REMEDY (M)",
            ),
        ),
        Provision(
            id="ME-PORTLAND",
            text="Portland's own ordinance (2020) bars the city's officials and employees from "
            "using facial recognition at all; it is a local instrument, not encoded here.",
            source=source(
                Verification.NEWS, _MED, "tracking.tenthamendmentcenter.com (Portland measure)"
            ),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-ME",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=SCOPE,
            rules=_rules(readings),
            duties=_duties(),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        offense_lists=OFFENSE_LISTS,
        invariants=_invariants(readings),
        provisions=_provisions(),
        aliases=("25 M.R.S. §6001", "25 M.R.S. ch. 701"),
        summary="A general ban on Maine's departments; law enforcement may have a search run "
        "by the Bureau of Motor Vehicles or the FBI only on probable cause of a serious crime, "
        "or to identify a deceased, missing or endangered person; no warrant; the Bureau's "
        "logs are public records. Past the definitions, from summaries and the news.",
        classify=classify,
    )


LD1585 = Version.from_builder(_make)
"""25 M.R.S. §6001 as in force from October 1, 2021, under the readings adopted."""
