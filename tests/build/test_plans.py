"""Timings a teacher can trust: reading computed from the text, plans held to the clock.

Every chapter's reading time is computed (meishi_build.reading) and shown by
the guide page and the overview; every 60- and 90-minute plan adds up, gives
each step the minutes its exercises, prompts and quiz questions need, and
sets an exit ticket only on what it covers; the term and workshop plans give
each chapter at least the time it says it needs.
"""

from __future__ import annotations

import copy
import json
import re

import pytest

from helpers import ROOT
from meishi.chapters import discover
from meishi.data.yamlfile import read_yaml
from meishi_build import course_plans, guide, guide_plans, reading
from meishi_build.chapter_parts import read_parts

CHAPTERS = discover()


@pytest.fixture(scope="module")
def readings():
    return {c.stem: reading.reading(c.notebook) for c in CHAPTERS}


def _inputs(chapter):
    return (guide.load_guide(guide.guide_file(chapter)), read_parts(chapter.notebook),
            len(chapter.quiz().questions))


def test_words_are_counted_as_a_reader_sees_them():
    assert reading.words("In 2023, 4.9% of 67.38 million — 終身雇用 (shūshin) changed.") == 9
    text = reading._Text("")
    text.feed("<p>Before the sections.</p><h2>The claim</h2><p>One two three.</p>"
              "<details><summary>Answer</summary><p>not read before class</p></details>"
              "<pre>code = 1</pre><h2>Exercises</h2><p>Four five.</p>")
    assert text.counts == {"": 3, "The claim": 5, "Exercises": 3}


def test_a_solution_spread_over_cells_is_left_out():
    cells = [{"cell_type": "markdown", "source": "Text.\n\n```{solution-start} x\n:class: "
              "dropdown\n```\n\nHidden answer."},
             {"cell_type": "code", "source": "print(1)"},
             {"cell_type": "markdown", "source": "```{solution-end}\n```\n\nAfter."}]
    kept = reading._without_spread_solutions(cells)
    assert [c["cell_type"] for c in kept] == ["markdown", "markdown"]
    assert "Hidden" not in kept[0]["source"] and "Text." in kept[0]["source"]
    assert kept[1]["source"].strip() == "After."


