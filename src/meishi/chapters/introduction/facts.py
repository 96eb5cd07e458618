"""The introduction's numbers: service use in Japan and the United States.

Every number the introduction's prose, quiz and widget presets quote is
read here from the course data (``assets/data``).
"""

from __future__ import annotations

import math
from typing import Any

from ...data import load
from ...data.series import (
    linkedin_growth_since_article,
    linkedin_members,
    linkedin_share_japan,
    year_of,
)
from ...models.lookup import expected_finds

__all__ = ["AGE_BASES", "SERVICES", "facts", "lookup_presets", "preset_bases", "preset_years"]

#: Services in the order the course shows them.
SERVICES = ("LINE", "X (Twitter)", "Instagram", "Facebook", "LinkedIn")

def _latest_shares(frame, year: int | None = None) -> dict[str, tuple[float, str]]:
    """For each service, its latest share (%) no later than ``year``, and the date."""
    out: dict[str, tuple[float, str]] = {}
    for svc in SERVICES:
        rows = frame[frame["service"] == svc]
        if year is not None:
            rows = rows[rows["date"].map(year_of) == year]
        if not rows.empty:
            last = rows.sort_values("date").iloc[-1]
            out[svc] = (float(last["share_percent"]), str(last["date"]))
    return out


def lookup_presets() -> dict[str, dict[str, float]]:
    """Preset shares (in %) for the look-up widget, read from the data.

    * "Japan 2016": the MIC survey of 2016 (the last year with all four
      services) and LinkedIn members ÷ population.
    * "Japan, latest": each service's latest figure (see :func:`preset_years`).
    * "United States 2023": Pew Research Center; Pew does not ask about LINE,
      whose share is set to 0 (stylised: LINE is little used in the U.S.).
    """
    jp = load("service_use_japan").frame
    presets: dict[str, dict[str, float]] = {}
    for label, year in (("Japan 2016", 2016), ("Japan, latest", None)):
        shares = {svc: v for svc, (v, _d) in _latest_shares(jp, year).items()}
        share, _date = linkedin_share_japan(year)
        shares["LinkedIn"] = round(100 * share, 1)
        presets[label] = shares
    us = load("service_use_us").frame
    us_shares = {svc: v for svc, (v, _d) in _latest_shares(us).items()}
    presets["United States 2023"] = {"LINE": 0.0, **us_shares}
    return {k: {svc: v[svc] for svc in SERVICES} for k, v in presets.items()}


#: How each age base of the MIC survey is named under a bar.
AGE_BASES = {"13-69": "used it, ages 13–69 (MIC)",
             "13-69, recomputed": "used it, ages 13–69 (MIC, recomputed)"}


def preset_bases() -> dict[str, dict[str, str]]:
    """What each preset's share measures, service by service (shown under each bar).

    The presets cannot put every bar on one base: the MIC survey does not ask
    about LinkedIn, and Pew does not ask about LINE. The MIC figures say their
    age base: from FY2024 the survey asks ages 13 to 79, and MIC recomputed
    its 2024 figure for ages 13 to 69 (the ``age_base`` column).
    """
    jp = load("service_use_japan").frame
    us = dict.fromkeys(SERVICES, "US adults who use it (Pew)")
    us["LINE"] = "not asked by Pew: 0 (stylised)"
    out: dict[str, dict[str, str]] = {}
    for name, year in (("Japan 2016", 2016), ("Japan, latest", None)):
        bases = {}
        for svc, (_v, date) in _latest_shares(jp, year).items():
            row = jp[(jp["service"] == svc) & (jp["date"] == date)].iloc[0]
            bases[svc] = AGE_BASES[str(row["age_base"])]
        bases["LinkedIn"] = "members ÷ population: not usage"
        out[name] = {svc: bases[svc] for svc in SERVICES}
    out["United States 2023"] = us
    return out


def preset_years() -> dict[str, str]:
    """The date of each figure in the "Japan, latest" preset, e.g. {'LINE': '2024-12'}."""
    years = {svc: d for svc, (_v, d) in _latest_shares(load("service_use_japan").frame).items()}
    years["LinkedIn"] = linkedin_share_japan()[1]
    return years


