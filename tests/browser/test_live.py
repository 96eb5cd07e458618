"""The live path: JupyterLab on localhost runs a chapter, and its widget responds.

A copy of the chapter is opened (JupyterLab autosaves, and chapters are
committed without outputs), all cells are run, a slider is moved with the
keyboard, and the widget's figure must change.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers import ROOT

pytestmark = pytest.mark.browser

NOTEBOOK = "00_introduction.ipynb"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("lab")
    (work / "chapters").mkdir()
    shutil.copy(ROOT / "chapters" / NOTEBOOK, work / "chapters" / NOTEBOOK)
    port, token = _free_port(), "meishi-test-token"
    env = dict(os.environ)
    env.update(JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_RUNTIME_DIR=str(work / "rt"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(work / "ws"))
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
           "--ServerApp.allow_root=True",  # CI runs as root
           f"--ServerApp.root_dir={work}", "--LabApp.expose_app_in_browser=True",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = open(work / "lab.log", "w")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    if proc.poll() is not None or time.monotonic() >= deadline:
        proc.kill()
        proc.wait()
        log.close()
        pytest.fail("JupyterLab did not start: " + (work / "lab.log").read_text()[-2000:])
    yield base, token, work
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_widget_responds_live_in_jupyterlab(browser, lab):
    base, token, _work = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base)
               else (outside.append(r.request.url), r.abort()))
    page.goto(f"{base}/lab/tree/chapters/{NOTEBOOK}?token={token}", wait_until="domcontentloaded")
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')",
                           timeout=90000)
    page.wait_for_function("""() => {
        const w = window.jupyterapp.shell.currentWidget;
        return w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel
            && w.sessionContext.session.kernel.status === 'idle';
    }""", timeout=90000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    figure = page.locator(".jp-OutputArea .meishi-widget img").first
    figure.wait_for(timeout=120000)
    before = figure.get_attribute("src")
    assert figure.get_attribute("alt").startswith("Of 20 contacts")

    slider = page.locator(".jp-OutputArea .meishi-widget [role=slider]").last  # LinkedIn
    slider.scroll_into_view_if_needed()
    slider.focus()
    page.keyboard.press("End")  # LinkedIn share to 100%
    page.wait_for_function(
        "(before) => { const i = document.querySelector('.jp-OutputArea .meishi-widget img');"
        " return i && i.getAttribute('src') !== before; }", arg=before, timeout=30000)
    alt = page.locator(".jp-OutputArea .meishi-widget img").first.get_attribute("alt")
    assert "about 20.0 on LinkedIn" in alt, alt
    assert outside == [], outside
    context.close()
    # the committed chapter is untouched
    assert '"outputs": []' in (ROOT / "chapters" / NOTEBOOK).read_text(encoding="utf-8")
