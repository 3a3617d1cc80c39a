"""Law pages for Sphinx: the rules, duties and proofs of each jurisdiction, from the code.

A jurisdiction's documentation should say what its module does, and nothing else: so the
pages are written from the very objects the library evaluates, each time the documentation
is built. Add the extension to a Sphinx project (with MyST, which reads the pages)::

    # docs/conf.py
    extensions = ["myst_parser", "frpolicy.sphinx"]
    myst_enable_extensions = ["colon_fence", "deflist"]
    frpolicy_distributions = ["frpolicy-maine"]  # whose jurisdictions to document

and put ``jurisdictions/index`` in a toctree. When the builder starts, the extension writes
into ``jurisdictions/`` of the documentation source (a folder to keep out of version
control), for each jurisdiction the distributions named register:

- a page of the jurisdiction: its versions, what changes from one to the next (as
  :func:`frpolicy.analysis.diff` finds it) and its sample agencies;
- a page of each version: the instrument, every rule and duty with its citation,
  paraphrase, source and condition in prose, the readings, each invariant with its proof
  (:func:`frpolicy.analysis.verify`), the provisions kept as prose and the offense catalog;
- an index, and a page that judges the same requests under every version side by side.

Three roles mark provisions visibly, styled by a stylesheet the extension adds:
``{source-badge}`summary high``` shows how a provision was read (``text``, ``summary``,
``news`` or ``unverified``) and how sure that is, ``{effect-badge}`permit``` whether a
rule permits or forbids, and ``{outcome-badge}`not_permitted``` a decision's outcome.

The pages name frpolicy's guides and functions in plain words; frpolicy's own documentation,
which has those pages, sets ``frpolicy_documentation_links = True`` to link them. The
extension needs the ``docs`` extra (``pip install 'frpolicy[docs]'``): Sphinx, MyST and
z3, which proves what the pages say is proved. :func:`jurisdiction_pages` gives the pages'
text without Sphinx, to check or to publish otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from importlib.metadata import entry_points, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

try:
    from docutils import nodes
except ImportError:  # pragma: no cover - the message is the point; tested in a subprocess
    msg = "frpolicy.sphinx needs the optional 'docs' extra: pip install 'frpolicy[docs]'"
    raise ImportError(msg) from None

import frpolicy
from frpolicy import analysis
from frpolicy.analysis import Change, Claim, ClaimKind, Status
from frpolicy.jurisdictions import ENTRY_POINT_GROUP, Invariant, Version
from frpolicy.law import Reading, Source, Verification
from frpolicy.model import (
    Agency,
    AgencyKind,
    Analysis,
    Classification,
    Confinement,
    CourtKind,
    CourtOrder,
    Emergency,
    EventKind,
    Harm,
    ImageSource,
    MediaKind,
    Offense,
    Penalty,
    ProbeImage,
    ProtectedGround,
    Purpose,
    SearchRequest,
    Technology,
    Warrant,
)
from frpolicy.policy import Decision, Duty, Effect, Outcome, Rule
from frpolicy.predicates import All, Not, Predicate
from frpolicy.predicates import Any as AnyOf

if TYPE_CHECKING:
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx

    from frpolicy.jurisdictions import Jurisdiction

__all__ = ["jurisdiction_pages", "setup"]

#: The folder, relative to the documentation source, that the jurisdiction pages go to.
OUTPUT = "jurisdictions"

_LETTER = {
    Verification.TEXT: "V",
    Verification.SUMMARY: "S",
    Verification.NEWS: "N",
    Verification.UNVERIFIED: "M",
}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>|{}#])")


# -- Markdown helpers -----------------------------------------------------------------------


def md(text: str) -> str:
    """Escape text so Markdown shows it as written (asterisks, brackets, pipes...)."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(text.split()))


def slug(name: str) -> str:
    """A file name for an instrument: ``St. 2020, c.253`` gives ``st-2020-c-253``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def badge(source: Source) -> str:
    """The MyST source badge of a provision's source."""
    return f"{{source-badge}}`{source.verification.value} {source.confidence.value}`"


def effect(rule_effect: Effect) -> str:
    """The MyST badge of a rule's effect."""
    return f"{{effect-badge}}`{rule_effect.value}`"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def outline(predicate: Predicate, depth: int = 0) -> Iterator[str]:
    """The predicate as a nested Markdown list: *all of*, *any of*, *not*."""
    indent = "  " * depth
    if isinstance(predicate, All | AnyOf):
        word = "all of" if isinstance(predicate, All) else "any of"
        yield f"{indent}- *{word}:*"
        for operand in predicate.operands:
            yield from outline(operand, depth + 1)
    elif isinstance(predicate, Not):
        if isinstance(predicate.operand, All | AnyOf):
            yield f"{indent}- *not:*"
            yield from outline(predicate.operand, depth + 1)
        else:
            yield f"{indent}- *not:* {md(predicate.operand.describe())}"
    else:
        yield f"{indent}- {md(predicate.describe())}"


