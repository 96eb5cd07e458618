"""The 60- and 90-minute lesson plans of a chapter's teacher's guide, held to the clock.

A plan (``plans: {60: [...], 90: [...]}`` in ``chapters/teachers/NN_slug.yml``)
is a list of steps.  Each step gives ``minutes`` and an ``activity``, and may
say what it uses, so that its time can be checked against its content:

* ``covers``: the chapter's sections it takes in class, by the start of
  their heading (``Model 1``, ``Do people hide``); a section covers its
  subsections;
* ``exercises``: the exercises done in class, each timed in the guide file's
  ``exercise_minutes``;
* ``prompts``: the discussion prompts, by number, :data:`PROMPT_MINUTES` each;
* ``quiz``: the quiz questions set as the exit ticket, :data:`QUIZ_MINUTES` each.

The rules (:func:`plan_problems`): a plan's steps add up to its length; each
step has at least the minutes its exercises, prompts and quiz questions need;
each plan has one exit ticket; and every exit-ticket question asks only about
sections the plan covers (``quiz_sections`` maps each question of the quiz to
the sections it asks about).  Reading is done before class
(:mod:`meishi_build.reading`) and is not a step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .chapter_parts import ChapterParts

__all__ = ["PLAN_LENGTHS", "PROMPT_MINUTES", "QUIZ_MINUTES", "covered", "find_section",
           "needed_minutes", "plan_problems", "render_plans"]

PLAN_LENGTHS = (60, 90)
#: Minutes a quiz question takes in class: read it, choose, read the feedback (a planning
#: allowance, not a measured time).
QUIZ_MINUTES = 1
#: Minutes for one discussion prompt taken with the whole room (a planning allowance).
PROMPT_MINUTES = 5
_STEP_KEYS = {"minutes", "activity", "covers", "exercises", "prompts", "quiz"}


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def find_section(parts: ChapterParts, start: str) -> int | None:
    """The index in ``parts.sections`` of the one heading that begins with ``start``."""
    hits = [i for i, (_, title) in enumerate(parts.sections) if title.startswith(str(start))]
    return hits[0] if len(hits) == 1 else None


def _with_subsections(parts: ChapterParts, index: int) -> set[int]:
    level = parts.sections[index][0]
    found = {index}
    for j in range(index + 1, len(parts.sections)):
        if parts.sections[j][0] <= level:
            break
        found.add(j)
    return found


def covered(parts: ChapterParts, steps: list[Mapping]) -> set[int]:
    """The sections (indices into ``parts.sections``) a plan's steps take in class."""
    found: set[int] = set()
    for step in steps:
        for start in step.get("covers") or []:
            index = find_section(parts, start)
            if index is not None:
                found |= _with_subsections(parts, index)
    return found


def needed_minutes(step: Mapping, exercise_minutes: Mapping) -> int:
    """The minutes a step's exercises, prompts and quiz questions need at the stated rates."""
    return (sum(exercise_minutes.get(x, 0) for x in step.get("exercises") or [])
            + PROMPT_MINUTES * len(step.get("prompts") or [])
            + QUIZ_MINUTES * len(step.get("quiz") or []))


def _section_refs(parts: ChapterParts, where: str, refs: Any) -> list[str]:
    if not isinstance(refs, list) or not refs:
        return [f"{where}: give a list of sections (the start of their headings)"]
    headings = [title for _, title in parts.sections]
    return [f"{where}: {ref!r} is the start of no single heading of the chapter "
            f"({'; '.join(headings)})" for ref in refs if find_section(parts, ref) is None]


def _quiz_section_problems(data: Mapping, parts: ChapterParts, questions: int) -> list[str]:
    mapping = data.get("quiz_sections")
    if not isinstance(mapping, dict) or set(mapping) != set(range(1, questions + 1)):
        found = sorted(mapping) if isinstance(mapping, dict) else mapping
        return [f"quiz_sections: give the sections each quiz question 1 to {questions} asks "
                f"about, found {found}"]
    found: list[str] = []
    for number, refs in sorted(mapping.items()):
        found += _section_refs(parts, f"quiz_sections {number}", refs)
    return found


def _exercise_minute_problems(data: Mapping, parts: ChapterParts) -> list[str]:
    given = data.get("exercise_minutes")
    labels = [e.label for e in parts.exercises]
    if not isinstance(given, dict) or set(given) != set(labels) or not all(
            isinstance(m, int) and m > 0 for m in given.values()):
        return [f"exercise_minutes: give whole minutes for each exercise {labels}"]
    return []


def _step_problems(length: int, number: int, step: Any, parts: ChapterParts,
                   data: Mapping, questions: int) -> list[str]:
    where = f"plans {length} step {number}"
    if not isinstance(step, dict) or not isinstance(step.get("minutes"), int) \
            or step["minutes"] <= 0 or not _text(step.get("activity")):
        return [f"plans {length}: each step needs minutes (a whole number) and an activity"]
    found = [f"{where}: unknown key {k!r}" for k in sorted(set(step) - _STEP_KEYS)]
    if "covers" in step:
        found += _section_refs(parts, where, step["covers"])
    labels = {e.label for e in parts.exercises}
    found += [f"{where}: no exercise {x!r} in the chapter"
              for x in step.get("exercises") or [] if x not in labels]
    found += [f"{where}: the chapter has no discussion prompt {p!r}"
              for p in step.get("prompts") or [] if p not in range(1, len(parts.prompts) + 1)]
    found += [f"{where}: the quiz has no question {q!r}"
              for q in step.get("quiz") or [] if q not in range(1, questions + 1)]
    need = needed_minutes(step, data.get("exercise_minutes") or {})
    if step["minutes"] < need:
        found.append(f"{where}: {step['minutes']} minutes for work that needs {need} "
                     f"(exercises as timed in exercise_minutes, {PROMPT_MINUTES} a discussion "
                     f"prompt, {QUIZ_MINUTES} a quiz question)")
    return found


