"""The browser tests skip plainly without Chromium, and fail instead under CI."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest
from conftest import PageLog, fresh, walk

from helpers import require
from meishi_build.devserver import (
    PLAYWRIGHT_DISABLED_FEATURES,
    UNSHOWN_UI_FEATURES,
    is_local_context,
    local_context,
    local_only,
    outside,
    outside_request,
    serve,
)


def test_missing_prerequisite_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("MEISHI_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        require(False, "Chromium not found")


@pytest.mark.parametrize("value", ["true", "1"])
def test_missing_prerequisite_fails_under_ci(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="required under CI"):
        require(False, "Chromium not found")


def test_present_prerequisite_passes(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require(True, "never shown")


# -- the one way the tests start Chromium (meishi_build.devserver) --------------------

def test_outside_matches_only_what_is_not_the_book():
    base = "http://127.0.0.1:1234"
    pattern = outside(base)
    for url in ("https://fonts.googleapis.com/css", "http://127.0.0.1:12345/x.js",
                "http://127.0.0.1:1234.evil.example/", "http://localhost:1234/",
                "http://127.0.0.1:123/"):
        assert pattern.match(url), url
    for url in (f"{base}/", f"{base}/chapters/01.html?x=1#y", f"{base}/_static/a.js"):
        assert not pattern.match(url), url
    assert outside(base + "/").pattern == pattern.pattern


def test_a_reader_leaving_mid_file_is_not_an_error_but_a_real_error_is_printed(
        tmp_path, capfd, monkeypatch):
    """The server the tests and the handouts use: a browser that leaves a page while a file
    is still coming closes the connection, which the server takes quietly; a fault of the
    server's own is still printed."""
    import socket
    import time
    import urllib.request

    from meishi_build import devserver

    seen: list[str] = []  # the errors the server met, whatever it then printed
    handle_error = devserver._Server.handle_error

    def spy(self, request, client_address):
        seen.append(type(sys.exc_info()[1]).__name__)
        handle_error(self, request, client_address)
    monkeypatch.setattr(devserver._Server, "handle_error", spy)
    (tmp_path / "big.bin").write_bytes(b"x" * 20_000_000)
    with serve(tmp_path) as base:
        for _ in range(5):
            with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))) as s:
                s.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
                s.recv(1000)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00"
                             b"\x00\x00\x00\x00")  # close with a reset, as a tab does
        deadline = time.monotonic() + 20
        while len(seen) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(seen) == 5 and all(e in ("BrokenPipeError", "ConnectionResetError")
                                      for e in seen), seen
        assert "Traceback" not in capfd.readouterr().err

        def broken(self):
            raise ValueError("a fault of the server's own")
        monkeypatch.setattr(devserver._Handler, "send_head", broken)
        with contextlib.suppress(Exception):
            urllib.request.urlopen(f"{base}/big.bin", timeout=5)
        time.sleep(0.2)
        assert "a fault of the server's own" in capfd.readouterr().err


def test_an_outside_request_is_blocked_and_noted(browser, book_url):
    page = browser.new_page()
    blocked: list[str] = []
    try:
        local_only(page, book_url, blocked)
        page.goto(f"{book_url}/index.html", wait_until="load")
        outcome = page.evaluate("""async () => {
            try { await fetch('http://example.invalid/x.js'); return 'answered'; }
            catch (e) { return 'refused'; } }""")
        own = page.evaluate("async (u) => (await fetch(u)).status", f"{book_url}/index.html")
    finally:
        page.close()
    assert outcome == "refused"
    assert blocked == ["http://example.invalid/x.js"]
    assert own == 200


def test_a_request_outside_is_any_fetched_url_not_under_the_book():
    base = "http://127.0.0.1:1234"
    for url in ("https://fonts.googleapis.com/css", "http://127.0.0.1:12345/x.js",
                "http://localhost:1234/", "https://127.0.0.1:1234/x"):
        assert outside_request(url, base), url
    for url in (f"{base}/_static/a.js", f"blob:{base}/1f0e", "data:text/javascript,1"):
        assert not outside_request(url, base), url


#: Each address fetched (no-cors: a server that answers gives an opaque response), and
#: whether it answered.
FETCH_EACH_JS = """async (urls) => Promise.all(urls.map(u => fetch(u, {mode: 'no-cors'})
    .then(() => 'answered', () => 'refused')))"""


