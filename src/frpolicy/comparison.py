"""One request, judged side by side under the law of several places.

A policy analyst asks: if this search were run in Massachusetts, in Maryland, in
Washington, what would each law say? :func:`compare` judges one
:class:`~frpolicy.model.SearchRequest` under every registered jurisdiction (or those
named), each under its law in force on one day, and returns a :class:`SideBySide`: per
jurisdiction a :class:`Judgment` holding the decision, with the provisions that determined
it and what it obliges.

Each law reads the request's agencies where they belong (``Agency.home``): a Portland,
Maine department's request is outside Massachusetts', Maryland's and Washington's law. An
agency that states no home is taken as the place's own: its "State Police" is the State
Police of each place in turn. How the offense is classed is each place's own law, computed
from its penalty: a classification the request gives that a place does not is noted
(``Judgment.notes``), and the request judged all the same. What a law reads only of its own
place (an offense on one of Maryland's lists, ``Offense.listed_in``) the request states for
each place that asks.

>>> import frpolicy
>>> from frpolicy import examples
>>> request = frpolicy.from_json(examples.read("request.json"), frpolicy.SearchRequest)
>>> side = compare(request, ["US-MD", "US-WA"])
>>> [(j.jurisdiction, j.outcome.name) for j in side.judgments]
[('US-MD', 'PERMITTED'), ('US-WA', 'PERMITTED')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

import attrs

from frpolicy._text import printable
from frpolicy.jurisdictions import Jurisdiction, Version, jurisdiction, jurisdictions
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
    Confinement,
    CourtKind,
    CourtOrder,
    Database,
    Emergency,
    Harm,
    ImageSource,
    MediaKind,
    Offense,
    OffenseCategory,
    Penalty,
    ProbeImage,
    ProtectedGround,
    Purpose,
    SearchRequest,
    Suspicion,
    Technology,
    Warrant,
)
from frpolicy.policy import NO_LAW, Decision, Outcome, Reason
from frpolicy.predicates import evaluation_time

__all__ = ["Judgment", "Scenario", "SideBySide", "compare", "scenarios"]


@attrs.frozen(kw_only=True)
class Judgment:
    """What one jurisdiction's law says of a request, or why it could not say.

    ``decision`` is ``None`` when the request is inconsistent with the place's law (it names a
    list of the place's law the law does not draw, say), or when a version asked for by name
    does not exist; ``problems`` then says why, a line each. On a day no encoded law of the
    place was in force, the decision is ``NOT_APPLICABLE`` and says so. ``notes`` are what
    the law reads otherwise than the request states, judged all the same (a classification
    the place does not give the offense's penalty).
    """

    jurisdiction: str
    name: str
    version: str | None = None
    decision: Decision | None = None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def outcome(self) -> Outcome | None:
        """The outcome, if the law could judge the request."""
        return self.decision.outcome if self.decision is not None else None

    @property
    def determining(self) -> tuple[Reason, ...]:
        """The reasons that determined the outcome (none without a decision)."""
        return self.decision.determining if self.decision is not None else ()

    def summary(self) -> list[str]:
        """The judgment in a few lines: outcome, the provisions that decided, what it obliges."""
        head = f"{self.jurisdiction}  {self.name}"
        if self.decision is None:
            return [f"{head}: not judged", *(f"  - {p}" for p in self.problems)]
        decision = self.decision
        lines = [f"{head}, {self.version}: {decision.outcome.name}"]
        if decision.outcome is Outcome.NOT_APPLICABLE:
            lines.extend(f"  outside its scope: {c}" for c in decision.scope)
        elif decision.outcome is Outcome.NOT_PERMITTED:
            lines.append("  nothing authorizes it; it could have rested on:")
            lines.extend(f"    {r.citation} [{r.rule}]" for r in decision.determining)
        else:
            word = "permitted" if decision.permitted else "forbidden"
            lines.extend(f"  {word} by {r.citation} [{r.rule}]" for r in decision.determining)
        lines.extend(f"  obliges: {o.action} ({o.citation})" for o in decision.obligations)
        lines.extend(f"  rests on the reading {r.id}={r.chosen}" for r in decision.readings)
        lines.extend(f"  note: {n}" for n in self.notes)
        return lines


@attrs.frozen(kw_only=True)
class SideBySide:
    """A request judged under several jurisdictions' law in force on one day."""

    request_id: str
    on: datetime | date
    judgments: tuple[Judgment, ...]

    def judgment(self, code: str) -> Judgment:
        """The judgment of the jurisdiction with this code.

        Raises:
            LookupError: the comparison did not judge under that jurisdiction.
        """
        for found in self.judgments:
            if found.jurisdiction == code:
                return found
        known = ", ".join(j.jurisdiction for j in self.judgments)
        msg = f"no judgment under {code!r}; judged under: {known}"
        raise LookupError(msg)

    def explain(self) -> str:
        """The comparison as text: a table of the outcomes, then each place's memo in full.

        The table gives a line per jurisdiction (its code, the version applied, the outcome
        and the provisions that decided it) and a count of the outcomes, so that a dozen
        places read at a glance; each memo follows under a ``-- CODE Name --`` line, after
        what the law noted of the request or why it could not judge it.
        """
        day = self.on.date() if isinstance(self.on, datetime) else self.on
        count = len(self.judgments)
        places = "jurisdiction" if count == 1 else "jurisdictions"
        heading = f"Request {self.request_id} under the law of {count} {places} in force on"
        # each line is made printable on its own: a line break in a field of the input (the
        # request's id, a problem quoting it) forges no line; a memo escapes its own fields
        lines = [printable(f"{heading} {day.isoformat()}."), "", *_table(self.judgments), ""]
        lines.extend([_tally(self.judgments), ""])
        for found in self.judgments:
            lines.extend([printable(f"-- {found.jurisdiction} {found.name} --"), ""])
            if found.decision is None:
                lines.append(printable(f"Not judged under {found.version or 'any version'}:"))
                lines.extend([*(printable(f"  - {p}") for p in found.problems), ""])
                continue
            if found.notes:
                lines.extend([*(printable(f"Note: {n}") for n in found.notes), ""])
            lines.extend([found.decision.explain(), ""])
        return "\n".join(lines).rstrip() + "\n"


_HEADER = ("Place", "Law applied", "Outcome", "Decided by")


def _decided_by(found: Judgment) -> str:
    """The provisions that decided, in a few words: the sections, or why none did."""
    decision = found.decision
    if decision is None:
        return "could not judge the request (below)"
    if decision.outcome is Outcome.NOT_APPLICABLE:
        return "no encoded law in force" if decision.instrument == NO_LAW else "outside its scope"
    if decision.outcome is Outcome.NOT_PERMITTED:
        return "nothing authorizes it"
    cited = dict.fromkeys(
        f"{r.citation.section}{r.citation.subsection or ''}" for r in decision.determining
    )
    return "; ".join(cited)


def _table(judgments: Iterable[Judgment]) -> list[str]:
    """A line per jurisdiction, in columns as wide as their widest cell."""
    rows = [_HEADER] + [
        tuple(
            map(
                printable,
                (
                    j.jurisdiction,
                    j.version or "—",
                    j.outcome.name.replace("_", " ") if j.outcome is not None else "NOT JUDGED",
                    _decided_by(j),
                ),
            )
        )
        for j in judgments
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER) - 1)]
    return [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]


