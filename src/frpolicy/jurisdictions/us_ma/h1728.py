"""H.1728 / S.927 (2023-24): the bill to rewrite G.L. c.6 §220, as filed.

"An Act to implement the recommendations of the special commission on facial recognition
technology" (Reps. Ramos and Rogers; Sen. Creem, S.927, the same text). Not enacted in
the 2023-24 session; refiled in 2025 as S.1053 / H.1946.

No full text of the bill was available: past the definitions, each provision below rests on
researcher notes that quote the subsections, legislative summaries and news, and is marked
so. Read each rule beside its citation.

Who is bound, and how. §220(b) makes it unlawful for a law enforcement agency or officer
to use biometric surveillance technology, or to ask a third party to, except as §220
allows; §220(d) lets only the State Police search, or ask the FBI to, and every other
agency ask the State Police. So the bill governs every search a Massachusetts police
department or prosecutor asks for or performs, whoever else takes part; a route other than
the State Police's is forbidden outright (``MA-BAN``: no facts could make it lawful), and a
State Police search lacking its grounds is not permitted. §220(c) governs the Registrar's
own use. §220(i)-(j) govern every other public agency of the Commonwealth by a public
record and a quarterly report of each search it asks for, and by no ban (``MA-NONLE``).
The agencies §220 names are the Commonwealth's
(:mod:`~frpolicy.jurisdictions.us_ma.conditions`): another state's State
Police are a third party, while an agency of another state, or a federal one, that asks the
State Police to search is served on the same grounds as a Massachusetts department. A
search the FBI runs on its own account stays outside the bill.

Where the sources leave a question open, the choice is a named reading
(:func:`readings`; the first choice adopted): whether the Registrar is bound as law
enforcement is (``registrar-status``), whether notice follows every search
(``notice-scope``), when a quarterly report is due (``quarterly-report-due``), how soon an
emergency search is "immediately documented" (``emergency-record-due``), whether the FBI's
own system must be approved (``fbi-technology``), and whether another place's crime is a
felony of (d) (``felony-elsewhere``).

What the third reading of the sources (2026-12-07) decided, in the provisions catalog's
terms:

- Felony (MA-FELONY-TERM): a penalty of life, or a maximum over 30 months, is a
  state-prison penalty whatever place is stated
  (:mod:`~frpolicy.jurisdictions.us_ma.offenses`). Text, high: G.L. c.274
  §1 and c.279 §23 read.
- Non-law-enforcement agencies, §220(i)-(j) (MA-NONLE-DUTIES): duties of every request such
  an agency makes, whoever searches; its requests are in scope, permitted where no law
  enforcement agency or Registry of the Commonwealth takes part. Summary, medium: the
  notes quote (i).
- Emergency searches, §220(d)-(e): the 48-hour sworn statement follows every emergency
  search by or through the State Police, lawful or not; "immediately documented" is a duty
  of its own, due within 24 hours as read. Summary, high for the filing; low for the hours.
- Abduction: an abduction in progress is a danger of serious physical injury
  (:class:`~frpolicy.model.Harm`), so an emergency of the bill when immediate.
- The ban, §220(b): a route other than the State Police's is forbidden. Summary, high.
- Whose agencies: the State Police, the Registrar and law enforcement of §220 are the
  Commonwealth's; the FBI is named by kind. Summary, high (the bill is a Massachusetts law).
- The FBI's system (``fbi-technology``) and another place's felony (``felony-elsewhere``):
  readings, low. Rule 14, §220(f): the notice is the prosecution's automatic discovery of
  Rule 14(b) as split on 2025-03-01, still due at or before the pretrial conference.
  Summary, medium.
"""

from __future__ import annotations

from collections.abc import Mapping

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
from frpolicy.model import AgencyKind, CourtKind, Disclosure, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule, Unit
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate

__all__ = [
    "H1728",
    "INSTRUMENT",
    "duties",
    "invariants",
    "provisions",
    "readings",
    "rules",
]

