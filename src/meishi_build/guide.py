"""The teacher's guide: one page per chapter, built from the chapter and a data file.

What a teacher needs that the chapter does not hold (where each objective is
assessed, 60- and 90-minute plans, notes for each discussion prompt, a rubric
for the open reflection exercise) lives in ``chapters/teachers/NN_slug.yml``,
one file per chapter found by :func:`meishi.chapters.discover`.  What the
chapter does hold (objectives, exercises and solutions, things to try and
their answers, the prompts) is read from its notebook
(:mod:`meishi_build.chapter_parts`), never copied by hand.
:mod:`meishi_build.guide_page` turns both into ``chapters/teachers/guide_NN_slug.ipynb``,
whose first hidden cell glues the chapter's numbers, so the guide quotes the
same figures as the chapter.

``python -m meishi_build.guide`` (run by ``make book``) checks every guide
file and writes the pages, the assessment pack's page and marking sheet
(:mod:`meishi_build.assessment`) and the course plans' tables in the
overview and reading times in ``index.md`` (:mod:`meishi_build.course_plans`);
``--check`` only reports pages that are missing or out of date (a test runs
it).  A guide file for a chapter that does not exist, or a chapter without
one, is an error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from meishi.chapters import Chapter, discover, facts_once
from meishi.data.yamlfile import Lines, read_yaml
from meishi.paths import CHAPTERS

from .chapter_parts import REFLECT_SUFFIX, ChapterParts, read_parts
from .guide_assess import assignment_problems
from .guide_plans import plan_problems

__all__ = ["GUIDES", "LEVELS", "guide_file", "load_guide", "main", "page_file", "problems",
           "stray_guides"]

#: Where the guide files and the generated guide pages live.
GUIDES = CHAPTERS / "teachers"
#: The levels every rubric criterion describes, best first.
LEVELS = ("strong", "adequate", "beginning")
_KEYS = {"objectives", "plans", "discussion", "rubric", "activities", "try_answers",
         "quiz_sections", "exercise_minutes", "assignment"}
_REQUIRED = {"objectives", "plans", "discussion", "rubric", "quiz_sections", "exercise_minutes",
             "assignment"}


def guide_file(chapter: Chapter, folder: Path = GUIDES) -> Path:
    return folder / f"{chapter.stem}.yml"


def page_file(chapter: Chapter, folder: Path = GUIDES) -> Path:
    return folder / f"guide_{chapter.stem}.ipynb"


def load_guide(path: Path) -> dict[str, Any]:
    """The guide file's data; a broken file raises a ValueError naming it and the line."""
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise ValueError(f"{lines.at()}: a guide file is a mapping (objectives, plans, ...)")
    return data


#: A problem's opening words -> the item of the guide file it is about.
_ITEMS = [
    (re.compile(r"^objectives?[: ](\d+)?"), lambda m: ("objectives", m.group(1) or "")),
    (re.compile(r"^(?:exercise \S+|quiz question \d+) is mapped"), lambda m: ("objectives",)),
    (re.compile(r"^plans (\d+) step (\d+)"),
     lambda m: ("plans", int(m.group(1)), int(m.group(2)) - 1)),
    (re.compile(r"^plans (\d+)?"), lambda m: ("plans", m.group(1) or "")),
    (re.compile(r"^quiz_sections (\d+)"), lambda m: ("quiz_sections", int(m.group(1)))),
    (re.compile(r"^assignment item (\d+)"),
     lambda m: ("assignment", "items", int(m.group(1)) - 1)),
    (re.compile(r"^(quiz_sections|exercise_minutes|assignment)\b"), lambda m: (m.group(1),)),
    (re.compile(r"^plans:"), lambda m: ("plans",)),
    (re.compile(r"^discussion note (\d+)"), lambda m: ("discussion", int(m.group(1)) - 1)),
    (re.compile(r"^discussion:"), lambda m: ("discussion",)),
    (re.compile(r"^rubric criterion (\d+)"),
     lambda m: ("rubric", "criteria", int(m.group(1)) - 1)),
    (re.compile(r"^rubric:"), lambda m: ("rubric",)),
    (re.compile(r"^try_answers (\S+?):"), lambda m: ("try_answers", m.group(1))),
    (re.compile(r"^things to try \d+"), lambda m: ("try_answers",)),
    (re.compile(r"^activity (\d+)"), lambda m: ("activities", int(m.group(1)) - 1)),
    (re.compile(r"^unknown key '([^']+)'"), lambda m: (m.group(1),)),
]


