"""Chapter 3, "Trust you build, trust you assume": facts and charts (widgets: other file)."""

from __future__ import annotations

import importlib
import math

import pytest

from meishi.chapters import trust as chapter
from meishi.models.commitment import outside_payoff

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
