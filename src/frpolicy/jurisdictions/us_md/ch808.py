"""Md. Code, Crim. Proc. §§2-501 to 2-510, as enacted by 2024 Md. Laws ch. 808 (SB 182).

"Criminal Procedure - Facial Recognition Technology - Requirements, Procedures, and
Prohibitions": SB 182, chapter 808, and its House cross-file HB 338, chapter 809, approved
2024-05-16, in force from 2024-10-01. Sections 2-501, 2-502, 2-503(a)(1)(i)-(ii), 2-504,
2-505, 2-507, 2-508 and 2-510 were read in copies of the text (verification ``text``);
§2-503(a)(1)(iii) and what follows it were not: the bans on real-time identification and on
searching sketches rest on the news, and each is a reading that can be switched off; the
limits on databases and the verification by a trained person are kept as prose.

What it asks, in short: a Maryland police officer, or another employee or agent of a law
enforcement agency, may not, "in the furtherance of a criminal investigation", use facial
recognition to investigate a crime outside twelve categories
(:mod:`~frpolicy.jurisdictions.us_md.offenses`), nor analyse an image of a person engaged
in constitutionally protected activity without reasonable suspicion, nor one of a person
the search does not intend to identify. A result is never the sole basis for probable
cause or a positive identification; the State discloses the search in discovery; every
search is counted in the agency's annual report. None of this restricts the uses §2-507
names: identifying a missing, deceased or incapacitated person, redaction, forensic
analysis of seized media, securing the agency's premises, and otherwise legitimate activity
unrelated to a criminal investigation. The search itself needs no warrant.

Maryland has no default ban. The bans of §2-503 bind use in furtherance of a criminal
investigation only, and §2-507(5) says the subtitle does not restrict the rest, so every
request lands on a rule: a search in a criminal investigation is permitted for a crime in
the twelve categories and forbidden for another; a use §2-507 names is permitted by its
item. A use unrelated to a criminal investigation is encoded as permitted under §2-507(5),
not as outside the scope, because the subtitle still governs it: §2-510 counts every search
("the type of crime or incident associated with each use") and §2-502 still limits what its
result may establish. What furthers a criminal investigation is read from the request: its
purpose is to investigate a crime (:data:`INVESTIGATIVE_PURPOSES`: the victim or the
witness of one, identity documents, a record of protected activity included); or, for an
emergency or another purpose (:data:`OPEN_PURPOSES`), a crime is under investigation: the
request names the offense. A stated suspicion that names no crime does not make an
emergency an investigation: the subtitle restricts the investigation of crimes, and its
twelve categories are drawn by offense (as read). With no offense named, an emergency (a
person threatening suicide, an armed person on a roof) is unrelated to a criminal
investigation, as read (:data:`EMERGENCY_WITHOUT_CRIME`). A search in a criminal
investigation that names no offense is not permitted: nothing shows the crime is listed.

Who is bound: §2-501 defines facial recognition as technology used "by or at the direction
of" a law enforcement agency, which takes the meaning of Public Safety §2-101: an agency of
the State or of its political subdivisions, Maryland's own (an agency whose home, see
:class:`~frpolicy.model.Agency`, is ``US-MD`` or states none). So the subtitle governs every
search a Maryland law enforcement agency asks for or performs, whoever else takes part: a
search it asks the FBI, the Motor Vehicle Administration or another state's police to run,
and one it runs for a federal agency or another state's. A search no Maryland law
enforcement agency asks for or performs is not Maryland's to govern: the FBI's own, a
Delaware department's request to the Motor Vehicle Administration (not a law enforcement
agency), or a Virginia department's own. Nor is a use that identifies, verifies or tracks
no one (inferring emotions, say): it is not facial recognition as §2-501 defines it.

Five questions the text leaves open are named readings (:data:`READINGS`): whether a
State's Attorney's office is a law enforcement agency, by when the disclosures of §2-504
are due, whether an emergency with no crime suspected furthers a criminal investigation,
and whether the bans on real-time identification and on sketches, read from the news only,
are law.

Decisions of the third reading (finding, decision, confidence, source):

- Weapon crimes by subsection (§2-503(a)(1)(i)6; Crim. Law §4-203(a)(1)): the catalog has a
  code per subsection; plain carrying, (a)(1)(i), is on no list and is forbidden; an offense
  on two lists (first-degree child abuse, Crim. Law §14-101(a)) is accepted with both. V,
  high: the texts of §2-503, §4-203 and §14-101.
- Use "in the furtherance of a criminal investigation" (§2-503(a)(1); §2-507(5)): no default
  ban; non-investigative uses are permitted under §2-507(5) as above; an emergency with no
  crime suspected is one of them (reading ``md-emergency-without-crime``). V, high for the
  text; medium for the emergency, which the subtitle does not name.
- Real-time identification and sketches (§2-503(a)(1)(iii) ff., not read): two readings,
  each banning as reported or encoding nothing. N, low: idtechwire.com, 2024.
- Annual report (§2-510(a)): a duty of every search the subtitle governs, counted in the
  agency's report due February 1 of the next year. V, high: the text of §2-510 (casetext).
- Discovery (§2-504; Md. Rule 4-263(h)(1) with 4-213): within 30 days after the first
  appearance in the case (counsel's or the defendant's, whichever came first), no longer the
  arraignment. S, medium: Rule 4-271(a)(1), which runs from the same event in the same
  words, was read; Rule 4-263(h) was read only in its history note.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_md.common import CALENDAR, INSTRUMENT_ID, cite, source
from frpolicy.jurisdictions.us_md.offenses import OFFENSE_LISTS, OFFENSES
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
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule, Unit
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Leaf, Predicate, leaf

__all__ = [
    "CH808",
    "DISCOVERY_DEADLINE",
    "EMERGENCY_WITHOUT_CRIME",
    "EXCEPTED_PURPOSES",
    "INSTRUMENT",
    "INVESTIGATION",
    "INVESTIGATIVE_PURPOSES",
    "NO_CRIME_SUSPECTED",
    "OPEN_PURPOSES",
    "PROSECUTORS",
    "READINGS",
    "REAL_TIME_BAN",
    "SKETCH_BAN",
]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="Criminal Procedure - Facial Recognition Technology - Requirements, Procedures, "
    "and Prohibitions (SB 182, 2024 Md. Laws ch. 808; HB 338, ch. 809), adding Md. Code, "
    "Crim. Proc. §§2-501 to 2-510",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2024, 10, 1),
    url="https://mgaleg.maryland.gov/mgawebsite/Legislation/Details/sb0182?ys=2024RS",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of the Criminal Procedure Article (self-law.org, lexace.ai, findlaw, casetext, "
    "mgaleg.maryland.gov)"
)
_NEWS = (
    "idtechwire.com, 2024 ('The use of facial recognition technology based on sketches or "
    "other manually produced images is prohibited. Real-time identification through facial "
    "recognition is banned.'); the text of §2-503(a)(1)(iii) ff. was not read (provisions "
    "catalog MD-OTHER-BANS, M)"
)

# -- readings: where the text admits more than one answer -----------------------------------

PROSECUTORS = Reading(
    id="md-prosecutors",
    question="Is a State's Attorney's office a 'law enforcement agency' (Crim. Proc. §2-501(c), "
    "which takes the meaning of Public Safety §2-101), so that a search it asks for is governed "
    "even when no police agency takes part?",
    choices=(
        Choice(
            id="included",
            text="Yes: a prosecutor's office that directs a search is bound as the police "
            "are; the definition in Public Safety §2-101 was not read, and reading it narrowly "
            "would let a search escape the subtitle by being asked for through a prosecutor.",
        ),
        Choice(
            id="police-only",
            text="No: only police agencies are law enforcement agencies; a search a "
            "prosecutor asks a non-police body (the Motor Vehicle Administration) to run is "
            "not governed.",
        ),
    ),
    source=source(Verification.UNVERIFIED, _LOW, "Public Safety §2-101 was not read"),
    citation=cite("2-501", "(c)"),
)
"""Whether a State's Attorney's office is a law enforcement agency of §2-501(c)."""
DISCOVERY_DEADLINE = Reading(
    id="md-discovery-deadline",
    question="By when must the State make the disclosures of §2-504? The statute sends to the "
    "Maryland Rules on discovery and sets no deadline of its own.",
    choices=(
        Choice(
            id="rule-4-263",
            text="Within 30 days after the earlier of the appearance of counsel or the "
            "defendant's first appearance before the court under Rule 4-213 (Md. Rule "
            "4-263(h)(1)): the first appearance in the case, or else the arraignment, which "
            "is itself an appearance.",
        ),
        Choice(
            id="before-trial",
            text="Before trial, no sooner: the statute names no day, so the check is only "
            "that the disclosure came before trial.",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _MED,
        "Md. Rule 4-271(a)(1), read in the casetext copy, runs the circuit court's trial date "
        "from 'the earlier of the appearance of counsel or the first appearance of the "
        "defendant before the circuit court pursuant to Rule 4-213'; Rule 4-263(h)(1) was "
        "read only in its history note (a 2012 order added the reference to Rule 4-213) and "
        "in marylandcriminalattorneyblog.com's summary; the District Court's Rule 4-262 "
        "was not read",
    ),
    citation=cite("2-504"),
)
"""By when the disclosures of §2-504 are due."""
EMERGENCY_WITHOUT_CRIME = Reading(
    id="md-emergency-without-crime",
    question="Is a search in an emergency whose request names no crime (no offense stated: a "
    "person threatening suicide, an armed person on a roof) made 'in the furtherance of a "
    "criminal investigation' (§2-503(a)(1))? The subtitle names no emergency.",
    choices=(
        Choice(
            id="unrelated",
            text="No: with no crime named there is no criminal investigation to further; "
            "the emergency response is otherwise legitimate activity unrelated to one, which "
            "§2-507(5) leaves unrestricted. An emergency whose request names a crime (an "
            "abduction) furthers the investigation of that crime. A suspicion stated with no "
            "crime named does not make it one: the twelve categories are drawn by offense.",
        ),
        Choice(
            id="investigation",
            text="Yes: the police meet every emergency as a possible crime, so a search in one "
            "furthers a criminal investigation and needs a crime in the twelve categories "
            "(category 11, a substantial and ongoing threat to public safety, may be one); "
            "with none stated, nothing permits it.",
        ),
    ),
    source=source(
        Verification.TEXT,
        _MED,
        "§2-503(a)(1) and §2-507(5) read; that an emergency without a crime falls outside "
        "'a criminal investigation' is an interpretation",
    ),
    citation=cite("2-503", "(a)(1)"),
)
"""Whether an emergency with no crime suspected furthers a criminal investigation."""
REAL_TIME_BAN = Reading(
    id="md-real-time-ban",
    question="Does the subtitle ban real-time identification with facial recognition, as the "
    "news reports? The text of §2-503(a)(1)(iii) and what follows it was not read.",
    choices=(
        Choice(
            id="as-reported",
            text="Yes, as reported: in a criminal investigation, no real-time identification. "
            "Failing closed: if the ban is law, a search it forbids is not reported permitted.",
        ),
        Choice(
            id="not-encoded",
            text="Nothing is encoded: only the text read is law here, and a real-time search "
            "is judged by the rest of the subtitle.",
        ),
    ),
    source=source(Verification.NEWS, _LOW, _NEWS),
    citation=cite("2-503"),
)
"""Whether the reported ban on real-time identification is law."""
SKETCH_BAN = Reading(
    id="md-sketch-ban",
    question="Does the subtitle ban facial-recognition searches of sketches and other "
    "manually produced images, as the news reports? The text of §2-503(a)(1)(iii) and what "
    "follows it was not read.",
    choices=(
        Choice(
            id="as-reported",
            text="Yes, as reported: in a criminal investigation, no search of a sketch. "
            "Failing closed: if the ban is law, a search it forbids is not reported permitted.",
        ),
        Choice(
            id="not-encoded",
            text="Nothing is encoded: only the text read is law here, and a sketch is judged "
            "by the rest of the subtitle.",
        ),
    ),
    source=source(Verification.NEWS, _LOW, _NEWS),
    citation=cite("2-503"),
)
"""Whether the reported ban on searching sketches is law."""
READINGS = (PROSECUTORS, DISCOVERY_DEADLINE, EMERGENCY_WITHOUT_CRIME, REAL_TIME_BAN, SKETCH_BAN)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_POLICE = frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE})
# §2-501(c) with Public Safety §2-101: the law enforcement agencies of the State and its
# political subdivisions: Maryland's own.
MARYLAND_REQUESTER = c.requested_by_agency_of("US-MD", "Maryland")
MARYLAND_SEARCHER = c.performed_by_agency_of("US-MD", "Maryland")


def _law_enforcement(readings: Mapping[str, Reading]) -> frozenset[AgencyKind]:
    if readings[PROSECUTORS.id].chosen == "included":
        return _POLICE | {AgencyKind.PROSECUTOR}
    return _POLICE


def _scope(readings: Mapping[str, Reading]) -> Predicate:
    # §2-501(a)(1): facial recognition identifies, verifies or persistently tracks people
    kinds = _law_enforcement(readings)
    return (
        (c.requested_by_any(kinds) & MARYLAND_REQUESTER)
        | (c.performed_by_any(kinds) & MARYLAND_SEARCHER)
    ) & c.IDENTIFY_VERIFY_OR_TRACK


# -- what furthers a criminal investigation: §2-503(a)(1), §2-507 --------------------------------

EXCEPTED_PURPOSES: dict[str, frozenset[Purpose]] = {
    "(1)": frozenset(
        {
            Purpose.IDENTIFY_MISSING,
            Purpose.IDENTIFY_DECEASED,
            Purpose.IDENTIFY_INCAPACITATED,
            Purpose.IDENTIFY_MISSING_OR_INCAPACITATED,
        }
    ),
    "(2)": frozenset({Purpose.REDACTION}),
    "(3)": frozenset({Purpose.SEIZED_MEDIA_ANALYSIS}),
    "(4)": frozenset({Purpose.FACILITY_SECURITY}),
    "(5)": frozenset(
        {
            Purpose.NON_INVESTIGATIVE,
            Purpose.LICENSE_ISSUANCE,
            Purpose.TRAVEL_VERIFICATION,
            Purpose.FEDERALLY_MANDATED,
        }
    ),
}
"""The purposes §2-507 does not restrict, by its item; item (5) also takes an emergency or
another purpose with no crime suspected (:data:`OPEN_PURPOSES`)."""
INVESTIGATIVE_PURPOSES = frozenset(
    {
        Purpose.CRIMINAL_INVESTIGATION,
        Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
        Purpose.IDENTIFY_VICTIM,
        Purpose.IDENTIFY_WITNESS,
        Purpose.RECORD_PROTECTED_ACTIVITY,
    }
)
"""The purposes that further a criminal investigation whatever else the request states.

