"""The introduction's evidence charts: service use in Japan, LinkedIn's members."""

from __future__ import annotations

from IPython.display import Markdown

from ...data import load
from ...data.series import ARTICLE_YEAR, year_float
from ...kit import charts
from ...kit.charts import PALETTE, Chart
from .facts import SERVICES

__all__ = ["SERVICE_STYLE", "linkedin_members_chart", "service_use_chart", "service_use_table"]

#: A fixed colour and marker for each service.
SERVICE_STYLE = {
    "LINE": (PALETTE["green"], "o"),
    "X (Twitter)": (PALETTE["black"], "s"),
    "Instagram": (PALETTE["purple"], "^"),
    "Facebook": (PALETTE["blue"], "D"),
    "LinkedIn": (PALETTE["vermillion"], "v"),
}

def service_use_chart() -> Chart:
    """Share of people in Japan (13–69) who use each service, MIC survey."""
    ds = load("service_use_japan")
    df = ds.frame.copy()
    df["x"] = df["date"].map(year_float)
    fig, ax = charts.new_figure("wide")
    for svc in SERVICES:
        sub = df[df["service"] == svc].sort_values("x")
        if sub.empty:
            continue
        colour, marker = SERVICE_STYLE[svc]
        ax.plot(sub["x"], sub["share_percent"], color=colour, marker=marker, label=svc)
        derived = sub[sub["derived"] == "yes"]
        ax.plot(derived["x"], derived["share_percent"], linestyle="none", marker=marker,
                markerfacecolor="white", markeredgecolor=colour, markersize=8)
        ax.annotate(svc, (sub["x"].iloc[-1], sub["share_percent"].iloc[-1]),
                    xytext=(6, 0), textcoords="offset points", va="center", color=colour,
                    fontsize=11, fontweight="bold")
    ax.set_ylim(0, 100)
    first_year, last_year = int(df["x"].min()), int(df["x"].max())
    ax.set_xlim(df["x"].min() - 0.5, df["x"].max() + 2.6)
    ax.set_xticks(range(first_year, last_year + 1, 2))
    ax.set_ylabel("People aged 13–69 who use it (%)")
    ax.set_xlabel("Survey year")
    ax.set_title("LINE became near-universal; Facebook stayed flat")
    ax.text(0.99, 0.02, "Open marker: derived from a reported change",
            transform=ax.transAxes, fontsize=9, color=charts.MUTED, ha="right", va="bottom")
    charts.add_source_line(fig, ds.source_line())
    latest = df.sort_values("x").groupby("service").tail(1).set_index("service")
    bits = ", ".join(
        f"{svc} {latest.loc[svc, 'share_percent']:.0f}% ({str(latest.loc[svc, 'date'])[:4]})"
        for svc in SERVICES if svc in latest.index
    )
    first_line = df[df["service"] == "LINE"].sort_values("x").iloc[0]
    alt = (
        "Line chart of the share of people aged 13 to 69 in Japan who use each social "
        f"service, from {str(df['date'].min())[:4]} to {str(df['date'].max())[:4]}, "
        f"from the Ministry of Internal Affairs and Communications survey. LINE rises from "
        f"{first_line['share_percent']:.0f}% in {str(first_line['date'])[:4]} to near-universal "
        "use; "
        f"latest values: {bits}. LinkedIn is not in the survey."
    )
    return Chart(fig, alt, datasets=(ds.name,))


#: How the table names each age base of the MIC survey (the ``age_base`` column).
AGE_NAMES = {"13-69": "13–69",
             "13-69, recomputed": "13–69, recomputed by MIC from a survey of 13–79"}


def service_use_table() -> Markdown:
    """The service-use chart's data as a table: one row per survey, one column per service.

    A cell the course has no figure for shows "not read" (the survey may have
    one): an empty cell is not a zero and not a fall. A share computed from a
    reported change is marked with an asterisk, as the chart marks it.
    """
    df = load("service_use_japan").frame
    services = [svc for svc in SERVICES if svc in set(df["service"])]
    lines = ["| Fieldwork (year-month) | Share of people aged | " + " | ".join(services) + " |",
             "|---|---|" + "---:|" * len(services)]
    for date, rows in df.groupby("date", sort=True):
        by = rows.set_index("service")
        cells = []
        for svc in services:
            if svc not in by.index:
                cells.append("not read")
                continue
            star = "*" if by.loc[svc, "derived"] == "yes" else ""
            cells.append(f"{by.loc[svc, 'share_percent']:g}%{star}")
        ages = "; ".join(AGE_NAMES[a] for a in sorted(set(rows["age_base"])))
        lines.append(f"| {date} | {ages} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("\\* derived from a reported change. *not read*: the course has not read "
                 "a figure for that survey in a source it can cite.")
    return Markdown("\n".join(lines))


def linkedin_members_chart() -> Chart:
    """LinkedIn members in Japan over time, by what kind of figure each is."""
    ds = load("linkedin_members_japan")
    df = ds.frame.copy()
    df["x"] = df["date"].map(year_float)
    fig, ax = charts.new_figure("wide")
    styles = {
        "company": ("LinkedIn's own figure", PALETTE["vermillion"], "o"),
        "estimate": ("Outside estimate", PALETTE["blue"], "s"),
        "blog": ("Blog figure, unsourced (weak)", PALETTE["black"], "x"),
    }
    official = df[df["basis"] != "blog"].sort_values("x")
    for basis, (label, colour, marker) in styles.items():
        sub = df[df["basis"] == basis]
        if sub.empty:
            continue
        ax.scatter(sub["x"], sub["members_million"], color=colour, marker=marker, s=60,
                   label=label, zorder=3)
    ax.set_ylim(0, max(6.0, float(df["members_million"].max()) * 1.15))
    first_year, last_year = int(df["x"].min()), int(df["x"].max())
    ax.set_xticks(range(first_year, last_year + 2, 2))
    ax.set_xlim(first_year - 0.5, last_year + 1.5)
    ax.set_ylabel("Members in Japan (millions)")
    ax.set_xlabel("Year")
    ax.set_title("LinkedIn in Japan: near 1 million for years, 5 million by 2025")
    ax.axvline(ARTICLE_YEAR, color=charts.MUTED, linestyle=":", linewidth=1.5)
    ax.text(ARTICLE_YEAR + 0.2, 5.6, "the article (Jan 2015)", ha="left", va="top",
            fontsize=10, color=charts.MUTED)
    ax.text(2022.9, 0.35, "no citable figure\n2021–2024", ha="center", fontsize=10,
            color=charts.MUTED)
    ax.legend(loc="center left")
    charts.add_source_line(fig, ds.source_line())
    first, last = official.iloc[0], official.iloc[-1]
    alt = (
        "Scatter chart of LinkedIn members in Japan, in millions, "
        f"{str(first['date'])[:4]} to {str(last['date'])[:4]}. The count stays near one million "
        f"from 2014 to 2016, reaches about two million by 2018 and {last['members_million']:g} "
        f"million in {str(last['date'])[:4]}. Points are marked by whether LinkedIn itself, "
        "an outside estimate or an unsourced blog gave the figure."
    )
    return Chart(fig, alt, datasets=(ds.name,))
