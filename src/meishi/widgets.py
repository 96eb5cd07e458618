"""Widget conventions: how every interactive figure in the course is wired.

A chapter widget is a subclass of :class:`ModelWidget`.  It declares

* ``build_controls()``: labelled ipywidgets with units and defaults;
* ``build_figure()``: the figure and the artists it will later update;
* ``compute(**params)``: a call to a *pure* model function in
  :mod:`meishi.models` (unit-tested on its own);
* ``draw(result)``: moves the existing artists to the model's output
  (``set_data``, ``set_height``, ``set_text`` …), never a new figure;
* ``describe(result)``: a one-line summary, used both as the status line a
  learner reads and as the alt text of the figure;
* ``presets``: named settings grounded in sourced data, plus a reset.

Typed input goes through :func:`parse_number`, which answers empty,
out-of-range, huge, markup, emoji and Japanese input with a clear message;
any text a learner typed is escaped before it is shown as HTML.

In the built book (the build sets ``MEISHI_STATIC_BOOK=1``) the widget is a
snapshot: it shows its default state, its controls are disabled and a note
says how to run it live.
"""

from __future__ import annotations

import base64
import contextlib
import html
import os
import re
import time
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

import ipywidgets as w

from . import charts

__all__ = [
    "InputError",
    "ModelWidget",
    "is_static_book",
    "parse_number",
    "escape",
]

STATIC_ENV = "MEISHI_STATIC_BOOK"


class InputError(ValueError):
    """Input a learner typed that the model cannot use; the message says why."""


def is_static_book() -> bool:
    """True while the book is being built (widgets are shown as snapshots)."""
    return os.environ.get(STATIC_ENV, "") not in ("", "0")


def escape(text: str) -> str:
    """Escape text for HTML, quotes included."""
    return html.escape(str(text), quote=True)


def _shorten(text: str, limit: int = 24) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_KANJI_NUMERALS = set("〇一二三四五六七八九十百千万億")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
MAX_INPUT_CHARS = 40


def parse_number(text: Any, *, name: str, lo: float, hi: float,
                 integer: bool = False, unit: str = "") -> float | int:
    """Read a number typed by a learner, or raise :class:`InputError` saying why not.

    Accepts half- and full-width digits (``20`` and ``２０``), thousands
    separators (``1,000`` and ``1，000``) and surrounding spaces.  The
    message never echoes the input unescaped.
    """
    unit_txt = f" {unit}" if unit else ""
    example = int(lo) if integer else lo
    raw = "" if text is None else str(text)
    if len(raw) > MAX_INPUT_CHARS:
        raise InputError(
            f"{name}: that is {len(raw)} characters long; type a number between "
            f"{lo:g} and {hi:g}{unit_txt}."
        )
    norm = unicodedata.normalize("NFKC", raw).strip().replace(",", "").replace("_", "")
    norm = norm.replace(" ", "")
    if not norm:
        raise InputError(f"{name} is empty: type a number between {lo:g} and {hi:g}{unit_txt}, "
                         f"for example {example:g}.")
    if "<" in norm or ">" in norm or "&" in norm:
        raise InputError(f"{name}: markup such as “{escape(_shorten(raw))}” is not a number; "
                         f"type digits only, for example {example:g}.")
    if any(ch in _KANJI_NUMERALS for ch in norm):
        raise InputError(f"{name}: please write “{escape(_shorten(raw))}” with digits "
                         f"(0–9 or ０–９), not kanji numerals.")
    if not _NUMBER.match(norm):
        raise InputError(f"{name}: “{escape(_shorten(raw))}” is not a number; type a number "
                         f"between {lo:g} and {hi:g}{unit_txt}.")
    value = float(norm)
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"{name}: type a finite number between {lo:g} and {hi:g}{unit_txt}.")
    if value < lo or value > hi:
        raise InputError(f"{name} must be between {lo:g} and {hi:g}{unit_txt}; "
                         f"you typed {escape(_shorten(raw))}.")
    if integer:
        if value != int(value):
            raise InputError(f"{name} must be a whole number; you typed {escape(_shorten(raw))}.")
        return int(value)
    return value


