"""Utah Code §§77-23e-101 to -106, as enacted by Laws of Utah 2021, chapter 200 (S.B. 34).

"Governmental Use of Facial Recognition Technology" (Sen. Thatcher, Rep. Seegmiller), in
force from 2021-05-05. Sections 77-23e-102 (in part), -103(1)-(2), -104, -105 and -106 were
read in copies of the Code (self-law.org, lexace.ai, findlaw, counselstack, the
cloudfront copy of casetext, getpocketlaw, lawserver, utahlexgraph; AGORA's copy of the
enacted bill), verification ``text``. Not read: the end of the definition of "government
entity" in -102(5)(a) (the copies stop at the courts, item (xv)), and -103(3) onward (the
copies stop at "(3) A government entity may not use a facial recog..."). Those gaps are a
named reading and a prose provision; nothing in them is encoded as read.

What it asks, in short: a government entity may not use a facial recognition system on an
image database (a database of the images it captures of people who deal with it: driver
license photos, booking photos) except as the chapter allows. Only a law enforcement agency
may ask for a comparison, in writing (through the Utah Criminal Justice Information System
for the Department of Public Safety's databases); a trained employee completes a request
that carries a case identification number, is for a permitted purpose, and, to investigate
a crime, states the crime with a factual narrative showing a fair probability that the
person sought is connected to it. The permitted purposes: investigating a felony, a violent
crime or a threat to human life; identifying a person who is deceased, incapacitated, or at
risk and unable to give their identity. The Department of Public Safety alone runs
comparisons on the databases it maintains or shares, and may also check license applicants
for fraud. Another entity first gives thirty days' public notice. Each entity reports every
year, between August 1 and October 15. No warrant is needed.

Who is bound: the Utah government entity that runs the comparison, on an image database,
to identify an unknown person (the chapter's facial recognition system attempts to determine
the identity of an unknown individual). Who may ask is any law enforcement agency: the
chapter's definition ("a public entity that exists primarily to prevent, detect, or prosecute
crime") is not confined to Utah's, so another state's police and the FBI may ask the
Department too, on the same conditions. A search of a commercial or FBI database is not a
search of an image database as the chapter defines it, and is outside the chapter.

Three questions the text leaves open, or that the copies did not reach, are named readings
(:data:`READINGS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_ut.common import CALENDAR, INSTRUMENT_ID, cite, source
from frpolicy.jurisdictions.us_ut.offenses import OFFENSES, classify
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
from frpolicy.model import AgencyKind, Analysis, Database, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Leaf, Predicate, leaf

__all__ = ["CH200", "INSTRUMENT", "READINGS"]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="Governmental Use of Facial Recognition Technology (S.B. 34, 2021 General Session; "
    "Laws of Utah 2021, ch. 200), making Utah Code §§77-23e-101 to -106",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2021, 5, 5),
    url="https://le.utah.gov/~2021/bills/static/SB0034.html",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of Utah Code ch. 77-23e (self-law.org, lexace.ai, codes.findlaw.com, "
    "law.counselstack.com, getpocketlaw.com, lawserver.com, agora.eto.tech's copy of S.B. 34)"
)

# -- readings: where the text admits more than one answer, or was not read -------------------

MISSING_PERSON = Reading(
    id="ut-missing-person",
    question="Is locating or identifying a missing person 'identifying an individual who is "
    "... at risk and otherwise unable to provide the law enforcement agency with his or her "
    "identity' (103(2)(c)(ii)(C))?",
    choices=(
        Choice(
            id="not-named",
            text="No: the clause is about identifying a person at hand who cannot say who "
            "they are; a missing person is sought, not unable to give an identity, and the "
            "chapter does not name missing persons as Maine and Maryland do.",
        ),
        Choice(
            id="at-risk",
            text="Yes: a missing person is at risk, and absent, so cannot give the agency "
            "their identity.",
        ),
    ),
    source=source(Verification.TEXT, _MED, "Utah Code 77-23e-103(2)(c)(ii); an interpretation"),
    citation=cite("103", "(2)(c)(ii)"),
)
BOOKING_PHOTOS = Reading(
    id="ut-booking-photos",
    question="Are booking photos an image database 'maintained by or shared with the "
    "department' (104(1)), so that only the Department of Public Safety may search them?",
    choices=(
        Choice(
            id="shared-with-the-department",
            text="Yes: booking photos are kept in the statewide criminal justice records the "
            "Department's Bureau of Criminal Identification holds, so only the Department "
            "searches them.",
        ),
        Choice(
            id="entity-own",
            text="No: a jail's or a police department's booking photos are its own image "
            "database, which it may search itself after the notice of 105(2).",
        ),
    ),
    source=source(
        Verification.UNVERIFIED,
        _LOW,
        "background on the Department's Bureau of Criminal Identification; not read",
    ),
    citation=cite("104", "(1)"),
)
GOVERNMENT_ENTITY = Reading(
    id="ut-government-entity",
    question="Is a city or county body (a police department, a sheriff, a county or district "
    "attorney) a 'government entity' (102(5))? The copies read stop at item (xv), the courts.",
    choices=(
        Choice(
            id="with-political-subdivisions",
            text="Yes: the list follows the pattern of Utah's other definitions of a "
            "government entity (the license plate reader statute's ends with 'any political "
            "subdivision of the state'), and 105(2) speaks of an entity other than the "
            "Department starting to use facial recognition on its own database.",
        ),
        Choice(
            id="state-bodies-only",
            text="No: only the State's own bodies are; a city or county police department, "
            "and a prosecutor (frpolicy cannot tell the Attorney General's office from a "
            "county's), is outside the chapter when it runs a comparison itself.",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _MED,
        "Utah Code 77-23e-102(5)(a)(i)-(xv) read; the rest by analogy with Utah Code "
        "41-6a-2002(3)(a) (ut.elaws.us)",
    ),
    citation=cite("102", "(5)"),
)
READINGS = (MISSING_PERSON, BOOKING_PHOTOS, GOVERNMENT_ENTITY)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound, and on what ------------------------------------------------------------------

_THE_DEPARTMENT = frozenset({AgencyKind.STATE_POLICE, AgencyKind.MOTOR_VEHICLE_REGISTRY})
"""The kinds of agency that are divisions of the Department of Public Safety in Utah."""
_STATE_BODIES = _THE_DEPARTMENT | {AgencyKind.OTHER_PUBLIC_AGENCY}
_LOCAL_BODIES = frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.PROSECUTOR})
_LAW_ENFORCEMENT = frozenset(
    {
        AgencyKind.LOCAL_POLICE,
        AgencyKind.STATE_POLICE,
        AgencyKind.PROSECUTOR,
        AgencyKind.FBI,
        AgencyKind.FEDERAL,
    }
)
"""102: a public entity that exists primarily to prevent, detect or prosecute crime: the
police, prosecutors, the FBI and other federal law enforcement, of any place."""

UTAH_REQUESTER = c.requested_by_agency_of("US-UT", "Utah")
UTAH_SEARCHER = c.performed_by_agency_of("US-UT", "Utah")
THE_DEPARTMENT_SEARCHES = c.performed_by_any(_THE_DEPARTMENT) & UTAH_SEARCHER
"""The Department of Public Safety runs the comparison."""
IDENTIFICATION = c.analysis_is(Analysis.IDENTIFICATION)
IMAGE_DATABASE = leaf(
    "image_database",
    "the comparison runs on an image database (driver license photos, booking photos, or "
    "another database of images a government entity captured), or names no database",
    "Database.MOTOR_VEHICLE_RECORDS in r.databases or Database.BOOKING_PHOTOS in r.databases"
    " or Database.OTHER in r.databases"
    " or not (Database.FBI in r.databases or Database.COMMERCIAL in r.databases)",
)
DRIVER_LICENSE_PHOTOS = leaf(
    "driver_license_photos",
    "the comparison runs on driver license photos, which the Department of Public Safety maintains",
    "Database.MOTOR_VEHICLE_RECORDS in r.databases",
)
BOOKING_PHOTO_DATABASE = leaf(
    "booking_photos",
    "the comparison runs on booking photos",
    "Database.BOOKING_PHOTOS in r.databases",
)


def _government_entity(readings: Mapping[str, Reading]) -> frozenset[AgencyKind]:
    if readings[GOVERNMENT_ENTITY.id].chosen == "with-political-subdivisions":
        return _STATE_BODIES | _LOCAL_BODIES
    return _STATE_BODIES


def _scope(readings: Mapping[str, Reading]) -> Predicate:
    # 103(1): a government entity's use of a facial recognition system on an image database
    entity = c.performed_by_any(_government_entity(readings)) & UTAH_SEARCHER
    return entity & IDENTIFICATION & IMAGE_DATABASE


def _department_database(readings: Mapping[str, Reading]) -> Predicate:
    if readings[BOOKING_PHOTOS.id].chosen == "shared-with-the-department":
        return DRIVER_LICENSE_PHOTOS | BOOKING_PHOTO_DATABASE
    return DRIVER_LICENSE_PHOTOS


# -- the request and its purposes ------------------------------------------------------------

LAW_ENFORCEMENT_ASKS = c.requested_by_any(_LAW_ENFORCEMENT)
WRITTEN = leaf(
    "written_request",
    "the request was submitted in writing (through the Utah Criminal Justice Information "
    "System, for the Department's databases)",
    "r.written_request",
)
CASE_NUMBER = leaf(
    "case_number_stated",
    "the request includes a case identification number",
    "r.case_number is not None",
)
CRIME_AND_NARRATIVE = leaf(
    "crime_and_narrative_stated",
    "the request states the specific crime and a factual narrative to support a fair "
    "probability that the person sought is connected to it",
    "r.offense is not None and r.factual_narrative is not None",
)
_INVESTIGATING = frozenset(
    {
        Purpose.CRIMINAL_INVESTIGATION,
        Purpose.IDENTIFY_VICTIM,
        Purpose.IDENTIFY_WITNESS,
        Purpose.SEIZED_MEDIA_ANALYSIS,
        Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
    }
)
INVESTIGATING_A_CRIME = c.purpose_in(_INVESTIGATING)
FELONY = leaf(
    "felony",
    "the crime is a felony: punishable by imprisonment for more than a year",
    "r.offense is not None and (r.offense.penalty.death or r.offense.penalty.life"
    " or (r.offense.penalty.max_term_months is not None"
    " and r.offense.penalty.max_term_months > ONE_YEAR))",
    ONE_YEAR=12,
)
VIOLENT_CRIME = leaf(
    "violent_crime",
    "the crime is a violent crime",
    "r.offense is not None and OffenseCategory.VIOLENT in r.offense.categories",
)
THREAT_TO_HUMAN_LIFE = leaf(
    "threat_to_human_life",
    "the emergency is a threat to human life",
    "r.emergency is not None and r.emergency.harm is Harm.DEATH",
)
_IDENTIFY = frozenset({Purpose.IDENTIFY_DECEASED, Purpose.IDENTIFY_INCAPACITATED})
_MISSING = frozenset({Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_MISSING_OR_INCAPACITATED})
_LICENSING = frozenset({Purpose.LICENSE_ISSUANCE, Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION})
LICENSE_APPLICATION_CHECK = (
    THE_DEPARTMENT_SEARCHES
    & c.requested_by(AgencyKind.MOTOR_VEHICLE_REGISTRY)
    & UTAH_REQUESTER
    & c.purpose_in(_LICENSING)
)
"""104(2)(b)(i): the Department, for its Driver License Division, checks a license or
identification card application."""
REQUEST_IN_ORDER = LAW_ENFORCEMENT_ASKS & WRITTEN & CASE_NUMBER
"""103(2)(a)-(b): a law enforcement agency's written request, with a case number."""


