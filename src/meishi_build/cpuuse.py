"""Where the test run's CPU goes: each test's CPU time, by kind of process, in its worker's
whole process tree (the worker, its Playwright driver, Chromium's processes, kernels).

Why polling: what Chromium's processes use does not all come back up to the driver that
started them. A renderer's CPU reaches its zygote's account of ended children, but the
zygote's and the browser's do not reach the driver's: eight chapter loads used 4.0 CPU s
in Chromium and the driver, of which ``getrusage`` of the ended children saw 1.9. So
``/usr/bin/time`` around pytest undercounts, and so does any sum of the processes alive
at one moment (a renderer ends with its page). This reads every process under the worker
every 0.1 s and adds what each used since it was last read: all that escapes is a
process's last tenth of a second, and the meter's own reading, counted apart ("meter").

As a pytest plugin (``MEISHI_CPULOG=FILE pytest -p meishi_build.cpuuse``) each worker (or
the one process, without xdist) writes a line per test to FILE, emptied when the run
starts: node id, wall seconds, CPU seconds, worker, CPU by kind (JSON).
``python -m meishi_build.cpuuse FILE`` sums such a file by kind and by test file. Linux
only (``/proc``); a measurement, not part of ``make test``; pytest is needed only for
the plugin (the package's wheel does not ship it).
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

try:
    import pytest
except ImportError:  # the wheel on a hub: the meter and the summary still work
    pytest = None

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
    if program.startswith("python"):
        return ("kernel" if "ipykernel" in words else "jupyter" if "jupyter" in words
                else "python")
    if "chrom" in program or words.startswith("/proc/self/exe --type="):
        for t in CHROMIUM_TYPES:
            if f"--type={t}" in words:
                return f"chromium {t}"
        return "chromium browser"
    if program == "node" and "playwright" in words:
        return "playwright driver"
    if words.startswith("/proc/self/exe"):  # a zygote's child before its command line is set
        return STARTING
    return program or STARTING


def _read(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def processes(root: int) -> Iterator[tuple[tuple[int, str], str, int]]:
    """``((pid, start time), name, CPU ticks used)`` of ``root``, then every process under it
    (a thread or process that ends while being read hides nothing else)."""
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            stat = _read(f"/proc/{pid}/stat")
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue  # ended
        for task in tasks:
            with contextlib.suppress(OSError):  # a thread that has ended
                todo += [int(c) for c in _read(f"/proc/{pid}/task/{task}/children").split()]
        name, fields = stat.rsplit(")", 1)
        fields = fields.split()
        yield (pid, fields[19]), name.split("(", 1)[-1], int(fields[11]) + int(fields[12])


class TreeCPU:
    """CPU seconds used by ``root``'s process tree since the last :meth:`take`, by kind.

    Reading costs the meter about 3 ms of CPU a time with a browser's tree under it; when
    it measures its own process, that is counted as "meter", not as the process's."""

    def __init__(self, root: int | None = None, every: float = 0.1) -> None:
        self.root = os.getpid() if root is None else root
        self.every = every
        self._lock = threading.Lock()
        self._last: dict[tuple[int, str], tuple[str, str, int]] = {}
        self._used: Counter = Counter()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll(self) -> None:
        with self._lock:  # one reading at a time, each applied in turn
            own, root_kind = time.thread_time(), None
            for key, name, ticks in processes(self.root):
                what, seen_as, before = self._last.get(key, (STARTING, name, 0))
                if what in PROVISIONAL or name != seen_as:
                    with contextlib.suppress(OSError):  # ended since
                        what = kind(_read(f"/proc/{key[0]}/cmdline"))
                self._used[what] += ticks - before
                self._last[key] = (what, name, ticks)
                if key[0] == self.root:
                    root_kind = what
            if self.root == os.getpid() and root_kind is not None:
                meter = (time.thread_time() - own) * HZ
                self._used["meter"] += meter
                self._used[root_kind] -= meter

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
        return {k: round(v / HZ, 3) for k, v in used.most_common() if round(v / HZ, 3)}


# -- the pytest plugin -------------------------------------------------------------------

_meter: TreeCPU | None = None
_log: Path | None = None
_worker = "main"


def pytest_configure(config) -> None:
    """Empty $MEISHI_CPULOG once, in the run's first process; start a meter in each process
    that runs tests (xdist's workers, or the one process without xdist)."""
    global _meter, _log, _worker
    if not os.environ.get("MEISHI_CPULOG") or not Path("/proc/self/stat").is_file():
        return
    _log = Path(os.environ["MEISHI_CPULOG"]).resolve()
    worker = hasattr(config, "workerinput")
    _worker = config.workerinput["workerid"] if worker else "main"
    if not worker:
        _log.write_text("", encoding="utf-8")
    if worker or not config.pluginmanager.hasplugin("dsession"):
        _meter = TreeCPU().start()


def pytest_unconfigure(config) -> None:
    if _meter is not None:
        _meter.stop()


def _protocol(item, nextitem):
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
                          f"{sum(used.values()):.3f}",
                          _worker, json.dumps(used)])
        with _log.open("a", encoding="utf-8") as f:
            f.write(line + "\n")


if pytest is not None:
    pytest_runtest_protocol = pytest.hookimpl(wrapper=True)(_protocol)
else:  # not a plugin without pytest
    del pytest_configure, pytest_unconfigure


# -- the summary -------------------------------------------------------------------------

def summary(path: Path, top: int = 20) -> list[str]:
    """CPU seconds by kind of process and by test file, from a $MEISHI_CPULOG file."""
    by_kind: Counter = Counter()
    by_file: Counter = Counter()
    wall: Counter = Counter()
    tests = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        nodeid, seconds, _cpu, _on, kinds = line.split("\t")
        used = json.loads(kinds)
        by_kind.update(used)
        by_file[nodeid.split("::")[0]] += sum(used.values())
        wall[nodeid.split("::")[0]] += float(seconds)
        tests += 1
    total = sum(by_kind.values())
    if not total:
        return [f"{tests} tests, no CPU time recorded in {path}"]
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
