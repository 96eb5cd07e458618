"""Benchmark the course: build times, notebook execution, widget updates, page weight.

Run with ``make bench`` (or ``python -m meishi_build.bench``).  It prints
Markdown tables; ``--update-readme`` also writes them into README.md between
the ``<!-- bench:start -->`` and ``<!-- bench:end -->`` markers.

Widgets are measured where learners use them: in the built book, in
Chromium, with no kernel.  Each of 300 seeded moves (a slider, or for widgets
without one a typed line or a radio choice) is timed from the
input event until the chart and readout are updated and laid out (what
must finish before the browser can paint the next frame), and again with
the CPU slowed four times (Chrome's CPU throttling).  Budgets: p95 under
16 ms, and under 50 ms throttled; every page at most 0.8 MB transferred
(gzip, as static hosts serve it) and 1.6 MB uncompressed.  The command
exits non-zero when a budget is missed, so it can gate a release, but it is
a measurement, not a test: timings depend on the machine.  Last, it times
``make test`` after the build, phase by phase, and pytest's parts
(meishi_build.testtime; ``--skip-tests`` leaves that out).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from meishi.paths import HTML, ROOT

WIDGET_P95_BUDGET_MS = 16.0            # well under one frame at 60 Hz
WIDGET_P95_THROTTLED_BUDGET_MS = 50.0  # with the CPU slowed 4 times
PAGE_MAX_GZIP_MB = 0.8                 # every page, as a gzip host serves it
PAGE_MAX_RAW_MB = 1.6                  # every page, uncompressed


# -- builds and notebooks ------------------------------------------------------

def build(clean: bool) -> float:
    """Seconds for the book's steps as `make book` runs them (meishi_build.book: the guide
    pages, the notebooks executed two at a time, the strict build of both editions), after
    removing _build if ``clean``; as in make test, each chapter links the handout to come
    (the test phases print them after)."""
    from .testtime import promised

    if clean:
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "meishi_build.book", "--quiet"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL, env=promised())
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


# -- widgets ---------------------------------------------------------------------

#: Runs in the page: seeded slider moves on one widget, each timed from the
#: input event to the chart updated and laid out (the work a reader waits for
#: before the next frame is painted); then a wait for that frame, so each
#: measurement starts from a painted page.
_MEASURE_JS = """
async ([id, changes, seed]) => {
  const root = document.getElementById('widget-' + id);
  const sliders = [...root.querySelectorAll('.mw-control input[type=range]')];
  const boxes = [...root.querySelectorAll('.mw-control-text textarea')];
  const radios = [...root.querySelectorAll('.mw-control-choice input[type=radio]')];
  const lines = ['I led the team that doubled sales', '皆様のおかげで目標を達成しました',
                 'We launched the best product in Japan, up 40%',
                 'チームで新しい仕組みを作りました'];
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const svg = root.querySelector('svg.mw-svg');
  const out = [];
  for (let i = 0; i < changes; i++) {
    // sliders get a random value; a text box a sample line; a radio group a click
    let act;
    if (sliders.length) {
      const el = sliders[Math.floor(rand() * sliders.length)];
      const lo = +el.min, hi = +el.max, step = +el.step || 1;
      el.value = String(lo + Math.floor(rand() * (Math.round((hi - lo) / step) + 1)) * step);
      act = () => el.dispatchEvent(new Event('input', {bubbles: true}));
    } else if (boxes.length) {
      const el = boxes[0];
      el.value = lines[i % lines.length];
      act = () => el.dispatchEvent(new Event('input', {bubbles: true}));
    } else {
      const el = radios[Math.floor(rand() * radios.length)];
      act = () => el.click();
    }
    const t0 = performance.now();
    act();
    svg.getBoundingClientRect();      // force style and layout of the update
    root.offsetHeight;
    out.push(performance.now() - t0);
    await frame();
  }
  return out;
}
"""


def widget_pages() -> dict[str, list[str]]:
    """Each page with widgets and the ids of its widgets, found by discovery."""
    from meishi.chapters import discover

    return {f"chapters/{c.stem}.html": [w.widget_id for w in c.widgets]
            for c in discover() if c.widgets}


def widget_timings(changes: int = 300, seed: int = 20150113,
                   throttle: float = 1.0) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """Input-to-updated-chart times (ms) per widget, and ms until every widget on a page
    responds, in Chromium (optionally with the CPU slowed ``throttle`` times)."""
    from meishi_build.devserver import chromium, local_only, serve

    times: dict[str, np.ndarray] = {}
    ready: dict[str, float] = {}
    with serve(HTML, gzip=True) as url, chromium(desktop=True) as browser:
        for path, ids in widget_pages().items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            local_only(page, url)
            if throttle != 1.0:
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            page.goto(f"{url}/{path}", wait_until="load")
            page.wait_for_function(
                "document.documentElement.dataset.meishiWidgets === 'ready'", timeout=30000)
            ready[path] = page.evaluate(  # ms from navigation start until all respond
                "performance.getEntriesByName('meishi-widgets-ready')[0].startTime")
            for widget_id in ids:
                ms = page.evaluate(_MEASURE_JS, [widget_id, changes, seed])
                times[widget_id] = np.array(ms)
            context.close()
    return times, ready


# -- pages ---------------------------------------------------------------------

def page_weights() -> dict[str, tuple[int, int]]:
    """Bytes transferred (gzip, as a static host serves them) and uncompressed, per page."""
    from meishi_build.devserver import chromium, local_only, serve

    pages = sorted(str(p.relative_to(HTML)) for p in HTML.rglob("*.html")
                   if not p.relative_to(HTML).parts[0].startswith("_"))
    out: dict[str, tuple[int, int]] = {}
    with serve(HTML, gzip=True) as url, chromium(desktop=True) as browser:
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda r, acc=responses: acc.append(r))
            local_only(page, url)
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
    return out


# -- the machine's speed at the time -------------------------------------------

def machine_check(runs: int = 5, clock=time.perf_counter) -> float:
    """Milliseconds for a fixed pure-Python loop, the best of ``runs``. A shared machine
    can run at half its speed for an hour, and every figure here with it: this says
    how fast it was, so that two runs of the benchmark can be compared."""
    best = float("inf")
    for _ in range(runs):
        start = clock()
        total = 0
        for i in range(1_000_000):
            total += i * i % 7
        best = min(best, clock() - start)
    return best * 1000


def machine_note(start_ms: float, end_ms: float) -> str:
    """The report's sentence on the machine check at its start and end."""
    note = (f"Machine check (a fixed Python loop, best of five; lower is faster): "
            f"{start_ms:.0f} ms at the start, {end_ms:.0f} ms at the end.")
    if max(start_ms, end_ms) > 1.2 * min(start_ms, end_ms):
        note += " The machine's speed changed during the run: compare its figures with care."
    return note


