"""Chapter 1's evidence charts: tenure, job mobility, ever changing jobs, pay by age."""

from __future__ import annotations

from ...data import load
from ...data.series import ARTICLE_YEAR, job_mobility, linkedin_members, with_gaps, year_float
from ...kit import charts
from ...kit.charts import PALETTE, Chart
from .facts import linkedin_additions

__all__ = ["ever_changed_chart", "job_mobility_chart", "pay_by_age_chart", "stock_flow_chart",
           "tenure_chart"]

_STAT_STYLE = {"mean": ("", "mean"), "median": ("//", "median"), "not stated": ("..", "not stated")}


def tenure_chart() -> Chart:
    ds = load("tenure_by_country")
    df = ds.frame.sort_values("tenure_years")
    fig, ax = charts.new_figure("wide")
    colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"]
               if c == "United States" else "#8c8c8c" for c in df["country"]]
    bars = ax.barh(df["country"], df["tenure_years"], color=colours, height=0.65)
    for bar, (_, row) in zip(bars, df.iterrows(), strict=True):
        hatch, label = _STAT_STYLE[row["statistic"]]
        bar.set_hatch(hatch)
        bar.set_edgecolor("white")
        ax.text(bar.get_width() + 0.15, bar.get_y() + bar.get_height() / 2,
                f"{row['tenure_years']:.1f}  ({label})", va="center", fontsize=10)
    ax.set_xlabel("Average years with the current employer (years)")
    ax.set_xlim(0, df["tenure_years"].max() * 1.3)
    ax.grid(axis="y", visible=False)
    ax.set_title("Of these ten countries, Japan's workers stay longest")
    charts.add_source_line(fig, ds.source_line() + " Japan: mean of full-time employees; "
                           "United States: median of all employees; others: not stated.")
    ranked = df.sort_values("tenure_years", ascending=False)
    top, bottom = ranked.iloc[0], ranked.iloc[-1]
    next3 = ranked.iloc[1:4]
    alt = (f"Horizontal bar chart of average job tenure in {len(df)} countries. {top['country']} "
           f"is longest at {top['tenure_years']:.1f} years, then "
           + ", ".join(f"{r['country']} {r['tenure_years']:.1f}" for _, r in next3.iterrows())
           + f"; {bottom['country']} is shortest at {bottom['tenure_years']:.1f} years. Japan's "
           "figure is a mean and the United States' a median, so the gap is partly a matter of "
           "measurement.")
    return Chart(fig, alt, datasets=(ds.name,))