def _placed(problem: str, lines: Lines) -> str:
    """``<file>, line N: problem``, N the line of the item the problem names (the file's
    first line when it names none, e.g. a missing key or the chapter's own text)."""
    for pattern, path in _ITEMS:
        match = pattern.match(problem)
        if match:
            return f"{lines.at(*path(match))}: {problem}"
    return f"{lines.at()}: {problem}"


def stray_guides(chapters: list[Chapter], folder: Path = GUIDES) -> list[str]:
    """Guide files (``NN_slug.yml``) whose chapter does not exist."""
    stems = {c.stem for c in chapters}
    return sorted(p.name for p in folder.glob("[0-9][0-9]_*.yml") if p.stem not in stems)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _objective_problems(data: Mapping, parts: ChapterParts, questions: int) -> list[str]:
    found: list[str] = []
    objectives = data.get("objectives")
    numbers = set(range(1, len(parts.objectives) + 1))
    if not parts.objectives:
        return ["the chapter's 'At a glance' box lists no numbered objectives"]
    if not isinstance(objectives, dict) or set(objectives) != numbers:
        keys = sorted(objectives) if isinstance(objectives, dict) else objectives
        return [f"objectives: expected exactly the numbers {sorted(numbers)} of the chapter's "
                f"'At a glance' objectives, found {keys}"]
    labels = {e.label for e in parts.exercises}
    used_labels: set[str] = set()
    used_questions: set[int] = set()
    for number, entry in sorted(objectives.items()):
        entry = entry or {}
        exercises, quiz = entry.get("exercises", []), entry.get("quiz", [])
        if set(entry) - {"exercises", "quiz"} or not isinstance(exercises, list) \
                or not isinstance(quiz, list):
            found.append(f"objective {number}: give lists 'exercises' and 'quiz', nothing else")
            continue
        if not exercises and not quiz:
            found.append(f"objective {number} is assessed by no exercise and no quiz question")
        found += [f"objective {number}: no exercise labelled {x!r} in the chapter"
                  for x in exercises if x not in labels]
        found += [f"objective {number}: the quiz has no question {q!r} (1 to {questions})"
                  for q in quiz if q not in range(1, questions + 1)]
        used_labels.update(exercises)
        used_questions.update(q for q in quiz if isinstance(q, int))
    found += [f"exercise {x} is mapped to no objective" for x in sorted(labels - used_labels)]
    found += [f"quiz question {q} is mapped to no objective"
              for q in sorted(set(range(1, questions + 1)) - used_questions)]
    return found


def _discussion_problems(data: Mapping, parts: ChapterParts) -> list[str]:
    notes = data.get("discussion")
    if not parts.prompts:
        return ["the chapter has no list of discussion prompts under 'For discussion'"]
    if not isinstance(notes, list) or len(notes) != len(parts.prompts):
        count = len(notes) if isinstance(notes, list) else 0
        return [f"discussion: {count} notes for the chapter's {len(parts.prompts)} prompts"]
    found = []
    for number, note in enumerate(notes, 1):
        if not isinstance(note, dict) or set(note) != {"say", "misconceptions", "follow_up"} \
                or not (_text(note["say"]) and _text(note["misconceptions"])) \
                or not (isinstance(note["follow_up"], list) and note["follow_up"]
                        and all(_text(q) for q in note["follow_up"])):
            found.append(f"discussion note {number}: give 'say', 'misconceptions' and a list "
                         "of 'follow_up' questions")
    return found


def _rubric_problems(data: Mapping, parts: ChapterParts) -> list[str]:
    reflections = [e for e in parts.exercises if e.is_reflection]
    if len(reflections) != 1:
        return [f"the chapter needs exactly one open reflection exercise, labelled "
                f"'...{REFLECT_SUFFIX}'; found {[e.label for e in reflections]}"]
    found = []
    if not reflections[0].solution.startswith("Open question"):
        found.append(f"{reflections[0].label}: its solution should begin 'Open question'")
    criteria = (data.get("rubric") or {}).get("criteria") if isinstance(
        data.get("rubric"), dict) else None
    if not isinstance(criteria, list) or not criteria:
        return [*found, "rubric: give a list of criteria"]
    for number, item in enumerate(criteria, 1):
        if not isinstance(item, dict) or set(item) != {"criterion", *LEVELS} \
                or not all(_text(item[k]) for k in item):
            found.append(f"rubric criterion {number}: give 'criterion' and the levels "
                         f"{', '.join(LEVELS)}")
    return found


