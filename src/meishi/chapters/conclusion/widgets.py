"""Chapter 5's widget: does a lens line up with LinkedIn's uptake across countries?

The front end is ``web/src/widgets/lenses/`` (``logic.js`` ports ``read``,
``compute`` and ``describe`` below; a parity test holds it to them).  The
countries' values travel in the page (``spec.data``), so the page needs no
Python.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ...kit.controls import Choice, Control, NumberText
from ...kit.fmt import fixed
from ...kit.inputs import InputError
from ...kit.widget import CourseWidget
from ...models.lenses import DEFAULT_SHUFFLES, LensResult, lens_test
from .lenses import LENSES, lens_table, lens_without_linkedin

__all__ = ["OWN", "LensesWidget", "listed"]

#: The label of the learner's own point.
OWN = "Your country"


def _lens_data() -> dict[str, Any]:
    table = lens_table()
    return {
        "lenses": [{"key": lens.key, "explanation": lens.explanation, "measure": lens.measure,
                    "short": lens.short, "unit": lens.unit, "caveat": lens.caveat}
                   for lens in LENSES.values()],
        "countries": [
            {"name": country, "linkedin": float(row["linkedin_per_100"]),
             "year": int(row["linkedin_year"]), "basis": str(row["linkedin_basis"]),
             "values": {k: (None if math.isnan(row[k]) else float(row[k])) for k in LENSES}}
            for country, row in table.iterrows()],
        "without_linkedin": lens_without_linkedin(),
        "shuffles": DEFAULT_SHUFFLES,
    }


def listed(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


class LensesWidget(CourseWidget):
    """Choose a lens; see whether it lines up with LinkedIn members per head."""

    widget_id = "lenses"
    title = "Do the four lenses line up with LinkedIn's uptake?"
    caption = ("Each dot is a country: across, the chosen lens's measure; up, LinkedIn members "
               "per 100 people (each country's latest figure in the course data, 2018 to "
               "2025). "
               "A country with no figure for the lens, or no LinkedIn figure, is left out "
               "and named below. Model: "
               "rank agreement (Spearman's rank correlation) and a permutation test with "
               f"{DEFAULT_SHUFFLES:,} fixed-seed shuffles.")
    preset_note = ("Every country's values come from the course data: LinkedIn per head as in "
                   "chapter 4 (LinkedIn's own counts for Japan and South Korea; advertising-tool "
                   "estimates, which run higher, elsewhere; Germany and Australia from 2018), "
                   "tenure as in chapter 1, trust as in chapter 3, individualism from Hofstede's "
                   "2015 data file. Your own country's numbers are yours, not sourced.")

    def controls(self) -> list[Control]:
        countries = list(lens_table().index)
        return [
            Choice("lens", "Lens", "explanation",
                   options=tuple((k, f"{lens.explanation}: {lens.measure}")
                                 for k, lens in LENSES.items()), default="tenure"),
            Choice("leave_out", "Leave out one country", "country",
                   options=(("none", "Nobody"), *((c, c) for c in countries)), default="none"),
            NumberText("own_x", "Your country: its value on this lens", "lens units", min=0.0,
                       max=100.0, placeholder="optional, e.g. 8.5", optional=True),
            NumberText("own_y", "Your country: LinkedIn members per 100 people", "per 100",
                       min=0.0, max=100.0, placeholder="optional, e.g. 20", optional=True),
        ]

    def presets(self) -> Mapping[str, Mapping[str, Any]]:
        blank = {"leave_out": "none", "own_x": "", "own_y": ""}
        return {LENSES[k].explanation: {"lens": k, **blank} for k in LENSES} | {
            "Individualism without the US, UK and Australia? Leave out the US":
                {"lens": "individualism", "leave_out": "United States", "own_x": "",
                 "own_y": ""}}

    def data(self) -> dict[str, Any]:
        return _lens_data()

    def read(self, values: Mapping[str, Any]) -> dict[str, Any]:
        if values.get("lens") not in LENSES:
            raise InputError("not_an_option", f"Lens: choose one of {', '.join(LENSES)}.")
        names = [c["name"] for c in self.spec["data"]["countries"]]
        if values.get("leave_out") not in ("none", *names):
            raise InputError("not_an_option", "Leave out one country: choose none or one of "
                             f"{', '.join(names)}.")
        own_x, own_y = values.get("own_x", ""), values.get("own_y", "")
        x = self.typed(values, "own_x") if own_x.strip() else None
        y = self.typed(values, "own_y") if own_y.strip() else None
        own, note = None, None
        if x is not None and values["lens"] == "local" and x not in (0.0, 1.0):
            note = ("To add your country on this lens, type 1 if a local service of about "
                    "LinkedIn's size or larger exists there, 0 if not.")
        elif x is not None and y is not None:
            own = [x, y]
        elif x is not None or y is not None:
            note = ("To add your country, type "
                    + ("its LinkedIn members per 100 people" if y is None
                       else "its value on this lens") + " too.")
        return {"lens": values["lens"], "leave_out": values["leave_out"], "own": own,
                "note": note}

    def compute(self, params: Mapping[str, Any]) -> LensResult:
        names, xs, ys = [], [], []
        for country in self.spec["data"]["countries"]:
            value = country["values"][params["lens"]]
            if value is None or country["name"] == params["leave_out"]:
                continue
            names.append(country["name"])
            xs.append(value)
            ys.append(country["linkedin"])
        if params["own"] is not None:
            names.append(OWN)
            xs.append(params["own"][0])
            ys.append(params["own"][1])
        return lens_test(names, xs, ys, self.spec["data"]["shuffles"])

    def describe(self, result: LensResult, params: Any = None) -> str:
        lens = LENSES[params["lens"]]
        data = self.spec["data"]
        missing = [c["name"] for c in data["countries"] if c["values"][lens.key] is None]
        unmatched = data["without_linkedin"][lens.key]
        head = (f"{lens.explanation} ({lens.measure}, {lens.unit}) against LinkedIn members "
                f"per 100 people: {result.n} countr{'y' if result.n == 1 else 'ies'}")
        if params["leave_out"] in missing:
            head += (f" ({params['leave_out']} has no figure on this lens, so leaving it out "
                     "changes nothing)")
        elif params["leave_out"] != "none":
            head += f" ({params['leave_out']} left out)"
        if params["own"] is not None:
            x = params["own"][0]
            if lens.key == "local":  # a yes/no lens: say which, not 1.0 or 0.0
                shown = "a local rival" if x == 1 else "no local rival"
            else:
                shown = fixed(x, 1)
            head += f", including yours ({shown}, {fixed(params['own'][1], 1)} per 100)"
        if math.isnan(result.rho):
            body = ". With fewer than two different values there is no order to compare."
        else:
            share = fixed(100 * result.chance, 1)
            shuffles = f"{self.spec['data']['shuffles']:,}"
            verdict = ("rarely, so chance alone is an unlikely explanation, though with so few "
                       "countries other differences between them could produce it"
                       if result.chance < 0.05 else
                       "often, so chance alone could give a pattern like this")
            body = (f". Rank correlation {fixed(result.rho, 2)}: {result.words}. In "
                    f"{shuffles} random shuffles of the LinkedIn figures among these "
                    f"countries, {share}% agreed at least as strongly: {verdict}.")
        tail = f" Left out, no {lens.short} figure: {listed(missing)}." if missing else ""
        if unmatched:
            tail += f" Left out, no LinkedIn figure: {listed(unmatched)}."
        if params["note"]:
            tail += " " + params["note"]
        return head + body + tail + " " + lens.caveat
