"""Chapter 2's widgets: explicit or implied (impression) and the profile-line reader."""

from __future__ import annotations

import json

import pytest

from meishi import paths
from meishi.chapters.modesty import ImpressionWidget, ProfileReaderWidget
from meishi.chapters.modesty.facts import PRESETS
from meishi.kit.controls import TextBox
from meishi.models.impression import crossover_norm, impression
from meishi.models.profile_reader import MAX_CHARS, read_profile

LINES = json.loads((paths.ROOT / "tests" / "cases" / "profile_lines.json").read_text("utf-8"))


@pytest.fixture
def imp() -> ImpressionWidget:
    return ImpressionWidget()


@pytest.fixture
def reader() -> ProfileReaderWidget:
    return ProfileReaderWidget()


# -- impression ---------------------------------------------------------------------------

def test_impression_defaults(imp):
    assert imp.values == {"m": 50.0, "s": 80.0, "q": 50.0}
    assert imp.result == impression(0.5, 0.8, 0.5)
    assert imp.summary == (
        "With a modesty norm of 50%, the best explicitness is 55% (impression 74.1 of 100). "
        "The explicit résumé line beats the implied cue by 2.0 points (70.0 vs 68.0 of 100); "
        "the implied cue wins once the norm passes 55.6%.")
    assert imp.spec["data"] == {"alpha": 0.5, "c": 0.1}
    assert [c["kind"] for c in imp.spec["controls"]] == ["slider"] * 3


def test_impression_presets_are_two_stylised_audiences_and_equal_the_model(imp):
    presets = dict(imp.presets())
    assert list(presets) == list(PRESETS) == ["Lenient audience (stylised)",
                                              "Strict audience (stylised)"]
    for name, m in PRESETS.items():
        values = presets[name]
        assert values == {"m": m, "s": 80.0, "q": 50.0}
        ev = imp.evaluate(values)
        assert ev.ok and ev.result == impression(values["m"] / 100, 0.8, 0.5), name
    lenient, strict = presets.values()
    assert imp.evaluate(lenient).result.winner == "explicit"
    assert imp.evaluate(strict).result.winner == "implied"
    assert "stylised audiences, not countries" in imp.preset_note
    assert "1 − d" not in imp.preset_note and "meta-analysis" not in imp.preset_note


def test_the_readouts_the_things_to_try_quote(imp):
    # try 1: the two presets, as the answer glues them
    assert imp.evaluate({"m": 20.0, "s": 80.0, "q": 50.0}).summary == (
        "With a modesty norm of 20%, the best explicitness is 100% (impression 82.0 of 100). "
        "The explicit résumé line beats the implied cue by 12.8 points (82.0 vs 69.2 of 100); "
        "the implied cue wins once the norm passes 55.6%.")
    assert imp.evaluate({"m": 80.0, "s": 80.0, "q": 50.0}).summary == (
        "With a modesty norm of 80%, the best explicitness is 36% (impression 71.0 of 100). "
        "The implied cue beats the explicit résumé line by 8.8 points (66.8 vs 58.0 of 100); "
        "the implied cue wins once the norm passes 55.6%.")
    # try 2: the strict audience with a cue that shows nothing
    blind = imp.evaluate({"m": 80.0, "s": 80.0, "q": 0.0}).summary
    assert blind.startswith("With a modesty norm of 80%, the best explicitness is 68%")
    assert "(58.0 vs 46.8 of 100)" in blind
    assert blind.endswith("explicit wins at every norm when the cue is this unclear.")
    # try 3: with no norm, a fully clear cue ties (and so does an achievement of size 0)
    for values in ({"m": 0.0, "s": 80.0, "q": 100.0}, {"m": 0.0, "s": 0.0, "q": 50.0}):
        assert imp.evaluate(values).summary.endswith("so how openly to say it does not matter.")
    # the widget exercise: at 28% the readout calls it a tie, at 29% the cue wins
    assert "tie at" in imp.evaluate({"m": 80.0, "s": 80.0, "q": 28.0}).summary
    assert "The implied cue beats" in imp.evaluate({"m": 80.0, "s": 80.0, "q": 29.0}).summary
    assert "The explicit résumé line beats" in imp.evaluate({"m": 80.0, "s": 80.0,
                                                              "q": 27.0}).summary


