"""The parts of frpolicy's documentation that only this documentation needs.

The law pages, and the badges they use, come from the extension frpolicy ships,
:mod:`frpolicy.sphinx`, which any jurisdiction's documentation can use. What is here
serves frpolicy's own reference:

- the **JSON Schemas** of the inputs and of the reports, by the ``frpolicy-json-schema``
  directive, from :func:`frpolicy.json_schema`;
- the **command-line reference**, by the ``frpolicy-cli-reference`` directive, from the
  argument parser of :mod:`frpolicy.cli`, and a command's output at build time, by
  ``frpolicy-run``;
- the names the top-level package re-exports (``frpolicy-reexports``), the constants
  autodoc leaves out (``frpolicy-constants``), and a check, in every HTML build, that the
  reference documents every public name and every enumeration member.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import importlib
import io
import json
import os
import pkgutil
import re
import shlex
import sys
import tempfile
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import frpolicy
from frpolicy import examples
from frpolicy.jurisdictions import Version
from frpolicy.law import Instrument, OffenseList
from frpolicy.predicates import Leaf, LeafFamily, Predicate

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "CliReference",
    "CliRun",
    "Constants",
    "JsonSchema",
    "Reexports",
    "expected_objects",
    "fields_documented",
    "in_source_order",
    "public_modules",
    "setup",
    "undocumented",
    "undocumented_fields",
]

LOGGER = logging.getLogger(__name__)


# -- cross-references and docstrings --------------------------------------------------------


def _resolve_reexport(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve ``frpolicy.Name``, or a bare ``Name``, to the module that documents it.

    Every public name is re-exported by the top-level package, and docstrings use them
    so: ``:class:`Offense``` in a module that imports it from :mod:`frpolicy.model`.
    """
    if node.get("refdomain") != "py":
        return None
    name = str(node["reftarget"]).removeprefix("frpolicy.")
    if "." in name:
        return None
    value = getattr(frpolicy, name, None)
    module = getattr(value, "__module__", None)
    if value is None or module is None or not module.startswith("frpolicy."):
        return None
    real = f"{module}.{getattr(value, '__qualname__', name)}"
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], real, node, contnode
    )


_ORIGINALS: dict[str, list[str]] = {}
_ATTRIBUTES = frozenset({"attribute", "data", "property"})


