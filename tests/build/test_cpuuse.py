"""meishi_build.cpuuse: a test's CPU, counted in every process of its tree, even one that
ends unwaited for (as Chromium's renderers do), which getrusage never sees."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from meishi_build import cpuuse

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").is_file(),
                                reason="reads /proc (Linux)")

#: A parent that ignores SIGCHLD (its children are reaped by the kernel, as Chromium's
#: zygote lets its renderers be), starts a child that burns about 0.6 s of CPU and ends,
#: then sleeps until told to stop.
PARENT = textwrap.dedent("""
    import os, signal, subprocess, sys, time
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    subprocess.Popen([sys.executable, "-c",
        "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.6: pass"])
    print("started", flush=True)
    sys.stdin.read()
""")


def test_the_cpu_of_a_child_nobody_waits_for_is_counted():
    meter = cpuuse.TreeCPU(every=0.05).start()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        assert parent.stdout.readline().strip() == "started"
        children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children")
        deadline = time.monotonic() + 20
        while children.read_text().split() and time.monotonic() < deadline:
            time.sleep(0.05)  # until the child has ended, the meter polling meanwhile
        used = meter.take()
        parent.communicate("")
    finally:
        meter.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    counted = used.get("python", 0)
    assert counted >= 0.5, used  # the child's 0.6 s, less its last tenth of a second at most
    # what getrusage sees of the same tree: the parent's own start, not the child's work
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) < 0.5


@pytest.mark.parametrize(("cmdline", "expected"), [
    ("/usr/lib/chromium/chromium-headless-shell\0--type=renderer\0--lang=en", "chromium renderer"),
    ("/usr/lib/chromium/chromium-headless-shell\0--headless\0--remote-debugging-pipe",
     "chromium browser"),
    ("/usr/lib/chromium/chromium-headless-shell\0--type=zygote", "chromium zygote"),
    ("/proc/self/exe\0--type=renderer", cpuuse.STARTING),
    ("/x/playwright/driver/node\0/x/package/cli.js\0run-driver", "playwright driver"),
    ("/v/bin/python\0-m\0ipykernel_launcher\0-f\0k.json", "kernel"),
    ("/v/bin/python\0-m\0jupyterlab\0--no-browser", "jupyter"),
    ("/v/bin/python\0-c\0import sys", "python"),
    ("/v/bin/python3.11\0-c\0from playwright.sync_api import sync_playwright", "python"),
    ("/usr/bin/make\0test", "make"),
])
def test_a_process_is_named_by_its_kind(cmdline, expected):
    assert cpuuse.kind(cmdline) == expected


def test_the_summary_adds_up_each_kind_and_file(tmp_path):
    log = tmp_path / "cpu.tsv"
    rows = [("tests/browser/test_a.py::t[1]", 2.0, {"chromium renderer": 1.5, "python": 0.5}),
            ("tests/browser/test_a.py::t[2]", 1.0, {"chromium renderer": 0.5}),
            ("tests/kit/test_b.py::u", 0.5, {"python": 1.0})]
    log.write_text("".join(f"{n}\t{w}\t{sum(k.values())}\tgw0\t{json.dumps(k)}\n"
                           for n, w, k in rows), encoding="utf-8")
    lines = cpuuse.summary(log)
    assert lines[0] == "3 tests, 4 CPU s"
    assert "| chromium renderer | 2 | 57% |" in lines
    assert "| python | 2 | 43% |" in lines
    assert "| tests/browser/test_a.py | 2.5 | 3.0 |" in lines
    assert "| tests/kit/test_b.py | 1.0 | 0.5 |" in lines
