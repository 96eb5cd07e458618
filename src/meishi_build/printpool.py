"""Pages of the built book printed to PDF two at a time (``make handouts``).

Printing a page is mostly Chromium's own work (loading, laying out, then writing the
PDF), on about one CPU core at a time. :func:`print_pages` starts one printer process per
core this process may use (at most two), each with its own Chromium and server; a printer
takes the next job as soon as it is free, and what each print returns comes back in the
jobs' order. Each PDF holds the same pages and text as when one process prints them all
(Chromium's PDFs of the chapters differ in some bytes from one printing to the next
either way).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import traceback
from pathlib import Path

__all__ = ["Job", "cores", "print_pages", "workers_for"]

#: One print: the page's path in the book, the mode ("handout" or "answers"), the PDF to
#: write and the label of its running header (the arguments of handouts.print_page).
Job = tuple[str, str, Path, str]


def cores() -> int:
    """The cores this process may run on: its CPU affinity, and a cgroup quota if any."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text(encoding="ascii").split()
        if quota != "max":
            n = min(n or 1, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return n or 1


def workers_for(jobs: int, available: int | None = None) -> int:
    """How many printers: one per core, at most two, never more than jobs."""
    return max(1, min(available or cores(), 2, jobs))


def _printer(html: str, jobs, results) -> None:
    """A printer process: its own server and Chromium; (index, job) in, (index, kept,
    error) out, until None."""
    from .devserver import chromium, serve
    from .handouts import print_page

    try:
        with serve(Path(html)) as base, chromium() as browser:
            while (item := jobs.get()) is not None:
                index, job = item
                try:
                    results.put((index, print_page(browser, base, *job), None))
                except Exception:
                    results.put((index, None, traceback.format_exc()))
    except Exception:
        results.put((None, None, traceback.format_exc()))


def print_pages(html: Path, jobs: list[Job], workers: int | None = None) -> list[int]:
    """Print ``jobs`` from the book in ``html``; what each returned, in the jobs' order.
    The first failure is raised (as RuntimeError, with the printer's traceback)."""
    workers = workers or workers_for(len(jobs))
    if workers == 1:
        return _printer_inline(html, jobs)
    # fork where there is one: a spawned process imports the caller's main module again,
    # which breaks a script without a main guard; nothing here has started Chromium yet
    ctx = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    todo, done = ctx.Queue(), ctx.Queue()
    for item in enumerate(jobs):
        todo.put(item)
    for _ in range(workers):
        todo.put(None)
    printers = [ctx.Process(target=_printer, args=(str(html), todo, done)) for _ in range(workers)]
    for p in printers:
        p.start()
    out: dict[int, int] = {}
    try:
        while len(out) < len(jobs):
            try:
                index, kept, error = done.get(timeout=5)
            except queue.Empty:
                if not any(p.is_alive() for p in printers):
                    raise RuntimeError("the printers stopped before every page was printed") \
                        from None
                continue
            if error is not None:
                where = f"printing {jobs[index][0]} ({jobs[index][1]})" if index is not None \
                    else "starting a printer"
                raise RuntimeError(f"{where} failed:\n{error}")
            out[index] = kept
    finally:
        unfinished = len(out) < len(jobs)  # after a failure: stop the other printer too
        for p in printers:
            if unfinished:
                p.terminate()
            p.join()
    return [out[i] for i in range(len(jobs))]


def _printer_inline(html: Path, jobs: list[Job]) -> list[int]:
    from .devserver import chromium, serve
    from .handouts import print_page

    with serve(html) as base, chromium() as browser:
        return [print_page(browser, base, *job) for job in jobs]