def _identify(readings: Mapping[str, Reading]) -> frozenset[Purpose]:
    if readings[MISSING_PERSON.id].chosen == "at-risk":
        return _IDENTIFY | _MISSING
    return _IDENTIFY


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        # 104(1) The Department is the only entity that may run comparisons on the databases
        # it maintains or shares.
        Rule(
            id="UT-DEPARTMENT-DATABASES",
            effect=Effect.FORBID,
            when=~THE_DEPARTMENT_SEARCHES & _department_database(readings),
            citation=cite("104", "(1)"),
            paraphrase="The Department of Public Safety is the only government entity in the "
            "state authorized to run a facial recognition comparison on an image database it "
            "maintains or that is shared with it: driver license photos (and, read so, booking "
            "photos).",
            source=text,
        ),
        # 103(2)(a)(i) Only a law enforcement agency may ask for a comparison.
        Rule(
            id="UT-LAW-ENFORCEMENT-ONLY",
            effect=Effect.FORBID,
            when=~LAW_ENFORCEMENT_ASKS & ~LICENSE_APPLICATION_CHECK,
            citation=cite("103", "(2)(a)(i)"),
            paraphrase="Only a law enforcement agency may ask a government entity to run a "
            "facial recognition comparison: no other body may have one run, for itself or "
            "another. The Department's own check of license applications (104(2)(b)) needs no "
            "request.",
            source=text,
        ),
        # 105(2) An entity other than the Department gives thirty days' public notice first.
        Rule(
            id="UT-NOTICE-BEFORE-USE",
            effect=Effect.FORBID,
            when=~THE_DEPARTMENT_SEARCHES & ~c.TECHNOLOGY_APPROVED,
            citation=cite("105", "(2)"),
            paraphrase="A government entity other than the Department may begin using a facial "
            "recognition system on its image database only after publishing notice of the "
            "proposed use at least 30 days before, taking written comment for 15 days, "
            "weighing it and posting its final decision (the request says so by the "
            "technology's approval).",
            source=source(
                Verification.TEXT, _MED, _TEXT + "; the approval stands for the notice process"
            ),
        ),
        # 103(2)(b)-(c)(i) ... a request with a case number, in writing, to investigate a felony
        # or a violent crime, stating the crime and a narrative showing a fair probability.
        Rule(
            id="UT-FELONY-OR-VIOLENT-CRIME",
            effect=Effect.PERMIT,
            when=REQUEST_IN_ORDER
            & INVESTIGATING_A_CRIME
            & CRIME_AND_NARRATIVE
            & (FELONY | VIOLENT_CRIME),
            citation=cite("103", "(2)(b)-(c)"),
            paraphrase="A trained employee completes a law enforcement agency's written "
            "request, with a case identification number, to investigate a felony or a violent "
            "crime, if it states the specific crime and a factual narrative supporting a fair "
            "probability that the person sought is connected to it. No warrant is needed.",
            source=text,
        ),
        # 103(2)(c)(i) ... or to investigate a threat to human life;
        Rule(
            id="UT-THREAT-TO-LIFE",
            effect=Effect.PERMIT,
            when=REQUEST_IN_ORDER
            & c.EMERGENCY_DECLARED
            & THREAT_TO_HUMAN_LIFE
            & (~INVESTIGATING_A_CRIME | CRIME_AND_NARRATIVE),
            citation=cite("103", "(2)(b)-(c)"),
            paraphrase="A trained employee completes a law enforcement agency's written "
            "request, with a case identification number, to investigate a threat to human "
            "life; a request that investigates a crime also states the crime and the "
            "narrative.",
            source=text,
        ),
        # 103(2)(c)(ii) ... or to identify a person who is deceased, incapacitated, or at risk
        # and unable to give their identity.
        Rule(
            id="UT-IDENTIFY",
            effect=Effect.PERMIT,
            when=REQUEST_IN_ORDER & c.purpose_in(_identify(readings)),
            citation=cite("103", "(2)(b)-(c)"),
            paraphrase="A trained employee completes a law enforcement agency's written "
            "request, with a case identification number, to identify a person who is "
            "deceased, incapacitated, or at risk and otherwise unable to give the agency their "
            "identity (whether a missing person is one is a reading).",
            source=text,
        ),
        # 104(2)(b)(i) The Department checks license applications for fraud.
        Rule(
            id="UT-LICENSE-APPLICATIONS",
            effect=Effect.PERMIT,
            when=LICENSE_APPLICATION_CHECK,
            citation=cite("104", "(2)(b)(i)"),
            paraphrase="The Department may, without a request, compare an image taken of an "
            "applicant for a license certificate or an identification card to determine "
            "whether the application is fraudulent or inaccurate.",
            source=text,
        ),
    )


