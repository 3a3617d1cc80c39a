"""Hypothesis strategies for every frpolicy object, for property tests of law and of code.

Each strategy is a lowercase noun named for what it generates: :func:`warrants`,
:func:`emergencies`, :func:`search_requests`... Every object they give satisfies the
model's own checks (timestamps carry a zone, a warrant does not expire before it is issued,
a search is not performed before it is asked for), so a test never spends its examples on
objects that cannot exist.

Timestamps fall between 2020 and 2026, in UTC or in Massachusetts time, on whole minutes,
so a counterexample reads like a docket entry. Times that a change of daylight-saving time
makes ambiguous are given in UTC instead, so every timestamp names one instant and
survives a JSON round trip unchanged.

:func:`search_requests` is the strategy that matters most. Given a jurisdiction (and a
version), it draws requests that look like the cases the law was written for: the
version's own offense catalog, and the jurisdiction's own agencies
(``Jurisdiction.agencies``: its State Police, its city police,
its motor vehicle registry, the FBI and a prosecutor); warrants that do and do not cover the
offense, expired or not yet issued; emergencies with and without the later sworn statement,
filed in time or late, by a supervisor or not; court orders, for a purpose or none;
authorizations asked of a court or an administrative authority, granted before the search,
asked for after it, refused or pending; every purpose and kind of media, in a public place or
not; people shown in protected activity, bystanders, suspicion or none, searches based on
protected grounds, ongoing and continuous surveillance, searches from a mobile device,
requests that carry a case number and a factual narrative and requests that do not.
About a third of requests are drawn *in order* (every authorization present and valid), a
third are *near misses* (in order but for one thing), and a third are drawn freely, so
that permissions, refusals and the boundary between them are all well represented.

>>> from hypothesis import given
>>> import frpolicy
>>> ma = frpolicy.jurisdiction("US-MA")
>>> @given(search_requests(ma, ma.version("H.1728")))
... def test_a_decision_always_names_its_instrument(request):
...     assert ma.version("H.1728").evaluate(request).instrument == "H.1728"
>>> test_a_decision_always_names_its_instrument()

:func:`invalid_documents` gives JSON-ready documents that are wrong in exactly one known
way, with the path the error must name, for tests of the input edge.

This module needs the optional ``hypothesis`` extra (``pip install frpolicy[hypothesis]``);
``import frpolicy`` never imports it.
"""

from __future__ import annotations

import copy
import enum
import functools
import typing
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - tested in a subprocess without Hypothesis
    _msg = "frpolicy.strategies needs the optional 'hypothesis' extra: "
    _msg += "pip install 'frpolicy[hypothesis]'"
    raise ImportError(_msg) from None

from frpolicy.law import Citation, Instrument, InstrumentKind, InstrumentStatus
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
    Authority,
    Authorization,
    CaseRecord,
    Classification,
    Confinement,
    CourtKind,
    CourtOrder,
    Database,
    Disclosure,
    Emergency,
    Event,
    EventKind,
    Gender,
    Harm,
    ImageSource,
    MediaKind,
    Notice,
    Offense,
    OffenseCategory,
    Officer,
    Penalty,
    ProbeImage,
    ProtectedGround,
    Purpose,
    Race,
    SearchRecord,
    SearchRequest,
    Suspicion,
    SwornStatement,
    Technology,
    Training,
    Warrant,
)
from frpolicy.serialization import to_dict

if typing.TYPE_CHECKING:
    from frpolicy.jurisdictions import Jurisdiction, Version

__all__ = [
    "AGENCIES",
    "EARLIEST",
    "LATEST",
    "ZONES",
    "InvalidDocument",
    "agencies",
    "authorizations",
    "case_records",
    "citations",
    "court_orders",
    "emergencies",
    "events",
    "instruments",
    "invalid_documents",
    "notices",
    "offenses",
    "officers",
    "penalties",
    "probe_images",
    "search_records",
    "search_requests",
    "sworn_statements",
    "technologies",
    "timestamps",
    "trainings",
    "warrants",
]

T = typing.TypeVar("T")

EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)
"""The earliest timestamp generated."""
LATEST = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
"""The latest timestamp generated (offsets from a generated time may go a little past it)."""
ZONES: tuple[ZoneInfo, ...] = (ZoneInfo("UTC"), ZoneInfo("America/New_York"))
"""The time zones timestamps are given in."""

AGENCIES: dict[AgencyKind, Agency] = {
    AgencyKind.STATE_POLICE: Agency(
        id="SP", name="State Police", kind=AgencyKind.STATE_POLICE, unit="Identification Unit"
    ),
    AgencyKind.LOCAL_POLICE: Agency(
        id="CPD", name="City Police Department", kind=AgencyKind.LOCAL_POLICE
    ),
    AgencyKind.MOTOR_VEHICLE_REGISTRY: Agency(
        id="MVR", name="Motor Vehicle Registry", kind=AgencyKind.MOTOR_VEHICLE_REGISTRY
    ),
    AgencyKind.FBI: Agency(
        id="FBI",
        name="Federal Bureau of Investigation",
        kind=AgencyKind.FBI,
        unit="FACE Services",
    ),
    AgencyKind.FEDERAL: Agency(
        id="HSI",
        name="Homeland Security Investigations",
        kind=AgencyKind.FEDERAL,
    ),
    AgencyKind.PROSECUTOR: Agency(
        id="CPO", name="County Prosecutor's Office", kind=AgencyKind.PROSECUTOR
    ),
    AgencyKind.OTHER_PUBLIC_AGENCY: Agency(
        id="REV", name="Revenue Department", kind=AgencyKind.OTHER_PUBLIC_AGENCY
    ),
}
"""One agency of each kind, named for no place: for requests of a jurisdiction that declares
no agencies of its own (``Jurisdiction.agencies``), and for a
kind it declares none of."""

_JUDGES = ("J. Alvarez", "M. Chen", "R. O'Brien", "S. Okafor")
_RANKS = ("trooper", "detective", "sergeant", "lieutenant", "captain")
_SUPERVISORY_RANKS = frozenset({"sergeant", "lieutenant", "captain"})
_COURSES = ("facial recognition examiner", "eyewitness identification", "implicit bias")
_SYSTEMS = (("Rank One", "ROC"), ("DataWorks Plus", "DataWorks"), ("Clearview AI", "Clearview"))
_TITLES = ("Robbery", "Assault", "Larceny", "Fraud", "Trespass", "Homicide")


