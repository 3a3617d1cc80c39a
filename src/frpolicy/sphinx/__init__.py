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
- an index, and "The law across the states": the canonical scenarios
  (:func:`frpolicy.comparison.scenarios`) judged under every version of every
  jurisdiction, a matrix whose every cell links to the memo on the scenario's own page.

Proving every version under every reading takes a while (a minute for frpolicy's own
places), so the ``doctest`` builder, which runs code examples and finds none on these
pages, reads the pages an earlier build wrote and writes them only if they are missing.

Three roles mark provisions visibly, styled by a stylesheet the extension adds:
``{source-badge}`summary high``` shows how a provision was read (``text``, ``summary``,
``news`` or ``unverified``) and how sure that is, ``{effect-badge}`permit``` whether a
rule permits or forbids, and ``{outcome-badge}`not_permitted``` a decision's outcome
(``{outcome-badge}`forbidden <label>``` links it to the memo under that label). The
stylesheet gives the matrix a first column that stays while the others scroll, and prints
its colours, on landscape pages.

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
from datetime import date
from importlib.metadata import entry_points, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

try:
    from docutils import nodes
    from sphinx import addnodes
except ImportError:  # pragma: no cover - the message is the point; tested in a subprocess
    msg = "frpolicy.sphinx needs the optional 'docs' extra: pip install 'frpolicy[docs]'"
    raise ImportError(msg) from None

import frpolicy
from frpolicy import analysis
from frpolicy.analysis import Change, Claim, ClaimKind, Status
from frpolicy.comparison import Scenario, scenarios
from frpolicy.jurisdictions import ENTRY_POINT_GROUP, Invariant, Version
from frpolicy.law import Citation, Reading, Source, Verification
from frpolicy.model import (
    Agency,
    Confinement,
    EventKind,
    Offense,
    Penalty,
    SearchRequest,
)
from frpolicy.policy import Decision, Duty, Effect, Outcome, Rule
from frpolicy.predicates import All, Not, Predicate
from frpolicy.predicates import Any as AnyOf
from frpolicy.serialization import to_json

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
            "{doc}`compare` judges the same searches under every version of every "
            "jurisdiction, side by side: the catalog's cross-jurisdiction matrix, as the code "
            "decides it, each cell linked to its memo."
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
    rows = _judge_all(found, scenarios()) if found else []
    pages = {"index.md": index_page(found), "compare.md": cross_jurisdiction_page(found, rows)}
    for row in rows:
        pages[f"{_SCENARIOS_FOLDER}/{row[0].scenario.id}.md"] = scenario_page(row)
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
_API = re.compile(r"\{(?:func|meth|mod)\}`([^`]+)`")


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
    folder = Path(app.srcdir) / OUTPUT
    # the pages have no code examples for the doctest builder to run: written pages will do
    if app.builder.name != "doctest" or not (folder / "index.md").is_file():
        write_jurisdiction_pages(
            folder,
            app.config.frpolicy_distributions,
            links=app.config.frpolicy_documentation_links,
        )
    # the badges' stylesheet ships beside this module
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))


# -- the law across the states --------------------------------------------------------------

_SCENARIOS_FOLDER = "scenarios"
"""The folder, beside the page of the law across the states, of each scenario's memos."""
_THEMES: tuple[tuple[str, frozenset[EventKind]], ...] = (
    ("Notice to the defendant", frozenset({EventKind.NOTICE_SERVED})),
    ("Not the sole basis", frozenset({EventKind.RESULT_CORROBORATED})),
    ("Human review", frozenset({EventKind.RESULT_REVIEWED})),
    ("Records and logs", frozenset({EventKind.SEARCH_DOCUMENTED})),
    ("Reports", frozenset({EventKind.SEARCH_REPORTED})),
    ("Court filing", frozenset({EventKind.SWORN_STATEMENT_FILED})),
)
_MEANINGS = (
    ("permitted", "a provision authorizes the search, and none forbids it"),
    ("forbidden", "a provision forbids it, whatever else would authorize it"),
    ("not_permitted", "no provision authorizes it, and what the law does not authorize it refuses"),
    ("not_applicable", "the law does not govern the search: it is outside the law's scope"),
    (
        "not_judged",
        (
            "the law could not judge the request as written: it names a list of this place's "
            "law that the law does not draw, say (the memo says what)"
        ),
    ),
)


