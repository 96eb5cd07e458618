"""The student edition (meishi_build.edition): `make book` builds it into _build/student/html.

Unit tests of its rules, then checks of the built edition beside the full book:
no solution, no *things to try* answer, no teacher box and no teacher page in
the student edition (each answer is first found in the full book's chapter, so
a check cannot pass by looking for text that was never there); quizzes keep
their feedback; with ``QUIZ_KEYS=off`` no quiz key at all; the full book keeps
everything.  Without a build these skip, unless MEISHI_REQUIRE_BUILD or CI is
set, when they fail.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx_exercise.nodes import solution_node

from helpers import ROOT, toc_files
from meishi.chapters import discover
from meishi.kit.quiz import load_quiz
from meishi_build import edition
from meishi_build.chapter_parts import read_parts

FULL = ROOT / "_build" / "html"
STUDENT = ROOT / "_build" / "student" / "html"
TEACHER_PAGES = set(edition.teacher_pages(ROOT))


# -- the rules -------------------------------------------------------------------

@pytest.mark.parametrize(("value", "keys"), [("", True), ("on", True), ("OFF", False),
                                             ("no", False), ("1", True), ("0", False)])
def test_quiz_keys_switch(value, keys):
    assert edition.quiz_keys({"QUIZ_KEYS": value}) is keys
    assert edition.quiz_keys({}) is True


def test_a_bad_quiz_keys_value_is_refused_with_its_name():
    with pytest.raises(ValueError, match=r"QUIZ_KEYS='maybe': use on .* or off"):
        edition.quiz_keys({"QUIZ_KEYS": "maybe"})
    result = subprocess.run([sys.executable, "-m", "meishi_build.build", "--root", str(ROOT)],
                            env={**os.environ, "QUIZ_KEYS": "maybe"}, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 2 and "QUIZ_KEYS='maybe'" in result.stderr


def test_the_student_toc_has_no_teacher_part():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    kept = edition.student_toc(toc)
    captions = [p["caption"] for p in kept["parts"]]
    assert "For teachers" not in captions and len(captions) == len(toc["parts"]) - 1
    assert {f"chapters/teachers/guide_{c.stem}" for c in discover()} <= TEACHER_PAGES
    assert "chapters/teachers/overview" in TEACHER_PAGES
    assert edition.teacher_pages(ROOT)["chapters/teachers/adapt"] == "Adapt and reuse this course"


def _box(title: str, text: str) -> nodes.admonition:
    return nodes.admonition("", nodes.title(title, title), nodes.paragraph(text, text))


def test_trim_cuts_solutions_answers_teacher_boxes_and_pointers():
    doc = nodes.document(None, None)
    section = nodes.section()
    doc += section
    link = nodes.inline("the guide", "the guide", classes=[edition.TEACHER_LINK],
                        target="chapters/teachers/guide_01_x")
    other = nodes.inline("adapt", "adapt", classes=[edition.TEACHER_LINK],
                         target="chapters/teachers/adapt")
    section += [
        nodes.paragraph("Question one.", "Question one."),
        _box("Answer", "secret answer"),
        _box("Answer key to nothing", "kept: not an answer fold"),
        _box("For teachers", "teacher box"),
        _box("At a glance", "kept box"),
        solution_node("", nodes.paragraph("worked", "worked solution")),
        nodes.paragraph("", "", nodes.Text("Notes for teachers are in "), link),
        nodes.paragraph("", "", nodes.Text("Licences: see "), other),
        nodes.paragraph("See the teaching plan.", "See the teaching plan."),
    ]
    assert edition.trim(doc, {"chapters/teachers/guide_01_x"}) == 5
    text = doc.astext()
    for gone in ("secret answer", "teacher box", "worked solution", "Notes for teachers",
                 "teaching plan"):
        assert gone not in text
    for kept in ("Question one.", "kept: not an answer fold", "kept box", "Licences: see adapt"):
        assert kept in text


def test_lock_quizzes_puts_the_key_free_quiz_in_place():
    quiz = load_quiz(discover()[1].stem)
    doc = nodes.document(None, None)
    doc += nodes.raw("", quiz.to_html(), format="html", classes=["output", "text_html"])
    assert edition.lock_quizzes(doc, "chapters/x", quiz_of=lambda _doc: quiz) == 1
    (raw,) = doc.findall(nodes.raw)
    assert raw.astext() == quiz.for_students().to_html()
    assert "data-correct" not in raw.astext() and raw["classes"] == ["output", "text_html"]
    stranger = load_quiz(discover()[2].stem)
    doc = nodes.document(None, None)
    doc += nodes.raw("", stranger.to_html(), format="html")
    with pytest.raises(Exception, match="not the chapter's own"):
        edition.lock_quizzes(doc, "chapters/x", quiz_of=lambda _doc: quiz)


def test_the_student_edition_follows_only_a_plain_html_build_of_the_course(tmp_path):
    cmd, out = edition.student_command(ROOT, ["--quiet"])
    assert cmd[1:4] == ["-m", "meishi_build.edition", "--root"] and "--quiet" in cmd
    assert out == ROOT / "_build" / "student" / "html"
    assert edition.student_command(ROOT, ["--builder", "latex"]) is None
    (tmp_path / "_config.yml").write_text("title: Tiny\n", encoding="utf-8")
    assert edition.student_command(tmp_path, []) is None


# -- the built editions ----------------------------------------------------------

def _need(folder: Path) -> None:
    if not (folder / "index.html").is_file():
        message = f"{folder.relative_to(ROOT)} is not built: run `make book` (or `make test`)"
        if os.environ.get("MEISHI_REQUIRE_BUILD") or os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _pages(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).with_suffix("").as_posix(): p.read_text(encoding="utf-8")
            for p in folder.rglob("*.html") if not p.relative_to(folder).parts[0].startswith("_")}


@pytest.fixture(scope="module")
def full() -> dict[str, str]:
    _need(FULL)
    return _pages(FULL)


@pytest.fixture(scope="module")
def student() -> dict[str, str]:
    _need(STUDENT)
    return _pages(STUDENT)


def _text(page: str) -> str:
    soup = BeautifulSoup(page, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    text = soup.get_text(" ")
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"',
                                         "\u201d": '"', "\xa0": " "}))
    return re.sub(r"\s+", " ", text)


def _plain_snippet(myst: str) -> str:
    """The longest run of plain words in an answer's MyST (no role, number or markup)."""
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", "|", myst)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("*", "")
    runs = re.split(r"[^A-Za-z ,']+", text)
    return max((r.strip(" ,") for r in runs), key=lambda r: len(r.split()))


