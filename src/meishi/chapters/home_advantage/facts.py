"""Chapter 4's numbers: LinkedIn per head abroad, Japanese services, local networks elsewhere.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``).
"""

from __future__ import annotations

from typing import Any

from ...data import load
from ...data.series import (
    latest_per_100,
    linkedin_growth_since_article,
    linkedin_members,
    linkedin_per_100_japan,
    year_of,
)
from ...models.platforms import platform_shares

__all__ = ["PRESETS", "SOCIAL_FIT", "SOCIAL_TIPPED_FIT", "facts", "latest_per_100",
           "linkedin_per_100_japan", "model_facts", "social_tipping_fit"]


#: The platform model's settings the prose quotes: (d, beta, c, tau, x0), as in the widget's
#: presets of the same names (a test holds them together). Stylised.
PRESETS = {"strong": (0.0, 4.0, 0.2, 0.5, 0.01), "slow": (0.4, 2.0, 0.2, 0.5, 0.01),
           "big": (0.8, 2.0, 0.2, 0.5, 0.01), "none": (0.2, 0.0, 0.2, 0.5, 0.30),
           "social": (0.2, 2.0, 0.2, 0.5, 0.30)}
#: The social network's fit in the widget's "Social network in the mix" preset, and a fit on
#: the slider's steps (0.05) just past the point where it tips the market. Stylised.
SOCIAL_FIT = 0.5
SOCIAL_TIPPED_FIT = 0.6


def social_tipping_fit(step: float = 0.01) -> float:
    """The least social-network fit, on a grid of ``step``, at which the widget's default market
    with the social network switched on ends (after the widget's 80 rounds) with the social
    network holding a majority; NaN if none up to 1."""
    d, beta, c, tau, x0 = PRESETS["social"]
    for k in range(round(2 / step) + 1):
        f_s = round(-1 + k * step, 10)
        if platform_shares(d, beta, c, tau, x0, social=True, f_s=f_s).final[2] > 0.5:
            return f_s
    return float("nan")


def model_facts() -> dict[str, float]:
    """What the platform model gives at the widget's stylised presets (the prose quotes them)."""
    strong = platform_shares(*PRESETS["strong"])  # the widget's "Strong effect, late entrant"
    slow = platform_shares(*PRESETS["slow"])      # the widget's "Slow, steady entrant"
    big = platform_shares(*PRESETS["big"])        # the widget's "Big fit advantage"
    default = platform_shares(*PRESETS["social"])  # the widget's defaults, social network off
    social = platform_shares(*PRESETS["social"], social=True, f_s=SOCIAL_FIT)
    tip = social_tipping_fit()
    tipped = platform_shares(*PRESETS["social"], social=True, f_s=SOCIAL_TIPPED_FIT)
    none = platform_shares(*PRESETS["none"])      # the widget's "No network effect"
    return {
        "pf_none_eq": 100 * none.equilibria[0].share,
        "pf_none_count": float(len(none.equilibria)),
        "pf_strong_start": 100 * strong.x0,
        "pf_strong_end": 100 * float(strong.final[1]),
        "pf_strong_never": float(strong.critical_status == "never"),
        "pf_slow_crit": float(slow.critical_fit),
        "pf_slow_end": 100 * float(slow.final[1]),
        "pf_slow_long_run": 100 * slow.long_run,
        "pf_big_end": 100 * float(big.final[1]),
        "pf_default_start": 100 * default.x0,
        "pf_default_end": 100 * float(default.final[1]),
        "pf_social_fit": SOCIAL_FIT,
        "pf_social_local": 100 * float(social.final[0]),
        "pf_social_entrant": 100 * float(social.final[1]),
        "pf_social_share": 100 * float(social.final[2]),
        "pf_social_tip": tip,
        "pf_social_tipped_fit": SOCIAL_TIPPED_FIT,
        "pf_social_tipped": 100 * float(tipped.final[2]),
        "pf_social_tipped_rest": 100 * float(tipped.final[0] + tipped.final[1]),
    }


