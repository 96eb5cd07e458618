"""A failed `make book` leaves no stale book and no stale report, and says why once, at the end.

The driver (meishi_build.book) is checked with small stand-in steps; two
end-to-end runs of `make book` in a temporary copy of the project (sharing
this checkout's .venv and npm packages read-only, through links) check the
real steps: a data error caught while the teacher's guide pages are written,
and a syntax error in a widget's front end caught by the web bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from meishi_build.book import Step, run_steps, steps

PY = sys.executable
OLD_LOG = "the log of an earlier build"


def _stale(root: Path) -> None:
    (root / "_build" / "html").mkdir(parents=True)
    (root / "_build" / "html" / "index.html").write_text("an old book", encoding="utf-8")
    (root / "_build" / "reports").mkdir()
    (root / "_build" / "reports" / "build.log").write_text(OLD_LOG, encoding="utf-8")
    (root / "_build" / "reports" / "old.err.log").write_text(OLD_LOG, encoding="utf-8")
    (root / "_build" / "slides").mkdir()
    (root / "_build" / "slides" / "index.html").write_text("old decks", encoding="utf-8")


def _py(code: str, name: str = "a step", summarizes: bool = False) -> Step:
    return Step(name, (PY, "-c", code), summarizes=summarizes)


def test_every_step_of_make_book_is_run_by_the_driver() -> None:
    names = [s.argv[-1] if "make" in s.argv[0] else s.argv[2] for s in steps(make="make")]
    assert names == ["web", "meishi_build.guide", "_build/.inputs-stamp", "meishi_build.execute",
                     "meishi_build.build", "meishi_build.slides_html"]
    assert [s.summarizes for s in steps()] == [False, False, False, False, True, False]
    assert steps(["--quiet"])[-2].argv[-1] == "--quiet"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "book: $(STAMP)\n\t$(BIN)/python -m meishi_build.book\n" in makefile
    assert "INPUTS_STAMP := _build/.inputs-stamp\n" in makefile


def test_a_failed_step_removes_the_book_replaces_the_report_and_says_why_once(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _stale(tmp_path)
    fail = ("import sys\n"
            "for _ in range(3): print('data.csv, line 2: is empty\\n', file=sys.stderr)\n"
            "print('make[1]: *** [Makefile:9: web/dist/.built] Error 1', file=sys.stderr)\n"
            "sys.exit(3)")
    status = run_steps([_py("print('first step ran')", "first"), _py(fail, "second"),
                        _py("open('third-ran', 'w')", "third")], tmp_path)
    out, err = capfd.readouterr()
    assert status == 3
    assert not (tmp_path / "_build" / "html").exists()
    assert not (tmp_path / "_build" / "slides").exists(), "decks made from the old book remain"
    assert not (tmp_path / "third-ran").exists()
    log = (tmp_path / "_build" / "reports" / "build.log").read_text(encoding="utf-8")
    assert OLD_LOG not in log and "first step ran" in log and "line 2: is empty" in log
    assert not (tmp_path / "_build" / "reports" / "old.err.log").exists()
    assert err == ""
    assert out.count("data.csv, line 2: is empty") == 1
    assert out.index("first step ran") < out.index("==== Build failed ====")
    tail = out[out.index("==== Build failed ===="):]
    assert tail.splitlines()[1] == "Failed: second at web/dist/.built (exit status 3)."
    assert "***" not in tail
    assert "was removed so no stale copy looks current" in tail
    assert tail.rstrip().endswith("build.log")


def test_the_build_wrappers_own_summary_and_reports_are_kept(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _stale(tmp_path)
    wrapper = ("import pathlib, shutil\n"
               "shutil.rmtree('_build/html')\n"
               "pathlib.Path('_build/reports').mkdir()\n"
               "pathlib.Path('_build/reports/build.log').write_text('this run')\n"
               "print('==== Build failed ====\\nnb.ipynb, cell 3: ZeroDivisionError')\n"
               "raise SystemExit(1)")
    assert run_steps([_py(wrapper, "the book", summarizes=True)], tmp_path) == 1
    out, _err = capfd.readouterr()
    assert out.count("ZeroDivisionError") == 1 and out.count("==== Build failed ====") == 1
    assert out.rstrip().endswith("ZeroDivisionError")
    assert (tmp_path / "_build" / "reports" / "build.log").read_text() == "this run"


def test_a_crashed_build_wrapper_still_leaves_no_stale_book(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _stale(tmp_path)
    assert run_steps([_py("raise RuntimeError('wrapper bug')", "the book", summarizes=True)],
                     tmp_path) == 1
    out, _err = capfd.readouterr()
    assert out.count("wrapper bug") == 1  # its traceback, streamed; the summary points to it
    assert not (tmp_path / "_build" / "html").exists()
    log = (tmp_path / "_build" / "reports" / "build.log").read_text(encoding="utf-8")
    assert OLD_LOG not in log and "wrapper bug" in log


def test_a_step_that_cannot_start_is_a_failure_too(tmp_path: Path,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    _stale(tmp_path)
    missing = Step("a tool", (str(tmp_path / "no-such-tool"),))
    assert run_steps([missing], tmp_path) == 127
    out, _err = capfd.readouterr()
    assert "cannot run" in out and not (tmp_path / "_build" / "html").exists()


# ---- end to end: `make book` in a temporary copy of the project ----

_LEAVE_OUT = shutil.ignore_patterns(".git", "_build", ".venv", "node_modules", "__pycache__",
                                    ".ipynb_checkpoints", ".pytest_cache", ".ruff_cache")


def _copy_project(tmp_path: Path) -> Path:
    """This checkout without its book; .venv and npm packages reached through links.

    Nothing may reinstall into the shared ones: the set-up files are dated 2000 and
    the copy's npm stamp is its own, so make finds .venv and node_modules current.
    """
    venv, modules = (ROOT / ".venv").resolve(), (ROOT / "web" / "node_modules").resolve()
    if shutil.which("make") is None or not (venv / ".installed").is_file() \
            or not (modules / "esbuild").exists():
        pytest.skip("needs make, a set-up .venv and web/node_modules")
    copy = tmp_path / "course"
    shutil.copytree(ROOT, copy, ignore=_LEAVE_OUT, symlinks=True)
    (copy / ".venv").symlink_to(venv)
    (copy / "web" / "node_modules").mkdir()
    for entry in modules.iterdir():
        if entry.name != ".installed":
            (copy / "web" / "node_modules" / entry.name).symlink_to(entry)
    (copy / "web" / "node_modules" / ".installed").touch()
    for name in ("requirements.txt", "constraints.txt", "pyproject.toml", "web/package.json",
                 "web/package-lock.json"):
        os.utime(copy / name, (946_684_800, 946_684_800))
    for built in ("web/dist/.built", "_static/vendor/meishi/host.js",
                  "_static/vendor/fonts/noto-sans-jp.css"):
        if (copy / built).is_file():  # built here already: make need not build them again
            (copy / built).touch()
    _stale(copy)
    return copy


def _make_book(copy: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    for inherited in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):  # as a reader's own `make book`,
        env.pop(inherited, None)                           # also when run under `make test`
    return subprocess.run(["make", "--no-print-directory", "book"], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def _check_failed_cleanly(copy: Path, result: subprocess.CompletedProcess[str],
                          error: str) -> str:
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert not (copy / "_build" / "html").exists(), out
    log = (copy / "_build" / "reports" / "build.log").read_text(encoding="utf-8")
    assert OLD_LOG not in log and error in log
    assert out.count(error) == 1, out
    tail = result.stdout[result.stdout.rindex("==== Build failed ===="):]
    assert error in tail
    assert "was removed so no stale copy looks current" in tail
    assert result.stderr.strip().startswith("make: *** [Makefile"), result.stderr
    return tail


def test_make_book_with_a_data_error_in_the_guide_step(tmp_path: Path) -> None:
    """The issue's example: the guide pages read the data; a blank country stops them."""
    copy = _copy_project(tmp_path)
    data = copy / "assets" / "data" / "tenure_by_country.csv"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = "," + lines[1].split(",", 1)[1]
    dated = data.stat()
    data.write_text("".join(lines), encoding="utf-8")
    os.utime(data, ns=(dated.st_atime_ns, dated.st_mtime_ns))  # the font need not be cut again
    result = _make_book(copy)
    tail = _check_failed_cleanly(
        copy, result, "tenure_by_country.csv, line 2, column 'country': is empty")
    assert "Failed: the teacher's guide pages" in tail


