"""Chapter 5's second widget: weigh the four explanations, and see how easily six countries fit.

Each lens ranks the countries that have a figure on all four lenses; a
country's score is the weighted sum of its ranks, each turned the way its
explanation predicts (longer tenure and a local rival mean fewer LinkedIn
members; more individualism and more trust mean more).  The score's rank
agreement with LinkedIn per head, and the permutation test, come from
:mod:`meishi.models.lenses`.  The front end is ``web/src/widgets/weights/``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ...kit.controls import Control, Slider
from ...kit.fmt import fixed
from ...kit.inputs import InputError
from ...kit.widget import CourseWidget
from ...models.lenses import DEFAULT_SHUFFLES, WeightedResult, weighted_test
from .lenses import LENSES, lens_table, lens_without_linkedin
from .widgets import listed

__all__ = ["WeightsWidget", "complete_countries", "predicted_groups"]


def complete_countries() -> dict[str, Any]:
    """The countries with a figure on every lens, their values and LinkedIn per head."""
    table = lens_table()
    full = table.dropna(subset=list(LENSES))
    reasons: dict[str, list[str]] = {}
    for country, row in table.drop(index=full.index).iterrows():
        gaps = [LENSES[k].short for k in LENSES if math.isnan(row[k])]
        reasons.setdefault(listed(gaps), []).append(str(country))
    no_linkedin = sorted({c for gaps in lens_without_linkedin().values() for c in gaps})
    if no_linkedin:
        reasons["LinkedIn per head"] = no_linkedin
    return {
        "left_out": [[reason, countries] for reason, countries in reasons.items()],
        "countries": list(full.index),
        "values": {k: [float(v) for v in full[k]] for k in LENSES},
        "linkedin": [float(v) for v in full["linkedin_per_100"]],
        "lenses": [{"key": k, "explanation": lens.explanation, "short": lens.short,
                    "direction": lens.direction} for k, lens in LENSES.items()],
        "shuffles": DEFAULT_SHUFFLES,
    }


class WeightsWidget(CourseWidget):
    """Weigh the four explanations; see how well the mix orders the countries."""

    widget_id = "weights"
    title = "Weigh the four explanations"
    caption = ("Left: the countries in the order your weights predict (most LinkedIn members "
               "per head at the top); right: the order they really have. A line that stays "
               "level is a country the weights place right; tied countries share a rank (2=). Only "
               "countries with a figure on all four lenses and a LinkedIn figure are used; the "
               "rest are named below. Model: a weighted sum of each lens's ranks, turned "
               "the way its explanation predicts; rank agreement and a permutation test.")
    preset_note = ("The countries' values are the course data behind the first widget; the "
                   "weights are yours (stylised: no source says how much each explanation "
                   "counts).")

    def controls(self) -> list[Control]:
        return [Slider(k, f"Weight on {lens.explanation[3:].lower()} ({lens.short})", "points",
                       min=0.0, max=100.0, step=5.0, default=25.0, decimals=0)
                for k, lens in LENSES.items()]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        only = {k: {j: (100.0 if j == k else 0.0) for j in LENSES} for k in LENSES}
        return {"Equal weights": dict.fromkeys(LENSES, 25.0),
                **{f"Only {LENSES[k].explanation[3:].lower()}": only[k] for k in LENSES},
                "Without local services": {"tenure": 35.0, "individualism": 35.0,
                                           "trust": 30.0, "local": 0.0}}

    def data(self) -> dict[str, Any]:
        return complete_countries()

    def read(self, values: Mapping[str, Any]) -> list[float]:
        weights = [float(values[k]) for k in LENSES]
        if not any(w > 0 for w in weights):
            raise InputError("no_weight", "Put some weight on at least one explanation: with "
                             "every weight at 0 the mix predicts nothing.")
        return weights

    def compute(self, params: list[float]) -> WeightedResult:
        data = self.spec["data"]
        return weighted_test(data["countries"], [data["values"][k] for k in LENSES],
                             [lens.direction for lens in LENSES.values()], params,
                             data["linkedin"], data["shuffles"])

    def describe(self, result: WeightedResult, params: Any = None) -> str:
        groups = predicted_groups(result)
        test = result.test
        n = len(result.countries)
        left = "; ".join(f"{reason} for {listed(countries)}"
                         for reason, countries in self.spec["data"]["left_out"])
        left_out = f" Left out for want of a figure: {left}." if left else ""
        if len(groups) == 1:
            return (f"Your weights give all {n} countries the same score, so they predict no "
                    f"order: put weight on a lens whose figures differ.{left_out}")
        ties = any(len(g) > 1 for g in groups)
        predicted = ("; " if ties else ", ").join(
            f"{listed(g)} (tied)" if len(g) > 1 else g[0] for g in groups)
        if math.isnan(test.rho):
            agreement = "The real order has no spread, so there is no agreement to measure."
        else:
            strength = test.words.split(" (")[0]
            if test.rho <= -0.2:  # a negative agreement is an order turned round
                strength += ", the real order turned round"
            agreement = (f"Rank correlation with the real order {fixed(test.rho, 2)} "
                         f"({strength}); {fixed(100 * test.chance, 1)}% of "
                         f"{self.spec['data']['shuffles']:,} random shuffles agreed at least "
                         "as strongly.")
        return (f"Your weights predict this order, most LinkedIn members per head first: "
                f"{predicted}. {agreement} With {n} countries, weights tuned after looking at "
                "the answer can fit almost any order, and the shuffle figure assumes the "
                f"weights were chosen before looking.{left_out}")


def predicted_groups(result: WeightedResult) -> list[list[str]]:
    """The countries by score, highest first, tied scores in one group (in the data's order)."""
    order = sorted(range(len(result.countries)), key=lambda i: (-result.score[i], i))
    groups: list[list[str]] = []
    for k, i in enumerate(order):
        if k and result.score[i] == result.score[order[k - 1]]:
            groups[-1].append(result.countries[i])
        else:
            groups.append([result.countries[i]])
    return groups
