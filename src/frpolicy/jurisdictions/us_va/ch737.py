"""Va. Code §§15.2-1723.2, 23.1-815.1 and 52-4.5 as written by 2022 Va. Acts ch. 737 (SB 741).

"Facial recognition technology; authorized uses; penalty": SB 741 (its House companion, HB
1339, was carried over and died), approved 2022-04-27 with the Governor's recommendation, in
force from 2022-07-01. Its provisions expire on 2026-07-01 (the code publishers label the
sections "effective until July 1, 2026"), when the 2021 text returns
(:mod:`~frpolicy.jurisdictions.us_va.ch537`).

What was read. The definition of an "authorized use", the fourteen uses of §15.2-1723.2(A),
in the text of HB 1339 as engrossed and as the Senate's floor substitute (amgoa.org,
richmondsunlight.com: the same sections, the same clauses), and the House amendments to
that substitute (lis.virginia.gov: the penalty subsection and the data to be reported)
(verification ``text``). The chaptered text of SB 741, and so the lettered subsections
after (A), were not reached: the approval of technology, the affidavit, the data and the
report, the penalty and the model policy rest on the Legislative Information System's
summary of the act as enacted (verification ``summary``, high) and on the Department of
Criminal Justice Services' report of November 2025 (the April 1 date); the ban on real-time
tracking rests on reports that quote it (``news``, low). Subsections other than (A) are
therefore not cited by letter.

What it asks, in short: a Virginia local law-enforcement agency, campus police department
or the State Police may use facial recognition only for one of fourteen authorized uses
(a suspect, on reasonable suspicion of a crime; a victim, a witness, a missing, deceased or
incapacitated person; a trafficker; an imminent threat; ...), with a technology the
Division of Purchases and Supply approved and NIST found at least 98 % accurate across
demographic groups; never to track an identified person in real time. An operator who
searches for any other reason commits a crime. A match never appears in the affidavit for
a search or arrest warrant, and every use is recorded for the annual public report. No
warrant is needed, and no offense threshold applies.

Who is bound: the police of Virginia, local, campus and State, for every search they run,
whoever asked for it (a Maryland department asking the Virginia State Police included),
and, under the reading adopted, every search they ask another body to run for them. A
prosecutor, the Department of Motor Vehicles, a federal agency or another state's police
are not named. Redaction identifies no one, and is outside the sections.

Three questions the sources leave open are named readings (:data:`READINGS`): whether a
search a Virginia agency asks another body to run is governed, what the ban on real-time
use forbids, and whether a request must state the technology's tested accuracy.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_va.common import (
    CALENDAR,
    CAMPUS_POLICE,
    LOCAL_POLICE,
    STATE_POLICE,
    cite,
    source,
)
from frpolicy.jurisdictions.us_va.offenses import OFFENSE_LISTS, OFFENSES, TRAFFICKING
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
from frpolicy.model import AgencyKind, Analysis, EventKind, Purpose
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = ["ACCURACY_MARK", "AUTHORIZED_PURPOSES", "CH737", "INSTRUMENT", "READINGS"]

INSTRUMENT = Instrument(
    id="2022 Va. Acts ch. 737",
    title="Facial recognition technology; authorized uses; penalty (SB 741, 2022 Va. Acts "
    "ch. 737), amending Va. Code §§15.2-1723.2 and 23.1-815.1 and adding §52-4.5",
    kind=InstrumentKind.STATUTE,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2022, 7, 1),
    effective_until=date(2026, 7, 1),
    url="https://lis.virginia.gov/cgi-bin/legp604.exe?221+sum+SB741",
)

_ID = INSTRUMENT.id
_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_USES = (
    "§15.2-1723.2(A), 'authorized use', in HB 1339's engrossed text and Senate floor "
    "substitute (amgoa.org, richmondsunlight.com), the companion of SB 741"
)
_SUMMARY = (
    "the Legislative Information System's summary of SB 741 as enacted (lis.virginia.gov, "
    "legiscan.com, open.pluralpolicy.com); the chaptered text was not read"
)
_REAL_TIME_NEWS = (
    "stateofsurveillance.org (2026), quoting the section: no use 'to track the movements of an "
    "identified individual in a public space in real time'; Georgetown Law Technology Review "
    "(April 2022): no 'real-time surveillance'; The Virginia Star (March 2022): the act 'bans "
    "real-time use'; the subsection's text was not read"
)

ACCURACY_MARK = 9800
"""98 % true positives across all demographic groups, in hundredths of a percent."""

# -- readings: where the sources admit more than one answer ---------------------------------

REQUESTED_SEARCHES = Reading(
    id="va-requested-searches",
    question="Do the sections govern a search a Virginia police agency asks another body (the "
    "FBI, another state's police, a vendor) to run for it, or only the searches Virginia's "
    "police run themselves?",
    choices=(
        Choice(
            id="requester-bound",
            text="Both: an agency that asks for a search uses facial recognition through the "
            "body that runs it, so the authorized uses and the approved technology bind it; "
            "else any limit could be avoided by asking a neighbour (the 2021 ban was, by asking "
            "the State Police). The model policy the act requires sets protocols for such "
            "requests.",
        ),
        Choice(
            id="own-use",
            text="Only their own: the sections bind the searches a Virginia agency runs; one the "
            "FBI runs for it is the FBI's, outside Virginia's law.",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _LOW,
        "the summary says agencies may 'use' facial recognition for authorized uses and that "
        "the model policy covers requests for assistance; the operative text was not read",
    ),
    citation=cite(_ID, LOCAL_POLICE),
)
REAL_TIME = Reading(
    id="va-real-time",
    question="What does the ban on real-time use forbid? Its text was not read: a report "
    "quotes it as tracking 'the movements of an identified individual in a public space in "
    "real time', others say the act bans real-time use.",
    choices=(
        Choice(
            id="tracking",
            text="Following a person in real time: a search that tracks a person, or keeps "
            "watching them, as images are captured. A real-time identification that follows "
            "no one is not banned. The words quoted, and the provisions catalog, say this.",
        ),
        Choice(
            id="any-real-time",
            text="Any identification in real time or on live video, as the news summarized "
            "the act.",
        ),
    ),
    source=source(Verification.NEWS, _LOW, _REAL_TIME_NEWS),
    citation=cite(_ID, LOCAL_POLICE),
)
TESTED_ACCURACY = Reading(
    id="va-tested-accuracy",
    question="Must a request show the technology's tested accuracy (at least 98 % true "
    "positives across all demographic groups, as NIST evaluated it), or does the approval "
    "of the Division of Purchases and Supply show it?",
    choices=(
        Choice(
            id="stated",
            text="The request states the accuracy: the act asks both for the Division's "
            "approval and for the NIST evaluation, and a request that shows only one is not "
            "shown to meet it.",
        ),
        Choice(
            id="approval-suffices",
            text="The approval suffices: the Division approves only algorithms NIST found to "
            "meet the mark (its list of 2023-05-11, as a vendor describes it).",
        ),
    ),
    source=source(
        Verification.SUMMARY,
        _MED,
        _SUMMARY + "; clearview.ai on the Department of General Services' list of approved "
        "algorithms (2023)",
    ),
    citation=cite(_ID, LOCAL_POLICE),
)
READINGS = (REQUESTED_SEARCHES, REAL_TIME, TESTED_ACCURACY)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- who is bound -----------------------------------------------------------------------------

_POLICE = frozenset({AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE})
VIRGINIA_REQUESTER = c.requested_by_agency_of("US-VA", "Virginia")
VIRGINIA_SEARCHER = c.performed_by_agency_of("US-VA", "Virginia")
# the 2022 definition: an algorithmic comparison of facial features for identification
NOT_REDACTION = ~c.purpose_is(Purpose.REDACTION)


def _involved(readings: Mapping[str, Reading]) -> Predicate:
    runs = c.performed_by_any(_POLICE) & VIRGINIA_SEARCHER
    if readings[REQUESTED_SEARCHES.id].chosen == "requester-bound":
        return runs | (c.requested_by_any(_POLICE) & VIRGINIA_REQUESTER)
    return runs


def _scope(readings: Mapping[str, Reading]) -> Predicate:
    return _involved(readings) & c.IDENTIFY_VERIFY_OR_TRACK & NOT_REDACTION


# -- the authorized uses of §15.2-1723.2(A) ---------------------------------------------------

AUTHORIZED_PURPOSES: dict[str, frozenset[Purpose]] = {
    "(ii), (iv)": frozenset({Purpose.IDENTIFY_VICTIM, Purpose.SEIZED_MEDIA_ANALYSIS}),
    "(iii)": frozenset(
        {
            Purpose.IDENTIFY_MISSING,
            Purpose.IDENTIFY_WITNESS,
            Purpose.IDENTIFY_MISSING_OR_INCAPACITATED,
        }
    ),
    "(vi), (viii)": frozenset(
        {Purpose.IDENTIFY_INCAPACITATED, Purpose.IDENTIFY_MISSING_OR_INCAPACITATED}
    ),
    "(vii)": frozenset({Purpose.IDENTIFY_DECEASED}),
    "(ix)": frozenset({Purpose.IDENTIFY_DANGER_TO_SELF_OR_OTHERS}),
    "(x)": frozenset({Purpose.IDENTIFY_DETAINED}),
    "(xi)": frozenset({Purpose.EMERGENCY}),
    "(xii)": frozenset({Purpose.VET_UNDERCOVER_OFFICER}),
    "(xiii)": frozenset({Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION}),
    "(xiv)": frozenset({Purpose.IDENTIFY_CONCEALING_IDENTITY}),
}
"""The purposes that are an authorized use by themselves, by the clauses of §15.2-1723.2(A).

