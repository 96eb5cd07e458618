"""Chapter 2, "Saying it without saying it": facts, charts and every sentence of the chapter,
its quiz and its teacher's guide that states what the impression model shows
(widgets: test_modesty_widgets)."""

from __future__ import annotations

import itertools
import json
import re

import pytest
import yaml

from meishi import paths
from meishi.chapters import modesty as chapter
from meishi.chapters.modesty.facts import PRESET_CLAIM, PRESET_CUE, PRESETS, lowest_winning_cue
from meishi.models.impression import COST, crossover_norm, impression

NOTEBOOK = paths.CHAPTERS / "02_modesty.ipynb"


def _markdown() -> str:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_facts_are_plain_numbers():
    assert all(isinstance(v, (int, float)) for v in chapter.facts().values())


def test_effect_sizes_come_from_the_meta_analysis():
    d = chapter.self_enhancement()
    assert d == {"Westerners": 0.87, "Asian Americans": 0.52, "East Asians": -0.01}


# -- item 6: the presets are stylised audiences, not norms read off an effect size ---------------

def test_presets_are_stylised_audiences_not_countries():
    assert PRESETS == {"Lenient audience (stylised)": 20.0, "Strict audience (stylised)": 80.0}
    d = chapter.self_enhancement()
    # no preset is 1 - d of any group (the old mapping built the answer into the model)
    for norm in PRESETS.values():
        assert all(abs(norm - 100 * min(1.0, max(0.0, 1 - v))) > 1 for v in d.values())
    assert not hasattr(chapter, "norm_presets")
    text = _markdown()
    assert "1 minus" not in text and "1 − d" not in text
    assert "East Asian audience" not in text and "Western audience" not in text


def test_the_model_section_says_what_is_stylised_and_that_a_model_is_not_evidence():
    text = _markdown()
    model = text[text.index("(ch2-model)="):text.index("## Model 2")]
    assert "{term}`stylised`" in model
    assert "not how any real audience reacts" in model
    verdict = text[text.index("(ch2-verdict)="):]
    assert "it is not evidence that any real audience does" in verdict
    assert "The model shows why" not in verdict


# -- the worked example: every number in it, and the sums that join them ------------------------

def test_the_worked_example_adds_up():
    f = chapter.facts()
    assert f["strict_comp_explicit"] == pytest.approx(PRESET_CLAIM)
    assert f["strict_comp_implied"] == pytest.approx(PRESET_CUE / 100 * PRESET_CLAIM)
    assert f["strict_pen_explicit"] == pytest.approx(f["norm_strict"] / 100 * PRESET_CLAIM)
    assert f["strict_pen_implied"] == pytest.approx(COST * f["strict_pen_explicit"])
    assert f["cost_pct"] == 10
    assert f["strict_like_explicit"] == pytest.approx(100 - f["strict_pen_explicit"])
    assert f["strict_like_implied"] == pytest.approx(100 - f["strict_pen_implied"])
    assert f["strict_explicit"] == pytest.approx(
        (f["strict_comp_explicit"] + f["strict_like_explicit"]) / 2)
    assert f["strict_implied"] == pytest.approx(
        (f["strict_comp_implied"] + f["strict_like_implied"]) / 2)
    # as rendered: 80 + 36 = 116, / 2 = 58.0; 40 + 93.6 = 133.6, / 2 = 66.8
    assert (f"{f['strict_explicit']:.1f}", f"{f['strict_implied']:.1f}") == ("58.0", "66.8")
    assert (f"{f['lenient_explicit']:.1f}", f"{f['lenient_implied']:.1f}") == ("82.0", "69.2")


# -- item 10: each "things to try" answer, run at its stated settings ---------------------------

def test_try_1_lenient_states_strict_implies():
    f = chapter.facts()
    lenient = impression(0.2, 0.8, 0.5)
    strict = impression(0.8, 0.8, 0.5)
    assert lenient.winner == "explicit" and lenient.e_star == 1.0
    assert strict.winner == "implied" and 0 < strict.e_star < 0.5
    assert f["estar_lenient"] == 100 and round(f["estar_strict"]) == 36


def test_try_2_an_uninformative_cue_loses_even_under_the_strict_norm():
    f = chapter.facts()
    blind = impression(0.8, 0.8, 0.0)
    assert blind.winner == "explicit" and blind.competence_implied == 0
    assert not blind.crossover_in_range  # "explicit wins at every norm" with this unclear a cue
    assert blind.e_star > impression(0.8, 0.8, 0.5).e_star  # "the best explicitness rises"
    assert (round(f["estar_strict"]), round(f["estar_strict_blind"])) == (36, 68)


