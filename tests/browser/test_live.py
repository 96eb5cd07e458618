"""The live path: JupyterLab on localhost runs a chapter, and its widget responds.

JupyterLab opens the classroom notebooks ``make notebooks`` and ``make lab``
give it (meishi_build.versions, resolved for JupyterLab by
meishi_build.resolve), written into a temporary folder (JupyterLab
autosaves; the committed chapters are never touched), with the class
settings ``make lab`` installs (meishi_build.labsettings).

Every chapter, and a student notebook, must read as in the book: no raw MyST
role, directive or label visible, the boxes and folds drawn, and the glued
numbers shown with the book's values.  JupyterLab must not ask about news.
In one chapter all cells are run and the anywidget front end (anywidget's
JupyterLab extension) renders in the output.  A slider is moved with the
keyboard: the readout must change to what the Python widget computes, and
the kernel-side widget must see the new value (asked through the kernel,
without touching the notebook).  Every request outside JupyterLab's own
server is blocked, and there must be none.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import PageLog

from helpers import ROOT
from meishi.chapters import discover
from meishi_build.devserver import local_context
from meishi_build.labsettings import OVERRIDES
from meishi_build.resolve import resolve_notebook, resolver_for
from meishi_build.versions import instructor_version, student_version

pytestmark = pytest.mark.browser

NOTEBOOK = "00_introduction.ipynb"
CHAPTERS = discover()
#: Raw MyST as a reader would see it in a rendered cell (roles, fences, labels).
RAW = re.compile(r"\{[\w:-]+\}`|(?:`{3}|:{3})\{[\w:-]+\}|\([\w.:-]+\)=|\{glue|\{term\}|\{cite")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("lab")
    for version, make in (("chapters", instructor_version), ("student", student_version)):
        (work / version).mkdir()
        for chapter in CHAPTERS:
            source = json.loads(chapter.notebook.read_text(encoding="utf-8"))
            resolver = resolver_for(chapter.notebook.name)
            nb = resolve_notebook(make(source), resolver)
            (work / version / chapter.notebook.name).write_text(
                json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            GLUED[(version, chapter.notebook.name)] = _glued_lines(nb, resolver.glued)
            markdown = "".join(c["source"] for c in nb["cells"] if c["cell_type"] == "markdown")
            BOXES[(version, chapter.notebook.name)] = (
                markdown.count('<div style="border-left'), markdown.count("<details"))
    # the settings `make lab` installs (meishi_build.labsettings)
    (work / "app-settings").mkdir()
    # and, for this test only, every cell rendered at once (JupyterLab otherwise
    # renders the cells near the view only), so the whole chapter can be read
    settings = {**OVERRIDES, "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
    (work / "app-settings" / "overrides.json").write_text(json.dumps(settings))
    port, token = _free_port(), "meishi-test-token"
    env = dict(os.environ)
    env.update(JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_RUNTIME_DIR=str(work / "rt"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(work / "ws"))
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
           "--ServerApp.allow_root=True",  # CI runs as root
           f"--ServerApp.root_dir={work}", "--LabApp.expose_app_in_browser=True",
           f"--LabApp.app_settings_dir={work / 'app-settings'}"]
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


GLUED: dict[tuple[str, str], list[str]] = {}
#: (boxes, folds) each resolved notebook holds
BOXES: dict[tuple[str, str], tuple[int, int]] = {}


def _glued_lines(nb: dict, glued: list[tuple[str, str, str]]) -> list[str]:
    """Lines of the resolved Markdown that carry a glued number, as JupyterLab shows them.

    Emphasis, list markers and escaped brackets are taken off; lines with
    links, HTML, code, tables or maths are left out, so the rendered text
    must contain each line exactly.
    """
    values = {text for _key, _fmt, text in glued}
    lines = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in cell["source"].splitlines():
            line = line.strip()
            if re.search(r"[<>`|$_#]|\]\(", line):
                continue
            line = re.sub(r"^(\d+\.|[-*]) ", "", line)
            line = re.sub(r"\*+", "", line.replace("\\[", "[").replace("\\]", "]"))
            if "\\" in line or len(line) < 40:
                continue
            if any(re.search(rf"(?<![\d.]){re.escape(v)}(?![\d])", line) for v in values):
                lines.append(line)
    return lines


RENDERED = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = panel.content.widgets.filter((c) => c.model.type === 'markdown');
    return {
        cells: cells.length,
        rendered: cells.filter((c) => c.rendered).length,
        empty: cells.filter((c) => !c.node.querySelector('.jp-MarkdownOutput')?.textContent.trim())
            .length,
        text: cells.map((c) => c.node.querySelector('.jp-MarkdownOutput')?.textContent ?? '')
            .join('\\n'),
        boxes: cells.map((c) => c.node.querySelectorAll(
            '.jp-MarkdownOutput div[style*="border-left"]').length).reduce((a, b) => a + b, 0),
        folds: cells.map((c) => c.node.querySelectorAll(
            '.jp-MarkdownOutput details > summary').length).reduce((a, b) => a + b, 0),
        news: [...document.querySelectorAll('.jp-Notification-Toast-message, .Toastify__toast')]
            .map((n) => n.textContent).join(' '),
    };
}"""


