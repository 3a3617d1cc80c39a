r"""Jurisdictions: the law of a place, in dated versions, found by code.

A :class:`Jurisdiction` (``US-MA``) holds versions (:class:`Version`), one per instrument: the
statute in force, and the bills that would replace it. Each version has its
:class:`~frpolicy.policy.Policy`, the offense catalog it was written against, the
invariants (:class:`Invariant`) it declares about itself, and the provisions it records as prose.

Where the text admits more than one reading, the version names the reading it adopts (a
:class:`~frpolicy.law.Reading`), and ``version.with_readings({"reading-id": "choice-id"})``
gives the same law read the other way.

There is one way to ask for each kind of law:

- the law in force on a day: ``jurisdiction.in_force(day)``; a proposed bill is never
  in force, so never chosen by date;
- a bill or statute by name: ``jurisdiction.version("H.1728")``.

``jurisdiction.evaluate(request)`` judges a request under the law in force when it was
performed. Every decision names the jurisdiction and instrument that made it.

Jurisdictions are found by entry point: a package adds one under the
``frpolicy.jurisdictions`` group, named by the jurisdiction's code and naming a
:class:`Jurisdiction` object, and :func:`jurisdiction` finds it once the package is
installed. A plug-in is loaded when it is first asked for, and one that is broken (it
fails to import, names something that is not a jurisdiction, or shares its code with
another package's) never affects the others: asking for it raises a :class:`PluginError`
that says why, and :func:`plugin_errors` lists every such plug-in. The places frpolicy
ships are its own: found without reading any package's metadata, and never displaced; a
package that registers one of their codes is a broken plug-in.

>>> import frpolicy
>>> ma = frpolicy.jurisdiction("US-MA")
>>> [v.instrument.id for v in ma.versions]
['St. 2020, c.253', 'H.1728', 'H.4359']
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

import attrs

from frpolicy._repr import attrs_repr
from frpolicy.law import (
    Citation,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    OffenseList,
    Provision,
    Reading,
)
from frpolicy.model import Agency, Classification, Offense, Penalty, SearchRequest
from frpolicy.policy import NO_LAW, Decision, Outcome, Policy, Variant, _lazily
from frpolicy.predicates import Predicate, evaluation_time, leaf

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint, EntryPoints

__all__ = [
    "ENTRY_POINT_GROUP",
    "InconsistentRequest",
    "Invariant",
    "Jurisdiction",
    "PluginError",
    "Version",
    "choose_readings",
    "jurisdiction",
    "jurisdictions",
    "plugin_errors",
]

ENTRY_POINT_GROUP = "frpolicy.jurisdictions"
"""The entry-point group under which packages register jurisdictions."""


@attrs.frozen(kw_only=True, repr=False)
class Invariant:
    """What a provision says of every decision, stated as a reader of the statute would.

    For every request whose outcome is in ``outcomes`` and for which ``when`` holds (every
    such request, when ``when`` is ``None``), ``holds`` holds and the decision carries
    every duty named in ``obliges``. For example, "a permitted search is always performed
    by the State Police", or "every request the law governs is kept as a public record".

    An invariant is written from the provision it cites, from leaves, never by reusing the
    predicate of the rule it checks: a misread rule must not pass its own invariant.

    Raises:
        ValueError: the invariant asks nothing (neither ``holds`` nor ``obliges``).
    """

    __repr__ = attrs_repr

    id: str
    statement: str
    holds: Predicate | None = None
    when: Predicate | None = None
    obliges: tuple[str, ...] = ()
    outcomes: frozenset[Outcome] = frozenset({Outcome.PERMITTED})
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        if self.holds is None and not self.obliges:
            msg = f"invariant {self.id!r}: give what holds, what it obliges, or both"
            raise ValueError(msg)

    def broken_by(self, request: SearchRequest, decision: Decision) -> str | None:
        """Why the decision on a request breaks this invariant, or ``None`` if it does not."""
        if decision.outcome not in self.outcomes:
            return None
        if self.when is not None and not self.when(request, decision.at):
            return None
        if self.holds is not None and not self.holds(request, decision.at):
            failed = self.holds.explain(request, decision.at).because()
            return "; ".join(str(c) for c in failed) or "its condition does not hold"
        attached = {o.duty for o in decision.obligations}
        missing = [duty for duty in self.obliges if duty not in attached]
        if missing:
            return f"the decision does not oblige {', '.join(missing)}"
        return None


_Judged = dict[int, tuple[Offense, tuple[str, ...]]]
_JUDGED_LIMIT = 4096
"""How many offenses a version keeps the problems of (:meth:`Version.problems`)."""


def _judged(
    judged: _Judged, offense: Offense, judge: Callable[[Offense], tuple[str, ...]]
) -> tuple[str, ...]:
    """``judge(offense)``, kept by the offense's identity.

    An audit meets one offense object on many lines (its decoder shares them): a version
    judges it once.
    """
    found = judged.get(id(offense))
    if found is None or found[0] is not offense:
        if len(judged) >= _JUDGED_LIMIT:
            judged.clear()
        found = judged[id(offense)] = (offense, judge(offense))
    return found[1]


@attrs.frozen(kw_only=True, repr=False)
class Version:
    """One instrument of a jurisdiction, with everything needed to apply it.

    ``aliases`` are other names of the same text (a bill's companion in the other
    chamber); ``provisions`` are those recorded as prose only. ``classify`` is how the law
    classes an offense by its penalty, when it does (Massachusetts: G.L. c.274 §1).
    ``offense_lists`` are the lists of offenses the law draws (Maryland's twelve categories),
    which an offense names in ``Offense.listed_in``.

    ``build`` makes the version anew for a choice of readings (reading id to choice id,
    the others as adopted); a version whose policy rests on readings is made by
    :meth:`from_builder`, so :meth:`with_readings` can apply the law read another way.
    """

    policy: Policy
    offenses: tuple[Offense, ...] = ()
    offense_lists: tuple[OffenseList, ...] = ()
    invariants: tuple[Invariant, ...] = ()
    provisions: tuple[Provision, ...] = ()
    aliases: tuple[str, ...] = ()
    summary: str = ""
    classify: Callable[[Penalty], Classification] | None = attrs.field(default=None, eq=False)
    build: Callable[[Mapping[str, str]], Version] | None = attrs.field(
        default=None, eq=False, repr=False
    )
    _catalog: Mapping[str, Offense] = attrs.field(init=False, eq=False, repr=False)
    _list_ids: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    _lists_judged: _Judged = attrs.field(init=False, factory=dict, eq=False, repr=False)
    _class_judged: _Judged = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # looked up for every record an audit reads (problems): indexed once
        catalog: dict[str, Offense] = {}
        for offense in self.offenses:
            catalog.setdefault(offense.code, offense)  # the first of a code, as ever
        object.__setattr__(self, "_catalog", catalog)
        object.__setattr__(self, "_list_ids", frozenset(lst.id for lst in self.offense_lists))

    def __repr__(self) -> str:
        """The jurisdiction, the instrument and any reading not as adopted: a REPL line."""
        changed = {r.id: r.chosen for r in self.readings if r.chosen != r.choices[0].id}
        readings = f", readings={changed!r}" if changed else ""
        return (
            f"Version(jurisdiction={self.policy.jurisdiction!r}, "
            f"instrument={self.instrument.id!r}{readings})"
        )

    @property
    def instrument(self) -> Instrument:
        """The statute or bill this version encodes."""
        return self.policy.instrument

    @property
    def readings(self) -> tuple[Reading, ...]:
        """The readings of the law this version rests on, each with its choice in force."""
        return self.policy.readings

    @classmethod
    def from_builder(
        cls, build: Callable[[Mapping[str, str]], Version], choices: Mapping[str, str] | None = None
    ) -> Version:
        """The version ``build`` makes for ``choices``, knowing what every other choice changes.

        ``build`` takes a choice of readings (reading id to choice id, the others as
        adopted) and returns the version so read. The version returned also holds, as its
        policy's variants (:class:`~frpolicy.policy.Variant`), the scope, rules and duties of
        every other choice of each reading, so that each decision can name the readings it rests
        on; and it keeps ``build`` for :meth:`with_readings`. The variants are built when
        first asked for (the first decision under the version, or its analysis), so a bill
        that is never applied costs one build.

        Raises:
            LookupError: a reading id is unknown.
            ValueError: a reading has no such choice.
        """
        version = build(choices or {})
        current = {r.id: r.chosen for r in version.readings}
        variants = _Variants(build=build, readings=version.readings, current=current)
        policy = _lazily(version.policy, variants)
        return attrs.evolve(version, policy=policy, build=build)

    def with_readings(self, choices: Mapping[str, str]) -> Version:
        """This version with other readings of the law in force.

        Args:
            choices: reading id to choice id, for the readings to change; the others keep
                their choice.

        Raises:
            LookupError: the version has no such reading.
            ValueError: a reading has no such choice.
        """
        current = {r.id: r.chosen for r in self.readings}
        for reading_id, choice in choices.items():
            self.policy.reading(reading_id).choose(choice)  # raises for an unknown one
        if all(current[k] == v for k, v in choices.items()):
            return self
        if self.build is None:
            msg = f"{self.instrument.id} was not made by a builder; make it with from_builder"
            raise ValueError(msg)
        return Version.from_builder(self.build, current | dict(choices))

    def problems(self, request: SearchRequest, *, classification: bool = True) -> tuple[str, ...]:
        """What this law finds inconsistent in a request, a line per problem with its path.

        How an offense is classed is the law of each place, computed from its penalty
        (``classify``); the classification a client sends is advisory. One this law does
        not give is a problem here, unless ``classification`` is false: a client that sends
        armed robbery as a misdemeanor is told so (``evaluate(..., strict=True)`` and the
        command line refuse it), while :func:`~frpolicy.comparison.compare` and the audit
        judge it by this law's own classification and only note the disagreement. An offense
        of another place (``Offense.place``) comes with that place's class, which is not this
        law's to give: it is never refused for it. The lists
        of this jurisdiction the offense names must be lists the law draws, and an offense of
        the catalog must be on the lists the catalog puts it on: first-degree assault sent
        without Maryland's list of crimes of violence is refused, not judged as unlisted.
        """
        offense = request.offense
        if offense is None:
            return ()
        of_lists = _judged(self._lists_judged, offense, self._list_problems)
        if not classification:
            return of_lists
        return (*_judged(self._class_judged, offense, self._class_problems), *of_lists)

    def _class_problems(self, offense: Offense) -> tuple[str, ...]:
        given = offense.classification
        code = self.policy.jurisdiction
        # another place's offense comes with that place's class, which is not this law's to give
        own = offense.place is None or offense.place == code or offense.place.startswith(f"{code}-")
        if own and self.classify is not None and given is not None:
            expected = self.classify(offense.penalty)
            if given is not expected:
                problem = (
                    f"$.offense.classification: {given.value!r}, but "
                    f"{self.policy.jurisdiction} law classes an offense with this penalty as "
                    f"{expected.value!r}"
                )
                return (problem,)
        return ()

    def _list_problems(self, offense: Offense) -> tuple[str, ...]:
        prefix = f"{self.policy.jurisdiction}:"
        known = self._list_ids
        mine = {i for i in offense.listed_in if i.startswith(prefix)}
        found = [
            f"$.offense.listed_in: {self.policy.jurisdiction} law draws no list {i!r}; "
            f"known: {', '.join(sorted(known)) or 'none'}"
            for i in sorted(mine - known)
        ]
        catalogued = self._catalog.get(offense.code)
        if catalogued is not None and not found:
            expected = {i for i in catalogued.listed_in if i.startswith(prefix)}
            if mine != expected:
                found.append(
                    f"$.offense.listed_in: {offense.code!r} is on "
                    f"{', '.join(sorted(expected)) or 'no list'} of {self.policy.jurisdiction} "
                    f"law, not {', '.join(sorted(mine)) or 'none'}"
                )
        return tuple(found)

    def offense_list(self, list_id: str) -> OffenseList:
        """The list of offenses of this id the law draws.

        Raises:
            LookupError: the law draws no such list.
        """
        for found in self.offense_lists:
            if found.id == list_id:
                return found
        msg = f"{self.instrument.id}: no offense list {list_id!r}"
        raise LookupError(msg)

    def evaluate(
        self, request: SearchRequest, at: datetime | None = None, *, strict: bool = False
    ) -> Decision:
        """The explained decision on a request under this version.

        By default the request is judged as it is, its offense by this law's own
        classification of the penalty. With ``strict``, a request this law finds
        inconsistent (:meth:`problems`: a classification the law does not give, a list it
        does not draw) is refused with :class:`InconsistentRequest`, as the command line
        refuses it: the answer an embedding service gives is then the command line's.

        Raises:
            InconsistentRequest: ``strict`` is set and the request is inconsistent with
                this law.
        """
        if strict:
            problems = self.problems(request)
            if problems:
                raise InconsistentRequest(self.policy.jurisdiction, problems)
        return self.policy.evaluate(request, at)

    def decide(self, request: SearchRequest, at: datetime | None = None) -> Outcome:
        """The bare outcome of a request under this version, by the fast path."""
        policy = self.policy  # the compiled function itself, a call less than Policy.decide
        return (policy._engine or policy._compiled()).decide(request, at)  # noqa: SLF001

    def offense(self, code: str) -> Offense:
        """The offense of the catalog with this code.

        Raises:
            LookupError: the catalog has no such offense.
        """
        found = self._catalog.get(code)
        if found is not None:
            return found
        msg = f"{self.instrument.id}: no offense {code!r} in the catalog"
        raise LookupError(msg)


class _Variants:
    """Makes the variants of a version built by ``build``: one build per other choice."""

    __slots__ = ("build", "current", "readings")

    def __init__(
        self,
        *,
        build: Callable[[Mapping[str, str]], Version],
        readings: tuple[Reading, ...],
        current: Mapping[str, str],
    ) -> None:
        self.build = build
        self.readings = readings
        self.current = current

    def __call__(self) -> tuple[Variant, ...]:
        variants = []
        for reading in self.readings:
            for choice in reading.choices:
                if choice.id != reading.chosen:
                    other = self.build({**self.current, reading.id: choice.id}).policy
                    variants.append(
                        Variant(
                            reading=reading.id,
                            choice=choice.id,
                            scope=other.scope,
                            rules=other.rules,
                            duties=other.duties,
                        )
                    )
        return tuple(variants)


def choose_readings(readings: Iterable[Reading], choices: Mapping[str, str]) -> dict[str, Reading]:
    """The readings, by id, with ``choices`` in force (reading id to choice id).

    Readings not named keep their choice. A jurisdiction module's builder starts here.

    Raises:
        LookupError: no reading has one of the ids.
        ValueError: a reading has no such choice.
    """
    known = {r.id: r for r in readings}
    unknown = sorted(set(choices) - set(known))
    if unknown:
        msg = f"no reading {unknown[0]!r}; known: {', '.join(known) or 'none'}"
        raise LookupError(msg)
    return {i: r.choose(choices[i]) if i in choices else r for i, r in known.items()}


@attrs.frozen(kw_only=True, repr=False)
class Jurisdiction:
    """A place whose law governs searches, and the versions of that law.

    ``agencies`` are sample agencies of the place (its State Police, a city police
    department, its motor vehicle registry...), for generated requests, examples and the
    documentation: test requests for Maryland name Maryland's agencies.

    Raises:
        ValueError: two versions share a name, or a version's policy is another
            jurisdiction's.
    """

    code: str
    name: str
    versions: tuple[Version, ...]
    agencies: tuple[Agency, ...] = attrs.field(default=(), repr=False)

    def __attrs_post_init__(self) -> None:
        names = [n for v in self.versions for n in (v.instrument.id, *v.aliases)]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            msg = f"{self.code}: versions need distinct names; repeated: {', '.join(repeated)}"
            raise ValueError(msg)
        for v in self.versions:
            if v.policy.jurisdiction != self.code:
                msg = f"{self.code}: version {v.instrument.id} is for {v.policy.jurisdiction}"
                raise ValueError(msg)

    def __repr__(self) -> str:
        """The code, the name and the versions' instruments: a REPL line, not the law."""
        versions = tuple(v.instrument.id for v in self.versions)
        return f"Jurisdiction(code={self.code!r}, name={self.name!r}, versions={versions!r})"

    def version(self, name: str) -> Version:
        """The version encoding the instrument of this name (or alias), in force or not.

        Raises:
            LookupError: no version has this name.
        """
        for v in self.versions:
            if name == v.instrument.id or name in v.aliases:
                return v
        known = ", ".join(n for v in self.versions for n in (v.instrument.id, *v.aliases))
        msg = f"{self.code} has no version {name!r}; known: {known}"
        raise LookupError(msg)

    def with_readings(self, choices: Mapping[str, str]) -> Jurisdiction:
        """This jurisdiction with other readings in force, in every version that has them.

        Args:
            choices: reading id to choice id; each reading changes in the versions that
                rest on it, the others are left as they are.

        Raises:
            LookupError: no version has one of the readings.
            ValueError: a reading has no such choice.
        """
        known = {r.id for v in self.versions for r in v.readings}
        unknown = sorted(set(choices) - known)
        if unknown:
            msg = f"{self.code} has no reading {unknown[0]!r}; known: {', '.join(sorted(known))}"
            raise LookupError(msg)
        versions = tuple(
            v.with_readings({k: c for k, c in choices.items() if k in {r.id for r in v.readings}})
            for v in self.versions
        )
        return attrs.evolve(self, versions=versions)

    def in_force(self, day: date) -> Version:
        """The version in force on ``day``; a datetime is taken in the jurisdiction's time zone.

        Raises:
            LookupError: no encoded instrument is in force that day.
            ValueError: ``day`` is a naive datetime.
        """
        if isinstance(day, datetime):
            if day.tzinfo is None:
                msg = "day: naive datetime, give a timezone"
                raise ValueError(msg)
            calendar = self.versions[0].policy.calendar
            try:
                day = day.astimezone(calendar.zone).date()
            except OverflowError:
                msg = f"{self.code}: no encoded law is in force at {day.isoformat()}: its day "
                msg += f"in {calendar.timezone} lies outside the calendar"
                raise LookupError(msg) from None
        for v in self.versions:
            if v.instrument.in_force_on(day):
                return v
        msg = f"{self.code}: no encoded law is in force on {day.isoformat()}"
        raise LookupError(msg)

    def law_at(self, moment: date) -> Version:
        """The version that governs a search judged at ``moment``.

        The version in force then (:meth:`in_force`); or, when no encoded law of this place
        was, a version that governs nothing: every request is ``NOT_APPLICABLE`` under it,
        its decisions name the instrument :data:`~frpolicy.policy.NO_LAW`, and their memo
        says that no encoded law governed the search then, and which law took effect when.

        Raises:
            ValueError: ``moment`` is a naive datetime.
        """
        try:
            return self.in_force(moment)
        except LookupError:
            return _no_law(self.code, self.name, self.versions)

    def evaluate(
        self, request: SearchRequest, at: datetime | None = None, *, strict: bool = False
    ) -> Decision:
        """The decision under the law in force when the request is judged.

        The request is judged at ``at``, or else when it was performed, or else
        submitted; the day is taken in the jurisdiction's own time zone. A request judged
        on a day no encoded law of the place was in force is ``NOT_APPLICABLE``
        (:meth:`law_at`). ``strict`` is as for :meth:`Version.evaluate`.

        Raises:
            InconsistentRequest: ``strict`` is set and the request is inconsistent with
                the law that judges it.
        """
        at = evaluation_time(request, at)
        return self.law_at(at).evaluate(request, at, strict=strict)


def _law_periods(versions: tuple[Version, ...]) -> str:
    """When each encoded law of a place is in force, in prose."""
    periods = []
    for v in versions:
        start, end = v.instrument.effective_from, v.instrument.effective_until
        if v.instrument.status is InstrumentStatus.PROPOSED or start is None:
            continue
        until = f" until {end.isoformat()}" if end is not None else ""
        periods.append(f"{v.instrument.id} from {start.isoformat()}{until}")
    return "; ".join(periods) or "none of its encoded instruments is in force"


_NO_LAW_VERSIONS: dict[tuple[str, str, tuple[str, ...]], Version] = {}


def _no_law(code: str, name: str, versions: tuple[Version, ...]) -> Version:
    """The version of a place on a day none of its encoded laws was in force: it governs nothing."""
    key = (code, name, tuple(v.instrument.id for v in versions))
    found = _NO_LAW_VERSIONS.get(key)
    if found is None:
        outside = leaf(
            "encoded_law_in_force",
            f"an encoded law of {name} was in force when the search was judged "
            f"({_law_periods(versions)})",
            "False",
        )
        found = Version(
            policy=Policy(
                jurisdiction=code,
                instrument=Instrument(
                    id=NO_LAW,
                    title=f"No encoded law of {name}",
                    kind=InstrumentKind.STATUTE,
                    status=InstrumentStatus.PROPOSED,
                ),
                calendar=versions[0].policy.calendar,
                scope=outside,
                rules=(),
            ),
            offense_lists=tuple(
                {lst.id: lst for v in versions for lst in v.offense_lists}.values()
            ),
            summary=f"No encoded law of {name} was in force: no request is governed.",
        )
        _NO_LAW_VERSIONS[key] = found
    return found


class InconsistentRequest(ValueError):  # noqa: N818 - named for what the request is, as the law says it
    """A request the law judging it finds inconsistent, refused by a strict evaluation.

    ``jurisdiction`` is the code of the law; ``problems`` say what is wrong, a line each with
    the path of the field (:meth:`Version.problems`).
    """

    def __init__(self, jurisdiction: str, problems: tuple[str, ...]) -> None:
        """Record the jurisdiction and the problems."""
        self.jurisdiction = jurisdiction
        self.problems = problems
        super().__init__("; ".join(problems))


class PluginError(LookupError):
    """An installed jurisdiction plug-in that cannot be used, and why.

    ``code`` is the jurisdiction's code (the entry point's name); ``reason`` says what is
    wrong, in one line: the import failed (with the error), the entry point names
    something that is not a :class:`Jurisdiction`, several packages register the code, or
    the code is of a place frpolicy ships.
    """

    def __init__(self, code: str, reason: str) -> None:
        """Record the code and the reason."""
        self.code = code
        self.reason = reason
        super().__init__(f"jurisdiction {code!r} cannot be used: {reason}")

    def __str__(self) -> str:
        """The message, without the quotes a ``LookupError`` adds to its argument."""
        return str(self.args[0])


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[:limit]} (cut)"


