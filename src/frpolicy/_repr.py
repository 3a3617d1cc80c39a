"""The ``__repr__`` attrs would write for a class, as one function for every class.

attrs compiles a ``__repr__`` for each class it makes, and that compiling is a third of what
making a class costs: for the forty-odd classes ``import frpolicy`` defines, about a sixth
of the import. The classes on that path say ``repr=False`` and take this one instead; a
test holds its text equal to attrs's own for every one of them.
"""

from __future__ import annotations

import typing

import attrs


def attrs_repr(self: object) -> str:
    """``Name(field=value, ...)``: the fields attrs shows, each by its own ``repr``."""
    cls = typing.cast("type[attrs.AttrsInstance]", type(self))
    shown = ", ".join(
        f"{field.name}={(field.repr if callable(field.repr) else repr)(getattr(self, field.name))}"
        for field in attrs.fields(cls)
        if field.repr
    )
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"
