"""Alt text for the book's charts (a myst-nb plug-in).

:class:`AltTextImagePlugin` is registered as a ``myst_nb.mime_renderers``
entry point (see ``pyproject.toml``).  When a notebook output carries
``{"image/png": {"alt": ...}}`` in its metadata, as every
:class:`meishi.kit.charts.Chart` does, the image in the built page gets that
alt text instead of none.
"""

from __future__ import annotations

from typing import Any

__all__ = ["AltTextImagePlugin"]

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