def job_mobility_chart() -> Chart:
    """Counts (millions) above, shares of the employed (%) below; both axes from zero."""
    ds = load("job_mobility_japan")
    changers, first = job_mobility("job_changers"), job_mobility("job_changers", vintage="first")
    wanting = job_mobility("wanting_to_change")
    ratio = job_mobility("job_changer_ratio")
    want_share = job_mobility("wanting_to_change_share")
    fig, (ax1, ax2) = charts.new_figure("tall", nrows=2, sharex=True)
    years, values = with_gaps(changers["year"], changers["value"] / 100)
    ax1.plot(years, values, color=PALETTE["vermillion"], marker="o",
             label="changed jobs (latest figure)")
    revised = first.merge(changers, on="year", suffixes=("_first", "_latest"))
    revised = revised[revised["value_first"] != revised["value_latest"]]
    ax1.plot(revised["year"], revised["value_first"] / 100, linestyle="none", marker="o",
             markerfacecolor="white", markeredgecolor=PALETTE["vermillion"], markersize=8,
             label="first release, later revised")
    derived = changers[changers["derived"] == "yes"]
    ax1.plot(derived["year"], derived["value"] / 100, linestyle="none", marker="D",
             color=PALETTE["black"], markersize=6, label="derived from a reported change")
    years, values = with_gaps(wanting["year"], wanting["value"] / 100)
    ax1.plot(years, values, color=PALETTE["blue"], marker="s",
             label="want to change jobs or add one")
    ax1.set_ylabel("People (millions)", fontsize=11)
    ax1.set_ylim(0, 11.5)
    ax1.set_title("More people change jobs, but not a larger share of workers")
    ax1.legend(loc="upper left", fontsize=9)
    years, values = with_gaps(ratio["year"], ratio["value"])
    ax2.plot(years, values, color=PALETTE["vermillion"], marker="o",
             label="changed jobs in the year")
    derived_ratio = ratio[ratio["derived"] == "yes"]
    ax2.plot(derived_ratio["year"], derived_ratio["value"], linestyle="none", marker="o",
             markerfacecolor="white", markeredgecolor=PALETTE["vermillion"], markersize=8,
             label="_nolegend_")
    derived_share = want_share[want_share["derived"] == "yes"]
    ax2.plot(want_share["year"], want_share["value"], color=PALETTE["blue"], marker="s",
             label="want to change jobs or add one")
    ax2.plot(derived_share["year"], derived_share["value"], linestyle="none", marker="s",
             markerfacecolor="white", markeredgecolor=PALETTE["blue"], markersize=8,
             label="open marker: computed from the release's counts")
    ax2.set_ylabel("Share of the employed (%)", fontsize=11)
    ax2.set_ylim(0, 17)
    ax2.set_xlabel("Year (gaps: no figure found)")
    ax2.legend(loc="upper left", fontsize=9)
    for ax in (ax1, ax2):
        ax.axvline(ARTICLE_YEAR, color=charts.MUTED, linestyle=":", linewidth=1.5)
    ax1.text(ARTICLE_YEAR + 0.15, 11.2, "the article (2015)", fontsize=9, color=charts.MUTED,
             va="top")
    years = list(range(2002, int(changers["year"].max()) + 1, 2))
    ax2.set_xticks(years)
    charts.add_source_line(fig, "Statistics Bureau of Japan, Labour Force Survey, as reported "
                           "by: " + ds.source_line().split(": ", 1)[1])
    gaps = sorted(set(range(int(changers["year"].min()), int(changers["year"].max()) + 1))
                  - set(changers["year"]))
    shares = ", ".join(f"{v:.1f}% in {int(y)}" for y, v in zip(ratio["year"], ratio["value"],
                                                                strict=True))
    alt = (f"Two line charts sharing a time axis, {int(changers['year'].min())} to "
           f"{int(changers['year'].max())}, both starting at zero. Top, in millions: people in "
           f"Japan who changed jobs in the year, from {changers['value'].iloc[0] / 100:.2f} "
           f"million, down to "
           f"{changers.loc[changers['year'] == 2010, 'value'].iloc[0] / 100:.2f} million in 2010, "
           f"up to a peak of {changers['value'].max() / 100:.2f} million in 2019, a dip during "
           f"COVID-19 and {changers['value'].iloc[-1] / 100:.2f} million in "
           f"{int(changers['year'].iloc[-1])} (no figure for {', '.join(map(str, gaps))}); and "
           f"people who want to change jobs or add one, from "
           f"{wanting['value'].iloc[0] / 100:.2f} million in {int(wanting['year'].iloc[0])} to "
           f"{wanting['value'].max() / 100:.2f} million in "
           f"{int(wanting.loc[wanting['value'].idxmax(), 'year'])}, then "
           f"{wanting['value'].iloc[-1] / 100:.2f} million in {int(wanting['year'].iloc[-1])}. "
           f"Bottom, as a share of the "
           f"employed: job changers {shares}, roughly flat; wanting to change or add a job "
           + ", ".join(f"{v:.1f}% in {int(y)}" for y, v in zip(want_share["year"],
                                                                want_share["value"], strict=True))
           + ".")
    return Chart(fig, alt, datasets=(ds.name,))


