"""Chapter 4's widgets: platforms under network effects, and which service for which job."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from meishi.chapters.home_advantage import GOALS, ChooserWidget, PlatformsWidget, feature_table
from meishi.chapters.home_advantage.widgets import decisive_row, share_digits
from meishi.data import sources
from meishi.kit.controls import Choice
from meishi.models.chooser import choose
from meishi.models.platforms import platform_shares


@pytest.fixture(scope="module")
def plat() -> PlatformsWidget:
    return PlatformsWidget()


@pytest.fixture(scope="module")
def chooser() -> ChooserWidget:
    return ChooserWidget()


def _same(a, b) -> None:
    """Two PlatformResults hold the same numbers (arrays compared element by element)."""
    fa = {f.name: getattr(a, f.name) for f in dataclasses.fields(a)}
    fb = {f.name: getattr(b, f.name) for f in dataclasses.fields(b)}
    assert set(fa) == set(fb)
    for key in fa:
        x, y = fa[key], fb[key]
        if isinstance(x, np.ndarray):
            assert np.array_equal(x, y, equal_nan=True), key
        elif isinstance(x, float) and np.isnan(x):
            assert np.isnan(y), key
        else:
            assert x == y, key


def _model(values: dict):
    return platform_shares(values["d"], values["beta"], values["c"], values["tau"],
                           values["x0"] / 100, rounds=80, social=values["social"] == "on",
                           f_s=values["f_s"])


# -- platforms ------------------------------------------------------------------------------

def test_platforms_defaults(plat):
    assert plat.values == {"d": 0.2, "beta": 2.0, "c": 0.2, "tau": 0.5, "x0": 30.0,
                           "social": "off", "f_s": 0.0}
    kinds = [(c["name"], c["kind"]) for c in plat.spec["controls"]]
    assert kinds == [("d", "slider"), ("beta", "slider"), ("c", "slider"), ("tau", "slider"),
                     ("x0", "slider"), ("social", "choice"), ("f_s", "slider")]
    social = next(c for c in plat.controls() if c.name == "social")
    assert isinstance(social, Choice) and social.values == ("off", "on")
    f_s = next(c for c in plat.spec["controls"] if c["name"] == "f_s")
    assert "only when it is on" in f_s["label"]
    _same(plat.result, platform_shares(0.2, 2.0, 0.2, 0.5, 0.3, rounds=80))
    assert plat.summary == (
        "The entrant starts with 30% of users; after 80 rounds it has settled at 2.2%. Steady "
        "states: 2.2% (stable), 41.3% (tipping point), 99.1% (stable). Start above 41.3% and "
        "the entrant heads to 99.1%; below it, to 2.2%. From a 30% start the entrant needs a "
        "fit advantage of at least 0.44 points to win a majority (it has 0.20).")


def test_platforms_read_percent_and_the_switch(plat):
    params = plat.read({"d": -0.35, "beta": 1.2, "c": 0.0, "tau": 2.0, "x0": 45.0,
                        "social": "on", "f_s": 0.6})
    assert params == {"d": -0.35, "beta": 1.2, "c": 0.0, "tau": 2.0, "x0": 0.45,
                      "social": True, "f_s": 0.6}
    ev = plat.evaluate({**plat.spec["defaults"], "social": "maybe"})
    assert not ev.ok
    assert ev.message.startswith("A general social network as a third option: that is not one "
                                 "of its options") and "Off:" in ev.message and "On:" in ev.message
    with pytest.raises(ValueError):
        plat.set(social="maybe")
    with pytest.raises(ValueError):
        plat.set(d=0.33)  # not on the slider's step
    with pytest.raises(ValueError):
        plat.set(x0=101.0)


def test_the_social_network_s_fit_is_ignored_while_it_is_off(plat):
    base = plat.spec["defaults"]
    a, b = plat.evaluate({**base, "f_s": -1.0}), plat.evaluate({**base, "f_s": 1.0})
    assert a.summary == b.summary
    assert np.array_equal(a.result.path, b.result.path)
    on = plat.evaluate({**base, "social": "on", "f_s": 1.0})
    assert on.result.path.shape == (3, 81)


def test_every_platforms_preset_equals_the_model(plat):
    for name, values in plat.presets().items():
        ev = plat.evaluate(values)
        assert ev.ok, name
        _same(ev.result, _model({**plat.spec["defaults"], **values}))
    assert "stylised" in plat.preset_note


def test_what_the_platforms_presets_show(plat):
    presets = {k: plat.evaluate(v) for k, v in plat.presets().items()}
    none = presets["No network effect"].result
    assert none.beta == 0 and len(none.equilibria) == 1 and none.settled
    assert "One steady state, 61.7%" in presets["No network effect"].summary
    late = presets["Strong effect, late entrant"]
    assert late.result.final[1] < 0.001 and late.result.critical_status == "never"
    big = presets["Big fit advantage"]
    # from 1%, under a moderate network effect, a fit advantage above the critical one wins
    assert big.result.d == 0.8 and big.result.d > big.result.critical_fit
    assert big.result.final[1] > 0.5
    slow = presets["Slow, steady entrant"].result
    tipping = [e for e in slow.equilibria if e.kind == "tipping"]
    assert slow.final[1] > 3 * slow.x0 and slow.final[1] < tipping[0].share  # a niche
    assert presets["Slow, steady entrant"].summary.endswith(
        "needs a fit advantage of at least 0.66 points to win a majority (it has 0.40).")
    mix = presets["Social network in the mix"]
    assert mix.result.social and mix.result.final.shape == (3,)
    assert mix.result.final.sum() == pytest.approx(1.0, abs=1e-12)
    assert mix.summary == (
        "With a general social network as a third option (its fit 0.50 points) and the entrant "
        "starting with 30% of users, after 80 rounds the local platform has 91.2%, the "
        "entrant 2.8% and the social network 5.9% (no longer moving). Steady states and the "
        "fit advantage needed to win are worked out for two platforms only.")


@pytest.mark.parametrize("values, expected", [
    ({"d": 0.0, "beta": 2.0, "x0": 50.0},
     "The entrant starts with 50% of users and stays at 50.0% for 80 rounds: an unstable "
     "balance (a tipping point), which the slightest push would leave."),
    ({"beta": 5.0, "tau": 0.1, "d": -1.0, "x0": 100.0},
     "From a 100% start the entrant wins a majority whatever its fit, even at -1 points."),
    ({"beta": 5.0, "tau": 0.1, "d": -1.0, "x0": 100.0},
     "Steady states: nearly 0% (stable), 60.2% (tipping point), 100% (stable)."),
    ({"c": 2.0, "tau": 0.1, "beta": 0.0, "d": 0.5},
     "after 80 rounds it has 30.0% and is barely moving, short of the steady state it heads "
     "for, 99.995%."),
    ({"c": 1.0, "tau": 0.3, "beta": 0.0, "d": 0.0, "x0": 0.0},
     "after 80 rounds it has 33.5% and is still moving towards 50.0%."),
    ({"beta": 0.0, "d": 0.2},
     "needs a fit advantage just above 0 points to win a majority (it has 0.20)."),
])
def test_platforms_readout_edges(plat, values, expected):
    ev = plat.evaluate({**plat.spec["defaults"], **values})
    assert ev.ok and expected in ev.summary, ev.summary


def test_shares_are_written_with_the_decimals_they_need():
    assert share_digits([0.022, 0.413, 0.991]) == [1, 1, 1]
    assert share_digits([0.0002, 0.5, 0.9998]) == [2, 1, 2]   # never "0.0%" for a share above 0
    assert share_digits([0.4131, 0.4134]) == [2, 2]            # told apart
    assert share_digits([0.0, 1.0]) == [1, 1]


# -- chooser -------------------------------------------------------------------------------

EXPECTED_FIRST = {"quiet_move": "doda", "keep_contacts": "Eight", "casual_visit": "Wantedly",
                  "hire_specialist": "BizReach", "foreign_colleague": "LinkedIn"}


def test_chooser_defaults_and_its_data(chooser):
    (control,) = chooser.controls()
    assert isinstance(control, Choice)
    assert control.options == tuple((g.key, g.label) for g in GOALS)
    assert chooser.values == {"goal": "quiet_move"}
    data = chooser.spec["data"]
    assert json.loads(json.dumps(data)) == data
    assert [g["key"] for g in data["goals"]] == [g.key for g in GOALS]
    assert data["goals"][0]["needs"][0] == {
        "feature": "hide résumé from current employer", "weight": 0.5,
        "why": "a search your boss can see is the risk chapter 1 is about"}
    assert data["table"] == feature_table()
    assert chooser.result == choose(GOALS[0], feature_table())
    assert chooser.summary == (
        "For “Change jobs without my employer noticing”, doda fits best with 0.75 of 1.00, "
        "ahead of BizReach (0.25). Decisive row: doda, hide résumé from current employer, yes "
        "(0.50 of 0.50): “'company block' setting hides the registered résumé from named "
        "firms; the employer entered in the résumé is blocked automatically” (source "
        "doda_scout_block). Not found for doda: scouting by companies and headhunters (a gap "
        "in the table, not a no). Each of the 3 needed features has a sourced row for at least "
        "one service.")


@pytest.mark.parametrize("goal", GOALS, ids=[g.key for g in GOALS])
def test_the_chooser_s_answer_for_each_goal(chooser, goal):
    ev = chooser.evaluate({"goal": goal.key})
    assert ev.ok and ev.params == goal.key
    assert ev.result == choose(goal, feature_table())
    first = ev.result[0]
    assert first.service == EXPECTED_FIRST[goal.key]
    assert first.score > ev.result[1].score  # a clear winner, no tie
    assert ev.summary.startswith(f"For “{goal.label}”, {first.service} fits best with ")
    assert f"Decisive row: {first.service}, " in ev.summary
    row, lead = decisive_row(ev.result)
    assert row in first.evidence and lead > 0
    assert f"(source {row.source_id})" in ev.summary


def test_casual_visits_name_every_runner_up(chooser):
    ev = chooser.evaluate({"goal": "casual_visit"})
    assert "ahead of BizReach, LinkedIn and doda (0.30 each)." in ev.summary


def test_a_missing_row_is_a_gap_not_a_no(chooser):
    ev = chooser.evaluate({"goal": "keep_contacts"})
    eight = ev.result[0]
    assert eight.service == "Eight" and eight.not_found == ("real names", "messaging")
    assert all(e.supports in ("yes", "partly", "no") for e in eight.evidence)
    assert "Not found for Eight: real names, messaging (a gap in the table, not a no)." \
        in ev.summary


def test_every_table_row_has_a_known_source(chooser):
    known = set(sources())   # the ids in assets/data/sources.yml
    rows = chooser.spec["data"]["table"]
    assert rows and all(r["source_id"] in known for r in rows), \
        [r["source_id"] for r in rows if r["source_id"] not in known]
    for goal in GOALS:
        for fit in chooser.evaluate({"goal": goal.key}).result:
            assert all(e.source_id in known for e in fit.evidence)


def test_chooser_refuses_a_goal_it_does_not_offer(chooser):
    ev = chooser.evaluate({"goal": "become_famous"})
    assert not ev.ok
    assert ev.message.startswith("What you want to do: that is not one of its options (")
    for goal in GOALS:      # every goal the chooser offers is named, by its label
        assert goal.label in ev.message, goal.key
    with pytest.raises(ValueError):
        chooser.set(goal="become_famous")
    with pytest.raises(TypeError):
        chooser.set(goal=1)


def test_chooser_presets_pick_goals(chooser):
    for name, values in chooser.presets().items():
        ev = chooser.evaluate(values)
        assert ev.ok, name
        assert ev.result[0].service == EXPECTED_FIRST[values["goal"]]


def test_the_decisive_row_and_ties_from_a_small_table():
    from meishi.models.chooser import Goal, Need

    goal = Goal("g", "A goal", (Need("a", 0.6, "why a"), Need("b", 0.4, "why b")))
    table = [
        {"service": "Y", "feature": "a", "supports": "yes", "detail": "Y a", "source_id": "s"},
        {"service": "X", "feature": "a", "supports": "partly", "detail": "X a",
         "source_id": "s"},
        {"service": "X", "feature": "b", "supports": "yes", "detail": "X b", "source_id": "s"},
    ]
    ranking = choose(goal, table)
    assert [(f.service, f.score) for f in ranking] == [("X", 0.7), ("Y", 0.6)]
    row, lead = decisive_row(ranking)
    assert (row.feature, lead) == ("b", 0.4)   # b puts X ahead; on a, Y does better


# -- the front ends, over more settings than the kit's parity grid ---------------------------

def test_the_platforms_front_end_agrees_over_a_wider_sample(plat):
    """The kit's grid moves one slider at a time past six sliders; here all move at once."""
    from kit.test_parity import assert_same, plain, run_js

    rng = np.random.default_rng(4)
    sliders = [c for c in plat.spec["controls"] if c["kind"] == "slider"]
    grid = []
    for i in range(120):
        values = {"social": "on" if i % 3 == 0 else "off"}
        for c in sliders:
            n = round((c["max"] - c["min"]) / c["step"])
            values[c["name"]] = round(c["min"] + int(rng.integers(n + 1)) * c["step"], 10)
        grid.append(values)
    results = run_js([{"kind": "widget", "id": "platforms", "values": v, "spec": plat.spec}
                      for v in grid])
    for values, js in zip(grid, results, strict=True):
        py = plat.evaluate(values)
        assert js["ok"] and py.ok, values
        assert js["summary"] == py.summary, values
        assert_same(plain(py.result), js["result"], f"platforms {values}")
