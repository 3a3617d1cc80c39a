r"""Where a rule comes from: instruments, citations, and how sure we are of each provision.

An :class:`Instrument` is a statute or a bill, with its status and the dates it is in
force. A :class:`Citation` points into an instrument (section and subsection). A
:class:`Source` says how the provision was read: from the text of the law itself, from a
summary of it, from the news, or not checked at all. frpolicy never presents a provision
as more certain than its source.

Where the text admits more than one reading, the choice is a :class:`Reading`: the
question, the choices (:class:`Choice`), which one is taken, and how sure that is. A version of
the law can be evaluated under any choice (:meth:`frpolicy.jurisdictions.Version.with_readings`).

>>> bill = Instrument(
...     id="H.1728",
...     title="An Act to implement the recommendations of the special commission on "
...     "facial recognition technology",
...     kind=InstrumentKind.BILL,
...     status=InstrumentStatus.PROPOSED,
... )
>>> str(Citation(instrument="H.1728", section="G.L. c.6 §220", subsection="(d)"))
'G.L. c.6 §220(d) (H.1728)'
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from frpolicy._repr import attrs_repr

__all__ = [
    "Choice",
    "Citation",
    "Confidence",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "OffenseList",
    "Provision",
    "Reading",
    "Source",
    "Verification",
]


def _non_empty(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name}: must not be empty"
        raise ValueError(msg)


class InstrumentKind(enum.Enum):
    """What kind of legal text an instrument is.

    Not every instrument that governs a search is law a legislature made: a police
    department's own policy binds its members, and a settlement a court enforces binds the
    department that agreed to it. The kind is shown in the documentation and in every memo of
    a policy or a settlement, so that a reader does not take either for a statute.
    """

    STATUTE = "statute"
    BILL = "bill"
    REGULATION = "regulation"
    POLICY = "policy"
    SETTLEMENT = "settlement"
    """A settlement of a lawsuit that binds a party and that a court enforces."""

    @property
    def label(self) -> str:
        """The kind as a memo names it, such as ``a police department's own policy``."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    InstrumentKind.STATUTE: "a statute",
    InstrumentKind.BILL: "a bill",
    InstrumentKind.REGULATION: "a regulation",
    InstrumentKind.POLICY: "a police department's own policy",
    InstrumentKind.SETTLEMENT: "a settlement a court enforces",
}


class InstrumentStatus(enum.Enum):
    """Whether an instrument is law, only proposed, or no longer law."""

    IN_FORCE = "in_force"
    PROPOSED = "proposed"
    REPEALED = "repealed"


class Verification(enum.Enum):
    """How a provision was read, from the most to the least certain.

    The letters are those of the project's provisions catalog.
    """

    TEXT = "text"
    """V: the text of the statute or bill itself was read."""
    SUMMARY = "summary"
    """S: a summary written from the text, or notes that quote it."""
    NEWS = "news"
    """N: a news report or press release only."""
    UNVERIFIED = "unverified"
    """M: background knowledge not checked against any source."""


class Confidence(enum.Enum):
    """How sure the reading of a provision is."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@attrs.frozen(kw_only=True, repr=False)
class Instrument:
    """A statute, bill, regulation, policy or settlement, with its status and effective dates.

    ``effective_until`` is the first day the instrument is no longer in force.
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The instrument's name, as it is cited (``St. 2020, c.253``, ``H.1728``)."""
    title: str = attrs.field(validator=_non_empty)
    """Its title."""
    kind: InstrumentKind
    """A statute, a bill, a regulation, a policy or a settlement."""
    status: InstrumentStatus
    """In force, proposed, or repealed."""
    effective_from: date | None = None
    """The day it took effect (``None``: it has not)."""
    effective_until: date | None = None
    """The first day it is no longer in force (``None``: no end)."""
    url: str | None = None
    """Where its official text is published."""

    def __attrs_post_init__(self) -> None:
        if self.status is InstrumentStatus.IN_FORCE and self.effective_from is None:
            msg = "effective_from: an instrument in force needs the day it took effect"
            raise ValueError(msg)
        if (
            self.effective_from is not None
            and self.effective_until is not None
            and self.effective_until <= self.effective_from
        ):
            msg = f"effective_until: {self.effective_until} is not after {self.effective_from}"
            raise ValueError(msg)

    def in_force_on(self, day: date) -> bool:
        """Whether the instrument is law on ``day`` (a proposed bill never is)."""
        if self.status is InstrumentStatus.PROPOSED or self.effective_from is None:
            return False
        return self.effective_from <= day and (
            self.effective_until is None or day < self.effective_until
        )


