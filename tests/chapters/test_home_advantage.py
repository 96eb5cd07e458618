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


# -- every statement the chapter makes about its data and its model ------------------------

import json  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import yaml  # noqa: E402

from meishi.chapters.home_advantage.facts import (  # noqa: E402
    PRESETS,
    SOCIAL_FIT,
    SOCIAL_TIPPED_FIT,
)
from meishi.data import load  # noqa: E402
from meishi.data.series import latest_source_kind as source_kinds  # noqa: E402
from meishi.models.platforms import platform_shares  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
#: Facts that are sizes of services in Japan, in millions (one unit, so they can be compared).
SIZES = {"wantedly_latest", "eight_latest", "doda_members", "li_members_jp"}
BIGGER = ("more than", "larger than", "bigger than", "above", "exceeds")
SMALLER = ("fewer than", "smaller than", "below", "less than")


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _chapter_texts() -> dict[str, str]:
    """Every text of the chapter a learner or teacher reads: prose, quiz, guide, claims."""
    nb = json.loads((ROOT / "chapters" / "04_home_advantage.ipynb").read_text("utf-8"))
    texts = {"notebook": "\n".join("".join(c["source"]) for c in nb["cells"]
                                   if c["cell_type"] == "markdown")}
    for name in ("quizzes/04_home_advantage.yml", "teachers/04_home_advantage.yml",
                 "claims/04_home_advantage.yml"):
        path = ROOT / "chapters" / name
        if path.exists():
            texts[name] = "\n".join(_strings(yaml.safe_load(path.read_text("utf-8"))))
    return texts


def _plain(text: str) -> str:
    """Glue roles and format specs reduced to {name}, so that clauses split on full stops."""
    text = re.sub(r"\{glue:text\}`([a-z0-9_]+)(?::[^`]*)?`", r"{\1}", text)
    return re.sub(r"\{([a-z0-9_]+):[^}]*\}", r"{\1}", text)


def _comparisons(text: str):
    """(left size facts, word, right size fact) for each comparison of two sizes in a clause."""
    words = BIGGER + SMALLER
    for clause in re.split(r"(?<=[.;])\s+|\n", _plain(text)):
        for match in re.finditer("|".join(re.escape(w) for w in words), clause):
            before = [k for k in re.findall(r"\{([a-z0-9_]+)\}", clause[:match.start()])
                      if k in SIZES]
            after = [k for k in re.findall(r"\{([a-z0-9_]+)\}", clause[match.end():])
                     if k in SIZES]
            if before and after:
                yield before, match.group(0), after[0], clause


def test_size_comparisons_in_the_texts_follow_the_data():
    """Item 1 of issue 18: "several times LinkedIn's size" was wrong on the course's data.
    Every clause that sets a service's size beside another's says the direction the
    data give; and nothing says 'several times' (except to deny it)."""
    f = chapter.facts()
    found = 0
    for name, text in _chapter_texts().items():
        assert not re.search(r"(?<!not )several times", text), name
        for before, word, after, clause in _comparisons(text):
            for left in before:
                if word in BIGGER:
                    assert f[left] > f[after], (name, clause)
                else:
                    assert f[left] < f[after], (name, clause)
                found += 1
    assert found >= 4  # the local-services section and the verdict compare them


def test_the_local_services_stand_as_the_prose_says_beside_linkedin():
    f = chapter.facts()
    assert f["wantedly_latest"] < f["li_members_jp"] and f["eight_latest"] < f["li_members_jp"]
    assert f["doda_members"] > f["li_members_jp"]
    dom = load("domestic_platforms_japan").frame
    assert dom[dom["service"] == "doda"]["measure"].iloc[-1] == "cumulative members"
    # "the same order of size as LinkedIn, not several times it"
    for key in ("wantedly_latest", "eight_latest", "doda_members"):
        assert 0.2 < f[key] / f["li_members_jp"] < 2.5, key


