"""Chapter 43.386 RCW, "Facial recognition", as made by Laws 2020 c 257 (ESSB 6280).

Signed 2020-03-31, in force from 2021-07-01. Sections .010 to .100 were read in copies of
the Revised Code (verification ``text``), but for .050's content, .060 (training) and
.080(6)-(7) (sketches, manipulated images), which rest on background knowledge and are
marked so; of .100 only the title was read. A third reading (2026-12) read again
.010(1)-(5) (lawserver), .020(1)-(2)(d)(i) (app.leg.wa.gov), .070 (lawfilesext.leg.wa.gov),
.080(1)-(5) (counselstack, getpocketlaw) and .090 (instalawyer), and RCW 46.20.037 in the
2012 bills that gave it its text (HB 2433, SB 6150, lawfilesext.leg.wa.gov).

What it asks, in short: a state or local government agency may use a facial recognition
service once it has filed a notice of intent and produced an accountability report for it
(.020). It may not use the service for ongoing surveillance, real-time identification or
persistent tracking without a warrant, exigent circumstances, or a court order to find a
missing person or identify a deceased one (.080(1)); nor because of a person's views,
associations or protected characteristics (.080(2)); nor to record anyone's exercise of
First Amendment rights (.080(3)). Decisions with legal effects get meaningful human review
(.030); results are never the sole basis for probable cause (.080(5)); a defendant is told
before trial (.070(1)); every use is recorded for reporting and audit (.070(2)). There is
no offense threshold, and a one-off identification from a still image after the fact needs
no warrant.

Another chapter of Washington law is encoded here too, because a decision that says
PERMITTED must not be read as "lawful in Washington" where it is not: RCW 46.20.037(1)
confines the Department of Licensing's facial recognition matching system to verifying the
identity of applicants for and holders of drivers' licenses, permits and identicards. A
search the Department runs for anything else (for the police, or for Homeland Security
Investigations) is forbidden by the rule ``WA-DOL-SYSTEM``, cited to RCW 46.20.037 and its
own instrument (Laws 2012 c 80), while the version stays chapter 43.386's: it is the one
Washington jurisdiction a user asks, and the rule binds only searches the chapter governs,
which every search the Department runs is but its own licensing (permitted by both) and a
use that identifies, verifies or tracks no one.

Who is bound: every state or local government agency of Washington (an agency whose home,
see :class:`~frpolicy.model.Agency`, is ``US-WA``, lies within it or is not stated) that
asks for or runs a search, law enforcement or not, with a service that identifies, verifies
or persistently tracks people (.010(3): inferring emotions is not one). An agency that asks
another body to run the search uses the service through it, as read
(:data:`REQUESTER_USES`): .020(2)(d)(i) has the accountability report describe a service
"operated or used by another entity on the agency's behalf". So a Seattle request to the FBI
is governed, and so is a search a Washington agency runs for the FBI, another state's police
or another state's motor vehicle registry; a search no Washington agency asks for or runs
is not (the FBI's own, an Oregon department's own). The law enforcement provisions
(.080(5)-(6)) bind Washington's police and prosecutors only: "a state or local law
enforcement agency" of a Washington statute is Washington's. The chapter does not apply to
a federally mandated use, or to verifying travellers' identity at an airport or seaport with
a federal agency (.090; such a use is still reported), nor to the Department of Licensing's
own licensing (.100).

Five questions the text leaves open are named readings (:data:`READINGS`): whether a court
order for a missing or deceased person covers a search for another purpose, what exigent
circumstances are, what it is to "create a record" of First Amendment activity, whether an
agency that asks another to search uses the service, and whether a court order lets the
Department of Licensing run its system for another agency.

Decisions of the third reading (finding, decision, confidence, source):

- Who "uses" a service (.010(3), .020): the agency that asks does, through the one that runs
  it; the other reading (only the one that runs it) is encoded. V for the text, medium for
  the reading: .020(2)(d)(i).
- The Department of Licensing's system (RCW 46.20.037(1)): a rule of this jurisdiction,
  cited to its own chapter, forbids any other use, even one .090 exempts from chapter
  43.386; whether a court order opens it is a reading, adopted closed. V, high for (1) (the
  2012 bills' text); S, low for the court order (a 2012 bill report, the Department's page).
- Exigent circumstances (.080(1)(b)): the permissive reading stays adopted, now argued: the
  term is undefined and takes the meaning Washington's courts give it, which counts escape
  and the destruction of evidence, not only danger to a person (State v. Tibbles, 169 Wn.2d
  364 (2010)); the immediacy, which both readings require, is what keeps it narrow. S,
  medium: case summaries of Tibbles.
- Where agencies belong: the scope, the law enforcement provisions and the Department's
  licensing exemption read the agency's home; every kind of agency from every place is
  tested.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_wa.common import (
    CALENDAR,
    INSTRUMENT_ID,
    cite,
    cite_licensing_system,
    source,
)
from frpolicy.jurisdictions.us_wa.offenses import OFFENSES
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
from frpolicy.model import (
    AgencyKind,
    Analysis,
    Disclosure,
    EventKind,
    ProtectedGround,
    Purpose,
)
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = [
    "COURT_ORDER_PURPOSE",
    "DOL_COURT_ORDER",
    "EXEMPT",
    "EXIGENT",
    "FIRST_AMENDMENT_RECORD",
    "INSTRUMENT",
    "LAWS_2020_C257",
    "LAW_ENFORCEMENT",
    "LICENSING",
    "LICENSING_SYSTEM",
    "READINGS",
    "REQUESTER_USES",
    "SCOPE",
    "SURVEILLANCE",
]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="An act relating to the use of facial recognition services (ESSB 6280, Laws 2020 "
    "c 257), making chapter 43.386 RCW",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2021, 7, 1),
    url="https://app.leg.wa.gov/RCW/default.aspx?cite=43.386",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of chapter 43.386 RCW (app.leg.wa.gov, lawfilesext.leg.wa.gov, counselstack, instalawyer)"
)

# -- readings: where the text admits more than one answer -----------------------------------

COURT_ORDER_PURPOSE = Reading(
    id="wa-court-order-purpose",
    question="A court order under .080(1)(c) authorizes the service 'for the sole purpose' of "
    "locating or identifying a missing person or identifying a deceased one. Must the search "
    "itself be for the purpose the order names?",
    choices=(
        Choice(
            id="same-purpose",
            text="Yes: the order covers only a search for the purpose it was issued for; a "
            "missing-person order does not cover a search in a criminal investigation.",
        ),
        Choice(
            id="order-purpose-only",
            text="No: an order issued for a missing or deceased person is enough, whatever the "
            "search is for.",
        ),
    ),
    source=source(Verification.TEXT, _MED, "RCW 43.386.080(1)(c); an interpretation of 'sole'"),
    citation=cite("080", "(1)(c)"),
)
EXIGENT = Reading(
    id="wa-exigent-circumstances",
    question="The chapter does not define 'exigent circumstances' (.080(1)(b)). What do they take?",
    choices=(
        Choice(
            id="immediate-need",
            text="An emergency, declared by the time of the search, that demands action "
            "before a warrant could be had, whatever it threatens. Adopted: an undefined term "
            "of art takes its settled meaning, and Washington's exception to the warrant "
            "requirement covers a delay that 'would compromise officer safety, facilitate "
            "escape or permit the destruction of evidence' (State v. Tibbles, 169 Wn.2d 364 "
            "(2010)), not only danger to a person; what keeps it narrow is the immediacy, "
            "which both readings require.",
        ),
        Choice(
            id="danger-to-a-person",
            text="Only such an emergency that threatens harm to a person: a chapter that "
            "guards against surveillance would not let the escape of a suspect or the loss of "
            "evidence justify real-time identification.",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _MED,
        "State v. Tibbles, 169 Wn.2d 364, 236 P.3d 885 (2010), read in case summaries "
        "(lexisnexis.com case brief, studicata.com); .010 defines no exigency",
    ),
    citation=cite("080", "(1)(b)"),
)
FIRST_AMENDMENT_RECORD = Reading(
    id="wa-first-amendment-record",
    question="When does a search 'create a record describing' a person's exercise of First "
    "Amendment rights (.080(3))?",
    choices=(
        Choice(
            id="purpose",
            text="When recording that exercise is what the search is for; identifying a person "
            "from an image of a protest in the investigation of a crime is not, by itself.",
        ),
        Choice(
            id="any-identification",
            text="Whenever the search identifies a person from an image of them engaged in "
            "constitutionally protected activity: the identification is such a record.",
        ),
    ),
    source=source(Verification.TEXT, _LOW, "RCW 43.386.080(3); an interpretation"),
    citation=cite("080", "(3)"),
)
REQUESTER_USES = Reading(
    id="wa-requester-uses",
    question="Does a state or local agency that asks another body to run a search 'use' a "
    "facial recognition service (.010(3), .020), so that the chapter binds the search when the "
    "body that runs it is a federal agency or another state's?",
    choices=(
        Choice(
            id="through-another",
            text="Yes: .020(2)(d)(i) has the accountability report describe a service "
            "'operated or used by another entity on the agency's behalf', so the agency that "
            "asks uses the service through the one that runs it: the chapter governs the "
            "search whoever runs it, and the service must be one the asking agency reported on.",
        ),
        Choice(
            id="runs-it-only",
            text="No: a facial recognition service is technology 'used by a state or local "
            "government agency' (.010(3)(a)), and only the agency that runs the search uses "
            "it: a search a Washington agency asks the FBI or another state's agency to run is "
            "outside the chapter; one it asks another Washington agency to run is governed "
            "through that agency.",
        ),
    ),
    source=source(
        Verification.TEXT,
        _MED,
        "RCW 43.386.010(3)(a) (lawserver) and .020(1)-(2)(d)(i) (app.leg.wa.gov) read; which "
        "agency 'uses' a service the chapter does not say",
    ),
    citation=cite("020", "(2)(d)(i)"),
)
"""Whether an agency that asks another to run a search uses the service."""
DOL_COURT_ORDER = Reading(
    id="wa-dol-court-order",
    question="RCW 46.20.037(1) confines the Department of Licensing's facial recognition "
    "matching system to verifying the identity of applicants for and holders of drivers' "
    "licenses, permits and identicards. Does a court order let the Department run it for "
    "another agency's search?",
    choices=(
        Choice(
            id="licensing-only",
            text="No: the section confines the use itself; what a court order authorizes under "
            "it, as reported, is disclosing biometric information, which does not widen what "
            "the system may be used for.",
        ),
        Choice(
            id="court-order",
            text="Yes: a court order in force that authorizes the facial-recognition search "
            "lets the Department run it, as the Department says it does ('we do not share the "
            "use of the system with law enforcement or other agencies without a court order').",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _LOW,
        "RCW 46.20.037(1) read in the 2012 bills' text (HB 2433, SB 6150); the court-order "
        "clause read only in the Senate bill report on SB 6150 (2012, background: 'DOL may "
        "not disclose biometric information to the public or any governmental entity, except "
        "when authorized by court order') and on the Department's page on facial recognition",
    ),
    citation=cite_licensing_system("(1)"),
)
"""Whether a court order lets the Department of Licensing run its system for another agency."""
READINGS = (COURT_ORDER_PURPOSE, EXIGENT, FIRST_AMENDMENT_RECORD, REQUESTER_USES, DOL_COURT_ORDER)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_STATE_AND_LOCAL = frozenset(
    {
        AgencyKind.LOCAL_POLICE,
        AgencyKind.STATE_POLICE,
        AgencyKind.PROSECUTOR,
        AgencyKind.MOTOR_VEHICLE_REGISTRY,
        AgencyKind.OTHER_PUBLIC_AGENCY,
    }
)
_LAW_ENFORCEMENT = frozenset(
    {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
)
_DOL, _LICENSE = AgencyKind.MOTOR_VEHICLE_REGISTRY, Purpose.LICENSE_ISSUANCE
_FEDERAL_PURPOSES = frozenset({Purpose.FEDERALLY_MANDATED, Purpose.TRAVEL_VERIFICATION})

# .010(3): a facial recognition service identifies, verifies or persistently tracks people;
# the agencies of Washington are those whose home is US-WA, lies within it, or is not stated.
WASHINGTON_REQUESTER = c.requested_by_agency_of("US-WA", "Washington")
WASHINGTON_SEARCHER = c.performed_by_agency_of("US-WA", "Washington")
_OF_WASHINGTON = "(r.{0}.home is None or r.{0}.home == PLACE or r.{0}.home.startswith(WITHIN))"

# .100: Washington's Department of Licensing, licensing for itself, is outside the chapter.
LICENSING = leaf(
    "department_of_licensing_licensing",
    "Washington's Department of Licensing searches for itself, to issue drivers' licenses, "
    "permits or identicards (exempt, RCW 43.386.100)",
    "r.requesting_agency.kind is DOL and r.performing_agency.kind is DOL and r.purpose is LICENSE"
    f" and {_OF_WASHINGTON.format('requesting_agency')}"
    f" and {_OF_WASHINGTON.format('performing_agency')}",
    DOL=_DOL,
    LICENSE=_LICENSE,
    PLACE="US-WA",
    WITHIN="US-WA-",
)
"""Washington's Department of Licensing searching for itself to license: RCW 43.386.100."""


