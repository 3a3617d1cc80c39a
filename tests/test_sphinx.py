"""The law pages frpolicy.sphinx writes, and a plug-in's documentation built with them."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest

pytest.importorskip("sphinx")

from frpolicy.comparison import scenarios
from frpolicy.sphinx import (
    _judge_all,  # the page's rows, judged without writing every version's page
    cross_jurisdiction_page,
    jurisdiction_pages,
    shipped_jurisdictions,
    slug,
)


def _sample_installed() -> bool:
    try:
        distribution("frpolicy-sample")
    except PackageNotFoundError:
        return False
    return True


needs_sample = pytest.mark.skipif(
    not _sample_installed(), reason="tests/plugin_package is not installed"
)


@needs_sample
def test_the_pages_of_a_distribution_are_its_jurisdictions_and_no_other() -> None:
    pages = jurisdiction_pages(["frpolicy-sample"])
    assert set(pages) == {
        "index.md",
        "compare.md",
        "XX-SAMPLE/index.md",
        "XX-SAMPLE/sample-act-1.md",
        *(f"scenarios/{s.id}.md" for s in scenarios()),
    }
    assert "US-MA" not in pages["compare.md"]


@needs_sample
def test_each_cell_of_the_law_across_the_states_links_to_the_memo_on_its_scenario_s_page() -> None:
    pages = jurisdiction_pages(["frpolicy-sample"])
    matrix = pages["compare.md"]
    assert matrix.startswith("# The law across the states\n")
    label = "frp-robbery-still-xx-sample-sample-act-1"
    assert (
        f'{{outcome-badge}}`permitted <{label}>`<br><span class="frp-cited">s. 2</span>' in matrix
    )
    memos = pages["scenarios/robbery-still.md"]
    assert f"({label})=\n### XX-SAMPLE, Sample Act 1" in memos
    assert "PERMITTED: request robbery-still under Sample Act 1 (XX-SAMPLE)" in memos
    assert '"id": "robbery-still"' in memos  # the request, to judge again


@needs_sample
def test_every_scenario_is_a_row_of_the_law_in_force_on_the_day_it_is_asked_for() -> None:
    matrix = jurisdiction_pages(["frpolicy-sample"])["compare.md"]
    in_force, others = matrix.split("## Bills, and the law before and after")
    day = scenarios()[0].request.submitted_at.date().isoformat()
    assert f"## The law in force on {day}" in in_force
    for s in scenarios():
        assert f"<scenarios/{s.id}>`" in in_force
    assert "No version of this kind is installed." in others.split("## The scenarios")[0]


def _columns(section: str) -> list[str]:
    """The versions heading a matrix's columns: ``CODE/slug`` of each, in order."""
    (header,) = [line for line in section.splitlines() if line.startswith("| Scenario |")]
    return re.findall(r"<([^>/]+/(?!index>)[^>]+)>`", header)


def test_the_law_across_the_states_judges_every_version_of_every_place_frpolicy_installs() -> None:
    found = shipped_jurisdictions(["frpolicy"])
    matrix = cross_jurisdiction_page(found, _judge_all(found, scenarios()))
    in_force, rest = matrix.split("## Bills, and the law before and after")
    others = rest.split("## The scenarios")[0]
    day = scenarios()[0].request.submitted_at.date()
    assert _columns(in_force) == [
        f"{j.code}/{slug(v.instrument.id)}" for j in found for v in j.versions if v is j.law_at(day)
    ]
    assert sorted(_columns(in_force) + _columns(others)) == sorted(
        f"{j.code}/{slug(v.instrument.id)}" for j in found for v in j.versions
    )
    # a cell is the engine's decision, linked to its memo, with the section that decided it
    assert (
        "{outcome-badge}`forbidden <frp-misdemeanor-us-md-2024-md-laws-ch-808>`"
        '<br><span class="frp-cited">§2-503(a)(1)(i)</span>'
    ) in in_force
    assert "{outcome-badge}`forbidden <frp-emotion-inference-us-ma-h-1728>`" in others


@needs_sample
def test_outside_frpolicy_s_documentation_the_pages_name_its_guides_without_linking_them() -> None:
    plain = jurisdiction_pages(["frpolicy-sample"])["XX-SAMPLE/sample-act-1.md"]
    linked = jurisdiction_pages(["frpolicy-sample"], links=True)["XX-SAMPLE/sample-act-1.md"]
    assert "{doc}`/explanation/sources`" in linked
    assert "{mod}`frpolicy.analysis`" in linked
    assert "{doc}`/" not in plain
    assert "{mod}" not in plain
    assert "*Where the law comes from, and how sure we are* in frpolicy's documentation" in plain


@needs_sample
def test_a_plug_in_s_own_documentation_renders_its_law_pages(tmp_path: Path) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    (source / "conf.py").write_text(
        textwrap.dedent(
            """
            project = "frpolicy-sample"
            extensions = ["myst_parser", "frpolicy.sphinx"]
            myst_enable_extensions = ["colon_fence", "deflist"]
            frpolicy_distributions = ["frpolicy-sample"]
            nitpicky = True
            """
        ),
        encoding="utf-8",
    )
    (source / "index.md").write_text(
        "# Sampleland\n\n```{toctree}\njurisdictions/index\n```\n", encoding="utf-8"
    )
    out = tmp_path / "html"
    result = subprocess.run(  # noqa: S603 - a fixed command line over files the test wrote
        [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-b", "html", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (out / "jurisdictions" / "XX-SAMPLE" / "sample-act-1.html").read_text("utf-8")
    assert "SL-WARRANT" in page
    assert "Proved" in page
    assert "frp-badge frp-text" in page
    assert (out / "_static" / "frpolicy-law.css").is_file()
    assert not (out / "jurisdictions" / "US-MA").exists()
    # the badge of a cell links to its memo: -n would fail the build on a label not found
    matrix = (out / "jurisdictions" / "compare.html").read_text("utf-8")
    assert 'href="scenarios/robbery-still.html#frp-robbery-still-xx-sample-sample-act-1"' in matrix


def test_a_doctest_build_reads_the_law_pages_written_and_writes_them_only_if_missing(
    tmp_path: Path,
) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.doctest", "frpolicy.sphinx"]\n'
        'frpolicy_distributions = ["frpolicy-sample"]\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text(
        "# Sampleland\n\n```{toctree}\njurisdictions/index\n```\n", encoding="utf-8"
    )

    def doctest() -> None:
        result = subprocess.run(  # noqa: S603 - a fixed command line over files the test wrote
            [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "doctest", str(source), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr

    out = tmp_path / "doctest"
    doctest()
    index = source / "jurisdictions" / "index.md"
    assert "Sampleland" in index.read_text("utf-8")
    index.write_text(index.read_text("utf-8") + "\nWritten by an earlier build.\n", "utf-8")
    doctest()
    assert index.read_text("utf-8").endswith("Written by an earlier build.\n")
