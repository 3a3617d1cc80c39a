"""MCA 44-15-101 to -112, the Facial Recognition for Government Use Act (SB 397, 2023).

Senate Bill 397 of the 68th Legislature (Sen. Bogner), signed 2023-06-29 and in force on
approval (Laws of Montana 2023, ch. 781; the code publisher's history note reads "eff.
6/29/2023", and the bill as introduced provided "an immediate effective date and a
retroactive applicability date"). It made Title 44, chapter 15, part 1 of the Montana Code.

**What was read, and what was not.** In copies of the Code (verification ``text``): the
definitions the chapter gives (44-15-103, as lawserver.com lists them, serious crime's closed
list included); the opening of 44-15-105, the ban, up to "may not:"; 44-15-106(1); 44-15-107
(1) and (2); 44-15-108 whole (self-law.org, casetext); 44-15-110 and 44-15-112
(leg.mt.gov); 44-15-111 whole (self-law.org, findlaw); the short title and purpose (the bill
as introduced, fastdemocracy.com, and regulon.ai's copy of the text). Not read: 44-15-104
(its title, even), the items of 44-15-105(1) (read as the Senate passed them, in a report
that quotes the bill), the rest of 44-15-106 after subsection (1), 44-15-107(3) onward and
44-15-109. What 44-15-106 asks beyond (1) rests on the news (criminallegalnews.org and the
Tenth Amendment Center, which agree; the Helena Independent Record and the sponsor on
earlier versions of the bill; verification ``news``), and every point the encoding must
choose there is a named reading (:data:`READINGS`).

What it asks, in short: no Montana state or local government agency, law enforcement agency,
public employee or official may obtain, possess, access, request or use facial recognition
technology (facial identification or facial verification), except as 44-15-106 and -108
allow; continuous facial surveillance (watching public places or sets of images for the faces
of a list, live or in stored footage, without a particularized suspicion) is banned. The
Department of Justice and local law enforcement may use facial recognition for criminal
investigations: on probable cause to believe that the unidentified person in an image
committed, or is the victim of or a witness to, a serious crime (a closed list of
offenses, :mod:`~frpolicy.jurisdictions.us_mt.offenses`), with a warrant unless an
imminent threat to a person excuses it; and to find a missing person or identify a deceased
one. Other agencies may use facial verification under a written use and privacy policy.
Law enforcement tells a defendant before trial; local agencies report their searches to
the Department's Criminal Intelligence Information Section by June 30, and the Department
reports to two interim committees by September 1.

Who is bound: Montana's own agencies, law enforcement included, whether they run a search or
ask another body to run it (the ban reaches "requesting" facial recognition and the
information a search yields). A search another state's police or a federal agency runs for
itself is not Montana's to govern; one the Department runs for them is, and on Montana's
conditions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_mt.common import CALENDAR, INSTRUMENT_ID, cite, source
from frpolicy.jurisdictions.us_mt.offenses import (
    OFFENSE_LISTS,
    OFFENSES,
    SERIOUS_CRIMES,
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
from frpolicy.model import AgencyKind, Analysis, Disclosure, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = ["CH781", "INSTRUMENT", "READINGS"]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="Facial Recognition for Government Use Act (SB 397, 68th Montana Legislature; Laws "
    "of Montana 2023, ch. 781), making MCA 44-15-101 to -112",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2023, 6, 29),
    url="https://leg.mt.gov/bills/mca/title_0440/chapter_0150/part_0010/sections_index.html",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of MCA 44-15 (lawserver.com, self-law.org, casetext.com, codes.findlaw.com, leg.mt.gov)"
)
_NEWS = (
    "criminallegalnews.org (2023-09-01): 'law enforcement will need to get a warrant, before "
    "requesting a facial recognition search in the investigation of a serious crime. The lone "
    "exception to this requirement is if there is an imminent threat posed to an individual'; "
    "the exceptions: probable cause that an unknown individual in an image 'has committed a "
    "crime, is a victim of a crime, or is a witness to a serious crime', a missing person, a "
    "deceased one; blog.tenthamendmentcenter.com (2023-04-25), the same, of the bill as the "
    "Senate passed it"
)
_EARLIER = (
    "missoulacurrent.com (2023-02), the sponsor on the bill as introduced: agencies would 'get "
    "a warrant and file a request through the Department of Justice'; helenair.com "
    "(2023-04-06): 'State law enforcement - not local authorities' would use it, with 'a "
    "search warrant ... in most cases'"
)

# -- readings: where the text admits more than one answer, or was not read -------------------

WARRANT = Reading(
    id="mt-warrant",
    question="Which searches need a warrant? The section's heading ends 'warrant required', but "
    "its text after subsection (1) was not read; the news says a warrant is needed 'in the "
    "investigation of a serious crime', unless an imminent threat to a person excuses it.",
    choices=(
        Choice(
            id="serious-crime",
            text="Every search in the investigation of a serious crime, whether it seeks the "
            "person who committed it, a victim or a witness; not a search for a missing person "
            "or to identify a deceased one, which investigates no crime. Both reports of the "
            "act as passed say so.",
        ),
        Choice(
            id="suspects-only",
            text="Only a search for the person suspected of the serious crime: a victim or a "
            "witness is not the subject of a search warrant.",
        ),
        Choice(
            id="every-search",
            text="Every search, a missing or deceased person's too, as an earlier version of "
            "the bill was reported to ask.",
        ),
    ),
    source=source(Verification.NEWS, _MED, f"{_NEWS}; {_EARLIER}"),
    citation=cite("106"),
)
CONTINUOUS = Reading(
    id="mt-continuous-surveillance",
    question="Is continuous facial surveillance banned outright, or only where the exceptions "
    "for law enforcement (44-15-106) do not reach? The section that bans it (44-15-104, as "
    "read from the act's title and its penalties) was not read.",
    choices=(
        Choice(
            id="outright",
            text="Outright: the act's title lists 'prohibiting the use of continuous facial "
            "surveillance' apart from 'prohibiting the use of facial recognition technology' "
            "and 'providing exemptions for law enforcement'; its purpose is to prohibit it; "
            "44-15-112 punishes a violation of 44-15-104 or -105 more heavily than any other "
            "($5,000 rather than $1,000 for a negligent one); the news calls it 'an outright "
            "ban'.",
        ),
        Choice(
            id="unless-excepted",
            text="Only as any other use is banned: a search 44-15-106 allows (probable cause of "
            "a serious crime, with a warrant) may watch live video or stored footage.",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _MED,
        "the act's title and purpose (SB 397 as introduced, fastdemocracy.com; regulon.ai), "
        "MCA 44-15-112(4)(c)-(d) (leg.mt.gov), blog.tenthamendmentcenter.com (2023-04-25)",
    ),
    citation=cite("104"),
)
OUT_OF_STATE = Reading(
    id="mt-out-of-state",
    question="May the Department of Justice run a search that another state's police or a "
    "federal agency asks for, and on what conditions?",
    choices=(
        Choice(
            id="same-conditions",
            text="Yes, on the conditions a Montana request meets: 44-15-106(1) authorizes the "
            "Department to use facial recognition for criminal investigations, not only "
            "Montana's, and its annual report names 'the law enforcement agencies and other "
            "entities requesting facial recognition services' (44-15-111(3)(b)).",
        ),
        Choice(
            id="montana-agencies-only",
            text="No: the chapter's 'law enforcement agency' is Montana's (44-15-103), and the "
            "exceptions serve no one else.",
        ),
    ),
    source=source(
        Verification.TEXT, _MED, "MCA 44-15-103, 44-15-106(1), 44-15-111(3)(b); an interpretation"
    ),
    citation=cite("106", "(1)"),
)
ROUTE = Reading(
    id="mt-route",
    question="Who may run a search for Montana law enforcement: any of its law enforcement "
    "agencies, or the Department of Justice alone?",
    choices=(
        Choice(
            id="law-enforcement",
            text="The Department or a local law enforcement agency, and, on a Montana request, "
            "a body outside Montana: 44-15-106(1) authorizes 'the department of justice and "
            "local law enforcement agencies', and 44-15-111(2) asks a local agency 'that "
            "utilized facial recognition technology' to report its searches.",
        ),
        Choice(
            id="through-the-department",
            text="The Department alone: the sponsor described requests filed 'through the "
            "Department of Justice', and the Department reports the agencies that request its "
            "services.",
        ),
    ),
    source=source(
        Verification.TEXT,
        _MED,
        f"MCA 44-15-106(1), 44-15-111(2)-(3) ({_TEXT}); against them, {_EARLIER}",
    ),
    citation=cite("106", "(1)"),
)
VERIFICATION = Reading(
    id="mt-verification",
    question="Is the use of facial verification under a written use and privacy policy "
    "(44-15-108) open to law enforcement, outside 44-15-106's conditions?",
    choices=(
        Choice(
            id="other-agencies",
            text="No: the act gives 'state and local government agencies' facial verification "
            "and 'law enforcement agencies' facial recognition for investigations of serious "
            "crimes (44-15-102(2)), and 44-15-105 names them apart; law enforcement verifies "
            "only as 44-15-106 allows.",
        ),
        Choice(
            id="any-agency",
            text="Yes: a law enforcement agency is a state or local government agency as "
            "44-15-103 defines one, and 44-15-108 does not except it.",
        ),
    ),
    source=source(Verification.TEXT, _MED, "MCA 44-15-102(2), -103, -108; an interpretation"),
    citation=cite("108", "(1)"),
)
READINGS = (WARRANT, CONTINUOUS, OUT_OF_STATE, ROUTE, VERIFICATION)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_GOVERNMENT = frozenset(
    {
        AgencyKind.LOCAL_POLICE,
        AgencyKind.STATE_POLICE,
        AgencyKind.PROSECUTOR,
        AgencyKind.MOTOR_VEHICLE_REGISTRY,
        AgencyKind.OTHER_PUBLIC_AGENCY,
    }
)
"""The kinds a Montana state or local government agency can be: any but a federal agency."""
_LAW_ENFORCEMENT = frozenset(
    {AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE, AgencyKind.PROSECUTOR}
)
"""44-15-103: an agency or officer empowered to investigate or arrest, or a prosecutor."""
_ANY_LAW_ENFORCEMENT = _LAW_ENFORCEMENT | {AgencyKind.FBI, AgencyKind.FEDERAL}
_OTHER_AGENCIES = _GOVERNMENT - _LAW_ENFORCEMENT

MONTANA_REQUESTER = c.requested_by_agency_of("US-MT", "Montana")
MONTANA_SEARCHER = c.performed_by_agency_of("US-MT", "Montana")
AGENCY_ASKS = c.requested_by_any(_GOVERNMENT) & MONTANA_REQUESTER
AGENCY_SEARCHES = c.performed_by_any(_GOVERNMENT) & MONTANA_SEARCHER
LAW_ENFORCEMENT_ASKS = c.requested_by_any(_LAW_ENFORCEMENT) & MONTANA_REQUESTER
"""Montana's own police or prosecutors ask for the search."""
LAW_ENFORCEMENT_SEARCHES = c.performed_by_any(_LAW_ENFORCEMENT) & MONTANA_SEARCHER
"""Montana's own police or prosecutors run the search."""
THE_DEPARTMENT_SEARCHES = c.performed_by(AgencyKind.STATE_POLICE) & MONTANA_SEARCHER
"""The Department of Justice (its Division of Criminal Investigation, its Highway Patrol) runs
the search."""
LOCAL_POLICE_INVOLVED = (c.requested_by(AgencyKind.LOCAL_POLICE) & MONTANA_REQUESTER) | (
    c.performed_by(AgencyKind.LOCAL_POLICE) & MONTANA_SEARCHER
)
"""A Montana city police department or sheriff's office asks for the search or runs it."""

