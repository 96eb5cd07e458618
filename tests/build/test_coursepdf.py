"""The whole course as one PDF, and page numbers through joined PDFs
(meishi_build.coursepdf, meishi_build.pdfpages; printed by `make handouts`).

The built PDF must have a cover, a contents page whose page numbers are the
pages each chapter starts on, every chapter's handout in order (so nothing a
handout leaves out, which tests/build/test_handouts.py checks, is in it),
a bookmark per chapter, and its Japanese text in the book's embedded font.
"""

from __future__ import annotations

import functools
import io
import os
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from helpers import HTML, chromium_path, require
from meishi_build import coursepdf, handouts, pdfpages

COURSE = handouts.HANDOUTS / coursepdf.COURSE_PDF
KEY = handouts.HANDOUTS / handouts.ANSWER_KEY
CHAPTERS = handouts.chapter_pages()
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _blank(pages: int) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595.92, height=842.88)
    return writer


def _texts(writer: PdfWriter) -> list[str]:
    buffer = io.BytesIO()
    writer.write(buffer)
    return [p.extract_text() for p in PdfReader(buffer).pages]


# -- page numbers and the front matter, without a browser ---------------------------------------

def test_number_pages_counts_through_and_can_leave_the_cover_bare():
    writer = _blank(3)
    pdfpages.number_pages(writer, skip=1)
    texts = _texts(writer)
    assert texts[0].strip() == ""
    assert [t.strip() for t in texts[1:]] == ["page 2 of 3", "page 3 of 3"]


def test_page_number_sits_in_the_footer_inside_the_right_margin():
    writer = _blank(12)
    pdfpages.number_pages(writer)
    spots = []

    def visit(text, _cm, tm, _font, _size):
        if text.strip():
            spots.append((text, tm[4], tm[5]))

    PdfReader(io.BytesIO(_bytes(writer))).pages[11].extract_text(visitor_text=visit)
    (text, x, y), = spots
    assert text == "page 12 of 12"
    right = x + pdfpages.text_width(text)
    assert 595.92 - 14 * 72 / 25.4 - 1 < right < 595.92 - 14 * 72 / 25.4 + 1  # the 14 mm margin
    assert 5 < y < 18 * 72 / 25.4  # within the 18 mm bottom margin


def _bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_front_matter_lists_the_chapters_with_their_pages_and_shows_text_as_text():
    entries = [coursepdf.Entry("Introduction", 3), coursepdf.Entry("1. <b>A & B</b>", 15)]
    page = coursepdf.front_matter("Course <i>", "Team", "2026", entries)
    assert "Course &lt;i&gt;" in page and "1. &lt;b&gt;A &amp; B&lt;/b&gt;" in page
    assert re.search(r"Introduction</span>.*?<span class=\"page\">3</span>", page)
    assert page.index("Introduction") < page.index("A &amp; B")
    assert 'lang="ja"' in page and "noto-sans-jp.css" in page
    assert coursepdf.subtitle() in page and coursepdf.subtitle()


def test_chapter_heading_takes_the_book_s_chapter_number(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<h1>A profile<a class="headerlink" href="#x">#</a></h1>'
                    '<h2><span class="section-number">1.1. </span>The claim</h2>', encoding="utf-8")
    assert coursepdf.chapter_heading(page) == "1. A profile"
    page.write_text("<h1>Introduction: the meishi moment</h1><h2>A stack</h2>", encoding="utf-8")
    assert coursepdf.chapter_heading(page) == "Introduction: the meishi moment"


# -- the printed PDFs ------------------------------------------------------------------------------

def _built(path: Path) -> PdfReader:
    message = f"{path.name} is missing: run `make handouts`"
    if not path.is_file() and os.environ.get("MEISHI_REQUIRE_BUILD") and chromium_path():
        pytest.fail(message)
    require(path.is_file(), message)
    return PdfReader(str(path))


@functools.cache
def _reader(path: Path) -> PdfReader:
    return _built(path)


@functools.cache
def _text(path: Path, index: int) -> str:
    """A page's text, ligatures unfolded (NFKC)."""
    return unicodedata.normalize("NFKC", _reader(path).pages[index].extract_text())


