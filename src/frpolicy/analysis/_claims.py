"""The claims: what the analysis establishes about one version, each proved or not.

Each question is a satisfiability question put to the session: an invariant holds when no
request breaks it (no model of its negation), a rule decides something when some request
is decided by it (a model, confirmed by the engine as a witness), and so on. A claim is
:attr:`~Status.PROVED`, :attr:`~Status.DISPROVED` or :attr:`~Status.UNDECIDED`, never
more than the analysis knows: an answer the engine does not confirm on the witness rests
on an opaque leaf, and says so.
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Iterable, Mapping

import attrs

from frpolicy import model
from frpolicy.analysis._boundaries import boundaries
from frpolicy.analysis._session import (
    _differs,
    _kept,
    _revisions,
    _Session,
    _variant_version,
)
from frpolicy.analysis._solver import Z3, AnalysisError
from frpolicy.analysis._translation import _in_order, _version_leaves
from frpolicy.analysis._witnesses import Witness, _json, _label, _outcome, _undecided
from frpolicy.jurisdictions import Invariant, Version
from frpolicy.policy import Decision, Duty, Effect, Outcome, Policy, Reason, Rule, Variant
from frpolicy.predicates import Leaf, Predicate, evaluation_time

# -- results --------------------------------------------------------------------------------


class Status(enum.Enum):
    """What the analysis established about a claim."""

    PROVED = "proved"
    """True of every request the model can express (or shown by a witness, for "some")."""
    DISPROVED = "disproved"
    """False: a counterexample the engine confirms, or proved that no request has it."""
    UNDECIDED = "undecided"
    """Not established either way: the answer depends on an opaque leaf, named in the detail."""


class ClaimKind(enum.Enum):
    """The questions a claim answers."""

    INVARIANT = "invariant"
    """A declared invariant holds for every request."""
    APPLIES = "applies"
    """A declared invariant concerns some request (else it is vacuous: it proves nothing)."""
    DECIDES = "decides"
    """A rule determines the outcome of some request (else it is vacuous or shadowed)."""
    NEEDED = "needed"
    """Taking a rule away changes the decision on some request (else it is redundant)."""
    ATTACHES = "attaches"
    """A duty attaches to some request."""
    NEVER_RAISES = "never_raises"
    """A leaf can be evaluated on every valid request."""
    ANALYSABLE = "analysable"
    """A leaf is written in the subset of Python the analysis translates."""
    READING = "reading"
    """Another choice of a reading changes some decision (else the reading is moot)."""
    QUERY = "query"
    """Some request satisfies a condition asked by :func:`query`."""

    @property
    def universal(self) -> bool:
        """Whether the claim is about every request (a failure has a counterexample)."""
        return self in {ClaimKind.INVARIANT, ClaimKind.NEVER_RAISES, ClaimKind.ANALYSABLE}


@attrs.frozen(kw_only=True)
class Claim:
    """One question about a version, and what the analysis established.

    ``witness`` is the counterexample of a disproved claim about every request, or the
    example that proves a claim that some request exists.
    """

    kind: ClaimKind
    subject: str
    version: str
    statement: str
    status: Status
    detail: str = ""
    witness: Witness | None = None

    @property
    def proved(self) -> bool:
        """Whether the claim is proved."""
        return self.status is Status.PROVED

    def __str__(self) -> str:
        """The claim as a sentence: ``proved: invariant X holds under H.1728 ...``."""
        text = f"{self.status.value}: {self.statement}"
        if self.detail:
            text += f". {self.detail}"
        if self.witness is not None:
            label = "counterexample" if self.kind.universal else "for example"
            text += f" ({label}: request {self.witness.request.id}; {self.witness.describe()})"
        return text

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: the claim, its status, and the witness request if there is one."""
        return {
            "kind": self.kind.value,
            "subject": self.subject,
            "version": self.version,
            "statement": self.statement,
            "status": self.status.value,
            "detail": self.detail,
            "witness": None if self.witness is None else self.witness.to_dict(),
        }