def _keep_attribute_docstring(
    _app: Sphinx, what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Before napoleon: remember the docstring of an attribute, a constant or a property."""
    if what in _ATTRIBUTES:
        _ORIGINALS[name] = list(lines)


def _restore_attribute_docstring(
    _app: Sphinx, _what: str, name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """After napoleon: put it back if napoleon read a type into its first line.

    Napoleon reads ``text: more text`` at the start of an attribute's docstring as a type
    and its description (``V: the text of the statute`` becomes "Type: V"); frpolicy's
    attributes take their types from their annotations and never write one in prose.
    """
    original = _ORIGINALS.pop(name, None)
    if original is not None and any(line.startswith(":type:") for line in lines):
        lines[:] = original


# -- what the reference documents -----------------------------------------------------------


def public_modules() -> list[str]:
    """Every public module of frpolicy: no part of its dotted name starts with ``_``."""
    found = [
        info.name
        for info in pkgutil.walk_packages(frpolicy.__path__, "frpolicy.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    return sorted(["frpolicy", *found])


def expected_objects() -> dict[str, str]:
    """Each name the reference must document, with why: a public name or an enum member.

    A module's public names are its ``__all__``; each enumeration among them must list its
    members too. A name the top-level package re-exports is documented where it lives.
    """
    expected: dict[str, str] = {}
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        names = getattr(module, "__all__", None)
        if names is None:
            expected[module_name] = "a public module with no __all__"
            continue
        expected[module_name] = "a public module"
        for name in names:
            value = getattr(module, name)
            if module_name == "frpolicy":
                home = getattr(value, "__module__", module_name)
                full = f"{home}.{getattr(value, '__qualname__', name)}"
                expected[full] = f"re-exported as frpolicy.{name}"
                continue
            full = f"{module_name}.{name}"
            expected[full] = f"in {module_name}.__all__"
            if isinstance(value, type) and issubclass(value, enum.Enum):
                for member in value:
                    expected[f"{full}.{member.name}"] = f"a member of {full}"
    return expected


def undocumented(documented: Iterable[str]) -> dict[str, str]:
    """The names :func:`expected_objects` asks for that ``documented`` lacks, with why."""
    have = set(documented)
    return {name: why for name, why in expected_objects().items() if name not in have}


def _check_completeness(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn of each public name or enum member the reference does not document.

    The documentation is built with ``-W``, so one missing name fails the build.
    """
    if app.builder.name not in {"html", "dirhtml", "singlehtml"}:
        return
    documented = env.get_domain("py").objects  # type: ignore[attr-defined]
    for name, why in sorted(undocumented(documented).items()):
        LOGGER.warning("undocumented: %s (%s)", name, why, type="frpolicy", subtype="reference")


def _keep_public_members(
    _app: Sphinx, what: str, _name: str, obj: object, *_skip_and_options: object
) -> bool | None:
    """Document every name of a module's ``__all__`` and every member of an enumeration.

    Autodoc leaves out a member with no docstring of its own; a constant such as a leaf, a
    version or an enumeration member is public all the same.
    """
    if what == "module":
        return False  # autodoc offers a module's members from its __all__ only
    if isinstance(obj, enum.Enum) and type(obj).__module__.startswith("frpolicy."):
        return False
    return None


def _describe_values(
    _app: Sphinx, what: str, _name: str, obj: object, _options: object, lines: list[str]
) -> None:
    """Say what a constant is (a leaf's condition, a version), and how JSON writes an enum.

    Runs after napoleon, so the lines added are reStructuredText as written.
    """
    if what == "class" and isinstance(obj, type) and issubclass(obj, enum.Enum):
        first = next(iter(obj))
        value = json.dumps(first.value, ensure_ascii=False)
        said = f"``{value}`` for ``{first.name}``"
        lines += [
            "",
            f"Each member is written in JSON as its value, the string after its name: {said}.",
        ]
    elif what == "data" and isinstance(obj, Leaf):
        lines[:] = [
            f"The leaf ``{obj!r}``: *{_rst(obj.description)}*.",
            "",
            f"Expression: ``{obj.expression}``",
        ]
    elif what == "data" and isinstance(obj, LeafFamily):
        params = ", ".join(obj.params)
        lines[:] = [
            f"The leaf family ``{obj.name}({params})``: *{_rst(obj.description)}*.",
            "",
            f"Expression: ``{obj.expression}``",
        ]
    elif what == "data" and isinstance(obj, Instrument):
        status = obj.status.value.replace("_", " ")
        lines[:] = [f"{_rst(obj.id)}: *{_rst(obj.title)}* ({obj.kind.value}, {status})."]
    elif what == "data" and isinstance(obj, OffenseList):
        lines[:] = [f"The list of offenses *{_rst(obj.title)}*: {_rst(str(obj.citation))}."]
    elif what == "data" and isinstance(obj, Version):
        instrument = obj.instrument
        status = instrument.status.value.replace("_", " ")
        title = _rst(instrument.title)
        lines[:] = [f"{obj.policy.jurisdiction}, {_rst(instrument.id)}: *{title}* ({status})."]


def _no_call_types_for_constants(
    app: Sphinx, what: str, name: str, obj: object, *_args: object
) -> None:
    """A constant is documented as a value: a callable one (a leaf) lists no parameters.

    Nor does a class whose every field has a docstring: each field is listed once, as an
    attribute with its type and what it means, not again as a parameter with its type only.
    """
    if what == "data" or (what == "class" and fields_documented(obj)):
        app.env.current_document.autodoc_annotations.pop(name, None)


def undocumented_fields(cls: type) -> list[str]:
    """The fields of an attrs class, given to its constructor, that have no docstring."""
    attr_docs = ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()
    return [
        f.name
        for f in attrs.fields(cls)
        if f.init and not f.name.startswith("_") and (cls.__qualname__, f.name) not in attr_docs
    ]


def fields_documented(obj: object) -> bool:
    """Whether ``obj`` is an attrs class each of whose fields has a docstring."""
    return isinstance(obj, type) and attrs.has(obj) and not undocumented_fields(obj)


def _rst(text: str) -> str:
    """Escape text for inline reStructuredText."""
    return re.sub(r"([\\`*_|])", r"\\\1", " ".join(text.split()))


# -- directives -----------------------------------------------------------------------------


class JsonSchema(SphinxDirective):
    """``frpolicy-json-schema``: the JSON Schema of a public frpolicy type, as a JSON block.

    The type is named as the top-level package exports it (``SearchRecord``) or by its
    module (``frpolicy.reports.AuditReport``).
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render the schema of the named type."""
        name = self.arguments[0]
        module, _, attribute = name.rpartition(".")
        try:
            home = importlib.import_module(module) if module else frpolicy
        except ImportError:
            home = None
        cls = getattr(home, attribute, None)
        if not isinstance(cls, type):
            msg = f"frpolicy has no public type {name!r}"
            raise self.error(msg)
        text = json.dumps(frpolicy.json_schema(cls), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json", classes=["frp-schema"])
        self.set_source_info(block)
        return [block]


_SHORT_REPR = 80


class Constants(SphinxDirective):
    """``frpolicy-constants``: each public constant of a module that autodoc leaves out.

    Autodoc's ``:members:`` documents a module's constant only when the module's source
    gives it a docstring; a leaf, a version or an offense declared without one, or one the
    module imports and re-exports, is public all the same. Each gets an ``autodata`` entry,
    which :func:`_describe_values` fills from the object itself.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Document the module's undocumented public constants."""
        module_name = self.arguments[0]
        module = importlib.import_module(module_name)
        attr_docs = ModuleAnalyzer.for_module(module_name).find_attr_docs()
        lines = []
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if ("", name) in attr_docs or isinstance(value, type | types.ModuleType):
                continue
            if callable(value) and not isinstance(value, Predicate | LeafFamily):
                continue
            # a leaf's repr is its name, said in the description; others may run long
            hide = isinstance(value, Predicate | LeafFamily) or len(repr(value)) > _SHORT_REPR
            lines += [f".. autodata:: {module_name}.{name}", *(["   :no-value:"] * hide), ""]
        return self.parse_text_to_nodes("\n".join(lines))


class Reexports(SphinxDirective):
    """``frpolicy-reexports``: the names the top-level package re-exports, and their homes.

    Read from ``frpolicy.__all__`` when the documentation is built, so the table lists
    exactly what ``import frpolicy`` gives.
    """

    def run(self) -> list[nodes.Node]:
        """A table: the name as ``frpolicy`` gives it, and where it is documented."""
        rows = []
        for name in frpolicy.__all__:
            value = getattr(frpolicy, name)
            home = value.__module__
            role = "class" if isinstance(value, type) else "func"
            if isinstance(value, type) and issubclass(value, BaseException):
                role = "exc"
            rows += [
                f"   * - ``frpolicy.{name}``",
                f"     - :{role}:`{home}.{value.__qualname__}`",
            ]
        text = "\n".join(
            [
                ".. list-table::",
                "   :header-rows: 1",
                "   :widths: 1 2",
                "",
                "   * - Name",
                "     - Documented as",
                *rows,
            ]
        )
        return self.parse_text_to_nodes(text)


_PARSER_FACTORIES = ("build_parser", "make_parser", "create_parser", "parser", "get_parser")


def cli_parser() -> argparse.ArgumentParser:
    """The argument parser of :mod:`frpolicy.cli`, built as the command builds it.

    Raises:
        LookupError: the module has no parser factory.
    """
    cli = importlib.import_module("frpolicy.cli")
    argv0 = sys.argv[0]
    sys.argv[0] = "frpolicy"  # argparse names the program after argv[0] when not told
    try:
        for name in (*_PARSER_FACTORIES, *(f"_{n}" for n in _PARSER_FACTORIES)):
            factory = getattr(cli, name, None)
            if isinstance(factory, argparse.ArgumentParser):
                return factory
            if callable(factory):
                built = factory()
                if isinstance(built, argparse.ArgumentParser):
                    return built
    finally:
        sys.argv[0] = argv0
    msg = "frpolicy.cli has no function that builds its argparse parser"
    raise LookupError(msg)


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Fix the width argparse wraps help to, so the page is the same on every machine."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


# what help text writes as code: an option, a lone - (standard input or output), 'a command'
_HELP_CODE = re.compile(r"(--[a-z][a-z-]*|(?<![\w-])-(?![\w-])|(?<!\w)'[^']+'(?!\w))")


def _help_paragraph(text: str) -> nodes.paragraph:
    """Help text as a paragraph, its options and quoted commands set as code."""
    paragraph = nodes.paragraph()
    for index, part in enumerate(_HELP_CODE.split(text)):
        if index % 2:
            code = part.strip("'")
            paragraph += nodes.literal(code, code)
        elif part:
            paragraph += nodes.Text(part)
    return paragraph


class CliReference(SphinxDirective):
    """``frpolicy-cli-reference``: a section for the command and for each of its commands.

    Each section is read from the argument parser :mod:`frpolicy.cli` builds: the command's
    summary and description, its usage, and each argument with its help, its choices and
    its default. A command with commands of its own (``frpolicy report eopss``) has a
    section inside its own.
    """

    def run(self) -> list[nodes.Node]:
        """Render the sections of ``frpolicy`` and of every command below it."""
        try:
            parser = cli_parser()
        except (ImportError, LookupError) as error:
            raise self.error(str(error)) from error
        self.env.note_dependency(importlib.import_module("frpolicy.cli").__file__ or "")
        with _columns(88):
            return self._commands(parser, "frpolicy")

    def _commands(self, parser: argparse.ArgumentParser, prefix: str) -> list[nodes.Node]:
        """A section for each command of ``parser``, in the order the parser lists them."""
        result: list[nodes.Node] = []
        for action in parser._actions:  # noqa: SLF001 - argparse exposes subcommands only here
            if not isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - as above
                continue
            summaries = {c.dest: c.help or "" for c in action._choices_actions}  # noqa: SLF001
            for command, sub in action.choices.items():
                name = f"{prefix} {command}"
                result.append(self._section(name, summaries.get(command, ""), sub))
        return result

    def _section(self, name: str, summary: str, parser: argparse.ArgumentParser) -> nodes.section:
        section = nodes.section(ids=[nodes.make_id(f"command {name}")], names=[name])
        section += nodes.title("", "", nodes.literal(name, name))
        text = summary[:1].upper() + summary[1:]
        if text:
            section += _help_paragraph(text.rstrip(".") + ".")
        if parser.description and parser.description.strip(". ") != summary.strip(". "):
            section += _help_paragraph(parser.description)
        prefix = "usage: "
        first, *rest = parser.format_usage().rstrip().splitlines()
        lines = [
            first.removeprefix(prefix),
            *(line.removeprefix(" " * len(prefix)) for line in rest),
        ]
        section += self._block("\n".join(lines), "text")
        arguments = self._arguments(parser)
        if len(arguments):
            section += arguments
        section.extend(self._commands(parser, name))
        return section

    def _arguments(self, parser: argparse.ArgumentParser) -> nodes.definition_list:
        """Each argument: how it is written, then its help, choices and default."""
        formatter = parser._get_formatter()  # noqa: SLF001 - the parser's own way to write one
        found = nodes.definition_list(classes=["frp-cli-arguments"])
        for action in parser._actions:  # noqa: SLF001 - argparse lists its arguments only here
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):  # noqa: SLF001
                continue
            invocation = formatter._format_action_invocation(action)  # noqa: SLF001 - as above
            words = [(action.help or "").rstrip(".") + "." if action.help else ""]
            if action.option_strings and action.required:
                words.append("Required.")
            shown_in_help = action.help is not None and "default" in action.help
            if (
                action.default not in (None, False, [], argparse.SUPPRESS)
                and not shown_in_help
                and not isinstance(action, argparse._StoreConstAction)  # noqa: SLF001
            ):
                words.append(f"Default: {action.default}.")
            item = nodes.definition_list_item()
            item += nodes.term("", "", nodes.literal(invocation, invocation))
            text = " ".join(w for w in words if w)
            item += nodes.definition("", _help_paragraph(text[:1].upper() + text[1:]))
            found += item
        return found

    def _block(self, text: str, language: str) -> nodes.literal_block:
        block = nodes.literal_block(text, text, language=language)
        self.set_source_info(block)
        return block


class CliRun(SphinxDirective):
    """``frpolicy-run``: run ``frpolicy ARGS`` and show its output.

    The command runs in a directory holding every sample file, as ``frpolicy example``
    writes them, so a page names them as its reader's copies do (``ma_search_log.jsonl``).
    The output is the command's, at build time, so the page shows what the command does
    today. ``:head: N`` keeps the first N lines.
    """

    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"head": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        """Run the command and render the prompt, its output and its exit code."""
        cli = importlib.import_module("frpolicy.cli")
        args = shlex.split(self.arguments[0])
        out, err = io.StringIO(), io.StringIO()
        with (
            tempfile.TemporaryDirectory() as folder,
            contextlib.chdir(_with_samples(Path(folder))),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            _columns(88),
        ):
            code = cli.main(args)
        lines = (out.getvalue() + err.getvalue()).rstrip("\n").splitlines()
        head = self.options.get("head")
        if head is not None and len(lines) > head:
            lines = [*lines[:head], f"... ({len(lines) - head} more lines)"]
        text = "\n".join([f"$ frpolicy {shlex.join(args)}", *lines, f"$ echo $?\n{code}"])
        block = nodes.literal_block(text, text, language="console")
        self.set_source_info(block)
        return [block]


def _with_samples(folder: Path) -> Path:
    """The folder, with a copy of every sample file in it."""
    for name in examples.names():
        (folder / name).write_bytes(examples.path(name).read_bytes())
    return folder


# -- the order and the look of the reference -----------------------------------------------


def in_source_order() -> bool:
    """Have autodoc list a module's members in source order, not in ``__all__``'s.

    frpolicy's ``__all__`` lists are sorted, so ``autodoc_member_order = "bysource"``, which
    follows ``__all__`` where there is one, would list a module alphabetically: a reader of
    :mod:`frpolicy.model` would meet ``Agency`` long before ``SearchRequest``. Source order
    is the order a module teaches in; a name the module only re-exports comes after.
    Sphinx exposes no option for this, so its sorting function is wrapped: returns whether
    it could be (False on a Sphinx without that function: the order is then ``__all__``'s).
    """
    try:
        from sphinx.ext.autodoc._dynamic import _member_finder  # noqa: PLC0415
    except ImportError:
        return False
    sort = getattr(_member_finder, "_sort_members", None)
    if sort is None or getattr(sort, "frpolicy_source_order", False):
        return sort is not None

    def by_source(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - Sphinx's private signature
        kwargs["ignore_module_all"] = True  # sort as if there were no __all__: by the analyzer
        return sort(*args, **kwargs)

    by_source.frpolicy_source_order = True  # type: ignore[attr-defined]
    _member_finder._sort_members = by_source  # noqa: SLF001 - see the docstring
    return True


_PRE = re.compile(r'(<span class="pre">)([^<]+)(</span>)')


def _break_names_at_dots(
    _app: Sphinx, _page: str, _template: str, context: dict[str, Any], _doctree: object
) -> None:
    """Let a long module name in the sidebar break after a dot, never inside a word.

    Furo wraps the sidebar's code anywhere (``frpolicy.jurisdictions.us_m`` / ``a``); a
    ``<wbr>`` after each dot gives the browser a better place, and the stylesheet forbids
    the others.
    """
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        context["furo_navigation_tree"] = _PRE.sub(
            lambda m: m.group(1) + m.group(2).replace(".", ".<wbr>") + m.group(3), tree
        )


def _no_bases_object(_app: Sphinx, doctree: nodes.document) -> None:
    """Drop "Bases: object" from every class: it says nothing; an enum's or an error's stays."""
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if paragraph.astext() == "Bases: object" and paragraph.parent is not None:
            paragraph.parent.remove(paragraph)


def setup(app: Sphinx) -> dict[str, object]:
    """Register the directives and the reference's checks."""
    app.add_directive("frpolicy-json-schema", JsonSchema)
    app.add_directive("frpolicy-constants", Constants)
    app.add_directive("frpolicy-reexports", Reexports)
    app.add_directive("frpolicy-cli-reference", CliReference)
    app.add_directive("frpolicy-run", CliRun)
    app.connect("missing-reference", _resolve_reexport)
    app.connect("autodoc-process-docstring", _keep_attribute_docstring, priority=400)
    app.connect("autodoc-process-docstring", _restore_attribute_docstring, priority=600)
    app.connect("autodoc-process-docstring", _describe_values, priority=700)
    app.connect("autodoc-skip-member", _keep_public_members)
    app.connect("autodoc-process-signature", _no_call_types_for_constants)
    app.connect("env-check-consistency", _check_completeness)
    app.connect("doctree-read", _no_bases_object)
    # after furo's own handler (500), which builds the navigation tree
    app.connect("html-page-context", _break_names_at_dots, priority=600)
    in_source_order()
    app.add_css_file("frpolicy.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
