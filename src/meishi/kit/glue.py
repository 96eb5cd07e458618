"""Numbers a chapter's prose quotes, glued from the data (myst-nb's ``glue``).

Each number is displayed the way ``myst_nb.glue(name, value, display=False)`` displays
it, and myst-nb's build reads it back from the cell's output. The display is written here
rather than by calling ``myst_nb.glue``: importing that imports nbformat, and with it
jsonschema, whose optional IRI checker (rfc3987-syntax) compiles 38 grammars on import,
about two seconds of every chapter kernel's start for nothing a kernel uses.
``tests/kit/test_glue.py`` holds the two to the same output, and keeps that import out.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.util import find_spec
from typing import Any

__all__ = ["GLUE_PREFIX", "glue", "glue_numbers"]

#: myst_nb.ext.glue.GLUE_PREFIX: the mime-type prefix of a value glued but not shown
GLUE_PREFIX = "application/papermill.record/"


def glue(name: str, value: Any) -> None:
    """Display ``value`` as myst-nb's ``glue(name, value, display=False)`` does."""
    from IPython.core.formatters import format_display_data
    from IPython.display import display

    bundle, metadata = format_display_data(value)
    metadata["scrapbook"] = {"name": name, "mime_prefix": GLUE_PREFIX}
    display({GLUE_PREFIX + k: v for k, v in bundle.items()}, raw=True, metadata=metadata)


def glue_numbers(numbers: Mapping[str, Any]) -> None:
    """Glue each ``name: value`` so the prose can quote it with ``{glue:text}``.

    Without myst-nb (the course installed from its wheel, on a hub) there is no
    book to glue into: the classroom notebooks have the numbers written in.
    """
    if find_spec("myst_nb") is None:
        return
    for name, value in numbers.items():
        glue(name, value)
