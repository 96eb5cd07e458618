"""The materials checklist of each lesson plan in a chapter's teacher's guide.

Nothing here is typed by hand: the checklist is derived from what the plan
already says (:mod:`meishi_build.guide_plans`) and from the chapter itself.

* *Before class*: the chapter's reading with its computed minutes
  (:mod:`meishi_build.reading`), and a device for each exercise done in class
  whose statement asks students to use a widget;
* *Print*: the chapter's handout (``make handouts``) for the exercises done in
  class and the exit ticket (or the quiz set in the class's LMS), and the
  guide's activities a step names (the role-play's roles, the debate's sides);
* *Project*: the widget of every section the plan takes in class, found in the
  chapter's notebook as a ``chapter.SomethingWidget()`` cell, and the
  discussion prompts the plan uses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .chapter_parts import ChapterParts
from .guide_plans import covered, find_section

__all__ = ["activities_used", "checklist", "widget_exercises", "widgets", "widgets_shown"]

_WIDGET = re.compile(r"\bchapter\.([A-Z]\w*Widget)\(")
_HEADING = re.compile(r"^(#{2,3}) (.+)$", re.MULTILINE)
#: An activity is named in a step by its title without its article ("a short debate").
_ARTICLE = re.compile(r"^(?:the|an?) ")


def widgets(notebook: Path) -> list[tuple[str, str]]:
    """(heading of its section, class name) of every widget the chapter shows, in order."""
    found: list[tuple[str, str]] = []
    heading = ""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            titles = _HEADING.findall(source)
            if titles:
                heading = titles[-1][1].strip()
        elif cell["cell_type"] == "code":
            found += [(heading, name) for name in _WIDGET.findall(source)]
    return found


def widgets_shown(parts: ChapterParts, steps: list[Mapping], notebook: Path) -> list[str]:
    """The headings of the sections a plan takes in class that hold a widget."""
    taken = covered(parts, steps)
    return list(dict.fromkeys(heading for heading, _ in widgets(notebook)
                              if find_section(parts, heading) in taken))


def widget_exercises(parts: ChapterParts, steps: list[Mapping]) -> list[str]:
    """Titles of the exercises done in class whose statement has students use a widget."""
    done = {x for step in steps for x in step.get("exercises") or []}
    return [e.title for e in parts.exercises
            if e.label in done and "widget" in e.statement.lower()]


def activities_used(data: Mapping, steps: list[Mapping]) -> list[str]:
    """Titles of the guide's activities that a step of the plan names."""
    text = " ".join(step["activity"] for step in steps).lower()
    return [a["title"].strip() for a in data.get("activities") or []
            if _ARTICLE.sub("", a["title"].strip().lower()) in text]


def checklist(data: Mapping, parts: ChapterParts, length: int, notebook: Path,
              stem: str, read: Any) -> list[str]:
    """The Markdown lines of one plan's materials checklist."""
    steps = data["plans"][length]
    exercises = {e.label: e.title for e in parts.exercises}
    done = list(dict.fromkeys(exercises[x] for step in steps
                              for x in step.get("exercises") or []))
    ticket = next(s["quiz"] for s in steps if s.get("quiz"))
    prompts = [p for step in steps for p in step.get("prompts") or []]
    before = [f"Students read the chapter before class (about {read.minutes} minutes; see "
              "*Before class* above)."]
    devices = widget_exercises(parts, steps)
    if devices:
        before.append("Students bring a phone, tablet or laptop with the chapter open, for "
                      + _and([f"*{t}*" for t in devices]) + ", which uses the chapter's widget.")
    handout = f"{{download-file}}`the chapter's handout <{stem}.pdf>`"
    printed = []
    if done:
        printed.append(f"The *Exercises* section of {handout}, for the exercises done in "
                       "class: " + _and([f"*{t}*" for t in done])
                       + " (one copy a student or a pair).")
    printed.append(f"The exit ticket, quiz question{'s' if len(ticket) > 1 else ''} "
                   f"{_and([str(q) for q in ticket])}: the *Self-check quiz* section of "
                   f"{'the handout' if done else handout}, or the quiz set in your LMS "
                   "({doc}`lms`).")
    printed += [f"The activity *{title}* below, one copy a group."
                for title in activities_used(data, steps)]
    shown = [f"The widget in the section “{h}”." for h in widgets_shown(parts, steps, notebook)]
    if prompts:
        shown.append(f"Discussion prompt{'s' if len(prompts) > 1 else ''} "
                     f"{_and([str(p) for p in prompts])} (under *Leading the discussion*).")
    lines = [f"*Materials for the {length}-minute class.*", ""]
    for name, items in (("Before class", before), ("Print", printed),
                        ("Project", shown or ["Nothing: this plan uses no widget or prompt."])):
        lines += [f"- **{name}:**"] + [f"  - {item}" for item in items]
    return [*lines, ""]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
