from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from importlib.metadata import EntryPoint
from pathlib import Path

import attrs
import pytest

import frpolicy
from frpolicy import Jurisdiction, jurisdiction, jurisdictions
from frpolicy.jurisdictions import PluginError, plugin_errors

MA = jurisdiction("US-MA")
ANOTHER_SAMPLE = attrs.evolve(jurisdiction("XX-SAMPLE"), name="Another Sampleland")
registry_module = importlib.import_module("frpolicy.jurisdictions")


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[EntryPoint]]:
    """Replace the installed entry points with a list the test fills."""
    found: list[EntryPoint] = []
    monkeypatch.setattr(registry_module, "entry_points", lambda group: found)  # noqa: ARG005
    _forget()
    yield found
    _forget()


def _forget() -> None:
    """Forget the entry points read and the plug-ins loaded: the registry reads them once."""
    registry_module._registry.cache_clear()  # noqa: SLF001
    registry_module._load.cache_clear()  # noqa: SLF001


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
        LookupError,
        match=r"no jurisdiction 'US-ZZ' is installed; installed: ([A-Z]{2}(-[A-Z0-9]+)*, )*US-MA",
    ):
        jurisdiction("US-ZZ")


def test_a_jurisdictions_repr_is_one_line_of_its_code_name_and_versions() -> None:
    assert repr(MA) == (
        "Jurisdiction(code='US-MA', name='Massachusetts', "
        "versions=('St. 2020, c.253', 'H.1728', 'H.4359'))"
    )


def test_a_versions_repr_names_its_jurisdiction_instrument_and_readings_not_as_adopted() -> None:
    version = MA.version("H.1728")
    assert repr(version) == "Version(jurisdiction='US-MA', instrument='H.1728')"
    reading = version.readings[0]
    other = version.with_readings({reading.id: reading.choices[1].id})
    assert repr(other) == (
        f"Version(jurisdiction='US-MA', instrument='H.1728', "
        f"readings={{{reading.id!r}: {reading.choices[1].id!r}}})"
    )


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


GROUP = "frpolicy.jurisdictions"
MA_ENTRY = EntryPoint(name="US-MA", value="frpolicy.jurisdictions.us_ma:MASSACHUSETTS", group=GROUP)


