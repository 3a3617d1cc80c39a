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

from collections.abc import Iterable, Mapping
from datetime import date, datetime

import attrs

from frpolicy._text import printable
from frpolicy.jurisdictions import Jurisdiction, Version, jurisdiction, jurisdictions
from frpolicy.model import SearchRequest
from frpolicy.policy import Decision, Outcome, Reason
from frpolicy.predicates import evaluation_time

__all__ = ["Judgment", "SideBySide", "compare"]


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
        """The comparison as text: a summary per jurisdiction, then each memo in full."""
        day = self.on.date() if isinstance(self.on, datetime) else self.on
        count = len(self.judgments)
        places = "jurisdiction" if count == 1 else "jurisdictions"
        heading = f"Request {self.request_id} under the law of {count} {places} in force on"
        lines = [printable(f"{heading} {day.isoformat()}."), ""]
        for found in self.judgments:  # a line break in a field of the input forges no line
            lines.extend([*map(printable, found.summary()), ""])
        for found in self.judgments:
            if found.decision is not None:
                lines.extend([f"-- {found.jurisdiction} {found.name} --", ""])
                lines.extend([found.decision.explain(), ""])
        return "\n".join(lines).rstrip() + "\n"


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
