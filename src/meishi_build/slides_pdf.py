"""Print the lecture decks to PDF in Chromium, one page per slide.

``make slides`` runs this after writing the decks (``python -m
meishi_build.slides_html --pdf``): each ``_build/slides/NN_slug/index.html`` is
opened with reveal.js's ``?print-pdf`` (its print layout: every slide a
1280 x 720 page, no controls), the widgets settled and fonts loaded, and
printed to ``_build/slides/pdf/NN_slug.pdf`` for a handout.  Every request
outside the local slides folder is aborted, as for the book's handouts.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .devserver import chromium, local_only, serve

__all__ = ["page_count", "print_deck", "print_decks"]

_READY_JS = """
async () => {
  await document.fonts.ready;
  await Promise.all([...document.images].map(i => i.complete ? 0 : i.decode().catch(() => 0)));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)));
  return document.querySelectorAll('.reveal .pdf-page').length;
}
"""


def print_deck(browser, base: str, stem: str, target: Path) -> int:
    """Print one deck to ``target``; returns how many slide pages reveal laid out."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        local_only(page, base)
        page.goto(f"{base}/{stem}/index.html?print-pdf", wait_until="networkidle")
        page.wait_for_selector('html[data-meishi-widgets="ready"]', state="attached",
                               timeout=30000)
        page.wait_for_selector(".reveal .pdf-page", state="attached", timeout=30000)
        pages = int(page.evaluate(_READY_JS))
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), print_background=True, prefer_css_page_size=True)
        return pages
    finally:
        context.close()


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def print_decks(root: Path, browser=None) -> dict[Path, int]:
    """Every deck under ``root`` printed to ``root/pdf``; each PDF's page count.

    ``browser``: a running Chromium (Playwright) to use; else one is started.
    """
    stems = sorted(p.parent.name for p in root.glob("[0-9][0-9]_*/index.html"))
    out: dict[Path, int] = {}
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(serve(root))
        if browser is None:
            browser = stack.enter_context(chromium())
        for stem in stems:
            target = root / "pdf" / f"{stem}.pdf"
            laid_out = print_deck(browser, base, stem, target)
            pages = page_count(target)
            if pages != laid_out:
                raise RuntimeError(f"{target.name}: {pages} pages for {laid_out} slides "
                                   "(a slide overflowed its page)")
            out[target] = pages
    return out
