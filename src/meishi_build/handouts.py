"""Printable handouts from the built book: ``python -m meishi_build.handouts``.

``make handouts`` prints each chapter's own page in Debian's Chromium
(headless, every request outside the local book aborted) through the
book's print stylesheet (``_static/print.css``), so there is no second
typesetting system to keep in step with the book:

* ``_build/handouts/NN_slug.pdf``: the chapter as a class handout, with its
  figures, the widgets in their default state, the exercises without
  solutions, the quiz without answers and the discussion prompts;
* ``_build/handouts/answer-key.pdf``: every chapter's exercises with their
  solutions, the answers under *things to try* and the quiz key;
* ``_build/handouts/glossary.pdf``: the glossary page, printed the same way,
  for students to keep beside the handouts;
* ``_build/handouts/whole-course.pdf``: a cover, a contents page and every
  chapter's handout in order (:mod:`meishi_build.coursepdf`), from the same
  prints as the handouts.

Chromium prints each page with its running header and no page number; the
numbers are written on each finished PDF (:mod:`meishi_build.pdfpages`), so
the answer key and the whole course number their pages through.

Before printing, the page is switched into its print mode (a class on
``<html>``); answer folds and teacher boxes are found by their titles with
the same rules as the student notebooks (:mod:`meishi_build.versions`).
The book's Japanese webfont is loaded (``document.fonts.ready``) before
each page is printed, so kanji print as text in an embedded font.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
from pathlib import Path

import yaml

from meishi.paths import BUILD, HTML, ROOT

from . import coursepdf, versions
from .devserver import NOT_FOUND, chromium, chromium_path, local_only, serve
from .printpool import Job, print_pages

__all__ = ["GLOSSARY", "HANDOUTS", "answer_key", "chapter_pages", "numbered", "write_handouts"]

HANDOUTS = BUILD / "handouts"
ANSWER_KEY = "answer-key.pdf"
#: The glossary page in the built book, and its printed handout.
GLOSSARY_PAGE, GLOSSARY = "chapters/glossary.html", "glossary.pdf"
#: The width the page is laid out at: an A4 sheet's text width, so widgets
#: draw their charts at the size they are printed.
VIEWPORT = {"width": 760, "height": 1100}

#: Runs in the page: marks answer folds and teacher boxes, sets the print mode
#: and, for the answer key, keeps only the exercises, answers and quiz key.
_PREPARE_JS = """
([mode, answerTitles, teacherPrefix, planPattern]) => {
  const article = document.querySelector('article.bd-article');
  for (const box of article.querySelectorAll('.admonition')) {
    const title = box.querySelector(':scope > .admonition-title');
    const text = title ? title.textContent.trim() : '';
    if (answerTitles.includes(text)) box.classList.add('meishi-answer');
    if (text.startsWith(teacherPrefix)) box.classList.add('meishi-teacher');
  }
  const plan = new RegExp(planPattern, 'i');
  for (const p of article.querySelectorAll('p')) {
    if (!p.closest('.meishi-teacher') && plan.test(p.textContent)) {
      p.classList.add('meishi-teacher-pointer');
    }
  }
  document.documentElement.classList.add('meishi-' + mode);
  if (mode !== 'answers') return 0;

  for (const el of document.querySelectorAll('.toggle-hidden')) {
    el.classList.remove('toggle-hidden');
  }
  for (const quiz of article.querySelectorAll('.meishi-quiz')) {  // the key: right answers marked
    for (const input of quiz.querySelectorAll('input[data-correct="true"]')) {
      const option = input.closest('.meishi-quiz-option');
      option.classList.add('meishi-correct');
      const why = document.createElement('p');
      why.className = 'meishi-quiz-why';
      why.textContent = input.dataset.feedback;
      option.after(why);
    }
  }
  const lists = new Set([...article.querySelectorAll('.meishi-answer')]
    .map(a => a.closest('ol, ul')).filter(Boolean));
  const picked = [...article.querySelectorAll('h2, .exercise, .solution, .meishi-quiz')]
    .concat([...lists]).filter(el => !el.closest('.meishi-teacher'))
    .filter(el => ![...lists].some(l => l !== el && l.contains(el)))
    .sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  const part = document.createElement('div');
  part.className = 'meishi-answers-part';
  const h1 = article.querySelector('h1').cloneNode(true);
  h1.prepend('Answers: ');
  part.append(h1);
  let heading = null;
  for (const el of picked) {
    if (el.tagName === 'H2') { heading = el; continue; }
    if (heading) { part.append(heading.cloneNode(true)); heading = null; }
    const before = el.previousElementSibling;
    if (lists.has(el) && before && before.tagName === 'P' && before.textContent.length < 60) {
      part.append(before.cloneNode(true));
    }
    part.append(el.cloneNode(true));
  }
  article.replaceChildren(part);
  return part.querySelectorAll('.solution, .meishi-answer, .meishi-correct').length;
}
"""

_WAIT_JS = """
async () => {
  document.body.getBoundingClientRect();
  await document.fonts.ready;
  await Promise.all([...document.images].map(i => i.complete ? 0 : i.decode().catch(() => 0)));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
  return document.fonts.status;
}
"""


def _config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def course_title() -> str:
    return str(_config()["title"])


def chapter_pages() -> list[tuple[str, str, str]]:
    """(stem, page in the built book, title) for every chapter, found by discovery."""
    from meishi.chapters import discover

    return [(c.stem, f"chapters/{c.stem}.html", c.title) for c in discover()]


def _templates(label: str) -> dict[str, str]:
    style = "font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; margin: 0 14mm;"
    return {
        "header_template": f'<div style="{style}">{html.escape(label)}</div>',
        "footer_template": "<span></span>",  # the page numbers: pdfpages.number_pages
    }


def print_page(browser, base: str, path: str, mode: str, target: Path, label: str) -> int:
    """Print one page of the book in ``mode`` ("handout" or "answers") to ``target``.

    Returns how many answers the answer-key mode kept (0 for a handout).
    """
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        local_only(page, base)
        page.goto(f"{base}/{path}", wait_until="networkidle")
        if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
            page.wait_for_selector('html[data-meishi-widgets="ready"]', state="attached",
                                   timeout=30000)
        kept = page.evaluate(_PREPARE_JS, [mode, list(versions.ANSWER_TITLES),
                                           versions.TEACHER_PREFIX,
                                           versions.TEACHING_PLAN.pattern])
        page.emulate_media(media="print")
        status = page.evaluate(_WAIT_JS)
        if status != "loaded":
            raise RuntimeError(f"{path}: fonts still {status} before printing")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), format="A4", print_background=True,
                 display_header_footer=True,
                 margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                 **_templates(label))
        return int(kept)
    finally:
        context.close()


def answer_key(parts: list[Path], target: Path) -> int:
    """Join the chapters' answer pages into one PDF; returns its page count."""
    from pypdf import PdfWriter

    from .pdfpages import number_pages

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part), outline_item=None)
    number_pages(writer)
    writer.add_metadata({"/Title": f"{course_title()}: answer key"})
    with target.open("wb") as f:
        writer.write(f)
    return len(writer.pages)


