"""Detroit Police Department Manual Directive 307.5, "Facial Recognition" (2019).

A police department's own policy, not a statute: approved by the Board of Police
Commissioners on 19 September 2019, it binds the Department's members. Read: 307.5-1 (the
purpose) and the definitions of 307.5-2 in the revised directive transmitted to the Board
on 12 September 2019 (a copy on scribd.com, document 425720330); 307.5-3.1 to 3.6, 307.5-4
and the heading of 307.5-5.1 in the Department's 2022 manual (a copy on knowt.com); all
verification ``text``. Not read: the rest of 307.5-5 (the examiners' procedure, peer review,
the reports to the Board), kept as prose from the provisions catalog and the news.

What it asks, in short: facial recognition is used only on reasonable suspicion that it
will give information relevant to an active or ongoing investigation of a Part 1 violent
crime (homicide, rape, robbery, aggravated assault) or of a home invasion, and only on still
images; a match is an investigative lead, and the investigation goes on. Members may not use
it to surveil the public through any camera, on live or recorded video of any origin, on a
mobile device, for predictive analysis, to assess immigration status, or on the basis of a
person's views, lawful associations or protected characteristics alone; a search on that
last basis is reported within 24 hours to the Board of Police Commissioners, the Mayor and
the City Council's President and President Pro Tem. A violation is major misconduct.

Who is bound: the Detroit Police Department (a local police department whose home is
``US-MI-DET``), when it asks for a search or runs one: "will not perform or request" (3.5).
A search it asks another agency to run (the Michigan State Police, in Mr. Williams's case) is
governed; one another agency runs for itself is not.

Two questions the text leaves open are named readings (:data:`READINGS`). This module also
gives the rules the settlement of 2024 keeps
(:mod:`~frpolicy.jurisdictions.us_mi_det.williams_2024`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from frpolicy import conditions as c
from frpolicy.jurisdictions import Invariant, Version, choose_readings
from frpolicy.jurisdictions.us_mi_det.common import (
    CALENDAR,
    DIRECTIVE_ID,
    DPD_ASKS,
    DPD_SEARCHES,
    cite,
    source,
)
from frpolicy.jurisdictions.us_mi_det.offenses import (
    FIRST_DEGREE_HOME_INVASION,
    HOME_INVASION,
    OFFENSE_LISTS,
    OFFENSES,
    PART_1_VIOLENT_CRIME,
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
from frpolicy.model import AgencyKind, Analysis, EventKind, MediaKind, ProtectedGround, Purpose
from frpolicy.policy import Deadline, Duty, Effect, Outcome, Policy, Rule, Unit
from frpolicy.predicates import Any as AnyOf
from frpolicy.predicates import Predicate, leaf

__all__ = [
    "DIRECTIVE",
    "HOME_INVASION_DEGREE",
    "INSTRUMENT",
    "READINGS",
    "VIDEO_FRAME",
    "directive_duties",
    "directive_invariants",
    "directive_provisions",
    "directive_rules",
]

INSTRUMENT = Instrument(
    id=DIRECTIVE_ID,
    title="Detroit Police Department Manual Directive 307.5, Facial Recognition, as approved "
    "by the Board of Police Commissioners on 19 September 2019 (revised under the Williams "
    "settlement on 28 June 2024)",
    kind=InstrumentKind.POLICY,
    status=InstrumentStatus.IN_FORCE,
    effective_from=date(2019, 9, 19),
    effective_until=date(2024, 6, 28),
    url="https://www.scribd.com/document/425720330",
)

_HIGH, _MED, _LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_TRANSMITTAL = "DPD Manual Directive 307.5 as transmitted to the Board, 12 September 2019 (scribd)"
_MANUAL = "DPD Manual Directive 307.5 in the Department's 2022 manual (knowt.com copy)"

# -- readings ----------------------------------------------------------------------------------

VIDEO_FRAME = Reading(
    id="det-video-frame",
    question="Is a still frame taken from a video a 'still image' the Directive allows (5.1), "
    "or a use 'on recorded videos' it forbids (3.2)?",
    choices=(
        Choice(
            id="a-still",
            text="A still: 3.2 forbids running the system on video, not on an image taken "
            "from it (Mr. Williams's search ran on a still from a store's camera).",
        ),
        Choice(
            id="video",
            text="Video: the prohibition 'applies to all videos, whatever their source', so an "
            "image taken from one is a use on recorded video.",
        ),
    ),
    source=source(Verification.TEXT, _MED, _MANUAL + "; 3.2 and 5.1; an interpretation"),
    citation=cite("3.2"),
)
HOME_INVASION_DEGREE = Reading(
    id="det-home-invasion",
    question="Is a 'Home Invasion investigation' (307.5-1) one of any degree, or of the first "
    "degree only (an armed intruder, or someone present)?",
    choices=(
        Choice(
            id="any-degree",
            text="Any degree: the Directive says 'Home Invasion', and Michigan's crime has "
            "three degrees (MCL 750.110a).",
        ),
        Choice(
            id="first-degree",
            text="The first degree only, as the Department described its practice to the Board "
            "and BridgeDetroit reported it ('where the intruder is believed to have a weapon').",
        ),
    ),
    source=source(Verification.TEXT, _MED, _TRANSMITTAL + "; the news for the first degree"),
    citation=cite("1"),
)
READINGS = (VIDEO_FRAME, HOME_INVASION_DEGREE)
"""The readings this version rests on; the first choice of each is the one adopted."""

# -- what a search is, and why -----------------------------------------------------------------

_INVESTIGATING = frozenset(
    {Purpose.CRIMINAL_INVESTIGATION, Purpose.IDENTIFY_VICTIM, Purpose.IDENTIFY_WITNESS}
)
"""Purposes of an investigation: identifying a suspect, a victim or a witness of the crime."""
INVESTIGATING = c.purpose_in(_INVESTIGATING)
PART_1 = c.offense_on(PART_1_VIOLENT_CRIME)
PLAIN_ANALYSIS = c.IDENTIFY_OR_VERIFY


def _home_invasion(readings: Mapping[str, Reading]) -> Predicate:
    if readings[HOME_INVASION_DEGREE.id].chosen == "any-degree":
        return c.offense_on(HOME_INVASION)
    return c.offense_on(FIRST_DEGREE_HOME_INVASION)


def _stills(readings: Mapping[str, Reading]) -> frozenset[MediaKind]:
    if readings[VIDEO_FRAME.id].chosen == "a-still":
        return frozenset({MediaKind.STILL_IMAGE, MediaKind.VIDEO_FRAME})
    return frozenset({MediaKind.STILL_IMAGE})


def _still(readings: Mapping[str, Reading]) -> Predicate:
    kinds = _stills(readings)
    return leaf(
        "still_image" if len(kinds) == 1 else "still_image_or_frame",
        "the probe is a still image"
        + ("" if len(kinds) == 1 else ", or a still frame taken from a video"),
        "r.probe.kind in STILLS and not r.real_time",
        STILLS=kinds,
    )


def _video(readings: Mapping[str, Reading]) -> Predicate:
    kinds = frozenset(MediaKind) - _stills(readings)  # live and recorded video, and as read
    return leaf(
        "on_video" if MediaKind.VIDEO_FRAME not in kinds else "on_video_or_a_frame",
        "the search runs on a live stream or on recorded video"
        + (", a frame taken from one included" if MediaKind.VIDEO_FRAME in kinds else "")
        + ", or identifies people as they are filmed",
        "r.probe.kind in VIDEO or r.real_time",
        VIDEO=kinds,
    )


SURVEILLANCE = c.ONGOING_SURVEILLANCE | c.PERSISTENT_TRACKING
MOBILE = leaf(
    "mobile",
    "the search is run from a mobile device in the field (mobile facial recognition)",
    "r.mobile",
)
PREDICTIVE = c.purpose_is(Purpose.PREDICTIVE_ANALYSIS)
IMMIGRATION_STATUS = c.purpose_is(Purpose.IMMIGRATION_ENFORCEMENT)
PROTECTED_GROUNDS = c.BASED_ON_PROTECTED_GROUND

# -- the rules ---------------------------------------------------------------------------------


def directive_rules(readings: Mapping[str, Reading]) -> tuple[Rule, ...]:
    """The Directive's rules, under the readings (the settlement keeps them)."""
    text = source(Verification.TEXT, _HIGH, _MANUAL)
    return (
        # 307.5-1 Only on reasonable suspicion, for a Part 1 violent crime or a home invasion.
        Rule(
            id="DET-VIOLENT-CRIME-OR-HOME-INVASION",
            effect=Effect.PERMIT,
            when=c.REASONABLE_SUSPICION
            & INVESTIGATING
            & (PART_1 | _home_invasion(readings))
            & _still(readings)
            & PLAIN_ANALYSIS,
            citation=cite("1"),
            paraphrase="Facial recognition is used only when there is reasonable suspicion that "
            "it will provide information relevant to an active or ongoing investigation of a "
            "Part 1 violent crime or a home invasion, on a still image (5.1), to identify a "
            "person; a match is an investigative lead, and the investigation goes on.",
            source=source(Verification.TEXT, _HIGH, _TRANSMITTAL + "; " + _MANUAL + " (5.1)"),
        ),
        # 307.5-3.1 No surveillance of the public.
        Rule(
            id="DET-NO-SURVEILLANCE",
            effect=Effect.FORBID,
            when=SURVEILLANCE,
            citation=cite("3.1"),
            paraphrase="Members shall not use facial recognition to surveil the public through "
            "any camera or video device.",
            source=text,
        ),
        # 307.5-3.2 No live stream or recorded video, whatever its source.
        Rule(
            id="DET-NO-VIDEO",
            effect=Effect.FORBID,
            when=_video(readings),
            citation=cite("3.2"),
            paraphrase="Members shall not use facial recognition on live stream or on recorded "
            "videos, whether they come from the Department, from private citizens or from any "
            "other source.",
            source=text,
        ),
        # 307.5-3.3 No mobile facial recognition.
        Rule(
            id="DET-NO-MOBILE",
            effect=Effect.FORBID,
            when=MOBILE,
            citation=cite("3.3"),
            paraphrase="Members shall not use mobile facial recognition.",
            source=text,
        ),
        # 307.5-3.4 No predictive analysis.
        Rule(
            id="DET-NO-PREDICTIVE-ANALYSIS",
            effect=Effect.FORBID,
            when=PREDICTIVE,
            citation=cite("3.4"),
            paraphrase="Members shall not use facial recognition for predictive analysis.",
            source=text,
        ),
        # 307.5-3.5 Not on views, lawful associations or protected characteristics alone.
        Rule(
            id="DET-FIRST-AMENDMENT",
            effect=Effect.FORBID,
            when=PROTECTED_GROUNDS,
            citation=cite("3.5"),
            paraphrase="The Department will not perform or request a search about people or "
            "organizations based solely on their religious, political or social views or "
            "activities, their participation in a noncriminal organization or lawful event, "
            "or their race, ethnicity, citizenship, place of origin, age, disability, gender, "
            "gender identity, sexual orientation or other classification protected by law.",
            source=text,
        ),
        # 307.5-3.6 Never to assess immigration status.
        Rule(
            id="DET-NO-IMMIGRATION-ENFORCEMENT",
            effect=Effect.FORBID,
            when=IMMIGRATION_STATUS,
            citation=cite("3.6"),
            paraphrase="Members are strictly prohibited from using facial recognition to assess "
            "immigration status.",
            source=text,
        ),
    )


