"""Chapter 1, "A profile is a signal": data, charts and the two widgets.

The notebook ``chapters/01_profile_signal.ipynb`` calls these.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import numpy as np

from . import charts
from .charts import PALETTE, Chart
from .data import load
from .models.signal import SignalResult, posterior_curve, signal
from .models.threshold import Equilibrium, adoption_path, equilibria, threshold_cdf
from .widgets import ModelWidget, parse_number

__all__ = [
    "SignalWidget",
    "ThresholdWidget",
    "base_rates",
    "facts",
    "job_mobility_chart",
    "pay_by_age_chart",
    "tenure_chart",
]

#: When the article the course starts from was published (January 2015).
ARTICLE_YEAR = 2015.04


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------

def _series(name: str, vintage: str = "latest"):
    """One series of job_mobility_japan, one row per year.

    ``vintage="latest"`` keeps a later release's figure where a year was
    revised; ``"first"`` keeps the first release's.
    """
    df = load("job_mobility_japan").frame
    df = df[df["series"] == name].copy()
    order = {"first release": 0, "only figure found": 1, "later release": 2}
    df["rank"] = df["vintage"].map(order)
    df = df.sort_values(["year", "rank"])
    keep = "last" if vintage == "latest" else "first"
    return df.drop_duplicates("year", keep=keep).reset_index(drop=True)


def _with_gaps(years, values):
    """Insert NaN for missing years so a line breaks where there is no data."""
    full = np.arange(int(min(years)), int(max(years)) + 1)
    lookup = dict(zip((int(y) for y in years), values))
    return full, np.array([lookup.get(int(y), np.nan) for y in full], dtype=float)


def _measure(name: str) -> float:
    df = load("lifetime_employment").frame
    return float(df.loc[df["measure"] == name, "value"].iloc[0])


def _intro_facts() -> dict[str, Any]:
    from . import intro

    return intro.facts()


def base_rates() -> dict[str, tuple[float, str]]:
    """Sourced base rates (share of workers changing jobs in a year), in %."""
    ratio = _series("job_changer_ratio")
    latest = ratio.iloc[-1]
    return {
        "Japan": (float(latest["value"]), f"job changers ÷ employed, {int(latest['year'])}"),
        "OECD average": (_measure("oecd_changing_each_year"),
                         "about 1 in 5 change employment situation each year"),
    }


def facts() -> dict[str, Any]:
    """Numbers the chapter's prose and quiz quote (glued from the data)."""
    tenure = load("tenure_by_country").frame.set_index("country")
    changers = _series("job_changers")
    wanting = _series("wanting_to_change")
    share = _series("wanting_to_change_share").iloc[-1]
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
        "changers_2019_first_m": at(_series("job_changers", vintage="first"), 2019) / 100,
        "changers_2020_m": at(changers, 2020) / 100,
        "changers_latest_year": int(changers["year"].iloc[-1]),
        "changers_latest_m": float(changers["value"].iloc[-1]) / 100,
        "wanting_first_year": int(wanting["year"].iloc[0]),
        "wanting_first_m": float(wanting["value"].iloc[0]) / 100,
        "wanting_2023_m": at(wanting, 2023) / 100,
        "wanting_share": float(share["value"]),
        "wanting_share_year": int(share["year"]),
        "ratio_jp": jp_rate,
        "ratio_jp_year": int(_series("job_changer_ratio")["year"].iloc[-1]),
        "oecd_rate": oecd_rate,
        "ono_share": _measure("lifetime_employment_share"),
        "kk_japan": _measure("core_retention_10yr"),
        "kk_us_start": _measure("core_retention_10yr_start"),
        "kk_us_end": _measure("core_retention_10yr_end"),
        "higuchi_50": _measure("never_changed_50_54"),
        "higuchi_55": _measure("never_changed_55_59"),
        "new_grad_share": _measure("new_grad_share_hiring"),
        "pay_jp_peak": float(jp_pay.max()) / 100,
        "pay_jp_60": float(jp_pay["60+"]) / 100,
        "pay_eu_max": float(eu_peaks["pay_index"].max()) / 100,
        "post_jp": 100 * sig_jp.posterior,
        "lift_jp": sig_jp.lift,
        "post_oecd": 100 * sig_oecd.posterior,
        "lift_oecd": sig_oecd.lift,
        "lr_default": sig_jp.likelihood_ratio,
        "li_growth_x": _intro_facts()["li_growth_x"],
        "post_norm": 100 * sig_norm.posterior,
        "lift_norm": sig_norm.lift,
    }