def ever_changed_chart() -> Chart:
    """One survey, one question, five countries: who has ever changed employer."""
    ds = load("ever_changed_jobs")
    df = ds.frame.sort_values("share_percent")
    fig, ax = charts.new_figure("wide")
    colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"]
               for c in df["country"]]
    bars = ax.barh(df["country"], df["share_percent"], color=colours, height=0.6)
    for bar, value in zip(bars, df["share_percent"], strict=True):
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, f"{value:.1f}%",
                va="center", fontsize=11)
    ax.set_xlim(0, 108)
    ax.set_xticks(range(0, 101, 20))
    year = int(df["year"].iloc[0])
    ax.set_xlabel(f"Full-time employees aged 20–59 who have ever changed employer, {year} (%)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Fewer employees in Japan have ever changed jobs")
    charts.add_source_line(fig, ds.source_line() + " One survey and question in all five "
                           "countries; a job site ran it.")
    ranked = df.sort_values("share_percent")
    alt = (f"Horizontal bar chart from one {year} survey that asked full-time employees aged 20 "
           "to 59 in five countries whether they had ever changed employer: "
           + ", ".join(f"{r['country']} {r['share_percent']:.1f}%" for _, r in ranked.iterrows())
           + ". Japan is lowest; South Korea is next.")
    return Chart(fig, alt, datasets=(ds.name,))


AGE_GROUPS = ["under 30", "30-39", "40-49", "50-59", "60+"]


def pay_by_age_chart() -> Chart:
    ds = load("pay_by_age")
    df = ds.frame
    fig, ax = charts.new_figure("wide")
    x = {g: i for i, g in enumerate(AGE_GROUPS)}
    jp = df[df["country"] == "Japan"].set_index("age_group").loc[AGE_GROUPS]
    ax.plot([x[g] for g in AGE_GROUPS], jp["pay_index"] / 100, color=PALETTE["vermillion"],
            marker="o", label="Japan (2014), every age group")
    peaks = df[df["peak_only"] == "yes"]
    offsets: dict[tuple, int] = {}
    for _, row in peaks.iterrows():
        xi = x[row["age_group"]]
        k = offsets.get((xi, row["pay_index"]), 0)  # stack labels of equal points
        offsets[(xi, row["pay_index"])] = k + 1
        ax.plot(xi, row["pay_index"] / 100, marker="s", color=PALETTE["blue"], linestyle="none",
                label="European peak (2010)" if not ax.get_legend_handles_labels()[1][1:] else None)
        # labels left of their marker: Japan's line runs to the right of each peak
        ax.annotate(row["country"], (xi, row["pay_index"] / 100), xytext=(-8, -5 + 13 * k),
                    textcoords="offset points", fontsize=10, color=PALETTE["blue"], ha="right")
    ax.set_xticks(range(len(AGE_GROUPS)), AGE_GROUPS)
    ax.set_xlabel("Age group (years)")
    ax.set_ylabel("Pay relative to under-30s (×)")
    ax.set_ylim(0, 2.1)
    ax.set_xlim(-0.3, 4.9)
    ax.axhline(1.0, color=charts.MUTED, linewidth=1)
    ax.set_title("Japan's pay rises with age, then falls after 60")
    ax.legend(loc="lower right")
    charts.add_source_line(fig, ds.source_line() + " All industries, both sexes. Europe: only "
                           "each country's peak group is published; the Databook warns that "
                           "Europe's peaks reflect who still works at 60+ and the mix of jobs.")
    peak_text = "; ".join(f"{r['country']} {r['pay_index'] / 100:.1f} times at {r['age_group']}"
                          for _, r in peaks.iterrows())
    alt = (f"Line chart of pay by age group relative to workers under 30. Japan's pay rises to "
           f"{jp['pay_index'].max() / 100:.1f} times at ages {jp['pay_index'].idxmax()} and "
           f"falls to {jp.loc['60+', 'pay_index'] / 100:.1f} times after 60. Points show each "
           f"European country's peak: {peak_text}.")
    return Chart(fig, alt, datasets=(ds.name,))


