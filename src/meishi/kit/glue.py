"""Numbers a chapter's prose quotes, glued from the data (myst-nb ``glue``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["glue_numbers"]


def glue_numbers(numbers: Mapping[str, Any]) -> None:
    """Glue each ``name: value`` so the prose can quote it with ``{glue:text}``."""
    from myst_nb import glue

    for name, value in numbers.items():
        glue(name, value, display=False)