def test_the_per_head_cautions_follow_the_data():
    """Item 7: every bar counts accounts; two kinds of source, named in a column; where one
    country has both kinds in 2018 the advertising tool read a little lower; China's
    closure is named on the chart and cited."""
    f = chapter.facts()
    per100 = chapter.latest_per_100()
    assert per100["Japan"][2] == per100["South Korea"][2] == "company"
    assert per100["United States"][2] == per100["United Kingdom"][2] == "estimate"
    assert f["li_per100_us_year"] != f["li_per100_jp_year"]
    assert 0 < f["li_us_own_2018"] / f["li_us_outside_2018"] - 1 < 0.1   # "a little lower"
    assert 0 < f["li_cn_own_2018"] / f["li_cn_ad_2018"] - 1 < 0.1
    kinds_now = source_kinds()
    assert {c for c, k in kinds_now.items() if k.startswith("outside count")} \
        == {"Australia", "Germany"}   # the prose names them
    assert kinds_now["United States"] == kinds_now["United Kingdom"] \
        == "advertising-tool estimate"
    assert abs(f["li_per100_cn"] - f["li_per100_jp"]) < 1
    assert f["li_per100_us"] > 10 * f["li_per100_jp"]
    frame = load("linkedin_members_by_country").frame
    company = frame["basis"] == "company"
    assert (frame.loc[company, "source_kind"] == "LinkedIn member count").all()
    assert (frame.loc[frame["basis"] == "blog", "source_kind"] == "blog figure").all()
    assert set(frame.loc[frame["basis"] == "estimate", "source_kind"]) == {
        "advertising-tool estimate", "outside count of LinkedIn's public data"}
    assert set(frame.loc[frame["source_id"] == "thinknum_2018_linkedin", "source_kind"]) == {
        "outside count of LinkedIn's public data"}   # Thinknum never says advertising tools
    chart = chapter.per_head_chart()
    text = chart.fig._supxlabel.get_text().replace("\n", " ")
    assert "LinkedIn 2021 (China)" in text and "LinkedIn 2023 (InCareer)" in text
    assert "closed its Chinese social network in 2021" in chart.alt
    assert "counts accounts, not people" in text
    pop = load("population_by_country").frame.set_index(["country", "year"])["population_million"]
    year = f["li_per100_in_year"]   # quiz 5: "India, with as many people"
    assert pop[("India", year)] >= 0.95 * pop[("China", year)]
    assert f["li_per100_in"] > f["li_per100_cn"]
    bib = (ROOT / "assets" / "references.bib").read_text("utf-8")
    assert "@misc{linkedin2021china," in bib and "@misc{linkedin2023incareer," in bib


def test_the_facebook_prose_reports_every_group_and_year_and_holds_for_each():
    """Item 5 and 8: every Facebook age cell the course has is in the prose; the words
    'held level', 'almost unchanged', 'lower', 'about half', 'about a third' hold; the
    base is named from the data."""
    f = chapter.facts()
    prose = _chapter_texts()["notebook"]
    cells = load("service_use_by_age_japan").frame
    fb = cells[cells["service"] == "Facebook"]
    age_keys = [k for k in f if re.fullmatch(r"fb_(teens|\d0s)_\d{4}", k)]
    assert len(age_keys) == len(fb)
    for key in age_keys:
        assert "`" + key + ":" in prose, key
    assert set(fb["age_base"]) == {"13-69"}
    assert "13–69 in both years" in chapter.facebook_age_chart().fig._supxlabel.get_text()
    assert max(f["fb_all_2016"], f["fb_all_2017"], f["fb_all_2018"]) \
        - min(f["fb_all_2016"], f["fb_all_2017"], f["fb_all_2018"]) < 1.5      # held level
    assert all(30 < f[f"fb_all_{y}"] < 36 for y in (2016, 2017, 2018))          # about a third
    assert abs(f["fb_30s_2018"] - f["fb_30s_2016"]) < 3                         # almost unchanged
    assert f["fb_20s_2018"] < f["fb_20s_2016"] - 3                              # lower
    assert all(45 < f[k] < 55 for k in ("fb_30s_2016", "fb_30s_2018"))          # about half
    assert f["fb_enjoy_business"] < f["fb_enjoy_own_news"]
    assert "fading since" not in prose