def test_a_local_context_reaches_its_book_and_nothing_else(browser, book_url, tmp_path):
    """What the book's tests open their pages in: the book answers; another server on this
    machine, the book's port under another name, and the outside fail in the browser; the
    page's log notes each of them, and no page of another context is taken for local."""
    (tmp_path / "x.js").write_text("1", encoding="utf-8")
    with serve(tmp_path) as other:
        tried = [f"{other}/x.js", book_url.replace("127.0.0.1", "localhost") + "/index.html",
                 book_url.replace("http:", "https:") + "/index.html",
                 "http://example.invalid/x.js", "https://example.com/"]
        context = local_context(browser, book_url, viewport={"width": 800, "height": 600})
        plain = browser.new_context()
        try:
            page = context.new_page()
            log = PageLog(book_url)
            log.attach(page)
            page.goto(f"{book_url}/index.html", wait_until="load")
            assert log.blocked == []
            got = page.evaluate(FETCH_EACH_JS, [f"{book_url}/index.html", *tried])
            assert page.viewport_size == {"width": 800, "height": 600}  # options kept
            # the same server answers a context that is not kept local
            other_page = plain.new_page()
            assert other_page.goto(f"{other}/x.js").status == 200
            assert is_local_context(page.context) and not is_local_context(other_page.context)
        finally:
            context.close()
            plain.close()
    assert got == ["answered"] + ["refused"] * len(tried), got
    assert sorted(log.blocked) == sorted(tried)


#: What the context's HTTP cache holds for each address (fresh or not), asking nothing of
#: the server.
FROM_CACHE_JS = """async (urls) => Promise.all(urls.map(u =>
    fetch(u, {cache: 'only-if-cached', mode: 'same-origin'})
        .then(r => r.status, () => 'not kept')))"""


def test_a_kept_context_keeps_its_cache_and_still_logs_every_failure(new_page, book_url):
    """A kept context keeps its HTTP cache between tests (conftest.fresh): the book's files
    may be answered from it in the next test, and a missing file is logged as failed again,
    whether the browser asks the server or its cache."""
    missing, kept = f"{book_url}/_static/no-such-file.js", f"{book_url}/index.html"
    page = new_page()
    context = page.context
    for _ in range(2):  # a test, then the next one in the same context
        log = PageLog(book_url)
        log.attach(page)
        page.goto(kept, wait_until="load")
        assert page.evaluate("async (u) => (await fetch(u)).status", missing) == 404
        assert log.failed == [f"404 {missing}"], log.failed
        fresh(context, book_url)
        page = context.new_page()
    page.goto(f"{book_url}/_static/course.css")  # a page of the book's origin, then ask
    assert page.evaluate(FROM_CACHE_JS, [kept])[0] == 200, "the cache was not kept"


def test_the_proxy_a_local_context_uses_refuses_every_connection():
    """Held by this process, bound and never listened on: a connection is refused at once."""
    import socket
    from urllib.parse import urlsplit

    from meishi_build.devserver import _bypass, no_proxy_there

    proxy = urlsplit(no_proxy_there())
    assert no_proxy_there() == proxy.geturl()  # the same port for the whole process
    with pytest.raises(ConnectionRefusedError), \
            socket.create_connection((proxy.hostname, proxy.port), timeout=5):
        pass
    assert _bypass("http://127.0.0.1:1234") == "http://127.0.0.1:1234,ws://127.0.0.1:1234"
    assert _bypass("https://book.example/") == "https://book.example:443,wss://book.example:443"
    assert _bypass("http://book.example") == "http://book.example:80,ws://book.example:80"


def _switches(pid: int) -> list[str]:
    """A process's command line; [""] for one that has ended since it was listed."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_text(encoding="utf-8").split("\0")
    except OSError:
        return [""]


def _descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (this test's Playwright driver, its Chromium, ...)."""
    from meishi_build.cpuuse import processes

    return [key[0] for key, _name, _ticks in processes(pid)][1:]


def _features_off(switches: list[str]) -> list[set[str]]:
    return [set(s.split("=", 1)[1].split(",")) for s in switches
            if s.startswith("--disable-features=")]


