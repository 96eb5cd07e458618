"""The introduction's widget: on which service will you find the people you met?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...kit.controls import Control, NumberText, Slider
from ...kit.fmt import fixed
from ...kit.widget import CourseWidget
from ...models.lookup import MAX_CARDS, LookupResult, expected_finds
from .facts import SERVICES, lookup_presets, preset_bases, preset_years

__all__ = ["LookupWidget", "chance_text"]


def chance_text(p: float, share: float) -> str:
    """A chance in percent that never rounds a near-certainty to a certainty.

    Whole per cent in the middle; one decimal near 0% and 100%; "over 99.9%"
    and "under 0.1%" beyond that. "100%" and "0%" only when the share makes
    the outcome certain (everyone, or nobody, uses the service).
    """
    if share >= 1.0:
        return "100%"
    if share <= 0.0:
        return "0%"
    pct = 100 * p
    if pct >= 99.95:
        return "over 99.9%"
    if pct < 0.05:
        return "under 0.1%"
    if pct >= 99.5 or pct < 0.95:
        return f"{fixed(pct, 1)}%"
    return f"{fixed(pct, 0)}%"


class LookupWidget(CourseWidget):
    """You exchanged business cards; on which service will you find those people?"""

    widget_id = "lookup"
    title = "Looking up your new contacts"
    caption = ("Expected number of your contacts you would find on each service (bars) and "
               "the range that covers 90% of outcomes (the line across each bar). Under each bar: "
               "what its share measures, which differs between bars. Model: each contact uses a "
               "service with the probability set by its slider, independently.")

    @property
    def preset_note(self) -> str:  # type: ignore[override]
        years = ", ".join(f"{svc} {d[:4]}" for svc, d in preset_years().items())
        return (
            "Where the presets come from: Japan, the MIC usage survey (people aged 13–69; from "
            "FY2024 the survey asks ages 13–79, and MIC recomputed its 2024 figure for ages "
            "13–69, marked “recomputed”), and "
            "LinkedIn members ÷ the whole population (not a usage rate: dormant accounts push it "
            "up, a base that includes children and the very old pulls it down). "
            f"“Japan, latest” uses each service's latest figure ({years}). United States: Pew "
            "Research Center (adults who ever use it); Pew does not ask about LINE, set to 0 as "
            "a stylised assumption."
        )

    def controls(self) -> list[Control]:
        start = lookup_presets()["Japan 2016"]
        return [
            NumberText("cards", "Business cards exchanged", "cards", min=1, max=MAX_CARDS,
                       default="20", integer=True, placeholder="e.g. 20"),
            *(Slider(svc, svc, "% using it", min=0.0, max=100.0, step=0.1,
                     default=start[svc], decimals=1) for svc in SERVICES),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {name: {**shares, "cards": "20"} for name, shares in lookup_presets().items()}

    def data(self) -> dict[str, Any]:
        return {"services": list(SERVICES), "bases": preset_bases()}

    def read(self, values: Mapping[str, Any]) -> dict[str, Any]:
        cards = self.typed(values, "cards")
        return {"n_cards": cards, "shares": {svc: values[svc] / 100 for svc in SERVICES}}

    def compute(self, params: Mapping[str, Any]) -> LookupResult:
        return expected_finds(params["n_cards"], params["shares"])

    def describe(self, result: LookupResult, params: Any = None) -> str:
        parts = [f"about {fixed(e, 1)} on {p}" for p, e in zip(result.platforms, result.expected,
                                                                 strict=True)]
        li = result.platforms.index("LinkedIn")
        return (f"Of {result.n_cards} contacts you would expect to find " + ", ".join(parts)
                + ". The chance of finding at least one of them on LinkedIn is "
                f"{chance_text(float(result.p_any[li]), float(result.shares[li]))}.")
