"""Build the book strictly, and fail honestly: ``python -m meishi_build.build [args…]``.

Runs ``jupyter-book build <root> --warningiserror --nitpick --keep-going``
(plus any further arguments), streaming its output as it comes.  A bare
Jupyter Book build fails badly for a reader of the log: the cause of a
failed notebook is buried hundreds of lines up, the half-written book in
``_build/html`` looks as current as a good one, and Sphinx's saved
environment makes the *next* build skip the broken notebook and pass.  So,
when the build fails, this wrapper

* moves myst-nb's execution reports (``_build/html/reports/*.err.log``) to
  ``_build/reports/``, with the whole log as ``build.log``, for CI to upload;
* removes ``_build/html`` (no stale book) and ``_build/.doctrees`` (so the
  next build reads the failed notebooks again; good ones come from the
  execution cache);
* prints, at the very end, a short summary naming each failed notebook, the
  cell, the exception and the failing source line, or else the build's
  WARNING/ERROR lines; and exits with the build's non-zero status.

The student edition (:mod:`meishi_build.edition`, ``_build/student/html``) is handled the
same way: built beside the full book when the execution cache holds every notebook (it
then executes nothing), else after it (:func:`both`); a failed full book removes it.

With ``nb_execution_raise_on_error: false`` in ``_config.yml`` a failing
notebook is a warning (an error under ``-W``), so ``--keep-going`` still
executes every other notebook and reports all failures in one run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

from meishi.paths import ROOT

from .edition import student_command
from .failures import (
    CellFailure,
    cell_position,
    collect_failures,
    parse_cell_error,
    parse_warnings,
    show,
    strip_ansi,
    summarize,
)
from .streams import Beside, run

__all__ = ["CellFailure", "both", "cell_position", "collect_failures", "main",
           "parse_cell_error", "parse_warnings", "summarize"]

STRICT = ("--warningiserror", "--nitpick", "--keep-going")


def _output_dir(log: str, root: Path) -> Path:
    match = re.search(r"^Output Path: (.+)$", strip_ansi(log), re.M)
    return Path(match.group(1).strip()) if match else root / "_build" / "html"


def _finish(status: int, log: str, root: Path, doctrees: Path | None = None) -> int:
    """After one build: cut the icon fonts, or report the failure and remove the book."""
    html = _output_dir(log, root)
    build = html.parent
    reports = build / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    if status == 0:
        if (html / "_static" / "vendor" / "fontawesome" / "webfonts").is_dir():
            from .iconfont import cut_book_fonts

            print(cut_book_fonts(html))
        return 0
    if (html / "reports").is_dir():
        shutil.move(str(html / "reports"), str(reports))
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "build.log").write_text(strip_ansi(log), encoding="utf-8")
    failures = collect_failures(root, reports, log)
    removed = html.exists()
    shutil.rmtree(html, ignore_errors=True)
    shutil.rmtree(doctrees or build / ".doctrees", ignore_errors=True)
    print(summarize(failures, parse_warnings(log), root, html, removed))
    print(f"Whole log: {show(reports / 'build.log')}")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Any other arguments are passed on to `jupyter-book build`.")
    parser.add_argument("--root", type=Path, default=ROOT, help="the book's folder")
    args, extra = parser.parse_known_args(argv)
    root: Path = args.root.resolve()
    exe = Path(sys.executable).with_name("jupyter-book")
    jb = str(exe) if exe.is_file() else (shutil.which("jupyter-book") or "jupyter-book")
    cmd = [jb, "build", str(root), *STRICT, *[a for a in extra if a not in STRICT]]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    try:  # the student edition, built beside the full book
        student = student_command(root, extra)
    except ValueError as exc:  # QUIZ_KEYS=maybe
        print(f"make book: {exc}", file=sys.stderr)
        return 2
    return both(cmd, student, env, root)


def both(cmd: list[str], student: tuple[list[str], Path] | None, env: dict[str, str],
         root: Path) -> int:
    """The full book, and the student edition (None: no edition); one status.

    When the execution cache holds every notebook (``meishi_build.execute`` saw them all
    cached, and none has changed since), the edition executes nothing: it is built beside
    the full book, on the other core, and its output, held back, is printed after the full
    book's.  Otherwise (a notebook to run, or not known) it is built after the full book,
    as before, since both would write the cache."""
    if student is None:
        return _finish(*run(cmd, env), root)
    doctrees = root / "_build" / ".doctrees"
    with Beside(student[0], env) as edition:
        _start_if_cached(edition, root)
        status, log = run(cmd, env)
        if status != 0:  # no stale student edition either
            edition.stop()
            shutil.rmtree(student[1], ignore_errors=True)
            return _finish(status, log, root)
        _finish(status, log, root)
        if not edition.started:
            return _finish(*run(student[0], env), root, doctrees)
        try:
            student_status, output = edition.wait()
        except KeyboardInterrupt:
            edition.stop()
            student_status, output = 130, edition.output()
    sys.stdout.flush()
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    return _finish(student_status, output.decode("utf-8", errors="replace"), root, doctrees)


def _start_if_cached(edition: Beside, root: Path) -> None:
    """Start the edition when ``meishi_build.execute`` saw every notebook cached and none
    has changed since; else (or if that cannot be read) it waits for the full book."""
    try:
        from .execute import complete

        if not complete(root, root / "_build" / ".jupyter_cache"):
            return
    except Exception:  # unknown: one after the other, as is safe
        return
    edition.start()


if __name__ == "__main__":
    sys.exit(main())