Identifying the victim or a witness of a crime investigates that crime (a victim found in
seized media is §2-507(3)'s). Recording a person's exercise of constitutional rights is
never "otherwise legitimate activity" that §2-507(5) could leave unrestricted, and is the
use §2-503(a)(1)(ii)1 restrains: it is read as investigative, failing closed."""
OPEN_PURPOSES = frozenset(
    {
        Purpose.EMERGENCY,
        Purpose.OTHER,
        Purpose.IDENTIFY_DETAINED,
        Purpose.IDENTIFY_CONCEALING_IDENTITY,
        Purpose.IDENTIFY_DANGER_TO_SELF_OR_OTHERS,
        Purpose.VET_UNDERCOVER_OFFICER,
        Purpose.PREVENT_TERRORIST_ATTACK,
        Purpose.IMMIGRATION_ENFORCEMENT,
        Purpose.PREDICTIVE_ANALYSIS,
    }
)
"""The purposes that further a criminal investigation only when the request names a crime:
an emergency (as read, :data:`EMERGENCY_WITHOUT_CRIME`), identifying a person lawfully
detained, one concealing their identity or one who is a danger to themselves or others,
vetting an undercover officer, and another purpose. None of them is an investigation in
itself (a person may be detained, or a danger to themselves, with no crime in view), and
§2-507 names none of them. Preventing a terrorist attack, immigration enforcement and
predictive analysis, purposes other laws name, are "another purpose" to the subtitle: read
as :attr:`~frpolicy.model.Purpose.OTHER` is, so that naming them changes no decision."""

NO_CRIME_SUSPECTED = leaf(
    "no_crime_suspected",
    "no crime is under investigation: the request names no offense",
    "r.offense is None",
)
"""No offense is named: the request investigates no crime."""


def _emergency_investigates(readings: Mapping[str, Reading]) -> bool:
    return readings[EMERGENCY_WITHOUT_CRIME.id].chosen == "investigation"


def _investigation(readings: Mapping[str, Reading]) -> Leaf:
    """§2-503(a)(1): the search is "in the furtherance of a criminal investigation"."""
    if _emergency_investigates(readings):
        return leaf(
            "criminal_investigation_every_emergency",
            "the search is in furtherance of a criminal investigation: its purpose is to "
            "investigate a crime or to meet an emergency, or another purpose and it names a "
            "crime",
            "r.purpose in INVESTIGATIVE or (r.purpose in OPEN and r.offense is not None)",
            INVESTIGATIVE=INVESTIGATIVE_PURPOSES | {Purpose.EMERGENCY},
            OPEN=OPEN_PURPOSES - {Purpose.EMERGENCY},
        )
    return leaf(
        "criminal_investigation",
        "the search is in furtherance of a criminal investigation: its purpose is to "
        "investigate a crime, or it is an emergency or another purpose and it names a crime",
        "r.purpose in INVESTIGATIVE or (r.purpose in OPEN and r.offense is not None)",
        INVESTIGATIVE=INVESTIGATIVE_PURPOSES,
        OPEN=OPEN_PURPOSES,
    )


def _unrelated(readings: Mapping[str, Reading]) -> Predicate:
    """§2-507(5): otherwise legitimate activity unrelated to a criminal investigation."""
    open_ = OPEN_PURPOSES - ({Purpose.EMERGENCY} if _emergency_investigates(readings) else set())
    return c.purpose_in(EXCEPTED_PURPOSES["(5)"]) | (c.purpose_in(open_) & NO_CRIME_SUSPECTED)


INVESTIGATION = _investigation({r.id: r for r in READINGS})
"""§2-503(a)(1): the search is in furtherance of a criminal investigation, as adopted."""
LISTED = c.offense_on_any(
    "offense_listed",
    "the offense (or the attempt) is in one of the twelve categories of §2-503(a)(1)(i)",
    OFFENSE_LISTS,
)
OFFENSE_STATED = leaf(
    "offense_stated", "the offense under investigation is stated", "r.offense is not None"
)


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    news = source(Verification.NEWS, _LOW, _NEWS)
    investigation = _investigation(readings)
    reported: list[Rule] = []
    if readings[REAL_TIME_BAN.id].chosen == "as-reported":
        # §2-503(a)(1)(iii) ff. (not read) ... reported: no real-time identification.
        reported.append(
            Rule(
                id="MD-REAL-TIME",
                effect=Effect.FORBID,
                when=investigation & c.REAL_TIME,
                citation=cite("2-503"),
                paraphrase="As the news reports the subtitle: no real-time identification with "
                "facial recognition. The subsection's text was not read (a reading).",
                source=news,
            )
        )
    if readings[SKETCH_BAN.id].chosen == "as-reported":
        # §2-503(a)(1)(iii) ff. (not read) ... reported: no search of a sketch.
        reported.append(
            Rule(
                id="MD-SKETCH",
                effect=Effect.FORBID,
                when=investigation & c.SKETCH,
                citation=cite("2-503"),
                paraphrase="As the news reports the subtitle: no facial-recognition search of a "
                "sketch or another manually produced image. The subsection's text was not "
                "read (a reading).",
                source=news,
            )
        )
    return (
        # §2-503(a)(1)(i) An officer may not, in furtherance of a criminal investigation, use
        # facial recognition to investigate a crime other than one of twelve categories; for
        # those, the subtitle lets it be used.
        Rule(
            id="MD-OFFENSES",
            effect=Effect.PERMIT,
            when=investigation & LISTED,
            citation=cite("2-503", "(a)(1)(i)"),
            paraphrase="In a criminal investigation, a law enforcement agency may use facial "
            "recognition to investigate the commission of, or the attempt to commit, a crime "
            "in one of the twelve categories; no warrant is needed for the search itself.",
            source=text,
        ),
        Rule(
            id="MD-UNLISTED",
            effect=Effect.FORBID,
            when=investigation & OFFENSE_STATED & ~LISTED,
            citation=cite("2-503", "(a)(1)(i)"),
            paraphrase="An officer may not, in furtherance of a criminal investigation, use "
            "facial recognition to investigate a crime outside the twelve categories.",
            source=text,
        ),
        # §2-503(a)(1)(ii)1 ... nor analyse an image of a person in protected activity, unless
        # there is reasonable suspicion of a crime.
        Rule(
            id="MD-PROTECTED",
            effect=Effect.FORBID,
            when=investigation & c.PROTECTED_ACTIVITY & ~c.REASONABLE_SUSPICION,
            citation=cite("2-503", "(a)(1)(ii)1"),
            paraphrase="An officer may not analyse an image or a recording of a person engaged "
            "in activity the United States or Maryland Constitution or the Declaration of "
            "Rights protects, unless there is reasonable suspicion that the person has "
            "committed, is committing or is about to commit a crime.",
            source=text,
        ),
        # §2-503(a)(1)(ii)2 ... nor analyse an image of a person not intended to be identified.
        Rule(
            id="MD-BYSTANDER",
            effect=Effect.FORBID,
            when=investigation & c.BYSTANDER,
            citation=cite("2-503", "(a)(1)(ii)2"),
            paraphrase="An officer may not analyse an image or a recording of a person who is "
            "not intended to be identified.",
            source=text,
        ),
        *reported,
        # §2-507 The subtitle does not restrict these uses.
        Rule(
            id="MD-EXCEPT-IDENTIFY",
            effect=Effect.PERMIT,
            when=c.purpose_in(EXCEPTED_PURPOSES["(1)"]),
            citation=cite("2-507", "(1)"),
            paraphrase="The subtitle does not restrict facial recognition used to identify a "
            "missing or deceased person, or a person who is incapacitated and unable to give "
            "their own identity.",
            source=text,
        ),
        Rule(
            id="MD-EXCEPT-REDACTION",
            effect=Effect.PERMIT,
            when=c.purpose_in(EXCEPTED_PURPOSES["(2)"]),
            citation=cite("2-507", "(2)"),
            paraphrase="The subtitle does not restrict facial recognition used to redact a "
            "recording or an image released to protect the privacy of a person it shows.",
            source=text,
        ),
        Rule(
            id="MD-EXCEPT-SEIZED-MEDIA",
            effect=Effect.PERMIT,
            when=c.purpose_in(EXCEPTED_PURPOSES["(3)"]),
            citation=cite("2-507", "(3)"),
            paraphrase="The subtitle does not restrict forensic analysis of electronic media "
            "seized in a specific investigation, if the person identified in it is not the "
            "subject of charges resulting from the analysis (whether a charge follows is not "
            "known when the search is decided).",
            source=text,
        ),
        Rule(
            id="MD-EXCEPT-SECURITY",
            effect=Effect.PERMIT,
            when=c.purpose_in(EXCEPTED_PURPOSES["(4)"]),
            citation=cite("2-507", "(4)"),
            paraphrase="The subtitle does not restrict facial recognition used to secure "
            "against unauthorized access the information, goods, areas or other property in "
            "a law enforcement agency's custody or care.",
            source=text,
        ),
        # §2-507(5), with §2-503(a)(1): the bans bind use in a criminal investigation only.
        Rule(
            id="MD-EXCEPT-NONINVESTIGATIVE",
            effect=Effect.PERMIT,
            when=_unrelated(readings),
            citation=cite("2-507", "(5)"),
            paraphrase="The subtitle does not restrict otherwise legitimate activity unrelated "
            "to a criminal investigation, and §2-503 restricts only use in furtherance of one: "
            "work unrelated to an investigation, licensing, travellers' identity, a federally "
            "mandated use and, with no crime suspected, an emergency (a reading) or another "
            "purpose. Maryland has no default ban.",
            source=text,
        ),
    )


_DISCOVERY = frozenset(
    {
        Disclosure.FACIAL_RECOGNITION_USED,
        Disclosure.SYSTEM,
        Disclosure.DATABASES,
        Disclosure.RESULTS_ACTED_ON,
    }
)


def _duties(readings: Mapping[str, Reading]) -> tuple[Duty, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    scope = _scope(readings)
    if readings[DISCOVERY_DEADLINE.id].chosen == "rule-4-263":
        due = Deadline(anchor=EventKind.FIRST_APPEARANCE, amount=30, unit=Unit.CALENDAR_DAYS)
    else:
        due = Deadline(anchor=EventKind.TRIAL)
    return (
        # §2-504 The State discloses the search in discovery.
        Duty(
            id="MD-DISCOVERY",
            when=scope,
            citation=cite("2-504"),
            paraphrase="In discovery, under the Maryland Rules, the State discloses whether "
            "facial recognition was used in the investigation, the name of each system used, "
            "a description and the names of the databases searched, and every result that led "
            "to further investigative action, for each system and each database; whether or "
            "not the law permitted the search. The statute sets no deadline of its own (a "
            "reading).",
            source=text,
            action="disclose in discovery the use of facial recognition, each system, the "
            "databases searched and every result acted on",
            party="the State (the State's Attorney)",
            deadline=due,
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=_DISCOVERY,
            outcomes=EVERY_REQUEST,
        ),
        # §2-502(b)(2) A result is never the sole basis for probable cause or an identification.
        Duty(
            id="MD-SOLE-BASIS",
            when=scope,
            citation=cite("2-502", "(b)(2)"),
            paraphrase="A result may not be the sole basis for probable cause or the positive "
            "identification of a person: it establishes either only if additional, "
            "independently obtained evidence supports it, in hand when it is relied on.",
            source=text,
            action="support the result with additional, independently obtained evidence "
            "before relying on it for probable cause or an identification",
            party="the investigating agency and the State's Attorney",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        # §2-510(a) Every search is counted in the agency's annual report, due February 1.
        Duty(
            id="MD-ANNUAL-REPORT",
            when=scope,
            citation=cite("2-510", "(a)"),
            paraphrase="On or before February 1, each law enforcement agency using or "
            "contracting for facial recognition publishes a report of the year before that "
            "counts every search it performed, with the type of crime or incident of each, "
            "and the possible matches that led to further investigative action, with the "
            "age, race and gender of the people connected to them where the records searched "
            "give them; whether or not the law permitted the search. The report goes to the "
            "Governor's Office of Crime Prevention, Youth, and Victim Services by May 1 "
            "(§2-510(b)).",
            source=source(
                Verification.TEXT,
                _HIGH,
                "Md. Code, Crim. Proc. §2-510 (casetext and counselstack copies of the text as "
                "in force from 2024-10-01)",
            ),
            action="count the search, its type of crime or incident and any match acted on in "
            "the agency's annual report",
            party="the Maryland law enforcement agency that performed the search, or at whose "
            "direction it was run",
            deadline=Deadline(
                anchor=EventKind.SEARCH_PERFORMED, amount=32, unit=Unit.DAYS_INTO_NEXT_YEAR
            ),
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    kinds = sorted(_law_enforcement(readings), key=lambda k: k.value)
    of_maryland = (
        c.requested_by_agency_of("US-MD", "Maryland"),
        c.performed_by_agency_of("US-MD", "Maryland"),
    )
    involved = [c.requested_by(k) & of_maryland[0] for k in kinds]
    involved += [c.performed_by(k) & of_maryland[1] for k in kinds]
    # §2-503(a)(1): a criminal investigation, purpose by purpose, as the module docstring reads it
    every_emergency = _emergency_investigates(readings)
    investigative = [c.purpose_is(p) for p in sorted(INVESTIGATIVE_PURPOSES, key=lambda p: p.value)]
    open_ = [
        c.purpose_is(p) for p in sorted(OPEN_PURPOSES - {Purpose.EMERGENCY}, key=lambda p: p.value)
    ]
    (investigative if every_emergency else open_).append(c.purpose_is(Purpose.EMERGENCY))
    crime_suspected = OFFENSE_STATED  # the request names the crime under investigation
    in_investigation = AnyOf(tuple(investigative)) | (AnyOf(tuple(open_)) & crime_suspected)
    # §2-507's five items, in the statute's order
    excepted = AnyOf(tuple(c.purpose_in(purposes) for purposes in EXCEPTED_PURPOSES.values()))
    unrelated = AnyOf(tuple(open_)) & ~crime_suspected
    in_a_category = AnyOf(tuple(c.offense_on(lst) for lst in OFFENSE_LISTS))
    reported: list[Invariant] = []
    if readings[REAL_TIME_BAN.id].chosen == "as-reported":
        reported.append(
            Invariant(
                id="no-real-time-identification",
                statement="No permitted search in a criminal investigation identifies people "
                "in real time (as reported; the text was not read).",
                when=in_investigation,
                holds=~c.REAL_TIME,
                citation=cite("2-503"),
            )
        )
    if readings[SKETCH_BAN.id].chosen == "as-reported":
        reported.append(
            Invariant(
                id="no-sketch",
                statement="No permitted search in a criminal investigation searches a sketch "
                "(as reported; the text was not read).",
                when=in_investigation,
                holds=~c.SKETCH,
                citation=cite("2-503"),
            )
        )
    return (
        Invariant(
            id="binds-law-enforcement",
            statement="Every search a Maryland law enforcement agency asks for or performs, to "
            "identify, verify or track a person, is governed by the subtitle, whoever else "
            "takes part.",
            holds=~AnyOf(tuple(involved))
            | ~(
                c.analysis_is(Analysis.IDENTIFICATION)
                | c.analysis_is(Analysis.VERIFICATION)
                | c.analysis_is(Analysis.TRACKING)
            ),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("2-501", "(a)"),
        ),
        Invariant(
            id="twelve-categories",
            statement="A permitted search in furtherance of a criminal investigation "
            "investigates a crime in one of the twelve categories.",
            when=in_investigation,
            holds=in_a_category,
            citation=cite("2-503", "(a)(1)(i)"),
        ),
        Invariant(
            id="protected-activity-needs-suspicion",
            statement="A permitted search in a criminal investigation that analyses an image of "
            "a person in constitutionally protected activity rests on reasonable suspicion "
            "that the person has committed, is committing or is about to commit a crime.",
            when=in_investigation & c.PROTECTED_ACTIVITY,
            holds=c.REASONABLE_SUSPICION,
            citation=cite("2-503", "(a)(1)(ii)1"),
        ),
        Invariant(
            id="never-a-bystander",
            statement="No permitted search in a criminal investigation analyses a person it "
            "does not intend to identify.",
            when=in_investigation,
            holds=~c.BYSTANDER,
            citation=cite("2-503", "(a)(1)(ii)2"),
        ),
        *reported,
        Invariant(
            id="exceptions-unrestricted",
            statement="The subtitle restricts none of the uses §2-507 names: such a search is "
            "never refused.",
            holds=~excepted,
            outcomes=frozenset({Outcome.FORBIDDEN, Outcome.NOT_PERMITTED}),
            citation=cite("2-507"),
        ),
        Invariant(
            id="no-default-ban",
            statement="A search that furthers no criminal investigation (an emergency, as read, "
            "or another purpose, with no crime suspected) is never refused: §2-503 restricts "
            "only use in furtherance of a criminal investigation.",
            holds=~unrelated,
            outcomes=frozenset({Outcome.FORBIDDEN, Outcome.NOT_PERMITTED}),
            citation=cite("2-507", "(5)"),
        ),
        Invariant(
            id="never-the-sole-basis",
            statement="The result of every search the subtitle governs, permitted or not, is "
            "relied on for probable cause or an identification only with additional, "
            "independently obtained evidence.",
            obliges=("MD-SOLE-BASIS",),
            outcomes=EVERY_REQUEST,
            citation=cite("2-502", "(b)(2)"),
        ),
        Invariant(
            id="discovery",
            statement="Every search the subtitle governs, permitted or not, is disclosed to the "
            "defendant in discovery.",
            obliges=("MD-DISCOVERY",),
            outcomes=EVERY_REQUEST,
            citation=cite("2-504"),
        ),
        Invariant(
            id="annual-report",
            statement="Every search the subtitle governs, permitted or not, is counted in the "
            "annual report of the agency, due February 1 of the next year.",
            obliges=("MD-ANNUAL-REPORT",),
            outcomes=EVERY_REQUEST,
            citation=cite("2-510", "(a)"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="MD-DEF",
            citation=cite("2-501"),
            text="Facial recognition technology is a program, service or other technology "
            "that analyses facial features and is used by or at the direction of a law "
            "enforcement agency to identify, verify or persistently track people in still or "
            "video images, for criminal investigations. Not included: unlocking an electronic "
            "device, and automated redaction that generates or retains no biometric data. "
            "'Law enforcement agency' has the meaning of Public Safety §2-101 (not read; see "
            "the reading md-prosecutors).",
            source=text,
        ),
        Provision(
            id="MD-EVIDENCE",
            citation=cite("2-502", "(a)-(b)(1)"),
            text="Results may not be introduced in a criminal or delinquency proceeding, except "
            "to establish probable cause or a positive identification when a warrant is issued "
            "or at a preliminary hearing. A consequence of a search, not a condition of it.",
            source=text,
        ),
        Provision(
            id="MD-OTHER-BANS",
            citation=cite("2-503"),
            text="Not read: §2-503(a)(1)(iii) and what follows. News reports that only "
            "government-held databases may be searched (driver's licenses and booking photos, "
            "international law enforcement databases included) and the catalog recalls an "
            "independent verification of results by a trained person; neither is encoded. "
            "The reported bans on real-time identification and on sketches are encoded as "
            "readings (md-real-time-ban, md-sketch-ban), marked news, low.",
            source=source(Verification.NEWS, _LOW, _NEWS),
        ),
        Provision(
            id="MD-SEIZED-MEDIA-CHARGES",
            citation=cite("2-507", "(3)"),
            text="The exception for forensic analysis of seized media holds only if the person "
            "identified is not charged as a result; if a charge follows, the search was not "
            "excepted and needed a crime in the twelve categories. frpolicy decides before "
            "anyone is charged, so it cannot see this; an auditor should.",
            source=text,
        ),
        Provision(
            id="MD-DESIGNEE",
            citation=cite("2-505", "(a)"),
            text="Each law enforcement agency that uses facial recognition designates an "
            "employee to oversee its compliance with the subtitle. A duty of the agency, not "
            "of a search.",
            source=text,
        ),
        Provision(
            id="MD-AUDIT",
            citation=cite("2-505", "(b)"),
            text="Each agency audits its use for compliance every year, by October 1, keeps the "
            "audit materials at least 3 years, and discloses them on request to the Attorney "
            "General, the Public Defender, a State's Attorney, the United States Attorney or "
            "their designees. A duty of the agency, not of a search.",
            source=text,
        ),
        Provision(
            id="MD-TRAINING",
            citation=cite("2-505", "(c); §2-506"),
            text="Those who use facial recognition complete annual training, including on "
            "implicit bias, in a program of the Department of Public Safety and Correctional "
            "Services, to be in place by June 30, 2026. Not checked per search: the request "
            "does not name the person who runs it.",
            source=source(Verification.TEXT, _MED, _TEXT + "; the 2026 date from fastdemocracy"),
        ),
        Provision(
            id="MD-MODEL-POLICY",
            citation=cite("2-506"),
            text="The Department of State Police adopts a model statewide policy; an agency may "
            "use facial recognition only in accordance with it. A duty of the agencies.",
            source=text,
        ),
        Provision(
            id="MD-USE-POLICY",
            citation=cite("2-508"),
            text="Each agency adopts a use and data-management policy and posts it on its "
            "website; an agency that contracts for a non-government system names the system "
            "and describes the databases it searches there.",
            source=text,
        ),
        Provision(
            id="MD-2-509",
            text="Not found: the text of §2-509 was not seen.",
            source=source(Verification.UNVERIFIED, _LOW, "provisions catalog §4a"),
        ),
        Provision(
            id="MD-REPORTING",
            citation=cite("2-510"),
            text="Each agency publishes an annual report by February 1: the systems and "
            "databases used, the number of searches and the type of crime for each, the "
            "possible matches that led to further action with age, race and gender where known, "
            "and any breach or unauthorized use. Reports go to the Governor's Office of Crime "
            "Prevention, Youth, and Victim Services by May 1, which reports to the Governor "
            "and the General Assembly by October 1, by agency. Each search's place in the "
            "report is a duty of the search (MD-ANNUAL-REPORT); the systems, databases and "
            "breaches are the agency's.",
            source=text,
        ),
        Provision(
            id="MD-NO-WARRANT",
            text="The search itself needs no warrant: the control is the list of crimes, the "
            "bans of §2-503 and the limits on using results (inferred: no warrant requirement "
            "appears in the text read).",
            source=source(Verification.SUMMARY, _MED, "provisions catalog §4, inferred"),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MD",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=_scope(readings),
            rules=_rules(readings),
            duties=_duties(readings),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        offense_lists=OFFENSE_LISTS,
        invariants=_invariants(readings),
        provisions=_provisions(),
        aliases=("SB 182", "HB 338", "2024 Md. Laws ch. 809"),
        summary="Facial recognition in a criminal investigation only for crimes in twelve "
        "categories; no analysis of people in protected activity without reasonable suspicion, "
        "nor of bystanders; results never the sole basis for probable cause; disclosure in "
        "discovery; every search in the agency's annual report. No warrant needed; missing, "
        "deceased and incapacitated persons exempt, and no use outside a criminal "
        "investigation restricted.",
    )


CH808 = Version.from_builder(_make)
"""Crim. Proc. §§2-501 to 2-510 as in force from October 1, 2024, under the readings adopted."""
