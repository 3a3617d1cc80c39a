from __future__ import annotations

import re
from datetime import date

import pytest

from frpolicy import Citation, Instrument, InstrumentKind, InstrumentStatus
from frpolicy.law import Choice, Confidence, Reading, Source, Verification


def act(**changes: object) -> Instrument:
    fields: dict[str, object] = {
        "id": "St. 2020, c.253",
        "title": "An Act",
        "kind": InstrumentKind.STATUTE,
        "status": InstrumentStatus.IN_FORCE,
        "effective_from": date(2021, 7, 1),
    }
    return Instrument(**(fields | changes))  # type: ignore[arg-type]


def test_a_citation_reads_as_section_subsection_and_instrument() -> None:
    cite = Citation(instrument="H.1728", section="G.L. c.6 §220", subsection="(d)")
    assert str(cite) == "G.L. c.6 §220(d) (H.1728)"


def test_a_statute_is_in_force_from_its_effective_day_until_its_repeal() -> None:
    statute = act(effective_until=date(2030, 1, 1))
    assert not statute.in_force_on(date(2021, 6, 30))
    assert statute.in_force_on(date(2021, 7, 1))
    assert statute.in_force_on(date(2029, 12, 31))
    assert not statute.in_force_on(date(2030, 1, 1))


def test_a_proposed_bill_is_never_in_force_whatever_its_dates() -> None:
    bill = act(id="H.1728", status=InstrumentStatus.PROPOSED, kind=InstrumentKind.BILL)
    assert not bill.in_force_on(date(2024, 1, 1))


def test_an_instrument_in_force_needs_its_effective_day() -> None:
    with pytest.raises(ValueError, match="effective_from"):
        act(effective_from=None)
    with pytest.raises(ValueError, match="effective_until"):
        act(effective_until=date(2021, 7, 1))


def test_a_subsection_follows_its_section_as_the_law_writes_it() -> None:
    cited = Citation(instrument="SB 1", section="§60002", subsection="(2)(A)")
    assert str(cited) == "§60002(2)(A) (SB 1)"


@pytest.mark.parametrize(("written", "meant"), [("2(A)", "(2)(A)"), ("a", "(a)"), ("d-e", "(d-e)")])
def test_a_subsection_without_its_parentheses_is_refused_with_the_form_meant(
    written: str, meant: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(f"write {written!r} in parentheses")) as error:
        Citation(instrument="SB 1", section="§60002", subsection=written)
    assert str(error.value).endswith(f"'{meant}'")


def test_choosing_a_choice_a_reading_lacks_names_the_reading_and_its_choices() -> None:
    reading = Reading(
        id="emergency",
        question="Does an emergency excuse the warrant?",
        choices=(Choice(id="no", text="No."), Choice(id="yes", text="Yes.")),
        source=Source(verification=Verification.TEXT, confidence=Confidence.HIGH),
    )
    with pytest.raises(
        ValueError, match=r"^reading 'emergency' has no choice 'maybe'; its choices: no, yes$"
    ):
        reading.choose("maybe")
