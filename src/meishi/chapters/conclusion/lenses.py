"""The four lenses across countries: one measure per explanation beside LinkedIn per head.

Every value is read from the course data: LinkedIn members per 100 people as
chapter 4 gives them (:func:`meishi.data.series.latest_per_100`), job tenure
(chapter 1's table), Hofstede's individualism score, general trust as chapter
3 gives it (:func:`meishi.data.series.trust_wave7`) and whether the course's
sources show a local service of about LinkedIn's size or larger (each counted on
its own base).  A country without a
figure for a lens is left out of that lens, never filled in, and named
(:func:`lens_points`); a country with a lens figure but no LinkedIn figure is
named too (:func:`lens_without_linkedin`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ...data import load
from ...data.series import latest_per_100, trust_wave7, year_of

__all__ = ["LENSES", "Lens", "lens_points", "lens_table", "lens_without_linkedin"]


@dataclass(frozen=True)
class Lens:
    key: str
    explanation: str      # which of the four explanations it stands for
    measure: str          # what the number is
    short: str            # the measure in a few words (chart titles)
    unit: str             # for axes and readouts
    dataset: str          # the course dataset it comes from
    caveat: str           # what makes the comparison loose
    direction: int = 1    # +1: the explanation predicts more LinkedIn for a higher value


LENSES: dict[str, Lens] = {
    "tenure": Lens(
        "tenure", "1. Lifetime employment", "Average years with the current employer",
        "job tenure", "years",
        "tenure_by_country",
        "Japan's figure is a mean for full-time staff, the United States' a median for all "
        "employees, and the other countries' statistic is not stated.", direction=-1),
    "individualism": Lens(
        "individualism", "2. Modesty", "Hofstede's individualism score", "individualism",
        "index, 0 to 100",
        "individualism_by_country",
        "Individualism is not modesty itself, and the scores were measured decades ago."),
    "trust": Lens(
        "trust", "3. Relationships", "Adults who say most people can be trusted",
        "general trust", "%",
        "general_trust",
        "The question may not mean the same in every language; the UK and France come from "
        "the European Values Study, the rest from the World Values Survey."),
    "local": Lens(
        "local", "4. Local services",
        "A local service of about LinkedIn's size or larger found", "local rival",
        "1 = found, 0 = not looked for", "local_network_lead",
        "The course looked for local rivals only where LinkedIn was weak, so this lens is "
        "biased by how its data were gathered: 0 means not looked for, not none.", direction=-1),
}


def _lens_countries() -> dict[str, list[str]]:
    """The countries each lens's dataset gives a value for, in the course data."""
    local = load("local_network_lead").frame
    return {
        "tenure": list(load("tenure_by_country").frame["country"]),
        "individualism": list(load("individualism_by_country").frame["country"]),
        "trust": list(trust_wave7()),
        "local": list(local.loc[local["local_rival"].isin(["found", "not looked for"]),
                                "country"]),
    }


def lens_without_linkedin() -> dict[str, list[str]]:
    """Per lens, the countries with a value on it but no LinkedIn figure, so left out of
    every comparison (sorted).  A country spelt otherwise than in the LinkedIn table (in
    case only) is an error, never a gap."""
    linkedin = set(latest_per_100())
    folded = {c.casefold(): c for c in linkedin}
    out = {}
    for key, countries in _lens_countries().items():
        gaps = sorted(dict.fromkeys(c for c in countries if c not in linkedin))
        clash = [(c, folded[c.casefold()]) for c in gaps if c.casefold() in folded]
        if clash:
            raise ValueError(f"{LENSES[key].dataset}: {clash[0][0]!r} is spelt otherwise than "
                             f"{clash[0][1]!r} in the LinkedIn table, so it would drop out")
        out[key] = gaps
    return out


def lens_table() -> pd.DataFrame:
    """One row per country with a LinkedIn figure: that figure and each lens's value (NaN
    where the course has none)."""
    per100 = latest_per_100()
    tenure = load("tenure_by_country").frame.set_index("country")["tenure_years"]
    idv = load("individualism_by_country").frame.set_index("country")["individualism"]
    trust = {country: value for country, (value, _survey) in trust_wave7().items()}
    local = load("local_network_lead").frame.groupby("country")["local_rival"].first()
    rows = []
    for country, (value, date, basis) in sorted(per100.items(), key=lambda kv: -kv[1][0]):
        rows.append({
            "country": country,
            "linkedin_per_100": value,
            "linkedin_year": year_of(date),
            "linkedin_basis": basis,
            "tenure": float(tenure.get(country, math.nan)),
            "individualism": float(idv.get(country, math.nan)),
            "trust": float(trust.get(country, math.nan)),
            "local": {"found": 1.0, "not looked for": 0.0}.get(local.get(country), math.nan),
        })
    return pd.DataFrame(rows).set_index("country")


def lens_points(lens: str, table: pd.DataFrame | None = None
                ) -> tuple[list[str], list[float], list[float], list[str]]:
    """(countries, lens values, LinkedIn per 100, countries without a value for the lens)."""
    if lens not in LENSES:
        raise KeyError(f"no lens called {lens!r}; lenses: {', '.join(LENSES)}")
    table = lens_table() if table is None else table
    have = table[table[lens].notna()]
    missing = [c for c in table.index if c not in have.index]
    return (list(have.index), [float(v) for v in have[lens]],
            [float(v) for v in have["linkedin_per_100"]], missing)