def _tally(judgments: Iterable[Judgment]) -> str:
    """How many laws gave each outcome, in the order of the outcomes; none named if none."""
    counts = Counter(j.outcome for j in judgments)
    words = [f"{counts[o]} {o.name.lower().replace('_', ' ')}" for o in Outcome if counts[o]]
    if counts[None]:
        words.append(f"{counts[None]} not judged")
    return f"Outcomes: {', '.join(words)}."


def _resolve(places: Iterable[Jurisdiction | str] | None) -> tuple[Jurisdiction, ...]:
    if places is None:
        return jurisdictions()
    return tuple(jurisdiction(p) if isinstance(p, str) else p for p in places)


def _judge(
    place: Jurisdiction,
    request: SearchRequest,
    on: datetime | date,
    at: datetime | None,
    name: str | None,
) -> Judgment:
    base = Judgment(jurisdiction=place.code, name=place.name)
    version: Version
    try:
        version = place.version(name) if name is not None else place.law_at(on)
    except LookupError as error:
        return attrs.evolve(base, problems=(str(error).strip("'\""),))
    problems = version.problems(request, classification=False)
    if problems:
        return attrs.evolve(base, version=version.instrument.id, problems=problems)
    notes = tuple(p for p in version.problems(request) if p not in problems)
    return attrs.evolve(
        base,
        version=version.instrument.id,
        decision=version.evaluate(request, at),
        notes=notes,
    )