def facts() -> dict[str, Any]:
    """Numbers the introduction's prose quotes (glued into the text)."""
    jp = load("service_use_japan").frame
    li = linkedin_members()

    def share(service: str, year: int) -> float:
        rows = jp[(jp["service"] == service) & jp["date"].str.startswith(str(year))]
        return float(rows["share_percent"].iloc[0])

    first, last = li.iloc[0], li.iloc[-1]
    mid = li[li["date"].str.startswith("2015")].iloc[0]
    # how long the count stayed at the article's level, and the next, higher count
    after = li[li["date"] > mid["date"]]
    flat = after[after["members_million"] <= mid["members_million"]]
    rose = after[after["members_million"] > mid["members_million"]].iloc[0]
    presets = lookup_presets()
    jp16, us = presets["Japan 2016"], presets["United States 2023"]
    exp = expected_finds(20, {k: v / 100 for k, v in jp16.items()})
    exp_us = expected_finds(20, {k: v / 100 for k, v in us.items()})
    latest = expected_finds(20, {k: v / 100 for k, v in presets["Japan, latest"].items()})
    x5 = expected_finds(20, {"LinkedIn": 5 * jp16["LinkedIn"] / 100})
    li = exp.platforms.index("LinkedIn")
    return {
        "line_2014": share("LINE", 2014),
        "line_2024": share("LINE", 2024),
        "fb_2013": share("Facebook", 2013),
        "fb_2017": share("Facebook", 2017),
        "x_2017": share("X (Twitter)", 2017),
        "x_fy2018": share("X (Twitter)", 2019),  # the FY2018 survey, fieldwork early 2019
        "fb_2016": share("Facebook", 2016),
        "li_2015_m": float(mid["members_million"]),
        "li_latest_m": float(last["members_million"]),
        # "since the article": still about a million at the next count, then higher
        "li_flat_until": year_of(str(flat["date"].iloc[-1])) if not flat.empty else year_of(
            str(mid["date"])),
        "li_rose_m": float(rose["members_million"]),
        "li_rose_year": year_of(str(rose["date"])),
        "li_latest_year": int(str(last["date"])[:4]),
        "li_first_year": int(str(first["date"])[:4]),
        "li_growth_x": linkedin_growth_since_article(),
        "li_share_2016": jp16["LinkedIn"],
        "li_share_latest": presets["Japan, latest"]["LinkedIn"],
        "li_share_us": us["LinkedIn"],
        "exp_li_jp16": float(exp.expected[exp.platforms.index("LinkedIn")]),
        "pany_li_jp16": 100 * float(exp.p_any[exp.platforms.index("LinkedIn")]),
        "empty_li_jp16": 100 * (1 - float(exp.p_any[exp.platforms.index("LinkedIn")])),
        "exp_fb_jp16": float(exp.expected[exp.platforms.index("Facebook")]),
        "exp_line_jp16": float(exp.expected[exp.platforms.index("LINE")]),
        "exp_li_us": float(exp_us.expected[exp_us.platforms.index("LinkedIn")]),
        "exp_li_jp16_x5": 5 * float(exp.expected[exp.platforms.index("LinkedIn")]),
        "cards_one_li_jp16": math.ceil(100 / jp16["LinkedIn"]),
        "cards_one_li_us": math.ceil(100 / us["LinkedIn"]),
        "line_latest": presets["Japan, latest"]["LINE"],
        "line_latest_year": year_of(preset_years()["LINE"]),
        "fb_latest": presets["Japan, latest"]["Facebook"],
        "fb_latest_year": year_of(preset_years()["Facebook"]),
        # things to try 3: the "Japan, latest" preset, twenty cards
        "exp_li_latest": float(latest.expected[li]),
        "pany_li_latest": 100 * float(latest.p_any[li]),
        "empty_li_latest": 100 * (1 - float(latest.p_any[li])),
        # exercise 3: five times the 2016 share
        "pany_li_jp16_x5": 100 * float(x5.p_any[0]),
        # things to try 2: the United States preset
        "exp_fb_us": float(exp_us.expected[exp_us.platforms.index("Facebook")]),
        "fb_share_us": us["Facebook"],
    }
