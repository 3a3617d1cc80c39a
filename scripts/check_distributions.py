"""Check that the sdist and the wheel in a folder hold what a user of each needs.

Run by ``scripts/test`` after ``python -m build``, beside ``twine check`` (which checks the
metadata PyPI reads)::

    python scripts/check_distributions.py dist/

The wheel must carry the sample files (:mod:`frpolicy.examples`), the law pages' stylesheet
(:mod:`frpolicy.sphinx`), the typing marker and the license; the sdist, besides the
package, the tests, the documentation and the samples' generators, so the tests and the
documentation build from an unpacked sdist. Prints one line per distribution, or one line
per thing missing and exits 1.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

WHEEL_NEEDS = (
    "frpolicy/py.typed",
    "frpolicy/examples/request.json",
    "frpolicy/examples/ma_search_log.jsonl",
    "frpolicy/examples/ma_cases.jsonl",
    "frpolicy/sphinx/static/frpolicy-law.css",
)
SDIST_NEEDS = (
    "src/frpolicy/examples/ma_search_log.jsonl",
    "examples/generate.py",
    "tests/conftest.py",
    "tests/plugin_package/pyproject.toml",
    "docs/conf.py",
    "docs/_ext/frpolicy_docs.py",
    "LICENSE",
)


def missing(have: set[str], needs: tuple[str, ...]) -> list[str]:
    """What ``needs`` asks for that no member of ``have`` is or ends with."""
    return [n for n in needs if not any(h == n or h.endswith(f"/{n}") for h in have)]


def main(folder: Path) -> int:
    """Check the one wheel and the one sdist in ``folder``; return the exit code."""
    (wheel,) = folder.glob("*.whl")
    (sdist,) = folder.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    with tarfile.open(sdist) as archive:
        in_sdist = set(archive.getnames())
    lacks = [f"{wheel.name} lacks {n}" for n in missing(in_wheel, WHEEL_NEEDS)]
    if not any(n.endswith(".dist-info/licenses/LICENSE") for n in in_wheel):
        lacks.append(f"{wheel.name} lacks its license")
    lacks += [f"{sdist.name} lacks {n}" for n in missing(in_sdist, SDIST_NEEDS)]
    for line in lacks:
        print(line)  # noqa: T201 - a script reports on stdout
    if lacks:
        return 1
    print(f"{wheel.name}: {len(in_wheel)} files; {sdist.name}: {len(in_sdist)} files")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
