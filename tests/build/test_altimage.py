"""The myst-nb plugin that gives figures their alt text in the built book."""

from __future__ import annotations

from importlib.metadata import entry_points
from types import SimpleNamespace

from docutils import nodes

from meishi_build.altimage import AltTextImagePlugin


class FakeRenderer:
    def render_image(self, data):
        return [nodes.image(uri="x.png")]

    def render_image_inline(self, data):
        return [nodes.image(uri="x.png")]


def _data(mime="image/png", meta=None):
    return SimpleNamespace(mime_type=mime, output_metadata=meta or {})


def test_alt_text_from_output_metadata_reaches_the_image_node():
    out = AltTextImagePlugin.handle_mime(
        FakeRenderer(), _data(meta={"image/png": {"alt": "Bars of expected finds"}}), False)
    assert out[0]["alt"] == "Bars of expected finds"


def test_outputs_without_alt_are_left_to_myst_nb():
    assert AltTextImagePlugin.handle_mime(FakeRenderer(), _data(), False) is None
    assert AltTextImagePlugin.handle_mime(FakeRenderer(), _data("text/html"), False) is None


def test_plugin_is_registered_for_myst_nb():
    names = {ep.name for ep in entry_points(group="myst_nb.mime_renderers")}
    assert "meishi_alt_image" in names


def test_a_chart_naming_its_datasets_links_to_their_entries():
    from meishi.data.catalogue import anchor

    meta = {"image/png": {"alt": "Bars of tenure by country", "datasets": ["tenure_by_country"]}}
    renderer = FakeRenderer()
    renderer.renderer = SimpleNamespace(sphinx_env=SimpleNamespace(docname="chapters/01_x"))
    out = AltTextImagePlugin.handle_mime(renderer, _data(meta=meta), False)
    assert out[0]["alt"] == "Bars of tenure by country"
    link = out[1].next_node(nodes.reference)
    assert link["refuri"] == f"data_sources.html#{anchor('tenure_by_country')}"
    assert out[1].astext() == "Data and sources: tenure by country"


def test_the_link_is_relative_to_the_page():
    from meishi_build.altimage import sources_line

    para = sources_line(["a_b"], "index")
    assert para.next_node(nodes.reference)["refuri"] == "chapters/data_sources.html#ds-a-b"


def test_a_chart_with_a_phone_rendering_becomes_a_picture_with_both_images():
    """The phone PNG is written beside the page's and both images carry the alt text;
    the HTML writer serves the phone one for PHONE_MEDIA (tests/browser/test_phone.py)."""
    import base64

    from meishi_build.altimage import PHONE_MEDIA, picture, setup

    written = []

    class Renderer(FakeRenderer):
        def write_file(self, path, content, overwrite=False, exists_ok=False):
            written.append((path, content))
            return "_build/jupyter_execute/" + path[0]

    png = b"\x89PNG phone"
    meta = {"image/png": {"alt": "Bars of tenure by country",
                          "phone": base64.b64encode(png).decode("ascii")}}
    out = AltTextImagePlugin.handle_mime(Renderer(), _data(meta=meta), False)
    assert len(out) == 1 and isinstance(out[0], picture)
    phone, page = out[0].children
    assert phone["uri"].endswith(".png") and written == [([phone["uri"].rsplit("/", 1)[1]], png)]
    assert page["uri"] == "x.png"
    assert phone["alt"] == page["alt"] == "Bars of tenure by country"
    assert PHONE_MEDIA == "(max-width: 40em)"  # the widgets' narrow screens (phone.js)
    added = []
    app = SimpleNamespace(add_node=lambda node, **writers: added.append((node, set(writers))))
    assert setup(app)["parallel_read_safe"]
    assert added[0][0] is picture and {"html", "latex"} <= added[0][1]
