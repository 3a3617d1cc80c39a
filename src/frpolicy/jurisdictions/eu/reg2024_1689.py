"""Regulation (EU) 2024/1689, the AI Act: Article 5(1)(h) and 5(2)-(6), and Article 26(10).

Article 5 applies from 2 February 2025 (Art. 113, third paragraph, point (a)). Read in the
text of the Regulation (copies of the Official Journal text and of EUR-Lex's consolidated
text of 27 July 2026, verification ``text``): Art. 3(35), (36), (41)-(46) (the definitions),
Art. 5(1)(h), 5(2)-(8), Art. 26(10), Annex II, Art. 113 as amended by Regulation (EU)
2026/1744 (the "Digital Omnibus on AI", which moved Chapter III, Sections 1-3, for the
high-risk systems of Annex III, to 2 December 2027), and Recital 35 (ai-act-law.eu). Not
read: Articles 27 and 49 themselves (what the impact assessment and the registration hold),
and any member state's law under Article 5(5).

What it asks, in short. The use of a "real-time" remote biometric identification system in
a publicly accessible space for law enforcement is **prohibited** (Art. 5(1)(h)), unless
strictly necessary for one of three objectives: (i) the targeted search for specific
victims of abduction, trafficking in human beings or sexual exploitation, or for missing
persons; (ii) preventing a specific, substantial and imminent threat to life or physical
safety, or a genuine and present or foreseeable threat of a terrorist attack; (iii) locating
or identifying a suspect of an Annex II offence punishable by at least four years. Even
then, the use needs a law of the member state that allows it, for that objective (5(5)); a
fundamental rights impact assessment and the system's registration in the EU database first
(5(2)); and each use, a prior authorisation by a judicial authority or an independent
administrative authority whose decision is binding (5(3)). In a duly justified urgency the
use may start first: the authorisation is asked for within 24 hours, the registration
follows without undue delay, and if the authorisation is refused the use stops at once and
its data and results are deleted. Each use is notified to the market surveillance and data
protection authorities (5(4)), who report every year to the Commission (5(6)); no decision
with an adverse legal effect on a person rests solely on the output (5(3)).

A **post** (not real-time) remote identification is a high-risk use, with its own rule
(Art. 26(10)), which applies from 2 December 2027: never untargeted, with no link to a
criminal offence, a criminal proceeding, a threat of one, or the search for a specific
missing person; for the targeted search of a suspect, an authorisation asked of a judicial
authority or an administrative authority whose decision is binding and subject to judicial
review, before the use or within 48 hours, unless it is the initial identification of a
potential suspect on objective and verifiable facts directly linked to the offence; stopped,
and its personal data deleted, if refused; documented in the police file; reported each
year.

Who is bound: the police of the member states (an agency whose home is a member state's
code, or lies within it; one that states no home is taken as a member state's), whether
they ask for the search or run it, when they identify people (not when they verify a
person's claimed identity) for law enforcement. The Regulation is not an authority to
search: a use it does not forbid still needs a basis in national law (Directive (EU)
2016/680). A decision ``PERMITTED`` here says that the Regulation allows the use.

**How the member states' opt-in is modelled.** The exceptions of Article 5(1)(h) exist
only where a member state's law provides for them, fully or in part, objective by objective
(5(5)). No member state's law was read, so frpolicy encodes none: each objective's opt-in is
a named reading (:data:`OPT_IN_VICTIMS`, :data:`OPT_IN_THREATS`, :data:`OPT_IN_SUSPECTS`),
whose adopted choice is that no national law allows it, so that every real-time
identification in a public place is forbidden as the Regulation alone leaves it. Choosing
``national-law`` for a reading asks what the Regulation says where the member state
concerned has opted in for that objective (for (iii), for every Annex II offence): one
reading per objective is what "fully or partially" allows, and a memo names the readings it
rests on. A member state's law whose text can be read would be a jurisdiction of its own,
stricter where it chooses to be (5(5), last sentence).

Where the text admits more than one answer, the choice is a named reading (:data:`READINGS`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.eu.common import (
    CALENDAR,
    INSTRUMENT_ID,
    cite,
    member_state_agency,
    source,
)
from frpolicy.jurisdictions.eu.offenses import ANNEX_II, OFFENSE_LISTS, OFFENSES, VICTIM_LISTS
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
from frpolicy.model import Analysis, Authority, EventKind, Harm, Purpose, Suspicion
from frpolicy.policy import EVERY_REQUEST, Deadline, Duty, Effect, Outcome, Policy, Rule, Unit
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Leaf, Predicate, leaf

__all__ = [
    "AI_ACT",
    "INITIAL_IDENTIFICATION",
    "INSTRUMENT",
    "OPT_IN_SUSPECTS",
    "OPT_IN_THREATS",
    "OPT_IN_VICTIMS",
    "READINGS",
    "STOP_AT_ONCE",
]

INSTRUMENT = Instrument(
    id=INSTRUMENT_ID,
    title="Regulation (EU) 2024/1689 of the European Parliament and of the Council of 13 June "
    "2024 laying down harmonised rules on artificial intelligence (Artificial Intelligence "
    "Act), as amended by Regulation (EU) 2026/1744: Article 5 from 2 February 2025, Article "
    "26(10) from 2 December 2027",
    kind=InstrumentKind.REGULATION,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2025, 2, 2),
    url="https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TEXT = (
    "text of Regulation (EU) 2024/1689 (copies of the Official Journal text, OJ L, 12.7.2024, "
    "and of EUR-Lex's consolidated text CELEX 02024R1689-20260727)"
)
_ART_113 = (
    "Art. 113, third paragraph, point (c)(i), as amended by Regulation (EU) 2026/1744 (copies "
    "of EUR-Lex's consolidated text of 27 July 2026 and of artificialintelligenceact.eu)"
)

# -- readings: the member states' opt-in, and what the text leaves open ------------------------


def _opt_in(key: str, objective: str, point: str) -> Reading:
    return Reading(
        id=f"eu-opt-in-{key}",
        question=f"Does the law of the member state concerned allow real-time remote "
        f"biometric identification in publicly accessible spaces for {objective} "
        f"(Art. 5(1)(h){point}, 5(5))?",
        choices=(
            Choice(
                id="no-national-law",
                text="No: no member state's law allowing it was read, and without one the "
                "exception does not exist (Art. 5(5)).",
            ),
            Choice(
                id="national-law",
                text=f"Yes: the member state's law allows it for {objective}, under the "
                "conditions of Art. 5(1)(h), (2) and (3).",
            ),
        ),
        source=source(
            Verification.TEXT,
            _MED,
            "Art. 5(5) read; no member state's law under it was found or read",
        ),
        citation=cite("5", "(5)"),
    )


OPT_IN_VICTIMS = _opt_in(
    "victims",
    "the targeted search for victims of abduction, trafficking in human beings or sexual "
    "exploitation, and for missing persons",
    "(i)",
)
OPT_IN_THREATS = _opt_in(
    "threats",
    "preventing an imminent threat to life or physical safety, or a terrorist attack",
    "(ii)",
)
OPT_IN_SUSPECTS = _opt_in(
    "suspects",
    "locating or identifying a suspect of an Annex II offence punishable by four years or more",
    "(iii)",
)
STOP_AT_ONCE = Reading(
    id="eu-immediately",
    question="By when must a use whose authorisation is refused be stopped, and its data "
    "deleted, 'with immediate effect' and 'immediately' (Art. 5(3)), and a post "
    "identification stopped 'with immediate effect' (Art. 26(10))?",
    choices=(
        Choice(
            id="at-the-refusal",
            text="At the refusal: a use still running, or data still held, after the moment "
            "of the refusal is late.",
        ),
        Choice(
            id="same-day",
            text="By the end of the day of the refusal (Central European Time): 'immediately' "
            "leaves the time to act on the decision.",
        ),
    ),
    source=source(Verification.TEXT, _MED, "Art. 5(3), 26(10) and Recital 35; an interpretation"),
    citation=cite("5", "(3)"),
)
INITIAL_IDENTIFICATION = Reading(
    id="eu-initial-identification",
    question="When is a post identification 'the initial identification of a potential "
    "suspect based on objective and verifiable facts directly linked to the offence', which "
    "needs no authorisation (Art. 26(10))?",
    choices=(
        Choice(
            id="stated-facts",
            text="When the request states the offence and the facts that link the person "
            "sought to it (a factual narrative): the objective and verifiable facts.",
        ),
        Choice(
            id="never",
            text="Never as a request can show it: every targeted search of a suspect asks for "
            "the authorisation.",
        ),
    ),
    source=source(Verification.TEXT, _LOW, "Art. 26(10), first subparagraph; an interpretation"),
    citation=cite("26", "(10)"),
)
READINGS = (OPT_IN_VICTIMS, OPT_IN_THREATS, OPT_IN_SUSPECTS, STOP_AT_ONCE, INITIAL_IDENTIFICATION)
"""The readings this version rests on; the first choice of each is the one adopted."""

_OPT_INS = (OPT_IN_VICTIMS, OPT_IN_THREATS, OPT_IN_SUSPECTS)

# -- who is bound, and on what -----------------------------------------------------------------

MEMBER_STATE_REQUESTER = member_state_agency("requesting")
MEMBER_STATE_SEARCHER = member_state_agency("performing")
IDENTIFICATION = leaf(
    "remote_biometric_identification",
    "the system identifies people by comparing their faces with a reference database, not "
    "verifying the identity a person claims (remote biometric identification)",
    "r.analysis is Analysis.IDENTIFICATION or r.analysis is Analysis.TRACKING",
)
_NOT_LAW_ENFORCEMENT = frozenset(
    {
        Purpose.LICENSE_ISSUANCE,
        Purpose.REDACTION,
        Purpose.FACILITY_SECURITY,
        Purpose.NON_INVESTIGATIVE,
        Purpose.TRAVEL_VERIFICATION,
        Purpose.IMMIGRATION_ENFORCEMENT,
    }
)
"""Purposes that are not law enforcement as Art. 3(46) defines it: issuing a licence,
redacting, securing premises, other work, border checks and immigration control."""
LAW_ENFORCEMENT = leaf(
    "for_law_enforcement",
    "the search is for law enforcement: preventing, investigating, detecting or prosecuting "
    "criminal offences, executing criminal penalties or safeguarding public security",
    "r.purpose not in OTHER_PURPOSES",
    OTHER_PURPOSES=_NOT_LAW_ENFORCEMENT,
)
PUBLIC_SPACE = leaf(
    "publicly_accessible_space",
    "the images are captured in a publicly accessible space, one accessible to an "
    "undetermined number of people, or the place is not stated",
    "r.publicly_accessible is None or r.publicly_accessible is True",
)
REAL_TIME_IN_PUBLIC = c.REAL_TIME & PUBLIC_SPACE
"""Art. 5(1)(h): a real-time identification (Art. 3(42)) in a publicly accessible space."""
POST = ~c.REAL_TIME
"""Art. 3(43): a post-remote identification, one that is not real-time."""
_HIGH_RISK_FROM = datetime(2027, 12, 1, 23, 0, tzinfo=UTC)  # midnight in Brussels (CET)
ARTICLE_26_APPLIES = leaf(
    "article_26_applies",
    "the search is performed on or after 2 December 2027, when Article 26 applies to remote "
    "biometric identification systems, as Article 113 now reads",
    "at >= FROM",
    FROM=_HIGH_RISK_FROM,
)

# -- the objectives of Article 5(1)(h) ---------------------------------------------------------

_VICTIM_LIST_IDS = {f"VICTIM_{i}": lst.id for i, lst in enumerate(VICTIM_LISTS)}
OBJECTIVE_VICTIMS = leaf(
    "objective_victims_or_missing_persons",
    "the use is the targeted search for a victim of abduction, trafficking in human beings or "
    "sexual exploitation (the offence stated), or for a missing person",
    "r.purpose is Purpose.IDENTIFY_MISSING or r.purpose is Purpose.IDENTIFY_VICTIM"
    " and r.offense is not None and ("
    + " or ".join(f"{alias} in r.offense.listed_in" for alias in _VICTIM_LIST_IDS)
    + ")",
    **_VICTIM_LIST_IDS,
)
"""5(1)(h)(i): the targeted search for specific victims of abduction, trafficking or sexual
exploitation, or for missing persons."""
OBJECTIVE_THREATS = leaf(
    "objective_imminent_threat",
    "the use prevents a specific, substantial and imminent threat to life or physical safety "
    "(an immediate emergency of death or serious physical injury, declared at or before the "
    "use), or a genuine threat of a terrorist attack",
    "r.purpose is Purpose.PREVENT_TERRORIST_ATTACK or r.emergency is not None"
    " and r.emergency.declared_at <= at and r.emergency.immediate"
    " and r.emergency.harm in SUBSTANTIAL",
    SUBSTANTIAL=frozenset({Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY}),
)
"""5(1)(h)(ii): preventing a specific, substantial and imminent threat to life or physical
safety, or a genuine and present or foreseeable threat of a terrorist attack."""
_ANNEX_II_IDS = {f"ANNEX_{i + 1}": lst.id for i, lst in enumerate(ANNEX_II)}
OBJECTIVE_SUSPECTS = leaf(
    "objective_suspect_of_an_annex_ii_offence",
    "the use locates or identifies a person reasonably suspected of an Annex II offence whose "
    "longest custodial sentence is four years or more, for a criminal investigation",
    "r.purpose is Purpose.CRIMINAL_INVESTIGATION and r.suspicion in SUSPECTED"
    " and r.offense is not None and ("
    + " or ".join(f"{alias} in r.offense.listed_in" for alias in _ANNEX_II_IDS)
    + ") and (r.offense.penalty.life or r.offense.penalty.max_term_months is not None"
    " and r.offense.penalty.max_term_months >= FOUR_YEARS)",
    SUSPECTED=frozenset({Suspicion.REASONABLE_SUSPICION, Suspicion.PROBABLE_CAUSE}),
    FOUR_YEARS=48,
    **_ANNEX_II_IDS,
)
"""5(1)(h)(iii): locating or identifying a person suspected of an Annex II offence punishable
by a maximum of four years or more, for a criminal investigation."""
_OBJECTIVES: tuple[Leaf, ...] = (OBJECTIVE_VICTIMS, OBJECTIVE_THREATS, OBJECTIVE_SUSPECTS)
"""The objectives, in the order of :data:`_OPT_INS`."""


def _serves(name: str, description: str, objectives: Sequence[Leaf]) -> Leaf:
    """One leaf: the use serves one of these objectives (a memo says it in one line)."""
    namespace: dict[str, object] = {}
    for objective in objectives:
        namespace.update(objective.namespace)
    return leaf(
        name,
        description,
        " or ".join(f"({o.expression})" for o in objectives),
        **namespace,
    )


ANY_OBJECTIVE = _serves(
    "serves_an_objective",
    "the use serves one of the three objectives the prohibition excepts: victims and missing "
    "persons, an imminent threat, or a suspect of an Annex II offence",
    (OBJECTIVE_VICTIMS, OBJECTIVE_THREATS, OBJECTIVE_SUSPECTS),
)


def _opted(readings: Mapping[str, Reading]) -> tuple[list[Leaf], list[Leaf]]:
    """The objectives a member state's law allows under the readings, and those it does not."""
    chosen = [readings[r.id].chosen == "national-law" for r in _OPT_INS]
    opted = [o for o, yes in zip(_OBJECTIVES, chosen, strict=True) if yes]
    not_opted = [o for o, yes in zip(_OBJECTIVES, chosen, strict=True) if not yes]
    return opted, not_opted