def numbered(printed: Path, target: Path) -> Path:
    """``printed`` (one page of the book as Chromium printed it) with its pages numbered."""
    from pypdf import PdfReader, PdfWriter

    from .pdfpages import number_pages

    reader = PdfReader(str(printed))
    writer = PdfWriter()
    writer.append(reader)
    writer.add_metadata({k: v for k, v in (reader.metadata or {}).items() if k == "/Title"})
    number_pages(writer)
    with target.open("wb") as f:
        writer.write(f)
    return target


def write_handouts(out: Path = HANDOUTS) -> dict[str, Path]:
    """Every chapter's handout, the answer key and the whole course; the built book must exist."""
    if not (HTML / "index.html").is_file():
        raise SystemExit("the book is not built: run `make book` first")
    title = course_title()
    written: dict[str, Path] = {}
    work = out / "prints"
    chapters = chapter_pages()
    jobs: list[Job] = []
    for stem, path, chapter in chapters:
        jobs += [(path, "handout", work / f"{stem}.pdf", f"{title} · {chapter}"),
                 (path, "answers", work / f"{stem}.answers.pdf",
                  f"{title} · answer key · {chapter}")]
    jobs.append((GLOSSARY_PAGE, "handout", work / GLOSSARY, f"{title} · Glossary"))
    for (path, mode, _target, _label), kept in zip(jobs, print_pages(HTML, jobs), strict=True):
        if mode == "answers" and kept == 0:
            raise RuntimeError(f"{path}: no solutions or answers found for the answer key")
    for stem, _path, _chapter in chapters:
        written[stem] = numbered(work / f"{stem}.pdf", out / f"{stem}.pdf")
    written["glossary"] = numbered(work / GLOSSARY, out / GLOSSARY)
    written["answer-key"] = out / ANSWER_KEY
    answer_key([work / f"{stem}.answers.pdf" for stem, _p, _c in chapters],
               written["answer-key"])
    config = _config()
    prints = [(path, work / f"{stem}.pdf") for stem, path, _chapter in chapters]
    with serve(HTML) as base, chromium() as browser:
        written["whole-course"] = coursepdf.write_course(
            browser, base, prints, out / coursepdf.COURSE_PDF, title=title,
            author=str(config.get("author", "")), year=str(config.get("copyright", "")))
    shutil.rmtree(work)
    return written


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HANDOUTS)
    parser.add_argument("--if-chromium", action="store_true",
                        help="skip, with a message, on a machine without Chromium")
    parser.add_argument("--update-readme", action="store_true",
                        help="write the page counts into README.md")
    args = parser.parse_args(argv)
    if args.if_chromium and chromium_path() is None:
        print(f"handouts skipped: {NOT_FOUND}", file=sys.stderr)
        return 0
    written = write_handouts(args.out)
    # the built site offers each chapter's handout in its download menu, and the teacher's
    # pages the rest (sphinx_ext copies them in at build time); refresh the copies a
    # previous build made (full book and student edition), without a rebuild
    for site in (HTML / "_handouts", BUILD / "student" / "html" / "_handouts"):  # both editions
        for path in written.values():
            if (site / path.name).is_file():
                shutil.copy2(path, site / path.name)
    table = ["| PDF | Pages (A4) |", "|---|---:|"]
    table += [f"| {path.name} | {page_count(path)} |" for path in written.values()]
    print("\n".join(table))
    if args.update_readme:
        from .bench import update_readme

        update_readme("\n".join(table), marker="handouts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