def directive_duties() -> tuple[Duty, ...]:
    """The Directive's duties (the settlement keeps them)."""
    return (
        # 307.5-4 A search contrary to 3.5 is reported within 24 hours.
        Duty(
            id="DET-FIRST-AMENDMENT-REPORT",
            when=PROTECTED_GROUNDS,
            citation=cite("4"),
            paraphrase="If facial recognition is used contrary to 307.5-3.5, the Department "
            "notifies the Board of Police Commissioners, the Mayor of Detroit, the City Council "
            "President and the City Council President Pro Tem within 24 hours of the violation. "
            "Any violation of the Directive is major misconduct.",
            source=source(Verification.TEXT, _HIGH, _MANUAL),
            action="notify the Board of Police Commissioners, the Mayor, and the City Council's "
            "President and President Pro Tem of the violation",
            party="the Detroit Police Department",
            deadline=Deadline(anchor=EventKind.SEARCH_PERFORMED, amount=24, unit=Unit.HOURS),
            fulfilled_by=EventKind.SEARCH_REPORTED,
            outcomes=frozenset({Outcome.FORBIDDEN}),
        ),
    )


# -- what the provisions say, restated from leaves (never from the rules above) ----------------


def directive_invariants(readings: Mapping[str, Reading]) -> tuple[Invariant, ...]:
    """What the Directive says of every decision, restated from leaves."""
    local = AgencyKind.LOCAL_POLICE
    detroit_police = (c.requested_by(local) & c.requested_by_agency_of("US-MI-DET", "Detroit")) | (
        c.performed_by(local) & c.performed_by_agency_of("US-MI-DET", "Detroit")
    )
    violent = leaf(
        "part_1_listed",
        "the offense is on the list of Part 1 violent crimes",
        "r.offense is not None and PART_1 in r.offense.listed_in",
        PART_1=PART_1_VIOLENT_CRIME.id,
    )
    listed = (
        HOME_INVASION
        if readings[HOME_INVASION_DEGREE.id].chosen == "any-degree"
        else FIRST_DEGREE_HOME_INVASION
    )
    burglary = leaf(
        "home_invasion_listed",
        f"the offense is {listed.title}",
        "r.offense is not None and LIST in r.offense.listed_in",
        LIST=listed.id,
    )
    suspicion = leaf(
        "suspicion_stated",
        "reasonable suspicion or probable cause is stated",
        "r.suspicion is not Suspicion.NONE",
    )
    frames = MediaKind.VIDEO_FRAME in _stills(readings)
    investigation = AnyOf(
        tuple(c.purpose_is(p) for p in sorted(_INVESTIGATING, key=lambda p: p.value))
    )
    still = investigation & leaf(
        "still_probe",
        "the probe is not video and the search is not live",
        "not r.real_time and (r.probe.kind is MediaKind.STILL_IMAGE"
        + (" or r.probe.kind is MediaKind.VIDEO_FRAME)" if frames else ")"),
    )
    prohibited = (
        c.ONGOING_SURVEILLANCE
        | c.analysis_is(Analysis.TRACKING)
        | c.purpose_is(Purpose.PREDICTIVE_ANALYSIS)
        | MOBILE
        | c.purpose_is(Purpose.IMMIGRATION_ENFORCEMENT)
        | AnyOf(tuple(c.based_on(g) for g in ProtectedGround))
    )
    return (
        Invariant(
            id="binds-the-detroit-police",
            statement="Every search the Detroit Police Department asks for or runs is governed "
            "by the Directive; no other agency's is.",
            holds=~detroit_police,
            outcomes=frozenset({Outcome.NOT_APPLICABLE}),
            citation=cite("1"),
        ),
        Invariant(
            id="violent-crime-or-home-invasion-on-suspicion",
            statement="A permitted search rests on reasonable suspicion in an investigation of "
            "a Part 1 violent crime or a home invasion (of the degree read).",
            holds=suspicion & (violent | burglary),
            citation=cite("1"),
        ),
        Invariant(
            id="still-images-only",
            statement="A permitted search runs on a still image (or, read so, a frame from a "
            "video), in an investigation, never live.",
            holds=still,
            citation=cite("5.1"),
        ),
        Invariant(
            id="no-prohibited-use",
            statement="No permitted search surveils the public, runs on a mobile device, "
            "predicts, assesses immigration status or rests on protected grounds.",
            holds=~prohibited,
            citation=cite("3"),
        ),
        Invariant(
            id="first-amendment-violations-reported",
            statement="A search on protected grounds is reported to the Board, the Mayor and the "
            "Council's officers.",
            when=AnyOf(tuple(c.based_on(g) for g in ProtectedGround)),
            obliges=("DET-FIRST-AMENDMENT-REPORT",),
            outcomes=frozenset({Outcome.FORBIDDEN}),
            citation=cite("4"),
        ),
    )


