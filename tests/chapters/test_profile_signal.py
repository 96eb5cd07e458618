"""Chapter 1: its data, glued facts, charts and widgets."""

from __future__ import annotations

import numpy as np
import pytest

from meishi.chapters import profile_signal as ch1
from meishi.models.signal import posterior, signal
from meishi.models.threshold import threshold_model

# -- data, facts, charts ---------------------------------------------------------


def test_base_rates_come_from_the_data():
    rates = ch1.base_rates()
    assert rates["Japan: changed jobs"].value == 4.9 and rates["Japan: changed jobs"].year == "2023"
    assert rates["Japan: want to change"].value == 14.9
    assert rates["EU: changed jobs (2003)"].value == 8.2
    assert rates["OECD: any change"].value == 20.0


def test_facts_are_plain_numbers():
    facts = ch1.facts()
    assert all(isinstance(v, (int, float)) for v in facts.values())
    assert facts["tenure_ratio"] == pytest.approx(12.4 / 3.9)
    assert facts["post_jp"] == pytest.approx(100 * posterior(0.049, 0.6, 0.05))


@pytest.mark.parametrize("make", [ch1.tenure_chart, ch1.job_mobility_chart, ch1.pay_by_age_chart,
                                  ch1.stock_flow_chart])
def test_charts_have_units_sources_and_alt_text(make):
    chart = make()
    for ax in chart.fig.axes:
        if ax.get_ylabel():
            assert "(" in ax.get_ylabel()
    assert chart.fig.get_supxlabel()
    assert len(chart.alt) > 100


def test_job_mobility_chart_breaks_at_missing_years():
    chart = ch1.job_mobility_chart()
    line = chart.fig.axes[0].get_lines()[0]
    years, values = line.get_xdata(), line.get_ydata()
    assert np.isnan(values[list(years).index(2003)])
    assert values[list(years).index(2019)] == pytest.approx(3.53)


# -- widgets -----------------------------------------------------------------------


@pytest.fixture
def sig():
    return ch1.SignalWidget()


@pytest.fixture
def thr():
    return ch1.ThresholdWidget()


def test_signal_widget_default_is_japan(sig):
    assert sig.values["base_rate"] == 4.9
    assert sig.result.posterior == pytest.approx(posterior(0.049, 0.6, 0.05))
    assert f"{100 * sig.result.posterior:.0f}% chance" in sig.summary


@pytest.mark.parametrize("preset", ["Japan: changed jobs", "Japan: want to change",
                                    "EU: changed jobs (2003)", "OECD: any change",
                                    "Profiles are the norm"])
def test_signal_presets_give_the_model_result(sig, preset):
    sig.apply_preset(preset)
    p = sig.presets()[preset]
    r = signal(p["base_rate"] / 100, p["p_seeker"] / 100, p["p_stayer"] / 100)
    assert sig.result == r
    assert sig.spec["presets"][[q["name"] for q in sig.spec["presets"]].index(preset)][
        "values"] == p


def test_moving_the_stayers_slider_changes_the_likelihood_ratio(sig):
    sig.set(p_stayer=60.0)  # stayers polish as often as seekers
    assert sig.result.likelihood_ratio == pytest.approx(1.0)
    assert sig.result.posterior == pytest.approx(sig.result.base_rate)


def test_signal_extremes_are_answered_not_crashed(sig):
    sig.set(p_seeker=0.0, p_stayer=0.0)
    assert sig.evaluation.ok and "likelihood ratio" in sig.summary
    sig.set(p_seeker=100.0, p_stayer=0.0)
    assert "infinite" in sig.summary


def test_reference_lines_are_the_sourced_base_rates(sig):
    refs = {r["name"]: r["value"] for r in sig.spec["data"]["references"]}
    assert refs == {r.label: r.value for r in ch1.base_rates().values()}


