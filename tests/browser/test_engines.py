"""The browser the tests drive shows the book as Debian's desktop Chromium does.

The browser tests, the handouts and the slides drive Debian's ``chromium-headless-shell``
(:func:`meishi_build.devserver.chromium_path`): the same Chromium release as the desktop
``chromium`` package, built without the desktop browser's windows and interface, at about
a third less CPU a page.  The benchmark and the reports keep the desktop build, which is
what a reader runs.  This test holds the shell to the desktop build on a chapter page with
widgets, a chart, a quiz and a prediction, in light at 1280 px and in dark on a phone: the
same box for every block, to the pixel; the same colours; the same readout and chart after
a widget is moved by keyboard; the same axe result.
"""

from __future__ import annotations

import pytest
from conftest import WIDGETS_READY, PageLog
from test_pages import _axe

from helpers import require
from meishi_build.devserver import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

PAGE = "chapters/01_profile_signal.html"
VIEWS = [pytest.param({"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
                      id="1280-light"),
         pytest.param({"viewport": {"width": 390, "height": 844}, "color_scheme": "dark",
                       "has_touch": True, "is_mobile": True, "device_scale_factor": 2},
                      id="390-dark")]

#: What is compared: each block's box, the colours, then a widget moved by keyboard.
SEEN_JS = """() => {
  const box = e => { const r = e.getBoundingClientRect();
    return [Math.round(r.x), Math.round(r.y + scrollY), Math.round(r.width),
            Math.round(r.height)]; };
  const blocks = [...document.querySelectorAll(
    '.bd-article h1, .bd-article h2, .bd-article h3, .bd-article p, .cell_output img, ' +
    '.mw-widget, .mw-summary, .meishi-quiz, .meishi-predict, .bd-header-article, ' +
    '.bd-sidebar-primary, .bd-sidebar-secondary')].filter(e => e.offsetParent !== null)
    .map(e => [e.tagName + '.' + e.className.toString().split(' ')[0], ...box(e)]);
  const colours = ['body', '.bd-article', '.mw-widget', '.mw-summary', '.meishi-quiz', 'a']
    .map(s => document.querySelector(s)).filter(Boolean).map(e => {
      const c = getComputedStyle(e); return [c.color, c.backgroundColor, c.fontFamily]; });
  return {blocks, colours, height: document.documentElement.scrollHeight,
          theme: document.documentElement.dataset.theme,
          images: [...document.querySelectorAll('.cell_output img')]
            .map(i => (i.currentSrc || i.src).split('/').pop())};
}"""

MOVED_JS = """() => {
  const w = document.querySelector('.mw-widget');
  return {summary: w.querySelector('.mw-summary').innerText,
          chart: [...w.querySelectorAll('svg, canvas')].map(c => c.outerHTML.length)};
}"""


def _seen(browser, book_url: str, options: dict, axe_source: str) -> dict:
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        log = PageLog(book_url)
        log.attach(page)
        page.goto(f"{book_url}/{PAGE}", wait_until="load")
        page.wait_for_selector(WIDGETS_READY, state="attached", timeout=15000)
        page.evaluate("document.fonts.ready")
        seen = page.evaluate(SEEN_JS)
        slider = page.locator(".mw-widget input[type=range]").first
        slider.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("PageUp")
        seen["moved"] = page.evaluate(MOVED_JS)
        seen["axe"] = _axe(page, axe_source)
        seen["errors"] = log.console_errors + log.page_errors + log.blocked + log.failed
        return seen
    finally:
        context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    """Debian's desktop Chromium, started by the Playwright that started ``browser``."""
    shell, full = chromium_path(), chromium_path(desktop=True)
    require(full is not None and shell != full,
            "the desktop chromium and the headless shell are not both installed "
            "(apt-get install chromium chromium-headless-shell)")
    other = browser.browser_type.launch(executable_path=full, args=CHROMIUM_ARGS)
    yield other
    other.close()


@pytest.mark.parametrize("options", VIEWS)
def test_the_shell_shows_a_chapter_as_the_desktop_browser_does(browser, desktop, book_url,
                                                               axe_source, options):
    shell = _seen(browser, book_url, options, axe_source)
    full = _seen(desktop, book_url, options, axe_source)
    assert shell["errors"] == [] and full["errors"] == [], (shell["errors"], full["errors"])
    assert shell["theme"] == options["color_scheme"]
    assert len(shell["blocks"]) > 50 and shell["moved"]["summary"]
    for key in ("theme", "images", "colours", "height", "moved", "axe"):
        assert shell[key] == full[key], (key, shell[key], full[key])
    differ = [(a, b) for a, b in zip(shell["blocks"], full["blocks"], strict=False) if a != b]
    assert len(shell["blocks"]) == len(full["blocks"]) and differ == [], differ[:5]