@attrs.frozen(kw_only=True)
class Verification:
    """Everything :func:`verify` established about one version."""

    jurisdiction: str
    version: str
    claims: tuple[Claim, ...]

    @property
    def ok(self) -> bool:
        """Whether every claim is proved."""
        return all(c.proved for c in self.claims)

    def failures(self) -> tuple[Claim, ...]:
        """The claims disproved or undecided."""
        return tuple(c for c in self.claims if not c.proved)

    def __str__(self) -> str:
        """A report: a summary line, then every claim that is not proved, then the rest."""
        failing = self.failures()
        head = f"{self.jurisdiction} {self.version}: {len(self.claims) - len(failing)} of "
        head += f"{len(self.claims)} claims proved"
        head += "." if not failing else f"; {len(failing)} not."
        lines = [head]
        lines += [f"  {c}" for c in failing]
        lines += [f"  {c}" for c in self.claims if c.proved]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, typing.Any]:
        """JSON-ready: the version, whether all is proved, and every claim."""
        return {
            "jurisdiction": self.jurisdiction,
            "version": self.version,
            "ok": self.ok,
            "claims": [c.to_dict() for c in self.claims],
        }


# -- the questions --------------------------------------------------------------------------


def _invariant_claim(session: _Session, version: Version, invariant: Invariant) -> Claim:
    z3 = session.z3
    holds, when, obliges = invariant.holds, invariant.when, invariant.obliges
    outcomes = session.outcomes[id(version)]
    duties = {d.id: d for d in version.policy.duties}
    premise = [z3.Or(session.u.false, *(outcomes[o] for o in _in_order(invariant.outcomes)))]
    if when is not None:
        premise.append(z3.Not(session.sym.fails(session.tri(when))))
    broken = []
    if holds is not None:
        broken.append(z3.Not(session.tri(holds).holds))
    missing = [d for d in obliges if d not in duties]
    broken += [z3.Not(session.sym.attaches(duties[d], outcomes)) for d in obliges if d in duties]
    violation = z3.And(*premise, z3.Or(session.u.false, *broken))
    statement = f"invariant {invariant.id} holds under {_label(version)}: "
    statement += invariant.statement
    base = functools.partial(
        Claim,
        kind=ClaimKind.INVARIANT,
        subject=invariant.id,
        version=_label(version),
        statement=statement,
    )
    if missing:
        detail = f"it obliges {', '.join(missing)}, which this version does not have"
        premise_model = session.solve(*premise)
        if premise_model is None:  # no request is concerned: nothing is missed
            return base(status=Status.PROVED, detail=f"no request is concerned, though {detail}")
        witness, differing = session.witness(
            premise_model, [version], _invariant_predicates(invariant)
        )
        if _invariant_problem(invariant, witness.decisions[0], witness.request) is None:
            return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
        return base(status=Status.DISPROVED, detail=detail, witness=witness)
    found = session.solve(violation)
    if found is None:
        return base(status=Status.PROVED)
    witness, differing = session.witness(found, [version], _invariant_predicates(invariant))
    problem = _invariant_problem(invariant, witness.decisions[0], witness.request)
    if problem is None:
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    return base(status=Status.DISPROVED, detail=problem, witness=witness)


def _invariant_predicates(invariant: Invariant) -> list[Predicate]:
    return [p for p in (invariant.holds, invariant.when) if p is not None]


def _invariant_problem(
    invariant: Invariant, decision: Decision, request: model.SearchRequest
) -> str | None:
    """What the engine says breaks the invariant on a request, or None if nothing does."""
    try:
        broken = invariant.broken_by(request, decision)
    except Exception as error:  # noqa: BLE001 - an invariant whose condition raises is broken
        broken = f"its condition cannot be evaluated ({type(error).__name__}: {error})"
    if broken is None:
        return None
    return f"the outcome is {decision.outcome.name}, but {broken}"


