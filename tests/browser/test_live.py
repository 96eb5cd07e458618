"""The live path: JupyterLab on localhost runs a chapter, and its widget responds.

A copy of the chapter is opened (JupyterLab autosaves, and chapters are
committed without outputs), all cells are run, and the anywidget front end
(anywidget's JupyterLab extension) renders in the output.  A slider is moved
with the keyboard: the readout must change to what the Python widget
computes, and the kernel-side widget must see the new value (asked through
the kernel, without touching the notebook).  Every request outside
JupyterLab's own server is blocked, and there must be none.
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


KERNEL_ASK = """async (code) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    let out = '';
    const future = kernel.requestExecute({code, store_history: false});
    future.onIOPub = (msg) => {
        if (msg.header.msg_type === 'stream') out += msg.content.text;
        if (msg.header.msg_type === 'error')
            out += `ERROR ${msg.content.ename}: ${msg.content.evalue}`;
    };
    await future.done;
    return out;
}"""
# the widget the chapter displayed (an unnamed cell result), as the kernel holds it
READ_WIDGET = ("w = [v for v in Out.values() if getattr(v, 'widget_id', None) == 'lookup'][-1]\n"
               "print(repr(w.values['LinkedIn']))\nprint(w.summary)")


def test_widget_responds_live_in_jupyterlab(browser, lab):
    from meishi.chapters.introduction import LookupWidget

    reference = LookupWidget()
    expected = reference.evaluate({**reference.spec["defaults"], "LinkedIn": 100.0}).summary
    base, token, _work = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
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
    widget = page.locator('.jp-OutputArea .mw-widget[data-widget="lookup"][data-ready="true"]')
    widget.first.wait_for(timeout=120000)
    assert widget.count() == 1
    summary = widget.locator(".mw-summary")
    before = summary.text_content()
    assert before == reference.summary, "the readout on opening is not Python's"

    slider = widget.locator('.mw-control[data-control="LinkedIn"] input[type=range]')
    slider.scroll_into_view_if_needed()
    slider.focus()
    page.keyboard.press("End")  # LinkedIn share to 100%
    assert slider.input_value() == "100"
    assert summary.text_content() == expected
    assert widget.locator("svg.mw-svg").get_attribute("aria-label") == expected

    # the kernel's widget follows (the front end syncs "values"; Python recomputes)
    seen = ""
    for _ in range(40):
        seen = page.evaluate(KERNEL_ASK, READ_WIDGET)
        if seen.startswith("100"):
            break
        page.wait_for_timeout(250)
    assert seen.splitlines() == ["100", expected], seen
    assert outside == [], outside
    assert errors == [], errors
    context.close()
    # the committed chapter is untouched
    assert '"outputs": []' in (ROOT / "chapters" / NOTEBOOK).read_text(encoding="utf-8")