def condition(predicate: Predicate) -> list[str]:
    """A condition as one line of prose, then in outline when it has structure."""
    lines = [":::{container} frp-condition", md(predicate.describe()), ":::", ""]
    if isinstance(predicate, All | AnyOf | Not):
        lines += ["In outline:", "", *outline(predicate), ""]
    return lines


def penalty(p: Penalty) -> str:
    """The most severe sentence allowed, in words; the place of confinement where stated."""
    place = {
        Confinement.STATE_PRISON: "state prison",
        Confinement.HOUSE_OF_CORRECTION: "house of correction",
        Confinement.NONE: "fine only",
        None: "",
    }[p.confinement]
    if p.death:
        term = "death"
    elif p.life:
        term = "life"
    elif p.max_term_months is None:
        return place or "no term of imprisonment stated"
    else:
        years, months = divmod(p.max_term_months, 12)
        term = f"up to {years} years" if not months else f"up to {p.max_term_months / 12:g} years"
        if years == 0:
            term = f"up to {months} months" if months != 1 else "up to 1 month"
        elif p.max_term_months == 12:  # noqa: PLR2004 - a year, in months
            term = "up to 1 year"
    return f"{place}, {term}" if place else term


# -- the pages ------------------------------------------------------------------------------


def _instrument_lines(version: Version) -> list[str]:
    ins = version.instrument
    if ins.effective_from is None:
        dates = "not in force (never chosen by date)"
    else:
        until = f" until {ins.effective_until.isoformat()}" if ins.effective_until else ""
        dates = f"from {ins.effective_from.isoformat()}{until}"
    url = f"<{ins.url}>" if ins.url else "none recorded"
    lines = [
        f"Title\n: {md(ins.title)}",
        "",
        f"Kind\n: {ins.kind.value}",
        "",
        f"Status\n: {ins.status.value.replace('_', ' ')}",
        "",
        f"In force\n: {dates}",
        "",
        f"Official text\n: {url}",
        "",
    ]
    if version.aliases:
        lines += [f"Also known as\n: {', '.join(md(a) for a in version.aliases)}", ""]
    if version.summary:
        lines += [f"Summary\n: {md(version.summary)}", ""]
    return lines


def _rule_lines(rule: Rule) -> list[str]:
    reference = f" ({md(rule.source.reference)})" if rule.source.reference else ""
    return [
        f"### {md(rule.id)}",
        "",
        f"{effect(rule.effect)} {badge(rule.source)} {md(str(rule.citation))}",
        "",
        md(rule.paraphrase),
        "",
        f"**Source:** {md(str(rule.source))}{reference}.",
        "",
        f"**{'Permits' if rule.effect is Effect.PERMIT else 'Forbids'} a search when:**",
        "",
        *condition(rule.when),
    ]


def _duty_lines(duty: Duty) -> list[str]:
    due = duty.deadline.describe() if duty.deadline else "no deadline stated"
    met_by = duty.fulfilled_by.value.replace("_", " ")
    extras = []
    if duty.disclosures:
        extras.append(
            "disclosing " + ", ".join(sorted(d.value.replace("_", " ") for d in duty.disclosures))
        )
    if duty.court is not None:
        extras.append("to the " + duty.court.value.replace("_", " "))
    if duty.supervisory:
        extras.append("by a supervisory official")
    if duty.authorities:
        extras.append("of " + " or ".join(sorted(a.label for a in duty.authorities)))
    met = met_by + (f" ({'; '.join(extras)})" if extras else "")
    reference = f" ({md(duty.source.reference)})" if duty.source.reference else ""
    return [
        f"### {md(duty.id)}",
        "",
        f"{badge(duty.source)} {md(str(duty.citation))}",
        "",
        md(duty.paraphrase),
        "",
        f"Who and what\n: {md(duty.party)}: {md(duty.action)}",
        "",
        f"Deadline\n: {md(due)}",
        "",
        f"Met by\n: an event *{md(met)}*",
        "",
        f"Source\n: {md(str(duty.source))}{reference}",
        "",
        f"Attaches to\n: {_outcomes(duty.outcomes)} requests",
        "",
        f"Arises with\n: {md(duty.arises_on.value.replace('_', ' '))}",
        "",
        "**Obliges when:**",
        "",
        *condition(duty.when),
    ]


