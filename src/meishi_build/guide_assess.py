"""A chapter's graded assignment: points rubrics over the chapter's own exercises.

``assignment`` in ``chapters/teachers/NN_slug.yml`` sets some of the
chapter's exercises as a graded assignment.  Each item names an exercise
(whose solution in the chapter, glued and tested like all of them, is the
model answer) and either gives its own criteria, each with the three levels
as ``[points, description]``, or (for the open reflection exercise) gives
``points: [strong, adequate, beginning]`` to score each criterion of the
chapter's reflection rubric.  ``total`` states the assignment's points; the
rubrics must add up to it (:func:`assignment_problems`).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from .chapter_parts import ChapterParts

__all__ = ["LEVELS", "assignment_problems", "criteria", "item_points", "render_assignment",
           "total_points"]

#: The levels every criterion describes, best first.
LEVELS = ("strong", "adequate", "beginning")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _points(values: Any) -> bool:
    """Whole, non-negative points, strictly falling from strong to beginning."""
    return isinstance(values, list) and len(values) == len(LEVELS) \
        and all(isinstance(v, int) and v >= 0 for v in values) \
        and all(a > b for a, b in pairwise(values))


def criteria(item: Mapping, data: Mapping) -> list[dict[str, Any]]:
    """An item's criteria as ``{"criterion", level: (points, text)}``, however it gives them."""
    if "points" in item:
        points = item["points"]
        return [{"criterion": c["criterion"],
                 **{level: (points[i], c[level]) for i, level in enumerate(LEVELS)}}
                for c in data["rubric"]["criteria"]]
    return [{"criterion": c["criterion"], **{level: tuple(c[level]) for level in LEVELS}}
            for c in item["criteria"]]


def item_points(item: Mapping, data: Mapping) -> int:
    """The most an item can score: every criterion at its strong level."""
    return sum(c["strong"][0] for c in criteria(item, data))


def total_points(data: Mapping) -> int:
    return sum(item_points(item, data) for item in data["assignment"]["items"])


def _criterion_problems(where: str, criterion: Any) -> list[str]:
    if not isinstance(criterion, dict) or set(criterion) != {"criterion", *LEVELS} \
            or not _text(criterion["criterion"]):
        return [f"{where}: give 'criterion' and the levels {', '.join(LEVELS)}"]
    levels = [criterion[level] for level in LEVELS]
    if not all(isinstance(v, list) and len(v) == 2 and _text(v[1]) for v in levels) \
            or not _points([v[0] for v in levels]):
        return [f"{where}: each level is [points, description], points whole and falling "
                "from strong to beginning"]
    return []


def _task_problems(where: str, item: Mapping) -> list[str]:
    task, rubric = item.get("task"), item.get("criteria")
    if set(item) != {"task", "criteria"} or not isinstance(task, dict) \
            or set(task) != {"title", "text", "model_answer"} \
            or not all(_text(task[k]) for k in task):
        return [f"{where}: a new task gives task (title, text, model_answer) and criteria"]
    if not isinstance(rubric, list) or not rubric:
        return [f"{where}: give a list of criteria"]
    return [p for n, c in enumerate(rubric, 1)
            for p in _criterion_problems(f"{where} criterion {n}", c)]


def _item_problems(number: int, item: Any, parts: ChapterParts) -> list[str]:
    where = f"assignment item {number}"
    exercises = {e.label: e for e in parts.exercises}
    if isinstance(item, dict) and "task" in item:
        return _task_problems(where, item)
    if not isinstance(item, dict) or item.get("exercise") not in exercises:
        return [f"{where}: name one of the chapter's exercises {sorted(exercises)}"]
    exercise = exercises[item["exercise"]]
    if not exercise.solution.strip():
        return [f"{where}: {exercise.label} has no solution in the chapter to serve as its key"]
    if exercise.is_reflection:
        if set(item) != {"exercise", "points"} or not _points(item["points"]):
            return [f"{where}: the reflection is marked with the chapter's rubric: give "
                    "points: [strong, adequate, beginning], whole and falling"]
        return []
    rubric = item.get("criteria")
    if set(item) != {"exercise", "criteria"} or not isinstance(rubric, list) or not rubric:
        return [f"{where}: give the exercise and a list of criteria"]
    return [p for n, c in enumerate(rubric, 1)
            for p in _criterion_problems(f"{where} criterion {n}", c)]


