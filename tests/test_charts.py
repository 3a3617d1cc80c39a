"""The bar charts of the report pages: proportional, stacked, escaped, the same every run."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from frpolicy.reports._charts import Series, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def _bars(svg: str) -> dict[str, float]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return {
        str(rect.findtext(f"{SVG}title")): float(rect.get("width", "0"))
        for rect in root.iter(f"{SVG}rect")
        if rect.find(f"{SVG}title") is not None
    }


def test_a_bar_is_as_long_as_its_value_and_a_stack_adds_up() -> None:
    svg = bar_chart(
        title="Violations by agency",
        labels=("BPD", "WPD"),
        series=(Series("late", "#d55e00", (2, 4)), Series("unauthorized", "#cc79a7", (2, 0))),
    )
    bars = _bars(svg)
    assert bars["BPD: 2 late"] == pytest.approx(bars["BPD: 2 unauthorized"])
    assert bars["WPD: 4 late"] == pytest.approx(2 * bars["BPD: 2 late"], abs=0.2)
    assert "WPD: 0 unauthorized" not in bars  # nothing drawn for nothing
    totals = re.findall(r'font-weight="600">([\d,]+)</text>', svg)
    assert totals == ["4", "4"]


def test_a_chart_says_what_it_shows_to_a_screen_reader() -> None:
    svg = bar_chart(title="By month", labels=("2024-01",), series=(Series("n", "#000", (3,)),))
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "By month"
    assert root.findtext(f"{SVG}desc") == "2024-01: 3 n."


def test_columns_stand_for_a_time_series_with_a_label_under_each() -> None:
    months = tuple(f"2024-{m:02d}" for m in range(1, 4))
    svg = bar_chart(
        title="By month", labels=months, series=(Series("n", "#000", (1, 0, 3)),), vertical=True
    )
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    heights = {
        str(r.findtext(f"{SVG}title")): float(r.get("height", "0")) for r in root.iter(f"{SVG}rect")
    }
    assert heights["2024-03: 3 n"] == pytest.approx(3 * heights["2024-01: 1 n"], abs=0.2)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert all(m in texts for m in months)


def test_labels_are_escaped_and_long_ones_clipped_with_the_whole_in_a_tooltip() -> None:
    label = "<script>alert(1)</script> & a label far longer than the chart leaves room for"
    svg = bar_chart(title="t & <u>", labels=(label,), series=(Series("n", "#000", (1,)),))
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert "<script>" not in svg
    shown = [t for t in root.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None]
    assert shown[0].findtext(f"{SVG}title") == label
    assert "".join(shown[0].itertext()).endswith("…")


def test_the_same_chart_is_the_same_text_every_time() -> None:
    def chart() -> str:
        return bar_chart(title="x", labels=("a", "b"), series=(Series("n", "#000", (1, 2)),))

    assert chart() == chart()


def test_a_series_must_have_one_value_per_label_and_none_negative() -> None:
    with pytest.raises(ValueError, match="2 values for 1 labels"):
        bar_chart(title="x", labels=("a",), series=(Series("n", "#000", (1, 2)),))
    with pytest.raises(ValueError, match="negative"):
        bar_chart(title="x", labels=("a",), series=(Series("n", "#000", (-1,)),))


def test_an_empty_chart_still_draws_its_axis() -> None:
    svg = bar_chart(title="x", labels=(), series=(Series("n", "#000", ()),))
    assert ET.fromstring(svg).tag == f"{SVG}svg"  # noqa: S314 - our own output


def test_every_label_the_eopss_report_draws_is_shown_whole() -> None:
    from frpolicy.model import AgencyKind  # noqa: PLC0415 - the labels the report charts

    labels = tuple(kind.label for kind in AgencyKind)
    svg = bar_chart(
        title="By agency", labels=labels, series=(Series("n", "#000", (1,) * len(labels)),)
    )
    assert "a federal agency other than the FBI</text>" in svg
    assert "…" not in svg