def _exit_ticket_problems(length: int, steps: list, parts: ChapterParts,
                          data: Mapping) -> list[str]:
    tickets = [s for s in steps if s.get("quiz")]
    if len(tickets) != 1:
        return [f"plans {length}: give one step with the exit ticket's quiz questions, "
                f"found {len(tickets)}"]
    taken = covered(parts, steps)
    found = []
    for question in tickets[0]["quiz"]:
        for ref in (data.get("quiz_sections") or {}).get(question) or []:
            index = find_section(parts, ref)
            if index is not None and index not in taken:
                found.append(f"plans {length}: the exit ticket's question {question} asks "
                             f"about “{parts.sections[index][1]}”, which the plan does not "
                             "cover")
    return found


def plan_problems(data: Mapping, parts: ChapterParts, questions: int) -> list[str]:
    """Everything wrong with a guide file's plans, quiz sections and exercise minutes."""
    found = _quiz_section_problems(data, parts, questions)
    found += _exercise_minute_problems(data, parts)
    plans = data.get("plans")
    if not isinstance(plans, dict) or set(plans) != set(PLAN_LENGTHS):
        return [*found, f"plans: give exactly a {PLAN_LENGTHS[0]}- and a "
                        f"{PLAN_LENGTHS[1]}-minute plan"]
    for length, steps in plans.items():
        if not isinstance(steps, list) or not steps:
            found.append(f"plans {length}: each step needs minutes (a whole number) "
                         "and an activity")
            continue
        step_found = [p for n, s in enumerate(steps, 1)
                      for p in _step_problems(length, n, s, parts, data, questions)]
        found += step_found
        if step_found:
            continue
        total = sum(s["minutes"] for s in steps)
        if total != length:
            found.append(f"plans {length}: the timings add up to {total} minutes, not {length}")
        found += _exit_ticket_problems(length, steps, parts, data)
    return found


def _titles(parts: ChapterParts, indices: set[int]) -> str:
    names = [f"“{parts.sections[i][1]}”" for i in sorted(indices)
             if not (parts.sections[i][0] == 3 and _parent(parts, i) in indices)]
    return "; ".join(names) if names else "none"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _left(parts: ChapterParts, left: set[int]) -> set[int]:
    """Sections not taken in class: a section whose subsections were partly taken is
    named by the subsections left, not as a whole."""
    found = set(left)
    for index in left:
        children = _with_subsections(parts, index) - {index}
        if children and not children <= left:
            found.discard(index)
    return found


def _parent(parts: ChapterParts, index: int) -> int | None:
    return next((j for j in range(index - 1, -1, -1) if parts.sections[j][0] == 2), None)


def render_plans(data: Mapping, parts: ChapterParts, read: Any, cell_text,
                 materials=None) -> str:
    """The guide page's lesson plans: reading before class, each plan with its timings,
    what it covers in class and what it leaves to the reading, its exit ticket and
    (``materials(length)``, lines) its materials checklist."""
    from .reading import RATE, SLOW_RATE

    minutes = data["exercise_minutes"]
    exercises = {e.label: e.title for e in parts.exercises}
    reading_sections = {i for i, (level, title) in enumerate(parts.sections)
                        if (title if level == 2 else parts.sections[_parent(parts, i)][1])
                        in read.sections}
    lines = [
        "## Lesson plans", "",
        "**Before class.** Students read the chapter: every section but the exercises, the "
        f"quiz, the discussion prompts and the further reading, {read.words:,} words (counted in "
        "the text as the book shows it, each number a word, the tables it prints included; "
        f"folded answers, code and widgets left out). At {RATE} words a "
        "minute, the average adult's silent reading of non-fiction in English "
        f"{{cite:p}}`brysbaert2019`, that is about **{read.minutes} minutes**; at {SLOW_RATE}, "
        f"the bottom of the range most adults fall in, about {read.slow_minutes} minutes. "
        "Reading in a second language is slower still, so give students who read English as "
        "a second language the text a few days ahead. Neither plan spends class time on "
        "reading.", "",
        "**Timings.** Each exercise done in class takes the minutes given here; each "
        f"discussion prompt {PROMPT_MINUTES} minutes; each exit-ticket question "
        f"{QUIZ_MINUTES} minute (read it, choose, read the feedback). A step is never shorter "
        "than the work it holds (a test checks it).", "",
        "| Exercise | Minutes in class |", "|---|---:|",
        *(f"| {cell_text(exercises[label])} | {minutes[label]} |" for label in exercises), ""]
    for length in sorted(data["plans"]):
        steps = data["plans"][length]
        lines += [f"### {length} minutes", "", "| Minutes | Activity |", "|---:|---|"]
        lines += [f"| {step['minutes']} | {cell_text(step['activity'])} |" for step in steps]
        lines += [f"| **{length}** | **Total** |", ""]
        taken = covered(parts, steps)
        left = _left(parts, reading_sections - taken)
        ticket = next(s["quiz"] for s in steps if s.get("quiz"))
        lines += [f"*Taken in class:* {_titles(parts, taken)}.", "",
                  f"*Left to the reading:* {_titles(parts, left)}.", "",
                  f"*Exit ticket:* quiz question{'s' if len(ticket) > 1 else ''} "
                  f"{_and([str(q) for q in ticket])}, on what this plan takes in class "
                  f"({len(ticket) * QUIZ_MINUTES} minutes at the rate above).", ""]
        if materials is not None:
            lines += materials(length)
    return "\n".join(lines)
