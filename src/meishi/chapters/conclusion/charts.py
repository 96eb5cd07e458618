"""Chapter 5's evidence charts: the lenses across countries, Japan then and now, local rivals."""

from __future__ import annotations

from ...data import load
from ...data.series import job_mobility
from ...kit import charts, charttable
from ...kit.charts import PALETTE, Chart
from .facts import flows
from .lenses import LENSES, lens_points, lens_table, lens_without_linkedin

__all__ = ["lens_chart", "rivals_chart", "since_chart"]

_LENS_DATASETS = ("linkedin_members_by_country", "linkedin_members_japan", "tenure_by_country",
                  "individualism_by_country", "general_trust", "local_network_lead")


def _sources(names: tuple[str, ...]) -> str:
    return "Sources: " + "; ".join(load(n).title for n in names) + \
        ". Details and grades on the Data and sources page."


def lens_chart() -> Chart:
    """Four small panels: each lens's measure against LinkedIn members per 100 people."""
    table = lens_table()
    unmatched = lens_without_linkedin()
    fig, axes = charts.new_figure("tall", nrows=2, ncols=2, sharey=True)
    alt_parts = []
    for ax, lens in zip(axes.flat, LENSES.values(), strict=True):
        countries, xs, ys, missing = lens_points(lens.key, table)
        colours = [PALETTE["vermillion"] if c == "Japan" else PALETTE["blue"] for c in countries]
        charttable.name_points(ax.scatter(xs, ys, c=colours, s=36, zorder=3), countries)
        for c, x, y in zip(countries, xs, ys, strict=True):
            if c in ("Japan", "United States"):
                ax.annotate("US" if c == "United States" else c, (x, y), xytext=(5, 4),
                            textcoords="offset points", fontsize=10)
        if lens.key == "local":
            ax.set_xlim(-0.4, 1.4)
            ax.set_xticks([0, 1], ["not looked for", "found"])
            ax.set_xlabel("(local rival)", fontsize=10)
        else:
            ax.set_xlim(0, max(xs) * 1.25)
            ax.set_xlabel(f"({lens.unit})", fontsize=10)
        ax.set_ylim(0, 70)
        ax.set_title(f"{lens.explanation}: {lens.short}", fontsize=11)
        gaps = [f"no figure for {', '.join(missing)}"] if missing else []
        if unmatched.get(lens.key):
            gaps.append(f"no LinkedIn figure for {', '.join(unmatched[lens.key])}")
        alt_parts.append(f"{lens.explanation} ({lens.measure}): " + ", ".join(
            f"{c} {x:g} and {y:.1f}" for c, x, y in zip(countries, xs, ys, strict=True))
            + (f" ({'; '.join(gaps)})" if gaps else ""))
    for ax in axes[:, 0]:
        ax.set_ylabel("LinkedIn (per 100 people)", fontsize=10)
    charts.add_source_line(fig, _sources(_LENS_DATASETS))
    alt = ("Four scatter charts, one per lens, each with LinkedIn members per 100 people "
           "upwards and Japan in red; each pair is the lens value and LinkedIn per 100. "
           + ". ".join(alt_parts) + ".")
    return Chart(fig, alt, datasets=_LENS_DATASETS)


def _then_now(ax, title: str, unit: str, bars_: list[tuple[str, float]], fmt: str) -> str:
    labels, values = [b[0] for b in bars_], [b[1] for b in bars_]
    colours = [PALETTE["sky"]] * (len(bars_) - 1) + [PALETTE["blue"]]
    bars = ax.barh(labels, values, color=colours, height=0.55)
    ax.set_xlim(0, max(values) * 1.35)
    charts.label_bars(ax, bars, values, fmt, fontsize=10)
    ax.set_title(title, fontsize=12)
    ax.set_xlabel(f"({unit})", fontsize=10)
    ax.grid(axis="y", visible=False)
    return f"{title}: " + ", ".join(f"{fmt.format(v)} in {label}" for label, v in bars_)


