"""Our theme overrides differ from the pinned theme's files only as intended.

If the theme is upgraded, these fail until the overrides are refreshed.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pydata_sphinx_theme
import pytest
import sphinx_book_theme

from helpers import HTML, ROOT, require

THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"


def _removed_lines(original: Path, override: Path) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(original.read_text().splitlines(), override.read_text().splitlines()))
    removed = [d[2:] for d in diff if d.startswith("- ")]
    added = [d[2:] for d in diff if d.startswith("+ ")]
    return removed, added


def test_webpack_macros_only_drop_the_font_awesome_script():
    removed, added = _removed_lines(THEME / "static" / "webpack-macros.html",
                                    ROOT / "_templates" / "static" / "webpack-macros.html")
    assert added == []
    assert len(removed) == 2 and "fontawesome.js" in removed[1]


def test_search_button_only_drops_its_aria_label():
    removed, added = _removed_lines(THEME / "components" / "search-button-field.html",
                                    ROOT / "_templates" / "search-button-field.html")
    assert len(removed) == len(added) == 1
    assert removed[0].replace(" aria-label=\"{{ _('Search') }}\"", "") == added[0]


SEARCH_TOOLS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")


def _extrahead(template: Path) -> list[str]:
    """The lines of a template's ``extrahead`` block, blank ones left out."""
    text = template.read_text()
    block = text.split("{%- block extrahead %}", 1)[1].split("{%- endblock extrahead %}", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_layout_only_leaves_the_search_tools_off_when_search_is_not_as_you_type():
    theme = _extrahead(THEME / "layout.html")
    ours = _extrahead(ROOT / "_templates" / "layout.html")
    # ours: the theme's block as it is when the option is on, else the block without
    # the search tools
    assert ours[0].strip() == '{%- if theme_search_as_you_type|string|lower == "true" %}'
    assert ours[1].strip() == "{{ super() }}" and ours[2].strip() == "{%- else %}"
    assert ours[-1].strip() == "{%- endif %}"
    start = theme.index("  {% if pagename == 'search' %}")
    end = theme.index("  {% endif %}", start)
    assert ours[3:-1] == theme[:start] + theme[end + 1:]
    assert [line.strip() for line in theme[start:end + 1]] == [
        "{% if pagename == 'search' %}",
        "{# Search tools are already loaded on search page. Don't load them twice. #}",
        "{% else %}",
        "{# Load Sphinx's built-in search tools so that our custom inline search",
        "experience can work on any page. #}",
        *(f"<script src=\"{{{{ pathto('{tool}', 1) | e }}}}\"></script>" for tool in SEARCH_TOOLS),
        "{% endif %}",
    ]


def test_the_book_theme_between_adds_nothing_to_the_block():
    """``!layout.html`` is sphinx-book-theme's, which extends pydata-sphinx-theme's: a block
    of its own would be dropped by ours."""
    book = Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme"
    assert "extrahead" not in (book / "layout.html").read_text()


@pytest.mark.parametrize("edition", ["book", "student"])
def test_only_the_search_page_loads_the_search_index(edition):
    """Every built page keeps the theme's head but the search tools, which only the search
    page loads (each once); the search dialog on every page sends its query there."""
    html = HTML if edition == "book" else ROOT / "_build" / "student" / "html"
    require((html / "search.html").is_file(), "the book is not built: run `make book`")
    pages = [p for p in sorted(html.rglob("*.html"))
             if not p.relative_to(html).parts[0].startswith("_")]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text.split("</head>", 1)[0]
        assert '<meta name="viewport" content="width=device-width, initial-scale=1"/>' in head
        assert '<meta name="docsearch:language" content="en"/>' in head, page
        if page == html / "search.html":
            loaded = [tool for tool in SEARCH_TOOLS
                      for _ in re.finditer(rf'<script[^>]* src="{re.escape(tool)}[?"]', text)]
            assert loaded == list(SEARCH_TOOLS), loaded
        else:
            for name in (Path(tool).name for tool in SEARCH_TOOLS):
                assert name not in text, (page, name)
            assert re.search(r'<form class="bd-search[^"]*"\s+action="(\.\./)*search\.html"',
                             text), page