# -- report --------------------------------------------------------------------

def report(skip_build: bool = False, skip_tests: bool = False) -> tuple[str, bool]:
    check = machine_check()
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

    fast, ready = widget_timings()
    slow, ready_slow = widget_timings(changes=100, throttle=4.0)
    lines += ["| Widget | Moves | Median (ms) | p95 (ms) | p95, CPU 4× slower (ms) |",
              "|---|---:|---:|---:|---:|"]
    for widget_id, ms in fast.items():
        p95 = float(np.percentile(ms, 95))
        p95_slow = float(np.percentile(slow[widget_id], 95))
        ok &= p95 < WIDGET_P95_BUDGET_MS and p95_slow < WIDGET_P95_THROTTLED_BUDGET_MS
        lines.append(f"| {widget_id} | {len(ms)} | {np.median(ms):.1f} | {p95:.1f} | "
                     f"{p95_slow:.1f} |")
    lines += ["", "| Page | Every widget responds after (ms) | … with CPU 4× slower (ms) |",
              "|---|---:|---:|"]
    lines += [f"| {path} | {ms:.0f} | {ready_slow[path]:.0f} |" for path, ms in ready.items()]
    lines.append("")

    weights = page_weights()
    lines += ["| Page | Transferred (MB, gzip) | Uncompressed (MB) |", "|---|---:|---:|"]
    for path, (sent, raw) in weights.items():
        lines.append(f"| {path} | {sent / 1e6:.2f} | {raw / 1e6:.2f} |")
        ok &= sent / 1e6 <= PAGE_MAX_GZIP_MB and raw / 1e6 <= PAGE_MAX_RAW_MB
    median = statistics.median(sent for sent, _raw in weights.values()) / 1e6
    median_raw = statistics.median(raw for _sent, raw in weights.values()) / 1e6
    heaviest = max(sent for sent, _raw in weights.values()) / 1e6
    heaviest_raw = max(raw for _sent, raw in weights.values()) / 1e6
    lines += [f"| **median** | **{median:.2f}** | **{median_raw:.2f}** |",
              f"| **heaviest** | **{heaviest:.2f}** | **{heaviest_raw:.2f}** |", ""]
    budgets = len(lines)  # their line goes here once the tests have run: a failed test misses
    if not skip_tests:
        from .testtime import measure_phases, table

        phases, parts, failed = measure_phases()
        ok &= not failed
        lines += ["", *table(phases, parts, failed)]
    lines.insert(budgets, f"Budgets: widget input to updated chart p95 < {WIDGET_P95_BUDGET_MS:.0f}"
                 f" ms, and < {WIDGET_P95_THROTTLED_BUDGET_MS:.0f} ms with the CPU 4× slower; every"
                 f" page ≤ {PAGE_MAX_GZIP_MB} MB transferred and ≤ {PAGE_MAX_RAW_MB} MB"
                 + (" uncompressed" if skip_tests else " uncompressed; every test passes")
                 + (". All met." if ok else ". **Missed.**"))
    lines.insert(1, machine_note(check, machine_check()))
    return "\n".join(lines).rstrip(), ok


def update_readme(table: str, marker: str = "bench") -> None:
    """Put ``table`` in README.md between ``<!-- marker:start -->`` and ``<!-- marker:end -->``."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"README.md has no {marker} markers")
    head, rest = text.split(start, 1)
    _old, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true",
                        help="measure the existing build instead of building twice")
    parser.add_argument("--skip-tests", action="store_true",
                        help="leave out the timing of make test's phases")
    parser.add_argument("--update-readme", action="store_true",
                        help="write the tables into README.md")
    args = parser.parse_args(argv)
    table, ok = report(skip_build=args.skip_build, skip_tests=args.skip_tests)
    print(table)
    if args.update_readme:
        update_readme(table)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
