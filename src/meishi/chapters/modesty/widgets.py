"""Chapter 2's widgets: how openly to show an achievement, and how explicit a profile line is.

Front ends: ``web/src/widgets/impression/`` and ``web/src/widgets/profile_reader/``
(each ``logic.js`` ports ``read``/``compute``/``describe`` below; a parity test
holds them to these, character for character).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ...kit.controls import Control, Slider, TextBox
from ...kit.fmt import fixed
from ...kit.inputs import InputError
from ...kit.widget import CourseWidget
from ...models.impression import ALPHA, COST, ImpressionResult, impression
from ...models.profile_reader import MAX_CHARS, MAX_SCORE, RULES, ReaderResult, read_profile
from .facts import PRESET_CLAIM, PRESET_CUE, PRESETS

__all__ = ["CATEGORY_PHRASES", "ImpressionWidget", "ProfileReaderWidget"]


class ImpressionWidget(CourseWidget):
    """Explicit or implied: the impression model of :mod:`meishi.models.impression`."""

    widget_id = "impression"
    title = "Explicit or implied: how does an audience read a self-presentation?"
    caption = ("First panel (Impression by explicitness): the audience's overall impression "
               "(solid), how competent the person seems (dashed) and how likeable (dotted), "
               "from a purely implied cue (0%) to an achievement said outright (100%); the dot "
               "marks the best explicitness, the square and the diamond the two channels. "
               "Second panel (Which channel wins, beside it or below it on a phone): the "
               "impression left by the explicit line and by the implied cue for every audience "
               "norm; the solid vertical line is the current norm, the dashed one the norm at "
               "which the two tie. A stylised model: weight on competence 50%, a small cost "
               "of being vague (10%).")
    #: stylised claim size and cue clarity of every preset (no survey measures them)
    PRESET_CLAIM: ClassVar[float] = PRESET_CLAIM
    PRESET_CUE: ClassVar[float] = PRESET_CUE

    @property
    def preset_note(self) -> str:  # type: ignore[override]
        return ("Presets: two stylised audiences, not countries. No study the course found "
                "measures how strongly an audience marks down someone who praises themself, "
                "so the norms (" + " and ".join(f"{fixed(m, 0)}%" for m in PRESETS.values())
                + f"), the size of the achievement ({fixed(self.PRESET_CLAIM, 0)}%) and how "
                f"clearly the cue shows it ({fixed(self.PRESET_CUE, 0)}%) are the course's "
                "choices: try your own values.")

    def controls(self) -> list[Control]:
        return [
            Slider("m", "Audience's modesty norm", "%", min=0.0, max=100.0, step=1.0,
                   default=50.0, decimals=0),
            Slider("s", "Size of the achievement", "%", min=0.0, max=100.0, step=1.0,
                   default=self.PRESET_CLAIM, decimals=0),
            Slider("q", "How clearly an implied cue shows it", "%", min=0.0, max=100.0,
                   step=1.0, default=self.PRESET_CUE, decimals=0),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {name: {"m": float(m), "s": self.PRESET_CLAIM, "q": self.PRESET_CUE}
                for name, m in PRESETS.items()}

    def data(self) -> dict[str, Any]:
        return {"alpha": ALPHA, "c": COST}

    def read(self, values: Mapping[str, Any]) -> dict[str, float]:
        return {k: values[k] / 100 for k in ("m", "s", "q")}

    def compute(self, params: Mapping[str, float]) -> ImpressionResult:
        return impression(params["m"], params["s"], params["q"])

    def describe(self, result: ImpressionResult, params: Any = None) -> str:
        r = result

        def score(x: float) -> str:
            return fixed(100 * x, 1)

        if r.flat:
            why = ("With nothing to show (an achievement of size 0%)" if r.s == 0 else
                   "With no modesty norm and a cue that shows the whole achievement")
            return (f"{why}, every degree of explicitness leaves the same impression "
                    f"({score(r.impression_star)} of 100), so how openly to say it does not "
                    "matter.")
        text = (f"With a modesty norm of {fixed(100 * r.m, 0)}%, the best explicitness is "
                f"{fixed(100 * r.e_star, 0)}% (impression {score(r.impression_star)} of 100). ")
        gap = fixed(100 * abs(r.margin), 1)
        if gap == "0.0":
            text += (f"The explicit résumé line and the implied cue tie at "
                     f"{score(r.impression_explicit)} of 100")
        elif r.margin > 0:
            text += (f"The explicit résumé line beats the implied cue by {gap} points "
                     f"({score(r.impression_explicit)} vs {score(r.impression_implied)} of 100)")
        else:
            text += (f"The implied cue beats the explicit résumé line by {gap} points "
                     f"({score(r.impression_implied)} vs {score(r.impression_explicit)} of 100)")
        if not r.crossover_in_range:
            text += "; explicit wins at every norm when the cue is this unclear."
        elif r.crossover_norm >= 1:
            text += "; the implied cue only ties, at the strictest norm (100%)."
        elif r.crossover_norm <= 0:
            text += "; a cue this clear wins at every norm above 0%."
        else:
            text += (f"; the implied cue wins once the norm passes "
                     f"{fixed(100 * r.crossover_norm, 1)}%.")
        return text


#: How the readout names each kind of marker: (one, several); also the bar chart's labels
#: (web/src/widgets/profile_reader/logic.js holds the same words).
CATEGORY_PHRASES: dict[str, tuple[str, str]] = {
    "first_person_achievement": ("first person with an achievement verb",
                                 "first person with an achievement verb"),
    "superlative": ("a superlative", "{n} superlatives"),
    "growth_number": ("a growth number", "{n} growth numbers"),
    "achievement_word_ja": ("a Japanese achievement word", "{n} Japanese achievement words"),
    "modesty_marker": ("a modesty marker", "{n} modesty markers"),
}


def _points(p: int) -> str:
    """+2, −1 (a minus sign), 0."""
    return f"+{p}" if p > 0 else f"−{-p}" if p < 0 else "0"


class ProfileReaderWidget(CourseWidget):
    """The rule-based profile-line reader of :mod:`meishi.models.profile_reader`."""

    widget_id = "profile_reader"
    title = "Read a profile line: how explicit is it?"
    caption = ("The bars: points for each kind of marker found in the line (to the right: "
               "reads as explicit; to the left: modest). Below: the line as read, each marker "
               "highlighted, the rule behind each score and understated ways to say the same "
               "thing. A transparent word count, a teaching device, not a measurement.")
    preset_note = ("The example lines were written for this course; they are not quotes from "
                   "real profiles. Type or paste your own line, in English or Japanese.")
    EXAMPLES: ClassVar[dict[str, str]] = {
        "English, explicit": ("I'm the #1 ranked, award-winning sales leader: I tripled revenue "
                              "to $5M and grew margins by 40%."),
        "English, understated": "Fortunate to work with a great team on our regional launch.",
        "Japanese, explicit": ("私が主導したプロジェクトで売上を3倍に伸ばし、業界初の取り組みとして"
                               "表彰されました。"),
        "Japanese, understated": ("チームの一員として新規事業の立ち上げを担当させていただき、皆様の"
                                  "おかげで目標を達成することができました。"),
    }

    def controls(self) -> list[Control]:
        return [TextBox("text", "Profile line", "English or Japanese",
                        default="I led a team of 12 and grew revenue by 45% in two years.",
                        placeholder="For example: Led the Osaka launch with a team of five.",
                        max_chars=MAX_CHARS)]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {name: {"text": line} for name, line in self.EXAMPLES.items()}

    def data(self) -> dict[str, Any]:
        return {"max_chars": MAX_CHARS, "max_score": MAX_SCORE,
                "categories": [r.category for r in RULES]}

    def read(self, values: Mapping[str, Any]) -> str:
        """The text typed; a line the reader refuses raises InputError with its message."""
        text = values["text"]
        checked = read_profile(text)
        if not checked.ok:
            raise InputError(checked.kind, checked.message)
        return text

    def compute(self, params: str) -> ReaderResult:
        return read_profile(params)

    def describe(self, result: ReaderResult, params: Any = None) -> str:
        parts = []
        total = 0
        for rule in RULES:
            found = [k for k in result.markers if k.category == rule.category]
            if not found:
                continue
            points = sum(k.points for k in found)
            total += points
            one, several = CATEGORY_PHRASES[rule.category]
            phrase = one if len(found) == 1 else several.format(n=len(found))
            parts.append(f"{phrase} ({_points(points)})")
        text = (f"Explicitness score {result.score} of {MAX_SCORE} ({result.register}): "
                + (", ".join(parts) if parts else "no markers found"))
        if total != result.score:
            text += f"; the points add up to {_points(total)}, kept within 0 to {MAX_SCORE}"
        if result.removed:
            n = result.removed
            text += (f"; {n} invisible character{' was' if n == 1 else 's were'} removed")
        return text + "."
