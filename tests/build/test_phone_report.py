"""The phone report (meishi_build.phone): its table and its chart-text arithmetic.  The
measuring itself runs Chromium on the built book: tests/browser/test_phone.py."""

from __future__ import annotations

from meishi.kit.charts import DPI
from meishi_build.phone import CHART_MIN_POINTS, chart_text_px, to_markdown


def test_chart_text_scales_with_the_shown_width():
    natural = 1080
    # shown at its drawn size, 9 pt at DPI is 9 * DPI / 72 px; at half the width, half
    assert chart_text_px(natural, natural) == round(CHART_MIN_POINTS * DPI / 72, 1)
    assert chart_text_px(natural / 2, natural) == round(CHART_MIN_POINTS * DPI / 144, 1)
    assert chart_text_px(300, 0) == 0.0  # an image not loaded reads as unreadable


def test_the_table_gives_each_widget_and_the_smallest_figures():
    target = {"group": "quiz option", "w": 300.0, "h": 44.0, "what": "Yes"}
    report = {"viewports": {"390x844": {"chapters/01_x.html": {
        "widgets": [{"widget": "signal", "height": 1561, "chart": 540, "span": 694,
                     "room": 788, "fits": True},
                    {"widget": "threshold", "height": 1376, "chart": 540, "span": 800,
                     "room": 788, "fits": False}],
        "charts": [{"alt": "A chart", "shown": 358, "natural": 648, "text_px": 9.9,
                    "phone": True},
                   {"alt": "B chart", "shown": 358, "natural": 1080, "text_px": 9.1}],
        "smallest_target": target, "small_targets": []}}}}
    table = to_markdown(report)
    assert "| 01_x | signal | 1,561 | 540 | 694 | 788 | yes |" in table
    assert "| 01_x | threshold | 1,376 | 540 | 800 | 788 | no |" in table
    assert "Smallest touch target: 300.0 × 44.0 px (quiz option: Yes)" in table
    assert "Smallest chart text: 9.1 px" in table
    # each figure: the rendering shown and its smallest text
    assert "| 01_x | A chart… | phone | 9.9 |" in table
    assert "| 01_x | B chart… | page | 9.1 |" in table
