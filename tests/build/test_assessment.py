"""The graded assessment pack: rubrics that add up, a key for every graded item, a
marking sheet, and nothing of it on a page a learner reads."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest
import yaml

from helpers import ROOT, toc_files
from meishi.chapters import discover
from meishi.data.yamlfile import read_yaml
from meishi_build import assessment, guide, guide_assess
from meishi_build.chapter_parts import read_parts

CHAPTERS = discover()


def _inputs(chapter):
    return guide.load_guide(guide.guide_file(chapter)), read_parts(chapter.notebook)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_chapter_has_an_assignment_whose_points_add_up(chapter):
    data, parts = _inputs(chapter)
    assert guide_assess.assignment_problems(data, parts) == []
    items = data["assignment"]["items"]
    assert sum(guide_assess.item_points(i, data) for i in items) == data["assignment"]["total"]
    for item in items:
        for criterion in guide_assess.criteria(item, data):
            points = [criterion[level][0] for level in guide_assess.LEVELS]
            assert points == sorted(points, reverse=True) and len(set(points)) == 3
            assert points[-1] >= 0


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_graded_item_has_a_key(chapter):
    data, parts = _inputs(chapter)
    exercises = {e.label: e for e in parts.exercises}
    page = "".join("".join(c["source"]) for c in json.loads(
        guide.page_file(chapter).read_text("utf-8"))["cells"])
    kinds = set()
    for item in data["assignment"]["items"]:
        if "task" in item:
            kinds.add("task")
            assert len(item["task"]["model_answer"].split()) >= 80
            assert item["task"]["model_answer"].strip() in page
        else:
            exercise = exercises[item["exercise"]]
            kinds.add("reflection" if exercise.is_reflection else "exercise")
            assert exercise.solution.strip() and exercise.solution in page
    assert kinds == {"task", "reflection", "exercise"}
    assert "## Graded assignment" in page


def test_the_final_assessment_is_complete_and_adds_up():
    data = read_yaml(assessment.FINAL)[0]
    assert assessment.final_problems(data) == []
    assert sum(c["strong"][0] for c in data["criteria"]) == data["total"]
    assert "four lenses" in data["title"] and len(data["guidance"]) >= 3


def test_the_marking_sheet_has_a_row_for_every_criterion():
    final = read_yaml(assessment.FINAL)[0]
    rows = list(csv.DictReader(io.StringIO(assessment.SHEET.read_text("utf-8"))))
    assert list(rows[0]) == ["part", "item", "criterion", "max_points", "points", "comment"]
    expected = sum(len(guide_assess.criteria(i, d)) for d, _ in map(_inputs, CHAPTERS)
                   for i in d["assignment"]["items"]) + len(final["criteria"])
    assert len(rows) == expected
    totals = sum(_inputs(c)[0]["assignment"]["total"] for c in CHAPTERS) + final["total"]
    assert sum(int(r["max_points"]) for r in rows) == totals
    assert all(r["points"] == "" and r["comment"] == "" for r in rows)
    page = assessment.PAGE.read_text("utf-8")
    assert "{download}`marking_sheet.csv`" in page
    assert page.count("\n| ") - page.count("\n| Criterion") >= len(rows)


def _learner_texts():
    """Every page a learner reads: the toc's pages outside the 'For teachers' part."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    teachers = {e["file"] for p in toc["parts"] if p["caption"] == "For teachers"
                for e in p["chapters"]}
    for name in toc_files():
        if name in teachers:
            continue
        path = next(p for p in (ROOT / f"{name}.ipynb", ROOT / f"{name}.md") if p.is_file())
        yield path, path.read_text(encoding="utf-8")


def test_nothing_of_the_pack_is_on_a_learner_page():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    teachers = [e["file"] for p in toc["parts"] if p["caption"] == "For teachers"
                for e in p["chapters"]]
    assert "chapters/teachers/assessment" in teachers
    final = read_yaml(assessment.FINAL)[0]
    secrets = ["Graded assignment", "marking_sheet", "assessment>", "Model answer",
               final["model_answer"].split("\n")[0], *(c["criterion"] for c in final["criteria"])]
    for chapter in CHAPTERS:
        data, _ = _inputs(chapter)
        for item in data["assignment"]["items"]:
            # a rubric for one of the chapter's exercises may restate its public solution
            # and name its parts; a new task and its model answer are only for teachers
            if "task" in item:
                secrets += [item["task"]["title"], item["task"]["text"][:60],
                            item["task"]["model_answer"][:60],
                            *(c["strong"][1][:60] for c in item["criteria"])]
    pages = list(_learner_texts())
    assert len(pages) >= len(CHAPTERS)
    for path, text in pages:
        found = [s for s in secrets if s in text]
        assert not found, f"{path.name} shows the assessment pack: {found}"


@pytest.fixture(scope="module")
def chapter_one():
    return _inputs(next(c for c in CHAPTERS if c.number == 1))


def _broken(data, change):
    data = copy.deepcopy(data)
    change(data)
    return data


def _items(d):
    return d["assignment"]["items"]


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["assignment"].update({"total": 41}), "add up to 40 points, not the stated 41"),
    (lambda d: _items(d)[0]["criteria"][0].update({"adequate": [6, "x"]}),
     "points whole and falling"),
    (lambda d: _items(d)[2]["task"].pop("model_answer"), "task (title, text, model_answer)"),
    (lambda d: _items(d).pop(3), "include the chapter's open reflection"),
    (lambda d: _items(d).pop(2), "include a new task"),
    (lambda d: _items(d)[3].update({"points": [4, 4, 0]}), "the reflection is marked"),
    (lambda d: _items(d)[0].update({"exercise": "ch1-ex-nope"}), "name one of the chapter's"),
    (lambda d: _items(d).append(copy.deepcopy(_items(d)[0])), "an exercise is set twice"),
])
def test_an_assignment_that_does_not_add_up_is_refused(chapter_one, change, expected):
    data, parts = chapter_one
    found = guide_assess.assignment_problems(_broken(data, change), parts)
    assert any(expected in problem for problem in found), found
