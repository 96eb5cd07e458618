"""Chapter 3, "Trust you build, trust you assume": facts and charts (widgets: other file)."""

from __future__ import annotations

import importlib
import math

import pytest

from meishi.chapters import trust as chapter
from meishi.models.commitment import commitment, outside_payoff

FACTS = importlib.import_module("meishi.chapters.trust.facts")  # the module, not the function


def test_facts_are_plain_finite_numbers():
    for name, value in chapter.facts().items():
        assert isinstance(value, (int, float)), name
        assert math.isfinite(value), name


def test_wave7_keeps_the_wvs_figure_where_a_country_has_both_surveys():
    trust = chapter.trust_wave7()
    assert trust["Germany"] == (44.6, "WVS")
    assert trust["Sweden"][1] == "EVS" and trust["Japan"] == (33.7, "WVS")


def test_the_worked_example_is_the_model_at_its_stated_settings():
    f = chapter.facts()
    assert f["ex_best_offer"] == pytest.approx(62.0)  # 30 + 40 * 4/5
    # one offer in four is a cheat's, so the expected deal is 3/4 of the best offer's value
    assert f["ex_outside"] == pytest.approx(0.75 * 62.0)
    assert f["ex_outside"] < 50 < f["ex_outside_screen"]
    assert f["ex_outside_screen"] == pytest.approx(
        100 * outside_payoff(k=0.6, **FACTS.EXAMPLE).expected)


def test_the_thin_market_keeps_a_committed_society_committed():
    f = chapter.facts()
    assert f["open_outside"] > 50  # the open market would pay...
    assert f["open_end"] == pytest.approx(100)  # ...but from 90% committed, all stay
    assert f["open_end_low"] < 1  # from 50% committed, the open market takes over
    assert 50 < f["open_tip"] < 90


def test_bridges_widen_reach_through_introductions():
    f = chapter.facts()
    assert f["net_reach_high"] > 3 * f["net_reach_low"]
    assert f["net_vet_open"] > 100


# -- one base for trust, both countries over the waves (issue 18, item 3) -------------------

def test_trust_uses_one_base_in_text_charts_and_ledger():
    """The wave-7 figures (general_trust) and the wave series (trust_japan_waves) are the
    same numbers on the same base: shares of all respondents."""
    f = chapter.facts()
    assert f["trust_jp"] == f["trust_jp_w7"] == 33.7
    assert f["trust_us"] == f["trust_us_w7"] == 37.1
    waves = FACTS.trust_waves()
    assert set(waves) == {"Japan", "United States"}
    assert all(sorted(w) == list(FACTS.WAVES) for w in waves.values())


def test_the_all_answers_base_is_never_above_the_answering_base():
    from meishi.data import load

    df = load("trust_japan_waves").frame
    for (country, survey, wave), g in df.groupby(["country", "survey", "wave"]):
        bases = g.set_index("base")["share_percent"]
        if {"all_answers", "excluding_dont_know"} <= set(bases.index) and wave > 1:
            gap = bases["excluding_dont_know"] - bases["all_answers"]
            assert 0 <= gap < 5, (country, survey, wave)


def test_the_wave_prose_matches_the_series():
    """"Only the 1990 wave shows a wide gap ... Japan higher in 1995, 2000 and 2010, the
    United States in 2005 and 2019 ... Japan's share rose to 1995 and has fallen in every
    wave since"."""
    f = chapter.facts()
    jp, us = FACTS.trust_waves()["Japan"], FACTS.trust_waves()["United States"]
    assert f["trust_year_w2"] == 1990 and f["trust_gap_first"] > 10
    assert [w for w in (3, 4, 5, 6, 7) if jp[w] > us[w]] == [3, 4, 6]
    assert [w for w in (3, 4, 5, 6, 7) if us[w] > jp[w]] == [5, 7]
    assert f["trust_jp_higher_n"] == 3 and f["trust_us_higher_n"] == 2
    assert f["trust_gap_later_max"] < 5
    # "rose from 1990 to 1995 and has fallen in every wave since"
    assert jp[2] < jp[3]
    assert all(jp[a] > jp[b] for a, b in zip((3, 4, 5, 6), (4, 5, 6, 7), strict=True))
    assert f["trust_jp_no_answer"] > 3  # "Japanese respondents leave it unanswered more often"
    assert 100 * (1 - us[7] / FACTS.trust_waves("excluding_dont_know")["United States"][7]) < 1


