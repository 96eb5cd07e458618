"""How long ``make test`` takes, phase by phase, and where pytest's time goes (for bench).

The phases are the steps of ``make test`` after the build (which the benchmark times on
its own): lint, the classroom notebooks, the handouts, the build again (cached: the
teacher's pages name each download's size), the publish check, and pytest as ``make
test`` runs it (three workers).  Inside pytest, each test's duration (from a JUnit XML
report) is summed by part of the suite: the notebooks nbval executes, then each folder
of ``tests/``.  With three workers the summed durations exceed the wall time, so the parts
are given as shares.  A pytest run that fails does not stop the benchmark: each test that
failed is named in the table (from the same report), or pytest's exit code when the report
names none, and the benchmark then says its budgets are missed.  A phase before pytest
that fails ends the phases there, as it ends ``make test``, and is named the same way (its
own error messages are shown above the tables).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from meishi.paths import ROOT

PYTEST = ["-m", "pytest", "-n", "3", "-q", "-p", "no:cacheprovider"]


def promised() -> dict[str, str]:
    """The environment ``make test`` builds and prints in: with a Chromium to print them
    (meishi_build.devserver.chromium_path), each chapter links the handout to come."""
    from .devserver import chromium_path

    return {**os.environ, "MEISHI_HANDOUTS": "promised" if chromium_path() else ""}


def _run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and exit code of one step, its output thrown away (its errors shown)."""
    start = time.perf_counter()
    code = subprocess.run(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL).returncode
    return time.perf_counter() - start, code


def part_of(classname: str, name: str) -> str:
    """The part of the suite a JUnit test case belongs to: "notebooks (nbval)" or tests/<folder>."""
    if ".ipynb" in classname or name.startswith("Cell "):
        return "notebooks (nbval)"
    parts = classname.split(".")
    return "/".join(parts[:2]) if parts[0] == "tests" and len(parts) > 2 else parts[0]


def pytest_parts(report: Path) -> Counter:
    """Seconds of test time per part of the suite, from a JUnit XML report."""
    seconds: Counter = Counter()
    for case in ET.parse(report).getroot().iter("testcase"):
        seconds[part_of(case.get("classname", ""), case.get("name", ""))] += \
            float(case.get("time", 0))
    return seconds


def failed_tests(report: Path, out=None) -> list[str]:
    """Every test case of a JUnit XML report that failed or raised an error, as
    ``classname::name`` (a file that could not be collected: its name alone), each one's
    report written to ``out``, a text stream, when given; "no test ran" when the report
    holds no test case at all (nothing was collected)."""
    root = ET.parse(report).getroot()
    failed = []
    for case in root.iter("testcase"):
        for kind in ("failure", "error"):
            what = case.find(kind)
            if what is None:
                continue
            failed.append("::".join(p for p in (case.get("classname"), case.get("name")) if p))
            if out is not None:
                print(f"{kind.upper()} {failed[-1]}\n{what.text or what.get('message', '')}",
                      file=out)
            break
    if not failed and not any(True for _ in root.iter("testcase")):
        failed = ["no test ran"]
    return failed


def pytest_outcome(report: Path, returncode: int, out=None) -> tuple[Counter, list[str]]:
    """pytest's parts and what failed, from its JUnit report and exit code: a non-zero
    exit that the report names no failure for (interrupted, an internal error) is named by
    its code, and so is a run that wrote no report."""
    if not report.is_file():
        return Counter(), [f"pytest exited {returncode} and wrote no report"]
    failed = failed_tests(report, out)
    if returncode and not failed:
        failed = [f"pytest exited {returncode}"]
    return pytest_parts(report), failed


def measure_phases() -> tuple[dict[str, float], Counter, list[str]]:
    """Wall seconds of each phase of ``make test`` after the build, pytest's parts, and
    what failed.  A step before pytest that fails ends the phases there, as it ends
    ``make test``: it is named, with its exit code, and pytest is not run."""
    bin_ = Path(sys.executable).parent
    env = promised()  # as make test: bench's builds link the handouts to come (bench.build)
    steps = {"lint": (["make", "--no-print-directory", "lint"], None),
             "notebooks": (["make", "--no-print-directory", "notebooks"], None),
             "handouts": ([sys.executable, "-m", "meishi_build.handouts", "--if-chromium"], env),
             "build again (the downloads' sizes)": ([sys.executable, "-m", "meishi_build.build"],
                                                    env),
             "publish": ([sys.executable, "-m", "meishi_build.publish", "--if-chromium"], env)}
    phases: dict[str, float] = {}
    for name, (args, step_env) in steps.items():
        phases[name], code = _run(args, step_env)
        if code:
            return phases, Counter(), [f"{name} exited {code}; make test stops there"]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        env = {**os.environ, "MEISHI_REQUIRE_BUILD": "1", "MEISHI_HANDOUTS": "",
               "PATH": f"{bin_}{os.pathsep}{os.environ.get('PATH', '')}"}
        phases["pytest (3 workers)"], code = _run(
            [sys.executable, *PYTEST, f"--junitxml={report}"], env)
        return phases, *pytest_outcome(report, code, sys.stderr)


def table(phases: dict[str, float], parts: Counter, failed: Sequence[str] = ()) -> list[str]:
    """Markdown: each phase's seconds and share, then pytest's parts by share of test time;
    before them, the tests that failed, if any."""
    total = sum(phases.values())
    lines = [f"**{len(failed)} failed in this run** (its times are not a passing run's): "
             + "; ".join(f"`{name}`" for name in failed), ""] if failed else []
    lines += ["| `make test` after the build | Seconds | Share |", "|---|---:|---:|"]
    lines += [f"| {name} | {sec:.0f} | {sec / total:.0%} |" for name, sec in phases.items()]
    lines += [f"| **total** | **{total:.0f}** | |", ""]
    busy = sum(parts.values()) or 1.0
    lines += ["| pytest part | Test time (s, summed over the workers) | Share |", "|---|---:|---:|"]
    lines += [f"| {name} | {sec:.0f} | {sec / busy:.0%} |" for name, sec in parts.most_common()]
    return [*lines, ""]