# what the platform model shows, at the settings the texts name ----------------------------

def test_try_1_no_network_effect_gives_one_equilibrium_whatever_the_start():
    d, _beta, c, tau, _x0 = PRESETS["none"]
    f = chapter.facts()
    assert f["pf_none_count"] == 1
    ends = [platform_shares(d, 0.0, c, tau, x0, rounds=2000).final[1] for x0 in (0.0, 0.5, 1.0)]
    assert np.allclose(ends, f["pf_none_eq"] / 100, atol=1e-3)


def test_try_2_and_quiz_1_strong_effect_two_stable_states_start_in_the_local_one_s():
    strong = platform_shares(*PRESETS["strong"])
    kinds = [e.kind for e in strong.equilibria]
    assert kinds == ["stable", "tipping", "stable"]
    assert strong.x0 < strong.equilibria[1].share
    assert strong.critical_status == "never"
    d, beta, _c, tau, x0 = PRESETS["strong"]
    assert platform_shares(d, beta, 0.0, tau, x0).final[1] < 0.01   # no switching cost: still small


def test_try_3_and_quiz_2_the_slow_entrant_grows_every_round_to_a_niche():
    slow = platform_shares(*PRESETS["slow"])
    path = slow.path[1]
    assert np.all(np.diff(path) >= 0) and slow.settled and slow.final[1] < 0.1
    assert slow.d < slow.critical_fit
    d, _beta, c, tau, x0 = PRESETS["slow"]
    flat = platform_shares(d, 0.0, c, tau, x0)
    assert abs(flat.equilibria[0].share - slow.long_run) > 0.3   # "somewhere else entirely"


def test_try_4_the_social_network_takes_little_at_the_preset_and_tips_past_its_fit():
    from meishi.chapters.home_advantage import PlatformsWidget

    preset = PlatformsWidget().presets()["Social network in the mix"]
    assert preset["social"] == "on" and preset["f_s"] == SOCIAL_FIT
    d, beta, c, tau, x0 = PRESETS["social"]
    assert (preset["d"], preset["beta"], preset["c"], preset["tau"], preset["x0"] / 100) \
        == (d, beta, c, tau, x0)
    f = chapter.facts()
    assert f["pf_social_share"] < 10 and f["pf_social_local"] > 90    # "takes only"
    assert 0.5 < f["pf_social_tip"] <= SOCIAL_TIPPED_FIT
    for step in np.arange(-1.0, 1.0001, 0.05):      # the slider's steps
        fs = round(float(step), 2)
        share = platform_shares(d, beta, c, tau, x0, social=True, f_s=fs).final[2]
        if fs >= f["pf_social_tip"]:
            assert share > 0.9, fs                 # it tips the market
        else:
            assert share < 0.5, fs
    assert f["pf_social_tipped"] > 95 and f["pf_social_tipped_rest"] < 5


def test_chooser_answers_name_the_rows_that_decide():
    """Model 2, things to try 1 and 2, and quiz 3: doda wins the quiet move on its company
    block, with BizReach and Wantedly left as gaps; Eight wins card contacts on scanning or
    contact keeping; LinkedIn wins the colleague abroad on its reach."""
    from meishi.chapters.home_advantage.widgets import decisive_row

    table = chapter.feature_table()
    goals = {g.key: g for g in chapter.GOALS}
    decisive = {key: decisive_row(choose(goals[key], table))[0].feature
                for key in ("quiet_move", "keep_contacts", "foreign_colleague")}
    assert decisive["quiet_move"] == "hide résumé from current employer"
    assert decisive["keep_contacts"] in {"business-card scanning", "contact keeping"}
    assert decisive["foreign_colleague"] == "reach abroad"
    block = decisive["quiet_move"]
    assert not any(r["feature"] == block and r["service"] in {"BizReach", "Wantedly"}
                   for r in table)   # a gap, not a "no"
    assert any(r["feature"] == block and r["service"] == "doda" and "block" in r["detail"]
               for r in table)       # the company-block setting