def test_the_trust_charts_name_their_base():
    by_country = chapter.trust_by_country_chart()
    waves = chapter.trust_waves_chart()
    # labels may be wrapped onto two lines
    assert "all respondents" in " ".join(by_country.fig.axes[0].get_xlabel().split())
    assert "all respondents" in " ".join(waves.fig.axes[0].get_ylabel().split())
    assert "Japan 33.7%, United States 37.1%" in waves.alt


# -- what the commitment widget shows, at the settings the chapter states (item 10) ----------

def _describe(**changes):
    from meishi.chapters.trust.widgets import CommitmentWidget

    w = CommitmentWidget()
    values = {c.name: c.default for c in w.controls()} | changes
    return w.describe(w.compute(w.read(values)))


def test_things_to_try_3_no_cheats_yet_staying_pays_at_the_default_start():
    f = chapter.facts()
    assert f["try3_committed"] == 90
    assert f["try3_here"] < 50 < f["try3_open"]
    assert "so staying pays more" in _describe(p=0.0)
    assert "so looking pays more" in _describe(p=0.0, x0=0.0)
    assert f["try3_tips"] == 1 and f["try3_tip"] < f["try3_committed"]
    s = FACTS.widget_defaults(p=0.0)
    res = commitment(s["p"], s["w"], s["n"], s["k"], s["x0"])
    assert float(res.path[-1]) == pytest.approx(1.0)  # "from the default start it stays committed"
    # "with no cheats it can never pay less than staying" in a fully open market
    for w in (0.0, 0.1, 0.3, 0.5):
        for n in (1, 2, 10, 20):
            assert outside_payoff(0.0, w, n, 0.2).expected >= 0.5 - 1e-12


def test_things_to_try_4_one_offer_never_beats_staying():
    f = chapter.facts()
    assert f["try4_open"] == pytest.approx(50 * (1 - f["try4_cheats"] / 100))
    assert f["try4_here"] == pytest.approx(f["try4_open"] * (1 - f["try4_committed"] / 100))
    assert f["try4_no_deal"] > 50  # "usually not in the market at all"
    assert "so staying pays more" in _describe(n=1.0, k=0.0)
    for p in (0.0, 0.3, 1.0):
        for w in (0.0, 0.5):
            for k in (0.0, 0.5, 1.0):
                for x in (0.0, 0.9):
                    assert outside_payoff(p, w, 1, k, x).expected <= 0.5 + 1e-12


def test_things_to_try_1_the_closed_market_preset():
    f = chapter.facts()
    assert f["closed_here"] < 50 < f["closed_outside"]
    assert f["closed_end"] == pytest.approx(100)
    assert f["closed_tip"] < 90
    assert "so staying pays more" in _describe()


def test_more_offers_raise_the_tipping_point():
    """Verdict: "In the model, more offers from strangers raise the tipping point"."""
    for p, w, k in ((0.3, 0.4, 0.8), (0.3, 0.3, 0.2)):
        tips = [next(e.share for e in commitment(p, w, n, k, 0.5).equilibria
                     if not e.stable and 0 < e.share < 1) for n in (5, 10, 15, 20)]
        assert tips == sorted(tips), (p, w, k)


def test_quiz_feedback_on_the_models():
    f = chapter.facts()
    # worked example: "the best of four is usually higher" than the partner's 50
    assert 1 - 0.5 ** 4 > 0.5
    # "the two pay the same" is wrong at the default start with no cheats
    assert abs(f["try3_here"] - 50) > 1
    # closed preset: "a fully open market would pay {closed_outside} against 50"
    assert f["closed_outside"] > 50


def test_the_quiz_balances_its_keys():
    q = chapter.CHAPTER.quiz()
    keys = [next(i for i, o in enumerate(x.options) if o.correct) for x in q.questions]
    longest = sum(len(x.options[k].text) == max(len(o.text) for o in x.options)
                  for x, k in zip(q.questions, keys, strict=True))
    shortest = sum(len(x.options[k].text) == min(len(o.text) for o in x.options)
                   for x, k in zip(q.questions, keys, strict=True))
    assert longest <= len(keys) / 3 and shortest <= len(keys) / 3
    assert max(keys.count(p) for p in set(keys)) <= 0.4 * len(keys)
    assert not any("cannot count" in o.text for x in q.questions for o in x.options)


