"""The Sphinx extension: widgets' runtime only where needed, no thebe, repository link."""

from __future__ import annotations

from types import SimpleNamespace
from typing import ClassVar

import pytest

from meishi_build import sphinx_ext


class Asset(str):
    def __new__(cls, filename, **attributes):
        obj = super().__new__(cls, filename or "")
        obj.filename = filename
        obj.attributes = attributes
        return obj


class Config(dict):
    html_theme_options: ClassVar[dict] = {"launch_buttons": {"thebe": False}}


@pytest.fixture
def app():
    config = Config(nb_ipywidgets_js={"vendor/meishi/host.js": {}})
    return SimpleNamespace(config=config, env=None)


def _context():
    return {
        "script_files": [
            Asset("_static/doctools.js"),
            Asset(None, body="var togglebuttonSelector = '.toggle';"),
            Asset(None, body="var togglebuttonSelector = '.toggle';"),
            Asset(None, body='const THEBE_JS_URL = "x"'),
            Asset("_static/sphinx-thebe.js"),
            Asset("_static/vendor/meishi/host.js"),
        ],
        "css_files": [Asset("_static/sphinx-thebe.css"), Asset("_static/course.css")],
        "body": '<details class="hide"><summary aria-label="Toggle hidden content">'
                'Show code</summary></details><div role="doc-biblioentry"></div>',
    }


def _names(assets):
    return [a.filename or a.attributes.get("body", "")[:20] for a in assets]


def test_page_without_widgets_loses_the_runtime_duplicates_and_thebe(app, monkeypatch):
    monkeypatch.setattr(sphinx_ext, "page_has_widgets", lambda app, page: False)
    ctx = _context()
    sphinx_ext.tidy_page_assets(app, "chapters/glossary", "page.html", ctx, None)
    assert _names(ctx["script_files"]) == ["_static/doctools.js", "var togglebuttonSele"]
    assert _names(ctx["css_files"]) == ["_static/course.css"]
    assert "<summary>Show code" in ctx["body"] and 'role="listitem"' in ctx["body"]


def test_page_with_widgets_keeps_the_runtime(app, monkeypatch):
    monkeypatch.setattr(sphinx_ext, "page_has_widgets", lambda app, page: True)
    ctx = _context()
    sphinx_ext.tidy_page_assets(app, "chapters/00_introduction", "page.html", ctx, None)
    names = _names(ctx["script_files"])
    assert "_static/vendor/meishi/host.js" in names
    assert "_static/sphinx-thebe.js" not in names


# --- the repository link -------------------------------------------------

def test_configured_repository_address_wins_over_github_actions():
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "ci/other"}
    assert sphinx_ext.repository_url("https://github.com/team/course/", env) == \
        "https://github.com/team/course"


def test_github_actions_gives_the_address_when_none_is_configured():
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "team/course"}
    assert sphinx_ext.repository_url("", env) == "https://github.com/team/course"


@pytest.mark.parametrize("env", [{}, {"GITHUB_REPOSITORY": "team/course"},
                                 {"GITHUB_SERVER_URL": "https://github.com"}])
def test_no_known_address_means_no_link(env):
    assert sphinx_ext.repository_url("  ", env) == ""


@pytest.mark.parametrize("bad", ["github.com/team/course", "http://github.com/team/course",
                                 "https://github.com/team", "javascript:alert(1)",
                                 "https://github.com/team/course\"><script>"])
def test_a_malformed_address_fails_the_build_naming_the_setting(bad):
    with pytest.raises(ValueError, match="meishi_repository_url"):
        sphinx_ext.repository_url(bad, {})


def _config(url, options):
    return SimpleNamespace(meishi_repository_url=url, html_theme_options=options)