def _lab_page(browser, base: str):
    """(context, page, log): a page kept on JupyterLab's server by its context (every other
    address fails in the browser; no request passes through Python, as each of the hundreds
    JupyterLab loads did through a route), and its log (``log.blocked``: what it asked for
    outside)."""
    context = local_context(browser, base, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log = PageLog(base)
    log.attach(page)
    return context, page, log


def _open(page, base: str, token: str, path: str) -> None:
    # ?reset: a clean workspace, so the notebook opened is the only one and the current one
    page.goto(f"{base}/lab/tree/{path}?reset&token={token}", wait_until="domcontentloaded")
    page.wait_for_function("""(path) => {
        const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
        return w && w.context && w.context.path === path && document.querySelector('.jp-Notebook');
    }""", arg=path, timeout=90000)


CASES = [("chapters", c.notebook.name) for c in CHAPTERS] + [("student", "01_profile_signal.ipynb")]


@pytest.mark.parametrize(("version", "name"), CASES, ids=[f"{v}/{n}" for v, n in CASES])
def test_chapter_reads_as_in_the_book_in_jupyterlab(browser, lab, version, name):
    base, token, _work = lab
    context, page, log = _lab_page(browser, base)
    _open(page, base, token, f"{version}/{name}")
    page.wait_for_function(f"() => {{ const r = ({RENDERED})(); return r.cells > 0 "
                           "&& r.rendered === r.cells && r.empty === 0; }", timeout=60000)
    shown = page.evaluate(RENDERED)
    page.wait_for_timeout(1500)  # a news prompt would have come up by now
    news = page.evaluate(RENDERED)["news"]
    if os.environ.get("MEISHI_LAB_SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["MEISHI_LAB_SCREENSHOTS"],
                                          f"{version}-{name}.png"))
    page.evaluate("window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
    context.close()
    text = shown["text"]
    assert shown["cells"] > 5 and len(text) > 2000
    assert RAW.findall(text) == [], "raw MyST is visible"
    assert not re.search(r"<(div|details|summary|span|p)\b|:class:|:label:", text), \
        "HTML or directive options shown as text"
    # every box and fold is drawn (JupyterLab's sanitiser keeps them)
    boxes, folds = BOXES[(version, name)]
    assert boxes >= 2 and (shown["boxes"], shown["folds"]) == (boxes, folds)
    if version == "chapters":
        assert folds >= 1, "the instructor version has its answers and solutions in folds"
    lines = GLUED[(version, name)]
    assert lines, "no plain line with a glued number to look for"
    flat = " ".join(text.split())
    missing = [line for line in lines if " ".join(line.split()) not in flat]
    assert missing == [], missing[:3]
    assert "news" not in news.lower(), news
    assert log.blocked == [], log.blocked


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
    context, page, log = _lab_page(browser, base)
    _open(page, base, token, f"chapters/{NOTEBOOK}")
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
    assert log.blocked == [], log.blocked
    assert log.page_errors == [], log.page_errors
    context.close()
    # the committed chapter is untouched
    assert '"outputs": []' in (ROOT / "chapters" / NOTEBOOK).read_text(encoding="utf-8")
