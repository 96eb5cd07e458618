"""The whole course as one PDF: ``_build/handouts/whole-course.pdf``.

:func:`meishi_build.handouts.write_handouts` prints every chapter's handout
once; this module joins those prints behind a cover and a contents page into
one document, as a class reads it on paper or offline:

* a cover: the course's title and subtitle (from ``index.md``), its authors,
  year and licences;
* the contents: each chapter's title as the book numbers it, with the page it
  starts on;
* every chapter, the introduction to the conclusion, as its handout prints it
  (no worked solutions, no answers, no quiz key: those are in the answer key).

Pages are numbered through ("page 14 of 101", :mod:`meishi_build.pdfpages`);
the cover carries no number.  Each chapter is a bookmark (the PDF's outline),
and the viewer opens with the bookmarks shown.  The cover and contents are
printed by the same Chromium, served from the built book, so their Japanese
text is set in the book's own Noto Sans JP subset like the chapters'.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter

from meishi.paths import HTML, ROOT

from .devserver import local_only
from .pdfpages import number_pages

__all__ = ["COURSE_PDF", "Entry", "chapter_heading", "front_matter", "subtitle", "write_course"]

COURSE_PDF = "whole-course.pdf"
#: Where the cover and contents are served from while they print (never written to disk).
_FRONT = "_meishi_course_front.html"

_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm; }
html { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Arial,
  "Liberation Sans", "DejaVu Sans", "Noto Sans JP", sans-serif; color: #000; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center;
  break-after: page; }
.cover h1 { font-size: 30pt; margin: 0 0 6mm; }
.cover .subtitle { font-size: 15pt; margin: 0 0 14mm; }
.cover .meishi { font-size: 13pt; margin: 0 0 30mm; }
.cover p { font-size: 10.5pt; margin: 0 0 2mm; }
.contents h2 { font-size: 18pt; margin: 0 0 8mm; }
.contents ol { list-style: none; padding: 0; margin: 0; font-size: 11.5pt; }
.contents li { display: flex; align-items: baseline; margin: 0 0 4mm; }
.contents .title { flex: none; max-width: 80%; }
.contents .leader { flex: 1; border-bottom: 1px dotted #666; margin: 0 2mm; }
.contents .page { flex: none; }
.contents .note { margin-top: 12mm; font-size: 9.5pt; color: #333; }
"""


@dataclass(frozen=True)
class Entry:
    """A chapter in the contents: its heading as the book prints it, and its first page."""

    heading: str
    page: int


def subtitle() -> str:
    """The course's subtitle: the bold line under the title on the book's home page."""
    text = (ROOT / "index.md").read_text(encoding="utf-8")
    found = re.search(r"^\*\*(.+?)\*\*\s*$", text, re.M)
    return found[1] if found else ""


def chapter_heading(page: Path) -> str:
    """A built chapter page's title, with the chapter's number when the book numbers its
    sections ("1. A profile is a signal", whose sections are 1.1, 1.2...)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    h1 = soup.find("h1")
    for link in h1.select(".headerlink"):
        link.decompose()
    title = " ".join(h1.get_text(" ").split())
    number = soup.select_one("h2 .section-number")
    found = re.match(r"(\d+)\.", number.get_text(strip=True)) if number else None
    return f"{found[1]}. {title}" if found else title


def front_matter(title: str, author: str, year: str, entries: list[Entry]) -> str:
    """The cover and contents as an HTML page, styled for print."""
    esc = html.escape
    rows = "".join(
        f'<li><span class="title">{esc(e.heading)}</span><span class="leader"></span>'
        f'<span class="page">{e.page}</span></li>' for e in entries)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<link rel="stylesheet" href="_static/vendor/fonts/noto-sans-jp.css">
<style>{_CSS}</style></head><body>
<section class="cover">
<h1>{esc(title)}</h1>
<p class="subtitle">{esc(subtitle())}</p>
<p class="meishi"><span lang="ja">名刺</span> (meishi): business cards, not profiles</p>
<p>{esc(author)}, {esc(year)}</p>
<p>The whole course: every chapter, from the introduction to the conclusion, as the class
handouts print it. Worked solutions, answers and the quiz keys are in the answer key.</p>
<p>Course text, exercises, quizzes and figures: CC BY 4.0. Code: MIT licence. Data keep
the terms of their sources (see the book's Data and sources page).</p>
</section>
<section class="contents">
<h2>Contents</h2>
<ol>{rows}</ol>
<p class="note">Each chapter's widgets print in their default state; the web book lets you
move them.</p>
</section>
</body></html>"""


def _print_front(browser, base: str, page_html: str, target: Path) -> int:
    context = browser.new_context()
    try:
        page = context.new_page()
        local_only(page, base)
        page.route(f"{base}/{_FRONT}", lambda r: r.fulfill(
            status=200, content_type="text/html; charset=utf-8", body=page_html))
        page.goto(f"{base}/{_FRONT}", wait_until="networkidle")
        status = page.evaluate("async () => { await document.fonts.ready; "
                               "return document.fonts.status; }")
        if status != "loaded":
            raise RuntimeError(f"the course's cover: fonts still {status} before printing")
        page.pdf(path=str(target), format="A4", print_background=True)
    finally:
        context.close()
    return len(PdfReader(str(target)).pages)


def write_course(browser, base: str, chapters: list[tuple[str, Path]], target: Path,
                 *, title: str, author: str, year: str) -> Path:
    """Join the chapters' prints (``(built page, PDF)``, in order) behind a cover and contents.

    The contents' page numbers depend on how many pages the front matter
    takes, so it is printed again if its length differs from the first guess.
    """
    counts = [len(PdfReader(str(pdf)).pages) for _page, pdf in chapters]
    headings = [chapter_heading(HTML / page) for page, _pdf in chapters]
    front = target.with_name(target.stem + ".front.pdf")
    front_pages, printed = 2, 0
    while printed != front_pages:
        if printed:
            front_pages = printed
        starts = [front_pages + 1 + sum(counts[:i]) for i in range(len(counts))]
        entries = [Entry(h, s) for h, s in zip(headings, starts, strict=True)]
        printed = _print_front(browser, base, front_matter(title, author, year, entries), front)
    writer = PdfWriter()
    writer.append(str(front), outline_item=None)
    writer.add_outline_item("Contents", 1)
    for entry, (_page, pdf) in zip(entries, chapters, strict=True):
        writer.append(str(pdf), outline_item=None)
        writer.add_outline_item(entry.heading, entry.page - 1)
    number_pages(writer, skip=1)
    writer.add_metadata({"/Title": f"{title}: the whole course", "/Author": author})
    writer.page_mode = "/UseOutlines"
    with target.open("wb") as f:
        writer.write(f)
    front.unlink()
    return target
