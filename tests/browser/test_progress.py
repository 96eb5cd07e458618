"""A learner's record kept on their own device (issue 21, items 2 and 3).

_static/progress.js keeps, in the browser's storage for the book's address
only, the chapters opened, the furthest section reached and each quiz's
attempts and current answers; the "Your progress" page shows, downloads,
loads and erases it; the teacher's class page reads several records. Each test
opens its own browser context, so each starts with empty storage.
"""

from __future__ import annotations

import json

import pytest
from conftest import PageLog

from helpers import HTML
from meishi_build.devserver import local_context

pytestmark = pytest.mark.browser

CHAPTER = "chapters/02_modesty.html"
OTHER = "chapters/01_profile_signal.html"
PROGRESS = "chapters/progress.html"
CLASS = "chapters/teachers/class_records.html"


@pytest.fixture
def context(browser, book_url):
    """open(path) -> (page, log) in one browser context, so storage carries across pages."""
    made = []

    def _new(*, init_script: str | None = None, dark: bool = False, viewport=(1280, 900)):
        ctx = local_context(browser, book_url, color_scheme="dark" if dark else "light",
                            accept_downloads=True,
                            viewport={"width": viewport[0], "height": viewport[1]})
        made.append(ctx)
        if init_script:
            ctx.add_init_script(init_script)
        page = ctx.new_page()
        log = PageLog(book_url)
        log.attach(page)

        def go(path: str):
            page.goto(f"{book_url}/{path}", wait_until="load")
            page.wait_for_function("() => window.meishiProgress !== undefined")
            return page
        return page, log, go

    yield _new
    for ctx in made:
        ctx.close()


def _clean(log: PageLog) -> None:
    assert log.blocked == [], f"requests outside the book: {log.blocked}"
    assert log.console_errors == [], log.console_errors
    assert log.page_errors == [], log.page_errors


def _answer_first_question(page, *, right: bool) -> str:
    box = page.locator(".meishi-quiz fieldset").first
    box.scroll_into_view_if_needed()
    option = box.locator(f'input[data-correct="{"true" if right else "false"}"]').first
    option.check()
    box.locator(".meishi-quiz-check").click()
    return option.get_attribute("id")


def _reach(page, n: int):
    """Scroll the page's n-th section heading to the top of the screen, as a reader does."""
    heading = page.locator(".bd-article section > h2").nth(n)
    page.evaluate("(h) => h.scrollIntoView({block: 'start'})", heading.element_handle())
    page.wait_for_timeout(300)
    return heading


def _row(page, title_part: str) -> list[str]:
    row = page.locator("#meishi-progress tbody tr", has_text=title_part)
    assert row.count() == 1, f"no single row for {title_part!r}"
    return [c.strip() for c in row.locator("th, td").all_inner_texts()]


def test_the_pages_exist():
    for path in (PROGRESS, CLASS, CHAPTER):
        assert (HTML / path).is_file(), f"{path} is not built"


def test_reading_and_a_quiz_are_kept_and_shown(context):
    page, log, go = context()
    go(CHAPTER)
    option = _answer_first_question(page, right=False)
    page.keyboard.press("End")
    page.mouse.wheel(0, 100000)
    page.wait_for_timeout(300)
    questions = page.locator(".meishi-quiz fieldset").count()
    go(PROGRESS)
    cells = _row(page, "Saying it without saying it")
    assert cells[1] == "read to the end"
    assert cells[3] == f"0 of {questions} right (1 answered)"
    assert "not opened" in _row(page, "A profile is a signal")[1]
    # the chapter is marked in the menu, with a name a screen reader reads
    mark = page.locator('nav.bd-docs-nav a[href$="02_modesty.html"] .meishi-mark')
    assert mark.count() == 1 and "(read to the end)" in mark.inner_text()
    # the record sits under a key named after the book's address, nowhere else
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert [k for k in keys if k.startswith("meishi-progress:")] == ["meishi-progress:/"]
    stored = json.loads(page.evaluate("() => localStorage.getItem('meishi-progress:/')"))
    entry = next(iter(stored["pages"]["chapters/02_modesty"]["quiz"].values()))
    assert entry == {"attempts": 1, "answer": option, "correct": False}
    assert page.evaluate("() => document.cookie") == ""
    _clean(log)


def test_answers_come_back_and_restoring_is_no_attempt(context):
    page, log, go = context()
    go(CHAPTER)
    option = _answer_first_question(page, right=True)
    go(CHAPTER)
    box = page.locator(".meishi-quiz fieldset").first
    assert box.locator(f"#{option}").is_checked()
    assert box.locator(".meishi-quiz-feedback").inner_text().startswith("Correct.")
    record = page.evaluate("() => meishiProgress.record")
    (entry,) = record["pages"]["chapters/02_modesty"]["quiz"].values()
    assert entry["attempts"] == 1
    _clean(log)


