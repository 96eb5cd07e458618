"""Audit every page of the built book with axe-core, the way an auditor would.

``python -m meishi_build.axe_audit`` opens every page of ``_build/html`` in
Chromium (outside requests blocked), in the light and the dark theme, and
runs axe-core with the WCAG 2.0 and 2.1 A and AA rules at every impact
(critical, serious, moderate, minor).  A page with widgets is audited once
its widgets have rendered, and again after the first control of every widget
has been moved once by keyboard (a slider one step, a radio group to its
next option, a text box given a line).  It writes ``_build/reports/axe.json``
(every violation, with its page, theme and elements) and ``axe.md`` (counts by
impact and by rule) and prints the Markdown.  A violation counts once per
page, theme and element, however many states showed it.

It is a measurement, not a gate: the tests (tests/browser/) hold the
critical and serious ones to zero.  ``--pages a.html,b.html`` audits only
those pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from meishi.paths import HTML, ROOT

__all__ = ["IMPACTS", "TAGS", "audit", "main", "markdown"]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IMPACTS = ["critical", "serious", "moderate", "minor"]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = ROOT / "_build" / "reports"
WIDGETS_READY = 'html[data-meishi-widgets="ready"]'
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'

_RUN = """async (tags) => {
    await Promise.race([
        Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
        new Promise(r => setTimeout(r, 2000))]);
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    const map = (list, kind) => list.map(v => ({id: v.id, impact: v.impact, help: v.help, kind,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact || v.impact,
                                  summary: (n.failureSummary || '').slice(0, 300)}))}));
    return map(r.violations, 'violation').concat(map(r.incomplete, 'review'));
}"""


def _move_widgets(page) -> int:
    """Move the first control of every widget once, by keyboard (a text box gets a line)."""
    moved = 0
    widgets = page.locator(".mw-widget")
    for i in range(widgets.count()):
        w = widgets.nth(i)
        slider = w.locator("input[type=range]")
        radio = w.locator("input[type=radio]:checked")
        text = w.locator("input[type=text], textarea")
        if slider.count():
            s = slider.first
            s.focus()
            page.keyboard.press("ArrowLeft" if s.input_value() == s.get_attribute("max")
                                else "ArrowRight")
        elif radio.count():
            radio.first.focus()
            page.keyboard.press("ArrowDown")
        elif text.count():
            text.first.fill("I led the launch of a new product")
        else:
            continue
        moved += 1
    page.wait_for_timeout(600)
    return moved


def pages(root: Path = HTML) -> list[str]:
    """Every HTML page of the book (not Sphinx's own _static/_sources files)."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.html")
                  if not p.relative_to(root).parts[0].startswith("_"))


def _audit_page(browser, base: str, path: str, dark: bool, axe: str) -> tuple[list, int]:
    from meishi_build.devserver import local_only

    context = browser.new_context(color_scheme="dark" if dark else "light",
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        local_only(page, base)
        page.goto(f"{base}/{path}", wait_until="load")
        widgets = page.locator(WIDGET_VIEW).count()
        if widgets:
            page.wait_for_selector(WIDGETS_READY, state="attached", timeout=20000)
        page.add_script_tag(content=axe)
        found = page.evaluate(_RUN, TAGS)
        moved = 0
        if widgets:
            moved = _move_widgets(page)
            found += page.evaluate(_RUN, TAGS)
        return found, moved
    finally:
        context.close()


def audit(paths: list[str] | None = None, *, root: Path = HTML) -> dict:
    """Audit ``paths`` (default: every page); the report as a dict."""
    from meishi_build.devserver import chromium, serve

    axe = AXE.read_text(encoding="utf-8")
    paths = paths or pages(root)
    seen: dict[tuple, dict] = {}
    moved_total = 0
    with serve(root) as base, chromium(desktop=True) as browser:
        for path in paths:
            for dark in (False, True):
                found, moved = _audit_page(browser, base, path, dark, axe)
                moved_total += moved
                theme = "dark" if dark else "light"
                for v in found:
                    for n in v["nodes"]:
                        key = (v["kind"], path, theme, v["id"], n["target"])
                        seen.setdefault(key, {"page": path, "theme": theme, "rule": v["id"],
                                              "impact": n["impact"], "help": v["help"],
                                              "kind": v["kind"], "target": n["target"],
                                              "summary": n["summary"]})
    found_all = list(seen.values())
    return {"tags": TAGS, "pages": paths, "themes": ["light", "dark"],
            "widget_controls_moved": moved_total,
            "violations": [x for x in found_all if x["kind"] == "violation"],
            "needs_review": [x for x in found_all if x["kind"] == "review"]}


def markdown(report: dict) -> str:
    """Counts by impact and by rule, and the pages each rule fails on."""
    v = report["violations"]
    by_impact = Counter(x["impact"] for x in v)
    rules: dict[str, dict] = {}
    for x in v:
        r = rules.setdefault(x["rule"], {"impact": x["impact"], "help": x["help"], "nodes": 0,
                                          "pages": set()})
        r["nodes"] += 1
        r["pages"].add(x["page"])
    lines = [f"axe-core, tags {', '.join(report['tags'])}, all impacts; "
             f"{len(report['pages'])} pages x light and dark; widgets rendered, then the first "
             f"control of each widget moved once ({report['widget_controls_moved']} moves in "
             "all). A count is one element failing one rule on one page in one theme.", "",
             "| impact | elements | rules |", "|---|---:|---:|"]
    for imp in IMPACTS:
        n_rules = len({x["rule"] for x in v if x["impact"] == imp})
        lines.append(f"| {imp} | {by_impact.get(imp, 0)} | {n_rules} |")
    lines.append(f"| **total** | {len(v)} | {len(rules)} |")
    lines += ["", "| rule | impact | elements | pages | what it checks |",
              "|---|---|---:|---:|---|"]
    for rid, r in sorted(rules.items(), key=lambda kv: (IMPACTS.index(kv[1]["impact"])
                                                        if kv[1]["impact"] in IMPACTS else 9,
                                                        -kv[1]["nodes"])):
        lines.append(f"| {rid} | {r['impact']} | {r['nodes']} | {len(r['pages'])} | "
                     f"{r['help']} |")
    if rules:
        lines += ["", "Where (page: rule x elements, light/dark):", ""]
        per: Counter = Counter((x["page"], x["rule"], x["theme"]) for x in v)
        for page in sorted({x["page"] for x in v}):
            parts = []
            for rid in sorted({x["rule"] for x in v if x["page"] == page}):
                lt, dk = per.get((page, rid, "light"), 0), per.get((page, rid, "dark"), 0)
                parts.append(f"{rid} {lt}/{dk}")
            lines.append(f"- `{page}`: " + "; ".join(parts))
    review = report.get("needs_review", [])
    if review:
        counts: Counter = Counter((x["rule"], x["impact"]) for x in review)
        lines += ["", "Needs review (axe could not decide, e.g. text over an image or a "
                  "gradient; an auditor checks these by eye): "
                  + "; ".join(f"{rid} ({imp}) {n} elements on "
                              f"{len({x['page'] for x in review if x['rule'] == rid})} pages"
                              for (rid, imp), n in sorted(counts.items()))]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="comma-separated pages (default: every page)")
    parser.add_argument("--out", type=Path, default=REPORTS, help="where axe.json/.md go")
    args = parser.parse_args(argv)
    if not (HTML / "index.html").is_file():
        print("the book is not built: run `make book` first", file=sys.stderr)
        return 2
    report = audit(args.pages.split(",") if args.pages else None)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "axe.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    text = markdown(report)
    (args.out / "axe.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
