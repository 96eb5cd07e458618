"""make bench's machine check (meishi_build.bench): how fast the machine was at the time."""

from __future__ import annotations

import pytest

from meishi_build.bench import machine_check, machine_note


def test_the_check_is_the_best_of_its_runs_in_milliseconds():
    ticks = iter([0.0, 0.050, 1.0, 1.020, 2.0, 2.080])
    assert machine_check(runs=3, clock=lambda: next(ticks)) == pytest.approx(20.0)


def test_the_check_times_real_work():
    once = machine_check(runs=1)
    assert 1.0 < once < 5000.0


def test_the_note_gives_both_checks_and_warns_when_the_speed_changed():
    steady = machine_note(50.2, 55.9)
    assert "50 ms at the start, 56 ms at the end." in steady
    assert "changed" not in steady
    for start, end in [(50.0, 61.0), (61.0, 50.0)]:
        assert machine_note(start, end).endswith(
            "The machine's speed changed during the run: compare its figures with care.")
