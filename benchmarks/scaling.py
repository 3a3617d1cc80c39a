"""Generated policies of 10 to 1,000 rules: what the combining algorithm costs as law grows.

A generated policy keeps H.1728's scope and its six rules, and adds rules of the same shape
as the bill's: a State Police search with approved technology, for one offense of the
catalog, of a request submitted before a given day (a sunset clause, as a bill might add);
one added rule in ten forbids instead. Each added rule has a leaf of its own (its own day),
so a policy of n rules has about n distinct leaves to read, as a real code of that size
would.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from frpolicy import Outcome, Policy, Rule, SearchRequest
from frpolicy.jurisdictions.us_ma import conditions as c
from frpolicy.jurisdictions.us_ma import h1728
from frpolicy.jurisdictions.us_ma.offenses import OFFENSES
from frpolicy.law import Citation, Confidence, Source, Verification
from frpolicy.model import AgencyKind
from frpolicy.policy import Effect
from frpolicy.predicates import leaf_family

__all__ = ["check_paths_agree", "cold_pass_growth", "generated_policy", "outcome_share"]

_submitted_before = leaf_family(
    "submitted_before",
    "the request was submitted before {day}",
    "r.submitted_at < day",
    ["day"],
)
_offense_is = leaf_family(
    "offense_is",
    "the offense under investigation is {code}",
    "r.offense is not None and r.offense.code == code",
    ["code"],
)
_START = datetime(2024, 1, 1, tzinfo=UTC)
_SOURCE = Source(
    verification=Verification.UNVERIFIED, confidence=Confidence.LOW, reference="generated"
)


def generated_policy(size: int) -> Policy:
    """H.1728's policy grown to ``size`` rules (at least its own six)."""
    base = h1728.H1728.policy
    added = []
    for i in range(max(0, size - len(base.rules))):
        day = _START + timedelta(hours=6 * (i + 1))
        forbid = i % 10 == 9
        added.append(
            Rule(
                id=f"GEN-{i}",
                effect=Effect.FORBID if forbid else Effect.PERMIT,
                when=c.performed_by(AgencyKind.STATE_POLICE)
                & c.TECHNOLOGY_APPROVED
                & _offense_is(OFFENSES[i % len(OFFENSES)].code)
                & _submitted_before(day),
                citation=Citation(instrument="GEN", section="1", subsection=f"({i})"),
                paraphrase="A generated rule.",
                source=_SOURCE,
            )
        )
    return Policy(
        jurisdiction=base.jurisdiction,
        instrument=base.instrument,
        calendar=base.calendar,
        scope=base.scope,
        rules=(*base.rules, *added),
        duties=base.duties,
    )


def check_paths_agree(policy: Policy, requests: list[SearchRequest]) -> None:
    """Fail loudly if the compiled and the explained paths disagree on any request."""
    for r in requests:
        fast, explained = policy.decide(r), policy.evaluate(r).outcome
        if fast is not explained:
            msg = f"{len(policy.rules)} rules, {r.id}: decide gives {fast}, evaluate {explained}"
            raise AssertionError(msg)


def outcome_share(policy: Policy, requests: list[SearchRequest]) -> float:
    """The share of requests the policy permits."""
    return sum(policy.decide(r) is Outcome.PERMITTED for r in requests) / len(requests)


def cold_pass_growth(size: int, count: int) -> int:
    """How much one cold pass of ``evaluate`` grows the resident memory, in bytes.

    Measured in a fresh process from the resident set (Linux's ``/proc/self/statm``),
    once the generated policy of ``size`` rules is compiled and the ``count`` requests
    are built, to the end of the pass: what the explanations kept in the cache hold.
    (The process's high-water mark would not show it, since compiling a large policy
    peaks higher; ``tracemalloc`` slows a pass a hundredfold.)
    """
    code = (
        "import resource, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "import scaling, workload\n"
        "def resident():\n"
        "    with open('/proc/self/statm') as f:\n"
        "        return int(f.read().split()[1]) * resource.getpagesize()\n"
        f"requests = workload.requests({count}, seed=workload.SEED + 1)\n"
        f"policy = scaling.generated_policy({size})\n"
        "policy.decide(requests[0])\n"
        "before = resident()\n"
        "for r in requests:\n"
        "    policy.evaluate(r)\n"
        "print(resident() - before)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return int(result.stdout.strip())
