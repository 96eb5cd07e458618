"""Chapter 2's evidence charts: self-enhancement, opportunity, ambition, Facebook uses."""

from __future__ import annotations

from ...data import load
from ...kit import charts
from ...kit.charts import PALETTE, Chart

__all__ = ["ambition_chart", "facebook_uses_chart", "opportunity_chart",
           "self_enhancement_chart"]

def self_enhancement_chart() -> Chart:
    """Heine & Hamamura's within-culture effect sizes; zero = no self-enhancement."""
    ds = load("self_enhancement_meta")
    df = ds.frame[ds.frame["measure"] == "within_culture"].iloc[::-1]
    fig, ax = charts.new_figure("wide")
    colours = [PALETTE["vermillion"] if g == "East Asians" else PALETTE["blue"]
               for g in df["group"]]
    bars = ax.barh(df["group"], df["effect_size_d"], color=colours, height=0.55)
    ax.set_xlim(-0.2, 1.1)
    ax.axvline(0, color=charts.MUTED, linewidth=1.2)
    charts.label_bars(ax, bars, df["effect_size_d"], "d = {:.2f}")
    ax.set_xlabel("Self-enhancement, effect size (Cohen's d; 0 = none)")
    ax.grid(axis="y", visible=False)
    ax.set_title("No self-enhancement, on average, in East Asian samples")
    charts.add_source_line(fig, ds.source_line() + " Meta-analysis of published studies; "
                           "the axis runs below zero because d can be negative.")
    alt = ("Horizontal bar chart of self-enhancement effect sizes from a meta-analysis: "
           + ", ".join(f"{g} d = {d:.2f}" for g, d in zip(df["group"][::-1],
                                                          df["effect_size_d"][::-1], strict=True))
           + ". Western samples rate themselves clearly more favourably than the comparison "
           "standard; East Asian samples do not on average.")
    return Chart(fig, alt, datasets=(ds.name,))


def opportunity_chart() -> Chart:
    """LinkedIn's Opportunity Index 2020, markets whose score was found; 100 = baseline."""
    ds = load("opportunity_index")
    df = ds.frame[(ds.frame["edition"] == 2020) & ds.frame["index"].notna()]
    df = df.sort_values("index")
    fig, ax = charts.new_figure("tall")
    colours = [PALETTE["vermillion"] if c == "Japan" else "#5a5a5a" for c in df["country"]]
    bars = ax.barh(df["country"], df["index"], color=colours, height=0.62, zorder=2)
    ax.set_xlim(0, 140)
    ax.set_ylim(-0.6, len(df) + 0.3)
    # the baseline runs behind the bars, so it never crosses a value label
    ax.axvline(100, color=charts.MUTED, linestyle="--", linewidth=1.2, zorder=1)
    ax.text(101, len(df) - 0.1, "baseline 100", fontsize=10, color=charts.MUTED, va="center")
    for bar, value in zip(bars, df["index"], strict=True):  # inside the bar's end
        ax.text(bar.get_width() - 1.5, bar.get_y() + bar.get_height() / 2, f"{value:.0f}",
                va="center", ha="right", fontsize=11, color="white", fontweight="bold", zorder=3)
    ax.set_xlabel("Opportunity Index 2020 (index points; 100 = baseline)")
    ax.grid(axis="y", visible=False)
    markets = int(df["markets"].iloc[0])
    ax.set_title(f"Japan scores lowest of {markets} markets")
    charts.add_source_line(fig, ds.source_line(df) + f" Scores found for {len(df)} of {markets} "
                           "markets. The index also mixes economic outlook and happiness, so "
                           "it measures pessimism as well as confidence. LinkedIn ran it.")
    jp = df.set_index("country").loc["Japan", "index"]
    top = df.iloc[-1]
    alt = (f"Horizontal bar chart of LinkedIn's 2020 Opportunity Index for the {len(df)} markets "
           f"whose score was found, out of {markets}. {top['country']} is highest at "
           f"{top['index']:.0f}; Japan is lowest at {jp:.0f}, below the baseline of 100; "
           "the United States scores "
           f"{df.set_index('country').loc['United States', 'index']:.0f}.")
    return Chart(fig, alt, datasets=(ds.name,))


def ambition_chart() -> Chart:
    """Persol's 2019 survey: non-managers who want to become managers."""
    ds = load("manager_ambition_apac")
    df = ds.frame[ds.frame["measure"] == "want_to_be_manager"].sort_values("value")
    fig, ax = charts.new_figure("wide")
    colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"] for c in df["country"]]
    bars = ax.barh(df["country"], df["value"], color=colours, height=0.6)
    ax.set_xlim(0, 100)
    charts.label_bars(ax, bars, df["value"], "{:.1f}%")
    ax.set_xlabel("Non-managers who want to become a manager, 2019 (%)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Few Japanese employees want to become managers")
    charts.add_source_line(fig, ds.source_line() + " Figures found for 5 of the 14 countries "
                           "and regions surveyed; Japan was lowest, India highest. Persol runs "
                           "job sites.")
    alt = ("Horizontal bar chart of the share of non-managers who want to become a manager, "
           "2019: " + ", ".join(f"{c} {v:.1f}%" for c, v in zip(df["country"][::-1],
                                                                 df["value"][::-1], strict=True))
           + ". Japan is lowest of the 14 countries and regions surveyed.")
    return Chart(fig, alt, datasets=(ds.name,))


def facebook_uses_chart() -> Chart:
    """What Japanese Facebook users said they enjoyed doing on it, 2012 (not what they did)."""
    ds = load("facebook_uses_japan")
    df = ds.frame[(ds.frame["survey"] == "macromill_2012")
                  & (ds.frame["unit"] == "percent of users")
                  & ~ds.frame["measure"].str.startswith("troubled")].sort_values("value")
    fig, ax = charts.new_figure("wide")
    colours = [PALETTE["vermillion"] if m.startswith("build job")
               else PALETTE["green"] if m == "post own news" else PALETTE["blue"]
               for m in df["measure"]]
    bars = ax.barh(df["measure"], df["value"], color=colours, height=0.6)
    ax.set_xlim(0, 80)
    charts.label_bars(ax, bars, df["value"], "{:.1f}%")
    ax.set_xlabel("Facebook users in Japan who enjoy doing it, 2012 (%)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Users enjoyed posting own news far more than work contacts")
    charts.add_source_line(fig, ds.source_line(df) + " 500 users from a market-research "
                           "firm's online panel, 16-17 February 2012; several answers allowed. "
                           "The question asked what users enjoy, not what they do; the 6th to "
                           "8th answers were not found.")
    alt = ("Horizontal bar chart of what 500 Facebook users in Japan said they enjoyed doing "
           "on it in 2012: " + ", ".join(f"{m} {v:.1f}%" for m, v in
                                         zip(df["measure"][::-1], df["value"][::-1],
                                             strict=True))
           + ". Posting one's own news is third; building job or business contacts comes last "
           "of those shown. The survey asked what users enjoy, not what they do.")
    return Chart(fig, alt, datasets=(ds.name,))