INSTRUMENT = Instrument(
    id="H.1728",
    title="An Act to implement the recommendations of the special commission on facial "
    "recognition technology (H.1728 / S.927, 2023-24, as filed)",
    kind=InstrumentKind.BILL,
    status=InstrumentStatus.PROPOSED,
    url="https://malegislature.gov/Bills/193/H1728",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_NOTES = "researcher notes quoting H.1728 §220 by subsection; regulon.ai, fastdemocracy summaries"
_SP, _FBI, _RMV = AgencyKind.STATE_POLICE, AgencyKind.FBI, AgencyKind.MOTOR_VEHICLE_REGISTRY
_LOCAL, _DA = AgencyKind.LOCAL_POLICE, AgencyKind.PROSECUTOR


def _cite(subsection: str, instrument: str = INSTRUMENT.id) -> Citation:
    return Citation(instrument=instrument, section=SECTION, subsection=subsection)


# -- readings: where the sources admit more than one answer ---------------------------------

REGISTRAR_STATUS = "registrar-status"
NOTICE_SCOPE = "notice-scope"
QUARTERLY_REPORT_DUE = "quarterly-report-due"
EMERGENCY_RECORD_DUE = "emergency-record-due"
FBI_TECHNOLOGY = "fbi-technology"
FELONY_ELSEWHERE = "felony-elsewhere"


def readings(instrument: str = INSTRUMENT.id) -> tuple[Reading, ...]:
    """The readings the bill rests on (H.4359 shares them); the first choice is adopted."""
    return (
        Reading(
            id=REGISTRAR_STATUS,
            question="Is the Registrar of Motor Vehicles bound as law enforcement is, by "
            "§220(b)'s ban and §220(k)'s prohibitions? Who counts as a law enforcement agency "
            "in §220(a) was not read.",
            choices=(
                Choice(
                    id="bound-by-c",
                    text="No: the Registrar's use is governed by §220(c), read as the whole of "
                    "its authority: verifying identity (H.4359: investigating and verifying "
                    "it) from still images. Any other use is not permitted; §220(k) is not "
                    "applied to it, so emotion inference or video is not permitted rather "
                    "than forbidden.",
                ),
                Choice(
                    id="law-enforcement",
                    text="Yes: the Registrar is bound as law enforcement is; §220(k) forbids "
                    "emotion inference and moving images in its own use too.",
                ),
            ),
            source=source(Verification.SUMMARY, _LOW, "provisions catalog §1.7; " + _NOTES),
            citation=_cite("(a)-(c), (k)", instrument),
        ),
        Reading(
            id=NOTICE_SCOPE,
            question="Does §220(f)'s notice follow every search that identifies a person "
            "later charged, or only searches through the State Police?",
            choices=(
                Choice(
                    id="every-search",
                    text="Every search but one to identify a deceased person: §220(f) speaks "
                    "of any criminal defendant identified through a facial-recognition "
                    "search, so the Registrar's own searches and searches the law did not "
                    "permit carry it too.",
                ),
                Choice(
                    id="state-police-route",
                    text="Only searches the State Police perform or ask the FBI to perform "
                    "under §220(d), permitted or not.",
                ),
            ),
            source=source(
                Verification.SUMMARY,
                _MED,
                _NOTES + '; (f) quoted: "shall be '
                'provided notice that they were subject to such search, pursuant to rule 14"',
            ),
            citation=_cite("(f)", instrument),
        ),
        quarterly_report_due(_cite("(g)-(h)", instrument)),
        Reading(
            id=EMERGENCY_RECORD_DUE,
            question="The bill gives no number: how soon after the search must an emergency "
            'search be documented, to be "immediately documented" (§220(e))?',
            choices=(
                Choice(
                    id="24-hours",
                    text="Within 24 hours of the search: at once, as a unit searching around "
                    "the clock can be held to, and well before the sworn statement due at "
                    "48 hours, which rests on the record.",
                ),
                Choice(
                    id="end-of-day",
                    text="By the end of the day of the search, in Massachusetts time.",
                ),
                Choice(
                    id="with-the-sworn-statement",
                    text="Within 48 hours, with the sworn statement: immediately read as by "
                    "the filing that follows it, at the latest.",
                ),
            ),
            source=source(
                Verification.SUMMARY,
                _LOW,
                _NOTES + '; (e) summarized: "must be immediately documented"; no number found',
            ),
            citation=_cite("(e)", instrument),
        ),
        Reading(
            id=FBI_TECHNOLOGY,
            question="When the State Police ask the FBI to search, must the FBI's own system "
            "be technology approved after a public hearing, as a State Police search must?",
            choices=(
                Choice(
                    id="approval-required",
                    text="Yes: (d) allows its searches only with approved technology, and a "
                    "search the State Police ask the FBI for is one of (d)'s. Read otherwise, "
                    "the request to the FBI would be a way around the public hearing.",
                ),
                Choice(
                    id="fbi-system-exempt",
                    text="No: the approval governs the technology the Commonwealth acquires "
                    "and uses; the FBI's system is not the Commonwealth's to approve, and a "
                    "request to it needs none.",
                ),
            ),
            source=source(
                Verification.SUMMARY,
                _LOW,
                _NOTES + '; notes: "using only approved technology vetted at public hearing"',
            ),
            citation=_cite("(d)", instrument),
        ),
        Reading(
            id=FELONY_ELSEWHERE,
            question="Does a crime of another state, or a federal crime, meet the felony of "
            "(d)'s felony warrant?",
            choices=(
                Choice(
                    id="massachusetts-test",
                    text="Yes, when G.L. c.274 §1 would class it a felony by its penalty: "
                    "death, life or a term only a state prison may hold. The General Laws "
                    "define felony once, by the penalty; no text seen confines (d) to the "
                    "Commonwealth's own crimes, and the State Police's route to the FBI "
                    "expects federal cases.",
                ),
                Choice(
                    id="commonwealth-only",
                    text="No: only a crime under the laws of the Commonwealth, as the 2020 "
                    'precursor (House Amendment #180) put it: "a violent felony offense under '
                    'the laws of the commonwealth".',
                ),
            ),
            source=source(
                Verification.SUMMARY,
                _LOW,
                _NOTES + '; notes: "felony warrant"; Amend. #180 to H.4860 (2020, text read)',
            ),
            citation=_cite("(d)", instrument),
        ),
    )


_RECORD_DEADLINES = {
    "24-hours": Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=24, unit=Unit.HOURS),
    "end-of-day": Deadline(anchor=EventKind.SEARCH_PERFORMED, unit=Unit.CALENDAR_DAYS),
    "with-the-sworn-statement": Deadline(
        anchor=EventKind.SEARCH_PERFORMED, amount=48, unit=Unit.HOURS
    ),
}
"""When the emergency record is due, by choice of :data:`EMERGENCY_RECORD_DUE`."""


