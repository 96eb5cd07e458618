"""Chapter 4's evidence charts: LinkedIn per head, Japanese services, XING, Facebook by age."""

from __future__ import annotations

from ...data import load
from ...data.series import latest_per_100, latest_source_kind, linkedin_members, year_float
from ...kit import charts
from ...kit.charts import PALETTE, Chart

__all__ = ["dach_chart", "domestic_chart", "facebook_age_chart", "per_head_chart"]

BASIS = {"company": ("LinkedIn's own member count", ""),
         "estimate": ("outside count", "//")}
#: What the bar label says about the source of each figure (short, for the axis), by the
#: dataset's source_kind column.
SHORT = {"LinkedIn member count": "LinkedIn's count",
         "advertising-tool estimate": "ad-tool estimate",
         "outside count of LinkedIn's public data": "public-data count"}
#: Events the chart names beside a country's bar, with the sources that report them.
EVENTS = {"China": ("LinkedIn closed its Chinese social network in 2021",
                    ("linkedin_2021_china", "linkedin_2023_incareer"))}


def per_head_chart() -> Chart:
    """LinkedIn members per 100 people, each country's latest figure, marked by source kind."""
    ds = load("linkedin_members_by_country")
    rows = sorted(latest_per_100().items(), key=lambda kv: kv[1][0])
    kinds = latest_source_kind()
    fig, ax = charts.new_figure("wide")
    names = [f"{c} ({d[:4]}, {SHORT[kinds[c]]})" for c, (_v, d, _b) in rows]
    values = [v for _c, (v, _d, _b) in rows]
    colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"] for c, _ in rows]
    bars = ax.barh(names, values, color=colours, height=0.6, edgecolor="white")
    for bar, (_c, (_v, _d, basis)) in zip(bars, rows, strict=True):
        bar.set_hatch(BASIS[basis][1])
    ax.set_xlim(0, 70)
    charts.label_bars(ax, bars, values, "{:.1f}")
    for bar, (country, _rest) in zip(bars, rows, strict=True):
        if country in EVENTS:
            ax.annotate(EVENTS[country][0], (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(30, 0), textcoords="offset points", va="center", fontsize=9,
                        color=charts.MUTED)
    ax.set_xlabel("LinkedIn accounts per 100 people (latest figure)")
    ax.grid(axis="y", visible=False)
    ax.set_title("LinkedIn per head: Japan near China and Korea", loc="right")
    members = load("linkedin_members_japan")
    latest_jp = members.frame.sort_values("date").tail(1)
    events = [s.citation for s in ds.sources
              if any(s.id in ids for _t, ids in EVENTS.values())]
    charts.add_source_line(fig, ds.source_line(ds.frame[ds.frame["basis"] != "blog"]).rstrip(".")
                           + "; Japan: " + members.source_line(latest_jp).split(": ", 1)[1]
                           + " Every bar counts accounts, not people. Plain bars: LinkedIn's own "
                           "member counts; striped bars: outside counts, read by others from "
                           "LinkedIn's advertising tools or (Thinknum) its public data. China's "
                           "closure: " + "; ".join(events) + ".")
    alt = ("Horizontal bar chart of LinkedIn members per 100 people, each country's latest "
           "figure, all counting accounts: "
           + ", ".join(f"{c} {v:.1f} ({d[:4]}, {kinds[c]})" for c, (v, d, _b) in rows[::-1])
           + ". Japan is near China and South Korea, far below the United States and the "
           "United Kingdom. The figures are LinkedIn's own counts for Japan and South Korea and "
           "outside counts for the others, from different years. "
           + "; ".join(f"{c}: {t}" for c, (t, _ids) in EVENTS.items()) + ".")
    return Chart(fig, alt, datasets=(ds.name, members.name))


def domestic_chart() -> Chart:
    """Users of Japanese career and networking services over time, by service and basis."""
    ds = load("domestic_platforms_japan")
    df = ds.frame[(ds.frame["unit"].isin(["users", "members"]))
                  & (ds.frame["measure"] != "student users")].copy()
    df["x"] = df["date"].map(year_float)
    fig, ax = charts.new_figure("wide")
    styles = {"doda": (PALETTE["purple"], "D"), "Wantedly": (PALETTE["green"], "o"),
              "Eight": (PALETTE["blue"], "s"), "YOUTRUST": (PALETTE["orange"], "^")}
    for service, (colour, marker) in styles.items():
        sub = df[df["service"] == service].sort_values("x")
        if sub.empty:
            continue
        measure = sub["measure"].iloc[-1]
        ax.plot(sub["x"], sub["value_million"], color=colour, marker=marker, markersize=8,
                label=f"{service} ({measure})")
    li = linkedin_members()
    li = li[li["date"].map(year_float) >= 2016.5]
    ax.plot(li["date"].map(year_float), li["members_million"], color=PALETTE["black"],
            linestyle="--", marker="x", markersize=8, label="LinkedIn in Japan (members)")
    ax.set_ylim(0, 11)
    ax.set_xlim(2016.5, 2026)
    ax.set_ylabel("Users or members (millions)")
    ax.set_xlabel("Year")
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title("Japanese career services and LinkedIn in Japan, in millions")
    members = load("linkedin_members_japan")
    charts.add_source_line(fig, ds.source_line(df).rstrip(".") + "; LinkedIn: "
                           + members.source_line(li).split(": ", 1)[1] + " Each service counts "
                           "differently (cumulative registrations, registered or current "
                           "users, members); company claims, mostly read in reports.")
    alt = ("Chart of users of Japanese career and networking services: "
           + "; ".join(f"{s} " + ", ".join(f"{v:g} million ({d[:4]})" for d, v in
                                            zip(g["date"], g["value_million"], strict=True))
                       for s, g in df.sort_values("x").groupby("service"))
           + "; LinkedIn in Japan " + ", ".join(f"{v:g} million ({d[:4]})" for d, v in
                                                zip(li["date"], li["members_million"],
                                                    strict=True))
           + ". The counts use different bases.")
    return Chart(fig, alt, datasets=(ds.name, members.name))


def dach_chart() -> Chart:
    """XING against LinkedIn in Germany, Austria and Switzerland."""
    ds = load("local_networks_abroad")
    df = ds.frame[ds.frame["region"] == "DACH"].copy()
    df["x"] = df["date"].map(year_float)
    fig, ax = charts.new_figure("wide")
    for service, colour, marker in (("XING", PALETTE["green"], "o"),
                                    ("LinkedIn", PALETTE["blue"], "s")):
        sub = df[df["service"] == service].sort_values("x")
        firm = sub[sub["basis"] == "company"]
        blog = sub[sub["basis"] == "blog"]
        ax.plot(firm["x"], firm["members_million"], color=colour, marker=marker,
                label=f"{service} (company figure)")
        if not blog.empty:
            ax.plot(blog["x"], blog["members_million"], linestyle="none", marker=marker,
                    markerfacecolor="white", markeredgecolor=colour, markersize=8,
                    label=f"{service} (blog figure)")
    ax.set_ylim(0, 25)
    ax.set_ylabel("Users or members in DACH (millions)")
    ax.set_xlabel("Year")
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title("XING led in DACH for a decade; LinkedIn caught up")
    charts.add_source_line(fig, ds.source_line(df) + " Germany, Austria, Switzerland; XING "
                           "counts users, LinkedIn members.")
    last = df.sort_values("x").groupby("service").tail(1).set_index("service")
    alt = ("Line chart of XING and LinkedIn in the German-speaking countries. XING grows from "
           f"{df[(df['service'] == 'XING')]['members_million'].iloc[0]:g} million to "
           f"{last.loc['XING', 'members_million']:g} million ({last.loc['XING', 'date'][:4]}); "
           f"LinkedIn reaches {last.loc['LinkedIn', 'members_million']:g} million "
           f"({last.loc['LinkedIn', 'date'][:4]}, a blog figure).")
    return Chart(fig, alt, datasets=(ds.name,))


def facebook_age_chart() -> Chart:
    """Facebook use by age group in Japan, FY2016 and FY2018 (where found)."""
    ds = load("service_use_by_age_japan")
    df = ds.frame[ds.frame["service"] == "Facebook"]
    groups = sorted(df["age_group"].unique())
    fig, ax = charts.new_figure("wide")
    width = 0.38
    for k, (survey, colour) in enumerate((("FY2016", PALETTE["sky"]),
                                          ("FY2018", PALETTE["blue"]))):
        sub = df[df["survey"] == survey].set_index("age_group")["share_percent"]
        xs = [i + (k - 0.5) * width for i in range(len(groups))]
        vals = [float(sub[g]) if g in sub.index else 0.0 for g in groups]
        ax.bar(xs, vals, width=width, color=colour, label=survey)
        for x, g, v in zip(xs, groups, vals, strict=True):
            ax.text(x, v + 1, f"{v:.0f}" if g in sub.index else "–", ha="center", fontsize=9)
    ax.set_xticks(range(len(groups)), [g.replace("-", "–") for g in groups])
    ax.set_ylim(0, 70)
    ax.set_ylabel("Use Facebook (% of the age group)")
    ax.set_xlabel("Age group (years; –: no figure found)")
    ax.legend(loc="upper right", fontsize=10)
    ax.set_title("Facebook use by age: highest in the 20s and 30s")
    bases = ", ".join(sorted({b.replace("-", "–") for b in df["age_base"]}))
    charts.add_source_line(fig, ds.source_line(df) + f" MIC survey of media use, ages {bases} "
                           "in both years, read in reports of it.")
    fy16 = df[df["survey"] == "FY2016"].set_index("age_group")["share_percent"]
    fy18 = df[df["survey"] == "FY2018"].set_index("age_group")["share_percent"]
    alt = ("Bar chart of Facebook use by age group in Japan. FY2016: "
           + ", ".join(f"{g} {v:.1f}%" for g, v in fy16.items())
           + ". FY2018, where found: " + ", ".join(f"{g} {v:.1f}%" for g, v in fy18.items())
           + ".")
    return Chart(fig, alt, datasets=(ds.name,))