def stock_flow_chart() -> Chart:
    """LinkedIn's members (a stock) above; new accounts a year against job changers a year
    (two flows) below, both in millions and from zero."""
    members_ds, jobs_ds = load("linkedin_members_japan"), load("job_mobility_japan")
    members = linkedin_members()
    own = members[members["basis"] == "company"]
    adds = linkedin_additions()
    changers = job_mobility("job_changers")
    changers = changers[changers["year"] >= 2010]
    fig, (ax1, ax2) = charts.new_figure("tall", nrows=2, sharex=True)
    ax1.plot(own["date"].map(year_float), own["members_million"], color=PALETTE["blue"],
             marker="o", label="LinkedIn members in Japan (LinkedIn's own counts)")
    ax1.set_ylabel("Accounts (millions)", fontsize=11)
    ax1.set_ylim(0, 6)
    ax1.set_title("A stock grows even when the yearly flow into it stays level")
    ax1.legend(loc="upper left", fontsize=9)
    years, values = with_gaps(changers["year"], changers["value"] / 100)
    ax2.plot(years + 0.5, values, color=PALETTE["vermillion"], marker="o",
             label="people who changed jobs in the year")
    for i, a in enumerate(adds):
        x0, x1 = year_float(a.start), year_float(a.end)
        ax2.plot([x0, x1], [a.per_year_m, a.per_year_m], color=PALETTE["blue"], linewidth=3,
                 solid_capstyle="butt",
                 label="new LinkedIn accounts a year (average between two counts)" if i == 0
                 else "_nolegend_")
        ax2.text((x0 + x1) / 2, a.per_year_m + 0.12, f"{a.per_year_m:.2f}", ha="center",
                 fontsize=10, color=PALETTE["blue"])
    ax2.set_ylabel("Per year (millions)", fontsize=11)
    ax2.set_ylim(0, 6.2)
    ax2.set_xlabel("Year")
    ax2.legend(loc="upper left", fontsize=9)
    for ax in (ax1, ax2):
        ax.axvline(ARTICLE_YEAR, color=charts.MUTED, linestyle=":", linewidth=1.5)
    ax2.set_xlim(2009.5, 2026.5)
    ax2.set_xticks(range(2010, 2027, 2))
    sources = [members_ds.source_line(members_ds.frame[members_ds.frame["basis"] == "company"]),
               jobs_ds.source_line(
                   jobs_ds.frame.query("series == 'job_changers' and year >= 2010"))]
    shorts = "; ".join(x.split(": ", 1)[1].rstrip(".") for x in sources)
    charts.add_source_line(fig, f"Sources: {shorts}. Accounts closed are not published, so a "
                           "difference of two counts is net of them.")
    spans = "; ".join(f"{a.start[:4]} to {a.end[:4]}: {a.per_year_m:.2f} million a year"
                      for a in adds)
    early = adds[: next(i for i, a in enumerate(adds) if a.added_m > 0) + 1]
    alt = ("Two charts sharing a time axis, both starting at zero. Top: LinkedIn's own counts "
           "of its members in Japan, in millions: "
           + ", ".join(f"{r.members_million:g} in {r.date[:4]}" for r in own.itertuples())
           + ". Bottom, in millions a year: people who changed jobs in each year, between "
           f"{changers['value'].min() / 100:.2f} and {changers['value'].max() / 100:.2f} million "
           f"from {int(changers['year'].iloc[0])} to {int(changers['year'].iloc[-1])}; and new "
           f"LinkedIn accounts a year, averaged between counts ({spans}). The first span shows "
           "no change only because LinkedIn gave about one million at both counts; counted from "
           f"{early[0].start[:4]} to {early[-1].end[:4]} instead, it is "
           f"{sum(a.added_m for a in early) / sum(a.years for a in early):.2f} million a year. "
           "Every span lies far below the number of job changers.")
    return Chart(fig, alt, datasets=(members_ds.name, jobs_ds.name))
