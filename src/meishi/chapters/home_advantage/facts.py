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
    linkedin_per_100_japan,
    year_of,
)
from ...models.platforms import platform_shares

__all__ = ["PRESETS", "facts", "latest_per_100", "linkedin_per_100_japan", "model_facts"]


#: The platform model's settings the prose quotes: (d, beta, c, tau, x0), as in the widget's
#: presets of the same names (a test holds them together). Stylised.
PRESETS = {"strong": (0.0, 4.0, 0.2, 0.5, 0.01), "slow": (0.4, 2.0, 0.2, 0.5, 0.01),
           "big": (0.8, 2.0, 0.2, 0.5, 0.01)}


def model_facts() -> dict[str, float]:
    """What the platform model gives at the widget's stylised presets (the prose quotes them)."""
    strong = platform_shares(*PRESETS["strong"])  # the widget's "Strong effect, late entrant"
    slow = platform_shares(*PRESETS["slow"])      # the widget's "Slow, steady entrant"
    big = platform_shares(*PRESETS["big"])        # the widget's "Big fit advantage"
    return {
        "pf_strong_start": 100 * strong.x0,
        "pf_strong_end": 100 * float(strong.final[1]),
        "pf_strong_never": float(strong.critical_status == "never"),
        "pf_slow_crit": float(slow.critical_fit),
        "pf_slow_end": 100 * float(slow.final[1]),
        "pf_slow_long_run": 100 * slow.long_run,
        "pf_big_end": 100 * float(big.final[1]),
    }


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    per100 = latest_per_100()
    japan = linkedin_per_100_japan()
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
    age = load("service_use_by_age_japan").frame
    fb = age[age["service"] == "Facebook"].set_index(["survey", "age_group"])["share_percent"]
    return {
        "li_per100_jp": per100["Japan"][0],
        "li_per100_jp_2015": next(v for y, v in japan if y == 2015),
        "li_per100_kr": per100["South Korea"][0],
        "li_per100_us": per100["United States"][0],
        "li_per100_uk": per100["United Kingdom"][0],
        "li_per100_cn": per100["China"][0],
        "li_per100_de": per100["Germany"][0],
        "li_growth_x": linkedin_growth_since_article(),
        "wantedly_first": float(wantedly["value_million"].iloc[0]),
        "wantedly_first_year": year_of(wantedly["date"].iloc[0]),
        "wantedly_latest": float(wantedly["value_million"].iloc[-1]),
        "wantedly_latest_year": year_of(wantedly["date"].iloc[-1]),
        "eight_latest": float(eight["value_million"].iloc[-1]),
        "eight_latest_year": year_of(eight["date"].iloc[-1]),
        "doda_members": float(doda["value_million"]),
        "doda_year": year_of(doda["date"]),
        "xing_2013": float(xing[xing["date"] == "2013-12"]["members_million"].iloc[0]),
        "xing_latest": float(xing["members_million"].iloc[-1]),
        "xing_latest_year": year_of(xing["date"].iloc[-1]),
        "li_dach_2016": float(li_dach["members_million"].iloc[0]),
        "li_dach_latest": float(li_dach["members_million"].iloc[-1]),
        "li_dach_latest_year": year_of(li_dach["date"].iloc[-1]),
        "maimai_2019": float(china[("Maimai", "2019-08")]),
        "li_china_2017": float(china[("LinkedIn", "2017")]),
        "fb_20s_2016": float(fb[("FY2016", "20-29")]),
        "fb_20s_2018": float(fb[("FY2018", "20-29")]),
        "fb_teens_2016": float(fb[("FY2016", "13-19")]),
        "fb_60s_2016": float(fb[("FY2016", "60-69")]),
        **model_facts(),
    }