def test_a_plug_in_that_fails_to_load_is_reported_and_the_others_keep_working(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.extend(
        [MA_ENTRY, EntryPoint(name="XX-BROKEN", value="no_such_module:X", group=GROUP)]
    )
    assert jurisdiction("US-MA") is MA
    assert [j.code for j in jurisdictions()] == sorted(registry_module._SHIPPED)  # noqa: SLF001
    (error,) = plugin_errors()
    assert error.code == "XX-BROKEN"
    assert error.reason.startswith(
        "the entry point XX-BROKEN = no_such_module:X failed to load: ModuleNotFoundError: "
    )
    with pytest.raises(PluginError, match=r"^jurisdiction 'XX-BROKEN' cannot be used: the entry"):
        jurisdiction("XX-BROKEN")
    with pytest.raises(LookupError):  # a PluginError is a LookupError, as an unknown code is
        jurisdiction("XX-BROKEN")


def test_a_plug_in_that_exits_while_it_is_imported_is_only_a_broken_plug_in(
    entry_points: list[EntryPoint], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "exits_on_import.py").write_text("import sys\nsys.exit(3)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    entry_points.extend(
        [MA_ENTRY, EntryPoint(name="XX-EXIT", value="exits_on_import:X", group=GROUP)]
    )
    assert [j.code for j in jurisdictions()] == sorted(registry_module._SHIPPED)  # noqa: SLF001
    (error,) = plugin_errors()
    assert "failed to load: SystemExit: 3" in error.reason


def test_an_entry_point_that_does_not_name_a_jurisdiction_is_a_broken_plug_in(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.extend(
        [MA_ENTRY, EntryPoint(name="XX-BAD", value="frpolicy.model:Agency", group=GROUP)]
    )
    assert jurisdiction("US-MA") is MA
    with pytest.raises(PluginError, match=r"names the class Agency, not a Jurisdiction"):
        jurisdiction("XX-BAD")


def test_an_entry_point_named_for_another_code_is_a_broken_plug_in(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.append(
        EntryPoint(name="US-XX", value="frpolicy.jurisdictions.us_ma:MASSACHUSETTS", group=GROUP)
    )
    with pytest.raises(
        PluginError, match=r"names the jurisdiction 'US-MA'; an entry point is named"
    ):
        jurisdiction("US-XX")


def test_two_packages_registering_one_code_are_refused_and_the_others_keep_working(
    entry_points: list[EntryPoint],
) -> None:
    sample = EntryPoint(name="XX-SAMPLE", value="frpolicy_sample:SAMPLELAND", group=GROUP)
    copy = EntryPoint(name="XX-SAMPLE", value=f"{__name__}:ANOTHER_SAMPLE", group=GROUP)
    entry_points.extend([sample, copy])
    with pytest.raises(PluginError, match=r"'XX-SAMPLE' cannot be used: 2 packages register it \("):
        jurisdiction("XX-SAMPLE")
    assert "XX-SAMPLE" not in {j.code for j in jurisdictions()}
    assert [e.code for e in plugin_errors()] == ["XX-SAMPLE"]


def test_a_package_registering_a_code_frpolicy_ships_is_refused_and_never_loaded(
    entry_points: list[EntryPoint],
) -> None:
    another = EntryPoint(name="US-MA", value="no_such_module:ANOTHER_MA", group=GROUP)
    entry_points.extend([MA_ENTRY, another])
    assert jurisdiction("US-MA") is MA
    assert MA in jurisdictions()
    (error,) = plugin_errors()
    assert error.code == "US-MA"
    assert error.reason == (
        "the entry point US-MA = no_such_module:ANOTHER_MA registers a code frpolicy "
        "ships; frpolicy's own is used instead"
    )


def test_the_places_frpolicy_ships_are_found_without_any_entry_point(
    entry_points: list[EntryPoint],
) -> None:
    assert not entry_points
    assert jurisdiction("US-MA") is MA
    assert [j.code for j in jurisdictions()] == sorted(registry_module._SHIPPED)  # noqa: SLF001
    assert plugin_errors() == ()


def test_the_places_frpolicy_ships_are_the_entry_points_its_package_declares() -> None:
    own = {
        entry.name: entry.value
        for entry in importlib.metadata.entry_points(group=GROUP)
        if entry.dist is not None and entry.dist.name == "frpolicy"
    }
    assert own == dict(registry_module._SHIPPED)  # noqa: SLF001


def test_one_package_registering_its_jurisdiction_twice_is_no_conflict(
    entry_points: list[EntryPoint],
) -> None:
    entry_points.extend([MA_ENTRY, MA_ENTRY])
    assert jurisdiction("US-MA") is MA


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(1, 1, 1, 3, tzinfo=timezone(timedelta(hours=5))),
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))),
    ],
)
def test_the_law_in_force_at_a_moment_outside_the_calendar_is_a_lookup_error(
    moment: datetime,
) -> None:
    with pytest.raises(LookupError, match=r"its day in America/New_York lies outside the calendar"):
        MA.in_force(moment)


# -- the law that governs a search, and a request the law finds inconsistent ----------------

SAMPLE = Path(__file__).parent.parent / "src" / "frpolicy" / "examples" / "request.json"


def _sample() -> frpolicy.SearchRequest:
    return frpolicy.from_json(SAMPLE.read_text(encoding="utf-8"), frpolicy.SearchRequest)


def test_a_search_before_any_encoded_massachusetts_law_took_effect_is_not_applicable() -> None:
    before = datetime(2019, 5, 1, 12, tzinfo=UTC)
    request = attrs.evolve(_sample(), submitted_at=before, performed_at=before, warrant=None)
    decision = MA.evaluate(request)
    assert decision.outcome is frpolicy.Outcome.NOT_APPLICABLE
    assert decision.instrument == frpolicy.policy.NO_LAW
    assert decision.obligations == ()
    memo = decision.explain()
    assert "No encoded law governed this request when it was judged" in memo
    assert "St. 2020, c.253 from 2021-07-01" in memo
    assert MA.law_at(decision.at).decide(request) is frpolicy.Outcome.NOT_APPLICABLE


def test_a_version_asked_for_by_name_that_does_not_exist_is_still_an_error() -> None:
    with pytest.raises(LookupError, match=r"has no version .H\.9999."):
        MA.version("H.9999")
    with pytest.raises(LookupError, match="no encoded law is in force on 2019-05-01"):
        MA.in_force(date(2019, 5, 1))


def test_the_law_at_a_moment_is_the_law_in_force_then_or_the_law_of_no_instrument() -> None:
    assert MA.law_at(date(2024, 1, 1)) is MA.in_force(date(2024, 1, 1))
    nothing = MA.law_at(date(2019, 1, 1))
    assert nothing.instrument.id == frpolicy.policy.NO_LAW
    assert nothing is MA.law_at(date(2020, 1, 1))  # made once per place
    assert nothing.decide(_sample()) is frpolicy.Outcome.NOT_APPLICABLE