def _outcomes(outcomes: Iterable[Outcome]) -> str:
    order = list(Outcome)
    names = [o.value.replace("_", " ") for o in sorted(outcomes, key=order.index)]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def _reading_lines(
    reading: Reading, changes: Sequence[str], claims: Sequence[Claim] = ()
) -> list[str]:
    lines = [
        f"### {md(reading.id)}",
        "",
        f"{badge(reading.source)} "
        + (md(str(reading.citation)) if reading.citation else "")
        + (f" ({md(reading.source.reference)})" if reading.source.reference else ""),
        "",
        f"**{md(reading.question)}**",
        "",
    ]
    for choice in reading.choices:
        taken = " *(adopted)*" if choice.id == reading.choices[0].id else ""
        lines += [f"- `{choice.id}`{taken}: {md(choice.text)}"]
    lines += ["", f"What the other choice changes: {', '.join(md(c) for c in changes)}."]
    for claim in claims:
        lines += ["", _reading_claim_line(claim)]
    return [*lines, ""]


def _reading_claim_line(claim: Claim) -> str:
    """Whether a reading's other choice changes any decision, as the analysis found it."""
    choice = claim.subject.split("=", 1)[1]
    if claim.status is Status.PROVED:
        return (
            f"Read as `{md(choice)}`, some decisions change (proved by "
            f"{{func}}`frpolicy.analysis.verify`); for example, {md(claim.detail)}."
        )
    return f"Read as `{md(choice)}`: **{claim.status.value}**: {md(claim.detail)}"


def _invariant_lines(inv: Invariant, claims: Sequence[Claim]) -> list[str]:
    lines = [f"### {md(inv.id)}", "", md(inv.statement), "", _proof_line(claims), ""]
    if inv.citation is not None:
        lines += [f"From {md(str(inv.citation))}.", ""]
    scope = f"Every *{_outcomes(inv.outcomes)}* decision"
    if inv.when is not None:
        lines += [f"{scope} on a request for which", "", *condition(inv.when)]
        scope = "Then it"
    if inv.holds is not None:
        lines += [f"{scope} satisfies:", "", *condition(inv.holds)]
        scope = "and it" if inv.when is None else "Then it"
    if inv.obliges:
        duties = ", ".join(md(d) for d in inv.obliges)
        lines += [f"{scope} obliges {duties}.", ""]
    return lines


def version_page(jurisdiction: Jurisdiction, version: Version) -> str:
    """The page of one version: instrument, rules, duties, invariants, provisions, offenses."""
    policy = version.policy
    verification = analysis.verify(version, jurisdiction=jurisdiction.code)
    ins = version.instrument
    lines = [
        f"# {md(ins.id)}",
        "",
        (
            f"*{md(jurisdiction.name)} ({md(jurisdiction.code)}). This page is generated from "
            "the jurisdiction module each time the documentation is built.*"
        ),
        "",
        *_instrument_lines(version),
        (
            "Each rule and duty below shows how its provision was read: "
            "{source-badge}`text high` the text itself, {source-badge}`summary high` a "
            "summary of it, {source-badge}`news low` the news only, "
            "{source-badge}`unverified low` not checked (see {doc}`/explanation/sources`)."
        ),
        "",
        "## At a glance",
        "",
        *table(
            ["Rule or duty", "Effect", "Citation", "Source"],
            [
                [md(r.id), effect(r.effect), md(str(r.citation)), badge(r.source)]
                for r in policy.rules
            ]
            + [[md(d.id), "duty", md(str(d.citation)), badge(d.source)] for d in policy.duties],
        ),
        "## Scope",
        "",
        f"{md(ins.id)} governs a request when:",
        "",
        *condition(policy.scope),
        "Outside it, the outcome is *not applicable*.",
        "",
        "## Rules",
        "",
        (
            "A forbidding rule overrides any permission; what no rule permits is not permitted "
            "(see {doc}`/explanation/semantics`)."
        ),
        "",
    ]
    for rule in policy.rules:
        lines += _rule_lines(rule)
    lines += ["## Duties", ""]
    if not policy.duties:
        lines += ["This version states no duties.", ""]
    lines += [
        "What a request obliges, and by when: most duties follow a permitted search, some "
        "(a record of every request) follow every request the law governs. Deadlines are "
        "counted in "
        f"{md(policy.calendar.timezone)} time, business days skipping the legal holidays of "
        f"{md(policy.calendar.country)}"
        + (f"-{md(policy.calendar.subdivision)}" if policy.calendar.subdivision else "")
        + ".",
        "",
    ]
    for duty in policy.duties:
        lines += _duty_lines(duty)
    lines += ["## Readings", ""]
    if not version.readings:
        lines += ["This version rests on no reading the sources leave open.", ""]
    else:
        lines += [
            (
                "Where the sources admit more than one reading, the module adopts one and says "
                "so; every memo a reading decided names it. To apply the law read the other "
                'way: `version.with_readings({"reading-id": "choice"})` in Python, '
                "`--reading reading-id=choice` on the command line."
            ),
            "",
        ]
        for reading in version.readings:
            # a reading may change only which requests the law governs (Washington's
            # wa-requester-uses): say so, rather than list no rule at all
            scoped = any(
                v.reading == reading.id and v.scope != policy.scope for v in policy.variants
            )
            lines += _reading_lines(
                reading,
                (*policy.resting_on(reading.id), *(["the scope"] if scoped else [])),
                [
                    c
                    for c in verification.claims
                    if c.kind is ClaimKind.READING and c.subject.split("=")[0] == reading.id
                ],
            )
    lines += [
        "## Invariants",
        "",
        (
            "What this version declares about every decision it makes. Each is proved for "
            "every request the model can express by {mod}`frpolicy.analysis` when this page is "
            "built (see {doc}`/explanation/proofs`)."
        ),
        "",
    ]
    proofs = _proofs(version, verification)
    for inv in version.invariants:
        lines += _invariant_lines(inv, proofs.get(inv.id, ()))
    if not version.invariants:
        lines += ["This version declares no invariants.", ""]
    lines += [
        "## Provisions kept as prose",
        "",
        (
            "Consequences that decide no search, and open questions the sources leave: recorded "
            "with their source, not encoded as rules."
        ),
        "",
        *table(
            ["Provision", "Citation", "Source", "Text"],
            [
                [
                    md(p.id),
                    md(str(p.citation)) if p.citation else "—",
                    badge(p.source),
                    md(p.text),
                ]
                for p in version.provisions
            ],
        ),
        *_offense_list_lines(version),
        "## Offense catalog",
        "",
        (
            "The offenses this version was written against, classed by the penalty the law "
            "allows, and the lists of this law each is on: a sample to exercise the rules, not "
            "the code."
        ),
        "",
        *table(
            ["Code", "Offense", "Citation", "Class", "Maximum penalty", "Lists"],
            [_offense_row(o, version) for o in version.offenses],
        ),
    ]
    return "\n".join(lines)