# -- who is bound, and the conditions of §220(d) ---------------------------------------------

PUBLIC_AGENCY_REQUEST = c.requested_by_massachusetts(AgencyKind.OTHER_PUBLIC_AGENCY)
"""A public agency of the Commonwealth that is not law enforcement asks: what (i)-(j) govern."""

SCOPE = (
    c.LAW_ENFORCEMENT_REQUEST
    | c.LAW_ENFORCEMENT_SEARCH
    | c.REGISTRY_REQUEST
    | c.REGISTRY_SEARCH
    | PUBLIC_AGENCY_REQUEST
)
"""§220(b) binds law enforcement, asking or performing; §220(c) governs the Registrar;
§220(i)-(j) every other public agency of the Commonwealth that asks for a search."""

LAW_ENFORCEMENT_INVOLVED = c.LAW_ENFORCEMENT_REQUEST | c.LAW_ENFORCEMENT_SEARCH
"""Law enforcement of Massachusetts asks for or performs the search: what (g)-(h) record."""

# §220(d): only the State Police search, or ask the FBI to; other agencies, local police
# among them, ask the State Police to search on their behalf. "The department of state
# police" is the Commonwealth's: another state's State Police are a third party.
STATE_POLICE_SEARCH = c.performed_by_massachusetts(_SP) | (
    c.performed_by(_FBI) & c.requested_by_massachusetts(_SP)
)
"""The State Police's route, which permissions name by its branch (a memo says which held)."""
# §220(d): only technology approved after a public hearing may be used.
CENTRAL_SEARCH = STATE_POLICE_SEARCH & c.TECHNOLOGY_APPROVED
"""The State Police's route with approved technology (``fbi-technology=approval-required``)."""
FELONY_WARRANT = (
    c.WARRANT_AUTHORIZES_SEARCH
    & c.WARRANT_IN_FORCE
    & c.WARRANT_COVERS_OFFENSE
    & c.OFFENSE_IS_FELONY
)
"""A warrant in force for the felony under investigation (``felony-elsewhere`` as adopted)."""
EMERGENCY = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE_DANGER
REGISTRAR_OWN = c.REGISTRY_SEARCH & c.REGISTRY_REQUEST
"""The Registrar searching on its own account."""


def _chosen(choices: Mapping[str, Reading], reading: str) -> str:
    return choices[reading].chosen


def _central_search(choices: Mapping[str, Reading]) -> Predicate:
    """§220(d)'s route with the technology it asks for, as ``fbi-technology`` reads it."""
    if _chosen(choices, FBI_TECHNOLOGY) == "approval-required":
        return CENTRAL_SEARCH
    return STATE_POLICE_SEARCH & (c.TECHNOLOGY_APPROVED | c.performed_by(_FBI))


def _felony_warrant(choices: Mapping[str, Reading]) -> Predicate:
    """§220(d)'s felony warrant, as ``felony-elsewhere`` reads whose felony it may be."""
    if _chosen(choices, FELONY_ELSEWHERE) == "massachusetts-test":
        return FELONY_WARRANT
    return FELONY_WARRANT & c.OFFENSE_OF_MASSACHUSETTS


def registrar_permission(purpose: Predicate) -> Predicate:
    """§220(c): the Registrar's own search for ``purpose``, to identify or verify, in stills."""
    return REGISTRAR_OWN & purpose & c.IDENTIFY_OR_VERIFY & ~c.MOVING_IMAGES