def _answers() -> list[tuple[str, str, str]]:
    found = []
    for chapter in discover():
        parts = read_parts(chapter.notebook)
        found += [(chapter.stem, f"solution {e.label}", _plain_snippet(e.solution))
                  for e in parts.exercises if e.solution.strip()]
        found += [(chapter.stem, f"answer to {t.question[:30]!r}", _plain_snippet(t.answer))
                  for t in parts.tries if t.answer]
    return found


def test_the_student_edition_holds_no_solution_and_no_answer(full, student):
    answers = _answers()
    assert len(answers) >= 20, answers
    texts = {page: _text(body) for page, body in student.items()}
    chapters = {stem: _text(full[f"chapters/{stem}"]) for stem in {a[0] for a in answers}}
    leaks, missing = [], []
    for stem, what, snippet in answers:
        assert len(snippet.split()) >= 4, (stem, what, snippet)
        if snippet not in chapters[stem]:
            missing.append((stem, what, snippet))
        leaks += [(page, what, snippet) for page, text in texts.items() if snippet in text]
    assert not missing, f"not found in the full book, so not a fair check: {missing}"
    assert not leaks, leaks


def test_the_student_edition_has_no_solution_answer_or_teacher_box(full, student):
    def boxes(pages: dict[str, str]) -> dict[str, int]:
        counts = {"solution": 0, "answer": 0, "teacher": 0}
        for body in pages.values():
            soup = BeautifulSoup(body, "html.parser")
            counts["solution"] += len(soup.select("div.solution"))
            titles = [t.get_text(" ", strip=True) for t in soup.select(".admonition-title")]
            counts["answer"] += titles.count("Answer")
            counts["teacher"] += sum(t.startswith("For teachers") for t in titles)
        return counts

    chapters = {k: v for k, v in full.items() if re.fullmatch(r"chapters/\d\d_\w+", k)}
    assert all(boxes(chapters).values()), boxes(chapters)
    assert boxes(student) == {"solution": 0, "answer": 0, "teacher": 0}
    for body in student.values():
        text = _text(body)
        assert "Notes for teachers" not in text and "teacher's guide to this chapter" not in text