# -- authorisation, urgency, assessment and registration ---------------------------------------

_ART_5_AUTHORITIES = frozenset({Authority.JUDICIAL, Authority.INDEPENDENT_ADMINISTRATIVE})
_ART_26_AUTHORITIES = frozenset(Authority)
AUTHORISED = leaf(
    "authorised_beforehand",
    "a judicial authority or an independent administrative authority whose decision is "
    "binding authorised the use before it, and the authorisation had not lapsed",
    "r.authorization is not None and r.authorization.authority in AUTHORITIES"
    " and r.authorization.granted and r.authorization.decided_at is not None"
    " and r.authorization.decided_at <= at"
    " and (r.authorization.expires_at is None or at <= r.authorization.expires_at)",
    AUTHORITIES=_ART_5_AUTHORITIES,
)
URGENCY = leaf(
    "duly_justified_urgency",
    "a duly justified urgency: an emergency declared at or before the use demands action "
    "before an authorisation could be had",
    "r.emergency is not None and r.emergency.declared_at <= at and r.emergency.immediate",
)
"""5(2)-(3): a duly justified situation of urgency."""
REFUSED = leaf(
    "authorisation_refused",
    "the authorisation asked for the use was refused at or before the search",
    "r.authorization is not None and r.authorization.decided_at is not None"
    " and not r.authorization.granted and r.authorization.decided_at <= at",
)
IMPACT_ASSESSED = leaf(
    "impact_assessed_beforehand",
    "the agency completed its fundamental rights impact assessment of the system (Art. 27) "
    "before the use",
    "r.technology.impact_assessed_at is not None and r.technology.impact_assessed_at <= at",
)
REGISTERED = leaf(
    "registered_beforehand",
    "the agency registered the system in the EU database (Art. 49) before the use",
    "r.technology.registered_at is not None and r.technology.registered_at <= at",
)
PERFORMED = leaf("performed", "the search was performed", "r.performed_at is not None")

