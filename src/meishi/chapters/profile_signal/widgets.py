"""Chapter 1's widgets: what a polished profile tells the boss; when profiles become the norm."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ...kit.controls import Control, NumberText, Slider
from ...kit.fmt import fixed
from ...kit.widget import CourseWidget
from ...models.signal import SignalResult, signal
from ...models.threshold import ThresholdResult, path_outcome, threshold_model
from .facts import DEFAULT_LIKELIHOODS, NORM_LIKELIHOODS, base_rates

__all__ = ["SignalWidget", "ThresholdWidget"]


class SignalWidget(CourseWidget):
    """Bayes' rule for a boss who sees a freshly polished job profile."""

    widget_id = "signal"
    title = "What does a polished profile tell the boss?"
    caption = ("First panel (Belief): the boss's belief that the profile's owner is job-hunting "
               "(curve) against the share of workers who are; the dashed line is the belief "
               "before seeing the profile. Second panel (Lift, beside it or below it on a "
               "phone): how many times more likely than an average colleague the owner is to be "
               "leaving, on a log scale (each step multiplies). Dotted lines: the sourced base "
               "rates of the presets.")

    @property
    def preset_note(self) -> str:  # type: ignore[override]
        parts = [f"{r.name}: {fixed(r.value, 1)}% ({r.measure}, {r.year})"
                 for r in base_rates().values()]
        return (
            "Base rates are sourced stand-ins for the share looking to leave, which no survey "
            "measures: " + "; ".join(parts) + ". Only the two “changed jobs” presets count the "
            "same thing, so compare Japan with the EU, not with the OECD's wider measure. How "
            "often seekers and stayers polish a profile is stylised (no survey measures it): "
            "try your own values."
        )

    def controls(self) -> list[Control]:
        return [
            Slider("base_rate", "Base rate: workers looking to leave", "% a year", min=0.5,
                   max=60.0, step=0.1, default=base_rates()["Japan: changed jobs"].value,
                   decimals=1),
            Slider("p_seeker", "Seekers who polish a profile", "%", min=0.0, max=100.0,
                   step=0.5, default=DEFAULT_LIKELIHOODS[0], decimals=1),
            Slider("p_stayer", "Stayers who polish a profile", "%", min=0.0, max=100.0,
                   step=0.5, default=DEFAULT_LIKELIHOODS[1], decimals=1),
            NumberText("own_rate", "Or type your own base rate", "%", min=0.1, max=60.0,
                       placeholder="e.g. 12.5 (leave empty to use the slider)", optional=True),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        presets: dict[str, Mapping[str, Any]] = {
            r.name: {"base_rate": r.value, "p_seeker": DEFAULT_LIKELIHOODS[0],
                     "p_stayer": DEFAULT_LIKELIHOODS[1], "own_rate": ""}
            for r in base_rates().values()
        }
        presets["Profiles are the norm"] = {
            "base_rate": base_rates()["Japan: changed jobs"].value,
            "p_seeker": NORM_LIKELIHOODS[0], "p_stayer": NORM_LIKELIHOODS[1], "own_rate": ""}
        return presets

    def data(self) -> dict[str, Any]:
        return {"references": [{"name": r.label, "value": r.value}
                               for r in base_rates().values()]}

    def set(self, **values: Any) -> None:
        """The last control touched wins, as in the browser: setting the base-rate slider
        without a typed share empties the box, so the slider's value is the one used."""
        if "base_rate" in values and "own_rate" not in values:
            values["own_rate"] = ""
        super().set(**values)

    def read(self, values: Mapping[str, Any]) -> dict[str, float]:
        """Percentages as probabilities; a typed share, if any, replaces the slider's."""
        params = {k: values[k] / 100 for k in ("base_rate", "p_seeker", "p_stayer")}
        typed = values.get("own_rate", "")
        if typed.strip():
            params["base_rate"] = self.typed(values, "own_rate") / 100
        return params

    def compute(self, params: Mapping[str, float]) -> SignalResult:
        return signal(params["base_rate"], params["p_seeker"], params["p_stayer"])

    def describe(self, result: SignalResult, params: Any = None) -> str:
        ratio = ("infinite (stayers never polish)" if math.isinf(result.likelihood_ratio)
                 else fixed(result.likelihood_ratio, 1))
        return (f"With {fixed(100 * result.base_rate, 1)}% of workers looking to leave, a boss "
                "who sees a polished profile should think there is a "
                f"{fixed(100 * result.posterior, 0)}% chance its owner is leaving: "
                f"{fixed(result.lift, 1)} times the chance for an average colleague. Seekers "
                f"polish {ratio} times as often as stayers (the likelihood ratio).")


class ThresholdWidget(CourseWidget):
    """Granovetter–Schelling threshold adoption of public profiles."""

    widget_id = "threshold"
    title = "When does publishing a profile become the norm?"
    caption = ("First panel (Adoption map): the share of workers who would publish a profile "
               "(curve) for each share who already have one; where it meets the diagonal, "
               "nothing changes. Filled dots: stable equilibria; open dots: tipping points. The "
               "staircase is the path from the starting share. Second panel (Path, beside it or "
               "below it on a phone): the same path, round by round.")
    preset_note = ("All parameters here are stylised: no survey measures the thresholds at "
                   "which people would publish a profile. The presets show the mechanism.")
    ROUNDS = 25

    def controls(self) -> list[Control]:
        return [
            Slider("mean", "Typical threshold", "% of peers", min=0.0, max=100.0, step=0.5,
                   default=50.0),
            Slider("spread", "Spread of thresholds", "% points", min=2.0, max=50.0, step=0.5,
                   default=20.0),
            Slider("early", "Publish regardless", "% of workers", min=0.0, max=50.0, step=0.5,
                   default=5.0),
            Slider("start", "Starting share with a profile", "%", min=0.0, max=100.0, step=0.5,
                   default=5.0),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {
            "Stuck low": {"mean": 50.0, "spread": 20.0, "early": 5.0, "start": 5.0},
            "Same people, high start": {"mean": 50.0, "spread": 20.0, "early": 5.0,
                                        "start": 60.0},
            "More early adopters": {"mean": 50.0, "spread": 20.0, "early": 20.0, "start": 5.0},
        }

    def data(self) -> dict[str, Any]:
        return {"rounds": self.ROUNDS}

    def read(self, values: Mapping[str, Any]) -> dict[str, float]:
        return {k: values[k] / 100 for k in ("mean", "spread", "early", "start")}

    def compute(self, params: Mapping[str, float]) -> ThresholdResult:
        return threshold_model(**params, rounds=self.ROUNDS)

    def describe(self, result: ThresholdResult, params: Any = None) -> str:
        """The readout: where the path is after the last round, then the equilibria.

        "settles at" only once the path has settled (:func:`path_outcome`),
        else where it is and which equilibrium it is heading to.  Shares in
        percent with the fewest decimals (0 to 4) that tell every equilibrium,
        and the path's last share when it is still moving, apart.
        """
        eq = result.equilibria
        path = result.path
        rounds = len(path) - 1
        outcome = path_outcome(eq, path)
        moving, at = outcome.state == "moving", outcome.equilibrium
        shares = [100 * e.share for e in eq] + ([100 * path[-1]] if moving else [])
        digits = next((d for d in range(4) if len({fixed(v, d) for v in shares}) == len(shares)),
                      4)

        def pct(value: float) -> str:
            return f"{fixed(100 * value, digits)}%"

        start = fixed(100 * path[0], 1)
        start = start[:-2] if start.endswith(".0") else start
        head = f"Starting from {start}% with a profile, "
        if at is not None and outcome.state == "settled":
            text = head + f"the share settles at {pct(at.share)} after {rounds} rounds."
        elif at is not None and outcome.state == "tipping":
            text = head + (f"the share stays at {pct(at.share)} for {rounds} rounds: a tipping "
                           "point, which the slightest push would leave.")
        else:
            text = head + f"after {rounds} rounds the share is at {pct(path[-1])}"
            text += f" and still moving towards {pct(at.share)}." if at is not None else "."
        stable = ", ".join(pct(e.share) for e in eq if e.stable)
        tipping = [pct(e.share) for e in eq if not e.stable and e.touch == 0]
        text += f" Stable equilibria: {stable or 'none'}."
        if tipping:
            text += f" Tipping point{'s' if len(tipping) > 1 else ''}: {', '.join(tipping)}."
        else:
            text += " No tipping point."
        for e in eq:
            if e.touch:
                stops, moves = ("below", "above") if e.touch > 0 else ("above", "below")
                text += (f" The curve touches the diagonal at {pct(e.share)}: a path from {stops} "
                         f"stops there, one from {moves} moves on "
                         f"{'up' if e.touch > 0 else 'down'}.")
        return text
