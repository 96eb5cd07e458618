"""Chapter 1's numbers: tenure, job mobility, lifetime employment, pay by age.

Every number the chapter's prose, quiz and widget presets quote is read
here from the course data (``assets/data``).
"""

from __future__ import annotations

from typing import Any

from ...data import load
from ...data.series import job_mobility, lifetime_measure, linkedin_growth_since_article
from ...models.signal import signal

__all__ = ["base_rates", "facts"]


def base_rates() -> dict[str, tuple[float, str]]:
    """Sourced base rates (share of workers changing jobs in a year), in %."""
    ratio = job_mobility("job_changer_ratio")
    latest = ratio.iloc[-1]
    return {
        "Japan": (float(latest["value"]), f"job changers ÷ employed, {int(latest['year'])}"),
        "OECD average": (lifetime_measure("oecd_changing_each_year"),
                         "about 1 in 5 change employment situation each year"),
    }


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
    jp_rate, oecd_rate = rates["Japan"][0], rates["OECD average"][0]
    sig_jp = signal(jp_rate / 100, 0.6, 0.05)
    sig_oecd = signal(oecd_rate / 100, 0.6, 0.05)
    sig_norm = signal(oecd_rate / 100, 0.8, 0.5)

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
        "ratio_jp_year": int(job_mobility("job_changer_ratio")["year"].iloc[-1]),
        "oecd_rate": oecd_rate,
        "ono_share": lifetime_measure("lifetime_employment_share"),
        "kk_japan": lifetime_measure("core_retention_10yr"),
        "kk_us_start": lifetime_measure("core_retention_10yr_start"),
        "kk_us_end": lifetime_measure("core_retention_10yr_end"),
        "higuchi_50": lifetime_measure("never_changed_50_54"),
        "higuchi_55": lifetime_measure("never_changed_55_59"),
        "new_grad_share": lifetime_measure("new_grad_share_hiring"),
        "pay_jp_peak": float(jp_pay.max()) / 100,
        "pay_jp_60": float(jp_pay["60+"]) / 100,
        "pay_eu_max": float(eu_peaks["pay_index"].max()) / 100,
        "post_jp": 100 * sig_jp.posterior,
        "lift_jp": sig_jp.lift,
        "post_oecd": 100 * sig_oecd.posterior,
        "lift_oecd": sig_oecd.lift,
        "lr_default": sig_jp.likelihood_ratio,
        "li_growth_x": linkedin_growth_since_article(),
        "post_norm": 100 * sig_norm.posterior,
        "lift_norm": sig_norm.lift,
    }
