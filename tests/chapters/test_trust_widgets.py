"""Chapter 3's widgets: stay or look outside (commitment) and introductions (紹介)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from meishi.chapters.trust import CommitmentWidget, IntroductionsWidget
from meishi.chapters.trust.widgets import path_end
from meishi.kit.controls import Choice
from meishi.models.commitment import Equilibrium, commitment, outside_payoff
from meishi.models.introductions import B_GRID, NORMS, introductions, precompute_grid


@pytest.fixture(scope="module")
def com() -> CommitmentWidget:
    return CommitmentWidget()


@pytest.fixture(scope="module")
def intro() -> IntroductionsWidget:
    return IntroductionsWidget()


def _fields(result) -> dict:
    return {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}


def _same(a, b) -> None:
    """Two CommitmentResults hold the same numbers (arrays compared element by element)."""
    fa, fb = _fields(a), _fields(b)
    assert set(fa) == set(fb)
    for key in fa:
        x, y = fa[key], fb[key]
        if hasattr(x, "tolist"):
            assert x.tolist() == y.tolist(), key
        else:
            assert x == y, key


# -- commitment ---------------------------------------------------------------------------

def test_commitment_defaults(com):
    assert com.values == {"p": 30.0, "w": 30.0, "n": 10.0, "k": 20.0, "x0": 90.0}
    assert [c["kind"] for c in com.spec["controls"]] == ["slider"] * 5
    _same(com.result, commitment(0.3, 0.3, 10, 0.2, 0.9, rounds=60))
    assert com.summary == (
        "With 90% of traders committed, a partner's deal pays 50.0 points for sure; looking "
        "among strangers pays 25.4 on average (sd 29.5; a 16.0% chance of being cheated, 37.3% "
        "of no deal at all), so staying pays more. In a fully open market looking would pay "
        "55.3 (sd 32.7). Tipping point: 54.7% committed; start above it and the share heads to "
        "100%, below it to 0%. After 60 rounds the share committed settles at 100%.")


def test_commitment_reads_percentages_and_whole_offers(com):
    params = com.read({"p": 25.0, "w": 50.0, "n": 7.0, "k": 100.0, "x0": 0.0})
    assert params == {"p": 0.25, "w": 0.5, "n": 7, "k": 1.0, "x0": 0.0}
    assert isinstance(params["n"], int)


def test_every_commitment_preset_equals_the_model(com):
    for name, values in com.presets().items():
        ev = com.evaluate(values)
        assert ev.ok, name
        _same(ev.result, commitment(values["p"] / 100, values["w"] / 100, int(values["n"]),
                                    values["k"] / 100, values["x0"] / 100, rounds=60))
    assert "stylised" in com.preset_note


def test_where_most_stay_committed_the_open_market_is_thin_and_they_stay(com):
    presets = dict(com.presets())
    closed = com.evaluate(presets["Closed market (most stay)"])
    opened = com.evaluate(presets["Open market (most look)"])
    # the same society: only the starting share differs, and it decides the end
    assert {k: v for k, v in presets["Closed market (most stay)"].items() if k != "x0"} == \
        {k: v for k, v in presets["Open market (most look)"].items() if k != "x0"}
    assert closed.result.path[-1] > 0.9999 and opened.result.path[-1] < 0.01
    thin = outside_payoff(0.3, 0.3, 10, 0.2, 0.9)
    full = outside_payoff(0.3, 0.3, 10, 0.2, 0.1)
    assert thin.expected < 0.5 < full.expected  # thin and risky: no deal 37% of the time
    assert thin.p_no_deal > 0.3 > full.p_no_deal
    assert "so staying pays more" in closed.summary
    assert "so looking pays more" in opened.summary
    assert "still moving towards 0%" in opened.summary


def test_when_opportunity_costs_rise_the_society_that_screens_gains_most(com):
    presets = dict(com.presets())
    poor = com.evaluate(presets["Rising opportunity cost"]).result
    good = com.evaluate(presets["High trust, good screening"]).result
    base = com.evaluate(presets["Closed market (most stay)"]).result
    # a wider spread raises what the open market pays, more so for the good screener
    assert poor.outside.expected > base.outside.expected
    assert good.outside.expected - 0.5 > 2 * (poor.outside.expected - 0.5) > 0
    assert good.outside.p_cheated < poor.outside.p_cheated / 3
    assert good.outside.sd < poor.outside.sd
    # the same start (70% committed): the poor screener stays locked in, the good one opens up
    tip_poor, tip_good = (next(e.share for e in r.equilibria if e.kind == "tipping")
                          for r in (poor, good))
    assert tip_poor < 0.7 < tip_good
    assert poor.path[-1] > 0.9999 and good.path[-1] < 0.0001


def test_commitment_readout_at_the_edges(com):
    flat = com.evaluate({"p": 0.0, "w": 0.0, "n": 1.0, "k": 0.0, "x0": 0.0}).summary
    assert "so the two pay the same" in flat
    assert "No tipping point: from any start above 0% the share heads to 100%." in flat
    assert flat.endswith("The share committed stays at 0% for 60 rounds: an unstable balance, "
                         "which the slightest push would leave.")
    full = com.evaluate({"p": 30.0, "w": 30.0, "n": 10.0, "k": 20.0, "x0": 100.0}).summary
    assert "pays 0.0 on average (sd 0.0; a 0.0% chance of being cheated, 100.0% of no deal" \
        in full
    moving = com.evaluate({"p": 30.0, "w": 30.0, "n": 10.0, "k": 20.0, "x0": 55.0}).summary
    assert moving.endswith("After 60 rounds the share committed is at 62.6% and still moving "
                           "towards 100%.")


def test_path_end_says_settled_balanced_or_moving():
    eqs = (Equilibrium(0.0, True, "open"), Equilibrium(0.5, False, "tipping"),
           Equilibrium(1.0, True, "committed"))
    assert path_end(eqs, [0.9999, 1.0]).state == "settled"
    assert path_end(eqs, [0.5, 0.5]).state == "balanced"
    moving = path_end(eqs, [0.6, 0.7])
    assert moving.state == "moving" and moving.equilibrium.share == 1.0
    assert path_end(eqs, [0.4, 0.3]).equilibrium.share == 0.0


# -- introductions ------------------------------------------------------------------------

def test_introductions_defaults_and_controls(intro):
    assert intro.values == {"b": 10.0, "norm": "introductions"}
    b, norm = intro.spec["controls"]
    assert (b["kind"], b["min"], b["max"], b["step"], b["decimals"]) == ("slider", 0.0, 30.0,
                                                                          2.5, 1)
    assert norm["kind"] == "choice"
    assert [o["value"] for o in norm["options"]] == list(NORMS)
    assert intro.summary == (
        "With 10.0% of ties bridging clusters, you know 8 people directly (1 outside your own "
        "cluster) and can be introduced to 14 more people in two steps (12 outside your "
        "cluster). Through introductions you reach 22 of the 119 others, and every new contact "
        "comes vouched for: 0 strangers to vet yourself.")


def test_every_grid_step_and_norm_is_the_model_s_result(intro):
    for i, b in enumerate(B_GRID):
        for norm in NORMS:
            ev = intro.evaluate({"b": 100 * b, "norm": norm})
            assert ev.ok and ev.result.index == i and ev.result.b == b
            model = introductions(b, norm)
            assert ev.result.result["bridges"] == model.bridges
            assert ev.result.result["person_norm"] == dataclasses.asdict(model.person_norm)
            assert ev.result.direct == model.person.direct
            assert ev.result.two_step == model.person.two_step
            assert ev.result.two_step_outside == model.person.two_step_outside
            assert ev.result.outcomes[norm]["to_vet"] == model.person_norm.to_vet


def test_every_introductions_preset_equals_the_model(intro):
    for name, values in intro.presets().items():
        ev = intro.evaluate(values)
        model = introductions(values["b"] / 100, values["norm"])
        assert ev.ok and ev.result.norm == values["norm"], name
        assert ev.result.result["person_norm"] == dataclasses.asdict(model.person_norm), name
        assert ev.result.result["ties"] == model.ties and ev.result.direct == model.person.direct


def test_a_few_bridges_multiply_reach_with_nothing_to_vet(intro):
    presets = dict(intro.presets())
    closed = intro.evaluate(presets["Closed clusters, introductions"]).result
    few = intro.evaluate(presets["A few bridges, introductions"]).result
    many = intro.evaluate(presets["Many bridges, introductions"]).result
    opened = intro.evaluate(presets["Open profile"]).result
    assert closed.two_step_outside == 0 and closed.direct_outside == 0
    assert few.two_step >= 5 * closed.two_step and few.two_step_outside > 0
    assert many.outcomes["introductions"]["reach"] > few.outcomes["introductions"]["reach"]
    for r in (closed, few, many):
        assert r.outcomes["introductions"]["to_vet"] == 0
    assert opened.outcomes["open"]["reach"] == 119
    assert opened.outcomes["open"]["to_vet"] == 119 - opened.direct
    assert intro.evaluate(presets["Open profile"]).summary.endswith(
        "With an open profile all 119 others can reach you, but nobody vouches for them: "
        "111 strangers to vet yourself.")


def test_the_choice_control_refuses_unknown_values(intro):
    with pytest.raises(ValueError, match="not one of its options"):
        intro.set(norm="linkedin")
    with pytest.raises(TypeError):
        intro.set(norm=1)
    ev = intro.evaluate({"b": 10.0, "norm": "linkedin"})
    # the kit's one wording for a value no control can show (it names the control)
    assert not ev.ok and ev.message.startswith("How new contacts reach you: ")
    assert "not one of its options" in ev.message
    control = Choice("c", "C", "unit", options=[("a", "A"), ("b", "B")], default="a")
    with pytest.raises(ValueError):
        control.check("")
    with pytest.raises(ValueError):
        Choice("c", "C", "unit", options=[("a", "A"), ("b", "B")], default="z")
    with pytest.raises(ValueError):
        Choice("c", "C", "unit", options=[("a", "A"), ("a", "B")], default="a")
    with pytest.raises(ValueError):
        Choice("c", "C", "unit", options=[("a", "A")], default="a")
    spec = json.loads(json.dumps(control.to_spec()))
    assert spec == {"name": "c", "label": "C", "unit": "unit", "kind": "choice",
                    "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
                    "default": "a"}


def test_the_network_payload_is_deterministic_and_light(intro):
    data = intro.spec["data"]
    again = IntroductionsWidget().spec["data"]
    assert json.dumps(data, sort_keys=True) == json.dumps(again, sort_keys=True)
    grid = precompute_grid()
    assert [e["b"] for e in data["grid"]] == list(B_GRID)
    for mine, ref in zip(data["grid"], grid, strict=True):
        assert mine == {k: v for k, v in ref.items() if k not in ("positions", "clusters")}
        assert ref["positions"] == data["positions"] and ref["clusters"] == data["clusters"]
    assert len(json.dumps(data)) < 120_000
    # the bridges only add up as b rises (the same seeded draws for every b)
    bridges = [e["norms"]["introductions"]["bridges"] for e in data["grid"]]
    assert bridges == sorted(bridges) and bridges[0] == 0
