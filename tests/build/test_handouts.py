"""The printed handouts and answer key (`make handouts`, meishi_build.handouts).

`make test` writes them before pytest runs.  Each PDF must open, have a
sensible number of pages with text on every one, and carry its chapter's
title, exercises, quiz questions and discussion prompts, with Japanese text
in an embedded Japanese font; the handouts must not give any solution,
answer, quiz feedback or teacher note away, and the answer key must hold
them all.  What is checked is read from the notebooks, the quizzes and the
built pages, never written out here.
"""

from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import HTML, ROOT, chromium_path, require
from meishi.chapters import discover
from meishi_build import handouts, publish, versions

CHAPTERS = discover()
KEY = handouts.HANDOUTS / handouts.ANSWER_KEY
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
HANDOUT_PAGES = range(4, 31)   # a chapter's handout, A4


def _norm(text: str) -> str:
    """Text as compared: ligatures and typographic quotes folded, no whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    return re.sub(r"\s+", "", text)


@functools.cache
def _read(path: Path) -> tuple[list[str], set[str]]:
    """Each page's text, and the fonts that draw Japanese characters."""
    from pypdf import PdfReader

    fonts: set[str] = set()

    def visit(text, _cm, _tm, font, _size):
        if font and CJK.search(text or ""):  # a Type3 font (synthetic bold) names it below
            name = font.get("/BaseFont") or font["/FontDescriptor"].get_object()["/FontName"]
            fonts.add(str(name))

    reader = PdfReader(str(path))
    return [page.extract_text(visitor_text=visit) for page in reader.pages], fonts


def _pdf(path: Path) -> tuple[list[str], set[str]]:
    message = f"{path.name} is missing: run `make handouts`"
    if not path.is_file() and os.environ.get("MEISHI_REQUIRE_BUILD") and chromium_path():
        pytest.fail(message)
    require(path.is_file(), message)
    built = max((HTML / "chapters" / f"{c.stem}.html").stat().st_mtime for c in CHAPTERS)
    assert path.stat().st_mtime >= built, f"{path.name} is older than the book: `make handouts`"
    return _read(path)


def _notebook(chapter) -> str:
    nb = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _title(chapter) -> str:
    return re.search(r"^# (.+)$", _notebook(chapter), re.M)[1]


def _exercise_titles(chapter) -> list[str]:
    return re.findall(r"^[`:]{3,}\{exercise\}[ \t]*(.+)$", _notebook(chapter), re.M)


