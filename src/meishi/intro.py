"""The introduction chapter: data, charts and the look-up widget.

The notebook ``chapters/00_introduction.ipynb`` calls these; nothing here
is copied into it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
import numpy as np
from matplotlib.collections import LineCollection

from . import charts
from .charts import PALETTE, Chart
from .data import load
from .models.lookup import MAX_CARDS, LookupResult, expected_finds
from .widgets import ModelWidget, parse_number

__all__ = [
    "LookupWidget",
    "SERVICES",
    "facts",
    "linkedin_members_chart",
    "lookup_presets",
    "lookup_widget",
    "service_use_chart",
]

#: When the article the course starts from was published (Riney, 13 January
#: 2015; see the bibliography), as a fractional year for chart annotations.
ARTICLE_DATE = 2015 + 12.5 / 365

#: Services in the order the course shows them, with a fixed colour and marker each.
SERVICES = ("LINE", "X (Twitter)", "Instagram", "Facebook", "LinkedIn")
SERVICE_STYLE = {
    "LINE": (PALETTE["green"], "o"),
    "X (Twitter)": (PALETTE["black"], "s"),
    "Instagram": (PALETTE["purple"], "^"),
    "Facebook": (PALETTE["blue"], "D"),
    "LinkedIn": (PALETTE["vermillion"], "v"),
}


def _year_float(ym: str) -> float:
    """'2016-11' -> 2016.83 (mid-month), '2016' -> 2016.5."""
    year, _, month = str(ym).partition("-")
    return int(year) + ((int(month) - 0.5) / 12 if month else 0.5)


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------

def _population(year: int) -> float:
    """Japan's population (millions) in the figure nearest to ``year``."""
    pop = load("population_japan").frame
    years = pop["date"].map(lambda d: int(str(d)[:4]))
    row = pop.loc[(years - year).abs().idxmin()]
    return float(row["population_million"])


def _year(d: str) -> int:
    return int(str(d)[:4])


def linkedin_share_japan(year: int | None = None) -> tuple[float, str]:
    """LinkedIn members in Japan as a share of the population, from the latest
    member figure no later than ``year`` (the latest of all if ``None``), and
    that figure's date.

    Blog figures are left out.  The share is an upper bound on the share of
    people who use LinkedIn: members include dormant accounts and foreign
    residents.
    """
    members = load("linkedin_members_japan").frame
    members = members[members["basis"] != "blog"]
    if year is not None:
        members = members[members["date"].map(_year) <= year]
    if members.empty:
        raise ValueError(f"no LinkedIn member figure for Japan by {year}")
    latest = members.iloc[-1]
    population = _population(_year(latest["date"]))
    return float(latest["members_million"]) / population, str(latest["date"])


def _latest_shares(frame, year: int | None = None) -> dict[str, tuple[float, str]]:
    """For each service, its latest share (%) no later than ``year``, and the date."""
    out: dict[str, tuple[float, str]] = {}
    for svc in SERVICES:
        rows = frame[frame["service"] == svc]
        if year is not None:
            rows = rows[rows["date"].map(_year) == year]
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


def preset_years() -> dict[str, str]:
    """The date of each figure in the "Japan, latest" preset, e.g. {'LINE': '2024-12'}."""
    years = {svc: d for svc, (_v, d) in _latest_shares(load("service_use_japan").frame).items()}
    years["LinkedIn"] = linkedin_share_japan()[1]
    return years


def facts() -> dict[str, Any]:
    """Numbers the introduction's prose quotes (glued into the text)."""
    jp = load("service_use_japan").frame
    li = load("linkedin_members_japan").frame
    li = li[li["basis"] != "blog"]

    def share(service: str, year: int) -> float:
        rows = jp[(jp["service"] == service) & jp["date"].str.startswith(str(year))]
        return float(rows["share_percent"].iloc[0])

    first, last = li.iloc[0], li.iloc[-1]
    mid = li[li["date"].str.startswith("2015")].iloc[0]
    presets = lookup_presets()
    jp16, us = presets["Japan 2016"], presets["United States 2023"]
    exp = expected_finds(20, {k: v / 100 for k, v in jp16.items()})
    exp_us = expected_finds(20, {k: v / 100 for k, v in us.items()})
    return {
        "line_2014": share("LINE", 2014),
        "line_2024": share("LINE", 2024),
        "fb_2016": share("Facebook", 2016),
        "li_2015_m": float(mid["members_million"]),
        "li_latest_m": float(last["members_million"]),
        "li_latest_year": int(str(last["date"])[:4]),
        "li_first_year": int(str(first["date"])[:4]),
        "li_growth_x": float(last["members_million"]) / float(mid["members_million"]),
        "li_share_2016": jp16["LinkedIn"],
        "li_share_latest": presets["Japan, latest"]["LinkedIn"],
        "li_share_us": us["LinkedIn"],
        "exp_li_jp16": float(exp.expected[exp.platforms.index("LinkedIn")]),
        "pany_li_jp16": 100 * float(exp.p_any[exp.platforms.index("LinkedIn")]),
        "exp_fb_jp16": float(exp.expected[exp.platforms.index("Facebook")]),
        "exp_line_jp16": float(exp.expected[exp.platforms.index("LINE")]),
        "exp_li_us": float(exp_us.expected[exp_us.platforms.index("LinkedIn")]),
        "exp_li_jp16_x5": 5 * float(exp.expected[exp.platforms.index("LinkedIn")]),
        "cards_one_li_jp16": math.ceil(100 / jp16["LinkedIn"]),
        "cards_one_li_us": math.ceil(100 / us["LinkedIn"]),
        "line_latest": presets["Japan, latest"]["LINE"],
    }


