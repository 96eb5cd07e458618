"""The introduction: its data-grounded presets, glued facts, charts and widget."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from meishi import paths
from meishi.chapters import introduction as intro
from meishi.data import load
from meishi.data.series import linkedin_share_japan
from meishi.models.lookup import expected_finds

# -- data-grounded presets and facts ---------------------------------------


def test_presets_come_from_the_data():
    presets = intro.lookup_presets()
    assert set(presets) == {"Japan 2016", "Japan, latest", "United States 2023"}
    jp16 = presets["Japan 2016"]
    assert jp16["LINE"] == 67.0 and jp16["Facebook"] == 32.3
    # LinkedIn: 1.0 million members (2016) / 127.09 million people (2015 census)
    assert jp16["LinkedIn"] == pytest.approx(100 * 1.0 / 127.094745, abs=0.05)
    # latest: 5.0 million (Dec 2025) / 123.802 million (2024 estimate)
    assert presets["Japan, latest"]["LinkedIn"] == pytest.approx(100 * 5.0 / 123.802, abs=0.05)
    assert presets["United States 2023"]["LinkedIn"] == 30.0
    for shares in presets.values():
        assert set(shares) == set(intro.SERVICES)
        assert all(0 <= v <= 100 for v in shares.values())


def test_blog_figures_never_feed_the_presets():
    _share, date = linkedin_share_japan(2020)
    assert date == "2018-07"  # the 2020 blog figure is skipped


def test_facts_are_plain_numbers_consistent_with_the_model():
    facts = intro.facts()
    assert all(isinstance(v, (int, float)) for v in facts.values())
    assert facts["exp_li_jp16"] == pytest.approx(20 * facts["li_share_2016"] / 100)
    assert facts["cards_one_li_jp16"] == math.ceil(100 / facts["li_share_2016"])
    assert facts["line_2024"] > facts["line_2014"]


# -- charts ----------------------------------------------------------------


@pytest.mark.parametrize("make", [intro.service_use_chart, intro.linkedin_members_chart])
def test_charts_have_labels_source_and_alt_text(make):
    chart = make()
    ax = chart.fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() and "(" in ax.get_ylabel()  # unit
    assert chart.fig.get_supxlabel().startswith(("Source", "Sources"))
    assert len(chart.alt) > 80


def test_service_chart_plots_the_data():
    chart = intro.service_use_chart()
    line_rows = load("service_use_japan").frame.query("service == 'LINE'")
    plotted = next(ln for ln in chart.fig.axes[0].get_lines() if ln.get_label() == "LINE")
    np.testing.assert_allclose(sorted(plotted.get_ydata()), sorted(line_rows["share_percent"]))


# -- the widget --------------------------------------------------------------


@pytest.fixture
def widget():
    return intro.LookupWidget()


def test_widget_defaults_to_japan_2016(widget):
    preset = intro.lookup_presets()["Japan 2016"]
    assert {s: widget.values[s] for s in intro.SERVICES} == preset
    expected = expected_finds(20, {s: v / 100 for s, v in preset.items()}).expected
    np.testing.assert_allclose(widget.result.expected, expected)


@pytest.mark.parametrize("preset", ["Japan 2016", "Japan, latest", "United States 2023"])
def test_every_preset_gives_the_model_result(widget, preset):
    widget.apply_preset(preset)
    shares = {s: v / 100 for s, v in intro.lookup_presets()[preset].items()}
    result = expected_finds(20, shares)
    np.testing.assert_allclose(widget.result.expected, result.expected)
    np.testing.assert_array_equal(widget.result.low, result.low)
    np.testing.assert_array_equal(widget.result.high, result.high)


def test_slider_and_card_count_change_the_result(widget):
    widget.set(LinkedIn=50.0, cards="100")
    assert widget.result.expected[intro.SERVICES.index("LinkedIn")] == pytest.approx(50.0)
    assert widget.summary.startswith("Of 100 contacts")


def test_full_width_and_spaced_digits_are_accepted(widget):
    widget.set(cards="４０")
    assert widget.evaluation.ok and widget.result.n_cards == 40
    widget.set(cards="1 000")
    assert widget.evaluation.ok and widget.result.n_cards == 1000


@pytest.mark.parametrize("text", ["", "<i>20</i>", "🍣", "二十", "99999", "ten", "2" * 200,
                                  "2,5", "‮20"])
def test_bad_card_counts_get_a_message_not_a_traceback(widget, text):
    before = widget.result
    widget.set(cards=text)
    if text == "‮20":  # the direction mark is removed, 20 is read
        assert widget.evaluation.ok and widget.result.n_cards == 20
        return
    assert not widget.evaluation.ok and widget.evaluation.message
    assert widget.result is before
    widget.reset()
    assert widget.evaluation.ok


def test_reset_restores_the_defaults(widget):
    widget.apply_preset("United States 2023")
    widget.set(cards="7")
    widget.reset()
    assert widget.values["cards"] == "20"
    assert widget.values["LinkedIn"] == intro.lookup_presets()["Japan 2016"]["LinkedIn"]


def test_each_preset_says_what_every_bar_measures(widget):
    bases = widget.spec["data"]["bases"]
    assert set(bases) == set(intro.lookup_presets())
    for name, per_service in bases.items():
        assert set(per_service) == set(intro.SERVICES), name
    assert "not usage" in bases["Japan 2016"]["LinkedIn"]
    assert "MIC" in bases["Japan 2016"]["LINE"]
    assert "Pew" in bases["United States 2023"]["LinkedIn"]


# -- what the prose, the answers, the quiz and the guide say the model shows (issue 18) --

def _run(preset: str, cards: int = 20, **shares: float):
    values = {**intro.lookup_presets()[preset], **shares}
    return expected_finds(cards, {s: v / 100 for s, v in values.items()})


def _at(result, service: str, field: str) -> float:
    return float(getattr(result, field)[result.platforms.index(service)])


def test_try_1_and_quiz_4_an_empty_search_on_most_evenings_in_2016():
    r = _run("Japan 2016")
    assert _at(r, "LinkedIn", "expected") < 1 and 0 < _at(r, "LinkedIn", "p_any") < 0.5
    facts = intro.facts()
    assert facts["empty_li_jp16"] > 50  # "most evenings", the guide's discussion note too
    # quiz 4's wrong option "you would never find anyone": not never
    assert round(facts["pany_li_jp16"]) >= 10


def test_try_2_facebook_gives_the_most_matches_in_the_us_preset():
    r = _run("United States 2023")
    assert r.platforms[int(r.expected.argmax())] == "Facebook"
    assert _at(r, "LinkedIn", "expected") == pytest.approx(intro.facts()["exp_li_us"])


def test_try_3_with_the_latest_figures_an_empty_search_is_no_longer_most_evenings():
    r = _run("Japan, latest")
    facts = intro.facts()
    assert _at(r, "LinkedIn", "expected") < 1  # "still less than one"
    assert _at(r, "LinkedIn", "p_any") > 0.5  # "no longer on most"
    assert facts["pany_li_latest"] == pytest.approx(100 * _at(r, "LinkedIn", "p_any"))
    assert facts["empty_li_latest"] == pytest.approx(100 - facts["pany_li_latest"])
    presets = intro.lookup_presets()
    assert presets["Japan, latest"]["LINE"] > presets["Japan 2016"]["LINE"]


def test_try_4_more_cards_widen_the_range_in_people_but_narrow_it_against_the_mean():
    small, large = _run("Japan 2016", 20), _run("Japan 2016", 200)
    for i, share in enumerate(small.shares):
        if 0 < share < 1:
            assert large.high[i] - large.low[i] >= small.high[i] - small.low[i]
            assert ((large.high[i] - large.low[i]) / large.expected[i]
                    < (small.high[i] - small.low[i]) / small.expected[i])


def test_exercise_1_the_card_counts_that_first_expect_one_find():
    facts = intro.facts()
    for key, share in (("cards_one_li_jp16", facts["li_share_2016"]),
                       ("cards_one_li_us", facts["li_share_us"])):
        n = facts[key]
        assert n * share / 100 >= 1 > (n - 1) * share / 100, key


def test_exercise_3_five_times_the_share_is_close_to_an_even_bet():
    facts = intro.facts()
    r = expected_finds(20, {"LinkedIn": 5 * facts["li_share_2016"] / 100})
    assert r.expected[0] < 1 and 0.4 < r.p_any[0] < 0.6 and r.p_any[0] > 0.5
    assert facts["pany_li_jp16_x5"] == pytest.approx(100 * r.p_any[0])


def test_quiz_7_facebook_stays_far_above_linkedin_on_the_latest_figures():
    facts = intro.facts()
    assert facts["fb_latest"] > 5 * facts["li_share_latest"]
    assert facts["line_latest"] > 20 * facts["li_share_latest"]


def test_every_mic_figure_is_on_the_13_to_69_base():
    frame = load("service_use_japan").frame
    assert set(frame["age_base"]) <= {"13-69", "13-69, recomputed"}
    recomputed = frame[frame["age_base"] == "13-69, recomputed"]
    assert (recomputed["date"] >= "2024").all()  # FY2024 onwards asks ages 13 to 79
    bases = intro.preset_bases()
    assert "recomputed" in bases["Japan, latest"]["LINE"]
    assert "recomputed" not in bases["Japan 2016"]["LINE"]


@pytest.mark.parametrize("p, share, text", [
    (0.9996, 0.3, "over 99.9%"), (0.9993, 0.3, "99.9%"), (0.995, 0.3, "99.5%"),
    (0.9949, 0.3, "99%"), (1.0, 0.5, "over 99.9%"), (1.0, 1.0, "100%"), (0.0, 0.0, "0%"),
    (0.0004, 0.001, "under 0.1%"), (0.009, 0.001, "0.9%"), (0.148, 0.008, "15%"),
])
def test_a_near_certainty_is_never_shown_as_a_certainty(p, share, text):
    assert intro.chance_text(p, share) == text


def test_the_readout_says_over_99_9_percent_not_100(widget):
    widget.set(cards="1000", LinkedIn=30.0)
    assert "on LinkedIn is over 99.9%." in widget.summary
    widget.set(LinkedIn=100.0)
    assert "on LinkedIn is 100%." in widget.summary


def _node_bar_bases(spec: dict, values: dict) -> dict:
    node = Path(sys.executable).with_name("node")
    logic = (paths.WEB / "src" / "widgets" / "lookup" / "logic.js").as_uri()
    script = (f"import {{ barBases, read }} from {json.dumps(logic)};"
              "const {spec, values} = JSON.parse(require_input);"
              "console.log(JSON.stringify(barBases(spec, read(values, spec).shares)));")
    script = script.replace("require_input", "process.argv[1]")
    out = subprocess.run([str(node), "--input-type=module", "-e", script,
                          json.dumps({"spec": spec, "values": values})],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_typing_a_card_count_keeps_each_bars_base(widget):
    spec = widget.spec
    for preset, bases in spec["data"]["bases"].items():
        values = {**spec["defaults"], **intro.lookup_presets()[preset], "cards": "200"}
        assert _node_bar_bases(spec, values) == bases, preset
    moved = {**spec["defaults"], "LinkedIn": 12.3}
    assert set(_node_bar_bases(spec, moved).values()) == {"your own setting"}


def test_exercise_2_x_first_passes_facebook_in_the_fy2018_survey():
    facts = intro.facts()
    assert facts["x_fy2018"] > facts["fb_latest"] and facts["x_2017"] < facts["fb_2017"]
    assert intro.preset_years()["Facebook"] == "2019-02"  # the FY2018 survey
    table = intro.service_use_table().data
    assert "not read" in table and "nan" not in table.lower()


# -- review of December 2026 ----------------------------------------------------------

def test_since_the_article_the_count_stayed_at_a_million_then_rose():
    """'LinkedIn gave that figure again in {li_flat_until}, and had reached only
    {li_rose_m} million by {li_rose_year}'."""
    from meishi.data.series import linkedin_members
    f = intro.facts()
    li = linkedin_members()
    years = li["date"].str[:4].astype(int)
    again = li[years == f["li_flat_until"]]["members_million"]
    assert not again.empty and float(again.iloc[0]) == pytest.approx(f["li_2015_m"])
    assert f["li_first_year"] < 2015 < f["li_flat_until"] < f["li_rose_year"] < f["li_latest_year"]
    assert f["li_2015_m"] < f["li_rose_m"] < f["li_latest_m"]


def test_try_3_expected_finds_rise_in_proportion_to_the_share():
    f = intro.facts()
    assert f["exp_li_latest"] / f["exp_li_jp16"] == pytest.approx(
        f["li_share_latest"] / f["li_share_2016"])
    assert f["exp_li_latest"] < 1 < f["pany_li_latest"] / f["pany_li_jp16"]


def test_the_2016_share_is_about_not_under_its_rounded_value():
    share, _date = linkedin_share_japan(2016)
    assert round(100 * share, 1) == intro.facts()["li_share_2016"]