def _scope(readings: Mapping[str, Reading]) -> Predicate:
    runs = c.performed_by_any(_STATE_AND_LOCAL) & WASHINGTON_SEARCHER
    if readings[REQUESTER_USES.id].chosen == "through-another":
        runs |= c.requested_by_any(_STATE_AND_LOCAL) & WASHINGTON_REQUESTER
    return runs & c.IDENTIFY_VERIFY_OR_TRACK & ~LICENSING


SCOPE = _scope({r.id: r for r in READINGS})
"""The chapter governs every use of a facial recognition service by a state or local agency
of Washington, the agency that asks for a search included (as read)."""

# .090(1): a federally mandated use, or travellers' identity at an airport or seaport.
EXEMPT = leaf(
    "federal_exemption",
    "the use is exempt under RCW 43.386.090(1): mandated by federal regulation or order, or "
    "verifying travellers' identity at an airport or seaport with a federal agency",
    "r.purpose in FEDERAL",
    FEDERAL=_FEDERAL_PURPOSES,
)
"""A use .090(1) exempts from the chapter (it is still reported, .090(2))."""
LAW_ENFORCEMENT = (c.requested_by_any(_LAW_ENFORCEMENT) & WASHINGTON_REQUESTER) | (
    c.performed_by_any(_LAW_ENFORCEMENT) & WASHINGTON_SEARCHER
)
"""A Washington law enforcement agency (police, State Patrol, prosecutor) asks for or runs
the search: .080(4)-(6) bind them."""
LICENSING_SYSTEM = c.performed_by(_DOL) & WASHINGTON_SEARCHER
"""Washington's Department of Licensing runs the search: on its facial recognition matching
system, which RCW 46.20.037(1) confines to verifying license applicants and holders."""
_LICENSING_PURPOSES = frozenset(
    {Purpose.LICENSE_ISSUANCE, Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION}
)
SURVEILLANCE = c.ONGOING_SURVEILLANCE | c.REAL_TIME | c.PERSISTENT_TRACKING
"""Ongoing surveillance, real-time or near-real-time identification, or persistent tracking."""


