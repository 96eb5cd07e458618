"""Student and instructor notebooks (meishi_build.versions, `make notebooks`)."""

from __future__ import annotations

import json
import re

import pytest

from meishi.chapters import discover
from meishi_build import versions
from meishi_build.chapter_parts import read_parts
from meishi_build.versions import blocks, instructor_version, student_version

CHAPTERS = discover()


def _nb(*cells: tuple[str, str]) -> dict:
    return {"cells": [{"cell_type": kind, "metadata": {}, "source": src,
                       **({"outputs": [{"x": 1}], "execution_count": 3} if kind == "code" else {})}
                      for kind, src in cells],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _text(nb: dict) -> str:
    return "\n".join(c["source"] if isinstance(c["source"], str) else "".join(c["source"])
                     for c in nb["cells"])


def test_blocks_follow_fence_length_character_and_nesting():
    lines = ["::::{exercise} Outer", "```{admonition} Answer", "inner", "```", "::::",
             "```python", ":::{solution} not a directive here", "```",
             "   ```{admonition} Answer", "   `` two are not a fence", "   ```"]
    found = blocks(lines)
    assert [(b.start, b.end, b.name, b.depth) for b in found] == [
        (0, 4, "exercise", 0), (1, 3, "admonition", 1), (5, 7, None, 0), (8, 10, "admonition", 0)]
    with pytest.raises(ValueError, match="line 1"):
        blocks(["```{solution} x", "never closed"])


def test_student_version_leaves_out_solutions_answers_and_teacher_notes():
    nb = _nb(
        ("markdown", "# Title\n\n:::{admonition} For teachers\n:class: note\nPlan.\n:::\nIntro."),
        ("code", "x = 1"),
        ("markdown", "**Things to try**\n\n1. Question one?\n\n   ```{admonition} Answer\n"
                     "   :class: dropdown\n   SECRET-1\n   ```\n2. Question two?"),
        ("markdown", "````{exercise} Ex A\n:label: ex-a\n\nDo it.\n````\n\n"
                     "```{solution-start} ex-a\n:class: dropdown\n```\nSECRET-2"),
        ("code", "secret_code = 2"),
        ("markdown", "```{solution-end}\n```\n\n:::{exercise} Ex B\n:label: ex-b\nMore.\n:::\n"
                     "::::{solution} ex-b\n```{admonition} Note\nSECRET-3\n```\n::::"),
        ("code", "chapter.CHAPTER.quiz()"),
        ("markdown", "*Notes for teachers are in the teaching plan below.*\n\n(x-plan)=\n"
                     ":::{admonition} For teachers: a plan\n:class: dropdown\nSECRET-4\n:::"),
    )
    out = student_version(nb)
    text = _text(out)
    for secret in ("SECRET", "secret_code", "For teachers", "teaching plan", "(x-plan)=", "Plan."):
        assert secret not in text
    for kept in ("# Title", "Intro.", "Question one?", "Question two?", ":label: ex-a",
                 ":label: ex-b", "x = 1", "**Student version.**"):
        assert kept in text
    assert text.splitlines()[0] == "# Title"
    assert "chapter.CHAPTER.quiz().for_students()" in text
    assert all(c.get("outputs") == [] for c in out["cells"] if c["cell_type"] == "code")
    assert nb["cells"][1]["outputs"], "the source notebook is left as it was"
    assert all(_text({"cells": [c]}).strip() for c in out["cells"]), "no empty cells"


def test_an_unended_solution_range_is_an_error():
    with pytest.raises(ValueError, match="never ended"):
        student_version(_nb(("markdown", "# T\n```{solution-start} a\n```\nx")))


def test_instructor_version_keeps_everything():
    nb = _nb(("markdown", "# T\n```{solution} a\nS\n```"), ("code", "chapter.CHAPTER.quiz()"))
    out = instructor_version(nb)
    assert "```{solution} a\nS\n```" in _text(out) and "**Instructor version.**" in _text(out)
    assert out["cells"][1]["source"] == "chapter.CHAPTER.quiz()"
    assert out["cells"][1]["outputs"] == []


# -- the real chapters ----------------------------------------------------------------

def _pair(chapter) -> tuple[dict, dict, dict]:
    nb = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    return nb, student_version(nb), instructor_version(nb)


def _hidden(nb: dict) -> list[str]:
    """The text of every solution, answer fold and teacher box in a notebook."""
    hidden = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = _text({"cells": [cell]}).splitlines()
        for b in blocks(lines):
            if b.name == "solution" or (b.name == "admonition" and (
                    versions.is_answer(b.arg) or versions.is_teacher(b.arg))):
                hidden += [ln.strip() for ln in lines[b.start + 1:b.end]
                           if len(ln.strip()) > 30]
    return hidden


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_real_student_notebook_keeps_the_questions_and_drops_the_answers(chapter):
    source, student, instructor = _pair(chapter)
    text, full = _text(student), _text(source)
    labels = re.findall(r"^:label: (\S+)$", full, re.M)
    exercises = re.findall(r"^[`:]{3,}\{exercise\}", full, re.M)
    assert labels and exercises
    assert re.findall(r"^:label: (\S+)$", text, re.M) == labels
    assert len(re.findall(r"^[`:]{3,}\{exercise\}", text, re.M)) == len(exercises)
    assert not re.search(r"\{solution(-start|-end)?\}|\{admonition\} (Answer|For teachers)", text)
    hidden = _hidden(source)
    assert hidden, "the chapter has solutions to leave out"
    for line in hidden:
        assert line not in text, line
    # the code cells of a gated solution (solution-start .. solution-end) go too
    gated = sum(e.code_cells for e in read_parts(chapter.notebook).exercises)
    code = [c for c in source["cells"] if c["cell_type"] == "code"]
    assert len([c for c in student["cells"] if c["cell_type"] == "code"]) == len(code) - gated
    assert "## For discussion" in text and "## Self-check quiz" in text
    assert sum(".quiz().for_students()" in c["source"] for c in student["cells"]) == 1
    assert _text(instructor).replace("\n" + versions.NOTES["instructor"] + "\n", "", 1) == full


def test_write_versions_writes_both_versions_of_every_chapter(tmp_path):
    written = versions.write_versions(out=tmp_path)
    names = sorted(c.notebook.name for c in CHAPTERS)
    for version in ("student", "instructor"):
        assert sorted(p.name for p in written[version]) == names
        for path in written[version]:
            assert json.loads(path.read_text(encoding="utf-8"))["cells"]