@attrs.frozen
class _Judged:
    """One scenario under one version: the decision, or why the law could not judge it."""

    scenario: Scenario
    jurisdiction: Jurisdiction
    version: Version
    decision: Decision | None
    problems: tuple[str, ...]

    @property
    def target(self) -> str:
        """The label of this judgment's memo on the scenario's page."""
        place = f"{self.jurisdiction.code}-{self.version.instrument.id}"
        return f"frp-{slug(self.scenario.id)}-{slug(place)}"

    @property
    def mark(self) -> str:
        """The outcome, as a badge role's text."""
        return self.decision.outcome.value if self.decision is not None else "not_judged"

    def decided_by(self, *, short: bool = True) -> list[str]:
        """The sections that decided a permission or a prohibition; none else.

        ``short`` cuts each to fit a cell of the matrix, whose column names the law.
        """
        decision = self.decision
        if decision is None or decision.outcome not in {Outcome.PERMITTED, Outcome.FORBIDDEN}:
            return []
        cut = _section if short else _full_section
        return list(dict.fromkeys(cut(r.citation) for r in decision.determining))


def _section(citation: Citation) -> str:
    """A citation cut to fit a cell, as the column already names the law.

    From its last section sign on, where it has one (``Md. Code, Crim. Proc.
    §2-503(a)(1)(i)`` gives ``§2-503(a)(1)(i)``); else without the code's initials
    (``RCW 43.386.020`` gives ``43.386.020``, ``C.R.S. 24-18-302(2)`` gives ``24-18-302(2)``).
    """
    text = _full_section(citation)
    _, sign, tail = text.rpartition("§")
    if sign:
        return f"§{tail}"
    words = text.split()
    while len(words) > 1 and _INITIALS.fullmatch(words[0]):
        words.pop(0)
    return " ".join(words)


def _full_section(citation: Citation) -> str:
    return f"{citation.section}{citation.subsection or ''}"


_INITIALS = re.compile(r"[A-Z][A-Z.]*")
"""A code's initials, such as ``RCW`` or ``C.R.S.``: capitals and full stops only."""


def _judge_all(found: Sequence[Jurisdiction], scenarios: Sequence[Scenario]) -> list[list[_Judged]]:
    """Every scenario under every version of every jurisdiction: a row per scenario."""
    rows = []
    for scenario in scenarios:
        row = []
        for j in found:
            for v in j.versions:
                problems = v.problems(scenario.request, classification=False)
                decision = None if problems else v.evaluate(scenario.request)
                row.append(_Judged(scenario, j, v, decision, problems))
        rows.append(row)
    return rows


def _badge(judged: _Judged, *, linked: bool = True) -> str:
    """The outcome's badge, linked to the memo on the scenario's page."""
    target = f" <{judged.target}>" if linked else ""
    return f"{{outcome-badge}}`{judged.mark}{target}`"


def _matrix_cell(judged: _Judged) -> str:
    # a section is not broken at its hyphens: each stays on a line of its own
    cited = [f'<span class="frp-cited">{md(c)}</span>' for c in judged.decided_by()]
    return "<br>".join([_badge(judged), *cited])


def _links(j: Jurisdiction, v: Version, up: str = "") -> tuple[str, str]:
    """Links to the place's page and to the version's, from the folder ``up`` leads out of."""
    return (
        f"{{doc}}`{md(j.code)} <{up}{j.code}/index>`",
        f"{{doc}}`{md(v.instrument.id)} <{up}{j.code}/{slug(v.instrument.id)}>`",
    )


def _version_heading(j: Jurisdiction, v: Version) -> str:
    """A column's heading: the place, then the version, each linked to its page."""
    return "<br>".join(_links(j, v))


def _scenario_link(scenario: Scenario) -> str:
    return f"{{doc}}`{md(scenario.title)} <{_SCENARIOS_FOLDER}/{scenario.id}>`"


def _matrix(rows: Sequence[Sequence[_Judged]], columns: Sequence[int]) -> list[str]:
    """The scenarios against the versions at these column indexes, in a scrolling frame."""
    if not columns:
        return ["No version of this kind is installed.", ""]
    first = rows[0]
    header = [
        "Scenario",
        *(_version_heading(first[i].jurisdiction, first[i].version) for i in columns),
    ]
    body = [
        [
            f"{n}\\. {_scenario_link(row[0].scenario)}",
            *(_matrix_cell(row[i]) for i in columns),
        ]
        for n, row in enumerate(rows, start=1)
    ]
    return [":::{container} frp-matrix", *table(header, body), ":::", ""]


