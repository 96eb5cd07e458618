"""Plain printing of a chapter (Ctrl+P): the reading content, without the page's frame.

The handouts (`make handouts`) print the same pages in their own modes; this
checks what any reader gets from the browser's own print dialog.
"""

from __future__ import annotations

import pytest

from meishi.chapters import discover

pytestmark = pytest.mark.browser

PATHS = [f"chapters/{c.stem}.html" for c in discover()]


def _shown(page, selector: str) -> int:
    return page.evaluate("""s => [...document.querySelectorAll(s)].filter(e => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length""",
                         selector)


@pytest.mark.parametrize("path", PATHS)
def test_a_printed_chapter_keeps_its_content_and_drops_the_frame(open_page, path):
    page, _log = open_page(path, widgets=True)
    code_on_screen = _shown(page, "details.hide.above-input")
    page.emulate_media(media="print")
    assert _shown(page, "#jb-print-docs-body h1") == 1, "the title"
    for frame in (".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-area",
                  ".bd-header-article", "details.hide.above-input", ".meishi-quiz-check"):
        assert _shown(page, frame) == 0, frame
    # Widget cells carry no code fold any more (meishi_build.sphinx_ext); a chapter whose
    # worked solution folds its code shows it on screen, so the check above can fail there.
    folds = page.evaluate("document.querySelectorAll('details.hide.above-input').length")
    assert code_on_screen == folds, "a code fold is hidden on screen"
    for content in ("figure img", ".exercise", ".meishi-quiz fieldset"):
        assert _shown(page, content) > 0, content
    widgets = page.locator(".mw-widget svg.mw-svg")
    for i in range(widgets.count()):
        box = widgets.nth(i).bounding_box()
        assert box and box["width"] > 100, f"widget chart {i} prints"
