"""Text shown to people: control, format and separator characters escaped, never interpreted."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from frpolicy._text import printable

UNSAFE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def test_a_newline_an_ansi_escape_and_a_bidi_override_are_shown_as_escapes() -> None:
    assert printable("MA-1\nviolations 0\x1b[2J\u202e\u2028") == (
        "MA-1\\nviolations 0\\x1b[2J\\u202e\\u2028"
    )


def test_text_of_several_lines_keeps_its_line_breaks_and_nothing_else() -> None:
    assert printable("a\nb\rc\x07", keep_newlines=True) == "a\nb\\rc\\x07"


def test_ordinary_text_in_any_script_is_left_as_it_is() -> None:
    for text in ("Boston Police Department", "Worcester \u2013 §220(d)", "東京", "Ñandú", "a b"):
        assert printable(text) == text


@given(st.text())
def test_what_is_shown_holds_no_character_that_moves_the_cursor_or_the_text(text: str) -> None:
    shown = printable(text)
    assert not any(unicodedata.category(c) in UNSAFE for c in shown)
    shown.encode("utf-8")  # no lone surrogate left to fail an encoder
