"""Chapter 2, "Saying it without saying it": facts and charts (widgets: test_modesty_widgets)."""

from __future__ import annotations

import pytest

from meishi.chapters import modesty as chapter
from meishi.models.impression import impression


def test_facts_are_plain_numbers():
    assert all(isinstance(v, (int, float)) for v in chapter.facts().values())


def test_effect_sizes_come_from_the_meta_analysis():
    d = chapter.self_enhancement()
    assert d == {"Westerners": 0.87, "Asian Americans": 0.52, "East Asians": -0.01}


def test_norm_presets_are_one_minus_d_kept_within_0_and_100():
    presets = chapter.norm_presets()
    assert list(presets.values()) == [13, 48, 100]
    assert all("d = " in name for name in presets)
    assert "−0.01" in list(presets)[-1]  # a true minus sign in the label


def test_facts_agree_with_the_model():
    f = chapter.facts()
    east = impression(f["norm_east"] / 100, f["preset_claim"] / 100, f["preset_cue"] / 100)
    assert f["estar_east"] == pytest.approx(100 * east.e_star)
    assert f["east_implied"] > f["east_explicit"]  # with the East Asian norm, implying wins
    assert f["west_explicit"] > f["west_implied"]
    assert f["norm_west"] < f["crossover_norm"] < f["norm_east"]


def test_facts_quote_the_data():
    f = chapter.facts()
    assert f["opp_jp"] == 80 and f["opp_jp_rank"] == f["opp_markets"] == 22
    assert f["manager_jp"] == 21.4 and f["fb_business"] == 8.6
    assert f["d_comparisons"] == 91