def test_base_rates_say_what_they_measure_and_which_compare_alike():
    rates = ch1.base_rates()
    alike = [r.name for r in rates.values() if r.job_to_job]
    assert alike == ["Japan: changed jobs", "EU: changed jobs (2003)"]
    assert rates["Japan: changed jobs"].value < rates["EU: changed jobs (2003)"].value
    assert rates["Japan: want to change"].year == rates["Japan: changed jobs"].year
    for r in rates.values():
        assert r.measure and r.year and 0 < r.value < 60
    assert "not" not in rates["OECD: any change"].measure  # says what it counts
    assert "into and out of work" in rates["OECD: any change"].measure


def test_threshold_widget_default_is_stuck_low(thr):
    assert thr.result.path[-1] < 0.10
    assert "Tipping point" in thr.summary


@pytest.mark.parametrize("preset", ["Stuck low", "Same people, high start",
                                    "More early adopters"])
def test_threshold_presets_give_the_model_result(thr, preset):
    thr.apply_preset(preset)
    p = {k: v / 100 for k, v in thr.presets()[preset].items()}
    expected = threshold_model(**p, rounds=thr.ROUNDS)
    np.testing.assert_allclose(thr.result.path, expected.path)
    np.testing.assert_allclose(thr.result.F, expected.F)


def test_same_people_different_start_different_equilibrium(thr):
    thr.apply_preset("Stuck low")
    low = thr.result.path[-1]
    thr.apply_preset("Same people, high start")
    assert low < 0.10 and thr.result.path[-1] > 0.99


def test_a_typed_share_replaces_the_slider(sig):
    sig.set(own_rate="１２.５")  # full-width digits from a Japanese keyboard
    assert sig.evaluation.ok
    assert sig.result.base_rate == pytest.approx(0.125)
    sig.apply_preset("Japan: changed jobs")  # a preset clears the typed share
    assert sig.values["own_rate"] == ""
    assert sig.result.base_rate == pytest.approx(0.049)


@pytest.mark.parametrize("text", ["abc", "<script>x</script>", "🍣", "十二", "1e9", "0", "61",
                                  "9" * 300, "nan"])
def test_bad_typed_shares_get_a_message_and_keep_the_result(sig, text):
    before = sig.result
    sig.set(own_rate=text)
    assert not sig.evaluation.ok and sig.evaluation.message
    assert sig.result == before
    sig.reset()
    assert sig.evaluation.ok


def test_the_last_control_touched_wins(sig):
    """A typed base rate replaces the slider only until the slider is moved again."""
    sig.set(own_rate="12.5")
    assert sig.result.base_rate == pytest.approx(0.125)
    sig.set(base_rate=20.0)  # dragging the slider empties the box
    assert sig.values["own_rate"] == "" and sig.result.base_rate == pytest.approx(0.20)
    sig.set(base_rate=30.0, own_rate="7")  # both set at once: the typed share is used
    assert sig.result.base_rate == pytest.approx(0.07)


# -- stock against flow, and the extended job-changer series (issue 18) -----------

def test_the_2023_ratio_is_the_release_counts_divided():
    facts = ch1.facts()
    assert facts["ratio_jp_year"] == 2023
    assert facts["ratio_jp"] == round(100 * facts["changers_2023_m"] / facts["employed_2023_m"], 1)
    ratio = ch1.facts()
    assert abs(ratio["ratio_jp"] - ratio["ratio_first"]) <= 1.0  # "within about a point"
    assert abs(ratio["ratio_2021"] - ratio["ratio_first"]) <= 1.0
    assert abs(ratio["ratio_2019"] - ratio["ratio_first"]) <= 1.0
    assert ratio["ratio_max"] - ratio["ratio_min"] <= 1.0  # the ledger's range, "about a point"


