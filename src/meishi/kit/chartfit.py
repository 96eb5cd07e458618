"""Text that fits: every chart's titles and labels inside the canvas, and apart.

:class:`meishi.kit.charts.Chart` runs :func:`fit_text` on each figure, so a
long title or two line-end labels that land on the same spot never print
clipped or on top of each other (``tests/chapters/test_chart_rules.py``
checks every chart).
"""

from __future__ import annotations

import itertools
import textwrap
from typing import Any

from matplotlib.figure import Figure

__all__ = ["fit_text"]


def _wrap_to(text: Any, renderer: Any, width: float) -> bool:
    """Wrap ``text`` onto more lines until it is at most ``width`` pixels wide."""
    content = text.get_text()
    box = text.get_window_extent(renderer)
    if box.width <= width:
        return False
    chars = max(12, int(len(content.replace("\n", " ")) * width / box.width) - 2)
    text.set_text("\n".join(textwrap.wrap(content.replace("\n", " "), width=chars)))
    return True


def _nudge(text: Any, dy: float) -> None:
    """Move a label ``dy`` display pixels up (down when negative)."""
    if getattr(text, "anncoords", None) == "offset points":
        x, y = text.xyann
        text.xyann = (x, y + dy * 72 / text.figure.dpi)
        return
    transform = text.get_transform()
    x, y = transform.transform(text.get_position())
    text.set_position(transform.inverted().transform((x, y + dy)))


def fit_text(fig: Figure, *, passes: int = 6) -> None:
    """Keep every title and axis label inside the canvas (wrapping it onto a second line),
    and labels written inside an axes apart from each other (nudged vertically).

    Called for every :class:`Chart`, so a long title or two line-end labels that land on
    the same spot never print clipped or on top of each other.
    """
    for _ in range(passes):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        width = fig.canvas.get_width_height()[0]
        changed = False
        for ax in fig.axes:
            # a title or x label is centred on its axes: it fits if each half fits on
            # its side of the centre
            box = ax.get_window_extent(renderer)
            centre = (box.x0 + box.x1) / 2
            room = 2 * min(centre, width - centre) - 8
            for text, fits in ((ax.title, room), (ax.xaxis.label, room),
                               (ax._left_title, width - box.x0 - 4),
                               (ax._right_title, box.x1 - 4)):
                if text.get_text():
                    changed |= _wrap_to(text, renderer, fits)
            labels = sorted((t for t in ax.texts if t.get_visible() and t.get_text().strip()),
                            key=lambda t: t.get_window_extent(renderer).y0)
            for low, high in itertools.pairwise(labels):
                a, b = low.get_window_extent(renderer), high.get_window_extent(renderer)
                overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
                overlap_y = a.y1 - b.y0
                if overlap_x > 1 and overlap_y > 1:
                    _nudge(high, overlap_y / 2 + 1.5)
                    _nudge(low, -(overlap_y / 2 + 1.5))
                    changed = True
        if not changed:
            return