def test_a_return_visit_offers_to_continue(context):
    page, log, go = context()
    go(OTHER)
    third = _reach(page, 2)
    go(OTHER)
    bar = page.locator(".meishi-continue")
    assert bar.count() == 1
    assert third.inner_text().strip("#¶ \n") in bar.inner_text()
    bar.get_by_role("button", name="Continue there").click()
    focused = page.evaluate("() => document.activeElement.textContent")
    assert third.inner_text().strip("#¶ \n") in focused
    assert bar.count() == 0
    _clean(log)


def test_download_erase_and_load_again(context, tmp_path):
    page, log, go = context()
    go(CHAPTER)
    _answer_first_question(page, right=True)
    go(PROGRESS)
    page.fill("#meishi-progress-name", "<b>Aiko</b> 田中 😀")
    page.keyboard.press("Tab")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my record (JSON)").click()
    saved = tmp_path / "record.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "meishi-progress" and data["version"] == 1
    assert data["name"] == "<b>Aiko</b> 田中 😀"
    assert "chapters/02_modesty" in data["pages"]
    # erase: two steps, then nothing is kept
    page.get_by_role("button", name="Erase my record…").click()
    page.get_by_role("button", name="Yes, erase it").click()
    assert "not opened" in _row(page, "Saying it without saying it")[1]
    assert page.evaluate("() => localStorage.getItem('meishi-progress:/')") is None
    # a file that is not a record is refused and changes nothing
    before = page.evaluate("() => JSON.stringify(meishiProgress.record)")
    status = page.locator("#meishi-progress .meishi-progress-status")
    bad_files = {
        "empty.json": "",
        "notjson.json": "{format: 'meishi-progress'",
        "other.json": json.dumps({"format": "something-else", "version": 1, "pages": {}}),
        "newer.json": json.dumps({"format": "meishi-progress", "version": 99, "pages": {}}),
        "edited.json": json.dumps({"format": "meishi-progress", "version": 1,
                                   "pages": {"chapters/02_modesty": {"visits": -3}}}),
    }
    for name, text in bad_files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.set_input_files("#meishi-progress-file", str(path))
        page.wait_for_function("() => /unchanged/.test(document.querySelector("
                               "'#meishi-progress .meishi-progress-status').textContent)")
        assert "Your record is unchanged" in status.inner_text(), name
        assert page.evaluate("() => JSON.stringify(meishiProgress.record)") == before, name
    assert "newer version" in _status_for(page, tmp_path / "newer.json")
    # the downloaded record loads back, and its name is shown as text
    page.set_input_files("#meishi-progress-file", str(saved))
    page.wait_for_function("() => /Loaded/.test(document.querySelector("
                           "'#meishi-progress .meishi-progress-status').textContent)")
    assert _row(page, "Saying it without saying it")[3].startswith("1 of ")
    assert page.input_value("#meishi-progress-name") == "<b>Aiko</b> 田中 😀"
    assert page.locator("#meishi-progress b").count() == 0
    _clean(log)


def _status_for(page, path) -> str:
    page.set_input_files("#meishi-progress-file", str(path))
    page.wait_for_timeout(200)
    return page.locator("#meishi-progress .meishi-progress-status").inner_text()


BLOCKED = """Object.defineProperty(window, 'localStorage', {get() {
    throw new DOMException('The operation is insecure.', 'SecurityError'); }});"""
FULL = """Storage.prototype.setItem = function () {
    throw new DOMException('quota', 'QuotaExceededError'); };"""


@pytest.mark.parametrize("script", [BLOCKED, FULL], ids=["blocked", "full"])
def test_without_storage_the_book_works_and_says_so(context, script):
    page, log, go = context(init_script=script)
    go(CHAPTER)
    _answer_first_question(page, right=True)
    feedback = page.locator(".meishi-quiz fieldset").first.locator(".meishi-quiz-feedback")
    assert feedback.inner_text().startswith("Correct.")
    note = page.locator(".meishi-storage-note")
    assert note.count() == 1 and "not" in note.inner_text() and "kept" in note.inner_text()
    go(PROGRESS)
    assert "not being kept" in page.locator("#meishi-progress").inner_text()
    # the theme's own use of storage (light/dark) fails in its own code when storage is
    # blocked; only errors from the course's scripts count here
    ours = [e for e in log.page_errors if "progress" in e]
    assert ours == []


