"""The law-property suite: what every jurisdiction must satisfy, checked with Hypothesis.

A jurisdiction module is code that claims to be law. Whatever the law says, some things
must hold of any faithful encoding of it, and this module checks them on requests drawn by
:func:`frpolicy.strategies.search_requests`:

``determinism``
    The same request gives the same decision, also after a JSON round trip.
``fail-closed``
    A rule or a scope that cannot be evaluated (it raises) never yields ``PERMITTED``,
    wherever it sits among the rules.
``fast-path``
    :meth:`~frpolicy.policy.Policy.decide` gives what
    :meth:`~frpolicy.policy.Policy.evaluate` gives.
``reasons``
    Every decision has reasons: a ``NOT_APPLICABLE`` one its scope conditions, a
    ``PERMITTED`` one an applying permission with a citation and no applying prohibition,
    a ``FORBIDDEN`` one an applying prohibition.
``monotonicity``
    Taking away the warrant, the court order, the emergency, the technology's approval or
    the suspicion never turns a refusal into a permission; nor does adding emotion
    inference, live video or real-time use, ongoing or continuous surveillance, a protected
    ground, a sketch for a photograph, protected activity or a bystander in the image. A
    refusal is ``NOT_PERMITTED`` or ``FORBIDDEN``: a request outside the law's scope
    (``NOT_APPLICABLE``) is no refusal, and a change that brings it into the scope may meet
    a permission there (a post-remote search the EU AI Act does not yet govern, made
    real-time, meets its Article 5 exceptions).
``irrelevance``
    Fields no rule and no scope reads never change the outcome. The suite learns which
    fields are read from the predicates themselves, since they are data.
``invariants``
    The version's own declared invariants (:class:`~frpolicy.jurisdictions.Invariant`) hold.
``no-vacuous-rule``
    Every rule determines the outcome of at least one request, and every duty is
    triggered by at least one request.
``symbolic-agreement``
    The symbolic analysis reads the version as the engine does: on every request tried,
    each leaf, rule, outcome, duty attached and reading named is the same in the solver
    as in the engine (:func:`frpolicy.analysis.check_agreement`). It needs the ``verify``
    extra; without it, :func:`check_jurisdiction` leaves it out and :func:`law_properties`
    skips it.

With the ``verify`` extra installed (``pip install 'frpolicy[verify]'``), ``invariants`` and
``no-vacuous-rule`` are **proved** for every request the model can express, by
:func:`frpolicy.analysis.verify`, and a failure's counterexample is the solver's, confirmed
by the engine; an invariant is also proved to concern some request (one that concerns none
proves nothing). What rests on a leaf the analysis cannot translate (an opaque leaf) is
sampled, as without the extra. The other properties are about the engine rather than the
law, and stay with Hypothesis.

:func:`check_jurisdiction` runs them all and raises a :class:`LawPropertyError` naming each
property that failed, the version, and the counterexample Hypothesis shrank, as JSON. For a
plug-in author, :func:`law_properties` makes the test file two lines::

    from frpolicy.testing import law_properties

    test_sampleland = law_properties("XX-SAMPLE")

The number of examples follows the active Hypothesis profile unless ``max_examples`` is
given. This module needs the optional ``hypothesis`` extra.
"""

from __future__ import annotations

import importlib.util
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import attrs

try:
    from hypothesis import HealthCheck, Phase, find, given, reject, settings
    from hypothesis import strategies as st
    from hypothesis.errors import NoSuchExample, UnsatisfiedAssumption
except ImportError:  # pragma: no cover - tested in a subprocess without Hypothesis
    _msg = "frpolicy.testing needs the optional 'hypothesis' extra: "
    _msg += "pip install 'frpolicy[hypothesis]'"
    raise ImportError(_msg) from None

from frpolicy.jurisdictions import Jurisdiction, Version
from frpolicy.jurisdictions import jurisdiction as _lookup
from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import Analysis, MediaKind, ProtectedGround, SearchRequest, Suspicion
from frpolicy.policy import Decision, Effect, Outcome, Policy, Rule
from frpolicy.predicates import Leaf, Predicate, leaf
from frpolicy.serialization import from_json, to_json
from frpolicy.strategies import search_requests

