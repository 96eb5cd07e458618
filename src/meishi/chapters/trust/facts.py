"""Chapter 3's numbers: general trust, Yamagishi's studies, hiring routes, business cards.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``).
"""

from __future__ import annotations

from typing import Any

from ...data import load
from ...data.series import linkedin_growth_since_article, trust_wave7
from ...models.commitment import commitment, outside_payoff
from ...models.introductions import introductions

__all__ = ["EXAMPLE", "WAVES", "facts", "japan_survey_years", "model_facts", "trust_wave7",
           "trust_waves"]


#: The worked example (stylised): a partner's deal is worth 50; four strangers make offers
#: between 30 and 70, and one stranger in four cheats.
EXAMPLE = {"p": 0.25, "w": 0.2, "n": 4}


def widget_defaults(**changes: float) -> dict[str, float | int]:
    """The commitment widget's default settings as model parameters, with ``changes``
    (in the widget's own units: percent, points, offers)."""
    from .widgets import CommitmentWidget  # widgets import the models, not this module

    # controls() and read() are pure: call them without making a widget, since a widget
    # made here would put widget state (and the widget runtime) on every page that glues
    # these facts, the teacher's guide included
    values = {c.name: c.default for c in CommitmentWidget.controls(None)}
    return CommitmentWidget.read(None, {**values, **changes})


def _try_facts() -> dict[str, float]:
    """The commitment widget at the settings of things to try 3 and 4 (others at default)."""
    out: dict[str, float] = {}
    for key, changes in {"try3": {"p": 0.0}, "try4": {"n": 1.0, "k": 0.0}}.items():
        s = widget_defaults(**changes)
        res = commitment(s["p"], s["w"], s["n"], s["k"], s["x0"])
        here = outside_payoff(s["p"], s["w"], s["n"], s["k"], x=s["x0"])
        tips = [e.share for e in res.equilibria if not e.stable and 0 < e.share < 1]
        out[f"{key}_committed"] = 100 * s["x0"]
        out[f"{key}_here"] = 100 * here.expected
        out[f"{key}_no_deal"] = 100 * here.p_no_deal
        out[f"{key}_open"] = 100 * res.outside.expected
        out[f"{key}_tips"] = len(tips)
        if tips:
            out[f"{key}_tip"] = 100 * tips[0]
    out["try4_cheats"] = 100 * widget_defaults()["p"]
    return out


def model_facts() -> dict[str, float]:
    """Numbers the chapter quotes from its models, at stated (stylised) settings."""
    ex0 = outside_payoff(k=0.0, **EXAMPLE)
    ex6 = outside_payoff(k=0.6, **EXAMPLE)
    thin = outside_payoff(k=0.0, x=0.75, **EXAMPLE)
    closed = commitment(0.3, 0.3, 10, 0.2, 0.9)  # the widget's "Closed market" preset
    closed_here = outside_payoff(0.3, 0.3, 10, 0.2, x=0.9)
    tip_closed = [e.share for e in closed.equilibria if not e.stable and 0 < e.share < 1]
    opened = commitment(0.3, 0.4, 10, 0.8, 0.9)
    opened_low = commitment(0.3, 0.4, 10, 0.8, 0.5)
    tip_open = [e.share for e in opened.equilibria if not e.stable and 0 < e.share < 1]
    low, high = introductions(0.0), introductions(0.3)
    openp = introductions(0.0, norm="open")
    return {
        "ex_best_offer": 100 * (0.5 - EXAMPLE["w"] + 2 * EXAMPLE["w"] * 4 / 5),
        "ex_outside": 100 * ex0.expected,
        "ex_outside_screen": 100 * ex6.expected,
        # the working of the screened example: offers kept, and the share of those from cheats
        "ex_kept": 100 * (1 - EXAMPLE["p"] * 0.6),
        "ex_cheat_left": 100 * EXAMPLE["p"] * (1 - 0.6) / (1 - EXAMPLE["p"] * 0.6),
        "ex_cheated": 100 * ex0.p_cheated,
        "ex_thin": 100 * thin.expected,
        "ex_thin_no_deal": 100 * thin.p_no_deal,
        "closed_committed": 100 * closed.x0,
        "partner_pay": 100 * closed.stay,
        "closed_outside": 100 * closed.outside.expected,
        "closed_here": 100 * closed_here.expected,
        "closed_tip": 100 * tip_closed[0],
        "closed_end": 100 * float(closed.path[-1]),
        "open_outside": 100 * opened.outside.expected,
        "open_end": 100 * float(opened.path[-1]),
        "open_end_low": 100 * float(opened_low.path[-1]),
        "open_tip": 100 * tip_open[0],
        "net_people": low.people,
        "net_reach_low": low.average_norm.reach,
        "net_reach_high": high.average_norm.reach,
        "net_outside_high": high.average.two_step_outside,
        "net_vet_open": openp.average_norm.to_vet,
        **_try_facts(),
    }


#: World Values Survey waves charted for Japan and the United States (wave 1 is uncertain:
#: see the trust_japan_waves data note)
WAVES = (2, 3, 4, 5, 6, 7)