def test_guide_and_solution_a_start_past_the_tipping_point_wins_without_a_fit_advantage():
    """Teacher's guide, prompt 2, and the widget exercise's solution: a late entrant needs a
    large fit advantage *or a start past the tipping point*."""
    d, beta, c, tau, _x0 = PRESETS["strong"]
    tipping = platform_shares(*PRESETS["strong"]).equilibria[1].share
    assert platform_shares(d, beta, c, tau, min(tipping + 0.02, 1.0)).final[1] > 0.5
    assert platform_shares(d, beta, c, tau, max(tipping - 0.02, 0.0)).final[1] < 0.5


def test_the_head_start_is_not_shown_linkedin_had_japanese_users_before_eight():
    """Sections ch4-abroad and the verdict, the ledger's local-lead-holds context and the guide's
    prompt 2: LinkedIn had Japanese users (a press estimate) before Eight was released in 2012,
    by its makers' account; the course has no launch dates for the other services."""
    from meishi.data import sources as all_sources

    f = chapter.facts()
    assert f["li_members_jp_first_year"] < 2012 and f["li_members_jp_first"] >= 0.1
    first = load("linkedin_members_japan").frame.sort_values("date").iloc[0]
    assert first["basis"] == "estimate"                               # "a press estimate"
    taken = all_sources()["gaiax_2017_eight"].taken
    assert "released 2012" in " ".join(taken if isinstance(taken, tuple) else (taken,))
    dom = load("domestic_platforms_japan").frame
    assert "gaiax_2017_eight" in set(dom["source_id"])                # on the data-sources page
    texts = _chapter_texts()
    for name in ("notebook", "claims/04_home_advantage.yml", "teachers/04_home_advantage.yml"):
        assert "released" in texts[name] and "2012" in texts[name], name


def test_the_per_head_caption_names_every_kind_of_striped_bar():
    """Figure 4.1's caption: striped bars are every outside count (advertising-tool audiences and
    the data firm's count for Australia and Germany), not only advertising-tool estimates."""
    nb = json.loads((ROOT / "chapters" / "04_home_advantage.ipynb").read_text("utf-8"))
    caption = next(c["metadata"]["mystnb"]["figure"]["caption"] for c in nb["cells"]
                   if "per_head_chart" in "".join(c["source"]))
    kinds = source_kinds()
    assert "outside counts" in caption and "advertising-tool" in caption
    assert set(kinds.values()) <= {"LinkedIn member count", "advertising-tool estimate",
                                   "outside count of LinkedIn's public data"}
    public_data = [c for c, k in kinds.items() if k == "outside count of LinkedIn's public data"]
    assert public_data and all(country in caption for country in public_data), public_data


def test_the_chooser_answer_s_reach_abroad_is_the_table_s():
    """Model 2, things to try 2: LinkedIn leads for a colleague abroad on its 'reach in over 200
    countries', which is what the sourced feature table's row says."""
    row = next(r for r in chapter.feature_table()
               if r["service"] == "LinkedIn" and r["feature"] == "reach abroad")
    assert "over 200 countries" in row["detail"]
    assert "reach in over 200 countries" in _chapter_texts()["notebook"]


def test_discussion_2_says_linkedin_grew_from_under_one_per_100():
    """Discussion prompt 2: LinkedIn in Japan 'grew from under one to only about 4 accounts per
    100 people', while local services grew too (Wantedly's first and latest counts)."""
    f = chapter.facts()
    assert f["li_per100_jp_2015"] < 1 < f["li_per100_jp"] < 5
    assert f["wantedly_latest"] > f["wantedly_first"]
    assert "grew from under one" in _chapter_texts()["notebook"]
