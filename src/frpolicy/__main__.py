"""``python -m frpolicy``: the ``frpolicy`` command, for when the script is not on the path."""

from __future__ import annotations

import sys

from frpolicy.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
