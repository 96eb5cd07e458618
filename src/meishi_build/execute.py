"""The book's notebooks, executed in parallel into its cache: ``python -m meishi_build.execute``.

``make book`` runs this step just before the strict build.  Jupyter Book executes the
notebooks one after the other while it reads the pages (``execute_notebooks: cache`` in
``_config.yml``), and executing them is most of a clean build.  This step executes every
notebook in ``_toc.yml`` that the execution cache (``_build/.jupyter_cache``) does not
already hold, on as many processes as the machine has cores (two at most by default), in
the notebook's own folder with the build's timeout and ``allow_errors: false``, exactly as
myst-nb would (the same ``jupyter_cache`` call), and stores each result in the cache.  The
build then finds every notebook there and executes nothing.

A notebook that fails here is not stored: the build executes it again itself and reports
the failure its usual way (:mod:`meishi_build.build`), so this step never hides an error,
never makes a failure pass, and never fails the book on its own.  The outputs in the
cache are the same whichever process made them: each notebook runs in its own kernel,
seeded by its own code.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from meishi.paths import ROOT

__all__ = ["COMPLETE", "complete", "main", "pending", "run"]

#: Written into the cache by :func:`run` when every notebook of the table of contents is
#: cached: each notebook's size and modification time then (see :func:`complete`).
COMPLETE = "meishi-complete.json"


def _settings(root: Path) -> tuple[int, bool]:
    """The build's execution timeout and allow_errors (``_config.yml``, ``execute:``)."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    execute = config.get("execute") or {}
    return int(execute.get("timeout", 30)), bool(execute.get("allow_errors", False))


def toc_files(root: Path) -> list[str]:
    """Every file named in ``root/_toc.yml`` (as written there), in order."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files: list[str] = [toc["root"]]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "file" in node:
                files.append(str(node["file"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", []))
    return files


def _toc_notebooks(root: Path) -> list[Path]:
    files = toc_files(root)
    paths = [root / f"{f.removesuffix('.ipynb')}.ipynb" for f in files]
    return [p for p in paths if p.is_file()]


def pending(root: Path, cache_path: Path) -> list[Path]:
    """The notebooks in the table of contents that the cache has no result for."""
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(cache_path)
    missing = []
    for path in _toc_notebooks(root):
        try:
            cache.match_cache_notebook(nbformat.read(path, as_version=4))
        except KeyError:
            missing.append(path)
    return missing


def _stamps(root: Path) -> dict[str, list[int]]:
    return {p.relative_to(root).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns]
            for p in _toc_notebooks(root)}


def complete(root: Path, cache_path: Path) -> bool:
    """Whether the cache held every notebook of the table of contents when :func:`run` last
    ended, and no notebook has changed since (its size and time as then): then a build
    executes nothing.  Reads no notebook (no nbformat: quick), so a build can ask it."""
    try:
        recorded = json.loads((cache_path / COMPLETE).read_text(encoding="utf-8"))
        return recorded == _stamps(root)
    except (OSError, ValueError):
        return False


def _execute(path: str, timeout: int, allow_errors: bool):
    """Execute one notebook as myst-nb's cache mode does; (path, notebook, seconds, error)."""
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    nb = nbformat.read(path, as_version=4)
    try:
        result = single_nb_execution(nb, cwd=str(Path(path).parent), timeout=timeout,
                                     allow_errors=allow_errors, meta_override=True)
    except Exception as exc:  # a dead kernel, say: the build meets it again and says so
        return path, None, 0.0, type(exc).__name__
    error = None if result.err is None else type(result.err).__name__
    return path, result.nb, result.time, error


def run(root: Path = ROOT, jobs: int | None = None, quiet: bool = False) -> int:
    """Execute the pending notebooks on ``jobs`` processes; how many were stored."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache_path = root / "_build" / ".jupyter_cache"
    marker = cache_path / COMPLETE
    marker.unlink(missing_ok=True)  # until this run has seen every notebook cached
    before = _stamps(root)
    todo = pending(root, cache_path)
    if not todo:
        _mark(marker, root, before)
        return 0
    jobs = jobs or max(1, min(2, os.cpu_count() or 1))
    timeout, allow_errors = _settings(root)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # as meishi_build.build
    start = time.perf_counter()
    stored = 0
    cache = get_cache(cache_path)
    # the longest first, so two workers finish together
    todo.sort(key=lambda p: p.stat().st_size, reverse=True)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_execute, str(p), timeout, allow_errors) for p in todo]
        for future in futures:
            path, nb, seconds, error = future.result()
            name = Path(path).relative_to(root).as_posix()
            if error is not None:  # the build runs it again and reports the failure
                print(f"{name}: failed ({error}); the build will execute it and report why",
                      flush=True)
                continue
            record = cache.add_nb_to_project(path)
            cache.cache_notebook_bundle(
                CacheBundleIn(nb, record.uri, data={"execution_seconds": seconds}),
                check_validity=False, overwrite=True)
            stored += 1
            if not quiet:
                print(f"{name}: executed in {seconds:.1f} s", flush=True)
    if not quiet:
        print(f"Executed {stored} of {len(todo)} notebooks on {jobs} processes in "
              f"{time.perf_counter() - start:.1f} s", flush=True)
    if stored == len(todo):
        _mark(marker, root, before)
    return stored


def _mark(marker: Path, root: Path, before: dict[str, list[int]]) -> None:
    """Record the notebooks as cached, unless one changed while they were executed."""
    if _stamps(root) == before:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps(before), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the book's folder")
    parser.add_argument("-j", "--jobs", type=int, default=None,
                        help="processes (default: the cores, at most 2)")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    run(args.root.resolve(), args.jobs, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