def _origin(entry: EntryPoint) -> str:
    """Where an entry point comes from: ``XX = module:NAME`` and the package that declares it."""
    dist = getattr(entry, "dist", None)
    package = f" of {dist.name} {dist.version}" if dist is not None else ""
    return f"the entry point {entry.name} = {entry.value}{package}"


def entry_points(*, group: str) -> EntryPoints:
    """The installed entry points of ``group``, read when a jurisdiction is first asked for.

    :mod:`importlib.metadata` is imported here, not with frpolicy: it costs more than
    everything else ``import frpolicy`` does.
    """
    from importlib.metadata import entry_points as installed  # noqa: PLC0415

    return installed(group=group)


_SHIPPED: Mapping[str, str] = {
    "EU": "frpolicy.jurisdictions.eu:EU",
    "US-AL": "frpolicy.jurisdictions.us_al:ALABAMA",
    "US-CO": "frpolicy.jurisdictions.us_co:COLORADO",
    "US-MA": "frpolicy.jurisdictions.us_ma:MASSACHUSETTS",
    "US-MD": "frpolicy.jurisdictions.us_md:MARYLAND",
    "US-ME": "frpolicy.jurisdictions.us_me:MAINE",
    "US-MI-DET": "frpolicy.jurisdictions.us_mi_det:DETROIT",
    "US-MT": "frpolicy.jurisdictions.us_mt:MONTANA",
    "US-UT": "frpolicy.jurisdictions.us_ut:UTAH",
    "US-VA": "frpolicy.jurisdictions.us_va:VIRGINIA",
    "US-WA": "frpolicy.jurisdictions.us_wa:WASHINGTON",
}
"""The places frpolicy ships, by code: the entry points its own package declares.

A shipped place is found without reading the installed packages' metadata, which costs
more than the rest of taking a jurisdiction (importing :mod:`importlib.metadata` alone),
and whether that metadata is intact or not (an application bundled with its libraries
may lose it). Its code is frpolicy's: another package's entry point of that name is
listed by :func:`plugin_errors` and never loaded, and frpolicy's own place answers.
"""