GRID = [i / 20 for i in range(21)]


def test_try_3_with_no_norm_explicit_wins_except_two_ties():
    for s in GRID:
        for q in GRID:
            r = impression(0.0, s, q)
            if s == 0 or q == 1:
                assert r.winner == "tie" and r.flat, (s, q)
            else:
                assert r.winner == "explicit" and r.e_star == 1.0, (s, q)


def test_try_4_the_crossover_splits_every_whole_percent_norm_and_falls_with_clarity():
    f = chapter.facts()
    assert f"{f['crossover_norm']:.1f}" == "55.6"
    for m in range(101):
        winner = impression(m / 100, 0.8, 0.5).winner
        assert winner == ("explicit" if m < f["crossover_norm"] else "implied"), m
    values = [crossover_norm(q) for q in GRID]
    assert all(a > b for a, b in itertools.pairwise(values))


def test_the_takeaway_on_the_model_holds():
    # "an implied cue beats an explicit claim when the norm is strong and the cue is clear"
    for m in (0.8, 0.9, 1.0):
        for q in (0.5, 0.75, 1.0):
            assert impression(m, 0.8, q).winner == "implied", (m, q)
    # "with an uninformative cue, or with no norm and a cue that leaves something out,
    # stating wins"
    for x in GRID:
        assert impression(x, 0.8, 0.0).winner == "explicit", x
        if x < 1:
            assert impression(0.0, 0.8, x).winner == "explicit", x
    text = _markdown()
    assert "with an uninformative cue, or with no norm and a cue that leaves something out, " \
        "stating wins" in text


def test_the_widget_exercise_has_a_number_and_the_model_gives_it():
    f = chapter.facts()
    assert (f["q_tie_strict"], f["q_min_strict"]) == (28, 29)
    assert lowest_winning_cue(80.0) == (29, 28)
    assert impression(0.8, 0.8, 0.28).winner == "tie"
    for q in range(101):
        winner = impression(0.8, 0.8, q / 100).winner
        assert winner == ("explicit" if q < 28 else "tie" if q == 28 else "implied"), q
    # "the tie is where the crossover norm reaches the audience's norm"
    assert crossover_norm(0.28) == pytest.approx(0.8)
    solution = _markdown().split(":label: ch2-ex-widget")[1].split("```{exercise}")[0]
    for name in ("q_min_strict", "q_tie_strict"):
        assert f"{{glue:text}}`{name}:.0f`%" in solution


# -- item 5: what users enjoy is not what they do -------------------------------------------------

def test_the_facebook_survey_is_read_as_what_users_enjoy():
    f = chapter.facts()
    assert f["fb_post_news"] == 41.4 and f["fb_business"] == 8.6
    assert round(f["fb_post_vs_business"]) == 5
    text = _markdown()
    fb = text[text.index("(ch2-facebook)="):text.index("(ch2-humblebrag)=")]
    assert "**enjoy**" in fb and "fb_post_news" in fb and "500" in fb
    assert "named building job or business contacts" not in fb  # the old 'use' reading
    chart = chapter.facebook_uses_chart()
    assert "enjoy" in chart.alt and "not what they do" in chart.alt


# -- item 6: the direct test is cited, with what it does not say about Japan ----------------------

def test_the_humblebrag_experiment_is_cited_with_its_limits():
    text = _markdown()
    section = text[text.index("(ch2-humblebrag)="):text.index("(ch2-verdict)=")]
    assert "{cite:p}`sezer2018humblebragging`" in section
    assert "United States" in section and "Japanese audience" in section


# -- items 9 and 12: the ledger agrees with the chapter; terms defined where first used ----------

