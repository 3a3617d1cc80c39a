from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from importlib.metadata import EntryPoint

import attrs
import pytest

import frpolicy
from frpolicy import Jurisdiction, jurisdiction, jurisdictions

MA = jurisdiction("US-MA")
ANOTHER_MA = attrs.evolve(MA, name="Another Massachusetts")
registry_module = importlib.import_module("frpolicy.jurisdictions")


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[EntryPoint]]:
    """Replace the installed entry points with a list the test fills."""
    found: list[EntryPoint] = []
    monkeypatch.setattr(registry_module, "entry_points", lambda group: found)  # noqa: ARG005
    registry_module._registry.cache_clear()  # noqa: SLF001 - the registry is read once
    yield found
    registry_module._registry.cache_clear()  # noqa: SLF001


def test_massachusetts_is_registered_by_its_code() -> None:
    assert MA.code == "US-MA"
    assert MA.name == "Massachusetts"
    assert MA in jurisdictions()


def test_a_jurisdiction_from_another_installed_package_is_found_by_entry_point() -> None:
    sample = jurisdiction("XX-SAMPLE")
    assert type(sample).__module__ == "frpolicy.jurisdictions"
    assert [j.code for j in jurisdictions()] == sorted(j.code for j in jurisdictions())
    assert "XX-SAMPLE" in {j.code for j in jurisdictions()}


def test_an_unknown_jurisdiction_is_an_error_that_lists_the_installed_ones() -> None:
    with pytest.raises(
        LookupError, match=r"no jurisdiction 'US-ZZ' is installed; installed: US-MA"
    ):
        jurisdiction("US-ZZ")


def test_a_version_is_found_by_its_instrument_or_an_alias() -> None:
    assert MA.version("H.1728") is MA.version("S.927")
    with pytest.raises(LookupError, match=r"has no version 'H.9999'; known: St. 2020, c.253, "):
        MA.version("H.9999")


def test_the_law_in_force_is_chosen_by_date_and_a_bill_never_is() -> None:
    assert MA.in_force(date(2021, 7, 1)).instrument.id == "St. 2020, c.253"
    with pytest.raises(LookupError):
        MA.in_force(date(2021, 6, 30))
    assert all(
        MA.in_force(date(year, 1, 1)).instrument.status is frpolicy.InstrumentStatus.IN_FORCE
        for year in range(2022, 2030)
    )


def test_the_day_of_a_moment_is_taken_in_the_jurisdictions_time_zone() -> None:
    new_years_eve_in_boston = datetime(2022, 1, 1, 3, 0, tzinfo=UTC)
    assert MA.in_force(new_years_eve_in_boston) is MA.in_force(date(2021, 12, 31))
    with pytest.raises(LookupError, match="in force on 2021-06-30"):
        MA.in_force(datetime(2021, 7, 1, 3, 0, tzinfo=UTC))
    with pytest.raises(ValueError, match="naive datetime"):
        MA.in_force(datetime(2024, 1, 1))  # noqa: DTZ001 - the point


def test_versions_need_distinct_names_and_their_own_jurisdiction() -> None:
    bill = MA.version("H.1728")
    with pytest.raises(ValueError, match=r"repeated: H.1728, S.927"):
        Jurisdiction(code="US-MA", name="Massachusetts", versions=(bill, bill))
    with pytest.raises(ValueError, match=r"is for US-MA"):
        Jurisdiction(code="US-XX", name="Elsewhere", versions=(bill,))


def test_an_offense_is_looked_up_in_the_catalog_of_a_version() -> None:
    bill = MA.version("H.1728")
    assert bill.offense("265-1").title == "Murder"
    with pytest.raises(LookupError, match=r"no offense 'nope'"):
        bill.offense("nope")


def test_an_entry_point_that_does_not_name_a_jurisdiction_is_an_error(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.append(
        EntryPoint(name="bad", value="frpolicy.model:Agency", group="frpolicy.jurisdictions")
    )
    with pytest.raises(TypeError, match=r"'bad' is not a Jurisdiction"):
        jurisdiction("US-MA")


def test_an_entry_point_that_fails_to_load_names_the_plug_in(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.append(
        EntryPoint(name="broken", value="no_such_module:X", group="frpolicy.jurisdictions")
    )
    with pytest.raises(ImportError, match=r"'broken' \(no_such_module:X\) failed to load"):
        jurisdictions()


def test_two_packages_registering_one_code_is_an_error(entry_points: list[EntryPoint]) -> None:
    group = "frpolicy.jurisdictions"
    entry_points.append(
        EntryPoint(name="a", value="frpolicy.jurisdictions.us_ma:MASSACHUSETTS", group=group)
    )
    entry_points.append(EntryPoint(name="b", value=f"{__name__}:ANOTHER_MA", group=group))
    with pytest.raises(
        ValueError, match=r"two frpolicy.jurisdictions entry points register 'US-MA'"
    ):
        jurisdictions()