def test_a_class_page_reads_several_records_and_uploads_nothing(context, tmp_path):
    page, log, go = context()
    records = {
        "a.json": {"format": "meishi-progress", "version": 1,
                   "name": "<img src=x onerror=alert(1)>",
                   "pages": {"chapters/02_modesty": {"visits": 1, "sections": 9, "furthest": 9,
                                                     "done": True, "questions": 6, "quiz": {}}}},
        "b.json": {"format": "meishi-progress", "version": 1,
                   "pages": {"chapters/01_profile_signal": {"visits": 2, "sections": 8,
                                                            "furthest": 3, "questions": 7}}},
    }
    files = []
    for name, data in records.items():
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
        files.append(str(tmp_path / name))
    (tmp_path / "broken.json").write_text("not a record", encoding="utf-8")
    files.append(str(tmp_path / "broken.json"))
    requests = []
    page.on("request", lambda r: requests.append(r.url) if r.method != "GET" else None)
    go(CLASS)
    page.set_input_files("#meishi-class-files", files)
    page.wait_for_selector(".meishi-class-out table")
    out = page.locator(".meishi-class-out")
    modesty = out.locator("table", has_text="Saying it without saying it")
    assert modesty.count() == 1
    rows = modesty.locator("tbody tr").all_inner_texts()
    assert any("<img src=x onerror=alert(1)>" in r and "read to the end" in r for r in rows)
    assert any("b.json" in r and "not opened" in r for r in rows)
    assert page.locator(".meishi-class-out img").count() == 0
    assert "broken.json" in out.locator(".meishi-class-refused").inner_text()
    assert "2 record(s) read, 1 refused" in page.locator("#meishi-class-records").inner_text()
    assert requests == []
    _clean(log)


def test_progress_pages_pass_axe_after_use(context, axe_source, tmp_path):
    from test_pages import _axe

    for dark in (False, True):
        page, _log, go = context(dark=dark)
        go(OTHER)
        _reach(page, 2)
        go(OTHER)  # the continue bar is shown
        assert page.locator(".meishi-continue").count() == 1
        assert _axe(page, axe_source) == []
        go(PROGRESS)
        page.get_by_role("button", name="Erase my record…").click()
        assert _axe(page, axe_source) == []


# ---- predict, then see (meishi.kit.predict), kept in the record ----

PLATFORMS = "chapters/04_home_advantage.html"


def test_a_value_prediction_reveals_the_model_and_is_kept(context):
    page, log, go = context()
    go(PLATFORMS)
    box = page.locator(".meishi-predict").first
    box.scroll_into_view_if_needed()
    slider = box.get_by_role("slider")  # the point on the block's chart
    slider.focus()
    for _ in range(10):  # by keyboard: from the start (50%) up to 60%
        page.keyboard.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "60.00%"
    box.get_by_role("button", name="Lock in my prediction").click()
    reveal = box.locator(".meishi-predict-reveal")
    text = reveal.inner_text()
    assert "You predicted 60.00%; the model gives 0.02%." in text
    assert "nor creeps up" in text  # the feedback for a guess above the model's answer
    assert slider.get_attribute("aria-disabled") == "true"
    # lock-in moved the widget; once it is moved away, the link sets it back
    page.locator("#widget-platforms .mw-reset").click()
    assert "0.02%" not in page.locator("#widget-platforms .mw-summary").inner_text()
    # the link sets the widget below to the stated setting
    reveal.get_by_role("link", name="Set the widget below to this setting").click()
    page.wait_for_timeout(300)
    assert "0.02%" in page.locator("#widget-platforms").inner_text()
    # kept, and shown again on return
    go(PLATFORMS)
    again = page.locator(".meishi-predict").first.locator(".meishi-predict-reveal")
    assert "You predicted 60.00%; the model gives 0.02%." in again.inner_text()
    record = page.evaluate("() => meishiProgress.record")
    entry = record["pages"]["chapters/04_home_advantage"]["predictions"]["late-entrant"]
    assert entry == {"outcome": "high", "guess": 60, "answer": 0.02}
    go(PROGRESS)
    assert _row(page, "Home advantage")[2] == "1 of 1 made, 0 close to the model"
    _clean(log)


TRUST = "chapters/03_trust.html"


def test_a_choice_prediction_can_be_skipped_or_made(context):
    page, log, go = context()
    go(TRUST)
    box = page.locator(".meishi-predict").first
    box.scroll_into_view_if_needed()
    box.get_by_role("button", name="Lock in my prediction").click()
    assert "Choose an answer first" in box.locator(".meishi-predict-reveal").inner_text()
    box.locator('input[data-right="true"]').check()
    box.get_by_role("button", name="Lock in my prediction").click()
    assert box.locator(".meishi-predict-reveal").inner_text().startswith("As the model says.")
    go(OTHER)
    other = page.locator(".meishi-predict").first
    other.scroll_into_view_if_needed()
    other.get_by_role("button", name="Skip").click()
    assert "You skipped this prediction" in other.locator(".meishi-predict-reveal").inner_text()
    # the widget below still works after a skip
    assert page.locator(".meishi-anywidget .mw-widget[data-ready='true']").count() >= 1
    go(PROGRESS)
    assert _row(page, "Trust you build")[2] == "1 of 1 made, 1 close to the model"
    assert _row(page, "A profile is a signal")[2] == "0 of 1 made"
    _clean(log)