# -- Article 26(10): post-remote identification ------------------------------------------------

OFFENCE_STATED = leaf(
    "linked_to_an_offence",
    "the search is linked to a criminal offence or a criminal proceeding (the offence is stated)",
    "r.offense is not None",
)
LINKED = (
    OFFENCE_STATED
    | c.EMERGENCY_DECLARED
    | c.purpose_is(Purpose.IDENTIFY_MISSING)
    | c.purpose_is(Purpose.PREVENT_TERRORIST_ATTACK)
)
"""26(10): a link to a criminal offence, a criminal proceeding, a genuine threat of a criminal
offence, or the search for a specific missing person; without one, a use is untargeted."""
SUSPECT_SEARCH = c.purpose_is(Purpose.CRIMINAL_INVESTIGATION)
"""26(10): the targeted search of a person suspected or convicted of a criminal offence."""
FACTS_STATED = leaf(
    "facts_linking_the_person_stated",
    "the request states the offence and the objective facts that link the person sought to "
    "it (a factual narrative)",
    "r.offense is not None and r.factual_narrative is not None",
)


def _initial_identification(readings: Mapping[str, Reading]) -> Predicate | None:
    if readings[INITIAL_IDENTIFICATION.id].chosen == "stated-facts":
        return FACTS_STATED
    return None


def _scope() -> Predicate:
    member_state = MEMBER_STATE_REQUESTER | MEMBER_STATE_SEARCHER
    return (
        member_state
        & IDENTIFICATION
        & LAW_ENFORCEMENT
        & (REAL_TIME_IN_PUBLIC | (POST & ARTICLE_26_APPLIES))
    )


