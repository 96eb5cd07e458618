"""The course's widgets: a Python model behind a front end that runs anywhere.

A chapter widget subclasses :class:`CourseWidget` and declares

* ``widget_id``: the name of its front-end bundle (``web/src/widgets/<id>``,
  built into ``web/dist/<id>.js`` by ``make web``) and of its link fragment
  (``#widget-<id>?…``);
* ``controls()``: the labelled controls with units (:mod:`.controls`);
* ``presets()``: named settings grounded in sourced data, and ``preset_note``
  saying where they come from;
* ``read(values)``: control values (percent, typed text) -> model parameters,
  raising :class:`~meishi.kit.inputs.InputError` on bad typed input;
* ``compute(params)``: a call to a pure, unit-tested model in
  :mod:`meishi.models`;
* ``describe(result, params)``: the readout sentence, which is also the
  chart's text alternative.

The widget is an `anywidget <https://anywidget.dev>`_: its whole state is
two synced traits, ``spec`` (what the front end draws, fixed) and ``values``
(the controls' current values), with a third, ``notice``, for a value set
from code that no control can take (a NaN, say), which the page shows as
Python does.  The front end computes the model in the
reader's browser, so the widget works in the static book with no kernel
(``web/src/kit/host.js`` renders it from the state myst-nb saves in the
page) and live in JupyterLab.  The Python methods here are the reference: a
parity test runs the front end's ``read``/``compute``/``describe`` in Node
over a grid of values and holds them to :meth:`CourseWidget.evaluate`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import anywidget
import traitlets

from .. import paths
from .controls import Control, NumberText
from .fmt import plain
from .inputs import InputError, parse_number

__all__ = ["CourseWidget", "Evaluation", "bundle"]


def bundle(name: str) -> str:
    """The text of a built front-end file: ``web/dist`` in a checkout (``make web``
    builds them), the package's ``_dist`` when installed from the wheel."""
    path = paths.WEB_DIST / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if paths.FROM_CHECKOUT:
            shown = path.relative_to(paths.ROOT)
            hint = "run `make web` to build the widgets' front ends"
        else:
            shown, hint = path, "this meishi wheel lacks it: build it again with `make wheel`"
        raise FileNotFoundError(f"{shown} is missing: {hint}") from None


@dataclass(frozen=True)
class Evaluation:
    """What a widget shows for a set of control values."""

    ok: bool
    message: str = ""          # why the input cannot be used (plain text), if not ok
    params: Any = None         # model parameters read from the controls
    result: Any = None         # the model's result
    summary: str = ""          # the readout sentence and the chart's text alternative