# 108(5): verifying, with a federal agency, the identity of travellers at an airport or port
TRAVEL = c.purpose_is(Purpose.TRAVEL_VERIFICATION)
# 103: facial identification "does not include" a system that guards access to a place
ACCESS_CONTROL = c.purpose_is(Purpose.FACILITY_SECURITY) & c.analysis_is(Analysis.IDENTIFICATION)
SCOPE = (AGENCY_ASKS | AGENCY_SEARCHES) & c.IDENTIFY_VERIFY_OR_TRACK & ~TRAVEL & ~ACCESS_CONTROL
"""The chapter governs every use of facial identification or verification that a Montana
agency makes or asks for, but verifying travellers with a federal agency and guarding access
to a place."""

# -- what the exceptions ask --------------------------------------------------------------------

CONTINUOUS_FACIAL_SURVEILLANCE = (
    c.CONTINUOUS_SURVEILLANCE | c.REAL_TIME | c.ONGOING_SURVEILLANCE | c.PERSISTENT_TRACKING
)
"""103: watching public places or sets of images for the faces of a list, scanning stored
footage, scanning live video as people pass; following a person over time is such watching."""
PROBABLE_CAUSE = leaf(
    "mt_probable_cause",
    "there is probable cause to believe that the unidentified person in the image committed "
    "the crime, or is its victim or a witness to it",
    "r.suspicion is Suspicion.PROBABLE_CAUSE",
)
SERIOUS_CRIME = c.offense_on(SERIOUS_CRIMES)
WARRANT_IN_HAND = c.WARRANT_AUTHORIZES_SEARCH & c.WARRANT_IN_FORCE
IMMINENT_THREAT = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE & c.EMERGENCY_HARM_TO_A_PERSON
"""An imminent threat to a person: the one exception to the warrant, as reported."""
SUSPECT = c.purpose_is(Purpose.CRIMINAL_INVESTIGATION)
VICTIM_OR_WITNESS = c.purpose_in(
    frozenset({Purpose.IDENTIFY_VICTIM, Purpose.IDENTIFY_WITNESS, Purpose.SEIZED_MEDIA_ANALYSIS})
)
MISSING = c.purpose_is(Purpose.IDENTIFY_MISSING)
DECEASED = c.purpose_is(Purpose.IDENTIFY_DECEASED)
EXCEPTED_PURPOSE = c.purpose_in(
    frozenset(
        {
            Purpose.CRIMINAL_INVESTIGATION,
            Purpose.IDENTIFY_VICTIM,
            Purpose.IDENTIFY_WITNESS,
            Purpose.SEIZED_MEDIA_ANALYSIS,
            Purpose.IDENTIFY_MISSING,
            Purpose.IDENTIFY_DECEASED,
        }
    )
)
"""A purpose 44-15-106 excepts: a crime's author, victim or witness; a missing or deceased
person."""
VERIFYING = c.analysis_is(Analysis.VERIFICATION)