# -- the rules ---------------------------------------------------------------------------------


def _real_time_rules(readings: Mapping[str, Reading]) -> list[Rule]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    opted, not_opted = _opted(readings)
    rules = [
        # 5(1)(h) The use is prohibited unless strictly necessary for one of the objectives.
        Rule(
            id="EU-REAL-TIME-BAN",
            effect=Effect.FORBID,
            when=REAL_TIME_IN_PUBLIC & ~ANY_OBJECTIVE,
            citation=cite("5", "(1)(h)"),
            paraphrase="The use of a 'real-time' remote biometric identification system in a "
            "publicly accessible space for law enforcement is prohibited, unless strictly "
            "necessary for the targeted search for victims of abduction, trafficking or sexual "
            "exploitation or for missing persons, for preventing an imminent threat to life or "
            "a terrorist attack, or for locating a suspect of an Annex II offence punishable by "
            "four years or more.",
            source=text,
        ),
    ]
    if not_opted:
        # 5(5) An exception exists only where a member state's law provides for it.
        without_law: Predicate = REAL_TIME_IN_PUBLIC & AnyOf(tuple(not_opted))
        if opted:  # an objective the member state allows is judged by the rules below
            without_law &= ~_serves(
                "serves_an_objective_national_law_allows",
                "the use serves an objective for which the member state's law provides",
                opted,
            )
        rules.append(
            Rule(
                id="EU-NO-NATIONAL-LAW",
                effect=Effect.FORBID,
                when=without_law,
                citation=cite("5", "(5)"),
                paraphrase="A real-time identification for one of the objectives is still "
                "prohibited where the member state concerned has not provided for it in its "
                "law: the exceptions exist only where, and for the objectives that, a national "
                "law authorises them (read here as no member state's law, unless read "
                "otherwise).",
                source=text,
            )
        )
    if not opted:
        return rules
    allowed = AnyOf(tuple(opted))
    in_question = REAL_TIME_IN_PUBLIC & allowed
    return [
        *rules,
        # 5(3) Each use needs a prior authorisation, save in a duly justified urgency.
        Rule(
            id="EU-PRIOR-AUTHORISATION",
            effect=Effect.FORBID,
            when=in_question & ~AUTHORISED & ~URGENCY,
            citation=cite("5", "(3)"),
            paraphrase="Each use is subject to a prior authorisation granted by a judicial "
            "authority or an independent administrative authority whose decision is binding, "
            "of the member state where the use takes place, on a reasoned request; only in a "
            "duly justified situation of urgency may the use start without it.",
            source=text,
        ),
        # 5(3) A refused authorisation ends the use.
        Rule(
            id="EU-AUTHORISATION-REFUSED",
            effect=Effect.FORBID,
            when=in_question & REFUSED,
            citation=cite("5", "(3)"),
            paraphrase="If the authorisation is rejected, the use is stopped with immediate "
            "effect: no use may go on after the refusal.",
            source=text,
        ),
        # 5(2) An impact assessment first, always.
        Rule(
            id="EU-IMPACT-ASSESSMENT",
            effect=Effect.FORBID,
            when=in_question & ~IMPACT_ASSESSED,
            citation=cite("5", "(2)"),
            paraphrase="The use may be authorised only if the law enforcement authority has "
            "completed a fundamental rights impact assessment as Article 27 provides.",
            source=text,
        ),
        # 5(2) ... and registration in the EU database, which may follow in urgency.
        Rule(
            id="EU-REGISTRATION",
            effect=Effect.FORBID,
            when=in_question & ~REGISTERED & ~URGENCY,
            citation=cite("5", "(2)"),
            paraphrase="The use may be authorised only if the authority has registered the "
            "system in the EU database according to Article 49; in duly justified cases of "
            "urgency, the use may start before the registration, completed without undue "
            "delay.",
            source=text,
        ),
        # 5(1)(h), (2), (3), (5) The exception, where the member state's law provides for it.
        Rule(
            id="EU-REAL-TIME-EXCEPTION",
            effect=Effect.PERMIT,
            when=in_question & (AUTHORISED | URGENCY) & IMPACT_ASSESSED & (REGISTERED | URGENCY),
            citation=cite("5", "(1)(h)"),
            paraphrase="A real-time identification in a publicly accessible space is allowed "
            "where it is strictly necessary for an objective the member state's law provides "
            "for, with the impact assessment done, the system registered (or, in urgency, to "
            "be registered) and the use authorised beforehand (or, in urgency, to be "
            "authorised within 24 hours).",
            source=text,
        ),
    ]


def _post_rules() -> list[Rule]:
    text = source(Verification.TEXT, _HIGH, _TEXT + "; " + _ART_113)
    return [
        # 26(10) In no case untargeted.
        Rule(
            id="EU-POST-UNTARGETED",
            effect=Effect.FORBID,
            when=POST & ~LINKED,
            citation=cite("26", "(10)"),
            paraphrase="In no case is a post-remote biometric identification system used for "
            "law enforcement in an untargeted way, without any link to a criminal offence, a "
            "criminal proceeding, a genuine threat of a criminal offence, or the search for a "
            "specific missing person.",
            source=text,
        ),
        # 26(10) A refused authorisation stops the use.
        Rule(
            id="EU-POST-AUTHORISATION-REFUSED",
            effect=Effect.FORBID,
            when=POST & REFUSED,
            citation=cite("26", "(10)"),
            paraphrase="If the authorisation requested is rejected, the use linked to it is "
            "stopped with immediate effect.",
            source=text,
        ),
        # 26(10) A targeted use, linked to an offence, a proceeding, a threat or a missing person.
        Rule(
            id="EU-POST-TARGETED",
            effect=Effect.PERMIT,
            when=POST & LINKED,
            citation=cite("26", "(10)"),
            paraphrase="A post-remote biometric identification linked to a criminal offence, a "
            "criminal proceeding, a threat of one or the search for a specific missing person "
            "is allowed, limited to what is strictly necessary, with an authorisation asked "
            "for within 48 hours for the targeted search of a suspect.",
            source=text,
        ),
    ]


# -- the duties --------------------------------------------------------------------------------


def _stop_deadline(readings: Mapping[str, Reading]) -> Deadline:
    unit = (
        Unit.HOURS if readings[STOP_AT_ONCE.id].chosen == "at-the-refusal" else Unit.CALENDAR_DAYS
    )
    return Deadline(anchor=EventKind.AUTHORIZATION_REFUSED, amount=0, unit=unit)


