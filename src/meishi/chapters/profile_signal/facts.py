"""Chapter 1's numbers: tenure, job mobility, lifetime employment, pay by age.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...data import load
from ...data.series import job_mobility, lifetime_measure, linkedin_growth_since_article
from ...models.signal import signal

__all__ = ["BaseRate", "base_rates", "facts"]


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


def base_rates() -> dict[str, BaseRate]:
    """The widget's sourced base rates, by preset name, in the order shown."""
    ratio = job_mobility("job_changer_ratio").iloc[-1]
    year = int(ratio["year"])
    wanting = job_mobility("wanting_to_change_share").set_index("year")["value"]
    rates = [
        BaseRate("Japan: changed jobs", "JP changed", float(ratio["value"]), str(year),
                 "employed people who moved to another employer in the year", True),
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
    sig_jp = signal(jp_rate / 100, 0.6, 0.05)
    sig_want = signal(want_rate / 100, 0.6, 0.05)
    sig_eu = signal(eu_rate / 100, 0.6, 0.05)
    sig_oecd = signal(oecd_rate / 100, 0.6, 0.05)
    sig_norm = signal(jp_rate / 100, 0.8, 0.5)
    worked = signal(0.05, 0.6, 0.05)  # the worked example: 2,000 workers, 5% looking
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
        "changers_latest_year": int(changers["year"].iloc[-1]),
        "changers_latest_m": float(changers["value"].iloc[-1]) / 100,
        "wanting_first_year": int(wanting["year"].iloc[0]),
        "wanting_first_m": float(wanting["value"].iloc[0]) / 100,
        "wanting_2023_m": at(wanting, 2023) / 100,
        "wanting_share": float(share["value"]),
        "wanting_share_year": int(share["year"]),
        "ratio_jp": jp_rate,
        "ratio_jp_year": int(jp.year),
        "ratio_first": at(ratio, int(ratio["year"].iloc[0])),
        "ratio_first_year": int(ratio["year"].iloc[0]),
        "ratio_2019": at(ratio, 2019),
        "ratio_2021": at(ratio, 2021),
        "want_rate": want_rate,
        "eu_rate": eu_rate,
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
        # the worked example in counts (stylised round numbers)
        **worked_counts,
        "worked_post": 100 * worked.posterior,
        "worked_lift": worked.lift,
        # exercise 1: stayers' polishing rate that makes the lift 2 at Japan's base rate
        "ex1_pn": 100 * 0.6 * (0.5 - b) / (1 - b),
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
    }
