"""H.1728 / S.927 (2023-24): the bill to rewrite G.L. c.6 §220, as filed.

"An Act to implement the recommendations of the special commission on facial recognition
technology" (Reps. Ramos and Rogers; Sen. Creem, S.927, the same text). Not enacted in
the 2023-24 session; refiled in 2025 as S.1053 / H.1946.

No full text of the bill was available: past the definitions, each provision below rests on
researcher notes that quote the subsections, legislative summaries and news, and is marked
so. Read each rule beside its citation.
"""

from __future__ import annotations

from frpolicy.jurisdictions import Invariant, Version
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma.common import CALENDAR, SECTION, source
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES
from frpolicy.law import (
    Citation,
    Confidence,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Provision,
    Verification,
)
from frpolicy.model import AgencyKind, CourtKind, Disclosure, EventKind, Purpose
from frpolicy.policy import Deadline, Duty, Effect, Policy, Rule, Unit

__all__ = ["H1728", "INSTRUMENT", "rules"]

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


def _cite(subsection: str, instrument: str = INSTRUMENT.id) -> Citation:
    return Citation(instrument=instrument, section=SECTION, subsection=subsection)


SCOPE = c.LAW_ENFORCEMENT_REQUEST | c.REGISTRY_REQUEST
"""§220(b)-(d) govern law enforcement agencies and officers, and (c) the Registrar."""

# §220(d): only the State Police search, or ask the FBI to; other agencies, local police
# among them, ask the State Police to search on their behalf.
STATE_POLICE_SEARCH = c.performed_by(AgencyKind.STATE_POLICE) | (
    c.performed_by(AgencyKind.FEDERAL) & c.requested_by(AgencyKind.STATE_POLICE)
)
# §220(d): only technology approved after a public hearing may be used.
CENTRAL_SEARCH = STATE_POLICE_SEARCH & c.TECHNOLOGY_APPROVED
FELONY_WARRANT = (
    c.WARRANT_AUTHORIZES_SEARCH
    & c.WARRANT_IN_FORCE
    & c.WARRANT_COVERS_OFFENSE
    & c.OFFENSE_IS_FELONY
)
EMERGENCY = c.EMERGENCY_DECLARED & c.EMERGENCY_IMMEDIATE_DANGER