def prove(version: Version, invariant: Invariant) -> Claim:
    """Prove that an invariant holds for every request, or find a counterexample.

    Args:
        version: The version of the law.
        invariant: A statement about its decisions (one of ``version.invariants``, or any).

    Returns:
        A claim of kind :attr:`~ClaimKind.INVARIANT`: proved; disproved, with a
        counterexample the engine confirms; or undecided, naming the opaque leaves.

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    session = _Session([version])
    claim = _invariant_claim(session, version, invariant)
    _check_on_boundaries(session, version, [claim], invariants=[invariant])
    return claim


def _decides_claim(session: _Session, version: Version, rule: Rule) -> Claim:
    z3 = session.z3
    policy = version.policy
    outcomes = session.outcomes[id(version)]
    tri = session.tri(rule.when)
    scope = session.tri(policy.scope).holds
    outcome = Outcome.PERMITTED if rule.effect is Effect.PERMIT else Outcome.FORBIDDEN
    decides = z3.And(outcomes[outcome], tri.holds)
    base = functools.partial(
        Claim,
        kind=ClaimKind.DECIDES,
        subject=rule.id,
        version=_label(version),
        statement=f"rule {rule.id} decides some request under {_label(version)}",
    )
    found = session.solve(decides)
    if found is not None:
        witness, differing = session.witness(found, [version])
        if any(r.rule == rule.id for r in witness.decisions[0].determining if r.applies) and (
            witness.decisions[0].outcome is outcome
        ):
            return base(status=Status.PROVED, witness=witness)
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    if session.solve(scope, tri.holds) is None:
        detail = "it is vacuous: its condition never holds of a request in scope"
    elif (
        rule.effect is Effect.PERMIT
        and session.solve(scope, tri.holds, z3.Not(_forbidden(session, policy))) is None
    ):
        overriding = [
            f.id
            for f in policy.rules
            if f.effect is Effect.FORBID
            and session.solve(scope, tri.holds, session.tri(f.when).holds) is not None
        ]
        detail = f"it is shadowed: whenever it applies, {', '.join(overriding)} forbids"
    else:
        detail = "it is vacuous: it applies only where another rule cannot be evaluated"
    return base(status=Status.DISPROVED, detail=detail)


def _forbidden(session: _Session, policy: Policy) -> Z3:
    z3 = session.z3
    return z3.Or(
        session.u.false,
        *(session.tri(r.when).holds for r in policy.rules if r.effect is Effect.FORBID),
    )


def _needed_claim(session: _Session, version: Version, rule: Rule) -> Claim:
    z3 = session.z3
    policy = version.policy
    with_rule = session.outcomes[id(version)]
    without = session.sym.outcomes(policy, [r for r in policy.rules if r is not rule])
    differs = z3.Or(*(z3.Xor(with_rule[o], without[o]) for o in Outcome))
    base = functools.partial(
        Claim,
        kind=ClaimKind.NEEDED,
        subject=rule.id,
        version=_label(version),
        statement=f"rule {rule.id} is needed under {_label(version)}: taking it "
        "away changes some decision",
    )
    found = session.solve(differs)
    if found is None:
        tri = session.tri(rule.when)
        same = [
            r.id
            for r in policy.rules
            if r is not rule
            and r.effect is rule.effect
            and session.solve(tri.holds, session.tri(r.when).holds) is not None
        ]
        detail = "it is redundant: no decision changes without it"
        if same:
            detail += f"; where it applies, {', '.join(same)} decide the same"
        return base(status=Status.DISPROVED, detail=detail)
    witness, differing = session.witness(found, [version])
    if _without(witness.decisions[0], rule) is witness.decisions[0].outcome:
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    return base(status=Status.PROVED, witness=witness)


def _combined(reasons: Iterable[Reason]) -> Outcome:
    """The outcome the engine's combining algorithm gives these reasons of a decision in scope."""
    reasons = list(reasons)
    if any(r.applies for r in reasons if r.effect is Effect.FORBID):
        return Outcome.FORBIDDEN
    if any(r.error is not None for r in reasons):
        return Outcome.NOT_PERMITTED
    if any(r.applies for r in reasons if r.effect is Effect.PERMIT):
        return Outcome.PERMITTED
    return Outcome.NOT_PERMITTED


def _without(decision: Decision, rule: Rule) -> Outcome:
    """The outcome of a decision had the policy not had ``rule``, from the engine's reasons.

    Raises:
        AnalysisError: the combining of all the reasons is not the decision's outcome.
    """
    if decision.outcome is Outcome.NOT_APPLICABLE or not decision.reasons:
        return decision.outcome  # out of scope, or the scope raised: no rule was asked
    if _combined(decision.reasons) is not decision.outcome:
        msg = f"the combining of {decision.instrument}'s reasons is not the engine's"
        raise AnalysisError(msg)
    return _combined(r for r in decision.reasons if r.rule != rule.id)


def _attaches_claim(session: _Session, version: Version, duty: Duty) -> Claim:
    z3 = session.z3
    outcomes = session.outcomes[id(version)]
    tri = session.tri(duty.when)
    on = z3.Or(session.u.false, *(outcomes[o] for o in _in_order(duty.outcomes)))
    base = functools.partial(
        Claim,
        kind=ClaimKind.ATTACHES,
        subject=duty.id,
        version=_label(version),
        statement=f"duty {duty.id} attaches to some request under {_label(version)}",
    )
    found = session.solve(on, tri.holds)
    if found is None:
        return base(
            status=Status.DISPROVED,
            detail="it can never attach: its condition never holds of a request whose outcome "
            "it follows",
        )
    witness, differing = session.witness(found, [version])
    if any(o.duty == duty.id for o in witness.decisions[0].obligations):
        return base(status=Status.PROVED, witness=witness)
    return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))


