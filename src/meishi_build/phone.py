"""The course on a phone (issue 24): widget heights, touch targets and chart text, measured.

Run with ``python -m meishi_build.phone`` after ``make book`` (``make bench`` runs it
too).  Every chapter of the built book is opened in Chromium as a 390 x 844 touch
screen (and turned, 844 x 390), light theme, and measured:

* each widget's height, and whether its first control and its chart fit in one
  viewport (below the sticky header) at some scroll position;
* the smallest touch area of the course's own controls (header icons, folds, quiz
  options and buttons, widget controls), folds opened so their contents count;
* the smallest text of every static chart, in CSS px: the charts are drawn at
  :data:`meishi.kit.charts.DPI` with no type under :data:`CHART_MIN_POINTS` points,
  so the smallest text is that size scaled as the page shows the image; and which
  rendering is shown (a phone gets the chart's phone rendering: meishi_build.altimage).

It writes ``_build/reports/phone.json`` and ``_build/reports/phone.md`` (a Markdown
table) and prints the table.  ``tests/browser/test_phone.py`` holds the same
measurements to their limits (:data:`TOUCH`, :data:`CHART_TEXT`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from meishi.paths import BUILD, HTML

__all__ = ["CHART_TEXT", "TARGETS", "TOUCH", "VIEWPORTS", "measure", "to_markdown"]

VIEWPORTS = {"390x844": (390, 844), "844x390": (844, 390)}
TOUCH = 44  # CSS px, WCAG 2.5.5 (target size, enhanced)
CHART_TEXT = 9  # CSS px, the smallest chart text a learner is asked to read
#: The smallest type meishi.kit.charts and the chapters' charts draw (points).
CHART_MIN_POINTS = 9

#: The course's own controls, by kind (CSS selectors).
TARGETS = {
    "header icon": ".bd-header-article .sidebar-toggle, "
                   ".bd-header-article .article-header-buttons > .btn, "
                   ".bd-header-article .article-header-buttons button",
    "fold chevron": ".admonition.toggle .toggle-button",
    "fold title": ".admonition.toggle > .admonition-title",
    "quiz option": ".meishi-quiz input[type=radio]",
    "quiz button": ".meishi-quiz-check",
    "widget button": ".mw-widget button",
    "widget slider": ".mw-widget input[type=range]",
    "widget option": ".mw-widget input[type=radio]",
    "widget text box": ".mw-widget input[type=text]:not([hidden])",
    "widget fold": ".mw-widget details > summary",
    "code fold": ".bd-article details > summary",
}

#: The touch area of each control: its own box, or for a radio button its label's when
#: that is larger (a tap on the label works the button; on a slider's it does not).
TARGETS_JS = """(groups) => {
  const out = [];
  for (const [group, selector] of Object.entries(groups)) {
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
      let w = r.width, h = r.height;
      for (const label of el.type === 'radio' ? el.labels : []) {
        const l = label.getBoundingClientRect();
        if (l.width * l.height > w * h) { w = l.width; h = l.height; }
      }
      out.push({group, w: Math.round(w * 10) / 10, h: Math.round(h * 10) / 10,
                what: (el.getAttribute('aria-label') || el.textContent || el.id || '')
                  .trim().slice(0, 40)});
    }
  }
  return out;
}"""

#: Each widget: its height, and the span from its first control's top to its chart's
#: bottom (legend included) against the room under the sticky header.
WIDGETS_JS = """() => {
  const header = document.querySelector('.bd-header-article');
  const top = header && getComputedStyle(header).position === 'sticky'
    ? header.getBoundingClientRect().height : 0;
  return [...document.querySelectorAll('.mw-widget')].map(w => {
    const first = w.querySelector('.mw-controls .mw-control');
    const chart = w.querySelector('.mw-chart');
    const c = chart.getBoundingClientRect();
    const f = first ? first.getBoundingClientRect() : c;
    const span = Math.max(c.bottom, f.bottom) - Math.min(c.top, f.top);
    return {widget: w.dataset.widget, height: Math.round(w.getBoundingClientRect().height),
            chart: Math.round(c.height), span: Math.round(span),
            room: Math.round(innerHeight - top), fits: span <= innerHeight - top};
  });
}"""

#: Every static chart: its alt text's start, its shown and natural widths, the file shown
#: and whether that is its phone rendering (the <picture>'s source for narrow screens).
CHARTS_JS = """() => [...document.querySelectorAll('.bd-article .cell_output img')]
  .map(i => { const s = i.closest('picture') && i.closest('picture').querySelector('source');
    const source = (i.currentSrc || i.src).split('/').pop();
    return {alt: (i.getAttribute('alt') || '').slice(0, 60),
            shown: i.getBoundingClientRect().width, natural: i.naturalWidth, source,
            phone: !!s && s.srcset.split('/').pop() === source}; })"""


def chart_text_px(shown: float, natural: float) -> float:
    """The smallest text of a chart image ``natural`` px wide shown ``shown`` CSS px wide."""
    from meishi.kit.charts import DPI

    return round(CHART_MIN_POINTS * DPI / 72 * shown / natural, 1) if natural else 0.0


def open_phone(browser, base: str, path: str, viewport: tuple[int, int], dark: bool = False):
    """A touch-screen page of the book served at ``base`` (nothing from outside it),
    widgets settled and images loaded, and its context to close."""
    from meishi_build.devserver import local_only

    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, has_touch=True,
        is_mobile=True, device_scale_factor=2, color_scheme="dark" if dark else "light")
    page = context.new_page()
    local_only(page, base)
    page.goto(f"{base}/{path}", wait_until="networkidle")
    if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        page.wait_for_selector('html[data-meishi-widgets="ready"]', state="attached",
                               timeout=15000)
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    return page, context


def measure_page(page) -> dict:
    """Widgets, smallest touch target and chart text of the open page."""
    widgets = page.evaluate(WIDGETS_JS)
    charts = [{**c, "text_px": chart_text_px(c["shown"], c["natural"])}
              for c in page.evaluate(CHARTS_JS)]
    for title in page.query_selector_all(".admonition.toggle.toggle-hidden > .admonition-title"):
        title.tap()
    targets = page.evaluate(TARGETS_JS, TARGETS)
    smallest = min(targets, key=lambda t: min(t["w"], t["h"])) if targets else None
    return {"widgets": widgets, "charts": charts, "smallest_target": smallest,
            "small_targets": [t for t in targets if min(t["w"], t["h"]) < TOUCH]}


def measure(html: Path = HTML) -> dict:
    """Every chapter page of the built book at each of :data:`VIEWPORTS`."""
    from meishi_build.devserver import chromium, serve

    pages = sorted(str(p.relative_to(html)) for p in (html / "chapters").glob("0*.html"))
    report: dict = {"viewports": {}}
    with serve(html) as base, chromium(desktop=True) as browser:
        for name, viewport in VIEWPORTS.items():
            found = report["viewports"][name] = {}
            for path in pages:
                page, context = open_phone(browser, base, path, viewport)
                try:
                    found[path] = measure_page(page)
                finally:
                    context.close()
    return report


def _summary(pages: dict) -> tuple[dict, float | None]:
    targets = [p["smallest_target"] for p in pages.values() if p["smallest_target"]]
    smallest = min(targets, key=lambda t: min(t["w"], t["h"])) if targets else None
    texts = [c["text_px"] for p in pages.values() for c in p["charts"]]
    return smallest, (min(texts) if texts else None)


def to_markdown(report: dict) -> str:
    """The report as Markdown: one table of widgets, one line of totals per viewport."""
    lines = []
    for name, pages in report["viewports"].items():
        lines += [f"### On a {name.replace('x', ' × ')} touch screen", "",
                  "| Page | Widget | Height (px) | Chart (px) | First control to chart end (px) "
                  "| Room (px) | Fits |", "|---|---|---:|---:|---:|---:|---|"]
        for path, page in pages.items():
            for w in page["widgets"]:
                lines.append(f"| {Path(path).stem} | {w['widget']} | {w['height']:,} | "
                             f"{w['chart']:,} | {w['span']:,} | {w['room']:,} | "
                             f"{'yes' if w['fits'] else 'no'} |")
        lines += ["", "| Page | Chart | Rendering shown | Smallest text (CSS px) |",
                  "|---|---|---|---:|"]
        for path, page in pages.items():
            for c in page["charts"]:
                lines.append(f"| {Path(path).stem} | {c['alt'][:40]}… | "
                             f"{'phone' if c.get('phone') else 'page'} | {c['text_px']} |")
        smallest, text = _summary(pages)
        lines.append("")
        if smallest:
            lines.append(f"Smallest touch target: {smallest['w']} × {smallest['h']} px "
                         f"({smallest['group']}: {smallest['what']}); limit {TOUCH} px.")
        if text is not None:
            lines.append(f"Smallest chart text: {text} px; limit {CHART_TEXT} px.")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--html", type=Path, default=HTML, help="the built book")
    parser.add_argument("--out", type=Path, default=BUILD / "reports",
                        help="folder for phone.json and phone.md")
    args = parser.parse_args(argv)
    report = measure(args.html)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "phone.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    table = to_markdown(report)
    (args.out / "phone.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