def _asks(readings: Mapping[str, Reading]) -> Predicate:
    """Who may ask for a search under 44-15-106."""
    if readings[OUT_OF_STATE.id].chosen == "montana-agencies-only":
        return LAW_ENFORCEMENT_ASKS
    return c.requested_by_any(_ANY_LAW_ENFORCEMENT)


def _runs(readings: Mapping[str, Reading]) -> Predicate:
    """Who may run a search under 44-15-106."""
    if readings[ROUTE.id].chosen == "through-the-department":
        return THE_DEPARTMENT_SEARCHES
    return LAW_ENFORCEMENT_SEARCHES | ~MONTANA_SEARCHER


def _runs_not(readings: Mapping[str, Reading]) -> Predicate:
    """The search is run by someone 44-15-106 does not let run it.

    That is a Montana agency that is not law enforcement (read so, any but the Department).
    """
    if readings[ROUTE.id].chosen == "through-the-department":
        return ~THE_DEPARTMENT_SEARCHES
    return ~LAW_ENFORCEMENT_SEARCHES & MONTANA_SEARCHER


def _needs_warrant(readings: Mapping[str, Reading], search: str) -> bool:
    """Whether a search of this kind needs a warrant or an imminent threat, as read.

    ``search`` is ``suspect``, ``victim-or-witness``, ``missing`` or ``deceased``.
    """
    chosen = readings[WARRANT.id].chosen
    if chosen == "every-search" or search == "suspect":
        return True
    return chosen == "serious-crime" and search == "victim-or-witness"


def _authorized(readings: Mapping[str, Reading], search: str, when: Predicate) -> Predicate:
    """``when``, and a warrant in force or an imminent threat if the search needs one."""
    if _needs_warrant(readings, search):
        return when & (WARRANT_IN_HAND | IMMINENT_THREAT)
    return when


def _verifier(readings: Mapping[str, Reading]) -> Predicate:
    """Who may verify a person under a written policy (44-15-108)."""
    if readings[VERIFICATION.id].chosen == "any-agency":
        return AGENCY_ASKS
    return c.requested_by_any(_OTHER_AGENCIES) & MONTANA_REQUESTER & ~LAW_ENFORCEMENT_SEARCHES