__all__ = [
    "PROPERTIES",
    "Failure",
    "LawPropertyError",
    "SuiteReport",
    "VersionReport",
    "check_jurisdiction",
    "check_property",
    "law_properties",
]

PROPERTIES: tuple[str, ...] = (
    "determinism",
    "fail-closed",
    "fast-path",
    "reasons",
    "monotonicity",
    "irrelevance",
    "invariants",
    "no-vacuous-rule",
    "symbolic-agreement",
)
"""The names of the properties every jurisdiction must satisfy, in the order they run."""


# -- failures -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Failure:
    """One property that does not hold for one version, with the shrunk counterexample."""

    property: str
    jurisdiction: str
    version: str
    detail: str
    counterexample: SearchRequest | None = None

    def __str__(self) -> str:
        """The failure as a report: what broke, why, and the request as JSON."""
        lines = [f"{self.jurisdiction} {self.version}: law property {self.property!r} fails."]
        lines.extend(f"  {line}" for line in self.detail.splitlines())
        if self.counterexample is not None:
            lines.append("  counterexample (shrunk), as JSON:")
            text = to_json(self.counterexample, indent=2)
            lines.extend(f"    {line}" for line in text.splitlines())
        return "\n".join(lines)


class LawPropertyError(AssertionError):
    """A jurisdiction breaks one or more law properties; ``failures`` says which and how."""

    def __init__(self, failures: Iterable[Failure]) -> None:
        """Collect the failures; the message lists them all."""
        self.failures = tuple(failures)
        super().__init__("\n\n".join(str(f) for f in self.failures))


