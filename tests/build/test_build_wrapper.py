"""The strict build wrapper (meishi_build.build) fails honestly.

Unit tests parse tracebacks copied from real myst-nb ``.err.log`` reports
and build logs; ``test_end_to_end_failing_book`` builds a tiny throwaway
book (one failing and one good notebook) with the real Jupyter Book, and
checks that the good notebook still ran, the stale book is gone, the
reports were kept and the summary names the failure (about 10 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from meishi_build.build import (
    CellFailure,
    cell_position,
    collect_failures,
    parse_cell_error,
    parse_warnings,
    summarize,
)

# From a real _build/html/reports/a_bad.err.log (myst-nb 1.4, nbclient 0.11, IPython 9).
ERR_LOG = (
    "Traceback (most recent call last):\n"
    '  File ".../nbclient/client.py", line 918, in _check_raise_for_error\n'
    "    raise CellExecutionError.from_cell_and_msg(cell, exec_reply_content)\n"
    "nbclient.exceptions.CellExecutionError: An error occurred while executing the following"
    " cell:\n------------------\ny = 2\nz = x / 0\nprint(z)\n------------------\n\n\n"
    "\x1b[31m-----------------------------------------------------------------\x1b[39m\n"
    "\x1b[31mZeroDivisionError\x1b[39m                         Traceback (most recent call last)\n"
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[2]\x1b[39m\x1b[32m, line 2\x1b[39m\n"
    "\x1b[32m      1\x1b[39m y = \x1b[32m2\x1b[39m\n"
    "\x1b[32m----> \x1b[39m\x1b[32m2\x1b[39m z = x / \x1b[32m0\x1b[39m\n"
    "\x1b[32m      3\x1b[39m print(z)\n\n"
    "\x1b[31mZeroDivisionError\x1b[39m: division by zero\n"
)

# The error is raised in a function defined in an earlier cell: two cell frames.
ERR_LOG_NESTED = (
    "nbclient.exceptions.CellExecutionError: An error occurred while executing the following"
    " cell:\n------------------\ndata = {}\nf(data)\n------------------\n\n\n"
    "\x1b[31mKeyError\x1b[39m                                  Traceback (most recent call last)\n"
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[2]\x1b[39m\x1b[32m, line 2\x1b[39m\n"
    "\x1b[32m      1\x1b[39m data = {}\n\x1b[32m----> \x1b[39m\x1b[32m2\x1b[39m f(data)\n\n"
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[1]\x1b[39m\x1b[32m, line 2\x1b[39m, in "
    "\x1b[36mf\x1b[39m\x1b[34m(d)\x1b[39m\n"
    "\x1b[32m----> \x1b[39m\x1b[32m2\x1b[39m     return d['missing']\n\n"
    "\x1b[31mKeyError\x1b[39m: 'missing'\n\n"
)

ERR_LOG_TIMEOUT = (
    "Traceback (most recent call last):\n"
    '  File ".../nbclient/client.py", line 801, in _async_poll_for_reply\n'
    "    raise CellTimeoutError.error_from_timeout_and_cell(\n"
    "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, "
    "after 300 seconds.\nThe message was: Cell execution timed out.\n"
    "Here is a preview of the cell contents:\n-------------------\n['import time']\n"
    "-------------------\n"
)

BUILD_LOG = (
    "\x1b[01mreading sources... \x1b[39;49;00m[ 67%] \x1b[35mb_good\x1b[39;49;00m\n"
    "[IPKernelApp] WARNING | Kernel is running over TCP without encryption.\n"
    "\x1b[91m/book/a_bad.ipynb: WARNING: Executing notebook failed: CellExecutionError\n"
    "\x1b[91m/book/a_bad.ipynb: WARNING: Notebook exception traceback saved in: "
    "/book/_build/html/reports/a_bad.err.log [mystnb.exec]\x1b[39;49;00m\n"
    "\x1b[91m/book/intro.md:3: WARNING: undefined label: 'nowhere'\x1b[39;49;00m\n"
    "\x1b[01mbuild finished with problems, 3 warnings.\x1b[39;49;00m\n"
)


def test_parse_cell_error_names_cell_line_and_exception() -> None:
    info = parse_cell_error(ERR_LOG)
    assert info["source"] == "y = 2\nz = x / 0\nprint(z)"
    assert (info["exec_count"], info["line"]) == (2, 2)
    assert info["exception"] == "ZeroDivisionError: division by zero"
    assert info["source_line"] == "z = x / 0"


def test_parse_cell_error_uses_the_failing_cells_frame() -> None:
    info = parse_cell_error(ERR_LOG_NESTED)
    assert (info["exec_count"], info["line"]) == (2, 2)
    assert info["source_line"] == "f(data)"
    assert info["exception"] == "KeyError: 'missing'"


def test_parse_cell_error_without_a_cell_keeps_the_exception() -> None:
    info = parse_cell_error(ERR_LOG_TIMEOUT)
    assert info["source"] is None
    assert info["exception"].startswith("nbclient.exceptions.CellTimeoutError: A cell timed out")


def test_parse_warnings_keeps_sphinx_warnings_only() -> None:
    warnings = parse_warnings(BUILD_LOG + "Exception occurred:\n  File 'x'\nValueError: boom\n")
    assert len(warnings) == 4
    assert not any("IPKernelApp" in w or "\x1b" in w for w in warnings)
    assert warnings[-1] == "Sphinx stopped: ValueError: boom"


def _notebook(path: Path, *sources: str) -> None:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Title"]}]
    cells += [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
               "source": src} for src in sources]
    path.write_text(json.dumps({
        "cells": cells, "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}}}), encoding="utf-8")


def test_cell_position_counts_every_cell(tmp_path: Path) -> None:
    _notebook(tmp_path / "a.ipynb", "x = 1", "y = 2\nz = x / 0\nprint(z)")
    assert cell_position(tmp_path / "a.ipynb", "y = 2\nz = x / 0\nprint(z)\n") == 3
    assert cell_position(tmp_path / "a.ipynb", "not there") is None


def test_collect_failures_and_summary(tmp_path: Path) -> None:
    (tmp_path / "chapters").mkdir()
    _notebook(tmp_path / "chapters" / "a_bad.ipynb", "x = 1", "y = 2\nz = x / 0\nprint(z)")
    reports = tmp_path / "_build" / "reports" / "chapters"
    reports.mkdir(parents=True)
    (reports / "a_bad.err.log").write_text(ERR_LOG, encoding="utf-8")
    log = BUILD_LOG.replace("/book/", f"{tmp_path}/chapters/")
    failures = collect_failures(tmp_path, reports.parent, log)
    assert [f.notebook for f in failures] == ["chapters/a_bad.ipynb"]
    assert (failures[0].position, failures[0].exec_count) == (3, 2)
    text = summarize(failures, parse_warnings(log), tmp_path,
                     tmp_path / "_build" / "html", removed=True)
    assert "chapters/a_bad.ipynb, cell 3 (In[2], line 2): ZeroDivisionError" in text
    assert "    z = x / 0" in text
    assert "1 other warnings/errors:" in text
    assert "  chapters/intro.md:3: WARNING" in text  # shortened to the root
    assert "undefined label" in text
    assert "was removed" in text


def test_summary_without_notebook_errors_lists_warnings(tmp_path: Path) -> None:
    text = summarize([], ["intro.md:3: WARNING: undefined label: 'x'"], tmp_path,
                     tmp_path / "html", removed=False)
    assert "1 warnings/errors:" in text
    assert "undefined label" in text
    assert "removed" not in text
    assert CellFailure("n.ipynb", "E: x").describe() == "n.ipynb, cell ?: E: x"


def _tiny_book(root: Path, marker: Path) -> None:
    root.mkdir()
    (root / "_config.yml").write_text(
        "title: Tiny\nauthor: Tests\nonly_build_toc_files: true\n"
        "execute:\n  execute_notebooks: cache\n  timeout: 60\n  allow_errors: false\n"
        "sphinx:\n  config:\n    nb_execution_raise_on_error: false\n", encoding="utf-8")
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n- file: a_bad\n- file: b_good\n",
        encoding="utf-8")
    (root / "intro.md").write_text("# Intro\n\nA tiny book.\n", encoding="utf-8")
    _notebook(root / "a_bad.ipynb", "x = 1", "y = 2\nz = x / 0\nprint(z)")
    _notebook(root / "b_good.ipynb",
              f"from pathlib import Path\nPath({str(marker)!r}).write_text('ran')")


def test_end_to_end_failing_book(tmp_path: Path) -> None:
    """A real build: the good notebook still runs, no stale book, a summary at the end."""
    book, marker = tmp_path / "book", tmp_path / "good-notebook-ran.txt"
    _tiny_book(book, marker)
    stale = book / "_build" / "html" / "stale.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("an old book", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "meishi_build.build", "--root", str(book)],
        cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False)
    out = result.stdout
    assert result.returncode != 0, out
    assert marker.read_text() == "ran", "keep-going must still execute the good notebook"
    assert not (book / "_build" / "html").exists()
    assert not (book / "_build" / ".doctrees").exists()
    reports = book / "_build" / "reports"
    assert "ZeroDivisionError" in (reports / "a_bad.err.log").read_text(encoding="utf-8")
    assert (reports / "build.log").is_file()
    tail = out[out.rindex("==== Build failed ===="):]
    assert "a_bad.ipynb, cell 3 (In[2], line 2): ZeroDivisionError: division by zero" in tail
    assert "z = x / 0" in tail
    assert "book/_build/reports/a_bad.err.log" in tail
    assert "b_good" not in tail


def test_collect_failures_from_the_log_when_there_is_no_report(tmp_path: Path) -> None:
    """With nb_execution_raise_on_error: true the build stops before writing a report."""
    _notebook(tmp_path / "a_bad.ipynb", "x = 1", "y = 2\nz = x / 0\nprint(z)")
    log = (f"\x1b[91m{tmp_path}/a_bad.ipynb: WARNING: Executing notebook failed: "
           f"CellExecutionError\n{ERR_LOG}\n [mystnb.exec]\x1b[39;49;00m\n\n"
           "Exception occurred:\n  File 'x'\n"
           f"myst_nb.core.execute.base.ExecutionError: {tmp_path}/a_bad.ipynb\n")
    failures = collect_failures(tmp_path, tmp_path / "no-reports", log)
    assert [(f.notebook, f.position, f.report) for f in failures] == [("a_bad.ipynb", 3, None)]
    text = summarize(failures, parse_warnings(log), tmp_path, tmp_path / "html", removed=False)
    assert "later notebooks were not executed" in text
    assert "other warnings" not in text


# -- the student edition, built beside the full book ------------------------------------

def _py(code: str) -> list[str]:
    return [sys.executable, "-c", code]


STAMP = "import os, pathlib, time; pathlib.Path({!r}).write_text(repr(time.time()))"


@pytest.fixture
def finished(monkeypatch):
    """build._finish recorded instead of run: (status, the log's words, doctrees given);
    the execution cache holds every notebook unless a test says otherwise."""
    from meishi_build import build, execute

    calls: list[tuple] = []

    def record(status, log, root, doctrees=None):
        calls.append((status, log.split(), doctrees is not None))
        return status
    monkeypatch.setattr(build, "_finish", record)
    monkeypatch.setattr(execute, "complete", lambda root, cache: True)
    return calls


def _overlap(tmp_path) -> tuple[list[str], list[str], Path, Path]:
    began, ended = tmp_path / "edition-began", tmp_path / "full-ended"
    full = _py("import time; time.sleep(2); print('full', flush=True); "
               + STAMP.format(str(ended)))
    edition = _py(STAMP.format(str(began)) + "; print('student-first'); "
                  "time.sleep(1); print('student-last')")
    return full, edition, began, ended


def test_with_every_notebook_cached_both_build_at_once_the_student_s_output_after(
        tmp_path, finished, capfd):
    """The edition runs while the full book is still building (it began before the full
    book ended), and what it printed is shown after the full book's output."""
    from meishi_build.build import both

    full, edition, began, ended = _overlap(tmp_path)
    assert both(full, (edition, tmp_path / "student"), dict(os.environ), tmp_path) == 0
    assert float(began.read_text()) < float(ended.read_text()), "one ran after the other"
    out = capfd.readouterr().out
    assert out.index("full") < out.index("student-first") < out.index("student-last"), out
    assert finished == [(0, ["full"], False), (0, ["student-first", "student-last"], True)]


@pytest.mark.parametrize("complete", [False, RuntimeError("no cache")],
                         ids=["a notebook to run", "unknown"])
def test_with_a_notebook_to_execute_the_edition_follows_the_full_book(
        tmp_path, finished, monkeypatch, capfd, complete):
    """Both builds would write the execution cache: one after the other, as before."""
    from meishi_build import execute
    from meishi_build.build import both

    def check(root, cache):
        if isinstance(complete, Exception):
            raise complete
        return complete
    monkeypatch.setattr(execute, "complete", check)
    full, edition, began, ended = _overlap(tmp_path)
    assert both(full, (edition, tmp_path / "student"), dict(os.environ), tmp_path) == 0
    assert float(began.read_text()) > float(ended.read_text())
    out = capfd.readouterr().out
    assert out.index("full") < out.index("student-first"), out
    assert finished == [(0, ["full"], False), (0, ["student-first", "student-last"], True)]


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_failed_full_book_stops_the_student_edition_and_removes_it(tmp_path, finished):
    """The edition, still writing into its folder, is ended before the folder goes."""
    from meishi_build.build import both

    out, pid = tmp_path / "student" / "html", tmp_path / "pid"
    out.mkdir(parents=True)
    (out / "index.html").write_text("an old edition", encoding="utf-8")
    writer = _py(f"import os, pathlib, time; pathlib.Path({str(pid)!r}).write_text("
                 f"str(os.getpid()))\nwhile True:\n    pathlib.Path({str(out)!r}).mkdir("
                 f"parents=True, exist_ok=True); time.sleep(0.01)")
    status = both(_py("import sys, time; time.sleep(1); print('broken'); sys.exit(3)"),
                  (writer, out), dict(os.environ), tmp_path)
    assert status == 3
    assert finished == [(3, ["broken"], False)]
    assert _gone(int(pid.read_text())), "the student edition still runs"
    assert not out.exists()


def test_a_failed_student_edition_is_the_build_s_status(tmp_path, finished):
    from meishi_build.build import both

    status = both(_py("print('full')"), (_py("import sys; print('bad'); sys.exit(4)"),
                                         tmp_path / "student"), dict(os.environ), tmp_path)
    assert status == 4
    assert finished == [(0, ["full"], False), (4, ["bad"], True)]


def test_ctrl_c_while_the_edition_builds_stops_it_and_reports_it(tmp_path, finished,
                                                                  monkeypatch):
    """As when the full book is interrupted: status 130, and the edition's failure handled
    (its report, no half-written edition left looking current)."""
    from meishi_build import streams
    from meishi_build.build import both

    pid = tmp_path / "pid"

    def interrupted(self):
        while not pid.is_file() or not pid.read_text():
            time.sleep(0.02)
        raise KeyboardInterrupt
    monkeypatch.setattr(streams.Beside, "wait", interrupted)
    edition = _py(f"import os, pathlib, time; print('begun', flush=True); "
                  f"pathlib.Path({str(pid)!r}).write_text(str(os.getpid())); time.sleep(60)")
    status = both(_py("print('full')"), (edition, tmp_path / "student"), dict(os.environ),
                  tmp_path)
    assert status == 130
    assert finished == [(0, ["full"], False), (130, ["begun"], True)]
    assert _gone(int(pid.read_text()))


def test_japanese_in_the_held_output_reaches_stdout_as_it_was(tmp_path, finished, capfdbinary):
    from meishi_build.build import both

    both(_py("print('full')"), (_py("import sys; sys.stdout.buffer.write('名刺\\n'.encode())"),
                                tmp_path / "student"), dict(os.environ), tmp_path)
    assert "名刺\n".encode() in capfdbinary.readouterr().out


def test_without_a_student_edition_only_the_full_book_is_built(tmp_path, finished):
    from meishi_build.build import both

    assert both(_py("print('full')"), None, dict(os.environ), tmp_path) == 0
    assert finished == [(0, ["full"], False)]
