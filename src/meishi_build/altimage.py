"""Alt text, a "Data and sources" link and a data table for the book's charts (myst-nb).

:class:`AltTextImagePlugin` is registered as a ``myst_nb.mime_renderers``
entry point (see ``pyproject.toml``).  When a notebook output carries
``{"image/png": {"alt": ...}}`` in its metadata, as every
:class:`meishi.kit.charts.Chart` does, the image in the built page gets that
alt text instead of none; when the metadata also names the chart's
``datasets``, a line under the image links to each one's entry on the
book's "Data and sources" page.  When it also carries a ``phone`` rendering (a
base64 PNG: :meth:`meishi.kit.charts.Chart.phone_png`), the page serves it on narrow
screens: the image sits in a ``<picture>`` whose ``<source>`` names the phone file for
:data:`PHONE_MEDIA`, both with the same alt text (:class:`picture`; this module is also
a Sphinx extension, listed in ``_config.yml``, whose :func:`setup` registers it).
When it carries the chart's ``table`` (:meth:`meishi.kit.charts.Chart.table`), the data
follow in a folded table.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import urllib.parse
from typing import Any

from docutils import nodes

__all__ = ["PHONE_MEDIA", "AltTextImagePlugin", "add_picture_node", "picture", "setup"]

_IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
#: Where the phone rendering is shown (the widgets' narrow screens, web/src/kit/phone.js).
PHONE_MEDIA = "(max-width: 40em)"


class picture(nodes.General, nodes.Element):
    """A chart with its phone rendering: children [phone image, page image]."""


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
        phone = (data.output_metadata or {}).get(data.mime_type, {}).get("phone")
        if phone and not inline:
            rendered = [_with_phone(renderer, rendered, base64.b64decode(phone), str(alt))]
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


def _with_phone(renderer: Any, rendered: list, png: bytes, alt: str) -> nodes.Element:
    """The page's image and the phone's (written beside it) in one :class:`picture`."""
    uri = renderer.write_file([f"{hashlib.sha256(png).hexdigest()}.png"], png,
                              overwrite=False, exists_ok=True)
    node = picture()
    node += nodes.image(uri=uri, alt=alt, classes=["meishi-phone-chart"])
    node += rendered
    return node


def _visit_picture_html(self: Any, node: picture) -> None:
    phone, *page = node.children
    src = self.builder.images.get(phone["uri"])
    if src:
        srcset = posixpath.join(self.builder.imgpath, urllib.parse.quote(src))
        self.body.append(f'<picture class="meishi-picture"><source media="{PHONE_MEDIA}" '
                         f'srcset="{self.attval(srcset)}">')
    for child in page:
        child.walkabout(self)
    if src:
        self.body.append("</picture>")
    raise nodes.SkipNode


def _visit_picture_other(self: Any, node: picture) -> None:
    """Print and other builders: the page's image only."""
    for child in node.children[1:]:
        child.walkabout(self)
    raise nodes.SkipNode


def _depart(self: Any, node: picture) -> None:  # never reached: the visit skips the node
    pass


def add_picture_node(app: Any) -> None:
    """Register :class:`picture` with Sphinx's writers."""
    other = (_visit_picture_other, _depart)
    app.add_node(picture, html=(_visit_picture_html, _depart), latex=other, text=other,
                 man=other, texinfo=other)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension entry (``_config.yml``: ``extra_extensions``)."""
    add_picture_node(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def data_table(metadata: dict, mime_type: str) -> list[nodes.Node]:
    """The chart's data as folded tables ("The data in this chart"), if it carries them."""
    from meishi.kit.charttable import to_html

    table = metadata.get(mime_type, {}).get("table") or []
    markup = to_html(table)
    return [nodes.raw("", markup, format="html")] if markup else []