def _raises_claim(session: _Session, version: Version, item: Leaf) -> Claim:
    _, raises = session.u.leaf(item)
    base = functools.partial(
        Claim,
        kind=ClaimKind.NEVER_RAISES,
        subject=repr(item),
        version=_label(version),
        statement=f"leaf {item!r} can be evaluated on every valid request",
    )
    found = session.solve(raises)
    if found is None:
        return base(status=Status.PROVED)
    request = session.request(found)
    verdict = item.evaluate(request, evaluation_time(request, None))
    witness = Witness(
        request=request, decisions=(version.evaluate(request),), versions=(_label(version),)
    )
    if verdict.value is None:
        return base(status=Status.DISPROVED, detail=f"it raises {verdict.error}", witness=witness)
    session.agree(found, request, [item])  # raises AnalysisError for a translated leaf
    return base(status=Status.UNDECIDED, detail=_undecided([item], session.u))


def _applies_claim(session: _Session, version: Version, invariant: Invariant) -> Claim:
    z3 = session.z3
    outcomes = session.outcomes[id(version)]
    premise = [z3.Or(session.u.false, *(outcomes[o] for o in _in_order(invariant.outcomes)))]
    if invariant.when is not None:
        premise.append(session.tri(invariant.when).holds)
    base = functools.partial(
        Claim,
        kind=ClaimKind.APPLIES,
        subject=invariant.id,
        version=_label(version),
        statement=f"invariant {invariant.id} concerns some request under {_label(version)}",
    )
    found = session.solve(*premise)
    if found is None:
        wanted = " or ".join(_outcome(o) for o in _in_order(invariant.outcomes))
        where = " and meets its condition" if invariant.when is not None else ""
        return base(
            status=Status.DISPROVED,
            detail=f"it is vacuous: no request is {wanted}{where}, so it proves nothing",
        )
    witness, differing = session.witness(found, [version], _invariant_predicates(invariant))
    decision = witness.decisions[0]
    when = invariant.when
    if decision.outcome in invariant.outcomes and (
        when is None or when.explain(witness.request, decision.at).value is True
    ):
        return base(status=Status.PROVED, witness=witness)
    return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))


def _obligations_differ(one: Decision, other: Decision, *, deadlines_only: bool) -> bool:
    """Whether two concrete decisions differ in outcome or obligations (as :func:`_differs`)."""
    if one.outcome is not other.outcome:
        return True

    def terms(decision: Decision) -> dict[str, object]:
        return {
            o.duty: o.deadline
            if deadlines_only
            else (
                o.action,
                o.party,
                o.deadline,
                o.fulfilled_by,
                o.disclosures,
                o.court,
                o.supervisory,
                o.arises_on,
            )
            for o in decision.obligations
        }

    return terms(one) != terms(other)


def _reading_claim(session: _Session, version: Version, variant: Variant) -> Claim:
    reading = version.policy.reading(variant.reading)
    other = _variant_version(version, variant)
    base = functools.partial(
        Claim,
        kind=ClaimKind.READING,
        subject=f"{variant.reading}={variant.choice}",
        version=_label(version),
        statement=f"reading {variant.reading}: choosing {variant.choice} rather than "
        f"{reading.chosen} changes some decision under {_label(version)}",
    )
    found = session.solve(_differs(session, version, other, deadlines_only=False))
    if found is None:
        return base(
            status=Status.DISPROVED,
            detail="the reading is moot: under either choice every request has the same "
            "outcome and the same obligations",
        )
    witness, differing = session.witness(found, [version, other])
    mine, theirs = witness.decisions
    if not _obligations_differ(mine, theirs, deadlines_only=False):
        return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
    named = variant.reading in {r.id for r in mine.readings}
    if _obligations_differ(mine, theirs, deadlines_only=True) and not named:
        return base(
            status=Status.DISPROVED,
            detail="the decision changes with the reading ("
            + _difference(version, other, witness)
            + "), but its memo does not name it (Decision.readings)",
            witness=witness,
        )
    return base(status=Status.PROVED, detail=_difference(version, other, witness), witness=witness)