def compare(
    request: SearchRequest,
    places: Iterable[Jurisdiction | str] | None = None,
    *,
    on: datetime | date | None = None,
    at: datetime | None = None,
    versions: Mapping[str, str] | None = None,
) -> SideBySide:
    """Judge one request under several jurisdictions, each under its law in force on a day.

    Args:
        request: The search request.
        places: The jurisdictions (or their codes), in the order to show them; every
            registered jurisdiction by default.
        on: The day whose law applies, in each jurisdiction's time zone when a datetime;
            by default the time the request is judged at.
        at: The time the request is judged at, as :meth:`~frpolicy.policy.Policy.evaluate`
            takes it: by default when it was performed, or else asked for.
        versions: A version to apply instead of the law in force, by jurisdiction code (a
            bill: ``{"US-MA": "H.1728"}``).

    Raises:
        LookupError: a jurisdiction is not registered, or ``versions`` names a code not
            compared.
        ValueError: ``on`` or ``at`` is a naive datetime.
    """
    found = _resolve(places)
    chosen = dict(versions or {})
    unknown = sorted(set(chosen) - {p.code for p in found})
    if unknown:
        msg = f"versions: {unknown[0]!r} is not among the jurisdictions compared"
        raise LookupError(msg)
    day = on if on is not None else evaluation_time(request, at)
    if isinstance(day, datetime) and (day.tzinfo is None or day.utcoffset() is None):
        msg = "on: naive datetime, give a timezone"
        raise ValueError(msg)
    return SideBySide(
        request_id=request.id,
        on=day,
        judgments=tuple(_judge(p, request, day, at, chosen.get(p.code)) for p in found),
    )


# -- the canonical scenarios ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Scenario:
    """A search to judge under every law: one request, written once, and what it is.

    The documentation's page "The law across the states" judges each of :func:`scenarios`
    under every version of every jurisdiction; ``compare(scenario.request)`` judges one
    under each place's law in force.
    """

    title: str
    """The situation, in a few words (``A robbery suspect, from a still``)."""
    text: str
    """The request in a sentence or two: who asks whom, for what, on what authority."""
    request: SearchRequest
    """The request itself; its id names the scenario."""

    @property
    def id(self) -> str:
        """The scenario's name, its request's id (``robbery-still``)."""
        return self.request.id


_DAY = datetime(2025, 6, 2, 14, tzinfo=UTC)
"""When every scenario is asked for: a Monday, 10 a.m. in New York, after the last law
encoded took effect (the AI Act's prohibitions, 2025-02-02)."""
_CITY = Agency(id="CITY-PD", name="the City Police Department", kind=AgencyKind.LOCAL_POLICE)
_STATE = Agency(id="STATE-POLICE", name="the State Police", kind=AgencyKind.STATE_POLICE)
_ROBBERY = Offense(
    code="ARMED-ROBBERY",
    title="Armed robbery",
    citation="each place's armed robbery statute",
    penalty=Penalty(confinement=Confinement.STATE_PRISON, life=True),
    categories=frozenset({OffenseCategory.VIOLENT, OffenseCategory.PROPERTY}),
    # the lists of each place that draws one armed robbery is on: Maryland's crimes of
    # violence, Montana's serious crimes, Detroit's Part 1 violent crimes, the AI Act's
    # Annex II entry 14 ("organised or armed robbery")
    listed_in=frozenset(
        {
            "US-MD:crime-of-violence",
            "US-MT:serious-crime",
            "US-MI-DET:part-1-violent-crime",
            "EU:annex-ii-14-robbery",
        }
    ),
)
_SHOPLIFTING = Offense(
    code="SHOPLIFTING",
    title="Shoplifting",
    citation="each place's shoplifting statute",
    penalty=Penalty(confinement=Confinement.HOUSE_OF_CORRECTION, max_term_months=6),
    categories=frozenset({OffenseCategory.PROPERTY}),
)