def _real_time_duties(readings: Mapping[str, Reading]) -> list[Duty]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    performed = REAL_TIME_IN_PUBLIC & PERFORMED
    duties = [
        Duty(
            id="EU-STOP-ON-REFUSAL",
            when=performed,
            citation=cite("5", "(3)"),
            paraphrase="If the authorisation is rejected, the use is stopped with immediate "
            "effect.",
            source=text,
            action="stop the use",
            party="the law enforcement authority using the system",
            deadline=_stop_deadline(readings),
            fulfilled_by=EventKind.USE_STOPPED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.AUTHORIZATION_REFUSED,
        ),
        Duty(
            id="EU-DELETE-ON-REFUSAL",
            when=performed,
            citation=cite("5", "(3)"),
            paraphrase="If the authorisation is rejected, all the data, and the results and "
            "outputs of the use, are immediately discarded and deleted.",
            source=text,
            action="discard and delete all the data, results and outputs of the use",
            party="the law enforcement authority using the system",
            deadline=_stop_deadline(readings),
            fulfilled_by=EventKind.DATA_DELETED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.AUTHORIZATION_REFUSED,
        ),
        Duty(
            id="EU-NOTIFY",
            when=REAL_TIME_IN_PUBLIC,
            citation=cite("5", "(4)"),
            paraphrase="Each use is notified to the relevant market surveillance authority and "
            "the national data protection authority, as national rules provide, with at least "
            "the information of the annual report and no sensitive operational data. The "
            "Regulation sets no time for it.",
            source=text,
            action="notify the use to the market surveillance authority and the national data "
            "protection authority",
            party="the law enforcement authority using the system",
            deadline=None,
            fulfilled_by=EventKind.USE_NOTIFIED,
            outcomes=EVERY_REQUEST,
        ),
        Duty(
            id="EU-ANNUAL-REPORT",
            when=REAL_TIME_IN_PUBLIC,
            citation=cite("5", "(6)"),
            paraphrase="The national market surveillance and data protection authorities "
            "notified of the use report every year to the Commission on such uses, on the "
            "Commission's template, counting the decisions on requests for authorisation and "
            "their result. The Regulation names no date.",
            source=text,
            action="count the use, and the decision on its authorisation, in the annual report "
            "to the Commission",
            party="the national market surveillance and data protection authorities",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
        ),
        Duty(
            id="EU-NOT-SOLE-BASIS",
            when=REAL_TIME_IN_PUBLIC,
            citation=cite("5", "(3)"),
            paraphrase="No decision that produces an adverse legal effect on a person may be "
            "taken based solely on the output of the real-time identification.",
            source=text,
            action="have other evidence before any decision with an adverse legal effect rests "
            "on the output",
            party="the law enforcement authority",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
    ]
    opted, _ = _opted(readings)
    if not opted:
        return duties
    urgent_start = REAL_TIME_IN_PUBLIC & AnyOf(tuple(opted)) & URGENCY
    return [
        *duties,
        Duty(
            id="EU-URGENT-AUTHORISATION",
            when=urgent_start & ~AUTHORISED,
            citation=cite("5", "(3)"),
            paraphrase="A use started without authorisation in a duly justified situation of "
            "urgency asks for the authorisation without undue delay, at the latest within 24 "
            "hours, of a judicial authority or an independent administrative authority whose "
            "decision is binding.",
            source=text,
            action="ask a judicial or independent administrative authority to authorise the use",
            party="the law enforcement authority using the system",
            deadline=Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=24, unit=Unit.HOURS),
            fulfilled_by=EventKind.AUTHORIZATION_REQUESTED,
            authorities=_ART_5_AUTHORITIES,
        ),
        Duty(
            id="EU-URGENT-REGISTRATION",
            when=urgent_start & ~REGISTERED,
            citation=cite("5", "(2)"),
            paraphrase="A use started in urgency before the system's registration in the EU "
            "database completes the registration without undue delay; no time is stated.",
            source=text,
            action="register the system in the EU database",
            party="the law enforcement authority using the system",
            deadline=None,
            fulfilled_by=EventKind.SYSTEM_REGISTERED,
        ),
    ]


def _post_duties(readings: Mapping[str, Reading]) -> list[Duty]:
    text = source(Verification.TEXT, _HIGH, _TEXT + "; " + _ART_113)
    performed = POST & PERFORMED
    initial = _initial_identification(readings)
    needs_authorisation: Predicate = POST & SUSPECT_SEARCH
    if initial is not None:
        needs_authorisation &= ~initial
    stop = _stop_deadline(readings)
    return [
        Duty(
            id="EU-POST-AUTHORISATION",
            when=needs_authorisation,
            citation=cite("26", "(10)"),
            paraphrase="In an investigation, the targeted search of a person suspected or "
            "convicted of a criminal offence asks for an authorisation of a judicial authority "
            "or an administrative authority whose decision is binding and subject to judicial "
            "review, ex ante, or without undue delay and no later than 48 hours; except for the "
            "initial identification of a potential suspect based on objective and verifiable "
            "facts directly linked to the offence.",
            source=text,
            action="ask a judicial or administrative authority to authorise the use",
            party="the law enforcement authority using the system",
            deadline=Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=48, unit=Unit.HOURS),
            fulfilled_by=EventKind.AUTHORIZATION_REQUESTED,
            authorities=_ART_26_AUTHORITIES,
        ),
        Duty(
            id="EU-POST-STOP-ON-REFUSAL",
            when=performed,
            citation=cite("26", "(10)"),
            paraphrase="If the authorisation requested is rejected, the use linked to it is "
            "stopped with immediate effect.",
            source=text,
            action="stop the use",
            party="the law enforcement authority using the system",
            deadline=stop,
            fulfilled_by=EventKind.USE_STOPPED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.AUTHORIZATION_REFUSED,
        ),
        Duty(
            id="EU-POST-DELETE-ON-REFUSAL",
            when=performed,
            citation=cite("26", "(10)"),
            paraphrase="If the authorisation requested is rejected, the personal data linked "
            "to the use are deleted; no time is stated.",
            source=text,
            action="delete the personal data linked to the use",
            party="the law enforcement authority using the system",
            deadline=None,
            fulfilled_by=EventKind.DATA_DELETED,
            outcomes=EVERY_REQUEST,
            arises_on=EventKind.AUTHORIZATION_REFUSED,
        ),
        Duty(
            id="EU-POST-DOCUMENT",
            when=POST,
            citation=cite("26", "(10)"),
            paraphrase="Regardless of the purpose or deployer, each use is documented in the "
            "relevant police file and made available to the market surveillance and data "
            "protection authorities on request.",
            source=text,
            action="document the use in the police file",
            party="the law enforcement authority using the system",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_DOCUMENTED,
            outcomes=EVERY_REQUEST,
        ),
        Duty(
            id="EU-POST-ANNUAL-REPORT",
            when=POST,
            citation=cite("26", "(10)"),
            paraphrase="Deployers submit annual reports on their use of post-remote biometric "
            "identification to the market surveillance and national data protection "
            "authorities, without sensitive operational data. No date is named.",
            source=text,
            action="count the use in the annual report to the market surveillance and data "
            "protection authorities",
            party="the law enforcement authority using the system",
            deadline=None,
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=EVERY_REQUEST,
        ),
        Duty(
            id="EU-POST-NOT-SOLE-BASIS",
            when=POST,
            citation=cite("26", "(10)"),
            paraphrase="No decision that produces an adverse legal effect on a person may be "
            "taken based solely on the output of the post-remote identification.",
            source=text,
            action="have other evidence before any decision with an adverse legal effect rests "
            "on the output",
            party="the law enforcement authority",
            deadline=Deadline(anchor=EventKind.RESULT_RELIED_ON),
            fulfilled_by=EventKind.RESULT_CORROBORATED,
            outcomes=EVERY_REQUEST,
        ),
    ]


