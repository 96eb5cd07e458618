"""Benchmark the course: build times, notebook execution, widget updates, page weight.

Run with ``make bench`` (or ``python -m meishi.bench``).  It prints Markdown
tables; ``--update-readme`` also writes them into README.md between the
``<!-- bench:start -->`` and ``<!-- bench:end -->`` markers.

Budgets: widget update p95 under 50 ms; median page under 2.5 MB
transferred.  The command exits non-zero when a budget is missed, so it can
gate a release, but it is a measurement, not a test: timings depend on the
machine.
"""

from __future__ import annotations

import argparse
import inspect
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
WIDGET_P95_BUDGET_MS = 50.0
PAGE_MEDIAN_BUDGET_MB = 2.5


# -- builds and notebooks ------------------------------------------------------

def build(clean: bool) -> float:
    """Seconds for a strict `jupyter-book build` (after removing _build if ``clean``)."""
    if clean:
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
    env = dict(os.environ, MEISHI_STATIC_BOOK="1")
    exe = Path(sys.executable).with_name("jupyter-book")
    start = time.perf_counter()
    subprocess.run([str(exe), "build", ".", "--warningiserror", "--nitpick", "--keep-going",
                    "--quiet"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def notebook_times() -> dict[str, float]:
    """Execution seconds of each notebook, as recorded by the build's execution cache."""
    from jupyter_cache import get_cache

    cache = get_cache(ROOT / "_build" / ".jupyter_cache")
    times: dict[str, float] = {}
    for record in cache.list_cache_records():
        seconds = (record.data or {}).get("execution_seconds")
        uri = Path(record.uri).name if record.uri else f"record {record.pk}"
        if seconds is not None:
            times[uri] = float(seconds)
    return times


# -- widgets -------------------------------------------------------------------

def widget_classes() -> list[type]:
    """Every chapter widget: the ModelWidget subclasses in the course package."""
    import importlib
    import pkgutil

    import meishi
    from meishi.widgets import ModelWidget

    found = []
    for info in pkgutil.iter_modules(meishi.__path__):
        if info.name in ("bench", "sphinx_ext", "devserver"):
            continue
        module = importlib.import_module(f"meishi.{info.name}")
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if (issubclass(obj, ModelWidget) and obj is not ModelWidget
                    and obj.__module__ == module.__name__):
                found.append(obj)
    return found


def widget_update_times(cls: type, changes: int = 300, seed: int = 20150113) -> np.ndarray:
    """Milliseconds per update over many control changes (seeded, so repeatable)."""
    import ipywidgets as w

    rng = np.random.default_rng(seed)
    widget = cls()
    sliders = [c for c in widget.controls.values()
               if isinstance(c, (w.FloatSlider, w.IntSlider))]
    presets = list(widget.presets)
    widget.timings.clear()
    for i in range(changes):
        if presets and i % 10 == 9:
            widget.apply_preset(presets[rng.integers(len(presets))])
            continue
        control = sliders[rng.integers(len(sliders))]
        steps = int(round((control.max - control.min) / control.step))
        control.value = control.min + int(rng.integers(steps + 1)) * control.step
    return 1000 * np.array(widget.timings)


# -- pages ---------------------------------------------------------------------

def page_weights() -> dict[str, tuple[int, int]]:
    """Bytes transferred (gzip, as a static host serves them) and uncompressed, per page."""
    from playwright.sync_api import sync_playwright

    from meishi.devserver import serve

    pages = sorted(str(p.relative_to(HTML)) for p in HTML.rglob("*.html")
                   if not p.relative_to(HTML).parts[0].startswith("_"))
    out: dict[str, tuple[int, int]] = {}
    with serve(HTML, gzip=True) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless=new", "--no-sandbox", "--disable-gpu",
                                          "--disable-background-networking"])
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda r, acc=responses: acc.append(r))
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url)
                       else r.abort())
            page.goto(f"{url}/{path}", wait_until="networkidle")
            page.wait_for_timeout(300)
            transferred = raw = 0
            for request in responses:
                sizes = request.sizes()
                transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                response = request.response()
                raw += len(response.body()) if response else 0
            out[path] = (transferred, raw)
            context.close()
        browser.close()
    return out


# -- report --------------------------------------------------------------------

def report(skip_build: bool = False) -> tuple[str, bool]:
    lines = [f"Measured on {platform.machine()} with {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.", ""]
    ok = True
    if not skip_build:
        clean = build(clean=True)
        cached = build(clean=False)
        lines += ["| Build | Seconds |", "|---|---:|",
                  f"| clean (executes every notebook) | {clean:.1f} |",
                  f"| cached (nothing changed) | {cached:.1f} |", ""]
    times = notebook_times()
    lines += ["| Notebook | Execution (s) |", "|---|---:|"]
    lines += [f"| {name} | {sec:.1f} |" for name, sec in sorted(times.items())] + [""]

    lines += ["| Widget | Updates | Median (ms) | p95 (ms) |", "|---|---:|---:|---:|"]
    for cls in widget_classes():
        ms = widget_update_times(cls)
        p95 = float(np.percentile(ms, 95))
        ok &= p95 < WIDGET_P95_BUDGET_MS
        lines.append(f"| {cls.__module__.split('.')[-1]}.{cls.__name__} | {len(ms)} | "
                     f"{np.median(ms):.1f} | {p95:.1f} |")
    lines.append("")

    weights = page_weights()
    lines += ["| Page | Transferred (MB, gzip) | Uncompressed (MB) |", "|---|---:|---:|"]
    for path, (sent, raw) in weights.items():
        lines.append(f"| {path} | {sent / 1e6:.2f} | {raw / 1e6:.2f} |")
    median = statistics.median(sent for sent, _raw in weights.values()) / 1e6
    median_raw = statistics.median(raw for _sent, raw in weights.values()) / 1e6
    ok &= median < PAGE_MEDIAN_BUDGET_MB
    lines += [f"| **median** | **{median:.2f}** | **{median_raw:.2f}** |", ""]
    lines.append(f"Budgets: widget update p95 < {WIDGET_P95_BUDGET_MS:.0f} ms; median page "
                 f"< {PAGE_MEDIAN_BUDGET_MB} MB transferred. "
                 + ("All met." if ok else "**Missed.**"))
    return "\n".join(lines), ok


def update_readme(table: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in text or end not in text:
        raise SystemExit("README.md has no bench markers")
    head, rest = text.split(start, 1)
    _old, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true",
                        help="measure the existing build instead of building twice")
    parser.add_argument("--update-readme", action="store_true",
                        help="write the tables into README.md")
    args = parser.parse_args(argv)
    table, ok = report(skip_build=args.skip_build)
    print(table)
    if args.update_readme:
        update_readme(table)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