def _warrant(offense: Offense) -> Warrant:
    return Warrant(
        case_number="W-2025-0412",
        court=CourtKind.SUPERIOR_COURT,
        judge="Hon. A. Judge",
        issued_at=_DAY - timedelta(days=1),
        expires_at=_DAY + timedelta(days=7),
        offense_codes=frozenset({offense.code}),
        subject="the person in the probe image",
        authorizes_facial_recognition=True,
    )


_STILL = ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA)
_LIVE = ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA)
_SYSTEM = Technology(name="Face search", vendor="a vendor", approved=True)
_ROBBERY_STILL = SearchRequest(
    id="robbery-still",
    requesting_agency=_CITY,
    performing_agency=_STATE,
    purpose=Purpose.CRIMINAL_INVESTIGATION,
    probe=_STILL,
    technology=_SYSTEM,
    submitted_at=_DAY,
    performed_at=_DAY + timedelta(hours=1),
    offense=_ROBBERY,
    suspicion=Suspicion.PROBABLE_CAUSE,
    warrant=_warrant(_ROBBERY),
    written_request=True,
    databases=frozenset({Database.BOOKING_PHOTOS}),
)
_UNAUTHORIZED = attrs.evolve(_ROBBERY_STILL, warrant=None)
_NO_CRIME = attrs.evolve(_UNAUTHORIZED, offense=None, suspicion=Suspicion.NONE)


def _scenario(title: str, text: str, request: SearchRequest, name: str) -> Scenario:
    return Scenario(title=title, text=text, request=attrs.evolve(request, id=name))