class FigureView:
    """A figure shown as an ``<img>`` with alt text inside an HTML widget.

    Rendering to an image (rather than an interactive canvas) keeps the
    widget light, works in the static book and lets the alt text follow the
    figure's current state.

    Updates are blitted: the parts of the figure that do not move (axes,
    ticks, labels) are drawn once and kept as a background; an update
    restores it and draws only the ``animated`` artists.  The background is
    redrawn only when ``background_key`` changes (say, a new axis range).
    """

    def __init__(self, fig: Any, caption: str = "", animated: tuple = ()) -> None:
        self.fig = fig
        self.caption = caption
        self.animated = tuple(animated)
        for artist in self.animated:
            artist.set_animated(True)
        self.alt = ""
        self.full_draws = 0
        self._background = None
        self._background_key: Any = object()
        self.widget = w.HTML(layout=w.Layout(width="100%"))
        self.widget.add_class("meishi-figure")

    def _draw(self, background_key: Any) -> bytes:
        if not self.animated:
            self.full_draws += 1
            return charts.png_bytes_fast(self.fig)
        canvas = self.fig.canvas
        if self._background is None or background_key != self._background_key:
            charts.freeze_layout(self.fig)
            canvas.draw()  # everything but the animated artists
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            self._background_key = background_key
            self.full_draws += 1
        else:
            canvas.restore_region(self._background)
        for artist in self.animated:
            self.fig.draw_artist(artist)
        return charts.encode_canvas(canvas)

    def render(self, alt: str, background_key: Any = None) -> None:
        png = self._draw(background_key)
        b64 = base64.b64encode(png).decode("ascii")
        width = int(self.fig.get_figwidth() * charts.WIDGET_DPI)  # display size
        self.alt = alt
        caption = f"<figcaption>{escape(self.caption)}</figcaption>" if self.caption else ""
        self.widget.value = (
            f'<figure style="margin:0">'
            f'<img src="data:image/png;base64,{b64}" alt="{escape(alt)}" '
            f'style="max-width:100%;height:auto" width="{width}">'
            f"{caption}</figure>"
        )


