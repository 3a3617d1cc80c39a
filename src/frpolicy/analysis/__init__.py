r"""Proofs about the law: a version's rules compiled to logic, and questions answered exactly.

The law-property suite *samples* requests; this module *proves*. It compiles a version's
scope, rules, duties and invariants into formulas over a **symbolic search request**, one
that stands for every :class:`~frpolicy.model.SearchRequest` the model can express, and
asks an SMT solver (`z3 <https://github.com/Z3Prover/z3>`_, the optional ``verify`` extra:
``pip install 'frpolicy[verify]'``) questions about all of them at once:

- :func:`prove`: does a declared :class:`~frpolicy.jurisdictions.Invariant` hold for every
  request? If not, a counterexample;
- :func:`verify`: every invariant, and whether each rule can decide a request (not vacuous,
  not shadowed by a prohibition), is needed (not redundant), each duty can attach, each
  leaf never raises and each reading the version rests on decides something;
- :func:`diff`: the exact classes of requests whose outcome, or obligations, change from one
  version to another, or from one reading of a version to another, each stated as
  conditions of the law with a witness request;
- :func:`query`: can any request satisfy a condition (with a given outcome)?

Every answer is a :class:`Claim` that is :attr:`~Status.PROVED`,
:attr:`~Status.DISPROVED` or :attr:`~Status.UNDECIDED`, never more than the analysis
knows. Every request the solver produces is built through the model, so its validators run,
and judged again by the concrete engine (:meth:`~frpolicy.policy.Policy.evaluate`); if the
engine disagrees with the solver on a leaf, that is a bug of the translation, and
:class:`AnalysisError` says which leaf.

>>> import frpolicy
>>> from frpolicy.analysis import prove
>>> h1728 = frpolicy.jurisdiction("US-MA").version("H.1728")
>>> central = next(i for i in h1728.invariants if i.id == "central-searcher")
>>> print(prove(h1728, central))  # doctest: +ELLIPSIS
proved: invariant central-searcher holds under H.1728: A permitted search is performed by ...

**What is translated.** A leaf's expression is Python; the analysis reads a checked subset
of it, the one leaves are written in:

- attribute paths on ``r`` that name fields of the model (``r.warrant.expires_at``), and
  ``at``, the time of evaluation (when the request was performed, else submitted);
- ``is``, ``is not``, ``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``; ``in``/``not in``
  against a constant collection or a set-valued field;
- ``and``, ``or``, ``not`` and truth values, with Python's short-circuit and its errors
  (reading a field of a missing warrant raises, and the analysis knows when);
- constants, the leaf's parameters and namespace values, enumeration members; ``+`` and
  ``-`` on times and durations (``timedelta``), and ``timedelta``, ``datetime`` and
  ``date`` called with constant arguments.

Each means what Python makes of it, exactly. A boolean or an enumeration member compared
with a constant is compared by Python itself, value by value, so an ``IntEnum`` or a
``StrEnum`` member equals what Python says it equals; ``12 == 12.0`` and ``True == 1``, as
numbers are one tower; a float is compared as the exact number it is, ``nan`` and ``inf``
included; values of other types are never equal and ordering them raises ``TypeError``; an
empty string, ``0`` and an empty set are false; ``a or b`` is ``a`` or ``b`` where both are
of one type, and only its truth is known otherwise; a time past the year 9999 *on its own
clock* raises ``OverflowError``.

A field becomes a variable of its type: an enumeration a finite sort, a boolean a boolean,
a number an integer, a time an integer count of microseconds since 1970 (UTC), a date a day
number, a string an element of an unordered domain, a set its membership, an optional
value its presence and its value. What cannot be modelled exactly (a call of a helper
function, a property, a loop, a constant of a type the analysis does not know, a ``StrEnum``
member against a string read from the request, whether a set of strings is empty) keeps
its leaf **opaque**: a free value that may be anything. A result that holds whatever an
opaque leaf says is still proved; one that depends on it is :attr:`~Status.UNDECIDED` and
names the leaf.

The model's own checks are constraints of the symbolic request too: an id or a name is
never empty or blank and has at most 1,000 characters, a home is a place code, a time lies
between 0001-01-02 and the last instant of 9999-12-30 (UTC), a warrant does not expire
before it is issued, a search is not performed before it is asked for, a sworn statement
is not filed before its emergency is declared. So every counterexample can be built, and
no request the model accepts is left out. A field with a check the analysis does not know
is not translated: a leaf that reads it is opaque.

**Checked by the engine.** A proof is the solver finding no request; so at the end of
:func:`verify`, :func:`prove`, :func:`query` and :func:`diff`, the engine judges requests at
the boundaries of every leaf (each field it reads set to each value it names and to their
neighbours, each member of each enumeration it reads, each optional object there and
absent), and each must agree with the solver, leaf by leaf, outcome by outcome and duty by
duty, and contradict no claim; a disagreement is an :class:`AnalysisError` naming the
leaf, never a proof.

**How it is built.** The package is split by stage, as Cedar's symbolic compiler is, so
that the part that decides soundness reads on its own: ``_translation`` (the symbolic
request, and each leaf as formulas: the only place a leaf gets a meaning), ``_solver``
(the solver's library and :class:`AnalysisError`), ``_witnesses`` (from a solver's model
to a request, judged again by the engine), ``_session`` (one solver over one translation,
and :func:`check_agreement`), ``_boundaries`` (the engine's check of every proof),
``_claims`` (:func:`prove`, :func:`verify`, :func:`query`) and ``_diff`` (:func:`diff`).

.. versionadded:: 0.1
"""

from __future__ import annotations

from frpolicy.analysis._claims import (
    Claim,
    ClaimKind,
    Status,
    Verification,
    prove,
    query,
    verify,
)
from frpolicy.analysis._diff import Change, Diff, diff
from frpolicy.analysis._session import check_agreement
from frpolicy.analysis._solver import AnalysisError, require_solver
from frpolicy.analysis._witnesses import Witness

__all__ = [
    "AnalysisError",
    "Change",
    "Claim",
    "ClaimKind",
    "Diff",
    "Status",
    "Verification",
    "Witness",
    "check_agreement",
    "diff",
    "prove",
    "query",
    "require_solver",
    "verify",
]