# -- what the provisions say, restated from leaves (never from the rules above) ----------------

_REAL_TIME_STATED = leaf(
    "identified_as_captured",
    "the capture, comparison and identification happen without a significant delay, or the "
    "probe is live video",
    "r.real_time is True or r.probe.kind is MediaKind.LIVE_VIDEO",
)
_PUBLIC_STATED = leaf(
    "place_open_to_the_public",
    "the place is publicly accessible, or not said to be otherwise",
    "r.publicly_accessible is not False",
)
_MEMBER_STATE_STATED = member_state_agency("requesting") | member_state_agency("performing")
"""An agency of a member state asks for or runs the search: the general test of a home."""


def _invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    real_time = _REAL_TIME_STATED & _PUBLIC_STATED
    not_real_time = ~_REAL_TIME_STATED
    identifies = c.analysis_is(Analysis.IDENTIFICATION) | c.analysis_is(Analysis.TRACKING)
    enforcement = AnyOf(
        tuple(
            c.purpose_is(p) for p in sorted(Purpose, key=lambda p: p.value)
            if p not in _NOT_LAW_ENFORCEMENT
        )
    )  # fmt: skip
    # the objectives, as the text lists them
    victims = (
        c.purpose_is(Purpose.IDENTIFY_VICTIM)
        & AnyOf(tuple(c.offense_on(lst) for lst in VICTIM_LISTS))
    ) | c.purpose_is(Purpose.IDENTIFY_MISSING)
    threat = leaf(
        "imminent_threat_to_life",
        "an emergency of death or serious injury was declared before the use, and is immediate",
        "r.emergency is not None and r.emergency.declared_at <= at and r.emergency.immediate"
        " and (r.emergency.harm is Harm.DEATH"
        " or r.emergency.harm is Harm.SERIOUS_PHYSICAL_INJURY)",
    ) | c.purpose_is(Purpose.PREVENT_TERRORIST_ATTACK)
    four_years = leaf(
        "maximum_of_four_years_or_more",
        "the maximum sentence is life, or 48 months or more",
        "r.offense is not None and (r.offense.penalty.life or not"
        " (r.offense.penalty.max_term_months is None"
        " or r.offense.penalty.max_term_months < 48))",
    )
    suspect = (
        c.purpose_is(Purpose.CRIMINAL_INVESTIGATION)
        & c.REASONABLE_SUSPICION
        & AnyOf(tuple(c.offense_on(lst) for lst in ANNEX_II))
        & four_years
    )
    objectives = {
        OPT_IN_VICTIMS.id: victims,
        OPT_IN_THREATS.id: threat,
        OPT_IN_SUSPECTS.id: suspect,
    }
    allowed = [objectives[r.id] for r in _OPT_INS if readings[r.id].chosen == "national-law"]
    by_law: Predicate = not_real_time
    if allowed:
        by_law |= AnyOf(tuple(allowed))
    authorised = leaf(
        "authorisation_granted_in_time",
        "a judicial or independent administrative authority had granted the authorisation by "
        "the time of the use, and it had not lapsed",
        "r.authorization is not None and (r.authorization.authority is Authority.JUDICIAL"
        " or r.authorization.authority is Authority.INDEPENDENT_ADMINISTRATIVE)"
        " and r.authorization.granted is True and r.authorization.decided_at is not None"
        " and not at < r.authorization.decided_at"
        " and not (r.authorization.expires_at is not None and r.authorization.expires_at < at)",
    )
    urgency = leaf(
        "duly_justified_urgency",
        "an immediate emergency was declared before the use",
        "r.emergency is not None and r.emergency.immediate and r.emergency.declared_at <= at",
    )
    refused = leaf(
        "authorisation_rejected",
        "the authorisation was rejected before the use",
        "r.authorization is not None and r.authorization.granted is False"
        " and r.authorization.decided_at is not None and r.authorization.decided_at <= at",
    )
    assessed = leaf(
        "assessment_done",
        "the fundamental rights impact assessment was done before the use",
        "r.technology.impact_assessed_at is not None and not at < r.technology.impact_assessed_at",
    )
    registered = leaf(
        "registration_done",
        "the system was registered before the use",
        "r.technology.registered_at is not None and not at < r.technology.registered_at",
    )
    linked = (
        leaf("an_offence_is_named", "an offence is named", "r.offense is not None")
        | leaf(
            "an_emergency_is_declared",
            "an emergency was declared before the search",
            "r.emergency is not None and r.emergency.declared_at <= at",
        )
        | c.purpose_is(Purpose.IDENTIFY_MISSING)
        | c.purpose_is(Purpose.PREVENT_TERRORIST_ATTACK)
    )
    from_december_2027 = leaf(
        "on_or_after_2_december_2027",
        "the search is performed on or after 2 December 2027 (Brussels time)",
        "not at < FROM",
        FROM=_HIGH_RISK_FROM,
    )
    suspect_search: Predicate = c.purpose_is(Purpose.CRIMINAL_INVESTIGATION)
    if readings[INITIAL_IDENTIFICATION.id].chosen == "stated-facts":
        suspect_search &= ~leaf(
            "initial_identification_on_stated_facts",
            "the offence and the facts linking the person to it are stated",
            "r.offense is not None and r.factual_narrative is not None",
        )
    in_scope = frozenset({Outcome.PERMITTED, Outcome.NOT_PERMITTED, Outcome.FORBIDDEN})
    invariants = [
        Invariant(
            id="binds-member-state-police",
            statement="Every real-time remote identification in a publicly accessible space "
            "for law enforcement that a member state's agency asks for or runs is governed by "
            "Article 5.",
            holds=~(_MEMBER_STATE_STATED & identifies & enforcement & real_time),
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("5", "(1)(h)"),
        ),
        Invariant(
            id="real-time-only-for-an-objective",
            statement="A permitted real-time identification in a publicly accessible space is "
            "for the victims or missing persons of point (i), the threats of point (ii) or the "
            "suspects of point (iii).",
            holds=~real_time | victims | threat | suspect,
            citation=cite("5", "(1)(h)"),
        ),
        Invariant(
            id="real-time-only-where-national-law-allows",
            statement="A permitted real-time identification is for an objective the member "
            "state's law provides for (under the adopted readings, none: no real-time "
            "identification in a public place is permitted).",
            holds=by_law | ~_PUBLIC_STATED,
            citation=cite("5", "(5)"),
        ),
        Invariant(
            id="real-time-authorised-or-urgent",
            statement="A permitted real-time identification was authorised beforehand by a "
            "judicial or independent administrative authority, or started in urgency.",
            holds=~real_time | authorised | urgency,
            citation=cite("5", "(3)"),
        ),
        Invariant(
            id="real-time-not-after-a-refusal",
            statement="No real-time identification is permitted after its authorisation was "
            "rejected.",
            holds=~real_time | ~refused,
            citation=cite("5", "(3)"),
        ),
        Invariant(
            id="real-time-assessed-and-registered",
            statement="A permitted real-time identification follows the impact assessment, and "
            "the registration unless in urgency.",
            holds=~real_time | (assessed & (registered | urgency)),
            citation=cite("5", "(2)"),
        ),
        Invariant(
            id="every-real-time-use-notified",
            statement="Every real-time identification in a publicly accessible space is "
            "notified to the market surveillance and data protection authorities, counted in "
            "their annual report, and never the sole basis of an adverse decision.",
            when=real_time,
            obliges=("EU-NOTIFY", "EU-ANNUAL-REPORT", "EU-NOT-SOLE-BASIS"),
            outcomes=EVERY_REQUEST,
            citation=cite("5", "(4)"),
        ),
        Invariant(
            id="a-refused-use-stops-and-its-data-go",
            statement="A real-time identification that was run is stopped, and its data "
            "deleted, if its authorisation is rejected.",
            when=real_time & leaf("was_run", "the search was run", "r.performed_at is not None"),
            obliges=("EU-STOP-ON-REFUSAL", "EU-DELETE-ON-REFUSAL"),
            outcomes=EVERY_REQUEST,
            citation=cite("5", "(3)"),
        ),
        Invariant(
            id="post-never-untargeted",
            statement="A permitted post identification is linked to an offence, a proceeding, "
            "a threat, or a specific missing person.",
            holds=_REAL_TIME_STATED | linked,
            citation=cite("26", "(10)"),
        ),
        Invariant(
            id="post-from-december-2027",
            statement="Article 26(10) governs no post identification before 2 December 2027.",
            holds=_REAL_TIME_STATED | from_december_2027,
            outcomes=in_scope,
            citation=cite("26", "(10)"),
        ),
        Invariant(
            id="post-suspect-search-authorised",
            statement="A permitted targeted post search for a suspect asks for an authorisation "
            "within 48 hours, unless it is an initial identification (as read).",
            when=not_real_time & suspect_search,
            obliges=("EU-POST-AUTHORISATION",),
            citation=cite("26", "(10)"),
        ),
        Invariant(
            id="every-post-use-documented",
            statement="Every post identification is documented in the police file, whatever "
            "its purpose.",
            when=not_real_time,
            obliges=("EU-POST-DOCUMENT",),
            outcomes=EVERY_REQUEST,
            citation=cite("26", "(10)"),
        ),
    ]
    if allowed:
        invariants.append(
            Invariant(
                id="urgent-start-asks-within-24-hours",
                statement="A real-time identification started in urgency without an "
                "authorisation asks for it within 24 hours.",
                when=real_time & urgency & ~authorised,
                obliges=("EU-URGENT-AUTHORISATION",),
                citation=cite("5", "(3)"),
            )
        )
    return tuple(invariants)