def test_linkedin_additions_are_differences_of_linkedins_own_counts():
    adds = ch1.linkedin_additions()
    facts = ch1.facts()
    assert len(adds) == facts["li_counts_n"] - 1 >= 2
    for a in adds:
        assert a.added_m >= 0 and a.years > 0  # the stock never falls between these counts
        assert a.per_year_m == pytest.approx(a.added_m / a.years)
        assert a.changers_m > 2.5  # job changers a year: millions
    # "both roughly level": the two growing spans differ by under a quarter
    grow = [a for a in adds if a.added_m > 0]
    assert abs(grow[0].per_year_m - grow[-1].per_year_m) < 0.25 * grow[-1].per_year_m
    # "new accounts match at most about a sixth of a year's job changers"
    assert facts["add_max_share"] == pytest.approx(
        100 * max(a.per_year_m / a.changers_m for a in grow))
    assert facts["add_max_share"] < 20
    # the flat span: the first two of LinkedIn's own counts are equal (rounded)
    assert adds[0].added_m == 0 and facts["li_flat_m"] == pytest.approx(1.0)


def test_a_level_flow_makes_a_stock_grow():
    """The chapter's argument in one line: constant additions give a growing stock."""
    flow = [ch1.facts()["add2_per_year"]] * 7
    stock = np.cumsum([1.0, *flow])
    assert np.all(np.diff(stock) > 0) and stock[-1] > 3 * stock[0]


# -- what the text, answers, quiz and guide say the widgets show (issue 18) --------

def test_signal_try_1_belief_rises_lift_falls_from_japan_to_the_eu():
    f = ch1.facts()
    assert f["post_eu"] > f["post_jp"] and f["lift_eu"] < f["lift_jp"]
    assert 1 < f["lift_jp"] / f["lift_eu"] < 2  # exercise 3: "somewhat more, not five times"
    assert f["lift_oecd"] < f["lift_eu"] and f["lift_want"] < f["lift_jp"]


def test_signal_try_2_and_quiz_4_profiles_as_the_norm_collapse_the_lift(sig):
    sig.apply_preset("Profiles are the norm")
    f = ch1.facts()
    assert sig.result.lift == pytest.approx(f["lift_norm"])
    assert sig.result.lift < 2 and sig.result.lift < f["lift_jp"] / 3  # "falls sharply"
    lifts = [signal(0.049, 0.6, p).lift for p in (0.05, 0.2, 0.4, 0.6)]
    assert lifts == sorted(lifts, reverse=True)  # the guide: falls as profiles get common


def test_signal_try_3_equal_polishing_puts_the_point_on_the_diagonal(sig):
    sig.set(p_stayer=60.0)
    assert sig.result.lift == pytest.approx(1.0)


def test_signal_try_4_no_stayer_polishes_means_certainty_said_in_words(sig):
    sig.set(p_stayer=0.0)
    assert sig.result.posterior == pytest.approx(1.0)
    assert "100% chance" in sig.summary and "infinite (stayers never polish)" in sig.summary


def test_signal_try_5_a_decimal_comma_is_read_and_words_get_a_message(sig):
    sig.set(own_rate="0,5")
    assert sig.evaluation.ok and sig.result.base_rate == pytest.approx(0.005)
    sig.set(own_rate="twelve")
    assert not sig.evaluation.ok and sig.evaluation.message


def test_exercise_1_the_stayers_share_that_gives_a_lift_of_2():
    f = ch1.facts()
    assert signal(f["b_jp"], 0.6, f["ex1_pn"] / 100).lift == pytest.approx(2.0)
    assert f["ex1_pn_frac"] == pytest.approx(f["ex1_pn"] / 100)


def test_threshold_tries_stuck_low_high_start_and_more_early_adopters(thr):
    thr.apply_preset("Stuck low")
    low = thr.result
    assert low.path[-1] < 0.10 and any(e.stable and abs(e.share - low.path[-1]) < 0.01
                                        for e in low.equilibria)
    thr.apply_preset("Same people, high start")
    assert thr.result.path[-1] > 0.9  # "nearly everyone"
    thr.apply_preset("More early adopters")
    eq = thr.result.equilibria
    assert len(eq) == 1 and eq[0].stable and eq[0].share > 0.9 and thr.result.path[-1] > 0.9


def test_threshold_try_4_equilibria_appear_and_vanish_as_the_threshold_moves():
    counts = {len(threshold_model(mean=m / 100, spread=0.2, early=0.05, start=0.05).equilibria)
              for m in range(20, 81, 2)}
    assert 1 in counts and 3 in counts


