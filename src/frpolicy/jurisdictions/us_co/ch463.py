"""C.R.S. 24-18-301 to -309, as made by 2022 Colo. Sess. Laws ch. 463 (SB 22-113).

"Artificial Intelligence Facial Recognition" (Sens. Buckner and Hansen, Reps. Tipper and
Bacon), signed 2022-06-08 and, passed without a safety clause, in force from 2022-08-10 (the
code publisher's history note: "Added by 2022 Ch. 463, § 4, eff. 8/10/2022"). It made part 3
of article 18 of title 24, on the use of facial recognition services by state and local
government agencies, after Washington's chapter 43.386 RCW.

**What was read, and what was not.** In copies of the statutes (colorado.public.law,
lexace.ai, casetext.com and its cloudfront copy, law.justia.com, law.counselstack.com;
verification ``text``): 24-18-301 up to the definition of a facial recognition service and
its exclusions; 24-18-302(1) and (2)(a)-(d), the notice of intent and the accountability
report, cut off there; 24-18-304(1) and (2)(a)-(c), testing; 24-18-307(1) to (4), and the
first words of (5); 24-18-308 and 24-18-309 whole. From the General Assembly's summary of
the act (leg.colorado.gov, verification ``summary``): who the reporting authority is,
meaningful human review (24-18-303), periodic training (24-18-305). Not read: the rest of
the definitions (among them "law enforcement agency" and "ongoing surveillance"),
24-18-302(3) to (8), 24-18-306, and 24-18-307(5) onward. Nothing in them is encoded as read.

What it asks, in short: an agency of the state, of a local government or a state institution
of higher education may use a facial recognition service once it has filed a notice of
intent with its reporting authority and produced an accountability report (24-18-302).
Decisions with legal effects get meaningful human review (24-18-303); a defendant is told
before trial (24-18-308(1)). A law enforcement agency may not use the service for ongoing
surveillance, real-time or near-real-time identification or persistent tracking unless it
has a warrant, the use is necessary to develop leads in an investigation, it has established
probable cause, or a court order (which may be ex parte) authorizes it solely to find or
identify a missing person or to identify a deceased one (24-18-307(1)): four alternatives
where Washington has three, and no exigency among them. It may not apply the service to a
person because of their views, associations or protected characteristics (gender expression
among them), nor use it to record anyone's exercise of First Amendment rights, nor rest
probable cause on a result alone (24-18-307(2)-(4)). There is no offense threshold, and a
one-off identification after the fact needs no warrant.

Who is bound: Colorado's own agencies, for every search they run or ask another body to run
(the part's "agency" is the state's, a local government's or a state college's); the
limits of 24-18-307 bind its law enforcement agencies alone. A search another state's
police or a federal agency runs for itself is not Colorado's to govern. The part does not
apply to a use a federal regulation or order mandates, to verifying travellers with a
federal agency at an airport, or to access control (24-18-309(1)(a)); nor is redaction by
law enforcement a facial recognition service (24-18-301(5)(b)(III)).

Three questions the text leaves open are named readings (:data:`READINGS`): what shows that a
use is "necessary to develop leads in an investigation", whether a court order for a missing
or deceased person covers a search for another purpose, and what it is to "create a record
depicting" First Amendment activity.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_co.common import CALENDAR, INSTRUMENT_ID, cite, source
from frpolicy.jurisdictions.us_co.offenses import OFFENSES
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
from frpolicy.model import AgencyKind, Analysis, Disclosure, EventKind, ProtectedGround, Purpose
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = ["CH463", "INSTRUMENT", "READINGS"]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="Concerning the use of personal identifying data, and, in connection therewith, "
    "creating a task force for the consideration of facial recognition services, restricting "
    "the use of facial recognition services by state and local government agencies, "
    "temporarily prohibiting public schools from executing new contracts for facial "
    "recognition services, and making an appropriation (SB 22-113; 2022 Colo. Sess. Laws "
    "ch. 463), making C.R.S. 24-18-301 to -309",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2022, 8, 10),
    url="https://leg.colorado.gov/bills/sb22-113",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of C.R.S. 24-18-301 to -309 (colorado.public.law, lexace.ai, casetext.com, "
    "law.justia.com, law.counselstack.com)"
)
_SUMMARY = "the General Assembly's summary of SB 22-113 as enacted (leg.colorado.gov)"

# -- readings: where the text admits more than one answer -------------------------------------

DEVELOP_LEADS = Reading(
    id="co-develop-leads",
    question="24-18-307(1)(b) lets a law enforcement agency use a service for surveillance, "
    "real-time identification or tracking where 'such use is necessary to develop leads in "
    "an investigation'. What shows that it is?",
    choices=(
        Choice(
            id="investigation",
            text="That the search is made in the investigation of a crime: the clause names no "
            "one who finds the necessity (no court, no officer's certification, as (d) asks), so "
            "it is the agency's own judgment, which a request cannot show otherwise.",
        ),
        Choice(
            id="not-shown",
            text="Nothing a request states: necessity is a fact the request does not carry, so "
            "the clause is never taken as met, and such a use needs a warrant, probable cause "
            "or a court order.",
        ),
    ),
    source=source(Verification.TEXT, _LOW, "C.R.S. 24-18-307(1)(b); an interpretation"),
    citation=cite("307", "(1)(b)"),
)
COURT_ORDER_PURPOSE = Reading(
    id="co-court-order-purpose",
    question="A court order under 24-18-307(1)(d) authorizes the service 'for the sole purpose "
    "of' locating or identifying a missing person or identifying a deceased one. Must the "
    "search itself be for the purpose the order names?",
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
    source=source(Verification.TEXT, _MED, "C.R.S. 24-18-307(1)(d); an interpretation of 'sole'"),
    citation=cite("307", "(1)(d)"),
)
FIRST_AMENDMENT_RECORD = Reading(
    id="co-first-amendment-record",
    question="When does a search 'create a record depicting' a person's exercise of First "
    "Amendment rights (24-18-307(3))?",
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
    source=source(Verification.TEXT, _LOW, "C.R.S. 24-18-307(3); an interpretation"),
    citation=cite("307", "(3)"),
)
READINGS = (DEVELOP_LEADS, COURT_ORDER_PURPOSE, FIRST_AMENDMENT_RECORD)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_AGENCIES = frozenset(
    {
        AgencyKind.LOCAL_POLICE,
        AgencyKind.STATE_POLICE,
        AgencyKind.PROSECUTOR,
        AgencyKind.MOTOR_VEHICLE_REGISTRY,
        AgencyKind.OTHER_PUBLIC_AGENCY,
    }
)
"""The kinds an agency of the state, of a local government or a state college can be."""
_LAW_ENFORCEMENT = frozenset(
    {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
)
"""The kinds taken as a law enforcement agency (the part's definition was not read)."""

COLORADO_REQUESTER = c.requested_by_agency_of("US-CO", "Colorado")
COLORADO_SEARCHER = c.performed_by_agency_of("US-CO", "Colorado")
LAW_ENFORCEMENT = (c.requested_by_any(_LAW_ENFORCEMENT) & COLORADO_REQUESTER) | (
    c.performed_by_any(_LAW_ENFORCEMENT) & COLORADO_SEARCHER
)
"""A Colorado law enforcement agency asks for the search or runs it."""

# 309(1)(a): a use a federal regulation or order mandates, or with a federal agency under a
# congressional mandate; verifying travellers with a federal agency at an airport; and
# granting or denying access to a secure area
EXEMPT = c.purpose_in(frozenset({Purpose.FEDERALLY_MANDATED, Purpose.TRAVEL_VERIFICATION})) | (
    c.purpose_is(Purpose.FACILITY_SECURITY) & c.IDENTIFY_OR_VERIFY
)
# 301(5)(b)(III): redacting a recording for release is not a facial recognition service
REDACTION = c.purpose_is(Purpose.REDACTION) & LAW_ENFORCEMENT
SCOPE = (
    (
        (c.requested_by_any(_AGENCIES) & COLORADO_REQUESTER)
        | (c.performed_by_any(_AGENCIES) & COLORADO_SEARCHER)
    )
    & c.IDENTIFY_VERIFY_OR_TRACK
    & ~EXEMPT
    & ~REDACTION
)
"""The part governs every use of a facial recognition service by an agency of Colorado, but
the uses 24-18-309 exempts and redaction by law enforcement."""

SURVEILLANCE = c.ONGOING_SURVEILLANCE | c.REAL_TIME | c.PERSISTENT_TRACKING
"""Ongoing surveillance, real-time or near-real-time identification, or persistent tracking."""
PROBABLE_CAUSE = leaf(
    "co_probable_cause",
    "the law enforcement agency has established probable cause for the use",
    "r.suspicion is Suspicion.PROBABLE_CAUSE",
)
_INVESTIGATING = frozenset(
    {
        Purpose.CRIMINAL_INVESTIGATION,
        Purpose.IDENTIFY_VICTIM,
        Purpose.IDENTIFY_WITNESS,
        Purpose.SEIZED_MEDIA_ANALYSIS,
    }
)
DEVELOPING_LEADS = c.purpose_in(_INVESTIGATING)
"""The use is made in the investigation of a crime: read so, necessary to develop leads."""


def _missing_or_deceased_order(readings: Mapping[str, Reading]) -> Predicate:
    order = (
        c.COURT_ORDER_AUTHORIZES_SEARCH
        & c.COURT_ORDER_IN_FORCE
        & c.court_order_for(frozenset({Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_DECEASED}))
    )
    if readings[COURT_ORDER_PURPOSE.id].chosen == "same-purpose":
        order &= c.COURT_ORDER_FOR_THE_SEARCH_PURPOSE
    return order


def _unauthorized(readings: Mapping[str, Reading]) -> Predicate:
    """None of the four alternatives of 24-18-307(1), as read: each said apart when it fails."""
    warrant = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
    unauthorized = ~warrant & ~PROBABLE_CAUSE & ~_missing_or_deceased_order(readings)
    if readings[DEVELOP_LEADS.id].chosen == "investigation":
        unauthorized &= ~DEVELOPING_LEADS
    return unauthorized


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    record: Predicate = c.purpose_is(Purpose.RECORD_PROTECTED_ACTIVITY)
    if readings[FIRST_AMENDMENT_RECORD.id].chosen == "any-identification":
        record |= c.PROTECTED_ACTIVITY
    return (
        # 302(1)-(2) An agency uses a service once it has filed a notice of intent and produced
        # an accountability report: the technology is approved.
        Rule(
            id="CO-USE",
            effect=Effect.PERMIT,
            when=c.TECHNOLOGY_APPROVED,
            citation=cite("302", "(2)"),
            paraphrase="An agency may use a facial recognition service for which it has filed a "
            "notice of intent with its reporting authority, specifying a purpose, and produced "
            "an accountability report (the request says so by the technology's approval); "
            "subject to the limits of 24-18-307. No warrant is needed for a one-off "
            "identification after the fact, and there is no offense threshold.",
            source=source(Verification.TEXT, _HIGH, _TEXT + "; the approval stands for the report"),
        ),
        # 307(1) No ongoing surveillance, real-time identification or persistent tracking
        # without a warrant, leads to develop, probable cause, or a court order.
        Rule(
            id="CO-SURVEILLANCE",
            effect=Effect.FORBID,
            when=LAW_ENFORCEMENT & SURVEILLANCE & _unauthorized(readings),
            citation=cite("307", "(1)"),
            paraphrase="A law enforcement agency may not use a service to engage in ongoing "
            "surveillance, conduct real-time or near-real-time identification, or start "
            "persistent tracking unless (a) it obtains a warrant authorizing such use, (b) the "
            "use is necessary to develop leads in an investigation, (c) it has established "
            "probable cause for the use, or (d) a court order (which may be ex parte) "
            "authorizes the service for the sole purpose of locating or identifying a missing "
            "person or identifying a deceased one. What shows (b) is a reading; there is no "
            "exigency clause.",
            source=text,
        ),
        # 307(2) Nothing based on views, associations or protected characteristics.
        Rule(
            id="CO-PROTECTED-GROUNDS",
            effect=Effect.FORBID,
            when=LAW_ENFORCEMENT & c.BASED_ON_PROTECTED_GROUND,
            citation=cite("307", "(2)"),
            paraphrase="A law enforcement agency may not apply a service to a person based on "
            "their religious, political or social views or activities, their participation in "
            "a noncriminal organization or lawful event, or their actual or perceived race, "
            "ethnicity, citizenship, place of origin, immigration status, age, disability, "
            "gender, gender expression, gender identity, sexual orientation or other "
            "characteristic protected by law.",
            source=text,
        ),
        # 307(3) No record of anyone's exercise of First Amendment rights.
        Rule(
            id="CO-FIRST-AMENDMENT",
            effect=Effect.FORBID,
            when=LAW_ENFORCEMENT & record,
            citation=cite("307", "(3)"),
            paraphrase="A law enforcement agency may not use a service to create a record "
            "depicting any person's exercise of rights guaranteed by the First Amendment and by "
            "section 10 of article II of the state constitution (what such a record is, is a "
            "reading).",
            source=text,
        ),
    )


def _duties() -> tuple[Duty, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        # 303 Meaningful human review of decisions with legal effects.
        Duty(
            id="CO-HUMAN-REVIEW",
            when=SCOPE,
            citation=cite("303"),
            paraphrase="An agency using a service subjects to meaningful human review every "
            "decision that results from the use and produces legal or similarly significant "
            "effects on a person (in criminal justice among them, 24-18-301(3)): a person "
            "reviews the result before it is relied on. Read in the General Assembly's summary, "
            "not in the section.",
            source=source(Verification.SUMMARY, _HIGH, _SUMMARY),
            action="have a person review the result before a decision with legal effect rests "
            "on it",
            party="the agency using the service",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_REVIEWED,
            outcomes=EVERY_REQUEST,
        ),
        # 308(1) Disclosure to a criminal defendant before trial.
        Duty(
            id="CO-DISCLOSE",
            when=SCOPE,
            citation=cite("308", "(1)"),
            paraphrase="An agency discloses its use of a service on a criminal defendant to that "
            "defendant in a timely manner before trial, lawful use or not. frpolicy checks only "
            "that it came before trial.",
            source=text,
            action="disclose the use of facial recognition to the defendant",
            party="the agency that used the service (through the prosecutor)",
            deadline=Deadline(anchor=EventKind.TRIAL),
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
            outcomes=EVERY_REQUEST,
        ),
        # 307(4) A result is not the sole basis for probable cause.
        Duty(
            id="CO-SOLE-BASIS",
            when=LAW_ENFORCEMENT,
            citation=cite("307", "(4)"),
            paraphrase="A law enforcement agency may not use a result as the sole basis to "
            "establish probable cause in a criminal investigation; it may use it together with "
            "other information and evidence lawfully obtained.",
            source=text,
            action="have other lawfully obtained evidence before relying on the result for "
            "probable cause",
            party="the law enforcement agency",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        # 308(3) Every January, the demographics of those named in surveillance warrants.
        Duty(
            id="CO-WARRANT-SUBJECTS",
            when=LAW_ENFORCEMENT & SURVEILLANCE & c.WARRANT_AUTHORIZES_SEARCH,
            citation=cite("308", "(3)"),
            paraphrase="In January of each year, an agency that applied for a warrant, or its "
            "extension, to use a service for surveillance as 24-18-307 describes reports to "
            "its reporting authority non-identifying demographic data of the people named as "
            "subjects in its warrant applications. A search under such a warrant is counted, "
            "its subject described. frpolicy computes no deadline: the January after the "
            "application is not a fixed time after it.",
            source=text,
            action="describe the subject named in the warrant application, without identifying "
            "them, in the January report to the reporting authority",
            party="the agency that applied for the warrant",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    def sort(kinds: frozenset[AgencyKind]) -> list[AgencyKind]:
        return sorted(kinds, key=lambda k: k.value)

    asked_here = c.requested_by_agency_of("US-CO", "Colorado")
    run_here = c.performed_by_agency_of("US-CO", "Colorado")
    involved = AnyOf(
        tuple(c.requested_by(k) & asked_here for k in sort(_AGENCIES))
        + tuple(c.performed_by(k) & run_here for k in sort(_AGENCIES))
    )
    police = AnyOf(
        tuple(c.requested_by(k) & asked_here for k in sort(_LAW_ENFORCEMENT))
        + tuple(c.performed_by(k) & run_here for k in sort(_LAW_ENFORCEMENT))
    )
    exempt = (
        c.purpose_is(Purpose.FEDERALLY_MANDATED)
        | c.purpose_is(Purpose.TRAVEL_VERIFICATION)
        | (
            c.purpose_is(Purpose.FACILITY_SECURITY)
            & (c.analysis_is(Analysis.IDENTIFICATION) | c.analysis_is(Analysis.VERIFICATION))
        )
    )
    redaction = c.purpose_is(Purpose.REDACTION) & police
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
    probable_cause = leaf(
        "co_probable_cause_stated",
        "probable cause is stated",
        "r.suspicion is not Suspicion.NONE and r.suspicion is not Suspicion.REASONABLE_SUSPICION",
    )
    allowed: Predicate = (c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE) | probable_cause | order
    if readings[DEVELOP_LEADS.id].chosen == "investigation":
        allowed |= AnyOf(
            tuple(c.purpose_is(p) for p in sorted(_INVESTIGATING, key=lambda p: p.value))
        )
    grounds = AnyOf(tuple(c.based_on(g) for g in sorted(ProtectedGround, key=lambda g: g.value)))
    record: Predicate = c.purpose_is(Purpose.RECORD_PROTECTED_ACTIVITY)
    if readings[FIRST_AMENDMENT_RECORD.id].chosen == "any-identification":
        record |= c.PROTECTED_ACTIVITY
    one_off = c.TECHNOLOGY_APPROVED & ~watching & ~grounds & ~record
    return (
        Invariant(
            id="binds-colorado-agencies",
            statement="Every use of a facial recognition service by an agency of Colorado, to "
            "identify, verify or track a person, is governed by the part, but the uses "
            "24-18-309 exempts and redaction by law enforcement.",
            holds=~involved | exempt | redaction | c.analysis_is(Analysis.EMOTION_INFERENCE),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("309"),
        ),
        Invariant(
            id="notice-and-accountability-report",
            statement="A permitted use is of a service for which the agency filed its notice of "
            "intent and produced its accountability report.",
            holds=c.TECHNOLOGY_APPROVED,
            citation=cite("302", "(2)"),
        ),
        Invariant(
            id="surveillance-authorized",
            statement="A permitted search by Colorado law enforcement that is ongoing "
            "surveillance, real-time identification or persistent tracking has a warrant in "
            "force that authorizes it, probable cause, a court order to find a missing person "
            "or identify a deceased one, or (read so) an investigation whose leads it develops.",
            when=police & watching,
            holds=allowed,
            citation=cite("307", "(1)"),
        ),
        Invariant(
            id="no-protected-grounds",
            statement="No permitted search by Colorado law enforcement is based on a person's "
            "views, associations or protected characteristics, gender expression among them.",
            when=police,
            holds=~grounds,
            citation=cite("307", "(2)"),
        ),
        Invariant(
            id="no-first-amendment-record",
            statement="No permitted search by Colorado law enforcement is made to record a "
            "person's exercise of First Amendment rights.",
            when=police,
            holds=~record,
            citation=cite("307", "(3)"),
        ),
        Invariant(
            id="no-warrant-for-a-one-off-identification",
            statement="A one-off identification after the fact, with a service the agency has "
            "reported on, not based on protected grounds and not recording protected activity, "
            "is never refused: it needs no warrant and no offense threshold applies.",
            holds=~one_off,
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite("307"),
        ),
        Invariant(
            id="every-use-reviewed",
            statement="Every use the part governs, lawful or not, is reviewed by a person before "
            "a decision with legal effect rests on it.",
            obliges=("CO-HUMAN-REVIEW",),
            outcomes=EVERY_REQUEST,
            citation=cite("303"),
        ),
        Invariant(
            id="every-use-disclosed",
            statement="Every use the part governs on a criminal defendant, lawful or not, is "
            "disclosed to the defendant before trial.",
            obliges=("CO-DISCLOSE",),
            outcomes=EVERY_REQUEST,
            citation=cite("308", "(1)"),
        ),
        Invariant(
            id="never-the-sole-basis",
            statement="A result Colorado law enforcement obtains is never the sole basis for "
            "probable cause.",
            when=police,
            obliges=("CO-SOLE-BASIS",),
            outcomes=EVERY_REQUEST,
            citation=cite("307", "(4)"),
        ),
        Invariant(
            id="warrant-subjects-reported",
            statement="Every surveillance search by Colorado law enforcement under a warrant, "
            "lawful or not, has its subject described in the January report.",
            when=police & watching & c.WARRANT_AUTHORIZES_SEARCH,
            obliges=("CO-WARRANT-SUBJECTS",),
            outcomes=EVERY_REQUEST,
            citation=cite("308", "(3)"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="CO-DEF",
            citation=cite("301"),
            text="An 'agency' is an agency of the state government or of a local government, "
            "or a state institution of higher education. A 'facial recognition service' is "
            "technology that analyzes facial features to facilitate the identification, "
            "verification or persistent tracking of individuals in still or video images; not "
            "the unlocking of an electronic device, a consumer product for personal or "
            "household use, nor a law enforcement agency's automated redaction of a recording "
            "for release, so long as it keeps no biometric data. 'Decisions that produce legal "
            "effects' are those that provide or deny financial and lending services, housing, "
            "insurance, education enrollment, criminal justice, employment, health care or "
            "basic necessities, or that impact civil rights.",
            source=text,
        ),
        Provision(
            id="CO-DEF-NOT-READ",
            citation=cite("301"),
            text="The copies read stop within the definition of a facial recognition service: "
            "the definitions of 'law enforcement agency', 'ongoing surveillance', 'persistent "
            "tracking', 'meaningful human review' and 'reporting authority' were not read. "
            "frpolicy takes a Colorado police department, sheriff, the State Patrol, the "
            "Bureau of Investigation and a district attorney as law enforcement agencies, and "
            "reads ongoing surveillance and persistent tracking as Washington's chapter, which "
            "Colorado's follows, defines them.",
            source=source(
                Verification.UNVERIFIED, _MED, "RCW 43.386.010 by analogy; not read in C.R.S."
            ),
        ),
        Provision(
            id="CO-NOTICE-AND-REPORT",
            citation=cite("302"),
            text="From August 10, 2022, an agency that uses or intends to develop, procure or "
            "use a service files a notice of intent with its reporting authority, specifying a "
            "purpose; before it develops, procures, uses or continues to use the service, it "
            "produces an accountability report: the service's name, vendor and version, its "
            "capabilities and limits, its data inputs and outputs, its purpose and the "
            "decisions it supports, and a clear use and data-management policy. The reporting "
            "authority is, for a state agency, the Office of Information Technology; for a "
            "local government agency, its city council, county commission or other "
            "legislative body (the summary). The section's public review and comment, notice "
            "and exemption (its subsections (3) to (8)) were not read. Encoded through the "
            "technology's approval.",
            source=source(Verification.TEXT, _HIGH, f"{_TEXT}, cut off in (2)(d); {_SUMMARY}"),
        ),
        Provision(
            id="CO-TESTING",
            citation=cite("304"),
            text="Before deploying a service where it will make decisions with legal effects, "
            "an agency tests it in operational conditions and follows the developer's guidance; "
            "the provider makes a technical means available for independent tests of accuracy "
            "and of unfair performance differences across subpopulations, and mitigates "
            "material differences within ninety days of the results. A duty of the agency and "
            "its provider, not of a search.",
            source=text,
        ),
        Provision(
            id="CO-TRAINING",
            citation=cite("305"),
            text="An agency using a service conducts periodic training of all who operate it or "
            "process its personal data. Read in the summary; the section was not read. Not "
            "checked per search: the request does not name the operator.",
            source=source(Verification.SUMMARY, _HIGH, _SUMMARY),
        ),
        Provision(
            id="CO-306",
            citation=cite("306"),
            text="Not read: the text and title of 24-18-306 were not found.",
            source=source(Verification.UNVERIFIED, _LOW, "provisions catalog CO-ACCOUNT (M)"),
        ),
        Provision(
            id="CO-307-5-ON",
            citation=cite("307", "(5)"),
            text="Subsection (5) begins 'A law enforcement agency shall not substantively...' "
            "and the copies stop there; Washington's chapter, which Colorado's follows, bars "
            "substantively manipulating an image in a manner inconsistent with the provider's "
            "intended use, and identifying a person from a sketch (recalled, not read). Not "
            "encoded: no rule on sketches or altered images is drawn from an unread text.",
            source=source(Verification.TEXT, _LOW, f"{_TEXT}; the rest recalled (M)"),
        ),
        Provision(
            id="CO-JUDGE-REPORT",
            citation=cite("308", "(2)"),
            text="In January of each year, a judge who issued, extended or denied a warrant for "
            "the use of a service as 24-18-307 describes reports to the state court "
            "administrator: the application, its outcome, the period of surveillance and the "
            "extensions, the applicant and who authorized the application, and the nature of "
            "the public spaces watched. A duty of the courts.",
            source=text,
        ),
        Provision(
            id="CO-OTHER-EXEMPTIONS",
            citation=cite("309", "(1)"),
            text="The part does not apply to a state agency's use solely for research that "
            "affects no decision with legal effects, nor to a utility: neither is a purpose or "
            "a kind of agency of the model, so neither is encoded. The exemption of "
            "24-18-309(1)(a) names 'an agency that' uses a service in the ways it lists; "
            "frpolicy exempts those uses, not every use of such an agency.",
            source=source(
                Verification.TEXT, _HIGH, _TEXT + "; the last sentence an interpretation"
            ),
        ),
        Provision(
            id="CO-TASK-FORCE",
            text="The act created a task force for the consideration of facial recognition "
            "services (C.R.S. 2-3-1707, fifteen members); 2024 law (HB 24-1468) renamed and "
            "enlarged it, and let state agencies keep their reporting records themselves, "
            "subject to inspection by the Office of Information Technology.",
            source=source(
                Verification.SUMMARY,
                _MED,
                "C.R.S. 2-3-1707 (colorado.public.law, text); HB 24-1468 (leg.colorado.gov, "
                "summary)",
            ),
        ),
        Provision(
            id="CO-SCHOOLS",
            text="The act temporarily prohibits public schools from executing new contracts for "
            "facial recognition services (its title; the moratorium's section and its end date "
            "were not read; HB 24-1468 added exceptions). Schools are not an agency kind of "
            "the model: not encoded.",
            source=source(
                Verification.SUMMARY,
                _MED,
                "the act's title (leg.colorado.gov); HB 24-1468's summary",
            ),
        ),
        Provision(
            id="CO-NO-THRESHOLD",
            text="No offense threshold, and no warrant for a one-off identification after the "
            "fact: the part's conditions reach only surveillance, real-time identification and "
            "persistent tracking, and there the use to develop leads or on probable cause "
            "suffices without a court.",
            source=source(Verification.TEXT, _HIGH, "provisions catalog §9; " + _TEXT),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-CO",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=SCOPE,
            rules=_rules(readings),
            duties=_duties(),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        invariants=_invariants(readings),
        provisions=_provisions(),
        aliases=("SB 22-113", "SB22-113"),
        summary="Any agency of the state or a local government, with a service it has "
        "reported on; for law enforcement's surveillance, real-time identification or "
        "tracking, a warrant, leads to develop, probable cause or a court order; nothing "
        "based on protected grounds; human review, disclosure before trial, January warrant "
        "reports. No offense threshold.",
    )


CH463 = Version.from_builder(_make)
"""C.R.S. 24-18-301 to -309 as in force from August 10, 2022, under the readings adopted."""
