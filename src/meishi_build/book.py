"""``make book`` after set-up, failing cleanly: ``python -m meishi_build.book [args…]``.

The book is made in steps: the widgets' web bundle and the Japanese font cut
(``make web``), the teacher's guide pages (:mod:`meishi_build.guide`), the
inputs stamp that drops stale execution caches (``make _build/.inputs-stamp``),
the notebooks the cache lacks, executed two at a time into it
(:mod:`meishi_build.execute`; a failure there is left for the build to report),
and the strict build (:mod:`meishi_build.build`, any further arguments passed
on).  Make alone would stop at a failed step and leave the previous book in
``_build/html`` looking current, with an old ``_build/reports/build.log``
beside it.  This driver runs the steps in order and, when one fails,

* removes ``_build/html``, so no stale book remains;
* leaves in ``_build/reports/`` only this run's reports: the build wrapper's
  own when it was the step that failed, else a fresh ``build.log`` holding the
  output of every step run;
* prints the error once, at the very end: a step's error messages (its
  standard error) are held back and shown in the summary, each line once;
  the build wrapper prints its own summary last.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from meishi.paths import ROOT

from .streams import echo

__all__ = ["Step", "StepResult", "main", "run_steps", "steps", "summary"]

#: The line GNU make prints for a failed rule; the summary names the target instead.
_MAKE_ERROR = re.compile(r"^make(?:\[\d+\])?: \*\*\* (?:\[[^\]]*?: ([^\]]+)\] )?(.*)$")
_OWN_SUMMARY = "==== Build failed ===="


@dataclass(frozen=True)
class Step:
    """One step of the book: a name for messages and the command that runs it."""

    name: str
    argv: tuple[str, ...]
    #: True for a step that prints its own failure summary last (the build wrapper):
    #: its standard error is streamed with its output, not held back.
    summarizes: bool = False


@dataclass
class StepResult:
    step: Step
    status: int
    output: str
    errors: str


def steps(extra: list[str] | None = None, make: str | None = None) -> list[Step]:
    """The book's steps after set-up, in order."""
    make = make or os.environ.get("MAKE") or "make"
    python = sys.executable
    return [
        Step("the web bundle and the Japanese font (make web)",
             (make, "--no-print-directory", "web")),
        Step("the teacher's guide pages (meishi_build.guide)",
             (python, "-m", "meishi_build.guide")),
        Step("the inputs stamp (make _build/.inputs-stamp)",
             (make, "--no-print-directory", "_build/.inputs-stamp")),
        Step("the notebooks, executed in parallel into the cache (meishi_build.execute)",
             (python, "-m", "meishi_build.execute")),
        Step("the book (meishi_build.build)",
             (python, "-m", "meishi_build.build", *(extra or [])), summarizes=True),
        # The lecture decks, from the built pages and the teacher's guide (their PDFs: make slides).
        Step("the slide decks (meishi_build.slides_html)",
             (python, "-m", "meishi_build.slides_html")),
    ]


def _run(step: Step, root: Path) -> StepResult:
    """Run ``step`` in ``root``, streaming its output; hold its standard error back."""
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(step.argv, cwd=root, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT if step.summarizes else errors)
        except OSError as exc:
            return StepResult(step, 127, "", f"cannot run {step.argv[0]}: {exc.strerror}\n")
        with proc:
            status, output = echo(proc)
        errors.seek(0)
        text = errors.read().decode("utf-8", errors="replace")
    return StepResult(step, status, output, text)


def _error_lines(text: str) -> list[str]:
    """A step's error messages without make's own '***' lines, a repeated block once.

    Blocks are separated by blank lines; the tools the steps run print each of their
    errors once, and a block repeated whole (by a tool that does not) is shown once.
    """
    kept = [ln for ln in text.splitlines() if not _MAKE_ERROR.match(ln.strip())]
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", "\n".join(kept)):
        block = block.strip("\n").rstrip()
        if block and block not in blocks:
            blocks.append(block)
    return "\n\n".join(blocks).splitlines()


def _failed_target(text: str) -> str | None:
    targets = [m.group(1) for m in map(_MAKE_ERROR.match, text.splitlines()) if m and m.group(1)]
    return targets[0] if targets else None


def summary(result: StepResult, removed: Path | None, log: Path) -> str:
    """The block printed at the very end when a step other than the build fails."""
    target = _failed_target(result.errors)
    at = f" at {target}" if target else ""
    out = ["", _OWN_SUMMARY,
           f"Failed: {result.step.name}{at} (exit status {result.status})."]
    lines = _error_lines(result.errors)
    if result.step.summarizes:
        lines = lines or ["It stopped before its own summary; the end of its output above "
                          "says why."]
    out += lines or ["It printed no error message; look above for its output."]
    if removed is not None:
        out.append(f"The book in {_show(removed)} was removed so no stale copy looks current.")
    out.append(f"Whole log: {_show(log)}")
    return "\n".join(out)


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _clean_up(root: Path, results: list[StepResult]) -> tuple[Path | None, Path]:
    """After a failed step: no book, and in ``_build/reports`` only this run's reports."""
    html, reports = root / "_build" / "html", root / "_build" / "reports"
    removed = html if html.exists() else None
    shutil.rmtree(html, ignore_errors=True)
    shutil.rmtree(root / "_build" / "slides", ignore_errors=True)  # made from that book
    log = reports / "build.log"
    if log.is_file():
        return removed, log  # the build wrapper wrote this run's reports
    reports.mkdir(parents=True, exist_ok=True)
    log.write_text("".join(f"==== {r.step.name} ====\n{r.output}{r.errors}" for r in results),
                   encoding="utf-8")
    return removed, log


def run_steps(step_list: list[Step], root: Path) -> int:
    """Run the steps in order; on the first failure clean up and summarise once."""
    # An earlier run's reports are stale from now on: a failure writes its own.
    shutil.rmtree(root / "_build" / "reports", ignore_errors=True)
    results: list[StepResult] = []
    for step in step_list:
        result = _run(step, root)
        results.append(result)
        if result.status == 0:
            if result.errors:
                sys.stderr.write(result.errors)
            continue
        removed, log = _clean_up(root, results)
        if step.summarizes and _OWN_SUMMARY in result.output:
            if removed is not None:  # the wrapper removes the book itself; say so if it did not
                print(f"The book in {_show(removed)} was removed so no stale copy looks current.")
        else:
            print(summary(result, removed, log))
        return result.status
    return 0


def main(argv: list[str] | None = None) -> int:
    extra = list(sys.argv[1:] if argv is None else argv)
    return run_steps(steps(extra), ROOT)


if __name__ == "__main__":
    sys.exit(main())
