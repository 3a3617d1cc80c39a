r"""Jurisdictions: the law of a place, in dated versions, found by code.

A :class:`Jurisdiction` (``US-MA``) holds :class:`Version`\\ s, one per instrument: the
statute in force, and the bills that would replace it. Each version has its
:class:`~frpolicy.policy.Policy`, the offense catalog it was written against, the
:class:`Invariant`\\ s it declares about itself, and the provisions it records as prose.

There is one way to ask for each kind of law:

- the law in force on a day: ``jurisdiction.in_force(day)``; a proposed bill is never
  in force, so never chosen by date;
- a bill or statute by name: ``jurisdiction.version("H.1728")``.

``jurisdiction.evaluate(request)`` judges a request under the law in force when it was
performed. Every decision names the jurisdiction and instrument that made it.

Jurisdictions are found by entry point: a package adds one under the
``frpolicy.jurisdictions`` group, naming a :class:`Jurisdiction` object, and
:func:`jurisdiction` finds it once the package is installed.

>>> import frpolicy
>>> ma = frpolicy.jurisdiction("US-MA")
>>> [v.instrument.id for v in ma.versions]
['St. 2020, c.253', 'H.1728', 'H.4359']
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from importlib.metadata import entry_points

import attrs

from frpolicy.law import Instrument, Provision
from frpolicy.model import Offense, SearchRequest
from frpolicy.policy import Decision, Outcome, Policy
from frpolicy.predicates import Predicate, evaluation_time

__all__ = [
    "ENTRY_POINT_GROUP",
    "Invariant",
    "Jurisdiction",
    "Version",
    "jurisdiction",
    "jurisdictions",
]

ENTRY_POINT_GROUP = "frpolicy.jurisdictions"
"""The entry-point group under which packages register jurisdictions."""


@attrs.frozen(kw_only=True)
class Invariant:
    """A statement a version makes about its own decisions, checked by the property suite.

    Every request whose outcome is in ``outcomes`` must satisfy ``holds``: for example,
    "a permitted search is always performed by the State Police".
    """

    id: str
    statement: str
    holds: Predicate
    outcomes: frozenset[Outcome] = frozenset({Outcome.PERMITTED})


@attrs.frozen(kw_only=True)
class Version:
    """One instrument of a jurisdiction, with everything needed to apply it.

    ``aliases`` are other names of the same text (a bill's companion in the other
    chamber); ``provisions`` are those recorded as prose only.
    """

    policy: Policy
    offenses: tuple[Offense, ...] = ()
    invariants: tuple[Invariant, ...] = ()
    provisions: tuple[Provision, ...] = ()
    aliases: tuple[str, ...] = ()
    summary: str = ""

    @property
    def instrument(self) -> Instrument:
        """The statute or bill this version encodes."""
        return self.policy.instrument

    def evaluate(self, request: SearchRequest, at: datetime | None = None) -> Decision:
        """The explained decision on a request under this version."""
        return self.policy.evaluate(request, at)

    def decide(self, request: SearchRequest, at: datetime | None = None) -> Outcome:
        """The bare outcome of a request under this version, by the fast path."""
        return self.policy.decide(request, at)

    def offense(self, code: str) -> Offense:
        """The offense of the catalog with this code.

        Raises:
            LookupError: the catalog has no such offense.
        """
        for offense in self.offenses:
            if offense.code == code:
                return offense
        msg = f"{self.instrument.id}: no offense {code!r} in the catalog"
        raise LookupError(msg)


@attrs.frozen(kw_only=True)
class Jurisdiction:
    """A place whose law governs searches, and the versions of that law.

    Raises:
        ValueError: two versions share a name, or a version's policy is another
            jurisdiction's.
    """

    code: str
    name: str
    versions: tuple[Version, ...]

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
            day = day.astimezone(self.versions[0].policy.calendar.zone).date()
        for v in self.versions:
            if v.instrument.in_force_on(day):
                return v
        msg = f"{self.code}: no encoded law is in force on {day.isoformat()}"
        raise LookupError(msg)

    def evaluate(self, request: SearchRequest, at: datetime | None = None) -> Decision:
        """The decision under the law in force when the request is judged.

        The request is judged at ``at``, or else when it was performed, or else
        submitted; the day is taken in the jurisdiction's own time zone.

        Raises:
            LookupError: no encoded law was in force that day.
        """
        at = evaluation_time(request, at)
        return self.in_force(at).evaluate(request, at)


@functools.cache
def _registry() -> dict[str, Jurisdiction]:
    found: dict[str, Jurisdiction] = {}
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            loaded = entry.load()
        except Exception as error:
            msg = f"the {ENTRY_POINT_GROUP} entry point {entry.name!r} ({entry.value}) "
            msg += f"failed to load: {error}"
            raise ImportError(msg) from error
        if not isinstance(loaded, Jurisdiction):
            msg = f"the {ENTRY_POINT_GROUP} entry point {entry.name!r} is not a Jurisdiction"
            raise TypeError(msg)
        if loaded.code in found and found[loaded.code] is not loaded:
            msg = f"two {ENTRY_POINT_GROUP} entry points register {loaded.code!r}"
            raise ValueError(msg)
        found[loaded.code] = loaded
    return found


def jurisdiction(code: str) -> Jurisdiction:
    """The registered jurisdiction with this code (``"US-MA"``).

    Raises:
        LookupError: no installed package registers it.
    """
    registry = _registry()
    if code not in registry:
        msg = f"no jurisdiction {code!r} is installed; installed: {', '.join(registry) or 'none'}"
        raise LookupError(msg)
    return registry[code]


def jurisdictions() -> tuple[Jurisdiction, ...]:
    """Every installed jurisdiction, by code."""
    return tuple(_registry()[code] for code in sorted(_registry()))
