"""The chooser's goals: what a professional in Japan might want, and which features serve it.

The weights are the course's judgement (stylised), stated so a learner can
disagree with them; every feature a goal names is a row type in the sourced
features table (``assets/data/platform_features.csv``).
"""

from __future__ import annotations

from ...data import load
from ...models.chooser import Goal, Need

__all__ = ["GOALS", "feature_table"]

GOALS: tuple[Goal, ...] = (
    Goal("quiet_move", "Change jobs without my employer noticing", (
        Need("hide résumé from current employer", 0.5,
             "a search your boss can see is the risk chapter 1 is about"),
        Need("scouting by companies", 0.25, "offers come to you; you need not apply openly"),
        Need("scouting by companies and headhunters", 0.25,
             "headhunters approach you; you need not apply openly"),
    )),
    Goal("keep_contacts", "Keep the contacts from a business-card exchange", (
        Need("business-card scanning", 0.4, "the cards themselves become a contact list"),
        Need("contact keeping", 0.4, "you hear when a contact moves or changes jobs"),
        Need("real names", 0.1, "you can find people under the name on their card"),
        Need("messaging", 0.1, "you can write to them afterwards"),
    )),
    Goal("casual_visit", "Visit a start-up casually, without applying", (
        Need("casual company visit", 0.7, "a first meeting that is not yet an interview"),
        Need("job listings", 0.3, "you can see who is hiring"),
    )),
    Goal("hire_specialist", "Hire an experienced specialist (as an employer)", (
        Need("scouting by companies and headhunters", 0.4,
             "you approach people who are not looking openly"),
        Need("scouting by companies", 0.3, "you approach people who are not looking openly"),
        Need("screening at registration", 0.15, "candidates are screened before you see them"),
        Need("friends-of-friends scouting", 0.15, "offers travel through people both sides know"),
    )),
    Goal("foreign_colleague", "Stay in touch with a colleague abroad", (
        Need("reach abroad", 0.5, "the colleague is likely to be on it too"),
        Need("messaging", 0.2, "you can write to them"),
        Need("real names", 0.2, "you can find them by name"),
        Need("Japanese-language profiles", 0.1, "you can use it in Japanese too"),
    )),
)


def feature_table() -> list[dict[str, str]]:
    """The sourced features table as plain rows (for the chooser and its front end)."""
    df = load("platform_features").frame
    cols = ["service", "feature", "supports", "detail", "source_id"]
    return [{c: str(r[c]) for c in cols} for _, r in df.iterrows()]