# --------------------------------------------------------------------------
# Evidence charts
# --------------------------------------------------------------------------

_STAT_STYLE = {"mean": ("", "mean"), "median": ("//", "median"), "not stated": ("..", "not stated")}


def tenure_chart() -> Chart:
    ds = load("tenure_by_country")
    df = ds.frame.sort_values("tenure_years")
    fig, ax = charts.new_figure("wide")
    colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"]
               if c == "United States" else "#8c8c8c" for c in df["country"]]
    bars = ax.barh(df["country"], df["tenure_years"], color=colours, height=0.65)
    for bar, (_, row) in zip(bars, df.iterrows()):
        hatch, label = _STAT_STYLE[row["statistic"]]
        bar.set_hatch(hatch)
        bar.set_edgecolor("white")
        ax.text(bar.get_width() + 0.15, bar.get_y() + bar.get_height() / 2,
                f"{row['tenure_years']:.1f}  ({label})", va="center", fontsize=10)
    ax.set_xlabel("Average years with the current employer (years)")
    ax.set_xlim(0, df["tenure_years"].max() * 1.3)
    ax.grid(axis="y", visible=False)
    ax.set_title("Japan's workers stay longest with one employer")
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
    return Chart(fig, alt)


def job_mobility_chart() -> Chart:
    ds = load("job_mobility_japan")
    changers, first = _series("job_changers"), _series("job_changers", vintage="first")
    wanting = _series("wanting_to_change")
    fig, (ax1, ax2) = charts.new_figure("tall", nrows=2, sharex=True)
    years, values = _with_gaps(changers["year"], changers["value"] / 100)
    ax1.plot(years, values, color=PALETTE["vermillion"], marker="o",
             label="job changers (latest figure)")
    revised = first.merge(changers, on="year", suffixes=("_first", "_latest"))
    revised = revised[revised["value_first"] != revised["value_latest"]]
    ax1.plot(revised["year"], revised["value_first"] / 100, linestyle="none", marker="o",
             markerfacecolor="white", markeredgecolor=PALETTE["vermillion"], markersize=8,
             label="first release, later revised")
    derived = changers[changers["derived"] == "yes"]
    ax1.plot(derived["year"], derived["value"] / 100, linestyle="none", marker="D",
             color=PALETTE["black"], markersize=6, label="derived from a reported change")
    ax1.set_ylabel("Changed jobs (millions)", fontsize=11)
    ax1.set_ylim(2.1, 3.7)
    ax1.set_title("More people change jobs, and far more want to")
    ax1.legend(loc="lower left", fontsize=9)
    ax1.annotate("COVID-19", (2021, 2.88), xytext=(2021.6, 2.45), fontsize=9,
                 color=charts.MUTED, arrowprops={"arrowstyle": "-", "color": charts.MUTED})
    years, values = _with_gaps(wanting["year"], wanting["value"] / 100)
    ax2.plot(years, values, color=PALETTE["blue"], marker="s",
             label="want to change jobs (or add one); gaps: no figure found")
    ax2.set_ylabel("Want to (millions)", fontsize=11)
    ax2.set_ylim(7, 11)
    ax2.set_xlabel("Year")
    ax2.legend(loc="upper left", fontsize=9)
    for ax in (ax1, ax2):
        ax.axvline(ARTICLE_YEAR, color=charts.MUTED, linestyle=":", linewidth=1.5)
    ax1.text(ARTICLE_YEAR + 0.15, 3.62, "the article (2015)", fontsize=9, color=charts.MUTED,
             va="top")
    years = list(range(2002, int(changers["year"].max()) + 1, 2))
    ax2.set_xticks(years)
    charts.add_source_line(fig, "Statistics Bureau of Japan, Labour Force Survey, as reported "
                           "by: " + ds.source_line().split(": ", 1)[1])
    gaps = sorted(set(range(int(changers["year"].min()), int(changers["year"].max()) + 1))
                  - set(changers["year"]))
    alt = (f"Two line charts sharing a time axis, {int(changers['year'].min())} to "
           f"{int(changers['year'].max())}. Top: people in Japan who changed jobs in the year, "
           f"from {changers['value'].iloc[0] / 100:.2f} million, down to "
           f"{changers.loc[changers['year'] == 2010, 'value'].iloc[0] / 100:.2f} million in 2010, "
           f"up to a peak of {changers['value'].max() / 100:.2f} million in 2019, a dip during "
           f"COVID-19 and {changers['value'].iloc[-1] / 100:.2f} million in "
           f"{int(changers['year'].iloc[-1])}; no figure for {', '.join(map(str, gaps))}. "
           f"Bottom: people who want to change jobs, from {wanting['value'].iloc[0] / 100:.2f} "
           f"million in {int(wanting['year'].iloc[0])} to {wanting['value'].max() / 100:.2f} "
           "million in 2023.")
    return Chart(fig, alt)


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
        ax.annotate(row["country"], (xi, row["pay_index"] / 100), xytext=(8, -5 + 13 * k),
                    textcoords="offset points", fontsize=10, color=PALETTE["blue"])
    ax.set_xticks(range(len(AGE_GROUPS)), AGE_GROUPS)
    ax.set_xlabel("Age group (years)")
    ax.set_ylabel("Pay relative to under-30s (×)")
    ax.set_ylim(0.9, 2.05)
    ax.set_xlim(-0.3, 4.9)
    ax.axhline(1.0, color=charts.MUTED, linewidth=1)
    ax.set_title("Japan's pay rises with age, then falls after 60")
    ax.legend(loc="upper left")
    charts.add_source_line(fig, ds.source_line() + " Europe: only each country's peak group "
                           "is published.")
    peak_text = "; ".join(f"{r['country']} {r['pay_index'] / 100:.1f} times at {r['age_group']}"
                          for _, r in peaks.iterrows())
    alt = (f"Line chart of pay by age group relative to workers under 30. Japan's pay rises to "
           f"{jp['pay_index'].max() / 100:.1f} times at ages {jp['pay_index'].idxmax()} and "
           f"falls to {jp.loc['60+', 'pay_index'] / 100:.1f} times after 60. Points show each "
           f"European country's peak: {peak_text}.")
    return Chart(fig, alt)