def _difference(one: Version, other: Version, witness: Witness) -> str:
    """What changes on a witness from one version to the other: outcome, duties, their terms."""
    mine, theirs = witness.decisions
    if mine.outcome is theirs.outcome:
        parts = [f"a request {_outcome(mine.outcome)} under both"]
    else:
        parts = [f"a request {_outcome(mine.outcome)} becomes {_outcome(theirs.outcome)}"]
    duties = {d.id: d for d in one.policy.duties}
    others = {d.id: d for d in other.policy.duties}
    before = [o.duty for o in mine.obligations]
    after = [o.duty for o in theirs.obligations]
    parts += [f"{d} is dropped" for d in before if d not in after]
    parts += [f"{d} is added" for d in after if d not in before]
    parts += [
        f"{d}'s {revision}"
        for d in before
        if d in after
        for revision in _revisions(duties[d], others[d])
    ]
    return "; ".join(parts)


def _claims(session: _Session, version: Version) -> list[Claim]:
    policy = version.policy
    claims: list[Claim] = [
        Claim(
            kind=ClaimKind.ANALYSABLE,
            subject=repr(item),
            version=_label(version),
            statement=f"leaf {item!r} is written in the subset the analysis translates",
            status=Status.UNDECIDED,
            detail=f"it is opaque: {session.u.opaque[item]}",
        )
        for item in dict.fromkeys(_version_leaves(version))
        if item in session.u.opaque
    ]
    for inv in version.invariants:
        claims += [
            _invariant_claim(session, version, inv),
            _applies_claim(session, version, inv),
        ]
    claims += [_decides_claim(session, version, rule) for rule in policy.rules]
    decided = {c.subject for c in claims if c.kind is ClaimKind.DECIDES and c.proved}
    claims += [_needed_claim(session, version, rule) for rule in policy.rules if rule.id in decided]
    claims += [_attaches_claim(session, version, duty) for duty in policy.duties]
    claims += [
        _raises_claim(session, version, item)
        for item in dict.fromkeys(_version_leaves(version))
        if item not in session.u.opaque
    ]
    claims += [_reading_claim(session, version, variant) for variant in policy.variants]
    return claims


def _check_on_boundaries(
    session: _Session,
    version: Version,
    claims: Iterable[Claim],
    invariants: Iterable[Invariant] = (),
) -> None:
    """Check each claim settled by the solver alone on the engine's boundary requests.

    A proof (no request breaks an invariant, no leaf raises) and a claim that no request
    has something (a rule decides none, a duty attaches to none, a reading changes none)
    rest on the solver finding no request; here the engine judges the requests at the
    boundaries of every leaf the claims read (:mod:`frpolicy.analysis._boundaries`). Each
    leaf's value and error on each is the solver's, or the boundaries raise; so a leaf
    proved never to raise is checked there.

    Raises:
        AnalysisError: the engine contradicts a claim, or disagrees with the solver on a
            leaf, an outcome or a duty of a boundary request.
    """
    settled = [c for c in claims if c.witness is None and c.status is not Status.UNDECIDED]
    if not settled:
        return
    by_id = {i.id: i for i in (*version.invariants, *invariants)}
    for _, witness in boundaries(session, session.u.leaves):
        (decision,) = witness.decisions
        for claim in settled:
            problem = _problem(version, claim, by_id, witness.request, decision)
            if problem is not None:
                _contradicts(claim, witness, problem)


def _problem(  # noqa: PLR0911 - one return per kind of claim
    version: Version,
    claim: Claim,
    invariants: Mapping[str, Invariant],
    request: model.SearchRequest,
    decision: Decision,
) -> str | None:
    """What in the engine's decision on a request contradicts a claim, or None."""
    policy = version.policy
    kind, subject = claim.kind, claim.subject
    if kind is ClaimKind.INVARIANT and claim.proved:
        return _invariant_problem(invariants[subject], decision, request)
    if kind is ClaimKind.APPLIES and not claim.proved:
        invariant = invariants[subject]
        when = invariant.when
        concerned = decision.outcome in invariant.outcomes and (
            when is None or when.explain(request, decision.at).value is True
        )
        return "it concerns this request" if concerned else None
    rules = {r.id: r for r in policy.rules}
    if kind is ClaimKind.DECIDES and not claim.proved:
        decides = any(r.rule == subject for r in decision.determining if r.applies)
        return f"the rule decides it {decision.outcome.name}" if decides else None
    if kind is ClaimKind.NEEDED and not claim.proved:
        without = _without(decision, rules[subject])
        return None if without is decision.outcome else f"without the rule it is {without.name}"
    if kind is ClaimKind.ATTACHES and not claim.proved:
        attached = subject in {o.duty for o in decision.obligations}
        return "the duty attaches to it" if attached else None
    if kind is ClaimKind.READING and not claim.proved:
        (variant,) = [v for v in policy.variants if f"{v.reading}={v.choice}" == subject]
        other = _variant_version(version, variant).evaluate(request)
        differs = _obligations_differ(decision, other, deadlines_only=False)
        return "the other choice decides it otherwise" if differs else None
    return None


