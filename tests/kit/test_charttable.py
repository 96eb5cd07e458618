"""A chart's data table (meishi.kit.charttable): read from what the figure draws, equal to
the chart's source data, and written as accessible HTML."""

from __future__ import annotations

import math
import re

import pytest
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer

from meishi.chapters import discover
from meishi.data import load
from meishi.data.series import job_mobility, trust_wave7, year_float
from meishi.kit import charts
from meishi.kit.charttable import SUMMARY, fmt, name_points, tables, to_html

CHARTS = [(c.slug, make) for c in discover() for make in c.charts]


def _rows(table: dict) -> dict[str, list]:
    return {r[0]: r[1:] for r in table["rows"]}


def test_horizontal_bars_read_top_down_by_category():
    fig, ax = charts.new_figure()
    ax.barh(["Japan", "France", "United States"], [12.4, 10.3, 3.9])
    ax.set_xlabel("Years with the employer (years)")
    ax.set_title("Tenure")
    [t] = tables(fig)
    assert t["caption"] == "Tenure"
    assert t["columns"] == ["Category", "Years with the employer (years)"]
    assert [r[0] for r in t["rows"]] == ["United States", "France", "Japan"]  # as seen
    assert _rows(t)["Japan"] == [12.4]


def test_grouped_bars_are_columns_and_a_dash_is_no_figure():
    fig, ax = charts.new_figure()
    for k, (label, vals) in enumerate((("FY2016", [18.6, 54.8]), ("FY2018", [0.0, 47.4]))):
        xs = [i + (k - 0.5) * 0.38 for i in range(2)]
        ax.bar(xs, vals, width=0.38, label=label)
        for x, v in zip(xs, vals, strict=True):
            ax.text(x, v + 1, "–" if v == 0 else f"{v:.0f}")
    ax.set_xticks(range(2), ["13–19", "20–29"])
    [t] = tables(fig)
    assert t["columns"][1:] == ["FY2016", "FY2018"]
    assert _rows(t) == {"13–19": [18.6, None], "20–29": [54.8, 47.4]}


def test_lines_join_their_unlabelled_parts_and_leave_out_reference_lines():
    fig, ax = charts.new_figure()
    ax.plot([2010, 2011, 2012], [1.0, float("nan"), 3.0], marker="o", color="C0", label="a")
    ax.plot([2012], [3.0], marker="o", linestyle="none", markerfacecolor="white",
            markeredgecolor="C0")  # an open marker over a point of "a"
    ax.plot([2010, 2012], [5.0, 6.0], marker="s", color="C1", label="b")
    ax.axvline(2011, color="grey")
    ax.axhline(4, color="grey")
    ax.set_xlabel("Year")
    ax.set_ylabel("Count (millions)")
    [t] = tables(fig)
    assert t["columns"] == ["Year", "a", "b"]
    assert t["rows"] == [[2010, 1.0, 5.0], [2012, 3.0, 6.0]]
    assert t["caption"].endswith(". Values: Count (millions)")


def test_mid_year_and_mid_month_positions_read_as_dates():
    fig, ax = charts.new_figure()
    ax.plot([year_float("2015"), year_float("2016-02")], [1, 2], label="n")
    ax.set_xlabel("Year")
    [t] = tables(fig)
    assert [r[0] for r in t["rows"]] == ["2015", "Feb 2016"]


def test_named_points_get_a_row_each():
    fig, ax = charts.new_figure()
    name_points(ax.scatter([3.9, 12.4], [59.4, 4.0]), ["United States", "Japan"])
    ax.set_xlabel("Tenure (years)")
    ax.set_ylabel("LinkedIn (per 100 people)")
    [t] = tables(fig)
    assert t["columns"] == ["Point", "Tenure (years)", "LinkedIn (per 100 people)"]
    assert t["rows"] == [["United States", 3.9, 59.4], ["Japan", 12.4, 4.0]]


