"""Chapter 3's evidence charts: general trust, Japan over time, hiring routes, business cards."""

from __future__ import annotations

import itertools

from ...data import load
from ...data.series import trust_wave7
from ...kit import charts
from ...kit.charts import PALETTE, Chart
from .facts import WAVES, japan_survey_years, trust_waves

__all__ = ["cards_chart", "hiring_routes_chart", "trust_by_country_chart", "trust_waves_chart"]


def trust_by_country_chart() -> Chart:
    """"Most people can be trusted", the 2017–2022 survey round, by country."""
    ds = load("general_trust")
    rows = sorted(trust_wave7().items(), key=lambda kv: kv[1][0])
    fig, ax = charts.new_figure("wide")
    names = [f"{c} ({survey})" for c, (_v, survey) in rows]
    values = [v for _c, (v, _s) in rows]
    colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"] for c, _ in rows]
    bars = ax.barh(names, values, color=colours, height=0.6)
    ax.set_xlim(0, 100)
    charts.label_bars(ax, bars, values, "{:.1f}%")
    ax.set_xlabel("Say most people can be trusted, 2017–2022 (% of all respondents)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Trust in Japan: close to the US and Korea")
    subset = ds.frame[ds.frame["base"] == "all_answers"]
    charts.add_source_line(fig, ds.source_line(subset[subset["survey"] != "IVS"])
                           + " WVS wave 7 or, where a country has none, EVS round 5; shares "
                           "of all respondents computed from the shares who answered. The "
                           "question may be read differently across cultures.")
    alt = ("Horizontal bar chart of the share of people who say most people can be trusted, "
           "2017 to 2022: " + ", ".join(f"{c} {v:.1f}%" for c, (v, _s) in rows[::-1])
           + ". Japan is near the United States and South Korea, far below Sweden and China.")
    return Chart(fig, alt, datasets=(ds.name,))


def trust_waves_chart() -> Chart:
    """Japan and the United States over the World Values Survey waves 2-7, one base."""
    ds = load("trust_japan_waves")
    df = ds.frame[(ds.frame["survey"] == "WVS") & (ds.frame["base"] == "all_answers")
                  & ds.frame["wave"].isin(WAVES)]
    waves = trust_waves()
    years = japan_survey_years()
    periods = (df.drop_duplicates("wave").set_index("wave")["period"]
               .str.replace("-", "–").to_dict())
    fig, ax = charts.new_figure("wide")
    styles = {"Japan": (PALETTE["vermillion"], "o", "-"),
              "United States": (PALETTE["blue"], "s", "--")}
    for country, (colour, marker, line) in styles.items():
        vals = [waves[country][w] for w in WAVES]
        ax.plot(range(len(WAVES)), vals, color=colour, marker=marker, linestyle=line,
                label=country)
        for i, v in enumerate(vals):
            above = v >= waves["United States" if country == "Japan" else "Japan"][WAVES[i]]
            ax.annotate(f"{v:.1f}", (i, v), textcoords="offset points",
                        xytext=(0, 8 if above else -15), ha="center", fontsize=9, color=colour)
    ax.set_xticks(range(len(WAVES)), [f"{periods[w]}\n(Japan {years[w]})" for w in WAVES],
                  fontsize=9)
    ax.set_ylim(0, 60)
    ax.set_ylabel("Say most people can be trusted\n(% of all respondents)")
    ax.set_xlabel("World Values Survey wave (fieldwork period; Japan's survey year)")
    ax.set_title("Japan and the US: a wide gap only in the 1990 wave")
    ax.legend(loc="lower left", fontsize=10)
    charts.add_source_line(fig, ds.source_line(df) + " Shares of all respondents (don't know "
                           "counted as not trusting); US shares computed from the share "
                           "answering. Wave 1 (1981) left out: its figures disagree between "
                           "tables.")
    diff = [waves["Japan"][w] - waves["United States"][w] for w in WAVES]
    swaps = sum(1 for a, b in itertools.pairwise(diff) if a * b < 0)
    gap = max(abs(d) for d in diff[1:])
    alt = ("Line chart of the share of all respondents who say most people can be trusted, "
           "World Values Survey waves 2 to 7, Japan and the United States: "
           + "; ".join(f"{periods[w]}: Japan {waves['Japan'][w]:.1f}%, United States "
                       f"{waves['United States'][w]:.1f}%" for w in WAVES)
           + f". The United States is far higher only in the {periods[WAVES[0]]} wave; after "
           f"it the two lie within {gap:.0f} points of each other and swap places {swaps} "
           "times.")
    return Chart(fig, alt, datasets=(ds.name,))