def _legend() -> list[str]:
    lines = [":::{container} frp-legend", ""]
    for mark, meaning in _MEANINGS:
        lines += [f"{{outcome-badge}}`{mark}`", f": {md(meaning)}", ""]
    return [*lines, ":::", ""]


def _duty_cell(decision: Decision | None, kinds: frozenset[EventKind]) -> str:
    found = [o for o in decision.obligations if o.fulfilled_by in kinds] if decision else []
    if not found:
        return "—"
    parts = []
    for o in found:
        due = o.deadline.describe() if o.deadline else "no deadline stated"
        parts.append(f"{md(_section(o.citation))}: {md(due)}")
    return "<br>".join(parts)


def _day_of(scenarios: Sequence[Scenario]) -> date:
    return scenarios[0].request.submitted_at.date()


def cross_jurisdiction_page(
    found: Sequence[Jurisdiction], rows: Sequence[Sequence[_Judged]]
) -> str:
    """The law across the states: the scenarios against every version of every place."""
    scenarios = [row[0].scenario for row in rows] if rows else []
    if not rows:
        return "# The law across the states\n\nNo jurisdiction is installed.\n"
    day = _day_of(scenarios)
    first = rows[0]
    in_force = {j.code: j.law_at(day) for j in found}
    current = [i for i, c in enumerate(first) if in_force[c.jurisdiction.code] is c.version]
    others = [i for i in range(len(first)) if i not in current]
    places = len(found)
    lines = [
        "# The law across the states",
        "",
        (
            "*Generated each time the documentation is built: every cell is the decision the "
            "engine gives, so the page cannot drift from the code.*"
        ),
        "",
        (
            f"{len(scenarios)} searches, each judged under every version of the law of "
            f"{places} {'place' if places == 1 else 'places'}: {len(first)} versions, the "
            "law in force and the bills, the law before and the law to come. A cell gives the "
            "outcome and, for a search permitted or forbidden, the sections that decided it; "
            "follow the outcome to the memo, which says why in the law's words. "
            "`frpolicy compare REQUEST.json` and {func}`frpolicy.compare` judge any other "
            "request so (see {doc}`/how-to/compare-jurisdictions`)."
        ),
        "",
        *_legend(),
        f"## The law in force on {day.isoformat()}",
        "",
        (
            f"Each place's law in force on {day.isoformat()}, the day every scenario is asked "
            "for: the answer a department of each place would get. A wide table scrolls "
            "sideways under its first column."
        ),
        "",
        *_matrix(rows, current),
        "## Bills, and the law before and after",
        "",
        (
            f"The versions not in force on {day.isoformat()}: bills (proposed, never chosen "
            "by date), and laws that ended before that day or begin after it, each applied to "
            "the same requests as if it governed them."
        ),
        "",
        *_matrix(rows, others),
        *_scenario_list(scenarios),
        "## What the first search obliges",
        "",
        (
            f"What each law asks after the first search ({md(scenarios[0].title.lower())}), "
            "by theme, with the deadlines. A law's duties attach to the outcomes it names, "
            "most to a search it permits: a law that refuses the search obliges little or "
            "nothing here."
        ),
        "",
        ":::{container} frp-duties",
        *table(
            ["Law", *(md(theme) for theme, _ in _THEMES)],
            [
                [
                    _version_heading(c.jurisdiction, c.version),
                    *(_duty_cell(c.decision, kinds) for _, kinds in _THEMES),
                ]
                for c in first
            ],
        ),
        ":::",
        "",
        "## The laws compared",
        "",
        ":::{container} frp-places",
        *table(
            ["Place", "Version", "Kind", "Status", "In force", "Summary"],
            [
                [
                    *_links(c.jurisdiction, c.version),
                    c.version.instrument.kind.value,
                    c.version.instrument.status.value.replace("_", " "),
                    _dates(c.version),
                    md(c.version.summary),
                ]
                for c in first
            ],
        ),
        ":::",
        "",
        "```{toctree}",
        ":hidden:",
        "",
        *(f"{_SCENARIOS_FOLDER}/{s.id}" for s in scenarios),
        "```",
        "",
    ]
    return "\n".join(lines)