def _exigency(readings: Mapping[str, Reading]) -> Predicate:
    exigent = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE
    if readings[EXIGENT.id].chosen == "danger-to-a-person":
        exigent &= c.EMERGENCY_HARM_TO_A_PERSON
    return exigent


def _missing_or_deceased_order(readings: Mapping[str, Reading]) -> Predicate:
    order = (
        c.COURT_ORDER_AUTHORIZES_SEARCH
        & c.COURT_ORDER_IN_FORCE
        & c.court_order_for(frozenset({Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_DECEASED}))
    )
    if readings[COURT_ORDER_PURPOSE.id].chosen == "same-purpose":
        order &= c.COURT_ORDER_FOR_THE_SEARCH_PURPOSE
    return order


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    warrant = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
    # no warrant, no exigency, no court order: each said apart when the rule applies
    unauthorized = ~warrant & ~_exigency(readings) & ~_missing_or_deceased_order(readings)
    record: Predicate = c.purpose_is(Purpose.RECORD_PROTECTED_ACTIVITY)
    if readings[FIRST_AMENDMENT_RECORD.id].chosen == "any-identification":
        record |= c.PROTECTED_ACTIVITY
    return (
        # .020 An agency uses a service once it has filed a notice of intent and produced an
        # accountability report: the technology is approved.
        Rule(
            id="WA-USE",
            effect=Effect.PERMIT,
            when=c.TECHNOLOGY_APPROVED,
            citation=cite("020"),
            paraphrase="A state or local government agency may use a facial recognition "
            "service for which it has filed a notice of intent with its legislative authority "
            "and produced an accountability report (the request says so by the technology's "
            "approval); subject to the limits of .080. No warrant is needed for a one-off "
            "identification after the fact, and there is no offense threshold.",
            source=source(
                Verification.TEXT, _HIGH, _TEXT + "; the approval stands for .020's report"
            ),
        ),
        # .090(1) The chapter does not apply to federally mandated uses, nor to travellers'
        # identity verified with a federal agency at an airport or seaport.
        Rule(
            id="WA-FEDERAL-EXEMPTION",
            effect=Effect.PERMIT,
            when=EXEMPT,
            citation=cite("090", "(1)"),
            paraphrase="The chapter does not apply to an agency mandated by a federal "
            "regulation or order to use a particular service, or acting with a federal agency "
            "to meet a congressional mandate, nor to one that verifies, with a federal agency, "
            "the identity of travellers at an airport or seaport. Such a use must still be "
            "reported (.090(2)).",
            source=text,
        ),
        # .080(1) No ongoing surveillance, real-time identification or persistent tracking
        # without a warrant, exigent circumstances or a missing/deceased person court order.
        Rule(
            id="WA-SURVEILLANCE",
            effect=Effect.FORBID,
            when=~EXEMPT & SURVEILLANCE & unauthorized,
            citation=cite("080", "(1)"),
            paraphrase="An agency may not use a service for ongoing surveillance, real-time or "
            "near-real-time identification, or persistent tracking unless a warrant authorizes "
            "it, exigent circumstances exist, or a court order (which may be ex parte) "
            "authorizes it solely to locate or identify a missing person or identify a "
            "deceased one. No filing follows an exigency.",
            source=text,
        ),
        # .080(2) Nothing based on views, associations or protected characteristics.
        Rule(
            id="WA-PROTECTED-GROUNDS",
            effect=Effect.FORBID,
            when=~EXEMPT & c.BASED_ON_PROTECTED_GROUND,
            citation=cite("080", "(2)"),
            paraphrase="An agency may not apply a service to a person based on their religious, "
            "political or social views or activities, their participation in a noncriminal "
            "organization or lawful event, or their actual or perceived race, ethnicity, "
            "citizenship, place of origin, immigration status, age, disability, gender, gender "
            "identity, sexual orientation or other characteristic protected by law.",
            source=text,
        ),
        # .080(3) No record of anyone's exercise of First Amendment rights.
        Rule(
            id="WA-FIRST-AMENDMENT",
            effect=Effect.FORBID,
            when=~EXEMPT & record,
            citation=cite("080", "(3)"),
            paraphrase="An agency may not use a service to create a record describing any "
            "person's exercise of rights guaranteed by the First Amendment and by Article I, "
            "section 5 of the state Constitution (what such a record is, is a reading).",
            source=text,
        ),
        # .080(6) (not read) No identification from a sketch.
        Rule(
            id="WA-SKETCH",
            effect=Effect.FORBID,
            when=~EXEMPT & LAW_ENFORCEMENT & c.SKETCH,
            citation=cite("080", "(6)"),
            paraphrase="A law enforcement agency may not use a service to identify a person "
            "from a sketch or another manually produced image. Recalled, not read.",
            source=source(Verification.UNVERIFIED, _MED, "provisions catalog WA-SKETCH (M)"),
        ),
        # RCW 46.20.037(1), another chapter: the Department of Licensing's matching system is
        # used only to verify license applicants and holders, whatever chapter 43.386 allows.
        Rule(
            id="WA-DOL-SYSTEM",
            effect=Effect.FORBID,
            when=_licensing_system_misused(readings),
            citation=cite_licensing_system("(1)"),
            paraphrase="Another Washington statute than chapter 43.386: the Department of "
            "Licensing's facial recognition matching system 'must be used only to verify the "
            "identity of an applicant for or holder of a driver's license, permit, or "
            "identicard to determine whether the person has been issued a driver's license, "
            "permit, or identicard under a different name or names.' A search the Department "
            "runs for another purpose (for the police, or for a federal agency) is forbidden, "
            "though chapter 43.386 would allow it or .090 exempt it from that chapter; whether "
            "a court order opens the system is a reading.",
            source=source(
                Verification.TEXT,
                _HIGH,
                "RCW 46.20.037(1) as amended by Laws 2012 c 80 §1, read in the text of the "
                "2012 bills (lawfilesext.leg.wa.gov: HB 2433, SB 6150)",
            ),
        ),
    )


