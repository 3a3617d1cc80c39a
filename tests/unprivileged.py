"""Checks run as a user without privileges: what an archive or a read-only file does to frpolicy.

A read-only directory or file stops every user but root, and tests may run as root. A check
given to :func:`run` runs in a child process as ``nobody`` when this process is root (as
itself otherwise), in a :func:`folder` that user can reach; what it returns, or the error
it raised, comes back.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import tempfile
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["folder", "run"]

T = typing.TypeVar("T")

NOBODY = 65534


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    """A new folder every user can reach and write in, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="frpolicy-unprivileged-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        for inner, _, _ in os.walk(path):
            Path(inner).chmod(0o777)
        shutil.rmtree(path)


def run(check: Callable[[], T]) -> T:
    """What ``check()`` returns when run without privileges; its error is raised again here."""
    if os.geteuid() != 0:
        return check()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child, which never returns
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            answer: tuple[bool, object] = (True, check())
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the test
            answer = (False, f"{type(error).__name__}: {error}")
        with os.fdopen(write, "wb") as out:
            pickle.dump(answer, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answered:
        data = answered.read()
    os.waitpid(pid, 0)
    ok, value = pickle.loads(data)  # noqa: S301 - written by this test's own child
    if not ok:
        raise AssertionError(value)
    return typing.cast("T", value)
