"""The controls a widget offers, as data the front end draws from.

Each control has a name (the model parameter it feeds), a label and a unit
(together its accessible name: "Seekers who polish a profile (%)"), and the
rules its values follow.  :meth:`Control.check` rejects a value the control
could not show exactly: a preset of 0.8 on a slider with step 0.5 would be
snapped to 1.0 by the browser, silently changing the preset.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Choice", "Control", "NumberText", "Slider", "TextBox"]


@dataclass(frozen=True)
class Control:
    name: str
    label: str
    unit: str

    kind: str = field(init=False, default="")

    def to_spec(self) -> dict[str, Any]:
        return asdict(self)

    def check(self, value: Any, what: str = "values") -> None:
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

    def check(self, value: Any, what: str = "values") -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{what}: {self.name} must be a number, got {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"{what}: {self.name} must be a finite number, got {value!r}")
        if not self.min <= value <= self.max:
            raise ValueError(f"{what}: {self.name}={value} is outside {self.min}–{self.max}")
        steps = (value - self.min) / self.step
        if abs(steps - round(steps)) > 1e-6:
            raise ValueError(f"{what}: {self.name}={value} is not on the slider's step "
                             f"of {self.step}")


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

    def check(self, value: Any, what: str = "values") -> None:
        if not isinstance(value, str):
            raise TypeError(f"{what}: {self.name} holds typed text, got {value!r}")


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

    def check(self, value: Any, what: str = "values") -> None:
        if not isinstance(value, str):
            raise TypeError(f"{what}: {self.name} holds typed text, got {value!r}")


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

    def check(self, value: Any, what: str = "values") -> None:
        if not isinstance(value, str):
            raise TypeError(f"{what}: {self.name} must be one of its options' values, "
                            f"got {value!r}")
        if value not in self.values:
            raise ValueError(f"{what}: {self.name}={value!r} is not one of its options "
                             f"({', '.join(self.values)})")