def _page(chapter) -> BeautifulSoup:
    return BeautifulSoup((HTML / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8"),
                         "html.parser")


def _hidden_on_paper(chapter) -> dict[str, list[str]]:
    """The first paragraph of each solution, answer fold and teacher box on the built page."""
    page = _page(chapter)
    found: dict[str, list[str]] = {"solution": [], "answer": [], "teacher": []}
    for box in page.select("div.admonition"):
        title = box.find(class_="admonition-title")
        title = title.get_text(" ", strip=True) if title else ""
        kind = ("solution" if "solution" in box["class"] else "answer"
                if versions.is_answer(title) else "teacher" if versions.is_teacher(title) else "")
        first = next((p for p in box.find_all("p")
                      if "admonition-title" not in p.get("class", [])), None)
        if kind and first and len(first.get_text(strip=True)) > 20:
            found[kind].append(_norm(first.get_text())[:60])
    return found


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_handout_has_the_chapter_and_its_questions(chapter):
    pages, _fonts = _pdf(handouts.HANDOUTS / f"{chapter.stem}.pdf")
    assert len(pages) in HANDOUT_PAGES, len(pages)
    assert all(_norm(p) for p in pages), "a blank page"
    text = _norm("".join(pages))
    assert _norm(_title(chapter)) in _norm(pages[0])
    titles = _exercise_titles(chapter)
    assert titles
    for title in titles:
        assert _norm(title) in text, title
    for question in chapter.quiz().questions:
        assert _norm(question.question) in text, question.question
        for option in question.options:
            assert _norm(option.text) in text, option.text
    assert _norm("For discussion") in text
    assert pages[0].count(handouts.course_title().replace("fi", "ﬁ")) + \
        _norm(pages[0]).count(_norm(handouts.course_title())) >= 1, "the running header"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_handout_gives_no_answer_away(chapter):
    pages, _fonts = _pdf(handouts.HANDOUTS / f"{chapter.stem}.pdf")
    text = _norm("".join(pages))
    hidden = _hidden_on_paper(chapter)
    assert hidden["solution"] and (hidden["answer"] or chapter.number == 0)
    for kind, snippets in hidden.items():
        for snippet in snippets:
            assert snippet not in text, (kind, snippet)
    page = _page(chapter)
    for tag in page.select("div.admonition, .meishi-quiz, script"):
        title = tag.find(class_="admonition-title")
        title = title.get_text(" ", strip=True) if title else ""
        if ("admonition" not in tag.get("class", []) or "solution" in tag["class"]
                or versions.is_answer(title) or versions.is_teacher(title)):
            tag.decompose()
    shown = _norm(page.select_one("article").get_text())  # feedback may repeat the prose
    for question in chapter.quiz().questions:
        for option in question.options:
            if _norm(option.feedback) not in shown:
                assert _norm(option.feedback) not in text, option.feedback
    assert _norm("Answer key") not in text


def _japanese(chapter) -> set[str]:
    """The Japanese words in the text a student's copy of the chapter keeps."""
    student = versions.student_version(json.loads(chapter.notebook.read_text(encoding="utf-8")))
    return set(CJK.findall("\n".join(c["source"] for c in student["cells"]
                                     if c["cell_type"] == "markdown")))


JAPANESE = [c for c in CHAPTERS if _japanese(c)]


def test_most_chapters_have_japanese_to_print():
    assert len(JAPANESE) >= len(CHAPTERS) - 1


#: The book's own Japanese webfont (vendor/fonts, Noto Sans JP), as a PDF names its
#: embedded subset ("/DAAAAA+NotoSansJP…"); a system font (Noto Sans CJK JP, from
#: Debian's fonts-noto-cjk: "NotoSansCJKjp") is not the book's font.
BOOK_FONT = re.compile(r"^/?(?:[A-Z]{6}\+)?NotoSansJP")
#: What a PDF's text gives instead of a kanji when its font maps the glyph to the
#: wrong character: Kangxi radicals, CJK radical supplements, compatibility ideographs.
LOOKALIKES = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")


@pytest.mark.parametrize("chapter", JAPANESE, ids=lambda c: c.stem)
def test_handout_prints_japanese_in_a_japanese_font(chapter):
    """Japanese prints in the book's font, whatever Japanese fonts the machine has,
    and copies and searches as the words the chapter writes."""
    pages, fonts = _pdf(handouts.HANDOUTS / f"{chapter.stem}.pdf")
    words = _japanese(chapter)
    text = _norm("".join(pages))
    assert all(w in text for w in words), sorted(w for w in words if w not in text)
    assert not LOOKALIKES.search("".join(pages)), LOOKALIKES.findall("".join(pages))
    assert fonts and all(BOOK_FONT.match(f) for f in fonts), fonts


def test_answer_key_holds_every_answer():
    pages, _fonts = _pdf(KEY)
    assert len(CHAPTERS) <= len(pages) <= 12 * len(CHAPTERS)
    assert all(_norm(p) for p in pages), "a blank page"
    text = _norm("".join(pages))
    found = [re.search(r"Answers:(\d+\.)?" + re.escape(_norm(_title(c))), text) for c in CHAPTERS]
    assert all(found), "every chapter has its part"
    assert [m.start() for m in found] == sorted(m.start() for m in found), "in chapter order"
    for chapter in CHAPTERS:
        hidden = _hidden_on_paper(chapter)
        for snippet in hidden["solution"] + hidden["answer"]:
            assert snippet in text, snippet
        for title in _exercise_titles(chapter):
            assert _norm(title) in text, title
        for question in chapter.quiz().questions:
            right = next(o for o in question.options if o.correct)
            assert _norm(question.question) in text and _norm(right.feedback) in text
        for snippet in hidden["teacher"]:
            assert snippet not in text, snippet


def _glossary_terms() -> list[str]:
    """Every term of the glossary page: the unindented lines of its glossary directives."""
    source = (ROOT / "chapters" / "glossary.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\{glossary\}\n(.*?)^```", source, re.M | re.S)
    return [line for block in blocks for line in block.splitlines()
            if line.strip() and not line.startswith((" ", ":"))]


def test_glossary_is_printed_with_every_term_and_offered_to_teachers():
    assert handouts.GLOSSARY in publish.downloads()
    running = (ROOT / "chapters" / "teachers" / "running.md").read_text(encoding="utf-8")
    assert f"{{download-file}}`Glossary <{handouts.GLOSSARY}>`" in running
    terms = _glossary_terms()
    assert len(terms) >= 10
    pages, fonts = _pdf(handouts.HANDOUTS / handouts.GLOSSARY)
    assert 1 <= len(pages) <= 20 and all(_norm(p) for p in pages), "a blank page"
    text = _norm("".join(pages))
    assert [t for t in terms if _norm(t) not in text] == [], "terms missing from the print"
    assert not LOOKALIKES.search("".join(pages)), LOOKALIKES.findall("".join(pages))
    assert fonts and all(BOOK_FONT.match(f) for f in fonts), fonts


def test_one_printer_per_core_this_process_may_use_at_most_two(monkeypatch):
    from meishi_build import printpool

    assert [printpool.workers_for(13, n) for n in (1, 2, 8)] == [1, 2, 2]
    assert printpool.workers_for(1, 8) == 1
    monkeypatch.setattr(printpool.os, "sched_getaffinity", lambda _pid: {0})
    assert printpool.cores() == 1 and printpool.workers_for(13) == 1


def test_two_printers_take_the_jobs_in_turn_and_the_results_come_back_in_order(monkeypatch):
    """The printers' queue, with a stand-in for Chromium: each job's result in its place,
    whichever printer took it; a failed print raises, naming the page."""
    import contextlib

    from meishi_build import devserver, handouts, printpool

    monkeypatch.setattr(devserver, "serve", lambda _html: contextlib.nullcontext("base"))
    monkeypatch.setattr(devserver, "chromium", lambda: contextlib.nullcontext("browser"))
    monkeypatch.setattr(handouts, "print_page",
                        lambda browser, base, path, mode, target, label: int(path))
    jobs = [(str(i), "handout", Path(f"{i}.pdf"), "label") for i in range(13)]
    assert printpool.print_pages(Path("."), jobs, workers=2) == list(range(13))
    assert printpool.print_pages(Path("."), jobs, workers=1) == list(range(13))

    def broken(browser, base, path, mode, target, label):
        if path == "7":
            raise ValueError("no such page")
        return 0

    monkeypatch.setattr(handouts, "print_page", broken)
    with pytest.raises(RuntimeError, match=r"(?s)printing 7 \(handout\) failed.*no such page"):
        printpool.print_pages(Path("."), jobs, workers=2)
