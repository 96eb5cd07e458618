"""Chart conventions shared by every chapter.

* Colours come from the Okabe–Ito palette, which stays distinct for the
  common forms of colour blindness; lines also differ by marker so that a
  grey-scale print or projector still separates them.
* Japanese text is drawn with IPAexGothic from ``matplotlib-fontja``
  (Latin text with DejaVu Sans); :func:`setup` sets the style first and the
  font last, because a later style would reset the font.
* Figures have an opaque white background so they stay legible when the
  book is read in dark mode.
* Every data chart carries a source line (:func:`add_source_line`) and is
  shown through :class:`Chart`, which carries meaningful alt text into the
  built book (see :mod:`meishi_build.altimage`).

Figures are made with :class:`matplotlib.figure.Figure` directly, never
through ``pyplot``: nothing is shown twice, and no global figure state
leaks between cells or widgets.
"""

from __future__ import annotations

import base64
import io
import logging
import textwrap
from dataclasses import dataclass
from typing import Any

import matplotlib
import matplotlib.style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .chartfit import fit_text, for_phone
from .chartmarks import make_accessible

__all__ = [
    "FIG_SIZES",
    "MARKERS",
    "PALETTE",
    "Chart",
    "add_source_line",
    "label_bars",
    "new_figure",
    "png_bytes",
    "setup",
]

#: Okabe & Ito (2008) colour-blind-safe palette, in the order charts use it.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: The palette as a cycle (yellow last: it is weak on white).
CYCLE = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "black")]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]
#: Text and grid greys with enough contrast on white.
INK = "#222222"
MUTED = "#555555"
GRID = "#d9d9d9"

#: Background for a value label drawn over gridlines or bars.
LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "pad": 1}

#: Figure sizes in inches.  At the book's content width (about 730 px) a
#: 7.5-inch figure keeps 12-pt text readable, and on a classroom projector
#: the same text stays legible from the back of the room.
FIG_SIZES: dict[str, tuple[float, float]] = {
    "wide": (7.5, 4.2),
    "tall": (7.5, 5.4),
    "square": (5.6, 5.0),
}
DPI = 144  # crisp on high-density screens; about 1080 px wide for "wide"

_FONT_FAMILY = ["DejaVu Sans", "IPAexGothic"]
_done = False