# -- provisions kept as prose ------------------------------------------------------------------


def _provisions() -> tuple[Provision, ...]:
    text = source(Verification.TEXT, _HIGH, _TEXT)
    return (
        Provision(
            id="EU-DEF",
            citation=cite("3"),
            text="'Biometric identification' recognises human features to establish a person's "
            "identity by comparing their biometric data with a database (3(35)); verification, "
            "one-to-one, is not identification (3(36)). A 'remote biometric identification "
            "system' identifies people without their active involvement, typically at a "
            "distance (3(41)); it is 'real-time' when capture, comparison and identification "
            "happen without a significant delay, short delays included (3(42)), and 'post' "
            "otherwise (3(43)). A 'publicly accessible space' is any publicly or privately owned "
            "physical place accessible to an undetermined number of people, whatever the "
            "conditions of access (3(44)). 'Law enforcement' is the prevention, investigation, "
            "detection or prosecution of criminal offences, the execution of criminal "
            "penalties and safeguarding public security (3(45), (46)).",
            source=text,
        ),
        Provision(
            id="EU-TARGETED-INDIVIDUAL",
            citation=cite("5", "(2)"),
            text="A real-time use is deployed only to confirm the identity of the specifically "
            "targeted individual, weighing the seriousness, probability and scale of the harm "
            "if it is not used against its consequences for everyone's rights, with the "
            "temporal, geographic and personal limits of the national law. The request states "
            "no target beyond its purpose: encoded only as the objectives, each of which names "
            "whom the use is for.",
            source=text,
        ),
        Provision(
            id="EU-STRICTLY-NECESSARY",
            citation=cite("5", "(3)"),
            text="The authority grants the authorisation only where it is satisfied, on "
            "objective evidence or clear indications, that the use is necessary and "
            "proportionate to the objective identified in the request, limited to what is "
            "strictly necessary in time, place and persons. That judgment is the authority's: "
            "a grant is read as having made it.",
            source=text,
        ),
        Provision(
            id="EU-EXECUTING-A-PENALTY",
            citation=cite("5", "(1)(h)(iii)"),
            text="Point (iii) also allows locating a convicted person to execute a criminal "
            "penalty for an Annex II offence; a request's purpose cannot say so, so only the "
            "investigation of a suspect is encoded.",
            source=text,
        ),
        Provision(
            id="EU-SUBSTANTIAL-THREAT",
            citation=cite("5", "(1)(h)(ii)"),
            text="'A specific, substantial and imminent threat to the life or physical safety "
            "of natural persons' is read as an immediate emergency that threatens death or "
            "serious physical injury; a threat of lesser harm to a person is not taken as "
            "substantial. The text does not grade harm; the choice matters only where a "
            "member state's law provides for point (ii).",
            source=source(Verification.TEXT, _MED, _TEXT + "; an interpretation"),
        ),
        Provision(
            id="EU-URGENCY",
            citation=cite("5", "(3)"),
            text="'A duly justified situation of urgency' is read as an emergency declared at "
            "or before the use that demands action before an authorisation could be had "
            "(Recital 35: where it is effectively and objectively impossible to obtain one "
            "first).",
            source=source(
                Verification.TEXT,
                _MED,
                _TEXT + "; Recital 35 (ai-act-law.eu); an interpretation",
            ),
        ),
        Provision(
            id="EU-ASSESSMENT-BEFORE-ARTICLE-27",
            citation=cite("5", "(2)"),
            text="Article 5(2) asks for the fundamental rights impact assessment 'as provided "
            "for in Article 27' and the registration 'according to Article 49' from 2 February "
            "2025, before those articles themselves apply (Article 49 from 2 August 2026, "
            "Article 27 for Annex III systems from 2 December 2027): read as conditions of "
            "Article 5 itself, in force with it. The question matters only where a member "
            "state's law provides for an exception.",
            source=source(Verification.TEXT, _MED, _TEXT + "; " + _ART_113 + "; an interpretation"),
        ),
        Provision(
            id="EU-NATIONAL-RULES",
            citation=cite("5", "(5)"),
            text="A member state that provides for the exceptions lays down the detailed rules "
            "for requesting, issuing and exercising the authorisations, and for supervising "
            "and reporting them, and notifies them to the Commission at the latest 30 days "
            "after adopting them. Member states may adopt more restrictive laws on remote "
            "biometric identification. Encoded as the readings of each objective's opt-in.",
            source=text,
        ),
        Provision(
            id="EU-AUTHORITY-OF-THE-STATE",
            citation=cite("5", "(3)"),
            text="The authorisation is granted by an authority of the member state in which "
            "the use takes place, on a reasoned request, under its national rules; the request "
            "does not say which state's authority decided, so any judicial or independent "
            "administrative authority is read as that state's.",
            source=text,
        ),
        Provision(
            id="EU-COMMISSION-REPORT",
            citation=cite("5", "(7)"),
            text="The Commission publishes annual reports on real-time uses, aggregated from "
            "the national reports, without sensitive operational data.",
            source=text,
        ),
        Provision(
            id="EU-OTHER-UNION-LAW",
            citation=cite("5", "(8)"),
            text="Article 5 does not affect prohibitions under other Union law; the processing "
            "of biometric data for purposes other than law enforcement stays under Article 9 of "
            "Regulation (EU) 2016/679 (5(1)(h), second subparagraph), and Article 26(10) is "
            "without prejudice to Directive (EU) 2016/680: a use the Regulation allows still "
            "needs a basis in national law.",
            source=text,
        ),
        Provision(
            id="EU-POST-STRICTLY-NECESSARY",
            citation=cite("26", "(10)"),
            text="Each post use is limited to what is strictly necessary for the investigation "
            "of a specific criminal offence; member states may adopt more restrictive laws on "
            "post-remote identification.",
            source=source(Verification.TEXT, _HIGH, _TEXT + "; " + _ART_113),
        ),
        Provision(
            id="EU-APPLICATION-DATES",
            citation=cite("113"),
            text="Article 5 applies from 2 February 2025 (113, third paragraph, point (a)). "
            "Article 26 applies to the high-risk systems of Annex III, among them remote "
            "biometric identification systems, from 2 December 2027: Regulation (EU) 2026/1744 "
            "moved the date from 2 August 2026. A post identification before 2 December 2027 is "
            "outside this encoding.",
            source=source(Verification.TEXT, _MED, _ART_113),
        ),
        Provision(
            id="EU-UNION-BODIES",
            text="The Union's own institutions and agencies (Europol, Frontex) are bound too, "
            "with the European Data Protection Supervisor as their authority (3(48)); their "
            "uses are not encoded: an agency whose home is ``EU`` is outside this version.",
            source=source(Verification.TEXT, _MED, _TEXT + "; the encoding's limit"),
        ),
        Provision(
            id="EU-TIME-ZONE",
            text="Times are taken in Central European Time (Europe/Brussels) for every member "
            "state, including those in other zones (Portugal and Ireland an hour behind; "
            "Finland, the Baltic states, Romania, Bulgaria, Greece and Cyprus an hour ahead). "
            "The 24- and 48-hour deadlines are counted in elapsed hours and do not depend on "
            "it.",
            source=source(Verification.UNVERIFIED, _MED, "the encoding's choice"),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="EU",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=_scope(),
            rules=(*_real_time_rules(readings), *_post_rules()),
            duties=(*_real_time_duties(readings), *_post_duties(readings)),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        offense_lists=OFFENSE_LISTS,
        invariants=_invariants(readings),
        provisions=_provisions(),
        aliases=("AI Act", "EU AI Act", "Artificial Intelligence Act"),
        summary="Real-time remote identification in publicly accessible spaces for law "
        "enforcement is prohibited, save for victims and missing persons, imminent threats "
        "and suspects of Annex II offences, and only where a member state's law provides for "
        "it (read as none), with an impact assessment, registration and each use authorised "
        "(in urgency within 24 hours), notified and reported. From 2 December 2027, post "
        "identification is never untargeted, and a suspect search asks for authorisation "
        "within 48 hours.",
    )


AI_ACT = Version.from_builder(_make)
"""Regulation (EU) 2024/1689, Articles 5 and 26(10), under the readings adopted: no member
state's law provides for the exceptions."""
