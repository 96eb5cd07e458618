"""The controls a widget offers, as data the front end draws from.

Each control has a name (the model parameter it feeds), a label and a unit
(together its accessible name: "Seekers who polish a profile (%)"), and the
rules its values follow.  :meth:`Control.check` rejects a value the control
could not show exactly: a preset of 0.8 on a slider with step 0.5 would be
snapped to 1.0 by the browser, silently changing the preset.
:meth:`Control.refusal` says why in plain words a learner can read, the same
words the page uses (``web/src/kit/values.js``, held to these by a parity test).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from numbers import Real
from typing import Any

from .fmt import plain

__all__ = ["Choice", "Control", "NumberText", "Slider", "TextBox", "kind_of"]


def kind_of(value: Any) -> str:
    """What a value is, in words (for a message that must not echo the value itself)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Real):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "something else"


@dataclass(frozen=True)
class Control:
    name: str
    label: str
    unit: str

    kind: str = field(init=False, default="")

    def to_spec(self) -> dict[str, Any]:
        return asdict(self)

    def check(self, value: Any, what: str = "values") -> None:
        """Raise TypeError (a value of the wrong kind) or ValueError with :meth:`refusal`."""
        refused = self.refusal(value)
        if refused is not None:
            error = TypeError if refused[0] == "wrong_type" else ValueError
            raise error(f"{what}: {refused[1]}")

    def refusal(self, value: Any) -> tuple[str, str] | None:
        """``(kind, message)`` if the control cannot show ``value``, else None."""
        raise NotImplementedError


@dataclass(frozen=True)
class Slider(Control):
    """A range slider; its value is a number in the control's unit."""

    min: float
    max: float
    step: float
    default: float
    decimals: int = 1
    kind: str = field(init=False, default="slider")

    def __post_init__(self) -> None:
        if not (self.min < self.max and self.step > 0):
            raise ValueError(f"slider {self.name!r}: need min < max and a positive step")
        self.check(self.default, what="the default")

    def refusal(self, value: Any) -> tuple[str, str] | None:
        span = f"between {plain(self.min)} and {plain(self.max)} {self.unit}"
        if isinstance(value, bool) or not isinstance(value, Real):
            return "wrong_type", (f"{self.label} must be a number {span}; it was given "
                                  f"{kind_of(value)}.")
        value = float(value)
        if not math.isfinite(value):
            return "not_finite", (f"{self.label}: {plain(value)} is not a number the control "
                                  "can show; the last setting is kept.")
        if not self.min <= value <= self.max:
            return "out_of_range", f"{self.label} must be {span}; it was given {plain(value)}."
        steps = (value - self.min) / self.step
        if abs(steps - round(steps)) > 1e-6:
            return "off_step", (f"{self.label} moves in steps of {plain(self.step)} from "
                                f"{plain(self.min)}; {plain(value)} is not on a step.")
        return None


@dataclass(frozen=True)
class NumberText(Control):
    """A box to type a number in; its value is the text typed (read by ``parse_number``).

    ``optional``: an empty box means "use the slider instead".
    """

    min: float
    max: float
    default: str = ""
    integer: bool = False
    placeholder: str = ""
    optional: bool = False
    kind: str = field(init=False, default="number")

    def refusal(self, value: Any) -> tuple[str, str] | None:
        if not isinstance(value, str):
            return "wrong_type", (f"{self.label} holds typed text; it was given "
                                  f"{kind_of(value)}.")
        return None


@dataclass(frozen=True)
class TextBox(Control):
    """A box to type a line of text in (a ``<textarea>``); its value is the text typed.

    The widget's ``read`` judges the text (and says what is wrong with it);
    ``max_chars`` is the length the model accepts, shown to the reader, never
    enforced by the box, so a line pasted too long is explained, not cut.
    """

    default: str = ""
    placeholder: str = ""
    max_chars: int = 300
    kind: str = field(init=False, default="text")

    def __post_init__(self) -> None:
        if isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) \
                or self.max_chars < 1:
            raise ValueError(f"text box {self.name!r}: max_chars must be a positive whole number")
        self.check(self.default, what="the default")

    def refusal(self, value: Any) -> tuple[str, str] | None:
        if not isinstance(value, str):
            return "wrong_type", (f"{self.label} holds typed text; it was given "
                                  f"{kind_of(value)}.")
        return None


@dataclass(frozen=True)
class Choice(Control):
    """One of a few named options (a radio group); its value is the chosen option's value.

    ``options``: ``(value, label)`` pairs, in the order shown; ``default`` is one of the
    values.  A value that is not an option is refused (a link or a preset cannot invent one).
    """

    options: tuple[tuple[str, str], ...]
    default: str
    kind: str = field(init=False, default="choice")

    def __post_init__(self) -> None:
        options = tuple((value, label) for value, label in self.options)
        values = [value for value, _label in options]
        if len(options) < 2 or not all(isinstance(v, str) and v for v in values) \
                or not all(isinstance(label, str) and label for _v, label in options):
            raise ValueError(f"choice {self.name!r}: need two or more (value, label) pairs of "
                             "non-empty text")
        if len(set(values)) != len(values):
            raise ValueError(f"choice {self.name!r}: option values must differ")
        object.__setattr__(self, "options", options)
        self.check(self.default, what="the default")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _label in self.options)

    def to_spec(self) -> dict[str, Any]:
        spec = asdict(self)
        spec["options"] = [{"value": v, "label": label} for v, label in self.options]
        return spec

    def refusal(self, value: Any) -> tuple[str, str] | None:
        options = ", ".join(label for _value, label in self.options)
        if not isinstance(value, str):
            return "wrong_type", (f"{self.label}: choose one of its options ({options}); it "
                                  f"was given {kind_of(value)}.")
        if value not in self.values:
            return "not_an_option", (f"{self.label}: that is not one of its options "
                                     f"({options}).")
        return None
