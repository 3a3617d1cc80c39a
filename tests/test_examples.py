"""The sample files that ship in the package, and ``frpolicy example`` that writes them out."""

from __future__ import annotations

from pathlib import Path

import pytest

import frpolicy
from frpolicy import CaseRecord, SearchRecord, examples
from frpolicy.cli import main


def test_every_file_beside_the_module_is_a_sample_it_lists_and_describes() -> None:
    folder = Path(examples.__file__).parent
    on_disk = {p.name for p in folder.iterdir() if p.suffix in {".json", ".jsonl"}}
    assert set(examples.names()) == on_disk
    assert all(examples.describe(name) for name in examples.names())


@pytest.mark.parametrize("name", [n for n in examples.names() if n.endswith(".jsonl")])
def test_every_line_of_every_sample_log_is_a_record_frpolicy_reads(name: str) -> None:
    cls = CaseRecord if "cases" in name else SearchRecord
    lines = examples.read(name).splitlines()
    assert lines
    assert all(isinstance(frpolicy.from_json(line, cls), cls) for line in lines)


def test_an_unknown_sample_is_refused_with_the_names_there_are() -> None:
    with pytest.raises(LookupError, match=r"no sample file 'nope.json'; there are: request.json"):
        examples.read("nope.json")
    with pytest.raises(LookupError):
        examples.path("../pyproject.toml")


def test_frpolicy_example_writes_the_samples_named_into_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["example", "request.json", "ma_cases.jsonl", "--directory", str(tmp_path)])
    assert code == 0
    assert (tmp_path / "request.json").read_text("utf-8") == examples.read("request.json")
    assert (tmp_path / "ma_cases.jsonl").read_bytes() == examples.path(
        "ma_cases.jsonl"
    ).read_bytes()
    assert capsys.readouterr().err.count("wrote ") == 2
    # again: the same contents are there already, so nothing is refused
    assert main(["example", "request.json", "--directory", str(tmp_path)]) == 0


def test_frpolicy_example_never_replaces_a_file_with_other_contents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "request.json"
    mine.write_text("my own request", encoding="utf-8")
    assert main(["example", "request.json", "--directory", str(tmp_path)]) == 2
    assert "exists with other contents" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "my own request"


def test_frpolicy_example_lists_the_samples_and_refuses_an_unknown_one_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["example"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listed] == list(examples.names())
    assert main(["example", "nope.json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frpolicy: no sample file 'nope.json'")
    assert err.count("\n") == 1
