"""meishi_build.cpuuse: a test's CPU, counted in every process of its tree, even one whose
CPU never reaches its parent's account (as Chromium's zygote's never reaches the
driver's), which getrusage cannot see."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import ROOT
from meishi_build import cpuuse

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").is_file(),
                                reason="reads /proc (Linux)")

#: A parent that ignores SIGCHLD (the kernel reaps its children, whose CPU is then in
#: nobody's account), waits to be told to start, starts a child that burns 0.6 s of CPU
#: and ends, says so, and waits to be told to stop.
PARENT = textwrap.dedent("""
    import signal, subprocess, sys
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    sys.stdin.readline()
    child = subprocess.Popen([sys.executable, "-c",
        "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.6: pass"])
    while True:
        try:
            child.wait(timeout=0.02)
        except subprocess.TimeoutExpired:
            continue
        except ChildProcessError:  # reaped by the kernel
            pass
        break
    print("ended", flush=True)
    sys.stdin.read()
""")


def test_the_cpu_of_a_child_nobody_waits_for_is_counted():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.3)  # the parent's own start-up, before the meter starts
        meter = cpuuse.TreeCPU(root=parent.pid, every=0.05).start()
        try:
            parent.stdin.write("go\n")
            parent.stdin.flush()
            assert parent.stdout.readline().strip() == "ended", "the child did not end"
            used = meter.take()
        finally:
            meter.stop()
        parent.communicate("", timeout=20)
    finally:
        parent.kill()
        parent.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    counted = sum(used.values())
    # the child's 0.6 s, less its last reading's worth at most, and the parent's waiting
    assert used.get("python", 0) >= 0.5 and counted <= 1.0, used
    # all getrusage sees of the same tree: the parent's own start and wait, not the child
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) < 0.5


def test_the_plugin_writes_a_line_per_test_with_its_cpu(tmp_path):
    (tmp_path / "test_burn.py").write_text(textwrap.dedent("""
        import time
        def test_burns():
            t = time.process_time()
            while time.process_time() - t < 0.3:
                pass
        def test_sleeps():
            time.sleep(0.3)
    """), encoding="utf-8")
    log = tmp_path / "cpu.tsv"
    log.write_text("a line of an earlier run\n", encoding="utf-8")
    env = {**os.environ, "MEISHI_CPULOG": str(log),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-p", "no:xdist", "-p", "meishi_build.cpuuse", "test_burn.py"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(n, w) for n, _s, _c, w, _k in lines] == [("test_burn.py::test_burns", "main"),
                                                       ("test_burn.py::test_sleeps", "main")]
    (_, burn_s, burn_cpu, _, burn_kinds), (_, sleep_s, sleep_cpu, _, _) = lines
    assert 0.25 <= float(burn_cpu) <= 0.6 and float(sleep_cpu) < 0.1, lines
    assert float(sleep_s) >= 0.3 and float(burn_s) >= 0.3
    assert json.loads(burn_kinds).get("python", 0) >= 0.25


@pytest.mark.parametrize(("cmdline", "expected"), [
    ("/usr/lib/chromium/chromium-headless-shell\0--type=renderer\0--lang=en", "chromium renderer"),
    ("/usr/lib/chromium/chromium-headless-shell\0--headless\0--remote-debugging-pipe",
     "chromium browser"),
    ("/usr/lib/chromium/chromium-headless-shell\0--type=zygote", "chromium zygote"),
    ("/proc/self/exe\0--type=renderer\0--lang=en", "chromium renderer"),
    ("/proc/self/exe", cpuuse.STARTING),
    ("", cpuuse.STARTING),
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
    log.write_text("", encoding="utf-8")
    assert cpuuse.summary(log) == [f"0 tests, no CPU time recorded in {log}"]