def test_make_book_with_a_broken_widget_front_end(tmp_path: Path) -> None:
    """A module every widget's bundle imports: esbuild meets its error once per bundle."""
    copy = _copy_project(tmp_path)
    script = copy / "web" / "src" / "kit" / "chart.js"
    script.write_text(script.read_text(encoding="utf-8") + "\nconst = ;\n", encoding="utf-8")
    result = _make_book(copy)
    tail = _check_failed_cleanly(copy, result, "Expected identifier but found")
    assert "Failed: the web bundle" in tail and "at web/dist/.built" in tail


@pytest.mark.parametrize("chromium", ["a file", None], ids=["$CHROMIUM set", "as found"])
def test_make_test_promises_the_handouts_exactly_when_they_can_be_printed(
        tmp_path, monkeypatch, chromium):
    """make test builds each chapter linking its handout (MEISHI_HANDOUTS=promised) only if
    the handouts step will print it: the Makefile asks meishi_build.devserver.chromium_path,
    as the handouts step does, in the same environment."""
    from meishi_build import devserver

    monkeypatch.delenv("CHROMIUM", raising=False)
    if chromium:
        (tmp_path / "chromium").write_text("", encoding="utf-8")
        monkeypatch.setenv("CHROMIUM", str(tmp_path / "chromium"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    shown = subprocess.run(
        ["make", "-s", "--eval", "show-promise: ; @echo '[$(HANDOUTS_PROMISE)]'",
         "show-promise"], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    assert shown.strip() == f"[{'promised' if devserver.chromium_path() else ''}]"
