"""Numbers a chapter's prose quotes, glued from the data (myst-nb ``glue``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["glue_numbers"]


def glue_numbers(numbers: Mapping[str, Any]) -> None:
    """Glue each ``name: value`` so the prose can quote it with ``{glue:text}``.

    Without myst-nb (the course installed from its wheel, on a hub) there is no
    book to glue into: the classroom notebooks have the numbers written in.
    """
    try:
        from myst_nb import glue
    except ModuleNotFoundError as exc:
        if exc.name != "myst_nb":
            raise
        return

    for name, value in numbers.items():
        glue(name, value, display=False)