def test_guide_note_3_a_minority_of_early_adopters_tips_the_norm():
    share = ch1.facts()["tip_early"] / 100
    assert 0.05 < share < 0.5  # a minority, more than the Stuck-low preset's 5%
    below = threshold_model(mean=0.5, spread=0.2, early=share - 0.01, start=share - 0.01)
    above = threshold_model(mean=0.5, spread=0.2, early=share + 0.01, start=share + 0.01)
    assert below.path[-1] < 0.5 < 0.9 < above.path[-1]


# -- review of December 2026: the flows, the norm preset, the wanting series ------------

def test_flows_show_no_clear_rise_new_accounts_since_2018_lie_inside_the_early_range():
    """Prose, verdict, takeaways, quiz 10, guide note 4 and the ledger: the early rate is a
    range (LinkedIn gave about a million at both early counts), and the later rate lies
    inside it; job changers a year since 2015 stay between the glued bounds."""
    f = ch1.facts()
    adds = ch1.linkedin_additions()
    assert f["add1_low_per_year"] < f["add1_per_year"]
    assert f["add1_low_per_year"] <= f["add2_per_year"] <= f["add1_per_year"]
    # the low figure is counted from the first count LinkedIn gave to the end of the first rise
    first_rise = next(i for i, a in enumerate(adds) if a.added_m > 0)
    span = adds[: first_rise + 1]
    assert f["add1_low_per_year"] == pytest.approx(
        sum(a.added_m for a in span) / sum(a.years for a in span))
    assert f["li_flat_from"] < f["add1_from"] == f["li_flat_to"]
    assert f["changers_since_min"] <= f["add2_changers"] <= f["changers_since_max"]
    assert f["changers_since_max"] - f["changers_since_min"] < 1  # within about a million


def test_the_norm_preset_is_the_glued_likelihoods(sig):
    """Things to try 2 and quiz 4 name both likelihoods of the preset."""
    f = ch1.facts()
    sig.apply_preset("Profiles are the norm")
    assert sig.values["p_seeker"] == f["norm_p_seeker"]
    assert sig.values["p_stayer"] == f["norm_p_stayer"]
    assert signal(f["b_jp"], f["norm_p_seeker"] / 100, f["norm_p_stayer"] / 100).lift == \
        pytest.approx(f["lift_norm"])
    # "if half of all stayers kept a polished profile"
    assert f["norm_p_stayer"] == 50


def test_wanting_to_change_grew_to_2023_and_held_at_about_ten_million_in_2024():
    f = ch1.facts()
    assert f["wanting_first_m"] < f["wanting_2023_m"]
    assert f["wanting_latest_year"] > 2023 and f["wanting_latest_m"] < f["wanting_2023_m"]
    assert round(f["wanting_latest_m"]) == 10


def test_worked_example_base_rate_and_the_ever_changed_order():
    f = ch1.facts()
    assert f["worked_base"] == pytest.approx(100 * f["worked_looking"] / f["worked_total"])
    others = [f[k] for k in ("ever_kr", "ever_de", "ever_us", "ever_uk")]
    assert f["ever_jp"] < min(others) and max(others) == f["ever_uk"]
    assert min(others) == f["ever_kr"]  # the verdict's range "kr to uk"


def test_2019_is_the_most_job_changers_since_the_series_began():
    from meishi.data.series import job_mobility
    changers = job_mobility("job_changers")
    top = changers.loc[changers["value"].idxmax()]
    assert int(top["year"]) == 2019 and ch1.facts()["changers_first_year"] == changers["year"].min()


def test_stock_flow_alt_text_gives_the_early_range_and_no_level_claim():
    f = ch1.facts()
    alt = ch1.stock_flow_chart().alt
    assert "level" not in alt
    assert f"{f['add1_low_per_year']:.2f} million a year" in alt
    assert f"{f['add1_per_year']:.2f} million a year" in alt
    mob = ch1.job_mobility_chart().alt
    assert f"{f['wanting_latest_m']:.2f} million in {f['wanting_latest_year']}" in mob