class CourseWidget(anywidget.AnyWidget):
    """Base class of every widget in the course (see the module docstring)."""

    widget_id: ClassVar[str] = ""
    title: ClassVar[str] = ""
    caption: ClassVar[str] = ""
    preset_note: ClassVar[str] = ""

    spec = traitlets.Dict().tag(sync=True)
    values = traitlets.Dict().tag(sync=True)
    #: Why the last value set from code was not taken ("" when it was): shown by the page.
    notice = traitlets.Unicode("").tag(sync=True)
    _esm = traitlets.Unicode("").tag(sync=True)
    _css = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **values: Any) -> None:
        controls = self.controls()
        defaults = {c.name: c.default for c in controls}
        presets = dict(self.presets())
        spec = {
            "id": self.widget_id,
            "title": self.title,
            "caption": self.caption,
            "controls": [c.to_spec() for c in controls],
            "defaults": defaults,
            "presets": [{"name": k, "values": dict(v)} for k, v in presets.items()],
            "preset_note": self.preset_note,
            "data": self.data(),
        }
        self._controls = {c.name: c for c in controls}
        for name, preset in {"default": defaults, **presets}.items():
            self.check_values(preset, what=f"preset {name!r}")
        super().__init__(spec=spec, values=dict(defaults),
                         _esm=bundle(f"{self.widget_id}.js"), _css=bundle("widgets.css"))
        self.evaluation = self.evaluate(self.values)
        self.observe(self._on_values, names="values")
        self.observe(self._on_notice, names="notice")
        if values:
            self.set(**values)

    # -- to override -------------------------------------------------------
    def controls(self) -> list[Control]:
        raise NotImplementedError

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {}

    def data(self) -> dict[str, Any]:
        """Constants the front end needs to draw (reference lines, labels …)."""
        return {}

    def read(self, values: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def compute(self, params: Any) -> Any:
        raise NotImplementedError

    def describe(self, result: Any, params: Any) -> str:
        raise NotImplementedError

    # -- machinery ---------------------------------------------------------
    def evaluate(self, values: Mapping[str, Any]) -> Evaluation:
        """The readout for ``values``: what the front end must show, character for character.

        Values no control can show (see :meth:`refusal`) give a message, never an exception.
        """
        refused = self.refusal(values)
        if refused is not None:
            return Evaluation(ok=False, message=refused[1])
        values = {**self.spec["defaults"], **values}
        try:
            params = self.read(values)
        except InputError as exc:
            return Evaluation(ok=False, message=str(exc))
        result = self.compute(params)
        return Evaluation(ok=True, params=params, result=result,
                          summary=self.describe(result, params))

    def typed(self, values: Mapping[str, Any], name: str) -> float:
        """Read the typed-number control ``name`` with the label, unit and limits it declares."""
        control = self._controls[name]
        if not isinstance(control, NumberText):
            raise TypeError(f"{name} is not a typed-number control")
        return parse_number(values[name], label=control.label, lo=control.min, hi=control.max,
                            integer=control.integer, unit=control.unit)

    @property
    def result(self) -> Any:
        """The model's result for the last values that could be read."""
        return self.evaluation.result

    @property
    def summary(self) -> str:
        return self.evaluation.summary

    def refusal(self, values: Mapping[str, Any]) -> tuple[str, str] | None:
        """``(kind, message)`` for the first value no control can show, else None: a key
        that names no control, then each control in order (missing ones take their default).
        The page says the same (``refusal`` in ``web/src/kit/values.js``)."""
        names = ", ".join(self._controls)
        for key in values:
            if key not in self._controls:
                return "unknown_control", (f"There is no control called “{key}”; the controls "
                                           f"are {names}.")
        for name, control in self._controls.items():
            value = values.get(name)
            if isinstance(value, float) and not math.isfinite(value):
                return "not_finite", (f"{control.label}: {plain(value)} is not a number the "
                                      "control can show; the last setting is kept.")
            if name in values:
                refused = control.refusal(values[name])
                if refused is not None:
                    return refused
        return None

    def check_values(self, values: Mapping[str, Any], what: str = "values") -> None:
        """Every value must be one its control can show exactly (a slider snaps to its step)."""
        for key, value in values.items():
            control = self._controls.get(key)
            if control is None:
                raise KeyError(f"{what} sets unknown control {key!r}; the controls are "
                               f"{', '.join(self._controls)}")
            control.check(value, what=what)

    @traitlets.validate("values")
    def _take_values(self, proposal: Any) -> dict[str, Any]:
        """Every way of setting values from code (:meth:`set`, presets, :meth:`reset`, the
        trait itself) comes here, so Python and the page always show the same state.

        Missing controls take their defaults (as in the page).  A number that is not
        finite (NaN, infinity, say from a calculation in a cell) is not taken: the last
        setting is kept and both sides show why (:attr:`notice`).  Any other value no
        control could show (off a slider's step, out of its range, not an option, of the
        wrong kind, an unknown control) is a programming error: it raises, naming the
        control and what it takes, and nothing changes on either side.
        """
        controls = self._controls
        values = {**{n: c.default for n, c in controls.items()}, **dict(proposal["value"])}
        if not hasattr(self, "evaluation"):  # being made: the defaults
            self.check_values(values)
            return values
        refused = self.refusal(values)
        if refused is not None and refused[0] == "not_finite":
            self._show(refused[1])
            return dict(self.values)
        self.check_values(values)
        self.notice = ""  # its observer reads the values again if they do not change
        return values

    def _on_notice(self, change: Mapping[str, Any]) -> None:
        if not change["new"]:  # cleared, here or by the page: show the values' own state
            self._on_values({"new": self.values})

    def _show(self, message: str) -> None:
        """A message about values set from code, on both sides; the last result is kept."""
        self.evaluation = Evaluation(ok=False, message=message, params=self.evaluation.params,
                                     result=self.evaluation.result,
                                     summary=self.evaluation.summary)
        self.notice = message

    def set(self, **values: Any) -> None:
        """Set controls by name; the front end and :attr:`evaluation` follow (the rules
        are those of the ``values`` trait, above): setting the same values again, a
        preset or :meth:`reset` after a refused value clears its message on both sides."""
        self.values = {**self.values, **values}

    def apply_preset(self, name: str) -> None:
        presets = dict(self.presets())
        if name not in presets:
            raise KeyError(f"no preset called {name!r}; presets: {', '.join(presets)}")
        self.set(**presets[name])

    def reset(self) -> None:
        self.values = dict(self.spec["defaults"])

    def _on_values(self, change: Mapping[str, Any]) -> None:
        evaluation = self.evaluate(change["new"])
        if evaluation.ok:
            self.evaluation = evaluation
        else:  # keep the last good result, as the front end does
            self.evaluation = Evaluation(ok=False, message=evaluation.message,
                                         params=self.evaluation.params,
                                         result=self.evaluation.result,
                                         summary=self.evaluation.summary)
