"""Each lesson plan of a teacher's guide page has a materials checklist naming what it uses.

What the plan uses is found here independently of
:mod:`meishi_build.guide_materials`: the widgets by their cells in the
chapter's notebook, the exercises, prompts and exit ticket from the plan's
steps, the reading time from :mod:`meishi_build.reading`.
"""

from __future__ import annotations

import json

import pytest

from meishi.chapters import discover
from meishi_build import guide
from meishi_build.chapter_parts import read_parts
from meishi_build.guide_materials import activities_used, checklist
from meishi_build.guide_plans import PLAN_LENGTHS, covered
from meishi_build.reading import reading

CHAPTERS = discover()


def _page_text(chapter) -> str:
    notebook = json.loads(guide.page_file(chapter).read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in notebook["cells"]
                     if c["cell_type"] == "markdown")


def _checklist(text: str, length: int) -> dict[str, str]:
    """The checklist of the ``length``-minute plan, by its heads (Before class, Print, Project)."""
    marker = f"*Materials for the {length}-minute class.*"
    assert text.count(marker) == 1, f"no single materials checklist for the {length}-minute plan"
    block = text.split(marker)[1].lstrip("\n").split("\n\n")[0]
    heads: dict[str, str] = {}
    for line in block.splitlines():
        if line.startswith("- **"):
            head = line[4:].split(":**")[0]
            heads[head] = ""
        else:
            assert line.startswith("  - "), line
            heads[head] += line + "\n"
    return heads


def _widget_sections(chapter) -> list[str]:
    """The headings under which the chapter's notebook shows a widget."""
    found, heading = [], ""
    cells = json.loads(chapter.notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            heading = next((line.lstrip("#").strip() for line in reversed(source.splitlines())
                            if line.startswith(("## ", "### "))), heading)
        elif "Widget(" in source:
            found.append(heading)
    return found


@pytest.mark.parametrize("length", PLAN_LENGTHS)
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_each_plan_has_a_checklist_naming_what_it_uses(chapter, length):
    data = guide.load_guide(guide.guide_file(chapter))
    parts = read_parts(chapter.notebook)
    steps = data["plans"][length]
    heads = _checklist(_page_text(chapter), length)
    assert list(heads) == ["Before class", "Print", "Project"]
    assert f"about {reading(chapter.notebook).minutes} minutes" in heads["Before class"]
    titles = {e.label: e.title for e in parts.exercises}
    for step in steps:
        for label in step.get("exercises") or []:
            assert f"*{titles[label]}*" in heads["Print"], label
    ticket = next(s["quiz"] for s in steps if s.get("quiz"))
    numbers = ", ".join(str(q) for q in ticket[:-1]) + (" and " if len(ticket) > 1 else "")
    assert f"The exit ticket, quiz question{'s' if len(ticket) > 1 else ''} " \
        f"{numbers}{ticket[-1]}:" in heads["Print"]
    assert f"<{chapter.stem}.pdf>" in heads["Print"], "the handout to print from"
    taken = {parts.sections[i][1] for i in covered(parts, steps)}
    shown = [h for h in _widget_sections(chapter) if h in taken]
    for heading in shown:
        assert f"“{heading}”" in heads["Project"], heading
    assert heads["Project"].count("The widget in") == len(set(shown))
    for prompt in (p for s in steps for p in s.get("prompts") or []):
        assert str(prompt) in heads["Project"].split("Discussion prompt")[1]


def test_the_role_play_and_the_debate_are_printed_for_the_plans_that_use_them():
    by_stem = {c.stem: c for c in CHAPTERS}
    for stem, title in (("03_trust", "The role-play"), ("04_home_advantage", "The debate")):
        data = guide.load_guide(guide.guide_file(by_stem[stem]))
        for length in PLAN_LENGTHS:
            assert activities_used(data, data["plans"][length]) == [title], (stem, length)
            heads = _checklist(_page_text(by_stem[stem]), length)
            assert f"The activity *{title}* below" in heads["Print"]


def test_a_plan_without_widget_or_prompt_projects_nothing_and_asks_for_no_device():
    chapter = CHAPTERS[0]
    parts = read_parts(chapter.notebook)
    first = parts.sections[0][1]  # the chapter's opening section, which holds no widget
    assert first not in _widget_sections(chapter)
    data = {"plans": {60: [{"minutes": 52, "activity": "Talk.", "covers": [first]},
                           {"minutes": 8, "activity": "Exit ticket.", "quiz": [1]}]}}
    lines = checklist(data, parts, 60, chapter.notebook, chapter.stem, reading(chapter.notebook))
    text = "\n".join(lines)
    assert "Nothing: this plan uses no widget or prompt." in text
    assert "phone" not in text and "Exercises" not in text
    assert "quiz question 1:" in text