def test_introductions_things_to_try_state_what_the_model_shows():
    from meishi.models.introductions import SIZE, introductions

    f = chapter.facts()
    low, high = introductions(0.0), introductions(0.3)
    # 1: without bridges, introductions reach everyone else in your own cluster and nobody else
    assert f["net_reach_low"] == SIZE - 1
    assert low.average.two_step_outside == 0
    assert low.average_norm.to_vet == 0
    # open profile: everyone else reachable, every stranger to vet
    openp = introductions(0.0, norm="open")
    assert openp.average_norm.reach == f["net_people"] - 1
    assert f["net_vet_open"] == pytest.approx(f["net_people"] - 1 - low.average.direct)
    # 2: many bridges widen reach through introductions, still with nobody to vet
    assert high.average_norm.reach > low.average_norm.reach
    assert 0 < f["net_outside_high"] < f["net_reach_high"]
    assert high.average_norm.to_vet == 0


def test_the_worked_example_shows_its_working():
    """Each step of the worked example's working is what the model computes."""
    f = chapter.facts()
    screened = outside_payoff(k=0.6, **FACTS.EXAMPLE)
    assert f["ex_kept"] == pytest.approx(100 * screened.expected_kept / screened.expected_offers)
    assert f["ex_cheat_left"] == pytest.approx(
        100 * screened.p_cheated / (1 - screened.p_no_deal))
    assert f["ex_thin_no_deal"] == pytest.approx(100 * 0.75 ** 4)
    assert f["ex_best_offer"] == pytest.approx(30 + 40 * 4 / 5)


def test_the_first_trust_chart_is_read_with_every_country_it_shows():
    """Text and exercise 3.2 (a): Japan "close to the United States and South Korea, above
    France and Brazil, below Germany and Australia, far below China"; "in the lower half:
    just above South Korea, ... just below the United States, below the United Kingdom,
    Germany and Australia, and well below Sweden and China"."""
    f = chapter.facts()
    trust = {c: v for c, (v, _s) in chapter.trust_wave7().items()}
    order = sorted(trust, key=trust.get)
    assert set(order) == {"Brazil", "France", "South Korea", "Japan", "United States",
                          "United Kingdom", "Germany", "Australia", "Sweden", "China"}
    assert order.index("Japan") < len(order) / 2  # the lower half
    assert order[order.index("Japan") - 1] == "South Korea"
    assert order[order.index("Japan") + 1] == "United States"
    below = {"France", "Brazil", "South Korea"}
    assert {c for c in trust if trust[c] < trust["Japan"]} == below
    assert {f["trust_fr"], f["trust_br"]} == {trust["France"], trust["Brazil"]}
    assert f["trust_au"] > f["trust_de"] > f["trust_uk"] > f["trust_us"]
    assert min(f["trust_se"], f["trust_cn"]) > 1.5 * f["trust_jp"]  # "well below"


def test_the_facebook_claim_is_read_as_chapter_2_reads_the_same_survey():
    """The 2012 survey asks what users enjoy: context, not evidence against (untested)."""
    from meishi import ledger

    claims = {c.id: c for c in ledger.load_claims() if c.chapter == "trust"}
    fb = claims["facebook-builds-trust"]
    assert fb.verdict == "untested"
    assert not fb.side("for") and not fb.side("against")
    low_trust = claims["low-trust-keeps-business-inside"]
    assert any("yamagishi1998uncertainty" in e.sources for e in low_trust.side("context"))


def test_the_card_figures_are_the_company_s_and_nearly_agree():
    """"about 22 million people, 106 cards each a year on the company's own average (its two
    rounded totals divided give 100)"."""
    f = chapter.facts()
    assert round(f["cards_per_person"]) == 106 and round(f["cards_totals_per_person"]) == 100
    assert abs(f["cards_per_person"] - f["cards_totals_per_person"]) < 10
