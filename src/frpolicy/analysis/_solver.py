"""The solver's library, loaded on first use, and the one error the analysis raises.

`z3 <https://github.com/Z3Prover/z3>`_ is the optional ``verify`` extra (``pip install
'frpolicy[verify]'``): ``import frpolicy.analysis`` does not load it, the first question
does, and :func:`require_solver` says how to install it when it is missing. Its Python
binding ships no type information, so a z3 expression is typed :data:`Z3`, anything.
"""

from __future__ import annotations

import typing

if typing.TYPE_CHECKING:
    from types import ModuleType

#: A z3 expression (the solver's library ships no type information).
Z3 = typing.Any


def _z3() -> ModuleType:
    """The z3 module, imported on first use: ``import frpolicy`` never loads it."""
    try:
        import z3  # noqa: PLC0415 - the optional extra is loaded only when asked for
    except ImportError:
        msg = "frpolicy.analysis needs the optional 'verify' extra: pip install 'frpolicy[verify]'"
        raise ImportError(msg) from None
    return typing.cast("ModuleType", z3)


def require_solver() -> None:
    """Check that the solver is installed.

    Raises:
        ImportError: the ``verify`` extra is not installed; the message says how to install
            it.
    """
    _z3()


class AnalysisError(RuntimeError):
    """The solver and the concrete engine disagree: a bug of the translation, never of the law.

    The message names the leaf (or the part of the combining algorithm) at fault and the
    request on which they disagree.
    """