def _dates(version: Version) -> str:
    ins = version.instrument
    if ins.effective_from is None:
        return "—"
    until = f" until {ins.effective_until.isoformat()}" if ins.effective_until else ""
    return f"from {ins.effective_from.isoformat()}{until}"


def _scenario_list(scenarios: Sequence[Scenario]) -> list[str]:
    lines = [
        "## The scenarios",
        "",
        (
            "Each scenario is one request (see {func}`frpolicy.comparison.scenarios`), "
            "written once for every place alike:"
        ),
        "",
        (
            "- **Agencies.** The agencies state no home (`Agency.home`), so each law takes "
            "them as its own: *the City Police Department* is a city's police in Maryland "
            "when Maryland judges, in Utah when Utah does; *the State Police* is each "
            "state's. A scenario about place states the homes it is about, and every law "
            "reads them as they are."
        ),
        (
            "- **Offenses.** An offense states its penalty and no classification: each law "
            "classes it by its own rule (a felony in Massachusetts is an offense punishable "
            "in the state prison; in Utah, by more than a year)."
        ),
        (
            "- **Lists.** Where a law draws lists of offenses, the offense names in "
            "`Offense.listed_in` the list of each place it is on: armed robbery is on "
            "Maryland's crimes of violence, Montana's serious crimes, Detroit's Part 1 "
            "violent crimes and the AI Act's Annex II. A list of a place not installed is "
            "read by no law."
        ),
        "",
    ]
    for n, s in enumerate(scenarios, start=1):
        lines += [f"{n}. {_scenario_link(s)}: {md(s.text)}"]
    return [*lines, ""]


def scenario_page(row: Sequence[_Judged]) -> str:
    """A scenario's page: the request, the outcome under each version, and each memo."""
    scenario = row[0].scenario
    lines = [
        f"# {md(scenario.title)}",
        "",
        (
            "*Generated each time the documentation is built, from "
            "{func}`frpolicy.comparison.scenarios` and every installed law.*"
        ),
        "",
        md(scenario.text),
        "",
        *_request_lines(scenario.request),
        "## Under each law",
        "",
        ":::{container} frp-places",
        *table(
            ["Place", "Version", "Outcome", "Decided by"],
            [
                [
                    *_links(c.jurisdiction, c.version, "../"),
                    _badge(c),
                    "; ".join(md(s) for s in c.decided_by(short=False)) or "—",
                ]
                for c in row
            ],
        ),
        ":::",
        "",
        "## The memos",
        "",
        (
            "What each version says of the request, as {meth}`frpolicy.policy.Decision.explain` "
            "writes it, whether or not the version is in force on the day."
        ),
        "",
    ]
    for c in row:
        lines += [
            f"({c.target})=",
            f"### {md(c.jurisdiction.code)}, {md(c.version.instrument.id)}",
            "",
        ]
        if c.decision is None:
            cannot = "law could not judge the request as written:"
            lines += [
                f"{_badge(c, linked=False)} {md(c.jurisdiction.name)} {cannot}",
                "",
                *(f"- {md(p)}" for p in c.problems),
                "",
            ]
            continue
        memo = c.decision.explain()
        lines += ["````{code-block} text", ":class: frp-memo", "", memo, "````", ""]
    lines += [
        "## The request as JSON",
        "",
        (
            "Save it as `request.json`: `frpolicy compare request.json` judges it under "
            "every installed law in force on its day, and `frpolicy evaluate request.json "
            "--jurisdiction CODE` under one."
        ),
        "",
        "```json",
        to_json(scenario.request, indent=2),
        "```",
        "",
    ]
    return "\n".join(lines)


def _agency(agency: Agency) -> str:
    home = (
        f"its home stated: `{agency.home}`"
        if agency.home is not None
        else "no home stated, so each law's own"
    )
    kind = agency.kind.label
    said = f"{md(kind)}; " if kind.lower() != agency.name.lower() else ""
    return f"{md(agency.name)} ({said}{home})"


def _authority(request: SearchRequest) -> str:
    found = []
    if request.warrant is not None:
        w = request.warrant
        what = "authorizing the search" if w.authorizes_facial_recognition else ""
        found.append(f"a warrant of the {w.court.value.replace('_', ' ')} {what}".rstrip())
    if request.court_order is not None:
        o = request.court_order
        what = "authorizing the search" if o.authorizes_facial_recognition else ""
        found.append(f"a court order of the {o.court.value.replace('_', ' ')} {what}".rstrip())
    if request.emergency is not None:
        e = request.emergency
        immediate = "immediate " if e.immediate else ""
        found.append(
            f"an emergency, {immediate}danger of {e.harm.value.replace('_', ' ')}, declared by "
            f"{md(e.declared_by)}"
        )
    return "; ".join(found) or "none: no warrant, court order or emergency"


