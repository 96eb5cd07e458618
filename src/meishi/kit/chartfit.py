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
    longest = max(len(line) for line in content.split("\n"))
    chars = max(12, int(longest * width / box.width) - 2)
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


def fit_text(fig: Figure, *, passes: int = 6) -> bool:
    """Keep every title and axis label inside the canvas (wrapping it onto a second line),
    and labels written inside an axes apart from each other (nudged vertically).

    Called for every :class:`Chart`, so a long title or two line-end labels that land on
    the same spot never print clipped or on top of each other.  True when it ended on a
    layout in which nothing moved (nothing was set after its last layout pass).
    """
    for _ in range(passes):
        fig.draw_without_rendering()  # the layout only: no pixels (cheap)
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
            return True
    return False


#: A chart's phone rendering: this wide (inches, at the same DPI), so that on a 390 px
#: screen (a column about 358 CSS px wide) its 9-point text shows at about 10 CSS px.
PHONE_WIDTH = 4.5
#: ...and this much taller than the original, for the wrapped titles and the legend below.
PHONE_TALLER = 1.2
#: The source line's characters a line at the phone width.
PHONE_SOURCE_CHARS = 64
#: A legend entry's characters a line, and each panel's height (inches) when the
#: panels of a figure are put one under another.
PHONE_LEGEND_CHARS = 40
#: At most this many times its range is an x axis widened for the labels past its bars.
PHONE_MAX_WIDEN = 1.6
#: A title spans the phone rendering's width when its axes start right of this share of it.
PHONE_TITLE_SPAN = 0.3
PHONE_PANEL = 3.2
#: A horizontal bar chart's category names go above their bars when the widest is more
#: than this share of the phone rendering's width (they would leave the bars no room).
PHONE_LABELS_ABOVE = 0.4
#: ...and each bar is then this thick (of one category's step), the name above it.
PHONE_BAR = 0.42


def for_phone(fig: Figure) -> Figure:
    """A copy of ``fig`` laid out for a phone: narrower, the same type sizes (so larger
    on the screen), the source line re-wrapped, a lone legend moved under the plot, a
    numeric x axis with fewer ticks, and :func:`fit_text` run again."""
    import pickle

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.ticker import MaxNLocator, ScalarFormatter

    phone = pickle.loads(pickle.dumps(fig))
    FigureCanvasAgg(phone)
    height = phone.get_size_inches()[1]
    axes = [ax for ax in phone.axes if ax.get_subplotspec() is not None]
    if len(axes) > 1:
        # panels side by side (or in a grid) one under another
        grid = phone.add_gridspec(len(axes), 1)
        for i, ax in enumerate(axes):
            ax.set_subplotspec(grid[i, 0])
        height = PHONE_PANEL * len(axes)
    source = phone._supxlabel
    added = 0.0  # inches for the source line's extra lines
    if source is not None and source.get_text():
        before = source.get_text().count("\n")
        source.set_text("\n".join(textwrap.wrap(source.get_text().replace("\n", " "),
                                                width=PHONE_SOURCE_CHARS)))
        added = (source.get_text().count("\n") - before) * source.get_fontsize() * 1.3 / 72
    phone.set_size_inches(PHONE_WIDTH, height * PHONE_TALLER + added)
    # every legend's entries in one legend under the plot (an entry named twice, once)
    handles, labels, size = [], [], None
    for ax in phone.axes:
        old = ax.get_legend()
        if old is None:
            continue
        for handle, text in zip(old.legend_handles, old.get_texts(), strict=True):
            if text.get_text() not in labels:
                handles.append(handle)
                labels.append(text.get_text())
        size = size or old.get_texts()[0].get_fontsize()
        old.remove()
    _labels_above_bars(phone)
    # a title over the whole width, when long tick labels push the axes (and its title,
    # which starts at the axes' left edge) far to the right
    phone.draw_without_rendering()
    renderer = phone.canvas.get_renderer()
    if len(phone.axes) == 1 and phone.axes[0].get_window_extent(renderer).x0 > \
            PHONE_TITLE_SPAN * phone.canvas.get_width_height()[0]:
        ax = phone.axes[0]
        for title in (ax._left_title, ax.title):
            if title.get_text():
                phone.suptitle(" ".join(title.get_text().split()), x=0.01, ha="left",
                               fontsize=title.get_fontsize(), fontweight=title.get_fontweight())
                title.set_text("")
                phone.draw_without_rendering()
                _wrap_to(phone._suptitle, renderer, phone.canvas.get_width_height()[0] - 16)
                break
    for ax in phone.axes:
        if isinstance(ax.xaxis.get_major_formatter(), ScalarFormatter) and \
                ax.get_xscale() == "linear":
            ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    # each step below reports whether it ended on a layout after which nothing was set:
    # the next step then uses that layout instead of laying the figure out again
    settled = fit_text(phone)  # True: ends on a layout in which nothing moved
    renderer = phone.canvas.get_renderer()
    wrapped = [_wrap_to(ax.xaxis.label, renderer, ax.get_window_extent(renderer).width)
               for ax in phone.axes]  # an x label no wider than its axes
    if any(wrapped):
        settled = fit_text(phone)
    settled = _room_for_labels(phone, laid_out=settled)
    settled = _upright_crowded_ticks(phone, laid_out=settled)
    if handles:
        _legend_below(phone, handles, labels, size, laid_out=settled)
        fit_text(phone)  # the legend made the axes lower: labels that now touch, apart
    return phone


