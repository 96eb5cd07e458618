"""The student edition of the web book, built by ``make book`` beside the full book.

Beside the full book (``_build/html``), or after it when a notebook is still to be
executed (:func:`meishi_build.build.both`), :mod:`meishi_build.build` runs
``python -m meishi_build.edition``, which builds ``_build/student/html``: the
same pages from the same sources, without

* the worked solutions (sphinx-exercise ``{solution}``, and ``{solution-start}``
  .. ``{solution-end}`` with the code cells between them);
* the answers under *things to try* and the teacher boxes: the admonitions
  :func:`meishi_build.versions.is_answer` and ``is_teacher`` pick, the rules
  the student notebooks use; a paragraph outside any box that points to the
  teaching plan (``versions.TEACHING_PLAN``) or to a chapter's teacher's guide;
* the "For teachers" part of ``_toc.yml`` (a part whose caption ``is_teacher``
  picks): its pages are not built, and a link to one keeps its text, unlinked,
  so the edition never leads to the answer keys;
* the chapters' full notebooks: each chapter's ``.ipynb`` download (and its
  "Look inside the model" link) is the resolved student notebook, as
  ``make notebooks`` writes it.

Self-check quizzes keep their feedback.  ``QUIZ_KEYS=off`` (``make book
QUIZ_KEYS=off``) leaves quiz keys and feedback out for graded use: each quiz
becomes the chapter's :meth:`meishi.kit.quiz.Quiz.for_students`.

The cuts are made in the read documents (``doctree-resolved``), not in
altered sources, so every notebook's text is the full book's and its outputs
come from the same execution cache (``_build/.jupyter_cache``): built beside the
full book, the student edition executes nothing (the cache holds every notebook).
Its doctrees live in ``_build/.doctrees/student``, so whatever drops the full book's
doctrees (``make book`` after the package or the data changed, a failed build) drops
these too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import docname_join

from .studenttoc import student_toc, student_toc_file, teacher_pages
from .versions import TEACHING_PLAN, is_answer, is_teacher

__all__ = ["QUIZ_KEYS", "lock_quizzes", "main", "quiz_keys", "student_command", "student_toc",
           "teacher_pages", "trim"]

#: The environment variable (``make book QUIZ_KEYS=off``) for graded use.
QUIZ_KEYS = "QUIZ_KEYS"
_SWITCH = {"on": True, "yes": True, "true": True, "1": True, "": True,
           "off": False, "no": False, "false": False, "0": False}
#: Marks the text left where a link into the teacher part was.
TEACHER_LINK = "meishi-teacher-link"
_QUIZ = re.compile(r'<div class="meishi-quiz" id="(quiz-[0-9a-f]+)"')


def quiz_keys(environ: Mapping[str, str]) -> bool:
    """Whether the student edition's quizzes keep their keys (``QUIZ_KEYS``, default on)."""
    value = environ.get(QUIZ_KEYS, "").strip().lower()
    if value not in _SWITCH:
        raise ValueError(f"{QUIZ_KEYS}={environ[QUIZ_KEYS]!r}: use on (self-check quizzes "
                         "with their feedback) or off (no keys, for graded use)")
    return _SWITCH[value]


def _student(app: Any) -> bool:
    return app.config.meishi_edition == "student"


