"""Fixtures for driving the built book in Debian's Chromium through Playwright.

Never `playwright install`: the tests use Debian's Chromium, its headless shell
(/usr/bin/chromium-headless-shell) where installed, else /usr/bin/chromium
(meishi_build.devserver.chromium_path). On a machine without either they skip and
say so; under CI (CI=true) they must run, so a missing browser fails them instead.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable, Sequence

import pytest

from helpers import HTML, ROOT, chromium_path, require
from meishi_build.devserver import (
    NOT_FOUND,
    chromium,
    is_local_context,
    local_context,
    local_only,
    outside_request,
    serve,
)

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def book_url():
    require((HTML / "index.html").is_file(), "the book is not built: run `make book`")
    with serve(HTML) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require(chromium_path() is not None,
            f"{NOT_FOUND} to run the browser tests (.ci/run does)")
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE.is_file(), "axe-core is not installed: run `make web`")
    return AXE.read_text(encoding="utf-8")


class PageLog:
    """Everything a page did that a reader would not want."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def attach(self, page) -> None:
        """Note what ``page`` does; keep it on the book: a page of a context made by
        ``local_context`` for the book is kept there by the context, and each request it
        makes outside is noted from its ``request`` event; any other page is routed
        (``local_only``)."""
        if is_local_context(page.context):
            page.on("request", lambda r: self.blocked.append(r.url)
                    if outside_request(r.url, self.base) else None)
        else:
            local_only(page, self.base, self.blocked)
        page.on("console", lambda m: self.console_errors.append(m.text)
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}")
                if r.status >= 400 else None)
        page.on("requestfailed", lambda r: self.failed.append(f"failed {r.url}")
                if r.url.startswith(self.base) else None)


WIDGETS_READY = 'html[data-meishi-widgets="ready"]'
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


@pytest.fixture(scope="session")
def _windows(browser):
    """The browser contexts new_page reuses, one per set of context options (theme,
    viewport, touch...), for this worker.

    Opening a context costs Chromium a new window; a test's first page of a kind opens in
    the context kept for that kind, emptied of what the last test left (:func:`fresh`).
    """
    kept: dict[tuple, object] = {}
    yield kept
    for context in kept.values():
        context.close()


def fresh(context, base: str) -> None:
    """Close every page of ``context``, then clear what the book's pages stored there.

    The pages store in localStorage (progress.js's record, the theme's settings) and
    sessionStorage; every kind of storage of ``base`` is cleared, through the browser
    (CDP, from a blank page), once the pages are closed, so that none of them can write
    its record back in between.

    The browser's HTTP cache is kept, as a returning reader's browser keeps it: the book's
    files do not change during a run, and a response from the cache reaches a page's log
    as one from the server does, so a missing file fails every test that asks for it
    (``test_support`` checks).  A chapter page's load costs Chromium, its driver and the
    server 0.66-0.67 CPU s with the cache empty, 0.51-0.53 with it kept (three rounds of
    20 loads each way, counted in every process by meishi_build.cpuuse).
    """
    for page in list(context.pages):
        page.close()
    blank = context.new_page()
    try:
        cdp = context.new_cdp_session(blank)
        cdp.send("Storage.clearDataForOrigin", {
            "origin": base, "storageTypes": "local_storage,session_storage,indexeddb,"
            "cache_storage,service_workers,cookies"})
        cdp.detach()
    finally:
        blank.close()


@pytest.fixture
def new_page(browser, book_url, _windows):
    """new_page(permissions=None, **context_options) -> a page with nothing stored (the
    HTTP cache aside: :func:`fresh`), kept on the book by its context (``local_context``).

    The test's first page with these options opens in the worker's context kept for them
    (``_windows``), emptied after the test (:func:`fresh`: its pages closed, the book's
    storage cleared); a second one with the same options, or one with ``permissions``
    (granted to the book's origin), in a context of its own, closed after the test.  A
    kept context is not a new one in everything: what a test sets on a context itself
    (routes, the clock, permissions, init scripts) would stay, so a test that needs those
    makes its own context (test_progress, test_live, test_slides_live do).
    """
    own = []
    used: list[tuple] = []

    def _new(permissions: list[str] | None = None, **options):
        key = tuple(sorted((k, tuple(sorted(v.items())) if isinstance(v, dict) else v)
                           for k, v in options.items()))
        if permissions or key in used:
            context = local_context(browser, book_url, **options)
            own.append(context)
            if permissions:
                context.grant_permissions(permissions, origin=book_url)
        else:
            if key not in _windows:
                _windows[key] = local_context(browser, book_url, **options)
            context = _windows[key]
            used.append(key)
        return context.new_page()

    yield _new
    for context in own:
        context.close()
    for key in used:
        try:
            fresh(_windows[key], book_url)
        except Exception:  # a context that cannot be emptied is not kept
            with contextlib.suppress(Exception):
                _windows.pop(key).close()