@functools.cache
def _shipped(code: str) -> Jurisdiction:
    module, _, name = _SHIPPED[code].partition(":")
    return cast("Jurisdiction", getattr(importlib.import_module(module), name))


def _claim(code: str) -> PluginError | None:
    """Why the entry points of other packages that name a shipped code are refused, if any.

    ``None`` for a code frpolicy does not ship: its entry points are plug-ins, loaded.
    """
    if code not in _SHIPPED:
        return None
    others = [entry for entry in _registry().get(code, ()) if entry.value != _SHIPPED[code]]
    if not others:
        return None
    origins = "; ".join(_origin(entry) for entry in others)
    reason = f"{origins} registers a code frpolicy ships; frpolicy's own is used instead"
    return PluginError(code, _one_line(reason))


@functools.cache
def _registry() -> dict[str, tuple[EntryPoint, ...]]:
    """The installed entry points of the group, by name: read once, loaded only when asked."""
    found: dict[str, list[EntryPoint]] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(entry.name, []).append(entry)
    return {name: tuple(found[name]) for name in sorted(found)}


@functools.cache
def _load(code: str) -> Jurisdiction | PluginError:
    """The jurisdiction the entry points named ``code`` register, or why there is none."""
    loaded: list[Jurisdiction] = []
    for entry in _registry()[code]:
        try:
            value = entry.load()
        except (Exception, SystemExit) as error:  # noqa: BLE001 - any failure of a plug-in is its own
            reason = f"{_origin(entry)} failed to load: {type(error).__name__}: {error}"
            return PluginError(code, _one_line(reason))
        if not isinstance(value, Jurisdiction):
            kind = (
                f"the class {value.__name__}" if isinstance(value, type) else type(value).__name__
            )
            return PluginError(code, f"{_origin(entry)} names {kind}, not a Jurisdiction")
        if value.code != code:
            reason = f"{_origin(entry)} names the jurisdiction {value.code!r}; an entry point "
            reason += "is named by its jurisdiction's code"
            return PluginError(code, _one_line(reason))
        if all(value is not other for other in loaded):
            loaded.append(value)
    if len(loaded) > 1:
        origins = "; ".join(_origin(entry) for entry in _registry()[code])
        reason = f"{len(loaded)} packages register it ({origins}); uninstall all but one"
        return PluginError(code, _one_line(reason))
    return loaded[0]


