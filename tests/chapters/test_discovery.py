"""Chapters are found by looking (meishi.chapters.discover), and each is complete."""

from __future__ import annotations

import ast

import pytest

from helpers import toc_files
from meishi import paths
from meishi.chapters import discover, widget_classes

CHAPTERS = discover()


def test_chapters_are_numbered_in_order_from_zero():
    assert [c.number for c in CHAPTERS] == list(range(len(CHAPTERS)))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_notebook_quiz_and_package_share_the_topic_word(chapter):
    assert chapter.notebook.is_file(), chapter.notebook
    assert chapter.quiz_file.is_file(), chapter.quiz_file
    assert f"chapters/{chapter.stem}" in toc_files()
    assert chapter.quiz().questions


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_chapters_never_import_each_other(chapter):
    others = {c.slug for c in CHAPTERS} - {chapter.slug}
    folder = paths.ROOT / "src" / "meishi" / "chapters" / chapter.slug
    for module in folder.glob("*.py"):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                assert not any(part in others for part in name.split(".")), (module, name)


def test_every_numbered_toc_notebook_is_a_discovered_chapter():
    """Chapters are the notebooks named NN_topic; reference pages (data sources) are not."""
    stems = {c.stem for c in CHAPTERS}
    notebooks = {f.split("/")[-1] for f in toc_files()
                 if (paths.ROOT / f"{f}.ipynb").is_file() and f.split("/")[-1][:2].isdigit()}
    assert notebooks == stems


def test_widget_ids_are_unique_and_named():
    ids = [w.widget_id for w in widget_classes()]
    assert all(ids) and len(set(ids)) == len(ids)


def test_a_chapter_s_facts_make_no_widget():
    """Facts are glued on pages without widgets too (the teacher's guide): a widget made
    while computing them would put widget state and the widget runtime on those pages."""
    from ipywidgets.widgets import widget

    before = set(widget._instances)
    for chapter in discover():
        chapter.facts()
    assert set(widget._instances) == before


def test_facts_once_computes_each_chapter_s_facts_once_and_only_inside_the_block():
    from meishi.chapters import Chapter, facts_once

    calls = []

    def facts():
        calls.append(1)
        return {"x": len(calls)}

    chapter = Chapter(slug="sample", number=9, title="A sample", facts=facts)
    assert chapter.facts() == {"x": 1} and chapter.facts() == {"x": 2}  # afresh each time
    with facts_once():
        first = chapter.facts()
        first["x"] = 99  # a copy: a caller's change reaches no other caller
        assert chapter.facts() == {"x": 3}
        with facts_once():  # a nested block shares the outer one's facts
            assert chapter.facts() == {"x": 3}
        assert chapter.facts() == {"x": 3}
    assert len(calls) == 3
    assert chapter.facts() == {"x": 4}  # after the block, afresh again


def test_facts_once_gives_every_chapter_the_same_facts_as_a_fresh_call():
    from meishi.chapters import facts_once

    fresh = {c.slug: c.facts() for c in discover()}
    with facts_once():
        for _ in range(2):
            assert {c.slug: c.facts() for c in discover()} == fresh


def test_a_chapter_is_still_equal_hashable_and_picklable_as_its_arguments_make_it():
    import dataclasses
    import pickle

    from meishi.chapters import Chapter, facts_once

    chapter = discover()[0]
    again = Chapter(slug=chapter.slug, number=chapter.number, title=chapter.title,
                    facts=chapter.facts.compute, widgets=chapter.widgets,
                    charts=chapter.charts)
    assert again == chapter and hash(again) == hash(chapter)
    assert pickle.loads(pickle.dumps(chapter)) == chapter
    other = dataclasses.replace(chapter, facts=lambda: {"fake": 1})
    assert other != chapter
    with facts_once():  # a different function with the same slug has its own facts
        assert chapter.facts() != {"fake": 1}
        assert other.facts() == {"fake": 1}
    assert dataclasses.replace(chapter).facts.compute is chapter.facts.compute  # not rewrapped