def _linkedin_facts() -> dict[str, float]:
    """LinkedIn per head: latest figures, their years, and the comparisons of source kinds."""
    per100 = latest_per_100()
    japan = linkedin_per_100_japan()
    members = linkedin_members()
    by_country = load("linkedin_members_by_country").frame
    us = by_country[by_country["country"] == "United States"].set_index(["date", "basis"])
    china = by_country[by_country["country"] == "China"].set_index(["date", "basis"])
    out = {"li_per100_jp_2015": next(v for y, v in japan if y == 2015),
           "li_members_jp": float(members["members_million"].iloc[-1]),
           "li_members_jp_year": year_of(members["date"].iloc[-1]),
           # the earliest count the course has (a press estimate): LinkedIn already had Japanese
           # users before Eight, the card app, was released (2012, gaiax_2017_eight)
           "li_members_jp_first": float(members["members_million"].iloc[0]),
           "li_members_jp_first_year": year_of(members["date"].iloc[0]),
           "li_growth_x": linkedin_growth_since_article()}
    for key, country in (("jp", "Japan"), ("kr", "South Korea"), ("us", "United States"),
                         ("uk", "United Kingdom"), ("cn", "China"), ("de", "Germany"),
                         ("in", "India")):
        value, date, _basis = per100[country]
        out[f"li_per100_{key}"] = value
        out[f"li_per100_{key}_year"] = year_of(date)
    # The same country and year read two ways: LinkedIn's own count (August 2018) against an
    # outside count (Thinknum's count of LinkedIn's public data; LinkedIn's advertising tool).
    out["li_us_own_2018"] = float(us.loc[("2018-08", "company"), "members_million"])
    out["li_us_outside_2018"] = float(us.loc[("2018", "estimate"), "members_million"])
    out["li_us_own_over_outside_pct"] = 100 * (out["li_us_own_2018"]
                                               / out["li_us_outside_2018"] - 1)
    out["li_cn_own_2018"] = float(china.loc[("2018-08", "company"), "members_million"])
    out["li_cn_ad_2018"] = float(china.loc[("2018-02", "estimate"), "members_million"])
    out["li_cn_2021"] = float(china.loc[("2021-10", "company"), "members_million"])
    return out


def _facebook_facts() -> dict[str, float]:
    """Facebook use by age (every group and year the course has), overall, and what users
    said they enjoy doing there (2012)."""
    age = load("service_use_by_age_japan").frame
    fb = age[age["service"] == "Facebook"]
    out: dict[str, float] = {}
    for row in fb.itertuples():
        group = {"13-19": "teens"}.get(row.age_group, f"{row.age_group[:2]}s")
        out[f"fb_{group}_{row.survey[2:]}"] = float(row.share_percent)
    overall = load("service_use_japan").frame
    overall = overall[overall["service"] == "Facebook"]
    for row in overall.itertuples():
        out[f"fb_all_{year_of(row.date) - (1 if row.date.endswith('-02') else 0)}"] = \
            float(row.share_percent)
    uses = load("facebook_uses_japan").frame.set_index("measure")["value"]
    out["fb_enjoy_business"] = float(uses["build job or business contacts"])
    out["fb_enjoy_own_news"] = float(uses["post own news"])
    return out


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    dom = load("domestic_platforms_japan").frame
    users = dom[dom["unit"] == "users"]
    wantedly = users[(users["service"] == "Wantedly")
                     & (users["measure"] != "student users")].sort_values("date")
    eight = users[users["service"] == "Eight"].sort_values("date")
    doda = dom[dom["service"] == "doda"].iloc[-1]
    local = load("local_networks_abroad").frame
    dach = local[local["region"] == "DACH"]
    xing = dach[dach["service"] == "XING"].sort_values("date")
    li_dach = dach[(dach["service"] == "LinkedIn") & (dach["basis"] != "blog")].sort_values("date")
    china = local[local["region"] == "China"].set_index(["service", "date"])["members_million"]
    return {
        **_linkedin_facts(),
        "wantedly_first": float(wantedly["value_million"].iloc[0]),
        "wantedly_first_year": year_of(wantedly["date"].iloc[0]),
        "wantedly_latest": float(wantedly["value_million"].iloc[-1]),
        "wantedly_latest_year": year_of(wantedly["date"].iloc[-1]),
        "eight_latest": float(eight["value_million"].iloc[-1]),
        "eight_latest_year": year_of(eight["date"].iloc[-1]),
        "doda_members": float(doda["value_million"]),
        "doda_year": year_of(doda["date"]),
        "xing_2008": float(xing[xing["date"] == "2008"]["members_million"].iloc[0]),
        "xing_2013": float(xing[xing["date"] == "2013-12"]["members_million"].iloc[0]),
        "xing_latest": float(xing["members_million"].iloc[-1]),
        "xing_latest_year": year_of(xing["date"].iloc[-1]),
        "li_dach_2016": float(li_dach["members_million"].iloc[0]),
        "li_dach_latest": float(li_dach["members_million"].iloc[-1]),
        "li_dach_latest_year": year_of(li_dach["date"].iloc[-1]),
        "maimai_2019": float(china[("Maimai", "2019-08")]),
        "remember_2022": float(local[local["service"] == "Remember"]["members_million"].iloc[-1]),
        "li_china_2017": float(china[("LinkedIn", "2017")]),
        **_facebook_facts(),
        **model_facts(),
    }
