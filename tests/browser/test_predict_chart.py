"""Predict on the chart, then see it in the widget (issue 21, items 1 and 2).

For every chapter widget with a prediction, in the built book, offline, at 360 px in light
and dark: the value is set by keyboard on the block's chart (its point is a slider), or a
choice is picked; *Lock in* draws the model beside the guess, moves the widget below to the
stated setting and shows the guess beside the model's answer under the widget's readout,
with focus there; *Skip* leaves the widget as it was, and it still works.  axe after each
state (no critical or serious violation).  The chart is also set by touch and by dragging.
"""

from __future__ import annotations

import re

import pytest
from test_pages import _axe

from helpers import HTML
from meishi_build.devserver import local_context

pytestmark = pytest.mark.browser

PAGES = {
    "00_introduction": "chapters/00_introduction.html",
    "01_profile_signal": "chapters/01_profile_signal.html",
    "02_modesty": "chapters/02_modesty.html",
    "03_trust": "chapters/03_trust.html",
    "04_home_advantage": "chapters/04_home_advantage.html",
    "05_conclusion": "chapters/05_conclusion.html",
}
PHONE = (360, 740)
#: A guess set by keyboard: Home, then this many steps up (every value chart runs 0-100).
UP = 30


def _clean(log) -> None:
    assert log.blocked == [], f"requests outside the book: {log.blocked}"
    assert log.console_errors == [], log.console_errors
    assert log.page_errors == [], log.page_errors


def _block(page):
    box = page.locator(".meishi-predict").first
    box.scroll_into_view_if_needed()
    return box, {k: box.get_attribute(f"data-{k}") for k in
                 ("id", "kind", "link", "preset", "unit", "decimals")}


def _shown(value: float, data: dict) -> str:
    num = f"{value:.{int(data['decimals'] or 0)}f}"
    unit = data["unit"] or ""
    return num + unit if unit.startswith("%") else (f"{num} {unit}" if unit else num)


def _numbers(text: str) -> list[tuple[float, int]]:
    """Each number in a readout, with the decimals it is shown to (as test_predict)."""
    return [(float(m.group(0)), len(m.group(1) or ""))
            for m in re.finditer(r"-?\d+(?:\.(\d+))?", text.replace(",", ""))]


def _widget(page, data):
    return page.locator("#" + data["link"][1:].split("?")[0])


def test_every_prediction_page_is_built():
    for path in PAGES.values():
        assert (HTML / path).is_file(), f"{path} is not built"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("stem", PAGES)
def test_predict_on_the_chart_lock_in_and_the_widget_shows_both(open_page, axe_source,
                                                                 stem, dark):
    page, log = open_page(PAGES[stem], dark=dark, viewport=PHONE, widgets=True)
    box, data = _block(page)
    widget = _widget(page, data)
    assert widget.get_attribute("data-ready") == "true"
    assert _axe(page, axe_source) == []
    answer = box.locator(".meishi-predict-reveal").get_attribute("data-answer-text")
    if data["kind"] == "value":
        handle = box.get_by_role("slider")
        size = handle.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44  # a touch target
        handle.focus()
        page.keyboard.press("End")
        assert handle.get_attribute("aria-valuetext") == _shown(100, data)
        page.keyboard.press("Home")
        for _ in range(UP):
            page.keyboard.press("ArrowUp")
        page.keyboard.press("PageUp")
        page.keyboard.press("PageDown")
        guess = _shown(UP, data)
        assert handle.get_attribute("aria-valuetext") == guess
        assert handle.get_attribute("aria-valuenow") == str(UP)
        assert box.locator(".meishi-predict-you .meishi-predict-level").inner_text() == guess
        assert _axe(page, axe_source) == []  # with a value set
        said = f"you predicted {guess}; the model gives {answer}."
    else:
        first = box.locator("input[type=radio]").first
        first.focus()
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")  # native radios: the arrow picks the next option
        chosen = box.locator("input[type=radio]:checked")
        label = box.locator(f'label[for="{chosen.get_attribute("id")}"]').inner_text()
        right = chosen.get_attribute("data-right") == "true"
        said = f"you predicted “{label}”; " + (
            "so does the model." if right else f"the model says “{answer}”.")
    box.get_by_role("button", name="Lock in my prediction").focus()
    page.keyboard.press("Enter")
    # the widget moves to the stated setting and shows the guess beside the model's answer
    beside = widget.locator(".meishi-predict-beside p")
    beside.wait_for(state="visible", timeout=5000)
    assert beside.inner_text().strip() == f"At the preset “{data['preset']}”: {said}"
    summary = widget.locator(".mw-summary").inner_text()
    if data["kind"] == "value":  # the readout shows the model's answer (to its own decimals)
        value = float(box.get_attribute("data-answer"))
        assert any(round(value, d) == n for n, d in _numbers(summary)), (answer, summary)
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id",
                           arg=f"predict-{data['id']}-beside", timeout=3000)
    # ... and the block shows both too: the model's bar beside the guess, and in words
    reveal = box.locator(".meishi-predict-reveal").inner_text()
    if data["kind"] == "value":
        assert box.locator(".meishi-predict-model").is_visible()
        assert box.locator(".meishi-predict-model .meishi-predict-level").inner_text() == answer
        assert said[0].upper() + said[1:] in reveal
        assert box.get_by_role("slider").get_attribute("aria-disabled") == "true"
    assert _axe(page, axe_source) == []  # revealed, in the block and in the widget
    # the stated setting is the widget's preset: pressing it changes nothing
    widget.locator(f'.mw-presets button[data-preset="{data["preset"]}"]').click()
    assert widget.locator(".mw-summary").inner_text() == summary
    _clean(log)


