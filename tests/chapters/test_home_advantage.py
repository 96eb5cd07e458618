"""Chapter 4, "Home advantage": facts, charts, goals (widgets: another file)."""

from __future__ import annotations

import math

from meishi.chapters import home_advantage as chapter
from meishi.data import sources
from meishi.models.chooser import choose


def test_facts_are_plain_finite_numbers():
    for name, value in chapter.facts().items():
        assert isinstance(value, (int, float)), name
        assert math.isfinite(value), name


def test_japan_per_head_is_members_over_population():
    per100 = chapter.latest_per_100()
    assert per100["Japan"][2] == "company"
    assert 3.5 < per100["Japan"][0] < 4.5  # 5.0 million over about 124 million people
    assert {b for _v, _d, b in per100.values()} <= {"company", "estimate"}  # no blog figures


def test_every_goal_names_features_the_sourced_table_has():
    table = chapter.feature_table()
    features = {r["feature"] for r in table}
    known = set(sources())
    assert all(r["source_id"] in known for r in table)
    for goal in chapter.GOALS:
        assert {n.feature for n in goal.needs} <= features, goal.key
        assert abs(sum(n.weight for n in goal.needs) - 1.0) < 1e-9, goal.key


def test_the_chooser_answers_each_goal_as_the_chapter_says():
    first = {g.key: choose(g, chapter.feature_table())[0].service for g in chapter.GOALS}
    assert first == {"quiet_move": "doda", "keep_contacts": "Eight", "casual_visit": "Wantedly",
                     "hire_specialist": "BizReach", "foreign_colleague": "LinkedIn"}


def test_the_model_facts_show_the_chapter_s_story():
    f = chapter.facts()
    assert f["pf_strong_end"] < 1 and f["pf_strong_never"] == 1.0
    assert 0.4 < f["pf_slow_crit"] < 0.7  # the slow entrant's 0.4 is below what winning needs
    assert 1 < f["pf_slow_end"] < 50


def test_the_prose_quotes_the_model_at_the_widget_s_presets():
    import importlib

    from meishi.chapters.home_advantage import PlatformsWidget

    presets = PlatformsWidget().presets()
    facts = importlib.import_module("meishi.chapters.home_advantage.facts")
    for key, name in (("strong", "Strong effect, late entrant"), ("slow", "Slow, steady entrant"),
                      ("big", "Big fit advantage")):
        p = presets[name]
        assert facts.PRESETS[key] == (p["d"], p["beta"], p["c"], p["tau"], p["x0"] / 100), name
    assert chapter.facts()["pf_big_end"] > 50  # the big fit advantage does win
