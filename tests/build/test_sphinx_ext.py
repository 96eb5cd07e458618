"""The page tidy-up: widget runtime only where widgets are, no duplicates, no thebe."""

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