def _try_problems(data: Mapping, parts: ChapterParts) -> list[str]:
    extra = data.get("try_answers") or {}
    if not isinstance(extra, dict):
        return ["try_answers: a mapping from item number to answer"]
    unanswered = {n for n, t in enumerate(parts.tries, 1) if t.answer is None}
    found = [f"things to try {n}: the chapter has no answer fold, so the guide file needs one "
             "under try_answers" for n in sorted(unanswered - set(extra))]
    found += [f"try_answers {n}: the chapter already answers this item (or has no item {n}); "
              "remove it here" for n in sorted(set(extra) - unanswered, key=str)]
    found += [f"try_answers {n}: empty answer" for n in extra if not _text(extra[n])]
    return found


def problems(data: Mapping, parts: ChapterParts, questions: int) -> list[str]:
    """Everything wrong with one chapter's guide data; [] when it is complete."""
    found = [f"unknown key {k!r} (known: {', '.join(sorted(_KEYS))})" for k in set(data) - _KEYS]
    found += [f"missing key {k!r}" for k in sorted(_REQUIRED - set(data))]
    found += _objective_problems(data, parts, questions)
    found += plan_problems(data, parts, questions)
    found += _discussion_problems(data, parts)
    found += _rubric_problems(data, parts)
    found += _try_problems(data, parts)
    found += assignment_problems(data, parts)
    for number, item in enumerate(data.get("activities") or [], 1):
        if not (isinstance(item, dict) and set(item) == {"title", "text"}
                and _text(item["title"]) and _text(item["text"])):
            found.append(f"activity {number}: give a title and a text")
    return found


def _render(chapter: Chapter) -> str:
    from .guide_page import render_notebook

    path = guide_file(chapter)
    if not path.is_file():
        raise ValueError(f"{chapter.stem}: no teacher's guide file {path.relative_to(CHAPTERS)}")
    data, parts, quiz = load_guide(path), read_parts(chapter.notebook), chapter.quiz()
    found = problems(data, parts, len(quiz.questions))
    if found:
        _data, lines = read_yaml(path)
        raise ValueError("\n".join(_placed(p, lines) for p in found))
    notebook = render_notebook(chapter, data, parts, quiz)
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def _generated(chapters: list[Chapter]) -> dict[Path, str]:
    """The pack's page and marking sheet, and the regions of the overview and index
    written from the course plans (each file's whole new text)."""
    from . import assessment, course_plans

    guides = [(c, load_guide(guide_file(c)),
               {e.label: e.title for e in read_parts(c.notebook).exercises}) for c in chapters]
    final = assessment.load_final()
    return {assessment.PAGE: assessment.render_page(guides, final),
            assessment.SHEET: assessment.marking_csv(assessment.marking_rows(guides, final)),
            **course_plans.regions(chapters)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="report missing or stale guide pages, write nothing")
    args = parser.parse_args(argv)
    chapters = discover()
    errors = [f"{name}: there is no chapter {Path(name).stem} (meishi.chapters.discover())"
              for name in stray_guides(chapters)]
    pages: dict[Path, str] = {}
    with facts_once():  # each chapter's facts are read for its quiz, claims, reading time...
        for chapter in chapters:
            try:
                pages[page_file(chapter)] = _render(chapter)
            except ValueError as error:
                errors.append(str(error))
        if not errors:
            try:
                pages.update(_generated(chapters))
            except ValueError as error:
                errors.append(str(error))
    stale = []
    for page, text in pages.items():
        if page.is_file() and page.read_text(encoding="utf-8") == text:
            continue
        stale.append(str(page.relative_to(CHAPTERS.parent)))
        if not args.check:
            page.write_text(text, encoding="utf-8")
    for error in dict.fromkeys(errors):  # a data error breaks every chapter that reads it: once
        print(f"teacher's guide: {error}", file=sys.stderr)
    if args.check and stale:
        print("teacher's guide pages out of date (run python -m meishi_build.guide): "
              + ", ".join(stale), file=sys.stderr)
    return 1 if errors or (args.check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