def test_the_student_edition_has_no_teacher_page_and_no_link_to_one(full, student):
    expected = set(toc_files()) - TEACHER_PAGES
    assert set(student) - {"genindex", "search"} == expected
    assert set(full) >= TEACHER_PAGES
    assert not (STUDENT / "_sources" / "chapters" / "teachers").exists()
    assert "teachers/" not in (STUDENT / "searchindex.js").read_text(encoding="utf-8")
    for name, body in student.items():
        soup = BeautifulSoup(body, "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            assert "teachers/" not in href, (name, href)
            if re.match(r"[a-z]+:|#", href):
                continue
            target = (STUDENT / name).parent / href.split("#")[0]
            assert target.exists(), (name, href)


def test_every_anchor_the_student_edition_links_exists(student):
    ids = {name: set(re.findall(r'\bid="([^"]+)"', body)) for name, body in student.items()}
    broken = []
    for name, body in student.items():
        for href in re.findall(r'href="([^"]*#[^"]+)"', body):
            path, _, anchor = html_lib.unescape(href).partition("#")
            if re.match(r"[a-z]+:", path):
                continue
            page = (Path(name).parent / path).as_posix() if path else name
            page = os.path.normpath(page).removesuffix(".html")
            if page in ids and anchor not in ids[page]:
                broken.append((name, href))
    assert not broken, broken


def test_student_quizzes_keep_their_feedback_and_downloads_are_student_notebooks(student):
    for chapter in discover():
        page = student[f"chapters/{chapter.stem}"]
        if os.environ.get("QUIZ_KEYS", "on").lower() not in ("off", "no", "false", "0"):
            assert page.count("data-feedback=") >= 4 and "meishi-quiz-check" in page
        source = STUDENT / "_sources" / "chapters" / chapter.notebook.name
        text = source.read_text(encoding="utf-8")
        assert "Student version." in text and "solution-start" not in text, source
        assert "{admonition} Answer" not in text and ".for_students()" in text, source


def test_the_full_book_keeps_solutions_quiz_keys_and_its_sources(full):
    for chapter in discover():
        page = full[f"chapters/{chapter.stem}"]
        assert "data-correct=" in page and "meishi-quiz-key" in page, chapter.stem
        source = FULL / "_sources" / "chapters" / chapter.notebook.name
        assert source.read_bytes() == chapter.notebook.read_bytes()


@pytest.fixture(scope="module")
def keys_off(tmp_path_factory, student) -> dict[str, str]:
    """The student edition again with QUIZ_KEYS=off, from a copy of its read documents
    (a rewrite, nothing read or executed again)."""
    tmp = tmp_path_factory.mktemp("keys-off")
    shutil.copytree(ROOT / "_build" / ".doctrees" / "student", tmp / "doctrees")
    result = subprocess.run(
        [sys.executable, "-m", "meishi_build.edition", "--out", str(tmp / "out"),
         "--doctrees", str(tmp / "doctrees")],
        env={**os.environ, "QUIZ_KEYS": "off"}, capture_output=True, text=True,
        timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    # written from the read documents, none read again (edition._student_toc_file)
    assert "writing output" in result.stdout, result.stdout[-3000:]
    assert "0 added, 0 changed, 0 removed" in result.stdout, result.stdout[-3000:]
    return _pages(tmp / "out" / "html")


def test_with_quiz_keys_off_no_quiz_key_is_left(keys_off):
    quizzes = 0
    for name, page in keys_off.items():
        for gone in ("data-correct", "data-feedback", "meishi-quiz-key", "meishi-quiz-check",
                     "Answer key"):
            assert gone not in page, (name, gone)
        quizzes += page.count("meishi-quiz-no-key")
    assert quizzes == len(discover())
    chapter = discover()[1]
    quiz = chapter.quiz().for_students()
    assert quiz.to_html() in keys_off[f"chapters/{chapter.stem}"]