def _offense_list_lines(version: Version) -> list[str]:
    if not version.offense_lists:
        return []
    return [
        "## Offense lists",
        "",
        (
            "The lists of offenses this law draws. An offense names the lists it is on by "
            "their ids (`Offense.listed_in`); the rules read nothing else of it."
        ),
        "",
        *table(
            ["List", "Category", "Citation", "Source"],
            [
                [f"`{lst.id}`", md(lst.title), md(str(lst.citation)), badge(lst.source)]
                for lst in version.offense_lists
            ],
        ),
    ]


def _proofs(version: Version, verification: analysis.Verification) -> dict[str, list[Claim]]:
    """Each invariant's claims: under the readings adopted, then under each other reading."""
    found: dict[str, list[Claim]] = {}
    others = [
        analysis.verify(version.with_readings({r.id: choice.id}))
        for r in version.readings
        for choice in r.choices
        if choice.id != r.chosen
    ]
    for result in (verification, *others):
        for claim in result.claims:
            if claim.kind is ClaimKind.INVARIANT:
                found.setdefault(claim.subject, []).append(claim)
    return found


def _proof_line(claims: Sequence[Claim]) -> str:
    """The proof of an invariant under the readings adopted, and under each other reading."""
    if not claims:  # pragma: no cover - verify makes a claim of every invariant
        return "**Not analysed.**"
    adopted, *others = claims
    if adopted.status is not Status.PROVED:
        text = f"**{adopted.status.value.capitalize()}**: {md(adopted.detail)}"
        if adopted.witness is not None:
            text += f" (counterexample: request {md(adopted.witness.request.id)})"
        return text
    text = "**Proved** for every request the model can express"
    failed = [c for c in others if c.status is not Status.PROVED]
    if not others:
        return text + "."
    if not failed:
        return text + f", under the readings adopted and under each other reading ({len(others)})."
    text += " under the readings adopted; not under " + ", ".join(
        f"{md(c.version)} ({c.status.value}: {md(c.detail)})" for c in failed
    )
    return text + "."


def _change_lines(change: Change, before: str, after: str) -> list[str]:
    lines = [f"- {md(change.headline(before, after))}, when:", ""]
    lines += [f"  - {md(str(c))}" for c in change.conditions] or ["  - (every request)"]
    if change.closest:
        lacks = "; ".join(
            md(c.description if not c.held else f"not: {c.description}") for c in change.lacks
        )
        lines.append(f"  - *the nearest permission, {md(change.closest)}, lacks:* {lacks}")
    lines += [f"  - *for example:* {md(change.witness.describe())}", ""]
    return lines