def rules(instrument: str = INSTRUMENT.id) -> tuple[Rule, ...]:
    """The permissions and prohibitions of §220 as H.1728 writes them.

    H.4359 keeps them, citing itself; ``instrument`` names the bill cited.
    """
    return (
        # (c) The Registrar may use facial recognition to verify identity when issuing licenses.
        Rule(
            id="MA-RMV",
            effect=Effect.PERMIT,
            when=c.performed_by(AgencyKind.MOTOR_VEHICLE_REGISTRY)
            & c.REGISTRY_REQUEST
            & c.purpose_is(Purpose.LICENSE_ISSUANCE),
            citation=_cite("(c)", instrument),
            paraphrase="The Registry of Motor Vehicles may use facial recognition to verify "
            "identity when it issues licenses.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        # (d) The State Police may search to execute a warrant for a felony.
        Rule(
            id="MA-WARRANT",
            effect=Effect.PERMIT,
            when=CENTRAL_SEARCH & FELONY_WARRANT,
            citation=_cite("(d)", instrument),
            paraphrase="The State Police may perform a search, or ask the FBI to, to execute "
            "a warrant for a felony, with approved technology. The warrant's exact standard "
            "and issuing court are not verified.",
            source=source(Verification.SUMMARY, _MED, _NOTES + '; notes say "felony warrant"'),
        ),
        # (d) ... or without a warrant in an emergency.
        Rule(
            id="MA-EMERGENCY",
            effect=Effect.PERMIT,
            when=CENTRAL_SEARCH & EMERGENCY,
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
            when=CENTRAL_SEARCH & c.purpose_is(Purpose.IDENTIFY_DECEASED),
            citation=_cite("(d)", instrument),
            paraphrase="The State Police may search, with approved technology and no "
            "warrant, to identify a deceased person.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        # (k) No inference of emotions by law enforcement (the Registrar's own work is not).
        Rule(
            id="MA-NO-EMOTION",
            effect=Effect.FORBID,
            when=c.LAW_ENFORCEMENT_USE & c.EMOTION_INFERENCE,
            citation=_cite("(k)", instrument),
            paraphrase="Law enforcement may not use a biometric surveillance system to infer "
            "a person's emotions.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        # (k) No analysis of moving images by law enforcement: still frames only.
        Rule(
            id="MA-NO-VIDEO",
            effect=Effect.FORBID,
            when=c.LAW_ENFORCEMENT_USE & c.MOVING_IMAGES,
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


def duties(instrument: str = INSTRUMENT.id) -> tuple[Duty, ...]:
    """What a search permitted under H.1728 obliges, shared with H.4359 but for the log."""
    return (
        # (d)-(e) A supervisory official's sworn statement to the superior court within 48 hours.
        Duty(
            id="MA-EMERGENCY-FILING",
            when=EMERGENCY & ~FELONY_WARRANT,
            citation=_cite("(d)-(e)", instrument),
            paraphrase="After an emergency search, a supervisory official of a rank the "
            "colonel designates files a signed, sworn statement of its grounds with the "
            "superior court within 48 hours.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES + "; regulon H.1946 summary"),
            action="file a supervisory official's sworn statement of the emergency's grounds "
            "with the superior court",
            party="State Police",
            deadline=Deadline(anchor=_SEARCH, amount=48, unit=Unit.HOURS),
            fulfilled_by=EventKind.SWORN_STATEMENT_FILED,
            court=CourtKind.SUPERIOR_COURT,
            supervisory=True,
        ),
        # (f) Notice to the defendant, with all records of the search, in Rule 14 discovery.
        Duty(
            id="MA-NOTICE",
            when=STATE_POLICE_SEARCH & ~c.purpose_is(Purpose.IDENTIFY_DECEASED),
            citation=_cite("(f)", instrument),
            paraphrase="A defendant identified through a search is told so, pursuant to "
            "Mass. R. Crim. P. 14, and receives all records of the search: the algorithm, "
            "accuracy information and how the match was selected. No day count is stated; "
            "Rule 14 automatic discovery is due at or before the pretrial conference.",
            source=source(
                Verification.SUMMARY, _MED, _NOTES + "; Rule 14 timing read in the rule (V)"
            ),
            action="give the defendant notice of the search and all its records in discovery",
            party="prosecutor",
            deadline=Deadline(anchor=EventKind.PRETRIAL_CONFERENCE),
            fulfilled_by=EventKind.NOTICE_SERVED,
            disclosures=_RECORDS,
        ),
        # (g)-(h) Quarterly reports to EOPSS.
        Duty(
            id="MA-REPORT",
            when=STATE_POLICE_SEARCH,
            citation=_cite("(g)-(h)", instrument),
            paraphrase="The State Police report their searches quarterly to the Executive "
            "Office of Public Safety and Security, which publishes annual statistics by "
            "agency, race and gender. The report's own due date was not found: a search "
            "counts as late only when no report includes it by the end of the next quarter.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
            action="include the search in a quarterly report to EOPSS",
            party="State Police",
            deadline=Deadline(anchor=_SEARCH, amount=1, unit=Unit.QUARTERS),
            fulfilled_by=EventKind.SEARCH_REPORTED,
        ),
    )


def log_duty(instrument: str = INSTRUMENT.id) -> Duty:
    """§220(g) as filed: every request and every search kept as a public record."""
    return Duty(
        id="MA-LOG",
        when=STATE_POLICE_SEARCH,
        citation=_cite("(g)", instrument),
        paraphrase="The State Police keep each search request and each search performed as "
        "a public record. The bill states no deadline; the exact fields were not seen.",
        source=source(Verification.SUMMARY, _HIGH, _NOTES),
        action="keep the request and the search as a public record",
        party="State Police",
        deadline=None,
        fulfilled_by=EventKind.SEARCH_DOCUMENTED,
    )


def invariants() -> tuple[Invariant, ...]:
    """What H.1728 (and H.4359) promise of every search they permit."""
    registry = c.performed_by(AgencyKind.MOTOR_VEHICLE_REGISTRY)
    return (
        Invariant(
            id="central-searcher",
            statement="A permitted search is performed by the State Police, by the FBI at "
            "their request, or by the Registry of Motor Vehicles.",
            holds=STATE_POLICE_SEARCH | registry,
        ),
        Invariant(
            id="stills-only",
            statement="A permitted search by or for law enforcement analyses still images "
            "only, never video, and never infers emotions.",
            holds=~c.LAW_ENFORCEMENT_USE | (~c.MOVING_IMAGES & ~c.EMOTION_INFERENCE),
        ),
        Invariant(
            id="approved-technology",
            statement="A permitted search outside the Registry uses approved technology.",
            holds=registry | c.TECHNOLOGY_APPROVED,
        ),
        Invariant(
            id="warrant-emergency-or-exempt",
            statement="A permitted search rests on a warrant for a felony, an emergency, "
            "the identification of a deceased person, or the Registry's own licensing "
            "work.",
            holds=FELONY_WARRANT | EMERGENCY | c.purpose_is(Purpose.IDENTIFY_DECEASED) | registry,
        ),
    )


def provisions(instrument: str = INSTRUMENT.id) -> tuple[Provision, ...]:
    """Provisions of the bill kept as prose: consequences, and what was looked for and not found."""
    return (
        Provision(
            id="MA-BAN",
            citation=_cite("(b)", instrument),
            text="Default ban: a law enforcement agency or officer may not acquire, possess, "
            "access or use biometric surveillance technology, or ask a third party to, except "
            "as §220 allows. frpolicy encodes it as the default: what no rule permits is not "
            "permitted.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        Provision(
            id="MA-EXCLUSION",
            citation=_cite("(l)", instrument),
            text="Information obtained in violation of §220 is inadmissible in any criminal, "
            "civil, administrative or other proceeding, except one alleging a violation of "
            "§220.",
            source=source(Verification.SUMMARY, _HIGH, _NOTES),
        ),
        Provision(
            id="MA-NONLE",
            citation=_cite("(i)-(j)", instrument),
            text="Public agencies other than law enforcement keep each search they request as "
            "a public record and report quarterly to EOPSS; they face no ban. Outside the "
            "scope of this module's search rules.",
            source=source(Verification.SUMMARY, _MED, _NOTES),
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


H1728 = Version(
    policy=Policy(
        jurisdiction="US-MA",
        instrument=INSTRUMENT,
        calendar=CALENDAR,
        scope=SCOPE,
        rules=rules(),
        duties=(*duties(), log_duty()),
    ),
    offenses=OFFENSES,
    invariants=invariants(),
    provisions=provisions(),
    aliases=("S.927",),
    summary="The bill as filed: only the State Police search (or ask the FBI), for a felony "
    "warrant, an emergency or a deceased person's identification; stills only; notice to "
    "defendants; public logs.",
)
"""H.1728 / S.927 as a version of the law of Massachusetts."""