def _subsection(_instance: object, _attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.startswith("("):
        head, paren, rest = value.partition("(")
        msg = f"subsection: write {value!r} in parentheses, as the law does: '({head}){paren}"
        msg += f"{rest}'"
        raise ValueError(msg)


@attrs.frozen(kw_only=True, repr=False)
class Citation:
    """A pointer into an instrument: the section and subsection a rule encodes.

    The subsection is written as the law writes it, parentheses and all, and follows the
    section directly: ``section="§60002", subsection="(2)(A)"`` is ``§60002(2)(A)``. One
    written without its parentheses (``"2(A)"``, which would read ``§600022(A)``) is
    refused.

    >>> str(Citation(instrument="SB 1", section="§60002", subsection="(2)(A)"))
    '§60002(2)(A) (SB 1)'
    >>> Citation(instrument="SB 1", section="§60002", subsection="2(A)")
    Traceback (most recent call last):
    ...
    ValueError: subsection: write '2(A)' in parentheses, as the law does: '(2)(A)'
    """

    __repr__ = attrs_repr

    instrument: str = attrs.field(validator=_non_empty)
    """The name of the instrument cited."""
    section: str = attrs.field(validator=_non_empty)
    """The section, as the law writes it (``G.L. c.6 §220``)."""
    subsection: str | None = attrs.field(default=None, validator=_subsection)
    """The subsection, parentheses and all (``(d)``, ``(2)(A)``)."""
    url: str | None = None
    """Where the section's official text is published."""

    def __str__(self) -> str:
        """Render as lawyers write it: ``G.L. c.6 §220(d) (H.1728)``."""
        return f"{self.section}{self.subsection or ''} ({self.instrument})"


@attrs.frozen(kw_only=True, repr=False)
class Source:
    """How a provision was read, how sure that reading is, and where it was read."""

    __repr__ = attrs_repr

    verification: Verification
    """How the provision was read: its text, a summary, the news, or not at all."""
    confidence: Confidence
    """How sure that reading is."""
    reference: str = ""
    """Where it was read."""

    def __str__(self) -> str:
        """Render as the provisions catalog tags a row, e.g. ``summary, high confidence``."""
        return f"{self.verification.value}, {self.confidence.value} confidence"


@attrs.frozen(kw_only=True, repr=False)
class Provision:
    """A provision recorded as prose only: a consequence, or a question the sources leave open.

    Not every provision decides whether a search may run: an exclusionary rule says what
    follows a violation, and a clause reported in the news but not found in the text must
    not be encoded as law. Such provisions are kept here, with their source, so the
    documentation shows them and nothing is silently dropped.
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The provision's identifier in the module."""
    text: str = attrs.field(validator=_non_empty)
    """What it says, in prose."""
    source: Source
    """How it was read."""
    citation: Citation | None = None
    """Where it is in the law (``None``: not found)."""


@attrs.frozen(kw_only=True, repr=False)
class OffenseList:
    """A list of offenses a law draws and names as one category, with its citation.

    Maryland lets facial recognition be used to investigate twelve categories of crime,
    each defined by a statute (a crime of violence as Crim. Law §14-101 defines it...); each
    category is an :class:`OffenseList`. An :class:`~frpolicy.model.Offense` says which
    lists it is on by their ``id`` (``Offense.listed_in``). Prefix the
    id with the jurisdiction's code, so an offense tagged for several laws stays clear.

    >>> OffenseList(
    ...     id="US-MD:stalking",
    ...     title="stalking",
    ...     citation=Citation(instrument="2024 Md. Laws ch. 808", section="Crim. Law §3-802"),
    ...     source=Source(verification=Verification.TEXT, confidence=Confidence.HIGH),
    ... ).id
    'US-MD:stalking'
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The list's id, prefixed with the jurisdiction's code (``US-MD:stalking``)."""
    title: str = attrs.field(validator=_non_empty)
    """The category, as a phrase (``stalking under Crim. Law §3-802``)."""
    citation: Citation
    """The provision that draws the list."""
    source: Source
    """How that provision was read."""


@attrs.frozen(kw_only=True, repr=False)
class Choice:
    """One answer to the question a :class:`Reading` asks, in a sentence."""

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The choice's id, as ``--reading ID=CHOICE`` names it."""
    text: str = attrs.field(validator=_non_empty)
    """The answer, in a sentence."""


def _choices(
    instance: Reading, _attribute: attrs.Attribute[Any], value: tuple[Choice, ...]
) -> None:
    ids = [c.id for c in value]
    if len(ids) < 2 or len(set(ids)) != len(ids):  # noqa: PLR2004 - a question has two answers at least
        msg = f"choices: reading {instance.id!r} needs two or more choices with distinct ids"
        raise ValueError(msg)


@attrs.frozen(kw_only=True, repr=False)
class Reading:
    """A question the text leaves open, the answers it admits, and the one taken.

    ``choices[0]`` is the reading the jurisdiction module adopts; ``chosen`` is the one in
    force (the adopted one unless a user asked for another). ``source`` says how sure the
    adopted reading is.

    >>> reading = Reading(
    ...     id="warrant-as-court-order",
    ...     question="Does a warrant meet the requirement of a court order?",
    ...     choices=(
    ...         Choice(id="yes", text="A warrant authorizing the search is a court order."),
    ...         Choice(id="no", text="Only a court order meets it."),
    ...     ),
    ...     source=Source(verification=Verification.UNVERIFIED, confidence=Confidence.MEDIUM),
    ... )
    >>> reading.choice.id, reading.choose("no").choice.id
    ('yes', 'no')
    """

    __repr__ = attrs_repr

    id: str = attrs.field(validator=_non_empty)
    """The reading's id, as ``--reading ID=CHOICE`` names it."""
    question: str = attrs.field(validator=_non_empty)
    """The question the text leaves open."""
    choices: tuple[Choice, ...] = attrs.field(validator=_choices)
    """The answers it admits; the first is the one the module adopts."""
    source: Source
    """How sure the adopted answer is, and why."""
    citation: Citation | None = None
    """The provision the question is about."""
    chosen: str = ""
    """The id of the choice in force (empty: the adopted one)."""

    def __attrs_post_init__(self) -> None:
        if not self.chosen:
            object.__setattr__(self, "chosen", self.choices[0].id)
        elif self.chosen not in {c.id for c in self.choices}:
            known = ", ".join(c.id for c in self.choices)
            msg = f"chosen: reading {self.id!r} has no choice {self.chosen!r}; known: {known}"
            raise ValueError(msg)

    @property
    def choice(self) -> Choice:
        """The choice in force."""
        return next(c for c in self.choices if c.id == self.chosen)

    @property
    def adopted(self) -> bool:
        """Whether the choice in force is the one the module adopts."""
        return self.chosen == self.choices[0].id

    def choose(self, choice: str) -> Reading:
        """This reading, with ``choice`` in force.

        Raises:
            ValueError: the reading has no such choice; the message lists those it has.
        """
        if choice not in {c.id for c in self.choices}:
            known = ", ".join(c.id for c in self.choices)
            msg = f"reading {self.id!r} has no choice {choice!r}; its choices: {known}"
            raise ValueError(msg)
        return attrs.evolve(self, chosen=choice)