def _diff_lines(versions: Sequence[Version]) -> list[str]:
    """What changes from each version to the next, as :func:`frpolicy.analysis.diff` finds it."""
    lines: list[str] = []
    for before, after in itertools.pairwise(versions):
        found = analysis.diff(before, after)
        a, b = md(before.instrument.id), md(after.instrument.id)
        lines += [f"### From {a} to {b}", ""]
        outcome, duties = found.outcome_changes, found.obligation_changes
        lines += [
            f"{len(outcome)} classes of requests change outcome and {len(duties)} change "
            "obligations"
            + (
                "; together they cover every request that changes."
                if found.complete
                else "; they do not cover every request that changes."
            ),
            "",
        ]
        for change in (*outcome, *duties):
            lines += _change_lines(change, before.instrument.id, after.instrument.id)
    return lines


def _changes_between(versions: Sequence[Version]) -> list[str]:
    """The section on what changes between versions, where there is more than one."""
    if len(versions) < 2:  # noqa: PLR2004 - a change needs two versions
        return []
    return [
        "## What changes between versions",
        "",
        (
            "Derived at each build by {func}`frpolicy.analysis.diff`: the exact classes of "
            "requests whose outcome or obligations change from one version to the next, each "
            "stated in the law's conditions, with the permission the refusing version misses "
            "by the least and a witness request the engine judged under both versions."
        ),
        "",
        *_diff_lines(versions),
    ]


def _offense_row(offense: Offense, version: Version) -> list[str]:
    # the class is the law's own, computed from the penalty where the law classes by penalty
    classed = version.classify(offense.penalty) if version.classify else offense.classification
    return [
        f"`{offense.code}`",
        md(offense.title),
        md(offense.citation),
        classed.value if classed is not None else "—",
        md(penalty(offense.penalty)),
        ", ".join(f"`{i}`" for i in sorted(offense.listed_in)) or "—",
    ]


def jurisdiction_page(jurisdiction: Jurisdiction) -> str:
    """The page of one jurisdiction: its versions, and a comparison of them."""
    versions = jurisdiction.versions
    lines = [
        f"# {md(jurisdiction.name)} ({md(jurisdiction.code)})",
        "",
        "*Generated from the jurisdiction module each time the documentation is built.*",
        "",
        (
            f"`frpolicy.jurisdiction({jurisdiction.code!r})` holds {len(versions)} "
            f"{'version' if len(versions) == 1 else 'versions'}. "
            "Choose one by date with `in_force(day)` or by name with `version(name)` "
            "(see {doc}`/how-to/choose-a-version`)."
        ),
        "",
        *table(
            ["Version", "Kind", "Status", "In force from", "Also known as", "Summary"],
            [
                [
                    f"{{doc}}`{md(v.instrument.id)} <{slug(v.instrument.id)}>`",
                    v.instrument.kind.value,
                    v.instrument.status.value.replace("_", " "),
                    v.instrument.effective_from.isoformat() if v.instrument.effective_from else "—",
                    ", ".join(md(a) for a in v.aliases) or "—",
                    md(v.summary),
                ]
                for v in versions
            ],
        ),
        *_changes_between(versions),
        *_agency_lines(jurisdiction),
        "```{toctree}",
        ":maxdepth: 1",
        ":hidden:",
        "",
        *(slug(v.instrument.id) for v in versions),
        "```",
        "",
    ]
    return "\n".join(lines)


def _agency_lines(jurisdiction: Jurisdiction) -> list[str]:
    if not jurisdiction.agencies:
        return []
    return [
        "## Sample agencies",
        "",
        (
            "Requests generated for this jurisdiction "
            "(`frpolicy.strategies.search_requests`) and its examples name these agencies."
        ),
        "",
        *table(
            ["Id", "Agency", "Kind", "Unit"],
            [
                [f"`{a.id}`", md(a.name), md(a.kind.label), md(a.unit or "—")]
                for a in jurisdiction.agencies
            ],
        ),
    ]


def index_page(found: Sequence[Jurisdiction]) -> str:
    """The index of every installed jurisdiction."""
    lines = [
        "# Jurisdictions",
        "",
        (
            "The law of every installed jurisdiction, version by version: each rule with its "
            "citation, paraphrase, source and condition in prose; each duty with its deadline; "
            "the invariants each version declares; what is kept as prose; and the offense "
            "catalog. These pages are written from the jurisdiction modules each time the "
            "documentation is built, so they say what the code does."
        ),
        "",
        *table(
            ["Code", "Name", "Versions"],
            [
                [
                    f"{{doc}}`{md(j.code)} <{j.code}/index>`",
                    md(j.name),
                    ", ".join(md(v.instrument.id) for v in j.versions),
                ]
                for j in found
            ],
        ),
        (
            "{doc}`compare` judges the same requests under every version of every "
            "jurisdiction, side by side: the catalog's cross-jurisdiction matrix, as the code "
            "decides it."
        ),
        "",
        "```{toctree}",
        ":maxdepth: 2",
        ":hidden:",
        "",
        "compare",
        *(f"{j.code}/index" for j in found),
        "```",
        "",
    ]
    return "\n".join(lines)


