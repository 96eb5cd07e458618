"""The platform chooser (meishi.models.chooser) on hand-made tables."""

from __future__ import annotations

import pytest

from meishi.models.chooser import Goal, Need, choose

TABLE = [
    {"service": "A", "feature": "block", "supports": "yes", "detail": "d1", "source_id": "s1"},
    {"service": "A", "feature": "scout", "supports": "partly", "detail": "d2", "source_id": "s2"},
    {"service": "B", "feature": "scout", "supports": "yes", "detail": "d3", "source_id": "s3"},
    {"service": "C", "feature": "block", "supports": "no", "detail": "d4", "source_id": "s4"},
]
GOAL = Goal("quiet", "Change jobs quietly",
            (Need("block", 0.6, "hide from the boss"), Need("scout", 0.4, "be found")))


def test_scores_by_hand_and_order():
    fits = choose(GOAL, TABLE)
    assert [f.service for f in fits] == ["A", "B", "C"]
    a, b, c = fits
    assert a.score == pytest.approx(0.6 + 0.4 * 0.5) and a.top == pytest.approx(1.0)
    assert b.score == pytest.approx(0.4) and b.not_found == ("block",)
    assert c.score == 0 and c.not_found == ("scout",)  # a gap is not a "no"
    assert [e.source_id for e in a.evidence] == ["s1", "s2"]


def test_ties_are_ordered_by_name_and_gaps_are_listed():
    goal = Goal("g", "G", (Need("nothing", 1.0, "no one has it"),))
    fits = choose(goal, TABLE)
    assert [f.service for f in fits] == ["A", "B", "C"]
    assert all(f.score == 0 and f.not_found == ("nothing",) for f in fits)


def test_bad_goal_and_bad_rows_are_refused():
    with pytest.raises(ValueError, match="at least one feature"):
        choose(Goal("g", "G", ()), TABLE)
    with pytest.raises(ValueError, match="yes, partly or no"):
        choose(GOAL, [{**TABLE[0], "supports": "maybe"}])
