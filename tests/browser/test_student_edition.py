"""The student edition (_build/student/html) in Chromium: it still works.

Every page renders offline with its widgets and no console error, passes
axe-core (no critical or serious violation) in light and dark mode; search
finds the glossary and nothing from the teacher's part; the self-check quiz
answers a click.  test_pages.py does the same for the full book.
"""

from __future__ import annotations

import pytest
from conftest import WIDGET_VIEW, WIDGETS_READY, PageLog
from test_pages import _axe, search_results

from helpers import ROOT, require
from meishi_build.devserver import local_context, serve

pytestmark = pytest.mark.browser

STUDENT = ROOT / "_build" / "student" / "html"
PAGES = sorted(str(p.relative_to(STUDENT)) for p in STUDENT.rglob("*.html")
               if not p.relative_to(STUDENT).parts[0].startswith("_")) if STUDENT.is_dir() else []


@pytest.fixture(scope="session")  # per worker: the file's tests spread over both
def student_url():
    require((STUDENT / "index.html").is_file(), "the student edition is not built: run `make book`")
    with serve(STUDENT) as url:
        yield url


@pytest.fixture
def open_student(browser, student_url):
    contexts = []

    def _open(path: str, *, dark: bool = False, wait_until: str = "networkidle"):
        context = local_context(browser, student_url, color_scheme="dark" if dark else "light",
                                viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        log = PageLog(student_url)
        log.attach(page)
        page.goto(f"{student_url}/{path}", wait_until=wait_until)
        if page.locator(WIDGET_VIEW).count():
            page.wait_for_selector(WIDGETS_READY, state="attached", timeout=15000)
        return page, log

    yield _open
    for context in contexts:
        context.close()


def test_the_student_edition_has_pages():
    assert len(PAGES) >= 8, "build the book first (make book)"


@pytest.mark.parametrize("path", PAGES)
def test_student_page_works_offline_and_passes_axe(open_student, axe_source, path):
    page, log = open_student(path)
    views = (STUDENT / path).read_text(encoding="utf-8").count(
        'type="application/vnd.jupyter.widget-view+json"')
    ready = page.locator('.meishi-anywidget[data-ready="true"] .mw-widget[data-ready="true"]')
    assert ready.count() == views, f"{ready.count()} of {views} widgets rendered"
    assert log.blocked == [] and log.failed == [], (log.blocked, log.failed)
    assert log.console_errors == [] and log.page_errors == [], (log.console_errors,
                                                                 log.page_errors)
    assert _axe(page, axe_source) == []
    # loaded for axe, as test_pages loads a page for its dark run: its load, then its widgets
    # (the light load waited for half a second without requests and checked every one)
    dark, dark_log = open_student(path, dark=True, wait_until="load")
    assert dark.evaluate("document.documentElement.dataset.theme") == "dark"
    assert _axe(dark, axe_source) == []
    assert dark_log.blocked == [] and dark_log.failed == [], (dark_log.blocked, dark_log.failed)
    assert dark_log.console_errors == [] and dark_log.page_errors == [], (
        dark_log.console_errors, dark_log.page_errors)


def test_student_search_finds_the_glossary_and_nothing_for_teachers(open_student):
    page, log = open_student("search.html?q=meishi")
    results = search_results(page)
    assert any("Glossary" in r for r in results), results
    assert log.console_errors == [] and log.page_errors == []
    page, log = open_student("search.html?q=rubric")
    assert search_results(page) == []
    assert page.locator("#search-results .search-summary").inner_text().startswith(
        "Your search did not match")
    assert log.console_errors == [] and log.page_errors == []


def test_student_quiz_answers_a_click(open_student):
    page, log = open_student("chapters/01_profile_signal.html")
    first = page.locator(".meishi-quiz fieldset").first
    correct = first.locator('input[data-correct="true"]')
    page.locator(f'label[for="{correct.get_attribute("id")}"]').click()
    first.locator(".meishi-quiz-check").click()
    assert first.locator(".meishi-quiz-feedback").inner_text().startswith("Correct.")
    assert log.page_errors == []
