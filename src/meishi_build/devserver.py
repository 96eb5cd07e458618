"""Serve the built book on localhost, as a static web host would.

Used by the browser tests, the benchmark and the handouts, with the one
way they start Debian's Chromium (:func:`chromium`, never a browser
Playwright downloads) and keep a page on the local book
(:func:`local_only`).  With ``gzip=True`` text
assets are compressed on the fly (``Content-Encoding: gzip``), as GitHub
Pages, Netlify and most static hosts do, so transferred bytes match what a
reader actually downloads.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import re
import shutil
import socket
import sys
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["CHROMIUM_ARGS", "DESKTOP", "HEADLESS_SHELL", "NOT_FOUND",
           "chromium", "chromium_path", "is_local_context", "local_context", "local_only",
           "no_proxy_there", "outside", "outside_request", "serve"]

#: The features Playwright (the pinned version) turns off with its own ``--disable-features``.
#: Chromium obeys only the last such switch, so ours repeats them (a test checks the
#: browser it starts: ``tests/browser/test_support.py``).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
#: Headless Chromium still builds the browser's own interface pages (the address bar's
#: suggestion list, and "top chrome" pages it preloads) for every window it opens; no
#: test or printed page shows them, and they cost about a fifth of the CPU of a chapter
#: page's load (8 loads each way on this project's 2-core machine, 2026-12-05; README,
#: Benchmarks).
UNSHOWN_UI_FEATURES = ("PreloadTopChromeWebUI", "WebUIOmniboxPopup")

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNSHOWN_UI_FEATURES),
]

_COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt", ".map", ".inv", ".xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    gzip_enabled = False

    def log_message(self, format: str, *args) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_enabled and wants_gzip and path.endswith(_COMPRESSIBLE)
                and Path(path).is_file()):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[override]
        """A browser that leaves a page while a file is still coming closes the connection:
        that is not an error of the book's (anything else is still printed)."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(root: Path | str, *, gzip: bool = False) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = type("Handler", (_Handler,), {"gzip_enabled": gzip})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: Debian's two builds of one Chromium release, from one source package: the headless-only
#: shell (package chromium-headless-shell; Playwright's own choice for headless work) and
#: the desktop browser (package chromium). The shell draws a page with the same Blink and
#: V8 and about a third less CPU, without the desktop browser's windows and interface
#: (tests/browser/test_engines.py holds it to the desktop build on a chapter page).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
DESKTOP = "/usr/bin/chromium"
#: What is said when neither is found.
NOT_FOUND = ("Chromium not found (/usr/bin/chromium-headless-shell, /usr/bin/chromium or "
             "$CHROMIUM): install Debian's chromium-headless-shell and chromium")


def chromium_path(desktop: bool = False) -> str | None:
    """The Chromium Playwright drives, never a downloaded one: ``$CHROMIUM`` if set; else
    Debian's headless shell (the tests, the handouts, the slides), unless ``desktop``
    (the benchmark and the reports measure what a reader's browser does); else Debian's
    chromium."""
    shell = () if desktop else (HEADLESS_SHELL, shutil.which("chromium-headless-shell"))
    for candidate in (os.environ.get("CHROMIUM"), *shell, DESKTOP, shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@contextlib.contextmanager
def chromium(desktop: bool = False) -> Iterator:
    """A headless Chromium (Playwright's Browser), :func:`chromium_path`'s; RuntimeError
    when none is installed."""
    from playwright.sync_api import sync_playwright

    path = chromium_path(desktop)
    if path is None:
        raise RuntimeError(NOT_FOUND)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def local_only(page, base: str, blocked: list[str] | None = None) -> None:
    """Abort every request ``page`` makes outside ``base`` (noted in ``blocked``).

    The pattern is a regular expression, matched in Playwright's driver: the book's own
    requests go straight through, and only a request outside it comes to Python.
    """
    def route(r):
        if blocked is not None:
            blocked.append(r.request.url)
        r.abort()

    page.route(outside(base), route)


def outside(base: str) -> re.Pattern[str]:
    """A pattern matching every URL not under ``base`` (scheme, host and port)."""
    return re.compile("^(?!" + re.escape(base.rstrip("/")) + "/)")


def outside_request(url: str, base: str) -> bool:
    """Whether a request for ``url`` goes outside ``base``: a ``blob:`` or ``data:`` URL is
    read from the page's own memory, not fetched (a widget's module is a blob of the page's),
    and a route never sees one either."""
    return not url.startswith(("blob:", "data:")) and bool(outside(base).match(url))


_LOCAL: weakref.WeakSet = weakref.WeakSet()
_NO_PROXY: list[socket.socket] = []


def no_proxy_there() -> str:
    """The proxy a local context sends every request not for its book to
    (:func:`local_context`): a port of this machine bound, never listened on, and held for
    as long as this process runs, so a connection to it is refused at once (a fixed port
    could be one something listens on)."""
    if not _NO_PROXY:
        held = socket.socket()
        held.bind(("127.0.0.1", 0))
        _NO_PROXY.append(held)
    return f"http://127.0.0.1:{_NO_PROXY[0].getsockname()[1]}"


def _bypass(base: str) -> str:
    """Proxy exceptions for ``base`` alone: its scheme, host and port (the default port of
    the scheme when it names none), and WebSockets to the same host and port."""
    u = urlsplit(base)
    port, websocket = {"http": (80, "ws"), "https": (443, "wss")}[u.scheme]
    where = f"{u.hostname}:{u.port or port}"
    return f"{u.scheme}://{where},{websocket}://{where}"


def local_context(browser, *bases: str, **options):
    """A new browser context (``browser.new_context(**options)``) whose pages reach
    ``bases`` (scheme, host and port) and nothing else.

    Every other address, another port or name of this machine included, goes to a proxy
    that is not there (:func:`no_proxy_there`) and fails, in Chromium's network stack: no
    request passes through Playwright's driver, as with :func:`local_only`'s route (which
    also turns the browser's cache off).  A WebSocket to a base goes through with it (as
    JupyterLab's kernels need).  What a page still asks for outside is for the caller to
    note, from the page's ``request`` events (:func:`outside_request`; the tests' PageLog
    does, for a context :func:`is_local_context` knows).  The context's own request client
    (``context.request``) matches the proxy's exceptions by name, not by port, so it
    reaches nothing: fetch from a page instead.
    """
    bypass = ",".join(["<-loopback>", *map(_bypass, bases)])
    context = browser.new_context(proxy={"server": no_proxy_there(), "bypass": bypass},
                                  **options)
    _LOCAL.add(context)
    return context


def is_local_context(context) -> bool:
    """Whether ``context`` was made by :func:`local_context`."""
    return context in _LOCAL