class _Violation(Exception):  # noqa: N818 - internal signal, never escapes this module
    """Raised inside a Hypothesis test so it shrinks the request, then turned into a Failure."""

    def __init__(self, detail: str, request: SearchRequest | None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.request = request


def _fail(detail: str, request: SearchRequest) -> typing.NoReturn:
    raise _Violation(detail, request)


# -- reports --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class VersionReport:
    """What the suite saw of one version: outcomes, and how often each rule and duty fired.

    ``examples`` is how many generated requests were judged for the counts: the
    ``max_examples`` asked for, or the active Hypothesis profile's number. A rule or duty
    that none of them reached is then searched for, with a budget of its own, before it is
    called vacuous; a request that search finds counts once for what it reached.
    """

    version: str
    examples: int
    outcomes: dict[str, int] = attrs.field(factory=dict, hash=False)
    rules: dict[str, int] = attrs.field(factory=dict, hash=False)
    duties: dict[str, int] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class SuiteReport:
    """The suite's run over a jurisdiction: one :class:`VersionReport` per version checked."""

    jurisdiction: str
    versions: tuple[VersionReport, ...]


# -- helpers --------------------------------------------------------------------------------


def _resolve(jurisdiction: Jurisdiction | str) -> Jurisdiction:
    return _lookup(jurisdiction) if isinstance(jurisdiction, str) else jurisdiction


def _versions(jurisdiction: Jurisdiction, version: Version | str | None) -> tuple[Version, ...]:
    if version is None:
        return jurisdiction.versions
    return (jurisdiction.version(version) if isinstance(version, str) else version,)


def _settings(max_examples: int | None) -> settings:
    parent = settings()
    return settings(
        parent,
        max_examples=max_examples or parent.max_examples,
        deadline=None,
        report_multiple_bugs=False,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
    )


def _run(
    jurisdiction: Jurisdiction,
    version: Version,
    name: str,
    check: Callable[[typing.Any], None],
    config: settings,
) -> Failure | None:
    """Run one property under Hypothesis; a violation comes back shrunk, as a Failure."""
    requests = search_requests(jurisdiction, version)
    # irrelevance compares a request with another: it mixes the two
    strategy = st.tuples(requests, requests) if name == "irrelevance" else requests

    def guarded(example: typing.Any) -> None:  # noqa: ANN401 - a request or a pair of them
        try:
            check(example)
        except (_Violation, UnsatisfiedAssumption):
            raise
        except Exception as error:  # noqa: BLE001 - an error in the law's code is a failure
            request = example if isinstance(example, SearchRequest) else example[0]
            _fail(f"evaluating the request raised {type(error).__name__}: {error}", request)

    # one database entry per jurisdiction, version and property, as pytest does per parameter
    key = f"{jurisdiction.code}|{version.instrument.id}|{name}".encode()
    guarded._hypothesis_internal_add_digest = key  # type: ignore[attr-defined]  # noqa: SLF001 - the hook Hypothesis gives for this
    test = config(given(strategy)(guarded))
    try:
        test()
    except _Violation as violation:
        return Failure(
            property=name,
            jurisdiction=jurisdiction.code,
            version=version.instrument.id,
            detail=violation.detail,
            counterexample=violation.request,
        )
    return None


def _name(outcome: Outcome) -> str:
    return outcome.name


# -- determinism, fast path, reasons --------------------------------------------------------


def _determinism(version: Version) -> Callable[[SearchRequest], None]:
    def check(request: SearchRequest) -> None:
        first, second = version.evaluate(request), version.evaluate(request)
        if first != second:
            _fail("evaluating the same request twice gave two different decisions", request)
        if version.decide(request) is not version.decide(request):
            _fail("deciding the same request twice gave two different outcomes", request)
        again = from_json(to_json(request), SearchRequest)
        if again != request:
            _fail("the request is not the same after a JSON round trip", request)
        if version.evaluate(again) != first:
            _fail("the decision changes after the request's JSON round trip", request)

    return check


def _fast_path(version: Version) -> Callable[[SearchRequest], None]:
    def check(request: SearchRequest) -> None:
        fast, explained = version.decide(request), version.evaluate(request).outcome
        if fast is not explained:
            _fail(f"decide() gives {_name(fast)} but evaluate() gives {_name(explained)}", request)

    return check


def _permitted_problem(decision: Decision) -> str | None:
    permits = [r for r in decision.reasons if r.effect is Effect.PERMIT and r.applies]
    forbids = [r for r in decision.reasons if r.effect is Effect.FORBID and r.applies]
    if not permits:
        return "PERMITTED, but no permitting rule applies"
    if forbids:
        return f"PERMITTED, though {forbids[0].rule} forbids it"
    uncited = [r.rule for r in permits if not r.citation.section.strip()]
    if uncited:
        return f"PERMITTED by {', '.join(uncited)}, which cite nothing"
    return None


def _not_permitted_problem(decision: Decision) -> str | None:
    permits = [r for r in decision.reasons if r.effect is Effect.PERMIT and r.applies]
    forbids = [r for r in decision.reasons if r.effect is Effect.FORBID and r.applies]
    if forbids:
        return f"NOT_PERMITTED, though {forbids[0].rule} forbids it"
    if permits and not decision.errors:
        return f"NOT_PERMITTED, though {permits[0].rule} permits it"
    silent = [r.rule for r in decision.determining if not r.conditions and not r.error]
    if silent:
        return f"NOT_PERMITTED; {', '.join(silent)} failed without saying why"
    return None


def _reasons_problem(decision: Decision) -> str | None:
    """What is missing from a decision's reasons, if anything."""
    outcome = decision.outcome
    if outcome is Outcome.NOT_APPLICABLE:
        return None if decision.scope else "NOT_APPLICABLE without the scope conditions that failed"
    if not decision.reasons and not decision.errors:
        return f"{_name(outcome)} without any reason"
    if outcome is Outcome.PERMITTED:
        problem = _permitted_problem(decision)
    elif outcome is Outcome.FORBIDDEN:
        applying = [r for r in decision.reasons if r.effect is Effect.FORBID and r.applies]
        problem = None if applying else "FORBIDDEN, but no forbidding rule applies"
    else:
        problem = _not_permitted_problem(decision)
    if problem is None:
        memo = decision.explain()
        missing = [r.rule for r in decision.determining if str(r.citation) not in memo]
        if missing:
            problem = f"the memo does not cite {', '.join(missing)}"
    return problem


def _reasons(version: Version) -> Callable[[SearchRequest], None]:
    def check(request: SearchRequest) -> None:
        problem = _reasons_problem(version.evaluate(request))
        if problem is not None:
            _fail(problem, request)

    return check


# -- fail closed ----------------------------------------------------------------------------


def _explode(_request: object) -> bool:
    msg = "this condition cannot be evaluated"
    raise RuntimeError(msg)


_CANNOT_BE_EVALUATED = leaf(
    "cannot_be_evaluated",
    "a condition that raises when it is evaluated",
    "explode(r)",
    explode=_explode,
)
_TEST_SOURCE = Source(
    verification=Verification.UNVERIFIED, confidence=Confidence.LOW, reference="law-property suite"
)


def _raising_rule(policy: Policy, effect: Effect) -> Rule:
    return Rule(
        id=f"SUITE-RAISES-{effect.name}",
        effect=effect,
        when=_CANNOT_BE_EVALUATED,
        citation=Citation(instrument=policy.instrument.id, section="(the property suite)"),
        paraphrase="A rule whose condition cannot be evaluated.",
        source=_TEST_SOURCE,
    )


def _broken_policies(policy: Policy) -> dict[str, Policy]:
    """Copies of a policy in which something raises, each named for what was broken."""
    permit, forbid = _raising_rule(policy, Effect.PERMIT), _raising_rule(policy, Effect.FORBID)
    every_permit_raises = tuple(
        attrs.evolve(r, when=r.when & _CANNOT_BE_EVALUATED) if r.effect is Effect.PERMIT else r
        for r in policy.rules
    )
    return {
        "a permitting rule that raises, placed last": attrs.evolve(
            policy, rules=(*policy.rules, permit)
        ),
        "a permitting rule that raises, placed first": attrs.evolve(
            policy, rules=(permit, *policy.rules)
        ),
        "a forbidding rule that raises": attrs.evolve(policy, rules=(*policy.rules, forbid)),
        "every permitting rule raises once its own conditions hold": attrs.evolve(
            policy, rules=every_permit_raises
        ),
        "a scope that raises": attrs.evolve(policy, scope=policy.scope & _CANNOT_BE_EVALUATED),
    }


def _fail_closed(version: Version) -> Callable[[SearchRequest], None]:
    broken = _broken_policies(version.policy)

    def check(request: SearchRequest) -> None:
        for what, policy in broken.items():
            fast, explained = policy.decide(request), policy.evaluate(request)
            if Outcome.PERMITTED in {fast, explained.outcome}:
                path = "decide()" if fast is Outcome.PERMITTED else "evaluate()"
                _fail(f"with {what}, {path} still gives PERMITTED", request)

    return check


# -- monotonicity ---------------------------------------------------------------------------

_Change = Callable[[SearchRequest], SearchRequest | None]


def _changes() -> dict[str, _Change]:
    """What may never turn a refusal into a permission, each as a change of the request."""

    def unless(condition: bool, changed: Callable[[], SearchRequest]) -> SearchRequest | None:  # noqa: FBT001 - private helper
        return changed() if condition else None

    return {
        "taking away the warrant": lambda r: unless(
            r.warrant is not None, lambda: attrs.evolve(r, warrant=None)
        ),
        "taking away the court order": lambda r: unless(
            r.court_order is not None, lambda: attrs.evolve(r, court_order=None)
        ),
        "taking away the emergency": lambda r: unless(
            r.emergency is not None, lambda: attrs.evolve(r, emergency=None)
        ),
        "withdrawing the technology's approval": lambda r: unless(
            r.technology.approved,
            lambda: attrs.evolve(r, technology=attrs.evolve(r.technology, approved=False)),
        ),
        "adding emotion inference": lambda r: unless(
            r.analysis is not Analysis.EMOTION_INFERENCE,
            lambda: attrs.evolve(r, analysis=Analysis.EMOTION_INFERENCE),
        ),
        "making the probe live video": lambda r: unless(
            r.probe.kind is not MediaKind.LIVE_VIDEO,
            lambda: attrs.evolve(r, probe=attrs.evolve(r.probe, kind=MediaKind.LIVE_VIDEO)),
        ),
        "making the search real-time": lambda r: unless(
            not r.real_time, lambda: attrs.evolve(r, real_time=True)
        ),
        "taking away the suspicion": lambda r: unless(
            r.suspicion is not Suspicion.NONE, lambda: attrs.evolve(r, suspicion=Suspicion.NONE)
        ),
        "making the search ongoing surveillance": lambda r: unless(
            not r.ongoing_surveillance, lambda: attrs.evolve(r, ongoing_surveillance=True)
        ),
        "making the search continuous surveillance": lambda r: unless(
            not r.continuous_surveillance, lambda: attrs.evolve(r, continuous_surveillance=True)
        ),
        "basing the search on the person's political views": lambda r: unless(
            ProtectedGround.POLITICAL_VIEWS not in r.protected_grounds,
            lambda: attrs.evolve(
                r, protected_grounds=r.protected_grounds | {ProtectedGround.POLITICAL_VIEWS}
            ),
        ),
        "making the probe a sketch": lambda r: unless(
            not r.probe.composite,
            lambda: attrs.evolve(r, probe=attrs.evolve(r.probe, composite=True)),
        ),
        "showing the person in protected activity": lambda r: unless(
            not r.probe.protected_activity,
            lambda: attrs.evolve(r, probe=attrs.evolve(r.probe, protected_activity=True)),
        ),
        "making the face searched a bystander's": lambda r: unless(
            not r.probe.bystander,
            lambda: attrs.evolve(r, probe=attrs.evolve(r.probe, bystander=True)),
        ),
    }


_REFUSALS = frozenset({Outcome.NOT_PERMITTED, Outcome.FORBIDDEN})
"""The outcomes monotonicity starts from: outside its scope, a law refuses nothing."""


def _monotonicity(version: Version) -> Callable[[SearchRequest], None]:
    changes = _changes()

    def check(request: SearchRequest) -> None:
        # a permitted request, stripped of its authorizations, is a refusal worth trying too
        bare = attrs.evolve(request, warrant=None, court_order=None, emergency=None)
        for refused in dict.fromkeys((request, bare)):
            before = version.decide(refused)
            if before not in _REFUSALS:
                continue
            for what, change in changes.items():
                changed = change(refused)
                if changed is not None and version.decide(changed) is Outcome.PERMITTED:
                    _fail(f"{what} turns {_name(before)} into PERMITTED", refused)

    return check


# -- irrelevance ----------------------------------------------------------------------------

_TIMES = ("submitted_at", "performed_at")  # what the time of evaluation is taken from


@attrs.frozen
class _Reads:
    """What a policy's outcome reads of a request: whole values, and only presence tests."""

    whole: frozenset[str]
    presence: frozenset[str]

    def read_whole(self, path: str) -> bool:
        return any(r in {"", path} or path.startswith(f"{r}.") for r in self.whole)

    def read_inside(self, path: str) -> bool:
        return path in self.presence or any(
            r.startswith(f"{path}.") for r in self.whole | self.presence
        )


def _leaf_reads(item: Leaf) -> tuple[set[str], set[str]]:
    whole = set(item.read_paths - item.presence_paths)
    if item.reads_time:
        whole.update(_TIMES)
    return whole, set(item.presence_paths)


def _policy_reads(predicates: Iterable[Predicate]) -> _Reads:
    whole: set[str] = set()
    presence: set[str] = set()
    for predicate in predicates:
        for item in predicate.leaves():
            w, p = _leaf_reads(item)
            whole |= w
            presence |= p
    return _Reads(frozenset(whole), frozenset(presence))


def _merge(a: object, b: object, reads: _Reads, prefix: str, changed: list[str]) -> object:
    """``a`` with every field the policy does not read taken from ``b``."""
    updates: dict[str, object] = {}
    for field in attrs.fields(typing.cast("type[typing.Any]", type(a))):
        if not field.init:
            continue
        path = f"{prefix}{field.name}"
        mine, theirs = getattr(a, field.name), getattr(b, field.name)
        if reads.read_whole(path):
            continue
        if reads.read_inside(path):
            if attrs.has(type(mine)) and type(mine) is type(theirs):
                updates[field.name] = _merge(mine, theirs, reads, f"{path}.", changed)
            continue
        if mine != theirs:
            updates[field.name] = theirs
            changed.append(path)
    return attrs.evolve(a, **updates) if updates else a  # type: ignore[misc]


def _irrelevance(version: Version) -> Callable[[tuple[SearchRequest, SearchRequest]], None]:
    policy = version.policy
    reads = _policy_reads([policy.scope, *(r.when for r in policy.rules)])

    def check(pair: tuple[SearchRequest, SearchRequest]) -> None:
        request, other = pair
        changed: list[str] = []
        try:
            mixed = _merge(request, other, reads, "", changed)
        except ValueError:
            reject()  # the mix broke a check of the model (a filing before its emergency)
        assert isinstance(mixed, SearchRequest)  # noqa: S101 - _merge keeps the type
        before, after = version.decide(request), version.decide(mixed)
        if before is not after:
            _fail(
                f"changing fields no rule reads ({', '.join(changed)}) turns "
                f"{_name(before)} into {_name(after)}; changed to: "
                f"{to_json(mixed)}",
                request,
            )

    return check


# -- invariants -----------------------------------------------------------------------------


def _invariants(version: Version) -> Callable[[SearchRequest], None]:
    def check(request: SearchRequest) -> None:
        decision = version.evaluate(request)
        for invariant in version.invariants:
            broken = invariant.broken_by(request, decision)
            if broken is not None:
                _fail(
                    f"invariant {invariant.id!r} does not hold: {invariant.statement}\n"
                    f"the outcome is {_name(decision.outcome)}, but {broken}",
                    request,
                )

    return check


# -- no vacuous rule ------------------------------------------------------------------------


def _coverage(version: Version, request: SearchRequest) -> Iterator[str]:
    """The rules that determined the request's outcome, and the duties it triggered."""
    decision = version.evaluate(request)
    if decision.outcome in {Outcome.PERMITTED, Outcome.FORBIDDEN}:
        yield from (f"rule {r.rule}" for r in decision.determining)
    yield from (f"duty {o.duty}" for o in decision.obligations)


def _fires(version: Version, item: str) -> Callable[[SearchRequest], bool]:
    return lambda request: item in set(_coverage(version, request))


def _survey(
    jurisdiction: Jurisdiction,
    version: Version,
    max_examples: int | None,
    *,
    search: frozenset[str] | None = None,
) -> tuple[VersionReport, Failure | None]:
    """Sample requests and count what fired; search for what did not.

    ``search`` names the rules and duties to search for (default: all): with the solver
    installed, only those the analysis could not settle.
    """
    parent = _settings(max_examples)
    samples = parent.max_examples  # the requests asked for: the counts are of these
    budget = min(max(500, 10 * samples), 4000)  # the search for what they did not reach
    outcomes: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    strategy = search_requests(jurisdiction, version)
    judged: list[None] = []  # one a request judged: Hypothesis may draw fewer than asked

    def tally(request: SearchRequest) -> None:
        outcomes[version.decide(request).name] += 1
        fired.update(_coverage(version, request))
        judged.append(None)

    sample = settings(
        parent,
        max_examples=samples,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
    )(given(strategy)(tally))
    sample()
    wanted = [f"rule {r.id}" for r in version.policy.rules]
    wanted += [f"duty {d.id}" for d in version.policy.duties]
    unreached = []
    for item in wanted:
        if fired[item] or (search is not None and item.split(" ", 1)[1] not in search):
            continue
        # not met by chance: search for it before calling it vacuous
        try:
            find(
                strategy,
                _fires(version, item),
                settings=settings(parent, max_examples=budget, database=None),
            )
        except NoSuchExample:
            unreached.append(item)
        else:
            fired[item] += 1
    report = VersionReport(
        version=version.instrument.id,
        examples=len(judged),
        outcomes=dict(sorted(outcomes.items())),
        rules={r.id: fired[f"rule {r.id}"] for r in version.policy.rules},
        duties={d.id: fired[f"duty {d.id}"] for d in version.policy.duties},
    )
    if not unreached:
        return report, None
    return report, Failure(
        property="no-vacuous-rule",
        jurisdiction=jurisdiction.code,
        version=version.instrument.id,
        detail=f"never determined an outcome or was triggered, in {len(judged)} generated "
        f"requests and a targeted search of {budget}: {', '.join(unreached)}",
    )


# -- the public face ------------------------------------------------------------------------


_CHECKS: dict[str, Callable[[Version], Callable[[typing.Any], None]]] = {
    "determinism": _determinism,
    "fail-closed": _fail_closed,
    "fast-path": _fast_path,
    "reasons": _reasons,
    "monotonicity": _monotonicity,
    "irrelevance": _irrelevance,
    "invariants": _invariants,
}


# -- proofs, where the solver is installed ----------------------------------------------


def _solver_installed() -> bool:
    return importlib.util.find_spec("z3") is not None


def _proved(
    jurisdiction: Jurisdiction, version: Version, name: str
) -> tuple[Failure | None, frozenset[str]]:
    """A property proved by :mod:`frpolicy.analysis` for every request, not sampled.

    Returns the failure, if a claim is disproved, and the subjects the analysis could not
    decide (an opaque leaf): those are left to sampling.
    """
    from frpolicy import analysis  # noqa: PLC0415 - the optional extra, loaded when installed

    kinds = (
        {analysis.ClaimKind.INVARIANT, analysis.ClaimKind.APPLIES}
        if name == "invariants"
        else {analysis.ClaimKind.DECIDES, analysis.ClaimKind.ATTACHES}
    )
    # verify keeps a version's proofs, made once for the properties that read them
    verified = analysis.verify(version, jurisdiction=jurisdiction.code)
    claims = [c for c in verified.claims if c.kind in kinds]
    undecided = frozenset(c.subject for c in claims if c.status is analysis.Status.UNDECIDED)
    failed = [c for c in claims if c.status is analysis.Status.DISPROVED]
    if not failed:
        return None, undecided
    if name == "invariants":
        first = failed[0]
        lines = []
        for claim in failed:
            invariant = next(i for i in version.invariants if i.id == claim.subject)
            what = "does not hold" if claim.kind is analysis.ClaimKind.INVARIANT else "is vacuous"
            lines.append(
                f"invariant {invariant.id!r} {what} (proved): {invariant.statement}\n"
                f"  {claim.detail}"
            )
        return Failure(
            property=name,
            jurisdiction=jurisdiction.code,
            version=version.instrument.id,
            detail="\n".join(lines),
            counterexample=first.witness.request
            if first.witness and first.kind.universal
            else None,
        ), undecided
    items = [
        f"{'rule' if c.kind is analysis.ClaimKind.DECIDES else 'duty'} {c.subject} ({c.detail})"
        for c in failed
    ]
    return Failure(
        property=name,
        jurisdiction=jurisdiction.code,
        version=version.instrument.id,
        detail="never determines an outcome or is triggered, for any request (proved): "
        + "; ".join(items),
    ), undecided


def _agreement(version: Version) -> Callable[[SearchRequest], None]:
    from frpolicy import analysis  # noqa: PLC0415 - the optional extra, loaded when installed

    def check(request: SearchRequest) -> None:
        try:
            analysis.check_agreement(version, request)
        except analysis.AnalysisError as error:
            _fail(f"the analysis disagrees with the engine: {error}", request)

    return check


def _check(  # noqa: PLR0911 - one return per way a property is checked
    jurisdiction: Jurisdiction, version: Version, name: str, max_examples: int | None
) -> tuple[Failure | None, VersionReport | None]:
    if name not in PROPERTIES:
        msg = f"no law property {name!r}; known: {', '.join(PROPERTIES)}"
        raise LookupError(msg)
    solver = _solver_installed()
    if name == "symbolic-agreement":
        if not solver:
            return None, None
        return _run(jurisdiction, version, name, _agreement(version), _settings(max_examples)), None
    if name == "no-vacuous-rule":
        if not solver:
            report, failure = _survey(jurisdiction, version, max_examples)
            return failure, report
        failure, undecided = _proved(jurisdiction, version, name)
        # the rules and duties the analysis could not settle are searched for, as without it
        report, searched = _survey(jurisdiction, version, max_examples, search=undecided)
        return failure or searched, report
    if name == "invariants" and solver:
        failure, undecided = _proved(jurisdiction, version, name)
        if failure is not None or not undecided:
            return failure, None
        # the invariants that rest on an opaque leaf are sampled, as without the solver
        sampled = attrs.evolve(
            version, invariants=tuple(i for i in version.invariants if i.id in undecided)
        )
        return _run(
            jurisdiction, version, name, _invariants(sampled), _settings(max_examples)
        ), None
    check = _CHECKS[name](version)
    return _run(jurisdiction, version, name, check, _settings(max_examples)), None


def _requires_solver(name: str) -> bool:
    """Whether a property is checked only with the ``verify`` extra installed."""
    return name == "symbolic-agreement"


def check_property(
    jurisdiction: Jurisdiction | str,
    version: Version | str,
    name: str,
    *,
    max_examples: int | None = None,
) -> None:
    """Check one law property on one version.

    Args:
        jurisdiction: The jurisdiction, or its registered code.
        version: The version, or its name.
        name: One of :data:`PROPERTIES`.
        max_examples: Requests to try; the active Hypothesis profile's number by default.

    Raises:
        LawPropertyError: the property does not hold; the message has the counterexample.
        LookupError: no such jurisdiction, version or property.
        ImportError: the property needs the ``verify`` extra, which is not installed.
    """
    found = _resolve(jurisdiction)
    (chosen,) = _versions(found, version)
    if _requires_solver(name) and not _solver_installed():
        msg = f"the law property {name!r} needs the 'verify' extra: pip install 'frpolicy[verify]'"
        raise ImportError(msg)
    failure, _ = _check(found, chosen, name, max_examples)
    if failure is not None:
        raise LawPropertyError([failure])


def check_jurisdiction(
    jurisdiction: Jurisdiction | str,
    version: Version | str | None = None,
    *,
    max_examples: int | None = None,
) -> SuiteReport:
    """Check every law property on a jurisdiction's versions (all of them by default).

    Every property runs, on every version, before a failure is raised, so one run shows all
    that is wrong (``symbolic-agreement`` only with the ``verify`` extra installed).

    Args:
        jurisdiction: The jurisdiction, or its registered code (``"US-MA"``).
        version: Check only this version (or version name).
        max_examples: Requests to try per property; the active Hypothesis profile's number
            by default.

    Returns:
        What the suite saw: per version, the outcomes drawn and how often each rule
        determined an outcome and each duty was triggered.

    Raises:
        LawPropertyError: a property does not hold; the message names each property and
            version that failed, with the shrunk counterexample as JSON.
    """
    found = _resolve(jurisdiction)
    failures: list[Failure] = []
    reports: list[VersionReport] = []
    solver = _solver_installed()
    names = [name for name in PROPERTIES if solver or not _requires_solver(name)]
    for chosen in _versions(found, version):
        for name in names:
            failure, report = _check(found, chosen, name, max_examples)
            if failure is not None:
                failures.append(failure)
            if report is not None:
                reports.append(report)
    if failures:
        raise LawPropertyError(failures)
    return SuiteReport(jurisdiction=found.code, versions=tuple(reports))


def law_properties(
    jurisdiction: Jurisdiction | str,
    version: Version | str | None = None,
    *,
    max_examples: int | None = None,
) -> Callable[[str, str], None]:
    """A pytest test of every law property, one test case per version and property.

    Assign it to a name starting with ``test`` in a test module::

        from frpolicy.testing import law_properties

        test_sampleland = law_properties("XX-SAMPLE")

    The jurisdiction is looked up when pytest collects the module.

    Args:
        jurisdiction: The jurisdiction, or its registered code.
        version: Only this version (or version name); every version by default.
        max_examples: Requests to try per property; the active profile's by default.
    """
    import pytest  # noqa: PLC0415 - only a test module needs pytest

    found = _resolve(jurisdiction)
    cases = [(v.instrument.id, name) for v in _versions(found, version) for name in PROPERTIES]

    @pytest.mark.parametrize(
        ("version_name", "law_property"), cases, ids=[f"{v}:{name}" for v, name in cases]
    )
    def test_law_property(version_name: str, law_property: str) -> None:
        if _requires_solver(law_property) and not _solver_installed():
            pytest.skip(f"{law_property} needs the 'verify' extra")
        check_property(found, version_name, law_property, max_examples=max_examples)

    return test_law_property
