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