def test_known_address_switches_the_repository_button_on(monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    config = _config("https://github.com/team/course", {"use_download_button": True})
    sphinx_ext.set_repository_button(None, config)
    assert config.html_theme_options == {"use_download_button": True,
                                         "repository_url": "https://github.com/team/course",
                                         "use_repository_button": True}


def test_unknown_address_leaves_the_theme_options_alone(monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    options = {"use_repository_button": False}
    config = _config("", options)
    sphinx_ext.set_repository_button(None, config)
    assert config.html_theme_options == {"use_repository_button": False}


def test_a_hub_without_a_repository_address_fails_the_build(monkeypatch):
    """The launch button's nbgitpuller link needs the repository (running.md)."""
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    config = _config("", {"launch_buttons": {"jupyterhub_url": "https://hub.example.edu"}})
    with pytest.raises(ValueError, match="meishi_repository_url"):
        sphinx_ext.set_repository_button(None, config)


def test_a_hub_with_a_repository_address_gets_the_repository(monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    config = _config("https://github.com/team/course",
                     {"launch_buttons": {"jupyterhub_url": "https://hub.example.edu/"}})
    sphinx_ext.set_repository_button(None, config)
    assert config.html_theme_options["repository_url"] == "https://github.com/team/course"
    assert sphinx_ext.hub_url(config.html_theme_options) == "https://hub.example.edu"


@pytest.mark.parametrize("hub", ["hub.example.edu", "https://hub example", "javascript:x"])
def test_a_malformed_hub_address_fails_the_build(hub):
    config = _config("https://github.com/team/course", {"launch_buttons": {"jupyterhub_url": hub}})
    with pytest.raises(ValueError, match="jupyterhub_url"):
        sphinx_ext.set_repository_button(None, config)


def test_no_hub_means_no_launch_link():
    assert sphinx_ext.hub_url({"launch_buttons": {"jupyterhub_url": ""}}) == ""
    assert sphinx_ext.hub_url({}) == ""


# -- the chapter's handout in the download menu ------------------------------------------------

def test_handout_for_finds_only_a_chapter_page_s_printed_handout(tmp_path):
    (tmp_path / "02_modesty.pdf").write_bytes(b"%PDF")
    assert sphinx_ext.handout_for("chapters/02_modesty", tmp_path) == tmp_path / "02_modesty.pdf"
    assert sphinx_ext.handout_for("chapters/03_trust", tmp_path) is None  # not printed yet
    assert sphinx_ext.handout_for("chapters/glossary", tmp_path) is None
    assert sphinx_ext.handout_for("chapters/teachers/guide_02_modesty", tmp_path) is None
    assert sphinx_ext.handout_for("index", tmp_path) is None


def _menu():
    return [{"label": "download-buttons", "buttons": [
        {"label": "download-source-button", "url": "x.ipynb"},
        {"label": "download-pdf-button", "url": "print"}]}]


def test_offer_handout_puts_the_pdf_first_in_place_of_print(tmp_path):
    out = tmp_path / "html"
    (tmp_path / "handouts").mkdir()
    (tmp_path / "handouts" / "02_modesty.pdf").write_bytes(b"%PDF")
    app = SimpleNamespace(outdir=str(out))
    context = {"pathto": lambda target, resource: f"../{target}", "header_buttons": _menu()}
    sphinx_ext.offer_handout(app, "chapters/02_modesty", context)
    labels = [b["label"] for b in context["header_buttons"][0]["buttons"]]
    assert labels == ["download-handout-button", "download-source-button"]
    assert context["header_buttons"][0]["buttons"][0]["url"] == "../_handouts/02_modesty.pdf"
    # a chapter without a handout keeps its menu as it was
    other = {"pathto": lambda target, resource: target, "header_buttons": _menu()}
    sphinx_ext.offer_handout(app, "chapters/03_trust", other)
    assert other["header_buttons"] == _menu()


def test_a_chapter_is_written_again_when_its_handout_appears_or_goes(tmp_path):
    (tmp_path / "handouts").mkdir()
    app = SimpleNamespace(outdir=str(tmp_path / "html"))
    env = SimpleNamespace(found_docs={"chapters/02_modesty", "chapters/03_trust", "index"})
    assert sphinx_ext.handouts_changed(app, env, set(), set(), set()) == []
    (tmp_path / "handouts" / "02_modesty.pdf").write_bytes(b"%PDF")
    assert sphinx_ext.handouts_changed(app, env, set(), set(), set()) == ["chapters/02_modesty"]
    assert sphinx_ext.handouts_changed(app, env, set(), set(), set()) == []  # nothing new
    (tmp_path / "handouts" / "02_modesty.pdf").unlink()
    assert sphinx_ext.handouts_changed(app, env, set(), set(), set()) == ["chapters/02_modesty"]


def test_copy_handouts_puts_linked_pdfs_in_the_site(tmp_path):
    (tmp_path / "handouts").mkdir()
    (tmp_path / "handouts" / "03_trust.pdf").write_bytes(b"%PDF")
    (tmp_path / "handouts" / "answer-key.pdf").write_bytes(b"%PDF")
    out = tmp_path / "html"
    out.mkdir()
    app = SimpleNamespace(outdir=str(out), builder=SimpleNamespace(format="html"),
                          env=SimpleNamespace(found_docs={"chapters/03_trust", "index"}))
    sphinx_ext.copy_handouts(app, None)
    assert sorted(p.name for p in (out / "_handouts").iterdir()) == ["03_trust.pdf"]
    sphinx_ext.copy_handouts(app, RuntimeError("build failed"))  # a failed build copies nothing