@pytest.mark.parametrize("stem", PAGES)
def test_skip_leaves_the_widget_as_it_is_and_usable(open_page, axe_source, stem):
    page, log = open_page(PAGES[stem], dark=True, viewport=PHONE, widgets=True)
    box, data = _block(page)
    widget = _widget(page, data)
    summary = widget.locator(".mw-summary")
    before, address = summary.inner_text(), page.url
    box.get_by_role("button", name="Skip").focus()
    page.keyboard.press("Enter")
    assert "You skipped this prediction" in box.locator(".meishi-predict-reveal").inner_text()
    page.wait_for_timeout(300)
    assert summary.inner_text() == before and page.url == address
    assert widget.locator(".meishi-predict-beside").count() == 0
    assert _axe(page, axe_source) == []
    # the widget still works: its presets set it
    widget.locator(f'.mw-presets button[data-preset="{data["preset"]}"]').click()
    if data["kind"] == "value":
        value = float(box.get_attribute("data-answer"))
        assert any(round(value, d) == n for n, d in _numbers(summary.inner_text()))
    widget.locator(".mw-reset").click()
    assert summary.inner_text() == before
    _clean(log)


def test_the_chart_is_set_by_touch_and_by_dragging(browser, book_url):
    from conftest import PageLog

    context = local_context(browser, book_url, viewport={"width": PHONE[0], "height": PHONE[1]},
                            has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        log = PageLog(book_url)
        log.attach(page)
        page.goto(f"{book_url}/{PAGES['00_introduction']}", wait_until="networkidle")
        box, _data = _block(page)
        plot = box.locator(".meishi-predict-plot").bounding_box()
        handle = box.get_by_role("slider")
        # a tap on a level sets it
        page.touchscreen.tap(plot["x"] + plot["width"] * 0.8, plot["y"] + plot["height"] * 0.25)
        assert abs(int(handle.get_attribute("aria-valuenow")) - 75) <= 1
        # a drag of the point (pointer down on the point, move, up) follows the pointer
        point = handle.bounding_box()
        page.mouse.move(point["x"] + point["width"] / 2, point["y"] + point["height"] / 2)
        page.mouse.down()
        page.mouse.move(point["x"] + 5, plot["y"] + plot["height"] * 0.9, steps=6)
        page.mouse.up()
        assert abs(int(handle.get_attribute("aria-valuenow")) - 10) <= 1
        assert re.fullmatch(r"\d+%", handle.get_attribute("aria-valuetext"))
        _clean(log)
    finally:
        context.close()


def test_outside_the_book_the_block_works_alone(browser):
    """As in JupyterLab: no book stylesheet, no book host.  The chart is drawn from its
    inline geometry, set by keyboard, locked in and revealed; the page's address is not
    touched (the widget there is the kernel's, moved only by the block's link)."""
    from meishi.chapters import discover

    chapter = next(c for c in discover() if c.stem == "00_introduction")
    p = chapter.prediction("one-on-linkedin")
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.set_content(f"<!doctype html><html lang='en'><body>{p.to_html()}</body></html>")
        address = page.url
        plot = page.locator(".meishi-predict-plot").bounding_box()
        assert plot["height"] >= 190 and plot["width"] > 150  # drawn without predict.css
        handle = page.get_by_role("slider")
        handle.focus()
        page.keyboard.press("Home")
        assert handle.get_attribute("aria-valuetext") == p.show(p.low)
        page.get_by_role("button", name="Lock in my prediction").click()
        text = page.locator(".meishi-predict-reveal").inner_text()
        assert f"You predicted {p.show(p.low)}; the model gives {p.answer_text}." in text
        assert page.locator(".meishi-predict-model").is_visible()
        assert page.url == address and errors == []
    finally:
        context.close()
