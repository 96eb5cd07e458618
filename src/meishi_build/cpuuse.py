"""Where the test run's CPU goes: each test's CPU time, by kind of process, in its worker's
whole process tree (the worker, its Playwright driver, Chromium's processes, kernels).

Why polling: Chromium's zygote lets the kernel reap the renderers it forks (their exit is
not waited for), so a renderer's CPU never reaches its parent's ``cutime`` and is lost to
``getrusage``, ``time`` and any sum of the processes alive at one moment. This samples
every process under the worker every 0.1 s and adds what each used since it was last
seen; a process's last tenth of a second before it ends is all that escapes (a renderer
lives for a test's page, seconds). On this machine's suite that counted 780 CPU s where
``/usr/bin/time`` around pytest saw 366 and a 1 s sampler of whole processes 655.

As a pytest plugin (``MEISHI_CPULOG=FILE pytest -p meishi_build.cpuuse``) it appends a
line per test to FILE: node id, wall seconds, CPU seconds, worker, CPU by kind (JSON).
``python -m meishi_build.cpuuse FILE`` sums such a file by test file and by kind. Linux
only (``/proc``); a measurement, not a test: nothing in ``make test`` loads it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
#: What a process is called until its command line says what it is.
STARTING = "starting"
#: Kinds read again at each poll: a zygote's child starts as a copy of it (a renderer is
#: called a zygote until its command line is set).
PROVISIONAL = (STARTING, "chromium zygote")
#: Chromium's process types, from its --type switch.
CHROMIUM_TYPES = ("renderer", "gpu-process", "utility", "zygote")


def kind(cmdline: str) -> str:
    """The kind of process a command line (NUL-separated, as /proc gives it) belongs to."""
    words = cmdline.replace("\0", " ")
    program = Path(words.split(" ", 1)[0]).name
    if words.startswith("/proc/self/exe"):  # a zygote's child before its command line is set
        return STARTING
    if program.startswith("python"):
        return ("kernel" if "ipykernel" in words else "jupyter" if "jupyter" in words
                else "python")
    if "chrom" in program:
        for t in CHROMIUM_TYPES:
            if f"--type={t}" in words:
                return f"chromium {t}"
        return "chromium browser"
    if program == "node" and "playwright" in words:
        return "playwright driver"
    return program or "other"


def _read(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def _tree(root: int) -> Iterator[tuple[tuple[int, str], int]]:
    """``((pid, start time), CPU ticks used)`` of ``root`` and every process under it."""
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            fields = _read(f"/proc/{pid}/stat").rsplit(")", 1)[1].split()
            for task in os.listdir(f"/proc/{pid}/task"):
                todo += [int(c) for c in _read(f"/proc/{pid}/task/{task}/children").split()]
        except (OSError, IndexError):
            continue  # ended while being read
        yield (pid, fields[19]), int(fields[11]) + int(fields[12])


class TreeCPU:
    """CPU seconds used by ``root``'s process tree since the last :meth:`take`, by kind."""

    def __init__(self, root: int | None = None, every: float = 0.1) -> None:
        self.root = os.getpid() if root is None else root
        self.every = every
        self._lock = threading.Lock()
        self._last: dict[tuple[int, str], tuple[str, int]] = {}
        self._used: Counter = Counter()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll(self) -> None:
        seen = list(_tree(self.root))
        with self._lock:
            for key, ticks in seen:
                what, before = self._last.get(key, (STARTING, 0))
                if what in PROVISIONAL:
                    with contextlib.suppress(OSError):  # ended since
                        what = kind(_read(f"/proc/{key[0]}/cmdline"))
                self._used[what] += ticks - before
                self._last[key] = (what, ticks)

    def start(self) -> TreeCPU:
        self.poll()
        self.take()

        def run() -> None:
            while not self._stop.wait(self.every):
                self.poll()

        self._thread = threading.Thread(target=run, name="cpuuse", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def take(self) -> dict[str, float]:
        """CPU seconds by kind since the last take (polling once more first)."""
        self.poll()
        with self._lock:
            used, self._used = self._used, Counter()
        return {k: round(v / HZ, 2) for k, v in used.most_common() if v}


# -- the pytest plugin -------------------------------------------------------------------

_meter: TreeCPU | None = None


def pytest_configure(config) -> None:
    global _meter
    if os.environ.get("MEISHI_CPULOG") and Path("/proc/self/stat").is_file():
        _meter = TreeCPU().start()


def pytest_unconfigure(config) -> None:
    if _meter is not None:
        _meter.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """The test's wall and CPU time (setup, call and teardown), appended to $MEISHI_CPULOG."""
    if _meter is None:
        return (yield)
    _meter.take()
    start = time.monotonic()
    try:
        return (yield)
    finally:
        used = _meter.take()
        line = "\t".join([item.nodeid, f"{time.monotonic() - start:.3f}",
                          f"{sum(used.values()):.2f}",
                          os.environ.get("PYTEST_XDIST_WORKER", "main"), json.dumps(used)])
        with open(os.environ["MEISHI_CPULOG"], "a", encoding="utf-8") as f:
            f.write(line + "\n")


# -- the summary -------------------------------------------------------------------------

def summary(path: Path, top: int = 20) -> list[str]:
    """CPU seconds by kind of process and by test file, from a $MEISHI_CPULOG file."""
    by_kind: Counter = Counter()
    by_file: Counter = Counter()
    wall: Counter = Counter()
    tests = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        nodeid, seconds, _cpu, _worker, kinds = line.split("\t")
        used = json.loads(kinds)
        by_kind.update(used)
        by_file[nodeid.split("::")[0]] += sum(used.values())
        wall[nodeid.split("::")[0]] += float(seconds)
        tests += 1
    total = sum(by_kind.values())
    out = [f"{tests} tests, {total:.0f} CPU s", "", "| kind of process | CPU s | share |",
           "|---|---:|---:|"]
    out += [f"| {k} | {v:.0f} | {v / total:.0%} |" for k, v in by_kind.most_common()]
    out += ["", "| test file | CPU s | test s (summed) |", "|---|---:|---:|"]
    out += [f"| {f} | {v:.1f} | {wall[f]:.1f} |" for f, v in by_file.most_common(top)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", type=Path, help="a file written with MEISHI_CPULOG")
    parser.add_argument("--top", type=int, default=20, help="test files to list")
    args = parser.parse_args(argv)
    print("\n".join(summary(args.log, args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
