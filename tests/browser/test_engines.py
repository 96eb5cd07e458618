"""The browser the tests drive shows the book as Debian's desktop Chromium does.

The browser tests, the handouts and the slides drive Debian's ``chromium-headless-shell``
(:func:`meishi_build.devserver.chromium_path`): the same Chromium release as the desktop
``chromium`` package, built without the desktop browser's windows and interface, at about
a third less CPU a page.  The benchmark and the reports keep the desktop build, which is
what a reader runs.  This test holds the shell to the desktop build on a chapter page with
widgets, a chart, a quiz and a prediction, in light at 1280 px and in dark on a phone: the
same release; the same box for every block, to the pixel; the same screen as loaded and
with the widget moved by keyboard, but for the anti-aliasing of a few glyph edges
(:data:`AA_LEVEL`); the same readout and chart markup after the move (which must change
the readout); the same computed colours and images; and no axe violation (critical or
serious) in either.
"""

from __future__ import annotations

import re

import pytest
from conftest import WIDGETS_READY, PageLog
from test_pages import STILL_JS, _axe

from helpers import require
from meishi_build.devserver import CHROMIUM_ARGS, chromium_path, local_context

pytestmark = pytest.mark.browser

PAGE = "chapters/01_profile_signal.html"
VIEWS = [pytest.param({"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
                      id="1280-light"),
         pytest.param({"viewport": {"width": 390, "height": 844}, "color_scheme": "dark",
                       "has_touch": True, "is_mobile": True, "device_scale_factor": 2},
                      id="390-dark")]

#: What is compared: each block's box, the computed colours, the images as loaded.
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
      const c = getComputedStyle(e); return [c.color, c.backgroundColor]; });
  return {blocks, colours, height: document.documentElement.scrollHeight,
          theme: document.documentElement.dataset.theme,
          images: [...document.querySelectorAll('.cell_output img')]
            .map(i => [(i.currentSrc || i.src).split('/').pop(), i.complete, i.naturalWidth])};
}"""

#: The first widget's readout and chart markup (its SVG, as drawn and fitted).
MOVED_JS = """() => {
  const w = document.querySelector('.mw-widget');
  return {summary: w.querySelector('.mw-summary').innerText,
          chart: [...w.querySelectorAll('svg')].map(c => c.outerHTML)};
}"""

#: How far the two builds' screens may differ: the anti-aliased edges of a few glyphs of
#: the icon font and of the sticky header's text (drawn in a layer of their own) come out
#: a little lighter or darker (measured: 0.08% of a screen's pixels, by at most 42% of a
#: level); a missing, moved or recoloured element differs by more, on more pixels.
AA_LEVEL, AA_SHARE = 0.5, 0.005


#: A figure's title id counts the figures drawn on the page so far (web/src/kit), which
#: depends on when each widget first drew, not on how: it is left out of the comparison.
FIGURE_ID = re.compile(r"mw-fig-\d+")


def _settled(page) -> dict:
    """The widget's readout and chart once they stop changing (the chart's text is fitted
    in a later frame; under load the redraw can come later still): read until two reads
    a quarter of a second apart agree, for 5 s at most."""
    page.evaluate(STILL_JS)
    last = page.evaluate(MOVED_JS)
    for _ in range(20):
        page.wait_for_timeout(250)
        page.evaluate(STILL_JS)
        now = page.evaluate(MOVED_JS)
        if now == last:
            return now
        last = now
    return last


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
              min(len(a), len(b)))
    return f"at {at}: {a[max(0, at - 120):at + 120]!r} against {b[max(0, at - 120):at + 120]!r}"


def _pixels(png: bytes):
    from io import BytesIO

    from matplotlib.image import imread

    return imread(BytesIO(png), format="png")


def _seen(browser, book_url: str, options: dict, axe_source: str) -> dict:
    context = local_context(browser, book_url, **options)
    try:
        page = context.new_page()
        log = PageLog(book_url)
        log.attach(page)
        page.goto(f"{book_url}/{PAGE}", wait_until="load")
        page.wait_for_selector(WIDGETS_READY, state="attached", timeout=15000)
        page.evaluate("document.fonts.ready")
        page.evaluate(STILL_JS)
        seen = page.evaluate(SEEN_JS)
        seen["screen"] = page.screenshot()
        seen["before"] = page.evaluate(MOVED_JS)["summary"]
        slider = page.locator(".mw-widget input[type=range]").first
        slider.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("PageUp")
        seen["moved"] = _settled(page)
        page.evaluate("document.activeElement.blur()")  # no caret or focus ring in the shot
        page.locator(".mw-widget").first.evaluate(
            "w => scrollTo({top: w.getBoundingClientRect().top + scrollY, behavior: 'instant'})")
        page.evaluate(STILL_JS)
        seen["widget"] = page.screenshot()  # the screen, the moved widget at its top
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
            "(apt-get install chromium chromium-headless-shell), or $CHROMIUM names one "
            "browser for both")
    other = browser.browser_type.launch(executable_path=full, args=CHROMIUM_ARGS)
    yield other
    other.close()


@pytest.mark.parametrize("options", VIEWS)
def test_the_shell_shows_a_chapter_as_the_desktop_browser_does(browser, desktop, book_url,
                                                               axe_source, options):
    assert browser.version == desktop.version, "not one Chromium release"
    shell = _seen(browser, book_url, options, axe_source)
    full = _seen(desktop, book_url, options, axe_source)
    assert shell["errors"] == [] and full["errors"] == [], (shell["errors"], full["errors"])
    assert shell["axe"] == [] and full["axe"] == [], (shell["axe"], full["axe"])
    assert shell["theme"] == options["color_scheme"]
    assert len(shell["blocks"]) > 50 and shell["images"]
    assert shell["moved"]["summary"] != shell["before"], "the keys did not move the widget"
    for key in ("theme", "images", "colours", "height", "before"):
        assert shell[key] == full[key], (key, shell[key], full[key])
    assert shell["moved"]["summary"] == full["moved"]["summary"]
    for mine, theirs in zip(shell["moved"]["chart"], full["moved"]["chart"], strict=True):
        mine, theirs = FIGURE_ID.sub("mw-fig-N", mine), FIGURE_ID.sub("mw-fig-N", theirs)
        assert mine == theirs, "the moved chart differs " + _first_difference(mine, theirs)
    differ = [(a, b) for a, b in zip(shell["blocks"], full["blocks"], strict=False) if a != b]
    assert len(shell["blocks"]) == len(full["blocks"]) and differ == [], differ[:5]
    for shot in ("screen", "widget"):
        mine, theirs = _pixels(shell[shot]), _pixels(full[shot])
        assert mine.shape == theirs.shape, (shot, mine.shape, theirs.shape)
        gap = abs(mine - theirs).max(axis=-1)
        off, most = (gap > 0).mean(), gap.max()
        assert most <= AA_LEVEL and off <= AA_SHARE, \
            f"{shot}: {off:.2%} of the pixels differ, by up to {most:.0%}"
