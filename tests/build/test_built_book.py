"""Checks of the built HTML book (`make book` first; `make test` does it).

These read the pages in ``_build/html`` as a browser would receive them.
Without a build they skip, unless MEISHI_REQUIRE_BUILD or CI is set, when
they fail: under `make test` and CI a missing build is an error.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, toc_files, toc_notebooks
from meishi.chapters import discover

HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="module")
def pages() -> dict[str, BeautifulSoup]:
    if not (HTML / "index.html").is_file():
        message = "the book is not built: run `make book` (or `make test`)"
        if os.environ.get("MEISHI_REQUIRE_BUILD") or os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        str(p.relative_to(HTML).with_suffix("")): BeautifulSoup(p.read_text(encoding="utf-8"),
                                                                 "html.parser")
        for p in HTML.rglob("*.html")
        if not p.relative_to(HTML).parts[0].startswith("_")
    }


def test_pages_are_exactly_the_toc(pages):
    generated = {"genindex", "search"}
    assert set(pages) - generated == set(toc_files())


def test_no_tool_folder_became_a_page():
    for name in (".venv", ".pytest_cache", "_build", ".ipynb_checkpoints", "tests", "src",
                 "README"):
        assert not list(HTML.glob(f"{name}*")) or name == "_build"
        assert not list(HTML.rglob(f"{name}/*.html"))


def test_every_image_has_meaningful_alt_text(pages):
    bad = []
    for name, soup in pages.items():
        for img in soup.find_all("img"):
            alt = (img.get("alt") or "").strip()
            if (len(alt) < 20 or alt.startswith("<Figure") or "/" in alt.split()[0]
                    or re.search(r"\.(png|svg|jpe?g)$", alt)):
                bad.append((name, img.get("src", "")[:60], alt[:60]))
    assert not bad, bad


def test_no_page_shows_an_error_or_a_figure_repr(pages):
    for name, soup in pages.items():
        text = soup.get_text(" ")
        assert "Traceback (most recent call last)" not in text, name
        assert "<Figure size" not in text, name
        assert not soup.select(".output.traceback, .output.stderr, .output.error"), name


# The chapters' pages (found by discovery), not the reference pages such as
# the Data and sources page, which is a notebook without a quiz or widgets.
CHAPTER_PAGES = [f"chapters/{chapter.stem}" for chapter in discover()]
assert {f"{page}.ipynb" for page in CHAPTER_PAGES} <= {
    str(p.relative_to(ROOT)) for p in toc_notebooks()}


def _minimum(page: str, intro: int, chapter: int) -> int:
    """The introduction is lighter than a chapter (chapter-contract.md)."""
    return intro if page.endswith("00_introduction") else chapter


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_numbers_are_glued_into_the_prose(pages, page):
    glued = pages[page].select("span.pasted-text")
    assert len(glued) >= 15
    assert all(g.get_text().strip() for g in glued)


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_charts_have_numbered_captions(pages, page):
    captions = [c.get_text(" ", strip=True) for c in pages[page].select("figure figcaption")]
    assert len(captions) >= _minimum(page, 2, 3)
    assert all(c.startswith("Fig.") for c in captions)


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_quiz_is_in_the_page_without_a_kernel(pages, page):
    quiz = pages[page].select_one(".meishi-quiz")
    assert quiz is not None
    assert len(quiz.select("fieldset")) >= 5
    assert quiz.find_next("script") is not None


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_exercise_solutions_are_folded(pages, page):
    assert len(pages[page].select(".exercise")) >= 3
    solutions = pages[page].select(".solution")
    assert len(solutions) >= 3 and all("dropdown" in s.get("class", []) for s in solutions)


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_widget_state_with_its_front_end_is_saved_in_the_page(pages, page):
    soup = pages[page]
    views = soup.select('script[type="application/vnd.jupyter.widget-view+json"]')
    state = soup.select('script[type="application/vnd.jupyter.widget-state+json"]')
    assert len(views) >= _minimum(page, 1, 2) and len(state) == 1
    models = json.loads(state[0].get_text())["state"]
    for view in views:
        model = models[json.loads(view.get_text())["model_id"]]
        assert model["model_module"] == "anywidget"
        traits = model["state"]
        assert traits["spec"]["id"] and traits["values"] == traits["spec"]["defaults"]
        assert len(traits["_esm"]) > 1000 and traits["_css"]
    text = state[0].get_text()
    assert "snapshot" not in text and "run this page live" not in text
    assert "data:image/png;base64" not in text  # no frozen pictures of widgets


def test_no_page_loads_the_ipywidgets_runtime(pages):
    for name, soup in pages.items():
        sources = [s.get("src", "") for s in soup.select("script")]
        assert not any("embed" in src or "require" in src for src in sources), name
        if soup.select('script[type="application/vnd.jupyter.widget-view+json"]'):
            # Sphinx adds ?v=<checksum> when the file is already in the output.
            paths = [src.split("?", 1)[0] for src in sources]
            assert any(path.endswith("vendor/meishi/host.js") for path in paths), name
        else:
            assert not any("vendor/meishi" in src for src in sources), name


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_chapter_has_the_contract_sections(pages, page):
    text = pages[page].get_text(" ")
    for heading in ("At a glance", "Exercises", "Self-check quiz", "For discussion",
                    "Key takeaways", "Further reading"):
        assert heading in text, heading
    if not page.endswith("00_introduction"):
        for heading in ("The claim", "Verdict", "Things to try", "stylised"):
            assert heading in text, heading


def test_glossary_and_bibliography(pages):
    glossary = pages["chapters/glossary"]
    terms = [dt.get_text(" ", strip=True) for dt in glossary.select("dl.glossary dt")]
    assert any("名刺" in t for t in terms) and len(terms) >= 6
    bib = pages["chapters/bibliography"].get_text(" ")
    assert "Riney" in bib and "Pew Research Center" in bib


def test_landing_page_states_audience_goals_and_time(pages):
    text = pages["index"].get_text(" ")
    for phrase in ("Who it is for", "What you will be able to do", "Time needed"):
        assert phrase in text


def test_repository_link_is_on_every_page_when_the_address_is_known(pages):
    import yaml

    from meishi_build.sphinx_ext import repository_url

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    expected = repository_url(config["sphinx"]["config"]["meishi_repository_url"], os.environ)
    for name, soup in pages.items():
        # Never Jupyter Book's own repository (its default when none is set).
        assert not soup.select('a[href*="executablebooks/jupyter-book"]'), name
        if expected:
            assert soup.select(f'a[href="{expected}"]'), name


def test_every_page_footer_states_the_licences(pages):
    for name, soup in pages.items():
        footer = soup.select_one(".extra_footer")
        assert footer is not None, name
        text = footer.get_text(" ", strip=True)
        assert "CC BY 4.0" in text and "MIT licence" in text and "sources" in text, name
        assert footer.select_one('a[href="https://creativecommons.org/licenses/by/4.0/"]'), name


def test_no_launch_button_while_no_hub_is_set(pages):
    """_config.yml keeps launch_buttons.jupyterhub_url empty (chapters/teachers/running.md)."""
    for name, soup in pages.items():
        assert not soup.select('a[href*="git-pull"], a[href*="mybinder"]'), name


@pytest.mark.parametrize("chapter", discover(), ids=lambda c: c.stem)
def test_guide_page_quotes_glued_numbers_and_links_back_to_each_exercise(pages, chapter):
    from meishi_build.chapter_parts import read_parts

    page = pages[f"chapters/teachers/guide_{chapter.stem}"]
    source = (ROOT / "chapters" / "teachers" / f"guide_{chapter.stem}.ipynb").read_text("utf-8")
    glued = page.select("span.pasted-text")
    assert len(glued) == source.count("{glue:text}") and all(g.get_text().strip() for g in glued)
    for exercise in read_parts(chapter.notebook).exercises:
        assert page.select(f'a[href$="{chapter.stem}.html#{exercise.label}"]'), exercise.label
        assert not page.select(f'[id="{exercise.label}"]')  # the target stays in the chapter
    assert not page.select(".exercise, .solution")