class ModelWidget:
    """Base class for the course's widgets (see the module docstring)."""

    title: str = ""
    caption: str = ""
    #: Named settings a learner can jump to: ``{"Japan": {"param": value}}``.
    presets: Mapping[str, Mapping[str, Any]] = {}
    #: Where each preset's numbers come from (shown under the presets).
    preset_note: str = ""

    def __init__(self) -> None:
        self.controls: dict[str, w.ValueWidget] = self.build_controls()
        self.defaults = {k: c.value for k, c in self.controls.items()}
        self._check_presets()
        self.fig = self.build_figure()
        if is_static_book():
            # The snapshot is all a reader of the book sees, and it is drawn
            # once: draw it as sharp as the book's other figures.
            self.fig.set_dpi(charts.DPI)
        self.view = FigureView(self.fig, self.caption, animated=self.animated_artists())
        self.status = w.HTML()
        self.status.add_class("meishi-status")
        self.message = w.HTML()
        self.message.add_class("meishi-message")
        self.timings: list[float] = []
        self.last_result: Any = None
        self._holding = False
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.preset_buttons = [self._preset_button(name) for name in self.presets]
        self.reset_button = w.Button(description="Reset", icon="",
                                     tooltip="Back to the default settings")
        self.reset_button.on_click(lambda _b: self.reset())
        self.update()
        self.ui = self._layout()
        if is_static_book():
            self._freeze()

    # -- to override -------------------------------------------------------
    def build_controls(self) -> dict[str, w.ValueWidget]:
        raise NotImplementedError

    def build_figure(self) -> Any:
        raise NotImplementedError

    def compute(self, **params: Any) -> Any:
        raise NotImplementedError

    def draw(self, result: Any) -> None:
        raise NotImplementedError

    def describe(self, result: Any) -> str:
        raise NotImplementedError

    def read_params(self) -> dict[str, Any]:
        """Control values as model parameters; typed inputs are parsed here."""
        return {k: c.value for k, c in self.controls.items()}

    def animated_artists(self) -> tuple:
        """Artists that move on every update (drawn over a cached background).

        Return ``()`` to redraw the whole figure each time.
        """
        return ()

    def background_key(self, result: Any) -> Any:
        """What the static part of the figure depends on (axis ranges, title…)."""
        return None

    # -- machinery ---------------------------------------------------------
    def _check_presets(self) -> None:
        """Every preset value must be one a control can show exactly.

        A slider's front end snaps to its step: a preset of 0.8 on a slider
        with step 0.5 would show (and, once moved, send) 1.0.
        """
        for name, values in {"default": self.defaults, **self.presets}.items():
            for key, value in values.items():
                control = self.controls.get(key)
                if control is None:
                    raise KeyError(f"preset {name!r} sets unknown control {key!r}")
                step = getattr(control, "step", None)
                if isinstance(control, (w.FloatSlider, w.IntSlider)) and step:
                    if not control.min <= value <= control.max:
                        raise ValueError(f"preset {name!r}: {key}={value} outside the slider")
                    steps = (value - control.min) / step
                    if abs(steps - round(steps)) > 1e-6:
                        raise ValueError(f"preset {name!r}: {key}={value} is not on the "
                                         f"slider's step of {step}")

    def _preset_button(self, name: str) -> w.Button:
        button = w.Button(description=name, tooltip=f"Set the controls to: {name}",
                          layout=w.Layout(width="auto"))
        button.on_click(lambda _b, n=name: self.apply_preset(n))
        return button

    def _on_change(self, _change: Any) -> None:
        if not self._holding:
            self.update()

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Change several controls, then update once."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        self.update()

    def set(self, **values: Any) -> None:
        """Set controls by name (one update at the end)."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise KeyError(f"no such control: {', '.join(sorted(unknown))}")
        with self.hold():
            for k, v in values.items():
                self.controls[k].value = v

    def apply_preset(self, name: str) -> None:
        if name not in self.presets:
            raise KeyError(f"no preset called {name!r}; presets: {', '.join(self.presets)}")
        self.set(**self.presets[name])

    def reset(self) -> None:
        self.set(**self.defaults)

    def update(self) -> bool:
        """Recompute and redraw; returns False (and says why) on bad input."""
        start = time.perf_counter()
        try:
            result = self.compute(**self.read_params())
        except InputError as exc:
            self.show_message(str(exc))
            return False
        self.show_message("")
        self.draw(result)
        summary = self.describe(result)
        self.view.render(alt=summary, background_key=self.background_key(result))
        self.status.value = f'<p class="meishi-summary">{escape(summary)}</p>'
        self.last_result = result
        self.timings.append(time.perf_counter() - start)
        return True

    def show_message(self, text: str) -> None:
        # Messages are built from escaped pieces by parse_number / models,
        # so they are inserted as they are; anything else is escaped.
        if text:
            self.message.value = (
                '<p role="alert" class="meishi-alert"><strong>Check the input:</strong> '
                f"{text}</p>"
            )
        else:
            self.message.value = ""

    def _layout(self) -> w.VBox:
        parts: list[w.Widget] = []
        if self.title:
            heading = w.HTML(f'<p class="meishi-widget-title"><strong>{escape(self.title)}'
                             f"</strong></p>")
            parts.append(heading)
        parts.append(w.VBox(list(self.controls.values())))
        buttons = self.preset_buttons + [self.reset_button]
        if self.presets:
            parts.append(w.HTML("<span>Presets:</span>"))
        parts.append(w.HBox(buttons, layout=w.Layout(flex_flow="row wrap")))
        if self.preset_note:
            parts.append(w.HTML(f'<p class="meishi-note"><small>{escape(self.preset_note)}'
                                f"</small></p>"))
        parts += [self.message, self.view.widget, self.status]
        box = w.VBox(parts)
        box.add_class("meishi-widget")
        return box

    def _freeze(self) -> None:
        for widget in list(self.controls.values()) + self.preset_buttons + [self.reset_button]:
            widget.disabled = True
        note = w.HTML(
            '<p class="meishi-note"><em>This is a snapshot of the default settings. '
            "To move the controls, run this page live (the Introduction's section "
            "“How to use this book” shows how).</em></p>"
        )
        self.ui.children = (note,) + tuple(self.ui.children)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.ui)