def test_chromium_keeps_every_feature_playwright_turns_off(browser):
    """Chromium obeys only the last --disable-features switch: ours repeats Playwright's."""
    if not Path("/proc/self/stat").is_file():
        pytest.skip("reads the browser's switches in /proc (Linux)")
    page = browser.new_page()
    try:
        page.goto("about:blank")
        main = [pid for pid in _descendants(os.getpid()) if "chromium" in _switches(pid)[0]
                and not any(s.startswith("--type=") for s in _switches(pid))]
    finally:
        page.close()
    assert main, "this test's Chromium was not found under its process"
    offs = _features_off(_switches(main[0]))
    assert set(PLAYWRIGHT_DISABLED_FEATURES) <= offs[-1]
    assert set(UNSHOWN_UI_FEATURES) <= offs[-1]
    assert len(offs) == 2, offs  # Playwright's, then ours
    assert offs[0] <= offs[-1], "a feature Playwright turns off would be left on"


# -- open_page reuses a window per theme and viewport; nothing stored carries over -----

STORED_JS = "() => [localStorage.getItem('meishi-test'), sessionStorage.getItem('t')]"
ALL_STORED_JS = "() => Object.keys(localStorage).sort()"
STORE_JS = "() => { localStorage.setItem('meishi-test', '1'); sessionStorage.setItem('t', '1'); }"


