"""Chapter 1's numbers: tenure, job mobility, lifetime employment, pay by age.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...data import load
from ...data.series import (
    job_mobility,
    lifetime_measure,
    linkedin_growth_since_article,
    linkedin_members,
    linkedin_net_additions,
)
from ...models.signal import signal
from ...models.threshold import threshold_model

__all__ = ["DEFAULT_LIKELIHOODS", "NORM_LIKELIHOODS", "BaseRate", "LinkedInAdditions",
           "base_rates", "facts", "linkedin_additions"]

#: The signal model's stylised likelihoods (seekers, stayers who polish a profile), in %:
#: the default, and the "Profiles are the norm" preset.
DEFAULT_LIKELIHOODS = (60.0, 5.0)
NORM_LIKELIHOODS = (80.0, 50.0)


@dataclass(frozen=True)
class LinkedInAdditions:
    """New LinkedIn accounts in Japan between two of LinkedIn's own member counts.

    The member count is a stock: an account opened in 2016 still counts in
    2025, used or not, and no figure for closed accounts is published, so the
    difference of two counts is the net number of accounts added. Dividing
    it by the years between the counts gives a flow, comparable with the
    number of people who change jobs in a year (another flow).
    """

    start: str            # date of the first count, "YYYY-MM"
    end: str              # date of the second count
    years: float          # years between the two counts
    added_m: float        # net new accounts, millions
    per_year_m: float     # net new accounts a year, millions (average over the interval)
    changers_m: float     # job changers a year, millions, mean of the calendar years covered
    changer_years: tuple[int, ...]  # the years with a job-changer figure that the mean uses


def linkedin_additions() -> list[LinkedInAdditions]:
    """Net new accounts a year between consecutive counts LinkedIn itself gave
    (:func:`meishi.data.series.linkedin_net_additions`, which the conclusion
    reads too), each beside the job changers a year over the same years.

    Outside estimates and blog figures are left out, so every difference is
    taken between two figures of the same kind.
    """
    changers = job_mobility("job_changers").set_index("year")["value"] / 100
    out = []
    for row in linkedin_net_additions().itertuples():
        covered = tuple(y for y in range(int(row.start[:4]), int(row.end[:4]) + 1)
                        if y in changers.index)
        out.append(LinkedInAdditions(row.start, row.end, float(row.years),
                                     float(row.added_million), float(row.per_year_million),
                                     float(changers[list(covered)].mean()), covered))
    return out


@dataclass(frozen=True)
class BaseRate:
    """A sourced stand-in for the model's base rate: the share of workers looking to leave.

    No survey measures that share directly, so the chapter brackets it with
    measures that do exist, and says which of them compare like with like.
    """

    name: str        # the preset's name
    label: str       # short label for the chart's reference line
    value: float     # percent of workers
    year: str
    measure: str     # what exactly it counts
    job_to_job: bool  # counted like Japan's job changers (employed, moved employer in a year)


def tipping_early_share(mean: float = 0.5, spread: float = 0.2) -> float:
    """The smallest share who publish regardless (0..1, to 1e-4) at which a path that
    starts from them alone climbs to nearly everyone: below it the low equilibrium holds.
    The thresholds are the presets' (a typical threshold of half the peers)."""
    def tips(early: float) -> bool:
        r = threshold_model(mean=mean, spread=spread, early=early, start=early, rounds=25)
        return len(r.equilibria) == 1 and r.path[-1] > 0.9

    lo, hi = 0.0, 0.5
    while hi - lo > 1e-4:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if tips(mid) else (mid, hi)
    return hi


