"""Chapter 3's widgets: stay with a partner or look among strangers, and introductions (紹介).

Front ends: ``web/src/widgets/commitment/`` and ``web/src/widgets/introductions/``
(each ``logic.js`` ports ``read``/``compute``/``describe`` below; a parity test
holds them to these, character for character).  What they show is computed in
:mod:`.views` (where a path ends, a grid entry as the focal person sees it);
here are their controls, presets and readouts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...kit.controls import Choice, Control, Slider
from ...kit.fmt import fixed
from ...kit.inputs import InputError
from ...kit.widget import CourseWidget
from ...models.commitment import CommitmentResult, commitment, outside_payoff
from ...models.introductions import B_GRID, CLUSTERS, NORMS, SIZE, cluster_layout
from .views import SETTLE_TOL, IntroductionsView, PathEnd, grid, path_end, view, web_grid

__all__ = ["SETTLE_TOL", "CommitmentWidget", "IntroductionsView", "IntroductionsWidget",
           "PathEnd", "path_end"]


def _points(x: float) -> str:
    """A payoff in points (a partner's deal = 50 of 100)."""
    return fixed(100 * x, 1)


class CommitmentWidget(CourseWidget):
    """Yamagishi's emancipation theory: :func:`meishi.models.commitment.commitment`."""

    widget_id = "commitment"
    title = "Stay with a partner, or look among strangers?"
    caption = ("Payoffs in points: a committed partner's deal is worth 50 for sure; an offer "
               "from a stranger is worth 50 ± the spread, or 0 if the stranger cheats. First "
               "panel (Payoff of looking outside): what looking among strangers pays on average "
               "(solid line) with a band of one standard deviation either side (its risk, kept "
               "within 0 to 100), against the flat line of staying (dashed), for every share of "
               "traders who stay committed; the open circles are tipping points, the square is "
               "the market at the start. Second panel (Share committed, round by round, beside "
               "it or below it on a phone): traders copy whichever strategy paid more; the "
               "dashed line is the tipping point. A stylised model after Yamagishi.")
    preset_note = ("All values here are stylised: no survey measures these parameters. The "
                   "first two presets are the same society started from two different shares "
                   "of committed traders; the last two raise the spread of outside offers (the "
                   "cost of staying) for a society 70% committed, with poor and with good "
                   "screening of strangers.")
    ROUNDS = 60

    def controls(self) -> list[Control]:
        return [
            Slider("p", "Share of strangers who cheat", "%", min=0.0, max=100.0, step=1.0,
                   default=30.0, decimals=0),
            Slider("w", "Spread of outside offers", "points", min=0.0, max=50.0, step=1.0,
                   default=30.0, decimals=0),
            Slider("n", "Outside offers you can get", "offers", min=1.0, max=20.0, step=1.0,
                   default=10.0, decimals=0),
            Slider("k", "Skill at spotting cheats", "%", min=0.0, max=100.0, step=1.0,
                   default=20.0, decimals=0),
            Slider("x0", "Traders who stay committed at the start", "%", min=0.0, max=100.0,
                   step=1.0, default=90.0, decimals=0),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        base = {"p": 30.0, "w": 30.0, "n": 10.0, "k": 20.0}
        return {
            "Closed market (most stay)": {**base, "x0": 90.0},
            "Open market (most look)": {**base, "x0": 10.0},
            "Rising opportunity cost": {**base, "w": 40.0, "x0": 70.0},
            "High trust, good screening": {**base, "w": 40.0, "k": 80.0, "x0": 70.0},
        }

    def data(self) -> dict[str, Any]:
        return {"rounds": self.ROUNDS}

    def read(self, values: Mapping[str, Any]) -> dict[str, float | int]:
        return {"p": values["p"] / 100, "w": values["w"] / 100, "n": int(values["n"]),
                "k": values["k"] / 100, "x0": values["x0"] / 100}

    def compute(self, params: Mapping[str, Any]) -> CommitmentResult:
        return commitment(params["p"], params["w"], params["n"], params["k"], params["x0"],
                          rounds=self.ROUNDS)

    def describe(self, result: CommitmentResult, params: Any = None) -> str:
        r = result
        now = outside_payoff(r.p, r.w, r.n, r.k, r.x0, r.v0)
        path = [float(v) for v in r.path]
        rounds = len(path) - 1
        end = path_end(r.equilibria, path)
        shares = [100 * e.share for e in r.equilibria]
        if end.state == "moving":
            shares.append(100 * path[-1])
        digits = next((d for d in range(1, 4) if len({fixed(v, d) for v in shares})
                       == len(set(shares))), 4)

        def pct(x: float) -> str:
            text = fixed(100 * x, digits)
            return (text.rstrip("0").rstrip(".") if x in (0.0, 1.0) else text) + "%"

        diff = now.expected - r.v0
        if abs(diff) <= 1e-12:
            verdict = "so the two pay the same"
        elif fixed(100 * abs(diff), 1) == "0.0":
            verdict = "so the two pay about the same"
        else:
            verdict = "so looking pays more" if diff > 0 else "so staying pays more"
        text = (f"With {fixed(100 * r.x0, 0)}% of traders committed, a partner's deal pays "
                f"{_points(r.v0)} points for sure; looking among strangers pays "
                f"{_points(now.expected)} on average (sd {_points(now.sd)}; a "
                f"{fixed(100 * now.p_cheated, 1)}% chance of being cheated, "
                f"{fixed(100 * now.p_no_deal, 1)}% of no deal at all), {verdict}.")
        if r.x0 > 0:
            text += (f" In a fully open market looking would pay {_points(r.outside.expected)} "
                     f"(sd {_points(r.outside.sd)}).")
        interior = [e for e in r.equilibria if 0 < e.share < 1]
        tipping = [e for e in interior if not e.stable]
        mixed = [e for e in interior if e.stable]
        if len(tipping) == 1 and not mixed:
            t = tipping[0]
            above = next((e for e in r.equilibria if e.share > t.share and e.stable), None)
            below = next((e for e in reversed(r.equilibria) if e.share < t.share and e.stable),
                         None)
            text += f" Tipping point: {pct(t.share)} committed"
            if above is not None and below is not None:
                text += (f"; start above it and the share heads to {pct(above.share)}, "
                         f"below it to {pct(below.share)}.")
            else:
                text += "."
        elif tipping:
            text += f" Tipping points: {', '.join(pct(e.share) for e in tipping)} committed."
        else:
            ends = [e for e in r.equilibria if e.stable]
            text += " No tipping point"
            text += (f": from any start above 0% the share heads to {pct(ends[0].share)}."
                     if len(ends) == 1 and not mixed and ends[0].share == 1 else
                     f": from any start below 100% the share heads to {pct(ends[0].share)}."
                     if len(ends) == 1 and not mixed and ends[0].share == 0 else ".")
        if mixed:
            text += (f" Stable mix{'es' if len(mixed) > 1 else ''}: "
                     f"{', '.join(pct(e.share) for e in mixed)} committed.")
        at = end.equilibrium
        if at is not None and end.state == "settled":
            text += f" After {rounds} rounds the share committed settles at {pct(at.share)}."
        elif at is not None and end.state == "balanced":
            text += (f" The share committed stays at {pct(at.share)} for {rounds} rounds: an "
                     "unstable balance, which the slightest push would leave.")
        else:
            text += f" After {rounds} rounds the share committed is at {pct(path[-1])}"
            text += f" and still moving towards {pct(at.share)}." if at is not None else "."
        return text


# -- introductions --------------------------------------------------------------------------

NORM_LABELS = {
    "introductions": "Introductions only (紹介): new people through someone you know",
    "open": "Open profile: anyone can reach you",
}


def _count(n: float, one: str, many: str) -> str:
    text = fixed(n, 0)
    return f"{text} {one if text == '1' else many}"


class IntroductionsWidget(CourseWidget):
    """紹介 in a clustered network: :mod:`meishi.models.introductions`, precomputed."""

    widget_id = "introductions"
    title = "Introductions through people you know (紹介 shōkai)"
    caption = ("First panel (the network): 120 people in 12 clusters of 10 (a workplace, a "
               "school year, a neighbourhood); a line is a tie and a dashed line a bridge "
               "between clusters. The large ringed circle is you; squares are your direct "
               "contacts, triangles the people you can reach in two steps, through a contact "
               "who can introduce you (with an open profile, rings mark everyone you do not "
               "know: strangers who can reach you). Second panel (beside it or below it on a "
               "phone): how many people you can reach, and how many strangers you would have to "
               "vet yourself, when new contacts come only through introductions and when anyone "
               "can reach your open profile. A stylised network with a fixed random seed.")
    preset_note = ("The network is stylised (clusters of 10, clustermates tied with probability "
                   "80%); the presets set the share of ties that bridge clusters and the norm.")

    def controls(self) -> list[Control]:
        return [
            Slider("b", "Ties that bridge clusters", "% of ties", min=0.0,
                   max=100 * B_GRID[-1], step=2.5, default=10.0, decimals=1),
            Choice("norm", "How new contacts reach you", "norm",
                   options=[(k, NORM_LABELS[k]) for k in NORMS], default="introductions"),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {
            "Closed clusters, introductions": {"b": 0.0, "norm": "introductions"},
            "A few bridges, introductions": {"b": 10.0, "norm": "introductions"},
            "Many bridges, introductions": {"b": 30.0, "norm": "introductions"},
            "Open profile": {"b": 10.0, "norm": "open"},
        }

    def data(self) -> dict[str, Any]:
        return {"grid": web_grid(), "positions": cluster_layout(),
                "clusters": [i // SIZE for i in range(CLUSTERS * SIZE)],
                "norm_labels": dict(NORM_LABELS)}

    def read(self, values: Mapping[str, Any]) -> dict[str, Any]:
        norm = values["norm"]
        if norm not in NORMS:
            raise InputError("not_an_option",
                             f"How new contacts reach you: choose one of {', '.join(NORMS)}.")
        return {"b": values["b"] / 100, "norm": norm}

    def compute(self, params: Mapping[str, Any]) -> IntroductionsView:
        entries = grid()
        index = min(max(round(params["b"] * (len(B_GRID) - 1) / B_GRID[-1]), 0),
                    len(entries) - 1)
        clusters = [i // SIZE for i in range(CLUSTERS * SIZE)]
        return view(entries[index], index, params["norm"], clusters)

    def describe(self, result: IntroductionsView, params: Any = None) -> str:
        r = result
        mine = r.outcomes[r.norm]
        people = r.result["people"]
        text = (f"With {fixed(100 * r.b, 1)}% of ties bridging clusters, you know "
                f"{_count(r.direct, 'person', 'people')} directly "
                f"({fixed(r.direct_outside, 0)} outside your own cluster) and can be introduced "
                f"to {_count(r.two_step, 'more person', 'more people')} in two steps "
                f"({fixed(r.two_step_outside, 0)} outside your cluster).")
        if r.norm == "introductions":
            text += (f" Through introductions you reach {fixed(mine['reach'], 0)} of the "
                     f"{fixed(people - 1, 0)} others, and every new contact comes vouched for: "
                     "0 strangers to vet yourself.")
        else:
            text += (f" With an open profile all {fixed(mine['reach'], 0)} others can reach you, "
                     "but nobody vouches for them: "
                     f"{_count(mine['to_vet'], 'stranger', 'strangers')} to vet yourself.")
        return text