def _licensing_system_misused(readings: Mapping[str, Reading]) -> Predicate:
    """RCW 46.20.037(1): the Department's system runs a search that verifies no licensee."""
    misused = LICENSING_SYSTEM & ~c.purpose_in(_LICENSING_PURPOSES)
    if readings[DOL_COURT_ORDER.id].chosen == "court-order":
        misused &= ~(c.COURT_ORDER_AUTHORIZES_SEARCH & c.COURT_ORDER_IN_FORCE)
    return misused


def _duties() -> tuple[Duty, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    covered = ~EXEMPT
    return (
        # .030 Meaningful human review of decisions with legal effects.
        Duty(
            id="WA-HUMAN-REVIEW",
            when=covered,
            citation=cite("030"),
            paraphrase="Decisions made with a service that produce legal or similarly "
            "significant effects on a person get meaningful human review: a person reviews the "
            "result before it is relied on for probable cause, an arrest or an identification.",
            source=text,
            action="have a person review the result before a decision with legal effect rests "
            "on it",
            party="the agency using the service",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_REVIEWED,
            outcomes=EVERY_REQUEST,
        ),
        # .070(1) Disclosure to a criminal defendant before trial.
        Duty(
            id="WA-DISCLOSE",
            when=covered,
            citation=cite("070", "(1)"),
            paraphrase="The agency discloses its use of a service on a criminal defendant to "
            "that defendant in a timely manner before trial, whether or not the use was "
            "lawful. frpolicy checks only that it came before trial; a court may find a notice "
            "on the eve of trial untimely.",
            source=text,
            action="disclose the use of facial recognition to the defendant",
            party="the agency that used the service (through the prosecutor)",
            deadline=Deadline(anchor=EventKind.TRIAL),
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
            outcomes=EVERY_REQUEST,
        ),
        # .070(2) Records for public reporting and auditing.
        Duty(
            id="WA-RECORDS",
            when=covered,
            citation=cite("070", "(2)"),
            paraphrase="The agency keeps records of its use of the service sufficient for "
            "public reporting and for auditing compliance with its policies, lawful use or "
            "not. No deadline is stated.",
            source=text,
            action="record the use of the service for reporting and audit",
            party="the agency using the service",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
        ),
        # .080(5) A result is not the sole basis for probable cause.
        Duty(
            id="WA-SOLE-BASIS",
            when=covered & LAW_ENFORCEMENT,
            citation=cite("080", "(5)"),
            paraphrase="A law enforcement agency may not use a result as the sole basis for "
            "probable cause in a criminal investigation; it may use it together with other "
            "information and evidence lawfully obtained.",
            source=text,
            action="have other lawfully obtained evidence before relying on the result for "
            "probable cause",
            party="the law enforcement agency",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        # .090(2) An exempt use is still reported.
        Duty(
            id="WA-FEDERAL-REPORT",
            when=EXEMPT,
            citation=cite("090", "(2)"),
            paraphrase="An agency reports to its legislative authority a use exempt under "
            ".090(1). No deadline is stated.",
            source=text,
            action="report the exempt use to the legislative authority",
            party="the agency using the service",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    kinds = sorted(_STATE_AND_LOCAL, key=lambda k: k.value)
    of_washington = (
        c.requested_by_agency_of("US-WA", "Washington"),
        c.performed_by_agency_of("US-WA", "Washington"),
    )
    runs = tuple(c.performed_by(k) & of_washington[1] for k in kinds)
    asks = tuple(c.requested_by(k) & of_washington[0] for k in kinds)
    through_another = readings[REQUESTER_USES.id].chosen == "through-another"
    involved = AnyOf(runs + asks) if through_another else AnyOf(runs)
    licensing = (
        c.requested_by(_DOL)
        & of_washington[0]
        & c.performed_by(_DOL)
        & of_washington[1]
        & c.purpose_is(Purpose.LICENSE_ISSUANCE)
    )
    # RCW 46.20.037(1): the Department's system verifies license applicants and holders only
    department = c.performed_by(_DOL) & of_washington[1]
    verifies_licensees = c.purpose_is(Purpose.LICENSE_ISSUANCE) | c.purpose_is(
        Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION
    )
    if readings[DOL_COURT_ORDER.id].chosen == "court-order":
        verifies_licensees |= c.COURT_ORDER_AUTHORIZES_SEARCH & c.COURT_ORDER_IN_FORCE
    law_enforcement = sorted(_LAW_ENFORCEMENT, key=lambda k: k.value)
    exempt = c.purpose_is(Purpose.FEDERALLY_MANDATED) | c.purpose_is(Purpose.TRAVEL_VERIFICATION)
    watching = c.ONGOING_SURVEILLANCE | c.REAL_TIME | c.LIVE_VIDEO | c.PERSISTENT_TRACKING
    order = (
        c.COURT_ORDER_AUTHORIZES_SEARCH
        & c.COURT_ORDER_IN_FORCE
        & (
            c.court_order_for(frozenset({Purpose.IDENTIFY_MISSING}))
            | c.court_order_for(frozenset({Purpose.IDENTIFY_DECEASED}))
        )
    )
    if readings[COURT_ORDER_PURPOSE.id].chosen == "same-purpose":
        order &= c.COURT_ORDER_FOR_THE_SEARCH_PURPOSE
    exigency = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE
    if readings[EXIGENT.id].chosen == "danger-to-a-person":
        exigency &= c.EMERGENCY_HARM_TO_A_PERSON
    grounds = AnyOf(tuple(c.based_on(g) for g in sorted(ProtectedGround, key=lambda g: g.value)))
    one_off = (
        c.TECHNOLOGY_APPROVED
        & ~watching
        & ~grounds
        & ~c.purpose_is(Purpose.RECORD_PROTECTED_ACTIVITY)
        & ~c.SKETCH
        & ~(department & ~verifies_licensees)
    )
    if readings[FIRST_AMENDMENT_RECORD.id].chosen == "any-identification":
        one_off &= ~c.PROTECTED_ACTIVITY
    return (
        Invariant(
            id="binds-state-and-local-agencies",
            statement="Every search a Washington state or local government agency "
            + ("asks for or runs" if through_another else "runs")
            + ", to identify, verify or track a person, is governed by the chapter, but for "
            "the Department of Licensing's own licensing.",
            holds=~involved | licensing | c.analysis_is(Analysis.EMOTION_INFERENCE),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("020"),
        ),
        Invariant(
            id="surveillance-authorized",
            statement="A permitted search that is ongoing surveillance, real-time "
            "identification or persistent tracking has a warrant in force that authorizes it, "
            "exigent circumstances, or a court order to find a missing person or identify a "
            "deceased one.",
            when=watching & ~exempt,
            holds=(c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE) | exigency | order,
            citation=cite("080", "(1)"),
        ),
        Invariant(
            id="no-protected-grounds",
            statement="No permitted search is based on a person's views, associations or "
            "protected characteristics.",
            when=~exempt,
            holds=~grounds,
            citation=cite("080", "(2)"),
        ),
        Invariant(
            id="no-first-amendment-record",
            statement="No permitted search is made to record a person's exercise of First "
            "Amendment rights.",
            when=~exempt,
            holds=~c.purpose_is(Purpose.RECORD_PROTECTED_ACTIVITY),
            citation=cite("080", "(3)"),
        ),
        Invariant(
            id="no-warrant-for-a-one-off-identification",
            statement="A one-off identification after the fact, with a service the agency has "
            "reported on, not based on protected grounds, not to record protected activity "
            "and not from a sketch, is never refused: it needs no warrant and no offense "
            "threshold applies.",
            holds=~one_off,
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite("080"),
        ),
        Invariant(
            id="exempt-uses-unrestricted-and-reported",
            statement="A use exempt under .090(1) is never refused, but by RCW 46.20.037 when "
            "the Department of Licensing's system runs it: the exemption is from chapter "
            "43.386 only.",
            holds=~exempt | (department & ~verifies_licensees),
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite("090"),
        ),
        Invariant(
            id="licensing-system-verifies-licensees-only",
            statement="No search the Department of Licensing runs is permitted unless it "
            "verifies the identity of an applicant for or holder of a driver's license, "
            "permit or identicard (RCW 46.20.037(1)).",
            when=department,
            holds=verifies_licensees,
            citation=cite_licensing_system("(1)"),
        ),
        Invariant(
            id="exempt-uses-reported",
            statement="A use exempt under .090(1) is reported to the legislative authority.",
            when=exempt,
            obliges=("WA-FEDERAL-REPORT",),
            citation=cite("090", "(2)"),
        ),
        Invariant(
            id="every-use-reviewed",
            statement="Every use the chapter governs, lawful or not, is reviewed by a person "
            "before a decision with legal effect rests on it.",
            when=~exempt,
            obliges=("WA-HUMAN-REVIEW",),
            outcomes=EVERY_REQUEST,
            citation=cite("030"),
        ),
        Invariant(
            id="every-use-disclosed",
            statement="Every use the chapter governs on a criminal defendant, lawful or not, is "
            "disclosed to the defendant before trial.",
            when=~exempt,
            obliges=("WA-DISCLOSE",),
            outcomes=EVERY_REQUEST,
            citation=cite("070", "(1)"),
        ),
        Invariant(
            id="every-use-recorded",
            statement="Every use the chapter governs, lawful or not, is recorded for public "
            "reporting and audit.",
            when=~exempt,
            obliges=("WA-RECORDS",),
            outcomes=EVERY_REQUEST,
            citation=cite("070", "(2)"),
        ),
        Invariant(
            id="never-the-sole-basis",
            statement="A result a Washington law enforcement agency obtains is never the sole "
            "basis for probable cause.",
            when=~exempt
            & AnyOf(
                tuple(c.requested_by(k) & of_washington[0] for k in law_enforcement)
                + tuple(c.performed_by(k) & of_washington[1] for k in law_enforcement)
            ),
            obliges=("WA-SOLE-BASIS",),
            outcomes=EVERY_REQUEST,
            citation=cite("080", "(5)"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="WA-DEF",
            citation=cite("010"),
            text="A facial recognition service is technology that analyses facial features to "
            "identify, verify or persistently track people in still or video images. Not "
            "included: unlocking a device, and redaction tools that keep no biometric data. "
            "'Ongoing surveillance' follows a specified person through public places over "
            "time; a single recognition is not it.",
            source=text,
        ),
        Provision(
            id="WA-NOI",
            citation=cite("020", "(1)"),
            text="Before using, procuring or developing a service, an agency files a notice of "
            "intent with its legislative authority, stating the purpose. Encoded through the "
            "technology's approval, with the accountability report.",
            source=text,
        ),
        Provision(
            id="WA-ACCOUNT",
            citation=cite("020", "(2)"),
            text="Before use, the agency produces an accountability report: the vendor, name "
            "and version; capabilities and limits; data inputs; purpose and decisions "
            "supported; a use and data-management policy; testing; and more. Public comment, "
            "community meetings and periodic updates are recalled, not read. Encoded through "
            "the technology's approval.",
            source=source(Verification.TEXT, _MED, _TEXT + "; the process from memory (M)"),
        ),
        Provision(
            id="WA-TEST",
            citation=cite("040"),
            text="Before deploying a service, the agency tests it in operational conditions "
            "and follows the developer's guidance. A duty of the agency, not of a search.",
            source=text,
        ),
        Provision(
            id="WA-SUBPOP",
            citation=cite("050"),
            text="The agency tests for differences in performance across subpopulations and "
            "mitigates them (section title read; content recalled).",
            source=source(Verification.UNVERIFIED, _MED, "section title only"),
        ),
        Provision(
            id="WA-TRAINING",
            citation=cite("060"),
            text="Periodic training of those who operate a service or process its data "
            "(recalled, not read). Not checked per search: the request does not name the "
            "operator.",
            source=source(Verification.UNVERIFIED, _MED, "provisions catalog WA-TRAINING (M)"),
        ),
        Provision(
            id="WA-JUDGE-RPT",
            citation=cite("070", "(3)"),
            text="Every January, each judge who issued, extended or denied a warrant for "
            "surveillance with a service reports it to the administrator for the courts: the "
            "application, the outcome, the period and extensions, the applicant, and the "
            "nature of the public spaces. A duty of the courts.",
            source=text,
        ),
        Provision(
            id="WA-DEMOG-RPT",
            citation=cite("070", "(4)"),
            text="Every January, each agency that applied for such a warrant reports to its "
            "legislative authority non-identifying demographic data of the people named as "
            "subjects. A duty of the agency, not of a search.",
            source=text,
        ),
        Provision(
            id="WA-BWC",
            citation=cite("080", "(4)"),
            text="A law enforcement agency that uses body-worn camera recordings complies with "
            "RCW 42.56.240(14), the public-records rule for those recordings.",
            source=text,
        ),
        Provision(
            id="WA-MANIP",
            citation=cite("080", "(7)"),
            text="Recalled, not read: an agency may not substantively manipulate an image for "
            "use in a service in a manner inconsistent with the provider's intended use and "
            "training. Not encoded: the request's 'altered' says only that the face was edited.",
            source=source(Verification.UNVERIFIED, _MED, "provisions catalog WA-MANIP (M)"),
        ),
        Provision(
            id="WA-DOL",
            citation=cite("100"),
            text="The Department of Licensing's use for drivers' licenses, permits and "
            "identicards is exempt; encoded as outside the chapter's scope when the Department "
            "searches for itself. Only the section's title was read. Any other use of its "
            "matching system is forbidden by RCW 46.20.037(1) (rule WA-DOL-SYSTEM).",
            source=source(Verification.TEXT, _MED, "section title only"),
        ),
        Provision(
            id="WA-NO-THRESHOLD",
            text="No offense threshold, and no warrant for a one-off identification after the "
            "fact: the chapter's warrant rule reaches only surveillance, real-time "
            "identification and persistent tracking.",
            source=source(Verification.TEXT, _HIGH, "provisions catalog §3"),
        ),
        Provision(
            id="WA-TASK-FORCE",
            text="Section 10 of the bill (a task force) was vetoed; no amendment to the chapter "
            "since 2020 was seen.",
            source=source(Verification.SUMMARY, _MED, "provisions catalog §3a"),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-WA",
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
        aliases=("ESSB 6280", "RCW 43.386"),
        summary="Any state or local agency, with a service it has reported on; a warrant, "
        "exigency or court order only for ongoing surveillance, real-time identification or "
        "tracking; nothing based on protected grounds; human review, disclosure before trial, "
        "records for audit. No offense threshold. The Department of Licensing's system "
        "verifies licensees only (RCW 46.20.037).",
    )


LAWS_2020_C257 = Version.from_builder(_make)
"""Chapter 43.386 RCW as in force from July 1, 2021, under the readings adopted."""