# -- time -----------------------------------------------------------------------------------


def _in_zone(instant: datetime, zone: ZoneInfo) -> datetime:
    """The instant on the zone's clock, or in UTC where that clock reads the same twice."""
    local = instant.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        # an ambiguous wall time never compares equal across zones (PEP 495): keep it in UTC
        return instant.astimezone(UTC)
    return local


def _shift(base: datetime, minutes: int) -> datetime:
    """``base`` moved by whole minutes, on the same clock."""
    zone = base.tzinfo if isinstance(base.tzinfo, ZoneInfo) else ZoneInfo("UTC")
    return _in_zone(base.astimezone(UTC) + timedelta(minutes=minutes), zone)


@functools.cache
def timestamps(
    earliest: datetime = EARLIEST, latest: datetime = LATEST
) -> st.SearchStrategy[datetime]:
    """Aware timestamps on whole minutes between ``earliest`` and ``latest``, in :data:`ZONES`.

    They shrink towards ``earliest``, in UTC.
    """
    span = int((latest - earliest).total_seconds() // 60)
    start = earliest.astimezone(UTC)
    return st.tuples(st.integers(0, max(span, 0)), st.sampled_from(ZONES)).map(
        lambda pair: _in_zone(start + timedelta(minutes=pair[0]), pair[1])
    )


@functools.cache
def _minutes(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _pick(values: typing.Any) -> st.SearchStrategy[typing.Any]:  # noqa: ANN401 - as sampled_from
    """``sampled_from``, built once per choice: building strategies in a draw is slow."""
    return st.sampled_from(values)


@functools.cache
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value, built once per strategy."""
    return st.none() | strategy


_NO = st.just(value=False)
# tested accuracies, in hundredths of a percent: in order at 98 % or more (the highest mark a
# law sets), else any, often near that mark, or none stated
_TESTED = st.integers(9800, 10_000)
_ANY_ACCURACY = st.none() | st.integers(9500, 9900) | st.integers(0, 10_000)
_YES = st.just(value=True)
_MOSTLY_NO = _NO | st.booleans()
_HOUR = 60
_DAY = 24 * _HOUR


def _dates() -> st.SearchStrategy[date]:
    return st.dates(EARLIEST.date(), LATEST.date())


@functools.cache
def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.integers(1, 9999).map(lambda n: f"{prefix}-{n}")


# -- offenses, agencies, officers -----------------------------------------------------------


@functools.cache
def penalties() -> st.SearchStrategy[Penalty]:
    """Penalties with a term, for life, or a fine only; in every place of confinement, or none."""
    return st.builds(
        Penalty,
        confinement=st.none() | st.sampled_from(Confinement),
        max_term_months=st.none() | st.integers(0, 480),
        life=st.booleans(),
        death=_MOSTLY_NO,
    )


@functools.cache
def offenses() -> st.SearchStrategy[Offense]:
    """Offenses with a code, title, citation, class, penalty, categories, lists and place."""
    return st.builds(
        Offense,
        code=_ids("OFF"),
        title=st.sampled_from(_TITLES),
        citation=st.integers(1, 280).map(lambda c: f"G.L. c.{c} §1"),
        classification=st.none() | st.sampled_from(Classification),
        penalty=penalties(),
        categories=st.frozensets(st.sampled_from(OffenseCategory), max_size=3),
        listed_in=st.frozensets(st.sampled_from(("XX:list-a", "XX:list-b")), max_size=2),
        place=st.none() | st.sampled_from(("US-MA", "US-MI-DET", *_ELSEWHERE)),
    )


def agencies() -> st.SearchStrategy[Agency]:
    """Agencies: mostly the realistic ones of :data:`AGENCIES`, sometimes made up."""
    made_up = st.builds(
        Agency,
        id=_ids("AG"),
        name=st.sampled_from(("Town Police", "County Sheriff", "Transit Authority")),
        kind=st.sampled_from(AgencyKind),
        unit=st.none() | st.just("Criminal Investigation Division"),
        home=st.none() | st.sampled_from(("US-MA", "US-MI-DET", *_ELSEWHERE)),
    )
    return st.sampled_from(tuple(AGENCIES.values())) | made_up


@st.composite
def _trainings(draw: st.DrawFn) -> Training:
    completed = draw(_dates())
    lapses = draw(_maybe(st.integers(0, 3 * 365)))
    return Training(
        course=draw(st.sampled_from(_COURSES)),
        completed_on=completed,
        expires_on=None if lapses is None else completed + timedelta(days=lapses),
    )


@functools.cache
def trainings() -> st.SearchStrategy[Training]:
    """Training courses, lapsing on or after the day they were completed, or never."""
    return _trainings()


@st.composite
def _officers(draw: st.DrawFn, agency: Agency | None) -> Officer:
    rank = draw(st.sampled_from(_RANKS))
    return Officer(
        id=draw(_ids("OFC")),
        agency_id=agency.id
        if agency is not None
        else draw(st.sampled_from(tuple(AGENCIES.values()))).id,
        rank=rank,
        supervisory=rank in _SUPERVISORY_RANKS,
        training=tuple(draw(st.lists(trainings(), max_size=2))),
    )


@functools.cache
def officers(agency: Agency | None = None) -> st.SearchStrategy[Officer]:
    """Officers of ``agency`` (else of a realistic agency), supervisory by rank."""
    return _officers(agency)


# -- authorizations -------------------------------------------------------------------------


@st.composite
def _warrants(draw: st.DrawFn) -> Warrant:
    issued = draw(timestamps())
    lasts = draw(st.none() | _minutes(0, 30 * _DAY))
    return Warrant(
        case_number=draw(st.integers(1, 9999).map(lambda n: f"2484CR{n:04d}")),
        court=draw(st.sampled_from(CourtKind)),
        judge=draw(st.sampled_from(_JUDGES)),
        issued_at=issued,
        expires_at=None if lasts is None else _shift(issued, lasts),
        offense_codes=draw(st.frozensets(_ids("OFF"), max_size=3)),
        subject=draw(st.sampled_from(("", "unidentified person in the probe image"))),
        authorizes_facial_recognition=draw(st.booleans()),
    )


def warrants() -> st.SearchStrategy[Warrant]:
    """Warrants that expire after they are issued, or never."""
    return _warrants()


@st.composite
def _court_orders(draw: st.DrawFn) -> CourtOrder:
    issued = draw(timestamps())
    lasts = draw(st.none() | _minutes(0, 30 * _DAY))
    return CourtOrder(
        docket_number=draw(st.integers(1, 9999).map(lambda n: f"2484MI{n:04d}")),
        court=draw(st.sampled_from(CourtKind)),
        judge=draw(st.sampled_from(_JUDGES)),
        issued_at=issued,
        expires_at=None if lasts is None else _shift(issued, lasts),
        authorizes_facial_recognition=draw(st.booleans()),
        purpose=draw(_maybe(_pick(tuple(Purpose)))),
    )


def court_orders() -> st.SearchStrategy[CourtOrder]:
    """Court orders that expire after they are issued, or never, for a purpose or none."""
    return _court_orders()


@st.composite
def _authorizations(draw: st.DrawFn) -> Authorization:
    requested = draw(timestamps())
    decided = draw(st.none() | _minutes(0, 3 * _DAY).map(lambda m: _shift(requested, m)))
    lasts = draw(st.none() | _minutes(0, 30 * _DAY))
    return Authorization(
        authority=draw(st.sampled_from(Authority)),
        requested_at=requested,
        authority_name=draw(st.sampled_from(("", "Amtsgericht Tiergarten"))),
        decided_at=decided,
        granted=draw(st.booleans()),
        expires_at=None if decided is None or lasts is None else _shift(decided, lasts),
    )


def authorizations() -> st.SearchStrategy[Authorization]:
    """Authorizations asked of any authority, decided after they were asked or not yet."""
    return _authorizations()


def sworn_statements(
    filed_at: st.SearchStrategy[datetime] | None = None,
) -> st.SearchStrategy[SwornStatement]:
    """Sworn statements of an emergency's grounds, by a supervisor or not, to any court."""
    return st.builds(
        SwornStatement,
        filed_at=filed_at if filed_at is not None else timestamps(),
        filed_by=_ids("OFC"),
        supervisory=st.booleans(),
        court=st.sampled_from(CourtKind),
        grounds=st.sampled_from(("", "a child abducted at gunpoint")),
    )


@st.composite
def _emergencies(draw: st.DrawFn) -> Emergency:
    declared = draw(timestamps())
    later = _minutes(0, 5 * _DAY).map(lambda m: _shift(declared, m))
    return Emergency(
        harm=draw(st.sampled_from(Harm)),
        immediate=draw(st.booleans()),
        declared_by=draw(_ids("OFC")),
        declared_at=declared,
        facts=draw(st.sampled_from(("", "a child abducted at gunpoint"))),
        documented=draw(st.booleans()),
        sworn_statement=draw(st.none() | sworn_statements(later)),
    )


def emergencies() -> st.SearchStrategy[Emergency]:
    """Emergencies, with or without a sworn statement filed after they were declared."""
    return _emergencies()


def probe_images() -> st.SearchStrategy[ProbeImage]:
    """Probe images of every kind of media and every source, showing anyone doing anything."""
    return st.builds(
        ProbeImage,
        kind=st.sampled_from(MediaKind),
        source=st.sampled_from(ImageSource),
        altered=st.booleans(),
        composite=st.booleans(),
        protected_activity=st.booleans(),
        bystander=st.booleans(),
    )


def technologies() -> st.SearchStrategy[Technology]:
    """Facial-recognition systems, approved or not, with a tested accuracy or none stated.

    Some state when the agency assessed their impact on fundamental rights and when it
    registered them.
    """
    return st.builds(
        lambda system, approved, accuracy, assessed, registered: Technology(
            name=system[0],
            vendor=system[1],
            approved=approved,
            tested_accuracy=accuracy,
            impact_assessed_at=assessed,
            registered_at=registered,
        ),
        st.sampled_from(_SYSTEMS),
        st.booleans(),
        _ANY_ACCURACY,
        _maybe(timestamps()),
        _maybe(timestamps()),
    )


# -- the search -----------------------------------------------------------------------------

_Route = tuple[AgencyKind, AgencyKind]
_SP, _LOCAL, _RMV = (
    AgencyKind.STATE_POLICE,
    AgencyKind.LOCAL_POLICE,
    AgencyKind.MOTOR_VEHICLE_REGISTRY,
)
_FBI, _DA, _OTHER = AgencyKind.FBI, AgencyKind.PROSECUTOR, AgencyKind.OTHER_PUBLIC_AGENCY

# (requesting, performing): the routes a search takes when it is in order ...
_ROUTES_IN_ORDER: tuple[_Route, ...] = (
    (_LOCAL, _SP),
    (_SP, _SP),
    (_SP, _FBI),
    (_RMV, _RMV),
    (_RMV, _SP),
    (_DA, _SP),
    (_LOCAL, _FBI),
    (_LOCAL, _RMV),
    (_FBI, _SP),
    (_OTHER, _SP),
)
# ... and every route, in order or not.
_ROUTES: tuple[_Route, ...] = tuple(
    dict.fromkeys(_ROUTES_IN_ORDER + tuple((a, b) for a in AgencyKind for b in AgencyKind))
)
_REGISTRY_PURPOSES = (Purpose.LICENSE_ISSUANCE, Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION)
_POLICE_PURPOSES = (
    Purpose.CRIMINAL_INVESTIGATION,
    Purpose.EMERGENCY,
    Purpose.IDENTIFY_DECEASED,
    Purpose.IDENTIFICATION_DOCUMENT_INVESTIGATION,
)
_STILLS = (MediaKind.STILL_IMAGE, MediaKind.VIDEO_FRAME)
_PLAIN_ANALYSES = (Analysis.IDENTIFICATION, Analysis.VERIFICATION)

# The authorizations a request in order may rest on.
_BASES = ("warrant", "emergency", "court order", "warrant and court order", "none", "authorization")


_PERFORMED_AFTER = st.none() | _minutes(0, 10) | _minutes(0, 3 * _DAY)
_CASE_NUMBERS = st.integers(1, 99999).map(lambda n: f"2024-{n:05d}")
_NARRATIVES = st.sampled_from(
    (
        "The person in the image was recorded leaving the store with the stolen goods.",
        "Two witnesses place the person in the image at the scene when the victim was shot.",
        "The image was taken from the suspect's account, which sent the threats.",
    )
)
_SOME_GROUNDS = st.frozensets(st.sampled_from(ProtectedGround), min_size=1, max_size=2)
_PUBLIC = st.none() | st.booleans()


class _Mode(enum.Enum):
    IN_ORDER = "in order"
    NEAR_MISS = "near miss"
    FREE = "free"


# The dimensions a near miss may get wrong, one at a time.
_DIMENSIONS = (
    "route",
    "purpose",
    "technology",
    "media",
    "analysis",
    "real time",
    "written request",
    "offense",
    "warrant",
    "emergency",
    "court order",
    "protected activity",
    "bystander",
    "protected grounds",
    "surveillance",
    "place",
    "case number",
    "narrative",
    "authorization",
    "mobile",
)

_ELSEWHERE = ("US-NH", "US-VT", "CA-QC", "US")
"""Homes of agencies from elsewhere: two states, a Canadian province and the federal level."""


@functools.cache
def _elsewhere(code: str | None) -> tuple[str, ...]:
    """The homes of :data:`_ELSEWHERE` that lie outside the place ``code``."""
    if code is None:
        return _ELSEWHERE
    return tuple(h for h in _ELSEWHERE if h != code and not h.startswith(f"{code}-"))


@functools.cache
def _moved(agency: Agency, home: str | None) -> Agency:
    """The agency, as one of the same kind at home in ``home`` (``None``: no home stated)."""
    if home is None:
        return attrs.evolve(agency, home=None)
    return attrs.evolve(agency, id=f"{agency.id}-{home}", home=home)


def _window(
    jurisdiction: Jurisdiction | None, version: Version | None
) -> tuple[datetime, datetime]:
    """The generated time range, narrowed to when the chosen law is in force, if ever."""
    instruments = (
        [version.instrument]
        if version is not None
        else [v.instrument for v in jurisdiction.versions]
        if jurisdiction is not None
        else []
    )
    starts = [i.effective_from for i in instruments if i.effective_from is not None]
    ends = [i.effective_until for i in instruments if i.effective_until is not None]
    earliest, latest = EARLIEST, LATEST
    if starts and len(starts) == len(instruments):
        # noon in the jurisdiction's zone keeps the first day in force in every zone
        earliest = max(earliest, datetime.combine(min(starts), datetime.min.time(), UTC))
        earliest += timedelta(hours=12)
    if ends and len(ends) == len(instruments):
        latest = min(latest, datetime.combine(max(ends), datetime.min.time(), UTC))
        latest -= timedelta(days=7)
    if latest <= earliest:
        return EARLIEST, LATEST
    return earliest, latest


def _catalog(jurisdiction: Jurisdiction | None, version: Version | None) -> tuple[Offense, ...]:
    if version is not None:
        return version.offenses
    if jurisdiction is not None:
        found = {o.code: o for v in jurisdiction.versions for o in v.offenses}
        return tuple(found[code] for code in sorted(found))
    return ()


def _in_order_offenses(
    catalog: tuple[Offense, ...], jurisdiction: Jurisdiction | None, version: Version | None
) -> tuple[Offense, ...]:
    """The offenses a request in order investigates.

    Those on the law's lists, if it draws lists (Maryland's categories), else the felonies;
    the whole catalog failing both.
    """
    versions = (version,) if version is not None else jurisdiction.versions if jurisdiction else ()
    lists = {lst.id for v in versions for lst in v.offense_lists}
    if lists:
        listed = tuple(o for o in catalog if o.listed_in & lists)
        return listed or catalog
    classify = next((v.classify for v in versions if v.classify is not None), None)
    felonies = tuple(
        o
        for o in catalog
        if (classify(o.penalty) if classify is not None else o.classification)
        is Classification.FELONY
    )
    return felonies or catalog


def _named_purposes(
    jurisdiction: Jurisdiction | None, version: Version | None
) -> frozenset[Purpose]:
    """The purposes the law's rules name, in their leaves' parameters and constants."""
    versions = (version,) if version is not None else jurisdiction.versions if jurisdiction else ()
    found: set[Purpose] = set()
    for v in versions:
        for rule in v.policy.rules:
            for item in rule.when.leaves():
                for value in (*dict(item.params).values(), *item.namespace.values()):
                    values = value if isinstance(value, frozenset | tuple) else (value,)
                    found.update(p for p in values if isinstance(p, Purpose))
    return frozenset(found)


@functools.cache
def _police_purposes(named: frozenset[Purpose]) -> tuple[Purpose, ...]:
    """The purposes a police request in order has: the usual ones, and those the law names.

    The usual ones are weighted three to one, so a law that names many purposes (Maryland's
    exceptions) still sees mostly investigations, and each named purpose often enough.
    """
    extra = tuple(p for p in Purpose if p in named and p not in _POLICE_PURPOSES)
    return _POLICE_PURPOSES * 3 + extra


def _scope_reads_real_time(jurisdiction: Jurisdiction | None, version: Version | None) -> bool:
    """Whether the law's scope turns on real-time use, as the EU AI Act's Article 5 does.

    Such a law governs real-time searches, so its requests in order are real-time or not;
    any other law's are not real-time in order.
    """
    versions = (version,) if version is not None else jurisdiction.versions if jurisdiction else ()
    return any("real_time" in v.policy.scope.reads() for v in versions)


def _place(jurisdiction: Jurisdiction | None, version: Version | None) -> Jurisdiction | None:
    """The jurisdiction, or the registered one the version belongs to, if any."""
    if jurisdiction is not None or version is None:
        return jurisdiction
    from frpolicy.jurisdictions import jurisdiction as lookup  # noqa: PLC0415 - registry at draw time

    try:
        return lookup(version.policy.jurisdiction)
    except LookupError:
        return None


@functools.cache
def _agency_table(declared: tuple[Agency, ...]) -> dict[AgencyKind, tuple[Agency, ...]]:
    """The agencies of each kind a place declares, the generic :data:`AGENCIES` filling gaps."""
    return {
        kind: tuple(a for a in declared if a.kind is kind) or (AGENCIES[kind],)
        for kind in AgencyKind
    }


def _choose(
    draw: st.DrawFn, *, good: st.SearchStrategy[T], free: st.SearchStrategy[T], ok: bool
) -> T:
    """A value in order when ``ok``, else any value (the free strategy)."""
    return draw(good if ok else free)


@st.composite
def _warrant_for(
    draw: st.DrawFn, at: datetime, offense: Offense | None, catalog: Sequence[str], variant: str
) -> Warrant:
    codes = {offense.code} if offense is not None else set()
    others = [c for c in catalog if offense is None or c != offense.code] or ["OFF-1"]
    if variant == "other offense":
        codes = {draw(_pick(tuple(others)))}
    elif draw(st.booleans()):
        codes.add(draw(_pick(tuple(others))))
    issued = _shift(at, -draw(_minutes(_HOUR, 20 * _DAY)))
    expires: datetime | None = _shift(at, draw(_minutes(_HOUR, 20 * _DAY)))
    if variant == "expired":
        expires = _shift(at, -draw(_minutes(1, _HOUR - 1)))
    elif variant == "not yet issued":
        issued = _shift(at, draw(_minutes(1, 5 * _DAY)))
        expires = _shift(issued, 10 * _DAY)
    elif draw(st.booleans()):
        expires = None
    return Warrant(
        case_number=draw(st.integers(1, 9999).map(lambda n: f"2484CR{n:04d}")),
        court=draw(_pick(CourtKind)),
        judge=draw(_pick(_JUDGES)),
        issued_at=issued,
        expires_at=expires,
        offense_codes=frozenset(codes),
        subject="unidentified person in the probe image",
        authorizes_facial_recognition=variant != "does not authorize facial recognition",
    )


_WARRANT_VARIANTS = (
    "valid",
    "other offense",
    "does not authorize facial recognition",
    "expired",
    "not yet issued",
)


@st.composite
def _court_order_for(draw: st.DrawFn, at: datetime, variant: str, purpose: Purpose) -> CourtOrder:
    issued = _shift(at, -draw(_minutes(_HOUR, 20 * _DAY)))
    expires: datetime | None = _shift(at, draw(_minutes(_HOUR, 20 * _DAY)))
    if variant == "expired":
        expires = _shift(at, -draw(_minutes(1, _HOUR - 1)))
    elif variant == "not yet issued":
        issued = _shift(at, draw(_minutes(1, 5 * _DAY)))
        expires = None
    # an order in order is for the search's purpose, or names none
    for_purpose: Purpose | None = draw(_maybe(st.just(purpose)))
    if variant == "issued for another purpose":
        for_purpose = draw(_pick(tuple(p for p in Purpose if p is not purpose)))
    return CourtOrder(
        docket_number=draw(st.integers(1, 9999).map(lambda n: f"2484MI{n:04d}")),
        court=draw(_pick((CourtKind.SUPERIOR_COURT, CourtKind.DISTRICT_COURT))),
        judge=draw(_pick(_JUDGES)),
        issued_at=issued,
        expires_at=expires,
        authorizes_facial_recognition=variant != "does not authorize facial recognition",
        purpose=for_purpose,
    )


_COURT_ORDER_VARIANTS = (
    "valid",
    "does not authorize facial recognition",
    "expired",
    "not yet issued",
    "issued for another purpose",
)

_STATEMENT_VARIANTS = (
    "supervisor, superior court, within 48 hours",
    "none",
    "after 48 hours",
    "not a supervisor",
    "district court",
)


@st.composite
def _emergency_for(draw: st.DrawFn, at: datetime, variant: str) -> Emergency:
    declared = _shift(at, -draw(_minutes(0, 3 * _HOUR)))
    harm = draw(_pick((Harm.DEATH, Harm.SERIOUS_PHYSICAL_INJURY)))
    immediate = True
    if variant == "declared after the search":
        declared = _shift(at, draw(_minutes(1, 3 * _HOUR)))
    elif variant == "no immediate danger":
        immediate = False
    elif variant == "lesser harm":
        harm = draw(_pick((Harm.OTHER_HARM_TO_A_PERSON, Harm.OTHER)))
    statement_variant = draw(_pick(_STATEMENT_VARIANTS))
    statement = None
    if statement_variant != "none":
        late = statement_variant == "after 48 hours"
        delay = draw(_minutes(48 * _HOUR + 1, 6 * _DAY) if late else _minutes(0, 48 * _HOUR))
        statement = SwornStatement(
            filed_at=_shift(max(at, declared), delay),
            filed_by=draw(_ids("OFC")),
            supervisory=statement_variant != "not a supervisor",
            court=CourtKind.DISTRICT_COURT
            if statement_variant == "district court"
            else CourtKind.SUPERIOR_COURT,
            grounds="a child abducted at gunpoint",
        )
    return Emergency(
        harm=harm,
        immediate=immediate,
        declared_by=draw(_ids("OFC")),
        declared_at=declared,
        facts="a child abducted at gunpoint",
        documented=draw(st.booleans()),
        sworn_statement=statement,
    )


_EMERGENCY_VARIANTS = (
    "valid",
    "declared after the search",
    "no immediate danger",
    "lesser harm",
)

_AUTHORIZATION_VARIANTS = (
    "granted before the search",
    "asked for after the search",
    "asked for a day or more after the search",
    "refused",
    "pending",
    "granted after the search",
    "lapsed",
)


@st.composite
def _authorization_for(draw: st.DrawFn, at: datetime, variant: str) -> Authorization:
    requested = _shift(at, -draw(_minutes(_HOUR, 5 * _DAY)))
    decided: datetime | None = _shift(requested, draw(_minutes(10, 12 * _HOUR)))
    granted, expires = True, None
    if variant == "asked for after the search":
        requested = _shift(at, draw(_minutes(0, 23 * _HOUR)))
        decided = None
    elif variant == "asked for a day or more after the search":
        requested = _shift(at, draw(_minutes(24 * _HOUR + 1, 4 * _DAY)))
        decided = None
    elif variant == "refused":
        requested = _shift(at, draw(_minutes(-5 * _DAY, 23 * _HOUR)))
        decided = _shift(requested, draw(_minutes(10, 12 * _HOUR)))
        granted = False
    elif variant == "pending":
        decided = None
    elif variant == "granted after the search":
        decided = _shift(at, draw(_minutes(1, 12 * _HOUR)))
        requested = _shift(decided, -draw(_minutes(1, 12 * _HOUR)))
    elif variant == "lapsed":  # granted a day or more before the search, for no time at all
        requested = _shift(at, -draw(_minutes(_DAY, 5 * _DAY)))
        decided = expires = _shift(requested, draw(_minutes(10, 12 * _HOUR)))
    elif draw(st.booleans()) and decided is not None:
        expires = _shift(max(at, decided), draw(_minutes(_HOUR, 20 * _DAY)))
    return Authorization(
        authority=draw(_pick(tuple(Authority))),
        requested_at=requested,
        authority_name=draw(_pick(("", "Amtsgericht Tiergarten", "the investigating judge"))),
        decided_at=decided,
        granted=granted,
        expires_at=expires,
    )


@st.composite
def _search_requests(  # noqa: C901, PLR0915 - one draw per field of the request
    draw: st.DrawFn, jurisdiction: Jurisdiction | None, version: Version | None
) -> SearchRequest:
    catalog = _catalog(jurisdiction, version)
    in_order_offenses = _in_order_offenses(catalog, jurisdiction, version)
    police_purposes = _police_purposes(_named_purposes(jurisdiction, version))
    place = _place(jurisdiction, version)
    table = _agency_table(place.agencies if place is not None else ())
    earliest, latest = _window(jurisdiction, version)
    mode = draw(_pick(_Mode))
    wrong = draw(_pick(_DIMENSIONS)) if mode is _Mode.NEAR_MISS else None

    def ok(dimension: str) -> bool:
        return mode is _Mode.IN_ORDER or (mode is _Mode.NEAR_MISS and wrong != dimension)

    def fact(dimension: str, free: st.SearchStrategy[bool] = _MOSTLY_NO) -> bool:
        """A fact that puts a request out of order: false in order, true in its near miss."""
        if mode is _Mode.FREE:
            return draw(free)
        return mode is _Mode.NEAR_MISS and wrong == dimension

    submitted = draw(timestamps(earliest, latest))
    performed_after = draw(_PERFORMED_AFTER)
    performed = None if performed_after is None else _shift(submitted, performed_after)
    at = performed or submitted

    route = _choose(
        draw,
        good=_pick(_ROUTES_IN_ORDER),
        free=_pick(_ROUTES),
        ok=ok("route"),
    )
    requesting, performing = draw(_pick(table[route[0]])), draw(_pick(table[route[1]]))
    elsewhere = _elsewhere(place.code if place is not None else None)
    if mode is _Mode.FREE:
        if draw(_MOSTLY_NO):
            requesting = _moved(requesting, draw(_pick((None, *elsewhere))))
        if draw(_MOSTLY_NO):
            performing = _moved(performing, draw(_pick((None, *elsewhere))))
    elif wrong == "place":  # one agency from elsewhere: a law's own agencies are its place's
        if draw(st.booleans()):
            requesting = _moved(requesting, draw(_pick(elsewhere)))
        else:
            performing = _moved(performing, draw(_pick(elsewhere)))
    in_order_purposes = _REGISTRY_PURPOSES if route[0] is _RMV else police_purposes
    purpose = _choose(
        draw,
        good=_pick(in_order_purposes),
        free=_pick(Purpose),
        ok=ok("purpose"),
    )

    offense: Offense | None
    if catalog:
        offense = _choose(
            draw,
            good=_pick(in_order_offenses),
            free=_maybe(_pick(catalog)),
            ok=ok("offense"),
        )
    else:
        offense = draw(_maybe(offenses()))

    basis = draw(_pick(_BASES)) if mode is not _Mode.FREE else "free"
    codes = [o.code for o in catalog]

    def warrant_variant() -> str | None:
        if basis == "free":
            return draw(_maybe(_pick(_WARRANT_VARIANTS)))
        if "warrant" in basis:
            return "valid" if ok("warrant") else draw(_pick(_WARRANT_VARIANTS[1:]))
        return None if ok("warrant") else draw(_pick(_WARRANT_VARIANTS))

    def court_order_variant() -> str | None:
        if basis == "free":
            return draw(_maybe(_pick(_COURT_ORDER_VARIANTS)))
        if "court order" in basis:
            return "valid" if ok("court order") else draw(_pick(_COURT_ORDER_VARIANTS[1:]))
        return None if ok("court order") else draw(_pick(_COURT_ORDER_VARIANTS))

    def emergency_variant() -> str | None:
        if basis == "free":
            return draw(_maybe(_pick(_EMERGENCY_VARIANTS)))
        if basis == "emergency":
            return "valid" if ok("emergency") else draw(_pick(_EMERGENCY_VARIANTS[1:]))
        return None if ok("emergency") else draw(_pick(_EMERGENCY_VARIANTS))

    def authorization_variant() -> str | None:
        if basis == "free":
            return draw(_maybe(_pick(_AUTHORIZATION_VARIANTS)))
        if basis == "authorization":
            first, *others = _AUTHORIZATION_VARIANTS
            return first if ok("authorization") else draw(_pick(tuple(others)))
        return None if ok("authorization") else draw(_pick(_AUTHORIZATION_VARIANTS))

    w, co, em = warrant_variant(), court_order_variant(), emergency_variant()
    au = authorization_variant()
    warrant = None if w is None else draw(_warrant_for(at, offense, codes, w))
    court_order = None if co is None else draw(_court_order_for(at, co, purpose))
    emergency = None if em is None else draw(_emergency_for(at, em))
    authorization = None if au is None else draw(_authorization_for(at, au))
    # the system's impact assessment and registration: before the search when in order
    before = _minutes(_HOUR, 400 * _DAY).map(lambda m: _shift(at, -m))
    assessed = _choose(draw, good=before, free=_maybe(timestamps()), ok=ok("technology"))
    registered = _choose(draw, good=before, free=_maybe(timestamps()), ok=ok("technology"))

    real_time = _choose(
        draw,
        good=st.booleans() if _scope_reads_real_time(jurisdiction, version) else _NO,
        free=st.booleans(),
        ok=ok("real time"),
    )
    probe_kind = _choose(
        draw,
        good=_pick(_STILLS),
        free=_pick(MediaKind),
        ok=ok("media"),
    )
    if real_time and probe_kind is MediaKind.STILL_IMAGE and draw(st.booleans()):
        probe_kind = MediaKind.LIVE_VIDEO
    suspicion = draw(_pick(tuple(Suspicion)))
    protected_activity = fact("protected activity", st.booleans())
    if protected_activity and mode is _Mode.NEAR_MISS:
        suspicion = Suspicion.NONE
    grounds = frozenset[ProtectedGround]()
    if fact("protected grounds", st.booleans()):
        grounds = draw(_SOME_GROUNDS)
    ongoing, continuous = fact("surveillance"), fact("surveillance")
    if mode is _Mode.NEAR_MISS and wrong == "surveillance":
        # one kind of surveillance or the other: following a person, or watching for a list
        ongoing = draw(st.booleans())
        continuous = not ongoing
    return SearchRequest(
        id=draw(st.integers(1, 99999).map(lambda n: f"FR-{n:05d}")),
        requesting_agency=requesting,
        performing_agency=performing,
        purpose=purpose,
        probe=ProbeImage(
            kind=probe_kind,
            source=draw(_pick(ImageSource)),
            altered=draw(_MOSTLY_NO),
            composite=_choose(draw, good=_NO, free=_MOSTLY_NO, ok=ok("media")),
            protected_activity=protected_activity,
            bystander=fact("bystander"),
        ),
        technology=Technology(
            name=(system := draw(_pick(_SYSTEMS)))[0],
            vendor=system[1],
            approved=_choose(draw, good=_YES, free=st.booleans(), ok=ok("technology")),
            tested_accuracy=_choose(draw, good=_TESTED, free=_ANY_ACCURACY, ok=ok("technology")),
            impact_assessed_at=assessed,
            registered_at=registered,
        ),
        submitted_at=submitted,
        requesting_officer=draw(_maybe(officers(requesting))),
        offense=offense,
        warrant=warrant,
        court_order=court_order,
        emergency=emergency,
        databases=draw(st.frozensets(_pick(Database), max_size=2)),
        analysis=_choose(
            draw,
            good=_pick(_PLAIN_ANALYSES),
            free=_pick(Analysis),
            ok=ok("analysis"),
        ),
        real_time=real_time,
        written_request=_choose(draw, good=_YES, free=st.booleans(), ok=ok("written request")),
        performed_at=performed,
        suspicion=suspicion,
        protected_grounds=grounds,
        ongoing_surveillance=ongoing,
        case_number=None if fact("case number", _MOSTLY_NO) else draw(_CASE_NUMBERS),
        factual_narrative=None if fact("narrative", _MOSTLY_NO) else draw(_NARRATIVES),
        authorization=authorization,
        publicly_accessible=draw(_PUBLIC),
        mobile=fact("mobile"),
        continuous_surveillance=continuous,
    )


def search_requests(
    jurisdiction: Jurisdiction | None = None, version: Version | None = None
) -> st.SearchStrategy[SearchRequest]:
    """Search requests, realistic for a jurisdiction and a version of its law when given.

    With a version, offenses come from its catalog and timestamps from the days it is in
    force (a bill, never in force, takes the whole range); with a jurisdiction only, from
    every version's. A third of the requests are in order, a third near misses (in order
    but for one thing: the route, the purpose, the technology, the media, the analysis,
    real-time use, the written request, the offense, one authorization, the case number,
    the factual narrative, or a search from a mobile device), a third free.

    Args:
        jurisdiction: The jurisdiction whose law the requests are for.
        version: The version of that law (any version, even without ``jurisdiction``).
    """
    return _search_requests(jurisdiction, version)


@st.composite
def _search_records(draw: st.DrawFn) -> SearchRecord:
    request = draw(search_requests())
    after = (request.performed_at or request.submitted_at).astimezone(UTC)
    later = st.none() | _minutes(0, 200 * _DAY).map(lambda m: _shift(after, m))
    candidates = draw(st.integers(0, 50))
    return SearchRecord(
        request=request,
        candidates_returned=candidates,
        human_review=draw(st.booleans()),
        documented_at=draw(later),
        reported_at=draw(later),
        subject_race=draw(st.none() | st.sampled_from(Race)),
        subject_gender=draw(st.none() | st.sampled_from(Gender)),
        subject_age=draw(st.none() | st.integers(0, 110)),
        matches_acted_on=draw(st.none() | st.integers(0, candidates)),
        stopped_at=draw(later),
        deleted_at=draw(later),
        notified_at=draw(later),
    )


def search_records() -> st.SearchStrategy[SearchRecord]:
    """Lines of a search log: a request, its candidates, when it was documented and reported.

    And when the use was stopped, its data deleted and the use notified, if ever.
    """
    return _search_records()


# -- what follows in court ------------------------------------------------------------------


def notices(search_id: str | None = None) -> st.SearchStrategy[Notice]:
    """Notices to a defendant of a search (``search_id``, else any), disclosing some records."""
    return st.builds(
        Notice,
        search_id=st.just(search_id) if search_id is not None else _ids("FR"),
        served_at=timestamps(),
        disclosures=st.frozensets(_pick(Disclosure)),
    )


@st.composite
def _case_records(draw: st.DrawFn) -> CaseRecord:
    search_id = draw(_ids("FR"))
    arraignment = draw(st.none() | timestamps())
    pretrial = trial = None
    if arraignment is not None:
        pretrial = draw(st.none() | _minutes(0, 120 * _DAY).map(lambda m: _shift(arraignment, m)))
    if pretrial is not None:
        trial = draw(st.none() | _minutes(0, 200 * _DAY).map(lambda m: _shift(pretrial, m)))
    return CaseRecord(
        relied_on_at=draw(st.none() | timestamps()),
        corroborated_at=draw(st.none() | timestamps()),
        lineup_at=draw(st.none() | timestamps()),
        arrested_at=draw(st.none() | timestamps()),
        id=draw(st.integers(1, 9999).map(lambda n: f"2484CR{n:04d}")),
        defendant=draw(_pick(("A. Doe", "B. Roe"))),
        search_id=search_id,
        charge_codes=draw(st.frozensets(_ids("OFF"), max_size=3)),
        first_appearance_at=draw(st.none() | timestamps()),
        arraignment_at=arraignment,
        pretrial_conference_at=pretrial,
        trial_at=trial,
        notices=tuple(draw(st.lists(notices(search_id), max_size=2))),
    )


def case_records() -> st.SearchStrategy[CaseRecord]:
    """Criminal cases with court dates in order and notices of their own search."""
    return _case_records()


def events() -> st.SearchStrategy[Event]:
    """Events of every kind, with the disclosures, court, rank and authority they may carry."""
    return st.builds(
        Event,
        kind=_pick(EventKind),
        at=timestamps(),
        disclosures=st.frozensets(_pick(Disclosure)),
        court=_maybe(_pick(CourtKind)),
        supervisory=st.booleans(),
        authority=_maybe(_pick(tuple(Authority))),
    )


# -- law ------------------------------------------------------------------------------------


@st.composite
def _instruments(draw: st.DrawFn) -> Instrument:
    status = draw(_pick(InstrumentStatus))
    start = draw(st.none() | _dates()) if status is not InstrumentStatus.IN_FORCE else None
    start = start or draw(_dates())
    until = draw(st.none() | st.integers(1, 3650))
    return Instrument(
        id=draw(st.integers(1, 9999).map(lambda n: f"H.{n}")),
        title=draw(_pick(("An Act relative to facial recognition", "A policy"))),
        kind=draw(_pick(InstrumentKind)),
        status=status,
        effective_from=start,
        effective_until=None if until is None else start + timedelta(days=until),
        url=draw(st.none() | st.just("https://malegislature.gov/")),
    )


def instruments() -> st.SearchStrategy[Instrument]:
    """Statutes, bills, regulations and policies, with consistent effective dates."""
    return _instruments()


def citations() -> st.SearchStrategy[Citation]:
    """Citations to a section and, often, a subsection."""
    return st.builds(
        Citation,
        instrument=st.integers(1, 9999).map(lambda n: f"H.{n}"),
        section=_pick(("G.L. c.6 §220", "G.L. c.276 §1")),
        subsection=_maybe(_pick(("(a)", "(d)", "(d)(1)"))),
        url=st.none() | st.just("https://malegislature.gov/"),
    )


# -- invalid input --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class InvalidDocument:
    """A JSON-ready document that is invalid in exactly one known way.

    ``from_dict(data, cls)`` must raise :class:`~frpolicy.serialization.InputError` with a
    line that starts with ``path`` and contains ``message``.
    """

    cls: type
    data: typing.Any
    path: str
    message: str
    defect: str

    def __repr__(self) -> str:
        """The defect and where it is: ``InvalidDocument(SearchRequest, $.x: ...)``."""
        return f"InvalidDocument({self.cls.__name__}, {self.defect} at {self.path})"


_Slot = tuple[dict[str, typing.Any], str, str, object]  # (container, key, path, field type)


def _slots(cls: type, data: dict[str, typing.Any], path: str) -> list[_Slot]:
    """Every field present in a document, with its container and declared type."""
    hints = typing.get_type_hints(cls)
    found: list[_Slot] = []
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        tp = hints[field.name]
        here = f"{path}.{field.name}"
        found.append((data, field.name, here, tp))
        inner = [a for a in typing.get_args(tp) if attrs.has(a)] or ([tp] if attrs.has(tp) else [])
        value = data[field.name]
        if inner and isinstance(value, dict):
            found.extend(_slots(inner[0], value, here))
    return found


def _is(tp: object, kind: type) -> bool:
    return tp is kind or kind in typing.get_args(tp)


def _enum_type(tp: object) -> type[enum.Enum] | None:
    if typing.get_origin(tp) in {frozenset, tuple}:
        return None
    for candidate in (tp, *typing.get_args(tp)):
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return candidate
    return None


@st.composite
def _invalid_documents(draw: st.DrawFn) -> InvalidDocument:
    cls, valid = draw(
        st.sampled_from(
            (
                (SearchRequest, search_requests()),
                (Warrant, warrants()),
                (Emergency, emergencies()),
                (Notice, notices()),
                (CaseRecord, case_records()),
            )
        ).flatmap(lambda pair: st.tuples(st.just(pair[0]), pair[1]))
    )
    data = copy.deepcopy(to_dict(valid))
    slots = _slots(cls, data, "$")
    required = attrs.fields_dict(cls)
    candidates: dict[str, list[tuple[dict[str, typing.Any], str, str]]] = {
        "unknown field": [(data, "colour", "$")]
        + [(c[k], "colour", p) for c, k, p, _ in slots if isinstance(c[k], dict)],
        "missing field": [
            (c, k, p) for c, k, p, _ in slots if c is data and required[k].default is attrs.NOTHING
        ],
        "naive datetime": [
            (c, k, p) for c, k, p, tp in slots if _is(tp, datetime) and c[k] is not None
        ],
        "wrong type": [(c, k, p) for c, k, p, tp in slots if tp in {str, bool}],
        "unknown value": [
            (c, k, p) for c, k, p, tp in slots if _enum_type(tp) is not None and c[k] is not None
        ],
    }
    defect = draw(st.sampled_from([d for d, found in candidates.items() if found]))
    container, key, path = draw(st.sampled_from(candidates[defect]))
    if defect == "unknown field":
        container[key] = "blue"
        path, message = f"{path}.{key}", "unknown field"
    elif defect == "missing field":
        del container[key]
        message = "required field missing"
    elif defect == "naive datetime":
        container[key] = datetime.fromisoformat(container[key]).replace(tzinfo=None).isoformat()
        message = "naive datetime, give a timezone"
    elif defect == "wrong type":
        container[key] = 7 if isinstance(container[key], str) else "yes"
        message = "expected a"
    else:
        container[key] = "no_such_value"
        message = "unknown value 'no_such_value'"
    return InvalidDocument(cls=cls, data=data, path=path, message=message, defect=defect)


def invalid_documents() -> st.SearchStrategy[InvalidDocument]:
    """Documents invalid in one known way, with the path and message the error must give.

    The defects: an unknown field, a missing required field, a naive datetime, a value of
    the wrong JSON type, an unknown enumeration value; anywhere in a request, warrant,
    emergency, notice or case record.
    """
    return _invalid_documents()