A victim of a crime or of trafficking (clauses (ii) and (iv); forensic analysis of seized
media identifies victims and witnesses); a missing person or a witness (iii); a person whose
disability keeps them from communicating, or who is incapacitated or otherwise unable to
identify themselves (vi), (viii); a deceased person (vii); a person believed a danger to
themselves or others (ix); a person lawfully detained (x); an imminent threat to public
safety or life, or to national security (xi); vetting undercover officers (xii); identity
documents obtained by fraud (xiii); a person concealing their identity (xiv). Clause (i), a
suspect, needs reasonable suspicion, and clause (iv)'s trafficker a trafficking case: rules
of their own. Clause (v), an online recruiter of criminal activity, has no purpose of its own
in the model (a provision says so)."""

AUTHORIZED_PURPOSE = leaf(
    "va_authorized_purpose",
    "the search is for an authorized use of §15.2-1723.2(A) by its purpose alone: a victim, a "
    "missing person or a witness, a deceased or incapacitated person, a person who cannot "
    "communicate or is a danger to themselves or others, a person lawfully detained or "
    "concealing their identity, an imminent threat, vetting an undercover officer, or identity "
    "documents obtained by fraud",
    "r.purpose in AUTHORIZED",
    AUTHORIZED=frozenset().union(*AUTHORIZED_PURPOSES.values()),
)
SUSPECT = c.purpose_is(Purpose.CRIMINAL_INVESTIGATION) & c.REASONABLE_SUSPICION
TRAFFICKER = c.purpose_is(Purpose.CRIMINAL_INVESTIGATION) & c.offense_on(TRAFFICKING)
IMMINENT_THREAT = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE
AUTHORIZED_USE = AUTHORIZED_PURPOSE | SUSPECT | TRAFFICKER | IMMINENT_THREAT
"""A use among the fourteen of §15.2-1723.2(A), as far as a request can show it."""

TESTED_ACCURACY_MET = leaf(
    "va_tested_accuracy",
    "the technology's tested accuracy, as NIST evaluated it, is at least 98 % true positives "
    "across all demographic groups",
    "r.technology.tested_accuracy is not None and r.technology.tested_accuracy >= MARK",
    MARK=ACCURACY_MARK,
)


def _approved(readings: Mapping[str, Reading]) -> Predicate:
    if readings[TESTED_ACCURACY.id].chosen == "stated":
        return c.TECHNOLOGY_APPROVED & TESTED_ACCURACY_MET
    return c.TECHNOLOGY_APPROVED


def _real_time_ban(readings: Mapping[str, Reading]) -> Predicate:
    if readings[REAL_TIME.id].chosen == "tracking":
        return c.REAL_TIME & (c.ONGOING_SURVEILLANCE | c.PERSISTENT_TRACKING)
    return c.REAL_TIME


def _rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    approved = _approved(readings)
    # the uses were read in the text, the approval each permission also asks in the summary:
    # a permission is as sure as the weaker of the two
    permission = source(
        Verification.SUMMARY, _HIGH, f"the uses from {_USES}; the approval from {_SUMMARY}"
    )
    return (
        # (A) "Authorized use" (ii)-(xiv): purposes that are authorized uses by themselves.
        Rule(
            id="VA-AUTHORIZED-PURPOSE",
            effect=Effect.PERMIT,
            when=AUTHORIZED_PURPOSE & approved,
            citation=cite(_ID, LOCAL_POLICE, "(A)"),
            paraphrase="A Virginia police agency may use facial recognition to help identify a "
            "crime victim (a victim of online sexual abuse material, of trafficking), a missing "
            "person or a witness, a person whose disability keeps them from communicating, a "
            "deceased or incapacitated person, a person believed a danger to themselves or "
            "others, a person lawfully detained, or a person concealing their identity; to "
            "help mitigate an imminent threat; to vet undercover officers; or to find identity "
            "documents obtained by fraud; with a technology the Division of Purchases and "
            "Supply approved and NIST found at least 98 % accurate across demographic groups. "
            "No warrant is needed.",
            source=permission,
        ),
        # (A)(i) A suspect, when there is reasonable suspicion the person committed a crime.
        Rule(
            id="VA-SUSPECT",
            effect=Effect.PERMIT,
            when=SUSPECT & approved,
            citation=cite(_ID, LOCAL_POLICE, "(A)(i)"),
            paraphrase="A Virginia police agency may use facial recognition to help identify a "
            "person when there is reasonable suspicion the person has committed a crime, with "
            "an approved technology. No warrant is needed, and any crime will do.",
            source=permission,
        ),
        # (A)(iv) An individual involved in the trafficking of humans, weapons, drugs, wildlife.
        Rule(
            id="VA-TRAFFICKING",
            effect=Effect.PERMIT,
            when=TRAFFICKER & approved,
            citation=cite(_ID, LOCAL_POLICE, "(A)(iv)"),
            paraphrase="A Virginia police agency may use facial recognition to help identify an "
            "individual involved in the trafficking of humans, weapons, drugs or wildlife, "
            "with an approved technology; the clause asks no reasonable suspicion.",
            source=permission,
        ),
        # (A)(xi) Mitigating an imminent threat to public safety, life or national security.
        Rule(
            id="VA-IMMINENT-THREAT",
            effect=Effect.PERMIT,
            when=IMMINENT_THREAT & approved,
            citation=cite(_ID, LOCAL_POLICE, "(A)(xi)"),
            paraphrase="A Virginia police agency may use facial recognition to help mitigate an "
            "imminent threat to public safety, a significant threat to life, or a threat to "
            "national security, including acts of terrorism, whatever else the search is for: "
            "an emergency declared by the time of the search that cannot wait. With an "
            "approved technology.",
            source=permission,
        ),
        # The penalty: an operator who searches for any reason other than an authorized use
        # commits a Class 3 misdemeanor (Class 1, and dismissal, the second time).
        Rule(
            id="VA-UNAUTHORIZED-USE",
            effect=Effect.FORBID,
            when=~AUTHORIZED_USE,
            citation=cite(_ID, LOCAL_POLICE),
            paraphrase="An operator who conducts a search for any reason other than an "
            "authorized use is guilty of a Class 3 misdemeanor, and must be retrained before "
            "operating the technology again; a second time, a Class 1 misdemeanor and "
            "dismissal. A use the fourteen clauses do not name is forbidden.",
            source=source(
                Verification.SUMMARY,
                _HIGH,
                f"the uses from {_USES}; the penalty from {_SUMMARY}, and in the text of the "
                "House amendments to HB 1339 (lis.virginia.gov, HB1339AH)",
            ),
        ),
        # No tracking of an identified person in real time (text not read).
        Rule(
            id="VA-REAL-TIME",
            effect=Effect.FORBID,
            when=_real_time_ban(readings),
            citation=cite(_ID, LOCAL_POLICE),
            paraphrase="As reported: a Virginia police agency may not use facial recognition to "
            "track the movements of an identified individual in a public space in real time "
            "(what it reaches is a reading). The subsection's text was not read.",
            source=source(Verification.NEWS, _LOW, _REAL_TIME_NEWS),
        ),
    )


def _duties(readings: Mapping[str, Reading]) -> tuple[Duty, ...]:
    scope = _scope(readings)
    summary = source(Verification.SUMMARY, _HIGH, _SUMMARY)
    return (
        # A match is never part of the affidavit for a search or arrest warrant.
        Duty(
            id="VA-AFFIDAVIT",
            when=scope,
            citation=cite(_ID, LOCAL_POLICE),
            paraphrase="A match made through facial recognition may not be included in an "
            "affidavit to establish probable cause for a search warrant or an arrest warrant: "
            "probable cause rests on other evidence, in hand when the warrant is sought. The "
            "check sees that the evidence was in hand; that the affidavit left the match out "
            "is for the auditor to read.",
            source=summary,
            action="establish probable cause for any warrant with evidence other than the match, "
            "and leave the match out of the affidavit",
            party="the investigating agency",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
        # Each use is recorded, for the annual public report due April 1.
        Duty(
            id="VA-RECORDS",
            when=scope,
            citation=cite(_ID, LOCAL_POLICE),
            paraphrase="The agency collects and keeps data on each use of facial recognition, "
            "including demographic information of the people whose images are queried, for "
            "the report it publishes by April 1 each year (see VA-ANNUAL-REPORT). No deadline "
            "is set for each record.",
            source=source(
                Verification.SUMMARY,
                _HIGH,
                f"{_SUMMARY}; the data items in the House amendments to HB 1339 (text)",
            ),
            action="record the use, with the demographic information of the person whose image "
            "was queried, for the annual report",
            party="the agency that used facial recognition",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) -------------


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    kinds = (AgencyKind.LOCAL_POLICE, AgencyKind.STATE_POLICE)
    of_virginia = (
        c.requested_by_agency_of("US-VA", "Virginia"),
        c.performed_by_agency_of("US-VA", "Virginia"),
    )
    involved = [c.performed_by(k) & of_virginia[1] for k in kinds]
    if readings[REQUESTED_SEARCHES.id].chosen == "requester-bound":
        involved += [c.requested_by(k) & of_virginia[0] for k in kinds]
    identifies = (
        c.analysis_is(Analysis.IDENTIFICATION)
        | c.analysis_is(Analysis.VERIFICATION)
        | c.analysis_is(Analysis.TRACKING)
    )
    investigation = c.purpose_is(Purpose.CRIMINAL_INVESTIGATION)
    # the fourteen clauses, in the statute's order, as far as a request can show them
    uses = AnyOf(
        (
            investigation & c.REASONABLE_SUSPICION,  # (i)
            c.purpose_is(Purpose.IDENTIFY_VICTIM),  # (ii)
            c.purpose_is(Purpose.SEIZED_MEDIA_ANALYSIS),  # (ii): victims in seized media
            c.purpose_is(Purpose.IDENTIFY_MISSING),  # (iii)
            c.purpose_is(Purpose.IDENTIFY_WITNESS),  # (iii)
            c.purpose_is(Purpose.IDENTIFY_MISSING_OR_INCAPACITATED),  # (iii), (viii)
            investigation & c.offense_on(TRAFFICKING),  # (iv)
            c.purpose_is(Purpose.IDENTIFY_INCAPACITATED),  # (vi), (viii)
            c.purpose_is(Purpose.IDENTIFY_DECEASED),  # (vii)
            c.purpose_is(Purpose.IDENTIFY_DANGER_TO_SELF_OR_OTHERS),  # (ix)
            c.purpose_is(Purpose.IDENTIFY_DETAINED),  # (x)
            c.purpose_is(Purpose.EMERGENCY),  # (xi)
            c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE,  # (xi)
            c.purpose_is(Purpose.VET_UNDERCOVER_OFFICER),  # (xii)
            c.purpose_is(Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION),  # (xiii)
            c.purpose_is(Purpose.IDENTIFY_CONCEALING_IDENTITY),  # (xiv)
        )
    )
    approved: Predicate = c.TECHNOLOGY_APPROVED
    if readings[TESTED_ACCURACY.id].chosen == "stated":
        approved &= leaf(
            "va_accuracy_at_least_98",
            "the technology scored at least 98 % true positives in every demographic group",
            "r.technology.tested_accuracy is not None and 9800 <= r.technology.tested_accuracy",
        )
    following = c.ONGOING_SURVEILLANCE | c.PERSISTENT_TRACKING
    watching: Predicate = c.REAL_TIME
    if readings[REAL_TIME.id].chosen == "tracking":
        watching &= following
    return (
        Invariant(
            id="binds-virginia-police",
            statement="Every search the police of Virginia (local, campus or State) run to "
            "identify, verify or track a person, whoever asked for it, is governed; under the "
            "reading adopted, so is every such search they ask another body to run.",
            holds=~AnyOf(tuple(involved)) | ~identifies | c.purpose_is(Purpose.REDACTION),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite(_ID, LOCAL_POLICE),
        ),
        Invariant(
            id="authorized-uses-only",
            statement="A permitted search is for one of the fourteen authorized uses.",
            holds=uses,
            citation=cite(_ID, LOCAL_POLICE, "(A)"),
        ),
        Invariant(
            id="unauthorized-use-is-a-crime",
            statement="A search for no authorized use is forbidden, not merely unauthorized: "
            "its operator commits a misdemeanor.",
            holds=uses,
            outcomes=frozenset({Outcome.PERMITTED, Outcome.NOT_PERMITTED}),
            citation=cite(_ID, LOCAL_POLICE),
        ),
        Invariant(
            id="approved-technology",
            statement="A permitted search uses a technology the Division of Purchases and "
            "Supply approved, and (under the reading adopted) that the request shows scored at "
            "least 98 % true positives across all demographic groups.",
            holds=approved,
            citation=cite(_ID, LOCAL_POLICE),
        ),
        Invariant(
            id="no-real-time-tracking",
            statement="No permitted search tracks a person in real time (under the other "
            "reading, no permitted search identifies anyone in real time).",
            holds=~watching,
            citation=cite(_ID, LOCAL_POLICE),
        ),
        Invariant(
            id="authorized-use-not-refused",
            statement="A search for an authorized use, with an approved technology, that tracks "
            "no one in real time, is never refused: it needs no warrant, and no offense "
            "threshold applies.",
            holds=~(uses & approved & ~watching),
            outcomes=frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN}),
            citation=cite(_ID, LOCAL_POLICE, "(A)"),
        ),
        Invariant(
            id="no-match-in-an-affidavit",
            statement="Every search the sections govern, permitted or not, obliges probable "
            "cause for a warrant to rest on evidence other than the match.",
            obliges=("VA-AFFIDAVIT",),
            outcomes=EVERY_REQUEST,
            citation=cite(_ID, LOCAL_POLICE),
        ),
        Invariant(
            id="every-use-recorded",
            statement="Every search the sections govern, permitted or not, is recorded for the "
            "annual public report.",
            obliges=("VA-RECORDS",),
            outcomes=EVERY_REQUEST,
            citation=cite(_ID, LOCAL_POLICE),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    summary = source(Verification.SUMMARY, _HIGH, _SUMMARY)
    uses = source(Verification.TEXT, _HIGH, _USES)
    return (
        Provision(
            id="VA-DEF",
            citation=cite(_ID, LOCAL_POLICE, "(A)"),
            text="Facial recognition technology is redefined as an algorithmic comparison of "
            "images of an individual's facial features for the purposes of identification: "
            "inferring emotions is not it, nor is redaction, which identifies no one.",
            source=source(Verification.SUMMARY, _MED, "the summary of HB 1339 (the companion)"),
        ),
        Provision(
            id="VA-USES-IN-THE-MODEL",
            citation=cite(_ID, LOCAL_POLICE, "(A)"),
            text="How the fourteen uses are read from a request: (i) a criminal investigation "
            "with reasonable suspicion (the Senate's text says 'has committed a crime'; the "
            "House's added 'is committing, or is planning the commission of': the model's "
            "suspicion covers all three); (iv) a criminal investigation of an offense tagged "
            "as trafficking, or a victim; (xi) the purpose of an emergency, or an emergency "
            "declared by the time of the search that cannot wait; the others by their purpose "
            "(AUTHORIZED_PURPOSES). Clause (v), an online recruiter of criminal activity, has "
            "no purpose in the model: such a search is permitted only as (i) or (iv) permit it, "
            "which may refuse one the clause allows. Clause (xiv) reads 'a person who an "
            "officer reasonably believes is concealing his' identity; its end was not read.",
            source=uses,
        ),
        Provision(
            id="VA-APPROVAL",
            citation=cite(_ID, LOCAL_POLICE),
            text="The technology a Virginia police agency uses is the one the Division of "
            "Purchases and Supply determines, evaluated by NIST with an accuracy score of at "
            "least 98 percent true positives across all demographic groups. The Department "
            "of General Services published its list of approved algorithms on 2023-05-11 (as "
            "a vendor reports). Encoded as the technology's approval and tested accuracy.",
            source=summary,
        ),
        Provision(
            id="VA-NO-LIVE-DATABASE",
            citation=cite(_ID, LOCAL_POLICE),
            text="As reported: no agency creates a database of images using a live video feed "
            "for facial recognition, nor enrols a comparison image in a commercial image "
            "repository (exceptions, if any, not read). Acts other than a search: not encoded.",
            source=source(Verification.NEWS, _LOW, _REAL_TIME_NEWS),
        ),
        Provision(
            id="VA-ANNUAL-REPORT",
            citation=cite(_ID, LOCAL_POLICE),
            text="Each local agency, campus police department and the State Police publish, "
            "by April 1 each year, a report of the data collected on their use of facial "
            "recognition, including the demographic information of the individuals whose "
            "images are queried (the data of VA-RECORDS). The Department of Criminal Justice "
            "Services analysed the posted data for 2023 and 2024 and found no police "
            "department that reported a use (RD703, November 2025).",
            source=source(
                Verification.SUMMARY,
                _HIGH,
                f"{_SUMMARY}; DCJS, RD703 (rga.lis.virginia.gov, November 2025): agencies "
                "'collect and publicly post, by April 1 of each year, specified information'",
            ),
        ),
        Provision(
            id="VA-MODEL-POLICY",
            citation=cite(_ID, STATE_POLICE),
            text="The Department of State Police develops a model policy on the investigative "
            "uses of facial recognition, with training requirements and protocols for "
            "requests for assistance from local and campus police, posted by January 1, 2023; "
            "a local agency or campus police department that uses facial recognition adopts "
            "it or a policy that meets or exceeds it. A duty of the agencies, not of a search.",
            source=summary,
        ),
        Provision(
            id="VA-CAMPUS-AND-STATE-POLICE",
            citation=cite(_ID, CAMPUS_POLICE),
            text="§23.1-815.1 says for campus police departments what §15.2-1723.2 says for "
            "local agencies, and §52-4.5 lets the Department of State Police use facial "
            "recognition for the same authorized uses: the rules cite §15.2-1723.2 for all "
            "three.",
            source=summary,
        ),
        Provision(
            id="VA-PENALTY",
            citation=cite(_ID, LOCAL_POLICE),
            text="An operator who violates the agency's policy, or searches for a reason other "
            "than an authorized use, is guilty of a Class 3 misdemeanor and is retrained on the "
            "policy and the authorized uses before operating the technology again; a second "
            "violation is a Class 1 misdemeanor and the agency dismisses the operator. A "
            "consequence for the operator: the search itself is forbidden (VA-UNAUTHORIZED-USE).",
            source=source(
                Verification.SUMMARY,
                _HIGH,
                f"{_SUMMARY}; the retraining and dismissal in the House amendments to HB 1339",
            ),
        ),
        Provision(
            id="VA-NO-WARRANT",
            text="The search itself needs no warrant or court order, and no offense threshold "
            "applies: reasonable suspicion of any crime suffices under clause (i).",
            source=uses,
        ),
        Provision(
            id="VA-EXPIRY",
            text="The provisions of the act expire on July 1, 2026: the code publishers label "
            "the sections 'effective until July 1, 2026', and the text of §23.1-815.1 "
            "'effective July 1, 2026' is the 2021 text again. A study of the use of facial "
            "recognition was due by November 1, 2025 (the Department of Criminal Justice "
            "Services' RD703).",
            source=source(
                Verification.SUMMARY,
                _HIGH,
                "lawserver.com (Va. Code §15.2-1723.2, 'effective until July 1, 2026'); "
                "instalawyer.io (§23.1-815.1, 'effective July 1, 2026'); the summary of HB 1339 "
                "('The provisions of the bill expire on July 1, 2026')",
            ),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-VA",
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
        aliases=("SB 741",),
        summary="Local, campus and State Police may use facial recognition only for fourteen "
        "authorized uses (a suspect on reasonable suspicion of any crime; victims, witnesses, "
        "missing, deceased and incapacitated persons; traffickers; imminent threats...), with "
        "technology approved and NIST-tested at 98 % across demographic groups; no real-time "
        "tracking; no match in a warrant affidavit; an annual public report. No warrant.",
    )


CH737 = Version.from_builder(_make)
"""Va. Code §§15.2-1723.2, 23.1-815.1 and 52-4.5 as in force from July 1, 2022 until July 1,
2026, under the readings adopted."""
