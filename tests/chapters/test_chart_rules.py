"""Every chapter's evidence charts follow the course's chart rules (found by discovery)."""

from __future__ import annotations

import pytest

from meishi.chapters import discover

CHARTS = [(c.slug, make) for c in discover() for make in c.charts]


def test_every_chapter_after_the_introduction_has_three_charts_or_more():
    for chapter in discover():
        if chapter.number > 0:
            assert len(chapter.charts) >= 3, chapter.slug


@pytest.mark.parametrize("slug, make", CHARTS, ids=[f"{s}.{m.__name__}" for s, m in CHARTS])
def test_chart_rules(slug, make):
    chart = make()
    fig = chart.fig
    assert chart.datasets, "a data chart names the datasets it draws (linked on the page)"
    source = fig.get_supxlabel()
    assert source.startswith(("Source", "Sources", "Statistics Bureau")), source
    assert fig._supxlabel.get_fontsize() >= 9, "source lines stay legible when projected"
    assert len(chart.alt) > 80 and not chart.alt.startswith("<Figure")
    for ax in fig.axes:
        if ax.get_ylabel():
            assert "(" in ax.get_ylabel(), f"y label without a unit: {ax.get_ylabel()!r}"
        if ax.get_xlabel():
            assert "(" in ax.get_xlabel() or "year" in ax.get_xlabel().lower(), ax.get_xlabel()
        (x0, x1), y0 = ax.get_xlim(), ax.get_ylim()[0]
        # the value axis starts at zero (y for line charts, x for horizontal bars), or,
        # for a measure that can be negative (an effect size), runs through zero
        starts = y0 == 0 or x0 == 0
        diverging = (x0 < 0 < x1 and "0 = none" in ax.get_xlabel())
        assert starts or diverging, f"{make.__name__}: axes start at x={x0}, y={y0}"


def _drawn_texts(fig):
    """Every piece of text the figure draws, with where it lands (display pixels)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found, seen, inside = [], set(), []

    def add(text, what):
        if isinstance(text, Text) and text.get_visible() and text.get_text().strip() \
                and id(text) not in seen:
            seen.add(id(text))
            found.append((what, text.get_text(), text.get_window_extent(renderer)))

    for name in ("_supxlabel", "_suptitle", "_supylabel"):
        add(getattr(fig, name, None), name.strip("_"))
    for text in fig.texts:
        add(text, "figure text")
    for legend in fig.legends:  # the phone rendering's one legend under the plot
        for text in legend.get_texts():
            add(text, "legend")
    for ax in fig.axes:
        for title in (ax.title, ax._left_title, ax._right_title):
            add(title, "title")
        add(ax.xaxis.label, "x label")
        add(ax.yaxis.label, "y label")
        for text in ax.texts:
            add(text, "label")
            if text.get_visible() and text.get_text().strip() and \
                    text.get_transform() is not ax.transAxes:
                inside.append((text.get_text(), text.get_window_extent(renderer),
                               ax.get_window_extent(renderer)))
        legend = ax.get_legend()
        if legend is not None:
            for text in legend.get_texts():
                add(text, "legend")
            add(legend.get_title(), "legend title")
        for axis, ticks, labels in ((ax.xaxis, ax.get_xticks(), ax.get_xticklabels()),
                                    (ax.yaxis, ax.get_yticks(), ax.get_yticklabels())):
            low, high = sorted(axis.get_view_interval())
            for tick, label in zip(ticks, labels, strict=False):
                if low - 1e-9 <= tick <= high + 1e-9:
                    add(label, "tick")
    return found, inside


@pytest.mark.parametrize("rendering", ["page", "phone"])
@pytest.mark.parametrize("slug, make", CHARTS, ids=[f"{s}.{m.__name__}" for s, m in CHARTS])
def test_no_chart_text_runs_off_the_canvas_or_over_other_text(slug, make, rendering):
    """Titles, labels, annotations and tick labels stay inside the image (which the book
    shows on screen and prints as it is) and never overlap each other: in the page's
    rendering and in the phone's (meishi.kit.chartfit.for_phone)."""
    fig = make().fig if rendering == "page" else make().phone_fig()
    texts, inside = _drawn_texts(fig)
    width, height = fig.canvas.get_width_height()
    if rendering == "phone":
        _phone_text_is_readable(make.__name__, fig)
    for what, text, box in texts:
        assert box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 and box.y1 <= height + 1, \
            f"{make.__name__}: {what} {text!r} runs off the {width}x{height} canvas ({box})"
    for i, (what_a, text_a, a) in enumerate(texts):
        for what_b, text_b, b in texts[i + 1:]:
            w = min(a.x1, b.x1) - max(a.x0, b.x0)
            h = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert w <= 1 or h <= 1, \
                f"{make.__name__}: {what_a} {text_a!r} overlaps {what_b} {text_b!r}"
    # a label placed in data coordinates stays between the axes' left and right edges,
    # so it never crosses an axis line or runs into the tick labels
    for text, box, axes in inside:
        assert box.x0 >= axes.x0 + 2 and box.x1 <= axes.x1 + 1, \
            f"{make.__name__}: label {text!r} crosses the edge of its axes"


#: A chart's width on a 390 px phone (CSS px, measured in Chromium; test_phone's charts
#: test holds the shown text itself to 9 CSS px).
PHONE_COLUMN = 342


def _phone_text_is_readable(name, fig):
    """The phone rendering's smallest text, shown PHONE_COLUMN CSS px wide, is 9 CSS px or
    more: no text under 9 pt, and the image no wider than twice the column."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip()]
    scale = PHONE_COLUMN / fig.canvas.get_width_height()[0]
    smallest = min(sizes) * fig.dpi / 72 * scale
    assert smallest >= 9, f"{name}: phone text {smallest:.1f} CSS px in a {PHONE_COLUMN} px column"