def jurisdiction(code: str) -> Jurisdiction:
    """The registered jurisdiction with this code (``"US-MA"``).

    Raises:
        PluginError: the plug-in registering it is broken (a ``LookupError``).
        LookupError: no installed package registers it.
    """
    if code in _SHIPPED:
        return _shipped(code)
    if code not in _registry():
        installed = ", ".join(_codes()) or "none"
        msg = f"no jurisdiction {code!r} is installed; installed: {installed}"
        raise LookupError(msg)
    found = _load(code)
    if isinstance(found, PluginError):
        raise found
    return found


def _codes() -> list[str]:
    """The code of every place shipped or registered, sorted."""
    return sorted(_SHIPPED.keys() | _registry().keys())


def jurisdictions() -> tuple[Jurisdiction, ...]:
    """Every installed jurisdiction that can be used, by code (see :func:`plugin_errors`)."""
    found = (_shipped(code) if code in _SHIPPED else _load(code) for code in _codes())
    return tuple(place for place in found if isinstance(place, Jurisdiction))


def plugin_errors() -> tuple[PluginError, ...]:
    """Every installed jurisdiction plug-in that cannot be used, by code, each with why."""
    found = (_claim(code) if code in _SHIPPED else _load(code) for code in _codes())
    return tuple(error for error in found if isinstance(error, PluginError))