def trust_waves(base: str = "all_answers") -> dict[str, dict[int, float]]:
    """"Most people can be trusted", WVS waves 2-7, Japan and the United States, one base."""
    df = load("trust_japan_waves").frame
    df = df[(df["survey"] == "WVS") & (df["base"] == base) & df["wave"].isin(WAVES)]
    return {c: {int(w): float(v) for w, v in zip(g["wave"], g["share_percent"], strict=True)}
            for c, g in df.groupby("country")}


def japan_survey_years() -> dict[int, int]:
    """Japan's own WVS fieldwork year for each wave (Dentsu Institute)."""
    df = load("trust_japan_waves").frame
    df = df[(df["country"] == "Japan") & (df["survey"] == "WVS") & df["survey_year"].notna()]
    return {int(w): int(y) for w, y in zip(df["wave"], df["survey_year"], strict=True)}


def trust_wave_facts() -> dict[str, float]:
    """The two countries over the waves, on the chapter's one base (share of all respondents)."""
    waves = trust_waves()
    jp, us = waves["Japan"], waves["United States"]
    years = japan_survey_years()
    later = [w for w in WAVES if w != WAVES[0]]
    excl = trust_waves("excluding_dont_know")["Japan"]
    df = load("trust_japan_waves").frame
    abs_ = df[(df["survey"] == "Asian Barometer") & (df["base"] == "all_answers")]
    out: dict[str, float] = {}
    df_n = df[(df["survey"] == "WVS") & (df["base"] == "all_answers") & (df["wave"] == WAVES[-1])]
    n = df_n.set_index("country")["sample_n"]
    out["trust_n_jp_w7"] = int(n["Japan"])
    out["trust_n_us_w7"] = int(n["United States"])
    for w in WAVES:
        out[f"trust_jp_w{w}"] = jp[w]
        out[f"trust_us_w{w}"] = us[w]
        out[f"trust_year_w{w}"] = years[w]
    out.update({
        "trust_gap_first": us[WAVES[0]] - jp[WAVES[0]],
        "trust_gap_later_max": max(abs(us[w] - jp[w]) for w in later),
        "trust_jp_higher_n": sum(1 for w in later if jp[w] > us[w]),
        "trust_us_higher_n": sum(1 for w in later if us[w] > jp[w]),
        "trust_later_n": len(later),
        # share of Japanese respondents without a trust answer in 2019, from the two bases
        "trust_jp_no_answer": 100 * (1 - jp[WAVES[-1]] / excl[WAVES[-1]]),
        "trust_abs_min": float(abs_["share_percent"].min()),
        "trust_abs_max": float(abs_["share_percent"].max()),
    })
    return out


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    trust = trust_wave7()
    studies = load("trust_studies").frame.set_index("measure")["value"]
    routes = load("hiring_routes_japan").frame
    allh = routes[(routes["population"] == "all_hires") & (routes["measure"] == "route_share")]
    conn = allh[allh["route"] == "personal_connections"].set_index("data_year")["share_percent"]
    changers = routes[(routes["population"] == "job_changers")
                      & (routes["measure"] == "route_share")]
    agency = changers[changers["route"] == "private_agency"].set_index("data_year")[
        "share_percent"]
    cards = load("business_cards").frame.set_index("measure")["value"]
    intro = load("introductions_japan").frame.set_index("measure")["value"]
    fb = load("facebook_uses_japan").frame.set_index("measure")["value"]
    return {
        "trust_jp": trust["Japan"][0],
        "trust_us": trust["United States"][0],
        "trust_kr": trust["South Korea"][0],
        "trust_de": trust["Germany"][0],
        "trust_se": trust["Sweden"][0],
        "trust_cn": trust["China"][0],
        "trust_uk": trust["United Kingdom"][0],
        "trust_fr": trust["France"][0],
        "trust_au": trust["Australia"][0],
        "trust_br": trust["Brazil"][0],
        **trust_wave_facts(),
        "yy_japan_n": int(studies["respondents_japan"]),
        "yy_us_n": int(studies["respondents_us"]),
        "ism_general_trust_2013": float(studies["general_trust_class_share_japan_2013"]),
        "conn_2000": float(conn[2000]),
        "conn_2013": float(conn[2013]),
        "agency_2012": float(agency[2012]),
        "agency_2016": float(agency[2016]),
        "cards_per_year_bn": float(cards["cards_exchanged_per_year_japan"]),
        "cards_per_person": float(cards["cards_exchanged_per_person_per_year"]),
        "card_people_m": float(cards["people_exchanging_cards_japan"]),
        # the company's two rounded totals divided (its own per-person average differs a little)
        "cards_totals_per_person": float(1000 * cards["cards_exchanged_per_year_japan"]
                                         / cards["people_exchanging_cards_japan"]),
        # a fall, given as a positive share (the data record it as a negative change)
        "cards_covid_fall": -float(cards["change_in_cards_exchanged_covid"]),
        "fewer_paper_cards": float(cards["sales_staff_exchanging_fewer_paper_cards"]),
        "intro_use": float(intro["uses_introductions_for_new_clients"]),
        "intro_best": float(intro["introductions_most_productive_method"]),
        "cold_calls": float(intro["uses_cold_calls_or_visits"]),
        "li_growth_x": linkedin_growth_since_article(),
        "fb_business": float(fb["build job or business contacts"]),
        "fb_friends_news": float(fb["check friends' news"]),
        "fb_own_news": float(fb["post own news"]),
        **model_facts(),
    }