def shipped_jurisdictions(distributions: Iterable[str]) -> tuple[Jurisdiction, ...]:
    """The jurisdictions registered by these distributions, by code.

    Only the packages named are documented, so a plug-in installed on the machine that
    builds the documentation (a test fixture, say) does not appear in it.
    """
    wanted = set(distributions)
    codes = {
        entry.name
        for entry in entry_points(group=ENTRY_POINT_GROUP)
        if entry.dist is not None and entry.dist.name in wanted
    }
    return tuple(j for j in frpolicy.jurisdictions() if j.code in codes)


def jurisdiction_pages(
    distributions: Iterable[str] = ("frpolicy",), *, links: bool = False
) -> dict[str, str]:
    """Every page, in MyST Markdown, by its path relative to the ``jurisdictions/`` folder.

    Args:
        distributions: The installed distributions whose jurisdictions to document, by
            name (``"frpolicy-maine"``); a jurisdiction another package registers is left out.
        links: Link frpolicy's guides and functions, as frpolicy's own documentation does;
            otherwise they are named in plain words, so the pages build in any project.
    """
    found = shipped_jurisdictions(distributions)
    pages = {"index.md": index_page(found), "compare.md": cross_jurisdiction_page(found)}
    for j in found:
        pages[f"{j.code}/index.md"] = jurisdiction_page(j)
        for v in j.versions:
            pages[f"{j.code}/{slug(v.instrument.id)}.md"] = version_page(j, v)
    if links:
        return pages
    return {name: _without_links(text) for name, text in pages.items()}


#: frpolicy's guides the pages cite, by their path in frpolicy's own documentation.
_GUIDES = {
    "/explanation/sources": "Where the law comes from, and how sure we are",
    "/explanation/semantics": "How a decision is reached",
    "/explanation/proofs": "Proofs, and what they cover",
    "/how-to/choose-a-version": "Choose a version of the law",
    "/how-to/compare-jurisdictions": "Compare jurisdictions",
}
_GUIDE = re.compile(r"\{doc\}`(/[^`]+)`")
_API = re.compile(r"\{(?:func|mod)\}`([^`]+)`")


def _without_links(text: str) -> str:
    """The page with frpolicy's guides named in words and its functions set as code."""
    text = _GUIDE.sub(lambda m: f"*{_GUIDES[m.group(1)]}* in frpolicy's documentation", text)
    return _API.sub(r"`\1`", text)


def write_jurisdiction_pages(
    folder: Path, distributions: Iterable[str] = ("frpolicy",), *, links: bool = False
) -> None:
    """Write the pages into ``folder``, touching only files that change; remove stale ones."""
    pages = jurisdiction_pages(distributions, links=links)
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in folder.rglob("*.md"):
        if path.relative_to(folder).as_posix() not in pages:
            path.unlink()


def _on_builder_inited(app: Sphinx) -> None:
    write_jurisdiction_pages(
        Path(app.srcdir) / OUTPUT,
        app.config.frpolicy_distributions,
        links=app.config.frpolicy_documentation_links,
    )
    # the badges' stylesheet ships beside this module
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))


# -- the cross-jurisdiction page ------------------------------------------------------------

_DAY = datetime(2025, 1, 15, 10, tzinfo=UTC)  # every encoded statute is in force that day
_CITY = Agency(id="CITY", name="City Police Department", kind=AgencyKind.LOCAL_POLICE)
_STATE = Agency(id="STATE", name="State Police", kind=AgencyKind.STATE_POLICE)
_FELONY = Offense(
    code="ARMED-ROBBERY",
    title="Armed robbery",
    citation="the state's armed robbery statute",
    classification=Classification.FELONY,
    penalty=Penalty(confinement=Confinement.STATE_PRISON, life=True),
    listed_in=frozenset({"US-MD:crime-of-violence"}),
)
_MISDEMEANOR = Offense(
    code="TRESPASS",
    title="Trespass",
    citation="the state's trespass statute",
    classification=Classification.MISDEMEANOR,
    penalty=Penalty(confinement=Confinement.HOUSE_OF_CORRECTION, max_term_months=1),
)


def _warrant(offense: Offense) -> Warrant:
    return Warrant(
        case_number="25-0001",
        court=CourtKind.SUPERIOR_COURT,
        judge="Hon. A. Judge",
        issued_at=_DAY - timedelta(days=1),
        expires_at=_DAY + timedelta(days=7),
        offense_codes=frozenset({offense.code}),
        authorizes_facial_recognition=True,
    )