def _footers(path: Path) -> list[tuple[int, int] | None]:
    """The page number each page draws (read from what it draws: quicker than its text;
    that the number reads as text is checked above)."""
    found = []
    for page in _reader(path).pages:
        m = re.findall(rb"\(page (\d+) of (\d+)\)\s*Tj", page.get_contents().get_data())
        assert len(m) <= 1
        found.append((int(m[0][0]), int(m[0][1])) if m else None)
    return found


def _drawn(page) -> bytes:
    """What a page draws, without the page number pdfpages wrote on it."""
    return re.sub(rb"BT\s*/MeishiPageNumber\s.*?\)\s*Tj\s*ET", b"",
                  page.get_contents().get_data(), flags=re.S)


def _listed(contents: str, heading: str) -> int:
    """The page number the contents gives for ``heading``."""
    found = re.search(re.escape(heading).replace(r"\ ", r"\s*") + r"[\s.]*(\d+)\s*$",
                      contents, re.M)
    assert found, f"{heading} is not in the contents"
    return int(found[1])


def test_whole_course_has_a_cover_contents_and_every_chapter_in_order():
    cover, contents = _norm(_text(COURSE, 0)), _text(COURSE, 1)
    assert _norm(handouts.course_title()) in cover
    assert _norm(coursepdf.subtitle()) in cover and _norm("名刺") in cover
    assert "Contents" in contents
    course = _reader(COURSE)
    start = 3
    for stem, page, _title in CHAPTERS:
        heading = coursepdf.chapter_heading(HTML / page)
        assert _listed(contents, heading) == start, stem
        assert _norm(heading.split(". ", 1)[-1]) in _norm(_text(COURSE, start - 1)), stem
        # the chapter's pages are its handout's, page for page, but for the page number
        # (compared as drawn, which is quicker than as text and stricter)
        handout = PdfReader(str(handouts.HANDOUTS / f"{stem}.pdf")).pages
        for offset, theirs in enumerate(handout):
            assert _drawn(course.pages[start - 1 + offset]) == _drawn(theirs), \
                f"{stem}, page {offset + 1}"
        start += len(handout)
    assert start - 1 == len(course.pages), "nothing after the conclusion"


def test_whole_course_is_numbered_through_and_bookmarked_by_chapter():
    course = _built(COURSE)
    total = len(course.pages)
    footers = _footers(COURSE)
    assert footers[0] is None, "the cover carries no number"
    assert footers[1:] == [(n, total) for n in range(2, total + 1)]
    outline = [(item.title, course.get_destination_page_number(item)) for item in course.outline]
    contents = _text(COURSE, 1)
    expected = [("Contents", 1)]
    for _stem, page, _title in CHAPTERS:
        heading = coursepdf.chapter_heading(HTML / page)
        expected.append((heading, _listed(contents, heading) - 1))
    assert outline == expected
    assert course.page_mode == "/UseOutlines"
    assert course.metadata.title == f"{handouts.course_title()}: the whole course"


def test_whole_course_sets_japanese_in_the_book_s_embedded_font():
    course = _built(COURSE)
    for index in (0, 2):  # the cover (名刺) and the introduction's first page
        found: set[str] = set()

        def visit(text, _cm, _tm, font, _size, found=found):
            if font and CJK.search(text or ""):
                name = font.get("/BaseFont") or font["/FontDescriptor"].get_object()["/FontName"]
                found.add(str(name))

        course.pages[index].extract_text(visitor_text=visit)
        assert found and all("NotoSansJP" in f for f in found), (index, found)


def test_answer_key_is_numbered_through_its_chapters():
    total = len(_reader(KEY).pages)
    assert _footers(KEY) == [(n, total) for n in range(1, total + 1)]


@pytest.mark.parametrize("stem", [stem for stem, _p, _t in CHAPTERS])
def test_each_handout_is_numbered_on_its_own(stem):
    path = handouts.HANDOUTS / f"{stem}.pdf"
    total = len(_reader(path).pages)
    assert _footers(path) == [(n, total) for n in range(1, total + 1)]