# --------------------------------------------------------------------------
# Widget 1: what does a polished profile tell the boss?
# --------------------------------------------------------------------------

class SignalWidget(ModelWidget):
    """Bayes' rule for a boss who sees a freshly polished job profile."""

    title = "What does a polished profile tell the boss?"
    caption = ("Left: the boss's belief that the profile's owner is job-hunting (curve) against "
               "the share of workers who are; the dashed line is the belief before seeing the "
               "profile. Right: how many times more likely than an average colleague the owner "
               "is to be leaving. Dotted lines: Japan's and the OECD's share of workers who "
               "change jobs in a year.")

    def __init__(self) -> None:
        rates = base_rates()
        self._rates = rates
        jp, oecd = rates["Japan"][0], rates["OECD average"][0]
        self.presets = {
            "Japan": {"base_rate": jp, "p_seeker": 60.0, "p_stayer": 5.0, "own_rate": ""},
            "OECD average": {"base_rate": oecd, "p_seeker": 60.0, "p_stayer": 5.0,
                             "own_rate": ""},
            "Profiles are the norm": {"base_rate": oecd, "p_seeker": 80.0, "p_stayer": 50.0,
                                      "own_rate": ""},
        }
        self.preset_note = (
            f"Base rates are sourced: Japan {jp:.1f}% ({rates['Japan'][1]}); OECD average "
            f"{oecd:.0f}% ({rates['OECD average'][1]}). How often seekers and stayers polish a "
            "profile is stylised (no survey measures it): try your own values."
        )
        super().__init__()

    def build_controls(self) -> dict[str, w.ValueWidget]:
        style = {"description_width": "19em"}
        layout = w.Layout(width="97%", max_width="44em")
        jp = self._rates["Japan"][0]
        return {
            "base_rate": w.FloatSlider(value=jp, min=0.5, max=60.0, step=0.1,
                                       description="Workers looking to leave (% a year)",
                                       readout_format=".1f", style=style, layout=layout),
            "p_seeker": w.FloatSlider(value=60.0, min=0.0, max=100.0, step=0.5,
                                      description="Seekers who polish a profile (%)",
                                      readout_format=".1f", style=style, layout=layout),
            "p_stayer": w.FloatSlider(value=5.0, min=0.0, max=100.0, step=0.5,
                                      description="Stayers who polish a profile (%)",
                                      readout_format=".1f", style=style, layout=layout),
            "own_rate": w.Text(value="", placeholder="e.g. 12.5 (leave empty to use the slider)",
                               description="Or type your own share (% a year)",
                               continuous_update=False, style=style, layout=layout),
        }

    def read_params(self) -> dict[str, float]:
        """Slider values as probabilities; a typed share, if any, replaces the slider's."""
        params = {k: self.controls[k].value / 100 for k in ("base_rate", "p_seeker", "p_stayer")}
        typed = self.controls["own_rate"].value
        if typed.strip():
            params["base_rate"] = parse_number(typed, name="Your own share", lo=0.1, hi=60.0,
                                               unit="%") / 100
        return params

    def compute(self, base_rate: float, p_seeker: float, p_stayer: float) -> SignalResult:
        return signal(base_rate, p_seeker, p_stayer)

    def build_figure(self) -> Any:
        fig, (ax1, ax2) = charts.new_figure("widget", ncols=2, dpi=charts.WIDGET_DPI)
        ax1.plot([0, 100], [0, 100], linestyle="--", color=charts.MUTED, linewidth=1.2)
        for name, (rate, _why) in self._rates.items():
            for ax in (ax1, ax2):
                ax.axvline(rate, color=charts.MUTED, linestyle=":", linewidth=1.2)
            ax1.text(rate + 0.8, 97, name, fontsize=9, color=charts.MUTED, va="top",
                     rotation=90)
        (self._curve,) = ax1.plot([], [], color=PALETTE["vermillion"])
        (self._point,) = ax1.plot([], [], marker="o", color=PALETTE["vermillion"],
                                  markersize=9)
        self._label = ax1.text(0, 0, "", fontsize=10, ha="left", va="bottom",
                               bbox=charts.LABEL_BOX)
        ax1.set_xlim(0, 60)
        ax1.set_ylim(0, 100)
        ax1.set_xlabel("Workers looking to leave (%)")
        ax1.set_ylabel("Boss's belief after seeing it (%)")
        ax1.set_title("Belief", fontsize=12)
        (self._lift_curve,) = ax2.plot([], [], color=PALETTE["blue"])
        (self._lift_point,) = ax2.plot([], [], marker="s", color=PALETTE["blue"],
                                       markersize=8)
        self._lift_label = ax2.text(0, 0, "", fontsize=10, ha="left", va="bottom",
                                    bbox=charts.LABEL_BOX)
        ax2.set_xlim(0, 60)
        ax2.set_yscale("log")
        ax2.set_ylim(0.9, 100)
        ax2.set_yticks([1, 2, 5, 10, 20, 50, 100], ["1×", "2×", "5×", "10×", "20×", "50×",
                                                      "100×"])
        ax2.minorticks_off()
        ax2.set_xlabel("Workers looking to leave (%)")
        ax2.set_ylabel("Times more suspicious (×)")
        ax2.set_title("Lift", fontsize=12)
        return fig

    def animated_artists(self) -> tuple:
        return (self._curve, self._point, self._label, self._lift_curve, self._lift_point,
                self._lift_label)

    def draw(self, result: SignalResult) -> None:
        b, post = posterior_curve(result.p_seeker, result.p_stayer, n=241)
        b, post = b[1:] * 100, post[1:] * 100  # from 0.4%: the lift is undefined at 0
        keep = b <= 60
        self._curve.set_data(b[keep], post[keep])
        x, y = result.base_rate * 100, result.posterior * 100
        self._point.set_data([x], [y])
        self._label.set_position((x + 1.5, min(y, 90)))
        self._label.set_text(f"{y:.0f}%")
        lift = np.clip(post / b, 0.9, 100)
        self._lift_curve.set_data(b[keep], lift[keep])
        lift_now = float(np.clip(result.lift, 0.9, 100))
        self._lift_point.set_data([x], [lift_now])
        self._lift_label.set_position((x + 1.5, lift_now * 1.1))
        self._lift_label.set_text(f"{result.lift:.1f}×")

    def describe(self, result: SignalResult) -> str:
        ratio = ("infinite (stayers never polish)" if np.isinf(result.likelihood_ratio)
                 else f"{result.likelihood_ratio:.1f}")
        return (f"With {100 * result.base_rate:.1f}% of workers looking to leave, a boss who sees a "
                f"polished profile should think there is a {100 * result.posterior:.0f}% chance "
                f"its owner is leaving: {result.lift:.1f} times the chance for an average "
                f"colleague. Seekers polish {ratio} times as often as stayers (the likelihood "
                "ratio).")

    def background_key(self, result: SignalResult) -> None:
        return None