_SCENARIOS = (
    Scenario(
        title="A robbery suspect, from a still",
        text=(
            "The city police ask the State Police, in writing, to identify the suspect of an "
            "armed robbery in a surveillance camera's still, on probable cause and with a "
            "warrant that authorizes the search."
        ),
        request=_ROBBERY_STILL,
    ),
    _scenario(
        "The same, on live video",
        "The same search on the cameras' live video, identifying people as they are filmed.",
        attrs.evolve(_ROBBERY_STILL, probe=_LIVE, real_time=True),
        "live-video",
    ),
    _scenario(
        "A deceased person",
        "The city police ask the State Police to identify a deceased person from a "
        "photograph: no crime, warrant or court order.",
        attrs.evolve(
            _NO_CRIME,
            purpose=Purpose.IDENTIFY_DECEASED,
            probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.OTHER),
        ),
        "deceased-person",
    ),
    _scenario(
        "A protester, without individualized suspicion",
        "The city police ask the State Police to identify a person in a photograph of a "
        "protest posted on social media: no crime is suspected of them, and there is no "
        "warrant or court order.",
        attrs.evolve(
            _NO_CRIME,
            probe=ProbeImage(
                kind=MediaKind.STILL_IMAGE,
                source=ImageSource.SOCIAL_MEDIA,
                protected_activity=True,
            ),
        ),
        "protester",
    ),
    _scenario(
        "The motor-vehicle database, for another state's police",
        "A New Hampshire police department asks the place's motor vehicle agency to search "
        "its license photos for the robbery suspect, with a warrant. The department's home "
        "is stated (US-NH, a state whose law is not encoded); the agency's is not.",
        attrs.evolve(
            _ROBBERY_STILL,
            requesting_agency=Agency(
                id="NASHUA-PD",
                name="the Nashua Police Department",
                kind=AgencyKind.LOCAL_POLICE,
                home="US-NH",
            ),
            performing_agency=Agency(
                id="MOTOR-VEHICLES",
                name="the motor vehicle agency",
                kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
            ),
            databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}),
        ),
        "motor-vehicle-records-for-another-state",
    ),
    _scenario(
        "An emergency",
        "The armed robber has taken hostages and threatens to kill them: a sergeant declares "
        "an emergency, and the city police ask the State Police to identify him from the "
        "still, with no warrant or court order.",
        attrs.evolve(
            _UNAUTHORIZED,
            emergency=Emergency(
                harm=Harm.DEATH,
                immediate=True,
                declared_by="Sgt. B. Officer",
                declared_at=_DAY - timedelta(minutes=10),
                facts="the suspect holds hostages and threatens to kill them",
                documented=True,
            ),
        ),
        "emergency",
    ),
    _scenario(
        "A federal agency asks",
        "The FBI asks the State Police to run the first search. The FBI's home is stated "
        "(US, the United States): no state's law takes it as one of its own agencies.",
        attrs.evolve(
            _ROBBERY_STILL,
            requesting_agency=Agency(
                id="FBI",
                name="the Federal Bureau of Investigation",
                kind=AgencyKind.FBI,
                home="US",
            ),
        ),
        "federal-agency",
    ),
    _scenario(
        "No warrant or court order",
        "The first search on probable cause alone, with neither a warrant nor a court order.",
        _UNAUTHORIZED,
        "no-warrant",
    ),
    _scenario(
        "A court order, not a warrant",
        "The first search on a court order that authorizes it, instead of a warrant.",
        attrs.evolve(
            _UNAUTHORIZED,
            court_order=CourtOrder(
                docket_number="2025-MI-0031",
                court=CourtKind.DISTRICT_COURT,
                judge="Hon. C. Judge",
                issued_at=_DAY - timedelta(days=1),
                expires_at=_DAY + timedelta(days=7),
                authorizes_facial_recognition=True,
            ),
        ),
        "court-order",
    ),
    _scenario(
        "A misdemeanor",
        "The first search, with a warrant, for shoplifting: up to six months in jail.",
        attrs.evolve(_ROBBERY_STILL, offense=_SHOPLIFTING, warrant=_warrant(_SHOPLIFTING)),
        "misdemeanor",
    ),
    _scenario(
        "A missing person",
        "The city police ask the State Police to find a missing person from a photograph: no "
        "crime, warrant or court order.",
        attrs.evolve(
            _NO_CRIME,
            purpose=Purpose.IDENTIFY_MISSING,
            probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.OTHER),
        ),
        "missing-person",
    ),
    _scenario(
        "A victim",
        "The city police ask the State Police to identify the victim of the armed robbery, "
        "not a suspect, from the still, with no warrant or court order.",
        attrs.evolve(_UNAUTHORIZED, purpose=Purpose.IDENTIFY_VICTIM, suspicion=Suspicion.NONE),
        "victim",
    ),
    _scenario(
        "Real-time tracking",
        "The robbery suspect followed across the cameras' live video as he moves, with a warrant.",
        attrs.evolve(
            _ROBBERY_STILL,
            probe=_LIVE,
            real_time=True,
            analysis=Analysis.TRACKING,
            ongoing_surveillance=True,
        ),
        "real-time-tracking",
    ),
    _scenario(
        "Emotion inference",
        "The system is asked to infer the emotions of the person in the still, with a warrant.",
        attrs.evolve(_ROBBERY_STILL, analysis=Analysis.EMOTION_INFERENCE),
        "emotion-inference",
    ),
    _scenario(
        "A sketch",
        "The first search on a sketch drawn from a witness's description, not a photograph.",
        attrs.evolve(
            _ROBBERY_STILL,
            probe=ProbeImage(
                kind=MediaKind.STILL_IMAGE, source=ImageSource.WITNESS, composite=True
            ),
        ),
        "sketch",
    ),
    _scenario(
        "An unapproved system",
        "The first search on a system not approved for use.",
        attrs.evolve(_ROBBERY_STILL, technology=attrs.evolve(_SYSTEM, approved=False)),
        "unapproved-technology",
    ),
    _scenario(
        "The city police search themselves",
        "The first search run by the city police on their own system, not by the State Police.",
        attrs.evolve(_ROBBERY_STILL, performing_agency=_CITY),
        "searched-by-the-city-police",
    ),
    _scenario(
        "Chosen for political views",
        "The first search, of a person chosen for it because of their political views.",
        attrs.evolve(
            _ROBBERY_STILL, protected_grounds=frozenset({ProtectedGround.POLITICAL_VIEWS})
        ),
        "political-views",
    ),
    _scenario(
        "A department of another place",
        "The Portland, Maine police ask Maine's Bureau of Motor Vehicles to search its license "
        "photos for the robbery suspect, with a warrant. Both homes are stated (US-ME): every "
        "other place's law reads them as agencies of elsewhere.",
        attrs.evolve(
            _ROBBERY_STILL,
            requesting_agency=Agency(
                id="PORTLAND-PD",
                name="the Portland Police Department",
                kind=AgencyKind.LOCAL_POLICE,
                home="US-ME",
            ),
            performing_agency=Agency(
                id="ME-BMV",
                name="the Bureau of Motor Vehicles",
                kind=AgencyKind.MOTOR_VEHICLE_REGISTRY,
                home="US-ME",
            ),
            databases=frozenset({Database.MOTOR_VEHICLE_RECORDS}),
        ),
        "portland-maine-department",
    ),
    _scenario(
        "A case number and a narrative",
        "The first search, its request carrying a case number and the facts that connect the "
        "person sought to the robbery, as Utah asks.",
        attrs.evolve(
            _ROBBERY_STILL,
            case_number="2025-004211",
            factual_narrative=(
                "The store's clerk saw the robber draw a handgun; the camera over the counter "
                "filmed his face as he took the cash."
            ),
        ),
        "case-number-and-narrative",
    ),
    _scenario(
        "A NIST-tested system",
        "The first search on a system approved for use and tested by NIST at 98.5 % true "
        "positives in the demographic group it does worst in, as Virginia asks.",
        attrs.evolve(_ROBBERY_STILL, technology=attrs.evolve(_SYSTEM, tested_accuracy=9850)),
        "nist-tested-technology",
    ),
)