def base_rates() -> dict[str, BaseRate]:
    """The widget's sourced base rates, by preset name, in the order shown."""
    ratio = job_mobility("job_changer_ratio").iloc[-1]
    year = int(ratio["year"])
    wanting = job_mobility("wanting_to_change_share").set_index("year")["value"]
    rates = [
        BaseRate("Japan: changed jobs", "JP changed", float(ratio["value"]), str(year),
                 "employed people who moved to another employer in the year"
                 + (", computed from the release's counts" if ratio["derived"] == "yes" else ""),
                 True),
        BaseRate("Japan: want to change", "JP want", float(wanting[year]), str(year),
                 "employed people who want to change jobs or add a second one", False),
        BaseRate("EU: changed jobs (2003)", "EU changed", lifetime_measure("eu_job_to_job_2003"),
                 "2003", "employed people in a different job a year later", True),
        BaseRate("OECD: any change", "OECD any change",
                 lifetime_measure("oecd_changing_each_year"), "2012–2019",
                 "workers whose employment situation changes in a year, moves into and out "
                 "of work included", False),
    ]
    return {r.name: r for r in rates}


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    tenure = load("tenure_by_country").frame.set_index("country")
    changers = job_mobility("job_changers")
    wanting = job_mobility("wanting_to_change")
    share = job_mobility("wanting_to_change_share").iloc[-1]
    pay = load("pay_by_age").frame
    jp_pay = pay[pay["country"] == "Japan"].set_index("age_group")["pay_index"]
    eu_peaks = pay[pay["peak_only"] == "yes"]
    rates = base_rates()
    jp = rates["Japan: changed jobs"]
    jp_rate, oecd_rate = jp.value, rates["OECD: any change"].value
    want_rate = rates["Japan: want to change"].value
    eu_rate = rates["EU: changed jobs (2003)"].value
    ps, pn = (v / 100 for v in DEFAULT_LIKELIHOODS)
    sig_jp = signal(jp_rate / 100, ps, pn)
    sig_want = signal(want_rate / 100, ps, pn)
    sig_eu = signal(eu_rate / 100, ps, pn)
    sig_oecd = signal(oecd_rate / 100, ps, pn)
    sig_norm = signal(jp_rate / 100, *(v / 100 for v in NORM_LIKELIHOODS))
    worked = signal(0.05, ps, pn)  # the worked example: 2,000 workers, 5% looking
    looking = round(2000 * worked.base_rate)
    worked_counts = {
        "worked_total": 2000, "worked_looking": looking, "worked_staying": 2000 - looking,
        "worked_looking_polish": round(looking * worked.p_seeker),
        "worked_staying_polish": round((2000 - looking) * worked.p_stayer),
        "worked_polished": round(2000 * worked.share_polished),
    }
    ratio = job_mobility("job_changer_ratio")
    secrecy = load("job_search_secrecy").frame.set_index("measure")["value"]
    ever = load("ever_changed_jobs").frame.set_index("country")["share_percent"]
    b = jp_rate / 100
    adds = linkedin_additions()
    since = [a for a in adds if a.added_m > 0]
    recent = changers[changers["year"] >= 2015]

    def at(series, year):
        return float(series.loc[series["year"] == year, "value"].iloc[0])

    return {
        "tenure_jp": float(tenure.loc["Japan", "tenure_years"]),
        "tenure_us": float(tenure.loc["United States", "tenure_years"]),
        "tenure_de": float(tenure.loc["Germany", "tenure_years"]),
        "tenure_kr": float(tenure.loc["South Korea", "tenure_years"]),
        "tenure_ratio": float(tenure.loc["Japan", "tenure_years"]
                              / tenure.loc["United States", "tenure_years"]),
        "changers_first_year": int(changers["year"].iloc[0]),
        "changers_first_m": at(changers, int(changers["year"].iloc[0])) / 100,
        "changers_2010_m": at(changers, 2010) / 100,
        "changers_2019_m": at(changers, 2019) / 100,
        "changers_2019_first_m": at(job_mobility("job_changers", vintage="first"), 2019) / 100,
        "changers_2020_m": at(changers, 2020) / 100,
        "changers_2023_m": at(changers, 2023) / 100,
        "employed_2023_m": at(job_mobility("employed"), 2023) / 100,
        "changers_latest_year": int(changers["year"].iloc[-1]),
        "changers_latest_m": float(changers["value"].iloc[-1]) / 100,
        "wanting_first_year": int(wanting["year"].iloc[0]),
        "wanting_first_m": float(wanting["value"].iloc[0]) / 100,
        "wanting_2023_m": at(wanting, 2023) / 100,
        "wanting_latest_m": float(wanting["value"].iloc[-1]) / 100,
        "wanting_latest_year": int(wanting["year"].iloc[-1]),
        "want_to_change_x": at(wanting, 2023) / at(changers, 2023),
        "wanting_share": float(share["value"]),
        "wanting_share_year": int(share["year"]),
        "ratio_jp": jp_rate,
        "ratio_jp_year": int(jp.year),
        "ratio_first": at(ratio, int(ratio["year"].iloc[0])),
        "ratio_first_year": int(ratio["year"].iloc[0]),
        "ratio_2019": at(ratio, 2019),
        "ratio_2021": at(ratio, 2021),
        "ratio_min": float(ratio["value"].min()),
        "ratio_max": float(ratio["value"].max()),
        "want_rate": want_rate,
        "eu_rate": eu_rate,
        "eu_gap_years": int(jp.year) - int(rates["EU: changed jobs (2003)"].year),
        "oecd_rate": oecd_rate,
        "ono_share": lifetime_measure("lifetime_employment_share"),
        "kk_japan": lifetime_measure("core_retention_10yr"),
        "kk_us_start": lifetime_measure("core_retention_10yr_start"),
        "kk_us_end": lifetime_measure("core_retention_10yr_end"),
        "higuchi_50_working": lifetime_measure("never_changed_50_54_working"),
        "higuchi_55_working": lifetime_measure("never_changed_55_59_working"),
        "new_grad_low": lifetime_measure("new_grad_share_hiring_low"),
        "new_grad_high": lifetime_measure("new_grad_share_hiring_high"),
        "pay_jp_peak": float(jp_pay.max()) / 100,
        "pay_jp_60": float(jp_pay["60+"]) / 100,
        "pay_eu_max": float(eu_peaks["pay_index"].max()) / 100,
        "pay_jp_year": int(pay.loc[pay["country"] == "Japan", "data_year"].iloc[0]),
        "pay_eu_year": int(eu_peaks["data_year"].iloc[0]),
        "post_jp": 100 * sig_jp.posterior,
        "lift_jp": sig_jp.lift,
        "post_want": 100 * sig_want.posterior,
        "lift_want": sig_want.lift,
        "post_eu": 100 * sig_eu.posterior,
        "lift_eu": sig_eu.lift,
        "post_oecd": 100 * sig_oecd.posterior,
        "lift_oecd": sig_oecd.lift,
        "lr_default": sig_jp.likelihood_ratio,
        "li_growth_x": linkedin_growth_since_article(),
        "post_norm": 100 * sig_norm.posterior,
        "lift_norm": sig_norm.lift,
        "norm_p_seeker": NORM_LIKELIHOODS[0],
        "norm_p_stayer": NORM_LIKELIHOODS[1],
        "p_seeker_default": DEFAULT_LIKELIHOODS[0],
        # the worked example in counts (stylised round numbers)
        **worked_counts,
        "worked_base": 100 * worked.base_rate,
        "worked_post": 100 * worked.posterior,
        "worked_lift": worked.lift,
        # exercise 1: stayers' polishing rate that makes the lift 2 at Japan's base rate
        "ex1_pn": 100 * 0.6 * (0.5 - b) / (1 - b),
        "ex1_pn_frac": 0.6 * (0.5 - b) / (1 - b),
        "b_jp": b,
        # the threshold model: how many early adopters tip the presets' society
        "tip_early": 100 * tipping_early_share(),
        # do people hide a job search?
        "secrecy_days_off": float(secrecy["searched_on_days_off"]),
        "secrecy_uncomfortable": float(secrecy["uncomfortable_after_discovery"]),
        "secrecy_n": int(secrecy["respondents"]),
        "indeed_worry": float(secrecy["worry_others_find_out"]),
        "indeed_n": int(secrecy["respondents_indeed"]),
        "ever_jp": float(ever["Japan"]),
        "ever_kr": float(ever["South Korea"]),
        "ever_de": float(ever["Germany"]),
        "ever_us": float(ever["United States"]),
        "ever_uk": float(ever["United Kingdom"]),
        # stock against flow: LinkedIn's net new accounts a year against job changers a year
        "li_counts_n": len(adds) + 1,
        "li_flat_from": int(adds[0].start[:4]),
        "li_flat_to": int(adds[0].end[:4]),
        "li_flat_m": float(linkedin_members().query("basis == 'company'")["members_million"]
                           .iloc[0]),
        "add1_from": int(since[0].start[:4]),
        "add1_to": int(since[0].end[:4]),
        "add1_years": since[0].years,
        "add1_m": since[0].added_m,
        "add1_per_year": since[0].per_year_m,
        "add1_changers": since[0].changers_m,
        # LinkedIn gave "about one million" at both early counts, so the rate to add1_to
        # depends on which count one starts from: from the first, it is this lower figure
        "add1_low_per_year": sum(a.added_m for a in adds[:adds.index(since[0]) + 1])
        / sum(a.years for a in adds[:adds.index(since[0]) + 1]),
        "add2_from": int(since[-1].start[:4]),
        "add2_to": int(since[-1].end[:4]),
        "add2_years": since[-1].years,
        "add2_m": since[-1].added_m,
        "add2_per_year": since[-1].per_year_m,
        "add2_changers": since[-1].changers_m,
        "add2_changers_to": since[-1].changer_years[-1],
        "add_max_share": 100 * max(a.per_year_m / a.changers_m for a in since),
        "changers_since_min": float(recent["value"].min()) / 100,
        "changers_since_max": float(recent["value"].max()) / 100,
        "changers_since_from": int(recent["year"].iloc[0]),
    }