def _offense_text(request: SearchRequest) -> str:
    offense = request.offense
    if offense is None:
        return "none"
    text = f"{md(offense.title)} (at most: {md(penalty(offense.penalty))})"
    if offense.classification is None:
        text += "; no classification stated, so each law classes it"
    lists = ", ".join(f"`{i}`" for i in sorted(offense.listed_in))
    return text + (f"; on the lists {lists}" if lists else "; on no list")


def _image_text(request: SearchRequest) -> str:
    probe = request.probe
    text = f"{probe.kind.value.replace('_', ' ')}, {probe.source.value.replace('_', ' ')}"
    flags = [
        (probe.composite, "a sketch or another manually produced image"),
        (probe.altered, "altered"),
        (probe.protected_activity, "showing activity the constitution protects"),
        (probe.bystander, "with a bystander"),
    ]
    return "; ".join([text, *(words for flag, words in flags if flag)])


def _use_text(request: SearchRequest) -> str:
    words = [request.analysis.value.replace("_", " ")]
    if request.real_time:
        words.append("in real time")
    if request.ongoing_surveillance:
        words.append("following the person over time")
    if request.protected_grounds:
        grounds = ", ".join(sorted(g.value.replace("_", " ") for g in request.protected_grounds))
        words.append(f"the person chosen for their {grounds}")
    return "; ".join(words)


def _system_text(request: SearchRequest) -> str:
    t = request.technology
    text = f"{md(t.name)}, {'approved' if t.approved else 'not approved'} for use"
    if t.tested_accuracy is not None:
        text += f", tested at {t.tested_accuracy / 100:.2f} % in its worst demographic group"
    return text


def _request_lines(request: SearchRequest) -> list[str]:
    """The request's facts, in words, as a definition list."""
    written = "in writing" if request.written_request else "not in writing"
    if request.case_number is not None:
        written += f", with the case number {md(request.case_number)}"
    if request.factual_narrative is not None:
        written += f" and the facts: “{md(request.factual_narrative)}”"
    facts = [
        ("Asked by", _agency(request.requesting_agency)),
        ("Searched by", _agency(request.performing_agency)),
        ("Purpose", md(request.purpose.label)),
        ("Offense", _offense_text(request)),
        ("Suspicion", md(request.suspicion.value.replace("_", " "))),
        ("Authority", _authority(request)),
        ("Image", _image_text(request)),
        ("Use", _use_text(request)),
        ("System", _system_text(request)),
        ("Request", written),
        ("Asked for", request.submitted_at.isoformat()),
    ]
    lines = ["## The request", "", ":::{container} frp-facts", ""]
    for term, text in facts:
        lines += [term, f": {text}", ""]
    return [*lines, ":::", ""]


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


_NOT_JUDGED = "not_judged"
_LINKED = re.compile(r"(?P<mark>\S+)(?:\s+<(?P<target>[^<>]+)>)?")


def outcome_badge(
    _name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    _options: dict[str, Any] | None = None,
    _content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{outcome-badge}`not_permitted```: a badge of a decision's outcome.

    ``not_judged`` marks a request the law could not judge as written. With a label after
    the outcome, ``{outcome-badge}`forbidden <memo-label>```, the badge links to it (to the
    memo that says why).
    """
    found = _LINKED.fullmatch(text.strip())
    mark = found["mark"] if found else ""
    if mark != _NOT_JUDGED and mark not in {o.value for o in Outcome}:
        message = inliner.reporter.error(f"outcome-badge: no outcome {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    label = mark.replace("_", " ")
    node = nodes.inline(rawtext, "", classes=["frp-badge", f"frp-outcome-{mark}"])
    target = found["target"] if found else None
    if target is None:
        node += nodes.Text(label)
    else:  # resolved by Sphinx's std domain as {ref} is: an unknown label fails a -n build
        node += addnodes.pending_xref(
            rawtext,
            nodes.inline(label, label),
            refdomain="std",
            reftype="ref",
            reftarget=target.lower(),
            refexplicit=True,
            refwarn=True,
        )
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