def test_the_tables_a_chapter_prints_are_read_but_not_its_quiz_or_widgets():
    module = "meishi.chapters.profile_signal"
    claims = reading._printed("chapter.CHAPTER.claims()", module)
    assert reading.words(claims) > 100 and "claims ledger" in claims
    for source in ("chapter.CHAPTER.quiz()", "chapter.SignalWidget()",
                   "chapter.CHAPTER.glue()", "import os", "chapter.tenure_chart"):
        assert reading._printed(source, module) == ""


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_the_reading_time_is_computed_from_the_chapter(chapter, readings):
    read = readings[chapter.stem]
    counts = reading.section_words(chapter.notebook)
    assert read.words == sum(n for s, n in counts.items() if s not in reading.NOT_READING)
    assert read.minutes == -(-read.words // reading.RATE) and read.minutes >= 5
    assert read.slow_minutes == -(-read.words // reading.SLOW_RATE) > read.minutes
    page = "".join("".join(c["source"]) for c in json.loads(
        guide.page_file(chapter).read_text("utf-8"))["cells"])
    assert f"{read.words:,} words" in page and f"about **{read.minutes} minutes**" in page
    assert "{cite:p}`brysbaert2019`" in page


def test_the_rate_is_the_cited_one_and_no_reading_time_is_typed():
    assert (reading.RATE, reading.SLOW_RATE) == (238, 175)
    assert "@article{brysbaert2019," in (ROOT / "assets" / "references.bib").read_text("utf-8")
    for path in [*(guide.guide_file(c) for c in CHAPTERS), course_plans.PLANS]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\d+ minutes? of reading|read(ing)?: \d+", text), path.name
    index = (ROOT / "index.md").read_text(encoding="utf-8")
    assert "about 30 minutes of reading" not in index


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
@pytest.mark.parametrize("length", guide_plans.PLAN_LENGTHS)
def test_every_plan_fits_its_clock_and_its_exit_ticket_its_content(chapter, length):
    data, parts, questions = _inputs(chapter)
    assert guide_plans.plan_problems(data, parts, questions) == []
    steps = data["plans"][length]
    assert sum(s["minutes"] for s in steps) == length
    for step in steps:
        assert step["minutes"] >= guide_plans.needed_minutes(step, data["exercise_minutes"])
    tickets = [s for s in steps if s.get("quiz")]
    assert len(tickets) == 1
    ticket = tickets[0]
    assert ticket["minutes"] >= len(ticket["quiz"]) * guide_plans.QUIZ_MINUTES
    taken = guide_plans.covered(parts, steps)
    for question in ticket["quiz"]:
        sections = data["quiz_sections"][question]
        assert sections and all(guide_plans.find_section(parts, s) in taken
                                for s in sections), (length, question)
    # the longer plan sets the whole quiz
    if length == max(guide_plans.PLAN_LENGTHS):
        assert ticket["quiz"] == list(range(1, questions + 1))


@pytest.fixture(scope="module")
def chapter_one():
    return _inputs(next(c for c in CHAPTERS if c.number == 1))


def _broken(data, change):
    data = copy.deepcopy(data)
    change(data)
    return data


def _drop_cover(data, section):
    for step in data["plans"][60]:
        if section in step.get("covers", []):
            step["covers"].remove(section)


@pytest.mark.parametrize("change, expected", [
    (lambda d: _drop_cover(d, "Do people hide"),
     "the exit ticket's question 9 asks about “Do people hide a job search"),
    (lambda d: d["plans"][60][-1].update({"quiz": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}),
     "7 minutes for work that needs 10"),
    (lambda d: d["plans"][60][-1].update({"minutes": 5}), "5 minutes for work that needs 6"),
    (lambda d: d["exercise_minutes"].update({"ch1-ex-widget": 20}),
     "14 minutes for work that needs 20"),
    (lambda d: d["plans"][90][-2].update({"prompts": [1, 2, 3, 4]}),
     "12 minutes for work that needs 20"),
    (lambda d: d["plans"][60][-1].pop("quiz"), "one step with the exit ticket"),
    (lambda d: d["quiz_sections"].update({3: ["Model 9"]}), "'Model 9' is the start of no"),
    (lambda d: d["quiz_sections"].pop(10), "quiz_sections: give the sections"),
    (lambda d: d["plans"][60][0].update({"covers": ["The"]}), "'The' is the start of no single"),
    (lambda d: d["exercise_minutes"].pop("ch1-ex-base"), "exercise_minutes: give whole"),
    (lambda d: d["plans"][60][0].update({"minutes": 3}), "add up to 59 minutes, not 60"),
])
def test_a_plan_that_breaks_the_rules_is_refused(chapter_one, change, expected):
    data, parts, questions = chapter_one
    found = guide.problems(_broken(data, change), parts, questions)
    assert any(expected in problem for problem in found), found


@pytest.fixture(scope="module")
def plans():
    return read_yaml(course_plans.PLANS)[0]


def test_the_term_and_workshop_plans_hold(plans, readings):
    assert course_plans.plan_problems(plans, CHAPTERS) == []
    by_stem = {c.stem: c for c in CHAPTERS}
    slots = [s for day in plans["workshop"].values() for s in day if s.get("chapter")]
    for item in [*plans["term"], *slots]:
        chapter = by_stem[item["chapter"]]
        assert readings[chapter.stem].minutes + item["plan"] >= course_plans.needed(chapter)
    for slot in slots:
        assert course_plans.slot_minutes(slot) == slot["plan"]
    trust = next(s for s in slots if s["chapter"] == "03_trust")
    assert course_plans.needed(by_stem["03_trust"]) == 90 == course_plans.slot_minutes(trust)


def test_the_overview_gives_every_chapter_its_computed_reading(plans, readings):
    overview = (ROOT / "chapters" / "teachers" / "overview.md").read_text("utf-8")
    term = overview.split("% BEGIN term", 1)[1].split("% END term", 1)[0]
    for chapter in CHAPTERS:
        read = readings[chapter.stem]
        assert (f"guide_{chapter.stem}>`) | Read the chapter: about {read.minutes} minutes "
                f"({read.slow_minutes} at 175") in term
    workshop = overview.split("% BEGIN workshop", 1)[1].split("% END workshop", 1)[0]
    by_stem = {c.stem: c for c in CHAPTERS}
    for day, slots in plans["workshop"].items():
        read = [by_stem[s["chapter"]] for s in slots if s.get("chapter")]
        total = sum(readings[c.stem].words for c in read)
        line = next(x for x in workshop.splitlines() if x.startswith(f"- **Before day {day}"))
        assert f"about {reading.minutes(total)} minutes" in line
        assert all(f"*{c.title}*" in line for c in read)


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["workshop"][2][0].update({"end": "10:00", "plan": 60}),
     "less than the 90 minutes the chapter says it needs"),
    (lambda d: d["workshop"][1][1].update({"start": "09:45"}), "overlaps the one before"),
    (lambda d: d["workshop"][1][1].update({"end": "11:15"}), "a 60-minute slot for the 90"),
    (lambda d: d["term"].pop(), "every chapter once"),
    (lambda d: d["term"][0].update({"plan": 45}), "plan is 60 or 90"),
])
def test_a_course_plan_that_breaks_the_rules_is_refused(plans, change, expected):
    found = course_plans.plan_problems(_broken(plans, change), CHAPTERS)
    assert any(expected in problem for problem in found), found
