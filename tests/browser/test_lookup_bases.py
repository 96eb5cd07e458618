"""The look-up widget says, under each bar, what that bar's share measures (the bases differ)."""

from __future__ import annotations

import pytest

from meishi.chapters import introduction

pytestmark = pytest.mark.browser
PAGE = f"chapters/{introduction.CHAPTER.stem}.html"


def _bases(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '#widget-lookup text.mw-base')].map(t => [t.dataset.service, t.textContent]))""")


def test_each_bar_names_its_base_for_the_preset_shown(open_page):
    page, log = open_page(PAGE, widgets=True)
    expected = introduction.LookupWidget().spec["data"]["bases"]
    for preset in expected:
        page.click(f'#widget-lookup button[data-preset="{preset}"]')
        assert _bases(page) == expected[preset], preset
    slider = page.locator('#widget-lookup .mw-control[data-control="LinkedIn"] input')
    slider.focus()
    page.keyboard.press("ArrowRight")  # no longer a preset: the base is the reader's own
    assert set(_bases(page).values()) == {"your own setting"}
    assert log.page_errors == [] and log.console_errors == []