def test_numbers_print_as_the_table_shows_them():
    assert [fmt(v) for v in (4.0, 4.039, 0.1234, -0.01, 2015.125, None, float("nan"))] == \
        ["4", "4.039", "0.123", "−0.01", "2015.125", "–", "–"]


def test_html_is_folded_captioned_scoped_and_escaped():
    markup = to_html([{"caption": "<b>x</b>", "columns": ["Country", "Share (%)"],
                       "rows": [["<i>J</i>", 1.5], ["K", None]]}])
    assert markup.startswith('<details class="meishi-chart-data"><summary>' + SUMMARY)
    assert "<caption>&lt;b&gt;x&lt;/b&gt;</caption>" in markup
    assert '<th scope="col">Share (%)</th>' in markup
    assert '<th scope="row">&lt;i&gt;J&lt;/i&gt;</th><td>1.5</td>' in markup
    assert "<td>–</td>" in markup and "<b>" not in markup and "<i>" not in markup
    assert to_html([]) == ""


def test_the_table_travels_with_the_chart_into_the_page():
    fig, ax = charts.new_figure()
    ax.plot([0, 1], [0, 1], label="line")
    chart = charts.Chart(fig, "A rising line from zero to one, for the test.")
    _data, meta = chart._repr_mimebundle_()
    assert meta["image/png"]["table"] == chart.table() == tables(fig)


def _drawn(fig) -> list[float]:
    """Every number the figure draws as data: bar lengths, line and point positions."""
    values = []
    for ax in fig.axes:
        for c in ax.containers:
            if isinstance(c, BarContainer):
                horizontal = getattr(c, "orientation", "") == "horizontal"
                values += [p.get_width() if horizontal else p.get_height() for p in c.patches]
        for line in ax.get_lines():
            if line.get_transform() == ax.transData:
                values += [float(v) for v in line.get_ydata()]
        words = any(not re.fullmatch(r"[−\d.,]*", t.get_text()) for t in ax.get_xticklabels())
        for col in ax.collections:  # a categorical x (found / not looked for) is a word
            if isinstance(col, PathCollection):
                values += [float(v) for xy in col.get_offsets() for v in xy[int(words):]]
    return [v for v in values if not math.isnan(v)]


@pytest.mark.parametrize("slug, make", CHARTS, ids=[f"{s}.{m.__name__}" for s, m in CHARTS])
def test_every_chart_has_a_table_holding_every_number_it_draws(slug, make):
    chart = make()
    found = chart.table()
    panels = [ax for ax in chart.fig.axes if ax.containers or ax.collections
              or any(line.get_transform() == ax.transData for line in ax.get_lines())]
    assert len(found) == len(panels) >= 1
    numbers = [v for t in found for r in t["rows"] for v in r if isinstance(v, float | int)]
    words = " ".join(str(v) for t in found for r in t["rows"] for v in r if isinstance(v, str))
    for value in _drawn(chart.fig):
        # a bar at zero under "–" is "no figure"; a year on the x axis may read as a date
        assert value == 0 or any(abs(value - n) < 1e-9 for n in numbers) \
            or str(math.floor(value)) in words, f"{make.__name__}: {value} not in its table"
    for t in found:
        assert t["caption"] and all(t["columns"]) and not t["caption"].startswith("Panel")
        assert all(len(r) == len(t["columns"]) for r in t["rows"])
    markup = to_html(found)
    assert markup.count("<table>") == len(found) and 'scope="row"' in markup


# -- the tables against the charts' source data ----------------------------------------

def _chart(slug: str, name: str):
    [make] = [m for c in discover() if c.slug == slug for m in c.charts if m.__name__ == name]
    return make()


def test_tenure_table_is_the_tenure_data():
    [t] = _chart("profile_signal", "tenure_chart").table()
    frame = load("tenure_by_country").frame
    assert _rows(t) == {r.country: [r.tenure_years] for r in frame.itertuples()}