class _NoBoldFallbackNotice(logging.Filter):
    """Drop matplotlib's notice that IPAexGothic has no bold weight.

    IPAexGothic ships one weight, so bold titles draw their Japanese glyphs
    at regular weight; matplotlib says so on stderr the first time, which
    would put noise on a page (and fail the strict build).  Every other
    font message, such as a family not found, still gets through, and the
    tests catch missing glyphs separately.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not ("Failed to find font weight" in message and "IPAexGothic" in message)


_FONT_LOG_FILTER = _NoBoldFallbackNotice()


def setup() -> None:
    """Apply the course style; safe to call many times.

    Style first, font last: ``matplotlib.style.use`` would reset the font
    family, so the Japanese font is registered and chosen after it.
    """
    global _done
    font_log = logging.getLogger("matplotlib.font_manager")
    if _FONT_LOG_FILTER not in font_log.filters:
        font_log.addFilter(_FONT_LOG_FILTER)
    matplotlib.style.use("default")
    import matplotlib_fontja

    matplotlib_fontja.japanize()
    matplotlib.rcParams.update(
        {
            # A list of families (not the generic "sans-serif") turns on
            # matplotlib's per-glyph fallback: Latin from DejaVu Sans,
            # kana and kanji from IPAexGothic.
            "font.family": _FONT_FAMILY,
            "font.sans-serif": _FONT_FAMILY,
            "font.size": 12,
            "axes.titlesize": 14,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.labelsize": 12,
            "axes.labelcolor": INK,
            "axes.edgecolor": MUTED,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.axisbelow": True,
            "grid.color": GRID,
            "grid.linewidth": 0.8,
            "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
            "lines.linewidth": 2.4,
            "lines.markersize": 7,
            "legend.frameon": False,
            "legend.fontsize": 11,
            "xtick.color": INK,
            "ytick.color": INK,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "text.color": INK,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "savefig.transparent": False,
            "figure.dpi": DPI,
            "axes.unicode_minus": False,
        }
    )
    _done = True


def new_figure(size: str = "wide", *, nrows: int = 1, ncols: int = 1,
               dpi: int | None = None, **subplot_kw: Any) -> tuple[Figure, Any]:
    """A new figure (not registered with pyplot) and its axes."""
    if not _done:
        setup()
    fig = Figure(figsize=FIG_SIZES[size], dpi=dpi or DPI, layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, **subplot_kw)
    return fig, axes


def label_bars(ax: Any, bars: Any, values: Any, fmt: str, *, fontsize: int = 11) -> None:
    """Write each horizontal bar's value just past its end (left of it when negative).

    ``fmt`` is a format string such as ``"{:.1f}%"``; minus signs print as true minus signs.
    """
    low, span = ax.get_xlim()
    for bar, value in zip(bars, values, strict=True):
        x = bar.get_width()
        text = fmt.format(value).replace("-", "−")
        # a negative bar's label sits left of its end, unless the bar leaves too little room
        # before the axis edge (the label's width, estimated at 0.6 em a character): then it
        # sits right of zero, clear of the edge and the tick labels
        points = ax.get_position().width * ax.figure.get_figwidth() * 72
        needed = (len(text) * 0.6 * fontsize + 8) * (span - low) / points
        left = x < 0 and x - low > needed + 0.02 * span
        ax.text((x - 0.02 * span) if left else (max(x, 0) + 0.02 * span),
                bar.get_y() + bar.get_height() / 2, text, va="center",
                ha="right" if left else "left", fontsize=fontsize)


def add_source_line(fig: Figure, text: str, *, width: int = 110) -> None:
    """Print ``text`` (who the numbers come from) under the figure, small and grey."""
    if not text or not text.strip():
        raise ValueError("a data chart needs a source line")
    wrapped = "\n".join(textwrap.wrap(text, width=width))
    fig.get_layout_engine().set(h_pad=0.08)
    fig.supxlabel(wrapped, x=0.0, ha="left", fontsize=9, color=MUTED, style="italic")


def png_bytes(fig: Figure, *, dpi: int | None = None) -> bytes:
    """Render ``fig`` to PNG, as the book shows it.

    Charts are flat colours plus anti-aliased edges, so a 256-colour palette
    (median cut, no dithering) looks the same and weighs about a third as
    much: the page stays light on a phone connection.  The pixels come from
    ``savefig``'s raw RGBA output (the very pixels its PNG would hold), not
    from a PNG encoded and decoded again.
    """
    from PIL import Image

    dpi = dpi or fig.dpi
    buf = io.BytesIO()
    fig.savefig(buf, format="rgba", dpi=dpi, facecolor="white")
    width, height = (int(inches * dpi) for inches in fig.get_size_inches())
    pixels = buf.getbuffer()
    if pixels.nbytes != width * height * 4:
        raise RuntimeError(f"savefig gave {pixels.nbytes} bytes, not {width}x{height} RGBA")
    image = Image.frombuffer("RGBA", (width, height), pixels).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                             dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="png", optimize=True)
    return out.getvalue()


@dataclass
class Chart:
    """A finished chart: the figure and the alt text that describes it.

    Displaying a ``Chart`` in a notebook shows the PNG; in the built book
    the alt text becomes the image's ``alt`` attribute (see
    :class:`meishi_build.altimage.AltTextImagePlugin`), and in a plain-text context
    the alt text itself is shown.
    """

    fig: Figure
    alt: str
    #: The datasets drawn (names in sources.yml); the page links to their entries.
    datasets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        alt = " ".join(self.alt.split())
        if len(alt) < 20:
            raise ValueError("alt text must describe what the chart shows (20+ characters)")
        if alt.startswith("<Figure") or alt.lower().endswith((".png", ".svg")):
            raise ValueError("alt text must describe the chart, not name the figure or file")
        self.alt = alt
        make_accessible(self.fig)  # hatches where only colour differs; AA text contrast
        fit_text(self.fig)  # titles and labels inside the canvas and apart

    def table(self) -> list[dict]:
        """The data the chart draws, a table per panel (:mod:`meishi.kit.charttable`)."""
        from .charttable import tables

        return tables(self.fig)

    def png(self) -> bytes:
        return png_bytes(self.fig)

    def phone_fig(self) -> Figure:
        """The figure laid out for a phone (a copy: :func:`~.chartfit.for_phone`)."""
        return for_phone(self.fig)

    def phone_png(self) -> bytes:
        """The phone rendering, which the book shows on narrow screens (with the same alt)."""
        return png_bytes(self.phone_fig())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None):
        data = {
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": self.alt,
        }
        meta = {"image/png": {"alt": self.alt, "datasets": list(self.datasets),
                              "table": self.table(),
                              "phone": base64.b64encode(self.phone_png()).decode("ascii")}}
        return data, meta

    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png()).decode("ascii")
