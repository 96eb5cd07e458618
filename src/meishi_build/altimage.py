"""Alt text, a "Data and sources" link and a data table for the book's charts (myst-nb).

:class:`AltTextImagePlugin` is registered as a ``myst_nb.mime_renderers``
entry point (see ``pyproject.toml``).  When a notebook output carries
``{"image/png": {"alt": ...}}`` in its metadata, as every
:class:`meishi.kit.charts.Chart` does, the image in the built page gets that
alt text instead of none; when the metadata also names the chart's
``datasets``, a line under the image links to each one's entry on the
book's "Data and sources" page; when it carries the chart's ``table``
(:meth:`meishi.kit.charts.Chart.table`), the data follow in a folded table.
"""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes

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
        datasets = (data.output_metadata or {}).get(data.mime_type, {}).get("datasets") or []
        if datasets and not inline:
            rendered = [*rendered, sources_line(datasets, _docname(renderer))]
        if not inline:
            rendered = [*rendered, *data_table(data.output_metadata or {}, data.mime_type)]
        return rendered


def _docname(renderer: Any) -> str:
    env = getattr(getattr(renderer, "renderer", None), "sphinx_env", None)
    return str(getattr(env, "docname", "") or "")


def sources_line(datasets: list[str], docname: str) -> nodes.paragraph:
    """"Data and sources: <dataset>, …", each linking to the dataset's entry."""
    from meishi.data.catalogue import PAGE, anchor

    page = posixpath.relpath(PAGE, posixpath.dirname(docname) or ".") + ".html"
    para = nodes.paragraph(classes=["meishi-chart-sources"])
    para += nodes.Text("Data and sources: ")
    for i, name in enumerate(datasets):
        if i:
            para += nodes.Text(", ")
        para += nodes.reference("", name.replace("_", " "),
                                refuri=f"{page}#{anchor(name)}", internal=True)
    return para


def data_table(metadata: dict, mime_type: str) -> list[nodes.Node]:
    """The chart's data as folded tables ("The data in this chart"), if it carries them."""
    from meishi.kit.charttable import to_html

    table = metadata.get(mime_type, {}).get("table") or []
    markup = to_html(table)
    return [nodes.raw("", markup, format="html")] if markup else []