# -- provisions kept as prose ------------------------------------------------------------------


def directive_provisions() -> tuple[Provision, ...]:
    """The Directive's provisions kept as prose (the settlement keeps them)."""
    text = source(Verification.TEXT, _HIGH, _TRANSMITTAL)
    return (
        Provision(
            id="DET-LEAD",
            citation=cite("1"),
            text="A match found through the Department's facial recognition process is an "
            "investigative lead; the requesting investigator continues a thorough and "
            "comprehensive investigation. What the investigation must add is the settlement's "
            "(from 2024): encoded there as duties.",
            source=text,
        ),
        Provision(
            id="DET-DEF",
            citation=cite("2"),
            text="Biometric data are data derived from intrinsic physical or behavioural traits "
            "(fingerprints, palm prints, iris scans, facial recognition data). DataWorksPlus is "
            "the facial recognition software the Department contracts for. An examiner has "
            "advanced training in the system, a working knowledge of its limits and of image "
            "editing, and judges whether an image is fit for a search.",
            source=text,
        ),
        Provision(
            id="DET-EXAMINERS",
            citation=cite("5"),
            text="Not read: the procedure of 307.5-5 beyond its first heading. The provisions "
            "catalog recalls that trained examiners run the searches and a second examiner "
            "reviews each, and that the Department reports its use to the Board (weekly, by "
            "the Board's page); neither is encoded.",
            source=source(Verification.UNVERIFIED, _LOW, "provisions catalog DET-EXAMINER"),
        ),
        Provision(
            id="DET-DISCIPLINE",
            citation=cite("4"),
            text="Any violation of the Directive is major misconduct; misuse of the software is "
            "investigated and reviewed for criminality; the remedy named is dismissal from the "
            "Department.",
            source=source(Verification.TEXT, _HIGH, _MANUAL),
        ),
        Provision(
            id="DET-SOLELY",
            citation=cite("3.5"),
            text="3.5 forbids a search based 'solely' on protected grounds. A request names the "
            "grounds the person was chosen for (SearchRequest.protected_grounds); naming any is "
            "read as the search resting on them.",
            source=source(Verification.TEXT, _MED, _MANUAL + "; an interpretation"),
        ),
        Provision(
            id="DET-NOT-A-STATUTE",
            text="The Directive is the Department's own policy: it binds its members, and its "
            "breach is misconduct, not a crime or a ground to suppress evidence. Michigan has "
            "no statute on police facial recognition encoded here.",
            source=source(Verification.SUMMARY, _MED, "provisions catalog §11"),
        ),
    )


def _make(choices: Mapping[str, str]) -> Version:
    readings = choose_readings(READINGS, choices)
    return Version(
        policy=Policy(
            jurisdiction="US-MI-DET",
            instrument=INSTRUMENT,
            calendar=CALENDAR,
            scope=DPD_ASKS | DPD_SEARCHES,
            rules=directive_rules(readings),
            duties=directive_duties(),
            readings=tuple(readings.values()),
        ),
        offenses=OFFENSES,
        offense_lists=OFFENSE_LISTS,
        invariants=directive_invariants(readings),
        provisions=directive_provisions(),
        aliases=("Directive 307.5", "DPD 307.5 (2019)"),
        summary="The Detroit Police Department's own policy: facial recognition only on "
        "reasonable suspicion in an investigation of a Part 1 violent crime or a home invasion, "
        "on still images; never on live or recorded video, on a mobile device, to surveil, to "
        "predict, to assess immigration status or on protected grounds alone, which is "
        "reported within 24 hours.",
    )


DIRECTIVE = Version.from_builder(_make)
"""Directive 307.5 as approved in 2019, until the settlement of 28 June 2024, under the
readings adopted."""
