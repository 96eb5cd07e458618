"""The teacher's guide: a complete guide file for every chapter, and pages that match them.

Data-driven over :func:`meishi.chapters.discover`, so a chapter without a
guide file (or a guide file without a chapter) fails here.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from helpers import ROOT
from meishi.chapters import discover
from meishi_build import guide
from meishi_build.chapter_parts import read_parts

CHAPTERS = discover()


def _inputs(chapter):
    return (guide.load_guide(guide.guide_file(chapter)), read_parts(chapter.notebook),
            len(chapter.quiz().questions))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_chapter_has_a_complete_guide(chapter):
    assert guide.guide_file(chapter).is_file(), \
        f"no teacher's guide file chapters/teachers/{chapter.stem}.yml"
    data, parts, questions = _inputs(chapter)
    assert guide.problems(data, parts, questions) == []
    # the objectives are the chapter's own, matched by number and count
    assert sorted(data["objectives"]) == list(range(1, len(parts.objectives) + 1))
    assert len(parts.objectives) >= 3


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_no_template_placeholder_is_left_in_a_guide(chapter):
    assert "REPLACE" not in guide.guide_file(chapter).read_text(encoding="utf-8")


def test_a_new_chapter_from_the_template_has_a_guide_that_fits_it(tmp_path):
    """`make chapter` writes a guide file the guide tool accepts, so `make book` builds."""
    from meishi_build.new_chapter import write_chapter

    write_chapter(7, "sample", "Sample", root=tmp_path)
    data = guide.load_guide(tmp_path / "chapters" / "teachers" / "07_sample.yml")
    parts = read_parts(tmp_path / "chapters" / "07_sample.ipynb")
    quiz = yaml.safe_load((tmp_path / "chapters" / "quizzes" / "07_sample.yml").read_text("utf-8"))
    assert guide.problems(data, parts, len(quiz)) == []
    assert len(parts.objectives) == 4 and len(parts.prompts) == 3 and len(parts.tries) == 1


def test_there_is_no_guide_file_for_a_chapter_that_does_not_exist(tmp_path):
    assert guide.stray_guides(CHAPTERS) == []
    (tmp_path / "09_nowhere.yml").write_text("objectives: {}\n", encoding="utf-8")
    assert guide.stray_guides(CHAPTERS, tmp_path) == ["09_nowhere.yml"]


def test_the_guide_pages_are_up_to_date():
    """`make book` writes them; a stale or missing page fails here."""
    assert guide.main(["--check"]) == 0


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_the_guide_page_is_in_the_for_teachers_part(chapter):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "For teachers")
    files = [entry["file"] for entry in part["chapters"]]
    assert f"chapters/teachers/guide_{chapter.stem}" in files
    assert files.index("chapters/teachers/overview") == 0
    captions = [p["caption"] for p in toc["parts"]]
    assert captions.index("For teachers") == captions.index("Reference") - 1


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_the_chapter_links_its_guide_and_keeps_no_teaching_plan(chapter):
    parts = read_parts(chapter.notebook)
    assert not parts.has_teaching_plan, "the teaching plan belongs in the guide file"
    first = "".join(json.loads(chapter.notebook.read_text("utf-8"))["cells"][0]["source"])
    box = re.search(r":::\{admonition\} For teachers\n(.*?)\n:::", first, re.S)
    assert box, "the chapter's first cell needs a 'For teachers' box"
    assert f"<teachers/guide_{chapter.stem}>`" in box.group(1)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_the_page_copies_no_label_and_links_every_exercise(chapter):
    page = json.loads(guide.page_file(chapter).read_text("utf-8"))
    cells = page["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert len(code) == 1 and cells[1] is code[0]
    assert "remove-cell" in code[0]["metadata"]["tags"]
    assert f"import {chapter.slug} as chapter" in "".join(code[0]["source"])
    text = "".join("".join(c["source"]) for c in cells)
    assert not re.search(r"^\([\w-]+\)=", text, re.M), "a label target was copied"
    assert ":label:" not in text and "{exercise}" not in text and "{solution" not in text
    parts = read_parts(chapter.notebook)
    for exercise in parts.exercises:
        assert f"<{exercise.label}>`" in text
        assert exercise.statement in text and exercise.solution in text
    for item in parts.tries:
        assert item.question in text and (item.answer is None or item.answer in text)
    for prompt in parts.prompts:
        assert prompt.splitlines()[0] in text


def test_the_parser_reads_what_the_book_reads(tmp_path):
    cells = [
        "# T\n\n:::{admonition} At a glance\n:class: tip\n1. **explain** a;\n2. **judge** b\n:::",
        "## Model\n\n**Things to try**\n\n1. First?\n\n   ```{admonition} Answer\n   :class: "
        "dropdown\n   One.\n   ```\n2. Second, no fold?",
        "```{exercise} Chart\n:label: ch9-ex-chart\n\nRead it.\n```\n\n"
        "```{solution-start} ch9-ex-chart\n:class: dropdown\n```\n\nBefore the code.",
        None,
        "```{solution-end}\n```\n\n````{exercise} Me\n:label: ch9-ex-reflect\n\nThink.\n"
        "```text\nnested\n```\n````\n\n```{solution} ch9-ex-reflect\n:class: dropdown\n\n"
        "Open question. Good.\n```",
        "## For discussion\n\n1. Why?\n2. Why not?\n\n(ch9-teaching-plan)=\n:::{admonition} x\n:::",
    ]
    nb = {"cells": [{"cell_type": "code", "source": "x = 1", "metadata": {}, "outputs": []}
                    if c is None else {"cell_type": "markdown", "source": c, "metadata": {}}
                    for c in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "09_t.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    parts = read_parts(path)
    assert parts.title == "T"
    assert parts.objectives == ("**explain** a;", "**judge** b")
    assert [(t.section, t.question, t.answer) for t in parts.tries] == [
        ("Model", "First?", "One."), ("Model", "Second, no fold?", None)]
    chart, reflect = parts.exercises
    assert (chart.label, chart.statement, chart.solution, chart.code_cells) == (
        "ch9-ex-chart", "Read it.", "Before the code.", 1)
    assert reflect.is_reflection and "nested" in reflect.statement
    assert parts.prompts == ("Why?", "Why not?") and parts.has_teaching_plan


@pytest.fixture(scope="module")
def chapter_one():
    chapter = next(c for c in CHAPTERS if c.number == 1)
    return _inputs(chapter)


def _broken(data, change):
    data = copy.deepcopy(data)
    change(data)
    return data


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["objectives"].pop(4), "expected exactly the numbers"),
    (lambda d: d["objectives"].update({5: {"quiz": [1]}}), "expected exactly the numbers"),
    (lambda d: d["objectives"][4]["exercises"].remove("ch1-ex-chart"),
     "exercise ch1-ex-chart is mapped to no objective"),
    (lambda d: d["objectives"][4]["quiz"].remove(9), "quiz question 9 is mapped to no objective"),
    (lambda d: d["objectives"][1].update({"quiz": [3, 42]}), "the quiz has no question 42"),
    (lambda d: d["objectives"][1].update({"exercises": ["ch1-ex-nope"]}),
     "no exercise labelled 'ch1-ex-nope'"),
    (lambda d: d["objectives"].update({1: {}}), "objective 1 is assessed by no exercise"),
    (lambda d: d["plans"][60][0].update({"minutes": 3}), "add up to 59 minutes, not 60"),
    (lambda d: d["plans"].pop(90), "a 60- and a 90-minute plan"),
    (lambda d: d["discussion"].pop(), "3 notes for the chapter's 4 prompts"),
    (lambda d: d["discussion"][0].pop("misconceptions"), "discussion note 1"),
    (lambda d: d.pop("rubric"), "missing key 'rubric'"),
    (lambda d: d["rubric"]["criteria"][0].pop("adequate"), "rubric criterion 1"),
    (lambda d: d.update({"try_answers": {1: "x"}}), "the chapter already answers this item"),
    (lambda d: d.update({"notes": "x"}), "unknown key 'notes'"),
])
def test_an_incomplete_guide_is_refused(chapter_one, change, expected):
    data, parts, questions = chapter_one
    found = guide.problems(_broken(data, change), parts, questions)
    assert any(expected in problem for problem in found), found
