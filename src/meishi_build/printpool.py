"""Pages of the built book printed to PDF two at a time (``make handouts``).

Printing a page is mostly Chromium's own work (loading, laying out, then writing the
PDF), on one CPU core at a time. :func:`print_pages` deals the jobs in turn to two
processes, each with its own Chromium and server, so a machine with two cores prints two
pages at once; what each print returns comes back in the jobs' order. Each PDF holds
the same pages and text as when one process prints them all (Chromium's PDFs of the
chapters differ in some bytes from one printing to the next either way).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

__all__ = ["Job", "deal", "gather", "print_pages", "workers_for"]

#: One print: the page's path in the book, the mode ("handout" or "answers"), the PDF to
#: write and the label of its running header (the arguments of handouts.print_page).
Job = tuple[str, str, Path, str]


def _print_all(html: str, jobs: list[Job]) -> list[int]:
    from .devserver import chromium, serve
    from .handouts import print_page

    with serve(Path(html)) as base, chromium() as browser:
        return [print_page(browser, base, *job) for job in jobs]


def workers_for(jobs: int, cores: int | None = None) -> int:
    """How many printing processes: one per core, at most two, never more than jobs."""
    return max(1, min(cores or os.cpu_count() or 1, 2, jobs))


def deal(jobs: list, workers: int) -> list[list]:
    """The jobs dealt in turn, as cards: the first to the first worker, and so on."""
    return [jobs[i::workers] for i in range(workers)]


def gather(results: list[list], workers: int) -> list:
    """Each worker's results (for :func:`deal`'s shares) back in the jobs' order."""
    out = [None] * sum(len(r) for r in results)
    for i, share in enumerate(results):
        out[i::workers] = share
    return out


def print_pages(html: Path, jobs: list[Job], workers: int | None = None) -> list[int]:
    """Print ``jobs`` from the book in ``html``; what each returned, in the jobs' order."""
    workers = workers or workers_for(len(jobs))
    if workers == 1:
        return _print_all(str(html), jobs)
    # spawn: a fresh interpreter for each, so no Playwright state is copied by a fork
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(_print_all, [str(html)] * workers, deal(jobs, workers)))
    return gather(results, workers)
