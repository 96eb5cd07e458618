"""A chart's data as tables a reader can open beside it (WCAG 1.1.1, issue 22).

:func:`tables` reads the numbers straight from a finished matplotlib figure:
what each bar, line and point draws, so a table can never disagree with its
chart.  One table per panel:

* bars: a row per category (the axis's tick label), a column per bar series;
* lines and points: a row per x value, a column per series; when points are
  named (an annotation at the point, or :func:`name_points`), a row per
  point instead, with its series, name, x and y.

Reference lines (``axhline``/``axvline``) and text are not data and are left
out.  A line without a legend label (open markers over a series, the other
segments of a series) joins the labelled series drawn with the same marker
and colour.  :func:`to_html` writes the tables as a folded ``<details>``
("The data in this chart") with captions and ``th scope``.
"""

from __future__ import annotations

import html
import math
from typing import Any

from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Annotation

__all__ = ["SUMMARY", "fmt", "name_points", "tables", "to_html"]

SUMMARY = "The data in this chart"
_NAMES = "_meishi_point_names"


def name_points(artist: Any, names: Any) -> Any:
    """Give each point of a scatter ``artist`` a name for the chart's table; returns it."""
    setattr(artist, _NAMES, [str(n) for n in names])
    return artist


def fmt(value: float | None) -> str:
    """A number as the table prints it: at most three decimals, a true minus sign."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _label(artist: Any) -> str:
    label = _clean(artist.get_label() or "")
    return "" if label.startswith("_") else label


def _ticks(ax: Axes, axis: str, *, words: bool = True) -> dict[float, str]:
    """Tick position -> label; with ``words``, only when the labels are words (categories,
    age groups), not numbers on a scale."""
    a = ax.yaxis if axis == "y" else ax.xaxis
    locs = list(a.get_majorticklocs())
    labels = [_clean(t) for t in a.get_major_formatter().format_ticks(locs)]
    if not labels or (words and all(_is_number(t) for t in labels)):
        return {}
    return {float(loc): t for loc, t in zip(locs, labels, strict=True)}


def _is_number(text: str) -> bool:
    try:
        float(text.replace("−", "-").replace(",", ""))
    except ValueError:
        return not text
    return True


def _category(ticks: dict[float, str], pos: float) -> str:
    if ticks:
        loc = min(ticks, key=lambda t: abs(t - pos))
        spacing = min((abs(a - b) for a in ticks for b in ticks if a != b), default=1.0)
        if abs(loc - pos) < spacing / 2 + 1e-9:
            return ticks[loc]
    return fmt(pos)


def _axis_label(ax: Axes, axis: str) -> str:
    """The axis's label, or a panel's that shares the axis (sharex/sharey leave one)."""
    get = (lambda a: a.get_xlabel()) if axis == "x" else (lambda a: a.get_ylabel())
    shared = ax.get_shared_x_axes() if axis == "x" else ax.get_shared_y_axes()
    for a in [ax, *shared.get_siblings(ax)]:
        if _clean(get(a)):
            return _clean(get(a))
    return ""


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _when(x: float) -> str | float:
    """A year drawn as a number (meishi.data.series.year_float) back as a date:
    2016.5 -> "2016", 2016.125 -> "Feb 2016"; anything else stays a number."""
    year = math.floor(x)
    if abs(x - year - 0.5) < 1e-6:
        return str(year)
    month = (x - year) * 12 + 0.5
    if abs(month - round(month)) < 1e-6 and 1 <= round(month) <= 12:
        return f"{_MONTHS[round(month) - 1]} {year}"
    return x


def _title(ax: Axes, fig: Figure, index: int) -> str:
    for loc in ("left", "center", "right"):
        if ax.get_title(loc=loc):
            return _clean(ax.get_title(loc=loc))
    sup = getattr(fig, "_suptitle", None)
    return _clean(sup.get_text()) if sup is not None else f"Panel {index + 1}"


def _bar_table(ax: Axes, bars: list[BarContainer], title: str) -> dict:
    horizontal = getattr(bars[0], "orientation", "vertical") == "horizontal"
    ticks = _ticks(ax, "y" if horizontal else "x", words=False)
    value_label = _axis_label(ax, "x" if horizontal else "y")
    cat_label = _axis_label(ax, "y" if horizontal else "x") or "Category"
    # a bar drawn at zero under a "–" label stands for "no figure"
    dashes = [(t.get_position()[1] if horizontal else t.get_position()[0]) for t in ax.texts
              if _clean(t.get_text()) in ("–", "—", "-")]
    columns = [_label(c) or value_label or "Value" for c in bars]
    rows: dict[str, list] = {}
    for j, container in enumerate(bars):
        for patch in container.patches:
            if horizontal:
                pos, value = patch.get_y() + patch.get_height() / 2, patch.get_width()
            else:
                pos, value = patch.get_x() + patch.get_width() / 2, patch.get_height()
            row = rows.setdefault(_category(ticks, pos), [None] * len(bars))
            half = (patch.get_height() if horizontal else patch.get_width()) / 2
            missing = value == 0 and any(abs(d - pos) < half for d in dashes)
            row[j] = None if missing or math.isnan(value) else float(value)
    # the reader meets categories top to bottom (horizontal bars are drawn bottom up)
    names = list(rows)[::-1] if horizontal else list(rows)
    caption = title + (f". Values: {value_label}" if value_label and len(bars) > 1 else "")
    return {"caption": caption, "columns": [cat_label, *columns],
            "rows": [[n, *rows[n]] for n in names]}


def _series(ax: Axes) -> list[tuple[str, list[tuple[float, float]], list[str] | None]]:
    """(label, points, names) for every line and scatter in ``ax``, unlabelled lines merged."""
    found: list[list] = []
    keys: dict[tuple, int] = {}
    for line in ax.get_lines():
        if line.get_transform() != ax.transData:
            continue  # axhline/axvline: a reference, not data
        pts = [(float(x), float(y)) for x, y in zip(line.get_xdata(), line.get_ydata(),
                                                      strict=True)
               if not (math.isnan(float(x)) or math.isnan(float(y)))]
        if not pts:
            continue
        label = _label(line)
        key = (str(line.get_marker()), str(line.get_markeredgecolor()), line.get_color())
        alt_key = (str(line.get_marker()), str(line.get_markeredgecolor()))
        target = keys.get(key, keys.get(alt_key)) if not label else None
        if target is None:
            keys.setdefault(key, len(found))
            keys.setdefault(alt_key, len(found))
            found.append([label, [], None])
            target = len(found) - 1
        found[target][1].extend(p for p in pts if p not in found[target][1])
    for col in ax.collections:
        if isinstance(col, PathCollection) and len(col.get_offsets()):
            pts = [(float(x), float(y)) for x, y in col.get_offsets()]
            found.append([_label(col), pts, getattr(col, _NAMES, None)])
    return [tuple(f) for f in found]


def _point_table(ax: Axes, title: str) -> dict | None:
    series = _series(ax)
    if not series:
        return None
    xlabel = _axis_label(ax, "x") or "x"
    ylabel = _axis_label(ax, "y") or "Value"
    ticks = _ticks(ax, "x")
    years = "year" in xlabel.lower() and not ticks
    labels = {s[0] for s in series}
    notes = {(round(t.xy[0], 6), round(t.xy[1], 6)): _clean(t.get_text()) for t in ax.texts
             if isinstance(t, Annotation) and t.xycoords == "data"
             and _clean(t.get_text()) not in labels and not _is_number(_clean(t.get_text()))}

    def xcell(x: float) -> str | float:
        return _category(ticks, x) if ticks else _when(x) if years else x

    named = any(s[2] for s in series) or any(
        (round(x, 6), round(y, 6)) in notes for s in series for x, y in s[1])
    # a series with two values at one x (the ends of two spans) cannot share a row by x
    clash = any(len({x for x, _y in s[1]}) < len(s[1]) for s in series)
    heads = [s[0] or (ylabel if len(series) == 1 else f"Series {i + 1}")
             for i, s in enumerate(series)]
    if named or clash:
        many = len(series) > 1
        rows = []
        for head, (_l, pts, names) in zip(heads, series, strict=True):
            for i, (x, y) in enumerate(pts):
                name = names[i] if names else notes.get((round(x, 6), round(y, 6)), "")
                rows.append([*([name or "–"] if named else []), *([head] if many else []),
                             xcell(x), y])
        return {"caption": title, "rows": rows, "columns": [
            *(["Point"] if named else []), *(["Series"] if many else []), xlabel, ylabel]}
    xs = sorted({x for s in series for x, _y in s[1]})
    rows = []
    for x in xs:
        row: list = [xcell(x)]
        for _l, pts, _n in series:
            ys = [y for px, y in pts if px == x]
            row.append(ys[0] if ys else None)
        rows.append(row)
    caption = title + (f". Values: {ylabel}" if len(series) > 1 else "")
    return {"caption": caption, "columns": [xlabel, *heads], "rows": rows}


def tables(fig: Figure) -> list[dict]:
    """One table per panel of ``fig`` that draws data: ``{caption, columns, rows}``.

    A row's first cell names it (a category, an x value or a point); numbers stay
    numbers (``None`` where a series has no value), so they can be checked and formatted.
    """
    out = []
    first = _title(fig.axes[0], fig, 0) if fig.axes else ""
    for i, ax in enumerate(fig.axes):
        title = _title(ax, fig, i)
        if title.startswith("Panel ") and len(fig.axes) > 1 and not first.startswith("Panel "):
            title = f"{first}, panel {i + 1} of {len(fig.axes)}"
        bars = [c for c in ax.containers if isinstance(c, BarContainer)]
        table = _bar_table(ax, bars, title) if bars else _point_table(ax, title)
        if table and table["rows"]:
            out.append(table)
    return out


def _cell(value: Any, tag: str = "td") -> str:
    text = value if isinstance(value, str) else fmt(value)
    scope = ' scope="row"' if tag == "th" else ""
    return f"<{tag}{scope}>{html.escape(text)}</{tag}>"


def to_html(data: list[dict]) -> str:
    """The tables, folded under "The data in this chart", as safe HTML."""
    if not data:
        return ""
    parts = [f'<details class="meishi-chart-data"><summary>{SUMMARY}</summary>']
    for t in data:
        head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in t["columns"])
        body = "".join("<tr>" + _cell(r[0], "th") + "".join(_cell(v) for v in r[1:]) + "</tr>"
                       for r in t["rows"])
        parts.append(f'<div class="meishi-chart-table" tabindex="0" role="region" '
                     f'aria-label="{html.escape(t["caption"], quote=True)}">'
                     f'<table><caption>{html.escape(t["caption"])}</caption>'
                     f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
    parts.append("</details>")
    return "".join(parts)
