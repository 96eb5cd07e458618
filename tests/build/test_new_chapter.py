"""A new chapter starts from the one template (meishi_build.new_chapter)."""

from __future__ import annotations

import ast
import json

import pytest

from helpers import ROOT
from meishi_build.new_chapter import main, targets, write_chapter

CONTRACT_SECTIONS = ("At a glance", "## The claim", "## The model", "Things to try",
                     "## The evidence", "## Verdict", "What would have disproved it",
                     "## Exercises", "## Self-check quiz", "## For discussion",
                     "## Key takeaways", "## Further reading")


def test_it_writes_every_piece_of_a_chapter(tmp_path):
    written = write_chapter(7, "home_advantage", "Home advantage", root=tmp_path)
    assert {str(p) for p in written} == {
        "chapters/07_home_advantage.ipynb", "chapters/quizzes/07_home_advantage.yml",
        "src/meishi/chapters/home_advantage/__init__.py",
        "src/meishi/chapters/home_advantage/facts.py",
        "src/meishi/chapters/home_advantage/charts.py",
        "src/meishi/chapters/home_advantage/widgets.py",
        "tests/chapters/test_home_advantage.py", "chapters/teachers/07_home_advantage.yml"}
    notebook = json.loads((tmp_path / "chapters/07_home_advantage.ipynb").read_text("utf-8"))
    text = "".join("".join(c["source"]) for c in notebook["cells"])
    for section in CONTRACT_SECTIONS:
        assert section in text, section
    assert "# Home advantage" in text and "{{" not in text
    assert all(c.get("outputs", []) == [] for c in notebook["cells"])
    for path in written:
        if path.suffix == ".py":
            source = (tmp_path / path).read_text("utf-8")
            assert "{{" not in source
            ast.parse(source)  # valid Python
    init = (tmp_path / "src/meishi/chapters/home_advantage/__init__.py").read_text("utf-8")
    assert 'CHAPTER = Chapter(slug="home_advantage", number=7' in init
    assert "class HomeAdvantageWidget(CourseWidget)" in (
        tmp_path / "src/meishi/chapters/home_advantage/widgets.py").read_text("utf-8")


def test_it_never_overwrites(tmp_path):
    write_chapter(2, "modesty", "Saying it", root=tmp_path)
    with pytest.raises(FileExistsError):
        write_chapter(2, "modesty", "Saying it", root=tmp_path)


@pytest.mark.parametrize("number, slug, title", [
    (0, "x", "T"), (2, "Bad-Slug", "T"), (2, "2x", "T"), (2, "ok", "  "),
])
def test_bad_arguments_are_refused(tmp_path, number, slug, title):
    with pytest.raises(ValueError):
        write_chapter(number, slug, title, root=tmp_path)


def test_the_command_reports_clashes_without_a_traceback(capsys):
    # chapter 1's files exist in the checkout: nothing may be overwritten
    assert main(["--number", "1", "--slug", "profile_signal", "--title", "x"]) == 2
    assert "already there" in capsys.readouterr().err


def test_the_templates_targets_match_the_layout_discovery_expects():
    paths = targets(3, "trust")
    assert paths["notebook.ipynb"].parent == (ROOT / "chapters").relative_to(ROOT)
    assert str(paths["package_init.py.txt"]) == "src/meishi/chapters/trust/__init__.py"
