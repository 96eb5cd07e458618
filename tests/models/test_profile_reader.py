"""The profile-line reader (meishi.models.profile_reader), against the shared case file."""

from __future__ import annotations

import itertools
import json
import unicodedata

import pytest

from meishi import paths
from meishi.models.profile_reader import MAX_CHARS, RULES, clean_line, read_profile

CASES = json.loads((paths.ROOT / "tests" / "cases" / "profile_lines.json")
                   .read_text("utf-8"))["cases"]
CATEGORIES = [r.category for r in RULES]


def test_the_case_file_covers_what_the_issue_asks_for():
    assert len(CASES) >= 30
    kinds = {c["kind"] for c in CASES}
    assert kinds == {"ok", "empty", "too_long", "no_words"}
    registers = {c["register"] for c in CASES if c["ok"]}
    assert registers == {"understated", "moderate", "explicit"}
    assert {cat for c in CASES for cat in c["categories"]} == set(CATEGORIES)
    assert any(len(c["text"]) == MAX_CHARS + 1 for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:50] for c in CASES])
def test_shared_cases(case):
    r = read_profile(case["text"])
    assert (r.ok, r.kind) == (case["ok"], case["kind"]), r.message
    assert r.score == case["score"] and r.register == case["register"]
    assert [k.category for k in r.markers] == case["categories"]
    assert [k.match for k in r.markers] == case["matches"]
    if "points" in case:
        assert [k.points for k in r.markers] == case["points"]
    if "spans" in case:
        assert [[k.start, k.end] for k in r.markers] == case["spans"]
    if "removed" in case:
        assert r.removed == case["removed"]
    if "clean" in case:
        assert r.text == case["clean"]
    assert r.message and not any(unicodedata.category(ch) in ("Cf", "Cc") for ch in r.message)


@pytest.mark.parametrize("case", [c for c in CASES if c["ok"]], ids=lambda c: c["why"][:50])
def test_invariants(case):
    r = read_profile(case["text"])
    assert not any(unicodedata.category(ch) in ("Cf", "Cc") for ch in r.text)
    spans = sorted((k.start, k.end) for k in r.markers)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "no span is marked twice"
    for k in r.markers:
        assert r.text[k.start:k.end] == k.match
        rule = RULES[CATEGORIES.index(k.category)]
        assert k.rule == rule.rule and k.points in (0, rule.points)
    for rule in RULES:
        scored = [k for k in r.markers if k.category == rule.category and k.points]
        assert len(scored) <= rule.limit
    total = sum(k.points for k in r.markers)
    assert r.score == min(10, max(0, total))
    present = [c for c in CATEGORIES if c != "modesty_marker"
               and any(k.category == c for k in r.markers)]
    assert [a.category for a in r.alternatives] == present


def test_hand_worked_example_in_detail():
    # 私 + 主導 (+2 on 私), 3倍 (+1), 業界初 (+1), 表彰 (+1): 5
    r = read_profile("私が主導したプロジェクトで売上を3倍に伸ばし、"
                     "業界初の取り組みとして表彰されました。")
    assert [(k.match, k.points) for k in r.markers] == [
        ("私", 2), ("主導", 0), ("3倍", 1), ("業界初", 1), ("表彰", 1)]
    assert (r.score, r.register) == (5, "explicit")
    assert r.message == "5 markers found: explicitness score 5 of 10 (explicit)."
    # an achievement word after an achievement verb of rule 1 is not counted twice
    r = read_profile("私が主導し、目標を達成しました。")
    assert [(k.category, k.match, k.points) for k in r.markers] == [
        ("first_person_achievement", "私", 2), ("first_person_achievement", "主導", 0),
        ("first_person_achievement", "達成", 0)]


def test_the_humble_forms_are_read_in_natural_business_japanese():
    # させていただ is a humble form when it attaches to a verb of service (担当させていただく);
    # the line the chapter shows is natural business Japanese and reads as understated
    r = read_profile("チームの一員として新規事業の立ち上げを担当させていただき、"
                     "皆様のおかげで目標を達成することができました。")
    assert [(k.match, k.points) for k in r.markers] == [
        ("チーム", -1), ("させていただ", -1), ("皆様", -1), ("おかげ", 0), ("達成", 1)]
    assert (r.score, r.register) == (0, "understated")
    # the Japanese rewrites the reader suggests are polite, and read as understated
    assert {r.japanese for r in RULES if r.japanese} == {
        "チームの一員としてプロジェクトに携わり、計画を担当しました。",
        "社内外の方々から評価をいただいております。",
        "売上の伸びに貢献しました。",
        "目標に向けてチームで取り組みました。"}


def test_the_suggested_alternatives_read_as_understated():
    for rule in RULES:
        for line in (rule.english, rule.japanese):
            if line:
                r = read_profile(line)
                assert r.register == "understated", (line, r.markers)


def test_cleaning_counts_invisible_characters_and_keeps_line_breaks_as_spaces():
    # the line break and the tab each become a space (spaces are not merged)
    assert clean_line("  I\u200b led\u202e\n\tthe team\ufeff ") == ("I led  the team", 3)
    assert clean_line("ＮＯ．１　３倍") == ("NO.1 3倍", 0)
    assert clean_line(None) == ("", 0)


def test_length_limit_counts_the_cleaned_text():
    assert read_profile("a" * MAX_CHARS).ok
    long = read_profile("a" * (MAX_CHARS + 1))
    assert long.kind == "too_long"
    assert long.message == "The line is 301 characters long; keep it to 300 characters or fewer."
    # invisible characters do not count towards the limit
    assert read_profile("a" * MAX_CHARS + "\u200b" * 5).ok


def test_refusals_have_no_markers_and_a_plain_message():
    refused = (("", "empty"), ("\u200b", "empty"), ("👍👍", "no_words"), ("...", "no_words"))
    for text, kind in refused:
        r = read_profile(text)
        assert (r.ok, r.kind, r.markers, r.score, r.register) == (False, kind, (), 0, "")
    assert read_profile("\u200b").removed == 1


def test_score_is_capped_below_at_zero_and_registers_follow_the_score():
    r = read_profile("We, together, thanks to the team, were lucky")
    assert sum(k.points for k in r.markers) == -3 and r.score == 0
    assert read_profile("best").register == "understated"           # 1
    assert read_profile("best and top").register == "moderate"      # 2
    assert read_profile("I led, best, top, 3x, 40%").score == 6     # 2 + 2 + 2