def test_the_ledger_counts_neither_the_model_nor_the_opportunity_index_as_evidence():
    from meishi import ledger

    claims = [c for c in ledger.load_claims() if c.chapter == "modesty"]
    assert {c.id: c.verdict for c in claims} == {
        "humility-valued": "partly supported", "no-open-boasting": "partly supported",
        "resume-profile-clashes": "partly supported",
        "facebook-humblebrag": "untested", "humblebrag-works": "untested"}
    for c in claims:
        for e in c.side("for") + c.side("against"):
            assert not {"opp_jp", "crossover_norm", "fb_business"} & set(e.facts), c.id
    # the essay's point is credited without a comparison it does not make in so many words
    by_id = {c.id: c for c in claims}
    assert by_id["humility-valued"].essay == "original"
    assert not by_id["humility-valued"].comparative
    assert by_id["no-open-boasting"].essay == "implied" and by_id["no-open-boasting"].comparative
    text = _markdown()
    verdict = text[text.index("(ch2-verdict)="):]
    assert "first half of the claim is partly supported" in verdict
    assert "second half of the claim is untested" in verdict


@pytest.mark.parametrize("term", ["meta-analysis", "effect size", "standard deviation",
                                  "stylised"])
def test_technical_terms_are_defined_where_first_used_and_in_the_glossary(term):
    text = _markdown()
    first = re.search(rf"\b{re.escape(term)}\b", text, flags=re.I)
    assert first, term
    assert text[max(0, first.start() - 10):first.end() + 2].count("{term}`") == 1, term
    glossary = (paths.CHAPTERS / "glossary.md").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(term)}$", glossary, flags=re.M), term


# -- the quiz and the teacher's guide -------------------------------------------------------------

def test_quiz_feedback_on_the_model_holds():
    quiz = yaml.safe_load((paths.QUIZZES / "02_modesty.yml").read_text(encoding="utf-8"))
    by_question = {q["question"]: q for q in quiz}
    # "what does an explicit claim cost more of": likeability, growing with the norm
    for m in (0.2, 0.5, 0.8):
        from meishi.models.impression import impression_at
        _, l1, _, _ = impression_at(m, 0.8, 0.5, 1.0)
        _, l0, _, _ = impression_at(m, 0.8, 0.5, 0.0)
        assert l1 < l0
    gaps = [impression_at(m, 0.8, 0.5, 0.0)[1] - impression_at(m, 0.8, 0.5, 1.0)[1]
            for m in (0.2, 0.5, 0.8)]
    assert gaps == sorted(gaps)
    # "the explicit line conveys the whole achievement; the cue only its clarity's share"
    r = impression(0.5, 0.8, 0.3)
    assert r.competence_explicit == pytest.approx(0.8) and r.competence_implied < 0.8
    # the norm-zero question: its key is the one with the tie
    q7 = by_question["In the impression model, with the norm set to zero and an achievement "
                     "above zero, which channel wins?"]
    key = next(o for o in q7["options"] if o.get("correct"))
    assert "tie" in key["text"]
    assert impression(0.0, 0.8, 1.0).winner == "tie" and impression(0.0, 0.0, 0.5).winner == "tie"
    # size scales both channels: with no norm, any achievement above zero gives the same
    # winner (explicit for a cue below 100%, a tie at 100%)
    assert {impression(0.0, s, 0.5).winner for s in (0.01, 0.1, 0.5, 1.0)} == {"explicit"}
    assert {impression(0.0, s, 1.0).winner for s in (0.01, 0.1, 0.5, 1.0)} == {"tie"}


def test_no_throwaway_options_in_the_quiz():
    text = (paths.QUIZZES / "02_modesty.yml").read_text(encoding="utf-8")
    for throwaway in ("text: Nothing.", "weather", "not in the survey at all", "refused to take",
                      "never read it"):
        assert throwaway not in text
    quiz = yaml.safe_load(text)
    for q in quiz:
        for o in q["options"]:
            if not o.get("correct"):
                assert o["feedback"].startswith(("Tempting", "Almost", "A commercial",
                                                 "It is tempting", "Posting")), o["text"]


def test_the_teacher_s_guide_names_the_presets_the_widget_has():
    guide = (paths.CHAPTERS / "teachers" / "02_modesty.yml").read_text(encoding="utf-8")
    assert "lenient and strict presets" in guide and "East Asian" not in guide


def test_facts_quote_the_data():
    f = chapter.facts()
    assert f["opp_jp"] == 80 and f["opp_jp_rank"] == f["opp_markets"] == 22
    assert f["opp_gap"] == 20
    assert f["manager_jp"] == 21.4 and f["fb_business"] == 8.6
    assert f["d_comparisons"] == 91
    assert (f["fb_use_2016"], f["fb_use_2017"], f["fb_use_2018"]) == (32.3, 31.9, 32.8)
    assert f["line_use_2018"] == 82.3