def _duties() -> tuple[Duty, ...]:
    return (
        # 106(3) Every year, between August 1 and October 15, a report to the legislature.
        Duty(
            id="UT-ANNUAL-REPORT",
            when=IMAGE_DATABASE,
            citation=cite("106", "(3)"),
            paraphrase="Each government entity that runs comparisons reports every year, on or "
            "after August 1 and before October 15, to the Government Operations Interim "
            "Committee: the types of crime it received requests for, the number of requests "
            "of each type, the probable matches it gave for each request, and the image "
            "source of each match; with no detail of a pending investigation. Every request "
            "is counted, granted or not. The text does not say which period a report covers, "
            "so no deadline is computed for a request.",
            source=source(Verification.TEXT, _HIGH, _TEXT),
            action="count the request, its type of crime, its probable matches and their "
            "image source in the annual report",
            party="the government entity that runs the comparison",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _runs_on(database: Database) -> Leaf:
    return leaf(
        f"runs_on_{database.value}",
        f"the comparison runs on the database of {database.value.replace('_', ' ')}",
        "DATABASE in r.databases",
        DATABASE=database,
    )


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    def sort(kinds: frozenset[AgencyKind]) -> list[AgencyKind]:
        return sorted(kinds, key=lambda k: k.value)

    performed_in_utah = c.performed_by_agency_of("US-UT", "Utah")
    asked_in_utah = c.requested_by_agency_of("US-UT", "Utah")
    entity = AnyOf(
        tuple(c.performed_by(k) & performed_in_utah for k in sort(_government_entity(readings)))
    )
    department = AnyOf(tuple(c.performed_by(k) & performed_in_utah for k in sort(_THE_DEPARTMENT)))
    image_database = AnyOf(
        tuple(
            _runs_on(d)
            for d in (Database.MOTOR_VEHICLE_RECORDS, Database.BOOKING_PHOTOS, Database.OTHER)
        )
    ) | ~AnyOf(tuple(_runs_on(d) for d in Database))
    departments_own: Predicate = _runs_on(Database.MOTOR_VEHICLE_RECORDS)
    if readings[BOOKING_PHOTOS.id].chosen == "shared-with-the-department":
        departments_own |= _runs_on(Database.BOOKING_PHOTOS)
    license_check = (
        department
        & c.requested_by(AgencyKind.MOTOR_VEHICLE_REGISTRY)
        & asked_in_utah
        & (
            c.purpose_is(Purpose.LICENSE_ISSUANCE)
            | c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
        )
    )
    law_enforcement = AnyOf(tuple(c.requested_by(k) for k in sort(_LAW_ENFORCEMENT)))
    investigating = AnyOf(
        tuple(c.purpose_is(p) for p in sorted(_INVESTIGATING, key=lambda p: p.value))
    )
    # a felony, as Utah classes one: a term over a year, life or death
    felony = leaf(
        "felony_by_degree",
        "the crime is a felony of the first, second or third degree, or a capital felony",
        "r.offense is not None and (r.offense.penalty.life or r.offense.penalty.death"
        " or not (r.offense.penalty.max_term_months is None"
        " or r.offense.penalty.max_term_months <= 12))",
    )
    violent = leaf(
        "violent_category",
        "the offense is of the violent category",
        "r.offense is not None and OffenseCategory.VIOLENT in r.offense.categories",
    )
    threat = c.EMERGENCY_DECLARED & leaf(
        "emergency_threatens_death",
        "the emergency threatens death",
        "r.emergency is not None and r.emergency.harm is Harm.DEATH",
    )
    identify = [Purpose.IDENTIFY_DECEASED, Purpose.IDENTIFY_INCAPACITATED]
    if readings[MISSING_PERSON.id].chosen == "at-risk":
        identify += [Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_MISSING_OR_INCAPACITATED]
    purposes = (
        (investigating & (felony | violent))
        | threat
        | AnyOf(tuple(c.purpose_is(p) for p in identify))
    )
    case_number = leaf("case_number_given", "a case number is given", "r.case_number is not None")
    narrative = leaf(
        "narrative_given",
        "the crime and a factual narrative are given",
        "r.factual_narrative is not None and r.offense is not None",
    )
    written = leaf("in_writing", "the request is in writing", "r.written_request is True")
    return (
        Invariant(
            id="binds-utah-government-entities",
            statement="Every comparison a Utah government entity runs on an image database to "
            "identify a person is governed by the chapter, whoever asked for it.",
            holds=~(entity & c.analysis_is(Analysis.IDENTIFICATION) & image_database),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("103", "(1)"),
        ),
        Invariant(
            id="only-law-enforcement-asks",
            statement="A permitted comparison, other than the Department's check of a license "
            "application, is asked for by a law enforcement agency (of any place).",
            when=~license_check,
            holds=law_enforcement,
            citation=cite("103", "(2)(a)(i)"),
        ),
        Invariant(
            id="department-alone-on-its-databases",
            statement="A permitted comparison on driver license photos (or, read so, booking "
            "photos) is run by the Department of Public Safety.",
            when=departments_own,
            holds=department,
            citation=cite("104", "(1)"),
        ),
        Invariant(
            id="permitted-purposes",
            statement="A permitted comparison, other than the Department's check of a license "
            "application, investigates a felony, a violent crime or a threat to human life, or "
            "identifies a person who is deceased, incapacitated or at risk.",
            when=~license_check,
            holds=purposes,
            citation=cite("103", "(2)(c)"),
        ),
        Invariant(
            id="written-with-a-case-number",
            statement="A permitted comparison, other than the Department's check of a license "
            "application, was asked for in writing with a case identification number.",
            when=~license_check,
            holds=case_number & written,
            citation=cite("103", "(2)(a)-(b)"),
        ),
        Invariant(
            id="crime-and-narrative",
            statement="A permitted comparison to investigate a crime states the crime and a "
            "factual narrative.",
            when=~license_check & investigating,
            holds=narrative,
            citation=cite("103", "(2)(b)(iii)"),
        ),
        Invariant(
            id="notice-before-use",
            statement="An entity other than the Department runs a permitted comparison only "
            "after its public notice and comment period.",
            when=~department,
            holds=c.TECHNOLOGY_APPROVED,
            citation=cite("105", "(2)"),
        ),
        Invariant(
            id="every-request-reported",
            statement="Every request a government entity receives, granted or not, is counted "
            "in its annual report to the Government Operations Interim Committee.",
            obliges=("UT-ANNUAL-REPORT",),
            outcomes=EVERY_REQUEST,
            citation=cite("106", "(3)"),
        ),
        Invariant(
            id="request-in-order-completed",
            statement="The Department completes a police department's written request, with a "
            "case number, to identify a deceased person: 'shall complete the request'.",
            holds=~(
                c.requested_by(AgencyKind.LOCAL_POLICE)
                & department
                & written
                & case_number
                & c.purpose_is(Purpose.IDENTIFY_DECEASED)
            ),
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite("103", "(2)(b)"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="UT-DEF",
            citation=cite("102"),
            text="'Department' is the Department of Public Safety. A 'facial recognition "
            "comparison' compares an image or facial biometric data to an image database. A "
            "'facial recognition system' is a computer system that, to attempt to determine "
            "the identity of an unknown individual, compares the biometric data of that "
            "person's face with that of known individuals; not one free to the public, nor one "
            "a consumer uses privately. An 'image database' is a database a government entity "
            "maintains of the images it captures of individuals while they deal with it. A "
            "'law enforcement agency' is a public entity that exists primarily to prevent, "
            "detect or prosecute crime or enforce criminal statutes or ordinances.",
            source=text,
        ),
        Provision(
            id="UT-OUTSIDE-THE-CHAPTER",
            citation=cite("102"),
            text="A comparison against a commercial database or the FBI's is not on an "
            "'image database' (the images were not captured by a government entity of the "
            "State), and verifying a known person or tracking one is not what the chapter's "
            "system does (identifying an unknown one): such searches are outside the chapter "
            "(not applicable).",
            source=source(Verification.TEXT, _MED, _TEXT + "; what the definitions leave out"),
        ),
        Provision(
            id="UT-THE-DEPARTMENT",
            text="frpolicy takes a Utah agency of the State Police kind (the Highway Patrol, "
            "the State Bureau of Investigation, the Statewide Information and Analysis Center) "
            "or of the motor vehicle registry kind (the Driver License Division) as the "
            "Department of Public Safety: those are its divisions.",
            source=source(
                Verification.UNVERIFIED,
                _MED,
                "background on Utah Code 53-1-104 and 53-3-103, not read",
            ),
        ),
        Provision(
            id="UT-VIOLENT-CRIME",
            citation=cite("103", "(2)(c)(i)"),
            text="'Violent crime' is not defined in the chapter (Utah Code 76-3-203.5 defines a "
            "'violent felony', a narrower term). The offense's category, as stated with it, "
            "decides; a misdemeanor assault is a violent crime.",
            source=source(Verification.TEXT, _MED, _TEXT + "; an interpretation"),
        ),
        Provision(
            id="UT-103-3-ON",
            citation=cite("103", "(3)"),
            text="Not read: 103(3) and what follows; the copies stop at '(3) A government entity "
            "may not use a facial recog...'. Summaries of S.B. 34 say the chapter prohibits use "
            "for civil immigration violations and asks for human review of results; neither is "
            "encoded.",
            source=source(
                Verification.SUMMARY,
                _LOW,
                "agora.eto.tech and airi-navigator.com summaries of S.B. 34 (marked as awaiting "
                "review, and as machine-classified)",
            ),
        ),
        Provision(
            id="UT-TRAINED-EMPLOYEE",
            citation=cite("103", "(2)(b)"),
            text="The request is completed by a trained employee of the entity that maintains "
            "or has access to the database. Not checked per search: the request does not name "
            "the employee who runs it.",
            source=text,
        ),
        Provision(
            id="UT-USE-OF-RESULTS",
            citation=cite("103", "(2)(d)"),
            text="The law enforcement agency uses the comparison only in accordance with the "
            "requirements of law and for a purpose of 103(2)(c). A limit on what follows the "
            "search, kept as prose.",
            source=text,
        ),
        Provision(
            id="UT-PHOTO-LINEUP",
            citation=cite("104", "(2)(b)(ii)"),
            text="The Department may provide images for a photo lineup for a purpose of "
            "103(2)(c). Not a comparison: kept as prose.",
            source=text,
        ),
        Provision(
            id="UT-UCJIS",
            citation=cite("104", "(3)"),
            text="A request for a comparison on a database of the Department is submitted "
            "through the Utah Criminal Justice Information System, in place of the written "
            "request of 103(2)(a)(ii); encoded as the request's being in writing.",
            source=text,
        ),
        Provision(
            id="UT-NOTICE-AT-CAPTURE",
            citation=cite("105", "(1)"),
            text="When a government entity captures an image of a person who deals with it, it "
            "tells the person that the image may be used with facial recognition. A duty at "
            "capture, not of a search.",
            source=text,
        ),
        Provision(
            id="UT-NO-APPEAL",
            citation=cite("105", "(3)"),
            text="The notice and comment process of 105(2) creates no right of appeal.",
            source=text,
        ),
        Provision(
            id="UT-DATA-USE",
            citation=cite("106", "(1)"),
            text="Notwithstanding the Government Records Access and Management Act, data relating "
            "to a comparison may not be used or shared for a purpose the chapter does not "
            "describe.",
            source=text,
        ),
        Provision(
            id="UT-STATISTICS",
            citation=cite("106", "(2)"),
            text="On request, a government entity releases statistics on its comparisons: the "
            "types of crime it received requests for, the number of each type, and the "
            "probable matches given for each request; never details of a pending "
            "investigation.",
            source=text,
        ),
        Provision(
            id="UT-NO-WARRANT",
            text="No warrant is needed: the control is the written request, the case number, "
            "the purposes and the fair-probability narrative (inferred: no warrant appears in "
            "the text read).",
            source=source(Verification.SUMMARY, _MED, "provisions catalog UT-NO-WARRANT, inferred"),
        ),
        Provision(
            id="UT-SOLE-BASIS",
            text="Not found: no clause that a result may not be the sole basis for probable "
            "cause was seen in the text read.",
            source=source(Verification.TEXT, _MED, _TEXT),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-UT",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=_scope(readings),
            rules=_rules(readings),
            duties=_duties(),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        invariants=_invariants(readings),
        provisions=_provisions(),
        aliases=("S.B. 34", "SB 34", "Utah Code 77-23e"),
        summary="Only law enforcement may ask, in writing with a case number, for a felony, a "
        "violent crime, a threat to life, or a deceased, incapacitated or at-risk person; a "
        "crime is stated with a fair-probability narrative; the Department of Public Safety "
        "alone searches its databases; public notice before use; an annual report. No "
        "warrant.",
        classify=classify,
    )


CH200 = Version.from_builder(_make)
"""Utah Code ch. 77-23e as in force from May 5, 2021, under the readings adopted."""
