"""Series that more than one chapter reads, in one place.

Chapters never import each other; what two chapters both need (LinkedIn's
members in Japan, Japan's population, the job-mobility series, the date of
the article) lives here, read from the course data.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .store import load

__all__ = [
    "ARTICLE_DATE",
    "ARTICLE_YEAR",
    "job_mobility",
    "latest_per_100",
    "latest_source_kind",
    "lifetime_measure",
    "linkedin_growth_since_article",
    "linkedin_members",
    "linkedin_net_additions",
    "linkedin_per_100_japan",
    "linkedin_share_japan",
    "population",
    "trust_wave7",
    "with_gaps",
    "year_float",
    "year_of",
]

#: When the article the course starts from was published (Riney, 13 January
#: 2015; see the bibliography).
ARTICLE_DATE = dt.date(2015, 1, 13)
#: The same date as a fractional year, for chart annotations.
ARTICLE_YEAR = ARTICLE_DATE.year + (ARTICLE_DATE.timetuple().tm_yday - 0.5) / 365


def year_of(date: str) -> int:
    """'2016-11' -> 2016."""
    return int(str(date)[:4])


def year_float(date: str) -> float:
    """'2016-11' -> 2016.83 (mid-month), '2016' -> 2016.5."""
    year, _, month = str(date).partition("-")
    return int(year) + ((int(month) - 0.5) / 12 if month else 0.5)


def with_gaps(years, values) -> tuple[np.ndarray, np.ndarray]:
    """Insert NaN for missing years so a line breaks where there is no data."""
    full = np.arange(int(min(years)), int(max(years)) + 1)
    lookup = dict(zip((int(y) for y in years), values, strict=True))
    return full, np.array([lookup.get(int(y), np.nan) for y in full], dtype=float)


def population(year: int) -> float:
    """Japan's population (millions) in the figure nearest to ``year``."""
    pop = load("population_japan").frame
    row = pop.loc[(pop["date"].map(year_of) - year).abs().idxmin()]
    return float(row["population_million"])


def linkedin_members(include_blog: bool = False) -> pd.DataFrame:
    """LinkedIn members in Japan (millions), oldest first; blog figures only if asked."""
    members = load("linkedin_members_japan").frame
    return members if include_blog else members[members["basis"] != "blog"]


def linkedin_share_japan(year: int | None = None) -> tuple[float, str]:
    """LinkedIn members in Japan ÷ population, from the latest member figure no later
    than ``year`` (the latest of all if ``None``), and that figure's date.

    An upper bound on the share of people who use LinkedIn: members include
    dormant accounts and foreign residents.
    """
    members = linkedin_members()
    if year is not None:
        members = members[members["date"].map(year_of) <= year]
    if members.empty:
        raise ValueError(f"no LinkedIn member figure for Japan by {year}")
    latest = members.iloc[-1]
    return (float(latest["members_million"]) / population(year_of(latest["date"])),
            str(latest["date"]))


def linkedin_growth_since_article() -> float:
    """Latest LinkedIn members in Japan ÷ the figure from the article's year."""
    members = linkedin_members()
    then = members[members["date"].map(year_of) == ARTICLE_DATE.year].iloc[0]
    return float(members["members_million"].iloc[-1]) / float(then["members_million"])


def job_mobility(series: str, vintage: str = "latest") -> pd.DataFrame:
    """One series of ``job_mobility_japan``, one row per year.

    ``vintage="latest"`` keeps a later release's figure where a year was
    revised; ``"first"`` keeps the first release's.
    """
    df = load("job_mobility_japan").frame
    df = df[df["series"] == series].copy()
    order = {"first release": 0, "only figure found": 1, "later release": 2}
    df["rank"] = df["vintage"].map(order)
    df = df.sort_values(["year", "rank"])
    keep = "last" if vintage == "latest" else "first"
    return df.drop_duplicates("year", keep=keep).reset_index(drop=True)


def lifetime_measure(name: str) -> float:
    """One measure of how widespread lifetime employment is (``lifetime_employment``)."""
    df = load("lifetime_employment").frame
    return float(df.loc[df["measure"] == name, "value"].iloc[0])


def linkedin_net_additions() -> pd.DataFrame:
    """LinkedIn's net new members a year in Japan between consecutive company counts.

    The member count is a stock that never falls (accounts stay counted), so
    its yearly change is the flow to set beside a yearly flow such as job
    changers.  Only LinkedIn's own counts are used (press and blog estimates
    are on other bases).  One row per interval: ``start``, ``end`` (dates),
    ``years`` between them, ``added_million`` and ``per_year_million``.
    """
    members = linkedin_members()
    members = members[members["basis"] == "company"]
    rows = []
    for (_, a), (_, b) in zip(members.iloc[:-1].iterrows(), members.iloc[1:].iterrows(),
                              strict=True):
        years = year_float(b["date"]) - year_float(a["date"])
        added = float(b["members_million"]) - float(a["members_million"])
        rows.append({"start": str(a["date"]), "end": str(b["date"]), "years": years,
                     "added_million": added, "per_year_million": added / years})
    return pd.DataFrame(rows)


def linkedin_per_100_japan() -> list[tuple[int, float]]:
    """LinkedIn members per 100 people in Japan, by year of each (non-blog) member figure."""
    out = []
    for _, row in linkedin_members().iterrows():
        year = year_of(row["date"])
        out.append((year, 100 * float(row["members_million"]) / population(year)))
    return out


def latest_per_100() -> dict[str, tuple[float, str, str]]:
    """Each country's latest LinkedIn members per 100 people, with its date and basis,
    LinkedIn's own figures and outside estimates only (blog figures left out)."""
    df = load("linkedin_members_by_country").frame
    df = df[df["basis"] != "blog"].sort_values("date")
    out = {str(c): (float(r["members_per_100"]), str(r["date"]), str(r["basis"]))
           for c, r in df.groupby("country").tail(1).set_index("country").iterrows()}
    _year, value = linkedin_per_100_japan()[-1]
    members = linkedin_members()
    out["Japan"] = (value, str(members["date"].iloc[-1]), str(members["basis"].iloc[-1]))
    return out


def latest_source_kind() -> dict[str, str]:
    """Each country's latest LinkedIn figure's kind of source (``source_kind`` in
    linkedin_members_by_country; Japan's is LinkedIn's own member count), for the
    figures :func:`latest_per_100` picks."""
    frame = load("linkedin_members_by_country").frame.set_index(["country", "date"])
    out = {}
    for country, (_v, date, basis) in latest_per_100().items():
        if country == "Japan":
            out[country] = "LinkedIn member count" if basis == "company" else basis
        else:
            out[country] = str(frame.loc[(country, date), "source_kind"])
    return out


def trust_wave7() -> dict[str, tuple[float, str]]:
    """"Most people can be trusted" (% of all respondents), 2017–2022 round, by country,
    with the survey it comes from (WVS wave 7, or EVS round 5 where WVS has no survey)."""
    df = load("general_trust").frame
    df = df[(df["base"] == "all_answers") & df["survey"].isin(["WVS", "EVS"])]
    out: dict[str, tuple[float, str]] = {}
    for _, row in df.iterrows():
        if row["country"] in out and row["survey"] == "EVS":
            continue  # keep WVS where a country has both
        out[str(row["country"])] = (float(row["share_percent"]), str(row["survey"]))
    return out