def test_no_norm_means_the_explicit_line_wins(imp):
    r = imp.evaluate({"m": 0.0, "s": 80.0, "q": 50.0}).result
    assert r.e_star == 1.0 and r.winner == "explicit"
    assert "the best explicitness is 100%" in imp.evaluate({"m": 0.0, "s": 80.0,
                                                            "q": 50.0}).summary


def test_an_unclear_cue_adds_no_competence(imp):
    ev = imp.evaluate({"m": 50.0, "s": 80.0, "q": 0.0})
    assert ev.result.competence_implied == 0.0
    assert ev.result.competence_explicit == pytest.approx(0.8)
    assert ev.result.crossover_in_range is False
    assert ev.summary.endswith("explicit wins at every norm when the cue is this unclear.")


def test_the_crossover_norm_splits_the_winners(imp):
    m_star = crossover_norm(0.5)
    assert 100 * m_star == pytest.approx(55.5556, abs=1e-4)
    below = imp.evaluate({"m": 55.0, "s": 80.0, "q": 50.0})
    above = imp.evaluate({"m": 56.0, "s": 80.0, "q": 50.0})
    assert below.result.winner == "explicit" and above.result.winner == "implied"
    assert "The implied cue beats the explicit résumé line by 0.2 points" in above.summary
    for ev in (below, above):
        assert ev.summary.endswith("the implied cue wins once the norm passes 55.6%.")


@pytest.mark.parametrize("values, ending", [
    ({"m": 50.0, "s": 80.0, "q": 10.0}, "the implied cue only ties, at the strictest norm (100%)."),
    ({"m": 50.0, "s": 80.0, "q": 100.0}, "a cue this clear wins at every norm above 0%."),
    ({"m": 50.0, "s": 0.0, "q": 50.0}, "so how openly to say it does not matter."),
    ({"m": 0.0, "s": 80.0, "q": 100.0}, "so how openly to say it does not matter."),
])
def test_the_readout_at_the_edges(imp, values, ending):
    assert imp.evaluate(values).summary.endswith(ending)


def test_every_corner_reads(imp):
    for m in (0.0, 100.0):
        for s in (0.0, 100.0):
            for q in (0.0, 100.0):
                ev = imp.evaluate({"m": m, "s": s, "q": q})
                assert ev.ok and ev.summary.endswith("."), (m, s, q)


# -- the profile reader ------------------------------------------------------------------

def test_reader_control_is_a_text_box(reader):
    (control,) = reader.spec["controls"]
    assert control["kind"] == "text" and control["max_chars"] == MAX_CHARS == 300
    assert control["label"] == "Profile line" and control["unit"] == "English or Japanese"
    assert reader.summary == ("Explicitness score 3 of 10 (moderate): first person with an "
                              "achievement verb (+2), a growth number (+1).")


def test_reader_presets_equal_the_model(reader):
    for name, values in reader.presets().items():
        ev = reader.evaluate(values)
        assert ev.ok and ev.result == read_profile(values["text"]), name
        assert ev.params == values["text"]
    registers = {n: reader.evaluate(v).result.register for n, v in reader.presets().items()}
    assert registers == {"English, explicit": "explicit", "English, understated": "understated",
                         "Japanese, explicit": "explicit",
                         "Japanese, understated": "understated"}


def test_the_shared_japanese_examples_are_marked(reader):
    # the markers the chapter's "things to try" answer names, for each preset line
    reader.apply_preset("Japanese, explicit")
    r = reader.result
    assert r.text == ("私が主導したプロジェクトで売上を3倍に伸ばし、"
                      "業界初の取り組みとして表彰されました。")
    assert [(k.category, k.match) for k in r.markers] == [
        ("first_person_achievement", "私"), ("first_person_achievement", "主導"),
        ("growth_number", "3倍"), ("superlative", "業界初"), ("achievement_word_ja", "表彰")]
    assert reader.summary == (
        "Explicitness score 5 of 10 (explicit): first person with an achievement verb (+2), "
        "a superlative (+1), a growth number (+1), a Japanese achievement word (+1).")
    reader.apply_preset("Japanese, understated")
    r = reader.result
    assert "担当させていただき" in r.text and "達成することができました" in r.text
    assert [k.match for k in r.markers] == ["チーム", "させていただ", "皆様", "おかげ", "達成"]
    assert reader.summary == (
        "Explicitness score 0 of 10 (understated): a Japanese achievement word (+1), "
        "4 modesty markers (−3); the points add up to −2, kept within 0 to 10.")
    assert [a.category for a in reader.result.alternatives] == ["achievement_word_ja"]