def _exceptions(readings: Mapping[str, Reading]) -> dict[str, Predicate]:
    """Each use 44-15-106 and -108 except from the ban, by the id of the rule that allows it."""
    use = _asks(readings) & _runs(readings)
    grounds = PROBABLE_CAUSE & SERIOUS_CRIME
    return {
        "MT-SUSPECT": _authorized(readings, "suspect", use & SUSPECT & grounds),
        "MT-VICTIM-OR-WITNESS": _authorized(
            readings, "victim-or-witness", use & VICTIM_OR_WITNESS & grounds
        ),
        "MT-MISSING": _authorized(readings, "missing", use & MISSING),
        "MT-DECEASED": _authorized(readings, "deceased", use & DECEASED),
        "MT-VERIFICATION": _verifier(readings) & VERIFYING & c.TECHNOLOGY_APPROVED,
    }


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    # the purposes of 106 were read in (1) and the news, its conditions in the news alone
    reported = source(Verification.NEWS, _MED, f"MCA 44-15-106(1) ({_TEXT}); {_NEWS}")
    allowed = _exceptions(readings)
    # a use of a kind no exception is about, each kind said apart; one of an excepted kind
    # that misses a condition (the warrant, the list) is not permitted, and its memo says
    # which condition it missed
    unexcepted = ~(_verifier(readings) & VERIFYING) & (
        ~_asks(readings) | _runs_not(readings) | ~EXCEPTED_PURPOSE
    )
    rules = [
        # 105(1) No agency, officer or employee obtains, possesses, accesses, requests or uses
        # facial recognition technology, except as 106 and 108 provide.
        Rule(
            id="MT-BAN",
            effect=Effect.FORBID,
            when=unexcepted,
            citation=cite("105", "(1)"),
            paraphrase="Except as 44-15-106 and -108 provide, a Montana state or local "
            "government agency, law enforcement agency, public employee or public official may "
            "not obtain, retain, possess, access, request or use facial recognition technology "
            "or information derived from a search using it: a use of a kind no exception is "
            "about (asked for by someone other than law enforcement, run by a Montana agency "
            "that is not law enforcement, for a purpose 44-15-106 does not name) is forbidden; "
            "one of an excepted kind that misses a condition is not permitted.",
            # the ban was read; what it forbids is what 106 does not except, as reported
            source=source(
                Verification.NEWS,
                _MED,
                f"MCA 44-15-105(1) up to 'may not:' ({_TEXT}); its items as the Senate passed "
                "them, and the exceptions of 44-15-106, as criminallegalnews.org (2023-09-01) "
                "and blog.tenthamendmentcenter.com (2023-04-25) report them",
            ),
        ),
        # 106 Law enforcement may search on probable cause that the unidentified person in an
        # image committed a serious crime, with a warrant unless a person is in imminent danger;
        Rule(
            id="MT-SUSPECT",
            effect=Effect.PERMIT,
            when=allowed["MT-SUSPECT"],
            citation=cite("106"),
            paraphrase="The Department of Justice and local law enforcement may use facial "
            "recognition in a criminal investigation where there is probable cause to believe "
            "that an unidentified person in an image committed a serious crime (the closed list "
            "of 44-15-103(17)), with a search warrant, unless an imminent threat to a person "
            "excuses it. Who may ask, and who may run it, are readings.",
            source=reported,
        ),
        # ... or is the victim of, or a witness to, a serious crime;
        Rule(
            id="MT-VICTIM-OR-WITNESS",
            effect=Effect.PERMIT,
            when=allowed["MT-VICTIM-OR-WITNESS"],
            citation=cite("106"),
            paraphrase="Law enforcement may use facial recognition where there is probable cause "
            "to believe that an unidentified person in an image is the victim of, or a witness "
            "to, a serious crime; whether the search needs a warrant too is a reading.",
            source=reported,
        ),
        # ... to find or identify a missing person;
        Rule(
            id="MT-MISSING",
            effect=Effect.PERMIT,
            when=allowed["MT-MISSING"],
            citation=cite("106"),
            paraphrase="Law enforcement may use facial recognition to locate or identify a "
            "missing person; no crime, and (but read so) no warrant, is needed.",
            source=reported,
        ),
        # ... or to identify a deceased person.
        Rule(
            id="MT-DECEASED",
            effect=Effect.PERMIT,
            when=allowed["MT-DECEASED"],
            citation=cite("106"),
            paraphrase="Law enforcement may use facial recognition to identify a deceased "
            "person; no crime, and (but read so) no warrant, is needed.",
            source=reported,
        ),
        # 108(1) Another agency may verify a known person under a written use and privacy
        # policy.
        Rule(
            id="MT-VERIFICATION",
            effect=Effect.PERMIT,
            when=allowed["MT-VERIFICATION"],
            citation=cite("108", "(1)"),
            paraphrase="A state or local government agency may use facial verification, itself "
            "or through a vendor, once it has provided a written use and privacy policy stating "
            "the purpose, how long facial biometric data are kept, and that none is collected "
            "without the person's prior written consent (the request says so by the "
            "technology's approval); it offers a way to its services without facial "
            "verification. Whether law enforcement may verify so is a reading.",
            source=source(
                Verification.TEXT, _HIGH, _TEXT + "; the approval stands for the written policy"
            ),
        ),
    ]
    if readings[CONTINUOUS.id].chosen == "outright":
        # 104 (not read) No continuous facial surveillance, whatever the purpose.
        rules.insert(
            0,
            Rule(
                id="MT-CONTINUOUS",
                effect=Effect.FORBID,
                when=CONTINUOUS_FACIAL_SURVEILLANCE,
                citation=cite("104"),
                paraphrase="No Montana agency, officer or employee may use continuous facial "
                "surveillance: watching public places or sets of images for the faces of a "
                "prepopulated list, scanning stored footage for faces, scanning live video as "
                "people pass, or following a person over time; not even with a warrant. The "
                "definition was read (44-15-103); the ban's text was not.",
                source=source(
                    Verification.SUMMARY,
                    _MED,
                    "the definition of continuous facial surveillance (MCA 44-15-103, "
                    f"{_TEXT}); the ban from the act's title and purpose and "
                    "blog.tenthamendmentcenter.com (2023-04-25)",
                ),
            ),
        )
    return tuple(rules)