def _legend_below(fig: Figure, handles: list, labels: list[str], size: Any, *,
                  laid_out: bool = False) -> None:
    """One legend, centred on the figure, under the lowest axes' tick labels and x label
    (its own legend, so the layout keeps room for it above the source line).
    ``laid_out``: the figure was just laid out and nothing set since (no new pass)."""
    from matplotlib.transforms import ScaledTranslation, blended_transform_factory

    if not laid_out:
        fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    ax = min(fig.axes, key=lambda a: a.get_window_extent(renderer).y0)
    below = ax.get_window_extent(renderer).y0 - ax.get_tightbbox(renderer).y0
    under = ax.transAxes + ScaledTranslation(0, -(below + 8) / fig.dpi, fig.dpi_scale_trans)
    ax.legend(handles, ["\n".join(textwrap.wrap(label, PHONE_LEGEND_CHARS)) for label in labels],
              loc="upper center", bbox_to_anchor=(0.5, 0),
              bbox_transform=blended_transform_factory(fig.transFigure, under),
              ncols=1, fontsize=size)


def _labels_above_bars(fig: Figure) -> None:
    """A horizontal bar chart whose category names are too wide for a phone: each name
    written above its (thinner) bar, from the axes' left edge, and the figure made taller
    so that a name never touches the bar above it."""
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import blended_transform_factory

    renderer = fig.canvas.get_renderer()  # no layout yet: the names' widths need none
    width = fig.canvas.get_width_height()[0]
    for ax in fig.axes:
        names = [t for t in ax.get_yticklabels() if t.get_visible() and t.get_text().strip()]
        bars = [p for p in ax.patches if isinstance(p, Rectangle)]
        if not names or not bars or max(t.get_window_extent(renderer).width
                                         for t in names) < PHONE_LABELS_ABOVE * width:
            continue
        for bar in bars:  # thinner, about the same centre
            centre = bar.get_y() + bar.get_height() / 2
            bar.set_height(PHONE_BAR)
            bar.set_y(centre - PHONE_BAR / 2)
        step = -1 if ax.yaxis_inverted() else 1  # "up" on the screen, in data units
        place = blended_transform_factory(ax.transAxes, ax.transData)
        added = [ax.annotate(t.get_text(), (0.01, y + step * PHONE_BAR / 2), xycoords=place,
                             xytext=(0, 2), textcoords="offset points", ha="left",
                             va="bottom", fontsize=t.get_fontsize(), color=t.get_color())
                 for y, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=False)
                 if t.get_text().strip()]
        ax.tick_params(axis="y", left=False, labelleft=False)
        low, high = sorted(ax.get_ylim())
        if step > 0:
            ax.set_ylim(low, high + (1 - PHONE_BAR) / 2)  # room for the top bar's name
        else:
            ax.set_ylim(high, low - (1 - PHONE_BAR) / 2)
        # a name and its gap fit in the step above its bar: taller when they do not
        fig.draw_without_rendering()
        tall = max(t.get_window_extent(renderer).height for t in added) + 10
        box = ax.get_window_extent(renderer)
        step_px = box.height / abs(ax.get_ylim()[1] - ax.get_ylim()[0])
        need = tall / (1 - PHONE_BAR)
        if need > step_px:
            grow = (need - step_px) * abs(ax.get_ylim()[1] - ax.get_ylim()[0]) / fig.dpi
            fig.set_size_inches(fig.get_figwidth(), fig.get_figheight() + grow * 1.05)


def _room_for_labels(fig: Figure, *, passes: int = 4, laid_out: bool = False) -> bool:
    """Widen an axes' x range until the labels written in data coordinates (a bar's value
    past its end) stay inside it.  ``laid_out``: the figure was just laid out and nothing
    set since (its first pass uses that layout).  True when it ended on a layout pass
    after which nothing was set."""
    spans = {ax: ax.get_xlim() for ax in fig.axes}
    for i in range(passes):
        if i or not laid_out:
            fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        changed = False
        for ax in fig.axes:
            first_low, first_high = spans[ax]
            if ax.get_xlim()[1] - ax.get_xlim()[0] >= PHONE_MAX_WIDEN * (first_high - first_low):
                continue  # no further: the labels would leave the bars no room
            box = ax.get_window_extent(renderer)
            over = max((t.get_window_extent(renderer).x1 - box.x1 + 4 for t in ax.texts
                        if t.get_visible() and t.get_text().strip()
                        and t.get_transform() is not ax.transAxes), default=0)
            under = max((box.x0 + 4 - t.get_window_extent(renderer).x0 for t in ax.texts
                         if t.get_visible() and t.get_text().strip()
                         and t.get_transform() is not ax.transAxes), default=0)
            if over > 0 or under > 0:
                low, high = ax.get_xlim()
                per_px = (high - low) / box.width
                ax.set_xlim(low - max(under, 0) * per_px * 1.2 if low < 0 else low,
                            high + max(over, 0) * per_px * 1.2)
                changed = True
        if not changed:
            return True
    return False


def _upright_crowded_ticks(fig: Figure, *, laid_out: bool = False) -> bool:
    """Turn an x axis's tick labels upright when they would touch each other.
    ``laid_out``: the figure was just laid out and nothing set since (no new pass).
    True when it ends on a layout pass after which nothing was set."""
    if not laid_out:
        fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    turned = False
    for ax in fig.axes:
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels()
                 if t.get_visible() and t.get_text().strip()]
        if any(a.x1 > b.x0 - 2 for a, b in itertools.pairwise(sorted(boxes, key=lambda b: b.x0))):
            turned = True
            for t in ax.get_xticklabels():
                t.set_rotation(90)
                t.set_rotation_mode("anchor")
                t.set_ha("right")
                t.set_va("center")
    return not turned