_BASE = SearchRequest(
    id="X-1",
    requesting_agency=_CITY,
    performing_agency=_STATE,
    purpose=Purpose.CRIMINAL_INVESTIGATION,
    probe=ProbeImage(kind=MediaKind.STILL_IMAGE, source=ImageSource.SURVEILLANCE_CAMERA),
    technology=Technology(name="Face search", approved=True),
    submitted_at=_DAY,
    performed_at=_DAY + timedelta(hours=1),
    offense=_FELONY,
    warrant=_warrant(_FELONY),
    court_order=CourtOrder(
        docket_number="25-MI-0001",
        court=CourtKind.DISTRICT_COURT,
        judge="Hon. B. Judge",
        issued_at=_DAY - timedelta(days=1),
        authorizes_facial_recognition=True,
    ),
    written_request=True,
)
_NO_AUTHORITY = attrs.evolve(_BASE, warrant=None, court_order=None)
_SCENARIOS: tuple[tuple[str, str, SearchRequest], ...] = (
    (
        "In order",
        (
            "City police ask the State Police to identify a suspect from a still image, for a "
            "felony (on Maryland's list), with a warrant and a court order."
        ),
        _BASE,
    ),
    (
        "Warrant or court order required?",
        "The same search with neither a warrant nor a court order.",
        _NO_AUTHORITY,
    ),
    (
        "Offense threshold?",
        "The same search with a warrant, for a misdemeanor.",
        attrs.evolve(_BASE, offense=_MISDEMEANOR, warrant=_warrant(_MISDEMEANOR)),
    ),
    (
        "Centralized searching?",
        "The city police run the search themselves, with a warrant and a court order.",
        attrs.evolve(_BASE, performing_agency=_CITY),
    ),
    (
        "Emergency exception?",
        "No warrant or order, in an emergency of immediate danger of death.",
        attrs.evolve(
            _NO_AUTHORITY,
            emergency=Emergency(
                harm=Harm.DEATH, immediate=True, declared_by="SGT-1", declared_at=_DAY
            ),
        ),
    ),
    (
        "Real-time identification?",
        "Identification in real time on live video, with a warrant and a court order.",
        attrs.evolve(
            _BASE,
            probe=ProbeImage(kind=MediaKind.LIVE_VIDEO, source=ImageSource.SURVEILLANCE_CAMERA),
            real_time=True,
        ),
    ),
    (
        "Protected activity?",
        "A still of the suspect at a protest, with no reasonable suspicion stated.",
        attrs.evolve(_BASE, probe=attrs.evolve(_BASE.probe, protected_activity=True)),
    ),
    (
        "Bystanders?",
        "The search also analyses a passer-by in the frame.",
        attrs.evolve(_BASE, probe=attrs.evolve(_BASE.probe, bystander=True)),
    ),
    (
        "Protected grounds?",
        "The person was chosen for the search because of their political views.",
        attrs.evolve(_BASE, protected_grounds=frozenset({ProtectedGround.POLITICAL_VIEWS})),
    ),
    (
        "Emotion inference?",
        "The system is asked to infer the person's emotions.",
        attrs.evolve(_BASE, analysis=Analysis.EMOTION_INFERENCE),
    ),
    (
        "Deceased persons?",
        "Identifying a deceased person, with no warrant or order.",
        attrs.evolve(_NO_AUTHORITY, purpose=Purpose.IDENTIFY_DECEASED, offense=None),
    ),
    (
        "Missing persons?",
        "Locating a missing person, with no warrant or order.",
        attrs.evolve(_NO_AUTHORITY, purpose=Purpose.IDENTIFY_MISSING, offense=None),
    ),
)
_THEMES: tuple[tuple[str, frozenset[EventKind]], ...] = (
    ("Notice to the defendant", frozenset({EventKind.NOTICE_SERVED})),
    ("Not the sole basis", frozenset({EventKind.RESULT_CORROBORATED})),
    ("Human review", frozenset({EventKind.RESULT_REVIEWED})),
    ("Records and logs", frozenset({EventKind.SEARCH_DOCUMENTED})),
    ("Reports", frozenset({EventKind.SEARCH_REPORTED})),
    ("Court filing", frozenset({EventKind.SWORN_STATEMENT_FILED})),
)


def outcome(decision: Decision) -> str:
    """The MyST badge of a decision's outcome, with the subsections that determined it."""
    mark = f"{{outcome-badge}}`{decision.outcome.value}`"
    if decision.outcome not in {Outcome.PERMITTED, Outcome.FORBIDDEN}:
        return mark
    cited = dict.fromkeys(
        md(_short(str(r.citation.section), r.citation.subsection)) for r in decision.determining
    )
    return f"{mark} {'; '.join(cited)}"


def _short(section: str, subsection: str | None) -> str:
    return section.removeprefix("Md. Code, Crim. Proc. ") + (subsection or "")


def _cell(version: Version, request: SearchRequest) -> str:
    problems = version.problems(request)
    if problems:
        return "refused as input"
    return outcome(version.evaluate(request))


