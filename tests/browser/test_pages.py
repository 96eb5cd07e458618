"""Every page of the built book, as a reader's browser meets it.

Outside requests are blocked: each page must render fully from the book
itself, load nothing that 404s, log no console error, render its widgets
(with no kernel), and pass axe-core with no critical or serious violation in
light and dark mode.  The widgets themselves are driven in test_widgets.py.
"""

from __future__ import annotations

import pytest
from conftest import WIDGET_VIEW

from helpers import HTML, toc_files

pytestmark = pytest.mark.browser

PAGES = sorted(str(p.relative_to(HTML)) for p in HTML.rglob("*.html")
               if not p.relative_to(HTML).parts[0].startswith("_")) if HTML.is_dir() else []


def _widget_views(path: str) -> int:
    return (HTML / path).read_text(encoding="utf-8").count(
        'type="application/vnd.jupyter.widget-view+json"')


#: Until the page is still: every animation ended (2 s at most: an endless one must not
#: stall a test), then two frames drawn.  A theme switch or a hover effect still running
#: its CSS transition would show a colour half-way between two.
STILL_JS = """() => Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(r => setTimeout(r, 2000))])
  .then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"""


def _axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    page.evaluate(STILL_JS)  # colours are measured once the page is still
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("critical", "serious")]


def test_the_book_has_pages():
    assert len(PAGES) >= 4, "build the book first"


def _renders_offline(page, log, path: str) -> None:
    """Every widget rendered from the page itself, no old notes, nothing blocked or failed."""
    views = _widget_views(path)
    hosts = page.locator(".meishi-anywidget")
    assert hosts.count() == views, f"{hosts.count()} hosts for {views} widget views"
    if views:
        assert page.locator(".meishi-anywidget[data-error]").count() == 0, \
            page.locator(".meishi-anywidget[data-error]").first.inner_text()
        ready = page.locator('.meishi-anywidget[data-ready="true"] .mw-widget[data-ready="true"]')
        assert ready.count() == views, f"{ready.count()} of {views} widgets rendered"
        assert page.locator(WIDGET_VIEW).count() == views  # the state is still there
    text = page.locator("body").inner_text().lower()
    for phrase in ("snapshot", "run this page live", "could not start"):  # the old widgets' notes
        assert phrase not in text, f"{path} says {phrase!r}"
    assert log.blocked == [], f"requests to outside hosts: {log.blocked}"
    assert log.failed == [], f"failed requests: {log.failed}"
    assert log.console_errors == [], log.console_errors
    assert log.page_errors == [], log.page_errors


def _everything_named(page) -> None:
    """Every image has alt text (20 characters at least), every visible control a name."""
    unnamed_images = page.evaluate("""() => [...document.querySelectorAll('img')]
        .filter(i => (i.getAttribute('alt') || '').trim().length < 20)
        .map(i => i.src.slice(0, 80))""")
    assert unnamed_images == []
    unnamed_controls = page.evaluate("""() => {
        const named = el => {
            if ((el.getAttribute('aria-label') || '').trim()) return true;
            const by = el.getAttribute('aria-labelledby');
            if (by && by.split(' ').some(id =>
                (document.getElementById(id)?.textContent || '').trim())) return true;
            if (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim())
                return true;
            if (el.closest('label')?.textContent.trim()) return true;
            if (el.tagName === 'BUTTON' && (el.textContent.trim() || el.title)) return true;
            return false;
        };
        return [...document.querySelectorAll('input, select, textarea, button, [role=slider]')]
            .filter(el => el.offsetParent !== null && !named(el))
            .map(el => el.outerHTML.slice(0, 100));
    }""")
    assert unnamed_controls == []


# Known, outside the widgets: in dark mode pydata-sphinx-theme gives every HTML cell
# output (`.cell_output .text_html`) a light background, and the catalogue's tables on
# the data page keep the dark theme's light text on it (contrast 1.3-2.2).  The fix
# belongs in _static/course.css; remove this mark with it.
KNOWN: dict[tuple[str, bool], str] = {}  # (page, dark) -> why a violation is expected