@pytest.fixture
def open_page(new_page, book_url):
    """open_page(path, dark=False) -> (page, log): a fresh page, outside network blocked.

    ``path`` may carry a fragment (``chapters/x.html#widget-y?a=1``).  Options:
    ``viewport=(width, height)``, ``permissions=[...]`` granted to the page's
    origin, ``widgets=True`` to wait until the page's widget host has settled (if it
    has widgets), ``wait_until`` for page.goto.  Nothing stored carries over from
    another test or another call (:func:`new_page`).
    """
    def _open(path: str, *, dark: bool = False, viewport: tuple[int, int] = (1280, 900),
              permissions: list[str] | None = None, widgets: bool = False,
              wait_until: str = "networkidle"):
        page = new_page(permissions, color_scheme="dark" if dark else "light",
                        viewport={"width": viewport[0], "height": viewport[1]})
        log = PageLog(book_url)
        log.attach(page)
        page.goto(f"{book_url}/{path}", wait_until=wait_until)
        if widgets and page.locator(WIDGET_VIEW).count():
            page.wait_for_selector(WIDGETS_READY, state="attached", timeout=15000)
        return page, log

    return _open


#: What a step may raise without ending the walk: any error, and pytest's own outcomes (a
#: step that skipped, xfailed or failed the test would hide every other step's result).
_STEP_ENDS = (Exception, pytest.fail.Exception, pytest.skip.Exception, pytest.xfail.Exception)


def walk(open_: Callable[[], tuple], plan: Sequence[tuple[str, Callable]],
         between: Callable | None = None, *, report: bool = True) -> list[str]:
    """Several checks on one page load, each reported as if it had its own.

    ``open_()`` loads the page and returns what each step of ``plan`` (``(name, step)``
    pairs) is called with. ``between``, called with the same, runs before every step but
    the first on a page: it puts the page back as a step expects it, and catches what the
    page logged since the last step's own checks. A step returns nothing, or a sentence
    saying why it found nothing to check (printed; a step never skips).

    A failure, in a step or in ``between``, is noted with its traceback; the next step
    (or, after ``between``, the same step) then gets a freshly loaded page, so one failure
    neither hides nor causes another. A skip or xfail raised in a step counts as its
    failure. If the page cannot be loaded again, that is noted and the steps left are
    named as not run. At the end the test fails naming every failure (with
    ``report=False`` they are returned instead).
    """
    failures: list[str] = []
    notes: list[str] = []

    def reload():
        try:
            return open_()
        except _STEP_ENDS:
            failures.append(f"[a fresh load of the page]\n{traceback.format_exc()}")
            return None

    opened = open_()  # the first load: if it fails, the test fails there
    fresh = True
    for i, (name, step) in enumerate(plan):
        if opened is not None and not fresh and between is not None:
            try:
                between(*opened)
            except _STEP_ENDS:
                failures.append(f"[{between.__name__}, before {name}]\n"
                                f"{traceback.format_exc()}")
                opened = reload()
        if opened is None:
            failures.append(f"[{name}] not run: the page could not be loaded again")
            continue
        fresh = False
        try:
            said = step(*opened)
        except _STEP_ENDS:
            failures.append(f"[{name}]\n{traceback.format_exc()}")
            if i + 1 < len(plan):
                opened, fresh = reload(), True
        else:
            if said:
                notes.append(f"[{name}] {said}")
    for note in notes:
        print(note)
    if failures and report:
        pytest.fail(f"{len(failures)} failures in a walk of {len(plan)} steps:\n\n"
                    + "\n\n".join(failures), pytrace=False)
    return failures