def scenarios() -> tuple[Scenario, ...]:
    """The canonical scenarios, in the order the documentation shows them.

    Twenty-one searches that tell the laws apart: the first, a city police department's
    request to identify an armed-robbery suspect from a still, with a warrant; then the
    same on live video, for a deceased person, a protester, another state's police on the
    motor-vehicle database, in an emergency, for a federal agency; then one difference at a
    time: the authority (a court order, none), the offense (a misdemeanor), the purpose (a
    missing person, a victim), the analysis (tracking, emotions), the image (a sketch), the
    system (unapproved, NIST-tested), who searches, why the person was chosen, where the
    agencies belong, and what the request states (a case number and a narrative).

    Each is written once, for every place alike: its agencies state no home, so each law
    takes them as its own (its city police, its State Police), except where the scenario is
    about place; its offense states its penalty and no classification, so each law classes
    it itself, and names, in ``listed_in``, the list of each place that draws one the
    offense is on (armed robbery: Maryland's crimes of violence, Montana's serious crimes,
    Detroit's Part 1 violent crimes, the AI Act's Annex II). Each is asked for on
    2025-06-02.

    >>> [s.id for s in scenarios()][:3]
    ['robbery-still', 'live-video', 'deceased-person']
    >>> side = compare(scenarios()[0].request, ["US-MA", "US-MD", "US-WA"])
    >>> [(j.jurisdiction, j.outcome.name) for j in side.judgments]
    [('US-MA', 'PERMITTED'), ('US-MD', 'PERMITTED'), ('US-WA', 'PERMITTED')]
    """
    return _SCENARIOS