def unlink_teacher_pages(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """``missing-reference``: a link to a teacher page becomes its text."""
    if not _student(app) or node.get("reftype") != "doc":
        return None
    target = docname_join(node.get("refdoc", ""), node["reftarget"])
    pages = teacher_pages(Path(app.srcdir))
    if target not in pages:
        return None
    text = contnode.astext() if node.get("refexplicit") else pages[target]
    return nodes.inline(text, text, classes=[TEACHER_LINK], target=target)


def _in_box(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Admonition):
            return True
        parent = parent.parent
    return False


def _box_title(node: nodes.Element) -> str:
    return node[0].astext() if node.children and isinstance(node[0], nodes.title) else ""


def _points_to_guide(node: nodes.Element, guides: set[str]) -> bool:
    return any(link.get("target") in guides for link in node.findall(nodes.inline)
               if TEACHER_LINK in link["classes"])


def trim(doctree: nodes.document, guides: set[str] = frozenset()) -> int:
    """Cut the solutions, answers, teacher boxes and pointers to them; how many were cut."""
    from sphinx_exercise.nodes import solution_node

    def left_out(node: nodes.Node) -> bool:
        if isinstance(node, solution_node):
            return True
        if isinstance(node, nodes.admonition):
            title = _box_title(node)
            return is_answer(title) or is_teacher(title)
        return (isinstance(node, nodes.paragraph) and not _in_box(node)
                and (bool(TEACHING_PLAN.search(node.astext())) or _points_to_guide(node, guides)))

    cut = list(doctree.findall(left_out))
    for node in cut:
        node.parent.remove(node)
    return len(cut)


def _chapter_quiz(docname: str) -> Any:
    from meishi.chapters import discover

    stem = docname.rpartition("/")[2]
    chapter = next((c for c in discover() if c.stem == stem), None)
    return chapter.quiz() if chapter else None


def lock_quizzes(doctree: nodes.document, docname: str, quiz_of: Any = _chapter_quiz) -> int:
    """Put each quiz's key-free version (``Quiz.for_students``) in place of the quiz."""
    locked = 0
    for raw in list(doctree.findall(nodes.raw)):
        match = _QUIZ.search(raw.astext())
        if not match:
            continue
        quiz = quiz_of(docname)
        if quiz is None or quiz.uid != match.group(1):
            raise ExtensionError(f"{docname}: a quiz ({match.group(1)}) that is not the "
                                 f"chapter's own; {QUIZ_KEYS}=off cannot take its key out")
        raw.replace_self(nodes.raw("", quiz.for_students().to_html(), format="html",
                                   classes=raw["classes"]))
        locked += 1
    return locked


def cut_for_students(app: Any, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: before the page and its search entry are written."""
    if not _student(app):
        return
    from meishi.chapters import discover

    from .guide import page_file

    pages = teacher_pages(Path(app.srcdir))
    stems = {page_file(c).stem for c in discover()}
    trim(doctree, {doc for doc in pages if doc.rpartition("/")[2] in stems})
    if not app.config.meishi_quiz_keys:
        lock_quizzes(doctree, docname)


def student_sources(app: Any, exception: Exception | None) -> None:
    """``build-finished``: each chapter's ``.ipynb`` download is its student notebook.

    Sphinx copies a page's source when it writes the page; only such a fresh
    copy (still the full notebook) is replaced.
    """
    if exception is not None or not _student(app) or app.builder.format != "html":
        return
    from meishi.chapters import discover

    from .resolve import resolve_notebook, resolver_for
    from .versions import student_version

    for chapter in discover():
        doc = app.env.path2doc(str(chapter.notebook))
        copy = Path(app.outdir) / "_sources" / f"{doc}.ipynb"
        if doc is None or not copy.is_file() or copy.read_bytes() != chapter.notebook.read_bytes():
            continue
        made = student_version(json.loads(chapter.notebook.read_text(encoding="utf-8")))
        made = resolve_notebook(made, resolver_for(chapter.notebook.name))
        copy.write_text(json.dumps(made, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.add_config_value("meishi_edition", "full", "env", types=[str])
    app.add_config_value("meishi_quiz_keys", True, "html", types=[bool])
    app.connect("missing-reference", unlink_teacher_pages)
    app.connect("doctree-resolved", cut_for_students)
    app.connect("build-finished", student_sources)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# -- the build -------------------------------------------------------------------

_OWN = {"--all", "-q", "--quiet", "-v", "--verbose"}


def student_command(root: Path, extra: list[str]) -> tuple[list[str], Path] | None:
    """The command that builds the student edition with the full book, and its output
    folder; None when this build makes none (another builder or output, or a book
    without the course's Sphinx extension)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    extensions = (config.get("sphinx") or {}).get("extra_extensions") or []
    if "meishi_build.sphinx_ext" not in extensions \
            or any(a.split("=")[0] not in _OWN for a in extra if a.startswith("-")):
        return None
    quiz_keys(os.environ)  # a bad value stops the build before it starts
    out = root / "_build" / "student" / "html"
    own = [a for a in extra if a in _OWN]
    return [sys.executable, "-m", "meishi_build.edition", "--root", str(root), *own], out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="the book's folder")
    parser.add_argument("--out", type=Path, default=None,
                        help="the edition's folder (default _build/student; its table of "
                             "contents is always _build/student/_toc.yml)")
    parser.add_argument("--doctrees", type=Path, default=None,
                        help="its doctrees (default _build/.doctrees/student)")
    parser.add_argument("--all", action="store_true", help="read every page again")
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    args = parser.parse_args(argv)
    if args.root is None:
        from meishi.paths import ROOT

        args.root = ROOT
    root = args.root.resolve()
    try:
        keys = quiz_keys(os.environ)
    except ValueError as exc:
        print(f"make book: {exc}", file=sys.stderr)
        return 2
    out = (args.out or root / "_build" / "student").resolve()
    doctrees = (args.doctrees or root / "_build" / ".doctrees" / "student").resolve()
    out.mkdir(parents=True, exist_ok=True)
    toc_path = student_toc_file(root)
    overrides = {"external_toc_path": toc_path.as_posix(), "nitpicky": True,
                 "latex_individualpages": False, "meishi_edition": "student",
                 "meishi_quiz_keys": keys,
                 "nb_execution_cache_path": str(root / "_build" / ".jupyter_cache"),
                 "meishi_handouts_dir": str(root / "_build" / "handouts")}
    print(f"Student edition (quiz keys {'on' if keys else 'off'})\nOutput Path: {out / 'html'}",
          flush=True)
    from jupyter_book.sphinx import build_sphinx

    status = build_sphinx(root, out / "html", noconfig=True, path_config=root / "_config.yml",
                          confoverrides=overrides, doctreedir=doctrees, warningiserror=True,
                          keep_going=True, freshenv=args.all, quiet=args.quiet,
                          verbosity=args.verbose)
    return status if isinstance(status, int) else 1


if __name__ == "__main__":
    raise SystemExit(main())
