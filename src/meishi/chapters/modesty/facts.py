"""Chapter 2's numbers: self-enhancement across cultures, opportunity, ambition, Facebook uses.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``) or computed by the chapter's
model (``meishi.models.impression``) at the settings the text names.
"""

from __future__ import annotations

from typing import Any

from ...data import load
from ...data.series import linkedin_growth_since_article
from ...models.impression import COST, ImpressionResult, impression, impression_at

__all__ = ["PRESETS", "facts", "lowest_winning_cue", "preset_results", "self_enhancement"]

#: Stylised settings for the impression model's presets: no study measures the size of an
#: achievement, the clarity of a cue or how strongly an audience marks down self-praise.
PRESET_CLAIM, PRESET_CUE = 80.0, 50.0
#: The two presets: stylised audiences, not countries (modesty norm in %).  The
#: self-enhancement effect sizes measure how people rate themselves, not how an audience
#: rates someone who praises themself, so no norm is read from them.
PRESETS: dict[str, float] = {"Lenient audience (stylised)": 20.0,
                             "Strict audience (stylised)": 80.0}


def self_enhancement() -> dict[str, float]:
    """Within-culture self-enhancement effect sizes (Cohen's d), by group."""
    df = load("self_enhancement_meta").frame
    within = df[df["measure"] == "within_culture"]
    return {str(g): float(d) for g, d in zip(within["group"], within["effect_size_d"],
                                             strict=True)}


def preset_results(cue: float = PRESET_CUE) -> tuple[ImpressionResult, ImpressionResult]:
    """The model at the lenient and the strict preset (claim and cue in %)."""
    lenient, strict = PRESETS.values()
    return (impression(lenient / 100, PRESET_CLAIM / 100, cue / 100),
            impression(strict / 100, PRESET_CLAIM / 100, cue / 100))


def lowest_winning_cue(norm: float, claim: float = PRESET_CLAIM) -> tuple[float, float | None]:
    """The lowest whole-percent cue clarity at which the implied cue wins, and a tie below it.

    Scans the widget's slider steps (0 to 100%) with the model: returns the first
    clarity whose winner is "implied", and the step just below it if the model
    calls that one a tie (else None).
    """
    previous = None
    for q in range(101):
        r = impression(norm / 100, claim / 100, q / 100)
        if r.winner == "implied":
            tie = float(q - 1) if previous == "tie" else None
            return float(q), tie
        previous = r.winner
    raise ValueError(f"the implied cue never wins at a norm of {norm}%")


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data and the model)."""
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
    use = load("service_use_japan").frame
    fb_use = use[use["service"] == "Facebook"].drop_duplicates("date").set_index("date")
    line_use = use[use["service"] == "LINE"].drop_duplicates("date").set_index("date")
    norm_lenient, norm_strict = PRESETS.values()
    lenient, strict = preset_results()
    _, strict_blind = preset_results(cue=0.0)
    q_min, q_tie = lowest_winning_cue(norm_strict)
    # the worked example: competence and likeability of each channel at the strict preset
    m, c = norm_strict / 100, PRESET_CLAIM / 100
    comp_x, like_x, _, _ = impression_at(m, c, PRESET_CUE / 100, 1.0)
    comp_i, like_i, _, _ = impression_at(m, c, PRESET_CUE / 100, 0.0)
    return {
        "d_west": d["Westerners"],
        "d_asian_american": d["Asian Americans"],
        "d_east": d["East Asians"],
        "d_between": float(meta.loc["East Asians vs Westerners", "effect_size_d"]),
        "d_comparisons": int(meta.loc["East Asians vs Westerners", "comparisons"]),
        # the impression model at the presets (stylised settings, see PRESETS)
        "norm_lenient": norm_lenient,
        "norm_strict": norm_strict,
        "preset_claim": PRESET_CLAIM,
        "preset_cue": PRESET_CUE,
        "estar_lenient": 100 * lenient.e_star,
        "estar_strict": 100 * strict.e_star,
        "lenient_explicit": 100 * lenient.impression_explicit,
        "lenient_implied": 100 * lenient.impression_implied,
        "strict_explicit": 100 * strict.impression_explicit,
        "strict_implied": 100 * strict.impression_implied,
        "crossover_norm": 100 * strict.crossover_norm,
        "cost_pct": 100 * COST,
        "strict_comp_explicit": 100 * float(comp_x),
        "strict_comp_implied": 100 * float(comp_i),
        "strict_like_explicit": 100 * float(like_x),
        "strict_like_implied": 100 * float(like_i),
        "strict_pen_explicit": 100 - 100 * float(like_x),
        "strict_pen_implied": 100 - 100 * float(like_i),
        "estar_strict_blind": 100 * strict_blind.e_star,
        "strict_blind_explicit": 100 * strict_blind.impression_explicit,
        "strict_blind_implied": 100 * strict_blind.impression_implied,
        "q_min_strict": q_min,
        "q_tie_strict": q_tie if q_tie is not None else q_min,
        # evidence
        "opp_jp": float(opp20.loc["Japan", "index"]),
        "opp_jp_rank": int(opp20.loc["Japan", "rank"]),
        "opp_gap": 100 - float(opp20.loc["Japan", "index"]),
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
        "fb_old_friends": float(macro["look up old friends"]),
        "fb_post_news": float(macro["post own news"]),
        "fb_post_vs_business": float(macro["post own news"]
                                     / macro["build job or business contacts"]),
        "fb_friend_trouble": float(macro["troubled by a friend request"]),
        "fb_registered": float(rb["registered on Facebook"]),
        "fb_real_name": float(rb["registered under real name"]),
        "fb_face": float(rb["profile photo shows own face"]),
        "fb_use_2013": float(fb_use.loc["2013-11", "share_percent"]),
        "fb_use_2016": float(fb_use.loc["2016-11", "share_percent"]),
        "fb_use_2017": float(fb_use.loc["2017-11", "share_percent"]),
        "fb_use_2018": float(fb_use.loc["2019-02", "share_percent"]),
        "line_use_2018": float(line_use.loc["2019-02", "share_percent"]),
        "li_growth_x": linkedin_growth_since_article(),
    }
