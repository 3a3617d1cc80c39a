from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_the_readme_quick_look_runs_and_prints_what_its_comments_say() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own code
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "Outcome.PERMITTED" in printed
    assert "G.L. c.6 §220(d) (H.1728)" in printed
    assert "St. 2020, c.253 Outcome.PERMITTED" in printed
