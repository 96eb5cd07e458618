"""Colour is never the only carrier in a static chart, and chart text meets WCAG AA.

:func:`make_accessible` runs on every finished :class:`meishi.kit.charts.Chart`:

* bar series in one panel that differ only by colour get a hatch each (the
  first stays plain), and the legend is drawn again so its keys show it;
* text drawn in a colour too light for its background (an Okabe–Ito green,
  purple or orange label on white) is darkened in the same hue until it
  reaches 4.5:1, WCAG's AA contrast for normal text.

The figure keeps its white background in the dark theme too, so one check
against the figure's own face colour holds for both themes.
:func:`contrast` and :func:`colour_only_series` are what the tests measure.
"""

from __future__ import annotations

from typing import Any

from matplotlib.colors import to_rgb
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text

__all__ = ["AA", "HATCHES", "colour_only_series", "contrast", "make_accessible"]

AA = 4.5
HATCHES = ["", "//", "..", "xx", "\\\\"]


def _luminance(colour: Any) -> float:
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: Any, b: Any) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _darkened(colour: Any, background: Any) -> tuple[float, float, float]:
    r, g, b = to_rgb(colour)
    for step in range(1, 21):
        k = 1 - step * 0.05
        c = (r * k, g * k, b * k)
        if contrast(c, background) >= AA:
            return c
    return (0.0, 0.0, 0.0)


def _texts(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _bar_groups(fig: Figure) -> list[tuple[Any, list[BarContainer]]]:
    out = []
    for ax in fig.axes:
        bars = [c for c in ax.containers if isinstance(c, BarContainer)
                and not c.get_label().startswith("_")]
        if len(bars) > 1:
            out.append((ax, bars))
    return out


def _look(container: BarContainer) -> tuple:
    patch = container.patches[0]
    return (patch.get_hatch() or "", round(patch.get_linewidth(), 2))


def _line_look(line: Any) -> tuple:
    face = line.get_markerfacecolor()
    open_ = isinstance(face, str) and face.lower() in ("white", "none", "#ffffff")
    return (str(line.get_marker()), line.get_linestyle(), open_)


def colour_only_series(fig: Figure) -> list[str]:
    """Labelled series in one panel that look alike but for their colour."""
    found = []
    for ax in fig.axes:
        bars = [c for c in ax.containers if isinstance(c, BarContainer)
                and not c.get_label().startswith("_")]
        lines = [ln for ln in ax.get_lines() if not ln.get_label().startswith("_")]
        for group, look in ((bars, _look), (lines, _line_look)):
            looks = [look(a) for a in group]
            found += [a.get_label() for a in group if looks.count(look(a)) > 1]
    return found


def make_accessible(fig: Figure) -> None:
    """Hatch bar series told apart only by colour; darken chart text below AA contrast."""
    for ax, bars in _bar_groups(fig):
        if len({_look(c) for c in bars}) == len(bars):
            continue
        for k, container in enumerate(bars):
            for patch in container.patches:
                patch.set_hatch(HATCHES[k % len(HATCHES)])
                dark = _luminance(patch.get_facecolor()) < 0.25
                patch.set_edgecolor("white" if dark else "#222222")
                patch.set_linewidth(0)
        legend = ax.get_legend()
        if legend is not None:
            ax.legend(loc=legend._loc, fontsize=legend.prop.get_size(),
                      frameon=legend.get_frame_on())
    background = fig.get_facecolor()
    for text in _texts(fig):
        box = text.get_bbox_patch()
        behind = box.get_facecolor() if box is not None else background
        if contrast(text.get_color(), behind) < AA:
            text.set_color(_darkened(text.get_color(), behind))