ROUTES = {"advertisement": "advertisements", "personal_connections": "connections (縁故)",
          "hello_work": "Hello Work (public)", "private_agency": "private agencies"}


def hiring_routes_chart() -> Chart:
    """How new hires found their jobs, all hires, 2000 and 2013."""
    ds = load("hiring_routes_japan")
    df = ds.frame[(ds.frame["population"] == "all_hires")
                  & (ds.frame["measure"] == "route_share")]
    years = sorted(df["data_year"].unique())
    fig, ax = charts.new_figure("wide")
    height = 0.36
    colours = {years[0]: PALETTE["sky"], years[-1]: PALETTE["blue"]}
    keys = list(ROUTES)
    for k, year in enumerate(years):
        sub = df[df["data_year"] == year].set_index("route")["share_percent"]
        ys = [i + (k - 0.5) * height for i in range(len(keys))]
        vals = [float(sub.get(r, float("nan"))) for r in keys]
        ax.barh(ys, [0 if v != v else v for v in vals], height=height, color=colours[year],
                label=str(year))
        for y, v in zip(ys, vals, strict=True):
            ax.text((0 if v != v else v) + 0.6, y, "no figure" if v != v else f"{v:.1f}%",
                    va="center", fontsize=10, color=charts.MUTED if v != v else "black")
    ax.set_yticks(range(len(keys)), [ROUTES[r] for r in keys])
    ax.invert_yaxis()
    ax.set_xlim(0, 45)
    ax.set_xlabel("Share of all new hires, by how they found the job (%)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=10)
    ax.set_title("Connections: a quarter of hires in 2000, a fifth in 2013")
    charts.add_source_line(fig, ds.source_line(df) + " Survey on Employment Trends (MHLW); "
                           "2013 shares computed from reported counts.")
    parts = []
    for year in years:
        sub = df[df["data_year"] == year].set_index("route")["share_percent"]
        parts.append(f"{year}: " + ", ".join(f"{ROUTES[r]} {sub[r]:.1f}%" for r in keys
                                              if r in sub.index))
    alt = ("Grouped horizontal bar chart of how new hires in Japan found their jobs. "
           + "; ".join(parts) + ". No private-agency share for 2013 was found.")
    return Chart(fig, alt, datasets=(ds.name,))


def cards_chart() -> Chart:
    """Sales staff's card exchanges a month, before and during COVID-19 (Sansan survey)."""
    ds = load("business_cards")
    v = ds.frame.set_index("measure")["value"]
    labels = ["six or more a month", "none in a month"]
    before = [v["sales_staff_6plus_exchanges_a_month_before_covid"],
              v["sales_staff_no_exchanges_a_month_before_covid"]]
    during = [v["sales_staff_6plus_exchanges_a_month_during_covid"],
              v["sales_staff_no_exchanges_a_month_during_covid"]]
    fig, ax = charts.new_figure("wide")
    ys = range(len(labels))
    ax.barh([y - 0.19 for y in ys], before, height=0.36, color=PALETTE["sky"],
            label="before COVID-19 (recalled)")
    ax.barh([y + 0.19 for y in ys], during, height=0.36, color=PALETTE["vermillion"],
            label="2021")
    for y, b, d in zip(ys, before, during, strict=True):
        ax.text(b + 0.8, y - 0.19, f"{b:.1f}%", va="center", fontsize=10)
        ax.text(d + 0.8, y + 0.19, f"{d:.1f}%", va="center", fontsize=10)
    ax.set_yticks(list(ys), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 70)
    ax.set_xlabel("Sales staff exchanging business cards this often (%)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=10)
    ax.set_title("COVID-19 cut card exchanges")
    subset = ds.frame[ds.frame["measure"].str.startswith("sales_staff_")]
    charts.add_source_line(fig, ds.source_line(subset) + " 440 sales staff, online, 2021; a "
                           "survey by a company that sells card-management services.")
    alt = ("Grouped bar chart from a 2021 survey of 440 sales staff. Exchanging cards six or "
           f"more times a month: {before[0]:.1f}% before COVID-19 (recalled), {during[0]:.1f}% "
           f"in 2021. No exchange in a month: {before[1]:.1f}% before, {during[1]:.1f}% in "
           "2021.")
    return Chart(fig, alt, datasets=(ds.name,))