def assignment_problems(data: Mapping, parts: ChapterParts) -> list[str]:
    """Everything wrong with a guide file's assignment; [] when it is complete."""
    assignment = data.get("assignment")
    if not isinstance(assignment, dict) or set(assignment) != {"task", "items", "total"} \
            or not _text(assignment["task"]) or not isinstance(assignment["items"], list) \
            or not assignment["items"]:
        return ["assignment: give a task, a list of items and the total points"]
    found = [p for n, item in enumerate(assignment["items"], 1)
             for p in _item_problems(n, item, parts)]
    labels = [i.get("exercise") for i in assignment["items"] if isinstance(i, dict)
              and "exercise" in i]
    if len(set(labels)) != len(labels):
        found.append("assignment: an exercise is set twice")
    if not any(e.is_reflection and e.label in labels for e in parts.exercises):
        found.append("assignment: include the chapter's open reflection exercise")
    if not any(isinstance(i, dict) and "task" in i for i in assignment["items"]):
        found.append("assignment: include a new task, whose model answer only this guide holds")
    rubric = data.get("rubric") if isinstance(data.get("rubric"), dict) else {}
    if found or not all(isinstance(c, dict) and set(LEVELS) <= set(c)
                        for c in rubric.get("criteria") or [None]):
        return found  # the reflection rubric's own problems are reported with it
    total = total_points(data)
    if total != assignment["total"]:
        found.append(f"assignment: the rubrics add up to {total} points, "
                     f"not the stated {assignment['total']}")
    return found


def _item_head(number: int, item: Mapping, data: Mapping, exercises: Mapping, ref) -> list[str]:
    points = item_points(item, data)
    if "task" in item:
        task = item["task"]
        return [f"### Item {number}: {task['title'].strip()} ({points} points)", "",
                ":::{admonition} The task, as you could set it", ":class: note",
                task["text"].strip(), ":::", "",
                f"**Model answer.** {task['model_answer'].strip()}", ""]
    exercise = exercises[item["exercise"]]
    kind = "marking notes" if exercise.is_reflection else "model answer"
    how = (", marked with the reflection rubric at the points below" if exercise.is_reflection
           else "")
    return [f"### Item {number}: {exercise.title} ({points} points)", "",
            f"The exercise {ref(exercise)}; {kind}: its solution under “Exercise: "
            f"{exercise.title}” above{how}.", ""]


def render_assignment(data: Mapping, parts: ChapterParts, ref, cell_text) -> str:
    """The guide page's graded assignment: the task, and a points rubric for each item with
    a pointer to its model answer."""
    assignment = data["assignment"]
    exercises = {e.label: e for e in parts.exercises}
    names = {"strong": "Strong", "adequate": "Adequate", "beginning": "Beginning"}
    lines = ["## Graded assignment", "",
             f"**Total: {assignment['total']} points.** {assignment['task'].strip()}", "",
             "Mark each criterion at one level; an item's points are the sum, and the "
             "criteria of all items add up to the total (a test checks it). The new task's "
             "model answer is only in this guide. The chapter's exercises have their solutions "
             "folded in the web book: set them from the student notebooks or the printed "
             "handouts (both without solutions), or weigh the new task and the reflection "
             "more when students could have looked.", ""]
    for number, item in enumerate(assignment["items"], 1):
        lines += _item_head(number, item, data, exercises, ref)
        lines += ["| Criterion | " + " | ".join(names.values()) + " |",
                  "|---|" + "---|" * len(LEVELS)]
        for criterion in criteria(item, data):
            cells = [cell_text(criterion["criterion"])]
            for level in LEVELS:
                points, text = criterion[level]
                cells.append(f"**{points} pt{'s' if points != 1 else ''}.** {cell_text(text)}")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)