def test_the_reader_answers_in_the_things_to_try_hold(reader):
    # try 2: the example pair the answer quotes
    assert reader.evaluate({"text": "I led the Osaka launch and grew sales by 40%."}).summary \
        .startswith("Explicitness score 3 of 10 (moderate)")
    assert reader.evaluate({"text": "Part of the team that ran the Osaka launch."}).summary \
        .startswith("Explicitness score 0 of 10 (understated)")
    # try 3: full-width digits are read like ordinary ones; invisible characters are counted
    ev = reader.evaluate({"text": "売上を４０％伸ばしました\u200b"})
    assert [k.match for k in ev.result.markers] == ["40%"]
    assert ev.summary.endswith("; 1 invisible character was removed.")


def test_the_english_examples_say_something_possible(reader):
    explicit = reader.presets()["English, explicit"]["text"]
    assert "doubled margins by 200%" not in explicit
    assert reader.evaluate({"text": explicit}).result.register == "explicit"


@pytest.mark.parametrize("case", [c for c in LINES["cases"] if c["text"] is not None],
                         ids=lambda c: c["why"][:40])
def test_every_shared_line_reads_as_the_model_does(reader, case):
    ev = reader.evaluate({"text": case["text"]})
    assert ev.ok == case["ok"]
    if ev.ok:
        assert ev.result.score == case["score"]
        assert ev.summary.startswith(f"Explicitness score {case['score']} of 10 "
                                     f"({case['register']})")
    else:
        assert ev.message == read_profile(case["text"]).message


@pytest.mark.parametrize("text, kind", [
    ("", "empty"), ("   ", "empty"), ("\u200b\u202e", "empty"), ("🎉🚀👏", "no_words"),
    ("x" * 301, "too_long"),
])
def test_bad_lines_give_the_model_s_message_and_keep_the_last_result(reader, text, kind):
    from meishi.kit.inputs import InputError

    good = reader.evaluation
    with pytest.raises(InputError) as info:
        reader.read({"text": text})
    assert info.value.kind == kind == read_profile(text).kind
    reader.set(text=text)
    assert not reader.evaluation.ok
    assert reader.evaluation.message == read_profile(text).message
    assert reader.result == good.result and reader.summary == good.summary
    reader.set(text="I led it.")
    assert reader.evaluation.ok and reader.result.markers[0].match == "I"


def test_the_limit_is_300_characters_after_cleaning(reader):
    assert reader.evaluate({"text": "x" * 300}).ok
    assert reader.evaluate({"text": "x" * 300 + "\u200b" * 5}).ok  # invisible: removed
    assert "removed" in reader.evaluate({"text": "x" * 300 + "\u200b" * 5}).summary


def test_markup_typed_stays_text(reader):
    ev = reader.evaluate({"text": "<img src=x onerror=alert(1)>"})
    assert ev.ok and ev.result.text == "<img src=x onerror=alert(1)>" and ev.result.markers == ()
    ev = reader.evaluate({"text": "<b>I led</b> sales up 45%"})
    assert [(k.match, k.start, k.end) for k in ev.result.markers] == [
        ("I", 3, 4), ("led", 5, 8), ("45%", 22, 25)]


def test_direction_overrides_are_removed_and_counted(reader):
    ev = reader.evaluate({"text": "\u202eI led the launch"})
    assert ev.ok and ev.result.text == "I led the launch" and ev.result.removed == 1
    assert ev.summary.endswith("; 1 invisible character was removed.")


def test_text_box_spec():
    box = TextBox("t", "Line", "any language", default="hi", max_chars=10)
    assert box.to_spec() == {"name": "t", "label": "Line", "unit": "any language",
                             "kind": "text", "default": "hi", "placeholder": "",
                             "max_chars": 10}