def test_trust_table_is_the_trust_data():
    [t] = _chart("trust", "trust_by_country_chart").table()
    assert _rows(t) == {f"{c} ({survey})": [pytest.approx(v)]
                        for c, (v, survey) in trust_wave7().items()}


def test_job_changers_table_is_the_labour_force_survey_series():
    top = _chart("profile_signal", "job_mobility_chart").table()[0]
    changers = job_mobility("job_changers")
    rows = _rows(top)
    col = top["columns"].index("changed jobs (latest figure)") - 1
    assert {int(k): v[col] for k, v in rows.items() if v[col] is not None} == {
        int(y): pytest.approx(v / 100) for y, v in zip(changers["year"], changers["value"],
                                                            strict=True)}


def test_lens_tables_name_every_country_with_its_two_values():
    from meishi.chapters.conclusion.lenses import LENSES, lens_points, lens_table

    found = _chart("conclusion", "lens_chart").table()
    table = lens_table()
    for t, lens in zip(found, LENSES.values(), strict=True):
        countries, xs, ys, _missing = lens_points(lens.key, table)
        got = {r[0]: r[1:] for r in t["rows"]}
        assert set(got) == set(countries)
        for c, x, y in zip(countries, xs, ys, strict=True):
            assert got[c][1] == pytest.approx(y)
            if lens.key != "local":
                assert got[c][0] == pytest.approx(x)


def test_facebook_by_age_leaves_missing_figures_empty():
    [t] = _chart("home_advantage", "facebook_age_chart").table()
    frame = load("service_use_by_age_japan").frame.query("service == 'Facebook'")
    for survey in ("FY2016", "FY2018"):
        col = t["columns"].index(survey)
        sub = frame[frame["survey"] == survey].set_index("age_group")["share_percent"]
        got = {r[0]: r[col] for r in t["rows"]}
        assert {k: v for k, v in got.items() if v is not None} == {
            g.replace("-", "–"): pytest.approx(float(v)) for g, v in sub.items()}
    assert re.search(r"FY2018", " ".join(t["columns"]))


# -- colour is never the only carrier; chart text meets AA (meishi.kit.chartmarks) ------

def test_bar_series_told_apart_only_by_colour_get_hatches():
    from meishi.kit.chartmarks import colour_only_series, make_accessible

    fig, ax = charts.new_figure()
    ax.barh([0, 1], [1, 2], height=0.4, label="before", color=charts.PALETTE["sky"])
    ax.barh([0.4, 1.4], [2, 3], height=0.4, label="after", color=charts.PALETTE["vermillion"])
    ax.legend()
    assert colour_only_series(fig) == ["before", "after"]
    make_accessible(fig)
    assert colour_only_series(fig) == []
    assert [h.get_hatch() or "" for h in ax.get_legend().legend_handles] == ["", "//"]


def test_light_text_is_darkened_in_its_own_hue_to_aa():
    from meishi.kit.chartmarks import AA, contrast, make_accessible

    fig, ax = charts.new_figure()
    label = ax.text(0.5, 0.5, "LINE", color=charts.PALETTE["green"])
    assert contrast(label.get_color(), "white") < AA
    make_accessible(fig)
    r, g, b = label.get_color()
    assert contrast((r, g, b), "white") >= AA and g > r and g > b  # still green


@pytest.mark.parametrize("slug, make", CHARTS, ids=[f"{s}.{m.__name__}" for s, m in CHARTS])
def test_every_chart_marks_series_beyond_colour_and_its_text_meets_aa(slug, make):
    from matplotlib.text import Text

    from meishi.kit.chartmarks import AA, colour_only_series, contrast

    fig = make().fig
    assert colour_only_series(fig) == []
    # the figure is white in both themes (the page's dark mode does not repaint it)
    assert contrast(fig.get_facecolor(), "white") == 1
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip():
            box = text.get_bbox_patch()
            behind = box.get_facecolor() if box is not None else fig.get_facecolor()
            assert contrast(text.get_color(), behind) >= AA, (make.__name__, text.get_text())
