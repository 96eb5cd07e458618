"""The six-week and two-day plans of the teacher's overview, with reading computed.

``chapters/teachers/course_plans.yml`` says which chapter each week and each
workshop slot takes, with which lesson plan (60 or 90 minutes).  This module
writes the two tables into ``chapters/teachers/overview.md`` and the reading
times into ``index.md``, each between ``% BEGIN name`` and ``% END name``
lines, so every reading time is the one :mod:`meishi_build.reading` computes
from the chapter's text, never typed.  :func:`plan_problems` holds the plans
to the clock: every chapter once in each plan; a workshop slot as long as its
lesson plan; slots of a day in order, without overlap; and a chapter's
reading and class together at least the time the chapter itself says it
needs (its *Time needed* line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from meishi.chapters import Chapter
from meishi.data.yamlfile import read_yaml
from meishi.paths import CHAPTERS, ROOT

from .reading import RATE, SLOW_RATE, minutes, reading

__all__ = ["PLANS", "needed", "plan_problems", "region", "regions", "render_index",
           "render_term", "render_workshop", "slot_minutes"]

PLANS = CHAPTERS / "teachers" / "course_plans.yml"
_TIME = re.compile(r"\*\*Time needed:\*\* (?:about )?(\d+)(?: to (\d+))? minutes")


def needed(chapter: Chapter) -> int:
    """The least time the chapter says it needs (its 'At a glance' *Time needed*), minutes."""
    first = json.loads(chapter.notebook.read_text(encoding="utf-8"))["cells"][0]["source"]
    match = _TIME.search("".join(first))
    if not match:
        raise ValueError(f"{chapter.stem}: no '**Time needed:** N minutes' line in its first cell")
    return int(match.group(1))


def slot_minutes(slot: Mapping) -> int:
    (h1, m1), (h2, m2) = (map(int, str(slot[k]).split(":")) for k in ("start", "end"))
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def _link(chapter: Chapter) -> str:
    return f"{{doc}}`{chapter.title} <../{chapter.stem}>`"


def _read(chapters: list[Chapter]) -> str:
    total = sum(reading(c.notebook).words for c in chapters)
    return (f"about {minutes(total)} minutes ({minutes(total, SLOW_RATE)} at {SLOW_RATE} "
            "words a minute)")


def plan_problems(data: Any, chapters: list[Chapter]) -> list[str]:
    """Everything wrong with the course plans; [] when they hold."""
    by_stem = {c.stem: c for c in chapters}
    if not isinstance(data, dict) or set(data) != {"term", "workshop"}:
        return ["course plans: give 'term' (a list of weeks) and 'workshop' (days of slots)"]
    found: list[str] = []
    term = [w for w in data["term"] if isinstance(w, dict)]
    slots = [s for day in (data["workshop"] or {}).values() for s in day if isinstance(s, dict)]
    for name, items in (("term", term), ("workshop", slots)):
        taken = [i.get("chapter") for i in items if i.get("chapter")]
        found += [f"{name}: no chapter {s!r}" for s in taken if s not in by_stem]
        if sorted(taken) != sorted(by_stem):
            found.append(f"{name}: every chapter once, found {taken}")
        for item in items:
            chapter = by_stem.get(item.get("chapter"))
            if chapter is None:
                continue
            if item.get("plan") not in (60, 90):
                found.append(f"{name} {chapter.stem}: plan is 60 or 90 (the guide's plans)")
                continue
            read = reading(chapter.notebook).minutes
            if read + item["plan"] < needed(chapter):
                found.append(f"{name} {chapter.stem}: {read} minutes of reading and the "
                             f"{item['plan']}-minute plan are less than the {needed(chapter)} "
                             "minutes the chapter says it needs")
    for day, day_slots in (data["workshop"] or {}).items():
        ends = 0
        for slot in day_slots:
            start = slot_minutes({"start": "00:00", "end": slot["start"]})
            if start < ends:
                found.append(f"workshop day {day}: the slot at {slot['start']} overlaps "
                             "the one before")
            ends = start + slot_minutes(slot)
            if slot.get("chapter") and slot_minutes(slot) != slot.get("plan"):
                found.append(f"workshop day {day} {slot['start']}: a {slot_minutes(slot)}-minute "
                             f"slot for the {slot.get('plan')}-minute plan")
    return found


def render_term(data: Mapping, chapters: list[Chapter]) -> str:
    by_stem = {c.stem: c for c in chapters}
    lines = ["| Week | Chapter | Before class | In class | After class |", "|---|---|---|---|---|"]
    for week in data["term"]:
        chapter = by_stem[week["chapter"]]
        guide = f"{{doc}}`guide <guide_{chapter.stem}>`"
        lines.append(f"| {week['week']} | {_link(chapter)} ({guide}) | Read the chapter: "
                     f"{_read([chapter])}. | {week['plan']}-minute plan. {week['in_class']} "
                     f"| {week['after']} |")
    return "\n".join(lines)


def render_workshop(data: Mapping, chapters: list[Chapter]) -> str:
    by_stem = {c.stem: c for c in chapters}
    days = data["workshop"]
    lines = []
    for day, slots in days.items():
        read = [by_stem[s["chapter"]] for s in slots if s.get("chapter")]
        when = "Before day 1" if day == 1 else f"Before day {day} (the evening before)"
        titles = [f"*{c.title}*" for c in read]
        names = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
        lines.append(f"- **{when}**, students read {names}: {_read(read)}.")
    lines += ["", "| Day | Time | Session |", "|---|---|---|"]
    for day, slots in days.items():
        for slot in slots:
            chapter = by_stem.get(slot.get("chapter"))
            what = (f"{_link(chapter)} ({slot['plan']}-minute plan of its "
                    f"{{doc}}`guide <guide_{chapter.stem}>`)" if chapter else "")
            text = "; ".join(t for t in (what, slot.get("activity", "")) if t)
            lines.append(f"| {day} | {slot['start']}–{slot['end']} | {text} |")
    return "\n".join(lines)


def render_index(chapters: list[Chapter]) -> str:
    main = [c for c in chapters if c.number]
    intro = [c for c in chapters if not c.number]
    spans = sorted(reading(c.notebook).minutes for c in main)
    slow = sorted(reading(c.notebook).slow_minutes for c in main)
    text = (f"Chapters 1 to {max(c.number for c in main)} each take about {spans[0]} to "
            f"{spans[-1]} minutes of reading at an average adult's pace ({RATE} words a minute "
            f"{{cite:p}}`brysbaert2019`; {slow[0]} to {slow[-1]} minutes at {SLOW_RATE}, and "
            "longer still in a second language), about 20 minutes with the widgets and 20 to 40 "
            "for the exercises and quiz.")
    if intro:
        text += (f" The introduction takes about {reading(intro[0].notebook).minutes} minutes "
                 f"of reading and about {needed(intro[0])} minutes in all.")
    return text + (" In a class, each chapter is one session of 60 to 90 minutes, with the "
                   "reading done before it (see the teacher's overview).")


def region(text: str, name: str, body: str) -> str:
    """``text`` with the lines between ``% BEGIN name`` and ``% END name`` replaced."""
    pattern = re.compile(rf"(^% BEGIN {re.escape(name)}\b[^\n]*\n)(.*?)(^% END {re.escape(name)}"
                         r"\b)", re.S | re.M)
    if not pattern.search(text):
        raise ValueError(f"no '% BEGIN {name}' ... '% END {name}' lines")
    return pattern.sub(lambda m: m.group(1) + body.strip("\n") + "\n" + m.group(3), text, count=1)


def regions(chapters: list[Chapter]) -> dict[Path, str]:
    """The new text of each file with generated regions (overview.md, index.md)."""
    data, _lines = read_yaml(PLANS)
    found = plan_problems(data, chapters)
    if found:
        raise ValueError("\n".join(f"{PLANS.name}: {p}" for p in found))
    overview = CHAPTERS / "teachers" / "overview.md"
    index = ROOT / "index.md"
    text = overview.read_text(encoding="utf-8")
    text = region(text, "term", render_term(data, chapters))
    text = region(text, "workshop", render_workshop(data, chapters))
    return {overview: text,
            index: region(index.read_text(encoding="utf-8"), "reading", render_index(chapters))}