def _no_axe_violation(page, axe_source: str, path: str, dark: bool) -> None:
    """axe finds no critical or serious violation; one listed in KNOWN is an expected
    failure (only axe's: the page's other checks have run, and must pass, before it)."""
    violations = _axe(page, axe_source)
    if violations and (path, dark) in KNOWN:
        pytest.xfail(KNOWN[path, dark])
    assert violations == [], violations


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline_is_named_and_passes_axe(open_page, axe_source, path):
    """A page, loaded once (light): it renders offline without errors, every image and
    control of a chapter page is named, and axe finds no critical or serious violation."""
    page, log = open_page(path, widgets=True)
    _renders_offline(page, log, path)
    if "chapters/" in path:
        _everything_named(page)
    _no_axe_violation(page, axe_source, path, dark=False)


@pytest.mark.parametrize("path", PAGES)
def test_page_passes_axe_in_dark_mode(open_page, axe_source, path):
    page, _log = open_page(path, dark=True, widgets=True, wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    _no_axe_violation(page, axe_source, path, dark=True)


def test_sidebar_reaches_every_chapter(open_page):
    page, _log = open_page("index.html")
    hrefs = page.evaluate("""() => [...document.querySelectorAll('nav.bd-docs-nav a.reference')]
        .map(a => new URL(a.href).pathname)""")
    files = toc_files()[1:]  # every page but the landing page itself
    for f in files:
        assert any(h.endswith(f"/{f}.html") for h in hrefs), f"{f} not in the sidebar"
    for f in files:
        page.locator(f'nav.bd-docs-nav a.reference[href$="{f.split("/")[-1]}.html"]').first.click()
        # loaded, not half a second without requests: each page's requests are checked by
        # test_page_renders_offline_is_named_and_passes_axe, not here (12 s, not 25)
        page.wait_for_load_state("load")
        assert page.url.endswith(f"{f}.html")
        assert page.locator("article.bd-article h1").first.is_visible()


def search_results(page) -> list[str]:
    """The results on a search page once Sphinx has finished listing them: it lists them one
    by one (5 ms apart), then writes its summary, which is empty until then; no result
    (the summary says so) is an empty list."""
    page.wait_for_function("""() => (document.querySelector('#search-results .search-summary')
        ?.textContent || '').trim().length > 0""", timeout=15000)
    return page.locator("#search-results li").all_inner_texts()


def test_search_finds_a_glossary_term(open_page):
    """As a reader searches, from a page's search dialog (Ctrl+K; a page one folder down,
    so the form's relative address is tested too): the page has none of the search tools
    (_templates/layout.html leaves them to search.html), so the query goes to the search
    page, which finds it."""
    page, log = open_page("chapters/accessibility.html", wait_until="load")
    assert page.evaluate("typeof Search") == "undefined"
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible")
    field.fill("meishi")
    with page.expect_navigation(wait_until="load"):
        field.press("Enter")
    assert page.url.split("/")[-1] == "search.html?q=meishi", page.url
    results = search_results(page)
    summary = page.locator("#search-results .search-summary").inner_text()
    assert summary.startswith("Search finished"), summary  # found something, as it says
    assert any("Glossary" in r for r in results), results
    assert log.console_errors == [] and log.page_errors == []


def test_quiz_answers_a_click_without_a_kernel(open_page):
    page, log = open_page("chapters/00_introduction.html")
    first = page.locator(".meishi-quiz fieldset").first
    feedback = first.locator(".meishi-quiz-feedback")
    first.locator(".meishi-quiz-check").click()
    assert feedback.inner_text() == "Choose an answer first."
    correct = first.locator('input[data-correct="true"]')
    page.locator(f'label[for="{correct.get_attribute("id")}"]').click()
    first.locator(".meishi-quiz-check").click()
    assert feedback.inner_text().startswith("Correct.")
    wrong = first.locator('input[data-correct="false"]').first
    wrong.check()
    first.locator(".meishi-quiz-check").click()
    assert feedback.inner_text().startswith("Not quite.")
    assert log.page_errors == []