def _duties() -> tuple[Duty, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        # 107(1) Disclosure to a criminal defendant before trial.
        Duty(
            id="MT-DISCLOSE",
            when=LAW_ENFORCEMENT_ASKS | LAW_ENFORCEMENT_SEARCHES,
            citation=cite("107", "(1)"),
            paraphrase="A law enforcement agency or the Department of Justice discloses its use "
            "of facial recognition technology on a criminal defendant to that defendant in a "
            "timely manner before trial, lawful use or not; discovery of the application, "
            "affidavit or order and of the documents of the request follows Title 46, chapter "
            "15 (44-15-107(2)). frpolicy checks only that it came before trial.",
            source=text,
            action="disclose the use of facial recognition to the defendant",
            party="the Montana law enforcement agency or the Department of Justice",
            deadline=Deadline(anchor=EventKind.TRIAL),
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=frozenset({Disclosure.FACIAL_RECOGNITION_USED}),
            outcomes=EVERY_REQUEST,
        ),
        # 106 (not read) A match is not probable cause by itself, as the bill was reported.
        Duty(
            id="MT-SOLE-BASIS",
            when=LAW_ENFORCEMENT_ASKS,
            citation=cite("106"),
            paraphrase="As reported of the bill, probable cause cannot be built on a facial "
            "recognition result alone: other evidence supports it before it is relied on. The "
            "section lists 'evidence' and 'probable cause' among its terms, but its text after "
            "subsection (1) was not read.",
            source=source(
                Verification.NEWS,
                _LOW,
                "missoulacurrent.com (2023-02), of the bill as introduced: 'probable cause for a "
                "case could not be built on facial recognition evidence alone'; lawserver.com's "
                "terms used in MCA 44-15-106",
            ),
            action="have other evidence before relying on the result for probable cause",
            party="the Montana law enforcement agency that asked for the search",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        # 111(2) By June 30, a local agency reports the searches it ran the year before.
        Duty(
            id="MT-LOCAL-REPORT",
            when=LOCAL_POLICE_INVOLVED,
            citation=cite("111", "(2)"),
            paraphrase="By June 30 of each year, a local law enforcement agency that used facial "
            "recognition technology reports to the Criminal Intelligence Information Section "
            "of the Department of Justice, from the data of the previous calendar year: the "
            "number of facial recognition searches run, the offenses they were used to "
            "investigate, and the number of arrests and convictions that resulted. Every search "
            "run is counted, lawful or not. frpolicy computes no deadline: June 30 of the year "
            "after the search is not a fixed time after it.",
            source=text,
            action="count the search, its offense, and any arrest or conviction it led to in the "
            "June 30 report to the Criminal Intelligence Information Section",
            party="the local law enforcement agency (a city police department or sheriff)",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
        ),
        # 111(3) By September 1, the Department reports to two interim committees.
        Duty(
            id="MT-DEPARTMENT-REPORT",
            when=THE_DEPARTMENT_SEARCHES,
            citation=cite("111", "(3)"),
            paraphrase="By September 1 of each year, the Department of Justice reports to the "
            "economic affairs interim committee and the law and justice interim committee, from "
            "the data of the previous calendar year: what the local agencies reported, the "
            "names of the law enforcement agencies and other entities that requested facial "
            "recognition services, the number of searches run, the offenses investigated, and "
            "the arrests and convictions that resulted. Every search the Department runs is "
            "counted, with who asked for it. No deadline is computed, as for 44-15-111(2).",
            source=text,
            action="count the search, who asked for it, its offense and its arrests and "
            "convictions in the September 1 report to the interim committees",
            party="the Department of Justice",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    def sort(kinds: frozenset[AgencyKind]) -> list[AgencyKind]:
        return sorted(kinds, key=lambda k: k.value)

    asked_here = c.requested_by_agency_of("US-MT", "Montana")
    run_here = c.performed_by_agency_of("US-MT", "Montana")
    asks = AnyOf(tuple(c.requested_by(k) & asked_here for k in sort(_GOVERNMENT)))
    runs = AnyOf(tuple(c.performed_by(k) & run_here for k in sort(_GOVERNMENT)))
    police_ask = AnyOf(tuple(c.requested_by(k) & asked_here for k in sort(_LAW_ENFORCEMENT)))
    police_run = AnyOf(tuple(c.performed_by(k) & run_here for k in sort(_LAW_ENFORCEMENT)))
    others_ask = AnyOf(tuple(c.requested_by(k) & asked_here for k in sort(_OTHER_AGENCIES)))
    verifying = c.analysis_is(Analysis.VERIFICATION)
    if readings[VERIFICATION.id].chosen == "any-agency":
        verification = asks & verifying
    else:
        verification = others_ask & verifying
    watching = leaf(
        "mt_watching",
        "the search watches: live video or real time, a watchlist, or a person followed over time",
        "r.real_time or r.continuous_surveillance or r.ongoing_surveillance"
        " or r.probe.kind is MediaKind.LIVE_VIDEO or r.analysis is Analysis.TRACKING",
    )
    probable_cause = leaf(
        "mt_probable_cause_stated",
        "probable cause is stated",
        "r.suspicion is not Suspicion.NONE and r.suspicion is not Suspicion.REASONABLE_SUSPICION",
    )
    listed = c.offense_on_any(
        "mt_serious_crime_listed", "the offense is a serious crime", (SERIOUS_CRIMES,)
    )
    warrant = leaf(
        "mt_warrant_valid",
        "a warrant authorizing the search is in force",
        "r.warrant is not None and r.warrant.authorizes_facial_recognition"
        " and not (at < r.warrant.issued_at)"
        " and not (r.warrant.expires_at is not None and r.warrant.expires_at < at)",
    )
    threat = leaf(
        "mt_imminent_threat_to_a_person",
        "an imminent threat to a person was declared by the time of the search",
        "r.emergency is not None and r.emergency.immediate and r.emergency.declared_at <= at"
        " and r.emergency.harm is not Harm.OTHER",
    )
    crime = (
        Purpose.CRIMINAL_INVESTIGATION,
        Purpose.IDENTIFY_VICTIM,
        Purpose.IDENTIFY_WITNESS,
        Purpose.SEIZED_MEDIA_ANALYSIS,
    )
    investigating = AnyOf(tuple(c.purpose_is(p) for p in crime))
    allowed = AnyOf(
        tuple(
            c.purpose_is(p) for p in (*crime, Purpose.IDENTIFY_MISSING, Purpose.IDENTIFY_DECEASED)
        )
    )
    warranted = {
        "serious-crime": investigating,
        "suspects-only": c.purpose_is(Purpose.CRIMINAL_INVESTIGATION),
        "every-search": allowed,
    }[readings[WARRANT.id].chosen]
    who_may_ask: Predicate = AnyOf(tuple(c.requested_by(k) for k in sort(_ANY_LAW_ENFORCEMENT)))
    if readings[OUT_OF_STATE.id].chosen == "montana-agencies-only":
        who_may_ask = police_ask
    who_may_run: Predicate = police_run | ~run_here
    if readings[ROUTE.id].chosen == "through-the-department":
        who_may_run = c.performed_by(AgencyKind.STATE_POLICE) & run_here
    local = (c.requested_by(AgencyKind.LOCAL_POLICE) & asked_here) | (
        c.performed_by(AgencyKind.LOCAL_POLICE) & run_here
    )
    invariants = [
        Invariant(
            id="binds-montana-agencies",
            statement="Every use of facial identification or verification that a Montana "
            "state or local government agency or law enforcement agency makes or asks for is "
            "governed by the chapter, but verifying travellers with a federal agency and "
            "guarding access to a place.",
            holds=~(asks | runs)
            | c.purpose_is(Purpose.TRAVEL_VERIFICATION)
            | (c.purpose_is(Purpose.FACILITY_SECURITY) & c.analysis_is(Analysis.IDENTIFICATION))
            | c.analysis_is(Analysis.EMOTION_INFERENCE),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("105", "(1)"),
        ),
        Invariant(
            id="only-the-excepted-purposes",
            statement="A permitted search, other than a verification under a written policy, "
            "investigates a crime (its author, a victim, a witness), or finds a missing person "
            "or identifies a deceased one.",
            when=~verification,
            holds=allowed,
            citation=cite("106"),
        ),
        Invariant(
            id="serious-crime-on-probable-cause",
            statement="A permitted search in a criminal investigation, other than a "
            "verification under a written policy, rests on probable cause about a serious "
            "crime of the closed list.",
            when=~verification & investigating,
            holds=probable_cause & listed,
            citation=cite("103", "(17)"),
        ),
        Invariant(
            id="warrant-required",
            statement="A permitted search that needs a warrant (as the warrant is read) has a "
            "warrant in force that authorizes it, or an imminent threat to a person.",
            when=~verification & warranted,
            holds=warrant | threat,
            citation=cite("106"),
        ),
        Invariant(
            id="asked-for-by-law-enforcement",
            statement="A permitted search, other than a verification under a written policy, is "
            "asked for by law enforcement (read so, by Montana's alone).",
            when=~verification,
            holds=who_may_ask,
            citation=cite("106", "(1)"),
        ),
        Invariant(
            id="run-by-law-enforcement",
            statement="A permitted search, other than a verification under a written policy, is "
            "run by Montana's law enforcement (read so, by the Department alone) or by a body "
            "outside Montana.",
            when=~verification,
            holds=who_may_run,
            citation=cite("106", "(1)"),
        ),
        Invariant(
            id="verification-under-a-written-policy",
            statement="A permitted verification that another Montana agency asks for rests on "
            "its written use and privacy policy.",
            when=others_ask & verifying,
            holds=c.TECHNOLOGY_APPROVED,
            citation=cite("108", "(1)"),
        ),
        Invariant(
            id="every-use-disclosed",
            statement="Every search Montana's law enforcement asks for or runs, lawful or not, "
            "is disclosed to the defendant before trial.",
            when=police_ask | police_run,
            obliges=("MT-DISCLOSE",),
            outcomes=EVERY_REQUEST,
            citation=cite("107", "(1)"),
        ),
        Invariant(
            id="never-the-sole-basis",
            statement="The result of every search Montana's law enforcement asks for, lawful or "
            "not, is relied on for probable cause only with other evidence (as reported).",
            when=police_ask,
            obliges=("MT-SOLE-BASIS",),
            outcomes=EVERY_REQUEST,
            citation=cite("106"),
        ),
        Invariant(
            id="local-searches-reported",
            statement="Every search a Montana city police department or sheriff asks for or "
            "runs, lawful or not, is counted in its June 30 report.",
            when=local,
            obliges=("MT-LOCAL-REPORT",),
            outcomes=EVERY_REQUEST,
            citation=cite("111", "(2)"),
        ),
        Invariant(
            id="department-searches-reported",
            statement="Every search the Department of Justice runs, lawful or not, is counted in "
            "its September 1 report, with who asked for it.",
            when=c.performed_by(AgencyKind.STATE_POLICE) & run_here,
            obliges=("MT-DEPARTMENT-REPORT",),
            outcomes=EVERY_REQUEST,
            citation=cite("111", "(3)"),
        ),
    ]
    if readings[CONTINUOUS.id].chosen == "outright":
        invariants.append(
            Invariant(
                id="no-continuous-facial-surveillance",
                statement="No permitted search is continuous facial surveillance: none watches "
                "live video or in real time, watches for a list of faces, or follows a person "
                "over time.",
                holds=~watching,
                citation=cite("104"),
            )
        )
    if readings[WARRANT.id].chosen != "every-search":
        invariants.append(
            Invariant(
                id="deceased-identified-without-a-warrant",
                statement="A Montana police request to the Department of Justice to identify a "
                "deceased person from an image, watching nothing, is never refused: no crime "
                "and no warrant is needed.",
                holds=~(
                    c.requested_by(AgencyKind.LOCAL_POLICE)
                    & asked_here
                    & c.performed_by(AgencyKind.STATE_POLICE)
                    & run_here
                    & c.purpose_is(Purpose.IDENTIFY_DECEASED)
                    & c.analysis_is(Analysis.IDENTIFICATION)
                    & ~watching
                ),
                outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
                citation=cite("106"),
            )
        )
    return tuple(invariants)


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="MT-PURPOSE",
            citation=cite("102"),
            text="The chapter may be cited as the Facial Recognition for Government Use Act "
            "(44-15-101). Its purpose is to prohibit facial recognition for continuous facial "
            "surveillance or facial identification by state and local government agencies and "
            "law enforcement agencies, except that it gives state and local government "
            "agencies guidelines to use facial verification, themselves or through third "
            "parties, and law enforcement agencies the ability to use facial recognition for "
            "investigations of serious crimes (44-15-102).",
            source=source(
                Verification.TEXT,
                _MED,
                "SB 397 as introduced, sections 1 and 2 (fastdemocracy.com); regulon.ai's copy "
                "of the text",
            ),
        ),
        Provision(
            id="MT-DEF",
            citation=cite("103"),
            text="'Facial recognition technology' is facial identification or facial "
            "verification. 'Facial identification' is a computer system that, to determine the "
            "identity of an unknown individual, compares the facial biometric data of the "
            "individual, from a photograph, video or image, with a database of images and "
            "their biometric data to identify potential matches; not a system that guards "
            "against unauthorized access to a place or a device, nor a consumer's private one. "
            "'Facial verification' compares an image or the biometric data of a known "
            "individual with a database or a government document holding their image. "
            "'Continuous facial surveillance' is the monitoring of public places or "
            "third-party image sets with facial identification, to match faces with a "
            "prepopulated list of face images: scanning stored video footage for faces, "
            "scanning video in real time for the faces passing the cameras, and passively "
            "monitoring footage for general surveillance without a particularized suspicion "
            "of a specific target.",
            source=text,
        ),
        Provision(
            id="MT-DEF-AGENCIES",
            citation=cite("103"),
            text="A 'law enforcement agency' is an agency or officer of the state or a political "
            "subdivision empowered to investigate or arrest, or an attorney (the attorney "
            "general included) authorized to prosecute; 'the department' is the Department of "
            "Justice; the 'motor vehicle division' is its division that issues driver's "
            "licenses; a 'state or local government agency' is a state, county or municipal "
            "government, a department, agency or subdivision of one, or another public "
            "instrumentality; a 'public employee' is a person a state or local government "
            "agency employs, a peace officer included.",
            source=text,
        ),
        Provision(
            id="MT-CONTINUOUS-AS-ENCODED",
            citation=cite("103"),
            text="frpolicy reads continuous facial surveillance from the request: it watches "
            "for a list of faces (continuous_surveillance), scans in real time or live video, "
            "or follows a person over time (ongoing surveillance, persistent tracking). A "
            "search of one still image, or of a frame taken from footage, for one person "
            "sought on particularized suspicion is not continuous facial surveillance.",
            source=source(Verification.TEXT, _MED, _TEXT + "; an interpretation"),
        ),
        Provision(
            id="MT-THE-DEPARTMENT",
            text="frpolicy takes a Montana agency of the State Police kind (the Division of "
            "Criminal Investigation, the Highway Patrol) as the Department of Justice, whose "
            "divisions they are. The Motor Vehicle Division is part of the Department too, but "
            "not a law enforcement agency: it runs no identification for the police.",
            source=source(
                Verification.UNVERIFIED,
                _MED,
                "background on the Department of Justice's divisions; MCA 44-15-103 ('motor "
                "vehicle division')",
            ),
        ),
        Provision(
            id="MT-105-ITEMS",
            citation=cite("105", "(1)"),
            text="As the Senate passed the bill, the ban reaches (a) obtaining, retaining, "
            "possessing, accessing, requesting or using facial recognition technology or "
            "information derived from a search using it; (b) entering into an agreement with "
            "a third-party vendor to do so; and (c) installing or equipping a continuous "
            "facial surveillance monitoring camera on public buildings or on public roads and "
            "highways. frpolicy decides searches, not contracts or cameras.",
            source=source(
                Verification.NEWS,
                _MED,
                "blog.tenthamendmentcenter.com (2023-04-25), quoting the bill as the Senate "
                "passed it",
            ),
        ),
        Provision(
            id="MT-MOTOR-VEHICLE-DIVISION",
            citation=cite("105"),
            text="Reported: the motor vehicle division may set up facial recognition only with "
            "the legislature's prior approval (44-15-105 uses the term). Not encoded: what it "
            "restricts (setting up a system, not a search) was not read, and no search the "
            "Division could run for the police is allowed in any case (MT-THE-DEPARTMENT).",
            source=source(
                Verification.NEWS,
                _LOW,
                "jdsupra.com (Blank Rome LLP, 2023): 'It also restricts the state motor vehicle "
                "division to set up facial recognition only with prior approval of the "
                "legislature'; lawserver.com's terms used in MCA 44-15-105",
            ),
        ),
        Provision(
            id="MT-106-NOT-READ",
            citation=cite("106"),
            text="Only subsection (1) of 44-15-106 was read. What the rules encode beyond it "
            "(the purposes, the warrant and its imminent-threat exception) follows the news of "
            "the act as passed; the sponsor and a newspaper described earlier versions in "
            "which only state law enforcement used the technology, at the request of others "
            "filed through the Department, with a warrant 'in most cases' (readings mt-route "
            "and mt-warrant).",
            source=source(Verification.NEWS, _MED, f"{_NEWS}; {_EARLIER}"),
        ),
        Provision(
            id="MT-107-DATA",
            citation=cite("107", "(3)"),
            text="Subsection (3) of 44-15-107 begins 'Data derived from the use of facial...'; "
            "the copy stops there. Not encoded.",
            source=source(Verification.TEXT, _LOW, "lawserver.com's copy of MCA 44-15-107"),
        ),
        Provision(
            id="MT-108-POLICY",
            citation=cite("108"),
            text="An agency using facial verification offers access to its services without it "
            "(108(2)); its vendor gives it its written policies (108(3), 44-15-109); the agency "
            "reports its use to the information technology board (108(4)). The part does not "
            "apply to verifying, with a federal agency, the identity of travellers at an "
            "airport or other port (108(5)): such a use is outside the chapter. The section "
            "applies retroactively to contracts for third-party facial recognition services "
            "that the Departments of Corrections, of Justice and of Labor and Industry signed "
            "or renewed as of January 1, 2022.",
            source=source(
                Verification.TEXT, _HIGH, "self-law.org and casetext.com (with its history note)"
            ),
        ),
        Provision(
            id="MT-109-VENDORS",
            citation=cite("109"),
            text="A third-party vendor under contract may not collect, capture, purchase, "
            "receive or otherwise obtain a person's facial biometric data unless it first "
            "tells the person in writing that the data are collected, for what purpose and for "
            "how long, and receives their written consent; a duty of vendors, not of a search.",
            source=source(
                Verification.SUMMARY,
                _MED,
                "dataguidance.com (2023-06-29), a summary of the act; the section's text was "
                "not read",
            ),
        ),
        Provision(
            id="MT-110-POLICY",
            citation=cite("110"),
            text="An agency that uses a facial recognition service without a third-party vendor "
            "sets a policy that follows the developer's guidance and lays down training for "
            "everyone who operates the service or processes its data: its capabilities and "
            "limits, how to read and act on its output, and meaningful human review of "
            "decisions with legal effects. A policy of the agency, not a condition of a "
            "search.",
            source=source(Verification.TEXT, _HIGH, "leg.mt.gov (MCA 2023)"),
        ),
        Provision(
            id="MT-AUDIT",
            citation=cite("111", "(1)"),
            text="The Criminal Intelligence Information Section adopts an audit process to "
            "ensure that facial recognition is used only for legitimate law enforcement "
            "purposes, auditing the uses and requests of law enforcement agencies. A duty of "
            "the Section, not of a search: the searches it audits are those this module "
            "decides.",
            source=text,
        ),
        Provision(
            id="MT-VENDOR-REPORT",
            citation=cite("111", "(4)"),
            text="By June 30 of each year, a vendor that provides facial recognition services "
            "to a state agency under a contract of 44-15-108 reports to that agency the "
            "warrants, subpoenas and court orders it received for the previous year. A duty of "
            "vendors.",
            source=source(Verification.TEXT, _MED, "codes.findlaw.com (the copy is cut there)"),
        ),
        Provision(
            id="MT-PENALTY",
            citation=cite("112"),
            text="A violation is an injury: a person may seek an injunction, a declaration or a "
            "writ, and a person subjected to facial recognition in violation of the part may "
            "sue. An official or employee who violates it may be disciplined. A prevailing "
            "party recovers $1,000 or actual damages for a negligent violation, $5,000 for an "
            "intentional or reckless one, and $5,000 or $10,000 for one of 44-15-104 or -105; "
            "the attorney general may sue for a civil penalty of $10,000 a violation. "
            "Consequences of a violation, not conditions of a search.",
            source=source(Verification.TEXT, _HIGH, "leg.mt.gov (MCA 2023)"),
        ),
        Provision(
            id="MT-NO-OFFENSE-OUTSIDE-THE-LIST",
            text="A crime off the closed list (burglary, drug distribution, theft), however long "
            "its sentence, opens no search of a suspect, a victim or a witness: the list, not "
            "the penalty, draws the line.",
            source=source(Verification.TEXT, _HIGH, "MCA 44-15-103(17) (lawserver.com)"),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MT",
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
        aliases=("SB 397", "MCA 44-15"),
        summary="A ban on Montana's agencies, but for law enforcement's searches for a serious "
        "crime of a closed list (on probable cause, with a warrant unless a person is in "
        "imminent danger), a missing or a deceased person, and other agencies' verification "
        "under a written policy; no continuous facial surveillance; disclosure before trial; "
        "June 30 and September 1 reports. The warrant from the news.",
        classify=classify,
    )


CH781 = Version.from_builder(_make)
"""MCA 44-15-101 to -112 as in force from June 29, 2023, under the readings adopted."""