def _duty_cell(version: Version, kinds: frozenset[EventKind]) -> str:
    decision = version.evaluate(_BASE)
    found = [o for o in decision.obligations if o.fulfilled_by in kinds]
    if not found:
        return "—"
    parts = []
    for o in found:
        due = o.deadline.describe() if o.deadline else "no deadline stated"
        parts.append(f"{md(_short(o.citation.section, o.citation.subsection))}: {md(due)}")
    return "<br>".join(parts)


def cross_jurisdiction_page(found: Sequence[Jurisdiction]) -> str:
    """The same requests judged under every version of every jurisdiction, side by side."""
    versions = [(j, v) for j in found for v in j.versions]
    header = ["", *(f"{md(j.code)} {md(v.instrument.id)}" for j, v in versions)]
    lines = [
        "# Jurisdictions compared",
        "",
        (
            "*Generated each time the documentation is built: every cell is the decision the "
            "engine gives, so the table cannot drift from the code.*"
        ),
        "",
        (
            "The same requests, judged under every version of every installed jurisdiction: "
            "the cross-jurisdiction matrix of the provisions catalog, as the code decides it. "
            "The agencies are taken as each place's own (its city police, its State Police); "
            f"the requests are dated {_DAY.date().isoformat()}. A cell gives the outcome and "
            "the subsections that determined it. `frpolicy compare REQUEST.json` and "
            "`frpolicy.compare(request)` judge any request so "
            "(see {doc}`/how-to/compare-jurisdictions`)."
        ),
        "",
        "## What each law allows",
        "",
        *table(
            header,
            [
                [f"**{md(q)}**<br>{md(text)}", *(_cell(v, r) for _, v in versions)]
                for q, text, r in _SCENARIOS
            ],
        ),
        "## What a search in order obliges",
        "",
        (
            "The obligations of the first request above, by theme, with their deadlines: "
            "what each law asks after a lawful search."
        ),
        "",
        *table(
            header,
            [
                [f"**{md(theme)}**", *(_duty_cell(v, kinds) for _, v in versions)]
                for theme, kinds in _THEMES
            ],
        ),
        "## The laws compared",
        "",
        *table(
            ["Jurisdiction", "Version", "Status", "In force from", "Summary"],
            [
                [
                    f"{{doc}}`{md(j.code)} <{j.code}/index>`",
                    f"{{doc}}`{md(v.instrument.id)} <{j.code}/{slug(v.instrument.id)}>`",
                    v.instrument.status.value.replace("_", " "),
                    v.instrument.effective_from.isoformat() if v.instrument.effective_from else "—",
                    md(v.summary),
                ]
                for j, v in versions
            ],
        ),
    ]
    return "\n".join(lines)


# -- roles ----------------------------------------------------------------------------------


def source_badge(
    _name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    _options: dict[str, Any] | None = None,
    _content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{source-badge}`summary high```: a badge of how a provision was read."""
    parts = text.split()
    try:
        verification = Verification(parts[0])
        confidence = parts[1]
    except (IndexError, ValueError):
        message = inliner.reporter.error(
            f"source-badge: expected 'verification confidence', got {text!r}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    label = f"{_LETTER[verification]} · {verification.value} · {confidence}"
    node = nodes.inline(rawtext, label, classes=["frp-badge", f"frp-{verification.value}"])
    return [node], []


def outcome_badge(
    _name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    _options: dict[str, Any] | None = None,
    _content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{outcome-badge}`not_permitted```: a badge of a decision's outcome."""
    try:
        found = Outcome(text.strip())
    except ValueError:
        message = inliner.reporter.error(f"outcome-badge: no outcome {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    label = found.value.replace("_", " ")
    node = nodes.inline(rawtext, label, classes=["frp-badge", f"frp-outcome-{found.value}"])
    return [node], []


def effect_badge(
    _name: str,
    rawtext: str,
    text: str,
    _lineno: int,
    _inliner: Inliner,
    _options: dict[str, Any] | None = None,
    _content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{effect-badge}`permit```: a badge of what a rule does."""
    node = nodes.inline(rawtext, text.strip(), classes=["frp-badge", f"frp-{text.strip()}"])
    return [node], []


def setup(app: Sphinx) -> dict[str, object]:
    """Register the roles, the stylesheet and the page generator with Sphinx."""
    app.add_role("source-badge", source_badge)
    app.add_role("effect-badge", effect_badge)
    app.add_role("outcome-badge", outcome_badge)
    app.add_config_value(
        "frpolicy_distributions", ("frpolicy",), "env", types=frozenset({list, tuple})
    )
    app.add_config_value("frpolicy_documentation_links", default=False, rebuild="env")
    app.connect("builder-inited", _on_builder_inited)
    app.add_css_file("frpolicy-law.css")
    return {"version": version("frpolicy"), "parallel_read_safe": True, "parallel_write_safe": True}
