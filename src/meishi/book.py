"""Glue between the course package and the built book (myst-nb).

* :class:`AltTextImagePlugin` is registered as a ``myst_nb.mime_renderers``
  entry point (see ``pyproject.toml``).  When a notebook output carries
  ``{"image/png": {"alt": ...}}`` in its metadata, as every
  :class:`meishi.charts.Chart` does, the image in the built page gets that
  alt text instead of none.
* :func:`glue_numbers` glues the numbers a chapter's prose quotes, so the
  text and the charts read from the same data and cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["AltTextImagePlugin", "glue_numbers"]

_IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


class AltTextImagePlugin:
    """myst-nb mime renderer: an image output whose metadata has ``alt`` keeps it."""

    mime_priority_overrides: tuple = ()

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool):
        if data.mime_type not in _IMAGE_TYPES:
            return None
        alt = (data.output_metadata or {}).get(data.mime_type, {}).get("alt")
        if not alt:
            return None
        rendered = renderer.render_image_inline(data) if inline else renderer.render_image(data)
        for node in rendered:
            if node.tagname == "image":
                node["alt"] = str(alt)
        return rendered


def glue_numbers(numbers: Mapping[str, Any]) -> None:
    """Glue each ``name: value`` so the prose can quote it with ``{glue:text}``."""
    from myst_nb import glue

    for name, value in numbers.items():
        glue(name, value, display=False)