def rules(choices: Mapping[str, Reading], instrument: str = INSTRUMENT.id) -> tuple[Rule, ...]:
    """The permissions and prohibitions of §220 as H.1728 writes them, under ``choices``.

    H.4359 keeps them, citing itself; ``instrument`` names the bill cited.
    """
    bound = (
        c.LAW_ENFORCEMENT_USE
        if _chosen(choices, REGISTRAR_STATUS) == "bound-by-c"
        else c.LAW_ENFORCEMENT_OR_REGISTRAR_USE
    )
    central = _central_search(choices)
    return (
        # (b) Law enforcement may not use the technology, nor ask a third party to: but as (d).
        Rule(
            id="MA-BAN",
            effect=Effect.FORBID,
            # the route as one condition: a memo of a forbidden search says it was not taken
            when=c.LAW_ENFORCEMENT_USE & ~c.STATE_POLICE_ROUTE,
            citation=_cite("(b)", instrument),
            paraphrase="A Massachusetts law enforcement agency may not use facial recognition, "
            "nor ask a third party to use it on its behalf, except as §220 allows: only the "
            "State Police search, or ask the FBI to, and other agencies ask the State Police. "
            "A search a police department or prosecutor runs itself, or that Massachusetts "
            "law enforcement asks anyone else to run (a vendor, another state's police, a "
            "federal agency, the Registry, the FBI asked directly), is forbidden whatever its "
            "grounds.",
            source=source(
                Verification.SUMMARY,
                _HIGH,
                _NOTES + '; (b) quoted: "unlawful for a law enforcement agency or officer to '
                'acquire, possess, access, use, assist with the use of"',
            ),
        ),
        # (c) The Registrar may use facial recognition to verify identity when issuing licenses.
        Rule(
            id="MA-RMV",
            effect=Effect.PERMIT,
            when=registrar_permission(c.purpose_is(Purpose.LICENSE_ISSUANCE)),
            citation=_cite("(c)", instrument),
            paraphrase="The Registry of Motor Vehicles may use facial recognition to verify "
            "identity when it issues licenses: to identify or verify a person, from still "
            "images.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        # (d) The State Police may search to execute a warrant for a felony.
        Rule(
            id="MA-WARRANT",
            effect=Effect.PERMIT,
            when=central & _felony_warrant(choices),
            citation=_cite("(d)", instrument),
            paraphrase="The State Police may perform a search, or ask the FBI to, to execute "
            "a warrant for a felony, with approved technology, whichever agency asked them. "
            "The warrant's exact standard and issuing court are not verified.",
            source=source(Verification.SUMMARY, _MED, _NOTES + '; notes say "felony warrant"'),
        ),
        # (d) ... or without a warrant in an emergency.
        Rule(
            id="MA-EMERGENCY",
            effect=Effect.PERMIT,
            when=central & EMERGENCY,
            citation=_cite("(d)", instrument),
            paraphrase="The State Police may search without a warrant in an emergency "
            "involving immediate danger of death or serious physical injury, with approved "
            "technology. The standard's wording is taken from the bill's precursors.",
            source=source(Verification.SUMMARY, _MED, _NOTES + "; wording from 2020 Amend. #180"),
        ),
        # (d) ... or to identify a deceased person.
        Rule(
            id="MA-DECEASED",
            effect=Effect.PERMIT,
            when=central & c.purpose_is(Purpose.IDENTIFY_DECEASED),
            citation=_cite("(d)", instrument),
            paraphrase="The State Police may search, with approved technology and no "
            "warrant, to identify a deceased person.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        # (i)-(j) Other public agencies face no ban, only a public record and a report.
        Rule(
            id="MA-NONLE",
            effect=Effect.PERMIT,
            when=PUBLIC_AGENCY_REQUEST & ~c.LAW_ENFORCEMENT_USE & ~c.REGISTRY_SEARCH,
            citation=_cite("(b), (i)-(j)", instrument),
            paraphrase="A public agency of the Commonwealth that is not law enforcement is "
            "under no ban: §220(b) binds law enforcement alone, and §220(i)-(j) govern such "
            "an agency by a public record and a quarterly report of each search it asks for. "
            "It may ask for a search, or run one, in which no Massachusetts law enforcement "
            "agency or Registry takes part (its own, the FBI's, another state's); one the "
            "State Police or the Registry would run is governed by their rules.",
            source=source(Verification.SUMMARY, _MED, _NOTES + "; provisions catalog MA-NONLE"),
        ),
        # (k) No inference of emotions by law enforcement.
        Rule(
            id="MA-NO-EMOTION",
            effect=Effect.FORBID,
            when=bound & c.EMOTION_INFERENCE,
            citation=_cite("(k)", instrument),
            paraphrase="Law enforcement may not use a biometric surveillance system to infer "
            "a person's emotions.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        # (k) No analysis of moving images by law enforcement: still frames only.
        Rule(
            id="MA-NO-VIDEO",
            effect=Effect.FORBID,
            when=bound & c.MOVING_IMAGES,
            citation=_cite("(k)", instrument),
            paraphrase="Law enforcement may not use biometric surveillance to analyse moving "
            "images; only still images, through the State Police, may be searched.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
    )


_SEARCH = EventKind.SEARCH_PERFORMED
_RECORDS = frozenset(
    {
        Disclosure.FACIAL_RECOGNITION_USED,
        Disclosure.ALGORITHM,
        Disclosure.ACCURACY,
        Disclosure.MATCH_SELECTION,
        Disclosure.ALL_RESULTS,
    }
)
_STATE_POLICE_PARTY = "State Police, or the asking agency for a request made elsewhere"


def duties(choices: Mapping[str, Reading], instrument: str = INSTRUMENT.id) -> tuple[Duty, ...]:
    """What a request under H.1728 obliges, shared with H.4359 but for the public record."""
    notice_when = ~c.purpose_is(Purpose.IDENTIFY_DECEASED)
    if _chosen(choices, NOTICE_SCOPE) == "state-police-route":
        notice_when = STATE_POLICE_SEARCH & notice_when
    quarters = 1 if _chosen(choices, QUARTERLY_REPORT_DUE) == "next-quarter" else 0
    # an emergency search: one the State Police run on an emergency, not on a felony warrant,
    # whether or not the emergency met the standard or the search was lawful
    emergency_search = STATE_POLICE_SEARCH & c.EMERGENCY_DECLARED & ~_felony_warrant(choices)
    return (
        # (d)-(e) A supervisory official's sworn statement to the superior court within 48 hours.
        Duty(
            id="MA-EMERGENCY-FILING",
            when=emergency_search,
            citation=_cite("(d)-(e)", instrument),
            paraphrase="After an emergency search by or through the State Police, a "
            "supervisory official of a rank the colonel designates files a signed, sworn "
            "statement of its grounds with the superior court within 48 hours: after every "
            "such search, lawful or not, so that a court sees the grounds of one that did not "
            "meet the standard too.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES + "; regulon H.1946 summary"),
            action="file a supervisory official's sworn statement of the emergency's grounds "
            "with the superior court",
            party="State Police",
            deadline=Deadline(anchor=_SEARCH, amount=48, unit=Unit.HOURS),
            fulfilled_by=EventKind.SWORN_STATEMENT_FILED,
            court=CourtKind.SUPERIOR_COURT,
            supervisory=True,
            outcomes=EVERY_REQUEST,
        ),
        # (e) An emergency search is immediately documented.
        Duty(
            id="MA-EMERGENCY-RECORD",
            when=emergency_search,
            citation=_cite("(e)", instrument),
            paraphrase="An emergency search by or through the State Police is documented "
            "immediately, whether or not the emergency met the standard. The bill gives no "
            "number of hours (a reading).",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
            action="document the emergency search and its grounds",
            party="State Police",
            deadline=_RECORD_DEADLINES[_chosen(choices, EMERGENCY_RECORD_DUE)],
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
        ),
        # (f) Notice to the defendant, with all records of the search, in Rule 14 discovery.
        Duty(
            id="MA-NOTICE",
            when=notice_when,
            citation=_cite("(f)", instrument),
            paraphrase="A defendant identified through a search is told so, pursuant to "
            "Mass. R. Crim. P. 14, and receives all records of the search: the algorithm, "
            "accuracy information and how the match was selected; whether or not the law "
            "permitted the search. No day count is stated: Rule 14's automatic discovery is "
            "due at or before the pretrial conference. Since 2025-03-01 Rule 14, 'Pretrial "
            "Discovery from the Prosecution', holds the prosecution's automatic discovery in "
            "its (b) (Rule 14(a)(1)(A) before), the rest of the old rule having moved to "
            "Rules 14.1-14.4: the bill's reference still names the prosecution's discovery.",
            source=source(
                Verification.SUMMARY,
                _MED,
                _NOTES + '; Rule 14(a)(1)(A) to 2025-02-28 read on mass.gov (V): "at or prior '
                'to the pretrial conference"; the 2025 split read in the SJC notice of '
                "2024-12-02 and Rules 14.1-14.2 on casetext (V), which refer to the "
                "prosecution's discovery under Rule 14(b); the 2025 Rule 14(b)(1)'s timing "
                "words not read, taken as unchanged (M)",
            ),
            action="give the defendant notice of the search and all its records in discovery",
            party="prosecutor",
            deadline=Deadline(anchor=EventKind.PRETRIAL_CONFERENCE),
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=_RECORDS,
            outcomes=EVERY_REQUEST,
        ),
        # (g)-(h) Quarterly reports to EOPSS, of every request.
        Duty(
            id="MA-REPORT",
            when=LAW_ENFORCEMENT_INVOLVED,
            citation=_cite("(g)-(h)", instrument),
            paraphrase="Each request, permitted or not, is reported quarterly to the "
            "Executive Office of Public Safety and Security, which publishes annual "
            "statistics by agency, race and gender. The report's own due date was not found "
            "(a reading).",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
            action="include the request in a quarterly report to EOPSS",
            party=_STATE_POLICE_PARTY,
            deadline=Deadline(
                anchor=EventKind.REQUEST_SUBMITTED, amount=quarters, unit=Unit.QUARTERS
            ),
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
        *_public_agency_duties(choices, instrument),
    )


def _public_agency_duties(
    choices: Mapping[str, Reading], instrument: str = INSTRUMENT.id
) -> tuple[Duty, Duty]:
    """§220(i)-(j): what a public agency that is not law enforcement owes for each request.

    Every request such an agency of the Commonwealth makes, whoever runs the search and
    whatever the outcome: the duties reach further than the bans, which bind law
    enforcement alone. H.4359 keeps them unchanged.
    """
    quarters = 1 if _chosen(choices, QUARTERLY_REPORT_DUE) == "next-quarter" else 0
    agency = "the public agency that asked"
    record = source(
        Verification.SUMMARY,
        _MED,
        _NOTES + '; (i) quoted: "Each non-law enforcement public agency shall document, as a '
        'public record, each facial recognition search requested"',
    )
    return (
        # (i) Each search a non-law enforcement public agency requests is a public record.
        Duty(
            id="MA-NONLE-LOG",
            when=PUBLIC_AGENCY_REQUEST,
            citation=_cite("(i)", instrument),
            paraphrase="A public agency that is not law enforcement keeps each facial-"
            "recognition search it asks for as a public record, permitted or not, whoever "
            "runs it. No deadline is stated.",
            source=record,
            action="keep the request as a public record",
            party=agency,
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
        # (i)-(j) ... and reported quarterly to EOPSS, for its annual publication.
        Duty(
            id="MA-NONLE-REPORT",
            when=PUBLIC_AGENCY_REQUEST,
            citation=_cite("(i)-(j)", instrument),
            paraphrase="A public agency that is not law enforcement reports each search it "
            "asks for to the Executive Office of Public Safety and Security quarterly, and "
            "EOPSS includes it in the annual publication. The report's own due date was not "
            "found (a reading).",
            source=record,
            action="include the request in a quarterly report to EOPSS",
            party=agency,
            deadline=Deadline(
                anchor=EventKind.REQUEST_SUBMITTED, amount=quarters, unit=Unit.QUARTERS
            ),
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.REQUEST_SUBMITTED,
        ),
    )


def log_duty(instrument: str = INSTRUMENT.id) -> Duty:
    """§220(g) as filed: every request and every search kept as a public record."""
    return Duty(
        id="MA-LOG",
        when=LAW_ENFORCEMENT_INVOLVED,
        citation=_cite("(g)", instrument),
        paraphrase="The State Police keep each search request and each search performed as "
        "a public record, permitted or not; a search outside the State Police is documented "
        "in writing. The bill states no deadline; the exact fields were not seen.",
        source=source(Verification.SUMMARY, _HIGH, _NOTES),
        action="keep the request and the search as a public record",
        party=_STATE_POLICE_PARTY,
        deadline=None,
        fulfilled_by=EventKind.SEARCH_DOCUMENTED,
        outcomes=EVERY_REQUEST,
        arises_on=EventKind.REQUEST_SUBMITTED,
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def invariants(
    choices: Mapping[str, Reading],
    *,
    exempt: Predicate | None = None,
    public_record: tuple[tuple[Predicate, str], ...] | None = None,
    instrument: str = INSTRUMENT.id,
) -> tuple[Invariant, ...]:
    """What H.1728 (and H.4359) promise, as a reader of the bill would state it.

    ``exempt`` adds a ground no warrant is needed for (H.4359's assistance to the
    Registrar); ``public_record`` replaces (g)'s public-record duty: pairs of the searches
    it covers and the duty that covers them.
    """

    def asks(kind: AgencyKind) -> Predicate:
        return c.requested_by(kind) & c.MASSACHUSETTS_REQUESTER

    def performs(kind: AgencyKind) -> Predicate:
        return c.performed_by(kind) & c.MASSACHUSETTS_SEARCHER

    bound = [asks(k) for k in (_LOCAL, _SP, _DA, _RMV)]
    bound += [performs(k) for k in (_LOCAL, _SP, _DA, _RMV)]
    any_bound = AnyOf(tuple(bound))
    other_public_agency = asks(AgencyKind.OTHER_PUBLIC_AGENCY)
    involved = (*bound, other_public_agency)
    law_enforcement = [asks(k) for k in (_LOCAL, _SP, _DA)]
    law_enforcement += [performs(k) for k in (_LOCAL, _SP, _DA)]
    any_law_enforcement = AnyOf(tuple(law_enforcement))
    through_state_police = performs(_SP) | (c.performed_by(_FBI) & asks(_SP))
    registrar_own = performs(_RMV) & asks(_RMV)
    felony_warrant = (
        c.WARRANT_AUTHORIZES_SEARCH
        & c.WARRANT_IN_FORCE
        & c.WARRANT_COVERS_OFFENSE
        & c.OFFENSE_IS_FELONY
    )
    if _chosen(choices, FELONY_ELSEWHERE) == "commonwealth-only":
        felony_warrant &= c.OFFENSE_OF_MASSACHUSETTS
    approval_needed = through_state_police
    if _chosen(choices, FBI_TECHNOLOGY) == "fbi-system-exempt":
        approval_needed = performs(_SP)
    emergency = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE_DANGER
    grounds = felony_warrant | emergency | c.purpose_is(Purpose.IDENTIFY_DECEASED)
    if exempt is not None:
        grounds |= exempt
    records = public_record or ((any_law_enforcement, "MA-LOG"),)
    return (
        Invariant(
            id="binds-law-enforcement-and-registrar",
            statement="Every search a Massachusetts police department, prosecutor or the "
            "Registrar asks for or performs is governed by §220, whoever else takes part (a "
            "State Police search at the FBI's request is governed), and so is every search "
            "another public agency of the Commonwealth asks for.",
            holds=~AnyOf(involved),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=_cite("(b)-(d), (i)", instrument),
        ),
        Invariant(
            id="no-ban-beyond-law-enforcement",
            statement="A search §220 refuses or forbids is one a Massachusetts police "
            "department, prosecutor or the Registrar takes part in: the ban binds law "
            "enforcement, (c) confines the Registrar, and another public agency is governed "
            "by a record and a report alone.",
            holds=any_bound,
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=_cite("(b), (i)-(j)", instrument),
        ),
        Invariant(
            id="public-agency-record-and-report",
            statement="Every search a public agency of the Commonwealth that is not law "
            "enforcement asks for is kept as a public record and reported to EOPSS "
            "quarterly, whoever runs it, permitted or not.",
            when=other_public_agency,
            obliges=("MA-NONLE-LOG", "MA-NONLE-REPORT"),
            outcomes=EVERY_REQUEST,
            citation=_cite("(i)-(j)", instrument),
        ),
        Invariant(
            id="central-searcher",
            statement="A permitted search is performed by the State Police, by the FBI at "
            "their request, or by the Registrar for itself, when a Massachusetts police "
            "department, prosecutor or the Registrar takes part in it: never by a local "
            "department, a prosecutor or another federal agency.",
            when=any_bound,
            holds=through_state_police | registrar_own,
            citation=_cite("(d)", instrument),
        ),
        Invariant(
            id="state-police-route",
            statement="A search Massachusetts law enforcement asks for or performs goes by the "
            "State Police's route (the State Police search, or the FBI at their request), or "
            "it is forbidden: §220(b) bans every other route, whatever its grounds.",
            when=any_law_enforcement,
            holds=through_state_police,
            outcomes=frozenset({Outcome.PERMITTED, Outcome.NOT_PERMITTED}),
            citation=_cite("(b), (d)", instrument),
        ),
        Invariant(
            id="no-other-federal-agency",
            statement="No federal agency other than the FBI performs a permitted search "
            "Massachusetts law enforcement or the Registrar takes part in: the bill names the "
            "FBI only.",
            when=any_bound,
            holds=~c.performed_by(AgencyKind.FEDERAL),
            citation=_cite("(d)", instrument),
        ),
        Invariant(
            id="stills-only",
            statement="No permitted search Massachusetts law enforcement or the Registrar "
            "takes part in analyses moving images or infers emotions: §220(k) forbids both "
            "to law enforcement, and the Registrar's (c) is to verify identity from still "
            "images.",
            when=any_bound,
            holds=~c.MOVING_IMAGES & ~c.EMOTION_INFERENCE,
            citation=_cite("(k)", instrument),
        ),
        Invariant(
            id="registrar-never-infers-emotions",
            statement="The Registrar's licensing search never infers emotions.",
            when=performs(_RMV) & c.purpose_is(Purpose.LICENSE_ISSUANCE),
            holds=~c.EMOTION_INFERENCE,
            citation=_cite("(c)", instrument),
        ),
        Invariant(
            id="approved-technology",
            statement="A permitted search by or through the State Police uses technology "
            "approved after a public hearing (the FBI's own system too, unless read exempt).",
            when=approval_needed,
            holds=c.TECHNOLOGY_APPROVED,
            citation=_cite("(d)", instrument),
        ),
        Invariant(
            id="warrant-emergency-or-exempt",
            statement="A permitted search Massachusetts law enforcement or the Registrar takes "
            "part in, other than the Registrar's own, rests on a warrant in force that "
            "authorizes it and names the felony under investigation, on an "
            "emergency of immediate danger of death or serious physical injury, or identifies "
            "a deceased person.",
            when=any_bound & ~registrar_own,
            holds=grounds,
            citation=_cite("(d)", instrument),
        ),
        *(
            Invariant(
                id=f"public-record-{duty.lower()}",
                statement="Every request §220(g) covers is kept as a public record, permitted "
                "or not.",
                when=covered,
                obliges=(duty,),
                outcomes=EVERY_REQUEST,
                citation=_cite("(g)", instrument),
            )
            for covered, duty in records
        ),
        Invariant(
            id="quarterly-report",
            statement="Every request law enforcement asks for or performs is reported to "
            "EOPSS quarterly, permitted or not.",
            when=any_law_enforcement,
            obliges=("MA-REPORT",),
            outcomes=EVERY_REQUEST,
            citation=_cite("(g)-(h)", instrument),
        ),
        Invariant(
            id="emergency-filing",
            statement="Every emergency search by or through the State Police (one on a "
            "declared emergency, not on a felony warrant) is followed by a supervisory "
            "official's sworn statement to the superior court, lawful or not.",
            when=through_state_police & c.EMERGENCY_DECLARED & ~felony_warrant,
            obliges=("MA-EMERGENCY-FILING",),
            outcomes=EVERY_REQUEST,
            citation=_cite("(d)-(e)", instrument),
        ),
        Invariant(
            id="emergency-record",
            statement="Every emergency search by or through the State Police is documented "
            "immediately, lawful or not.",
            when=through_state_police & c.EMERGENCY_DECLARED & ~felony_warrant,
            obliges=("MA-EMERGENCY-RECORD",),
            outcomes=EVERY_REQUEST,
            citation=_cite("(e)", instrument),
        ),
        Invariant(
            id="defendant-notice",
            statement="A defendant identified through a search the State Police perform is "
            "told so, unless the search identified a deceased person.",
            when=performs(_SP) & ~c.purpose_is(Purpose.IDENTIFY_DECEASED),
            obliges=("MA-NOTICE",),
            outcomes=EVERY_REQUEST,
            citation=_cite("(f)", instrument),
        ),
    )


def provisions(instrument: str = INSTRUMENT.id) -> tuple[Provision, ...]:
    """Provisions of the bill kept as prose: consequences, and what was looked for and not found."""
    return (
        Provision(
            id="MA-EXCLUSION",
            citation=_cite("(l)", instrument),
            text="Information obtained in violation of §220 is inadmissible in any criminal, "
            "civil, administrative or other proceeding, except one alleging a violation of "
            "§220.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        Provision(
            id="MA-CARVEOUTS",
            text="Not violations: facial recognition on personal devices for user "
            "authentication, automated redaction without biometric recognition, and receipt "
            "of unsolicited evidence (conditions not verified).",
            source=source(Verification.SUMMARY, _MED, "regulon.ai, researcher notes"),
        ),
        Provision(
            id="MA-REMEDY",
            text="No private right of action and no monetary penalties; enforcement is by "
            "exclusion of evidence, the emergency court filing and EOPSS reporting.",
            source=source(Verification.SUMMARY, _MED, "regulon.ai"),
        ),
        Provision(
            id="MA-SOLE-BASIS",
            text="Not found: no source seen puts in the bill a clause that a facial-"
            "recognition result may not be the sole basis for probable cause or arrest. Not "
            "encoded.",
            source=source(
                Verification.UNVERIFIED, _LOW, "the researcher notes list 8 propositions, not this"
            ),
        ),
        Provision(
            id="MA-TRAINING",
            text="Not found: news describes a central office of staff trained on the "
            "software's weaknesses, but no training clause was seen in the bill. Not encoded.",
            source=source(Verification.NEWS, _LOW, "policemag.com"),
        ),
        Provision(
            id="MA-DATABASES",
            text="Not verified: the Commission recommended searching only the RMV and FBI "
            "databases; the bill text seen says only 'State Police ... or request the FBI'. "
            "Not encoded.",
            source=source(Verification.NEWS, _LOW, "Boston Herald, 2022-03-22"),
        ),
        Provision(
            id="MA-EXCEPTIONS-OTHER",
            text="Not found: exceptions for missing or incapacitated persons or victims. "
            "Unlike Maine, Maryland, Utah and Virginia, Massachusetts appears to have none; "
            "such a search is not permitted here.",
            source=source(Verification.SUMMARY, _MED, _NOTES),
        ),
        Provision(
            id="MA-WARRANT-STANDARD",
            text="Open: the warrant's probable-cause formula and issuing court. The "
            "precursors named a justice of the superior court; this module requires only a "
            "warrant, in force, naming a felony under investigation.",
            source=source(Verification.SUMMARY, _LOW, _NOTES),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    chosen = choose_readings(readings(), choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MA",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=SCOPE,
            rules=rules(chosen),
            duties=(*duties(chosen), log_duty()),
            readings=tuple(chosen.values()),
        ),
        offenses=OFFENSES,
        invariants=invariants(chosen),
        provisions=provisions(),
        aliases=("S.927",),
        summary="The bill as filed: only the State Police search (or ask the FBI), for a "
        "felony warrant, an emergency or a deceased person's identification, and any other "
        "route is forbidden to law enforcement; stills only; notice to defendants; public "
        "records of every request, other public agencies' included.",
        classify=classify,
    )


H1728 = Version.from_builder(_make)
"""H.1728 / S.927 as a version of the law of Massachusetts, under the readings adopted."""
