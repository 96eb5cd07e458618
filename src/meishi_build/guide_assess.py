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


def _item_problems(number: int, item: Any, parts: ChapterParts) -> list[str]:
    where = f"assignment item {number}"
    exercises = {e.label: e for e in parts.exercises}
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
    labels = [i.get("exercise") for i in assignment["items"] if isinstance(i, dict)]
    if len(set(labels)) != len(labels):
        found.append("assignment: an exercise is set twice")
    if not any(e.is_reflection and e.label in labels for e in parts.exercises):
        found.append("assignment: include the chapter's open reflection exercise")
    if found:
        return found
    total = total_points(data)
    if total != assignment["total"]:
        found.append(f"assignment: the rubrics add up to {total} points, "
                     f"not the stated {assignment['total']}")
    return found


def render_assignment(data: Mapping, parts: ChapterParts, ref, cell_text) -> str:
    """The guide page's graded assignment: the task, and a points rubric for each item with
    a pointer to its model answer."""
    assignment = data["assignment"]
    exercises = {e.label: e for e in parts.exercises}
    names = {"strong": "Strong", "adequate": "Adequate", "beginning": "Beginning"}
    lines = ["## Graded assignment", "",
             f"**Total: {assignment['total']} points.** {assignment['task'].strip()}", "",
             "Each item is one of the chapter's exercises; its model answer is the solution "
             "given above in this guide (and folded in the chapter). Mark each criterion at "
             "one level; the item's points are the sum.", ""]
    for number, item in enumerate(assignment["items"], 1):
        exercise = exercises[item["exercise"]]
        lines += [f"### Item {number}: {exercise.title} ({item_points(item, data)} points)", "",
                  f"The exercise {ref(exercise)}; "
                  + ("marking notes: " if exercise.is_reflection else "model answer: ")
                  + f"its solution under “Exercise: {exercise.title}” above"
                  + (", marked with the reflection rubric at the points below." if
                     exercise.is_reflection else "."), "",
                  "| Criterion | " + " | ".join(names.values()) + " |",
                  "|---|" + "---|" * len(LEVELS)]
        for criterion in criteria(item, data):
            cells = [cell_text(criterion["criterion"])]
            for level in LEVELS:
                points, text = criterion[level]
                cells.append(f"**{points} pt{'s' if points != 1 else ''}.** {cell_text(text)}")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)