def test_fresh_empties_a_kept_window(browser, book_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{book_url}/index.html", wait_until="load")
        page.evaluate(STORE_JS)
        assert page.evaluate(STORED_JS) == ["1", "1"]
        page.goto(f"{book_url}/chapters/01_profile_signal.html", wait_until="load")
        context.new_page()
        fresh(context, book_url)
        assert context.pages == []
        again = context.new_page()
        again.goto(f"{book_url}/glossary.html", wait_until="load")
        assert again.evaluate(STORED_JS) == [None, None]
        kept = again.evaluate(ALL_STORED_JS)
    finally:
        context.close()
    new = browser.new_context()  # what the same page stores in a context never used
    try:
        page = new.new_page()
        page.goto(f"{book_url}/glossary.html", wait_until="load")
        assert kept == page.evaluate(ALL_STORED_JS)
    finally:
        new.close()


def test_two_pages_of_one_test_share_nothing_stored(open_page):
    first, _ = open_page("index.html", wait_until="load")
    first.evaluate(STORE_JS)
    second, _ = open_page("index.html", wait_until="load")
    assert second.context is not first.context
    assert second.evaluate(STORED_JS) == [None, None]
    assert first.evaluate(STORED_JS) == ["1", "1"]


def _reset_values(w, _page, _log) -> None:
    """The widget walk's between step, without a page to scroll: Reset and its checks."""
    from test_a11y_widgets import reset

    reset(w)


class _Walked:
    """A stand-in for a rendered widget: its Reset button counts the presses."""

    def __init__(self, presses: list[int], page: int, shown: dict | None = None) -> None:
        self.spec = {"defaults": {"share": 1.0}}
        self.presses, self.page, self.shown = presses, page, shown or {"share": 1.0}
        self.root = self

    def locator(self, _selector: str):
        return self

    def click(self) -> None:
        self.presses.append(self.page)

    def values(self) -> dict:
        return self.shown

    def check(self, _what: str) -> None:
        pass


def test_a_walk_reports_every_failed_step_and_gives_the_next_a_fresh_page():
    opened: list[int] = []
    presses: list[int] = []
    seen: list[tuple[str, int]] = []

    def open_widget():
        opened.append(len(opened) + 1)
        return _Walked(presses, opened[-1]), opened[-1], None

    def ok(name):
        return name, lambda w, page, log: seen.append((name, page))

    def bad(name):
        def step(w, page, log):
            seen.append((name, page))
            raise AssertionError(f"{name} went wrong")
        return name, step

    failures = walk(open_widget, [ok("one"), bad("two"), ok("three"), bad("four"), ok("five"),
                                  bad("six")], between=_reset_values, report=False)
    assert [f.splitlines()[0] for f in failures] == ["[two]", "[four]", "[six]"]
    assert "two went wrong" in failures[0] and "four went wrong" in failures[1]
    # each step after a failure on a page of its own; Reset before every other later step;
    # no page loaded for nothing after the last step failed
    assert seen == [("one", 1), ("two", 1), ("three", 2), ("four", 2), ("five", 3),
                    ("six", 3)]
    assert presses == [1, 2, 3] and opened == [1, 2, 3]


def test_a_walk_runs_a_step_on_a_fresh_page_when_reset_does_not_restore_the_defaults():
    presses: list[int] = []
    pages = iter([_Walked(presses, 1, {"share": 2.0}), _Walked(presses, 2)])
    seen: list[str] = []
    failures = walk(lambda: (next(pages), None, None),
                    [("first", lambda w, page, log: seen.append(("first", w.page))),
                     ("second", lambda w, page, log: seen.append(("second", w.page)))],
                    between=_reset_values, report=False)
    assert seen == [("first", 1), ("second", 2)]
    assert len(failures) == 1 and failures[0].startswith("[_reset_values, before second]")
    assert "Reset left a value off its default" in failures[0]


def test_a_walk_counts_a_skip_in_a_step_as_its_failure_and_goes_on():
    seen: list[str] = []

    def skips(_):
        seen.append("skips")
        pytest.skip("nothing here")

    def fails(_):
        seen.append("fails")
        pytest.fail("wrong")

    failures = walk(lambda: (None,), [("a", skips), ("b", fails),
                                      ("c", lambda _: seen.append("c"))], report=False)
    assert seen == ["skips", "fails", "c"]
    assert [f.splitlines()[0] for f in failures] == ["[a]", "[b]"]
    assert "nothing here" in failures[0] and "wrong" in failures[1]


def test_a_walk_names_the_steps_it_could_not_run_when_the_page_will_not_load_again():
    loads = iter([(1,), RuntimeError("the server went away")])

    def open_():
        got = next(loads)
        if isinstance(got, Exception):
            raise got
        return got

    def bad(_):
        raise AssertionError("broken")

    failures = walk(open_, [("a", bad), ("b", lambda _: None), ("c", lambda _: None)],
                    report=False)
    assert [f.splitlines()[0] for f in failures] == [
        "[a]", "[a fresh load of the page]", "[b] not run: the page could not be loaded again",
        "[c] not run: the page could not be loaded again"]
    assert "the server went away" in failures[1]


def test_a_walk_prints_what_a_step_found_nothing_to_check(capsys):
    assert walk(lambda: (None,), [("a", lambda _: "no text box"), ("b", lambda _: None)],
                report=False) == []
    assert capsys.readouterr().out == "[a] no text box\n"


def test_a_walk_fails_the_test_naming_every_failed_step():
    def bad(*_):
        raise AssertionError("nothing shown")

    with pytest.raises(pytest.fail.Exception,
                       match=r"(?s)2 failures in a walk of 3 steps.*\[one\].*\[three\]"):
        walk(lambda: (None,), [("one", bad), ("two", lambda _: None), ("three", bad)])


def test_the_tests_drive_the_headless_shell_and_the_benchmark_the_desktop_build(
        monkeypatch, tmp_path):
    """chromium_path: $CHROMIUM first; then Debian's headless shell, unless the desktop
    build is asked for (the benchmark, the reports); then Debian's chromium; else None."""
    from meishi_build import devserver

    shell, desktop = tmp_path / "chromium-headless-shell", tmp_path / "chromium"
    monkeypatch.setattr(devserver, "HEADLESS_SHELL", str(shell))
    monkeypatch.setattr(devserver, "DESKTOP", str(desktop))
    monkeypatch.setattr(devserver.shutil, "which", lambda name: None)
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert devserver.chromium_path() is None and devserver.chromium_path(True) is None
    shell.write_text("")  # the shell alone: the tests have a browser, the benchmark none
    assert devserver.chromium_path() == str(shell) and devserver.chromium_path(True) is None
    shell.unlink()
    desktop.write_text("")
    assert devserver.chromium_path() == devserver.chromium_path(True) == str(desktop)
    shell.write_text("")
    assert devserver.chromium_path() == str(shell)
    assert devserver.chromium_path(desktop=True) == str(desktop)
    chosen = tmp_path / "mine"
    chosen.write_text("")
    monkeypatch.setenv("CHROMIUM", str(chosen))
    assert devserver.chromium_path() == devserver.chromium_path(True) == str(chosen)


class _Asked(Exception):
    pass


@pytest.mark.parametrize("measure", ["bench.widget_timings", "bench.page_weights",
                                     "phone.measure", "axe_audit.audit"])
def test_the_benchmark_and_the_reports_measure_the_desktop_build(monkeypatch, measure):
    """What a reader's browser does is measured in Debian's desktop chromium, never the
    tests' headless shell."""
    import importlib

    from meishi_build import devserver

    asked: list[bool] = []

    def chromium(desktop: bool = False):
        asked.append(desktop)
        raise _Asked

    monkeypatch.setattr(devserver, "chromium", chromium)
    module, name = measure.split(".")
    with pytest.raises(_Asked):
        getattr(importlib.import_module(f"meishi_build.{module}"), name)()
    assert asked == [True]