def _contradicts(claim: Claim, witness: Witness, problem: str) -> typing.NoReturn:
    """The error for a claim the engine contradicts on a boundary request."""
    msg = (
        f"the engine contradicts the analysis, which says {claim.status.value}: "
        f"{claim.statement}; on the request {_json(witness.request)}, {problem}. A leaf of "
        "this claim is translated wrong, or is opaque where it should not be"
    )
    raise AnalysisError(msg)


def verify(version: Version, *, jurisdiction: str | None = None) -> Verification:
    """Everything the analysis can establish about a version, each as a :class:`Claim`.

    The claims: each leaf is analysable; each declared invariant holds, and concerns some
    request (else it is vacuous); each rule decides some request (else it is vacuous, or
    shadowed by a prohibition) and is needed (else it is redundant); each duty attaches to
    some request; each leaf can be evaluated on every valid request; and each other choice
    of each reading the version rests on (its policy's ``variants``)
    changes the outcome or the obligations of
    some request (else the reading is moot), on a witness whose memo names the reading.

    The claims are about the version under the readings it has in force; verify
    ``version.with_readings({...})`` for the law read another way.

    A version is frozen and the analysis answers the same every time, so a verification is
    made once and kept for the next call (for the last few versions verified).

    Args:
        version: The version of the law.
        jurisdiction: The code shown in the report (default: the policy's).

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    return _kept(
        _VERIFIED, version, (id(version), jurisdiction), lambda: _verified(version, jurisdiction)
    )


_VERIFIED: dict[tuple[int, str | None], tuple[Version, Verification]] = {}


def _verified(version: Version, jurisdiction: str | None) -> Verification:
    session = _Session([version])
    claims = _claims(session, version)
    _check_on_boundaries(session, version, claims)
    return Verification(
        jurisdiction=jurisdiction or version.policy.jurisdiction,
        version=_label(version),
        claims=tuple(claims),
    )


def query(
    version: Version,
    predicate: Predicate,
    *,
    outcomes: Iterable[Outcome] = (Outcome.PERMITTED,),
) -> Claim:
    """Whether some request with one of ``outcomes`` satisfies ``predicate``, with a witness.

    "Can a local police department ever be permitted to search?" is
    ``query(version, performed_by(AgencyKind.LOCAL_POLICE))``: proved with a witness
    request, or disproved: no request the model can express is both.

    Raises:
        ImportError: the ``verify`` extra is not installed.
        AnalysisError: the solver and the engine disagree (a bug of the translation).
    """
    wanted = frozenset(outcomes)
    session = _Session([version])
    z3 = session.z3
    tri = session.tri(predicate)
    on = z3.Or(session.u.false, *(session.outcomes[id(version)][o] for o in _in_order(wanted)))
    names = " or ".join(sorted(o.name for o in wanted))
    base = functools.partial(
        Claim,
        kind=ClaimKind.QUERY,
        subject=repr(predicate),
        version=_label(version),
        statement=f"under {_label(version)}, some {names} request satisfies: "
        + predicate.describe(),
    )
    found = session.solve(on, tri.holds)
    if found is None:
        claim = base(status=Status.DISPROVED, detail="no request the model can express does")
        for _, boundary in boundaries(session, session.u.leaves):
            (decision,) = boundary.decisions
            if decision.outcome in wanted and predicate.explain(boundary.request).value:
                _contradicts(claim, boundary, "the engine finds that it does")
        return claim
    witness, differing = session.witness(found, [version], [predicate])
    if witness.decisions[0].outcome in wanted and predicate.explain(witness.request).value:
        return base(status=Status.PROVED, witness=witness)
    return base(status=Status.UNDECIDED, detail=_undecided(differing, session.u))