def test_a_strict_evaluation_refuses_a_classification_massachusetts_does_not_give() -> None:
    robbery = _sample().offense
    assert robbery is not None
    misclassed = attrs.evolve(robbery, classification=frpolicy.Classification.MISDEMEANOR)
    request = attrs.evolve(_sample(), offense=misclassed)
    assert MA.evaluate(request).outcome is frpolicy.Outcome.PERMITTED  # judged by the penalty
    with pytest.raises(frpolicy.InconsistentRequest) as refused:
        MA.evaluate(request, strict=True)
    assert refused.value.jurisdiction == "US-MA"
    assert refused.value.problems[0].startswith("$.offense.classification: 'misdemeanor'")
    assert isinstance(refused.value, ValueError)
    with pytest.raises(frpolicy.InconsistentRequest):
        MA.version("H.1728").evaluate(request, strict=True)


def test_the_problems_of_an_offense_are_its_own_whatever_offense_was_judged_before() -> None:
    version = MA.version("H.1728")
    sample = _sample()
    robbery = sample.offense
    assert robbery is not None
    misclassed = attrs.evolve(robbery, classification=frpolicy.Classification.MISDEMEANOR)
    wrong = attrs.evolve(sample, offense=misclassed)
    for _ in range(2):  # the second time from what the version kept
        assert version.problems(sample) == ()
        (problem,) = version.problems(wrong)
        assert problem.startswith("$.offense.classification: 'misdemeanor'")
        assert version.problems(wrong, classification=False) == ()


def test_a_version_asked_for_the_lists_alone_does_not_class_the_offense() -> None:
    def refuse(penalty: frpolicy.Penalty) -> frpolicy.Classification:
        raise AssertionError(penalty)

    version = attrs.evolve(MA.version("H.1728"), classify=refuse)
    assert version.problems(_sample(), classification=False) == ()
    with pytest.raises(AssertionError):
        version.problems(_sample())


def test_an_offense_sent_without_a_classification_is_judged_by_the_penalty() -> None:
    robbery = _sample().offense
    assert robbery is not None
    unclassed = attrs.evolve(_sample(), offense=attrs.evolve(robbery, classification=None))
    assert MA.version("H.1728").problems(unclassed) == ()
    assert MA.evaluate(unclassed, strict=True).outcome is frpolicy.Outcome.PERMITTED


# -- variants, built when first asked for ---------------------------------------------------


def _variants_built_one_by_one(version: frpolicy.Version) -> list[tuple[str, str, object]]:
    """Each other choice of each reading, read from a build of the law so chosen."""
    assert version.build is not None
    current = {r.id: r.chosen for r in version.readings}
    found: list[tuple[str, str, object]] = []
    for reading in version.readings:
        for choice in reading.choices:
            if choice.id != reading.chosen:
                other = version.build({**current, reading.id: choice.id}).policy
                found.append((reading.id, choice.id, (other.scope, other.rules, other.duties)))
    return found


def test_every_version_has_the_variants_a_build_of_each_other_choice_gives() -> None:
    built = [v for place in jurisdictions() for v in place.versions if v.build is not None]
    assert built
    for version in built:
        assert [
            (v.reading, v.choice, (v.scope, v.rules, v.duties)) for v in version.policy.variants
        ] == _variants_built_one_by_one(version)


def test_a_policy_copied_before_its_variants_are_built_still_has_them() -> None:
    bill = MA.version("H.1728")
    assert bill.build is not None
    fresh = frpolicy.Version.from_builder(bill.build)
    copied = attrs.evolve(fresh.policy, rules=fresh.policy.rules[1:])
    assert copied.variants == bill.policy.variants
    assert fresh.policy.variants == bill.policy.variants


def test_threads_asking_at_once_for_the_variants_get_one_tuple_built_once() -> None:
    import threading  # noqa: PLC0415 - only this test starts threads here

    bill = MA.version("H.1728")
    build = bill.build
    assert build is not None
    calls: list[object] = []

    def counted(choices: Mapping[str, str]) -> frpolicy.Version:
        calls.append(choices)
        return build(choices)

    fresh = frpolicy.Version.from_builder(counted)
    assert len(calls) == 1  # the version itself; its variants wait to be asked for
    start = threading.Barrier(8)
    found: list[object] = [None] * 8

    def ask(thread: int) -> None:
        start.wait()
        found[thread] = fresh.policy.variants

    threads = [threading.Thread(target=ask, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(variants is found[0] for variants in found)
    assert found[0] == bill.policy.variants
    assert len(calls) == 1 + len(bill.policy.variants)