# --------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------

def service_use_chart() -> Chart:
    """Share of people in Japan (13–69) who use each service, MIC survey."""
    ds = load("service_use_japan")
    df = ds.frame.copy()
    df["x"] = df["date"].map(_year_float)
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
        f"{first_line['share_percent']:.0f}% in {str(first_line['date'])[:4]} to near-universal use; "
        f"latest values: {bits}. LinkedIn is not in the survey."
    )
    return Chart(fig, alt)


def linkedin_members_chart() -> Chart:
    """LinkedIn members in Japan over time, by what kind of figure each is."""
    ds = load("linkedin_members_japan")
    df = ds.frame.copy()
    df["x"] = df["date"].map(_year_float)
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
    ax.axvline(ARTICLE_DATE, color=charts.MUTED, linestyle=":", linewidth=1.5)
    ax.text(ARTICLE_DATE + 0.2, 5.6, "the article (Jan 2015)", ha="left", va="top",
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
    return Chart(fig, alt)


# --------------------------------------------------------------------------
# Widget: where would you find the people whose cards you collected?
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Bars:
    bars: Any
    ranges: LineCollection
    labels: list


class LookupWidget(ModelWidget):
    """You exchanged business cards; on which service will you find those people?"""

    title = "Looking up your new contacts"
    caption = ("Expected number of your contacts you would find on each service (bars) and "
               "the range that covers 90% of outcomes (black lines). Model: each contact uses a "
               "service with the probability set by its slider, independently.")

    def __init__(self) -> None:
        self.presets = lookup_presets()
        years = ", ".join(f"{svc} {d[:4]}" for svc, d in preset_years().items())
        self.preset_note = (
            "Where the presets come from: Japan, the MIC usage survey (people aged 13–69), and "
            "LinkedIn members ÷ population (an upper bound: members include dormant accounts). "
            f"“Japan, latest” uses each service's latest figure ({years}). United States: Pew "
            "Research Center (adults who ever use it); Pew does not ask about LINE, set to 0 as "
            "a stylised assumption."
        )
        super().__init__()

    def build_controls(self) -> dict[str, w.ValueWidget]:
        start = self.presets["Japan 2016"]
        style = {"description_width": "13em"}
        layout = w.Layout(width="36em")
        controls: dict[str, w.ValueWidget] = {
            "cards": w.Text(value="20", description="Business cards (people)",
                            placeholder="e.g. 20", style=style, layout=layout,
                            continuous_update=False),
        }
        for svc in SERVICES:
            controls[svc] = w.FloatSlider(
                value=start.get(svc, 0.0), min=0.0, max=100.0, step=0.1,
                description=f"{svc} (% using it)", readout_format=".1f",
                style=style, layout=layout, continuous_update=True,
            )
        return controls

    def read_params(self) -> dict[str, Any]:
        cards = parse_number(self.controls["cards"].value, name="Business cards exchanged",
                             lo=1, hi=MAX_CARDS, integer=True, unit="cards")
        return {"n_cards": cards,
                "shares": {svc: self.controls[svc].value / 100 for svc in SERVICES}}

    def compute(self, n_cards: int, shares: dict[str, float]) -> LookupResult:
        return expected_finds(n_cards, shares)

    def build_figure(self) -> Any:
        fig, ax = charts.new_figure("widget", dpi=charts.WIDGET_DPI)
        y = np.arange(len(SERVICES))
        colours = [SERVICE_STYLE[s][0] for s in SERVICES]
        bars = ax.barh(y, np.zeros(len(SERVICES)), color=colours, height=0.6)
        ranges = LineCollection([[(0, yi), (0, yi)] for yi in y], colors="black", linewidths=2.5)
        ax.add_collection(ranges)
        labels = [ax.text(0, yi, "", va="center", ha="left", fontsize=11,
                          bbox=charts.LABEL_BOX)
                  for yi in y]
        ax.set_yticks(y, SERVICES)
        ax.invert_yaxis()
        ax.set_xlabel("Contacts you would find (people)")
        ax.grid(axis="y", visible=False)
        self._ax = ax
        self._artists = _Bars(bars, ranges, labels)
        return fig

    def animated_artists(self) -> tuple:
        art = self._artists
        return (*art.bars, art.ranges, *art.labels)

    def background_key(self, result: LookupResult) -> int:
        return result.n_cards  # the axis range and the title depend on it

    def draw(self, result: LookupResult) -> None:
        art = self._artists
        n = result.n_cards
        for i, bar in enumerate(art.bars):
            bar.set_width(result.expected[i])
        art.ranges.set_segments([[(lo, i), (hi, i)] for i, (lo, hi) in
                                 enumerate(zip(result.low, result.high))])
        for i, label in enumerate(art.labels):
            label.set_text(f"≈ {result.expected[i]:.1f} of {n}")
            label.set_x(max(result.high[i], result.expected[i]) + 0.02 * n)
        self._ax.set_xlim(0, n * 1.32)
        self._ax.set_title(f"{n} business cards: who can you find tonight?")

    def describe(self, result: LookupResult) -> str:
        parts = [f"about {e:.1f} on {p}" for p, e in zip(result.platforms, result.expected)]
        li = result.platforms.index("LinkedIn")
        return (f"Of {result.n_cards} contacts you would expect to find " + ", ".join(parts)
                + f". The chance of finding at least one of them on LinkedIn is "
                f"{100 * result.p_any[li]:.0f}%.")


def lookup_widget() -> LookupWidget:
    """The introduction's widget, at its default (Japan 2016) settings."""
    return LookupWidget()

