"""Chapter 4's widgets: platforms under network effects, and which service for which job.

Front ends: ``web/src/widgets/platforms/`` and ``web/src/widgets/chooser/`` (each
``logic.js`` ports ``read``/``compute``/``describe`` below; a parity test holds them to
these, character for character).  The chooser's model is ported to
``web/src/models/chooser.js``; its goals and the sourced features table travel in the
widget's ``spec.data``, so the page needs no Python.  What they show is computed in
:mod:`.views` (the shares' decimals, the feature rows, the decisive row); here are
their controls, presets and readouts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...kit.controls import Choice, Control, Slider
from ...kit.fmt import fixed
from ...kit.inputs import InputError
from ...kit.widget import CourseWidget
from ...models.chooser import Goal, ServiceFit, choose
from ...models.platforms import SETTLE_TOL, Equilibrium, PlatformResult, platform_shares
from .goals import GOALS
from .views import decisive_row, feature_rows, share_digits

__all__ = ["ChooserWidget", "PlatformsWidget", "decisive_row", "share_digits"]

SOCIAL_OPTIONS = (("off", "Off: the local platform and the entrant only"),
                  ("on", "On: a general social network competes too"))
KIND_NAMES = {"stable": "stable", "tipping": "tipping point",
              "touch": "touching: stable from one side only"}


def _pct(x: float, digits: int) -> str:
    """A share (fraction) in percent; exactly 0 and 1 as "0%" and "100%", a share between
    them that would still read as 0 or 100 as "nearly 0%" or "nearly 100%"."""
    text = fixed(100 * x, digits)
    if x in (0.0, 1.0):
        return text.rstrip("0").rstrip(".") + "%"
    if float(text) in (0.0, 100.0):
        return f"nearly {text.rstrip('0').rstrip('.')}%"
    return text + "%"


class PlatformsWidget(CourseWidget):
    """A local platform, a global entrant (and a social network): :mod:`meishi.models.platforms`."""

    widget_id = "platforms"
    title = "Platforms under network effects: who tips the market?"
    caption = ("First panel (Who moves where): for every share of users the entrant has now "
               "(across), the share who would choose it when they next reconsider (the curved "
               "line). Where the curve is above the dashed diagonal the entrant grows, where it "
               "is below it shrinks; where the two cross the market is at rest: filled circles "
               "are stable states, open circles tipping points, the square is the start. Second "
               "panel (Shares over time, beside it or below it on a phone): each platform's "
               "share of users, round by round, a fifth of users reconsidering each round. A "
               "stylised model: fit, network effect, switching cost and taste are in the same "
               "made-up points.")
    preset_note = ("All values here are stylised: no survey measures these parameters. The "
                   "presets contrast no network effect, a strong one against a late entrant "
                   "with and without a big fit advantage, a slower entrant that grows only into "
                   "a niche, and a general social network joining the two.")
    ROUNDS = 80

    def controls(self) -> list[Control]:
        return [
            Slider("d", "Entrant's fit advantage over the local platform", "points", min=-1.0,
                   max=1.0, step=0.05, default=0.2, decimals=2),
            Slider("beta", "Strength of the network effect", "points", min=0.0, max=5.0,
                   step=0.1, default=2.0, decimals=1),
            Slider("c", "Switching cost", "points", min=0.0, max=2.0, step=0.1, default=0.2,
                   decimals=1),
            Slider("tau", "How much tastes differ", "points", min=0.1, max=2.0, step=0.1,
                   default=0.5, decimals=1),
            Slider("x0", "Entrant's starting share", "%", min=0.0, max=100.0, step=1.0,
                   default=30.0, decimals=0),
            Choice("social", "A general social network as a third option", "on or off",
                   options=SOCIAL_OPTIONS, default="off"),
            Slider("f_s", "Social network's fit, used only when it is on", "points", min=-1.0,
                   max=1.0, step=0.05, default=0.0, decimals=2),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        base = {"d": 0.2, "beta": 2.0, "c": 0.2, "tau": 0.5, "x0": 30.0, "social": "off",
                "f_s": 0.0}
        late = {**base, "beta": 4.0, "tau": 0.5, "d": 0.0, "x0": 1.0}
        return {
            "No network effect": {**base, "beta": 0.0},
            "Strong effect, late entrant": late,
            "Big fit advantage": {**base, "beta": 2.0, "tau": 0.5, "d": 0.8, "x0": 1.0},
            "Slow, steady entrant": {**base, "beta": 2.0, "tau": 0.5, "d": 0.4, "x0": 1.0},
            "Social network in the mix": {**base, "social": "on", "f_s": 0.5},
        }

    def data(self) -> dict[str, Any]:
        return {"rounds": self.ROUNDS}

    def read(self, values: Mapping[str, Any]) -> dict[str, Any]:
        social = values["social"]
        if social not in ("off", "on"):
            raise InputError("not_an_option",
                             "A general social network as a third option: choose one of "
                             "off, on.")
        return {"d": float(values["d"]), "beta": float(values["beta"]),
                "c": float(values["c"]), "tau": float(values["tau"]),
                "x0": values["x0"] / 100, "social": social == "on",
                "f_s": float(values["f_s"])}

    def compute(self, params: Mapping[str, Any]) -> PlatformResult:
        return platform_shares(params["d"], params["beta"], params["c"], params["tau"],
                               params["x0"], rounds=self.ROUNDS, social=params["social"],
                               f_s=params["f_s"])

    def describe(self, result: PlatformResult, params: Any = None) -> str:
        r = result
        rounds = r.rounds
        start = fixed(100 * r.x0, 0)
        if r.social:
            final = [float(v) for v in r.final]
            digits = share_digits(final)
            state = "no longer moving" if r.settled else "still moving"
            return (f"With a general social network as a third option (its fit "
                    f"{fixed(r.f_s, 2)} points) and the entrant starting with {start}% of "
                    f"users, after {rounds} rounds the local platform has "
                    f"{_pct(final[0], digits[0])}, the entrant {_pct(final[1], digits[1])} and "
                    f"the social network {_pct(final[2], digits[2])} ({state}). Steady states "
                    "and the fit advantage needed to win are worked out for two platforms "
                    "only.")
        eqs: tuple[Equilibrium, ...] = r.equilibria
        end = float(r.path[1][-1])
        shares = [e.share for e in eqs] + [r.long_run] + ([] if r.settled else [end])
        written = dict(zip(shares, share_digits(shares), strict=True))

        def pct(x: float) -> str:
            return _pct(x, written[x])

        at = next((e for e in eqs if e.share == r.long_run), None)
        if r.settled and at is not None and at.kind == "tipping":
            text = (f"The entrant starts with {start}% of users and stays at {pct(at.share)} "
                    f"for {rounds} rounds: an unstable balance (a tipping point), which the "
                    "slightest push would leave.")
        elif r.settled:
            text = (f"The entrant starts with {start}% of users; after {rounds} rounds it has "
                    f"settled at {pct(r.long_run)}.")
        elif abs(end - float(r.path[1][-2])) <= SETTLE_TOL:
            text = (f"The entrant starts with {start}% of users; after {rounds} rounds it has "
                    f"{pct(end)} and is barely moving, short of the steady state it heads for, "
                    f"{pct(r.long_run)}.")
        else:
            text = (f"The entrant starts with {start}% of users; after {rounds} rounds it has "
                    f"{pct(end)} and is still moving towards {pct(r.long_run)}.")
        tipping = [e for e in eqs if e.kind == "tipping"]
        if len(eqs) == 1:
            text += (f" One steady state, {pct(eqs[0].share)}: from any start the entrant's "
                     "share heads there.")
        else:
            text += (" Steady states: "
                     + ", ".join(f"{pct(e.share)} ({KIND_NAMES[e.kind]})" for e in eqs) + ".")
            if len(eqs) == 3 and len(tipping) == 1 and eqs[1].kind == "tipping":
                text += (f" Start above {pct(eqs[1].share)} and the entrant heads to "
                         f"{pct(eqs[2].share)}; below it, to {pct(eqs[0].share)}.")
        if r.critical_status == "found":
            need = fixed(r.critical_fit, 2)
            need = "just above 0 points" if need == "0.00" else f"of at least {need} points"
            text += (f" From a {start}% start the entrant needs a fit advantage {need} to win "
                     f"a majority (it has {fixed(r.d, 2)}).")
        elif r.critical_status == "always":
            text += (f" From a {start}% start the entrant wins a majority whatever its fit, "
                     "even at -1 points.")
        else:
            text += (f" From a {start}% start no fit advantage up to 1 point wins the entrant "
                     "a majority.")
        return text


# -- which service for which job -----------------------------------------------------------

def _score(x: float) -> str:
    """A score: two decimals, three when a half-credited weight needs them (0.075)."""
    three = fixed(x, 3)
    return three if not three.endswith("0") else fixed(x, 2)


class ChooserWidget(CourseWidget):
    """Which service for which job: :func:`meishi.models.chooser.choose`, rows and reasons."""

    widget_id = "chooser"
    title = "Which service for which job?"
    caption = ("Each bar is a service's score for the chosen goal: the weights of the needed "
               "features its row in the sourced table supports (yes counts in full, partly "
               "half), out of the most the goal can give (the end of the axis). A feature with "
               "no row for a service is not found: a gap in the table, not a no. The table "
               "under the chart shows the rows behind the leading services, with their "
               "sources. The weights are the course's judgement.")
    preset_note = ("The presets pick a goal for three people: someone quietly looking for a "
                   "new job, someone just back from a business-card exchange, and an employer. "
                   "Each goal's weights are the course's stylised judgement; every row of the "
                   "table has a source.")

    def controls(self) -> list[Control]:
        return [Choice("goal", "What you want to do", "goal",
                       options=[(g.key, g.label) for g in GOALS], default=GOALS[0].key)]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        return {
            "A quiet job seeker": {"goal": "quiet_move"},
            "After exchanging cards": {"goal": "keep_contacts"},
            "An employer": {"goal": "hire_specialist"},
        }

    def data(self) -> dict[str, Any]:
        return {"goals": [{"key": g.key, "label": g.label,
                           "needs": [{"feature": n.feature, "weight": n.weight, "why": n.why}
                                     for n in g.needs]} for g in GOALS],
                "table": [dict(r) for r in feature_rows()]}

    def read(self, values: Mapping[str, Any]) -> str:
        key = values["goal"]
        if key not in {g.key for g in GOALS}:
            raise InputError("not_an_option", "What you want to do: choose one of "
                             + ", ".join(g.key for g in GOALS) + ".")
        return key

    @staticmethod
    def goal(key: str) -> Goal:
        return next(g for g in GOALS if g.key == key)

    def compute(self, params: str) -> tuple[ServiceFit, ...]:
        return choose(self.goal(params), feature_rows())

    def describe(self, result: tuple[ServiceFit, ...], params: Any = None) -> str:
        goal = self.goal(params)
        top, rest = result[0], result[1:]
        text = f"For “{goal.label}”, "
        if top.score == 0:
            text += ("no service has a sourced row supporting any of the features it needs "
                     f"(the most it could score is {_score(top.top)}).")
        else:
            tied = [f for f in rest if f.score == top.score]
            if tied:
                names = [top.service, *(f.service for f in tied)]
                text += (f"{', '.join(names[:-1])} and {names[-1]} tie with "
                         f"{_score(top.score)} of {_score(top.top)}; by name, {top.service} "
                         "is listed first.")
            else:
                text += f"{top.service} fits best with {_score(top.score)} of {_score(top.top)}"
                runners = [f.service for f in rest if f.score == rest[0].score] if rest else []
                if not runners:
                    text += "."
                elif rest[0].score == 0:
                    text += "; no other service scores above 0."
                elif len(runners) == 1:
                    text += f", ahead of {runners[0]} ({_score(rest[0].score)})."
                else:
                    text += (f", ahead of {', '.join(runners[:-1])} and {runners[-1]} "
                             f"({_score(rest[0].score)} each).")
            decisive = decisive_row(result)
            if decisive is not None:
                row, _lead = decisive
                weight = next(n.weight for n in goal.needs if n.feature == row.feature)
                text += (f" Decisive row: {top.service}, {row.feature}, {row.supports} "
                         f"({_score(row.points)} of {_score(weight)}): “{row.detail}” (source "
                         f"{row.source_id}).")
        if top.not_found:
            text += (f" Not found for {top.service}: {', '.join(top.not_found)} (a gap in the "
                     "table, not a no).")
        found = {e.feature for f in result for e in f.evidence}
        missing = [n.feature for n in goal.needs if n.feature not in found]
        if missing:
            count = len(missing)
            text += (f" {count} of the {len(goal.needs)} needed features "
                     f"{'has' if count == 1 else 'have'} no sourced row for any service: "
                     f"{', '.join(missing)}.")
        else:
            text += (f" Each of the {len(goal.needs)} needed features has a sourced row for at "
                     "least one service.")
        return text
