"""Chapter 2's numbers: self-enhancement across cultures, opportunity, ambition, Facebook uses.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``).
"""

from __future__ import annotations

from typing import Any

from ...data import load
from ...data.series import linkedin_growth_since_article
from ...models.impression import impression

__all__ = ["facts", "norm_presets", "self_enhancement"]

#: Stylised settings for the impression model's presets (no survey measures them).
PRESET_CLAIM, PRESET_CUE = 80.0, 50.0


def self_enhancement() -> dict[str, float]:
    """Within-culture self-enhancement effect sizes (Cohen's d), by group."""
    df = load("self_enhancement_meta").frame
    within = df[df["measure"] == "within_culture"]
    return {str(g): float(d) for g, d in zip(within["group"], within["effect_size_d"],
                                             strict=True)}


def norm_presets() -> dict[str, float]:
    """Audience modesty norm (%) for each group, from its self-enhancement effect size.

    A stylised mapping: norm = 1 − d, kept within 0 to 1. A group that
    self-enhances strongly (d near 1) is taken to tolerate open self-praise;
    one with no self-enhancement (d near 0) to expect modesty. The effect
    sizes are sourced; the mapping is the course's assumption.
    """
    labels = {"Westerners": "Western audience", "Asian Americans": "Asian-American audience",
              "East Asians": "East Asian audience"}
    out = {}
    for group, d in self_enhancement().items():
        norm = min(1.0, max(0.0, 1.0 - d))
        out[f"{labels[group]} (d = {d:.2f})".replace("= -", "= −")] = round(100 * norm)
    return out


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    meta = load("self_enhancement_meta").frame.set_index("group")
    d = self_enhancement()
    opp = load("opportunity_index").frame
    opp20 = opp[opp["edition"] == 2020].set_index("country")
    opp18 = opp[opp["edition"] == 2018].set_index("country")
    ambition = load("manager_ambition_apac").frame
    manager = ambition[ambition["measure"] == "want_to_be_manager"].set_index("country")["value"]
    selfdev = ambition[ambition["measure"] == "no_self_development"].set_index("country")["value"]
    poll = load("self_promotion_poll").frame
    sirabee = poll[poll["poll"] == "sirabee_2018"].set_index("answer")["share_percent"]
    fb = load("facebook_uses_japan").frame
    macro = fb[fb["survey"] == "macromill_2012"].set_index("measure")["value"]
    rb = fb[fb["survey"] == "researchbank_2013"].set_index("measure")["value"]
    presets = norm_presets()
    norms = list(presets.values())
    west = impression(norms[0] / 100, PRESET_CLAIM / 100, PRESET_CUE / 100)
    east = impression(norms[-1] / 100, PRESET_CLAIM / 100, PRESET_CUE / 100)
    return {
        "d_west": d["Westerners"],
        "d_asian_american": d["Asian Americans"],
        "d_east": d["East Asians"],
        "d_between": float(meta.loc["East Asians vs Westerners", "effect_size_d"]),
        "d_comparisons": int(meta.loc["East Asians vs Westerners", "comparisons"]),
        "norm_west": norms[0],
        "norm_east": norms[-1],
        "preset_claim": PRESET_CLAIM,
        "preset_cue": PRESET_CUE,
        "estar_west": 100 * west.e_star,
        "estar_east": 100 * east.e_star,
        "crossover_norm": 100 * west.crossover_norm,
        "west_explicit": 100 * west.impression_explicit,
        "west_implied": 100 * west.impression_implied,
        "east_explicit": 100 * east.impression_explicit,
        "east_implied": 100 * east.impression_implied,
        "east_competence_implied": 100 * east.competence_implied,
        "east_competence_explicit": 100 * east.competence_explicit,
        "opp_jp": float(opp20.loc["Japan", "index"]),
        "opp_jp_rank": int(opp20.loc["Japan", "rank"]),
        "opp_markets": int(opp20.loc["Japan", "markets"]),
        "opp_india": float(opp20.loc["India", "index"]),
        "opp_us": float(opp20.loc["United States", "index"]),
        "opp_jp_2018": float(opp18.loc["Japan", "index"]),
        "opp_markets_2018": int(opp18.loc["Japan", "markets"]),
        "manager_jp": float(manager["Japan"]),
        "manager_india": float(manager["India"]),
        "no_selfdev_jp": float(selfdev["Japan"]),
        "selfpr_rather_poor": float(sirabee["rather poor at it"]),
        "selfpr_poor": float(sirabee["poor at it"]),
        "fb_business": float(macro["build job or business contacts"]),
        "fb_news": float(macro["check friends' news"]),
        "fb_friend_trouble": float(macro["troubled by a friend request"]),
        "fb_real_name": float(rb["registered under real name"]),
        "fb_face": float(rb["profile photo shows own face"]),
        "li_growth_x": linkedin_growth_since_article(),
    }
