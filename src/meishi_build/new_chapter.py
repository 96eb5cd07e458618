"""Start a new chapter from the one template: ``make chapter NUMBER=2 SLUG=modesty TITLE="…"``.

Writes, from ``templates/chapter``:

* ``chapters/NN_SLUG.ipynb``: a notebook skeleton with every section the
  chapter contract asks for (``shared/brief/chapter-contract.md``);
* ``chapters/quizzes/NN_SLUG.yml``: the quiz, five questions to write;
* ``src/meishi/chapters/SLUG/``: the chapter's package (``facts``,
  ``charts``, ``widgets``), found by :func:`meishi.chapters.discover`;
* ``tests/chapters/test_SLUG.py``: the chapter's own tests;
* ``chapters/teachers/NN_SLUG.yml``: the teacher's guide data (plans,
  discussion notes, rubric), from which ``make book`` writes the guide page.

It refuses to overwrite anything, and prints the few places it cannot
fill in by itself (the table of contents, the data and their sources, the
widget's front end, glossary and bibliography entries).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from meishi.paths import ROOT

__all__ = ["MANUAL_STEPS", "render", "targets", "write_chapter"]

TEMPLATES = Path(__file__).resolve().parent / "templates" / "chapter"

#: template file -> where it goes ({stem} = NN_slug)
TARGETS = {
    "notebook.ipynb": "chapters/{stem}.ipynb",
    "quiz.yml": "chapters/quizzes/{stem}.yml",
    "package_init.py.txt": "src/meishi/chapters/{slug}/__init__.py",
    "facts.py.txt": "src/meishi/chapters/{slug}/facts.py",
    "charts.py.txt": "src/meishi/chapters/{slug}/charts.py",
    "widgets.py.txt": "src/meishi/chapters/{slug}/widgets.py",
    "test_chapter.py.txt": "tests/chapters/test_{slug}.py",
    "guide.yml": "chapters/teachers/{stem}.yml",
}

MANUAL_STEPS = """\
Now, by hand (the README's "Adding a chapter" says more):
  1. _toc.yml: add `- file: chapters/{stem}` to the chapters part, and
     `- file: chapters/teachers/guide_{stem}` (its teacher's guide) to "For teachers".
  2. assets/data: the chapter's CSV files, each with an entry in sources.yml.
  3. web/src/widgets/<id>/: the widget's front end (logic.js + index.js); make web bundles it.
  4. chapters/glossary.md and assets/references.bib: new terms and sources.
"""


def targets(number: int, slug: str) -> dict[str, Path]:
    stem = f"{number:02d}_{slug}"
    return {name: Path(dest.format(stem=stem, slug=slug)) for name, dest in TARGETS.items()}


def render(text: str, *, number: int, slug: str, title: str) -> str:
    """Fill ``{{number}}``, ``{{nn}}``, ``{{slug}}``, ``{{title}}``, ``{{Slug}}`` in a template."""
    values = {"number": str(number), "nn": f"{number:02d}", "slug": slug, "title": title,
              "Slug": "".join(part.title() for part in slug.split("_"))}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], text)


def write_chapter(number: int, slug: str, title: str, root: Path = ROOT) -> list[Path]:
    """Write the new chapter's files under ``root``; returns them (relative to root)."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", slug):
        raise ValueError("the topic word must be lower case letters, digits and _, "
                         f"starting with a letter: {slug!r}")
    if not 0 < number < 100:
        raise ValueError("the chapter number must be from 1 to 99")
    if not title.strip():
        raise ValueError("the chapter needs a title")
    planned = targets(number, slug)
    clashes = [str(p) for p in planned.values() if (root / p).exists()]
    if clashes:
        raise FileExistsError("already there, not overwritten: " + ", ".join(clashes))
    for name, rel in planned.items():
        text = render((TEMPLATES / name).read_text(encoding="utf-8"),
                      number=number, slug=slug, title=title.strip())
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return list(planned.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, required=True)
    parser.add_argument("--slug", required=True, help="the chapter's topic word, e.g. modesty")
    parser.add_argument("--title", required=True)
    args = parser.parse_args(argv)
    try:
        written = write_chapter(args.number, args.slug, args.title)
    except (ValueError, FileExistsError) as exc:
        print(f"new chapter: {exc}", file=sys.stderr)
        return 2
    print("Wrote:\n" + "\n".join(f"  {p}" for p in written))
    print(MANUAL_STEPS.format(stem=f"{args.number:02d}_{args.slug}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