# --------------------------------------------------------------------------
# Widget 2: when does publishing a profile become the norm?
# --------------------------------------------------------------------------

class ThresholdWidget(ModelWidget):
    """Granovetter–Schelling threshold adoption of public profiles."""

    title = "When does publishing a profile become the norm?"
    caption = ("Left: the share of workers who would publish a profile (curve) for each share "
               "who already have one; where it meets the diagonal, nothing changes. Filled "
               "dots: stable equilibria; open dots: tipping points. The staircase is the path "
               "from the starting share. Right: the same path, round by round.")
    presets = {
        "Stuck low": {"mean": 50.0, "spread": 20.0, "early": 5.0, "start": 5.0},
        "Same people, high start": {"mean": 50.0, "spread": 20.0, "early": 5.0, "start": 60.0},
        "More early adopters": {"mean": 50.0, "spread": 20.0, "early": 20.0, "start": 5.0},
    }
    preset_note = ("All parameters here are stylised: no survey measures the thresholds at "
                   "which people would publish a profile. The presets show the mechanism.")
    ROUNDS = 25

    def build_controls(self) -> dict[str, w.ValueWidget]:
        style = {"description_width": "19em"}
        layout = w.Layout(width="97%", max_width="44em")

        def slider(value, lo, hi, label):
            return w.FloatSlider(value=value, min=lo, max=hi, step=0.5, description=label,
                                 readout_format=".1f", style=style, layout=layout)

        return {
            "mean": slider(50.0, 0.0, 100.0, "Typical threshold (% of peers)"),
            "spread": slider(20.0, 2.0, 50.0, "Spread of thresholds (% points)"),
            "early": slider(5.0, 0.0, 50.0, "Publish regardless (% of workers)"),
            "start": slider(5.0, 0.0, 100.0, "Starting share with a profile (%)"),
        }

    def read_params(self) -> dict[str, float]:
        return {k: c.value / 100 for k, c in self.controls.items()}

    def compute(self, mean: float, spread: float, early: float, start: float) -> dict:
        F = threshold_cdf(mean, spread, early)
        x = np.linspace(0, 1, 201)
        return {"x": x, "F": F(x), "equilibria": equilibria(F),
                "path": adoption_path(F, start, self.ROUNDS)}

    def build_figure(self) -> Any:
        fig, (ax1, ax2) = charts.new_figure("widget", ncols=2, dpi=charts.WIDGET_DPI)
        ax1.plot([0, 100], [0, 100], linestyle="--", color=charts.MUTED, linewidth=1.2)
        (self._map,) = ax1.plot([], [], color=PALETTE["blue"])
        (self._stair,) = ax1.plot([], [], color=PALETTE["orange"], linewidth=1.4)
        (self._stable,) = ax1.plot([], [], linestyle="none", marker="o", markersize=10,
                                   color=PALETTE["black"])
        (self._unstable,) = ax1.plot([], [], linestyle="none", marker="o", markersize=10,
                                     markerfacecolor="white", markeredgecolor=PALETTE["black"],
                                     markeredgewidth=2)
        ax1.set_xlim(0, 100)
        ax1.set_ylim(0, 100)
        ax1.set_xlabel("Peers with a profile now (%)")
        ax1.set_ylabel("Would publish (%)")
        ax1.set_title("Adoption map", fontsize=12)
        (self._path,) = ax2.plot([], [], color=PALETTE["orange"], marker="o", markersize=4)
        self._end = ax2.text(0, 0, "", fontsize=10, ha="right", va="bottom",
                             bbox=charts.LABEL_BOX)
        ax2.set_xlim(0, self.ROUNDS)
        ax2.set_ylim(0, 105)
        ax2.set_xlabel("Round")
        ax2.set_ylabel("With a profile (%)")
        ax2.set_title("Path", fontsize=12)
        return fig

    def animated_artists(self) -> tuple:
        return (self._map, self._stair, self._stable, self._unstable, self._path, self._end)

    def draw(self, result: dict) -> None:
        self._map.set_data(100 * result["x"], 100 * result["F"])
        path = 100 * result["path"]
        stair_x = np.repeat(path, 2)[:-1]
        stair_y = np.concatenate(([path[0]], np.repeat(path[1:], 2)))
        stair_y[0] = 0.0  # start on the axis
        self._stair.set_data(stair_x, stair_y)
        eq: list[Equilibrium] = result["equilibria"]
        self._stable.set_data([100 * e.share for e in eq if e.stable],
                              [100 * e.share for e in eq if e.stable])
        self._unstable.set_data([100 * e.share for e in eq if not e.stable],
                                [100 * e.share for e in eq if not e.stable])
        self._path.set_data(np.arange(len(path)), path)
        self._end.set_position((self.ROUNDS - 0.3, min(path[-1] + 2, 98)))
        self._end.set_text(f"{path[-1]:.0f}%")

    def describe(self, result: dict) -> str:
        eq: list[Equilibrium] = result["equilibria"]
        stable = ", ".join(f"{100 * e.share:.0f}%" for e in eq if e.stable)
        tipping = ", ".join(f"{100 * e.share:.0f}%" for e in eq if not e.stable)
        path = result["path"]
        text = (f"Starting from {100 * path[0]:.0f}% with a profile, the share settles at "
                f"{100 * path[-1]:.0f}% after {len(path) - 1} rounds. Stable equilibria: "
                f"{stable or 'none'}.")
        text += f" Tipping point: {tipping}." if tipping else " No tipping point."
        return text