def since_chart() -> Chart:
    """Japan around 2015 and now, flows beside flows: LinkedIn's new members a year, job
    changers a year, and the share of people using LINE and Facebook."""
    use = load("service_use_japan").frame
    adds = flows()
    changers = job_mobility("job_changers")
    changers = changers[changers["year"] >= adds["changers_first_year"]]

    def service(name: str) -> tuple[tuple[str, float], tuple[str, float], str]:
        rows = use[use["service"] == name].sort_values("date")
        after = rows[rows["date"].str[:4].astype(int) >= 2014]
        first, last = after.iloc[0], after.iloc[-1]
        bases = sorted({str(b).split(",")[0] for b in (first["age_base"], last["age_base"])})
        return ((first["date"][:4], float(first["share_percent"])),
                (last["date"][:4], float(last["share_percent"])),
                f"% of people aged {' / '.join(bases)}")

    end = str(adds["li_adds_early_end"])[2:]
    spans = [(f"{adds['li_adds_first_year']}-{end}", adds["li_adds_early_low"]),
             (f"{adds['li_adds_second_year']}-{end}", adds["li_adds_early_high"]),
             (f"{adds['li_adds_early_end']}-{str(adds['li_adds_last_year'])[2:]}",
              adds["li_adds_late"])]
    line, facebook = service("LINE"), service("Facebook")
    fig, axes = charts.new_figure("tall", nrows=2, ncols=2)
    parts = [
        _then_now(axes[0, 0], "New LinkedIn members a year", "millions, net", spans,
                  "{:.2f}"),
        _then_now(axes[0, 1], "Job changers a year", "millions",
                  [(str(int(changers["year"].iloc[i])), float(changers["value"].iloc[i]) / 100)
                   for i in (0, -1)], "{:.2f}"),
        _then_now(axes[1, 0], "LINE users", line[2], [line[0], line[1]], "{:.1f}%"),
        _then_now(axes[1, 1], "Facebook users", facebook[2], [facebook[0], facebook[1]],
                  "{:.1f}%"),
    ]
    names = ("linkedin_members_japan", "job_mobility_japan", "service_use_japan")
    charts.add_source_line(fig, _sources(names) + " New members a year: the rise "
                           "between LinkedIn's own counts (2015 and 2016 both about 1M).")
    alt = ("Four bar charts of Japan around 2015 and now, each a flow or a share: "
           + "; ".join(parts) + ". Neither flow changed much beside the fivefold rise in "
           "LinkedIn's member count; LINE grew to nearly everyone; Facebook stayed near a third.")
    return Chart(fig, alt, datasets=names)


def rivals_chart() -> Chart:
    """Where the course found a local rival: its members beside LinkedIn's, in millions."""
    ds = load("local_network_lead")
    df = ds.frame[ds.frame["local_rival"] == "found"]
    fig, ax = charts.new_figure("wide")
    labels, values, colours, parts = [], [], [], []
    for country, rows in df.groupby("country", sort=False):
        place = "German-speaking" if country == "Germany" else country
        for r in rows.itertuples():
            labels.append(f"{place}: {r.service} ({r.date[:4]})")
            values.append(float(r.members_million))
            colours.append(PALETTE["blue"] if r.service == "LinkedIn" else PALETTE["orange"])
        parts.append(f"{place}: " + ", ".join(
            f"{r.service} {r.members_million:g} ({r.date[:4]})" for r in rows.itertuples()))
    bars = ax.barh(labels[::-1], values[::-1], color=colours[::-1], height=0.6)
    ax.set_xlim(0, max(values) * 1.2)
    charts.label_bars(ax, bars, values[::-1], "{:.1f}")
    ax.set_xlabel("Members or users, as each company counts them (millions)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Where a local rival was found, it was about LinkedIn's size or larger "
                 "(each on its own base)")
    charts.add_source_line(fig, ds.source_line(df).rstrip(".") + ". Company figures on "
                           "different bases and dates; the course looked only in these places.")
    alt = ("Horizontal bar chart of LinkedIn (blue) beside a local rival (orange), in millions "
           "of members or users: " + "; ".join(parts) + ". In each place the local service "
           "is of about LinkedIn's size or larger, each counted on its own base.")
    return Chart(fig, alt, datasets=(ds.name,))
