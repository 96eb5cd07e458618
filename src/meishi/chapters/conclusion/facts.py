"""Chapter 5's numbers: the four lenses across countries, and the ledger's verdict counts.

Every number the chapter's prose, quiz and widget quote is read here from the
course data (``assets/data``) or from the claims ledger (``chapters/claims/``).
"""

from __future__ import annotations

import itertools
from typing import Any

from ...data.series import (
    ARTICLE_DATE,
    job_mobility,
    linkedin_members,
    linkedin_net_additions,
    linkedin_per_100_japan,
)
from ...ledger import load_claims, verdict_counts
from ...models.lenses import DEFAULT_SHUFFLES, lens_test, spearman, weighted_score, weighted_test
from .lenses import LENSES, lens_points, lens_table
from .weighing import complete_countries

__all__ = ["facts", "flows", "lens_results", "source_kind_test"]


def flows() -> dict[str, float]:
    """LinkedIn's net new members a year in Japan beside job changers a year: two flows.

    The member count is a stock that only grows, so its rise is set beside a
    flow only through its yearly additions (LinkedIn's own counts, from the
    one nearest the article on).  LinkedIn's 2015 and 2016 counts are both
    "about one million", rounded, so the years to mid-2018 give a range: the
    rate from the 2015 count (low) and from the 2016 count (high).  Job
    changers a year are the Labour Force Survey's, over the same years.
    """
    adds = linkedin_net_additions()
    adds = adds[adds["start"].map(lambda d: int(d[:4])) >= ARTICLE_DATE.year]
    split_year = 2018  # LinkedIn's count of mid-2018 divides the decade into two spans
    split = adds["end"].map(lambda d: int(d[:4])) <= split_year
    early, late = adds[split], adds[~split]
    changers = job_mobility("job_changers")
    first, last = int(adds["start"].iloc[0][:4]), int(adds["end"].iloc[-1][:4])
    span = changers[(changers["year"] >= first) & (changers["year"] <= last)]
    per_year = float(adds["added_million"].sum() / adds["years"].sum())
    changers_m = float(span["value"].mean()) / 100  # 10k people -> millions
    return {
        "li_adds_first_year": first, "li_adds_last_year": last,
        "li_adds_per_year": per_year,
        "li_adds_early_low": float(early["added_million"].sum() / early["years"].sum()),
        "li_adds_early_high": float(early["per_year_million"].iloc[-1]),
        "li_adds_second_year": int(early["start"].iloc[-1][:4]),
        "li_adds_early_end": int(early["end"].iloc[-1][:4]),
        "li_adds_late": float(late["added_million"].sum() / late["years"].sum()),
        "changers_per_year": changers_m,
        "changers_min": float(span["value"].min()) / 100,
        "changers_max": float(span["value"].max()) / 100,
        "changers_first_year": int(span["year"].iloc[0]),
        "changers_last_year": int(span["year"].iloc[-1]),
        "adds_per_changer_pct": 100 * per_year / changers_m,
        "changers_per_add": changers_m / per_year,
        **_counts(),
    }


def _counts() -> dict[str, float]:
    """LinkedIn's own member counts in Japan, the first from the article's year and the last."""
    members = linkedin_members()
    own = members[(members["basis"] == "company")
                  & (members["date"].map(lambda d: int(str(d)[:4])) >= ARTICLE_DATE.year)]
    first, last = float(own["members_million"].iloc[0]), float(own["members_million"].iloc[-1])
    return {"li_count_first": first, "li_count_last": last, "li_growth_x": last / first}


def source_kind_test(table=None) -> dict[str, object]:
    """Does the KIND of LinkedIn figure sort the countries too? (a confound of every lens)

    Japan's and South Korea's latest figures are LinkedIn's own member counts;
    most others are advertising-tool estimates. If the kind of source alone
    lines up with members per head, no lens can be told apart from it.
    """
    table = lens_table() if table is None else table
    counts = sorted(c for c in table.index if table.loc[c, "linkedin_basis"] == "company")
    flag = [1.0 if c in counts else 0.0 for c in table.index]
    result = lens_test(list(table.index), flag, list(table["linkedin_per_100"]))
    return {"countries": counts, "rho": result.rho, "chance": 100 * result.chance}


def lens_results() -> dict[str, Any]:
    """Each lens's rank agreement with LinkedIn per head (the widget's default views)."""
    table = lens_table()
    out = {}
    for key in LENSES:
        countries, x, y, _missing = lens_points(key, table)
        out[key] = lens_test(countries, x, y)
    return out


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    table = lens_table()
    results = lens_results()
    counts = verdict_counts()
    claims = load_claims()
    per100 = linkedin_per_100_japan()
    out: dict[str, Any] = {
        "n_countries": len(table),
        "shuffles": DEFAULT_SHUFFLES,
        "n_claims": len(claims),
        "n_claims_essay": sum(c.essay != "implied" for c in claims),
        "li_jp_per100": float(table.loc["Japan", "linkedin_per_100"]),
        "li_us_per100": float(table.loc["United States", "linkedin_per_100"]),
        # "France and Germany also have long tenure (about ten years against Japan's twelve)"
        "tenure_jp": float(table.loc["Japan", "tenure"]),
        "tenure_fr": float(table.loc["France", "tenure"]),
        "tenure_de": float(table.loc["Germany", "tenure"]),
        "trust_jp": float(table.loc["Japan", "trust"]),
        "trust_us": float(table.loc["United States", "trust"]),
        "li_jp_per100_2015": next(v for year, v in per100 if year == 2015),
    }
    out.update(flows())
    kind = source_kind_test(table)
    out["rho_source_kind"], out["chance_source_kind"] = kind["rho"], kind["chance"]
    out["n_company_counts"] = len(kind["countries"])
    out["company_count_countries"] = " and ".join(kind["countries"])
    for verdict, n in counts.items():
        out[f"n_{verdict.replace(' ', '_')}"] = n
    data = complete_countries()
    values = [data["values"][k] for k in LENSES]
    signs = [lens.direction for lens in LENSES.values()]
    equal = weighted_test(data["countries"], values, signs, [25.0] * 4, data["linkedin"])
    out["n_complete"] = len(data["countries"])
    # A perfect fit with no weight on individualism, the lens that fits best alone: the
    # first setting on the widget's slider grid (steps of 5) that orders all six exactly.
    perfect = next(w for w in itertools.product(range(0, 101, 5), repeat=3)
                   if spearman(weighted_score(values, signs, [w[0], 0.0, w[1], w[2]]),
                               data["linkedin"]) == 1.0)
    out["perfect_tenure"], out["perfect_trust"], out["perfect_local"] = perfect
    out["rho_equal"] = equal.test.rho
    out["chance_equal"] = 100 * equal.test.chance
    for key, result in results.items():
        out[f"rho_{key}"] = result.rho
        out[f"chance_{key}"] = 100 * result.chance
        out[f"n_{key}"] = result.n
    return out
